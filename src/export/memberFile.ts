import { raise } from "../domain/codes";
/**
 * A member unit's filled score file (.xlsx from disk): its score sheets, read back as values.
 *
 * Pure of Office: ExcelJS parses the bytes (loaded with a dynamic import, so the pane's bundle
 * fetches it only when a file is actually read). Each worksheet becomes a grid of values as Excel's
 * `range.values` would give them (formula cells → their cached result, rich text → plain text,
 * dates → Excel serial numbers, empty → ""), and the unit sheet reader finds the "Đơn vị:" line,
 * the header row and the criteria rows by their labels, wherever the member moved them.
 */
import type ExcelJS from "exceljs";
import { type Issue } from "../domain/issues";
import { cleanText } from "../domain/text";
import { cellAddress } from "../workbook/a1";
import { readUnitSheet, type ReadRow, type UnitSheetRead } from "../workbook/scoring/unitSheet";

export interface MemberSheet {
  /** The worksheet's name in the member's file. */
  sheet: string;
  /** The unit named on it ("Đơn vị: …"), or "" when the line is missing. */
  unit: string;
  rows: ReadRow[];
  /** The cell of the "Đơn vị:" line in the file ("A2"), when found. */
  unitCell?: string;
  /** The bloc named on the "Khối:" line and its cell, when the line is there. */
  bloc?: { name: string; cell: string };
  /** The year in the title ("… NĂM 2026") and its cell, when there. */
  year?: { value: number; cell: string };
  /**
   * Input cells holding a formula whose result was never saved (a file written by a program that
   * does not compute): their value is unknown, never silently taken as empty (issue #11).
   */
  formulaNoResult: { id: string; field: InputField; cell: string; formula: string }[];
}

export type InputField = "self" | "review" | "agreed" | "evidence" | "note";
const INPUT_FIELDS: readonly InputField[] = ["self", "review", "agreed", "evidence", "note"];

export type MemberFileRead = { ok: true; sheets: MemberSheet[] } | { ok: false; issue: Issue };

/** A score sheet is small; these bounds keep a stray huge sheet from eating the pane's memory. */
export const MEMBER_GRID_LIMITS = { rows: 5000, cols: 64 } as const;


/** Days from Excel's 1900 epoch (as stored, with its 1900 leap-year quirk folded in) to a JS date read as UTC. */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

type Cell = { value: unknown; isMerged?: boolean; master?: unknown; address?: string };

/** An ExcelJS cell value as Excel's `values` gives it. */
export function cellValue(v: unknown, date1904 = false): string | number | boolean {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Number.isFinite(v) ? v : "";
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return (v.getTime() - EXCEL_EPOCH) / 86400000 - (date1904 ? 1462 : 0);
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    // A formula (plain, shared or array): the result Excel cached when the file was saved.
    if ("formula" in o || "sharedFormula" in o) return "result" in o ? cellValue(o.result, date1904) : "";
    if (Array.isArray(o.richText)) return (o.richText as { text?: unknown }[]).map((t) => String(t?.text ?? "")).join("");
    // A hyperlink: its shown text (itself possibly rich text).
    if ("text" in o && "hyperlink" in o) return cellValue(o.text, date1904);
    if (typeof o.error === "string") return o.error;
  }
  return "";
}

/** The used part of a worksheet as a 0-based grid from A1 (so grid rows are sheet rows), within `limits`. */
export function worksheetGrid(ws: ExcelJS.Worksheet, date1904: boolean, limits: { rows: number; cols: number }): unknown[][] {
  const values: unknown[][] = [];
  let width = 0;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber > limits.rows) return;
    const line: unknown[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (colNumber > limits.cols) return;
      const c = cell as unknown as Cell;
      // Only a merge's top-left cell holds the value (as in Excel); ExcelJS repeats it in the others.
      const slave = c.isMerged && c.master && c.master !== cell;
      line[colNumber - 1] = slave ? "" : cellValue(c.value, date1904);
    });
    values[rowNumber - 1] = line;
    width = Math.max(width, line.length);
  });
  for (let r = 0; r < values.length; r++) {
    const line = values[r] ?? [];
    for (let c = 0; c < width; c++) if (line[c] === undefined) line[c] = "";
    values[r] = line;
  }
  return values;
}

/**
 * The lines above a unit sheet's table, as the add-in writes them: the title "… NĂM 2026", "Đơn vị: …"
 * and "Khối: …" (rows 1–3), found by their words wherever they sit above the first criterion row.
 */
function headLines(values: unknown[][], firstRow: number): Pick<MemberSheet, "unitCell" | "bloc" | "year"> {
  const out: Pick<MemberSheet, "unitCell" | "bloc" | "year"> = {};
  for (let r = 0; r < Math.min(firstRow, values.length); r++) {
    (values[r] ?? []).forEach((v, c) => {
      const text = typeof v === "string" ? v.normalize("NFC") : "";
      if (!text) return;
      if (!out.unitCell && /^\s*Đơn vị\s*:/i.test(text)) out.unitCell = cellAddress(r, c);
      const bloc = /^\s*Khối\s*:\s*(.+)$/i.exec(text);
      if (bloc && !out.bloc) out.bloc = { name: cleanText(bloc[1]), cell: cellAddress(r, c) };
      const year = /\bNĂM\s+(\d{4})\s*$/i.exec(text);
      if (year && !out.year && /CHẤM ĐIỂM/i.test(text)) out.year = { value: Number(year[1]), cell: cellAddress(r, c) };
    });
  }
  return out;
}

/** Input cells of the read rows whose formula has no saved result (ExcelJS: no `result`). */
function unsavedFormulas(ws: ExcelJS.Worksheet, read: UnitSheetRead): MemberSheet["formulaNoResult"] {
  const out: MemberSheet["formulaNoResult"] = [];
  for (const r of read.rows) {
    for (const field of INPUT_FIELDS) {
      const col = read.cols[field];
      if (col === undefined || col < 0 || col >= MEMBER_GRID_LIMITS.cols) continue;
      const v = ws.getRow(r.row + 1).getCell(col + 1).value as unknown;
      if (!v || typeof v !== "object") continue;
      const o = v as Record<string, unknown>;
      if (!("formula" in o || "sharedFormula" in o)) continue;
      if ("result" in o && o.result !== undefined && o.result !== null) continue;
      out.push({ id: r.id, field, cell: cellAddress(r.row, col), formula: `=${String(o.formula ?? o.sharedFormula ?? "")}` });
    }
  }
  return out;
}

/** ExcelJS as a module, whether the bundler hands it over as a namespace or as `default`. */
export async function loadExcelJs(): Promise<typeof ExcelJS> {
  const mod = (await import("exceljs")) as unknown as { default?: typeof ExcelJS } & typeof ExcelJS;
  return mod.default && typeof mod.default.Workbook === "function" ? mod.default : mod;
}

const unreadable = (detail: string) =>
  raise("collect.file.unreadable", { detail: detail ? ` (${detail})` : "" });

/**
 * Reads a member's .xlsx and returns every sheet that is a unit score sheet (its header row and at
 * least one criterion row). Never throws: a file that is not an .xlsx gives `collect.file.unreadable`,
 * one without a score sheet `collect.file.noScoreSheet`.
 */
/**
 * Opens .xlsx bytes with ExcelJS, or says why not: an old .xls (an OLE file, D0 CF 11 E0), not a
 * zip at all, or a damaged file (the detail, cut short).
 */
export async function openXlsx(bytes: Uint8Array | ArrayBuffer): Promise<{ ok: true; wb: ExcelJS.Workbook } | { ok: false; detail: string }> {
  const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  if (data.byteLength < 4 || data[0] !== 0x50 || data[1] !== 0x4b) {
    const ole = data.byteLength >= 4 && data[0] === 0xd0 && data[1] === 0xcf && data[2] === 0x11 && data[3] === 0xe0;
    return { ok: false, detail: ole ? ".xls" : "" };
  }
  try {
    const lib = await loadExcelJs();
    const wb = new lib.Workbook();
    // Defined names are not needed here, and ExcelJS throws on some it cannot parse (print titles
    // of whole rows, #REF! ranges): swallow them rather than fail the whole file.
    Object.defineProperty(wb.definedNames as unknown as Record<string, unknown>, "model", { configurable: true, get: () => [], set: () => undefined });
    await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
    return { ok: true, wb };
  } catch (e) {
    return { ok: false, detail: e instanceof Error ? e.message.slice(0, 120) : "" };
  }
}

export async function readMemberWorkbook(bytes: Uint8Array | ArrayBuffer): Promise<MemberFileRead> {
  const opened = await openXlsx(bytes);
  if (!opened.ok) return { ok: false, issue: unreadable(opened.detail) };
  const { wb } = opened;
  const date1904 = !!(wb.properties as { date1904?: boolean } | undefined)?.date1904;
  const sheets: MemberSheet[] = [];
  try {
    for (const ws of wb.worksheets) {
      const values = worksheetGrid(ws, date1904, MEMBER_GRID_LIMITS);
      const read = readUnitSheet({ sheet: ws.name, row: 0, col: 0, values });
      if (read.found && read.rows.length > 0) sheets.push({ sheet: ws.name, unit: read.unit, rows: read.rows, ...headLines(values, read.rows[0].row), formulaNoResult: unsavedFormulas(ws, read) });
    }
  } catch (e) {
    return { ok: false, issue: unreadable(e instanceof Error ? e.message.slice(0, 120) : "") };
  }
  if (sheets.length === 0) {
    const names = wb.worksheets.map((w) => `"${w.name}"`).join(", ");
    return {
      ok: false,
      issue: raise("collect.file.noScoreSheet", { names: names || "—" }),
    };
  }
  return { ok: true, sheets };
}
