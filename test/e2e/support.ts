/**
 * What every browser test needs: the preview served by webpack-dev-server over https on a port of
 * the file's own (Jest may run e2e files side by side), headless Chromium (Debian's), a watch for
 * requests outside localhost and page errors, the preview's in-memory workbook, and a bloc of 8.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { request } from "node:https";
import { join, resolve } from "node:path";
import JSZip from "jszip";
import { chromium, type Browser, type Page } from "playwright-core";

const ROOT = resolve(__dirname, "../..");

export function findChromium(): string {
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

export interface Preview {
  base: string;
  browser: Browser;
  stop(): Promise<void>;
}

/** Serves the preview on `port` and launches Chromium; `stop` closes both. */
export async function startPreview(port: number): Promise<Preview> {
  const executablePath = findChromium();
  const base = `https://localhost:${port}`;
  let log = "";
  const server: ChildProcess = spawn(process.execPath, [resolve(ROOT, "node_modules/webpack-cli/bin/cli.js"), "serve", "--mode", "development"], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), BROWSER: "none" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  server.stdout?.on("data", (d) => (log += d));
  server.stderr?.on("data", (d) => (log += d));
  const kill = () => {
    if (!server.pid) return;
    try {
      process.kill(-server.pid, "SIGTERM");
    } catch {
      server.kill("SIGTERM");
    }
  };
  const deadline = Date.now() + 180_000;
  while ((await get(`${base}/preview.html`)) !== 200) {
    if (Date.now() > deadline || server.exitCode !== null) {
      kill();
      throw new Error(`The dev server did not start:\n${log.slice(-3000)}`);
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  });
  return {
    base,
    browser,
    stop: async () => {
      await browser.close();
      kill();
    },
  };
}

/** Registers the file's preview: served before its tests, stopped (then `cleanup`) after them; the getter gives it. */
export function previewFor(port: number, cleanup?: () => void): () => Preview {
  let preview: Preview | undefined;
  beforeAll(async () => {
    preview = await startPreview(port);
  }, 240_000);
  afterAll(async () => {
    await preview?.stop();
    cleanup?.();
  });
  return () => {
    if (!preview) throw new Error("The preview did not start");
    return preview;
  };
}

/** Watches a page for requests outside localhost and for uncaught errors. */
export function watch(page: Page) {
  const outside: string[] = [];
  const problems: string[] = [];
  page.on("request", (r) => {
    const u = new URL(r.url());
    if (!["data:", "blob:"].includes(u.protocol) && !["localhost", "127.0.0.1", "[::1]"].includes(u.hostname)) outside.push(r.url());
  });
  page.on("pageerror", (e) => problems.push(String(e)));
  return { outside, problems };
}

export type Host = { sheetNames(): string[]; values(s: string, r: string): unknown[][]; text(s: string, r: string): string[][]; usedRange(s: string): string | null };
/** Runs `fn` in the page on the preview's in-memory workbook (`window.binhXet.host`). `fn` must not close over anything. */
export function onHost<T>(page: Page, fn: (h: Host) => T): Promise<T> {
  return page.evaluate(`(${fn.toString()})(window.binhXet.host)`) as Promise<T>;
}

export const UNITS = ["Sở Công Thương", "Sở Xây dựng", "Sở Giao thông vận tải", "Sở Tài nguyên và Môi trường", "Sở Nông nghiệp và Môi trường", "Ban Quản lý các Khu công nghiệp tỉnh", "Ban Quản lý Dự án Đầu tư Xây dựng tỉnh", "Liên minh Hợp tác xã tỉnh"];

/** Fills the bloc form through the pane and saves it: 8 members, led this year by the first. */
export async function createBloc(page: Page) {
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

/**
 * The sample year (docs/scenario.sample.json) played in node through the pane's own use cases,
 * without the parts named in `without` (the browser test plays those itself), saved as an .xlsx in `dir`.
 */
export async function sampleYearXlsx(dir: string, without: readonly ("nomination" | "start")[], name = "nam-2026-truoc-de-nghi.xlsx"): Promise<{ file: string; members: string[] }> {
  const { parseScenario } = await import("../../src/cli/scenario");
  const { runScenario } = await import("../../src/cli/run");
  const parsed = parseScenario(JSON.parse(readFileSync(resolve(ROOT, "docs/scenario.sample.json"), "utf8")));
  if (!parsed.ok) throw new Error(parsed.problems.join("\n"));
  const scenario = { ...parsed.scenario };
  for (const part of without) delete scenario[part];
  const report = await runScenario(scenario);
  if (!report.ok) throw new Error(`The sample year did not run: ${JSON.stringify(report.steps.filter((s) => !s.ok)).slice(0, 2000)}`);
  const file = join(dir, name);
  writeFileSync(file, await report.host.toXlsx());
  return { file, members: scenario.bloc.members.map((m) => m.name) };
}

/** The text of a .docx body, a line per paragraph, and whether it names Times New Roman (in the body or its styles). */
export async function docxText(bytes: Buffer): Promise<{ text: string; timesNewRoman: boolean }> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file("word/document.xml")!.async("string");
  const styles = (await zip.file("word/styles.xml")?.async("string")) ?? "";
  const unescape = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
  const text = xml
    .split(/<\/w:p>/)
    .map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescape(m[1])).join(""))
    .join("\n")
    .normalize("NFC");
  return { text, timesNewRoman: /w:ascii="Times New Roman"/.test(xml) || /w:ascii="Times New Roman"/.test(styles) };
}

/** Records the review meeting's date, time, place and submission number in the nomination tab, and waits for the sheet write. */
export async function recordMeeting(page: Page, m: { date: string; time: string; place: string; number: string }) {
  const { NOMINATION_TID: N } = await import("../../src/taskpane/components/NominationShared");
  await page.getByTestId(N.mDate).fill(m.date);
  await page.getByTestId(N.mTime).fill(m.time);
  await page.getByTestId(N.mPlace).fill(m.place);
  await page.getByTestId(N.mNumber).fill(m.number);
  await page.getByTestId(N.mSave).click();
  await page.waitForFunction((tid) => /^Đã ghi thông tin hội nghị vào trang/.test(document.querySelector(`[data-testid="${tid}"]`)?.textContent ?? ""), N.status("meeting"), { timeout: 30_000 });
}

/** Opens an .xlsx through the preview's "Open .xlsx" control and waits until the workbook holds `sheets`. */
export async function openXlsx(page: Page, file: string, sheets: string[]) {
  await page.getByTestId("open-xlsx").waitFor({ state: "attached", timeout: 60_000 });
  await page.getByTestId("open-xlsx").setInputFiles(file);
  await page.waitForFunction(
    (want) => {
      const names = (window as unknown as { binhXet: { host: { sheetNames(): string[] } } }).binhXet.host.sheetNames();
      return want.every((n) => names.includes(n));
    },
    sheets,
    { timeout: 60_000 },
  );
}

/**
 * What does not fit the pane (issue #14 item 4; WCAG 2.2 SC 1.4.10 Reflow): the pane or the page
 * scrolling sideways, and each visible control, tab, badge, label or hint that sticks out of the
 * pane, or whose text overflows its own box (a badge's text out of its pill, a tab's label cut), and
 * fields side by side whose inputs do not start on one line (a wrapped label pushed one down).
 * Returns one line per problem, naming the element by its test id or text.
 */
export function layoutProblems(page: Page, paneSelector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const out: string[] = [];
    const pane = document.querySelector(sel) as HTMLElement | null;
    if (!pane) return [`no pane at ${sel}`];
    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth) out.push(`the page scrolls sideways: scrollWidth ${doc.scrollWidth} > clientWidth ${doc.clientWidth}`);
    if (pane.scrollWidth > pane.clientWidth) out.push(`the pane scrolls sideways: scrollWidth ${pane.scrollWidth} > clientWidth ${pane.clientWidth}`);
    const box = pane.getBoundingClientRect();
    const name = (el: Element) => {
      const tid = el.getAttribute("data-testid") ?? el.closest("[data-testid]")?.getAttribute("data-testid");
      return `<${el.tagName.toLowerCase()} class="${String(el.className).split(" ").filter((c) => c.startsWith("fui-")).join(" ")}"${tid ? ` in ${tid}` : ""}> “${(el.textContent ?? "").trim().slice(0, 40)}”`;
    };
    const controls = "button, input:not([type=radio]):not([type=checkbox]):not([type=file]), select, textarea, [role=tab], .fui-Badge, .fui-Field__hint, .fui-Field__validationMessage, label, .fui-MessageBar";
    for (const el of pane.querySelectorAll<HTMLElement>(controls)) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === "hidden") continue;
      if (r.left < box.left - 0.5 || r.right > box.right + 0.5) out.push(`${name(el)} sticks out of the pane: ${Math.round(r.left)}–${Math.round(r.right)} outside ${Math.round(box.left)}–${Math.round(box.right)}`);
      // Text overflow: a form field's own value may scroll inside it; everything else must hold its text.
      if (!/^(INPUT|SELECT|TEXTAREA)$/.test(el.tagName) && getComputedStyle(el).overflowX !== "auto") {
        if (el.scrollWidth > el.clientWidth + 1) out.push(`${name(el)} clips its text: scrollWidth ${el.scrollWidth} > clientWidth ${el.clientWidth}`);
        if (el.classList.contains("fui-Badge") && el.scrollHeight > el.clientHeight + 1) out.push(`${name(el)} text overflows its pill: scrollHeight ${el.scrollHeight} > clientHeight ${el.clientHeight}`);
      }
    }
    // Fields side by side: their inputs start on one line, whatever their labels wrap to.
    const rows = new Map<Element, HTMLElement[]>();
    for (const f of pane.querySelectorAll<HTMLElement>(".fui-Field")) {
      if (f.parentElement && f.getBoundingClientRect().width > 0) rows.set(f.parentElement, [...(rows.get(f.parentElement) ?? []), f]);
    }
    for (const fields of rows.values()) {
      const lines = new Map<number, HTMLElement[]>();
      for (const f of fields) {
        const top = Math.round(f.getBoundingClientRect().top);
        const key = [...lines.keys()].find((k) => Math.abs(k - top) <= 2) ?? top;
        lines.set(key, [...(lines.get(key) ?? []), f]);
      }
      for (const line of lines.values()) {
        const controls = line.map((f) => f.querySelector<HTMLElement>(".fui-Input, .fui-Select, .fui-Textarea, .fui-Combobox, .fui-Dropdown")).filter((c): c is HTMLElement => c !== null);
        if (controls.length < 2) continue;
        const tops = controls.map((c) => Math.round(c.getBoundingClientRect().top));
        if (Math.max(...tops) - Math.min(...tops) > 2) out.push(`inputs side by side are out of line (tops ${tops.join(", ")}): ${controls.map((c) => name(c)).join(" | ")}`);
      }
    }
    return out;
  }, paneSelector);
}

export interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** axe-core (node_modules/axe-core) on one part of the page: the serious and critical violations. */
export async function axeSerious(page: Page, selector: string): Promise<AxeFinding[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: resolve(ROOT, "node_modules/axe-core/axe.min.js") });
  return page.evaluate(async (sel) => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    // Colours are judged at rest: a Fluent button fading from disabled to enabled after the read
    // measured mid-transition failed color-contrast under load. Wait for running transitions first.
    await Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined)));
    const res = await axe.run({ include: [sel] }, { resultTypes: ["violations"] });
    return res.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => JSON.stringify(n.target)) }));
  }, selector);
}
