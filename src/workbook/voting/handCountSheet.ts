import type { IssueCode } from "../../domain/codes";
import { thresholdPhrase } from "../../domain/format";
import { INVALID_REASONS, maxChoices, normalizeVoteNames, ruleText, type InvalidReason, type Vote } from "../../domain/voting/model";
import { DENOMINATOR_TERMS, INVALID_REASON_TERMS } from "../../domain/voting/terms";
import { cellAddress, columnLetter, rangeAddress } from "../a1";
import { columnWidths, emptyPlan, type PlanCell, type SheetPlan } from "../plan";
import { FIELD_LABELS } from "./ballotSheet";
import { countValidation, denominatorFormula, entryNames, resultFormulas, resultsTableFormats, resultsTableHighlights } from "./resultsTable";

/**
 * The "totals counted by hand" entry sheet (kiểm đếm tay): the second way of entering a vote,
 * beside the ballot-by-ballot sheet. The counting committee counts the paper ballots on the table
 * and types only the totals (issued, returned, valid, invalid, optionally invalid by reason) and
 * each candidate's votes; the percentages, passing marks, cutoff and the committee's checks
 * (DOMAIN §4) are live formulas (rule 2), with the same formulas and texts as the ballot sheet's
 * results block. Its reader: `handCountReader.ts`.
 */

/** The totals typed (or, with `refs`, taken from the vote definition), in sheet order. */
export const TOTALS = ["members", "present", "issued", "returned", "valid", "invalid"] as const;
export type Total = (typeof TOTALS)[number];

/** The vote's parameters shown under the totals (constants, locked). */
export const PARAMS = ["quota", "toElect", "threshold", "denominator"] as const;
export type Param = (typeof PARAMS)[number];

/** Section titles and fixed texts (the reader finds the candidate table and the check block by these). */
export const HAND_TEXT = {
  titlePrefix: "KIỂM ĐẾM PHIẾU BẰNG TAY: ",
  inputs: "SỐ LIỆU KIỂM PHIẾU",
  reasons: "Trong đó, số phiếu không hợp lệ theo từng lý do (nếu có đếm):",
  results: "KẾT QUẢ THEO ĐƠN VỊ",
  checks: "KIỂM TRA SỐ LIỆU",
  checkHeader: "Nội dung kiểm tra",
  checkResult: "Kết quả kiểm tra",
} as const;

/** Header labels of the candidate table. */
export const HAND_HEADERS = {
  stt: "STT",
  name: "Đơn vị",
  approvals: "Số phiếu đồng ý",
  votes: "Số phiếu bầu",
  percent: "Tỷ lệ (%)",
  passes: "Đạt tỷ lệ",
  rank: "Thứ tự (trong số đạt)",
  cutoff: "Kết quả",
} as const;

/** What a check cell shows: "Đúng", a Vietnamese message, or one of these. */
export const CHECK = {
  ok: "Đúng",
  /** An input the check needs is still empty. */
  pending: "Chưa nhập đủ số liệu",
  /** No invalid ballot counted by reason: the reasons check does not apply. */
  skipped: "Không đếm theo lý do",
} as const;

/** The live checks, one row each, and the domain issue (`checkHandCount`) each mirrors. */
export const HAND_CHECKS = {
  issuedPresent: { label: "Số phiếu phát ra không nhiều hơn số có mặt", code: "vote.issued.overPresent" },
  returnedIssued: { label: "Số phiếu thu vào không nhiều hơn số phiếu phát ra", code: "vote.returned.overIssued" },
  validInvalid: { label: "Số phiếu hợp lệ cộng số phiếu không hợp lệ bằng số phiếu thu vào", code: "vote.count.mismatch" },
  candidateValid: { label: "Số phiếu của mỗi đơn vị không nhiều hơn số phiếu hợp lệ", code: "vote.candidate.overValid" },
  sumQuota: { label: "Tổng số phiếu của các đơn vị không vượt quá số phiếu hợp lệ nhân số lựa chọn tối đa trên một phiếu", code: "vote.count.overQuota" },
  reasons: { label: "Số phiếu không hợp lệ theo từng lý do cộng lại bằng số phiếu không hợp lệ", code: "vote.count.reasonsMismatch" },
  quorum: { label: "Số có mặt đạt tỷ lệ tham dự quy định", code: "vote.quorum.notMet" },
} as const satisfies Record<string, { label: string; code: IssueCode }>;
export type HandCheck = keyof typeof HAND_CHECKS;

/** Fixed rows (0-based). */
export const HAND_LAYOUT = { title: 0, round: 1, rule: 2, note: 3, inputs: 5, firstTotal: 6 } as const;

const INPUT_FILL = "#FFFFE0";
const HEADER_FILL = "#E4DFEC";
const WIDTH = 7;

export interface HandCountSheetOptions {
  sheet: string;
  /** Workbook names holding members/present/issued on the vote definition sheet; when given those cells are formulas "=<name>" (locked), else typed inputs. */
  refs?: { members: string; present: string; issued: string };
  /** Ballots issued, pre-filled in its input cell (without `refs`); empty when not given. */
  issued?: number;
  /** Prefix of the workbook names this sheet defines; default `BX_Dem_<round>`. Must be unique per entry sheet. */
  namePrefix?: string;
}

export interface HandCountSheetMap {
  sheet: string;
  /** The cell (A1, relative) of each total. */
  fields: Record<Total, string>;
  /** The cell (A1, relative) of each parameter. */
  params: Record<Param, string>;
  /** The cell (A1, relative) of each invalid reason's count. */
  reasons: Record<InvalidReason, string>;
  /** The typed votes: first and last candidate rows (0-based) and the column. */
  votes: { first: number; last: number; col: number };
  /** The votes cell (A1, relative) of the i-th candidate (0-based, ballot order). */
  candidateCell(i: number): string;
  /** The candidate table: header row, first and last rows (0-based), and its columns. */
  results: { header: number; first: number; last: number; cols: { stt: number; name: number; votes: number; percent: number; passes: number; rank: number; cutoff: number } };
  /** The check block: the cell (A1, relative) of each check shown (no quorum row without a quorum rule). */
  checks: Partial<Record<HandCheck, string>>;
  names: { members: string; present: string; issued: string; returned: string; valid: string; invalid: string; votes: string; results: string; checks: string };
}

/** A Vietnamese text literal for a formula (the texts here hold no straight double quote). */
const lit = (s: string): string => `"${s}"`;

export function handCountSheetPlan(given: Vote, opts: HandCountSheetOptions): { plan: SheetPlan; map: HandCountSheetMap } {
  // Names NFC (DOMAIN §6): the results block is looked up by name.
  const vote = normalizeVoteNames(given);
  const n = vote.candidates.length;
  const approve = vote.ballot.kind === "approve";
  const quota = maxChoices(vote.ballot);
  const L = columnLetter;
  const prefix = opts.namePrefix ?? `BX_Dem_${vote.round}`;
  const col = { stt: 0, name: 1, votes: 2, percent: 3, passes: 4, rank: 5, cutoff: 6 };
  const p = emptyPlan(opts.sheet);
  p.tabColor = "#7030A0";

  // ---- Rows.
  const { inputs, firstTotal } = HAND_LAYOUT;
  const totalRow = (k: Total) => firstTotal + TOTALS.indexOf(k);
  const reasonsLine = firstTotal + TOTALS.length;
  const reasonRow = (r: InvalidReason) => reasonsLine + 1 + INVALID_REASONS.indexOf(r);
  const paramRow = (k: Param) => reasonsLine + 1 + INVALID_REASONS.length + PARAMS.indexOf(k);
  const resTitle = paramRow("denominator") + 2;
  const resHeader = resTitle + 1;
  const rFirst = resHeader + 1;
  const rLast = rFirst + n - 1;
  const table = { header: resHeader, col: col.stt, candidates: n, width: WIDTH, cols: col };
  const checkTitle = rLast + 2;
  const checkHeader = checkTitle + 1;
  const checkKeys = (Object.keys(HAND_CHECKS) as HandCheck[]).filter((k) => k !== "quorum" || vote.rule.quorum !== null);
  const checkRow = (k: HandCheck) => checkHeader + 1 + checkKeys.indexOf(k);

  const fields = Object.fromEntries(TOTALS.map((k) => [k, cellAddress(totalRow(k), col.votes)])) as Record<Total, string>;
  const params = Object.fromEntries(PARAMS.map((k) => [k, cellAddress(paramRow(k), col.votes)])) as Record<Param, string>;
  const reasons = Object.fromEntries(INVALID_REASONS.map((r) => [r, cellAddress(reasonRow(r), col.votes)])) as Record<InvalidReason, string>;
  const F = (k: Total) => cellAddress(totalRow(k), col.votes, true);
  const P = (k: Param) => cellAddress(paramRow(k), col.votes, true);
  const denRef = denominatorFormula(vote.rule.denominator, { members: F("members"), present: F("present"), issued: F("issued"), returned: F("returned"), valid: F("valid"), blank: cellAddress(reasonRow("noneMarked"), col.votes, true) });
  const votesRange = `$${L(col.votes)}$${rFirst + 1}:$${L(col.votes)}$${rLast + 1}`;
  const namesRange = `$${L(col.name)}$${rFirst + 1}:$${L(col.name)}$${rLast + 1}`;
  const reasonsRange = rangeAddress(reasonRow(INVALID_REASONS[0]), col.votes, INVALID_REASONS.length, 1, true);

  // ---- Header.
  const word = approve ? "phiếu đồng ý" : "phiếu bầu";
  const note =
    `Nhập các số do ban kiểm phiếu đếm vào ô màu vàng (số nguyên từ 0). Mỗi phiếu được chọn tối đa ${quota} đơn vị. ` +
    `Tỷ lệ, kết quả và phần kiểm tra tự tính; mọi ô kiểm tra phải hiện "${CHECK.ok}" trước khi ký biên bản.`;
  p.blocks.push({ at: "A1", rows: [[`${HAND_TEXT.titlePrefix}${vote.title}`], [`Vòng bỏ phiếu: ${vote.round}`], [ruleText(vote).vi], [note]] });
  for (let r = 0; r < 4; r++) p.merges.push(rangeAddress(r, 0, 1, WIDTH));

  // ---- Totals, reasons, parameters.
  const totalValue: Record<Total, PlanCell> = opts.refs
    ? {
        members: { f: `=${opts.refs.members}` },
        present: { f: `=${opts.refs.present}` },
        issued: { f: `=${opts.refs.issued}` },
        returned: null,
        valid: null,
        invalid: null,
      }
    : { members: vote.attendance.members, present: vote.attendance.present, issued: opts.issued ?? null, returned: null, valid: null, invalid: null };
  const paramValue: Record<Param, PlanCell> = { quota, toElect: vote.toElect, threshold: vote.rule.percent, denominator: { f: `=${denRef}` } };
  const paramLabel = (k: Param) => (k === "denominator" ? `${FIELD_LABELS.denominator}: ${DENOMINATOR_TERMS[vote.rule.denominator].sheet}` : FIELD_LABELS[k]);
  const inputRows: PlanCell[][] = [
    [HAND_TEXT.inputs],
    ...TOTALS.map((k, i): PlanCell[] => [i + 1, FIELD_LABELS[k], totalValue[k]]),
    [null, HAND_TEXT.reasons],
    ...INVALID_REASONS.map((r): PlanCell[] => [null, `- ${INVALID_REASON_TERMS[r].sheet}`, null]),
    ...PARAMS.map((k): PlanCell[] => [null, paramLabel(k), paramValue[k]]),
  ];
  p.blocks.push({ at: cellAddress(inputs, 0), rows: inputRows });

  // ---- The candidate table: typed votes, then the ballot sheet's results formulas.
  const cmp = vote.rule.comparison;
  const resRows: PlanCell[][] = [
    [HAND_TEXT.results],
    [HAND_HEADERS.stt, HAND_HEADERS.name, approve ? HAND_HEADERS.approvals : HAND_HEADERS.votes, HAND_HEADERS.percent, HAND_HEADERS.passes, HAND_HEADERS.rank, HAND_HEADERS.cutoff],
  ];
  vote.candidates.forEach((name, i) => {
    resRows.push([
      i + 1,
      name,
      null,
      ...resultFormulas({ row: rFirst + i, cols: col, first: rFirst, last: rLast, denominator: denRef, threshold: P("threshold"), toElect: P("toElect"), comparison: cmp }),
    ]);
  });
  p.blocks.push({ at: cellAddress(resTitle, 0), rows: resRows });

  // ---- The checks (DOMAIN §4), each "Đúng" or what is wrong.
  const [mem, pre, iss, ret, val, inv] = TOTALS.map(F);
  const blank = (...cells: string[]) => (cells.length === 1 ? `${cells[0]}=""` : `OR(${cells.map((c) => `${c}=""`).join(",")})`);
  const countIf = `COUNTIF(${votesRange},">"&${val})`;
  // A candidate row with a name and no votes yet (a blank row inserted in the table counts neither).
  const incomplete = `COUNT(${votesRange})<COUNTA(${namesRange})`;
  const q = vote.rule.quorum;
  const need = q ? thresholdPhrase(q.percent, q.comparison, "vi") : "";
  const checkFormula: Record<HandCheck, string> = {
    issuedPresent: `=IF(${blank(iss, pre)},${lit(CHECK.pending)},IF(${iss}>${pre},"Số phiếu phát ra ("&${iss}&") nhiều hơn số thành viên có mặt ("&${pre}&").",${lit(CHECK.ok)}))`,
    returnedIssued: `=IF(${blank(iss, ret)},${lit(CHECK.pending)},IF(${ret}>${iss},"Số phiếu thu vào ("&${ret}&") nhiều hơn số phiếu phát ra ("&${iss}&").",${lit(CHECK.ok)}))`,
    validInvalid:
      `=IF(${blank(val, inv, ret)},${lit(CHECK.pending)},IF(${val}+${inv}<>${ret},` +
      `"Số phiếu hợp lệ ("&${val}&") cộng số phiếu không hợp lệ ("&${inv}&") bằng "&(${val}+${inv})&", khác số phiếu thu vào ("&${ret}&").",${lit(CHECK.ok)}))`,
    candidateValid:
      `=IF(${blank(val)},${lit(CHECK.pending)},IF(${countIf}>0,${countIf}&" đơn vị có số ${word} nhiều hơn số phiếu hợp lệ ("&${val}&").",` +
      `IF(${incomplete},${lit(CHECK.pending)},${lit(CHECK.ok)})))`,
    sumQuota:
      `=IF(${blank(val)},${lit(CHECK.pending)},IF(SUM(${votesRange})>${val}*${P("quota")},` +
      `"Tổng số ${word} ("&SUM(${votesRange})&") vượt quá số phiếu hợp lệ nhân số lựa chọn tối đa trên một phiếu ` +
      `("&${val}&" × "&${P("quota")}&" = "&${val}*${P("quota")}&").",` +
      `IF(${incomplete},${lit(CHECK.pending)},${lit(CHECK.ok)})))`,
    reasons:
      `=IF(COUNT(${reasonsRange})=0,${lit(CHECK.skipped)},IF(${blank(inv)},${lit(CHECK.pending)},IF(SUM(${reasonsRange})<>${inv},` +
      `"Số phiếu không hợp lệ theo từng lý do cộng lại bằng "&SUM(${reasonsRange})&", khác số phiếu không hợp lệ ("&${inv}&").",${lit(CHECK.ok)})))`,
    quorum: q
      ? `=IF(${blank(mem, pre)},${lit(CHECK.pending)},IF(IF(${mem}=0,0,ROUND(${pre}/${mem}*100,2))${q.comparison}${q.percent},${lit(CHECK.ok)},` +
        `"Không đủ số thành viên tham dự: có mặt "&${pre}&"/"&${mem}&", quy định ${need}. Kết quả bỏ phiếu không có giá trị."))`
      : "",
  };
  const checkRows: PlanCell[][] = [[HAND_TEXT.checks], [HAND_HEADERS.stt, HAND_TEXT.checkHeader, HAND_TEXT.checkResult]];
  checkKeys.forEach((k, i) => checkRows.push([i + 1, HAND_CHECKS[k].label, { f: checkFormula[k] }]));
  p.blocks.push({ at: cellAddress(checkTitle, 0), rows: checkRows });
  const checks = Object.fromEntries(checkKeys.map((k) => [k, cellAddress(checkRow(k), col.votes)])) as Partial<Record<HandCheck, string>>;
  const checkCount = checkKeys.length;
  for (let r = checkHeader; r < checkHeader + 1 + checkCount; r++) p.merges.push(rangeAddress(r, col.votes, 1, WIDTH - col.votes));
  for (const r of [inputs, resTitle, checkTitle]) p.merges.push(rangeAddress(r, 0, 1, WIDTH));
  p.merges.push(rangeAddress(reasonsLine, col.name, 1, 2));

  // ---- Validation, protection, names.
  const typed = opts.refs ? TOTALS.filter((k) => k !== "members" && k !== "present" && k !== "issued") : [...TOTALS];
  const typedTotals = typed.map((k) => fields[k]);
  const reasonsRel = rangeAddress(reasonRow(INVALID_REASONS[0]), col.votes, INVALID_REASONS.length, 1);
  const votesRel = rangeAddress(rFirst, col.votes, n, 1);
  p.validations.push(...[...typedTotals, reasonsRel, votesRel].map(countValidation));
  p.unlocked.push(...typedTotals, reasonsRel, votesRel);
  p.protection = {};
  const names = { ...entryNames(prefix), returned: `${prefix}_ThuVao`, valid: `${prefix}_HopLe`, invalid: `${prefix}_KhongHopLe`, votes: `${prefix}_SoPhieu`, checks: `${prefix}_KiemTra` };
  p.names.push(
    ...TOTALS.map((k) => ({ name: names[k], range: F(k), comment: FIELD_LABELS[k] })),
    { name: names.votes, range: votesRange, comment: approve ? "Số phiếu đồng ý theo đơn vị" : "Số phiếu bầu theo đơn vị" },
    { name: names.results, range: rangeAddress(rFirst, col.stt, n, WIDTH, true), comment: "Kết quả theo đơn vị" },
    { name: names.checks, range: rangeAddress(checkHeader + 1, col.votes, checkCount, 1, true), comment: "Kết quả kiểm tra số liệu" },
  );

  // ---- Looks and print.
  const firstCheck = cellAddress(checkHeader + 1, col.votes);
  p.formats.push(
    { range: rangeAddress(0, 0, 1, WIDTH), format: { bold: true, fontSize: 14, hAlign: "Center", wrap: true } },
    { range: rangeAddress(1, 0, 3, WIDTH), format: { italic: true, wrap: true } },
    ...[inputs, resTitle, checkTitle].map((r) => ({ range: rangeAddress(r, 0, 1, WIDTH), format: { bold: true } })),
    { range: rangeAddress(firstTotal, 0, paramRow("denominator") - firstTotal + 1, 3), format: { borders: "Continuous" as const } },
    { range: rangeAddress(firstTotal, 0, TOTALS.length, 1), format: { hAlign: "Center" } },
    { range: cellAddress(reasonsLine, col.name), format: { italic: true } },
    ...[...typedTotals, reasonsRel].map((range) => ({ range, format: { fill: INPUT_FILL } })),
    ...resultsTableFormats(table, HEADER_FILL),
    { range: rangeAddress(rFirst, 0, n, 1), format: { hAlign: "Center" } },
    { range: votesRel, format: { fill: INPUT_FILL } },
    { range: rangeAddress(checkHeader, 0, 1, WIDTH), format: { bold: true, fill: HEADER_FILL, hAlign: "Center", vAlign: "Center" } },
    { range: rangeAddress(checkHeader, 0, checkCount + 1, WIDTH), format: { borders: "Continuous" } },
    { range: rangeAddress(checkHeader + 1, 0, checkCount, 1), format: { hAlign: "Center", vAlign: "Center" } },
    { range: rangeAddress(checkHeader + 1, col.name, checkCount, WIDTH - 1), format: { wrap: true, vAlign: "Center" } },
  );
  p.conditionalFormats.push(
    ...resultsTableHighlights(table),
    { range: rangeAddress(checkHeader + 1, col.votes, checkCount, 1), formula: `=AND(${firstCheck}<>"${CHECK.ok}",${firstCheck}<>"${CHECK.skipped}")`, format: { fontColor: "#C00000", bold: true } },
  );
  p.columnWidths.push(...columnWidths(col.stt, [32, 190, 64, 52, 60, 60, 120]));
  p.rowHeights = [
    { row: HAND_LAYOUT.rule + 1, height: 32 },
    { row: HAND_LAYOUT.note + 1, height: 32 },
    { row: resHeader + 1, height: 32 },
    ...checkKeys.map((k) => ({ row: checkRow(k) + 1, height: 32 })),
  ];
  p.print = { orientation: "Portrait", paper: "A4", fitToWidth: true };

  const map: HandCountSheetMap = {
    sheet: opts.sheet,
    fields,
    params,
    reasons,
    votes: { first: rFirst, last: rLast, col: col.votes },
    candidateCell: (i: number) => cellAddress(rFirst + i, col.votes),
    results: { header: resHeader, first: rFirst, last: rLast, cols: col },
    checks,
    names,
  };
  return { plan: p, map };
}

export { placeHandCountIssues, readHandCountSheet, type HandCountCells, type HandCountSheetRead } from "./handCountReader";
