import type { CodeTable } from "./types";

/** Issue codes raised by the rules: bloc, criteria, scoring, nomination and start of year in domain/ and workbook/. Each code lives in one file of this folder. */
export const RULES_CODES = {} as const satisfies CodeTable;
