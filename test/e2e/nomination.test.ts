/**
 * End to end: the nomination step in the preview (webpack-dev-server over https, headless Chromium).
 * The sample year is played in node up to the votes (scores, ranking, votes, next year's leader) and
 * saved as an .xlsx; the preview opens that file through its "Open .xlsx" control, and the user, in
 * the pane's "Đề nghị" tab, sees the proposed list, records the meeting, generates the list and the
 * review minutes as sheets, produces the documents and exports, and downloads each one. Every file is
 * then checked: the .docx files carry their titles in Times New Roman, the .xlsx has the provincial
 * import header, the .csv its BOM; where LibreOffice is installed, Writer and Calc convert them.
 * Fails on a page error or a request outside localhost.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import ExcelJS from "exceljs";
import { docxText, onHost, sampleYearXlsx, startPreview, watch, type Preview, recordMeeting } from "./support";
import { NOMINATION_TID as N } from "../../src/taskpane/components/NominationShared";

const ROOT = resolve(__dirname, "../..");
// Jest may run the e2e files side by side: this file's server gets a port of its own.
const PORT = Number(process.env.E2E_NOMINATION_PORT ?? (process.env.E2E_PORT ? Number(process.env.E2E_PORT) + 2 : 3919));
const SOFFICE = ["/usr/bin/soffice", "/usr/local/bin/soffice", "/opt/libreoffice/program/soffice"].find((p) => existsSync(p));

let preview: Preview | undefined;
const work = mkdtempSync(join(tmpdir(), "bx-e2e-nomination-"));

beforeAll(async () => {
  preview = await startPreview(PORT);
}, 240_000);

afterAll(async () => {
  await preview?.stop();
  rmSync(work, { recursive: true, force: true });
});





const SCT = "Sở Công Thương";
const CO_TINH = "Cờ thi đua của UBND tỉnh";
const LIST = "Danh sách đề nghị";
const REVIEW = "Biên bản họp bình xét";

test("after scoring and votes, the user produces the list, both minutes, the submission and the exports, and each file opens", async () => {
  const started = Date.now();
  const { file: xlsx } = await sampleYearXlsx(work, ["nomination"]);
  const context = await preview!.browser.newContext({ ignoreHTTPSErrors: true, locale: "vi-VN", viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const { outside, problems } = watch(page);
  await page.goto(`${preview!.base}/preview.html`);
  const id = (t: string) => page.getByTestId(t);
  const text = (t: string) => id(t).textContent();
  const book = page.locator('[data-testid="workbook-view"]');

  // Open the year's workbook through the preview's "Open .xlsx" control.
  await id("open-xlsx").waitFor({ state: "attached", timeout: 60_000 });
  await id("open-xlsx").setInputFiles(xlsx);
  await page.waitForFunction(
    () => {
      const names = (window as unknown as { binhXet: { host: { sheetNames(): string[] } } }).binhXet.host.sheetNames();
      return names.includes("Tổng hợp") && names.includes("Bỏ phiếu");
    },
    null,
    { timeout: 60_000 },
  );
  await book.getByRole("tab", { name: "Tổng hợp", exact: true }).waitFor();
  await expect(onHost(page, (h) => h.sheetNames())).resolves.not.toContain(LIST);

  // The nomination tab: the proposed list, the flag to the leading unit.
  await id("step-nomination").click();
  await id(N.status("list")).waitFor({ timeout: 60_000 });
  await expect(text(N.status("list"))).resolves.toMatch(/^Đã đọc: \d+ đề nghị cho \d+ danh hiệu \/ hình thức\.$/);
  await expect(id(N.award("co-tinh")).getByText(CO_TINH, { exact: true }).count()).resolves.toBeGreaterThan(0);
  const flag = await text(N.proposed("co-tinh"));
  expect(flag).toContain(SCT);
  expect(flag).toContain("8/8 phiếu (100%)");

  // The meeting record: date, time, place and the submission's number.
  await recordMeeting(page, { date: "5/12/2026", time: "14:00", place: "Hội trường Sở Công Thương", number: "12/TTr-KTĐ" });
  await expect(onHost(page, (h) => h.values("Hội nghị bình xét", "B4:B6").flat())).resolves.toEqual(["05/12/2026", "14:00", "Hội trường Sở Công Thương"]);

  // Generate: the list and the review minutes become sheets.
  await id(N.generate).click();
  await page.waitForFunction((tid) => /^Đã ghi các trang: /.test(document.querySelector(`[data-testid="${tid}"]`)?.textContent ?? ""), N.status("output"), { timeout: 30_000 });
  await expect(onHost(page, (h) => h.sheetNames())).resolves.toEqual(expect.arrayContaining([LIST, REVIEW]));
  const listCells = await onHost(page, (h) => h.values("Danh sách đề nghị", h.usedRange("Danh sách đề nghị") ?? "A1").flat());
  expect(listCells).toContain(SCT);
  const reviewCells = await onHost(page, (h) => h.values("Biên bản họp bình xét", h.usedRange("Biên bản họp bình xét") ?? "A1").flat().join("\n"));
  expect(reviewCells).toContain("BIÊN BẢN HỌP BÌNH XÉT");
  await book.getByRole("tab", { name: LIST, exact: true }).click();
  await book.getByRole("grid", { name: LIST, exact: true }).getByText(SCT, { exact: false }).first().waitFor();
  mkdirSync(resolve(ROOT, "test-results"), { recursive: true });
  await page.screenshot({ path: resolve(ROOT, "test-results/preview-nomination.png"), fullPage: false });

  // Produce the files, then download each through its own button.
  await id(N.produce).click();
  await page.waitForFunction((tid) => /^Đã tạo \d+ tệp/.test(document.querySelector(`[data-testid="${tid}"]`)?.textContent ?? ""), N.status("output"), { timeout: 60_000 });
  const count = await id(N.files).locator("li").count();
  const downloads = join(work, "downloads");
  mkdirSync(downloads);
  const saved: string[] = [];
  for (let i = 0; i < count; i++) {
    const [download] = await Promise.all([page.waitForEvent("download", { timeout: 30_000 }), id(N.download(i)).click()]);
    const name = download.suggestedFilename();
    const path = join(downloads, name);
    await download.saveAs(path);
    saved.push(name);
    await page.waitForFunction(
      ([tid, n]) => (document.querySelector(`[data-testid="${tid}"]`)?.textContent ?? "").startsWith(`Đã tải tệp “${n}”`),
      [N.fileMessage(i), name] as const,
      { timeout: 30_000 },
    );
  }
  expect(new Set(saved).size).toBe(count);
  const submission = saved.find((n) => /^To-trinh-de-nghi-khen-thuong-2026\.docx$/.test(n));
  const review = saved.find((n) => /^Bien-ban-hop-binh-xet-2026\.docx$/.test(n));
  const counts = saved.filter((n) => /^Bien-ban-kiem-phieu-.+\.docx$/.test(n));
  const listXlsx = saved.find((n) => n === "Danh-sach-de-nghi-2026.xlsx");
  const listCsv = saved.find((n) => n === "Danh-sach-de-nghi-2026.csv");
  const lifesoft = saved.find((n) => n === "Danh-sach-LIFESOFT-2026.xlsx");
  expect({ submission, review, listXlsx, listCsv, lifesoft }).toEqual({
    submission: "To-trinh-de-nghi-khen-thuong-2026.docx",
    review: "Bien-ban-hop-binh-xet-2026.docx",
    listXlsx: "Danh-sach-de-nghi-2026.xlsx",
    listCsv: "Danh-sach-de-nghi-2026.csv",
    lifesoft: "Danh-sach-LIFESOFT-2026.xlsx",
  });
  expect(counts.length).toBeGreaterThan(0);
  // Issue #12: one achievement report per proposed unit and the bloc's year-end report.
  const achievements = saved.filter((n) => /^Bao-cao-thanh-tich-.+-2026\.docx$/.test(n));
  const yearEnd = saved.find((n) => n === "Bao-cao-tong-ket-2026.docx");
  expect(achievements).toContain("Bao-cao-thanh-tich-so-cong-thuong-2026.docx");
  expect(yearEnd).toBe("Bao-cao-tong-ket-2026.docx");
  expect(saved).toHaveLength(6 + counts.length + achievements.length);

  // The .docx files: their titles, the proposed unit, the meeting's number, Times New Roman.
  const want: Record<string, string[]> = {
    [submission!]: ["TỜ TRÌNH", "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG", SCT, "12/TTr-KTĐ"],
    [review!]: ["BIÊN BẢN HỌP BÌNH XÉT", SCT, "Hội trường Sở Công Thương"],
    ...Object.fromEntries(counts.map((n) => [n, ["BIÊN BẢN KIỂM PHIẾU"]])),
    ...Object.fromEntries(achievements.map((n) => [n, ["BÁO CÁO THÀNH TÍCH", "Tên tập thể đề nghị: "]])),
    ["Bao-cao-thanh-tich-so-cong-thuong-2026.docx"]: ["BÁO CÁO THÀNH TÍCH", `Tên tập thể đề nghị: ${SCT}`, CO_TINH],
    [yearEnd!]: ["Tổng kết công tác thi đua, khen thưởng năm 2026", SCT, "TRƯỞNG KHỐI, PHÓ TRƯỞNG KHỐI NĂM 2027"],
  };
  for (const [name, needles] of Object.entries(want)) {
    const { text: body, timesNewRoman } = await docxText(readFileSync(join(downloads, name)));
    for (const needle of needles) expect({ name, has: needle, found: body.includes(needle) }).toEqual({ name, has: needle, found: true });
    expect({ name, timesNewRoman }).toEqual({ name, timesNewRoman: true });
  }

  // The .xlsx: the import template's header first, then the proposed units.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(join(downloads, listXlsx!)) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const header = (ws.getRow(1).values as unknown[]).slice(1).map((v) => String(v ?? ""));
  expect(header).toContain("Danh hiệu/Hình thức");
  const rows: string[] = [];
  ws.eachRow((row, r) => {
    if (r > 1) rows.push((row.values as unknown[]).map((v) => String(v ?? "")).join("|"));
  });
  expect(rows.some((r) => r.includes(SCT) && r.includes(CO_TINH))).toBe(true);

  // The .csv: UTF-8 with a BOM, the same header.
  const csv = readFileSync(join(downloads, listCsv!));
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const csvText = csv.toString("utf8");
  expect(csvText.split("\r\n")[0]).toContain("Danh hiệu/Hình thức");
  expect(csvText).toContain(SCT);

  // LibreOffice: Writer converts each .docx to PDF, Calc each .xlsx to CSV (skipped where LibreOffice is absent, as in CI).
  if (SOFFICE) {
    const profile = pathToFileURL(join(work, "lo-profile")).href;
    const out = join(work, "lo");
    const docs = Object.keys(want).map((n) => join(downloads, n));
    execFileSync(SOFFICE, [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", "pdf", "--outdir", out, ...docs], { stdio: "ignore", timeout: 180_000 });
    execFileSync(SOFFICE, [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", out, join(downloads, listXlsx!)], {
      stdio: "ignore",
      timeout: 180_000,
    });
    const made = readdirSync(out);
    for (const n of Object.keys(want)) {
      const pdf = n.replace(/\.docx$/, ".pdf");
      expect(made).toContain(pdf);
      expect(statSync(join(out, pdf)).size).toBeGreaterThan(1000);
      expect(readFileSync(join(out, pdf)).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    }
    const calc = readFileSync(join(out, "Danh-sach-de-nghi-2026.csv"), "utf8").normalize("NFC");
    expect(calc).toContain("Danh hiệu/Hình thức");
    expect(calc).toContain(SCT);
  } else {
    console.log("LibreOffice (soffice) is not installed: the Writer/Calc conversion of the downloaded files was skipped.");
  }

  expect(problems).toEqual([]);
  expect(outside).toEqual([]);
  await context.close();
  console.log(`nomination e2e: ${saved.length} files downloaded and checked in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}, 300_000);
