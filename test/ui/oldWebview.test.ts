/**
 * The pane's old-webview guard: the inline ES5 script in src/taskpane/taskpane.html that, in a webview
 * which cannot parse the bundle (Trident/IE11, EdgeHTML/legacy Edge, or anything failing the syntax
 * probe), replaces the pane with a message in Vietnamese and English instead of leaving it blank.
 *
 * Sources (office-js-docs-pr; both pages were rewritten or removed by commit 7f459a0c0 when Office
 * 2016/2019 left support, so they are read at its parent):
 *   docs/develop/support-ie-11.md                         (detect Trident/EdgeHTML by user agent, show a message)
 *   docs/concepts/browsers-used-by-office-web-add-ins.md  (which Office versions use which webview)
 *
 * The page is checked both as written (development serves it unminified) and as the production build
 * emits it: webpack.config.js in production mode, run on a one-line stand-in entry, so the template
 * parameter, the injected bundle tags and whatever minifiers the config leaves on are the real ones.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "acorn";
import { JSDOM, VirtualConsole } from "jsdom";
import webpack from "webpack";

/* eslint-disable @typescript-eslint/no-require-imports */
const configModule = require("../../webpack.config.js") as (
  env: Record<string, unknown>,
  argv: { mode: string },
) => Promise<webpack.Configuration>;
/* eslint-enable @typescript-eslint/no-require-imports */

const ROOT = path.resolve(__dirname, "..", "..");
const TEMPLATE = readFileSync(path.join(ROOT, "src", "taskpane", "taskpane.html"), "utf8");
const CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/** User agents. Trident's "Trident/7.0; … rv:11.0" and Chromium Edge's "Edg/" (no final "e"): docs/develop/support-ie-11.md. */
const UA = {
  ie11: "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; rv:11.0) like Gecko",
  edgeHtml:
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19045",
  webView2:
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/138.0.0.0 Safari/537.36 Edg/138.0.3351.83",
  macWkWebView: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)",
};

let builtDir: string;
let built: string;

/** `npx webpack --mode production`, with a stand-in entry and only the pane's HtmlWebpackPlugin. */
async function buildProductionHtml(): Promise<string> {
  builtDir = mkdtempSync(path.join(os.tmpdir(), "binhxet-oldwebview-"));
  writeFileSync(path.join(builtDir, "entry.js"), "document.title = document.title;\n");
  const saved = process.env.ADDIN_PROD_URL;
  delete process.env.ADDIN_PROD_URL;
  let config: webpack.Configuration;
  try {
    config = await configModule({ WEBPACK_BUNDLE: true }, { mode: "production" });
  } finally {
    if (saved !== undefined) process.env.ADDIN_PROD_URL = saved;
  }
  const compiler = webpack({
    ...config,
    entry: { taskpane: path.join(builtDir, "entry.js") },
    output: { ...config.output, path: path.join(builtDir, "dist") },
    plugins: (config.plugins ?? []).filter(
      (p) => p?.constructor.name === "HtmlWebpackPlugin" && (p as { userOptions?: { filename?: string } }).userOptions?.filename === "taskpane.html",
    ),
    infrastructureLogging: { level: "error" },
  });
  const stats = await new Promise<webpack.Stats>((resolve, reject) =>
    compiler.run((err, s) => (err ? reject(err) : s ? resolve(s) : reject(new Error("no stats")))),
  );
  await new Promise((r) => compiler.close(r));
  expect(stats.compilation.errors.map((e) => e.message)).toEqual([]);
  return readFileSync(path.join(builtDir, "dist", "taskpane.html"), "utf8");
}

beforeAll(async () => {
  built = await buildProductionHtml();
}, 120_000);
afterAll(() => rmSync(builtDir, { recursive: true, force: true }));

/** What the production build writes to dist/taskpane.html. */
async function productionHtml(): Promise<string> {
  return built;
}

/** The page as written, with the template parameter filled (development serves it unminified). */
function sourceHtml(): string {
  return TEMPLATE.replace("<%= officeJsUrl %>", "office-js/office.js").replace(/<%= firstScreen(Head|Body) %>/g, "");
}

function inlineScripts(html: string): string[] {
  const { document } = new JSDOM(html).window;
  return [...document.querySelectorAll("script:not([src])")].map((s) => s.textContent ?? "");
}

/**
 * Stands in for src/taskpane/index.tsx, which renders into #root and does nothing when there is none.
 * It runs after the guard, as the deferred bundle does.
 */
const FAKE_BUNDLE =
  '<script>var r = document.getElementById("root"); if (r) { r.setAttribute("data-rendered", "yes"); r.textContent = "APP"; }</script>';

type Loaded = { window: Window & { Office: { initialize?: unknown } }; document: Document; errors: string[] };

/** Loads the page in jsdom with the given user agent, running its inline scripts (external ones are not fetched). */
function load(html: string, userAgent: string, before?: (w: Window & Record<string, unknown>) => void): Loaded {
  const errors: string[] = [];
  const virtualConsole = new VirtualConsole();
  virtualConsole.on("jsdomError", (e) => errors.push(String(e.message)));
  const dom = new JSDOM(html.replace("</body>", `${FAKE_BUNDLE}</body>`), {
    runScripts: "dangerously",
    virtualConsole,
    beforeParse(window) {
      Object.defineProperty(window.navigator, "userAgent", { value: userAgent, configurable: true });
      (window as unknown as Record<string, unknown>).Office = {};
      before?.(window as unknown as Window & Record<string, unknown>);
    },
  });
  return { window: dom.window as unknown as Loaded["window"], document: dom.window.document, errors };
}

function expectMessage({ document, window, errors }: Loaded) {
  expect(errors).toEqual([]);
  // The bundle's root is gone, so nothing renders into it.
  expect(document.getElementById("root")).toBeNull();
  expect(document.querySelector("[data-rendered]")).toBeNull();

  const box = document.getElementById("old-webview");
  expect(box).not.toBeNull();
  expect(box!.getAttribute("role")).toBe("alert");
  const vi = box!.querySelector('[lang="vi"]');
  const en = box!.querySelector('[lang="en"]');
  expect(vi).not.toBeNull();
  expect(en).not.toBeNull();
  // Vietnamese first, then English.
  expect(vi!.compareDocumentPosition(en!) & vi!.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

  const viText = vi!.textContent ?? "";
  expect(viText).toContain("Phiên bản Excel này không chạy được ngăn Bình xét");
  expect(viText).toContain("Internet Explorer 11");
  expect(viText).toContain("Excel trên web");
  expect(viText).toContain("Microsoft 365 trên Windows hoặc Mac");
  expect(viText).toContain("Excel 2021 trở lên");
  expect(viText).toContain("Microsoft Edge WebView2 Runtime");
  expect(viText).toContain("bảng tính vẫn dùng được trong mọi phiên bản Excel");
  expect(viText).toContain("ô nền vàng trên trang chấm điểm");
  expect(viText).toContain("docs/huong-dan.md");

  const enText = en!.textContent ?? "";
  expect(enText).toContain("This version of Excel cannot run the Bình xét pane");
  expect(enText).toContain("Internet Explorer 11");
  expect(enText).toContain("Excel on the web");
  expect(enText).toContain("Microsoft 365 on Windows or Mac");
  expect(enText).toContain("Excel 2021 or later");
  expect(enText).toContain("Microsoft Edge WebView2 Runtime");
  expect(enText).toContain("the workbook still works in any Excel");
  expect(enText).toContain("yellow cells of each unit's score sheet");
  expect(enText).toContain("docs/huong-dan.md");

  // Office is told the add-in initialised, so hosts that wait for it still show the pane
  // (docs/develop/initialize-add-in.md).
  expect(typeof window.Office.initialize).toBe("function");
}

function expectUntouched({ document, window, errors }: Loaded) {
  expect(errors).toEqual([]);
  expect(document.getElementById("old-webview")).toBeNull();
  expect(document.getElementById("root")?.getAttribute("data-rendered")).toBe("yes");
  expect(window.Office.initialize).toBeUndefined();
  expect(window.onerror).toBeNull();
}

/** Every `new Function("…")` string in a script: the syntax probe. */
function probes(code: string): string[] {
  const found: string[] = [];
  const walk = (node: unknown): void => {
    if (!node || typeof node !== "object") return;
    const n = node as { type?: string; callee?: { type: string; name?: string }; arguments?: { type: string; value?: unknown }[] };
    if (n.type === "NewExpression" && n.callee?.type === "Identifier" && n.callee.name === "Function") {
      const arg = n.arguments?.[0];
      if (arg?.type === "Literal" && typeof arg.value === "string") found.push(arg.value);
    }
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === "object") walk(value);
    }
  };
  walk(parse(code, { ecmaVersion: 5, sourceType: "script" }));
  return found;
}

describe("old-webview guard in taskpane.html", () => {
  // Source: docs/develop/support-ie-11.md ("Trident+ doesn't support JavaScript versions later than ES5").
  test("the page has one inline script and it is strict ES5, as written and as built", async () => {
    for (const html of [sourceHtml(), await productionHtml()]) {
      const scripts = inlineScripts(html);
      expect(scripts).toHaveLength(1);
      expect(() => parse(scripts[0], { ecmaVersion: 5, sourceType: "script" })).not.toThrow();
    }
    // The parser really refuses ES2015+ at ecmaVersion 5.
    for (const later of ["let a = 1;", "const a = 1;", "var f = () => 1;", "var s = `x`;", "class A {}", "var { a } = b;", "for (var x of y) {}"]) {
      expect(() => parse(later, { ecmaVersion: 5, sourceType: "script" })).toThrow();
    }
  });

  // Source: docs/develop/support-ie-11.md ("This JavaScript should be as early in the add-in startup process as possible").
  test("the production build keeps the script as written and loads the bundle deferred, after it", async () => {
    const source = inlineScripts(sourceHtml())[0];
    const html = await productionHtml();
    // HtmlWebpackPlugin's minifier only trims the script's leading and trailing whitespace; webpack's
    // own HTML minimizer (terser at the bundle's ecma level) is off in webpack.config.js.
    expect(inlineScripts(html)[0]).toBe(source.trim());
    const { document } = new JSDOM(html).window;
    const external = [...document.querySelectorAll("script[src]")];
    expect(external[0].getAttribute("src")).toBe(CDN);
    expect(external.length).toBeGreaterThan(1);
    // office.js loads first (the guard may set Office.initialize); the bundle only after parsing.
    expect(external[0].hasAttribute("defer")).toBe(false);
    for (const s of external.slice(1)) {
      expect(s.getAttribute("src")).toMatch(/^taskpane\.[0-9a-f]+\.js$/);
      expect(s.hasAttribute("defer")).toBe(true);
    }
  });

  // Source: docs/develop/support-ie-11.md (the bundle's syntax must be probed, not assumed) and the built
  // vendor chunk, which carries class static blocks and ??= untranspiled: the probe is ES2022 syntax.
  test("the syntax probe needs ES2022, and modern engines compile it", async () => {
    const [probe] = probes(inlineScripts(sourceHtml())[0]);
    expect(probe).toBeDefined();
    expect(() => parse(probe, { ecmaVersion: 2022, sourceType: "script" })).not.toThrow();
    expect(() => parse(probe, { ecmaVersion: 2021, sourceType: "script" })).toThrow();
    expect(() => new Function(probe)).not.toThrow();
  });

  describe.each([
    ["as written", async () => sourceHtml()],
    ["as built by webpack (production)", productionHtml],
  ])("%s", (_label, html) => {
    // Source: docs/develop/support-ie-11.md (Trident: show "This add-in won't run in your version of Office").
    test("IE11 (Trident) gets the message, in Vietnamese then English, and the pane is not rendered", async () => {
      expectMessage(load(await html(), UA.ie11));
    });

    // Source: docs/develop/support-ie-11.md (EdgeHTML: userAgent contains "Edge").
    test("legacy Edge (EdgeHTML) gets the message", async () => {
      expectMessage(load(await html(), UA.edgeHtml));
    });

    // Source: docs/concepts/browsers-used-by-office-web-add-ins.md (WebView2 on Windows, WKWebView on Mac);
    // docs/develop/support-ie-11.md (Chromium Edge reports "Edg/", not "Edge").
    test("WebView2 and WKWebView leave the page alone", async () => {
      expectUntouched(load(await html(), UA.webView2));
      expectUntouched(load(await html(), UA.macWkWebView));
    });

    // Source: docs/develop/support-ie-11.md (prefer feature detection to the user agent).
    test("a webview with a modern user agent that cannot parse the bundle's syntax gets the message", async () => {
      const loaded = load(await html(), UA.macWkWebView, (w) => {
        const SyntaxErrorOfPage = w.SyntaxError as SyntaxErrorConstructor;
        w.Function = function () {
          throw new SyntaxErrorOfPage("Unexpected token '{'");
        };
      });
      expectMessage(loaded);
    });

    // Source: docs/develop/support-ie-11.md (only a webview that cannot run the add-in gets the message).
    test("a page policy that forbids new Function (EvalError) does not hide the pane", async () => {
      const loaded = load(await html(), UA.webView2, (w) => {
        const EvalErrorOfPage = w.EvalError as EvalErrorConstructor;
        w.Function = function () {
          throw new EvalErrorOfPage("Refused to evaluate a string as JavaScript");
        };
      });
      expectUntouched(loaded);
    });
  });
});

// Issue #14 "controls painted": the production page paints the pane's first frame before its bundle
// loads (src/taskpane/firstScreen.tsx, rendered by webpack.config.js; test/ui/firstScreen.test.tsx
// holds that it is the pane's own first frame). Development serves the page without it.
test("the production page carries the pane's first screen in #root and its CSS in the head; an old webview sees none of it", async () => {
  const html = await productionHtml();
  const { document } = new JSDOM(html).window;
  const root = document.getElementById("root")!;
  expect([...root.querySelectorAll("input")].map((i) => [i.getAttribute("data-testid"), i.disabled])).toEqual([
    ["bloc-name", true],
    ["bloc-province", true],
    ["bloc-year", true],
  ]);
  expect(root.querySelector('[data-testid="bloc-save"]')?.hasAttribute("disabled")).toBe(true);
  expect(root.querySelectorAll("script")).toHaveLength(0);
  expect(document.head.querySelector("style#bx-pane-css")).not.toBeNull();
  expect(document.head.querySelectorAll("style[data-make-styles-rehydration]").length).toBeGreaterThan(2);
  expect(sourceHtml()).not.toMatch(/<%|fui-Input/);

  const ie = load(html, UA.ie11);
  expect(ie.document.getElementById("root")).toBeNull();
  expect(ie.document.querySelector("input")).toBeNull();
  expect(ie.document.getElementById("old-webview")).not.toBeNull();
});
