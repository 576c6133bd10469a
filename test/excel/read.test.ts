import { saveBloc } from "../../src/app/bloc";
import { readNames, readWorkbook } from "../../src/excel/read";
import { selectCell } from "../../src/excel/select";
import { MemoryHost } from "../../src/host";
import { sampleDraft } from "../fixtures/bloc";

describe("reading through the door", () => {
  it("reads named regions in one round trip, following inserted rows", async () => {
    const host = new MemoryHost();
    await saveBloc(host, sampleDraft(), { basedOn: null });
    host.userInsertRows("Khối", 1, 3);
    host.resetStats();
    const r = await readNames(host, ["BX_Khoi_Ten", "BX_Khoi_DonVi", "BX_Khong_Co"]);
    expect(host.stats.syncs).toBe(1);
    expect(r.BX_Khoi_Ten).toMatchObject({ exists: true, values: [[sampleDraft().name]] });
    expect(r.BX_Khoi_Ten.address).toMatch(/B7$/);
    expect(r.BX_Khoi_DonVi.values.flat()).toEqual(sampleDraft().members.map((m) => m.name));
    expect(r.BX_Khong_Co.exists).toBe(false);
  });

  it("reads sheet lists, names and used ranges at once, a missing sheet as missing", async () => {
    const host = new MemoryHost();
    await saveBloc(host, sampleDraft(), { basedOn: null });
    host.resetStats();
    const r = await readWorkbook(host, { sheets: ["Khối", "Không có"], sheetsOfNames: ["BX_Khoi_Nam"], formulas: true });
    expect(host.stats.syncs).toBe(1);
    expect(r.sheets).toContain("Khối");
    expect(r.names.map((n) => n.name)).toContain("BX_Khoi_Nam");
    expect(r.byName["Khối"]).toMatchObject({ exists: true, row: 0, col: 0 });
    expect(r.byName["Không có"]).toMatchObject({ exists: false, values: [] });
    expect(r.byDefinedName.BX_Khoi_Nam.name).toBe("Khối");
  });

  it("selects a cell, and says so in words when the sheet is gone", async () => {
    const host = new MemoryHost();
    await saveBloc(host, sampleDraft(), { basedOn: null });
    expect(await selectCell(host, { sheet: "Khối", cell: "B6" })).toBeNull();
    expect(host.selection()).toEqual({ sheet: "Khối", address: expect.stringMatching(/B6$/) });
    const problem = await selectCell(host, { sheet: "Đã xoá", cell: "A1" });
    expect(problem?.code).toBe("excel.ItemNotFound");
    expect(problem?.where).toEqual({ sheet: "Đã xoá", cell: "A1" });
  });
});

/**
 * Excel on the web refuses a response over 5 MB (RichApi ResponsePayloadSizeLimitExceeded): large
 * items are read in row slices, each response under the budget, as office.js measures it here.
 */
describe("reads split under the response budget", () => {
  async function bigSheet(rows: number) {
    const host = new MemoryHost();
    await host.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.add("Phiếu");
      ws.getRange(`A1:E${rows}`).values = Array.from({ length: rows }, (_, r) => [r + 1, "x", "", "Nội dung dài không cần đọc ".repeat(2), r % 2 ? "k" : ""]);
      ctx.workbook.names.add("BX_Vung", ws.getRange(`A1:E${rows}`));
    });
    return host;
  }

  it("reads a heavy region longer than its share in several requests, each response under the budget, with the same values", async () => {
    const host = await bigSheet(3000);
    const whole = await readWorkbook(host, { regions: ["BX_Vung"] });
    host.resetStats();
    const split = await readWorkbook(host, { regions: ["BX_Vung"], heavy: { BX_Vung: { width: 5, cellBytes: 8, skip: [3] } }, budgetBytes: 40_000 });
    expect(host.stats.syncs).toBeGreaterThan(2);
    expect(host.stats.maxResponseBytes).toBeLessThanOrEqual(40_000);
    expect(split.regions.BX_Vung.values).toEqual(whole.regions.BX_Vung.values.map((r) => r.map((v, c) => (c === 3 ? "" : v))));
  });

  it("leaves out the columns the reader does not need, and reads a short heavy item in one request", async () => {
    const host = await bigSheet(20);
    host.resetStats();
    const r = await readWorkbook(host, { regions: ["BX_Vung"], heavy: { BX_Vung: { width: 5, cellBytes: 6, skip: [3] } } });
    expect(host.stats.syncs).toBe(1);
    expect(r.regions.BX_Vung.values[1]).toEqual([2, "x", "", "", "k"]);
    expect(r.regions.BX_Vung.values).toHaveLength(20);
  });

  it("when cells are longer than estimated and a response is refused, reads the same rows again in halves", async () => {
    const host = await bigSheet(2000);
    const limited = await MemoryHost.fromXlsx(await host.toXlsx(), { responseLimitBytes: 60_000 });
    const whole = await readWorkbook(host, { regions: ["BX_Vung"] });
    const r = await readWorkbook(limited, { regions: ["BX_Vung"], heavy: { BX_Vung: { width: 5, cellBytes: 1 } }, budgetBytes: 50_000 });
    expect(r.regions.BX_Vung.values).toEqual(whole.regions.BX_Vung.values);
    expect(limited.stats.maxResponseBytes).toBeLessThanOrEqual(60_000);
  });
});
