/**
 * Getting a file the add-in made (an .xlsx or .csv) out of the task pane, per platform, and saying
 * plainly where it went. Never throws; never fails silently.
 *
 * What the platforms do (from the OfficeDev/office-js issue tracker and the Office and WebView2 docs):
 * - **Excel on the web** (and the browser preview): the pane is an iframe in the user's browser; a
 *   Blob URL on an `<a download>` downloads into the browser's Downloads folder. Chrome 83 began
 *   blocking downloads from sandboxed iframes without `allow-downloads`; Office on the web added the
 *   flag in mid-2020 (OfficeDev/office-js#1221, #1241).
 * - **Excel on Windows** (WebView2, Chromium): `<a download>` with a Blob URL works the same way
 *   (OfficeDev/office-js#2700, #4681, #6468 report it working on Windows); Excel shows the download
 *   in the pane (#1793), and WebView2 saves to the user's default download folder unless the host
 *   changes it (WebView2 `CoreWebView2Profile.DefaultDownloadFolderPath`: "the system default
 *   download folder path for the user").
 * - **Excel on Mac** (WKWebView), and iPad: `<a download>` / FileSaver.js do nothing, with no error
 *   (#3385, #4681 open "in backlog", #6468 in 2026; #2700 closed "by design": WKWebView has no
 *   download handling unless the host app implements it). `Office.context.ui.openBrowserWindow`
 *   takes only http(s) URLs (office-js typings; #3: "does not work with file URLs. This is by
 *   design"), so a blob:/data: URL cannot go to the system browser, and a `displayDialogAsync`
 *   dialog is the same WKWebView (#3, #503). What does work there is `Excel.createWorkbook(base64)`
 *   (ExcelApi 1.8, which the manifest already requires): it opens an .xlsx as a new workbook window
 *   that the user saves with File › Save As (on Mac the new window may open behind the current one,
 *   #6943). It takes .xlsx only, so a CSV cannot travel that way: the user is told what to do.
 *
 * The pane must not call Office itself (only src/excel does): the caller passes the platform
 * (`Office.context.diagnostics.platform`) and, where it can, `openWorkbook` (a wrapper around
 * `Excel.createWorkbook` from src/excel). Both are optional, so the preview and the tests run as is.
 */
import type { Message } from "../domain/issues";

export interface DeliverFile {
  /** The file name offered to the user, e.g. "Danh-sach-de-nghi-2025.xlsx". */
  name: string;
  mime: string;
  bytes: Uint8Array;
}

export interface DeliverEnv {
  /** `Office.context.diagnostics.platform`: "PC", "Mac", "OfficeOnline", "iOS", "Android", "Universal"; absent in the browser preview. */
  platform?: string;
  /** Opens a Base64 .xlsx as a new workbook (`Excel.createWorkbook`, ExcelApi 1.8); used where the pane cannot download. */
  openWorkbook?: (base64: string) => Promise<void>;
}

/** "download": handed to the browser's / WebView2's download; "workbook": opened as a new workbook in Excel; "none": not delivered. */
export type DeliverHow = "download" | "workbook" | "none";

export interface DeliverResult {
  ok: boolean;
  how: DeliverHow;
  message: Message;
}

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const CSV_MIME = "text/csv;charset=utf-8";

/** How long a Blob URL lives after the click (the download reads it asynchronously; FileSaver.js waits 40 s too). */
export const REVOKE_AFTER_MS = 40_000;

/** Platforms whose web view drops downloads without a word (WKWebView on Mac/iPad; Android's WebView needs host support too). */
const NO_DOWNLOAD = new Set(["mac", "ios", "android"]);

const isXlsx = (f: DeliverFile) => f.mime === XLSX_MIME || /\.xlsx$/i.test(f.name);

const detailOf = (e: unknown) => (e instanceof Error ? e.message : String(e ?? "")).slice(0, 160);

/** Base64 of bytes, in chunks (no call-stack limit on large files). */
export function toBase64(bytes: Uint8Array): string {
  let bin = "";
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

const MSG = {
  web: (n: string): Message => ({
    vi: `Đã tải tệp “${n}” về thư mục Tải về (Downloads) của trình duyệt.`,
    en: `The file “${n}” was downloaded to your browser's Downloads folder.`,
  }),
  windows: (n: string): Message => ({
    vi: `Đã tải tệp “${n}” về thư mục Tải về (Downloads) của Windows: mở File Explorer, chọn “Downloads”. ` + "Nếu Excel hỏi nơi lưu, tệp nằm ở thư mục bạn chọn.",
    en: `The file “${n}” was saved to your Windows Downloads folder: open File Explorer and choose “Downloads”. ` + "If Excel asked where to save it, it is in the folder you chose.",
  }),
  workbook: (n: string, mac: boolean): Message => ({
    vi:
      `${mac ? "Excel trên máy Mac không cho add-in tải tệp xuống, nên " : ""}tệp “${n}” đã được mở thành một sổ làm việc mới trong Excel` +
      `${mac ? " (cửa sổ mới có thể nằm sau cửa sổ này: xem menu Window)" : ""}. ` +
      `Để lưu vào máy: trong sổ làm việc mới chọn File › Save As (Tệp › Lưu thành) và đặt tên “${n}”.`,
    en:
      `${mac ? "Excel for Mac does not let add-ins download files, so " : ""}the file “${n}” was opened as a new workbook in Excel` +
      `${mac ? " (the new window may be behind this one: see the Window menu)" : ""}. To keep it: in the new workbook choose File › Save As and name it “${n}”.`,
  }),
  noCsvHere: (n: string, mac: boolean): Message => ({
    vi:
      `Chưa lưu được tệp “${n}”: Excel ${mac ? "trên máy Mac" : "trên thiết bị này"} không cho add-in tải tệp xuống và chỉ mở được tệp .xlsx. ` +
      "Cách làm: xuất danh sách dạng .xlsx (tệp sẽ mở thành sổ làm việc mới) rồi chọn File › Save As, định dạng “CSV UTF-8”; " +
      "hoặc mở bảng tính này bằng Excel trên web hay trên Windows rồi xuất lại.",
    en:
      `The file “${n}” was not saved: Excel ${mac ? "for Mac" : "on this device"} does not let add-ins download files and can only open .xlsx files. ` +
      "Instead: export the list as .xlsx (it opens as a new workbook), then choose File › Save As with the format “CSV UTF-8”; " +
      "or open this workbook in Excel on the web or on Windows and export again.",
  }),
  noWayHere: (n: string): Message => ({
    vi: `Chưa lưu được tệp “${n}”: Excel trên thiết bị này không cho add-in tải tệp xuống. ` + "Hãy mở bảng tính này bằng Excel trên web (trình duyệt) hoặc Excel trên Windows rồi xuất lại.",
    en: `The file “${n}” was not saved: Excel on this device does not let add-ins download files. ` + "Open this workbook in Excel on the web (in a browser) or Excel on Windows and export again.",
  }),
  downloadFailed: (n: string, d: string): Message => ({
    vi: `Không tải được tệp “${n}”${d ? ` (${d})` : ""}. Hãy thử lại; nếu vẫn lỗi, mở bảng tính bằng Excel trên web rồi xuất lại.`,
    en: `The file “${n}” could not be downloaded${d ? ` (${d})` : ""}. Try again; if it still fails, open the workbook in Excel on the web and export again.`,
  }),
  openFailed: (n: string, d: string): Message => ({
    vi: `Không mở được tệp “${n}” thành sổ làm việc mới${d ? ` (${d})` : ""}. Hãy mở bảng tính này bằng Excel trên web hoặc trên Windows rồi xuất lại.`,
    en: `The file “${n}” could not be opened as a new workbook${d ? ` (${d})` : ""}. Open this workbook in Excel on the web or on Windows and export again.`,
  }),
};

/** Hands the bytes to the browser's download through a Blob URL on an `<a download>`; throws when the page cannot. */
function anchorDownload(file: DeliverFile): void {
  if (typeof document === "undefined" || typeof URL === "undefined" || typeof URL.createObjectURL !== "function") {
    throw new Error("no download support in this view");
  }
  const a = document.createElement("a");
  if (!("download" in a)) throw new Error("no download support in this view");
  const url = URL.createObjectURL(new Blob([file.bytes as BlobPart], { type: file.mime }));
  try {
    a.href = url;
    a.download = file.name;
    a.rel = "noopener";
    a.style.display = "none";
    document.body.appendChild(a);
    a.click();
  } catch (e) {
    URL.revokeObjectURL(url);
    throw e;
  } finally {
    a.remove();
  }
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}

async function openAsWorkbook(file: DeliverFile, open: (base64: string) => Promise<void>, mac: boolean): Promise<DeliverResult> {
  try {
    await open(toBase64(file.bytes));
    return { ok: true, how: "workbook", message: MSG.workbook(file.name, mac) };
  } catch (e) {
    return { ok: false, how: "none", message: MSG.openFailed(file.name, detailOf(e)) };
  }
}

/**
 * Delivers a file from the pane: a download on the web, in the preview and on Windows; on Mac
 * (and iPad/Android) an .xlsx opened as a new workbook through `env.openWorkbook`. Always returns a
 * bilingual message saying where the file went or what to do instead.
 */
export async function deliverFile(file: DeliverFile, env: DeliverEnv = {}): Promise<DeliverResult> {
  try {
    const platform = (env.platform ?? "").toLowerCase();
    const canOpen = !!env.openWorkbook && isXlsx(file);
    if (NO_DOWNLOAD.has(platform)) {
      const mac = platform === "mac";
      if (canOpen) return await openAsWorkbook(file, env.openWorkbook!, mac);
      // A CSV cannot be opened as a workbook; point to the .xlsx route when there is one.
      const csv = /\.csv$/i.test(file.name);
      return { ok: false, how: "none", message: env.openWorkbook && csv ? MSG.noCsvHere(file.name, mac) : MSG.noWayHere(file.name) };
    }
    try {
      anchorDownload(file);
    } catch (e) {
      if (canOpen) return await openAsWorkbook(file, env.openWorkbook!, false);
      return { ok: false, how: "none", message: MSG.downloadFailed(file.name, detailOf(e)) };
    }
    return { ok: true, how: "download", message: platform === "pc" ? MSG.windows(file.name) : MSG.web(file.name) };
  } catch (e) {
    return { ok: false, how: "none", message: MSG.downloadFailed(file.name, detailOf(e)) };
  }
}

export const ZIP_MIME = "application/zip";

/** Files into one .zip (JSZip, loaded only when asked); a repeated name gets "-2", "-3" before its extension. */
export async function zipFiles(files: readonly DeliverFile[]): Promise<Uint8Array> {
  const mod = (await import("jszip")) as unknown as { default?: typeof import("jszip") } & typeof import("jszip");
  const JSZip = mod.default ?? mod;
  const zip = new JSZip();
  const seen = new Set<string>();
  for (const f of files) {
    let name = f.name;
    for (let k = 2; seen.has(name.toLowerCase()); k++) name = f.name.replace(/(\.[^./]*)?$/, (ext) => `-${k}${ext}`);
    seen.add(name.toLowerCase());
    zip.file(name, f.bytes);
  }
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

export type DeliverAllResult =
  /** One .zip, from the click (browsers ask about, or drop, several downloads fired from timers: issue #14 item 7). */
  | { kind: "zip"; name: string; count: number; result: DeliverResult }
  /** Where the view cannot download (Mac, iPad): each file its own way (.xlsx as a new workbook), in turn. */
  | { kind: "each"; results: Record<string, DeliverResult> };

/** Delivers every file: one .zip named `zipName` where the view downloads, else each file as `deliverFile` can. */
export async function deliverAll(files: readonly DeliverFile[], zipName: string, env: DeliverEnv = {}): Promise<DeliverAllResult> {
  if (NO_DOWNLOAD.has((env.platform ?? "").toLowerCase())) {
    const results: Record<string, DeliverResult> = {};
    for (const f of files) results[f.name] = await deliverFile(f, env);
    return { kind: "each", results };
  }
  let bytes: Uint8Array;
  try {
    bytes = await zipFiles(files);
  } catch (e) {
    return { kind: "zip", name: zipName, count: files.length, result: { ok: false, how: "none", message: MSG.downloadFailed(zipName, detailOf(e)) } };
  }
  return { kind: "zip", name: zipName, count: files.length, result: await deliverFile({ name: zipName, mime: ZIP_MIME, bytes }, env) };
}
