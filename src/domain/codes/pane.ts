import type { CodeTable } from "./types";

/** Issue codes raised by the pane's own form checks (src/taskpane). Each code lives in one file of this folder. */
export const PANE_CODES = {
  "pane.unexpected": {
    severity: "error",
    applies: "excel",
    vi: "Đã xảy ra lỗi không mong đợi: {detail}",
    en: "Something unexpected went wrong: {detail}",
  },
  // The field is named in the pane's language when the form is checked (a label, not a cell).
  "vote.form.value": {
    severity: "error",
    applies: "voting",
    vi: "Giá trị chưa hợp lệ: {field}.",
    en: "Value not valid: {field}.",
  },
} as const satisfies CodeTable;
