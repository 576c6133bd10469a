/** A sheet's used range as read: its sheet, its top-left cell (0-based) and its values. Readers take this. */
export interface Grid {
  sheet: string;
  row: number;
  col: number;
  values: unknown[][];
}
