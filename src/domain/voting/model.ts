import { z } from "zod";
import { fill, raise, type IssueCode, type ParamsOf } from "../codes";
import { IN_VOTE } from "../codes/voting";
import { type Issue, type Message, type Where } from "../issues";
import { formatNumber, thresholdPhrase } from "../format";
import { cleanText, nameKey } from "../text";
import { DENOMINATOR_TERMS, INVALID_REASON_TERMS, messagesOf } from "./terms";

/**
 * A secret-ballot vote (bỏ phiếu kín) of a bloc: for an award (suy tôn), for next year's leader or
 * a deputy. Everything that varies by province or sector is a field of the vote (DOMAIN §3–4):
 * the ballot's design, the passing rule and its denominator, the quorum, which ballots are
 * invalid, how many win and how a tie at the cutoff is settled.
 */

export type Purpose = { kind: "award"; award: string } | { kind: "leader" } | { kind: "deputy" };

/**
 * The paper ballot's design: (a) a "suy tôn" list with Đồng ý / Không đồng ý per candidate and at
 * most `quota` approvals; (b) choose up to `n` names; (c) choose one name.
 */
export type BallotKind = { kind: "approve"; quota: number } | { kind: "chooseUpTo"; n: number } | { kind: "chooseOne" };

export const COMPARISONS = [">=", ">"] as const;
export type Comparison = (typeof COMPARISONS)[number];

/**
 * What a percentage is taken over: members summoned, present, ballots issued, returned, returned
 * excluding the blank ones (those invalid for nothing marked, issue #13), valid. Their words: `DENOMINATOR_TERMS`.
 */
export const DENOMINATORS = ["members", "present", "issued", "returned", "returnedNonBlank", "valid"] as const;
export type Denominator = (typeof DENOMINATORS)[number];

/**
 * The quorum: those present as a percentage of the members summoned. Percentages compare on their
 * 2-decimal value, as printed: a quorum of two thirds is written 66.67 (6 of 9 = 66.67% meets it).
 */
export interface Quorum {
  percent: number;
  comparison: Comparison;
  of: "members";
}

/**
 * The passing rule: a candidate passes when its votes, as a percentage of the denominator rounded
 * to 2 decimals (Excel's ROUND), compare to `percent` by `comparison`.
 */
export interface Rule {
  percent: number;
  comparison: Comparison;
  denominator: Denominator;
  quorum: Quorum | null;
}

/** Reasons the counting committee records by hand (TT 01/2021/TT-BNV Đ11 by analogy). */
export const MANUAL_REASONS = ["wrongForm", "addedNames", "allStruckOut", "other"] as const;
export type ManualReason = (typeof MANUAL_REASONS)[number];

/** Every reason a ballot can be invalid: the computed ones, then the manual ones. */
export const INVALID_REASONS = ["overQuota", "noneMarked", ...MANUAL_REASONS] as const;
export type InvalidReason = (typeof INVALID_REASONS)[number];

/** The reasons' words (`INVALID_REASON_TERMS`). */
export const INVALID_REASON_LABELS: Record<InvalidReason, Message> = messagesOf(INVALID_REASON_TERMS);

/** Which ballots are invalid: over the quota always; a ballot with nothing marked as set. */
export interface InvalidRules {
  overQuota: "invalid";
  noneMarked: "valid" | "invalid";
}

/**
 * One step of the tie rule, applied in order to the candidates tied at the cutoff: the higher
 * total score wins (if still tied, the next step); a revote among the tied (round + 1); the
 * meeting decides; a drawn lot from a recorded seed.
 */
export type TieStep = "higherScore" | "revote" | "meetingDecides" | { lot: { seed: string } };

export interface Committee {
  /** Trưởng ban kiểm phiếu. */
  head: string;
  members: string[];
}

export interface Attendance {
  /** Members summoned: the bloc's size (or the council's). */
  members: number;
  /** Present at the meeting. */
  present: number;
}

/** A later round's reference to the round it continues. */
export interface ParentRound {
  round: number;
  candidates: string[];
  /**
   * Why the round exists: a revote among candidates tied at the cutoff (the tie rule), or a
   * run-off among the top candidates when too few reached the rule (`Vote.runoff`). Absent: a revote.
   */
  kind?: "revote" | "runoff";
}

export interface Vote {
  purpose: Purpose;
  /** 1, 2, …: a revote among the tied is the next round. */
  round: number;
  /** The round this one continues (a revote or a run-off); null for round 1. */
  parent: ParentRound | null;
  /** e.g. "Suy tôn đơn vị đề nghị Cờ thi đua của UBND tỉnh". */
  title: string;
  /** Member unit names, in ballot order. */
  candidates: string[];
  ballot: BallotKind;
  rule: Rule;
  /**
   * Where the passing rule comes from, printed with it on the minutes: a preset's source
   * ("TT 01/2019/TT-VKSTC Đ20 (ngành Kiểm sát)") or the bloc's own decision. No general rule in force
   * was found for a bloc's vote (DOMAIN §3), so the bloc states its choice; editable text, never a
   * hard-coded article. Absent on votes written before it was recorded.
   */
  ruleSource?: string;
  invalid: InvalidRules;
  /** How many win (e.g. the bloc's quota of flags). */
  toElect: number;
  tieRule: TieStep[];
  /**
   * The bloc's rule when fewer candidates reach the passing rule than there are seats (a leader
   * vote where nobody has a majority): true calls a run-off, a new round among the top candidates
   * (the top two for one seat, with all tied at the last place taken); absent or false, the seats
   * stay unfilled.
   */
  runoff?: boolean;
  /**
   * Written opinions of absent members count like ballots (Bắc Ninh QĐ 86/2025/QĐ-UBND Đ8.4 accepts
   * them for council votes; DOMAIN §3): a setting of the vote, off when absent.
   */
  writtenOpinions?: boolean;
  committee: Committee;
  attendance: Attendance;
}

/**
 * A vote being set up: its passing rule is null until the bloc chooses one (a preset or its own).
 * No general rule in force was found for a bloc's vote (DOMAIN §3), so there is no default.
 */
export type VoteDraft = Omit<Vote, "rule"> & { rule: Rule | null };

/**
 * The vote's names and texts in one Unicode form (NFC, spacing folded, DOMAIN §6): candidates, the
 * round's parent list, title, award, the rule's source and the counting committee. A name typed or
 * pasted in NFD is stored as NFC, so the sheets' lookups by name (MATCH) find it.
 */
export function normalizeVoteNames<V extends VoteDraft>(vote: V): V {
  return {
    ...vote,
    purpose: vote.purpose.kind === "award" ? { kind: "award", award: cleanText(vote.purpose.award) } : { ...vote.purpose },
    parent: vote.parent ? { ...vote.parent, candidates: vote.parent.candidates.map(cleanText) } : null,
    title: cleanText(vote.title),
    candidates: vote.candidates.map(cleanText),
    ...(vote.ruleSource === undefined ? {} : { ruleSource: cleanText(vote.ruleSource) }),
    committee: { head: cleanText(vote.committee.head), members: vote.committee.members.map(cleanText) },
  };
}

/**
 * The rule of a vote being created must be chosen and carry its source (printed on the minutes):
 * `vote.rule.notChosen`, `vote.rule.noSource`.
 */
export function checkRuleChosen(vote: VoteDraft): VoteIssue[] {
  if (vote.rule === null) {
    return [
      voteIssue("vote.rule.notChosen", {}, {}, "rule"
      ),
    ];
  }
  if (!cleanText(vote.ruleSource ?? "")) {
    return [
      voteIssue("vote.rule.noSource", {}, {}, "ruleSource"
      ),
    ];
  }
  return [];
}

export const MARKS = ["approve", "reject", "blank"] as const;
export type Mark = (typeof MARKS)[number];

/**
 * One paper ballot as entered. An approve list gives a mark per candidate (a missing candidate is
 * blank); a choose ballot lists the names chosen. Either form is read for any ballot kind: a
 * chosen name counts as an approval and an approval as a choice.
 */
export type Ballot =
  | { number: number; marks: Record<string, Mark>; manualInvalid: ManualReason | null; written?: boolean }
  | { number: number; chosen: string[]; manualInvalid: ManualReason | null; written?: boolean };
/* `written`: the ballot is the written opinion of an absent member (ý kiến bằng văn bản), counted only when the vote allows it. */

/** Totals counted by hand, instead of ballot by ballot. */
export interface HandCount {
  issued: number;
  returned: number;
  valid: number;
  invalid: number;
  /** Votes (approvals or choices) per candidate; a candidate left out has 0. */
  votes: Record<string, number>;
  /** Optional: the invalid ballots by reason. */
  invalidReasons?: Partial<Record<InvalidReason, number>>;
}

// ---- Schemas.

export const MAX_CANDIDATES = 200;
export const MAX_NAME = 255;

const name = z.string().min(1).max(MAX_NAME);
const count = z.number().int().min(0);
const percent = z.number().min(0).max(100);

export const PurposeSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("award"), award: z.string().min(1).max(500) }).strict(),
  z.object({ kind: z.literal("leader") }).strict(),
  z.object({ kind: z.literal("deputy") }).strict(),
]);

export const BallotKindSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("approve"), quota: z.number().int().min(1).max(MAX_CANDIDATES) }).strict(),
  z.object({ kind: z.literal("chooseUpTo"), n: z.number().int().min(1).max(MAX_CANDIDATES) }).strict(),
  z.object({ kind: z.literal("chooseOne") }).strict(),
]);

export const QuorumSchema = z.object({ percent, comparison: z.enum(COMPARISONS), of: z.literal("members") }).strict();

export const RuleSchema = z.object({ percent, comparison: z.enum(COMPARISONS), denominator: z.enum(DENOMINATORS), quorum: QuorumSchema.nullable() }).strict();

export const InvalidRulesSchema = z.object({ overQuota: z.literal("invalid"), noneMarked: z.enum(["valid", "invalid"]) }).strict();

export const TieStepSchema = z.union([
  z.enum(["higherScore", "revote", "meetingDecides"]),
  z.object({ lot: z.object({ seed: z.string().min(1).max(200) }).strict() }).strict(),
]);

export const VoteSchema = z
  .object({
    purpose: PurposeSchema,
    round: z.number().int().min(1).max(20),
    parent: z
      .object({ round: z.number().int().min(1).max(20), candidates: z.array(name).max(MAX_CANDIDATES), kind: z.enum(["revote", "runoff"]).optional() })
      .strict()
      .nullable(),
    title: z.string().max(500),
    candidates: z.array(name).min(1).max(MAX_CANDIDATES),
    ballot: BallotKindSchema,
    rule: RuleSchema,
    ruleSource: z.string().max(500).optional(),
    invalid: InvalidRulesSchema,
    toElect: z.number().int().min(1).max(MAX_CANDIDATES),
    tieRule: z.array(TieStepSchema).max(8),
    runoff: z.boolean().optional(),
    writtenOpinions: z.boolean().optional(),
    committee: z.object({ head: z.string().max(MAX_NAME), members: z.array(z.string().max(MAX_NAME)).max(20) }).strict(),
    attendance: z.object({ members: z.number().int().min(1).max(10000), present: count.max(10000) }).strict(),
  })
  .strict();

const manual = z.enum(MANUAL_REASONS).nullable();
export const BallotSchema = z.union([
  z.object({ number: z.number().int().min(1), marks: z.record(z.string(), z.enum(MARKS)), manualInvalid: manual, written: z.boolean().optional() }).strict(),
  z.object({ number: z.number().int().min(1), chosen: z.array(z.string()), manualInvalid: manual, written: z.boolean().optional() }).strict(),
]);

export const HandCountSchema = z
  .object({
    issued: count,
    returned: count,
    valid: count,
    invalid: count,
    votes: z.record(z.string(), count),
    invalidReasons: z.partialRecord(z.enum(INVALID_REASONS), count).optional(),
  })
  .strict();

// Types and schemas must not drift apart.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _voteMatches: Same<z.infer<typeof VoteSchema>, Vote> = true;
const _ballotMatches: Same<z.infer<typeof BallotSchema>, Ballot> = true;
const _countMatches: Same<z.infer<typeof HandCountSchema>, HandCount> = true;
void [_voteMatches, _ballotMatches, _countMatches];

/** The JSON Schema (draft 2020-12) of a vote, as published in docs/vote.schema.json. */
export function voteJsonSchema(): object {
  return {
    ...(z.toJSONSchema(VoteSchema, { target: "draft-2020-12" }) as object),
    $id: "https://binhxet.github.io/schemas/vote.schema.json",
    title: "Bình xét vote",
    description:
      "A secret-ballot vote of an emulation bloc: purpose, round, candidates, ballot design, passing rule, invalid-ballot rules, number to elect, tie rule, counting committee and attendance. / Một cuộc bỏ phiếu kín của khối thi đua.",
  };
}

// ---- Presets: the thresholds of DOMAIN §3, as starting points (every field stays editable).

/**
 * A preset: the rule, its label (what the pane lists, source first) and its source (what the
 * vote records and the minutes print). No general threshold in force was found for a bloc's vote
 * (DOMAIN §3, searched December 2026): each preset names the sector rule or the analogy it comes
 * from, and none is a default — the bloc picks one, or sets its own ("Tự đặt").
 */
export interface RulePreset {
  rule: Rule;
  label: Message;
  source: Message;
}

export const RULE_PRESET_KEYS = ["blocMembers80", "validMajority", "summonedMajority", "present70Quorum", "council90"] as const;
export type RulePresetKey = (typeof RULE_PRESET_KEYS)[number];

export const RULE_PRESETS: Record<RulePresetKey, RulePreset> = {
  blocMembers80: {
    rule: { percent: 80, comparison: ">=", denominator: "members", quorum: null },
    label: { vi: "TT 01/2019/TT-VKSTC Đ20 (ngành Kiểm sát): ≥ 80% tổng số thành viên", en: "Circular 01/2019/TT-VKSTC art. 20 (prosecution sector): ≥ 80% of all members" },
    source: { vi: "TT 01/2019/TT-VKSTC Đ20 (ngành Kiểm sát)", en: "Circular 01/2019/TT-VKSTC art. 20 (prosecution sector)" },
  },
  validMajority: {
    rule: { percent: 50, comparison: ">", denominator: "valid", quorum: null },
    label: { vi: "Đa số (> 50%) phiếu hợp lệ — tương tự bầu cử", en: "Majority (> 50%) of the valid ballots — as in state elections" },
    source: { vi: "Vận dụng tương tự bầu cử: quá nửa số phiếu hợp lệ", en: "By analogy with state elections: more than half of the valid ballots" },
  },
  summonedMajority: {
    rule: { percent: 50, comparison: ">", denominator: "members", quorum: null },
    label: { vi: "Quá nửa tổng số thành viên — tương tự bầu cử trong Đảng", en: "More than half of all members — as in Party congress elections" },
    source: { vi: "Vận dụng tương tự bầu cử trong Đảng: quá nửa tổng số được triệu tập", en: "By analogy with Party congress elections: more than half of those summoned" },
  },
  present70Quorum: {
    rule: { percent: 70, comparison: ">=", denominator: "present", quorum: { percent: 66.67, comparison: ">=", of: "members" } },
    label: {
      vi: "TT 35/2015/TT-BGDĐT (ngành Giáo dục, đã được thay thế): ≥ 70% số có mặt, có mặt ≥ 2/3",
      en: "Circular 35/2015/TT-BGDĐT (education sector, replaced): ≥ 70% of those present, at least 2/3 present",
    },
    source: { vi: "TT 35/2015/TT-BGDĐT (ngành Giáo dục; đã được thay thế bởi TT 29/2023/TT-BGDĐT)", en: "Circular 35/2015/TT-BGDĐT (education sector; replaced by Circular 29/2023/TT-BGDĐT)" },
  },
  council90: {
    rule: { percent: 90, comparison: ">=", denominator: "members", quorum: null },
    label: { vi: "NĐ 91/2017/NĐ-CP Đ45 (hội đồng thi đua, đã hết hiệu lực): ≥ 90% tổng số thành viên", en: "Decree 91/2017/NĐ-CP art. 45 (emulation council, repealed): ≥ 90% of all members" },
    source: { vi: "NĐ 91/2017/NĐ-CP Đ45 (Hội đồng Thi đua – Khen thưởng; đã hết hiệu lực)", en: "Decree 91/2017/NĐ-CP art. 45 (emulation council; repealed)" },
  },
};

/** "Tự đặt": a rule the bloc sets itself; its source, unless the bloc writes a better one (its regulation, its meeting). */
export const CUSTOM_RULE: { label: Message; source: Message } = {
  label: { vi: "Tự đặt", en: "Custom" },
  source: { vi: "Do khối thống nhất quy định", en: "Set by the bloc" },
};

/** The preset a rule and source are, when they are one (same numbers and same source); null otherwise. */
export function presetOf(rule: Rule, source: string | undefined): RulePresetKey | null {
  const same = (a: Rule, b: Rule) =>
    a.percent === b.percent &&
    a.comparison === b.comparison &&
    a.denominator === b.denominator &&
    (a.quorum === null ? b.quorum === null : b.quorum !== null && a.quorum.percent === b.quorum.percent && a.quorum.comparison === b.quorum.comparison);
  return RULE_PRESET_KEYS.find((k) => same(RULE_PRESETS[k].rule, rule) && nameKey(RULE_PRESETS[k].source.vi) === nameKey(source ?? "")) ?? null;
}

/** The rule's source as the minutes print it. */
export function ruleSourceText(vote: Pick<Vote, "ruleSource">): Message {
  const src = cleanText(vote.ruleSource ?? "");
  return src ? { vi: `Căn cứ: ${src}.`, en: `Source: ${src}.` } : { vi: "Căn cứ: (chưa ghi căn cứ của quy định tỷ lệ).", en: "Source: (the rule's source is not recorded)." };
}

// ---- Words, for the pane, the ballots and the minutes.

/** A number as Vietnamese write it: decimal comma, no grouping (66,67). */
export const viNumber = (x: number): string => formatNumber(x, "vi");

/** The denominators' words in the minutes' sentence (`DENOMINATOR_TERMS`). */
export const DENOMINATOR_WORDS: Record<Denominator, Message> = messagesOf(DENOMINATOR_TERMS);

/** "phiếu đồng ý" for approve lists, "phiếu bầu" for choose ballots. */
export function voteWord(vote: Pick<Vote, "ballot">): Message {
  return vote.ballot.kind === "approve" ? { vi: "phiếu đồng ý", en: "approvals" } : { vi: "phiếu bầu", en: "votes" };
}

const share = (percent: number, comparison: Comparison): Message => ({ vi: thresholdPhrase(percent, comparison, "vi"), en: thresholdPhrase(percent, comparison, "en") });

/** The passing rule in words, as printed on the minutes. */
export function ruleText(vote: Pick<Vote, "rule" | "ballot">): Message {
  const { rule } = vote;
  const s = share(rule.percent, rule.comparison);
  const d = DENOMINATOR_WORDS[rule.denominator];
  const w = voteWord(vote);
  let vi = `Đơn vị được chọn khi có số ${w.vi} đạt ${s.vi} so với ${d.vi}`;
  let en = `A candidate passes with ${w.en} of ${s.en} of ${d.en}`;
  if (rule.quorum) {
    const q = share(rule.quorum.percent, rule.quorum.comparison);
    vi += `; cuộc bỏ phiếu hợp lệ khi số thành viên có mặt đạt ${q.vi} tổng số thành viên`;
    en += `; the vote stands when those present are ${q.en} of all members`;
  }
  return { vi: `${vi} (tỷ lệ làm tròn đến 2 chữ số thập phân).`, en: `${en} (percentages rounded to 2 decimals).` };
}

/** The tie rule in words, printed beside the result. */
export function tieRuleText(vote: Pick<Vote, "tieRule">): Message {
  const vi: string[] = [];
  const en: string[] = [];
  for (const step of vote.tieRule) {
    if (step === "higherScore") {
      vi.push("đơn vị có tổng điểm thi đua cao hơn được chọn");
      en.push("the higher total score wins");
    } else if (step === "revote") {
      vi.push("bỏ phiếu lại (vòng tiếp theo) giữa các đơn vị bằng phiếu");
      en.push("a revote (next round) among the tied");
    } else if (step === "meetingDecides") {
      vi.push("hội nghị quyết định");
      en.push("the meeting decides");
    } else {
      vi.push(`bốc thăm theo mã "${step.lot.seed}"`);
      en.push(`a drawn lot with seed "${step.lot.seed}"`);
    }
  }
  if (!vote.tieRule.some((s) => s !== "higherScore")) {
    vi.push("hội nghị quyết định");
    en.push("the meeting decides");
  }
  return {
    vi: `Nếu các đơn vị bằng số phiếu ở vị trí cuối cùng: ${vi.map((t, i) => `(${i + 1}) ${t}`).join("; nếu vẫn bằng nhau ")}.`,
    en: `If candidates tie at the cutoff: ${en.map((t, i) => `(${i + 1}) ${t}`).join("; if still tied ")}.`,
  };
}

// ---- The vote's own checks (its definition, before any ballot).

/** Where a vote issue points: a ballot (by number), a candidate, a total of the count. */
export type TotalField = "members" | "present" | "issued" | "returned" | "valid" | "invalid" | "invalidReasons";
export interface VoteRef {
  ballot?: number;
  candidate?: string;
  total?: TotalField;
  /** Ballot numbers missing from the sequence (`vote.ballot.gap`). */
  missing?: number[];
}
/** A coded issue with what it is about; the sheet layer turns `ref` into `where`. */
export type VoteIssue = Issue & { ref: VoteRef };

/** Raises a catalogued vote issue with what it is about (and the form field, when there is one). */
export function voteIssue<C extends IssueCode>(code: C, params: ParamsOf<C>, ref: VoteRef = {}, field?: string): VoteIssue {
  return { ...raise(code, params), ...(field ? { field } : {}), ref };
}

/**
 * A vote's own issue reported among all votes (the "Bỏ phiếu" sheet): the same code and severity,
 * its message inside the catalogued "Cuộc bỏ phiếu {id}: …" wrapper.
 */
export function inVote(issue: Issue, id: string, where?: Where): Issue {
  const message = { vi: fill(IN_VOTE.vi, { id, message: issue.message.vi }, "vi"), en: fill(IN_VOTE.en, { id, message: issue.message.en }, "en") };
  return { code: issue.code, severity: issue.severity, ...(where ? { where } : {}), message, ...(issue.params ? { params: { ...issue.params, vote: id } } : {}) };
}

// The vote's own checks and its parsing live in voteChecks.ts (the line budget, issue #13).
export { checkCandidatesAreMembers, checkVote, checkVoteShape, maxChoices, parseVote } from "./voteChecks";
