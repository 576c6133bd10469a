import type { Award, Catalogue } from "../../../src/domain/nomination/model";
import { writeSheets } from "../../../src/excel/apply";
import { MemoryHost } from "../../../src/host";
import { parseRange } from "../../../src/workbook/a1";
import type { Grid } from "../../../src/workbook/grid";
import {
  CATALOGUE_HEADERS,
  CATALOGUE_LAYOUT,
  CATALOGUE_SHEET,
  CATALOGUE_SPARE_ROWS,
  CATALOGUE_TABLE_NAME,
  CATALOGUE_AWARD_NAMES,
  CATALOGUE_TITLE,
  catalogueSheetPlan,
  LEVEL_TEXT,
  readCatalogueSheet,
  slugOf,
} from "../../../src/workbook/nomination/catalogueSheet";
import { gridOf } from "../../fixtures/grid";

const base = (over: Partial<Award> & Pick<Award, "id" | "name" | "kind" | "level" | "priority">): Award => ({
  quota: null,
  percentCap: null,
  prerequisites: { maxRank: null, bands: [], leading: false, votePassed: false, chosen: false, registered: false },
  excludesLower: false,
  voteRule: null,
  ruleNote: "",
  legalBasis: "",
  custom: false,
  ...over,
});

/** Seven awards: every level, both kinds, every denominator, both comparisons, a null vote rule, a custom entry. */
const CATALOGUE: Catalogue = {
  awards: [
    base({
      id: "co-cp",
      name: "Cờ thi đua của Chính phủ",
      kind: "title",
      level: "government",
      priority: 1,
      quota: 1,
      percentCap: 20,
      prerequisites: { maxRank: 1, bands: ["Hoàn thành xuất sắc nhiệm vụ"], leading: true, votePassed: true, chosen: false, registered: true },
      excludesLower: true,
      voteRule: { percent: 90, comparison: ">=", denominator: "members", quorum: null },
      legalBasis: "Luật Thi đua, khen thưởng 2022, Điều 26\nNghị định số 152/2025/NĐ-CP, Điều 11",
    }),
    base({
      id: "co-tinh",
      name: "Cờ thi đua của UBND tỉnh",
      kind: "title",
      level: "province",
      priority: 2,
      quota: 2,
      prerequisites: { maxRank: 3, bands: ["Hoàn thành xuất sắc nhiệm vụ", "Hoàn thành tốt nhiệm vụ"], leading: false, votePassed: true, chosen: false, registered: true },
      excludesLower: true,
      voteRule: { percent: 80, comparison: ">=", denominator: "present", quorum: null },
      legalBasis: "Quyết định số 12/2024/QĐ-UBND",
    }),
    base({
      id: "tt-ldxs",
      name: "Tập thể lao động xuất sắc",
      kind: "title",
      level: "province",
      priority: 3,
      prerequisites: { maxRank: null, bands: [], leading: false, votePassed: false, chosen: true, registered: false },
      voteRule: { percent: 50, comparison: ">", denominator: "valid", quorum: null },
      ruleNote: "Điều kiện nội bộ của đơn vị: chỉ đề nghị khi hội nghị chọn",
    }),
    base({
      id: "bk-ttg",
      name: "Bằng khen của Thủ tướng Chính phủ",
      kind: "reward",
      level: "government",
      priority: 1,
      quota: 1,
      excludesLower: true,
      voteRule: { percent: 66.67, comparison: ">=", denominator: "issued", quorum: null },
    }),
    base({
      id: "bk-tinh",
      name: "Bằng khen của Chủ tịch UBND tỉnh",
      kind: "reward",
      level: "province",
      priority: 2,
      quota: 3,
      percentCap: 12.5,
      voteRule: { percent: 70, comparison: ">=", denominator: "returned", quorum: null },
    }),
    base({ id: "giay-khen", name: "Giấy khen của Giám đốc Sở", kind: "reward", level: "department", priority: 4 }),
    base({
      id: "bk-tu-cd",
      name: "Bằng khen của Ban Thường vụ Tỉnh ủy (chuyên đề, năm 2026)",
      kind: "reward",
      level: "party",
      priority: 3,
      quota: 0,
      prerequisites: { maxRank: null, bands: ["Tốt", "Khá"], leading: false, votePassed: false, chosen: false, registered: false },
      custom: true,
    }),
  ],
};
const N = CATALOGUE.awards.length;
const { header, first } = CATALOGUE_LAYOUT;
const COLS = Object.keys(CATALOGUE_HEADERS);
const colOf = (k: keyof typeof CATALOGUE_HEADERS) => COLS.indexOf(k);

async function written(c: Catalogue = CATALOGUE): Promise<MemoryHost> {
  const host = new MemoryHost();
  const w = await writeSheets(host, [catalogueSheetPlan(c)], { sheets: ["Sheet1"], names: [] });
  expect(w.ok).toBe(true);
  return host;
}

/** The sheet's used range as a reader gets it. */
function gridFrom(host: MemoryHost, sheet = CATALOGUE_SHEET): Grid {
  const used = host.usedRange(sheet)!;
  const r = parseRange(used);
  return { sheet, row: r.row, col: r.col, values: host.values(sheet, used) };
}

const nfd = (v: unknown): unknown => (typeof v === "string" ? v.normalize("NFD") : v);

describe("the award catalogue sheet", () => {
  it("plans the title, the note, the table with empty rows, drop-downs, number checks, the name and print", () => {
    const p = catalogueSheetPlan(CATALOGUE);
    expect(p.name).toBe(CATALOGUE_SHEET);
    const g = gridOf(p);
    expect(g.values[0][0]).toBe(CATALOGUE_TITLE);
    expect(String(g.values[1][0])).toMatch(/hai loại khác nhau.*ô màu vàng.*tên cột/s);
    expect(p.formats).toContainEqual({ range: "A2:T2", format: expect.objectContaining({ italic: true, wrap: true }) });
    expect(g.values[header].slice(0, 20)).toEqual(Object.values(CATALOGUE_HEADERS));
    expect(g.values[first].slice(0, 20)).toEqual([
      "co-cp",
      "Cờ thi đua của Chính phủ",
      "Danh hiệu thi đua",
      "Chính phủ",
      1,
      1,
      20,
      1,
      "Hoàn thành xuất sắc nhiệm vụ",
      "Có",
      "Có",
      "Không",
      "Có",
      "Có",
      90,
      "≥",
      "tổng số thành viên",
      "",
      "Luật Thi đua, khen thưởng 2022, Điều 26\nNghị định số 152/2025/NĐ-CP, Điều 11",
      "Không",
    ]);
    // A null vote rule leaves the three vote cells empty; the custom entry says "Có".
    expect(g.values[first + 6].slice(0, 20)).toEqual([
      "bk-tu-cd",
      CATALOGUE.awards[6].name,
      "Hình thức khen thưởng",
      "Tỉnh ủy",
      3,
      0,
      "",
      "",
      "Tốt; Khá",
      "Không",
      "Không",
      "Không",
      "Không",
      "Không",
      "",
      "",
      "",
      "",
      "",
      "Có",
    ]);
    // Ten empty rows whose "Bổ sung" is pre-filled, so an entry typed there reads as custom.
    const last = first + N + CATALOGUE_SPARE_ROWS - 1;
    for (let r = first + N; r <= last; r++) expect(g.values[r].slice(0, 20)).toEqual([...Array(19).fill(""), "Có"]);

    // The table's name: header, awards and empty rows (row 4 to row 21).
    expect(p.names).toEqual([
      expect.objectContaining({ name: CATALOGUE_TABLE_NAME, range: "$A$4:$T$21" }),
      // The names column alone: the drop-down source of the meeting record's award column.
      expect.objectContaining({ name: CATALOGUE_AWARD_NAMES, range: "$B$5:$B$21" }),
    ]);
    expect(p.formats).toContainEqual({ range: "A5:T21", format: expect.objectContaining({ fill: "#FFFFE0" }) });
    expect(p.protection ?? null).toBeNull();
    expect(p.unlocked).toEqual([]);
    expect(p.freeze).toEqual({ rows: header + 1, columns: 2 });
    expect(p.print).toMatchObject({ orientation: "Landscape", paper: "A4", titleRows: "$4:$4", fitToWidth: true });

    const byRange = new Map(p.validations.map((v) => [v.range, v.rule]));
    expect(byRange.get("C5:C21")).toEqual({ kind: "list", source: ["Danh hiệu thi đua", "Hình thức khen thưởng"] });
    expect(byRange.get("E5:E21")).toEqual({ kind: "whole", min: 1, max: 1000 });
    expect(byRange.get("F5:F21")).toEqual({ kind: "whole", min: 0, max: 10000 });
    expect(byRange.get("G5:G21")).toEqual({ kind: "decimal", min: 0, max: 100 });
    expect(byRange.get("H5:H21")).toMatchObject({ kind: "whole", min: 1 });
    expect(byRange.get("O5:O21")).toEqual({ kind: "decimal", min: 0, max: 100 });
    for (const c of ["J", "K", "L", "M", "N", "T"]) expect(byRange.get(`${c}5:${c}21`)).toEqual({ kind: "list", source: ["Có", "Không"] });
    expect(byRange.get("P5:P21")).toEqual({ kind: "list", source: ["≥", ">"] });
    // The catalogue offers every vote denominator from the vote terms (domain/voting/terms.ts), the new "returned excluding blank" included (issue #13).
    expect(byRange.get("Q5:Q21")).toEqual({ kind: "list", source: ["tổng số thành viên", "số thành viên có mặt", "số phiếu phát ra", "số phiếu thu vào", "số phiếu thu vào trừ phiếu trắng", "số phiếu hợp lệ"] });
    // "Sở, ngành" holds a comma: the level list reads a hidden range below the table, never an inline list.
    const level = byRange.get("D5:D21");
    expect(level).toEqual({ kind: "list", source: { range: expect.stringMatching(/^\$V\$\d+:\$V\$\d+$/) } });
    const src = parseRange((level as { source: { range: string } }).source.range);
    expect(src.row).toBeGreaterThan(20);
    expect(g.values.slice(src.row, src.row + src.rowCount).map((r) => r[src.col])).toEqual(["Chính phủ", "Tỉnh", "Tỉnh ủy", "Sở, ngành"]);
    expect(p.hiddenColumns).toEqual(["V"]);
    for (const v of p.validations) {
      expect(v.error.title.length).toBeLessThanOrEqual(32);
      expect(v.error.message.length).toBeLessThanOrEqual(225);
      if (v.prompt) expect(v.prompt.title.length).toBeLessThanOrEqual(32);
      if (v.prompt) expect(v.prompt.message.length).toBeLessThanOrEqual(255);
      if (v.rule.kind === "list" && Array.isArray(v.rule.source)) for (const item of v.rule.source) expect(item).not.toContain(",");
    }
  });

  it("round-trips exactly through the workbook, every written value passing the sheet's own checks", async () => {
    const host = await written();
    expect(host.invalidCells(CATALOGUE_SHEET)).toEqual([]);
    expect(host.freeze(CATALOGUE_SHEET)).toEqual({ rows: 4, columns: 2 });
    expect(host.protection(CATALOGUE_SHEET).protected).toBe(false);
    expect(new Map(host.names().map((n) => [n.name, n.formula])).get(CATALOGUE_TABLE_NAME)).toBe(`='${CATALOGUE_SHEET}'!$A$4:$T$21`);

    const read = readCatalogueSheet(gridFrom(host));
    expect(read.found).toBe(true);
    expect(read.issues).toEqual([]);
    expect(read.catalogue).toEqual(CATALOGUE);
    expect(read.cellOf(0, "voteRule.percent")).toBe("O5");
    expect(read.cellOf(6, "custom")).toBe("T11");
    expect(read.cellOf(1, "prerequisites.bands")).toBe("I6");
    expect(read.cellOf(N, "name")).toBeUndefined();
  });

  it("takes a typed custom entry: 'Sở, ngành' from the drop-down, an id derived from the name", async () => {
    const host = await written();
    const row = first + N + 1; // 1-based: the first empty row
    expect(() => host.userEdit(CATALOGUE_SHEET, `D${row}`, "Huyện")).toThrow(/Chọn một cấp/);
    expect(() => host.userEdit(CATALOGUE_SHEET, `P${row}`, ">=")).toThrow();
    host.userEdit(CATALOGUE_SHEET, `B${row}`, "Giấy khen của Giám đốc Sở");
    host.userEdit(CATALOGUE_SHEET, `C${row}`, "Hình thức khen thưởng");
    host.userEdit(CATALOGUE_SHEET, `D${row}`, "Sở, ngành");
    host.userEdit(CATALOGUE_SHEET, `E${row}`, 5);
    host.userEdit(CATALOGUE_SHEET, `O${row}`, 50);
    host.userEdit(CATALOGUE_SHEET, `Q${row}`, "số phiếu hợp lệ");
    expect(host.invalidCells(CATALOGUE_SHEET)).toEqual([]);
    const read = readCatalogueSheet(gridFrom(host));
    expect(read.catalogue?.awards[N]).toEqual(
      base({
        id: "giay-khen-cua-giam-doc-so",
        name: "Giấy khen của Giám đốc Sở",
        kind: "reward",
        level: "department",
        priority: 5,
        voteRule: { percent: 50, comparison: ">=", denominator: "valid", quorum: null },
        custom: true,
      }),
    );
    expect(read.issues).toEqual([expect.objectContaining({ code: "catalogue.id.derived", severity: "warning", where: { sheet: CATALOGUE_SHEET, cell: `A${row}` } })]);
    expect(read.issues[0].message.vi).toContain('"giay-khen-cua-giam-doc-so"');
  });

  it("reads the same after a row is inserted above and a column inside the table, and its name moves", async () => {
    const host = await written();
    host.userInsertRows(CATALOGUE_SHEET, 3, 2); // two rows above the header
    host.userInsertColumns(CATALOGUE_SHEET, 3, 1); // a column between "Tên" and "Loại"
    host.userEdit(CATALOGUE_SHEET, "C6", "Ghi chú riêng");
    host.userEdit(CATALOGUE_SHEET, "C7", "Xét hằng năm");
    const read = readCatalogueSheet(gridFrom(host));
    expect(read.issues).toEqual([]);
    expect(read.catalogue).toEqual(CATALOGUE);
    expect(read.cellOf(0, "level")).toBe("E7");
    expect(read.cellOf(0, "voteRule.percent")).toBe("P7");
    expect(new Map(host.names().map((n) => [n.name, n.formula])).get(CATALOGUE_TABLE_NAME)).toBe(`='${CATALOGUE_SHEET}'!$A$6:$U$23`);

    // A used range starting away from A1 gives sheet addresses, not grid ones.
    const g = gridOf(catalogueSheetPlan(CATALOGUE));
    const shifted = readCatalogueSheet({ sheet: CATALOGUE_SHEET, row: 10, col: 2, values: g.values });
    expect(shifted.catalogue).toEqual(CATALOGUE);
    expect(shifted.cellOf(0, "id")).toBe("C15");
  });

  it("reads headers and values typed in NFD, without diacritics or in another case", () => {
    const g = gridOf(catalogueSheetPlan(CATALOGUE));
    const values = g.values.map((r) => r.map(nfd));
    expect(readCatalogueSheet({ ...g, values }).catalogue).toEqual(CATALOGUE);
    values[header] = values[header].map((h, c) => (c === colOf("name") ? "TEN DANH HIEU/HINH THUC" : c === colOf("percentCap") ? "Tỉ lệ tối đa (%)" : h));
    values[first][colOf("level")] = "chinh phu";
    values[first][colOf("leading")] = "co";
    values[first][colOf("comparison")] = ">=";
    values[first][colOf("denominator")] = "TONG SO THANH VIEN";
    const read = readCatalogueSheet({ ...g, values });
    expect(read.issues).toEqual([]);
    expect(read.catalogue).toEqual(CATALOGUE);
  });

  it("accepts numbers typed as text or with a decimal comma, and points a bad value at its cell", () => {
    const g = gridOf(catalogueSheetPlan(CATALOGUE));
    const v = g.values;
    v[first + 3][colOf("votePercent")] = "66,67";
    v[first + 4][colOf("percentCap")] = " 12,5 % ";
    v[first + 1][colOf("quota")] = "2";
    expect(readCatalogueSheet(g).catalogue).toEqual(CATALOGUE);

    v[first + 2][colOf("level")] = "Huyện";
    v[first + 5][colOf("quota")] = "hai";
    v[first + 5][colOf("priority")] = 1.5;
    v[first + 6][colOf("kind")] = "Khen thưởng đột xuất";
    v[first][colOf("excludesLower")] = "Có lẽ";
    v[first + 1][colOf("denominator")] = "";
    const read = readCatalogueSheet({ ...g, row: 1, col: 0 });
    expect(read.catalogue).toBeNull();
    const at = (code: string) => read.issues.filter((i) => i.code === code).map((i) => i.where?.cell);
    expect(at("catalogue.level.unknown")).toEqual([`D${first + 3 + 1}`]);
    expect(at("catalogue.quota.invalid")).toEqual([`F${first + 6 + 1}`]);
    expect(at("catalogue.priority.invalid")).toEqual([`E${first + 6 + 1}`]);
    expect(at("catalogue.kind.unknown")).toEqual([`C${first + 7 + 1}`]);
    expect(at("catalogue.excludesLower.unknown")).toEqual([`N${first + 1 + 1}`]);
    expect(at("catalogue.denominator.empty")).toEqual([`Q${first + 2 + 1}`]);
    expect(read.issues.every((i) => i.severity === "error")).toBe(true);
    const level = read.issues.find((i) => i.code === "catalogue.level.unknown")!;
    for (const lang of ["vi", "en"] as const) {
      expect(level.message[lang]).toContain('"Huyện"');
      for (const t of Object.values(LEVEL_TEXT)) expect(level.message[lang]).toContain(`"${t}"`);
    }
    expect(level.message.vi).toContain("Tập thể lao động xuất sắc");
  });

  it("gives missing optional columns their defaults, and derives unique ids for rows without a Mã", () => {
    const grid: Grid = {
      sheet: CATALOGUE_SHEET,
      row: 0,
      col: 0,
      values: [
        ["Danh mục khen thưởng", "", ""],
        ["Tên danh hiệu / hình thức", "Loại", "Cấp"],
        ["Cờ thi đua của UBND tỉnh", "Danh hiệu thi đua", "Tỉnh"],
        ["", "Hình thức khen thưởng", "Tỉnh"], // no name: skipped
        ["Cờ thi đua của UBND tỉnh", "Danh hiệu thi đua", "Tỉnh"],
      ],
    };
    const read = readCatalogueSheet(grid);
    expect(read.catalogue?.awards).toEqual([
      base({ id: "co-thi-dua-cua-ubnd-tinh", name: "Cờ thi đua của UBND tỉnh", kind: "title", level: "province", priority: 1 }),
      base({ id: "co-thi-dua-cua-ubnd-tinh-2", name: "Cờ thi đua của UBND tỉnh", kind: "title", level: "province", priority: 2 }),
    ]);
    expect(read.issues.map((i) => [i.code, i.where?.cell])).toEqual([
      ["catalogue.id.derived", "A3"],
      ["catalogue.id.derived", "A5"],
    ]);
    expect(read.cellOf(1, "quota")).toBe("A5");

    // A derived id never takes one typed further down; a Mã without a name is an error at the name.
    const withIds: Grid = {
      ...grid,
      values: [
        ["Mã", "Tên danh hiệu / hình thức", "Loại", "Cấp"],
        ["", "Cờ thi đua", "Danh hiệu thi đua", "Tỉnh"],
        ["co-thi-dua", "Cờ thi đua (khác)", "Danh hiệu thi đua", "Tỉnh"],
        ["bk", "", "Hình thức khen thưởng", "Tỉnh"],
      ],
    };
    const r2 = readCatalogueSheet(withIds);
    expect(r2.catalogue).toBeNull();
    expect(r2.issues.map((i) => [i.code, i.where?.cell])).toEqual([
      ["catalogue.id.derived", "A2"],
      ["catalogue.name.empty", "B4"],
    ]);
    expect(r2.issues[0].message.en).toContain('"co-thi-dua-2"');
    expect(slugOf("Bằng khen của Chủ tịch UBND tỉnh – Đợt 1")).toBe("bang-khen-cua-chu-tich-ubnd-tinh-dot-1");
  });

  it("reports a missing required column, and finds nothing on another sheet", () => {
    const noLevel = readCatalogueSheet({ sheet: CATALOGUE_SHEET, row: 0, col: 0, values: [["Mã", "Tên danh hiệu / hình thức", "Loại"], ["co", "Cờ", "Danh hiệu thi đua"]] });
    expect(noLevel.found).toBe(true);
    expect(noLevel.catalogue).toBeNull();
    expect(noLevel.issues).toEqual([expect.objectContaining({ code: "catalogue.column.missing", where: { sheet: CATALOGUE_SHEET, cell: "B1" } })]);
    expect(noLevel.issues[0].message.vi).toContain('"Cấp"');

    const none = readCatalogueSheet({ sheet: "Khác", row: 0, col: 0, values: [["Doanh thu", 1]] });
    expect(none).toMatchObject({ found: false, catalogue: null, issues: [] });
  });

  it("warns that a denominator without a vote percent means no vote", () => {
    const g = gridOf(catalogueSheetPlan(CATALOGUE));
    g.values[first + 5][colOf("denominator")] = "số phiếu hợp lệ";
    const read = readCatalogueSheet(g);
    expect(read.catalogue?.awards[5].voteRule).toBeNull();
    expect(read.issues.map((i) => [i.code, i.severity, i.where?.cell])).toEqual([["catalogue.voteRule.noPercent", "warning", `O${first + 6}`]]);
  });
});
