import { MemoryHost } from "../../src/host";
import { caught } from "./helpers";

describe("more API surface", () => {
  test("conditional format objects: getRange, priority, stopIfTrue, delete", async () => {
    const host = new MemoryHost();
    await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      const a = s.getRange("A1:A5").conditionalFormats.add("Custom");
      a.custom.rule.formula = "=A1>1";
      const b = s.getRange("A1:A5").conditionalFormats.add("Custom");
      b.custom.rule.formula = "=A1>2";
      a.priority = 0;
      b.stopIfTrue = true;
      const range = a.getRange().load("address");
      const ranges = b.getRanges().load("address");
      a.load("priority");
      b.load("priority, stopIfTrue");
      await ctx.sync();
      expect(range.address).toBe("Sheet1!A1:A5");
      expect(ranges.address).toBe("Sheet1!A1:A5");
      expect([a.priority, b.priority, b.stopIfTrue]).toEqual([0, 1, true]);
      a.delete();
      await ctx.sync();
      a.load("id");
      await expect(ctx.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    });
    expect(host.conditionalFormats("Sheet1").map((c) => c.formula)).toEqual(["=A1>2"]);
  });

  test("getInvalidCells throws ItemNotFound when every value is valid", async () => {
    const host = new MemoryHost();
    const e = await caught(() =>
      host.run(async (ctx) => {
        const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:A3");
        r.dataValidation.rule = { wholeNumber: { formula1: 0, operator: "GreaterThanOrEqualTo" } };
        r.dataValidation.getInvalidCells().load("address");
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("ItemNotFound");
  });

  test("validation with cell-reference bounds, date rules and partial alert updates", async () => {
    const host = new MemoryHost();
    await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      s.getRange("Z1").values = [[10]];
      s.getRange("A1:A3").dataValidation.rule = { decimal: { formula1: "=$Z$1", operator: "LessThan" } };
      s.getRange("B1:B2").dataValidation.rule = { date: { formula1: "2024-01-01", formula2: "2024-12-31", operator: "Between" } };
      s.getRange("A1:A3").values = [[5], [15], [9.99]];
      s.getRange("B1:B2").values = [[45400], [46000]];
      s.getRange("A1:A3").dataValidation.errorAlert = { title: "Chỉ tiêu" } as Excel.DataValidationErrorAlert;
    });
    expect(host.invalidCells("Sheet1")).toEqual(["A2", "B2"]);
    expect(host.validation("Sheet1", "A1")?.errorAlert).toEqual({ message: "", showAlert: true, style: "Stop", title: "Chỉ tiêu" });
    host.userEdit("Sheet1", "Z1", 20);
    expect(host.invalidCells("Sheet1")).toEqual(["B2"]);
  });

  test("worksheet collection helpers", async () => {
    const host = new MemoryHost();
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.add("B");
      ctx.workbook.worksheets.add("C").visibility = "Hidden";
      const first = ctx.workbook.worksheets.getFirst().load("name");
      const last = ctx.workbook.worksheets.getLast().load("name");
      const lastVisible = ctx.workbook.worksheets.getLast(true).load("name");
      const all = ctx.workbook.worksheets.getCount();
      const visible = ctx.workbook.worksheets.getCount(true);
      await ctx.sync();
      expect([first.name, last.name, lastVisible.name, all.value, visible.value]).toEqual(["Sheet1", "C", "B", 3, 2]);
    });
  });

  test("application.calculationMode and workbook.getActiveCell", async () => {
    const host = new MemoryHost();
    await host.run(async (ctx) => {
      const app = ctx.workbook.application.load("calculationMode");
      ctx.workbook.worksheets.getItem("Sheet1").getRange("C3:D4").select();
      const cell = ctx.workbook.getActiveCell().load("address");
      await ctx.sync();
      expect(app.calculationMode).toBe("Automatic");
      expect(cell.address).toBe("Sheet1!C3");
    });
  });

  test("names: visible and comment are writable", async () => {
    const host = new MemoryHost();
    await host.run(async (ctx) => {
      const n = ctx.workbook.names.add("An", "=1");
      n.visible = false;
      n.comment = "ghi chú";
      n.load("visible, comment, scope");
      await ctx.sync();
      expect([n.visible, n.comment, n.scope]).toEqual([false, "ghi chú", "Workbook"]);
    });
  });

  test("rowHidden and columnHidden", async () => {
    const host = new MemoryHost();
    await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      s.getRange("2:3").rowHidden = true;
      s.getRange("B:B").columnHidden = true;
      const rows = s.getRange("A1:A4").load("rowHidden, hidden");
      const hiddenRows = s.getRange("2:3").load("rowHidden");
      const cols = s.getRange("B1").load("columnHidden, hidden, height");
      await ctx.sync();
      expect([rows.rowHidden, rows.hidden, hiddenRows.rowHidden, cols.columnHidden, cols.hidden]).toEqual([null, null, true, true, true]);
    });
    expect(host.snapshot().sheets[0]).toMatchObject({ hiddenRows: [2, 3], hiddenColumns: ["B"] });
  });

  test("range.sort.apply sorts by a key column", async () => {
    const host = new MemoryHost();
    await host.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B4");
      r.values = [["Tên", "Điểm"], ["An", 5], ["Bình", 9], ["Chi", 7]];
      r.sort.apply([{ key: 1, ascending: false }], false, true);
    });
    expect(host.values("Sheet1", "A2:A4")).toEqual([["Bình"], ["Chi"], ["An"]]);
  });

  test("formatting a large range reads back through layers without visiting every cell", async () => {
    const host = new MemoryHost();
    await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      s.getRange("A:C").format.font.bold = true;
      s.getRange("B5").format.font.bold = false;
      const whole = s.getRange("A:C").load("format/font/bold");
      const two = s.getRange("A:A").load("format/font/bold");
      await ctx.sync();
      expect(whole.format.font.bold).toBeNull();
      expect(two.format.font.bold).toBe(true);
    });
  });

  test("numberFormatLocal and formulasLocal mirror the invariant ones", async () => {
    const host = new MemoryHost();
    await host.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1");
      r.formulasLocal = [["=2*3"]];
      r.numberFormatLocal = [["0.0"]];
      r.load("formulas, numberFormat, text");
      await ctx.sync();
      expect([r.formulas, r.numberFormat, r.text]).toEqual([[["=2*3"]], [["0.0"]], [["6.0"]]]);
    });
  });

  test("failAtSync survives resetStats and hits the same upcoming sync", async () => {
    const host = new MemoryHost();
    await host.run(async (ctx) => void (ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]]));
    host.failAtSync(2);
    host.resetStats();
    await host.run(async (ctx) => void (ctx.workbook.worksheets.getItem("Sheet1").getRange("A2").values = [[2]]));
    await expect(host.run(async (ctx) => void (ctx.workbook.worksheets.getItem("Sheet1").getRange("A3").values = [[3]]))).rejects.toMatchObject({ code: "GeneralException" });
    expect(host.values("Sheet1", "A1:A3")).toEqual([[1], [2], [""]]);
  });

  test("a throwing onChange listener does not fail the sync (it is reported instead)", async () => {
    const host = new MemoryHost();
    const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
    host.onChange(() => {
      throw new Error("listener");
    });
    await host.run(async (ctx) => void (ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]]));
    expect(host.values("Sheet1", "A1")).toEqual([[1]]);
    expect(spy).toHaveBeenCalledWith(expect.objectContaining({ message: "listener" }));
    spy.mockRestore();
  });
});

describe("change notifications", () => {
  it("tells listeners when an add-in only selects a cell or activates a sheet (the preview's view follows)", async () => {
    const host = new MemoryHost();
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.add("B");
      await ctx.sync();
    });
    let calls = 0;
    host.onChange(() => calls++);
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("B").getRange("C3").select();
      await ctx.sync();
    });
    expect(host.selection()).toEqual({ sheet: "B", address: "C3" });
    expect(calls).toBe(1);
    await host.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("B").getRange("C3");
      r.load("values");
      await ctx.sync();
    });
    expect(calls).toBe(1);
  });
});
