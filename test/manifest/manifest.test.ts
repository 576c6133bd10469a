/**
 * The add-in manifest: references, URLs, identity, locales, requirements, icons, the XSD, and the
 * production URL swap. Each check runs on the real manifest.xml (no problems expected) and on a
 * deliberately broken copy (the check must notice), so a check that silently passes everything
 * fails here.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  ROOT,
  iconFileProblems,
  iconProblems,
  identityProblems,
  localeProblems,
  manifestUrls,
  parseXml,
  readManifest,
  requirementProblems,
  residProblems,
  urlProblems,
} from "./manifestChecks";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const manifestUrl = require("../../scripts/manifest-url.js") as {
  DEV_URL: string;
  DEFAULT_PROD_URL: string;
  toProductionManifest(xml: string, prodUrl?: string): string;
  normaliseProductionUrl(url: string): string;
};
const { DEV_URL, DEFAULT_PROD_URL, toProductionManifest } = manifestUrl;

const xml = readManifest();
const doc = parseXml(xml);
/** The manifest with one textual change; fails the test if the change did not apply. */
function broken(from: string | RegExp, to: string): Document {
  const changed = xml.replace(from, to);
  expect(changed).not.toBe(xml);
  return parseXml(changed);
}

describe("resid references", () => {
  test("every resid names a resource of the right kind in <Resources>", () => {
    expect(residProblems(doc)).toEqual([]);
  });
  test("the check notices an undefined resid and a wrong-kind one", () => {
    expect(residProblems(broken('resid="OpenPane.Tooltip"', 'resid="OpenPane.Tooltipp"'))).toEqual([
      '<Description resid="OpenPane.Tooltipp"> names no resource in <Resources>',
    ]);
    expect(residProblems(broken('<Label resid="Group.Label"/>', '<Label resid="Taskpane.Url"/>'))).toEqual([
      '<Label resid="Taskpane.Url"> should name a ShortStrings entry, not Urls',
    ]);
  });
});

describe("URLs", () => {
  test("every URL is https, and all the expected ones are found", () => {
    const urls = manifestUrls(doc);
    const where = urls.map((u) => u.where);
    for (const w of ["IconUrl", "HighResolutionIconUrl", "SupportUrl", "AppDomain", "DefaultSettings/SourceLocation"]) {
      expect(where).toContain(w);
    }
    expect(where.filter((w) => w.startsWith("bt:Image"))).toHaveLength(3);
    expect(where).toContain("bt:Url Taskpane.Url");
    expect(urlProblems(doc)).toEqual([]);
  });
  test("the check notices an http URL anywhere", () => {
    expect(urlProblems(broken('DefaultValue="https://localhost:3000/assets/icon-80.png"', 'DefaultValue="http://localhost:3000/assets/icon-80.png"'))).toEqual([
      'bt:Image Icon.80x80: "http://localhost:3000/assets/icon-80.png" is not https',
    ]);
    expect(urlProblems(broken("<AppDomain>https://", "<AppDomain>http://"))).toHaveLength(1);
  });
  test("the task pane opens taskpane.html on the dev server", () => {
    const source = manifestUrls(doc).filter((u) => u.where === "DefaultSettings/SourceLocation" || u.where === "bt:Url Taskpane.Url");
    expect(source.map((u) => u.url)).toEqual([`${DEV_URL}taskpane.html`, `${DEV_URL}taskpane.html`]);
  });
});

describe("identity, locale and requirements", () => {
  test("<Id> is a GUID and <Version> is four-part", () => {
    expect(identityProblems(doc)).toEqual([]);
    expect(identityProblems(broken(/<Id>[^<]*<\/Id>/, "<Id>binh-xet</Id>"))).toEqual(['<Id> "binh-xet" is not a GUID']);
    expect(identityProblems(broken("<Version>1.0.0.0</Version>", "<Version>1.0.0</Version>"))).toEqual([
      '<Version> "1.0.0" is not four-part (n.n.n.n)',
    ]);
  });
  test("DefaultLocale is vi-VN with en-US overrides for the name, description and ribbon strings", () => {
    expect(localeProblems(doc)).toEqual([]);
    expect(localeProblems(broken("<DefaultLocale>vi-VN</DefaultLocale>", "<DefaultLocale>en-US</DefaultLocale>"))).toEqual([
      '<DefaultLocale> is "en-US", not vi-VN',
    ]);
    expect(localeProblems(broken('<Override Locale="en-US" Value="Emulation Bloc Review"/>', ""))).toEqual([
      "<DisplayName> has no en-US override",
    ]);
    expect(localeProblems(broken('<bt:Override Locale="en-US" Value="Bloc Review"/>', ""))).toEqual([
      "bt:String Group.Label has no en-US override",
    ]);
  });
  test("the display names are the agreed ones", () => {
    const display = doc.documentElement.getElementsByTagName("DisplayName")[0];
    expect(display.getAttribute("DefaultValue")).toBe("Bình xét thi đua");
    expect(display.getElementsByTagName("Override")[0].getAttribute("Value")).toBe("Emulation Bloc Review");
  });
  test("Requirements ask for ExcelApi 1.8, and the host is Workbook", () => {
    expect(requirementProblems(doc)).toEqual([]);
    expect(requirementProblems(broken('MinVersion="1.8"', 'MinVersion="1.9"'))).toEqual(["ExcelApi MinVersion is 1.9, not 1.8"]);
    const hosts = Array.from(doc.documentElement.getElementsByTagName("Host")).map((h) => h.getAttribute("Name") ?? h.getAttribute("xsi:type"));
    expect(hosts).toEqual(["Workbook", "Workbook"]);
  });
});

describe("icons", () => {
  test("every icon the manifest names exists in assets/ at the size it claims, transparent", () => {
    expect(iconProblems(doc, DEV_URL)).toEqual([]);
  });
  test("all five sizes exist in assets/", () => {
    for (const size of [16, 32, 64, 80, 128]) {
      expect(iconFileProblems(path.join(ROOT, "assets", `icon-${size}.png`), size)).toEqual([]);
    }
  });
  test("the check notices a missing file and a size mismatch", () => {
    expect(iconProblems(broken("assets/icon-16.png", "assets/gone/icon-16.png"), DEV_URL)).toEqual(["assets/gone/icon-16.png does not exist"]);
    // A 32-px ribbon slot pointing at the 80-px file.
    expect(iconProblems(broken('size="32" resid="Icon.32x32"', 'size="32" resid="Icon.80x80"'), DEV_URL)).toEqual([
      expect.stringContaining("assets/icon-80.png is claimed at several sizes"),
    ]);
    // A file whose pixels do not match its name.
    const dir = mkdtempSync(path.join(os.tmpdir(), "binhxet-icon-"));
    try {
      const wrong = path.join(dir, "icon-32.png");
      writeFileSync(wrong, readFileSync(path.join(ROOT, "assets", "icon-16.png")));
      expect(iconFileProblems(wrong, 32)).toEqual([expect.stringContaining("is 16×16, not 32×32")]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("production form", () => {
  const prod = toProductionManifest(xml);
  const custom = toProductionManifest(xml, "https://thidua.example.gov.vn/binh-xet");

  test("with the default URL it names no localhost, every URL under the deployment", () => {
    expect(DEFAULT_PROD_URL).toBe("https://binhxet.github.io/addin/");
    expect(prod).not.toMatch(/localhost/i);
    const pdoc = parseXml(prod);
    expect(urlProblems(pdoc)).toEqual([]);
    for (const { where, url } of manifestUrls(pdoc)) {
      if (where === "AppDomain") expect(url).toBe("https://binhxet.github.io");
      else expect(url.startsWith(DEFAULT_PROD_URL)).toBe(true);
    }
    const src = pdoc.documentElement.getElementsByTagName("SourceLocation")[0];
    expect(src.getAttribute("DefaultValue")).toBe("https://binhxet.github.io/addin/taskpane.html");
  });
  test("with a custom URL (no trailing slash) it is normalised and still names no localhost", () => {
    expect(custom).not.toMatch(/localhost/i);
    const cdoc = parseXml(custom);
    const urls = manifestUrls(cdoc);
    expect(urls.find((u) => u.where === "DefaultSettings/SourceLocation")?.url).toBe("https://thidua.example.gov.vn/binh-xet/taskpane.html");
    expect(urls.find((u) => u.where === "bt:Image Icon.16x16")?.url).toBe("https://thidua.example.gov.vn/binh-xet/assets/icon-16.png");
    expect(urls.find((u) => u.where === "AppDomain")?.url).toBe("https://thidua.example.gov.vn");
    expect(residProblems(cdoc)).toEqual([]);
    expect(identityProblems(cdoc)).toEqual([]);
  });
  test("only the URLs change", () => {
    const strip = (s: string) => s.replace(/<!--[\s\S]*?-->\s*/g, "").replace(/https:\/\/[^"<]*/g, "URL");
    expect(strip(prod)).toBe(strip(xml));
  });
  test("normalises a URL without a trailing slash", () => {
    expect(manifestUrl.normaliseProductionUrl("https://example.org/addin")).toBe("https://example.org/addin/");
    expect(manifestUrl.normaliseProductionUrl("https://example.org")).toBe("https://example.org/");
    expect(toProductionManifest('<a b="https://localhost:3000/x.html"/>', "https://example.org/addin")).toContain(
      'b="https://example.org/addin/x.html"',
    );
  });
  test("refuses a non-https or local URL", () => {
    expect(() => toProductionManifest(xml, "http://binhxet.github.io/addin/")).toThrow(/https/);
    expect(() => toProductionManifest(xml, "https://localhost:8443/")).toThrow(/local host/);
    expect(() => toProductionManifest(xml, "https://127.0.0.1/addin/")).toThrow(/local host/);
    expect(() => toProductionManifest(xml, "not a url")).toThrow(/not a valid/);
    expect(() => toProductionManifest(xml, "https://example.org/?v=2")).toThrow(/query/);
  });
  test("refuses a manifest with a localhost URL the swap cannot reach", () => {
    expect(() => toProductionManifest(xml.replace("https://localhost:3000/taskpane.html", "https://localhost:3001/taskpane.html"))).toThrow(
      /still names a local host/,
    );
  });
});

describe("XSD (xmllint)", () => {
  const schema = path.resolve(ROOT, "..", "shared", "schemas", "office-addin-manifest", "OfficeAppManifestV1_1.xsd");
  const xmllint = spawnSync("xmllint", ["--version"]);
  const haveXmllint = !xmllint.error && xmllint.status === 0;
  const haveSchema = existsSync(schema);
  const reason = !haveXmllint
    ? "xmllint is not installed (apt-get install libxml2-utils)"
    : !haveSchema
      ? `the schema folder is absent (${path.dirname(schema)})`
      : null;
  if (reason) console.log(`Skipping the XSD test: ${reason}.`);
  const xsdTest = reason ? test.skip : test;

  const validate = (...files: string[]) =>
    spawnSync(process.execPath, [path.join(ROOT, "scripts", "validate-manifest.mjs"), ...files], { cwd: ROOT, encoding: "utf8" });

  xsdTest("manifest.xml and its production forms match OfficeAppManifestV1_1.xsd; a broken one does not", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "binhxet-manifest-"));
    try {
      const prodFile = path.join(dir, "prod.xml");
      const customFile = path.join(dir, "custom.xml");
      const badFile = path.join(dir, "bad.xml");
      writeFileSync(prodFile, toProductionManifest(xml));
      writeFileSync(customFile, toProductionManifest(xml, "https://thidua.example.gov.vn/binh-xet"));
      // Supertip before Label breaks the VersionOverrides sequence.
      writeFileSync(badFile, xml.replace(/(<Label resid="OpenPane.Label"\/>)(\s*)(<Supertip>[\s\S]*?<\/Supertip>)/, "$3$2$1"));
      const ok = validate("manifest.xml", prodFile, customFile);
      expect(ok.stderr).toBe("");
      expect(ok.status).toBe(0);
      expect(ok.stdout.match(/✓/g)).toHaveLength(3);
      const bad = validate(badFile);
      expect(bad.status).not.toBe(0);
      expect(bad.stderr).toMatch(/Supertip/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("the validator skips the XSD check, with a notice, when the schema folder is absent", () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, "scripts", "validate-manifest.mjs")], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, MANIFEST_SCHEMA_DIR: path.join(os.tmpdir(), "binhxet-no-such-schema-dir") },
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/XSD check skipped/);
  });
});
