import { raise } from "../domain/codes";
/**
 * Co-authoring (Microsoft 365): another person's edit can land between an action's read and its
 * write. A sheet the action rewrites from what it read is read again in the write's own request
 * (writeSheets' guards); when it changed in between, what was there just before the write is kept
 * aside as a copy of its values and the user is told, so nothing anyone typed is lost. (Score and
 * ballot cells are merged cell by cell instead: see scoring.ts and cells.ts.)
 */
import { type Issue } from "../domain/issues";
import { nameKey } from "../domain/text";
import { valuesCopyPlan, writeSheets, type WorkbookState, type WriteReport } from "../excel/apply";
import type { ExcelHost } from "../excel/host";
import type { SheetRead } from "../excel/read";
import { rangeAddress } from "../workbook/a1";

/** The guarded area of a sheet as read: its used range. */
export function guardOf(grid: SheetRead | undefined): { sheet: string; address: string } | null {
  if (!grid?.exists || grid.values.length === 0) return null;
  const width = Math.max(1, ...grid.values.map((r) => r.length));
  return { sheet: grid.name, address: rangeAddress(grid.row, grid.col, grid.values.length, width) };
}

const norm = (v: unknown) => (v === null || v === undefined ? "" : typeof v === "string" ? v.normalize("NFC") : v);

/**
 * After a write that guarded `grids`: each sheet that held something else just before the write
 * than at the read gets a copy of that content kept aside, "<name> (sửa cùng lúc)". One more round
 * trip, only when that happened.
 */
export async function keepConcurrentEdits(host: ExcelHost, state: WorkbookState, grids: (SheetRead | undefined)[], report: WriteReport): Promise<{ issues: Issue[]; syncs: number }> {
  const changed: SheetRead[] = [];
  for (const g of grids) {
    const guard = guardOf(g);
    const now = guard && report.guarded[`${guard.sheet}!${guard.address}`];
    if (!g || !now) continue;
    const differs = now.some((row, i) => row.some((v, j) => norm(v) !== norm(g.values[i]?.[j])));
    if (differs) changed.push({ ...g, values: now });
  }
  if (!changed.length) return { issues: [], syncs: 0 };
  const taken = new Set([...state.sheets, ...report.keptOld.map((k) => k.to)].map(nameKey));
  const plans = changed.map((g) => {
    let name = `${g.name} (sửa cùng lúc)`.slice(0, 31);
    for (let k = 2; taken.has(nameKey(name)); k++) name = `${g.name.slice(0, 20)} (sửa cùng lúc ${k})`;
    taken.add(nameKey(name));
    return valuesCopyPlan(name, g);
  });
  const w = await writeSheets(host, plans, { ...state, sheets: [...state.sheets, ...report.keptOld.map((k) => k.to)] });
  return {
    syncs: w.syncs,
    issues: [
      ...changed.map((g, i) =>
        raise("excel.sheet.editedMeanwhile", { sheet: g.name, copy: plans[i].name }, { sheet: plans[i].name, cell: "A1" }),
      ),
      ...w.issues,
    ],
  };
}
