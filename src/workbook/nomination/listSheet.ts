import type { AwardKind, Proposal } from "../../domain/nomination/model";
import { cleanText, nameKey } from "../../domain/text";
import { cellAddress, columnLetter, rangeAddress } from "../a1";
import { emptyPlan, type CellFormat, type PlanCell, type SheetPlan } from "../plan";
import {
  MINUTES_FONT,
  MINUTES_PAGE,
  MOTTO,
  NATIONAL_TITLE,
  viDate,
  viPercent,
  wrappedLines,
  type MinutesLayout,
  type MinutesPiece,
  type MinutesRow,
  type PieceStyle,
} from "../voting/minutesSheet";

/**
 * The nomination list (danh sách đề nghị khen thưởng, DOMAIN §5) attached to the bloc's
 * submission: the proposed units grouped by kind (danh hiệu thi đua / hình thức khen thưởng) and
 * award, with the evidence (total score, rank, votes for over the denominator, percent) and the
 * meeting's reason where it overrode the engine. A4 landscape (NĐ 30/2020 allows it for tables).
 *
 * Like the vote-count minutes, the document is first a layout (rows of styled pieces over column
 * widths) that the Word export renders too; this file also holds the generic layout → sheet plan
 * step the nomination documents share. With `links`, the evidence cells are live formulas over
 * the summary ("Tổng hợp") and the votes' results blocks, so a changed score or ballot updates
 * the list (rule 2); the layout keeps the values of the moment as each formula's fallback.
 */

// ---- Documents as layouts (shared by the nomination documents).

/** A layout piece that may carry a formula: the sheet writes the formula, a Word rendering the value. */
export interface DocPiece extends MinutesPiece {
  formula?: string;
}

export interface DocRow extends MinutesRow {
  pieces: DocPiece[];
}

export type DocTable = MinutesLayout["table"];

/**
 * A MinutesLayout (so the Word renderer takes it as is) with what a document of several tables and
 * either orientation needs: every bordered table (`table` is the main one; `percentCol` is -1 in a
 * table without percentages), the orientation, and rows to repeat on each printed page.
 */
export interface DocLayout extends MinutesLayout {
  rows: DocRow[];
  tables: DocTable[];
  orientation: "Portrait" | "Landscape";
  /** Rows (0-based) repeated at the top of each printed page, e.g. a long table's header. */
  repeatRows?: { first: number; count: number };
}

/** A4 landscape with the NĐ 30 margins (20/20/30/15 mm): 842 − 85 − 43 = 714 points of printable width. */
export const LANDSCAPE_PAGE = { top: 57, bottom: 57, left: 85, right: 43, width: 714 } as const;
/** A4 portrait, as the vote-count minutes: 467 points of printable width. */
export const PORTRAIT_PAGE = MINUTES_PAGE;

export const pageOf = (orientation: DocLayout["orientation"]) => (orientation === "Landscape" ? LANDSCAPE_PAGE : PORTRAIT_PAGE);

/** The symbol of the bloc's submissions: "Số: 12/TTr-KTĐ". */
export const SUBMISSION_SYMBOL = "TTr-KTĐ";
export const DOTS = "……";
export const SIGN_HINT = "(Ký, ghi rõ họ tên)";
export const SIGN_STAMP_HINT = "(Ký, ghi rõ họ tên, đóng dấu)";
export const LEADER_TITLE = "TRƯỞNG KHỐI";

const pad2 = (n: number) => String(Math.trunc(n)).padStart(2, "0");
/** "02" for counts under 10, as administrative documents write them. */
export const count2 = (n: number): string => (n < 10 ? pad2(n) : String(n));
/** A number as written (decimal comma, no grouping). */
export const viNum = (x: number): string => String(x).replace(".", ",");
export const upper = (s: string): string => cleanText(s).toLocaleUpperCase("vi");
/** "tỉnh Bắc Ninh"; a name that already says "tỉnh …" or "thành phố …" is kept. */
export const provinceName = (p: string): string => (/^(tỉnh|thành phố|tp\.?)\s/i.test(cleanText(p)) ? cleanText(p) : `tỉnh ${cleanText(p)}`);

/** Rows of a document being built, over fixed column widths. */
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

  /** A row of the two halves (header, signatures); an empty text leaves its half empty. */
  halves(kind: DocRow["kind"], l: string, r: string, lStyle: PieceStyle, rStyle: PieceStyle = lStyle, height?: number): void {
    const pieces: DocPiece[] = [];
    if (l) pieces.push({ ...this.left, value: l, style: lStyle });
    if (r) pieces.push({ ...this.right, value: r, style: rStyle });
    this.push(height === undefined ? { kind, pieces } : { kind, pieces, height });
  }

  /**
   * The NĐ 30 header: on the left the body above (regular capitals, optional) and the issuing body
   * (bold capitals) over a short rule; on the right the national title and the motto over a rule.
   */
  header(over: string | null, agency: string): void {
    const H = MINUTES_FONT.header;
    const center = (bold: boolean, size: number = H): PieceStyle => ({ bold, size, align: "Center" });
    const leftLines = [...(over ? [{ text: upper(over), bold: false }] : []), { text: upper(agency), bold: true }, { text: "————", bold: true }];
    const rightLines = [
      { text: NATIONAL_TITLE, style: center(true) },
      { text: MOTTO, style: center(true, MINUTES_FONT.body) },
      { text: "————————", style: center(true) },
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

  /** Records rows `first`… (to the end) as a bordered table over the first `cols` columns. */
  table(first: number, percentCol = -1, cols = this.cols): DocTable {
    const t = { first, rows: this.rows.length - first, cols, percentCol };
    this.tables.push(t);
    return t;
  }

  /** "Nơi nhận:" and its lines on the left, beside the signer's title, hint and (after the signing space) name on the right. */
  signWithRecipients(recipients: string[], title: string, hint: string, name: string): void {
    const R = { bold: true, align: "Center" } as const;
    const recipientStyle: PieceStyle = { size: 11 };
    this.halves("signature", "Nơi nhận:", title, { bold: true, italic: true, size: MINUTES_FONT.header }, R);
    recipients.forEach((r, i) => this.halves("signature", r, i === 0 ? hint : "", recipientStyle, { italic: true, align: "Center" }));
    if (recipients.length === 0) this.halves("signature", "", hint, {}, { italic: true, align: "Center" });
    this.space(56);
    if (cleanText(name)) this.halves("signature", "", cleanText(name), {}, R);
  }

  layout(orientation: DocLayout["orientation"], main?: DocTable, repeatRows?: DocLayout["repeatRows"]): DocLayout {
    const table = main ?? this.tables[0] ?? { first: this.rows.length, rows: 0, cols: this.cols, percentCol: -1 };
    const out: DocLayout = { widths: this.widths, left: this.left, right: this.right, rows: this.rows, table, tables: this.tables, orientation };
    if (repeatRows) out.repeatRows = repeatRows;
    return out;
  }
}

/** The proposed units grouped by kind (titles first) and award (in order of first appearance), each in the given order. */
export interface AwardGroup {
  awardId: string;
  award: string;
  kind: AwardKind;
  proposals: Proposal[];
}

export const KIND_HEADINGS: Record<AwardKind, string> = { title: "DANH HIỆU THI ĐUA", reward: "HÌNH THỨC KHEN THƯỞNG" };
const ROMAN = ["I", "II", "III", "IV", "V"];
export const roman = (i: number): string => ROMAN[i] ?? String(i + 1);

export function groupProposals(proposals: readonly Proposal[]): { kind: AwardKind; awards: AwardGroup[] }[] {
  const out: { kind: AwardKind; awards: AwardGroup[] }[] = [];
  for (const kind of ["title", "reward"] as const) {
    const awards: AwardGroup[] = [];
    const byKey = new Map<string, AwardGroup>();
    for (const p of proposals) {
      if (!p.proposed || p.kind !== kind) continue;
      const key = cleanText(p.awardId) || nameKey(p.award);
      let g = byKey.get(key);
      if (!g) {
        g = { awardId: p.awardId, award: cleanText(p.award), kind, proposals: [] };
        byKey.set(key, g);
        awards.push(g);
      }
      g.proposals.push(p);
    }
    if (awards.length) out.push({ kind, awards });
  }
  return out;
}

// ---- Layout → text and sheet plan.

/** A piece as printed: numbers with a decimal comma, "0.00" with 2 decimals. */
export function pieceText(p: MinutesPiece): string {
  if (typeof p.value === "string") return p.value;
  return p.style.numberFormat === "0.00" ? viPercent(p.value) : viNum(p.value);
}

/** The document's lines as plain text: one line per non-empty row, its pieces joined by a tab (empty pieces dropped). */
export function layoutText(layout: MinutesLayout): string[] {
  return layout.rows
    .map((r) => r.pieces.map(pieceText).filter((t) => t !== ""))
    .filter((cells) => cells.length > 0)
    .map((cells) => cells.join("\t"));
}

const lineHeight = (size: number) => Math.ceil(size * 1.3);

/** A row's height from its text wrapped in its pieces' widths (or its fixed height). */
export function layoutRowHeight(row: MinutesRow, widths: readonly number[]): number {
  if (row.height !== undefined) return row.height;
  let h = lineHeight(MINUTES_FONT.body);
  for (const p of row.pieces) {
    const size = p.style.size ?? MINUTES_FONT.body;
    const width = widths.slice(p.col, p.col + p.span).reduce((a, b) => a + b, 0);
    h = Math.max(h, wrappedLines(pieceText(p), width, size, p.style.bold) * lineHeight(size));
  }
  return Math.min(409, h + 4);
}

/**
 * Any document layout as a print-ready, protected sheet: one block of values (or the pieces'
 * formulas), merges per piece, Times New Roman, borders on every table, row heights from the text,
 * A4 in the layout's orientation with the NĐ 30 margins.
 */
export function layoutSheetPlan(layout: DocLayout, sheet: string, tabColor = "#7030A0"): SheetPlan {
  const { widths, rows } = layout;
  const cols = widths.length;
  const p = emptyPlan(sheet);
  p.tabColor = tabColor;
  const grid: PlanCell[][] = rows.map(() => Array<PlanCell>(cols).fill(null));
  rows.forEach((row, r) => row.pieces.forEach((piece) => (grid[r][piece.col] = piece.formula ? { f: piece.formula } : piece.value)));
  p.blocks.push({ at: "A1", rows: grid });
  p.formats.push({
    range: rangeAddress(0, 0, rows.length, cols),
    format: { fontName: MINUTES_FONT.name, fontSize: MINUTES_FONT.body, fontColor: "#000000", vAlign: "Top", wrap: true, hAlign: "Left" },
  });
  for (const t of layout.tables) {
    if (t.rows > 0) p.formats.push({ range: rangeAddress(t.first, 0, t.rows, t.cols), format: { borders: "Continuous", vAlign: "Center" } });
  }
  rows.forEach((row, r) => {
    for (const piece of row.pieces) {
      const range = rangeAddress(r, piece.col, 1, piece.span);
      if (piece.span > 1) p.merges.push(range);
      const s = piece.style;
      const format: CellFormat = {
        ...(s.bold ? { bold: true } : {}),
        ...(s.italic ? { italic: true } : {}),
        ...(s.size && s.size !== MINUTES_FONT.body ? { fontSize: s.size } : {}),
        ...(s.align && s.align !== "Left" ? { hAlign: s.align } : {}),
        ...(s.numberFormat ? { numberFormat: s.numberFormat } : {}),
      };
      if (Object.keys(format).length) p.formats.push({ range, format });
    }
  });
  p.columnWidths = widths.map((width, i) => ({ column: columnLetter(i), width }));
  p.rowHeights = rows.map((row, r) => ({ row: r + 1, height: layoutRowHeight(row, widths) }));
  p.protection = {};
  const page = pageOf(layout.orientation);
  p.print = { orientation: layout.orientation, paper: "A4", fitToWidth: true, margins: { top: page.top, bottom: page.bottom, left: page.left, right: page.right } };
  if (layout.repeatRows) p.print.titleRows = `$${layout.repeatRows.first + 1}:$${layout.repeatRows.first + layout.repeatRows.count}`;
  return p;
}

// ---- The list.

/**
 * Where the list's evidence comes from. Each range is a workbook name over a results table, with
 * 1-based columns inside it. MATCH looks the unit up in INDEX(<name>,0,<keyCol>) (Excel's whole-column
 * form); `keyRange`, when given, is that key column as a qualified range ("'Tổng hợp'!$B$6:$B$13") and
 * is used instead: HyperFormula (the in-memory host) cannot evaluate INDEX with a row of 0.
 */
export interface ListLinks {
  /** The summary's results range (e.g. "BX_TongHop") and the 1-based columns of the unit, total and rank within it. */
  summary: { name: string; unitCol: number; totalCol: number; rankCol: number; keyRange?: string };
  /** Per vote id: its results range (e.g. "BX_Phieu_V1_KetQua") and the 1-based columns of the name, votes and percent within it. */
  votes: Record<string, { name: string; nameCol: number; votesCol: number; percentCol: number; keyRange?: string }>;
}

export interface ListInput {
  sheet: string;
  bloc: { name: string; province: string; year: number; leader: string };
  place: string;
  at: { day: number; month: number; year: number };
  /** The proposed list in order (entries not `proposed` are left out). */
  proposals: Proposal[];
  links?: ListLinks;
  /** "Nơi nhận" lines as printed; LIST_RECIPIENTS when absent. */
  recipients?: string[];
  /** The bloc leader's signer, printed under the signature; empty leaves the space. */
  leaderName?: string;
  /** The submission's number ("12/TTr-KTĐ" or "12"), dated `at`; empty leaves dots to fill in. */
  submissionNumber?: string;
}

export const LIST_TITLE = "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG";
export const LIST_HEADERS = [
  "STT",
  "Tên đơn vị",
  "Danh hiệu / Hình thức khen thưởng",
  "Tổng điểm",
  "Xếp hạng",
  "Phiếu đồng ý / mẫu số",
  "Tỷ lệ (%)",
  "Ghi chú",
] as const;
/** The list's columns (0-based). */
export const LIST_COLS = { stt: 0, unit: 1, award: 2, total: 3, rank: 4, votes: 5, percent: 6, note: 7 } as const;
/** Widths (points) filling the landscape printable width (714). */
export const LIST_WIDTHS = [32, 190, 150, 58, 50, 70, 52, 112];
/** The list's default "Nơi nhận" (no body named that a province may not have, DOMAIN §5). */
export const LIST_RECIPIENTS = ["- Các đơn vị trong khối;", "- Lưu: VT."];
export const MEETING_DECIDED = "Hội nghị quyết định";
export const EMPTY_LIST = "Không có đơn vị nào được đề nghị khen thưởng.";

/** "Hội nghị quyết định: <reason>" for an overridden proposal, "" otherwise. */
export const overrideNote = (p: Pick<Proposal, "override">): string => (p.override ? `${MEETING_DECIDED}: ${cleanText(p.override.reason) || DOTS}` : "");

/** INDEX(range,MATCH(key,INDEX(range,0,keyCol),0),col): the value in `col` on the row whose `keyCol` holds `key` (MATCH in `keyRange` when given). */
export const lookupFormula = (range: string, keyCol: number, key: string, col: number, keyRange?: string): string =>
  `INDEX(${range},MATCH(${key},${keyRange ?? `INDEX(${range},0,${keyCol})`},0),${col})`;

/** "5/8", "5" without a denominator, "" without votes. */
const votesText = (p: Proposal): string => (p.votes === null ? "" : p.denominator === null ? String(p.votes) : `${p.votes}/${p.denominator}`);

export function listLayout(input: ListInput): DocLayout {
  const { bloc, links } = input;
  const C = LIST_COLS;
  const b = new DocBuilder(LIST_WIDTHS, { col: 0, span: 3 }, { col: 3, span: 5 });
  const cell = (col: number, value: string | number, style: PieceStyle = {}, formula?: string): DocPiece =>
    formula ? { col, span: 1, value, style, formula } : { col, span: 1, value, style };

  b.header(bloc.name, bloc.leader);
  b.halves("header", "", `${cleanText(input.place)}, ${viDate(input.at)}`, {}, { italic: true, align: "Center" });
  b.space(10);
  b.line(`${LIST_TITLE} NĂM ${bloc.year}`, { bold: true, size: MINUTES_FONT.title, align: "Center" });
  const typed = cleanText(input.submissionNumber ?? "");
  const number = typed ? (typed.includes("/") ? typed : `${typed}/${SUBMISSION_SYMBOL}`) : `${DOTS}/${SUBMISSION_SYMBOL}`;
  const when = typed ? `${pad2(input.at.day)}/${pad2(input.at.month)}/${input.at.year}` : DOTS;
  b.line(`(Kèm theo Tờ trình số ${number} ngày ${when} của Trưởng ${cleanText(bloc.name)})`, { italic: true, align: "Center" });
  b.space(10);

  const first = b.push({ kind: "tableHeader", pieces: LIST_HEADERS.map((h, i) => cell(i, h, { bold: true, align: "Center" })) });
  const groups = groupProposals(input.proposals);
  let n = 0;
  groups.forEach((g, k) => {
    b.line(`${roman(k)}. ${KIND_HEADINGS[g.kind]}`, { bold: true }, "tableRow");
    for (const a of g.awards) {
      b.line(a.award, { bold: true, italic: true }, "tableRow");
      for (const p of a.proposals) {
        const r = b.rows.length;
        const unitRef = cellAddress(r, C.unit);
        const s = links?.summary;
        const v = p.voteId ? links?.votes[p.voteId] : undefined;
        const num = (x: number | null) => (x === null ? "" : x);
        const votesFormula = v ? `=${lookupFormula(v.name, v.nameCol, unitRef, v.votesCol, v.keyRange)}${p.denominator === null ? "" : `&"/"&${p.denominator}`}` : undefined;
        b.push({
          kind: "tableRow",
          pieces: [
            cell(C.stt, ++n, { align: "Center", numberFormat: "0" }),
            cell(C.unit, cleanText(p.unit)),
            cell(C.award, cleanText(p.award)),
            cell(C.total, num(p.total), { align: "Center", numberFormat: "0.00" }, s ? `=${lookupFormula(s.name, s.unitCol, unitRef, s.totalCol, s.keyRange)}` : undefined),
            cell(C.rank, num(p.rank), { align: "Center", numberFormat: "0" }, s ? `=${lookupFormula(s.name, s.unitCol, unitRef, s.rankCol, s.keyRange)}` : undefined),
            cell(C.votes, votesText(p), { align: "Center" }, votesFormula),
            cell(C.percent, num(p.percent), { align: "Center", numberFormat: "0.00" }, v ? `=${lookupFormula(v.name, v.nameCol, unitRef, v.percentCol, v.keyRange)}` : undefined),
            cell(C.note, overrideNote(p)),
          ],
        });
      }
    }
  });
  if (n === 0) b.line(EMPTY_LIST, { italic: true, align: "Center" }, "tableRow");
  const table = b.table(first, C.percent);
  b.space(12);
  b.signWithRecipients(input.recipients ?? LIST_RECIPIENTS, LEADER_TITLE, SIGN_STAMP_HINT, input.leaderName ?? "");
  return b.layout("Landscape", table, { first, count: 1 });
}

export function listSheetPlan(input: ListInput): SheetPlan {
  return layoutSheetPlan(listLayout(input), input.sheet, "#00B050");
}
