import { gridOf } from "../fixtures/grid";
import { KIND_LABELS } from "../../src/domain/criteria/model";
import { TEMPLATES, templateById } from "../../src/domain/criteria/templates";
import { whereKey } from "../../src/domain/criteria/validate";
import { CRITERIA_SHEET, criteriaSheetPlan, readCriteriaSheet } from "../../src/workbook/criteria/criteriaSheet";


const HEADER_ROW = 12; // 0-based: row 13 on the sheet
const codes = (issues: { code: string; where?: { cell?: string } }[]) => issues.map((i) => `${i.code}@${i.where?.cell ?? "-"}`);

describe("the Tiêu chí sheet plan", () => {
  const t = templateById("departments-100").table;
  const p = criteriaSheetPlan(t);
  const g = gridOf(p);

  it("has the title, the hint, the settings and the header where the layout says", () => {
    expect(p.name).toBe(CRITERIA_SHEET);
    expect(g.values[0][0]).toBe("BẢNG TIÊU CHÍ CHẤM ĐIỂM THI ĐUA");
    expect(String(g.values[1][0])).toContain("(mẫu tham khảo)");
    expect(String(g.values[1][0])).toContain("STT | Nội dung tiêu chí | Điểm chuẩn");
    expect(g.values.slice(3, 11).map((r) => [r[0], r[2]])).toEqual([
      ["Tên bảng tiêu chí", t.title],
      ["Thang điểm", 100],
      ["Được vượt thang điểm (Có/Không)", "Có"],
      ["Làm tròn tổng (số chữ số thập phân)", 2],
      ["Bước điểm", 0.25],
      ["Tối đa điểm thưởng (trống: không giới hạn)", 5],
      ["Tối đa điểm trừ (trống: không giới hạn)", 10],
      ["Căn cứ pháp lý", t.legalBasis],
    ]);
    expect(g.values[HEADER_ROW]).toEqual(["STT", "Nội dung tiêu chí", "Điểm chuẩn", "Loại", "Trọng số", "Bước", "Điểm mỗi lần", "Ghi chú", "Hướng dẫn chấm điểm", "Mã"]);
    expect(p.merges).toEqual(expect.arrayContaining(["A1:J1", "A2:J2", "C4:J4", "C11:J11"]));
  });

  it("writes one row per node: groups with their max, leaves with kind, unit, note and id", () => {
    const rows = g.values.slice(HEADER_ROW + 1);
    expect(rows[0]).toEqual(["I", "Thực hiện nhiệm vụ chính trị, chuyên môn được giao", 50, "", "", "", "", "", "", "I"]);
    expect(rows[1]).toEqual(["1", expect.stringMatching(/^Hoàn thành các chỉ tiêu/), 20, "", "", "", "", "", "", "I.1"]);
    expect(rows[2]).toEqual(["a", "Hoàn thành 100% chỉ tiêu, nhiệm vụ kế hoạch năm", 12, "Điểm", "", "", "", expect.any(String), "", "I.1.a"]);
    const late = rows.find((r) => r[1] === "Mỗi văn bản báo cáo chậm so với quy định");
    expect(late).toEqual(["2", "Mỗi văn bản báo cáo chậm so với quy định", 2, "Trừ", "", "", 0.5, "Mỗi văn bản chậm: trừ 0,5 điểm", "", "VI.2"]);
    const count = (c: { children: unknown[] }[]): number => c.reduce((a, k) => a + 1 + count(k.children as { children: unknown[] }[]), 0);
    expect(rows).toHaveLength(count(t.sections));
  });

  it("formats sections and groups, validates Loại and Điểm chuẩn, prints A4 landscape, freezes below the header, stays unprotected", () => {
    const first = HEADER_ROW + 2;
    expect(p.formats).toEqual(expect.arrayContaining([{ range: `A${first}:J${first}`, format: { bold: true, fill: "#F2F2F2" } }, { range: `A${first + 1}:I${first + 1}`, format: { bold: true } }]));
    const kind = p.validations.find((v) => v.range.startsWith(`D${first}:`));
    expect(kind?.rule).toEqual({ kind: "list", source: Object.values(KIND_LABELS).map((k) => k.vi) });
    const max = p.validations.find((v) => v.range.startsWith(`C${first}:`));
    expect(max?.rule).toMatchObject({ kind: "decimal", min: 0 });
    expect(p.validations.find((v) => v.range === "C6")?.rule).toEqual({ kind: "list", source: ["Có", "Không"] });
    for (const v of p.validations) {
      expect(v.error.title.length).toBeLessThanOrEqual(32); // Excel's limits
      expect(v.error.message.length).toBeLessThanOrEqual(225);
      if (v.prompt) expect(v.prompt.message.length).toBeLessThanOrEqual(255);
    }
    expect(p.print).toEqual({ orientation: "Landscape", paper: "A4", titleRows: "$13:$13", fitToWidth: true });
    expect(p.freeze).toEqual({ rows: 13, columns: 0 });
    expect(p.protection ?? null).toBeNull();
    expect(p.columnWidths.map((c) => c.column)).toEqual(["A", "B", "C", "D", "E", "F", "G", "H", "I", "J"]);
    // STT and Mã stay text, so "1.1" is never a number or a date.
    expect(p.formats).toEqual(expect.arrayContaining([expect.objectContaining({ range: expect.stringMatching(/^A14:A/), format: expect.objectContaining({ numberFormat: "@" }) })]));
  });
});

describe("reading the Tiêu chí sheet", () => {
  it.each(TEMPLATES.map((t) => [t.id, t.table] as const))("plan → grid → read gives back the %s table", (_id, table) => {
    const read = readCriteriaSheet(gridOf(criteriaSheetPlan(table)));
    expect(read.found).toBe(true);
    expect(read.issues).toEqual([]);
    expect(read.table).toEqual(table);
  });

  it("points at the sheet's cells", () => {
    const read = readCriteriaSheet(gridOf(criteriaSheetPlan(templateById("departments-100").table)));
    expect(read.at.get("I")).toEqual({ sheet: "Tiêu chí", cell: "A14:J14" });
    expect(read.at.get(whereKey("I.1.a", "max"))).toEqual({ sheet: "Tiêu chí", cell: "C16" });
    expect(read.tableAt.scale).toEqual({ sheet: "Tiêu chí", cell: "C5" });
  });

  it("reads a sheet with rows inserted above, blank rows, columns in another order and NFD text, at an offset", () => {
    const table = templateById("departments-100").table;
    const g = gridOf(criteriaSheetPlan(table));
    // Columns: Mã, Điểm chuẩn, STT, Ghi chú, Nội dung, Loại, Trọng số, Bước, Điểm mỗi lần, then one more the reader ignores.
    const order = [8, 2, 0, 7, 1, 3, 4, 5, 6];
    const moved = g.values.map((r, i) => [...order.map((c) => r[c]), i === HEADER_ROW ? "Minh chứng" : ""]);
    // The settings keep label-then-value order (labels in A, values two cells right) after the move; put them back as a user would see them.
    for (let r = 3; r < 11; r++) moved[r] = [g.values[r][0], "", g.values[r][2], "", "", "", "", "", "", ""];
    const body = moved.slice(HEADER_ROW + 1);
    const blank = () => Array(10).fill("");
    const rows = [blank(), blank(), blank(), ...moved.slice(0, HEADER_ROW + 1), body[0], blank(), ...body.slice(1, 6), blank(), blank(), ...body.slice(6)].map((r) =>
      r.map((v) => (typeof v === "string" ? v.normalize("NFD") : v)),
    );
    const read = readCriteriaSheet({ sheet: "Tiêu chí", row: 2, col: 1, values: rows });
    expect(read.issues).toEqual([]);
    expect(read.table).toEqual(table);
    // The grid starts at B3 (row 2, col 1); three rows inserted put the header on grid row 15 → sheet row 18;
    // I.1.a is on grid row 19 (after I, a blank row and I.1) → sheet row 22; Điểm chuẩn is the grid's 2nd column → C.
    expect(read.at.get(whereKey("I.1.a", "max"))).toEqual({ sheet: "Tiêu chí", cell: "C22" });
    expect(read.at.get(whereKey("I.1.a", "text"))).toEqual({ sheet: "Tiêu chí", cell: "F22" });
    expect(read.tableAt.scale?.cell).toBe("D10"); // grid row 7, value two cells right of the label
  });

  it("reads a sheet that is only a pasted table: header labels of another spelling, no settings, Vietnamese decimals", () => {
    const values = [
      ["TT", "Nội dung", "Điểm tối đa", "Ghi chú"],
      ["I", "THỰC HIỆN NHIỆM VỤ", "60", ""],
      ["1", "Hoàn thành kế hoạch", "37,5", ""],
      ["2", "Nhiệm vụ đột xuất", "22,5", ""],
      ["II", "CÔNG TÁC THI ĐUA", 40, ""],
      ["1", "Ban hành kế hoạch thi đua đúng hạn", 10, "Đạt/không đạt"],
      ["2", "Tham gia hoạt động của Khối", 30, ""],
      ["III", "ĐIỂM TRỪ", "", ""],
      ["1", "Không tổ chức phát động phong trào thi đua", "-8", ""],
    ];
    const read = readCriteriaSheet({ sheet: "Sheet1", row: 0, col: 0, values });
    expect(read.found).toBe(true);
    expect(codes(read.issues)).toEqual(["criteria.penalty.negative@C9"]);
    expect(read.table).toMatchObject({ title: "", scale: 100, decimals: 2, step: 0.25, bonusCap: null, penaltyCap: null, allowOverScale: false, sample: false });
    const t = read.table!;
    expect(t.sections[0].children.map((c) => c.max)).toEqual([37.5, 22.5]);
    expect(t.sections[1].children[0].kind).toBe("yesNo");
    expect(t.sections[2].children[0]).toMatchObject({ id: "III.1", kind: "penalty", max: 8 });
  });

  it("reports bad settings and bad rows at their cells, and keeps the table from being used", () => {
    const g = gridOf(criteriaSheetPlan(templateById("departments-100").table));
    g.values[4][2] = "một trăm"; // Thang điểm
    g.values[6][2] = 7; // decimals
    const leafRow = g.values.findIndex((r) => r[9] === "I.2");
    g.values[leafRow][2] = "mười";
    g.values[leafRow][3] = "Khác";
    const read = readCriteriaSheet({ ...g, row: 1, col: 0 });
    expect(read.table).toBeNull();
    // The grid starts one row down, so every cell is one row lower than in the plan. Section I's sum
    // is not checked while I.2 has no max.
    expect(codes(read.issues)).toEqual([
      `criteria.kind.unknown@D${leafRow + 2}`,
      `criteria.max.notNumber@C${leafRow + 2}`,
      "criteria.scale.invalid@C6",
      "criteria.decimals.invalid@C8",
    ]);
  });

  it("reads settings typed by hand: Có, blank caps, a comma decimal, 'không giới hạn'", () => {
    const g = gridOf(criteriaSheetPlan(templateById("blank").table));
    g.values[5][2] = "có";
    g.values[7][2] = "0,5";
    g.values[8][2] = "không giới hạn";
    g.values[9][2] = 10;
    g.values[10][2] = "Luật Thi đua, khen thưởng năm 2022;\r\n\r\n  Quy chế của tỉnh.";
    g.values[3][2] = "Bảng tiêu chí năm 2026"; // no longer a sample
    const t = readCriteriaSheet(g).table!;
    expect(t).toMatchObject({ allowOverScale: true, step: 0.5, bonusCap: null, penaltyCap: 10, sample: false, title: "Bảng tiêu chí năm 2026" });
    expect(t.legalBasis).toBe("Luật Thi đua, khen thưởng năm 2022;\nQuy chế của tỉnh.");
  });

  it("says what is missing when the header row is not there, and finds nothing on a foreign sheet", () => {
    const g = gridOf(criteriaSheetPlan(templateById("blank").table));
    g.values[HEADER_ROW][2] = "Tự chấm";
    const read = readCriteriaSheet(g);
    expect(read.found).toBe(true);
    expect(read.table).toBeNull();
    expect(codes(read.issues)).toEqual(["criteria.sheet.noHeader@B13"]);
    expect(read.issues[0].message.vi).toContain("Điểm chuẩn");
    const other = readCriteriaSheet({ sheet: "Doanh thu", row: 0, col: 0, values: [["Doanh thu", 100], ["Chi phí", 50]] });
    expect(other).toMatchObject({ found: false, table: null, issues: [] });
  });
});
