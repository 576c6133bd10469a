#!/usr/bin/env node
// Runs before `npm start` and `npm test` (prestart, pretest), with Node alone: installs what a
// fresh clone lacks, so these two commands are all a newcomer types.
// - npm packages: when a dependency in package.json is missing from node_modules or installed at
//   another version than the pinned one, runs `npm install`.
// - `--test`: the system tools the tests call (Chromium for the end-to-end tests, xmllint for the
//   manifest's XSD check, LibreOffice for the recalculation check). Missing ones are installed with
//   apt-get when running as root on Debian; otherwise one line says what to install, and the run stops.
// BX_SKIP_SETUP=1 skips it all.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const forTests = process.argv.includes("--test");

if (process.env.BX_SKIP_SETUP === "1") process.exit(0);

/** Dependencies whose installed version is not the pinned one (or that are not installed). */
function missingPackages() {
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  const wanted = { ...pkg.dependencies, ...pkg.devDependencies };
  const out = [];
  for (const [name, version] of Object.entries(wanted)) {
    const file = join(root, "node_modules", name, "package.json");
    if (!existsSync(file)) {
      out.push(name);
      continue;
    }
    try {
      if (JSON.parse(readFileSync(file, "utf8")).version !== version) out.push(name);
    } catch {
      out.push(name);
    }
  }
  return out;
}

const missing = missingPackages();
if (missing.length) {
  console.log(`setup: npm install (thiếu / missing: ${missing.slice(0, 5).join(", ")}${missing.length > 5 ? ` +${missing.length - 5}` : ""})`);
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const r = spawnSync(npm, ["install", "--no-audit", "--no-fund"], { cwd: root, stdio: "inherit", shell: process.platform === "win32" });
  if (r.status !== 0) {
    console.error("setup: npm install thất bại / failed");
    process.exit(r.status ?? 1);
  }
}

if (!forTests) process.exit(0);

const onPath = (cmd) => (process.env.PATH ?? "").split(delimiter).some((d) => d && existsSync(join(d, cmd)));
/** Tool → the Debian packages that provide it. */
const tools = [
  { ok: () => onPath("chromium") || existsSync("/usr/bin/chromium"), packages: ["chromium"] },
  { ok: () => onPath("xmllint"), packages: ["libxml2-utils"] },
  { ok: () => onPath("soffice"), packages: ["libreoffice-calc-nogui", "libreoffice-writer-nogui"] },
];
const need = tools.filter((t) => !t.ok()).flatMap((t) => t.packages);
if (!need.length) process.exit(0);

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
if (isRoot && onPath("apt-get")) {
  console.log(`setup: apt-get install ${need.join(" ")}`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const update = spawnSync("apt-get", ["update"], { stdio: "inherit", env });
  const install = update.status === 0 ? spawnSync("apt-get", ["install", "-y", "--no-install-recommends", ...need], { stdio: "inherit", env }) : update;
  if (install.status !== 0) {
    console.error(`setup: apt-get thất bại / failed: ${need.join(" ")}`);
    process.exit(install.status ?? 1);
  }
  process.exit(0);
}

console.error(`setup: cần cài / please install: sudo apt-get install -y ${need.join(" ")}   (BX_SKIP_SETUP=1 để bỏ qua / to skip)`);
process.exit(1);
