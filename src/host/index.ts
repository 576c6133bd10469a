/**
 * The in-memory Excel host: a faithful subset of the Excel JavaScript API over HyperFormula,
 * with .xlsx save/load through ExcelJS. Stands alone: imports nothing from the rest of src/.
 */
export { MemoryHost } from "./memoryHost";
export type { MemoryHostOptions, CellInfo, ValidationInfo, ConditionalFormatInfo, PageLayoutInfo } from "./memoryHost";
export { HostError, ErrorCodes, isHostError } from "./errors";
export type { ErrorCode, HostDebugInfo } from "./errors";
export type { HostStats } from "./proxy";
export type { SnapshotOptions } from "./snapshot";
export type {
  Scalar,
  BorderSpec,
  CellFormatSnapshot,
  CellSnapshot,
  SheetSnapshot,
  WorkbookSnapshot,
  CfFormat,
  ErrorAlert,
  Prompt,
  ProtectionOptions,
} from "./types";
export { formatValue } from "./numberFormat";
export { quoteSheet, sheetNeedsQuotes, colToLetters, lettersToCol } from "./addresses";
