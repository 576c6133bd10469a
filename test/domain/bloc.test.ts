import { memberSheetBase, validateBloc } from "../../src/domain/bloc/bloc";
import { cleanText, cutGraphemes, graphemes, looksLikeFormula, nameKey } from "../../src/domain/text";
import { sampleDraft } from "../fixtures/bloc";

const codes = (d: ReturnType<typeof sampleDraft>) => validateBloc(d).issues.map((i) => i.code);

describe("text", () => {
  it("NFD and NFC, spacing and case give the same key", () => {
    const nfd = "Sở Công Thương".normalize("NFD");
    expect(nfd).not.toBe("Sở Công Thương");
    expect(nameKey(`  ${nfd.toUpperCase()}\u00a0 `)).toBe(nameKey("sở  công thương"));
    expect(cleanText(nfd)).toBe("Sở Công Thương");
  });
});

describe("validateBloc", () => {
  it("accepts a good bloc and cleans its text", () => {
    const d = sampleDraft();
    d.members[1].name = "  Sở   Xây dựng ".normalize("NFD");
    d.leader = "sct"; // by short name, any case
    const { bloc, issues } = validateBloc(d);
    expect(issues).toEqual([]);
    expect(bloc?.members[1].name).toBe("Sở Xây dựng");
    expect(bloc?.leader).toBe("Sở Công Thương");
    expect(bloc?.year).toBe(2026);
  });

  it("refuses an empty bloc name, with its field", () => {
    const d = sampleDraft();
    d.name = "   ";
    const r = validateBloc(d, { name: { sheet: "Khối", cell: "B4" } });
    expect(r.bloc).toBeNull();
    expect(r.issues).toEqual([expect.objectContaining({ code: "bloc.name.empty", severity: "error", field: "name", where: { sheet: "Khối", cell: "B4" } })]);
    expect(r.issues[0].message.vi).toMatch(/Tên khối/);
    expect(r.issues[0].message.en).toMatch(/bloc name/);
  });

  it("finds a duplicate member whatever its encoding, case and spacing", () => {
    const d = sampleDraft();
    d.members.push({ name: " SỞ  CÔNG THƯƠNG ".normalize("NFD"), shortName: "X" });
    const r = validateBloc(d, { members: d.members.map((_, i) => ({ name: { sheet: "Khối", cell: `B${13 + i}` } })) });
    const dup = r.issues.find((i) => i.code === "bloc.member.duplicate");
    expect(dup?.where).toEqual({ sheet: "Khối", cell: "B21" });
    expect(dup?.message.vi).toMatch(/dòng 1/);
  });

  it("refuses names that a spreadsheet would take for formulas", () => {
    const d = sampleDraft();
    d.members[2].name = "=HYPERLINK(\"http://x\")";
    expect(codes(d)).toContain("bloc.member.name.formula");
    const e = sampleDraft();
    e.name = "@khoi";
    expect(codes(e)).toContain("bloc.name.formula");
  });

  it.each([["20x6"], ["1999"], ["3000"], [""], ["26"], [2026.5]])("refuses the year %p", (year) => {
    const d = sampleDraft();
    d.year = year as string | number;
    const r = validateBloc(d);
    expect(r.bloc).toBeNull();
    expect(r.issues.map((i) => i.code)).toEqual([year === "" ? "bloc.year.empty" : "bloc.year.invalid"]);
  });

  it("accepts the year typed as text", () => {
    const d = sampleDraft();
    d.year = " 2027 ";
    expect(validateBloc(d).bloc?.year).toBe(2027);
  });

  it("refuses a bloc of no members", () => {
    const d = sampleDraft();
    d.members = [];
    expect(codes(d)).toContain("bloc.members.none");
  });

  it("checks the leader and deputies against the members", () => {
    const d = sampleDraft();
    d.leader = "Sở Y tế";
    d.deputies = [d.members[0].name, "", d.members[1].name, d.members[2].name];
    const c = codes(d);
    expect(c).toContain("bloc.leader.notMember");
    expect(c).toContain("bloc.deputies.tooMany");
    const e = sampleDraft();
    e.deputies = [e.leader];
    expect(codes(e)).toEqual(["bloc.deputy.isLeader"]);
    const f = sampleDraft();
    f.deputies = [];
    expect(codes(f)).toEqual(["bloc.deputies.none"]);
    const g = sampleDraft();
    g.deputies = [g.members[1].name, g.members[1].shortName!];
    expect(codes(g)).toEqual(["bloc.deputy.duplicate"]);
  });

  it("finds duplicate short names", () => {
    const d = sampleDraft();
    d.members[3].shortName = "sct";
    expect(codes(d)).toEqual(["bloc.member.shortDuplicate"]);
  });
});

describe("characters in names and sheet names (issue #11)", () => {
  const samples = ["Trung tâm Phát triển quỹ đấ😀t", "Hội 👨‍👩‍👧‍👦 và trẻ em", "Ban Yx\u0301 Sơn", "Đội 👍🏽 🇻🇳🇻🇳 ❤️ ok", "Sở Tư pháp"];

  it("the fallback for webviews without Intl.Segmenter splits as Intl.Segmenter does", () => {
    const Seg = Intl.Segmenter;
    const withSeg = samples.map(graphemes);
    try {
      (Intl as { Segmenter?: unknown }).Segmenter = undefined;
      expect(samples.map(graphemes)).toEqual(withSeg);
    } finally {
      (Intl as { Segmenter?: unknown }).Segmenter = Seg;
    }
  });

  it("a sheet name is cut to 28 UTF-16 units at a character boundary (Excel's 31-character sheet names)", () => {
    expect(memberSheetBase({ name: "Trung tâm Phát triển quỹ đấ😀t tỉnh" })).toBe("Trung tâm Phát triển quỹ đấ");
    expect(memberSheetBase({ name: "Ban Quản lý rừng phòng hộ Yx\u0301 Sơn" })).toBe("Ban Quản lý rừng phòng hộ Y");
    expect(memberSheetBase({ name: "Sở A/B", shortName: " " })).toBe("Sở A B");
    expect(memberSheetBase({ name: "Sở Y tế", shortName: "SYT" })).toBe("SYT");
    expect(cutGraphemes("ab👨‍👩‍👧‍👦", 13)).toBe("ab👨‍👩‍👧‍👦");
    expect(cutGraphemes("ab👨‍👩‍👧‍👦", 12)).toBe("ab");
  });

  it("a name beginning with = + - or @ looks like a formula, numbers included (\"-1+1\" is one in Excel)", () => {
    expect(["-1+1", "+1+cmd|' /C calc'!A0", "=A1", "@SUM(A1)", " \t-5"].map(looksLikeFormula)).toEqual([true, true, true, true, true]);
    expect(["−1", "Sở A - B", "5 Sở", "'=A1"].map(looksLikeFormula)).toEqual([false, false, false, false]);
  });
});
