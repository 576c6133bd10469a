import { error, warning, type Issue, type Message } from "../../domain/issues";
import { cleanText, foldDiacritics, nameKey } from "../../domain/text";
import type { Decision } from "../../domain/voting/doubleEntry";
import {
  checkVote,
  DENOMINATOR_WORDS,
  DENOMINATORS,
  maxChoices,
  normalizeVoteNames,
  VoteSchema,
  type BallotKind,
  type Comparison,
  type Denominator,
  type Purpose,
  type TieStep,
  type Vote,
} from "../../domain/voting/model";
import { VOTE_ID, type VoteRecord } from "../../domain/voting/record";
import { cellAddress, columnLetter, rangeAddress } from "../a1";
import type { Grid } from "../grid";
import { emptyPlan, type PlanCell, type SheetPlan, type Validation } from "../plan";

/**
 * The vote definition sheet "Bỏ phiếu": every secret-ballot vote of the bloc, one column per vote
 * (or revote round), the labels in column A (architecture rule 1: the workbook is the record).
 * Below the field rows, "Danh sách đơn vị" heads the candidate rows: row k holds the k-th
 * candidate of each vote column, so columns may have different lengths.
 *
 * The reader finds everything by its label (diacritics, case, spacing and punctuation folded), so
 * rows inserted by the user, NFD text, a grid starting anywhere and numbers typed as text
 * ("66,67") all read the same. `readVoteSheet(gridOf(voteSheetPlan(records)))` gives `records` back.
 */

export const VOTE_SHEET = "Bỏ phiếu";

/** The fields of a vote column, in sheet order. Tie steps and committee members take four rows each. */
export const VOTE_FIELDS = [
  "title",
  "purpose",
  "award",
  "round",
  "parent",
  "roundKind",
  "ballot",
  "choices",
  "toElect",
  "percent",
  "comparison",
  "denominator",
  "quorum",
  "quorumComparison",
  "ruleSource",
  "noneMarked",
  "tie1",
  "tie2",
  "tie3",
  "tie4",
  "seed",
  "runoff",
  "writtenOpinions",
  "head",
  "member1",
  "member2",
  "member3",
  "member4",
  "members",
  "present",
  "issued",
  "entry",
  "doubleEntry",
  "accepted",
  "decidedBy",
  "elected",
  "note",
] as const;
export type VoteField = (typeof VOTE_FIELDS)[number];

const TIE_FIELDS = ["tie1", "tie2", "tie3", "tie4"] as const satisfies readonly VoteField[];
const MEMBER_FIELDS = ["member1", "member2", "member3", "member4"] as const satisfies readonly VoteField[];
type Single = Exclude<VoteField, (typeof TIE_FIELDS)[number] | (typeof MEMBER_FIELDS)[number]>;
const SINGLE_FIELDS = VOTE_FIELDS.filter((f): f is Single => !(TIE_FIELDS as readonly string[]).includes(f) && !(MEMBER_FIELDS as readonly string[]).includes(f));

const tieLabel = (k: number) => `Xử lý bằng phiếu – bước ${k}`;
const MEMBER_LABEL = "Thành viên ban kiểm phiếu";

/** Field → its label in column A. */
export const VOTE_LABELS: Record<VoteField, string> = {
  title: "Nội dung",
  purpose: "Mục đích",
  award: "Danh hiệu / hình thức khen thưởng",
  round: "Vòng",
  parent: "Tiếp theo cuộc bỏ phiếu",
  roundKind: "Loại vòng",
  ballot: "Kiểu phiếu",
  choices: "Số lựa chọn tối đa trên một phiếu",
  toElect: "Số lượng được chọn",
  percent: "Tỷ lệ yêu cầu (%)",
  comparison: "Cách so sánh",
  denominator: "Mẫu số tính tỷ lệ",
  quorum: "Tỷ lệ có mặt tối thiểu (%)",
  quorumComparison: "Cách so sánh tỷ lệ có mặt",
  ruleSource: "Căn cứ quy định tỷ lệ",
  noneMarked: "Phiếu không đánh dấu",
  tie1: tieLabel(1),
  tie2: tieLabel(2),
  tie3: tieLabel(3),
  tie4: tieLabel(4),
  seed: "Mã bốc thăm",
  runoff: "Khi không đủ đơn vị đạt tỷ lệ",
  writtenOpinions: "Ý kiến bằng văn bản của thành viên vắng mặt",
  head: "Trưởng ban kiểm phiếu",
  member1: MEMBER_LABEL,
  member2: MEMBER_LABEL,
  member3: MEMBER_LABEL,
  member4: MEMBER_LABEL,
  members: "Số thành viên",
  present: "Số có mặt",
  issued: "Số phiếu phát ra",
  entry: "Cách nhập phiếu",
  doubleEntry: "Nhập hai lần",
  accepted: "Bản nhập được chấp nhận",
  decidedBy: "Người quyết định",
  elected: "Hội nghị quyết định chọn",
  note: "Ghi chú quyết định",
};

/** English names of the fields, for messages. */
const FIELD_EN: Record<VoteField, string> = {
  title: "Title",
  purpose: "Purpose",
  award: "Award",
  round: "Round",
  parent: "Continues vote",
  roundKind: "Kind of round",
  ballot: "Ballot kind",
  choices: "Most choices per ballot",
  toElect: "Number to elect",
  percent: "Required percentage",
  comparison: "Comparison",
  denominator: "Denominator",
  quorum: "Minimum attendance (%)",
  quorumComparison: "Attendance comparison",
  ruleSource: "Source of the rule",
  noneMarked: "Ballot with nothing marked",
  tie1: "Tie step 1",
  tie2: "Tie step 2",
  tie3: "Tie step 3",
  tie4: "Tie step 4",
  seed: "Lot seed",
  runoff: "When too few reach the rule",
  writtenOpinions: "Written opinions of absent members",
  head: "Head of the counting committee",
  member1: "Counting committee member",
  member2: "Counting committee member",
  member3: "Counting committee member",
  member4: "Counting committee member",
  members: "Members",
  present: "Present",
  issued: "Ballots issued",
  entry: "Entry method",
  doubleEntry: "Double entry",
  accepted: "Accepted entry",
  decidedBy: "Decided by",
  elected: "Chosen by the meeting",
  note: "Decision note",
};

export const VOTE_SHEET_TEXT = {
  title: "CÁC CUỘC BỎ PHIẾU KÍN",
  hint: "Mỗi cột là một cuộc bỏ phiếu (hoặc một vòng bỏ phiếu lại). Sửa giá trị trong các ô màu vàng. Add-in Bình xét đọc theo nhãn ở cột A, nên có thể chèn thêm dòng.",
  header: "Mục",
  candidates: "Danh sách đơn vị",
} as const;

// ---- The enumerated values: what the sheet writes (vi), its English name, and other spellings read.

interface Choice<T> {
  value: T;
  vi: string;
  en: string;
  also?: string[];
  /** Folded beginnings that also read as this value ("chon toi da 3 don vi"). */
  prefix?: string[];
}

type PurposeKind = Purpose["kind"];
type BallotCode = BallotKind["kind"];
type TieCode = "higherScore" | "revote" | "meetingDecides" | "lot";

const PURPOSES: Choice<PurposeKind>[] = [
  { value: "award", vi: "Khen thưởng", en: "Award", also: ["suy tôn", "danh hiệu"] },
  { value: "leader", vi: "Trưởng khối", en: "Bloc leader", also: ["khối trưởng", "leader"] },
  { value: "deputy", vi: "Phó trưởng khối", en: "Deputy leader", also: ["phó khối", "deputy"] },
];
const BALLOTS: Choice<BallotCode>[] = [
  { value: "approve", vi: "Đồng ý / Không đồng ý", en: "Approve list", also: ["suy tôn", "đồng ý"] },
  { value: "chooseUpTo", vi: "Chọn tối đa N đơn vị", en: "Choose up to N", also: ["chọn nhiều"], prefix: ["chon toi da", "choose up to"] },
  { value: "chooseOne", vi: "Chọn một", en: "Choose one", also: ["chọn 1", "chọn một đơn vị"] },
];
const COMPARISON_CHOICES: Choice<Comparison>[] = [
  { value: ">=", vi: "Từ … trở lên (≥)", en: "At least (≥)", also: ["từ trở lên", "trở lên", "ít nhất", "tối thiểu", "or more", "≥", ">=", "=>"] },
  { value: ">", vi: "Trên (>)", en: "More than (>)", also: ["hơn", "quá", "greater than", "over", ">"] },
];
const DENOMINATOR_CHOICES: Choice<Denominator>[] = DENOMINATORS.map((d) => ({ value: d, vi: DENOMINATOR_WORDS[d].vi, en: DENOMINATOR_WORDS[d].en }));
const NONE_MARKED: Choice<"valid" | "invalid">[] = [
  { value: "valid", vi: "Hợp lệ", en: "Valid" },
  { value: "invalid", vi: "Không hợp lệ", en: "Invalid" },
];
const TIES: Choice<TieCode>[] = [
  { value: "higherScore", vi: "Điểm thi đua cao hơn", en: "Higher score", also: ["điểm cao hơn", "tổng điểm cao hơn"] },
  { value: "revote", vi: "Bỏ phiếu lại", en: "Revote" },
  { value: "meetingDecides", vi: "Hội nghị quyết định", en: "Meeting decides" },
  { value: "lot", vi: "Bốc thăm", en: "Drawn lot", also: ["lot"] },
];
const ROUND_KINDS: Choice<"revote" | "runoff">[] = [
  { value: "revote", vi: "Bỏ phiếu lại giữa các đơn vị bằng phiếu", en: "Revote among the tied", also: ["bỏ phiếu lại", "revote"] },
  { value: "runoff", vi: "Bầu lại giữa các đơn vị nhiều phiếu nhất", en: "Run-off among the top candidates", also: ["bầu lại", "run-off", "runoff"] },
];
const RUNOFF: Choice<boolean>[] = [
  { value: true, vi: "Bầu lại giữa các đơn vị nhiều phiếu nhất", en: "Run-off among the top candidates", also: ["bầu lại", "có", "run-off", "runoff", "yes"] },
  { value: false, vi: "Không bầu lại", en: "No run-off", also: ["không", "no"] },
];
const WRITTEN: Choice<boolean>[] = [
  { value: true, vi: "Được tính như phiếu bầu", en: "Counted as ballots", also: ["được tính", "tính", "có", "yes"] },
  { value: false, vi: "Không tính", en: "Not counted", also: ["không", "no"] },
];
const ENTRIES: Choice<VoteRecord["entry"]>[] = [
  { value: "ballots", vi: "Từng phiếu", en: "Ballot by ballot", also: ["nhập từng phiếu"] },
  { value: "handCount", vi: "Kiểm đếm tay", en: "Hand count", also: ["đếm tay"] },
];
const YES_NO: Choice<boolean>[] = [
  { value: true, vi: "Có", en: "Yes", also: ["true", "x"] },
  { value: false, vi: "Không", en: "No", also: ["false"] },
];
const ACCEPTED: Choice<"first" | "second">[] = [
  { value: "first", vi: "Lần nhập 1", en: "Entry 1", also: ["1", "lần 1", "first"] },
  { value: "second", vi: "Lần nhập 2", en: "Entry 2", also: ["2", "lần 2", "second"] },
];

/** The words the sheet writes for each enumerated value (for the pane or other sheets). */
export const VOTE_WORDS = {
  purpose: Object.fromEntries(PURPOSES.map((c) => [c.value, c.vi])) as Record<PurposeKind, string>,
  ballot: Object.fromEntries(BALLOTS.map((c) => [c.value, c.vi])) as Record<BallotCode, string>,
  comparison: Object.fromEntries(COMPARISON_CHOICES.map((c) => [c.value, c.vi])) as Record<Comparison, string>,
  noneMarked: { valid: NONE_MARKED[0].vi, invalid: NONE_MARKED[1].vi },
  tie: Object.fromEntries(TIES.map((c) => [c.value, c.vi])) as Record<TieCode, string>,
  entry: { ballots: ENTRIES[0].vi, handCount: ENTRIES[1].vi },
  roundKind: { revote: ROUND_KINDS[0].vi, runoff: ROUND_KINDS[1].vi },
  runoff: { yes: RUNOFF[0].vi, no: RUNOFF[1].vi },
  written: { yes: WRITTEN[0].vi, no: WRITTEN[1].vi },
  yes: YES_NO[0].vi,
  no: YES_NO[1].vi,
  accepted: { first: ACCEPTED[0].vi, second: ACCEPTED[1].vi },
} as const;

/** The comparison key of a label or a typed value: diacritics, case, punctuation and spacing folded. */
function key(v: unknown): string {
  return foldDiacritics(text(v))
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}
function text(v: unknown): string {
  if (v === null || v === undefined) return "";
  return cleanText(String(v));
}

function pick<T>(choices: Choice<T>[], raw: unknown): { value: T } | "empty" | "unknown" {
  const t = text(raw);
  if (!t) return "empty";
  const k = key(t);
  for (const c of choices) {
    const spellings = [c.vi, c.en, String(c.value), ...(c.also ?? [])];
    // Symbols ("≥", ">") fold to nothing, so compare them as typed.
    if (spellings.some((s) => s === t || (k !== "" && key(s) === k))) return { value: c.value };
  }
  const byPrefix = choices.find((c) => c.prefix?.some((x) => k.startsWith(x)));
  return byPrefix ? { value: byPrefix.value } : "unknown";
}

// ---- Names.

/** Workbook names of a vote's input cells, which the entry sheets reference. */
export function voteNames(id: string): { members: string; present: string; issued: string } {
  return { members: `BX_BP_${id}_ThanhVien`, present: `BX_BP_${id}_CoMat`, issued: `BX_BP_${id}_PhatRa` };
}
/** The whole used table (header row to the last candidate row). */
export const VOTE_TABLE_NAME = "BX_BoPhieu";

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
      return DENOMINATOR_WORDS[v.rule.denominator].vi;
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
  const vi = <T>(cs: Choice<T>[]) => cs.map((c) => c.vi);
  const lastCol = cellAddress(LAYOUT.header, Math.max(1, n), true);
  p.validations.push(
    list(rows.purpose, 1, vi(PURPOSES), "Mục đích", "Pick the purpose."),
    whole("round", 1, 20, "Vòng bỏ phiếu"),
    {
      range: across(rows.parent),
      rule: { kind: "list", source: { range: `${cellAddress(LAYOUT.header, 1, true)}:${lastCol}` } },
      error: {
        title: "Cuộc bỏ phiếu trước",
        message: "Chọn mã của cuộc bỏ phiếu (vòng trước) mà vòng này tiếp theo, hoặc để trống. / The id of the round this one continues, or empty.",
      },
    },
    list(rows.ballot, 1, vi(BALLOTS), "Kiểu phiếu", "Pick the ballot kind."),
    whole("choices", 1, 200, "Số lựa chọn tối đa"),
    whole("toElect", 1, 200, "Số lượng được chọn"),
    percent("percent", "Tỷ lệ yêu cầu"),
    list(rows.comparison, 1, vi(COMPARISON_CHOICES), "Cách so sánh", "Pick the comparison."),
    list(rows.denominator, 1, vi(DENOMINATOR_CHOICES), "Mẫu số tính tỷ lệ", "Pick the denominator."),
    percent("quorum", "Tỷ lệ có mặt tối thiểu"),
    list(rows.quorumComparison, 1, vi(COMPARISON_CHOICES), "Cách so sánh", "Pick the comparison."),
    list(rows.noneMarked, 1, vi(NONE_MARKED), "Phiếu không đánh dấu", "Valid or invalid."),
    list(rows.roundKind, 1, vi(ROUND_KINDS), "Loại vòng", "Revote among the tied, or run-off among the top; empty for round 1."),
    list(rows.runoff, 1, vi(RUNOFF), "Khi không đủ đơn vị đạt tỷ lệ", "Run-off among the top candidates, or none."),
    list(rows.writtenOpinions, 1, vi(WRITTEN), "Ý kiến bằng văn bản", "Written opinions of absent members: counted or not."),
    list(rows.tie1, tieRows, vi(TIES), "Xử lý bằng phiếu", "Pick a tie step, or leave empty."),
    whole("members", 1, 10000, "Số thành viên"),
    whole("present", 0, 10000, "Số có mặt"),
    whole("issued", 0, 10000, "Số phiếu phát ra"),
    list(rows.entry, 1, vi(ENTRIES), "Cách nhập phiếu", "Pick the entry method."),
    list(rows.doubleEntry, 1, vi(YES_NO), "Nhập hai lần", "Yes or no."),
    list(rows.accepted, 1, vi(ACCEPTED), "Bản nhập được chấp nhận", "Entry 1 or 2, or empty."),
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

// ---- Reading back.

export interface VoteColumnCells {
  /** The column in the sheet (0-based). */
  column: number;
  /** A1 of a field's cell; undefined when its label row is missing. */
  field: (f: VoteField) => string | undefined;
  /** A1 of the k-th (0-based) candidate read in this column; undefined past the end. */
  candidate: (k: number) => string | undefined;
}

export interface VoteSheetRead {
  /** False when nothing on the sheet looks like the vote table. */
  found: boolean;
  /** The votes read without errors, in column order. */
  records: VoteRecord[];
  issues: Issue[];
  /** Id → where its cells are, for every column with a valid, unique id (also those with errors). */
  cells: Record<string, VoteColumnCells>;
}

const LABEL_KEYS = new Map<string, Single>(SINGLE_FIELDS.map((f) => [key(VOTE_LABELS[f]), f]));
const TIE_KEY = /^xu ly bang phieu(?: buoc)?(?: [0-9]+)?$/;
const MEMBER_KEY = key(MEMBER_LABEL);
const HEADER_KEY = key(VOTE_SHEET_TEXT.header);
const CANDIDATES_KEY = key(VOTE_SHEET_TEXT.candidates);
/** Label rows without which no vote can be read. */
const REQUIRED: Single[] = ["purpose", "round", "ballot", "choices", "toElect", "percent", "comparison", "denominator", "noneMarked", "members", "present", "entry", "doubleEntry"];

/** A number as typed: a number cell, or text like "80", "66,67", "80%", "1.000" (thousands, for whole numbers). */
function numberOf(v: unknown, whole: boolean): number | null | "bad" {
  if (typeof v === "number") return Number.isFinite(v) ? v : "bad";
  let t = text(v).replace(/\s+/g, "").replace(/%$/, "");
  if (!t) return null;
  if (whole && /^[0-9]{1,3}(\.[0-9]{3})+$/.test(t)) t = t.replace(/\./g, "");
  if (!/^[+-]?[0-9]+([.,][0-9]+)?$/.test(t)) return "bad";
  return Number(t.replace(",", "."));
}

const quote = (s: string) => `“${s}”`;
const listOf = <T>(cs: Choice<T>[], lang: "vi" | "en") => cs.map((x) => x[lang]).join(" | ");

/**
 * Reads the votes from the values of a "Bỏ phiếu" sheet, by the labels of column A (wherever the
 * grid starts): the header row "Mục" gives the label column and the vote ids; each field row is
 * found by its label; the rows below "Danh sách đơn vị" are the candidates. The inverse of
 * `voteSheetPlan`. Every problem is an issue at the offending cell; a column with an error gives
 * no record.
 */
export function readVoteSheet(grid: Grid): VoteSheetRead {
  const { sheet } = grid;
  const vals = grid.values;
  const out: VoteSheetRead = { found: false, records: [], issues: [], cells: {} };
  const at = (r: number, c: number) => cellAddress(grid.row + r, grid.col + c);
  const where = (r: number, c: number) => ({ sheet, cell: at(r, c) });
  const get = (r: number, c: number): unknown => vals[r]?.[c];
  const height = vals.length;
  const widthOf = Array.from(vals, (r) => r?.length ?? 0).reduce((a, b) => Math.max(a, b), 0);

  // The header "Mục": its column holds the labels.
  let header: { row: number; col: number } | null = null;
  for (let r = 0; r < height && !header; r++) {
    const row = vals[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      if (key(row[c]) === HEADER_KEY) {
        header = { row: r, col: c };
        break;
      }
    }
  }
  if (!header) {
    // Labels without the header row: say so, rather than reading nothing silently.
    const counts = new Map<number, number>();
    vals.forEach((row) => (row ?? []).forEach((v, c) => LABEL_KEYS.has(key(v)) && counts.set(c, (counts.get(c) ?? 0) + 1)));
    const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
    if (best && best[1] >= 3) {
      out.found = true;
      out.issues.push(
        error(
          "vote.sheet.noHeader",
          {
            vi: `Trang "${sheet}" thiếu dòng tiêu đề có ô "${VOTE_SHEET_TEXT.header}" và mã các cuộc bỏ phiếu (V1, V2, …).`,
            en: `Sheet "${sheet}" lacks the header row with a "${VOTE_SHEET_TEXT.header}" cell and the vote ids (V1, V2, …).`,
          },
          where(0, best[0]),
        ),
      );
    }
    return out;
  }
  out.found = true;
  const L = header.col;

  // The field rows, by label.
  let candidatesHeader: number | null = null;
  for (let r = header.row + 1; r < height; r++) {
    if (key(get(r, L)) === CANDIDATES_KEY) {
      candidatesHeader = r;
      break;
    }
  }
  const fieldEnd = candidatesHeader ?? height;
  const singleRow = new Map<Single, number>();
  const tieRows: number[] = [];
  const memberRows: number[] = [];
  for (let r = header.row + 1; r < fieldEnd; r++) {
    const k = key(get(r, L));
    if (!k) continue;
    if (TIE_KEY.test(k)) tieRows.push(r);
    else if (k === MEMBER_KEY) memberRows.push(r);
    else {
      const f = LABEL_KEYS.get(k);
      if (!f) continue;
      if (singleRow.has(f)) {
        out.issues.push(
          warning(
            "vote.sheet.duplicateLabel",
            {
              vi: `Nhãn "${VOTE_LABELS[f]}" có hai lần (ô ${at(singleRow.get(f)!, L)} và ${at(r, L)}); chỉ đọc dòng đầu tiên.`,
              en: `The label "${VOTE_LABELS[f]}" appears twice (${at(singleRow.get(f)!, L)} and ${at(r, L)}); only the first row is read.`,
            },
            where(r, L),
          ),
        );
      } else singleRow.set(f, r);
    }
  }
  for (const f of REQUIRED) {
    if (singleRow.has(f)) continue;
    out.issues.push(
      error(
        "vote.sheet.missingLabel",
        {
          vi: `Trang "${sheet}" thiếu dòng có nhãn "${VOTE_LABELS[f]}" ở cột ${columnLetter(grid.col + L)}.`,
          en: `Sheet "${sheet}" lacks the row labelled "${VOTE_LABELS[f]}" (${FIELD_EN[f]}) in column ${columnLetter(grid.col + L)}.`,
        },
        where(header.row, L),
      ),
    );
  }
  if (candidatesHeader === null) {
    out.issues.push(
      error(
        "vote.sheet.noCandidates",
        { vi: `Trang "${sheet}" thiếu dòng "${VOTE_SHEET_TEXT.candidates}" đứng trước danh sách đơn vị.`, en: `Sheet "${sheet}" lacks the "${VOTE_SHEET_TEXT.candidates}" row above the candidates.` },
        where(header.row, L),
      ),
    );
  }
  const fieldRow = (f: VoteField): number | undefined => {
    const t = (TIE_FIELDS as readonly string[]).indexOf(f);
    if (t >= 0) return tieRows[t];
    const m = (MEMBER_FIELDS as readonly string[]).indexOf(f);
    if (m >= 0) return memberRows[m];
    return singleRow.get(f as Single);
  };

  // The vote columns: ids in the header row.
  interface Column {
    c: number;
    id: string;
    candidates: { name: string; r: number }[];
  }
  const columns: Column[] = [];
  const seen = new Map<string, number>();
  for (let c = L + 1; c < widthOf; c++) {
    const raw = text(get(header.row, c));
    if (!raw) continue;
    const id = raw.toUpperCase();
    if (!VOTE_ID.test(id)) {
      out.issues.push(
        error(
          "vote.sheet.badId",
          { vi: `Ô ${at(header.row, c)}: mã cuộc bỏ phiếu ${quote(raw)} không hợp lệ (dạng V1, V2, V1_2).`, en: `Cell ${at(header.row, c)}: vote id ${quote(raw)} is not valid (like V1, V2, V1_2).` },
          where(header.row, c),
        ),
      );
      continue;
    }
    if (seen.has(id)) {
      out.issues.push(
        error(
          "vote.sheet.duplicateId",
          {
            vi: `Ô ${at(header.row, c)}: mã ${id} đã dùng ở ô ${at(header.row, seen.get(id)!)}; cột này không được đọc.`,
            en: `Cell ${at(header.row, c)}: id ${id} is already used at ${at(header.row, seen.get(id)!)}; this column is not read.`,
          },
          where(header.row, c),
        ),
      );
      continue;
    }
    seen.set(id, c);
    const candidates: { name: string; r: number }[] = [];
    if (candidatesHeader !== null) {
      for (let r = candidatesHeader + 1; r < height; r++) {
        const name = text(get(r, c));
        if (name) candidates.push({ name, r });
      }
    }
    columns.push({ c, id, candidates });
    out.cells[id] = {
      column: grid.col + c,
      field: (f) => {
        const r = fieldRow(f);
        return r === undefined ? undefined : at(r, c);
      },
      candidate: (k) => (candidates[k] ? at(candidates[k].r, c) : undefined),
    };
  }
  const byId = new Map(columns.map((col) => [col.id, col]));

  for (const col of columns) {
    const rec = readColumn(col);
    if (rec) out.records.push(rec);
  }
  return out;

  function readColumn(col: Column): VoteRecord | null {
    const { c, id } = col;
    let bad = false;
    const cellOf = (f: VoteField): { sheet: string; cell: string } => {
      const r = fieldRow(f);
      return r === undefined ? where(header!.row, c) : where(r, c);
    };
    const raw = (f: VoteField): unknown => {
      const r = fieldRow(f);
      return r === undefined ? undefined : get(r, c);
    };
    const label = (f: VoteField) => `${cellOf(f).cell} (“${VOTE_LABELS[f]}”)`;
    const labelEn = (f: VoteField) => `${cellOf(f).cell} (“${VOTE_LABELS[f]}”, ${FIELD_EN[f]})`;
    const fail = (code: string, f: VoteField, message: Message, w = cellOf(f)) => {
      bad = true;
      out.issues.push(error(code, message, w));
    };
    const empty = (f: VoteField) => fail("vote.sheet.empty", f, { vi: `Cuộc bỏ phiếu ${id}: ô ${label(f)} đang trống.`, en: `Vote ${id}: cell ${labelEn(f)} is empty.` });

    const enumOf = <T>(f: VoteField, choices: Choice<T>[], required: boolean): T | null => {
      const got = pick(choices, raw(f));
      if (got === "empty") {
        if (required) empty(f);
        return null;
      }
      if (got === "unknown") {
        fail("vote.sheet.enum", f, {
          vi: `Cuộc bỏ phiếu ${id}: ô ${label(f)} có giá trị ${quote(text(raw(f)))} không hợp lệ. Chọn một trong: ${listOf(choices, "vi")}.`,
          en: `Vote ${id}: cell ${labelEn(f)} holds ${quote(text(raw(f)))}, which is not allowed. Choose one of: ${listOf(choices, "en")} (on the sheet: ${listOf(choices, "vi")}).`,
        });
        return null;
      }
      return got.value;
    };
    const numOf = (f: VoteField, whole: boolean, min: number, max: number, required: boolean): number | null => {
      const got = numberOf(raw(f), whole);
      if (got === null) {
        if (required) empty(f);
        return null;
      }
      if (got === "bad" || (whole && !Number.isInteger(got)) || got < min || got > max) {
        const kind = whole ? { vi: "số nguyên", en: "a whole number" } : { vi: "số", en: "a number" };
        fail("vote.sheet.number", f, {
          vi: `Cuộc bỏ phiếu ${id}: ô ${label(f)} có giá trị ${quote(text(raw(f)))}; cần ${kind.vi} từ ${min} đến ${max}.`,
          en: `Vote ${id}: cell ${labelEn(f)} holds ${quote(text(raw(f)))}; ${kind.en} from ${min} to ${max} is needed.`,
        });
        return null;
      }
      return got;
    };
    const str = (f: VoteField) => text(raw(f));

    // Definition.
    const purposeKind = enumOf("purpose", PURPOSES, true);
    const award = str("award");
    if (purposeKind === "award" && !award) empty("award");
    const round = numOf("round", true, 1, 20, true);
    const ballotKind = enumOf("ballot", BALLOTS, true);
    const choices = numOf("choices", true, 1, 200, ballotKind !== null && ballotKind !== "chooseOne");
    const toElect = numOf("toElect", true, 1, 200, true);
    const percent = numOf("percent", false, 0, 100, true);
    const comparison = enumOf("comparison", COMPARISON_CHOICES, true);
    const denominator = enumOf("denominator", DENOMINATOR_CHOICES, true);
    const quorumPercent = numOf("quorum", false, 0, 100, false);
    const quorumComparison = enumOf("quorumComparison", COMPARISON_CHOICES, false);
    const noneMarked = enumOf("noneMarked", NONE_MARKED, true);
    const runoff = enumOf("runoff", RUNOFF, false);
    const writtenOpinions = enumOf("writtenOpinions", WRITTEN, false);
    const roundKind = enumOf("roundKind", ROUND_KINDS, false);

    // The tie rule: non-empty step rows, in sheet order; a lot takes the seed.
    const seed = str("seed");
    const tieRule: TieStep[] = [];
    const tieCells: { sheet: string; cell: string }[] = [];
    for (const r of tieRows) {
      const got = pick(TIES, get(r, c));
      if (got === "empty") continue;
      tieCells.push(where(r, c));
      if (got === "unknown") {
        const k = tieRows.indexOf(r) + 1;
        fail(
          "vote.sheet.enum",
          "tie1",
          {
            vi: `Cuộc bỏ phiếu ${id}: ô ${at(r, c)} (“${tieLabel(k)}”) có giá trị ${quote(text(get(r, c)))} không hợp lệ. Chọn một trong: ${listOf(TIES, "vi")}, hoặc để trống.`,
            en: `Vote ${id}: cell ${at(r, c)} (tie step ${k}) holds ${quote(text(get(r, c)))}, which is not allowed. Choose one of: ${listOf(TIES, "en")} (on the sheet: ${listOf(TIES, "vi")}), or leave it empty.`,
          },
          where(r, c),
        );
        continue;
      }
      if (got.value === "lot") {
        if (!seed) {
          fail("vote.sheet.noSeed", "seed", {
            vi: `Cuộc bỏ phiếu ${id}: có bước "${VOTE_WORDS.tie.lot}" (ô ${at(r, c)}) nhưng ô ${label("seed")} đang trống; ghi mã bốc thăm để kết quả kiểm tra lại được.`,
            en: `Vote ${id}: a "drawn lot" step (${at(r, c)}) needs a seed, but cell ${labelEn("seed")} is empty; record the seed so the draw can be checked.`,
          });
          continue;
        }
        tieRule.push({ lot: { seed } });
      } else tieRule.push(got.value);
    }

    // The committee and attendance.
    const head = str("head");
    const memberCells: { sheet: string; cell: string }[] = [];
    const committee: string[] = [];
    for (const r of memberRows) {
      const name = text(get(r, c));
      if (!name) continue;
      committee.push(name);
      memberCells.push(where(r, c));
    }
    const members = numOf("members", true, 1, 10000, true);
    const present = numOf("present", true, 0, 10000, true);

    // What the count needs beyond the definition.
    const issued = numOf("issued", true, 0, 10000, false);
    const entry = enumOf("entry", ENTRIES, true);
    const doubleEntry = enumOf("doubleEntry", YES_NO, true);
    const accepted = enumOf("accepted", ACCEPTED, false);
    const decidedBy = str("decidedBy");
    let decision: Decision = null;
    if (accepted && decidedBy) decision = { accept: accepted, by: decidedBy };
    else if (accepted || (decidedBy && !text(raw("accepted")))) {
      const missing: VoteField = accepted ? "decidedBy" : "accepted";
      out.issues.push(
        warning(
          "vote.sheet.decisionIncomplete",
          {
            vi: `Cuộc bỏ phiếu ${id}: quyết định chọn bản nhập chưa đủ, ô ${label(missing)} đang trống; quyết định chưa được ghi nhận.`,
            en: `Vote ${id}: the entry decision is incomplete, cell ${labelEn(missing)} is empty; no decision is recorded.`,
          },
          cellOf(missing),
        ),
      );
    }
    const candidates = col.candidates.map((x) => x.name);
    const electedText = str("elected");
    const note = str("note");
    const elected = electedText
      .split(/[;\n]/)
      .map((s) => cleanText(s))
      .filter(Boolean);
    const meeting = elected.length > 0 || note ? { elected, note } : null;
    const unknownElected = elected.filter((e) => !candidates.some((x) => nameKey(x) === nameKey(e)));
    if (unknownElected.length > 0) {
      fail("vote.sheet.electedUnknown", "elected", {
        vi: `Cuộc bỏ phiếu ${id}: ô ${label("elected")} có đơn vị không thuộc danh sách của cuộc bỏ phiếu: ${unknownElected.join("; ")}.`,
        en: `Vote ${id}: cell ${labelEn("elected")} names units that are not candidates of this vote: ${unknownElected.join("; ")}.`,
      });
    }

    // The round this one continues.
    let parent: Vote["parent"] = null;
    const parentText = str("parent");
    if (parentText) {
      const pid = parentText.toUpperCase();
      const pc = byId.get(pid);
      if (!pc || pid === id) {
        const others = columns.filter((x) => x.id !== id).map((x) => x.id);
        fail("vote.sheet.parent", "parent", {
          vi: `Cuộc bỏ phiếu ${id}: ô ${label("parent")} phải là mã của một cột khác trên trang (${others.join(", ") || "chưa có"}), không phải ${quote(parentText)}.`,
          en: `Vote ${id}: cell ${labelEn("parent")} must be the id of another column on the sheet (${others.join(", ") || "none yet"}), not ${quote(parentText)}.`,
        });
      } else {
        const pr = fieldRow("round");
        const pRound = pr === undefined ? null : numberOf(get(pr, pc.c), true);
        if (typeof pRound !== "number" || !Number.isInteger(pRound) || pRound < 1 || pRound > 20) {
          fail("vote.sheet.parentRound", "parent", {
            vi: `Cuộc bỏ phiếu ${id}: cuộc bỏ phiếu ${pid} (ô ${label("parent")}) chưa có vòng hợp lệ.`,
            en: `Vote ${id}: vote ${pid} (cell ${labelEn("parent")}) has no valid round.`,
          });
        } else {
          parent = { round: pRound, candidates: pc.candidates.map((x) => x.name), ...(roundKind === "runoff" ? { kind: "runoff" as const } : {}) };
          if (round !== null && round !== pRound + 1) {
            out.issues.push(
              warning(
                "vote.sheet.roundAfterParent",
                {
                  vi: `Cuộc bỏ phiếu ${id}: vòng ${round} tiếp theo cuộc bỏ phiếu ${pid} ở vòng ${pRound}; thường là vòng ${pRound + 1}.`,
                  en: `Vote ${id}: round ${round} continues vote ${pid} of round ${pRound}; it is usually round ${pRound + 1}.`,
                },
                cellOf("round"),
              ),
            );
          }
        }
      }
    }
    if (candidatesHeader !== null && candidates.length === 0) {
      fail(
        "vote.sheet.noCandidates",
        "title",
        { vi: `Cuộc bỏ phiếu ${id}: chưa có đơn vị nào dưới dòng "${VOTE_SHEET_TEXT.candidates}".`, en: `Vote ${id}: no candidate below the "${VOTE_SHEET_TEXT.candidates}" row.` },
        where(candidatesHeader, c),
      );
    }

    // Values the vote cannot be built without (each already reported); otherwise go on, so that every issue shows at once.
    if (
      purposeKind === null ||
      round === null ||
      ballotKind === null ||
      toElect === null ||
      percent === null ||
      comparison === null ||
      denominator === null ||
      noneMarked === null ||
      members === null ||
      present === null ||
      entry === null ||
      doubleEntry === null
    ) {
      return null;
    }
    const purpose: Purpose = purposeKind === "award" ? { kind: "award", award } : { kind: purposeKind };
    const ballot: BallotKind = ballotKind === "approve" ? { kind: "approve", quota: choices ?? 0 } : ballotKind === "chooseUpTo" ? { kind: "chooseUpTo", n: choices ?? 0 } : { kind: "chooseOne" };
    const vote: Vote = {
      purpose,
      round,
      parent,
      title: str("title"),
      candidates,
      ballot,
      rule: { percent, comparison, denominator, quorum: quorumPercent === null ? null : { percent: quorumPercent, comparison: quorumComparison ?? ">=", of: "members" } },
      ...(str("ruleSource") ? { ruleSource: str("ruleSource") } : {}),
      invalid: { overQuota: "invalid", noneMarked },
      toElect,
      tieRule,
      ...(runoff ? { runoff: true } : {}),
      ...(writtenOpinions ? { writtenOpinions: true } : {}),
      committee: { head, members: committee },
      attendance: { members, present },
    };

    // The schema and the vote's own checks, each problem at its cell.
    const whereOf = (path: readonly PropertyKey[]): { sheet: string; cell: string } => {
      const [a, b, d, e] = path.map(String);
      switch (a) {
        case "purpose":
          return cellOf(b === "award" ? "award" : "purpose");
        case "candidates": {
          const cand = b !== undefined ? col.candidates[Number(b)] : undefined;
          return cand ? where(cand.r, c) : candidatesHeader !== null ? where(candidatesHeader, c) : cellOf("title");
        }
        case "ballot":
          return cellOf(b === "kind" ? "ballot" : "choices");
        case "rule":
          if (b === "quorum") return cellOf(d === "comparison" ? "quorumComparison" : "quorum");
          return cellOf(b === "comparison" ? "comparison" : b === "denominator" ? "denominator" : "percent");
        case "ruleSource":
          return cellOf("ruleSource");
        case "invalid":
          return cellOf("noneMarked");
        case "tieRule":
          if (e === "seed" || d === "lot") return cellOf("seed");
          return b !== undefined && tieCells[Number(b)] ? tieCells[Number(b)] : cellOf("tie1");
        case "committee":
          if (b === "members") return d !== undefined && memberCells[Number(d)] ? memberCells[Number(d)] : cellOf("member1");
          return cellOf("head");
        case "attendance":
          return cellOf(b === "present" ? "present" : "members");
        case "runoff":
        case "writtenOpinions":
          return cellOf(a);
        case "title":
        case "round":
        case "parent":
        case "toElect":
          return cellOf(a);
        default:
          return where(header!.row, c);
      }
    };
    const parsed = VoteSchema.safeParse(vote);
    if (!parsed.success) {
      // A cell already reported (an empty count, say) is not reported again by the schema.
      const reported = new Set(out.issues.filter((i) => i.severity === "error").map((i) => i.where?.cell));
      for (const e of parsed.error.issues) {
        const w = whereOf(e.path);
        if (reported.has(w.cell)) continue;
        reported.add(w.cell);
        out.issues.push(
          error(
            "vote.schema",
            {
              vi: `Cuộc bỏ phiếu ${id}: giá trị ở ô ${w.cell} không hợp lệ (${e.path.join(".")}: ${e.message}).`,
              en: `Vote ${id}: the value at ${w.cell} is not valid (${e.path.join(".")}: ${e.message}).`,
            },
            w,
          ),
        );
      }
      return null;
    }
    for (const i of checkVote(parsed.data)) {
      const path = i.field ? i.field.split(".") : [];
      const w = i.ref.candidate !== undefined && path[0] !== "candidates" ? whereOf(["candidates", candidates.indexOf(i.ref.candidate)]) : whereOf(path);
      out.issues.push({ code: i.code, severity: i.severity, where: w, message: { vi: `Cuộc bỏ phiếu ${id}: ${i.message.vi}`, en: `Vote ${id}: ${i.message.en}` } });
      if (i.severity === "error") bad = true;
    }
    if (bad) return null;
    return { id, vote: parsed.data, issued, entry, doubleEntry, decision, meeting };
  }
}
