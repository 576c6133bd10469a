/**
 * The bad-input catalogue (issue #11): every door a user can push bad data through, each case
 * with the outcome it must have. A case is data (its id, door, what is tried, the expected outcome)
 * plus a `run` that tries it through the real path and returns what the user would see.
 *
 * Outcomes:
 * - "refused": the door answers with an error issue whose code is `code`, whose vi and en texts
 *   differ and are not empty, located where `where` says (sheet/cell or form field), and the
 *   workbook is unchanged (nothing half-written).
 * - "warned": the input is accepted, but a warning with `code` tells the user (where it sits).
 * - "accepted": the input is rightly accepted (say why in `why`).
 *
 * Each area keeps its cases in `test/badInputs/<area>.cases.ts` (exported as `cases`) and runs them
 * with `runCatalogue(cases)` in `<area>.test.ts`; `catalogue.test.ts` counts them all.
 */
import type { Issue } from "../../src/domain/issues";
import type { MemoryHost } from "../../src/host";

export type Outcome = "refused" | "warned" | "accepted";

export interface Seen {
  issues: readonly Issue[];
  /** The host the door wrote to, when it has one: a refusal must leave it unchanged. */
  host?: MemoryHost;
  /** The host's snapshot taken before the door was tried (use `tried` to fill both). */
  before?: unknown;
}

export interface BadCase {
  /** Unique, stable: "<area>.<short-name>". */
  id: string;
  /** The door: "scenario", "pane.members", "paste.members", "unit sheet", "returned file", "ballot file", "criteria", "vote", ... */
  door: string;
  /** What the user tried, in a few words. */
  tried: string;
  outcome: Outcome;
  /** The code expected for "refused" and "warned". */
  code?: string;
  /** Where the issue must point: a sheet (and cell), or a form field. */
  where?: { sheet?: string; cell?: string; field?: string };
  /** For "accepted": why accepting is right. */
  why?: string;
  /** Tries the input through the real path. */
  run: () => Promise<Seen>;
}

/** Runs `act` on `host`, keeping the snapshot before, for the "nothing written" check. */
export async function tried(host: MemoryHost, act: () => Promise<readonly Issue[]>): Promise<Seen> {
  const before = host.snapshot();
  const issues = await act();
  return { issues, host, before };
}

export function checkCase(c: BadCase, seen: Seen): void {
  const errors = seen.issues.filter((i) => i.severity === "error");
  if (c.outcome === "accepted") {
    expect(errors.map((i) => i.code)).toEqual([]);
    return;
  }
  const pool = c.outcome === "refused" ? errors : seen.issues;
  const hit = pool.find((i) => i.code === c.code);
  if (!hit) throw new Error(`${c.id}: expected ${c.outcome} with ${c.code}, got ${JSON.stringify(seen.issues.map((i) => [i.severity, i.code, i.message.en]))}`);
  expect(hit.message.vi.trim()).not.toBe("");
  expect(hit.message.en.trim()).not.toBe("");
  expect(hit.message.vi).not.toBe(hit.message.en);
  if (c.where?.sheet !== undefined) expect(hit.where?.sheet).toBe(c.where.sheet);
  if (c.where?.cell !== undefined) expect(hit.where?.cell).toBe(c.where.cell);
  if (c.where?.field !== undefined) expect(hit.field).toBe(c.where.field);
  if (c.outcome === "refused" && seen.host && seen.before !== undefined) expect(seen.host.snapshot()).toEqual(seen.before);
}

export function runCatalogue(cases: readonly BadCase[]): void {
  test.each(cases.map((c) => [`${c.id}: ${c.tried} → ${c.outcome}${c.code ? ` ${c.code}` : ""}`, c] as const))("%s", async (_name, c) => {
    checkCase(c, await c.run());
  });
}
