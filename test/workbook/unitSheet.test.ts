/**
 * The unit score sheet shows the source's scoring guidance under each criterion, and a section that
 * carries no points has no inputs (issue #10 point 8; Cần Thơ KH 157/2025, ../shared/fixtures/real-tables/cantho-157-2025.tsv).
 */
import { readFileSync } from "fs";
import { join } from "path";
import { parseTsv } from "../domain/criteriaRows";
import { readCriteriaSheet } from "../../src/workbook/criteria/criteriaSheet";
import { COL, unitSheetPlan } from "../../src/workbook/scoring/unitSheet";
import { cellAddress, parseRange } from "../../src/workbook/a1";

const values = parseTsv(readFileSync(join(__dirname, "../../../shared/fixtures/real-tables/cantho-157-2025.tsv"), "utf8"));
const table = readCriteriaSheet({ sheet: "Tiêu chí", row: 0, col: 0, values }).table!;
const { plan, map } = unitSheetPlan({ table, member: { name: "Phường Ninh Kiều", shortName: "" }, sheet: "Ninh Kiều", blocName: "Khối", year: 2026 });

/** The cell the plan writes at a 0-based row and column. */
function at(r: number, c: number): unknown {
  for (const b of plan.blocks) {
    const o = parseRange(b.at);
    const v = b.rows[r - o.row]?.[c - o.col];
    if (v !== undefined) return v;
  }
  return undefined;
}
const inside = (range: string, r: number, c: number) => {
  const [a, b] = range.split(":");
  const p = parseRange(a);
  const q = parseRange(b ?? a);
  return r >= p.row && r <= q.row && c >= p.col && c <= q.col;
};

describe("unit sheet from the Cần Thơ table", () => {
  it("shows each criterion's guidance under its text", () => {
    const r = map.rows.get("I.2")!;
    const text = String(at(r, COL.text));
    expect(text.split("\n")[0]).toMatch(/^Tỷ lệ % người hưởng trợ cấp xã hội, hưu trí xã hội mở mới tài khoản/);
    expect(text).toContain("\nHướng dẫn chấm điểm: Cách thức ghi nhận để chấm điểm:");
    expect(text.endsWith("- Điểm = Tỷ lệ * điểm chuẩn.")).toBe(true);
    // A criterion without guidance keeps its text alone.
    expect(at(map.rows.get("I.5")!, COL.text)).toBe("Điểm cộng");
  });

  it("writes section II, which carries no points, with no max, no subtotal formula and no input cells", () => {
    const r = map.rows.get("II")!;
    expect(at(r, COL.max)).toBe("Không chấm điểm");
    expect(at(r, COL.counted)).toBeNull();
    expect(plan.unlocked.some((u) => inside(u, r, COL.self))).toBe(false);
    expect(plan.validations.some((v) => inside(v.range, r, COL.self))).toBe(false);
    expect(cellAddress(r, COL.self)).toBe(`D${r + 1}`);
  });
});
