/**
 * The per-sheet model that HyperFormula does not keep: formats (layered sheet -> column -> row -> cell,
 * as Excel stores column and row styles), sizes, merges, data validation, conditional formats,
 * protection, page layout and view settings. Cell contents live in HyperFormula.
 */
import { MAX_COLS, MAX_ROWS, type Rect, cellCount, intersect, isEntireColumns, isEntireRows } from "./addresses";
import {
  type CfEntry,
  DEFAULT_COLUMN_WIDTH,
  DEFAULT_FORMAT,
  DEFAULT_PROTECTION_OPTIONS,
  DEFAULT_ROW_HEIGHT,
  type FormatKey,
  type FormatProps,
  type PageLayoutModel,
  type PartialFormat,
  type SheetProtection,
  type ValidationEntry,
  defaultPageLayout,
} from "./types";

export const cellKey = (row: number, col: number): number => row * MAX_COLS + col;
export const keyRow = (key: number): number => Math.floor(key / MAX_COLS);
export const keyCol = (key: number): number => key % MAX_COLS;

let sheetCounter = 0;

function eqValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a && b && typeof a === "object" && typeof b === "object") return JSON.stringify(a) === JSON.stringify(b);
  return false;
}

export class SheetModel {
  /** HyperFormula sheet id. */
  readonly hfId: number;
  /** Excel-style worksheet id (a GUID string). */
  readonly id: string;
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  tabColor = "";
  showGridlines = true;
  freeze = { rows: 0, columns: 0 };
  deleted = false;

  sheetFormat: PartialFormat = {};
  colFormats = new Map<number, PartialFormat>();
  rowFormats = new Map<number, PartialFormat>();
  cellFormats = new Map<number, PartialFormat>();

  colWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  hiddenRows = new Set<number>();
  hiddenCols = new Set<number>();
  defaultColWidth = DEFAULT_COLUMN_WIDTH;
  defaultRowHeight = DEFAULT_ROW_HEIGHT;

  merges: Rect[] = [];
  validations: ValidationEntry[] = [];
  /** In priority order: index 0 is the top priority. */
  condFormats: CfEntry[] = [];
  protection: SheetProtection = { protected: false, options: { ...DEFAULT_PROTECTION_OPTIONS }, password: null, hash: null };
  pageLayout: PageLayoutModel = defaultPageLayout();
  /** Manual page breaks: sorted 0-based rows before which a new page starts. */
  pageBreaks: number[] = [];

  constructor(hfId: number, name: string) {
    this.hfId = hfId;
    this.name = name;
    sheetCounter++;
    const n = sheetCounter.toString(16).toUpperCase().padStart(4, "0");
    this.id = `{00000000-${n}-0000-C000-000000000046}`;
  }

  /** The value of one format property for one cell, through the layers. */
  prop<K extends FormatKey>(row: number, col: number, key: K): FormatProps[K] {
    const cell = this.cellFormats.get(cellKey(row, col));
    if (cell && key in cell) return cell[key] as FormatProps[K];
    return this.lowerProp(row, col, key);
  }

  /** The value below the cell layer (row, then column, then sheet, then Excel's default). */
  lowerProp<K extends FormatKey>(row: number, col: number, key: K): FormatProps[K] {
    const r = this.rowFormats.get(row);
    if (r && key in r) return r[key] as FormatProps[K];
    const c = this.colFormats.get(col);
    if (c && key in c) return c[key] as FormatProps[K];
    if (key in this.sheetFormat) return this.sheetFormat[key] as FormatProps[K];
    return DEFAULT_FORMAT[key];
  }

  format(row: number, col: number): FormatProps {
    const out = { ...DEFAULT_FORMAT } as FormatProps;
    for (const key of Object.keys(DEFAULT_FORMAT) as FormatKey[]) (out as unknown as Record<string, unknown>)[key] = this.prop(row, col, key);
    return out;
  }

  /** Distinct values of a property over a rectangle (exact for small ranges, by layer classes for large ones). */
  distinct<K extends FormatKey>(r: Rect, key: K): FormatProps[K][] {
    const out: FormatProps[K][] = [];
    const add = (v: FormatProps[K]): void => {
      if (!out.some((x) => eqValue(x, v))) out.push(v);
    };
    if (cellCount(r) <= 20_000) {
      for (let row = r.r0; row <= r.r1; row++) for (let col = r.c0; col <= r.c1; col++) add(this.prop(row, col, key));
      return out;
    }
    let covered = 0;
    for (const [k, f] of this.cellFormats) {
      if (!(key in f)) continue;
      const row = keyRow(k);
      const col = keyCol(k);
      if (row >= r.r0 && row <= r.r1 && col >= r.c0 && col <= r.c1) {
        add(f[key] as FormatProps[K]);
        covered++;
      }
    }
    // The lower layers (sheet, rows, columns) show only where no cell format sets the key.
    if (covered < cellCount(r)) {
      const rows = [...this.rowFormats.keys()].filter((x) => x >= r.r0 && x <= r.r1);
      const cols = [...this.colFormats.keys()].filter((x) => x >= r.c0 && x <= r.c1);
      const plainRow = firstMissing(r.r0, r.r1, new Set(rows));
      const plainCol = firstMissing(r.c0, r.c1, new Set(cols));
      const rowReps = plainRow === null ? rows : [...rows, plainRow];
      const colReps = plainCol === null ? cols : [...cols, plainCol];
      for (const row of rowReps) for (const col of colReps) add(this.lowerProp(row, col, key));
    }
    return out;
  }

  /** Sets format properties on a rectangle, at the layer Excel would use (sheet, columns, rows or cells). */
  setFormat(r: Rect, props: PartialFormat): void {
    const keys = Object.keys(props) as FormatKey[];
    if (keys.length === 0) return;
    if (isEntireRows(r) && isEntireColumns(r)) {
      for (const key of keys) {
        (this.sheetFormat as Record<string, unknown>)[key] = props[key];
        for (const m of [this.rowFormats, this.colFormats, this.cellFormats]) for (const f of m.values()) delete f[key];
      }
      this.compact();
      return;
    }
    if (isEntireColumns(r)) {
      for (let c = r.c0; c <= r.c1; c++) {
        const f = this.colFormats.get(c) ?? {};
        Object.assign(f, props);
        this.colFormats.set(c, f);
      }
      for (const [k, f] of this.cellFormats) {
        const c = keyCol(k);
        if (c >= r.c0 && c <= r.c1) for (const key of keys) delete f[key];
      }
      // Rows with their own value for a key would win over the column: write the intersection cells.
      for (const [row, rf] of this.rowFormats) {
        const overlap = keys.filter((key) => key in rf);
        if (overlap.length === 0) continue;
        for (let c = r.c0; c <= r.c1; c++) {
          const k = cellKey(row, c);
          const f = this.cellFormats.get(k) ?? {};
          for (const key of overlap) (f as Record<string, unknown>)[key] = props[key];
          this.cellFormats.set(k, f);
        }
      }
      this.compact();
      return;
    }
    if (isEntireRows(r)) {
      for (let row = r.r0; row <= r.r1; row++) {
        const f = this.rowFormats.get(row) ?? {};
        Object.assign(f, props);
        this.rowFormats.set(row, f);
      }
      for (const [k, f] of this.cellFormats) {
        const row = keyRow(k);
        if (row >= r.r0 && row <= r.r1) for (const key of keys) delete f[key];
      }
      this.compact();
      return;
    }
    for (let row = r.r0; row <= r.r1; row++) {
      for (let col = r.c0; col <= r.c1; col++) {
        const k = cellKey(row, col);
        let f = this.cellFormats.get(k);
        for (const key of keys) {
          const v = props[key];
          if (eqValue(this.lowerProp(row, col, key), v)) {
            if (f) delete f[key];
          } else {
            if (!f) {
              f = {};
              this.cellFormats.set(k, f);
            }
            (f as Record<string, unknown>)[key] = v;
          }
        }
        if (f && Object.keys(f).length === 0) this.cellFormats.delete(k);
      }
    }
  }

  /** Resets every format property of a rectangle to Excel's Normal style. */
  resetFormats(r: Rect): void {
    if (isEntireRows(r) && isEntireColumns(r)) {
      this.sheetFormat = {};
      this.rowFormats.clear();
      this.colFormats.clear();
      this.cellFormats.clear();
      return;
    }
    if (isEntireColumns(r)) for (let c = r.c0; c <= r.c1; c++) this.colFormats.delete(c);
    if (isEntireRows(r)) for (let row = r.r0; row <= r.r1; row++) this.rowFormats.delete(row);
    for (const k of [...this.cellFormats.keys()]) {
      const row = keyRow(k);
      const col = keyCol(k);
      if (row >= r.r0 && row <= r.r1 && col >= r.c0 && col <= r.c1) this.cellFormats.delete(k);
    }
    if (!isEntireColumns(r) && !isEntireRows(r)) {
      // Cells that still inherit row/column/sheet formats get explicit defaults.
      const inherited = Object.keys(this.sheetFormat).length > 0 || this.rowFormats.size > 0 || this.colFormats.size > 0;
      if (inherited) this.setFormat(r, { ...DEFAULT_FORMAT });
    }
  }

  private compact(): void {
    for (const m of [this.rowFormats, this.colFormats, this.cellFormats]) {
      for (const [k, f] of m) if (Object.keys(f).length === 0) m.delete(k);
    }
  }

  /** Bounding box of cells carrying a cell-level format, or null. */
  formattedBounds(): Rect | null {
    let b: Rect | null = null;
    for (const k of this.cellFormats.keys()) {
      const row = keyRow(k);
      const col = keyCol(k);
      b = b ? { r0: Math.min(b.r0, row), c0: Math.min(b.c0, col), r1: Math.max(b.r1, row), c1: Math.max(b.c1, col) } : { r0: row, c0: col, r1: row, c1: col };
    }
    return b;
  }

  columnWidth(col: number): number {
    return this.colWidths.get(col) ?? this.defaultColWidth;
  }

  rowHeight(row: number): number {
    return this.rowHeights.get(row) ?? this.defaultRowHeight;
  }

  /** Distinct widths over columns c0..c1. */
  distinctWidths(c0: number, c1: number): number[] {
    const set = new Set<number>();
    let explicit = 0;
    for (const [c, w] of this.colWidths) {
      if (c >= c0 && c <= c1) {
        set.add(w);
        explicit++;
      }
    }
    if (explicit < c1 - c0 + 1) set.add(this.defaultColWidth);
    return [...set];
  }

  distinctHeights(r0: number, r1: number): number[] {
    const set = new Set<number>();
    let explicit = 0;
    for (const [r, h] of this.rowHeights) {
      if (r >= r0 && r <= r1) {
        set.add(h);
        explicit++;
      }
    }
    if (explicit < r1 - r0 + 1) set.add(this.defaultRowHeight);
    return [...set];
  }

  mergeAt(row: number, col: number): Rect | null {
    return this.merges.find((m) => row >= m.r0 && row <= m.r1 && col >= m.c0 && col <= m.c1) ?? null;
  }

  mergesIn(r: Rect): Rect[] {
    return this.merges.filter((m) => intersect(m, r));
  }
}

function firstMissing(lo: number, hi: number, present: Set<number>): number | null {
  for (let i = lo; i <= hi; i++) if (!present.has(i)) return i;
  return null;
}

export { MAX_ROWS, MAX_COLS };
