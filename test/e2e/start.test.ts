/**
 * End to end: the start of the year (issue #12 point 1) in the preview (webpack-dev-server over
 * https, headless Chromium).
 * 1. A secretary creates the bloc in the pane, then in the "Đầu năm" tab types the pact, registers
 *    every unit but one, saves both to the workbook, and downloads the pact and the registration
 *    list (.docx, NĐ 30/2020 form: Times New Roman), whose names, sizes and content are checked; the
 *    step is also checked at the pane's narrowest (320 px): nothing sticks out.
 * 2. The year is run (the sample year's scores, ranking and votes, played in node as the nomination
 *    e2e does, and opened through the preview's "Open .xlsx"); the registrations are entered in the
 *    pane, leaving out the leading unit, and the nomination step refuses it the provincial flag with
 *    the reason "Chưa đăng ký" (not registered).
 * Fails on a page error or a request outside localhost.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Page } from "playwright-core";
import { createBloc, docxText, onHost, sampleYearXlsx, startPreview, UNITS, watch, type Preview } from "./support";
import { START_SHEETS } from "../../src/app/start";
import { NOMINATION_TID as N } from "../../src/taskpane/components/NominationShared";
import { START_TID as S } from "../../src/taskpane/components/StartShared";

const ROOT = resolve(__dirname, "../..");
// Jest may run the e2e files side by side: this file's server gets a port of its own.
const PORT = Number(process.env.E2E_START_PORT ?? (process.env.E2E_PORT ? Number(process.env.E2E_PORT) + 3 : 3920));

let preview: Preview | undefined;
const work = mkdtempSync(join(tmpdir(), "bx-e2e-start-"));

beforeAll(async () => {
  preview = await startPreview(PORT);
}, 240_000);

afterAll(async () => {
  await preview?.stop();
  rmSync(work, { recursive: true, force: true });
});

/** The emulation titles of the default catalogue (DOMAIN §3); registration is required for them by default (issue #12). */
const TITLES = ["co-cp", "co-tinh", "tt-ldxs"];
const CO_TINH = "Cờ thi đua của UBND tỉnh";


/** Waits until a status bar (by test id) says what `pattern` matches. */
async function statusMatches(page: Page, tid: string, pattern: RegExp, timeout = 30_000) {
  await page.waitForFunction(([t, src]) => new RegExp(src).test(document.querySelector(`[data-testid="${t}"]`)?.textContent ?? ""), [tid, pattern.source] as const, { timeout });
}

/** Opens the "Đầu năm" tab and waits for its read of the workbook. */
async function openStart(page: Page) {
  await page.getByTestId("step-start").click();
  await page.getByTestId(S.status("load")).waitFor({ timeout: 60_000 });
}

/** Registers the roster's units (as listed in the pane) for the titles, all but `skip`, and saves. */
async function register(page: Page, skip: string, targets: string) {
  const id = (t: string) => page.getByTestId(t);
  let i = 0;
  for (; await id(S.unit(i)).count(); i++) {
    const unit = (await id(S.unit(i)).getByRole("heading").textContent())?.trim() ?? "";
    if (unit === skip) {
      for (const a of TITLES) await expect(id(S.award(i, a)).isChecked()).resolves.toBe(false);
      continue;
    }
    for (const a of TITLES) await id(S.award(i, a)).check();
    await id(S.targets(i)).fill(`${targets} (${unit})`);
  }
  expect(i).toBe(UNITS.length);
  await id(S.regSave).click();
  await statusMatches(page, S.status("registrations"), /^Đã ghi vào trang: “Đăng ký thi đua”/);
}

test("a secretary starts the year in the preview: the bloc, the pact, the registrations (all but one), and prints both", async () => {
  const context = await preview!.browser.newContext({ ignoreHTTPSErrors: true, locale: "vi-VN", viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const { outside, problems } = watch(page);
  await page.goto(`${preview!.base}/preview.html`);
  await createBloc(page);
  const id = (t: string) => page.getByTestId(t);

  // The step reads the roster from "Khối": one card per member, none registered yet; the year-end check is said.
  await openStart(page);
  for (let i = 0; i < UNITS.length; i++) await expect(id(S.unit(i)).getByRole("heading").textContent()).resolves.toBe(UNITS[i]);
  await expect(id(S.hint).textContent()).resolves.toMatch(/đơn vị chưa đăng ký sẽ không được đề nghị/);

  // At the pane's narrowest nothing sticks out (the step wraps; no fixed widths).
  await page.evaluate(() => {
    (document.querySelector('aside[aria-label="Task pane"]') as HTMLElement).style.width = "320px";
  });
  const overflow = await page.evaluate(() => {
    const main = document.querySelector('aside[aria-label="Task pane"] main') as HTMLElement;
    return { scroll: main.scrollWidth, client: main.clientWidth };
  });
  expect(overflow.scroll).toBeLessThanOrEqual(overflow.client);
  await page.evaluate(() => {
    (document.querySelector('aside[aria-label="Task pane"]') as HTMLElement).style.width = "";
  });

  // The pact (seed 001: the launch meeting signs it): theme, place, date, two commitments.
  const theme = "Đoàn kết, sáng tạo, hoàn thành xuất sắc nhiệm vụ chính trị năm 2026";
  const commitments = ["Hoàn thành toàn diện các chỉ tiêu kế hoạch năm 2026", "Đẩy mạnh cải cách hành chính, chuyển đổi số"];
  await id(S.pactTheme).fill(theme);
  await id(S.pactPlace).fill("Hội trường Sở Công Thương");
  await id(S.pactDate).fill("15/03/2026");
  await id(S.commitment(0)).fill(commitments[0]);
  await id(S.commitmentAdd).click();
  await id(S.commitment(1)).fill(commitments[1]);
  await id(S.pactSave).click();
  await statusMatches(page, S.status("pact"), /^Đã ghi vào trang: “Giao ước thi đua”/);
  const pactCells = await onHost(page, (h) => h.text("Giao ước thi đua", h.usedRange("Giao ước thi đua") ?? "A1").flat().join("\n"));
  expect(pactCells).toContain(theme);
  for (const c of commitments) expect(pactCells).toContain(c);
  // Read back from the sheet: the form holds what was written.
  await expect(id(S.commitment(1)).inputValue()).resolves.toBe(commitments[1]);

  // The registrations: every unit for the titles, but the last one.
  const skipped = UNITS[UNITS.length - 1];
  await register(page, skipped, "Hoàn thành 100% chỉ tiêu được giao");
  await expect(onHost(page, (h) => h.sheetNames())).resolves.toEqual(expect.arrayContaining([START_SHEETS.pact, START_SHEETS.registrations]));
  const regCells = await onHost(page, (h) => h.text("Đăng ký thi đua", h.usedRange("Đăng ký thi đua") ?? "A1").flat().join("\n"));
  for (const u of UNITS) expect(regCells).toContain(u);
  expect(regCells).toContain(CO_TINH);
  await expect(id(S.unitCount(UNITS.length - 1)).textContent()).resolves.toBe("chưa đăng ký");
  await expect(id(S.unitCount(0)).textContent()).resolves.toBe(`đăng ký ${TITLES.length} danh hiệu / hình thức`);
  mkdirSync(resolve(ROOT, "test-results"), { recursive: true });
  await page.screenshot({ path: resolve(ROOT, "test-results/preview-start.png"), fullPage: false });

  // Print: the pact and the registration list, each downloaded through its own button.
  await id(S.produce).click();
  await statusMatches(page, S.status("output"), /^Đã tạo \d+ tệp/, 60_000);
  const count = await id(N.files).locator("li").count();
  expect(count).toBe(2);
  const downloads = join(work, "downloads");
  mkdirSync(downloads);
  const saved: string[] = [];
  for (let i = 0; i < count; i++) {
    const [download] = await Promise.all([page.waitForEvent("download", { timeout: 30_000 }), id(N.download(i)).click()]);
    const name = download.suggestedFilename();
    await download.saveAs(join(downloads, name));
    saved.push(name);
    await statusMatches(page, N.fileMessage(i), new RegExp(`^Đã tải tệp “${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}”`));
  }
  expect(new Set(saved).size).toBe(2);
  for (const n of saved) {
    expect(n).toMatch(/^[A-Za-z0-9-]+-2026\.docx$/);
    expect(statSync(join(downloads, n)).size).toBeGreaterThan(2000);
  }
  const docs = await Promise.all(saved.map(async (n) => ({ name: n, ...(await docxText(readFileSync(join(downloads, n)))) })));
  const pact = docs.find((d) => /GIAO ƯỚC THI ĐUA/i.test(d.text));
  const list = docs.find((d) => d !== pact);
  expect(pact?.name).toMatch(/giao-uoc/i);
  expect(list?.name).toMatch(/dang-ky/i);
  // The pact: its theme and commitments, and a signature block per member's head (one per unit named).
  for (const needle of [theme, ...commitments]) expect({ doc: pact!.name, needle, found: pact!.text.includes(needle) }).toEqual({ doc: pact!.name, needle, found: true });
  // Signature blocks name the unit in capitals, as NĐ 30/2020 (Phụ lục I) sets the signing body's name.
  const upper = pact!.text.toLocaleUpperCase("vi");
  for (const needle of UNITS) expect({ doc: pact!.name, needle, found: upper.includes(needle.toLocaleUpperCase("vi")) }).toEqual({ doc: pact!.name, needle, found: true });
  // The list: the units and what they registered for.
  expect(list!.text).toMatch(/ĐĂNG KÝ THI ĐUA/i);
  for (const needle of [UNITS[0], CO_TINH, "Hoàn thành 100% chỉ tiêu được giao"]) expect({ doc: list!.name, needle, found: list!.text.includes(needle) }).toEqual({ doc: list!.name, needle, found: true });
  // NĐ 30/2020: Times New Roman.
  for (const d of docs) expect({ doc: d.name, timesNewRoman: d.timesNewRoman }).toEqual({ doc: d.name, timesNewRoman: true });

  expect(problems).toEqual([]);
  expect(outside).toEqual([]);
  await context.close();
}, 300_000);


test("the year run, a unit that did not register is not proposed for the flag, with the reason “Chưa đăng ký”", async () => {
  // The sample year up to the votes and next year's leader, without its own start (the units register here, in the pane).
  const { file, members } = await sampleYearXlsx(work, ["nomination", "start"]);
  // The sample's leading unit, the one the flag vote elects (test/e2e/nomination.test.ts).
  const leading = "Sở Công Thương";
  expect(members).toContain(leading);
  const context = await preview!.browser.newContext({ ignoreHTTPSErrors: true, locale: "vi-VN", viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const { outside, problems } = watch(page);
  await page.goto(`${preview!.base}/preview.html`);
  const id = (t: string) => page.getByTestId(t);

  // Open the year's workbook (scores, ranking, votes) through the preview's "Open .xlsx" control.
  await id("open-xlsx").waitFor({ state: "attached", timeout: 60_000 });
  await id("open-xlsx").setInputFiles(file);
  await page.waitForFunction(
    () => {
      const names = (window as unknown as { binhXet: { host: { sheetNames(): string[] } } }).binhXet.host.sheetNames();
      return names.includes("Tổng hợp") && names.includes("Bỏ phiếu");
    },
    null,
    { timeout: 60_000 },
  );

  // Before any registration sheet exists, registration is not checked: the leading unit has the flag.
  await id("step-nomination").click();
  await id(N.status("list")).waitFor({ timeout: 60_000 });
  await expect(id(N.proposed("co-tinh")).textContent()).resolves.toContain(leading);

  // The registrations as the units returned them in March: all but the leading unit.
  await openStart(page);
  await expect(id(S.noRegSheet).count()).resolves.toBe(1);
  await register(page, leading, "Hoàn thành xuất sắc nhiệm vụ năm 2026");
  await expect(id(S.noRegSheet).count()).resolves.toBe(0);

  // The nomination step reads the registration sheet: the leading unit is out of the flag, with its reason and the rule.
  await id("step-nomination").click();
  await id(N.status("list")).waitFor({ timeout: 60_000 });
  await expect(id(N.award("co-tinh")).getByText(CO_TINH, { exact: true }).count()).resolves.toBeGreaterThan(0);
  const flag = (await id(N.proposed("co-tinh")).count()) ? ((await id(N.proposed("co-tinh")).textContent()) ?? "") : "";
  expect(flag).not.toContain(leading);
  const reasons = id(N.reasons("co-tinh"));
  await reasons.locator("summary").click();
  const row = reasons.locator("li[data-testid]").filter({ hasText: leading }).first();
  const why = (await row.textContent()) ?? "";
  expect(why).toContain("Không đề nghị");
  expect(why).toContain("Chưa đăng ký");
  // A registered unit keeps its other reasons, never "Chưa đăng ký".
  const other = ((await reasons.locator("li[data-testid]").filter({ hasText: members.find((m) => m !== leading)! }).first().textContent()) ?? "");
  expect(other).not.toContain("Chưa đăng ký");
  await page.screenshot({ path: resolve(ROOT, "test-results/preview-start-unregistered.png"), fullPage: false });

  expect(problems).toEqual([]);
  expect(outside).toEqual([]);
  await context.close();
}, 300_000);
