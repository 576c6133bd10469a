/** A sheet's used range as read: its sheet, its top-left cell (0-based) and its values. Readers take this. */
export interface Grid {
  sheet: string;
  row: number;
  col: number;
  values: unknown[][];
}

/**
 * The "label: value" lines of a form, in rows 0 to `end` (exclusive) of a grid's values: in each row
 * the first cell `match` accepts, and its value's column, the first filled cell within `span` columns
 * to its right (merged cells keep the value in the first), else `emptyAt` (by default the next
 * column). One label per row. `match` is asked lazily, so it may refuse a label already met.
 */
export function* labelledValues<T>(
  values: unknown[][],
  end: number,
  o: { match: (v: unknown) => T | undefined; filled: (v: unknown) => boolean; span: number; emptyAt?: (col: number, row: unknown[]) => number },
): Generator<{ row: number; col: number; valueCol: number; def: T }> {
  for (let r = 0; r < end; r++) {
    const row = values[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const def = o.match(row[c]);
      if (def === undefined) continue;
      let valueCol = o.emptyAt ? o.emptyAt(c, row) : c + 1;
      for (let k = c + 1; k < Math.min(row.length, c + 1 + o.span); k++) {
        if (o.filled(row[k])) {
          valueCol = k;
          break;
        }
      }
      yield { row: r, col: c, valueCol, def };
      break;
    }
  }
}
