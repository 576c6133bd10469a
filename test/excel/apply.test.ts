import { MemoryHost } from "../../src/host";
import { REGION_DONE, REGION_WRITING, writeSheets, toFormulaCell } from "../../src/excel/apply";
import { readWorkbook } from "../../src/excel/read";
import { emptyPlan, regionName, type SheetPlan } from "../../src/workbook/plan";

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

const BANG_REGION = regionName(emptyPlan("Bảng"));

/** A workbook's snapshot with the region names' write times left out (they tell writes apart). */
function comparable(host: MemoryHost) {
  return JSON.parse(JSON.stringify(host.snapshot()).replace(/ghi lúc [0-9: .-]+/g, "ghi lúc …"));
}

/** What a use case knows after its read: sheets with ids and protection, names, the log. */
async function state(host: MemoryHost) {
  return readWorkbook(host, {});
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

  it("cuts a large write into the fewest requests under the budget, each under it as office.js builds it, with the same result", async () => {
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
    // The budget holds against the body Microsoft's client library builds (the host's meter in these tests).
    expect(many.stats.maxRequestBytes).toBeLessThanOrEqual(80_000);
    expect(many.values("Lớn", "A2999:C3000")).toEqual(one.values("Lớn", "A2999:C3000"));
  });

  // Excel binds a sheet reference when the formula is entered; deleting the sheet leaves #REF! for good
  // (OfficeDev/office-js-docs-pr#1762). So a rewrite updates the sheet in place: same sheet, same id.
  it("rewrites a sheet in place: the same sheet (same id) stays, and formulas on other sheets keep pointing at it", async () => {
    const host = new MemoryHost();
    await writeSheets(host, [samplePlan()], await state(host));
    const id = (await readWorkbook(host, {})).sheetInfo.find((s) => s.name === "Bảng")?.id;
    host.userEdit("Sheet1", "A1", "='Bảng'!B4");
    const changed = samplePlan();
    changed.blocks[0].rows[1][1] = 1.5;
    const report = await writeSheets(host, [changed], await state(host));
    expect(report.ok).toBe(true);
    expect((await readWorkbook(host, {})).sheetInfo.find((s) => s.name === "Bảng")?.id).toBe(id);
    expect(host.cell("Sheet1", "A1").formula).toBe("=Bảng!B4");
    expect(host.values("Sheet1", "A1")).toEqual([[10.5]]);
  });

  it("keeps what a user typed outside the sheet's region, and clears what the old region held that the new plan does not", async () => {
    const host = new MemoryHost();
    await writeSheets(host, [samplePlan()], await state(host));
    const region = host.names().find((n) => n.name === BANG_REGION);
    expect(region).toMatchObject({ formula: expect.stringMatching(/!\$A\$1:\$C\$6$/), comment: expect.stringContaining(REGION_DONE) });
    await host.run(async (ctx) => ctx.workbook.worksheets.getItem("Bảng").protection.unprotect());
    host.userEdit("Bảng", "E2", "ghi chú của khối");
    const shorter = samplePlan();
    shorter.blocks[0].rows = shorter.blocks[0].rows.slice(0, 2);
    shorter.merges = [];
    await writeSheets(host, [shorter], await state(host));
    expect(host.values("Bảng", "E2")).toEqual([["ghi chú của khối"]]);
    expect(host.values("Bảng", "A3:B4")).toEqual([["", ""], ["", ""]]);
    // The plan still formats B2:B4 and names B4: its region ends there now; the merge on row 6 is gone.
    expect(host.names().find((n) => n.name === BANG_REGION)?.formula).toMatch(/!\$A\$1:\$C\$4$/);
    expect(host.snapshot().sheets.find((x) => x.name === "Bảng")?.merges ?? []).toEqual([]);
  });

  it("removes the hidden temporary sheets an older version left behind", async () => {
    const host = new MemoryHost();
    await host.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.add("~BX0-123456");
      ws.getRange("A1").values = [["dở"]];
      ws.visibility = "Hidden";
    });
    await writeSheets(host, [samplePlan()], await state(host));
    expect(host.sheetNames()).toEqual(["Sheet1", "Bảng"]);
  });

  it("a failure at any request leaves no helper sheet, marks the region unfinished, and running again completes the same workbook", async () => {
    const big = () => {
      const p = samplePlan();
      p.blocks.push({ at: "A10", rows: Array.from({ length: 600 }, (_, r) => [r, `Đơn vị thành viên số ${r}`, "ghi chú"]) });
      return p;
    };
    const clean = new MemoryHost();
    await writeSheets(clean, [big()], await state(clean), { budgetBytes: 12_000 });
    const requests = clean.stats.syncs - 1;
    expect(requests).toBeGreaterThan(2);
    for (let at = 1; at <= requests; at++) {
      const host = new MemoryHost();
      const st = await state(host);
      host.failAtSync(at);
      const failed = await writeSheets(host, [big()], st, { budgetBytes: 12_000 });
      expect(failed.ok).toBe(false);
      expect(failed.issues.at(-1)?.message.en).toMatch(/run the action again/);
      expect(host.sheetNames().filter((s) => s.startsWith("~"))).toEqual([]);
      if (at > 1) expect(host.names().find((n) => n.name === BANG_REGION)?.comment).toBe(REGION_WRITING);
      const again = await writeSheets(host, [big()], await state(host), { budgetBytes: 12_000 });
      expect(again.ok).toBe(true);
      expect(comparable(host)).toEqual(comparable(clean));
    }
  });

  it("refuses a request over the limit without a half-written sheet, and says to run it again", async () => {
    const host = new MemoryHost({ requestLimitBytes: 20_000 });
    const big = emptyPlan("Lớn");
    big.blocks.push({ at: "A1", rows: Array.from({ length: 2000 }, (_, r) => [r, `Đơn vị ${r}`]) });
    const report = await writeSheets(host, [big], await state(host), { budgetBytes: 100_000 });
    expect(report.ok).toBe(false);
    expect(report.issues[0].code).toBe("excel.RequestPayloadSizeLimitExceeded");
    expect(host.sheetNames()).toEqual(["Sheet1"]);
  });

  it("keeps a copy of the old sheet's values aside when asked, and updates the sheet itself in place", async () => {
    const host = new MemoryHost();
    await writeSheets(host, [samplePlan()], await state(host));
    const read = await readWorkbook(host, { sheets: ["Bảng"] });
    const report = await writeSheets(host, [samplePlan()], read, { existing: { Bảng: "keepOld" } });
    expect(report.keptOld).toEqual([{ from: "Bảng", to: "Bảng (cũ)" }]);
    expect(host.sheetNames()).toEqual(["Sheet1", "Bảng", "Bảng (cũ)"]);
    expect(host.values("Bảng (cũ)", "A2:B2")).toEqual([["Sở A", 8.5]]);
  });

  it("moves a sheet that is not the add-in's aside whole (its own formulas follow it), and creates its own", async () => {
    const host = new MemoryHost();
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.add("Bảng").getRange("A1").values = [["của khối"]];
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").formulas = [["='Bảng'!A1"]];
    });
    const report = await writeSheets(host, [samplePlan()], await state(host), { existing: { Bảng: "renameAside" } });
    expect(report.keptOld).toEqual([{ from: "Bảng", to: "Bảng (cũ)" }]);
    expect(host.cell("Sheet1", "A1").formula).toBe("='Bảng (cũ)'!A1");
    expect(host.values("Sheet1", "A1")).toEqual([["của khối"]]);
    expect(host.values("Bảng", "A2")).toEqual([["Sở A"]]);
  });

  it("rewrites a sheet protected with a password only with that password, and protects it again", async () => {
    const host = new MemoryHost();
    const plan = samplePlan();
    plan.protection = { password: "khoi2026" };
    await writeSheets(host, [plan], await state(host));
    const without = samplePlan();
    without.blocks[0].rows[1][0] = "Sở A mới";
    const refused = await writeSheets(host, [without], await state(host));
    expect(refused.ok).toBe(false);
    expect(refused.issues.at(-1)?.message.en).toMatch(/password/);
    expect(host.values("Bảng", "A2")).toEqual([["Sở A"]]);
    const ok = await writeSheets(host, [{ ...without, protection: { password: "khoi2026" } }], await state(host), { password: "khoi2026" });
    expect(ok.ok).toBe(true);
    expect(host.values("Bảng", "A2")).toEqual([["Sở A mới"]]);
    expect(host.protection("Bảng")).toMatchObject({ protected: true, hasPassword: true });
  });

  it("names back a sheet a co-author renamed between the read and the write, so its formulas still point at it", async () => {
    const host = new MemoryHost();
    await writeSheets(host, [samplePlan()], await state(host));
    const st = await state(host);
    host.userRenameSheet("Bảng", "Bảng của tôi");
    const report = await writeSheets(host, [samplePlan()], st);
    expect(report.ok).toBe(true);
    expect(report.renamedBack).toEqual([{ from: "Bảng của tôi", to: "Bảng" }]);
    expect(report.issues.map((i) => i.code)).toContain("excel.sheet.renamedBack");
    expect(host.sheetNames()).toEqual(["Sheet1", "Bảng"]);
  });

  it("reads guarded ranges as they are just before the write", async () => {
    const host = new MemoryHost();
    await writeSheets(host, [samplePlan()], await state(host));
    const st = await state(host);
    host.userEdit("Bảng", "B2", 9.5); // a co-author types after the read
    const report = await writeSheets(host, [samplePlan()], st, { guards: [{ sheet: "Bảng", address: "B2:B3" }] });
    expect(report.guarded["Bảng!B2:B3"]).toEqual([[9.5], [9]]);
  });

  it("appends the log where Excel finds its end when the request runs, and a log protected with a password holds nothing back", async () => {
    const host = new MemoryHost();
    await writeSheets(host, [samplePlan()], await state(host), { log: { action: "Một", object: "x", counts: "" } });
    const st = await state(host);
    await writeSheets(host, [samplePlan("Khác")], await state(host), { log: { action: "Hai", object: "x", counts: "" } });
    // A third write from the older read: its entry still goes below the second, not over it.
    await writeSheets(host, [samplePlan("Thứ ba")], st, { log: { action: "Ba", object: "x", counts: "" } });
    expect(host.values("Nhật ký", "B4:B6")).toEqual([["Một"], ["Hai"], ["Ba"]]);
    await host.run(async (ctx) => {
      const p = ctx.workbook.worksheets.getItem("Nhật ký").protection;
      p.unprotect();
      p.protect(undefined, "của tôi");
    });
    const report = await writeSheets(host, [samplePlan("Thứ tư")], await state(host), { log: { action: "Bốn", object: "x", counts: "" } });
    expect(report.ok).toBe(true);
    expect(report.issues.map((i) => i.code)).toEqual(["excel.log.notWritten"]);
    expect(host.values("Thứ tư", "A2")).toEqual([["Sở A"]]);
  });

  it("skips print setup with a warning where Excel lacks ExcelApi 1.9", async () => {
    const host = new MemoryHost({ apiSets: { ExcelApi: "1.8" } });
    const report = await writeSheets(host, [samplePlan()], await state(host));
    expect(report.ok).toBe(true);
    expect(report.issues.map((i) => i.code)).toEqual(["excel.print.unsupported"]);
  });

  // Excel refuses an inline list source over 255 characters (test/host/conformance.test.ts): a plan
  // carrying one is a layout bug, reported before anything is sent.
  it("refuses a plan with an inline drop-down list over 255 characters, writing nothing", async () => {
    const host = new MemoryHost();
    const p = samplePlan();
    p.validations.push({ range: "A2:A3", rule: { kind: "list", source: Array.from({ length: 20 }, (_, i) => `Sở thành viên số ${i + 1}`) }, error: { title: "Đơn vị", message: "Chọn" } });
    const report = await writeSheets(host, [p], await state(host));
    expect(report.ok).toBe(false);
    expect(report.issues[0].message.en).toMatch(/255/);
    expect(host.sheetNames()).toEqual(["Sheet1"]);
  });

  it("names a sheet's region after the sheet, apart for names that fold alike", () => {
    expect(regionName(emptyPlan("Bảng"))).toMatch(/^BXV_bang_[0-9a-f]{4}$/);
    expect(regionName(emptyPlan("Sở Y tế"))).not.toBe(regionName(emptyPlan("Sở Y-tế")));
    expect(regionName({ ...emptyPlan("X"), region: "BX_Rieng" })).toBe("BX_Rieng");
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
