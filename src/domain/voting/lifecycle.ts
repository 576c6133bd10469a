import { hasErrors, type Issue } from "../issues";
import type { Decision } from "./doubleEntry";
import { blockingIssues, voteStage, type VoteStage } from "./stage";

/**
 * A vote's life as a state machine (issue #13 Deliver 5, after kiesraad/abacus's data entry): the
 * states a round passes through, the moves allowed between them, and what each state lets the user
 * do next. The state is derived from the workbook (the record and the count of its entry sheets,
 * issue #14 item 1), so the pane displays it and never works it out.
 *
 *  - `created`: the vote exists; no ballot (or hand-count total) entered yet;
 *  - `entered`: ballots are entered but the count cannot stand: an entry error, or (double entry,
 *    DOMAIN.md §4 "two typists … a coordinator resolve differences") the two entries still differ;
 *  - `compared`: the two entries agree (or the committee chose one) but the count is still blocked;
 *  - `counted`: the count has a result with a tie at the cutoff left to the meeting (DOMAIN.md §4
 *    "the meeting's decision"), not yet recorded;
 *  - `settled`: a tie at the cutoff was settled (the higher score, a lot, or the meeting's recorded
 *    choice, DOMAIN.md §4): passed on the way to `final`;
 *  - `revote`: the count calls a new round: a revote among the tied (DOMAIN.md §4) or a run-off for
 *    seats too few reached the rule for; the next round is a new vote, which starts `created`;
 *  - `final`: the result stands; the minutes may be written.
 */
export type VoteState = "created" | "entered" | "compared" | "counted" | "settled" | "revote" | "final";

/** The moves allowed: forward as the work is done, back to `entered` when an entry is changed. */
export const TRANSITIONS: Readonly<Record<VoteState, readonly VoteState[]>> = {
  created: ["entered"],
  // A single entry is counted at once; a double entry is compared first. Cleared entries go back to `created`.
  entered: ["created", "compared", "counted"],
  compared: ["entered", "counted"],
  counted: ["entered", "settled", "revote", "final"],
  settled: ["entered", "final"],
  // The round ends here: the next round is a new vote (its own life, from `created`).
  revote: ["entered"],
  final: ["entered"],
};

export const canMove = (from: VoteState, to: VoteState): boolean => TRANSITIONS[from].includes(to);

/**
 * What the pane shows for a vote (its badge): `new` (nothing entered), `decided` (nothing entered
 * now, but the record keeps a committee's or meeting's decision), `errors`, `revote`, `runoff`,
 * `meeting` (a choice left to the meeting), `final`.
 */
export type VoteStatus = "new" | "decided" | "errors" | "revote" | "runoff" | "meeting" | "final";

/**
 * What a state lets the user do next: `enter` ballots (type or import), `count`, `fix` the entries a
 * count refused, `decideEntry` (which of two differing entries counts), `decideMeeting` (the
 * meeting's choice among the tied), start the `revote` or the `runoff`, write the `minutes`.
 */
export type VoteAction = "enter" | "count" | "fix" | "decideEntry" | "decideMeeting" | "revote" | "runoff" | "minutes";

/** What the derivation reads: the record's own decisions, and its count (null before any). */
export interface LifeRecord {
  doubleEntry: boolean;
  decision: Decision;
  meeting: { elected: string[]; note: string } | null;
}
export interface LifeCount {
  ballots: number;
  issues: readonly Issue[];
  /** The entries' differences (double entry); empty when they agree. */
  differences: readonly unknown[];
  final: boolean;
  result: { tie: unknown; conclusion: { revote: unknown; runoff: unknown } };
}

export interface VoteLife {
  state: VoteState;
  /** The states passed, `created` first and `state` last: each step an allowed move. */
  path: VoteState[];
  status: VoteStatus;
  next: VoteAction[];
}

const STATUS: Record<VoteStage, VoteStatus> = { created: "new", errors: "errors", revote: "revote", runoff: "runoff", meeting: "meeting", final: "final" };

/** A vote's state, the way there, its status and what may be done next, from its record and its count. */
export function voteLife(record: LifeRecord, count: LifeCount | null): VoteLife {
  const stage = voteStage(count ? { ballots: count.ballots, issues: count.issues, conclusion: count.result.conclusion, final: count.final } : null);
  if (!count || stage === "created") {
    return { state: "created", path: ["created"], status: record.decision || record.meeting ? "decided" : "new", next: ["enter", "count", "minutes"] };
  }
  const path: VoteState[] = ["created", "entered"];
  // Double entry: the entries are compared once they agree or the committee chose one of them.
  const agreed = record.doubleEntry && (count.differences.length === 0 || record.decision !== null);
  if (agreed) path.push("compared");
  const status = STATUS[stage];
  const common: VoteAction[] = ["enter", "count", "minutes"];
  if (stage === "errors") {
    const next: VoteAction[] = ["fix", ...common];
    if (record.doubleEntry && count.differences.length > 0) next.unshift("decideEntry");
    return { state: path[path.length - 1], path, status, next };
  }
  path.push("counted");
  if (stage === "revote" || stage === "runoff") {
    path.push("revote");
    // A round is started only from a count with no error at all (a meeting's pending choice included).
    const open: VoteAction[] = hasErrors(count.issues) ? [] : [...(count.result.conclusion.revote ? (["revote"] as const) : []), ...(count.result.conclusion.runoff ? (["runoff"] as const) : [])];
    const next: VoteAction[] = [...open, ...common];
    return { state: "revote", path, status, next };
  }
  if (stage === "meeting") return { state: "counted", path, status, next: ["decideMeeting", ...common] };
  if (count.result.tie || record.meeting) path.push("settled");
  path.push("final");
  return { state: "final", path, status, next: [...common] };
}

export { blockingIssues };
