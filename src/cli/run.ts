import { saveBloc } from "../app/bloc";
import type { Issue } from "../domain/issues";
import { MemoryHost } from "../host";
import type { Scenario } from "./scenario";

export interface RunReport {
  ok: boolean;
  host: MemoryHost;
  /** Each step: what it did, its issues and the round trips it cost. */
  steps: { step: string; ok: boolean; syncs: number; issues: Issue[] }[];
}

/** Plays a scenario into a fresh in-memory workbook through the pane's use cases. */
export async function runScenario(scenario: Scenario, host: MemoryHost = new MemoryHost()): Promise<RunReport> {
  const steps: RunReport["steps"] = [];
  const before = host.stats.syncs;
  const out = await saveBloc(host, { ...scenario.bloc, members: scenario.bloc.members.map((m) => ({ ...m, shortName: m.shortName ?? "" })) }, { basedOn: null });
  steps.push({ step: "bloc", ok: out.kind === "saved", syncs: host.stats.syncs - before, issues: out.issues });
  return { ok: steps.every((s) => s.ok), host, steps };
}
