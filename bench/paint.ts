/**
 * The pane's weight and first paint beside a minimal pane (issue #14 "Lighter and faster"): figures,
 * never pass/fail.
 * - Initial JavaScript (gzip -9) of the production taskpane.html (dist/, `npm run build`) and of the
 *   minimal React 19 + Fluent v9 pane in bench/minimal/, built here with the add-in's own webpack
 *   settings (swc, splitChunks, production) into bench/out/minimal/.
 * - "Controls painted": ms from navigation to the first animation frame in which the pane shows a
 *   visible text input and a visible button, in headless Chromium with a 4× CPU throttle (CDP
 *   Emulation.setCPUThrottlingRate), median of RUNS loads, alternating the two panes (after one
 *   uncounted load of each), with the main-thread task time until then beside it. The production
 *   page carries the pane's first frame, prerendered (src/taskpane/firstScreen.tsx). office.js is
 *   answered by a stub: Office.onReady fires at once; Excel.run never settles (the workbook read is
 *   still in flight), so what is timed is what the pane paints before the read returns.
 */
import { spawnSync } from "node:child_process";
import { createReadStream, existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { extname, join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium, type Browser } from "playwright-core";

const ROOT = resolve(__dirname, "..");
const DIST = join(ROOT, "dist");
const MINIMAL = join(ROOT, "bench", "out", "minimal");
const CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const RUNS = Number(process.env.BENCH_PAINT_RUNS ?? 15);
const THROTTLE = 4;

/** office.js as the bench answers it: Office ready at once, in Excel, Vietnamese; every Excel.run pending. */
export const OFFICE_STUB = `
window.Office = {
  onReady: function (cb) { var info = { host: "Excel", platform: "OfficeOnline" }; if (cb) setTimeout(function () { cb(info); }, 0); return Promise.resolve(info); },
  context: { displayLanguage: "vi-VN", requirements: { isSetSupported: function () { return true; } } },
  HostType: { Excel: "Excel" },
};
window.Excel = { run: function () { return new Promise(function () {}); } };
`;

/**
 * Marks the first frame with a visible input and button under #root (window.__painted, ms since
 * navigation), and the first frame after React's own tree is in #root (window.__live: a
 * FluentProvider whose class carries a client-side React id, "_r_"; the prerendered one has "_R_").
 */
const PAINT_PROBE = `
(function () {
  function visible(el) { var r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; }
  function check() {
    var root = document.getElementById("root");
    if (!root) return false;
    var input = Array.prototype.some.call(root.querySelectorAll("input:not([type=file]):not([type=checkbox]):not([type=radio]), textarea"), visible);
    var button = Array.prototype.some.call(root.querySelectorAll("button"), visible);
    return input && button;
  }
  function frame() {
    if (window.__painted) return;
    if (check()) { requestAnimationFrame(function () { window.__painted = performance.now(); performance.mark("bx-painted"); }); return; }
    requestAnimationFrame(frame);
  }
  function live() {
    if (window.__live) return;
    var root = document.getElementById("root");
    if (root && root.querySelector('[class*="fui-FluentProvider_r_"]')) { window.__live = performance.now(); return; }
    requestAnimationFrame(live);
  }
  requestAnimationFrame(frame);
  requestAnimationFrame(live);
})();
`;

export interface PaintFigures {
  lines: string[];
}

/** The minimal pane, built with the add-in's webpack settings. */
function buildMinimal(): void {
  const r = spawnSync(process.execPath, [join(ROOT, "node_modules/webpack-cli/bin/cli.js"), "--config", join(ROOT, "bench/minimal/webpack.config.js"), "--mode", "production"], { cwd: ROOT, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`minimal pane build failed:\n${(r.stdout + r.stderr).slice(-2000)}`);
}

/** Initial scripts of an HTML page (production HTML is minified: attribute values may lack quotes), gzip -9. */
export function initialScripts(dir: string, htmlName: string): { files: [string, number, number][]; raw: number; gzip: number } {
  const html = readFileSync(join(dir, htmlName), "utf8");
  const srcs = [...html.matchAll(/<script[^>]*\ssrc=(?:"([^"]+)"|'([^']+)'|([^\s>]+))/g)].map((m) => m[1] ?? m[2] ?? m[3]).filter((s) => !/^https?:/.test(s));
  const files: [string, number, number][] = srcs.map((s) => {
    const buf = readFileSync(join(dir, s.replace(/^\//, "")));
    return [s, buf.length, gzipSync(buf, { level: 9 }).length];
  });
  return { files, raw: files.reduce((a, f) => a + f[1], 0), gzip: files.reduce((a, f) => a + f[2], 0) };
}

function serve(dir: string): Promise<{ server: Server; base: string }> {
  const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".png": "image/png" };
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    const file = join(dir, path);
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) return void res.writeHead(404).end();
    res.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(res);
  });
  return new Promise((ok) => server.listen(0, "127.0.0.1", () => ok({ server, base: `http://127.0.0.1:${(server.address() as { port: number }).port}` })));
}

/** The f-quantile of the finite values (nearest rank); NaN when there are none. */
const quantile = (xs: number[], f: number) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(f * s.length))] : NaN;
};
const median = (xs: number[]) => quantile(xs, 0.5);

type Pane = "pane" | "minimal";
/** One load: ms from navigation to the frame with the controls, and the page's main-thread task time until then. */
interface Load {
  painted: number;
  busy: number;
  /** ms to the first frame with React's tree in #root: the live pane. */
  live: number;
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
}

/**
 * The renderer main thread's task time (ms) from the page's time origin to its "bx-painted" mark: the
 * union of its top-level tasks (toplevel ThreadControllerImpl::RunTask). Wall time between tasks
 * (waiting for the server, for a frame, or for a CPU the machine gives to something else) is left out,
 * so this figure moves less with the machine's load than the time to paint does.
 */
export function busyUntilPainted(events: TraceEvent[], paintedMs: number): number {
  const mark = events.find((e) => e.name === "bx-painted");
  if (!mark || !Number.isFinite(paintedMs)) return NaN;
  const from = mark.ts - paintedMs * 1000;
  const spans = events
    .filter((e) => e.pid === mark.pid && e.tid === mark.tid && e.ph === "X" && e.name === "ThreadControllerImpl::RunTask" && e.dur !== undefined)
    .map((e) => [Math.max(e.ts, from), Math.min(e.ts + (e.dur ?? 0), mark.ts)] as const)
    .filter(([s, e]) => e > s)
    .sort((x, y) => x[0] - y[0]);
  let total = 0;
  let end = -Infinity;
  for (const [s, e] of spans) {
    if (e <= end) continue;
    total += e - Math.max(s, end);
    end = e;
  }
  return total / 1000;
}

/** Loads one pane in a fresh context (320 px, vi-VN, office.js stubbed, 4× CPU throttle), traced until its controls paint. */
async function load(browser: Browser, url: string): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 320, height: 700 }, locale: "vi-VN" });
  try {
    await context.route(CDN, (route) => route.fulfill({ status: 200, contentType: "text/javascript", body: OFFICE_STUB }));
    await context.addInitScript(PAINT_PROBE);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: THROTTLE });
    await browser.startTracing(page, { categories: ["toplevel", "blink.user_timing"] });
    const painted = await page
      .goto(url)
      .then(() => page.waitForFunction(() => (window as unknown as { __painted?: number }).__painted, null, { timeout: 20_000 }))
      .then((h) => h.jsonValue() as Promise<number>)
      .catch(() => NaN);
    const live = await page
      .waitForFunction(() => (window as unknown as { __live?: number }).__live, null, { timeout: 20_000 })
      .then((h) => h.jsonValue() as Promise<number>)
      .catch(() => NaN);
    const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
    return { painted, busy: busyUntilPainted(trace.traceEvents, painted), live };
  } finally {
    await context.close();
  }
}

const ms = (x: number) => (Number.isNaN(x) ? "—" : x.toFixed(0));

/** The figures' lines: medians of each pane, their ratio, and the ratio's spread over the pairs. */
function paintLines(loads: Record<Pane, Load[]>): string[] {
  const lines: string[] = [];
  const n = loads.pane.length;
  const row = (label: string, key: keyof Load) => {
    const p = median(loads.pane.map((l) => l[key]));
    const m = median(loads.minimal.map((l) => l[key]));
    const pairs = loads.pane.map((l, i) => l[key] / loads.minimal[i][key]).filter((r) => !Number.isNaN(r));
    const q = (f: number) => quantile(pairs, f).toFixed(2);
    lines.push(`\n${label}, ${THROTTLE}× CPU throttle, 320 px, median of ${n} loads each (pairs in alternating order, after one uncounted load of each):\n`);
    lines.push(`  pane    ${Number.isNaN(p) ? "not painted within 20 s" : `${ms(p)} ms`}   (loads: ${loads.pane.map((l) => ms(l[key])).join(", ")})`);
    lines.push(`  minimal ${ms(m)} ms   (loads: ${loads.minimal.map((l) => ms(l[key])).join(", ")})`);
    return { p, m, spread: pairs.length ? `pair by pair: median ${q(0.5)}, middle half ${q(0.25)}–${q(0.75)}` : "" };
  };
  const painted = row("Controls painted (ms from navigation to the first frame with a visible input and button; Excel.run pending)", "painted");
  lines.push(`  ratio   ${Number.isNaN(painted.p) ? "— (the pane paints no control before the workbook read returns)" : (painted.p / painted.m).toFixed(2)} (goal ≤ 1.05; ${painted.spread})`);
  const busy = row("Main-thread task time until the controls paint (ms; the same loads, from a Chromium trace: the work, without the waits)", "busy");
  lines.push(`  ratio   ${Number.isNaN(busy.p) ? "—" : (busy.p / busy.m).toFixed(2)} (${busy.spread})`);
  const live = row("The live pane: the first frame with React's own tree in #root (ms; the same loads; on the pane's page it replaces the prerendered first screen)", "live");
  lines.push(`  ratio   ${Number.isNaN(live.p) ? "—" : (live.p / live.m).toFixed(2)} (${live.spread})`);
  return lines;
}

export async function paintFigures(): Promise<string[]> {
  const lines: string[] = [];
  if (!existsSync(join(DIST, "taskpane.html"))) return ["  dist/taskpane.html not found: run `npm run build` first."];
  buildMinimal();
  const pane = initialScripts(DIST, "taskpane.html");
  const minimal = initialScripts(MINIMAL, "index.html");
  const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
  lines.push("The pane's initial JavaScript (production build, gzip -9), beside a minimal React 19 + Fluent v9 pane built the same way:\n");
  lines.push("| file | raw bytes | gzip bytes |", "|---|---:|---:|");
  for (const [f, raw, gz] of pane.files) lines.push(`| ${f} | ${raw} | ${gz} |`);
  lines.push(`| **pane total** | ${pane.raw} | ${pane.gzip} |`, `| minimal pane total | ${minimal.raw} | ${minimal.gzip} |`);
  lines.push(`\n  initial gzip: pane ${kb(pane.gzip)}, minimal ${kb(minimal.gzip)}, difference ${kb(pane.gzip - minimal.gzip)} (goal: pane ≤ 136 KB, within 2 KB of the minimal pane)`);
  const page = readFileSync(join(DIST, "taskpane.html"));
  const minimalPage = readFileSync(join(MINIMAL, "index.html"));
  lines.push(
    `  the page itself: taskpane.html ${page.length} bytes, gzip ${gzipSync(page, { level: 9 }).length} (it carries the first screen's markup and CSS, src/taskpane/firstScreen.tsx); the minimal pane's ${minimalPage.length} bytes`,
  );

  const executablePath = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p)) ?? process.env.CHROMIUM_PATH;
  if (!executablePath) {
    lines.push("  Chromium not found: no paint figures.");
    return lines;
  }
  const [a, b] = await Promise.all([serve(DIST), serve(MINIMAL)]);
  const browser = await chromium.launch({ executablePath, headless: true, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"] });
  const urls = { pane: `${a.base}/taskpane.html`, minimal: `${b.base}/index.html` } as const;
  const loads: Record<Pane, Load[]> = { pane: [], minimal: [] };
  try {
    // One load of each first, not counted (the browser's first pages pay for its own start-up); then
    // pairs in alternating order (pane first, then minimal first), so neither pane is always the one
    // that follows a closing context.
    await load(browser, urls.pane);
    await load(browser, urls.minimal);
    for (let i = 0; i < RUNS; i++) {
      const order: Pane[] = i % 2 === 0 ? ["pane", "minimal"] : ["minimal", "pane"];
      for (const which of order) loads[which].push(await load(browser, urls[which]));
    }
  } finally {
    await browser.close();
    a.server.close();
    b.server.close();
  }
  lines.push(...paintLines(loads));
  return lines;
}

if (require.main === module) {
  paintFigures()
    .then((l) => console.log(l.join("\n")))
    .catch((e) => {
      console.error(e);
      process.exit(1);
    });
}
