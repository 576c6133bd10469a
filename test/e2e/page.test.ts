/**
 * End to end: the published page for blocs whose Excel cannot load add-ins (issue #14, "A page for
 * blocs whose Excel cannot load add-ins"). `npm run build:page` is built here into a folder of its
 * own and served as plain static files (no dev server, no https): the page must work from any
 * static host. The sample year (docs/scenario.sample.json, played in node up to the votes) is
 * opened on the page, the nomination is done in the pane, the workbook is downloaded, opened again,
 * and must read back the same: title rows with their accents, numbers shown the Vietnamese way
 * (decimal comma), the list and minutes sheets, the flag to the leading unit.
 * Fails on a page error or a request outside localhost (no data leaves the browser).
 */
import { spawnSync } from "node:child_process";
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { extname, join, resolve } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { findChromium, onHost, openXlsx, sampleYearXlsx, watch, recordMeeting } from "./support";
import { NOMINATION_TID as N } from "../../src/taskpane/components/NominationShared";

const ROOT = resolve(__dirname, "../..");
const PORT = Number(process.env.E2E_PAGE_PORT ?? (process.env.E2E_PORT ? Number(process.env.E2E_PORT) + 4 : 3921));
const work = mkdtempSync(join(tmpdir(), "bx-e2e-page-"));
const out = join(work, "page");
const base = `http://localhost:${PORT}`;
const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".png": "image/png", ".txt": "text/plain; charset=utf-8" };

let server: Server | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  // The page's one build command (package.json "build:page"), into this test's own folder.
  const built = spawnSync(process.execPath, [resolve(ROOT, "node_modules/webpack-cli/bin/cli.js"), "--mode", "production", "--env", "page", "--output-path", out], { cwd: ROOT, encoding: "utf8" });
  if (built.status !== 0) throw new Error(`npm run build:page failed:\n${(built.stdout + built.stderr).slice(-3000)}`);
  server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", base).pathname);
    const file = join(out, path === "/" ? "index.html" : path);
    if (!file.startsWith(out) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok) => server!.listen(PORT, "localhost", ok));
  browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"] });
}, 400_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((ok) => (server ? server.close(ok) : ok(undefined)));
  rmSync(work, { recursive: true, force: true });
});

const SCT = "Sở Công Thương";
const LIST = "Danh sách đề nghị";
const REVIEW = "Biên bản họp bình xét";
const SUMMARY = "Tổng hợp";

async function flagHolder(page: Page): Promise<string> {
  await page.getByTestId("step-nomination").click();
  await page.getByTestId(N.status("list")).waitFor({ timeout: 60_000 });
  return (await page.getByTestId(N.proposed("co-tinh")).textContent()) ?? "";
}

test("the published page: the production build only, no add-in files, and a GPL-3.0 licence beside it", () => {
  // The page bundles HyperFormula (GPL-3.0): its folder says so. It has no manifest and no office.js copy.
  expect(readFileSync(join(out, "LICENSE.txt"), "utf8")).toContain("GPL-3.0");
  expect(existsSync(join(out, "index.html"))).toBe(true);
  expect(existsSync(join(out, "manifest.xml"))).toBe(false);
  expect(existsSync(join(out, "office-js"))).toBe(false);
  expect(existsSync(join(out, "taskpane.html"))).toBe(false);
});

test("the sample year round-trips through the published page: open, nominate, download, open again", async () => {
  const { file } = await sampleYearXlsx(work, ["nomination"]);
  const context = await browser!.newContext({ locale: "vi-VN", viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const { outside, problems } = watch(page);
  await page.goto(`${base}/`);
  const id = (t: string) => page.getByTestId(t);
  const book = page.locator('[data-testid="workbook-view"]');

  // The guide says what the page is, and that the sheet is view-only.
  await expect(id("page-guide").textContent()).resolves.toMatch(/không cần add-in[\s\S]*chỉ để xem/);

  await openXlsx(page, file, [SUMMARY, "Bỏ phiếu"]);
  const summaryBefore = await onHost(page, (h) => h.text("Tổng hợp", h.usedRange("Tổng hợp") ?? "A1"));
  // The title row keeps its accents; numbers show with the decimal comma (vi-VN), as Excel shows them in Vietnam.
  expect(summaryBefore[0][0]).toBe("BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM, XẾP HẠNG THI ĐUA NĂM 2026");
  await book.getByRole("tab", { name: SUMMARY, exact: true }).click();
  await expect(book.locator('td[data-cell="A1"]').textContent()).resolves.toBe("BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM, XẾP HẠNG THI ĐUA NĂM 2026");
  await expect(book.locator('td[data-cell="B6"]').textContent()).resolves.toBe(SCT);
  await expect(book.locator('td[data-cell="K6"]').textContent()).resolves.toBe("98,25");

  // The nomination done in the pane: the flag to the leading unit; the meeting; the list and minutes as sheets.
  expect(await flagHolder(page)).toContain(SCT);
  await recordMeeting(page, { date: "10/12/2026", time: "08:30", place: "Hội trường Sở Công Thương", number: "15/TTr-KTĐ" });
  await id(N.generate).click();
  await page.waitForFunction((tid) => /^Đã ghi các trang: /.test(document.querySelector(`[data-testid="${tid}"]`)?.textContent ?? ""), N.status("output"), { timeout: 30_000 });
  const listBefore = await onHost(page, (h) => h.text("Danh sách đề nghị", h.usedRange("Danh sách đề nghị") ?? "A1"));

  // Download the workbook from the page.
  const [download] = await Promise.all([page.waitForEvent("download", { timeout: 30_000 }), id("save-xlsx").click()]);
  expect(download.suggestedFilename()).toBe("binh-xet-thi-dua.xlsx");
  const saved = join(work, "binh-xet-thi-dua.xlsx");
  await download.saveAs(saved);

  // Open it again on a fresh page, as the secretary would the next day.
  await page.reload();
  await openXlsx(page, saved, [SUMMARY, LIST, REVIEW]);
  await expect(onHost(page, (h) => h.text("Tổng hợp", h.usedRange("Tổng hợp") ?? "A1"))).resolves.toEqual(summaryBefore);
  await expect(onHost(page, (h) => h.text("Danh sách đề nghị", h.usedRange("Danh sách đề nghị") ?? "A1"))).resolves.toEqual(listBefore);
  expect(listBefore.flat().join("\n")).toContain(SCT);
  expect(await flagHolder(page)).toContain(SCT);
  await expect(onHost(page, (h) => h.values("Hội nghị bình xét", "B4:B6").flat())).resolves.toEqual(["10/12/2026", "08:30", "Hội trường Sở Công Thương"]);

  expect(problems).toEqual([]);
  expect(outside).toEqual([]);
  await context.close();
}, 400_000);
