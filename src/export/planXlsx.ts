/**
 * Sheet plans written to .xlsx bytes, without Excel: what the one applier (src/excel/apply.ts)
 * writes into a workbook through Office.js, written here into a new file through ExcelJS (loaded
 * with a dynamic import, as in memberFile.ts and listExports.ts, so the pane fetches it only when a
 * file is made). Used where the add-in makes a workbook of its own rather than writing into the
 * open one (next year's workbook, issue #12 point 4).
 *
 * Carried: values (text always as text), formulas (English names; the file asks Excel to compute
 * everything on open, `fullCalcOnLoad`), formats, merges, column widths, row heights, hidden
 * columns, data validation, conditional formats, unlocked cells and sheet protection, defined
 * names, print setup, page breaks, frozen panes, tab colours — and each sheet's region name, as the
 * applier records it (a workbook name over what the plan owns, its comment saying the write was
 * done and the fingerprint of what was written), so that the add-in, opening the file later,
 * updates its own sheets in place instead of keeping them aside as a user's.
 */
import type ExcelJS from "exceljs";
import { columnLetter, parseRange, quoteSheet, rangeAddress } from "../workbook/a1";
import type { CellFormat, PlanCell, SheetPlan, ValidationRule } from "../workbook/plan";
import { planRegion, regionName } from "../workbook/plan";
import { loadExcelJs } from "./listExports";

export interface PlanXlsxOptions {
  /**
   * The comment of each sheet's region name, as the applier writes it once a write is done
   * (src/excel/apply.ts `doneComment`: "Bình xét: vùng của trang, ghi lúc … #fingerprint"). The
   * caller passes it (this layer does not reach into excel/); without it no region names are written.
   */
  regionComment?: (plan: SheetPlan) => string;
  /** The sheet shown when the file opens (default: the first). */
  activate?: string;
}

/** Column width in .xlsx units from points (the width of "0" in Calibri 11 is 7 px; as src/host/xlsx.ts). */
const POINTS_PER_WIDTH_UNIT = 5.25;
/** Excel's default column width in points (8.43 characters of Calibri 11). */
const DEFAULT_COLUMN_POINTS = 48;
/** Excel's default font, written with every styled cell (a font element without them renders oddly). */
const DEFAULT_FONT = { name: "Calibri", size: 11 } as const;
const H: Record<string, ExcelJS.Alignment["horizontal"] | undefined> = { Left: "left", Center: "center", Right: "right", General: undefined };
const V: Record<string, ExcelJS.Alignment["vertical"] | undefined> = { Top: "top", Center: "middle", Bottom: "bottom" };
const argb = (hex: string) => `FF${hex.replace("#", "").toUpperCase()}`;

/** Every cell (0-based) of an A1 range on the plan's sheet. */
function* cellsOf(range: string): Generator<[number, number]> {
  const r = parseRange(range.slice(range.lastIndexOf("!") + 1));
  for (let i = 0; i < r.rowCount; i++) for (let j = 0; j < r.colCount; j++) yield [r.row + i, r.col + j];
}

/** ExcelJS wants explicit corners ("B2:B9"), a single cell as itself. */
function xlsxRange(range: string): string {
  const r = parseRange(range.slice(range.lastIndexOf("!") + 1));
  return rangeAddress(r.row, r.col, r.rowCount, r.colCount);
}

function cellValue(c: PlanCell): ExcelJS.CellValue | undefined {
  if (c === null || c === undefined || c === "") return undefined;
  if (typeof c === "object") return { formula: c.f.replace(/^=/, "") } as ExcelJS.CellFormulaValue;
  // A string is written as a string (never parsed): "=x", "001" and "TRUE" stay text.
  return c;
}

function validationOut(rule: ValidationRule): Record<string, unknown> {
  switch (rule.kind) {
    case "list":
      return { type: "list", formulae: [Array.isArray(rule.source) ? `"${rule.source.join(",")}"` : rule.source.range.replace(/^=/, "")] };
    case "whole":
    case "decimal":
      return { type: rule.kind, operator: "between", formulae: [rule.min, rule.max] };
    case "textLength":
      return { type: "textLength", operator: "between", formulae: [0, rule.max] };
    case "custom":
      return { type: "custom", formulae: [rule.formula.replace(/^=/, "")] };
  }
}

/** The style of a cell from the formats applied to it in order (later ones win, property by property), and its lock. */
function styleOf(f: CellFormat, unlocked: boolean): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {};
  const font: Partial<ExcelJS.Font> = { name: f.fontName ?? DEFAULT_FONT.name, size: f.fontSize ?? DEFAULT_FONT.size };
  if (f.bold) font.bold = true;
  if (f.italic) font.italic = true;
  if (f.fontColor) font.color = { argb: argb(f.fontColor) };
  style.font = font;
  if (f.fill) style.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(f.fill) } };
  if (f.numberFormat) style.numFmt = f.numberFormat;
  const alignment: Partial<ExcelJS.Alignment> = {};
  if (f.hAlign && H[f.hAlign]) alignment.horizontal = H[f.hAlign];
  if (f.vAlign && V[f.vAlign] && f.vAlign !== "Bottom") alignment.vertical = V[f.vAlign];
  if (f.wrap) alignment.wrapText = true;
  if (Object.keys(alignment).length) style.alignment = alignment;
  if (f.borders === "Continuous") {
    const thin = { style: "thin" as const, color: { argb: "FF000000" } };
    style.border = { top: thin, bottom: thin, left: thin, right: thin };
  }
  if (unlocked) style.protection = { locked: false };
  return style;
}

/** Writes one plan into a new worksheet. */
async function writeSheet(wb: ExcelJS.Workbook, plan: SheetPlan): Promise<void> {
  const ws = wb.addWorksheet(plan.name, {
    properties: plan.tabColor ? ({ tabColor: { argb: argb(plan.tabColor) } } as Partial<ExcelJS.WorksheetProperties>) : undefined,
    views: [plan.freeze && (plan.freeze.rows > 0 || plan.freeze.columns > 0) ? { state: "frozen", xSplit: plan.freeze.columns, ySplit: plan.freeze.rows } : { state: "normal" }],
  });

  // Values and formulas.
  for (const b of plan.blocks) {
    const at = parseRange(b.at);
    b.rows.forEach((row, i) =>
      row.forEach((c, j) => {
        const v = cellValue(c);
        const cell = ws.getCell(at.row + i + 1, at.col + j + 1);
        cell.value = v === undefined ? null : v;
      }),
    );
  }

  // Formats, applied in plan order as the applier does (a later range's property wins), and unlocked cells.
  const formats = new Map<string, CellFormat>();
  const key = (r: number, c: number) => `${r},${c}`;
  for (const f of plan.formats) {
    for (const [r, c] of cellsOf(f.range)) {
      const was = formats.get(key(r, c)) ?? {};
      formats.set(key(r, c), { ...was, ...f.format });
    }
  }
  const unlocked = new Set<string>();
  for (const u of plan.unlocked) for (const [r, c] of cellsOf(u)) unlocked.add(key(r, c));
  for (const k of new Set([...formats.keys(), ...unlocked])) {
    const [r, c] = k.split(",").map(Number);
    ws.getCell(r + 1, c + 1).style = styleOf(formats.get(k) ?? {}, unlocked.has(k));
  }

  for (const m of plan.merges) ws.mergeCells(xlsxRange(m));
  for (const w of plan.columnWidths) ws.getColumn(w.column).width = w.width / POINTS_PER_WIDTH_UNIT;
  for (const h of plan.rowHeights ?? []) ws.getRow(h.row).height = h.height;
  for (const c of plan.hiddenColumns ?? []) {
    const col = ws.getColumn(c);
    // A column written without a width would get ExcelJS' own (9), not Excel's default (8.43 characters, 48 points).
    if (!plan.columnWidths.some((w) => w.column === c)) col.width = DEFAULT_COLUMN_POINTS / POINTS_PER_WIDTH_UNIT;
    col.hidden = true;
  }

  const dvs = (ws as unknown as { dataValidations: { add(address: string, dv: Record<string, unknown>): void } }).dataValidations;
  for (const v of plan.validations) {
    dvs.add(xlsxRange(v.range), {
      ...validationOut(v.rule),
      allowBlank: true,
      showErrorMessage: true,
      errorStyle: "error",
      errorTitle: v.error.title,
      error: v.error.message,
      ...(v.prompt ? { showInputMessage: true, promptTitle: v.prompt.title, prompt: v.prompt.message } : {}),
    });
  }
  // Excel puts a conditional format just added first (top priority), as the applier adds them in plan order.
  const n = plan.conditionalFormats.length;
  plan.conditionalFormats.forEach((cf, i) => {
    const style: Partial<ExcelJS.Style> = {};
    const font: Partial<ExcelJS.Font> = {};
    if (cf.format.bold) font.bold = true;
    if (cf.format.fontColor) font.color = { argb: argb(cf.format.fontColor) };
    if (Object.keys(font).length) style.font = font;
    if (cf.format.fill) style.fill = { type: "pattern", pattern: "solid", bgColor: { argb: argb(cf.format.fill) } };
    ws.addConditionalFormatting({
      ref: cf.range.split(",").map(xlsxRange).join(" "),
      rules: [{ type: "expression", priority: n - i, formulae: [cf.formula.replace(/^=/, "")], style }],
    });
  });

  if (plan.print) {
    const ps: Partial<ExcelJS.PageSetup> = { orientation: plan.print.orientation === "Landscape" ? "landscape" : "portrait", paperSize: 9 };
    if (plan.print.titleRows) ps.printTitlesRow = plan.print.titleRows.replace(/\$/g, "");
    if (plan.print.fitToWidth) Object.assign(ps, { fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    if (plan.print.margins) {
      const m = plan.print.margins;
      ps.margins = { top: m.top / 72, bottom: m.bottom / 72, left: m.left / 72, right: m.right / 72, header: 0.3, footer: 0.3 };
    }
    ws.pageSetup = { ...ws.pageSetup, ...ps };
  }
  // A break before 0-based row r is a break after 1-based row r.
  for (const r of plan.pageBreaks ?? []) if (r > 0) ws.getRow(r).addPageBreak();

  if (plan.protection) {
    // What the applier allows on a protected sheet (apply.ts PROTECTION): formatting rows and columns, filtering.
    await ws.protect(plan.protection.password ?? "", { formatColumns: true, formatRows: true, autoFilter: true, spinCount: 10_000 });
  }
}

interface NameOut {
  name: string;
  ranges: string[];
  comment?: string;
}

/** XML attribute text. */
const attr = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * Writes the plans as a new workbook, one sheet each in order, with their names and region names.
 * The bytes of an .xlsx file.
 */
export async function planXlsx(plans: SheetPlan[], opts: PlanXlsxOptions = {}): Promise<Uint8Array> {
  const Excel = await loadExcelJs();
  const wb = new Excel.Workbook();
  // Formulas carry no cached result: Excel (and LibreOffice, when set to) computes them on open.
  wb.calcProperties = { fullCalcOnLoad: true };
  const active = Math.max(0, plans.findIndex((p) => p.name === opts.activate));
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: active, visibility: "visible" }];
  for (const plan of plans) await writeSheet(wb, plan);

  const names: NameOut[] = [];
  for (const plan of plans) {
    const on = (range: string) => `${quoteSheet(plan.name)}!${range}`;
    for (const n of plan.names) names.push({ name: n.name, ranges: [on(n.range)], comment: n.comment });
    if (opts.regionComment) {
      const r = planRegion(plan);
      names.push({ name: regionName(plan), ranges: [on(`$${columnLetter(r.col)}$${r.row + 1}:$${columnLetter(r.col + r.colCount - 1)}$${r.row + r.rowCount}`)], comment: opts.regionComment(plan) });
    }
  }
  // Written as their formulas (ExcelJS' own model only knows plain cell ranges; as src/host/xlsx.ts does).
  Object.defineProperty(wb.definedNames as unknown as Record<string, unknown>, "model", { configurable: true, get: () => names.map(({ name, ranges }) => ({ name, ranges })), set: () => undefined });
  const buf: unknown = await wb.xlsx.writeBuffer();
  const bytes = buf instanceof Uint8Array ? new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength).slice() : new Uint8Array(buf as ArrayBuffer);
  return withNameComments(bytes, names);
}

/**
 * ExcelJS writes no comment on a defined name (ECMA-376 §18.2.5 `definedName@comment`): the
 * comments are put into xl/workbook.xml afterwards.
 */
async function withNameComments(bytes: Uint8Array, names: NameOut[]): Promise<Uint8Array> {
  const commented = names.filter((n) => n.comment);
  if (!commented.length) return bytes;
  const mod = (await import("jszip")) as unknown as { default?: typeof import("jszip") } & typeof import("jszip");
  const JSZip = mod.default ?? mod;
  const zip = await JSZip.loadAsync(bytes);
  const path = "xl/workbook.xml";
  let xml = await zip.file(path)!.async("string");
  const byName = new Map(commented.map((n) => [n.name, n.comment as string]));
  xml = xml.replace(/<definedName name="([^"]*)"/g, (m, name: string) => {
    const c = byName.get(name.replace(/&amp;/g, "&"));
    return c === undefined ? m : `${m} comment="${attr(c)}"`;
  });
  zip.file(path, xml);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
