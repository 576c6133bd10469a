import { LOG_SHEET } from "../workbook/log/logSheet";
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
  /** The audit log: whether it exists and its next free row (0-based), for appending. */
  log: LogState;
}

export interface LogState {
  exists: boolean;
  /** Protected (by the add-in, without a password, unless someone changed it). */
  protected: boolean;
}

export interface ReadRequest {
  sheets?: string[];
  /** Read the sheet that holds each of these names, wherever the user moved or renamed it. */
  sheetsOfNames?: string[];
  /** Read the values of these named regions (missing names come back as not existing). */
  regions?: string[];
  formulas?: boolean;
}

/** Reads sheet lists, names and the used ranges asked for, in one round trip. */
export async function readWorkbook(host: ExcelHost, req: ReadRequest): Promise<WorkbookRead> {
  return host.run(async (context) => {
    const wb = context.workbook;
    const sheets = wb.worksheets;
    sheets.load("items/name,items/id,items/visibility,items/protection/protected");
    const names = wb.names;
    names.load("items/name,items/formula,items/comment");
    const props = req.formulas ? "address,rowIndex,columnIndex,values,formulas" : "address,rowIndex,columnIndex,values";
    const wanted = (req.sheets ?? []).map((n) => {
      const ws = wb.worksheets.getItemOrNullObject(n);
      ws.load("name");
      const used = ws.getUsedRangeOrNullObject(true);
      used.load(props);
      return { key: n, ws, used };
    });
    const viaNames = (req.sheetsOfNames ?? []).map((n) => {
      const item = wb.names.getItemOrNullObject(n);
      const range = item.getRangeOrNullObject();
      const ws = range.worksheet;
      ws.load("name");
      const used = ws.getUsedRangeOrNullObject(true);
      used.load(props);
      return { key: n, item, range, ws, used };
    });
    const logSheet = wb.worksheets.getItemOrNullObject(LOG_SHEET);
    logSheet.load("protection/protected");
    const regions = (req.regions ?? []).map((name) => {
      const item = wb.names.getItemOrNullObject(name);
      const range = item.getRangeOrNullObject();
      range.load("address,rowIndex,columnIndex,values");
      const ws = range.worksheet;
      ws.load("name");
      return { name, item, range, ws };
    });
    await context.sync();

    const toRead = (ws: Excel.Worksheet, used: Excel.Range, fallbackName: string): SheetRead => {
      if (ws.isNullObject) return { name: fallbackName, exists: false, row: 0, col: 0, values: [] };
      if (used.isNullObject) return { name: ws.name, exists: true, row: 0, col: 0, values: [], formulas: req.formulas ? [] : undefined };
      return {
        name: ws.name,
        exists: true,
        row: used.rowIndex,
        col: used.columnIndex,
        values: used.values,
        formulas: req.formulas ? used.formulas : undefined,
      };
    };
    const byName: Record<string, SheetRead> = {};
    for (const w of wanted) byName[w.key] = toRead(w.ws, w.used, w.key);
    const byDefinedName: Record<string, SheetRead> = {};
    for (const v of viaNames) {
      if (v.item.isNullObject || v.range.isNullObject) byDefinedName[v.key] = { name: "", exists: false, row: 0, col: 0, values: [] };
      else byDefinedName[v.key] = toRead(v.ws, v.used, "");
    }
    const regionReads: Record<string, NamedRead> = {};
    for (const g of regions) {
      regionReads[g.name] =
        g.item.isNullObject || g.range.isNullObject
          ? { name: g.name, exists: false, address: "", sheet: "", row: 0, col: 0, values: [] }
          : { name: g.name, exists: true, address: g.range.address, sheet: g.ws.name, row: g.range.rowIndex, col: g.range.columnIndex, values: g.range.values };
    }
    return {
      sheets: sheets.items.map((s) => s.name),
      sheetInfo: sheets.items.map((s) => ({ name: s.name, id: s.id, visibility: s.visibility, protected: s.protection.protected })),
      names: names.items.map((n) => ({ name: n.name, formula: n.formula, comment: n.comment })),
      byName,
      byDefinedName,
      regions: regionReads,
      log: logSheet.isNullObject ? { exists: false, protected: false } : { exists: true, protected: logSheet.protection.protected },
    };
  });
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
