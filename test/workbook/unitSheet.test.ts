/**
 * The unit score sheet shows the source's scoring guidance under each criterion, and a section that
 * carries no points has no inputs (issue #10 point 8; Cần Thơ KH 157/2025, ../shared/fixtures/real-tables/cantho-157-2025.tsv).
 */
import { readFileSync } from "fs";
import { join } from "path";
import { parseTsv } from "../domain/criteriaRows";
import { readCriteriaSheet } from "../../src/workbook/criteria/criteriaSheet";
import { ALL_OR_NOTHING_FORMAT, COL, unitSheetPlan } from "../../src/workbook/scoring/unitSheet";
import { templateById } from "../../src/domain/criteria/templates";
import { leaves } from "../../src/domain/criteria/model";
import { formatValue } from "../../src/host/numberFormat";
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

describe("a criterion that takes only 0 or its max is marked on the sheet (issue #14 item 5)", () => {
  // departments-100 sample: "Ban hành kế hoạch thi đua năm đúng thời hạn", yes/no, 2 points (DOMAIN §2: Đạt/Không đạt leaves).
  const sample = templateById("departments-100").table;
  const built = unitSheetPlan({ table: sample, member: { name: "Sở Y tế", shortName: "" }, sheet: "Sở Y tế", blocName: "Khối", year: 2026 });
  const yes = leaves(sample).find((l) => l.leaf.kind === "yesNo")!.leaf;
  const points = leaves(sample).find((l) => l.leaf.kind === "points")!.leaf;
  const rowOf = (id: string) => built.map.rows.get(id)!;

  it("shows the max cell as '0 hoặc <max>' while its value stays the number the formulas use", () => {
    const r = rowOf(yes.id);
    const maxCell = cellAddress(r, COL.max);
    const f = built.plan.formats.filter((x) => x.format.numberFormat && inside(x.range, r, COL.max));
    expect(f.map((x) => x.format.numberFormat)).toEqual([ALL_OR_NOTHING_FORMAT]);
    expect(formatValue(yes.max!, ALL_OR_NOTHING_FORMAT)).toBe(`0 hoặc ${yes.max}`);
    expect(maxCell).toMatch(/^C\d+$/);
    // A points criterion keeps its plain max.
    expect(built.plan.formats.some((x) => x.format.numberFormat && inside(x.range, rowOf(points.id), COL.max))).toBe(false);
  });

  it("says so when its input cell is selected, before a refusal", () => {
    const r = rowOf(yes.id);
    const v = built.plan.validations.find((x) => inside(x.range, r, COL.self))!;
    expect(v.rule.kind).toBe("list");
    expect(v.prompt?.message).toContain(`chỉ nhận 0 hoặc ${yes.max}`);
    // Excel limits a prompt's title to 32 characters and its message to 255 (learn.microsoft.com/javascript/api/excel/excel.datavalidationprompt).
    expect(v.prompt!.title.length).toBeLessThanOrEqual(32);
    expect(v.prompt!.message.length).toBeLessThanOrEqual(255);
  });
});
