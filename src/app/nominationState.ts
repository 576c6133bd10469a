import { raise } from "../domain/codes";
import { readFailed, unfinishedIssues } from "./failures";
import type { Bloc } from "../domain/bloc/bloc";
import { hasErrors, type Issue } from "../domain/issues";
import { defaultCatalogue, validateCatalogue } from "../domain/nomination/catalogue";
import { nominate } from "../domain/nomination/engine";
import type { AwardVote, Catalogue, Proposal, Standing } from "../domain/nomination/model";
import { nameKey } from "../domain/text";
import { ruleText } from "../domain/voting/model";
import type { VoteRecord } from "../domain/voting/record";
import type { ExcelHost } from "../excel/host";
import { readWorkbook, type SheetRead, type WorkbookRead } from "../excel/read";
import { readRegistrationSheet, REGISTRATION_READ } from "../workbook/start/registrationSheet";
import { readLeadershipSheet, type LeadershipRow } from "../workbook/bloc/leadershipSheet";
import type { Grid } from "../workbook/grid";
import { CATALOGUE_SHEET, readCatalogueSheet } from "../workbook/nomination/catalogueSheet";
import { emptyMeeting, MEETING_SHEET, MEETING_TABLE_NAME, readMeetingRecord, type MeetingRecord } from "../workbook/nomination/meetingRecordSheet";
import { readSummary, SUMMARY_SHEET, type SummaryLine } from "../workbook/scoring/summarySheet";
import { documentsFreshness, NOMINATION_SHEETS, type DocumentFreshness } from "./nominationSources";
import { BASE_READ, contextOf, countFromRead, countRequest, voteSheets, type CountResult, type VotingContext } from "./voting";

/**
 * The nomination step (issue #5): from the ranking, the classification and the award votes' final
 * counts, the proposed list with every unit's reasons; the meeting's overrides (recorded with their
 * reasons on "Hội nghị bình xét"); the list and the review-meeting minutes as sheets; the submission,
 * the minutes and the list as documents and exports.
 *
 * Reading costs two round trips, whatever the size: the first finds the votes, the second reads
 * every award vote's entry sheets (their names are only known after the first). Writing costs one more.
 */

const gridOf = (r: SheetRead): Grid => ({ sheet: r.name, row: r.row, col: r.col, values: r.values });

export { NOMINATION_SHEETS };

const EXTRA = {
  sheets: [CATALOGUE_SHEET, MEETING_SHEET, NOMINATION_SHEETS.list, NOMINATION_SHEETS.minutes, ...REGISTRATION_READ.sheets],
  sheetsOfNames: ["BX_KhenThuong", MEETING_TABLE_NAME, ...REGISTRATION_READ.sheetsOfNames],
};

export interface NominationState {
  read: WorkbookRead;
  voting: VotingContext;
  bloc: Bloc | null;
  catalogue: Catalogue;
  /** Whether the catalogue came from the workbook's "Khen thưởng" sheet (else the defaults, written on generate). */
  catalogueInWorkbook: boolean;
  meeting: MeetingRecord;
  meetingInWorkbook: boolean;
  standings: Standing[];
  /** The summary's lines as read, with each unit's scores by section. */
  results: SummaryLine[];
  /** Each award's final count, rounds combined. */
  votes: AwardVote[];
  /** Every vote's count (award votes and the others), by id. */
  counts: Record<string, CountResult>;
  proposals: Proposal[];
  list: Proposal[];
  leadership: LeadershipRow[];
  /**
   * The units' registrations of the start of the year (đăng ký thi đua): per unit, the award ids it
   * registered for; null when the workbook has no registration list (the engine then checks nothing
   * and warns once, `nomination.registration.none`).
   */
  registrations: Registrations;
  /** Where the summary's columns are, for linked formulas. */
  summaryCols: { stt: number; unit: number; total: number; rank: number } | null;
  /** The generated list and minutes the workbook holds, each against what it was built from (issue #14 item 3). */
  documents: DocumentFreshness[];
  issues: Issue[];
}

/** The chain of rounds of each vote (V1, V1_2, …), in round order. */
function chains(records: VoteRecord[]): VoteRecord[][] {
  const by = new Map<string, VoteRecord[]>();
  for (const r of records) {
    const base = r.id.replace(/_[0-9]+$/, "");
    by.set(base, [...(by.get(base) ?? []), r]);
  }
  return [...by.values()].map((rs) => [...rs].sort((a, b) => a.vote.round - b.vote.round));
}

/** An award's final count from its rounds: the elected of every round; each candidate's figures from the last round it stood in. */
function awardVote(rounds: VoteRecord[], counts: Record<string, CountResult>): (AwardVote & { roundOf: Record<string, string> }) | null {
  const first = rounds[0];
  if (first.vote.purpose.kind !== "award") return null;
  const done = rounds.map((r) => counts[r.id]).filter(Boolean);
  const last = counts[rounds[rounds.length - 1].id];
  const figures = new Map<string, { name: string; votes: number; percent: number; passes: boolean }>();
  const roundOf: Record<string, string> = {};
  for (const c of done) {
    for (const x of c.result.candidates) {
      figures.set(nameKey(x.name), { name: x.name, votes: x.votes, percent: x.percent, passes: x.passes });
      roundOf[nameKey(x.name)] = c.record.id;
    }
  }
  const elected: string[] = [];
  for (const c of done) for (const e of c.elected) if (!elected.some((x) => nameKey(x) === nameKey(e))) elected.push(e);
  const clean = done.every((c) => !hasErrors(c.issues));
  return {
    award: first.vote.purpose.award,
    voteId: first.id,
    final: !!last && last.final && clean && done.length === rounds.length,
    elected,
    candidates: [...figures.values()],
    denominator: counts[first.id]?.result.totals.denominator.value ?? 0,
    ruleText: ruleText(first.vote),
    rule: first.vote.rule,
    roundOf,
  };
}

/** An award vote without the app's bookkeeping. */
const plain = (v: AwardVote & { roundOf: Record<string, string> }): AwardVote => ({ award: v.award, voteId: v.voteId, final: v.final, elected: v.elected, candidates: v.candidates, denominator: v.denominator, ruleText: v.ruleText, rule: v.rule });

/** Per unit, the award ids it registered for at the start of the year; null = no registration list. */
export type Registrations = { unit: string; awards: string[] }[] | null;

/**
 * The workbook's registration list (issue #12: the "Đăng ký thi đua" sheet), as the engine takes it:
 * its rows' units and award ids, or null when the workbook has no registration sheet.
 */
export function registrationsOf(read: WorkbookRead): Registrations {
  const r = readRegistrationSheet(read);
  return r ? r.rows.map((x) => ({ unit: x.unit, awards: [...x.awards] })) : null;
}

/**
 * Reads everything the nomination needs (two round trips) and proposes the list. `registrations`
 * replaces the workbook's registration list (tests, and callers holding one already).
 */
export async function loadNomination(host: ExcelHost, opts: { registrations?: Registrations } = {}): Promise<{ ok: true; state: NominationState } | { ok: false; issues: Issue[] }> {
  let first: WorkbookRead;
  try {
    first = await readWorkbook(host, { sheets: [...BASE_READ.sheets], sheetsOfNames: [...BASE_READ.sheetsOfNames] });
  } catch (e) {
    return { ok: false, issues: [readFailed(e)] };
  }
  const ids = contextOf(first).records.map((r) => r.id);
  let read: WorkbookRead;
  try {
    // Each count's minutes sheet too: its .docx prints the date and place the sheet gives (issue #14 item 2).
    read = await readWorkbook(host, countRequest(ids, { sheets: [...EXTRA.sheets, ...ids.map((id) => voteSheets(id).minutes.sheet)], sheetsOfNames: EXTRA.sheetsOfNames }));
  } catch (e) {
    return { ok: false, issues: [readFailed(e)] };
  }
  return { ok: true, state: stateOf(read, opts.registrations === undefined ? registrationsOf(read) : opts.registrations) };
}

function stateOf(read: WorkbookRead, registrations: Registrations): NominationState {
  const voting = contextOf(read);
  // A sheet the nomination is drawn from whose last write stopped part-way (those it writes itself are finished by writing them again).
  const writes = [CATALOGUE_SHEET, MEETING_SHEET, NOMINATION_SHEETS.list, NOMINATION_SHEETS.minutes].map(nameKey);
  const issues: Issue[] = [...unfinishedIssues(read, (s) => !writes.includes(nameKey(s))), ...voting.blocIssues, ...voting.recordIssues.filter((i) => i.severity === "error")];
  // The registration sheet's own problems (a value not "x", a unit twice), where it says them.
  issues.push(...(readRegistrationSheet(read)?.issues ?? []));
  const pick = (sheet: string, name: string) => (read.byName[sheet]?.exists ? read.byName[sheet] : read.byDefinedName[name]);

  const cr = pick(CATALOGUE_SHEET, "BX_KhenThuong");
  let catalogue = defaultCatalogue();
  let catalogueInWorkbook = false;
  if (cr?.exists) {
    const r = readCatalogueSheet(gridOf(cr));
    issues.push(...r.issues);
    if (r.found && r.catalogue) {
      catalogue = r.catalogue;
      catalogueInWorkbook = true;
      issues.push(...validateCatalogue(catalogue).map((i) => (i.where ? i : { ...i, where: { sheet: cr.name } })));
    }
  }
  const mr = pick(MEETING_SHEET, MEETING_TABLE_NAME);
  let meeting = emptyMeeting();
  let meetingInWorkbook = false;
  if (mr?.exists) {
    const r = readMeetingRecord(gridOf(mr));
    issues.push(...r.issues);
    meeting = r.meeting;
    meetingInWorkbook = r.found;
  }
  const sr = pick(SUMMARY_SHEET, "BX_TongHop");
  const summary = sr?.exists ? readSummary(gridOf(sr)) : { found: false, lines: [], cols: null };
  if (!summary.found) issues.push(raise("nomination.noSummary", { sheet: SUMMARY_SHEET }));
  const standings: Standing[] = summary.lines.map((l) => ({ unit: l.unit, total: l.total, rank: l.rank, band: l.band, leading: l.leading }));

  const counts: Record<string, CountResult> = {};
  for (const r of voting.records) {
    const c = countFromRead(read, voting, r.id);
    if (c.kind === "counted") counts[r.id] = c.count;
  }
  const awardVotes = chains(voting.records)
    .map((rounds) => awardVote(rounds, counts))
    .filter((v): v is NonNullable<typeof v> => v !== null);
  // The last vote held for an award is the one that counts.
  const byAward = new Map<string, (typeof awardVotes)[number]>();
  for (const v of awardVotes) byAward.set(nameKey(v.award), v);
  const votes = [...byAward.values()];
  for (const v of votes) {
    if (!v.final) issues.push(raise("nomination.vote.notFinal", { vote: v.voteId, award: v.award }));
  }
  const out = nominate({ catalogue, standings, votes: votes.map(plain), overrides: meeting.overrides, registrations });
  // A proposal's figures come from the round its unit last stood in.
  const fix = (p: Proposal): Proposal => {
    const v = votes.find((x) => x.voteId === p.voteId);
    const round = v?.roundOf[nameKey(p.unit)];
    if (!v || !round) return p;
    const den = counts[round]?.result.totals.denominator.value;
    return { ...p, voteId: round, denominator: p.denominator === null || den === undefined ? p.denominator : den };
  };
  const lr = pick("Trưởng khối các năm", "BX_TruongKhoi_Bang");
  const leadership = lr?.exists ? readLeadershipSheet(gridOf(lr)).rows : [];
  const list = out.list.map(fix);
  const fresh = documentsFreshness(read, { bloc: voting.bloc, standings, list, counts, meeting, leadership });
  return {
    read,
    voting,
    bloc: voting.bloc,
    catalogue,
    catalogueInWorkbook,
    meeting,
    meetingInWorkbook,
    standings,
    results: summary.lines,
    votes: votes.map(plain),
    counts,
    proposals: out.proposals.map(fix),
    list,
    leadership,
    registrations,
    summaryCols: summary.cols,
    documents: fresh.documents,
    issues: [...issues, ...out.issues, ...fresh.issues],
  };
}
