import type { Issue } from "../issues";

/**
 * Where a vote stands, worked out from what the workbook holds (issue #14 item 1: the pane showed
 * "Chưa kiểm phiếu" after a reload for a vote counted, minuted and used): the same after any reload,
 * on any machine. The count is a pure function of the entry sheets, so the stage is too.
 *
 *  - `created`: no ballot (or hand-count total) entered yet;
 *  - `errors`: the count has errors that block a result (a meeting's pending choice is not one);
 *  - `revote` / `runoff`: the count leaves a new round to hold;
 *  - `meeting`: a tie left to the meeting, not yet decided;
 *  - `final`: the result stands (with the meeting's decision when there was one).
 */
export type VoteStage = "created" | "errors" | "revote" | "runoff" | "meeting" | "final";

/** What a count tells the stage: the ballots it read, its issues, what it concludes, whether it is final. */
export interface StageInput {
  ballots: number;
  issues: readonly Issue[];
  /** A pending revote or run-off (any value but null means one is pending). */
  conclusion: { revote: unknown; runoff: unknown };
  final: boolean;
}

/** Errors that keep a count from a result: every error but the meeting's own (a choice still to record). */
export const blockingIssues = (issues: readonly Issue[]): Issue[] => issues.filter((i) => i.severity === "error" && !i.code.startsWith("vote.meeting."));

export function voteStage(count: StageInput | null): VoteStage {
  if (!count || count.ballots === 0) return "created";
  if (blockingIssues(count.issues).length) return "errors";
  if (count.conclusion.revote) return "revote";
  if (count.conclusion.runoff) return "runoff";
  if (!count.final) return "meeting";
  return "final";
}
