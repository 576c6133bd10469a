import { readFailed } from "../failures";
import { type Bloc } from "../../domain/bloc/bloc";
import { raise } from "../../domain/codes";
import { hasErrors } from "../../domain/issues";
import { cleanText, nameKey } from "../../domain/text";
import { nextLeadership, type LeaderMode } from "../../domain/voting/leader";
import { revoteId, type VoteRecord } from "../../domain/voting/record";
import { revoteRound, runoffRound, type TallyResult } from "../../domain/voting/tally";
import type { ExcelHost } from "../../excel/host";
import { readWorkbook, type WorkbookRead } from "../../excel/read";
import { LEADERSHIP_SHEET, leadershipSheetPlan, upsertLeadership } from "../../workbook/bloc/leadershipSheet";
import { minutesSheetPlan, type MinutesInput } from "../../workbook/voting/minutesSheet";
import { VOTE_SHEET, voteSheetPlan } from "../../workbook/voting/voteSheet";
import { BASE_READ, contextOf, keepOldVoteSheet, voteSheets, write, type WriteOutcome } from "./shared";
import { countVote, countVotes, type CountResult } from "./count";
import { createFromRead, type CreateOptions } from "./create";
import { keepIfExtra } from "./shared";

/** After the count: the minutes, the meeting's decisions, revote and run-off rounds, and next year's leadership. */

// ------------------------------------------------------------------------------------- minutes

export interface MinutesOptions {
  place?: string;
  at?: Date;
}

/**
 * Counts the vote and writes its minutes ("Biên bản <id>"): refused while the count has errors
 * (differing entries undecided, totals that do not add up, quorum not met…). Two round trips.
 */
export async function writeMinutes(host: ExcelHost, id: string, opts: MinutesOptions = {}): Promise<WriteOutcome & { count?: CountResult }> {
  const c = await countVote(host, id);
  if (c.kind !== "counted") return c;
  const { count, context, read } = c;
  if (hasErrors(count.issues)) {
    return { kind: "invalid", issues: [raise("vote.minutes.notConcluded", {}), ...count.issues] };
  }
  const input = minutesInput(count, context.bloc, opts);
  const out = await write(host, read, [minutesSheetPlan(input)], {
    log: {
      action: "Lập biên bản kiểm phiếu",
      object: `${id}: ${count.record.vote.title}`,
      counts: `${count.result.totals.returned} phiếu thu vào, ${count.result.totals.valid} hợp lệ`,
      note: `SHA-256 ${count.fingerprint.slice(0, 16)}…; được chọn: ${count.elected.join(", ") || "không"}`,
    },
  });
  return out.kind === "written" ? { ...out, count } : out;
}

/** What the vote-count minutes of a count say (the sheet and the .docx are made from it). */
export function minutesInput(count: CountResult, bloc: Bloc | null, opts: MinutesOptions = {}): MinutesInput {
  const at = opts.at ?? new Date();
  return {
    sheet: voteSheets(count.record.id).minutes.sheet,
    bloc: { name: bloc?.name ?? "", province: bloc?.province ?? "", year: bloc?.year ?? at.getFullYear() },
    record: count.record,
    result: count.result,
    fingerprint: count.fingerprint,
    entryStatement: count.entryStatement,
    place: opts.place ?? bloc?.province ?? "",
    at: { day: at.getDate(), month: at.getMonth() + 1, year: at.getFullYear(), hour: at.getHours(), minute: at.getMinutes() },
  };
}

// ----------------------------------------------------------------------------------- decisions

/**
 * Records a decision of the meeting on the vote's column of "Bỏ phiếu": which of two differing
 * entries to use (after checking the paper ballots) and/or the meeting's choice on a tie. Two round trips.
 */
export async function recordDecision(host: ExcelHost, id: string, patch: Partial<Pick<VoteRecord, "decision" | "meeting" | "issued">>): Promise<WriteOutcome> {
  let read: WorkbookRead;
  try {
    read = await readWorkbook(host, BASE_READ);
  } catch (e) {
    return { kind: "failed", issues: [readFailed(e)] };
  }
  const ctx = contextOf(read);
  if (hasErrors(ctx.recordIssues)) return { kind: "invalid", issues: ctx.recordIssues };
  const at = ctx.records.findIndex((r) => r.id === id);
  if (at < 0) return { kind: "invalid", issues: [raise("vote.notFound", { id, sheet: VOTE_SHEET })] };
  // Names as typed in the pane or a scenario, in one Unicode form (DOMAIN §6).
  const clean: typeof patch = {
    ...patch,
    ...(patch.decision ? { decision: { accept: patch.decision.accept, by: cleanText(patch.decision.by) } } : {}),
    ...(patch.meeting ? { meeting: { elected: patch.meeting.elected.map(cleanText), note: cleanText(patch.meeting.note) } } : {}),
  };
  // The meeting chooses among the vote's candidates (the tie itself is checked when counting): a name off the list is refused here.
  const cands = new Set(ctx.records[at].vote.candidates.map(nameKey));
  const off = (clean.meeting?.elected ?? []).filter((n) => !cands.has(nameKey(n)));
  if (off.length) {
    const where = ctx.cellOf(id, "elected");
    return {
      kind: "invalid",
      issues: off.map((n) => ({
        ...raise("vote.meeting.notCandidate", { name: n, id }, where),
        field: "meeting.elected",
      })),
    };
  }
  const records = ctx.records.map((r, i) => (i === at ? { ...r, ...clean } : r));
  const plan = voteSheetPlan(records).plan;
  if (ctx.voteSheet) plan.name = ctx.voteSheet;
  const what = [clean.decision ? `chấp nhận lần nhập ${clean.decision.accept === "first" ? 1 : 2} (${clean.decision.by})` : "", clean.meeting ? `hội nghị chọn ${clean.meeting.elected.join(", ")}` : "", patch.issued !== undefined ? `phát ra ${patch.issued}` : ""]
    .filter(Boolean)
    .join("; ");
  return write(host, read, [plan], { keep: keepOldVoteSheet(read, ctx), activate: plan.name, log: { action: "Ghi quyết định", object: id, counts: what || "—" } });
}

/** Round n + 1 as a new vote (id V1_2…), round n kept as it is, with its own entry sheets and ballots. One read (the count's), one write. */
async function startNextRound(host: ExcelHost, id: string, opts: CreateOptions, kind: "revote" | "runoff"): Promise<WriteOutcome & { id?: string }> {
  const c = await countVote(host, id);
  if (c.kind !== "counted") return c;
  const conclusion = c.count.result.conclusion;
  const vote = kind === "revote" ? (conclusion.revote ? revoteRound(c.count.record.vote, conclusion.revote) : null) : conclusion.runoff ? runoffRound(c.count.record.vote, conclusion.runoff) : null;
  if (!vote) return { kind: "invalid", issues: [raise(kind === "revote" ? "vote.revote.none" : "vote.runoff.none", {})] };
  if (hasErrors(c.count.issues)) return { kind: "invalid", issues: c.count.issues };
  const prev = c.count.record;
  const rid = revoteId(prev.id, vote.round);
  const record: VoteRecord = withRoundAttendance({ ...prev, id: rid, vote, decision: null, meeting: null }, opts);
  // The count's read holds everything creating needs: one read, one write in all.
  const out = await createFromRead(host, c.read, record, opts);
  return out.kind === "written" ? { ...out, id: rid } : out;
}

/** Starts a revote among the tied (DOMAIN §4: a tie the rule cannot break calls a revote among the tied). */
export function startRevote(host: ExcelHost, id: string, opts: CreateOptions = {}): Promise<WriteOutcome & { id?: string }> {
  return startNextRound(host, id, opts, "revote");
}

/** Starts the run-off the count calls for (`Vote.runoff`: too few reached the rule), recorded as a run-off round. */
export function startRunoff(host: ExcelHost, id: string, opts: CreateOptions = {}): Promise<WriteOutcome & { id?: string }> {
  return startNextRound(host, id, opts, "runoff");
}

/** A later round with its own attendance (present, ballots issued), when given; checked as any vote is on creation. */
function withRoundAttendance(r: VoteRecord, opts: CreateOptions): VoteRecord {
  const a = opts.round;
  if (!a) return r;
  const present = a.present ?? r.vote.attendance.present;
  return { ...r, vote: { ...r.vote, attendance: { ...r.vote.attendance, present } }, issued: a.issued ?? (a.present !== undefined ? present : r.issued) };
}

// ----------------------------------------------------------------------------------- leadership

export type LeadershipChoice = { mode: "rotation"; deputies: 1 | 2 } | { mode: "election"; leaderVote: string; deputyVote: string | null } | { mode: "designation"; leader: string; deputies: string[] };

/**
 * Writes next year's bloc leader and deputies to the leadership record ("Trưởng khối các năm"):
 * by rotation (from the recorded years), from final election counts, or as designated.
 */
export async function electLeadership(host: ExcelHost, choice: LeadershipChoice, opts: { at?: Date } = {}): Promise<WriteOutcome & { leader?: string; deputies?: string[]; year?: number }> {
  let read: WorkbookRead;
  let mode: LeaderMode;
  let basis = "";
  if (choice.mode === "election") {
    // Both votes are counted from one read.
    const counted = await countVotes(host, choice.deputyVote ? [choice.leaderVote, choice.deputyVote] : [choice.leaderVote]);
    if (!counted.ok) return { kind: "failed", issues: counted.issues };
    const [lc, dc] = counted.counts;
    if (lc.kind !== "counted") return lc;
    if (hasErrors(lc.count.issues)) return { kind: "invalid", issues: lc.count.issues };
    let deputies: TallyResult | null = null;
    if (dc) {
      if (dc.kind !== "counted") return dc;
      if (hasErrors(dc.count.issues)) return { kind: "invalid", issues: dc.count.issues };
      deputies = withElected(dc.count.result, dc.count.elected, dc.count.final);
    }
    mode = { mode: "election", leader: withElected(lc.count.result, lc.count.elected, lc.count.final), deputies };
    basis = `Kết quả bỏ phiếu ${choice.leaderVote}${choice.deputyVote ? `, ${choice.deputyVote}` : ""}`;
    read = counted.read;
  } else {
    try {
      read = await readWorkbook(host, BASE_READ);
    } catch (e) {
      return { kind: "failed", issues: [readFailed(e)] };
    }
    mode = choice.mode === "rotation" ? { mode: "rotation", deputies: choice.deputies } : { mode: "designation", leader: choice.leader, deputies: choice.deputies };
    basis = choice.mode === "rotation" ? "Luân phiên theo thứ tự danh sách đơn vị" : "Chỉ định";
  }
  const ctx = contextOf(read);
  if (!ctx.bloc) return { kind: "invalid", issues: ctx.blocIssues.length ? ctx.blocIssues : [raise("leader.noBloc", {})] };
  if (hasErrors(ctx.leadershipIssues)) return { kind: "invalid", issues: ctx.leadershipIssues };
  const bloc = ctx.bloc;
  const history = [...ctx.leadership.filter((r) => r.year !== bloc.year), { year: bloc.year, leader: bloc.leader, deputies: bloc.deputies, how: "recorded" as const, basis: "Hồ sơ khối" }];
  const year = bloc.year + 1;
  const next = nextLeadership({ roster: bloc.members, history, year, mode });
  if (!next.leader || hasErrors(next.issues)) return { kind: "invalid", issues: next.issues };
  const how = choice.mode === "election" ? "election" : choice.mode;
  let rows = ctx.leadership;
  if (!rows.some((r) => r.year === bloc.year)) rows = upsertLeadership(rows, history[history.length - 1]).rows;
  rows = upsertLeadership(rows, { year, leader: next.leader, deputies: next.deputies, how, basis }).rows;
  const plan = leadershipSheetPlan(rows, { members: bloc.members.map((m) => m.name) });
  const existing = read.byName[LEADERSHIP_SHEET]?.exists ? read.byName[LEADERSHIP_SHEET].name : read.byDefinedName["BX_TruongKhoi_Bang"]?.exists ? read.byDefinedName["BX_TruongKhoi_Bang"].name : null;
  if (existing) plan.name = existing;
  const leadRead = read.byName[LEADERSHIP_SHEET]?.exists ? read.byName[LEADERSHIP_SHEET] : read.byDefinedName["BX_TruongKhoi_Bang"];
  const out = await write(host, read, [plan], {
    keep: keepIfExtra(leadRead, leadershipSheetPlan(ctx.leadership, { members: bloc.members.map((m) => m.name) }), "leadership.sheet.keptOld"),
    activate: plan.name,
    log: { action: "Ghi trưởng khối năm sau", object: `Năm ${year}`, counts: `Trưởng khối: ${next.leader}; phó: ${next.deputies.join(", ") || "—"}`, note: basis },
  });
  void opts;
  return out.kind === "written" ? { ...out, leader: next.leader, deputies: next.deputies, year, issues: [...out.issues, ...next.issues] } : out;
}

/** A tally whose conclusion carries the meeting's choice, for the leadership step. */
function withElected(r: TallyResult, elected: string[], final: boolean): TallyResult {
  return { ...r, conclusion: { ...r.conclusion, elected, final, meetingDecides: final ? null : r.conclusion.meetingDecides } };
}

