import { raise } from "../../domain/codes";
import type { Bloc, BlocDraft, BlocLocator } from "../../domain/bloc/bloc";
import type { Issue, Where } from "../../domain/issues";
import { cleanText, foldLabel } from "../../domain/text";
import { cellAddress, rangeAddress } from "../a1";
import { emptyPlan, type PlanCell, type SheetPlan } from "../plan";
import { labelledValues, type Grid } from "../grid";

/** The sheet that holds the bloc's record. */
export const BLOC_SHEET = "Khối";

/** Workbook names the bloc sheet defines, for later sheets' formulas and for finding a renamed sheet. */
export const BLOC_NAMES = {
  name: "BX_Khoi_Ten",
  province: "BX_Khoi_Tinh",
  year: "BX_Khoi_Nam",
  leader: "BX_Khoi_Truong",
  deputies: "BX_Khoi_Pho",
  members: "BX_Khoi_DonVi",
} as const;

/** Labels of the single-value fields as written, and every spelling the reader accepts (folded). */
const FIELDS = [
  { key: "name", label: "Tên khối thi đua", accept: ["ten khoi thi dua", "ten khoi", "khoi thi dua", "bloc name", "bloc"] },
  { key: "province", label: "Tỉnh/thành phố", accept: ["tinh/thanh pho", "tinh / thanh pho", "tinh", "thanh pho", "province"] },
  { key: "year", label: "Năm thi đua", accept: ["nam thi dua", "nam", "year"] },
  { key: "leader", label: "Trưởng khối", accept: ["truong khoi", "khoi truong", "leader", "bloc leader"] },
  { key: "deputy", label: "Phó trưởng khối", accept: ["pho truong khoi", "pho khoi", "deputy", "deputy leader"] },
] as const;

const MEMBER_HEADERS = {
  stt: ["stt", "tt", "no", "no."],
  name: ["ten don vi", "don vi", "ten don vi thanh vien", "don vi thanh vien", "ten co quan, don vi", "member", "member name", "unit"],
  shortName: ["ten viet tat", "viet tat", "short name", "short"],
  note: ["ghi chu", "note", "notes"],
} as const;

/** Fixed layout of a freshly written sheet (0-based rows). */
const LAYOUT = { title: 0, hint: 1, firstField: 3, memberTitle: 10, header: 11, firstMember: 12 };
/** Extra rows of the leader/deputy drop-down source, so members added by inserting rows are offered. */
const LIST_SPARE_ROWS = 100;

/** A label, without the number that tells deputies apart ("Phó trưởng khối (2)"). */
function fold(v: unknown): string {
  return foldLabel(v).replace(/\s*\(?\d\)?$/, "");
}

/** The plan of the "Khối" sheet for a checked bloc. */
export function blocSheetPlan(bloc: Bloc, sheetName: string = BLOC_SHEET): SheetPlan {
  const p = emptyPlan(sheetName);
  p.tabColor = "#C00000";
  const n = bloc.members.length;
  const fieldRows: [string, PlanCell][] = [
    ["Tên khối thi đua", bloc.name],
    ["Tỉnh/thành phố", bloc.province],
    ["Năm thi đua", bloc.year],
    ["Trưởng khối", bloc.leader],
    ["Phó trưởng khối", bloc.deputies[0] ?? ""],
    ["Phó trưởng khối", bloc.deputies[1] ?? ""],
  ];
  p.blocks.push({ at: "A1", rows: [["THÔNG TIN KHỐI THI ĐUA"]] });
  p.blocks.push({
    at: "A2",
    rows: [["Trang này là hồ sơ của khối: add-in Bình xét đọc lại các ô dưới đây. Có thể sửa trực tiếp, chèn thêm hoặc sắp xếp dòng trong danh sách đơn vị."]],
  });
  p.blocks.push({ at: cellAddress(LAYOUT.firstField, 0), rows: fieldRows.map(([l, v]) => [l, v]) });
  p.blocks.push({ at: cellAddress(LAYOUT.memberTitle, 0), rows: [["DANH SÁCH ĐƠN VỊ THÀNH VIÊN"]] });
  const memberRows: PlanCell[][] = [["STT", "Tên đơn vị", "Tên viết tắt", "Ghi chú"], ...bloc.members.map((m, i): PlanCell[] => [i + 1, m.name, m.shortName, m.note ?? ""])];
  p.blocks.push({ at: cellAddress(LAYOUT.header, 0), rows: memberRows });

  const last = LAYOUT.firstMember + n - 1;
  p.merges.push("A1:D1", "A2:D2");
  for (let r = LAYOUT.firstField; r < LAYOUT.firstField + fieldRows.length; r++) p.merges.push(rangeAddress(r, 1, 1, 3));
  p.merges.push(rangeAddress(LAYOUT.memberTitle, 0, 1, 4));

  p.formats.push(
    { range: "A1:D1", format: { bold: true, fontSize: 14, hAlign: "Center", fontColor: "#C00000" } },
    { range: "A2:D2", format: { italic: true, fontColor: "#595959", wrap: true, vAlign: "Top" } },
    { range: rangeAddress(LAYOUT.firstField, 0, fieldRows.length, 1), format: { bold: true } },
    { range: rangeAddress(LAYOUT.firstField, 0, fieldRows.length, 4), format: { borders: "Continuous", vAlign: "Center" } },
    { range: rangeAddress(LAYOUT.firstField + 2, 1), format: { numberFormat: "0", hAlign: "Left" } },
    { range: rangeAddress(LAYOUT.memberTitle, 0, 1, 4), format: { bold: true, fontColor: "#C00000" } },
    { range: rangeAddress(LAYOUT.header, 0, 1, 4), format: { bold: true, fill: "#FCE4D6", hAlign: "Center", vAlign: "Center", wrap: true } },
    { range: rangeAddress(LAYOUT.header, 0, n + 1, 4), format: { borders: "Continuous", fontName: "Times New Roman" } },
    { range: rangeAddress(LAYOUT.firstMember, 0, n, 1), format: { hAlign: "Center" } },
    { range: rangeAddress(LAYOUT.firstMember, 1, n, 3), format: { wrap: true, vAlign: "Center" } },
  );
  p.columnWidths.push({ column: "A", width: 110 }, { column: "B", width: 270 }, { column: "C", width: 90 }, { column: "D", width: 170 });
  p.rowHeights = [{ row: LAYOUT.hint + 1, height: 32 }];

  const listSource = { range: `$B$${LAYOUT.firstMember + 1}:$B$${last + 1 + LIST_SPARE_ROWS}` };
  const pick = { title: "Chọn đơn vị", message: "Chọn một đơn vị trong danh sách thành viên. / Pick a member unit." };
  p.validations.push(
    {
      range: rangeAddress(LAYOUT.firstField + 2, 1),
      rule: { kind: "whole", min: 2000, max: 2100 },
      error: { title: "Năm không hợp lệ", message: "Năm thi đua là số có 4 chữ số, từ 2000 đến 2100. / The year is a 4-digit number, 2000–2100." },
    },
    {
      range: rangeAddress(LAYOUT.firstField + 3, 1, 3, 1),
      rule: { kind: "list", source: listSource },
      error: { title: "Không phải đơn vị thành viên", message: "Chỉ chọn đơn vị có trong danh sách thành viên. / Only a member unit can be chosen." },
      prompt: pick,
    },
  );
  p.names.push(
    { name: BLOC_NAMES.name, range: cellAddress(LAYOUT.firstField, 1, true) },
    { name: BLOC_NAMES.province, range: cellAddress(LAYOUT.firstField + 1, 1, true) },
    { name: BLOC_NAMES.year, range: cellAddress(LAYOUT.firstField + 2, 1, true) },
    { name: BLOC_NAMES.leader, range: cellAddress(LAYOUT.firstField + 3, 1, true) },
    { name: BLOC_NAMES.deputies, range: rangeAddress(LAYOUT.firstField + 4, 1, 2, 1, true) },
    { name: BLOC_NAMES.members, range: rangeAddress(LAYOUT.firstMember, 1, n, 1, true) },
  );
  p.print = { orientation: "Portrait", paper: "A4", titleRows: `$${LAYOUT.header + 1}:$${LAYOUT.header + 1}`, fitToWidth: true };
  p.freeze = { rows: 0, columns: 0 };
  return p;
}

export type { Grid } from "../grid";

export interface BlocRead {
  /** False when nothing on the sheet looks like a bloc record. */
  found: boolean;
  draft: BlocDraft;
  at: BlocLocator;
  /** Problems of the sheet's shape (a missing label, no member table, stray rows). */
  issues: Issue[];
  /** Cells (A1) with content that the reader did not recognise. */
  unknownCells: string[];
}

const text = (v: unknown): string => (v === null || v === undefined ? "" : typeof v === "number" ? String(v) : cleanText(String(v)));

/**
 * Reads a bloc from the values of a "Khối" sheet, by its labels rather than fixed positions, so
 * that rows inserted above or between, a sorted member list, blank rows and NFD text all read the
 * same. The inverse of `blocSheetPlan`.
 */
export function readBlocSheet(grid: Grid): BlocRead {
  const { sheet } = grid;
  const at: BlocLocator = { deputies: [], members: [] };
  const draft: BlocDraft = { name: "", province: "", year: "", leader: "", deputies: [], members: [] };
  const issues: Issue[] = [];
  const where = (r: number, c: number): Where => ({ sheet, cell: cellAddress(grid.row + r, grid.col + c) });
  const cell = (r: number, c: number): unknown => grid.values[r]?.[c];
  const used = new Set<string>();
  const mark = (r: number, c: number) => used.add(`${r},${c}`);
  let found = false;

  // The member table's header row.
  let header: { row: number; cols: Partial<Record<keyof typeof MEMBER_HEADERS, number>> } | null = null;
  for (let r = 0; r < grid.values.length && !header; r++) {
    const row = grid.values[r] ?? [];
    const cols: Partial<Record<keyof typeof MEMBER_HEADERS, number>> = {};
    row.forEach((v, c) => {
      const f = fold(v);
      for (const key of Object.keys(MEMBER_HEADERS) as (keyof typeof MEMBER_HEADERS)[]) {
        if (cols[key] === undefined && (MEMBER_HEADERS[key] as readonly string[]).includes(f)) cols[key] = c;
      }
    });
    if (cols.name !== undefined) {
      header = { row: r, cols };
      for (const c of Object.values(cols)) mark(r, c as number);
    }
  }

  // Label: value pairs, anywhere above the member table.
  const lastFieldRow = header ? header.row : grid.values.length;
  // The value: the first non-empty cell to the right in the same row (merged cells keep it in the first).
  const match = (v: unknown) => {
    const f = fold(v);
    return f ? FIELDS.find((d) => (d.accept as readonly string[]).includes(f)) : undefined;
  };
  for (const { row: r, col: c, valueCol: vc, def } of labelledValues(grid.values, lastFieldRow, { match, filled: (v) => !!text(v), span: 4 })) {
    found = true;
    mark(r, c);
    const raw = cell(r, vc);
    if (text(raw)) mark(r, vc);
    const value = typeof raw === "number" ? raw : text(raw);
    const w = where(r, vc);
    switch (def.key) {
      case "name":
        if (!at.name) [draft.name, at.name] = [String(value), w];
        break;
      case "province":
        if (!at.province) [draft.province, at.province] = [String(value), w];
        break;
      case "year":
        if (!at.year) [draft.year, at.year] = [value, w];
        break;
      case "leader":
        if (!at.leader) [draft.leader, at.leader] = [String(value), w];
        break;
      case "deputy":
        draft.deputies.push(String(value));
        at.deputies!.push(w);
        break;
    }
  }

  if (header) {
    found = true;
    const { cols } = header;
    at.membersTable = where(header.row, cols.name!);
    for (let r = header.row + 1; r < grid.values.length; r++) {
      const name = text(cell(r, cols.name!));
      const shortName = cols.shortName !== undefined ? text(cell(r, cols.shortName)) : "";
      const note = cols.note !== undefined ? text(cell(r, cols.note)) : "";
      if (!name && !shortName && !note) continue;
      for (const c of [cols.stt, cols.name, cols.shortName, cols.note]) if (c !== undefined) mark(r, c);
      draft.members.push(note ? { name, shortName, note } : { name, shortName });
      at.members!.push({ name: where(r, cols.name!), shortName: cols.shortName !== undefined ? where(r, cols.shortName) : undefined });
    }
  } else if (found) {
    issues.push(raise("bloc.sheet.noMemberTable", { sheet }, { sheet, cell: "A1" }));
  }

  if (found) {
    for (const [key, label] of [
      ["name", "Tên khối thi đua"],
      ["province", "Tỉnh/thành phố"],
      ["year", "Năm thi đua"],
      ["leader", "Trưởng khối"],
    ] as const) {
      if (!at[key]) {
        issues.push(raise("bloc.sheet.missingLabel", { sheet, label }, { sheet, cell: "A1" }));
      }
    }
  }

  // Content the reader did not use: the title and hint rows are ours; anything else is the user's.
  const unknownCells: string[] = [];
  grid.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (!text(v) || used.has(`${r},${c}`)) return;
      const f = fold(v);
      if (f === fold("THÔNG TIN KHỐI THI ĐUA") || f === fold("DANH SÁCH ĐƠN VỊ THÀNH VIÊN") || f.startsWith("trang nay la ho so cua khoi")) return;
      unknownCells.push(cellAddress(grid.row + r, grid.col + c));
    }),
  );
  if (unknownCells.length > 0 && found) {
    issues.push(raise("bloc.sheet.unknownContent", { sheet, unknownCellsCount: unknownCells.length, value: unknownCells.slice(0, 5).join(", "), value2: unknownCells.length > 5 ? ", …" : "" }, { sheet, cell: unknownCells[0] }));
  }
  return { found, draft, at, issues, unknownCells };
}
