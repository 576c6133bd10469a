// Sheet plans written to .xlsx without Excel (src/export/planXlsx.ts), for next year's workbook (issue #12 point 4).
// The proof the file is the add-in's own: loaded into the in-memory host (readXlsx), every use case reads it as it
// reads a workbook the applier wrote, and writing the sheets again keeps nothing aside (apply.ts: region names, fingerprints).
import JSZip from "jszip";
import { loadBloc, saveBloc, blocToDraft } from "../../src/app/bloc";
import { loadNomination } from "../../src/app/nomination";
import { insertScoring, readScoringContext } from "../../src/app/scoring";
import { electLeadership, loadVoting } from "../../src/app/voting";
import { validateBloc } from "../../src/domain/bloc/bloc";
import { templateById } from "../../src/domain/criteria/templates";
import { defaultCatalogue } from "../../src/domain/nomination/catalogue";
import { defaultSettings } from "../../src/domain/scoring/settings";
import { doneComment, REGION_DONE, writeSheets } from "../../src/excel/apply";
import { readWorkbook } from "../../src/excel/read";
import { planXlsx } from "../../src/export/planXlsx";
import { MemoryHost } from "../../src/host";
import { blocSheetPlan } from "../../src/workbook/bloc/blocSheet";
import { leadershipSheetPlan, type LeadershipRow } from "../../src/workbook/bloc/leadershipSheet";
import { criteriaSheetPlan } from "../../src/workbook/criteria/criteriaSheet";
import { catalogueSheetPlan } from "../../src/workbook/nomination/catalogueSheet";
import { nextYearPlans } from "../../src/workbook/nextYear";
import { emptyPlan, planFingerprint, regionName, type SheetPlan } from "../../src/workbook/plan";
import { SETTINGS_SHEET, settingsSheetPlan } from "../../src/workbook/scoring/settingsSheet";
import { sectionName } from "../../src/workbook/scoring/summarySheet";
import { sampleDraft } from "../fixtures/bloc";
import { gridOf } from "../fixtures/grid";

const at = new Date(2026, 11, 5, 17, 30);
const bloc = validateBloc(sampleDraft()).bloc!;
const members = bloc.members.map((m) => m.name);
const table = templateById("departments-100").table;
const names = table.sections.map((_, i) => sectionName(table, i));
const settings = { ...defaultSettings(100), largeGap: 7 };
const history: LeadershipRow[] = [
  { year: 2026, leader: members[0], deputies: [members[5]], how: "recorded", basis: "Hồ sơ khối" },
  { year: 2027, leader: members[2], deputies: [members[3]], how: "election", basis: "Kết quả bỏ phiếu V4, V5" },
];

/** Next year's plans from this year's sheets (as in test/workbook/nextYear.test.ts). */
function nextPlans(): SheetPlan[] {
  const out = nextYearPlans({
    bloc: gridOf(blocSheetPlan(bloc)),
    leadership: gridOf(leadershipSheetPlan(history, { members })),
    criteria: gridOf(criteriaSheetPlan(table)),
    settings: gridOf(settingsSheetPlan(settings, names)),
    catalogue: gridOf(catalogueSheetPlan(defaultCatalogue())),
  });
  if (!out.ok) throw new Error(JSON.stringify(out.issues));
  return out.value.plans;
}

const bytesOf = (plans: SheetPlan[], regions = true) => planXlsx(plans, regions ? { regionComment: (p) => doneComment(at, p) } : {});

/** A plan with what next year's sheets do not use: protection, unlocked cells, text that looks like a formula or a number, formulas, page breaks, margins. */
function oddPlan(): SheetPlan {
  const p = emptyPlan("Thử");
  p.tabColor = "#00B050";
  p.blocks.push({ at: "A1", rows: [["=1+1", "001", "TRUE", "-Phòng"], [1, 2, { f: "=SUM(A2:B2)" }, { f: '=IF(C2>2,"lớn","nhỏ")' }], [null, "", 0.25, "Sở Y tế"]] });
  p.formats.push({ range: "A1:D3", format: { borders: "Continuous", fontName: "Times New Roman" } }, { range: "B2:C3", format: { bold: true, fill: "#FFF2CC", numberFormat: "0.00", hAlign: "Center", vAlign: "Center", wrap: true, italic: true, fontColor: "#C00000", fontSize: 13 } });
  p.merges.push("A5:D5");
  p.blocks.push({ at: "A5", rows: [["Gộp ô"]] });
  p.columnWidths.push({ column: "A", width: 80 }, { column: "D", width: 150 });
  p.rowHeights = [{ row: 5, height: 30 }];
  p.hiddenColumns = ["F"];
  p.blocks.push({ at: "F1", rows: [["ẩn"], ["Có"], ["Không"]] });
  p.validations.push(
    { range: "B2:B3", rule: { kind: "decimal", min: 0, max: 10 }, error: { title: "Sai", message: "0–10" }, prompt: { title: "Nhập", message: "Một số" } },
    { range: "D3", rule: { kind: "list", source: { range: "$F$2:$F$3" } }, error: { title: "Sai", message: "Chọn" } },
    { range: "A3", rule: { kind: "list", source: ["Có", "Không"] }, error: { title: "Sai", message: "Chọn" } },
    { range: "C3", rule: { kind: "custom", formula: "=C3>=0" }, error: { title: "Sai", message: "≥ 0" } },
  );
  p.conditionalFormats.push({ range: "A2:B3", formula: "=$A2>$B2", format: { fill: "#F8CBAD", fontColor: "#C00000", bold: true } });
  p.unlocked.push("B2:B3", "D3");
  p.protection = {};
  p.names.push({ name: "BX_Thu_Tong", range: "$C$2", comment: "Tổng thử" });
  p.print = { orientation: "Landscape", paper: "A4", titleRows: "$1:$1", fitToWidth: true, margins: { top: 54, bottom: 54, left: 40, right: 40 } };
  p.pageBreaks = [3];
  p.freeze = { rows: 1, columns: 1 };
  return p;
}

/** The applier's result for the same plans, in the in-memory host (written through src/excel/apply.ts). */
async function applied(plans: SheetPlan[]): Promise<MemoryHost> {
  const host = new MemoryHost();
  const w = await writeSheets(host, plans, await readWorkbook(host, {}));
  if (!w.ok) throw new Error(JSON.stringify(w.issues));
  return host;
}

/** Everything the host holds of each sheet of `plans`: the snapshot (cells with formats and locks, merges, widths, heights, validations, freeze, tab), conditional formats, protection, page setup. */
function sheetsOf(host: MemoryHost, plans: SheetPlan[]) {
  const snap = host.snapshot();
  return plans.map((p) => {
    const { position: _p, ...sheet } = snap.sheets.find((s) => s.name === p.name)!;
    void _p;
    return { sheet, cfs: host.conditionalFormats(p.name), protection: host.protection(p.name), layout: host.pageLayout(p.name), breaks: host.pageBreaks(p.name) };
  });
}

describe("planXlsx: a file of plans is what the applier writes (issue #12 point 4)", () => {
  it("the next year's sheets, loaded from the file, equal the applier's sheets from the same plans, cell by cell, format by format", async () => {
    const plans = nextPlans();
    const file = await MemoryHost.fromXlsx(await bytesOf(plans));
    // The reference went through the same .xlsx reader, so only what the two writers put in the file can differ.
    const ref = await MemoryHost.fromXlsx(await (await applied(plans)).toXlsx());
    expect(file.sheetNames()).toEqual(plans.map((p) => p.name));
    expect(sheetsOf(file, plans)).toEqual(sheetsOf(ref, plans));
  }, 60_000);

  it("so does a plan with protection, unlocked cells, text that looks like a formula, formulas, hidden columns, rules and print setup", async () => {
    const plans = [oddPlan()];
    const file = await MemoryHost.fromXlsx(await bytesOf(plans));
    const ref = await MemoryHost.fromXlsx(await (await applied(plans)).toXlsx());
    expect(sheetsOf(file, plans)).toEqual(sheetsOf(ref, plans));
    // Text stays text; formulas compute (the host's engine, on open).
    expect(file.values("Thử", "A1:D2")).toEqual([
      ["=1+1", "001", "TRUE", "-Phòng"],
      [1, 2, 3, "lớn"],
    ]);
    expect(file.protection("Thử").protected).toBe(true);
    expect(file.cell("Thử", "B2").locked).toBe(false);
    expect(file.cell("Thử", "C2").locked).toBe(true);
  }, 60_000);

  it("asks Excel to compute every formula on open (calcPr fullCalcOnLoad: the file carries no cached results)", async () => {
    const xml = await (await JSZip.loadAsync(await bytesOf([oddPlan()]))).file("xl/workbook.xml")!.async("string");
    expect(xml).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
  });

  it("defines the plans' names and each sheet's region name with the applier's comment and fingerprint (apply.ts doneComment)", async () => {
    const plans = nextPlans();
    const live = await applied(plans);
    const file = await MemoryHost.fromXlsx(await bytesOf(plans));
    const strip = (c: string) => c.replace(/ghi lúc [^#]*#/, "ghi lúc … #");
    const norm = (h: MemoryHost) => h.names().map((n) => ({ ...n, comment: strip(n.comment) })).sort((a, b) => a.name.localeCompare(b.name));
    expect(norm(file)).toEqual(norm(live));
    for (const p of plans) {
      const n = file.names().find((x) => x.name === regionName(p))!;
      expect(n.comment).toBe(`${REGION_DONE}, ghi lúc 2026-12-05 17:30:00.000 #${planFingerprint(p)}`);
    }
  }, 60_000);
});

describe("next year's file, opened by the add-in (loaded into the in-memory host)", () => {
  let host: MemoryHost;
  beforeEach(async () => {
    host = await MemoryHost.fromXlsx(await bytesOf(nextPlans()));
  });

  it("loadBloc reads year + 1 and the leader and deputy the year-end meeting chose (DOMAIN §1)", async () => {
    const st = await loadBloc(host);
    expect(st.status).toBe("ok");
    expect(st.bloc!.year).toBe(2027);
    expect(st.bloc!.leader).toBe(members[2]);
    expect(st.bloc!.deputies).toEqual([members[3]]);
    expect(st.bloc!.members).toEqual(bloc.members);
    // The leadership record agrees with the bloc record: no "differs" warning.
    expect(st.issues).toEqual([]);
  });

  it("the scoring use case reads the carried criteria table and settings, and inserts next year's score sheets from them", async () => {
    const ctx = await readScoringContext(host);
    expect(ctx.criteria?.table?.sections.length).toBe(table.sections.length);
    expect(ctx.settings?.largeGap).toBe(7);
    expect(ctx.settingsIssues).toEqual([]);
    const out = await insertScoring(host);
    expect(out.kind).toBe("inserted");
    if (out.kind !== "inserted") return;
    expect(out.report.units).toBe(members.length);
    // The carried settings are the bloc's (read, not rewritten with defaults) and nothing was kept aside.
    expect(out.issues.filter((i) => /keptAside|keptEdited/.test(i.code))).toEqual([]);
    expect(host.sheetNames().some((s) => s.includes("(cũ)"))).toBe(false);
  }, 60_000);

  it("the nomination step reads the carried award catalogue from the workbook", async () => {
    const out = await loadNomination(host);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.state.catalogueInWorkbook).toBe(true);
    expect(out.state.catalogue.awards.map((a) => a.name)).toEqual(defaultCatalogue().awards.map((a) => a.name));
  });

  it("the leadership step reads the carried record: rotation for 2028 follows 2027's leader (DOMAIN §1: bầu luân phiên)", async () => {
    const v = await loadVoting(host);
    expect(v.ok).toBe(true);
    if (v.ok) expect(v.context.leadership.map((r) => r.year)).toEqual([2026, 2027]);
    const out = await electLeadership(host, { mode: "rotation", deputies: 1 });
    expect(out.kind).toBe("written");
    expect(out.year).toBe(2028);
    // Roster order after 2027's leader (members[2]), skipping those who led: members[3].
    expect(out.leader).toBe(members[3]);
    expect(out.issues.filter((i) => /keptAside|keptEdited|keptOld/.test(i.code))).toEqual([]);
  }, 60_000);

  it("writing its sheets again updates them in place: nothing kept aside as a user's, nothing kept as edited", async () => {
    const plans = nextPlans();
    const w = await writeSheets(host, plans, await readWorkbook(host, { sheets: plans.map((p) => p.name) }));
    expect(w.ok).toBe(true);
    expect(w.issues.map((i) => i.code).filter((c) => /keptAside|keptEdited/.test(c))).toEqual([]);
    expect(host.sheetNames()).toEqual(plans.map((p) => p.name));
    const st = await loadBloc(host);
    const saved = await saveBloc(host, blocToDraft(st.bloc!), { basedOn: st.fingerprint });
    expect(saved.kind).toBe("saved");
    if (saved.kind === "saved") expect(saved.issues.map((i) => i.code).filter((c) => /keptAside|keptEdited/.test(c))).toEqual([]);
  }, 60_000);

  it("the fingerprints are read: a cell typed by hand in a carried sheet is noticed and kept, as in a workbook the applier wrote", async () => {
    host.userEdit(SETTINGS_SHEET, "D4", "ghi chú của thư ký");
    const plans = nextPlans();
    const w = await writeSheets(host, plans, await readWorkbook(host, { sheets: plans.map((p) => p.name) }));
    expect(w.issues.map((i) => i.code)).toContain("excel.sheet.keptEdited");
  }, 60_000);

  it("without region names the same sheets would be kept aside as a user's own (what the names prevent)", async () => {
    const bare = await MemoryHost.fromXlsx(await bytesOf(nextPlans(), false));
    const plans = nextPlans();
    const w = await writeSheets(bare, plans, await readWorkbook(bare, { sheets: plans.map((p) => p.name) }));
    expect(w.issues.map((i) => i.code)).toContain("excel.sheet.keptAside");
  }, 60_000);
});

