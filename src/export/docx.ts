/**
 * The .docx renderer of the documents module (domain/documents): a layout (any document) as a Word document (.docx) in
 * the form of NĐ 30/2020/NĐ-CP (DOMAIN §5): Times New Roman everywhere, black, A4, margins top and
 * bottom 20 mm, left 30 mm, right 15 mm; the agency name left and the national title right in a
 * borderless table; paragraphs justified with a 1 cm first-line indent and 6 pt between them;
 * results as a bordered table whose header repeats on each page; the signature block as a
 * borderless table in the layout's two halves; page numbers centred in the top margin from the
 * second page of each part (a part after the first, such as the attached list, is numbered on its own).
 *
 * Several layouts make one document, each its own section, so the submission and the list attached
 * to it (landscape) travel as one file. Landscape pages keep the margins as read on the page (left
 * 30 mm): NĐ 30 gives one set of margins and allows landscape for tables without rotating them.
 *
 * The module only declares things; the pane loads it (and the docx library) with `await import()`
 * when a document is asked for.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  HeightRule,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IBorderOptions,
} from "docx";
import { DOC_FONT, formatByNumberFormat, pieceText, type BaseLayout, type DocPiece, type DocRow, type HAlign, type PieceStyle } from "../domain/documents";

export interface DocxOptions {
  orientation?: "portrait" | "landscape";
  /** The document's title (core property). */
  title?: string;
}

export interface DocxPart {
  layout: BaseLayout;
  /** Defaults to the layout's own `orientation` ("Portrait" | "Landscape", as a DocLayout gives it), else portrait. */
  orientation?: "portrait" | "landscape";
}

/** Millimetres to twips, rounded (docx's convertMillimetersToTwip floors: 20 mm would be 1133, Word says 1134). */
export const mmToTwip = (mm: number): number => Math.round((mm * 1440) / 25.4);

/** A4 and the NĐ 30 margins, in millimetres. */
export const DOCX_PAGE_MM = { width: 210, height: 297, top: 20, bottom: 20, left: 30, right: 15, header: 12.5 } as const;
export const DOCX_FONT = DOC_FONT.name;
/** Body size (points) when a piece gives none. */
export const DOCX_BODY_SIZE = DOC_FONT.body;
/** Space after a text paragraph (NĐ 30: at least 6 pt) and the first-line indent of body text (1 cm). */
const PARAGRAPH_AFTER = 6 * 20;
const FIRST_LINE_INDENT = mmToTwip(10);
const BLACK = "000000";
const LANGUAGE = { value: "vi-VN" } as const;

/** The printable width (twips) of a page in an orientation. */
export function textWidthTwips(orientation: "portrait" | "landscape" = "portrait"): number {
  const width = orientation === "landscape" ? DOCX_PAGE_MM.height : DOCX_PAGE_MM.width;
  return mmToTwip(width) - mmToTwip(DOCX_PAGE_MM.left) - mmToTwip(DOCX_PAGE_MM.right);
}

/** A number per an Excel-style format ("0.00", "#,##0", "0%"…), the Vietnamese way: the documents module's, under its old name here. */
export const formatNumber = formatByNumberFormat;
export { pieceText };

// ---- Runs and paragraphs.

type Align = (typeof AlignmentType)[keyof typeof AlignmentType];

function alignment(align: HAlign | undefined, fallback: Align): Align {
  switch (align) {
    case "Left":
      return AlignmentType.LEFT;
    case "Center":
      return AlignmentType.CENTER;
    case "Right":
      return AlignmentType.RIGHT;
    default:
      return fallback;
  }
}

/** The runs of a text in a style; a line break in the text is a line break in Word. */
function runs(text: string, style: PieceStyle): TextRun[] {
  return text.split("\n").map(
    (line, i) =>
      new TextRun({
        text: line,
        break: i > 0 ? 1 : undefined,
        font: DOCX_FONT,
        size: Math.round((style.size ?? DOCX_BODY_SIZE) * 2),
        bold: style.bold ?? false,
        italics: style.italic ?? false,
        color: BLACK,
        language: LANGUAGE,
      }),
  );
}

interface ParagraphOpts {
  align: Align;
  after?: number;
  /** An exact line pitch (twips) instead of single spacing. */
  exactLine?: number;
  firstLine?: number;
  indent?: { left: number; right: number };
  keepNext?: boolean;
}

function paragraph(children: TextRun[], o: ParagraphOpts): Paragraph {
  const indent = o.indent || o.firstLine ? { left: o.indent?.left ?? 0, right: o.indent?.right ?? 0, firstLine: o.firstLine ?? 0 } : undefined;
  return new Paragraph({
    children,
    alignment: o.align,
    spacing: { before: 0, after: o.after ?? 0, line: o.exactLine ?? 240, lineRule: o.exactLine ? LineRuleType.EXACT : LineRuleType.AUTO },
    indent,
    keepNext: o.keepNext,
  });
}

/** One cell's paragraph for a piece. */
const pieceParagraph = (p: DocPiece, fallback: Align, keepNext = false): Paragraph => paragraph(runs(pieceText(p), p.style), { align: alignment(p.style.align, fallback), keepNext });

const emptyParagraph = (keepNext = false) => paragraph([], { align: AlignmentType.LEFT, keepNext });

/** An empty paragraph exactly `height` points tall. */
function spaceParagraph(height: number, keepNext = false): Paragraph {
  return new Paragraph({
    children: [],
    spacing: { before: 0, after: 0, line: Math.max(1, Math.round(height * 20)), lineRule: LineRuleType.EXACT },
    keepNext,
  });
}

// ---- Column geometry: the layout's point widths scaled to the page's printable width.

/** Twip widths proportional to `widths`, summing exactly to `total`. */
export function scaleWidths(widths: readonly number[], total: number): number[] {
  const sum = widths.reduce((a, b) => a + b, 0) || 1;
  const out: number[] = [];
  let acc = 0;
  let prev = 0;
  for (const w of widths) {
    acc += w;
    const edge = Math.round((acc / sum) * total);
    out.push(edge - prev);
    prev = edge;
  }
  return out;
}

const sumRange = (w: readonly number[], from: number, to: number) => w.slice(Math.max(0, from), Math.max(0, to)).reduce((a, b) => a + b, 0);

const LINE: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: BLACK };
const GRID = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };

function table(rows: TableRow[], columnWidths: number[], bordered: boolean): Table {
  return new Table({
    rows,
    columnWidths,
    width: { size: columnWidths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    borders: bordered ? GRID : TableBorders.NONE,
  });
}

/** Room above and below the text of a bordered cell (twips). */
const CELL_PADDING = { top: 40, bottom: 40 };

function cell(children: Paragraph[], width: number, columnSpan = 1, padded = false): TableCell {
  return new TableCell({
    children: children.length ? children : [emptyParagraph()],
    width: { size: width, type: WidthType.DXA },
    margins: padded ? CELL_PADDING : undefined,
    columnSpan: columnSpan > 1 ? columnSpan : undefined,
    verticalAlign: VerticalAlignTable.CENTER,
  });
}

// ---- The blocks of a layout.

type Block = Paragraph | Table;

/** A text made only of rule characters: the short line under the agency name and under the motto. */
const isRule = (text: string) => /^[\s—–_─-]+$/.test(text) && text.trim().length > 0;

interface Geometry {
  layout: BaseLayout;
  /** Twip widths of the layout's columns on this page. */
  cols: number[];
  /** The two halves (header, signature) in twips. */
  halves: [number, number];
  /** The first column of the right half. */
  split: number;
}

function geometry(layout: BaseLayout, orientation: "portrait" | "landscape"): Geometry {
  const cols = scaleWidths(layout.widths, textWidthTwips(orientation));
  const split = layout.right.col;
  return { layout, cols, split, halves: [sumRange(cols, 0, split), sumRange(cols, split, cols.length)] };
}

const side = (p: DocPiece, g: Geometry): 0 | 1 => (p.col < g.split ? 0 : 1);
const spansBoth = (p: DocPiece, g: Geometry) => p.col < g.split && p.col + p.span > g.split;

/**
 * The header: a borderless two-column table. Consecutive header rows stack in their halves (so a
 * long agency name wrapping over two lines does not push the motto away from the national title);
 * once both halves have drawn their rule, the next header row (number and date, say) starts a new
 * table row so the two stay on one line.
 */
function headerTable(rows: DocRow[], g: Geometry): Table {
  const bands: Paragraph[][][] = [];
  let band: Paragraph[][] = [[], []];
  let closed = [false, false];
  for (const row of rows) {
    const sides = new Set(row.pieces.map((p) => side(p, g)));
    const started = band[0].length + band[1].length > 0;
    if (started && [...sides].every((s) => closed[s])) {
      bands.push(band);
      band = [[], []];
      closed = [false, false];
    }
    for (const p of row.pieces) {
      const s = side(p, g);
      band[s].push(pieceParagraph(p, AlignmentType.CENTER));
      closed[s] = isRule(pieceText(p));
    }
  }
  bands.push(band);
  const trs = bands.map((b) => new TableRow({ children: [cell(b[0], g.halves[0]), cell(b[1], g.halves[1])], cantSplit: true }));
  return table(trs, g.halves, false);
}

/** A text row: its pieces joined in one paragraph, indented to the columns it covers. */
function textParagraph(row: DocRow, g: Geometry, keepNext: boolean): Paragraph {
  const pieces = [...row.pieces].sort((a, b) => a.col - b.col);
  const first = pieces[0];
  const from = first.col;
  const to = Math.max(...pieces.map((p) => p.col + p.span));
  const children = pieces.flatMap((p, i) => (i > 0 ? [...runs(" ", p.style), ...runs(pieceText(p), p.style)] : runs(pieceText(p), p.style)));
  // Body text (no alignment of its own) is justified, unless a long unbreakable word (a fingerprint) would stretch its line apart.
  const body = first.style.align === undefined || first.style.align === "General";
  const longWord = pieces.some((p) => /\S{30,}/.test(pieceText(p)));
  const align = alignment(first.style.align, longWord ? AlignmentType.LEFT : AlignmentType.JUSTIFIED);
  const indent = from > 0 || to < g.cols.length ? { left: sumRange(g.cols, 0, from), right: sumRange(g.cols, to, g.cols.length) } : undefined;
  // A row with a height takes exactly that room (its lines share it, no space after): the printable ballots.
  if (row.height !== undefined) {
    const exactLine = Math.round((row.height * 20) / Math.max(1, row.lines ?? 1));
    return paragraph(children, { align, after: 0, exactLine, firstLine: body ? FIRST_LINE_INDENT : undefined, indent, keepNext });
  }
  return paragraph(children, { align, after: PARAGRAPH_AFTER, firstLine: body ? FIRST_LINE_INDENT : undefined, indent, keepNext });
}

/**
 * The results (or list) table: the layout's columns from the first to the last any of its rows
 * covers are its grid columns; a piece spans its columns; a gap is an empty cell; the leading
 * header rows repeat at the top of each page.
 */
function gridTable(rows: DocRow[], g: Geometry): Table {
  const ncols = Math.min(g.cols.length, Math.max(1, ...rows.flatMap((r) => r.pieces.map((p) => p.col + Math.max(1, p.span)))));
  const widths = g.cols.slice(0, ncols);
  const trs = rows.map((row) => {
    // A table's header rows are its leading rows: a header row after body rows starts the next table (see `blocks`).
    const isHeader = row.kind === "tableHeader";
    const pieces = [...row.pieces].sort((a, b) => a.col - b.col);
    const padded = row.height === undefined;
    const cells: TableCell[] = [];
    let col = 0;
    for (const p of pieces) {
      if (p.col < col) continue; // overlapping pieces: the first wins
      for (; col < p.col; col++) cells.push(cell([], g.cols[col], 1, padded));
      const span = Math.max(1, Math.min(p.span, ncols - p.col));
      const fallback = typeof p.value === "number" ? AlignmentType.RIGHT : isHeader ? AlignmentType.CENTER : AlignmentType.LEFT;
      cells.push(cell([pieceParagraph(p, fallback)], sumRange(g.cols, p.col, p.col + span), span, padded));
      col = p.col + span;
    }
    for (; col < ncols; col++) cells.push(cell([], g.cols[col], 1, padded));
    // A row with a height (the printable ballots: the sheet's row heights) is exactly that tall,
    // its text centred without the cells' padding; other rows grow with their text.
    const height = row.height === undefined ? undefined : { value: Math.round(row.height * 20), rule: HeightRule.EXACT };
    return new TableRow({ children: cells, tableHeader: isHeader || undefined, cantSplit: true, height });
  });
  return table(trs, widths, true);
}

/**
 * The signature block: a borderless table in the two halves; a space row inside is a row of that
 * height; kept on one page. A piece without an alignment sits left, as in the sheet ("Nơi nhận:").
 */
function signatureTable(rows: DocRow[], g: Geometry): Table {
  const trs = rows.map((row, i) => {
    const keepNext = i < rows.length - 1;
    if (row.kind === "space" || row.pieces.length === 0) {
      return new TableRow({
        children: [cell([spaceParagraph(1, keepNext)], g.halves[0] + g.halves[1], 2)],
        height: { value: Math.round((row.height ?? 8) * 20), rule: HeightRule.EXACT },
        cantSplit: true,
      });
    }
    const full = row.pieces.find((p) => spansBoth(p, g));
    if (full) return new TableRow({ children: [cell([pieceParagraph(full, AlignmentType.LEFT, keepNext)], g.halves[0] + g.halves[1], 2)], cantSplit: true });
    const halves = [0, 1].map((s) => row.pieces.filter((p) => side(p, g) === s).map((p) => pieceParagraph(p, AlignmentType.LEFT, keepNext)));
    return new TableRow({ children: halves.map((ps, s) => cell(ps.length ? ps : [emptyParagraph(keepNext)], g.halves[s])), cantSplit: true });
  });
  return table(trs, g.halves, false);
}

/** The layout's rows as Word blocks, in order. */
function blocks(layout: BaseLayout, orientation: "portrait" | "landscape"): Block[] {
  const g = geometry(layout, orientation);
  const rows = layout.rows;
  const out: Block[] = [];
  /** The kind of the next row that is not a space (to keep the closing text with the signatures). */
  const nextKind = (i: number) => rows.slice(i + 1).find((r) => r.kind !== "space")?.kind;
  let i = 0;
  while (i < rows.length) {
    const row = rows[i];
    if (row.kind === "header") {
      let j = i;
      while (j < rows.length && rows[j].kind === "header") j++;
      out.push(headerTable(rows.slice(i, j), g));
      i = j;
    } else if (row.kind === "tableHeader" || row.kind === "tableRow") {
      let j = i;
      // A header row after body rows starts the next table.
      while (j < rows.length && (rows[j].kind === "tableRow" || (rows[j].kind === "tableHeader" && (j === i || rows[j - 1].kind === "tableHeader")))) j++;
      out.push(gridTable(rows.slice(i, j), g));
      i = j;
    } else if (row.kind === "signature") {
      // Signature rows and the space rows between them (not those after the last) make one table.
      let j = i + 1;
      let end = j;
      while (j < rows.length && (rows[j].kind === "signature" || rows[j].kind === "space")) {
        j++;
        if (rows[j - 1].kind === "signature") end = j;
      }
      out.push(signatureTable(rows.slice(i, end), g));
      i = end;
    } else if (row.kind === "space") {
      out.push(spaceParagraph(row.height ?? 8, nextKind(i) === "signature"));
      i++;
    } else {
      if (row.pieces.length) out.push(textParagraph(row, g, nextKind(i) === "signature"));
      i++;
    }
    // A Word table straight after another would merge into it: part them with a hairline paragraph.
    const last = out.length - 1;
    if (last > 0 && out[last] instanceof Table && out[last - 1] instanceof Table) out.splice(last, 0, spaceParagraph(1));
  }
  return out;
}

// ---- The document.

/** The page number, centred in the top margin; none on a part's first page (NĐ 30). */
function pageHeaders() {
  const number = new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new TextRun({ children: [PageNumber.CURRENT], font: DOCX_FONT, size: DOCX_BODY_SIZE * 2, color: BLACK })],
  });
  return { default: new Header({ children: [number] }), first: new Header({ children: [emptyParagraph()] }) };
}

/** The part's orientation, else the layout's own (a `DocLayout` says "Portrait" or "Landscape"), else portrait. */
function orientationOf(part: DocxPart): "portrait" | "landscape" {
  if (part.orientation) return part.orientation;
  const own = (part.layout as { orientation?: unknown }).orientation;
  return typeof own === "string" && own.toLowerCase() === "landscape" ? "landscape" : "portrait";
}

function section(part: DocxPart) {
  const orientation = orientationOf(part);
  return {
    properties: {
      titlePage: true,
      page: {
        size: { width: mmToTwip(DOCX_PAGE_MM.width), height: mmToTwip(DOCX_PAGE_MM.height), orientation: orientation === "landscape" ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
        margin: {
          top: mmToTwip(DOCX_PAGE_MM.top),
          bottom: mmToTwip(DOCX_PAGE_MM.bottom),
          left: mmToTwip(DOCX_PAGE_MM.left),
          right: mmToTwip(DOCX_PAGE_MM.right),
          header: mmToTwip(DOCX_PAGE_MM.header),
          footer: mmToTwip(DOCX_PAGE_MM.header),
        },
        pageNumbers: { start: 1 },
      },
    },
    headers: pageHeaders(),
    children: blocks(part.layout, orientation),
  };
}

/** Renders one or more layouts (e.g. the submission, then the list as a landscape section) into one .docx. */
export async function layoutsToDocx(parts: DocxPart[], opts: { title?: string } = {}): Promise<Uint8Array> {
  if (parts.length === 0) throw new Error("layoutsToDocx: no layout to render");
  const doc = new Document({
    title: opts.title ?? "",
    creator: "Bình xét",
    lastModifiedBy: "Bình xét",
    styles: {
      default: {
        document: {
          run: { font: DOCX_FONT, size: DOCX_BODY_SIZE * 2, color: BLACK, language: LANGUAGE },
          paragraph: { spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } },
        },
      },
    },
    sections: parts.map(section),
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}

/** One layout as a .docx. */
export function layoutToDocx(layout: BaseLayout, opts: DocxOptions = {}): Promise<Uint8Array> {
  return layoutsToDocx([{ layout, orientation: opts.orientation }], { title: opts.title });
}

/** The MIME type of a .docx, for a download. */
export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
