// Reading a generated .docx back as XML (jsdom's DOMParser), and the checks every document in the
// NĐ 30/2020 form passes (Nghị định 30/2020/NĐ-CP, Phụ lục I: A4, margins 20–25 / 20–25 / 30–35 /
// 15–20 mm, Times New Roman, the national title and motto bold and centred). Each document's own
// test calls `nd30FormTests` and adds its content checks.
import { JSDOM } from "jsdom";
import JSZip from "jszip";
import { layoutsToDocx } from "../../src/export/docx";
import type { DocLayout } from "../../src/workbook/nomination/listSheet";
import { MOTTO, NATIONAL_TITLE } from "../../src/workbook/voting/minutesSheet";

const { DOMParser } = new JSDOM("").window;
const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
export const TNR = "Times New Roman";

export const els = (node: Element | Document, local: string): Element[] => Array.from(node.getElementsByTagNameNS(W, local));
export const kids = (node: Element, local: string): Element[] => Array.from(node.children).filter((c) => c.namespaceURI === W && c.localName === local);
export const kid = (node: Element, local: string): Element | undefined => kids(node, local)[0];
export const attr = (el: Element | undefined, name: string): string | null => el?.getAttributeNS(W, name) ?? null;
export const num = (el: Element | undefined, name: string): number => Number(attr(el, name));
export const on = (el: Element | undefined): boolean => !!el && !["false", "0", "off"].includes(attr(el, "val") ?? "true");
export const text = (p: Element) => els(p, "t").map((t) => t.textContent ?? "").join("");
/** A paragraph's (or a run's first) boldness. */
export const bold = (p: Element) => on(kid(kid(els(p, "r")[0], "rPr")!, "b"));

/** A layout rendered to .docx and parsed: its body and its styles. */
export async function openDocx(layout: DocLayout): Promise<{ body: Element; styles: Document }> {
  const zip = await JSZip.loadAsync(await layoutsToDocx([{ layout }], { title: "x" }));
  const xml = async (name: string) => {
    const d = new DOMParser().parseFromString(await zip.file(name)!.async("string"), "application/xml");
    expect(d.getElementsByTagName("parsererror")).toHaveLength(0);
    return d;
  };
  return { body: els(await xml("word/document.xml"), "body")[0], styles: await xml("word/styles.xml") };
}

/** The NĐ 30 form of a portrait document: page, margins, font, national title and motto. */
export function nd30FormTests(open: () => Promise<{ body: Element; styles: Document }>, opts: { minRuns: number }): void {
  let body: Element;
  let styles: Document;
  beforeAll(async () => {
    ({ body, styles } = await open());
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
    expect(runs.length).toBeGreaterThan(opts.minRuns);
    for (const r of runs) expect(attr(kid(kid(r, "rPr")!, "rFonts"), "ascii")).toBe(TNR);
  });

  it("has the national title and the motto, bold and centred, in the header's right half", () => {
    const header = kids(body, "tbl")[0];
    const right = kids(kids(header, "tr")[0], "tc")[1];
    const ps = kids(right, "p");
    expect(ps.map(text).slice(0, 2)).toEqual([NATIONAL_TITLE, MOTTO]);
    for (const p of ps.slice(0, 2)) {
      expect(attr(kid(kid(p, "pPr")!, "jc"), "val")).toBe("center");
      expect(bold(p)).toBe(true);
    }
  });
}
