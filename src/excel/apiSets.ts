import type { ExcelHost } from "./host";

/** What the running Excel can do, found at run time (the manifest only promises ExcelApi 1.8). */
export interface ApiSupport {
  /** suspendApiCalculationUntilNextSync: ExcelApi 1.6. */
  suspendCalculation: boolean;
  /** freezePanes: ExcelApi 1.7. */
  freezePanes: boolean;
  /** worksheet.pageLayout (print setup): ExcelApi 1.9. */
  pageLayout: boolean;
}

export function detectApiSupport(host: ExcelHost): ApiSupport {
  const has = (v: string) => host.isSetSupported("ExcelApi", v);
  return { suspendCalculation: has("1.6"), freezePanes: has("1.7"), pageLayout: has("1.9") };
}
