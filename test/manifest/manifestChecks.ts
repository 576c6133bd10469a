/**
 * Checks on the add-in manifest, written as functions that return the problems they find, so the
 * tests can run them on the real manifest (expecting none) and on broken copies (expecting some).
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { inflateSync } from "node:zlib";
import { JSDOM } from "jsdom";

export const ROOT = path.resolve(__dirname, "..", "..");
export const MANIFEST_PATH = path.join(ROOT, "manifest.xml");
export const NS_OFFICEAPP = "http://schemas.microsoft.com/office/appforoffice/1.1";
export const NS_BT = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";
export const NS_OV = "http://schemas.microsoft.com/office/taskpaneappversionoverrides";

const { DOMParser } = new JSDOM("").window;

export function readManifest(): string {
  return readFileSync(MANIFEST_PATH, "utf8");
}

/** Parses XML; throws on a parse error. */
export function parseXml(xml: string): Document {
  const doc = new DOMParser().parseFromString(xml, "application/xml");
  const err = doc.getElementsByTagName("parsererror")[0];
  if (err) throw new Error(`manifest is not well-formed XML: ${err.textContent}`);
  return doc;
}

export function elements(doc: Document | Element, ns: string, localName: string): Element[] {
  return Array.from(doc.getElementsByTagNameNS(ns, localName));
}

/** The OfficeApp-level child (not the one inside VersionOverrides) with this name. */
export function topChild(doc: Document, localName: string): Element | undefined {
  return Array.from(doc.documentElement.children).find(
    (e) => e.namespaceURI === NS_OFFICEAPP && e.localName === localName,
  );
}

// ---------------------------------------------------------------------------------------------
// resid references

/** Which resource list each kind of referring element must point into. */
const RESID_KIND: Record<string, string> = {
  Image: "Images",
  SourceLocation: "Urls",
  LearnMoreUrl: "Urls",
  FunctionFile: "Urls",
  Label: "ShortStrings",
  Title: "ShortStrings",
  Namespace: "ShortStrings",
  Description: "LongStrings",
};

export function resources(doc: Document): Map<string, { kind: string; el: Element }> {
  const out = new Map<string, { kind: string; el: Element }>();
  for (const res of elements(doc, NS_OV, "Resources")) {
    for (const list of Array.from(res.children)) {
      for (const item of Array.from(list.children)) {
        const id = item.getAttribute("id");
        if (id !== null) out.set(id, { kind: list.localName, el: item });
      }
    }
  }
  return out;
}

export function residProblems(doc: Document): string[] {
  const problems: string[] = [];
  const defined = resources(doc);
  const seen = new Set<string>();
  for (const res of elements(doc, NS_OV, "Resources")) {
    for (const list of Array.from(res.children)) {
      for (const item of Array.from(list.children)) {
        const id = item.getAttribute("id") ?? "";
        if (seen.has(id)) problems.push(`resource id "${id}" is defined twice`);
        seen.add(id);
      }
    }
  }
  const refs = Array.from(doc.getElementsByTagName("*")).filter((e) => e.hasAttribute("resid"));
  if (refs.length === 0) problems.push("no element carries a resid");
  for (const el of refs) {
    const id = el.getAttribute("resid") ?? "";
    const found = defined.get(id);
    if (!found) {
      problems.push(`<${el.localName} resid="${id}"> names no resource in <Resources>`);
      continue;
    }
    const want = RESID_KIND[el.localName];
    if (want && found.kind !== want) {
      problems.push(`<${el.localName} resid="${id}"> should name a ${want} entry, not ${found.kind}`);
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// URLs

export interface ManifestUrl {
  where: string;
  url: string;
}

/** Every URL the manifest declares, with the override values of locale-aware URL settings. */
export function manifestUrls(doc: Document): ManifestUrl[] {
  const out: ManifestUrl[] = [];
  const withOverrides = (el: Element, where: string) => {
    const v = el.getAttribute("DefaultValue");
    if (v !== null) out.push({ where, url: v });
    for (const o of Array.from(el.children)) {
      if (o.localName === "Override") out.push({ where: `${where} (${o.getAttribute("Locale")})`, url: o.getAttribute("Value") ?? "" });
    }
  };
  for (const name of ["IconUrl", "HighResolutionIconUrl", "SupportUrl"]) {
    const el = topChild(doc, name);
    if (el) withOverrides(el, name);
  }
  for (const el of elements(doc, NS_OFFICEAPP, "SourceLocation")) withOverrides(el, "DefaultSettings/SourceLocation");
  for (const el of elements(doc, NS_OFFICEAPP, "AppDomain")) out.push({ where: "AppDomain", url: (el.textContent ?? "").trim() });
  for (const res of elements(doc, NS_OV, "Resources")) {
    for (const local of ["Image", "Url"]) {
      for (const el of elements(res, NS_BT, local)) withOverrides(el, `bt:${local} ${el.getAttribute("id")}`);
    }
  }
  return out;
}

export function urlProblems(doc: Document): string[] {
  const urls = manifestUrls(doc);
  const problems: string[] = [];
  if (urls.length < 6) problems.push(`only ${urls.length} URLs found; the manifest lost some`);
  for (const { where, url } of urls) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      problems.push(`${where}: "${url}" is not an absolute URL`);
      continue;
    }
    if (parsed.protocol !== "https:") problems.push(`${where}: "${url}" is not https`);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// identity, locale, requirements

export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const FOUR_PART_VERSION = /^\d{1,5}\.\d{1,5}\.\d{1,5}\.\d{1,5}$/;

export function identityProblems(doc: Document): string[] {
  const problems: string[] = [];
  const id = topChild(doc, "Id")?.textContent?.trim() ?? "";
  if (!GUID.test(id)) problems.push(`<Id> "${id}" is not a GUID`);
  if (id === "00000000-0000-0000-0000-000000000000") problems.push("<Id> is the nil GUID");
  const version = topChild(doc, "Version")?.textContent?.trim() ?? "";
  if (!FOUR_PART_VERSION.test(version)) problems.push(`<Version> "${version}" is not four-part (n.n.n.n)`);
  return problems;
}

function enUsOverride(el: Element | undefined | null): string | null {
  if (!el) return null;
  const o = Array.from(el.children).find((c) => c.localName === "Override" && c.getAttribute("Locale") === "en-US");
  const v = o?.getAttribute("Value")?.trim();
  return v ? v : null;
}

export function localeProblems(doc: Document): string[] {
  const problems: string[] = [];
  const locale = topChild(doc, "DefaultLocale")?.textContent?.trim();
  if (locale !== "vi-VN") problems.push(`<DefaultLocale> is "${locale}", not vi-VN`);
  for (const name of ["DisplayName", "Description"]) {
    const el = topChild(doc, name);
    if (!el?.getAttribute("DefaultValue")?.trim()) problems.push(`<${name}> has no DefaultValue`);
    if (!enUsOverride(el)) problems.push(`<${name}> has no en-US override`);
  }
  for (const res of elements(doc, NS_OV, "Resources")) {
    for (const list of ["ShortStrings", "LongStrings"]) {
      for (const listEl of elements(res, NS_BT, list)) {
        for (const s of elements(listEl, NS_BT, "String")) {
          if (!enUsOverride(s)) problems.push(`bt:String ${s.getAttribute("id")} has no en-US override`);
        }
      }
    }
  }
  return problems;
}

export function requirementProblems(doc: Document): string[] {
  const req = topChild(doc, "Requirements");
  if (!req) return ["no <Requirements> at the OfficeApp level"];
  const sets = elements(req, NS_OFFICEAPP, "Set");
  const excel = sets.filter((s) => s.getAttribute("Name") === "ExcelApi");
  if (excel.length !== 1) return [`expected one ExcelApi <Set>, found ${excel.length}`];
  const v = excel[0].getAttribute("MinVersion");
  return v === "1.8" ? [] : [`ExcelApi MinVersion is ${v}, not 1.8`];
}

// ---------------------------------------------------------------------------------------------
// PNG icons

export interface Png {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  /** RGBA pixels when the PNG is 8-bit RGBA and not interlaced, else null. */
  rgba: Uint8Array | null;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Reads the IHDR size and, for 8-bit RGBA, the pixels (enough for icon checks). */
export function readPng(buf: Buffer): Png {
  if (buf.length < 33 || !buf.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error("not a PNG file");
  if (buf.toString("latin1", 12, 16) !== "IHDR") throw new Error("PNG without IHDR first");
  const width = buf.readUInt32BE(16);
  const height = buf.readUInt32BE(20);
  const bitDepth = buf[24];
  const colorType = buf[25];
  const interlace = buf[28];
  let rgba: Uint8Array | null = null;
  if (bitDepth === 8 && colorType === 6 && interlace === 0) {
    const idat: Buffer[] = [];
    for (let off = 8; off + 8 <= buf.length; ) {
      const len = buf.readUInt32BE(off);
      const type = buf.toString("latin1", off + 4, off + 8);
      if (type === "IDAT") idat.push(buf.subarray(off + 8, off + 8 + len));
      if (type === "IEND") break;
      off += 12 + len;
    }
    const raw = inflateSync(Buffer.concat(idat));
    const stride = width * 4;
    rgba = new Uint8Array(stride * height);
    for (let y = 0; y < height; y++) {
      const filter = raw[y * (stride + 1)];
      const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
      for (let x = 0; x < stride; x++) {
        const a = x >= 4 ? rgba[y * stride + x - 4] : 0;
        const b = y > 0 ? rgba[(y - 1) * stride + x] : 0;
        const c = x >= 4 && y > 0 ? rgba[(y - 1) * stride + x - 4] : 0;
        let v = line[x];
        if (filter === 1) v += a;
        else if (filter === 2) v += b;
        else if (filter === 3) v += (a + b) >> 1;
        else if (filter === 4) {
          const p = a + b - c;
          const pa = Math.abs(p - a);
          const pb = Math.abs(p - b);
          const pc = Math.abs(p - c);
          v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
        } else if (filter !== 0) throw new Error(`unknown PNG filter ${filter}`);
        rgba[y * stride + x] = v & 0xff;
      }
    }
  }
  return { width, height, bitDepth, colorType, rgba };
}

/** Problems with one icon file: missing, wrong size, opaque background, or blank. */
export function iconFileProblems(file: string, size: number): string[] {
  const rel = path.relative(ROOT, file);
  if (!existsSync(file)) return [`${rel} does not exist`];
  let png: Png;
  try {
    png = readPng(readFileSync(file));
  } catch (err) {
    return [`${rel}: ${(err as Error).message}`];
  }
  const problems: string[] = [];
  if (png.width !== size || png.height !== size) problems.push(`${rel} is ${png.width}×${png.height}, not ${size}×${size}`);
  if (!png.rgba) {
    problems.push(`${rel} is not 8-bit RGBA (colour type ${png.colorType}, depth ${png.bitDepth}): no transparency`);
    return problems;
  }
  const { width: w, height: h, rgba } = png;
  const alpha = (x: number, y: number) => rgba[(y * w + x) * 4 + 3];
  const corners = [alpha(0, 0), alpha(w - 1, 0), alpha(0, h - 1), alpha(w - 1, h - 1)];
  if (corners.some((a) => a !== 0)) problems.push(`${rel}: corners are not transparent (alpha ${corners.join(", ")})`);
  let opaque = 0;
  for (let i = 3; i < rgba.length; i += 4) if (rgba[i] >= 128) opaque++;
  const share = opaque / (w * h);
  if (share < 0.2) problems.push(`${rel}: only ${(share * 100).toFixed(0)}% of the pixels are drawn; blank icon?`);
  return problems;
}

/**
 * Every icon the manifest names, by its path after the dev URL, with the size it claims:
 * IconUrl 32, HighResolutionIconUrl 64, a ribbon bt:Image the `size` it is used at, and the
 * number in a file name "icon-<n>.png" (all must agree).
 */
export function manifestIcons(doc: Document, devUrl: string): { file: string; sizes: Set<number>; where: string[] }[] {
  const byUrl = new Map<string, { sizes: Set<number>; where: string[] }>();
  const add = (url: string | null | undefined, size: number | null, where: string) => {
    if (!url) return;
    const entry = byUrl.get(url) ?? { sizes: new Set<number>(), where: [] };
    if (size !== null) entry.sizes.add(size);
    entry.where.push(where);
    byUrl.set(url, entry);
  };
  add(topChild(doc, "IconUrl")?.getAttribute("DefaultValue"), 32, "IconUrl");
  add(topChild(doc, "HighResolutionIconUrl")?.getAttribute("DefaultValue"), 64, "HighResolutionIconUrl");
  const defined = resources(doc);
  for (const use of elements(doc, NS_BT, "Image")) {
    const resid = use.getAttribute("resid");
    if (!resid) continue;
    const res = defined.get(resid);
    add(res?.el.getAttribute("DefaultValue"), Number(use.getAttribute("size")), `ribbon image ${resid}`);
  }
  const out: { file: string; sizes: Set<number>; where: string[] }[] = [];
  for (const [url, { sizes, where }] of byUrl) {
    if (!url.startsWith(devUrl)) {
      out.push({ file: url, sizes, where: [...where, "NOT UNDER THE DEV URL"] });
      continue;
    }
    const rel = url.slice(devUrl.length);
    const m = /icon-(\d+)\.png$/.exec(rel);
    if (m) sizes.add(Number(m[1]));
    out.push({ file: path.join(ROOT, ...rel.split("/")), sizes, where });
  }
  return out;
}

export function iconProblems(doc: Document, devUrl: string): string[] {
  const icons = manifestIcons(doc, devUrl);
  const problems: string[] = [];
  if (icons.length < 4) problems.push(`only ${icons.length} distinct icons named; expected 16, 32, 64 and 80`);
  for (const { file, sizes, where } of icons) {
    if (where.includes("NOT UNDER THE DEV URL")) {
      problems.push(`${where[0]}: ${file} is not under ${devUrl}`);
      continue;
    }
    if (sizes.size !== 1) {
      problems.push(`${path.relative(ROOT, file)} is claimed at several sizes (${[...sizes].join(", ")}) by ${where.join(", ")}`);
      continue;
    }
    problems.push(...iconFileProblems(file, [...sizes][0]));
  }
  return problems;
}
