import { raise } from "../../domain/codes";
import { formatDate, formatNumber } from "../../domain/format";
import type { CriteriaTable, Criterion } from "../../domain/criteria/model";
import { maxOf } from "../../domain/criteria/model";
import type { Issue } from "../../domain/issues";
import { dayDateText, isRealDate, parseDayDate, type DayDate, type Pact } from "../../domain/start/model";
import { cleanText, foldDiacritics, foldLabel } from "../../domain/text";
import { cellAddress, rangeAddress } from "../a1";
import type { Grid } from "../grid";
import { emptyPlan, type PlanCell, type SheetPlan } from "../plan";

/**
 * "Giao ước thi đua": the emulation pact the bloc signs at its launch meeting (issue #12, seed 001:
 * "ký kết giao ước thi đua năm 2017"; DOMAIN §2): the bloc and year, where and when it is signed,
 * the year's theme, the units' numbered commitments, the criteria table as agreed (sections and
 * criteria with their max points, copied from "Tiêu chí" when written) and the signature table,
 * one block per member unit's head, two to a row. The theme, place, date and commitments are the
 * secretary's to edit (here or in the pane); the reader takes them back by their labels.
 */

export const PACT_SHEET = "Giao ước thi đua";
export const PACT_TABLE_NAME = "BX_GiaoUoc";
export const PACT_TITLE = "GIAO ƯỚC THI ĐUA";
export const PACT_LABELS = { theme: "Chủ đề thi đua", place: "Địa điểm ký", signedOn: "Ngày ký (ngày/tháng/năm)" } as const;
export const COMMITMENTS_HEADING = "I. NỘI DUNG GIAO ƯỚC";
export const COMMITMENT_HEADERS = ["STT", "Nội dung cam kết"] as const;
export const CRITERIA_HEADING = "II. BẢNG TIÊU CHÍ THI ĐUA (theo trang \"Tiêu chí\")";
export const PACT_CRITERIA_HEADERS = ["STT", "Nội dung tiêu chí", "Điểm chuẩn"] as const;
export const SIGNATURES_HEADING = "III. CHỮ KÝ CỦA THỦ TRƯỞNG CÁC ĐƠN VỊ";
export const HEAD_TITLE = "THỦ TRƯỞNG ĐƠN VỊ";
export const NO_CRITERIA = "Chưa có bảng tiêu chí (trang \"Tiêu chí\"): ghi lại giao ước sau khi thống nhất bảng tiêu chí.";
/** Blank commitment rows left under the last one, for the secretary to type more. */
export const PACT_SPARE = 5;
export const TOTAL_LABEL = "Tổng điểm chuẩn";

export interface PactSheetInput {
  bloc: { name: string; province: string; year: number };
  members: string[];
  pact: Pact;
  criteria: CriteriaTable | null;
}

/** A criterion's printed points: a section's or a criterion's max (its children's sum when not given); bonus "+x", penalty "−x". */
export function criterionPoints(c: Criterion): number | string {
  const max = c.max ?? maxOf(c);
  const kind = c.kind ?? (c.children.length && c.children.every((k) => k.kind === "bonus") ? "bonus" : c.children.length && c.children.every((k) => k.kind === "penalty") ? "penalty" : null);
  if (kind === "bonus") return `+${formatNumber(max, "vi")}`;
  if (kind === "penalty") return `−${formatNumber(max, "vi")}`;
  return max;
}

/** The criteria table's sections and their criteria (two levels, as agreed at the meeting), and the total. */
export function pactCriteriaRows(t: CriteriaTable): { number: string; text: string; points: number | string; section: boolean }[] {
  const out: { number: string; text: string; points: number | string; section: boolean }[] = [];
  for (const s of t.sections) {
    out.push({ number: s.number, text: cleanText(s.text), points: s.noPoints ? "" : criterionPoints(s), section: true });
    for (const c of s.children) out.push({ number: c.number, text: cleanText(c.text), points: criterionPoints(c), section: false });
  }
  return out;
}

/** Member heads two to a row: [[A, B], [C, D], [E]]. */
export const signaturePairs = (members: readonly string[]): string[][] => Array.from({ length: Math.ceil(members.length / 2) }, (_, i) => members.slice(2 * i, 2 * i + 2));

const LAYOUT = { title: 0, bloc: 1, fields: 3, commitments: 7 } as const;

export function pactSheetPlan(input: PactSheetInput, sheet: string = PACT_SHEET): SheetPlan {
  const p = emptyPlan(sheet);
  p.tabColor = "#2F5597";
  const { bloc, pact } = input;
  const rows: PlanCell[][] = [];
  const put = (r: number, cells: PlanCell[]) => {
    while (rows.length <= r) rows.push([null, null, null, null]);
    rows[r] = [...cells, ...Array<PlanCell>(4 - cells.length).fill(null)];
  };
  put(LAYOUT.title, [`${PACT_TITLE} NĂM ${bloc.year}`]);
  put(LAYOUT.bloc, [`${cleanText(bloc.name)}, ${cleanText(bloc.province)}`]);
  put(LAYOUT.fields, [PACT_LABELS.theme, null, pact.theme || null]);
  put(LAYOUT.fields + 1, [PACT_LABELS.place, null, pact.place || null]);
  put(LAYOUT.fields + 2, [PACT_LABELS.signedOn, null, pact.signedOn ? dayDateText(pact.signedOn) : null]);
  put(LAYOUT.commitments, [COMMITMENTS_HEADING]);
  put(LAYOUT.commitments + 1, [...COMMITMENT_HEADERS]);
  const firstC = LAYOUT.commitments + 2;
  const nC = pact.commitments.length + PACT_SPARE;
  for (let i = 0; i < nC; i++) put(firstC + i, [i + 1, pact.commitments[i] ?? null]);
  const critHead = firstC + nC + 1;
  put(critHead, [CRITERIA_HEADING]);
  put(critHead + 1, [...PACT_CRITERIA_HEADERS]);
  const crit = input.criteria ? pactCriteriaRows(input.criteria) : [];
  crit.forEach((c, i) => put(critHead + 2 + i, [c.number, c.text, null, c.points]));
  let after = critHead + 2 + crit.length;
  if (input.criteria) put(after++, [null, TOTAL_LABEL, null, input.criteria.scale]);
  else put(after++, [null, NO_CRITERIA]);
  const sigHead = after + 1;
  put(sigHead, [SIGNATURES_HEADING]);
  const pairs = signaturePairs(input.members.map(cleanText));
  pairs.forEach((pair, i) => {
    const r = sigHead + 1 + i * 3;
    put(r, [HEAD_TITLE, null, pair[1] ? HEAD_TITLE : null]);
    put(r + 1, [pair[0].toLocaleUpperCase("vi"), null, pair[1] ? pair[1].toLocaleUpperCase("vi") : null]);
    put(r + 2, [null, null, null]);
  });
  const end = sigHead + 1 + pairs.length * 3;
  p.blocks.push({ at: "A1", rows });

  // Merges: the title lines, the labels and values, the commitments' text, the criteria's text, the signature halves.
  p.merges.push(rangeAddress(LAYOUT.title, 0, 1, 4), rangeAddress(LAYOUT.bloc, 0, 1, 4));
  for (let i = 0; i < 3; i++) p.merges.push(rangeAddress(LAYOUT.fields + i, 0, 1, 2), rangeAddress(LAYOUT.fields + i, 2, 1, 2));
  p.merges.push(rangeAddress(LAYOUT.commitments, 0, 1, 4));
  for (let r = LAYOUT.commitments + 1; r < firstC + nC; r++) p.merges.push(rangeAddress(r, 1, 1, 3));
  p.merges.push(rangeAddress(critHead, 0, 1, 4));
  for (let r = critHead + 1; r < after; r++) p.merges.push(rangeAddress(r, 1, 1, 2));
  p.merges.push(rangeAddress(sigHead, 0, 1, 4));
  for (let r = sigHead + 1; r < end; r++) p.merges.push(rangeAddress(r, 0, 1, 2), rangeAddress(r, 2, 1, 2));

  p.formats.push(
    { range: rangeAddress(0, 0, end, 4), format: { fontName: "Times New Roman", fontSize: 13, wrap: true, vAlign: "Top" } },
    { range: rangeAddress(LAYOUT.title, 0, 2, 4), format: { bold: true, hAlign: "Center" } },
    { range: rangeAddress(LAYOUT.title, 0, 1, 4), format: { fontSize: 14 } },
    { range: rangeAddress(LAYOUT.fields, 0, 3, 2), format: { bold: true, borders: "Continuous" } },
    { range: rangeAddress(LAYOUT.fields, 2, 3, 2), format: { fill: "#FFFFE0", borders: "Continuous", numberFormat: "@" } },
    { range: rangeAddress(LAYOUT.commitments, 0, 1, 4), format: { bold: true } },
    { range: rangeAddress(LAYOUT.commitments + 1, 0, 1, 4), format: { bold: true, hAlign: "Center", fill: "#DDEBF7", borders: "Continuous" } },
    { range: rangeAddress(firstC, 1, nC, 3), format: { fill: "#FFFFE0", borders: "Continuous", numberFormat: "@" } },
    { range: rangeAddress(firstC, 0, nC, 1), format: { hAlign: "Center", borders: "Continuous" } },
    { range: rangeAddress(critHead, 0, 1, 4), format: { bold: true } },
    { range: rangeAddress(critHead + 1, 0, 1, 4), format: { bold: true, hAlign: "Center", fill: "#DDEBF7", borders: "Continuous" } },
    { range: rangeAddress(critHead + 2, 0, after - critHead - 2, 4), format: { borders: "Continuous" } },
    { range: rangeAddress(critHead + 2, 3, after - critHead - 2, 1), format: { hAlign: "Center" } },
    { range: rangeAddress(sigHead, 0, 1, 4), format: { bold: true } },
    { range: rangeAddress(sigHead + 1, 0, end - sigHead - 1, 4), format: { bold: true, hAlign: "Center" } },
  );
  crit.forEach((c, i) => {
    if (c.section) p.formats.push({ range: rangeAddress(critHead + 2 + i, 0, 1, 4), format: { bold: true } });
  });
  if (input.criteria) p.formats.push({ range: rangeAddress(after - 1, 0, 1, 4), format: { bold: true } });
  p.validations.push(
    { range: rangeAddress(LAYOUT.fields, 2, 2, 1), rule: { kind: "textLength", max: 1000 }, error: { title: "Quá dài", message: "Tối đa 1000 ký tự." } },
    { range: rangeAddress(firstC, 1, nC, 1), rule: { kind: "textLength", max: 1000 }, error: { title: "Quá dài", message: "Mỗi nội dung cam kết tối đa 1000 ký tự." } },
  );
  p.columnWidths.push({ column: "A", width: 40 }, { column: "B", width: 250 }, { column: "C", width: 90 }, { column: "D", width: 180 });
  p.rowHeights = Array.from({ length: pairs.length }, (_, i) => ({ row: sigHead + 1 + i * 3 + 3, height: 60 }));
  p.names.push({ name: PACT_TABLE_NAME, range: rangeAddress(0, 0, end, 4, true) });
  p.print = { orientation: "Portrait", paper: "A4", fitToWidth: true };
  return p;
}

// ------------------------------------------------------------------------------ reading it back

export interface PactSheetRead {
  /** The sheet carries the pact's labels. */
  found: boolean;
  theme: string;
  place: string;
  /** As typed ("15/03/2026"), "" when empty; a date cell Excel converted is given back as dd/mm/yyyy. */
  signedOn: string;
  commitments: string[];
  issues: Issue[];
}

/** A label, without a trailing note in brackets ("Ngày ký (ngày/tháng/năm)"). */
const fold = (v: unknown) => (typeof v === "string" ? foldLabel(foldLabel(v).replace(/\s*\(.*\)\s*$/, "")) : "");
const textOf = (v: unknown): string => (v === null || v === undefined ? "" : typeof v === "number" ? String(v) : typeof v === "boolean" ? "" : cleanText(String(v)));

/** An Excel date serial (a date cell) → its day. */
export function serialDate(n: number): DayDate {
  const d = new Date(Date.UTC(1899, 11, 30) + Math.round(n) * 86400000);
  return { day: d.getUTCDate(), month: d.getUTCMonth() + 1, year: d.getUTCFullYear() };
}

const LABEL_KEYS: Record<keyof typeof PACT_LABELS, string[]> = {
  theme: ["chu de thi dua", "chu de", "khau hieu thi dua", "theme"],
  place: ["dia diem ky", "dia diem", "place"],
  signedOn: ["ngay ky", "ngay ky ket", "date"],
};

/**
 * Reads the pact back from its sheet: the theme, place and date by their labels (the value is the
 * first filled cell right of the label, wherever rows or columns moved), the commitments from the
 * rows under the "Nội dung cam kết" header (blank rows skipped) down to the criteria or the
 * signatures. A date typed as a date (Excel converts it) is read back as dd/mm/yyyy; a date that
 * is not one is `start.pact.date` at its cell.
 */
export function readPactSheet(grid: Grid): PactSheetRead {
  const issues: Issue[] = [];
  const at = (r: number, c: number) => cellAddress(grid.row + r, grid.col + c);
  const values = grid.values;
  const out: PactSheetRead = { found: false, theme: "", place: "", signedOn: "", commitments: [], issues };
  let header: { row: number; stt: number; text: number } | null = null;
  values.forEach((row, r) =>
    row.forEach((v, c) => {
      const f = fold(v);
      for (const key of Object.keys(LABEL_KEYS) as (keyof typeof PACT_LABELS)[]) {
        if (!LABEL_KEYS[key].includes(f)) continue;
        out.found = true;
        let k = c + 1;
        while (k < row.length && textOf(row[k]) === "") k++;
        const raw = row[k];
        if (key === "signedOn") {
          if (typeof raw === "number") out.signedOn = dayDateText(serialDate(raw));
          else {
            const s = textOf(raw);
            out.signedOn = s;
            const d = parseDayDate(s);
            if (s && (!d || !isRealDate(d))) issues.push(raise("start.pact.date", { value: s, example: formatDate({ day: 15, month: 3, year: 2026 }) }, { sheet: grid.sheet, cell: at(r, k < row.length ? k : c) }));
          }
        } else out[key] = textOf(raw);
      }
      if (!header && f === "noi dung cam ket") {
        const stt = row.findIndex((x) => fold(x) === "stt");
        header = { row: r, stt, text: c };
        out.found = true;
      }
    }),
  );
  const h = header as { row: number; stt: number; text: number } | null;
  if (h) {
    for (let r = h.row + 1; r < values.length; r++) {
      const row = values[r] ?? [];
      const stop = row.some((v) => {
        const f = fold(v);
        return f.startsWith("ii.") || f === "noi dung tieu chi" || f === foldDiacritics(HEAD_TITLE) || f.startsWith("iii.");
      });
      if (stop) break;
      const t = textOf(row[h.text]);
      if (t) out.commitments.push(t);
    }
  }
  return out;
}
