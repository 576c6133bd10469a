import { MemoryHost } from "../../src/host";
import { caught } from "./helpers";

describe("defined names", () => {
  test("add from a Range or a formula; read name, formula, type, value, comment, visible", async () => {
    const host = new MemoryHost();
    await host.run(async (ctx) => {
      const k = ctx.workbook.worksheets.add("Khối");
      k.getRange("B4").values = [[7]];
      ctx.workbook.names.add("SoDonVi", k.getRange("B4"), "Số đơn vị");
      ctx.workbook.names.add("HeSo", "=0.5");
      ctx.workbook.names.add("Vung", "='Khối'!$A$1:$C$3");
      const items = ctx.workbook.names.load("items/name, items/formula, items/type, items/value, items/comment, items/visible");
      await ctx.sync();
      expect(items.items.map((n) => [n.name, n.formula, n.type, n.value, n.comment, n.visible])).toEqual([
        ["SoDonVi", "=Khối!$B$4", "Range", "Khối!$B$4", "Số đơn vị", true],
        ["HeSo", "=0.5", "Double", 0.5, "", true],
        ["Vung", "=Khối!$A$1:$C$3", "Range", "Khối!$A$1:$C$3", "", true],
      ]);
    });
    expect(host.names()).toEqual([
      { name: "SoDonVi", formula: "=Khối!$B$4", comment: "Số đơn vị" },
      { name: "HeSo", formula: "=0.5", comment: "" },
      { name: "Vung", formula: "=Khối!$A$1:$C$3", comment: "" },
    ]);
  });

  test("duplicates fail with ItemAlreadyExists; invalid names with InvalidArgument", async () => {
    const host = new MemoryHost();
    await host.run(async (ctx) => void ctx.workbook.names.add("Diem", "=Sheet1!$A$1"));
    expect((await caught(() => host.run(async (ctx) => void ctx.workbook.names.add("DIEM", "=Sheet1!$A$2")))).code).toBe("ItemAlreadyExists");
    for (const bad of ["A1", "1abc", "has space", "R1C1"]) {
      expect((await caught(() => host.run(async (ctx) => void ctx.workbook.names.add(bad, "=1")))).code).toBe("InvalidArgument");
    }
  });

  test("getItem, getItemOrNullObject, getRange, delete", async () => {
    const host = new MemoryHost();
    await host.run(async (ctx) => {
      ctx.workbook.names.add("Diem", "=Sheet1!$A$1:$A$3");
      const r = ctx.workbook.names.getItem("diem").getRange().load("address");
      const none = ctx.workbook.names.getItemOrNullObject("KhongCo");
      const noRange = ctx.workbook.names.add("Hang", "=42").getRangeOrNullObject();
      await ctx.sync();
      expect(r.address).toBe("Sheet1!A1:A3");
      expect(none.isNullObject).toBe(true);
      expect(noRange.isNullObject).toBe(true);
      ctx.workbook.names.getItem("Diem").delete();
      const count = ctx.workbook.names.getCount();
      await ctx.sync();
      expect(count.value).toBe(1);
      ctx.workbook.names.getItem("Diem").load("name");
      await expect(ctx.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    });
  });

  test("names follow row insertion and deletion, and sheet renames", async () => {
    const host = new MemoryHost();
    await host.run(async (ctx) => {
      const k = ctx.workbook.worksheets.add("Khối");
      k.getRange("B4").values = [[7]];
      ctx.workbook.names.add("SoDonVi", "='Khối'!$B$4");
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").formulas = [["=SoDonVi*10"]];
    });
    host.userInsertRows("Khối", 1, 2);
    expect(host.names()[0].formula).toBe("=Khối!$B$6");
    expect(host.values("Sheet1", "A1")).toEqual([[70]]);
    host.userDeleteRows("Khối", 1, 1);
    expect(host.names()[0].formula).toBe("=Khối!$B$5");
    host.userRenameSheet("Khối", "Khối thi đua");
    expect(host.names()[0].formula).toBe("='Khối thi đua'!$B$5");
    expect(host.values("Sheet1", "A1")).toEqual([[70]]);
  });

  test("NamedItem.formula can be changed", async () => {
    const host = new MemoryHost();
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:A2").values = [[1], [2]];
      const n = ctx.workbook.names.add("X", "=Sheet1!$A$1");
      ctx.workbook.worksheets.getItem("Sheet1").getRange("B1").formulas = [["=X"]];
      await ctx.sync();
      n.formula = "=Sheet1!$A$2";
    });
    expect(host.values("Sheet1", "B1")).toEqual([[2]]);
  });
});
