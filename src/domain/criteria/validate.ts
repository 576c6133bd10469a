import { raise } from "../codes";
import { z } from "zod";
import { formatNumber } from "../format";
import type { Issue, Where } from "../issues";
import { cleanText } from "../text";
import { CriteriaTableSchema, isAllOrNothing, isContent, isLeaf, stepOf, type CriteriaTable, type Criterion } from "./model";

/** The table settings an issue can point at. */
export type TableField = "title" | "scale" | "decimals" | "step" | "bonusCap" | "penaltyCap" | "allowOverScale";

/** The cells of one criterion's row an issue can point at; "row" is the whole row. */
export type CriterionField = "row" | "stt" | "text" | "max" | "kind" | "weight" | "step" | "unit" | "note" | "guidance" | "id";

/**
 * The key of a criterion's cell in a locator map: the criterion id alone means its row; "id/field"
 * means that field's cell ("I.1.a/max"). `validateCriteria` looks up the field's cell first and
 * falls back to the row, so a caller that only knows rows can pass `Map<id, Where>`.
 */
export function whereKey(id: string, field: CriterionField = "row"): string {
  return field === "row" ? id : `${id}/${field}`;
}

/** Schema limits (model.ts), checked here so that a table without errors also passes the schema. */
export const LIMITS = { text: 2000, guidance: 4000, title: 500, legalBasis: 4000, id: 64, number: 16, weight: 100, step: 1000, decimals: 4, scale: 10_000 } as const;

const EPS = 1e-9;
const same = (a: number, b: number) => Math.abs(a - b) <= EPS * Math.max(1, Math.abs(a), Math.abs(b));
const isMultiple = (x: number, unit: number) => {
  const r = x / unit;
  return Math.abs(r - Math.round(r)) <= 1e-7;
};
/** A number as Vietnamese write it: decimal comma, no thousands grouping (100; 2,5). */
export const viNumber = (x: number): string => formatNumber(x, "vi");

/** "1.2 "Hoàn thành…"", the criterion a message names after "Tiêu chí" / "Criterion". */
export function criterionLabel(c: Criterion): string {
  const t = c.text.length > 60 ? `${c.text.slice(0, 57)}…` : c.text;
  const num = c.number ? `${c.number} ` : "";
  const quoted = t ? `"${t}"` : "";
  return `${num}${quoted}`.trim();
}

const startsLikeFormula = (s: string) => cleanText(s).startsWith("=");

/**
 * Checks a criteria table; every issue points at its cell through `at` (see `whereKey`) and
 * `tableAt`.
 *
 * Errors: a leaf without max or kind; a group with a kind; a group whose given max differs from
 * the sum of its children's; numbers repeated among siblings; ids repeated; a per-occurrence or
 * penalty leaf whose max is not a multiple of its unit; a leaf without text; text beginning with
 * "="; a negative max; a weight, step or unit out of range; the table's scale, decimals, step or
 * caps out of range; no content leaf at all; text beyond the schema's lengths.
 * Warnings: content total (weighted) differing from the scale while content + bonus also differs;
 * weights other than 1.
 */
export function validateCriteria(
  table: CriteriaTable,
  at: Map<string, Where> = new Map(),
  tableAt: Partial<Record<TableField, Where>> = {},
): Issue[] {
  const issues: Issue[] = [];
  const whereOf = (c: Criterion, field: CriterionField): Where | undefined => at.get(whereKey(c.id, field)) ?? at.get(c.id);

  // --- The table's settings.
  if (startsLikeFormula(table.title)) {
    issues.push(raise("criteria.title.formula", {}, tableAt.title));
  }
  if (table.title.length > LIMITS.title) {
    issues.push(raise("criteria.title.tooLong", { max: LIMITS.title }, tableAt.title));
  }
  if (table.legalBasis.length > LIMITS.legalBasis) {
    issues.push(raise("criteria.legalBasis.tooLong", { max: LIMITS.legalBasis }));
  }
  if (!Number.isFinite(table.scale) || table.scale <= 0) {
    issues.push(raise("criteria.scale.invalid", {}, tableAt.scale));
  } else if (table.scale > LIMITS.scale) {
    // Real scales are 100 or 1,000 (DOMAIN §2); 10,000 leaves room and keeps every sum exact.
    issues.push(raise("criteria.scale.tooLarge", { scale: table.scale, max: LIMITS.scale }, tableAt.scale));
  }
  /** The largest number of points anything in the table may carry: the scale when it is sane. */
  const ceiling = Number.isFinite(table.scale) && table.scale > 0 && table.scale <= LIMITS.scale ? table.scale : LIMITS.scale;
  if (!Number.isInteger(table.decimals) || table.decimals < 0 || table.decimals > LIMITS.decimals) {
    issues.push(raise("criteria.decimals.invalid", { max: LIMITS.decimals }, tableAt.decimals));
  }
  if (!Number.isFinite(table.step) || table.step <= 0 || table.step > ceiling) {
    issues.push(raise("criteria.tableStep.invalid", { max: ceiling }, tableAt.step));
  }
  for (const [key, label] of [
    ["bonusCap", "Tối đa điểm thưởng"],
    ["penaltyCap", "Tối đa điểm trừ"],
  ] as const) {
    const v = table[key];
    if (v !== null && (!Number.isFinite(v) || v < 0 || v > ceiling)) {
      issues.push(raise("criteria.cap.invalid", { label, max: ceiling }, tableAt[key]));
    }
  }

  // --- The tree.
  const ids = new Set<string>();
  let contentTotal = 0;
  let bonusTotal = 0;
  let penaltyTotal = 0;
  const bonusLeaves: Criterion[] = [];
  let anyContent = false;
  /** A leaf without max or kind (already an error): totals that count it would only add noise. */
  let incomplete = false;

  const checkSiblings = (siblings: Criterion[]) => {
    const seen = new Map<string, Criterion>();
    for (const c of siblings) {
      const key = c.number.trim().toUpperCase().replace(/[.):]+$/, "");
      if (!key || !/[0-9A-ZĐ]/i.test(key)) continue; // bullets and unnumbered rows
      const first = seen.get(key);
      if (first) {
        issues.push(raise("criteria.number.duplicate", { first: criterionLabel(first), number: c.number }, whereOf(c, "stt")));
      } else seen.set(key, c);
    }
  };

  /** `stated`: an enclosing group states its max (the sum of its rows: a stated bonus total). */
  const walk = (c: Criterion, weight: number, stated = false) => {
    const label = criterionLabel(c);
    if (!c.id || c.id.length > LIMITS.id) {
      issues.push(raise("criteria.id.invalid", { criterion: label, max: LIMITS.id }, whereOf(c, "id")));
    } else if (ids.has(c.id)) {
      issues.push(raise("criteria.id.duplicate", { criterion: label, id: c.id }, whereOf(c, "id")));
    } else ids.add(c.id);
    if (c.number.length > LIMITS.number) {
      issues.push(raise("criteria.number.tooLong", { criterion: label, max: LIMITS.number }, whereOf(c, "stt")));
    }
    if (startsLikeFormula(c.text)) {
      issues.push(raise("criteria.text.formula", { criterion: label }, whereOf(c, "text")));
    }
    if (c.text.length > LIMITS.text || c.note.length > LIMITS.text) {
      issues.push(raise("criteria.text.tooLong", { criterion: label, max: LIMITS.text }, whereOf(c, c.text.length > LIMITS.text ? "text" : "note")));
    }
    if ((c.guidance ?? "").length > LIMITS.guidance) {
      issues.push(raise("criteria.guidance.tooLong", { criterion: label, max: LIMITS.guidance }, whereOf(c, "guidance")));
    }
    if (c.noPoints && (c.children.length > 0 || c.max !== null || c.kind !== null || !table.sections.includes(c))) {
      issues.push(raise("criteria.noPoints.invalid", { criterion: label }, whereOf(c, "row")));
    }
    if (c.max !== null && (!Number.isFinite(c.max) || c.max < 0)) {
      issues.push(raise("criteria.max.negative", { criterion: label, max: c.max }, whereOf(c, "max")));
    }
    if (!Number.isFinite(c.weight) || c.weight <= 0 || c.weight > LIMITS.weight) {
      issues.push(raise("criteria.weight.invalid", { criterion: label, value: c.weight, max: LIMITS.weight }, whereOf(c, "weight")));
    } else if (c.weight !== 1) {
      issues.push(raise("criteria.weight.used", { criterion: label, weight: c.weight }, whereOf(c, "weight")));
    }
    if (c.step !== null && (!Number.isFinite(c.step) || c.step <= 0 || c.step > LIMITS.step)) {
      issues.push(raise("criteria.step.invalid", { criterion: label, value: c.step, max: LIMITS.step }, whereOf(c, "step")));
    }
    if (c.unit !== null && (!Number.isFinite(c.unit) || c.unit <= 0)) {
      issues.push(raise("criteria.unit.invalid", { criterion: label, value: c.unit }, whereOf(c, "unit")));
    }
    const w = weight * (Number.isFinite(c.weight) && c.weight > 0 ? c.weight : 1);

    if (isLeaf(c)) {
      if (!c.text.trim()) {
        issues.push(raise("criteria.text.empty", { criterion: label }, whereOf(c, "text")));
      }
      if (c.max === null) {
        issues.push(raise("criteria.max.missing", { criterion: label }, whereOf(c, "max")));
      }
      if (c.kind === null) {
        issues.push(raise("criteria.kind.missing", { criterion: label }, whereOf(c, "kind")));
      }
      if ((c.kind === "perOccurrence" || c.kind === "penalty") && c.unit !== null && c.unit > 0 && c.max !== null && c.max >= 0 && !isMultiple(c.max, c.unit)) {
        issues.push(raise("criteria.unit.notMultiple", { criterion: label, max: c.max, unit: c.unit }, whereOf(c, "unit")));
      }
      const unitChecked = (c.kind === "perOccurrence" || c.kind === "penalty") && c.unit !== null && c.step === null;
      const step = stepOf(c, table);
      if (c.kind !== null && !isAllOrNothing(c) && !unitChecked && c.max !== null && c.max > 0 && Number.isFinite(c.max) && Number.isFinite(step) && step > 0 && !isMultiple(c.max, step)) {
        // Max 1 with step 0.3: entries go 0, 0.3, 0.6, 0.9 and full points can never be entered (issue #11).
        issues.push(raise("criteria.max.offStep", { criterion: label, max: c.max, step }, c.step !== null ? whereOf(c, "step") : whereOf(c, "max")));
      }
      if (c.max !== null && Number.isFinite(c.max) && c.max * w > ceiling * (1 + EPS)) {
        // 1e300, or a penalty of 500 on a 100-point scale (totals would reach −400) (issue #11).
        const p = { criterion: label, max: c.max, scale: ceiling, weight: w, weighted: c.max * w };
        issues.push(w === 1 ? raise("criteria.max.overScale", p, whereOf(c, "max")) : raise("criteria.max.overScaleWeighted", p, whereOf(c, "max")));
      }
      if (c.max === null || c.kind === null || !Number.isFinite(c.max)) incomplete = true;
      const m = c.max !== null && Number.isFinite(c.max) ? c.max : 0;
      if (isContent(c)) {
        anyContent = true;
        contentTotal += m * w;
      } else if (c.kind === "bonus") {
        bonusTotal += m * w;
        if (!stated) bonusLeaves.push(c);
      } else if (c.kind === "penalty") penaltyTotal += m * w;
      return;
    }

    if (c.kind !== null) {
      issues.push(raise("criteria.kind.onGroup", { criterion: label }, whereOf(c, "kind")));
    }
    checkSiblings(c.children);
    for (const k of c.children) walk(k, w, stated || c.max !== null);
    if (c.max !== null && Number.isFinite(c.max) && !hasLeafWithoutMax(c)) {
      // A group's max counts either all its leaves or only its content leaves (a content section
      // may carry a penalty or bonus row whose points are not part of the section's max).
      const all = leafSum(c, () => true);
      const content = leafSum(c, isContent);
      if (!same(all, c.max) && !(content > 0 && same(content, c.max))) {
        const sum = content > 0 ? content : all;
        issues.push(raise("criteria.sum.mismatch", { criterion: label, max: c.max, sum }, whereOf(c, "max")));
      }
    }
  };
  checkSiblings(table.sections);
  for (const s of table.sections) walk(s, 1);

  // Several bonus criteria with no cap on them together: every unit could add them all up. The bloc's
  // rules cap bonus points (DOMAIN §2: "capped, e.g. 50/1000 in Huế"): the cap must be stated (issue #11).
  // One bonus row alone is capped by its own max ("Điểm thưởng: tối đa 03"); rows under a group
  // whose max is written are capped by it (Cần Thơ KH 157/2025: "5. Điểm cộng" 15 = 5.1–5.3).
  if (bonusLeaves.length > 1 && table.bonusCap === null) {
    const most = bonusLeaves.reduce((a, c) => a + (c.max !== null && Number.isFinite(c.max) ? c.max : 0), 0);
    const names = bonusLeaves.slice(0, 3).map((c) => c.number || c.id).join(", ") + (bonusLeaves.length > 3 ? ", …" : "");
    issues.push(raise("criteria.bonusCap.missing", { count: bonusLeaves.length, names, most }, tableAt.bonusCap ?? whereOf(bonusLeaves[0], "row")));
  }
  const penaltyMost = table.penaltyCap !== null && Number.isFinite(table.penaltyCap) ? Math.min(table.penaltyCap, penaltyTotal) : penaltyTotal;
  if (penaltyMost > ceiling * (1 + EPS) && !issues.some((i) => i.code.startsWith("criteria.max.overScale"))) {
    issues.push(raise("criteria.penalty.overScale", { most: penaltyMost, scale: ceiling }, tableAt.penaltyCap ?? tableAt.scale));
  }
  if (!anyContent) {
    issues.push(raise("criteria.empty", {}, tableAt.title));
  } else if (Number.isFinite(table.scale) && table.scale > 0 && !incomplete) {
    const bonus = table.bonusCap !== null && Number.isFinite(table.bonusCap) ? Math.min(table.bonusCap, bonusTotal) : bonusTotal;
    if (!same(contentTotal, table.scale) && !same(contentTotal + bonus, table.scale)) {
      issues.push(raise("criteria.scale.mismatch", { total: contentTotal, withBonus: contentTotal + bonus, scale: table.scale }, tableAt.scale));
    }
  }
  // A bonus that can pass the scale, with totals cut at the scale, makes ties among the best units
  // (Cần Thơ KH 157/2025: content 100 + bonus 15 = 115): the bloc must choose (DOMAIN §2 "allow or cap").
  if (anyContent && !incomplete && Number.isFinite(table.scale) && table.scale > 0 && !table.allowOverScale) {
    const bonus = table.bonusCap !== null && Number.isFinite(table.bonusCap) ? Math.min(table.bonusCap, bonusTotal) : bonusTotal;
    if (bonus > 0 && contentTotal + bonus > table.scale + EPS * Math.max(1, table.scale)) {
      const most = contentTotal + bonus;
      issues.push(raise("criteria.bonus.overScale", { most, scale: table.scale }, tableAt.allowOverScale ?? tableAt.scale));
    }
  }
  return issues;
}

/** The sum of the max points of a node's leaves that pass `keep` (unweighted, as printed). */
function leafSum(c: Criterion, keep: (c: Criterion) => boolean): number {
  if (isLeaf(c)) return keep(c) && c.max !== null && Number.isFinite(c.max) ? c.max : 0;
  return c.children.reduce((a, k) => a + leafSum(k, keep), 0);
}

function hasLeafWithoutMax(c: Criterion): boolean {
  return isLeaf(c) ? c.max === null || !Number.isFinite(c.max) : c.children.some(hasLeafWithoutMax);
}


/**
 * The JSON Schema (draft 2020-12) of a criteria table, as published in docs/criteria.schema.json.
 * The recursive criterion is zod's `z.lazy`, which `z.toJSONSchema` emits as a `$defs` entry with
 * a generated name; it is renamed "Criterion" here.
 */
export function criteriaJsonSchema(): object {
  const generated = z.toJSONSchema(CriteriaTableSchema, { target: "draft-2020-12" }) as Record<string, unknown>;
  const defs = (generated.$defs ?? {}) as Record<string, unknown>;
  const names = Object.keys(defs);
  let text = JSON.stringify(generated);
  if (names.length === 1) text = text.split(`"#/$defs/${names[0]}"`).join(`"#/$defs/Criterion"`).replace(`"${names[0]}":`, `"Criterion":`);
  return {
    ...(JSON.parse(text) as object),
    $id: "https://binhxet.github.io/schemas/criteria.schema.json",
    title: "Bình xét criteria table",
    description: "A bloc's criteria table (bảng tiêu chí chấm điểm thi đua): sections, criteria and sub-criteria with their max points. / Bảng tiêu chí của khối: phần, tiêu chí, tiêu chí con và điểm chuẩn.",
  };
}
