/**
 * Coded issues: every check in the product returns these instead of throwing.
 * Errors block the step that needs correct data; warnings inform.
 */
import type { z } from "zod";
export type Severity = "error" | "warning";

/** Where an issue sits in the workbook, as a user would find it. */
export interface Where {
  sheet: string;
  /** A1-style cell or range on that sheet, e.g. "B7" or "A13:D13". */
  cell?: string;
}

export interface Message {
  vi: string;
  en: string;
}

export interface Issue {
  code: string;
  severity: Severity;
  where?: Where;
  /** The form field the issue is about, when it comes from a form (e.g. "members.3.name"). */
  field?: string;
  message: Message;
  /** The parameters its catalogued template was filled with (src/domain/codes). */
  params?: Readonly<Record<string, string | number | Message>>;
}

/** @deprecated Raise a catalogued code with `raise(code, params, where)` from src/domain/codes (issue #13). */
export function issue(code: string, severity: Severity, message: Message, where?: Where): Issue {
  return where ? { code, severity, where, message } : { code, severity, message };
}

/** @deprecated Use `raise` from src/domain/codes. */
export const error = (code: string, message: Message, where?: Where): Issue => issue(code, "error", message, where);
/** @deprecated Use `raise` from src/domain/codes. */
export const warning = (code: string, message: Message, where?: Where): Issue => issue(code, "warning", message, where);

export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === "error");
}

/** A result that either carries a value or the issues that stopped it. */
export type Result<T> = { ok: true; value: T; issues: Issue[] } | { ok: false; issues: Issue[] };

/**
 * Untrusted data (a settings sheet, a scenario file) through its schema, then its checks: each
 * schema problem as `schemaIssue(path, message)`, else the checks' issues; the value is null when
 * either finds an error.
 */
export function parseChecked<T, I extends { severity: Severity }>(
  schema: z.ZodType<T>,
  raw: unknown,
  schemaIssue: (path: string, message: string) => I,
  check: (value: T) => I[],
): { value: T | null; issues: I[] } {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return { value: null, issues: parsed.error.issues.map((e) => schemaIssue(e.path.join("."), e.message)) };
  const issues = check(parsed.data);
  return { value: issues.some((i) => i.severity === "error") ? null : parsed.data, issues };
}
