import { readFailed, unfinishedIssues, writeFailed } from "./failures";
import type { Bloc } from "../domain/bloc/bloc";
import { error, hasErrors, warning, type Issue, type Message } from "../domain/issues";
import { defaultCatalogue, validateCatalogue } from "../domain/nomination/catalogue";
import { nominate } from "../domain/nomination/engine";
import type { AwardVote, Catalogue, Override, Proposal, Standing } from "../domain/nomination/model";
import { cleanText, foldDiacritics, nameKey } from "../domain/text";
import { ruleSourceText, ruleText } from "../domain/voting/model";
import type { VoteRecord } from "../domain/voting/record";
import { writeSheets, type ExistingSheet, type WriteReport } from "../excel/apply";
import type { ExcelHost } from "../excel/host";
import { readWorkbook, type SheetRead, type WorkbookRead } from "../excel/read";
import { readRegistrationSheet, REGISTRATION_READ } from "../workbook/start/registrationSheet";
import { HOW_TEXT, readLeadershipSheet, type LeadershipRow } from "../workbook/bloc/leadershipSheet";
import { columnIndex, columnLetter } from "../workbook/a1";
import type { Grid } from "../workbook/grid";
import { CATALOGUE_SHEET, catalogueSheetPlan, readCatalogueSheet } from "../workbook/nomination/catalogueSheet";
import { LIST_TITLE, listLayout, listSheetPlan, type ListInput } from "../workbook/nomination/listSheet";
import {
  addresseeOf,
  DEFAULT_RECIPIENTS,
  emptyMeeting,
  MEETING_SHEET,
  MEETING_TABLE_NAME,
  meetingRecordPlan,
  readMeetingRecord,
  recipientLines,
  type MeetingRecord,
} from "../workbook/nomination/meetingRecordSheet";
import { MEETING_TITLE, meetingLayout, meetingSheetPlan, type MeetingInput } from "../workbook/nomination/meetingSheet";
import { submissionLayout } from "../workbook/nomination/submission";
import type { SheetPlan } from "../workbook/plan";
import { readSummary, SUMMARY_SHEET, type SummaryLine } from "../workbook/scoring/summarySheet";
import { achievementLayout, yearEndLayout, type AchievementInput, type UnitVote, type YearEndInput } from "../workbook/nomination/yearReports";
import { minutesLayout, readMinutesWhen } from "../workbook/voting/minutesSheet";
import { BASE_READ, contextOf, keepIfExtra, countFromRead, countRequest, minutesInput, voteSheets, type CountResult, type VotingContext } from "./voting";

/**
 * The nomination step (issue #5): from the ranking, the classification and the award votes' final
 * counts, the proposed list with every unit's reasons; the meeting's overrides (recorded with their
 * reasons on "Hội nghị bình xét"); the list and the review-meeting minutes as sheets; the submission,
 * the minutes and the list as documents and exports.
 *
 * Reading costs two round trips, whatever the size: the first finds the votes, the second reads
 * every award vote's entry sheets (their names are only known after the first). Writing costs one more.
 */

const say = (vi: string, en: string): Message => ({ vi, en });
const gridOf = (r: SheetRead): Grid => ({ sheet: r.name, row: r.row, col: r.col, values: r.values });

export const NOMINATION_SHEETS = { list: "Danh sách đề nghị", minutes: "Biên bản họp bình xét" } as const;

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
  if (!summary.found) issues.push(error("nomination.noSummary", say(`Chưa có trang "${SUMMARY_SHEET}": hãy chèn bảng chấm điểm và kiểm tra điểm trước.`, `No "${SUMMARY_SHEET}" sheet: insert the score sheets and check the scores first.`)));
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
    if (!v.final) issues.push(error("nomination.vote.notFinal", say(`Cuộc bỏ phiếu ${v.voteId} (${v.award}) chưa có kết quả cuối cùng: kiểm phiếu, xử lý bằng phiếu hoặc bỏ phiếu lại trước.`, `Vote ${v.voteId} (${v.award}) has no final result yet: count, settle the tie or revote first.`)));
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
    list: out.list.map(fix),
    leadership: lr?.exists ? readLeadershipSheet(gridOf(lr)).rows : [],
    registrations,
    summaryCols: summary.cols,
    issues: [...issues, ...out.issues],
  };
}

/** The units the list proposes (at least one award), in list order, each with its awards. */
export function proposedUnits(state: NominationState): { unit: string; awards: string[] }[] {
  const out: { unit: string; awards: string[] }[] = [];
  for (const p of state.list) {
    if (!p.proposed) continue;
    let u = out.find((x) => nameKey(x.unit) === nameKey(p.unit));
    if (!u) out.push((u = { unit: cleanText(p.unit), awards: [] }));
    if (!u.awards.some((a) => nameKey(a) === nameKey(p.award))) u.awards.push(cleanText(p.award));
  }
  return out;
}

/** Each proposed unit's achievement report, its facts from the summary and the votes as counted (issue #12 point 2). */
export function achievementInputs(state: NominationState, at: Date = new Date(), formLine?: string): AchievementInput[] {
  const bloc = state.bloc;
  // The award votes (a leadership election is not an achievement).
  const votes = meetingInput(state, at).votes.filter((v) => state.counts[v.voteId]?.record.vote.purpose.kind === "award");
  const ranked = state.results.filter((r) => r.rank !== null).length;
  return proposedUnits(state).map(({ unit, awards }) => {
    const line = state.results.find((r) => nameKey(r.unit) === nameKey(unit));
    const unitVotes: UnitVote[] = votes.flatMap((v) =>
      v.candidates
        .filter((c) => nameKey(c.name) === nameKey(unit))
        .map((c) => ({ title: v.title, voteId: v.voteId, round: v.round, votes: c.votes, percent: c.percent, passes: c.passes, elected: v.elected.some((e) => nameKey(e) === nameKey(unit)) })),
    );
    return {
      bloc: { name: bloc?.name ?? "", province: bloc?.province ?? "", year: bloc?.year ?? at.getFullYear(), leader: bloc?.leader ?? "" },
      unit,
      place: bloc?.province ?? "",
      at: dateOf(state.meeting, at),
      ...(formLine === undefined ? {} : { formLine }),
      result: line ? { unit: line.unit, total: line.total, rank: line.rank, band: line.band, leading: line.leading, parts: line.parts } : null,
      units: ranked,
      votes: unitVotes,
      awards,
      registration: registrationOf(state, unit),
    };
  });
}

/**
 * The awards a unit registered for, by name in the catalogue's order (an id the catalogue lacks is
 * kept as written, last); [] when it has no row; null when the workbook has no registration list.
 */
function registrationOf(state: Pick<NominationState, "registrations" | "catalogue">, unit: string): string[] | null {
  if (state.registrations === null) return null;
  const ids = state.registrations.filter((r) => nameKey(r.unit) === nameKey(unit)).flatMap((r) => r.awards);
  const keys = new Set(ids.map(nameKey));
  const known = state.catalogue.awards.filter((a) => keys.has(nameKey(a.id)));
  const unknown = ids.filter((id, i) => cleanText(id) && !known.some((a) => nameKey(a.id) === nameKey(id)) && ids.findIndex((x) => nameKey(x) === nameKey(id)) === i).map(cleanText);
  return [...known.map((a) => cleanText(a.name)), ...unknown];
}

/** The bloc's year-end report: the summary, the votes, the proposals and next year's leadership as the workbook holds them (issue #12 point 3). */
export function yearEndInput(state: NominationState, at: Date = new Date()): YearEndInput {
  const m = meetingInput(state, at);
  return {
    bloc: m.bloc,
    place: m.place,
    at: dateOf(state.meeting, at),
    // In rank order (unranked last), as a year-end table reads.
    results: [...state.results].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity)).map((r) => ({ unit: r.unit, total: r.total, rank: r.rank, band: r.band, leading: r.leading, parts: r.parts })),
    votes: m.votes,
    proposals: state.list.filter((p) => p.proposed).map((p) => ({ unit: p.unit, award: p.award })),
    nextLeadership: m.nextLeadership,
    recipients: listRecipients(state),
  };
}

/** An ASCII file-name part: "Sở Văn hóa" → "so-van-hoa". */
export const asciiSlug = (s: string): string =>
  foldDiacritics(s)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");

export interface GenerateOptions {
  at?: Date;
}

export type GenerateOutcome = { kind: "written"; sheets: string[]; syncs: number; state: NominationState; issues: Issue[] } | { kind: "invalid"; issues: Issue[] } | { kind: "failed"; issues: Issue[] };

/**
 * The key column of a named range, as a qualified range ("'Tổng hợp'!$B$6:$B$13"): lookups match
 * in it (INDEX(name,0,k) would do in Excel, but not in every engine the workbook meets).
 */
export function keyRangeOf(read: WorkbookRead, name: string, col: number): string | undefined {
  const f = read.names.find((n) => n.name === name)?.formula;
  const m = f ? /^=?(.+)!\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)$/.exec(f) : null;
  if (!m) return undefined;
  const c = columnIndex(m[2]) + col - 1;
  const L = columnLetter(c);
  return `${m[1]}!$${L}$${m[3]}:$${L}$${m[5]}`;
}

/** The results range (name and columns) a proposal's vote figures link to. */
function resultsLink(state: NominationState, voteId: string) {
  const c = state.counts[voteId];
  if (!c) return null;
  const s = voteSheets(voteId);
  const prefix = c.record.entry === "handCount" ? s.hand.prefix : c.record.doubleEntry && c.record.decision?.accept === "second" ? s.second.prefix : s.first.prefix;
  const name = `${prefix}_KetQua`;
  return { name, nameCol: 2, votesCol: 3, percentCol: 4, keyRange: keyRangeOf(state.read, name, 2) };
}

/**
 * The list's "Nơi nhận": the meeting record's lines, "Như trên" standing for the addressee (the
 * list has no "Kính gửi" of its own), so the submission and its list name the same receivers.
 */
function listRecipients(state: NominationState): string[] {
  const addressee = addresseeOf(state.meeting, state.bloc?.province ?? "");
  return recipientLines({ recipients: (state.meeting.recipients.length > 0 ? state.meeting.recipients : [...DEFAULT_RECIPIENTS]).map((r) => (/^như trên\b/i.test(cleanText(r)) ? addressee : r)) });
}

const dateOf = (m: MeetingRecord, at: Date) => m.date ?? { day: at.getDate(), month: at.getMonth() + 1, year: at.getFullYear() };

export function listInput(state: NominationState, at: Date = new Date()): ListInput {
  const bloc = state.bloc;
  const cols = state.summaryCols;
  const votes: NonNullable<ListInput["links"]>["votes"] = {};
  for (const p of state.list) {
    const link = p.voteId ? resultsLink(state, p.voteId) : null;
    if (p.voteId && link) votes[p.voteId] = link;
  }
  return {
    sheet: NOMINATION_SHEETS.list,
    bloc: { name: bloc?.name ?? "", province: bloc?.province ?? "", year: bloc?.year ?? at.getFullYear(), leader: bloc?.leader ?? "" },
    place: bloc?.province ?? "",
    at: dateOf(state.meeting, at),
    proposals: state.list,
    submissionNumber: state.meeting.submissionNumber || undefined,
    recipients: listRecipients(state),
    links:
      cols && cols.stt >= 0
        ? {
            summary: { name: "BX_TongHop", unitCol: cols.unit - cols.stt + 1, totalCol: cols.total - cols.stt + 1, rankCol: cols.rank - cols.stt + 1, keyRange: keyRangeOf(state.read, "BX_TongHop", cols.unit - cols.stt + 1) },
            votes,
          }
        : undefined,
  };
}

export function meetingInput(state: NominationState, at: Date = new Date()): MeetingInput {
  const bloc = state.bloc;
  const m = state.meeting;
  const d = dateOf(m, at);
  const time = m.time ?? { hour: at.getHours(), minute: at.getMinutes() };
  const members = bloc?.members.length ?? 0;
  const next = bloc ? state.leadership.find((r) => r.year === bloc.year + 1) : undefined;
  const awardIds = new Set(state.votes.flatMap((v) => Object.values(state.counts).filter((c) => c.record.id.replace(/_[0-9]+$/, "") === v.voteId).map((c) => c.record.id)));
  const otherIds = Object.keys(state.counts).filter((id) => !awardIds.has(id));
  return {
    sheet: NOMINATION_SHEETS.minutes,
    bloc: { name: bloc?.name ?? "", province: bloc?.province ?? "", year: bloc?.year ?? at.getFullYear(), leader: bloc?.leader ?? "" },
    place: bloc?.province ?? "",
    venue: m.place,
    at: { ...d, ...time },
    chair: m.chair,
    secretary: m.secretary,
    attendance: { members, present: m.present ?? members - m.absent.length, absent: m.absent },
    addressee: addresseeOf(m, bloc?.province ?? ""),
    quorumText: null,
    standings: state.standings,
    votes: [...awardIds, ...otherIds]
      .map((id) => state.counts[id])
      .filter(Boolean)
      .map((c) => ({
        title: c.record.vote.title,
        round: c.record.vote.round,
        voteId: c.record.id,
        elected: c.elected,
        candidates: c.result.candidates.map((x) => ({ name: x.name, votes: x.votes, percent: x.percent, passes: x.passes })),
        // The rule and its source, as the vote's own minutes print them (issue #10 point 6).
        ruleText: `${ruleText(c.record.vote).vi} ${ruleSourceText(c.record.vote).vi}`,
      })),
    proposals: state.list,
    overrides: state.meeting.overrides,
    nextLeadership: next ? { year: next.year, leader: next.leader, deputies: next.deputies, how: HOW_TEXT[next.how] } : null,
  };
}

/**
 * Writes the nomination sheets: the catalogue and the meeting record when the workbook has none
 * yet (so the bloc can edit them), the list (linked by formulas to "Tổng hợp" and the tallies) and
 * the review-meeting minutes. Refuses while the list's inputs have errors. Three round trips.
 */
export async function generateNomination(host: ExcelHost, opts: GenerateOptions = {}): Promise<GenerateOutcome> {
  const loaded = await loadNomination(host);
  if (!loaded.ok) return { kind: "failed", issues: loaded.issues };
  const { state } = loaded;
  if (!state.bloc) return { kind: "invalid", issues: state.issues.length ? state.issues : [error("nomination.noBloc", say("Chưa có hồ sơ khối hợp lệ.", "There is no valid bloc record."))] };
  if (hasErrors(state.issues)) return { kind: "invalid", issues: state.issues };
  const at = opts.at ?? new Date();
  const plans: SheetPlan[] = [];
  if (!state.catalogueInWorkbook) plans.push(catalogueSheetPlan(state.catalogue));
  if (!state.meetingInWorkbook) plans.push(meetingRecordPlan(state.meeting, { units: state.bloc.members.map((m) => m.name), awards: state.catalogue.awards.map((a) => a.name), province: state.bloc.province }));
  plans.push(listSheetPlan(listInput(state, at)), meetingSheetPlan(meetingInput(state, at)));
  // A sheet of the same name that this step did not make (the bloc's own list, a catalogue the
  // reader cannot read) is kept under another name, never overwritten.
  const ours: Record<string, string | null> = { [CATALOGUE_SHEET]: null, [MEETING_SHEET]: null, [NOMINATION_SHEETS.list]: LIST_TITLE, [NOMINATION_SHEETS.minutes]: MEETING_TITLE };
  const existing: Record<string, ExistingSheet> = {};
  const kept: Issue[] = [];
  for (const p of plans) {
    const r = state.read.byName[p.name];
    if (!r?.exists || !r.values.length) continue;
    const title = ours[p.name];
    const mine = title ? r.values.some((row) => row.some((v) => typeof v === "string" && v.startsWith(title))) : false;
    if (mine) continue;
    // Not the add-in's: moved aside whole (its own references follow it), and ours takes the name.
    existing[p.name] = "renameAside";
    kept.push(
      warning(
        "nomination.sheet.keptOld",
        say(`Đã có trang "${p.name}" không do add-in lập: trang cũ được giữ lại dưới tên "${p.name} (cũ)".`, `A sheet "${p.name}" not made by the add-in exists: it is kept as "${p.name} (cũ)".`),
        { sheet: p.name },
      ),
    );
  }
  let report: WriteReport;
  try {
    report = await writeSheets(host, plans, state.read, {
      existing,
      activate: NOMINATION_SHEETS.list,
      log: { action: "Lập danh sách đề nghị khen thưởng", object: NOMINATION_SHEETS.list, counts: `${state.list.length} đề nghị`, note: state.meeting.overrides.length ? `${state.meeting.overrides.length} quyết định của hội nghị` : undefined },
    });
  } catch (e) {
    return { kind: "failed", issues: [writeFailed(e)] };
  }
  if (!report.ok) return { kind: "failed", issues: report.issues };
  return { kind: "written", sheets: plans.map((p) => p.name), syncs: 2 + report.syncs, state, issues: [...state.issues, ...kept, ...report.issues] };
}

/**
 * Records a meeting decision overriding the proposed list for one unit and award (or removes it
 * with `remove`), with its reason, on "Hội nghị bình xét". Two reads and one write.
 */
export async function recordOverride(host: ExcelHost, o: Override, opts: { remove?: boolean } = {}): Promise<GenerateOutcome> {
  const loaded = await loadNomination(host);
  if (!loaded.ok) return { kind: "failed", issues: loaded.issues };
  const { state } = loaded;
  if (!state.bloc) return { kind: "invalid", issues: [error("nomination.noBloc", say("Chưa có hồ sơ khối hợp lệ.", "There is no valid bloc record."))] };
  if (!opts.remove && !o.reason.trim()) return { kind: "invalid", issues: [{ ...error("meeting.override.reason", say("Quyết định của hội nghị phải ghi lý do.", "A meeting decision needs a reason.")), field: "reason" }] };
  if (!opts.remove) {
    const bad = overrideIssues(o, state);
    if (bad.length) return { kind: "invalid", issues: bad };
  }
  const same = (x: Override) => nameKey(x.unit) === nameKey(o.unit) && nameKey(x.award) === nameKey(o.award);
  const overrides = [...state.meeting.overrides.filter((x) => !same(x)), ...(opts.remove ? [] : [o])];
  return writeMeetingRecord(host, state, { ...state.meeting, overrides }, {
    action: opts.remove ? "Bỏ quyết định của hội nghị" : "Ghi quyết định của hội nghị",
    object: `${o.unit} — ${o.award}`,
    counts: o.include ? "đề nghị" : "không đề nghị",
    note: o.reason,
  });
}

const MEETING_WHAT: Message = { vi: "thông tin và quyết định của hội nghị", en: "the meeting's record and decisions" };

/**
 * Rewrites "Hội nghị bình xét" (where the user renamed it, if so) with the meeting's record,
 * keeping the old sheet when it holds text the reader did not take in. One write after the reads.
 */
async function writeMeetingRecord(host: ExcelHost, state: NominationState, meeting: MeetingRecord, log: { action: string; object: string; counts: string; note?: string }): Promise<GenerateOutcome> {
  const read = state.read.byName[MEETING_SHEET]?.exists ? state.read.byName[MEETING_SHEET] : state.read.byDefinedName[MEETING_TABLE_NAME];
  const plan = meetingRecordPlan(meeting, { units: state.bloc?.members.map((m) => m.name) ?? [], awards: state.catalogue.awards.map((a) => a.name), province: state.bloc?.province ?? "" });
  if (read?.exists) plan.name = read.name;
  const keep = keepIfExtra(read, meetingRecordPlan(state.meeting), "meeting.sheet.keptOld", MEETING_WHAT);
  let report: WriteReport;
  try {
    report = await writeSheets(host, [plan], state.read, { existing: keep.existing, activate: plan.name, log });
  } catch (e) {
    return { kind: "failed", issues: [writeFailed(e)] };
  }
  if (!report.ok) return { kind: "failed", issues: report.issues };
  return { kind: "written", sheets: [plan.name], syncs: 2 + report.syncs, state, issues: [...keep.issues, ...report.issues] };
}

/**
 * A meeting decision names a member unit and an award of the catalogue (after NFC, case and
 * spaces, DOMAIN §6): a decision for a unit or an award that is not there would be written and
 * never apply. `meeting.override.unknownUnit`, `meeting.override.unknownAward`.
 */
function overrideIssues(o: Override, state: NominationState): Issue[] {
  const out: Issue[] = [];
  const members = state.bloc?.members ?? [];
  if (!members.some((m) => nameKey(m.name) === nameKey(o.unit))) {
    out.push({
      ...error(
        "meeting.override.unknownUnit",
        say(`"${cleanText(o.unit)}" không phải là đơn vị thành viên của khối: quyết định của hội nghị chỉ áp dụng cho đơn vị thành viên.`, `"${cleanText(o.unit)}" is not a member unit of the bloc: a meeting decision applies to member units only.`),
      ),
      field: "unit",
    });
  }
  if (!state.catalogue.awards.some((a) => nameKey(a.name) === nameKey(o.award) || nameKey(a.id) === nameKey(o.award))) {
    out.push({
      ...error(
        "meeting.override.unknownAward",
        say(`"${cleanText(o.award)}" không có trong danh mục khen thưởng: chọn một danh hiệu/hình thức trong danh mục.`, `"${cleanText(o.award)}" is not in the award catalogue: pick an award from the catalogue.`),
      ),
      field: "award",
    });
  }
  return out;
}

/**
 * The meeting's own record as typed: a real date (31/02 is not one), a time of day, units present
 * a whole number from 0 to the members, absent units that are members, not more absent than members
 * less present. `meeting.date.invalid`, `meeting.time.invalid`, `meeting.present.invalid`,
 * `meeting.absent.unknown`.
 */
export function meetingPatchIssues(patch: Partial<Omit<MeetingRecord, "overrides">>, members: readonly { name: string }[]): Issue[] {
  const out: Issue[] = [];
  const bad = (code: string, field: string, vi: string, en: string) => out.push({ ...error(code, say(vi, en)), field });
  const d = patch.date;
  if (d) {
    const real = new Date(d.year, d.month - 1, d.day);
    const ok = [d.day, d.month, d.year].every(Number.isInteger) && d.year >= 1900 && d.year <= 9999 && real.getFullYear() === d.year && real.getMonth() === d.month - 1 && real.getDate() === d.day;
    if (!ok) bad("meeting.date.invalid", "date", `Ngày họp ${d.day}/${d.month}/${d.year} không có thật.`, `The meeting date ${d.day}/${d.month}/${d.year} does not exist.`);
  }
  const t = patch.time;
  if (t && !(Number.isInteger(t.hour) && Number.isInteger(t.minute) && t.hour >= 0 && t.hour <= 23 && t.minute >= 0 && t.minute <= 59)) {
    bad("meeting.time.invalid", "time", `Giờ họp ${t.hour}:${t.minute} không hợp lệ (0–23 giờ, 0–59 phút).`, `The meeting time ${t.hour}:${t.minute} is not valid (hours 0–23, minutes 0–59).`);
  }
  const n = members.length;
  const p = patch.present;
  if (p !== undefined && p !== null && !(Number.isInteger(p) && p >= 0 && p <= n)) {
    bad("meeting.present.invalid", "present", `Số đơn vị có mặt (${p}) phải là số nguyên từ 0 đến ${n} (số đơn vị thành viên).`, `Units present (${p}) must be a whole number from 0 to ${n} (the members).`);
  }
  const names = new Set(members.map((m) => nameKey(m.name)));
  (patch.absent ?? []).forEach((a, i) => {
    if (cleanText(a) && !names.has(nameKey(a))) bad("meeting.absent.unknown", `absent.${i}`, `Đơn vị vắng mặt "${cleanText(a)}" không phải là đơn vị thành viên của khối.`, `Absent unit "${cleanText(a)}" is not a member unit of the bloc.`);
  });
  if (patch.absent && p !== undefined && p !== null && Number.isInteger(p) && p + patch.absent.length > n) {
    bad("meeting.present.invalid", "present", `Có mặt ${p} và vắng mặt ${patch.absent.length} đơn vị, nhiều hơn số đơn vị thành viên (${n}).`, `${p} present and ${patch.absent.length} absent exceed the ${n} members.`);
  }
  return out;
}

/** Saves the meeting's own record (date, place, chair, secretary, attendance, submission number), keeping its decisions. */
export async function saveMeeting(host: ExcelHost, patch: Partial<Omit<MeetingRecord, "overrides">>): Promise<GenerateOutcome> {
  const loaded = await loadNomination(host);
  if (!loaded.ok) return { kind: "failed", issues: loaded.issues };
  const { state } = loaded;
  const bad = meetingPatchIssues(patch, state.bloc?.members ?? []);
  if (bad.length) return { kind: "invalid", issues: bad };
  return writeMeetingRecord(host, state, { ...state.meeting, ...patch }, { action: "Ghi thông tin hội nghị", object: MEETING_SHEET, counts: "—" });
}

// ------------------------------------------------------------------------------------ documents

export interface OutputFile {
  name: string;
  mime: string;
  bytes: Uint8Array;
  /** What it is, for the pane. */
  label: Message;
  /** What the user should know about this file before sending it (e.g. names a provincial system's list lacks). */
  notes?: Issue[];
}

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * Produces the documents and exports from the workbook as it is now: the submission with the list
 * attached, the review-meeting minutes and each vote's count minutes (.docx, NĐ 30/2020 form), the
 * list as .xlsx (with its evidence sheet) and .csv, and the list in each provincial system's import
 * template (src/export/formats/, e.g. LIFESOFT's MauTDKT.xlsx) with its notes: award names renamed to
 * the system's own, names its lists lack, columns left to its import dialog; the drafts of each
 * proposed unit's achievement report and of the bloc's year-end report (issue #12). The export modules load only here.
 */
export async function produceFiles(host: ExcelHost, opts: { at?: Date; achievementFormLine?: string } = {}): Promise<{ ok: true; files: OutputFile[]; issues: Issue[] } | { ok: false; issues: Issue[] }> {
  const loaded = await loadNomination(host);
  if (!loaded.ok) return loaded;
  const { state } = loaded;
  if (!state.bloc) return { ok: false, issues: [error("nomination.noBloc", say("Chưa có hồ sơ khối hợp lệ.", "There is no valid bloc record."))] };
  if (hasErrors(state.issues)) return { ok: false, issues: state.issues };
  const at = opts.at ?? new Date();
  const [{ layoutsToDocx }, { listXlsx, listCsv }, formats] = await Promise.all([import("../export/docx"), import("../export/listExports"), import("../export/importFormat")]);
  const year = state.bloc.year;
  const d = dateOf(state.meeting, at);
  const bases = [...new Set(state.list.map((p) => state.catalogue.awards.find((a) => a.id === p.awardId)?.legalBasis ?? "").filter(Boolean))];
  const files: OutputFile[] = [];
  const submission = submissionLayout({
    bloc: { name: state.bloc.name, province: state.bloc.province, year, leader: state.bloc.leader },
    place: state.bloc.province,
    at: d,
    number: state.meeting.submissionNumber || undefined,
    proposals: state.list,
    addressee: addresseeOf(state.meeting, state.bloc.province),
    recipients: recipientLines(state.meeting),
    catalogueBasis: bases,
  });
  files.push({
    name: `To-trinh-de-nghi-khen-thuong-${year}.docx`,
    mime: DOCX,
    bytes: await layoutsToDocx([{ layout: submission, orientation: "portrait" }, { layout: listLayout(listInput(state, at)), orientation: "landscape" }], { title: `Tờ trình đề nghị khen thưởng năm ${year}` }),
    label: say("Tờ trình kèm danh sách đề nghị (.docx)", "Submission with the list (.docx)"),
  });
  files.push({
    name: `Bien-ban-hop-binh-xet-${year}.docx`,
    mime: DOCX,
    bytes: await layoutsToDocx([{ layout: meetingLayout(meetingInput(state, at)), orientation: "portrait" }], { title: `Biên bản họp bình xét năm ${year}` }),
    label: say("Biên bản họp bình xét (.docx)", "Review meeting minutes (.docx)"),
  });
  for (const c of Object.values(state.counts)) {
    if (!c.final && !c.result.conclusion.revote) continue;
    // One date for one count (issue #14 item 2): the minutes sheet's own date, time and place when it
    // exists (the .docx prints the sheet); else as the meeting (when recorded), the day the votes were counted.
    const ms = state.read.byName[voteSheets(c.record.id).minutes.sheet];
    const onSheet = ms?.exists ? readMinutesWhen(ms) : null;
    const when = state.meeting.date ? new Date(state.meeting.date.year, state.meeting.date.month - 1, state.meeting.date.day, state.meeting.time?.hour ?? at.getHours(), state.meeting.time?.minute ?? at.getMinutes()) : at;
    const input = minutesInput(c, state.bloc, { at: when });
    const layout = minutesLayout(onSheet ? { ...input, at: onSheet.at, place: onSheet.place || input.place } : input);
    files.push({
      name: `Bien-ban-kiem-phieu-${c.record.id}.docx`,
      mime: DOCX,
      bytes: await layoutsToDocx([{ layout, orientation: "portrait" }], { title: `Biên bản kiểm phiếu ${c.record.id}` }),
      label: say(`Biên bản kiểm phiếu ${c.record.id}: ${c.record.vote.title} (.docx)`, `Vote-count minutes ${c.record.id} (.docx)`),
    });
  }
  const slugs = new Set<string>();
  for (const input of achievementInputs(state, at, opts.achievementFormLine)) {
    let slug = asciiSlug(input.unit) || "don-vi";
    for (let k = 2; slugs.has(slug); k++) slug = `${asciiSlug(input.unit) || "don-vi"}-${k}`;
    slugs.add(slug);
    files.push({
      name: `Bao-cao-thanh-tich-${slug}-${year}.docx`,
      mime: DOCX,
      bytes: await layoutsToDocx([{ layout: achievementLayout(input), orientation: "portrait" }], { title: `Báo cáo thành tích năm ${year}: ${input.unit}` }),
      label: say(`Báo cáo thành tích (dự thảo): ${input.unit} (.docx)`, `Achievement report (draft): ${input.unit} (.docx)`),
    });
  }
  files.push({
    name: `Bao-cao-tong-ket-${year}.docx`,
    mime: DOCX,
    bytes: await layoutsToDocx([{ layout: yearEndLayout(yearEndInput(state, at)), orientation: "portrait" }], { title: `Báo cáo tổng kết năm ${year}` }),
    label: say("Báo cáo tổng kết năm của khối (dự thảo, .docx)", "The bloc's year-end report (draft, .docx)"),
  });
  files.push({ name: `Danh-sach-de-nghi-${year}.xlsx`, mime: XLSX, bytes: await listXlsx(state.list, {}), label: say("Danh sách kèm trang Chi tiết (.xlsx)", "List with its evidence sheet (.xlsx)") });
  files.push({ name: `Danh-sach-de-nghi-${year}.csv`, mime: "text/csv", bytes: listCsv(state.list, {}), label: say("Danh sách (.csv, UTF-8)", "List (.csv, UTF-8)") });
  // A format file that does not check out is reported, and the other files are still offered.
  const broken: Issue[] = [];
  for (const raw of formats.FORMAT_FILES) {
    const parsed = formats.parseFormat(raw);
    const out = parsed.format ? await formats.formatXlsx(parsed.format, state.list, {}) : { bytes: null, issues: parsed.issues };
    if (!parsed.format || !out.bytes) broken.push(...out.issues);
    else files.push({ name: formats.formatFileName(parsed.format, year), mime: XLSX, bytes: out.bytes, label: parsed.format.label, notes: out.issues });
  }
  return { ok: true, files, issues: [...state.issues, ...broken] };
}
