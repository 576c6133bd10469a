/**
 * Data validation, conditional formats, worksheet protection, freeze panes, page layout and names.
 */
import { MAX_COLS, MAX_ROWS, type Rect, cellsToRects, formatAddress, formatRect, intersect, isEntireColumns, isEntireRows, parseAreas, parseRef, rect } from "./addresses";
import { normalizeColor } from "./colors";
import { ErrorCodes, HostError, accessDenied, invalidArgument, itemNotFound } from "./errors";
import { singleReference } from "./formulas";
import type { NameMeta, WorkbookModel } from "./model";
import { ClientResultImpl, CollectionProxy, ProxyBase, type ProxyLike, defineProps } from "./proxy";
import { RangeAreasProxy, RangeProxy, type RangeTarget, rangeArg } from "./rangeProxies";
import type { SheetModel } from "./sheet";
import { type CfEntry, DEFAULT_ERROR_ALERT, DEFAULT_PROMPT, DEFAULT_PROTECTION_OPTIONS, PAPER_SIZES, type StoredRule } from "./types";
import { invalidCells, isValueValid } from "./validation";
import { verifyPassword } from "./passwordHash";

// ------------------------------------------------------------------ data validation

/** Characters in a comma-delimited list source, separators included (Excel's limit for a string constant in a formula). */
const MAX_INLINE_LIST = 255;

const OPERATORS = ["Between", "NotBetween", "EqualTo", "NotEqualTo", "GreaterThan", "LessThan", "GreaterThanOrEqualTo", "LessThanOrEqualTo"];

function excelSerial(d: Date): number {
  return (d.getTime() - Date.UTC(1899, 11, 30)) / 86400000;
}

/** A formula operand of a rule, normalised to a "=..." formula string as Excel returns it. */
function operandFormula(m: WorkbookModel, sheet: SheetModel, v: unknown, location: string): string {
  if (typeof v === "number" && Number.isFinite(v)) return `=${v}`;
  if (v instanceof Date) return `=${excelSerial(v)}`;
  if (v instanceof RangeProxy) return `=${rangeReference(m, sheet, v, location)}`;
  if (typeof v === "string" && v.trim() !== "") {
    const s = v.trim();
    if (s.startsWith("=")) return s;
    if (/^\d{4}-\d{2}-\d{2}/.test(s) && !Number.isNaN(Date.parse(s))) return `=${excelSerial(new Date(s))}`;
    return `=${s}`;
  }
  throw invalidArgument(location, "A validation formula is missing.");
}

/** "$A$1:$A$5", with the sheet when it isn't the rule's own sheet. */
function rangeReference(m: WorkbookModel, sheet: SheetModel, r: RangeProxy, location: string): string {
  const t = r._target(m);
  if (!t) throw invalidArgument(location);
  const local = formatRect(t.rect, true);
  return t.sheet === sheet ? local : formatAddress(t.sheet.name, t.rect, true);
}

export function toStoredRule(m: WorkbookModel, sheet: SheetModel, v: unknown, location: string): StoredRule {
  if (!v || typeof v !== "object") throw invalidArgument(location, "A DataValidationRule object is expected.");
  const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined && x !== null);
  if (entries.length !== 1) throw invalidArgument(location, "A data validation rule must have exactly one criteria property.");
  const [key, body] = entries[0] as [string, Record<string, unknown>];
  if (!body || typeof body !== "object") throw invalidArgument(location);
  const basic = (type: StoredRule["type"]): StoredRule => {
    const operator = body.operator;
    if (typeof operator !== "string" || !OPERATORS.includes(operator)) throw invalidArgument(location, `Invalid operator ${JSON.stringify(operator)}.`);
    const rule: StoredRule = { type, operator, formula1: operandFormula(m, sheet, body.formula1, location) };
    if (operator === "Between" || operator === "NotBetween") rule.formula2 = operandFormula(m, sheet, body.formula2, location);
    return rule;
  };
  switch (key) {
    case "wholeNumber":
      return basic("WholeNumber");
    case "decimal":
      return basic("Decimal");
    case "textLength":
      return basic("TextLength");
    case "date":
      return basic("Date");
    case "time":
      return basic("Time");
    case "list": {
      const src = body.source;
      let source: string;
      if (src instanceof RangeProxy) source = `=${rangeReference(m, sheet, src, location)}`;
      else if (typeof src === "string" && src.trim() !== "") source = src.trim();
      else throw invalidArgument(location, "A list source is required.");
      // Strict: a comma-delimited list is stored as one string constant of the rule's formula, at most 255
      // characters ([MS-XLS] PtgStr: a ShortXLUnicodeString, 8-bit count); a range or name source has no such limit.
      if (m.strict && !source.startsWith("=") && source.length > MAX_INLINE_LIST) {
        throw invalidArgument(location, `A comma-delimited list source is limited to ${MAX_INLINE_LIST} characters (this one has ${source.length}); put the items in cells and use a range.`);
      }
      return { type: "List", source, inCellDropDown: body.inCellDropDown !== false };
    }
    case "custom": {
      const f = body.formula;
      if (typeof f !== "string" || f.trim() === "") throw invalidArgument(location, "A custom formula is required.");
      return { type: "Custom", formula: f.trim().startsWith("=") ? f.trim() : `=${f.trim()}` };
    }
    default:
      throw invalidArgument(location, `Unknown data validation criteria "${key}".`);
  }
}

export function toApiRule(rule: StoredRule): Record<string, unknown> {
  const basicKey: Record<string, string> = { WholeNumber: "wholeNumber", Decimal: "decimal", TextLength: "textLength", Date: "date", Time: "time" };
  if (rule.type in basicKey) {
    const body: Record<string, unknown> = { formula1: rule.formula1, operator: rule.operator };
    if (rule.formula2 !== undefined) body.formula2 = rule.formula2;
    return { [basicKey[rule.type]]: body };
  }
  if (rule.type === "List") return { list: { inCellDropDown: rule.inCellDropDown !== false, source: rule.source } };
  return { custom: { formula: rule.formula } };
}

export class DataValidationProxy extends ProxyBase<RangeTarget> {
  readonly _typeName = "DataValidation";

  clear(): void {
    this._call("clear", [], (t, m, loc) => m.clearValidation(t.sheet, t.rect, loc));
  }

  private _invalid(method: string, nullable: boolean): RangeAreasProxy {
    this._ctx._requireApi("ExcelApi", "1.9", `DataValidation.${method}`);
    const location = `DataValidation.${method}`;
    const p = new RangeAreasProxy(
      this._ctx,
      `${this._path}.${method}()`,
      (m) => {
        const t = this._target(m);
        if (!t) return null;
        const cells = invalidCells(m, t.sheet, t.rect);
        if (cells.length === 0) {
          if (nullable) return null;
          throw itemNotFound(location, "All cell values are valid.");
        }
        return { sheet: t.sheet, rects: cellsToRects(cells) };
      },
      nullable,
    );
    if (nullable) p._instantiate();
    return p;
  }

  getInvalidCells(): RangeAreasProxy {
    return this._invalid("getInvalidCells", false);
  }

  getInvalidCellsOrNullObject(): RangeAreasProxy {
    return this._invalid("getInvalidCellsOrNullObject", true);
  }
}

function partialAlert<T extends object>(defaults: T, v: unknown, location: string): Partial<T> {
  if (!v || typeof v !== "object") throw invalidArgument(location);
  const out: Partial<T> = {};
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    if (!(k in defaults)) throw invalidArgument(location, `Unknown property "${k}".`);
    if (x === undefined) continue;
    if (typeof x !== typeof (defaults as Record<string, unknown>)[k]) throw invalidArgument(location, `Invalid value for "${k}".`);
    (out as Record<string, unknown>)[k] = x;
  }
  return out;
}

defineProps<RangeTarget>(DataValidationProxy, {
  rule: {
    get: (t, m) => {
      const { entry, state } = m.validationAt(t.sheet, t.rect);
      if (state === "None") return {};
      if (state === "Inconsistent" || !entry) return null;
      return entry.rule ? toApiRule(entry.rule) : {};
    },
    set: (t, m, v, loc) => m.setValidationRule(t.sheet, t.rect, toStoredRule(m, t.sheet, v, loc), loc),
  },
  type: {
    get: (t, m) => {
      const { entry, state } = m.validationAt(t.sheet, t.rect);
      if (state === "None") return "None";
      if (state === "Inconsistent" || !entry) return "Inconsistent";
      return entry.rule ? entry.rule.type : "None";
    },
  },
  errorAlert: {
    get: (t, m) => {
      const { entry, state } = m.validationAt(t.sheet, t.rect);
      if (state === "Inconsistent") return null;
      return { ...(entry?.errorAlert ?? DEFAULT_ERROR_ALERT) };
    },
    set: (t, m, v, loc) => {
      const change = partialAlert(DEFAULT_ERROR_ALERT, v, loc);
      if (change.style !== undefined && !["Stop", "Warning", "Information"].includes(change.style)) throw invalidArgument(loc, "Invalid alert style.");
      m.updateValidation(t.sheet, t.rect, (e) => Object.assign(e.errorAlert, change), loc);
    },
  },
  prompt: {
    get: (t, m) => {
      const { entry, state } = m.validationAt(t.sheet, t.rect);
      if (state === "Inconsistent") return null;
      return { ...(entry?.prompt ?? DEFAULT_PROMPT) };
    },
    set: (t, m, v, loc) => {
      const change = partialAlert(DEFAULT_PROMPT, v, loc);
      m.updateValidation(t.sheet, t.rect, (e) => Object.assign(e.prompt, change), loc);
    },
  },
  ignoreBlanks: {
    get: (t, m) => {
      const { entry, state } = m.validationAt(t.sheet, t.rect);
      if (state === "Inconsistent") return null;
      return entry ? entry.ignoreBlanks : true;
    },
    set: (t, m, v, loc) => {
      if (typeof v !== "boolean") throw invalidArgument(loc);
      m.updateValidation(t.sheet, t.rect, (e) => {
        e.ignoreBlanks = v;
      }, loc);
    },
  },
  valid: {
    get: (t, m) => {
      const used = m.usedRect(t.sheet, true);
      let valid = 0;
      let invalid = 0;
      for (const e of t.sheet.validations) {
        if (!e.rule) continue;
        for (const er of e.rects) {
          const scope = intersect(er, t.rect);
          const area = scope ? (e.ignoreBlanks && used ? intersect(scope, used) : e.ignoreBlanks ? null : scope) : null;
          if (!area) continue;
          const vals = m.values(t.sheet, area);
          vals.forEach((row, i) =>
            row.forEach((v, j) => {
              if (isValueValid(m, t.sheet, e, area.r0 + i, area.c0 + j, v)) valid++;
              else invalid++;
            }),
          );
        }
      }
      if (invalid === 0) return true;
      return valid === 0 && invalid > 0 ? false : null;
    },
  },
});

// ------------------------------------------------------------------ conditional formats

interface CfTarget {
  sheet: SheetModel;
  cf: CfEntry;
}

const cfAlive = (t: CfTarget): boolean => !t.sheet.deleted && t.sheet.condFormats.includes(t.cf);

export class ConditionalFormatCollectionProxy extends CollectionProxy<RangeTarget, CfTarget> {
  readonly _typeName = "ConditionalFormatCollection";

  protected _enumerate(t: RangeTarget): CfTarget[] {
    return t.sheet.condFormats.filter((cf) => cf.rects.some((r) => intersect(r, t.rect))).map((cf) => ({ sheet: t.sheet, cf }));
  }

  protected _makeItem(target: CfTarget): ProxyLike {
    return new ConditionalFormatProxy(this._ctx, `${this._path}.getItem(${target.cf.id})`, () => target);
  }

  add(type: string): ConditionalFormatProxy {
    const slot: { target?: CfTarget } = {};
    this._call("add", [type], (t, m, loc) => {
      slot.target = { sheet: t.sheet, cf: m.addConditionalFormat(t.sheet, t.rect, type, loc) };
    });
    return new ConditionalFormatProxy(this._ctx, `${this._path}.add(${JSON.stringify(type)})`, () => {
      if (!slot.target) throw itemNotFound("ConditionalFormatCollection.add");
      return slot.target;
    });
  }

  clearAll(): void {
    this._call("clearAll", [], (t, m, loc) => m.clearConditionalFormats(t.sheet, t.rect, loc));
  }

  getCount(): ClientResultImpl<number> {
    return this._result("getCount", [], (t) => this._enumerate(t).length);
  }

  private _find(method: string, pick: (items: CfTarget[]) => CfTarget | undefined, nullable: boolean): ConditionalFormatProxy {
    const p = new ConditionalFormatProxy(
      this._ctx,
      `${this._path}.${method}`,
      (m) => {
        const t = this._target(m);
        if (!t) return null;
        const found = pick(this._enumerate(t));
        if (!found) {
          if (nullable) return null;
          throw itemNotFound(`ConditionalFormatCollection.${method.split("(")[0]}`);
        }
        return found;
      },
      nullable,
    );
    if (nullable) p._instantiate();
    return p;
  }

  getItem(id: string): ConditionalFormatProxy {
    return this._find(`getItem(${id})`, (items) => items.find((x) => x.cf.id === id), false);
  }

  getItemOrNullObject(id: string): ConditionalFormatProxy {
    return this._find(`getItemOrNullObject(${id})`, (items) => items.find((x) => x.cf.id === id), true);
  }

  getItemAt(index: number): ConditionalFormatProxy {
    return this._find(`getItemAt(${index})`, (items) => items[index], false);
  }
}

export class ConditionalFormatProxy extends ProxyBase<CfTarget> {
  readonly _typeName = "ConditionalFormat";
  static override navs = ["custom"];

  protected override _alive(t: CfTarget): boolean {
    return cfAlive(t);
  }

  get custom(): CustomConditionalFormatProxy {
    return this._child("custom", () => new CustomConditionalFormatProxy(this._ctx, `${this._path}.custom`, (m) => this._target(m)));
  }

  delete(): void {
    this._call("delete", [], (t, m, loc) => {
      m.assertSheetUnprotected(t.sheet, loc);
      t.sheet.condFormats = t.sheet.condFormats.filter((x) => x !== t.cf);
    });
  }

  getRange(): RangeProxy {
    return new RangeProxy(this._ctx, `${this._path}.getRange()`, (m) => {
      const t = this._target(m);
      if (!t) return null;
      if (t.cf.rects.length !== 1) throw new HostError(ErrorCodes.invalidOperation, "The conditional format applies to several areas; use getRanges().", "ConditionalFormat.getRange");
      return { sheet: t.sheet, rect: t.cf.rects[0] };
    });
  }

  getRangeOrNullObject(): RangeProxy {
    const p = new RangeProxy(
      this._ctx,
      `${this._path}.getRangeOrNullObject()`,
      (m) => {
        const t = this._target(m);
        return t && t.cf.rects.length === 1 ? { sheet: t.sheet, rect: t.cf.rects[0] } : null;
      },
      true,
    );
    p._instantiate();
    return p;
  }

  getRanges(): RangeAreasProxy {
    return new RangeAreasProxy(this._ctx, `${this._path}.getRanges()`, (m) => {
      const t = this._target(m);
      return t ? { sheet: t.sheet, rects: t.cf.rects.map((r) => ({ ...r })) } : null;
    });
  }
}

defineProps<CfTarget>(ConditionalFormatProxy, {
  id: { get: (t) => t.cf.id },
  type: { get: (t) => t.cf.type },
  priority: {
    get: (t) => t.sheet.condFormats.indexOf(t.cf),
    set: (t, m, v, loc) => {
      if (typeof v !== "number" || !Number.isInteger(v)) throw invalidArgument(loc);
      m.assertSheetUnprotected(t.sheet, loc);
      const list = t.sheet.condFormats.filter((x) => x !== t.cf);
      const n = list.length;
      const idx = v < 0 ? Math.max(0, n + 1 + v) : Math.min(v, n);
      list.splice(idx, 0, t.cf);
      t.sheet.condFormats = list;
    },
  },
  stopIfTrue: {
    get: (t) => t.cf.stopIfTrue,
    set: (t, m, v, loc) => {
      if (typeof v !== "boolean") throw invalidArgument(loc);
      m.assertSheetUnprotected(t.sheet, loc);
      t.cf.stopIfTrue = v;
    },
  },
});

export class CustomConditionalFormatProxy extends ProxyBase<CfTarget> {
  readonly _typeName = "CustomConditionalFormat";
  static override navs = ["rule", "format"];

  protected override _alive(t: CfTarget): boolean {
    return cfAlive(t);
  }

  get rule(): ConditionalFormatRuleProxy {
    return this._child("rule", () => new ConditionalFormatRuleProxy(this._ctx, `${this._path}.rule`, (m) => this._target(m)));
  }

  get format(): ConditionalRangeFormatProxy {
    return this._child("format", () => new ConditionalRangeFormatProxy(this._ctx, `${this._path}.format`, (m) => this._target(m)));
  }
}

export class ConditionalFormatRuleProxy extends ProxyBase<CfTarget> {
  readonly _typeName = "ConditionalFormatRule";
}

defineProps<CfTarget>(ConditionalFormatRuleProxy, {
  formula: { get: (t) => t.cf.formula, set: (t, m, v, loc) => m.setCfFormula(t.sheet, t.cf, v as string, loc) },
  formulaLocal: { get: (t) => t.cf.formula, set: (t, m, v, loc) => m.setCfFormula(t.sheet, t.cf, v as string, loc) },
});

function cfSet(key: keyof CfEntry["format"], check: (v: unknown, loc: string) => unknown) {
  return (t: CfTarget, m: WorkbookModel, v: unknown, loc: string): void => {
    m.assertSheetUnprotected(t.sheet, loc);
    const value = v === null ? null : check(v, loc);
    (t.cf.format as Record<string, unknown>)[key] = value;
  };
}

const cfBool = (v: unknown, loc: string): boolean => {
  if (typeof v !== "boolean") throw invalidArgument(loc);
  return v;
};

export class ConditionalRangeFormatProxy extends ProxyBase<CfTarget> {
  readonly _typeName = "ConditionalRangeFormat";
  static override navs = ["font", "fill"];

  get font(): ConditionalRangeFontProxy {
    return this._child("font", () => new ConditionalRangeFontProxy(this._ctx, `${this._path}.font`, (m) => this._target(m)));
  }

  get fill(): ConditionalRangeFillProxy {
    return this._child("fill", () => new ConditionalRangeFillProxy(this._ctx, `${this._path}.fill`, (m) => this._target(m)));
  }

  clearFormat(): void {
    this._call("clearFormat", [], (t, m, loc) => {
      m.assertSheetUnprotected(t.sheet, loc);
      t.cf.format = {};
    });
  }
}

defineProps<CfTarget>(ConditionalRangeFormatProxy, {
  numberFormat: { get: (t) => t.cf.format.numberFormat ?? null, set: cfSet("numberFormat", (v) => String(v)) },
});

export class ConditionalRangeFontProxy extends ProxyBase<CfTarget> {
  readonly _typeName = "ConditionalRangeFont";

  clear(): void {
    this._call("clear", [], (t, m, loc) => {
      m.assertSheetUnprotected(t.sheet, loc);
      for (const k of ["fontColor", "bold", "italic", "underline", "strikethrough"] as const) delete t.cf.format[k];
    });
  }
}

defineProps<CfTarget>(ConditionalRangeFontProxy, {
  bold: { get: (t) => t.cf.format.bold ?? null, set: cfSet("bold", cfBool) },
  italic: { get: (t) => t.cf.format.italic ?? null, set: cfSet("italic", cfBool) },
  strikethrough: { get: (t) => t.cf.format.strikethrough ?? null, set: cfSet("strikethrough", cfBool) },
  underline: { get: (t) => t.cf.format.underline ?? null, set: cfSet("underline", (v) => String(v)) },
  color: { get: (t) => t.cf.format.fontColor ?? null, set: cfSet("fontColor", normalizeColor) },
});

export class ConditionalRangeFillProxy extends ProxyBase<CfTarget> {
  readonly _typeName = "ConditionalRangeFill";

  clear(): void {
    this._call("clear", [], (t, m, loc) => {
      m.assertSheetUnprotected(t.sheet, loc);
      delete t.cf.format.fill;
    });
  }
}

defineProps<CfTarget>(ConditionalRangeFillProxy, {
  color: { get: (t) => t.cf.format.fill ?? null, set: cfSet("fill", normalizeColor) },
});

// ------------------------------------------------------------------ worksheet protection

export class WorksheetProtectionProxy extends ProxyBase<SheetModel> {
  readonly _typeName = "WorksheetProtection";

  protected override _alive(t: SheetModel): boolean {
    return !t.deleted;
  }

  protect(options?: Record<string, unknown> | null, password?: string): void {
    this._call("protect", [options ?? null, password === undefined ? null : "********"], (t, _m, loc) => {
      if (t.protection.protected) throw accessDenied(loc, `The sheet "${t.name}" is already protected.`);
      const opts = { ...DEFAULT_PROTECTION_OPTIONS };
      for (const [k, v] of Object.entries(options ?? {})) {
        if (!(k in opts)) throw invalidArgument(loc, `Unknown protection option "${k}".`);
        if (v === undefined) continue;
        if (k === "selectionMode") {
          if (!["Normal", "Unlocked", "None"].includes(String(v))) throw invalidArgument(loc);
        } else if (typeof v !== "boolean") throw invalidArgument(loc);
        (opts as Record<string, unknown>)[k] = v;
      }
      t.protection = { protected: true, options: opts, password: password ? password : null, hash: null };
    });
  }

  unprotect(password?: string): void {
    this._call("unprotect", [password === undefined ? null : "********"], (t, _m, loc) => {
      const p = t.protection;
      if (!p.protected) return;
      const required = p.password !== null || p.hash !== null;
      if (required) {
        const ok = password !== undefined && password !== null && (p.password !== null ? p.password === password : p.hash !== null && verifyPassword(p.hash, password));
        if (!ok) throw invalidArgument(loc, "The password you supplied is incorrect.");
      }
      t.protection = { protected: false, options: { ...p.options }, password: null, hash: null };
    });
  }
}

defineProps<SheetModel>(WorksheetProtectionProxy, {
  protected: { get: (t) => t.protection.protected },
  options: { get: (t) => ({ ...t.protection.options }) },
  isPasswordProtected: { get: (t) => t.protection.protected && (t.protection.password !== null || t.protection.hash !== null), api: ["ExcelApiOnline", "1.1"] },
});

// ------------------------------------------------------------------ freeze panes

/** Manual horizontal page breaks (ExcelApi 1.9): each is a row before which a new page starts. */
export class PageBreakCollectionProxy extends ProxyBase<SheetModel> {
  readonly _typeName = "PageBreakCollection";

  protected override _alive(t: SheetModel): boolean {
    return !t.deleted;
  }

  /** Adds a break before the range's first row; returns the PageBreak, as the API does. */
  add(pageBreakRange: RangeProxy | string): PageBreakProxy {
    const slot: { sheet?: SheetModel; row?: number } = {};
    this._call("add", [pageBreakRange], (t, m, loc) => {
      const r = rangeArg(m, t, pageBreakRange, loc);
      if (r.r0 === 0) throw invalidArgument(loc, "A page break can't precede the first row.");
      if (!t.pageBreaks.includes(r.r0)) t.pageBreaks = [...t.pageBreaks, r.r0].sort((a, b) => a - b);
      slot.sheet = t;
      slot.row = r.r0;
    });
    return new PageBreakProxy(this._ctx, `${this._path}.add()`, () => {
      if (!slot.sheet || slot.row === undefined) throw itemNotFound("PageBreakCollection.add");
      return { sheet: slot.sheet, row: slot.row };
    });
  }

  removePageBreaks(): void {
    this._call("removePageBreaks", [], (t) => void (t.pageBreaks = []));
  }

  getCount(): ClientResultImpl<number> {
    return this._result("getCount", [], (t) => t.pageBreaks.length);
  }
}

/** One manual page break (ExcelApi 1.9): the row it precedes. */
export class PageBreakProxy extends ProxyBase<{ sheet: SheetModel; row: number }> {
  readonly _typeName = "PageBreak";

  delete(): void {
    this._call("delete", [], (t) => void (t.sheet.pageBreaks = t.sheet.pageBreaks.filter((r) => r !== t.row)));
  }
}

defineProps<{ sheet: SheetModel; row: number }>(PageBreakProxy, {
  rowIndex: { get: (t) => t.row },
  columnIndex: { get: () => 0 },
});

/**
 * Strict: freeze panes belong to the sheet's window view, and Excel has refused them on a hidden sheet
 * (OfficeDev/office-js#1463, "unfreeze() throws an exception when trying to unfreeze panes on hidden sheets").
 */
function assertFreezable(m: WorkbookModel, t: SheetModel, location: string): void {
  if (m.strict && t.visibility !== "Visible") {
    throw new HostError(ErrorCodes.invalidOperation, `Freeze panes can't be changed on the hidden worksheet "${t.name}".`, location);
  }
}

export class WorksheetFreezePanesProxy extends ProxyBase<SheetModel> {
  readonly _typeName = "WorksheetFreezePanes";

  freezeRows(count = 1): void {
    this._call("freezeRows", [count], (t, m, loc) => {
      if (!Number.isInteger(count) || count < 0 || count >= MAX_ROWS) throw invalidArgument(loc);
      assertFreezable(m, t, loc);
      t.freeze = { rows: count, columns: 0 };
    });
  }

  freezeColumns(count = 1): void {
    this._call("freezeColumns", [count], (t, m, loc) => {
      if (!Number.isInteger(count) || count < 0 || count >= MAX_COLS) throw invalidArgument(loc);
      assertFreezable(m, t, loc);
      t.freeze = { rows: 0, columns: count };
    });
  }

  freezeAt(frozenRange: RangeProxy | string | null): void {
    this._call("freezeAt", [frozenRange], (t, m, loc) => {
      assertFreezable(m, t, loc);
      if (frozenRange === null) {
        t.freeze = { rows: 0, columns: 0 };
        return;
      }
      const r = rangeArg(m, t, frozenRange, loc);
      t.freeze = { rows: isEntireColumns(r) ? 0 : r.r1 + 1, columns: isEntireRows(r) ? 0 : r.c1 + 1 };
    });
  }

  unfreeze(): void {
    this._call("unfreeze", [], (t, m, loc) => {
      assertFreezable(m, t, loc);
      t.freeze = { rows: 0, columns: 0 };
    });
  }

  getLocationOrNullObject(): RangeProxy {
    const p = new RangeProxy(
      this._ctx,
      `${this._path}.getLocationOrNullObject()`,
      (m) => {
        const t = this._target(m);
        if (!t || (t.freeze.rows === 0 && t.freeze.columns === 0)) return null;
        const rows = t.freeze.rows === 0 ? MAX_ROWS : t.freeze.rows;
        const cols = t.freeze.columns === 0 ? MAX_COLS : t.freeze.columns;
        return { sheet: t, rect: rect(0, 0, rows - 1, cols - 1) };
      },
      true,
    );
    p._instantiate();
    return p;
  }
}

// ------------------------------------------------------------------ page layout


function lineSpan(m: WorkbookModel, sheet: SheetModel, arg: unknown, rows: boolean, location: string): [number, number] {
  let r: Rect;
  if (typeof arg === "string") {
    const p = parseRef(arg);
    if (!p) throw invalidArgument(location, `Invalid reference ${JSON.stringify(arg)}.`);
    r = p.rect;
  } else r = rangeArg(m, sheet, arg, location);
  if (rows ? !isEntireRows(r) : !isEntireColumns(r)) throw invalidArgument(location, rows ? "Print titles must be entire rows." : "Print titles must be entire columns.");
  return rows ? [r.r0, r.r1] : [r.c0, r.c1];
}

type PageKey = Exclude<keyof SheetModel["pageLayout"], "printArea" | "printTitleRows" | "printTitleColumns" | "zoom">;

function pageProp(key: PageKey, check: (v: unknown, loc: string) => unknown) {
  return {
    get: (t: SheetModel) => t.pageLayout[key],
    set: (t: SheetModel, _m: WorkbookModel, v: unknown, loc: string) => {
      (t.pageLayout as unknown as Record<string, unknown>)[key] = check(v, loc);
    },
    api: ["ExcelApi", "1.9"] as [string, string],
  };
}

const pageBool = (v: unknown, loc: string): boolean => {
  if (typeof v !== "boolean") throw invalidArgument(loc);
  return v;
};
const margin = (v: unknown, loc: string): number => {
  if (typeof v !== "number" || !Number.isFinite(v) || v < 0) throw invalidArgument(loc);
  return v;
};
const pageOneOf = (allowed: readonly string[]) => (v: unknown, loc: string): string => {
  if (typeof v !== "string" || !allowed.includes(v)) throw invalidArgument(loc, `Expected one of ${allowed.join(", ")}.`);
  return v;
};

export class PageLayoutProxy extends ProxyBase<SheetModel> {
  readonly _typeName = "PageLayout";

  protected override _alive(t: SheetModel): boolean {
    return !t.deleted;
  }

  setPrintArea(printArea: RangeProxy | string): void {
    this._call("setPrintArea", [printArea], (t, m, loc) => {
      if (typeof printArea === "string") {
        const areas = parseAreas(printArea);
        if (!areas) throw invalidArgument(loc);
        t.pageLayout.printArea = areas.map((a) => a.rect);
      } else t.pageLayout.printArea = [rangeArg(m, t, printArea, loc)];
    });
  }

  setPrintTitleRows(printTitleRows: RangeProxy | string): void {
    this._call("setPrintTitleRows", [printTitleRows], (t, m, loc) => {
      t.pageLayout.printTitleRows = lineSpan(m, t, printTitleRows, true, loc);
    });
  }

  setPrintTitleColumns(printTitleColumns: RangeProxy | string): void {
    this._call("setPrintTitleColumns", [printTitleColumns], (t, m, loc) => {
      t.pageLayout.printTitleColumns = lineSpan(m, t, printTitleColumns, false, loc);
    });
  }

  setPrintMargins(unit: string, options: Record<string, number>): void {
    this._call("setPrintMargins", [unit, options], (t, _m, loc) => {
      const factor = unit === "Points" ? 1 : unit === "Inches" ? 72 : unit === "Centimeters" ? 72 / 2.54 : NaN;
      if (Number.isNaN(factor)) throw invalidArgument(loc);
      const keys: Record<string, PageKey> = { left: "leftMargin", right: "rightMargin", top: "topMargin", bottom: "bottomMargin", header: "headerMargin", footer: "footerMargin" };
      for (const [k, v] of Object.entries(options ?? {})) {
        const key = keys[k];
        if (!key) throw invalidArgument(loc, `Unknown margin "${k}".`);
        (t.pageLayout as unknown as Record<string, unknown>)[key] = margin(v * factor, loc);
      }
    });
  }

  private _areas(method: string, pick: (t: SheetModel) => Rect[] | null, nullable: boolean): RangeAreasProxy {
    const p = new RangeAreasProxy(
      this._ctx,
      `${this._path}.${method}()`,
      (m) => {
        const t = this._target(m);
        if (!t) return null;
        const rects = pick(t);
        if (!rects) {
          if (nullable) return null;
          throw itemNotFound(`PageLayout.${method}`);
        }
        return { sheet: t, rects };
      },
      nullable,
    );
    if (nullable) p._instantiate();
    return p;
  }

  getPrintArea(): RangeAreasProxy {
    return this._areas("getPrintArea", (t) => t.pageLayout.printArea, false);
  }

  getPrintAreaOrNullObject(): RangeAreasProxy {
    return this._areas("getPrintAreaOrNullObject", (t) => t.pageLayout.printArea, true);
  }

  private _titles(method: string, rows: boolean, nullable: boolean): RangeProxy {
    const p = new RangeProxy(
      this._ctx,
      `${this._path}.${method}()`,
      (m) => {
        const t = this._target(m);
        if (!t) return null;
        const span = rows ? t.pageLayout.printTitleRows : t.pageLayout.printTitleColumns;
        if (!span) {
          if (nullable) return null;
          throw itemNotFound(`PageLayout.${method}`);
        }
        return { sheet: t, rect: rows ? rect(span[0], 0, span[1], MAX_COLS - 1) : rect(0, span[0], MAX_ROWS - 1, span[1]) };
      },
      nullable,
    );
    if (nullable) p._instantiate();
    return p;
  }

  getPrintTitleRows(): RangeProxy {
    return this._titles("getPrintTitleRows", true, false);
  }

  getPrintTitleRowsOrNullObject(): RangeProxy {
    return this._titles("getPrintTitleRowsOrNullObject", true, true);
  }

  getPrintTitleColumns(): RangeProxy {
    return this._titles("getPrintTitleColumns", false, false);
  }

  getPrintTitleColumnsOrNullObject(): RangeProxy {
    return this._titles("getPrintTitleColumnsOrNullObject", false, true);
  }
}

defineProps<SheetModel>(PageLayoutProxy, {
  orientation: pageProp("orientation", pageOneOf(["Portrait", "Landscape"])),
  paperSize: pageProp("paperSize", pageOneOf(PAPER_SIZES)),
  leftMargin: pageProp("leftMargin", margin),
  rightMargin: pageProp("rightMargin", margin),
  topMargin: pageProp("topMargin", margin),
  bottomMargin: pageProp("bottomMargin", margin),
  headerMargin: pageProp("headerMargin", margin),
  footerMargin: pageProp("footerMargin", margin),
  centerHorizontally: pageProp("centerHorizontally", pageBool),
  centerVertically: pageProp("centerVertically", pageBool),
  printGridlines: pageProp("printGridlines", pageBool),
  printHeadings: pageProp("printHeadings", pageBool),
  blackAndWhite: pageProp("blackAndWhite", pageBool),
  draftMode: pageProp("draftMode", pageBool),
  firstPageNumber: pageProp("firstPageNumber", (v, loc) => {
    if (v === "" || v === null) return "";
    if (typeof v !== "number" || !Number.isInteger(v)) throw invalidArgument(loc);
    return v;
  }),
  printOrder: pageProp("printOrder", pageOneOf(["DownThenOver", "OverThenDown"])),
  printComments: pageProp("printComments", pageOneOf(["NoComments", "EndSheet", "InPlace"])),
  printErrors: pageProp("printErrors", pageOneOf(["AsDisplayed", "Blank", "Dash", "NotAvailable"])),
  zoom: {
    get: (t) => ({ ...t.pageLayout.zoom }),
    set: (t, m, v, loc) => {
      if (!v || typeof v !== "object") throw invalidArgument(loc, "zoom must be set as a PageLayoutZoomOptions object.");
      const z = v as Record<string, unknown>;
      const out: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number } = {};
      for (const [k, x] of Object.entries(z)) {
        if (x === undefined || x === null) continue;
        if (k === "scale") {
          if (typeof x !== "number" || x < 10 || x > 400) throw invalidArgument(loc, "scale must be between 10 and 400.");
          out.scale = x;
        } else if (k === "horizontalFitToPages" || k === "verticalFitToPages") {
          if (typeof x !== "number" || !Number.isInteger(x) || x < 0) throw invalidArgument(loc);
          // Strict: a number of pages (PageLayoutZoomOptions); 0 ("automatic" in the file format) is not a documented value.
          if (m.strict && x < 1) throw invalidArgument(loc, `${k} is a number of pages (1 or more); leave it out to let the pages run.`);
          out[k] = x;
        } else throw invalidArgument(loc, `Unknown zoom option "${k}".`);
      }
      t.pageLayout.zoom = out;
    },
    api: ["ExcelApi", "1.9"],
  },
});

// ------------------------------------------------------------------ names

const nameAlive = (m: NameMeta): boolean => !(m as NameMeta & { deleted?: boolean }).deleted;

export class NamedItemCollectionProxy extends CollectionProxy<WorkbookModel, NameMeta> {
  readonly _typeName = "NamedItemCollection";

  protected _enumerate(t: WorkbookModel): NameMeta[] {
    return [...t.names.values()];
  }

  protected _makeItem(target: NameMeta): ProxyLike {
    return new NamedItemProxy(this._ctx, `${this._path}.getItem(${JSON.stringify(target.name)})`, () => target);
  }

  add(name: string, reference: RangeProxy | string, comment?: string): NamedItemProxy {
    this._ctx._requireApi("ExcelApi", "1.4", "NamedItemCollection.add");
    return this._add("add", name, reference, comment);
  }

  addFormulaLocal(name: string, formula: string, comment?: string): NamedItemProxy {
    this._ctx._requireApi("ExcelApi", "1.4", "NamedItemCollection.addFormulaLocal");
    return this._add("addFormulaLocal", name, formula, comment);
  }

  private _add(method: string, name: string, reference: RangeProxy | string, comment?: string): NamedItemProxy {
    const slot: { meta?: NameMeta } = {};
    this._call(method, [name, reference, comment ?? null], (t, m, loc) => {
      let formula: string;
      if (reference instanceof RangeProxy) {
        const r = reference._target(m);
        if (!r) throw invalidArgument(loc);
        formula = `=${formatAddress(r.sheet.name, r.rect, true)}`;
      } else if (typeof reference === "string" && reference.trim() !== "") formula = reference.trim();
      else throw invalidArgument(loc, "A reference is required.");
      slot.meta = t.addName(name, formula, comment ?? "", loc);
    });
    return new NamedItemProxy(this._ctx, `${this._path}.${method}(${JSON.stringify(name)})`, () => {
      if (!slot.meta) throw itemNotFound(`NamedItemCollection.${method}`);
      return slot.meta;
    });
  }

  getItem(name: string): NamedItemProxy {
    return new NamedItemProxy(this._ctx, `${this._path}.getItem(${JSON.stringify(name)})`, (m) => {
      const meta = m.findName(name);
      if (!meta) throw itemNotFound("NamedItemCollection.getItem", `The name "${name}" doesn't exist.`);
      return meta;
    });
  }

  getItemOrNullObject(name: string): NamedItemProxy {
    this._ctx._requireApi("ExcelApi", "1.4", "NamedItemCollection.getItemOrNullObject");
    const p = new NamedItemProxy(this._ctx, `${this._path}.getItemOrNullObject(${JSON.stringify(name)})`, (m) => m.findName(name) ?? null, true);
    p._instantiate();
    return p;
  }

  getCount(): ClientResultImpl<number> {
    this._ctx._requireApi("ExcelApi", "1.4", "NamedItemCollection.getCount");
    return this._result("getCount", [], (t) => t.names.size);
  }
}

export class NamedItemProxy extends ProxyBase<NameMeta> {
  readonly _typeName = "NamedItem";

  protected override _alive(t: NameMeta): boolean {
    return nameAlive(t);
  }

  delete(): void {
    this._ctx._requireApi("ExcelApi", "1.4", "NamedItem.delete");
    this._call("delete", [], (t, m) => {
      m.deleteName(t);
      (t as NameMeta & { deleted?: boolean }).deleted = true;
    });
  }

  getRange(): RangeProxy {
    return new RangeProxy(this._ctx, `${this._path}.getRange()`, (m) => {
      const t = this._target(m);
      if (!t) return null;
      const r = m.nameRange(t);
      if (!r) throw new HostError(ErrorCodes.invalidReference, `The name "${t.name}" doesn't refer to a range.`, "NamedItem.getRange");
      return r;
    });
  }

  getRangeOrNullObject(): RangeProxy {
    this._ctx._requireApi("ExcelApi", "1.4", "NamedItem.getRangeOrNullObject");
    const p = new RangeProxy(
      this._ctx,
      `${this._path}.getRangeOrNullObject()`,
      (m) => {
        const t = this._target(m);
        return t ? m.nameRange(t) : null;
      },
      true,
    );
    p._instantiate();
    return p;
  }
}

function nameValue(t: NameMeta, m: WorkbookModel): { type: string; value: unknown } {
  const f = m.nameFormula(t.name);
  if (singleReference(f)) return { type: "Range", value: f.slice(1) };
  const v = m.hf.getNamedExpressionValue(t.name);
  if (Array.isArray(v)) return { type: "Array", value: v };
  if (v && typeof v === "object" && "value" in v) return { type: "Error", value: (v as { value: string }).value };
  if (typeof v === "number") return { type: Number.isInteger(v) ? "Integer" : "Double", value: v };
  if (typeof v === "boolean") return { type: "Boolean", value: v };
  return { type: "String", value: v ?? "" };
}

defineProps<NameMeta>(NamedItemProxy, {
  name: { get: (t) => t.name },
  formula: { get: (t, m) => m.nameFormula(t.name), set: (t, m, v, loc) => m.setNameFormula(t, String(v), loc), api: ["ExcelApi", "1.7"] },
  type: { get: (t, m) => nameValue(t, m).type },
  value: { get: (t, m) => nameValue(t, m).value },
  visible: {
    get: (t) => t.visible,
    set: (t, _m, v, loc) => {
      if (typeof v !== "boolean") throw invalidArgument(loc);
      t.visible = v;
    },
  },
  comment: {
    get: (t) => t.comment,
    set: (t, _m, v, loc) => {
      if (typeof v !== "string") throw invalidArgument(loc);
      t.comment = v;
    },
    api: ["ExcelApi", "1.4"],
  },
  scope: { get: () => "Workbook", api: ["ExcelApi", "1.4"] },
});

