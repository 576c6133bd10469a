// Next year's workbook as sheet plans (issue #12 point 4), built from this year's sheets as read.
// DOMAIN.md §1: the leader and deputies are "bầu luân phiên trong dịp tổng kết năm" (guidance
// 1122/BTĐKT-VI 2011, 2746/HD-BTĐKT 2015; some provinces designate them): the year-end meeting's
// choice, recorded for year + 1 on "Trưởng khối các năm", is what next year's "Khối" names.
import { validateBloc } from "../../src/domain/bloc/bloc";
import { defaultCatalogue } from "../../src/domain/nomination/catalogue";
import { templateById } from "../../src/domain/criteria/templates";
import { defaultSettings } from "../../src/domain/scoring/settings";
import { nextLeadership } from "../../src/domain/voting/leader";
import { BLOC_SHEET, blocSheetPlan, readBlocSheet } from "../../src/workbook/bloc/blocSheet";
import { LEADERSHIP_SHEET, leadershipSheetPlan, readLeadershipSheet, type LeadershipRow } from "../../src/workbook/bloc/leadershipSheet";
import { CRITERIA_SHEET, criteriaSheetPlan, readCriteriaSheet } from "../../src/workbook/criteria/criteriaSheet";
import { CATALOGUE_SHEET, catalogueSheetPlan, readCatalogueSheet } from "../../src/workbook/nomination/catalogueSheet";
import { nextYearPlans, type YearSheets } from "../../src/workbook/nextYear";
import { readSettingsSheet, SETTINGS_SHEET, settingsSheetPlan } from "../../src/workbook/scoring/settingsSheet";
import { sectionName } from "../../src/workbook/scoring/summarySheet";
import { sampleDraft } from "../fixtures/bloc";
import { gridOf } from "../fixtures/grid";

const bloc = validateBloc(sampleDraft()).bloc!;
const members = bloc.members.map((m) => m.name);
const table = templateById("departments-100").table;
const names = table.sections.map((_, i) => sectionName(table, i));
// A bloc's own settings (a band changed), so carrying them over is not the defaults by chance.
const settings = { ...defaultSettings(100), largeGap: 7, bands: defaultSettings(100).bands.map((b, i) => (i === 0 ? { ...b, min: 92 } : b)) };
const catalogue = defaultCatalogue();
catalogue.awards = catalogue.awards.slice(0, 3);

const rows2027: LeadershipRow = { year: 2027, leader: members[2], deputies: [members[3]], how: "election", basis: "Kết quả bỏ phiếu V4, V5" };
const history: LeadershipRow[] = [
  { year: 2025, leader: members[7], deputies: [members[0]], how: "recorded", basis: "" },
  { year: 2026, leader: members[0], deputies: [members[5]], how: "recorded", basis: "Hồ sơ khối" },
  rows2027,
];

function year(over: Partial<YearSheets> = {}): YearSheets {
  return {
    bloc: gridOf(blocSheetPlan(bloc)),
    leadership: gridOf(leadershipSheetPlan(history, { members })),
    criteria: gridOf(criteriaSheetPlan(table)),
    settings: gridOf(settingsSheetPlan(settings, names)),
    catalogue: gridOf(catalogueSheetPlan(catalogue)),
    ...over,
  };
}

function plans(over: Partial<YearSheets> = {}) {
  const out = nextYearPlans(year(over));
  if (!out.ok) throw new Error(JSON.stringify(out.issues));
  return out.value;
}

describe("next year's workbook as plans (issue #12 point 4)", () => {
  it("has the bloc, criteria, settings, catalogue and leadership sheets, and nothing of the year's scores, votes or log", () => {
    expect(plans().plans.map((p) => p.name)).toEqual([BLOC_SHEET, CRITERIA_SHEET, SETTINGS_SHEET, CATALOGUE_SHEET, LEADERSHIP_SHEET]);
  });

  it("names year + 1 and the leader and deputy the year-end meeting chose (DOMAIN §1, 1122/BTĐKT-VI, 2746/HD-BTĐKT), with the same members", () => {
    const khoi = readBlocSheet(gridOf(plans().plans[0]));
    const next = validateBloc(khoi.draft, khoi.at).bloc!;
    expect(next.year).toBe(2027);
    expect(next.leader).toBe(members[2]);
    expect(next.deputies).toEqual([members[3]]);
    expect(next.members).toEqual(bloc.members);
    expect(next.name).toBe(bloc.name);
  });

  it("carries the criteria table, the settings and the catalogue as this year's sheets hold them", () => {
    const p = plans().plans;
    expect(readCriteriaSheet(gridOf(p[1])).table).toEqual(readCriteriaSheet(gridOf(criteriaSheetPlan(table))).table);
    const s = readSettingsSheet(gridOf(p[2]), defaultSettings(100), names);
    expect(s.settings.largeGap).toBe(7);
    expect(s.settings.bands[0].min).toBe(92);
    expect(readCatalogueSheet(gridOf(p[3])).catalogue).toEqual(readCatalogueSheet(gridOf(catalogueSheetPlan(catalogue))).catalogue);
  });

  it("carries every recorded year, so next year's rotation reads this year's record (DOMAIN §1: bầu luân phiên)", () => {
    const carried = readLeadershipSheet(gridOf(plans().plans[4])).rows;
    expect(carried.map((r) => [r.year, r.leader, r.how])).toEqual(history.map((r) => [r.year, r.leader, r.how]));
    // Rotation for 2028 from the carried record: after 2027's leader (members[2]), the next who has not led.
    const rot = nextLeadership({ roster: bloc.members, history: carried, year: 2028, mode: { mode: "rotation", deputies: 1 } });
    expect(rot.leader).toBe(members[3]);
    // Without 2026's and 2027's rows the rotation would start elsewhere: the record is what it reads.
    const fresh = nextLeadership({ roster: bloc.members, history: [], year: 2028, mode: { mode: "rotation", deputies: 1 } });
    expect(fresh.leader).not.toBe(rot.leader);
  });

  it("adds this year's row from the bloc record when the leadership table lacks it", () => {
    const carried = plans({ leadership: gridOf(leadershipSheetPlan([rows2027], { members })) }).leadership;
    expect(carried.map((r) => [r.year, r.leader])).toEqual([
      [2026, members[0]],
      [2027, members[2]],
    ]);
  });

  it("refuses, naming what is missing, when the year-end meeting has not chosen next year's leader", () => {
    for (const leadership of [null, gridOf(leadershipSheetPlan(history.slice(0, 2), { members }))]) {
      const out = nextYearPlans(year({ leadership }));
      expect(out.ok).toBe(false);
      if (out.ok) continue;
      expect(out.issues.map((i) => i.code)).toEqual(["nextYear.leader.missing"]);
      expect(out.issues[0].message.vi).toContain("trưởng khối năm 2027");
      expect(out.issues[0].message.en).toContain("leader for 2027");
      expect(out.issues[0].where?.sheet).toBe(LEADERSHIP_SHEET);
    }
  });

  it("refuses when next year's row has no deputy (a bloc needs one: the bloc record's rule)", () => {
    const out = nextYearPlans(year({ leadership: gridOf(leadershipSheetPlan([history[1], { ...rows2027, deputies: [] }], { members })) }));
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.issues[0].message.vi).toContain("phó trưởng khối năm 2027");
  });

  it("refuses a leader who is not a member, with the reason", () => {
    const out = nextYearPlans(year({ leadership: gridOf(leadershipSheetPlan([{ ...rows2027, leader: "Sở Ngoại vụ" }])) }));
    expect(out.ok).toBe(false);
    if (!out.ok) {
      expect(out.issues[0].code).toBe("nextYear.leader.invalid");
      expect(out.issues[0].message.vi).toContain("Sở Ngoại vụ");
    }
  });

  it("refuses without a bloc record", () => {
    const out = nextYearPlans(year({ bloc: null }));
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.issues[0].code).toBe("nextYear.noBloc");
  });

  it("refuses a criteria table with errors rather than carrying it silently", () => {
    const g = gridOf(criteriaSheetPlan(table));
    const h = g.values.findIndex((r) => r.includes("Điểm chuẩn"));
    const c = g.values[h].indexOf("Điểm chuẩn");
    const r = g.values.findIndex((row, i) => i > h && typeof row[c] === "number");
    g.values[r][c] = "mười";
    const out = nextYearPlans(year({ criteria: g }));
    expect(out.ok).toBe(false);
  });

  it("writes the default catalogue when the workbook has none (this year's nomination used it), and warns without criteria", () => {
    const v = plans({ catalogue: null, criteria: null, settings: null });
    expect(v.plans.map((p) => p.name)).toEqual([BLOC_SHEET, CATALOGUE_SHEET, LEADERSHIP_SHEET]);
    expect(readCatalogueSheet(gridOf(v.plans[1])).catalogue?.awards.map((a) => a.name)).toEqual(defaultCatalogue().awards.map((a) => a.name));
    expect(v.issues.map((i) => i.code)).toEqual(["nextYear.criteria.missing"]);
  });
});
