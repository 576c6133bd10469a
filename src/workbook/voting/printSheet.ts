import { cleanText, nameKey } from "../../domain/text";
import { MAX_PRINT_BALLOTS } from "../../domain/voting/print";
import { wrapLines } from "../textFit";
import { maxChoices, normalizeVoteNames, type Vote } from "../../domain/voting/model";
import { cellAddress, columnLetter, rangeAddress } from "../a1";
import type { Grid } from "../grid";
import { emptyPlan, type CellFormat, type PlanCell, type SheetPlan } from "../plan";

/**
 * The printable paper ballots (phiếu bầu in sẵn): `count` numbered ballots laid out for A4
 * portrait with the margins of NĐ 30/2020/NĐ-CP, two to a page (with a "cut here" line between
 * them) when a ballot fits half a page, else one per page. A ballot taller than a page (a very
 * long list) flows on to the next page, repeating its table header there.
 *
 * Heights are estimated from the text (Times New Roman widths, rounded up) so that every printed
 * page holds no more than the printable height; the plan sets every row's height and the manual
 * page breaks, so what Excel prints is what the plan computed.
 */

/** A4 in points. */
export const A4 = { width: 595.3, height: 841.9 } as const;

/** NĐ 30 margins in points: top and bottom 20 mm, left 30 mm, right 15 mm. */
export const BALLOT_MARGINS = { top: 57, bottom: 57, left: 85, right: 43 } as const;

/** The printable area in points (A4 less the margins, rounded down). */
export const PRINTABLE = {
  width: Math.floor(A4.width - BALLOT_MARGINS.left - BALLOT_MARGINS.right),
  height: Math.floor(A4.height - BALLOT_MARGINS.top - BALLOT_MARGINS.bottom),
} as const;

/** More ballots than this are not laid out (the count is clamped; the domain's limit, DOMAIN §4). */
export { MAX_PRINT_BALLOTS };

/** Candidates a ballot may list and still default to two ballots per page. */
export const HALF_PAGE_CANDIDATES = 10;

export const BALLOT_FONT = "Times New Roman";

/** The fixed words of the ballot. */
export const BALLOT_TEXT = {
  titleAward: "PHIẾU SUY TÔN",
  titleElect: "PHIẾU BẦU",
  numberPrefix: "Số: ",
  stt: "STT",
  name: "Tên đơn vị",
  approve: "Đồng ý",
  reject: "Không đồng ý",
  choose: "Chọn",
  footer: "Phiếu phải có dấu của Ban kiểm phiếu.",
  cut: "(cắt theo đường này)",
} as const;

export interface PrintBallotsOptions {
  sheet: string;
  bloc: { name: string; province: string; year: number };
  count: number;
  /** Ballots per A4 page; default 2 when the ballot fits half a page (≤ 10 candidates), else 1. An explicit 2 falls back to 1 when two do not fit. */
  perPage?: 1 | 2;
}

/** "Số: 001": the ballot number as printed (at least three digits). */
export function ballotNumberText(n: number, count = n): string {
  return BALLOT_TEXT.numberPrefix + String(n).padStart(Math.max(3, String(count).length), "0");
}

/** The instruction printed under the title: how to mark, and the quota. */
export function ballotInstruction(vote: Pick<Vote, "ballot" | "invalid">): string {
  const q = maxChoices(vote.ballot);
  let s: string;
  if (vote.ballot.kind === "approve") {
    s =
      `Đánh dấu X vào ô "${BALLOT_TEXT.approve}" hoặc "${BALLOT_TEXT.reject}" của từng đơn vị; đồng ý tối đa ${q} đơn vị. ` +
      `Phiếu đồng ý quá ${q} đơn vị là phiếu không hợp lệ.`;
  } else if (vote.ballot.kind === "chooseUpTo") {
    s = `Đánh dấu X vào ô "${BALLOT_TEXT.choose}" của đơn vị được chọn, tối đa ${q} đơn vị. Phiếu chọn quá ${q} đơn vị là phiếu không hợp lệ.`;
  } else {
    s = `Đánh dấu X vào ô "${BALLOT_TEXT.choose}" của đơn vị được chọn; chỉ chọn một đơn vị. Phiếu chọn từ hai đơn vị trở lên là phiếu không hợp lệ.`;
  }
  if (vote.invalid.noneMarked === "invalid") s += " Phiếu không đánh dấu ô nào là phiếu không hợp lệ.";
  return s;
}

/** The line under the title: the vote's title and year, and the round of a revote. */
export function ballotTitleLine(vote: Pick<Vote, "title" | "purpose" | "round">, year: number): string {
  let t = cleanText(vote.title);
  if (!t) {
    const p = vote.purpose;
    t = p.kind === "award" ? `Suy tôn đơn vị đề nghị ${p.award}` : p.kind === "leader" ? "Bầu đơn vị Trưởng khối" : "Bầu đơn vị Phó trưởng khối";
  }
  if (!t.includes(String(year))) t += ` năm ${year}`;
  if (vote.round > 1) t += ` – Bỏ phiếu lại – vòng ${vote.round}`;
  return t;
}

// ---- Measuring text (estimates that err on the wide side).

/** Width of one character in em of Times New Roman, rounded up by class. */
function charEm(ch: string): number {
  if (ch === " ") return 0.25;
  if (/[-.,:;'"()\u2013|!]/.test(ch)) return 0.34;
  if (/\d/.test(ch)) return 0.5;
  if (ch !== ch.toLocaleLowerCase("vi")) return /[MW]/.test(ch) ? 0.95 : 0.73;
  return /[mw]/.test(ch) ? 0.75 : 0.5;
}

interface Font {
  size: number;
  bold?: boolean;
}

const CELL_PADDING = 6;
const textWidth = (s: string, font: Font) => [...s].reduce((w, ch) => w + charEm(ch), 0) * font.size * (font.bold ? 1.08 : 1);

/** Lines a wrapped cell of `width` points needs for `text` (greedy word wrap, long words broken). */
export function estimateLines(text: string, width: number, font: Font): number {
  return wrapLines(text, Math.max(1, width - CELL_PADDING), (t) => textWidth(t, font));
}

/** Row heights snap to whole pixels (0.75 pt). */
const snapUp = (h: number) => Math.ceil(h / 0.75 - 1e-9) * 0.75;
const snapDown = (h: number) => Math.floor(h / 0.75 + 1e-9) * 0.75;
const rowHeightFor = (lines: number, font: Font) => snapUp(lines * font.size * 1.3 + 1.5);

// ---- Layout.

const F = {
  bloc: { size: 12, bold: true },
  title: { size: 14, bold: true },
  voteTitle: { size: 13, bold: true },
  body: { size: 12 },
  header: { size: 12, bold: true },
} as const;

/** Candidate rows: at least this high (12 pt text), at most this (room to mark). */
const CANDIDATE_MIN = 15;
const CANDIDATE_MAX = 22.5;
const SEPARATOR_HEIGHT = 21;
const SEPARATOR_DASHES = 22;

interface Columns {
  widths: number[];
  /** Column index of the candidate name and of the first mark column. */
  name: number;
  marks: number;
  headers: string[];
}

function columnsFor(approve: boolean): Columns {
  return approve
    ? { widths: [36, 288, 55, 86], name: 1, marks: 2, headers: [BALLOT_TEXT.stt, BALLOT_TEXT.name, BALLOT_TEXT.approve, BALLOT_TEXT.reject] }
    : { widths: [36, 343, 86], name: 1, marks: 2, headers: [BALLOT_TEXT.stt, BALLOT_TEXT.name, BALLOT_TEXT.choose] };
}

/** The ballot's table: column widths (points), headers and where the name and the marks sit (the sheet's and the .docx's). */
export const ballotColumns = (vote: Pick<Vote, "ballot">): Readonly<Columns> => columnsFor(vote.ballot.kind === "approve");

type LineKind = "bloc" | "title" | "voteTitle" | "instruction" | "header" | "candidate" | "footer";

interface Line {
  kind: LineKind;
  cells: PlanCell[];
  height: number;
  /** Its text's lines as estimated (the height is rowHeightFor of these); 1 for candidate rows filled out to the page. */
  lines: number;
}

/** One ballot's lines, its candidate rows sized to fill `capacity` points at most (within the limits). */
function ballotLines(vote: Vote, opts: PrintBallotsOptions, cols: Columns, capacity: number, number: number, count: number): Line[] {
  const w = cols.widths.length;
  const total = cols.widths.reduce((a, b) => a + b, 0);
  const lastWidth = cols.widths[w - 1];
  const pad = (first: PlanCell, lastCell: PlanCell = null): PlanCell[] => [first, ...Array<PlanCell>(w - 2).fill(null), lastCell];
  const blocText = cleanText(opts.bloc.name).toLocaleUpperCase("vi");
  const title = vote.purpose.kind === "award" ? BALLOT_TEXT.titleAward : BALLOT_TEXT.titleElect;
  const voteTitle = ballotTitleLine(vote, opts.bloc.year);
  const instruction = ballotInstruction(vote);
  const line = (kind: LineKind, cells: PlanCell[], lines: number, font: Font): Line => ({ kind, cells, height: rowHeightFor(lines, font), lines });
  const fixed: Line[] = [
    line("bloc", pad(blocText, ballotNumberText(number, count)), estimateLines(blocText, total - lastWidth, F.bloc), F.bloc),
    line("title", pad(title), 1, F.title),
    line("voteTitle", pad(voteTitle), estimateLines(voteTitle, total, F.voteTitle), F.voteTitle),
    line("instruction", pad(instruction), estimateLines(instruction, total, F.body), F.body),
    line("header", [...cols.headers], Math.max(...cols.headers.map((h, i) => estimateLines(h, cols.widths[i], F.header))), F.header),
  ];
  const footer = line("footer", pad(BALLOT_TEXT.footer), estimateLines(BALLOT_TEXT.footer, total, F.body), F.body);
  const names = vote.candidates.map(cleanText);
  const nameLines = names.map((n) => estimateLines(n, cols.widths[cols.name], F.body));
  const wrapped = nameLines.map((lines) => (lines > 1 ? rowHeightFor(lines, F.body) : 0));
  const plain = wrapped.filter((h) => h === 0).length;
  const left = capacity - [...fixed, footer].reduce((s, l) => s + l.height, 0) - wrapped.reduce((a, b) => a + b, 0);
  const base = Math.min(CANDIDATE_MAX, Math.max(CANDIDATE_MIN, snapDown(plain ? left / plain : CANDIDATE_MAX)));
  const candidates: Line[] = names.map((n, i) => ({
    kind: "candidate",
    cells: [i + 1, n, ...Array<PlanCell>(w - 2).fill(null)],
    height: Math.max(base, wrapped[i]),
    lines: nameLines[i],
  }));
  return [...fixed, ...candidates, footer];
}

const heightOf = (lines: Line[]) => lines.reduce((s, l) => s + l.height, 0);

/** A ballot line's room on the sheet: its height (points) and its text's estimated lines. */
export interface BallotRoom {
  height: number;
  lines: number;
}

/**
 * The room the sheet gives each line of ballot `number` of `count` at `perPage` ballots a page: the
 * titles, the instruction and the footer, the table's header row and each candidate's row. The .docx
 * of the same ballots takes exactly this room for each (printDoc.ts), so a page of the document holds
 * what a page of the sheet does.
 */
export function ballotRooms(given: Vote, opts: PrintBallotsOptions, perPage: 1 | 2, number: number): Record<"title" | "voteTitle" | "instruction" | "header" | "footer", BallotRoom> & { candidates: BallotRoom[] } {
  const vote = normalizeVoteNames(given);
  const count = clampCount(opts.count);
  const capacity = perPage === 2 ? (PRINTABLE.height - SEPARATOR_HEIGHT) / 2 : PRINTABLE.height;
  const lines = ballotLines(vote, opts, columnsFor(vote.ballot.kind === "approve"), capacity, number, count);
  const room = (kind: LineKind): BallotRoom => {
    const l = lines.find((x) => x.kind === kind);
    return { height: l?.height ?? 0, lines: l?.lines ?? 1 };
  };
  return {
    title: room("title"),
    voteTitle: room("voteTitle"),
    instruction: room("instruction"),
    header: room("header"),
    footer: room("footer"),
    candidates: lines.filter((l) => l.kind === "candidate").map((l) => ({ height: l.height, lines: l.lines })),
  };
}

/** The sheet's band between two ballots on a page (the "cut here" line), in points. */
export const BALLOT_SEPARATOR_HEIGHT = SEPARATOR_HEIGHT;

/** The count as laid out: a whole number from 1 to MAX_PRINT_BALLOTS. */
const clampCount = (n: number) => Math.min(MAX_PRINT_BALLOTS, Math.max(1, Math.floor(n)));

/** Ballots per A4 page for these options: 2 when asked (or by default for ≤ 10 candidates) and a ballot fits half a page, else 1. */
export function ballotsPerPage(given: Vote, opts: PrintBallotsOptions): 1 | 2 {
  const vote = normalizeVoteNames(given);
  const count = clampCount(opts.count);
  const half = (PRINTABLE.height - SEPARATOR_HEIGHT) / 2;
  const fitsHalf = heightOf(ballotLines(vote, opts, columnsFor(vote.ballot.kind === "approve"), half, count, count)) <= half;
  return fitsHalf && (opts.perPage ?? (vote.candidates.length <= HALF_PAGE_CANDIDATES ? 2 : 1)) === 2 ? 2 : 1;
}

export function printBallotsPlan(given: Vote, opts: PrintBallotsOptions): SheetPlan {
  const vote = normalizeVoteNames(given);
  const count = clampCount(opts.count);
  const approve = vote.ballot.kind === "approve";
  const cols = columnsFor(approve);
  const width = cols.widths.length;
  const page = PRINTABLE.height;
  const half = (page - SEPARATOR_HEIGHT) / 2;
  const perPage = ballotsPerPage(vote, opts);
  const capacity = perPage === 2 ? half : page;

  const p = emptyPlan(opts.sheet);
  const rows: PlanCell[][] = [];
  const heights: number[] = [];
  const breaks: number[] = [];
  const merges: string[] = [];
  const formats: { range: string; format: CellFormat }[] = [];
  const fmt = (row: number, col: number, rowCount: number, colCount: number, format: CellFormat) => formats.push({ range: rangeAddress(row, col, rowCount, colCount), format });
  let used = 0;

  const newPage = () => {
    if (rows.length > 0) breaks.push(rows.length);
    used = 0;
  };
  const push = (cells: PlanCell[], height: number): number => {
    rows.push(cells);
    heights.push(height);
    used += height;
    return rows.length - 1;
  };

  const emitBallot = (number: number) => {
    const lines = ballotLines(vote, opts, cols, capacity, number, count);
    const header = lines.find((l) => l.kind === "header") as Line;
    const footer = lines[lines.length - 1];
    let tableStart = -1;
    let tableEnd = -1;
    for (const [i, line] of lines.entries()) {
      // A line that would overflow the page starts the next one; a table row there repeats the
      // header. The last candidate keeps the footer with it, so the footer never stands alone.
      const need = line.height + (i === lines.length - 2 ? footer.height : 0);
      if (used > 0 && used + need > page) {
        newPage();
        if (line.kind === "candidate") {
          const r = push([...header.cells], header.height);
          fmt(r, 0, 1, width, { bold: true, hAlign: "Center", wrap: true });
        }
      }
      const r = push(line.cells, line.height);
      switch (line.kind) {
        case "bloc":
          merges.push(rangeAddress(r, 0, 1, width - 1));
          fmt(r, 0, 1, width - 1, { bold: true, hAlign: "Left", wrap: true });
          fmt(r, width - 1, 1, 1, { hAlign: "Right" });
          break;
        case "title":
          merges.push(rangeAddress(r, 0, 1, width));
          fmt(r, 0, 1, width, { bold: true, fontSize: F.title.size, hAlign: "Center" });
          break;
        case "voteTitle":
          merges.push(rangeAddress(r, 0, 1, width));
          fmt(r, 0, 1, width, { bold: true, fontSize: F.voteTitle.size, hAlign: "Center", wrap: true });
          break;
        case "instruction":
          merges.push(rangeAddress(r, 0, 1, width));
          fmt(r, 0, 1, width, { italic: true, hAlign: "Left", wrap: true });
          break;
        case "header":
          tableStart = r;
          fmt(r, 0, 1, width, { bold: true, hAlign: "Center", wrap: true });
          break;
        case "candidate":
          tableEnd = r;
          break;
        case "footer":
          merges.push(rangeAddress(r, 0, 1, width));
          fmt(r, 0, 1, width, { italic: true, hAlign: "Left" });
          break;
      }
    }
    const bodyStart = tableStart + 1;
    const bodyRows = tableEnd - tableStart;
    fmt(tableStart, 0, tableEnd - tableStart + 1, width, { borders: "Continuous" });
    fmt(bodyStart, 0, bodyRows, 1, { hAlign: "Center" });
    fmt(bodyStart, cols.name, bodyRows, 1, { hAlign: "Left", wrap: true });
    fmt(bodyStart, cols.marks, bodyRows, width - cols.marks, { hAlign: "Center" });
  };

  const dashes = Array<string>(SEPARATOR_DASHES).fill("-").join(" ");
  for (let n = 1; n <= count; n++) {
    const second = perPage === 2 && n % 2 === 0;
    if (second) {
      const r = push([`${dashes} ${BALLOT_TEXT.cut} ${dashes}`, ...Array<PlanCell>(width - 1).fill(null)], SEPARATOR_HEIGHT);
      merges.push(rangeAddress(r, 0, 1, width));
      fmt(r, 0, 1, width, { italic: true, hAlign: "Center" });
    } else {
      newPage();
    }
    emitBallot(n);
  }

  p.blocks.push({ at: "A1", rows });
  p.formats.push({ range: rangeAddress(0, 0, rows.length, width), format: { fontName: BALLOT_FONT, fontSize: F.body.size, vAlign: "Center" } }, ...formats);
  p.merges.push(...merges);
  cols.widths.forEach((w, i) => p.columnWidths.push({ column: columnLetter(i), width: w }));
  // Plan row heights are 1-based (Excel's row numbers), page breaks 0-based.
  p.rowHeights = heights.map((height, i) => ({ row: i + 1, height }));
  p.pageBreaks = breaks;
  // No "fit to page width": Excel ignores manual page breaks under fit-to scaling, and the columns already fit (≤ 467 pt).
  p.print = { orientation: "Portrait", paper: "A4", margins: { ...BALLOT_MARGINS } };
  p.tabColor = "#7030A0";
  return p;
}

/** The text of a cell as compared: numbers as written, text folded (case, spaces, Unicode form). */
const cellKey = (v: unknown) => (typeof v === "number" ? String(v) : nameKey(String(v ?? "")));

/**
 * Cells of a print sheet as read that the add-in did not lay out (a ballot retyped, a note added):
 * the sheet is compared with this vote's layout for the number of ballots it holds ("Số: 001"…),
 * one or two per page. [] when it is exactly as laid out; the first cells otherwise, A1-style.
 */
export function printSheetEdits(vote: Vote, opts: Omit<PrintBallotsOptions, "count" | "perPage">, grid: Grid): string[] {
  const at = (r: number, c: number) => grid.values[r - grid.row]?.[c - grid.col];
  const numbers = grid.values.flat().filter((v) => /^Số: \d+$/.test(String(v ?? "").trim())).length;
  let best: string[] | null = null;
  for (const perPage of [2, 1] as const) {
    const rows = printBallotsPlan(vote, { ...opts, count: Math.max(1, numbers), perPage }).blocks[0].rows;
    const height = Math.max(rows.length, grid.row + grid.values.length);
    const width = Math.max(rows[0]?.length ?? 0, grid.col + Math.max(0, ...grid.values.map((r) => r.length)));
    const diff: string[] = [];
    for (let r = 0; r < height && diff.length < 4; r++) {
      for (let c = 0; c < width && diff.length < 4; c++) if (cellKey(rows[r]?.[c]) !== cellKey(at(r, c))) diff.push(cellAddress(r, c));
    }
    if (!best || diff.length < best.length) best = diff;
  }
  return best ?? [];
}
