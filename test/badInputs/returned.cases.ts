/**
 * Returned unit files (issue #11 "Nothing silently wrong"): a member's filled score file, read by the
 * real path (`previewMemberFile`: the file reader in src/export/memberFile.ts, then the comparison
 * with this workbook). A refused file writes nothing; warnings sit on the cells they concern.
 * The files are copies of the bloc's own workbook (as mailed to the members), edited as ExcelJS
 * (another program) would; the bloc is test/fixtures/bloc.ts (seed 000/004 units, year 2026).
 */
import ExcelJS from "exceljs";
import { saveBloc } from "../../src/app/bloc";
import { previewMemberFile } from "../../src/app/collect";
import { insertScoring } from "../../src/app/scoring";
import { templateById } from "../../src/domain/criteria/templates";
import { MemoryHost } from "../../src/host";
import { cellAddress } from "../../src/workbook/a1";
import { COL, unitSheetMap } from "../../src/workbook/scoring/unitSheet";
import { sampleDraft } from "../fixtures/bloc";
import { tried, type BadCase, type Seen } from "./harness";

const table = templateById("departments-100")!.table;
const SXD = unitSheetMap(table, "SXD");
const at = (id: string, col: number = COL.self) => cellAddress(SXD.rows.get(id)!, col);

let shared: Promise<{ host: MemoryHost; file: Uint8Array }> | null = null;
/** The bloc's workbook (3 members, scoring inserted) and a copy filled by Sở Xây dựng. */
export function setup() {
  shared ??= (async () => {
    const host = new MemoryHost();
    const saved = await saveBloc(host, sampleDraft(3), { basedOn: null });
    if (saved.kind !== "saved") throw new Error(JSON.stringify(saved.issues));
    const ins = await insertScoring(host, { template: "departments-100" });
    if (ins.kind !== "inserted") throw new Error(JSON.stringify(ins.issues));
    const copy = await MemoryHost.fromXlsx(await host.toXlsx());
    copy.userPaste("SXD", at("I.1.a"), [[10]]);
    copy.userPaste("SXD", at("I.1.b"), [[7.5]]);
    copy.userPaste("SXD", at("I.2", COL.evidence), [["Báo cáo 05/BC-SXD"]]);
    return { host, file: await copy.toXlsx() };
  })();
  return shared;
}

/** The filled copy rewritten by ExcelJS: only `keep` kept (default SXD), then `edit` applied to it. */
async function fileWith(edit?: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void, keep: string | null = "SXD"): Promise<Uint8Array> {
  const { file } = await setup();
  const wb = new ExcelJS.Workbook();
  Object.defineProperty(wb.definedNames as unknown as Record<string, unknown>, "model", { configurable: true, get: () => [], set: () => undefined });
  await wb.xlsx.load(file as unknown as ExcelJS.Buffer);
  if (keep) for (const ws of [...wb.worksheets]) if (ws.name !== keep) wb.removeWorksheet(ws.id);
  edit?.(wb.getWorksheet(keep ?? "SXD")!, wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function previewed(bytes: Promise<Uint8Array> | Uint8Array): Promise<Seen> {
  const { host } = await setup();
  const b = await bytes;
  return tried(host, async () => (await previewMemberFile(host, b)).issues);
}

const file = (name: string, triedText: string, outcome: "refused" | "warned" | "accepted", codeOrWhy: string, where: { sheet?: string; cell?: string } | null, bytes: () => Promise<Uint8Array> | Uint8Array): BadCase => ({
  id: `returned.${name}`,
  door: "returned file",
  tried: triedText,
  outcome,
  ...(outcome === "accepted" ? { why: codeOrWhy } : { code: codeOrWhy, ...(where ? { where } : {}) }),
  run: () => previewed(bytes()),
});
const cell = (address: string, v: ExcelJS.CellValue) => (ws: ExcelJS.Worksheet) => void (ws.getCell(address).value = v);

export const cases: BadCase[] = [
  // --- The issue's cases.
  file("otherBloc", "another bloc's file", "refused", "collect.file.otherBloc", { sheet: "SXD", cell: "A3" }, () => fileWith(cell("A3", "Khối: Khối thi đua các cơ quan Đảng tỉnh"))),
  file("lastYear", "last year's file", "refused", "collect.file.otherYear", { sheet: "SXD", cell: "A1" }, () => fileWith(cell("A1", "BẢNG TỰ CHẤM ĐIỂM THI ĐUA NĂM 2025"))),
  file("nextYear", "a file dated next year", "refused", "collect.file.otherYear", { sheet: "SXD", cell: "A1" }, () => fileWith(cell("A1", "BẢNG TỰ CHẤM ĐIỂM THI ĐUA NĂM 2027"))),
  file("otherBloc.wholeCopy", "a whole copy of another bloc's workbook", "refused", "collect.file.otherBloc", { sheet: "SXD", cell: "A3" }, () =>
    fileWith((_ws, wb) => wb.worksheets.forEach((w) => String(w.getCell("A3").value ?? "").startsWith("Khối:") && (w.getCell("A3").value = "Khối: Cụm thi đua số 2")), null),
  ),
  file("unit.mismatch", "sheet SXD whose unit line names Sở Công Thương", "refused", "collect.unit.mismatch", { sheet: "SXD", cell: "A2" }, () => fileWith(cell("A2", "Đơn vị: Sở Công Thương"))),
  file("unit.mismatch.short", "sheet SXD whose unit line names Sở Giao thông vận tải in capitals", "refused", "collect.unit.mismatch", { sheet: "SXD", cell: "A2" }, () => fileWith(cell("A2", "Đơn vị: SỞ GIAO THÔNG VẬN TẢI"))),
  file("formula.noResult", "a self-score cell holding =5+2.5 with no saved result", "refused", "collect.cell.formulaNoResult", { sheet: "SXD", cell: at("I.1.b") }, () =>
    fileWith(cell(at("I.1.b"), { formula: "5+2.5" } as ExcelJS.CellFormulaValue)),
  ),
  file("formula.noResult.evidence", "an evidence cell holding a formula with no saved result", "refused", "collect.cell.formulaNoResult", { sheet: "SXD", cell: at("I.3", COL.evidence) }, () =>
    fileWith(cell(at("I.3", COL.evidence), { formula: "CONCAT(\"BC \",1)" } as ExcelJS.CellFormulaValue)),
  ),
  // --- Files that are not score files, or not this bloc's units.
  file("unit.unknown", "a unit line naming a unit outside the bloc", "refused", "collect.unit.unknown", null, () => fileWith(cell("A2", "Đơn vị: Sở Ngoại vụ"))),
  file("notXlsx", "a text file renamed .xlsx", "refused", "collect.file.unreadable", null, () => new TextEncoder().encode("STT;Đơn vị;Điểm\n1;SXD;90")),
  file("oldXls", "an old .xls (OLE) file", "refused", "collect.file.unreadable", null, () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0])),
  file("damagedZip", "a damaged zip", "refused", "collect.file.unreadable", null, () => new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3, 4, 5, 6])),
  file("noScoreSheet", "an .xlsx with no score sheet", "refused", "collect.file.noScoreSheet", null, async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1").getCell("A1").value = "Báo cáo thành tích";
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }),
  file("manyUnits", "a copy with two units' scores changed", "refused", "collect.file.manyUnits", null, () => fileWith((_ws, wb) => void (wb.getWorksheet("SCT")!.getCell(at("I.1.a")).value = 9), null)),
  // --- Taken, with a warning on the cell.
  file("value.overMax", "99 in a 12-point cell of the file", "warned", "scoring.entry.overMax", { sheet: "SXD", cell: at("I.1.a") }, () => fileWith(cell(at("I.1.a"), 99))),
  file("value.text", "\"mười\" in a cell of the file", "warned", "scoring.entry.notNumber", { sheet: "SXD", cell: at("I.2") }, () => fileWith(cell(at("I.2"), "mười"))),
  file("criterion.unknown", "a criterion id the bloc's table lacks", "warned", "collect.criterion.unknown", { sheet: "SXD" }, () => fileWith(cell(at("I.3", COL.id), "IX.9"))),
  file("criterion.maxDiffers", "a max changed in the file", "warned", "collect.criterion.maxDiffers", { sheet: "SXD" }, () => fileWith(cell(at("I.1.a", COL.max), 15))),
  file("blocColumns", "the file fills the bloc's review column", "warned", "collect.blocColumns", { sheet: "SXD" }, () => fileWith(cell(at("I.1.a", COL.review), 9))),
  // --- Rightly taken.
  file("bloc.spacing", "the bloc's name in capitals with double spaces", "accepted", "names compare case- and space-insensitively (DOMAIN §6)", null, () =>
    fileWith(cell("A3", "Khối:  KHỐI THI ĐUA CÁC SỞ, NGÀNH  KINH TẾ - KỸ THUẬT")),
  ),
  file("bloc.nfd", "the unit line typed in NFD", "accepted", "the same name in another Unicode form is the same unit (DOMAIN §6)", null, () => fileWith(cell("A2", "Đơn vị: Sở Xây dựng".normalize("NFD")))),
  file("noHeadLines", "a file whose title and bloc lines were deleted", "accepted", "nothing says it is another bloc's or year's: the unit line and the criteria ids still match", null, () =>
    fileWith((ws) => {
      ws.getCell("A1").value = null;
      ws.getCell("A3").value = null;
    }),
  ),
  file("renamedSheet", "the unit's sheet renamed \"Bảng điểm\"", "accepted", "the unit line, not the sheet's name, says whose scores these are", null, () => fileWith((ws) => void (ws.name = "Bảng điểm"))),
  file("formula.withResult", "a self-score written as a formula with its saved result", "accepted", "Excel saved its result: the value is known", null, () =>
    fileWith(cell(at("I.1.b"), { formula: "5+2.5", result: 7.5 } as ExcelJS.CellFormulaValue)),
  ),
];
