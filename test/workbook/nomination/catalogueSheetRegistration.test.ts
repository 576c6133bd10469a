/**
 * The "Khen thưởng" sheet's registration column (issue #12 point 1; DOMAIN.md §1, setting: an
 * unregistered unit is commonly not considered for a title): written, checked Có/Không like the
 * other conditions, read back; a sheet written before the column existed reads as "not required".
 */
import { defaultCatalogue } from "../../../src/domain/nomination/catalogue";
import { nominate } from "../../../src/domain/nomination/engine";
import type { Catalogue } from "../../../src/domain/nomination/model";
import { writeSheets } from "../../../src/excel/apply";
import { MemoryHost } from "../../../src/host";
import { cellAddress, parseRange } from "../../../src/workbook/a1";
import type { Grid } from "../../../src/workbook/grid";
import { CATALOGUE_HEADERS, CATALOGUE_LAYOUT, CATALOGUE_SHEET, catalogueSheetPlan, readCatalogueSheet } from "../../../src/workbook/nomination/catalogueSheet";
import type { SheetPlan } from "../../../src/workbook/plan";
import { gridOf } from "../../fixtures/grid";
import { UNITS } from "../../domain/voting/helpers";
// The sheet plan as the code wrote it before this column (default catalogue), saved on 2026-12 (issue #12).
import OLD_PLAN from "./fixtures/catalogueSheet.beforeRegistration.json";

const { header, first } = CATALOGUE_LAYOUT;
const COLS = Object.keys(CATALOGUE_HEADERS) as (keyof typeof CATALOGUE_HEADERS)[];
const col = (k: keyof typeof CATALOGUE_HEADERS) => COLS.indexOf(k);

async function written(plan: SheetPlan): Promise<MemoryHost> {
  const host = new MemoryHost();
  const w = await writeSheets(host, [plan], { sheets: ["Sheet1"], names: [] });
  expect(w.ok).toBe(true);
  return host;
}
function gridFrom(host: MemoryHost): Grid {
  const used = host.usedRange(CATALOGUE_SHEET)!;
  const r = parseRange(used);
  return { sheet: CATALOGUE_SHEET, row: r.row, col: r.col, values: host.values(CATALOGUE_SHEET, used) };
}
const withoutRegistration = (c: Catalogue): Catalogue => ({ awards: c.awards.map((a) => ({ ...a, prerequisites: { ...a.prerequisites, registered: false } })) });

describe("the catalogue sheet's registration column (DOMAIN.md §1 setting)", () => {
  it("is written right after the other conditions, 'Có' for the emulation titles, with a Có/Không check and a prompt", () => {
    const p = catalogueSheetPlan(defaultCatalogue());
    const g = gridOf(p);
    expect(CATALOGUE_HEADERS.registered).toBe("Phải đăng ký thi đua");
    expect(col("registered")).toBe(col("chosen") + 1);
    expect(g.values[header][col("registered")]).toBe("Phải đăng ký thi đua");
    expect(defaultCatalogue().awards.map((_, i) => g.values[first + i][col("registered")])).toEqual(["Có", "Có", "Có", "Không", "Không", "Không", "Không"]);
    const L = String.fromCharCode(65 + col("registered"));
    const v = p.validations.find((x) => x.range.startsWith(`${L}${first + 1}:`));
    expect(v?.rule).toEqual({ kind: "list", source: ["Có", "Không"] });
    expect(v?.prompt?.message).toMatch(/đăng ký thi đua/);
    expect(v?.prompt?.message.length).toBeLessThanOrEqual(255);
  });

  it("round-trips through the workbook, and a changed cell reads back", async () => {
    const host = await written(catalogueSheetPlan(defaultCatalogue()));
    const r = readCatalogueSheet(gridFrom(host));
    expect(r.issues).toEqual([]);
    expect(r.catalogue).toEqual(defaultCatalogue());
    const cell = cellAddress(first + 2, col("registered"));
    expect(r.cellOf(2, "prerequisites.registered")).toBe(cell);
    host.userEdit(CATALOGUE_SHEET, cell, "Không");
    expect(readCatalogueSheet(gridFrom(host)).catalogue!.awards[2].prerequisites.registered).toBe(false);
    // The sheet's own check refuses anything but Có/Không.
    expect(() => host.userEdit(CATALOGUE_SHEET, cell, "Có lẽ")).toThrow(/Chọn "Có" hoặc "Không"/);
  });

  it("says what is wrong, and where, when a pasted value is neither Có nor Không", () => {
    const g = gridOf(catalogueSheetPlan(defaultCatalogue()));
    g.values[first][col("registered")] = "bắt buộc";
    const r = readCatalogueSheet(g);
    expect(r.catalogue).toBeNull();
    expect(r.issues.map((i) => [i.code, i.severity, i.where?.cell])).toEqual([["catalogue.registered.unknown", "error", cellAddress(first, col("registered"))]]);
    expect(r.issues[0].message.vi).toMatch(/"Cờ thi đua của Chính phủ": điều kiện đăng ký thi đua "bắt buộc" không hợp lệ/);
    expect(r.issues[0].message.en).toMatch(/registration condition/);
  });
});

describe("a catalogue sheet written before the registration column (fixture: the plan today's code wrote, 2026-12)", () => {
  it("has no such column", () => {
    const g = gridOf(OLD_PLAN as SheetPlan);
    expect(g.values[header]).not.toContain("Phải đăng ký thi đua");
    expect(g.values[header]).toContain("Khối chọn đề nghị");
  });

  it("reads as before, every award not requiring registration, without an issue", async () => {
    const host = await written(OLD_PLAN as SheetPlan);
    const r = readCatalogueSheet(gridFrom(host));
    expect(r.issues).toEqual([]);
    expect(r.catalogue).toEqual(withoutRegistration(defaultCatalogue()));
    // The missing column's cell is the award's name cell, as for the other optional columns.
    expect(r.cellOf(0, "prerequisites.registered")).toBe(cellAddress(first, col("name")));
  });

  it("keeps working: its titles are proposed whatever the registration list says", async () => {
    const r = readCatalogueSheet(gridFrom(await written(OLD_PLAN as SheetPlan)));
    const standings = UNITS.map((unit, i) => ({ unit, total: 98 - i, rank: i + 1, band: "Hoàn thành xuất sắc nhiệm vụ", leading: i === 0 }));
    const flag = { award: "Cờ thi đua của UBND tỉnh", voteId: "V1", final: true, elected: [UNITS[0]], candidates: [{ name: UNITS[0], votes: 8, percent: 100, passes: true }], denominator: 8, ruleText: { vi: "", en: "" } };
    const out = nominate({ catalogue: r.catalogue!, standings, votes: [flag], overrides: [], registrations: [] });
    expect(out.list.filter((p) => p.awardId === "co-tinh").map((p) => p.unit)).toEqual([UNITS[0]]);
    expect(out.issues).toEqual([]);
  });
});
