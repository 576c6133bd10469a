/**
 * `npm run bench`: figures, never pass/fail. Per action, the round trips (syncs) and the largest
 * request and response as Microsoft's office.js client builds and parses them (excel-web-16.00.js
 * in jsdom, answered by the in-memory host; Excel on the web refuses either over 5,242,880 bytes),
 * up to the add-in's largest sizes (with a 2,000-ballot vote: create, enter, count, minutes); the secret-ballot
 * engine's tally of 10,000 ballots × 60 candidates against HyperFormula computing the same entry
 * sheet; then the production bundle's initial JavaScript and its throttled first paint beside a
 * minimal pane (bench/paint.ts).
 * Run `npm run build` first for the bundle figures (the npm script does).
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { loadBloc, saveBloc } from "../src/app/bloc";
import type { BlocDraft } from "../src/domain/bloc/bloc";
import { MemoryHost } from "../src/host";
import { useOfficeJsClient } from "../src/host/officejs/node";
import { enterScores, insertScoring, validateScores } from "../src/app/scoring";
import type { CriteriaTable, Criterion } from "../src/domain/criteria/model";
import { criteriaSheetPlan } from "../src/workbook/criteria/criteriaSheet";
import { writeSheets } from "../src/excel/apply";
import { readWorkbook } from "../src/excel/read";
import { generateNomination, loadNomination, produceFiles } from "../src/app/nomination";
import { runScenario } from "../src/cli/run";
import { parseScenario } from "../src/cli/scenario";
import { paintFigures } from "./paint";
import { benchVoteActions, engineVsHyperFormula, type EngineVsSheet } from "./voting";

function draft(n: number): BlocDraft {
  const members = Array.from({ length: n }, (_, i) => ({ name: `Sở thành viên số ${i + 1} của khối thi đua`, shortName: `S${i + 1}` }));
  return { name: "Khối thi đua các sở, ngành Kinh tế - Kỹ thuật", province: "Nam Định", year: 2026, leader: members[0].name, deputies: [members[1].name], members };
}

useOfficeJsClient();

/** `npm run bench -- --quick`: without the 10,000-ballot runs (office.js and HyperFormula). */
const QUICK = process.argv.includes("--quick");

const rows: string[][] = [["action", "size", "syncs", "office.js max request", "office.js max response", "request bytes", "response bytes", "ms"]];

async function measure(action: string, size: string, host: MemoryHost, fn: () => Promise<unknown>) {
  host.resetStats();
  const t0 = performance.now();
  await fn();
  const ms = performance.now() - t0;
  const s = host.stats;
  rows.push([action, size, String(s.syncs), String(s.maxRequestBytes), String(s.maxResponseBytes), String(s.requestBytes), String(s.responseBytes), ms.toFixed(1)]);
  // Each row as it comes, so a long run's figures survive an interruption (the table follows at the end).
  console.error(rows[rows.length - 1].join("  "));
}

function table(r: string[][]) {
  const w = r[0].map((_, c) => Math.max(...r.map((x) => x[c].length)));
  for (const x of r) console.log(x.map((v, c) => (c < 2 ? v.padEnd(w[c]) : v.padStart(w[c]))).join("  "));
}

/** A table of `n` point leaves in 4 sections, each worth 100/n. */
function benchTable(n: number): CriteriaTable {
  const per = Math.ceil(n / 4);
  const sections: Criterion[] = ["I", "II", "III", "IV"].map((num, s) => ({
    id: num,
    number: num,
    text: `Phần ${num}`,
    max: null,
    kind: null,
    weight: 1,
    step: null,
    unit: null,
    note: "",
    children: Array.from({ length: Math.min(per, n - s * per) }, (_, i) => ({
      id: `${num}.${i + 1}`,
      number: String(i + 1),
      text: `Tiêu chí ${num}.${i + 1}: thực hiện đầy đủ, đúng hạn nhiệm vụ được giao theo kế hoạch năm`,
      max: 5,
      kind: "points" as const,
      weight: 1,
      step: null,
      unit: null,
      note: "",
      children: [],
    })),
  }));
  return { title: "Bảng đo", scale: 5 * n, allowOverScale: false, decimals: 2, step: 0.25, bonusCap: null, penaltyCap: null, legalBasis: "", sample: false, sections };
}

/**
 * The engine's tally against HyperFormula computing the same ballot entry sheet (paste of the typed
 * ballots and the recalculation it triggers). 2,000 × 60 first; 10,000 × 60 unless the smaller
 * run projects it past 3 minutes (HyperFormula grows faster than linearly), then the ratio stays
 * at the size that ran.
 */
async function engineVsSheet() {
  console.log("\nSecret-ballot tally: the TypeScript engine vs HyperFormula computing the same entry sheet (results checked equal):\n");
  const out: EngineVsSheet[] = [await engineVsHyperFormula(2000, 60)];
  const small = out[0];
  const projected = ((small.writeMs + small.recalcMs) / 1000) * (10000 / 2000) ** 1.5;
  const skipped = QUICK || projected > 180;
  if (!skipped) out.push(await engineVsHyperFormula(10000, 60));
  const r: string[][] = [["size", "engine ms (median)", "HF write sheet ms", "HF paste+recalc ms", "ratio HF/engine"]];
  for (const x of out) r.push([`${x.ballots} ballots × ${x.candidates} candidates`, x.engineMs.toFixed(1), x.writeMs.toFixed(0), x.recalcMs.toFixed(0), `${x.ratio.toFixed(0)}×`]);
  table(r);
  const note = out.find((x) => x.note)?.note;
  if (note) console.log(`  ${note}`);
  if (QUICK) console.log("  10,000 × 60 left out (--quick); the ratio above is at 2,000 × 60.");
  else if (skipped) console.log(`  10,000 × 60 not run in HyperFormula: projected ${projected.toFixed(0)} s from the 2,000 × 60 run; the ratio above is at 2,000 × 60.`);
}

async function main() {
  for (const n of [8, 60]) {
    const host = new MemoryHost();
    await measure("bloc setup (new)", `${n} members`, host, () => saveBloc(host, draft(n), { basedOn: null }));
    const st = await loadBloc(host);
    await measure("bloc setup (re-save)", `${n} members`, host, () => saveBloc(host, draft(n), { basedOn: st.fingerprint }));
    await measure("bloc load", `${n} members`, host, () => loadBloc(host));
  }
  // The add-in's maximum is 200 units (BX_DV_1 … BX_DV_200) × 300 criteria.
  for (const [units, criteria] of [
    [8, 30],
    [60, 150],
    [60, 200],
    [200, 300],
  ]) {
    const host = new MemoryHost();
    await saveBloc(host, draft(units), { basedOn: null });
    const st = await readWorkbook(host, {});
    await writeSheets(host, [criteriaSheetPlan(benchTable(criteria))], st);
    const size = `${units} units × ${criteria} criteria`;
    await measure("insert score sheets", size, host, async () => {
      const out = await insertScoring(host, {});
      if (out.kind !== "inserted") throw new Error(`insert: ${out.kind} ${JSON.stringify(out.issues.slice(0, 2))}`);
    });
    const table = benchTable(criteria);
    const ids = table.sections.flatMap((s) => s.children.map((c) => c.id));
    const scores = Array.from({ length: units }, (_, u) => ({ unit: `S${u + 1}`, entries: Object.fromEntries(ids.map((id, k) => [id, ((u + k) % 21) / 4])) }));
    await measure("enter scores (every cell)", size, host, async () => {
      const out = await enterScores(host, scores);
      if (!out.ok) throw new Error(`enter: ${JSON.stringify(out.issues.slice(0, 2))}`);
    });
    await measure("validate scores", size, host, async () => {
      const out = await validateScores(host);
      if (out.results.length !== units) throw new Error(`validate found ${out.results.length} units, expected ${units}`);
    });
    await measure("re-insert score sheets (scores kept)", size, host, async () => {
      const out = await insertScoring(host, {});
      if (out.kind !== "inserted" || out.report.keptEntries !== units * criteria) throw new Error(`re-insert: ${out.kind} ${JSON.stringify(out.issues.slice(0, 2))}`);
    });
  }
  const voteLines = await benchVoteActions(measure, draft, () => rows[rows.length - 1]);
  // The add-in's largest vote: 10,000 ballots × 60 candidates, entered twice (over an hour through
  // office.js on 2 cores: `--quick` leaves it out; bench/vote10k.ts runs it alone).
  const bigVoteLines = QUICK ? ["  left out (--quick): run `npx tsx bench/vote10k.ts`"] : await benchVoteActions(measure, draft, () => rows[rows.length - 1], 60, 10_000);
  // The nomination: the sample year (8 units, 4 votes incl. a revote) up to the list.
  {
    const parsed = parseScenario(JSON.parse(readFileSync(resolve(__dirname, "../docs/scenario.sample.json"), "utf8")));
    if (!parsed.ok) throw new Error(parsed.problems.join("\n"));
    const { nomination: _n, ...year } = parsed.scenario;
    void _n;
    const { host } = await runScenario(year);
    const size = "sample year: 8 units, 5 votes";
    await measure("nomination: propose (read)", size, host, () => loadNomination(host));
    await measure("nomination: list + minutes", size, host, () => generateNomination(host));
    await measure("nomination: documents + exports", size, host, () => produceFiles(host));
  }
  console.log("Round trips, and requests and responses as Microsoft's office.js client builds and parses them (Excel on the web refuses either over 5,242,880 bytes; the add-in's budget is 4,000,000):\n");
  table(rows);
  console.log("\nSecret ballot, 2,000 ballots × 20 candidates, entered twice (issue bound: 2 syncs plus the fewest chunks under 5 MB):\n");
  for (const l of voteLines) console.log(l);
  console.log("\nSecret ballot, 10,000 ballots × 60 candidates, entered twice:\n");
  for (const l of bigVoteLines) console.log(l);

  await engineVsSheet();

  console.log("");
  for (const l of await paintFigures()) console.log(l);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
