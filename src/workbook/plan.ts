/**
 * A sheet plan: the layout of one worksheet as plain data (architecture rule 5).
 * Plans are built by pure functions, tested as data, and written by the one applier in excel/.
 * Addresses are A1-style and relative to the plan's sheet; names are workbook-scoped.
 */
import { columnLetter } from "./a1";

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
  /**
   * The workbook name that records what this sheet owns (its region): the add-in rewrites only
   * that region in place. Default: "BXV_" and the sheet name in ASCII (see regionName).
   */
  region?: string;
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

/** Widths (points) of consecutive columns from the 0-based column `first`: `columnWidths(2, [64, 52])` sets C and D. */
export function columnWidths(first: number, widths: readonly number[]): SheetPlan["columnWidths"] {
  return widths.map((width, i) => ({ column: columnLetter(first + i), width }));
}

export function emptyPlan(name: string): SheetPlan {
  return { name, blocks: [], formats: [], merges: [], columnWidths: [], validations: [], conditionalFormats: [], unlocked: [], names: [] };
}

/**
 * The workbook name recording a plan's region: its own, or "BXV_", the sheet name folded to ASCII
 * letters, digits and "_", and 4 hex digits of the exact name (so "Sở Y tế" and "Sở Y-tế" differ).
 */
export function regionName(plan: SheetPlan): string {
  if (plan.region) return plan.region;
  const exact = plan.name.normalize("NFC").toLocaleLowerCase();
  const ascii = exact
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  let h = 0x811c9dc5;
  for (let i = 0; i < exact.length; i++) h = Math.imul(h ^ exact.charCodeAt(i), 0x01000193) >>> 0;
  return `BXV_${ascii || "trang"}_${(h & 0xffff).toString(16).padStart(4, "0")}`;
}

/** A1 range of a plan item as a 0-based rectangle; null for whole rows or columns ("A:A", "$1:$3"). */
function rectOf(range: string): { r0: number; c0: number; r1: number; c1: number } | null {
  const local = range.slice(range.lastIndexOf("!") + 1).replace(/\$/g, "");
  const m = /^([A-Za-z]+)(\d+)(?::([A-Za-z]+)(\d+))?$/.exec(local);
  if (!m) return null;
  const col = (letters: string) => [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const r0 = Number(m[2]) - 1;
  const c0 = col(m[1]);
  const r1 = m[4] ? Number(m[4]) - 1 : r0;
  const c1 = m[3] ? col(m[3]) : c0;
  return { r0: Math.min(r0, r1), c0: Math.min(c0, c1), r1: Math.max(r0, r1), c1: Math.max(c0, c1) };
}

/**
 * The rectangle a plan owns on its sheet: everything it writes or formats (cells, formats, merges,
 * rules, unlocked cells, names), as one bounding box (0-based). Whole rows and columns (widths,
 * print titles) are the sheet's, not the region's.
 */
export function planRegion(plan: SheetPlan): { row: number; col: number; rowCount: number; colCount: number } {
  // The region starts at A1: every plan writes its title there.
  const r0 = 0;
  const c0 = 0;
  let r1 = 0;
  let c1 = 0;
  const add = (r: { r0: number; c0: number; r1: number; c1: number } | null) => {
    if (!r) return;
    r1 = Math.max(r1, r.r1);
    c1 = Math.max(c1, r.c1);
  };
  for (const b of plan.blocks) {
    const at = rectOf(b.at);
    if (!at || b.rows.length === 0) continue;
    const width = Math.max(1, ...b.rows.map((r) => r.length));
    add({ r0: at.r0, c0: at.c0, r1: at.r0 + b.rows.length - 1, c1: at.c0 + width - 1 });
  }
  for (const f of plan.formats) add(rectOf(f.range));
  for (const m of plan.merges) add(rectOf(m));
  for (const v of plan.validations) add(rectOf(v.range));
  for (const c of plan.conditionalFormats) for (const part of c.range.split(",")) add(rectOf(part));
  for (const u of plan.unlocked) add(rectOf(u));
  for (const n of plan.names) add(rectOf(n.range));
  return { row: r0, col: c0, rowCount: r1 - r0 + 1, colCount: c1 - c0 + 1 };
}

/** A cell's shown value as text for comparison: numbers as Excel shows them raw, text in one Unicode form, blanks as "". */
function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number") return String(v);
  return String(v).normalize("NFC");
}

/** The constants a plan writes, by 0-based absolute cell ("r,c"), and the cells it writes formulas in. */
export function planCells(plan: SheetPlan): { constants: Map<string, string>; formulas: Set<string> } {
  const constants = new Map<string, string>();
  const formulas = new Set<string>();
  for (const b of plan.blocks) {
    const at = rectOf(b.at);
    if (!at) continue;
    b.rows.forEach((row, i) =>
      row.forEach((c, j) => {
        const key = `${at.r0 + i},${at.c0 + j}`;
        if (c !== null && typeof c === "object") {
          formulas.add(key);
          constants.delete(key);
        } else if (cellText(c) !== "") {
          constants.set(key, cellText(c));
          formulas.delete(key);
        } else {
          constants.delete(key);
          formulas.delete(key);
        }
      }),
    );
  }
  return { constants, formulas };
}

/** FNV-1a of cells ("r,c=text" sorted): what a region held as written, to notice later edits by hand. */
function cellsHash(cells: Map<string, string>): string {
  const s = [...cells.entries()].map(([k, v]) => `${k}=${v}`).sort().join("\u0001");
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, "0");
}

/** The fingerprint of the constants a plan writes (recorded with its region when written). */
export function planFingerprint(plan: SheetPlan): string {
  return cellsHash(planCells(plan).constants);
}

/**
 * A sheet as read, against the fingerprint recorded when the add-in last wrote it and the plan
 * about to be written: the cells inside `region` (0-based) that were changed by hand since and
 * that the new plan would not show again (a line added, a value edited, a note in a blank cell).
 * Cells where the new plan writes a formula are computed, not typed, and are left out of both,
 * unless the read formulas show a value typed over the formula.
 * Empty when the region holds what was written, or when each difference is one the plan repeats.
 */
export function editedCells(
  grid: { row: number; col: number; values: unknown[][]; formulas?: unknown[][] },
  region: { row: number; col: number; rowCount: number; colCount: number },
  fingerprint: string,
  plan: SheetPlan,
): { row: number; col: number }[] {
  const next = planCells(plan);
  const seen = new Map<string, string>();
  grid.values.forEach((row, i) =>
    row.forEach((v, j) => {
      const r = grid.row + i;
      const c = grid.col + j;
      if (r < region.row || c < region.col || r >= region.row + region.rowCount || c >= region.col + region.colCount) return;
      const key = `${r},${c}`;
      // A formula read there is computed, not typed (a table of the add-in's that shrank leaves its old rows' values).
      if (String(grid.formulas?.[i]?.[j] ?? "").startsWith("=")) return;
      if (next.formulas.has(key)) {
        // Where the plan computes, a constant read in the formula's place was typed over it (when formulas were read).
        const f = grid.formulas?.[i]?.[j];
        if (f !== undefined && cellText(f) !== "" && !String(f).startsWith("=")) seen.set(key, cellText(v));
        return;
      }
      if (cellText(v) === "") return;
      seen.set(key, cellText(v));
    }),
  );
  if (cellsHash(seen) === fingerprint) return [];
  const out: { row: number; col: number }[] = [];
  for (const [key, v] of seen) {
    if (next.constants.get(key) === v) continue;
    const [row, col] = key.split(",").map(Number);
    out.push({ row, col });
  }
  return out.sort((a, b) => a.row - b.row || a.col - b.col);
}
