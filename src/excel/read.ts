import { LOG_HEADERS, LOG_SHEET, LOG_TITLE } from "../workbook/log/logSheet";
import type { ExcelHost } from "./host";

export interface SheetRead {
  /** The sheet's name as it is now. */
  name: string;
  exists: boolean;
  /** 0-based top-left of the used range (0,0 when empty). */
  row: number;
  col: number;
  /** Computed values of the used range ([] when the sheet is empty or missing). */
  values: unknown[][];
  /** Formulas of the used range, when asked for. */
  formulas?: unknown[][];
}

/** A worksheet as the writer needs to know it: its id (a co-author may rename it), visibility and protection. */
export interface SheetInfo {
  name: string;
  id: string;
  visibility: string;
  protected: boolean;
}

export interface WorkbookRead {
  /** Sheet names in tab order. */
  sheets: string[];
  /** The same sheets with their ids, visibility and protection. */
  sheetInfo: SheetInfo[];
  /** Workbook-scoped defined names, what they refer to ("='Khối'!$B$4") and their comments. */
  names: { name: string; formula: string; comment: string }[];
  /** One entry per requested sheet name, keyed by the requested name. */
  byName: Record<string, SheetRead>;
  /** One entry per requested defined name: the whole used range of the sheet holding it. */
  byDefinedName: Record<string, SheetRead>;
  /** One entry per requested named region: its own values (see `ReadRequest.regions`). */
  regions: Record<string, NamedRead>;
  /** The audit log: whether it exists and whether it is protected, for appending. */
  log: LogState;
}

/** The comment a sheet's region name carries while a write of it is under way (see writeSheets). */
export const REGION_WRITING = "Bình xét: đang ghi dở";

/** Sheets whose last write did not finish (their region name still says so), by name. */
export function unfinishedSheets(read: Pick<WorkbookRead, "names">): string[] {
  return read.names
    .filter((n) => n.comment === REGION_WRITING)
    .map((n) => {
      const f = n.formula.replace(/^=/, "");
      const bang = f.lastIndexOf("!");
      const sheet = bang < 0 ? "" : f.slice(0, bang);
      return sheet.startsWith("'") ? sheet.slice(1, -1).replace(/''/g, "'") : sheet;
    })
    .filter((s) => s !== "");
}

export interface LogState {
  exists: boolean;
  /** Protected (by the add-in, without a password, unless someone changed it). */
  protected: boolean;
  /**
   * Whether the sheet is the add-in's log (its title or header row as the add-in writes them);
   * false for a "Nhật ký" of the user's own, which the add-in never writes into. Unknown: ours.
   */
  ours?: boolean;
}

/** A "Nhật ký" sheet's first rows (A1:E3 as read) are the add-in's log: its title, or its header row. */
export function logLooksOurs(head: unknown[][]): boolean {
  const t = (v: unknown) => String(v ?? "").normalize("NFC").trim();
  if (t(head[0]?.[0]).startsWith(LOG_TITLE.slice(0, 30))) return true;
  return head.some((row) => LOG_HEADERS.every((h, i) => t(row?.[i]) === h));
}

export interface ReadRequest {
  sheets?: string[];
  /** Read the sheet that holds each of these names, wherever the user moved or renamed it. */
  sheetsOfNames?: string[];
  /** Read the values of these named regions (missing names come back as not existing). */
  regions?: string[];
  formulas?: boolean;
  /** Sheets (keys of `sheets`, light ones) whose formulas are read too, without `formulas` for all. */
  formulasOf?: string[];
  /**
   * Items that can be large (a unit's score sheet, a ballot entry sheet), by the key they are asked
   * under (sheet, defined name or region): read in row slices so that no response passes the
   * budget. The first request reads each one's first rows; only an item longer than its share
   * costs more requests.
   */
  heavy?: Record<string, HeavySpec>;
  /** Response budget per request (default REQUEST_BUDGET_BYTES; tests make it small). */
  budgetBytes?: number;
}

/** How large an item's rows can be. */
export interface HeavySpec {
  /** Columns it spans at most (its layout's width). */
  width: number;
  /** Bytes a cell takes in a response, on average (its JSON and a comma). */
  cellBytes: number;
  /** Columns (0-based, from its left edge) the reader does not need: left out of the response, "" in the result. */
  skip?: number[];
}

/**
 * Excel on the web refuses a response over 5 MB; reads are cut to stay under this, as the writes
 * are (see REQUEST_BUDGET_BYTES in apply.ts).
 */
const RESPONSE_BUDGET_BYTES = 4_000_000;
/** What the first request carries besides the heavy items (sheet list, names, the small sheets). */
const LIGHT_RESERVE_BYTES = 600_000;
/** Heavy items that share the first response: blocs have 6 to 17 units, the largest seen some 60. */
const SHARED = 64;

interface Slice {
  key: string;
  kind: "sheet" | "name" | "region";
  /** 0-based rows of the item to read, from its top. */
  from: number;
  to: number;
  spec: HeavySpec;
  width: number;
}

/** Column runs of an item's width without the skipped columns: [[0, 0], [2, 12]]. */
function segments(width: number, skip: number[] = []): [number, number][] {
  const out: [number, number][] = [];
  for (let c = 0; c < width; c++) {
    if (skip.includes(c)) continue;
    const last = out[out.length - 1];
    if (last && last[1] === c - 1) last[1] = c;
    else out.push([c, c]);
  }
  return out;
}

/** Loads the values (and formulas) of `range`'s columns but the skipped ones; returns how to stitch them back. */
function loadSegments(range: Excel.Range, width: number, skip: number[] | undefined, formulas: boolean): { seg: [number, number]; r: Excel.Range }[] {
  return segments(width, skip).map((seg) => {
    const r = range.getColumn(seg[0]).getResizedRange(0, seg[1] - seg[0]);
    r.load(formulas ? "values,formulas" : "values");
    return { seg, r };
  });
}

/** The rows read from segments, as one grid of `width` columns ("" in skipped columns), `rows` tall at most. */
function stitch(parts: { seg: [number, number]; r: Excel.Range }[], width: number, rows: number, what: "values" | "formulas"): unknown[][] {
  const out: unknown[][] = Array.from({ length: rows }, () => Array<unknown>(width).fill(""));
  for (const { seg, r } of parts) {
    const grid = (r.isNullObject ? [] : what === "values" ? r.values : r.formulas) as unknown[][];
    grid.slice(0, rows).forEach((row, i) => row.forEach((v, j) => (seg[0] + j < width ? (out[i][seg[0] + j] = v) : undefined)));
  }
  return out;
}

/**
 * Reads sheet lists, names and the used ranges asked for: one round trip, more only for heavy items
 * longer than their share of a response (each further request stays under the budget).
 */
export async function readWorkbook(host: ExcelHost, req: ReadRequest): Promise<WorkbookRead> {
  let spec = req.heavy;
  for (let k = 0; ; k++) {
    try {
      return await readWithin(host, { ...req, heavy: spec });
    } catch (e) {
      // Cells longer than the estimate made the first response too large: estimate them four times as long (twice at most).
      if (k >= 2 || !spec || (e as { code?: string }).code !== "ResponsePayloadSizeLimitExceeded") throw e;
      spec = Object.fromEntries(Object.entries(spec).map(([key, s]) => [key, { ...s, cellBytes: s.cellBytes * 4 }]));
    }
  }
}

async function readWithin(host: ExcelHost, req: ReadRequest): Promise<WorkbookRead> {
  const budget = req.budgetBytes ?? RESPONSE_BUDGET_BYTES;
  const heavy = req.heavy ?? {};
  const heavyKeys = [...(req.sheets ?? []), ...(req.sheetsOfNames ?? []), ...(req.regions ?? [])].filter((k) => heavy[k]);
  // Items asked for may not exist (200 unit names for a bloc of 8): the first SHARED items share the
  // first response; any further ones (a bloc over SHARED units) start with a few rows.
  const share = Math.max(1, budget - LIGHT_RESERVE_BYTES) / Math.max(1, Math.min(SHARED, heavyKeys.length));
  const rank = new Map(heavyKeys.map((k, i) => [k, i]));
  /** Rows of each heavy item the first request reads. */
  const firstRows = (key: string, spec: HeavySpec) =>
    (rank.get(key) ?? 0) >= SHARED ? 10 : Math.min(50_000, Math.max(10, Math.floor(share / (Math.max(1, spec.width - (spec.skip?.length ?? 0)) * spec.cellBytes * (req.formulas ? 2 : 1)))));
  const pending: Slice[] = [];

  const out = await host.run(async (context) => {
    const wb = context.workbook;
    const sheets = wb.worksheets;
    sheets.load("items/name,items/id,items/visibility,items/protection/protected");
    const names = wb.names;
    names.load("items/name,items/formula,items/comment");
    const props = req.formulas ? "address,rowIndex,columnIndex,values,formulas" : "address,rowIndex,columnIndex,values";
    /** Loads a range whole, or for a heavy item its size and its first rows. */
    const loadItem = (key: string, range: Excel.Range) => {
      const spec = heavy[key];
      if (!spec) {
        range.load(!req.formulas && req.formulasOf?.includes(key) ? `${props},formulas` : props);
        return { range, head: null as null | { rows: number; parts: { seg: [number, number]; r: Excel.Range }[] } };
      }
      range.load("address,rowIndex,columnIndex,rowCount,columnCount");
      const rows = firstRows(key, spec);
      const head = range.getIntersectionOrNullObject(range.getRow(0).getResizedRange(rows - 1, 0));
      return { range, head: { rows, parts: loadSegments(head, spec.width, spec.skip, !!req.formulas) } };
    };
    const wanted = (req.sheets ?? []).map((n) => {
      const ws = wb.worksheets.getItemOrNullObject(n);
      ws.load("name");
      return { key: n, ws, ...loadItem(n, ws.getUsedRangeOrNullObject(true)) };
    });
    const viaNames = (req.sheetsOfNames ?? []).map((n) => {
      const item = wb.names.getItemOrNullObject(n);
      const at = item.getRangeOrNullObject();
      const ws = at.worksheet;
      ws.load("name");
      return { key: n, item, at, ws, ...loadItem(n, ws.getUsedRangeOrNullObject(true)) };
    });
    const logSheet = wb.worksheets.getItemOrNullObject(LOG_SHEET);
    logSheet.load("protection/protected");
    const logHead = logSheet.getRange("A1:E3");
    logHead.load("values");
    const regions = (req.regions ?? []).map((name) => {
      const item = wb.names.getItemOrNullObject(name);
      const at = item.getRangeOrNullObject();
      const ws = at.worksheet;
      ws.load("name");
      return { name, item, at, ws, ...loadItem(name, at) };
    });
    await context.sync();

    /** An item's values (and formulas): whole, or its first rows with the rest left to later requests. */
    const grids = (key: string, kind: Slice["kind"], l: ReturnType<typeof loadItem>) => {
      const spec = heavy[key];
      if (!spec || !l.head) return { values: l.range.values, formulas: req.formulas || req.formulasOf?.includes(key) ? l.range.formulas : undefined };
      const rows = l.range.rowCount;
      const got = Math.min(rows, l.head.rows);
      const width = Math.min(l.range.columnCount, spec.width);
      if (got < rows) {
        // The rest in slices, each under the budget.
        const per = Math.max(10, Math.floor(budget / (Math.max(1, width - (spec.skip?.length ?? 0)) * spec.cellBytes * (req.formulas ? 2 : 1))));
        for (let from = got; from < rows; from += per) pending.push({ key, kind, from, to: Math.min(rows, from + per), spec, width });
      }
      return {
        values: stitch(l.head.parts, width, got, "values"),
        formulas: req.formulas ? stitch(l.head.parts, width, got, "formulas") : undefined,
      };
    };
    const toRead = (key: string, kind: Slice["kind"], ws: Excel.Worksheet, l: ReturnType<typeof loadItem>, fallbackName: string): SheetRead => {
      if (ws.isNullObject) return { name: fallbackName, exists: false, row: 0, col: 0, values: [] };
      if (l.range.isNullObject) return { name: ws.name, exists: true, row: 0, col: 0, values: [], formulas: req.formulas ? [] : undefined };
      const g = grids(key, kind, l);
      return { name: ws.name, exists: true, row: l.range.rowIndex, col: l.range.columnIndex, values: g.values, formulas: g.formulas };
    };
    const byName: Record<string, SheetRead> = {};
    for (const w of wanted) byName[w.key] = toRead(w.key, "sheet", w.ws, w, w.key);
    const byDefinedName: Record<string, SheetRead> = {};
    for (const v of viaNames) {
      if (v.item.isNullObject || v.at.isNullObject) byDefinedName[v.key] = { name: "", exists: false, row: 0, col: 0, values: [] };
      else byDefinedName[v.key] = toRead(v.key, "name", v.ws, v, "");
    }
    const regionReads: Record<string, NamedRead> = {};
    for (const g of regions) {
      if (g.item.isNullObject || g.at.isNullObject) {
        regionReads[g.name] = { name: g.name, exists: false, address: "", sheet: "", row: 0, col: 0, values: [] };
        continue;
      }
      const values = grids(g.name, "region", g).values;
      regionReads[g.name] = { name: g.name, exists: true, address: g.at.address, sheet: g.ws.name, row: g.at.rowIndex, col: g.at.columnIndex, values };
    }
    return {
      sheets: sheets.items.map((s) => s.name),
      sheetInfo: sheets.items.map((s) => ({ name: s.name, id: s.id, visibility: s.visibility, protected: s.protection.protected })),
      names: names.items.map((n) => ({ name: n.name, formula: n.formula, comment: n.comment })),
      byName,
      byDefinedName,
      regions: regionReads,
      log: logSheet.isNullObject ? { exists: false, protected: false } : { exists: true, protected: logSheet.protection.protected, ours: logLooksOurs(logHead.values) },
    } satisfies WorkbookRead;
  });
  if (pending.length) await readRest(host, out, pending, budget, !!req.formulas);
  return out;
}

/** The rows of heavy items the first request left: packed into requests under the budget; a refused one is halved. */
async function readRest(host: ExcelHost, read: WorkbookRead, slices: Slice[], budget: number, formulas: boolean): Promise<void> {
  const bytes = (s: Slice) => (s.to - s.from) * Math.max(1, s.width - (s.spec.skip?.length ?? 0)) * s.spec.cellBytes * (formulas ? 2 : 1);
  const queue = [...slices];
  while (queue.length) {
    const batch: Slice[] = [];
    let used = 0;
    while (queue.length && (batch.length === 0 || used + bytes(queue[0]) <= budget)) {
      const s = queue.shift() as Slice;
      batch.push(s);
      used += bytes(s);
    }
    try {
      await host.run(async (context) => {
        const wb = context.workbook;
        const loaded = batch.map((s) => {
          const whole =
            s.kind === "sheet"
              ? wb.worksheets.getItem(s.key).getUsedRange(true)
              : s.kind === "name"
                ? wb.names.getItem(s.key).getRange().worksheet.getUsedRange(true)
                : wb.names.getItem(s.key).getRange();
          const part = whole.getRow(s.from).getResizedRange(s.to - s.from - 1, 0);
          return { s, parts: loadSegments(part, s.width, s.spec.skip, formulas) };
        });
        // One request per budget's worth of rows: several only where one response would pass the budget.
        // eslint-disable-next-line no-restricted-syntax
        await context.sync();
        for (const { s, parts } of loaded) {
          const target = s.kind === "sheet" ? read.byName[s.key] : s.kind === "name" ? read.byDefinedName[s.key] : read.regions[s.key];
          target.values.push(...stitch(parts, s.width, s.to - s.from, "values"));
          if (formulas && "formulas" in target && target.formulas) target.formulas.push(...stitch(parts, s.width, s.to - s.from, "formulas"));
        }
      });
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code !== "ResponsePayloadSizeLimitExceeded" || batch.every((s) => s.to - s.from <= 1 && batch.length === 1)) throw e;
      // Refused for size after all (cells longer than estimated): the same rows again, estimated
      // twice as large, so they go in halves.
      for (const s of [...batch].reverse()) {
        const spec = { ...s.spec, cellBytes: s.spec.cellBytes * 2 };
        if (s.to - s.from > 1) {
          const mid = s.from + Math.floor((s.to - s.from) / 2);
          queue.unshift({ ...s, spec, from: s.from, to: mid }, { ...s, spec, from: mid, to: s.to });
        } else queue.unshift({ ...s, spec });
      }
    }
  }
}

export interface NamedRead {
  name: string;
  exists: boolean;
  /** "'Khối'!B4:B5" as Excel reports it, "" when the name is missing or broken. */
  address: string;
  /** The sheet it is on, and its 0-based top-left (only from readWorkbook's regions). */
  sheet?: string;
  row?: number;
  col?: number;
  values: unknown[][];
}

/** Reads the values of named regions (wherever rows were inserted or the sheet renamed), in one round trip. */
export async function readNames(host: ExcelHost, names: string[]): Promise<Record<string, NamedRead>> {
  return host.run(async (context) => {
    const wanted = names.map((name) => {
      const item = context.workbook.names.getItemOrNullObject(name);
      const range = item.getRangeOrNullObject();
      range.load("address,values");
      return { name, item, range };
    });
    await context.sync();
    const out: Record<string, NamedRead> = {};
    for (const w of wanted) {
      out[w.name] =
        w.item.isNullObject || w.range.isNullObject
          ? { name: w.name, exists: false, address: "", values: [] }
          : { name: w.name, exists: true, address: w.range.address, values: w.range.values };
    }
    return out;
  });
}
