import { readFailed, unfinishedIssues } from "../failures";
import { raise } from "../../domain/codes";
import { hasErrors, type Issue, type Message, type Where } from "../../domain/issues";
import { nameKey } from "../../domain/text";
import { reconcile, type EntryDifference } from "../../domain/voting/doubleEntry";
import { ballotsFingerprint, handCountFingerprint } from "../../domain/voting/fingerprint";
import { type Ballot, type HandCount, type Vote, type VoteIssue } from "../../domain/voting/model";
import { applyMeeting, type VoteRecord } from "../../domain/voting/record";
import { tally, type TallyResult } from "../../domain/voting/tally";
import type { ExcelHost } from "../../excel/host";
import { readWorkbook, type WorkbookRead } from "../../excel/read";
import { cellAddress } from "../../workbook/a1";
import type { Grid } from "../../workbook/grid";
import { FIELD_LABELS as ENTRY_LABELS, readBallotSheetRows, type BallotSheetRead } from "../../workbook/voting/ballotSheet";
import { readHandCountSheet } from "../../workbook/voting/handCountSheet";
import { VOTE_SHEET } from "../../workbook/voting/voteSheet";
import { anchor, BASE_READ, contextOf, readOrNull, voteSheets, type VotingContext } from "./shared";

/** Counting a vote: one read of its entries, reconciled, checked, tallied, ties settled by the declared rule. */

// ---------------------------------------------------------------------------------------- count

export interface CountResult {
  record: VoteRecord;
  result: TallyResult;
  /** After the meeting's decision, when one was recorded for a tie left to it. */
  elected: string[];
  final: boolean;
  differences: EntryDifference[];
  entryStatement: Message | null;
  fingerprint: string;
  /** Every issue, placed on its sheet and cell. */
  issues: Issue[];
  ballots: number;
}

export type CountOutcome = { kind: "counted"; count: CountResult; context: VotingContext; read: WorkbookRead } | { kind: "invalid"; issues: Issue[] } | { kind: "failed"; issues: Issue[] };

/** Where a vote issue goes: its ballot's row, its candidate's column, or the total's cell. */
function placer(record: VoteRecord, ctx: VotingContext, first: BallotSheetRead | null, firstGrid: Grid | null, hand: ReturnType<typeof readHandCountSheet> | null, handGrid: Grid | null) {
  const rowOf = new Map<number, number>();
  for (const r of first?.rows ?? []) if (!rowOf.has(r.ballot.number)) rowOf.set(r.ballot.number, r.row);
  const defField: Record<string, string> = { members: "members", present: "present", issued: "issued" };
  return (i: VoteIssue): Issue => {
    const { ref, ...rest } = i;
    let where: Where | undefined = i.where;
    if (ref.total && defField[ref.total]) where = ctx.cellOf(record.id, defField[ref.total]);
    else if (ref.total && hand && handGrid) {
      const c = hand.cells.total[ref.total];
      if (c) where = { sheet: handGrid.sheet, cell: c };
    } else if (ref.total && firstGrid && ref.total in ENTRY_LABELS) {
      // A total of the ballots entered: its cell in the entry sheet's results block (beside its label).
      const label = nameKey(ENTRY_LABELS[ref.total as keyof typeof ENTRY_LABELS]);
      firstGrid.values.forEach((row, r) =>
        row.forEach((v, c) => {
          if (!where && typeof v === "string" && nameKey(v) === label) where = { sheet: firstGrid.sheet, cell: cellAddress(firstGrid.row + r, firstGrid.col + c + 1) };
        }),
      );
    } else if (ref.ballot !== undefined && firstGrid && rowOf.has(ref.ballot)) where = { sheet: firstGrid.sheet, cell: `A${rowOf.get(ref.ballot)}` };
    else if (ref.candidate && hand && handGrid) {
      const c = hand.cells.candidate[ref.candidate] ?? Object.entries(hand.cells.candidate).find(([k]) => nameKey(k) === nameKey(ref.candidate as string))?.[1];
      if (c) where = { sheet: handGrid.sheet, cell: c };
    }
    if (!where && i.field) where = ctx.cellOf(record.id, i.field.split(".")[0]);
    return where ? { ...rest, where } : rest;
  };
}

function entryIssues(read: BallotSheetRead, grid: Grid, which: string, vote?: Vote): Issue[] {
  const out: Issue[] = [];
  if (vote) {
    const want = vote.candidates.map(nameKey);
    const have = read.candidates.map(nameKey);
    if (want.length !== have.length || want.some((k, i) => k !== have[i])) {
      out.push(
        raise("vote.entry.candidatesChanged", { which, entered: read.candidates.length, sheet: VOTE_SHEET, listed: vote.candidates.length }, { sheet: grid.sheet, cell: cellAddress(grid.row, grid.col) }),
      );
    }
  }
  for (const row of read.noNumber) {
    out.push(raise("vote.entry.noNumber", { which, row }, { sheet: grid.sheet, cell: `A${row}` }));
  }
  for (const cell of read.unnamedMarks) {
    out.push(
      raise("vote.entry.markNoCandidate", { which, cell }, { sheet: grid.sheet, cell }),
    );
  }
  for (const cell of read.unknownMarks) {
    out.push(raise("vote.entry.unknownMark", { which, cell }, { sheet: grid.sheet, cell }));
  }
  return out;
}

/**
 * Counts a vote from the workbook, in one round trip: reads its definition and entry sheets, the
 * ranking (for the "higher score" step), reconciles a double entry, checks, tallies and settles a
 * tie by the declared rule; applies the meeting's recorded decision.
 */
export async function countVote(host: ExcelHost, id: string): Promise<CountOutcome> {
  let read: WorkbookRead;
  try {
    // The minutes sheet too: a line added to it by hand is kept aside before it is written again (issue #11).
    read = await readWorkbook(host, countRequest([id], { sheets: [voteSheets(id).minutes.sheet] }));
  } catch (e) {
    return { kind: "failed", issues: [readFailed(e)] };
  }
  return countFromRead(read, contextOf(read), id);
}

/**
 * A ballot entry sheet: a row per ballot (up to 10,000), a column per candidate (up to 60) and the
 * results block beside; marks "x"/"k" or empty, about 5 bytes a cell in a response.
 */
export const ENTRY_READ = { width: 80, cellBytes: 5 };

/** What a count of these votes reads: the base sheets and every entry sheet of each (one round trip, more only for very long entry sheets). */
export function countRequest(ids: readonly string[], extra: { sheets?: string[]; sheetsOfNames?: string[] } = {}) {
  const anchors = ids.flatMap((id) => Object.values(anchor(id)));
  const entries = ids.flatMap((id) => [anchor(id).first, anchor(id).second]);
  return {
    sheets: [...BASE_READ.sheets, ...(extra.sheets ?? [])],
    sheetsOfNames: [...BASE_READ.sheetsOfNames, ...anchors, ...(extra.sheetsOfNames ?? [])],
    formulasOf: [...BASE_READ.formulasOf, ...(extra.sheets ?? [])],
    heavy: Object.fromEntries(entries.map((n) => [n, ENTRY_READ])),
  };
}

/** Counts several votes from one read (the nomination step counts every award vote at once). */
export async function countVotes(host: ExcelHost, ids: readonly string[], extra: { sheets?: string[]; sheetsOfNames?: string[] } = {}): Promise<{ ok: true; read: WorkbookRead; context: VotingContext; counts: CountOutcome[] } | { ok: false; issues: Issue[] }> {
  let read: WorkbookRead;
  try {
    read = await readWorkbook(host, countRequest(ids, extra));
  } catch (e) {
    return { ok: false, issues: [readFailed(e)] };
  }
  const context = contextOf(read);
  return { ok: true, read, context, counts: ids.map((id) => countFromRead(read, context, id)) };
}

/** Counts one vote from what was read: reconcile, check, tally, settle, apply the meeting's decision. */
export function countFromRead(read: WorkbookRead, ctx: VotingContext, id: string): CountOutcome {
  const a = anchor(id);
  const record = ctx.records.find((r) => r.id === id);
  if (!record) {
    return { kind: "invalid", issues: [raise("vote.notFound", { id, sheet: VOTE_SHEET }), ...ctx.recordIssues] };
  }
  const { vote } = record;
  const issues: Issue[] = [];
  const scores: Record<string, number> = {};
  for (const l of ctx.summary) if (l.total !== null) scores[l.unit] = l.total;
  // A sheet of this vote whose last write stopped part-way is not counted from.
  const own = Object.values(voteSheets(id)).map((x) => nameKey(x.sheet));
  issues.push(...unfinishedIssues(read, (sheet) => own.includes(nameKey(sheet)) || nameKey(sheet) === nameKey(VOTE_SHEET)));
  const issuedCell = ctx.cellOf(id, "issued");
  let issued = record.issued;
  if (issued === null) {
    issues.push(raise("vote.issued.missing", { id }, issuedCell));
    issued = 0;
  }

  let result: TallyResult;
  let differences: EntryDifference[] = [];
  let entryStatement: Message | null = null;
  let fingerprint: string;
  let ballots = 0;
  if (record.entry === "ballots") {
    const g1 = readOrNull(read.byDefinedName[a.first]);
    if (!g1) return { kind: "invalid", issues: [raise("vote.entry.missing", { sheet: voteSheets(id).first.sheet, id })] };
    const r1 = readBallotSheetRows(g1);
    issues.push(...entryIssues(r1, g1, record.doubleEntry ? "Lần nhập 1" : "Nhập phiếu", vote));
    let use: Ballot[] = r1.rows.map((r) => r.ballot);
    if (record.doubleEntry) {
      const g2 = readOrNull(read.byDefinedName[a.second]);
      if (!g2) return { kind: "invalid", issues: [raise("vote.entry.missing", { sheet: voteSheets(id).second.sheet, id })] };
      const r2 = readBallotSheetRows(g2);
      issues.push(...entryIssues(r2, g2, "Lần nhập 2", vote));
      const rec = reconcile(vote.candidates, use, r2.rows.map((r) => r.ballot), record.decision);
      differences = rec.differences;
      entryStatement = rec.statement;
      const row2 = new Map(r2.rows.map((r) => [r.ballot.number, r.row]));
      // A difference points at the second entry's cell (the ballot's number, or its mark for the candidate).
      const col = (cand?: string) => {
        const k = cand ? vote.candidates.findIndex((c) => nameKey(c) === nameKey(cand)) : -1;
        return k >= 0 ? 1 + k : 0;
      };
      for (const d of rec.issues) {
        const r = row2.get(d.ref.ballot) ?? r1.rows.find((x) => x.ballot.number === d.ref.ballot)?.row;
        const { ref, ...rest } = d;
        issues.push(r ? { ...rest, where: { sheet: row2.has(ref.ballot) ? g2.sheet : g1.sheet, cell: cellAddress(r - 1, col(ref.candidate)) } } : rest);
      }
      if (rec.ballots) use = rec.ballots;
    }
    ballots = use.length;
    result = tally(vote, { ballots: use }, { issued, scores });
    fingerprint = ballotsFingerprint(use);
    const place = placer(record, ctx, r1, g1, null, null);
    issues.push(...result.issues.map(place));
  } else {
    const g = readOrNull(read.byDefinedName[a.hand]);
    if (!g) return { kind: "invalid", issues: [raise("vote.entry.missing", { sheet: voteSheets(id).hand.sheet, id })] };
    const hc = readHandCountSheet(g);
    issues.push(...hc.issues);
    const count: HandCount = hc.count ?? { issued, returned: 0, valid: 0, invalid: 0, votes: {} };
    result = tally(vote, { handCount: { ...count, issued } }, { issued, scores });
    fingerprint = handCountFingerprint(count);
    ballots = count.returned;
    const place = placer(record, ctx, null, null, hc, g);
    issues.push(...result.issues.map(place));
  }
  const meeting = applyMeeting(result.conclusion.meetingDecides, result.conclusion.elected, record.meeting);
  issues.push(...meeting.issues.map((i) => ({ ...i, where: ctx.cellOf(id, "elected") })));
  const concluded = !hasErrors(issues);
  const final = concluded && !result.conclusion.revote && !result.conclusion.runoff && meeting.decided;
  return { kind: "counted", count: { record, result, elected: meeting.elected, final, differences, entryStatement, fingerprint, issues, ballots }, context: ctx, read };
}

