import { raise } from "../../domain/codes";
import type { Issue } from "../../domain/issues";
import type { Award } from "../../domain/nomination/model";
import type { Registration } from "../../domain/start/model";
import { cleanText, foldLabel, nameKey } from "../../domain/text";
import { cellAddress, columnLetter, rangeAddress } from "../a1";
import type { Grid } from "../grid";
import { emptyPlan, type PlanCell, type SheetPlan } from "../plan";

/**
 * "Đăng ký thi đua": each member unit's registration for the year (issue #12, seed 001: "công bố
 * đăng ký thi đua của các đơn vị trong khối"; DOMAIN §2): one row per member (STT, unit), one
 * column per award of the bloc's catalogue (marked "x"), and the unit's own targets (free text).
 * Under the award names a "Mã" row carries the catalogue ids, so the sheet reads back to ids on its
 * own (the nomination engine checks registration from it). The units fill it in (or a copy of it
 * they send back); the reader finds everything by its labels, wherever columns or rows moved.
 */

export const REGISTRATION_SHEET = "Đăng ký thi đua";
export const REGISTRATION_TABLE_NAME = "BX_DangKy";
export const REGISTRATION_TITLE = "ĐĂNG KÝ THI ĐUA";
export const REGISTRATION_HEADERS = { stt: "STT", unit: "Đơn vị", targets: "Chỉ tiêu đăng ký" } as const;
export const ID_LABEL = "Mã";
export const MARK = "x";
export const REGISTRATION_NOTE = `Đánh dấu "${MARK}" vào danh hiệu thi đua, hình thức khen thưởng đơn vị đăng ký (theo danh mục trang "Khen thưởng"); ghi chỉ tiêu của đơn vị ở cột "${REGISTRATION_HEADERS.targets}".`;
const LAYOUT = { title: 0, bloc: 1, note: 2, header: 4 } as const;

export interface RegistrationSheetInput {
  bloc: { name: string; year: number };
  awards: Pick<Award, "id" | "name">[];
  /** One per member, in roster order. */
  registrations: Registration[];
}

export function registrationSheetPlan(input: RegistrationSheetInput, sheet: string = REGISTRATION_SHEET): SheetPlan {
  const p = emptyPlan(sheet);
  p.tabColor = "#2F5597";
  const { awards, registrations } = input;
  const cols = 3 + awards.length;
  const tc = cols - 1;
  const header: PlanCell[] = [REGISTRATION_HEADERS.stt, REGISTRATION_HEADERS.unit, ...awards.map((a) => a.name), REGISTRATION_HEADERS.targets];
  const ids: PlanCell[] = [null, ID_LABEL, ...awards.map((a) => a.id), null];
  const body: PlanCell[][] = registrations.map((r, i) => [i + 1, r.unit, ...awards.map((a) => (r.awards.includes(a.id) ? MARK : null)), r.targets || null]);
  const pad = (cells: PlanCell[]) => [...cells, ...Array<PlanCell>(cols - cells.length).fill(null)];
  p.blocks.push({
    at: "A1",
    rows: [pad([`${REGISTRATION_TITLE} NĂM ${input.bloc.year}`]), pad([`Khối: ${cleanText(input.bloc.name)}`]), pad([REGISTRATION_NOTE]), pad([]), header, ids, ...body],
  });
  const first = LAYOUT.header + 2;
  const n = registrations.length;
  p.merges.push(rangeAddress(LAYOUT.title, 0, 1, cols), rangeAddress(LAYOUT.bloc, 0, 1, cols), rangeAddress(LAYOUT.note, 0, 1, cols));
  p.formats.push(
    { range: rangeAddress(0, 0, first + n, cols), format: { fontName: "Times New Roman", fontSize: 12, vAlign: "Center" } },
    { range: rangeAddress(LAYOUT.title, 0, 2, cols), format: { bold: true, hAlign: "Center" } },
    { range: rangeAddress(LAYOUT.title, 0, 1, cols), format: { fontSize: 14 } },
    { range: rangeAddress(LAYOUT.note, 0, 1, cols), format: { italic: true, wrap: true } },
    { range: rangeAddress(LAYOUT.header, 0, 1, cols), format: { bold: true, hAlign: "Center", wrap: true, fill: "#DDEBF7", borders: "Continuous" } },
    { range: rangeAddress(LAYOUT.header + 1, 0, 1, cols), format: { italic: true, fontSize: 10, fontColor: "#7F7F7F", hAlign: "Center", borders: "Continuous" } },
    { range: rangeAddress(first, 0, Math.max(1, n), cols), format: { borders: "Continuous", wrap: true } },
    { range: rangeAddress(first, 0, Math.max(1, n), 1), format: { hAlign: "Center" } },
  );
  if (n > 0) {
    if (awards.length) {
      p.formats.push({ range: rangeAddress(first, 2, n, awards.length), format: { fill: "#FFFFE0", hAlign: "Center" } });
      p.validations.push({
        range: rangeAddress(first, 2, n, awards.length),
        rule: { kind: "list", source: [MARK] },
        error: { title: "Đăng ký", message: `Đánh dấu "${MARK}" để đăng ký, để trống nếu không đăng ký.` },
        prompt: { title: "Đăng ký", message: `"${MARK}" = đơn vị đăng ký danh hiệu/hình thức này.` },
      });
    }
    p.formats.push({ range: rangeAddress(first, tc, n, 1), format: { fill: "#FFFFE0", hAlign: "Left", numberFormat: "@" } });
    p.validations.push({ range: rangeAddress(first, tc, n, 1), rule: { kind: "textLength", max: 4000 }, error: { title: "Chỉ tiêu", message: "Tối đa 4000 ký tự." } });
  }
  p.columnWidths.push({ column: "A", width: 36 }, { column: "B", width: 220 }, ...awards.map((_, i) => ({ column: columnLetter(2 + i), width: 80 })), { column: columnLetter(tc), width: 260 });
  p.rowHeights = [{ row: LAYOUT.note + 1, height: 32 }, { row: LAYOUT.header + 1, height: 60 }];
  p.names.push({ name: REGISTRATION_TABLE_NAME, range: rangeAddress(LAYOUT.header, 0, 2 + n, cols, true) });
  p.freeze = { rows: first, columns: 2 };
  p.print = { orientation: "Landscape", paper: "A4", fitToWidth: true, titleRows: `$${LAYOUT.header + 1}:$${LAYOUT.header + 2}` };
  return p;
}

// ------------------------------------------------------------------------------ reading it back

/** A sheet as read (excel/read's SheetRead, which this layer may not import: the same shape). */
export interface SheetReadLike {
  name: string;
  exists: boolean;
  row: number;
  col: number;
  values: unknown[][];
}
/** A workbook as read (excel/read's WorkbookRead is one). */
export interface WorkbookRead {
  byName: Record<string, SheetReadLike>;
  byDefinedName: Record<string, SheetReadLike>;
}

export interface RegistrationRow {
  unit: string;
  /** Award ids, in the sheet's column order. */
  awards: string[];
  targets: string;
  /** The row on the sheet, 0-based (as cellAddress takes it). */
  row: number;
}

export interface RegistrationGridRead {
  /** The sheet has the registration table's header (STT / Đơn vị / Chỉ tiêu đăng ký). */
  found: boolean;
  /** The year in the title ("… NĂM 2026") and the bloc on the "Khối:" line, when there. */
  year: number | null;
  bloc: string | null;
  /** The award columns: their id, their name as printed. */
  awards: { id: string; name: string; col: number }[];
  /** The unit column on the sheet, 0-based (-1 when not found). */
  unitCol: number;
  rows: RegistrationRow[];
  issues: Issue[];
}

const fold = (v: unknown) => (typeof v === "string" ? foldLabel(v) : "");
const textOf = (v: unknown): string => (v === null || v === undefined || typeof v === "boolean" ? "" : cleanText(String(v)));
const HEAD_KEYS = { stt: ["stt", "tt", "so tt"], unit: ["don vi", "ten don vi", "unit"], targets: ["chi tieu dang ky", "chi tieu", "targets"] } as const;
const YES = new Set(["x", "✓", "✔", "có", "co", "1", "true", "đăng ký", "dang ky"]);

/**
 * A registration table from a grid (a sheet of the workbook or of a unit's returned file). The
 * header row by its labels (STT, Đơn vị, Chỉ tiêu đăng ký; any order); the "Mã" row under it gives
 * each award column's id; every row below with a unit name is a registration: the award columns
 * marked "x" (also ✓, "có", 1, TRUE), the targets as typed. Errors and warnings at their cells:
 * start.registration.sheet.noIds (an award column without its Mã), start.registration.mark (a mark
 * that is not one of those: not counted, said).
 */
export function readRegistrationGrid(grid: Grid): RegistrationGridRead {
  const issues: Issue[] = [];
  const values = grid.values;
  const at = (r: number, c: number) => ({ sheet: grid.sheet, cell: cellAddress(grid.row + r, grid.col + c) });
  const out: RegistrationGridRead = { found: false, year: null, bloc: null, awards: [], unitCol: -1, rows: [], issues };
  let head = -1;
  const cols: Partial<Record<keyof typeof HEAD_KEYS, number>> = {};
  for (let r = 0; r < values.length && head < 0; r++) {
    const row = values[r] ?? [];
    const found: Partial<Record<keyof typeof HEAD_KEYS, number>> = {};
    row.forEach((v, c) => {
      const f = fold(v);
      for (const k of Object.keys(HEAD_KEYS) as (keyof typeof HEAD_KEYS)[]) if (found[k] === undefined && (HEAD_KEYS[k] as readonly string[]).includes(f)) found[k] = c;
    });
    if (found.unit !== undefined && found.targets !== undefined) {
      head = r;
      Object.assign(cols, found);
    } else {
      row.forEach((v) => {
        const s = typeof v === "string" ? cleanText(v) : "";
        const y = /\bNĂM\s+(\d{4})\s*$/i.exec(s.normalize("NFC"));
        if (y && /ĐĂNG KÝ/i.test(s) && out.year === null) out.year = Number(y[1]);
        const b = /^Khối\s*:\s*(.+)$/i.exec(s);
        if (b && out.bloc === null) out.bloc = cleanText(b[1]);
      });
    }
  }
  if (head < 0) return out;
  out.found = true;
  const known = new Set([cols.stt, cols.unit, cols.targets].filter((c): c is number => c !== undefined));
  const header = values[head] ?? [];
  const idRow = (() => {
    const next = values[head + 1] ?? [];
    return next.some((v) => fold(v) === "ma") ? head + 1 : -1;
  })();
  const ids = idRow >= 0 ? (values[idRow] ?? []) : [];
  header.forEach((v, c) => {
    if (known.has(c) || textOf(v) === "") return;
    const id = textOf(ids[c]);
    if (fold(ids[c]) === "ma") return;
    if (!id) {
      issues.push(raise("start.registration.sheet.noIds", { value: textOf(v), ID_LABEL }, at(head, c)));
      return;
    }
    out.awards.push({ id, name: textOf(v), col: c });
  });
  const unitCol = cols.unit!;
  out.unitCol = grid.col + unitCol;
  const targetsCol = cols.targets!;
  for (let r = (idRow >= 0 ? idRow : head) + 1; r < values.length; r++) {
    const row = values[r] ?? [];
    const unit = textOf(row[unitCol]);
    if (!unit) continue;
    const awards: string[] = [];
    for (const a of out.awards) {
      const v = row[a.col];
      if (v === null || v === undefined || v === "" || v === false || v === 0) continue;
      const k = typeof v === "number" ? String(v) : nameKey(String(v));
      if (YES.has(k)) awards.push(a.id);
      else if (k !== "") issues.push(raise("start.registration.mark", { award: a.name, unit, value: textOf(v), MARK }, at(r, a.col)));
    }
    const t = row[targetsCol];
    out.rows.push({ unit, awards, targets: typeof t === "string" ? t.normalize("NFC").replace(/\r\n?/g, "\n").trim() : textOf(t), row: grid.row + r });
  }
  return out;
}

/** The registration sheet as read: by its name, else wherever its table's name now points. */
export function registrationSheetOf(read: WorkbookRead): SheetReadLike | undefined {
  const byName = read.byName[REGISTRATION_SHEET];
  if (byName?.exists) return byName;
  const moved = read.byDefinedName?.[REGISTRATION_TABLE_NAME];
  return moved?.exists ? moved : undefined;
}

/** What readRegistrationSheet needs read: pass these to readWorkbook (merged with the caller's). */
export const REGISTRATION_READ = { sheets: [REGISTRATION_SHEET], sheetsOfNames: [REGISTRATION_TABLE_NAME] } as const;

/**
 * The registrations as the workbook holds them, for the nomination engine (issue #12: an
 * unregistered unit is "not proposed: not registered"): null when there is no registration sheet
 * (then registration is not checked); else one row per unit named on it (awards = catalogue ids),
 * and the reader's issues. The read must include REGISTRATION_READ.
 */
export function readRegistrationSheet(read: WorkbookRead): { rows: { unit: string; awards: string[]; targets: string; row: number }[]; issues: Issue[] } | null {
  const s = registrationSheetOf(read);
  if (!s) return null;
  const g = readRegistrationGrid({ sheet: s.name, row: s.row, col: s.col, values: s.values });
  if (!g.found) {
    if (s.values.length === 0) return { rows: [], issues: [] };
    return { rows: [], issues: [raise("start.registration.sheet.noTable", { sheet: s.name, unitHeader: REGISTRATION_HEADERS.unit, targetsHeader: REGISTRATION_HEADERS.targets }, { sheet: s.name })] };
  }
  return { rows: g.rows.map((r) => ({ unit: r.unit, awards: r.awards, targets: r.targets, row: r.row })), issues: g.issues };
}
