import type { Severity } from "../issues";

/** Where in the year an issue applies: the pane step (or door) a user meets it in. */
export type Applies = "bloc" | "start" | "criteria" | "scoring" | "voting" | "nomination" | "documents" | "files" | "excel" | "nextYear";

export const APPLIES_TEXT: Record<Applies, { vi: string; en: string }> = {
  bloc: { vi: "Khối", en: "Bloc" },
  start: { vi: "Đầu năm", en: "Start of year" },
  criteria: { vi: "Tiêu chí", en: "Criteria" },
  scoring: { vi: "Chấm điểm", en: "Scoring" },
  voting: { vi: "Bỏ phiếu", en: "Voting" },
  nomination: { vi: "Đề nghị", en: "Nomination" },
  documents: { vi: "Văn bản", en: "Documents" },
  files: { vi: "Tệp nhập, xuất", en: "Files in and out" },
  excel: { vi: "Excel", en: "Excel" },
  nextYear: { vi: "Năm sau", en: "Next year" },
};

/**
 * One catalogued issue: its severity, where it applies, and its message templates. A template names
 * its parameters in braces, "{unit}", "{cell}"; both languages use the same names. Numbers passed
 * as parameters are formatted per language (2,5 / 2.5).
 */
export interface CodeSpec {
  severity: Severity;
  applies: Applies;
  vi: string;
  en: string;
}

export type CodeTable = Record<string, CodeSpec>;
