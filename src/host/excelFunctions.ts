/**
 * Worksheet functions the host computes as Excel does where HyperFormula does not.
 *
 * MATCH(key, range, 0): HyperFormula's lookups strip accents whatever the configuration (MATCH("hop le", ..., 0) finds
 * "Hợp lệ") and take no wildcards. Excel's exact MATCH ignores case only, and takes "?", "*" and "~" wildcards in a
 * text key (MATCH function, support.microsoft.com/office/match-function-e8dffd45-c762-47d6-bf89-533f4a37673a).
 * Match types 1 and -1 stay HyperFormula's.
 *
 * ROUND, ROUNDUP, ROUNDDOWN (and TRUNC, HyperFormula's alias of ROUNDDOWN): HyperFormula multiplies the binary
 * double by 10^digits and rounds that, so ROUND(1.005, 2) = 1 and ROUND(0.285, 2) = 0.28, ROUNDUP(0.1+0.2, 1)
 * = 0.4. Excel rounds the number as it knows it, to 15 significant digits (Excel's number precision, "Excel
 * specifications and limits"), half away from zero: ROUND(1.005, 2) = 1.01, ROUND(-1.475, 2) = -1.48 (the example
 * of Microsoft's ROUND function page, support.microsoft.com/office/round-function-c018c5d8-40fb-4053-90b1-b3e7f61a213c),
 * ROUNDUP(0.1+0.2, 1) = 0.3 (LibreOffice, which follows Excel here, agrees). num_digits is truncated to an integer,
 * as Excel does with integer arguments.
 */
import { CellError, EmptyValue, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula, type ImplementedFunctions } from "hyperformula";

export type RoundingMode = "nearest" | "up" | "down";

/** Excel's significant digits (Excel specifications and limits: "Number precision: 15 digits"). */
const PRECISION = 15;

/**
 * Rounds `x` to `digits` decimal places (negative: to the left of the point) as Excel's ROUND ("nearest", half away
 * from zero), ROUNDUP ("up", away from zero) and ROUNDDOWN ("down", toward zero) do: on the decimal number of 15
 * significant digits that `x` stands for. NaN when the result is out of range.
 */
export function excelRound(x: number, digits: number, mode: RoundingMode): number {
  if (!Number.isFinite(x) || !Number.isFinite(digits)) return NaN;
  if (x === 0) return 0;
  const n = Math.trunc(digits);
  const [mantissa, expText] = Math.abs(x).toExponential(PRECISION - 1).split("e");
  const exp = Number(expText);
  const ds = mantissa.replace(".", ""); // PRECISION digits; ds[i] is worth 10^(exp - i)
  // How many leading digits are kept: those worth at least 10^-n.
  const keep = exp + n + 1;
  let units: number; // the result is units * 10^-n
  if (keep >= PRECISION) {
    // Nothing to round within Excel's precision: the number as Excel knows it.
    return Number(`${x < 0 ? "-" : ""}${ds}e${exp - PRECISION + 1}`);
  }
  if (keep <= 0) {
    const first = keep === 0 ? Number(ds[0]) : 0; // the digit just below 10^-n (keep < 0: below that, so < 0.1 of a unit)
    units = mode === "up" ? 1 : mode === "nearest" && first >= 5 ? 1 : 0;
  } else {
    units = Number(ds.slice(0, keep));
    const rest = ds.slice(keep);
    const away = mode === "up" ? /[1-9]/.test(rest) : mode === "nearest" ? rest.length > 0 && rest[0] >= "5" : false;
    if (away) units += 1;
  }
  if (units === 0) return 0;
  const out = Number(`${x < 0 ? "-" : ""}${units}e${-n}`);
  return Number.isFinite(out) ? out : NaN;
}

const roundingParameters = [{ argumentType: FunctionArgumentType.NUMBER }, { argumentType: FunctionArgumentType.NUMBER, defaultValue: 0 }];

/** The procedure AST and interpreter state HyperFormula passes to a function (its types are not exported). */
type Ast = { args: unknown[] };
type State = unknown;

export class ExcelRoundingPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = {
    ROUND: { method: "round", parameters: roundingParameters },
    ROUNDUP: { method: "roundup", parameters: roundingParameters },
    ROUNDDOWN: { method: "rounddown", parameters: roundingParameters },
  };

  static override aliases = { TRUNC: "ROUNDDOWN" };

  round(ast: Ast, state: State): unknown {
    return this.rounded("ROUND", "nearest", ast, state);
  }

  roundup(ast: Ast, state: State): unknown {
    return this.rounded("ROUNDUP", "up", ast, state);
  }

  rounddown(ast: Ast, state: State): unknown {
    return this.rounded("ROUNDDOWN", "down", ast, state);
  }

  private rounded(name: string, mode: RoundingMode, ast: Ast, state: State): unknown {
    return this.runFunction(ast.args as never, state as never, this.metadata(name), (x: number, digits: number) => {
      const v = excelRound(x, digits, mode);
      return Number.isNaN(v) ? new CellError(ErrorType.NUM) : v;
    });
  }
}

// ------------------------------------------------------------------ MATCH

/** A value as HyperFormula hands it to a function: numbers may come wrapped with their format ({ val }). */
function rawValue(v: unknown): unknown {
  return v !== null && typeof v === "object" && "val" in v && typeof (v as { val: unknown }).val === "number" ? (v as { val: number }).val : v;
}

const fold = (s: string): string => s.normalize("NFC").toLowerCase();

/** Excel's wildcard text pattern ("?" one character, "*" any run, "~" escapes the next) as a whole-text RegExp. */
function wildcardPattern(key: string): RegExp | null {
  if (!/[*?~]/.test(key)) return null;
  let out = "";
  for (let i = 0; i < key.length; i++) {
    const ch = key[i];
    if (ch === "~" && i + 1 < key.length) out += escapeRegExp(key[++i]);
    else if (ch === "*") out += ".*";
    else if (ch === "?") out += ".";
    else out += escapeRegExp(ch);
  }
  return new RegExp(`^${out}$`, "su");
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** 1-based position of the first value equal to `key` (text: case-insensitively, accents kept, wildcards), or 0. */
export function exactMatchIndex(key: unknown, values: Iterable<unknown>): number {
  const k = rawValue(key === EmptyValue ? 0 : key);
  const pattern = typeof k === "string" ? wildcardPattern(fold(k)) : null;
  const text = typeof k === "string" ? fold(k) : "";
  let i = 0;
  for (const cell of values) {
    i++;
    const v = rawValue(cell);
    if (typeof k === "string") {
      if (typeof v === "string" && (pattern ? pattern.test(fold(v)) : fold(v) === text)) return i;
    } else if (typeof k === "number" || typeof k === "boolean") {
      if (v === k) return i;
    }
  }
  return 0;
}

interface RangeArgument {
  width(): number;
  height(): number;
  valuesFromTopLeftCorner(): IterableIterator<unknown>;
}

type LookupPluginInstance = FunctionPlugin & { doMatch(key: unknown, range: unknown, type: number): unknown };

/** HyperFormula's own lookup plugin (VLOOKUP, MATCH, ...): ExcelMatchPlugin keeps its approximate MATCH. */
const LookupPlugin = HyperFormula.getFunctionPlugin("MATCH") as unknown as typeof FunctionPlugin & { implementedFunctions: ImplementedFunctions };

export class ExcelMatchPlugin extends LookupPlugin {
  static override implementedFunctions: ImplementedFunctions = {
    MATCH: { ...LookupPlugin.implementedFunctions.MATCH, method: "excelMatch" },
  };

  static override aliases = {};

  excelMatch(ast: Ast, state: State): unknown {
    return this.runFunction(ast.args as never, state as never, this.metadata("MATCH"), (key: unknown, range: RangeArgument, type: number) => {
      if (type !== 0) return (this as unknown as LookupPluginInstance).doMatch(key === EmptyValue ? 0 : key, range, type) as never;
      if (range.width() > 1 && range.height() > 1) return new CellError(ErrorType.NA);
      const at = exactMatchIndex(key, range.valuesFromTopLeftCorner());
      return at > 0 ? at : new CellError(ErrorType.NA);
    });
  }
}
