/**
 * The build's manifest and office.js wiring (webpack.config.js read as data), and the guard
 * that keeps HyperFormula, src/host/ and (up front) ExcelJS out of the add-in's bundle, run on
 * a small throw-away project.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import webpack from "webpack";
import { ROOT } from "./manifestChecks";

/* eslint-disable @typescript-eslint/no-require-imports */
const configModule = require("../../webpack.config.js") as {
  (env: Record<string, unknown>, argv: { mode: string }): Promise<webpack.Configuration>;
  AddinBundleGuardPlugin: new (options?: { entry?: string; root?: string }) => webpack.WebpackPluginInstance;
};
/* eslint-enable @typescript-eslint/no-require-imports */

const CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_DIST = path.join(ROOT, "node_modules", "@microsoft", "office-js", "dist");

type AnyPlugin = { constructor: { name: string }; userOptions?: Record<string, unknown>; patterns?: Record<string, unknown>[] };

async function config(mode: "production" | "development", prodUrl?: string, env: Record<string, unknown> = {}) {
  const saved = process.env.ADDIN_PROD_URL;
  if (prodUrl === undefined) delete process.env.ADDIN_PROD_URL;
  else process.env.ADDIN_PROD_URL = prodUrl;
  try {
    return await configModule({ WEBPACK_BUNDLE: true, ...env }, { mode });
  } finally {
    if (saved === undefined) delete process.env.ADDIN_PROD_URL;
    else process.env.ADDIN_PROD_URL = saved;
  }
}

function plugins(c: webpack.Configuration): AnyPlugin[] {
  return (c.plugins ?? []) as unknown as AnyPlugin[];
}

function html(c: webpack.Configuration, filename: string) {
  const p = plugins(c).find((x) => x.constructor.name === "HtmlWebpackPlugin" && x.userOptions?.filename === filename);
  if (!p) throw new Error(`no HtmlWebpackPlugin for ${filename}`);
  return p.userOptions as { template: string; chunks: string[]; templateParameters: { officeJsUrl: string } };
}

function copyPattern(c: webpack.Configuration, from: string) {
  const copy = plugins(c).find((x) => x.constructor.name === "CopyPlugin");
  const pattern = copy?.patterns?.find((p) => p.from === from);
  if (!pattern) throw new Error(`no copy pattern from ${from}`);
  return pattern as { to: string; info?: { minimized?: boolean }; transform?: { transformer: (b: Buffer, abs: string) => Buffer | string } };
}

describe("webpack.config.js", () => {
  const manifest = readFileSync(path.join(ROOT, "manifest.xml"));

  test("production dist/ holds only what the add-in loads: the pane (office.js from the CDN), icons, the manifest (issue #14 item 8)", async () => {
    const c = await config("production");
    expect(html(c, "taskpane.html")).toMatchObject({ chunks: ["taskpane"], templateParameters: { officeJsUrl: CDN } });
    expect(() => html(c, "preview.html")).toThrow(/no HtmlWebpackPlugin/);
    expect(Object.keys(c.entry as Record<string, string>)).toEqual(["taskpane"]);
    expect(() => copyPattern(c, OFFICE_DIST)).toThrow(/no copy pattern/);
    expect(copyPattern(c, "manifest.xml").to).toBe("manifest.xml");
    expect((c.output as { path: string }).path).toBe(path.join(ROOT, "dist"));
    expect(c.devtool).toBe(false);
    expect(String((c.output as { filename: string }).filename)).toContain("[contenthash");
  });

  test("the published page (--env page) is the preview alone as index.html, in dist-page/, with its GPL-3.0 licence and no office.js", async () => {
    const c = await config("production", undefined, { page: true });
    expect(Object.keys(c.entry as Record<string, string>)).toEqual(["preview"]);
    expect(html(c, "index.html")).toMatchObject({ chunks: ["preview"] });
    expect(() => html(c, "taskpane.html")).toThrow(/no HtmlWebpackPlugin/);
    expect(() => copyPattern(c, OFFICE_DIST)).toThrow(/no copy pattern/);
    expect(() => copyPattern(c, "manifest.xml")).toThrow(/no copy pattern/);
    expect(copyPattern(c, "src/host/preview/LICENSE-PAGE.txt").to).toBe("LICENSE.txt");
    expect((c.output as { path: string }).path).toBe(path.join(ROOT, "dist-page"));
    expect(plugins(c).some((p) => p.constructor.name === "AddinBundleGuardPlugin")).toBe(false);
  });

  test("development: both pages load the local office.js, with source maps", async () => {
    const c = await config("development");
    expect(html(c, "taskpane.html").templateParameters.officeJsUrl).toBe("office-js/office.js");
    expect(html(c, "preview.html").templateParameters.officeJsUrl).toBe("office-js/office.js");
    expect(c.devtool).toBe("source-map");
  });

  test("in development office.js is copied whole-file and marked minimized so the minimizer skips it", async () => {
    const c = await config("development");
    const office = copyPattern(c, OFFICE_DIST);
    expect(office.to).toBe("office-js");
    expect(office.info).toEqual({ minimized: true });
  });

  test("the manifest copy carries ADDIN_PROD_URL in production, the dev URLs in development", async () => {
    const transform = async (mode: "production" | "development", url?: string) =>
      String(await copyPattern(await config(mode, url), "manifest.xml").transform!.transformer(manifest, "manifest.xml"));

    const byDefault = await transform("production");
    expect(byDefault).not.toMatch(/localhost/);
    expect(byDefault).toContain('"https://binhxet.github.io/addin/taskpane.html"');

    const custom = await transform("production", "https://thidua.example.gov.vn/binh-xet");
    expect(custom).not.toMatch(/localhost/);
    expect(custom).toContain('"https://thidua.example.gov.vn/binh-xet/taskpane.html"');

    expect(await transform("development")).toBe(manifest.toString("utf8"));
  });

  test("a production build with an http or local ADDIN_PROD_URL fails before it starts", async () => {
    await expect(config("production", "http://binhxet.github.io/addin/")).rejects.toThrow(/https/);
    await expect(config("production", "https://localhost:3000/")).rejects.toThrow(/local host/);
  });

  test("the taskpane entry is guarded", async () => {
    const c = await config("production");
    const guard = plugins(c).find((p) => p.constructor.name === "AddinBundleGuardPlugin") as unknown as { entry: string } | undefined;
    expect(guard?.entry).toBe("taskpane");
  });
});

describe("AddinBundleGuardPlugin", () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "binhxet-guard-"));
    const files: Record<string, string> = {
      "node_modules/hyperformula/package.json": '{"name":"hyperformula","main":"index.js"}',
      "node_modules/hyperformula/index.js": "export const HyperFormula = { name: 'hf' };",
      "node_modules/exceljs/package.json": '{"name":"exceljs","main":"index.js"}',
      "node_modules/exceljs/index.js": "export const Workbook = function Workbook() {};",
      "node_modules/zod/package.json": '{"name":"zod","main":"index.js"}',
      "node_modules/zod/index.js": "export const z = { string: () => 'schema' };",
      "node_modules/stylis/package.json": '{"name":"stylis","main":"index.js"}',
      "node_modules/stylis/index.js": "export const compile = (css) => [css];",
      "node_modules/rtl-css-js/package.json": '{"name":"rtl-css-js","main":"index.js"}',
      "node_modules/rtl-css-js/index.js": "export default (style) => style;",
      "src/domain/codes/index.js": "export const raise = (code) => ({ code, message: { vi: 'lỗi', en: 'error' } });",
      "src/host/memoryHost.js": "import { HyperFormula } from 'hyperformula'; export const host = { hf: HyperFormula };",
      "src/app/useCase.js": "export const run = () => 1;",
      "src/host/paneOnly.js": "export const fake = () => 'only the pane imports me';",
      "src/app/viaHost.js": "export { host } from '../host/memoryHost.js';",
      "src/preview/index.js": "import { host } from '../host/memoryHost.js'; import { run } from '../app/useCase.js'; console.log(host, run());",
    };
    for (const [rel, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      writeFileSync(path.join(dir, rel), text);
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Builds the throw-away project with the given taskpane source; returns the error messages. */
  async function build(taskpane: string, mode: "production" | "development" = "production", extra: webpack.Configuration = {}) {
    const name = `taskpane-${Math.random().toString(36).slice(2)}.js`;
    writeFileSync(path.join(dir, "src", name), taskpane);
    const compiler = webpack({
      mode,
      context: dir,
      devtool: false,
      entry: { taskpane: `./src/${name}`, preview: "./src/preview/index.js" },
      output: { path: path.join(dir, "dist", name), clean: true },
      plugins: [new configModule.AddinBundleGuardPlugin({ entry: "taskpane", root: dir })],
      infrastructureLogging: { level: "error" },
      ...extra,
    });
    const stats = await new Promise<webpack.Stats>((resolve, reject) =>
      compiler.run((err, s) => (err ? reject(err) : s ? resolve(s) : reject(new Error("no stats")))),
    );
    await new Promise((r) => compiler.close(r));
    return stats.compilation.errors.map((e) => e.message);
  }

  test("a clean pane builds, while the preview may use the host and HyperFormula", async () => {
    expect(await build("import { run } from './app/useCase.js'; console.log(run());")).toEqual([]);
  });

  test.each(["production", "development"] as const)("a static import of src/host/ fails the %s build, naming the chain", async (mode) => {
    const errors = await build("import { host } from './app/viaHost.js'; console.log(host);", mode);
    expect(errors).toHaveLength(2);
    expect(errors.join("\n")).toContain("src/host/ (the in-memory Excel host");
    expect(errors.join("\n")).toMatch(/src\/host\/memoryHost\.js\n\s+imported via src\/taskpane-\w+\.js -> src\/app\/viaHost\.js -> src\/host\/memoryHost\.js/);
    expect(errors.join("\n")).toContain("HyperFormula");
  });

  test("a host module concatenated into the pane's own module (scope hoisting) is still found", async () => {
    const errors = await build("import { fake } from './host/paneOnly.js'; console.log(fake());", "production");
    expect(errors).toEqual([expect.stringMatching(/must not contain src\/host\/[\s\S]*src\/host\/paneOnly\.js\n\s+imported via src\/taskpane-\w+\.js -> src\/host\/paneOnly\.js/)]);
  });

  test("a dynamic import of HyperFormula fails too (it may not be in any chunk of the pane)", async () => {
    const errors = await build("import('hyperformula').then((m) => console.log(m));");
    expect(errors).toEqual([expect.stringContaining("must not contain HyperFormula")]);
  });

  test("ExcelJS is refused in the initial chunks but allowed through import()", async () => {
    const stat = await build("import { Workbook } from 'exceljs'; console.log(Workbook);");
    expect(stat).toEqual([expect.stringContaining("ExcelJS in the initial chunks")]);
    expect(await build("import('exceljs').then((m) => console.log(m.Workbook));")).toEqual([]);
  });

  // Issue #14 "Lighter and faster": the first screen carries neither zod (25 KB gzip) nor the
  // issue catalogue's texts (~17 KB gzip); both load with import() after the first render. Nor
  // Griffel's runtime style engine (makeStyles' stylis and rtl-css-js, ~8 KB gzip, and the CPU to
  // compile rules at first render): the first screen's CSS is a static sheet (src/taskpane/paneCss.ts).
  test.each([
    ["zod", "import { z } from 'zod'; console.log(z);", "import('zod').then((m) => console.log(m.z));", "zod in the initial chunks"],
    ["stylis (makeStyles' runtime)", "import { compile } from 'stylis'; console.log(compile('a{}'));", "import('stylis').then((m) => console.log(m.compile('a{}')));", "Griffel's runtime style engine"],
    ["rtl-css-js (makeStyles' runtime)", "import rtl from 'rtl-css-js'; console.log(rtl({}));", "import('rtl-css-js').then((m) => console.log(m.default({})));", "Griffel's runtime style engine"],
    ["the issue catalogue", "import { raise } from './domain/codes/index.js'; console.log(raise(1));", "import('./domain/codes/index.js').then((m) => console.log(m.raise(1)));", "src/domain/codes/ (the issue catalogue) in the initial chunks"],
  ])("%s is refused in the initial chunks but allowed through import()", async (_what, staticImport, dynamicImport, label) => {
    expect(await build(staticImport)).toEqual([expect.stringContaining(label)]);
    expect(await build(dynamicImport)).toEqual([]);
  });

  // The development build (the preview, `npm start`, the e2e tests) does not shake the Fluent
  // barrel, whose Griffel rehydration imports stylis: refusing it there broke the dev server (its
  // error overlay covered the pane). The style-engine rule holds for production builds only.
  test("the style engine is refused in production's initial chunks only, not in a development build", async () => {
    const staticImport = "import { compile } from 'stylis'; console.log(compile('a{}'));";
    expect(await build(staticImport, "production")).toEqual([expect.stringContaining("Griffel's runtime style engine")]);
    expect(await build(staticImport, "development")).toEqual([]);
  });

  test("a split chunk that drags preview-only modules into the pane's initial load is caught", async () => {
    const errors = await build("import { run } from './app/useCase.js'; console.log(run());", "production", {
      optimization: { splitChunks: { chunks: "all", minSize: 0, cacheGroups: { shared: { name: "shared", test: /[\\/]src[\\/]|node_modules/, enforce: true } } } },
    });
    expect(errors.join("\n")).toContain("must not contain src/host/");
  });
});
