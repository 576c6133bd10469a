import { raise } from "../domain/codes";
import { type Issue } from "../domain/issues";
import { officeErrorToIssue } from "../excel/errors";
import { unfinishedSheets, type WorkbookRead } from "../excel/read";

/** A failed read of the workbook, in words (the Office error's detail included). */
export const readFailed = (e: unknown): Issue => officeErrorToIssue(e);

/** A failed write of the workbook, in words; nothing half-written is left (the applier cleans up). */
export const writeFailed = readFailed;

/**
 * Sheets whose last write stopped part-way (a failed request of a write in several): what they
 * show cannot be trusted until the action that writes them runs again and finishes.
 */
export function unfinishedIssues(read: Pick<WorkbookRead, "names">, only?: (sheet: string) => boolean): Issue[] {
  return unfinishedSheets(read)
    .filter((s) => !only || only(s))
    .map((sheet) =>
      raise("excel.sheet.unfinished", { sheet }, { sheet, cell: "A1" }),
    );
}
