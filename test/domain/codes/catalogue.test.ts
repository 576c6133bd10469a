/**
 * The issue catalogue (issue #13 "An issue catalogue"): every issue raised in src/ names a
 * catalogued code with parameters; each code has one home, one severity, both languages with the
 * same parameters; docs/ma-loi.md is the generated table of them all.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { CATALOGUE as TYPED, CATALOGUE_PARTS, fill, isIssueCode, messageOf, raise, type CodeSpec } from "../../../src/domain/codes";
import { codesMarkdown } from "../../../src/domain/codes/doc";

const CATALOGUE = TYPED as Readonly<Record<string, CodeSpec>>;
const ROOT = join(__dirname, "..", "..", "..");
const SRC = join(ROOT, "src");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(n) ? [p] : [];
  });
}

const holes = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("issue catalogue", () => {
  it("keeps each code in one area file", () => {
    const seen = new Map<string, string>();
    for (const [part, table] of Object.entries(CATALOGUE_PARTS)) {
      for (const code of Object.keys(table)) {
        expect([code, seen.get(code)]).toEqual([code, undefined]);
        seen.set(code, part);
      }
    }
  });

  it("gives every code both languages with the same parameters", () => {
    for (const [code, spec] of Object.entries(CATALOGUE)) {
      expect([code, spec.vi.trim().length > 0, spec.en.trim().length > 0]).toEqual([code, true, true]);
      expect([code, holes(spec.vi)]).toEqual([code, holes(spec.en)]);
      expect(code).toMatch(/^[a-z][a-zA-Z0-9]*(\.[a-zA-Z0-9]+)+$/);
    }
  });

  it("fills parameters per language: numbers with the language's decimal mark", () => {
    expect(fill("{a} / {b}", { a: 2.5, b: "x" }, "vi")).toBe("2,5 / x");
    expect(fill("{a} / {b}", { a: 2.5, b: "x" }, "en")).toBe("2.5 / x");
    expect(fill("{missing}", {}, "vi")).toBe("{missing}");
  });

  it("raises a code with its catalogued severity and filled texts", () => {
    const code = Object.keys(CATALOGUE)[0];
    if (!code || !isIssueCode(code)) return; // an empty catalogue has nothing to raise
    const p = Object.fromEntries(holes(CATALOGUE[code].vi).map((h) => [h, "X"]));
    const i = raise(code, p as never, { sheet: "S", cell: "A1" });
    expect(i).toMatchObject({ code, severity: CATALOGUE[code].severity, where: { sheet: "S", cell: "A1" } });
    expect(i.message).toEqual(messageOf(code, p as never));
  });

  it("names only catalogued codes where src/ raises an issue", () => {
    const bad: string[] = [];
    for (const f of files(SRC)) {
      const text = readFileSync(f, "utf8");
      for (const m of text.matchAll(/\braise(?:At)?\(\s*["'`]([^"'`]+)["'`]/g)) if (!isIssueCode(m[1])) bad.push(`${relative(ROOT, f)}: ${m[1]}`);
    }
    expect(bad).toEqual([]);
  });

  it("raises no issue in src/ by text: no deprecated error()/warning()/issue() with a code, no hand-built { code, severity } issue, no local say() helper", () => {
    const bad: string[] = [];
    for (const f of files(SRC)) {
      const rel = relative(ROOT, f).split("\\").join("/");
      if (rel.startsWith("src/host/")) continue;
      const text = readFileSync(f, "utf8");
      for (const m of text.matchAll(/(?<![.\w])(?:error|warning|issue)\(\s*["'`]([a-zA-Z][^"'`]*)["'`]/g)) bad.push(`${rel}: ${m[0]}`);
      for (const m of text.matchAll(/\bcode:\s*["'`][a-z]+\.[^"'`]*["'`],\s*severity:/g)) bad.push(`${rel}: ${m[0]}`);
      for (const m of text.matchAll(/\bconst say = /g)) bad.push(`${rel}: ${m[0]}`);
    }
    expect(bad).toEqual([]);
  });

  it("has docs/ma-loi.md up to date (npm run codes:doc)", () => {
    expect(readFileSync(join(ROOT, "docs", "ma-loi.md"), "utf8")).toBe(codesMarkdown());
  });
});
