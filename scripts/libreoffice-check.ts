/**
 * `npm run check:libreoffice`: the demo workbook, recalculated by LibreOffice, shows the same
 * totals, ranks and bands as the engine. Every cached formula result is removed first, so the
 * numbers LibreOffice writes back are its own. Needs `soffice` (Debian: libreoffice-calc).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { parseScenario } from "../src/cli/scenario";
import { runScenario } from "../src/cli/run";

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
  return bad === 0 && report.results.length > 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
