import type { CriteriaTable, Criterion } from "../../src/domain/criteria/model";
import { CRITERIA_DEFAULTS, type CriteriaBase, type CriteriaRow, type CriteriaRowCells, type parseCriteriaRows } from "../../src/domain/criteria/parse";
import { columnLetter } from "../../src/workbook/a1";

export const SHEET = "Dán";
export const FIRST_ROW = 5;

export const BASE: CriteriaBase = {
  ...CRITERIA_DEFAULTS,
  title: "Bảng tiêu chí năm 2026",
  allowOverScale: true, // chosen: with "Không" a bonus passing the scale is warned of (issue #10 point 10)
};

export type Col = keyof CriteriaRowCells;

/** Rows as a sheet would hand them: row i at sheet row FIRST_ROW + i, the columns lettered A, B, C… in `cols` order. */
export function rowsOf(data: unknown[][], cols: Col[] = ["stt", "text", "max", "note"]): CriteriaRow[] {
  return data.map((values, i) => {
    const r = FIRST_ROW + i;
    const cells = { stt: undefined, text: undefined, max: undefined } as CriteriaRowCells;
    const where: CriteriaRow["where"] = { row: { sheet: SHEET, cell: `A${r}:${columnLetter(cols.length - 1)}${r}` } };
    cols.forEach((c, k) => {
      cells[c] = values[k] ?? "";
      where[c] = { sheet: SHEET, cell: `${columnLetter(k)}${r}` };
    });
    return { cells, where };
  });
}

/** The tree as lines: "id number max kind" indented by depth. */
export function outline(t: CriteriaTable): string[] {
  const out: string[] = [];
  const walk = (c: Criterion, d: number) => {
    out.push(`${"  ".repeat(d)}${c.id} [${c.number}] ${c.max ?? "-"} ${c.kind ?? "group"}`);
    c.children.forEach((k) => walk(k, d + 1));
  };
  t.sections.forEach((s) => walk(s, 0));
  return out;
}

export const codes = (r: ReturnType<typeof parseCriteriaRows>) => r.issues.map((i) => `${i.code}@${i.where?.cell ?? "-"}`);

/**
 * A tab-separated paste as Excel holds it (the fixtures' README: UTF-8, CRLF, Excel quoting): a
 * field in double quotes may hold tabs and line breaks, and "" inside it is one quote.
 */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === "\t") {
      row.push(field);
      field = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
