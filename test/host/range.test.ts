import { MemoryHost } from "../../src/host";
import { caught } from "./helpers";

describe("Range", () => {
  test("address quotes sheet names as Excel does", async () => {
    const host = new MemoryHost();
    await host.run(async (ctx) => {
      const names = ["Khối", "Tổng hợp", "2024", "A1", "It's", "Điểm_TB"];
      for (const n of names) ctx.workbook.worksheets.add(n);
      const rs = names.map((n) => ctx.workbook.worksheets.getItem(n).getRange("A1:D9").load("address"));
      await ctx.sync();
      expect(rs.map((r) => r.address)).toEqual(["Khối!A1:D9", "'Tổng hợp'!A1:D9", "'2024'!A1:D9", "'A1'!A1:D9", "'It''s'!A1:D9", "Điểm_TB!A1:D9"]);
    });
  });

  test("rowIndex, columnIndex, rowCount, columnCount, cellCount", async () => {
    const host = new MemoryHost();
    await host.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("C5:E9").load("rowIndex, columnIndex, rowCount, columnCount, cellCount");
      await ctx.sync();
      expect([r.rowIndex, r.columnIndex, r.rowCount, r.columnCount, r.cellCount]).toEqual([4, 2, 5, 3, 15]);
    });
  });

  test("navigation: getCell, getOffsetRange, getResizedRange, rows, columns, last row/cell, intersections", async () => {
    const host = new MemoryHost();
    await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      const r = s.getRange("B2:D5");
      const list = [
        r.getCell(1, 2),
        r.getOffsetRange(1, 1),
        r.getResizedRange(2, -1),
        r.getRow(0),
        r.getColumn(2),
        r.getEntireRow(),
        r.getEntireColumn(),
        r.getLastRow(),
        r.getLastColumn(),
        r.getLastCell(),
        r.getBoundingRect("F7"),
        r.getIntersection("C3:Z9"),
        r.getRowsAbove(),
        r.getRowsBelow(2),
        r.getAbsoluteResizedRange(1, 1),
      ].map((x) => x.load("address"));
      const none = r.getIntersectionOrNullObject("H1:H2");
      await ctx.sync();
      expect(list.map((x) => x.address.replace("Sheet1!", ""))).toEqual(["D3", "C3:E6", "B2:C7", "B2:D2", "D2:D5", "2:5", "B:D", "B5:D5", "D2:D5", "D5", "B2:F7", "C3:D5", "B1:D1", "B6:D7", "B2"]);
      expect(none.isNullObject).toBe(true);
      r.getOffsetRange(-5, 0).load("address");
      await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    });
  });

  test("merge keeps the upper-left value; merge(true) merges each row; unmerge", async () => {
    const host = new MemoryHost();
    await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      s.getRange("A1:B2").values = [[1, 2], [3, 4]];
      s.getRange("A1:B2").merge();
      s.getRange("D1:E2").merge(true);
      const areas = s.getRange("A1:F3").getMergedAreasOrNullObject().load("address, areaCount");
      await ctx.sync();
      expect(areas.areaCount).toBe(3);
      expect(areas.address).toBe("Sheet1!A1:B2, Sheet1!D1:E1, Sheet1!D2:E2");
    });
    expect(host.values("Sheet1", "A1:B2")).toEqual([[1, ""], ["", ""]]);
    expect(host.snapshot().sheets[0].merges).toEqual(["A1:B2", "D1:E1", "D2:E2"]);
    await host.run(async (ctx) => ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:E2").unmerge());
    expect(host.snapshot().sheets[0].merges).toEqual([]);
  });

  test("clear: Contents keeps formats, Formats keeps contents, All clears both", async () => {
    const host = new MemoryHost();
    const setup = async (): Promise<void> =>
      host.run(async (ctx) => {
        const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1");
        r.values = [[5]];
        r.format.font.bold = true;
      });
    await setup();
    await host.run(async (ctx) => ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").clear("Contents"));
    expect(host.cell("Sheet1", "A1")).toMatchObject({ value: null, format: { bold: true } });
    await setup();
    await host.run(async (ctx) => ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").clear("Formats"));
    expect(host.cell("Sheet1", "A1")).toMatchObject({ value: 5, format: { bold: false } });
    await setup();
    await host.run(async (ctx) => ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").clear());
    expect(host.cell("Sheet1", "A1")).toMatchObject({ value: null, format: { bold: false } });
  });

  test("insert Down / delete Up on whole rows shift cells and adjust formulas", async () => {
    const host = new MemoryHost();
    await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      s.getRange("A1:A4").formulas = [[1], [2], [3], ["=SUM(A1:A3)"]];
      const inserted = s.getRange("2:3").insert("Down").load("address");
      await ctx.sync();
      expect(inserted.address).toBe("Sheet1!2:3");
    });
    expect(host.formulas("Sheet1", "A1:A6")).toEqual([[1], [""], [""], [2], [3], ["=SUM(A1:A5)"]]);
    await host.run(async (ctx) => ctx.workbook.worksheets.getItem("Sheet1").getRange("2:3").delete("Up"));
    expect(host.formulas("Sheet1", "A1:A4")).toEqual([[1], [2], [3], ["=SUM(A1:A3)"]]);
  });

  test("insert Down / delete Up on a block of columns shifts only those columns", async () => {
    const host = new MemoryHost();
    await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      s.getRange("A1:C3").values = [[1, 2, 3], [4, 5, 6], [7, 8, 9]];
      s.getRange("E1").formulas = [["=SUM(B1:B3)"]];
      s.getRange("B2:C2").insert("Down");
    });
    expect(host.values("Sheet1", "A1:C4")).toEqual([
      [1, 2, 3],
      [4, "", ""],
      [7, 5, 6],
      ["", 8, 9],
    ]);
    expect(host.values("Sheet1", "E1")).toEqual([[15]]);
    await host.run(async (ctx) => ctx.workbook.worksheets.getItem("Sheet1").getRange("B2:C2").delete("Up"));
    expect(host.values("Sheet1", "A1:C3")).toEqual([
      [1, 2, 3],
      [4, 5, 6],
      [7, 8, 9],
    ]);
  });

  test("insert Right on whole columns", async () => {
    const host = new MemoryHost();
    await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      s.getRange("A1:B1").values = [[1, 2]];
      s.getRange("B:B").insert("Right");
    });
    expect(host.values("Sheet1", "A1:C1")).toEqual([[1, "", 2]]);
  });

  test("select records the selection", async () => {
    const host = new MemoryHost();
    expect(host.selection()).toBeNull();
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.add("Khối");
      ctx.workbook.worksheets.getItem("Khối").getRange("C7").select();
      const sel = ctx.workbook.getSelectedRange().load("address");
      await ctx.sync();
      expect(sel.address).toBe("Khối!C7");
    });
    expect(host.selection()).toEqual({ sheet: "Khối", address: "C7" });
  });

  test("range.worksheet", async () => {
    const host = new MemoryHost();
    await host.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").worksheet.load("name");
      await ctx.sync();
      expect(ws.name).toBe("Sheet1");
    });
  });
});

describe("Range formats", () => {
  test("font, fill, alignment, wrap; mixed values read as null", async () => {
    const host = new MemoryHost();
    await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      const r = s.getRange("A1:B2");
      r.format.font.bold = true;
      r.format.font.italic = true;
      r.format.font.color = "#c00000";
      r.format.font.size = 13;
      r.format.font.name = "Times New Roman";
      r.format.font.underline = "Single";
      r.format.fill.color = "#DDEBF7";
      r.format.horizontalAlignment = "Center";
      r.format.verticalAlignment = "Top";
      r.format.wrapText = true;
      s.getRange("B2").format.font.bold = false;
      const all = s.getRange("A1:B2").load("format/font/bold, format/font/italic, format/font/color, format/font/size, format/font/name, format/fill/color, format/horizontalAlignment, format/wrapText");
      await ctx.sync();
      expect(all.format.font.bold).toBeNull();
      expect(all.format.font.italic).toBe(true);
      expect(all.format.font.color).toBe("#C00000");
      expect(all.format.font.size).toBe(13);
      expect(all.format.font.name).toBe("Times New Roman");
      expect(all.format.fill.color).toBe("#DDEBF7");
      expect(all.format.horizontalAlignment).toBe("Center");
      expect(all.format.wrapText).toBe(true);
    });
    expect(host.cell("Sheet1", "A1").format).toMatchObject({ bold: true, underline: "Single", vAlign: "Top", fontSize: 13 });
  });

  test("bad enum values and colours fail with InvalidArgument", async () => {
    const host = new MemoryHost();
    expect((await caught(() => host.run(async (ctx) => void (ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").format.horizontalAlignment = "Middle" as never)))).code).toBe("InvalidArgument");
    expect((await caught(() => host.run(async (ctx) => void (ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").format.fill.color = "not-a-colour")))).code).toBe("InvalidArgument");
  });

  test("fill.clear removes the fill", async () => {
    const host = new MemoryHost();
    await host.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1");
      r.format.fill.color = "yellow";
      await ctx.sync();
      r.format.fill.clear();
    });
    expect(host.cell("Sheet1", "A1").format.fill).toBeNull();
  });

  test("borders: edges and insides", async () => {
    const host = new MemoryHost();
    await host.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B2");
      for (const side of ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideHorizontal", "InsideVertical"] as const) {
        const b = r.format.borders.getItem(side);
        b.style = "Continuous";
        b.weight = "Thin";
        b.color = "#000000";
      }
      const top = r.format.borders.getItem("EdgeTop").load("style, weight, color");
      const inside = r.format.borders.getItem("InsideHorizontal").load("style");
      const none = ctx.workbook.worksheets.getItem("Sheet1").getRange("D4").format.borders.getItem("EdgeLeft").load("style");
      await ctx.sync();
      expect([top.style, top.weight, top.color]).toEqual(["Continuous", "Thin", "#000000"]);
      expect(inside.style).toBe("Continuous");
      expect(none.style).toBe("None");
    });
    const b = host.cell("Sheet1", "B2").format.borders;
    expect(b.top?.style).toBe("Continuous");
    expect(b.left?.style).toBe("Continuous");
    expect(b.bottom?.style).toBe("Continuous");
    expect(b.right?.style).toBe("Continuous");
  });

  test("column widths and row heights in points; mixed widths read as null", async () => {
    const host = new MemoryHost();
    await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      s.getRange("A:A").format.columnWidth = 120;
      s.getRange("B1").format.columnWidth = 30;
      s.getRange("3:4").format.rowHeight = 32.5;
      const a = s.getRange("A1").load("format/columnWidth, format/rowHeight");
      const ab = s.getRange("A1:B1").load("format/columnWidth");
      const c = s.getRange("C3").load("format/columnWidth, format/rowHeight, width, height, top, left");
      await ctx.sync();
      expect(a.format.columnWidth).toBe(120);
      expect(a.format.rowHeight).toBe(15);
      expect(ab.format.columnWidth).toBeNull();
      expect(c.format.columnWidth).toBe(48);
      expect(c.format.rowHeight).toBe(32.5);
      expect([c.width, c.height, c.top, c.left]).toEqual([48, 32.5, 30, 150]);
    });
    expect(host.snapshot().sheets[0].columnWidths).toEqual({ A: 120, B: 30 });
    expect(host.snapshot().sheets[0].rowHeights).toEqual({ 3: 32.5, 4: 32.5 });
  });

  test("every cell is locked by default, as in Excel", async () => {
    const host = new MemoryHost();
    await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      const r = s.getRange("Z100").load("format/protection/locked");
      s.getRange("B2:B3").format.protection.locked = false;
      const b = s.getRange("B2:B4").load("format/protection/locked");
      await ctx.sync();
      expect(r.format.protection.locked).toBe(true);
      expect(b.format.protection.locked).toBeNull();
    });
    expect(host.cell("Sheet1", "B2").locked).toBe(false);
    expect(host.cell("Sheet1", "B4").locked).toBe(true);
  });

  test("formatting whole columns and the whole sheet does not touch every cell", async () => {
    const host = new MemoryHost();
    await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      s.getRange().format.protection.locked = false;
      s.getRange("C:C").format.font.bold = true;
      s.getRange("2:2").format.font.bold = false;
    });
    expect(host.cell("Sheet1", "XFD1048576").locked).toBe(false);
    expect(host.cell("Sheet1", "C5").format.bold).toBe(true);
    expect(host.cell("Sheet1", "C2").format.bold).toBe(false);
    expect(host.usedRange("Sheet1")).toBeNull();
  });

  test("autofitColumns sets a width from the text", async () => {
    const host = new MemoryHost();
    await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      s.getRange("A1:A2").values = [["Ngắn"], ["Một dòng chữ dài hơn nhiều"]];
      s.getRange("A:A").format.autofitColumns();
    });
    const w = host.snapshot().sheets[0].columnWidths.A;
    expect(w).toBeGreaterThan(100);
  });
});
