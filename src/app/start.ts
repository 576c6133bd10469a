import { raise } from "../domain/codes";
import type { ExcelHost } from "../excel/host";
import { validateBloc, type Bloc } from "../domain/bloc/bloc";
import type { CriteriaTable } from "../domain/criteria/model";
import { hasErrors, type Issue, type Message } from "../domain/issues";
import { defaultCatalogue, validateCatalogue } from "../domain/nomination/catalogue";
import type { Award, Catalogue } from "../domain/nomination/model";
import { dayDateText, perMember, validatePact, validateRegistrations, type Pact, type Registration } from "../domain/start/model";
import { nameKey } from "../domain/text";
import { writeSheets, type WriteReport } from "../excel/apply";
import { readWorkbook, type SheetRead, type WorkbookRead } from "../excel/read";
import { cellAddress } from "../workbook/a1";
import { BLOC_NAMES, BLOC_SHEET, readBlocSheet } from "../workbook/bloc/blocSheet";
import { CRITERIA_SHEET, readCriteriaSheet } from "../workbook/criteria/criteriaSheet";
import type { LogEntry } from "../workbook/log/logSheet";
import { CATALOGUE_SHEET, CATALOGUE_TABLE_NAME, readCatalogueSheet } from "../workbook/nomination/catalogueSheet";
import type { SheetPlan } from "../workbook/plan";
import { PACT_SHEET, PACT_TABLE_NAME, pactSheetPlan, readPactSheet } from "../workbook/start/pactSheet";
import { readRegistrationGrid, REGISTRATION_SHEET, REGISTRATION_TABLE_NAME, registrationSheetPlan } from "../workbook/start/registrationSheet";
import { pactLayout, registrationLayout, withAwardNames } from "../workbook/start/startDocuments";
import { readFailed, unfinishedIssues, writeFailed } from "./failures";
import type { OutputFile } from "./nomination";

/**
 * The start of the year (issue #12): the emulation pact (giao ước thi đua) the bloc signs at its
 * launch meeting, and each unit's registration (đăng ký thi đua): the titles and rewards it aims
 * for, from the bloc's award catalogue, and its own targets. Both live on sheets of the workbook;
 * the pane reads them back from there (never from its own memory).
 *
 * CONTRACT (written before the implementation so the pane and the use cases are built side by
 * side): the names and shapes below are fixed; the bodies are filled in by the start-of-year work.
 */

/** The sheets this step writes. */
export const START_SHEETS = { pact: "Giao ước thi đua", registrations: "Đăng ký thi đua" } as const;

/** The pact as the secretary edits it. Dates as typed "dd/mm/yyyy" (checked by savePact). */
export interface PactDraft {
  /** The year's theme or slogan (chủ đề, khẩu hiệu thi đua), may be "". */
  theme: string;
  /** Where and when it is signed (the launch meeting), "dd/mm/yyyy" or "". */
  place: string;
  signedOn: string;
  /** The units' common commitments (nội dung giao ước), one per item, in order. */
  commitments: string[];
}

/** One unit's registration as the secretary edits it. */
export interface RegistrationDraft {
  /** A member's full name (as on "Khối"). */
  unit: string;
  /** Award ids from the catalogue (Award.id) the unit registers for; [] = not registered. */
  awards: string[];
  /** Its own targets (chỉ tiêu, free text), may be "". */
  targets: string;
}

export interface StartState {
  bloc: Bloc | null;
  /** The catalogue's awards the registration can name, in the catalogue's order. */
  awards: Award[];
  /** The pact as on its sheet, or null when the sheet does not exist yet. */
  pact: PactDraft | null;
  /** One per member, in roster order (units with no row have awards [] and targets ""). */
  registrations: RegistrationDraft[];
  /** The registration sheet exists (the nomination engine checks registration only then). */
  hasRegistrationSheet: boolean;
  issues: Issue[];
}

export type StartLoad = { ok: true; state: StartState } | { ok: false; issues: Issue[] };

export type StartOutcome = { kind: "written"; sheets: string[]; state: StartState; issues: Issue[]; syncs: number } | { kind: "invalid"; issues: Issue[] } | { kind: "failed"; issues: Issue[] };

/** A returned file's registrations, compared with the workbook's, before anything is written. */
export interface RegistrationFilePreview {
  /** Units whose registration in the file differs from the workbook's. */
  changes: { unit: string; from: RegistrationDraft; to: RegistrationDraft }[];
  issues: Issue[];
  /** Passed back to applyRegistrationFile: refuses the apply when the sheet changed meanwhile. */
  basedOn: string;
}

export type RegistrationFileResult = { kind: "preview"; preview: RegistrationFilePreview } | { kind: "rejected"; issues: Issue[] };

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** Everything the start of the year reads, in one round trip. */
const READ = {
  sheets: [BLOC_SHEET, CRITERIA_SHEET, CATALOGUE_SHEET, PACT_SHEET, REGISTRATION_SHEET],
  sheetsOfNames: [BLOC_NAMES.name, CATALOGUE_TABLE_NAME, PACT_TABLE_NAME, REGISTRATION_TABLE_NAME],
};

interface StartContext {
  read: WorkbookRead;
  bloc: Bloc | null;
  criteria: CriteriaTable | null;
  catalogue: Catalogue;
  pactSheet: SheetRead | undefined;
  regSheet: SheetRead | undefined;
  state: StartState;
}

const gridOf = (r: SheetRead) => ({ sheet: r.name, row: r.row, col: r.col, values: r.values });
const pick = (read: WorkbookRead, sheet: string, name: string): SheetRead | undefined => (read.byName[sheet]?.exists ? read.byName[sheet] : read.byDefinedName[name]?.exists ? read.byDefinedName[name] : undefined);
const noBloc = (): Issue => raise("start.noBloc", {});

/** The member a name (full or short, DOMAIN §6) stands for. */
const memberOf = (bloc: Bloc, name: string) => bloc.members.find((m) => nameKey(m.name) === nameKey(name)) ?? bloc.members.find((m) => m.shortName && nameKey(m.shortName) === nameKey(name));

function contextOf(read: WorkbookRead): StartContext {
  const mine = [PACT_SHEET, REGISTRATION_SHEET].map(nameKey);
  const issues: Issue[] = [...unfinishedIssues(read, (s) => !mine.includes(nameKey(s)))];
  let bloc: Bloc | null = null;
  const br = pick(read, BLOC_SHEET, BLOC_NAMES.name);
  if (br) {
    const parsed = readBlocSheet(gridOf(br));
    if (parsed.found) {
      const v = validateBloc(parsed.draft, parsed.at);
      if (!hasErrors([...parsed.issues, ...v.issues])) bloc = v.bloc;
    }
  }
  if (!bloc) issues.push(noBloc());
  let criteria: CriteriaTable | null = null;
  const cr = read.byName[CRITERIA_SHEET];
  if (cr?.exists) {
    const r = readCriteriaSheet(gridOf(cr));
    if (r.table && !hasErrors(r.issues)) criteria = r.table;
    else if (r.found) issues.push(raise("start.criteria.invalid", { sheet: CRITERIA_SHEET }, { sheet: cr.name }));
  }
  let catalogue = defaultCatalogue();
  const kr = pick(read, CATALOGUE_SHEET, CATALOGUE_TABLE_NAME);
  if (kr) {
    const r = readCatalogueSheet(gridOf(kr));
    if (r.found && r.catalogue && !hasErrors([...r.issues, ...validateCatalogue(r.catalogue)])) catalogue = r.catalogue;
    else if (r.found) issues.push(raise("start.catalogue.invalid", { sheet: kr.name }, { sheet: kr.name }));
  }
  const pactSheet = pick(read, PACT_SHEET, PACT_TABLE_NAME);
  let pact: PactDraft | null = null;
  if (pactSheet) {
    const r = readPactSheet(gridOf(pactSheet));
    issues.push(...r.issues);
    if (r.found) pact = { theme: r.theme, place: r.place, signedOn: r.signedOn, commitments: r.commitments };
  }
  const regSheet = pick(read, REGISTRATION_SHEET, REGISTRATION_TABLE_NAME);
  let registrations: RegistrationDraft[] = [];
  if (regSheet) {
    const g = readRegistrationGrid(gridOf(regSheet));
    issues.push(...g.issues);
    if (bloc) {
      const b = bloc;
      const rows: RegistrationDraft[] = [];
      for (const r of g.rows) {
        const m = memberOf(b, r.unit);
        const where = { sheet: regSheet.name, cell: cellAddress(r.row, g.unitCol) };
        if (!m) {
          issues.push(raise("start.registration.sheetNotMember", { unit: r.unit }, where));
          continue;
        }
        const unknown = r.awards.filter((id) => !catalogue.awards.some((a) => a.id === id));
        for (const id of unknown) issues.push(raise("start.registration.sheetUnknownAward", { id }, where));
        rows.push({ unit: m.name, awards: r.awards.filter((id) => !unknown.includes(id)), targets: r.targets });
      }
      registrations = perMember(rows, b.members);
    }
  } else if (bloc) registrations = perMember([], bloc.members);
  const state: StartState = { bloc, awards: catalogue.awards, pact, registrations, hasRegistrationSheet: !!regSheet, issues };
  return { read, bloc, criteria, catalogue, pactSheet, regSheet, state };
}

async function readContext(host: ExcelHost): Promise<{ ok: true; ctx: StartContext } | { ok: false; issues: Issue[] }> {
  try {
    return { ok: true, ctx: contextOf(await readWorkbook(host, READ)) };
  } catch (e) {
    return { ok: false, issues: [readFailed(e)] };
  }
}

/** Reads the bloc, the criteria, the catalogue, the pact and the registrations. One round trip. */
export async function loadStart(host: ExcelHost): Promise<StartLoad> {
  const r = await readContext(host);
  return r.ok ? { ok: true, state: r.ctx.state } : r;
}

/** Draft → the sheet's pact: dates as dd/mm/yyyy, blank commitments dropped. */
const asDraft = (p: Pact): PactDraft => ({ theme: p.theme, place: p.place, signedOn: p.signedOn ? dayDateText(p.signedOn) : "", commitments: p.commitments });

/** Writes plans through the applier (edits by hand kept aside as "<name> (cũ)"); the outcome with the state as written. */
async function write(host: ExcelHost, ctx: StartContext, plans: SheetPlan[], state: StartState, log: LogEntry, issues: Issue[]): Promise<StartOutcome> {
  let report: WriteReport;
  try {
    report = await writeSheets(host, plans, ctx.read, { activate: plans[0].name, log });
  } catch (e) {
    return { kind: "failed", issues: [writeFailed(e)] };
  }
  if (!report.ok) return { kind: "failed", issues: report.issues };
  return { kind: "written", sheets: plans.map((p) => p.name), state, issues: [...issues, ...report.issues], syncs: 1 + report.syncs };
}

/**
 * Checks and writes the pact on "Giao ước thi đua" (where the user renamed it, if so), with the
 * criteria table as "Tiêu chí" holds it now and one signature block per member. One read, one write.
 */
export async function savePact(host: ExcelHost, draft: PactDraft): Promise<StartOutcome> {
  const r = await readContext(host);
  if (!r.ok) return { kind: "failed", issues: r.issues };
  const { ctx } = r;
  if (!ctx.bloc) return { kind: "invalid", issues: [noBloc()] };
  const checked = validatePact(draft, ctx.bloc.year);
  if (!checked.pact) return { kind: "invalid", issues: checked.issues };
  const plan = pactSheetPlan({ bloc: ctx.bloc, members: ctx.bloc.members.map((m) => m.name), pact: checked.pact, criteria: ctx.criteria }, ctx.pactSheet?.name ?? PACT_SHEET);
  const warnings = ctx.criteria ? [] : [raise("start.pact.noCriteria", { sheet: CRITERIA_SHEET }, { sheet: plan.name })];
  const state: StartState = { ...ctx.state, pact: asDraft(checked.pact), issues: ctx.state.issues.filter((i) => i.where?.sheet !== ctx.pactSheet?.name) };
  return write(host, ctx, [plan], state, { action: "Ghi giao ước thi đua", object: plan.name, counts: `${checked.pact.commitments.length} nội dung cam kết; ${ctx.bloc.members.length} đơn vị ký` }, [...checked.issues, ...warnings]);
}

function registrationsPlan(ctx: StartContext, bloc: Bloc, registrations: Registration[]): SheetPlan {
  return registrationSheetPlan({ bloc, awards: ctx.catalogue.awards, registrations: perMember(registrations, bloc.members) }, ctx.regSheet?.name ?? REGISTRATION_SHEET);
}

async function writeRegistrations(host: ExcelHost, ctx: StartContext, input: RegistrationDraft[], log: Omit<LogEntry, "counts">): Promise<StartOutcome> {
  const bloc = ctx.bloc;
  if (!bloc) return { kind: "invalid", issues: [noBloc()] };
  const bad = ctx.state.issues.filter((i) => i.code === "start.catalogue.invalid");
  if (bad.length) return { kind: "invalid", issues: bad };
  const checked = validateRegistrations(input, bloc.members, ctx.catalogue.awards);
  if (!checked.registrations) return { kind: "invalid", issues: checked.issues };
  const full = perMember(checked.registrations, bloc.members);
  const plan = registrationsPlan(ctx, bloc, full);
  const registered = full.filter((x) => x.awards.length > 0).length;
  const state: StartState = { ...ctx.state, registrations: full, hasRegistrationSheet: true, issues: ctx.state.issues.filter((i) => i.where?.sheet !== ctx.regSheet?.name) };
  return write(host, ctx, [plan], state, { ...log, counts: `${registered}/${bloc.members.length} đơn vị đăng ký` }, checked.issues);
}

/**
 * Checks and writes the registrations on "Đăng ký thi đua": one row per member in roster order
 * (a member left out has an empty row), one column per catalogue award. One read, one write.
 */
export async function saveRegistrations(host: ExcelHost, registrations: RegistrationDraft[]): Promise<StartOutcome> {
  const r = await readContext(host);
  if (!r.ok) return { kind: "failed", issues: r.issues };
  return writeRegistrations(host, r.ctx, registrations, { action: "Ghi đăng ký thi đua", object: r.ctx.regSheet?.name ?? REGISTRATION_SHEET });
}

/** What the workbook's registrations say, as a token: a preview is applied only onto what it saw. */
function registrationsToken(state: StartState): string {
  const s = JSON.stringify([state.hasRegistrationSheet, state.registrations.map((r) => [nameKey(r.unit), [...r.awards].sort(), r.targets])]);
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return `reg:${h.toString(16).padStart(8, "0")}`;
}

const same = (a: RegistrationDraft, b: RegistrationDraft) => a.targets.trim() === b.targets.trim() && a.awards.length === b.awards.length && a.awards.every((x) => b.awards.includes(x));

/**
 * A unit's returned file (.xlsx holding the "Đăng ký thi đua" sheet: a copy of the workbook, or the
 * sheet moved to a new book), compared with the workbook: the units whose registration differs.
 * A row left empty in the file changes nothing (a file never clears a registration). Refused,
 * nothing written: not an .xlsx (start.file.unreadable), no registration sheet (start.file.noSheet),
 * another year (start.file.otherYear) or bloc (start.file.otherBloc), a unit not in the bloc
 * (start.file.notMember), a unit twice (start.file.duplicate), an award not in the catalogue
 * (start.file.unknownAward), a column without its id (start.registration.sheet.noIds). One read.
 */
export async function previewRegistrationFile(host: ExcelHost, bytes: Uint8Array | ArrayBuffer): Promise<RegistrationFileResult> {
  const r = await readContext(host);
  if (!r.ok) return { kind: "rejected", issues: r.issues };
  const { ctx } = r;
  const bloc = ctx.bloc;
  if (!bloc) return { kind: "rejected", issues: [noBloc()] };
  const { openXlsx, worksheetGrid, MEMBER_GRID_LIMITS } = await import("../export/memberFile");
  const opened = await openXlsx(bytes);
  if (!opened.ok) {
    return {
      kind: "rejected",
      issues: [raise("start.file.unreadable", { detail: opened.detail ? ` (${opened.detail})` : "" })],
    };
  }
  const date1904 = !!(opened.wb.properties as { date1904?: boolean } | undefined)?.date1904;
  const sheets = [...opened.wb.worksheets].sort((a, b) => Number(nameKey(b.name) === nameKey(REGISTRATION_SHEET)) - Number(nameKey(a.name) === nameKey(REGISTRATION_SHEET)));
  let found: { sheet: string; read: ReturnType<typeof readRegistrationGrid> } | null = null;
  for (const ws of sheets) {
    const read = readRegistrationGrid({ sheet: ws.name, row: 0, col: 0, values: worksheetGrid(ws, date1904, MEMBER_GRID_LIMITS) });
    if (read.found) {
      found = { sheet: ws.name, read };
      break;
    }
  }
  if (!found) {
    const names = opened.wb.worksheets.map((w) => `"${w.name}"`).join(", ") || "—";
    return { kind: "rejected", issues: [raise("start.file.noSheet", { sheet: REGISTRATION_SHEET, names })] };
  }
  const { sheet, read } = found;
  const where = (row?: number, col?: number) => (row === undefined ? { sheet } : { sheet, cell: cellAddress(row, col ?? 0) });
  const refused: Issue[] = read.issues.filter((i) => i.severity === "error");
  if (read.year !== null && read.year !== bloc.year) refused.push(raise("start.file.otherYear", { fileYear: read.year, year: bloc.year }, where(0, 0)));
  if (read.bloc !== null && nameKey(read.bloc) !== nameKey(bloc.name)) refused.push(raise("start.file.otherBloc", { fileBloc: read.bloc, bloc: bloc.name }, where(1, 0)));
  const fileRows = new Map<string, RegistrationDraft>();
  for (const row of read.rows) {
    const unitCol = read.unitCol;
    const m = memberOf(bloc, row.unit);
    if (!m) {
      refused.push(raise("start.file.notMember", { unit: row.unit }, where(row.row, unitCol)));
      continue;
    }
    if (fileRows.has(nameKey(m.name))) {
      refused.push(raise("start.file.duplicate", { unit: m.name }, where(row.row, unitCol)));
      continue;
    }
    for (const id of row.awards) {
      if (!ctx.catalogue.awards.some((a) => a.id === id)) refused.push(raise("start.file.unknownAward", { id }, where(row.row, read.awards.find((a) => a.id === id)?.col)));
    }
    fileRows.set(nameKey(m.name), { unit: m.name, awards: ctx.catalogue.awards.filter((a) => row.awards.includes(a.id)).map((a) => a.id), targets: row.targets });
  }
  if (refused.length) return { kind: "rejected", issues: refused };
  const changes: RegistrationFilePreview["changes"] = [];
  for (const cur of ctx.state.registrations) {
    const to = fileRows.get(nameKey(cur.unit));
    if (!to || (to.awards.length === 0 && !to.targets.trim())) continue;
    if (!same(cur, to)) changes.push({ unit: cur.unit, from: cur, to });
  }
  const issues = [...read.issues];
  if (read.year === null || read.bloc === null) issues.push(raise("start.file.noHeading", { sheet }, where(0, 0)));
  return { kind: "preview", preview: { changes, issues, basedOn: registrationsToken(ctx.state) } };
}

/**
 * Applies a preview's changes to the registrations and rewrites the sheet, unless the workbook's
 * registrations changed since the preview (start.file.changed: preview the file again). One read, one write.
 */
export async function applyRegistrationFile(host: ExcelHost, preview: RegistrationFilePreview): Promise<StartOutcome> {
  const r = await readContext(host);
  if (!r.ok) return { kind: "failed", issues: r.issues };
  const { ctx } = r;
  if (registrationsToken(ctx.state) !== preview.basedOn) {
    return { kind: "invalid", issues: [raise("start.file.changed", { sheet: REGISTRATION_SHEET }, { sheet: ctx.regSheet?.name ?? REGISTRATION_SHEET })] };
  }
  const merged = ctx.state.registrations.map((cur) => preview.changes.find((c) => nameKey(c.unit) === nameKey(cur.unit))?.to ?? cur);
  return writeRegistrations(host, ctx, merged, { action: "Nhận tệp đăng ký thi đua", object: preview.changes.map((c) => c.unit).join(", ") || "—" });
}

/** The pact (.docx, NĐ 30 form, one signature block per member's head) and the registration list (.docx). */
export async function produceStartFiles(host: ExcelHost, opts: { at?: Date } = {}): Promise<{ ok: true; files: OutputFile[]; issues: Issue[] } | { ok: false; issues: Issue[] }> {
  const r = await readContext(host);
  if (!r.ok) return r;
  const { ctx } = r;
  const bloc = ctx.bloc;
  if (!bloc) return { ok: false, issues: [noBloc()] };
  const errors = ctx.state.issues.filter((i) => i.severity === "error");
  if (errors.length) return { ok: false, issues: errors };
  if (!ctx.state.pact && !ctx.state.hasRegistrationSheet) return { ok: false, issues: [raise("start.files.nothing", {})] };
  const now = opts.at ?? new Date();
  const at = { day: now.getDate(), month: now.getMonth() + 1, year: now.getFullYear() };
  const { layoutsToDocx } = await import("../export/docx");
  const head = { name: bloc.name, province: bloc.province, year: bloc.year, leader: bloc.leader };
  const files: OutputFile[] = [];
  const issues: Issue[] = [...ctx.state.issues];
  const pactChecked = ctx.state.pact ? validatePact(ctx.state.pact, bloc.year) : null;
  const pact = pactChecked?.pact ?? null;
  if (pact) {
    if (!ctx.criteria) issues.push(raise("start.files.noCriteria", { sheet: CRITERIA_SHEET }, { sheet: CRITERIA_SHEET }));
    const layout = pactLayout({ bloc: head, members: bloc.members.map((m) => m.name), pact, criteria: ctx.criteria, at });
    files.push({ name: `Giao-uoc-thi-dua-${bloc.year}.docx`, mime: DOCX, bytes: await layoutsToDocx([{ layout, orientation: "portrait" }], { title: `Giao ước thi đua năm ${bloc.year}` }), label: { vi: "Giao ước thi đua (.docx)", en: "Emulation pact (.docx)" } });
  } else issues.push(raise("start.files.noPact", {}, { sheet: PACT_SHEET }));
  if (ctx.state.hasRegistrationSheet) {
    const layout = registrationLayout({ bloc: head, registrations: withAwardNames(ctx.state.registrations, ctx.catalogue.awards), at: pact?.signedOn ?? at, place: pact?.place ?? "" });
    files.push({ name: `Dang-ky-thi-dua-${bloc.year}.docx`, mime: DOCX, bytes: await layoutsToDocx([{ layout, orientation: "portrait" }], { title: `Danh sách đăng ký thi đua năm ${bloc.year}` }), label: { vi: "Danh sách đăng ký thi đua (.docx)", en: "Registration list (.docx)" } });
  } else issues.push(raise("start.files.noRegistrations", {}, { sheet: REGISTRATION_SHEET }));
  return { ok: true, files, issues };
}

/** Labels for the pane (what each file or sheet is). */
export const START_LABELS: Record<keyof typeof START_SHEETS, Message> = {
  pact: { vi: "Giao ước thi đua", en: "Emulation pact" },
  registrations: { vi: "Đăng ký thi đua", en: "Registrations" },
};
