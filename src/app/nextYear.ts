import { readFailed, unfinishedIssues } from "./failures";
import { hasErrors, type Issue } from "../domain/issues";
import { nameKey } from "../domain/text";
import { doneComment } from "../excel/apply";
import type { ExcelHost } from "../excel/host";
import { readWorkbook, type SheetRead, type WorkbookRead } from "../excel/read";
import { BLOC_NAMES } from "../workbook/bloc/blocSheet";
import { LEADERSHIP_TABLE_NAME } from "../workbook/bloc/leadershipSheet";
import type { Grid } from "../workbook/grid";
import { CATALOGUE_TABLE_NAME } from "../workbook/nomination/catalogueSheet";
import { NEXT_YEAR_SOURCES, nextYearPlans, type YearSheets } from "../workbook/nextYear";
import type { OutputFile } from "./nomination";

/**
 * Next year's workbook (issue #12 point 4): one action reads this year's workbook once and makes
 * the workbook of year + 1 as an .xlsx file — the members, the criteria table, the settings, the
 * award catalogue and the leadership record carried over, next year's leader and deputies from the
 * year-end meeting's choice, and nothing of this year's scores, ballots, minutes, lists or log.
 * The pane opens it as a new workbook in Excel (Excel.createWorkbook, ExcelApi 1.8) or downloads it.
 *
 * The file is written from sheet plans by ExcelJS, never through the in-memory host (which carries
 * a GPL formula engine that must not reach the pane); its sheets carry the region names the
 * applier writes, so the add-in updates them in place when it opens the new workbook.
 */

export type NextYearOutcome = { ok: true; year: number; leader: string; deputies: string[]; file: OutputFile; issues: Issue[] } | { ok: false; issues: Issue[] };

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** What is read: the five sheets, by name or wherever their workbook names now point. */
const READ = {
  sheets: Object.values(NEXT_YEAR_SOURCES),
  sheetsOfNames: [BLOC_NAMES.name, LEADERSHIP_TABLE_NAME, CATALOGUE_TABLE_NAME],
};

/** The sheets next year's workbook is drawn from, out of a read of the workbook. */
export function yearSheetsOf(read: WorkbookRead): YearSheets {
  const grid = (r: SheetRead | undefined): Grid | null => (r?.exists ? { sheet: r.name, row: r.row, col: r.col, values: r.values } : null);
  const pick = (sheet: string, name?: string) => grid(read.byName[sheet]?.exists ? read.byName[sheet] : name ? read.byDefinedName[name] : undefined);
  return {
    bloc: pick(NEXT_YEAR_SOURCES.bloc, BLOC_NAMES.name),
    leadership: pick(NEXT_YEAR_SOURCES.leadership, LEADERSHIP_TABLE_NAME),
    criteria: pick(NEXT_YEAR_SOURCES.criteria),
    settings: pick(NEXT_YEAR_SOURCES.settings),
    catalogue: pick(NEXT_YEAR_SOURCES.catalogue, CATALOGUE_TABLE_NAME),
  };
}

/** The file's name: `Khoi-thi-dua-<year>.xlsx`. */
export const nextYearFileName = (year: number) => `Khoi-thi-dua-${year}.xlsx`;

/** Makes next year's workbook from this one: one round trip to read; nothing is written to this workbook. */
export async function createNextYear(host: ExcelHost, opts: { at?: Date } = {}): Promise<NextYearOutcome> {
  let read: WorkbookRead;
  try {
    read = await readWorkbook(host, READ);
  } catch (e) {
    return { ok: false, issues: [readFailed(e)] };
  }
  const sheets = yearSheetsOf(read);
  // A sheet carried over whose last write stopped part-way cannot be trusted: finish that write first.
  const carried = new Set(Object.values(sheets).flatMap((g) => (g ? [nameKey(g.sheet)] : [])));
  const unfinished = unfinishedIssues(read, (s) => carried.has(nameKey(s)));
  if (unfinished.length) return { ok: false, issues: unfinished };
  const built = nextYearPlans(sheets);
  if (!built.ok) return built;
  const { bloc, plans, issues } = built.value;
  if (hasErrors(issues)) return { ok: false, issues };
  const at = opts.at ?? new Date();
  const { planXlsx } = await import("../export/planXlsx");
  const bytes = await planXlsx(plans, { regionComment: (plan) => doneComment(at, plan), activate: plans[0].name });
  return {
    ok: true,
    year: bloc.year,
    leader: bloc.leader,
    deputies: bloc.deputies,
    file: { name: nextYearFileName(bloc.year), mime: XLSX, bytes, label: { vi: `Bảng tính năm ${bloc.year} của khối`, en: `The bloc's ${bloc.year} workbook` } },
    issues,
  };
}
