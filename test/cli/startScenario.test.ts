// The scenario's start-of-year part (issue #12 point 5): the sample year starts with the pact and the registrations
// (seed 001_2f19b7e13258856b.txt: the launch meeting signs the pact and announces the registrations), played through
// the pane's use cases; the runner hands the two .docx over with the other documents.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { loadStart } from "../../src/app/start";
import { runScenario, type RunReport } from "../../src/cli/run";
import { parseScenario, type Scenario } from "../../src/cli/scenario";
import { nameKey } from "../../src/domain/text";
import { MemoryHost } from "../../src/host";

const sample = JSON.parse(readFileSync(resolve(__dirname, "../../docs/scenario.sample.json"), "utf8"));

function scenarioOf(json: unknown): Scenario {
  const p = parseScenario(json);
  if (!p.ok) throw new Error(p.problems.join("\n"));
  return p.scenario;
}

describe("the sample year's start", () => {
  let report: RunReport;
  beforeAll(async () => {
    report = await runScenario(scenarioOf(sample));
  }, 120_000);

  it("plays the pact and the registrations after the criteria are set and before the scores", () => {
    expect(report.ok).toBe(true);
    const names = report.steps.map((s) => s.step);
    expect(names.indexOf("start: pact")).toBeGreaterThan(names.indexOf("scoring: insert"));
    expect(names.indexOf("start: registrations")).toBeLessThan(names.indexOf("scoring: enter scores"));
    // One read and one write each (the registrations read the catalogue once more to take award names).
    expect(report.steps.find((s) => s.step === "start: pact")?.syncs).toBe(2);
    expect(report.steps.find((s) => s.step === "start: registrations")?.syncs).toBe(3);
  });

  it("writes the two sheets; the registrations read back as award ids, names mapped to ids", async () => {
    const loaded = await loadStart(report.host);
    if (!loaded.ok) throw new Error("load");
    expect(loaded.state.pact?.signedOn).toBe("15/03/2026");
    expect(loaded.state.pact?.commitments).toHaveLength(sample.start.pact.commitments.length);
    expect(loaded.state.registrations.find((r) => r.unit === "Sở Công Thương")?.awards).toEqual(["co-tinh", "tt-ldxs"]);
  });

  it("registers the units the year later proposes, except exactly one (SNN&PTNT, as the sample's description says)", async () => {
    const loaded = await loadStart(report.host);
    if (!loaded.ok) throw new Error("load");
    const proposed = [...new Set(report.nomination!.list.filter((p) => p.proposed).map((p) => p.unit))];
    const unregistered = proposed.filter((u) => (loaded.state.registrations.find((r) => nameKey(r.unit) === nameKey(u))?.awards.length ?? 0) === 0);
    expect(unregistered).toEqual(["Sở Nông nghiệp và Phát triển nông thôn"]);
    expect(sample.description).toContain("SNN&PTNT");
  });

  it("hands the pact and the registration list over with the other documents", () => {
    const names = report.start!.files.map((f) => f.name);
    expect(names).toEqual(["Giao-uoc-thi-dua-2026.docx", "Dang-ky-thi-dua-2026.docx"]);
    expect(report.nomination!.files.slice(0, 2).map((f) => f.name)).toEqual(names);
  });
});

it("a scenario registration for a unit outside the bloc fails its step with the coded issue at its JSON path", async () => {
  const { scoring: _s, votes: _v, nomination: _n, leadership: _l, ...rest } = sample;
  void [_s, _v, _n, _l];
  const report = await runScenario(scenarioOf({ ...rest, start: { registrations: [{ unit: "SCT", awards: ["co-tinh"] }, { unit: "Sở Ngoại vụ", awards: [] }] } }), new MemoryHost());
  const step = report.steps.find((s) => s.step === "start: registrations")!;
  expect(step.ok).toBe(false);
  expect(step.issues.map((i) => [i.code, i.field])).toEqual([["start.registration.notMember", "start.registrations[1].unit"]]);
  expect(report.host.sheetNames()).not.toContain("Đăng ký thi đua");
}, 60_000);
