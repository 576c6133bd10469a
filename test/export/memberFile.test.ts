import ExcelJS from "exceljs";
import { saveBloc } from "../../src/app/bloc";
import { insertScoring } from "../../src/app/scoring";
import { leaves } from "../../src/domain/criteria/model";
import { templateById } from "../../src/domain/criteria/templates";
import { cellValue, readMemberWorkbook } from "../../src/export/memberFile";
import { MemoryHost } from "../../src/host";
import { cellAddress } from "../../src/workbook/a1";
import { COL, HEADERS, unitSheetMap } from "../../src/workbook/scoring/unitSheet";
import { sampleDraft } from "../fixtures/bloc";

const table = templateById("departments-100")!.table;
const leafs = leaves(table).map((l) => l.leaf);

async function scoredWorkbook(n: number) {
  const host = new MemoryHost();
  const saved = await saveBloc(host, sampleDraft(n), { basedOn: null });
  if (saved.kind !== "saved") throw new Error(JSON.stringify(saved.issues));
  const ins = await insertScoring(host, { template: "departments-100" });
  if (ins.kind !== "inserted") throw new Error(JSON.stringify(ins.issues));
  return host;
}

describe("readMemberWorkbook", () => {
  it("reads every unit sheet of a workbook saved from the host, with its unit and entries", async () => {
    const host = await scoredWorkbook(2);
    const first = leafs[0];
    const second = leafs[1];
    const sct = unitSheetMap(table, "SCT");
    const sxd = unitSheetMap(table, "SXD");
    host.userPaste("SCT", cellAddress(sct.rows.get(first.id)!, COL.self), [[7.5]]);
    host.userPaste("SCT", cellAddress(sct.rows.get(first.id)!, COL.evidence), [["Báo cáo số 12/BC-SCT", "'=ghi chú"]]);
    host.userPaste("SXD", cellAddress(sxd.rows.get(second.id)!, COL.self), [[3]]);

    const out = await readMemberWorkbook(await host.toXlsx());
    if (!out.ok) throw new Error(JSON.stringify(out.issue));
    expect(out.sheets.map((s) => [s.sheet, s.unit])).toEqual([
      ["SCT", "Sở Công Thương"],
      ["SXD", "Sở Xây dựng"],
    ]);
    // Every leaf, and only leaves, in table order, at the rows the layout puts them.
    expect(out.sheets[0].rows.map((r) => r.id)).toEqual(leafs.map((l) => l.id));
    const a = out.sheets[0].rows.find((r) => r.id === first.id)!;
    expect(a).toMatchObject({ row: sct.rows.get(first.id), self: 7.5, evidence: "Báo cáo số 12/BC-SCT", note: "=ghi chú", max: first.max, review: "" });
    expect(out.sheets[1].rows.find((r) => r.id === second.id)!.self).toBe(3);
    expect(out.sheets[1].rows.find((r) => r.id === first.id)!.self).toBe("");
  });

  it("reads a sheet a member rearranged: rows above, rich text, formulas by their cached result, a date", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Ghi chú").getCell("A1").value = "Gửi Văn phòng khối";
    const ws = wb.addWorksheet("Bảng điểm 2026");
    ws.getCell("A3").value = { richText: [{ text: "Đơn vị: " }, { text: "Sở  Xây dựng ", font: { bold: true } }] };
    ws.mergeCells("A3:F3");
    ws.getRow(6).values = HEADERS;
    // Columns as the layout has them (A…M): STT, text, max, self, review, agreed, evidence, note, counted, id, weight, group, ratio.
    ws.getRow(7).values = ["1", "Nhóm", null, null, null, null, null, null, null, "I", null, null, null];
    ws.getRow(8).values = ["a", "Tiêu chí a", 10, { formula: "4+4.5", result: 8.5 }, null, null, { text: "Xem tại đây", hyperlink: "https://example.org" }, new Date(Date.UTC(2026, 0, 15)), null, "I.1", 1, 1, null];
    ws.getRow(9).values = ["b", "Tiêu chí b", 5, { formula: "NA()", result: { error: "#N/A" } }, null, null, null, null, null, "I.2", 1, 1, null];
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());

    const out = await readMemberWorkbook(bytes);
    if (!out.ok) throw new Error(JSON.stringify(out.issue));
    expect(out.sheets).toHaveLength(1);
    expect(out.sheets[0]).toMatchObject({ sheet: "Bảng điểm 2026", unit: "Sở Xây dựng" });
    expect(out.sheets[0].rows).toEqual([
      { id: "I.1", row: 7, max: 10, self: 8.5, review: "", agreed: "", evidence: "Xem tại đây", note: 46037 },
      { id: "I.2", row: 8, max: 5, self: "#N/A", review: "", agreed: "", evidence: "", note: "" },
    ]);
  });

  it("turns ExcelJS cell values into what Excel's values show", () => {
    expect(cellValue(null)).toBe("");
    expect(cellValue(3.25)).toBe(3.25);
    expect(cellValue({ sharedFormula: "D8", result: 2 })).toBe(2);
    expect(cellValue({ formula: "D8" })).toBe("");
    expect(cellValue({ richText: [{ text: "a" }, { text: "b" }] })).toBe("ab");
    expect(cellValue({ text: { richText: [{ text: "link" }] }, hyperlink: "x" })).toBe("link");
    expect(cellValue(new Date(Date.UTC(2026, 0, 15)))).toBe(46037);
    expect(cellValue(new Date(Date.UTC(1904, 0, 2)), true)).toBe(1);
  });

  it("says a workbook without a score sheet has none", async () => {
    const host = new MemoryHost();
    host.userPaste("Sheet1", "A1", [["Họ tên", "Tự chấm"], ["Nguyễn Văn A", 9]]);
    const out = await readMemberWorkbook(await host.toXlsx());
    expect(out.ok).toBe(false);
    if (!out.ok) {
      expect(out.issue.code).toBe("collect.file.noScoreSheet");
      expect(out.issue.severity).toBe("error");
      expect(out.issue.message.vi).toMatch(/Sheet1/);
      expect(out.issue.message.en).toMatch(/no score sheet/);
    }
  });

  it("says garbage, an empty file, a broken zip and an old .xls are unreadable", async () => {
    const samples = [
      new TextEncoder().encode("STT,Tiêu chí,Tự chấm\n1,a,5\n"),
      new Uint8Array(0),
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]),
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
    ];
    for (const bytes of samples) {
      const out = await readMemberWorkbook(bytes.buffer as ArrayBuffer);
      expect(out).toMatchObject({ ok: false, issue: { code: "collect.file.unreadable", severity: "error" } });
    }
    const xls = await readMemberWorkbook(samples[3]);
    expect(!xls.ok && xls.issue.message.en).toMatch(/\.xls/);
  });
});
