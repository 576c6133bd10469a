/**
 * Registration (đăng ký thi đua) as a prerequisite at year end (issue #12 point 1).
 *
 * Source: DOMAIN.md §1 (setting): "an unregistered unit is commonly not considered for a title".
 * The rule is the province's own regulation ("tập thể, cá nhân không đăng ký thi đua thì không được
 * xét tặng danh hiệu thi đua", e.g. Ninh Thuận QĐ 02/QĐ-UBND 2015 Đ5.1); Luật Thi đua, khen thưởng
 * 2003 Đ10.1.b made it a national ground, Luật Thi đua, khen thưởng 2022 no longer requires it (Bộ Nội
 * vụ's answer of 09/04/2024), so it is a catalogue setting: on by default for the emulation titles.
 */
import { CatalogueSchema, defaultCatalogue, parseCatalogue, RULE_NOTES } from "../../../src/domain/nomination/catalogue";
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
const FLAG = "Cờ thi đua của UBND tỉnh";
const BK = "Bằng khen của Chủ tịch UBND tỉnh";
const flagVote = () => vote(FLAG, [VH]);
const bkVote = () => vote(BK, [GD, YT]);

const run = (over: Partial<NominationInput> = {}) => nominate({ catalogue: defaultCatalogue(), standings: standings(), votes: [flagVote(), bkVote()], overrides: [], registrations: null, ...over });
const find = (ps: Proposal[], awardId: string, unit: string): Proposal => ps.find((x) => x.awardId === awardId && x.unit === unit)!;
const vi = (p: Proposal) => p.reasons.map((r) => r.vi);
const en = (p: Proposal) => p.reasons.map((r) => r.en);
const listed = (r: { list: Proposal[] }, awardId: string) => r.list.filter((p) => p.awardId === awardId).map((p) => p.unit);
const codes = (r: { issues: { code: string }[] }) => r.issues.map((i) => i.code);
const NOT_REGISTERED_VI = `Chưa đăng ký thi đua danh hiệu này (${RULE_NOTES.registration})`;

describe("the catalogue setting (DOMAIN.md §1 setting: registration required for emulation titles)", () => {
  it("the default catalogue requires registration for every emulation title and for no form of reward", () => {
    const c = defaultCatalogue();
    expect(c.awards.map((a) => [a.id, a.kind, a.prerequisites.registered])).toEqual([
      ["co-cp", "title", true],
      ["co-tinh", "title", true],
      ["tt-ldxs", "title", true],
      ["bk-ttg", "reward", false],
      ["bk-tinh", "reward", false],
      ["bk-tu", "reward", false],
      ["giay-khen", "reward", false],
    ]);
  });

  it("an older catalogue (scenario file or workbook) without the field reads as not requiring registration", () => {
    const old = JSON.parse(JSON.stringify(defaultCatalogue())) as { awards: { prerequisites: Record<string, unknown> }[] };
    for (const a of old.awards) delete a.prerequisites.registered;
    const parsed = parseCatalogue(old);
    expect(parsed.catalogue).not.toBeNull();
    expect(parsed.catalogue!.awards.every((a) => a.prerequisites.registered === false)).toBe(true);
    expect(CatalogueSchema.safeParse(old).success).toBe(true);
  });

  it("the rule text names the province's regulation and the 2022 law, and is not empty", () => {
    expect(RULE_NOTES.registration).toMatch(/đăng ký thi đua/);
    expect(RULE_NOTES.registration).toMatch(/Luật Thi đua, khen thưởng 2022/);
  });
});

describe("nominate with a registration list (DOMAIN.md §1 setting; provincial regulation: no registration, no title)", () => {
  it("a unit registered for the title (by id) is proposed, and its reasons say it registered", () => {
    const r = run({ registrations: [{ unit: VH, awards: ["co-tinh"] }] });
    expect(listed(r, "co-tinh")).toEqual([VH]);
    expect(vi(find(r.proposals, "co-tinh", VH))[0]).toMatch(/^Đạt: .*đã đăng ký thi đua/);
    expect(en(find(r.proposals, "co-tinh", VH))[0]).toMatch(/^Meets: .*registered/);
    expect(codes(r)).not.toContain("nomination.registration.none");
  });

  it("an unregistered unit is not proposed: 'not registered', with the rule, then the award's own rule", () => {
    const r = run({ registrations: [{ unit: GD, awards: ["co-tinh"] }] });
    expect(listed(r, "co-tinh")).toEqual([]);
    const p = find(r.proposals, "co-tinh", VH);
    expect(p.proposed).toBe(false);
    expect(vi(p)[0]).toBe(NOT_REGISTERED_VI);
    expect(en(p)[0]).toMatch(/^Not registered for this title \(.+\)$/);
    expect(vi(p).at(-1)).toMatch(/^Quy định áp dụng: Luật Thi đua, khen thưởng 2022, Điều 26/);
  });

  it("a registration for another award does not count; an empty list means nobody registered", () => {
    const other = run({ registrations: [{ unit: VH, awards: ["tt-ldxs", "bk-tinh"] }] });
    expect(listed(other, "co-tinh")).toEqual([]);
    expect(vi(find(other.proposals, "co-tinh", VH))).toContain(NOT_REGISTERED_VI);
    const none = run({ registrations: [] });
    expect(listed(none, "co-tinh")).toEqual([]);
    expect(codes(none)).not.toContain("nomination.registration.none");
  });

  it("units match by the engine's name keys (case, spaces, NFD) and award ids without case; a unit listed twice has both rows' awards", () => {
    const r = run({
      registrations: [
        { unit: `  ${VH.toUpperCase()} `.normalize("NFD"), awards: ["CO-TINH"] },
        { unit: GD, awards: ["co-cp"] },
        { unit: GD.toLowerCase(), awards: ["tt-ldxs"] },
      ],
    });
    expect(listed(r, "co-tinh")).toEqual([VH]);
    expect(vi(find(r.proposals, "tt-ldxs", GD))).not.toContain(NOT_REGISTERED_VI);
    expect(vi(find(r.proposals, "tt-ldxs", YT))).toContain(NOT_REGISTERED_VI);
  });

  it("a form of reward that does not require registration is proposed to an unregistered unit", () => {
    const r = run({ registrations: [] });
    expect(listed(r, "bk-tinh")).toEqual([GD, YT]);
    expect(vi(find(r.proposals, "bk-tinh", GD)).join(" ")).not.toMatch(/đăng ký/);
  });

  it("a reward the bloc makes require registration says 'this form of reward'", () => {
    const c = defaultCatalogue();
    c.awards.find((a) => a.id === "bk-tinh")!.prerequisites.registered = true;
    const r = run({ catalogue: c, registrations: [{ unit: GD, awards: ["bk-tinh"] }] });
    expect(listed(r, "bk-tinh")).toEqual([GD]);
    expect(vi(find(r.proposals, "bk-tinh", YT))[0]).toBe(`Chưa đăng ký hình thức khen thưởng này (${RULE_NOTES.registration})`);
    expect(en(find(r.proposals, "bk-tinh", YT))[0]).toMatch(/^Not registered for this form of reward/);
  });

  it("an older catalogue (registration not required) ignores the list", () => {
    const c: Catalogue = defaultCatalogue();
    for (const a of c.awards) a.prerequisites.registered = false;
    const r = run({ catalogue: c, registrations: [] });
    expect(listed(r, "co-tinh")).toEqual([VH]);
    expect(r.issues).toEqual([]);
  });

  it("a meeting decision does not stand in for registration (the province's regulation binds the bloc): the unit stays out, with the reason and a warning saying where to record a late registration", () => {
    const r = run({ registrations: [], overrides: [{ unit: VH, award: "co-tinh", include: true, reason: "Đơn vị đăng ký muộn, hội nghị chấp thuận" }] });
    expect(listed(r, "co-tinh")).toEqual([]);
    const p = find(r.proposals, "co-tinh", VH);
    expect(p.proposed).toBe(false);
    expect(vi(p)[0]).toBe(NOT_REGISTERED_VI);
    expect(vi(p)).toContain("Hội nghị quyết định: Đơn vị đăng ký muộn, hội nghị chấp thuận");
    expect(vi(p).join(" ")).toMatch(/không thay cho việc đăng ký thi đua/);
    expect(en(p).join(" ")).toMatch(/does not stand in for registration/);
    expect(p.override?.include).toBe(true);
    const w = r.issues.filter((i) => i.code === "nomination.override.unregistered");
    expect(w.map((i) => i.severity)).toEqual(["warning"]);
    expect(w[0].message.vi).toContain("trang Đăng ký thi đua");
    // Once the late registration is recorded, the same decision stands.
    const ok = run({ registrations: [{ unit: VH, awards: ["co-tinh"] }], overrides: [{ unit: VH, award: "co-tinh", include: true, reason: "Đơn vị đăng ký muộn, hội nghị chấp thuận" }] });
    expect(listed(ok, "co-tinh")).toEqual([VH]);
  });

  it("a meeting decision taking an unregistered unit out still stands (nothing to block)", () => {
    const r = run({ registrations: [], overrides: [{ unit: VH, award: "co-tinh", include: false, reason: "Đơn vị xin rút" }] });
    expect(codes(r)).not.toContain("nomination.override.unregistered");
    expect(find(r.proposals, "co-tinh", VH).proposed).toBe(false);
  });

  it("an unregistered unit does not count among the units meeting the standard (the percent cap's base), as the other conditions", () => {
    const c = defaultCatalogue();
    const ldxs = c.awards.find((a) => a.id === "tt-ldxs")!;
    ldxs.prerequisites.chosen = false;
    ldxs.percentCap = 50;
    // Four excellent units; two registered: the base is 2, so 50% is 1.
    const r = run({ catalogue: c, registrations: [{ unit: GD, awards: ["tt-ldxs"] }, { unit: LD, awards: ["tt-ldxs"] }] });
    expect(listed(r, "tt-ldxs")).toEqual([GD]);
    expect(vi(find(r.proposals, "tt-ldxs", LD)).join(" ")).toMatch(/tối đa 1 trong 2 đơn vị/);
  });

  it("a unit not registered for the flag falls to the next rung it registered for (one achievement, one reward: Luật TĐKT 2022 Đ5)", () => {
    const c = defaultCatalogue();
    c.awards.find((a) => a.id === "bk-tinh")!.prerequisites.registered = false;
    const r = run({ catalogue: c, votes: [flagVote(), vote(BK, [VH])], registrations: [{ unit: VH, awards: [] }] });
    expect(listed(r, "co-tinh")).toEqual([]);
    expect(listed(r, "bk-tinh")).toEqual([VH]);
  });
});

describe("nominate without a registration list (the workbook has none: the condition cannot be checked)", () => {
  it("proposes as before and raises one warning, in Vietnamese and English, naming the awards not checked", () => {
    const withList = run({ registrations: [{ unit: VH, awards: ["co-cp", "co-tinh", "tt-ldxs"] }] });
    const r = run({ registrations: null });
    expect(r.list).toEqual(withList.list.map((p) => ({ ...p, reasons: expect.any(Array) })));
    expect(listed(r, "co-tinh")).toEqual([VH]);
    const w = r.issues.filter((i) => i.code === "nomination.registration.none");
    expect(w).toHaveLength(1);
    expect(w[0].severity).toBe("warning");
    expect(w[0].message.vi).toMatch(/chưa kiểm tra.*đăng ký thi đua/i);
    expect(w[0].message.vi).toContain("Cờ thi đua của UBND tỉnh");
    expect(w[0].message.en).toMatch(/registration was not checked/i);
    // Nothing claims a registration that was not checked.
    expect(r.proposals.flatMap(vi).join(" ")).not.toMatch(/đã đăng ký|Chưa đăng ký/);
  });

  it("no warning when no award of the catalogue requires registration", () => {
    const c = defaultCatalogue();
    for (const a of c.awards) a.prerequisites.registered = false;
    expect(codes(run({ catalogue: c, registrations: null }))).toEqual([]);
  });

  it("a custom award requiring registration is named in the warning too", () => {
    const c = defaultCatalogue();
    const extra: Award = { ...c.awards[6], id: "co-nganh", name: "Cờ thi đua của ngành", kind: "title", priority: 8, custom: true, prerequisites: { ...c.awards[6].prerequisites, registered: true } };
    c.awards.push(extra);
    const w = run({ catalogue: c }).issues.filter((i) => i.code === "nomination.registration.none");
    expect(w).toHaveLength(1);
    expect(w[0].message.vi).toContain("Cờ thi đua của ngành");
  });
});
