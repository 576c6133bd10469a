#!/usr/bin/env node
// `npm test`: typecheck, lint, jest (unit, formula, adapter, host, jsdom UI, manifest), the
// manifest's XSD check, then the end-to-end test in headless Chromium. Runs every stage, prints
// a summary, and ends with one line "test: N passed, M failed" counting jest tests and stages.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bin = (name) => join(root, "node_modules", ".bin", name);
const only = process.argv.slice(2);

let passed = 0;
let failed = 0;
const summary = [];

function stage(name, cmd, args, jsonFile) {
  if (only.length && !only.includes(name)) return;
  const started = Date.now();
  process.stdout.write(`\n=== ${name}: ${[cmd, ...args].join(" ")}\n`);
  if (jsonFile) rmSync(jsonFile, { force: true });
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, FORCE_COLOR: process.env.CI ? "0" : "1" } });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  let line = `${r.status === 0 ? "ok  " : "FAIL"} ${name} (${secs} s)`;
  if (jsonFile && existsSync(jsonFile)) {
    const j = JSON.parse(readFileSync(jsonFile, "utf8"));
    passed += j.numPassedTests;
    failed += j.numFailedTests;
    if (j.numTotalTests === 0) failed += 1;
    line += `: ${j.numPassedTests} passed, ${j.numFailedTests} failed`;
    rmSync(jsonFile, { force: true });
    if (r.status !== 0 && j.numFailedTests === 0) failed += 1;
  } else if (r.status === 0) passed += 1;
  else failed += 1;
  summary.push(line);
}

stage("typecheck", bin("tsc"), ["--noEmit", "-p", "tsconfig.json"]);
stage("lint", bin("eslint"), ["--max-warnings", "0", "src", "test", "bench", "scripts"]);
stage("jest", bin("jest"), ["--ci", "--json", "--outputFile", join(root, ".jest-results.json")], join(root, ".jest-results.json"));
stage("manifest", process.execPath, [join(root, "scripts", "validate-manifest.mjs")]);
stage("e2e", bin("jest"), ["--ci", "--config", "jest.e2e.config.js", "--json", "--outputFile", join(root, ".jest-results-e2e.json")], join(root, ".jest-results-e2e.json"));

console.log("\n" + summary.join("\n"));
console.log(`test: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
