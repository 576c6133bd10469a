/**
 * End to end: the preview served by webpack-dev-server over https, driven in headless Chromium.
 * Creates a bloc of 8 members in the pane and finds the "Khối" sheet in the in-memory workbook.
 * Fails if the page asks for anything outside localhost.
 */
import { resolve } from "node:path";
import { createBloc, previewFor, UNITS, watch } from "./support";

const ROOT = resolve(__dirname, "../..");
const PORT = Number(process.env.E2E_PORT ?? 3917);
const preview = previewFor(PORT);

test("the server's root leads to the preview; taskpane.html opened outside Excel says what it is (issue #14 items 6, 8)", async () => {
  const context = await preview().browser.newContext({ ignoreHTTPSErrors: true, locale: "vi-VN" });
  const page = await context.newPage();
  const { outside, problems } = watch(page);
  await page.goto(`${preview().base}/`);
  expect(new URL(page.url()).pathname).toBe("/preview.html");
  await page.goto(`${preview().base}/taskpane.html`);
  // Outside an Office client Office.onReady resolves with host null (learn.microsoft.com/office/dev/add-ins/develop/initialize-add-in).
  await page.locator("#outside-excel").waitFor({ timeout: 30_000 });
  await expect(page.locator("#outside-excel").textContent()).resolves.toContain("chỉ chạy bên trong Excel");
  expect(problems).toEqual([]);
  expect(outside).toEqual([]);
  await context.close();
});

test("the bloc's own table is pasted into the grid and its score sheets inserted", async () => {
  const context = await preview().browser.newContext({ ignoreHTTPSErrors: true, locale: "vi-VN" });
  const page = await context.newPage();
  const { outside, problems } = watch(page);
  await page.goto(`${preview().base}/preview.html`);
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
  const context = await preview().browser.newContext({ ignoreHTTPSErrors: true, locale: "vi-VN" });
  const page = await context.newPage();
  const { outside, problems } = watch(page);
  await page.goto(`${preview().base}/preview.html`);
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
