import type { CodeTable } from "./types";

/** Issue codes raised by the documents: lists, minutes, submissions, reports, pact and registration documents, docx. Each code lives in one file of this folder. */
export const DOCUMENTS_CODES = {} as const satisfies CodeTable;
