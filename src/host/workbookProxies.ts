/** Excel.Workbook, Application, WorksheetCollection and Worksheet. */
import { MAX_COLS, MAX_ROWS, rect } from "./addresses";
import { normalizeColor } from "./colors";
import { invalidArgument, itemNotFound } from "./errors";
import {
  NamedItemCollectionProxy,
  PageBreakCollectionProxy,
  PageLayoutProxy,
  WorksheetFreezePanesProxy,
  WorksheetProtectionProxy,
} from "./featureProxies";
import type { WorkbookModel } from "./model";
import { ClientResultImpl, CollectionProxy, ProxyBase, type ProxyLike, RequestContextImpl, defineProps } from "./proxy";
import { RangeProxy, type Resolver, resolveAddress } from "./rangeProxies";
import type { SheetModel } from "./sheet";

export class WorkbookProxy extends ProxyBase<WorkbookModel> {
  readonly _typeName = "Workbook";
  static override navs = ["worksheets", "names", "application"];

  get worksheets(): WorksheetCollectionProxy {
    return this._child("worksheets", () => new WorksheetCollectionProxy(this._ctx, "workbook.worksheets", (m) => m));
  }

  get names(): NamedItemCollectionProxy {
    return this._child("names", () => new NamedItemCollectionProxy(this._ctx, "workbook.names", (m) => m));
  }

  get application(): ApplicationProxy {
    return this._child("application", () => new ApplicationProxy(this._ctx, "workbook.application", (m) => m));
  }

  getSelectedRange(): RangeProxy {
    return new RangeProxy(this._ctx, "workbook.getSelectedRange()", (m) => {
      if (m.selection && !m.selection.sheet.deleted) return { sheet: m.selection.sheet, rect: { ...m.selection.rect } };
      const sheet = m.activeSheet ?? m.sheets[0];
      if (!sheet) throw itemNotFound("Workbook.getSelectedRange");
      return { sheet, rect: rect(0, 0) };
    });
  }

  getActiveCell(): RangeProxy {
    this._ctx._requireApi("ExcelApi", "1.7", "Workbook.getActiveCell");
    return new RangeProxy(this._ctx, "workbook.getActiveCell()", (m) => {
      if (m.selection && !m.selection.sheet.deleted) return { sheet: m.selection.sheet, rect: rect(m.selection.rect.r0, m.selection.rect.c0) };
      const sheet = m.activeSheet ?? m.sheets[0];
      if (!sheet) throw itemNotFound("Workbook.getActiveCell");
      return { sheet, rect: rect(0, 0) };
    });
  }
}

defineProps<WorkbookModel>(WorkbookProxy, {
  name: { get: () => "Book1", api: ["ExcelApi", "1.7"] },
  readOnly: { get: () => false, api: ["ExcelApi", "1.8"] },
});

RequestContextImpl.workbookFactory = (ctx) => new WorkbookProxy(ctx, "workbook", (m) => m);

export class ApplicationProxy extends ProxyBase<WorkbookModel> {
  readonly _typeName = "Application";

  calculate(calculationType?: string): void {
    this._call("calculate", [calculationType ?? "Full"], (_t, m, loc) => {
      if (calculationType !== undefined && !["Recalculate", "Full", "FullRebuild"].includes(calculationType)) throw invalidArgument(loc);
      if (calculationType === "FullRebuild") m.hf.rebuildAndRecalculate();
    }, false);
  }

  /** Accepted and ignored: HyperFormula recalculates as it goes, which is what Excel shows after the sync anyway. */
  suspendApiCalculationUntilNextSync(): void {
    this._ctx._requireApi("ExcelApi", "1.6", "Application.suspendApiCalculationUntilNextSync");
    this._call("suspendApiCalculationUntilNextSync", [], () => undefined, false);
  }

  suspendScreenUpdatingUntilNextSync(): void {
    this._call("suspendScreenUpdatingUntilNextSync", [], () => undefined, false);
  }
}

defineProps<WorkbookModel>(ApplicationProxy, {
  calculationMode: {
    get: (m) => m.calculationMode,
    set: (m, _m2, v, loc) => {
      if (v !== "Automatic" && v !== "AutomaticExceptTables" && v !== "Manual") throw invalidArgument(loc);
      m.calculationMode = v;
    },
  },
});

export class WorksheetCollectionProxy extends CollectionProxy<WorkbookModel, SheetModel> {
  readonly _typeName = "WorksheetCollection";

  protected _enumerate(t: WorkbookModel): SheetModel[] {
    return [...t.sheets];
  }

  protected _makeItem(target: SheetModel): ProxyLike {
    return new WorksheetProxy(this._ctx, `workbook.worksheets[${JSON.stringify(target.name)}]`, () => target);
  }

  add(name?: string): WorksheetProxy {
    const slot: { sheet?: SheetModel } = {};
    this._call("add", [name ?? null], (t, _m, loc) => {
      slot.sheet = t.addSheet(name, loc);
    });
    return new WorksheetProxy(this._ctx, `workbook.worksheets.add(${JSON.stringify(name ?? null)})`, () => {
      if (!slot.sheet) throw itemNotFound("WorksheetCollection.add");
      return slot.sheet;
    });
  }

  getItem(key: string): WorksheetProxy {
    return new WorksheetProxy(this._ctx, `workbook.worksheets.getItem(${JSON.stringify(key)})`, (m) => {
      const s = m.sheetByName(key) ?? m.sheets.find((x) => x.id === key);
      if (!s) throw itemNotFound("WorksheetCollection.getItem", `The worksheet "${key}" doesn't exist.`);
      return s;
    });
  }

  getItemOrNullObject(key: string): WorksheetProxy {
    this._ctx._requireApi("ExcelApi", "1.4", "WorksheetCollection.getItemOrNullObject");
    const p = new WorksheetProxy(
      this._ctx,
      `workbook.worksheets.getItemOrNullObject(${JSON.stringify(key)})`,
      (m) => m.sheetByName(key) ?? m.sheets.find((x) => x.id === key) ?? null,
      true,
    );
    p._instantiate();
    return p;
  }

  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this._ctx, "workbook.worksheets.getActiveWorksheet()", (m) => {
      const s = m.activeSheet ?? m.sheets[0];
      if (!s) throw itemNotFound("WorksheetCollection.getActiveWorksheet");
      return s;
    });
  }

  getCount(visibleOnly = false): ClientResultImpl<number> {
    this._ctx._requireApi("ExcelApi", "1.4", "WorksheetCollection.getCount");
    return this._result("getCount", [visibleOnly], (t) => t.sheets.filter((s) => !visibleOnly || s.visibility === "Visible").length);
  }

  getFirst(visibleOnly = false): WorksheetProxy {
    this._ctx._requireApi("ExcelApi", "1.5", "WorksheetCollection.getFirst");
    return new WorksheetProxy(this._ctx, `workbook.worksheets.getFirst(${visibleOnly})`, (m) => {
      const s = m.sheets.find((x) => !visibleOnly || x.visibility === "Visible");
      if (!s) throw itemNotFound("WorksheetCollection.getFirst");
      return s;
    });
  }

  getLast(visibleOnly = false): WorksheetProxy {
    this._ctx._requireApi("ExcelApi", "1.5", "WorksheetCollection.getLast");
    return new WorksheetProxy(this._ctx, `workbook.worksheets.getLast(${visibleOnly})`, (m) => {
      const s = [...m.sheets].reverse().find((x) => !visibleOnly || x.visibility === "Visible");
      if (!s) throw itemNotFound("WorksheetCollection.getLast");
      return s;
    });
  }
}

export class WorksheetProxy extends ProxyBase<SheetModel> {
  readonly _typeName = "Worksheet";
  static override navs = ["protection", "freezePanes", "pageLayout", "horizontalPageBreaks"];

  constructor(ctx: RequestContextImpl, path: string, resolver: Resolver<SheetModel>, nullable = false) {
    super(ctx, path, resolver, nullable);
  }

  protected override _alive(t: SheetModel): boolean {
    return !t.deleted;
  }

  get protection(): WorksheetProtectionProxy {
    this._ctx._requireApi("ExcelApi", "1.2", "Worksheet.protection");
    return this._child("protection", () => new WorksheetProtectionProxy(this._ctx, `${this._path}.protection`, (m) => this._target(m)));
  }

  get freezePanes(): WorksheetFreezePanesProxy {
    this._ctx._requireApi("ExcelApi", "1.7", "Worksheet.freezePanes");
    return this._child("freezePanes", () => new WorksheetFreezePanesProxy(this._ctx, `${this._path}.freezePanes`, (m) => this._target(m)));
  }

  get pageLayout(): PageLayoutProxy {
    this._ctx._requireApi("ExcelApi", "1.9", "Worksheet.pageLayout");
    return this._child("pageLayout", () => new PageLayoutProxy(this._ctx, `${this._path}.pageLayout`, (m) => this._target(m)));
  }

  get horizontalPageBreaks(): PageBreakCollectionProxy {
    this._ctx._requireApi("ExcelApi", "1.9", "Worksheet.horizontalPageBreaks");
    return this._child("horizontalPageBreaks", () => new PageBreakCollectionProxy(this._ctx, `${this._path}.horizontalPageBreaks`, (m) => this._target(m)));
  }

  activate(): void {
    this._call("activate", [], (t, m, loc) => {
      if (t.visibility !== "Visible") throw invalidArgument(loc, "A hidden worksheet can't be activated.");
      m.activeSheet = t;
      m.selection = { sheet: t, rect: rect(0, 0) };
    }, false);
  }

  delete(): void {
    this._call("delete", [], (t, m, loc) => m.deleteSheet(t, loc));
  }

  calculate(markAllDirty = false): void {
    this._call("calculate", [markAllDirty], () => undefined, false);
  }

  getRange(address?: string): RangeProxy {
    return new RangeProxy(this._ctx, `${this._path}.getRange(${JSON.stringify(address ?? "")})`, (m) => {
      const t = this._target(m);
      if (!t) return null;
      return { sheet: t, rect: resolveAddress(m, t, address, "Worksheet.getRange") };
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeProxy {
    this._ctx._requireApi("ExcelApi", "1.7", "Worksheet.getRangeByIndexes");
    return new RangeProxy(this._ctx, `${this._path}.getRangeByIndexes(${startRow},${startColumn},${rowCount},${columnCount})`, (m) => {
      const t = this._target(m);
      if (!t) return null;
      const ok = [startRow, startColumn, rowCount, columnCount].every((n) => Number.isInteger(n));
      if (!ok || startRow < 0 || startColumn < 0 || rowCount < 1 || columnCount < 1 || startRow + rowCount > MAX_ROWS || startColumn + columnCount > MAX_COLS) {
        throw invalidArgument("Worksheet.getRangeByIndexes");
      }
      return { sheet: t, rect: rect(startRow, startColumn, startRow + rowCount - 1, startColumn + columnCount - 1) };
    });
  }

  getCell(row: number, column: number): RangeProxy {
    return new RangeProxy(this._ctx, `${this._path}.getCell(${row},${column})`, (m) => {
      const t = this._target(m);
      if (!t) return null;
      if (!Number.isInteger(row) || !Number.isInteger(column) || row < 0 || column < 0 || row >= MAX_ROWS || column >= MAX_COLS) throw invalidArgument("Worksheet.getCell");
      return { sheet: t, rect: rect(row, column) };
    });
  }

  /** The used range; the top-left cell when the sheet is blank (it doesn't throw). */
  getUsedRange(valuesOnly = false): RangeProxy {
    return new RangeProxy(this._ctx, `${this._path}.getUsedRange(${valuesOnly})`, (m) => {
      const t = this._target(m);
      if (!t) return null;
      return { sheet: t, rect: m.usedRect(t, valuesOnly) ?? rect(0, 0) };
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    this._ctx._requireApi("ExcelApi", "1.4", "Worksheet.getUsedRangeOrNullObject");
    const p = new RangeProxy(
      this._ctx,
      `${this._path}.getUsedRangeOrNullObject(${valuesOnly})`,
      (m) => {
        const t = this._target(m);
        if (!t) return null;
        const r = m.usedRect(t, valuesOnly);
        return r ? { sheet: t, rect: r } : null;
      },
      true,
    );
    p._instantiate();
    return p;
  }
}

defineProps<SheetModel>(WorksheetProxy, {
  name: { get: (t) => t.name, set: (t, m, v, loc) => m.renameSheet(t, v as string, loc) },
  id: { get: (t) => t.id },
  position: { get: (t, m) => m.position(t), set: (t, m, v, loc) => m.moveSheet(t, v as number, loc) },
  visibility: { get: (t) => t.visibility, set: (t, m, v, loc) => m.setVisibility(t, v as string, loc) },
  tabColor: {
    get: (t) => t.tabColor,
    set: (t, _m, v, loc) => {
      t.tabColor = v === null || v === "" ? "" : normalizeColor(v, loc);
    },
    api: ["ExcelApi", "1.7"],
  },
  showGridlines: {
    get: (t) => t.showGridlines,
    set: (t, _m, v, loc) => {
      if (typeof v !== "boolean") throw invalidArgument(loc);
      t.showGridlines = v;
    },
    api: ["ExcelApi", "1.8"],
  },
  standardWidth: {
    get: (t) => Math.round(((t.defaultColWidth / 0.75 - 5) / 7) * 100) / 100,
    set: (t, _m, v, loc) => {
      if (typeof v !== "number" || v <= 0 || v > 255) throw invalidArgument(loc);
      t.defaultColWidth = (v * 7 + 5) * 0.75;
    },
    api: ["ExcelApi", "1.7"],
  },
  standardHeight: { get: (t) => t.defaultRowHeight, api: ["ExcelApi", "1.7"] },
});
