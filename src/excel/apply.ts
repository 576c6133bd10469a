import { raise } from "../domain/codes";
import type { Issue } from "../domain/issues";
import { nameKey } from "../domain/text";
import { parseRange, rangeAddress, sheetOf, type Rect } from "../workbook/a1";
import type { CellFormat, PlanCell, SheetPlan, ValidationRule } from "../workbook/plan";
import { editedCells, planFingerprint, planRegion, regionName } from "../workbook/plan";
import { detectApiSupport, type ApiSupport } from "./apiSets";
import { LOG_SHEET, logRow, logSheetPlan, logTime, type LogEntry } from "../workbook/log/logSheet";
import { cellAddress } from "../workbook/a1";
import { officeErrorToIssue } from "./errors";
import type { ExcelHost } from "./host";
import { REGION_WRITING, type LogState, type SheetInfo, type SheetRead } from "./read";

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

const EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as const;
/** The comment on a sheet's region name while a write is under way, then once it is done (with the write's time, which tells writes apart). */
export { REGION_WRITING };
export const REGION_DONE = "Bình xét: vùng của trang";
export const doneComment = (at: Date, plan: SheetPlan) => `${REGION_DONE}, ghi lúc ${logTime(at)}.${String(at.getMilliseconds()).padStart(3, "0")} #${planFingerprint(plan)}`;
/** The fingerprint a region name's comment records of what was written ("" for older versions). */
const fingerprintOf = (comment: string | undefined) => (comment?.startsWith(REGION_DONE) ? (/ #([0-9a-f]{8})$/.exec(comment)?.[1] ?? "") : "");
/** Temporary sheets of add-in versions that wrote through hidden copies ("~BX3-482915"). */
const LEGACY_TEMP = /^~BX\d+-\d+$/;

/** UTF-8 byte length, close to what the request carries. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/**
 * A plan cell as Excel's `formulas` takes it. Text that Excel would parse (as a formula, number,
 * date or boolean) gets the apostrophe text prefix, so a member called "=HYPERLINK(...)" or a
 * code "001" stays text.
 */
export function toFormulaCell(c: PlanCell): string | number | boolean {
  if (c === null || c === undefined) return "";
  if (typeof c === "object") return c.f;
  if (typeof c !== "string") return c;
  if (c === "") return "";
  if (/^[=+\-@']/.test(c) || /^\s*[\d.,(]/.test(c) || /^(true|false)$/i.test(c.trim()) || /^#/.test(c)) return `'${c}`;
  return c;
}

/** Excel refuses an inline list source over 255 characters; plans put longer lists in cells. */
export const INLINE_LIST_MAX = 255;

function validationRule(rule: ValidationRule, where: string): Excel.DataValidationRule {
  switch (rule.kind) {
    case "list": {
      if (Array.isArray(rule.source)) {
        const source = rule.source.join(",");
        if (source.length > INLINE_LIST_MAX) throw new RangeError(`An inline list of ${source.length} characters (over ${INLINE_LIST_MAX}) in ${where}: put the list in cells and refer to them.`);
        return { list: { inCellDropDown: true, source } };
      }
      return { list: { inCellDropDown: true, source: `=${rule.source.range}` } };
    }
    case "whole":
      return { wholeNumber: { formula1: rule.min, formula2: rule.max, operator: "Between" } };
    case "decimal":
      return { decimal: { formula1: rule.min, formula2: rule.max, operator: "Between" } };
    case "textLength":
      return { textLength: { formula1: 0, formula2: rule.max, operator: "Between" } };
    case "custom":
      return { custom: { formula: rule.formula } };
  }
}

function applyFormat(range: Excel.Range, rect: Rect, f: CellFormat): void {
  const font = range.format.font;
  if (f.bold !== undefined) font.bold = f.bold;
  if (f.italic !== undefined) font.italic = f.italic;
  if (f.fontSize !== undefined) font.size = f.fontSize;
  if (f.fontName !== undefined) font.name = f.fontName;
  if (f.fontColor !== undefined) font.color = f.fontColor;
  if (f.fill !== undefined) range.format.fill.color = f.fill;
  if (f.hAlign !== undefined) range.format.horizontalAlignment = f.hAlign;
  if (f.vAlign !== undefined) range.format.verticalAlignment = f.vAlign;
  if (f.wrap !== undefined) range.format.wrapText = f.wrap;
  if (f.numberFormat !== undefined) {
    range.numberFormat = Array.from({ length: rect.rowCount }, () => Array<string>(rect.colCount).fill(f.numberFormat as string));
  }
  if (f.borders !== undefined) {
    const edges: string[] = [...EDGES];
    if (rect.rowCount > 1) edges.push("InsideHorizontal");
    if (rect.colCount > 1) edges.push("InsideVertical");
    for (const e of edges) {
      const b = range.format.borders.getItem(e as Excel.BorderIndex);
      b.style = f.borders;
      if (f.borders !== "None") b.color = "#000000";
    }
  }
}

/** The sheets of a write, by plan index, as proxies of the current request (`add` binds a sheet just created). */
type Sheets = ((plan: number) => Excel.Worksheet) & { add(plan: number, ws: Excel.Worksheet): void };

/** One piece of a write, sized so that the pieces can be packed into requests under the budget. */
interface Work {
  bytes: number;
  apply: (context: Excel.RequestContext, sheet: Sheets) => void;
}

/**
 * What a request costs as office.js serialises it (excel-web-16.00.js; the tests hold the
 * estimate above the real body): each object the client touches is an object path and an
 * instantiate action (a range also a _KeepReference), each set or call an action with its
 * arguments' JSON, and a `values`/`formulas`/`numberFormat` array over 1,500 cells is sent as
 * pieces of rows (setRangePropertiesInBulk), each a range of its own.
 */
const PATH_BYTES = 190;
const ACTION_BYTES = 110;
/** Each 1,500-cell piece of a bulk write: measured at 800–830 bytes of paths and actions. */
const PIECE_BYTES = 900;
/** What any request carries: the workbook, calculation suspended, the sheets it reaches. */
const REQUEST_BASE_BYTES = 1_500;
const json = (x: unknown) => utf8Length(JSON.stringify(x) ?? "null");
/** A set or call on a range reached by address: the range's paths and the action with its argument. */
const rangeOp = (arg: unknown, extraPaths = 0) => 2 * PATH_BYTES + (1 + extraPaths) * (PATH_BYTES + ACTION_BYTES) + json(arg);
/** A 2-D array written to a range: its JSON, and the client's bulk pieces. */
function arrayBytes(rows: unknown[][], width: number): number {
  const pieces = Math.ceil((rows.length * width) / 1500);
  let n = 0;
  for (const r of rows) n += json(r) + 1;
  return n + 3 * PATH_BYTES + (pieces > 1 ? pieces * PIECE_BYTES : ACTION_BYTES);
}

/** Cuts every block of every plan into pieces that each fit the budget. */
function cellWork(plans: SheetPlan[], budget: number): Work[] {
  const out: Work[] = [];
  plans.forEach((plan, p) => {
    for (const block of plan.blocks) {
      if (block.rows.length === 0) continue;
      const at = parseRange(block.at);
      const width = Math.max(...block.rows.map((r) => r.length));
      const rows = block.rows.map((r) => {
        const row = r.map(toFormulaCell);
        while (row.length < width) row.push("");
        return row;
      });
      let start = 0;
      while (start < rows.length) {
        let bytes = 3 * PATH_BYTES + ACTION_BYTES;
        let end = start;
        while (end < rows.length) {
          // A row's JSON, and its share of the client's 1,500-cell pieces.
          const rb = json(rows[end]) + 1 + Math.ceil((width * PIECE_BYTES) / 1500);
          if (end > start && bytes + rb > budget) break;
          bytes += rb;
          end++;
        }
        const address = rangeAddress(at.row + start, at.col, end - start, width);
        const formulas = rows.slice(start, end);
        out.push({ bytes, apply: (_, sheet) => void (sheet(p).getRange(address).formulas = formulas) });
        start = end;
      }
    }
  });
  return out;
}

/** A plan's formats, rules and page setup, one piece per item. */
function decorationWork(plan: SheetPlan, p: number, api: ApiSupport): Work[] {
  const out: Work[] = [];
  const add = (bytes: number, fn: (ws: Excel.Worksheet) => void) => out.push({ bytes, apply: (_, sheet) => fn(sheet(p)) });
  for (const f of plan.formats) {
    const props = Object.keys(f.format).filter((k) => k !== "numberFormat" && k !== "borders").length;
    let bytes = rangeOp(f.format, props + 1);
    if (f.format.numberFormat) {
      const r = parseRange(f.range);
      bytes += arrayBytes([Array<string>(r.colCount).fill(f.format.numberFormat)], r.colCount) * r.rowCount;
    }
    if (f.format.borders) bytes += 6 * 2 * (PATH_BYTES + 2 * ACTION_BYTES);
    add(bytes, (ws) => applyFormat(ws.getRange(f.range), parseRange(f.range), f.format));
  }
  for (const m of plan.merges) add(rangeOp(m), (ws) => ws.getRange(m).merge(false));
  for (const w of plan.columnWidths) add(rangeOp(w, 1), (ws) => void (ws.getRange(`${w.column}:${w.column}`).format.columnWidth = w.width));
  for (const h of plan.rowHeights ?? []) add(rangeOp(h, 1), (ws) => void (ws.getRange(`${h.row}:${h.row}`).format.rowHeight = h.height));
  for (const c of plan.hiddenColumns ?? []) add(rangeOp(c), (ws) => void (ws.getRange(`${c}:${c}`).columnHidden = true));
  for (const v of plan.validations) {
    const rule = validationRule(v.rule, `${plan.name}!${v.range}`);
    add(rangeOp({ rule, e: v.error, p: v.prompt }, 3), (ws) => {
      const dv = ws.getRange(v.range).dataValidation;
      dv.rule = rule;
      dv.errorAlert = { title: v.error.title, message: v.error.message, showAlert: true, style: "Stop" };
      if (v.prompt) dv.prompt = { title: v.prompt.title, message: v.prompt.message, showPrompt: true };
    });
  }
  for (const cf of plan.conditionalFormats) {
    add(rangeOp(cf, 8), (ws) => {
      const c = ws.getRange(cf.range).conditionalFormats.add("Custom");
      c.custom.rule.formula = cf.formula;
      if (cf.format.fill) c.custom.format.fill.color = cf.format.fill;
      if (cf.format.fontColor) c.custom.format.font.color = cf.format.fontColor;
      if (cf.format.bold !== undefined) c.custom.format.font.bold = cf.format.bold;
    });
  }
  for (const u of plan.unlocked) add(rangeOp(u, 2), (ws) => void (ws.getRange(u).format.protection.locked = false));
  add(12 * (PATH_BYTES + ACTION_BYTES) + json({ tab: plan.tabColor, freeze: plan.freeze, print: plan.print }), (ws) => {
    if (plan.tabColor) ws.tabColor = plan.tabColor;
    if (plan.freeze && api.freezePanes) {
      const { rows, columns } = plan.freeze;
      ws.freezePanes.unfreeze();
      if (rows > 0 && columns > 0) ws.freezePanes.freezeAt(ws.getRange(rangeAddress(0, 0, rows, columns)));
      else if (rows > 0) ws.freezePanes.freezeRows(rows);
      else if (columns > 0) ws.freezePanes.freezeColumns(columns);
    }
    if (plan.print && api.pageLayout) {
      const pl = ws.pageLayout;
      pl.orientation = plan.print.orientation;
      pl.paperSize = "A4";
      if (plan.print.titleRows) pl.setPrintTitleRows(plan.print.titleRows);
      if (plan.print.margins) {
        pl.topMargin = plan.print.margins.top;
        pl.bottomMargin = plan.print.margins.bottom;
        pl.leftMargin = plan.print.margins.left;
        pl.rightMargin = plan.print.margins.right;
      }
      // One page wide; pages tall as needed (PageLayoutZoomOptions: leave verticalFitToPages out, 0 is not a documented value).
      if (plan.print.fitToWidth) pl.zoom = { horizontalFitToPages: 1 };
    }
  });
  const breaks = plan.pageBreaks ?? [];
  if (api.pageLayout && (breaks.length || plan.print)) {
    add(breaks.length * (2 * PATH_BYTES + 2 * ACTION_BYTES) + PATH_BYTES + ACTION_BYTES, (ws) => {
      ws.horizontalPageBreaks.removePageBreaks();
      for (const r of breaks) if (r > 0) ws.horizontalPageBreaks.add(rangeAddress(r, 0));
    });
  }
  return out;
}

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
 * What the write kept aside, in words: a user's own sheet under a name the add-in uses (renamed
 * aside whole), a sheet of the add-in's changed by hand inside its region (a copy of its values
 * kept), a user's own "Nhật ký" (kept, the add-in's log started anew).
 */
function keptIssues(aside: { from: string; to: string }[], edited: { from: string; to: string; cells: string[] }[], log?: { from: string; to: string }): Issue[] {
  const out: Issue[] = [];
  if (log) {
    out.push(
      raise("excel.log.keptAside", { from: log.from, to: log.to, sheet: LOG_SHEET }, { sheet: log.to }),
    );
  }
  for (const k of aside) {
    out.push(
      raise("excel.sheet.keptAside", { from: k.from, to: k.to }, { sheet: k.to }),
    );
  }
  for (const k of edited) {
    const cells = `${k.cells.slice(0, 3).join(", ")}${k.cells.length > 3 ? "…" : ""}`;
    out.push(
      raise("excel.sheet.keptEdited", { from: k.from, count: k.cells.length, cells, to: k.to }, { sheet: k.from, cell: k.cells[0] }),
    );
  }
  return out;
}

/** The action was done; only its log row could not be written. */
export function logNotWritten(): Issue {
  return raise("excel.log.notWritten", { sheet: LOG_SHEET });
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

function renameIssues(renamed: { from: string; to: string }[]): Issue[] {
  return renamed.map((r) =>
    raise("excel.sheet.renamedBack", { to: r.to, from: r.from }, { sheet: r.to }),
  );
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

/**
 * Appends one row to the log, placed where Excel finds the end of the log when the request runs
 * (not where an earlier read saw it), as a row inserted there: a co-author's entry landing in
 * between is never overwritten, and the co-authoring service merges inserted rows (Microsoft,
 * "Coauthoring in Excel add-ins": insert a row, then set its values; not TableRowCollection.add).
 * Comes last in its request, so if the log cannot be written nothing else is held back.
 */
export function appendLog(context: Excel.RequestContext, log: LogState, entry: LogEntry, at: Date): void {
  const ws = context.workbook.worksheets.getItem(LOG_SHEET);
  if (log.protected) ws.protection.unprotect();
  const next = ws.getUsedRange(true).getLastRow().getOffsetRange(1, 0).getEntireRow();
  const row = next.insert("Down");
  row.getCell(0, 0).getResizedRange(0, 4).formulas = [logRow(entry, at).map(toFormulaCell)];
  if (log.protected) ws.protection.protect();
}

/** A copy of a sheet's values as read, to keep aside under `name` (formats and formulas are not carried). */
export function valuesCopyPlan(name: string, grid: SheetRead | undefined): SheetPlan {
  const p: SheetPlan = { name, blocks: [], formats: [], merges: [], columnWidths: [], validations: [], conditionalFormats: [], unlocked: [], names: [] };
  if (grid?.exists && grid.values.length) {
    p.blocks.push({ at: rangeAddress(grid.row, grid.col), rows: grid.values.map((row) => row.map((v) => (v === null || v === undefined ? null : (v as string | number | boolean)))) });
  }
  return p;
}

