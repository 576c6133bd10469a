/**
 * The client half of every test is Microsoft's: `@microsoft/office-js`'s excel-web-16.00.debug.js,
 * evaluated in jsdom, builds the requests; the in-memory host executes them (src/host/officejs).
 * These tests hold the wire format the server relies on, read from that library.
 */
import { readFileSync } from "node:fs";
import { MemoryHost } from "../../src/host";
import { SET_ALIASES } from "../../src/host/officejs/server";
import { caught } from "../host/helpers";

const LIBRARY = require.resolve("@microsoft/office-js/dist/excel-web-16.00.debug.js");

describe("Microsoft's office.js client against the in-memory host", () => {
  it("is the client of every host in the tests", () => {
    expect(new MemoryHost().client?.name).toBe("office.js");
    expect(new MemoryHost({ client: null }).client).toBeNull();
  });

  it("keeps ranges between the syncs of one run by reference, and releases them in a closing request that is not a round trip", async () => {
    const host = new MemoryHost();
    await host.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B1");
      r.values = [[1, 2]];
      await ctx.sync();
      // A Range's object path is invalid after its request (excel-web-16.00.js: GetRange is created
      // with isInvalidAfterRequest); the host's _ReferenceId lets the client use it again.
      r.format.font.bold = true;
      r.load("values, format/font/bold");
      await ctx.sync();
      expect(r.values).toEqual([[1, 2]]);
      expect(r.format.font.bold).toBe(true);
    });
    expect(host.stats.syncs).toBe(2);
    expect(host.stats.cleanupRequests).toBe(1);
  });

  it("re-finds an added worksheet or name by its id in a later request of the same run", async () => {
    const host = new MemoryHost();
    await host.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.add("Khối");
      const name = ctx.workbook.names.add("BX_X", ws.getRange("A1"));
      await ctx.sync();
      ws.getRange("A1").values = [["ok"]];
      name.comment = "đã ghi";
      ws.load("name");
      await ctx.sync();
      expect(ws.name).toBe("Khối");
    });
    expect(host.values("Khối", "A1")).toEqual([["ok"]]);
    expect(host.names().find((n) => n.name === "BX_X")?.comment).toBe("đã ghi");
  });

  it("reports a failed action with its code, message and location; the actions before it stay applied", async () => {
    const host = new MemoryHost();
    const e = await caught(() =>
      host.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["trước"]];
        ctx.workbook.worksheets.getItem("Không có").getRange("A1").values = [["sau"]];
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("ItemNotFound");
    expect(e.debugInfo.errorLocation).toBeTruthy();
    expect(host.values("Sheet1", "A1")).toEqual([["trước"]]);
  });

  it("answers *OrNullObject with a null object the client recognises", async () => {
    const host = new MemoryHost();
    await host.run(async (ctx) => {
      const none = ctx.workbook.worksheets.getItemOrNullObject("Không có");
      const used = ctx.workbook.worksheets.getItem("Sheet1").getUsedRangeOrNullObject(true);
      used.load("address");
      await ctx.sync();
      expect(none.isNullObject).toBe(true);
      expect(used.isNullObject).toBe(true);
    });
  });

  it("measures the body office.js builds: a large write is cut by the client into 1,500-cell pieces, each with its own object paths", async () => {
    const host = new MemoryHost();
    const rows = Array.from({ length: 3000 }, (_, r) => [r + 1, `Đơn vị ${r + 1}`, "x"]);
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:C3000").values = rows;
    });
    const payload = Buffer.byteLength(JSON.stringify(rows));
    // excel-web-16.00.js, setRangePropertiesInBulk: ranges over 1,500 cells are written as
    // getRow(i).getBoundingRect(getRow(j)) pieces of 500 rows here, plus _ValidateArraySize.
    expect(host.stats.maxRequestBytes).toBeGreaterThan(payload);
    expect(host.stats.maxRequestBytes).toBeLessThan(payload * 1.2);
  });

  it("refuses a request over the limit before running any of it", async () => {
    const host = new MemoryHost({ requestLimitBytes: 20_000 });
    const e = await caught(() =>
      host.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["trước"]];
        ctx.workbook.worksheets.getItem("Sheet1").getRange("B1:B2000").values = Array.from({ length: 2000 }, (_, i) => [`dòng ${i}`]);
      }),
    );
    expect(e.code).toBe("RequestPayloadSizeLimitExceeded");
    expect(host.values("Sheet1", "A1")).toEqual([[""]]);
  });

  it("refuses a response over the limit", async () => {
    const host = new MemoryHost({ responseLimitBytes: 20_000 });
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:A2000").values = Array.from({ length: 2000 }, (_, i) => [`dòng ${i}`]);
    });
    const e = await caught(() =>
      host.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:A2000").load("values");
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("ResponsePayloadSizeLimitExceeded");
    // A refused response never leaves Excel: the meter counts only what was delivered.
    expect(host.stats.maxResponseBytes).toBeLessThanOrEqual(20_000);
  });

  it("knows every property the library sets under another wire name (its custom setters)", () => {
    const src = readFileSync(LIBRARY, "utf8");
    const found: Record<string, Record<string, string>> = {};
    for (const m of src.matchAll(/function (\w+)_(\w+)_Set\(thisObj, value\) \{[\s\S]{0,400}?_invokeSetProperty\(thisObj, "(\w+)"/g)) {
      const [, cls, prop, wire] = m;
      if (wire !== prop) (found[cls] ??= {})[wire] = prop[0].toLowerCase() + prop.slice(1);
    }
    expect(found).toEqual(SET_ALIASES);
  });
});
