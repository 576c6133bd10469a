/**
 * End to end: the ballots step in the preview (webpack-dev-server over https, headless Chromium).
 * A vote for the provincial flag with a quota of 2 among 8 units: 8 paper ballots entered twice
 * (pasted into the two entry sheets), a typing difference fixed in the cell the count pointed at, the tally, a tie left to the meeting,
 * the minutes, then next year's leader by rotation. Fails on a page error or a request outside localhost.
 */
import { resolve } from "node:path";
import type { Page } from "playwright-core";
import { createBloc, onHost, previewFor, UNITS, watch } from "./support";

const ROOT = resolve(__dirname, "../..");
// Jest may run the e2e files side by side: this file's server gets a port of its own.
const PORT = Number(process.env.E2E_VOTING_PORT ?? (process.env.E2E_PORT ? Number(process.env.E2E_PORT) + 1 : 3918));
const preview = previewFor(PORT);

/** Ballots as typed from paper: the number, then "x" under each approved unit (columns B…I), tab-separated as Excel copies them. */
const tsv = (ballots: number[][]) => ballots.map((marks, i) => [String(i + 1), ...UNITS.map((_, k) => (marks.includes(k) ? "x" : ""))].join("\t")).join("\n");

/** Opens a sheet's tab in the workbook view, selects a cell and pastes a block there, as Ctrl+V would. */
async function pasteInto(page: Page, sheet: string, cell: string, text: string) {
  const book = page.locator('[data-testid="workbook-view"]');
  await book.getByRole("tab", { name: sheet, exact: true }).click();
  await book.getByRole("grid", { name: sheet, exact: true }).waitFor();
  await book.locator(`td[data-cell="${cell}"]`).click();
  await page.getByTestId("cell-address").and(page.locator(`[value="${cell}"]`)).waitFor();
  await page.evaluate((t) => {
    const dt = new DataTransfer();
    dt.setData("text/plain", t);
    document.querySelector('[data-testid="grid"]')!.dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }));
  }, text);
}

test("a flag vote is entered twice, settled, tallied, minuted, and next year's leader chosen, all in the preview", async () => {
  const context = await preview().browser.newContext({ ignoreHTTPSErrors: true, locale: "vi-VN", viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const { outside, problems } = watch(page);
  await page.goto(`${preview().base}/preview.html`);
  await createBloc(page);
  const id = (t: string) => page.getByTestId(t);
  const text = (t: string) => id(t).textContent();
  const book = page.locator('[data-testid="workbook-view"]');

  // The ballots step; with no vote yet, the new-vote form is open, seeded for an award.
  await id("step-voting").click();
  await id("voting-create").waitFor({ timeout: 60_000 });
  await expect(id("voting-award").inputValue()).resolves.toBe("Cờ thi đua của UBND tỉnh");
  for (let i = 0; i < UNITS.length; i++) await expect(id(`voting-candidate-${i}`).isChecked()).resolves.toBe(true);
  await id("voting-quota").fill("2");
  await id("voting-to-elect").fill("2");
  await id("voting-preset").selectOption("validMajority");
  await page.waitForFunction(() => /trên 50% so với số phiếu hợp lệ/.test(document.querySelector('[data-testid="voting-rule-text"]')?.textContent ?? ""));
  // A tie at the cutoff goes straight to the meeting.
  await id("voting-tie-0").selectOption("meetingDecides");
  await id("voting-tie-1").selectOption("");
  await page.waitForFunction(() => /\(1\) hội nghị quyết định\./.test(document.querySelector('[data-testid="voting-rule-text"]')?.textContent ?? ""));
  await id("voting-head").fill("Nguyễn Văn A");
  await expect(id("voting-double").isChecked()).resolves.toBe(true);
  await id("voting-create").click();
  await page.getByText("Đã tạo cuộc bỏ phiếu V1", { exact: false }).waitFor({ timeout: 30_000 });
  await expect(onHost(page, (h) => h.sheetNames())).resolves.toEqual(expect.arrayContaining(["Bỏ phiếu", "Phiếu V1", "Phiếu V1 (lần 2)", "In phiếu V1"]));
  await expect(id("voting-form").count()).resolves.toBe(0);

  // Two typists paste the 8 ballots; the second mistypes ballot 8 (unit 4 instead of unit 3).
  const ballots = [[0, 1], [0, 1], [0, 1], [0, 2], [0, 2], [0, 2], [1, 2], [1, 2]];
  await pasteInto(page, "Phiếu V1", "A7", tsv(ballots));
  await pasteInto(page, "Phiếu V1 (lần 2)", "A7", tsv([...ballots.slice(0, 7), [1, 3]]));
  await expect(onHost(page, (h) => h.values("Phiếu V1", "A14:E14")[0])).resolves.toEqual([8, "", "x", "x", ""]);
  await expect(onHost(page, (h) => h.values("Phiếu V1 (lần 2)", "A14:E14")[0])).resolves.toEqual([8, "", "x", "", "x"]);

  // The count finds the difference, as errors that name their cells; no result while the entries differ.
  await id("voting-count").click();
  await page.waitForFunction(() => /Đã kiểm phiếu: 2 lỗi/.test(document.querySelector('[data-testid="voting-status-votes"]')?.textContent ?? ""), null, { timeout: 30_000 });
  const diffs = await id("issue-vote.double.mark").allTextContents();
  expect(diffs).toHaveLength(2);
  expect(diffs[0]).toMatch(/Phiếu số 8, Sở Giao thông vận tải/);
  expect(diffs[0]).toMatch(/Phiếu V1 \(lần 2\)!D14/);
  expect(diffs[1]).toMatch(/Phiếu V1 \(lần 2\)!E14/);
  await expect(id("voting-results").count()).resolves.toBe(0);
  await expect(text("voting-totals")).resolves.toMatch(/8Phát ra8Thu vào8Hợp lệ0Không hợp lệ/);
  // An issue's cell is a click away: the click selects the second entry's D14 in the workbook.
  await id("issue-vote.double.mark").first().getByRole("button", { name: /Phiếu V1 \(lần 2\)!D14/ }).click();
  await page.waitForFunction(() => {
    const sel = (window as unknown as { binhXet: { host: { selection(): { sheet: string; address: string } | null } } }).binhXet.host.selection();
    return sel?.sheet === "Phiếu V1 (lần 2)" && sel.address === "D14";
  });

  // The typist fixes the typing difference where the issue pointed (the view followed the click):
  // D14 gets its mark, E14 loses the wrong one; the count again finds the entries agree.
  await book.locator('td[data-cell="D14"]').waitFor();
  await id("formula-bar").fill("x");
  await id("formula-bar").press("Enter");
  await book.locator('td[data-cell="E14"]').click();
  await id("formula-bar").fill("");
  await id("formula-bar").press("Enter");
  await expect(onHost(page, (h) => h.values("Phiếu V1 (lần 2)", "A14:E14")[0])).resolves.toEqual([8, "", "x", "x", ""]);
  await id("voting-count").click();
  await id("voting-results").waitFor({ timeout: 30_000 });
  await expect(id("issue-vote.double.mark").count()).resolves.toBe(0);
  const cells = await page.$$eval('[data-testid="voting-results"] tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent)));
  expect(cells[0]).toEqual(["Sở Công Thương", "6", "75", "Được chọn"]);
  expect(cells[1]).toEqual(["Sở Xây dựng", "5", "62,5", "Hội nghị quyết định"]);
  expect(cells[2]).toEqual(["Sở Giao thông vận tải", "5", "62,5", "Hội nghị quyết định"]);
  expect(cells[3]).toEqual(["Sở Tài nguyên và Môi trường", "0", "0", "Không đạt"]);
  await expect(text("voting-elected")).resolves.toBe("Tạm thời: được chọn Sở Công Thương.");

  // The tie at the cutoff: the meeting picks one of the two.
  await expect(text("voting-tie")).resolves.toMatch(/Sở Xây dựng, Sở Giao thông vận tải cùng 5 phiếu, còn 1 suất/);
  await expect(id("voting-meeting-save").isDisabled()).resolves.toBe(true);
  await id("voting-meeting-pick-0").check();
  await id("voting-meeting-save").click();
  await page.waitForFunction(
    () => document.querySelector('[data-testid="voting-elected"]')?.textContent === "Kết quả cuối cùng: được chọn Sở Công Thương, Sở Xây dựng.",
    null,
    { timeout: 30_000 },
  );
  await expect(id("voting-results").getByText("Được chọn (hội nghị)").count()).resolves.toBe(1);
  await expect(id("voting-meeting-save").count()).resolves.toBe(0);

  // The minutes, at the bloc's province.
  await expect(id("voting-place").inputValue()).resolves.toBe("Nam Định");
  await id("voting-minutes").click();
  await page.getByText("Đã lập biên bản kiểm phiếu ở trang “Biên bản V1”", { exact: false }).waitFor({ timeout: 30_000 });
  await expect(onHost(page, (h) => h.sheetNames())).resolves.toContain("Biên bản V1");
  const minutes = await onHost(page, (h) => {
    return h.text("Biên bản V1", h.usedRange("Biên bản V1") ?? "A1").flat().join("\n");
  });
  expect(minutes).toContain("BIÊN BẢN KIỂM PHIẾU");
  expect(minutes).toContain("Sở Xây dựng");
  await book.getByRole("tab", { name: "Biên bản V1", exact: true }).click();
  await book.getByRole("grid", { name: "Biên bản V1", exact: true }).getByText("BIÊN BẢN KIỂM PHIẾU", { exact: false }).first().waitFor();
  await page.screenshot({ path: resolve(ROOT, "test-results/preview-minutes.png"), fullPage: false });

  // Next year's leader by rotation: the member after this year's leader.
  await id("voting-leader-mode-rotation").check();
  await id("voting-elect").click();
  await page.waitForFunction(() => /^Năm 2027: trưởng khối Sở Xây dựng/.test(document.querySelector('[data-testid="voting-status-leader"]')?.textContent ?? ""), null, { timeout: 30_000 });
  const leaders = await onHost(page, (h) => h.values("Trưởng khối các năm", "A5:E6"));
  expect(leaders[1].slice(0, 2)).toEqual([2027, "Sở Xây dựng"]);
  expect(leaders[1][4]).toBe("Luân phiên");
  await expect(text("voting-history")).resolves.toMatch(/2027: Sở Xây dựng/);

  expect(problems).toEqual([]);
  expect(outside).toEqual([]);
  await context.close();
});
