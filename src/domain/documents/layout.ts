/**
 * A document as data (issue #13, DOMAIN §5): rows of styled pieces over column widths, with its
 * bordered tables, orientation and rows to repeat per page. Every document of the product (the
 * list, the minutes, the submission, the reports, the pact, the registration list) is one layout
 * function returning this; three renderers share it: to a sheet plan (workbook/documents), to
 * .docx (export/docx) and to plain text (`layoutText`).
 */

export type HAlign = "Left" | "Center" | "Right" | "General";

export interface PieceStyle {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  align?: HAlign;
  /** An Excel-style number format: "0.00" for percentages, "0" for counts. */
  numberFormat?: string;
}

/** One cell of a row (merged over `span` columns); with a formula the sheet writes it, other renderers the value. */
export interface DocPiece {
  col: number;
  span: number;
  value: string | number;
  style: PieceStyle;
  formula?: string;
}

export interface DocRow {
  kind: "header" | "text" | "tableHeader" | "tableRow" | "signature" | "space";
  pieces: DocPiece[];
  /**
   * A fixed height (points), for spacing and signing rows, and for rows that must take exactly the
   * room a sheet gives them (the printable ballots); otherwise estimated from the text.
   */
  height?: number;
  /** With `height` on a text row: its text's lines, which share the height evenly. */
  lines?: number;
}

/** A bordered table: rows `first`… (0-based, header included) over the first `cols` columns; `percentCol` is -1 without percentages. */
export interface DocTable {
  first: number;
  rows: number;
  cols: number;
  percentCol: number;
}

/** What every renderer needs: the columns, the two halves (heading, signatures), the rows and the main table. */
export interface BaseLayout {
  /** Column widths in points, summing to the printable width. */
  widths: number[];
  /** Columns of the left and right halves (heading and signature blocks). */
  left: { col: number; span: number };
  right: { col: number; span: number };
  rows: DocRow[];
  /** The main table. */
  table: DocTable;
}

/** A full document: every bordered table, the orientation, and rows to repeat on each printed page. */
export interface DocLayout extends BaseLayout {
  tables: DocTable[];
  orientation: "Portrait" | "Landscape";
  /** Rows (0-based) repeated at the top of each printed page, e.g. a long table's header. */
  repeatRows?: { first: number; count: number };
}

/** NĐ 30/2020: Times New Roman; body 13, titles 14, the heading 12. */
export const DOC_FONT = { name: "Times New Roman", body: 13, title: 14, header: 12 } as const;

/** A4 portrait with the NĐ 30 margins (20/20/30/15 mm), in points: 595 − 85 − 43 = 467 printable. */
export const PORTRAIT_PAGE = { top: 57, bottom: 57, left: 85, right: 43, width: 467 } as const;
/** A4 landscape, same margins: 842 − 85 − 43 = 714 points of printable width. */
export const LANDSCAPE_PAGE = { top: 57, bottom: 57, left: 85, right: 43, width: 714 } as const;

export const pageOf = (orientation: DocLayout["orientation"]) => (orientation === "Landscape" ? LANDSCAPE_PAGE : PORTRAIT_PAGE);
