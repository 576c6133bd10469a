import { saveBloc } from "../app/bloc";
import { enterScores, insertScoring, validateScores, type ScoreInput } from "../app/scoring";
import { isContent, leaves, stepOf, type CriteriaTable } from "../domain/criteria/model";
import { templateById } from "../domain/criteria/templates";
import { error, type Issue } from "../domain/issues";
import type { UnitResult } from "../domain/scoring/engine";
import { writeSheets } from "../excel/apply";
import { readWorkbook } from "../excel/read";
import { MemoryHost } from "../host";
import { criteriaSheetPlan } from "../workbook/criteria/criteriaSheet";
import type { Scenario } from "./scenario";

export interface RunReport {
  ok: boolean;
  host: MemoryHost;
  /** Each step: what it did, its issues and the round trips it cost. */
  steps: { step: string; ok: boolean; syncs: number; issues: Issue[] }[];
  results: UnitResult[];
}

/** A unit's self-scores at `ratio` of every content leaf's max, on the step. */
function filled(table: CriteriaTable, ratio: number): ScoreInput["entries"] {
  const out: ScoreInput["entries"] = {};
  for (const { leaf } of leaves(table)) {
    if (!isContent(leaf)) continue;
    const max = leaf.max ?? 0;
    const step = stepOf(leaf, table);
    out[leaf.id] = leaf.kind === "yesNo" ? (ratio >= 0.5 ? max : 0) : Math.min(max, Math.round((max * ratio) / step) * step);
  }
  return out;
}

/** Plays a scenario into a fresh in-memory workbook through the pane's use cases. */
export async function runScenario(scenario: Scenario, host: MemoryHost = new MemoryHost()): Promise<RunReport> {
  const steps: RunReport["steps"] = [];
  let results: UnitResult[] = [];
  const step = async (name: string, fn: () => Promise<{ ok: boolean; issues: Issue[] }>) => {
    const before = host.stats.syncs;
    const r = await fn();
    steps.push({ step: name, ok: r.ok, syncs: host.stats.syncs - before, issues: r.issues });
    return r.ok;
  };

  const blocOk = await step("bloc", async () => {
    const out = await saveBloc(host, { ...scenario.bloc, members: scenario.bloc.members.map((m) => ({ ...m, shortName: m.shortName ?? "" })) }, { basedOn: null });
    return { ok: out.kind === "saved", issues: out.issues };
  });
  const sc = scenario.scoring;
  if (blocOk && sc) {
    const table = sc.template ? templateById(sc.template)?.table : sc.criteria;
    const inserted = await step("scoring: insert", async () => {
      if (!table) return { ok: false, issues: [error("scenario.scoring.noCriteria", { vi: "Kịch bản cần mẫu (template) hoặc bảng tiêu chí (criteria).", en: "The scenario needs a template or a criteria table." })] };
      if (!sc.template) {
        const st = await readWorkbook(host, {});
        const w = await writeSheets(host, [criteriaSheetPlan(table)], st);
        if (!w.ok) return { ok: false, issues: w.issues };
      }
      const out = await insertScoring(host, { template: sc.template, password: sc.password });
      return { ok: out.kind === "inserted", issues: out.issues };
    });
    if (inserted && table && sc.scores?.length) {
      await step("scoring: enter scores", async () => {
        const inputs = sc.scores!.map((u) => ({ unit: u.unit, entries: { ...(u.ratio !== undefined ? filled(table, u.ratio) : {}), ...(u.entries ?? {}) } }));
        const out = await enterScores(host, inputs);
        return { ok: out.ok, issues: out.issues };
      });
    }
    if (inserted) {
      await step("scoring: validate", async () => {
        const out = await validateScores(host);
        results = out.results;
        return { ok: !out.issues.some((i) => i.severity === "error"), issues: out.issues };
      });
    }
  }
  return { ok: steps.every((s) => s.ok), host, steps, results };
}
