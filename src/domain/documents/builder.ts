import type { DayParts } from "../format";
import { cleanText } from "../text";
import { MOTTO, MOTTO_RULE, NATIONAL_TITLE, placeDate, RECIPIENTS_LABEL, RULE, upper } from "./blocks";
import { DOC_FONT, type DocLayout, type DocPiece, type DocRow, type DocTable, type PieceStyle } from "./layout";

/** One signer's half of a signature block: title lines, the hint, and the name printed after the signing space. */
export interface Signer {
  title: string | string[];
  hint: string;
  /** Printed after the signing space ("" prints an empty row, as a name left to write); absent: no name row. */
  name?: string;
}

const CENTER_BOLD = { bold: true, align: "Center" } as const;
const CENTER_ITALIC = { italic: true, align: "Center" } as const;

/**
 * Rows of a document being built over fixed column widths, with the shared NĐ 30 blocks (heading,
 * place and date, title, signatures, recipients), so no document writes its own.
 */
export class DocBuilder {
  readonly rows: DocRow[] = [];
  readonly tables: DocTable[] = [];
  readonly cols: number;

  constructor(
    readonly widths: number[],
    readonly left: { col: number; span: number },
    readonly right: { col: number; span: number },
  ) {
    this.cols = widths.length;
  }

  full(value: string | number, style: PieceStyle = {}): DocPiece {
    return { col: 0, span: this.cols, value, style };
  }

  cell(col: number, value: string | number, style: PieceStyle = {}, span = 1): DocPiece {
    return { col, span, value, style };
  }

  push(row: DocRow): number {
    this.rows.push(row);
    return this.rows.length - 1;
  }

  line(value: string, style: PieceStyle = {}, kind: DocRow["kind"] = "text"): void {
    this.push({ kind, pieces: [this.full(value, style)] });
  }

  space(height = 8): void {
    this.push({ kind: "space", pieces: [], height });
  }

  /** A row of the two halves (heading, signatures); an empty text leaves its half empty. */
  halves(kind: DocRow["kind"], l: string, r: string, lStyle: PieceStyle, rStyle: PieceStyle = lStyle, height?: number): void {
    const pieces: DocPiece[] = [];
    if (l) pieces.push({ ...this.left, value: l, style: lStyle });
    if (r) pieces.push({ ...this.right, value: r, style: rStyle });
    this.push(height === undefined ? { kind, pieces } : { kind, pieces, height });
  }

  /**
   * The NĐ 30 heading: on the left the body above (regular capitals, optional) and the issuing body
   * (bold capitals) over a short rule; on the right the national title and the motto over a rule.
   */
  header(over: string | null, agency: string): void {
    const H = DOC_FONT.header;
    const center = (bold: boolean, size: number = H): PieceStyle => ({ bold, size, align: "Center" });
    const leftLines = [...(over ? [{ text: upper(over), bold: false }] : []), { text: upper(agency), bold: true }, { text: RULE, bold: true }];
    const rightLines = [
      { text: NATIONAL_TITLE, style: center(true) },
      { text: MOTTO, style: center(true, DOC_FONT.body) },
      { text: MOTTO_RULE, style: center(true) },
    ];
    for (let i = 0; i < Math.max(leftLines.length, rightLines.length); i++) {
      const l = leftLines[i];
      const r = rightLines[i];
      const pieces: DocPiece[] = [];
      if (l) pieces.push({ ...this.left, value: l.text, style: center(l.bold) });
      if (r) pieces.push({ ...this.right, value: r.text, style: r.style });
      this.push({ kind: "header", pieces });
    }
  }

  /** The heading's last row: the number ("Số: …", optional) on the left, the place and date under the motto on the right. */
  numberAndDate(number: string, place: string, at: DayParts): void {
    this.halves("header", number, placeDate(place, at), { align: "Center" }, { italic: true, align: "Center" });
  }

  /** The place and date as a line of its own, right-aligned under the heading (the minutes' form). */
  dateLine(place: string, at: DayParts): void {
    this.space();
    this.line(placeDate(place, at), { italic: true, align: "Right" });
  }

  /**
   * The title (bold, title size, centred) after `before` points, its sub-lines (bold centred unless
   * styled), an optional short rule, and `after` points of space.
   */
  title(title: string, subs: (string | { text: string; style: PieceStyle })[] = [], o: { before?: number; after?: number; rule?: boolean } = {}): void {
    this.space(o.before ?? 12);
    this.line(title, { bold: true, size: DOC_FONT.title, align: "Center" });
    for (const s of subs) {
      if (typeof s === "string") this.line(s, CENTER_BOLD);
      else this.line(s.text, s.style);
    }
    if (o.rule) this.line(RULE, CENTER_BOLD);
    this.space(o.after ?? 12);
  }

  /**
   * A signature block of two halves (either may be null): the titles' lines, the hints, the signing
   * space, then the names when a signer has one.
   */
  signatures(l: Signer | null, r: Signer | null, space: number): void {
    const lines = (s: Signer | null) => (s === null ? [] : typeof s.title === "string" ? [s.title] : s.title);
    const lt = lines(l);
    const rt = lines(r);
    for (let i = 0; i < Math.max(lt.length, rt.length); i++) this.halves("signature", lt[i] ?? "", rt[i] ?? "", CENTER_BOLD);
    this.halves("signature", l?.hint ?? "", r?.hint ?? "", CENTER_ITALIC);
    this.space(space);
    if (l?.name !== undefined || r?.name !== undefined) this.halves("signature", cleanText(l?.name ?? ""), cleanText(r?.name ?? ""), CENTER_BOLD);
  }

  /** "Nơi nhận:" and its lines on the left, beside the signer's title, hint and (after the signing space) name on the right. */
  signWithRecipients(recipients: string[], title: string, hint: string, name: string): void {
    const recipientStyle: PieceStyle = { size: 11 };
    this.halves("signature", RECIPIENTS_LABEL, title, { bold: true, italic: true, size: DOC_FONT.header }, CENTER_BOLD);
    recipients.forEach((r, i) => this.halves("signature", r, i === 0 ? hint : "", recipientStyle, CENTER_ITALIC));
    if (recipients.length === 0) this.halves("signature", "", hint, {}, CENTER_ITALIC);
    this.space(56);
    if (cleanText(name)) this.halves("signature", "", cleanText(name), {}, CENTER_BOLD);
  }

  /** Records rows `first`… (to the end) as a bordered table over the first `cols` columns. */
  table(first: number, percentCol = -1, cols = this.cols): DocTable {
    const t = { first, rows: this.rows.length - first, cols, percentCol };
    this.tables.push(t);
    return t;
  }

  /** A header row of bold centred labels, one per column from the first; returns its index (a table's `first`). */
  tableHeader(labels: readonly string[]): number {
    return this.push({ kind: "tableHeader", pieces: labels.map((h, i) => this.cell(i, h, CENTER_BOLD)) });
  }

  layout(orientation: DocLayout["orientation"], main?: DocTable, repeatRows?: DocLayout["repeatRows"]): DocLayout {
    const table = main ?? this.tables[0] ?? { first: this.rows.length, rows: 0, cols: this.cols, percentCol: -1 };
    const out: DocLayout = { widths: this.widths, left: this.left, right: this.right, rows: this.rows, table, tables: this.tables, orientation };
    if (repeatRows) out.repeatRows = repeatRows;
    return out;
  }
}
