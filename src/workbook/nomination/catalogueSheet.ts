import { AWARD_LEVELS, type Award, type Catalogue } from "../../domain/nomination/model";
import { DENOMINATORS, DENOMINATOR_WORDS } from "../../domain/voting/model";
import { cellAddress, columnLetter, rangeAddress } from "../a1";
import { emptyPlan, type PlanCell, type SheetPlan } from "../plan";
import { CATALOGUE_AWARD_NAMES, CATALOGUE_COLUMNS, CATALOGUE_HEADERS, CATALOGUE_LAYOUT, CATALOGUE_NOTE, CATALOGUE_SHEET, CATALOGUE_SPARE_ROWS, CATALOGUE_TABLE_NAME, CATALOGUE_TITLE, COMPARISON_TEXT, KIND_TEXT, LEVEL_TEXT, NO, YES, type CatalogueColumn } from "./catalogueTerms";

export * from "./catalogueTerms";
export { readCatalogueSheet, slugOf, type CatalogueField, type CatalogueRead } from "./catalogueRead";

/**
 * The bloc's award catalogue (DOMAIN §3), a setting kept in the workbook (rule 1): one row per
 * emulation title (danh hiệu thi đua) or form of reward (hình thức khen thưởng), with its level,
 * priority, quota, prerequisites, vote rule and legal basis. The sheet is not protected: the
 * yellow cells are the bloc's to edit, and custom entries go in the empty rows below. The reader
 * finds the table by its header labels, so inserted rows and columns read the same; the app checks
 * the catalogue it returns (validateCatalogue) and points that check's issues at cells by `cellOf`.
 */

const COLUMNS = CATALOGUE_COLUMNS;
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

  p.blocks.push({ at: cellAddress(title, 0), rows: [[CATALOGUE_TITLE], [CATALOGUE_NOTE]] });
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
