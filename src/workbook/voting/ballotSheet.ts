import { cleanText, foldLabel } from "../../domain/text";
import { DENOMINATOR_TERMS, INVALID_REASON_TERMS, termOf, type Term } from "../../domain/voting/terms";
import { MANUAL_REASONS, maxChoices, normalizeVoteNames, ruleText, type Ballot, type ManualReason, type Mark, type Vote } from "../../domain/voting/model";
import { cellAddress, columnLetter, rangeAddress } from "../a1";
import type { Grid } from "../grid";
import { columnWidths, emptyPlan, type PlanCell, type SheetPlan } from "../plan";
import { countValidation, denominatorFormula, entryNames, resultFormulas, resultsTableFormats, resultsTableHighlights } from "./resultsTable";

/**
 * The "ballot by ballot" entry sheet (nhập từng phiếu): one row per paper ballot, a mark per
 * candidate, a manual invalid reason, and the ballot's status as a formula; beside it the inputs
 * (members, present, issued) and the results block, every number a live formula (rule 2).
 *
 * Marks, chosen so a typist enters them with one key:
 * - approve list: "x" = Đồng ý (approve), "k" = Không đồng ý (reject), empty = not marked;
 * - choose one / choose up to N: "x" = chosen, empty = not chosen.
 * Upper-case "X"/"K" count the same (COUNTIF and the reader ignore case).
 */

/** The mark cell's values. */
export const MARK_APPROVE = "x";
export const MARK_REJECT = "k";

/**
 * The manual reasons as the drop-down offers them: their terms' sheet words (the legal wording of
 * TT 01/2021/TT-BNV Đ11); the short forms offered before ("Gạch hết", …) are aliases and still read.
 */
export const MANUAL_REASON_TEXT: Record<ManualReason, string> = Object.fromEntries(MANUAL_REASONS.map((r) => [r, INVALID_REASON_TERMS[r].sheet])) as Record<ManualReason, string>;
const MANUAL_TERMS = Object.fromEntries(MANUAL_REASONS.map((r) => [r, INVALID_REASON_TERMS[r]])) as Record<ManualReason, Term>;

/** What the status column shows. */
export const STATUS = {
  valid: "Hợp lệ",
  overQuota: "Không hợp lệ: quá số lượng",
  noneMarked: "Không hợp lệ: không đánh dấu",
  /** Prefix of a manual reason: "Không hợp lệ: Gạch tất cả các tên". */
  manualPrefix: "Không hợp lệ: ",
  /** Marks or a reason typed on a row without a ballot number: counted nowhere until fixed. */
  noNumber: "Thiếu số phiếu",
} as const;

export { CUTOFF, denominatorFormula, PASS, resultFormulas } from "./resultsTable";

/** Header labels (the reader finds the table by these). */
export const HEADERS = { number: "Số phiếu", reason: "Lý do không hợp lệ (nếu có)", written: "Ý kiến bằng văn bản (thành viên vắng mặt)", status: "Tình trạng" } as const;

/** Labels of the parameter and total rows of the results block, in order. */
export const FIELD_LABELS = {
  members: "Số thành viên",
  present: "Số có mặt",
  issued: "Số phiếu phát ra",
  returned: "Số phiếu thu vào",
  valid: "Số phiếu hợp lệ",
  invalid: "Số phiếu không hợp lệ",
  written: "Trong số phiếu thu vào: ý kiến bằng văn bản",
  quota: "Số lựa chọn tối đa trên một phiếu",
  toElect: "Số lượng được chọn",
  threshold: "Tỷ lệ yêu cầu (%)",
  denominator: "Mẫu số tính tỷ lệ",
} as const;
type Field = keyof typeof FIELD_LABELS;
const FIELDS = Object.keys(FIELD_LABELS) as Field[];

/** Fixed rows (0-based). */
export const BALLOT_LAYOUT = { title: 0, round: 1, rule: 2, marks: 3, header: 5, first: 6 } as const;

export interface BallotSheetOptions {
  sheet: string;
  /** Ballot rows to lay out (e.g. the ballots issued). */
  rows: number;
  /** Ballots issued, pre-filled in its input cell; empty when not given. */
  issued?: number;
  /** Prefix of the workbook names this sheet defines; default `BX_Phieu_V<round>`. Must be unique per entry sheet. */
  namePrefix?: string;
  /**
   * Workbook names of the vote's members, present and issued cells on the vote definition sheet:
   * when given, this sheet shows them by formula (one place to type them, rule 1) and does not
   * offer them as inputs.
   */
  refs?: { members: string; present: string; issued: string };
  /** A line under the title, e.g. "Nhập lần 2 (độc lập với lần 1)". */
  subtitle?: string;
}

export interface BallotSheetMap {
  sheet: string;
  /** First and last ballot row (0-based). */
  first: number;
  last: number;
  /** `written`: the column marking written opinions of absent members, -1 when the vote does not count them. */
  cols: { number: number; firstCandidate: number; reason: number; written: number; status: number };
  /** The cell (A1, relative) of each parameter and total. */
  fields: Record<Field, string>;
  /** The results table: header row, first and last candidate rows (0-based), and its columns. */
  results: { header: number; first: number; last: number; cols: { stt: number; name: number; votes: number; percent: number; passes: number; rank: number; cutoff: number } };
  names: { members: string; present: string; issued: string; ballots: string; results: string };
}

export function ballotEntrySheetPlan(given: Vote, opts: BallotSheetOptions): { plan: SheetPlan; map: BallotSheetMap } {
  // Names NFC (DOMAIN §6): the results block is looked up by name.
  const vote = normalizeVoteNames(given);
  const n = vote.candidates.length;
  const rowsN = Math.max(1, Math.floor(opts.rows));
  const approve = vote.ballot.kind === "approve";
  const quota = maxChoices(vote.ballot);
  const L = columnLetter;
  const { header, first } = BALLOT_LAYOUT;
  const last = first + rowsN - 1;
  // A column marks the written opinions of absent members, when the vote counts them (Bắc Ninh QĐ 86/2025 Đ8.4).
  const withWritten = vote.writtenOpinions === true;
  const cols = { number: 0, firstCandidate: 1, reason: 1 + n, written: withWritten ? 2 + n : -1, status: withWritten ? 3 + n : 2 + n };
  const width = cols.status + 1;
  const R0 = width + 1; // a gap column, then the results block
  const rc = { stt: R0, name: R0 + 1, votes: R0 + 2, percent: R0 + 3, passes: R0 + 4, rank: R0 + 5, cutoff: R0 + 6 };
  const resultWidth = 7;
  const prefix = opts.namePrefix ?? `BX_Phieu_V${vote.round}`;
  const colRange = (c: number) => `$${L(c)}$${first + 1}:$${L(c)}$${last + 1}`;
  const p = emptyPlan(opts.sheet);
  p.tabColor = "#7030A0";

  // ---- Header.
  const marksLine = approve
    ? `Nhập mỗi phiếu một dòng: "${MARK_APPROVE}" = Đồng ý, "${MARK_REJECT}" = Không đồng ý, để trống = không đánh dấu; tối đa ${quota} đơn vị Đồng ý trên một phiếu.`
    : `Nhập mỗi phiếu một dòng: "${MARK_APPROVE}" vào ô đơn vị được chọn, để trống = không chọn; tối đa ${quota} đơn vị trên một phiếu.`;
  const roundLine = `Vòng bỏ phiếu: ${vote.round}${opts.subtitle ? ` — ${opts.subtitle}` : ""}`;
  p.blocks.push({ at: "A1", rows: [[`NHẬP PHIẾU BẦU: ${vote.title}`], [roundLine], [ruleText(vote).vi], [marksLine]] });
  for (let r = 0; r < 4; r++) p.merges.push(rangeAddress(r, 0, 1, R0 + resultWidth));

  // ---- The entry table.
  const headerRow: PlanCell[] = [HEADERS.number, ...vote.candidates, HEADERS.reason, ...(withWritten ? [HEADERS.written] : []), HEADERS.status];
  const body: PlanCell[][] = [];
  for (let i = 0; i < rowsN; i++) {
    const r = first + i;
    const num = cellAddress(r, cols.number);
    const reason = cellAddress(r, cols.reason);
    const marks = rangeAddress(r, cols.firstCandidate, 1, n);
    const anyMark = `COUNTIF(${marks},"${MARK_APPROVE}")+COUNTIF(${marks},"${MARK_REJECT}")`;
    const blank = vote.invalid.noneMarked === "invalid" ? `"${STATUS.noneMarked}"` : `"${STATUS.valid}"`;
    const status =
      `=IF(${num}="",IF(AND(${reason}="",${anyMark}=0),"","${STATUS.noNumber}"),` +
      `IF(${reason}<>"","${STATUS.manualPrefix}"&${reason},` +
      `IF(COUNTIF(${marks},"${MARK_APPROVE}")>$QUOTA,"${STATUS.overQuota}",` +
      `IF(${anyMark}=0,${blank},"${STATUS.valid}"))))`;
    body.push([null, ...vote.candidates.map(() => null), null, ...(withWritten ? [null] : []), { f: status }]);
  }

  // ---- Parameters and totals, beside the table.
  // The written-opinions row only on a sheet that has their column.
  const shown = FIELDS.filter((k) => k !== "written" || withWritten);
  const fieldRow = (k: Field) => header + 1 + shown.indexOf(k);
  const fields = Object.fromEntries(FIELDS.map((k) => [k, shown.includes(k) ? cellAddress(fieldRow(k), rc.votes) : ""])) as Record<Field, string>;
  const abs = (k: Field) => cellAddress(fieldRow(k), rc.votes, true);
  const denRef = denominatorFormula(vote.rule.denominator, {
    members: abs("members"),
    present: abs("present"),
    issued: abs("issued"),
    returned: abs("returned"),
    valid: abs("valid"),
    blank: `COUNTIF(${colRange(cols.status)},"${STATUS.noneMarked}")`,
  });
  const fieldValue: Record<Field, PlanCell> = {
    members: opts.refs ? { f: `=${opts.refs.members}` } : vote.attendance.members,
    present: opts.refs ? { f: `=${opts.refs.present}` } : vote.attendance.present,
    issued: opts.refs ? { f: `=${opts.refs.issued}` } : (opts.issued ?? null),
    returned: { f: `=COUNTA(${colRange(cols.number)})` },
    valid: { f: `=COUNTIF(${colRange(cols.status)},"${STATUS.valid}")` },
    invalid: { f: `=${abs("returned")}-${abs("valid")}` },
    written: withWritten ? { f: `=COUNTIFS(${colRange(cols.number)},"<>",${colRange(cols.written)},"${MARK_APPROVE}")` } : 0,
    quota,
    toElect: vote.toElect,
    threshold: vote.rule.percent,
    denominator: { f: `=${denRef}` },
  };
  const label = (k: Field) => (k === "denominator" ? `${FIELD_LABELS.denominator}: ${DENOMINATOR_TERMS[vote.rule.denominator].sheet}` : FIELD_LABELS[k]);
  const quotaRef = abs("quota");
  for (const row of body) {
    const cell = row[cols.status] as { f: string };
    cell.f = cell.f.replace("$QUOTA", quotaRef);
  }
  p.blocks.push({ at: cellAddress(header, 0), rows: [headerRow, ...body] });
  p.blocks.push({ at: cellAddress(header, rc.stt), rows: [["THÔNG SỐ VÀ KẾT QUẢ KIỂM PHIẾU"], ...shown.map((k) => [null, label(k), fieldValue[k]])] });

  // ---- Per candidate results.
  const resHeader = fieldRow("denominator") + 2;
  const rFirst = resHeader + 1;
  const rLast = rFirst + n - 1;
  const table = { header: resHeader, col: rc.stt, candidates: n, width: resultWidth, cols: rc };
  const voteWord = approve ? "Số phiếu đồng ý" : "Số phiếu bầu";
  const resRows: PlanCell[][] = [["STT", "Đơn vị", voteWord, "Tỷ lệ (%)", "Đạt tỷ lệ", "Thứ tự (trong số đạt)", "Kết quả"]];
  const cmp = vote.rule.comparison;
  vote.candidates.forEach((name, i) => {
    const r = rFirst + i;
    resRows.push([
      i + 1,
      name,
      { f: `=COUNTIFS(${colRange(cols.status)},"${STATUS.valid}",${colRange(cols.firstCandidate + i)},"${MARK_APPROVE}")` },
      ...resultFormulas({ row: r, cols: rc, first: rFirst, last: rLast, denominator: denRef, threshold: abs("threshold"), toElect: abs("toElect"), comparison: cmp }),
    ]);
  });
  p.blocks.push({ at: cellAddress(resHeader, rc.stt), rows: resRows });

  // ---- Validation, protection, names.
  const marksRange = rangeAddress(first, cols.firstCandidate, rowsN, n);
  p.validations.push(
    {
      range: rangeAddress(first, cols.number, rowsN, 1),
      rule: { kind: "whole", min: 1, max: 100000 },
      error: { title: "Số phiếu", message: "Số phiếu là số nguyên dương, ghi trên tờ phiếu." },
    },
    {
      range: marksRange,
      rule: { kind: "list", source: approve ? [MARK_APPROVE, MARK_REJECT] : [MARK_APPROVE] },
      error: approve
        ? { title: "Dấu không hợp lệ", message: `Chỉ nhập "${MARK_APPROVE}" (Đồng ý), "${MARK_REJECT}" (Không đồng ý) hoặc để trống.` }
        : { title: "Dấu không hợp lệ", message: `Chỉ nhập "${MARK_APPROVE}" (chọn) hoặc để trống.` },
      prompt: approve ? { title: "Đánh dấu", message: `${MARK_APPROVE} = Đồng ý, ${MARK_REJECT} = Không đồng ý` } : { title: "Đánh dấu", message: `${MARK_APPROVE} = chọn` },
    },
    {
      range: rangeAddress(first, cols.reason, rowsN, 1),
      rule: { kind: "list", source: Object.values(MANUAL_REASON_TEXT) },
      error: { title: "Lý do không hợp lệ", message: "Chọn một lý do trong danh sách, hoặc để trống nếu phiếu không có lý do ghi tay." },
    },
  );
  const inputs = opts.refs ? [] : [fieldRow("members"), fieldRow("present"), fieldRow("issued")].map((r) => cellAddress(r, rc.votes));
  p.validations.push(...inputs.map(countValidation));
  p.unlocked.push(rangeAddress(first, 0, rowsN, (withWritten ? cols.written : cols.reason) + 1), ...inputs);
  if (withWritten) {
    p.validations.push({
      range: rangeAddress(first, cols.written, rowsN, 1),
      rule: { kind: "list", source: [MARK_APPROVE] },
      error: { title: "Ý kiến bằng văn bản", message: `Nhập "${MARK_APPROVE}" nếu phiếu là ý kiến bằng văn bản của thành viên vắng mặt, hoặc để trống.` },
    });
  }
  p.protection = {};
  const names = { ...entryNames(prefix), ballots: `${prefix}_Phieu` };
  p.names.push(
    ...(["members", "present", "issued"] as const).map((k) => ({ name: names[k], range: abs(k), comment: FIELD_LABELS[k] })),
    { name: names.ballots, range: rangeAddress(first, 0, rowsN, width, true), comment: "Phiếu nhập từng tờ" },
    { name: names.results, range: rangeAddress(rFirst, rc.stt, n, resultWidth, true), comment: "Kết quả theo đơn vị" },
  );

  // ---- Looks and print.
  p.formats.push(
    { range: rangeAddress(0, 0, 1, R0 + resultWidth), format: { bold: true, fontSize: 14, hAlign: "Center" } },
    { range: rangeAddress(1, 0, 3, R0 + resultWidth), format: { italic: true, wrap: true } },
    { range: rangeAddress(header, 0, 1, width), format: { bold: true, fill: "#E4DFEC", hAlign: "Center", vAlign: "Center", wrap: true } },
    { range: rangeAddress(header, 0, rowsN + 1, width), format: { borders: "Continuous" } },
    { range: rangeAddress(first, 0, rowsN, cols.reason), format: { hAlign: "Center" } },
    { range: rangeAddress(first, 0, rowsN, (withWritten ? cols.written : cols.reason) + 1), format: { fill: "#FFFFE0" } },
    { range: rangeAddress(header, rc.stt, 1, resultWidth), format: { bold: true } },
    { range: rangeAddress(header + 1, rc.name, shown.length, 2), format: { borders: "Continuous" } },
    ...inputs.map((range) => ({ range, format: { fill: "#FFFFE0" } })),
    ...resultsTableFormats(table, "#E4DFEC"),
  );
  p.conditionalFormats.push(
    { range: rangeAddress(first, cols.status, rowsN, 1), formula: `=AND(${cellAddress(first, cols.status)}<>"",${cellAddress(first, cols.status)}<>"${STATUS.valid}")`, format: { fontColor: "#C00000", bold: true } },
    ...resultsTableHighlights(table),
  );
  p.columnWidths.push({ column: "A", width: 48 });
  vote.candidates.forEach((_, i) => p.columnWidths.push({ column: L(cols.firstCandidate + i), width: 56 }));
  p.columnWidths.push({ column: L(cols.reason), width: 120 }, { column: L(cols.status), width: 150 }, { column: L(width), width: 12 }, ...columnWidths(rc.stt, [32, 200, 60, 56, 60, 60, 140]));
  p.rowHeights = [{ row: header + 1, height: 45 }];
  p.print = { orientation: "Landscape", paper: "A4", titleRows: `$${header + 1}:$${header + 1}`, fitToWidth: true };
  p.freeze = { rows: header + 1, columns: 1 };

  return {
    plan: p,
    map: { sheet: opts.sheet, first, last, cols, fields, results: { header: resHeader, first: rFirst, last: rLast, cols: rc }, names },
  };
}

// ---- Reading back.

/** The one folding of labels, a required-field star dropped ("Số phiếu*"). */
const fold = (v: unknown): string => foldLabel(String(v ?? "").replace(/[*\s]+$/, ""));
const text = (v: unknown): string => (v === null || v === undefined ? "" : cleanText(String(v)));

/** A typed manual reason → its code (its term's words or aliases); any other non-empty text counts as "other". */
export function manualReasonOf(v: unknown): ManualReason | null {
  if (!fold(v)) return null;
  return termOf(MANUAL_TERMS, v) ?? "other";
}

export interface BallotRow {
  ballot: Ballot;
  /** The sheet's row (1-based, as Excel shows it) where the ballot was read. */
  row: number;
}

export interface BallotSheetRead {
  found: boolean;
  /** The candidates named in the table's header, in sheet order. */
  candidates: string[];
  rows: BallotRow[];
  /** Rows with marks or a reason but no usable ballot number (1-based), and cells holding an unknown mark (A1). */
  noNumber: number[];
  unknownMarks: string[];
  /** Cells (A1) marked in a column between "Số phiếu" and the reason whose header names no candidate: a mark for someone not on the ballot. */
  unnamedMarks: string[];
}

/**
 * Reads the entry table back, anchored on its header ("Số phiếu" … "Lý do không hợp lệ" …):
 * the candidates are the header cells between the two, in sheet order. Rows with nothing typed
 * are skipped; a mark reads "x" → approve, "k" → reject (any case), anything else as blank (and
 * is listed in `unknownMarks`).
 */
export function readBallotSheetRows(grid: Grid): BallotSheetRead {
  const out: BallotSheetRead = { found: false, candidates: [], rows: [], noNumber: [], unknownMarks: [], unnamedMarks: [] };
  const vals = grid.values;
  let head: { row: number; number: number; reason: number; written: number } | null = null;
  for (let r = 0; r < vals.length && !head; r++) {
    const row = vals[r] ?? [];
    const number = row.findIndex((v) => fold(v) === fold(HEADERS.number));
    const reason = row.findIndex((v) => fold(v).startsWith("ly do khong hop le"));
    const written = row.findIndex((v, c) => c > reason && fold(v).startsWith("y kien bang van ban"));
    if (number >= 0 && reason > number) head = { row: r, number, reason, written };
  }
  if (!head) return out;
  out.found = true;
  const names: { col: number; name: string }[] = [];
  for (let c = head.number + 1; c < head.reason; c++) {
    const name = text(vals[head.row]?.[c]);
    if (name) names.push({ col: c, name });
  }
  out.candidates = names.map((n) => n.name);
  const unnamed: number[] = [];
  for (let c = head.number + 1; c < head.reason; c++) if (!names.some((n) => n.col === c)) unnamed.push(c);
  for (let r = head.row + 1; r < vals.length; r++) {
    const row = vals[r] ?? [];
    const rawNum = row[head.number];
    const reason = manualReasonOf(row[head.reason]);
    const marks: Record<string, Mark> = {};
    // A written opinion: "x" in its column (anything else typed there reads as a written opinion too, and is listed).
    const w = head.written >= 0 ? text(row[head.written]).toLowerCase() : "";
    if (w && w !== MARK_APPROVE) out.unknownMarks.push(cellAddress(grid.row + r, grid.col + head.written));
    let typed = reason !== null || w !== "";
    for (const { col, name } of names) {
      const m = text(row[col]).toLowerCase();
      if (!m) continue;
      typed = true;
      if (m === MARK_APPROVE) marks[name] = "approve";
      else if (m === MARK_REJECT) marks[name] = "reject";
      else out.unknownMarks.push(cellAddress(grid.row + r, grid.col + col));
    }
    for (const c of unnamed) {
      if (!text(row[c])) continue;
      typed = true;
      out.unnamedMarks.push(cellAddress(grid.row + r, grid.col + c));
    }
    const num = typeof rawNum === "number" ? rawNum : text(rawNum) ? Number(text(rawNum)) : NaN;
    if (!text(rawNum) && !typed) continue;
    if (!Number.isInteger(num) || num < 1) {
      out.noNumber.push(grid.row + r + 1);
      continue;
    }
    out.rows.push({ ballot: { number: num, marks, manualInvalid: reason, ...(w ? { written: true } : {}) }, row: grid.row + r + 1 });
  }
  return out;
}

/** The ballots typed on an entry sheet, for the domain's checks and tally. */
export function readBallotSheet(grid: Grid): Ballot[] {
  return readBallotSheetRows(grid).rows.map((r) => r.ballot);
}
