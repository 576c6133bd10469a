import { toFormulaCell } from "./applyWork";
import { raise } from "../domain/codes";
import type { Issue } from "../domain/issues";
import { rangeAddress } from "../workbook/a1";
import type { SheetPlan } from "../workbook/plan";
import { LOG_SHEET, logRow, type LogEntry } from "../workbook/log/logSheet";
import { type LogState, type SheetRead } from "./read";


/** What a write says and logs (split from apply.ts): sheets kept aside, renamed back, the log row. */
/**
 * What the write kept aside, in words: a user's own sheet under a name the add-in uses (renamed
 * aside whole), a sheet of the add-in's changed by hand inside its region (a copy of its values
 * kept), a user's own "Nhật ký" (kept, the add-in's log started anew).
 */
export function keptIssues(aside: { from: string; to: string }[], edited: { from: string; to: string; cells: string[] }[], log?: { from: string; to: string }): Issue[] {
  const out: Issue[] = [];
  if (log) {
    out.push(raise("excel.log.keptAside", { from: log.from, to: log.to, sheet: LOG_SHEET }, { sheet: log.to }));
  }
  for (const k of aside) {
    out.push(raise("excel.sheet.keptAside", { from: k.from, to: k.to }, { sheet: k.to }));
  }
  for (const k of edited) {
    const cells = `${k.cells.slice(0, 3).join(", ")}${k.cells.length > 3 ? "…" : ""}`;
    out.push(raise("excel.sheet.keptEdited", { from: k.from, count: k.cells.length, cells, to: k.to }, { sheet: k.from, cell: k.cells[0] }));
  }
  return out;
}

/** The action was done; only its log row could not be written. */
export function logNotWritten(): Issue {
  return raise("excel.log.notWritten", { sheet: LOG_SHEET });
}

export function renameIssues(renamed: { from: string; to: string }[]): Issue[] {
  return renamed.map((r) => raise("excel.sheet.renamedBack", { to: r.to, from: r.from }, { sheet: r.to }));
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
