import { raise } from "../codes";
import { foldDiacritics } from "../text";
import { hasErrors, type Issue, type Where } from "../issues";
import { CRITERION_KINDS, CriteriaTableSchema, KIND_LABELS, isContent, isLeaf, type CriteriaTable, type Criterion, type CriterionKind } from "./model";
import {
  FOOTNOTE_TEXT,
  OPTION_LINE,
  YES_NO_TEXT,
  cellLines,
  cellText,
  isNotAssessedLine,
  isTotalText,
  kindOfGroupText,
  kindOfLeafText,
  parseKind,
  parseNumber,
  parseNumbering,
  splitLeadingNumber,
  type TextKind,
} from "./cells";
import { criterionLabel, LIMITS, validateCriteria, viNumber, whereKey, type CriterionField, type TableField } from "./validate";

export { cellLines, cellText, parseKind, parseNumber, parseNumbering, type Numbering } from "./cells";

/** The cells of one pasted row, as the sheet (or a form) gives them. */
export interface CriteriaRowCells {
  stt: unknown;
  text: unknown;
  max: unknown;
  kind?: unknown;
  weight?: unknown;
  step?: unknown;
  unit?: unknown;
  note?: unknown;
  /** A "Hướng dẫn chấm điểm" column. */
  guidance?: unknown;
  id?: unknown;
}

/** Where the row and each of its cells sit. */
export interface CriteriaRowWhere {
  row: Where;
  stt?: Where;
  text?: Where;
  max?: Where;
  kind?: Where;
  weight?: Where;
  step?: Where;
  unit?: Where;
  note?: Where;
  guidance?: Where;
  id?: Where;
}

export interface CriteriaRow {
  cells: CriteriaRowCells;
  where: CriteriaRowWhere;
}

export type CriteriaBase = Omit<CriteriaTable, "sections">;

/** A table's settings where none is given (a sheet that is only a pasted table; the blank template). */
export const CRITERIA_DEFAULTS: CriteriaBase = {
  title: "",
  scale: 100,
  allowOverScale: false,
  decimals: 2,
  step: 0.25,
  bonusCap: null,
  penaltyCap: null,
  legalBasis: "",
  sample: false,
};

export interface CriteriaParse {
  /** Null when any issue is an error. */
  table: CriteriaTable | null;
  issues: Issue[];
  /** Each criterion's row (key: its id) and cells (key: `whereKey(id, field)`). */
  at: Map<string, Where>;
}


// ---------------------------------------------------------------- the parser

interface RowInfo {
  where: CriteriaRowWhere;
  rawMax: number | null | "invalid";
  kindCell: CriterionKind | null | "invalid";
  givenId: string;
  isSection: boolean;
  /** Bullets and unnumbered rows get ids by position under their parent. */
  positional: boolean;
}

/**
 * Builds a criteria table from pasted rows (see docs/criteria.md for the rules). Numbering makes
 * the tree: Roman numerals are sections; "1", "2." criteria of the current section; "1.1",
 * "1.2.3" go under the criterion numbered by all but their last part; letters under the last
 * numbered criterion; bullets (and rows with no number but with points) under the previous
 * numbered row; a row with text only continues the previous row's note. Kinds come from the Loại
 * column or, when it is blank, from the section's text ("Điểm thưởng", "Điểm trừ"), the unit
 * ("Điểm mỗi lần") or the text ("đạt/không đạt"). Ids are numbering paths ("I.1.a") unless the
 * row brings its own (the Mã column), which keeps ids stable when rows are renumbered.
 */
export function parseCriteriaRows(rows: CriteriaRow[], base: CriteriaBase, tableAt: Partial<Record<TableField, Where>> = {}): CriteriaParse {
  const issues: Issue[] = [];
  const info = new Map<Criterion, RowInfo>();
  const sections: Criterion[] = [];
  /** Cells whose error the parser already gave; validate's duplicate of it is dropped. */
  const reported = new Set<string>();
  const totals: { value: number; where?: Where }[] = [];

  let section: Criterion | null = null;
  let byNumber = new Map<string, Criterion>();
  let lastNumbered: Criterion | null = null; // the last "1" / "1.1" criterion of this section
  let lastNumberedRow: Criterion | null = null; // the last row with any number (section, 1, 1.1, a)
  let lastNode: Criterion | null = null;

  const newNode = (number: string, text: string): Criterion => ({ id: "", number, text, max: null, kind: null, weight: 1, step: null, unit: null, note: "", children: [] });

  const ensureSection = (): Criterion => {
    if (section) return section;
    section = newNode("", "");
    sections.push(section);
    // No row of its own: an empty sheet name keeps it out of the locator map.
    info.set(section, { where: { row: { sheet: "" } }, rawMax: null, kindCell: null, givenId: "", isSection: true, positional: false });
    byNumber = new Map();
    lastNumbered = null;
    lastNumberedRow = section;
    return section;
  };

  /** A criterion's weight, step or points per occurrence: a number, blank (null), or an issue at its cell. */
  const numberCell = (field: "weight" | "step" | "unit", node: Criterion, row: CriteriaRow): number | null => {
    const v = parseNumber(row.cells[field]);
    if (v === "invalid") {
      const p = { criterion: criterionLabel(node), value: cellText(row.cells[field]) };
      const at = row.where[field] ?? row.where.row;
      if (field === "weight") issues.push(raise("criteria.weight.invalid", { ...p, max: LIMITS.weight }, at));
      else if (field === "step") issues.push(raise("criteria.step.invalid", { ...p, max: LIMITS.step }, at));
      else issues.push(raise("criteria.unit.invalid", p, at));
      return null;
    }
    return v;
  };

  for (const row of rows) {
    const { cells, where } = row;
    let stt = cells.stt;
    let text = cellText(cells.text);
    const note = cellLines(cells.note);
    const guidance = cellLines(cells.guidance);
    const filled = [cells.stt, cells.text, cells.max, cells.kind, cells.weight, cells.step, cells.unit, cells.note, cells.id].some((v) => cellText(v) !== "");
    if (!filled) {
      // A guidance cell that Excel split into one row per Word paragraph: it continues the row above.
      if (guidance && lastNode) lastNode.guidance = lastNode.guidance ? `${lastNode.guidance}\n${guidance}` : guidance;
      continue;
    }

    // A header repeated on each printed page, or the "(1) (2) (3)" row under a header.
    const sttText = cellText(stt);
    const sttFold = foldDiacritics(sttText);
    if (["stt", "tt", "so tt", "so thu tu"].includes(sttFold) || (!sttText && ["noi dung tieu chi", "noi dung"].includes(foldDiacritics(text)))) continue;
    if (/^\(?\d{1,2}\)?$/.test(text) && /^\(?\d{1,2}\)?$/.test(sttText)) continue;

    let numbering = parseNumbering(stt);
    if (numbering.kind === "none" && text) {
      const split = splitLeadingNumber(text);
      if (split) {
        const n = parseNumbering(split.number);
        if (n.kind === "section" || n.kind === "number" || n.kind === "letter") {
          numbering = n;
          stt = split.number;
          text = split.text;
        }
      }
    }
    const rawMax = parseNumber(cells.max);

    if (numbering.kind === "none") {
      if (isTotalText(text)) {
        if (typeof rawMax === "number") totals.push({ value: rawMax, where: where.max ?? where.row });
        continue;
      }
      const scored = rawMax !== null || cellText(cells.kind) !== "";
      if (!scored) {
        if (guidance && lastNode) lastNode.guidance = lastNode.guidance ? `${lastNode.guidance}\n${guidance}` : guidance;
        // A scoring line of the row above ("Tỷ lệ đạt từ 95% trở lên: 2,5", "Không được giao chỉ
        // tiêu thì không đánh giá chấm điểm nội dung này"): part of its guidance, read below.
        if (lastNode && text && !note && (OPTION_LINE.test(text) || isNotAssessedLine(text))) {
          lastNode.guidance = lastNode.guidance ? `${lastNode.guidance}\n${text}` : text;
          continue;
        }
        const more = [text, note].filter(Boolean).join("\n");
        if (lastNode && more) {
          lastNode.note = lastNode.note ? `${lastNode.note}\n${more}` : more;
          issues.push(raise("criteria.row.continuation", { value: short(more), criterion: criterionLabel(lastNode) }, where.text ?? where.row));
        } else if (more) {
          issues.push(raise("criteria.row.ignored", { more: short(more) }, where.text ?? where.row));
        }
        continue;
      }
      // A scored row without a number: a bullet point, typed in the text ("- Ban hành…") or not.
      const bullet = /^([-+•–])\s+(\S.*)$/u.exec(text);
      numbering = { kind: "bullet", number: bullet ? bullet[1] : "" };
      if (bullet) text = bullet[2];
    }

    if (numbering.kind === "unknown") {
      issues.push(raise("criteria.number.unknown", { number: numbering.shown }, where.stt ?? where.row));
      continue;
    }

    const kindCell = parseKind(cells.kind);
    if (kindCell === "invalid") {
      issues.push(raise("criteria.kind.unknown", { value: cellText(cells.kind), allowed: CRITERION_KINDS.map((k) => KIND_LABELS[k].vi).join(", ") }, where.kind ?? where.row));
    }
    if (rawMax === "invalid") {
      const cell = where.max ?? where.row;
      issues.push(raise("criteria.max.notNumber", { max: cellText(cells.max) }, cell));
      reported.add(`criteria.max.missing@${cell.sheet}!${cell.cell ?? ""}`);
    }

    const node = newNode(numbering.number, text);
    node.note = note;
    if (guidance) node.guidance = guidance;
    const glued = FOOTNOTE_TEXT.exec(text);
    if (glued) {
      issues.push(raise("criteria.text.footnote", { text: short(text), glued: glued[2] }, where.text ?? where.row));
    }
    const weight = numberCell("weight", node, row);
    if (weight !== null) node.weight = weight;
    node.step = numberCell("step", node, row);
    node.unit = numberCell("unit", node, row);
    const ri: RowInfo = { where, rawMax, kindCell, givenId: cellText(cells.id), isSection: false, positional: false };
    info.set(node, ri);

    const orphan = (parentNumber: string | null) =>
      issues.push(raise("criteria.number.orphan", { number: cellText(stt), parent: parentNumber ?? "1, 2, 1.1…" }, where.stt ?? where.row));

    switch (numbering.kind) {
      case "section": {
        ri.isSection = true;
        sections.push(node);
        section = node;
        byNumber = new Map();
        lastNumbered = null;
        lastNumberedRow = node;
        break;
      }
      case "number": {
        const sec = ensureSection();
        const { parts } = numbering;
        let parent: Criterion = sec;
        if (parts.length > 1) {
          const parentNumber = parts.slice(0, -1).join(".");
          const p = byNumber.get(parentNumber);
          if (p) parent = p;
          else orphan(parentNumber);
        }
        parent.children.push(node);
        byNumber.set(numbering.number, node);
        lastNumbered = node;
        lastNumberedRow = node;
        break;
      }
      case "letter": {
        const sec = ensureSection();
        if (lastNumbered) lastNumbered.children.push(node);
        else {
          orphan(null);
          sec.children.push(node);
        }
        lastNumberedRow = node;
        break;
      }
      case "bullet": {
        const parent = lastNumberedRow ?? ensureSection();
        parent.children.push(node);
        ri.positional = true;
        break;
      }
    }
    lastNode = node;
  }

  // ---- A section with no max and nothing under it ranks by its own measure (Cần Thơ KH 157/2025,
  // section II "NHÓM TỔ CHỨC CUNG CẤP DỊCH VỤ CHI TRẢ"): a group that carries no points.
  for (const s of sections) {
    const ri = info.get(s)!;
    if (!ri.isSection || s.children.length > 0 || ri.rawMax !== null || ri.kindCell !== null) continue;
    s.noPoints = true;
    const name = `${s.number} ${s.text ? `"${short(s.text)}"` : ""}`.trim();
    issues.push(raise("criteria.section.noPoints", { name }, ri.where.max ?? ri.where.row));
  }

  // ---- Ids: the row's own (Mã) first, then numbering paths; never two alike.
  const taken = new Set<string>();
  const all: Criterion[] = [];
  const collect = (c: Criterion) => {
    all.push(c);
    c.children.forEach(collect);
  };
  sections.forEach(collect);
  for (const c of all) {
    const ri = info.get(c)!;
    if (!ri.givenId) continue;
    if (taken.has(ri.givenId)) {
      issues.push(raise("criteria.id.duplicate", { criterion: criterionLabel(c), id: ri.givenId }, ri.where.id ?? ri.where.row));
      ri.givenId = "";
    } else taken.add(ri.givenId);
  }
  const unique = (base: string) => {
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}~${n}`;
    taken.add(id);
    return id;
  };
  const assign = (c: Criterion, parent: Criterion | null, sectionPath: string, bulletIndex: number) => {
    const ri = info.get(c)!;
    let path: string;
    if (!parent) path = c.number.startsWith("Phần ") ? `P${c.number.slice(5)}` : c.number || "0";
    else if (ri.positional) path = `${parent.id}.-${bulletIndex}`;
    else if (/^\d/.test(c.number)) path = sectionPath === "0" ? c.number : `${sectionPath}.${c.number}`;
    else path = `${parent.id}.${c.number}`;
    c.id = ri.givenId || unique(path);
    let bullets = 0;
    for (const k of c.children) assign(k, c, parent ? sectionPath : path, info.get(k)!.positional ? ++bullets : 0);
  };
  for (const s of sections) assign(s, null, "", 0);

  // ---- Max, kinds and where, now that the tree is known.
  const at = new Map<string, Where>();
  const fields: CriterionField[] = ["stt", "text", "max", "kind", "weight", "step", "unit", "note", "guidance", "id"];
  const resolve = (c: Criterion, inherited: TextKind | null) => {
    const ri = info.get(c)!;
    if (ri.where.row.sheet) {
      at.set(c.id, ri.where.row);
      for (const f of fields) {
        const w = ri.where[f as keyof CriteriaRowWhere];
        if (w) at.set(whereKey(c.id, f), w);
      }
    }
    // Kinds are read at every level: a heading's words pass to its rows, a row's own words win.
    const own = !isLeaf(c) || ri.isSection ? kindOfGroupText(c.text) : kindOfLeafText(c.text);
    const fromText = own ?? inherited;
    if (typeof ri.rawMax === "number") c.max = ri.rawMax;
    if (ri.kindCell !== null && ri.kindCell !== "invalid") c.kind = ri.kindCell;
    else if (isLeaf(c) && fromText === "both") {
      const cell = ri.where.kind ?? ri.where.row;
      issues.push(raise("criteria.kind.ambiguous", { criterion: criterionLabel(c) }, cell));
      reported.add(`criteria.kind.missing@${cell.sheet}!${cell.cell ?? ""}`);
    } else if (isLeaf(c)) {
      const textKind = fromText === "both" ? null : fromText;
      c.kind =
        ri.kindCell === "invalid" ? (textKind ?? "points") : (textKind ?? (c.unit !== null ? "perOccurrence" : YES_NO_TEXT.test(foldDiacritics(`${c.text} ${c.note}`)) ? "yesNo" : "points"));
    }
    if (isLeaf(c)) readScoringLines(c, ri);
    if (isLeaf(c) && c.kind === "penalty" && c.max !== null && c.max < 0) {
      c.max = -c.max;
      issues.push(raise("criteria.penalty.negative", { value: -c.max, max: c.max }, ri.where.max ?? ri.where.row));
    }
    for (const k of c.children) resolve(k, fromText);
  };
  for (const s of sections) resolve(s, null);

  /**
   * The lines under a row (its guidance and note): "…: 2,5 / …: 0" make a yes/no criterion when the
   * options are its max and 0 (Hải Phòng QĐ 212/2025, 5.2); options whose highest is not the max are
   * reported; "không được giao chỉ tiêu thì không đánh giá…" marks a criterion that may be not assessed.
   */
  function readScoringLines(c: Criterion, ri: RowInfo): void {
    const lines = [c.guidance ?? "", c.note].join("\n").split("\n").filter(Boolean);
    if (isContent(c) && lines.some(isNotAssessedLine)) c.mayBeNotAssessed = true;
    const values = lines.flatMap((l) => {
      const m = OPTION_LINE.exec(l);
      return m ? [Number(m[1].replace(",", "."))] : [];
    });
    if (values.length < 2 || c.max === null || !isContent(c)) return;
    const set = new Set(values);
    if (ri.kindCell === null && c.kind === "points" && set.size === 2 && set.has(0) && set.has(c.max)) c.kind = "yesNo";
    else if (Math.max(...values) !== c.max) {
      // The levels are quoted as the source text writes them (Vietnamese: 2,5).
      const p = { criterion: criterionLabel(c), levels: values.map(viNumber).join(" / "), most: Math.max(...values), max: c.max };
      issues.push(raise("criteria.options.mismatch", p, ri.where.max ?? ri.where.row));
    }
  }

  // ---- Word footnote marks pasted as digits ("20" + footnote "7" → "207"): a group's max that
  // breaks its criteria's sum, where dropping its last one or two digits fits (or one leaf's does).
  const fixFootnotes = (c: Criterion) => {
    c.children.forEach(fixFootnotes);
    if (isLeaf(c) || c.max === null || c.children.length === 0 || hasLeafWithoutMax(c)) return;
    const all = leafSum(c, () => true);
    const content = leafSum(c, isContent);
    const fits = (a: number, k: number, m: number) => near(a, m) || (k > 0 && near(k, m));
    if (fits(all, content, c.max)) return;
    const own = [1, 2].map((k) => dropDigits(c.max as number, k)).find((m) => m !== null && fits(all, content, m));
    if (own !== undefined && own !== null) {
      footnote(c, own);
      return;
    }
    const found: { leaf: Criterion; max: number }[] = [];
    const walkLeaves = (x: Criterion) => {
      if (!isLeaf(x)) return x.children.forEach(walkLeaves);
      for (const k of [1, 2]) {
        const m = dropDigits(x.max as number, k);
        if (m === null) continue;
        const d = m - (x.max as number);
        if (fits(all + d, content + (isContent(x) ? d : 0), c.max as number)) {
          found.push({ leaf: x, max: m });
          break;
        }
      }
    };
    walkLeaves(c);
    if (found.length === 1) footnote(found[0].leaf, found[0].max);
  };
  const footnote = (c: Criterion, fixed: number) => {
    const ri = info.get(c)!;
    const was = c.max as number;
    const mark = String(was).slice(String(fixed).length);
    issues.push(raise("criteria.max.footnote", { number: c.number, name: short(c.text), was, mark, fixed }, ri.where.max ?? ri.where.row));
    c.max = fixed;
  };
  sections.forEach(fixFootnotes);

  const table: CriteriaTable = { ...base, sections };

  // ---- A "Tổng cộng" row: its value should be the content total, the content plus bonus, or the scale.
  if (totals.length > 0) {
    let content = 0;
    let bonus = 0;
    for (const c of all) {
      if (!isLeaf(c) || c.max === null) continue;
      if (isContent(c)) content += c.max;
      else if (c.kind === "bonus") bonus += c.max;
    }
    if (base.bonusCap !== null) bonus = Math.min(bonus, base.bonusCap);
    for (const t of totals) {
      if (![content, content + bonus, base.scale].some((x) => Math.abs(x - t.value) < 1e-9)) {
        issues.push(raise("criteria.total.mismatch", { value: t.value, content }, t.where));
      }
    }
  }

  for (const i of validateCriteria(table, at, tableAt)) {
    if (i.where && reported.has(`${i.code}@${i.where.sheet}!${i.where.cell ?? ""}`)) continue;
    issues.push(i);
  }
  if (!hasErrors(issues)) {
    const checked = CriteriaTableSchema.safeParse(table);
    if (!checked.success) {
      const first = checked.error.issues[0];
      issues.push(raise("criteria.schema", { value: first.path.join("."), message: first.message }));
    }
  }
  return { table: hasErrors(issues) ? null : table, issues, at };
}

/** The sum of the max points of a node's leaves that pass `keep`. */
function leafSum(c: Criterion, keep: (c: Criterion) => boolean): number {
  if (isLeaf(c)) return keep(c) && c.max !== null ? c.max : 0;
  return c.children.reduce((a, k) => a + leafSum(k, keep), 0);
}

function hasLeafWithoutMax(c: Criterion): boolean {
  return isLeaf(c) ? c.max === null || !Number.isFinite(c.max) : c.children.some(hasLeafWithoutMax);
}

const near = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** A whole number without its last `k` digits (207 → 20), or null when it has no more than `k` digits. */
function dropDigits(x: number, k: number): number | null {
  if (!Number.isInteger(x) || x < 0) return null;
  const s = String(x);
  return s.length > k ? Number(s.slice(0, -k)) : null;
}

function short(s: string): string {
  const one = s.replace(/\n/g, " ");
  return one.length > 60 ? `${one.slice(0, 57)}…` : one;
}
