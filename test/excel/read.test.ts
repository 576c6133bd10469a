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
    expect(problem?.message.vi).toMatch(/Không chọn được ô/);
  });
});
