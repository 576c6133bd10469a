import type { Issue } from "../domain/issues";
import { officeErrorToIssue } from "../excel/errors";

/** A failed read of the workbook, in words (the Office error's detail included). */
export const readFailed = (e: unknown): Issue => officeErrorToIssue(e, { vi: "Không đọc được bảng tính", en: "Could not read the workbook" });

/** A failed write of the workbook, in words; nothing half-written is left (the applier cleans up). */
export const writeFailed = (e: unknown): Issue => officeErrorToIssue(e, { vi: "Không ghi được bảng tính", en: "Could not write the workbook" });
