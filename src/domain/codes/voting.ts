import type { CodeTable } from "./types";

/** Issue codes raised by the vote: domain/voting, workbook/voting (but the minutes), app/voting. Each code lives in one file of this folder. */
export const VOTING_CODES = {} as const satisfies CodeTable;
