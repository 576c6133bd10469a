/**
 * Conformance: the strict host behaves as Excel does where the add-in relies on it. Every test runs a
 * `new MemoryHost({ strict: true })` through Microsoft's office.js client (test/setup.ts) and names its source:
 * a page of the Office Add-ins docs (OfficeDev/office-js-docs-pr, docs/excel/...), an OfficeDev issue, a
 * Microsoft support page or a Microsoft file-format specification.
 */
import { MemoryHost } from "../../src/host";
import { caught } from "./helpers";

const sheet = (ctx: Excel.RequestContext, name = "Sheet1"): Excel.Worksheet => ctx.workbook.worksheets.getItem(name);

/** A strict host with a sheet "K" (A1:A3 = a, b, c; B1 = 7) that Sheet1 refers to in cells, a name, a rule and a format. */
async function hostReferringToK(): Promise<MemoryHost> {
  const host = new MemoryHost({ strict: true });
  await host.run(async (ctx) => {
    const k = ctx.workbook.worksheets.add("K");
    k.getRange("A1:B3").values = [["a", 7], ["b", 0], ["c", 0]];
    ctx.workbook.names.add("Diem", "=K!$B$1");
    const s = sheet(ctx);
    s.getRange("A1:A4").formulas = [["=K!B1"], ["=SUM(K!A1:B3)"], ["='K'!$B$1*2"], ["=Diem+1"]];
    s.getRange("B1").dataValidation.rule = { list: { inCellDropDown: true, source: "=K!$A$1:$A$3" } };
    const cf = s.getRange("C1").conditionalFormats.add("Custom");
    cf.custom.rule.formula = "=K!$B$1>0";
    cf.custom.format.font.bold = true;
  });
  expect(host.values("Sheet1", "A1:A4")).toEqual([[7], [7], [14], [8]]);
  return host;
}

describe("references are bound when a formula is entered", () => {
  // Source: docs/excel/performance.md ("Only formula calculations are suspended. Any altered references are still
  // rebuilt. For example, renaming a worksheet still updates any references in formulas to that worksheet."),
  // written for OfficeDev/office-js-docs-pr#1762 "Suspend calculation doesn't suspend all calculation?".
  test("deleting a sheet turns cell formulas that refer to it into #REF! for good (docs/excel/performance.md, office-js-docs-pr#1762)", async () => {
    const host = await hostReferringToK();
    await host.run(async (ctx) => sheet(ctx, "K").delete());
    const dead = [["=#REF!B1"], ["=SUM(#REF!A1:B3)"], ["=#REF!$B$1*2"]];
    expect(host.formulas("Sheet1", "A1:A3")).toEqual(dead);
    expect(host.values("Sheet1", "A1:A3")).toEqual([["#REF!"], ["#REF!"], ["#REF!"]]);
    // A new sheet of the same name doesn't bring the references back.
    await host.run(async (ctx) => void (ctx.workbook.worksheets.add("K").getRange("A1:B1").values = [["a", 5]]));
    expect(host.formulas("Sheet1", "A1:A3")).toEqual(dead);
    expect(host.values("Sheet1", "A1:A3")).toEqual([["#REF!"], ["#REF!"], ["#REF!"]]);
    await host.run(async (ctx) => {
      const r = sheet(ctx).getRange("A1:A3").load("formulas, values");
      await ctx.sync();
      expect(r.formulas).toEqual(dead);
      expect(r.values).toEqual([["#REF!"], ["#REF!"], ["#REF!"]]);
    });
  });

  // Source: docs/excel/performance.md and OfficeDev/office-js-docs-pr#1762 (references are rebuilt at the change, not looked up by name later).
  test("renaming another sheet to a deleted sheet's name doesn't repair references to it (docs/excel/performance.md, office-js-docs-pr#1762)", async () => {
    const host = await hostReferringToK();
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.add("L").getRange("B1").values = [[99]];
      sheet(ctx, "K").delete();
      await ctx.sync();
      sheet(ctx, "L").name = "K";
    });
    expect(host.formulas("Sheet1", "A1")).toEqual([["=#REF!B1"]]);
    expect(host.values("Sheet1", "A1:A4")).toEqual([["#REF!"], ["#REF!"], ["#REF!"], ["#REF!"]]);
    expect(host.names()).toEqual([{ name: "Diem", formula: "=#REF!$B$1", comment: "" }]);
  });

  // Source: docs/excel/performance.md and OfficeDev/office-js-docs-pr#1762.
  test("deleting a sheet turns a defined name that refers to it into #REF! for good (docs/excel/performance.md, office-js-docs-pr#1762)", async () => {
    const host = await hostReferringToK();
    await host.run(async (ctx) => sheet(ctx, "K").delete());
    expect(host.names()).toEqual([{ name: "Diem", formula: "=#REF!$B$1", comment: "" }]);
    expect(host.values("Sheet1", "A4")).toEqual([["#REF!"]]);
    await host.run(async (ctx) => void (ctx.workbook.worksheets.add("K").getRange("B1").values = [[5]]));
    await host.run(async (ctx) => {
      const n = ctx.workbook.names.getItem("Diem").load("formula");
      const range = ctx.workbook.names.getItem("Diem").getRangeOrNullObject();
      await ctx.sync();
      expect(n.formula).toBe("=#REF!$B$1");
      expect(range.isNullObject).toBe(true);
    });
    expect(host.values("Sheet1", "A4")).toEqual([["#REF!"]]);
  });

  // Source: docs/excel/performance.md and OfficeDev/office-js-docs-pr#1762.
  test("deleting a sheet turns data-validation and conditional-format formulas that refer to it into #REF! for good (docs/excel/performance.md, office-js-docs-pr#1762)", async () => {
    const host = await hostReferringToK();
    await host.run(async (ctx) => sheet(ctx, "K").delete());
    expect(host.validation("Sheet1", "B1")?.rule).toEqual({ list: { inCellDropDown: true, source: "=#REF!$A$1:$A$3" } });
    expect(host.conditionalFormats("Sheet1")[0].formula).toBe("=#REF!$B$1>0");
    await host.run(async (ctx) => void (ctx.workbook.worksheets.add("K").getRange("A1:B1").values = [["a", 5]]));
    await host.run(async (ctx) => {
      const dv = sheet(ctx).getRange("B1").dataValidation.load("rule");
      const cf = sheet(ctx).getRange("C1").conditionalFormats.getItemAt(0).custom.rule.load("formula");
      await ctx.sync();
      expect(dv.rule.list?.source).toBe("=#REF!$A$1:$A$3");
      expect(cf.formula).toBe("=#REF!$B$1>0");
    });
    // The list now lists nothing: "a" (K!A1 of the new sheet) is refused.
    expect((await caught(() => host.userEdit("Sheet1", "B1", "a"))).code).toBe("InvalidArgument");
  });

  // Source: docs/excel/performance.md ("renaming a worksheet still updates any references in formulas to that worksheet").
  test("renaming a sheet rewrites cell, name, validation and conditional-format formulas (docs/excel/performance.md)", async () => {
    const host = await hostReferringToK();
    await host.run(async (ctx) => void (sheet(ctx, "K").name = "Khối 2"));
    expect(host.formulas("Sheet1", "A1:A3")).toEqual([["='Khối 2'!B1"], ["=SUM('Khối 2'!A1:B3)"], ["='Khối 2'!$B$1*2"]]);
    expect(host.values("Sheet1", "A1:A4")).toEqual([[7], [7], [14], [8]]);
    expect(host.names()[0].formula).toBe("='Khối 2'!$B$1");
    expect(host.validation("Sheet1", "B1")?.rule).toEqual({ list: { inCellDropDown: true, source: "='Khối 2'!$A$1:$A$3" } });
    expect(host.conditionalFormats("Sheet1")[0].formula).toBe("='Khối 2'!$B$1>0");
    // A new sheet under the old name is a different sheet.
    await host.run(async (ctx) => void (ctx.workbook.worksheets.add("K").getRange("B1").values = [[1000]]));
    expect(host.values("Sheet1", "A1")).toEqual([[7]]);
  });

  // Source: docs/excel/performance.md and OfficeDev/office-js-docs-pr#1762: references are resolved when the formula
  // is entered; a sheet name that isn't in the workbook then is read as an external reference and never binds later.
  test("a formula naming a sheet that doesn't exist yet stays #REF! after the sheet is added (docs/excel/performance.md, office-js-docs-pr#1762)", async () => {
    const host = new MemoryHost({ strict: true });
    await host.run(async (ctx) => void (sheet(ctx).getRange("A1:A2").formulas = [["=Z!A1"], ["=SUM(Z!A1:A3)+1"]]));
    expect(host.values("Sheet1", "A1:A2")).toEqual([["#REF!"], ["#REF!"]]);
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.add("Z").getRange("A1").values = [[9]];
      ctx.workbook.worksheets.add("Y").getRange("A1").values = [[4]];
    });
    expect(host.values("Sheet1", "A1:A2")).toEqual([["#REF!"], ["#REF!"]]);
    expect(host.formulas("Sheet1", "A1:A2")).toEqual([["=Z!A1"], ["=SUM(Z!A1:A3)+1"]]);
    // Only formulas entered after the sheet exists see it.
    await host.run(async (ctx) => void (sheet(ctx).getRange("B1").formulas = [["=Z!A1"]]));
    expect(host.values("Sheet1", "B1")).toEqual([[9]]);
    // Renaming another sheet to the missing name doesn't bind it either.
    await host.run(async (ctx) => {
      sheet(ctx).getRange("C1").formulas = [["=W!A1"]];
      await ctx.sync();
      sheet(ctx, "Y").name = "W";
    });
    expect(host.values("Sheet1", "C1")).toEqual([["#REF!"]]);
  });

  // Source: docs/excel/performance.md and OfficeDev/office-js-docs-pr#1762 (as for cell formulas).
  test("a defined name naming a sheet that doesn't exist yet stays #REF! after the sheet is added (docs/excel/performance.md, office-js-docs-pr#1762)", async () => {
    const host = new MemoryHost({ strict: true });
    await host.run(async (ctx) => {
      ctx.workbook.names.add("Truoc", "=Z!$A$1");
      sheet(ctx).getRange("A1").formulas = [["=Truoc*2"]];
    });
    expect(host.values("Sheet1", "A1")).toEqual([["#REF!"]]);
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.add("Z").getRange("A1").values = [[9]];
      await ctx.sync();
      ctx.workbook.names.add("Sau", "=Z!$A$1");
      sheet(ctx).getRange("A2").formulas = [["=Sau*2"]];
    });
    expect(host.values("Sheet1", "A1:A2")).toEqual([["#REF!"], [18]]);
    expect(host.names().map((n) => n.formula)).toEqual(["=Z!$A$1", "=Z!$A$1"]);
    await host.run(async (ctx) => {
      const before = ctx.workbook.names.getItem("Truoc").getRangeOrNullObject();
      const after = ctx.workbook.names.getItem("Sau").getRange().load("address");
      await ctx.sync();
      expect(before.isNullObject).toBe(true);
      expect(after.address).toBe("Z!A1");
    });
  });
});

describe("inline data-validation list sources", () => {
  // Sources: docs/excel/excel-add-ins-data-validation.md ("You can also assign a comma-delimited list such as
  // "Sue, Ricky, Liz"") and [MS-XLS] 2.5.198.89 PtgStr / 2.5.240 ShortXLUnicodeString (learn.microsoft.com/openspecs/
  // office_file_formats/ms-xls/87c2a057-705c-4473-a168-6d5fac4a9eba, .../05162858-0ca9-44cb-bb07-a720928f63f8): a string
  // constant in a formula has a one-byte character count, so a typed list is at most 255 characters.
  test("a comma-delimited list longer than 255 characters is refused; a range source has no such limit (excel-add-ins-data-validation.md, [MS-XLS] PtgStr)", async () => {
    const host = new MemoryHost({ strict: true });
    const items = Array.from({ length: 60 }, (_, i) => `Đơn vị ${String(i + 1).padStart(2, "0")}`);
    const list = (n: number): string => items.join(",").slice(0, n);
    await host.run(async (ctx) => void (sheet(ctx).getRange("B1").dataValidation.rule = { list: { inCellDropDown: true, source: list(255) } }));
    expect(host.validation("Sheet1", "B1")?.rule).toEqual({ list: { inCellDropDown: true, source: list(255) } });
    const e = await caught(() => host.run(async (ctx) => void (sheet(ctx).getRange("B2").dataValidation.rule = { list: { inCellDropDown: true, source: list(256) } })));
    expect(e.code).toBe("InvalidArgument");
    expect(host.validation("Sheet1", "B2")).toBeNull();
    // The same 60 items in cells, by range or by name: no limit.
    await host.run(async (ctx) => {
      sheet(ctx).getRange("A1:A60").values = items.map((x) => [x]);
      ctx.workbook.names.add("DonVi", "=Sheet1!$A$1:$A$60");
      sheet(ctx).getRange("C1").dataValidation.rule = { list: { inCellDropDown: true, source: "=$A$1:$A$60" } };
      sheet(ctx).getRange("C2").dataValidation.rule = { list: { inCellDropDown: true, source: "=DonVi" } };
    });
    host.userEdit("Sheet1", "C1", "Đơn vị 60");
    host.userEdit("Sheet1", "C2", "Đơn vị 59");
    expect(host.values("Sheet1", "C1:C2")).toEqual([["Đơn vị 60"], ["Đơn vị 59"]]);
  });
});

describe("rounding functions as Excel computes them", () => {
  /** Writes the formulas into column A and returns their values. */
  async function evaluate(formulas: string[]): Promise<unknown[]> {
    const host = new MemoryHost({ strict: true });
    await host.run(async (ctx) => void (sheet(ctx).getRange(`A1:A${formulas.length}`).formulas = formulas.map((f) => [f])));
    return host.values("Sheet1", `A1:A${formulas.length}`).map((row) => row[0]);
  }

  /** "1.005" for units 1005 at 3 decimals: decimal text, so expectations don't go through binary arithmetic. */
  const decimal = (units: number, places: number): string => {
    const s = String(Math.abs(units)).padStart(places + 1, "0");
    return `${units < 0 ? "-" : ""}${s.slice(0, s.length - places)}.${s.slice(s.length - places)}`;
  };

  // Source: ROUND function, support.microsoft.com/office/round-function-c018c5d8-40fb-4053-90b1-b3e7f61a213c (its examples,
  // and "If num_digits is greater than 0 (zero), then number is rounded to the specified number of decimal places"), with
  // the number taken to Excel's 15 significant digits (Excel specifications and limits, support.microsoft.com/office/
  // excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3: "Number precision: 15 digits").
  test("ROUND: the documented examples, and every half-way value rounds half away from zero (support.microsoft.com ROUND function)", async () => {
    const documented: Array<[string, number]> = [
      ["=ROUND(2.15, 1)", 2.2],
      ["=ROUND(2.149, 1)", 2.1],
      ["=ROUND(-1.475, 2)", -1.48],
      ["=ROUND(21.5, -1)", 20],
      ["=ROUND(626.3, -3)", 1000],
      ["=ROUND(1.98, -1)", 0],
      ["=ROUND(-50.55, -2)", -100],
      ["=ROUND(1.005, 2)", 1.01],
      ["=ROUND(0.285, 2)", 0.29],
    ];
    expect(await evaluate(documented.map(([f]) => f))).toEqual(documented.map(([, v]) => v));
    // x.xx5 for 0.005 .. 9.995 and their negatives: to 2 places, always away from zero.
    const cases: Array<[string, number]> = [];
    for (let i = 0; i < 1000; i++) {
      const x = decimal(i * 10 + 5, 3);
      const up = Number(decimal(i + 1, 2));
      cases.push([`=ROUND(${x},2)`, up], [`=ROUND(-${x},2)`, -up]);
    }
    // and x.x5 to 1 place, x5 to -1 place
    for (let i = 0; i < 200; i++) {
      cases.push([`=ROUND(${decimal(i * 10 + 5, 2)},1)`, Number(decimal(i + 1, 1))], [`=ROUND(-${i * 10 + 5},-1)`, -(i + 1) * 10]);
    }
    const got = await evaluate(cases.map(([f]) => f));
    const wrong = cases.filter(([, v], i) => got[i] !== v).map(([f, v], i) => `${f} = ${String(got[i])}, expected ${v}`);
    expect(wrong).toEqual([]);
  });

  // Sources: ROUNDUP function (support.microsoft.com/office/roundup-function-f8bc9b23-e795-47db-8703-db171d0c42a7) and
  // ROUNDDOWN function (support.microsoft.com/office/rounddown-function-2ec94c73-241f-4b01-8c6f-17e6d7968f53): their
  // examples; "ROUNDUP behaves like ROUND, except that it always rounds a number up": the number as Excel holds it, to
  // 15 significant digits (Excel specifications and limits: "Number precision: 15 digits"), so 0.1+0.2 is 0.3 and
  // 0.57*100 is 57. (LibreOffice, the second opinion, gives the same.)
  test("ROUNDUP and ROUNDDOWN: the documented examples, on the number to Excel's 15 digits (support.microsoft.com ROUNDUP/ROUNDDOWN functions)", async () => {
    const cases: Array<[string, number]> = [
      ["=ROUNDUP(3.2,0)", 4],
      ["=ROUNDUP(76.9,0)", 77],
      ["=ROUNDUP(3.14159, 3)", 3.142],
      ["=ROUNDUP(-3.14159, 1)", -3.2],
      ["=ROUNDUP(31415.92654, -2)", 31500],
      ["=ROUNDDOWN(3.2, 0)", 3],
      ["=ROUNDDOWN(76.9,0)", 76],
      ["=ROUNDDOWN(3.14159, 3)", 3.141],
      ["=ROUNDDOWN(-3.14159, 1)", -3.1],
      ["=ROUNDDOWN(31415.92654, -2)", 31400],
      ["=ROUNDUP(0.1+0.2,1)", 0.3],
      ["=ROUNDUP(1.1*3,1)", 3.3],
      ["=ROUNDUP(-(0.1+0.2),1)", -0.3],
      ["=ROUNDDOWN(0.57*100,0)", 57],
      ["=ROUNDDOWN(-0.29*100,0)", -29],
      ["=ROUNDDOWN(4.35*100,0)", 435],
      ["=ROUNDUP(0.0000001,2)", 0.01],
      ["=ROUNDDOWN(0.0000001,2)", 0],
    ];
    const got = await evaluate(cases.map(([f]) => f));
    expect(got).toEqual(cases.map(([, v]) => v));
  });
});

describe("freeze panes on hidden sheets", () => {
  // Source: OfficeDev/office-js#1463 "[Excel] unfreeze() throws an exception when trying to unfreeze panes on hidden
  // sheets" (freeze panes belong to the sheet's window view; builds without the fix refuse them on a hidden sheet).
  test("freezeRows, freezeColumns, freezeAt and unfreeze are refused on a hidden or very hidden sheet (OfficeDev/office-js#1463)", async () => {
    const host = new MemoryHost({ strict: true });
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.add("An").visibility = "Hidden";
      ctx.workbook.worksheets.add("AnHan").visibility = "VeryHidden";
    });
    const attempts: Array<(s: Excel.Worksheet) => void> = [
      (s) => s.freezePanes.freezeRows(1),
      (s) => s.freezePanes.freezeColumns(1),
      (s) => s.freezePanes.freezeAt(s.getRange("A1:B2")),
      (s) => s.freezePanes.unfreeze(),
    ];
    for (const name of ["An", "AnHan"]) {
      for (const attempt of attempts) {
        const e = await caught(() => host.run(async (ctx) => attempt(sheet(ctx, name))));
        expect(e.code).toBe("InvalidOperation");
      }
      expect(host.freeze(name)).toEqual({ rows: 0, columns: 0 });
    }
    // Shown again, the sheet takes them.
    await host.run(async (ctx) => {
      sheet(ctx, "An").visibility = "Visible";
      sheet(ctx, "An").freezePanes.freezeRows(2);
    });
    expect(host.freeze("An")).toEqual({ rows: 2, columns: 0 });
  });
});

describe("page layout zoom", () => {
  // Source: Excel.PageLayoutZoomOptions (learn.microsoft.com/javascript/api/excel/excel.pagelayoutzoomoptions; @types/office-js):
  // horizontalFitToPages / verticalFitToPages are the "Number of pages to fit", or null when a scale is used; 0 is not a
  // documented value.
  test("verticalFitToPages: 0 is refused; leaving it out fits one page wide (Excel.PageLayoutZoomOptions)", async () => {
    const host = new MemoryHost({ strict: true });
    const e = await caught(() => host.run(async (ctx) => void (sheet(ctx).pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 })));
    expect(e.code).toBe("InvalidArgument");
    const e2 = await caught(() => host.run(async (ctx) => void (sheet(ctx).pageLayout.zoom = { horizontalFitToPages: 0 })));
    expect(e2.code).toBe("InvalidArgument");
    await host.run(async (ctx) => void (sheet(ctx).pageLayout.zoom = { horizontalFitToPages: 1 }));
    expect(host.pageLayout("Sheet1").zoom).toEqual({ horizontalFitToPages: 1 });
  });
});

describe("protected sheets", () => {
  async function protectedHost(options?: Excel.WorksheetProtectionOptions): Promise<MemoryHost> {
    const host = new MemoryHost({ strict: true });
    await host.run(async (ctx) => {
      const s = sheet(ctx);
      s.getRange("A1:C3").values = [[1, 2, 3], [4, 5, 6], [7, 8, 9]];
      s.getRange("B2:B3").format.protection.locked = false;
      s.protection.protect(options);
    });
    return host;
  }

  // Source: "Protect a worksheet" (support.microsoft.com/office/3179efdb-1285-4d49-a9c3-f4ca36276de6, linked from
  // docs/excel/excel-add-ins-worksheets.md "Protect worksheet data"): protection prevents "making changes to cells that you
  // did not unlock".
  test("values and formulas written into locked cells are refused with AccessDenied; unlocked cells take them (support: Protect a worksheet)", async () => {
    const host = await protectedHost();
    for (const write of [(r: Excel.Range) => void (r.values = [[10]]), (r: Excel.Range) => void (r.formulas = [["=B2*2"]])]) {
      const e = await caught(() => host.run(async (ctx) => write(sheet(ctx).getRange("A1"))));
      expect(e.code).toBe("AccessDenied");
    }
    expect(host.formulas("Sheet1", "A1")).toEqual([[1]]);
    await host.run(async (ctx) => void (sheet(ctx).getRange("B2:B3").formulas = [["=A1*10"], [80]]));
    expect(host.values("Sheet1", "B2:B3")).toEqual([[10], [80]]);
  });

  // Source: "Protect a worksheet" (support.microsoft.com/office/3179efdb-1285-4d49-a9c3-f4ca36276de6): without "Format cells"
  // (WorksheetProtectionOptions.allowFormatCells) users can't change "any of the options in the Format Cells or Conditional
  // Formatting dialog boxes" — for unlocked cells as for locked ones; merging is one of those options (Alignment tab).
  test("without allowFormatCells, formats, merges and conditional formats are refused, unlocked cells included (support: Protect a worksheet)", async () => {
    const host = await protectedHost();
    const attempts: Array<(s: Excel.Worksheet) => void> = [
      (s) => void (s.getRange("A1").format.font.bold = true),
      (s) => void (s.getRange("B2").format.font.bold = true),
      (s) => void (s.getRange("B2:B3").format.fill.color = "#FFFF00"),
      (s) => void (s.getRange("B2").numberFormat = [["0.00"]]),
      (s) => s.getRange("B2").clear("Formats"),
      (s) => s.getRange("B2:B3").merge(),
      (s) => s.getRange("B2:B3").unmerge(),
      (s) => void s.getRange("B2").conditionalFormats.add("Custom"),
      (s) => s.getRange("B2").conditionalFormats.clearAll(),
    ];
    for (const attempt of attempts) {
      const e = await caught(() => host.run(async (ctx) => attempt(sheet(ctx))));
      expect(e.code).toBe("AccessDenied");
    }
    expect(host.cell("Sheet1", "B2").format.bold).toBe(false);
    // With allowFormatCells, unlocked and locked cells take formats.
    const allowed = await protectedHost({ allowFormatCells: true });
    await allowed.run(async (ctx) => {
      sheet(ctx).getRange("B2").format.font.bold = true;
      sheet(ctx).getRange("A1").format.fill.color = "#FFFF00";
    });
    expect(allowed.cell("Sheet1", "B2").format.bold).toBe(true);
  });

  // Source: "Protect a worksheet" (support.microsoft.com/office/3179efdb-1285-4d49-a9c3-f4ca36276de6): "Format columns:
  // ... changing column width or hiding columns", "Format rows: ... changing row height or hiding rows".
  test("column widths and hiding need allowFormatColumns; row heights and hiding need allowFormatRows (support: Protect a worksheet)", async () => {
    const host = await protectedHost();
    const attempts: Array<(s: Excel.Worksheet) => void> = [
      (s) => void (s.getRange("B:B").format.columnWidth = 120),
      (s) => void (s.getRange("B:B").columnHidden = true),
      (s) => void (s.getRange("2:2").format.rowHeight = 30),
      (s) => void (s.getRange("2:2").rowHidden = true),
    ];
    for (const attempt of attempts) expect((await caught(() => host.run(async (ctx) => attempt(sheet(ctx))))).code).toBe("AccessDenied");
    const allowed = await protectedHost({ allowFormatColumns: true, allowFormatRows: true });
    await allowed.run(async (ctx) => {
      for (const attempt of attempts) attempt(sheet(ctx));
    });
    expect(allowed.snapshot().sheets[0].hiddenRows).toEqual([2]);
  });
});
