import { raise, type IssueCode } from "../domain/codes";
import type { Issue, Where } from "../domain/issues";

/** The Office (RichApi) error codes the add-in words for a user; any other is `Unknown` (its own code still in the detail). */
export const OFFICE_CODES = ["AccessDenied", "ItemNotFound", "ItemAlreadyExists", "InvalidArgument", "InvalidOperation", "RequestPayloadSizeLimitExceeded", "ApiNotFound", "GeneralException"] as const;
export type OfficeCode = (typeof OFFICE_CODES)[number] | "Unknown";

/** The code of an Office (RichApi) error, or "Unknown". */
export function officeErrorCode(e: unknown): string {
  if (e && typeof e === "object") {
    const o = e as { code?: unknown; debugInfo?: { code?: unknown } };
    if (typeof o.code === "string" && o.code) return o.code;
    if (typeof o.debugInfo?.code === "string") return o.debugInfo.code;
  }
  return "Unknown";
}

const known = (code: string): OfficeCode => ((OFFICE_CODES as readonly string[]).includes(code) ? (code as OfficeCode) : "Unknown");

/** Each Office code's catalogued issue code. */
const ISSUE_CODE = {
  AccessDenied: "excel.AccessDenied",
  ItemNotFound: "excel.ItemNotFound",
  ItemAlreadyExists: "excel.ItemAlreadyExists",
  InvalidArgument: "excel.InvalidArgument",
  InvalidOperation: "excel.InvalidOperation",
  RequestPayloadSizeLimitExceeded: "excel.RequestPayloadSizeLimitExceeded",
  ApiNotFound: "excel.ApiNotFound",
  GeneralException: "excel.GeneralException",
  Unknown: "excel.Unknown",
} as const satisfies Record<OfficeCode, IssueCode>;

/**
 * An Office error as a catalogued issue (`excel.AccessDenied`, …, `excel.Unknown`), in words a user
 * can act on; its detail keeps Office's own code and message.
 */
export function officeErrorToIssue(e: unknown, where?: Where): Issue {
  const code = officeErrorCode(e);
  // Duck-typed: office.js's RuntimeError may come from another realm (an iframe, a test's jsdom window).
  const message = e && typeof e === "object" && typeof (e as { message?: unknown }).message === "string" ? (e as { message: string }).message : "";
  return raise(ISSUE_CODE[known(code)], { detail: message ? `${code}: ${message}` : code }, where);
}
