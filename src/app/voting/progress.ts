import { nextStep, type Known, type NextStep, type YearState } from "../../domain/progress/nextStep";
import { nameKey } from "../../domain/text";
import type { ExcelHost } from "../../excel/host";
import { readWorkbook } from "../../excel/read";
import { PACT_SHEET } from "../../workbook/start/pactSheet";
import { REGISTRATION_SHEET } from "../../workbook/start/registrationSheet";
import { SUMMARY_SHEET } from "../../workbook/scoring/summarySheet";
import { NOMINATION_SHEETS } from "../nominationState";
import { BASE_READ, contextOf, voteSheets } from "./shared";

/**
 * What the workbook holds of the year, for the next-step hint (issue #14 item 7): the bloc, the
 * start-of-year sheets, the scores on "Tổng hợp", the votes and their minutes, next year's leader
 * and the nomination list. One read (the voting context's).
 */
export async function loadYearState(host: ExcelHost): Promise<YearState> {
  const read = await readWorkbook(host, BASE_READ);
  const ctx = contextOf(read);
  const sheets = new Set(read.sheets.map(nameKey));
  const has = (name: string) => sheets.has(nameKey(name));
  const year = ctx.bloc?.year ?? null;
  return {
    bloc: ctx.bloc !== null,
    year,
    pact: has(PACT_SHEET),
    registrations: has(REGISTRATION_SHEET),
    scoring: has(SUMMARY_SHEET) || ctx.summary.length > 0,
    units: ctx.summary.length,
    // A unit whose sheet is still empty totals 0: scored means a total above 0 and a rank.
    scored: ctx.summary.filter((l) => l.total !== null && l.total > 0 && l.rank !== null).length,
    votes: ctx.records.map((r) => ({ id: r.id, purpose: r.vote.purpose.kind, minutes: has(voteSheets(r.id).minutes.sheet) })),
    leaderRecorded: year !== null && ctx.leadership.some((l) => l.year === year + 1),
    list: has(NOMINATION_SHEETS.list),
  };
}

/** The next step as the workbook stands, with what only the pane knows (`known`: next year's workbook made). */
export async function loadNextStep(host: ExcelHost, known: Known = {}): Promise<NextStep> {
  return nextStep(await loadYearState(host), known);
}
