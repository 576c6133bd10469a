import { error, type Issue } from "../domain/issues";
import { officeErrorToIssue } from "../excel/errors";
import { unfinishedSheets, type WorkbookRead } from "../excel/read";

/** A failed read of the workbook, in words (the Office error's detail included). */
export const readFailed = (e: unknown): Issue => officeErrorToIssue(e, { vi: "Không đọc được bảng tính", en: "Could not read the workbook" });

/** A failed write of the workbook, in words; nothing half-written is left (the applier cleans up). */
export const writeFailed = (e: unknown): Issue => officeErrorToIssue(e, { vi: "Không ghi được bảng tính", en: "Could not write the workbook" });

/**
 * Sheets whose last write stopped part-way (a failed request of a write in several): what they
 * show cannot be trusted until the action that writes them runs again and finishes.
 */
export function unfinishedIssues(read: Pick<WorkbookRead, "names">, only?: (sheet: string) => boolean): Issue[] {
  return unfinishedSheets(read)
    .filter((s) => !only || only(s))
    .map((sheet) =>
      error(
        "excel.sheet.unfinished",
        {
          vi: `Trang "${sheet}" chưa được ghi xong (lần ghi trước bị gián đoạn): hãy chạy lại thao tác đã ghi trang này để ghi cho xong.`,
          en: `Sheet "${sheet}" was not written completely (the last write stopped part-way): run the action that writes it again to finish.`,
        },
        { sheet, cell: "A1" },
      ),
    );
}
