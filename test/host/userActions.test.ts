import { MemoryHost } from "../../src/host";

async function table(host: MemoryHost): Promise<void> {
  await host.run(async (ctx) => {
    const s = ctx.workbook.worksheets.getItem("Sheet1");
    s.getRange("A1:C1").values = [["Đơn vị", "Điểm", "Hạng"]];
    s.getRange("A2:B4").values = [["Sở A", 80], ["Sở B", 95], ["Sở C", 88]];
    s.getRange("C2:C4").formulas = [["=COUNTIF($B$2:$B$4,\">\"&B2)+1"], ["=COUNTIF($B$2:$B$4,\">\"&B3)+1"], ["=COUNTIF($B$2:$B$4,\">\"&B4)+1"]];
    s.getRange("B5").formulas = [["=SUM(B2:B4)"]];
    s.getRange("A3:C3").format.fill.color = "#FFFF00";
    s.getRange("B2:B4").format.protection.locked = false;
  });
}

describe("user actions", () => {
  test("userEdit types like a person: formulas, text prefix, numbers, clearing", () => {
    const host = new MemoryHost();
    host.userEdit("Sheet1", "A1", "5");
    host.userEdit("Sheet1", "A2", "=A1*2");
    host.userEdit("Sheet1", "A3", "'=A1");
    host.userEdit("Sheet1", "A4", true);
    expect(host.values("Sheet1", "A1:A4")).toEqual([[5], [10], ["=A1"], [true]]);
    host.userEdit("Sheet1", "A1", null);
    expect(host.cell("Sheet1", "A1").value).toBeNull();
    expect(host.values("Sheet1", "A2")).toEqual([[0]]);
  });

  test("userInsertRows shifts cells, formats, formulas and takes the format of the row above", async () => {
    const host = new MemoryHost();
    await table(host);
    host.userInsertRows("Sheet1", 4, 1); // between "Sở B" (row 3) and "Sở C" (row 4)
    expect(host.values("Sheet1", "A5:B6")).toEqual([["Sở C", 88], ["", 263]]);
    expect(host.formulas("Sheet1", "B6")).toEqual([["=SUM(B2:B5)"]]);
    expect(host.formulas("Sheet1", "C5")).toEqual([["=COUNTIF($B$2:$B$5,\">\"&B5)+1"]]);
    expect(host.cell("Sheet1", "A4").format.fill).toBe("#FFFF00"); // "format same as above"
    expect(host.cell("Sheet1", "A3").format.fill).toBe("#FFFF00");
    expect(host.cell("Sheet1", "A5").format.fill).toBeNull();
    expect(host.cell("Sheet1", "B5").locked).toBe(false);
  });

  test("userDeleteRows: references to deleted cells become #REF!, ranges shrink", async () => {
    const host = new MemoryHost();
    await table(host);
    await host.run(async (ctx) => void (ctx.workbook.worksheets.getItem("Sheet1").getRange("D5").formulas = [["=B3"]]));
    host.userDeleteRows("Sheet1", 3, 1);
    expect(host.formulas("Sheet1", "B4")).toEqual([["=SUM(B2:B3)"]]);
    expect(host.values("Sheet1", "D4")).toEqual([["#REF!"]]);
    expect(host.values("Sheet1", "B4")).toEqual([[168]]);
  });

  test("userSortRows moves rows by a key column; formulas in the rows keep pointing at their own row", async () => {
    const host = new MemoryHost();
    await table(host);
    host.userSortRows("Sheet1", "A2:C4", 1, false);
    expect(host.values("Sheet1", "A2:C4")).toEqual([
      ["Sở B", 95, 1],
      ["Sở C", 88, 2],
      ["Sở A", 80, 3],
    ]);
    expect(host.formulas("Sheet1", "C2")).toEqual([["=COUNTIF($B$2:$B$4,\">\"&B2)+1"]]);
    expect(host.cell("Sheet1", "A2").format.fill).toBe("#FFFF00"); // Sở B's row format moved with it
    host.userSortRows("Sheet1", "A2:C4", 0, true);
    expect(host.values("Sheet1", "A2:A4")).toEqual([["Sở A"], ["Sở B"], ["Sở C"]]);
  });

  test("sorting text uses Vietnamese collation, numbers before text, blanks last", () => {
    const host = new MemoryHost();
    host.userPaste("Sheet1", "A1", [["Đông"], [""], ["an"], [3], ["Bắc"], ["Ánh"]]);
    host.userSortRows("Sheet1", "A1:A6", 0, true);
    expect(host.values("Sheet1", "A1:A6")).toEqual([[3], ["an"], ["Ánh"], ["Bắc"], ["Đông"], [""]]);
  });

  test("userRenameSheet updates references; userInsertColumns/userDeleteColumns shift columns", async () => {
    const host = new MemoryHost();
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.add("Điểm").getRange("A1:B1").values = [[1, 2]];
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").formulas = [["=Điểm!B1"]];
    });
    host.userRenameSheet("Điểm", "Điểm 2025");
    expect(host.formulas("Sheet1", "A1")).toEqual([["='Điểm 2025'!B1"]]);
    host.userInsertColumns("Điểm 2025", 1, 1);
    expect(host.formulas("Sheet1", "A1")).toEqual([["='Điểm 2025'!C1"]]);
    host.userDeleteColumns("Điểm 2025", 3, 1);
    expect(host.values("Sheet1", "A1")).toEqual([["#REF!"]]);
  });

  test("merges grow with rows inserted inside them and move with rows inserted above", async () => {
    const host = new MemoryHost();
    await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      s.getRange("A2:A5").merge();
      s.getRange("C10:D10").merge();
    });
    host.userInsertRows("Sheet1", 3, 2);
    expect(host.snapshot().sheets[0].merges).toEqual(["A2:A7", "C12:D12"]);
    host.userDeleteRows("Sheet1", 12, 1);
    expect(host.snapshot().sheets[0].merges).toEqual(["A2:A7"]);
  });
});
