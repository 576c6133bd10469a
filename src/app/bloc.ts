import { raise } from "../domain/codes";
import { readFailed } from "./failures";
import { blocToDraft, validateBloc, type Bloc, type BlocDraft } from "../domain/bloc/bloc";
import { hasErrors, type Issue } from "../domain/issues";
import { cleanText, nameKey } from "../domain/text";
import { readWorkbook, type SheetRead, type WorkbookRead } from "../excel/read";
import { writeSheets, type WorkbookState } from "../excel/apply";
import { guardOf, keepConcurrentEdits } from "./concurrent";
import type { ExcelHost } from "../excel/host";
import { BLOC_NAMES, BLOC_SHEET, blocSheetPlan, readBlocSheet } from "../workbook/bloc/blocSheet";
import { cellAddress } from "../workbook/a1";
import { LEADERSHIP_SHEET, LEADERSHIP_TABLE_NAME, readLeadershipSheet } from "../workbook/bloc/leadershipSheet";

/** What the workbook holds about the bloc. */
export interface BlocState {
  /**
   * none: no bloc sheet; ok: a valid bloc; invalid: a bloc sheet with errors (the draft shows what
   * it says); foreign: a sheet named "Khối" that is not a bloc record.
   */
  status: "none" | "ok" | "invalid" | "foreign";
  /** The bloc sheet's current name (the user may have renamed it). */
  sheet: string | null;
  bloc: Bloc | null;
  draft: BlocDraft | null;
  issues: Issue[];
  /** A fingerprint of the sheet's values when read, to notice edits made since. */
  fingerprint: string | null;
  /** Cells of the sheet that are not part of the record (they would not survive a rewrite). */
  unknownCells: string[];
}

/** FNV-1a: enough to notice an edit between a read and a write. */
function fnv(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

/**
 * The fingerprint of what a bloc sheet says (not how it looks): a re-format is not an edit; a
 * changed value, or a changed roster order (later steps use it), is. The pane keeps it from load
 * or save.
 */
export function draftFingerprint(d: BlocDraft): string {
  const t = (v: unknown) => cleanText(String(v ?? ""));
  return fnv(
    JSON.stringify([
      t(d.name),
      t(d.province),
      t(d.year),
      t(d.leader),
      d.deputies.map(t).filter(Boolean),
      d.members.map((m) => [t(m.name), t(m.shortName), t(m.note)]),
    ]),
  );
}

function stateFrom(read: SheetRead | undefined): BlocState {
  if (!read || !read.exists) return { status: "none", sheet: null, bloc: null, draft: null, issues: [], fingerprint: null, unknownCells: [] };
  const parsed = readBlocSheet({ sheet: read.name, row: read.row, col: read.col, values: read.values });
  const fingerprint = parsed.found ? draftFingerprint(parsed.draft) : fnv(JSON.stringify(read.values));
  if (!parsed.found) {
    return { status: read.values.length ? "foreign" : "none", sheet: read.name, bloc: null, draft: null, issues: [], fingerprint, unknownCells: parsed.unknownCells };
  }
  const { bloc, issues } = validateBloc(parsed.draft, parsed.at);
  const all = [...parsed.issues, ...issues];
  return {
    status: bloc && !hasErrors(all) ? "ok" : "invalid",
    sheet: read.name,
    bloc: hasErrors(all) ? null : bloc,
    draft: parsed.draft,
    issues: all,
    fingerprint,
    unknownCells: parsed.unknownCells,
  };
}

/** The bloc sheet: "Khối", or wherever the bloc's defined names now point. */
function pickBlocSheet(read: Awaited<ReturnType<typeof readWorkbook>>): SheetRead | undefined {
  const byName = read.byName[BLOC_SHEET];
  if (byName?.exists) return byName;
  const moved = read.byDefinedName[BLOC_NAMES.name];
  return moved?.exists ? moved : byName;
}

const READ_REQUEST = { sheets: [BLOC_SHEET, LEADERSHIP_SHEET], sheetsOfNames: [BLOC_NAMES.name, LEADERSHIP_TABLE_NAME] };

/**
 * The leadership record's word on the bloc's year: when "Trưởng khối các năm" names another leader
 * or other deputies for the year on "Khối" (next year's, chosen last year), a warning says so.
 */
function leadershipIssues(read: WorkbookRead, bloc: Bloc | null): Issue[] {
  if (!bloc) return [];
  const lr = read.byName[LEADERSHIP_SHEET]?.exists ? read.byName[LEADERSHIP_SHEET] : read.byDefinedName[LEADERSHIP_TABLE_NAME];
  if (!lr?.exists) return [];
  const row = readLeadershipSheet({ sheet: lr.name, row: lr.row, col: lr.col, values: lr.values }).rows.find((r) => r.year === bloc.year);
  if (!row) return [];
  const same = (a: string, b: string) => nameKey(a) === nameKey(b);
  const deputiesSame = row.deputies.length === bloc.deputies.length && row.deputies.every((d) => bloc.deputies.some((x) => same(x, d)));
  if (same(row.leader, bloc.leader) && deputiesSame) return [];
  let cell = "A1";
  lr.values.forEach((r, i) => r.forEach((v, j) => (v === bloc.year && cell === "A1" ? (cell = cellAddress(lr.row + i, lr.col + j)) : null)));
  return [
    raise("bloc.leadership.differs", { sheet: lr.name, year: bloc.year, leader: row.leader, deputies: names(row.deputies), recordLeader: bloc.leader, recordDeputies: names(bloc.deputies) }, { sheet: lr.name, cell }),
  ];
}

/** Why saving asks first, as its catalogued code. */
const SAVE_CODE = { changed: "bloc.save.changed", extraContent: "bloc.save.extraContent", foreign: "bloc.save.foreign" } as const;

/** Names as a list, "—" for none. */
const names = (xs: readonly string[]) => (xs.length ? xs.join(", ") : "—");

/** Reads the bloc from the workbook (and checks it against the leadership record). One round trip. */
export async function loadBloc(host: ExcelHost): Promise<BlocState> {
  try {
    const read = await readWorkbook(host, READ_REQUEST);
    const st = stateFrom(pickBlocSheet(read));
    return { ...st, issues: [...st.issues, ...leadershipIssues(read, st.bloc)] };
  } catch (e) {
    const issue = readFailed(e);
    return { status: "none", sheet: null, bloc: null, draft: null, issues: [issue], fingerprint: null, unknownCells: [] };
  }
}

export type SaveOutcome =
  /** Written. */
  | { kind: "saved"; bloc: Bloc; sheet: string; fingerprint: string; issues: Issue[]; keptOld: { from: string; to: string }[] }
  /** The draft has errors: nothing was written. */
  | { kind: "invalid"; issues: Issue[] }
  /**
   * Writing would lose something the user has: the sheet changed since it was read
   * ("changed"), holds cells outside the record ("extraContent"), or is not a bloc sheet
   * ("foreign"). Nothing was written; save again with `confirm` to go on (the old sheet is then
   * kept under another name whenever it holds anything the new one would not).
   */
  | { kind: "confirm"; reason: "changed" | "extraContent" | "foreign"; state: BlocState; issues: Issue[] }
  /** Excel failed; nothing half-written was left. */
  | { kind: "failed"; issues: Issue[] };

export interface SaveOptions {
  /** The fingerprint of the sheet when the user started editing (from loadBloc), or null for a new bloc. */
  basedOn: string | null;
  /** The user confirmed after a "confirm" outcome. */
  confirm?: boolean;
}

/**
 * Checks a draft and writes the "Khối" sheet: one round trip to read what is there, one to write.
 * Never overwrites what it has not read or what it would not rewrite without the user's consent.
 */
export async function saveBloc(host: ExcelHost, draft: BlocDraft, options: SaveOptions): Promise<SaveOutcome> {
  const { bloc, issues } = validateBloc(draft);
  if (!bloc) return { kind: "invalid", issues };

  let current: BlocState;
  let state: WorkbookState;
  let grid: SheetRead | undefined;
  try {
    const read = await readWorkbook(host, READ_REQUEST);
    grid = pickBlocSheet(read);
    current = stateFrom(grid);
    state = read;
  } catch (e) {
    return { kind: "failed", issues: [readFailed(e)] };
  }

  const confirmIssue = (reason: "changed" | "extraContent" | "foreign"): Issue =>
    raise(SAVE_CODE[reason], { sheet: current.sheet ?? "", count: current.unknownCells.length, cells: current.unknownCells.slice(0, 3).join(", ") }, current.sheet ? { sheet: current.sheet, cell: current.unknownCells[0] ?? "A1" } : undefined);

  let keepOld = false;
  if (current.status === "foreign") keepOld = true;
  else if (current.fingerprint !== null && current.fingerprint !== options.basedOn) keepOld = true;
  else if (current.unknownCells.length > 0) keepOld = true;
  if (keepOld && !options.confirm) {
    const reason = current.status === "foreign" ? "foreign" : current.fingerprint !== options.basedOn ? "changed" : "extraContent";
    return { kind: "confirm", reason, state: current, issues: [confirmIssue(reason)] };
  }

  const sheetName = current.sheet && current.status !== "foreign" ? current.sheet : BLOC_SHEET;
  const plan = blocSheetPlan(bloc, sheetName);
  const guard = current.status !== "foreign" ? guardOf(grid) : null;
  const report = await writeSheets(host, [plan], state, {
    guards: guard ? [guard] : [],
    // A sheet that is not a bloc record is moved aside whole; our own, edited or with extra cells, is updated in place after a copy of its values is kept.
    existing: { [sheetName]: current.status === "foreign" ? "renameAside" : keepOld ? "keepOld" : "replace" },
    activate: sheetName,
    log: { action: "Lưu hồ sơ khối", object: `Trang "${sheetName}"`, counts: `${bloc.members.length} đơn vị, năm ${bloc.year}`, note: keepOld ? "Giữ trang cũ" : undefined },
  });
  if (!report.ok) return { kind: "failed", issues: report.issues };
  const meanwhile = guard ? await keepConcurrentEdits(host, state, [grid], report) : { issues: [] };
  return { kind: "saved", bloc, sheet: sheetName, fingerprint: draftFingerprint(blocToDraft(bloc)), issues: [...issues, ...report.issues, ...meanwhile.issues], keptOld: report.keptOld };
}

export { blocToDraft };
