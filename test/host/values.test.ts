import { MemoryHost } from "../../src/host";
import { caught } from "./helpers";

async function write(host: MemoryHost, sheet: string, address: string, prop: "values" | "formulas", data: unknown): Promise<void> {
  await host.run(async (ctx) => {
    (ctx.workbook.worksheets.getItem(sheet).getRange(address) as unknown as Record<string, unknown>)[prop] = data;
  });
}

async function read<T>(host: MemoryHost, sheet: string, address: string, prop: string): Promise<T> {
  return host.run(async (ctx) => {
    const r = ctx.workbook.worksheets.getItem(sheet).getRange(address).load(prop);
    await ctx.sync();
    return (r as unknown as Record<string, T>)[prop];
  });
}

describe("values and formulas", () => {
  test("formulas are computed: values read back the result", async () => {
    const host = new MemoryHost();
    await write(host, "Sheet1", "A1:A4", "formulas", [[1], [2], [3], ["=SUM(A1:A3)"]]);
    expect(await read(host, "Sheet1", "A4", "values")).toEqual([[6]]);
    expect(await read(host, "Sheet1", "A4", "formulas")).toEqual([["=SUM(A1:A3)"]]);
    expect(await read(host, "Sheet1", "A1:A4", "formulas")).toEqual([[1], [2], [3], ["=SUM(A1:A3)"]]);
  });

  test("cross-sheet references with Vietnamese sheet names, quoted or not, read back as Excel writes them", async () => {
    const host = new MemoryHost();
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.add("Khối");
      ctx.workbook.worksheets.add("Tổng hợp");
      ctx.workbook.worksheets.getItem("Khối").getRange("B4").values = [[42]];
      ctx.workbook.worksheets.getItem("Tổng hợp").getRange("A1").values = [[8]];
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:A3").formulas = [["='Khối'!B4"], ["=Khối!B4*2"], ["='Tổng hợp'!A1+1"]];
    });
    expect(host.values("Sheet1", "A1:A3")).toEqual([[42], [84], [9]]);
    expect(host.formulas("Sheet1", "A1:A3")).toEqual([["=Khối!B4"], ["=Khối!B4*2"], ["='Tổng hợp'!A1+1"]]);
  });

  test("defined names resolve inside formulas", async () => {
    const host = new MemoryHost();
    await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      s.getRange("B2").values = [[10]];
      ctx.workbook.names.add("DiemChuan", s.getRange("B2"));
      s.getRange("C1").formulas = [["=DiemChuan*2"]];
    });
    expect(host.values("Sheet1", "C1")).toEqual([[20]]);
  });

  test('a string starting with "=" written to values is a formula, like typing', async () => {
    const host = new MemoryHost();
    await write(host, "Sheet1", "A1:B1", "values", [[2, "=A1*10"]]);
    expect(host.values("Sheet1", "B1")).toEqual([[20]]);
    expect(host.cell("Sheet1", "B1").formula).toBe("=A1*10");
  });

  test("an apostrophe prefix stores the rest as text", async () => {
    const host = new MemoryHost();
    await write(host, "Sheet1", "A1:C1", "values", [["'=abc", "'123", "'TRUE"]]);
    expect(host.values("Sheet1", "A1:C1")).toEqual([["=abc", "123", "TRUE"]]);
    expect(host.cell("Sheet1", "A1").formula).toBeNull();
  });

  test("numbers, booleans and text are recognised in strings as Excel does; leading +/- makes a formula", async () => {
    const host = new MemoryHost();
    await write(host, "Sheet1", "A1:F1", "values", [["12", "1.5", "true", "Khen thưởng", "50%", "-A1"]]);
    expect(host.values("Sheet1", "A1:F1")).toEqual([[12, 1.5, true, "Khen thưởng", 0.5, -12]]);
    expect(host.cell("Sheet1", "E1").format.numberFormat).toBe("0%");
    expect(host.cell("Sheet1", "F1").formula).toBe("=-A1");
  });

  test('cells formatted as Text ("@") keep what is written as text', async () => {
    const host = new MemoryHost();
    await host.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B1");
      r.numberFormat = [["@", "@"]];
      r.values = [["=1+1", "007"]];
    });
    expect(host.values("Sheet1", "A1:B1")).toEqual([["=1+1", "007"]]);
  });

  test("a single value fills every cell of the range", async () => {
    const host = new MemoryHost();
    await write(host, "Sheet1", "A1:B2", "values", 7);
    expect(host.values("Sheet1", "A1:B2")).toEqual([
      [7, 7],
      [7, 7],
    ]);
  });

  test("an array of the wrong size fails with InvalidArgument", async () => {
    const host = new MemoryHost();
    const e = await caught(() => write(host, "Sheet1", "A1:B2", "values", [[1, 2]]));
    expect(e.code).toBe("InvalidArgument");
    const e2 = await caught(() => write(host, "Sheet1", "A1:B2", "values", [[1, 2], [3]]));
    expect(e2.code).toBe("InvalidArgument");
  });

  test("null leaves a cell unchanged; an empty string clears it", async () => {
    const host = new MemoryHost();
    await write(host, "Sheet1", "A1:C1", "values", [[1, 2, 3]]);
    await write(host, "Sheet1", "A1:C1", "values", [[null, "", 9]]);
    expect(host.values("Sheet1", "A1:C1")).toEqual([[1, "", 9]]);
  });

  test("empty cells read as empty strings; errors read as their Excel strings", async () => {
    const host = new MemoryHost();
    await write(host, "Sheet1", "A1:E1", "formulas", [["=1/0", "=NoSuchName", "=NoSuchFn(1)", '="a"+1', "=A5"]]);
    await write(host, "Sheet1", "A2", "formulas", [["=Sheet1!A1:A2 Sheet1!B1:B2"]]).catch(() => undefined);
    expect(host.values("Sheet1", "A1:E1")).toEqual([["#DIV/0!", "#NAME?", "#NAME?", "#VALUE!", 0]]);
    expect(host.values("Sheet1", "F9")).toEqual([[""]]);
    expect(await read(host, "Sheet1", "A1:B1", "valueTypes")).toEqual([["Error", "Error"]]);
  });

  test("#REF! after deleting what a formula points to", async () => {
    const host = new MemoryHost();
    await write(host, "Sheet1", "A1:A2", "formulas", [[5], ["=A1*2"]]);
    host.userDeleteRows("Sheet1", 1, 1);
    expect(host.values("Sheet1", "A1")).toEqual([["#REF!"]]);
  });

  test("an invalid formula fails the write with InvalidArgument", async () => {
    const host = new MemoryHost();
    const e = await caught(() => write(host, "Sheet1", "A1", "formulas", [["=SUM((A1"]]));
    expect(e.code).toBe("InvalidArgument");
    expect(host.values("Sheet1", "A1")).toEqual([[""]]);
  });

  test("bare TRUE and FALSE work in formulas", async () => {
    const host = new MemoryHost();
    await write(host, "Sheet1", "A1:B1", "formulas", [["=IF(TRUE,1,2)", "=AND(TRUE,FALSE)"]]);
    expect(host.values("Sheet1", "A1:B1")).toEqual([[1, false]]);
    expect(host.formulas("Sheet1", "A1:B1")).toEqual([["=IF(TRUE,1,2)", "=AND(TRUE,FALSE)"]]);
  });

  test("COUNTIF/COUNTIFS ranks (no RANK.EQ needed) and text functions compute", async () => {
    const host = new MemoryHost();
    await write(host, "Sheet1", "A1:B3", "formulas", [
      [90, "=COUNTIF($A$1:$A$3,\">\"&A1)+1"],
      [95, "=COUNTIF($A$1:$A$3,\">\"&A2)+1"],
      [80, "=COUNTIF($A$1:$A$3,\">\"&A3)+1"],
    ]);
    expect(host.values("Sheet1", "B1:B3")).toEqual([[2], [1], [3]]);
    await write(host, "Sheet1", "C1", "formulas", [['=UPPER("đạt")&" "&ROUND(2/3,2)']]);
    expect(host.values("Sheet1", "C1")).toEqual([["ĐẠT 0.67"]]);
  });

  test("text comparisons ignore case but not accents, as Excel's (LibreOffice agrees)", async () => {
    const host = new MemoryHost();
    await write(host, "Sheet1", "A1:A3", "values", [["Đạt"], ["Hợp lệ"], ["x"]]);
    await write(host, "Sheet1", "B1:B6", "formulas", [
      ['="a"="á"'],
      ['="A"="a"'],
      ['=COUNTIF(A1:A3,"Dat")'],
      ['=COUNTIF(A1:A3,"đạt")'],
      ['=ISNA(MATCH("hop le",A1:A3,0))'],
      ['=MATCH("HỢP LỆ",A1:A3,0)'],
    ]);
    expect(host.values("Sheet1", "B1:B6")).toEqual([[false], [true], [0], [1], [true], [2]]);
    // MATCH(..., 0): wildcards ("?", "*", "~" escapes), numbers and booleans by value; approximate types unchanged.
    await write(host, "Sheet1", "C1:C4", "values", [[10], [20], [true], ["a*b"]]);
    await write(host, "Sheet1", "D1:D7", "formulas", [
      ['=MATCH("h?p*",A1:A3,0)'],
      ['=MATCH("a~*b",C1:C4,0)'],
      ["=MATCH(20,C1:C4,0)"],
      ["=MATCH(TRUE,C1:C4,0)"],
      ['=ISNA(MATCH("20",C1:C4,0))'],
      ["=MATCH(15,C1:C2,1)"],
      ["=MATCH(15,C1:C2)"],
    ]);
    expect(host.values("Sheet1", "D1:D7")).toEqual([[2], [4], [2], [3], [true], [1], [1]]);
  });

  test("numberFormat: default General, set as a 2-D array or a single value; text uses it", async () => {
    const host = new MemoryHost();
    expect(await read(host, "Sheet1", "A1:B1", "numberFormat")).toEqual([["General", "General"]]);
    await host.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B1");
      r.values = [[1234.5, 0.25]];
      r.numberFormat = [["#,##0.00", "0%"]];
    });
    expect(await read(host, "Sheet1", "A1:B1", "numberFormat")).toEqual([["#,##0.00", "0%"]]);
    expect(await read(host, "Sheet1", "A1:B1", "text")).toEqual([["1,234.50", "25%"]]);
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B1").numberFormat = "0.0" as unknown as string[][];
    });
    expect(await read(host, "Sheet1", "A1:B1", "text")).toEqual([["1234.5", "0.3"]]);
  });

  test("valueTypes", async () => {
    const host = new MemoryHost();
    await write(host, "Sheet1", "A1:D1", "values", [[1, "x", true, ""]]);
    expect(await read(host, "Sheet1", "A1:D1", "valueTypes")).toEqual([["Double", "String", "Boolean", "Empty"]]);
  });

  test("non-finite numbers and objects are refused by the host's own proxies", async () => {
    const host = new MemoryHost({ client: null });
    expect((await caught(() => write(host, "Sheet1", "A1", "values", [[NaN]]))).code).toBe("InvalidArgument");
    expect((await caught(() => write(host, "Sheet1", "A1", "values", [[{}]]))).code).toBe("InvalidArgument");
  });

  // office.js serialises the request with JSON.stringify, so NaN travels as null, and a null in a 2-D
  // array leaves its cell unchanged ("Blank and null values in Excel add-ins", docs/excel/excel-add-ins-blank-null-values.md).
  test("through office.js, NaN arrives as null and leaves the cell as it was", async () => {
    const host = new MemoryHost();
    await write(host, "Sheet1", "A1", "values", [[5]]);
    await write(host, "Sheet1", "A1", "values", [[NaN]]);
    expect(host.values("Sheet1", "A1")).toEqual([[5]]);
    expect((await caught(() => write(host, "Sheet1", "A1", "values", [[{}]]))).code).toBe("InvalidArgument");
  });

  test("application.calculate and suspendApiCalculationUntilNextSync are accepted", async () => {
    const host = new MemoryHost();
    await host.run(async (ctx) => {
      ctx.workbook.application.suspendApiCalculationUntilNextSync();
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:A2").formulas = [[2], ["=A1^2"]];
      ctx.workbook.application.calculate("Full"); // string literals: there is no Excel global outside Office
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A2").load("values");
      await ctx.sync();
      expect(r.values).toEqual([[4]]);
    });
  });
});
