import { raise, raiseAt } from "../domain/codes";
import { readFailed, unfinishedIssues, writeFailed } from "./failures";
import type { Bloc } from "../domain/bloc/bloc";
import { leaves, type CriteriaTable } from "../domain/criteria/model";
import { templateById } from "../domain/criteria/templates";
import { hasErrors, type Issue, type Where } from "../domain/issues";
import { computeResults, type UnitResult } from "../domain/scoring/engine";
import { validateEntries, type UnitEntries } from "../domain/scoring/validate";
import { defaultSettings, type ScoringSettings } from "../domain/scoring/settings";
import { nameKey } from "../domain/text";
import { writeSheets } from "../excel/apply";
import { writeCells, type CellWrite } from "../excel/cells";
import type { ExcelHost } from "../excel/host";
import { readWorkbook, type WorkbookRead } from "../excel/read";
import { BLOC_NAMES, BLOC_SHEET, readBlocSheet } from "../workbook/bloc/blocSheet";
import { CRITERIA_SHEET, criteriaSheetPlan, readCriteriaSheet } from "../workbook/criteria/criteriaSheet";
import { planCells, type SheetPlan } from "../workbook/plan";
import { readSettingsSheet, SETTINGS_NAMES, SETTINGS_SHEET, settingsSheetPlan } from "../workbook/scoring/settingsSheet";
import { sectionName, SUMMARY_SHEET, summarySheetPlan } from "../workbook/scoring/summarySheet";
import { COL as UNIT_COL, readUnitSheet, unitSheetNames, unitSheetPlan, WIDTH, type KeptEntry, type UnitSheetRead } from "../workbook/scoring/unitSheet";
import { validateBloc } from "../domain/bloc/bloc";
import { cellAddress, rangeAddress } from "../workbook/a1";

/** A workbook name present while the scoring sheets are protected with a password (never the password). */
export const PASSWORD_MARK = "BX_CoMatKhau";

/** At most this many unit sheets are tracked (workbook names BX_DV_1 … BX_DV_200). */
export const MAX_UNITS = 200;
export const unitName = (k: number) => `BX_DV_${k}`;
const ALL_UNIT_NAMES = Array.from({ length: MAX_UNITS }, (_, i) => unitName(i + 1));


/** Everything scoring needs from the workbook, read in one round trip. */
export interface ScoringContext {
  read: WorkbookRead;
  bloc: Bloc | null;
  blocIssues: Issue[];
  /** The table on the "Tiêu chí" sheet, if any. */
  criteria: { found: boolean; table: CriteriaTable | null; issues: Issue[] } | null;
  settings: ScoringSettings | null;
  settingsIssues: Issue[];
  settingsFound: boolean;
  /** Unit sheets found through their names, in name order. */
  units: (UnitSheetRead & { name: string; col0: number })[];
}

/**
 * A unit sheet's table as read: 13 columns, of which the reader needs all but the criterion's text
 * (the longest, and the same on every sheet: it comes from "Tiêu chí"). About 12 bytes a cell.
 */
const UNIT_READ = { width: WIDTH, cellBytes: 12, skip: [UNIT_COL.text] };
const UNIT_HEAVY = Object.fromEntries(ALL_UNIT_NAMES.map((n) => [n, UNIT_READ]));

export async function readScoringContext(host: ExcelHost): Promise<ScoringContext> {
  // Up to 200 unit sheets: read in row slices under the response budget where they are long.
  // "Tổng hợp" too: a note typed inside what the add-in writes there is kept aside before a rewrite (issue #11).
  const read = await readWorkbook(host, { sheets: [BLOC_SHEET, CRITERIA_SHEET, SETTINGS_SHEET, SUMMARY_SHEET], formulasOf: [SUMMARY_SHEET], sheetsOfNames: [BLOC_NAMES.name], regions: ALL_UNIT_NAMES, heavy: UNIT_HEAVY });
  const blocRead = read.byName[BLOC_SHEET]?.exists ? read.byName[BLOC_SHEET] : read.byDefinedName[BLOC_NAMES.name];
  let bloc: Bloc | null = null;
  let blocIssues: Issue[] = [];
  if (blocRead?.exists) {
    const parsed = readBlocSheet({ sheet: blocRead.name, row: blocRead.row, col: blocRead.col, values: blocRead.values });
    const v = validateBloc(parsed.draft, parsed.at);
    bloc = parsed.found ? v.bloc : null;
    blocIssues = [...parsed.issues, ...v.issues].filter((i) => i.severity === "error");
  }
  const cr = read.byName[CRITERIA_SHEET];
  const criteria = cr?.exists ? readCriteriaSheet({ sheet: cr.name, row: cr.row, col: cr.col, values: cr.values }) : null;
  const table = criteria?.table ?? null;
  const sr = read.byName[SETTINGS_SHEET];
  const names = table ? table.sections.map((_, i) => sectionName(table, i)) : [];
  const ids: string[] = [];
  const walk = (c: CriteriaTable["sections"][number]) => (ids.push(c.id), c.children.forEach(walk));
  table?.sections.forEach(walk);
  const s = readSettingsSheet(sr?.exists ? { sheet: sr.name, row: sr.row, col: sr.col, values: sr.values } : null, defaultSettings(table?.scale ?? 100), names, ids);
  const units = ALL_UNIT_NAMES.map((n) => read.regions[n])
    .filter((r) => r?.exists)
    .map((r) => ({ ...readUnitSheet({ sheet: r.sheet ?? "", row: r.row ?? 0, col: r.col ?? 0, values: r.values }), name: r.name, col0: r.col ?? 0 }));
  return { read, bloc, blocIssues, criteria, settings: s.settings, settingsIssues: s.issues, settingsFound: !!sr?.exists, units };
}

/** The entries of a read unit sheet, by criterion id, as cells to carry over. */
function keptOf(u: UnitSheetRead): Map<string, KeptEntry> {
  const out = new Map<string, KeptEntry>();
  const v = (x: unknown) => (x === "" || x === undefined ? null : (x as string | number | boolean));
  for (const r of u.rows) out.set(r.id, { self: v(r.self), review: v(r.review), agreed: v(r.agreed), evidence: v(r.evidence), note: v(r.note) });
  return out;
}
const hasEntry = (k: KeptEntry) => [k.self, k.review, k.agreed, k.evidence, k.note].some((x) => x !== null && x !== "");

export interface InsertOptions {
  /** Use a shipped template (writes it to the "Tiêu chí" sheet); otherwise the sheet's own table. */
  template?: string;
  /**
   * Password for the protected sheets (optional). Left empty on a re-insert, the password the
   * sheets were protected with stays required: the insert asks for it, unless `removePassword`.
   */
  password?: string;
  /** The user asks to protect the sheets without a password from now on (the box is then left empty). */
  removePassword?: boolean;
  /** The user agreed to drop the entries listed in a "confirm" outcome. */
  confirm?: boolean;
}

export interface InsertReport {
  units: number;
  criteria: number;
  addedUnits: string[];
  removedUnits: string[];
  addedCriteria: string[];
  removedCriteria: string[];
  /** Entries carried over from the previous sheets. */
  keptEntries: number;
}

export type InsertOutcome =
  | { kind: "inserted"; report: InsertReport; issues: Issue[]; syncs: number }
  | { kind: "invalid"; issues: Issue[] }
  | { kind: "confirm"; report: InsertReport; lost: { unit: string; criterion: string }[]; issues: Issue[] }
  | { kind: "failed"; issues: Issue[] };

/**
 * Inserts (or re-inserts) the scoring sheets: one score sheet per member, the criteria and settings
 * sheets, and the summary. One round trip to read, one to write (more only where a request would
 * pass 5 MB). Every entered score is kept, matched by unit and criterion id; entries that would be
 * lost (a removed unit or criterion) are listed and need the user's confirmation.
 */
export async function insertScoring(host: ExcelHost, options: InsertOptions = {}): Promise<InsertOutcome> {
  let ctx: ScoringContext;
  try {
    ctx = await readScoringContext(host);
  } catch (e) {
    return { kind: "failed", issues: [readFailed(e)] };
  }
  const { bloc } = ctx;
  if (!bloc) {
    return {
      kind: "invalid",
      issues: ctx.blocIssues.length
        ? ctx.blocIssues
        : [raise("scoring.noBloc", {})],
    };
  }

  let table: CriteriaTable | null;
  let criteriaPlan: SheetPlan | null = null;
  if (options.template) {
    const t = templateById(options.template);
    if (!t) return { kind: "invalid", issues: [raise("scoring.template.unknown", { template: options.template })] };
    table = t.table;
    criteriaPlan = criteriaSheetPlan(table);
  } else {
    if (!ctx.criteria?.found) {
      return { kind: "invalid", issues: [raise("scoring.noCriteria", { sheet: CRITERIA_SHEET })] };
    }
    if (!ctx.criteria.table || hasErrors(ctx.criteria.issues)) return { kind: "invalid", issues: ctx.criteria.issues };
    table = ctx.criteria.table;
    criteriaPlan = criteriaSheetPlan(table);
  }
  // The sheets were protected with a password (the marker name says so; the password itself is never stored):
  // an empty box keeps it required rather than protecting them again without one (issue #11).
  const hadPassword = ctx.read.names.some((n) => nameKey(n.name) === nameKey(PASSWORD_MARK));
  if (options.password && options.removePassword) {
    return { kind: "invalid", issues: [raiseAt("scoring.password.conflict", {}, "password")] };
  }
  if (hadPassword && !options.password && !options.removePassword) {
    return { kind: "invalid", issues: [raiseAt("scoring.password.required", { sheet: SUMMARY_SHEET }, "password")] };
  }
  const sectionNames = table.sections.map((_, i) => sectionName(table as CriteriaTable, i));
  // A "Cài đặt" the add-in did not make (none of its names point there) is the user's own: kept
  // aside whole, and ours written, so the summary's formulas find their settings (issue #11).
  const settingsOurs = ctx.settingsFound && settingsLookOurs(ctx);
  // The settings sheet is the user's once it exists: read, never rewritten. A new one gets defaults for the scale.
  const settings = settingsOurs && ctx.settings ? ctx.settings : defaultSettings(table.scale);
  if (settingsOurs && hasErrors(ctx.settingsIssues)) return { kind: "invalid", issues: ctx.settingsIssues };

  // Match the old sheets to the members by the unit named on each sheet.
  const byUnit = new Map(ctx.units.map((u) => [nameKey(u.unit), u]));
  const ids = new Set(leaves(table).map((l) => l.leaf.id));
  const report = emptyReport();
  report.units = bloc.members.length;
  report.criteria = ids.size;
  const lost: { unit: string; criterion: string }[] = [];
  const oldIds = new Set(ctx.units.flatMap((u) => u.rows.map((r) => r.id)));
  report.addedCriteria = [...ids].filter((i) => ctx.units.length > 0 && !oldIds.has(i));
  report.removedCriteria = [...oldIds].filter((i) => !ids.has(i));
  const keptByMember = bloc.members.map((m) => {
    const old = byUnit.get(nameKey(m.name));
    if (!old) {
      if (ctx.units.length) report.addedUnits.push(m.name);
      return undefined;
    }
    const kept = keptOf(old);
    for (const [id, k] of kept) {
      if (!ids.has(id) && hasEntry(k)) lost.push({ unit: m.name, criterion: id });
      else if (hasEntry(k)) report.keptEntries++;
    }
    return kept;
  });
  const memberKeys = new Set(bloc.members.map((m) => nameKey(m.name)));
  for (const u of ctx.units) {
    if (memberKeys.has(nameKey(u.unit))) continue;
    report.removedUnits.push(u.unit || u.sheet);
    for (const [id, k] of keptOf(u)) if (hasEntry(k)) lost.push({ unit: u.unit || u.sheet, criterion: id });
  }
  // One question for everything the user would lose: the old table replaced by a template, and every entered cell dropped.
  const replacing = !!options.template && !!ctx.criteria?.found;
  if ((replacing || lost.length > 0) && !options.confirm) {
    const ask: Issue[] = [];
    if (replacing) {
      ask.push(raise("scoring.criteria.replace", { sheet: CRITERIA_SHEET }));
    }
    if (lost.length === 0) return { kind: "confirm", report, lost, issues: ask };
    return {
      kind: "confirm",
      report,
      lost,
      issues: [
        ...ask,
        raise("scoring.reinsert.loses", { count: lost.length, cells: lost.slice(0, 3).map((l) => `${l.unit} / ${l.criterion}`).join("; ") + (lost.length > 3 ? "; …" : "") }),
      ],
    };
  }

  // Sheet names: our unit sheets are replaced in place; removed units' sheets stay as they are.
  const ours = new Set(ctx.units.filter((u) => memberKeys.has(nameKey(u.unit))).map((u) => nameKey(u.sheet)));
  const reserved = [BLOC_SHEET, CRITERIA_SHEET, SETTINGS_SHEET, SUMMARY_SHEET, ...ctx.read.sheets.filter((s) => !ours.has(nameKey(s)))];
  const oldSheetOf = new Map(ctx.units.map((u) => [nameKey(u.unit), u.sheet]));
  const fresh = unitSheetNames(bloc.members, reserved);
  const sheetNames = bloc.members.map((m, i) => oldSheetOf.get(nameKey(m.name)) ?? fresh[i]);

  const units = bloc.members.map((member, i) => unitSheetPlan({ table: table as CriteriaTable, member, sheet: sheetNames[i], blocName: bloc.name, year: bloc.year, kept: keptByMember[i], password: options.password }));
  units.forEach(({ plan, map }, i) => plan.names.push({ name: unitName(i + 1), range: rangeAddress(0, 0, map.totals.invalid + 1, WIDTH, true) }));
  const summary = summarySheetPlan({ table, settings, members: bloc.members, maps: units.map((u) => u.map), blocName: bloc.name, year: bloc.year });
  if (options.password) summary.plan.protection = { password: options.password };
  if (options.password) summary.plan.names.push({ name: PASSWORD_MARK, range: "$A$1", comment: "Bình xét: các trang được bảo vệ bằng mật khẩu (mật khẩu không được lưu)" });
  const plans: SheetPlan[] = [];
  if (criteriaPlan) plans.push(criteriaPlan);
  if (!settingsOurs) plans.push(settingsSheetPlan(settings, sectionNames));
  plans.push(summary.plan, ...units.map((u) => u.plan));
  // The criteria sheet is kept aside when it held something the rewrite would not (a pasted table, or a template replaced).
  // Rows the reader ignored would not survive the rewrite: then the old sheet is kept too.
  const ignored = (ctx.criteria?.issues ?? []).some((i) => i.code === "criteria.row.ignored");
  const keepCriteria = ctx.criteria?.found && (options.template || ignored || !criteriaLooksOurs(ctx));
  const existing: Record<string, "replace" | "keepOld"> = {};
  if (keepCriteria) existing[CRITERIA_SHEET] = "keepOld";
  // A user's own "Cài đặt" has no region name: the writer keeps it aside whole and says so.
  const stale = ALL_UNIT_NAMES.slice(bloc.members.length).filter((n) => ctx.read.regions[n]?.exists);
  const log = {
    action: "Chèn bảng chấm điểm",
    object: options.template ? `Mẫu "${options.template}"` : `Trang "${CRITERIA_SHEET}"`,
    counts: `${report.units} đơn vị × ${report.criteria} tiêu chí; giữ ${report.keptEntries} ô điểm`,
    note: lost.length ? `Bỏ ${lost.length} ô điểm (đã hỏi)` : undefined,
  };
  // The input cells of the sheets being rewritten are read again in the write's own request: a
  // score a co-author typed since our read is carried into the new sheet, not lost.
  const guarded = ctx.units.filter((u) => ours.has(nameKey(u.sheet)) && u.rows.length > 0).map((u) => ({ u, ...inputArea(u) }));
  const w = await writeSheets(host, plans, withUnitGrids(ctx, bloc.members.map((m) => byUnit.get(nameKey(m.name))), units.map((u) => u.plan)), {
    existing,
    activate: SUMMARY_SHEET,
    deleteNames: options.removePassword ? [...stale, PASSWORD_MARK] : stale,
    log,
    password: options.password,
    guards: guarded.map((g) => ({ sheet: g.u.sheet, address: g.address })),
  });
  if (!w.ok) return { kind: "failed", issues: w.issues };
  const issues = [...(ctx.criteria?.issues ?? []).filter((i) => i.severity === "warning"), ...w.issues];
  const late = typedMeanwhile(guarded, w.guarded, (unit) => {
    const i = bloc.members.findIndex((m) => nameKey(m.name) === nameKey(unit));
    return i < 0 ? null : { sheet: sheetNames[i], rows: units[i].map.rows };
  });
  let syncs = 1 + w.syncs;
  if (late.length) {
    const back = await writeCells(host, late);
    syncs += back.syncs;
    issues.push(
      raise("scoring.reinsert.typedMeanwhile", { count: late.length, cells: late.slice(0, 3).map((c) => `${c.sheet}!${c.address}`).join(", ") + (late.length > 3 ? "…" : "") }, { sheet: late[0].sheet, cell: late[0].address }),
      ...back.issues,
    );
  }
  if (report.removedUnits.length) {
    issues.push(raise("scoring.unitsRemoved", { units: report.removedUnits.join(", ") }));
  }
  return { kind: "inserted", report, issues, syncs };
}

const INPUTS = ["self", "review", "agreed", "evidence", "note"] as const;

/** The block of a read unit sheet's input cells (leaf rows × self…note), 0-based and as an address. */
function inputArea(u: UnitSheetRead & { col0: number }): { row: number; col: number; address: string } {
  const rows = u.rows.map((r) => r.row);
  const cols = INPUTS.map((k) => u.col0 + u.cols[k]);
  const row = Math.min(...rows);
  const col = Math.min(...cols);
  return { row, col, address: rangeAddress(row, col, Math.max(...rows) - row + 1, Math.max(...cols) - col + 1) };
}

/**
 * Input cells whose value just before the write differs from what was read: typed by someone else
 * in between. Returned as writes to the same unit and criterion on the new sheets.
 */
function typedMeanwhile(
  guarded: { u: UnitSheetRead & { col0: number }; row: number; col: number; address: string }[],
  found: Record<string, unknown[][]>,
  target: (unit: string) => { sheet: string; rows: Map<string, number> } | null,
): CellWrite[] {
  const same = (a: unknown, b: unknown) => (a === "" || a === null || a === undefined ? "" : a) === (b === "" || b === null || b === undefined ? "" : b);
  const out: CellWrite[] = [];
  for (const g of guarded) {
    const now = found[`${g.u.sheet}!${g.address}`];
    const to = now && target(g.u.unit);
    if (!now || !to) continue;
    for (const r of g.u.rows) {
      const row = to.rows.get(r.id);
      if (row === undefined) continue;
      for (const k of INPUTS) {
        const v = now[r.row - g.row]?.[g.u.col0 + g.u.cols[k] - g.col];
        if (!same(v, r[k])) out.push({ sheet: to.sheet, address: cellAddress(row, UNIT_COL[k]), value: v === undefined ? null : (v as string | number | null) });
      }
    }
  }
  return out;
}

/**
 * What was read of each unit sheet kept in place, as the writer checks it for cells typed by hand:
 * only the cells where the new sheet writes nothing (a note in a blank cell). Entries are carried
 * by criterion, and the rest is the add-in's own; those are left out, so a changed table is not
 * taken for an edit (issue #11).
 */
function withUnitGrids(ctx: ScoringContext, old: (ScoringContext["units"][number] | undefined)[], plans: SheetPlan[]): WorkbookRead {
  const byName = { ...ctx.read.byName };
  plans.forEach((plan, i) => {
    const u = old[i];
    const r = u && ctx.read.regions[u.name];
    if (!u || !r?.exists || nameKey(r.sheet ?? "") !== nameKey(plan.name) || byName[plan.name]) return;
    const { constants, formulas } = planCells(plan);
    const row0 = r.row ?? 0;
    const col0 = r.col ?? 0;
    const values = r.values.map((row, i2) => row.map((v, j) => (constants.has(`${row0 + i2},${col0 + j}`) || formulas.has(`${row0 + i2},${col0 + j}`) ? "" : v)));
    byName[plan.name] = { name: r.sheet ?? plan.name, exists: true, row: row0, col: col0, values };
  });
  return { ...ctx.read, byName };
}

/** The settings sheet the add-in wrote: its names (the stage cell…) point at it. */
function settingsLookOurs(ctx: ScoringContext): boolean {
  const sheet = ctx.read.byName[SETTINGS_SHEET]?.name ?? SETTINGS_SHEET;
  const at = ctx.read.names.find((n) => nameKey(n.name) === nameKey(SETTINGS_NAMES.stage))?.formula ?? "";
  const f = at.replace(/^=/, "");
  const on = f.slice(0, f.lastIndexOf("!")).replace(/^'|'$/g, "").replace(/''/g, "'");
  return nameKey(on) === nameKey(sheet);
}

function criteriaLooksOurs(ctx: ScoringContext): boolean {
  const v = ctx.read.byName[CRITERIA_SHEET]?.values ?? [];
  return v.some((row) => row.some((c) => String(c ?? "").normalize("NFC") === "Mã"));
}

function emptyReport(): InsertReport {
  return { units: 0, criteria: 0, addedUnits: [], removedUnits: [], addedCriteria: [], removedCriteria: [], keptEntries: 0 };
}

export interface ValidateOutcome {
  issues: Issue[];
  /** The engine's results on the valid entries (bad cells count as empty), in roster order. */
  results: UnitResult[];
  table: CriteriaTable | null;
  settings: ScoringSettings | null;
  syncs: number;
}

/** Reads every unit sheet in one round trip and checks the entries; the pane lists the issues by cell. */
export async function validateScores(host: ExcelHost): Promise<ValidateOutcome> {
  let ctx: ScoringContext;
  try {
    ctx = await readScoringContext(host);
  } catch (e) {
    return { issues: [readFailed(e)], results: [], table: null, settings: null, syncs: 1 };
  }
  if (!ctx.bloc) return { issues: ctx.blocIssues.length ? ctx.blocIssues : [raise("scoring.noBloc", {})], results: [], table: null, settings: null, syncs: 1 };
  const table = ctx.criteria?.table ?? null;
  if (!table) return { issues: ctx.criteria?.issues.length ? ctx.criteria.issues : [raise("scoring.noCriteria", { sheet: CRITERIA_SHEET })], results: [], table: null, settings: null, syncs: 1 };
  if (ctx.units.length === 0) return { issues: [raise("scoring.noSheets", {})], results: [], table, settings: ctx.settings, syncs: 1 };
  const settings = ctx.settings ?? defaultSettings(table.scale);
  const units: UnitEntries[] = ctx.units.map((u) => {
    const w = (row: number, c: number): Where => ({ sheet: u.sheet, cell: cellAddress(row, (u.col0 ?? 0) + c) });
    return {
      sheet: u.sheet,
      unit: u.unit,
      rows: u.rows.map((r) => ({
        id: r.id,
        self: r.self,
        review: r.review,
        agreed: r.agreed,
        evidence: r.evidence,
        at: { self: w(r.row, u.cols.self), review: w(r.row, u.cols.review), agreed: w(r.row, u.cols.agreed), evidence: w(r.row, u.cols.evidence), row: w(r.row, u.cols.id) },
      })),
    };
  });
  const { issues, scores } = validateEntries(table, settings, ctx.bloc.members, units);
  const ordered = ctx.bloc.members.map((m) => scores.find((s) => nameKey(s.unit) === nameKey(m.name)) ?? { unit: m.name, entries: {} });
  // Sheets whose last write stopped part-way (inserting again finishes them).
  return { issues: [...unfinishedIssues(ctx.read), ...ctx.settingsIssues, ...issues], results: computeResults(table, settings, ordered), table, settings, syncs: 1 };
}

/**
 * Makes an empty "Tiêu chí" sheet with its settings and header row, for the user to paste the
 * bloc's own table under. Never touches an existing one. One round trip to read, one to write.
 */
export async function prepareCriteriaSheet(host: ExcelHost): Promise<{ kind: "created" | "exists" | "failed"; issues: Issue[] }> {
  try {
    const read = await readWorkbook(host, { sheets: [CRITERIA_SHEET] });
    if (read.byName[CRITERIA_SHEET]?.exists) {
      return { kind: "exists", issues: [raise("scoring.criteria.exists", { sheet: CRITERIA_SHEET }, { sheet: CRITERIA_SHEET, cell: "A1" })] };
    }
    const blank = templateById("blank")!.table;
    const plan = criteriaSheetPlan({ ...blank, title: "Bảng tiêu chí chấm điểm thi đua của Khối", sample: false, sections: [] });
    const w = await writeSheets(host, [plan], read, { activate: CRITERIA_SHEET, log: { action: "Tạo trang tiêu chí để dán", object: `Trang "${CRITERIA_SHEET}"`, counts: "" } });
    return w.ok ? { kind: "created", issues: w.issues } : { kind: "failed", issues: w.issues };
  } catch (e) {
    return { kind: "failed", issues: [writeFailed(e)] };
  }
}

/** One unit's entries for the headless runner and tests: by criterion id, a self-score or several stages. */
export interface ScoreInput {
  /** The unit's full or short name. */
  unit: string;
  entries: Record<string, number | { self?: number | null; review?: number | null; agreed?: number | null; evidence?: string; note?: string }>;
}

/**
 * Writes entries into the units' score sheets (input cells only): one round trip to read where
 * they go, one to write. Unknown units or criteria are reported and skipped.
 */
export async function enterScores(host: ExcelHost, inputs: ScoreInput[]): Promise<{ ok: boolean; issues: Issue[]; cells: number }> {
  let ctx: ScoringContext;
  try {
    ctx = await readScoringContext(host);
  } catch (e) {
    return { ok: false, issues: [readFailed(e)], cells: 0 };
  }
  const issues: Issue[] = [];
  const members = ctx.bloc?.members ?? [];
  const writes: CellWrite[] = [];
  for (const input of inputs) {
    const member = members.find((m) => nameKey(m.name) === nameKey(input.unit) || (m.shortName && nameKey(m.shortName) === nameKey(input.unit)));
    const sheet = member && ctx.units.find((u) => nameKey(u.unit) === nameKey(member.name));
    if (!member || !sheet) {
      issues.push(raise("scoring.enter.unit", { unit: input.unit }));
      continue;
    }
    const rowOf = new Map(sheet.rows.map((r) => [r.id, r.row]));
    for (const [id, value] of Object.entries(input.entries)) {
      const row = rowOf.get(id);
      if (row === undefined) {
        issues.push(raise("scoring.enter.criterion", { unit: member.name, id }));
        continue;
      }
      const e = typeof value === "number" ? { self: value } : value;
      const was = sheet.rows.find((r) => r.id === id);
      const put = (field: "self" | "review" | "agreed" | "evidence" | "note", v: unknown) => {
        if (v === undefined) return;
        // `expected`: what the read saw, so an entry typed meanwhile by someone else is kept.
        writes.push({ sheet: sheet.sheet, address: cellAddress(row, sheet.col0 + sheet.cols[field]), value: v as string | number | null, expected: (was?.[field] ?? null) as string | number | boolean | null });
      };
      put("self", e.self);
      put("review", e.review);
      put("agreed", e.agreed);
      put("evidence", e.evidence);
      put("note", e.note);
    }
  }
  const w = await writeCells(host, writes, { log: { entry: { action: "Nhập điểm", object: `${inputs.length} đơn vị`, counts: `${writes.length} ô` }, state: ctx.read } });
  return { ok: w.ok && !hasErrors(issues), issues: [...issues, ...w.issues], cells: writes.length };
}
