/**
 * `npm run check:libreoffice`: the demo workbook, recalculated by LibreOffice, shows the same
 * totals, ranks and bands as the engine, and the same vote tallies (votes, %, passing) as the engine;
 * the documents (.docx, in Writer) and exports (.xlsx, in Calc) open and carry the list. Every cached formula result is removed first, so the
 * numbers LibreOffice writes back are its own. Needs `soffice` (Debian: libreoffice-calc).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { parseScenario } from "../src/cli/scenario";
import { runScenario } from "../src/cli/run";
import { voteSheets } from "../src/app/voting";
import { useOfficeJsClient } from "../src/host/officejs/node";
import { createNextYear } from "../src/app/nextYear";
import { asciiSlug } from "../src/app/nomination";

useOfficeJsClient();

async function main(): Promise<number> {
  const file = resolve(process.argv[2] ?? "docs/scenario.sample.json");
  const parsed = parseScenario(JSON.parse(readFileSync(file, "utf8")));
  if (!parsed.ok) throw new Error(parsed.problems.join("\n"));
  const report = await runScenario(parsed.scenario);
  const dir = mkdtempSync(join(tmpdir(), "bx-lo-"));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await report.host.toXlsx()) as unknown as ArrayBuffer);
  let stripped = 0;
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value as { formula?: string } | null;
        if (v && typeof v === "object" && typeof v.formula === "string") {
          cell.value = { formula: v.formula } as ExcelJS.CellFormulaValue;
          stripped++;
        }
      }),
    ),
  );
  const bare = join(dir, "bare.xlsx");
  writeFileSync(bare, Buffer.from(await wb.xlsx.writeBuffer()));
  execFileSync("soffice", ["--headless", "--calc", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", join(dir, "lo"), bare], { stdio: "ignore", timeout: 180_000 });
  const lo = new ExcelJS.Workbook();
  await lo.xlsx.readFile(join(dir, "lo", "bare.xlsx"));
  const sheet = lo.getWorksheet("Tổng hợp");
  if (!sheet) throw new Error("LibreOffice's file has no Tổng hợp sheet");
  const header = (sheet.getRow(5).values as unknown[]).map((v) => String(v ?? ""));
  const col = (label: string) => header.indexOf(label);
  const value = (r: number, c: number) => {
    const v = sheet.getRow(r).getCell(c).value as unknown;
    return v && typeof v === "object" && "result" in (v as object) ? (v as { result: unknown }).result : v;
  };
  let bad = 0;
  report.results.forEach((e, i) => {
    const r = 6 + i;
    const got = { total: Number(value(r, col("Tổng điểm"))), rank: Number(value(r, col("Xếp hạng"))), band: String(value(r, col("Xếp loại"))) };
    const ok = Math.abs(got.total - e.total) < 1e-9 && got.rank === e.rank && got.band === e.band;
    if (!ok) bad++;
    console.log(`${ok ? "✓" : "✗"} ${e.unit}: LibreOffice ${got.total} / hạng ${got.rank} / ${got.band} — engine ${e.total} / hạng ${e.rank} / ${e.band}`);
  });
  console.log(`${stripped} cached formula results removed before LibreOffice recalculated; ${report.results.length - bad} of ${report.results.length} units agree.`);

  // Each vote counted ballot by ballot: the results block of the entry the count used, as LibreOffice computes it, against the engine.
  let voteBad = 0;
  let checked = 0;
  for (const v of report.votes) {
    if (v.record.entry !== "ballots") continue;
    const s = voteSheets(v.record.id);
    const prefix = v.record.decision?.accept === "second" ? s.second.prefix : s.first.prefix;
    const def = report.host.names().find((n) => n.name === `${prefix}_KetQua`);
    if (!def) throw new Error(`no results block for ${v.record.id}`);
    const [sheetPart, range] = def.formula.replace(/^=/, "").split("!");
    const ws = lo.getWorksheet(sheetPart.replace(/^'|'$/g, "").replace(/''/g, "'"));
    if (!ws) throw new Error(`LibreOffice's file has no sheet for ${v.record.id}`);
    const m = /^\$?([A-Z]+)\$?(\d+)/.exec(range);
    if (!m) throw new Error(`bad range ${range}`);
    const col0 = m[1].split("").reduce((a, ch) => a * 26 + ch.charCodeAt(0) - 64, 0);
    const row0 = Number(m[2]);
    const cell = (r: number, c: number) => {
      const x = ws.getRow(r).getCell(c).value as unknown;
      return x && typeof x === "object" && "formula" in (x as object) ? (x as { result?: unknown }).result : x;
    };
    v.result.candidates.forEach((c, i) => {
      const r = row0 + i;
      // ExcelJS drops a formula's cached result when it is 0 (a falsy check): a formula cell without a result holds 0.
      const num = (c: number) => Number(cell(r, c) ?? 0);
      const got = { name: String(cell(r, col0 + 1)), votes: num(col0 + 2), percent: num(col0 + 3), passes: cell(r, col0 + 4) === "Đạt" };
      const ok = got.name === c.name && got.votes === c.votes && Math.abs(got.percent - c.percent) < 1e-9 && got.passes === c.passes;
      checked++;
      if (!ok) voteBad++;
      console.log(`${ok ? "✓" : "✗"} ${v.record.id} ${c.name}: LibreOffice ${got.votes} phiếu, ${got.percent}%, ${got.passes ? "đạt" : "không đạt"} — engine ${c.votes}, ${c.percent}%, ${c.passes ? "đạt" : "không đạt"}`);
    });
  }
  console.log(`${checked - voteBad} of ${checked} vote results agree.`);

  // The documents and exports open in LibreOffice (Writer for .docx, Calc for .xlsx) and say what the list says.
  let fileBad = 0;
  const files = report.nomination?.files ?? [];
  const units = (report.nomination?.list ?? []).map((p) => p.unit);
  const outDir = join(dir, "files");
  for (const f of files.filter((x) => /\.(docx|xlsx)$/.test(x.name))) {
    const src = join(dir, f.name);
    writeFileSync(src, f.bytes);
    const docx = f.name.endsWith(".docx");
    let text = "";
    try {
      execFileSync("soffice", ["--headless", "--convert-to", docx ? "txt:Text (encoded):UTF8" : "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", outDir, src], { stdio: "ignore", timeout: 180_000 });
      text = readFileSync(join(outDir, f.name.replace(/\.(docx|xlsx)$/, docx ? ".txt" : ".csv")), "utf8");
    } catch (e) {
      text = "";
      console.log(`  (${(e as Error).message.split("\n")[0]})`);
    }
    // What each document must say: its title, and the units it is about (an achievement report, its own unit;
    // the pact, every member, in capitals in its signature blocks as NĐ 30 sets them, so compared in capitals).
    const members = parsed.scenario.bloc.members.map((m) => m.name);
    const own = units.find((u) => f.name.startsWith(`Bao-cao-thanh-tich-${asciiSlug(u)}-`));
    const want = f.name.startsWith("To-trinh")
      ? ["TỜ TRÌNH", "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG", ...units]
      : f.name.startsWith("Bien-ban-hop")
        ? ["BIÊN BẢN HỌP BÌNH XÉT", ...units]
        : f.name.startsWith("Bien-ban-kiem")
          ? ["BIÊN BẢN KIỂM PHIẾU"]
          : f.name.startsWith("Giao-uoc")
            ? ["GIAO ƯỚC THI ĐUA", ...members]
            : f.name.startsWith("Dang-ky")
              ? ["ĐĂNG KÝ THI ĐUA", ...members]
              : f.name.startsWith("Bao-cao-thanh-tich")
                ? ["BÁO CÁO THÀNH TÍCH", own ?? f.name]
                : f.name.startsWith("Bao-cao-tong-ket")
                  ? ["BÁO CÁO", ...units]
                  : units;
    const upper = text.normalize("NFC").toLocaleUpperCase("vi");
    const missing = want.filter((w) => !upper.includes(w.toLocaleUpperCase("vi")));
    const ok = text.length > 0 && missing.length === 0;
    if (!ok) fileBad++;
    console.log(`${ok ? "✓" : "✗"} ${f.name}: ${text.length ? `${docx ? "Writer" : "Calc"} opened it (${text.length} characters)` : "LibreOffice could not open it"}${missing.length ? `; missing: ${missing.slice(0, 3).join(", ")}` : ""}`);
  }
  console.log(`${files.length ? files.filter((x) => /\.(docx|xlsx)$/.test(x.name)).length - fileBad : 0} documents and exports open in LibreOffice.`);

  // Next year's workbook (issue #12 point 4): Calc opens it, and its first sheet, "Khối", names next year and its leader.
  let nextBad = 1;
  const next = report.leadership ? await createNextYear(report.host) : null;
  if (next?.ok) {
    const src = join(dir, next.file.name);
    writeFileSync(src, next.file.bytes);
    let csv = "";
    try {
      execFileSync("soffice", ["--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", join(dir, "next"), src], { stdio: "ignore", timeout: 180_000 });
      csv = readFileSync(join(dir, "next", next.file.name.replace(/\.xlsx$/, ".csv")), "utf8").normalize("NFC");
    } catch (e) {
      console.log(`  (${(e as Error).message.split("\n")[0]})`);
    }
    const lines = csv.split(/\r?\n/);
    nextBad = lines.includes(`Năm thi đua,${next.year},,`) && lines.some((l) => l.startsWith(`Trưởng khối,${next.leader}`)) ? 0 : 1;
    console.log(`${nextBad ? "✗" : "✓"} ${next.file.name}: ${csv ? `Calc opened it; "Khối" ${nextBad ? "does not name" : "names"} ${next.year} and ${next.leader}` : "LibreOffice could not open it"}`);
  } else console.log(`✗ next year's workbook not made${next && !next.ok ? `: ${next.issues.map((i) => i.code).join(", ")}` : ""}`);
  return bad === 0 && voteBad === 0 && fileBad === 0 && nextBad === 0 && report.results.length > 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
