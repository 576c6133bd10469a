import { MemoryHost } from "../../src/host";
import { caught, caughtSync } from "./helpers";

describe("page layout", () => {
  test("orientation, paper, print titles, margins (points), centring, zoom fit-to-width", async () => {
    const host = new MemoryHost();
    await host.run(async (ctx) => {
      const pl = ctx.workbook.worksheets.getItem("Sheet1").pageLayout;
      pl.orientation = "Landscape";
      pl.paperSize = "A4";
      pl.setPrintTitleRows("$1:$3");
      pl.setPrintArea("A1:H40");
      pl.leftMargin = 36;
      pl.rightMargin = 36;
      pl.topMargin = 54;
      pl.bottomMargin = 54;
      pl.headerMargin = 20;
      pl.footerMargin = 20;
      pl.centerHorizontally = true;
      // One page wide, as many tall as needed: verticalFitToPages left out (0 is not a documented value).
      pl.zoom = { horizontalFitToPages: 1 };
      pl.load("orientation, paperSize, leftMargin, zoom, centerHorizontally");
      const titles = pl.getPrintTitleRowsOrNullObject().load("address");
      const area = pl.getPrintAreaOrNullObject().load("address");
      await ctx.sync();
      expect(pl.orientation).toBe("Landscape");
      expect(pl.paperSize).toBe("A4");
      expect(pl.leftMargin).toBe(36);
      expect(pl.zoom).toEqual({ horizontalFitToPages: 1 });
      expect(pl.centerHorizontally).toBe(true);
      expect(titles.address).toBe("Sheet1!1:3");
      expect(area.address).toBe("Sheet1!A1:H40");
    });
    expect(host.pageLayout("Sheet1")).toMatchObject({
      orientation: "Landscape",
      paperSize: "A4",
      printTitleRows: "$1:$3",
      printArea: "$A$1:$H$40",
      margins: { left: 36, right: 36, top: 54, bottom: 54, header: 20, footer: 20 },
      centerHorizontally: true,
      fitToWidth: 1,
    });
  });

  test("defaults are Excel's Normal margins", () => {
    expect(new MemoryHost().pageLayout("Sheet1")).toMatchObject({ orientation: "Portrait", margins: { left: 50.4, top: 54 }, zoom: { scale: 100 } });
  });

  test("setPrintMargins converts units", async () => {
    const host = new MemoryHost();
    await host.run(async (ctx) => ctx.workbook.worksheets.getItem("Sheet1").pageLayout.setPrintMargins("Inches", { left: 0.5, top: 1 }));
    expect(host.pageLayout("Sheet1").margins).toMatchObject({ left: 36, top: 72 });
  });

  test("invalid values fail with InvalidArgument", async () => {
    const host = new MemoryHost();
    expect((await caught(() => host.run(async (ctx) => void (ctx.workbook.worksheets.getItem("Sheet1").pageLayout.paperSize = "A9" as never)))).code).toBe("InvalidArgument");
    expect((await caught(() => host.run(async (ctx) => ctx.workbook.worksheets.getItem("Sheet1").pageLayout.setPrintTitleRows("A1:B2")))).code).toBe("InvalidArgument");
    expect((await caught(() => host.run(async (ctx) => void (ctx.workbook.worksheets.getItem("Sheet1").pageLayout.zoom = { scale: 5 })))).code).toBe("InvalidArgument");
  });

  test("print title rows follow inserted rows", async () => {
    const host = new MemoryHost();
    await host.run(async (ctx) => ctx.workbook.worksheets.getItem("Sheet1").pageLayout.setPrintTitleRows("$2:$3"));
    host.userInsertRows("Sheet1", 1, 1);
    expect(host.pageLayout("Sheet1").printTitleRows).toBe("$3:$4");
  });

  test("needs ExcelApi 1.9: the host's own proxies throw ApiNotFound synchronously", async () => {
    const host = new MemoryHost({ apiSets: { ExcelApi: "1.8" }, client: null });
    await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      const e = caughtSync(() => s.pageLayout);
      expect(e.code).toBe("ApiNotFound");
      expect(e.name).toBe("RichApi.Error");
      expect(e.message).toContain("ExcelApi 1.9");
      expect(caughtSync(() => s.getRange("A1").dataValidation.getInvalidCellsOrNullObject()).code).toBe("ApiNotFound");
      expect(caughtSync(() => s.getRange("A1").getMergedAreasOrNullObject()).code).toBe("ApiNotFound");
    });
    expect(host.isSetSupported("ExcelApi", "1.9")).toBe(false);
  });

  test("requirement checks cover older sets too (the host's own proxies)", async () => {
    const host = new MemoryHost({ apiSets: { ExcelApi: "1.3" }, client: null });
    await host.run(async (ctx) => {
      expect(caughtSync(() => ctx.workbook.worksheets.getItemOrNullObject("x")).code).toBe("ApiNotFound");
      expect(caughtSync(() => ctx.workbook.names.add("x", "=1")).code).toBe("ApiNotFound");
      expect(caughtSync(() => ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").conditionalFormats).code).toBe("ApiNotFound");
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      expect(caughtSync(() => (s.tabColor = "red")).code).toBe("ApiNotFound");
    });
  });

  // excel-web-16.00.js sets `OfficeExtension.Utility._doApiNotSupportedCheck = true` on a subclass,
  // while the check reads CommonUtility's flag, which stays false: this client sends the call, and
  // the older Excel refuses it when the request runs. The add-in therefore asks isSetSupported first.
  test("through office.js, an API newer than the host fails at sync with ApiNotFound", async () => {
    const host = new MemoryHost({ apiSets: { ExcelApi: "1.8" } });
    const e = await caught(() =>
      host.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").pageLayout.orientation = "Landscape";
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("ApiNotFound");
    expect(e.message).toContain("ExcelApi 1.9");
  });
});
