import { cleanText, foldLabel } from "../../domain/text";
import type { Comparison, Denominator, Purpose, BallotKind } from "../../domain/voting/model";
import type { VoteRecord } from "../../domain/voting/record";
import {
  ACCEPTED_TERMS,
  BALLOT_TERMS,
  COMPARISON_TERMS,
  DENOMINATOR_TERMS,
  ENTRY_TERMS,
  NONE_MARKED_TERMS,
  PURPOSE_TERMS,
  ROUND_KIND_TERMS,
  RUNOFF_TERMS,
  spellingsOf,
  TIE_TERMS,
  wordsOf,
  WRITTEN_TERMS,
  YES_NO_TERMS,
  type Term,
  type TieCode,
} from "../../domain/voting/terms";

/**
 * The vote definition sheet "Bỏ phiếu": every secret-ballot vote of the bloc, one column per vote
 * (or revote round), the labels in column A (architecture rule 1: the workbook is the record).
 * Below the field rows, "Danh sách đơn vị" heads the candidate rows: row k holds the k-th
 * candidate of each vote column, so columns may have different lengths. This file: its rows, labels
 * and the words its cells take (from the vote's terms); `voteSheetPlan.ts` lays it out and
 * `voteSheetReader.ts` reads it back.
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

export const TIE_FIELDS = ["tie1", "tie2", "tie3", "tie4"] as const satisfies readonly VoteField[];
export const MEMBER_FIELDS = ["member1", "member2", "member3", "member4"] as const satisfies readonly VoteField[];
export type Single = Exclude<VoteField, (typeof TIE_FIELDS)[number] | (typeof MEMBER_FIELDS)[number]>;
export const SINGLE_FIELDS = VOTE_FIELDS.filter((f): f is Single => !(TIE_FIELDS as readonly string[]).includes(f) && !(MEMBER_FIELDS as readonly string[]).includes(f));

export const tieLabel = (k: number) => `Xử lý bằng phiếu – bước ${k}`;
export const MEMBER_LABEL = "Thành viên ban kiểm phiếu";

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

export const VOTE_SHEET_TEXT = {
  title: "CÁC CUỘC BỎ PHIẾU KÍN",
  hint: "Mỗi cột là một cuộc bỏ phiếu (hoặc một vòng bỏ phiếu lại). Sửa giá trị trong các ô màu vàng. Add-in Bình xét đọc theo nhãn ở cột A, nên có thể chèn thêm dòng.",
  header: "Mục",
  candidates: "Danh sách đơn vị",
} as const;

// ---- The enumerated values: each field's term table (domain/voting/terms.ts).

/** A field's choices: the terms and the value each one stands for. */
export interface Choices<T> {
  terms: Record<string, Term>;
  value: (code: string) => T;
}
const codes = <K extends string>(terms: Record<K, Term>): Choices<K> => ({ terms, value: (c) => c as K });
const yesNo = (terms: Record<"yes" | "no", Term>): Choices<boolean> => ({ terms, value: (c) => c === "yes" });

export const PURPOSES = codes<Purpose["kind"]>(PURPOSE_TERMS);
export const BALLOTS = codes<BallotKind["kind"]>(BALLOT_TERMS);
export const COMPARISON_CHOICES = codes<Comparison>(COMPARISON_TERMS);
export const DENOMINATOR_CHOICES = codes<Denominator>(DENOMINATOR_TERMS);
export const NONE_MARKED = codes<"valid" | "invalid">(NONE_MARKED_TERMS);
export const TIES = codes<TieCode>(TIE_TERMS);
export const ROUND_KINDS = codes<"revote" | "runoff">(ROUND_KIND_TERMS);
export const RUNOFF = yesNo(RUNOFF_TERMS);
export const WRITTEN = yesNo(WRITTEN_TERMS);
export const ENTRIES = codes<VoteRecord["entry"]>(ENTRY_TERMS);
export const YES_NO = yesNo(YES_NO_TERMS);
export const ACCEPTED = codes<"first" | "second">(ACCEPTED_TERMS);

/** The words the sheet writes for each enumerated value (for the pane or other sheets). */
export const VOTE_WORDS = {
  purpose: wordsOf(PURPOSE_TERMS, "sheet"),
  ballot: wordsOf(BALLOT_TERMS, "sheet"),
  comparison: wordsOf(COMPARISON_TERMS, "sheet"),
  denominator: wordsOf(DENOMINATOR_TERMS, "sheet"),
  noneMarked: wordsOf(NONE_MARKED_TERMS, "sheet"),
  tie: wordsOf(TIE_TERMS, "sheet"),
  entry: wordsOf(ENTRY_TERMS, "sheet"),
  roundKind: wordsOf(ROUND_KIND_TERMS, "sheet"),
  runoff: wordsOf(RUNOFF_TERMS, "sheet"),
  written: wordsOf(WRITTEN_TERMS, "sheet"),
  yes: YES_NO_TERMS.yes.sheet,
  no: YES_NO_TERMS.no.sheet,
  accepted: wordsOf(ACCEPTED_TERMS, "sheet"),
} as const;

/**
 * The comparison key of a label or a typed value on this sheet: the one folding (`foldLabel`), then
 * punctuation as spacing, so "Xử lý bằng phiếu – bước 1" and "Tỷ lệ yêu cầu (%)" read however typed.
 */
export function key(v: unknown): string {
  return foldLabel(v)
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** The value a typed cell names among a field's choices: its sheet label, words, aliases or code. */
export function pick<T>(choices: Choices<T>, raw: unknown): { value: T } | "empty" | "unknown" {
  const t = raw === null || raw === undefined ? "" : cleanText(String(raw));
  if (!t) return "empty";
  const k = key(t);
  const entries = Object.entries(choices.terms);
  for (const [code, term] of entries) {
    const spellings = [code, ...spellingsOf(term)];
    // Symbols ("≥", ">") fold to nothing, so compare them as typed.
    if (spellings.some((s) => s === t || (k !== "" && key(s) === k))) return { value: choices.value(code) };
  }
  const byPrefix = entries.find(([, term]) => term.prefixes?.some((x) => k.startsWith(x)));
  return byPrefix ? { value: choices.value(byPrefix[0]) } : "unknown";
}

/** The choices as a list for messages, in one language (or as the sheet writes them). */
export const listOf = <T>(cs: Choices<T>, lang: "vi" | "en" | "sheet"): string => Object.values(cs.terms).map((x) => x[lang]).join(" | ");
/** The sheet's words of the choices (its drop-down). */
export const sheetWords = <T>(cs: Choices<T>): string[] => Object.values(cs.terms).map((x) => x.sheet);

// ---- Names.

/** Workbook names of a vote's input cells, which the entry sheets reference. */
export function voteNames(id: string): { members: string; present: string; issued: string } {
  return { members: `BX_BP_${id}_ThanhVien`, present: `BX_BP_${id}_CoMat`, issued: `BX_BP_${id}_PhatRa` };
}
/** The whole used table (header row to the last candidate row). */
export const VOTE_TABLE_NAME = "BX_BoPhieu";

