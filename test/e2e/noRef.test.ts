/**
 * Excel binds a sheet reference when a formula is entered: deleting the referenced sheet turns it
 * into #REF! for good, and renaming another sheet to the old name does not repair it
 * (OfficeDev/office-js-docs-pr#1762; docs/excel/performance.md: "Any altered references are still
 * rebuilt"). The in-memory host holds that rule (test/host/conformance.test.ts). Here the sample
 * year is played through Microsoft's office.js client, then the score sheets are inserted again, a
 * score is changed after the nomination list exists, and the nomination is generated again: no
 * cell of any sheet shows #REF! or #NAME?, in the host and in LibreOffice, which recalculates the
 * saved workbook from its formulas alone (every cached result removed first).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { runScenario } from "../../src/cli/run";
import { parseScenario } from "../../src/cli/scenario";
import { insertScoring } from "../../src/app/scoring";
import { generateNomination } from "../../src/app/nomination";
import { useOfficeJsClient } from "../../src/host/officejs/node";
import type { MemoryHost } from "../../src/host";

const ROOT = resolve(__dirname, "../..");
const SOFFICE = ["/usr/bin/soffice", "/usr/local/bin/soffice", "/opt/libreoffice/program/soffice"].find((p) => existsSync(p));
const BROKEN = /^#(REF|NAME)[!?]|^Err:/;

useOfficeJsClient();

/** Every cell of every sheet whose value or formula is broken, "Sheet!A1: value". */
function brokenInHost(host: MemoryHost): string[] {
  const out: string[] = [];
  for (const sheet of host.sheetNames()) {
    const used = host.usedRange(sheet);
    if (!used) continue;
    const values = host.values(sheet, used);
    const formulas = host.formulas(sheet, used);
    values.forEach((row, r) =>
      row.forEach((v, c) => {
        const f = formulas[r]?.[c];
        if ((typeof v === "string" && BROKEN.test(v)) || (typeof f === "string" && f.includes("#REF!"))) out.push(`${sheet}!${r},${c}: ${String(f ?? v)}`);
      }),
    );
  }
  for (const n of host.names()) if (n.formula.includes("#REF!")) out.push(`name ${n.name}: ${n.formula}`);
  return out;
}

async function brokenInLibreOffice(xlsx: Uint8Array): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), "bx-noref-"));
  try {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          const v = cell.value as { formula?: string } | null;
          if (v && typeof v === "object" && typeof v.formula === "string") cell.value = { formula: v.formula } as ExcelJS.CellFormulaValue;
        }),
      ),
    );
    const bare = join(dir, "bare.xlsx");
    writeFileSync(bare, Buffer.from(await wb.xlsx.writeBuffer()));
    execFileSync(SOFFICE as string, ["--headless", "--calc", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", join(dir, "lo"), bare], { stdio: "ignore", timeout: 180_000 });
    const lo = new ExcelJS.Workbook();
    await lo.xlsx.load(readFileSync(join(dir, "lo", "bare.xlsx")) as unknown as ArrayBuffer);
    const out: string[] = [];
    lo.eachSheet((ws) =>
      ws.eachRow((row, r) =>
        row.eachCell((cell, c) => {
          const v = cell.value as unknown;
          const result = v && typeof v === "object" && "result" in (v as object) ? (v as { result: unknown }).result : v;
          const text = result && typeof result === "object" && "error" in (result as object) ? String((result as { error: unknown }).error) : result;
          const formula = v && typeof v === "object" && "formula" in (v as object) ? String((v as { formula: unknown }).formula) : "";
          if ((typeof text === "string" && BROKEN.test(text)) || formula.includes("#REF!")) out.push(`${ws.name}!${r},${c}: ${formula || String(text)}`);
        }),
      ),
    );
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("no #REF! after the sheets are written again", () => {
  it("insert, re-insert and a score changed after the nomination list leave every formula bound, in the host and in LibreOffice", async () => {
    const parsed = parseScenario(JSON.parse(readFileSync(join(ROOT, "docs/scenario.sample.json"), "utf8")));
    if (!parsed.ok) throw new Error(parsed.problems.join("\n"));
    const { host } = await runScenario(parsed.scenario);
    expect(host.sheetNames()).toEqual(expect.arrayContaining(["Tổng hợp", "Danh sách đề nghị"]));
    expect(brokenInHost(host)).toEqual([]);

    // Re-insert the score sheets (every unit sheet and "Tổng hợp" rewritten), change a score, generate the nomination again.
    const again = await insertScoring(host, {});
    expect(again.kind).toBe("inserted");
    const unit = host.sheetNames().find((s) => s === "SCT") ?? "SCT";
    const used = host.usedRange(unit) as string;
    const grid = host.values(unit, used);
    const header = grid.findIndex((r) => r.includes("Tự chấm"));
    const col = grid[header].indexOf("Tự chấm");
    const row = grid.findIndex((r, i) => i > header && typeof r[col] === "number");
    host.userEdit(unit, `${String.fromCharCode(65 + col)}${row + 1}`, 0);
    const regenerated = await generateNomination(host);
    expect(regenerated.kind).not.toBe("failed");
    expect(brokenInHost(host)).toEqual([]);

    if (!SOFFICE) {
      console.log("LibreOffice (soffice) is not installed: the recalculation in LibreOffice was skipped.");
      return;
    }
    expect(await brokenInLibreOffice(await host.toXlsx())).toEqual([]);
  });
});
