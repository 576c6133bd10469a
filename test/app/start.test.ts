// The start of the year (issue #12 point 1; seed 001_2f19b7e13258856b.txt: the launch meeting where the bloc
// signs the "giao ước thi đua" and announces each unit's "đăng ký thi đua"; DOMAIN §2 "The year" (1)):
// the use cases on an in-memory workbook with a bloc and a criteria table, as the pane calls them.
import ExcelJS from "exceljs";
import { saveBloc } from "../../src/app/bloc";
import { applyRegistrationFile, loadStart, previewRegistrationFile, produceStartFiles, saveRegistrations, savePact, START_SHEETS, type PactDraft } from "../../src/app/start";
import { templateById } from "../../src/domain/criteria/templates";
import { writeSheets } from "../../src/excel/apply";
import { readWorkbook } from "../../src/excel/read";
import { MemoryHost } from "../../src/host";
import { criteriaSheetPlan } from "../../src/workbook/criteria/criteriaSheet";
import { readRegistrationSheet, REGISTRATION_READ } from "../../src/workbook/start/registrationSheet";
import { sampleDraft } from "../fixtures/bloc";

const MEMBERS = sampleDraft(8).members.map((m) => m.name);
const [A, B, C] = MEMBERS;

async function startHost(): Promise<MemoryHost> {
  const host = new MemoryHost();
  const saved = await saveBloc(host, sampleDraft(8), { basedOn: null });
  if (saved.kind !== "saved") throw new Error("bloc");
  const w = await writeSheets(host, [criteriaSheetPlan(templateById("departments-100").table)], await readWorkbook(host, {}));
  if (!w.ok) throw new Error("criteria");
  return host;
}

const PACT: PactDraft = {
  theme: "Đoàn kết, sáng tạo, thi đua xây dựng và bảo vệ Tổ quốc",
  place: "Hội trường Sở Công Thương",
  signedOn: "15/3/2026",
  commitments: ["Thực hiện Chỉ thị 34-CT/TW ngày 07/4/2014 của Bộ Chính trị", "", "Phấn đấu 100% các đơn vị hoàn thành xuất sắc nhiệm vụ năm 2026"],
};

/** The registration sheet of the workbook saved as an .xlsx holding only that sheet (a unit "moves it to a new book"). */
async function returnedFile(host: MemoryHost, edit: (ws: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await host.toXlsx()) as unknown as ExcelJS.Buffer);
  for (const ws of [...wb.worksheets]) if (ws.name !== START_SHEETS.registrations) wb.removeWorksheet(ws.id);
  edit(wb.getWorksheet(START_SHEETS.registrations)!);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The sheet row (1-based) of a unit on the registration sheet, and the column (1-based) of an award id. */
function cellOf(ws: ExcelJS.Worksheet, unit: string, id: string): { row: number; col: number } {
  let row = 0;
  let col = 0;
  ws.eachRow((r, n) =>
    r.eachCell((c, k) => {
      if (c.value === unit) row = n;
      if (c.value === id) col = k;
    }),
  );
  return { row, col };
}

describe("the start of the year: pact and registrations (issue #12, seed 001)", () => {
  it("saves the pact and reads it back from its sheet, in one read and one write (blank commitments dropped, date as dd/mm/yyyy)", async () => {
    const host = await startHost();
    host.resetStats();
    const out = await savePact(host, PACT);
    expect(out.kind).toBe("written");
    expect(host.stats.syncs).toBe(2);
    if (out.kind !== "written") return;
    expect(out.syncs).toBe(2);
    const loaded = await loadStart(host);
    if (!loaded.ok) throw new Error("load");
    expect(loaded.state.pact).toEqual({ theme: PACT.theme, place: PACT.place, signedOn: "15/03/2026", commitments: [PACT.commitments[0], PACT.commitments[2]] });
    expect(loaded.state.issues.filter((i) => i.severity === "error")).toEqual([]);
    // The criteria table as agreed is on the sheet, read from "Tiêu chí" (DOMAIN §2: the bloc agrees its table at the launch).
    const t = templateById("departments-100").table;
    const all = host.values(START_SHEETS.pact, host.usedRange(START_SHEETS.pact)!).flat();
    for (const s of t.sections) expect(all).toContain(s.text);
    expect(all.filter((v) => v === "THỦ TRƯỞNG ĐƠN VỊ")).toHaveLength(MEMBERS.length);
  });

  it("refuses an impossible date with start.pact.date on the form field, writing nothing", async () => {
    const host = await startHost();
    const before = host.snapshot();
    const out = await savePact(host, { ...PACT, signedOn: "31/02/2026" });
    expect(out.kind).toBe("invalid");
    expect(out.issues.map((i) => [i.code, i.field])).toEqual([["start.pact.date", "signedOn"]]);
    expect(host.snapshot()).toEqual(before);
  });

  it("saves registrations (a title and a reward together are fine), one row per member, and the engine's reader reads award ids", async () => {
    const host = await startHost();
    host.resetStats();
    const out = await saveRegistrations(host, [
      { unit: A, awards: ["co-tinh", "bk-tinh"], targets: "Thu hút 5 dự án" },
      { unit: B, awards: ["tt-ldxs"], targets: "" },
    ]);
    expect(out.kind).toBe("written");
    expect(host.stats.syncs).toBe(2);
    const loaded = await loadStart(host);
    if (!loaded.ok) throw new Error("load");
    expect(loaded.state.hasRegistrationSheet).toBe(true);
    expect(loaded.state.registrations).toHaveLength(MEMBERS.length);
    expect(loaded.state.registrations.slice(0, 3)).toEqual([
      { unit: A, awards: ["co-tinh", "bk-tinh"], targets: "Thu hút 5 dự án" },
      { unit: B, awards: ["tt-ldxs"], targets: "" },
      { unit: C, awards: [], targets: "" },
    ]);
    const read = await readWorkbook(host, { sheets: [...REGISTRATION_READ.sheets], sheetsOfNames: [...REGISTRATION_READ.sheetsOfNames] });
    const r = readRegistrationSheet(read)!;
    expect(r.rows.find((x) => x.unit === A)?.awards).toEqual(["co-tinh", "bk-tinh"]);
    expect(r.issues).toEqual([]);
  });

  it("with no registration sheet the engine's reader answers null (registration not checked)", async () => {
    const host = await startHost();
    expect(readRegistrationSheet(await readWorkbook(host, { sheets: [...REGISTRATION_READ.sheets], sheetsOfNames: [...REGISTRATION_READ.sheetsOfNames] }))).toBeNull();
  });

  it("rewriting keeps a note typed on the sheet aside as a copy (rule: nothing user-typed lost)", async () => {
    const host = await startHost();
    await savePact(host, PACT);
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(START_SHEETS.pact).getRange("D10").values = [["Ghi chú của thư ký"]];
      await ctx.sync();
    });
    const out = await savePact(host, { ...PACT, theme: "Chủ đề mới" });
    expect(out.kind).toBe("written");
    expect(host.sheetNames()).toContain(`${START_SHEETS.pact} (cũ)`);
    expect(host.values(`${START_SHEETS.pact} (cũ)`, "D10")).toEqual([["Ghi chú của thư ký"]]);
    const loaded = await loadStart(host);
    expect(loaded.ok && loaded.state.pact?.theme).toBe("Chủ đề mới");
  });

  it("a unit's returned file: the preview lists what differs, apply writes it; refused when the sheet changed meanwhile", async () => {
    const host = await startHost();
    await saveRegistrations(host, [{ unit: A, awards: ["co-tinh"], targets: "" }]);
    const bytes = await returnedFile(host, (ws) => {
      const at = cellOf(ws, B, "bk-tinh");
      ws.getRow(at.row).getCell(at.col).value = "x";
      const t = cellOf(ws, B, "Chỉ tiêu đăng ký");
      ws.getRow(at.row).getCell(t.col || ws.columnCount).value = "Giải ngân 100% vốn";
    });
    const p = await previewRegistrationFile(host, bytes);
    if (p.kind !== "preview") throw new Error(JSON.stringify(p.issues));
    expect(p.preview.changes).toEqual([{ unit: B, from: { unit: B, awards: [], targets: "" }, to: { unit: B, awards: ["bk-tinh"], targets: "Giải ngân 100% vốn" } }]);
    // Someone saves the registrations between the preview and the apply.
    await saveRegistrations(host, [{ unit: A, awards: ["co-tinh", "bk-tinh"], targets: "" }]);
    const before = host.snapshot();
    const stale = await applyRegistrationFile(host, p.preview);
    expect(stale.kind).toBe("invalid");
    expect(stale.issues.map((i) => i.code)).toEqual(["start.file.changed"]);
    expect(host.snapshot()).toEqual(before);
    const p2 = await previewRegistrationFile(host, bytes);
    if (p2.kind !== "preview") throw new Error("preview");
    const out = await applyRegistrationFile(host, p2.preview);
    expect(out.kind).toBe("written");
    const loaded = await loadStart(host);
    if (!loaded.ok) throw new Error("load");
    // The file's A row (co-tinh only) differs from the workbook's now: the file is what the unit sent.
    expect(loaded.state.registrations.find((r) => r.unit === B)).toEqual({ unit: B, awards: ["bk-tinh"], targets: "Giải ngân 100% vốn" });
  }, 30_000);

  it("refuses a returned file of another year, naming the cell, and leaves the workbook unchanged", async () => {
    const host = await startHost();
    await saveRegistrations(host, []);
    const bytes = await returnedFile(host, (ws) => (ws.getCell("A1").value = "ĐĂNG KÝ THI ĐUA NĂM 2025"));
    const before = host.snapshot();
    const p = await previewRegistrationFile(host, bytes);
    expect(p.kind).toBe("rejected");
    expect(p.kind === "rejected" && p.issues.map((i) => [i.code, i.where?.cell])).toEqual([["start.file.otherYear", "A1"]]);
    expect(host.snapshot()).toEqual(before);
  }, 30_000);

  it("produces the pact and the registration list as .docx named for the year", async () => {
    const host = await startHost();
    await savePact(host, PACT);
    await saveRegistrations(host, [{ unit: A, awards: ["co-tinh"], targets: "" }]);
    const out = await produceStartFiles(host, { at: new Date(2026, 2, 15) });
    if (!out.ok) throw new Error(JSON.stringify(out.issues));
    expect(out.files.map((f) => f.name)).toEqual(["Giao-uoc-thi-dua-2026.docx", "Dang-ky-thi-dua-2026.docx"]);
    for (const f of out.files) expect([...f.bytes.slice(0, 2)]).toEqual([0x50, 0x4b]);
  });
});
