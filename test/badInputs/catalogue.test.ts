/**
 * Counts the bad-input catalogue of issue #11 (≥ 150 cases across all doors) and prints the tally
 * the closing note reports: tried, refused clearly, warned, accepted rightly. Silent and lost cases
 * have no outcome of their own: a case that was silent or lost fails its own test.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import type { BadCase } from "./harness";

async function allCases(): Promise<BadCase[]> {
  const files = readdirSync(__dirname).filter((f) => f.endsWith(".cases.ts"));
  const out: BadCase[] = [];
  for (const f of files) out.push(...((await import(join(__dirname, f))) as { cases: BadCase[] }).cases);
  return out;
}

test("the catalogue holds at least 150 bad inputs, with unique ids, over every door (issue #11)", async () => {
  const cases = await allCases();
  const ids = cases.map((c) => c.id);
  expect(new Set(ids).size).toBe(ids.length);
  const by = (o: string) => cases.filter((c) => c.outcome === o).length;
  const doors = [...new Set(cases.map((c) => c.door))].sort();
  process.stdout.write(`bad-input catalogue: ${cases.length} tried · ${by("refused")} refused · ${by("warned")} warned · ${by("accepted")} accepted · doors: ${doors.join(", ")}\n`);
  for (const c of cases) {
    if (c.outcome === "accepted") expect(c.why).toBeTruthy();
    else expect(c.code).toBeTruthy();
  }
  expect(cases.length).toBeGreaterThanOrEqual(150);
});
