import { raise } from "../domain/codes";
/**
 * Writing scattered single cells (a member's entries into its score sheet) in one round trip.
 *
 * Only for input cells: the unlocked, yellow cells of a protected score sheet (self, review,
 * agreed, evidence, note). Whole sheets and formulas go through plans and `writeSheets`; this
 * writes plain values and never touches a formula cell, a format or a rule. Callers pass input
 * cells only; on a protected sheet Excel itself refuses anything else (AccessDenied).
 *
 * No cleanup after a failure is possible for plain cell writes: there is no temporary sheet to
 * drop and no old value kept to restore. Excel runs a request's queued writes in order, so a
 * request that fails part-way (a locked cell, a deleted sheet) may have applied the writes before
 * the failing one. The callers therefore check the target cells right before writing (the same
 * values they showed the user), and report the failure in words so the user can look.
 */
import { type Issue } from "../domain/issues";
import { nameKey } from "../domain/text";
import { cellAddress, parseRange, rangeAddress } from "../workbook/a1";
import type { LogEntry } from "../workbook/log/logSheet";
import { appendLog, logNotWritten, REQUEST_BUDGET_BYTES, toFormulaCell, utf8Length, writeSheets, type WorkbookState } from "./apply";
import { officeErrorToIssue } from "./errors";
import type { ExcelHost } from "./host";

export interface CellWrite {
  sheet: string;
  /** One cell, A1 style ("D7"); "$" and a sheet prefix are tolerated. */
  address: string;
  /** A number, text (kept as text even when it looks like a formula or number), or null to clear. */
  value: string | number | null;
  /**
   * What the caller read in the cell (its value; "" or null for empty). When the cell holds
   * something else just before the write, someone typed there since the read: their entry is put
   * back after the write and reported, never silently overwritten.
   */
  expected?: string | number | boolean | null;
}

/** A cell someone typed in between the caller's read and the write: what they typed stays. */
export interface CellConflict {
  sheet: string;
  address: string;
  /** What they typed (kept). */
  theirs: unknown;
  /** What the write would have put there. */
  ours: string | number | null;
}

export interface CellWriteReport {
  ok: boolean;
  /** Round trips spent (1; 0 when there was nothing to write; more only past the 5 MB budget, or to put back a co-author's entries). */
  syncs: number;
  issues: Issue[];
  conflicts?: CellConflict[];
}

const same = (a: unknown, b: unknown) => {
  const norm = (x: unknown) => (x === null || x === undefined ? "" : typeof x === "string" ? x.normalize("NFC") : x);
  const x = norm(a);
  const y = norm(b);
  return x === y || (typeof x === "number" && typeof y === "string" && y.trim() !== "" && Number(y) === x) || (typeof y === "number" && typeof x === "string" && x.trim() !== "" && Number(x) === y);
};

/** A rectangle of values to write at once. */
export interface CellBlock {
  sheet: string;
  address: string;
  formulas: (string | number | boolean)[][];
  bytes: number;
}

/**
 * Groups single cells into blocks: per sheet, consecutive columns of a row form a run; runs over
 * the same columns in consecutive rows stack into one 2-D block. A cell given twice: the last wins.
 */
export function cellBlocks(writes: CellWrite[]): CellBlock[] {
  // Last write of a cell wins; sheets are grouped by their key as Excel compares names.
  const sheets = new Map<string, { sheet: string; cells: Map<string, { row: number; col: number; value: string | number | boolean }> }>();
  for (const w of writes) {
    const r = parseRange(w.address);
    if (r.rowCount !== 1 || r.colCount !== 1) throw new RangeError(`writeCells writes single cells, not ${w.address}`);
    const key = nameKey(w.sheet);
    let s = sheets.get(key);
    if (!s) sheets.set(key, (s = { sheet: w.sheet, cells: new Map() }));
    s.cells.set(`${r.row}:${r.col}`, { row: r.row, col: r.col, value: toFormulaCell(w.value) });
  }
  const out: CellBlock[] = [];
  for (const { sheet, cells } of sheets.values()) {
    const sorted = [...cells.values()].sort((a, b) => a.row - b.row || a.col - b.col);
    // Runs along each row.
    const runs: { row: number; col: number; values: (string | number | boolean)[] }[] = [];
    for (const c of sorted) {
      const last = runs[runs.length - 1];
      if (last && last.row === c.row && last.col + last.values.length === c.col) last.values.push(c.value);
      else runs.push({ row: c.row, col: c.col, values: [c.value] });
    }
    // Runs over the same columns in consecutive rows become one block.
    const blocks: { row: number; col: number; rows: (string | number | boolean)[][] }[] = [];
    const open = new Map<string, (typeof blocks)[number]>();
    for (const run of runs) {
      const key = `${run.col}:${run.values.length}`;
      const b = open.get(key);
      if (b && b.row + b.rows.length === run.row) b.rows.push(run.values);
      else {
        const nb = { row: run.row, col: run.col, rows: [run.values] };
        blocks.push(nb);
        open.set(key, nb);
      }
    }
    for (const b of blocks) {
      out.push({ sheet, address: rangeAddress(b.row, b.col, b.rows.length, b.rows[0].length), formulas: b.rows, bytes: 64 + utf8Length(JSON.stringify(b.rows)) });
    }
  }
  return out;
}

/**
 * Writes the given single cells: one round trip for the lot (a second and more only if the values
 * would pass Excel on the web's 5 MB request limit). Text that Excel would parse (=, +, -, @, a
 * number-like "001") gets the apostrophe prefix so it stays text.
 */
export interface CellWriteOptions {
  budgetBytes?: number;
  /** Append this entry to the audit log: in the last request when the log exists (else one more request creates it). */
  log?: { entry: LogEntry; state: WorkbookState };
}

export async function writeCells(host: ExcelHost, writes: CellWrite[], options: CellWriteOptions = {}): Promise<CellWriteReport> {
  let blocks: CellBlock[];
  try {
    blocks = cellBlocks(writes);
  } catch (e) {
    return { ok: false, syncs: 0, issues: [raise("excel.cells.invalid", { detail: String(e instanceof Error ? e.message : e) })] };
  }
  if (blocks.length === 0) return { ok: true, syncs: 0, issues: [] };
  const budget = options.budgetBytes ?? REQUEST_BUDGET_BYTES;
  const requests: CellBlock[][] = [[]];
  let used = 0;
  for (const b of blocks) {
    if (used + b.bytes > budget && requests[requests.length - 1].length > 0) {
      requests.push([]);
      used = 0;
    }
    requests[requests.length - 1].push(b);
    used += b.bytes;
  }
  let syncs = 0;
  const now = new Date();
  // A "Nhật ký" of the user's own is never written into: writeSheets keeps it aside and starts the log (issue #11).
  const appendTo = options.log?.state.log?.exists && options.log.state.log.ours !== false ? options.log.state.log : null;
  // What the caller read, by sheet and cell: checked in the write's own request, just before writing.
  const expected = new Map<string, CellWrite>();
  for (const w of writes) {
    if (w.expected === undefined) continue;
    const r = parseRange(w.address);
    expected.set(`${nameKey(w.sheet)}!${r.row}:${r.col}`, w);
  }
  const conflicts: CellConflict[] = [];
  let failedAt = -1;
  try {
    for (const [r, request] of requests.entries()) {
      failedAt = r;
      await host.run(async (context) => {
        const sheets = new Map<string, Excel.Worksheet>();
        const checks: { block: CellBlock; range: Excel.Range }[] = [];
        for (const b of request) {
          let ws = sheets.get(nameKey(b.sheet));
          if (!ws) sheets.set(nameKey(b.sheet), (ws = context.workbook.worksheets.getItem(b.sheet)));
          if (expected.size) checks.push({ block: b, range: ws.getRange(b.address).load("values") });
          ws.getRange(b.address).formulas = b.formulas;
        }
        if (appendTo && options.log && r === requests.length - 1) appendLog(context, appendTo, options.log.entry, now);
        // One request per budget-sized batch; a single one unless the values pass 5 MB.
        // eslint-disable-next-line no-restricted-syntax
        await context.sync();
        syncs++;
        for (const { block, range } of checks) {
          const at = parseRange(block.address);
          range.values.forEach((row, i) =>
            row.forEach((v, j) => {
              const w = expected.get(`${nameKey(block.sheet)}!${at.row + i}:${at.col + j}`);
              if (w && !same(v, w.expected) && !same(v, w.value)) conflicts.push({ sheet: w.sheet, address: cellAddress(at.row + i, at.col + j), theirs: v, ours: w.value });
            }),
          );
        }
      });
    }
  } catch (e) {
    syncs++;
    // The log comes last: if the last request failed with every cell already written, only the log was left.
    if (appendTo && failedAt === requests.length - 1 && (await written(host, requests[failedAt]).catch(() => false))) {
      syncs++;
      return {
        ok: true,
        syncs,
        ...(conflicts.length ? { conflicts } : {}),
        issues: [logNotWritten()],
      };
    }
    return { ok: false, syncs, issues: [officeErrorToIssue(e)] };
  }
  const issues: Issue[] = [];
  if (conflicts.length) {
    // Someone typed in these cells since the read: their entries go back, and the user hears of it.
    const back = await writeCells(host, conflicts.map((c) => ({ sheet: c.sheet, address: c.address, value: c.theirs as string | number | null })));
    syncs += back.syncs;
    issues.push(
      raise("excel.cells.concurrentEdit", { count: conflicts.length, cells: conflicts.slice(0, 3).map((c) => `${c.sheet}!${c.address}`).join(", ") + (conflicts.length > 3 ? "…" : "") }, { sheet: conflicts[0].sheet, cell: conflicts[0].address }),
      ...back.issues,
    );
  }
  const extra = conflicts.length ? { conflicts } : {};
  if (options.log && !appendTo) {
    const w = await writeSheets(host, [], options.log.state, { log: options.log.entry });
    return { ok: true, syncs: syncs + w.syncs, issues: [...issues, ...w.issues], ...extra };
  }
  return { ok: true, syncs, issues, ...extra };
}

/** Whether every cell of these blocks holds what they would write (one read). */
async function written(host: ExcelHost, blocks: CellBlock[]): Promise<boolean> {
  return host.run(async (context) => {
    const loaded = blocks.map((b) => ({ b, r: context.workbook.worksheets.getItem(b.sheet).getRange(b.address).load("formulas") }));
    await context.sync();
    return loaded.every(({ b, r }) => r.formulas.every((row, i) => row.every((v, j) => same(v, b.formulas[i][j]) || same(`'${String(v)}`, b.formulas[i][j]))));
  });
}
