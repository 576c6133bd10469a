import ExcelJS from "exceljs";
import { MemoryHost } from "../../src/host";

async function sample(): Promise<MemoryHost> {
  const host = new MemoryHost();
  await host.run(async (ctx) => {
    const wb = ctx.workbook;
    wb.worksheets.getItem("Sheet1").name = "Hướng dẫn";
    const k = wb.worksheets.add("Khối");
    const t = wb.worksheets.add("Tổng hợp");
    k.tabColor = "#1F4E79";
    k.getRange("A1:D1").values = [["STT", "Đơn vị", "Điểm", "Xếp loại"]];
    k.getRange("A1:D1").format.font.bold = true;
    k.getRange("A1:D1").format.fill.color = "#DDEBF7";
    k.getRange("A1:D1").format.horizontalAlignment = "Center";
    k.getRange("A1:D1").format.wrapText = true;
    k.getRange("A2:C4").values = [[1, "Sở Tư pháp", 92.5], [2, "Sở Y tế", 88], [3, "'=không phải công thức", 70]];
    k.getRange("D2:D4").formulas = [['=IF(C2>=90,"Xuất sắc","Tốt")'], ['=IF(C3>=90,"Xuất sắc","Tốt")'], ['=IF(C4>=90,"Xuất sắc","Tốt")']];
    k.getRange("C2:C4").numberFormat = [["0.0"], ["0.0"], ["0.0"]];
    k.getRange("C2:C4").format.protection.locked = false;
    k.getRange("A1:D4").format.borders.getItem("EdgeBottom").style = "Continuous";
    k.getRange("B:B").format.columnWidth = 150;
    k.getRange("1:1").format.rowHeight = 30;
    k.getRange("F1:G1").merge();
    k.getRange("C2:C4").dataValidation.rule = { decimal: { formula1: 0, formula2: 100, operator: "Between" } };
    k.getRange("C2:C4").dataValidation.errorAlert = { message: "0–100", showAlert: true, style: "Stop", title: "Sai" };
    k.getRange("E2:E4").dataValidation.rule = { list: { inCellDropDown: true, source: "Có,Không" } };
    k.getRange("B2:B4").dataValidation.rule = { textLength: { formula1: 50, operator: "LessThanOrEqualTo" } };
    k.getRange("H2:H4").dataValidation.rule = { wholeNumber: { formula1: 1, formula2: 9, operator: "Between" } };
    k.getRange("I2:I4").dataValidation.rule = { custom: { formula: "=I2<>H2" } };
    const cf = k.getRange("C2:C4").conditionalFormats.add("Custom");
    cf.custom.rule.formula = "=$C2<80";
    cf.custom.format.fill.color = "#FFC7CE";
    cf.custom.format.font.color = "#9C0006";
    cf.custom.format.font.bold = true;
    k.freezePanes.freezeRows(1);
    k.pageLayout.orientation = "Landscape";
    k.pageLayout.paperSize = "A4";
    k.pageLayout.setPrintTitleRows("$1:$1");
    k.pageLayout.leftMargin = 36;
    k.pageLayout.zoom = { horizontalFitToPages: 1 };
    wb.names.add("DiemTB", "='Khối'!$C$2:$C$4", "Điểm các đơn vị");
    wb.names.add("SoDonVi", "=Khối!$A$4");
    t.getRange("A1:A2").formulas = [["=AVERAGE(DiemTB)"], ["='Khối'!C2+SoDonVi"]];
    k.protection.protect({ allowFormatColumns: true }, "mật khẩu");
  });
  return host;
}

describe(".xlsx through ExcelJS", () => {
  test("ExcelJS reads what the host saved", async () => {
    const host = await sample();
    const bytes = await host.toXlsx();
    expect(bytes).toBeInstanceOf(Uint8Array);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Hướng dẫn", "Khối", "Tổng hợp"]);
    const k = wb.getWorksheet("Khối") as ExcelJS.Worksheet;
    expect(k.getCell("B2").value).toBe("Sở Tư pháp");
    expect(k.getCell("C2").value).toBe(92.5);
    expect(k.getCell("B4").value).toBe("=không phải công thức");
    expect(k.getCell("D2").value).toEqual({ formula: 'IF(C2>=90,"Xuất sắc","Tốt")', result: "Xuất sắc" });
    expect(k.getCell("C2").numFmt).toBe("0.0");
    expect(k.getCell("A1").font).toMatchObject({ bold: true });
    expect(k.getCell("A1").fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } });
    expect(k.getCell("A1").alignment).toMatchObject({ horizontal: "center", wrapText: true });
    expect(k.getCell("A4").border?.bottom).toMatchObject({ style: "thin" });
    expect(k.getCell("C2").protection).toMatchObject({ locked: false });
    expect(k.getCell("F1").isMerged).toBe(true);
    expect(k.getColumn(2).width).toBeCloseTo(150 / 5.25, 5);
    expect(k.getRow(1).height).toBe(30);
    expect(k.properties.tabColor).toEqual({ argb: "FF1F4E79" });
    expect(k.views[0]).toMatchObject({ state: "frozen", ySplit: 1, xSplit: 0 });
    expect(k.pageSetup).toMatchObject({ orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(k.pageSetup.printTitlesRow).toMatch(/\$?1:\$?1/);
    expect(k.pageSetup.margins?.left).toBeCloseTo(0.5, 5);
    const dv = (k as unknown as { dataValidations: { model: Record<string, { type: string; formulae: unknown[] }> } }).dataValidations.model;
    expect(dv.C3).toMatchObject({ type: "decimal", formulae: [0, 100], error: "0–100", errorTitle: "Sai", showErrorMessage: true });
    expect(dv.E2).toMatchObject({ type: "list", formulae: ['"Có,Không"'] });
    expect(dv.I3).toMatchObject({ type: "custom", formulae: ["I2<>H2"] });
    const cf = (k as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings;
    expect(cf[0]).toMatchObject({ ref: "C2:C4", rules: [{ type: "expression", formulae: ["$C2<80"] }] });
    const sp = (k as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection;
    expect(sp).toMatchObject({ sheet: true, formatColumns: true, algorithmName: "SHA-512" });
    const t = wb.getWorksheet("Tổng hợp") as ExcelJS.Worksheet;
    expect(t.getCell("A1").value).toEqual({ formula: "AVERAGE(DiemTB)", result: 83.5 });
    expect(t.getCell("A2").value).toMatchObject({ formula: "Khối!C2+SoDonVi", result: 95.5 });
  });

  test("save, load with fromXlsx, read through the API: same values, formulas and names", async () => {
    const host = await sample();
    const loaded = await MemoryHost.fromXlsx(await host.toXlsx());
    expect(loaded.sheetNames()).toEqual(host.sheetNames());
    for (const sheet of ["Khối", "Tổng hợp"]) {
      expect(loaded.values(sheet, "A1:I5")).toEqual(host.values(sheet, "A1:I5"));
      expect(loaded.formulas(sheet, "A1:I5")).toEqual(host.formulas(sheet, "A1:I5"));
    }
    expect(loaded.names()).toEqual(host.names().map((n) => ({ ...n, comment: "" })));
    const read = await loaded.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Tổng hợp").getRange("A1:A2").load("values, formulas");
      const names = ctx.workbook.names.load("items/name, items/formula");
      await ctx.sync();
      return { values: r.values, formulas: r.formulas, names: names.items.map((n) => [n.name, n.formula]) };
    });
    expect(read).toEqual({
      values: [[83.5], [95.5]],
      formulas: [["=AVERAGE(DiemTB)"], ["=Khối!C2+SoDonVi"]],
      names: [
        ["DiemTB", "=Khối!$C$2:$C$4"],
        ["SoDonVi", "=Khối!$A$4"],
      ],
    });
  });

  test("formats, merges, widths, validation, conditional formats, protection and page setup survive a round trip", async () => {
    const host = await sample();
    const loaded = await MemoryHost.fromXlsx(await host.toXlsx());
    expect(loaded.cell("Khối", "A1").format).toMatchObject({ bold: true, fill: "#DDEBF7", hAlign: "Center", wrap: true });
    expect(loaded.cell("Khối", "C2").format.numberFormat).toBe("0.0");
    expect(loaded.cell("Khối", "C2").locked).toBe(false);
    expect(loaded.cell("Khối", "A2").locked).toBe(true);
    expect(loaded.cell("Khối", "B4").format.borders.bottom?.style).toBe("Continuous");
    const snap = loaded.snapshot().sheets[1];
    expect(snap.merges).toEqual(["F1:G1"]);
    expect(snap.columnWidths.B).toBeCloseTo(150, 1);
    expect(snap.rowHeights[1]).toBe(30);
    expect(snap.tabColor).toBe("#1F4E79");
    expect(snap.freeze).toEqual({ rows: 1, columns: 0 });
    expect(loaded.validation("Khối", "C3")).toMatchObject({
      range: "C2:C4",
      rule: { decimal: { formula1: "=0", formula2: "=100", operator: "Between" } },
      errorAlert: { message: "0–100", title: "Sai", showAlert: true, style: "Stop" },
    });
    expect(loaded.validation("Khối", "E3")?.rule).toEqual({ list: { inCellDropDown: true, source: "Có,Không" } });
    expect(loaded.validation("Khối", "I4")?.rule).toEqual({ custom: { formula: "=I2<>H2" } });
    expect(loaded.validation("Khối", "H2")?.rule).toEqual({ wholeNumber: { formula1: "=1", formula2: "=9", operator: "Between" } });
    expect(loaded.conditionalFormats("Khối")).toEqual([
      { range: "C2:C4", formula: "=$C2<80", format: { fill: "#FFC7CE", fontColor: "#9C0006", bold: true }, priority: 0, stopIfTrue: false },
    ]);
    expect(loaded.protection("Khối")).toMatchObject({ protected: true, hasPassword: true, options: { allowFormatColumns: true, allowInsertRows: false } });
    expect(loaded.pageLayout("Khối")).toMatchObject({ orientation: "Landscape", paperSize: "A4", printTitleRows: "$1:$1", fitToWidth: 1, margins: { left: 36 } });
    // the saved password hash opens the loaded sheet; a wrong password doesn't
    await expect(loaded.run(async (ctx) => ctx.workbook.worksheets.getItem("Khối").protection.unprotect("sai"))).rejects.toMatchObject({ code: "InvalidArgument" });
    await loaded.run(async (ctx) => ctx.workbook.worksheets.getItem("Khối").protection.unprotect("mật khẩu"));
    expect(loaded.protection("Khối").protected).toBe(false);
  });

  test("fromXlsx accepts an ArrayBuffer and options", async () => {
    const host = await sample();
    const bytes = await host.toXlsx();
    const ab = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const loaded = await MemoryHost.fromXlsx(ab, { apiSets: { ExcelApi: "1.8" } });
    expect(loaded.isSetSupported("ExcelApi", "1.9")).toBe(false);
    expect(loaded.values("Khối", "C2")).toEqual([[92.5]]);
  });

  test("a protected sheet without password, hidden sheets, and column/row/sheet-level formats", async () => {
    const host = new MemoryHost();
    await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      s.getRange().format.protection.locked = false;
      s.getRange("A:A").format.protection.locked = true;
      s.getRange("3:3").format.font.italic = true;
      s.getRange("B2").values = [[1]];
      const h = ctx.workbook.worksheets.add("Ẩn");
      h.getRange("A1").values = [["x"]];
      h.visibility = "Hidden";
      s.protection.protect();
    });
    const loaded = await MemoryHost.fromXlsx(await host.toXlsx());
    expect(loaded.protection("Sheet1")).toMatchObject({ protected: true, hasPassword: false });
    expect(loaded.cell("Sheet1", "B2").locked).toBe(false);
    expect(loaded.cell("Sheet1", "A9").locked).toBe(true);
    expect(loaded.cell("Sheet1", "C3").format.italic).toBe(true);
    expect(loaded.snapshot().sheets[1].visibility).toBe("Hidden");
    // still writable where unlocked, refused where locked
    loaded.userEdit("Sheet1", "C5", 3);
    expect(() => loaded.userEdit("Sheet1", "A5", 3)).toThrow(expect.objectContaining({ code: "AccessDenied" }));
  });
});
