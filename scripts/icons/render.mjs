#!/usr/bin/env node
/**
 * Renders the add-in icons from SVG to PNG at their exact pixel sizes, with a transparent
 * background, in headless Chromium (playwright-core driving Debian's /usr/bin/chromium).
 *
 *   node scripts/icons/render.mjs            # writes assets/icon-{16,32,64,80,128}.png
 *
 * Only re-run when an SVG changes; the PNGs are committed and copied by the build.
 * Override the browser with CHROMIUM_PATH=/path/to/chrome.
 */
import { readFile, writeFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..", "..");
const assets = path.join(root, "assets");

/** Which drawing each size uses: the 16-unit pixel-grid variant below 64 px. */
export const ICONS = [
  { size: 16, svg: "icon-small.svg" },
  { size: 32, svg: "icon-small.svg" },
  { size: 64, svg: "icon.svg" },
  { size: 80, svg: "icon.svg" },
  { size: 128, svg: "icon.svg" },
];

const LAUNCH_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

async function main() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: LAUNCH_ARGS,
  });
  try {
    const context = await browser.newContext({ deviceScaleFactor: 1 });
    const page = await context.newPage();
    await mkdir(assets, { recursive: true });
    for (const { size, svg } of ICONS) {
      const source = await readFile(path.join(here, svg));
      const src = `data:image/svg+xml;base64,${source.toString("base64")}`;
      await page.setViewportSize({ width: size, height: size });
      await page.setContent(
        `<!doctype html><html><head><style>html,body{margin:0;padding:0;background:transparent}` +
          `img{display:block}</style></head><body>` +
          `<img id="icon" width="${size}" height="${size}" src="${src}"></body></html>`,
      );
      await page.waitForFunction(() => {
        const img = document.getElementById("icon");
        return img instanceof HTMLImageElement && img.complete && img.naturalWidth > 0;
      });
      const png = await page.screenshot({
        clip: { x: 0, y: 0, width: size, height: size },
        omitBackground: true,
      });
      const out = path.join(assets, `icon-${size}.png`);
      await writeFile(out, png);
      console.log(`${path.relative(root, out)}  ${size}x${size}  from ${svg}  (${png.length} bytes)`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
