import { raise } from "../../domain/codes";
import type { Issue } from "../../domain/issues";
import type { Override } from "../../domain/nomination/model";
import { cleanText, foldLabel } from "../../domain/text";
import { cellAddress, rangeAddress } from "../a1";
import type { Grid } from "../grid";
import { emptyPlan, type SheetPlan } from "../plan";
import { BLOC_NAMES } from "../bloc/blocSheet";
import { CATALOGUE_AWARD_NAMES } from "./catalogueSheet";
import { provinceName } from "./listSheet";

/**
 * "Hội nghị bình xét": the review meeting's own record — when and where, who chaired, who took the
 * minutes, who came — and the meeting's decisions that override the proposed list, each with its
 * reason. The list, the minutes and the documents are generated from it (rule 1: the workbook is
 * the record; regenerating never loses what the meeting decided).
 */

export const MEETING_SHEET = "Hội nghị bình xét";
export const MEETING_TABLE_NAME = "BX_HoiNghi";

export interface MeetingRecord {
  /** dd/mm/yyyy as typed; null when empty. */
  date: { day: number; month: number; year: number } | null;
  time: { hour: number; minute: number } | null;
  place: string;
  chair: string;
  secretary: string;
  /** Units present; null = all members. */
  present: number | null;
  absent: string[];
  /** Số tờ trình, e.g. "05/TTr-KTĐ". */
  submissionNumber: string;
  /**
   * Where the file goes ("Kính gửi"), a setting: the provincial council by default; after 2025
   * several provinces receive it at Sở Nội vụ (DOMAIN §5). Empty = `defaultAddressee(province)`.
   */
  addressee: string;
  /** The documents' "Nơi nhận" lines, as typed (without the dash and end mark); empty = DEFAULT_RECIPIENTS. */
  recipients: string[];
  overrides: Override[];
}

/** The council every province has (Luật Thi đua, khen thưởng 2022): the default addressee. */
export const defaultAddressee = (province: string): string => `Hội đồng Thi đua - Khen thưởng ${provinceName(province)}`;
/** Default "Nơi nhận": no body named that a province may not have (DOMAIN §5: the receiver moved in 2025). */
export const DEFAULT_RECIPIENTS = ["Như trên", "Các đơn vị trong khối", "Lưu: VT"] as const;
/** The addressee to print: the one set, or the default for the province. */
export const addresseeOf = (m: Pick<MeetingRecord, "addressee">, province: string): string => cleanText(m.addressee) || defaultAddressee(province);
/** The "Nơi nhận" lines to print, NĐ 30 style: "- Như trên;" … "- Lưu: VT.". */
export function recipientLines(m: Pick<MeetingRecord, "recipients">): string[] {
  const lines = (m.recipients.length > 0 ? m.recipients : [...DEFAULT_RECIPIENTS]).map((r) => cleanText(r).replace(/^[-–•+]\s*/, "").replace(/[;.,]+$/, "")).filter(Boolean);
  return lines.map((l, i) => `- ${l}${i === lines.length - 1 ? "." : ";"}`);
}

export const emptyMeeting = (): MeetingRecord => ({ date: null, time: null, place: "", chair: "", secretary: "", present: null, absent: [], submissionNumber: "", addressee: "", recipients: [], overrides: [] });

const FIELDS = [
  ["date", "Ngày họp (ngày/tháng/năm)"],
  ["time", "Giờ bắt đầu (giờ:phút)"],
  ["place", "Địa điểm"],
  ["chair", "Chủ trì"],
  ["secretary", "Thư ký"],
  ["present", "Số đơn vị có mặt"],
  ["absent", "Đơn vị vắng mặt (cách nhau bằng dấu ;)"],
  ["submissionNumber", "Số tờ trình"],
  ["addressee", "Kính gửi (nơi nhận hồ sơ)"],
  ["recipients", "Nơi nhận (cách nhau bằng dấu ;)"],
] as const;
type Field = (typeof FIELDS)[number][0];

export const OVERRIDE_HEADERS = ["Đơn vị", "Danh hiệu / hình thức khen thưởng", "Quyết định của hội nghị", "Lý do"] as const;
export const DECISION = { include: "Đề nghị", exclude: "Không đề nghị" } as const;
const SPARE = 10;
const LAYOUT = { title: 0, note: 1, fields: 3 } as const;

const pad = (n: number) => String(n).padStart(2, "0");

export function meetingRecordPlan(m: MeetingRecord, opts: { units?: string[]; awards?: string[]; province?: string } = {}): SheetPlan {
  const p = emptyPlan(MEETING_SHEET);
  p.tabColor = "#C00000";
  const value: Record<Field, string | number | null> = {
    date: m.date ? `${pad(m.date.day)}/${pad(m.date.month)}/${m.date.year}` : null,
    time: m.time ? `${pad(m.time.hour)}:${pad(m.time.minute)}` : null,
    place: m.place || null,
    chair: m.chair || null,
    secretary: m.secretary || null,
    present: m.present,
    absent: m.absent.join("; ") || null,
    submissionNumber: m.submissionNumber || null,
    // Written out (the default too), so the user sees where the file goes and edits it there.
    addressee: addresseeOf(m, opts.province ?? ""),
    recipients: (m.recipients.length > 0 ? m.recipients : [...DEFAULT_RECIPIENTS]).join("; "),
  };
  p.blocks.push({
    at: "A1",
    rows: [
      ["HỘI NGHỊ BÌNH XÉT THI ĐUA, KHEN THƯỞNG"],
      ["Thông tin hội nghị và các quyết định của hội nghị điều chỉnh danh sách đề nghị (mỗi quyết định ghi rõ lý do; lý do được in trong biên bản họp)."],
    ],
  });
  p.blocks.push({ at: cellAddress(LAYOUT.fields, 0), rows: FIELDS.map(([k, label]) => [label, value[k]]) });
  const head = LAYOUT.fields + FIELDS.length + 1;
  const rows = [...m.overrides.map((o) => [o.unit, o.award, o.include ? DECISION.include : DECISION.exclude, o.reason]), ...Array.from({ length: SPARE }, () => [null, null, null, null])];
  p.blocks.push({ at: cellAddress(head, 0), rows: [["QUYẾT ĐỊNH CỦA HỘI NGHỊ VỀ DANH SÁCH ĐỀ NGHỊ"], [...OVERRIDE_HEADERS], ...rows] });
  const first = head + 2;
  p.formats.push(
    { range: "A1", format: { bold: true, fontSize: 14 } },
    { range: "A2", format: { italic: true } },
    { range: rangeAddress(LAYOUT.fields, 1, FIELDS.length, 1), format: { fill: "#FFFFE0", borders: "Continuous", numberFormat: "@" } },
    { range: rangeAddress(LAYOUT.fields, 0, FIELDS.length, 1), format: { bold: true, borders: "Continuous" } },
    { range: cellAddress(head, 0), format: { bold: true } },
    { range: rangeAddress(head + 1, 0, 1, 4), format: { bold: true, fill: "#F2DCDB", wrap: true, borders: "Continuous" } },
    { range: rangeAddress(first, 0, rows.length, 4), format: { fill: "#FFFFE0", wrap: true, borders: "Continuous" } },
  );
  p.validations.push(
    { range: rangeAddress(first, 2, rows.length, 1), rule: { kind: "list", source: [DECISION.include, DECISION.exclude] }, error: { title: "Quyết định", message: `Chọn "${DECISION.include}" hoặc "${DECISION.exclude}".` } },
    { range: cellAddress(LAYOUT.fields + 5, 1), rule: { kind: "whole", min: 0, max: 500 }, error: { title: "Số đơn vị có mặt", message: "Nhập một số nguyên." } },
  );
  // The lists live where they are kept (the members on "Khối", the awards on "Khen thưởng"), by
  // their workbook names: always current, and free of Excel's 255-character limit on a list typed inline.
  if (opts.units) {
    p.validations.push({ range: rangeAddress(first, 0, rows.length, 1), rule: { kind: "list", source: { range: BLOC_NAMES.members } }, error: { title: "Đơn vị", message: "Chọn một đơn vị thành viên của khối." } });
  }
  if (opts.awards) {
    p.validations.push({ range: rangeAddress(first, 1, rows.length, 1), rule: { kind: "list", source: { range: CATALOGUE_AWARD_NAMES } }, error: { title: "Danh hiệu / hình thức", message: "Chọn trong danh mục khen thưởng (trang Khen thưởng)." } });
  }
  p.columnWidths.push({ column: "A", width: 220 }, { column: "B", width: 230 }, { column: "C", width: 120 }, { column: "D", width: 300 });
  p.names.push({ name: MEETING_TABLE_NAME, range: rangeAddress(LAYOUT.fields, 0, head + 2 + rows.length - LAYOUT.fields, 4, true) });
  p.print = { orientation: "Landscape", paper: "A4", fitToWidth: true };
  return p;
}

const fold = foldLabel;
const text = (v: unknown) => (v === null || v === undefined ? "" : cleanText(String(v)));

/** Reads the meeting record back, by its labels (rows may be moved or inserted). */
export function readMeetingRecord(grid: Grid): { found: boolean; meeting: MeetingRecord; issues: Issue[] } {
  const m = emptyMeeting();
  const issues: Issue[] = [];
  const vals = grid.values;
  const at = (r: number, c: number) => ({ sheet: grid.sheet, cell: cellAddress(grid.row + r, grid.col + c) });
  let found = false;
  let head: number | null = null;
  for (let r = 0; r < vals.length; r++) {
    const row = vals[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const f = fold(row[c]);
      if (!f) continue;
      const field = FIELDS.find(([, label]) => fold(label) === f || fold(label.replace(/\s*\(.*\)$/, "")) === f)?.[0];
      if (field) {
        found = true;
        const v = row[c + 1];
        const t = text(v);
        if (field === "date" && t) {
          const d = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
          if (d && +d[1] >= 1 && +d[1] <= 31 && +d[2] >= 1 && +d[2] <= 12) m.date = { day: +d[1], month: +d[2], year: +d[3] };
          else if (typeof v === "number" && v > 20000 && v < 80000) {
            const js = new Date(Date.UTC(1899, 11, 30) + v * 86400000);
            m.date = { day: js.getUTCDate(), month: js.getUTCMonth() + 1, year: js.getUTCFullYear() };
          } else issues.push(raise("meeting.date.invalid", { value: t }, at(r, c + 1)));
        } else if (field === "time" && t) {
          const h = /^(\d{1,2})[:hg]\s*(\d{1,2})?/.exec(t.replace(/\s*giờ\s*/, ":"));
          if (h && +h[1] < 24 && +(h[2] ?? 0) < 60) m.time = { hour: +h[1], minute: +(h[2] ?? 0) };
          else if (typeof v === "number" && v >= 0 && v < 1) m.time = { hour: Math.floor(v * 24), minute: Math.round(v * 1440) % 60 };
          else issues.push(raise("meeting.time.invalid", { value: t }, at(r, c + 1)));
        } else if (field === "present" && t) {
          const n = Number(t.replace(",", "."));
          if (Number.isInteger(n) && n >= 0) m.present = n;
          else issues.push(raise("meeting.present.invalid", { value: t }, at(r, c + 1)));
        } else if (field === "absent") m.absent = t ? t.split(/[;\n]/).map(cleanText).filter(Boolean) : [];
        else if (field === "recipients") m.recipients = t ? t.split(/[;\n]/).map(cleanText).filter(Boolean) : [];
        else if (field === "place" || field === "chair" || field === "secretary" || field === "submissionNumber" || field === "addressee") m[field] = t;
        break;
      }
      if (f === fold(OVERRIDE_HEADERS[0]) && fold(row[c + 2]).startsWith("quyet dinh")) head = r;
    }
  }
  if (head !== null) {
    for (let r = head + 1; r < vals.length; r++) {
      const row = vals[r] ?? [];
      const [unit, award, decision, reason] = [0, 1, 2, 3].map((k) => text(row[k]));
      if (!unit && !award && !decision && !reason) continue;
      if (!unit || !award) {
        issues.push(raise("meeting.override.incomplete", {}, at(r, unit ? 1 : 0)));
        continue;
      }
      const d = fold(decision);
      const include = d === fold(DECISION.include) ? true : d === fold(DECISION.exclude) ? false : null;
      if (include === null) {
        issues.push(raise("meeting.override.decision", { decision, include: DECISION.include, exclude: DECISION.exclude }, at(r, 2)));
        continue;
      }
      if (!reason) {
        issues.push(raise("meeting.override.reason", { unit, award }, at(r, 3)));
        continue;
      }
      m.overrides.push({ unit, award, include, reason });
    }
  }
  return { found, meeting: m, issues };
}
