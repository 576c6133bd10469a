import { parseRange, rangeAddress, type Rect } from "../workbook/a1";
import type { CellFormat, PlanCell, SheetPlan, ValidationRule } from "../workbook/plan";
import { type ApiSupport } from "./apiSets";


/**
 * The write's plan turned into work (split from apply.ts): cell blocks cut to the request budget, and
 * each sheet's decoration (formats, merges, validations, print settings) as request pieces.
 */
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
export type Sheets = ((plan: number) => Excel.Worksheet) & { add(plan: number, ws: Excel.Worksheet): void };

/** One piece of a write, sized so that the pieces can be packed into requests under the budget. */
export interface Work {
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
export const PATH_BYTES = 190;
export const ACTION_BYTES = 110;
/** Each 1,500-cell piece of a bulk write: measured at 800–830 bytes of paths and actions. */
export const PIECE_BYTES = 900;
/** What any request carries: the workbook, calculation suspended, the sheets it reaches. */
export const REQUEST_BASE_BYTES = 1_500;
export const json = (x: unknown) => utf8Length(JSON.stringify(x) ?? "null");
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
export function cellWork(plans: SheetPlan[], budget: number): Work[] {
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
export function decorationWork(plan: SheetPlan, p: number, api: ApiSupport): Work[] {
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
