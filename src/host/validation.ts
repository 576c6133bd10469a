/**
 * Evaluates stored data-validation rules against cell values, the way Excel's "Circle Invalid Data"
 * and `DataValidation.getInvalidCells()` do: list membership (case-insensitive), whole numbers,
 * decimals, text length, dates/times as numbers, and custom formulas evaluated at each cell.
 */
import { type Rect, intersect } from "./addresses";
import { singleReference } from "./formulas";
import type { WorkbookModel } from "./model";
import type { SheetModel } from "./sheet";
import type { Scalar, StoredRule, ValidationEntry } from "./types";

function scalarOf(v: Scalar | Scalar[][]): Scalar {
  if (Array.isArray(v)) return v[0]?.[0] ?? "";
  return v;
}

function operand(wb: WorkbookModel, sheet: SheetModel, entry: ValidationEntry, formula: string | undefined, row: number, col: number): number | null {
  if (formula === undefined) return null;
  const t = formula.startsWith("=") ? formula.slice(1) : formula;
  if (/^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/.test(t)) return Number(t);
  const v = scalarOf(wb.evaluateAt(sheet, formula.startsWith("=") ? formula : `=${formula}`, entry.anchor, row, col));
  return typeof v === "number" ? v : typeof v === "boolean" ? Number(v) : null;
}

function compare(x: number, op: string | undefined, a: number | null, b: number | null): boolean {
  if (a === null) return false;
  switch (op ?? "Between") {
    case "Between":
      return b !== null && x >= Math.min(a, b) && x <= Math.max(a, b);
    case "NotBetween":
      return b !== null && (x < Math.min(a, b) || x > Math.max(a, b));
    case "EqualTo":
      return x === a;
    case "NotEqualTo":
      return x !== a;
    case "GreaterThan":
      return x > a;
    case "LessThan":
      return x < a;
    case "GreaterThanOrEqualTo":
      return x >= a;
    case "LessThanOrEqualTo":
      return x <= a;
    default:
      return false;
  }
}

/** The items a list rule allows, as text. */
export function listItems(wb: WorkbookModel, sheet: SheetModel, rule: StoredRule, anchor: { row: number; col: number }): string[] {
  const source = rule.source ?? "";
  if (!source.startsWith("=")) return source.split(",").map((s) => s.trim()).filter((s) => s.length > 0);
  const ref = singleReference(source);
  if (ref) {
    const target = ref.sheet !== undefined ? wb.sheetByName(ref.sheet) : sheet;
    // A reference into a sheet that isn't there ("=#REF!$A$1:$A$3" after the sheet was deleted) lists nothing.
    if (!target) return [];
    const resolved = wb.resolveReference(ref.local, target);
    if (resolved) return wb.values(resolved.sheet, resolved.rect).flat().filter((v) => v !== "").map((v) => textOf(v));
  }
  const v = wb.evaluateAt(sheet, source, anchor, anchor.row, anchor.col);
  const flat = Array.isArray(v) ? v.flat() : [v];
  return flat.filter((x) => x !== "").map((x) => textOf(x));
}

function textOf(v: Scalar): string {
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

export function isValueValid(wb: WorkbookModel, sheet: SheetModel, entry: ValidationEntry, row: number, col: number, value: Scalar): boolean {
  const rule = entry.rule;
  if (!rule) return true;
  if (value === "" && entry.ignoreBlanks) return true;
  switch (rule.type) {
    case "List": {
      const items = listItems(wb, sheet, rule, entry.anchor).map((s) => s.toLocaleLowerCase());
      return items.includes(textOf(value).toLocaleLowerCase());
    }
    case "WholeNumber":
    case "Decimal":
    case "Date":
    case "Time": {
      if (typeof value !== "number") return false;
      if (rule.type === "WholeNumber" && !Number.isInteger(value)) return false;
      return compare(value, rule.operator, operand(wb, sheet, entry, rule.formula1, row, col), operand(wb, sheet, entry, rule.formula2, row, col));
    }
    case "TextLength": {
      const len = wb.text(sheet, { r0: row, c0: col, r1: row, c1: col })[0][0].length;
      return compare(len, rule.operator, operand(wb, sheet, entry, rule.formula1, row, col), operand(wb, sheet, entry, rule.formula2, row, col));
    }
    case "Custom": {
      const v = scalarOf(wb.evaluateAt(sheet, rule.formula ?? "=TRUE", entry.anchor, row, col));
      if (typeof v === "boolean") return v;
      if (typeof v === "number") return v !== 0;
      return false;
    }
    default:
      return true;
  }
}

/** Invalid cells inside `within` (or the whole sheet), as [row, col] pairs in row-major order. */
export function invalidCells(wb: WorkbookModel, sheet: SheetModel, within?: Rect): Array<[number, number]> {
  const used = wb.usedRect(sheet, true);
  const out: Array<[number, number]> = [];
  const seen = new Set<string>();
  for (const entry of sheet.validations) {
    if (!entry.rule) continue;
    for (const er of entry.rects) {
      let area: Rect | null = within ? intersect(er, within) : er;
      // Only the used part of the sheet is checked (Excel doesn't circle cells beyond it).
      if (area) area = used ? intersect(area, used) : null;
      if (!area) continue;
      const vals = wb.values(sheet, area);
      for (let i = 0; i < vals.length; i++) {
        for (let j = 0; j < vals[i].length; j++) {
          const row = area.r0 + i;
          const col = area.c0 + j;
          if (!isValueValid(wb, sheet, entry, row, col, vals[i][j])) {
            const k = `${row},${col}`;
            if (!seen.has(k)) {
              seen.add(k);
              out.push([row, col]);
            }
          }
        }
      }
    }
  }
  return out.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}
