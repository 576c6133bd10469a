import type { CodeTable } from "./types";

/** Issue codes raised by the use cases, files in and out, Excel, the CLI and the pane. Each code lives in one file of this folder. */
export const APP_CODES = {} as const satisfies CodeTable;
