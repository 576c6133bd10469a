/** The data-safety suite's workbooks and its check that nothing typed was lost (issue #11). */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { saveBloc } from "../../src/app/bloc";
import { insertScoring } from "../../src/app/scoring";
import { createVote, enterBallots, loadVoting, newVoteRecord, voteSheets, withRule } from "../../src/app/voting";
import { parseScenario } from "../../src/cli/scenario";
import { runScenario } from "../../src/cli/run";
import type { Issue } from "../../src/domain/issues";
import { MemoryHost } from "../../src/host";
import { sampleDraft } from "../fixtures/bloc";

export type Typed = { sheet: string; cell: string; value: string | number };

/** What the user typed that is no longer in the workbook where a warning would send them. */
export function lost(host: MemoryHost, typed: Typed[], issues: readonly Issue[]): Typed[] {
  const said = issues.map((i) => `${i.message.vi} ${i.message.en}`).join("\n");
  const named = host.sheetNames().filter((s) => said.includes(`"${s}"`));
  const anywhere = (sheet: string, v: string | number) => {
    const used = host.usedRange(sheet);
    return !!used && host.values(sheet, used).some((row) => row.includes(v));
  };
  return typed.filter((t) => {
    if (host.sheetNames().includes(t.sheet) && host.values(t.sheet, t.cell)[0][0] === t.value) return false;
    return !named.some((s) => anywhere(s, t.value));
  });
}

/** Types values as a user does (after unprotecting the sheet, as the probes' users did). */
export async function type(host: MemoryHost, typed: Typed[], unprotect = true): Promise<void> {
  for (const t of typed) {
    if (unprotect && host.protection(t.sheet).protected) await host.run(async (ctx) => void ctx.workbook.worksheets.getItem(t.sheet).protection.unprotect());
    host.userEdit(t.sheet, t.cell, t.value);
  }
}

export async function userSheet(host: MemoryHost, name: string, cells: Typed[], hidden = false): Promise<void> {
  await host.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.add(name);
    for (const c of cells) ws.getRange(c.cell).values = [[c.value]];
    if (hidden) ws.visibility = "Hidden";
    await ctx.sync();
  });
}

export async function blocHost(): Promise<MemoryHost> {
  const host = new MemoryHost();
  const saved = await saveBloc(host, sampleDraft(8), { basedOn: null });
  expect(saved.kind).toBe("saved");
  return host;
}

export async function scoredHost(password?: string): Promise<MemoryHost> {
  const host = await blocHost();
  const out = await insertScoring(host, { template: "departments-100", password });
  expect(out.kind).toBe("inserted");
  return host;
}

export const UNITS = sampleDraft(8).members.map((m) => m.name);

/** A vote V1 with both entries typed, ready for its minutes (test/app/voting.test.ts's setup). */
export async function votedHost(before?: (host: MemoryHost) => Promise<void>): Promise<MemoryHost> {
  const host = await blocHost();
  if (before) await before(host);
  const loaded = await loadVoting(host);
  if (!loaded.ok) throw new Error("load");
  const record = withRule(newVoteRecord(loaded.context, "award", "Cờ thi đua của UBND tỉnh", 2), "blocMembers80");
  record.vote = { ...record.vote, candidates: [...UNITS], committee: { head: "Nguyễn Văn An", members: ["Trần Thị Bình"] } };
  expect((await createVote(host, record)).kind).toBe("written");
  const ballots = Array.from({ length: 8 }, (_, i) => ({ number: i + 1, marks: { [UNITS[0]]: "approve" as const, [UNITS[1]]: "approve" as const }, manualInvalid: null }));
  expect((await enterBallots(host, record.id, 1, ballots)).kind).toBe("entered");
  expect((await enterBallots(host, record.id, 2, ballots)).kind).toBe("entered");
  return host;
}

export async function demoHost(): Promise<MemoryHost> {
  const parsed = parseScenario(JSON.parse(readFileSync(resolve(__dirname, "../../docs/scenario.sample.json"), "utf8")));
  if (!parsed.ok) throw new Error(parsed.problems.join("\n"));
  const report = await runScenario(parsed.scenario);
  expect(report.ok).toBe(true);
  return report.host;
}

export const MINUTES = voteSheets("V1").minutes.sheet;
