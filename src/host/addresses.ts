/**
 * A1-style addresses: parsing, formatting, sheet-name quoting and rectangle arithmetic.
 * Rows and columns are 0-based inside the host; A1 text is 1-based as in Excel.
 */

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** A rectangle of cells, 0-based, inclusive on both ends. */
export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export function rect(r0: number, c0: number, r1 = r0, c1 = c0): Rect {
  return { r0: Math.min(r0, r1), c0: Math.min(c0, c1), r1: Math.max(r0, r1), c1: Math.max(c0, c1) };
}

export const rowsOf = (r: Rect): number => r.r1 - r.r0 + 1;
export const colsOf = (r: Rect): number => r.c1 - r.c0 + 1;
export const cellCount = (r: Rect): number => rowsOf(r) * colsOf(r);
export const isEntireRows = (r: Rect): boolean => r.c0 === 0 && r.c1 === MAX_COLS - 1;
export const isEntireColumns = (r: Rect): boolean => r.r0 === 0 && r.r1 === MAX_ROWS - 1;

export function contains(outer: Rect, row: number, col: number): boolean {
  return row >= outer.r0 && row <= outer.r1 && col >= outer.c0 && col <= outer.c1;
}

export function containsRect(outer: Rect, inner: Rect): boolean {
  return inner.r0 >= outer.r0 && inner.r1 <= outer.r1 && inner.c0 >= outer.c0 && inner.c1 <= outer.c1;
}

export function intersect(a: Rect, b: Rect): Rect | null {
  const r0 = Math.max(a.r0, b.r0);
  const r1 = Math.min(a.r1, b.r1);
  const c0 = Math.max(a.c0, b.c0);
  const c1 = Math.min(a.c1, b.c1);
  return r0 <= r1 && c0 <= c1 ? { r0, c0, r1, c1 } : null;
}

export function boundingRect(a: Rect, b: Rect): Rect {
  return { r0: Math.min(a.r0, b.r0), c0: Math.min(a.c0, b.c0), r1: Math.max(a.r1, b.r1), c1: Math.max(a.c1, b.c1) };
}

export function sameRect(a: Rect, b: Rect): boolean {
  return a.r0 === b.r0 && a.c0 === b.c0 && a.r1 === b.r1 && a.c1 === b.c1;
}

/** `a` minus `b`: up to four rectangles covering the cells of `a` not in `b`. */
export function subtract(a: Rect, b: Rect): Rect[] {
  const i = intersect(a, b);
  if (!i) return [a];
  const out: Rect[] = [];
  if (a.r0 < i.r0) out.push({ r0: a.r0, c0: a.c0, r1: i.r0 - 1, c1: a.c1 });
  if (i.r1 < a.r1) out.push({ r0: i.r1 + 1, c0: a.c0, r1: a.r1, c1: a.c1 });
  if (a.c0 < i.c0) out.push({ r0: i.r0, c0: a.c0, r1: i.r1, c1: i.c0 - 1 });
  if (i.c1 < a.c1) out.push({ r0: i.r0, c0: i.c1 + 1, r1: i.r1, c1: a.c1 });
  return out;
}

/** Column number (0-based) to letters: 0 -> "A", 26 -> "AA". */
export function colToLetters(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Letters to 0-based column: "A" -> 0. Returns -1 when not letters. */
export function lettersToCol(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return -1;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function cellAddress(row: number, col: number, absolute = false): string {
  return absolute ? `$${colToLetters(col)}$${row + 1}` : `${colToLetters(col)}${row + 1}`;
}

/** "A1", "A1:D9", "A:C", "1:3" (absolute with "$" when asked). Whole sheet is "1:1048576", as Excel writes it. */
export function formatRect(r: Rect, absolute = false): string {
  const d = absolute ? "$" : "";
  if (isEntireRows(r)) return `${d}${r.r0 + 1}:${d}${r.r1 + 1}`;
  if (isEntireColumns(r)) return `${d}${colToLetters(r.c0)}:${d}${colToLetters(r.c1)}`;
  const a = cellAddress(r.r0, r.c0, absolute);
  if (r.r0 === r.r1 && r.c0 === r.c1) return a;
  return `${a}:${cellAddress(r.r1, r.c1, absolute)}`;
}

const A1_LIKE = /^([A-Za-z]{1,3})(\d+)$/;
const R1C1_LIKE = /^(R\d*)?(C\d*)?$/i;

/**
 * Whether Excel writes a sheet name in quotes inside references. Observed rules (Excel quotes a name
 * that has anything but Unicode word characters and dots, starts with a digit or a dot, or reads as an
 * A1 or R1C1 reference), as documented by XlsxWriter's notes on sheet-name quoting (jmcnamara/XlsxWriter#1078).
 * So "Khối" is written unquoted (`Khối!A1`) and "Tổng hợp" quoted (`'Tổng hợp'!A1`).
 */
export function sheetNeedsQuotes(name: string): boolean {
  if (name.length === 0) return true;
  if (/[^\p{L}\p{M}\p{N}_.]/u.test(name)) return true;
  if (/^[\p{N}.]/u.test(name)) return true;
  const m = A1_LIKE.exec(name);
  if (m) {
    const col = lettersToCol(m[1]);
    const row = Number(m[2]);
    if (col >= 0 && col < MAX_COLS && row >= 1 && row <= MAX_ROWS) return true;
  }
  if (R1C1_LIKE.test(name)) return true;
  if (/^(TRUE|FALSE)$/i.test(name)) return true;
  return false;
}

/** A sheet name as it prefixes a reference, quoted when Excel would quote it. */
export function quoteSheet(name: string, force = false): string {
  return force || sheetNeedsQuotes(name) ? `'${name.replace(/'/g, "''")}'` : name;
}

export function formatAddress(sheetName: string, r: Rect, absolute = false): string {
  return `${quoteSheet(sheetName)}!${formatRect(r, absolute)}`;
}

export interface ParsedRef {
  sheet?: string;
  rect: Rect;
}

interface Corner {
  row?: number;
  col?: number;
}

function parseCorner(text: string): Corner | null {
  const m = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/.exec(text);
  if (!m || (!m[1] && !m[2])) return null;
  const out: Corner = {};
  if (m[1]) {
    const col = lettersToCol(m[1]);
    if (col < 0 || col >= MAX_COLS) return null;
    out.col = col;
  }
  if (m[2]) {
    const row = Number(m[2]) - 1;
    if (row < 0 || row >= MAX_ROWS) return null;
    out.row = row;
  }
  return out;
}

/** Splits "Sheet!A1" / "'It''s'!A1" into sheet and local part. */
export function splitSheet(text: string): { sheet?: string; local: string } {
  const t = text.trim();
  if (t.startsWith("'")) {
    let i = 1;
    let name = "";
    while (i < t.length) {
      if (t[i] === "'") {
        if (t[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += t[i];
      i++;
    }
    if (t[i] === "'" && t[i + 1] === "!") return { sheet: name, local: t.slice(i + 2) };
    return { local: t };
  }
  const bang = t.lastIndexOf("!");
  if (bang > 0) return { sheet: t.slice(0, bang), local: t.slice(bang + 1) };
  return { local: t };
}

/**
 * Parses "A1", "$A$1", "A1:D9", "A:A", "1:3", optionally prefixed by a sheet ("Sheet1!A1", "'Tổng hợp'!A1").
 * Returns null when the text is not a single-area reference.
 */
export function parseRef(text: string): ParsedRef | null {
  const { sheet, local } = splitSheet(text);
  const parts = local.split(":");
  if (parts.length > 2 || local.length === 0) return null;
  const a = parseCorner(parts[0]);
  const b = parts.length === 2 ? parseCorner(parts[1]) : a;
  if (!a || !b) return null;
  let r: Rect;
  if (a.row !== undefined && a.col !== undefined && b.row !== undefined && b.col !== undefined) {
    r = rect(a.row, a.col, b.row, b.col);
  } else if (parts.length === 2 && a.row === undefined && b.row === undefined && a.col !== undefined && b.col !== undefined) {
    r = rect(0, a.col, MAX_ROWS - 1, b.col);
  } else if (parts.length === 2 && a.col === undefined && b.col === undefined && a.row !== undefined && b.row !== undefined) {
    r = rect(a.row, 0, b.row, MAX_COLS - 1);
  } else {
    return null;
  }
  return sheet === undefined ? { rect: r } : { sheet, rect: r };
}

/** Parses a comma-separated list of areas ("A1:B2, D4" or "Sheet1!A1,Sheet1!C3"). */
export function parseAreas(text: string): ParsedRef[] | null {
  const out: ParsedRef[] = [];
  let depth = false;
  let cur = "";
  for (const ch of text) {
    if (ch === "'") depth = !depth;
    if (ch === "," && !depth) {
      const p = parseRef(cur);
      if (!p) return null;
      out.push(p);
      cur = "";
    } else cur += ch;
  }
  const p = parseRef(cur);
  if (!p) return null;
  out.push(p);
  return out;
}

/** Merges rectangles that are row-adjacent with the same columns (keeps output small and stable). */
export function normalizeRects(rects: Rect[]): Rect[] {
  const sorted = [...rects].sort((a, b) => a.c0 - b.c0 || a.c1 - b.c1 || a.r0 - b.r0);
  const out: Rect[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && last.c0 === r.c0 && last.c1 === r.c1 && r.r0 <= last.r1 + 1) {
      last.r1 = Math.max(last.r1, r.r1);
    } else out.push({ ...r });
  }
  return out.sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0);
}

/** Groups a set of cells into rectangles (runs in each row, then equal runs stacked). */
export function cellsToRects(cells: Array<[number, number]>): Rect[] {
  const byRow = new Map<number, number[]>();
  for (const [r, c] of cells) {
    const list = byRow.get(r) ?? [];
    list.push(c);
    byRow.set(r, list);
  }
  const runs: Rect[] = [];
  for (const [r, cols] of [...byRow.entries()].sort((a, b) => a[0] - b[0])) {
    cols.sort((a, b) => a - b);
    let start = cols[0];
    let prev = cols[0];
    for (let i = 1; i <= cols.length; i++) {
      const c = cols[i];
      if (c === prev + 1) {
        prev = c;
        continue;
      }
      runs.push({ r0: r, r1: r, c0: start, c1: prev });
      start = c;
      prev = c;
    }
  }
  return normalizeRects(runs);
}
