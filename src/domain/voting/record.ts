import { raise } from "../codes";
import { type Issue } from "../issues";
import { cleanText, nameKey } from "../text";
import type { Decision } from "./doubleEntry";
import { type Vote, type VoteDraft } from "./model";

/**
 * A vote as the bloc records it in the workbook (rule 1): its definition plus what the count
 * needs beyond the ballots — ballots issued, how the ballots are entered, and the decisions taken
 * at the meeting (which of two differing entries to use; the meeting's choice on a tie).
 */
export interface VoteRecord {
  /** A name-safe id, unique in the workbook: "V1", "V2", … ; a revote round of V1 is "V1_2". */
  id: string;
  vote: Vote;
  /** Ballots issued (phiếu phát ra); null until known. */
  issued: number | null;
  /** Ballot by ballot (one row per paper ballot) or totals counted by hand. */
  entry: "ballots" | "handCount";
  /** A second, independent entry of the same ballots (ballot-by-ballot entry only). */
  doubleEntry: boolean;
  /** Which entry the committee accepted when the two differ; null while undecided or when they agree. */
  decision: Decision;
  /** The meeting's choice among candidates tied at the cutoff (tie step "meetingDecides"); null until taken. */
  meeting: { elected: string[]; note: string } | null;
}

/** A vote record being created: its rule may not be chosen yet (see `checkRuleChosen`). */
export type VoteRecordDraft = Omit<VoteRecord, "vote"> & { vote: VoteDraft };

/** Name-safe vote ids: V + number, optionally _round. */
export const VOTE_ID = /^V[1-9][0-9]{0,2}(_[1-9][0-9]?)?$/;

/** The next free id for a new vote. */
export function nextVoteId(existing: readonly string[]): string {
  let max = 0;
  for (const id of existing) {
    const m = /^V([0-9]+)/.exec(id);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return `V${max + 1}`;
}

/** The id of the revote round that continues `id` (V3 round 1 → V3_2; V3_2 → V3_3). */
export function revoteId(id: string, round: number): string {
  const base = id.replace(/_[0-9]+$/, "");
  return `${base}_${round}`;
}

/**
 * The result after the meeting's decision on a tie left to it: the meeting's choice must name
 * exactly the pending seats' number of candidates, all among those tied.
 */
export function applyMeeting(
  pending: { candidates: string[]; seats: number } | null,
  elected: readonly string[],
  meeting: VoteRecord["meeting"],
): { elected: string[]; decided: boolean; issues: Issue[] } {
  if (!pending) {
    // A choice recorded while the count has no tie left to the meeting applies to nothing: said, not dropped (issue #11).
    const noTie = meeting && meeting.elected.length > 0 ? [raise("vote.meeting.noTie", { names: meeting.elected.map((n) => `"${cleanText(n)}"`).join(", ") })] : [];
    return { elected: [...elected], decided: true, issues: noTie };
  }
  if (!meeting || meeting.elected.length === 0) return { elected: [...elected], decided: false, issues: [] };
  const tied = new Map(pending.candidates.map((c) => [nameKey(c), c]));
  const issues: Issue[] = [];
  const chosen: string[] = [];
  for (const name of meeting.elected) {
    const hit = tied.get(nameKey(name));
    if (!hit) {
      issues.push(
        raise("vote.meeting.notTied", { name: cleanText(name), tied: pending.candidates.join(", ") }),
      );
    } else if (!chosen.includes(hit)) chosen.push(hit);
  }
  if (!issues.length && chosen.length !== pending.seats) {
    issues.push(
      raise("vote.meeting.seats", { seats: pending.seats, chosen: chosen.length }),
    );
  }
  if (issues.length) return { elected: [...elected], decided: false, issues };
  return { elected: [...elected, ...chosen], decided: true, issues: [] };
}
