/**
 * Saving and loading .xlsx through ExcelJS (browser build in the preview, Node build in tests).
 * Saved: values, formulas (with cached results), number formats, fonts, fills, borders, alignment,
 * wrap, cell protection, merges, column widths, row heights, hidden rows/columns, data validation,
 * conditional formats (expression rules), sheet protection (with an ECMA-376 SHA-512 password hash),
 * defined names, page setup, sheet order, visibility, tab colours, frozen panes, gridlines.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { MAX_COLS, MAX_ROWS, type Rect, cellsToRects, colToLetters, formatRect, isEntireColumns, isEntireRows, parseAreas, parseRef, rect } from "./addresses";
import { fromHf, shiftRelative, toHf } from "./formulas";
import { WorkbookModel, mapRuleFormulas } from "./model";
import { agileHash, randomSalt } from "./passwordHash";
import type { SheetModel } from "./sheet";
import {
  type BorderSpec,
  type CfEntry,
  DEFAULT_FORMAT,
  DEFAULT_PROTECTION_OPTIONS,
  DEFAULT_ROW_HEIGHT,
  type FormatProps,
  PAPER_SIZES,
  type PartialFormat,
  type StoredRule,
  type ValidationEntry,
} from "./types";

/** Spin count for new password hashes (Excel writes 100000; any count is valid and this keeps saving fast). */
const SPIN_COUNT = 10_000;
/** Column width in .xlsx units (width of "0" in Calibri 11 = 7 px, padding included) from points: px / 7 = pt / 0.75 / 7. */
const POINTS_PER_WIDTH_UNIT = 5.25;

type Json = Record<string, unknown>;

const argb = (hex: string): string => `FF${hex.replace("#", "").toUpperCase()}`;
const hexOf = (c: { argb?: string; theme?: number } | undefined): string | null => {
  if (!c?.argb) return null;
  const a = c.argb.toUpperCase();
  return `#${a.length === 8 ? a.slice(2) : a}`;
};

// ------------------------------------------------------------------ styles

const BORDER_OUT: Record<string, string> = {
  "Continuous:Hairline": "hair",
  "Continuous:Thin": "thin",
  "Continuous:Medium": "medium",
  "Continuous:Thick": "thick",
  "Dash:Thin": "dashed",
  "Dash:Medium": "mediumDashed",
  "Dot:Thin": "dotted",
  "DashDot:Thin": "dashDot",
  "DashDot:Medium": "mediumDashDot",
  "DashDotDot:Thin": "dashDotDot",
  "DashDotDot:Medium": "mediumDashDotDot",
  "Double:Thick": "double",
  "Double:Thin": "double",
  "SlantDashDot:Medium": "slantDashDot",
};

const BORDER_IN: Record<string, [string, string]> = {
  hair: ["Continuous", "Hairline"],
  thin: ["Continuous", "Thin"],
  medium: ["Continuous", "Medium"],
  thick: ["Continuous", "Thick"],
  dashed: ["Dash", "Thin"],
  mediumDashed: ["Dash", "Medium"],
  dotted: ["Dot", "Thin"],
  dashDot: ["DashDot", "Thin"],
  mediumDashDot: ["DashDot", "Medium"],
  dashDotDot: ["DashDotDot", "Thin"],
  mediumDashDotDot: ["DashDotDot", "Medium"],
  double: ["Double", "Thick"],
  slantDashDot: ["SlantDashDot", "Medium"],
};

const H_OUT: Record<string, string> = { Left: "left", Center: "center", Right: "right", Fill: "fill", Justify: "justify", CenterAcrossSelection: "centerContinuous", Distributed: "distributed" };
const V_OUT: Record<string, string> = { Top: "top", Center: "middle", Bottom: "bottom", Justify: "justify", Distributed: "distributed" };
const invert = (m: Record<string, string>): Record<string, string> => Object.fromEntries(Object.entries(m).map(([k, v]) => [v, k]));
const H_IN = invert(H_OUT);
const V_IN = invert(V_OUT);
const UNDERLINE_OUT: Record<string, string | boolean> = { Single: true, Double: "double", SingleAccountant: "singleAccounting", DoubleAccountant: "doubleAccounting" };

function borderOut(b: BorderSpec | null): Json | undefined {
  if (!b || b.style === "None") return undefined;
  const style = BORDER_OUT[`${b.style}:${b.weight}`] ?? BORDER_OUT[`${b.style}:Thin`] ?? "thin";
  return { style, color: { argb: argb(b.color) } };
}

/** The full ExcelJS style of a resolved format (only what differs from Excel's defaults). */
function styleOut(f: FormatProps): Json {
  const style: Json = {};
  if (f.numberFormat !== "General") style.numFmt = f.numberFormat;
  const font: Json = {};
  if (f.bold) font.bold = true;
  if (f.italic) font.italic = true;
  if (f.underline !== "None") font.underline = UNDERLINE_OUT[f.underline] ?? true;
  if (f.strikethrough) font.strike = true;
  if (f.fontColor !== DEFAULT_FORMAT.fontColor) font.color = { argb: argb(f.fontColor) };
  font.size = f.fontSize;
  font.name = f.fontName;
  style.font = font;
  if (f.fill) style.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(f.fill) } };
  const border: Json = {};
  const top = borderOut(f.borderTop);
  const bottom = borderOut(f.borderBottom);
  const left = borderOut(f.borderLeft);
  const right = borderOut(f.borderRight);
  if (top) border.top = top;
  if (bottom) border.bottom = bottom;
  if (left) border.left = left;
  if (right) border.right = right;
  if (Object.keys(border).length > 0) style.border = border;
  const alignment: Json = {};
  if (f.hAlign !== "General" && H_OUT[f.hAlign]) alignment.horizontal = H_OUT[f.hAlign];
  if (f.vAlign !== "Bottom" && V_OUT[f.vAlign]) alignment.vertical = V_OUT[f.vAlign];
  if (f.wrap) alignment.wrapText = true;
  if (f.indent > 0) alignment.indent = f.indent;
  if (Object.keys(alignment).length > 0) style.alignment = alignment;
  if (!f.locked || f.formulaHidden) style.protection = { locked: f.locked, hidden: f.formulaHidden };
  return style;
}

function isDefaultFormat(f: FormatProps): boolean {
  return (Object.keys(DEFAULT_FORMAT) as (keyof FormatProps)[]).every((k) => JSON.stringify(f[k]) === JSON.stringify(DEFAULT_FORMAT[k]));
}

/** A partial format from an ExcelJS style (only what differs from the defaults). */
function styleIn(s: Partial<ExcelJS.Style> | undefined): PartialFormat {
  const out: PartialFormat = {};
  if (!s) return out;
  if (s.numFmt && s.numFmt !== "General") out.numberFormat = s.numFmt;
  const font = s.font;
  if (font) {
    if (font.bold) out.bold = true;
    if (font.italic) out.italic = true;
    if (font.strike) out.strikethrough = true;
    if (font.underline) {
      out.underline = font.underline === true || font.underline === "single" ? "Single" : font.underline === "double" ? "Double" : font.underline === "singleAccounting" ? "SingleAccountant" : font.underline === "doubleAccounting" ? "DoubleAccountant" : "None";
    }
    const c = hexOf(font.color as { argb?: string } | undefined);
    if (c && c !== DEFAULT_FORMAT.fontColor) out.fontColor = c;
    if (typeof font.size === "number" && font.size !== DEFAULT_FORMAT.fontSize) out.fontSize = font.size;
    if (font.name && font.name !== DEFAULT_FORMAT.fontName) out.fontName = font.name;
  }
  const fill = s.fill as { type?: string; pattern?: string; fgColor?: { argb?: string } } | undefined;
  if (fill && fill.type === "pattern" && fill.pattern === "solid") {
    const c = hexOf(fill.fgColor);
    if (c) out.fill = c;
  }
  const border = s.border as Record<string, { style?: string; color?: { argb?: string } } | undefined> | undefined;
  if (border) {
    const side = (b: { style?: string; color?: { argb?: string } } | undefined): BorderSpec | null => {
      if (!b?.style) return null;
      const [style, weight] = BORDER_IN[b.style] ?? ["Continuous", "Thin"];
      return { style, weight, color: hexOf(b.color) ?? "#000000" };
    };
    const top = side(border.top);
    const bottom = side(border.bottom);
    const left = side(border.left);
    const right = side(border.right);
    if (top) out.borderTop = top;
    if (bottom) out.borderBottom = bottom;
    if (left) out.borderLeft = left;
    if (right) out.borderRight = right;
  }
  const a = s.alignment;
  if (a) {
    if (a.horizontal && H_IN[a.horizontal]) out.hAlign = H_IN[a.horizontal];
    if (a.vertical && V_IN[a.vertical]) out.vAlign = V_IN[a.vertical];
    if (a.wrapText) out.wrap = true;
    if (typeof a.indent === "number" && a.indent > 0) out.indent = a.indent;
  }
  const p = s.protection;
  if (p) {
    if (p.locked === false) out.locked = false;
    if (p.hidden === true) out.formulaHidden = true;
  }
  return out;
}

// ------------------------------------------------------------------ validation and conditional formats

const DV_TYPE_OUT: Record<StoredRule["type"], string> = { WholeNumber: "whole", Decimal: "decimal", List: "list", TextLength: "textLength", Custom: "custom", Date: "date", Time: "time" };
const DV_TYPE_IN = invert(DV_TYPE_OUT as Record<string, string>) as Record<string, StoredRule["type"]>;
const DV_OP_OUT: Record<string, string> = {
  Between: "between",
  NotBetween: "notBetween",
  EqualTo: "equal",
  NotEqualTo: "notEqual",
  GreaterThan: "greaterThan",
  LessThan: "lessThan",
  GreaterThanOrEqualTo: "greaterThanOrEqual",
  LessThanOrEqualTo: "lessThanOrEqual",
};
const DV_OP_IN = invert(DV_OP_OUT);

function serialToDate(serial: number): Date {
  return new Date(Date.UTC(1899, 11, 30) + serial * 86400000);
}

function dvFormulaOut(type: StoredRule["type"], f: string | undefined): unknown {
  if (f === undefined) return undefined;
  const body = f.startsWith("=") ? f.slice(1) : f;
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(body)) {
    const n = Number(body);
    return type === "Date" ? serialToDate(n) : n;
  }
  return body;
}

function validationOut(e: ValidationEntry, r: Rect): Json {
  const dv: Json = {};
  const rule = e.rule ? mapRuleFormulas(e.rule, (f) => shiftRelative(f, r.r0 - e.anchor.row, r.c0 - e.anchor.col)) : null;
  if (!rule) dv.type = "any";
  else {
    dv.type = DV_TYPE_OUT[rule.type];
    dv.allowBlank = e.ignoreBlanks;
    if (rule.type === "List") {
      const src = rule.source ?? "";
      dv.formulae = [src.startsWith("=") ? src.slice(1) : `"${src}"`];
    } else if (rule.type === "Custom") dv.formulae = [(rule.formula ?? "=TRUE").slice(1)];
    else {
      dv.operator = DV_OP_OUT[rule.operator ?? "Between"];
      dv.formulae = [dvFormulaOut(rule.type, rule.formula1), dvFormulaOut(rule.type, rule.formula2)].filter((x) => x !== undefined);
    }
  }
  if (e.errorAlert.showAlert) dv.showErrorMessage = true;
  if (e.errorAlert.style !== "Stop") dv.errorStyle = e.errorAlert.style.toLowerCase();
  if (e.errorAlert.title) dv.errorTitle = e.errorAlert.title;
  if (e.errorAlert.message) dv.error = e.errorAlert.message;
  if (e.prompt.showPrompt) dv.showInputMessage = true;
  if (e.prompt.title) dv.promptTitle = e.prompt.title;
  if (e.prompt.message) dv.prompt = e.prompt.message;
  return dv;
}

function xlsxRect(r: Rect): string {
  // ExcelJS wants explicit corners, not "B:B".
  return `${colToLetters(r.c0)}${r.r0 + 1}:${colToLetters(r.c1)}${r.r1 + 1}`;
}

function cfOut(cf: CfEntry, priority: number): ExcelJS.ConditionalFormattingOptions {
  const first = cf.rects[0];
  const formula = shiftRelative(cf.formula, first.r0 - cf.anchor.row, first.c0 - cf.anchor.col);
  const style: Json = {};
  const font: Json = {};
  if (cf.format.bold) font.bold = true;
  if (cf.format.italic) font.italic = true;
  if (cf.format.strikethrough) font.strike = true;
  if (cf.format.fontColor) font.color = { argb: argb(cf.format.fontColor) };
  if (Object.keys(font).length > 0) style.font = font;
  if (cf.format.fill) style.fill = { type: "pattern", pattern: "solid", bgColor: { argb: argb(cf.format.fill) } };
  if (cf.format.numberFormat) style.numFmt = cf.format.numberFormat;
  return {
    ref: cf.rects.map((r) => (cellsOf(r) === 1 ? formatRect(r) : xlsxRect(r))).join(" "),
    rules: [{ type: "expression", priority: priority + 1, formulae: [formula.startsWith("=") ? formula.slice(1) : formula], style: style as Partial<ExcelJS.Style> }],
  };
}

const cellsOf = (r: Rect): number => (r.r1 - r.r0 + 1) * (r.c1 - r.c0 + 1);

// ------------------------------------------------------------------ write

/** The resolved format of a whole column / row layer (cell layer excluded). */
function layerFormat(sheet: SheetModel, row: number | null, col: number | null): FormatProps {
  const out = { ...DEFAULT_FORMAT } as FormatProps;
  for (const k of Object.keys(DEFAULT_FORMAT) as (keyof FormatProps)[]) {
    let v: unknown = DEFAULT_FORMAT[k];
    if (k in sheet.sheetFormat) v = sheet.sheetFormat[k];
    if (col !== null) {
      const c = sheet.colFormats.get(col);
      if (c && k in c) v = c[k];
    }
    if (row !== null) {
      const r = sheet.rowFormats.get(row);
      if (r && k in r) v = r[k];
    }
    (out as unknown as Record<string, unknown>)[k] = v;
  }
  return out;
}

function resultOut(v: unknown): unknown {
  if (typeof v === "string" && /^#(DIV\/0!|N\/A|NAME\?|NULL!|NUM!|REF!|VALUE!)$/.test(v)) return { error: v };
  return v;
}

export async function writeXlsx(model: WorkbookModel): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.calcProperties = { fullCalcOnLoad: true };
  const active = model.activeSheet ? model.sheets.indexOf(model.activeSheet) : 0;
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: Math.max(0, active), visibility: "visible" }];

  for (const sheet of model.sheets) {
    const pl = sheet.pageLayout;
    const paperIndex = PAPER_SIZES.indexOf(pl.paperSize);
    const pageSetup: Json = {
      orientation: pl.orientation === "Landscape" ? "landscape" : "portrait",
      paperSize: paperIndex >= 0 ? paperIndex + 1 : undefined,
      margins: { left: pl.leftMargin / 72, right: pl.rightMargin / 72, top: pl.topMargin / 72, bottom: pl.bottomMargin / 72, header: pl.headerMargin / 72, footer: pl.footerMargin / 72 },
      horizontalCentered: pl.centerHorizontally,
      verticalCentered: pl.centerVertically,
      showGridLines: pl.printGridlines,
      blackAndWhite: pl.blackAndWhite,
      draft: pl.draftMode,
      pageOrder: pl.printOrder === "OverThenDown" ? "overThenDown" : "downThenOver",
    };
    if (pl.firstPageNumber !== "") pageSetup.firstPageNumber = pl.firstPageNumber;
    if (pl.zoom.horizontalFitToPages !== undefined || pl.zoom.verticalFitToPages !== undefined) {
      pageSetup.fitToPage = true;
      pageSetup.fitToWidth = pl.zoom.horizontalFitToPages ?? 0;
      pageSetup.fitToHeight = pl.zoom.verticalFitToPages ?? 0;
    } else if (pl.zoom.scale !== undefined) pageSetup.scale = pl.zoom.scale;
    if (pl.printTitleRows) pageSetup.printTitlesRow = `${pl.printTitleRows[0] + 1}:${pl.printTitleRows[1] + 1}`;
    if (pl.printTitleColumns) pageSetup.printTitlesColumn = `${colToLetters(pl.printTitleColumns[0])}:${colToLetters(pl.printTitleColumns[1])}`;
    if (pl.printArea) pageSetup.printArea = pl.printArea.map((r) => xlsxRect(r)).join("&&");

    const view: Json = { showGridLines: sheet.showGridlines };
    if (sheet.freeze.rows > 0 || sheet.freeze.columns > 0) {
      Object.assign(view, { state: "frozen", xSplit: sheet.freeze.columns, ySplit: sheet.freeze.rows, topLeftCell: `${colToLetters(sheet.freeze.columns)}${sheet.freeze.rows + 1}` });
    } else view.state = "normal";
    if (model.selection?.sheet === sheet) view.activeCell = `${colToLetters(model.selection.rect.c0)}${model.selection.rect.r0 + 1}`;

    const properties: Json = {};
    if (sheet.tabColor) properties.tabColor = { argb: argb(sheet.tabColor) };
    if (sheet.defaultRowHeight !== DEFAULT_ROW_HEIGHT) properties.defaultRowHeight = sheet.defaultRowHeight;
    const ws = wb.addWorksheet(sheet.name, {
      state: sheet.visibility === "Visible" ? "visible" : sheet.visibility === "Hidden" ? "hidden" : "veryHidden",
      properties: properties as Partial<ExcelJS.WorksheetProperties>,
      pageSetup: pageSetup as Partial<ExcelJS.PageSetup>,
      views: [view as Partial<ExcelJS.WorksheetView>],
    });
    // A break before 0-based row r is ExcelJS's break after 1-based row r.
    for (const r of sheet.pageBreaks) if (r > 0) ws.getRow(r).addPageBreak();

    // Column and row layers first, so cells written later keep their own full style.
    const sheetStyle = Object.keys(sheet.sheetFormat).length > 0;
    // Every emitted column gets an explicit width: ExcelJS then merges runs of equal columns into one <col>.
    const colIndexes = sheetStyle
      ? Array.from({ length: MAX_COLS }, (_, i) => i)
      : [...new Set<number>([...sheet.colFormats.keys(), ...sheet.colWidths.keys(), ...sheet.hiddenCols])].sort((a, b) => a - b);
    const baseFormat = sheetStyle ? layerFormat(sheet, null, null) : null;
    const baseStyle = baseFormat && !isDefaultFormat(baseFormat) ? styleOut(baseFormat) : null;
    for (const c of colIndexes) {
      if (c >= MAX_COLS) continue;
      const col = ws.getColumn(c + 1);
      col.width = (sheet.colWidths.get(c) ?? sheet.defaultColWidth) / POINTS_PER_WIDTH_UNIT;
      if (sheet.hiddenCols.has(c)) col.hidden = true;
      if (sheet.colFormats.has(c)) {
        const f = layerFormat(sheet, null, c);
        if (!isDefaultFormat(f)) col.style = styleOut(f) as Partial<ExcelJS.Style>;
      } else if (baseStyle) col.style = baseStyle as Partial<ExcelJS.Style>;
    }
    const rowIndexes = new Set<number>([...sheet.rowFormats.keys(), ...sheet.rowHeights.keys(), ...sheet.hiddenRows]);
    for (const r of [...rowIndexes].sort((a, b) => a - b)) {
      if (r >= MAX_ROWS) continue;
      const row = ws.getRow(r + 1);
      // ExcelJS writes a row without cells only when it has a height, so rows carrying a style or
      // the hidden flag get their (possibly default) height.
      row.height = sheet.rowHeight(r);
      if (sheet.hiddenRows.has(r)) row.hidden = true;
      if (sheet.rowFormats.has(r)) {
        const f = layerFormat(sheet, r, null);
        if (!isDefaultFormat(f)) (row as unknown as { style: Partial<ExcelJS.Style> }).style = styleOut(f) as Partial<ExcelJS.Style>;
      }
    }

    // Cells: contents and every cell that has its own format.
    const used = model.usedRect(sheet, false);
    if (used) {
      const values = model.values(sheet, used);
      const formulas = model.hf.getRangeFormulas({ start: { sheet: sheet.hfId, row: used.r0, col: used.c0 }, end: { sheet: sheet.hfId, row: used.r1, col: used.c1 } });
      for (let i = 0; i < values.length; i++) {
        for (let j = 0; j < values[i].length; j++) {
          const r = used.r0 + i;
          const c = used.c0 + j;
          const formula = formulas[i]?.[j];
          const value = values[i][j];
          const own = sheet.cellFormats.has(r * MAX_COLS + c);
          if (formula === undefined && value === "" && !own) continue;
          const cell = ws.getCell(r + 1, c + 1);
          if (typeof formula === "string") {
            cell.value = { formula: fromHf(formula).slice(1), result: resultOut(value) } as ExcelJS.CellFormulaValue;
          } else if (value !== "") cell.value = value;
          const f = sheet.format(r, c);
          const style = styleOut(f);
          if (own || sheet.rowFormats.has(r) || sheet.colFormats.has(c) || sheetStyle) cell.style = style as Partial<ExcelJS.Style>;
          else if (Object.keys(style).length > 1) cell.style = style as Partial<ExcelJS.Style>;
        }
      }
    }

    for (const m of sheet.merges) ws.mergeCells(m.r0 + 1, m.c0 + 1, m.r1 + 1, m.c1 + 1);

    const dvs = (ws as unknown as { dataValidations: { add(address: string, dv: Json): void } }).dataValidations;
    for (const e of sheet.validations) for (const r of e.rects) dvs.add(cellsOf(r) === 1 ? formatRect(r) : xlsxRect(r), validationOut(e, r));

    sheet.condFormats.forEach((cf, i) => {
      if (cf.formula) ws.addConditionalFormatting(cfOut(cf, i));
    });

    if (sheet.protection.protected) {
      const o = sheet.protection.options;
      const sp: Json = {
        sheet: true,
        formatCells: o.allowFormatCells,
        formatColumns: o.allowFormatColumns,
        formatRows: o.allowFormatRows,
        insertColumns: o.allowInsertColumns,
        insertRows: o.allowInsertRows,
        insertHyperlinks: o.allowInsertHyperlinks,
        deleteColumns: o.allowDeleteColumns,
        deleteRows: o.allowDeleteRows,
        sort: o.allowSort,
        autoFilter: o.allowAutoFilter,
        pivotTables: o.allowPivotTables,
        objects: !o.allowEditObjects ? undefined : false,
        scenarios: !o.allowEditScenarios ? undefined : false,
        selectLockedCells: o.selectionMode === "Normal" ? undefined : false,
        selectUnlockedCells: o.selectionMode === "None" ? false : undefined,
      };
      const hash = sheet.protection.hash;
      if (sheet.protection.password) {
        const salt = randomSalt();
        Object.assign(sp, { algorithmName: "SHA-512", saltValue: salt, spinCount: SPIN_COUNT, hashValue: agileHash(sheet.protection.password, salt, SPIN_COUNT) });
      } else if (hash && !("legacy" in hash)) Object.assign(sp, hash);
      (ws as unknown as { sheetProtection: Json }).sheetProtection = sp;
    }
  }

  // Defined names: written as their formulas (ExcelJS' own model only knows cell ranges).
  const names = [...model.names.values()].map((n) => ({ name: n.name, ranges: [model.nameFormula(n.name).slice(1)] }));
  const dn = wb.definedNames as unknown as Json;
  Object.defineProperty(dn, "model", { configurable: true, get: () => names, set: () => undefined });

  const buf: unknown = await wb.xlsx.writeBuffer();
  if (buf instanceof Uint8Array) return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength).slice();
  return new Uint8Array(buf as ArrayBuffer);
}

// ------------------------------------------------------------------ read

function cellRaw(cell: ExcelJS.Cell): { content: unknown; formula?: string } {
  const v = cell.value as unknown;
  if (v === null || v === undefined) return { content: null };
  if (typeof v === "number" || typeof v === "boolean") return { content: v };
  if (typeof v === "string") return { content: v === "" ? null : `'${v}` };
  if (v instanceof Date) return { content: (v.getTime() - Date.UTC(1899, 11, 30)) / 86400000 };
  const o = v as Json;
  if ("formula" in o || "sharedFormula" in o) {
    const f = cell.formula;
    if (f) return { content: toHf(`=${f}`), formula: `=${f}` };
    return { content: null };
  }
  if ("richText" in o && Array.isArray(o.richText)) return { content: `'${(o.richText as { text: string }[]).map((t) => t.text).join("")}` };
  if ("text" in o && typeof o.text === "string") return { content: `'${o.text}` };
  if ("error" in o) return { content: String(o.error) };
  return { content: null };
}

function ruleIn(dv: Json): StoredRule | null {
  const type = DV_TYPE_IN[String(dv.type)];
  if (!type) return null;
  const formulae = Array.isArray(dv.formulae) ? (dv.formulae as unknown[]) : [];
  const asFormula = (x: unknown): string | undefined => {
    if (x === undefined || x === null || (typeof x === "number" && Number.isNaN(x))) return undefined;
    if (x instanceof Date) return `=${(x.getTime() - Date.UTC(1899, 11, 30)) / 86400000}`;
    return `=${String(x)}`;
  };
  if (type === "List") {
    const f = String(formulae[0] ?? "");
    const source = f.startsWith('"') && f.endsWith('"') ? f.slice(1, -1) : `=${f}`;
    return { type, source, inCellDropDown: true };
  }
  if (type === "Custom") return { type, formula: asFormula(formulae[0]) ?? "=TRUE" };
  const rule: StoredRule = { type, operator: DV_OP_IN[String(dv.operator ?? "between")] ?? "Between" };
  const f1 = asFormula(formulae[0]);
  const f2 = asFormula(formulae[1]);
  if (f1 === undefined) return null;
  rule.formula1 = f1;
  if (f2 !== undefined) rule.formula2 = f2;
  return rule;
}

interface CapturedName {
  name: string;
  ranges: string[];
  localSheetId?: number;
}

export async function readXlsx(data: Uint8Array | ArrayBuffer): Promise<WorkbookModel> {
  const wb = new ExcelJS.Workbook();
  let captured: CapturedName[] = [];
  Object.defineProperty(wb.definedNames as unknown as Json, "model", {
    configurable: true,
    get: () => captured,
    set: (v: CapturedName[]) => {
      captured = v ?? [];
    },
  });
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const comments = await nameComments(bytes);
  const model = new WorkbookModel();
  const sheets = [...wb.worksheets].sort((a, b) => ((a as unknown as { orderNo: number }).orderNo ?? 0) - ((b as unknown as { orderNo: number }).orderNo ?? 0));
  const pairs: Array<[ExcelJS.Worksheet, SheetModel]> = sheets.map((ws) => [ws, model.addSheet(ws.name, "MemoryHost.fromXlsx")]);

  for (const n of captured) {
    if (n.name.startsWith("_xlnm.") || n.localSheetId !== undefined || n.ranges.length === 0) continue;
    try {
      model.addName(n.name, `=${n.ranges.join(",")}`, comments.get(n.name) ?? "", "MemoryHost.fromXlsx");
    } catch {
      // Names the host can't represent are skipped.
    }
  }

  for (const [ws, sheet] of pairs) {
    sheet.visibility = ws.state === "hidden" ? "Hidden" : ws.state === "veryHidden" ? "VeryHidden" : "Visible";
    const tab = hexOf(ws.properties?.tabColor as { argb?: string } | undefined);
    if (tab) sheet.tabColor = tab;
    if (typeof ws.properties?.defaultRowHeight === "number") sheet.defaultRowHeight = ws.properties.defaultRowHeight;

    // columns
    const columns = (ws.columns ?? []) as ExcelJS.Column[];
    const styleKeys = new Map<unknown, { key: string; format: PartialFormat }>();
    const formatOf = (col: ExcelJS.Column): { key: string; format: PartialFormat } => {
      let hit = styleKeys.get(col.style);
      if (!hit) {
        const format = styleIn(col.style);
        hit = { key: JSON.stringify(format), format };
        styleKeys.set(col.style, hit);
      }
      return hit;
    };
    // A style that runs to the last column is the sheet's own format (as written for whole-sheet formats).
    let sheetRunStart = columns.length;
    if (columns.length === MAX_COLS && columns[MAX_COLS - 1]) {
      const lastKey = formatOf(columns[MAX_COLS - 1]).key;
      if (lastKey !== "{}") {
        sheetRunStart = MAX_COLS - 1;
        while (sheetRunStart > 0 && columns[sheetRunStart - 1] && formatOf(columns[sheetRunStart - 1]).key === lastKey) sheetRunStart--;
        sheet.sheetFormat = { ...formatOf(columns[MAX_COLS - 1]).format };
      }
    }
    for (let c = 1; c <= columns.length; c++) {
      const col = columns[c - 1];
      if (!col) continue;
      if (typeof col.width === "number" && col.width > 0) {
        const pt = Math.round(col.width * POINTS_PER_WIDTH_UNIT * 100) / 100;
        if (Math.abs(pt - sheet.defaultColWidth) > 0.01) sheet.colWidths.set(c - 1, pt);
      }
      if (col.hidden) sheet.hiddenCols.add(c - 1);
      if (c - 1 >= sheetRunStart) continue;
      const f: PartialFormat = { ...formatOf(col).format };
      for (const k of Object.keys(sheet.sheetFormat) as (keyof FormatProps)[]) if (!(k in f)) (f as Json)[k] = DEFAULT_FORMAT[k];
      for (const k of Object.keys(f) as (keyof FormatProps)[]) if (k in sheet.sheetFormat && JSON.stringify(sheet.sheetFormat[k]) === JSON.stringify(f[k])) delete f[k];
      if (Object.keys(f).length > 0) sheet.colFormats.set(c - 1, f);
    }

    // rows and cells
    let maxRow = 0;
    let maxCol = 0;
    const contents = new Map<number, Map<number, unknown>>();
    ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      const r = rowNumber - 1;
      if (typeof row.height === "number" && (row as unknown as { customHeight?: boolean }).customHeight !== false && row.height !== sheet.defaultRowHeight) sheet.rowHeights.set(r, row.height);
      if (row.hidden) sheet.hiddenRows.add(r);
      const rowStyle = styleIn((row as unknown as { style?: Partial<ExcelJS.Style> }).style);
      if (Object.keys(rowStyle).length > 0) sheet.rowFormats.set(r, rowStyle);
      row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
        const c = colNumber - 1;
        if (cell.isMerged && cell.master !== cell) return;
        const { content } = cellRaw(cell);
        if (content !== null && content !== undefined) {
          let line = contents.get(r);
          if (!line) {
            line = new Map();
            contents.set(r, line);
          }
          line.set(c, content);
          maxRow = Math.max(maxRow, r);
          maxCol = Math.max(maxCol, c);
        }
        // The cell's own style is complete: keep what differs from its row/column layers.
        const f = { ...DEFAULT_FORMAT, ...styleIn(cell.style) } as FormatProps;
        const own: PartialFormat = {};
        for (const k of Object.keys(DEFAULT_FORMAT) as (keyof FormatProps)[]) {
          if (JSON.stringify(sheet.lowerProp(r, c, k)) !== JSON.stringify(f[k])) (own as Json)[k] = f[k];
        }
        if (Object.keys(own).length > 0) sheet.setFormat(rect(r, c), own);
      });
    });
    if (contents.size > 0) {
      const grid: unknown[][] = Array.from({ length: maxRow + 1 }, () => new Array<unknown>(maxCol + 1).fill(null));
      for (const [r, line] of contents) for (const [c, v] of line) grid[r][c] = v;
      model.hf.setSheetContent(sheet.hfId, grid as never);
    }

    // merges
    const merges = ((ws.model as unknown as { merges?: string[] }).merges ?? []).map((m) => parseRef(m)?.rect).filter((m): m is Rect => !!m);
    sheet.merges = merges;

    // data validation: ExcelJS expands each rule to its cells; group them back by rule object.
    const dvModel = ((ws as unknown as { dataValidations: { model: Record<string, Json | undefined> } }).dataValidations?.model ?? {}) as Record<string, Json | undefined>;
    const groups = new Map<Json, Array<[number, number]>>();
    for (const [address, dv] of Object.entries(dvModel)) {
      if (!dv) continue;
      const p = parseRef(address);
      if (!p) continue;
      const list = groups.get(dv) ?? [];
      for (let r = p.rect.r0; r <= p.rect.r1; r++) for (let c = p.rect.c0; c <= p.rect.c1; c++) list.push([r, c]);
      groups.set(dv, list);
    }
    for (const [dv, cells] of groups) {
      const rects = cellsToRects(cells);
      const anchor = { row: Math.min(...rects.map((r) => r.r0)), col: Math.min(...rects.map((r) => r.c0)) };
      sheet.validations.push({
        rects,
        anchor,
        rule: ruleIn(dv),
        errorAlert: {
          showAlert: dv.showErrorMessage === true,
          style: dv.errorStyle === "warning" ? "Warning" : dv.errorStyle === "information" ? "Information" : "Stop",
          title: String(dv.errorTitle ?? ""),
          message: String(dv.error ?? ""),
        },
        prompt: { showPrompt: dv.showInputMessage === true, title: String(dv.promptTitle ?? ""), message: String(dv.prompt ?? "") },
        ignoreBlanks: dv.allowBlank === true,
      });
    }

    // conditional formats (expression rules only)
    const cfs = ((ws as unknown as { conditionalFormattings?: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings ?? []) as ExcelJS.ConditionalFormattingOptions[];
    const entries: Array<{ priority: number; cf: CfEntry }> = [];
    let counter = 0;
    for (const cfo of cfs) {
      const areas = parseAreas(cfo.ref.replace(/\s+/g, ","));
      if (!areas) continue;
      for (const rule of cfo.rules) {
        if (rule.type !== "expression") continue;
        const formula = (rule as ExcelJS.ExpressionRuleType).formulae?.[0];
        if (typeof formula !== "string") continue;
        const style = (rule.style ?? {}) as Partial<ExcelJS.Style>;
        const fill = style.fill as { bgColor?: { argb?: string }; fgColor?: { argb?: string } } | undefined;
        const font = style.font;
        counter++;
        const format: CfEntry["format"] = {};
        const fillColor = hexOf(fill?.bgColor) ?? hexOf(fill?.fgColor);
        if (fillColor) format.fill = fillColor;
        const fontColor = hexOf(font?.color as { argb?: string } | undefined);
        if (fontColor) format.fontColor = fontColor;
        if (font?.bold) format.bold = true;
        if (font?.italic) format.italic = true;
        if (font?.strike) format.strikethrough = true;
        if (style.numFmt) format.numberFormat = style.numFmt;
        const rects = areas.map((a) => a.rect);
        entries.push({
          priority: rule.priority ?? counter,
          cf: { id: `{CF-file-${sheet.hfId}-${counter}}`, rects, anchor: { row: rects[0].r0, col: rects[0].c0 }, type: "Custom", formula: `=${formula}`, format, stopIfTrue: false },
        });
      }
    }
    sheet.condFormats = entries.sort((a, b) => a.priority - b.priority).map((e) => e.cf);

    // protection
    const sp = (ws as unknown as { sheetProtection?: Json }).sheetProtection;
    if (sp && sp.sheet) {
      const opts = { ...DEFAULT_PROTECTION_OPTIONS };
      opts.allowFormatCells = sp.formatCells === true;
      opts.allowFormatColumns = sp.formatColumns === true;
      opts.allowFormatRows = sp.formatRows === true;
      opts.allowInsertColumns = sp.insertColumns === true;
      opts.allowInsertRows = sp.insertRows === true;
      opts.allowInsertHyperlinks = sp.insertHyperlinks === true;
      opts.allowDeleteColumns = sp.deleteColumns === true;
      opts.allowDeleteRows = sp.deleteRows === true;
      opts.allowSort = sp.sort === true;
      opts.allowAutoFilter = sp.autoFilter === true;
      opts.allowPivotTables = sp.pivotTables === true;
      opts.allowEditObjects = sp.objects === false;
      opts.allowEditScenarios = sp.scenarios === false;
      opts.selectionMode = sp.selectUnlockedCells === false ? "None" : sp.selectLockedCells === false ? "Unlocked" : "Normal";
      const hash =
        typeof sp.hashValue === "string" && typeof sp.saltValue === "string"
          ? { algorithmName: String(sp.algorithmName ?? "SHA-512"), hashValue: sp.hashValue, saltValue: sp.saltValue, spinCount: Number(sp.spinCount ?? 100000) }
          : null;
      sheet.protection = { protected: true, options: opts, password: null, hash };
    }

    const breaks = ((ws as unknown as { rowBreaks?: { id?: number }[] }).rowBreaks ?? []).map((b) => Number(b.id)).filter((r) => Number.isInteger(r) && r > 0);
    sheet.pageBreaks = [...new Set(breaks)].sort((a, b) => a - b);

    // page setup
    const ps = (ws.pageSetup ?? {}) as Partial<ExcelJS.PageSetup> & Json;
    const pl = sheet.pageLayout;
    if (ps.orientation) pl.orientation = ps.orientation === "landscape" ? "Landscape" : "Portrait";
    if (typeof ps.paperSize === "number" && PAPER_SIZES[ps.paperSize - 1]) pl.paperSize = PAPER_SIZES[ps.paperSize - 1];
    const m = ps.margins as Partial<ExcelJS.Margins> | undefined;
    if (m) {
      if (typeof m.left === "number") pl.leftMargin = round2(m.left * 72);
      if (typeof m.right === "number") pl.rightMargin = round2(m.right * 72);
      if (typeof m.top === "number") pl.topMargin = round2(m.top * 72);
      if (typeof m.bottom === "number") pl.bottomMargin = round2(m.bottom * 72);
      if (typeof m.header === "number") pl.headerMargin = round2(m.header * 72);
      if (typeof m.footer === "number") pl.footerMargin = round2(m.footer * 72);
    }
    pl.centerHorizontally = ps.horizontalCentered === true;
    pl.centerVertically = ps.verticalCentered === true;
    pl.printGridlines = ps.showGridLines === true;
    pl.blackAndWhite = ps.blackAndWhite === true;
    pl.draftMode = ps.draft === true;
    if (ps.pageOrder === "overThenDown") pl.printOrder = "OverThenDown";
    if (typeof ps.firstPageNumber === "number") pl.firstPageNumber = ps.firstPageNumber;
    if (ps.fitToPage) pl.zoom = { horizontalFitToPages: Number(ps.fitToWidth ?? 1), verticalFitToPages: Number(ps.fitToHeight ?? 1) };
    else if (typeof ps.scale === "number") pl.zoom = { scale: ps.scale };
    if (typeof ps.printArea === "string" && ps.printArea) {
      const rects = ps.printArea.split("&&").map((a) => parseRef(a)?.rect).filter((r): r is Rect => !!r);
      if (rects.length > 0) pl.printArea = rects;
    }
    if (typeof ps.printTitlesRow === "string" && ps.printTitlesRow) {
      const p = parseRef(ps.printTitlesRow.includes(":") ? ps.printTitlesRow : `${ps.printTitlesRow}:${ps.printTitlesRow}`);
      if (p && isEntireRows(p.rect)) pl.printTitleRows = [p.rect.r0, p.rect.r1];
    }
    if (typeof ps.printTitlesColumn === "string" && ps.printTitlesColumn) {
      const p = parseRef(ps.printTitlesColumn);
      if (p && isEntireColumns(p.rect)) pl.printTitleColumns = [p.rect.c0, p.rect.c1];
    }

    // view
    const view = (ws.views?.[0] ?? {}) as Json;
    if (view.state === "frozen") sheet.freeze = { rows: Number(view.ySplit ?? 0), columns: Number(view.xSplit ?? 0) };
    if (view.showGridLines === false) sheet.showGridlines = false;
  }

  const activeTab = (wb.views?.[0] as { activeTab?: number } | undefined)?.activeTab ?? 0;
  model.activeSheet = model.sheets[activeTab] ?? model.sheets[0] ?? null;
  return model;
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

const unescapeXml = (s: string) => s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d))).replace(/&amp;/g, "&");

/**
 * The comments of workbook-scoped defined names (ECMA-376 §18.2.5 `definedName@comment`), which
 * ExcelJS does not read; Excel keeps them in the file, and `NamedItem.comment` gives them back.
 */
async function nameComments(bytes: Uint8Array): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const xml = await (await JSZip.loadAsync(bytes)).file("xl/workbook.xml")?.async("string");
  for (const m of (xml ?? "").matchAll(/<definedName\b([^>]*)>/g)) {
    const attrs = new Map([...m[1].matchAll(/([A-Za-z:]+)="([^"]*)"/g)].map((a) => [a[1], unescapeXml(a[2])]));
    const name = attrs.get("name");
    const comment = attrs.get("comment");
    if (name && comment && !attrs.has("localSheetId")) out.set(name, comment);
  }
  return out;
}
