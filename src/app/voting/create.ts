import { readFailed } from "../failures";
import { type Bloc } from "../../domain/bloc/bloc";
import { raise } from "../../domain/codes";
import { hasErrors, type Issue } from "../../domain/issues";
import { cleanText, nameKey } from "../../domain/text";
import { checkCandidatesAreMembers, checkRuleChosen, checkVote, checkVoteShape, CUSTOM_RULE, normalizeVoteNames, RULE_PRESETS, type Purpose, type Rule, type RulePresetKey } from "../../domain/voting/model";
import { nextVoteId, VOTE_ID, type VoteRecord, type VoteRecordDraft } from "../../domain/voting/record";
import type { ExcelHost } from "../../excel/host";
import { readWorkbook, type WorkbookRead } from "../../excel/read";
import type { SheetPlan } from "../../workbook/plan";
import { ballotEntrySheetPlan } from "../../workbook/voting/ballotSheet";
import { handCountSheetPlan } from "../../workbook/voting/handCountSheet";
import { printBallotsPlan } from "../../workbook/voting/printSheet";
import { VOTE_SHEET, voteNames, voteSheetPlan } from "../../workbook/voting/voteSheet";
import { BASE_READ, checkIssued, contextOf, keepOldVoteSheet, voteSheets, write, type VotingContext, type WriteOutcome } from "./shared";

/** Creating a vote: its record (purpose, rule), its definition on "Bỏ phiếu", its entry sheets and printable ballots. */

// ------------------------------------------------------------------------------------ new votes

export type VotePurposeKind = Purpose["kind"];

/**
 * A new vote with sensible defaults, every field editable in the pane: for an award, the units
 * classified in the top band of "Tổng hợp" (in rank order; all members when there is no ranking),
 * an approve list with the award's quota; for the leader, a choose-one ballot among all members; a
 * deputy likewise. The passing rule is not chosen (null): no general rule in force was found for a
 * bloc's vote (DOMAIN §3), so the bloc picks one (`withRule`) and creating refuses until it does.
 */
export function newVoteRecord(ctx: Pick<VotingContext, "bloc" | "records" | "summary">, kind: VotePurposeKind, award = "Cờ thi đua của UBND tỉnh", seats = 1): VoteRecordDraft {
  const members = ctx.bloc?.members.map((m) => m.name) ?? [];
  const ranked = [...ctx.summary].filter((l) => l.rank !== null).sort((a, b) => (a.rank as number) - (b.rank as number));
  const topBand = ranked[0]?.band ?? "";
  let candidates = kind === "award" && ranked.length ? ranked.filter((l) => topBand && l.band === topBand).map((l) => l.unit) : members;
  if (!candidates.length) candidates = members.length ? members : ["(đơn vị)"];
  const n = members.length || candidates.length;
  const purpose: Purpose = kind === "award" ? { kind: "award", award } : { kind };
  const title =
    kind === "award" ? `Suy tôn đơn vị đề nghị ${award} năm ${ctx.bloc?.year ?? ""}`.trim() : kind === "leader" ? `Bầu Trưởng khối năm ${(ctx.bloc?.year ?? 0) + 1}` : `Bầu Phó trưởng khối năm ${(ctx.bloc?.year ?? 0) + 1}`;
  const vote: VoteRecordDraft["vote"] = {
    purpose,
    round: 1,
    parent: null,
    title,
    candidates,
    ballot: kind === "award" ? { kind: "approve", quota: Math.max(1, seats) } : seats > 1 ? { kind: "chooseUpTo", n: seats } : { kind: "chooseOne" },
    rule: null,
    ruleSource: "",
    invalid: { overQuota: "invalid", noneMarked: kind === "award" ? "valid" : "invalid" },
    toElect: Math.max(1, seats),
    tieRule: kind === "award" ? ["higherScore", "revote"] : ["revote"],
    // Electing the leader or a deputy must end with someone elected: nobody reaching the rule calls a run-off among the top (editable).
    ...(kind === "award" ? {} : { runoff: true }),
    committee: lastCommittee(ctx.records),
    attendance: { members: n, present: n },
  };
  return { id: nextVoteId(ctx.records.map((r) => r.id)), vote, issued: n, entry: "ballots", doubleEntry: true, decision: null, meeting: null };
}

/**
 * The counting committee of the latest vote that names one (as read from "Bỏ phiếu"), copied: the
 * meeting elects one Ban kiểm phiếu for all its votes, so the next vote starts from it (editable).
 */
export function lastCommittee(records: readonly Pick<VoteRecord, "vote">[]): VoteRecord["vote"]["committee"] {
  const named = [...records].reverse().find((r) => cleanText(r.vote.committee.head) || r.vote.committee.members.some((m) => cleanText(m)));
  return named ? { head: named.vote.committee.head, members: [...named.vote.committee.members] } : { head: "", members: [] };
}

/**
 * The bloc's choice of rule: a preset (its rule and its source, DOMAIN §3) or its own rule, with
 * the source it gives ("Quy chế hoạt động của Khối, Điều 5"), by default "Do khối thống nhất quy định".
 */
export function withRule(record: VoteRecordDraft, choice: RulePresetKey | { rule: Rule; source?: string }): VoteRecord {
  const { rule, source } =
    typeof choice === "string" ? { rule: RULE_PRESETS[choice].rule, source: RULE_PRESETS[choice].source.vi } : { rule: choice.rule, source: cleanText(choice.source ?? "") || CUSTOM_RULE.source.vi };
  return { ...record, vote: { ...record.vote, rule: { ...rule, quorum: rule.quorum ? { ...rule.quorum } : null }, ruleSource: source } };
}

export interface CreateOptions {
  /** Also lay out the printable ballots (default true). */
  print?: boolean;
  /**
   * A later round's own attendance (members may leave between rounds): those present and the
   * ballots issued; by default the previous round's. Revotes and run-offs only.
   */
  round?: { present?: number; issued?: number };
  /** Ballot rows on the entry sheets (default: ballots issued, at least the members, plus 5 spare). */
  rows?: number;
  at?: Date;
}


function entryPlans(bloc: Bloc | null, record: VoteRecord, opts: CreateOptions): SheetPlan[] {
  const { id, vote } = record;
  const s = voteSheets(id);
  const refs = voteNames(id);
  const rows = opts.rows ?? Math.max(record.issued ?? 0, vote.attendance.members) + 5;
  const plans: SheetPlan[] = [];
  if (record.entry === "ballots") {
    plans.push(ballotEntrySheetPlan(vote, { sheet: s.first.sheet, rows, namePrefix: s.first.prefix, refs, subtitle: record.doubleEntry ? "Nhập lần 1" : undefined }).plan);
    if (record.doubleEntry) plans.push(ballotEntrySheetPlan(vote, { sheet: s.second.sheet, rows, namePrefix: s.second.prefix, refs, subtitle: "Nhập lần 2 (độc lập với lần 1)" }).plan);
  } else {
    plans.push(handCountSheetPlan(vote, { sheet: s.hand.sheet, refs, namePrefix: s.hand.prefix }).plan);
  }
  if (opts.print !== false && bloc) {
    plans.push(printBallotsPlan(vote, { sheet: s.print.sheet, bloc: { name: bloc.name, province: bloc.province, year: bloc.year }, count: Math.max(1, record.issued ?? vote.attendance.present) }));
  }
  return plans;
}

/**
 * Creates a vote: adds its column to "Bỏ phiếu" (keeping every other vote as read) and writes its
 * entry sheet(s) and printable ballots. Refuses a definition with errors, an id already used, or a
 * "Bỏ phiếu" sheet that does not read cleanly (it would be rewritten). One read, one write.
 */
export async function createVote(host: ExcelHost, draft: VoteRecordDraft, opts: CreateOptions = {}): Promise<WriteOutcome> {
  // The rule is the bloc's explicit choice, with its source: refused before anything is read.
  const unchosen = checkRuleChosen(draft.vote);
  if (unchosen.length) return { kind: "invalid", issues: unchosen.map(({ ref: _ref, ...i }) => i) };
  // Every name in one Unicode form (DOMAIN §6): a candidate typed or pasted in NFD is written NFC.
  const record: VoteRecord = { ...draft, vote: normalizeVoteNames({ ...draft.vote, rule: draft.vote.rule as Rule, ruleSource: draft.vote.ruleSource ?? "" }) };
  // A new vote's id is the next number, which two people creating votes at once would both take.
  // Its entry sheet's name is the lock: adding it fails, before anything changes, when the id was
  // taken since the read; then the vote is created once more, from a fresh read, under the next id.
  let current = record;
  const issues: Issue[] = [];
  for (let attempt = 0; ; attempt++) {
    let read: WorkbookRead;
    try {
      read = await readWorkbook(host, BASE_READ);
    } catch (e) {
      return { kind: "failed", issues: [readFailed(e)] };
    }
    const taken = contextOf(read).records.map((r) => r.id);
    if (current.vote.round === 1 && taken.includes(current.id)) {
      const id = nextVoteId(taken);
      issues.push(raise("vote.id.changed", { was: current.id, id }));
      current = { ...current, id };
    }
    const out = await createFromRead(host, read, current, opts);
    const lost = out.kind === "failed" && out.issues.some((i) => i.code === "excel.ItemAlreadyExists");
    if (lost && attempt === 0 && current.vote.round === 1) continue;
    if (out.kind === "written") return { ...out, id: current.id, issues: [...issues, ...out.issues], syncs: out.syncs + attempt * 2 };
    return out;
  }
}

/** Creates a vote from what was read (a revote reuses its count's read). One write. */
export async function createFromRead(host: ExcelHost, read: WorkbookRead, record: VoteRecord, opts: CreateOptions): Promise<WriteOutcome> {
  const ctx = contextOf(read);
  const issues: Issue[] = [];
  if (!VOTE_ID.test(record.id)) issues.push(raise("vote.id.invalid", { id: record.id }));
  if (ctx.records.some((r) => r.id === record.id)) issues.push(raise("vote.id.taken", { id: record.id }));
  if (hasErrors(ctx.recordIssues)) {
    issues.push(
      raise("vote.sheet.invalid", { sheet: VOTE_SHEET }),
      ...ctx.recordIssues,
    );
  }
  // The definition's shape first (a number typed wrong, an empty name): the other checks assume it.
  const shape = checkVoteShape(record.vote);
  const own = shape.length ? shape : checkVote(record.vote);
  issues.push(...own.filter((i) => i.severity === "error"));
  // Candidates are member units (DOMAIN §1), when the bloc is known.
  if (ctx.bloc) issues.push(...checkCandidatesAreMembers(record.vote, ctx.bloc.members));
  issues.push(...checkIssued(record));
  if (hasErrors(issues)) return { kind: "invalid", issues };
  const warned = own.filter((i) => i.severity !== "error");
  const records = [...ctx.records, record];
  const defPlan = voteSheetPlan(records).plan;
  if (ctx.voteSheet) defPlan.name = ctx.voteSheet;
  const plans = [defPlan, ...entryPlans(ctx.bloc, record, opts)];
  // A new vote's sheets are new: a sheet already under one of their names (left from a vote whose
  // column was deleted, or the bloc's own) is kept under another name, with its ballots.
  const keep = keepOldVoteSheet(read, ctx);
  const taken = new Set(read.sheets.map(nameKey));
  for (const p of plans.slice(1)) {
    if (!taken.has(nameKey(p.name))) continue;
    // Not this vote's (a sheet left from a vote whose column was deleted, or the bloc's own): moved aside whole.
    keep.existing = { ...(keep.existing ?? {}), [p.name]: "renameAside" };
    keep.issues.push(raise("vote.sheet.nameTaken", { sheet: p.name }, { sheet: p.name }));
  }
  keep.issues.unshift(...warned);
  return write(host, read, plans, {
    keep,
    activate: plans[1]?.name,
    log: { action: "Tạo cuộc bỏ phiếu", object: `${record.id}: ${record.vote.title}`, counts: `${record.vote.candidates.length} đơn vị, chọn ${record.vote.toElect}` },
  });
}

/**
 * The ballots issued, when recorded: a whole number, not negative, at most those present (the
 * ballots are handed out at the meeting; DOMAIN §4). `vote.value.invalid`, `vote.issued.overPresent`.
 */
