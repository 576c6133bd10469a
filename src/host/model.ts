/**
 * The workbook model: HyperFormula holds cell contents (values and formulas, with names and
 * reference adjustment); each SheetModel holds the rest. Every mutation checks Excel's rules and
 * throws a HostError with Excel's code, so the proxies and the "user" actions share one behaviour.
 */
import { DetailedCellError, HyperFormula, type RawCellContent } from "hyperformula";
import {
  MAX_COLS,
  MAX_ROWS,
  type Rect,
  cellCount,
  colsOf,
  formatRect,
  intersect,
  isEntireColumns,
  parseRef,
  rect,
  rowsOf,
  subtract,
} from "./addresses";
import { ErrorCodes, HostError, accessDenied, invalidArgument, itemNotFound } from "./errors";
import { ExcelMatchPlugin, ExcelRoundingPlugin } from "./excelFunctions";
import {
  type StructuralChange,
  adjustReferences,
  bindSheets,
  dropSheetInFormula,
  fromHf,
  killSheetInFormula,
  renameSheetInFormula,
  shiftRelative,
  toHf,
} from "./formulas";
import { formatValue } from "./numberFormat";
import { SheetModel, cellKey, keyCol, keyRow } from "./sheet";
import {
  type CfEntry,
  DEFAULT_ERROR_ALERT,
  DEFAULT_PROMPT,
  type ErrorAlert,
  type FormatKey,
  type PartialFormat,
  type Prompt,
  type Scalar,
  type StoredRule,
  type ValidationEntry,
} from "./types";

export interface NameMeta {
  name: string;
  comment: string;
  visible: boolean;
}

const KEEP = Symbol("keep");

const NUMBER_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const GROUPED_NUMBER_TEXT = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const PERCENT_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)%$/;

const HF_ERROR_MAP: Record<string, Scalar> = {
  "#ERROR!": "#NAME?",
  "#CYCLE!": 0,
  "#LIC!": "#VALUE!",
};

export function validateSheetName(name: unknown, location: string): string {
  if (typeof name !== "string" || name.length === 0 || name.length > 31 || /[[\]:*?/\\]/.test(name) || name.startsWith("'") || name.endsWith("'") || /^history$/i.test(name)) {
    throw invalidArgument(location, `Invalid worksheet name: ${JSON.stringify(name)}.`);
  }
  return name;
}

/** Excel's rules for defined names: letter, "_" or "\" first; letters, digits, "_", "." after; not a cell reference. */
export function validateDefinedName(name: unknown, location: string): string {
  if (
    typeof name !== "string" ||
    name.length === 0 ||
    name.length > 255 ||
    !/^[\p{L}_\\][\p{L}\p{M}\p{N}_.\\?]*$/u.test(name) ||
    /^[A-Za-z]{1,3}\d+$/.test(name) ||
    /^(R\d*C\d*|R\d*|C\d*)$/i.test(name) ||
    /^(TRUE|FALSE)$/i.test(name)
  ) {
    throw invalidArgument(location, `Invalid name: ${JSON.stringify(name)}.`);
  }
  return name;
}

const sameName = (a: string, b: string): boolean => a.toLocaleLowerCase() === b.toLocaleLowerCase();

/**
 * Whether a host is strict unless told otherwise (MemoryHostOptions.strict). Strict: references are bound when a
 * formula is entered, inline list sources are limited to 255 characters, freeze panes refuse hidden sheets,
 * PageLayoutZoomOptions takes only documented values and a protected sheet refuses formatting unless
 * allowFormatCells. See test/host/conformance.test.ts for each rule and its source.
 */
export const STRICT_BY_DEFAULT = true;

export class WorkbookModel {
  readonly hf: HyperFormula;
  sheets: SheetModel[] = [];
  names = new Map<string, NameMeta>();
  activeSheet: SheetModel | null = null;
  selection: { sheet: SheetModel; rect: Rect } | null = null;
  calculationMode = "Automatic";
  /** Excel's stricter rules on (see STRICT_BY_DEFAULT); MemoryHost sets it from its options. */
  strict = STRICT_BY_DEFAULT;
  private cfCounter = 0;

  constructor() {
    this.hf = HyperFormula.buildEmpty({
      licenseKey: "gpl-v3",
      useArrayArithmetic: true,
      evaluateNullToZero: true,
      maxRows: MAX_ROWS,
      maxColumns: MAX_COLS,
      undoLimit: 0,
      // Excel compares text case-insensitively but accent-sensitively ("a" = "á" is FALSE; COUNTIF(r, "Dat") doesn't
      // count "Đạt"), as LibreOffice does too; HyperFormula's default ignores accents.
      accentSensitive: true,
      // Every built-in function, then the ones the host computes as Excel does (ROUND, ROUNDUP, ROUNDDOWN, TRUNC, MATCH).
      functionPlugins: [...HyperFormula.getAllFunctionPlugins(), ExcelRoundingPlugin, ExcelMatchPlugin],
    });
  }

  // ---------------------------------------------------------------- sheets

  sheetByName(name: string): SheetModel | undefined {
    return this.sheets.find((s) => sameName(s.name, name));
  }

  requireSheet(name: string, location = "WorksheetCollection.getItem"): SheetModel {
    const s = this.sheetByName(name);
    if (!s) throw itemNotFound(location, `Worksheet "${name}" not found.`);
    return s;
  }

  nextSheetName(): string {
    for (let i = 1; ; i++) {
      const n = `Sheet${i}`;
      if (!this.sheetByName(n)) return n;
    }
  }

  addSheet(name?: string | null, location = "WorksheetCollection.add"): SheetModel {
    const n = name === undefined || name === null || name === "" ? this.nextSheetName() : validateSheetName(name, location);
    if (this.sheetByName(n)) throw new HostError(ErrorCodes.itemAlreadyExists, `A worksheet named "${n}" already exists.`, location);
    const hfName = this.hf.addSheet(n);
    const sheet = new SheetModel(this.hf.getSheetId(hfName) as number, n);
    this.sheets.push(sheet);
    if (!this.activeSheet) this.activeSheet = sheet;
    return sheet;
  }

  renameSheet(sheet: SheetModel, to: string, location = "Worksheet.name"): void {
    validateSheetName(to, location);
    if (to === sheet.name) return;
    const other = this.sheetByName(to);
    if (other && other !== sheet) throw new HostError(ErrorCodes.itemAlreadyExists, `A worksheet named "${to}" already exists.`, location);
    const from = sheet.name;
    this.hf.renameSheet(sheet.hfId, to);
    sheet.name = to;
    this.rewriteStoredFormulas((f) => renameSheetInFormula(f, from, to));
  }

  deleteSheet(sheet: SheetModel, location = "Worksheet.delete"): void {
    const visible = this.sheets.filter((s) => s.visibility === "Visible" && s !== sheet);
    if (visible.length === 0) throw new HostError(ErrorCodes.invalidOperation, "A workbook must contain at least one visible worksheet.", location);
    if (sheet.visibility === "VeryHidden") throw new HostError(ErrorCodes.invalidOperation, undefined, location);
    // Strict: every reference to the sheet becomes "#REF!A1" for good, as in Excel (HyperFormula alone would
    // re-attach cell and name references when a sheet of the same name is added again).
    if (this.strict) this.killCellAndNameReferences(sheet);
    this.hf.removeSheet(sheet.hfId);
    this.sheets = this.sheets.filter((s) => s !== sheet);
    sheet.deleted = true;
    this.rewriteStoredFormulas((f) => (this.strict ? killSheetInFormula(f, sheet.name) : dropSheetInFormula(f, sheet.name)));
    if (this.activeSheet === sheet) this.activeSheet = visible[0] ?? null;
    if (this.selection?.sheet === sheet) this.selection = null;
  }

  moveSheet(sheet: SheetModel, position: number, location = "Worksheet.position"): void {
    if (!Number.isInteger(position) || position < 0 || position >= this.sheets.length) throw invalidArgument(location);
    this.sheets = this.sheets.filter((s) => s !== sheet);
    this.sheets.splice(position, 0, sheet);
  }

  setVisibility(sheet: SheetModel, v: string, location = "Worksheet.visibility"): void {
    if (v !== "Visible" && v !== "Hidden" && v !== "VeryHidden") throw invalidArgument(location);
    if (v !== "Visible" && sheet.visibility === "Visible" && this.sheets.filter((s) => s.visibility === "Visible").length <= 1) {
      throw new HostError(ErrorCodes.invalidOperation, "A workbook must contain at least one visible worksheet.", location);
    }
    sheet.visibility = v;
    if (v !== "Visible" && this.activeSheet === sheet) this.activeSheet = this.sheets.find((s) => s.visibility === "Visible") ?? null;
  }

  position(sheet: SheetModel): number {
    return this.sheets.indexOf(sheet);
  }

  assertAlive(sheet: SheetModel, location: string): void {
    if (sheet.deleted) throw itemNotFound(location, `Worksheet "${sheet.name}" was deleted.`);
  }

  /** Rewrites the cell formulas of the other sheets and the defined names that refer to `sheet` to "#REF!" references. */
  private killCellAndNameReferences(sheet: SheetModel): void {
    const name = sheet.name;
    const cells: Array<{ at: { sheet: number; row: number; col: number }; formula: string }> = [];
    for (const other of this.sheets) {
      if (other === sheet) continue;
      const data = this.hf.getSheetSerialized(other.hfId);
      for (let r = 0; r < data.length; r++) {
        for (let c = 0; c < data[r].length; c++) {
          const v = data[r][c];
          if (typeof v !== "string" || !v.startsWith("=")) continue;
          const f = fromHf(v, true);
          const killed = killSheetInFormula(f, name);
          if (killed !== f) cells.push({ at: { sheet: other.hfId, row: r, col: c }, formula: toHf(killed) });
        }
      }
    }
    const names: Array<{ name: string; formula: string }> = [];
    for (const meta of this.names.values()) {
      const f = this.nameFormulaInternal(meta.name);
      const killed = killSheetInFormula(f, name);
      if (killed !== f) names.push({ name: meta.name, formula: toHf(killed) });
    }
    if (cells.length === 0 && names.length === 0) return;
    this.hf.batch(() => {
      for (const c of cells) this.hf.setCellContents(c.at, [[c.formula]]);
      for (const n of names) this.hf.changeNamedExpression(n.name, n.formula);
    });
  }

  /** Applies a rewrite to every formula the host stores outside HyperFormula (validation, conditional formats). */
  private rewriteStoredFormulas(fn: (formula: string, sheet: SheetModel) => string): void {
    for (const s of this.sheets) {
      for (const v of s.validations) if (v.rule) v.rule = mapRuleFormulas(v.rule, (f) => fn(f, s));
      for (const cf of s.condFormats) cf.formula = fn(cf.formula, s);
    }
  }

  // ---------------------------------------------------------------- names

  /** A name's formula as Excel shows it. */
  nameFormula(name: string): string {
    return this.nameText(name, false);
  }

  /** A name's formula in the host's internal text (references bound to nothing keep their sentinel sheet names). */
  private nameFormulaInternal(name: string): string {
    return this.nameText(name, true);
  }

  private nameText(name: string, internal: boolean): string {
    const f = this.hf.getNamedExpressionFormula(name);
    if (f !== undefined) return fromHf(f, internal);
    const expr = this.hf.getNamedExpression(name);
    const v = expr?.expression;
    if (v === undefined || v === null) return "";
    return typeof v === "string" && v.startsWith("=") ? fromHf(v, internal) : `=${typeof v === "string" ? JSON.stringify(v) : String(v)}`;
  }

  /** Strict: binds the sheet references of a formula being entered (a sheet that doesn't exist now never will, for it). */
  private bound(formula: string): string {
    return this.strict ? bindSheets(formula, (n) => this.sheetByName(n) !== undefined) : formula;
  }

  findName(name: string): NameMeta | undefined {
    return this.names.get(name.toLocaleLowerCase());
  }

  addName(name: string, formula: string, comment = "", location = "NamedItemCollection.add"): NameMeta {
    validateDefinedName(name, location);
    if (this.findName(name)) throw new HostError(ErrorCodes.itemAlreadyExists, `The name "${name}" already exists.`, location);
    const f = formula.startsWith("=") ? formula : `=${formula}`;
    const hfFormula = toHf(this.bound(f));
    if (!this.hf.validateFormula(hfFormula)) throw invalidArgument(location, `Invalid formula ${JSON.stringify(formula)}.`);
    if (!this.hf.isItPossibleToAddNamedExpression(name, hfFormula)) throw invalidArgument(location, `Invalid name: ${JSON.stringify(name)}.`);
    this.hf.addNamedExpression(name, hfFormula);
    const meta: NameMeta = { name, comment, visible: true };
    this.names.set(name.toLocaleLowerCase(), meta);
    return meta;
  }

  setNameFormula(meta: NameMeta, formula: string, location = "NamedItem.formula"): void {
    const f = formula.startsWith("=") ? formula : `=${formula}`;
    const hfFormula = toHf(this.bound(f));
    if (!this.hf.validateFormula(hfFormula)) throw invalidArgument(location);
    this.hf.changeNamedExpression(meta.name, hfFormula);
  }

  deleteName(meta: NameMeta): void {
    this.hf.removeNamedExpression(meta.name);
    this.names.delete(meta.name.toLocaleLowerCase());
  }

  /** The range a name refers to, when its formula is a single reference. */
  nameRange(meta: NameMeta): { sheet: SheetModel; rect: Rect } | null {
    const f = this.nameFormulaInternal(meta.name);
    return this.resolveReference(f.slice(1), null);
  }

  /** Resolves "Sheet!A1:B2" (or "A1:B2" on a default sheet) to a sheet and rectangle. */
  resolveReference(text: string, defaultSheet: SheetModel | null): { sheet: SheetModel; rect: Rect } | null {
    const p = parseRef(text.trim());
    if (!p) return null;
    const sheet = p.sheet !== undefined ? this.sheetByName(p.sheet) : defaultSheet;
    if (!sheet) return null;
    return { sheet, rect: p.rect };
  }

  // ---------------------------------------------------------------- values

  private hfValue(v: unknown): Scalar {
    if (v === null || v === undefined) return "";
    if (v instanceof DetailedCellError) return HF_ERROR_MAP[v.value] ?? v.value;
    if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
    return "";
  }

  private clipToSheet(sheet: SheetModel, r: Rect): Rect | null {
    const dims = this.hf.getSheetDimensions(sheet.hfId);
    if (dims.height === 0 || dims.width === 0) return null;
    return intersect(r, { r0: 0, c0: 0, r1: dims.height - 1, c1: dims.width - 1 });
  }

  cellValue(sheet: SheetModel, row: number, col: number): Scalar {
    return this.hfValue(this.hf.getCellValue({ sheet: sheet.hfId, row, col }));
  }

  cellFormula(sheet: SheetModel, row: number, col: number): string | null {
    const addr = { sheet: sheet.hfId, row, col };
    if (!this.hf.doesCellHaveFormula(addr)) return null;
    const f = this.hf.getCellFormula(addr);
    return f === undefined ? null : fromHf(f);
  }

  isEmpty(sheet: SheetModel, row: number, col: number): boolean {
    return this.hf.isCellEmpty({ sheet: sheet.hfId, row, col });
  }

  /** Computed values, as `Range.values` returns them. */
  values(sheet: SheetModel, r: Rect): Scalar[][] {
    const out: Scalar[][] = [];
    for (let i = 0; i < rowsOf(r); i++) out.push(new Array<Scalar>(colsOf(r)).fill(""));
    const clip = this.clipToSheet(sheet, r);
    if (!clip) return out;
    const vals = this.hf.getRangeValues({ start: { sheet: sheet.hfId, row: clip.r0, col: clip.c0 }, end: { sheet: sheet.hfId, row: clip.r1, col: clip.c1 } });
    for (let i = 0; i < vals.length; i++) {
      const row = vals[i];
      for (let j = 0; j < row.length; j++) out[clip.r0 - r.r0 + i][clip.c0 - r.c0 + j] = this.hfValue(row[j]);
    }
    return out;
  }

  /** Formulas where there are formulas, constants elsewhere, as `Range.formulas` returns them. */
  formulas(sheet: SheetModel, r: Rect): Scalar[][] {
    const out = this.values(sheet, r);
    const clip = this.clipToSheet(sheet, r);
    if (!clip) return out;
    const fs = this.hf.getRangeFormulas({ start: { sheet: sheet.hfId, row: clip.r0, col: clip.c0 }, end: { sheet: sheet.hfId, row: clip.r1, col: clip.c1 } });
    for (let i = 0; i < fs.length; i++) {
      for (let j = 0; j < fs[i].length; j++) {
        const f = fs[i][j];
        if (typeof f === "string") out[clip.r0 - r.r0 + i][clip.c0 - r.c0 + j] = fromHf(f);
      }
    }
    return out;
  }

  text(sheet: SheetModel, r: Rect): string[][] {
    const vals = this.values(sheet, r);
    return vals.map((row, i) => row.map((v, j) => formatValue(v, sheet.prop(r.r0 + i, r.c0 + j, "numberFormat"))));
  }

  valueTypes(sheet: SheetModel, r: Rect): string[][] {
    return this.values(sheet, r).map((row) =>
      row.map((v) => {
        if (v === "") return "Empty";
        if (typeof v === "number") return "Double";
        if (typeof v === "boolean") return "Boolean";
        if (typeof v === "string" && /^#(DIV\/0!|N\/A|NAME\?|NULL!|NUM!|REF!|VALUE!|SPILL!|CALC!)$/.test(v)) return "Error";
        return "String";
      }),
    );
  }

  /** Normalises a 2-D input (or a scalar that fills the range) to the range's shape; InvalidArgument on mismatch. */
  shape<T>(r: Rect, input: unknown, location: string): T[][] {
    const rows = rowsOf(r);
    const cols = colsOf(r);
    if (!Array.isArray(input)) {
      if (rows * cols > 5_000_000) throw new HostError(ErrorCodes.rangeExceedsLimit, undefined, location);
      return Array.from({ length: rows }, () => new Array<T>(cols).fill(input as T));
    }
    if (input.length !== rows || input.some((row) => !Array.isArray(row) || row.length !== cols)) {
      throw invalidArgument(location, `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}x${cols}).`);
    }
    return input as T[][];
  }

  /** What HyperFormula should store for one input, or KEEP for null (Excel leaves the cell unchanged). */
  private toRaw(input: unknown, textFormat: boolean, location: string): { raw: RawCellContent | typeof KEEP; percent?: boolean } {
    if (input === null || input === undefined) return { raw: KEEP };
    if (typeof input === "number") {
      if (!Number.isFinite(input)) throw invalidArgument(location, "Numbers must be finite.");
      return { raw: input };
    }
    if (typeof input === "boolean") return { raw: input };
    if (typeof input !== "string") throw invalidArgument(location, `Unsupported cell value ${JSON.stringify(input)}.`);
    const s = input;
    if (s === "") return { raw: null };
    if (textFormat) return { raw: `'${s}` };
    if (s.startsWith("'")) return { raw: s };
    if (s.startsWith("=") && s.length > 1) return { raw: this.checkedFormula(this.bound(s), location) };
    if (NUMBER_TEXT.test(s)) return { raw: Number(s) };
    if (GROUPED_NUMBER_TEXT.test(s)) return { raw: Number(s.replace(/,/g, "")) };
    if (PERCENT_TEXT.test(s)) return { raw: Number(s.slice(0, -1)) / 100, percent: true };
    if (/^(TRUE|FALSE)$/i.test(s)) return { raw: s.toUpperCase() === "TRUE" };
    if ((s.startsWith("+") || s.startsWith("-")) && s.length > 1) return { raw: this.checkedFormula(this.bound(`=${s}`), location) };
    return { raw: `'${s}` };
  }

  checkedFormula(formula: string, location: string): string {
    const hf = toHf(formula);
    if (!this.hf.validateFormula(hf)) throw invalidArgument(location, `The formula ${JSON.stringify(formula)} is not valid.`);
    return hf;
  }

  /** Sets values or formulas (same rules: "=..." is a formula, "'" prefix is text, null keeps the cell). */
  write(sheet: SheetModel, r: Rect, input: unknown, location: string): void {
    const grid = this.shape<unknown>(r, input, location);
    this.assertContentEditable(sheet, r, location);
    const raws: RawCellContent[][] = [];
    const percents: Array<[number, number]> = [];
    let anyKeep = false;
    for (let i = 0; i < grid.length; i++) {
      const rowOut: RawCellContent[] = [];
      for (let j = 0; j < grid[i].length; j++) {
        const textFormat = sheet.prop(r.r0 + i, r.c0 + j, "numberFormat") === "@";
        const { raw, percent } = this.toRaw(grid[i][j], textFormat, location);
        if (raw === KEEP) {
          anyKeep = true;
          rowOut.push(undefined);
        } else rowOut.push(raw);
        if (percent) percents.push([r.r0 + i, r.c0 + j]);
      }
      raws.push(rowOut);
    }
    if (anyKeep) {
      for (let i = 0; i < raws.length; i++) {
        for (let j = 0; j < raws[i].length; j++) {
          if (raws[i][j] === undefined) raws[i][j] = this.hf.getCellSerialized({ sheet: sheet.hfId, row: r.r0 + i, col: r.c0 + j });
        }
      }
    }
    this.hf.setCellContents({ sheet: sheet.hfId, row: r.r0, col: r.c0 }, raws);
    for (const [row, col] of percents) if (sheet.prop(row, col, "numberFormat") === "General") sheet.setFormat(rect(row, col), { numberFormat: "0%" });
  }

  clearContents(sheet: SheetModel, r: Rect): void {
    const clip = this.clipToSheet(sheet, r);
    if (!clip) return;
    const empty: RawCellContent[][] = Array.from({ length: rowsOf(clip) }, () => new Array<RawCellContent>(colsOf(clip)).fill(null));
    this.hf.setCellContents({ sheet: sheet.hfId, row: clip.r0, col: clip.c0 }, empty);
  }

  /** Bounding box of non-empty cells (and, unless valuesOnly, cells with a cell-level format). */
  usedRect(sheet: SheetModel, valuesOnly = false): Rect | null {
    let b: Rect | null = null;
    const dims = this.hf.getSheetDimensions(sheet.hfId);
    if (dims.width > 0 && dims.height > 0) {
      const raw = this.hf.getSheetSerialized(sheet.hfId);
      for (let i = 0; i < raw.length; i++) {
        const row = raw[i];
        for (let j = 0; j < row.length; j++) {
          const v = row[j];
          if (v === null || v === undefined || v === "") continue;
          b = b ? { r0: Math.min(b.r0, i), c0: Math.min(b.c0, j), r1: Math.max(b.r1, i), c1: Math.max(b.c1, j) } : { r0: i, c0: j, r1: i, c1: j };
        }
      }
    }
    if (!valuesOnly) {
      const f = sheet.formattedBounds();
      if (f) b = b ? { r0: Math.min(b.r0, f.r0), c0: Math.min(b.c0, f.c0), r1: Math.max(b.r1, f.r1), c1: Math.max(b.c1, f.c1) } : f;
    }
    return b;
  }

  // ---------------------------------------------------------------- protection checks

  anyLocked(sheet: SheetModel, r: Rect): boolean {
    return sheet.distinct(r, "locked").includes(true);
  }

  assertContentEditable(sheet: SheetModel, r: Rect, location: string): void {
    if (sheet.protection.protected && this.anyLocked(sheet, r)) {
      throw accessDenied(location, `The cell or chart you're trying to change is on a protected sheet (${sheet.name}!${formatRect(r)}).`);
    }
  }

  assertFormatEditable(sheet: SheetModel, r: Rect, keys: FormatKey[], location: string): void {
    const p = sheet.protection;
    if (!p.protected) return;
    if (keys.includes("locked") || keys.includes("formulaHidden")) throw accessDenied(location, "Cell locking can't be changed on a protected sheet.");
    // Without allowFormatCells, Excel refuses "changing any of the options in the Format Cells dialog" ("Protect a
    // worksheet", support.microsoft.com/office/3179efdb-1285-4d49-a9c3-f4ca36276de6): strict, for unlocked cells too.
    if (!p.options.allowFormatCells && (this.strict || this.anyLocked(sheet, r))) throw accessDenied(location, `The sheet "${sheet.name}" is protected.`);
  }

  assertSheetUnprotected(sheet: SheetModel, location: string): void {
    if (sheet.protection.protected) throw accessDenied(location, `The sheet "${sheet.name}" is protected.`);
  }

  setFormat(sheet: SheetModel, r: Rect, props: PartialFormat, location: string): void {
    this.assertFormatEditable(sheet, r, Object.keys(props) as FormatKey[], location);
    sheet.setFormat(r, props);
  }

  setColumnWidth(sheet: SheetModel, r: Rect, width: number, location: string): void {
    if (typeof width !== "number" || !Number.isFinite(width) || width < 0 || width > 1789.5) throw invalidArgument(location);
    if (sheet.protection.protected && !sheet.protection.options.allowFormatColumns) throw accessDenied(location, `The sheet "${sheet.name}" is protected.`);
    for (let c = r.c0; c <= r.c1; c++) sheet.colWidths.set(c, width);
  }

  setRowHeight(sheet: SheetModel, r: Rect, height: number, location: string): void {
    if (typeof height !== "number" || !Number.isFinite(height) || height < 0 || height > 409.5) throw invalidArgument(location);
    if (sheet.protection.protected && !sheet.protection.options.allowFormatRows) throw accessDenied(location, `The sheet "${sheet.name}" is protected.`);
    if (isEntireColumns(r)) {
      sheet.defaultRowHeight = height;
      sheet.rowHeights.clear();
      return;
    }
    for (let row = r.r0; row <= r.r1; row++) sheet.rowHeights.set(row, height);
  }

  /** Widths from the longest text in each column (about 7 points per character of Calibri 11, plus padding). */
  autofitColumns(sheet: SheetModel, r: Rect, location: string): void {
    if (sheet.protection.protected && !sheet.protection.options.allowFormatColumns) throw accessDenied(location, `The sheet "${sheet.name}" is protected.`);
    const used = this.usedRect(sheet, true);
    if (!used) return;
    const area = intersect(r, { r0: used.r0, c0: r.c0, r1: used.r1, c1: r.c1 });
    if (!area) return;
    const text = this.text(sheet, area);
    for (let j = 0; j < colsOf(area); j++) {
      let longest = 0;
      for (let i = 0; i < text.length; i++) {
        const col = area.c0 + j;
        const row = area.r0 + i;
        if (sheet.mergeAt(row, col) && !(sheet.mergeAt(row, col)?.c0 === col && sheet.mergeAt(row, col)?.c1 === col)) continue;
        const size = sheet.prop(row, col, "fontSize");
        const w = text[i][j].length * size * 0.6 * (sheet.prop(row, col, "bold") ? 1.1 : 1);
        longest = Math.max(longest, w);
      }
      if (longest > 0) sheet.colWidths.set(area.c0 + j, Math.min(1789.5, Math.round((longest + 8) * 4) / 4));
    }
  }

  // ---------------------------------------------------------------- merges, clear

  merge(sheet: SheetModel, r: Rect, across: boolean, location: string): void {
    this.assertSheetUnprotected(sheet, location);
    const targets = across ? Array.from({ length: rowsOf(r) }, (_, i) => rect(r.r0 + i, r.c0, r.r0 + i, r.c1)) : [r];
    for (const t of targets) {
      if (cellCount(t) <= 1) continue;
      sheet.merges = sheet.merges.filter((m) => !intersect(m, t));
      // Excel keeps the upper-left value and discards the others.
      const rest = subtract(t, rect(t.r0, t.c0));
      for (const part of rest) this.clearContents(sheet, part);
      sheet.merges.push({ ...t });
    }
  }

  unmerge(sheet: SheetModel, r: Rect, location: string): void {
    this.assertSheetUnprotected(sheet, location);
    sheet.merges = sheet.merges.filter((m) => !intersect(m, r));
  }

  clear(sheet: SheetModel, r: Rect, applyTo: string, location: string): void {
    const contents = applyTo === "All" || applyTo === "Contents" || applyTo === "ResetContents";
    const formats = applyTo === "All" || applyTo === "Formats";
    if (!contents && !formats && applyTo !== "Hyperlinks" && applyTo !== "RemoveHyperlinks") throw invalidArgument(location);
    if (contents) this.assertContentEditable(sheet, r, location);
    if (formats) this.assertFormatEditable(sheet, r, [], location);
    if (contents) this.clearContents(sheet, r);
    if (formats) {
      sheet.resetFormats(r);
      sheet.merges = sheet.merges.filter((m) => !intersect(m, r));
      this.clearConditionalFormats(sheet, r, location, true);
    }
  }

  // ---------------------------------------------------------------- data validation

  /** Applies `mutate` to the validation of every cell of `r`, splitting entries as needed. */
  updateValidation(sheet: SheetModel, r: Rect, mutate: (e: ValidationEntry) => void, location: string): void {
    this.assertSheetUnprotected(sheet, location);
    const next: ValidationEntry[] = [];
    const touched: ValidationEntry[] = [];
    let uncovered: Rect[] = [r];
    for (const e of sheet.validations) {
      const inside: Rect[] = [];
      const outside: Rect[] = [];
      for (const er of e.rects) {
        const i = intersect(er, r);
        if (i) {
          inside.push(i);
          outside.push(...subtract(er, r));
          uncovered = uncovered.flatMap((u) => subtract(u, i));
        } else outside.push(er);
      }
      if (inside.length === 0) {
        next.push(e);
        continue;
      }
      if (outside.length > 0) next.push({ ...e, rects: outside });
      const copy: ValidationEntry = { ...e, rects: inside, errorAlert: { ...e.errorAlert }, prompt: { ...e.prompt } };
      touched.push(copy);
    }
    if (uncovered.length > 0) {
      touched.push({ rects: uncovered, anchor: { row: r.r0, col: r.c0 }, rule: null, errorAlert: { ...DEFAULT_ERROR_ALERT }, prompt: { ...DEFAULT_PROMPT }, ignoreBlanks: true });
    }
    for (const t of touched) {
      mutate(t);
      const isDefault = t.rule === null && JSON.stringify(t.errorAlert) === JSON.stringify(DEFAULT_ERROR_ALERT) && JSON.stringify(t.prompt) === JSON.stringify(DEFAULT_PROMPT) && t.ignoreBlanks;
      if (!isDefault) next.push(t);
    }
    sheet.validations = next;
  }

  setValidationRule(sheet: SheetModel, r: Rect, rule: StoredRule | null, location: string): void {
    if (rule) for (const f of ruleFormulas(rule)) if (f.startsWith("=")) this.checkedFormula(f, location);
    this.updateValidation(
      sheet,
      r,
      (e) => {
        e.rule = rule ? { ...rule } : null;
        e.anchor = { row: r.r0, col: r.c0 };
      },
      location,
    );
  }

  clearValidation(sheet: SheetModel, r: Rect, location: string): void {
    this.assertSheetUnprotected(sheet, location);
    const next: ValidationEntry[] = [];
    for (const e of sheet.validations) {
      const rects = e.rects.flatMap((er) => subtract(er, r));
      if (rects.length > 0) next.push({ ...e, rects });
    }
    sheet.validations = next;
  }

  /** The validation entries touching a rectangle, and whether a single entry covers all of it. */
  validationAt(sheet: SheetModel, r: Rect): { entry: ValidationEntry | null; state: "None" | "Single" | "Inconsistent" } {
    const touching = sheet.validations.filter((e) => e.rects.some((er) => intersect(er, r)));
    if (touching.length === 0) return { entry: null, state: "None" };
    if (touching.length === 1) {
      const e = touching[0];
      let rest: Rect[] = [r];
      for (const er of e.rects) rest = rest.flatMap((x) => subtract(x, er));
      if (rest.length === 0) return { entry: e, state: "Single" };
    }
    return { entry: null, state: "Inconsistent" };
  }

  // ---------------------------------------------------------------- conditional formats

  addConditionalFormat(sheet: SheetModel, r: Rect, type: string, location: string): CfEntry {
    this.assertSheetUnprotected(sheet, location);
    if (type !== "Custom") throw new HostError(ErrorCodes.notImplemented, `The in-memory host supports only "Custom" conditional formats (asked for "${type}").`, location);
    this.cfCounter++;
    const entry: CfEntry = { id: `{CF-${this.cfCounter}}`, rects: [{ ...r }], anchor: { row: r.r0, col: r.c0 }, type: "Custom", formula: "", format: {}, stopIfTrue: false };
    sheet.condFormats.unshift(entry);
    return entry;
  }

  clearConditionalFormats(sheet: SheetModel, r: Rect, location: string, skipProtection = false): void {
    if (!skipProtection) this.assertSheetUnprotected(sheet, location);
    // Entries keep their identity (ConditionalFormat proxies point at them).
    sheet.condFormats = sheet.condFormats.filter((cf) => {
      cf.rects = cf.rects.flatMap((er) => subtract(er, r));
      return cf.rects.length > 0;
    });
  }

  setCfFormula(sheet: SheetModel, cf: CfEntry, formula: string, location: string): void {
    this.assertSheetUnprotected(sheet, location);
    if (typeof formula !== "string") throw invalidArgument(location);
    const f = formula.startsWith("=") ? formula : `=${formula}`;
    this.checkedFormula(f, location);
    cf.formula = f;
  }

  /** Evaluates a formula written for `anchor` as if it were in cell (row, col) of `sheet`. */
  evaluateAt(sheet: SheetModel, formula: string, anchor: { row: number; col: number }, row: number, col: number): Scalar | Scalar[][] {
    const shifted = shiftRelative(formula, row - anchor.row, col - anchor.col);
    const v = this.hf.calculateFormula(toHf(shifted), sheet.hfId);
    if (Array.isArray(v)) return v.map((line) => line.map((x) => this.hfValue(x)));
    return this.hfValue(v);
  }

  // ---------------------------------------------------------------- structure

  /**
   * Inserts (count > 0) or deletes (count < 0) rows or columns. With `band`, only the cells in those
   * columns (for rows) or rows (for columns) shift, like Range.insert("Down") on part of a sheet.
   */
  shift(sheet: SheetModel, axis: "row" | "col", at: number, count: number, band: [number, number] | undefined, location: string): void {
    const max = axis === "row" ? MAX_ROWS : MAX_COLS;
    const n = Math.abs(count);
    if (n === 0) return;
    const prot = sheet.protection;
    if (prot.protected) {
      const allowed =
        band === undefined &&
        (axis === "row" ? (count > 0 ? prot.options.allowInsertRows : prot.options.allowDeleteRows) : count > 0 ? prot.options.allowInsertColumns : prot.options.allowDeleteColumns);
      if (!allowed) throw accessDenied(location, `The sheet "${sheet.name}" is protected.`);
      if (count < 0) {
        const gone = axis === "row" ? rect(at, 0, at + n - 1, MAX_COLS - 1) : rect(0, at, MAX_ROWS - 1, at + n - 1);
        if (this.anyLocked(sheet, gone)) throw accessDenied(location, "Rows or columns that contain locked cells can't be deleted on a protected sheet.");
      }
    }
    const used = this.usedRect(sheet, true);
    if (count > 0 && used) {
      const inBand = band === undefined || (axis === "row" ? used.c1 >= band[0] && used.c0 <= band[1] : used.r1 >= band[0] && used.r0 <= band[1]);
      const last = axis === "row" ? used.r1 : used.c1;
      if (inBand && last >= at && last + n >= max) throw new HostError(ErrorCodes.nonBlankCellOffSheet, undefined, location);
    }
    // Merges that straddle a partial band can't shift.
    if (band) {
      for (const m of sheet.merges) {
        const [o0, o1] = axis === "row" ? [m.c0, m.c1] : [m.r0, m.r1];
        const end = axis === "row" ? m.r1 : m.c1;
        const crosses = o0 <= band[1] && o1 >= band[0] && (o0 < band[0] || o1 > band[1]);
        if (crosses && end >= at) throw new HostError(ErrorCodes.insertDeleteConflict, "This operation would move part of a merged cell.", location);
      }
    }

    this.shiftContents(sheet, axis, at, count, band, used);

    const change: StructuralChange = { sheet: sheet.name, axis, at, count, band };
    shiftSheetModel(sheet, axis, at, count, band);
    for (const s of this.sheets) {
      for (const e of s.validations) {
        if (e.rule) e.rule = mapRuleFormulas(e.rule, (f) => adjustReferences(f, s.name, change));
      }
      for (const cf of s.condFormats) cf.formula = adjustReferences(cf.formula, s.name, change);
    }
  }

  private shiftContents(sheet: SheetModel, axis: "row" | "col", at: number, count: number, band: [number, number] | undefined, used: Rect | null): void {
    const id = sheet.hfId;
    const n = Math.abs(count);
    if (!band) {
      if (axis === "row") {
        if (count > 0) this.hf.addRows(id, [at, n]);
        else this.hf.removeRows(id, [at, n]);
      } else if (count > 0) this.hf.addColumns(id, [at, n]);
      else this.hf.removeColumns(id, [at, n]);
      return;
    }
    // Part of the sheet shifts: HyperFormula has no such operation, so the contents are rebuilt and every
    // formula in the workbook is adjusted with Excel's rule (references move only when they lie in the band).
    if (!used) return;
    const change: StructuralChange = { sheet: sheet.name, axis, at, count, band };
    const adjust = (raw: RawCellContent, formulaSheet: string): RawCellContent =>
      typeof raw === "string" && raw.startsWith("=") ? toHf(adjustReferences(fromHf(raw, true), formulaSheet, change)) : raw;
    const data = this.hf.getSheetSerialized(id);
    const out: RawCellContent[][] = [];
    const put = (r: number, c: number, v: RawCellContent): void => {
      while (out.length <= r) out.push([]);
      out[r][c] = v;
    };
    for (let r = 0; r < data.length; r++) {
      for (let c = 0; c < data[r].length; c++) {
        const v = data[r][c];
        if (v === null || v === undefined || v === "") continue;
        const p = axis === "row" ? r : c;
        const o = axis === "row" ? c : r;
        let np = p;
        if (o >= band[0] && o <= band[1]) {
          if (count > 0) np = p >= at ? p + n : p;
          else if (p >= at && p < at + n) continue;
          else np = p >= at + n ? p - n : p;
        }
        const moved = adjust(v, sheet.name);
        if (axis === "row") put(np, c, moved);
        else put(r, np, moved);
      }
    }
    const width = Math.max(0, ...out.map((row) => row.length));
    const grid = out.map((row) => Array.from({ length: width }, (_, j) => (row[j] === undefined ? null : row[j])));
    this.hf.setSheetContent(id, grid);
    for (const other of this.sheets) {
      if (other === sheet) continue;
      const od = this.hf.getSheetSerialized(other.hfId);
      for (let r = 0; r < od.length; r++) {
        for (let c = 0; c < od[r].length; c++) {
          const v = od[r][c];
          const nv = adjust(v, other.name);
          if (nv !== v) this.hf.setCellContents({ sheet: other.hfId, row: r, col: c }, [[nv]]);
        }
      }
    }
    for (const meta of this.names.values()) {
      const f = this.nameFormulaInternal(meta.name);
      const nf = adjustReferences(f, "", change);
      if (nf !== f) this.hf.changeNamedExpression(meta.name, toHf(nf));
    }
  }

  /** Sorts the rows of a rectangle by one of its columns, as Excel's Sort does (contents and cell formats move). */
  sortRows(sheet: SheetModel, r: Rect, keyOffset: number, ascending: boolean, location: string): void {
    if (keyOffset < 0 || keyOffset >= colsOf(r)) throw invalidArgument(location, "The sort key is outside the range.");
    if (sheet.protection.protected && (!sheet.protection.options.allowSort || this.anyLocked(sheet, r))) {
      throw accessDenied(location, `The sheet "${sheet.name}" is protected.`);
    }
    const vals = this.values(sheet, r);
    const raw = this.hf.getRangeSerialized({ start: { sheet: sheet.hfId, row: r.r0, col: r.c0 }, end: { sheet: sheet.hfId, row: r.r1, col: r.c1 } });
    const order = vals.map((_, i) => i);
    const collator = new Intl.Collator("vi", { sensitivity: "accent", numeric: false });
    const rank = (v: Scalar): number => (v === "" ? 4 : typeof v === "number" ? 0 : typeof v === "boolean" ? 2 : /^#/.test(v) ? 3 : 1);
    order.sort((a, b) => {
      const va = vals[a][keyOffset];
      const vb = vals[b][keyOffset];
      const ra = rank(va);
      const rb = rank(vb);
      if (ra === 4 || rb === 4) return ra === rb ? a - b : ra === 4 ? 1 : -1; // blanks last either way
      let c = ra !== rb ? ra - rb : 0;
      if (c === 0) {
        if (typeof va === "number" && typeof vb === "number") c = va - vb;
        else if (typeof va === "boolean" && typeof vb === "boolean") c = Number(va) - Number(vb);
        else c = collator.compare(String(va), String(vb));
      }
      if (!ascending) c = -c;
      return c !== 0 ? c : a - b;
    });
    const out: RawCellContent[][] = order.map((src, dst) =>
      raw[src].map((cellRaw) => {
        if (typeof cellRaw === "string" && cellRaw.startsWith("=")) return toHf(shiftRelative(fromHf(cellRaw, true), dst - src, 0));
        return cellRaw;
      }),
    );
    this.hf.setCellContents({ sheet: sheet.hfId, row: r.r0, col: r.c0 }, out);
    // Cell formats travel with their rows.
    const moved = new Map<number, PartialFormat>();
    for (let dst = 0; dst < order.length; dst++) {
      const src = order[dst];
      for (let c = r.c0; c <= r.c1; c++) {
        const f = sheet.cellFormats.get(cellKey(r.r0 + src, c));
        if (f) moved.set(cellKey(r.r0 + dst, c), f);
      }
    }
    for (let row = r.r0; row <= r.r1; row++) for (let c = r.c0; c <= r.c1; c++) sheet.cellFormats.delete(cellKey(row, c));
    for (const [k, f] of moved) sheet.cellFormats.set(k, f);
  }
}

// -------------------------------------------------------------------- helpers

export function ruleFormulas(rule: StoredRule): string[] {
  return [rule.formula1, rule.formula2, rule.source, rule.formula].filter((f): f is string => typeof f === "string");
}

export function mapRuleFormulas(rule: StoredRule, fn: (f: string) => string): StoredRule {
  const out: StoredRule = { ...rule };
  if (out.formula1?.startsWith("=")) out.formula1 = fn(out.formula1);
  if (out.formula2?.startsWith("=")) out.formula2 = fn(out.formula2);
  if (out.source?.startsWith("=")) out.source = fn(out.source);
  if (out.formula?.startsWith("=")) out.formula = fn(out.formula);
  return out;
}

function shiftIndex(p: number, at: number, count: number): number | null {
  if (count > 0) return p >= at ? p + count : p;
  const n = -count;
  if (p >= at && p < at + n) return null;
  return p >= at + n ? p - n : p;
}

/** Shifts a span [s, e] on the axis; null when deleted entirely. */
function shiftSpan(s: number, e: number, at: number, count: number): [number, number] | null {
  if (count > 0) return [s >= at ? s + count : s, e >= at ? e + count : e];
  const n = -count;
  const hi = at + n - 1;
  if (s >= at && e <= hi) return null;
  const ns = s < at ? s : s > hi ? s - n : at;
  const ne = e < at ? e : e > hi ? e - n : at - 1;
  return ns <= ne ? [ns, ne] : null;
}

function shiftRectOnAxis(r: Rect, axis: "row" | "col", at: number, count: number): Rect | null {
  const span = axis === "row" ? shiftSpan(r.r0, r.r1, at, count) : shiftSpan(r.c0, r.c1, at, count);
  if (!span) return null;
  return axis === "row" ? { ...r, r0: span[0], r1: span[1] } : { ...r, c0: span[0], c1: span[1] };
}

/** Splits rects by a band on the other axis, shifting only the part inside the band. */
function shiftRects(rects: Rect[], axis: "row" | "col", at: number, count: number, band?: [number, number]): Rect[] {
  const out: Rect[] = [];
  for (const r of rects) {
    if (!band) {
      const s = shiftRectOnAxis(r, axis, at, count);
      if (s) out.push(s);
      continue;
    }
    const bandRect = axis === "row" ? { r0: 0, r1: MAX_ROWS - 1, c0: band[0], c1: band[1] } : { r0: band[0], r1: band[1], c0: 0, c1: MAX_COLS - 1 };
    const inside = intersect(r, bandRect);
    out.push(...subtract(r, bandRect));
    if (inside) {
      const s = shiftRectOnAxis(inside, axis, at, count);
      if (s) out.push(s);
    }
  }
  return out;
}

/** Moves an anchored entry's rectangles and anchor in place; false when nothing of it is left. */
function shiftAnchored(
  e: { rects: Rect[]; anchor: { row: number; col: number } },
  axis: "row" | "col",
  at: number,
  count: number,
  band: [number, number] | undefined,
  formulas: (fn: (f: string) => string) => void,
): boolean {
  const rects = shiftRects(e.rects, axis, at, count, band);
  if (rects.length === 0) return false;
  e.rects = rects;
  const key = axis === "row" ? "row" : "col";
  const other = axis === "row" ? "col" : "row";
  const p = e.anchor[key];
  const inBand = !band || (e.anchor[other] >= band[0] && e.anchor[other] <= band[1]);
  if (inBand && count < 0 && p >= at && p < at - count) {
    // The anchor row/column is deleted: re-anchor on the first surviving line after the deletion.
    const delta = at - count - p;
    formulas((f) => (axis === "row" ? shiftRelative(f, delta, 0) : shiftRelative(f, 0, delta)));
    e.anchor = { ...e.anchor, [key]: at };
    return true;
  }
  const np = inBand ? shiftIndex(p, at, count) : p;
  e.anchor = { ...e.anchor, [key]: np ?? p };
  return true;
}

/** Moves formats, sizes, merges, validation and conditional formats after an insertion or deletion. */
export function shiftSheetModel(sheet: SheetModel, axis: "row" | "col", at: number, count: number, band?: [number, number]): void {
  const isRow = axis === "row";
  // cell formats
  const nextCells = new Map<number, PartialFormat>();
  for (const [k, f] of sheet.cellFormats) {
    const row = keyRow(k);
    const col = keyCol(k);
    const p = isRow ? row : col;
    const o = isRow ? col : row;
    if (band && (o < band[0] || o > band[1])) {
      nextCells.set(k, f);
      continue;
    }
    const np = shiftIndex(p, at, count);
    if (np === null) continue;
    nextCells.set(isRow ? cellKey(np, col) : cellKey(row, np), f);
  }
  sheet.cellFormats = nextCells;
  if (count > 0 && at > 0) {
    // Inserted cells take the format of the line before them ("Format Same As Above / Left").
    for (const [k, f] of [...sheet.cellFormats]) {
      const row = keyRow(k);
      const col = keyCol(k);
      const p = isRow ? row : col;
      const o = isRow ? col : row;
      if (p !== at - 1 || (band && (o < band[0] || o > band[1]))) continue;
      for (let i = 0; i < count; i++) sheet.cellFormats.set(isRow ? cellKey(at + i, col) : cellKey(row, at + i), { ...f });
    }
  }
  if (!band) {
    const lineMaps: Array<Map<number, unknown>> = isRow ? [sheet.rowFormats, sheet.rowHeights] : [sheet.colFormats, sheet.colWidths];
    for (const m of lineMaps) {
      const entries = [...m.entries()];
      m.clear();
      for (const [p, v] of entries) {
        const np = shiftIndex(p, at, count);
        if (np !== null) m.set(np, v);
      }
      if (count > 0 && at > 0 && m.has(at - 1)) {
        const v = m.get(at - 1);
        for (let i = 0; i < count; i++) m.set(at + i, typeof v === "object" && v !== null ? { ...(v as object) } : v);
      }
    }
    const hidden = isRow ? sheet.hiddenRows : sheet.hiddenCols;
    const hs = [...hidden];
    hidden.clear();
    for (const p of hs) {
      const np = shiftIndex(p, at, count);
      if (np !== null) hidden.add(np);
    }
    const pl = sheet.pageLayout;
    const titles = isRow ? pl.printTitleRows : pl.printTitleColumns;
    if (titles) {
      const s = shiftSpan(titles[0], titles[1], at, count);
      if (isRow) pl.printTitleRows = s;
      else pl.printTitleColumns = s;
    }
    if (pl.printArea) {
      const pa = shiftRects(pl.printArea, axis, at, count);
      pl.printArea = pa.length > 0 ? pa : null;
    }
  }
  // merges
  const merges: Rect[] = [];
  for (const m of sheet.merges) {
    const o0 = isRow ? m.c0 : m.r0;
    if (band && (o0 < band[0] || o0 > band[1])) {
      merges.push(m);
      continue;
    }
    const s = shiftRectOnAxis(m, axis, at, count);
    if (s && cellCount(s) > 1) merges.push(s);
  }
  sheet.merges = merges;
  // validation and conditional formats
  sheet.validations = sheet.validations.filter((e) =>
    shiftAnchored(e, axis, at, count, band, (fn) => {
      if (e.rule) e.rule = mapRuleFormulas(e.rule, fn);
    }),
  );
  sheet.condFormats = sheet.condFormats.filter((cf) =>
    shiftAnchored(cf, axis, at, count, band, (fn) => {
      cf.formula = fn(cf.formula);
    }),
  );
}

export type { ErrorAlert, Prompt };
