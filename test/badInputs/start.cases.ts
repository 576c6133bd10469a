/**
 * Bad inputs at the start-of-year doors (issue #12 point 1): the pact form (`savePact`), the
 * registrations form (`saveRegistrations`), the registration sheet typed by hand (read by
 * `loadStart`), a unit's returned registration file (`previewRegistrationFile` /
 * `applyRegistrationFile`) and the scenario's start part. Sources: seed 001_2f19b7e13258856b.txt
 * (the pact signed 15/3/2017 at the launch meeting, the registrations announced), DOMAIN §1 (member
 * units), §2 "The year" (1), §3 (the award catalogue), §6 (names compared by their key).
 */
import ExcelJS from "exceljs";
import { applyRegistrationFile, loadStart, previewRegistrationFile, saveRegistrations, savePact, START_SHEETS, type PactDraft, type RegistrationDraft } from "../../src/app/start";
import { runScenario } from "../../src/cli/run";
import { parseScenario } from "../../src/cli/scenario";
import { templateById } from "../../src/domain/criteria/templates";
import { writeSheets } from "../../src/excel/apply";
import { readWorkbook } from "../../src/excel/read";
import { MemoryHost } from "../../src/host";
import { criteriaSheetPlan } from "../../src/workbook/criteria/criteriaSheet";
import { sampleDraft } from "../fixtures/bloc";
import { tried, type BadCase, type Seen } from "./harness";
import { blocHost, MEMBERS } from "./voting.cases";

const [A, B, C] = MEMBERS;
const REG = START_SHEETS.registrations;
const PACT: PactDraft = { theme: "Đoàn kết, sáng tạo", place: "Nam Định", signedOn: "15/03/2026", commitments: ["Thực hiện Chỉ thị 34-CT/TW", "Cải cách hành chính"] };

async function startHost(criteria = true): Promise<MemoryHost> {
  const host = await blocHost();
  if (criteria) {
    const w = await writeSheets(host, [criteriaSheetPlan(templateById("departments-100").table)], await readWorkbook(host, {}));
    if (!w.ok) throw new Error("criteria");
  }
  return host;
}

function pact(patch: Partial<PactDraft>, opts: { criteria?: boolean; host?: () => Promise<MemoryHost> } = {}): () => Promise<Seen> {
  return async () => {
    const host = opts.host ? await opts.host() : await startHost(opts.criteria ?? true);
    return tried(host, async () => (await savePact(host, { ...PACT, ...patch })).issues);
  };
}

function registrations(regs: RegistrationDraft[]): () => Promise<Seen> {
  return async () => {
    const host = await startHost(false);
    return tried(host, async () => (await saveRegistrations(host, regs)).issues);
  };
}

/** The registration sheet saved, then a cell typed on it by hand, then the step loaded. */
function typed(cell: string, value: string): () => Promise<Seen> {
  return async () => {
    const host = await startHost(false);
    await saveRegistrations(host, [{ unit: A, awards: ["co-tinh"], targets: "" }]);
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(REG).getRange(cell).values = [[value]];
      await ctx.sync();
    });
    return tried(host, async () => {
      const l = await loadStart(host);
      return l.ok ? l.state.issues : l.issues;
    });
  };
}

/** A unit's returned file: the registration sheet moved to a new book and edited, then previewed. */
function returned(edit: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void): () => Promise<Seen> {
  return async () => {
    const host = await startHost(false);
    await saveRegistrations(host, [{ unit: A, awards: ["co-tinh"], targets: "" }]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await host.toXlsx()) as unknown as ExcelJS.Buffer);
    for (const ws of [...wb.worksheets]) if (ws.name !== REG) wb.removeWorksheet(ws.id);
    edit(wb.getWorksheet(REG)!, wb);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    return tried(host, async () => {
      const r = await previewRegistrationFile(host, bytes);
      return r.kind === "rejected" ? r.issues : r.preview.issues;
    });
  };
}

function scenarioStart(start: unknown): () => Promise<Seen> {
  return async () => {
    const parsed = parseScenario({ bloc: { ...sampleDraft(8), year: 2026 }, start });
    if (!parsed.ok) throw new Error(parsed.problems.join("\n"));
    const report = await runScenario(parsed.scenario, new MemoryHost());
    return { issues: report.steps.flatMap((s) => s.issues) };
  };
}

export const cases: BadCase[] = [
  // ---- The pact form.
  { id: "start.pact.impossibleDate", door: "pane.pact", tried: "signing date 31/02/2026", outcome: "refused", code: "start.pact.date", where: { field: "signedOn" }, run: pact({ signedOn: "31/02/2026" }) },
  { id: "start.pact.wordsForDate", door: "pane.pact", tried: "signing date in words", outcome: "refused", code: "start.pact.date", where: { field: "signedOn" }, run: pact({ signedOn: "mười lăm tháng ba" }) },
  { id: "start.pact.month13", door: "pane.pact", tried: "signing date 15/13/2026", outcome: "refused", code: "start.pact.date", where: { field: "signedOn" }, run: pact({ signedOn: "15/13/2026" }) },
  { id: "start.pact.themeTooLong", door: "pane.pact", tried: "a theme of 1001 characters", outcome: "refused", code: "start.pact.tooLong", where: { field: "theme" }, run: pact({ theme: "Đ".repeat(1001) }) },
  { id: "start.pact.commitmentTooLong", door: "pane.pact", tried: "a commitment of 1001 characters", outcome: "refused", code: "start.pact.tooLong", where: { field: "commitments.2" }, run: pact({ commitments: ["a", "b", "x".repeat(1001)] }) },
  { id: "start.pact.tooMany", door: "pane.pact", tried: "51 commitments", outcome: "refused", code: "start.pact.tooMany", where: { field: "commitments" }, run: pact({ commitments: Array.from({ length: 51 }, (_, i) => `Cam kết ${i + 1}`) }) },
  { id: "start.pact.otherYear", door: "pane.pact", tried: "signed on 20/12/2025 for the year 2026", outcome: "warned", code: "start.pact.dateYear", where: { field: "signedOn" }, run: pact({ signedOn: "20/12/2025" }) },
  { id: "start.pact.noBloc", door: "pane.pact", tried: "saving a pact before the bloc exists", outcome: "refused", code: "start.noBloc", run: pact({}, { host: async () => new MemoryHost() }) },
  { id: "start.pact.noCriteria", door: "pane.pact", tried: "saving the pact before the criteria table exists", outcome: "warned", code: "start.pact.noCriteria", where: { sheet: START_SHEETS.pact }, run: pact({}, { criteria: false }) },
  { id: "start.pact.formulaText", door: "pane.pact", tried: "a theme that starts with \"=\"", outcome: "accepted", why: "plans write text as text, never as a formula (plan.ts PlanValue)", run: pact({ theme: "=SUM(A1:A3)" }) },
  { id: "start.pact.blankLines", door: "pane.pact", tried: "blank commitment lines", outcome: "accepted", why: "an empty line is not a commitment: dropped, the others numbered in order", run: pact({ commitments: ["", "Cải cách hành chính", "   "] }) },

  // ---- The registrations form.
  { id: "start.registration.notMember", door: "pane.registrations", tried: "a unit outside the bloc", outcome: "refused", code: "start.registration.notMember", where: { field: "registrations.0.unit" }, run: registrations([{ unit: "Sở Ngoại vụ", awards: ["co-tinh"], targets: "" }]) },
  { id: "start.registration.duplicate", door: "pane.registrations", tried: "the same unit twice, spelt differently", outcome: "refused", code: "start.registration.duplicate", where: { field: "registrations.1.unit" }, run: registrations([{ unit: A, awards: [], targets: "" }, { unit: `  ${A.toLocaleUpperCase("vi")} `, awards: ["co-tinh"], targets: "" }]) },
  { id: "start.registration.unknownAward", door: "pane.registrations", tried: "an award id not in the catalogue", outcome: "refused", code: "start.registration.unknownAward", where: { field: "registrations.0.awards.1" }, run: registrations([{ unit: A, awards: ["co-tinh", "huan-chuong-lao-dong"], targets: "" }]) },
  { id: "start.registration.duplicateAward", door: "pane.registrations", tried: "the same award twice for one unit", outcome: "warned", code: "start.registration.duplicateAward", where: { field: "registrations.0.awards.1" }, run: registrations([{ unit: A, awards: ["bk-tinh", "bk-tinh"], targets: "" }]) },
  { id: "start.registration.targetsTooLong", door: "pane.registrations", tried: "targets of 4001 characters", outcome: "refused", code: "start.registration.tooLong", where: { field: "registrations.0.targets" }, run: registrations([{ unit: A, awards: [], targets: "x".repeat(4001) }]) },
  { id: "start.registration.titleAndReward", door: "pane.registrations", tried: "a title and a reward for one unit", outcome: "accepted", why: "a unit may aim for both; Luật TĐKT 2022 Đ5 limits what is awarded for one achievement, not what is registered", run: registrations([{ unit: B, awards: ["co-tinh", "bk-tinh"], targets: "" }]) },
  { id: "start.registration.shortName", door: "pane.registrations", tried: "a unit by its short name", outcome: "accepted", why: "a member's short name names it (DOMAIN §6)", run: registrations([{ unit: sampleDraft(8).members[2].shortName ?? "", awards: ["tt-ldxs"], targets: "" }]) },

  // ---- The registration sheet typed by hand.
  { id: "start.sheet.badMark", door: "registration sheet", tried: "\"y\" typed in an award cell", outcome: "warned", code: "start.registration.mark", where: { sheet: REG, cell: "D8" }, run: typed("D8", "y") },
  { id: "start.sheet.stranger", door: "registration sheet", tried: "a unit outside the bloc typed over a row", outcome: "warned", code: "start.registration.sheetNotMember", where: { sheet: REG, cell: "B9" }, run: typed("B9", "Sở Ngoại vụ") },

  // ---- A unit's returned file.
  { id: "start.file.notXlsx", door: "returned file", tried: "a file that is not an .xlsx", outcome: "refused", code: "start.file.unreadable", run: async () => { const host = await startHost(false); return tried(host, async () => { const r = await previewRegistrationFile(host, new TextEncoder().encode("STT;Đơn vị")); return r.kind === "rejected" ? r.issues : []; }); } },
  { id: "start.file.noSheet", door: "returned file", tried: "an .xlsx without the registration sheet", outcome: "refused", code: "start.file.noSheet", run: returned((ws, wb) => { wb.addWorksheet("Trang khác").getCell("A1").value = "x"; wb.removeWorksheet(ws.id); }) },
  { id: "start.file.otherYear", door: "returned file", tried: "last year's registration file", outcome: "refused", code: "start.file.otherYear", where: { cell: "A1" }, run: returned((ws) => (ws.getCell("A1").value = "ĐĂNG KÝ THI ĐUA NĂM 2025")) },
  { id: "start.file.otherBloc", door: "returned file", tried: "another bloc's registration file", outcome: "refused", code: "start.file.otherBloc", where: { cell: "A2" }, run: returned((ws) => (ws.getCell("A2").value = "Khối: Khối thi đua Văn hóa - Xã hội")) },
  { id: "start.file.notMember", door: "returned file", tried: "a unit outside the bloc in the file", outcome: "refused", code: "start.file.notMember", where: { cell: "B8" }, run: returned((ws) => (ws.getCell("B8").value = "Sở Ngoại vụ")) },
  { id: "start.file.duplicate", door: "returned file", tried: "a unit twice in the file", outcome: "refused", code: "start.file.duplicate", where: { cell: "B8" }, run: returned((ws) => (ws.getCell("B8").value = A)) },
  { id: "start.file.noIds", door: "returned file", tried: "the award ids row cleared in the file", outcome: "refused", code: "start.registration.sheet.noIds", where: { cell: "C5" }, run: returned((ws) => (ws.getCell("C6").value = null)) },
  {
    id: "start.file.changedSincePreview",
    door: "returned file",
    tried: "applying a preview after the sheet changed",
    outcome: "refused",
    code: "start.file.changed",
    where: { sheet: REG },
    run: async () => {
      const host = await startHost(false);
      await saveRegistrations(host, [{ unit: A, awards: ["co-tinh"], targets: "" }]);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await host.toXlsx()) as unknown as ExcelJS.Buffer);
      wb.getWorksheet(REG)!.getCell("C8").value = "x";
      const p = await previewRegistrationFile(host, new Uint8Array(await wb.xlsx.writeBuffer()));
      if (p.kind !== "preview") throw new Error("preview");
      await saveRegistrations(host, [{ unit: C, awards: ["bk-tinh"], targets: "" }]);
      return tried(host, async () => (await applyRegistrationFile(host, p.preview)).issues);
    },
  },

  // ---- The scenario's start part.
  { id: "start.scenario.unknownAward", door: "scenario", tried: "a registration naming an award the catalogue lacks", outcome: "refused", code: "start.registration.unknownAward", where: { field: "start.registrations[0].awards[0]" }, run: scenarioStart({ registrations: [{ unit: "SCT", awards: ["Huân chương Lao động"] }] }) },
  { id: "start.scenario.badDate", door: "scenario", tried: "a pact signed on 30/02/2026", outcome: "refused", code: "start.pact.date", where: { field: "start.pact.signedOn" }, run: scenarioStart({ pact: { signedOn: "30/02/2026" } }) },
];
