// The produced document.xml is read as XML (jsdom's DOMParser), not matched as text.
import { JSDOM } from "jsdom";
import JSZip from "jszip";
import { ballotsFingerprint } from "../../src/domain/voting/fingerprint";
import type { Ballot, Vote } from "../../src/domain/voting/model";
import { tally } from "../../src/domain/voting/tally";
import { formatNumber, layoutsToDocx, layoutToDocx, mmToTwip } from "../../src/export/docx";
import { FINGERPRINT_LABEL, MOTTO, NATIONAL_TITLE, minutesLayout, minutesText, type MinutesInput, type MinutesLayout, type MinutesRow } from "../../src/workbook/voting/minutesSheet";
import { approve, flagVote, UNITS } from "../domain/voting/helpers";

const { DOMParser } = new JSDOM("").window;
const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const TNR = "Times New Roman";
const [A, B, C, D] = UNITS;

// ---- Reading a .docx back.

interface Opened {
  zip: JSZip;
  doc: Document;
  styles: Document;
  core: Document;
}

async function open(bytes: Uint8Array): Promise<Opened> {
  expect(bytes).toBeInstanceOf(Uint8Array);
  const zip = await JSZip.loadAsync(bytes);
  const xml = async (name: string) => {
    const file = zip.file(name);
    if (!file) throw new Error(`missing ${name}`);
    const d = new DOMParser().parseFromString(await file.async("string"), "application/xml");
    expect(d.getElementsByTagName("parsererror")).toHaveLength(0);
    return d;
  };
  return { zip, doc: await xml("word/document.xml"), styles: await xml("word/styles.xml"), core: await xml("docProps/core.xml") };
}

const els = (node: Element | Document, local: string): Element[] => Array.from(node.getElementsByTagNameNS(W, local));
/** Direct children named `local`. */
const kids = (node: Element, local: string): Element[] => Array.from(node.children).filter((c) => c.namespaceURI === W && c.localName === local);
const kid = (node: Element, local: string): Element | undefined => kids(node, local)[0];
const attr = (el: Element | undefined, name: string): string | null => el?.getAttributeNS(W, name) ?? null;
const num = (el: Element | undefined, name: string): number => Number(attr(el, name));
/** An on/off property: present and not turned off. */
const on = (el: Element | undefined): boolean => !!el && !["false", "0", "off"].includes(attr(el, "val") ?? "true");

/** A paragraph's text; a line break reads as "\n". */
function text(p: Element): string {
  return els(p, "r")
    .map((r) =>
      Array.from(r.children)
        .map((c) => (c.localName === "t" ? (c.textContent ?? "") : c.localName === "br" ? "\n" : c.localName === "tab" ? "\t" : ""))
        .join(""),
    )
    .join("");
}

const body = (o: Opened) => els(o.doc, "body")[0];
/** The non-empty paragraphs of the body, in reading order (table cells included). */
const lines = (o: Opened) => els(body(o), "p").map(text).filter((t) => t !== "");
const paragraphOf = (o: Opened, t: string) => {
  const hits = els(body(o), "p").filter((p) => text(p) === t);
  expect(hits).toHaveLength(1);
  return hits[0];
};
/** Top-level tables of the body. */
const tables = (o: Opened) => kids(body(o), "tbl");
const rowsOf = (tbl: Element) => kids(tbl, "tr");
const cellsOf = (tr: Element) => kids(tr, "tc");
const cellText = (tc: Element) => kids(tc, "p").map(text).join("\n");
const gridCols = (tbl: Element) => kids(kid(tbl, "tblGrid")!, "gridCol").map((g) => num(g, "w"));
const rPr = (p: Element) => els(p, "r").map((r) => kid(r, "rPr")!);
const pPr = (p: Element) => kid(p, "pPr");

/** True when the table's borders are all "none" (or absent). */
function borderless(tbl: Element): boolean {
  const b = kid(kid(tbl, "tblPr")!, "tblBorders");
  return !b || Array.from(b.children).every((e) => ["none", "nil"].includes(attr(e, "val") ?? "none"));
}

// ---- The vote-count minutes, from a real tally (as in test/workbook/voting/minutesSheet.test.ts).

/** 8 ballots, quota 2: A 5, B 4, C 4 (C rejected once), D 1; ballot 8 approves three (invalid). */
const BALLOTS: Ballot[] = [
  approve(1, [A, B], [C]),
  approve(2, [A, B]),
  approve(3, [A, C]),
  approve(4, [A, C]),
  approve(5, [A, D]),
  approve(6, [B, C]),
  approve(7, [B, C]),
  approve(8, [A, B, C]),
];

function minutesInput(): MinutesInput {
  const vote: Vote = flagVote({ rule: { percent: 50, comparison: ">", denominator: "valid", quorum: null }, tieRule: ["higherScore", "revote"] });
  const result = tally(vote, { ballots: BALLOTS }, { issued: 8, scores: { [B]: 92.5, [C]: 95.25 } });
  return {
    sheet: "Biên bản kiểm phiếu",
    bloc: { name: "Khối thi đua các cơ quan Văn hóa - Xã hội", province: "Bắc Ninh", year: 2026 },
    record: { id: "V1", vote, issued: 8, entry: "ballots", doubleEntry: false, decision: null, meeting: null },
    result,
    fingerprint: ballotsFingerprint(BALLOTS),
    entryStatement: null,
    place: "Bắc Ninh",
    at: { day: 5, month: 12, year: 2026, hour: 14, minute: 30 },
  };
}

describe("mmToTwip and formatNumber", () => {
  it("rounds millimetres to the twips Word uses for A4 and the NĐ 30 margins", () => {
    expect([210, 297, 20, 30, 15].map(mmToTwip)).toEqual([11906, 16838, 1134, 1701, 850]);
  });

  it("writes numbers the Vietnamese way, per the format", () => {
    expect(formatNumber(57.142857, "0.00")).toBe("57,14");
    expect(formatNumber(60, "0.00")).toBe("60,00");
    expect(formatNumber(4, "0")).toBe("4");
    expect(formatNumber(4.6, "0")).toBe("5");
    expect(formatNumber(1234567.891, "#,##0.00")).toBe("1.234.567,89");
    expect(formatNumber(999, "#,##0")).toBe("999");
    expect(formatNumber(0.5714, "0.0%")).toBe("57,1%");
    expect(formatNumber(-2.5, "0.00")).toBe("-2,50");
    expect(formatNumber(-0.001, "0.00")).toBe("0,00");
    expect(formatNumber(92.5)).toBe("92,5");
    expect(formatNumber(92.5, "dd/mm/yyyy")).toBe("92,5");
  });
});

describe("the vote-count minutes as a .docx", () => {
  const input = minutesInput();
  const layout = minutesLayout(input);
  const expected = minutesText(input);
  let o: Opened;
  beforeAll(async () => {
    o = await open(await layoutToDocx(layout, { title: "Biên bản kiểm phiếu" }));
  });

  it("has every line of the minutes, in order", () => {
    // The header stacks in its two halves (left: the bloc over its rule; right: title, motto, rule), then row by row, cell by cell.
    const header = layout.rows.filter((r) => r.kind === "header").length;
    expect(header).toBe(3);
    const [l0, r0] = expected[0].split("\t");
    const [l1, r1] = expected[1].split("\t");
    expect([r0, r1]).toEqual([NATIONAL_TITLE, MOTTO]);
    const want = [l0, l1, r0, r1, expected[2], ...expected.slice(header).flatMap((l) => l.split("\t"))];
    expect(lines(o)).toEqual(want);
    expect(want).toContain("Bắc Ninh, ngày 05 tháng 12 năm 2026");
    expect(want.length).toBeGreaterThan(40);
  });

  it("is A4 portrait with the NĐ 30 margins, numbered from the second page", () => {
    const sect = kid(body(o), "sectPr")!;
    const size = kid(sect, "pgSz");
    expect([num(size, "w"), num(size, "h")]).toEqual([11906, 16838]);
    expect(attr(size, "orient") ?? "portrait").toBe("portrait");
    const m = kid(sect, "pgMar");
    expect({ top: num(m, "top"), bottom: num(m, "bottom"), left: num(m, "left"), right: num(m, "right") }).toEqual({ top: 1134, bottom: 1134, left: 1701, right: 850 });
    expect(kid(sect, "titlePg")).toBeDefined();
    expect(num(kid(sect, "pgNumType"), "start")).toBe(1);
    const refs = kids(sect, "headerReference").map((h) => attr(h, "type"));
    expect(refs.sort()).toEqual(["default", "first"]);
  });

  it("puts the page number in the default header only", async () => {
    const headers = await Promise.all(
      Object.keys(o.zip.files)
        .filter((n) => /^word\/header\d+\.xml$/.test(n))
        .map((n) => o.zip.file(n)!.async("string")),
    );
    expect(headers).toHaveLength(2);
    expect(headers.filter((h) => /PAGE/.test(h))).toHaveLength(1);
  });

  it("is Times New Roman, black, everywhere, sizes from the layout", () => {
    const defaults = els(o.styles, "rPrDefault")[0];
    const fonts = els(defaults, "rFonts")[0];
    expect([attr(fonts, "ascii"), attr(fonts, "hAnsi")]).toEqual([TNR, TNR]);
    expect(num(els(defaults, "sz")[0], "val")).toBe(26);
    const runs = els(body(o), "r");
    expect(runs.length).toBeGreaterThan(50);
    for (const r of runs) {
      const pr = kid(r, "rPr")!;
      expect([attr(kid(pr, "rFonts"), "ascii"), attr(kid(pr, "rFonts"), "hAnsi")]).toEqual([TNR, TNR]);
      expect(attr(kid(pr, "color"), "val")).toBe("000000");
    }
    // Body text 13 pt, the header 12 pt, the title 14 pt.
    expect(rPr(paragraphOf(o, "- Hình thức: bỏ phiếu kín.")).map((r) => num(kid(r, "sz"), "val"))).toEqual([26]);
    expect(rPr(paragraphOf(o, NATIONAL_TITLE)).map((r) => num(kid(r, "sz"), "val"))).toEqual([24]);
  });

  it("has the title bold and centred, the date italic on the right, body text justified with a 1 cm indent", () => {
    const title = paragraphOf(o, "BIÊN BẢN KIỂM PHIẾU");
    expect(attr(kid(pPr(title)!, "jc"), "val")).toBe("center");
    const t = rPr(title)[0];
    expect(on(kid(t, "b"))).toBe(true);
    expect(on(kid(t, "i"))).toBe(false);
    expect(num(kid(t, "sz"), "val")).toBe(28);

    const date = paragraphOf(o, "Bắc Ninh, ngày 05 tháng 12 năm 2026");
    expect(attr(kid(pPr(date)!, "jc"), "val")).toBe("right");
    expect(on(kid(rPr(date)[0], "i"))).toBe(true);
    expect(on(kid(rPr(date)[0], "b"))).toBe(false);

    const plain = paragraphOf(o, "- Hình thức: bỏ phiếu kín.");
    expect(attr(kid(pPr(plain)!, "jc"), "val")).toBe("both");
    expect(num(kid(pPr(plain)!, "ind"), "firstLine")).toBe(567);
    expect(num(kid(pPr(plain)!, "spacing"), "after")).toBe(120);
    // The fingerprint, one long word, is not justified (its line would be stretched apart).
    const fp = paragraphOf(o, expected.find((l) => l.startsWith(FINGERPRINT_LABEL))!);
    expect(attr(kid(pPr(fp)!, "jc"), "val")).toBe("left");
    // A heading without an alignment of its own is body text too.
    expect(attr(kid(pPr(paragraphOf(o, "I. BAN KIỂM PHIẾU"))!, "jc"), "val")).toBe("both");
  });

  it("has the header as a borderless two-column table, the agency left and the national title right", () => {
    const header = tables(o)[0];
    expect(borderless(header)).toBe(true);
    expect(rowsOf(header)).toHaveLength(1);
    const [left, right] = cellsOf(rowsOf(header)[0]);
    expect(cellText(left)).toBe(`${input.bloc.name.toLocaleUpperCase("vi")}\n————`);
    expect(cellText(right)).toBe(`${NATIONAL_TITLE}\n${MOTTO}\n————————`);
    const g = gridCols(header);
    // The halves: columns 0-1 and 2-5 of the layout's widths [30, 140, 62, 62, 55, 118] over 165 mm (9355 twips).
    expect(g.reduce((a, b) => a + b, 0)).toBe(9355);
    expect(Math.abs(g[0] - (170 / 467) * 9355)).toBeLessThanOrEqual(1);
    for (const p of [...kids(left, "p"), ...kids(right, "p")]) {
      expect(attr(kid(pPr(p)!, "jc"), "val")).toBe("center");
      expect(on(kid(rPr(p)[0], "b"))).toBe(true);
    }
  });

  it("has the results as a bordered table: a row per candidate, a cell per column, widths in proportion, 57,14 for 4 of 7", () => {
    const results = tables(o).find((t) => cellText(cellsOf(rowsOf(t)[0])[0]) === "STT")!;
    expect(results).toBeDefined();
    expect(borderless(results)).toBe(false);
    const borders = kid(kid(results, "tblPr")!, "tblBorders")!;
    expect(Array.from(borders.children).map((b) => `${b.localName}:${attr(b, "val")}`)).toEqual(["top", "left", "bottom", "right", "insideH", "insideV"].map((s) => `${s}:single`));
    const trs = rowsOf(results);
    expect(trs).toHaveLength(input.result.candidates.length + 1);
    for (const tr of trs) expect(cellsOf(tr)).toHaveLength(6);
    expect(cellsOf(trs[0]).map(cellText)).toEqual(["STT", "Đơn vị", "Số phiếu đồng ý", "Không đồng ý", "Tỷ lệ (%)", "Kết quả"]);
    // The header row repeats on each page.
    expect(trs.map((tr) => on(kid(kid(tr, "trPr")!, "tblHeader")))).toEqual([true, ...trs.slice(1).map(() => false)]);
    const rowB = trs.find((tr) => cellText(cellsOf(tr)[1]) === B)!;
    expect(cellsOf(rowB).map(cellText)).toEqual(["2", B, "4", "0", "57,14", "Không được chọn"]);
    const rowA = trs.find((tr) => cellText(cellsOf(tr)[1]) === A)!;
    expect(cellText(cellsOf(rowA)[4])).toBe("71,43");
    expect(on(kid(rPr(kids(cellsOf(rowA)[5], "p")[0])[0], "b"))).toBe(true);
    expect(on(kid(rPr(kids(cellsOf(rowB)[5], "p")[0])[0], "b"))).toBe(false);
    const g = gridCols(results);
    expect(g.reduce((a, b) => a + b, 0)).toBe(9355);
    [30, 140, 62, 62, 55, 118].forEach((w, i) => expect(Math.abs(g[i] - (w / 467) * 9355)).toBeLessThanOrEqual(1));
  });

  it("has the signatures as a borderless table of the two halves, with room to sign", () => {
    const sig = tables(o).find((t) => rowsOf(t).some((tr) => cellsOf(tr).map(cellText).join("|") === "THƯ KÝ|TRƯỞNG BAN KIỂM PHIẾU"))!;
    expect(sig).toBeDefined();
    expect(borderless(sig)).toBe(true);
    const texts = rowsOf(sig).map((tr) => cellsOf(tr).map(cellText));
    expect(texts).toContainEqual(["", "Nguyễn Văn An"]);
    expect(texts).toContainEqual(["CÁC THÀNH VIÊN BAN KIỂM PHIẾU"]);
    expect(texts).toContainEqual(["Trần Thị Bình", "Lê Văn Cường"]);
    // The closing line stays on the page of the signatures, and the block stays together.
    expect(on(kid(pPr(paragraphOf(o, expected.find((l) => l.startsWith("Biên bản kết thúc"))!))!, "keepNext"))).toBe(true);
    const firstCells = rowsOf(sig).map((tr) => kids(cellsOf(tr)[0], "p")[0]);
    expect(firstCells.map((p) => on(kid(pPr(p)!, "keepNext")))).toEqual(firstCells.map((_, i) => i < firstCells.length - 1));
    const tall = rowsOf(sig).filter((tr) => num(kid(kid(tr, "trPr")!, "trHeight"), "val") === 64 * 20);
    expect(tall.length).toBe(2);
  });

  it("records the title", () => {
    expect(o.core.getElementsByTagNameNS("http://purl.org/dc/elements/1.1/", "title")[0].textContent).toBe("Biên bản kiểm phiếu");
  });
});

// ---- A small landscape list after a portrait part: two sections in one file.

const WIDTHS = [30, 200, 120, 60, 60, 80, 164]; // 714 points: A4 landscape inside the NĐ 30 margins
const cell = (col: number, value: string | number, style: MinutesRow["pieces"][number]["style"] = {}) => ({ col, span: 1, value, style });
const full = (value: string, style: MinutesRow["pieces"][number]["style"] = {}) => ({ col: 0, span: 7, value, style });
const LIST: MinutesLayout = {
  widths: WIDTHS,
  left: { col: 0, span: 3 },
  right: { col: 3, span: 4 },
  rows: [
    { kind: "header", pieces: [cell(0, "KHỐI THI ĐUA X", { bold: true, align: "Center" }), cell(3, NATIONAL_TITLE, { bold: true, align: "Center" })].map((p, i) => ({ ...p, span: i ? 4 : 3 })) },
    { kind: "header", pieces: [{ col: 0, span: 3, value: "————", style: { bold: true } }, { col: 3, span: 4, value: MOTTO, style: { bold: true } }] },
    { kind: "header", pieces: [{ col: 3, span: 4, value: "————————", style: { bold: true } }] },
    { kind: "header", pieces: [{ col: 3, span: 4, value: "Bắc Ninh, ngày 05 tháng 12 năm 2026", style: { italic: true } }] },
    { kind: "space", pieces: [], height: 10 },
    { kind: "text", pieces: [full("DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG", { bold: true, size: 14, align: "Center" })] },
    { kind: "text", pieces: [{ col: 3, span: 4, value: "(Kèm theo Tờ trình số ……)", style: { italic: true, align: "Center" } }] },
    { kind: "tableHeader", pieces: ["STT", "Tên tập thể", "Danh hiệu", "Tổng điểm", "Hạng", "Tỷ lệ (%)", "Ghi chú"].map((h, i) => cell(i, h, { bold: true, align: "Center" })) },
    { kind: "tableRow", pieces: [full("I. DANH HIỆU THI ĐUA", { bold: true })] },
    {
      kind: "tableRow",
      pieces: [
        cell(0, 1, { numberFormat: "0" }),
        cell(1, A),
        cell(2, "Cờ thi đua"),
        cell(3, 1234.5, { numberFormat: "#,##0.00" }),
        cell(4, 1, { numberFormat: "0" }),
        cell(5, 57.142857, { numberFormat: "0.00" }),
        cell(6, "Ghi chú\ndòng 2"),
      ],
    },
    { kind: "tableRow", pieces: [cell(0, 2, { numberFormat: "0" }), cell(1, C), cell(5, 42.857, { numberFormat: "0.00" })] },
    { kind: "space", pieces: [], height: 12 },
    { kind: "signature", pieces: [{ col: 0, span: 3, value: "Nơi nhận:\n- Như trên;", style: { bold: true, italic: true, size: 12 } }, { col: 3, span: 4, value: "TRƯỞNG KHỐI", style: { bold: true, align: "Center" } }] },
    { kind: "space", pieces: [], height: 56 },
    { kind: "signature", pieces: [{ col: 3, span: 4, value: "Nguyễn Văn An", style: { bold: true, align: "Center" } }] },
  ],
  table: { first: 7, rows: 4, cols: 7, percentCol: 5 },
};

describe("a portrait part and a landscape list in one .docx", () => {
  const minutes = minutesLayout(minutesInput());
  let o: Opened;
  beforeAll(async () => {
    o = await open(await layoutsToDocx([{ layout: minutes }, { layout: LIST, orientation: "landscape" }], { title: "Tờ trình" }));
  });
  const LANDSCAPE_TEXT = 16838 - 1701 - 850;

  it("has two sections: portrait then landscape, with the same margins, each numbered from 1", () => {
    const first = els(body(o), "p")
      .map((p) => pPr(p) && kid(pPr(p)!, "sectPr"))
      .filter((s): s is Element => !!s);
    expect(first).toHaveLength(1);
    const last = kid(body(o), "sectPr")!;
    const size = (s: Element) => ({ w: num(kid(s, "pgSz"), "w"), h: num(kid(s, "pgSz"), "h"), orient: attr(kid(s, "pgSz"), "orient") ?? "portrait" });
    expect(size(first[0])).toEqual({ w: 11906, h: 16838, orient: "portrait" });
    expect(size(last)).toEqual({ w: 16838, h: 11906, orient: "landscape" });
    for (const s of [first[0], last]) {
      const m = kid(s, "pgMar");
      expect([num(m, "top"), num(m, "bottom"), num(m, "left"), num(m, "right")]).toEqual([1134, 1134, 1701, 850]);
      expect(num(kid(s, "pgNumType"), "start")).toBe(1);
    }
    // The minutes end before the list begins.
    const all = lines(o);
    expect(all.indexOf("KHỐI THI ĐUA X")).toBeGreaterThan(all.indexOf("BIÊN BẢN KIỂM PHIẾU"));
  });

  it("lays the list's table over the landscape width, spans and gaps included, numbers formatted", () => {
    const list = tables(o).find((t) => cellsOf(rowsOf(t)[0]).map(cellText)[1] === "Tên tập thể")!;
    expect(list).toBeDefined();
    const g = gridCols(list);
    expect(g).toHaveLength(7);
    expect(g.reduce((a, b) => a + b, 0)).toBe(LANDSCAPE_TEXT);
    WIDTHS.forEach((w, i) => expect(Math.abs(g[i] - (w / 714) * LANDSCAPE_TEXT)).toBeLessThanOrEqual(1));
    const trs = rowsOf(list);
    expect(trs).toHaveLength(4);
    expect(trs.map((tr) => cellsOf(tr).length)).toEqual([7, 1, 7, 7]);
    expect(num(kid(kid(cellsOf(trs[1])[0], "tcPr")!, "gridSpan"), "val")).toBe(7);
    expect(cellsOf(trs[2]).map(cellText)).toEqual(["1", A, "Cờ thi đua", "1.234,50", "1", "57,14", "Ghi chú\ndòng 2"]);
    expect(cellsOf(trs[3]).map(cellText)).toEqual(["2", C, "", "", "", "42,86", ""]);
    // Numbers without an alignment sit right, text left.
    expect(attr(kid(pPr(kids(cellsOf(trs[2])[3], "p")[0])!, "jc"), "val")).toBe("right");
    expect(attr(kid(pPr(kids(cellsOf(trs[2])[1], "p")[0])!, "jc"), "val")).toBe("left");
  });

  it("starts a second header row once both halves have drawn their rule, so the date has a line of its own", () => {
    const header = tables(o).find((t) => cellText(cellsOf(rowsOf(t)[0])[0]).startsWith("KHỐI THI ĐUA X"))!;
    expect(rowsOf(header).map((tr) => cellsOf(tr).map(cellText))).toEqual([
      ["KHỐI THI ĐUA X\n————", `${NATIONAL_TITLE}\n${MOTTO}\n————————`],
      ["", "Bắc Ninh, ngày 05 tháng 12 năm 2026"],
    ]);
    const g = gridCols(header);
    expect(Math.abs(g[0] - (350 / 714) * LANDSCAPE_TEXT)).toBeLessThanOrEqual(1);
  });

  it("indents a text row to the columns it covers", () => {
    const p = paragraphOf(o, "(Kèm theo Tờ trình số ……)");
    const ind = kid(pPr(p)!, "ind");
    expect(Math.abs(num(ind, "left") - (350 / 714) * LANDSCAPE_TEXT)).toBeLessThanOrEqual(1);
    expect(num(ind, "right") || 0).toBe(0);
    expect(attr(kid(pPr(paragraphOf(o, "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG"))!, "ind"), "left")).toBeNull();
  });

  it("keeps the recipients left and the signer centred in the signature table", () => {
    const sig = tables(o).find((t) => cellsOf(rowsOf(t)[0]).map(cellText)[1] === "TRƯỞNG KHỐI")!;
    expect(sig).toBeDefined();
    expect(borderless(sig)).toBe(true);
    expect(rowsOf(sig).map((tr) => cellsOf(tr).map(cellText))).toEqual([["Nơi nhận:\n- Như trên;", "TRƯỞNG KHỐI"], [""], ["", "Nguyễn Văn An"]]);
    expect(num(kid(kid(rowsOf(sig)[1], "trPr")!, "trHeight"), "val")).toBe(56 * 20);
    const [recipients, signer] = cellsOf(rowsOf(sig)[0]).map((c) => kids(c, "p")[0]);
    expect(attr(kid(pPr(recipients)!, "jc"), "val")).toBe("left");
    expect(attr(kid(pPr(signer)!, "jc"), "val")).toBe("center");
    expect(num(kid(rPr(recipients)[0], "sz"), "val")).toBe(24);
  });

  it("takes a layout's own orientation when the part gives none", async () => {
    const own = await open(await layoutsToDocx([{ layout: { ...LIST, orientation: "Landscape" } as MinutesLayout }]));
    expect(attr(kid(kid(body(own), "sectPr")!, "pgSz"), "orient")).toBe("landscape");
    const plain = await open(await layoutsToDocx([{ layout: LIST }]));
    expect(attr(kid(kid(body(plain), "sectPr")!, "pgSz"), "orient") ?? "portrait").toBe("portrait");
  });

  it("starts a new table at a header row after body rows, parted from the previous one by a paragraph", async () => {
    const rows: MinutesRow[] = [
      { kind: "tableHeader", pieces: [cell(0, "STT"), { col: 1, span: 6, value: "Tập thể", style: {} }] },
      { kind: "tableRow", pieces: [cell(0, 1), { col: 1, span: 6, value: A, style: {} }] },
      { kind: "tableHeader", pieces: [cell(0, "STT"), { col: 1, span: 6, value: "Cá nhân", style: {} }] },
      { kind: "tableRow", pieces: [cell(0, 1), { col: 1, span: 6, value: "Nguyễn Văn An", style: {} }] },
    ];
    const two = await open(await layoutsToDocx([{ layout: { ...LIST, rows, table: { first: 0, rows: 2, cols: 7, percentCol: -1 } } }]));
    expect(Array.from(body(two).children).map((e) => e.localName)).toEqual(["tbl", "p", "tbl", "sectPr"]);
    for (const t of tables(two)) expect(rowsOf(t).map((tr) => on(kid(kid(tr, "trPr")!, "tblHeader")))).toEqual([true, false]);
    expect(tables(two).map((t) => cellText(cellsOf(rowsOf(t)[1])[1]))).toEqual([A, "Nguyễn Văn An"]);
  });

  it("refuses an empty list of parts", async () => {
    await expect(layoutsToDocx([])).rejects.toThrow(/no layout/);
  });
});
