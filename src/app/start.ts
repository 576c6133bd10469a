import type { ExcelHost } from "../excel/host";
import type { Bloc } from "../domain/bloc/bloc";
import type { Issue, Message } from "../domain/issues";
import type { Award } from "../domain/nomination/model";
import type { OutputFile } from "./nomination";

/**
 * The start of the year (issue #12): the emulation pact (giao ước thi đua) the bloc signs at its
 * launch meeting, and each unit's registration (đăng ký thi đua): the titles and rewards it aims
 * for, from the bloc's award catalogue, and its own targets. Both live on sheets of the workbook;
 * the pane reads them back from there (never from its own memory).
 *
 * CONTRACT (written before the implementation so the pane and the use cases are built side by
 * side): the names and shapes below are fixed; the bodies are filled in by the start-of-year work.
 */

/** The sheets this step writes. */
export const START_SHEETS = { pact: "Giao ước thi đua", registrations: "Đăng ký thi đua" } as const;

/** The pact as the secretary edits it. Dates as typed "dd/mm/yyyy" (checked by savePact). */
export interface PactDraft {
  /** The year's theme or slogan (chủ đề, khẩu hiệu thi đua), may be "". */
  theme: string;
  /** Where and when it is signed (the launch meeting), "dd/mm/yyyy" or "". */
  place: string;
  signedOn: string;
  /** The units' common commitments (nội dung giao ước), one per item, in order. */
  commitments: string[];
}

/** One unit's registration as the secretary edits it. */
export interface RegistrationDraft {
  /** A member's full name (as on "Khối"). */
  unit: string;
  /** Award ids from the catalogue (Award.id) the unit registers for; [] = not registered. */
  awards: string[];
  /** Its own targets (chỉ tiêu, free text), may be "". */
  targets: string;
}

export interface StartState {
  bloc: Bloc | null;
  /** The catalogue's awards the registration can name, in the catalogue's order. */
  awards: Award[];
  /** The pact as on its sheet, or null when the sheet does not exist yet. */
  pact: PactDraft | null;
  /** One per member, in roster order (units with no row have awards [] and targets ""). */
  registrations: RegistrationDraft[];
  /** The registration sheet exists (the nomination engine checks registration only then). */
  hasRegistrationSheet: boolean;
  issues: Issue[];
}

export type StartLoad = { ok: true; state: StartState } | { ok: false; issues: Issue[] };

export type StartOutcome = { kind: "written"; sheets: string[]; state: StartState; issues: Issue[]; syncs: number } | { kind: "invalid"; issues: Issue[] } | { kind: "failed"; issues: Issue[] };

/** A returned file's registrations, compared with the workbook's, before anything is written. */
export interface RegistrationFilePreview {
  /** Units whose registration in the file differs from the workbook's. */
  changes: { unit: string; from: RegistrationDraft; to: RegistrationDraft }[];
  issues: Issue[];
  /** Passed back to applyRegistrationFile: refuses the apply when the sheet changed meanwhile. */
  basedOn: string;
}

export type RegistrationFileResult = { kind: "preview"; preview: RegistrationFilePreview } | { kind: "rejected"; issues: Issue[] };

const notYet = (what: string): never => {
  throw new Error(`start.${what}: not implemented yet`);
};

export async function loadStart(host: ExcelHost): Promise<StartLoad> {
  void host;
  return notYet("loadStart");
}

export async function savePact(host: ExcelHost, draft: PactDraft): Promise<StartOutcome> {
  void [host, draft];
  return notYet("savePact");
}

export async function saveRegistrations(host: ExcelHost, registrations: RegistrationDraft[]): Promise<StartOutcome> {
  void [host, registrations];
  return notYet("saveRegistrations");
}

export async function previewRegistrationFile(host: ExcelHost, bytes: Uint8Array | ArrayBuffer): Promise<RegistrationFileResult> {
  void [host, bytes];
  return notYet("previewRegistrationFile");
}

export async function applyRegistrationFile(host: ExcelHost, preview: RegistrationFilePreview): Promise<StartOutcome> {
  void [host, preview];
  return notYet("applyRegistrationFile");
}

/** The pact (.docx, NĐ 30 form, one signature block per member's head) and the registration list (.docx). */
export async function produceStartFiles(host: ExcelHost, opts: { at?: Date } = {}): Promise<{ ok: true; files: OutputFile[]; issues: Issue[] } | { ok: false; issues: Issue[] }> {
  void [host, opts];
  return notYet("produceStartFiles");
}

/** Labels for the pane (what each file or sheet is). */
export const START_LABELS: Record<keyof typeof START_SHEETS, Message> = {
  pact: { vi: "Giao ước thi đua", en: "Emulation pact" },
  registrations: { vi: "Đăng ký thi đua", en: "Registrations" },
};
