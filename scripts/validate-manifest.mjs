#!/usr/bin/env node
/**
 * npm run test:manifest [-- file...]
 *
 * Checks add-in manifests against Microsoft's XSDs with xmllint, offline:
 *   xmllint --noout --nonet --schema ../shared/schemas/office-addin-manifest/OfficeAppManifestV1_1.xsd <file>
 * Default files: manifest.xml, and dist/manifest.xml when a build produced it. Relative paths are
 * resolved from the project root. The schema folder is looked up beside the project
 * (../shared/schemas/office-addin-manifest); when it is absent the XSD check is skipped with a
 * notice (env MANIFEST_SCHEMA_DIR points elsewhere). A missing xmllint is a failure (apt-get install libxml2-utils). Exits non-zero on failure.
 * (What the XSD cannot see, e.g. a resid naming no resource, is covered by test/manifest.)
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** MANIFEST_SCHEMA_DIR overrides the folder (tests use it to simulate a missing one). */
export const SCHEMA_DIR = process.env.MANIFEST_SCHEMA_DIR
  ? path.resolve(root, process.env.MANIFEST_SCHEMA_DIR)
  : path.resolve(root, "..", "shared", "schemas", "office-addin-manifest");
export const SCHEMA = path.join(SCHEMA_DIR, "OfficeAppManifestV1_1.xsd");

/** @returns {boolean} whether xmllint can be run */
export function hasXmllint() {
  const r = spawnSync("xmllint", ["--version"], { encoding: "utf8" });
  return !r.error && r.status === 0;
}

/**
 * Validates one file; returns { ok, output }.
 * @param {string} file absolute path
 */
export function validateFile(file) {
  const r = spawnSync("xmllint", ["--noout", "--nonet", "--schema", SCHEMA, file], { encoding: "utf8" });
  if (r.error) return { ok: false, output: String(r.error.message) };
  return { ok: r.status === 0, output: `${r.stdout ?? ""}${r.stderr ?? ""}`.trim() };
}

function main(args) {
  const files = args.length
    ? args.map((f) => path.resolve(root, f))
    : [path.join(root, "manifest.xml"), path.join(root, "dist", "manifest.xml")].filter(
        (f, i) => i === 0 || existsSync(f),
      );

  const missing = files.filter((f) => !existsSync(f));
  if (missing.length) {
    for (const f of missing) console.error(`✗ ${path.relative(root, f) || f}: file not found`);
    return 1;
  }
  if (!existsSync(SCHEMA)) {
    console.log(`XSD check skipped: ${SCHEMA} is absent (the schema folder is not beside the project).`);
    return 0;
  }
  if (!hasXmllint()) {
    console.error("xmllint was not found. Install it with: apt-get install libxml2-utils (macOS: it ships with Xcode's command line tools).");
    return 1;
  }
  let failed = 0;
  for (const file of files) {
    const { ok, output } = validateFile(file);
    const name = path.relative(root, file) || file;
    if (ok) {
      console.log(`✓ ${name} matches ${path.basename(SCHEMA)}`);
    } else {
      failed++;
      console.error(`✗ ${name} does not match ${path.basename(SCHEMA)}:\n${output}`);
    }
  }
  return failed ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
