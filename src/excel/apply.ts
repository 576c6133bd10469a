import type { Issue } from "../domain/issues";
import { warning } from "../domain/issues";
import { nameKey } from "../domain/text";
import { parseRange, rangeAddress, type Rect } from "../workbook/a1";
import type { CellFormat, PlanCell, SheetPlan, ValidationRule } from "../workbook/plan";
import { detectApiSupport, type ApiSupport } from "./apiSets";
import { LOG_SHEET, logRow, logSheetPlan, type LogEntry } from "../workbook/log/logSheet";
import { officeErrorToIssue } from "./errors";
import type { ExcelHost } from "./host";
import type { LogState } from "./read";

/** Excel on the web refuses requests over 5 MB; a batch is cut well below that. */
export const REQUEST_BUDGET_BYTES = 4 * 1024 * 1024;

/** What the caller knows of the workbook from its read (one sync earlier). */
export interface WorkbookState {
  sheets: string[];
  names: { name: string }[];
  /** Where the audit log's next row goes (from readWorkbook); needed to append a log entry. */
  log?: LogState;
}

export interface WriteOptions {
  /**
   * For a plan whose sheet already exists: "replace" deletes the old sheet (its content was read
   * and is carried by the plan); "keepOld" keeps it, renamed "<name> (cũ)", so nothing is lost.
   * Default "replace".
   */
  existing?: Record<string, "replace" | "keepOld">;
  /** The sheet to show when done. */
  activate?: string;
  /** Byte budget per request (tests make it small to exercise chunking). */
  budgetBytes?: number;
  /** Existing workbook names to delete in the swap (names the plans define are replaced anyway). */
  deleteNames?: string[];
  /** Append this entry to the audit log in the same request as the swap. */
  log?: LogEntry;
}

export interface WriteReport {
  ok: boolean;
  /** Round trips this write cost (1 unless chunked; plus cleanup after a failure). */
  syncs: number;
  /** Old sheets kept under a new name. */
  keptOld: { from: string; to: string }[];
  issues: Issue[];
}

const EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as const;

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

function validationRule(rule: ValidationRule): Excel.DataValidationRule {
  switch (rule.kind) {
    case "list":
      return {
        list: {
          inCellDropDown: true,
          source: Array.isArray(rule.source) ? rule.source.join(",") : `=${rule.source.range}`,
        },
      };
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

/** One piece of a write, sized so that the pieces can be packed into requests under the budget. */
interface Work {
  bytes: number;
  apply: (context: Excel.RequestContext, sheet: (plan: number) => Excel.Worksheet) => void;
}

/** Bytes a value adds to a request: its JSON, plus the operation around it. */
const OP_BYTES = 160;
const size = (x: unknown) => utf8Length(JSON.stringify(x)) + OP_BYTES;
const cellsIn = (range: string) => {
  const r = parseRange(range);
  return r.rowCount * r.colCount;
};

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
        let bytes = OP_BYTES;
        let end = start;
        while (end < rows.length) {
          const rb = utf8Length(JSON.stringify(rows[end])) + 1;
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
    const bytes = size(f) + (f.format.numberFormat ? cellsIn(f.range) * (utf8Length(f.format.numberFormat) + 3) : 0) + (f.format.borders ? 6 * OP_BYTES : 0);
    add(bytes, (ws) => applyFormat(ws.getRange(f.range), parseRange(f.range), f.format));
  }
  for (const m of plan.merges) add(size(m), (ws) => ws.getRange(m).merge(false));
  for (const w of plan.columnWidths) add(size(w), (ws) => void (ws.getRange(`${w.column}:${w.column}`).format.columnWidth = w.width));
  for (const h of plan.rowHeights ?? []) add(size(h), (ws) => void (ws.getRange(`${h.row}:${h.row}`).format.rowHeight = h.height));
  for (const c of plan.hiddenColumns ?? []) add(size(c), (ws) => void (ws.getRange(`${c}:${c}`).columnHidden = true));
  for (const v of plan.validations) {
    add(size(v) + 3 * OP_BYTES, (ws) => {
      const dv = ws.getRange(v.range).dataValidation;
      dv.rule = validationRule(v.rule);
      dv.errorAlert = { title: v.error.title, message: v.error.message, showAlert: true, style: "Stop" };
      if (v.prompt) dv.prompt = { title: v.prompt.title, message: v.prompt.message, showPrompt: true };
    });
  }
  for (const cf of plan.conditionalFormats) {
    add(size(cf) + 4 * OP_BYTES, (ws) => {
      const c = ws.getRange(cf.range).conditionalFormats.add("Custom");
      c.custom.rule.formula = cf.formula;
      if (cf.format.fill) c.custom.format.fill.color = cf.format.fill;
      if (cf.format.fontColor) c.custom.format.font.color = cf.format.fontColor;
      if (cf.format.bold !== undefined) c.custom.format.font.bold = cf.format.bold;
    });
  }
  for (const u of plan.unlocked) add(size(u), (ws) => void (ws.getRange(u).format.protection.locked = false));
  add(size({ tab: plan.tabColor, freeze: plan.freeze, print: plan.print }) + 8 * OP_BYTES, (ws) => {
    if (plan.tabColor) ws.tabColor = plan.tabColor;
    if (plan.freeze && api.freezePanes) {
      const { rows, columns } = plan.freeze;
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
      if (plan.print.fitToWidth) pl.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    }
  });
  const breaks = plan.pageBreaks ?? [];
  if (breaks.length && api.pageLayout) {
    add(size(breaks) + breaks.length * OP_BYTES, (ws) => {
      for (const r of breaks) if (r > 0) ws.horizontalPageBreaks.add(rangeAddress(r, 0));
    });
  }
  return out;
}

/**
 * Writes whole sheets from plans. Each sheet is built under a temporary hidden name and swapped in
 * at the end of the last request, so a failure never leaves a half-written sheet under the real
 * name. One round trip, unless the work exceeds the request budget; then the fewest requests that
 * keep each under it (cells, formats and rules are all sized and packed in order; the swap comes
 * last). After a failure, one more round trip cleans up.
 */
export async function writeSheets(host: ExcelHost, plansIn: SheetPlan[], state: WorkbookState, options: WriteOptions = {}): Promise<WriteReport> {
  let plans = plansIn;
  // The sheet to show is the caller's, never the log sheet added below.
  options = { ...options, activate: options.activate ?? plansIn[0]?.name };
  const api = detectApiSupport(host);
  const budget = options.budgetBytes ?? REQUEST_BUDGET_BYTES;
  const stamp = String(Date.now() % 1000000);
  const existingKey = new Map(state.sheets.map((s, i) => [nameKey(s), { name: s, position: i }]));
  const nameSet = new Set(state.names.map((n) => nameKey(n.name)));
  const issues: Issue[] = [];
  const keptOld: { from: string; to: string }[] = [];
  let syncs = 0;

  // A log entry goes into a new log sheet (as part of the plans), or onto the existing one's next row.
  const now = new Date();
  const appendTo = options.log && state.log?.exists ? state.log : null;
  if (options.log && !appendTo) plans = [...plans, logSheetPlan([options.log], now)];
  const temps = plans.map((_, i) => `~BX${i}-${stamp}`);
  const work: Work[] = [...cellWork(plans, budget), ...plans.flatMap((plan, i) => decorationWork(plan, i, api))];
  const swap: Work = {
    bytes: plans.length * 12 * OP_BYTES + size(plans.map((p) => p.names)) + (appendTo ? 4 * OP_BYTES : 0),
    apply: (context, sheet) => {
      swapIn(context, plans, sheet, existingKey, nameSet, options, keptOld);
      if (appendTo && options.log) appendLog(context, appendTo, options.log, now);
    },
  };
  // Pack in order; the swap must share the last request.
  const requests: Work[][] = [[]];
  let used = plans.length * OP_BYTES * 3;
  for (const w of [...work, swap]) {
    if (used + w.bytes > budget && requests[requests.length - 1].length > 0) {
      requests.push([]);
      used = 0;
    }
    requests[requests.length - 1].push(w);
    used += w.bytes;
  }

  if (!api.pageLayout && plans.some((p) => p.print)) {
    issues.push(
      warning("excel.print.unsupported", {
        vi: "Excel này chưa hỗ trợ thiết lập in qua add-in (cần ExcelApi 1.9): hãy tự chọn khổ A4 và hướng giấy khi in.",
        en: "This Excel cannot set up printing from an add-in (needs ExcelApi 1.9): choose A4 and the orientation when printing.",
      }),
    );
  }

  try {
    for (let r = 0; r < requests.length; r++) {
      await host.run(async (context) => {
        const wb = context.workbook;
        if (api.suspendCalculation) wb.application.suspendApiCalculationUntilNextSync();
        // One proxy per new sheet and request, bound before any rename in the swap.
        const bound: Excel.Worksheet[] = [];
        if (r === 0) {
          temps.forEach((t, i) => {
            bound[i] = wb.worksheets.add(t);
            bound[i].visibility = "Hidden";
          });
        }
        const sheet = (i: number) => (bound[i] ??= wb.worksheets.getItem(temps[i]));
        for (const w of requests[r]) w.apply(context, sheet);
        // A request per budget's worth of work: several only where one would pass Excel's 5 MB limit.
        // eslint-disable-next-line no-restricted-syntax
        await context.sync();
        syncs++;
      });
    }
    return { ok: true, syncs, keptOld, issues };
  } catch (e) {
    syncs++;
    issues.push(officeErrorToIssue(e, { vi: "Không ghi được vào bảng tính", en: "Could not write to the workbook" }));
    syncs += await cleanup(host, plans, temps, existingKey);
    return { ok: false, syncs, keptOld: [], issues };
  }
}

/** Appends one row to the protected log sheet: unprotect, write, protect again, in the same request. */
export function appendLog(context: Excel.RequestContext, log: LogState, entry: LogEntry, at: Date): void {
  const ws = context.workbook.worksheets.getItem(LOG_SHEET);
  ws.protection.unprotect();
  ws.getRange(rangeAddress(log.nextRow, 0, 1, 5)).formulas = [logRow(entry, at).map(toFormulaCell)];
  ws.protection.protect();
}

/** The swap: old names and sheets out (or kept aside), the new sheets in under their real names. */
function swapIn(
  context: Excel.RequestContext,
  plans: SheetPlan[],
  sheet: (i: number) => Excel.Worksheet,
  existing: Map<string, { name: string; position: number }>,
  names: Set<string>,
  options: WriteOptions,
  keptOld: { from: string; to: string }[],
): void {
  const wb = context.workbook;
  const taken = new Set([...existing.keys()]);
  plans.forEach((_, i) => sheet(i));
  const planned = new Set(plans.flatMap((p) => p.names.map((n) => nameKey(n.name))));
  for (const n of options.deleteNames ?? []) if (names.has(nameKey(n)) && !planned.has(nameKey(n))) wb.names.getItem(n).delete();
  plans.forEach((plan, i) => {
    for (const n of plan.names) if (names.has(nameKey(n.name))) wb.names.getItem(n.name).delete();
    const old = existing.get(nameKey(plan.name));
    const ws = sheet(i);
    if (old) {
      if ((options.existing?.[plan.name] ?? "replace") === "keepOld") {
        let to = `${plan.name} (cũ)`;
        for (let k = 2; taken.has(nameKey(to)); k++) to = `${plan.name} (cũ ${k})`;
        taken.add(nameKey(to));
        wb.worksheets.getItem(old.name).name = to;
        keptOld.push({ from: old.name, to });
      } else {
        wb.worksheets.getItem(old.name).delete();
      }
    }
    ws.name = plan.name;
    ws.visibility = "Visible";
    if (old) ws.position = old.position;
    for (const n of plan.names) wb.names.add(n.name, ws.getRange(n.range), n.comment);
    if (plan.protection) {
      ws.protection.protect({ allowFormatColumns: true, allowFormatRows: true, allowAutoFilter: true }, plan.protection.password || undefined);
    }
  });
  const i = plans.findIndex((p) => p.name === options.activate);
  if (i >= 0) sheet(i).activate();
}

/**
 * After a failed write no temporary sheet stays. Only where the old sheet was already deleted by
 * the swap (so the temporary one had every cell and format, which come before the swap) is the
 * swap completed; a sheet that did not exist before is simply not created.
 */
async function cleanup(host: ExcelHost, plans: SheetPlan[], temps: string[], existed: Map<string, unknown>): Promise<number> {
  let syncs = 0;
  try {
    await host.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      syncs++;
      const present = new Set(sheets.items.map((s) => s.name));
      const presentKey = new Set(sheets.items.map((s) => nameKey(s.name)));
      let changed = false;
      plans.forEach((plan, i) => {
        if (!present.has(temps[i])) return;
        changed = true;
        const ws = sheets.getItem(temps[i]);
        if (existed.has(nameKey(plan.name)) && !presentKey.has(nameKey(plan.name))) {
          // The old sheet was already deleted by the swap: the new one is complete, so finish it.
          ws.name = plan.name;
          ws.visibility = "Visible";
        } else ws.delete();
      });
      if (changed) {
        await context.sync();
        syncs++;
      }
    });
  } catch {
    // The workbook is unreachable; nothing more can be done from here.
  }
  return syncs;
}
