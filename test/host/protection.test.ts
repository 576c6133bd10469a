import { MemoryHost } from "../../src/host";
import { caught } from "./helpers";

async function protectedSheet(password?: string, options?: Excel.WorksheetProtectionOptions): Promise<MemoryHost> {
  const host = new MemoryHost();
  await host.run(async (ctx) => {
    const s = ctx.workbook.worksheets.getItem("Sheet1");
    s.getRange("A1:C3").values = [[1, 2, 3], [4, 5, 6], [7, 8, 9]];
    s.getRange("B2:B3").format.protection.locked = false;
    s.protection.protect(options, password);
  });
  return host;
}

describe("worksheet protection", () => {
  test("protect/unprotect and the protected flag", async () => {
    const host = await protectedSheet();
    await host.run(async (ctx) => {
      const p = ctx.workbook.worksheets.getItem("Sheet1").protection.load("protected, options");
      await ctx.sync();
      expect(p.protected).toBe(true);
      expect(p.options.allowInsertRows).toBe(false);
      p.unprotect();
      p.load("protected");
      await ctx.sync();
      expect(p.protected).toBe(false);
    });
    expect(host.protection("Sheet1")).toMatchObject({ protected: false, hasPassword: false });
  });

  test("writing to a locked cell fails with AccessDenied; earlier writes of the batch stay", async () => {
    const host = await protectedSheet();
    const e = await caught(() =>
      host.run(async (ctx) => {
        const s = ctx.workbook.worksheets.getItem("Sheet1");
        s.getRange("B2").values = [[50]]; // unlocked: fine
        s.getRange("A1").values = [[10]]; // locked: refused
        s.getRange("B3").values = [[80]]; // not run
      }),
    );
    expect(e.code).toBe("AccessDenied");
    expect(e.name).toBe("RichApi.Error");
    expect(host.values("Sheet1", "A1:B3")).toEqual([
      [1, 2],
      [4, 50],
      [7, 8],
    ]);
  });

  test("a write that touches any locked cell is refused whole", async () => {
    const host = await protectedSheet();
    expect((await caught(() => host.run(async (ctx) => void (ctx.workbook.worksheets.getItem("Sheet1").getRange("B2:C2").values = [[0, 0]])))).code).toBe("AccessDenied");
    expect(host.values("Sheet1", "B2:C2")).toEqual([[5, 6]]);
  });

  test("formats, locking, merges, validation and row insertion are refused on a protected sheet", async () => {
    const host = await protectedSheet();
    const attempts: Array<(s: Excel.Worksheet) => void> = [
      (s) => void (s.getRange("A1").format.font.bold = true),
      (s) => void (s.getRange("B2").format.protection.locked = true),
      (s) => s.getRange("A1:B1").merge(),
      (s) => void (s.getRange("B2").dataValidation.rule = { wholeNumber: { formula1: 0, operator: "GreaterThan" } }),
      (s) => void s.getRange("B2").conditionalFormats.add("Custom"),
      (s) => void s.getRange("2:2").insert("Down"),
      (s) => void (s.getRange("A:A").format.columnWidth = 100),
      (s) => s.getRange("A1").clear("Contents"),
    ];
    for (const attempt of attempts) {
      const e = await caught(() => host.run(async (ctx) => attempt(ctx.workbook.worksheets.getItem("Sheet1"))));
      expect(e.code).toBe("AccessDenied");
    }
  });

  test("options allow what they name", async () => {
    const host = await protectedSheet(undefined, { allowInsertRows: true, allowFormatCells: true, allowFormatColumns: true });
    await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      s.getRange("A1").format.font.bold = true;
      s.getRange("A:A").format.columnWidth = 100;
      s.getRange("2:2").insert("Down");
    });
    expect(host.cell("Sheet1", "A1").format.bold).toBe(true);
    expect(host.values("Sheet1", "A2")).toEqual([[""]]);
  });

  test("userEdit refuses locked cells with the same error; unlocked cells accept", async () => {
    const host = await protectedSheet();
    const e = await caught(() => host.userEdit("Sheet1", "A1", 99));
    expect(e.code).toBe("AccessDenied");
    host.userEdit("Sheet1", "B2", 99);
    expect(host.values("Sheet1", "B2")).toEqual([[99]]);
    expect((await caught(() => host.userInsertRows("Sheet1", 2, 1))).code).toBe("AccessDenied");
    expect((await caught(() => host.userSortRows("Sheet1", "A1:C3", 0, false))).code).toBe("AccessDenied");
  });

  test("a password is required to unprotect; a wrong one fails with InvalidArgument", async () => {
    const host = await protectedSheet("bí-mật");
    expect(host.protection("Sheet1")).toMatchObject({ protected: true, hasPassword: true });
    const e = await caught(() => host.run(async (ctx) => ctx.workbook.worksheets.getItem("Sheet1").protection.unprotect("sai")));
    expect(e.code).toBe("InvalidArgument");
    const e2 = await caught(() => host.run(async (ctx) => ctx.workbook.worksheets.getItem("Sheet1").protection.unprotect()));
    expect(e2.code).toBe("InvalidArgument");
    await host.run(async (ctx) => ctx.workbook.worksheets.getItem("Sheet1").protection.unprotect("bí-mật"));
    expect(host.protection("Sheet1").protected).toBe(false);
  });

  test("protecting an already protected sheet fails (docs: 'Fails if the worksheet has already been protected')", async () => {
    const host = await protectedSheet();
    const e = await caught(() => host.run(async (ctx) => ctx.workbook.worksheets.getItem("Sheet1").protection.protect()));
    expect(e.code).toBe("AccessDenied");
  });

  test("renaming, tab colour and page setup stay allowed on a protected sheet", async () => {
    const host = await protectedSheet();
    await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      s.name = "Khóa";
      s.tabColor = "red";
      s.pageLayout.orientation = "Landscape";
    });
    expect(host.sheetNames()).toEqual(["Khóa"]);
  });
});
