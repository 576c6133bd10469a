/** Plain data types shared by the host's model, proxies, snapshot and file code. */
import type { Rect } from "./addresses";

export type Scalar = string | number | boolean;

export interface BorderSpec {
  /** Excel.BorderLineStyle: "Continuous", "Dash", "Double", ... */
  style: string;
  /** "#RRGGBB" */
  color: string;
  /** Excel.BorderWeight: "Hairline" | "Thin" | "Medium" | "Thick" */
  weight: string;
}

/** Every cell format property the host keeps, flattened. */
export interface FormatProps {
  numberFormat: string;
  bold: boolean;
  italic: boolean;
  underline: string;
  strikethrough: boolean;
  fontColor: string;
  fontSize: number;
  fontName: string;
  /** Fill colour "#RRGGBB", or null for no fill. */
  fill: string | null;
  hAlign: string;
  vAlign: string;
  wrap: boolean;
  indent: number;
  locked: boolean;
  formulaHidden: boolean;
  borderTop: BorderSpec | null;
  borderBottom: BorderSpec | null;
  borderLeft: BorderSpec | null;
  borderRight: BorderSpec | null;
}

export type FormatKey = keyof FormatProps;
export type PartialFormat = Partial<FormatProps>;

/** Excel's defaults for a new workbook (Office theme, Calibri 11). */
export const DEFAULT_FORMAT: Readonly<FormatProps> = Object.freeze({
  numberFormat: "General",
  bold: false,
  italic: false,
  underline: "None",
  strikethrough: false,
  fontColor: "#000000",
  fontSize: 11,
  fontName: "Calibri",
  fill: null,
  hAlign: "General",
  vAlign: "Bottom",
  wrap: false,
  indent: 0,
  locked: true,
  formulaHidden: false,
  borderTop: null,
  borderBottom: null,
  borderLeft: null,
  borderRight: null,
});

/** Default column width in points (8.43 characters of Calibri 11 = 64 px = 48 pt). */
export const DEFAULT_COLUMN_WIDTH = 48;
/** Default row height in points (20 px). */
export const DEFAULT_ROW_HEIGHT = 15;

/** A data-validation rule as stored (Excel's shape after normalisation: formulas as "=..." strings). */
export interface StoredRule {
  type: "WholeNumber" | "Decimal" | "List" | "TextLength" | "Custom" | "Date" | "Time";
  operator?: string;
  formula1?: string;
  formula2?: string;
  /** List: "A,B,C" or "=$A$1:$A$5" (or "=Name"). */
  source?: string;
  inCellDropDown?: boolean;
  /** Custom: the formula. */
  formula?: string;
}

export interface ErrorAlert {
  message: string;
  showAlert: boolean;
  style: string;
  title: string;
}

export interface Prompt {
  message: string;
  showPrompt: boolean;
  title: string;
}

export const DEFAULT_ERROR_ALERT: Readonly<ErrorAlert> = Object.freeze({ message: "", showAlert: true, style: "Stop", title: "" });
export const DEFAULT_PROMPT: Readonly<Prompt> = Object.freeze({ message: "", showPrompt: false, title: "" });

export interface ValidationEntry {
  rects: Rect[];
  /** The cell relative formulas are written for (top-left of the range the rule was set on). */
  anchor: { row: number; col: number };
  rule: StoredRule | null;
  errorAlert: ErrorAlert;
  prompt: Prompt;
  ignoreBlanks: boolean;
}

export interface CfFormat {
  fill?: string | null;
  fontColor?: string | null;
  bold?: boolean | null;
  italic?: boolean | null;
  underline?: string | null;
  strikethrough?: boolean | null;
  numberFormat?: string | null;
}

export interface CfEntry {
  id: string;
  rects: Rect[];
  anchor: { row: number; col: number };
  type: "Custom";
  formula: string;
  format: CfFormat;
  stopIfTrue: boolean;
}

export interface ProtectionOptions {
  allowAutoFilter: boolean;
  allowDeleteColumns: boolean;
  allowDeleteRows: boolean;
  allowEditObjects: boolean;
  allowEditScenarios: boolean;
  allowFormatCells: boolean;
  allowFormatColumns: boolean;
  allowFormatRows: boolean;
  allowInsertColumns: boolean;
  allowInsertHyperlinks: boolean;
  allowInsertRows: boolean;
  allowPivotTables: boolean;
  allowSort: boolean;
  selectionMode: string;
}

export const DEFAULT_PROTECTION_OPTIONS: Readonly<ProtectionOptions> = Object.freeze({
  allowAutoFilter: false,
  allowDeleteColumns: false,
  allowDeleteRows: false,
  allowEditObjects: false,
  allowEditScenarios: false,
  allowFormatCells: false,
  allowFormatColumns: false,
  allowFormatRows: false,
  allowInsertColumns: false,
  allowInsertHyperlinks: false,
  allowInsertRows: false,
  allowPivotTables: false,
  allowSort: false,
  selectionMode: "Normal",
});

/** A password hash as stored in .xlsx (ECMA-376 agile hash, or the legacy 16-bit hash). */
export type PasswordHash =
  | { algorithmName: string; hashValue: string; saltValue: string; spinCount: number }
  | { legacy: string };

export interface SheetProtection {
  protected: boolean;
  options: ProtectionOptions;
  /** The password in clear when it was set through this host; null when none or unknown. */
  password: string | null;
  /** The stored hash when the workbook was loaded from a file. */
  hash: PasswordHash | null;
}

export interface PageLayoutModel {
  orientation: string;
  paperSize: string;
  leftMargin: number;
  rightMargin: number;
  topMargin: number;
  bottomMargin: number;
  headerMargin: number;
  footerMargin: number;
  centerHorizontally: boolean;
  centerVertically: boolean;
  printGridlines: boolean;
  printHeadings: boolean;
  blackAndWhite: boolean;
  draftMode: boolean;
  firstPageNumber: number | "";
  printOrder: string;
  printComments: string;
  printErrors: string;
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  printArea: Rect[] | null;
  /** 0-based inclusive rows. */
  printTitleRows: [number, number] | null;
  /** 0-based inclusive columns. */
  printTitleColumns: [number, number] | null;
}

/** Excel's "Normal" margins (0.7" left/right, 0.75" top/bottom, 0.3" header/footer), in points. */
export function defaultPageLayout(): PageLayoutModel {
  return {
    orientation: "Portrait",
    paperSize: "Letter",
    leftMargin: 50.4,
    rightMargin: 50.4,
    topMargin: 54,
    bottomMargin: 54,
    headerMargin: 21.6,
    footerMargin: 21.6,
    centerHorizontally: false,
    centerVertically: false,
    printGridlines: false,
    printHeadings: false,
    blackAndWhite: false,
    draftMode: false,
    firstPageNumber: "",
    printOrder: "DownThenOver",
    printComments: "NoComments",
    printErrors: "AsDisplayed",
    zoom: { scale: 100 },
    printArea: null,
    printTitleRows: null,
    printTitleColumns: null,
  };
}

/** The format of one cell as a grid view shows it. */
export interface CellFormatSnapshot {
  bold: boolean;
  italic: boolean;
  underline: string;
  strikethrough: boolean;
  fontColor: string;
  fontSize: number;
  fontName: string;
  fill: string | null;
  hAlign: string;
  vAlign: string;
  wrap: boolean;
  numberFormat: string;
  borders: { top: BorderSpec | null; bottom: BorderSpec | null; left: BorderSpec | null; right: BorderSpec | null };
}

export interface CellSnapshot {
  /** "B4" */
  address: string;
  /** 0-based */
  row: number;
  /** 0-based */
  col: number;
  /** Computed value; "" when empty; errors as "#DIV/0!" etc. */
  value: Scalar;
  /** "=..." or null for constants and empty cells. */
  formula: string | null;
  /** The value rendered through its number format. */
  text: string;
  format: CellFormatSnapshot;
  locked: boolean;
  /** Conditional-format overlay when the snapshot was asked to evaluate conditional formats. */
  conditional?: CfFormat;
  /** True when the cell breaks its data-validation rule. */
  invalid?: boolean;
}

export interface SheetSnapshot {
  name: string;
  position: number;
  visibility: string;
  /** "A1:D20" (values and cell formats) or null when the sheet is empty. */
  usedRange: string | null;
  cells: CellSnapshot[];
  /** "A1:D1" */
  merges: string[];
  /** Column letter -> width in points, for columns whose width was set. */
  columnWidths: Record<string, number>;
  /** 1-based row number -> height in points, for rows whose height was set. */
  rowHeights: Record<number, number>;
  defaultColumnWidth: number;
  defaultRowHeight: number;
  hiddenRows: number[];
  hiddenColumns: string[];
  protected: boolean;
  tabColor: string;
  showGridlines: boolean;
  freeze: { rows: number; columns: number };
  validations: { range: string; type: string; prompt: Prompt; errorAlert: ErrorAlert; listItems?: string[] }[];
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
  names: { name: string; formula: string; comment: string; visible: boolean }[];
  activeSheet: string | null;
  selection: { sheet: string; address: string } | null;
}

/** Excel.PaperType names, in the order of the .xlsx paperSize codes (code = index + 1; A4 = 9). */
export const PAPER_SIZES: readonly string[] = [
  "Letter", "LetterSmall", "Tabloid", "Ledger", "Legal", "Statement", "Executive", "A3", "A4", "A4Small", "A5", "B4", "B5", "Folio", "Quatro",
  "Paper10x14", "Paper11x17", "Note", "Envelope9", "Envelope10", "Envelope11", "Envelope12", "Envelope14", "Csheet", "Dsheet", "Esheet",
  "EnvelopeDL", "EnvelopeC5", "EnvelopeC3", "EnvelopeC4", "EnvelopeC6", "EnvelopeC65", "EnvelopeB4", "EnvelopeB5", "EnvelopeB6",
  "EnvelopeItaly", "EnvelopeMonarch", "EnvelopePersonal", "FanfoldUS", "FanfoldStdGerman", "FanfoldLegalGerman",
];
