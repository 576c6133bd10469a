// Next year's workbook from the sample year (docs/scenario.sample.json: a full year ending with the
// leader and deputy elected at the year-end meeting), issue #12 point 4. DOMAIN.md §1: leader and
// deputies are "bầu luân phiên trong dịp tổng kết năm" (1122/BTĐKT-VI 2011, 2746/HD-BTĐKT 2015).
// The pane opens the file as a new workbook with Excel.createWorkbook(base64) (ExcelApi 1.8):
// https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-workbooks ("Create a workbook").
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { loadBloc } from "../../src/app/bloc";
import { createNextYear, nextYearFileName } from "../../src/app/nextYear";
import { readScoringContext } from "../../src/app/scoring";
import { electLeadership, loadVoting } from "../../src/app/voting";
import { runScenario, type RunReport } from "../../src/cli/run";
import { parseScenario, type Scenario } from "../../src/cli/scenario";
import { MemoryHost } from "../../src/host";
import { validateBloc } from "../../src/domain/bloc/bloc";
import { REGION_WRITING, writeSheets } from "../../src/excel/apply";
import { readWorkbook } from "../../src/excel/read";
import { blocSheetPlan } from "../../src/workbook/bloc/blocSheet";
import { LEADERSHIP_SHEET, leadershipSheetPlan } from "../../src/workbook/bloc/leadershipSheet";
import { regionName } from "../../src/workbook/plan";
import { sampleDraft } from "../fixtures/bloc";
import { CATALOGUE_SHEET } from "../../src/workbook/nomination/catalogueSheet";

function sample(): Scenario {
  const parsed = parseScenario(JSON.parse(readFileSync(resolve(__dirname, "../../docs/scenario.sample.json"), "utf8")));
  if (!parsed.ok) throw new Error(parsed.problems.join("\n"));
  return parsed.scenario;
}

describe("createNextYear on the sample year", () => {
  let report: RunReport;
  let out: Awaited<ReturnType<typeof createNextYear>>;
  let syncs = 0;
  let next: MemoryHost;
  beforeAll(async () => {
    report = await runScenario({ ...sample(), leadership: { mode: "election" } });
    expect(report.ok).toBe(true);
    const before = report.host.stats.syncs;
    out = await createNextYear(report.host, { at: new Date(2026, 11, 5, 17, 0) });
    syncs = report.host.stats.syncs - before;
    if (!out.ok) throw new Error(JSON.stringify(out.issues));
    next = await MemoryHost.fromXlsx(out.file.bytes);
  }, 180_000);

  it("reads this year's workbook once and writes nothing to it", () => {
    expect(syncs).toBe(1);
  });

  it("is the file Khoi-thi-dua-2027.xlsx, with the bloc, criteria, settings, catalogue and leadership sheets only", () => {
    if (!out.ok) throw new Error("refused");
    expect(out.file.name).toBe(nextYearFileName(2027));
    expect(out.file.name).toBe("Khoi-thi-dua-2027.xlsx");
    expect(out.file.mime).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(next.sheetNames()).toEqual(["Khối", "Tiêu chí", "Cài đặt", CATALOGUE_SHEET, LEADERSHIP_SHEET]);
    // Nothing of this year's scores, ballots, minutes, lists or log.
    const thisYear = report.host.sheetNames().filter((s) => !next.sheetNames().includes(s));
    expect(thisYear.length).toBeGreaterThan(8);
    for (const name of next.names().map((n) => n.name)) expect(name).not.toMatch(/^BX_DV_|^BX_BoPhieu|^BX_TongHop/);
  });

  it("names year + 1 and the leader and deputy elected at the year-end meeting (DOMAIN §1)", async () => {
    if (!out.ok) throw new Error("refused");
    const st = await loadBloc(next);
    expect(st.status).toBe("ok");
    expect(st.bloc!.year).toBe(2027);
    expect(st.bloc!.leader).toBe(report.leadership!.leader);
    expect(st.bloc!.deputies).toEqual(report.leadership!.deputies);
    expect([out.year, out.leader, out.deputies]).toEqual([2027, report.leadership!.leader, report.leadership!.deputies]);
    // The same members, in the same order.
    const now = await loadBloc(report.host);
    expect(st.bloc!.members).toEqual(now.bloc!.members);
  });

  it("carries the criteria table and the settings as this year's workbook holds them", async () => {
    const a = await readScoringContext(report.host);
    const b = await readScoringContext(next);
    expect(b.criteria?.table).toEqual(a.criteria?.table);
    expect(b.settings).toEqual(a.settings);
    expect(b.units).toEqual([]);
  }, 60_000);

  it("carries the leadership record: 2027's row as elected, and rotation in 2027 reads it for 2028 (DOMAIN §1: luân phiên)", async () => {
    const v = await loadVoting(next);
    if (!v.ok) throw new Error("read");
    const row = v.context.leadership.find((r) => r.year === 2027)!;
    expect([row.leader, row.how]).toEqual([report.leadership!.leader, "election"]);
    expect(v.context.leadership.some((r) => r.year === 2026)).toBe(true);
    const rot = await electLeadership(next, { mode: "rotation", deputies: 1 });
    expect(rot.kind).toBe("written");
    expect(rot.year).toBe(2028);
    // Not 2027's leader, nor anyone who led in a recorded year while others have not.
    const led = v.context.leadership.map((r) => r.leader);
    expect(led).not.toContain(rot.leader);
  }, 60_000);
});

describe("createNextYear refuses", () => {
  it("when the year-end meeting has not chosen next year's leader: coded, in both languages, pointing at the leadership record", async () => {
    const { leadership: _l, votes: _v, nomination: _n, ...rest } = sample();
    void [_l, _v, _n];
    const r = await runScenario(rest as Scenario);
    const out = await createNextYear(r.host);
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.issues[0].code).toBe("nextYear.leader.missing");
    expect(out.issues[0].message.vi).toMatch(/Chưa có trưởng khối năm 2027/);
    expect(out.issues[0].message.en).toMatch(/no leader for 2027/);
  }, 120_000);

  it("when a sheet it carries was left half-written (its region name says so): finish that write first", async () => {
    const host = new MemoryHost();
    const bloc = validateBloc(sampleDraft()).bloc!;
    const rows = [{ year: 2027, leader: bloc.members[2].name, deputies: [bloc.members[3].name], how: "election" as const, basis: "" }];
    const plans = [blocSheetPlan(bloc), leadershipSheetPlan(rows)];
    await writeSheets(host, plans, await readWorkbook(host, {}));
    expect((await createNextYear(host)).ok).toBe(true);
    // The state a write in several requests leaves when its last one failed (src/excel/apply.ts).
    const name = regionName(plans[1]);
    await host.run(async (ctx) => {
      const n = ctx.workbook.names.getItem(name);
      const range = n.getRange();
      n.delete();
      ctx.workbook.names.add(name, range, REGION_WRITING);
      await ctx.sync();
    });
    const out = await createNextYear(host);
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.issues.map((i) => [i.code, i.where?.sheet])).toEqual([["excel.sheet.unfinished", LEADERSHIP_SHEET]]);
  }, 60_000);

  it("on an empty workbook: no bloc record", async () => {
    const out = await createNextYear(new MemoryHost());
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.issues.map((i) => i.code)).toEqual(["nextYear.noBloc"]);
  });
});
