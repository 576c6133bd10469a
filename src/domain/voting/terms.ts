import type { Message } from "../issues";
import { foldLabel } from "../text";
import type { BallotKind, Comparison, Denominator, InvalidReason, Purpose } from "./model";
import type { Outcome } from "./tally";

/**
 * The vote's vocabulary (issue #13): one table per enumeration, and for each value its words
 * (Vietnamese first), what the sheets write, what the pane offers, and the other spellings readers
 * accept. Sheets, readers, the pane and the minutes take their words from here, so a reworded value
 * still reads in workbooks written before (its old wording stays an alias).
 */
export interface Term {
  /** The value in a sentence: "số phiếu hợp lệ" / "the valid ballots". */
  vi: string;
  en: string;
  /** What the sheets write (drop-downs list it, readers accept it). */
  sheet: string;
  /** What the pane's option or label shows. */
  pane: Message;
  /** Other spellings readers accept (old wordings, short forms, English). */
  aliases: readonly string[];
  /** Folded beginnings that also read as this value ("chon toi da 3 don vi"). */
  prefixes?: readonly string[];
}

type Spec = Omit<Term, "sheet" | "pane" | "aliases"> & Partial<Pick<Term, "sheet" | "pane" | "aliases">>;
/** A term: the sheet writes its Vietnamese words and the pane shows them, unless told otherwise. */
const term = (s: Spec): Term => ({ sheet: s.vi, pane: { vi: s.vi, en: s.en }, aliases: [], ...s });
const table = <K extends string>(t: Record<K, Spec>): Record<K, Term> => Object.fromEntries(Object.entries<Spec>(t).map(([k, s]) => [k, term(s)])) as Record<K, Term>;

/** The vote's purpose (DOMAIN §3): an award, the bloc's leader, a deputy. */
export const PURPOSE_TERMS = table({
  award: { vi: "Khen thưởng", en: "Award", pane: { vi: "Suy tôn đơn vị đề nghị khen thưởng", en: "Nominate units for an award" }, aliases: ["suy tôn", "danh hiệu"] },
  leader: { vi: "Trưởng khối", en: "Bloc leader", pane: { vi: "Bầu trưởng khối", en: "Elect the bloc leader" }, aliases: ["khối trưởng", "leader"] },
  deputy: { vi: "Phó trưởng khối", en: "Deputy leader", pane: { vi: "Bầu phó trưởng khối", en: "Elect a deputy leader" }, aliases: ["phó khối", "deputy"] },
}) satisfies Record<Purpose["kind"], Term>;

/** The paper ballot's design (DOMAIN §4). */
export const BALLOT_TERMS = table({
  approve: { vi: "Đồng ý / Không đồng ý", en: "Approve list", pane: { vi: "Danh sách Đồng ý / Không đồng ý", en: "Approve / reject list" }, aliases: ["suy tôn", "đồng ý"] },
  chooseUpTo: { vi: "Chọn tối đa N đơn vị", en: "Choose up to N", aliases: ["chọn nhiều"], prefixes: ["chon toi da", "choose up to"] },
  chooseOne: { vi: "Chọn một", en: "Choose one", pane: { vi: "Chọn một đơn vị", en: "Choose one" }, aliases: ["chọn 1", "chọn một đơn vị"] },
}) satisfies Record<BallotKind["kind"], Term>;

/** How a percentage compares to the rule's. */
export const COMPARISON_TERMS = table({
  ">=": { vi: "Từ … trở lên (≥)", en: "At least (≥)", aliases: ["từ trở lên", "trở lên", "ít nhất", "tối thiểu", "or more", "≥", ">=", "=>"] },
  ">": { vi: "Trên (>)", en: "More than (>)", aliases: ["hơn", "quá", "greater than", "over", ">"] },
}) satisfies Record<Comparison, Term>;

/**
 * What a percentage is taken over (DOMAIN §3: members summoned, present, ballots issued, returned,
 * valid; and, issue #13, ballots returned excluding the blank ones, those invalid for nothing marked).
 * `vi`/`en` are the words of the minutes' sentence; the pane shows a capitalised label.
 */
export const DENOMINATOR_TERMS = table({
  members: { vi: "tổng số thành viên", en: "all members summoned", pane: { vi: "Tổng số thành viên", en: "All members" } },
  present: { vi: "số thành viên có mặt", en: "the members present", pane: { vi: "Số có mặt", en: "Members present" }, aliases: ["số có mặt"] },
  issued: { vi: "số phiếu phát ra", en: "the ballots issued", pane: { vi: "Số phiếu phát ra", en: "Ballots issued" } },
  returned: { vi: "số phiếu thu vào", en: "the ballots returned", pane: { vi: "Số phiếu thu vào", en: "Ballots returned" }, aliases: ["số phiếu thu về"] },
  returnedNonBlank: {
    vi: "số phiếu thu vào trừ phiếu trắng",
    en: "the ballots returned excluding blank ones",
    pane: { vi: "Số phiếu thu vào trừ phiếu trắng", en: "Ballots returned excluding blank" },
    aliases: ["số phiếu thu về trừ phiếu trắng", "số phiếu thu vào không kể phiếu trắng"],
  },
  valid: { vi: "số phiếu hợp lệ", en: "the valid ballots", pane: { vi: "Số phiếu hợp lệ", en: "Valid ballots" } },
}) satisfies Record<Denominator, Term>;

/** A ballot with nothing marked: valid or invalid (a setting, DOMAIN §4). */
export const NONE_MARKED_TERMS = table({
  valid: { vi: "Hợp lệ", en: "Valid" },
  invalid: { vi: "Không hợp lệ", en: "Invalid" },
});

/** Steps of the tie rule at the cutoff (DOMAIN §4); `lot` takes a seed. */
export const TIE_CODES = ["higherScore", "revote", "meetingDecides", "lot"] as const;
export type TieCode = (typeof TIE_CODES)[number];
export const TIE_TERMS = table({
  higherScore: { vi: "Điểm thi đua cao hơn", en: "Higher score", pane: { vi: "Đơn vị điểm thi đua cao hơn", en: "Higher total score" }, aliases: ["điểm cao hơn", "tổng điểm cao hơn"] },
  revote: { vi: "Bỏ phiếu lại", en: "Revote" },
  meetingDecides: { vi: "Hội nghị quyết định", en: "Meeting decides", pane: { vi: "Hội nghị quyết định", en: "The meeting decides" } },
  lot: { vi: "Bốc thăm", en: "Drawn lot", aliases: ["lot"] },
}) satisfies Record<TieCode, Term>;

/** Why a later round exists. */
export const ROUND_KIND_TERMS = table({
  revote: { vi: "Bỏ phiếu lại giữa các đơn vị bằng phiếu", en: "Revote among the tied", aliases: ["bỏ phiếu lại", "revote"] },
  runoff: { vi: "Bầu lại giữa các đơn vị nhiều phiếu nhất", en: "Run-off among the top candidates", aliases: ["bầu lại", "run-off", "runoff"] },
});

/** The bloc's rule when too few reach the passing rule. */
export const RUNOFF_TERMS = table({
  yes: { vi: "Bầu lại giữa các đơn vị nhiều phiếu nhất", en: "Run-off among the top candidates", aliases: ["bầu lại", "có", "run-off", "runoff", "yes"] },
  no: { vi: "Không bầu lại", en: "No run-off", aliases: ["không", "no"] },
});

/** Written opinions of absent members (Bắc Ninh QĐ 86/2025 Đ8.4). */
export const WRITTEN_TERMS = table({
  yes: { vi: "Được tính như phiếu bầu", en: "Counted as ballots", aliases: ["được tính", "tính", "có", "yes"] },
  no: { vi: "Không tính", en: "Not counted", aliases: ["không", "no"] },
});

/** How the ballots are entered. */
export const ENTRY_TERMS = table({
  ballots: { vi: "Từng phiếu", en: "Ballot by ballot", pane: { vi: "Nhập từng phiếu", en: "Ballot by ballot" }, aliases: ["nhập từng phiếu"] },
  handCount: { vi: "Kiểm đếm tay", en: "Hand count", pane: { vi: "Nhập kết quả đếm tay", en: "Hand-count totals" }, aliases: ["đếm tay"] },
});

export const YES_NO_TERMS = table({
  yes: { vi: "Có", en: "Yes", aliases: ["true", "x"] },
  no: { vi: "Không", en: "No", aliases: ["false"] },
});

/** Which of two entries the committee accepted. */
export const ACCEPTED_TERMS = table({
  first: { vi: "Lần nhập 1", en: "Entry 1", aliases: ["1", "lần 1", "first"] },
  second: { vi: "Lần nhập 2", en: "Entry 2", aliases: ["2", "lần 2", "second"] },
});

/**
 * Why a ballot is invalid (TT 01/2021/TT-BNV Đ11 by analogy, DOMAIN §4): the computed reasons, then
 * those the counting committee records by hand. The sheets write the legal wording; the short forms
 * the ballot sheet's drop-down offered before ("Gạch hết", "Không đúng mẫu", …) still read.
 */
export const INVALID_REASON_TERMS = table({
  overQuota: { vi: "Chọn quá số lượng quy định", en: "More choices than allowed", aliases: ["quá số lượng"] },
  noneMarked: { vi: "Không đánh dấu", en: "Nothing marked", aliases: ["phiếu trắng"] },
  wrongForm: { vi: "Không đúng mẫu quy định hoặc không có dấu", en: "Not the official form or without the stamp", aliases: ["Không đúng mẫu"] },
  addedNames: { vi: "Ghi thêm tên hoặc nội dung khác", en: "Names or content added", aliases: ["Ghi thêm tên / nội dung"] },
  allStruckOut: { vi: "Gạch tất cả các tên", en: "Every name struck out", aliases: ["Gạch hết"] },
  other: { vi: "Lý do khác", en: "Other reason", aliases: ["Khác"] },
}) satisfies Record<InvalidReason, Term>;

/**
 * A candidate's outcome: the pane's words (`pane`, `vi`/`en`) and the count minutes' (`minutes`, the
 * "Kết quả" column; NĐ 30 document wording, which tells a leader "trúng cử" from an award "được chọn").
 */
export interface OutcomeTerm extends Term {
  minutes: { leader: string; award: string };
}
const outcome = (s: Spec & { minutes: string | OutcomeTerm["minutes"] }): OutcomeTerm => ({
  ...term(s),
  minutes: typeof s.minutes === "string" ? { leader: s.minutes, award: s.minutes } : s.minutes,
});
export const OUTCOME_TERMS = {
  elected: outcome({ vi: "Được chọn", en: "Elected", minutes: { leader: "Trúng cử", award: "Được chọn" } }),
  notElected: outcome({ vi: "Ngoài số lượng", en: "Beyond the seats", minutes: { leader: "Không trúng cử", award: "Không được chọn" } }),
  notPassed: outcome({ vi: "Không đạt", en: "Not passed", minutes: "Không đạt tỷ lệ" }),
  revote: outcome({ vi: "Bỏ phiếu lại", en: "Revote", minutes: "Bỏ phiếu lại" }),
  meetingDecides: outcome({ vi: "Hội nghị quyết định", en: "Meeting decides", minutes: "Hội nghị quyết định" }),
  runoff: outcome({ vi: "Vào vòng bầu lại", en: "Goes to the run-off", minutes: "Vào vòng bầu lại" }),
} satisfies Record<Outcome, OutcomeTerm>;

/**
 * The minutes' outcome words by the names the minutes sheet reads (taken from OUTCOME_TERMS): an
 * outcome's own name gives the leader wording for "elected" and the award wording otherwise, as the
 * minutes have always written; and the two phrases that are no outcome of their own.
 */
export const MINUTES_OUTCOME_WORDS: Record<keyof typeof OUTCOME_TERMS, string> & { electedAward: string; notElectedLeader: string; byMeeting: string; unconcluded: string } = {
  elected: OUTCOME_TERMS.elected.minutes.leader,
  electedAward: OUTCOME_TERMS.elected.minutes.award,
  notElected: OUTCOME_TERMS.notElected.minutes.award,
  notElectedLeader: OUTCOME_TERMS.notElected.minutes.leader,
  /** Appended to the result of a unit tied at the cutoff once the meeting has chosen. */
  byMeeting: " (hội nghị quyết định)",
  notPassed: OUTCOME_TERMS.notPassed.minutes.award,
  revote: OUTCOME_TERMS.revote.minutes.award,
  meetingDecides: OUTCOME_TERMS.meetingDecides.minutes.award,
  runoff: OUTCOME_TERMS.runoff.minutes.award,
  unconcluded: "Chưa kết luận",
};

// ---- Using a table.

/** Each value's words in one language (or what the sheets write). */
export function wordsOf<K extends string>(t: Record<K, Term>, lang: "vi" | "en" | "sheet"): Record<K, string> {
  return Object.fromEntries((Object.entries(t) as [K, Term][]).map(([k, x]) => [k, x[lang]])) as Record<K, string>;
}

/** Each value's words in both languages. */
export function messagesOf<K extends string>(t: Record<K, Term>): Record<K, Message> {
  return Object.fromEntries((Object.entries(t) as [K, Term][]).map(([k, x]) => [k, { vi: x.vi, en: x.en }])) as Record<K, Message>;
}

/** Each value's pane label in one language. */
export function paneOf<K extends string>(t: Record<K, Term>, lang: "vi" | "en"): Record<K, string> {
  return Object.fromEntries((Object.entries(t) as [K, Term][]).map(([k, x]) => [k, x.pane[lang]])) as Record<K, string>;
}

/** Every spelling a reader accepts for a term: its sheet label, its words in both languages, the pane's, its aliases. */
export function spellingsOf(t: Term): string[] {
  return [t.sheet, t.vi, t.en, t.pane.vi, t.pane.en, ...t.aliases];
}

/**
 * The value a typed label names, through the one folding (`foldLabel`): its sheet label, words,
 * pane label, aliases, or the code itself; null when none does.
 */
export function termOf<K extends string>(t: Record<K, Term>, raw: unknown): K | null {
  const k = foldLabel(raw);
  if (!k) return null;
  for (const [code, x] of Object.entries(t) as [K, Term][]) {
    if (foldLabel(code) === k || spellingsOf(x).some((s) => foldLabel(s) === k)) return code;
  }
  return null;
}
