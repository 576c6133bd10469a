import { MemoryHost } from "../../src/host";

describe("snapshot and inspection", () => {
  test("snapshot lists sheets with used range, non-empty or formatted cells, merges, sizes, flags and names", async () => {
    const host = new MemoryHost();
    await host.run(async (ctx) => {
      const k = ctx.workbook.worksheets.add("Khối");
      k.getRange("A1:B1").values = [["Tiêu chí", 10]];
      k.getRange("A1").format.font.bold = true;
      k.getRange("C3").format.fill.color = "#FFFF00";
      k.getRange("B2").formulas = [["=B1*2"]];
      k.getRange("B1:B2").numberFormat = [["0.00"], ["0.00"]];
      k.getRange("A5:B5").merge();
      k.getRange("A:A").format.columnWidth = 200;
      k.getRange("2:2").format.rowHeight = 24;
      k.getRange("B1").format.protection.locked = false;
      k.getRange("B1").dataValidation.rule = { list: { inCellDropDown: true, source: "5,10,15" } };
      k.tabColor = "#00B050";
      k.freezePanes.freezeRows(1);
      k.protection.protect();
      ctx.workbook.names.add("Tong", "=Khối!$B$2");
      k.activate();
      k.getRange("B2").select();
    });
    const snap = host.snapshot();
    expect(snap.activeSheet).toBe("Khối");
    expect(snap.selection).toEqual({ sheet: "Khối", address: "B2" });
    expect(snap.names).toEqual([{ name: "Tong", formula: "=Khối!$B$2", comment: "", visible: true }]);
    expect(snap.sheets.map((s) => s.name)).toEqual(["Sheet1", "Khối"]);
    const k = snap.sheets[1];
    expect(k).toMatchObject({
      position: 1,
      visibility: "Visible",
      usedRange: "A1:C3",
      merges: ["A5:B5"],
      columnWidths: { A: 200 },
      rowHeights: { 2: 24 },
      protected: true,
      tabColor: "#00B050",
      freeze: { rows: 1, columns: 0 },
      showGridlines: true,
      defaultColumnWidth: 48,
      defaultRowHeight: 15,
    });
    const cells = Object.fromEntries(k.cells.map((c) => [c.address, c]));
    expect(Object.keys(cells).sort()).toEqual(["A1", "B1", "B2", "C3"]);
    expect(cells.A1).toMatchObject({ value: "Tiêu chí", formula: null, text: "Tiêu chí", format: { bold: true }, locked: true });
    expect(cells.B2).toMatchObject({ value: 20, formula: "=B1*2", text: "20.00", format: { numberFormat: "0.00" } });
    expect(cells.B1.locked).toBe(false);
    expect(cells.C3.format.fill).toBe("#FFFF00");
    expect(k.validations).toEqual([
      { range: "B1", type: "List", prompt: { message: "", showPrompt: false, title: "" }, errorAlert: { message: "", showAlert: true, style: "Stop", title: "" }, listItems: ["5", "10", "15"] },
    ]);
    expect(snap.sheets[0].cells).toEqual([]);
    expect(snap.sheets[0].usedRange).toBeNull();
  });

  test("snapshot marks cells that break their validation", async () => {
    const host = new MemoryHost();
    await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      s.getRange("A1:A2").dataValidation.rule = { wholeNumber: { formula1: 1, formula2: 5, operator: "Between" } };
      s.getRange("A1:A2").values = [[3], [9]];
    });
    const cells = host.snapshot().sheets[0].cells;
    expect(cells.map((c) => [c.address, c.invalid ?? false])).toEqual([
      ["A1", false],
      ["A2", true],
    ]);
  });

  test("cell() reports value, formula, format and locked", async () => {
    const host = new MemoryHost();
    await host.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("D4");
      r.formulas = [["=1/4"]];
      r.numberFormat = [["0%"]];
      r.format.font.italic = true;
      r.format.horizontalAlignment = "Right";
    });
    expect(host.cell("Sheet1", "D4")).toEqual({
      value: 0.25,
      formula: "=1/4",
      locked: true,
      format: {
        bold: false,
        italic: true,
        underline: "None",
        strikethrough: false,
        fontColor: "#000000",
        fontSize: 11,
        fontName: "Calibri",
        fill: null,
        hAlign: "Right",
        vAlign: "Bottom",
        wrap: false,
        numberFormat: "0%",
        borders: { top: null, bottom: null, left: null, right: null },
      },
    });
    expect(host.text("Sheet1", "D4")).toEqual([["25%"]]);
    expect(host.cell("Sheet1", "Z99").value).toBeNull();
  });

  test("inspection of a missing sheet throws ItemNotFound", () => {
    const host = new MemoryHost();
    expect(() => host.values("Nope", "A1")).toThrow(expect.objectContaining({ code: "ItemNotFound" }));
  });
});
