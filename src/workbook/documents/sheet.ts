import { DOC_FONT, pageOf, pieceText, type DocLayout, type DocRow } from "../../domain/documents";
import { columnLetter, rangeAddress } from "../a1";
import { emptyPlan, type CellFormat, type PlanCell, type SheetPlan } from "../plan";
import { wrappedLines } from "./textWidth";

/**
 * The sheet renderer of the documents module: any document layout as a print-ready, protected
 * sheet (one block of values or the pieces' formulas, merges per piece, Times New Roman, borders on
 * every table, row heights from the text, A4 in the layout's orientation with the NĐ 30 margins).
 */

const lineHeight = (size: number) => Math.ceil(size * 1.3);

/** A row's height from its text wrapped in its pieces' widths (or its fixed height). */
export function layoutRowHeight(row: DocRow, widths: readonly number[]): number {
  if (row.height !== undefined) return row.height;
  let h = lineHeight(DOC_FONT.body);
  for (const p of row.pieces) {
    const size = p.style.size ?? DOC_FONT.body;
    const width = widths.slice(p.col, p.col + p.span).reduce((a, b) => a + b, 0);
    h = Math.max(h, wrappedLines(pieceText(p), width, size, p.style.bold) * lineHeight(size));
  }
  return Math.min(409, h + 4);
}

export function layoutSheetPlan(layout: DocLayout, sheet: string, tabColor = "#7030A0"): SheetPlan {
  const { widths, rows } = layout;
  const cols = widths.length;
  const p = emptyPlan(sheet);
  p.tabColor = tabColor;
  const grid: PlanCell[][] = rows.map(() => Array<PlanCell>(cols).fill(null));
  rows.forEach((row, r) => row.pieces.forEach((piece) => (grid[r][piece.col] = piece.formula ? { f: piece.formula } : piece.value)));
  p.blocks.push({ at: "A1", rows: grid });
  p.formats.push({
    range: rangeAddress(0, 0, rows.length, cols),
    format: { fontName: DOC_FONT.name, fontSize: DOC_FONT.body, fontColor: "#000000", vAlign: "Top", wrap: true, hAlign: "Left" },
  });
  for (const t of layout.tables) {
    if (t.rows > 0) p.formats.push({ range: rangeAddress(t.first, 0, t.rows, t.cols), format: { borders: "Continuous", vAlign: "Center" } });
  }
  rows.forEach((row, r) => {
    for (const piece of row.pieces) {
      const range = rangeAddress(r, piece.col, 1, piece.span);
      if (piece.span > 1) p.merges.push(range);
      const s = piece.style;
      const format: CellFormat = {
        ...(s.bold ? { bold: true } : {}),
        ...(s.italic ? { italic: true } : {}),
        ...(s.size && s.size !== DOC_FONT.body ? { fontSize: s.size } : {}),
        ...(s.align && s.align !== "Left" ? { hAlign: s.align } : {}),
        ...(s.numberFormat ? { numberFormat: s.numberFormat } : {}),
      };
      if (Object.keys(format).length) p.formats.push({ range, format });
    }
  });
  p.columnWidths = widths.map((width, i) => ({ column: columnLetter(i), width }));
  p.rowHeights = rows.map((row, r) => ({ row: r + 1, height: layoutRowHeight(row, widths) }));
  p.protection = {};
  const page = pageOf(layout.orientation);
  p.print = { orientation: layout.orientation, paper: "A4", fitToWidth: true, margins: { top: page.top, bottom: page.bottom, left: page.left, right: page.right } };
  if (layout.repeatRows) p.print.titleRows = `$${layout.repeatRows.first + 1}:$${layout.repeatRows.first + layout.repeatRows.count}`;
  return p;
}
