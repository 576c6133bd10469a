/**
 * The check behind issue #11 item 2 as data: what the add-in wrote is fingerprinted with its region;
 * at the next write, cells changed by hand inside the region are found, and only those.
 */
import { editedCells, emptyPlan, planFingerprint, type SheetPlan } from "../../src/workbook/plan";

function plan(rows: (string | number | { f: string } | null)[][]): SheetPlan {
  const p = emptyPlan("Biên bản V1");
  p.blocks.push({ at: "A1", rows });
  return p;
}
const region = { row: 0, col: 0, rowCount: 3, colCount: 2 };
const written = plan([["BIÊN BẢN", null], ["Sở A", 5], ["Tổng", { f: "=SUM(B2)" }]]);
const fp = planFingerprint(written);

describe("editedCells (issue #11 item 2)", () => {
  test("the region as written, its formula's value included: nothing edited", () => {
    expect(editedCells({ row: 0, col: 0, values: [["BIÊN BẢN", ""], ["Sở A", 5], ["Tổng", 5]] }, region, fp, written)).toEqual([]);
  });

  test("a note typed in a blank cell inside the region is found", () => {
    expect(editedCells({ row: 0, col: 0, values: [["BIÊN BẢN", "ghi chú"], ["Sở A", 5], ["Tổng", 5]] }, region, fp, written)).toEqual([{ row: 0, col: 1 }]);
  });

  test("a value the add-in wrote, changed by hand, is found; one the new plan writes again is not", () => {
    const next = plan([["BIÊN BẢN", null], ["Sở A", 7], ["Tổng", { f: "=SUM(B2)" }]]);
    expect(editedCells({ row: 0, col: 0, values: [["BIÊN BẢN", ""], ["Sở A", 7], ["Tổng", 7]] }, region, fp, next)).toEqual([]);
    expect(editedCells({ row: 0, col: 0, values: [["BIÊN BẢN", ""], ["Sở B", 5], ["Tổng", 5]] }, region, fp, written)).toEqual([{ row: 1, col: 0 }]);
  });

  test("a value typed over a formula is found when the formulas were read; a formula read is never taken for typing", () => {
    const grid = { row: 0, col: 0, values: [["BIÊN BẢN", ""], ["Sở A", 5], ["Tổng", "đã kiểm"]], formulas: [["BIÊN BẢN", ""], ["Sở A", 5], ["Tổng", "đã kiểm"]] };
    expect(editedCells(grid, region, fp, written)).toEqual([{ row: 2, col: 1 }]);
    const shrunk = plan([["BIÊN BẢN", null]]);
    const old = { row: 0, col: 0, values: [["BIÊN BẢN", ""], ["Sở A", 5], ["Tổng", 5]], formulas: [["BIÊN BẢN", ""], ["Sở A", 5], ["Tổng", "=SUM(B2)"]] };
    expect(editedCells(old, region, fp, shrunk)).toEqual([]);
  });

  test("cells outside the region are not the add-in's business", () => {
    expect(editedCells({ row: 0, col: 0, values: [["BIÊN BẢN", "", "ghi chú"], ["Sở A", 5, ""], ["Tổng", 5, ""]] }, region, fp, written)).toEqual([]);
  });
});
