import { raise } from "../../domain/codes";
import { isLeaf, KIND_LABELS, CRITERION_KINDS, type CriteriaTable, type Criterion } from "../../domain/criteria/model";
import { cellLines, cellText, CRITERIA_DEFAULTS, parseCriteriaRows, parseNumber, type CriteriaBase, type CriteriaRow } from "../../domain/criteria/parse";
import { SAMPLE_MARK } from "../../domain/criteria/templates";
import type { TableField } from "../../domain/criteria/validate";
import type { Issue, Where } from "../../domain/issues";
import { foldDiacritics } from "../../domain/text";
import { cellAddress, columnLetter, rangeAddress } from "../a1";
import { columnWidths, emptyPlan, type PlanCell, type SheetPlan } from "../plan";
import { labelledValues, type Grid } from "../grid";

/** The sheet that holds the bloc's criteria table: where a user pastes it, and its record. */
export const CRITERIA_SHEET = "Tiêu chí";

export const CRITERIA_TITLE = "BẢNG TIÊU CHÍ CHẤM ĐIỂM THI ĐUA";

/** The table's columns as written, left to right. */
export const CRITERIA_COLUMNS = ["STT", "Nội dung tiêu chí", "Điểm chuẩn", "Loại", "Trọng số", "Bước", "Điểm mỗi lần", "Ghi chú", "Hướng dẫn chấm điểm", "Mã"] as const;
type ColumnKey = "stt" | "text" | "max" | "kind" | "weight" | "step" | "unit" | "note" | "guidance" | "id";
const KEYS: ColumnKey[] = ["stt", "text", "max", "kind", "weight", "step", "unit", "note", "guidance", "id"];
/** 0-based columns of the written table. */
const C = Object.fromEntries(KEYS.map((k, i) => [k, i])) as Record<ColumnKey, number>;
const WIDTH = KEYS.length;

/** Settings rows: label as written and the spellings the reader accepts (folded, without brackets). */
type SettingKey = "title" | "scale" | "allowOverScale" | "decimals" | "step" | "bonusCap" | "penaltyCap" | "legalBasis";
const SETTINGS: { key: SettingKey; label: string; accept: string[] }[] = [
  { key: "title", label: "Tên bảng tiêu chí", accept: ["ten bang tieu chi", "ten bang", "ten bang diem", "title"] },
  { key: "scale", label: "Thang điểm", accept: ["thang diem", "thang diem toi da", "scale"] },
  { key: "allowOverScale", label: "Được vượt thang điểm (Có/Không)", accept: ["duoc vuot thang diem", "vuot thang diem", "cho phep vuot thang diem", "allow over scale"] },
  { key: "decimals", label: "Làm tròn tổng (số chữ số thập phân)", accept: ["lam tron tong", "lam tron", "so chu so thap phan", "decimals"] },
  { key: "step", label: "Bước điểm", accept: ["buoc diem", "buoc cham diem", "buoc cham", "step"] },
  { key: "bonusCap", label: "Tối đa điểm thưởng (trống: không giới hạn)", accept: ["toi da diem thuong", "diem thuong toi da", "bonus cap"] },
  { key: "penaltyCap", label: "Tối đa điểm trừ (trống: không giới hạn)", accept: ["toi da diem tru", "diem tru toi da", "penalty cap"] },
  { key: "legalBasis", label: "Căn cứ pháp lý", accept: ["can cu phap ly", "can cu", "legal basis"] },
];

/** Header labels the reader accepts, folded; `prefix` ones also match longer labels. */
const HEADERS: Record<ColumnKey, { exact: string[]; prefix?: string[] }> = {
  stt: { exact: ["stt", "tt", "so tt", "so thu tu", "no", "no.", "#"] },
  text: { exact: ["noi dung", "tieu chi", "criterion", "criteria", "text"], prefix: ["noi dung", "ten tieu chi", "tieu chi "] },
  max: { exact: ["diem chuan", "diem toi da", "diem", "so diem", "max", "max points", "thang diem"], prefix: ["diem chuan", "diem toi da"] },
  kind: { exact: ["loai", "loai tieu chi", "loai diem", "kind"] },
  weight: { exact: ["trong so", "he so", "weight"] },
  step: { exact: ["buoc", "buoc diem", "step"] },
  unit: { exact: ["diem moi lan", "moi lan", "diem/lan", "unit", "points per occurrence"] },
  note: { exact: ["ghi chu", "note", "notes"] },
  // Real tables carry a scoring-guidance column (Cần Thơ KH 157/2025: "HƯỚNG DẪN CHẤM ĐIỂM").
  guidance: { exact: ["huong dan cham diem", "huong dan cham", "huong dan", "cach cham", "cach cham diem", "cach thuc cham diem", "guidance"], prefix: ["huong dan cham", "cach cham", "cach thuc cham"] },
  id: { exact: ["ma", "ma tieu chi", "id"] },
};

export { CRITERIA_DEFAULTS };

/** Fixed layout of a freshly written sheet (0-based rows). */
const LAYOUT = { title: 0, hint: 1, firstSetting: 3, header: 3 + SETTINGS.length + 1 };
/** Rows below the table that keep the Loại drop-down and the STT text format, for rows users add. */
const SPARE_ROWS = 200;
const YES = "Có";
const NO = "Không";

const fold = (v: unknown): string =>
  foldDiacritics(cellText(v))
    .replace(/\([^)]*\)/g, " ")
    .replace(/[:：*]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();

/** The hint under the title: how to paste a table here. */
function hintText(sample: boolean): string {
  return (
    (sample ? `Đây là bảng ${SAMPLE_MARK}: hãy sửa cho đúng bảng tiêu chí khối đã thống nhất. ` : "") +
    "Có thể dán bảng tiêu chí sẵn có vào dưới dòng tiêu đề. Bắt buộc: STT | Nội dung tiêu chí | Điểm chuẩn; " +
    "tuỳ chọn: Loại | Trọng số | Bước | Điểm mỗi lần | Ghi chú | Hướng dẫn chấm điểm. Phần ghi số La Mã (I, II), tiêu chí ghi 1, 1.1, a, -. " +
    "Cột Mã do add-in ghi để giữ điểm đã chấm khi sửa bảng: không cần nhập."
  );
}

const fmtNumber = (x: number | null): PlanCell => (x === null ? "" : x);

/** The plan of the "Tiêu chí" sheet for a table. Not protected: users edit and paste here. */
export function criteriaSheetPlan(table: CriteriaTable, sheetName: string = CRITERIA_SHEET): SheetPlan {
  const p = emptyPlan(sheetName);
  p.tabColor = "#2F5597";
  const last = columnLetter(WIDTH - 1);

  p.blocks.push({ at: "A1", rows: [[CRITERIA_TITLE]] });
  p.blocks.push({ at: "A2", rows: [[hintText(table.sample)]] });
  const values: Record<SettingKey, PlanCell> = {
    title: table.title,
    scale: table.scale,
    allowOverScale: table.allowOverScale ? YES : NO,
    decimals: table.decimals,
    step: table.step,
    bonusCap: fmtNumber(table.bonusCap),
    penaltyCap: fmtNumber(table.penaltyCap),
    legalBasis: table.legalBasis,
  };
  // Labels in A (they overflow into the empty B), values in C.
  p.blocks.push({ at: cellAddress(LAYOUT.firstSetting, 0), rows: SETTINGS.map((s) => [s.label, "", values[s.key]]) });

  // The table: one row per node, depth first. A first section without number or text is the
  // implicit one a table without Roman numerals gets; it is not written, and comes back on reading.
  const nodes: { c: Criterion; depth: number }[] = [];
  const walk = (c: Criterion, depth: number) => {
    nodes.push({ c, depth });
    c.children.forEach((k) => walk(k, depth + 1));
  };
  table.sections.forEach((s, i) => {
    if (i === 0 && !s.number && !s.text && s.max === null && s.children.length > 0) s.children.forEach((k) => walk(k, 1));
    else walk(s, 0);
  });
  const rows: PlanCell[][] = [[...CRITERIA_COLUMNS]];
  for (const { c } of nodes) {
    const leaf = isLeaf(c);
    rows.push([
      c.number,
      c.text,
      fmtNumber(c.max),
      leaf && c.kind ? KIND_LABELS[c.kind].vi : "",
      c.weight === 1 ? "" : c.weight,
      fmtNumber(c.step),
      fmtNumber(c.unit),
      c.note,
      c.guidance ?? "",
      c.id,
    ]);
  }
  p.blocks.push({ at: cellAddress(LAYOUT.header, 0), rows });

  const first = LAYOUT.header + 1;
  const n = nodes.length;
  p.merges.push(`A1:${last}1`, `A2:${last}2`);
  for (const key of ["title", "legalBasis"] as const) {
    const r = LAYOUT.firstSetting + SETTINGS.findIndex((s) => s.key === key);
    p.merges.push(rangeAddress(r, 2, 1, WIDTH - 2));
  }

  const legalRow = LAYOUT.firstSetting + SETTINGS.findIndex((s) => s.key === "legalBasis");
  p.formats.push(
    { range: `A1:${last}${first + n + SPARE_ROWS}`, format: { fontName: "Times New Roman" } },
    { range: `A1:${last}1`, format: { bold: true, fontSize: 14, hAlign: "Center", fontColor: "#2F5597" } },
    { range: `A2:${last}2`, format: { italic: true, fontColor: "#595959", wrap: true, vAlign: "Top" } },
    { range: rangeAddress(LAYOUT.firstSetting, 0, SETTINGS.length, 1), format: { bold: true } },
    { range: rangeAddress(LAYOUT.firstSetting, 2, SETTINGS.length, 1), format: { hAlign: "Left", fill: "#FFF2CC" } },
    { range: rangeAddress(legalRow, 2, 1, WIDTH - 2), format: { wrap: true, vAlign: "Top" } },
    { range: rangeAddress(LAYOUT.header, 0, 1, WIDTH), format: { bold: true, fill: "#D9E1F2", hAlign: "Center", vAlign: "Center", wrap: true } },
    { range: rangeAddress(LAYOUT.header, 0, n + 1, WIDTH), format: { borders: "Continuous", vAlign: "Center" } },
    // STT and Mã as text, so "1.1" is never read as a number or a date, also in rows users add.
    { range: rangeAddress(first, 0, n + SPARE_ROWS, 1), format: { numberFormat: "@", hAlign: "Center" } },
    { range: rangeAddress(first, C.id, n + SPARE_ROWS, 1), format: { numberFormat: "@", fontColor: "#808080", fontSize: 9 } },
    { range: rangeAddress(first, 1, n + SPARE_ROWS, 1), format: { wrap: true } },
    { range: rangeAddress(first, C.note, n + SPARE_ROWS, 2), format: { wrap: true } },
    { range: rangeAddress(first, 2, n + SPARE_ROWS, 5), format: { hAlign: "Center" } },
  );
  nodes.forEach(({ c, depth }, i) => {
    const r = first + i;
    if (depth === 0 && !isLeaf(c)) p.formats.push({ range: rangeAddress(r, 0, 1, WIDTH), format: { bold: true, fill: "#F2F2F2" } });
    else if (!isLeaf(c)) p.formats.push({ range: rangeAddress(r, 0, 1, WIDTH - 1), format: { bold: true } });
    else if (c.kind === "penalty") p.formats.push({ range: rangeAddress(r, 2, 1, 2), format: { fontColor: "#C00000" } });
    else if (c.kind === "bonus") p.formats.push({ range: rangeAddress(r, 2, 1, 2), format: { fontColor: "#00B050" } });
  });
  p.columnWidths.push(...columnWidths(0, [45, 360, 62, 88, 55, 45, 62, 200, 240, 70]));
  p.rowHeights = [
    { row: LAYOUT.hint + 1, height: 48 },
    { row: legalRow + 1, height: 64 },
    { row: LAYOUT.header + 1, height: 30 },
  ];

  const settingRow = (key: SettingKey) => LAYOUT.firstSetting + SETTINGS.findIndex((s) => s.key === key);
  p.validations.push(
    {
      range: rangeAddress(first, 3, n + SPARE_ROWS, 1),
      rule: { kind: "list", source: CRITERION_KINDS.map((k) => KIND_LABELS[k].vi) },
      error: { title: "Loại không hợp lệ", message: "Chọn: Điểm, Đạt/Không đạt, Theo lần, Thưởng hoặc Trừ. / Pick one of the five kinds." },
      prompt: { title: "Loại tiêu chí", message: "Điểm; Đạt/Không đạt (đủ điểm hoặc 0); Theo lần; Thưởng; Trừ (ghi số dương)." },
    },
    {
      range: rangeAddress(first, 2, n + SPARE_ROWS, 1),
      rule: { kind: "decimal", min: 0, max: 100000 },
      error: { title: "Điểm chuẩn không hợp lệ", message: "Điểm chuẩn là số không âm; điểm trừ cũng ghi số dương. / Max points are 0 or more; penalties too." },
    },
    {
      range: rangeAddress(settingRow("allowOverScale"), 2),
      rule: { kind: "list", source: [YES, NO] },
      error: { title: "Chọn Có hoặc Không", message: "Tổng điểm có được vượt thang điểm khi có điểm thưởng không? / Yes or No." },
    },
    {
      range: rangeAddress(settingRow("scale"), 2),
      rule: { kind: "decimal", min: 1, max: 100000 },
      error: { title: "Thang điểm không hợp lệ", message: "Thang điểm là số dương, ví dụ 100 hoặc 1000. / The scale is a positive number." },
    },
    {
      range: rangeAddress(settingRow("decimals"), 2),
      rule: { kind: "whole", min: 0, max: 4 },
      error: { title: "Số chữ số không hợp lệ", message: "Số chữ số thập phân từ 0 đến 4. / Decimals: 0 to 4." },
    },
    {
      range: rangeAddress(settingRow("step"), 2),
      rule: { kind: "decimal", min: 0.001, max: 1000 },
      error: { title: "Bước điểm không hợp lệ", message: "Bước điểm là số dương, ví dụ 0,25 hoặc 0,5. / The step is a positive number." },
    },
    {
      range: rangeAddress(settingRow("bonusCap"), 2, 2, 1),
      rule: { kind: "decimal", min: 0, max: 100000 },
      error: { title: "Mức tối đa không hợp lệ", message: "Ghi số không âm, hoặc để trống nếu không giới hạn. / A number of 0 or more, or blank." },
    },
  );
  p.print = { orientation: "Landscape", paper: "A4", titleRows: `$${LAYOUT.header + 1}:$${LAYOUT.header + 1}`, fitToWidth: true };
  p.freeze = { rows: LAYOUT.header + 1, columns: 0 };
  p.protection = null;
  return p;
}

export type { Grid } from "../grid";

export interface CriteriaSheetRead {
  /** False when nothing on the sheet looks like a criteria table or its settings. */
  found: boolean;
  table: CriteriaTable | null;
  issues: Issue[];
  /** Each criterion's row and cells (see `whereKey`). */
  at: Map<string, Where>;
  /** The settings' value cells. */
  tableAt: Partial<Record<TableField | "allowOverScale" | "legalBasis", Where>>;
}

/**
 * Reads the criteria table from the values of a "Tiêu chí" sheet: the header row by its labels
 * (any column order; STT, Nội dung and Điểm chuẩn required), every row below it through
 * `parseCriteriaRows`, and the settings by their labels above the header (missing ones take
 * their defaults). Rows inserted above, blank rows and moved columns all read the same; issues
 * point at the sheet's real cells. The inverse of `criteriaSheetPlan`.
 */
export function readCriteriaSheet(grid: Grid): CriteriaSheetRead {
  const { sheet } = grid;
  const issues: Issue[] = [];
  const where = (r: number, c: number): Where => ({ sheet, cell: cellAddress(grid.row + r, grid.col + c) });
  const cell = (r: number, c: number): unknown => grid.values[r]?.[c];
  const tableAt: CriteriaSheetRead["tableAt"] = {};

  // The header row: the first row with STT, Nội dung and Điểm chuẩn labels.
  let header: { row: number; cols: Partial<Record<ColumnKey, number>> } | null = null;
  let partial: { row: number; cols: Partial<Record<ColumnKey, number>> } | null = null;
  for (let r = 0; r < grid.values.length && !header; r++) {
    const cols = headerColumns(grid.values[r] ?? []);
    if (isHeader(cols)) header = { row: r, cols };
    else if (!partial && cols.text !== undefined && (cols.stt !== undefined || cols.max !== undefined)) partial = { row: r, cols };
  }

  // Settings: label cells above the header (anywhere, when there is no header).
  const base: CriteriaBase = { ...CRITERIA_DEFAULTS };
  let found = header !== null;
  const seen = new Set<SettingKey>();
  const lastSettingRow = header ? header.row : grid.values.length;
  const match = (v: unknown) => {
    const f = fold(v);
    const def = f ? SETTINGS.find((d) => d.accept.includes(f)) : undefined;
    return def && !seen.has(def.key) ? def : undefined;
  };
  // The value: the first non-empty cell to the right (merged cells keep it in the first). An
  // empty one is pointed at where the sheet's layout has it: a label in A has its value in C
  // (the label overflows into B), so an issue about a blank cap names the cell to fill.
  const emptyAt = (c: number, row: unknown[]) => (c === 0 && !cellText(row[1]) ? 2 : c + 1);
  for (const { row: r, valueCol: vc, def } of labelledValues(grid.values, lastSettingRow, { match, filled: (v) => !!cellText(v), span: 5, emptyAt })) {
    seen.add(def.key);
    found = true;
    tableAt[def.key] = where(r, vc);
    readSetting(base, def.key, cell(r, vc));
  }
  base.sample = foldDiacritics(base.title).includes(foldDiacritics(SAMPLE_MARK).replace(/[()]/g, ""));

  if (!header) {
    if (partial || found) {
      const missing = (["stt", "text", "max"] as const).filter((k) => partial?.cols[k] === undefined).map((k) => CRITERIA_COLUMNS[KEYS.indexOf(k)]);
      const at = partial ? where(partial.row, partial.cols.text!) : { sheet, cell: cellAddress(grid.row, grid.col) };
      issues.push(raise("criteria.sheet.noHeader", { sheet, missing: (partial ? missing : CRITERIA_COLUMNS.slice(0, 3)).join(", ") }, at));
    }
    return { found: found || partial !== null, table: null, issues, at: new Map(), tableAt };
  }

  let { cols } = header;
  const rows: CriteriaRow[] = [];
  for (let r = header.row + 1; r < grid.values.length; r++) {
    // A table pasted under the sheet's own header brings its header row: its columns hold from there on
    // (Cần Thơ KH 157/2025: STT | TIÊU CHÍ THI ĐUA | ĐIỂM CHUẨN | HƯỚNG DẪN CHẤM ĐIỂM).
    const again = headerColumns(grid.values[r] ?? []);
    if (isHeader(again)) {
      cols = again;
      continue;
    }
    const used = Object.values(cols) as number[];
    const left = Math.min(...used);
    const right = Math.max(...used);
    const get = (k: ColumnKey) => (cols[k] === undefined ? undefined : cell(r, cols[k]!));
    const at = (k: ColumnKey) => (cols[k] === undefined ? undefined : where(r, cols[k]!));
    rows.push({
      cells: { stt: get("stt"), text: get("text"), max: get("max"), kind: get("kind"), weight: get("weight"), step: get("step"), unit: get("unit"), note: get("note"), guidance: get("guidance"), id: get("id") },
      where: {
        row: { sheet, cell: rangeAddress(grid.row + r, grid.col + left, 1, right - left + 1) },
        stt: at("stt"),
        text: at("text"),
        max: at("max"),
        kind: at("kind"),
        weight: at("weight"),
        step: at("step"),
        unit: at("unit"),
        note: at("note"),
        guidance: at("guidance"),
        id: at("id"),
      },
    });
  }
  const parsed = parseCriteriaRows(rows, base, tableAt);
  return { found: true, table: parsed.table, issues: [...issues, ...parsed.issues], at: parsed.at, tableAt };
}

/** The columns a row's labels name, if it is a header row. */
function headerColumns(row: unknown[]): Partial<Record<ColumnKey, number>> {
  const cols: Partial<Record<ColumnKey, number>> = {};
  row.forEach((v, c) => {
    const f = fold(v);
    if (!f) return;
    for (const key of KEYS) {
      if (cols[key] !== undefined) continue;
      const h = HEADERS[key];
      if (h.exact.includes(f) || h.prefix?.some((p) => f.startsWith(p))) {
        cols[key] = c;
        break;
      }
    }
  });
  return cols;
}

const isHeader = (cols: Partial<Record<ColumnKey, number>>) => cols.stt !== undefined && cols.text !== undefined && cols.max !== undefined;

/** Puts one setting's cell value into the base; a value that is not a number becomes NaN, which the validator reports at its cell. */
function readSetting(base: CriteriaBase, key: SettingKey, raw: unknown): void {
  const num = (): number | null => {
    const v = parseNumber(raw);
    return v === "invalid" ? Number.NaN : v;
  };
  switch (key) {
    case "title":
      base.title = cellText(raw);
      break;
    case "legalBasis":
      base.legalBasis = cellLines(raw);
      break;
    case "allowOverScale": {
      const f = fold(raw);
      base.allowOverScale = raw === true || ["co", "x", "yes", "true", "duoc", "cho phep"].includes(f);
      break;
    }
    case "scale":
    case "decimals":
    case "step": {
      const v = num();
      if (v !== null) base[key] = v;
      break;
    }
    case "bonusCap":
    case "penaltyCap": {
      const f = fold(raw);
      base[key] = f === "khong gioi han" || f === "none" ? null : num();
      break;
    }
  }
}
