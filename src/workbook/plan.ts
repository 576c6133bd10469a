/**
 * A sheet plan: the layout of one worksheet as plain data (architecture rule 5).
 * Plans are built by pure functions, tested as data, and written by the one applier in excel/.
 * Addresses are A1-style and relative to the plan's sheet; names are workbook-scoped.
 */

/** A constant cell. Text is always written as text, never parsed as a formula. */
export type PlanValue = string | number | boolean | null;

/** One cell of a block: a constant, or a formula with English function names ("=SUM(B2:B9)"). */
export type PlanCell = PlanValue | { f: string };

/** A rectangular block of cells written in one request, its top-left cell at `at`. */
export interface PlanBlock {
  at: string;
  rows: PlanCell[][];
}

export type HAlign = "Left" | "Center" | "Right" | "General";
export type VAlign = "Top" | "Center" | "Bottom";
export type BorderStyle = "Continuous" | "None";

export interface CellFormat {
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  fontName?: string;
  /** "#RRGGBB" */
  fontColor?: string;
  /** "#RRGGBB" */
  fill?: string;
  numberFormat?: string;
  hAlign?: HAlign;
  vAlign?: VAlign;
  wrap?: boolean;
  /** Thin borders on every edge of every cell in the range. */
  borders?: BorderStyle;
}

export interface RangeFormat {
  range: string;
  format: CellFormat;
}

export type ValidationRule =
  | { kind: "list"; source: string[] | { range: string } }
  | { kind: "whole" | "decimal"; min: number; max: number }
  | { kind: "textLength"; max: number }
  /** A formula relative to the range's top-left cell, true when the value is allowed. */
  | { kind: "custom"; formula: string };

export interface Validation {
  range: string;
  rule: ValidationRule;
  /** Shown when the user types something the rule refuses. */
  error: { title: string; message: string };
  /** Optional hint shown when the cell is selected. */
  prompt?: { title: string; message: string };
}

export interface ConditionalFormat {
  range: string;
  /** A formula relative to the range's top-left cell, e.g. "=AND($C5<>\"\",$D5>$C5)". */
  formula: string;
  format: { fill?: string; fontColor?: string; bold?: boolean };
}

export interface NameDef {
  name: string;
  /** A range on this sheet, e.g. "$B$4" or "$A$13:$D$20". */
  range: string;
  comment?: string;
}

export interface PrintSetup {
  orientation: "Portrait" | "Landscape";
  paper: "A4";
  /** Rows repeated on every printed page, e.g. "$1:$3". */
  titleRows?: string;
  /** Fit all columns on one page wide. */
  fitToWidth?: boolean;
  /** Margins in points. */
  margins?: { top: number; bottom: number; left: number; right: number };
}

export interface SheetPlan {
  name: string;
  tabColor?: string;
  blocks: PlanBlock[];
  formats: RangeFormat[];
  merges: string[];
  /** Column widths in points (Excel's `format.columnWidth`). */
  columnWidths: { column: string; width: number }[];
  /** Row heights in points; `row` is 1-based, as Excel numbers rows (unlike `pageBreaks`). */
  rowHeights?: { row: number; height: number }[];
  /** Columns hidden from view and print (helper columns formulas use), e.g. ["J", "K"]. */
  hiddenColumns?: string[];
  validations: Validation[];
  conditionalFormats: ConditionalFormat[];
  /** Ranges the user may edit; with protection on, everything else is locked. */
  unlocked: string[];
  /** Protect the sheet after writing. `password` optional. */
  protection?: { password?: string } | null;
  names: NameDef[];
  print?: PrintSetup;
  /** Manual page breaks: 0-based rows before which a new printed page starts (ExcelApi 1.9; skipped with a warning before). */
  pageBreaks?: number[];
  freeze?: { rows: number; columns: number };
}

export function emptyPlan(name: string): SheetPlan {
  return { name, blocks: [], formats: [], merges: [], columnWidths: [], validations: [], conditionalFormats: [], unlocked: [], names: [] };
}
