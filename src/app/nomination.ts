import { raise, raiseAt } from "../domain/codes";
import { formatDate, formatTime } from "../domain/format";
import { writeFailed } from "./failures";
import { hasErrors, type Issue } from "../domain/issues";
import type { Override } from "../domain/nomination/model";
import { cleanText, nameKey } from "../domain/text";
import { writeSheets, type ExistingSheet, type WriteReport } from "../excel/apply";
import type { ExcelHost } from "../excel/host";
import { CATALOGUE_SHEET, catalogueSheetPlan } from "../workbook/nomination/catalogueSheet";
import { LIST_TITLE, listSheetPlan } from "../workbook/nomination/listSheet";
import { MEETING_SHEET, MEETING_TABLE_NAME, meetingRecordPlan, type MeetingRecord } from "../workbook/nomination/meetingRecordSheet";
import { MEETING_TITLE, meetingSheetPlan } from "../workbook/nomination/meetingSheet";
import type { SheetPlan } from "../workbook/plan";
import { keepIfExtra } from "./voting";
import { loadNomination, NOMINATION_SHEETS, type NominationState } from "./nominationState";
import { listInput, meetingInput } from "./nominationInputs";
import { recorded, sourcesRecord } from "./nominationSources";

/**
 * The nomination step (issue #5): from the ranking, the classification and the award votes' final
 * counts, the proposed list with every unit's reasons; the meeting's overrides (recorded with their
 * reasons on "Hội nghị bình xét"); the list and the review-meeting minutes as sheets; the submission,
 * the minutes and the list as documents and exports.
 *
 * Reading costs two round trips, whatever the size: the first finds the votes, the second reads
 * every award vote's entry sheets (their names are only known after the first). Writing costs one more.
 */

export { NOMINATION_SHEETS, loadNomination, registrationsOf, type NominationState, type Registrations } from "./nominationState";
export { achievementInputs, keyRangeOf, listInput, meetingInput, proposedUnits, yearEndInput } from "./nominationInputs";
export { asciiSlug, produceFiles, type OutputFile } from "./nominationFiles";
export type { DocumentFreshness, NominationDocument } from "./nominationSources";

export interface GenerateOptions {
  at?: Date;
}

export type GenerateOutcome = { kind: "written"; sheets: string[]; syncs: number; state: NominationState; issues: Issue[] } | { kind: "invalid"; issues: Issue[] } | { kind: "failed"; issues: Issue[] };

/**
 * Writes the nomination sheets: the catalogue and the meeting record when the workbook has none
 * yet (so the bloc can edit them), the list (linked by formulas to "Tổng hợp" and the tallies) and
 * the review-meeting minutes. Refuses while the list's inputs have errors. Three round trips.
 */
export async function generateNomination(host: ExcelHost, opts: GenerateOptions = {}): Promise<GenerateOutcome> {
  const loaded = await loadNomination(host);
  if (!loaded.ok) return { kind: "failed", issues: loaded.issues };
  const { state } = loaded;
  if (!state.bloc) return { kind: "invalid", issues: state.issues.length ? state.issues : [raise("nomination.noBloc", {})] };
  if (hasErrors(state.issues)) return { kind: "invalid", issues: state.issues };
  const at = opts.at ?? new Date();
  const plans: SheetPlan[] = [];
  if (!state.catalogueInWorkbook) plans.push(catalogueSheetPlan(state.catalogue));
  if (!state.meetingInWorkbook) plans.push(meetingRecordPlan(state.meeting, { units: state.bloc.members.map((m) => m.name), awards: state.catalogue.awards.map((a) => a.name), province: state.bloc.province }));
  // Each carries what it was built from, to tell later when it is out of date (issue #14 item 3).
  const record = sourcesRecord(state);
  plans.push(recorded(listSheetPlan(listInput(state, at)), record), recorded(meetingSheetPlan(meetingInput(state, at)), record));
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
      raise("nomination.sheet.keptOld", { sheet: p.name }, { sheet: p.name }),
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
  // The sheets just written are up to date: their "out of date" warnings of the read no longer hold (issue #14 item 3).
  const current = state.issues.filter((i) => i.code !== "nomination.stale.list" && i.code !== "nomination.stale.minutes");
  return { kind: "written", sheets: plans.map((p) => p.name), syncs: 2 + report.syncs, state, issues: [...current, ...kept, ...report.issues] };
}

/**
 * Records a meeting decision overriding the proposed list for one unit and award (or removes it
 * with `remove`), with its reason, on "Hội nghị bình xét". Two reads and one write.
 */
export async function recordOverride(host: ExcelHost, o: Override, opts: { remove?: boolean } = {}): Promise<GenerateOutcome> {
  const loaded = await loadNomination(host);
  if (!loaded.ok) return { kind: "failed", issues: loaded.issues };
  const { state } = loaded;
  if (!state.bloc) return { kind: "invalid", issues: [raise("nomination.noBloc", {})] };
  if (!opts.remove && !o.reason.trim()) return { kind: "invalid", issues: [raiseAt("meeting.override.reason", { unit: o.unit, award: o.award }, "reason")] };
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

/**
 * Rewrites "Hội nghị bình xét" (where the user renamed it, if so) with the meeting's record,
 * keeping the old sheet when it holds text the reader did not take in. One write after the reads.
 */
async function writeMeetingRecord(host: ExcelHost, state: NominationState, meeting: MeetingRecord, log: { action: string; object: string; counts: string; note?: string }): Promise<GenerateOutcome> {
  const read = state.read.byName[MEETING_SHEET]?.exists ? state.read.byName[MEETING_SHEET] : state.read.byDefinedName[MEETING_TABLE_NAME];
  const plan = meetingRecordPlan(meeting, { units: state.bloc?.members.map((m) => m.name) ?? [], awards: state.catalogue.awards.map((a) => a.name), province: state.bloc?.province ?? "" });
  if (read?.exists) plan.name = read.name;
  const keep = keepIfExtra(read, meetingRecordPlan(state.meeting), "meeting.sheet.keptOld");
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
    out.push(raiseAt("meeting.override.unknownUnit", { unit: cleanText(o.unit) }, "unit"));
  }
  if (!state.catalogue.awards.some((a) => nameKey(a.name) === nameKey(o.award) || nameKey(a.id) === nameKey(o.award))) {
    out.push(raiseAt("meeting.override.unknownAward", { award: cleanText(o.award) }, "award"));
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
  const d = patch.date;
  if (d) {
    const real = new Date(d.year, d.month - 1, d.day);
    const ok = [d.day, d.month, d.year].every(Number.isInteger) && d.year >= 1900 && d.year <= 9999 && real.getFullYear() === d.year && real.getMonth() === d.month - 1 && real.getDate() === d.day;
    if (!ok) out.push(raiseAt("meeting.date.invalid", { value: formatDate(d) }, "date"));
  }
  const t = patch.time;
  if (t && !(Number.isInteger(t.hour) && Number.isInteger(t.minute) && t.hour >= 0 && t.hour <= 23 && t.minute >= 0 && t.minute <= 59)) {
    out.push(raiseAt("meeting.time.invalid", { value: formatTime(t.hour, t.minute) }, "time"));
  }
  const n = members.length;
  const p = patch.present;
  if (p !== undefined && p !== null && !(Number.isInteger(p) && p >= 0 && p <= n)) {
    out.push(raiseAt("meeting.present.invalid", { value: p }, "present"));
  }
  const names = new Set(members.map((m) => nameKey(m.name)));
  (patch.absent ?? []).forEach((a, i) => {
    if (cleanText(a) && !names.has(nameKey(a))) out.push(raiseAt("meeting.absent.unknown", { unit: cleanText(a) }, `absent.${i}`));
  });
  if (patch.absent && p !== undefined && p !== null && Number.isInteger(p) && p + patch.absent.length > n) {
    out.push(raiseAt("meeting.present.overMembers", { present: p, absent: patch.absent.length, members: n }, "present"));
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
