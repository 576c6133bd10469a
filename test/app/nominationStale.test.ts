import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { generateNomination, loadNomination, NOMINATION_SHEETS } from "../../src/app/nomination";
import { parseScenario } from "../../src/cli/scenario";
import { runScenario } from "../../src/cli/run";
import type { MemoryHost } from "../../src/host";
import { cellAddress } from "../../src/workbook/a1";

/**
 * Issue #14 item 3, "Late changes leave stale documents" (done when: "a late score change marks
 * the list and minutes out of date"): the list and the review minutes (DOMAIN §5) record what they
 * were built from; a later read names each one out of date and what changed; generating again clears it.
 */

async function demoHost(withNomination = true): Promise<MemoryHost> {
  const parsed = parseScenario(JSON.parse(readFileSync(resolve(__dirname, "../../docs/scenario.sample.json"), "utf8")));
  if (!parsed.ok) throw new Error(parsed.problems.join("\n"));
  const { leadership: _l, nomination, ...scenario } = parsed.scenario;
  void _l;
  const report = await runScenario({ ...scenario, leadership: { mode: "election" }, ...(withNomination ? { nomination } : {}) });
  expect(report.ok).toBe(true);
  return report.host;
}

const at = new Date(2026, 11, 5, 16, 0);
const stale = (issues: { code: string }[]) => issues.filter((i) => i.code.startsWith("nomination.stale.")).map((i) => i.code).sort();

/** Lowers one self-score of "SCT" (Sở Công Thương) that has no reviewed score beside it by a point. */
function lowerScore(host: MemoryHost): void {
  const column = host.values("SCT", "D8:E60");
  const k = column.findIndex(([self, review]) => typeof self === "number" && self >= 1 && (review === "" || review === null));
  host.userEdit("SCT", `D${8 + k}`, (column[k][0] as number) - 1);
}

async function load(host: MemoryHost) {
  host.resetStats();
  const loaded = await loadNomination(host);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  // No round trip more than the nomination's two reads (ARCHITECTURE rule 4).
  expect(host.stats.syncs).toBe(2);
  return loaded.state;
}

describe("late changes mark the nomination documents out of date (issue #14 item 3)", () => {
  let host: MemoryHost;
  beforeAll(async () => {
    host = await demoHost();
  }, 180_000);

  it("records the sources with the list and the minutes: read back at once, both are up to date", async () => {
    const out = await generateNomination(host, { at });
    expect(out.kind).toBe("written");
    const state = await load(host);
    expect(state.documents.map((d) => [d.sheet, d.status])).toEqual([
      [NOMINATION_SHEETS.list, "fresh"],
      [NOMINATION_SHEETS.minutes, "fresh"],
    ]);
    expect(stale(state.issues)).toEqual([]);
  }, 180_000);

  it("a score changed on a unit's sheet: the list and the minutes are out of date, naming the unit's score and where", async () => {
    lowerScore(host);
    const state = await load(host);
    expect(state.documents.map((d) => d.status)).toEqual(["stale", "stale"]);
    expect(state.documents[0].changes).toContainEqual({ part: "score", unit: "Sở Công Thương" });
    expect(stale(state.issues)).toEqual(["nomination.stale.list", "nomination.stale.minutes"]);
    const list = state.issues.find((i) => i.code === "nomination.stale.list")!;
    expect(list.severity).toBe("warning");
    expect(list.where?.sheet).toBe(NOMINATION_SHEETS.list);
    expect(list.message.vi).toContain("điểm của Sở Công Thương");
    expect(list.message.vi).toContain(NOMINATION_SHEETS.list);
    expect(list.message.en).toContain("the score of Sở Công Thương");
    const minutes = state.issues.find((i) => i.code === "nomination.stale.minutes")!;
    expect(minutes.where?.sheet).toBe(NOMINATION_SHEETS.minutes);
  }, 180_000);

  it("a meeting decision recorded later is named as such", async () => {
    const { recordOverride } = await import("../../src/app/nomination");
    const rec = await recordOverride(host, { unit: "Ban Quản lý các Khu công nghiệp tỉnh", award: "Cờ thi đua của UBND tỉnh", include: false, reason: "Đơn vị xin rút" });
    expect(rec.kind).toBe("written");
    const state = await load(host);
    expect(state.documents[1].changes.map((c) => c.part)).toContain("decisions");
    expect(state.issues.find((i) => i.code === "nomination.stale.minutes")!.message.vi).toContain("quyết định của hội nghị");
  }, 180_000);

  it("generating again clears the marks, and keeps no copy of sheets no one typed on", async () => {
    const out = await generateNomination(host, { at });
    expect(out.kind).toBe("written");
    expect(out.kind === "written" && out.issues.filter((i) => i.code.startsWith("nomination.stale.") || i.code.startsWith("excel."))).toEqual([]);
    expect(host.sheetNames().filter((n) => n.endsWith("(cũ)"))).toEqual([]);
    const state = await load(host);
    expect(state.documents.map((d) => d.status)).toEqual(["fresh", "fresh"]);
    expect(stale(state.issues)).toEqual([]);
  }, 180_000);

  it("first generated with the catalogue and the meeting record written beside them: up to date when read back", async () => {
    const first = await demoHost(false);
    expect((await generateNomination(first, { at })).kind).toBe("written");
    const state = await load(first);
    expect(state.documents.map((d) => [d.status, d.changes])).toEqual([
      ["fresh", []],
      ["fresh", []],
    ]);
  }, 180_000);

  it("a list written by an older version (no record): unknown, no warning, no crash", async () => {
    const old = await demoHost();
    expect((await generateNomination(old, { at })).kind).toBe("written");
    // What an older version wrote: the same sheets without the record.
    for (const name of [NOMINATION_SHEETS.list, NOMINATION_SHEETS.minutes]) {
      const used = old.usedRange(name)!;
      expect(used.startsWith("A1:")).toBe(true);
      const values = old.values(name, used);
      const r = values.findIndex((row) => row.some((v) => typeof v === "string" && v.startsWith("binh-xet/")));
      const c = values[r].findIndex((v) => typeof v === "string" && v.startsWith("binh-xet/"));
      await old.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem(name);
        ws.protection.unprotect();
        ws.getRange(cellAddress(r, c)).values = [[""]];
        await ctx.sync();
      });
    }
    lowerScore(old);
    const state = await load(old);
    expect(state.documents.map((d) => d.status)).toEqual(["unknown", "unknown"]);
    expect(stale(state.issues)).toEqual([]);
  }, 180_000);
});
