import { raise } from "../domain/codes";
import type { Issue } from "../domain/issues";
import { changesText, encodeSources, sourceChanges, sourcesPrint, type NominationSources, type SourceChange } from "../domain/nomination/stale";
import type { WorkbookRead } from "../excel/read";
import { HOW_TEXT } from "../workbook/bloc/leadershipSheet";
import { LIST_TITLE } from "../workbook/nomination/listSheet";
import { addresseeOf, recipientLines } from "../workbook/nomination/meetingRecordSheet";
import { MEETING_TITLE } from "../workbook/nomination/meetingSheet";
import { readSourcesRecord, withSourcesRecord } from "../workbook/nomination/sources";
import type { SheetPlan } from "../workbook/plan";
import type { NominationState } from "./nominationState";

/**
 * Issue #14 item 3, "Late changes leave stale documents": the generated list and review minutes
 * record what they were built from (src/domain/nomination/stale.ts); each read compares that record
 * with the workbook as it is now, from the same two reads (no round trip more).
 */

/** The generated sheets of the step (defined here, re-exported by nominationState). */
export const NOMINATION_SHEETS = { list: "Danh sách đề nghị", minutes: "Biên bản họp bình xét" } as const;

const NOMINATION_DOCUMENTS = [
  { kind: "list", sheet: NOMINATION_SHEETS.list, title: LIST_TITLE },
  { kind: "minutes", sheet: NOMINATION_SHEETS.minutes, title: MEETING_TITLE },
] as const;

export type NominationDocument = (typeof NOMINATION_DOCUMENTS)[number]["kind"];

/** A generated sheet against what it was built from: up to date, out of date (and what changed), or unknown (no record: an older version wrote it). */
export interface DocumentFreshness {
  kind: NominationDocument;
  sheet: string;
  status: "fresh" | "stale" | "unknown";
  changes: SourceChange[];
}

type SourcesOf = Pick<NominationState, "bloc" | "standings" | "list" | "counts" | "meeting" | "leadership">;

/** What the list and the minutes are built from, as the generator reads it (src/app/nominationInputs.ts). */
export function sourcesOf(state: SourcesOf): NominationSources {
  const bloc = state.bloc;
  const { overrides, ...typed } = state.meeting;
  const province = bloc?.province ?? "";
  // As the documents print it: an empty addressee or "Nơi nhận" is the default, "all present" a number.
  const meeting = { ...typed, addressee: addresseeOf(typed, province), recipients: recipientLines(typed), present: typed.present ?? (bloc?.members.length ?? 0) - typed.absent.length };
  const next = bloc ? state.leadership.find((r) => r.year === bloc.year + 1) : undefined;
  return {
    bloc: bloc ? { name: bloc.name, province: bloc.province, year: bloc.year, leader: bloc.leader } : null,
    standings: state.standings,
    proposals: state.list,
    votes: Object.values(state.counts).map((c) => ({
      voteId: c.record.id,
      title: c.record.vote.title,
      round: c.record.vote.round,
      elected: c.elected,
      candidates: c.result.candidates.map((x) => ({ name: x.name, votes: x.votes, percent: x.percent, passes: x.passes })),
    })),
    decisions: overrides,
    meeting,
    leadership: next ? { year: next.year, leader: next.leader, deputies: next.deputies, how: HOW_TEXT[next.how] } : null,
  };
}

/** The record a generated sheet carries. */
export const sourcesRecord = (state: SourcesOf): string => encodeSources(sourcesPrint(sourcesOf(state)));

/** The plan of a generated document with its record. */
export const recorded = (plan: SheetPlan, record: string): SheetPlan => withSourcesRecord(plan, record);

/**
 * Each generated document the workbook holds (the add-in's own: its title on the sheet), against
 * the sources now; an out-of-date one is a warning naming what changed and where
 * (`nomination.stale.list`, `nomination.stale.minutes`). No record: "unknown", no warning.
 */
export function documentsFreshness(read: WorkbookRead, state: SourcesOf): { documents: DocumentFreshness[]; issues: Issue[] } {
  const now = sourcesPrint(sourcesOf(state));
  const units = state.standings.map((s) => s.unit);
  const documents: DocumentFreshness[] = [];
  const issues: Issue[] = [];
  for (const d of NOMINATION_DOCUMENTS) {
    const r = read.byName[d.sheet];
    if (!r?.exists || !r.values.some((row) => row.some((v) => typeof v === "string" && v.startsWith(d.title)))) continue;
    const was = readSourcesRecord(r.values);
    if (!was) {
      documents.push({ kind: d.kind, sheet: r.name, status: "unknown", changes: [] });
      continue;
    }
    const changes = sourceChanges(was, now, units);
    documents.push({ kind: d.kind, sheet: r.name, status: changes.length ? "stale" : "fresh", changes });
    if (changes.length) issues.push(raise(d.kind === "list" ? "nomination.stale.list" : "nomination.stale.minutes", { sheet: r.name, changes: changesText(changes) }, { sheet: r.name, cell: "A1" }));
  }
  return { documents, issues };
}
