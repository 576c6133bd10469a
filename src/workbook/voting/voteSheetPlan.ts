import { cleanText } from "../../domain/text";
import { maxChoices, normalizeVoteNames, type TieStep } from "../../domain/voting/model";
import type { VoteRecord } from "../../domain/voting/record";
import { cellAddress, columnLetter, rangeAddress } from "../a1";
import { emptyPlan, type PlanCell, type SheetPlan, type Validation } from "../plan";
import {
  ACCEPTED,
  BALLOTS,
  COMPARISON_CHOICES,
  DENOMINATOR_CHOICES,
  ENTRIES,
  MEMBER_FIELDS,
  MEMBER_LABEL,
  NONE_MARKED,
  PURPOSES,
  ROUND_KINDS,
  RUNOFF,
  sheetWords,
  TIE_FIELDS,
  tieLabel,
  TIES,
  VOTE_FIELDS,
  VOTE_LABELS,
  VOTE_SHEET,
  VOTE_SHEET_TEXT,
  VOTE_TABLE_NAME,
  VOTE_WORDS,
  voteNames,
  WRITTEN,
  YES_NO,
  type Single,
  type VoteField,
} from "./voteSheetTerms";

/** The "Bỏ phiếu" sheet's plan: one column per vote, labels in column A (see voteSheetTerms.ts). */

// ---- The plan.

export interface VoteSheetMap {
  /** The header row (0-based) holding "Mục" and the vote ids. */
  header: number;
  /** Vote id → its column (0-based). */
  columns: Record<string, number>;
  /** Field → its row (0-based). */
  rows: Record<VoteField, number>;
  /** The row (0-based) of the first candidate. */
  candidatesFirst: number;
  /** A1 of a vote's field cell. */
  cell(id: string, field: VoteField): string;
  /** A1 of a vote's candidate cell; `k` is 0-based (the index into `vote.candidates`). */
  candidateCell(id: string, k: number): string;
}

const LAYOUT = { title: 0, hint: 1, header: 3, firstField: 4 } as const;
const YELLOW = "#FFFFE0";

/** The id of the column a revote continues: same base id and the parent's round, preferring equal candidates. */
function parentIdOf(rec: VoteRecord, records: VoteRecord[]): string {
  const parent = rec.vote.parent;
  if (!parent) return "";
  const base = (id: string) => id.replace(/_[0-9]+$/, "");
  const sameList = (r: VoteRecord) => r.vote.candidates.length === parent.candidates.length && r.vote.candidates.every((c, i) => c === parent.candidates[i]);
  const others = records.filter((r) => r.id !== rec.id && r.vote.round === parent.round);
  const found =
    others.find((r) => base(r.id) === base(rec.id) && sameList(r)) ?? others.find((r) => sameList(r)) ?? others.find((r) => base(r.id) === base(rec.id));
  return found?.id ?? "";
}

function tieWord(step: TieStep | undefined): string {
  if (step === undefined) return "";
  return typeof step === "string" ? VOTE_WORDS.tie[step] : VOTE_WORDS.tie.lot;
}

function singleValue(rec: VoteRecord, f: Single, records: VoteRecord[]): PlanCell {
  const v = rec.vote;
  switch (f) {
    case "title":
      return v.title;
    case "purpose":
      return VOTE_WORDS.purpose[v.purpose.kind];
    case "award":
      return v.purpose.kind === "award" ? v.purpose.award : "";
    case "round":
      return v.round;
    case "parent":
      return parentIdOf(rec, records);
    case "roundKind":
      return v.parent ? VOTE_WORDS.roundKind[v.parent.kind ?? "revote"] : "";
    case "runoff":
      return v.runoff ? VOTE_WORDS.runoff.yes : VOTE_WORDS.runoff.no;
    case "writtenOpinions":
      return v.writtenOpinions ? VOTE_WORDS.written.yes : VOTE_WORDS.written.no;
    case "ballot":
      return VOTE_WORDS.ballot[v.ballot.kind];
    case "choices":
      return maxChoices(v.ballot);
    case "toElect":
      return v.toElect;
    case "percent":
      return v.rule.percent;
    case "comparison":
      return VOTE_WORDS.comparison[v.rule.comparison];
    case "denominator":
      return VOTE_WORDS.denominator[v.rule.denominator];
    case "quorum":
      return v.rule.quorum ? v.rule.quorum.percent : null;
    case "quorumComparison":
      return v.rule.quorum ? VOTE_WORDS.comparison[v.rule.quorum.comparison] : "";
    case "ruleSource":
      return v.ruleSource ?? "";
    case "noneMarked":
      return VOTE_WORDS.noneMarked[v.invalid.noneMarked];
    case "seed": {
      const lot = v.tieRule.find((s): s is { lot: { seed: string } } => typeof s === "object");
      return lot ? lot.lot.seed : "";
    }
    case "head":
      return v.committee.head;
    case "members":
      return v.attendance.members;
    case "present":
      return v.attendance.present;
    case "issued":
      return rec.issued;
    case "entry":
      return VOTE_WORDS.entry[rec.entry];
    case "doubleEntry":
      return rec.doubleEntry ? VOTE_WORDS.yes : VOTE_WORDS.no;
    case "accepted":
      return rec.decision ? VOTE_WORDS.accepted[rec.decision.accept] : "";
    case "decidedBy":
      return rec.decision ? rec.decision.by : "";
    case "elected":
      return rec.meeting ? rec.meeting.elected.join("; ") : "";
    case "note":
      return rec.meeting ? rec.meeting.note : "";
  }
}

interface RowSpec {
  label: string;
  field?: VoteField;
  value: (rec: VoteRecord) => PlanCell;
}

/** The plan of the "Bỏ phiếu" sheet for the bloc's votes, in the given order. */
export function voteSheetPlan(given: VoteRecord[]): { plan: SheetPlan; map: VoteSheetMap } {
  // Names NFC (DOMAIN §6), whatever form they were typed in.
  const records = given.map((r) => ({
    ...r,
    vote: normalizeVoteNames(r.vote),
    decision: r.decision ? { ...r.decision, by: cleanText(r.decision.by) } : null,
    meeting: r.meeting ? { elected: r.meeting.elected.map(cleanText), note: cleanText(r.meeting.note) } : null,
  }));
  const p = emptyPlan(VOTE_SHEET);
  p.tabColor = "#7030A0";
  const tieRows = Math.max(TIE_FIELDS.length, ...records.map((r) => r.vote.tieRule.length));
  const memberRows = Math.max(MEMBER_FIELDS.length, ...records.map((r) => r.vote.committee.members.length));

  const specs: RowSpec[] = [];
  for (const f of VOTE_FIELDS) {
    if (f === "tie1") {
      for (let i = 0; i < tieRows; i++) specs.push({ label: tieLabel(i + 1), field: TIE_FIELDS[i], value: (r) => tieWord(r.vote.tieRule[i]) });
    } else if (f === "member1") {
      for (let i = 0; i < memberRows; i++) specs.push({ label: MEMBER_LABEL, field: MEMBER_FIELDS[i], value: (r) => r.vote.committee.members[i] ?? "" });
    } else if (!(TIE_FIELDS as readonly string[]).includes(f) && !(MEMBER_FIELDS as readonly string[]).includes(f)) {
      const single = f as Single;
      specs.push({ label: VOTE_LABELS[single], field: single, value: (r) => singleValue(r, single, records) });
    }
  }

  const n = records.length;
  const width = Math.max(1, n); // an empty sheet still gets one formatted column
  const rows = {} as Record<VoteField, number>;
  specs.forEach((s, i) => {
    if (s.field) rows[s.field] = LAYOUT.firstField + i;
  });
  const candidatesHeader = LAYOUT.firstField + specs.length;
  const candidatesFirst = candidatesHeader + 1;
  const maxCandidates = Math.max(1, ...records.map((r) => r.vote.candidates.length));
  const lastRow = candidatesFirst + maxCandidates - 1;
  const columns: Record<string, number> = {};
  records.forEach((r, i) => (columns[r.id] = 1 + i));

  // ---- Cells.
  p.blocks.push({ at: "A1", rows: [[VOTE_SHEET_TEXT.title], [VOTE_SHEET_TEXT.hint]] });
  const table: PlanCell[][] = [[VOTE_SHEET_TEXT.header, ...records.map((r) => r.id)]];
  for (const s of specs) table.push([s.label, ...records.map((r) => s.value(r))]);
  table.push([VOTE_SHEET_TEXT.candidates, ...records.map(() => null)]);
  for (let k = 0; k < maxCandidates; k++) table.push([k + 1, ...records.map((r) => r.vote.candidates[k] ?? null)]);
  p.blocks.push({ at: cellAddress(LAYOUT.header, 0), rows: table });

  // ---- Validation.
  const across = (row: number, rowCount = 1) => rangeAddress(row, 1, rowCount, width);
  const list = (row: number, rowCount: number, items: string[], title: string, what: string): Validation => ({
    range: across(row, rowCount),
    rule: { kind: "list", source: items },
    error: { title, message: `Chọn một giá trị trong danh sách: ${items.join("; ")}. / ${what}` },
  });
  const whole = (f: VoteField, min: number, max: number, title: string): Validation => ({
    range: across(rows[f]),
    rule: { kind: "whole", min, max },
    error: { title, message: `Nhập một số nguyên từ ${min} đến ${max}. / A whole number from ${min} to ${max}.` },
  });
  const percent = (f: VoteField, title: string): Validation => ({
    range: across(rows[f]),
    rule: { kind: "decimal", min: 0, max: 100 },
    error: { title, message: "Nhập tỷ lệ phần trăm từ 0 đến 100, ví dụ 80 hoặc 66,67. / A percentage from 0 to 100." },
  });
  const lastCol = cellAddress(LAYOUT.header, Math.max(1, n), true);
  p.validations.push(
    list(rows.purpose, 1, sheetWords(PURPOSES), "Mục đích", "Pick the purpose."),
    whole("round", 1, 20, "Vòng bỏ phiếu"),
    {
      range: across(rows.parent),
      rule: { kind: "list", source: { range: `${cellAddress(LAYOUT.header, 1, true)}:${lastCol}` } },
      error: {
        title: "Cuộc bỏ phiếu trước",
        message: "Chọn mã của cuộc bỏ phiếu (vòng trước) mà vòng này tiếp theo, hoặc để trống. / The id of the round this one continues, or empty.",
      },
    },
    list(rows.ballot, 1, sheetWords(BALLOTS), "Kiểu phiếu", "Pick the ballot kind."),
    whole("choices", 1, 200, "Số lựa chọn tối đa"),
    whole("toElect", 1, 200, "Số lượng được chọn"),
    percent("percent", "Tỷ lệ yêu cầu"),
    list(rows.comparison, 1, sheetWords(COMPARISON_CHOICES), "Cách so sánh", "Pick the comparison."),
    list(rows.denominator, 1, sheetWords(DENOMINATOR_CHOICES), "Mẫu số tính tỷ lệ", "Pick the denominator."),
    percent("quorum", "Tỷ lệ có mặt tối thiểu"),
    list(rows.quorumComparison, 1, sheetWords(COMPARISON_CHOICES), "Cách so sánh", "Pick the comparison."),
    list(rows.noneMarked, 1, sheetWords(NONE_MARKED), "Phiếu không đánh dấu", "Valid or invalid."),
    list(rows.roundKind, 1, sheetWords(ROUND_KINDS), "Loại vòng", "Revote among the tied, or run-off among the top; empty for round 1."),
    list(rows.runoff, 1, sheetWords(RUNOFF), "Khi không đủ đơn vị đạt tỷ lệ", "Run-off among the top candidates, or none."),
    list(rows.writtenOpinions, 1, sheetWords(WRITTEN), "Ý kiến bằng văn bản", "Written opinions of absent members: counted or not."),
    list(rows.tie1, tieRows, sheetWords(TIES), "Xử lý bằng phiếu", "Pick a tie step, or leave empty."),
    whole("members", 1, 10000, "Số thành viên"),
    whole("present", 0, 10000, "Số có mặt"),
    whole("issued", 0, 10000, "Số phiếu phát ra"),
    list(rows.entry, 1, sheetWords(ENTRIES), "Cách nhập phiếu", "Pick the entry method."),
    list(rows.doubleEntry, 1, sheetWords(YES_NO), "Nhập hai lần", "Yes or no."),
    list(rows.accepted, 1, sheetWords(ACCEPTED), "Bản nhập được chấp nhận", "Entry 1 or 2, or empty."),
  );
  p.validations.find((v) => v.range === across(rows.tie1, tieRows))!.prompt = {
    title: "Xử lý bằng phiếu",
    message: `Các bước áp dụng lần lượt khi bằng phiếu ở vị trí cuối; "${VOTE_WORDS.tie.lot}" cần ghi "${VOTE_LABELS.seed}".`,
  };

  // ---- Names.
  for (const r of records) {
    const c = columns[r.id];
    const names = voteNames(r.id);
    p.names.push(
      { name: names.members, range: cellAddress(rows.members, c, true), comment: `${r.id}: ${VOTE_LABELS.members}` },
      { name: names.present, range: cellAddress(rows.present, c, true), comment: `${r.id}: ${VOTE_LABELS.present}` },
      { name: names.issued, range: cellAddress(rows.issued, c, true), comment: `${r.id}: ${VOTE_LABELS.issued}` },
    );
  }
  p.names.push({ name: VOTE_TABLE_NAME, range: rangeAddress(LAYOUT.header, 0, lastRow - LAYOUT.header + 1, width + 1, true), comment: "Các cuộc bỏ phiếu kín" });

  // ---- Looks.
  p.formats.push(
    { range: "A1", format: { bold: true, fontSize: 14, fontColor: "#7030A0" } },
    { range: "A2", format: { italic: true, fontColor: "#595959" } },
    { range: rangeAddress(LAYOUT.header, 0, lastRow - LAYOUT.header + 1, width + 1), format: { borders: "Continuous", vAlign: "Center" } },
    { range: rangeAddress(LAYOUT.header, 0, 1, width + 1), format: { bold: true, fill: "#E4DFEC", hAlign: "Center" } },
    { range: rangeAddress(LAYOUT.firstField, 0, specs.length, 1), format: { wrap: true } },
    { range: across(LAYOUT.firstField, specs.length), format: { fill: YELLOW } },
    { range: across(rows.title), format: { wrap: true } },
    { range: across(rows.ruleSource), format: { wrap: true } },
    { range: across(rows.seed), format: { numberFormat: "@" } },
    { range: rangeAddress(candidatesHeader, 0, 1, width + 1), format: { bold: true, fill: "#E4DFEC" } },
    { range: rangeAddress(candidatesFirst, 0, maxCandidates, 1), format: { hAlign: "Center" } },
    { range: across(candidatesFirst, maxCandidates), format: { fill: YELLOW, wrap: true } },
  );
  p.columnWidths.push({ column: "A", width: 230 });
  for (let c = 1; c <= width; c++) p.columnWidths.push({ column: columnLetter(c), width: 160 });
  p.freeze = { rows: LAYOUT.header + 1, columns: 1 };
  p.print = { orientation: "Landscape", paper: "A4", titleRows: `$${LAYOUT.header + 1}:$${LAYOUT.header + 1}`, fitToWidth: true };

  const map: VoteSheetMap = {
    header: LAYOUT.header,
    columns,
    rows,
    candidatesFirst,
    cell: (id, field) => cellAddress(rows[field], columns[id]),
    candidateCell: (id, k) => cellAddress(candidatesFirst + k, columns[id]),
  };
  return { plan: p, map };
}

