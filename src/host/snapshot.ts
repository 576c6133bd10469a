/** Plain-data views of the workbook for grid views and tests. */
import { type Rect, cellAddress, colToLetters, formatRect, intersect } from "./addresses";
import { fromHf } from "./formulas";
import type { WorkbookModel } from "./model";
import { formatValue } from "./numberFormat";
import type { SheetModel } from "./sheet";
import { type CellFormatSnapshot, type CellSnapshot, type CfFormat, DEFAULT_FORMAT, type FormatKey, type FormatProps, type Scalar, type SheetSnapshot, type WorkbookSnapshot } from "./types";
import { invalidCells, listItems } from "./validation";

export interface SnapshotOptions {
  /** Evaluate conditional formats and report each cell's overlay (costs a formula evaluation per cell). */
  conditionalFormats?: boolean;
}

const SNAPSHOT_CELL_LIMIT = 250_000;

export function formatSnapshot(f: FormatProps): CellFormatSnapshot {
  return {
    bold: f.bold,
    italic: f.italic,
    underline: f.underline,
    strikethrough: f.strikethrough,
    fontColor: f.fontColor,
    fontSize: f.fontSize,
    fontName: f.fontName,
    fill: f.fill,
    hAlign: f.hAlign,
    vAlign: f.vAlign,
    wrap: f.wrap,
    numberFormat: f.numberFormat,
    borders: { top: f.borderTop, bottom: f.borderBottom, left: f.borderLeft, right: f.borderRight },
  };
}

function isDefault(f: FormatProps): boolean {
  for (const k of Object.keys(DEFAULT_FORMAT) as FormatKey[]) {
    const a = f[k];
    const b = DEFAULT_FORMAT[k];
    if (a !== b && JSON.stringify(a) !== JSON.stringify(b)) return false;
  }
  return true;
}

function cfOverlay(model: WorkbookModel, sheet: SheetModel, area: Rect): Map<string, CfFormat> {
  const out = new Map<string, CfFormat>();
  const stopped = new Set<string>();
  for (const cf of sheet.condFormats) {
    if (!cf.formula) continue;
    for (const r of cf.rects) {
      const i = intersect(r, area);
      if (!i) continue;
      for (let row = i.r0; row <= i.r1; row++) {
        for (let col = i.c0; col <= i.c1; col++) {
          const k = `${row},${col}`;
          if (stopped.has(k)) continue;
          let v: Scalar | Scalar[][];
          try {
            v = model.evaluateAt(sheet, cf.formula, cf.anchor, row, col);
          } catch {
            continue;
          }
          const x = Array.isArray(v) ? v[0]?.[0] : v;
          const hit = x === true || (typeof x === "number" && x !== 0);
          if (!hit) continue;
          // Higher priority formats come first and win.
          const cur = out.get(k) ?? {};
          const merged: CfFormat = { ...cf.format, ...cur };
          out.set(k, merged);
          if (cf.stopIfTrue) stopped.add(k);
        }
      }
    }
  }
  return out;
}

export function sheetSnapshot(model: WorkbookModel, sheet: SheetModel, options: SnapshotOptions = {}): SheetSnapshot {
  const used = model.usedRect(sheet, false);
  const cells: CellSnapshot[] = [];
  if (used && (used.r1 - used.r0 + 1) * (used.c1 - used.c0 + 1) <= SNAPSHOT_CELL_LIMIT) {
    const values = model.values(sheet, used);
    const formulas = model.hf.getRangeFormulas({ start: { sheet: sheet.hfId, row: used.r0, col: used.c0 }, end: { sheet: sheet.hfId, row: used.r1, col: used.c1 } });
    const invalid = new Set(invalidCells(model, sheet).map(([r, c]) => `${r},${c}`));
    const overlay = options.conditionalFormats ? cfOverlay(model, sheet, used) : new Map<string, CfFormat>();
    for (let i = 0; i < values.length; i++) {
      for (let j = 0; j < values[i].length; j++) {
        const row = used.r0 + i;
        const col = used.c0 + j;
        const value = values[i][j];
        const f = sheet.format(row, col);
        const formula = formulas[i]?.[j];
        if (value === "" && formula === undefined && isDefault(f)) continue;
        const cell: CellSnapshot = {
          address: cellAddress(row, col),
          row,
          col,
          value,
          formula: typeof formula === "string" ? fromHf(formula) : null,
          text: formatValue(value, f.numberFormat),
          format: formatSnapshot(f),
          locked: f.locked,
        };
        const k = `${row},${col}`;
        const o = overlay.get(k);
        if (o) cell.conditional = o;
        if (invalid.has(k)) cell.invalid = true;
        cells.push(cell);
      }
    }
  }
  const columnWidths: Record<string, number> = {};
  for (const [c, w] of [...sheet.colWidths.entries()].sort((a, b) => a[0] - b[0])) columnWidths[colToLetters(c)] = w;
  const rowHeights: Record<number, number> = {};
  for (const [r, h] of [...sheet.rowHeights.entries()].sort((a, b) => a[0] - b[0])) rowHeights[r + 1] = h;
  return {
    name: sheet.name,
    position: model.position(sheet),
    visibility: sheet.visibility,
    usedRange: used ? formatRect(used) : null,
    cells,
    merges: sheet.merges.map((m) => formatRect(m)),
    columnWidths,
    rowHeights,
    defaultColumnWidth: sheet.defaultColWidth,
    defaultRowHeight: sheet.defaultRowHeight,
    hiddenRows: [...sheet.hiddenRows].sort((a, b) => a - b).map((r) => r + 1),
    hiddenColumns: [...sheet.hiddenCols].sort((a, b) => a - b).map((c) => colToLetters(c)),
    protected: sheet.protection.protected,
    tabColor: sheet.tabColor,
    showGridlines: sheet.showGridlines,
    freeze: { ...sheet.freeze },
    validations: sheet.validations.flatMap((v) =>
      v.rects.map((r) => {
        const out: SheetSnapshot["validations"][number] = { range: formatRect(r), type: v.rule?.type ?? "None", prompt: { ...v.prompt }, errorAlert: { ...v.errorAlert } };
        if (v.rule?.type === "List") {
          try {
            out.listItems = listItems(model, sheet, v.rule, v.anchor);
          } catch {
            out.listItems = [];
          }
        }
        return out;
      }),
    ),
  };
}

export function workbookSnapshot(model: WorkbookModel, options: SnapshotOptions = {}): WorkbookSnapshot {
  return {
    sheets: model.sheets.map((s) => sheetSnapshot(model, s, options)),
    names: [...model.names.values()].map((n) => ({ name: n.name, formula: model.nameFormula(n.name), comment: n.comment, visible: n.visible })),
    activeSheet: model.activeSheet?.name ?? null,
    selection: model.selection ? { sheet: model.selection.sheet.name, address: formatRect(model.selection.rect) } : null,
  };
}
