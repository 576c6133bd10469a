/**
 * The list in LIFESOFT's import template (issue #10 item 13; DOMAIN.md §5; fixture
 * ../shared/fixtures/lifesoft/MauTDKT.xlsx). Its importer is reproduced in ./lifesoftImporter.ts
 * from lifephongphanmem/thiduakhenthuong_php8 (NhanExcelKhenThuong, NhanExcelCumKhoi in
 * app/Http/Controllers/NghiepVu/_DungChung/dungchung_nhanexcelController.php).
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import ExcelJS from "exceljs";
import type { Proposal } from "../../src/domain/nomination/model";
import { checkFormat, formatFileName, formatRows, formatXlsx, FORMAT_FILES, parseFormat, type ImportFormat } from "../../src/export/importFormat";
import { DETAIL_COLUMNS, detailRows, listXlsx } from "../../src/export/listExports";
import { calculated, DEFAULT_DIALOG, lifesoftImport, templateList } from "./lifesoftImporter";

const FIXTURE = resolve(__dirname, "../../../shared/fixtures/lifesoft/MauTDKT.xlsx");

function proposal(p: Partial<Proposal> & Pick<Proposal, "unit" | "award">): Proposal {
  return { awardId: p.award, kind: "title", proposed: true, reasons: [], override: null, total: null, rank: null, band: "", votes: null, denominator: null, percent: null, voteId: null, ...p };
}

/** The demo's list (docs/scenario.sample.json): two flags, two certificates. */
const LIST: Proposal[] = [
  proposal({ unit: "Sở Công Thương", award: "Cờ thi đua của UBND tỉnh", awardId: "co-tinh", kind: "title", total: 98.25, rank: 1, votes: 8, denominator: 8, percent: 100 }),
  proposal({ unit: "Sở Tài chính", award: "Cờ thi đua của Chính phủ", awardId: "co-cp", kind: "title", total: 97, rank: 2, votes: 7, denominator: 8, percent: 87.5 }),
  proposal({ unit: "Sở Xây dựng", award: "Bằng khen của Chủ tịch UBND tỉnh", awardId: "bk-tinh", kind: "reward", total: 96, rank: 3, votes: 5, denominator: 8, percent: 62.5 }),
  proposal({ unit: "Sở Nội vụ", award: "Bằng khen của Chủ tịch UBND tỉnh", awardId: "bk-tinh", kind: "reward", total: 95, rank: 4, votes: 6, denominator: 8, percent: 75 }),
];

describe("the LIFESOFT importer, reproduced (lifesoftImporter.ts)", () => {
  it("keeps nothing of the empty template: its code lookups give #N/A (MauTDKT.xlsx R2:U553)", async () => {
    const bytes = new Uint8Array(readFileSync(FIXTURE));
    for (const v of ["NhanExcelKhenThuong", "NhanExcelCumKhoi"] as const) expect((await lifesoftImport(bytes, v)).tapthe).toEqual([]);
  });

  it("keeps 0 of 4 rows of the generic list file: it has no code column R (issue #10 item 13)", async () => {
    const bytes = await listXlsx(LIST, {});
    for (const v of ["NhanExcelKhenThuong", "NhanExcelCumKhoi"] as const) expect((await lifesoftImport(bytes, v)).tapthe).toHaveLength(0);
  });

  it("reads the template filled by hand through its own VLOOKUPs; NhanExcelCumKhoi skips sheet row 2 with the default 'Nhận từ dòng' 2", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(FIXTURE);
    const ws = wb.getWorksheet("file nhận")!;
    const fill = (row: number, values: Record<string, string | number>) => Object.entries(values).forEach(([col, v]) => (ws.getCell(`${col}${row}`).value = v));
    fill(2, { A: 1, C: "Sở Tư pháp", F: "Khen thưởng tập thể", G: "Cờ thi đua của UBND tỉnh", H: "Cơ quan Hành chính", I: "Quản lý Nhà nước" });
    fill(3, { A: 2, C: "Sở Tài chính", F: "Khen thưởng tập thể", G: "Tập thể lao động xuất sắc", H: "Cơ quan Hành chính", I: "Tài chính - Ngân hàng" });
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const kt = await lifesoftImport(bytes, "NhanExcelKhenThuong");
    expect(kt.tapthe.map((t) => [t.row, t.tentapthe, t.madanhhieukhenthuong, t.maphanloaitapthe, t.linhvuchoatdong])).toEqual([
      [2, "Sở Tư pháp", "1668522916", 1668477383, "0013"],
      [3, "Sở Tài chính", "1647933151", 1668477383, "0008"],
    ]);
    const ck = await lifesoftImport(bytes, "NhanExcelCumKhoi");
    expect(ck.tapthe.map((t) => t.row)).toEqual([3]);
  });
});

// ------------------------------------------------------------------------------------------------

async function fixture(): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(FIXTURE);
  return wb;
}

async function reread(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
}

const plain = (v: ExcelJS.CellValue): unknown => (v && typeof v === "object" && "richText" in v ? v.richText.map((t) => t.text).join("") : v);

function lifesoft(): ImportFormat {
  const parsed = parseFormat(FORMAT_FILES[0]);
  if (!parsed.format) throw new Error(JSON.stringify(parsed.issues));
  return parsed.format;
}

const BK_TINH_LIFESOFT = "Bằng khen cấp bộ, ban, ngành, tỉnh, đoàn thể trung ương";
const BK_TU = "Bằng khen của Ban Thường vụ Tỉnh ủy";

describe("the LIFESOFT format file (src/export/formats/lifesoft-khanh-hoa.json) against MauTDKT.xlsx", () => {
  let tpl: ExcelJS.Workbook;
  beforeAll(async () => {
    tpl = await fixture();
  });

  it("parses and passes its own checks", () => {
    expect(parseFormat(FORMAT_FILES[0]).issues).toEqual([]);
    expect(lifesoft().sheet).toBe(tpl.worksheets[0].name);
  });

  it("holds the template's lists exactly as its lookup sheets do (names, codes and their types)", () => {
    const f = lifesoft();
    for (const list of Object.values(f.lists)) expect(list.entries).toEqual(templateList(tpl, list.sheet));
  });

  it("has the template's headers and its code columns are the template's own lookups (R2:U2 VLOOKUP formulas)", () => {
    const f = lifesoft();
    const ws = tpl.getWorksheet(f.sheet)!;
    for (const c of f.columns) expect([c.col, plain(ws.getCell(`${c.col}1`).value)]).toEqual([c.col, c.header]);
    // Every header of the template is in the format.
    ws.getRow(1).eachCell((cell) => expect(f.columns.map((c) => c.col)).toContain(cell.address.replace(/\d+$/, "")));
    for (const c of f.columns.filter((x) => x.value && "codeOf" in x.value)) {
      const formula = ws.getCell(`${c.col}2`).formula;
      const m = /^VLOOKUP\(([A-Z]+)2,'?([^'!]+)'?!\$(A\$2:\$B\$\d+),2,0\)$/.exec(formula)!;
      expect(m).not.toBeNull();
      const source = f.columns.find((x) => x.col === m[1])!;
      expect(c.value).toEqual({ codeOf: m[1] });
      expect([f.lists[source.list!].sheet, f.lists[source.list!].range]).toEqual([m[2], m[3].replace(/\$/g, "")]);
    }
  });

  it("maps our award names only to names of the template's award list (DOMAIN §5: it has no 'Bằng khen của Chủ tịch UBND tỉnh')", () => {
    const names = templateList(tpl, "HTKT").map(([n]) => n);
    const f = lifesoft();
    expect(names).not.toContain("Bằng khen của Chủ tịch UBND tỉnh");
    expect(f.awardNames!["Bằng khen của Chủ tịch UBND tỉnh"]).toBe(BK_TINH_LIFESOFT);
    for (const to of Object.values(f.awardNames!)) expect(names).toContain(to);
  });
});

describe("the list in LIFESOFT's template (issue #10 item 13)", () => {
  let tpl: ExcelJS.Workbook;
  beforeAll(async () => {
    tpl = await fixture();
  });

  const codeIn = (sheet: string, name: string) => templateList(tpl, sheet).find(([n]) => n === name)?.[1];

  it("passes both LIFESOFT importers with their dialogs' defaults and keeps every row, with the right codes", async () => {
    const out = await formatXlsx(lifesoft(), LIST, {});
    expect(out.bytes).not.toBeNull();
    for (const v of ["NhanExcelKhenThuong", "NhanExcelCumKhoi"] as const) {
      const got = await lifesoftImport(out.bytes!, v);
      expect(got.canhan + got.hogiadinh).toBe(0);
      expect(got.tapthe.map((t) => [t.row, t.tentapthe, t.madanhhieukhenthuong])).toEqual([
        [3, "Sở Công Thương", codeIn("HTKT", "Cờ thi đua của UBND tỉnh")],
        [4, "Sở Tài chính", codeIn("HTKT", "Cờ thi đua của Chính phủ")],
        [5, "Sở Xây dựng", codeIn("HTKT", BK_TINH_LIFESOFT)],
        [6, "Sở Nội vụ", codeIn("HTKT", BK_TINH_LIFESOFT)],
      ]);
      // No class or field given: the cells are empty, so the dialog's defaults apply (not an empty string).
      for (const t of got.tapthe) expect([t.maphanloaitapthe, t.linhvuchoatdong]).toEqual([DEFAULT_DIALOG.maphanloaidoituong_tt, DEFAULT_DIALOG.linhvuchoatdong_tt]);
    }
  });

  it("writes codes equal to what the template's own formulas compute from the same names", async () => {
    const list = [...LIST, proposal({ unit: "Sở Tư pháp", award: BK_TU, awardId: "bk-tu", kind: "reward" })];
    const f = lifesoft();
    const out = await formatXlsx(f, list, { objectClass: "cơ quan hành chính", field: "Quản lý Nhà nước" });
    const ours = (await reread(out.bytes!)).getWorksheet(f.sheet)!;
    const filled = await fixture();
    const ws = filled.getWorksheet(f.sheet)!;
    for (let r = f.firstRow; r < f.firstRow + list.length; r++) for (const col of ["A", "C", "F", "G", "H", "I"]) ws.getCell(`${col}${r}`).value = ours.getCell(`${col}${r}`).value;
    for (let r = f.firstRow; r < f.firstRow + list.length; r++) {
      for (const col of ["R", "S", "T", "U"]) {
        const theirs = calculated(filled, f.sheet, `${col}${r}`);
        expect([`${col}${r}`, ours.getCell(`${col}${r}`).value ?? "#N/A"]).toEqual([`${col}${r}`, theirs]);
      }
    }
    // The one award the list lacks has no code (the template's lookup gives #N/A).
    expect(ours.getCell(`S${f.firstRow + 4}`).value).toBeNull();
    // The class is written in the list's spelling; a field code keeps its leading zeros.
    expect(ours.getCell("H3").value).toBe("Cơ quan Hành chính");
    expect(ours.getCell("U3").value).toBe("0013");
  });

  it("names G, H and I from the template's lists, and warns (vi + en) of each name its list lacks, with the rows", async () => {
    const list = [...LIST, proposal({ unit: "Sở Tư pháp", award: BK_TU, awardId: "bk-tu", kind: "reward" }), proposal({ unit: "Sở Y tế", award: BK_TU, awardId: "bk-tu", kind: "reward" })];
    const f = lifesoft();
    const { rows, issues } = formatRows(f, list, { objectClass: "Cơ quan Hành chính", field: "Y tế" });
    const awards = templateList(tpl, "HTKT").map(([n]) => n);
    const missing = rows.map((r) => r.G).filter((g) => !awards.includes(g as string));
    expect(missing).toEqual([BK_TU, BK_TU]);
    for (const r of rows) {
      expect(templateList(tpl, "PLDT").map(([n]) => n)).toContain(r.H);
      expect(templateList(tpl, "LVHD").map(([n]) => n)).toContain(r.I);
      expect(r.F).toBe("Khen thưởng tập thể");
      expect(r.R).toBe("TAPTHE");
    }
    const lacks = issues.filter((i) => i.code === "export.format.notInList");
    expect(lacks).toHaveLength(1);
    expect(lacks[0].severity).toBe("warning");
    expect(lacks[0].message.vi).toContain(`không có “${BK_TU}” (dòng 7, 8`);
    expect(lacks[0].message.vi).toContain("Hình thức khen thưởng đơn vị");
    expect(lacks[0].message.en).toContain(`has no “${BK_TU}” (row 7, 8`);
    const renamed = issues.filter((i) => i.code === "export.format.award.renamed");
    expect(renamed.map((i) => i.message.vi)).toEqual([expect.stringContaining(`“Bằng khen của Chủ tịch UBND tỉnh” được ghi là “${BK_TINH_LIFESOFT}”`)]);
    expect(renamed[0].message.en).toContain("row 5, 6");
    expect(issues.filter((i) => i.code === "export.format.emptyColumn")).toEqual([]);
  });

  it("leaves class and field to the import dialog when the bloc gives none, and says so; warns of a class its list lacks", () => {
    const f = lifesoft();
    const none = formatRows(f, LIST, {});
    expect(none.rows.map((r) => [r.H, r.T, r.I, r.U])).toEqual(Array(4).fill([null, null, null, null]));
    expect(none.issues.filter((i) => i.code === "export.format.emptyColumn").map((i) => i.message.vi)).toEqual([
      expect.stringContaining("cột H (Phân loại đối tượng) để trống ở mọi dòng: khi nhận, LIFESOFT dùng “Phân loại đơn vị”"),
      expect.stringContaining("cột I (Lĩnh vực hoạt động) để trống ở mọi dòng"),
    ]);
    const odd = formatRows(f, LIST, { objectClass: "Tập thể" });
    expect(odd.rows[0].H).toBe("Tập thể");
    expect(odd.rows[0].T).toBeNull();
    expect(odd.issues.find((i) => i.code === "export.format.notInList")?.message.en).toContain("“Phân loại đối tượng” has no “Tập thể”");
  });

  it("puts the template's sheet first, a numbers row with empty codes under the header, and our evidence on the second sheet", async () => {
    const f = lifesoft();
    const wb = await reread((await formatXlsx(f, LIST, {})).bytes!);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["file nhận", "Chi tiết"]);
    const ws = wb.getWorksheet(f.sheet)!;
    expect(["A2", "I2", "R2", "S2"].map((a) => ws.getCell(a).value)).toEqual(["(1)", "(9)", null, null]);
    const detail = wb.getWorksheet("Chi tiết")!;
    expect(detail.getRow(1).values).toEqual([undefined, ...DETAIL_COLUMNS]);
    const rows = detailRows(LIST);
    rows.forEach((r, i) => {
      expect(detail.getCell(i + 2, 1).value).toBe(ws.getCell(`A${f.firstRow + i}`).value);
      expect(detail.getCell(i + 2, 2).value).toBe(ws.getCell(`C${f.firstRow + i}`).value);
      expect([detail.getCell(i + 2, 4).value, detail.getCell(i + 2, 5).value, detail.getCell(i + 2, 6).value, detail.getCell(i + 2, 8).value]).toEqual([r[3], r[4], r[5], r[7]]);
    });
    expect(formatFileName(f, 2026)).toBe("Danh-sach-LIFESOFT-2026.xlsx");
  });

  it("stores a name that looks like a formula as text", async () => {
    const f = lifesoft();
    const ws = (await reread((await formatXlsx(f, [proposal({ unit: "=1+2", award: "Cờ thi đua của UBND tỉnh" })], {})).bytes!)).getWorksheet(f.sheet)!;
    expect(ws.getCell("C3").type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell("C3").formula).toBeFalsy();
    expect(ws.getCell("C3").numFmt).toBe("@");
  });

  it("warns when the list runs past the last row the importer reads by default ('Nhận đến dòng' 200 = sheet row 201)", async () => {
    const many = Array.from({ length: 200 }, (_, i) => proposal({ unit: `Đơn vị ${i + 1}`, award: "Cờ thi đua của UBND tỉnh" }));
    const out = await formatXlsx(lifesoft(), many, { objectClass: "Đơn vị sự nghiệp", field: "Y tế" });
    expect(out.issues.map((i) => i.code)).toEqual(["export.format.tooManyRows"]);
    expect(out.issues[0].message.vi).toContain("dòng 202");
    expect((await lifesoftImport(out.bytes!, "NhanExcelKhenThuong")).tapthe).toHaveLength(199);
    expect((await lifesoftImport(out.bytes!, "NhanExcelKhenThuong", { ...DEFAULT_DIALOG, dendong: 201 })).tapthe).toHaveLength(200);
  });
});

describe("the generic exporter works from a format's data alone (a second province is one more file)", () => {
  /** A made-up template: a title block above the header, another sheet name, numeric codes, no numbers row. */
  const OTHER: ImportFormat = {
    id: "other-province",
    system: "HỆ THỐNG X",
    label: { vi: "Danh sách theo mẫu X (.xlsx)", en: "List in X's template (.xlsx)" },
    source: "test",
    fileName: "DS-X-{year}.xlsx",
    sheet: "Nhap",
    headerRow: 3,
    firstRow: 4,
    columns: [
      { col: "A", header: "TT", value: { from: "stt" } },
      { col: "B", header: "Đơn vị", value: { from: "unit" } },
      { col: "C", header: "Hình thức", value: { from: "award" }, list: "dh" },
      { col: "D", header: "Loại", value: { text: "Tập thể" } },
      { col: "F", header: "Mã hình thức", value: { codeOf: "C" }, required: false, whenEmpty: { vi: "mã mặc định", en: "the default code" } },
    ],
    lists: { dh: { sheet: "DM", range: "A2:B3", entries: [["Cờ thi đua của UBND tỉnh", 11], ["Bằng khen của Chủ tịch UBND tỉnh", 12]] } },
    awardNames: { "Cờ thi đua cấp tỉnh": "Cờ thi đua của UBND tỉnh" },
    detailSheet: "Minh chứng",
  };

  it("writes the other template's sheet, rows, names and codes", async () => {
    expect(checkFormat(OTHER)).toEqual([]);
    const list = [proposal({ unit: "Sở A", award: "Bằng khen của Chủ tịch UBND tỉnh", kind: "reward" }), proposal({ unit: "Sở B", award: "Cờ thi đua cấp tỉnh" }), proposal({ unit: "Sở C", award: "Giấy khen", kind: "reward" })];
    const out = await formatXlsx(OTHER, list, {});
    const wb = await reread(out.bytes!);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Nhap", "Minh chứng"]);
    const ws = wb.getWorksheet("Nhap")!;
    const grid = [3, 4, 5, 6].map((r) => ["A", "B", "C", "D", "E", "F"].map((c) => ws.getCell(`${c}${r}`).value));
    expect(grid).toEqual([
      ["TT", "Đơn vị", "Hình thức", "Loại", null, "Mã hình thức"],
      [1, "Sở B", "Cờ thi đua của UBND tỉnh", "Tập thể", null, 11],
      [2, "Sở A", "Bằng khen của Chủ tịch UBND tỉnh", "Tập thể", null, 12],
      [3, "Sở C", "Giấy khen", "Tập thể", null, null],
    ]);
    expect(out.issues.map((i) => i.code).sort()).toEqual(["export.format.award.renamed", "export.format.notInList"]);
    expect(out.issues.find((i) => i.code === "export.format.notInList")!.message.vi).toContain("HỆ THỐNG X dùng mã mặc định");
    expect(formatFileName(OTHER, 2025)).toBe("DS-X-2025.xlsx");
  });

  it("refuses a format whose data contradicts itself, saying what is wrong", async () => {
    const bad: ImportFormat = {
      ...OTHER,
      columns: [
        ...OTHER.columns,
        { col: "B", header: "again" },
        { col: "G", header: "Loại", value: { text: "Cá nhân" }, list: "dh" },
        { col: "H", header: "Mã B", value: { codeOf: "B" }, required: true },
      ],
      awardNames: { "Giấy khen": "Giấy khen của Giám đốc" },
    };
    const problems = checkFormat(bad).map((i) => i.message.en);
    expect(problems).toEqual([
      expect.stringContaining("column B twice"),
      expect.stringContaining("column G: “Cá nhân” is not in list “dh”"),
      expect.stringContaining("column H codes column B, which has no list"),
      expect.stringContaining("column H is required, so column B must hold a constant"),
      expect.stringContaining("award “Giấy khen” maps to “Giấy khen của Giám đốc”, which is not in the award list"),
    ]);
    expect(await formatXlsx(bad, LIST, {})).toEqual({ bytes: null, issues: checkFormat(bad) });
    const shapeless = parseFormat({ ...OTHER, sheet: undefined });
    expect(shapeless.format).toBeNull();
    expect(shapeless.issues.map((i) => [i.code, i.severity])).toEqual([["export.format.invalid", "error"]]);
    expect(shapeless.issues[0].message.en).toContain("sheet");
  });
});
