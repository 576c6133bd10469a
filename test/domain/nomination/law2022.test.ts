/**
 * The award rules of the law in force, on the default catalogue (DOMAIN §3, checked 2026-12):
 * Luật Thi đua, khen thưởng 2022 (Đ5 one achievement one reward, Đ25.1 the Government flag, Đ26
 * the provincial flag), CV 5007/BNV-TĐKT 2023 (the 20% of bloc leaders is the province's), and
 * Tập thể lao động xuất sắc's internal conditions (Bắc Ninh 2025, DOMAIN §3).
 */
import { defaultCatalogue, validateCatalogue } from "../../../src/domain/nomination/catalogue";
import { nominate, type NominationInput } from "../../../src/domain/nomination/engine";
import type { Award, AwardVote, Catalogue, Proposal, Standing } from "../../../src/domain/nomination/model";
import { UNITS } from "../voting/helpers";

const HTXS = "Hoàn thành xuất sắc nhiệm vụ";
const [VH, GD, YT, LD] = UNITS;

/** Eight units; the first four excellent; the first leads the bloc. */
const standings = (): Standing[] => UNITS.map((unit, i) => ({ unit, total: 98 - 3 * i, rank: i + 1, band: i < 4 ? HTXS : "Hoàn thành tốt nhiệm vụ", leading: i === 0 }));

const vote = (award: string, elected: string[]): AwardVote => ({
  award,
  voteId: `${award}#1`,
  final: true,
  elected,
  candidates: elected.map((name) => ({ name, votes: 8, percent: 100, passes: true })),
  denominator: 8,
  ruleText: { vi: "≥ 80% tổng số thành viên", en: "≥ 80% of all members" },
});

const run = (over: Partial<NominationInput> = {}) => nominate({ catalogue: defaultCatalogue(), standings: standings(), votes: [], overrides: [], registrations: null, ...over });
const find = (ps: Proposal[], awardId: string, unit: string): Proposal => ps.find((x) => x.awardId === awardId && x.unit === unit)!;
const vi = (p: Proposal) => p.reasons.map((r) => r.vi);
const listed = (r: { list: Proposal[] }, awardId: string) => r.list.filter((p) => p.awardId === awardId).map((p) => p.unit);
const edit = (c: Catalogue, id: string, f: (a: Award) => void): Catalogue => {
  f(c.awards.find((a) => a.id === id)!);
  return c;
};

describe("Cờ thi đua của UBND tỉnh: the bloc's leading unit (Luật Thi đua, khen thưởng 2022 Đ26; Bắc Ninh QĐ 86/2025 Đ3.1)", () => {
  it("a rank-2 unit elected by the vote is not proposed; the reason cites the rule", () => {
    const r = run({ votes: [vote("Cờ thi đua của UBND tỉnh", [GD])] });
    expect(listed(r, "co-tinh")).toEqual([]);
    const p = find(r.proposals, "co-tinh", GD);
    expect(vi(p)[0]).toBe("Không phải đơn vị dẫn đầu khối");
    expect(vi(p).at(-1)).toMatch(/^Quy định áp dụng: Luật Thi đua, khen thưởng 2022, Điều 26/);
    expect(p.reasons.at(-1)?.en).toMatch(/^Rule applied: /);
  });

  it("the leading unit, elected, is proposed, and its reasons say why and under which rule", () => {
    const r = run({ votes: [vote("Cờ thi đua của UBND tỉnh", [VH, GD])] });
    expect(listed(r, "co-tinh")).toEqual([VH]);
    expect(vi(find(r.proposals, "co-tinh", VH))).toEqual([`Đạt: hạng 1, dẫn đầu khối, ${HTXS}, 100,00% phiếu đồng ý`, expect.stringContaining("Điều 26")]);
  });

  it("a province whose rule differs turns the condition off on its catalogue: then the vote decides, and the catalogue check says what the law says", () => {
    const c = edit(defaultCatalogue(), "co-tinh", (a) => {
      a.prerequisites.leading = false;
      a.ruleNote = "Quy định thi đua, khen thưởng của tỉnh (khác Điều 26)";
    });
    expect(listed(run({ catalogue: c, votes: [vote("Cờ thi đua của UBND tỉnh", [GD])] }), "co-tinh")).toEqual([GD]);
    expect(validateCatalogue(c).map((i) => [i.code, i.severity, i.field])).toEqual([["nomination.catalogue.leading.law", "warning", "awards.1.prerequisites.leading"]]);
  });
});

describe("Cờ thi đua của Chính phủ: among the blocs' leading units; the 20% is the province's (Đ25.1; CV 5007/BNV-TĐKT 2023)", () => {
  it("the bloc proposes its leading unit with no cap of its own, and says the province caps", () => {
    expect(defaultCatalogue().awards.find((a) => a.id === "co-cp")?.percentCap).toBeNull();
    const r = run({ votes: [vote("Cờ thi đua của Chính phủ", [VH, GD])] });
    expect(listed(r, "co-cp")).toEqual([VH]);
    expect(vi(find(r.proposals, "co-cp", VH)).at(-1)).toMatch(/tỷ lệ 20% do tỉnh xét trên tổng số tập thể dẫn đầu các cụm, khối.*5007\/BNV-TĐKT.*không tính trong từng khối/);
    expect(vi(find(r.proposals, "co-cp", GD))[0]).toBe("Không phải đơn vị dẫn đầu khối");
  });

  it("a cap kept on an older catalogue is a warning naming the province's rule", () => {
    const c = edit(defaultCatalogue(), "co-cp", (a) => (a.percentCap = 20));
    const w = validateCatalogue(c);
    expect(w.map((i) => [i.code, i.severity, i.field])).toEqual([["nomination.catalogue.percentCap.provincial", "warning", "awards.0.percentCap"]]);
    expect(w[0].message.vi).toContain("5007/BNV-TĐKT");
  });
});

describe("one achievement, one reward (Luật Thi đua, khen thưởng 2022 Đ5)", () => {
  it("a flag and a certificate of merit for the same unit: the catalogue's precedence keeps the flag, the certificate says why not", () => {
    const r = run({ votes: [vote("Cờ thi đua của UBND tỉnh", [VH]), vote("Bằng khen của Chủ tịch UBND tỉnh", [VH, LD])] });
    expect(listed(r, "co-tinh")).toEqual([VH]);
    expect(listed(r, "bk-tinh")).toEqual([LD]);
    expect(vi(find(r.proposals, "bk-tinh", VH))).toEqual(["Đã được đề nghị Cờ thi đua của UBND tỉnh (cao hơn)"]);
  });

  it("the declared precedence decides: put the certificate first and the flag gives way", () => {
    const c = edit(defaultCatalogue(), "bk-tinh", (a) => (a.priority = 0.5));
    c.awards.find((a) => a.id === "bk-tinh")!.priority = 1;
    c.awards.find((a) => a.id === "co-cp")!.priority = 8;
    const r = run({ catalogue: c, votes: [vote("Cờ thi đua của UBND tỉnh", [VH]), vote("Bằng khen của Chủ tịch UBND tỉnh", [VH])] });
    expect(listed(r, "bk-tinh")).toEqual([VH]);
    expect(vi(find(r.proposals, "co-tinh", VH))).toContain("Đã được đề nghị Bằng khen của Chủ tịch UBND tỉnh (cao hơn)");
  });

  it("a meeting that puts one unit on a flag and a certificate at once gets an error citing Đ5", () => {
    const r = run({
      votes: [vote("Cờ thi đua của UBND tỉnh", [VH])],
      overrides: [{ unit: VH, award: "Bằng khen của Chủ tịch UBND tỉnh", include: true, reason: "Thành tích đột xuất" }],
    });
    const e = r.issues.find((i) => i.code === "nomination.exclusive.twice");
    expect(e?.severity).toBe("error");
    expect(e?.message.vi).toContain("Điều 5");
  });
});

describe("Tập thể lao động xuất sắc: the bloc's explicit choice, never automatic (DOMAIN §3: internal conditions the bloc cannot see)", () => {
  it("no excellent unit is proposed by its band alone", () => {
    const r = run();
    expect(listed(r, "tt-ldxs")).toEqual([]);
    expect(vi(find(r.proposals, "tt-ldxs", VH))[0]).toBe("Chưa được hội nghị chọn đề nghị (danh hiệu do khối chọn, không đề nghị tự động)");
  });

  it("the meeting chooses: proposed, with the band still checked", () => {
    const choose = (unit: string) => ({ unit, award: "Tập thể lao động xuất sắc", include: true, reason: "Đơn vị báo cáo đủ điều kiện nội bộ" });
    const r = run({ overrides: [choose(YT), choose(UNITS[5])] });
    expect(listed(r, "tt-ldxs")).toEqual([YT, UNITS[5]]);
    expect(vi(find(r.proposals, "tt-ldxs", YT))).toEqual([`Đạt: hạng 3, hội nghị chọn đề nghị, ${HTXS}`, "Hội nghị quyết định: Đơn vị báo cáo đủ điều kiện nội bộ", expect.stringContaining("Điều kiện nội bộ")]);
    // A good (not excellent) unit the meeting takes anyway keeps the failed band in its reasons.
    expect(vi(find(r.proposals, "tt-ldxs", UNITS[5]))[0]).toMatch(/^Chưa xếp loại Hoàn thành xuất sắc nhiệm vụ/);
  });

  it("an older catalogue proposing it automatically gets a warning", () => {
    const c = edit(defaultCatalogue(), "tt-ldxs", (a) => (a.prerequisites.chosen = false));
    expect(validateCatalogue(c).map((i) => i.code)).toEqual(["nomination.catalogue.chosen.law"]);
  });
});
