import type { Denominator, Vote } from "../../domain/voting/model";
import { cellAddress, columnLetter, rangeAddress } from "../a1";
import type { ConditionalFormat, PlanCell, RangeFormat, Validation } from "../plan";

/**
 * The results table both entry sheets (ballot by ballot, hand count) show, and what else they
 * share: its marks and formulas, the check on a typed count, the workbook names of the attendance
 * and the results, and the table's looks.
 */

/** Passing and cutoff marks of the results block. */
export const PASS = { yes: "Đạt", no: "Không đạt" } as const;
export const CUTOFF = { elected: "Trong số lượng được chọn", tied: "Bằng phiếu ở ngưỡng", out: "Ngoài số lượng" } as const;

/**
 * A results row's percent, passing, rank among the passers and cutoff mark, as formulas (the
 * ballot sheet and the hand-count sheet share them; the engine computes the same): percent of the
 * denominator to 2 decimals, compared by the rule; equal votes share a rank; candidates whose
 * equals reach past the seats are tied at the cutoff.
 */
export function resultFormulas(o: {
  row: number;
  cols: { votes: number; percent: number; passes: number };
  first: number;
  last: number;
  denominator: string;
  threshold: string;
  toElect: string;
  comparison: Vote["rule"]["comparison"];
}): PlanCell[] {
  const L = columnLetter;
  const range = (c: number) => `$${L(c)}$${o.first + 1}:$${L(c)}$${o.last + 1}`;
  const v = cellAddress(o.row, o.cols.votes);
  const pass = cellAddress(o.row, o.cols.passes);
  const ahead = `COUNTIFS(${range(o.cols.passes)},"${PASS.yes}",${range(o.cols.votes)},">"&${v})`;
  const equal = `COUNTIFS(${range(o.cols.passes)},"${PASS.yes}",${range(o.cols.votes)},${v})`;
  return [
    { f: `=IF(${o.denominator}=0,0,ROUND(${v}/${o.denominator}*100,2))` },
    { f: `=IF(AND(${o.denominator}>0,${cellAddress(o.row, o.cols.percent)}${o.comparison}${o.threshold}),"${PASS.yes}","${PASS.no}")` },
    { f: `=IF(${pass}="${PASS.yes}",1+${ahead},"")` },
    { f: `=IF(${pass}<>"${PASS.yes}","",IF(${ahead}+${equal}<=${o.toElect},"${CUTOFF.elected}",IF(${ahead}<${o.toElect},"${CUTOFF.tied}","${CUTOFF.out}")))` },
  ];
}

/**
 * The denominator of the passing rule as a formula expression over the sheet's cells (one builder
 * for the ballot and hand-count sheets; the tally's `denominatorOf` computes the same): a total's
 * cell, or "returned less blank" (issue #13). `blank` is an expression counting the ballots invalid
 * for nothing marked.
 */
export function denominatorFormula(d: Denominator, refs: Record<Exclude<Denominator, "returnedNonBlank">, string> & { blank: string }): string {
  switch (d) {
    case "returnedNonBlank":
      return `(${refs.returned}-${refs.blank})`;
    default:
      return refs[d];
  }
}

/** A typed count (members, present, ballots, votes): a whole number from 0 to 10000. */
export function countValidation(range: string): Validation {
  return { range, rule: { kind: "whole", min: 0, max: 10000 }, error: { title: "Số lượng", message: "Nhập một số nguyên từ 0 đến 10000." } };
}

/** The workbook names both entry sheets define under their prefix. */
export function entryNames(prefix: string): { members: string; present: string; issued: string; results: string } {
  return { members: `${prefix}_ThanhVien`, present: `${prefix}_CoMat`, issued: `${prefix}_PhatRa`, results: `${prefix}_KetQua` };
}

/** The results table: its header row and first column (0-based), its candidates and columns. */
export interface ResultsTableAt {
  header: number;
  col: number;
  candidates: number;
  width: number;
  cols: { percent: number; cutoff: number };
}

/** The results table's looks: a shaded header, grid lines, percents to 2 decimals. */
export function resultsTableFormats(t: ResultsTableAt, headerFill: string): RangeFormat[] {
  return [
    { range: rangeAddress(t.header, t.col, 1, t.width), format: { bold: true, fill: headerFill, hAlign: "Center", vAlign: "Center", wrap: true } },
    { range: rangeAddress(t.header, t.col, t.candidates + 1, t.width), format: { borders: "Continuous" } },
    { range: rangeAddress(t.header + 1, t.cols.percent, t.candidates, 1), format: { numberFormat: "0.00" } },
  ];
}

/** The results rows coloured by their cutoff mark: tied at the cutoff, elected. */
export function resultsTableHighlights(t: ResultsTableAt): ConditionalFormat[] {
  const rows = rangeAddress(t.header + 1, t.col, t.candidates, t.width);
  const mark = `$${columnLetter(t.cols.cutoff)}${t.header + 2}`;
  return [
    { range: rows, formula: `=${mark}="${CUTOFF.tied}"`, format: { fill: "#FFF2CC" } },
    { range: rows, formula: `=${mark}="${CUTOFF.elected}"`, format: { fill: "#E2EFDA", bold: true } },
  ];
}
