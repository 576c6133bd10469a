/**
 * The proposed list as files for the provincial board (issue #5 items 6–7, DOMAIN §5).
 *
 * - `.xlsx`: sheet "Danh sách", a plain list with the fields of a provincial template (not any
 *   system's import file: LIFESOFT's importer keeps none of its rows, test/export/lifesoftFormat;
 *   a system's own template is written from its format data by ./importFormat.ts); sheet "Chi
 *   tiết" with the evidence the bloc's list adds (total score, rank, votes for / denominator, %, note).
 * - `.csv`: the same "Danh sách" rows, UTF-8 with a BOM (so Excel reads the diacritics), RFC 4180
 *   quoting, CRLF line ends, every text cell passed through {@link safeCell}.
 *
 * Pure of Office: ExcelJS writes the bytes (a dynamic import, as in memberFile.ts, so the pane's
 * bundle fetches it only when a file is made).
 */
import type ExcelJS from "exceljs";
import type { AwardKind, Proposal } from "../domain/nomination/model";
import { cleanText, nameKey } from "../domain/text";

/**
 * The generic list's columns: the fields of a provincial import template (MauTDKT.xlsx) in a plain
 * order, for reading and for pasting. A system's own template, with its codes, is written from its
 * format data by ./importFormat.ts.
 */
export const IMPORT_COLUMNS: readonly string[] = Object.freeze([
  "STT",
  "Phân loại khen thưởng",
  "Tên tập thể/cá nhân/hộ gia đình",
  "Chức vụ",
  "Đơn vị công tác",
  "Danh hiệu/Hình thức",
  "Phân loại đối tượng",
  "Lĩnh vực hoạt động",
]);

/** The evidence sheet's columns. */
export const DETAIL_COLUMNS: readonly string[] = Object.freeze([
  "STT",
  "Tên đơn vị",
  "Danh hiệu/Hình thức",
  "Tổng điểm",
  "Xếp hạng",
  "Phiếu đồng ý",
  "Mẫu số",
  "Tỷ lệ %",
  "Ghi chú",
]);

export const LIST_SHEET = "Danh sách";
export const DETAIL_SHEET = "Chi tiết";

/** "Phân loại khen thưởng" by the award's kind: titles and forms of reward are never mixed. */
export const KIND_LABELS: Readonly<Record<AwardKind, string>> = Object.freeze({ title: "Danh hiệu thi đua", reward: "Hình thức khen thưởng" });

export interface ListExportOptions {
  /** "Lĩnh vực hoạt động" (the bloc's field of activity); default "". */
  field?: string;
  /** "Phân loại đối tượng"; default "Tập thể" (the bloc proposes collectives). */
  objectType?: string;
}

export const DEFAULT_OBJECT_TYPE = "Tập thể";

/**
 * The proposals that go on the list: only proposed ones, one per unit and award (the first wins
 * when the same unit+award comes twice, names compared by their key), titles before forms of
 * reward, the caller's order kept within each kind.
 */
export function listed(proposals: readonly Proposal[]): Proposal[] {
  const seen = new Set<string>();
  const out: Proposal[] = [];
  for (const p of proposals) {
    if (!p.proposed) continue;
    const key = `${nameKey(p.unit)}\u0000${p.awardId || nameKey(p.award)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(p);
  }
  return [...out.filter((p) => p.kind === "title"), ...out.filter((p) => p.kind !== "title")];
}

/**
 * One row per proposed unit and award, in {@link IMPORT_COLUMNS} order: STT (1, 2, …), the kind's
 * label, the unit's name, Chức vụ and Đơn vị công tác empty (the list is of collectives), the award's
 * name, the object type and the field. Text is NFC with white space folded.
 */
export function importRows(proposals: Proposal[], opts: ListExportOptions = {}): (string | number)[][] {
  const objectType = cleanText(opts.objectType ?? DEFAULT_OBJECT_TYPE);
  const field = cleanText(opts.field ?? "");
  return listed(proposals).map((p, i) => [i + 1, KIND_LABELS[p.kind], cleanText(p.unit), "", "", cleanText(p.award), objectType, field]);
}

/** The note on the evidence sheet: the meeting's decision (when it overrode the engine), then the reasons. */
function noteOf(p: Proposal): string {
  const reasons = p.reasons.map((r) => cleanText(r.vi)).filter((r) => r !== "");
  const decided = p.override ? cleanText(p.override.reason) : "";
  const parts = decided && !reasons.some((r) => r.includes(decided)) ? [`Hội nghị quyết định: ${decided}`, ...reasons] : reasons;
  return parts.join("; ");
}

/** The evidence rows (same STT and order as {@link importRows}); a missing number is null (an empty cell). */
export function detailRows(proposals: Proposal[]): (string | number | null)[][] {
  return listed(proposals).map((p, i) => [i + 1, cleanText(p.unit), cleanText(p.award), p.total, p.rank, p.votes, p.denominator, p.percent, noteOf(p)]);
}

/** ExcelJS as a module, whether the bundler hands it over as a namespace or as `default`. */
export async function loadExcelJs(): Promise<typeof ExcelJS> {
  const mod = (await import("exceljs")) as unknown as { default?: typeof ExcelJS } & typeof ExcelJS;
  return mod.default && typeof mod.default.Workbook === "function" ? mod.default : mod;
}

/** NĐ 30/2020: Times New Roman. */
export const SHEET_FONT = { name: "Times New Roman", size: 12 } as const;
const FONT = SHEET_FONT;
const THIN = { style: "thin" } as const;
export const SHEET_BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN } as const;
const BORDER = SHEET_BORDER;

/**
 * Writes a header and rows; text cells get the Text number format ("@"), so a value such as "=A1"
 * or "-Phòng" stays the text it is (ExcelJS writes a string as a string, never as a formula) and
 * Excel keeps it text when the cell is edited.
 */
export function fillSheet(ws: ExcelJS.Worksheet, header: readonly string[], rows: readonly (string | number | null)[][], widths: readonly number[], numFmts: Record<number, string> = {}) {
  ws.addRow([...header]);
  for (const r of rows) ws.addRow(r.map((v) => (v === null ? null : v)));
  ws.columns.forEach((c, i) => (c.width = widths[i] ?? 14));
  ws.views = [{ state: "frozen", ySplit: 1 }];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    for (let c = 1; c <= header.length; c++) {
      const cell = row.getCell(c);
      cell.font = rowNumber === 1 ? { ...FONT, bold: true } : { ...FONT };
      cell.border = BORDER;
      cell.alignment = { vertical: "middle", wrapText: true, horizontal: rowNumber === 1 ? "center" : undefined };
      if (rowNumber === 1) continue;
      if (typeof cell.value === "string") cell.numFmt = "@";
      else if (numFmts[c]) cell.numFmt = numFmts[c];
    }
  });
}

/**
 * The list as an .xlsx: sheet "Danh sách" (the import template's header and rows) and sheet
 * "Chi tiết" (the evidence: total, rank, votes for, denominator, % with 2 decimals, note).
 */
export async function listXlsx(proposals: Proposal[], opts: ListExportOptions = {}): Promise<Uint8Array> {
  const lib = await loadExcelJs();
  const wb = new lib.Workbook();
  wb.creator = "Bình xét thi đua";
  fillSheet(wb.addWorksheet(LIST_SHEET), IMPORT_COLUMNS, importRows(proposals, opts), [6, 22, 40, 14, 20, 40, 18, 22]);
  fillSheet(wb.addWorksheet(DETAIL_SHEET), DETAIL_COLUMNS, detailRows(proposals), [6, 40, 40, 11, 10, 12, 10, 10, 60], { 4: "0.00", 5: "0", 6: "0", 7: "0", 8: "0.00" });
  return toBytes(wb);
}

/** A workbook's .xlsx bytes: a Node Buffer (a Uint8Array) under Node, an ArrayBuffer in the browser. */
export async function toBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const buf = (await wb.xlsx.writeBuffer()) as unknown as Uint8Array | ArrayBuffer;
  return buf instanceof Uint8Array ? new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength) : new Uint8Array(buf);
}

/**
 * A cell that a spreadsheet would run as a formula, made inert (OWASP "CSV Injection"): text whose
 * first character is `=`, `+`, `-`, `@`, a tab or a carriage return, or whose first character after
 * leading white space (spaces, tabs, CR/LF, no-break spaces) is `=`, `+`, `-` or `@` (or their
 * full-width forms ＝ ＋ － ＠, which some Excel input locales also read as formula starters), gets a
 * leading apostrophe `'`. Everything else is returned unchanged. The apostrophe shows when the CSV
 * is opened: that is the accepted price of never running a cell (a legitimate "-5" becomes "'-5").
 * Apply it to text cells only; numbers written as numbers need none.
 */
export function safeCell(s: string): string {
  if (s === "") return s;
  if (/^[\t\r]/.test(s) || /^[\s\u00a0\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20]/.test(s)) return `'${s}`;
  return s;
}

/** RFC 4180: a field holding a comma, a double quote, CR or LF is quoted, its quotes doubled. */
function csvField(v: string | number | null): string {
  if (v === null) return "";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  const s = safeCell(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const BOM = "\ufeff";

/** The CSV text (with its BOM) of a header and rows: CRLF after every record. */
export function csvText(header: readonly string[], rows: readonly (string | number | null)[][]): string {
  return BOM + [header, ...rows].map((r) => r.map(csvField).join(",")).join("\r\n") + "\r\n";
}

/** The list as CSV bytes: UTF-8 with a BOM, RFC 4180 quoting, CRLF, {@link IMPORT_COLUMNS} order, text through {@link safeCell}. */
export function listCsv(proposals: Proposal[], opts: ListExportOptions = {}): Uint8Array {
  return new TextEncoder().encode(csvText(IMPORT_COLUMNS, importRows(proposals, opts)));
}
