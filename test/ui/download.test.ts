/** @jest-environment jsdom */
import JSZip from "jszip";
import { CSV_MIME, deliverAll, deliverFile, REVOKE_AFTER_MS, toBase64, XLSX_MIME, zipFiles } from "../../src/taskpane/download";

const BYTES = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0xc3, 0xa1, 0xff, 0x00]);
const XLSX = { name: "Danh sách đề nghị.xlsx", mime: XLSX_MIME, bytes: BYTES };
const CSV = { name: "Danh sách đề nghị.csv", mime: CSV_MIME, bytes: new Uint8Array([0xef, 0xbb, 0xbf, 0x41]) };

type Clicked = { download: string; href: string; inDocument: boolean };

let clicks: Clicked[];
let created: Blob[];
let revoked: string[];
const urlApi = URL as unknown as Record<string, unknown>;

beforeEach(() => {
  jest.useFakeTimers();
  clicks = [];
  created = [];
  revoked = [];
  urlApi.createObjectURL = (b: Blob) => {
    created.push(b);
    return `blob:https://localhost/${created.length}`;
  };
  urlApi.revokeObjectURL = (u: string) => void revoked.push(u);
  jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
    clicks.push({ download: this.download, href: this.href, inDocument: document.body.contains(this) });
  });
});

afterEach(() => {
  jest.restoreAllMocks();
  jest.useRealTimers();
  delete urlApi.createObjectURL;
  delete urlApi.revokeObjectURL;
});

describe("deliverFile where the pane can download (web, preview, Windows)", () => {
  it.each([undefined, "OfficeOnline"])("clicks an <a download> with a blob: URL, then revokes it (platform %s)", async (platform) => {
    const out = await deliverFile(XLSX, { platform });
    expect(clicks).toEqual([{ download: XLSX.name, href: "blob:https://localhost/1", inDocument: true }]);
    expect(created).toHaveLength(1);
    expect(created[0].type).toBe(XLSX_MIME);
    expect(created[0].size).toBe(BYTES.length);
    expect(document.querySelectorAll("a")).toHaveLength(0);
    expect(revoked).toEqual([]);
    jest.advanceTimersByTime(REVOKE_AFTER_MS);
    expect(revoked).toEqual(["blob:https://localhost/1"]);
    expect(out).toEqual({
      ok: true,
      how: "download",
      message: { vi: `Đã tải tệp “${XLSX.name}” về thư mục Tải về (Downloads) của trình duyệt.`, en: expect.stringContaining("Downloads folder") },
    });
  });

  it("on Windows downloads too and names the Windows Downloads folder", async () => {
    const open = jest.fn(async () => undefined);
    const out = await deliverFile(CSV, { platform: "PC", openWorkbook: open });
    expect(clicks.map((c) => c.download)).toEqual([CSV.name]);
    expect(open).not.toHaveBeenCalled();
    expect(out.ok).toBe(true);
    expect(out.how).toBe("download");
    expect(out.message.vi).toContain("Tải về (Downloads) của Windows");
    expect(out.message.en).toContain("Windows Downloads folder");
  });

  it("returns ok:false with a message, never throws, when the view has no Blob URLs", async () => {
    delete urlApi.createObjectURL;
    const out = await deliverFile(CSV, {});
    expect(out.ok).toBe(false);
    expect(out.how).toBe("none");
    expect(out.message.vi).toContain(`Không tải được tệp “${CSV.name}”`);
    expect(out.message.en).toContain("could not be downloaded");
    expect(clicks).toEqual([]);
  });

  it("revokes the URL and leaves no anchor behind when the click throws", async () => {
    jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => {
      throw new Error("blocked");
    });
    const out = await deliverFile(CSV, { platform: "OfficeOnline" });
    expect(out).toMatchObject({ ok: false, how: "none" });
    expect(out.message.vi).toContain("(blocked)");
    expect(revoked).toEqual(["blob:https://localhost/1"]);
    expect(document.querySelectorAll("a")).toHaveLength(0);
  });

  it("falls back to opening an .xlsx as a new workbook when the download fails", async () => {
    delete urlApi.createObjectURL;
    const open = jest.fn(async () => undefined);
    const out = await deliverFile(XLSX, { platform: "PC", openWorkbook: open });
    expect(open).toHaveBeenCalledWith(toBase64(BYTES));
    expect(out).toMatchObject({ ok: true, how: "workbook" });
  });
});

describe("deliverFile on Excel for Mac (no downloads from the pane)", () => {
  it("opens an .xlsx as a new workbook and says how to save it", async () => {
    let got = "";
    const out = await deliverFile(XLSX, { platform: "Mac", openWorkbook: async (b64) => void (got = b64) });
    expect(clicks).toEqual([]);
    expect(Uint8Array.from(atob(got), (c) => c.charCodeAt(0))).toEqual(BYTES);
    expect(out.ok).toBe(true);
    expect(out.how).toBe("workbook");
    expect(out.message.vi).toContain("không cho add-in tải tệp xuống");
    expect(out.message.vi).toContain("File › Save As");
    expect(out.message.vi).toContain(XLSX.name);
    expect(out.message.en).toContain("opened as a new workbook");
  });

  it("says what to do with a CSV, which cannot be opened that way", async () => {
    const open = jest.fn(async () => undefined);
    const out = await deliverFile(CSV, { platform: "Mac", openWorkbook: open });
    expect(open).not.toHaveBeenCalled();
    expect(clicks).toEqual([]);
    expect(out).toMatchObject({ ok: false, how: "none" });
    expect(out.message.vi).toContain("CSV UTF-8");
    expect(out.message.en).toContain("export the list as .xlsx");
  });

  it("points to Excel on the web or Windows when no workbook opener is given", async () => {
    const out = await deliverFile(XLSX, { platform: "Mac" });
    expect(out).toMatchObject({ ok: false, how: "none" });
    expect(out.message.vi).toContain("Excel trên web");
    expect(clicks).toEqual([]);
  });

  it("reports a failing opener instead of throwing", async () => {
    const out = await deliverFile(XLSX, { platform: "Mac", openWorkbook: () => Promise.reject(new Error("InvalidArgument")) });
    expect(out).toMatchObject({ ok: false, how: "none" });
    expect(out.message.vi).toContain("Không mở được tệp");
    expect(out.message.en).toContain("(InvalidArgument)");
  });
});

describe("toBase64", () => {
  it("encodes files larger than one chunk", () => {
    const big = new Uint8Array(100_000).map((_, i) => (i * 7) % 256);
    expect(toBase64(big)).toBe(Buffer.from(big).toString("base64"));
  });
});

describe("deliverAll: one .zip from the click (issue #14 item 7)", () => {
  // JSZip schedules its work on timers.
  beforeEach(() => jest.useRealTimers());
  // Browsers ask before, or drop, a second download a page starts without a click (Chrome's "automatic downloads" permission).
  it("where the view downloads, clicks once, for a .zip holding every file (a repeated name gets -2)", async () => {
    const out = await deliverAll([XLSX, CSV, { ...XLSX, bytes: new Uint8Array([1, 2, 3]) }], "Ho-so-2026.zip", { platform: "PC" });
    expect(out.kind).toBe("zip");
    expect(clicks.map((c) => c.download)).toEqual(["Ho-so-2026.zip"]);
    expect(created.map((b) => b.type)).toEqual(["application/zip"]);
    const z = await JSZip.loadAsync(await zipFiles([XLSX, CSV, { ...XLSX, bytes: new Uint8Array([1, 2, 3]) }]));
    expect(Object.keys(z.files)).toEqual(["Danh sách đề nghị.xlsx", "Danh sách đề nghị.csv", "Danh sách đề nghị-2.xlsx"]);
    await expect(z.file("Danh sách đề nghị-2.xlsx")!.async("uint8array")).resolves.toEqual(new Uint8Array([1, 2, 3]));
    expect(out.kind === "zip" && out.result.message.vi).toContain("Ho-so-2026.zip");
  });

  it("on a Mac (no downloads in WKWebView, OfficeDev/office-js#3385) each file goes its own way: the .xlsx as a new workbook, the CSV explained", async () => {
    const opened: string[] = [];
    const out = await deliverAll([XLSX, CSV], "Ho-so-2026.zip", { platform: "Mac", openWorkbook: async (b) => void opened.push(b) });
    expect(clicks).toEqual([]);
    expect(out.kind).toBe("each");
    if (out.kind !== "each") return;
    expect(opened).toEqual([toBase64(XLSX.bytes)]);
    expect(out.results[XLSX.name].how).toBe("workbook");
    expect(out.results[CSV.name].ok).toBe(false);
  });
});
