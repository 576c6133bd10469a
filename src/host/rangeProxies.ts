/**
 * Excel.Range and its formatting objects, plus RangeAreas and RangeCollection.
 * Targets are `{ sheet, rect }`, resolved when the batch runs.
 */
import {
  MAX_COLS,
  MAX_ROWS,
  type Rect,
  boundingRect,
  cellCount,
  colsOf,
  formatAddress,
  intersect,
  isEntireColumns,
  isEntireRows,
  parseRef,
  rect,
  rowsOf,
} from "./addresses";
import { normalizeColor } from "./colors";
import { ErrorCodes, HostError, invalidArgument, itemNotFound } from "./errors";
import { ConditionalFormatCollectionProxy, DataValidationProxy } from "./featureProxies";
import type { WorkbookModel } from "./model";
import { ClientResultImpl, CollectionProxy, ProxyBase, type ProxyLike, type RequestContextImpl, defineProps } from "./proxy";
import type { SheetModel } from "./sheet";
import type { BorderSpec, FormatKey, FormatProps, PartialFormat, Scalar } from "./types";
import { WorksheetProxy } from "./workbookProxies";

export interface RangeTarget {
  sheet: SheetModel;
  rect: Rect;
}

export interface AreasTarget {
  sheet: SheetModel;
  rects: Rect[];
}

export type Resolver<T> = (model: WorkbookModel) => T | null;

const READ_LIMIT_CELLS = 5_000_000;

function guardRead(t: RangeTarget): void {
  if (cellCount(t.rect) > READ_LIMIT_CELLS) throw new HostError(ErrorCodes.rangeExceedsLimit);
}

/** One value when all cells agree, else null (Excel's rule for mixed format properties). */
export function single<V>(values: V[]): V | null {
  return values.length === 1 ? values[0] : null;
}

function checkBounds(r: Rect, location: string): Rect {
  if (r.r0 < 0 || r.c0 < 0 || r.r1 >= MAX_ROWS || r.c1 >= MAX_COLS || r.r0 > r.r1 || r.c0 > r.c1) {
    throw invalidArgument(location, "The resulting range is outside the worksheet.");
  }
  return r;
}

/** Resolves a Range proxy or an address string to a rectangle on `sheet`. */
export function rangeArg(model: WorkbookModel, sheet: SheetModel, arg: unknown, location: string): Rect {
  if (arg instanceof RangeProxy) {
    const t = arg._target(model);
    if (!t) throw invalidArgument(location);
    if (t.sheet !== sheet) throw invalidArgument(location, "The range must be on the same worksheet.");
    return t.rect;
  }
  if (typeof arg === "string") {
    const p = parseRef(arg);
    if (p) {
      if (p.sheet !== undefined && model.sheetByName(p.sheet) !== sheet) throw invalidArgument(location, "The range must be on the same worksheet.");
      return p.rect;
    }
    const name = model.findName(arg);
    if (name) {
      const nr = model.nameRange(name);
      if (nr && nr.sheet === sheet) return nr.rect;
    }
  }
  throw invalidArgument(location, `Invalid range ${JSON.stringify(arg)}.`);
}

/** Resolves an address on a worksheet: A1 text, a whole-row/column reference, or a defined name. */
export function resolveAddress(model: WorkbookModel, sheet: SheetModel, address: string | undefined, location: string): Rect {
  if (address === undefined || address === null || address === "") return rect(0, 0, MAX_ROWS - 1, MAX_COLS - 1);
  return rangeArg(model, sheet, address, location);
}

function formatSetter<K extends FormatKey>(key: K, check?: (v: unknown, location: string) => FormatProps[K]) {
  return (t: RangeTarget, m: WorkbookModel, v: unknown, location: string): void => {
    const value = check ? check(v, location) : (v as FormatProps[K]);
    m.setFormat(t.sheet, t.rect, { [key]: value } as PartialFormat, location);
  };
}

const oneOf =
  <V extends string>(allowed: readonly V[]) =>
  (v: unknown, location: string): V => {
    if (typeof v !== "string" || !allowed.includes(v as V)) throw invalidArgument(location, `Expected one of ${allowed.join(", ")}.`);
    return v as V;
  };

const bool = (v: unknown, location: string): boolean => {
  if (typeof v !== "boolean") throw invalidArgument(location, "Expected a boolean.");
  return v;
};

const num =
  (min: number, max: number) =>
  (v: unknown, location: string): number => {
    if (typeof v !== "number" || !Number.isFinite(v) || v < min || v > max) throw invalidArgument(location, `Expected a number between ${min} and ${max}.`);
    return v;
  };

const formatGetter =
  <K extends FormatKey>(key: K) =>
  (t: RangeTarget): FormatProps[K] | null =>
    single(t.sheet.distinct(t.rect, key));

function sumSizes(defaultSize: number, explicit: Map<number, number>, hidden: Set<number>, lo: number, hi: number): number {
  let total = defaultSize * (hi - lo + 1);
  for (const [i, v] of explicit) if (i >= lo && i <= hi) total += v - defaultSize;
  for (const i of hidden) if (i >= lo && i <= hi) total -= explicit.get(i) ?? defaultSize;
  return total;
}

// ------------------------------------------------------------------ Range

export class RangeProxy extends ProxyBase<RangeTarget> {
  readonly _typeName = "Range";
  static override navs = ["format", "dataValidation", "conditionalFormats", "worksheet"];

  constructor(ctx: RequestContextImpl, path: string, resolver: Resolver<RangeTarget>, nullable = false) {
    super(ctx, path, resolver, nullable);
  }

  protected override _alive(t: RangeTarget): boolean {
    return !t.sheet.deleted;
  }

  private _derive(method: string, args: unknown[], fn: (t: RangeTarget, m: WorkbookModel, location: string) => Rect | null, nullable = false): RangeProxy {
    const location = `Range.${method}`;
    const p = new RangeProxy(
      this._ctx,
      `${this._path}.${method}(${args.map((a) => JSON.stringify(a instanceof ProxyBase ? a._path : a)).join(",")})`,
      (m) => {
        const t = this._target(m);
        if (!t) return null;
        const r = fn(t, m, location);
        return r ? { sheet: t.sheet, rect: r } : null;
      },
      nullable,
    );
    if (nullable) p._instantiate();
    return p;
  }

  get format(): RangeFormatProxy {
    return this._child("format", () => new RangeFormatProxy(this._ctx, `${this._path}.format`, (m) => this._target(m)));
  }

  get dataValidation(): DataValidationProxy {
    this._ctx._requireApi("ExcelApi", "1.8", "Range.dataValidation");
    return this._child("dataValidation", () => new DataValidationProxy(this._ctx, `${this._path}.dataValidation`, (m) => this._target(m)));
  }

  get conditionalFormats(): ConditionalFormatCollectionProxy {
    this._ctx._requireApi("ExcelApi", "1.6", "Range.conditionalFormats");
    return this._child("conditionalFormats", () => new ConditionalFormatCollectionProxy(this._ctx, `${this._path}.conditionalFormats`, (m) => this._target(m)));
  }

  get worksheet(): WorksheetProxy {
    return this._child("worksheet", () => new WorksheetProxy(this._ctx, `${this._path}.worksheet`, (m) => this._target(m)?.sheet ?? null));
  }

  /**
   * office.js sends this before it splits a large `values`/`formulas`/`numberFormat` write into
   * 1,500-cell pieces (excel-web-16.00.js, `setRangePropertiesInBulk`): the array must match the range.
   */
  _ValidateArraySize(rows: number, columns: number): void {
    this._call("_ValidateArraySize", [rows, columns], (t, _m, loc) => {
      if (rows !== t.rect.r1 - t.rect.r0 + 1 || columns !== t.rect.c1 - t.rect.c0 + 1) {
        throw invalidArgument(loc, `The number of rows or columns in the input array doesn't match the size or dimensions of the range.`);
      }
    }, false);
  }

  getCell(row: number, column: number): RangeProxy {
    return this._derive("getCell", [row, column], (t, _m, loc) => {
      if (!Number.isInteger(row) || !Number.isInteger(column)) throw invalidArgument(loc);
      return checkBounds(rect(t.rect.r0 + row, t.rect.c0 + column), loc);
    });
  }

  getOffsetRange(rowOffset: number, columnOffset: number): RangeProxy {
    return this._derive("getOffsetRange", [rowOffset, columnOffset], (t, _m, loc) =>
      checkBounds({ r0: t.rect.r0 + rowOffset, c0: t.rect.c0 + columnOffset, r1: t.rect.r1 + rowOffset, c1: t.rect.c1 + columnOffset }, loc),
    );
  }

  getResizedRange(deltaRows: number, deltaColumns: number): RangeProxy {
    this._ctx._requireApi("ExcelApi", "1.7", "Range.getResizedRange");
    return this._derive("getResizedRange", [deltaRows, deltaColumns], (t, _m, loc) =>
      checkBounds({ ...t.rect, r1: t.rect.r1 + deltaRows, c1: t.rect.c1 + deltaColumns }, loc),
    );
  }

  getAbsoluteResizedRange(numRows: number, numColumns: number): RangeProxy {
    return this._derive("getAbsoluteResizedRange", [numRows, numColumns], (t, _m, loc) => {
      if (numRows < 1 || numColumns < 1) throw invalidArgument(loc);
      return checkBounds({ ...t.rect, r1: t.rect.r0 + numRows - 1, c1: t.rect.c0 + numColumns - 1 }, loc);
    });
  }

  getRow(row: number): RangeProxy {
    return this._derive("getRow", [row], (t, _m, loc) => checkBounds({ ...t.rect, r0: t.rect.r0 + row, r1: t.rect.r0 + row }, loc));
  }

  getColumn(column: number): RangeProxy {
    return this._derive("getColumn", [column], (t, _m, loc) => checkBounds({ ...t.rect, c0: t.rect.c0 + column, c1: t.rect.c0 + column }, loc));
  }

  getEntireRow(): RangeProxy {
    return this._derive("getEntireRow", [], (t) => ({ ...t.rect, c0: 0, c1: MAX_COLS - 1 }));
  }

  getEntireColumn(): RangeProxy {
    return this._derive("getEntireColumn", [], (t) => ({ ...t.rect, r0: 0, r1: MAX_ROWS - 1 }));
  }

  getLastRow(): RangeProxy {
    return this._derive("getLastRow", [], (t) => ({ ...t.rect, r0: t.rect.r1 }));
  }

  getLastColumn(): RangeProxy {
    return this._derive("getLastColumn", [], (t) => ({ ...t.rect, c0: t.rect.c1 }));
  }

  getLastCell(): RangeProxy {
    return this._derive("getLastCell", [], (t) => rect(t.rect.r1, t.rect.c1));
  }

  getRowsAbove(count = 1): RangeProxy {
    return this._derive("getRowsAbove", [count], (t, _m, loc) => checkBounds({ ...t.rect, r0: t.rect.r0 - count, r1: t.rect.r0 - 1 }, loc));
  }

  getRowsBelow(count = 1): RangeProxy {
    return this._derive("getRowsBelow", [count], (t, _m, loc) => checkBounds({ ...t.rect, r0: t.rect.r1 + 1, r1: t.rect.r1 + count }, loc));
  }

  getColumnsBefore(count = 1): RangeProxy {
    return this._derive("getColumnsBefore", [count], (t, _m, loc) => checkBounds({ ...t.rect, c0: t.rect.c0 - count, c1: t.rect.c0 - 1 }, loc));
  }

  getColumnsAfter(count = 1): RangeProxy {
    return this._derive("getColumnsAfter", [count], (t, _m, loc) => checkBounds({ ...t.rect, c0: t.rect.c1 + 1, c1: t.rect.c1 + count }, loc));
  }

  getBoundingRect(anotherRange: RangeProxy | string): RangeProxy {
    return this._derive("getBoundingRect", [anotherRange], (t, m, loc) => boundingRect(t.rect, rangeArg(m, t.sheet, anotherRange, loc)));
  }

  getIntersection(anotherRange: RangeProxy | string): RangeProxy {
    return this._derive("getIntersection", [anotherRange], (t, m, loc) => {
      const i = intersect(t.rect, rangeArg(m, t.sheet, anotherRange, loc));
      if (!i) throw itemNotFound(loc, "The ranges don't intersect.");
      return i;
    });
  }

  getIntersectionOrNullObject(anotherRange: RangeProxy | string): RangeProxy {
    this._ctx._requireApi("ExcelApi", "1.4", "Range.getIntersectionOrNullObject");
    return this._derive("getIntersectionOrNullObject", [anotherRange], (t, m, loc) => intersect(t.rect, rangeArg(m, t.sheet, anotherRange, loc)), true);
  }

  getUsedRange(valuesOnly = false): RangeProxy {
    return this._derive("getUsedRange", [valuesOnly], (t, m, loc) => {
      const used = m.usedRect(t.sheet, valuesOnly);
      const i = used ? intersect(used, t.rect) : null;
      if (!i) throw itemNotFound(loc, "The range has no used cells.");
      return i;
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    this._ctx._requireApi("ExcelApi", "1.4", "Range.getUsedRangeOrNullObject");
    return this._derive(
      "getUsedRangeOrNullObject",
      [valuesOnly],
      (t, m) => {
        const used = m.usedRect(t.sheet, valuesOnly);
        return used ? intersect(used, t.rect) : null;
      },
      true,
    );
  }

  getMergedAreasOrNullObject(): RangeAreasProxy {
    this._ctx._requireApi("ExcelApi", "1.13", "Range.getMergedAreasOrNullObject");
    const p = new RangeAreasProxy(
      this._ctx,
      `${this._path}.getMergedAreasOrNullObject()`,
      (m) => {
        const t = this._target(m);
        if (!t) return null;
        const merges = t.sheet.mergesIn(t.rect);
        return merges.length > 0 ? { sheet: t.sheet, rects: merges.map((x) => ({ ...x })) } : null;
      },
      true,
    );
    p._instantiate();
    return p;
  }

  merge(across = false): void {
    this._call("merge", [across], (t, m, loc) => m.merge(t.sheet, t.rect, across, loc));
  }

  unmerge(): void {
    this._call("unmerge", [], (t, m, loc) => m.unmerge(t.sheet, t.rect, loc));
  }

  clear(applyTo: string = "All"): void {
    this._call("clear", [applyTo], (t, m, loc) => m.clear(t.sheet, t.rect, applyTo, loc));
  }

  delete(shift: string): void {
    this._call("delete", [shift], (t, m, loc) => shiftRange(m, t, shift, false, loc));
  }

  insert(shift: string): RangeProxy {
    const slot: { target?: RangeTarget } = {};
    this._call("insert", [shift], (t, m, loc) => {
      shiftRange(m, t, shift, true, loc);
      slot.target = { sheet: t.sheet, rect: { ...t.rect } };
    });
    return new RangeProxy(this._ctx, `${this._path}.insert(${JSON.stringify(shift)})`, () => {
      if (!slot.target) throw itemNotFound("Range.insert");
      return slot.target;
    });
  }

  select(): void {
    this._call("select", [], (t, m) => {
      m.selection = { sheet: t.sheet, rect: { ...t.rect } };
      m.activeSheet = t.sheet;
    }, false);
  }

  calculate(): void {
    this._call("calculate", [], () => undefined, false);
  }

  /** Not part of the API: the `sort` object is minimal (apply with one key). */
  get sort(): { apply(fields: Array<{ key: number; ascending?: boolean }>, matchCase?: boolean, hasHeaders?: boolean): void } {
    return {
      apply: (fields, _matchCase, hasHeaders) => {
        this._call("sort.apply", [fields, hasHeaders ?? false], (t, m, loc) => {
          const r = hasHeaders ? { ...t.rect, r0: t.rect.r0 + 1 } : t.rect;
          if (r.r0 > r.r1) return;
          for (const f of [...fields].reverse()) m.sortRows(t.sheet, r, f.key, f.ascending !== false, loc);
        });
      },
    };
  }
}

function shiftRange(m: WorkbookModel, t: RangeTarget, shift: string, insert: boolean, location: string): void {
  const r = t.rect;
  if (insert && shift !== "Down" && shift !== "Right") throw invalidArgument(location, 'shift must be "Down" or "Right".');
  if (!insert && shift !== "Up" && shift !== "Left") throw invalidArgument(location, 'shift must be "Up" or "Left".');
  const vertical = shift === "Down" || shift === "Up";
  if (vertical) {
    const band: [number, number] | undefined = isEntireRows(r) ? undefined : [r.c0, r.c1];
    m.shift(t.sheet, "row", r.r0, insert ? rowsOf(r) : -rowsOf(r), band, location);
  } else {
    const band: [number, number] | undefined = isEntireColumns(r) ? undefined : [r.r0, r.r1];
    m.shift(t.sheet, "col", r.c0, insert ? colsOf(r) : -colsOf(r), band, location);
  }
}

function numberFormatSetter(t: RangeTarget, m: WorkbookModel, v: unknown, location: string): void {
  if (!Array.isArray(v)) {
    if (typeof v !== "string") throw invalidArgument(location);
    m.setFormat(t.sheet, t.rect, { numberFormat: v }, location);
    return;
  }
  const grid = m.shape<unknown>(t.rect, v, location);
  m.assertFormatEditable(t.sheet, t.rect, ["numberFormat"], location);
  grid.forEach((row, i) =>
    row.forEach((f, j) => {
      if (f === null || f === undefined) return;
      if (typeof f !== "string") throw invalidArgument(location);
      t.sheet.setFormat(rect(t.rect.r0 + i, t.rect.c0 + j), { numberFormat: f });
    }),
  );
}

function numberFormatGetter(t: RangeTarget): string[][] {
  guardRead(t);
  const out: string[][] = [];
  for (let r = t.rect.r0; r <= t.rect.r1; r++) {
    const row: string[] = [];
    for (let c = t.rect.c0; c <= t.rect.c1; c++) row.push(t.sheet.prop(r, c, "numberFormat"));
    out.push(row);
  }
  return out;
}

function hiddenState(set: Set<number>, lo: number, hi: number): boolean | null {
  let n = 0;
  for (const i of set) if (i >= lo && i <= hi) n++;
  return n === 0 ? false : n === hi - lo + 1 ? true : null;
}

function setHidden(m: WorkbookModel, t: RangeTarget, rows: boolean, v: unknown, location: string): void {
  const hidden = bool(v, location);
  const p = t.sheet.protection;
  if (p.protected && !(rows ? p.options.allowFormatRows : p.options.allowFormatColumns)) throw new HostError(ErrorCodes.accessDenied, undefined, location);
  const set = rows ? t.sheet.hiddenRows : t.sheet.hiddenCols;
  const [lo, hi] = rows ? [t.rect.r0, t.rect.r1] : [t.rect.c0, t.rect.c1];
  if (hi - lo > 100_000) throw invalidArgument(location, "The in-memory host hides at most 100000 rows or columns at once.");
  for (let i = lo; i <= hi; i++) {
    if (hidden) set.add(i);
    else set.delete(i);
  }
}

defineProps<RangeTarget>(RangeProxy, {
  address: { get: (t) => formatAddress(t.sheet.name, t.rect) },
  addressLocal: { get: (t) => formatAddress(t.sheet.name, t.rect) },
  cellCount: { get: (t) => cellCount(t.rect) },
  rowCount: { get: (t) => rowsOf(t.rect) },
  columnCount: { get: (t) => colsOf(t.rect) },
  rowIndex: { get: (t) => t.rect.r0 },
  columnIndex: { get: (t) => t.rect.c0 },
  values: {
    get: (t, m) => {
      guardRead(t);
      return m.values(t.sheet, t.rect);
    },
    set: (t, m, v, loc) => m.write(t.sheet, t.rect, v, loc),
  },
  formulas: {
    get: (t, m) => {
      guardRead(t);
      return m.formulas(t.sheet, t.rect);
    },
    set: (t, m, v, loc) => m.write(t.sheet, t.rect, v, loc),
  },
  formulasLocal: {
    get: (t, m) => {
      guardRead(t);
      return m.formulas(t.sheet, t.rect);
    },
    set: (t, m, v, loc) => m.write(t.sheet, t.rect, v, loc),
  },
  numberFormat: { get: numberFormatGetter, set: numberFormatSetter },
  numberFormatLocal: { get: numberFormatGetter, set: numberFormatSetter, api: ["ExcelApi", "1.7"] },
  text: {
    get: (t, m) => {
      guardRead(t);
      return m.text(t.sheet, t.rect);
    },
  },
  valueTypes: {
    get: (t, m) => {
      guardRead(t);
      return m.valueTypes(t.sheet, t.rect);
    },
  },
  hidden: {
    get: (t) => {
      const rows = hiddenState(t.sheet.hiddenRows, t.rect.r0, t.rect.r1);
      const cols = hiddenState(t.sheet.hiddenCols, t.rect.c0, t.rect.c1);
      if (rows === true || cols === true) return true;
      if (rows === false && cols === false) return false;
      return null;
    },
    api: ["ExcelApi", "1.2"],
  },
  rowHidden: { get: (t) => hiddenState(t.sheet.hiddenRows, t.rect.r0, t.rect.r1), set: (t, m, v, loc) => setHidden(m, t, true, v, loc), api: ["ExcelApi", "1.2"] },
  columnHidden: { get: (t) => hiddenState(t.sheet.hiddenCols, t.rect.c0, t.rect.c1), set: (t, m, v, loc) => setHidden(m, t, false, v, loc), api: ["ExcelApi", "1.2"] },
  isEntireColumn: { get: (t) => isEntireColumns(t.rect), api: ["ExcelApi", "1.7"] },
  isEntireRow: { get: (t) => isEntireRows(t.rect), api: ["ExcelApi", "1.7"] },
  height: { get: (t) => sumSizes(t.sheet.defaultRowHeight, t.sheet.rowHeights, t.sheet.hiddenRows, t.rect.r0, t.rect.r1), api: ["ExcelApi", "1.3"] },
  width: { get: (t) => sumSizes(t.sheet.defaultColWidth, t.sheet.colWidths, t.sheet.hiddenCols, t.rect.c0, t.rect.c1), api: ["ExcelApi", "1.3"] },
  top: { get: (t) => (t.rect.r0 === 0 ? 0 : sumSizes(t.sheet.defaultRowHeight, t.sheet.rowHeights, t.sheet.hiddenRows, 0, t.rect.r0 - 1)), api: ["ExcelApi", "1.3"] },
  left: { get: (t) => (t.rect.c0 === 0 ? 0 : sumSizes(t.sheet.defaultColWidth, t.sheet.colWidths, t.sheet.hiddenCols, 0, t.rect.c0 - 1)), api: ["ExcelApi", "1.3"] },
});

// ------------------------------------------------------------------ RangeFormat and friends

export class RangeFormatProxy extends ProxyBase<RangeTarget> {
  readonly _typeName = "RangeFormat";
  static override navs = ["font", "fill", "borders", "protection"];

  get font(): RangeFontProxy {
    return this._child("font", () => new RangeFontProxy(this._ctx, `${this._path}.font`, (m) => this._target(m)));
  }

  get fill(): RangeFillProxy {
    return this._child("fill", () => new RangeFillProxy(this._ctx, `${this._path}.fill`, (m) => this._target(m)));
  }

  get borders(): RangeBorderCollectionProxy {
    return this._child("borders", () => new RangeBorderCollectionProxy(this._ctx, `${this._path}.borders`, (m) => this._target(m)));
  }

  get protection(): FormatProtectionProxy {
    this._ctx._requireApi("ExcelApi", "1.2", "RangeFormat.protection");
    return this._child("protection", () => new FormatProtectionProxy(this._ctx, `${this._path}.protection`, (m) => this._target(m)));
  }

  autofitColumns(): void {
    this._ctx._requireApi("ExcelApi", "1.2", "RangeFormat.autofitColumns");
    this._call("autofitColumns", [], (t, m, loc) => m.autofitColumns(t.sheet, t.rect, loc));
  }

  autofitRows(): void {
    this._ctx._requireApi("ExcelApi", "1.2", "RangeFormat.autofitRows");
    this._call("autofitRows", [], (t, m, loc) => {
      const p = t.sheet.protection;
      if (p.protected && !p.options.allowFormatRows) throw new HostError(ErrorCodes.accessDenied, undefined, loc);
    });
  }
}

const H_ALIGN = ["General", "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection", "Distributed"] as const;
const V_ALIGN = ["Top", "Center", "Bottom", "Justify", "Distributed"] as const;
const UNDERLINE = ["None", "Single", "Double", "SingleAccountant", "DoubleAccountant"] as const;

defineProps<RangeTarget>(RangeFormatProxy, {
  columnWidth: {
    get: (t) => single(t.sheet.distinctWidths(t.rect.c0, t.rect.c1)),
    set: (t, m, v, loc) => m.setColumnWidth(t.sheet, t.rect, v as number, loc),
    api: ["ExcelApi", "1.2"],
  },
  rowHeight: {
    get: (t) => single(t.sheet.distinctHeights(t.rect.r0, t.rect.r1)),
    set: (t, m, v, loc) => m.setRowHeight(t.sheet, t.rect, v as number, loc),
    api: ["ExcelApi", "1.2"],
  },
  horizontalAlignment: { get: formatGetter("hAlign"), set: formatSetter("hAlign", oneOf(H_ALIGN)) },
  verticalAlignment: { get: formatGetter("vAlign"), set: formatSetter("vAlign", oneOf(V_ALIGN)) },
  wrapText: { get: formatGetter("wrap"), set: formatSetter("wrap", bool) },
  indentLevel: { get: formatGetter("indent"), set: formatSetter("indent", num(0, 250)), api: ["ExcelApi", "1.9"] },
});

export class RangeFontProxy extends ProxyBase<RangeTarget> {
  readonly _typeName = "RangeFont";
}

defineProps<RangeTarget>(RangeFontProxy, {
  bold: { get: formatGetter("bold"), set: formatSetter("bold", bool) },
  italic: { get: formatGetter("italic"), set: formatSetter("italic", bool) },
  underline: { get: formatGetter("underline"), set: formatSetter("underline", oneOf(UNDERLINE)) },
  strikethrough: { get: formatGetter("strikethrough"), set: formatSetter("strikethrough", bool), api: ["ExcelApi", "1.9"] },
  color: { get: formatGetter("fontColor"), set: formatSetter("fontColor", normalizeColor) },
  size: { get: formatGetter("fontSize"), set: formatSetter("fontSize", num(1, 409)) },
  name: {
    get: formatGetter("fontName"),
    set: formatSetter("fontName", (v, loc) => {
      if (typeof v !== "string" || v.length === 0) throw invalidArgument(loc);
      return v;
    }),
  },
});

export class RangeFillProxy extends ProxyBase<RangeTarget> {
  readonly _typeName = "RangeFill";

  clear(): void {
    this._call("clear", [], (t, m, loc) => m.setFormat(t.sheet, t.rect, { fill: null }, loc));
  }
}

defineProps<RangeTarget>(RangeFillProxy, {
  color: {
    get: (t) => {
      const v = single(t.sheet.distinct(t.rect, "fill"));
      return v === null ? (t.sheet.distinct(t.rect, "fill").length === 1 ? "#FFFFFF" : null) : v;
    },
    set: formatSetter("fill", (v, loc) => (v === null || v === "" ? null : normalizeColor(v, loc))),
  },
});

export class FormatProtectionProxy extends ProxyBase<RangeTarget> {
  readonly _typeName = "FormatProtection";
}

defineProps<RangeTarget>(FormatProtectionProxy, {
  locked: { get: formatGetter("locked"), set: formatSetter("locked", bool) },
  formulaHidden: { get: formatGetter("formulaHidden"), set: formatSetter("formulaHidden", bool) },
});

const BORDER_SIDES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal", "DiagonalDown", "DiagonalUp"] as const;
const BORDER_STYLES = ["None", "Continuous", "Dash", "DashDot", "DashDotDot", "Dot", "Double", "SlantDashDot"] as const;
const BORDER_WEIGHTS = ["Hairline", "Thin", "Medium", "Thick"] as const;

interface BorderTarget extends RangeTarget {
  side: string;
}

/** The (cell rectangle, cell border key) pairs a border side of a range touches. */
function borderCells(r: Rect, side: string): Array<[Rect, FormatKey]> {
  switch (side) {
    case "EdgeTop":
      return [[{ ...r, r1: r.r0 }, "borderTop"]];
    case "EdgeBottom":
      return [[{ ...r, r0: r.r1 }, "borderBottom"]];
    case "EdgeLeft":
      return [[{ ...r, c1: r.c0 }, "borderLeft"]];
    case "EdgeRight":
      return [[{ ...r, c0: r.c1 }, "borderRight"]];
    case "InsideHorizontal":
      return r.r0 === r.r1
        ? []
        : [
            [{ ...r, r1: r.r1 - 1 }, "borderBottom"],
            [{ ...r, r0: r.r0 + 1 }, "borderTop"],
          ];
    case "InsideVertical":
      return r.c0 === r.c1
        ? []
        : [
            [{ ...r, c1: r.c1 - 1 }, "borderRight"],
            [{ ...r, c0: r.c0 + 1 }, "borderLeft"],
          ];
    default:
      return [];
  }
}

function readBorder(t: BorderTarget): (BorderSpec | null)[] {
  const cells = borderCells(t.rect, t.side);
  if (cells.length === 0) return [null];
  const [first] = cells;
  return t.sheet.distinct(first[0], first[1]) as (BorderSpec | null)[];
}

function writeBorder(t: BorderTarget, m: WorkbookModel, change: Partial<BorderSpec>, location: string): void {
  for (const [r, key] of borderCells(t.rect, t.side)) {
    m.assertFormatEditable(t.sheet, r, [key], location);
    if (change.style === "None") {
      t.sheet.setFormat(r, { [key]: null } as PartialFormat);
      continue;
    }
    // Cell by cell, to keep each cell's other border attributes.
    for (let row = r.r0; row <= r.r1; row++) {
      for (let col = r.c0; col <= r.c1; col++) {
        const cur = t.sheet.prop(row, col, key) as BorderSpec | null;
        const next: BorderSpec = { style: "Continuous", color: "#000000", weight: "Thin", ...(cur ?? {}), ...change };
        t.sheet.setFormat(rect(row, col), { [key]: next } as PartialFormat);
      }
    }
  }
}

export class RangeBorderProxy extends ProxyBase<BorderTarget> {
  readonly _typeName = "RangeBorder";
}

defineProps<BorderTarget>(RangeBorderProxy, {
  sideIndex: { get: (t) => t.side },
  style: {
    get: (t) => {
      const v = single(readBorder(t));
      return v === null ? (readBorder(t).length === 1 ? "None" : null) : v.style;
    },
    set: (t, m, v, loc) => writeBorder(t, m, { style: oneOf(BORDER_STYLES)(v, loc) }, loc),
  },
  color: {
    get: (t) => {
      const vals = readBorder(t).map((b) => b?.color ?? "#000000");
      return single([...new Set(vals)]);
    },
    set: (t, m, v, loc) => writeBorder(t, m, { color: normalizeColor(v, loc) }, loc),
  },
  weight: {
    get: (t) => {
      const vals = readBorder(t).map((b) => b?.weight ?? "Thin");
      return single([...new Set(vals)]);
    },
    set: (t, m, v, loc) => writeBorder(t, m, { weight: oneOf(BORDER_WEIGHTS)(v, loc) }, loc),
  },
});

export class RangeBorderCollectionProxy extends CollectionProxy<RangeTarget, BorderTarget> {
  readonly _typeName = "RangeBorderCollection";

  protected _enumerate(t: RangeTarget): BorderTarget[] {
    return BORDER_SIDES.map((side) => ({ ...t, side }));
  }

  protected _makeItem(target: BorderTarget): ProxyLike {
    return new RangeBorderProxy(this._ctx, `${this._path}.getItem(${target.side})`, () => target);
  }

  getItem(index: string): RangeBorderProxy {
    if (!(BORDER_SIDES as readonly string[]).includes(index)) throw invalidArgument("RangeBorderCollection.getItem", `Unknown border "${index}".`);
    return this._child(`item:${index}`, () => new RangeBorderProxy(this._ctx, `${this._path}.getItem(${index})`, (m) => {
      const t = this._target(m);
      return t ? { ...t, side: index } : null;
    }));
  }

  getItemAt(index: number): RangeBorderProxy {
    return this.getItem(BORDER_SIDES[index]);
  }
}

defineProps<RangeTarget>(RangeBorderCollectionProxy, {
  count: { get: () => BORDER_SIDES.length },
});

// ------------------------------------------------------------------ RangeAreas

export class RangeAreasProxy extends ProxyBase<AreasTarget> {
  readonly _typeName = "RangeAreas";
  static override navs = ["areas", "worksheet"];

  protected override _alive(t: AreasTarget): boolean {
    return !t.sheet.deleted;
  }

  get areas(): RangeCollectionProxy {
    return this._child("areas", () => new RangeCollectionProxy(this._ctx, `${this._path}.areas`, (m) => this._target(m)));
  }

  get worksheet(): WorksheetProxy {
    return this._child("worksheet", () => new WorksheetProxy(this._ctx, `${this._path}.worksheet`, (m) => this._target(m)?.sheet ?? null));
  }
}

defineProps<AreasTarget>(RangeAreasProxy, {
  address: { get: (t) => t.rects.map((r) => formatAddress(t.sheet.name, r)).join(", ") },
  addressLocal: { get: (t) => t.rects.map((r) => formatAddress(t.sheet.name, r)).join(", ") },
  areaCount: { get: (t) => t.rects.length },
  cellCount: { get: (t) => t.rects.reduce((n, r) => n + cellCount(r), 0) },
  isEntireColumn: { get: (t) => t.rects.every(isEntireColumns) },
  isEntireRow: { get: (t) => t.rects.every(isEntireRows) },
});

export class RangeCollectionProxy extends CollectionProxy<AreasTarget, RangeTarget> {
  readonly _typeName = "RangeCollection";

  protected _enumerate(t: AreasTarget): RangeTarget[] {
    return t.rects.map((r) => ({ sheet: t.sheet, rect: r }));
  }

  protected _makeItem(target: RangeTarget, i: number): ProxyLike {
    return new RangeProxy(this._ctx, `${this._path}[${i}]`, () => target);
  }

  getCount(): ClientResultImpl<number> {
    return this._result("getCount", [], (t) => t.rects.length);
  }

  getItemAt(index: number): RangeProxy {
    return new RangeProxy(this._ctx, `${this._path}.getItemAt(${index})`, (m) => {
      const t = this._target(m);
      if (!t) return null;
      const r = t.rects[index];
      if (!r) throw itemNotFound("RangeCollection.getItemAt");
      return { sheet: t.sheet, rect: r };
    });
  }
}

export type { Scalar };
