/**
 * Build of the Bình xét add-in.
 *
 *   npm start           webpack serve --mode development      https://localhost:3000/{taskpane,preview}.html
 *   npm run build       webpack --mode production             dist/: the add-in only (taskpane.html, its
 *                                                              scripts, icons, manifest.xml with the
 *                                                              production URL); office.js from the CDN
 *   npm run build:page  webpack --mode production --env page  dist-page/: the published page for blocs
 *                                                              whose Excel cannot load add-ins (the
 *                                                              preview as index.html; GPL-3.0, it bundles
 *                                                              HyperFormula); no office.js, no manifest
 *
 * Entries
 *   taskpane  src/taskpane/index.tsx      -> taskpane.html (the add-in; office.js from Microsoft's CDN
 *                                            in production, from the local npm copy in development)
 *   preview   src/host/preview/index.tsx  -> preview.html  (pane + in-memory host; development, and
 *                                            the published page as index.html)
 * Both HTML templates receive the template parameter `officeJsUrl` (use `<%= officeJsUrl %>`).
 *
 * Production URL: env ADDIN_PROD_URL (default https://binhxet.github.io/addin/, normalised to end
 * with "/", https and non-local only); see scripts/manifest-url.js.
 *
 * The add-in's bundle must never carry HyperFormula, anything from src/host/, or (in its initial
 * chunks) ExcelJS: AddinBundleGuardPlugin fails the compilation if it does.
 */
"use strict";

const path = require("node:path");
const webpack = require("webpack");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { toProductionManifest, productionUrlFromEnv } = require("./scripts/manifest-url.js");

const ROOT = __dirname;
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
/** Relative, so it also works when the build is served from a sub-path (…/addin/). */
const OFFICE_JS_LOCAL = "office-js/office.js";
const OFFICE_JS_DIST = path.join(ROOT, "node_modules", "@microsoft", "office-js", "dist");

/**
 * The pane's first frame, rendered at build time (src/taskpane/firstScreen.tsx, run with tsx: it
 * imports the pane's TSX and react-dom/server), for taskpane.html's head and #root: the production
 * page paints the read-only bloc form before its bundle has loaded (issue #14 "controls painted").
 * Computed once per process, when the page is first written; development leaves both empty (a
 * rebuild on every save would pay the ~4 s render).
 */
let firstScreen = null;
function renderFirstScreen() {
  if (firstScreen) return firstScreen;
  const { spawnSync } = require("node:child_process");
  const r = spawnSync(process.execPath, [require.resolve("tsx/cli"), path.join(ROOT, "src", "taskpane", "firstScreen.tsx")], { cwd: ROOT, encoding: "utf8", maxBuffer: 16 << 20 });
  if (r.status !== 0) throw new Error(`rendering the pane's first screen failed (src/taskpane/firstScreen.tsx):\n${(r.stderr || r.stdout || String(r.error)).slice(-2000)}`);
  firstScreen = JSON.parse(r.stdout);
  return firstScreen;
}

/** taskpane.html's template parameters; the first screen's are read (and rendered) only when the page is written. */
function taskpaneParameters(dev) {
  return {
    officeJsUrl: dev ? OFFICE_JS_LOCAL : OFFICE_JS_CDN,
    get firstScreenHead() {
      return dev ? "" : renderFirstScreen().head;
    },
    get firstScreenBody() {
      return dev ? "" : renderFirstScreen().body;
    },
  };
}

/** Forward slashes, so rules read the same on Windows. */
const slash = (p) => p.replace(/\\/g, "/");

/**
 * What the add-in may not contain. `where: "all"` is checked in every chunk the taskpane entry
 * can load (initial and async); `where: "initial"` only in the chunks taskpane.html loads up front,
 * so the pane may still pull the module in later through a dynamic import().
 */
const ADDIN_FORBIDDEN = [
  {
    label: "HyperFormula (test/dev dependency of the in-memory host)",
    where: "all",
    test: ({ abs }) => abs.includes("/node_modules/hyperformula/"),
  },
  {
    label: "src/host/ (the in-memory Excel host and the preview)",
    where: "all",
    test: ({ rel }) => rel.startsWith("src/host/"),
  },
  {
    label: "ExcelJS in the initial chunks (load it with a dynamic import() instead)",
    where: "initial",
    test: ({ abs }) => abs.includes("/node_modules/exceljs/"),
  },
  // Issue #14 "Lighter and faster": the first screen paints the bloc form before anything validates.
  {
    label: "zod in the initial chunks (the steps that validate with it load with import())",
    where: "initial",
    test: ({ abs }) => abs.includes("/node_modules/zod/"),
  },
  // Fluent's own components ship pre-compiled styles; only makeStyles/makeStaticStyles compile rules
  // at run time (stylis, rtl-css-js). The first screen's CSS is a static sheet (src/taskpane/paneCss.ts).
  {
    label: "Griffel's runtime style engine (stylis, rtl-css-js: makeStyles/makeStaticStyles) in the initial chunks (first-screen CSS goes in src/taskpane/paneCss.ts)",
    where: "initial",
    // A development build does not shake the Fluent barrel's unused re-exports (Griffel's rehydration
    // reaches stylis through it): the size goal is the production pane's.
    productionOnly: true,
    test: ({ abs }) => /\/node_modules\/(stylis|rtl-css-js)\//.test(abs),
  },
  {
    label: "src/domain/codes/ (the issue catalogue) in the initial chunks (it loads with the bloc kit, src/taskpane/blocKit.ts)",
    where: "initial",
    test: ({ rel }) => rel.startsWith("src/domain/codes/"),
  },
];

/** The source files a (possibly concatenated) module stands for. */
function moduleResources(module) {
  const inner = Array.isArray(module.modules) ? module.modules : module.rootModule ? [module.rootModule] : [];
  const own = typeof module.resource === "string" ? [module] : [];
  return [...own, ...inner.flatMap(moduleResources)];
}

/**
 * A function giving, for a module, the shortest import chain from the entry to it
 * ("src/taskpane/index.tsx -> src/app/x.ts -> …"), found by a breadth-first walk of the
 * module graph (static and dynamic imports) from the entry's modules.
 */
function importChains(compilation, entryName, root) {
  const { moduleGraph } = compilation;
  const parent = new Map();
  const queue = [];
  for (const dep of compilation.entries.get(entryName)?.dependencies ?? []) {
    const m = moduleGraph.getModule(dep);
    if (m && !parent.has(m)) {
      parent.set(m, null);
      queue.push(m);
    }
  }
  for (let i = 0; i < queue.length; i++) {
    for (const connection of moduleGraph.getOutgoingConnections(queue[i])) {
      const next = connection.module;
      if (next && !parent.has(next)) {
        parent.set(next, queue[i]);
        queue.push(next);
      }
    }
  }
  const label = (m) => {
    const r = typeof m.resource === "string" ? m : m.rootModule;
    return r && typeof r.resource === "string" ? slash(path.relative(root, r.resource.split("?")[0])) : m.identifier();
  };
  // `outer` is the (concatenated) module holding `module` when the graph only knows the former.
  return (module, outer) => {
    const start = parent.has(module) ? module : outer && parent.has(outer) ? outer : null;
    if (!start) return "(no import path from the entry found)";
    const chain = start === module ? [] : [label(module)];
    for (let m = start; m; m = parent.get(m)) chain.unshift(label(m));
    return chain.join(" -> ");
  };
}

/** Fails the compilation if the given entry can reach forbidden modules (see ADDIN_FORBIDDEN). */
class AddinBundleGuardPlugin {
  /**
   * @param {{ entry?: string, rules?: typeof ADDIN_FORBIDDEN, root?: string }} [options]
   */
  constructor(options = {}) {
    this.entry = options.entry ?? "taskpane";
    this.rules = options.rules ?? ADDIN_FORBIDDEN;
    this.root = options.root ?? ROOT;
  }

  apply(compiler) {
    const NAME = "AddinBundleGuardPlugin";
    const { WebpackError } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(NAME, (compilation) => {
      compilation.hooks.afterSeal.tap(NAME, () => {
        const entrypoint = compilation.entrypoints.get(this.entry);
        if (!entrypoint) {
          compilation.errors.push(new WebpackError(`${NAME}: no entry named "${this.entry}" to check.`));
          return;
        }
        const initial = new Set(entrypoint.chunks);
        const all = new Set(initial);
        for (const chunk of initial) for (const c of chunk.getAllAsyncChunks()) all.add(c);

        const chainTo = importChains(compilation, this.entry, this.root);
        const found = new Map(); // rule -> [{ file, chain }]
        for (const chunk of all) {
          const isInitial = initial.has(chunk);
          for (const module of compilation.chunkGraph.getChunkModulesIterable(chunk)) {
            for (const m of moduleResources(module)) {
              const abs = slash(m.resource.split("?")[0]);
              const rel = slash(path.relative(this.root, abs));
              for (const rule of this.rules) {
                if (rule.productionOnly && compiler.options.mode !== "production") continue;
                if (rule.where === "initial" && !isInitial) continue;
                if (!rule.test({ abs, rel })) continue;
                const list = found.get(rule) ?? [];
                if (!list.some((x) => x.file === rel)) list.push({ file: rel, chain: chainTo(m, module) });
                found.set(rule, list);
              }
            }
          }
        }
        for (const [rule, list] of found) {
          const lines = list.slice(0, 8).map((x) => `  ${x.file}\n    imported via ${x.chain}`);
          if (list.length > 8) lines.push(`  … and ${list.length - 8} more`);
          compilation.errors.push(
            new WebpackError(
              `${NAME}: the "${this.entry}" bundle must not contain ${rule.label}, ` +
                `but ${list.length} module(s) reach it:\n${lines.join("\n")}`,
            ),
          );
        }
      });
    });
  }
}

/** swc-loader for TypeScript (.ts without JSX, .tsx with the automatic runtime). */
function swcRule(test, tsx, dev) {
  return {
    test,
    exclude: /node_modules/,
    use: {
      loader: "swc-loader",
      options: {
        sourceMaps: dev,
        module: { type: "es6" },
        jsc: {
          target: "es2020",
          parser: { syntax: "typescript", tsx },
          transform: { react: { runtime: "automatic", development: dev } },
        },
      },
    },
  };
}

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode === "production" ? "production" : "development";
  const dev = mode === "development";
  const serving = Boolean(env.WEBPACK_SERVE);
  // The published page (issue #14): the preview alone, in its own folder, apart from the add-in.
  const page = Boolean(env.page);
  const prodUrl = dev || page ? null : productionUrlFromEnv(process.env);
  const withPane = dev || !page;
  const withPreview = dev || page;

  let httpsOptions;
  if (serving) {
    const { ensureCertificates } = await import("./scripts/certs.mjs");
    const { key, cert, ca } = await ensureCertificates();
    httpsOptions = { key, cert, ca };
  }

  return {
    mode,
    context: ROOT,
    devtool: dev ? "source-map" : false,
    entry: {
      ...(withPane ? { taskpane: "./src/taskpane/index.tsx" } : {}),
      ...(withPreview ? { preview: "./src/host/preview/index.tsx" } : {}),
    },
    output: {
      path: path.join(ROOT, page && !dev ? "dist-page" : "dist"),
      filename: dev ? "[name].js" : "[name].[contenthash:10].js",
      chunkFilename: dev ? "[name].js" : "[name].[contenthash:10].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".json"],
      // `import "./x.js"` may name x.ts (TypeScript's ESM convention).
      extensionAlias: { ".js": [".ts", ".tsx", ".js"] },
    },
    module: {
      rules: [
        swcRule(/\.(ts|mts|cts)$/, false, dev),
        swcRule(/\.tsx$/, true, dev),
        // Our modules do nothing on import (src/host/ aside: memoryHost imports its proxies for their
        // effect), so a re-export a page does not use (src/app/office.ts's selectCell beside
        // officeHost) leaves its module, and what that module imports, out of the bundle.
        { test: /[\\/]src[\\/](?!host[\\/]).*\.tsx?$/, exclude: /node_modules/, sideEffects: false },
      ],
    },
    plugins: [
      ...(withPane
        ? [
            new HtmlWebpackPlugin({
              filename: "taskpane.html",
              template: "./src/taskpane/taskpane.html",
              chunks: ["taskpane"],
              templateParameters: taskpaneParameters(dev),
            }),
          ]
        : []),
      ...(withPreview
        ? [
            new HtmlWebpackPlugin({
              filename: page && !dev ? "index.html" : "preview.html",
              template: "./src/host/preview/preview.html",
              chunks: ["preview"],
              templateParameters: { officeJsUrl: OFFICE_JS_LOCAL },
            }),
          ]
        : []),
      new webpack.DefinePlugin({ __BX_PUBLISHED_PAGE__: JSON.stringify(page && !dev) }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          ...(withPane
            ? [
                {
                  from: "manifest.xml",
                  to: "manifest.xml",
                  transform: {
                    transformer: (content) =>
                      dev ? content : Buffer.from(toProductionManifest(content.toString("utf8"), prodUrl), "utf8"),
                    cache: false,
                  },
                },
              ]
            : []),
          ...(page && !dev ? [{ from: "src/host/preview/LICENSE-PAGE.txt", to: "LICENSE.txt" }] : []),
          ...(dev
            ? [
                {
                  // The local office.js, for the pane in development only (production loads it from
                  // Microsoft's CDN; the preview never loads it). Skipped: typings, IntelliSense files,
                  // .debug.js variants (loaded only via office.debug.js) and other hosts.
                  from: OFFICE_JS_DIST,
                  to: "office-js",
                  info: { minimized: true },
                  globOptions: {
                    ignore: [
                      "**/*.d.ts",
                      "**/*vsdoc*",
                      "**/*.debug.js",
                      "**/outlook*",
                      "**/word*",
                      "**/powerpoint*",
                      "**/onenote*",
                      "**/project*",
                      "**/access*",
                      "**/visio*",
                    ],
                  },
                },
              ]
            : []),
        ],
      }),
      ...(withPane ? [new AddinBundleGuardPlugin({ entry: "taskpane" })] : []),
    ],
    optimization: dev
      ? undefined
      : {
          // Shared node_modules (React, Fluent UI) get their own long-cached chunks; modules the
          // pane imports with import() stay in async chunks. No named groups: a named chunk would
          // merge preview-only modules into the pane's initial load.
          splitChunks: { chunks: "all" },
          // No HTML minimizer from webpack: it would run terser, at the ecma level of the bundle's
          // environment (2020), over taskpane.html's inline old-webview guard, which must stay ES5 so
          // IE11 can parse it (test/ui/oldWebview.test.ts). HtmlWebpackPlugin still minifies the
          // markup (html-minifier-terser, which leaves inline scripts as written).
          minimizeOptions: { html: false },
        },
    performance: { hints: false },
    stats: dev ? "minimal" : "normal",
    devServer: {
      // Default: every interface, so localhost answers on both ::1 and 127.0.0.1 whatever order the
      // OS resolves it in (Office on Windows may try either). DEV_SERVER_HOST=127.0.0.1 narrows it.
      host: process.env.DEV_SERVER_HOST || undefined,
      port: Number(process.env.PORT) || 3000,
      server: { type: "https", options: httpsOptions },
      headers: { "Access-Control-Allow-Origin": "*" },
      static: false,
      // The root URL leads to the preview (it was a 404): the page a newcomer wants first (issue #14).
      setupMiddlewares: (middlewares, devServer) => {
        devServer.app.get("/", (_req, res) => res.redirect(302, "/preview.html"));
        return middlewares;
      },
      open: false,
      hot: true,
      client: { overlay: { errors: true, warnings: false, runtimeErrors: false } },
    },
  };
};

module.exports.AddinBundleGuardPlugin = AddinBundleGuardPlugin;
module.exports.ADDIN_FORBIDDEN = ADDIN_FORBIDDEN;
