import type { CodeTable } from "./types";

/** Issue codes raised by the pane's own form checks (src/taskpane). Each code lives in one file of this folder. */
export const PANE_CODES = {} as const satisfies CodeTable;
