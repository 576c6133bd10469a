/** A1 addresses, pure. Rows and columns are 0-based inside the code, 1-based and lettered in A1. */

export function columnLetter(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** "B7" for (row 6, col 1). */
export function cellAddress(row: number, col: number, absolute = false): string {
  return absolute ? `$${columnLetter(col)}$${row + 1}` : `${columnLetter(col)}${row + 1}`;
}

/** "A1:D9" for a rectangle given by its top-left (0-based) and size. */
export function rangeAddress(row: number, col: number, rowCount = 1, colCount = 1, absolute = false): string {
  const a = cellAddress(row, col, absolute);
  if (rowCount === 1 && colCount === 1) return a;
  return `${a}:${cellAddress(row + rowCount - 1, col + colCount - 1, absolute)}`;
}

export interface Rect {
  row: number;
  col: number;
  rowCount: number;
  colCount: number;
}

/** Parses "B7", "$A$1:$D$9", "Sheet!A1:B2" or "'Khối'!A1" (the sheet part is dropped). */
export function parseRange(address: string): Rect {
  const bang = address.lastIndexOf("!");
  const local = (bang >= 0 ? address.slice(bang + 1) : address).replace(/\$/g, "");
  const [a, b = a] = local.split(":");
  const pa = /^([A-Za-z]+)(\d+)$/.exec(a);
  const pb = /^([A-Za-z]+)(\d+)$/.exec(b);
  if (!pa || !pb) throw new Error(`Not a cell range: ${address}`);
  const r1 = Number(pa[2]) - 1;
  const c1 = columnIndex(pa[1]);
  const r2 = Number(pb[2]) - 1;
  const c2 = columnIndex(pb[1]);
  return { row: Math.min(r1, r2), col: Math.min(c1, c2), rowCount: Math.abs(r2 - r1) + 1, colCount: Math.abs(c2 - c1) + 1 };
}

/** The sheet part of "'Khối'!A1" → "Khối"; undefined when there is none. */
export function sheetOf(address: string): string | undefined {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return undefined;
  let s = address.slice(0, bang);
  if (s.startsWith("=")) s = s.slice(1);
  if (s.startsWith("'") && s.endsWith("'")) s = s.slice(1, -1).replace(/''/g, "'");
  return s;
}

/** Quotes a sheet name for formulas: 'Khối'!A1 — always quoted, which every spreadsheet accepts. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** "'Khối'!$B$4" */
export function qualified(sheet: string, address: string): string {
  return `${quoteSheet(sheet)}!${address}`;
}
