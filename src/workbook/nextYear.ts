import { raise } from "../domain/codes";
import { validateBloc, type Bloc } from "../domain/bloc/bloc";
import { defaultCatalogue } from "../domain/nomination/catalogue";
import type { CriteriaTable } from "../domain/criteria/model";
import { hasErrors, type Issue } from "../domain/issues";
import { defaultSettings } from "../domain/scoring/settings";
import { BLOC_SHEET, blocSheetPlan, readBlocSheet } from "./bloc/blocSheet";
import { LEADERSHIP_SHEET, leadershipSheetPlan, readLeadershipSheet, upsertLeadership, type LeadershipRow } from "./bloc/leadershipSheet";
import { CRITERIA_SHEET, criteriaSheetPlan, readCriteriaSheet } from "./criteria/criteriaSheet";
import type { Grid } from "./grid";
import { CATALOGUE_SHEET, catalogueSheetPlan, readCatalogueSheet } from "./nomination/catalogueSheet";
import type { SheetPlan } from "./plan";
import { readSettingsSheet, SETTINGS_SHEET, settingsSheetPlan } from "./scoring/settingsSheet";
import { sectionName } from "./scoring/summarySheet";

/**
 * Next year's workbook (issue #12 point 4), as sheet plans: what the bloc carries from one year to
 * the next, and nothing of the year's scores, ballots, minutes, lists or log.
 * - "Khối": the same members, the year + 1, and next year's leader and deputies as this year's
 *   year-end meeting chose them. DOMAIN.md §1: leader and deputies are "bầu luân phiên trong dịp
 *   tổng kết năm" (guidance 1122/BTĐKT-VI 2011, 2746/HD-BTĐKT 2015), some provinces designate
 *   them; the leadership step records either (rotation, election or designation) as the row of
 *   year + 1 on "Trưởng khối các năm", which is what is read here.
 * - "Trưởng khối các năm": every recorded year, so next year's rotation reads this year's record.
 * - "Tiêu chí", "Cài đặt", "Khen thưởng": the criteria table, the scoring settings and the award
 *   catalogue as this year's sheets hold them (the bloc changes them at its launch meeting, in the
 *   new workbook).
 */

/** The sheets of this year's workbook that next year's is drawn from, as read (null when missing). */
export interface YearSheets {
  bloc: Grid | null;
  leadership: Grid | null;
  criteria: Grid | null;
  settings: Grid | null;
  catalogue: Grid | null;
}

export interface NextYearPlans {
  /** Next year's bloc record. */
  bloc: Bloc;
  /** Leadership rows carried (this year's included). */
  leadership: LeadershipRow[];
  /** The sheets in tab order: "Khối" first. */
  plans: SheetPlan[];
  issues: Issue[];
}


/** The plans of next year's workbook, or the issues that stop it (each coded, in Vietnamese and English, with where). */
export function nextYearPlans(sheets: YearSheets): { ok: true; value: NextYearPlans } | { ok: false; issues: Issue[] } {
  const issues: Issue[] = [];

  // This year's bloc record.
  if (!sheets.bloc) return { ok: false, issues: [raise("nextYear.noBloc", { sheet: BLOC_SHEET })] };
  const parsed = readBlocSheet(sheets.bloc);
  if (!parsed.found) return { ok: false, issues: [raise("nextYear.noBloc", { sheet: sheets.bloc.sheet }, { sheet: sheets.bloc.sheet, cell: "A1" })] };
  const now = validateBloc(parsed.draft, parsed.at);
  const blocErrors = [...parsed.issues, ...now.issues].filter((i) => i.severity === "error");
  if (!now.bloc || blocErrors.length) return { ok: false, issues: blocErrors };
  const bloc = now.bloc;
  const year = bloc.year + 1;

  // The leadership record and next year's row in it.
  const where = { sheet: sheets.leadership?.sheet ?? LEADERSHIP_SHEET, cell: "A1" };
  const missing = (deputy: boolean): Issue => (deputy ? raise("nextYear.deputy.missing", { year }, where) : raise("nextYear.leader.missing", { year }, where));
  if (!sheets.leadership) return { ok: false, issues: [missing(false)] };
  const lead = readLeadershipSheet(sheets.leadership);
  if (!lead.found) return { ok: false, issues: [missing(false)] };
  if (hasErrors(lead.issues)) return { ok: false, issues: lead.issues };
  const next = lead.rows.find((r) => r.year === year);
  if (!next) return { ok: false, issues: [missing(false)] };
  if (next.deputies.length === 0) return { ok: false, issues: [missing(true)] };
  // This year's row, as the bloc record says, when the record lacks it (the rotation counts it).
  let rows = lead.rows;
  if (!rows.some((r) => r.year === bloc.year)) rows = upsertLeadership(rows, { year: bloc.year, leader: bloc.leader, deputies: bloc.deputies, how: "recorded", basis: "Hồ sơ khối" }).rows;

  const checked = validateBloc({ name: bloc.name, province: bloc.province, year, leader: next.leader, deputies: next.deputies, members: bloc.members });
  if (!checked.bloc || hasErrors(checked.issues)) {
    return {
      ok: false,
      issues: [
        raise("nextYear.leader.invalid", { year, names: [next.leader, ...next.deputies].join("; "), sheet: sheets.leadership.sheet }, where),
        // What does not fit, each in its own words.
        ...checked.issues.filter((i) => i.severity === "error").map((i) => ({ ...i, where })),
      ],
    };
  }
  const nextBloc = checked.bloc;
  const plans: SheetPlan[] = [blocSheetPlan(nextBloc)];

  // The criteria table and the settings.
  let table: CriteriaTable | null = null;
  if (sheets.criteria) {
    const cr = readCriteriaSheet(sheets.criteria);
    if (cr.found) {
      if (!cr.table || hasErrors(cr.issues)) return { ok: false, issues: cr.issues };
      table = cr.table;
      plans.push(criteriaSheetPlan(table));
    }
  }
  if (!table) issues.push(raise("nextYear.criteria.missing", { CRITERIA_SHEET, year }));
  if (sheets.settings && sheets.settings.values.length) {
    const t = table;
    const names = t ? t.sections.map((_, i) => sectionName(t, i)) : [];
    const ids: string[] = [];
    const walk = (c: CriteriaTable["sections"][number]) => (ids.push(c.id), c.children.forEach(walk));
    t?.sections.forEach(walk);
    const s = readSettingsSheet(sheets.settings, defaultSettings(t?.scale ?? 100), names, ids);
    if (hasErrors(s.issues)) return { ok: false, issues: s.issues };
    plans.push(settingsSheetPlan(s.settings, names));
  }

  // The award catalogue: the sheet's, or the defaults this year's nomination used when there was none.
  let catalogue = defaultCatalogue();
  if (sheets.catalogue) {
    const c = readCatalogueSheet(sheets.catalogue);
    if (c.found) {
      if (!c.catalogue || hasErrors(c.issues)) return { ok: false, issues: c.issues };
      catalogue = c.catalogue;
    }
  }
  plans.push(catalogueSheetPlan(catalogue));

  plans.push(leadershipSheetPlan(rows, { members: nextBloc.members.map((m) => m.name) }));
  return { ok: true, value: { bloc: nextBloc, leadership: rows, plans, issues } };
}

/** The sheet names next year's workbook is drawn from (the app reads them, or wherever their names point). */
export const NEXT_YEAR_SOURCES = { bloc: BLOC_SHEET, leadership: LEADERSHIP_SHEET, criteria: CRITERIA_SHEET, settings: SETTINGS_SHEET, catalogue: CATALOGUE_SHEET } as const;
