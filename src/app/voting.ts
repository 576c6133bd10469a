/**
 * The secret-ballot use cases (issue #4): create a vote (its definition on "Bỏ phiếu", its entry
 * sheets and printable ballots), count it (one read: the entries, reconciled, checked, tallied,
 * ties settled by the declared rule), record the meeting's decisions, start a revote round, write
 * the vote-count minutes, and write next year's bloc leadership. Reads cost one round trip, writes
 * one more; nothing is kept outside the workbook.
 */
export { BASE_READ, contextOf, keepIfExtra, loadVoting, voteSheets, type VotingContext, type WriteOutcome } from "./voting/shared";
export * from "./voting/create";
export * from "./voting/count";
export * from "./voting/enter";
export * from "./voting/decisions";
export * from "./voting/print";

// ---------------------------------------------------------------------------------------- import

/** Reads ballots typed in another copy of the workbook (.xlsx), for importing into an entry; the reader loads only when used. */
export async function readBallotsFromFile(bytes: Uint8Array, opts: { voteId: string; candidates: string[]; title?: string }) {
  const { readBallotFile } = await import("../export/ballotFile");
  return readBallotFile(bytes, opts);
}
export type { BallotFileRead, BallotFileSheet } from "../export/ballotFile";
