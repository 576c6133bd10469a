import { MemoryHost } from "../../src/host";
import { writeSheets, toFormulaCell } from "../../src/excel/apply";
import { readWorkbook } from "../../src/excel/read";
import { emptyPlan, type SheetPlan } from "../../src/workbook/plan";

function samplePlan(name = "Bảng"): SheetPlan {
  const p = emptyPlan(name);
  p.blocks.push({ at: "A1", rows: [["Đơn vị", "Điểm", "Ghi chú"], ["Sở A", 8.5, "=1+1"], ["Sở B", 9, "001"], ["Tổng", { f: "=SUM(B2:B3)" }, null]] });
  p.formats.push({ range: "A1:C1", format: { bold: true, fill: "#FCE4D6", borders: "Continuous" } }, { range: "B2:B4", format: { numberFormat: "0.00" } });
  p.merges.push("A6:C6");
  p.columnWidths.push({ column: "A", width: 200 });
  p.validations.push({ range: "B2:B3", rule: { kind: "decimal", min: 0, max: 10 }, error: { title: "Sai điểm", message: "0–10" } });
  p.conditionalFormats.push({ range: "B2:B3", formula: "=B2>9", format: { fill: "#FFC7CE" } });
  p.unlocked.push("B2:B3");
  p.protection = {};
  p.names.push({ name: "BX_Tong", range: "$B$4" });
  p.print = { orientation: "Landscape", paper: "A4", titleRows: "$1:$1", fitToWidth: true };
  p.freeze = { rows: 1, columns: 0 };
  return p;
}

async function state(host: MemoryHost) {
  const r = await readWorkbook(host, {});
  return { sheets: r.sheets, names: r.names };
}

describe("writeSheets", () => {
  it("writes a whole plan in one round trip, formulas live and text kept as text", async () => {
    const host = new MemoryHost();
    const st = await state(host);
    host.resetStats();
    const report = await writeSheets(host, [samplePlan()], st);
    expect(report).toMatchObject({ ok: true, syncs: 1, issues: [] });
    expect(host.stats.syncs).toBe(1);
    expect(host.values("Bảng", "A2:C4")).toEqual([
      ["Sở A", 8.5, "=1+1"],
      ["Sở B", 9, "001"],
      ["Tổng", 17.5, ""],
    ]);
    expect(host.cell("Bảng", "B4").formula).toBe("=SUM(B2:B3)");
    expect(host.names().map((n) => n.name)).toContain("BX_Tong");
    expect(host.protection("Bảng").protected).toBe(true);
    expect(host.pageLayout("Bảng")).toMatchObject({ orientation: "Landscape" });
    expect(host.conditionalFormats("Bảng")).toHaveLength(1);
    expect(host.freeze("Bảng")).toEqual({ rows: 1, columns: 0 });
    expect(host.sheetNames()).toEqual(["Sheet1", "Bảng"].filter((s) => host.sheetNames().includes(s)));
    expect(host.sheetNames().some((s) => s.startsWith("~BX"))).toBe(false);
  });

  it("leaves locked cells locked and input cells open", async () => {
    const host = new MemoryHost();
    await writeSheets(host, [samplePlan()], await state(host));
    expect(() => host.userEdit("Bảng", "A2", "x")).toThrow();
    host.userEdit("Bảng", "B2", 7);
    expect(host.values("Bảng", "B4")).toEqual([[16]]);
    expect(() => host.userEdit("Bảng", "B3", 11)).toThrow(/0–10/); // typed: Excel's Stop alert refuses it
    host.userPaste("Bảng", "B3", [[11]]); // pasted: it gets in, and is found
    expect(host.invalidCells("Bảng")).toEqual(["B3"]);
  });

  it("cuts a large write into the fewest requests under the budget, with the same result", async () => {
    const big = emptyPlan("Lớn");
    big.blocks.push({ at: "A1", rows: Array.from({ length: 3000 }, (_, r) => [r + 1, `Đơn vị thành viên số ${r + 1}`, "Ghi chú khá dài ".repeat(3)]) });
    const one = new MemoryHost();
    const a = await writeSheets(one, [big], await state(one));
    expect(a.syncs).toBe(1);
    const many = new MemoryHost({ requestLimitBytes: 100_000 });
    const st = await state(many);
    many.resetStats();
    const b = await writeSheets(many, [big], st, { budgetBytes: 80_000 });
    expect(b.ok).toBe(true);
    const bytes = 3000 * JSON.stringify([1, "Đơn vị thành viên số 1000", "Ghi chú khá dài ".repeat(3)]).length;
    expect(b.syncs).toBeGreaterThan(1);
    expect(b.syncs).toBeLessThanOrEqual(Math.ceil((bytes * 1.3) / 80_000) + 1);
    expect(many.stats.maxRequestBytes).toBeLessThanOrEqual(100_000);
    expect(many.values("Lớn", "A2999:C3000")).toEqual(one.values("Lớn", "A2999:C3000"));
  });

  it("leaves nothing behind when Excel fails, and keeps the old sheet", async () => {
    const host = new MemoryHost();
    await writeSheets(host, [samplePlan()], await state(host));
    const changed = samplePlan();
    changed.blocks[0].rows[1][0] = "Sở A mới";
    const before = host.sheetNames();
    const st = await state(host);
    host.failAtSync(1);
    const report = await writeSheets(host, [changed], st);
    expect(report.ok).toBe(false);
    expect(report.issues[0].code).toBe("excel.GeneralException");
    expect(host.sheetNames()).toEqual(before);
    expect(host.values("Bảng", "A2")).toEqual([["Sở A"]]);
  });

  it("never leaves a half-written temporary sheet when a request is refused for size", async () => {
    const host = new MemoryHost({ requestLimitBytes: 20_000 });
    const big = emptyPlan("Lớn");
    big.blocks.push({ at: "A1", rows: Array.from({ length: 2000 }, (_, r) => [r, `Đơn vị ${r}`]) });
    const report = await writeSheets(host, [big], await state(host));
    expect(report.ok).toBe(false);
    expect(report.issues[0].code).toBe("excel.RequestPayloadSizeLimitExceeded");
    expect(host.sheetNames().filter((s) => s !== "Sheet1")).toEqual([]);
  });

  it("keeps an old sheet under another name when asked", async () => {
    const host = new MemoryHost();
    await writeSheets(host, [samplePlan()], await state(host));
    const report = await writeSheets(host, [samplePlan()], await state(host), { existing: { Bảng: "keepOld" } });
    expect(report.keptOld).toEqual([{ from: "Bảng", to: "Bảng (cũ)" }]);
    expect(host.sheetNames()).toEqual(expect.arrayContaining(["Bảng", "Bảng (cũ)"]));
    expect(host.sheetNames().indexOf("Bảng (cũ)")).toBeGreaterThanOrEqual(0);
  });

  it("skips print setup with a warning where Excel lacks ExcelApi 1.9", async () => {
    const host = new MemoryHost({ apiSets: { ExcelApi: "1.8" } });
    const report = await writeSheets(host, [samplePlan()], await state(host));
    expect(report.ok).toBe(true);
    expect(report.issues.map((i) => i.code)).toEqual(["excel.print.unsupported"]);
  });

  it("escapes text that Excel would parse", () => {
    expect(toFormulaCell("=SUM(A1)")).toBe("'=SUM(A1)");
    expect(toFormulaCell("001")).toBe("'001");
    expect(toFormulaCell("TRUE")).toBe("'TRUE");
    expect(toFormulaCell("Sở A")).toBe("Sở A");
    expect(toFormulaCell({ f: "=A1" })).toBe("=A1");
    expect(toFormulaCell(null)).toBe("");
    expect(toFormulaCell(3)).toBe(3);
  });
});

describe("page breaks", () => {
  it("writes a plan's page breaks, saves them to .xlsx, and skips them before ExcelApi 1.9", async () => {
    const plan: SheetPlan = { ...emptyPlan("In"), blocks: [{ at: "A1", rows: [["a"], ["b"], ["c"], ["d"]] }], pageBreaks: [2, 3] };
    const host = new MemoryHost();
    await writeSheets(host, [plan], await state(host));
    expect(host.pageBreaks("In")).toEqual([2, 3]);
    // ExcelJS writes <rowBreaks> (ids are the 1-based rows after which a page ends) but reads none back.
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(await host.toXlsx());
    const sheets = await Promise.all(zip.file(/^xl\/worksheets\/sheet\d+\.xml$/).map((f) => f.async("string")));
    const xml = sheets.find((x) => x.includes("<rowBreaks")) ?? "";
    expect([...xml.matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1]))).toEqual([2, 3]);
    const old = new MemoryHost({ apiSets: { ExcelApi: "1.8" } });
    const report = await writeSheets(old, [{ ...plan, print: { orientation: "Portrait", paper: "A4" } }], await state(old));
    expect(old.pageBreaks("In")).toEqual([]);
    expect(report.issues.map((i) => i.code)).toContain("excel.print.unsupported");
  });
});

describe("protection over large ranges", () => {
  it("lets a write cover more than 20,000 unlocked cells of a protected sheet, and refuses one touching a locked cell", async () => {
    const { writeCells } = await import("../../src/excel/cells");
    const host = new MemoryHost();
    const plan: SheetPlan = { ...emptyPlan("Phiếu"), unlocked: ["A1:CV300"], protection: {} };
    await writeSheets(host, [plan], await state(host));
    const cells = (rows: number, cols: number) =>
      Array.from({ length: rows * cols }, (_, i) => ({ sheet: "Phiếu", address: `${columnName(i % cols)}${Math.floor(i / cols) + 1}`, value: "x" }));
    const ok = await writeCells(host, cells(300, 100));
    expect(ok.ok).toBe(true);
    expect(host.values("Phiếu", "CV300")).toEqual([["x"]]);
    const refused = await writeCells(host, cells(301, 100));
    expect(refused.ok).toBe(false);
  });
});

function columnName(c: number): string {
  let s = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
