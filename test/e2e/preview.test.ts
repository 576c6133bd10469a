/**
 * End to end: the preview served by webpack-dev-server over https, driven in headless Chromium.
 * Creates a bloc of 8 members in the pane and finds the "Khối" sheet in the in-memory workbook.
 * Fails if the page asks for anything outside localhost.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { request } from "node:https";
import { resolve } from "node:path";
import { chromium, type Browser } from "playwright-core";

const ROOT = resolve(__dirname, "../..");
const PORT = Number(process.env.E2E_PORT ?? 3917);
const BASE = `https://localhost:${PORT}`;

function findChromium(): string {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].filter(Boolean) as string[];
  const hit = candidates.find((p) => existsSync(p));
  if (!hit) {
    throw new Error(
      "No Chromium found for the browser test. Install Debian's: `apt-get update && apt-get install -y chromium` " +
        "(or set CHROMIUM_PATH to a Chromium/Chrome binary). Tried: " + candidates.join(", "),
    );
  }
  return hit;
}

function get(url: string): Promise<number> {
  return new Promise((ok) => {
    const req = request(url, { rejectUnauthorized: false, timeout: 5000 }, (res) => {
      res.resume();
      ok(res.statusCode ?? 0);
    });
    req.on("error", () => ok(0));
    req.on("timeout", () => {
      req.destroy();
      ok(0);
    });
    req.end();
  });
}

let server: ChildProcess | undefined;
let browser: Browser | undefined;
let serverLog = "";

beforeAll(async () => {
  const executablePath = findChromium();
  server = spawn(process.execPath, [resolve(ROOT, "node_modules/webpack-cli/bin/cli.js"), "serve", "--mode", "development"], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(PORT), BROWSER: "none" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  server.stdout?.on("data", (d) => (serverLog += d));
  server.stderr?.on("data", (d) => (serverLog += d));
  const deadline = Date.now() + 180_000;
  while ((await get(`${BASE}/preview.html`)) !== 200) {
    if (Date.now() > deadline || server.exitCode !== null) throw new Error(`The dev server did not start:\n${serverLog.slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
  browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  });
});

afterAll(async () => {
  await browser?.close();
  if (server?.pid) {
    try {
      process.kill(-server.pid, "SIGTERM");
    } catch {
      server.kill("SIGTERM");
    }
  }
});

const UNITS = ["Sở Công Thương", "Sở Xây dựng", "Sở Giao thông vận tải", "Sở Tài nguyên và Môi trường", "Sở Nông nghiệp và Môi trường", "Ban Quản lý các Khu công nghiệp tỉnh", "Ban Quản lý Dự án Đầu tư Xây dựng tỉnh", "Liên minh Hợp tác xã tỉnh"];

/** Fills the bloc form through the pane and saves it. */
async function createBloc(page: import("playwright-core").Page) {
  const id = (t: string) => page.getByTestId(t);
  await id("bloc-name").waitFor({ timeout: 60_000 });
  await id("bloc-name").fill("Khối thi đua các sở, ngành Kinh tế - Kỹ thuật");
  await id("bloc-province").fill("Nam Định");
  await id("bloc-year").fill("2026");
  await id("member-paste").click();
  await id("member-paste-text").fill(UNITS.map((u, i) => `${i + 1}\t${u}`).join("\n"));
  await id("member-paste-replace").click();
  await id("member-name-7").waitFor();
  await id("bloc-leader").selectOption(UNITS[0]);
  await id("bloc-deputy-0").selectOption(UNITS[5]);
  await id("bloc-save").click();
  await page.getByText("Đã ghi hồ sơ khối", { exact: false }).waitFor({ timeout: 30_000 });
}

/** Watches a page for requests outside localhost and for uncaught errors. */
function watch(page: import("playwright-core").Page) {
  const outside: string[] = [];
  const problems: string[] = [];
  page.on("request", (r) => {
    const u = new URL(r.url());
    if (!["data:", "blob:"].includes(u.protocol) && !["localhost", "127.0.0.1", "[::1]"].includes(u.hostname)) outside.push(r.url());
  });
  page.on("pageerror", (e) => problems.push(String(e)));
  return { outside, problems };
}

test("the bloc's own table is pasted into the grid and its score sheets inserted", async () => {
  const context = await browser!.newContext({ ignoreHTTPSErrors: true, locale: "vi-VN" });
  const page = await context.newPage();
  const { outside, problems } = watch(page);
  await page.goto(`${BASE}/preview.html`);
  await createBloc(page);
  const id = (t: string) => page.getByTestId(t);
  await id("step-scoring").click();
  await id("scoring-source-sheet").click();
  await id("scoring-prepare").click();
  await page.getByText("Đã tạo trang “Tiêu chí”", { exact: false }).waitFor({ timeout: 30_000 });
  const book = page.locator('[data-testid="workbook-view"]');
  await book.getByRole("tab", { name: "Tiêu chí" }).click();
  await book.locator('td[data-cell="A14"]').click();
  const table = ["I\tThực hiện nhiệm vụ chính trị\t60", "1\tHoàn thành chỉ tiêu năm\t40", "2\tChất lượng tham mưu\t20", "II\tCông tác thi đua, khen thưởng\t40", "1\tBan hành kế hoạch thi đua\t20", "2\tTổ chức phong trào thi đua\t20"].join("\n");
  await page.evaluate((tsv) => {
    const dt = new DataTransfer();
    dt.setData("text/plain", tsv);
    document.querySelector('[data-testid="grid"]')!.dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }));
  }, table);
  await expect(page.evaluate(() => (window as unknown as { binhXet: { host: { values(s: string, r: string): unknown[][] } } }).binhXet.host.values("Tiêu chí", "B18:C18")[0])).resolves.toEqual(["Ban hành kế hoạch thi đua", 20]);
  await id("scoring-insert").click();
  await page.getByText("Đã chèn 8 bảng chấm cho 4 tiêu chí", { exact: false }).waitFor({ timeout: 60_000 });
  await book.getByRole("tab", { name: "Tổng hợp" }).waitFor();
  expect(problems).toEqual([]);
  expect(outside).toEqual([]);
  await context.close();
});

test("a bloc of 8 is created in the preview and lands on the Khối sheet", async () => {
  const context = await browser!.newContext({ ignoreHTTPSErrors: true, locale: "vi-VN" });
  const page = await context.newPage();
  const { outside, problems } = watch(page);
  await page.goto(`${BASE}/preview.html`);
  const id = (t: string) => page.getByTestId(t);
  await createBloc(page);
  const units = UNITS;

  const sheets = await page.evaluate(() => (window as unknown as { binhXet: { host: { sheetNames(): string[] } } }).binhXet.host.sheetNames());
  expect(sheets).toContain("Khối");
  const members = await page.evaluate(() =>
    (window as unknown as { binhXet: { host: { values(s: string, r: string): unknown[][] } } }).binhXet.host.values("Khối", "B13:B20").flat(),
  );
  expect(members).toEqual(units);
  // The workbook view shows the sheet's tab and its cells.
  const book = page.locator('[data-testid="workbook-view"]');
  await book.getByRole("tab", { name: "Khối" }).waitFor();
  await page.screenshot({ path: resolve(ROOT, "test-results/preview.png"), fullPage: false });
  const cell = page.locator('[data-testid="workbook-view"] td[data-cell="B20"]');
  await expect(cell.textContent()).resolves.toBe("Liên minh Hợp tác xã tỉnh");
  await expect(page.locator('[data-testid="workbook-view"] td[data-cell="B4"]').textContent()).resolves.toBe("Khối thi đua các sở, ngành Kinh tế - Kỹ thuật");


  // Scoring: insert the score sheets from the sample template, type a score, check, read the ranking.
  await id("step-scoring").click();
  await id("scoring-insert").click();
  await page.getByText("Đã chèn 8 bảng chấm", { exact: false }).waitFor({ timeout: 60_000 });
  await book.getByRole("tab", { name: "Sở Công Thương" }).click();
  await book.locator('td[data-cell="D8"]').click();
  await id("formula-bar").fill("11.5");
  await id("formula-bar").press("Enter");
  await expect(page.evaluate(() => (window as unknown as { binhXet: { host: { values(s: string, r: string): unknown[][] } } }).binhXet.host.values("Sở Công Thương", "D8")[0][0])).resolves.toBe(11.5);
  await id("scoring-validate").click();
  await id("scoring-results").waitFor({ timeout: 30_000 });
  await expect(page.locator('[data-testid="scoring-results"] tbody tr').first().textContent()).resolves.toMatch(/^1Sở Công Thương.*Dẫn đầu/);
  await book.getByRole("tab", { name: "Tổng hợp" }).click();
  await page.screenshot({ path: resolve(ROOT, "test-results/preview-scoring.png"), fullPage: false });

  expect(problems).toEqual([]);
  expect(outside).toEqual([]);
  await context.close();
});
