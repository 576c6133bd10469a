import { raise, type IssueCode } from "../../domain/codes";
import { hasErrors, type Issue, type Where } from "../../domain/issues";
import { AWARD_LEVELS, type Award, type AwardKind, type AwardLevel, type Catalogue } from "../../domain/nomination/model";
import { cleanText, foldDiacritics } from "../../domain/text";
import { DENOMINATORS, DENOMINATOR_WORDS, type Comparison, type Denominator } from "../../domain/voting/model";
import { cellAddress, columnLetter, rangeAddress } from "../a1";
import type { Grid } from "../grid";
import { emptyPlan, type PlanCell, type SheetPlan } from "../plan";

/**
 * The bloc's award catalogue (DOMAIN §3), a setting kept in the workbook (rule 1): one row per
 * emulation title (danh hiệu thi đua) or form of reward (hình thức khen thưởng), with its level,
 * priority, quota, prerequisites, vote rule and legal basis. The sheet is not protected: the
 * yellow cells are the bloc's to edit, and custom entries go in the empty rows below. The reader
 * finds the table by its header labels, so inserted rows and columns read the same; the app checks
 * the catalogue it returns (validateCatalogue) and points that check's issues at cells by `cellOf`.
 */

export const CATALOGUE_SHEET = "Khen thưởng";
export const CATALOGUE_TITLE = "DANH MỤC DANH HIỆU THI ĐUA VÀ HÌNH THỨC KHEN THƯỞNG CỦA KHỐI";
/** The workbook name over the table (header, awards and empty rows), for finding a renamed sheet. */
export const CATALOGUE_TABLE_NAME = "BX_KhenThuong";
/** The award names column (spare rows included): the drop-down source of sheets that pick an award. */
export const CATALOGUE_AWARD_NAMES = "BX_KhenThuong_Ten";
/** Empty rows below the awards, for custom entries. */
export const CATALOGUE_SPARE_ROWS = 10;
/** Fixed rows of a freshly written sheet (0-based). */
export const CATALOGUE_LAYOUT = { title: 0, note: 1, header: 3, first: 4 } as const;

const NOTE =
  "Danh hiệu thi đua và hình thức khen thưởng là hai loại khác nhau, không ghi lẫn với nhau; một thành tích chỉ đề nghị một hình thức (các dòng “Loại trừ khen thấp hơn” = Có, Luật Thi đua, khen thưởng 2022 Điều 5). " +
  "Sửa các ô màu vàng; thêm danh hiệu hoặc hình thức khen thưởng của khối vào các dòng trống bên dưới. " +
  "Để trống Số lượng tối đa = không giới hạn; “Phải trúng bỏ phiếu” quyết định có cần bỏ phiếu hay không, Tỷ lệ phiếu chỉ để ghi vào lý do (người đạt do quy tắc của chính cuộc bỏ phiếu quyết định); Xếp loại yêu cầu ghi các mức cách nhau bởi dấu chấm phẩy (;). " +
  "Add-in Bình xét đọc bảng theo tên cột: có thể chèn dòng, chèn cột, nhưng không đổi tên các tiêu đề cột.";

/** "Loại" as the sheet shows it. */
export const KIND_TEXT: Record<AwardKind, string> = { title: "Danh hiệu thi đua", reward: "Hình thức khen thưởng" };
/** "Cấp" as the sheet shows it ("Sở, ngành" holds a comma: its drop-down reads a hidden range). */
export const LEVEL_TEXT: Record<AwardLevel, string> = { government: "Chính phủ", province: "Tỉnh", party: "Tỉnh ủy", department: "Sở, ngành" };
export const YES = "Có";
export const NO = "Không";
export const COMPARISON_TEXT: Record<Comparison, string> = { ">=": "≥", ">": ">" };

/** The table's columns, in sheet order, and their header labels. */
export const CATALOGUE_HEADERS = {
  id: "Mã",
  name: "Tên danh hiệu / hình thức",
  kind: "Loại",
  level: "Cấp",
  priority: "Thứ tự ưu tiên",
  quota: "Số lượng tối đa/khối",
  percentCap: "Tỷ lệ tối đa (%)",
  maxRank: "Hạng tối đa",
  bands: "Xếp loại yêu cầu",
  leading: "Phải là đơn vị dẫn đầu",
  votePassed: "Phải trúng bỏ phiếu",
  chosen: "Khối chọn đề nghị",
  registered: "Phải đăng ký thi đua",
  excludesLower: "Loại trừ khen thấp hơn",
  votePercent: "Tỷ lệ phiếu (%)",
  comparison: "So sánh",
  denominator: "Mẫu số",
  ruleNote: "Quy định áp dụng (ghi vào lý do)",
  legalBasis: "Căn cứ pháp lý",
  custom: "Bổ sung",
} as const;
export type CatalogueColumn = keyof typeof CATALOGUE_HEADERS;
const COLUMNS = Object.keys(CATALOGUE_HEADERS) as CatalogueColumn[];
const COL = Object.fromEntries(COLUMNS.map((k, i) => [k, i])) as Record<CatalogueColumn, number>;
const WIDTH = COLUMNS.length;
/** The hidden column holding the "Cấp" drop-down's items, below the table (a gap column before it). */
const LIST_COL = WIDTH + 1;
const LIST_HEADER = "Danh sách cấp (để chọn, không sửa)";

const INPUT_FILL = "#FFFFE0";
const yesNo = (b: boolean) => (b ? YES : NO);

/**
 * The plan of the sheet: title, note, the table (one row per award, then empty rows whose "Bổ
 * sung" is pre-filled "Có", so an entry typed there reads as custom), drop-downs, number checks,
 * the workbook name over the table, A4 landscape. Not protected.
 */
export function catalogueSheetPlan(c: Catalogue): SheetPlan {
  const p = emptyPlan(CATALOGUE_SHEET);
  p.tabColor = "#BF8F00";
  const { title, note, header, first } = CATALOGUE_LAYOUT;
  const n = c.awards.length + CATALOGUE_SPARE_ROWS;
  const L = columnLetter;
  const col = (k: CatalogueColumn) => rangeAddress(first, COL[k], n, 1);

  p.blocks.push({ at: cellAddress(title, 0), rows: [[CATALOGUE_TITLE], [NOTE]] });
  const row = (a: Award): PlanCell[] => {
    const v: Record<CatalogueColumn, PlanCell> = {
      id: a.id,
      name: a.name,
      kind: KIND_TEXT[a.kind],
      level: LEVEL_TEXT[a.level],
      priority: a.priority,
      quota: a.quota,
      percentCap: a.percentCap,
      maxRank: a.prerequisites.maxRank,
      bands: a.prerequisites.bands.length > 0 ? a.prerequisites.bands.join("; ") : null,
      leading: yesNo(a.prerequisites.leading),
      votePassed: yesNo(a.prerequisites.votePassed),
      chosen: yesNo(a.prerequisites.chosen),
      registered: yesNo(a.prerequisites.registered),
      excludesLower: yesNo(a.excludesLower),
      votePercent: a.voteRule ? a.voteRule.percent : null,
      comparison: a.voteRule ? COMPARISON_TEXT[a.voteRule.comparison] : null,
      denominator: a.voteRule ? DENOMINATOR_WORDS[a.voteRule.denominator].vi : null,
      ruleNote: a.ruleNote || null,
      legalBasis: a.legalBasis || null,
      custom: yesNo(a.custom),
    };
    return COLUMNS.map((k) => v[k]);
  };
  const spare = (): PlanCell[] => COLUMNS.map((k) => (k === "custom" ? YES : null));
  const body = [...c.awards.map(row), ...Array.from({ length: CATALOGUE_SPARE_ROWS }, spare)];
  p.blocks.push({ at: cellAddress(header, 0), rows: [COLUMNS.map((k) => CATALOGUE_HEADERS[k]), ...body] });

  // The level list, below the table in a hidden column: an inline list would split "Sở, ngành".
  const listRow = first + n + 1;
  const levels = AWARD_LEVELS.map((l) => LEVEL_TEXT[l]);
  p.blocks.push({ at: cellAddress(listRow, LIST_COL), rows: [[LIST_HEADER], ...levels.map((t) => [t])] });
  p.hiddenColumns = [L(LIST_COL)];
  const levelSource = rangeAddress(listRow + 1, LIST_COL, levels.length, 1, true);

  const flagsList = [YES, NO];
  const flag = (k: CatalogueColumn, title: string, prompt: string) => ({
    range: col(k),
    rule: { kind: "list" as const, source: flagsList },
    error: { title, message: `Chọn "${YES}" hoặc "${NO}". / Pick "${YES}" (yes) or "${NO}" (no).` },
    prompt: { title: CATALOGUE_HEADERS[k], message: prompt },
  });
  p.validations.push(
    {
      range: col("id"),
      rule: { kind: "textLength", max: 40 },
      error: { title: "Mã quá dài", message: "Mã ngắn, không trùng, tối đa 40 ký tự (ví dụ: co-tinh). / A short unique id, at most 40 characters." },
      prompt: { title: "Mã", message: "Mã ngắn, không trùng (ví dụ: co-tinh). Để trống thì add-in lấy mã từ tên." },
    },
    {
      range: col("name"),
      rule: { kind: "textLength", max: 500 },
      error: { title: "Tên quá dài", message: "Tên danh hiệu / hình thức tối đa 500 ký tự. / At most 500 characters." },
    },
    {
      range: col("kind"),
      rule: { kind: "list", source: [KIND_TEXT.title, KIND_TEXT.reward] },
      error: { title: "Loại không hợp lệ", message: `Chọn "${KIND_TEXT.title}" hoặc "${KIND_TEXT.reward}". / Pick an emulation title or a form of reward.` },
    },
    {
      range: col("level"),
      rule: { kind: "list", source: { range: levelSource } },
      error: { title: "Cấp không hợp lệ", message: `Chọn một cấp trong danh sách: ${levels.join("; ")}. / Pick a level from the list.` },
    },
    {
      range: col("priority"),
      rule: { kind: "whole", min: 1, max: 1000 },
      error: { title: "Thứ tự ưu tiên", message: "Nhập số nguyên từ 1 đến 1000; 1 = xét trước (cao nhất). / A whole number 1–1000; 1 = considered first." },
    },
    {
      range: col("quota"),
      rule: { kind: "whole", min: 0, max: 10000 },
      error: { title: "Số lượng tối đa", message: "Nhập số nguyên từ 0 đến 10000, hoặc để trống nếu không giới hạn. / A whole number 0–10000, or blank for no quota." },
    },
    {
      range: col("percentCap"),
      rule: { kind: "decimal", min: 0, max: 100 },
      error: { title: "Tỷ lệ tối đa", message: "Nhập tỷ lệ % từ 0 đến 100, hoặc để trống. / A percent 0–100, or blank." },
    },
    {
      range: col("maxRank"),
      rule: { kind: "whole", min: 1, max: 10000 },
      error: { title: "Hạng tối đa", message: "Nhập số nguyên từ 1 (phải đứng đầu) trở lên, hoặc để trống. / A whole number from 1 (must be first), or blank." },
    },
    {
      range: col("bands"),
      rule: { kind: "textLength", max: 500 },
      error: { title: "Xếp loại yêu cầu", message: "Tối đa 500 ký tự. / At most 500 characters." },
      prompt: { title: "Xếp loại yêu cầu", message: "Tên các mức xếp loại (như ở Tổng hợp), cách nhau bởi dấu ; — để trống nếu không yêu cầu." },
    },
    flag("leading", "Đơn vị dẫn đầu", "Có = chỉ đơn vị dẫn đầu khối (hạng 1, không đồng hạng)."),
    flag("votePassed", "Phải trúng bỏ phiếu", "Có = đơn vị phải trúng trong cuộc bỏ phiếu của danh hiệu này."),
    flag("chosen", "Khối chọn đề nghị", "Có = chỉ đề nghị đơn vị mà hội nghị chọn (ghi ở trang Hội nghị bình xét), không đề nghị tự động."),
    flag(
      "registered",
      "Phải đăng ký thi đua",
      "Có = chỉ xét đơn vị đã đăng ký thi đua danh hiệu này đầu năm (trang Đăng ký thi đua), theo quy chế thi đua của tỉnh, khối; Không = không yêu cầu.",
    ),
    flag("excludesLower", "Loại trừ khen thấp hơn", "Có = một thành tích chỉ một hình thức khen thưởng (Luật TĐKT 2022 Điều 5): đơn vị được đề nghị mức cao hơn thì không đề nghị mức này."),
    {
      range: col("votePercent"),
      rule: { kind: "decimal", min: 0, max: 100 },
      error: { title: "Tỷ lệ phiếu", message: "Nhập tỷ lệ % từ 0 đến 100, hoặc để trống. / A percent 0–100, or blank." },
    },
    {
      range: col("comparison"),
      rule: { kind: "list", source: [COMPARISON_TEXT[">="], COMPARISON_TEXT[">"]] },
      error: { title: "So sánh", message: `Chọn "${COMPARISON_TEXT[">="]}" (từ … trở lên) hoặc "${COMPARISON_TEXT[">"]}" (trên). / Pick ≥ (at least) or > (more than).` },
    },
    {
      range: col("denominator"),
      rule: { kind: "list", source: DENOMINATORS.map((d) => DENOMINATOR_WORDS[d].vi) },
      error: { title: "Mẫu số", message: "Chọn mẫu số tính tỷ lệ phiếu trong danh sách. / Pick what the vote percent is taken over." },
    },
    flag("custom", "Bổ sung", "Có = danh hiệu / hình thức do khối bổ sung."),
  );
  const id0 = cellAddress(first, COL.id);
  p.conditionalFormats.push({
    range: col("id"),
    formula: `=AND(${id0}<>"",COUNTIF(${rangeAddress(first, COL.id, n, 1, true)},${id0})>1)`,
    format: { fill: "#F8CBAD", fontColor: "#C00000", bold: true },
  });

  p.names.push(
    { name: CATALOGUE_TABLE_NAME, range: rangeAddress(header, 0, n + 1, WIDTH, true), comment: "Danh mục danh hiệu thi đua và hình thức khen thưởng của khối" },
    { name: CATALOGUE_AWARD_NAMES, range: rangeAddress(first, COL.name, n, 1, true), comment: "Tên các danh hiệu, hình thức khen thưởng (nguồn danh sách chọn)" },
  );
  p.merges.push(rangeAddress(title, 0, 1, WIDTH), rangeAddress(note, 0, 1, WIDTH));
  p.formats.push(
    { range: rangeAddress(title, 0, 1, WIDTH), format: { bold: true, fontSize: 14, hAlign: "Center", fontColor: "#C00000" } },
    { range: rangeAddress(note, 0, 1, WIDTH), format: { italic: true, fontColor: "#595959", wrap: true, vAlign: "Top" } },
    { range: rangeAddress(header, 0, 1, WIDTH), format: { bold: true, fill: "#FCE4D6", hAlign: "Center", vAlign: "Center", wrap: true } },
    { range: rangeAddress(header, 0, n + 1, WIDTH), format: { borders: "Continuous", fontName: "Times New Roman" } },
    { range: rangeAddress(first, 0, n, WIDTH), format: { fill: INPUT_FILL, vAlign: "Center" } },
    { range: rangeAddress(first, COL.name, n, 1), format: { wrap: true } },
    { range: rangeAddress(first, COL.kind, n, COL.bands - COL.kind), format: { hAlign: "Center", wrap: true } },
    { range: rangeAddress(first, COL.bands, n, 1), format: { wrap: true } },
    { range: rangeAddress(first, COL.leading, n, COL.ruleNote - COL.leading), format: { hAlign: "Center", wrap: true } },
    { range: rangeAddress(first, COL.ruleNote, n, 1), format: { wrap: true } },
    { range: rangeAddress(first, COL.legalBasis, n, 1), format: { wrap: true } },
    { range: rangeAddress(first, COL.custom, n, 1), format: { hAlign: "Center" } },
    { range: rangeAddress(listRow, LIST_COL, 1, 1), format: { italic: true, fontColor: "#7F7F7F" } },
  );
  const widths: Record<CatalogueColumn, number> = {
    id: 60,
    name: 200,
    kind: 90,
    level: 70,
    priority: 55,
    quota: 60,
    percentCap: 55,
    maxRank: 50,
    bands: 110,
    leading: 60,
    votePassed: 60,
    chosen: 60,
    registered: 60,
    excludesLower: 60,
    votePercent: 55,
    comparison: 50,
    denominator: 100,
    ruleNote: 240,
    legalBasis: 240,
    custom: 50,
  };
  p.columnWidths.push(...COLUMNS.map((k) => ({ column: L(COL[k]), width: widths[k] })), { column: L(WIDTH), width: 12 }, { column: L(LIST_COL), width: 120 });
  p.rowHeights = [
    { row: note + 1, height: 60 },
    { row: header + 1, height: 48 },
  ];
  p.print = { orientation: "Landscape", paper: "A4", titleRows: `$${header + 1}:$${header + 1}`, fitToWidth: true };
  p.freeze = { rows: header + 1, columns: 2 };
  p.protection = null;
  return p;
}

// ---- Reading back.

/** A header or enum cell's comparison key: folded, "tỉ lệ" = "tỷ lệ", spaces around "/" and a trailing colon dropped. */
const key = (v: unknown): string =>
  foldDiacritics(String(v ?? ""))
    .replace(/[:：*]+$/, "")
    .replace(/\s*\/\s*/g, "/")
    .replace(/\bti le\b/g, "ty le")
    .trim();
const text = (v: unknown): string => (v === null || v === undefined ? "" : typeof v === "number" ? String(v) : typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : cleanText(String(v)));
/** Multi-line text (the legal basis): NFC, line breaks kept, other white space folded. */
const paragraph = (v: unknown): string =>
  typeof v === "string"
    ? v
        .normalize("NFC")
        .split(/\r\n?|\n/)
        .map((l) => cleanText(l))
        .join("\n")
        .trim()
    : text(v);

/** Accepted header spellings (keys), the sheet's own label first. */
const HEADER_ACCEPT: Record<CatalogueColumn, string[]> = {
  id: ["ma", "ma danh hieu", "id", "code"],
  name: ["ten danh hieu/hinh thuc", "ten danh hieu/hinh thuc khen thuong", "danh hieu/hinh thuc", "ten danh hieu", "ten", "name"],
  kind: ["loai", "phan loai", "kind"],
  level: ["cap", "cap khen", "level"],
  priority: ["thu tu uu tien", "uu tien", "priority"],
  quota: ["so luong toi da/khoi", "so luong toi da", "so luong", "quota"],
  percentCap: ["ty le toi da (%)", "ty le toi da", "percent cap"],
  maxRank: ["hang toi da", "max rank"],
  bands: ["xep loai yeu cau", "xep loai", "bands"],
  leading: ["phai la don vi dan dau", "don vi dan dau", "dan dau", "leading"],
  votePassed: ["phai trung bo phieu", "trung bo phieu", "vote passed"],
  chosen: ["khoi chon de nghi", "khoi chon", "hoi nghi chon", "chosen"],
  registered: ["phai dang ky thi dua", "dang ky thi dua", "phai dang ky", "registered"],
  excludesLower: ["loai tru khen thap hon", "loai tru", "excludes lower"],
  votePercent: ["ty le phieu (%)", "ty le phieu", "vote percent"],
  comparison: ["so sanh", "comparison"],
  denominator: ["mau so", "denominator"],
  ruleNote: ["quy dinh ap dung", "quy dinh", "rule note"],
  legalBasis: ["can cu phap ly", "can cu", "legal basis"],
  custom: ["bo sung", "custom"],
};
for (const k of COLUMNS) HEADER_ACCEPT[k].unshift(key(CATALOGUE_HEADERS[k]));

function byKey<T extends string>(entries: [string, T][]): Map<string, T> {
  return new Map(entries.map(([s, v]) => [key(s), v]));
}
const KIND_BY_KEY = byKey<AwardKind>([
  [KIND_TEXT.title, "title"],
  [KIND_TEXT.reward, "reward"],
  ["danh hieu", "title"],
  ["hinh thuc", "reward"],
  ["khen thuong", "reward"],
  ["title", "title"],
  ["reward", "reward"],
]);
const LEVEL_BY_KEY = byKey<AwardLevel>([
  ...AWARD_LEVELS.map((l): [string, AwardLevel] => [LEVEL_TEXT[l], l]),
  ...AWARD_LEVELS.map((l): [string, AwardLevel] => [l, l]),
  ["thu tuong chinh phu", "government"],
  ["ubnd tinh", "province"],
  ["so nganh", "department"],
  ["so/nganh", "department"],
]);
const FLAG_BY_KEY = byKey<"yes" | "no">([
  [YES, "yes"],
  [NO, "no"],
  ["x", "yes"],
  ["yes", "yes"],
  ["true", "yes"],
  ["no", "no"],
  ["false", "no"],
]);
const COMPARISON_BY_KEY = byKey<Comparison>([
  ["≥", ">="],
  [">=", ">="],
  ["=>", ">="],
  [">", ">"],
]);
const DENOMINATOR_BY_KEY = byKey<Denominator>([
  ...DENOMINATORS.map((d): [string, Denominator] => [DENOMINATOR_WORDS[d].vi, d]),
  ...DENOMINATORS.map((d): [string, Denominator] => [DENOMINATOR_WORDS[d].en, d]),
  ...DENOMINATORS.map((d): [string, Denominator] => [d, d]),
]);

/** The cells an award's fields are read from. */
export type CatalogueField =
  | keyof Award
  | "prerequisites.maxRank"
  | "prerequisites.bands"
  | "prerequisites.leading"
  | "prerequisites.votePassed"
  | "prerequisites.chosen"
  | "prerequisites.registered"
  | "voteRule.percent"
  | "voteRule.comparison"
  | "voteRule.denominator";

const FIELD_COLUMN: Record<CatalogueField, CatalogueColumn> = {
  id: "id",
  name: "name",
  kind: "kind",
  level: "level",
  priority: "priority",
  quota: "quota",
  percentCap: "percentCap",
  prerequisites: "maxRank",
  "prerequisites.maxRank": "maxRank",
  "prerequisites.bands": "bands",
  "prerequisites.leading": "leading",
  "prerequisites.votePassed": "votePassed",
  "prerequisites.chosen": "chosen",
  "prerequisites.registered": "registered",
  excludesLower: "excludesLower",
  voteRule: "votePercent",
  "voteRule.percent": "votePercent",
  "voteRule.comparison": "comparison",
  "voteRule.denominator": "denominator",
  ruleNote: "ruleNote",
  legalBasis: "legalBasis",
  custom: "custom",
};

export interface CatalogueRead {
  /** False when no header row (a "Tên danh hiệu / hình thức" cell with "Mã", "Loại" or "Cấp" beside it) is on the sheet. */
  found: boolean;
  /** The awards in sheet order; null when any error was found (or nothing was found). */
  catalogue: Catalogue | null;
  issues: Issue[];
  /**
   * The cell (A1, on the sheet as read) an award's field was read from, for pointing the catalogue
   * check's issues at the sheet; the award's name cell when that column is missing; undefined for
   * an index out of range.
   */
  cellOf: (awardIndex: number, field: CatalogueField) => string | undefined;
}

/** A slug of a name: "Cờ thi đua của UBND tỉnh" → "co-thi-dua-cua-ubnd-tinh" (at most 40 characters). */
export function slugOf(name: string): string {
  const s = foldDiacritics(name)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
  return s || "khen-thuong";
}

type Num = { ok: true; value: number | null } | { ok: false };
/** A number cell: a number, or text typed as a number ("12", "66,67", "20 %"); blank → null. */
function numberOf(v: unknown): Num {
  if (typeof v === "number") return Number.isFinite(v) ? { ok: true, value: v } : { ok: false };
  if (typeof v === "boolean") return { ok: false };
  const s = text(v).replace(/\s/g, "").replace(/%$/, "");
  if (!s) return { ok: true, value: null };
  if (!/^[+-]?(\d+([.,]\d+)?|[.,]\d+)$/.test(s)) return { ok: false };
  return { ok: true, value: Number(s.replace(",", ".")) };
}

/** The codes of a column's bad values: empty where it must be chosen, unknown among its choices, invalid as a number. */
const COLUMN_CODES: Partial<Record<CatalogueColumn, { empty?: IssueCode; unknown?: IssueCode; invalid?: IssueCode }>> = {
  kind: { empty: "catalogue.kind.empty", unknown: "catalogue.kind.unknown" },
  level: { empty: "catalogue.level.empty", unknown: "catalogue.level.unknown" },
  denominator: { empty: "catalogue.denominator.empty", unknown: "catalogue.denominator.unknown" },
  comparison: { unknown: "catalogue.comparison.unknown" },
  leading: { unknown: "catalogue.leading.unknown" },
  votePassed: { unknown: "catalogue.votePassed.unknown" },
  chosen: { unknown: "catalogue.chosen.unknown" },
  registered: { unknown: "catalogue.registered.unknown" },
  excludesLower: { unknown: "catalogue.excludesLower.unknown" },
  custom: { unknown: "catalogue.custom.unknown" },
  priority: { invalid: "catalogue.priority.invalid" },
  quota: { invalid: "catalogue.quota.invalid" },
  percentCap: { invalid: "catalogue.percentCap.invalid" },
  maxRank: { invalid: "catalogue.maxRank.invalid" },
  votePercent: { invalid: "catalogue.votePercent.invalid" },
};

const NUMBER_RULES = {
  priority: { whole: true, min: 1, max: 1000 },
  quota: { whole: true, min: 0, max: 10000 },
  percentCap: { whole: false, min: 0, max: 100 },
  maxRank: { whole: true, min: 1, max: 10000 },
  votePercent: { whole: false, min: 0, max: 100 },
} as const;
type NumberColumn = keyof typeof NUMBER_RULES;

/**
 * Reads the catalogue back, anchored on its header row by folded labels (any case, with or without
 * diacritics, NFC or NFD): rows or columns inserted, a shifted used range and missing optional
 * columns (which take their defaults: no quota, no cap, no prerequisite, "Không", no vote, no
 * legal basis, priority by row order) read the same. Rows with neither Mã nor Tên are skipped; a
 * row with a name but no Mã gets an id derived from the name (a unique slug) and a warning saying
 * so. Errors, each at its cell: a missing required column (Tên, Loại, Cấp), a Mã without a name, an
 * empty or unknown Loại / Cấp / Có-Không / So sánh / Mẫu số (listing the allowed values), a number
 * that is not one or is out of the sheet's range, a vote percent without its denominator.
 * Catalogue-level checks (unique ids, priorities, kinds mixed) are validateCatalogue's.
 */
export function readCatalogueSheet(grid: Grid): CatalogueRead {
  const issues: Issue[] = [];
  const rowsOf: number[] = [];
  let head: { row: number; cols: Partial<Record<CatalogueColumn, number>> } | null = null;
  const where = (r: number, c: number): Where => ({ sheet: grid.sheet, cell: cellAddress(grid.row + r, grid.col + c) });
  const cellOf = (awardIndex: number, field: CatalogueField): string | undefined => {
    const r = rowsOf[awardIndex];
    if (r === undefined || !head) return undefined;
    const c = head.cols[FIELD_COLUMN[field]] ?? head.cols.name!;
    return cellAddress(grid.row + r, grid.col + c);
  };
  const out = (catalogue: Catalogue | null): CatalogueRead => ({ found: head !== null, catalogue, issues, cellOf });

  for (let r = 0; r < grid.values.length && !head; r++) {
    const keys = Array.from(grid.values[r] ?? [], key);
    const cols: Partial<Record<CatalogueColumn, number>> = {};
    for (const k of COLUMNS) {
      for (const a of HEADER_ACCEPT[k]) {
        const c = keys.indexOf(a);
        if (c >= 0 && !Object.values(cols).includes(c)) {
          cols[k] = c;
          break;
        }
      }
    }
    if (cols.name !== undefined && (cols.id !== undefined || cols.kind !== undefined || cols.level !== undefined)) head = { row: r, cols };
  }
  if (!head) return out(null);
  const H = head;
  const nameCol = H.cols.name as number;

  const missing = (["name", "kind", "level"] as const).filter((k) => H.cols[k] === undefined);
  if (missing.length > 0) {
    const labels = missing.map((k) => `"${CATALOGUE_HEADERS[k]}"`).join(", ");
    issues.push(raise("catalogue.column.missing", { labels }, where(H.row, nameCol)));
    return out(null);
  }

  // Explicit ids first, so a derived id never takes one typed further down.
  const taken = new Set<string>();
  for (let r = H.row + 1; r < grid.values.length; r++) {
    const id = H.cols.id !== undefined ? text(grid.values[r]?.[H.cols.id]) : "";
    if (id) taken.add(id);
  }

  const awards: Award[] = [];
  for (let r = H.row + 1; r < grid.values.length; r++) {
    const row = grid.values[r] ?? [];
    const raw = (k: CatalogueColumn): unknown => (H.cols[k] === undefined ? undefined : row[H.cols[k]]);
    const cell = (k: CatalogueColumn) => text(raw(k));
    const name = cell("name");
    let id = cell("id");
    if (!id && !name) continue;
    const excelRow = grid.row + r + 1;
    const before = issues.length;
    const push = (issue: Issue, k: CatalogueColumn) => issues.push({ ...issue, where: where(r, H.cols[k] ?? nameCol) });
    const label = name || id;

    if (!name) push(raise("catalogue.name.empty", { row: excelRow, id }), "name");
    if (!id) {
      const base = slugOf(name);
      id = base;
      for (let i = 2; taken.has(id); i++) id = `${base}-${i}`;
      taken.add(id);
      issues.push(raise("catalogue.id.derived", { name, id }, where(r, H.cols.id ?? nameCol)));
    }

    const allowed = (labels: string[]) => labels.map((t) => `"${t}"`).join("; ");
    // The codes of a column are catalogued per column (COLUMN_CODES); their parameters are the same for all.
    const pick = <T>(k: CatalogueColumn, map: Map<string, T>, labels: string[], empty: T | null): T | null => {
      const t = cell(k);
      const p = { label, value: t, allowed: allowed(labels) } as never;
      const codes = COLUMN_CODES[k] ?? {};
      if (!t) {
        if (empty === null && codes.empty) push(raise(codes.empty, p), k);
        return empty;
      }
      const v = map.get(key(t));
      if (v === undefined) {
        if (codes.unknown) push(raise(codes.unknown, p), k);
        return null;
      }
      return v;
    };
    const flag = (k: CatalogueColumn): boolean => {
      const v = raw(k);
      if (typeof v === "boolean") return v;
      return pick(k, FLAG_BY_KEY, [YES, NO], "no") === "yes";
    };
    const num = (k: NumberColumn): number | null => {
      const t = cell(k);
      const n = numberOf(raw(k));
      const rule = NUMBER_RULES[k];
      if (!n.ok || (n.value !== null && ((rule.whole && !Number.isInteger(n.value)) || n.value < rule.min || n.value > rule.max))) {
        const code = COLUMN_CODES[k]?.invalid;
        if (code) push(raise(code, { label, value: t, min: rule.min, max: rule.max } as never), k);
        return null;
      }
      return n.value;
    };

    const kind = pick("kind", KIND_BY_KEY, Object.values(KIND_TEXT), null);
    const level = pick("level", LEVEL_BY_KEY, Object.values(LEVEL_TEXT), null);
    let priority = num("priority");
    if (priority === null && H.cols.priority !== undefined && !cell("priority")) {
      issues.push(raise("catalogue.priority.empty", { label, priority: awards.length + 1 }, where(r, H.cols.priority)));
    }
    priority ??= awards.length + 1;
    const quota = num("quota");
    const percentCap = num("percentCap");
    const maxRank = num("maxRank");
    const bands = cell("bands")
      .split(/[;\n]/)
      .map((b) => cleanText(b))
      .filter(Boolean);
    const leading = flag("leading");
    const votePassed = flag("votePassed");
    const chosen = flag("chosen");
    // A sheet written before this column (2026-12) has none: "Không", as the schema's default.
    const registered = flag("registered");
    const excludesLower = flag("excludesLower");
    const custom = flag("custom");

    const percent = num("votePercent");
    let voteRule: Award["voteRule"] = null;
    if (percent !== null) {
      const comparison = pick("comparison", COMPARISON_BY_KEY, Object.values(COMPARISON_TEXT), ">=");
      const denominatorLabels = DENOMINATORS.map((d) => DENOMINATOR_WORDS[d].vi);
      const denominator =
        H.cols.denominator === undefined ? "members" : pick("denominator", DENOMINATOR_BY_KEY, denominatorLabels, null);
      if (comparison && denominator) voteRule = { percent, comparison, denominator, quorum: null };
    } else if (!cell("votePercent") && (cell("comparison") || cell("denominator"))) {
      issues.push(raise("catalogue.voteRule.noPercent", { label }, where(r, H.cols.votePercent ?? nameCol)));
    }

    if (hasErrors(issues.slice(before)) || !kind || !level) continue;
    rowsOf.push(r);
    awards.push({
      id,
      name,
      kind,
      level,
      priority,
      quota,
      percentCap,
      prerequisites: { maxRank, bands, leading, votePassed, chosen, registered },
      excludesLower,
      voteRule,
      ruleNote: paragraph(raw("ruleNote")),
      legalBasis: paragraph(raw("legalBasis")),
      custom,
    });
  }
  return out(hasErrors(issues) ? null : { awards });
}
