// Registration as a year-end prerequisite in the nomination step (issue #12 point 1; DOMAIN.md §1, setting:
// an unregistered unit is commonly not considered for a title), on the sample year (docs/scenario.sample.json).
// "before" is the sample year without its start (no registration sheet); the wired reader is checked on the whole sample last.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { achievementInputs, loadNomination, registrationsOf, type NominationState } from "../../src/app/nomination";
import { parseScenario } from "../../src/cli/scenario";
import { runScenario } from "../../src/cli/run";
import type { MemoryHost } from "../../src/host";
import { achievementFacts } from "../../src/workbook/nomination/yearReports";

const SCT = "Sở Công Thương";
const SXD = "Sở Xây dựng";
const FLAG = "Cờ thi đua của UBND tỉnh";
const at = new Date(2026, 11, 5, 16, 0);

async function load(host: MemoryHost, registrations?: NominationState["registrations"]): Promise<NominationState> {
  const loaded = await loadNomination(host, registrations === undefined ? {} : { registrations });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  return loaded.state;
}

describe("registration in the nomination step (sample year)", () => {
  let host: MemoryHost;
  let before: NominationState;
  beforeAll(async () => {
    const parsed = parseScenario(JSON.parse(readFileSync(resolve(__dirname, "../../docs/scenario.sample.json"), "utf8")));
    if (!parsed.ok) throw new Error(parsed.problems.join("\n"));
    const { leadership: _l, start: _s, ...scenario } = parsed.scenario;
    void [_l, _s];
    const report = await runScenario({ ...scenario, leadership: { mode: "election" } });
    expect(report.ok).toBe(true);
    host = report.host;
    before = await load(host);
  }, 120_000);

  it("without a registration sheet, proposes as before with one warning, vi and en", () => {
    expect(registrationsOf(before.read)).toBeNull();
    expect(before.registrations).toBeNull();
    expect(before.list.filter((p) => p.awardId === "co-tinh").map((p) => p.unit)).toEqual([SCT]);
    const w = before.issues.filter((i) => i.code === "nomination.registration.none");
    expect(w.map((i) => i.severity)).toEqual(["warning"]);
    expect(w[0].message.vi).toContain(FLAG);
    expect(w[0].message.en).toMatch(/registration was not checked/);
  });

  it("a unit that did not register for the flag is not proposed for it, with the reason; the list is the state's", async () => {
    const registrations = before.bloc!.members.map((m) => ({ unit: m.name, awards: m.name === SCT ? ["bk-tinh"] : ["co-tinh", "tt-ldxs"] }));
    const s = await load(host, registrations);
    expect(s.registrations).toEqual(registrations);
    expect(s.issues.map((i) => i.code)).not.toContain("nomination.registration.none");
    expect(s.list.filter((p) => p.awardId === "co-tinh")).toEqual([]);
    const p = s.proposals.find((x) => x.awardId === "co-tinh" && x.unit === SCT)!;
    expect(p.proposed).toBe(false);
    expect(p.reasons[0].vi).toMatch(/^Chưa đăng ký thi đua danh hiệu này \(Quy chế thi đua, khen thưởng của tỉnh, khối/);
    // A form of reward does not require registration by default: the rest of the list stands.
    expect(s.list.filter((x) => x.awardId === "bk-tinh").map((x) => x.unit)).toEqual(before.list.filter((x) => x.awardId === "bk-tinh").map((x) => x.unit));
  });

  it("the achievement report states the registration from the state: award names in catalogue order, none, or no list", async () => {
    const noList = achievementInputs(before, at);
    expect(noList.length).toBeGreaterThan(0);
    for (const a of noList) expect(a.registration).toBeNull();
    expect(achievementFacts(noList[0])).toContain("- Đăng ký thi đua năm 2026: Không có danh sách đăng ký.");

    const s = await load(host, [
      { unit: SXD, awards: ["tt-ldxs", "co-tinh"] },
      { unit: SXD.toUpperCase(), awards: ["bk-tinh"] },
    ]);
    const inputs = achievementInputs(s, at);
    const sxd = inputs.find((a) => a.unit === SXD)!;
    const names = (ids: string[]) => s.catalogue.awards.filter((a) => ids.includes(a.id)).map((a) => a.name);
    expect(sxd.registration).toEqual(names(["co-tinh", "tt-ldxs", "bk-tinh"]));
    expect(achievementFacts(sxd)).toContain(`- Đăng ký thi đua năm 2026: ${names(["co-tinh", "tt-ldxs", "bk-tinh"]).join("; ")}.`);
    for (const a of inputs.filter((x) => x.unit !== SXD)) expect(a.registration).toEqual([]);
  });

  it("the sample year's own registration sheet is read (the wired reader): SNN&PTNT, unregistered, is not proposed for the title the meeting chose it for; SCT, registered, is", async () => {
    const parsed = parseScenario(JSON.parse(readFileSync(resolve(__dirname, "../../docs/scenario.sample.json"), "utf8")));
    if (!parsed.ok) throw new Error(parsed.problems.join("\n"));
    const report = await runScenario(parsed.scenario);
    const s = await load(report.host);
    const members = s.bloc!.members;
    // One row per member on the sheet; the sample leaves SNN&PTNT's row empty (docs/scenario.sample.json, description).
    expect(s.registrations?.length).toBe(members.length);
    expect(s.issues.map((i) => i.code)).not.toContain("nomination.registration.none");
    const snn = members.find((m) => m.shortName === "SNN&PTNT")!.name;
    expect(s.registrations!.find((r) => r.unit === snn)?.awards).toEqual([]);
    const refused = s.proposals.find((p) => p.awardId === "tt-ldxs" && p.unit === snn)!;
    expect(refused.proposed).toBe(false);
    expect(refused.reasons[0].vi).toMatch(/^Chưa đăng ký thi đua danh hiệu này/);
    expect(refused.override?.include).toBe(true);
    expect(s.issues.filter((i) => i.code === "nomination.override.unregistered").map((i) => i.message.vi.includes(snn))).toEqual([true]);
    expect(s.list.filter((p) => p.awardId === "tt-ldxs").map((p) => p.unit)).toEqual([SCT]);
  });
});
