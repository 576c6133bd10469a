/**
 * The layers of ARCHITECTURE.md §2 point one way: taskpane → app → (workbook, excel, export) → domain.
 * This test reads every import in src/ and fails on one that points the wrong way, and on Office
 * calls outside src/excel (the one door to Excel).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

const SRC = resolve(__dirname, "../../src");

/** What each layer may import from the project (besides itself). */
const ALLOWED: Record<string, string[]> = {
  domain: [],
  workbook: ["domain"],
  excel: ["domain", "workbook"],
  export: ["domain", "workbook"],
  app: ["domain", "workbook", "excel", "export"],
  taskpane: ["app", "domain", "workbook"],
  host: [],
  cli: ["app", "domain", "workbook", "excel", "host"],
};
/** The preview page is the host's face: it shows the pane beside the in-memory workbook. */
const PREVIEW_ALLOWED = ["taskpane", "app", "domain", "workbook", "excel", "host"];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx)$/.test(f) ? [p] : [];
  });
}

function imports(src: string): string[] {
  const out: string[] = [];
  const re = /(?:import|export)\s[^'"]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|^import\s+["']([^"']+)["']/gm;
  for (let m = re.exec(src); m; m = re.exec(src)) out.push(m[1] ?? m[2] ?? m[3]);
  return out;
}

const layerOf = (file: string): string => relative(SRC, file).split(/[\\/]/)[0];

describe("layers", () => {
  const all = files(SRC);

  it("finds the source", () => {
    expect(all.length).toBeGreaterThan(10);
    for (const layer of ["domain", "workbook", "excel", "app", "taskpane", "host", "cli"]) expect(all.some((f) => layerOf(f) === layer)).toBe(true);
  });

  it("every import points down the layers", () => {
    const wrong: string[] = [];
    for (const file of all) {
      const layer = layerOf(file);
      const preview = relative(SRC, file).startsWith(join("host", "preview"));
      const allowed = preview ? PREVIEW_ALLOWED : ALLOWED[layer];
      for (const spec of imports(readFileSync(file, "utf8"))) {
        if (!spec.startsWith(".")) continue;
        const target = resolve(dirname(file), spec);
        if (!target.startsWith(SRC)) continue;
        const to = layerOf(target);
        if (to !== layer && !allowed.includes(to)) wrong.push(`${relative(SRC, file)} imports ${spec} (${layer} → ${to})`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("the pure layers import no UI, DOM or test-only engine", () => {
    const wrong: string[] = [];
    for (const file of all.filter((f) => ["domain", "workbook", "excel", "app"].includes(layerOf(f)))) {
      for (const spec of imports(readFileSync(file, "utf8"))) {
        if (/^(react|react-dom|@fluentui|hyperformula)/.test(spec)) wrong.push(`${relative(SRC, file)} imports ${spec}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("only src/excel calls the Office API", () => {
    const wrong: string[] = [];
    for (const file of all) {
      const layer = layerOf(file);
      if (layer === "excel" || layer === "host" || relative(SRC, file) === join("taskpane", "index.tsx")) continue;
      const code = readFileSync(file, "utf8")
        .replace(/\/\*[\s\S]*?\*\//g, "")
        .replace(/\/\/.*$/gm, "");
      if (/\b(Excel\.run|Office\.(context|onReady)|context\.sync\(|\.sync\(\))/.test(code)) wrong.push(relative(SRC, file));
    }
    expect(wrong).toEqual([]);
  });
});
