import { decodeSources, SOURCES_FORMAT, type SourcesPrint } from "../../domain/nomination/stale";
import { cellAddress, columnLetter } from "../a1";
import { planRegion, type SheetPlan } from "../plan";

/**
 * Where a generated nomination sheet keeps the record of what it was built from (issue #14 item 3;
 * ARCHITECTURE rule 1, the workbook is the record): one cell in row 1 of a hidden column just past
 * the document, on the protected sheet, so it neither prints nor shows, and no one edits it by mistake.
 */

/** The plan with its sources' record: `record` in row 1 of the column after its region, hidden. */
export function withSourcesRecord(plan: SheetPlan, record: string): SheetPlan {
  const col = planRegion(plan).colCount;
  return {
    ...plan,
    blocks: [...plan.blocks, { at: cellAddress(0, col), rows: [[record]] }],
    formats: [...plan.formats, { range: cellAddress(0, col), format: { fontSize: 8, fontColor: "#808080" } }],
    hiddenColumns: [...(plan.hiddenColumns ?? []), columnLetter(col)],
  };
}

/**
 * The record on a sheet as read (wherever rows or columns moved it): the fingerprint, or null when
 * the sheet has none (written by an older version) or one this version cannot read.
 */
export function readSourcesRecord(values: readonly (readonly unknown[])[] | undefined): SourcesPrint | null {
  for (const row of values ?? []) {
    for (const v of row) {
      if (typeof v === "string" && v.startsWith(SOURCES_FORMAT)) return decodeSources(v);
    }
  }
  return null;
}
