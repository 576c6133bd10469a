/**
 * End to end: the production taskpane.html paints the pane's first screen before its bundle loads
 * (issue #14 "controls painted"; src/taskpane/firstScreen.tsx, rendered at build time), and React's
 * first commit replaces it with nothing moving. The production build is made here into a folder of its
 * own and served as static files; office.js (Microsoft's CDN) is answered by the paint bench's stub
 * (bench/paint.ts): Office is ready at once in Excel and every Excel.run stays pending, so the pane
 * stays in its first frame's state.
 * - With the bundle refused, the page alone shows the form: its fields and buttons, disabled.
 * - With the bundle, once React's own tree is in #root, every control of the first screen has the
 *   same box as in the page alone (no layout shift), the page's copy of Griffel's rules is gone, the
 *   pane's static sheet is there once, and no page error occurred.
 */
import { spawnSync } from "node:child_process";
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { extname, join, resolve } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { OFFICE_STUB } from "../../bench/paint";
import { findChromium } from "./support";

const ROOT = resolve(__dirname, "../..");
const PORT = Number(process.env.E2E_FIRST_PORT ?? (process.env.E2E_PORT ? Number(process.env.E2E_PORT) + 6 : 3923));
const CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const work = mkdtempSync(join(tmpdir(), "bx-e2e-first-"));
const out = join(work, "dist");
const base = `http://localhost:${PORT}`;
const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".png": "image/png", ".xml": "text/xml" };


/** The first screen's controls, by test id. */
const CONTROLS = ["lang-toggle", "step-bloc", "step-start", "step-scoring", "step-voting", "step-nomination", "bloc-loading", "bloc-name", "bloc-province", "bloc-year", "bloc-save", "bloc-reload"];

let server: Server | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  // The add-in's production build (package.json "build"), into this test's own folder.
  const built = spawnSync(process.execPath, [resolve(ROOT, "node_modules/webpack-cli/bin/cli.js"), "--mode", "production", "--output-path", out], { cwd: ROOT, encoding: "utf8" });
  if (built.status !== 0) throw new Error(`npm run build failed:\n${(built.stdout + built.stderr).slice(-3000)}`);
  server = createServer((req, res) => {
    const file = join(out, decodeURIComponent(new URL(req.url ?? "/", base).pathname));
    if (!file.startsWith(out) || !existsSync(file) || !statSync(file).isFile()) return void res.writeHead(404).end();
    res.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok) => server!.listen(PORT, "localhost", ok));
  browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"] });
}, 400_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((ok) => (server ? server.close(ok) : ok(undefined)));
  rmSync(work, { recursive: true, force: true });
});

type Box = { id: string; x: number; y: number; w: number; h: number; disabled: boolean | null; text: string };

const boxes = (page: Page): Promise<Box[]> =>
  page.evaluate((ids) => {
    return ids.map((id) => {
      const el = document.querySelector(`#root [data-testid="${id}"]`) as HTMLElement | null;
      if (!el) return { id, x: -1, y: -1, w: 0, h: 0, disabled: null, text: "" };
      const r = el.getBoundingClientRect();
      const disabled = el instanceof HTMLInputElement || el instanceof HTMLButtonElement ? el.disabled : null;
      return { id, x: Math.round(r.x), y: Math.round(r.y), w: Math.round(r.width), h: Math.round(r.height), disabled, text: (el.textContent ?? "").trim() };
    });
  }, CONTROLS);

async function open(withBundle: boolean): Promise<{ page: Page; errors: string[]; outside: string[] }> {
  const context = await browser!.newContext({ viewport: { width: 320, height: 700 }, locale: "vi-VN" });
  const errors: string[] = [];
  const outside: string[] = [];
  await context.route(CDN, (route) => route.fulfill({ status: 200, contentType: "text/javascript", body: OFFICE_STUB }));
  await context.route(/\.js(\?.*)?$/, (route) => (route.request().url() === CDN || withBundle ? route.fallback() : route.abort()));
  const page = await context.newPage();
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("request", (r) => {
    const u = new URL(r.url());
    if (r.url() !== CDN && u.hostname !== "localhost") outside.push(r.url());
  });
  await page.goto(`${base}/taskpane.html`);
  return { page, errors, outside };
}

test("the page alone shows the read-only form; React takes it over with every control in the same place", async () => {
  const alone = await open(false);
  await alone.page.waitForLoadState("load");
  const before = await boxes(alone.page);
  // The form is there without the bundle: every control visible, the fields and save/reload disabled.
  expect(before.filter((b) => b.w === 0 || b.h === 0).map((b) => b.id)).toEqual([]);
  expect(before.filter((b) => ["bloc-name", "bloc-province", "bloc-year", "bloc-save", "bloc-reload"].includes(b.id)).every((b) => b.disabled === true)).toBe(true);
  expect(before.find((b) => b.id === "bloc-loading")?.text).toBe("Đang đọc bảng tính…");
  await alone.page.context().close();

  const live = await open(true);
  await live.page.waitForSelector('#root [class*="fui-FluentProvider_r_"]', { timeout: 60_000 });
  const after = await boxes(live.page);
  expect(after).toEqual(before);
  const css = await live.page.evaluate(() => ({
    copies: document.querySelectorAll("style[data-make-styles-rehydration]").length,
    paneSheets: document.querySelectorAll("#bx-pane-css").length,
    buckets: document.querySelectorAll("style[data-make-styles-bucket]").length,
  }));
  expect(css).toEqual({ copies: 0, paneSheets: 1, buckets: css.buckets });
  expect(css.buckets).toBeGreaterThan(2);
  // The lower part of the form joins after the first frame, below the fields, in the room kept for it.
  await live.page.getByText("Đơn vị thành viên").waitFor();
  expect(await boxes(live.page)).toEqual(before);
  expect(live.errors).toEqual([]);
  expect(live.outside).toEqual([]);
  await live.page.context().close();
}, 120_000);
