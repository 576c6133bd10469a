/**
 * End to end: the pane at 320 px (issue #14, item 4 "320 px"; done-when: "e2e at 320 px: no
 * horizontal scroll, no clipped control, axe-core 0 serious or critical on the pane in each step").
 * The preview is opened in a 320 px wide window, where the pane takes the whole width (Excel's
 * narrowest task pane). The sample year (docs/scenario.sample.json, played in node) is opened, and
 * every step is walked with its key states shown: an empty bloc, the bloc with its field issues
 * listed, a save, the start step, the scoring ranking table, a count with its double-entry issues, a
 * count with its result badges, the new-vote form, the nomination list and its generated sheets, then
 * the bloc and a count again in English. In each:
 * - WCAG 2.2 SC 1.4.10 Reflow: neither the page nor the pane scrolls sideways;
 * - no visible control, tab, badge, label or hint sticks out of the pane or clips its text
 *   (the tab strip cut "Đề nghị" to "Đề ng"; "Được chọn" and "Không đạt" overflowed their pill);
 * - axe-core 4.14.1: no violation of impact serious or critical on the pane (before: 2 serious
 *   `aria-hidden-focus`, WCAG 4.1.2, from the tab strip's overflow placeholders).
 * Also: the ranking table gives "Hạng" a narrow column (its rows were ~100 px tall), and the bloc's
 * save message shows where the user is, beside the button, in a live region (WCAG 4.1.3 Status Messages).
 * Fails on a page error or a request outside localhost.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Page } from "playwright-core";
import { axeSerious, layoutProblems, openXlsx, recordMeeting, sampleYearXlsx, previewFor, watch } from "./support";
import { TID } from "../../src/taskpane/testIds";
import { START_TID } from "../../src/taskpane/components/StartShared";
import { SCORING_TID } from "../../src/taskpane/components/ScoringStep";
import { VOTING_TID } from "../../src/taskpane/components/VotingShared";
import { NOMINATION_TID as N } from "../../src/taskpane/components/NominationShared";

// Jest may run the e2e files side by side: this file's server gets a port of its own.
const PORT = Number(process.env.E2E_NARROW_PORT ?? (process.env.E2E_PORT ? Number(process.env.E2E_PORT) + 5 : 3922));
const PANE = 'aside[aria-label="Task pane"]';
const ROOT = resolve(__dirname, "../..");
const work = mkdtempSync(join(tmpdir(), "bx-e2e-narrow-"));
const preview = previewFor(PORT, () => rmSync(work, { recursive: true, force: true }));

/** Every layout problem and serious/critical axe violation on the pane, each line prefixed by the state it was seen in. */
async function findings(page: Page, state: string): Promise<string[]> {
  const layout = await layoutProblems(page, PANE);
  const axe = await axeSerious(page, PANE);
  return [...layout.map((l) => `[${state}] ${l}`), ...axe.map((v) => `[${state}] axe ${v.impact} ${v.id}: ${v.help} at ${v.nodes.join(", ")}`)];
}

const textIs = (page: Page, tid: string, re: RegExp) =>
  page.waitForFunction(([t, src]) => new RegExp(src).test(document.querySelector(`[data-testid="${t}"]`)?.textContent ?? ""), [tid, re.source] as const, { timeout: 30_000 });

test("the sample year at 320 px: nothing scrolls sideways, nothing is clipped, no serious axe violation, in every step", async () => {
  const { file } = await sampleYearXlsx(work, [], "nam-2026.xlsx");
  const context = await preview().browser.newContext({ ignoreHTTPSErrors: true, locale: "vi-VN", viewport: { width: 320, height: 640 } });
  const page = await context.newPage();
  const { outside, problems } = watch(page);
  await page.goto(`${preview().base}/preview.html`);
  const id = (t: string) => page.getByTestId(t);
  const seen: string[] = [];
  mkdirSync(resolve(ROOT, "test-results"), { recursive: true });

  // The pane is the whole width of the window, as Excel's narrowest task pane.
  await id(TID.blocName).waitFor({ timeout: 60_000 });
  await expect(page.evaluate((sel) => document.querySelector(sel)!.getBoundingClientRect().width, PANE)).resolves.toBeLessThanOrEqual(320);
  seen.push(...(await findings(page, "bloc, empty workbook")));

  await openXlsx(page, file, ["Tổng hợp", "Bỏ phiếu"]);
  await textIs(page, TID.status, /^Đã đọc/);
  seen.push(...(await findings(page, "bloc, read")));

  // The tab strip: all five steps visible whole, none cut (the last, "Đề nghị", was cut to "Đề ng").
  for (const step of [TID.stepBloc, TID.stepStart, TID.stepScoring, TID.stepVoting, TID.stepNomination]) {
    const cut = await id(step).evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.right > document.documentElement.clientWidth || el.scrollWidth > el.clientWidth + 1;
    });
    if (cut) seen.push(`[tabs] ${step} is cut`);
  }

  // Field issues listed: the bloc's name emptied and saved.
  await id(TID.blocName).fill("");
  await id(TID.save).click();
  await id(TID.issues).waitFor({ timeout: 30_000 });
  seen.push(...(await findings(page, "bloc, issues listed")));

  // Saved from the bottom of the form: the message shows where the user is, in a live region.
  await id(TID.blocName).fill("Khối thi đua các sở, ngành Kinh tế - Kỹ thuật");
  await page.evaluate((sel) => document.querySelector(sel)!.scrollTo(0, 1e6), PANE);
  await id(TID.save).click();
  await textIs(page, TID.status, /^Đã ghi hồ sơ khối/);
  const message = await id(TID.status).evaluate((el, sel) => {
    const r = el.getBoundingClientRect();
    const pane = document.querySelector(sel)!.getBoundingClientRect();
    const live = el.closest('[aria-live], [role="status"], [role="alert"]');
    return { inView: r.top >= pane.top && r.bottom <= Math.min(pane.bottom, window.innerHeight), live: live !== null };
  }, PANE);
  if (!message.inView) seen.push("[bloc, saved] the success message is out of view (WCAG 4.1.3: shown at the top while the user is at the bottom)");
  if (!message.live) seen.push("[bloc, saved] the success message is not in a live region (WCAG 4.1.3 Status Messages)");
  seen.push(...(await findings(page, "bloc, saved")));

  // The start step.
  await id(TID.stepStart).click();
  await id(START_TID.refresh).waitFor({ timeout: 60_000 });
  seen.push(...(await findings(page, "start")));

  // The scoring step with its ranking table: "Hạng" gets a narrow column, rows are not towers.
  await id(TID.stepScoring).click();
  await id(SCORING_TID.validate).click();
  await id(SCORING_TID.results).waitFor({ timeout: 30_000 });
  const table = await id(SCORING_TID.results).evaluate((el) => {
    const t = el.querySelector("table")!;
    const first = t.querySelector("thead th, thead td")!.getBoundingClientRect().width;
    const rows = [...t.querySelectorAll("tbody tr")].map((r) => r.getBoundingClientRect().height);
    return { rank: first, share: first / t.getBoundingClientRect().width, tallest: Math.max(...rows) };
  });
  // "Hạng" needs ~50 px, not a quarter of the table; a row holds at most three lines of text.
  if (table.rank > 60) seen.push(`[scoring, ranking] the rank column is ${Math.round(table.rank)} px, ${Math.round(table.share * 100)}% of the table`);
  if (table.tallest > 72) seen.push(`[scoring, ranking] a row is ${Math.round(table.tallest)} px tall`);
  await page.screenshot({ path: resolve(ROOT, "test-results/narrow-ranking.png"), fullPage: false });
  seen.push(...(await findings(page, "scoring, ranking")));

  // The ballots step: V1's count lists the double-entry difference; V2's shows the result badges.
  await id(TID.stepVoting).click();
  await id(VOTING_TID.vote("V1")).waitFor({ timeout: 60_000 });
  seen.push(...(await findings(page, "voting, list")));
  for (const vote of ["V1", "V2"]) {
    await id(VOTING_TID.vote(vote)).click();
    await id(VOTING_TID.count).click();
    await textIs(page, VOTING_TID.status("votes"), /^Đã kiểm phiếu/);
    seen.push(...(await findings(page, `voting, ${vote} counted`)));
  }
  await expect(id(VOTING_TID.results).count()).resolves.toBeGreaterThan(0);
  // The new-vote form, with its fields two and three abreast.
  await id(VOTING_TID.newVote).click();
  await id(VOTING_TID.form).waitFor();
  seen.push(...(await findings(page, "voting, new-vote form")));
  await expect(id(VOTING_TID.results).locator(".fui-Badge").count()).resolves.toBeGreaterThan(0);

  // The nomination step: the proposed list, then the list and minutes written as sheets.
  await id(TID.stepNomination).click();
  await id(N.status("list")).waitFor({ timeout: 60_000 });
  seen.push(...(await findings(page, "nomination, list")));
  await recordMeeting(page, { date: "10/12/2026", time: "08:30", place: "Hội trường Sở Công Thương", number: "15/TTr-KTĐ" });
  await id(N.generate).click();
  await textIs(page, N.status("output"), /^Đã ghi các trang: /);
  seen.push(...(await findings(page, "nomination, generated")));

  // The same pane in English (its labels wrap differently): the bloc step and the ranking.
  await id(TID.lang).click();
  await id(TID.stepBloc).click();
  await textIs(page, TID.save, /^Save to workbook$/);
  seen.push(...(await findings(page, "English, bloc")));
  await id(TID.stepVoting).click();
  await id(VOTING_TID.vote("V2")).click();
  await id(VOTING_TID.count).click();
  await id(VOTING_TID.results).waitFor({ timeout: 30_000 });
  seen.push(...(await findings(page, "English, V2 counted")));

  expect(seen).toEqual([]);
  expect(problems).toEqual([]);
  expect(outside).toEqual([]);
  await context.close();
}, 400_000);
