import ExcelJS from "exceljs";
import { loadBloc, saveBloc } from "../../src/app/bloc";
import { applyMemberFile, previewMemberFile, type CollectPreview, type PreviewResult } from "../../src/app/collect";
import { insertScoring } from "../../src/app/scoring";
import { templateById } from "../../src/domain/criteria/templates";
import { cellBlocks, writeCells } from "../../src/excel/cells";
import { MemoryHost } from "../../src/host";
import { readWorkbook } from "../../src/excel/read";
import { cellAddress } from "../../src/workbook/a1";
import { COL, unitSheetMap } from "../../src/workbook/scoring/unitSheet";
import { sampleDraft } from "../fixtures/bloc";

const table = templateById("departments-100")!.table;
const SXD = unitSheetMap(table, "SXD");
const SCT = unitSheetMap(table, "SCT");
const at = (map: typeof SXD, id: string, col: number) => cellAddress(map.rows.get(id)!, col);

/** The bloc's workbook: 3 members, the 100-point template, score sheets inserted (protected, inputs unlocked). */
async function blocWorkbook() {
  const host = new MemoryHost();
  const saved = await saveBloc(host, sampleDraft(3), { basedOn: null });
  if (saved.kind !== "saved") throw new Error(JSON.stringify(saved.issues));
  const ins = await insertScoring(host, { template: "departments-100" });
  if (ins.kind !== "inserted") throw new Error(JSON.stringify(ins.issues));
  return host;
}

/** A copy of the workbook, as mailed to the members. */
const copyOf = async (host: MemoryHost) => MemoryHost.fromXlsx(await host.toXlsx());

/** What Sở Xây dựng fills in its copy, as a user pastes it (self-scores, evidence, a note). */
function fillSxd(copy: MemoryHost) {
  copy.userPaste("SXD", at(SXD, "I.1.a", COL.self), [[10]]);
  copy.userPaste("SXD", at(SXD, "I.1.b", COL.self), [[7.5]]);
  copy.userPaste("SXD", at(SXD, "I.2", COL.self), [[9]]);
  copy.userPaste("SXD", at(SXD, "I.2", COL.evidence), [["Báo cáo 05/BC-SXD", "'=xem phụ lục"]]);
  copy.userPaste("SXD", at(SXD, "V.1", COL.self), [[2]]);
  copy.userPaste("SXD", at(SXD, "VI.1", COL.self), [[5]]);
}

/** The changes filling SXD should preview, in sheet order. */
const EXPECTED = [
  { criterion: "I.1.a", field: "self", from: null, to: 10, cell: at(SXD, "I.1.a", COL.self) },
  { criterion: "I.1.b", field: "self", from: null, to: 7.5, cell: at(SXD, "I.1.b", COL.self) },
  { criterion: "I.2", field: "self", from: null, to: 9, cell: at(SXD, "I.2", COL.self) },
  { criterion: "I.2", field: "evidence", from: null, to: "Báo cáo 05/BC-SXD", cell: at(SXD, "I.2", COL.evidence) },
  { criterion: "I.2", field: "note", from: null, to: "=xem phụ lục", cell: at(SXD, "I.2", COL.note) },
  { criterion: "V.1", field: "self", from: null, to: 2, cell: at(SXD, "V.1", COL.self) },
  { criterion: "VI.1", field: "self", from: null, to: 5, cell: at(SXD, "VI.1", COL.self) },
];

/** A member file rewritten through ExcelJS: only some sheets kept, cells edited as another program would. */
async function rewrite(bytes: Uint8Array, opts: { keep?: string; edit?: (ws: ExcelJS.Worksheet) => void }) {
  const wb = new ExcelJS.Workbook();
  // The workbook names point at the sheets dropped here: leave them out of the file.
  Object.defineProperty(wb.definedNames as unknown as Record<string, unknown>, "model", { configurable: true, get: () => [], set: () => undefined });
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  if (opts.keep) for (const ws of [...wb.worksheets]) if (ws.name !== opts.keep) wb.removeWorksheet(ws.id);
  if (opts.edit) opts.edit(wb.getWorksheet(opts.keep ?? "SXD")!);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Every cell of every sheet, to prove nothing was written. */
const everything = (host: MemoryHost) => host.sheetNames().map((s) => [s, host.usedRange(s) ? host.formulas(s, host.usedRange(s)!) : []]);

function summaryTotal(host: MemoryHost, memberIndex: number): unknown {
  const header = host.values("Tổng hợp", "A5:Z5")[0];
  return host.values("Tổng hợp", `A${6 + memberIndex}:Z${6 + memberIndex}`)[0][header.indexOf("Tổng điểm")];
}

function asPreview(p: PreviewResult): CollectPreview {
  if (p.kind !== "preview") throw new Error(`expected a preview, got ${JSON.stringify(p.issues)}`);
  return p;
}

describe("collect a member's file", () => {
  it("previews a filled copy of the whole workbook in 1 round trip, writing nothing", async () => {
    const host = await blocWorkbook();
    const copy = await copyOf(host);
    fillSxd(copy);
    // What the secretary typed in the meantime stays: an empty cell in the file erases nothing.
    host.userPaste("SXD", at(SXD, "I.1.a", COL.note), [["Thư ký ghi"]]);
    const bytes = await copy.toXlsx();
    const before = everything(host);
    host.resetStats();
    const p = asPreview(await previewMemberFile(host, bytes));
    expect(host.stats.syncs).toBe(1);
    expect(p.syncs).toBe(1);
    expect(everything(host)).toEqual(before);
    expect(p).toMatchObject({ unit: "Sở Xây dựng", sheet: "SXD", fileSheet: "SXD", region: "BX_DV_2" });
    expect(p.changes).toMatchObject(EXPECTED);
    expect(p.changes.map((c) => c.number)).toEqual(["I.1.a", "I.1.b", "I.2", "I.2", "I.2", "V.1", "VI.1"]);
    expect(p.issues).toEqual([]);
  });

  it("applies in 2 round trips: the cells hold the values, text stays text, the summary recomputes", async () => {
    const host = await blocWorkbook();
    const copy = await copyOf(host);
    fillSxd(copy);
    const p = asPreview(await previewMemberFile(host, await copy.toXlsx()));
    expect(summaryTotal(host, 1)).toBe(0);
    host.resetStats();
    const out = await applyMemberFile(host, p, { basedOn: p.basedOn });
    expect(out).toMatchObject({ ok: true, written: 7, syncs: 2, issues: [] });
    expect(host.stats.syncs).toBe(2);
    for (const c of EXPECTED) expect(host.values("SXD", c.cell)[0][0]).toEqual(c.to);
    // The note that looks like a formula was written as text.
    expect(host.cell("SXD", at(SXD, "I.2", COL.note)).formula ?? "").not.toMatch(/^=/);
    // 10 + 7.5 + 9 content, + 2 bonus, − 5 (a fixed penalty).
    expect(summaryTotal(host, 1)).toBe(23.5);
    expect(summaryTotal(host, 0)).toBe(0);
    // Previewing the same file again finds nothing to do.
    const again = asPreview(await previewMemberFile(host, await copy.toXlsx()));
    expect(again.changes).toEqual([]);
    expect(again.issues.map((i) => [i.code, i.severity])).toEqual([["collect.nothing", "warning"]]);
  });

  it("takes a file holding only the unit's sheet, and matches the unit by its normalised name", async () => {
    const host = await blocWorkbook();
    const copy = await copyOf(host);
    fillSxd(copy);
    const bytes = await rewrite(await copy.toXlsx(), {
      keep: "SXD",
      edit: (ws) => {
        ws.name = "Bảng điểm SXD";
        ws.getCell("A2").value = "Đơn vị:   SỞ XÂY  DỰNG ";
      },
    });
    const p = asPreview(await previewMemberFile(host, bytes));
    expect(p).toMatchObject({ unit: "Sở Xây dựng", sheet: "SXD", fileSheet: "Bảng điểm SXD" });
    expect(p.changes).toMatchObject(EXPECTED);
  });

  it("rejects a file whose unit is not a member, writing nothing", async () => {
    const host = await blocWorkbook();
    const copy = await copyOf(host);
    fillSxd(copy);
    const bytes = await rewrite(await copy.toXlsx(), { keep: "SXD", edit: (ws) => (ws.getCell("A2").value = "Đơn vị: Sở Ngoại vụ") });
    const before = everything(host);
    host.resetStats();
    const p = await previewMemberFile(host, bytes);
    expect(p.kind).toBe("rejected");
    expect(p.issues.map((i) => [i.code, i.severity])).toEqual([["collect.unit.unknown", "error"]]);
    expect(p.issues[0].message.vi).toMatch(/Sở Ngoại vụ/);
    expect(p.issues[0].message.en).toMatch(/not a member/);
    expect(host.stats.syncs).toBe(1);
    expect(everything(host)).toEqual(before);
  });

  it("skips criteria ids the bloc's table lacks, and lists the bloc's columns only when filled and different", async () => {
    const host = await blocWorkbook();
    const copy = await copyOf(host);
    fillSxd(copy);
    // The bloc reviewed I.1.a in the original already; the member's copy carries a different review and one equal to the original's.
    host.userPaste("SXD", at(SXD, "I.1.a", COL.review), [[9]]);
    host.userPaste("SXD", at(SXD, "I.1.b", COL.review), [[7]]);
    copy.userPaste("SXD", at(SXD, "I.1.a", COL.review), [[11]]);
    copy.userPaste("SXD", at(SXD, "I.1.b", COL.review), [[7]]);
    const bytes = await rewrite(await copy.toXlsx(), { keep: "SXD", edit: (ws) => (ws.getCell(at(SXD, "I.1.b", COL.id)).value = "IX.9") });
    const p = asPreview(await previewMemberFile(host, bytes));
    const codes = p.issues.map((i) => [i.code, i.severity]);
    expect(codes).toContainEqual(["collect.criterion.unknown", "warning"]);
    expect(codes).toContainEqual(["collect.blocColumns", "warning"]);
    expect(p.issues.find((i) => i.code === "collect.criterion.unknown")!.message.en).toMatch(/IX\.9/);
    expect(p.changes.some((c) => c.criterion === "I.1.b" || c.criterion === "IX.9")).toBe(false);
    expect(p.changes.filter((c) => c.field === "review")).toMatchObject([{ criterion: "I.1.a", from: 9, to: 11 }]);
    expect(p.changes).toHaveLength(7);
  });

  it("shows what is wrong with the incoming scores as warnings on their cells", async () => {
    const host = await blocWorkbook();
    const copy = await copyOf(host);
    copy.userPaste("SXD", at(SXD, "I.1.a", COL.self), [[99]]);
    const p = asPreview(await previewMemberFile(host, await copy.toXlsx()));
    expect(p.changes).toHaveLength(1);
    expect(p.issues).toMatchObject([{ code: "scoring.entry.overMax", severity: "warning", where: { sheet: "SXD", cell: at(SXD, "I.1.a", COL.self) } }]);
  });

  it("refuses, writing nothing, when a target cell changed between preview and apply", async () => {
    const host = await blocWorkbook();
    const copy = await copyOf(host);
    fillSxd(copy);
    const p = asPreview(await previewMemberFile(host, await copy.toXlsx()));
    host.userPaste("SXD", at(SXD, "I.2", COL.evidence), [["Thư ký đã nhập"]]);
    const before = everything(host);
    host.resetStats();
    const out = await applyMemberFile(host, p, { basedOn: p.basedOn });
    expect(out.ok).toBe(false);
    expect(out.issues).toMatchObject([{ code: "collect.changedSince", severity: "error", where: { sheet: "SXD", cell: at(SXD, "I.2", COL.evidence) } }]);
    expect(host.stats.syncs).toBe(1);
    expect(everything(host)).toEqual(before);
    expect(host.values("SXD", at(SXD, "I.1.a", COL.self))[0][0]).toBe("");
  });

  it("refuses when rows moved or the sheet was renamed since the preview", async () => {
    const host = await blocWorkbook();
    const copy = await copyOf(host);
    fillSxd(copy);
    const p = asPreview(await previewMemberFile(host, await copy.toXlsx()));
    // The secretary unprotects the sheet and inserts a row above the criteria.
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("SXD").protection.unprotect();
    });
    host.userInsertRows("SXD", 3, 1);
    const before = everything(host);
    const out = await applyMemberFile(host, p, { basedOn: p.basedOn });
    expect(out.issues.map((i) => i.code)).toEqual(["collect.changedSince.rows"]);
    expect(out.issues[0].message.en).toMatch(/inserted, deleted or sorted/);
    expect(everything(host)).toEqual(before);

    host.userRenameSheet("SXD", "Sở XD");
    const beforeRename = everything(host);
    const renamed = await applyMemberFile(host, p, { basedOn: p.basedOn });
    expect(renamed.issues.map((i) => i.code)).toEqual(["collect.changedSince.sheet"]);
    expect(everything(host)).toEqual(beforeRename);
  });

  it("writes only the changes the secretary kept", async () => {
    const host = await blocWorkbook();
    const copy = await copyOf(host);
    fillSxd(copy);
    const p = asPreview(await previewMemberFile(host, await copy.toXlsx()));
    const kept = { ...p, changes: p.changes.filter((c) => c.field === "self") };
    const out = await applyMemberFile(host, kept, { basedOn: p.basedOn });
    expect(out).toMatchObject({ ok: true, written: 5 });
    expect(host.values("SXD", at(SXD, "I.2", COL.evidence))[0][0]).toBe("");
    expect(host.values("SXD", at(SXD, "I.2", COL.self))[0][0]).toBe(9);
  });

  it("reports a failed write in words", async () => {
    const host = await blocWorkbook();
    const copy = await copyOf(host);
    fillSxd(copy);
    const p = asPreview(await previewMemberFile(host, await copy.toXlsx()));
    host.resetStats();
    host.failAtSync(2);
    const out = await applyMemberFile(host, p, { basedOn: p.basedOn });
    expect(out.ok).toBe(false);
    expect(out.issues[0].code).toBe("excel.GeneralException");
    expect(host.values("SXD", at(SXD, "I.1.a", COL.self))[0][0]).toBe("");
  });

  it("rejects a copy where several units differ, an unreadable file and a workbook without a bloc", async () => {
    const host = await blocWorkbook();
    const copy = await copyOf(host);
    fillSxd(copy);
    copy.userPaste("SCT", at(SCT, "I.1.a", COL.self), [[12]]);
    const many = await previewMemberFile(host, await copy.toXlsx());
    expect(many.kind).toBe("rejected");
    expect(many.issues.map((i) => i.code)).toEqual(["collect.file.manyUnits"]);

    host.resetStats();
    const junk = await previewMemberFile(host, new TextEncoder().encode("not a workbook"));
    expect(junk).toMatchObject({ kind: "rejected", syncs: 0, issues: [{ code: "collect.file.unreadable" }] });
    expect(host.stats.syncs).toBe(0);

    const empty = await previewMemberFile(new MemoryHost(), await copy.toXlsx());
    expect(empty.kind).toBe("rejected");
    expect(empty.issues[0].code).toBe("collect.noBloc");
  });

  it("rejects a file of a member that has no score sheet here yet", async () => {
    const host = await blocWorkbook();
    const copy = await copyOf(host);
    fillSxd(copy);
    // The member's own sheet under its own name: kept as "SXD", whose unit is Sở Xây dựng here, it would be collect.unit.mismatch (issue #11).
    const bytes = await rewrite(await copy.toXlsx(), {
      keep: "SXD",
      edit: (ws) => {
        ws.name = "Bảng điểm";
        ws.getCell("A2").value = `Đơn vị: ${sampleDraft(4).members[3].name}`;
      },
    });
    // A member added to the bloc record but not yet given a score sheet.
    const saved = await saveBloc(host, sampleDraft(4), { basedOn: (await loadBloc(host)).fingerprint });
    expect(saved.kind).toBe("saved");
    const p = await previewMemberFile(host, bytes);
    expect(p.kind).toBe("rejected");
    expect(p.issues.map((i) => i.code)).toEqual(["collect.unit.noSheet"]);
  });
});

describe("writeCells", () => {
  it("groups single cells into row runs and 2-D blocks, last write winning", () => {
    const blocks = cellBlocks([
      { sheet: "A", address: "D7", value: 1 },
      { sheet: "A", address: "E7", value: 2 },
      { sheet: "A", address: "D8", value: 3 },
      { sheet: "A", address: "E8", value: 4 },
      { sheet: "A", address: "G8", value: "=x" },
      { sheet: "a", address: "D7", value: 5 },
      { sheet: "B", address: "$C$2", value: null },
    ]);
    expect(blocks.map((b) => [b.sheet, b.address, b.formulas])).toEqual([
      ["A", "D7:E8", [[5, 2], [3, 4]]],
      ["A", "G8", [["'=x"]]],
      ["B", "C2", [[""]]],
    ]);
  });

  it("writes in one round trip, and reports a missing sheet as an issue", async () => {
    const host = new MemoryHost();
    host.resetStats();
    const ok = await writeCells(host, [
      { sheet: "Sheet1", address: "A1", value: "+84 912" },
      { sheet: "Sheet1", address: "B1", value: 2 },
      { sheet: "Sheet1", address: "A5", value: "@x" },
    ]);
    expect(ok).toEqual({ ok: true, syncs: 1, issues: [] });
    expect(host.stats.syncs).toBe(1);
    expect(host.values("Sheet1", "A1:B1")).toEqual([["+84 912", 2]]);
    expect(host.values("Sheet1", "A5")).toEqual([["@x"]]);
    const bad = await writeCells(host, [{ sheet: "Không có", address: "A1", value: 1 }]);
    expect(bad.ok).toBe(false);
    expect(bad.issues[0].code).toBe("excel.ItemNotFound");
    expect(await writeCells(host, [])).toEqual({ ok: true, syncs: 0, issues: [] });
  });

  // The log row comes last in the request: a "Nhật ký" someone protected with a password holds nothing back.
  it("writes the cells and says so when only the log row could not be written", async () => {
    const host = new MemoryHost();
    await writeCells(host, [{ sheet: "Sheet1", address: "A1", value: 1 }], { log: { entry: { action: "Một", object: "x", counts: "" }, state: await readWorkbook(host, {}) } });
    await host.run(async (ctx) => {
      const p = ctx.workbook.worksheets.getItem("Nhật ký").protection;
      p.unprotect();
      p.protect(undefined, "của tôi");
    });
    const out = await writeCells(host, [{ sheet: "Sheet1", address: "B2", value: "x" }], { log: { entry: { action: "Hai", object: "x", counts: "" }, state: await readWorkbook(host, {}) } });
    expect(out.ok).toBe(true);
    expect(out.issues.map((i) => i.code)).toEqual(["excel.log.notWritten"]);
    expect(host.values("Sheet1", "B2")).toEqual([["x"]]);
  });

  it("refuses a locked cell of a protected sheet (AccessDenied)", async () => {
    const host = await blocWorkbook();
    const out = await writeCells(host, [{ sheet: "SXD", address: at(SXD, "I.1.a", COL.counted), value: 1 }]);
    expect(out.ok).toBe(false);
    expect(out.issues[0].code).toBe("excel.AccessDenied");
  });
});

describe("a returned file that is not this bloc's, this year's or this unit's (issue #11)", () => {
  // Issue #11 "Silently wrong today": another bloc's or last year's file was applied without a word;
  // a file whose unit line names another unit was written into the sheet it was opened for; an
  // input cell holding a formula without a saved result was dropped silently.
  async function refused(host: MemoryHost, bytes: Uint8Array) {
    const before = everything(host);
    const p = await previewMemberFile(host, bytes);
    expect(p.kind).toBe("rejected");
    expect(everything(host)).toEqual(before);
    return p.issues;
  }

  it("refuses another bloc's file, naming the bloc found and the bloc expected", async () => {
    const host = await blocWorkbook();
    const copy = await copyOf(host);
    fillSxd(copy);
    const bytes = await rewrite(await copy.toXlsx(), { keep: "SXD", edit: (ws) => (ws.getCell("A3").value = "Khối: Khối thi đua các cơ quan Đảng") });
    const issues = await refused(host, bytes);
    expect(issues).toMatchObject([{ code: "collect.file.otherBloc", severity: "error", where: { sheet: "SXD", cell: "A3" } }]);
    expect(issues[0].message.vi).toMatch(/Khối thi đua các cơ quan Đảng.*Khối thi đua các sở, ngành Kinh tế - Kỹ thuật/);
  });

  it("refuses last year's file, naming the years", async () => {
    const host = await blocWorkbook();
    const copy = await copyOf(host);
    fillSxd(copy);
    const bytes = await rewrite(await copy.toXlsx(), { keep: "SXD", edit: (ws) => (ws.getCell("A1").value = "BẢNG TỰ CHẤM ĐIỂM THI ĐUA NĂM 2025") });
    const issues = await refused(host, bytes);
    expect(issues).toMatchObject([{ code: "collect.file.otherYear", severity: "error", where: { sheet: "SXD", cell: "A1" } }]);
    expect(issues[0].message.en).toMatch(/2025.*2026/);
  });

  it("refuses a sheet whose unit line names another unit than the unit the sheet belongs to", async () => {
    const host = await blocWorkbook();
    const copy = await copyOf(host);
    fillSxd(copy);
    const bytes = await rewrite(await copy.toXlsx(), { keep: "SXD", edit: (ws) => (ws.getCell("A2").value = "Đơn vị: Sở Công Thương") });
    const issues = await refused(host, bytes);
    expect(issues).toMatchObject([{ code: "collect.unit.mismatch", severity: "error", where: { sheet: "SXD", cell: "A2" } }]);
    expect(issues[0].message.vi).toMatch(/Sở Công Thương/);
    expect(issues[0].message.vi).toMatch(/Sở Xây dựng/);
  });

  it("reports an input cell holding a formula with no saved result, at its cell", async () => {
    const host = await blocWorkbook();
    const copy = await copyOf(host);
    fillSxd(copy);
    const cell = at(SXD, "I.1.b", COL.self);
    const bytes = await rewrite(await copy.toXlsx(), { keep: "SXD", edit: (ws) => (ws.getCell(cell).value = { formula: "5+2.5" } as ExcelJS.CellFormulaValue) });
    const issues = await refused(host, bytes);
    expect(issues).toMatchObject([{ code: "collect.cell.formulaNoResult", severity: "error", where: { sheet: "SXD", cell } }]);
    expect(issues[0].message.en).toMatch(/5\+2\.5/);
  });
});
