import { defaultCatalogue } from "../../../src/domain/nomination/catalogue";
import { nominate, orderedAwards, percentText, type NominationInput } from "../../../src/domain/nomination/engine";
import type { Award, AwardVote, Catalogue, Override, Proposal, Standing } from "../../../src/domain/nomination/model";
import { UNITS } from "../voting/helpers";

const HTXS = "Hoàn thành xuất sắc nhiệm vụ";
const TOT = "Hoàn thành tốt nhiệm vụ";
const [VH, GD, YT, LD, DAI, BAO, HVH, CD] = UNITS;

/** Eight units ranked 1–8: four excellent, three good, one completed; the first leads the bloc. */
function standings(): Standing[] {
  const bands = [HTXS, HTXS, HTXS, HTXS, TOT, TOT, TOT, "Hoàn thành nhiệm vụ"];
  return UNITS.map((unit, i) => ({ unit, total: 98 - 3 * i, rank: i + 1, band: bands[i], leading: i === 0 }));
}

const RULE_TEXT = { vi: "Đơn vị được chọn khi có số phiếu đồng ý đạt từ 80% trở lên so với tổng số thành viên.", en: "A candidate passes with approvals of 80% or more of all members summoned." };

/** A final vote of the 8 members: votes per candidate, passing at ≥ 80%; `elected` in the count's order. */
function vote(award: string, votes: [string, number][], elected: string[], over: Partial<AwardVote> = {}): AwardVote {
  return {
    award,
    voteId: `${award}#1`,
    final: true,
    elected,
    candidates: votes.map(([name, v]) => ({ name, votes: v, percent: Math.round((v / 8) * 10000) / 100, passes: v / 8 >= 0.8 })),
    denominator: 8,
    ruleText: RULE_TEXT,
    ...over,
  };
}

const coCp = () => vote("Cờ thi đua của Chính phủ", [[VH, 8]], [VH]);
const coTinh = (elected = [VH, GD, YT]) =>
  vote(
    "Cờ thi đua của UBND tỉnh",
    [
      [VH, 8],
      [GD, 7],
      [YT, 7],
      [LD, 5],
      [DAI, 2],
    ],
    elected,
  );
const bkTinh = () =>
  vote(
    "Bằng khen của Chủ tịch UBND tỉnh",
    [
      [LD, 7],
      [DAI, 6],
    ],
    [LD],
  );

/**
 * The catalogue the seeds' blocs (2019–2022) worked under, the repealed NĐ 91/2017: any unit the
 * vote elects may take a provincial flag, Tập thể lao động xuất sắc follows the band, the 20% cap
 * counted in the bloc. The mechanisms below are tested on it; the law in force (Luật Thi đua, khen
 * thưởng 2022) and the default catalogue are tested in law2022.test.ts.
 */
function seedCatalogue(): Catalogue {
  const c = defaultCatalogue();
  for (const a of c.awards) {
    a.ruleNote = "";
    a.prerequisites.chosen = false;
    // Registration (DOMAIN §1, setting) is tested in registration.test.ts.
    a.prerequisites.registered = false;
    if (a.id === "co-tinh") a.prerequisites.leading = false;
    if (a.id === "co-cp") a.percentCap = 20;
  }
  return c;
}

function input(over: Partial<NominationInput> = {}): NominationInput {
  return { catalogue: seedCatalogue(), standings: standings(), votes: [coCp(), coTinh(), bkTinh()], overrides: [], registrations: null, ...over };
}

function withAward(c: Catalogue, id: string, change: Partial<Award>): Catalogue {
  return { awards: c.awards.map((a) => (a.id === id ? { ...a, ...change, prerequisites: { ...a.prerequisites, ...(change.prerequisites ?? {}) } } : a)) };
}

const find = (ps: Proposal[], awardId: string, unit: string): Proposal => {
  const p = ps.find((x) => x.awardId === awardId && x.unit === unit);
  if (!p) throw new Error(`no proposal ${awardId} ${unit}`);
  return p;
};
const vi = (p: Proposal) => p.reasons.map((r) => r.vi);
const en = (p: Proposal) => p.reasons.map((r) => r.en);
const listed = (r: { list: Proposal[] }, awardId: string) => r.list.filter((p) => p.awardId === awardId).map((p) => p.unit);
const codes = (r: { issues: { code: string }[] }) => r.issues.map((i) => i.code);

describe("nominate: DOMAIN examples", () => {
  it("seed 000: one Government flag, two provincial flags, one provincial certificate", () => {
    const r = nominate(input({ catalogue: withAward(withAward(seedCatalogue(), "co-tinh", { quota: 2 }), "bk-tinh", { quota: 1 }) }));
    expect(r.issues).toEqual([]);
    expect(listed(r, "co-cp")).toEqual([VH]);
    // The leading unit, on the Government flag, does not also take a provincial flag.
    expect(listed(r, "co-tinh")).toEqual([GD, YT]);
    expect(listed(r, "bk-ttg")).toEqual([]);
    expect(listed(r, "bk-tinh")).toEqual([LD]);
    // Titles without a vote go to every unit that meets their standard.
    expect(listed(r, "tt-ldxs")).toEqual([VH, GD, YT, LD]);
    expect(vi(find(r.proposals, "co-tinh", VH))).toEqual(["Đã được đề nghị Cờ thi đua của Chính phủ (cao hơn)"]);
  });

  it("the leading unit is necessary, not sufficient: it still needs the vote (Bến Tre 2019)", () => {
    const r = nominate(input({ votes: [vote("Cờ thi đua của Chính phủ", [[VH, 5]], []), coTinh()] }));
    expect(listed(r, "co-cp")).toEqual([]);
    expect(vi(find(r.proposals, "co-cp", VH))).toEqual(["Không đạt tỷ lệ phiếu: 62,50% < 80% tổng số thành viên"]);
    expect(en(find(r.proposals, "co-cp", VH))).toEqual(["Vote share not met: 62.50% < 80% of all members summoned"]);
    // Not on the Government flag, the leading unit takes the provincial one.
    expect(listed(r, "co-tinh")).toEqual([VH]);
  });
});

describe("nominate: reasons", () => {
  const r = nominate(input());

  it("a unit in the list says why: rank, band, vote share", () => {
    expect(vi(find(r.proposals, "co-cp", VH))).toEqual(["Đạt: hạng 1, dẫn đầu khối, Hoàn thành xuất sắc nhiệm vụ, 100,00% phiếu đồng ý"]);
    expect(vi(find(r.proposals, "co-tinh", GD))).toEqual(["Đạt: hạng 2, Hoàn thành xuất sắc nhiệm vụ, 87,50% phiếu đồng ý"]);
    expect(en(find(r.proposals, "co-tinh", GD))).toEqual(["Meets: rank 2, Hoàn thành xuất sắc nhiệm vụ, 87.50% approval"]);
    expect(vi(find(r.proposals, "tt-ldxs", LD))).toEqual(["Đạt: hạng 4, Hoàn thành xuất sắc nhiệm vụ"]);
  });

  it("every failed condition is listed, in order", () => {
    // Band, then vote share.
    expect(vi(find(r.proposals, "co-tinh", DAI))).toEqual(["Chưa xếp loại Hoàn thành xuất sắc nhiệm vụ (xếp loại: Hoàn thành tốt nhiệm vụ)", "Không đạt tỷ lệ phiếu: 25,00% < 80% tổng số thành viên"]);
    expect(en(find(r.proposals, "co-tinh", DAI))[0]).toBe("Not classified Hoàn thành xuất sắc nhiệm vụ (classified: Hoàn thành tốt nhiệm vụ)");
    expect(vi(find(r.proposals, "co-tinh", LD))).toEqual(["Không đạt tỷ lệ phiếu: 62,50% < 80% tổng số thành viên"]);
    // Not on the ballot.
    expect(vi(find(r.proposals, "co-tinh", BAO))).toEqual([
      "Chưa xếp loại Hoàn thành xuất sắc nhiệm vụ (xếp loại: Hoàn thành tốt nhiệm vụ)",
      "Không có tên trong danh sách bỏ phiếu Cờ thi đua của UBND tỉnh",
    ]);
    // Leading, then the ballot.
    expect(vi(find(r.proposals, "co-cp", GD))).toEqual(["Không phải đơn vị dẫn đầu khối", "Không có tên trong danh sách bỏ phiếu Cờ thi đua của Chính phủ"]);
    // No vote at all.
    // No vote at all; and, one achievement one reward (Luật 2022 Đ5), the Government flag above it.
    expect(vi(find(r.proposals, "bk-ttg", VH))).toEqual(["Chưa có kết quả bỏ phiếu cuối cùng cho Bằng khen của Thủ tướng Chính phủ", "Đã được đề nghị Cờ thi đua của Chính phủ (cao hơn)"]);
    expect(en(find(r.proposals, "bk-ttg", VH))).toEqual(["No final vote result for Bằng khen của Thủ tướng Chính phủ yet", "Already proposed for Cờ thi đua của Chính phủ (higher)"]);
  });

  it("quota: the first in the vote's elected order get the seats, the rest are over the quota", () => {
    // Default quota 1: the leading unit goes up to the Government flag, so the vote's next takes the seat.
    expect(listed(r, "co-tinh")).toEqual([GD]);
    expect(vi(find(r.proposals, "co-tinh", YT))).toEqual(["Vượt số lượng 1 Cờ thi đua của UBND tỉnh/khối"]);
    // The elected order wins over the rank.
    const flipped = nominate(input({ votes: [coCp(), coTinh([VH, YT, GD])] }));
    expect(listed(flipped, "co-tinh")).toEqual([YT]);
    expect(vi(find(flipped.proposals, "co-tinh", GD))).toEqual(["Vượt số lượng 1 Cờ thi đua của UBND tỉnh/khối"]);
    // Without a vote, the rank orders the seats.
    const byRank = nominate(input({ catalogue: withAward(seedCatalogue(), "tt-ldxs", { quota: 2 }) }));
    expect(listed(byRank, "tt-ldxs")).toEqual([VH, GD]);
    expect(vi(find(byRank.proposals, "tt-ldxs", LD))).toEqual(["Vượt số lượng 2 Tập thể lao động xuất sắc/khối"]);
    // A quota of 0 proposes nobody.
    expect(listed(nominate(input({ catalogue: withAward(seedCatalogue(), "tt-ldxs", { quota: 0 }) })), "tt-ldxs")).toEqual([]);
  });

  it("passed the rule but not elected within the number to elect", () => {
    const v = coTinh([VH, GD]);
    v.candidates[2] = { name: YT, votes: 7, percent: 87.5, passes: true };
    const out = nominate(input({ votes: [coCp(), v] }));
    expect(vi(find(out.proposals, "co-tinh", YT))).toEqual(["Không được chọn trong số lượng"]);
  });

  it("a vote that is not final counts as none", () => {
    const out = nominate(input({ votes: [coCp(), { ...coTinh(), final: false }] }));
    expect(listed(out, "co-tinh")).toEqual([]);
    expect(vi(find(out.proposals, "co-tinh", GD))).toEqual(["Chưa có kết quả bỏ phiếu cuối cùng cho Cờ thi đua của UBND tỉnh"]);
  });

  it("rank conditions: must be first, or within the first N", () => {
    const first = nominate(input({ catalogue: withAward(seedCatalogue(), "tt-ldxs", { prerequisites: { maxRank: 1 } as Award["prerequisites"] }) }));
    expect(listed(first, "tt-ldxs")).toEqual([VH]);
    expect(vi(find(first.proposals, "tt-ldxs", YT))).toEqual(["Xếp hạng 3, yêu cầu hạng 1"]);
    expect(en(find(first.proposals, "tt-ldxs", YT))).toEqual(["Ranked 3, rank 1 required"]);
    const top3 = nominate(input({ catalogue: withAward(seedCatalogue(), "tt-ldxs", { prerequisites: { maxRank: 3 } as Award["prerequisites"] }) }));
    expect(listed(top3, "tt-ldxs")).toEqual([VH, GD, YT]);
    expect(vi(find(top3.proposals, "tt-ldxs", LD))).toEqual(["Xếp hạng 4, yêu cầu từ hạng 1 đến hạng 3"]);
    const unranked = standings().map((s) => (s.unit === GD ? { ...s, rank: null } : s));
    const out = nominate(input({ standings: unranked, catalogue: withAward(seedCatalogue(), "tt-ldxs", { prerequisites: { maxRank: 3 } as Award["prerequisites"] }) }));
    expect(vi(find(out.proposals, "tt-ldxs", GD))).toEqual(["Chưa có xếp hạng, yêu cầu từ hạng 1 đến hạng 3"]);
  });

  it("bands compare by name key, and an unclassified unit says so", () => {
    const st = standings().map((s) => (s.unit === GD ? { ...s, band: "  hoàn thành XUẤT SẮC nhiệm vụ ".normalize("NFD") } : s.unit === YT ? { ...s, band: "" } : s));
    const out = nominate(input({ standings: st }));
    expect(find(out.proposals, "tt-ldxs", GD).proposed).toBe(true);
    expect(vi(find(out.proposals, "tt-ldxs", YT))).toEqual(["Chưa xếp loại Hoàn thành xuất sắc nhiệm vụ (chưa có xếp loại)"]);
  });

  it("a rule with '>' fails at the threshold, and decimals keep their comma", () => {
    const c = withAward(seedCatalogue(), "co-tinh", { voteRule: { percent: 66.67, comparison: ">", denominator: "valid", quorum: null } });
    const v = coTinh([VH]);
    v.candidates = [
      { name: VH, votes: 8, percent: 100, passes: true },
      { name: GD, votes: 5, percent: 62.5, passes: false },
    ];
    const out = nominate(input({ catalogue: c, votes: [coCp(), v] }));
    expect(vi(find(out.proposals, "co-tinh", GD))).toEqual(["Không đạt tỷ lệ phiếu: 62,50% ≤ 66,67% số phiếu hợp lệ"]);
    expect(en(find(out.proposals, "co-tinh", GD))).toEqual(["Vote share not met: 62.50% ≤ 66.67% of the valid ballots"]);
    // An award without its own rule quotes the vote's.
    const noRule = nominate(input({ catalogue: withAward(seedCatalogue(), "co-tinh", { voteRule: null }), votes: [coCp(), v] }));
    expect(vi(find(noRule.proposals, "co-tinh", GD))).toEqual([`Không đạt tỷ lệ phiếu: 62,50% (${RULE_TEXT.vi})`]);
    // The rule the vote actually applied wins over the catalogue's.
    const applied = nominate(input({ catalogue: c, votes: [coCp(), { ...v, rule: { percent: 70, comparison: ">=", denominator: "present", quorum: null } }] }));
    expect(vi(find(applied.proposals, "co-tinh", GD))).toEqual(["Không đạt tỷ lệ phiếu: 62,50% < 70% số thành viên có mặt"]);
  });

  it("every reason and issue is in Vietnamese and English", () => {
    const overrides: Override[] = [
      { unit: YT, award: "co-tinh", include: true, reason: "Thành tích đột xuất" },
      { unit: "Sở Ngoại vụ", award: "Huân chương", include: true, reason: "x" },
    ];
    const out = nominate(input({ overrides }));
    const msgs = [...out.proposals.flatMap((p) => p.reasons), ...out.issues.map((i) => i.message)];
    expect(msgs.length).toBeGreaterThan(50);
    for (const m of msgs) {
      expect(m.vi.trim().length).toBeGreaterThan(0);
      expect(m.en.trim().length).toBeGreaterThan(0);
      expect(m.vi).not.toBe(m.en);
      expect(m.en).not.toMatch(/\d,\d/);
    }
    expect(percentText(62.5)).toEqual({ vi: "62,50", en: "62.50" });
    expect(percentText(100)).toEqual({ vi: "100,00", en: "100.00" });
  });
});

describe("nominate: the percent cap", () => {
  /** `n` units, all excellent and all elected for an award capped at 20% with no quota. */
  function capped(n: number) {
    const names = Array.from({ length: n }, (_, i) => `Đơn vị ${String(i + 1).padStart(2, "0")}`);
    const st: Standing[] = names.map((unit, i) => ({ unit, total: 100 - i, rank: i + 1, band: HTXS, leading: false }));
    const c = withAward(seedCatalogue(), "co-tinh", { percentCap: 20, quota: null });
    const v = vote("Cờ thi đua của UBND tỉnh", names.map((u) => [u, 8] as [string, number]), names);
    return nominate({ catalogue: c, standings: st, votes: [v], overrides: [], registrations: null });
  }

  it("20% of the units meeting the standard, rounded down, at least one", () => {
    expect(listed(capped(10), "co-tinh")).toHaveLength(2);
    expect(listed(capped(14), "co-tinh")).toHaveLength(2);
    expect(listed(capped(15), "co-tinh")).toHaveLength(3);
    expect(listed(capped(3), "co-tinh")).toHaveLength(1);
    const r = capped(10);
    expect(vi(find(r.proposals, "co-tinh", "Đơn vị 03"))).toEqual(["Vượt 20% số đơn vị đạt chuẩn (tối đa 2 trong 10 đơn vị)"]);
  });

  it("the base counts only units meeting the standard, and a quota cuts too", () => {
    // Government flag: 20% of the units meeting its standard (leading, elected) → 1.
    const r = nominate(input());
    expect(listed(r, "co-cp")).toEqual([VH]);
    const c = withAward(seedCatalogue(), "co-tinh", { percentCap: 50, quota: 1 });
    const v = coTinh([GD, YT, LD]);
    v.candidates = [GD, YT, LD, DAI].map((name) => ({ name, votes: 8, percent: 100, passes: true }));
    v.elected = [GD, YT, LD, DAI];
    const out = nominate(input({ catalogue: c, votes: [v] }));
    // Four elected, one (Đài) not excellent: base 3 → cap 1; quota 1.
    expect(listed(out, "co-tinh")).toEqual([GD]);
    expect(vi(find(out.proposals, "co-tinh", YT))).toEqual(["Vượt 50% số đơn vị đạt chuẩn (tối đa 1 trong 3 đơn vị)", "Vượt số lượng 1 Cờ thi đua của UBND tỉnh/khối"]);
  });
});

describe("nominate: one rung of a ladder", () => {
  it("a flag excludes a lower flag, not Tập thể lao động xuất sắc; a certificate excludes a lower certificate; a flag excludes a certificate (Luật 2022 Đ5)", () => {
    const bkTtg = vote("Bằng khen của Thủ tướng Chính phủ", [[LD, 8]], [LD]);
    const out = nominate(input({ votes: [coCp(), coTinh(), bkTtg, bkTinh()] }));
    expect(listed(out, "co-cp")).toEqual([VH]);
    expect(find(out.proposals, "tt-ldxs", VH).proposed).toBe(true);
    expect(listed(out, "bk-ttg")).toEqual([LD]);
    expect(vi(find(out.proposals, "bk-tinh", LD))).toEqual(["Đã được đề nghị Bằng khen của Thủ tướng Chính phủ (cao hơn)"]);
    // One achievement, one reward (Luật Thi đua, khen thưởng 2022 Đ5): a flag excludes a certificate too.
    const both = nominate(input({ votes: [coCp(), coTinh(), vote("Bằng khen của Chủ tịch UBND tỉnh", [[GD, 8]], [GD])] }));
    expect(listed(both, "co-tinh")).toEqual([GD]);
    expect(listed(both, "bk-tinh")).toEqual([]);
    expect(vi(find(both.proposals, "bk-tinh", GD))).toEqual(["Đã được đề nghị Cờ thi đua của UBND tỉnh (cao hơn)"]);
    expect(both.issues).toEqual([]);
  });

  it("an excluded unit frees its seat for the next elected one", () => {
    const r = nominate(input());
    expect(listed(r, "co-tinh")).toEqual([GD]);
    expect(vi(find(r.proposals, "co-tinh", VH))).toEqual(["Đã được đề nghị Cờ thi đua của Chính phủ (cao hơn)"]);
  });

  it("awards without excludesLower neither exclude nor are excluded", () => {
    const c = withAward(seedCatalogue(), "co-tinh", { excludesLower: false });
    expect(listed(nominate(input({ catalogue: c })), "co-tinh")).toEqual([VH]);
  });
});

describe("nominate: the meeting's decisions", () => {
  const include = (unit: string, award: string, reason = "Thành tích đột xuất trong năm"): Override => ({ unit, award, include: true, reason });

  it("adds a unit beyond the quota: proposed, computed reasons kept, a warning", () => {
    const out = nominate(input({ overrides: [include(YT, "Cờ thi đua của UBND tỉnh")] }));
    const p = find(out.proposals, "co-tinh", YT);
    expect(p.proposed).toBe(true);
    expect(vi(p)).toEqual(["Vượt số lượng 1 Cờ thi đua của UBND tỉnh/khối", "Hội nghị quyết định: Thành tích đột xuất trong năm"]);
    expect(en(p)[1]).toBe("The meeting decided: Thành tích đột xuất trong năm");
    expect(p.override).toEqual(include(YT, "Cờ thi đua của UBND tỉnh"));
    expect(listed(out, "co-tinh")).toEqual([GD, YT]);
    expect(out.issues.map((i) => [i.code, i.severity])).toEqual([["nomination.override.overQuota", "warning"]]);
    expect(out.issues[0].message.vi).toContain(YT);
  });

  it("adds beyond the cap: a warning", () => {
    const out = nominate(input({ overrides: [include(GD, "co-cp", "Hội nghị suy tôn")] }));
    expect(listed(out, "co-cp")).toEqual([VH, GD]);
    expect(codes(out)).toEqual(["nomination.override.overQuota", "nomination.override.overCap"]);
  });

  it("takes a unit out: its computed reasons stay, the seat is not refilled, lower awards reopen", () => {
    const out = nominate(input({ overrides: [{ unit: VH, award: "co-cp", include: false, reason: "Đơn vị xin rút" }] }));
    const p = find(out.proposals, "co-cp", VH);
    expect(p.proposed).toBe(false);
    expect(vi(p)).toEqual(["Đạt: hạng 1, dẫn đầu khối, Hoàn thành xuất sắc nhiệm vụ, 100,00% phiếu đồng ý", "Hội nghị quyết định: Đơn vị xin rút"]);
    expect(listed(out, "co-cp")).toEqual([]);
    expect(listed(out, "co-tinh")).toEqual([VH]);
    expect(out.issues).toEqual([]);
  });

  it("matches unit and award by name key or id", () => {
    const out = nominate(input({ overrides: [include(`  ${YT.toUpperCase()} `.normalize("NFD"), "CO-TINH")] }));
    expect(find(out.proposals, "co-tinh", YT).proposed).toBe(true);
  });

  it("a unit or award that is not known is an error; a decision without a reason a warning", () => {
    const out = nominate(input({ overrides: [include("Sở Ngoại vụ", "co-tinh"), include(GD, "Huân chương Lao động"), include(DAI, "tt-ldxs", " ")] }));
    // Issues come in the overrides' name order (Đài, Giáo dục, Ngoại vụ), not the input's.
    expect(out.issues.map((i) => [i.code, i.severity])).toEqual([
      ["nomination.override.noReason", "warning"],
      ["nomination.override.unknownAward", "error"],
      ["nomination.override.unknownUnit", "error"],
    ]);
    expect(find(out.proposals, "tt-ldxs", DAI).proposed).toBe(true);
  });

  it("conflicting decisions are an error and neither applies; a repeated one a warning", () => {
    const conflict = nominate(input({ overrides: [include(YT, "co-tinh"), { ...include(YT, "co-tinh"), include: false }] }));
    expect(codes(conflict)).toEqual(["nomination.override.conflict"]);
    expect(find(conflict.proposals, "co-tinh", YT).override).toBeNull();
    expect(find(conflict.proposals, "co-tinh", YT).proposed).toBe(false);
    const twice = nominate(input({ overrides: [include(DAI, "tt-ldxs"), include(DAI, "tt-ldxs")] }));
    expect(codes(twice)).toEqual(["nomination.override.duplicate"]);
    expect(find(twice.proposals, "tt-ldxs", DAI).proposed).toBe(true);
  });

  it("a unit put on two rungs of one ladder is an error", () => {
    const out = nominate(input({ overrides: [include(VH, "co-tinh")] }));
    expect(find(out.proposals, "co-tinh", VH).proposed).toBe(true);
    expect(vi(find(out.proposals, "co-tinh", VH))).toEqual(["Đã được đề nghị Cờ thi đua của Chính phủ (cao hơn)", "Hội nghị quyết định: Thành tích đột xuất trong năm"]);
    const twice = out.issues.filter((i) => i.code === "nomination.exclusive.twice");
    expect(twice.map((i) => i.severity)).toEqual(["error"]);
    expect(twice[0].message.vi).toContain("Cờ thi đua của Chính phủ, Cờ thi đua của UBND tỉnh");
  });
});

describe("nominate: the data's own issues", () => {
  it("a vote for an award not in the catalogue is a warning", () => {
    const out = nominate(input({ votes: [coCp(), coTinh(), vote("Huân chương Lao động hạng Ba", [[VH, 8]], [VH])] }));
    expect(out.issues.map((i) => [i.code, i.severity])).toEqual([["nomination.vote.unknownAward", "warning"]]);
  });

  it("a vote electing a unit not in the bloc is an error; a candidate not in the bloc a warning", () => {
    const v = coTinh([VH, "Sở Ngoại vụ"]);
    v.candidates.push({ name: "Sở Ngoại vụ", votes: 8, percent: 100, passes: true }, { name: "Sở Tư pháp", votes: 1, percent: 12.5, passes: false });
    const out = nominate(input({ votes: [coCp(), v] }));
    expect(out.issues.map((i) => [i.code, i.severity])).toEqual([
      ["nomination.vote.unknownUnit", "error"],
      ["nomination.vote.unknownCandidate", "warning"],
    ]);
    expect(out.proposals.some((p) => p.unit === "Sở Ngoại vụ")).toBe(false);
  });

  it("two results for one award: an error, the final one is used", () => {
    const out = nominate(input({ votes: [coCp(), { ...coTinh(), voteId: "co-tinh#1", final: false }, { ...coTinh([VH, YT]), voteId: "co-tinh#2" }] }));
    expect(codes(out)).toEqual(["nomination.vote.duplicate"]);
    expect(listed(out, "co-tinh")).toEqual([YT]);
    expect(find(out.proposals, "co-tinh", YT).voteId).toBe("co-tinh#2");
    // The same when the two name the award differently (by id and by name).
    const mixed = nominate(input({ votes: [coCp(), { ...coTinh(), award: "co-tinh", voteId: "a", final: false }, { ...coTinh([VH, YT]), voteId: "b" }] }));
    expect(codes(mixed)).toEqual(["nomination.vote.duplicate"]);
    expect(find(mixed.proposals, "co-tinh", YT)).toMatchObject({ proposed: true, voteId: "b" });
  });

  it("a unit twice in the ranking is an error and listed once", () => {
    const out = nominate(input({ standings: [...standings(), { ...standings()[1], unit: ` ${GD.toLowerCase()} ` }] }));
    expect(codes(out)).toEqual(["nomination.standing.duplicate"]);
    expect(out.proposals.filter((p) => p.awardId === "co-tinh")).toHaveLength(8);
  });
});

describe("nominate: proposals and list", () => {
  it("one proposal per award and unit, by priority, rank, then name; the list is the proposed ones in that order", () => {
    const st = standings().map((s) => (s.unit === BAO || s.unit === HVH ? { ...s, rank: 6 } : s.unit === CD ? { ...s, rank: null } : s));
    const r = nominate(input({ standings: st }));
    const ids = orderedAwards(seedCatalogue()).map((a) => a.id);
    expect(r.proposals).toHaveLength(ids.length * 8);
    expect(r.proposals.filter((_, i) => i % 8 === 0).map((p) => p.awardId)).toEqual(ids);
    // Rank 6 twice: by name ("Báo tỉnh" before "Hội Văn học"); unranked last.
    expect(r.proposals.slice(0, 8).map((p) => p.unit)).toEqual([VH, GD, YT, LD, DAI, BAO, HVH, CD]);
    expect(r.list).toEqual(r.proposals.filter((p) => p.proposed));
    expect(r.list.map((p) => [p.awardId, p.unit])).toEqual([
      ["co-cp", VH],
      ["co-tinh", GD],
      ...[VH, GD, YT, LD].map((u) => ["tt-ldxs", u]),
      ["bk-tinh", LD],
      // The party committee's certificate needs a vote of its own: none was held.
    ]);
  });

  it("equal ranks go by name the same on every machine: Đ sorts as D, not after Z", () => {
    const st = standings().map((s) => (s.unit === DAI ? { ...s, rank: 4 } : s));
    expect(nominate(input({ standings: st })).proposals.slice(0, 5).map((p) => p.unit)).toEqual([VH, GD, YT, DAI, LD]);
  });

  it("carries the evidence: total, rank, band, votes over the denominator, percent, vote id", () => {
    const r = nominate(input());
    expect(find(r.proposals, "co-tinh", GD)).toEqual({
      unit: GD,
      awardId: "co-tinh",
      award: "Cờ thi đua của UBND tỉnh",
      kind: "title",
      proposed: true,
      reasons: [{ vi: "Đạt: hạng 2, Hoàn thành xuất sắc nhiệm vụ, 87,50% phiếu đồng ý", en: "Meets: rank 2, Hoàn thành xuất sắc nhiệm vụ, 87.50% approval" }],
      override: null,
      total: 95,
      rank: 2,
      band: HTXS,
      votes: 7,
      denominator: 8,
      percent: 87.5,
      voteId: "Cờ thi đua của UBND tỉnh#1",
    });
    // Not a candidate: the vote is named, no votes of its own.
    expect(find(r.proposals, "co-tinh", BAO)).toMatchObject({ votes: null, percent: null, denominator: 8, voteId: "Cờ thi đua của UBND tỉnh#1" });
    // No vote for the award.
    expect(find(r.proposals, "tt-ldxs", VH)).toMatchObject({ votes: null, percent: null, denominator: null, voteId: null });
  });

  it("matches a vote to its award by id as well as by name", () => {
    const r = nominate(input({ votes: [{ ...coCp(), award: "co-cp" }, { ...coTinh(), award: " cờ thi đua của ubnd tỉnh " }] }));
    expect(listed(r, "co-cp")).toEqual([VH]);
    expect(listed(r, "co-tinh")).toEqual([GD]);
  });
});
