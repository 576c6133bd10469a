/**
 * The headless runner: `npm run demo [scenario.json] [--out file.xlsx]`.
 * Plays a scenario file through the same use cases as the pane into the in-memory Excel host and
 * saves the finished workbook as .xlsx. `--schema` prints the scenario's JSON Schema instead.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { loadScenario, scenarioJsonSchema } from "./scenario";
import { runScenario } from "./run";
import { createNextYear } from "../app/nextYear";
import { formatNumber, formatPercent } from "../domain/format";
import { useOfficeJsClient } from "../host/officejs/node";

// The workbook is written through Microsoft's office.js client (as in Excel), answered by the in-memory host.
useOfficeJsClient();

async function main(argv: string[]): Promise<number> {
  if (argv.includes("--schema")) {
    process.stdout.write(JSON.stringify(scenarioJsonSchema(), null, 2) + "\n");
    return 0;
  }
  const outAt = argv.indexOf("--out");
  const outArg = outAt >= 0 ? argv[outAt + 1] : undefined;
  const file = resolve(argv.find((a, i) => !a.startsWith("--") && (outAt < 0 || i !== outAt + 1)) ?? "docs/scenario.sample.json");

  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    console.error(`Không đọc được kịch bản / Cannot read the scenario ${file}: ${(e as Error).message}`);
    return 2;
  }
  // The encoding, the JSON and the shape: each problem coded, in both languages, with where it is.
  const parsed = loadScenario(bytes, file);
  if (!parsed.ok) {
    console.error(`Không dùng được kịch bản / Cannot use the scenario (${file}):`);
    for (const i of parsed.issues) console.error(`  - LỖI/ERROR ${i.code} [${i.field ?? ""}]: ${i.message.vi} / ${i.message.en}`);
    return 2;
  }
  const { scenario } = parsed;
  const report = await runScenario(scenario);
  for (const s of report.steps) {
    console.log(`${s.ok ? "✓" : "✗"} ${s.step}: ${s.syncs} sync(s)`);
    for (const i of s.issues) {
      const at = i.where ? ` [${i.where.sheet}!${i.where.cell ?? ""}]` : i.field ? ` [${i.field}]` : "";
      console.log(`    ${i.severity === "error" ? "LỖI/ERROR" : "cảnh báo/warning"} ${i.code}${at}: ${i.message.vi} / ${i.message.en}`);
    }
  }
  // Without a bloc there is nothing to show; with later steps failing, the workbook is still written for inspection.
  if (!report.steps[0]?.ok) {
    console.error("Dừng: hồ sơ khối có lỗi, không ghi tệp. / Stopped: the bloc has errors; no file written.");
    return 1;
  }
  if (report.results.length) {
    console.log("\nKết quả / Results (Tổng hợp):");
    for (const r of [...report.results].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity))) {
      console.log(`  ${String(r.rank ?? "—").padStart(2)}${r.tied ? "=" : " "} ${r.unit.padEnd(42)} ${(r.total === null ? "—" : formatNumber(r.total)).padStart(7)}  ${r.band}${r.leading ? "  ★ dẫn đầu" : ""}`);
    }
  }
  for (const v of report.votes) {
    const r = v.result;
    const t = r.totals;
    console.log(`\nBỏ phiếu / Vote ${v.record.id} (vòng ${r.vote.round}): ${r.vote.title}`);
    console.log(`  phát ra ${t.issued}, thu vào ${t.returned}, hợp lệ ${t.valid}, không hợp lệ ${t.invalid}; tỷ lệ trên ${formatNumber(t.denominator.value)}`);
    for (const c of r.candidates) console.log(`  ${c.name.padEnd(42)} ${String(c.votes).padStart(4)}  ${formatPercent(c.percent).padStart(6)}%  ${c.outcome}${c.tied ? " (bằng phiếu)" : ""}`);
    console.log(`  → được chọn / elected: ${v.elected.join(", ") || "—"}${v.final ? "" : " (chưa xong / pending)"}; SHA-256 ${v.fingerprint.slice(0, 16)}…`);
  }
  if (report.leadership) console.log(`\nNăm ${report.leadership.year}: trưởng khối ${report.leadership.leader}; phó trưởng khối ${report.leadership.deputies.join(", ") || "—"}`);
  const out = outArg ? resolve(outArg) : scenario.output ? resolve(dirname(file), scenario.output) : resolve("out", `${basename(file, ".json")}.xlsx`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, await report.host.toXlsx());
  console.log(`Đã ghi / Written: ${out}`);
  console.log(`Trang tính / Sheets: ${report.host.sheetNames().join(", ")}`);
  if (report.nomination) {
    console.log("\nDanh sách đề nghị khen thưởng / Proposed list:");
    for (const p of report.nomination.list) console.log(`  ${p.award.padEnd(36)} ${p.unit}${p.percent !== null ? ` (${p.votes}/${p.denominator}, ${formatPercent(p.percent)}%)` : ""}`);
    if (report.nomination.files.length) {
      const dir = join(dirname(out), basename(out, ".xlsx"));
      mkdirSync(dir, { recursive: true });
      for (const f of report.nomination.files) writeFileSync(join(dir, f.name), f.bytes);
      console.log(`Tài liệu / Documents (${report.nomination.files.length}): ${dir}`);
      for (const f of report.nomination.files) {
        console.log(`  ${f.name} — ${f.label.vi}`);
        // What the file could not carry as the user has it (e.g. an award name the template's list lacks).
        for (const n of f.notes ?? []) console.log(`      ${n.severity === "error" ? "LỖI/ERROR" : "LƯU Ý/NOTE"} ${n.code}: ${n.message.vi} / ${n.message.en}`);
      }
    }
  }
  // Next year's workbook (issue #12 point 4), once the year-end meeting has chosen next year's leader.
  if (report.leadership) {
    const next = await createNextYear(report.host);
    if (next.ok) {
      const dir = join(dirname(out), basename(out, ".xlsx"));
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, next.file.name), next.file.bytes);
      console.log(`\nBảng tính năm sau / Next year's workbook: ${join(dir, next.file.name)}`);
      console.log(`  Khối năm ${next.year}: trưởng khối ${next.leader}; phó trưởng khối ${next.deputies.join(", ")}`);
    }
    for (const i of next.issues) console.log(`    ${i.severity === "error" ? "LỖI/ERROR" : "cảnh báo/warning"} ${i.code}: ${i.message.vi} / ${i.message.en}`);
  }
  if (!report.ok) {
    console.error("Kịch bản có lỗi (xem trên); tệp vẫn được ghi để xem. / The scenario has errors (above); the file is written for inspection.");
    return 1;
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
