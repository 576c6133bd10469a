import { MemoryHost } from "../../src/host";
import { caught } from "./helpers";

describe("conditional formats", () => {
  test("add Custom, set rule formula and format; stored and listed", async () => {
    const host = new MemoryHost();
    await host.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("C5:D20");
      const cf = r.conditionalFormats.add("Custom");
      cf.custom.rule.formula = '=AND($C5<>"",$D5>$C5)';
      cf.custom.format.fill.color = "#FFC7CE";
      cf.custom.format.font.color = "#9C0006";
      cf.custom.format.font.bold = true;
      const count = r.conditionalFormats.getCount();
      cf.load("id, type, priority");
      cf.custom.rule.load("formula");
      await ctx.sync();
      expect(count.value).toBe(1);
      expect(cf.type).toBe("Custom");
      expect(cf.priority).toBe(0);
      expect(cf.custom.rule.formula).toBe('=AND($C5<>"",$D5>$C5)');
    });
    expect(host.conditionalFormats("Sheet1")).toEqual([
      { range: "C5:D20", formula: '=AND($C5<>"",$D5>$C5)', format: { fill: "#FFC7CE", fontColor: "#9C0006", bold: true }, priority: 0, stopIfTrue: false },
    ]);
  });

  test("the snapshot can evaluate conditional formats per cell", async () => {
    const host = new MemoryHost();
    await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      s.getRange("C5:D6").values = [[1, 2], [3, 1]];
      const cf = s.getRange("C5:D6").conditionalFormats.add("Custom");
      cf.custom.rule.formula = "=$D5>$C5";
      cf.custom.format.fill.color = "red";
    });
    const cells = host.snapshot({ conditionalFormats: true }).sheets[0].cells;
    const byAddr = Object.fromEntries(cells.map((c) => [c.address, c.conditional?.fill ?? null]));
    expect(byAddr).toEqual({ C5: "#FF0000", D5: "#FF0000", C6: null, D6: null });
  });

  test("items, getItemAt and clearAll on the range", async () => {
    const host = new MemoryHost();
    await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      s.getRange("A1:A10").conditionalFormats.add("Custom").custom.rule.formula = "=A1>1";
      s.getRange("B1:B10").conditionalFormats.add("Custom").custom.rule.formula = "=B1>2";
      const all = s.getRange("A1:B10").conditionalFormats.load("items/type, items/priority");
      const first = s.getRange("A1:B10").conditionalFormats.getItemAt(0).custom.rule.load("formula");
      await ctx.sync();
      expect(all.items.map((i) => [i.type, i.priority])).toEqual([
        ["Custom", 0],
        ["Custom", 1],
      ]);
      expect(first.formula).toBe("=B1>2"); // the newest is at the top priority
      s.getRange("A1:A10").conditionalFormats.clearAll();
      const n = s.getRange("A1:B10").conditionalFormats.getCount();
      await ctx.sync();
      expect(n.value).toBe(1);
    });
    expect(host.conditionalFormats("Sheet1").map((c) => c.range)).toEqual(["B1:B10"]);
  });

  test("an invalid formula fails with InvalidArgument; other types are not implemented by the host", async () => {
    const host = new MemoryHost();
    const e = await caught(() =>
      host.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").conditionalFormats.add("Custom").custom.rule.formula = "=AND(";
      }),
    );
    expect(e.code).toBe("InvalidArgument");
    const e2 = await caught(() => host.run(async (ctx) => void ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").conditionalFormats.add("DataBar")));
    expect(e2.code).toBe("NotImplemented");
  });

  test("conditional formats follow inserted rows", async () => {
    const host = new MemoryHost();
    await host.run(async (ctx) => {
      const cf = ctx.workbook.worksheets.getItem("Sheet1").getRange("C5:D20").conditionalFormats.add("Custom");
      cf.custom.rule.formula = "=$D5>$C$1";
    });
    host.userInsertRows("Sheet1", 2, 3);
    expect(host.conditionalFormats("Sheet1")[0]).toMatchObject({ range: "C8:D23", formula: "=$D8>$C$1" });
  });
});
