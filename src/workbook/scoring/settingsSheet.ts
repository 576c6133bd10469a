import { raise } from "../../domain/codes";
import type { Issue, Where } from "../../domain/issues";
import { STAGE_LABELS, STAGES, type Band, type ScoringSettings, type Stage, type TieBreaker } from "../../domain/scoring/settings";
import { cleanText, foldLabel } from "../../domain/text";
import { cellAddress, qualified, rangeAddress } from "../a1";
import type { Grid } from "../grid";
import { emptyPlan, type PlanCell, type SheetPlan } from "../plan";

/** The sheet of scoring settings: which stage counts, classification bands, tie-breakers. */
export const SETTINGS_SHEET = "Cài đặt";

/** Fixed rows (1-based, as in A1) of a freshly written settings sheet; formulas elsewhere point at them (Excel moves the references if rows move). */
export const SETTINGS_LAYOUT = {
  stageRow: 3,
  gapRow: 4,
  bandsHeader: 6,
  firstBand: 7,
  maxBands: 6,
  tieHeader: 15,
  firstTie: 16,
  maxTies: 6,
  listHeader: 24,
  firstListItem: 25,
} as const;

export const SETTINGS_NAMES = { stage: "BX_GiaiDoan", stageIndex: "BX_GiaiDoanSo", gap: "BX_ChenhLech" } as const;

/** Band i (1-based) sits on this 0-based row of the settings sheet: label in A, min in B, floor % in C, "no criterion scored 0" (x) in D. */
export function bandRow(i: number): number {
  return SETTINGS_LAYOUT.firstBand - 1 + (i - 1);
}

/** The band cells as absolute references from another sheet. */
export function bandRefs(i: number): { label: string; min: string; floor: string; noZero: string } {
  const r = bandRow(i);
  return {
    label: qualified(SETTINGS_SHEET, cellAddress(r, 0, true)),
    min: qualified(SETTINGS_SHEET, cellAddress(r, 1, true)),
    floor: qualified(SETTINGS_SHEET, cellAddress(r, 2, true)),
    noZero: qualified(SETTINGS_SHEET, cellAddress(r, 3, true)),
  };
}

export function tieBreakerLabel(t: TieBreaker, sectionNames: string[]): string {
  if (t.by === "criterion") return `Điểm tiêu chí ${t.id} cao hơn`;
  if (t.by === "section") return `Điểm ${sectionNames[t.section] ?? `Phần ${t.section + 1}`} cao hơn`;
  return t.by === "penalty" ? "Điểm trừ ít hơn" : "Điểm thưởng cao hơn";
}

export function settingsSheetPlan(settings: ScoringSettings, sectionNames: string[]): SheetPlan {
  const p = emptyPlan(SETTINGS_SHEET);
  const L = SETTINGS_LAYOUT;
  p.tabColor = "#7F7F7F";
  p.blocks.push({ at: "A1", rows: [["CÀI ĐẶT CHẤM ĐIỂM, XẾP HẠNG, XẾP LOẠI"]] });
  const listStart = L.firstListItem;
  p.blocks.push({
    at: cellAddress(L.stageRow - 1, 0),
    rows: [
      ["Điểm được tính theo", STAGE_LABELS[settings.stage].vi, { f: `=MATCH(B${L.stageRow},$A$${listStart}:$A$${listStart + STAGES.length - 1},0)` }],
      ["Chênh lệch lớn giữa tự chấm và thẩm định (điểm)", settings.largeGap, null],
    ],
  });
  const bands: PlanCell[][] = [["Mức xếp loại", "Tổng điểm từ", "Sàn mỗi tiêu chí (% điểm chuẩn)", "Không tiêu chí nào 0 điểm (x)"]];
  for (let i = 0; i < L.maxBands; i++) {
    const b = settings.bands[i];
    bands.push(b ? [b.label, b.min, b.floorPercent, b.noZero ? "x" : null] : [null, null, null, null]);
  }
  p.blocks.push({ at: cellAddress(L.bandsHeader - 1, 0), rows: bands });
  p.blocks.push({ at: cellAddress(L.bandsHeader - 1 + L.maxBands + 1, 0), rows: [["Mức còn lại (dưới các mức trên)", settings.fallbackBand, null]] });
  const ties: PlanCell[][] = [["Thứ tự khi bằng tổng điểm", "Tiêu chí phụ", null]];
  for (let i = 0; i < L.maxTies; i++) {
    const t = settings.tieBreakers[i];
    ties.push([i + 1, t ? tieBreakerLabel(t, sectionNames) : null, null]);
  }
  p.blocks.push({ at: cellAddress(L.tieHeader - 1, 0), rows: ties });
  p.blocks.push({
    at: cellAddress(L.tieHeader - 1 + L.maxTies + 1, 0),
    rows: [["Nếu vẫn bằng nhau: đồng hạng, hội nghị quyết định (không xếp theo thứ tự dòng).", null, null]],
  });
  p.blocks.push({
    at: cellAddress(L.listHeader - 1, 0),
    rows: [["Danh sách lựa chọn (không sửa)"], ...STAGES.map((s) => [STAGE_LABELS[s].vi])],
  });

  const stageCell = cellAddress(L.stageRow - 1, 1);
  p.validations.push({
    range: stageCell,
    rule: { kind: "list", source: { range: `$A$${listStart}:$A$${listStart + STAGES.length - 1}` } },
    error: { title: "Giai đoạn không hợp lệ", message: "Chọn một giai đoạn trong danh sách. / Pick a stage from the list." },
  });
  p.validations.push({
    range: rangeAddress(L.firstBand - 1, 1, L.maxBands, 1),
    rule: { kind: "decimal", min: 0, max: 100000 },
    error: { title: "Điểm không hợp lệ", message: "Nhập một số ≥ 0. / Enter a number ≥ 0." },
  });
  p.validations.push({
    range: rangeAddress(L.firstBand - 1, 2, L.maxBands, 1),
    rule: { kind: "decimal", min: 0, max: 100 },
    error: { title: "Tỷ lệ không hợp lệ", message: "Nhập một tỷ lệ % từ 0 đến 100, hoặc để trống. / A percent 0–100, or blank." },
  });
  p.names.push(
    { name: SETTINGS_NAMES.stage, range: cellAddress(L.stageRow - 1, 1, true) },
    { name: SETTINGS_NAMES.stageIndex, range: cellAddress(L.stageRow - 1, 2, true) },
    { name: SETTINGS_NAMES.gap, range: cellAddress(L.gapRow - 1, 1, true) },
  );
  p.merges.push("A1:D1");
  p.formats.push(
    { range: "A1", format: { bold: true, fontSize: 14, fontColor: "#C00000" } },
    { range: rangeAddress(L.stageRow - 1, 0, 2, 1), format: { bold: true, wrap: true } },
    { range: stageCell, format: { fill: "#FFF2CC" } },
    { range: cellAddress(L.stageRow - 1, 2), format: { fontColor: "#A6A6A6" } },
    { range: rangeAddress(L.bandsHeader - 1, 0, 1, 4), format: { bold: true, fill: "#FCE4D6", wrap: true } },
    { range: rangeAddress(L.bandsHeader - 1, 0, L.maxBands + 2, 4), format: { borders: "Continuous" } },
    { range: rangeAddress(L.tieHeader - 1, 0, 1, 2), format: { bold: true, fill: "#FCE4D6" } },
    { range: rangeAddress(L.tieHeader - 1, 0, L.maxTies + 1, 2), format: { borders: "Continuous" } },
    { range: rangeAddress(L.listHeader - 1, 0, 1, 1), format: { italic: true, fontColor: "#7F7F7F" } },
  );
  p.columnWidths.push({ column: "A", width: 260 }, { column: "B", width: 200 }, { column: "C", width: 130 }, { column: "D", width: 110 });
  p.print = { orientation: "Portrait", paper: "A4", fitToWidth: true };
  return p;
}

const fold = foldLabel;
const num = (v: unknown): number | null => {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  const s = cleanText(String(v ?? "")).replace(/\s/g, "");
  if (!s) return null;
  const n = Number(s.replace(",", "."));
  return Number.isFinite(n) ? n : NaN;
};

/**
 * Reads the settings back by their labels. The sheet may be missing (defaults apply) or edited:
 * rows inserted, bands changed, the stage picked from its list.
 */
export function readSettingsSheet(
  grid: Grid | null,
  defaults: ScoringSettings,
  sectionNames: string[],
  /** The criteria ids a "Điểm tiêu chí X cao hơn" tie step may name (any case). */
  criterionIds: string[] = [],
): { settings: ScoringSettings; issues: Issue[] } {
  if (!grid || grid.values.length === 0) return { settings: defaults, issues: [] };
  const issues: Issue[] = [];
  const at = (r: number, c: number): Where => ({ sheet: grid.sheet, cell: cellAddress(grid.row + r, grid.col + c) });
  const rows = grid.values;
  const find = (label: string) => rows.findIndex((r) => fold(r?.[0]) === fold(label));
  const out: ScoringSettings = { ...defaults, bands: [], tieBreakers: [] };

  const sr = find("Điểm được tính theo");
  if (sr >= 0) {
    const v = fold(rows[sr][1]);
    const stage = STAGES.find((s) => fold(STAGE_LABELS[s].vi) === v || fold(STAGE_LABELS[s].en) === v) as Stage | undefined;
    if (stage) out.stage = stage;
    else issues.push(raise("settings.stage.unknown", { value: cleanText(String(rows[sr][1] ?? "")) }, at(sr, 1)));
  }
  const gr = find("Chênh lệch lớn giữa tự chấm và thẩm định (điểm)");
  if (gr >= 0) {
    const g = num(rows[gr][1]);
    if (g !== null && !Number.isNaN(g)) out.largeGap = g;
  }
  const br = find("Mức xếp loại");
  if (br >= 0) {
    for (let r = br + 1; r < rows.length; r++) {
      const label = cleanText(String(rows[r]?.[0] ?? ""));
      if (fold(label).startsWith(fold("Mức còn lại"))) {
        const fb = cleanText(String(rows[r]?.[1] ?? ""));
        if (fb) out.fallbackBand = fb;
        break;
      }
      if (!label) continue;
      const min = num(rows[r]?.[1]);
      const floor = num(rows[r]?.[2]);
      if (min === null || Number.isNaN(min)) {
        issues.push(raise("settings.band.min", { label }, at(r, 1)));
        continue;
      }
      if (Number.isNaN(floor as number)) {
        issues.push(raise("settings.band.floor", { label }, at(r, 2)));
        continue;
      }
      const band: Band = { label, min, floorPercent: floor };
      // Any mark in D (the formulas test D<>""): no content criterion scored 0.
      if (cleanText(String(rows[r]?.[3] ?? ""))) band.noZero = true;
      out.bands.push(band);
    }
    for (let i = 1; i < out.bands.length; i++) {
      if (out.bands[i].min > out.bands[i - 1].min) {
        issues.push(raise("settings.band.order", {}, at(br, 1)));
        break;
      }
    }
  } else out.bands = defaults.bands;
  const tr = find("Thứ tự khi bằng tổng điểm");
  if (tr >= 0) {
    for (let r = tr + 1; r < rows.length; r++) {
      const first = fold(rows[r]?.[0]);
      if (first.startsWith("neu van bang nhau")) break;
      const v = fold(rows[r]?.[1]);
      if (!v) continue;
      const named = /^diem tieu chi (.+) cao hon$/.exec(v);
      if (named) {
        const id = criterionIds.find((x) => fold(x) === named[1].trim());
        if (id) out.tieBreakers.push({ by: "criterion", id });
        else issues.push(raise("settings.tie.criterion", { value: cleanText(String(rows[r][1])), id: named[1].trim() }, at(r, 1)));
      } else if (v.includes("tru")) out.tieBreakers.push({ by: "penalty" });
      else if (v.includes("thuong")) out.tieBreakers.push({ by: "bonus" });
      else {
        // Exact label first ("Điểm Phần II cao hơn"), then the section's own words: never a prefix
        // match, which would read "Phần II" as "Phần I".
        const exact = sectionNames.findIndex((n) => v === fold(tieBreakerLabel({ by: "section", section: sectionNames.indexOf(n) }, sectionNames)));
        const words = v.split(/[^a-z0-9]+/);
        const s = exact >= 0 ? exact : sectionNames.findIndex((n) => {
          const w = fold(n).split(/[^a-z0-9]+/).filter(Boolean);
          return w.length > 0 && words.some((_, i) => w.every((x, j) => words[i + j] === x));
        });
        if (s >= 0) out.tieBreakers.push({ by: "section", section: s });
        else issues.push(raise("settings.tie.unknown", { value: cleanText(String(rows[r][1])) }, at(r, 1)));
      }
    }
  } else out.tieBreakers = defaults.tieBreakers;
  return { settings: out, issues };
}
