import ExcelJS from "exceljs";
import type { Proposal } from "../../src/domain/nomination/model";
import {
  DETAIL_COLUMNS,
  DETAIL_SHEET,
  csvText,
  IMPORT_COLUMNS,
  importRows,
  LIST_SHEET,
  listCsv,
  listXlsx,
  safeCell,
} from "../../src/export/listExports";

function proposal(p: Partial<Proposal> & Pick<Proposal, "unit" | "award">): Proposal {
  return {
    awardId: p.award,
    kind: "title",
    proposed: true,
    reasons: [],
    override: null,
    total: null,
    rank: null,
    band: "",
    votes: null,
    denominator: null,
    percent: null,
    voteId: null,
    ...p,
  };
}

const CO_TINH = "Cờ thi đua của UBND tỉnh";
const BK_TINH = "Bằng khen của Chủ tịch UBND tỉnh";

const LIST: Proposal[] = [
  proposal({
    unit: "Sở Tài chính",
    award: BK_TINH,
    awardId: "bk-tinh",
    kind: "reward",
    total: 95.5,
    rank: 2,
    votes: 7,
    denominator: 8,
    percent: 87.5,
    reasons: [{ vi: "Xếp hạng 2", en: "Rank 2" }],
  }),
  proposal({ unit: "Sở Xây dựng", award: CO_TINH, awardId: "co-tinh", kind: "title", total: 98, rank: 1, votes: 8, denominator: 8, percent: 100 }),
  proposal({ unit: "Sở Y tế", award: CO_TINH, awardId: "co-tinh", kind: "title", proposed: false }),
  proposal({
    unit: "Sở Công Thương",
    award: BK_TINH,
    awardId: "bk-tinh",
    kind: "reward",
    override: { unit: "Sở Công Thương", award: BK_TINH, include: true, reason: "Hội nghị thống nhất" },
  }),
];

describe("importRows", () => {
  it("has the import template's columns in its order", () => {
    expect(IMPORT_COLUMNS).toEqual([
      "STT",
      "Phân loại khen thưởng",
      "Tên tập thể/cá nhân/hộ gia đình",
      "Chức vụ",
      "Đơn vị công tác",
      "Danh hiệu/Hình thức",
      "Phân loại đối tượng",
      "Lĩnh vực hoạt động",
    ]);
  });

  it("gives one row per proposed unit and award, titles then rewards, the kind mapped from the award", () => {
    const rows = importRows(LIST, { field: "Quản lý nhà nước" });
    expect(rows).toEqual([
      [1, "Danh hiệu thi đua", "Sở Xây dựng", "", "", CO_TINH, "Tập thể", "Quản lý nhà nước"],
      [2, "Hình thức khen thưởng", "Sở Tài chính", "", "", BK_TINH, "Tập thể", "Quản lý nhà nước"],
      [3, "Hình thức khen thưởng", "Sở Công Thương", "", "", BK_TINH, "Tập thể", "Quản lý nhà nước"],
    ]);
  });

  it("defaults the field to empty, takes the object type, and lists a unit+award once", () => {
    const twice = [...LIST, proposal({ unit: "  sở  xây DỰNG ", award: CO_TINH, awardId: "co-tinh" })];
    const rows = importRows(twice, { objectType: "Cơ quan, đơn vị" });
    expect(rows).toHaveLength(3);
    expect(rows.map((r) => [r[6], r[7]])).toEqual(Array(3).fill(["Cơ quan, đơn vị", ""]));
  });

  it("writes Vietnamese text as NFC whatever form it arrived in", () => {
    const nfd = "Sở Giáo dục và Đào tạo".normalize("NFD");
    const rows = importRows([proposal({ unit: nfd, award: CO_TINH.normalize("NFD") })], {});
    expect(rows[0][2]).toBe("Sở Giáo dục và Đào tạo".normalize("NFC"));
    expect(rows[0][5]).toBe(CO_TINH.normalize("NFC"));
    expect(rows[0][2]).not.toBe(nfd);
  });
});

describe("safeCell (CSV injection)", () => {
  it.each([
    ["=SUM(A1:A2)", "'=SUM(A1:A2)"],
    ["+84 912", "'+84 912"],
    ["-Phòng A", "'-Phòng A"],
    ["@cmd", "'@cmd"],
    ["  =1+1", "'  =1+1"],
    ["\t=1+1", "'\t=1+1"],
    ["\tSở", "'\tSở"],
    ["\rSở", "'\rSở"],
    ["＝1+1", "'＝1+1"],
  ])("makes %j inert", (input, out) => {
    expect(safeCell(input)).toBe(out);
  });

  it.each(["Sở Tài chính", "", "a=b", "Bằng khen - tỉnh", "5", " Sở"])("leaves %j alone", (s) => {
    expect(safeCell(s)).toBe(s);
  });
});

const decode = (b: Uint8Array) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(b);

describe("listCsv", () => {
  it("starts with the UTF-8 BOM and uses CRLF, the template header first", () => {
    const bytes = listCsv(LIST, {});
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = decode(bytes);
    expect(text.startsWith("\ufeffSTT,Phân loại khen thưởng,Tên tập thể/cá nhân/hộ gia đình,Chức vụ,")).toBe(true);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.split("\r\n")).toHaveLength(5); // header, 3 rows, the empty string after the last CRLF
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  });

  it("quotes commas and quotes (RFC 4180), folds a line break in a name cell, and makes formula-like text inert", () => {
    const odd = [
      proposal({ unit: 'Sở "A", B', award: CO_TINH }),
      proposal({ unit: "=HYPERLINK(\"x\")", award: "-Giấy khen" }),
    ];
    const text = decode(listCsv(odd, { field: "Dòng 1\nDòng 2" }));
    const lines = text.slice(1).split("\r\n");
    // cleanText folds the newline in the field to a space; a quote and a comma force quoting.
    expect(lines[1]).toBe('1,Danh hiệu thi đua,"Sở ""A"", B",,,Cờ thi đua của UBND tỉnh,Tập thể,Dòng 1 Dòng 2');
    expect(lines[2]).toBe(`2,Danh hiệu thi đua,"'=HYPERLINK(""x"")",,,'-Giấy khen,Tập thể,Dòng 1 Dòng 2`);
  });

  it("quotes fields holding CR or LF, and leaves numbers and empty cells bare", () => {
    const text = csvText(["a", "b"], [["Dòng 1\nDòng 2", 3], ["x\r\ny", null]]);
    expect(text).toBe('\ufeffa,b\r\n"Dòng 1\nDòng 2",3\r\n"x\r\ny",\r\n');
  });

  it("keeps Vietnamese text NFC", () => {
    const text = decode(listCsv([proposal({ unit: "Sở Nội vụ".normalize("NFD"), award: CO_TINH })], {}));
    expect(text).toContain("Sở Nội vụ".normalize("NFC"));
    expect(text.normalize("NFC")).toBe(text);
  });
});

async function reread(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
}

function values(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: unknown[] = [];
    for (let c = 1; c <= ws.columnCount; c++) cells.push(row.getCell(c).value ?? "");
    out[n - 1] = cells;
  });
  return out;
}

describe("listXlsx", () => {
  it("re-reads with the template header and the same rows on 'Danh sách'", async () => {
    const wb = await reread(await listXlsx(LIST, { field: "Quản lý nhà nước" }));
    expect(wb.worksheets.map((w) => w.name)).toEqual([LIST_SHEET, DETAIL_SHEET]);
    const list = values(wb.getWorksheet(LIST_SHEET)!);
    expect(list[0]).toEqual([...IMPORT_COLUMNS]);
    expect(list.slice(1)).toEqual(importRows(LIST, { field: "Quản lý nhà nước" }));
  });

  it("puts the evidence on 'Chi tiết': total, rank, votes, denominator, %, note", async () => {
    const wb = await reread(await listXlsx(LIST, {}));
    const detail = values(wb.getWorksheet(DETAIL_SHEET)!);
    expect(detail[0]).toEqual([...DETAIL_COLUMNS]);
    expect(detail[1]).toEqual([1, "Sở Xây dựng", CO_TINH, 98, 1, 8, 8, 100, ""]);
    expect(detail[2]).toEqual([2, "Sở Tài chính", BK_TINH, 95.5, 2, 7, 8, 87.5, "Xếp hạng 2"]);
    expect(detail[3]).toEqual([3, "Sở Công Thương", BK_TINH, "", "", "", "", "", "Hội nghị quyết định: Hội nghị thống nhất"]);
    expect(wb.getWorksheet(DETAIL_SHEET)!.getCell("H3").numFmt).toBe("0.00");
  });

  it("stores text beginning with '=' as text, never as a formula", async () => {
    const wb = await reread(await listXlsx([proposal({ unit: "=1+2", award: "+Bằng khen" })], {}));
    const ws = wb.getWorksheet(LIST_SHEET)!;
    for (const addr of ["C2", "F2"]) {
      const cell = ws.getCell(addr);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeFalsy();
      expect(cell.numFmt).toBe("@");
    }
    expect(ws.getCell("C2").value).toBe("=1+2");
    expect(ws.getCell("F2").value).toBe("+Bằng khen");
  });

  it("keeps Vietnamese text NFC in the file", async () => {
    const wb = await reread(await listXlsx([proposal({ unit: "Sở Nông nghiệp và Môi trường".normalize("NFD"), award: CO_TINH })], {}));
    const v = wb.getWorksheet(LIST_SHEET)!.getCell("C2").value as string;
    expect(v).toBe("Sở Nông nghiệp và Môi trường".normalize("NFC"));
  });

  it("writes an empty list as the header alone", async () => {
    const wb = await reread(await listXlsx([], {}));
    expect(values(wb.getWorksheet(LIST_SHEET)!)).toEqual([[...IMPORT_COLUMNS]]);
  });
});
