import { MemoryHost } from "../../src/host";
import { caught, caughtSync } from "./helpers";

describe("proxies, load() and sync()", () => {
  test("reading a property that was not loaded throws PropertyNotLoaded synchronously", async () => {
    const host = new MemoryHost();
    await host.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1");
      const e = caughtSync(() => r.values);
      expect(e.name).toBe("RichApi.Error");
      expect(e.code).toBe("PropertyNotLoaded");
      expect(e.debugInfo.errorLocation).toBe("Range.values");
      // load() alone is not enough: the value arrives with the sync
      r.load("values");
      expect(caughtSync(() => r.values).code).toBe("PropertyNotLoaded");
      await ctx.sync();
      expect(r.values).toEqual([[""]]);
      // a property not named in load() is still unavailable
      expect(caughtSync(() => r.address).code).toBe("PropertyNotLoaded");
    });
  });

  test("load accepts a string, an array, { select } and nested paths", async () => {
    const host = new MemoryHost();
    await host.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1").format.font.bold = true;
      const a = sheet.getRange("A1").load("values, address");
      const b = sheet.getRange("A1").load(["rowIndex", "columnCount"]);
      const c = sheet.getRange("A1").load({ select: "rowCount, format/font/bold" });
      const d = sheet.getRange("A1").load("format/font/bold, format/fill/color");
      const e = sheet.getRange("A1").load({ format: { font: { italic: true } }, address: true });
      await ctx.sync();
      expect(a.address).toBe("Sheet1!A1");
      expect(b.rowIndex).toBe(0);
      expect(b.columnCount).toBe(1);
      expect(c.rowCount).toBe(1);
      expect(c.format.font.bold).toBe(true);
      expect(d.format.font.bold).toBe(true);
      expect(d.format.fill.color).toBe("#FFFFFF");
      expect(e.format.font.italic).toBe(false);
      expect(e.address).toBe("Sheet1!A1");
      expect(caughtSync(() => d.format.font.size).code).toBe("PropertyNotLoaded");
    });
  });

  test("collections: items after load('items/name'), and load('name') applies to the items", async () => {
    const host = new MemoryHost();
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.add("Khối");
      const sheets = ctx.workbook.worksheets;
      expect(caughtSync(() => sheets.items).code).toBe("PropertyNotLoaded");
      sheets.load("items/name");
      await ctx.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(["Sheet1", "Khối"]);
      expect(caughtSync(() => sheets.items[0].position).code).toBe("PropertyNotLoaded");
      const again = ctx.workbook.worksheets.load("name, position");
      await ctx.sync();
      expect(again.items.map((s) => [s.name, s.position])).toEqual([
        ["Sheet1", 0],
        ["Khối", 1],
      ]);
    });
  });

  test("loaded values are a snapshot as of their place in the batch", async () => {
    const host = new MemoryHost();
    await host.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1").values = [[1]];
      const before = sheet.getRange("A1").load("values");
      sheet.getRange("A1").values = [[2]]; // queued after the load
      const after = sheet.getRange("A1").load("values");
      await ctx.sync();
      expect(before.values).toEqual([[1]]);
      expect(after.values).toEqual([[2]]);
      host.userEdit("Sheet1", "A1", 3);
      expect(after.values).toEqual([[2]]); // not live
    });
  });

  test("a property set on a proxy reads back the set value before the sync (office.js keeps it locally)", async () => {
    const host = new MemoryHost();
    await host.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1");
      r.values = [[7]];
      expect(r.values).toEqual([[7]]);
      expect(host.values("Sheet1", "A1")).toEqual([[""]]);
    });
    expect(host.values("Sheet1", "A1")).toEqual([[7]]);
  });

  test("ClientResult.value is available only after sync", async () => {
    const host = new MemoryHost();
    await host.run(async (ctx) => {
      const count = ctx.workbook.worksheets.getCount();
      expect(caughtSync(() => count.value).code).toBe("ValueNotLoaded");
      await ctx.sync();
      expect(count.value).toBe(1);
    });
  });

  test("isNullObject is known after sync without load; properties of a null object read as undefined", async () => {
    const host = new MemoryHost();
    await host.run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject("Nope");
      const present = ctx.workbook.worksheets.getItemOrNullObject("sheet1");
      expect(caughtSync(() => missing.isNullObject).code).toBe("PropertyNotLoaded");
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
      missing.load("name");
      await ctx.sync();
      expect(missing.name).toBeUndefined();
      // actions on a null object are ignored
      missing.getRange("A1").values = [[1]];
      await ctx.sync();
    });
  });

  test("set() sets several properties, including through navigation properties", async () => {
    const host = new MemoryHost();
    await host.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("B2");
      r.set({ values: [[5]], numberFormat: [["0.00"]], format: { font: { bold: true, color: "red" }, fill: { color: "#ffff00" } } });
      await ctx.sync();
    });
    const c = host.cell("Sheet1", "B2");
    expect(c.value).toBe(5);
    expect(c.format).toMatchObject({ bold: true, fontColor: "#FF0000", fill: "#FFFF00", numberFormat: "0.00" });
  });

  test("toJSON returns the loaded properties", async () => {
    const host = new MemoryHost();
    await host.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B1").load("address, format/font/bold");
      await ctx.sync();
      expect(JSON.parse(JSON.stringify(r))).toEqual({ address: "Sheet1!A1:B1", format: { font: { bold: false } } });
    });
  });

  test("loading an unknown property fails the sync", async () => {
    const host = new MemoryHost();
    const e = await caught(() =>
      host.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").load("valeus");
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("InvalidArgument");
  });

  test("read-only properties can't be assigned", async () => {
    const host = new MemoryHost();
    await host.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1");
      expect(() => {
        (r as unknown as { address: string }).address = "B2";
      }).toThrow(TypeError);
    });
  });
});
