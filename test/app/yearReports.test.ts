// The year-end documents produced from the sample year's workbook (docs/scenario.sample.json, issue #12 points 2-3):
// one achievement report per proposed unit and the bloc's year-end report, their figures read back against the sheets.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import JSZip from "jszip";
import { loadNomination, produceFiles, type NominationState, type OutputFile } from "../../src/app/nomination";
import { parseScenario } from "../../src/cli/scenario";
import { runScenario, type RunReport } from "../../src/cli/run";
import { nameKey } from "../../src/domain/text";
import type { MemoryHost } from "../../src/host";
import { viNum } from "../../src/workbook/nomination/listSheet";
import { ACHIEVEMENT_FORM_LINE } from "../../src/workbook/nomination/yearReports";
import { SUMMARY_SHEET } from "../../src/workbook/scoring/summarySheet";

const at = new Date(2026, 11, 5, 16, 0);

const runs = (x: string) => [...x.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join("");

/** The document's paragraphs as text (table cells are paragraphs too). */
async function paragraphs(f: OutputFile): Promise<string[]> {
  const xml = await (await JSZip.loadAsync(f.bytes)).file("word/document.xml")!.async("string");
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => runs(m[0])).filter((t) => t !== "");
}

/** The rows of the document's table whose first row starts with "STT", each a list of cell texts. */
async function resultsTable(f: OutputFile): Promise<string[][]> {
  const xml = await (await JSZip.loadAsync(f.bytes)).file("word/document.xml")!.async("string");
  const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => [...m[0].matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((r) => [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => runs(c[0]))));
  return tables.find((t) => t[0]?.[0] === "STT")!;
}

/** "Tổng hợp" as the workbook holds it: the header row and the units' rows, read from the sheet itself. */
function summarySheet(host: MemoryHost): { header: string[]; rows: (string | number | boolean | null)[][] } {
  const all = host.values(SUMMARY_SHEET, host.usedRange(SUMMARY_SHEET)!);
  const h = all.findIndex((r) => r.includes("Đơn vị") && r.includes("Tổng điểm"));
  const header = all[h].map((v) => String(v ?? ""));
  const unit = header.indexOf("Đơn vị");
  const rows: (string | number | boolean | null)[][] = [];
  for (const r of all.slice(h + 1)) {
    if (typeof r[0] !== "number" || !r[unit]) break;
    rows.push(r);
  }
  return { header, rows };
}

describe("the year-end documents from the sample year", () => {
  let report: RunReport;
  let state: NominationState;
  let files: OutputFile[];
  beforeAll(async () => {
    const parsed = parseScenario(JSON.parse(readFileSync(resolve(__dirname, "../../docs/scenario.sample.json"), "utf8")));
    if (!parsed.ok) throw new Error(parsed.problems.join("\n"));
    const { leadership: _l, ...scenario } = parsed.scenario;
    void _l;
    report = await runScenario({ ...scenario, leadership: { mode: "election" } });
    expect(report.ok).toBe(true);
    const loaded = await loadNomination(report.host);
    if (!loaded.ok) throw new Error("load");
    state = loaded.state;
    const out = await produceFiles(report.host, { at });
    if (!out.ok) throw new Error(JSON.stringify(out.issues));
    files = out.files;
  }, 120_000);

  const achievements = () => files.filter((f) => f.name.startsWith("Bao-cao-thanh-tich-"));

  it("reads each unit's scores by section from the summary, under the summary's own headings", () => {
    const { header, rows } = summarySheet(report.host);
    const from = header.indexOf("Đơn vị") + 1;
    const to = header.indexOf("Tổng điểm");
    expect(to - from).toBeGreaterThan(2);
    expect(state.results).toHaveLength(rows.length);
    state.results.forEach((r, i) => expect(r.parts).toEqual(header.slice(from, to).map((label, k) => ({ label, score: rows[i][from + k] }))));
  });

  it("produces one achievement report per proposed unit (Luật TĐKT 2022 Đ84.1), ASCII names, each naming its unit and awards", async () => {
    const proposed = [...new Set(report.nomination!.list.filter((p) => p.proposed).map((p) => p.unit))];
    expect(proposed.length).toBeGreaterThan(2);
    expect(achievements()).toHaveLength(proposed.length);
    for (const f of files) expect(f.name).toMatch(/^[A-Za-z0-9._-]+$/);
    expect(achievements().map((f) => f.name)).toContain("Bao-cao-thanh-tich-so-cong-thuong-2026.docx");
    for (const [i, unit] of proposed.entries()) {
      const text = await paragraphs(achievements()[i]);
      expect(text).toContain(`Tên tập thể đề nghị: ${unit}`);
      const awards = report.nomination!.list.filter((p) => p.proposed && nameKey(p.unit) === nameKey(unit)).map((p) => p.award);
      expect(text).toContain(`Đề nghị ${awards.join("; ")} năm 2026`);
      expect(text[0]).toBe(ACHIEVEMENT_FORM_LINE);
    }
  });

  it("fills each report with the unit's figures as the sheets compute them: sections, total, rank, class, its votes", async () => {
    const { header, rows } = summarySheet(report.host);
    const col = (h: string) => header.indexOf(h);
    const from = col("Đơn vị") + 1;
    for (const f of achievements()) {
      const text = await paragraphs(f);
      const unit = text.find((l) => l.startsWith("Tên tập thể đề nghị: "))!.slice("Tên tập thể đề nghị: ".length);
      const row = rows.find((r) => r[col("Đơn vị")] === unit)!;
      const parts = header.slice(from, col("Tổng điểm")).map((h, k) => `${h}: ${viNum(row[from + k] as number)}`);
      expect(text).toContain(`- Điểm theo từng phần: ${parts.join("; ")}.`);
      const total = text.find((l) => l.startsWith("- Tổng điểm: "))!;
      expect(total).toContain(`- Tổng điểm: ${viNum(row[col("Tổng điểm")] as number)}; xếp hạng: ${row[col("Xếp hạng")]}/${rows.length}`);
      expect(total).toContain(`xếp loại: ${row[col("Xếp loại")]}.`);
      // Every award vote the unit stood in, with its figures from that vote's count; no leadership election.
      const stood = report.votes.filter((v) => v.record.vote.purpose.kind === "award" && v.result.candidates.some((c) => c.name === unit));
      expect(stood.length).toBeGreaterThan(0);
      for (const v of stood) {
        const c = v.result.candidates.find((x) => x.name === unit)!;
        const line = text.find((l) => l.startsWith(`- ${v.record.vote.title}${v.record.vote.round > 1 ? ` (lần ${v.record.vote.round})` : ""}: `));
        expect(line).toContain(`${c.votes} phiếu đồng ý`);
        expect(line).toMatch(v.elected.includes(unit) ? /; được chọn\.$/ : /; (không đạt tỷ lệ|đạt tỷ lệ nhưng không được chọn)\.$/);
      }
      expect(text.some((l) => l.startsWith("- Bầu"))).toBe(false);
    }
  });

  it("takes the form line as a parameter", async () => {
    const out = await produceFiles(report.host, { at, achievementFormLine: "Mẫu số 02 (Phụ lục Nghị định số 152/2025/NĐ-CP)" });
    if (!out.ok) throw new Error("files");
    const f = out.files.find((x) => x.name.startsWith("Bao-cao-thanh-tich-"))!;
    expect((await paragraphs(f))[0]).toBe("Mẫu số 02 (Phụ lục Nghị định số 152/2025/NĐ-CP)");
  });

  it("produces the bloc's year-end report: the results as the summary computes them (in rank order), the votes, next year's leader and deputy", async () => {
    const f = files.find((x) => x.name === "Bao-cao-tong-ket-2026.docx")!;
    expect(f).toBeDefined();
    const text = await paragraphs(f);
    const { header, rows } = summarySheet(report.host);
    const col = (h: string) => header.indexOf(h);
    const table = await resultsTable(f);
    expect(table[0]).toEqual(["STT", "Đơn vị", "Tổng điểm", "Xếp hạng", "Xếp loại", "Ghi chú"]);
    const byRank = [...rows].sort((a, b) => (a[col("Xếp hạng")] as number) - (b[col("Xếp hạng")] as number));
    expect(table.slice(1)).toEqual(
      byRank.map((r, i) => [String(i + 1), r[col("Đơn vị")], (r[col("Tổng điểm")] as number).toFixed(2).replace(".", ","), String(r[col("Xếp hạng")]), r[col("Xếp loại")], r[col("Đơn vị dẫn đầu")] === "Dẫn đầu" ? "Dẫn đầu" : ""]),
    );
    expect(table.filter((r) => r[5] === "Dẫn đầu")).toHaveLength(1);
    for (const v of report.votes) {
      const round = v.record.vote.round > 1 ? ` (lần ${v.record.vote.round})` : "";
      expect(text.some((l) => l.includes(`. ${v.record.vote.title}${round}: `))).toBe(true);
    }
    const next = report.leadership!;
    expect(next.year).toBe(2027);
    expect(text.some((l) => l.startsWith(`- Trưởng khối: ${next.leader} (`))).toBe(true);
    expect(text).toContain(`- Phó Trưởng khối: ${next.deputies.join(", ")}.`);
  });
});
