import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import JSZip from "jszip";
import ExcelJS from "exceljs";
import { generateNomination, loadNomination, NOMINATION_SHEETS, produceFiles, recordOverride, saveMeeting } from "../../src/app/nomination";
import { parseScenario } from "../../src/cli/scenario";
import { runScenario } from "../../src/cli/run";
import type { MemoryHost } from "../../src/host";
import { cellAddress } from "../../src/workbook/a1";
import { lifesoftImport } from "../export/lifesoftImporter";

async function demoHost(withNomination = true): Promise<MemoryHost> {
  const parsed = parseScenario(JSON.parse(readFileSync(resolve(__dirname, "../../docs/scenario.sample.json"), "utf8")));
  if (!parsed.ok) throw new Error(parsed.problems.join("\n"));
  const { leadership: _l, nomination, ...scenario } = parsed.scenario;
  void _l;
  const report = await runScenario({ ...scenario, leadership: { mode: "election" }, ...(withNomination ? { nomination } : {}) });
  expect(report.ok).toBe(true);
  return report.host;
}

const at = new Date(2026, 11, 5, 16, 0);

describe("the nomination step", () => {
  let host: MemoryHost;
  beforeAll(async () => {
    host = await demoHost();
  }, 60_000);

  it("proposes the list from the ranking and the final vote counts, with reasons, in two reads", async () => {
    host.resetStats();
    const loaded = await loadNomination(host);
    expect(host.stats.syncs).toBe(2);
    if (!loaded.ok) throw new Error("load");
    const { state } = loaded;
    expect(state.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(state.list.map((p) => [p.award, p.unit])).toEqual(
      expect.arrayContaining([
        ["Cờ thi đua của UBND tỉnh", "Sở Công Thương"],
        ["Bằng khen của Chủ tịch UBND tỉnh", "Sở Xây dựng"],
      ]),
    );
    // Round 2's winner carries round 2's figures.
    const sxd = state.list.find((p) => p.unit === "Sở Xây dựng" && p.award.startsWith("Bằng khen của Chủ tịch"))!;
    expect([sxd.voteId, sxd.votes, sxd.percent]).toEqual(["V2_2", 5, 71.43]);
    for (const p of state.proposals) expect(p.reasons.length).toBeGreaterThan(0);
  });

  it("never overwrites a list or catalogue sheet of the bloc's own: they are kept under another name", async () => {
    const own = await demoHost(false);
    await own.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.add("Danh sách đề nghị");
      ws.getRange("A1:B2").values = [["Danh sách khối tự lập", ""], ["Sở Công Thương", "Cờ"]];
      const cat = ctx.workbook.worksheets.add("Khen thưởng");
      cat.getRange("A1").values = [["Ghi chú của thư ký"]];
      await ctx.sync();
    });
    const out = await generateNomination(own, { at });
    expect(out.kind).toBe("written");
    expect(out.kind === "written" && out.issues.filter((i) => i.code === "nomination.sheet.keptOld").map((i) => i.where?.sheet).sort()).toEqual(["Danh sách đề nghị", "Khen thưởng"]);
    expect(own.values("Danh sách đề nghị (cũ)", "A1")).toEqual([["Danh sách khối tự lập"]]);
    expect(own.values("Khen thưởng (cũ)", "A1")).toEqual([["Ghi chú của thư ký"]]);
    // Generating again replaces the add-in's own sheets without keeping copies.
    const again = await generateNomination(own, { at });
    expect(again.kind === "written" && again.issues.filter((i) => i.code === "nomination.sheet.keptOld")).toEqual([]);
  }, 60_000);

  it("writes the list (linked to the summary and tallies), the minutes, the catalogue and the meeting record in three round trips", async () => {
    host.resetStats();
    const out = await generateNomination(host, { at });
    expect(out.kind).toBe("written");
    expect(host.stats.syncs).toBe(3);
    expect(host.sheetNames()).toEqual(expect.arrayContaining(["Khen thưởng", "Hội nghị bình xét", NOMINATION_SHEETS.list, NOMINATION_SHEETS.minutes]));
    const text = host.values(NOMINATION_SHEETS.list, host.usedRange(NOMINATION_SHEETS.list)!).flat();
    expect(text).toContain("Sở Công Thương");
    expect(text).toContain(98.25); // Tổng điểm, by formula from "Tổng hợp"
    expect(text).not.toContain("#N/A");
    expect(text.some((v) => typeof v === "string" && v.startsWith("#"))).toBe(false);
  });

  it("records an override with its reason; the list and the minutes follow", async () => {
    const out = await recordOverride(host, { unit: "Ban Quản lý các Khu công nghiệp tỉnh", award: "Cờ thi đua của UBND tỉnh", include: false, reason: "Đơn vị xin rút" });
    expect(out.kind).toBe("written");
    const loaded = await loadNomination(host);
    if (!loaded.ok) throw new Error("load");
    const bql = loaded.state.proposals.find((p) => p.unit === "Ban Quản lý các Khu công nghiệp tỉnh" && p.award === "Cờ thi đua của UBND tỉnh")!;
    expect(bql.proposed).toBe(false);
    expect(bql.override?.reason).toBe("Đơn vị xin rút");
    await generateNomination(host, { at });
    const minutes = host.values(NOMINATION_SHEETS.minutes, host.usedRange(NOMINATION_SHEETS.minutes)!).flat().join("\n");
    expect(minutes).toContain("Đơn vị xin rút");
  });

  it("keeps the meeting record's old sheet when a note beside it would be lost", async () => {
    const quiet = await saveMeeting(host, { chair: "Nguyễn Văn An" });
    expect(quiet.kind === "written" && quiet.issues.map((i) => i.code)).toEqual([]);
    host.userEdit("Hội nghị bình xét", "F5", "Mời thêm đại diện Ban Thi đua - Khen thưởng tỉnh");
    const out = await saveMeeting(host, { secretary: "Trần Thị Bình" });
    expect(out.kind === "written" && out.issues.map((i) => [i.code, i.where?.cell])).toEqual([["meeting.sheet.keptOld", "F5"]]);
    expect(host.values("Hội nghị bình xét (cũ)", "F5")).toEqual([["Mời thêm đại diện Ban Thi đua - Khen thưởng tỉnh"]]);
  });

  it("produces the submission, both minutes and the exports as files that open", async () => {
    const out = await produceFiles(host, { at });
    if (!out.ok) throw new Error(JSON.stringify(out.issues));
    const names = out.files.map((f) => f.name);
    expect(names).toEqual(expect.arrayContaining(["To-trinh-de-nghi-khen-thuong-2026.docx", "Bien-ban-hop-binh-xet-2026.docx", "Bien-ban-kiem-phieu-V1.docx", "Danh-sach-de-nghi-2026.xlsx", "Danh-sach-de-nghi-2026.csv"]));
    const submission = out.files.find((f) => f.name.startsWith("To-trinh"))!;
    const doc = await (await JSZip.loadAsync(submission.bytes)).file("word/document.xml")!.async("string");
    expect(doc).toContain("TỜ TRÌNH");
    expect(doc).toContain("DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG");
    expect(doc).toMatch(/w:orient="landscape"/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(out.files.find((f) => f.name.endsWith(".xlsx"))!.bytes as unknown as ArrayBuffer);
    expect(wb.worksheets[0].getRow(1).values).toContain("Danh hiệu/Hình thức");
    const csv = out.files.find((f) => f.name.endsWith(".csv"))!.bytes;
    expect([...csv.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it("dates a count's .docx minutes as its minutes sheet, not the meeting record saved later: one date for one count (issue #14 item 2)", async () => {
    // The sample writes V1's minutes sheet at the count; the meeting record is then saved for another day.
    const onSheet = host.values("Biên bản V1", "A1:A40").flat().map(String).find((t) => t.startsWith("Hồi "))!;
    const sheetWhen = /^Hồi \d{2} giờ \d{2} phút, ngày \d{2} tháng \d{2} năm \d{4}/.exec(onSheet)![0];
    const saved = await saveMeeting(host, { date: { day: 28, month: 12, year: 2026 }, time: { hour: 7, minute: 45 } });
    expect(saved.kind).toBe("written");
    const out = await produceFiles(host, { at });
    if (!out.ok) throw new Error(JSON.stringify(out.issues));
    const v1 = out.files.find((f) => f.name === "Bien-ban-kiem-phieu-V1.docx")!;
    const xml = await (await JSZip.loadAsync(v1.bytes)).file("word/document.xml")!.async("string");
    const text = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
    expect(text).toContain(sheetWhen);
    expect(text).not.toContain("07 giờ 45 phút, ngày 28 tháng 12 năm 2026");
    // The meeting's own minutes follow the meeting record.
    const meeting = out.files.find((f) => f.name === "Bien-ban-hop-binh-xet-2026.docx")!;
    const mx = await (await JSZip.loadAsync(meeting.bytes)).file("word/document.xml")!.async("string");
    expect(mx).toContain("28 tháng 12 năm 2026");
  });

  it("offers the list in LIFESOFT's import template: its importer keeps every proposed row; the file carries its notes (issue #10 item 13)", async () => {
    const out = await produceFiles(host, { at });
    if (!out.ok) throw new Error(JSON.stringify(out.issues));
    const file = out.files.find((f) => f.name === "Danh-sach-LIFESOFT-2026.xlsx")!;
    expect(file.label.vi).toContain("LIFESOFT");
    const loaded = await loadNomination(host);
    if (!loaded.ok) throw new Error("load");
    for (const v of ["NhanExcelKhenThuong", "NhanExcelCumKhoi"] as const) {
      const got = await lifesoftImport(file.bytes, v);
      expect(got.tapthe.map((t) => t.tentapthe)).toEqual(loaded.state.list.filter((p) => p.proposed).map((p) => p.unit));
    }
    // "Bằng khen của Chủ tịch UBND tỉnh" is named as LIFESOFT's list names it; class and field are left to its dialog.
    expect(file.notes?.map((i) => i.code)).toEqual(expect.arrayContaining(["export.format.award.renamed", "export.format.emptyColumn"]));
    expect(file.notes?.every((i) => i.message.vi && i.message.en)).toBe(true);
  });

  it("follows a changed ballot and a changed score: regenerating updates the list, the minutes and the files alike", async () => {
    // Round 2 of the certificate vote (7 present; SXD 5 : SGTVT 2): ballots 1 and 3 retyped in both entries for SGTVT, which now wins 4 : 3.
    for (const sheet of ["Phiếu V2_2", "Phiếu V2_2 (lần 2)"]) {
      host.userPaste(sheet, "B7:C7", [[null, "x"]]);
      host.userPaste(sheet, "B9:C9", [[null, "x"]]);
    }
    const out = await generateNomination(host, { at });
    if (out.kind !== "written") throw new Error(JSON.stringify(out.issues));
    const merit = out.state.list.filter((p) => p.award === "Bằng khen của Chủ tịch UBND tỉnh").map((p) => p.unit);
    expect(merit).toContain("Sở Giao thông vận tải");
    expect(merit).not.toContain("Sở Xây dựng");
    const list = host.values(NOMINATION_SHEETS.list, host.usedRange(NOMINATION_SHEETS.list)!).flat();
    expect(list).toContain("Sở Giao thông vận tải");
    expect(list).toContain("4/7");
    const minutes = host.values(NOMINATION_SHEETS.minutes, host.usedRange(NOMINATION_SHEETS.minutes)!).flat().join("\n");
    expect(minutes).toContain("Sở Giao thông vận tải");
    // A score typed on a unit sheet reaches the list's linked total at once, and the documents on the next produce.
    const before = host.values(NOMINATION_SHEETS.list, host.usedRange(NOMINATION_SHEETS.list)!).flat().filter((v) => v === 98.25).length;
    expect(before).toBeGreaterThan(0);
    // A self-score with no reviewed score beside it counts: lower it by one point.
    const column = host.values("SCT", "D8:E60");
    const k = column.findIndex(([self, review]) => typeof self === "number" && self >= 1 && (review === "" || review === null));
    host.userEdit("SCT", `D${8 + k}`, (column[k][0] as number) - 1);
    const after = host.values(NOMINATION_SHEETS.list, host.usedRange(NOMINATION_SHEETS.list)!).flat();
    expect(after.filter((v) => v === 98.25)).toHaveLength(0);
    const files = await produceFiles(host, { at });
    if (!files.ok) throw new Error("produce");
    const xml = await (await JSZip.loadAsync(files.files.find((f) => f.name.startsWith("To-trinh"))!.bytes)).file("word/document.xml")!.async("string");
    expect(xml).toContain("Sở Giao thông vận tải");
    const csv = new TextDecoder().decode(files.files.find((f) => f.name.endsWith(".csv"))!.bytes);
    expect(csv).toContain("Sở Giao thông vận tải");
    expect(csv).not.toMatch(/Sở Xây dựng.*Bằng khen của Chủ tịch/);
  });
});

/**
 * Issue #14 item 3, "Late changes leave stale documents" (done when: "a late score change marks
 * the list and minutes out of date"): the list and the review minutes (DOMAIN §5) record what they
 * were built from; a later read names each one out of date and what changed; generating again clears it.
 */
const stale = (issues: { code: string }[]) => issues.filter((i) => i.code.startsWith("nomination.stale.")).map((i) => i.code).sort();

/** Lowers one self-score of "SCT" (Sở Công Thương) that has no reviewed score beside it by a point. */
function lowerScore(host: MemoryHost): void {
  const column = host.values("SCT", "D8:E60");
  const k = column.findIndex(([self, review]) => typeof self === "number" && self >= 1 && (review === "" || review === null));
  host.userEdit("SCT", `D${8 + k}`, (column[k][0] as number) - 1);
}

async function load(host: MemoryHost) {
  host.resetStats();
  const loaded = await loadNomination(host);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  // No round trip more than the nomination's two reads (ARCHITECTURE rule 4).
  expect(host.stats.syncs).toBe(2);
  return loaded.state;
}

describe("late changes mark the nomination documents out of date (issue #14 item 3)", () => {
  let host: MemoryHost;
  beforeAll(async () => {
    host = await demoHost();
  }, 180_000);

  it("records the sources with the list and the minutes: read back at once, both are up to date", async () => {
    const out = await generateNomination(host, { at });
    expect(out.kind).toBe("written");
    const state = await load(host);
    expect(state.documents.map((d) => [d.sheet, d.status])).toEqual([
      [NOMINATION_SHEETS.list, "fresh"],
      [NOMINATION_SHEETS.minutes, "fresh"],
    ]);
    expect(stale(state.issues)).toEqual([]);
  }, 180_000);

  it("a score changed on a unit's sheet: the list and the minutes are out of date, naming the unit's score and where", async () => {
    lowerScore(host);
    const state = await load(host);
    expect(state.documents.map((d) => d.status)).toEqual(["stale", "stale"]);
    expect(state.documents[0].changes).toContainEqual({ part: "score", unit: "Sở Công Thương" });
    expect(stale(state.issues)).toEqual(["nomination.stale.list", "nomination.stale.minutes"]);
    const list = state.issues.find((i) => i.code === "nomination.stale.list")!;
    expect(list.severity).toBe("warning");
    expect(list.where?.sheet).toBe(NOMINATION_SHEETS.list);
    expect(list.message.vi).toContain("điểm của Sở Công Thương");
    expect(list.message.vi).toContain(NOMINATION_SHEETS.list);
    expect(list.message.en).toContain("the score of Sở Công Thương");
    const minutes = state.issues.find((i) => i.code === "nomination.stale.minutes")!;
    expect(minutes.where?.sheet).toBe(NOMINATION_SHEETS.minutes);
  }, 180_000);

  it("a meeting decision recorded later is named as such", async () => {
    const { recordOverride } = await import("../../src/app/nomination");
    const rec = await recordOverride(host, { unit: "Ban Quản lý các Khu công nghiệp tỉnh", award: "Cờ thi đua của UBND tỉnh", include: false, reason: "Đơn vị xin rút" });
    expect(rec.kind).toBe("written");
    const state = await load(host);
    expect(state.documents[1].changes.map((c) => c.part)).toContain("decisions");
    expect(state.issues.find((i) => i.code === "nomination.stale.minutes")!.message.vi).toContain("quyết định của hội nghị");
  }, 180_000);

  it("generating again clears the marks, and keeps no copy of sheets no one typed on", async () => {
    const out = await generateNomination(host, { at });
    expect(out.kind).toBe("written");
    expect(out.kind === "written" && out.issues.filter((i) => i.code.startsWith("nomination.stale.") || i.code.startsWith("excel."))).toEqual([]);
    expect(host.sheetNames().filter((n) => n.endsWith("(cũ)"))).toEqual([]);
    const state = await load(host);
    expect(state.documents.map((d) => d.status)).toEqual(["fresh", "fresh"]);
    expect(stale(state.issues)).toEqual([]);
  }, 180_000);

  it("first generated with the catalogue and the meeting record written beside them: up to date when read back", async () => {
    const first = await demoHost(false);
    expect((await generateNomination(first, { at })).kind).toBe("written");
    const state = await load(first);
    expect(state.documents.map((d) => [d.status, d.changes])).toEqual([
      ["fresh", []],
      ["fresh", []],
    ]);
  }, 180_000);

  it("a list written by an older version (no record): unknown, no warning, no crash", async () => {
    const old = await demoHost();
    expect((await generateNomination(old, { at })).kind).toBe("written");
    // What an older version wrote: the same sheets without the record.
    for (const name of [NOMINATION_SHEETS.list, NOMINATION_SHEETS.minutes]) {
      const used = old.usedRange(name)!;
      expect(used.startsWith("A1:")).toBe(true);
      const values = old.values(name, used);
      const r = values.findIndex((row) => row.some((v) => typeof v === "string" && v.startsWith("binh-xet/")));
      const c = values[r].findIndex((v) => typeof v === "string" && v.startsWith("binh-xet/"));
      await old.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem(name);
        ws.protection.unprotect();
        ws.getRange(cellAddress(r, c)).values = [[""]];
        await ctx.sync();
      });
    }
    lowerScore(old);
    const state = await load(old);
    expect(state.documents.map((d) => d.status)).toEqual(["unknown", "unknown"]);
    expect(stale(state.issues)).toEqual([]);
  }, 180_000);
});
