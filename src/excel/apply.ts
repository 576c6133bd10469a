import { raise } from "../domain/codes";
import type { Issue } from "../domain/issues";
import { nameKey } from "../domain/text";
import { parseRange, rangeAddress, sheetOf, type Rect } from "../workbook/a1";
import type { SheetPlan } from "../workbook/plan";
import { editedCells, planFingerprint, planRegion, regionName } from "../workbook/plan";
import { detectApiSupport } from "./apiSets";
import { LOG_SHEET, logSheetPlan, logTime, type LogEntry } from "../workbook/log/logSheet";
import { cellAddress } from "../workbook/a1";
import { officeErrorToIssue } from "./errors";
import type { ExcelHost } from "./host";
import { REGION_WRITING, type LogState, type SheetInfo, type SheetRead } from "./read";

import { ACTION_BYTES, cellWork, decorationWork, json, PATH_BYTES, REQUEST_BASE_BYTES, type Sheets, type Work } from "./applyWork";
import { appendLog, keptIssues, logNotWritten, renameIssues, valuesCopyPlan } from "./applyLog";

export { INLINE_LIST_MAX, toFormulaCell, utf8Length } from "./applyWork";
export { appendLog, logNotWritten, valuesCopyPlan } from "./applyLog";
/**
 * Excel on the web refuses a request or a response over 5 MB (5,242,880 bytes) as office.js
 * serialises it. Writes are cut, and reads split, to stay under this budget, which leaves a margin
 * for what the estimate of a request's size cannot see (each test measures the real body).
 */
export const REQUEST_BUDGET_BYTES = 4_000_000;

/** What the caller knows of the workbook from its read (one sync earlier). */
export interface WorkbookState {
  sheets: string[];
  /** Ids, visibility and protection per sheet (from readWorkbook); without them, sheets are found by name. */
  sheetInfo?: SheetInfo[];
  names: { name: string; formula?: string; comment?: string }[];
  /** Whether the audit log exists (from readWorkbook); needed to append a log entry. */
  log?: LogState;
  /** Sheets as read (from readWorkbook): the content a kept copy carries. */
  byName?: Record<string, SheetRead>;
  byDefinedName?: Record<string, SheetRead>;
}

/**
 * What happens to a sheet of a plan's name that is already there. Without a word from the caller,
 * a sheet the add-in wrote (it has a region name) is updated in place, after a copy of its values
 * is kept when cells of its region were changed by hand; a sheet it did not write (no region name:
 * the user's own, under a name the add-in uses) is renamed aside whole. Either is said in a warning.
 */
export type ExistingSheet =
  /** Updated in place: only what the add-in owns there is rewritten; the caller has read the sheet and vouches nothing is lost. */
  | "replace"
  /** A copy of its values is kept aside as "<name> (cũ)" (from what was read), then it is updated in place. */
  | "keepOld"
  /** Not the add-in's: it is renamed "<name> (cũ)" and a new sheet takes the name; its own references follow it. */
  | "renameAside";

export interface WriteOptions {
  existing?: Record<string, ExistingSheet>;
  /** The sheet to show when done. */
  activate?: string;
  /** Byte budget per request (tests make it small to exercise chunking). */
  budgetBytes?: number;
  /** Existing workbook names to delete (names the plans define are updated anyway). */
  deleteNames?: string[];
  /** Append this entry to the audit log in the last request. */
  log?: LogEntry;
  /** The password of protected sheets being rewritten (the one the user typed; sheets protected without one need none). */
  password?: string;
  /**
   * Ranges whose values the write's first request reads before it changes anything: what a
   * co-author typed since the caller's read shows up there, and the caller can carry it over.
   */
  guards?: { sheet: string; address: string }[];
}

export interface WriteReport {
  ok: boolean;
  /** Round trips this write cost (1 unless the work passes the request budget). */
  syncs: number;
  /** Old sheets kept under another name. */
  keptOld: { from: string; to: string }[];
  /** Values of the guarded ranges just before the write, keyed "sheet!address" (present when ok or when the first request ran). */
  guarded: Record<string, unknown[][]>;
  /** Sheets a co-author renamed between the read and the write: they were named back. */
  renamedBack: { from: string; to: string }[];
  issues: Issue[];
}

/** The comment on a sheet's region name while a write is under way, then once it is done (with the write's time, which tells writes apart). */
export { REGION_WRITING };
export const REGION_DONE = "Bình xét: vùng của trang";
export const doneComment = (at: Date, plan: SheetPlan) => `${REGION_DONE}, ghi lúc ${logTime(at)}.${String(at.getMilliseconds()).padStart(3, "0")} #${planFingerprint(plan)}`;
/** The fingerprint a region name's comment records of what was written ("" for older versions). */
const fingerprintOf = (comment: string | undefined) => (comment?.startsWith(REGION_DONE) ? (/ #([0-9a-f]{8})$/.exec(comment)?.[1] ?? "") : "");
/** Temporary sheets of add-in versions that wrote through hidden copies ("~BX3-482915"). */
const LEGACY_TEMP = /^~BX\d+-\d+$/;

/** The address part of a name's formula ("='Tổng hợp'!$A$1:$K$60" → A1:K60), when it is a plain range on `sheet`. */
function regionOf(formula: string | undefined, sheet: string): Rect | null {
  if (!formula) return null;
  const f = formula.replace(/^=/, "");
  const on = sheetOf(f);
  if (on === undefined || nameKey(on) !== nameKey(sheet)) return null;
  try {
    return parseRange(f);
  } catch {
    return null;
  }
}

const union = (a: Rect, b: Rect): Rect => {
  const row = Math.min(a.row, b.row);
  const col = Math.min(a.col, b.col);
  return { row, col, rowCount: Math.max(a.row + a.rowCount, b.row + b.rowCount) - row, colCount: Math.max(a.col + a.colCount, b.col + b.colCount) - col };
};

/** How one plan meets the workbook. */
interface Target {
  plan: SheetPlan;
  /** The existing sheet updated in place, by id (or name when the read had no ids). */
  existing: { key: string; name: string; protected: boolean } | null;
  /** The region this sheet owned before (its region name's range), null for a new sheet; "used" for one without (older versions). */
  oldRegion: Rect | "used" | null;
  region: Rect;
  regionName: string;
  regionExists: boolean;
  /** The region name an older name of the sheet gave it (the user renamed the sheet): replaced by `regionName`. */
  staleName?: string;
  /** A kept copy of the old sheet's values, written as a plan of its own. */
  copy: SheetPlan | null;
}

/**
 * How each plan meets the workbook: a new sheet, an existing one updated in place (found by name,
 * reached by id), one moved aside whole first, or one whose values are first kept aside as a copy.
 */
function targetsOf(
  plans: SheetPlan[],
  state: WorkbookState,
  info: Map<string, SheetInfo>,
  names: Map<string, { name?: string; formula?: string; comment?: string }>,
  options: WriteOptions,
): {
  targets: Target[];
  renames: { key: string; to: string }[];
  keptOld: { from: string; to: string }[];
  keptAside: { from: string; to: string }[];
  keptEdited: { from: string; to: string; cells: string[] }[];
} {
  const keptOld: { from: string; to: string }[] = [];
  const keptAside: { from: string; to: string }[] = [];
  const keptEdited: { from: string; to: string; cells: string[] }[] = [];
  const taken = new Set(state.sheets.map(nameKey));
  const asideName = (name: string) => {
    let to = `${name} (cũ)`;
    for (let k = 2; taken.has(nameKey(to)); k++) to = `${name} (cũ ${k})`;
    taken.add(nameKey(to));
    return to;
  };
  const renames: { key: string; to: string }[] = [];
  const targets: Target[] = plans.map((plan) => {
    const old = info.get(nameKey(plan.name));
    const said = options.existing?.[plan.name];
    let how = said ?? "replace";
    const rname = regionName(plan);
    let named = names.get(nameKey(rname));
    let staleName: string | undefined;
    let was = old ? regionOf(named?.formula, old.name) : null;
    if (old && !was) {
      // The sheet was renamed by the user since the add-in wrote it: its region name is the one of its old name.
      const other = [...names.entries()].find(([, n]) => (n.comment?.startsWith(REGION_DONE) || n.comment === REGION_WRITING) && regionOf(n.formula, old.name));
      if (other) {
        staleName = other[1].name ?? other[0];
        was = regionOf(other[1].formula, old.name);
        named = undefined;
      }
    }
    const grid = old ? gridOf(state, plan.name, old.name) : undefined;
    const region = planRegion(plan);
    if (old && !said && !was && !(grid && grid.values.length === 0)) {
      // Not written by the add-in (no region name): the user's own sheet under a name the add-in uses. Kept whole.
      how = "renameAside";
      keptAside.push({ from: old.name, to: "" });
    }
    if (old && how === "renameAside") {
      const to = asideName(old.name);
      renames.push({ key: old.id || old.name, to });
      keptOld.push({ from: old.name, to });
      if (keptAside.length && keptAside[keptAside.length - 1].to === "" && keptAside[keptAside.length - 1].from === old.name) keptAside[keptAside.length - 1].to = to;
      return { plan, existing: null, oldRegion: null, region, regionName: rname, regionExists: !!named, staleName, copy: null };
    }
    if (old && !said && was && grid?.exists) {
      // Written by the add-in, then changed by hand inside its region: a copy of its values is kept before the rewrite.
      const edited = editedCells(grid, was, fingerprintOf(named?.comment ?? (staleName ? names.get(nameKey(staleName))?.comment : undefined)), plan);
      if (edited.length && fingerprintOf(named?.comment ?? (staleName ? names.get(nameKey(staleName))?.comment : undefined))) {
        how = "keepOld";
        keptEdited.push({ from: old.name, to: "", cells: edited.map((e) => cellAddress(e.row, e.col)) });
      }
    }
    let copy: SheetPlan | null = null;
    if (old && how === "keepOld") {
      const g = grid ?? (state.byName?.[plan.name]?.exists ? state.byName[plan.name] : Object.values(state.byDefinedName ?? {}).find((x) => x.exists && nameKey(x.name) === nameKey(old.name)));
      const to = asideName(old.name);
      copy = valuesCopyPlan(to, g);
      keptOld.push({ from: old.name, to });
      const e = keptEdited[keptEdited.length - 1];
      if (e && e.to === "" && e.from === old.name) e.to = to;
    }
    if (!old) return { plan, existing: null, oldRegion: null, region, regionName: rname, regionExists: !!named, copy };
    return {
      plan,
      existing: { key: old.id || old.name, name: old.name, protected: old.protected },
      oldRegion: was ?? "used",
      region: was ? union(was, region) : region,
      regionName: rname,
      regionExists: !!named,
      staleName,
      copy,
    };
  });
  return { targets, renames, keptOld, keptAside, keptEdited };
}

/** The caller's read of a sheet, by the plan's name or wherever a defined name found it. */
function gridOf(state: WorkbookState, planName: string, sheet: string): SheetRead | undefined {
  const byName = state.byName?.[planName];
  if (byName?.exists && nameKey(byName.name) === nameKey(sheet)) return byName;
  return Object.values(state.byDefinedName ?? {}).find((g) => g.exists && nameKey(g.name) === nameKey(sheet));
}

/**
 * Writes whole sheets from plans, in place. An existing sheet is never deleted (Excel binds a
 * formula's references when it is entered, so deleting a referenced sheet leaves #REF! for good):
 * what the add-in owned there before (its region, recorded in a workbook name) is cleared and the
 * plan written over it; cells a user typed outside that region stay. A new sheet is created under
 * its final name in the first request, before any formula refers to it.
 *
 * One round trip, unless the work passes the request budget: then the fewest requests under it.
 * While a write of several requests is under way, each sheet's region name says so
 * (REGION_WRITING), and the last request marks it done: a failed write is finished by running the
 * action again (every step is idempotent), and readers can tell a sheet that was not finished.
 */
export async function writeSheets(host: ExcelHost, plansIn: SheetPlan[], state: WorkbookState, options: WriteOptions = {}): Promise<WriteReport> {
  let plans = plansIn;
  // The sheet to show is the caller's, never the log sheet added below.
  options = { ...options, activate: options.activate ?? plansIn[0]?.name };
  const api = detectApiSupport(host);
  const budget = options.budgetBytes ?? REQUEST_BUDGET_BYTES;
  const issues: Issue[] = [];
  const now = new Date();
  // A "Nhật ký" the add-in did not make (the user's own journal) gets no rows: it is kept aside whole and a log of ours is started.
  const foreignLog = !!(options.log && state.log?.exists && state.log.ours === false);
  const appendTo = options.log && state.log?.exists && !foreignLog ? state.log : null;
  if (options.log && !appendTo) plans = [...plans, logSheetPlan([options.log], now)];
  if (foreignLog) options = { ...options, existing: { ...options.existing, [LOG_SHEET]: "renameAside" } };

  const info = new Map((state.sheetInfo ?? state.sheets.map((name) => ({ name, id: "", visibility: "Visible", protected: false }))).map((s) => [nameKey(s.name), s]));
  const names = new Map(state.names.map((n) => [nameKey(n.name), n]));
  const { targets, renames, keptOld, keptAside, keptEdited } = targetsOf(plans, state, info, names, options);
  issues.push(...keptIssues(keptAside, keptEdited, foreignLog ? keptOld.find((k) => nameKey(k.from) === nameKey(LOG_SHEET)) : undefined));
  const copies = targets.flatMap((t) => (t.copy ? [t.copy] : []));
  const all = [...plans, ...copies];
  const leftovers = state.sheets.filter((s) => LEGACY_TEMP.test(s));

  let work: Work[];
  try {
    // A block's pieces leave room for what every request carries besides (the sheet, calculation, names).
    work = [...cellWork(all, budget - REQUEST_BASE_BYTES - 2 * (PATH_BYTES + ACTION_BYTES) * all.length), ...all.flatMap((plan, i) => decorationWork(plan, i, api))];
  } catch (e) {
    return { ok: false, syncs: 0, keptOld: [], guarded: {}, renamedBack: [], issues: [officeErrorToIssue(e)] };
  }
  const finish: Work = {
    bytes: all.length * 8 * (PATH_BYTES + ACTION_BYTES) + (appendTo ? 12 * (PATH_BYTES + ACTION_BYTES) : 0),
    apply: (context, sheet) => {
      finishSheets(context, targets, all, sheet, options, now);
      if (appendTo && options.log) appendLog(context, appendTo, options.log, now);
    },
  };
  // Pack in order; the finish must share the last request. The first also prepares every sheet.
  const requests: Work[][] = [[]];
  let used =
    REQUEST_BASE_BYTES +
    all.length * 14 * (PATH_BYTES + ACTION_BYTES) +
    all.reduce((n, p) => n + p.names.length * 4 * (PATH_BYTES + ACTION_BYTES) + json(p.names), 0) +
    (options.guards?.length ?? 0) * 3 * PATH_BYTES +
    leftovers.length * 2 * PATH_BYTES;
  for (const w of [...work, finish]) {
    if (used + w.bytes > budget && requests[requests.length - 1].length > 0) {
      requests.push([]);
      used = REQUEST_BASE_BYTES + all.length * 2 * (PATH_BYTES + ACTION_BYTES);
    }
    requests[requests.length - 1].push(w);
    used += w.bytes;
  }

  if (!api.pageLayout && all.some((p) => p.print)) {
    issues.push(
      raise("excel.print.unsupported", {}),
    );
  }

  let syncs = 0;
  const guarded: Record<string, unknown[][]> = {};
  const renamedBack: { from: string; to: string }[] = [];
  let failedAt = -1;
  try {
    for (let r = 0; r < requests.length; r++) {
      failedAt = r;
      await host.run(async (context) => {
        const wb = context.workbook;
        if (api.suspendCalculation) wb.application.suspendApiCalculationUntilNextSync();
        const bound: Excel.Worksheet[] = [];
        const sheet: Sheets = Object.assign((i: number) => (bound[i] ??= wb.worksheets.getItem(i < plans.length ? targets[i].existing?.key ?? all[i].name : all[i].name)), {
          add: (i: number, ws: Excel.Worksheet) => void (bound[i] = ws),
        });
        let probes: { t: Target; ws: Excel.Worksheet }[] = [];
        let guards: { key: string; range: Excel.Range }[] = [];
        if (r === 0) ({ guards, probes } = prepare(wb, sheet, { plans, all, targets, renames, leftovers, info, names, options }));
        for (const w of requests[r]) w.apply(context, sheet);
        // A request per budget's worth of work: several only where one would pass Excel's 5 MB limit.
        // eslint-disable-next-line no-restricted-syntax
        await context.sync();
        syncs++;
        for (const g of guards) guarded[g.key] = g.range.values;
        for (const p of probes) {
          if (nameKey(p.ws.name) !== nameKey(p.t.existing?.name ?? "")) renamedBack.push({ from: p.ws.name, to: p.t.plan.name });
        }
      });
    }
  } catch (e) {
    syncs++;
    // The log comes last: when the last request failed after every sheet was marked done, only the log was left.
    if (appendTo && failedAt === requests.length - 1) {
      let done = false;
      try {
        done = await regionsDone(host, targets, now);
      } catch {
        done = false;
      }
      syncs++;
      if (done) {
        issues.push(logNotWritten());
        return { ok: true, syncs, keptOld, guarded, renamedBack, issues: [...issues, ...renameIssues(renamedBack)] };
      }
    }
    // Excel's reason, then what to do: a protected sheet refused at the first request wants its password.
    const protectedFirst = failedAt === 0 && targets.some((t) => t.existing?.protected);
    const todo = raise(protectedFirst ? "excel.write.failedProtected" : "excel.write.failed", {});
    return { ok: false, syncs, keptOld: [], guarded, renamedBack, issues: [...issues, officeErrorToIssue(e), todo] };
  }
  return { ok: true, syncs, keptOld, guarded, renamedBack, issues: [...issues, ...renameIssues(renamedBack)] };
}


/**
 * The first request's work before any content: what the write depends on as it is just before it
 * (guarded ranges, sheet names), then protection off, sheets moved aside and created, leftovers of
 * older versions removed, old regions cleared, region names marked unfinished, the plans' names.
 */
function prepare(
  wb: Excel.Workbook,
  sheet: Sheets,
  w: {
    plans: SheetPlan[];
    all: SheetPlan[];
    targets: Target[];
    renames: { key: string; to: string }[];
    leftovers: string[];
    info: Map<string, SheetInfo>;
    names: Map<string, unknown>;
    options: WriteOptions;
  },
): { guards: { key: string; range: Excel.Range }[]; probes: { t: Target; ws: Excel.Worksheet }[] } {
  const { plans, all, targets, options } = w;
  const guards = (options.guards ?? []).map((g) => {
    const s = w.info.get(nameKey(g.sheet));
    const range = wb.worksheets.getItem(s?.id || g.sheet).getRange(g.address);
    range.load("values");
    return { key: `${g.sheet}!${g.address}`, range };
  });
  const probes = targets.filter((t) => t.existing).map((t) => ({ t, ws: wb.worksheets.getItem((t.existing as { key: string }).key).load("name") }));
  // Unprotect first (also a sheet a co-author protected since the read): a wrong or missing
  // password stops the request before anything changes.
  targets.forEach((t) => {
    if (t.existing) wb.worksheets.getItem(t.existing.key).protection.unprotect(options.password || undefined);
  });
  // Then the new sheets: adding one whose name a co-author has just taken fails here, before
  // any content changes (a new sheet's name is the lock on an id such as a vote's).
  for (const rn of w.renames) wb.worksheets.getItem(rn.key).name = rn.to;
  all.forEach((plan, i) => {
    if (!(i < plans.length && targets[i].existing)) sheet.add(i, wb.worksheets.add(plan.name));
  });
  for (const name of w.leftovers) wb.worksheets.getItem(name).delete();
  targets.forEach((t, i) => {
    if (!t.existing) return;
    const ws = sheet(i);
    ws.name = t.plan.name;
    ws.visibility = "Visible";
    resetRegion(t.oldRegion === "used" ? ws.getUsedRange(false) : ws.getRange(rectAddress(t.oldRegion as Rect)));
  });
  // A region name left from the sheet's old name (the user renamed it) gives way to the one of its name now.
  for (const t of targets) if (t.staleName && nameKey(t.staleName) !== nameKey(t.regionName)) wb.names.getItem(t.staleName).delete();
  // Until the last request is done, each region name covers all this write may touch, and says it is unfinished.
  targets.forEach((t, i) => setRegionName(wb, t.regionExists, t.regionName, sheet(i), t.region, REGION_WRITING));
  // The plans' names before anything refers to them (a drop-down's source, a formula).
  defineNames(wb, all, sheet, w.names, options);
  return { guards, probes };
}


const PROTECTION: Excel.WorksheetProtectionOptions = { allowFormatColumns: true, allowFormatRows: true, allowAutoFilter: true };

const rectAddress = (r: Rect) => rangeAddress(r.row, r.col, r.rowCount, r.colCount);

/** Clears what a sheet's region held: merges, rules (ExcelApi 1.6, 1.8: within the manifest's 1.8), contents and formats (cells go back to locked). */
function resetRegion(r: Excel.Range): void {
  r.unmerge();
  r.conditionalFormats.clearAll();
  r.dataValidation.clear();
  r.clear("All");
  r.columnHidden = false;
}

/** Points a region name at `rect` on `ws` with `comment`, replacing it when it exists. */
function setRegionName(wb: Excel.Workbook, exists: boolean, name: string, ws: Excel.Worksheet, rect: Rect, comment: string): void {
  if (exists) wb.names.getItem(name).delete();
  wb.names.add(name, ws.getRange(rectAddress(rect)), comment);
}

/** The last request: names, region names marked done, protection, the sheet to show. */
/** The plans' workbook names, replacing those that exist, and the names the caller retires. */
function defineNames(wb: Excel.Workbook, all: SheetPlan[], sheet: Sheets, names: Map<string, unknown>, options: WriteOptions): void {
  const planned = new Set(all.flatMap((p) => p.names.map((n) => nameKey(n.name))));
  for (const n of options.deleteNames ?? []) if (names.has(nameKey(n)) && !planned.has(nameKey(n))) wb.names.getItem(n).delete();
  all.forEach((plan, i) => {
    const ws = sheet(i);
    for (const n of plan.names) {
      if (names.has(nameKey(n.name))) wb.names.getItem(n.name).delete();
      wb.names.add(n.name, ws.getRange(n.range), n.comment);
    }
  });
}

function finishSheets(context: Excel.RequestContext, targets: Target[], all: SheetPlan[], sheet: Sheets, options: WriteOptions, now: Date): void {
  const wb = context.workbook;
  // The first request added or replaced every region name; now it covers what the sheet owns, and says it is done.
  targets.forEach((t, i) => setRegionName(wb, true, t.regionName, sheet(i), planRegion(t.plan), doneComment(now, t.plan)));
  all.forEach((plan, i) => {
    const t = i < targets.length ? targets[i] : null;
    if (plan.protection) {
      sheet(i).protection.protect(PROTECTION, plan.protection.password || undefined);
    } else if (t?.existing?.protected) {
      // A sheet someone had protected stays protected (with the password typed for this write, if any).
      sheet(i).protection.protect(undefined, options.password || undefined);
    }
  });
  const i = all.findIndex((p) => p.name === options.activate);
  if (i >= 0) sheet(i).activate();
}

/** After a failed last request: whether every sheet's region name was already marked done (only the log was left). */
async function regionsDone(host: ExcelHost, targets: Target[], at: Date): Promise<boolean> {
  return host.run(async (context) => {
    const items = targets.map((t) => context.workbook.names.getItemOrNullObject(t.regionName).load("comment"));
    await context.sync();
    return items.every((n, i) => !n.isNullObject && n.comment === doneComment(at, targets[i].plan));
  });
}
