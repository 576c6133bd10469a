// The year-end documents (issue #12) as Word files, read back as XML (jsdom's DOMParser) as in docx.test.ts:
// the NĐ 30/2020 form (Times New Roman, A4, margins 20/20/30/15 mm, national title and motto) and their headings.
import { JSDOM } from "jsdom";
import JSZip from "jszip";
import { layoutsToDocx } from "../../src/export/docx";
import { ACHIEVEMENT_FORM_LINE, ACHIEVEMENT_SECTIONS, achievementLayout, YEAR_END_SECTIONS, yearEndLayout } from "../../src/workbook/nomination/yearReports";
import { MOTTO, NATIONAL_TITLE } from "../../src/workbook/voting/minutesSheet";
import type { DocLayout } from "../../src/workbook/nomination/listSheet";
import { A, ACH, B, YE } from "../workbook/nomination/yearReportsFixtures";

const { DOMParser } = new JSDOM("").window;
const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const TNR = "Times New Roman";

const els = (node: Element | Document, local: string): Element[] => Array.from(node.getElementsByTagNameNS(W, local));
const kids = (node: Element, local: string): Element[] => Array.from(node.children).filter((c) => c.namespaceURI === W && c.localName === local);
const kid = (node: Element, local: string): Element | undefined => kids(node, local)[0];
const attr = (el: Element | undefined, name: string): string | null => el?.getAttributeNS(W, name) ?? null;
const num = (el: Element | undefined, name: string): number => Number(attr(el, name));
const on = (el: Element | undefined): boolean => !!el && !["false", "0", "off"].includes(attr(el, "val") ?? "true");
const text = (p: Element) => els(p, "t").map((t) => t.textContent ?? "").join("");

async function open(layout: DocLayout): Promise<{ body: Element; styles: Document }> {
  const zip = await JSZip.loadAsync(await layoutsToDocx([{ layout }], { title: "x" }));
  const xml = async (name: string) => {
    const d = new DOMParser().parseFromString(await zip.file(name)!.async("string"), "application/xml");
    expect(d.getElementsByTagName("parsererror")).toHaveLength(0);
    return d;
  };
  return { body: els(await xml("word/document.xml"), "body")[0], styles: await xml("word/styles.xml") };
}

const fill = (h: string) => h.replace(/\{year\}/g, "2026").replace(/\{next\}/g, "2027");

describe.each([
  ["the achievement report", () => achievementLayout(ACH), [ACHIEVEMENT_FORM_LINE, "BÁO CÁO THÀNH TÍCH", ...ACHIEVEMENT_SECTIONS.map((s) => fill(s.heading))]],
  ["the year-end report", () => yearEndLayout(YE), ["BÁO CÁO", ...YEAR_END_SECTIONS.map((s) => fill(s.heading))]],
] as const)("%s as a .docx (NĐ 30/2020, DOMAIN §5)", (_, make, headings) => {
  let body: Element;
  let styles: Document;
  beforeAll(async () => {
    ({ body, styles } = await open(make()));
  });

  it("is A4 portrait with the NĐ 30 margins (20/20/30/15 mm)", () => {
    const sect = kid(body, "sectPr")!;
    const size = kid(sect, "pgSz");
    expect([num(size, "w"), num(size, "h")]).toEqual([11906, 16838]);
    expect(attr(size, "orient") ?? "portrait").toBe("portrait");
    const m = kid(sect, "pgMar");
    expect([num(m, "top"), num(m, "bottom"), num(m, "left"), num(m, "right")]).toEqual([1134, 1134, 1701, 850]);
  });

  it("is Times New Roman in every run and by default", () => {
    const fonts = els(els(styles, "rPrDefault")[0], "rFonts")[0];
    expect([attr(fonts, "ascii"), attr(fonts, "hAnsi")]).toEqual([TNR, TNR]);
    const runs = els(body, "r");
    expect(runs.length).toBeGreaterThan(30);
    for (const r of runs) expect(attr(kid(kid(r, "rPr")!, "rFonts"), "ascii")).toBe(TNR);
  });

  it("has the national title and the motto, bold and centred, in the header's right half", () => {
    const header = kids(body, "tbl")[0];
    const right = kids(kids(header, "tr")[0], "tc")[1];
    const ps = kids(right, "p");
    expect(ps.map(text).slice(0, 2)).toEqual([NATIONAL_TITLE, MOTTO]);
    for (const p of ps.slice(0, 2)) {
      expect(attr(kid(kid(p, "pPr")!, "jc"), "val")).toBe("center");
      expect(on(kid(kid(els(p, "r")[0], "rPr")!, "b"))).toBe(true);
    }
  });

  it("has every heading once, in order, bold", () => {
    const paragraphs = els(body, "p");
    const at = headings.map((h) => paragraphs.findIndex((p) => text(p) === h));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((x, y) => x - y)).toEqual(at);
    for (const h of headings.slice(1)) {
      const p = paragraphs.filter((x) => text(x) === h);
      expect(p).toHaveLength(1);
      expect(on(kid(kid(els(p[0], "r")[0], "rPr")!, "b"))).toBe(true);
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
