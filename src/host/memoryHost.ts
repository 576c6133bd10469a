/**
 * MemoryHost: an in-memory Excel for tests, the browser preview and the headless runner.
 * `run()` behaves like `Excel.run` (a batch, its syncs, a final sync); the other members let
 * tests and the preview look inside and act like a person at the grid would.
 */
import { type Rect, cellAddress, formatRect, parseRef, rect } from "./addresses";
import { ErrorCodes, HostError, invalidArgument, itemNotFound } from "./errors";
import { toApiRule } from "./featureProxies";
import { STRICT_BY_DEFAULT, WorkbookModel } from "./model";
import { type HostBackend, type HostStats, RequestContextImpl } from "./proxy";
import type { SheetModel } from "./sheet";
import { type SnapshotOptions, formatSnapshot, workbookSnapshot } from "./snapshot";
import type { CellFormatSnapshot, CfFormat, ErrorAlert, Prompt, ProtectionOptions, Scalar, WorkbookSnapshot } from "./types";
import { invalidCells, isValueValid } from "./validation";
import { readXlsx, writeXlsx } from "./xlsx";
// Registers the workbook proxy factory on RequestContextImpl.
import "./workbookProxies";

/**
 * Who plays the client half of `run()`: by default the host's own proxies; in Node, Microsoft's
 * office.js client library (see officejs/node.ts), whose requests the host then executes.
 */
export interface HostClient {
  readonly name: string;
  run<T>(host: MemoryHost, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

export interface MemoryHostOptions {
  /** The client half (default: MemoryHost.defaultClient, else the host's own proxies). */
  client?: HostClient | null;
  /** Requirement sets and their versions, e.g. { ExcelApi: "1.12" }. Default: { ExcelApi: "1.17" }. */
  apiSets?: Record<string, string>;
  /** Request payload limit per sync (Excel on the web: 5 MB). */
  requestLimitBytes?: number;
  /** Response payload limit per sync (Excel on the web: 5 MB). */
  responseLimitBytes?: number;
  /**
   * Excel's stricter rules (default: STRICT_BY_DEFAULT in model.ts): references bound when a formula is entered,
   * 255-character inline list sources, no freeze panes on hidden sheets, documented zoom options only, no
   * formatting on a protected sheet without allowFormatCells. Readable as `host.model.strict`.
   */
  strict?: boolean;
}

export interface CellInfo {
  value: Scalar | null;
  formula: string | null;
  format: CellFormatSnapshot;
  locked: boolean;
}

export interface ValidationInfo {
  /** The rectangle of the stored rule that covers the cell, "B4:B20". */
  range: string;
  type: string;
  /** Excel's DataValidationRule shape ({ list: {...} }, { wholeNumber: {...} }, ...), or {} for "Any value". */
  rule: Record<string, unknown>;
  errorAlert: ErrorAlert;
  prompt: Prompt;
  ignoreBlanks: boolean;
}

export interface ConditionalFormatInfo {
  range: string;
  formula: string;
  format: CfFormat;
  priority: number;
  stopIfTrue: boolean;
}

export interface PageLayoutInfo {
  orientation: string;
  paperSize: string;
  printArea?: string;
  printTitleRows?: string;
  printTitleColumns?: string;
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  centerHorizontally: boolean;
  centerVertically: boolean;
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  /** Pages wide when fitting to pages (zoom.horizontalFitToPages). */
  fitToWidth?: number;
  fitToHeight?: number;
}

const DEFAULT_API_SETS: Record<string, string> = { ExcelApi: "1.17" };
const FIVE_MB = 5 * 1024 * 1024;

function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map((x) => Number(x) || 0);
  const pb = b.split(".").map((x) => Number(x) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Whether `sets` ({ ExcelApi: "1.12" }) include `name` at `version` or later (unknown sets are unsupported). */
export function setSupported(sets: Readonly<Record<string, string>>, name: string, version: string): boolean {
  const have = sets[name];
  if (have === undefined) return false;
  return compareVersions(have, version ?? "1.1") >= 0;
}

export class MemoryHost implements HostBackend {
  readonly model: WorkbookModel;
  readonly stats: HostStats = { syncs: 0, runs: 0, requestBytes: 0, lastRequestBytes: 0, maxRequestBytes: 0, responseBytes: 0, maxResponseBytes: 0, cleanupRequests: 0 };
  readonly requestLimitBytes: number;
  readonly responseLimitBytes: number;
  /** The requirement sets this host reports (a copy; see isSetSupported). */
  readonly apiSets: Readonly<Record<string, string>>;
  private failure: { atSync: number; error: { code: string; message: string } } | null = null;
  private interleaved: { atSync: number; act: () => void | Promise<void> }[] = [];
  private readonly listeners = new Set<() => void>();
  /** The client every new host uses unless told otherwise (null: the host's own proxies). */
  static defaultClient: HostClient | null = null;
  readonly client: HostClient | null;

  constructor(options: MemoryHostOptions = {}, model?: WorkbookModel) {
    this.client = options.client === undefined ? MemoryHost.defaultClient : options.client;
    this.apiSets = { ...(options.apiSets ?? DEFAULT_API_SETS) };
    this.requestLimitBytes = options.requestLimitBytes ?? FIVE_MB;
    this.responseLimitBytes = options.responseLimitBytes ?? FIVE_MB;
    this.model = model ?? new WorkbookModel();
    this.model.strict = options.strict ?? STRICT_BY_DEFAULT;
    if (!model) this.model.addSheet("Sheet1");
  }

  // ------------------------------------------------------------ the ExcelHost interface

  /** Like Excel.run: runs the batch with a fresh context, then syncs what is still queued. */
  async run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    this.stats.runs++;
    if (this.client) return this.client.run(this, batch);
    const ctx = new RequestContextImpl(this);
    try {
      const result = await batch(ctx as unknown as Excel.RequestContext);
      await ctx.sync();
      return result;
    } finally {
      ctx._closed = true;
    }
  }

  /** Compares a dotted version against the configured requirement sets (unknown sets are unsupported). */
  isSetSupported(name: string, version: string): boolean {
    return setSupported(this.apiSets, name, version);
  }

  // ------------------------------------------------------------ test and reliability controls

  /** Zeroes the counters (a pending failAtSync keeps its place: it still hits the same upcoming sync). */
  resetStats(): void {
    if (this.failure) this.failure = { ...this.failure, atSync: this.failure.atSync - this.stats.syncs };
    this.interleaved = this.interleaved.map((x) => ({ ...x, atSync: x.atSync - this.stats.syncs }));
    Object.assign(this.stats, { syncs: 0, runs: 0, requestBytes: 0, lastRequestBytes: 0, maxRequestBytes: 0, responseBytes: 0, maxResponseBytes: 0, cleanupRequests: 0 });
  }

  /** The n-th sync from now (1 = the next one that sends a request) fails and applies nothing of its batch. */
  failAtSync(n: number, error?: { code: string; message: string }): void {
    if (!Number.isInteger(n) || n < 1) throw new RangeError("failAtSync expects a positive integer");
    this.failure = {
      atSync: this.stats.syncs + n,
      error: error ?? { code: ErrorCodes.generalException, message: "There was an internal error while processing the request." },
    };
  }

  /**
   * Another person's edit landing just before the n-th sync from now (1 = the next) runs, as a
   * co-author's change reaches the workbook between an add-in's read and its write. `act` uses the
   * user actions (userEdit, userRenameSheet, …).
   */
  beforeSync(n: number, act: () => void | Promise<void>): void {
    if (!Number.isInteger(n) || n < 1) throw new RangeError("beforeSync expects a positive integer");
    this.interleaved.push({ atSync: this.stats.syncs + n, act });
  }

  /**
   * Called by each sync before it is counted: runs the edits due before it (an act may itself run
   * another person's whole action through `run`: the syncs it costs count too).
   */
  async runDue(): Promise<void> {
    const next = this.stats.syncs + 1;
    const due = this.interleaved.filter((x) => x.atSync === next);
    if (!due.length) return;
    this.interleaved = this.interleaved.filter((x) => x.atSync !== next);
    for (const x of due) await x.act();
  }

  /** Called by each sync once counted: the injected failure for this sync, if any. */
  takeFailure(): { code: string; message: string } | null {
    if (this.failure && this.stats.syncs === this.failure.atSync) {
      const e = this.failure.error;
      this.failure = null;
      return e;
    }
    return null;
  }

  /** Called after each sync that changed the workbook and after each user action. Returns an unsubscribe function. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  notifyChange(): void {
    for (const l of [...this.listeners]) {
      try {
        l();
      } catch (e) {
        // A failing listener must not fail the sync that notified it: report it on its own.
        const report = (globalThis as { reportError?: (e: unknown) => void }).reportError;
        if (report) report(e);
        else console.error(e);
      }
    }
  }

  // ------------------------------------------------------------ inspection

  private sheet(name: string): SheetModel {
    const s = this.model.sheetByName(name);
    if (!s) throw itemNotFound("MemoryHost", `The worksheet "${name}" doesn't exist.`);
    return s;
  }

  private rangeOf(sheet: SheetModel, address: string): Rect {
    const p = parseRef(address);
    if (!p) {
      const n = this.model.findName(address);
      const r = n ? this.model.nameRange(n) : null;
      if (r && r.sheet === sheet) return r.rect;
      throw invalidArgument("MemoryHost", `Invalid address ${JSON.stringify(address)}.`);
    }
    return p.rect;
  }

  sheetNames(): string[] {
    return this.model.sheets.map((s) => s.name);
  }

  cell(sheet: string, address: string): CellInfo {
    const s = this.sheet(sheet);
    const r = this.rangeOf(s, address);
    const value = this.model.cellValue(s, r.r0, r.c0);
    const f = s.format(r.r0, r.c0);
    return { value: value === "" && this.model.isEmpty(s, r.r0, r.c0) ? null : value, formula: this.model.cellFormula(s, r.r0, r.c0), format: formatSnapshot(f), locked: f.locked };
  }

  values(sheet: string, range: string): Scalar[][] {
    const s = this.sheet(sheet);
    return this.model.values(s, this.rangeOf(s, range));
  }

  formulas(sheet: string, range: string): Scalar[][] {
    const s = this.sheet(sheet);
    return this.model.formulas(s, this.rangeOf(s, range));
  }

  text(sheet: string, range: string): string[][] {
    const s = this.sheet(sheet);
    return this.model.text(s, this.rangeOf(s, range));
  }

  usedRange(sheet: string, valuesOnly = false): string | null {
    const r = this.model.usedRect(this.sheet(sheet), valuesOnly);
    return r ? formatRect(r) : null;
  }

  snapshot(options?: SnapshotOptions): WorkbookSnapshot {
    return workbookSnapshot(this.model, options);
  }

  names(): { name: string; formula: string; comment: string }[] {
    return [...this.model.names.values()].map((n) => ({ name: n.name, formula: this.model.nameFormula(n.name), comment: n.comment }));
  }

  invalidCells(sheet: string): string[] {
    const s = this.sheet(sheet);
    return invalidCells(this.model, s).map(([r, c]) => cellAddress(r, c));
  }

  validation(sheet: string, address: string): ValidationInfo | null {
    const s = this.sheet(sheet);
    const r = this.rangeOf(s, address);
    for (const e of s.validations) {
      const hit = e.rects.find((x) => r.r0 >= x.r0 && r.r0 <= x.r1 && r.c0 >= x.c0 && r.c0 <= x.c1);
      if (hit) {
        return {
          range: formatRect(hit),
          type: e.rule?.type ?? "None",
          rule: e.rule ? toApiRule(e.rule) : {},
          errorAlert: { ...e.errorAlert },
          prompt: { ...e.prompt },
          ignoreBlanks: e.ignoreBlanks,
        };
      }
    }
    return null;
  }

  conditionalFormats(sheet: string): ConditionalFormatInfo[] {
    const s = this.sheet(sheet);
    return s.condFormats.map((cf, priority) => ({
      range: cf.rects.map((r) => formatRect(r)).join(","),
      formula: cf.formula,
      format: { ...cf.format },
      priority,
      stopIfTrue: cf.stopIfTrue,
    }));
  }

  protection(sheet: string): { protected: boolean; hasPassword: boolean; options: ProtectionOptions } {
    const p = this.sheet(sheet).protection;
    return { protected: p.protected, hasPassword: p.protected && (p.password !== null || p.hash !== null), options: { ...p.options } };
  }

  /** Manual page breaks: 0-based rows before which a new printed page starts. */
  pageBreaks(sheet: string): number[] {
    return [...this.sheet(sheet).pageBreaks];
  }

  pageLayout(sheet: string): PageLayoutInfo {
    const pl = this.sheet(sheet).pageLayout;
    const out: PageLayoutInfo = {
      orientation: pl.orientation,
      paperSize: pl.paperSize,
      margins: { left: pl.leftMargin, right: pl.rightMargin, top: pl.topMargin, bottom: pl.bottomMargin, header: pl.headerMargin, footer: pl.footerMargin },
      centerHorizontally: pl.centerHorizontally,
      centerVertically: pl.centerVertically,
      zoom: { ...pl.zoom },
    };
    if (pl.printArea) out.printArea = pl.printArea.map((r) => formatRect(r, true)).join(",");
    if (pl.printTitleRows) out.printTitleRows = `$${pl.printTitleRows[0] + 1}:$${pl.printTitleRows[1] + 1}`;
    if (pl.printTitleColumns) out.printTitleColumns = formatRect(rect(0, pl.printTitleColumns[0], 1_048_575, pl.printTitleColumns[1]), true);
    if (pl.zoom.horizontalFitToPages !== undefined) out.fitToWidth = pl.zoom.horizontalFitToPages;
    if (pl.zoom.verticalFitToPages !== undefined) out.fitToHeight = pl.zoom.verticalFitToPages;
    return out;
  }

  freeze(sheet: string): { rows: number; columns: number } {
    return { ...this.sheet(sheet).freeze };
  }

  selection(): { sheet: string; address: string } | null {
    const sel = this.model.selection;
    return sel ? { sheet: sel.sheet.name, address: formatRect(sel.rect) } : null;
  }

  activeSheet(): string | null {
    return this.model.activeSheet?.name ?? null;
  }

  // ------------------------------------------------------------ user actions (honour protection like the API)

  private act<T>(fn: () => T): T {
    const out = fn();
    this.notifyChange();
    return out;
  }

  /**
   * Types into a cell: "=..." becomes a formula, "'..." text, numbers and TRUE/FALSE are recognised.
   * A locked cell of a protected sheet refuses with AccessDenied (as the API does). Input that breaks the
   * cell's data validation is refused when the rule's alert is a "Stop" alert (InvalidArgument, with the
   * alert's message), as Excel refuses a typed entry.
   */
  userEdit(sheet: string, address: string, input: string | number | boolean | null): void {
    const s = this.sheet(sheet);
    const r0 = this.rangeOf(s, address);
    const merge = s.mergeAt(r0.r0, r0.c0);
    const cell = merge ? rect(merge.r0, merge.c0) : rect(r0.r0, r0.c0);
    const before = this.model.hf.getCellSerialized({ sheet: s.hfId, row: cell.r0, col: cell.c0 });
    this.model.write(s, cell, [[input === null ? "" : input]], "userEdit");
    const entry = s.validations.find((e) => e.rule && e.rects.some((x) => cell.r0 >= x.r0 && cell.r0 <= x.r1 && cell.c0 >= x.c0 && cell.c0 <= x.c1));
    if (entry && entry.errorAlert.showAlert && entry.errorAlert.style === "Stop") {
      const value = this.model.cellValue(s, cell.r0, cell.c0);
      if (!isValueValid(this.model, s, entry, cell.r0, cell.c0, value)) {
        this.model.hf.setCellContents({ sheet: s.hfId, row: cell.r0, col: cell.c0 }, [[before]]);
        throw new HostError(
          ErrorCodes.invalidArgument,
          entry.errorAlert.message || "This value doesn't match the data validation restrictions defined for this cell.",
          "userEdit",
        );
      }
    }
    this.notifyChange();
  }

  /** Pastes values (a 2-D block from `address`): no validation check, as Excel's paste; protection applies. */
  userPaste(sheet: string, address: string, values: (string | number | boolean | null)[][]): void {
    const s = this.sheet(sheet);
    const at = this.rangeOf(s, address);
    const rows = values.length;
    const cols = rows > 0 ? values[0].length : 0;
    if (rows === 0 || cols === 0) return;
    this.act(() => this.model.write(s, rect(at.r0, at.c0, at.r0 + rows - 1, at.c0 + cols - 1), values.map((row) => row.map((v) => (v === null ? "" : v))), "userPaste"));
  }

  userSelect(sheet: string, address: string): void {
    const s = this.sheet(sheet);
    const r = this.rangeOf(s, address);
    this.act(() => {
      this.model.selection = { sheet: s, rect: r };
      this.model.activeSheet = s;
    });
  }

  /** Right-click > Insert on rows: `count` rows before 1-based `rowNumber`. */
  userInsertRows(sheet: string, rowNumber: number, count: number): void {
    const s = this.sheet(sheet);
    this.checkLine(rowNumber, count, "userInsertRows");
    this.act(() => this.model.shift(s, "row", rowNumber - 1, count, undefined, "userInsertRows"));
  }

  userDeleteRows(sheet: string, rowNumber: number, count: number): void {
    const s = this.sheet(sheet);
    this.checkLine(rowNumber, count, "userDeleteRows");
    this.act(() => this.model.shift(s, "row", rowNumber - 1, -count, undefined, "userDeleteRows"));
  }

  /** Inserts `count` columns before 1-based column `columnNumber` (1 = A). */
  userInsertColumns(sheet: string, columnNumber: number, count: number): void {
    const s = this.sheet(sheet);
    this.checkLine(columnNumber, count, "userInsertColumns");
    this.act(() => this.model.shift(s, "col", columnNumber - 1, count, undefined, "userInsertColumns"));
  }

  userDeleteColumns(sheet: string, columnNumber: number, count: number): void {
    const s = this.sheet(sheet);
    this.checkLine(columnNumber, count, "userDeleteColumns");
    this.act(() => this.model.shift(s, "col", columnNumber - 1, -count, undefined, "userDeleteColumns"));
  }

  /**
   * Sorts the rows of `range` by one of its columns, like Data > Sort: `byColumnIndex` is the 0-based
   * offset of the key column within the range. Contents and cell formats move with their rows;
   * relative references in moved formulas are adjusted as Excel does.
   */
  userSortRows(sheet: string, range: string, byColumnIndex: number, ascending = true): void {
    const s = this.sheet(sheet);
    const r = this.rangeOf(s, range);
    this.act(() => this.model.sortRows(s, r, byColumnIndex, ascending, "userSortRows"));
  }

  userRenameSheet(from: string, to: string): void {
    const s = this.sheet(from);
    this.act(() => this.model.renameSheet(s, to, "userRenameSheet"));
  }

  private checkLine(n: number, count: number, location: string): void {
    if (!Number.isInteger(n) || n < 1 || !Number.isInteger(count) || count < 1) throw invalidArgument(location);
  }

  // ------------------------------------------------------------ files

  /** Saves the workbook as .xlsx (through ExcelJS). */
  toXlsx(): Promise<Uint8Array> {
    return writeXlsx(this.model);
  }

  /** Loads an .xlsx (through ExcelJS) into a new host. */
  static async fromXlsx(data: Uint8Array | ArrayBuffer, options?: MemoryHostOptions): Promise<MemoryHost> {
    const model = await readXlsx(data);
    return new MemoryHost(options, model);
  }
}
