import { memberSheetBase, type Member } from "../../domain/bloc/bloc";
import { effectiveWeight, isAllOrNothing, isContent, isLeaf, leaves, stepOf, type CriteriaTable, type Criterion } from "../../domain/criteria/model";
import { NOT_ASSESSED, roundExcel, SUM_DECIMALS } from "../../domain/scoring/engine";
import { cleanText, cutGraphemes, foldLabel, nameKey } from "../../domain/text";
import { cellAddress, columnLetter, rangeAddress } from "../a1";
import type { Grid } from "../grid";
import { emptyPlan, type PlanCell, type SheetPlan, type Validation } from "../plan";
import { SETTINGS_NAMES } from "./settingsSheet";

/** Columns of a unit's score sheet (0-based). Inputs: self, review, agreed, evidence, note. */
export const COL = {
  stt: 0,
  text: 1,
  max: 2,
  self: 3,
  review: 4,
  agreed: 5,
  evidence: 6,
  note: 7,
  counted: 8,
  id: 9,
  weight: 10,
  group: 11,
  ratio: 12,
  assessedMax: 13,
  /** How many of the row's three inputs hold an invalid value (issue #11): the sheet's count of them ranks or not. */
  invalid: 14,
} as const;
export const WIDTH = 15;
export const HEADERS = [
  "STT",
  "Nội dung tiêu chí",
  "Điểm chuẩn",
  "Tự chấm",
  "Khối thẩm định",
  "Điểm thống nhất",
  "Minh chứng / giải trình",
  "Ghi chú",
  "Điểm tính",
  "Mã",
  "Trọng số",
  "Nhóm",
  "Tỷ lệ",
  "Điểm chuẩn được đánh giá",
  "Ô không hợp lệ",
];
/** Group codes in the hidden "Nhóm" column: content leaves 1, bonus 2, penalty 3; groups blank. */
export const GROUP = { content: 1, bonus: 2, penalty: 3 } as const;

/** Rows (0-based) of a freshly written unit sheet. */
export const UNIT_LAYOUT = { title: 0, unit: 1, bloc: 2, hint: 3, header: 4, first: 5 } as const;

/** The rows of the totals block under the criteria, relative to its first row. */
export const TOTALS = ["content", "bonus", "penalty", "total", "minRatio", "minRatioCriterion", "invalid"] as const;
export type TotalKey = (typeof TOTALS)[number];

export const INPUT_FILL = "#FFF2CC";

/** The max cell of an all-or-nothing criterion shows "0 hoặc <max>" (a number format: the cell's value stays the max). */
export const ALL_OR_NOTHING_FORMAT = '"0 hoặc "General';

/** Sheet names: the short name (or the full name cut to fit), unique, legal, never a reserved sheet's. */
export function unitSheetNames(members: Member[], reserved: string[]): string[] {
  const taken = new Set(reserved.map(nameKey));
  return members.map((m) => {
    const base = memberSheetBase(m);
    let name = base;
    for (let k = 2; taken.has(nameKey(name)); k++) name = `${cutGraphemes(base, 26).trim()} ${k}`;
    taken.add(nameKey(name));
    return name;
  });
}

/** Where things are on one unit sheet: the summary's formulas and the readers use this. */
export interface UnitSheetMap {
  sheet: string;
  /** 0-based row of each criterion by id. */
  rows: Map<string, number>;
  /** 0-based row of each top-level section. */
  sectionRows: number[];
  first: number;
  last: number;
  totals: Record<TotalKey, number>;
}

/** Every node in table order, with its depth and its effective weight (its own times its groups'). */
function flatten(table: CriteriaTable): { node: Criterion; depth: number; section: number; weight: number }[] {
  const out: { node: Criterion; depth: number; section: number; weight: number }[] = [];
  const walk = (c: Criterion, depth: number, section: number, above: number) => {
    out.push({ node: c, depth, section, weight: above * c.weight });
    for (const k of c.children) walk(k, depth + 1, section, above * c.weight);
  };
  table.sections.forEach((s, i) => walk(s, 0, i, 1));
  return out;
}

function groupCode(c: Criterion): number | null {
  if (!isLeaf(c)) return null;
  if (isContent(c)) return GROUP.content;
  return c.kind === "bonus" ? GROUP.bonus : GROUP.penalty;
}

/** The map of a unit sheet laid out for a table (without building the plan). */
export function unitSheetMap(table: CriteriaTable, sheet: string): UnitSheetMap {
  const flat = flatten(table);
  const rows = new Map<string, number>();
  const sectionRows: number[] = [];
  flat.forEach(({ node, depth }, i) => {
    rows.set(node.id, UNIT_LAYOUT.first + i);
    if (depth === 0) sectionRows.push(UNIT_LAYOUT.first + i);
  });
  const first = UNIT_LAYOUT.first;
  const last = first + flat.length - 1;
  const t0 = last + 2;
  const totals = Object.fromEntries(TOTALS.map((k, i) => [k, t0 + i])) as Record<TotalKey, number>;
  return { sheet, rows, sectionRows, first, last, totals };
}

/** A unit's existing entries, to carry into a rewritten sheet (re-insert keeps work). */
export interface KeptEntry {
  self: PlanCell;
  review: PlanCell;
  agreed: PlanCell;
  evidence: PlanCell;
  note: PlanCell;
}

export interface UnitSheetInput {
  table: CriteriaTable;
  member: Member;
  sheet: string;
  blocName: string;
  year: number;
  kept?: Map<string, KeptEntry>;
  /** Sheet protection password; protection is always on (inputs unlocked). */
  password?: string;
}

/** The plan of one unit's score sheet. */
export function unitSheetPlan(input: UnitSheetInput): { plan: SheetPlan; map: UnitSheetMap } {
  const { table, member, sheet } = input;
  const map = unitSheetMap(table, sheet);
  const p = emptyPlan(sheet);
  const flat = flatten(table);
  const A = (r: number, c: number) => cellAddress(r, c);
  const col = (c: number) => columnLetter(c);
  const { first, last } = map;
  const span = (c: number) => `${col(c)}${first + 1}:${col(c)}${last + 1}`;
  const abs = (c: number) => `$${col(c)}$${first + 1}:$${col(c)}$${last + 1}`;

  p.blocks.push({
    at: "A1",
    rows: [
      [`BẢNG TỰ CHẤM ĐIỂM THI ĐUA NĂM ${input.year}`],
      [`Đơn vị: ${member.name}`],
      [`Khối: ${input.blocName}`],
      [
        "Nhập điểm vào các ô nền vàng. Khi điểm thẩm định khác điểm tự chấm, ghi giải trình. Điểm trừ nhập số dương." +
          (contentMaxIfRescaled(table) === null
            ? ""
            : ` Tiêu chí không được giao chỉ tiêu thì không đánh giá: nhập ${NOT_ASSESSED}; điểm nội dung được quy đổi = điểm đạt × tổng điểm chuẩn nội dung / điểm chuẩn các tiêu chí được đánh giá.`),
      ],
    ],
  });
  const body: PlanCell[][] = [HEADERS];
  flat.forEach(({ node, weight }, i) => {
    const r = first + i;
    const leaf = isLeaf(node);
    const g = groupCode(node);
    const row: PlanCell[] = Array(WIDTH).fill(null);
    row[COL.stt] = node.number;
    row[COL.text] = unitText(node);
    row[COL.max] = leaf ? node.max : node.max ?? null;
    row[COL.id] = node.id;
    if (node.noPoints) {
      // A section that ranks by its own measure: no max, no inputs, no subtotal (Cần Thơ KH 157/2025, II).
      row[COL.max] = "Không chấm điểm";
    } else if (leaf) {
      const kept = input.kept?.get(node.id);
      row[COL.self] = kept?.self ?? null;
      row[COL.review] = kept?.review ?? null;
      row[COL.agreed] = kept?.agreed ?? null;
      row[COL.evidence] = kept?.evidence ?? null;
      row[COL.note] = kept?.note ?? null;
      row[COL.weight] = weight;
      row[COL.group] = g;
      const [d, e, f, k] = [A(r, COL.self), A(r, COL.review), A(r, COL.agreed), A(r, COL.weight)];
      const pick = `CHOOSE(${SETTINGS_NAMES.stageIndex},${d},${e},${f},IF(${e}="",${d},${e}))`;
      const ratio = `ROUND(${A(r, COL.counted)}/${k}/${A(r, COL.max)},${SUM_DECIMALS})`;
      const full = `ROUND(${A(r, COL.max)}*${k},${SUM_DECIMALS})`;
      if (node.mayBeNotAssessed && g === GROUP.content) {
        // "KĐG": not assessed (no target given): no points, no floor, its max left out of the assessed max.
        const na = `${pick}="${NOT_ASSESSED}"`;
        row[COL.counted] = { f: `=IF(${na},0,ROUND(${pick}*${k},${SUM_DECIMALS}))` };
        row[COL.ratio] = (node.max ?? 0) > 0 ? { f: `=IF(${na},"",${ratio})` } : null;
        row[COL.assessedMax] = { f: `=IF(${na},0,${full})` };
      } else {
        row[COL.counted] = { f: `=ROUND(${pick}*${k},${SUM_DECIMALS})` };
        row[COL.ratio] = g === GROUP.content && (node.max ?? 0) > 0 ? { f: `=${ratio}` } : null;
        row[COL.assessedMax] = g === GROUP.content ? { f: `=${full}` } : null;
      }
      row[COL.invalid] = { f: `=${[d, e, f].map((x) => `IFERROR(IF(${x}="",0,IF(${inputValid(node, table, x)},0,1)),1)`).join("+")}` };
    } else {
      // A group's subtotal: its leaves' counted points (all kinds; penalties shown as deducted points).
      const end = first + i + countDescendants(node);
      row[COL.counted] = { f: `=ROUND(SUMIF(${col(COL.group)}${r + 2}:${col(COL.group)}${end + 1},">0",${col(COL.counted)}${r + 2}:${col(COL.counted)}${end + 1}),${SUM_DECIMALS})` };
    }
    body.push(row);
  });
  p.blocks.push({ at: A(UNIT_LAYOUT.header, 0), rows: body });

  const T = map.totals;
  const cap = (expr: string, c: number | null) => (c === null ? expr : `MIN(${expr},${c})`);
  const rawContent = `SUMIF(${abs(COL.group)},${GROUP.content},${abs(COL.counted)})`;
  // A table with criteria that may be not assessed scales the content assessed up to the full content max.
  const rescaled = contentMaxIfRescaled(table);
  const assessed = `SUMIF(${abs(COL.group)},${GROUP.content},${abs(COL.assessedMax)})`;
  const content = rescaled === null ? rawContent : `IF(${assessed}=0,0,${rawContent}*${rescaled}/${assessed})`;
  const bonus = `SUMIF(${abs(COL.group)},${GROUP.bonus},${abs(COL.counted)})`;
  const penalty = `SUMIF(${abs(COL.group)},${GROUP.penalty},${abs(COL.counted)})`;
  const I = (k: TotalKey) => A(T[k], COL.counted);
  const sum = `${I("content")}+${I("bonus")}-${I("penalty")}`;
  const totalsRows: [string, PlanCell][] = [
    [rescaled === null ? "Điểm các tiêu chí nội dung" : `Điểm các tiêu chí nội dung (quy về ${rescaled} điểm khi có tiêu chí ${NOT_ASSESSED})`, { f: `=ROUND(${content},${SUM_DECIMALS})` }],
    [`Điểm thưởng${table.bonusCap === null ? "" : ` (tối đa ${table.bonusCap})`}`, { f: `=ROUND(${cap(bonus, table.bonusCap)},${SUM_DECIMALS})` }],
    [`Điểm trừ${table.penaltyCap === null ? "" : ` (tối đa ${table.penaltyCap})`}`, { f: `=ROUND(${cap(penalty, table.penaltyCap)},${SUM_DECIMALS})` }],
    ["TỔNG ĐIỂM", { f: `=ROUND(${table.allowOverScale ? sum : `MIN(${sum},${table.scale})`},${table.decimals})` }],
    ["Tỷ lệ thấp nhất so với điểm chuẩn", { f: `=IF(COUNT(${abs(COL.ratio)})=0,1,MIN(${abs(COL.ratio)}))` }],
    ["Tiêu chí có tỷ lệ thấp nhất", { f: `=IF(COUNT(${abs(COL.ratio)})=0,"",INDEX(${abs(COL.id)},MATCH(${I("minRatio")},${abs(COL.ratio)},0)))` }],
    // Invalid inputs (pasted past Excel's checks) and a bonus over the table's cap: while not 0, the
    // summary shows the unit as "Cần kiểm tra", with no total, rank or class (issue #11).
    [
      "Số ô điểm không hợp lệ (khác 0: chưa được xếp hạng)",
      { f: `=SUM(${abs(COL.invalid)})${table.bonusCap === null ? "" : `+IFERROR(IF(ROUND(${bonus},${SUM_DECIMALS})>${table.bonusCap},1,0),0)`}` },
    ],
  ];
  totalsRows.forEach(([label, value], i) => {
    const row: PlanCell[] = Array(COL.counted + 1).fill(null);
    row[COL.text] = label;
    row[COL.counted] = value;
    p.blocks.push({ at: A(T.content + i, 0), rows: [row] });
  });

  // Looks.
  p.merges.push("A1:I1", "A2:I2", "A3:I3", "A4:I4");
  p.formats.push(
    { range: "A1:I1", format: { bold: true, fontSize: 14, hAlign: "Center" } },
    { range: "A2:I3", format: { bold: true } },
    { range: "A4:I4", format: { italic: true, fontColor: "#595959", wrap: true } },
    { range: rangeAddress(UNIT_LAYOUT.header, 0, 1, WIDTH), format: { bold: true, fill: "#FCE4D6", hAlign: "Center", vAlign: "Center", wrap: true } },
    { range: rangeAddress(UNIT_LAYOUT.header, 0, last - UNIT_LAYOUT.header + 1, COL.counted + 1), format: { borders: "Continuous", vAlign: "Center" } },
    { range: `${span(COL.text)}`, format: { wrap: true } },
    { range: `${span(COL.evidence)}`, format: { wrap: true } },
    { range: `${span(COL.stt)}`, format: { hAlign: "Center" } },
    { range: `${col(COL.max)}${first + 1}:${col(COL.agreed)}${last + 1}`, format: { hAlign: "Center" } },
    { range: `${col(COL.counted)}${first + 1}:${col(COL.counted)}${T.minRatio}`, format: { hAlign: "Center", fill: "#F2F2F2" } },
    { range: `${col(COL.id)}${UNIT_LAYOUT.header + 1}:${col(COL.ratio)}${last + 1}`, format: { fontColor: "#A6A6A6", fontSize: 8 } },
    { range: rangeAddress(T.content, 0, TOTALS.length, COL.counted + 1), format: { bold: true } },
    { range: rangeAddress(T.total, 0, 1, COL.counted + 1), format: { fill: "#E2EFDA", fontSize: 12 } },
    { range: A(T.minRatio, COL.counted), format: { numberFormat: "0.0%" } },
  );
  flat.forEach(({ node, depth }, i) => {
    const r = first + i;
    if (!isLeaf(node)) p.formats.push({ range: rangeAddress(r, 0, 1, COL.counted + 1), format: { bold: true, fill: depth === 0 ? "#DDEBF7" : undefined } });
    // All or nothing (yes/no, a fixed deduction): the max cell reads "0 hoặc 10", its value still the number (issue #14 item 5).
    else if (isAllOrNothing(node) && !node.noPoints) p.formats.push({ range: A(r, COL.max), format: { numberFormat: ALL_OR_NOTHING_FORMAT } });
  });
  p.columnWidths.push(
    { column: "A", width: 36 },
    { column: "B", width: 300 },
    ...["C", "D", "E", "F"].map((c) => ({ column: c, width: 58 })),
    { column: "G", width: 200 },
    { column: "H", width: 110 },
    { column: "I", width: 58 },
    ...["J", "K", "L", "M", "N"].map((c) => ({ column: c, width: 40 })),
  );

  // Inputs: unlocked, validated by kind, yellow; the rest locked under protection. Consecutive
  // leaves with the same rule share one validation range (fewer operations in the request).
  let run: { from: number; to: number; key: string; v: Validation } | null = null;
  const flush = () => {
    if (run) p.validations.push({ ...run.v, range: rangeAddress(run.from, COL.self, run.to - run.from + 1, 3) });
    run = null;
  };
  flat.forEach(({ node }, i) => {
    const r = first + i;
    if (!isLeaf(node)) return flush();
    const max = node.max ?? 0;
    const step = stepOf(node, table);
    // The formula is relative to the run's first input cell (Excel shifts it for every cell of the range).
    const x = cellAddress(r, COL.self);
    const na = !!node.mayBeNotAssessed && isContent(node);
    const orNa = na ? ` hoặc ${NOT_ASSESSED} (không đánh giá) / or ${NOT_ASSESSED} (not assessed)` : "";
    const v: Validation = isAllOrNothing(node)
      ? {
          range: "",
          rule: { kind: "list", source: ["0", String(max), ...(na ? [NOT_ASSESSED] : [])] },
          error: { title: "Đủ điểm hoặc 0", message: `Chỉ nhập 0 hoặc ${max}. / Enter 0 or ${max}.${orNa}` },
          // Said before typing, not learnt from a refusal (issue #14 item 5).
          prompt: { title: "Đủ điểm hoặc 0", message: `Tiêu chí này chỉ nhận 0 hoặc ${max}. / This criterion takes 0 or ${max} only.` },
        }
      : {
          range: "",
          rule: { kind: "custom", formula: `=${na ? `OR(${x}="${NOT_ASSESSED}",` : ""}AND(ISNUMBER(${x}),${x}>=0,${x}<=${max},ROUND(${x}/${step},9)=INT(ROUND(${x}/${step},9)))${na ? ")" : ""}` },
          error: { title: "Điểm không hợp lệ", message: `Nhập số từ 0 đến ${max}, bước ${step}. / A number 0–${max}, step ${step}.${orNa}` },
        };
    const key = JSON.stringify([isAllOrNothing(node), max, step, na]);
    if (run && run.key === key && run.to === r - 1) run.to = r; // same rule: the first cell's formula serves the run
    else {
      flush();
      run = { from: r, to: r, key, v };
    }
  });
  flush();
  // Only leaf rows take input: runs of consecutive leaves are unlocked and coloured; group rows stay locked.
  let from = -1;
  const leafRun = (end: number) => {
    if (from < 0) return;
    p.unlocked.push(rangeAddress(from, COL.self, end - from, COL.note - COL.self + 1));
    p.formats.push({ range: rangeAddress(from, COL.self, end - from, 3), format: { fill: INPUT_FILL } });
    from = -1;
  };
  flat.forEach(({ node }, i) => {
    if (isLeaf(node)) {
      if (from < 0) from = first + i;
    } else {
      leafRun(first + i);
      p.formats.push({ range: rangeAddress(first + i, COL.self, 1, 3), format: { fill: "#DDEBF7" } });
    }
  });
  leafRun(last + 1);
  p.hiddenColumns = [col(COL.id), col(COL.weight), col(COL.group), col(COL.ratio), col(COL.assessedMax), col(COL.invalid)];
  p.protection = { password: input.password };
  // Conditional formats: a missing score at the counting stage, over the max, review ≠ self without explanation.
  const d = `$${col(COL.self)}${first + 1}`;
  const e = `$${col(COL.review)}${first + 1}`;
  const c = `$${col(COL.max)}${first + 1}`;
  const g = `$${col(COL.group)}${first + 1}`;
  const ev = `$${col(COL.evidence)}${first + 1}`;
  p.conditionalFormats.push(
    { range: `${col(COL.self)}${first + 1}:${col(COL.agreed)}${last + 1}`, formula: `=AND(${g}<>"",ISNUMBER(${col(COL.self)}${first + 1}),${col(COL.self)}${first + 1}>${c})`, format: { fill: "#FFC7CE", fontColor: "#9C0006" } },
    // A content criterion's missing score in the column that counts (the stage is a live setting).
    {
      range: `${col(COL.self)}${first + 1}:${col(COL.agreed)}${last + 1}`,
      formula: `=AND(${g}=${GROUP.content},${col(COL.self)}${first + 1}="",CHOOSE(${SETTINGS_NAMES.stageIndex},COLUMN(${col(COL.self)}${first + 1})=COLUMN(${d}),COLUMN(${col(COL.self)}${first + 1})=COLUMN(${e}),COLUMN(${col(COL.self)}${first + 1})=COLUMN($${col(COL.agreed)}${first + 1}),AND(COLUMN(${col(COL.self)}${first + 1})=COLUMN(${d}),${e}="")))`,
      format: { fill: "#FFEB9C" },
    },
    { range: `${col(COL.evidence)}${first + 1}:${col(COL.evidence)}${last + 1}`, formula: `=AND(${g}<>"",${e}<>"",${e}<>${d},${ev}="")`, format: { fill: "#FFC7CE" } },
  );
  p.print = { orientation: "Landscape", paper: "A4", titleRows: `$${UNIT_LAYOUT.header + 1}:$${UNIT_LAYOUT.header + 1}`, fitToWidth: true };
  p.freeze = { rows: UNIT_LAYOUT.header + 1, columns: 0 };
  return { plan: p, map };
}

/**
 * The condition that an input cell `x` of a leaf holds a valid value, the same rule as the pane's
 * check (`validateEntries`) and the cell's data validation: a number from 0 to the max on the step,
 * 0 or the max for all-or-nothing leaves, or "KĐG" where the criterion may be not assessed.
 */
export function inputValid(node: Criterion, table: CriteriaTable, x: string): string {
  const max = node.max ?? 0;
  const step = stepOf(node, table);
  // IF, not AND: AND evaluates every argument, and text divided by the step is an error.
  const ok = `IF(ISNUMBER(${x}),${isAllOrNothing(node) ? `OR(${x}=0,${x}=${max})` : `AND(${x}>=0,${x}<=${max},ROUND(${x}/${step},9)=INT(ROUND(${x}/${step},9)))`},FALSE)`;
  return node.mayBeNotAssessed && isContent(node) ? `OR(${x}="${NOT_ASSESSED}",${ok})` : ok;
}

/** The criterion's text as a unit sees it: the text, then the source's scoring guidance under it. */
export function unitText(c: Criterion): string {
  const guidance = c.guidance?.trim();
  return guidance ? `${c.text}\nHướng dẫn chấm điểm: ${guidance}` : c.text;
}

/** The table's content max (weighted, as the engine sums it) when some criterion may be not assessed, else null. */
function contentMaxIfRescaled(table: CriteriaTable): number | null {
  let any = false;
  let max = 0;
  for (const ref of leaves(table)) {
    if (!isContent(ref.leaf)) continue;
    any ||= !!ref.leaf.mayBeNotAssessed;
    max += roundExcel((ref.leaf.max ?? 0) * effectiveWeight(ref), SUM_DECIMALS);
  }
  return any ? roundExcel(max, SUM_DECIMALS) : null;
}

function countDescendants(c: Criterion): number {
  return c.children.reduce((a, k) => a + 1 + countDescendants(k), 0);
}

/** One leaf row as read back from a unit sheet. */
export interface ReadRow {
  id: string;
  /** 0-based sheet row. */
  row: number;
  max: unknown;
  self: unknown;
  review: unknown;
  agreed: unknown;
  evidence: unknown;
  note: unknown;
}

export interface UnitSheetRead {
  sheet: string;
  /** The unit named on the sheet ("Đơn vị: …"), or "". */
  unit: string;
  rows: ReadRow[];
  /** 0-based columns of the header labels found. */
  cols: Record<keyof typeof COL, number>;
  found: boolean;
}

/**
 * Reads a unit sheet by its labels: the "Đơn vị:" line and the header row, then every row with a
 * criterion id ("Mã"). Tolerates inserted rows and moved blocks.
 */
export function readUnitSheet(grid: Grid): UnitSheetRead {
  const fold = foldLabel;
  let unit = "";
  let header = -1;
  const cols = {} as Record<keyof typeof COL, number>;
  for (let r = 0; r < grid.values.length && header < 0; r++) {
    const row = grid.values[r] ?? [];
    for (const v of row) {
      const m = /^\s*Đơn vị\s*:\s*(.+)$/i.exec(String(v ?? "").normalize("NFC"));
      if (m && !unit) unit = cleanText(m[1]);
    }
    const labels = row.map(fold);
    if (labels.includes(fold("Mã")) && labels.includes(fold("Tự chấm"))) {
      header = r;
      (Object.keys(COL) as (keyof typeof COL)[]).forEach((k) => {
        cols[k] = labels.indexOf(fold(HEADERS[COL[k]]));
      });
    }
  }
  if (header < 0) return { sheet: grid.sheet, unit, rows: [], cols, found: false };
  const rows: ReadRow[] = [];
  const get = (r: number, k: keyof typeof COL) => (cols[k] >= 0 ? grid.values[r]?.[cols[k]] : undefined);
  for (let r = header + 1; r < grid.values.length; r++) {
    const id = cleanText(String(get(r, "id") ?? ""));
    const group = get(r, "group");
    if (!id || group === "" || group === null || group === undefined) continue;
    rows.push({ id, row: grid.row + r, max: get(r, "max"), self: get(r, "self"), review: get(r, "review"), agreed: get(r, "agreed"), evidence: get(r, "evidence"), note: get(r, "note") });
  }
  return { sheet: grid.sheet, unit, rows, cols, found: true };
}
