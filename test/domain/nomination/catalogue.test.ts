import { CatalogueSchema, DEFAULT_CATALOGUE, defaultCatalogue, parseCatalogue, validateCatalogue } from "../../../src/domain/nomination/catalogue";
import type { Award, Catalogue } from "../../../src/domain/nomination/model";

const codes = (xs: { code: string }[]) => xs.map((x) => x.code);
const byId = (c: Catalogue, id: string): Award => {
  const a = c.awards.find((x) => x.id === id);
  if (!a) throw new Error(`no award ${id}`);
  return a;
};
/** The default catalogue with one award changed. */
function edited(i: number, change: Partial<Award>): Catalogue {
  const c = defaultCatalogue();
  c.awards[i] = { ...c.awards[i], ...change };
  return c;
}

describe("default catalogue", () => {
  it("holds DOMAIN §3's forms, titles and rewards kept apart, in priority order", () => {
    const c = defaultCatalogue();
    expect(c.awards.map((a) => [a.id, a.name, a.kind, a.level, a.priority, a.quota])).toEqual([
      ["co-cp", "Cờ thi đua của Chính phủ", "title", "government", 1, 1],
      ["co-tinh", "Cờ thi đua của UBND tỉnh", "title", "province", 2, 1],
      ["tt-ldxs", "Tập thể lao động xuất sắc", "title", "province", 3, null],
      ["bk-ttg", "Bằng khen của Thủ tướng Chính phủ", "reward", "government", 4, 1],
      ["bk-tinh", "Bằng khen của Chủ tịch UBND tỉnh", "reward", "province", 5, 2],
      ["bk-tu", "Bằng khen của Ban Thường vụ Tỉnh ủy", "reward", "party", 6, null],
      ["giay-khen", "Giấy khen", "reward", "department", 7, null],
    ]);
    expect(c.awards.every((a) => !a.custom)).toBe(true);
  });

  it("sets the prerequisites and the ladder as the law in force and DOMAIN §3 say", () => {
    const c = defaultCatalogue();
    // Luật Thi đua, khen thưởng 2022 Đ25.1: the Government flag among the blocs' leading units; the
    // 20% is over all of them in the province (CV 5007/BNV-TĐKT 2023), not a bloc's cap.
    expect(byId(c, "co-cp")).toMatchObject({ percentCap: null, excludesLower: true, prerequisites: { leading: true, bands: [], votePassed: true, chosen: false } });
    expect(byId(c, "co-cp").ruleNote).toMatch(/Điều 25\.1.*5007\/BNV-TĐKT.*không tính trong từng khối/);
    // Đ26 (and Bắc Ninh QĐ 86/2025 Đ3.1): the provincial flag goes to the bloc's leading unit.
    expect(byId(c, "co-tinh")).toMatchObject({ percentCap: null, excludesLower: true, prerequisites: { maxRank: null, leading: true, bands: ["Hoàn thành xuất sắc nhiệm vụ"], votePassed: true } });
    expect(byId(c, "co-tinh").ruleNote).toMatch(/Điều 26.*dẫn đầu/);
    // DOMAIN §3: Tập thể lao động xuất sắc needs conditions the bloc cannot see: chosen, never automatic.
    expect(byId(c, "tt-ldxs")).toMatchObject({ excludesLower: false, voteRule: null, prerequisites: { bands: ["Hoàn thành xuất sắc nhiệm vụ"], votePassed: false, chosen: true } });
    expect(byId(c, "bk-ttg")).toMatchObject({ excludesLower: true, prerequisites: { votePassed: true } });
    expect(byId(c, "bk-tinh")).toMatchObject({ excludesLower: true, prerequisites: { votePassed: true } });
    expect(byId(c, "bk-tu")).toMatchObject({ excludesLower: false, voteRule: { percent: 80 }, prerequisites: { bands: ["Hoàn thành xuất sắc nhiệm vụ"], votePassed: true } });
    // Giấy khen needs the bloc's vote: with no condition at all, every unit would be proposed.
    expect(byId(c, "giay-khen")).toMatchObject({ excludesLower: false, prerequisites: { votePassed: true } });
    // Only the awards with no vote and no quota stand on the band alone.
    for (const a of c.awards) expect(a.prerequisites.votePassed || a.quota !== null || a.prerequisites.bands.length > 0).toBe(true);
    for (const a of c.awards) {
      expect(a.voteRule).toEqual(a.prerequisites.votePassed ? { percent: 80, comparison: ">=", denominator: "members", quorum: null } : null);
      expect(a.legalBasis.length).toBeGreaterThan(0);
    }
    expect(byId(c, "co-tinh").legalBasis).toBe("Luật Thi đua, khen thưởng năm 2022; Nghị định số 152/2025/NĐ-CP");
  });

  it("is valid, matches its schema, and every call gives a fresh copy", () => {
    expect(validateCatalogue(defaultCatalogue())).toEqual([]);
    expect(CatalogueSchema.parse(defaultCatalogue())).toEqual(defaultCatalogue());
    const a = defaultCatalogue();
    a.awards[1].quota = 5;
    a.awards[1].prerequisites.bands.push("x");
    expect(defaultCatalogue().awards[1].quota).toBe(1);
    expect(defaultCatalogue().awards[1].prerequisites.bands).toEqual(["Hoàn thành xuất sắc nhiệm vụ"]);
    expect(DEFAULT_CATALOGUE).toEqual(defaultCatalogue());
    expect(() => {
      (DEFAULT_CATALOGUE.awards[0].prerequisites.bands as string[]).push("x");
    }).toThrow();
  });
});

describe("validateCatalogue", () => {
  it("duplicate ids and names (case-, space- and NFC/NFD-insensitive) are errors with their field", () => {
    const c = defaultCatalogue();
    c.awards[3] = { ...c.awards[3], id: " CO-TINH " };
    c.awards[4] = { ...c.awards[4], name: "  cờ thi đua  của UBND TỈNH".normalize("NFD") };
    const issues = validateCatalogue(c);
    expect(issues.map((i) => [i.code, i.severity, i.field])).toEqual([
      ["nomination.catalogue.id.duplicate", "error", "awards.3.id"],
      ["nomination.catalogue.name.duplicate", "error", "awards.4.name"],
      // A reward now worded like a flag: the mix-up DOMAIN §3 warns about.
      ["nomination.catalogue.kind.mismatch", "warning", "awards.4.kind"],
    ]);
    expect(issues[0].message.vi).toContain("số 2 và 4");
  });

  it("empty names and ids are errors", () => {
    expect(validateCatalogue(edited(2, { name: "  " })).map((i) => [i.code, i.field])).toEqual([["nomination.catalogue.name.empty", "awards.2.name"]]);
    expect(validateCatalogue(edited(2, { id: "" })).map((i) => [i.code, i.field])).toEqual([["nomination.catalogue.id.empty", "awards.2.id"]]);
  });

  it("a quota below 0 or not whole, a cap outside 0–100, a bad rank condition are errors", () => {
    expect(validateCatalogue(edited(3, { quota: -1 })).map((i) => [i.code, i.severity, i.field])).toEqual([["nomination.catalogue.quota.invalid", "error", "awards.3.quota"]]);
    expect(codes(validateCatalogue(edited(3, { quota: 1.5 })))).toEqual(["nomination.catalogue.quota.invalid"]);
    expect(validateCatalogue(edited(3, { quota: 0 }))).toEqual([]);
    expect(validateCatalogue(edited(5, { percentCap: 120 })).map((i) => [i.code, i.field])).toEqual([["nomination.catalogue.percentCap.range", "awards.5.percentCap"]]);
    expect(codes(validateCatalogue(edited(5, { percentCap: -5 })))).toEqual(["nomination.catalogue.percentCap.range"]);
    expect(validateCatalogue(edited(5, { percentCap: 0 }))).toEqual([]);
    expect(validateCatalogue(edited(5, { percentCap: 100 }))).toEqual([]);
    const rank0 = edited(1, {});
    rank0.awards[1].prerequisites = { ...rank0.awards[1].prerequisites, maxRank: 0 };
    expect(validateCatalogue(rank0).map((i) => [i.code, i.field])).toEqual([["nomination.catalogue.maxRank.invalid", "awards.1.prerequisites.maxRank"]]);
  });

  it("a priority that is not a positive whole number is an error; a shared priority a warning", () => {
    for (const priority of [0, -2, 1.5, Number.NaN]) {
      expect(validateCatalogue(edited(5, { priority })).map((i) => [i.code, i.severity, i.field])).toEqual([["nomination.catalogue.priority.invalid", "error", "awards.5.priority"]]);
    }
    const same = validateCatalogue(edited(5, { priority: 2 }));
    expect(same.map((i) => [i.code, i.severity, i.field])).toEqual([["nomination.catalogue.priority.duplicate", "warning", "awards.5.priority"]]);
    expect(same[0].message.vi).toContain("Cờ thi đua của UBND tỉnh");
  });

  it("a title worded as a reward, or a reward worded as a title, is a warning (DOMAIN §3: users mixed them up)", () => {
    const cases: [number, Partial<Award>][] = [
      [1, { name: "Bằng khen của UBND tỉnh" }], // a title named like a reward
      [2, { name: "giay khen cua Giam doc So" }], // typed without accents
      [4, { name: "Cờ thi đua xuất sắc" }], // a reward named like a flag
      [5, { name: "Tập thể Lao động Xuất sắc tiêu biểu" }],
      [0, { kind: "reward" }], // the flag entered as a reward
      [3, { kind: "title" }], // the Prime Minister's certificate entered as a title
    ];
    for (const [i, change] of cases) {
      expect(validateCatalogue(edited(i, change)).map((x) => [x.code, x.severity, x.field])).toEqual([["nomination.catalogue.kind.mismatch", "warning", `awards.${i}.kind`]]);
    }
    // Names that only contain the words elsewhere are fine.
    expect(validateCatalogue(edited(6, { name: "Giấy chứng nhận" }))).toEqual([]);
  });

  it("an award that needs a vote without a rule is a warning", () => {
    expect(validateCatalogue(edited(1, { voteRule: null })).map((i) => [i.code, i.severity, i.field])).toEqual([["nomination.catalogue.voteRule.missing", "warning", "awards.1.voteRule"]]);
  });

  it("messages are in Vietnamese and English", () => {
    const c = defaultCatalogue();
    c.awards[1] = { ...c.awards[1], quota: -1, percentCap: 200, priority: 0, name: "Bằng khen X" };
    const issues = validateCatalogue(c);
    expect(issues.length).toBe(4);
    for (const i of issues) {
      expect(i.message.vi).not.toBe(i.message.en);
      expect(i.message.vi.length).toBeGreaterThan(10);
      expect(i.message.en.length).toBeGreaterThan(10);
    }
  });
});

describe("parseCatalogue", () => {
  it("takes a valid catalogue, refuses a wrong shape with the path, and refuses one with errors", () => {
    expect(parseCatalogue(JSON.parse(JSON.stringify(defaultCatalogue())))).toEqual({ catalogue: defaultCatalogue(), issues: [] });
    const bad = parseCatalogue({ awards: [{ ...defaultCatalogue().awards[0], kind: "medal" }] });
    expect(bad.catalogue).toBeNull();
    expect(bad.issues.map((i) => [i.code, i.field])).toEqual([["nomination.catalogue.schema", "awards.0.kind"]]);
    expect(parseCatalogue({ awards: [{ ...defaultCatalogue().awards[0], extra: 1 }] }).catalogue).toBeNull();
    expect(parseCatalogue(edited(3, { quota: -1 })).catalogue).toBeNull();
    const warned = parseCatalogue(edited(5, { priority: 2 }));
    expect(warned.catalogue).not.toBeNull();
    expect(codes(warned.issues)).toEqual(["nomination.catalogue.priority.duplicate"]);
  });
});
