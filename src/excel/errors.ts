import { error, type Issue, type Where } from "../domain/issues";

/** The code of an Office (RichApi) error, or "Unknown". */
export function officeErrorCode(e: unknown): string {
  if (e && typeof e === "object") {
    const o = e as { code?: unknown; debugInfo?: { code?: unknown } };
    if (typeof o.code === "string" && o.code) return o.code;
    if (typeof o.debugInfo?.code === "string") return o.debugInfo.code;
  }
  return "Unknown";
}

const MESSAGES: Record<string, { vi: string; en: string }> = {
  AccessDenied: {
    vi: "Excel từ chối thao tác: trang tính hoặc ô đang được bảo vệ. Hãy bỏ bảo vệ trang (Review → Unprotect Sheet) rồi thử lại.",
    en: "Excel refused: the sheet or cell is protected. Unprotect the sheet (Review → Unprotect Sheet) and try again.",
  },
  ItemNotFound: {
    vi: "Không tìm thấy trang tính, vùng hoặc tên cần dùng: có thể nó vừa bị xoá hoặc đổi tên.",
    en: "A sheet, range or name the add-in needs was not found: it may have been deleted or renamed.",
  },
  ItemAlreadyExists: {
    vi: "Đã có một trang tính hoặc tên trùng tên.",
    en: "A sheet or name with that name already exists.",
  },
  InvalidArgument: {
    vi: "Excel không nhận dữ liệu add-in gửi (tham số không hợp lệ).",
    en: "Excel did not accept the data the add-in sent (invalid argument).",
  },
  InvalidOperation: {
    vi: "Excel không cho phép thao tác này lúc này (có thể đang sửa một ô: nhấn Enter hoặc Esc rồi thử lại).",
    en: "Excel does not allow this now (a cell may be in edit mode: press Enter or Esc and try again).",
  },
  RequestPayloadSizeLimitExceeded: {
    vi: "Dữ liệu gửi tới Excel vượt giới hạn 5 MB của Excel trên web.",
    en: "The data sent to Excel exceeds Excel on the web's 5 MB limit.",
  },
  ApiNotFound: {
    vi: "Phiên bản Excel này thiếu chức năng add-in cần. Hãy cập nhật Office.",
    en: "This version of Excel lacks a feature the add-in needs. Please update Office.",
  },
  GeneralException: {
    vi: "Excel gặp lỗi khi thực hiện thao tác; hãy thử lại.",
    en: "Excel failed while carrying out the action; please try again.",
  },
};

/** An Office error as a coded issue, in words a user can act on. */
export function officeErrorToIssue(e: unknown, action: { vi: string; en: string }, where?: Where): Issue {
  const code = officeErrorCode(e);
  const m = MESSAGES[code] ?? {
    vi: "Excel báo lỗi không xác định.",
    en: "Excel reported an unexpected error.",
  };
  // Duck-typed: office.js's RuntimeError may come from another realm (an iframe, a test's jsdom window).
  const message = e && typeof e === "object" && typeof (e as { message?: unknown }).message === "string" ? (e as { message: string }).message : "";
  const detail = message ? ` (${code}: ${message})` : ` (${code})`;
  return error(`excel.${code}`, { vi: `${action.vi}: ${m.vi}${detail}`, en: `${action.en}: ${m.en}${detail}` }, where);
}
