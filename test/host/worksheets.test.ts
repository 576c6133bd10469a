import { MemoryHost } from "../../src/host";
import { caught } from "./helpers";

describe("worksheets", () => {
  test("a new host is a blank workbook with Sheet1", () => {
    expect(new MemoryHost().sheetNames()).toEqual(["Sheet1"]);
  });

  test("add: appended in order; duplicates (case-insensitive) fail with ItemAlreadyExists", async () => {
    const host = new MemoryHost();
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.add("Khối");
      ctx.workbook.worksheets.add("Điểm");
    });
    expect(host.sheetNames()).toEqual(["Sheet1", "Khối", "Điểm"]);
    const e = await caught(() => host.run(async (ctx) => void ctx.workbook.worksheets.add("khối")));
    expect(e.code).toBe("ItemAlreadyExists");
    expect(e.debugInfo.errorLocation).toBe("WorksheetCollection.add");
  });

  test("add without a name picks the next SheetN", async () => {
    const host = new MemoryHost();
    const name = await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.add().load("name");
      await ctx.sync();
      return s.name;
    });
    expect(name).toBe("Sheet2");
  });

  test.each(["a".repeat(32), "Bad/Name", "Bad:Name", "Bad[1]", "What?", "Star*", "Back\\slash", "'quoted'"])("invalid name %j fails with InvalidArgument", async (name) => {
    const host = new MemoryHost();
    const e = await caught(() => host.run(async (ctx) => void ctx.workbook.worksheets.add(name)));
    expect(e.code).toBe("InvalidArgument");
  });

  test("getItem is case-insensitive; a missing sheet fails at sync with ItemNotFound", async () => {
    const host = new MemoryHost();
    await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("SHEET1").load("name");
      await ctx.sync();
      expect(s.name).toBe("Sheet1");
      const missing = ctx.workbook.worksheets.getItem("Nope"); // no error yet
      missing.load("name");
      await expect(ctx.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    });
  });

  test("getActiveWorksheet, activate, position, visibility", async () => {
    const host = new MemoryHost();
    await host.run(async (ctx) => {
      const b = ctx.workbook.worksheets.add("B");
      ctx.workbook.worksheets.add("C");
      b.activate();
      b.position = 0;
      ctx.workbook.worksheets.getItem("C").visibility = "Hidden";
      const active = ctx.workbook.worksheets.getActiveWorksheet().load("name, position, visibility");
      const c = ctx.workbook.worksheets.getItem("C").load("visibility");
      await ctx.sync();
      expect(active.name).toBe("B");
      expect(active.position).toBe(0);
      expect(c.visibility).toBe("Hidden");
    });
    expect(host.sheetNames()).toEqual(["B", "Sheet1", "C"]);
    expect(host.activeSheet()).toBe("B");
  });

  test("the last visible sheet can't be hidden or deleted", async () => {
    const host = new MemoryHost();
    const e = await caught(() => host.run(async (ctx) => void (ctx.workbook.worksheets.getItem("Sheet1").visibility = "Hidden")));
    expect(e.code).toBe("InvalidOperation");
    const e2 = await caught(() => host.run(async (ctx) => ctx.workbook.worksheets.getItem("Sheet1").delete()));
    expect(e2.code).toBe("InvalidOperation");
  });

  test("renaming a sheet updates formulas that refer to it", async () => {
    const host = new MemoryHost();
    await host.run(async (ctx) => {
      const k = ctx.workbook.worksheets.add("Khối");
      k.getRange("A1").values = [[3]];
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").formulas = [["=Khối!A1+1"]];
    });
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Khối").name = "Khối thi đua";
    });
    expect(host.sheetNames()).toEqual(["Sheet1", "Khối thi đua"]);
    expect(host.formulas("Sheet1", "A1")).toEqual([["='Khối thi đua'!A1+1"]]);
    expect(host.values("Sheet1", "A1")).toEqual([[4]]);
  });

  test("renaming onto an existing name fails", async () => {
    const host = new MemoryHost();
    await host.run(async (ctx) => void ctx.workbook.worksheets.add("A"));
    const e = await caught(() => host.run(async (ctx) => void (ctx.workbook.worksheets.getItem("A").name = "sheet1")));
    expect(e.code).toBe("ItemAlreadyExists");
  });

  test("delete: formulas that referred to the sheet show #REF!; a proxy to it no longer resolves", async () => {
    const host = new MemoryHost();
    await host.run(async (ctx) => {
      const k = ctx.workbook.worksheets.add("K");
      k.getRange("A1").values = [[1]];
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").formulas = [["=K!A1"]];
      await ctx.sync();
      k.delete();
      await ctx.sync();
      k.load("name");
      await expect(ctx.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    });
    expect(host.sheetNames()).toEqual(["Sheet1"]);
    expect(host.values("Sheet1", "A1")).toEqual([["#REF!"]]);
  });

  test("tabColor, showGridlines, freeze panes", async () => {
    const host = new MemoryHost();
    await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      s.tabColor = "#1f4e79";
      s.showGridlines = false;
      s.freezePanes.freezeRows(3);
      const loc = s.freezePanes.getLocationOrNullObject().load("address");
      s.load("tabColor, showGridlines");
      await ctx.sync();
      expect(s.tabColor).toBe("#1F4E79");
      expect(s.showGridlines).toBe(false);
      expect(loc.address).toBe("Sheet1!1:3");
      s.freezePanes.freezeAt(s.getRange("A1:B4"));
      await ctx.sync();
      expect(host.freeze("Sheet1")).toEqual({ rows: 4, columns: 2 });
      s.freezePanes.unfreeze();
      const none = s.freezePanes.getLocationOrNullObject();
      await ctx.sync();
      expect(none.isNullObject).toBe(true);
    });
  });

  test("getRange forms: no address, cells, columns, rows, a defined name", async () => {
    const host = new MemoryHost();
    await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      ctx.workbook.names.add("Vung", "=Sheet1!$B$2:$C$3");
      const ranges = ["", "A1", "A1:D9", "$B$2", "A:A", "B:D", "1:3", "Vung"].map((a) => (a ? s.getRange(a) : s.getRange()).load("address, rowCount, columnCount"));
      await ctx.sync();
      expect(ranges.map((r) => r.address)).toEqual([
        "Sheet1!1:1048576",
        "Sheet1!A1",
        "Sheet1!A1:D9",
        "Sheet1!B2",
        "Sheet1!A:A",
        "Sheet1!B:D",
        "Sheet1!1:3",
        "Sheet1!B2:C3",
      ]);
      expect(ranges[4].rowCount).toBe(1048576);
      expect(ranges[6].columnCount).toBe(16384);
      s.getRange("A0").load("address");
      await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    });
  });

  test("getRangeByIndexes and getCell", async () => {
    const host = new MemoryHost();
    await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      const a = s.getRangeByIndexes(1, 2, 3, 4).load("address");
      const b = s.getCell(4, 1).load("address");
      await ctx.sync();
      expect(a.address).toBe("Sheet1!C2:F4");
      expect(b.address).toBe("Sheet1!B5");
    });
  });

  test("used range: A1 on a blank sheet; null object with getUsedRangeOrNullObject; valuesOnly ignores formats", async () => {
    const host = new MemoryHost();
    await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      const blank = s.getUsedRange().load("address");
      const none = s.getUsedRangeOrNullObject();
      await ctx.sync();
      expect(blank.address).toBe("Sheet1!A1");
      expect(none.isNullObject).toBe(true);
      s.getRange("B2:C3").values = [[1, 2], [3, 4]];
      s.getRange("E7").format.fill.color = "yellow";
      const used = s.getUsedRange().load("address");
      const usedValues = s.getUsedRange(true).load("address");
      await ctx.sync();
      expect(used.address).toBe("Sheet1!B2:E7");
      expect(usedValues.address).toBe("Sheet1!B2:C3");
    });
    expect(host.usedRange("Sheet1")).toBe("B2:E7");
    expect(new MemoryHost().usedRange("Sheet1")).toBeNull();
  });

  test("worksheet ids are stable strings and getItem accepts them", async () => {
    const host = new MemoryHost();
    await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1").load("id");
      await ctx.sync();
      const again = ctx.workbook.worksheets.getItem(s.id).load("name");
      await ctx.sync();
      expect(again.name).toBe("Sheet1");
    });
  });
});
