import { rangeAddress } from "../a1";
import { emptyPlan, type PlanCell, type SheetPlan } from "../plan";

/** The audit log: every add-in action that writes appends one row; the add-in never edits a row. */
export const LOG_SHEET = "Nhật ký";
/** The log's title (A1). */
export const LOG_TITLE = "NHẬT KÝ THAO TÁC CỦA ADD-IN BÌNH XÉT (chỉ ghi thêm, không sửa)";
export const LOG_HEADERS = ["Thời gian", "Thao tác", "Đối tượng", "Số lượng", "Ghi chú"] as const;
/** Rows (0-based) of a fresh log: the title, then the header, then entries. */
export const LOG_LAYOUT = { title: 0, header: 2, first: 3 } as const;

export interface LogEntry {
  /** What was done, in Vietnamese: "Lưu hồ sơ khối". */
  action: string;
  /** On what: a sheet, a unit, a vote. */
  object: string;
  /** Counts, in words: "8 đơn vị", "8 × 30 tiêu chí". */
  counts: string;
  note?: string;
}

/** "2026-11-23 06:40:12" in local time: readable in any locale, sortable as text. */
export function logTime(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

export function logRow(entry: LogEntry, at: Date): PlanCell[] {
  return [logTime(at), entry.action, entry.object, entry.counts, entry.note ?? ""];
}

/** A new log sheet holding its first entries. Protected: people read it, the add-in appends. */
export function logSheetPlan(entries: LogEntry[], at: Date): SheetPlan {
  const p = emptyPlan(LOG_SHEET);
  p.tabColor = "#404040";
  p.blocks.push({ at: "A1", rows: [[LOG_TITLE]] });
  p.blocks.push({ at: `A${LOG_LAYOUT.header + 1}`, rows: [[...LOG_HEADERS], ...entries.map((e) => logRow(e, at))] });
  p.formats.push(
    { range: "A1", format: { bold: true, fontSize: 12 } },
    { range: rangeAddress(LOG_LAYOUT.header, 0, 1, LOG_HEADERS.length), format: { bold: true, fill: "#D9D9D9" } },
  );
  p.columnWidths.push({ column: "A", width: 120 }, { column: "B", width: 180 }, { column: "C", width: 220 }, { column: "D", width: 140 }, { column: "E", width: 200 });
  p.freeze = { rows: LOG_LAYOUT.header + 1, columns: 0 };
  p.protection = {};
  return p;
}
