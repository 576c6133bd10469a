import { MemoryHost } from "../../src/host";
import { caught } from "./helpers";

describe("queued writes, failures, payload limits and counters", () => {
  test("writes take effect at sync, not before", async () => {
    const host = new MemoryHost();
    await host.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B1");
      r.values = [[1, 2]];
      expect(host.values("Sheet1", "A1:B1")).toEqual([["", ""]]);
      await ctx.sync();
      expect(host.values("Sheet1", "A1:B1")).toEqual([[1, 2]]);
    });
  });

  test("operations run in order", async () => {
    const host = new MemoryHost();
    await host.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1");
      r.values = [[1]];
      r.values = [[2]];
      r.clear("Contents");
      r.values = [[3]];
      await ctx.sync();
    });
    expect(host.values("Sheet1", "A1")).toEqual([[3]]);
  });

  test("Excel.run syncs what is still queued when the batch returns", async () => {
    const host = new MemoryHost();
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
    });
    expect(host.values("Sheet1", "A1")).toEqual([[1]]);
    expect(host.stats.syncs).toBe(1);
  });

  test("a batch that throws before syncing writes nothing", async () => {
    const host = new MemoryHost();
    await expect(
      host.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(host.values("Sheet1", "A1")).toEqual([[""]]);
  });

  test("a failing operation keeps the earlier ones and drops the later ones", async () => {
    const host = new MemoryHost();
    const e = await caught(() =>
      host.run(async (ctx) => {
        const sheet = ctx.workbook.worksheets.getItem("Sheet1");
        sheet.getRange("A1").values = [[1]];
        ctx.workbook.worksheets.getItem("Missing").getRange("A1").values = [[2]]; // fails: ItemNotFound
        sheet.getRange("A2").values = [[3]];
        await ctx.sync();
      }),
    );
    expect(e.name).toBe("RichApi.Error");
    expect(e.code).toBe("ItemNotFound");
    expect(typeof e.message).toBe("string");
    expect(e.debugInfo.code).toBe("ItemNotFound");
    expect(e.debugInfo.message).toBe(e.message);
    expect(e.debugInfo.errorLocation).toBe("WorksheetCollection.getItem");
    expect(host.values("Sheet1", "A1:A2")).toEqual([[1], [""]]);
  });

  test("an InvalidArgument in the middle of a batch: same rule", async () => {
    const host = new MemoryHost();
    const e = await caught(() =>
      host.run(async (ctx) => {
        const sheet = ctx.workbook.worksheets.getItem("Sheet1");
        sheet.getRange("A1").values = [[1]];
        sheet.getRange("B1:C1").values = [[1, 2, 3]];
        sheet.getRange("A2").values = [[3]];
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("InvalidArgument");
    expect(e.debugInfo.errorLocation).toBe("Range.values");
    expect(host.values("Sheet1", "A1:C2")).toEqual([
      [1, "", ""],
      ["", "", ""],
    ]);
  });

  test("loads of a failed sync are not delivered", async () => {
    const host = new MemoryHost();
    await host.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").load("values");
      ctx.workbook.worksheets.getItem("Missing").load("name");
      await expect(ctx.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
      expect(() => r.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  test("a request over the payload limit fails with RequestPayloadSizeLimitExceeded and applies nothing", async () => {
    const host = new MemoryHost({ requestLimitBytes: 10_000 });
    const e = await caught(() =>
      host.run(async (ctx) => {
        const sheet = ctx.workbook.worksheets.getItem("Sheet1");
        sheet.getRange("A1").values = [["first"]];
        const big = Array.from({ length: 500 }, (_, i) => [`dòng ${i} — tiếng Việt`]);
        sheet.getRange("B1:B500").values = big;
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("RequestPayloadSizeLimitExceeded");
    expect(host.values("Sheet1", "A1")).toEqual([[""]]);
    expect(host.stats.syncs).toBe(1);
    expect(host.stats.lastRequestBytes).toBeGreaterThan(10_000);
  });

  test("the request size is the UTF-8 size of the request body office.js sends", async () => {
    const host = new MemoryHost();
    const write = (text: string) =>
      host.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[text]];
      });
    await write("a");
    const ascii = host.stats.lastRequestBytes;
    await write("ố");
    expect(host.stats.lastRequestBytes).toBe(ascii + 2); // "ố" is 3 bytes in UTF-8
  });

  test("a response over the limit fails with ResponsePayloadSizeLimitExceeded", async () => {
    const host = new MemoryHost({ responseLimitBytes: 2_000 });
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:A300").values = 123456 as unknown as number[][];
    });
    const e = await caught(() =>
      host.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:A300").load("values");
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("ResponsePayloadSizeLimitExceeded");
  });

  test("stats count syncs, runs and bytes; resetStats clears them", async () => {
    const host = new MemoryHost();
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
      await ctx.sync();
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").load("values");
      await ctx.sync();
      expect(r.values).toEqual([[1]]);
      await ctx.sync(); // nothing queued: no round trip
    });
    expect(host.stats.runs).toBe(1);
    expect(host.stats.syncs).toBe(2);
    expect(host.stats.requestBytes).toBeGreaterThan(0);
    expect(host.stats.maxRequestBytes).toBeGreaterThanOrEqual(host.stats.lastRequestBytes);
    expect(host.stats.responseBytes).toBeGreaterThan(0);
    await expect(host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("X").load("name");
      await ctx.sync();
    })).rejects.toMatchObject({ code: "ItemNotFound" });
    expect(host.stats.syncs).toBe(3); // failed syncs count too
    host.resetStats();
    expect(host.stats).toEqual({ syncs: 0, runs: 0, requestBytes: 0, lastRequestBytes: 0, maxRequestBytes: 0, responseBytes: 0, maxResponseBytes: 0, cleanupRequests: 0 });
  });

  test("failAtSync(n): the n-th sync fails and applies nothing of its batch", async () => {
    const host = new MemoryHost();
    host.failAtSync(2);
    await host.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1").values = [[1]];
      await ctx.sync(); // 1st: fine
      sheet.getRange("A2").values = [[2]];
      sheet.getRange("A3").values = [[3]];
      const e = await caught(() => ctx.sync()); // 2nd: fails
      expect(e.code).toBe("GeneralException");
      expect(e.name).toBe("RichApi.Error");
      sheet.getRange("A4").values = [[4]];
      await ctx.sync(); // 3rd: fine again
    });
    expect(host.values("Sheet1", "A1:A4")).toEqual([[1], [""], [""], [4]]);
  });

  test("failAtSync with a custom error", async () => {
    const host = new MemoryHost();
    host.failAtSync(1, { code: "Timeout", message: "The operation has timed out." });
    const e = await caught(() =>
      host.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
      }),
    );
    expect(e.code).toBe("Timeout");
    expect(e.message).toBe("The operation has timed out.");
    expect(host.values("Sheet1", "A1")).toEqual([[""]]);
  });

  test("onChange fires after syncs that changed something, and can be unsubscribed", async () => {
    const host = new MemoryHost();
    let calls = 0;
    const off = host.onChange(() => calls++);
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").load("values");
      await ctx.sync();
      expect(calls).toBe(0);
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
      await ctx.sync();
      expect(calls).toBe(1);
    });
    host.userEdit("Sheet1", "B1", "x");
    expect(calls).toBe(2);
    off();
    host.userEdit("Sheet1", "B1", "y");
    expect(calls).toBe(2);
  });

  // The host's own proxies (the browser preview's client) refuse this; office.js itself sends the request.
  test("a context can't be used after its run ended (the host's own proxies)", async () => {
    const host = new MemoryHost({ client: null });
    let saved: Excel.RequestContext | null = null;
    await host.run(async (ctx) => {
      saved = ctx;
    });
    const ctx = saved as unknown as Excel.RequestContext;
    ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
    await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidRequestContext" });
    expect(host.values("Sheet1", "A1")).toEqual([[""]]);
  });

  test("isSetSupported compares dotted versions with the configured sets", () => {
    const host = new MemoryHost({ apiSets: { ExcelApi: "1.12" } });
    expect(host.isSetSupported("ExcelApi", "1.8")).toBe(true);
    expect(host.isSetSupported("ExcelApi", "1.12")).toBe(true);
    expect(host.isSetSupported("ExcelApi", "1.13")).toBe(false);
    expect(host.isSetSupported("ExcelApi", "1.9")).toBe(true);
    expect(host.isSetSupported("ExcelApiOnline", "1.1")).toBe(false);
    expect(new MemoryHost().isSetSupported("ExcelApi", "1.17")).toBe(true);
  });
});
