/**
 * Formula text, as Excel writes it: a small lexer that finds references, and the rewrites the host
 * needs around HyperFormula — quoting sheet names HyperFormula cannot read bare, bare TRUE/FALSE,
 * shifting relative references (conditional formats, validation, sorting), adjusting references
 * after rows or columns are inserted or deleted, and renaming sheets.
 */
import { MAX_COLS, MAX_ROWS, colToLetters, lettersToCol, quoteSheet } from "./addresses";

type TokKind = "string" | "sheet" | "word" | "error" | "ws" | "op" | "bracket";

interface Tok {
  kind: TokKind;
  text: string;
  /** For "sheet" tokens: the unquoted sheet name. */
  sheet?: string;
}

const WORD = /[\p{L}\p{M}\p{N}_.$\\]/u;

/**
 * Sheet names no worksheet can have (Excel forbids "[" and "]" in sheet names), used inside the host
 * (in HyperFormula and in the model's own formula text) for references bound to nothing:
 * - DEAD_SHEET: a reference into a deleted sheet, which Excel writes "#REF!A1";
 * - UNBOUND_PREFIX + name: a reference to a sheet that did not exist when the formula was entered
 *   (Excel reads it as an external reference), still written with its name.
 * HyperFormula re-attaches a reference to a missing sheet by name when a sheet of that name is added;
 * these names never exist, so such references stay #REF! as they do in Excel.
 */
export const DEAD_SHEET = "[#REF!]";
const UNBOUND_PREFIX = "[unbound]";

/** The sentinel sheet name of a reference to `name` that is bound to nothing. */
export const unboundSheet = (name: string): string => UNBOUND_PREFIX + name;
const isSentinel = (sheet: string): boolean => sheet === DEAD_SHEET || sheet.startsWith(UNBOUND_PREFIX);
const ERRORS = ["#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!", "#SPILL!", "#CALC!", "#GETTING_DATA"];

function lex(formula: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  const s = formula;
  while (i < s.length) {
    const ch = s[i];
    if (ch === '"') {
      let j = i + 1;
      while (j < s.length) {
        if (s[j] === '"') {
          if (s[j + 1] === '"') {
            j += 2;
            continue;
          }
          break;
        }
        j++;
      }
      out.push({ kind: "string", text: s.slice(i, j + 1) });
      i = j + 1;
      continue;
    }
    if (ch === "'") {
      let j = i + 1;
      let name = "";
      while (j < s.length) {
        if (s[j] === "'") {
          if (s[j + 1] === "'") {
            name += "'";
            j += 2;
            continue;
          }
          break;
        }
        name += s[j];
        j++;
      }
      if (s[j] === "'" && s[j + 1] === "!") {
        out.push({ kind: "sheet", text: s.slice(i, j + 2), sheet: name });
        i = j + 2;
        continue;
      }
      out.push({ kind: "op", text: ch });
      i++;
      continue;
    }
    if (ch === "#") {
      const e = ERRORS.find((x) => s.startsWith(x, i) || s.slice(i, i + x.length).toUpperCase() === x);
      if (e === "#REF!" && i + e.length < s.length && WORD.test(s[i + e.length])) {
        // "#REF!A1": Excel's text for a reference into a deleted sheet.
        out.push({ kind: "sheet", text: s.slice(i, i + e.length), sheet: DEAD_SHEET });
        i += e.length;
        continue;
      }
      if (e) {
        out.push({ kind: "error", text: s.slice(i, i + e.length) });
        i += e.length;
        continue;
      }
    }
    if (ch === "[") {
      let depth = 0;
      let j = i;
      while (j < s.length) {
        if (s[j] === "[") depth++;
        else if (s[j] === "]") {
          depth--;
          if (depth === 0) break;
        }
        j++;
      }
      out.push({ kind: "bracket", text: s.slice(i, j + 1) });
      i = j + 1;
      continue;
    }
    if (/\s/.test(ch)) {
      let j = i;
      while (j < s.length && /\s/.test(s[j])) j++;
      out.push({ kind: "ws", text: s.slice(i, j) });
      i = j;
      continue;
    }
    if (WORD.test(ch)) {
      let j = i;
      while (j < s.length && WORD.test(s[j])) j++;
      const word = s.slice(i, j);
      if (s[j] === "!" && !/^\d/.test(word)) {
        out.push({ kind: "sheet", text: s.slice(i, j + 1), sheet: word });
        i = j + 1;
        continue;
      }
      out.push({ kind: "word", text: word });
      i = j;
      continue;
    }
    out.push({ kind: "op", text: ch });
    i++;
  }
  return out;
}

interface Part {
  row?: number;
  rowAbs: boolean;
  col?: number;
  colAbs: boolean;
}

interface Ref {
  /** Token span [start, end). */
  start: number;
  end: number;
  sheet?: string;
  a: Part;
  b?: Part;
}

const CELL = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)$/;
const COL = /^(\$?)([A-Za-z]{1,3})$/;
const ROW = /^(\$?)(\d+)$/;

function cellPart(text: string): Part | null {
  const m = CELL.exec(text);
  if (!m) return null;
  const col = lettersToCol(m[2]);
  const row = Number(m[4]) - 1;
  if (col < 0 || col >= MAX_COLS || row < 0 || row >= MAX_ROWS) return null;
  return { col, colAbs: m[1] === "$", row, rowAbs: m[3] === "$" };
}

function colPart(text: string): Part | null {
  const m = COL.exec(text);
  if (!m) return null;
  const col = lettersToCol(m[2]);
  if (col < 0 || col >= MAX_COLS) return null;
  return { col, colAbs: m[1] === "$", rowAbs: false };
}

function rowPart(text: string): Part | null {
  const m = ROW.exec(text);
  if (!m) return null;
  const row = Number(m[2]) - 1;
  if (row < 0 || row >= MAX_ROWS) return null;
  return { row, rowAbs: m[1] === "$", colAbs: false };
}

function nextSignificant(toks: Tok[], i: number): Tok | undefined {
  let j = i;
  while (j < toks.length && toks[j].kind === "ws") j++;
  return toks[j];
}

function findRefs(toks: Tok[]): Ref[] {
  const refs: Ref[] = [];
  let i = 0;
  while (i < toks.length) {
    const start = i;
    let sheet: string | undefined;
    if (toks[i].kind === "sheet") {
      sheet = toks[i].sheet;
      i++;
    }
    const t = toks[i];
    if (!t || t.kind !== "word") {
      i = start + 1;
      continue;
    }
    const prev = start > 0 ? toks[start - 1] : undefined;
    if (prev && prev.kind === "op" && prev.text === ".") {
      i = start + 1;
      continue;
    }
    const colon = toks[i + 1];
    const second = toks[i + 2];
    if (colon && colon.kind === "op" && colon.text === ":" && second && second.kind === "word") {
      const pairs: Array<[Part | null, Part | null]> = [
        [cellPart(t.text), cellPart(second.text)],
        [colPart(t.text), colPart(second.text)],
        [rowPart(t.text), rowPart(second.text)],
      ];
      const hit = pairs.find(([a, b]) => a && b);
      if (hit) {
        const after = nextSignificant(toks, i + 3);
        if (!(after && after.kind === "op" && after.text === "(")) {
          refs.push({ start, end: i + 3, sheet, a: hit[0] as Part, b: hit[1] as Part });
          i += 3;
          continue;
        }
      }
    }
    const cell = cellPart(t.text);
    if (cell) {
      const after = nextSignificant(toks, i + 1);
      if (!(after && after.kind === "op" && after.text === "(")) {
        refs.push({ start, end: i + 1, sheet, a: cell });
        i += 1;
        continue;
      }
    }
    i = start + 1;
  }
  return refs;
}

function partText(p: Part): string {
  let s = "";
  if (p.col !== undefined) s += (p.colAbs ? "$" : "") + colToLetters(p.col);
  if (p.row !== undefined) s += (p.rowAbs ? "$" : "") + String(p.row + 1);
  return s;
}

function refText(r: Ref, sheetText: string): string {
  return sheetText + partText(r.a) + (r.b ? ":" + partText(r.b) : "");
}

/** Rebuilds a formula, replacing each reference by what `fn` returns (null keeps it). */
function mapRefs(formula: string, fn: (ref: Ref, sheetTok: Tok | undefined) => string | null): string {
  if (!formula.startsWith("=")) return formula;
  const toks = lex(formula);
  const refs = findRefs(toks);
  if (refs.length === 0) return formula;
  let out = "";
  let k = 0;
  for (const r of refs) {
    for (; k < r.start; k++) out += toks[k].text;
    const sheetTok = toks[r.start].kind === "sheet" ? toks[r.start] : undefined;
    const replaced = fn(r, sheetTok);
    if (replaced === null) for (; k < r.end; k++) out += toks[k].text;
    else {
      out += replaced;
      k = r.end;
    }
  }
  for (; k < toks.length; k++) out += toks[k].text;
  return out;
}

function shiftPart(p: Part, dr: number, dc: number): Part | null {
  const q: Part = { ...p };
  if (q.row !== undefined && !q.rowAbs) q.row += dr;
  if (q.col !== undefined && !q.colAbs) q.col += dc;
  if (q.row !== undefined && (q.row < 0 || q.row >= MAX_ROWS)) return null;
  if (q.col !== undefined && (q.col < 0 || q.col >= MAX_COLS)) return null;
  return q;
}

/** Moves the relative parts of every reference by (dr, dc), as copying a formula does. Off-sheet becomes #REF!. */
export function shiftRelative(formula: string, dr: number, dc: number): string {
  if (dr === 0 && dc === 0) return formula;
  return mapRefs(formula, (r, sheetTok) => {
    // Whole-column references don't move vertically; whole-row references don't move horizontally.
    const a = shiftPart(r.a, r.a.row === undefined ? 0 : dr, r.a.col === undefined ? 0 : dc);
    const b = r.b ? shiftPart(r.b, r.b.row === undefined ? 0 : dr, r.b.col === undefined ? 0 : dc) : undefined;
    if (!a || b === null) return "#REF!";
    return refText({ ...r, a, b }, sheetTok?.text ?? "");
  });
}

export interface StructuralChange {
  /** Sheet whose rows or columns change. */
  sheet: string;
  axis: "row" | "col";
  /** First row/column (0-based) inserted, or first deleted. */
  at: number;
  /** Positive: inserted count; negative: deleted count. */
  count: number;
  /** When only part of the sheet shifts: the band of columns (for rows) or rows (for columns) that moves. */
  band?: [number, number];
}

const eqName = (a: string, b: string): boolean => a.localeCompare(b, undefined, { sensitivity: "accent" }) === 0 || a.toLowerCase() === b.toLowerCase();

/**
 * Adjusts the references of a formula that lives on `formulaSheet` after rows or columns were inserted
 * or deleted on `change.sheet`, as Excel does: references at or after the insertion point move; references
 * into deleted cells become #REF!; ranges grow, shrink or move.
 */
export function adjustReferences(formula: string, formulaSheet: string, change: StructuralChange): string {
  const axisKey = change.axis === "row" ? "row" : "col";
  const otherKey = change.axis === "row" ? "col" : "row";
  return mapRefs(formula, (r, sheetTok) => {
    const target = r.sheet ?? formulaSheet;
    if (!eqName(target, change.sheet)) return null;
    const a = { ...r.a };
    const b = r.b ? { ...r.b } : undefined;
    const s0 = a[axisKey];
    const s1 = b ? b[axisKey] : s0;
    if (s0 === undefined || s1 === undefined) return null; // whole rows/columns on the other axis
    if (change.band) {
      const o0 = a[otherKey];
      const o1 = b ? b[otherKey] : o0;
      if (o0 === undefined || o1 === undefined) return null;
      if (o0 < change.band[0] || o1 > change.band[1]) return null;
    }
    if (change.count > 0) {
      const n = change.count;
      if (s0 >= change.at) a[axisKey] = s0 + n;
      if (b && s1 >= change.at) b[axisKey] = s1 + n;
      const max = change.axis === "row" ? MAX_ROWS : MAX_COLS;
      if ((a[axisKey] ?? 0) >= max || (b && (b[axisKey] ?? 0) >= max)) return "#REF!";
    } else {
      const n = -change.count;
      const lo = change.at;
      const hi = change.at + n - 1;
      if (!b) {
        if (s0 >= lo && s0 <= hi) return "#REF!";
        if (s0 > hi) a[axisKey] = s0 - n;
      } else {
        if (s0 >= lo && s1 <= hi) return "#REF!";
        a[axisKey] = s0 < lo ? s0 : s0 > hi ? s0 - n : lo;
        b[axisKey] = s1 < lo ? s1 : s1 > hi ? s1 - n : lo - 1;
      }
    }
    return refText({ ...r, a, b }, sheetTok?.text ?? "");
  });
}

/** Rewrites references to sheet `from` so they name `to` (quoted as Excel would). */
export function renameSheetInFormula(formula: string, from: string, to: string): string {
  if (!formula.startsWith("=")) return formula;
  const toks = lex(formula);
  return toks
    .map((t) => (t.kind === "sheet" && t.sheet !== undefined && eqName(t.sheet, from) ? `${quoteSheet(to)}!` : t.text))
    .join("");
}

/** Replaces references into a deleted sheet with #REF! (the whole reference: the host's lenient behaviour). */
export function dropSheetInFormula(formula: string, sheet: string): string {
  return mapRefs(formula, (r) => (r.sheet !== undefined && eqName(r.sheet, sheet) ? "#REF!" : null));
}

/**
 * Rewrites references into a deleted sheet as Excel does: the sheet part becomes "#REF!" ("=Sheet1!A1"
 * becomes "=#REF!A1"), bound to nothing for good.
 */
export function killSheetInFormula(formula: string, sheet: string): string {
  if (!formula.startsWith("=")) return formula;
  return lex(formula)
    .map((t) => (t.kind === "sheet" && t.sheet !== undefined && !isSentinel(t.sheet) && eqName(t.sheet, sheet) ? "#REF!" : t.text))
    .join("");
}

/**
 * Binds the sheet references of a formula being entered: a sheet that does not exist (`exists` says no)
 * is bound to nothing (an unbound sentinel, shown with its name), so adding a sheet of that name later
 * does not attach it. Returns the host's internal formula text.
 */
export function bindSheets(formula: string, exists: (name: string) => boolean): string {
  if (!formula.startsWith("=")) return formula;
  let changed = false;
  const out = lex(formula).map((t) => {
    if (t.kind !== "sheet" || t.sheet === undefined || isSentinel(t.sheet) || exists(t.sheet)) return t.text;
    changed = true;
    return `${quoteSheet(unboundSheet(t.sheet), true)}!`;
  });
  return changed ? out.join("") : formula;
}

/** Formula text for HyperFormula: sheet names always quoted, bare TRUE/FALSE as TRUE()/FALSE(). */
export function toHf(formula: string): string {
  if (!formula.startsWith("=")) return formula;
  const toks = lex(formula);
  let out = "";
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.kind === "sheet" && t.sheet !== undefined) {
      out += `'${t.sheet.replace(/'/g, "''")}'!`;
      continue;
    }
    if (t.kind === "word" && /^(TRUE|FALSE)$/i.test(t.text)) {
      const prev = toks[i - 1];
      const next = nextSignificant(toks, i + 1);
      if (!(next && next.kind === "op" && next.text === "(") && !(prev && prev.kind === "sheet")) {
        out += `${t.text.toUpperCase()}()`;
        continue;
      }
    }
    out += t.text;
  }
  return out;
}

/**
 * Formula text from HyperFormula, written as Excel writes it: sheet names quoted only when needed, TRUE()/FALSE()
 * bare, references bound to nothing as Excel shows them ("#REF!A1", or the missing sheet's name). With `internal`,
 * those references keep their sentinel sheet names, so that the text can go back to HyperFormula unchanged in meaning.
 */
export function fromHf(formula: string, internal = false): string {
  if (!formula.startsWith("=")) return formula;
  const toks = lex(formula);
  let out = "";
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.kind === "sheet" && t.sheet !== undefined) {
      if (!internal && t.sheet === DEAD_SHEET) out += "#REF!";
      else if (!internal && t.sheet.startsWith(UNBOUND_PREFIX)) out += `${quoteSheet(t.sheet.slice(UNBOUND_PREFIX.length))}!`;
      else out += `${quoteSheet(t.sheet)}!`;
      continue;
    }
    if (t.kind === "word" && /^(TRUE|FALSE)$/.test(t.text)) {
      const open = toks[i + 1];
      const close = toks[i + 2];
      if (open?.kind === "op" && open.text === "(" && close?.kind === "op" && close.text === ")") {
        out += t.text;
        i += 2;
        continue;
      }
    }
    out += t.text;
  }
  return out;
}

/** If the formula is exactly one reference ("=Sheet!$A$1:$B$2"), its sheet and text; otherwise null. */
export function singleReference(formula: string): { sheet?: string; local: string } | null {
  if (!formula.startsWith("=")) return null;
  const toks = lex(formula.slice(1)).filter((t) => t.kind !== "ws");
  const refs = findRefs(toks);
  if (refs.length !== 1 || refs[0].start !== 0 || refs[0].end !== toks.length) return null;
  const r = refs[0];
  return { sheet: r.sheet, local: partText(r.a) + (r.b ? ":" + partText(r.b) : "") };
}

/** Names of sheets referenced by a formula. */
export function referencedSheets(formula: string): string[] {
  if (!formula.startsWith("=")) return [];
  return lex(formula)
    .filter((t) => t.kind === "sheet" && t.sheet !== undefined)
    .map((t) => t.sheet as string);
}
