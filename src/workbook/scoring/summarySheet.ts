import type { Member } from "../../domain/bloc/bloc";
import { cleanText, foldLabel } from "../../domain/text";
import type { Grid } from "../grid";
import type { CriteriaTable } from "../../domain/criteria/model";
import { NEEDS_CHECK, NEEDS_CHECK_REASON, SUM_DECIMALS, tieRuleText } from "../../domain/scoring/engine";
import type { ScoringSettings, TieBreaker } from "../../domain/scoring/settings";
import { cellAddress, columnLetter, qualified, rangeAddress } from "../a1";
import { columnWidths, emptyPlan, type PlanCell, type SheetPlan } from "../plan";
import { bandRefs, bandRow, SETTINGS_NAMES, SETTINGS_SHEET, SETTINGS_LAYOUT } from "./settingsSheet";
import { COL, type UnitSheetMap } from "./unitSheet";

export const SUMMARY_SHEET = "Tổng hợp";
export const SUMMARY_LAYOUT = { title: 0, bloc: 1, stage: 2, header: 4, first: 5 } as const;

/** The summary's columns for a table with `n` sections and `tieCriteria` tie steps on a named criterion. */
export function summaryColumns(sections: number, tieCriteria = 0) {
  const c = { stt: 0, unit: 1, firstSection: 2 } as const;
  const after = 2 + sections;
  return {
    ...c,
    bonus: after,
    penalty: after + 1,
    total: after + 2,
    rank: after + 3,
    tie: after + 4,
    band: after + 5,
    reason: after + 6,
    leading: after + 7,
    minRatio: after + 8,
    minCrit: after + 9,
    /** One column per "higher points on criterion X" tie step, in the order of the steps. */
    firstTieCriterion: after + 10,
    /** The unit sheet's count of invalid inputs: not 0 → "Cần kiểm tra", no total, rank or class (issue #11). */
    invalid: after + 10 + tieCriteria,
    width: after + 11 + tieCriteria,
  };
}

export function sectionName(table: CriteriaTable, i: number): string {
  return `Phần ${table.sections[i]?.number || i + 1}`;
}

export interface SummaryInput {
  table: CriteriaTable;
  settings: ScoringSettings;
  members: Member[];
  maps: UnitSheetMap[];
  blocName: string;
  year: number;
}

/** Where each result sits on the summary: the nomination step links to these cells. */
export interface SummaryMap {
  sheet: string;
  first: number;
  last: number;
  cols: ReturnType<typeof summaryColumns>;
}

/** The summary sheet: per unit, section subtotals, bonus and penalty after caps, total, rank, band and the leading mark, all as formulas. */
export function summarySheetPlan(input: SummaryInput): { plan: SheetPlan; map: SummaryMap } {
  const { table, settings, members, maps } = input;
  const n = members.length;
  const tieCriteria = settings.tieBreakers.flatMap((t) => (t.by === "criterion" ? [t.id] : []));
  const C = summaryColumns(table.sections.length, tieCriteria.length);
  const first = SUMMARY_LAYOUT.first;
  const last = first + n - 1;
  const p = emptyPlan(SUMMARY_SHEET);
  p.tabColor = "#548235";
  const L = (c: number) => columnLetter(c);
  const colRange = (c: number) => `$${L(c)}$${first + 1}:$${L(c)}$${last + 1}`;
  const cell = (r: number, c: number) => cellAddress(r, c);

  const header: PlanCell[] = Array(C.width).fill(null);
  header[C.stt] = "STT";
  header[C.unit] = "Đơn vị";
  table.sections.forEach((s, i) => (header[C.firstSection + i] = `${sectionName(table, i)}`));
  header[C.bonus] = "Điểm thưởng";
  header[C.penalty] = "Điểm trừ";
  header[C.total] = "Tổng điểm";
  header[C.rank] = "Xếp hạng";
  header[C.tie] = "Ghi chú xếp hạng";
  header[C.band] = "Xếp loại";
  header[C.reason] = "Lý do xếp loại";
  header[C.leading] = "Đơn vị dẫn đầu";
  header[C.minRatio] = "Tỷ lệ thấp nhất";
  header[C.minCrit] = "Tiêu chí thấp nhất";
  tieCriteria.forEach((id, j) => (header[C.firstTieCriterion + j] = `Điểm tiêu chí ${id}`));
  header[C.invalid] = "Số ô không hợp lệ";

  /** The comparison columns in order (total, then each tie-breaker) with the direction that wins. */
  const keys: { col: number; better: ">" | "<" }[] = [{ col: C.total, better: ">" }, ...settings.tieBreakers.map((t) => breakerColumn(t, C, tieCriteria))];

  const rows: PlanCell[][] = members.map((m, i) => {
    const r = first + i;
    const map = maps[i];
    const target = (row: number) => qualified(map.sheet, cellAddress(row, COL.counted, true));
    // A unit whose sheet holds an invalid input shows nothing that could rank it (issue #11).
    const bad = `${cell(r, C.invalid)}<>0`;
    const ref = (row: number) => `=IF(${bad},"",${target(row)})`;
    const row: PlanCell[] = Array(C.width).fill(null);
    row[C.stt] = i + 1;
    row[C.unit] = m.name;
    row[C.invalid] = { f: `=${target(map.totals.invalid)}` };
    table.sections.forEach((_, s) => (row[C.firstSection + s] = { f: ref(map.sectionRows[s]) }));
    row[C.bonus] = { f: ref(map.totals.bonus) };
    row[C.penalty] = { f: ref(map.totals.penalty) };
    row[C.total] = { f: ref(map.totals.total) };
    row[C.minRatio] = { f: ref(map.totals.minRatio) };
    row[C.minCrit] = { f: ref(map.totals.minRatioCriterion) };
    // A criterion the table does not have counts 0 for every unit, as in the engine.
    tieCriteria.forEach((id, j) => (row[C.firstTieCriterion + j] = map.rows.has(id) ? { f: ref(map.rows.get(id)!) } : { f: `=IF(${bad},"",0)` }));
    // Rank: 1 + units ahead on the total, then ahead on each tie-breaker among those equal so far.
    const terms: string[] = [];
    keys.forEach((k, j) => {
      const equalSoFar = keys.slice(0, j).flatMap((e) => [colRange(e.col), cell(r, e.col)]);
      terms.push(`COUNTIFS(${[...equalSoFar, colRange(k.col), `"${k.better}"&${cell(r, k.col)}`].join(",")})`);
    });
    row[C.rank] = { f: `=IF(${bad},"",1+${terms.join("+")})` };
    const allEqual = keys.flatMap((e) => [colRange(e.col), cell(r, e.col)]).join(",");
    row[C.tie] = { f: `=IF(${bad},"",IF(COUNTIFS(${allEqual})>1,"Đồng hạng: hội nghị quyết định",""))` };
    row[C.band] = { f: `=IF(${bad},"${NEEDS_CHECK}",${bandFormula(settings, r, C).slice(1)})` };
    row[C.reason] = { f: `=IF(${bad},"${NEEDS_CHECK_REASON}",${reasonFormula(settings, r, C).slice(1)})` };
    row[C.leading] = { f: `=IF(AND(${cell(r, C.rank)}=1,${cell(r, C.tie)}=""),"Dẫn đầu",IF(${cell(r, C.rank)}=1,"Đồng hạng nhất",""))` };
    return row;
  });

  const stageLine: PlanCell[] = [{ f: `="Điểm được tính theo: "&${SETTINGS_NAMES.stage}` }];
  p.blocks.push({ at: "A1", rows: [[`BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM, XẾP HẠNG THI ĐUA NĂM ${input.year}`], [input.blocName], stageLine] });
  p.blocks.push({ at: cell(SUMMARY_LAYOUT.header, 0), rows: [header, ...rows] });
  const rule = tieRuleText(settings, table.sections.map((_, i) => sectionName(table, i)));
  // The bands line reads the settings cells, so it stays true when the thresholds are edited.
  const bandParts = settings.bands.map((_, i) => {
    const b = bandRefs(i + 1);
    return `${b.label}&" từ "&${b.min}&" điểm"&IF(${b.floor}="","",", không tiêu chí nào dưới "&${b.floor}&"% điểm chuẩn")&IF(${b.noZero}="","",", không tiêu chí nào 0 điểm")`;
  });
  const fallbackRef = qualified(SETTINGS_SHEET, cellAddress(SETTINGS_LAYOUT.firstBand + SETTINGS_LAYOUT.maxBands - 1, 1, true));
  const bandsText: PlanCell = { f: `="Xếp loại: "&${[...bandParts, `"còn lại: "&${fallbackRef}`].join(`&"; "&`)}&". (Sửa ngưỡng ở trang ${SETTINGS_SHEET}.)"` };
  p.blocks.push({ at: cell(last + 2, 0), rows: [[rule.vi], [bandsText]] });

  const w = C.width;
  p.merges.push(rangeAddress(0, 0, 1, C.leading + 1), rangeAddress(1, 0, 1, C.leading + 1), rangeAddress(2, 0, 1, C.leading + 1));
  p.merges.push(rangeAddress(last + 2, 0, 1, C.leading + 1), rangeAddress(last + 3, 0, 1, C.leading + 1));
  p.formats.push(
    { range: rangeAddress(0, 0, 1, w), format: { bold: true, fontSize: 14, hAlign: "Center" } },
    { range: rangeAddress(1, 0, 2, w), format: { hAlign: "Center", italic: true } },
    { range: rangeAddress(SUMMARY_LAYOUT.header, 0, 1, w), format: { bold: true, fill: "#E2EFDA", hAlign: "Center", vAlign: "Center", wrap: true } },
    { range: rangeAddress(SUMMARY_LAYOUT.header, 0, n + 1, C.leading + 1), format: { borders: "Continuous", vAlign: "Center" } },
    { range: rangeAddress(first, C.firstSection, n, C.total - C.firstSection + 1), format: { hAlign: "Center" } },
    { range: rangeAddress(first, C.total, n, 1), format: { bold: true } },
    { range: rangeAddress(first, C.rank, n, 1), format: { hAlign: "Center", bold: true } },
    { range: rangeAddress(first, C.reason, n, 1), format: { wrap: true, fontSize: 9 } },
    { range: rangeAddress(first, C.minRatio, n, 1), format: { numberFormat: "0.0%" } },
    { range: rangeAddress(SUMMARY_LAYOUT.header, C.minRatio, n + 1, 2), format: { fontColor: "#A6A6A6", fontSize: 8 } },
    { range: rangeAddress(SUMMARY_LAYOUT.header, C.invalid, n + 1, 1), format: { fontColor: "#A6A6A6", fontSize: 8 } },
    { range: rangeAddress(last + 2, 0, 2, 1), format: { italic: true, wrap: true } },
  );
  // Two lines per unit (the reason wraps at 9 pt); the rule lines under the table likewise.
  p.rowHeights = [...members.map((_, i) => ({ row: first + i + 1, height: 26 })), { row: last + 3, height: 30 }, { row: last + 4, height: 30 }];
  p.conditionalFormats.push({ range: rangeAddress(first, 0, n, C.leading + 1), formula: `=$${L(C.leading)}${first + 1}="Dẫn đầu"`, format: { fill: "#FFF2CC", bold: true } });
  p.conditionalFormats.push({ range: rangeAddress(first, 0, n, C.leading + 1), formula: `=$${L(C.band)}${first + 1}="${NEEDS_CHECK}"`, format: { fill: "#FFC7CE", fontColor: "#9C0006" } });
  p.columnWidths.push({ column: "A", width: 32 }, { column: "B", width: 220 });
  table.sections.forEach((_, i) => p.columnWidths.push({ column: L(C.firstSection + i), width: 52 }));
  p.columnWidths.push(...columnWidths(C.bonus, [52, 52, 58, 48, 110, 150, 260, 80]));
  p.names.push({ name: "BX_TongHop", range: rangeAddress(first, 0, n, C.width, true) });
  p.protection = {};
  p.print = { orientation: "Landscape", paper: "A4", titleRows: `$${SUMMARY_LAYOUT.header + 1}:$${SUMMARY_LAYOUT.header + 1}`, fitToWidth: true };
  p.freeze = { rows: SUMMARY_LAYOUT.header + 1, columns: 2 };
  return { plan: p, map: { sheet: SUMMARY_SHEET, first, last, cols: C } };
}

function breakerColumn(t: TieBreaker, C: ReturnType<typeof summaryColumns>, tieCriteria: string[]): { col: number; better: ">" | "<" } {
  if (t.by === "criterion") return { col: C.firstTieCriterion + tieCriteria.indexOf(t.id), better: ">" };
  if (t.by === "section") return { col: C.firstSection + t.section, better: ">" };
  return t.by === "penalty" ? { col: C.penalty, better: "<" } : { col: C.bonus, better: ">" };
}

/** =IF(AND(total>=min1, floor ok 1), label1, IF(…, fallback)). Thresholds are live cells of the settings sheet. */
function bandFormula(settings: ScoringSettings, r: number, C: ReturnType<typeof summaryColumns>): string {
  const T = cellAddress(r, C.total);
  const MR = cellAddress(r, C.minRatio);
  const fallback = qualified(SETTINGS_SHEET, cellAddress(SETTINGS_LAYOUT.firstBand + SETTINGS_LAYOUT.maxBands - 1, 1, true));
  let f = fallback;
  for (let i = settings.bands.length; i >= 1; i--) {
    const b = bandRefs(i);
    f = `IF(AND(${T}>=${b.min},OR(${b.floor}="",ROUND(${MR}*100,${SUM_DECIMALS})>=${b.floor}),OR(${b.noZero}="",${MR}>0)),${b.label},${f})`;
  }
  return `=${f}`;
}

/** Why: the highest band the total reaches, and whether its floor holds (the same words as the engine). */
function reasonFormula(settings: ScoringSettings, r: number, C: ReturnType<typeof summaryColumns>): string {
  const T = cellAddress(r, C.total);
  const MR = cellAddress(r, C.minRatio);
  const MC = cellAddress(r, C.minCrit);
  const BAND = cellAddress(r, C.band);
  const n = settings.bands.length;
  if (n === 0) return `="Tổng điểm dưới "&0`;
  const col = (c: number) => qualified(SETTINGS_SHEET, rangeAddress(bandRow(1), c, n, 1, true));
  const [labels, mins, floors, zeros] = [col(0), col(1), col(2), col(3)];
  // K: the band got, by its label (n + 1 = the fallback). Bands go from highest to lowest minimum
  // (the settings reader refuses another order), so every band above K down from the first one
  // reached was reached and missed, and the one just above K (K - 1) decided: the engine's rule.
  const K = `IFERROR(MATCH(${BAND},${labels},0),${n + 1})`;
  const at = (range: string, i: string) => `INDEX(${range},${i})`;
  const J = `${K}-1`;
  const missedCase = `IF(${K}>1,${T}>=${at(mins, J)},FALSE)`;
  const jFloorOk = `OR(${at(floors, J)}="",ROUND(${MR}*100,${SUM_DECIMALS})>=${at(floors, J)})`;
  // Typographic quotes: a doubled "" inside a string literal is not read the same by every engine.
  const missed = `"Xếp loại “"&${BAND}&"”: tiêu chí "&${MC}&IF(${jFloorOk}," 0 điểm (mức “"&${at(labels, J)}&"” không cho tiêu chí nào 0 điểm)"," đạt "&ROUND(${MR}*100,1)&"% < "&${at(floors, J)}&"% (sàn của mức “"&${at(labels, J)}&"”)")`;
  const ok = `"Tổng điểm ≥ "&${at(mins, K)}&IF(${at(floors, K)}="","",", mọi tiêu chí ≥ "&${at(floors, K)}&"% điểm chuẩn")&IF(${at(zeros, K)}="","",", không tiêu chí nào 0 điểm")`;
  return `=IF(${missedCase},${missed},IF(${K}<=${n},${ok},"Tổng điểm dưới "&${bandRefs(n).min}))`;
}

/** One unit's line of the summary as computed by the workbook. */
export interface SummaryLine {
  unit: string;
  total: number | null;
  rank: number | null;
  band: string;
  leading: boolean;
  /** The columns between the unit and the total as the summary heads them ("Phần 1" …, "Điểm thưởng", "Điểm trừ"), with the unit's figures. */
  parts: { label: string; score: number | null }[];
  /** 1-based sheet row. */
  row: number;
}

/**
 * Reads the computed summary back, anchored on its header ("Đơn vị" … "Tổng điểm"), so a vote can
 * take candidates' total scores (the "higher score" tie step) and eligibility from it.
 */
export function readSummary(grid: Grid): { found: boolean; lines: SummaryLine[]; cols: { stt: number; unit: number; total: number; rank: number } | null } {
  const fold = foldLabel;
  const vals = grid.values;
  for (let r = 0; r < vals.length; r++) {
    const row = vals[r] ?? [];
    const unit = row.findIndex((v) => fold(v) === "don vi");
    const total = row.findIndex((v) => fold(v) === "tong diem");
    if (unit < 0 || total < 0) continue;
    const col = (label: string) => row.findIndex((v) => fold(v) === label);
    const [rank, band, leading] = [col("xep hang"), col("xep loai"), col("don vi dan dau")];
    const partCols = row.map((v, c) => ({ c, label: cleanText(String(v ?? "")) })).filter((x) => x.c > unit && x.c < total && x.label);
    const lines: SummaryLine[] = [];
    for (let k = r + 1; k < vals.length; k++) {
      const line = vals[k] ?? [];
      const name = cleanText(String(line[unit] ?? ""));
      if (!name) continue;
      const num = (c: number) => (c >= 0 && typeof line[c] === "number" ? (line[c] as number) : null);
      lines.push({
        unit: name,
        total: num(total),
        rank: num(rank),
        band: band >= 0 ? cleanText(String(line[band] ?? "")) : "",
        leading: leading >= 0 && fold(line[leading]) === "dan dau",
        parts: partCols.map((x) => ({ label: x.label, score: num(x.c) })),
        row: grid.row + k + 1,
      });
    }
    // Sheet columns (0-based) of the header, for formulas that look results up in BX_TongHop.
    const cols = { stt: grid.col + row.findIndex((v) => fold(v) === "stt"), unit: grid.col + unit, total: grid.col + total, rank: grid.col + rank };
    return { found: true, lines, cols };
  }
  return { found: false, lines: [], cols: null };
}
