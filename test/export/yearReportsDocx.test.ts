// The year-end documents (issue #12) as Word files, read back as XML (jsdom's DOMParser) as in docx.test.ts:
// the NĐ 30/2020 form (Times New Roman, A4, margins 20/20/30/15 mm, national title and motto) and their headings.
import { ACHIEVEMENT_FORM_LINE, ACHIEVEMENT_SECTIONS, achievementLayout, YEAR_END_SECTIONS, yearEndLayout } from "../../src/workbook/nomination/yearReports";
import { A, ACH, B, YE } from "../workbook/nomination/yearReportsFixtures";
import { attr, bold, els, kid, kids, nd30FormTests, openDocx as open, text } from "./nd30Kit";

const fill = (h: string) => h.replace(/\{year\}/g, "2026").replace(/\{next\}/g, "2027");

describe.each([
  ["the achievement report", () => achievementLayout(ACH), [ACHIEVEMENT_FORM_LINE, "BÁO CÁO THÀNH TÍCH", ...ACHIEVEMENT_SECTIONS.map((s) => fill(s.heading))]],
  ["the year-end report", () => yearEndLayout(YE), ["BÁO CÁO", ...YEAR_END_SECTIONS.map((s) => fill(s.heading))]],
] as const)("%s as a .docx (NĐ 30/2020, DOMAIN §5)", (_, make, headings) => {
  nd30FormTests(() => open(make()), { minRuns: 30 });

  it("has every heading once, in order, bold", async () => {
    const { body } = await open(make());
    const paragraphs = els(body, "p");
    const at = headings.map((h) => paragraphs.findIndex((p) => text(p) === h));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((x, y) => x - y)).toEqual(at);
    for (const h of headings.slice(1)) {
      const p = paragraphs.filter((x) => text(x) === h);
      expect(p).toHaveLength(1);
      expect(bold(p[0])).toBe(true);
    }
  });
});

it("the year-end report's results are a bordered Word table, a row per unit (issue #12 point 3)", async () => {
  const { body } = await open(yearEndLayout(YE));
  const results = kids(body, "tbl").find((t) => text(kids(kids(t, "tr")[0], "tc")[0]) === "STT")!;
  expect(results).toBeDefined();
  const rows = kids(results, "tr").map((tr) => kids(tr, "tc").map(text));
  expect(rows.slice(1, 3)).toEqual([
    ["1", A, "95,50", "1", "Hoàn thành xuất sắc nhiệm vụ", "Dẫn đầu"],
    ["2", B, "90,25", "2", "Hoàn thành tốt nhiệm vụ", ""],
  ]);
  const borders = kid(kid(results, "tblPr")!, "tblBorders")!;
  expect(Array.from(borders.children).every((b) => attr(b, "val") === "single")).toBe(true);
});
