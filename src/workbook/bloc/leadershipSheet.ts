import { raise } from "../../domain/codes";
import { MAX_YEAR, MIN_YEAR, parseYear } from "../../domain/bloc/bloc";
import type { Issue, Where } from "../../domain/issues";
import { cleanText, foldLabel, nameKey } from "../../domain/text";
import type { LeadershipRecord } from "../../domain/voting/leader";
import { cellAddress, columnLetter, rangeAddress } from "../a1";
import type { Grid } from "../grid";
import { columnWidths, emptyPlan, type PlanCell, type SheetPlan } from "../plan";

/**
 * The bloc's leadership across years (trưởng khối, phó trưởng khối qua các năm): one row per year,
 * written when next year's leader and deputies are chosen ("the outcome is written to the bloc's
 * record for next year") and read back as the history the rotation needs. Users may type earlier
 * years into the empty rows.
 */

/** The sheet that holds the record. */
export const LEADERSHIP_SHEET = "Trưởng khối các năm";

/** The workbook name over the table (header and rows), for finding a renamed sheet. */
export const LEADERSHIP_TABLE_NAME = "BX_TruongKhoi_Bang";

export type LeadershipHow = "rotation" | "election" | "designation" | "recorded";

export interface LeadershipRow extends LeadershipRecord {
  /** How the year's leadership was chosen; "recorded" = typed in from earlier records. */
  how: LeadershipHow;
  /** The document it rests on, e.g. "Biên bản kiểm phiếu V3, 05/12/2026". */
  basis: string;
}

/** "Cách chọn" as the sheet shows it. */
export const HOW_TEXT: Record<LeadershipHow, string> = {
  rotation: "Luân phiên",
  election: "Bầu",
  designation: "Chỉ định",
  recorded: "Ghi nhận",
};

/** The table's header labels, in column order. */
export const LEADERSHIP_HEADERS = ["Năm", "Trưởng khối", "Phó trưởng khối 1", "Phó trưởng khối 2", "Cách chọn", "Căn cứ"] as const;

export const LEADERSHIP_TITLE = "TRƯỞNG KHỐI, PHÓ TRƯỞNG KHỐI QUA CÁC NĂM";
const NOTE =
  "Mỗi năm một dòng. Add-in Bình xét ghi kết quả chọn trưởng khối, phó trưởng khối vào bảng này và đọc lại bảng khi luân phiên. " +
  "Có thể gõ thêm các năm trước vào các dòng trống; cột Cách chọn để trống được hiểu là Ghi nhận.";
const LIST_HEADER = "Danh sách đơn vị (để chọn, không sửa)";

/** Fixed rows of a freshly written sheet (0-based). */
export const LEADERSHIP_LAYOUT = { title: 0, note: 1, header: 3, first: 4 } as const;
/** Empty rows below the records, for earlier years typed by hand. */
export const SPARE_ROWS = 20;
const COLS = { year: 0, leader: 1, deputy1: 2, deputy2: 3, how: 4, basis: 5 } as const;
const WIDTH = 6;
/** The hidden column holding the drop-down's unit names (a gap column before it). */
const LIST_COL = WIDTH + 1;

const byYear = (a: LeadershipRow, b: LeadershipRow) => a.year - b.year;

/**
 * The plan of the sheet. With `members`, the unit columns offer a drop-down of the member names
 * (plus any name already recorded, so a unit that has since left still reads as valid), listed in a
 * hidden column: unit names often hold commas, which an inline list would split.
 * Rows are laid out by year; at most two deputies per row are written.
 */
export function leadershipSheetPlan(rows: LeadershipRow[], opts: { members?: string[] } = {}): SheetPlan {
  const p = emptyPlan(LEADERSHIP_SHEET);
  p.tabColor = "#C00000";
  const { header, first } = LEADERSHIP_LAYOUT;
  const sorted = [...rows].sort(byYear);
  const n = sorted.length + SPARE_ROWS;
  const last = first + n - 1;

  p.blocks.push({ at: cellAddress(LEADERSHIP_LAYOUT.title, 0), rows: [[LEADERSHIP_TITLE], [NOTE]] });
  const body: PlanCell[][] = sorted.map((r) => [r.year, r.leader, r.deputies[0] ?? null, r.deputies[1] ?? null, HOW_TEXT[r.how], r.basis || null]);
  for (let i = sorted.length; i < n; i++) body.push([null, null, null, null, null, null]);
  p.blocks.push({ at: cellAddress(header, 0), rows: [[...LEADERSHIP_HEADERS], ...body] });
  p.merges.push(rangeAddress(LEADERSHIP_LAYOUT.title, 0, 1, WIDTH), rangeAddress(LEADERSHIP_LAYOUT.note, 0, 1, WIDTH));

  p.formats.push(
    { range: rangeAddress(LEADERSHIP_LAYOUT.title, 0, 1, WIDTH), format: { bold: true, fontSize: 14, hAlign: "Center", fontColor: "#C00000" } },
    { range: rangeAddress(LEADERSHIP_LAYOUT.note, 0, 1, WIDTH), format: { italic: true, fontColor: "#595959", wrap: true, vAlign: "Top" } },
    { range: rangeAddress(header, 0, 1, WIDTH), format: { bold: true, fill: "#FCE4D6", hAlign: "Center", vAlign: "Center", wrap: true } },
    { range: rangeAddress(header, 0, n + 1, WIDTH), format: { borders: "Continuous", fontName: "Times New Roman" } },
    { range: rangeAddress(first, 0, n, WIDTH), format: { fill: "#FFFFE0", vAlign: "Center" } },
    { range: rangeAddress(first, COLS.year, n, 1), format: { numberFormat: "0", hAlign: "Center" } },
    { range: rangeAddress(first, COLS.leader, n, 3), format: { wrap: true } },
    { range: rangeAddress(first, COLS.basis, n, 1), format: { wrap: true } },
  );
  p.columnWidths.push(...columnWidths(0, [56, 200, 200, 200, 80, 220]));
  p.rowHeights = [{ row: LEADERSHIP_LAYOUT.note + 1, height: 45 }];

  // Drop-downs.
  p.validations.push(
    {
      range: rangeAddress(first, COLS.year, n, 1),
      rule: { kind: "whole", min: MIN_YEAR, max: MAX_YEAR },
      error: { title: "Năm không hợp lệ", message: `Năm là số có 4 chữ số, từ ${MIN_YEAR} đến ${MAX_YEAR}. / The year is a 4-digit number, ${MIN_YEAR}–${MAX_YEAR}.` },
    },
    {
      range: rangeAddress(first, COLS.how, n, 1),
      rule: { kind: "list", source: Object.values(HOW_TEXT) },
      error: { title: "Cách chọn không hợp lệ", message: "Chọn Luân phiên, Bầu, Chỉ định hoặc Ghi nhận. / Pick rotation, election, designation or recorded." },
    },
  );
  if (opts.members) {
    const seen = new Set<string>();
    const units: string[] = [];
    for (const u of [...opts.members, ...sorted.flatMap((r) => [r.leader, ...r.deputies.slice(0, 2)])]) {
      const t = cleanText(u ?? "");
      if (t && !seen.has(nameKey(t))) {
        seen.add(nameKey(t));
        units.push(t);
      }
    }
    if (units.length > 0) {
      p.blocks.push({ at: cellAddress(header, LIST_COL), rows: [[LIST_HEADER], ...units.map((u) => [u])] });
      const L = columnLetter(LIST_COL);
      p.hiddenColumns = [L];
      p.columnWidths.push({ column: L, width: 200 });
      p.validations.push({
        range: rangeAddress(first, COLS.leader, n, 3),
        rule: { kind: "list", source: { range: `$${L}$${first + 1}:$${L}$${first + units.length}` } },
        error: { title: "Không phải đơn vị thành viên", message: "Chỉ chọn đơn vị có trong danh sách thành viên của khối. / Only a member unit can be chosen." },
        prompt: { title: "Chọn đơn vị", message: "Chọn một đơn vị trong danh sách thành viên. / Pick a member unit." },
      });
    }
  }

  // Mistakes shown as they are typed (the reader reports the same as errors).
  const A = (r: number) => `$A${r + 1}`;
  p.conditionalFormats.push(
    { range: rangeAddress(first, COLS.year, n, 1), formula: `=AND(${A(first)}<>"",COUNTIF($A$${first + 1}:$A$${last + 1},${A(first)})>1)`, format: { fill: "#F8CBAD", fontColor: "#C00000", bold: true } },
    {
      range: rangeAddress(first, COLS.deputy1, n, 2),
      formula: `=AND(${cellAddress(first, COLS.deputy1)}<>"",${cellAddress(first, COLS.deputy1)}=$B${first + 1})`,
      format: { fill: "#F8CBAD", fontColor: "#C00000", bold: true },
    },
  );

  p.names.push({ name: LEADERSHIP_TABLE_NAME, range: rangeAddress(header, 0, n + 1, WIDTH, true), comment: "Trưởng khối, phó trưởng khối qua các năm" });
  p.print = { orientation: "Landscape", paper: "A4", titleRows: `$${header + 1}:$${header + 1}`, fitToWidth: true };
  p.freeze = { rows: header + 1, columns: 0 };
  p.protection = null;
  return p;
}

// ---- Reading back.

const fold = foldLabel;
const text = (v: unknown): string => (v === null || v === undefined ? "" : typeof v === "number" ? String(v) : cleanText(String(v)));

const HEADER_ACCEPT = {
  year: ["nam", "nam thi dua", "nam lam truong khoi", "year"],
  leader: ["truong khoi", "khoi truong", "don vi truong khoi", "leader", "bloc leader"],
  how: ["cach chon", "hinh thuc chon", "hinh thuc", "how", "how chosen"],
  basis: ["can cu", "van ban", "can cu / ghi chu", "basis", "ghi chu", "note"],
} as const;
/** A deputy column: "Phó trưởng khối", "Phó trưởng khối 1", "Phó khối (2)", "Deputy 1"… */
const isDeputyHeader = (f: string) => /^(pho truong khoi|pho khoi|deputy|deputy leader)\s*\(?\d?\)?$/.test(f);

const HOW_BY_FOLD = new Map<string, LeadershipHow>([
  ...(Object.entries(HOW_TEXT) as [LeadershipHow, string][]).map(([k, t]): [string, LeadershipHow] => [fold(t), k]),
  ["bau cu", "election"],
  ["bo phieu", "election"],
  ["rotation", "rotation"],
  ["election", "election"],
  ["designation", "designation"],
  ["recorded", "recorded"],
]);

/** Typed "Cách chọn" → its code; empty or unknown text reads as "recorded". */
export function howOf(v: unknown): LeadershipHow {
  return HOW_BY_FOLD.get(fold(v)) ?? "recorded";
}

export interface LeadershipRead {
  /** False when no header row (a "Năm" and a "Trưởng khối" cell) is on the sheet. */
  found: boolean;
  /** Rows with a year and a leader, by year; a repeated year keeps its first row, a deputy equal to the leader is left out. */
  rows: LeadershipRow[];
  /** Errors, each at its cell. */
  issues: Issue[];
}

/**
 * Reads the table back, anchored on its header row by folded labels (any case, with or without
 * diacritics, NFC or NFD), so rows inserted above, extra columns and a shifted used range read the
 * same. Rows with neither a year nor a leader are skipped. Errors: a year that is not a year, a
 * year written twice, a year without a leader, a deputy equal to the leader (or listed twice).
 */
export function readLeadershipSheet(grid: Grid): LeadershipRead {
  const { sheet } = grid;
  const out: LeadershipRead = { found: false, rows: [], issues: [] };
  const where = (r: number, c: number): Where => ({ sheet, cell: cellAddress(grid.row + r, grid.col + c) });
  const push = (issue: Issue, r: number, c: number) => out.issues.push({ ...issue, where: where(r, c) });

  let head: { row: number; year: number; leader: number; deputies: number[]; how?: number; basis?: number } | null = null;
  for (let r = 0; r < grid.values.length && !head; r++) {
    const row = grid.values[r] ?? [];
    const f = Array.from(row, fold);
    /** The first accepted spelling present wins ("Căn cứ" before "Ghi chú"). */
    const find = (accept: readonly string[]) => {
      for (const a of accept) if (f.includes(a)) return f.indexOf(a);
      return undefined;
    };
    const year = find(HEADER_ACCEPT.year);
    const leader = find(HEADER_ACCEPT.leader);
    if (year === undefined || leader === undefined) continue;
    const deputies = f.map((x, c) => (isDeputyHeader(x) ? c : -1)).filter((c) => c >= 0);
    head = { row: r, year, leader, deputies, how: find(HEADER_ACCEPT.how), basis: find(HEADER_ACCEPT.basis) };
  }
  if (!head) return out;
  out.found = true;

  const firstRowOfYear = new Map<number, number>();
  for (let r = head.row + 1; r < grid.values.length; r++) {
    const row = grid.values[r] ?? [];
    const rawYear = row[head.year];
    const yearText = text(rawYear);
    const leader = text(row[head.leader]);
    if (!yearText && !leader) continue;
    const excelRow = grid.row + r + 1;

    const year = yearText ? parseYear(typeof rawYear === "number" ? rawYear : yearText) : null;
    let ok = true;
    if (!yearText) {
      ok = false;
      push(raise("leadership.year.empty", { row: excelRow, leader }), r, head.year);
    } else if (year === null) {
      ok = false;
      push(
        raise("leadership.year.invalid", { value: yearText, min: MIN_YEAR, max: MAX_YEAR }),
        r,
        head.year,
      );
    } else if (firstRowOfYear.has(year)) {
      ok = false;
      const at = firstRowOfYear.get(year)!;
      push(raise("leadership.year.duplicate", { year, row: at }), r, head.year);
    } else {
      firstRowOfYear.set(year, excelRow);
    }
    if (!leader) {
      ok = false;
      push(raise("leadership.leader.empty", { year: year ?? yearText }), r, head.leader);
    }

    const deputies: string[] = [];
    for (const c of head.deputies) {
      const d = text(row[c]);
      if (!d) continue;
      if (leader && nameKey(d) === nameKey(leader)) {
        push(raise("leadership.deputy.isLeader", { deputy: d }), r, c);
      } else if (deputies.some((x) => nameKey(x) === nameKey(d))) {
        push(raise("leadership.deputy.duplicate", { deputy: d }), r, c);
      } else deputies.push(d);
    }
    if (!ok || year === null) continue;
    out.rows.push({
      year,
      leader,
      deputies,
      how: head.how !== undefined ? howOf(row[head.how]) : "recorded",
      basis: head.basis !== undefined ? text(row[head.basis]) : "",
    });
  }
  out.rows.sort(byYear);
  return out;
}

/** Puts `row` in for its year (replacing the year's row, if any), sorted by year, one row per year. */
export function upsertLeadership(rows: LeadershipRow[], row: LeadershipRow): { rows: LeadershipRow[]; replaced: LeadershipRow | null } {
  const replaced = rows.find((r) => r.year === row.year) ?? null;
  const next = [...rows.filter((r) => r.year !== row.year), { ...row, deputies: [...row.deputies] }].sort(byYear);
  return { rows: next, replaced };
}
