import { cleanText, nameKey } from "../domain/text";
import { ruleSourceText, ruleText } from "../domain/voting/model";
import { type WorkbookRead } from "../excel/read";
import { HOW_TEXT } from "../workbook/bloc/leadershipSheet";
import { columnIndex, columnLetter } from "../workbook/a1";
import { type ListInput } from "../workbook/nomination/listSheet";
import { addresseeOf, DEFAULT_RECIPIENTS, recipientLines, type MeetingRecord } from "../workbook/nomination/meetingRecordSheet";
import { type MeetingInput } from "../workbook/nomination/meetingSheet";
import { type AchievementInput, type UnitVote, type YearEndInput } from "../workbook/nomination/yearReports";
import { voteSheets } from "./voting";
import { NOMINATION_SHEETS, type NominationState } from "./nominationState";

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

export const dateOf = (m: MeetingRecord, at: Date) => m.date ?? { day: at.getDate(), month: at.getMonth() + 1, year: at.getFullYear() };

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
