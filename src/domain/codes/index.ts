/**
 * The issue catalogue (issue #13): every issue the product raises names a code from here, with
 * parameters, never text. The texts live in the area files beside this one; `docs/ma-loi.md` is
 * generated from them (`npm run codes:doc`).
 */
import type { Issue, Message, Where } from "../issues";
import type { CodeSpec } from "./types";
import { APP_CODES } from "./app";
import { DOCUMENTS_CODES } from "./documents";
import { PANE_CODES } from "./pane";
import { RULES_CODES } from "./rules";
import { VOTING_CODES } from "./voting";

export { APPLIES_TEXT, type Applies, type CodeSpec } from "./types";

export const CATALOGUE = { ...RULES_CODES, ...VOTING_CODES, ...DOCUMENTS_CODES, ...APP_CODES, ...PANE_CODES } as const;
/** The area tables, for the test that a code lives in one file only. */
export const CATALOGUE_PARTS = { rules: RULES_CODES, voting: VOTING_CODES, documents: DOCUMENTS_CODES, app: APP_CODES, pane: PANE_CODES } as const;

export type IssueCode = keyof typeof CATALOGUE;

/** The parameter names of a template: "{unit} at {cell}" → "unit" | "cell". */
type Holes<S> = S extends `${string}{${infer P}}${infer R}` ? P | Holes<R> : never;
type Spec<C extends IssueCode> = (typeof CATALOGUE)[C] extends CodeSpec ? (typeof CATALOGUE)[C] : never;
/** A parameter: text, a number (written per language), or words per language (a label the two languages name differently). */
import { fill, type Param } from "./fill";

export { fill, type Param };
export type ParamsOf<C extends IssueCode> = { [K in Holes<Spec<C>["vi"]> | Holes<Spec<C>["en"]>]: Param };

export function isIssueCode(code: string): code is IssueCode {
  return Object.prototype.hasOwnProperty.call(CATALOGUE, code);
}

export function specOf(code: IssueCode): CodeSpec {
  return (CATALOGUE as Record<string, CodeSpec>)[code];
}

/** The message of a code with its parameters, in both languages. */
export function messageOf<C extends IssueCode>(code: C, params: ParamsOf<C>): Message {
  const spec = specOf(code);
  const p = params as Record<string, Param>;
  return { vi: fill(spec.vi, p, "vi"), en: fill(spec.en, p, "en") };
}

/** Raises a catalogued issue: its code, its parameters, and where it sits. */
export function raise<C extends IssueCode>(code: C, params: ParamsOf<C>, where?: Where): Issue {
  const spec = specOf(code);
  const message = messageOf(code, params);
  const out: Issue = { code, severity: spec.severity, message, params: params as Record<string, Param> };
  if (where) out.where = where;
  return out;
}

/** The same issue about a form field rather than a cell. */
export function raiseAt<C extends IssueCode>(code: C, params: ParamsOf<C>, field: string): Issue {
  return { ...raise(code, params), field };
}
