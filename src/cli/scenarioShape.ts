import { z } from "zod";
import { raise, type IssueCode } from "../domain/codes";
import type { Issue } from "../domain/issues";
import { ScenarioSchema, type Scenario } from "./scenarioSchema";

/** A JSON path as a user reads it: votes[2].ballots[5], scoring.scores[0].entries["I.1.a"]. */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const k of path) {
    if (typeof k === "number") out += `[${k}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(String(k))) out += `${out ? "." : ""}${String(k)}`;
    else out += `[${JSON.stringify(String(k))}]`;
  }
  return out;
}

/** A JSON value as a message quotes it, the same in both languages: "abc", 5, true, null, […], {…}. */
function shown(v: unknown): string {
  if (v === undefined) return "—";
  if (Array.isArray(v)) return "[…]";
  if (v !== null && typeof v === "object") return "{…}";
  return JSON.stringify(typeof v === "string" && v.length > 40 ? `${v.slice(0, 40)}…` : v);
}

/** The kind a field must have, by zod's name for it: one catalogued code each. */
const KIND_CODE = {
  string: "scenario.shape.string",
  number: "scenario.shape.number",
  int: "scenario.shape.int",
  boolean: "scenario.shape.boolean",
  array: "scenario.shape.array",
  object: "scenario.shape.object",
} as const satisfies Record<string, IssueCode>;
const kindCode = (t: string) => (KIND_CODE as Record<string, (typeof KIND_CODE)[keyof typeof KIND_CODE] | undefined>)[t];

/** The value at `path` in `json` (undefined when absent). */
function at(json: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = json;
  for (const k of path) v = v !== null && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v;
}

type ZIssue = z.core.$ZodIssue;

/** A union's branch that went furthest: not a wrong kind at its root, fewest issues, deepest path. */
function bestBranch(branches: ZIssue[][]): ZIssue[] {
  const wrongKind = (b: ZIssue[]) => b.every((i) => i.path.length === 0 && (i.code === "invalid_type" || i.code === "invalid_value"));
  const depth = (b: ZIssue[]) => Math.max(0, ...b.map((i) => i.path.length));
  return [...branches].sort((a, b) => Number(wrongKind(a)) - Number(wrongKind(b)) || a.length - b.length || depth(b) - depth(a))[0] ?? [];
}

/** One zod issue → catalogued issues (scenario.shape.*), each with its JSON path as `field`. */
function shapeIssues(i: ZIssue, base: readonly PropertyKey[], json: unknown): Issue[] {
  const path = [...base, ...i.path];
  const field = jsonPath(path) || "(root)";
  const v = at(json, path);
  const got = shown(v);
  const on = (issue: Issue, f = field): Issue => ({ ...issue, field: f });
  switch (i.code) {
    case "invalid_type": {
      if (v === undefined) return [on(raise("scenario.shape.missing", { field }))];
      const code = kindCode(i.expected);
      return [on(code ? raise(code, { field, got }) : raise("scenario.shape.type", { field, expected: i.expected, got }))];
    }
    case "unrecognized_keys":
      return i.keys.map((key) => {
        const f = jsonPath([...path, key]);
        return on(raise("scenario.shape.unknownKey", { field: f, key }), f);
      });
    case "too_big":
    case "too_small": {
      const big = i.code === "too_big";
      const limit = Number(big ? i.maximum : i.minimum);
      if (i.origin === "array" || i.origin === "set") return [on(raise(big ? "scenario.shape.tooMany" : "scenario.shape.tooFew", { field, limit }))];
      if (i.origin === "string") return [on(raise(big ? "scenario.shape.tooLong" : "scenario.shape.tooShort", { field, limit }))];
      const rel = big ? (i.inclusive ? "≤" : "<") : i.inclusive ? "≥" : ">";
      return [on(raise("scenario.shape.range", { field, rel, limit, got }))];
    }
    case "invalid_value":
      return [on(raise("scenario.shape.choice", { field, values: i.values.map((x) => JSON.stringify(x)).join(", "), got }))];
    case "invalid_format":
      if (i.format === "datetime") return [on(raise("scenario.shape.datetime", { field, got }))];
      if (i.format === "regex" && i.pattern) return [on(raise("scenario.shape.pattern", { field, pattern: i.pattern, got }))];
      return [on(raise("scenario.shape.format", { field, format: i.format, got }))];
    case "invalid_union": {
      const branches = i.errors;
      const root = branches.flat().filter((x) => x.path.length === 0);
      // Every branch refused the value's kind: say which kinds are allowed.
      if (root.length === branches.flat().length && root.every((x) => x.code === "invalid_type" || x.code === "invalid_value")) {
        const kinds = root.flatMap((x) => (x.code === "invalid_type" ? [x.expected] : x.code === "invalid_value" ? x.values.map((y) => JSON.stringify(y)) : []));
        return [on(raise("scenario.shape.kinds", { field, kinds: [...new Set(kinds)].join(" | "), got }))];
      }
      return bestBranch(branches).flatMap((x) => shapeIssues(x, path, json));
    }
    case "not_multiple_of":
      return [on(raise("scenario.shape.multiple", { field, divisor: Number(i.divisor) }))];
    default:
      return [on(raise("scenario.shape.invalid", { field }))];
  }
}

/**
 * Checks a scenario's shape. Its problems are catalogued issues (scenario.shape.*) in Vietnamese
 * and English, each with the JSON path as `field` ("votes[2].ballots[5]"), and the same as lines
 * "path: vi / en".
 */
export function parseScenario(json: unknown): { ok: true; scenario: Scenario } | { ok: false; problems: string[]; issues: Issue[] } {
  const r = ScenarioSchema.safeParse(json);
  if (r.success) return { ok: true, scenario: r.data };
  const issues = r.error.issues.flatMap((i) => shapeIssues(i, [], json));
  return { ok: false, issues, problems: issues.map((i) => `${i.field}: ${i.message.vi} / ${i.message.en}`) };
}
