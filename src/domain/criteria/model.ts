import { z } from "zod";

/**
 * The bloc's criteria table (bảng tiêu chí): sections → criteria → optional sub-criteria.
 * Every leaf is scored as points: a yes/no leaf scores its max or 0, a per-occurrence leaf a
 * multiple of its unit up to its max, a bonus leaf up to its max (and all bonus together up to
 * the table's bonus cap), a penalty leaf deducts up to its max (all penalties up to the penalty
 * cap). Penalties are entered as positive points and subtracted.
 */
export const CRITERION_KINDS = ["points", "yesNo", "perOccurrence", "bonus", "penalty"] as const;
export type CriterionKind = (typeof CRITERION_KINDS)[number];

/** Vietnamese names of the kinds, as typed in the "Loại" column (folded matching accepts variants). */
export const KIND_LABELS: Record<CriterionKind, { vi: string; en: string }> = {
  points: { vi: "Điểm", en: "Points" },
  yesNo: { vi: "Đạt/Không đạt", en: "Yes/No" },
  perOccurrence: { vi: "Theo lần", en: "Per occurrence" },
  bonus: { vi: "Thưởng", en: "Bonus" },
  penalty: { vi: "Trừ", en: "Penalty" },
};

export interface Criterion {
  /** Stable key, kept across edits and re-inserts: by default the numbering path, e.g. "I.1.a". */
  id: string;
  /** The number as printed: "I", "1", "1.1", "a". */
  number: string;
  text: string;
  /** Điểm chuẩn. Required on leaves; on a group, when given, it must equal the sum of its children. */
  max: number | null;
  /** Leaves only. */
  kind: CriterionKind | null;
  /** Multiplies the counted points (default 1). A group's weight multiplies all its leaves'. */
  weight: number;
  /** Points step for entries (0.25, 0.5, 1); null = the table's step. */
  step: number | null;
  /** Per-occurrence and penalty leaves: points per occurrence (entries must be multiples). */
  unit: number | null;
  /** Ghi chú: evidence expected, legal reference, how to score. */
  note: string;
  /**
   * Hướng dẫn chấm điểm: how the source table says to score this criterion (its guidance column,
   * or the "…: 2,5 / …: 0" lines under the row). Shown on the unit sheets. Absent when none.
   */
  guidance?: string;
  /**
   * A section that ranks its units by its own measure and carries no points (Cần Thơ KH 157/2025,
   * section II): no max, no criteria, no input cells; it adds nothing to any total.
   */
  noPoints?: boolean;
  /**
   * A content leaf that is not assessed for a unit that was given no target ("Không được giao chỉ
   * tiêu thì không đánh giá chấm điểm nội dung này", Hải Phòng QĐ 212/2025). A unit marks it
   * "KĐG" and its content total is rescaled to the content max (see `scoreUnit`).
   */
  mayBeNotAssessed?: boolean;
  children: Criterion[];
}

export interface CriteriaTable {
  /** e.g. "Bảng tiêu chí chấm điểm thi đua năm 2026". */
  title: string;
  /** The scale: 100, 1000 or another. */
  scale: number;
  /** May a total exceed the scale when bonuses allow (TP.HCM: 97 + 10 = 107)? */
  allowOverScale: boolean;
  /** Totals are rounded to this many decimals. */
  decimals: number;
  /** The default entry step. */
  step: number;
  /** Cap on all bonus points together; null = none beyond each leaf's max. */
  bonusCap: number | null;
  /** Cap on all penalty points together; null = none beyond each leaf's max. */
  penaltyCap: number | null;
  /** Legal references, editable text printed on documents. */
  legalBasis: string;
  /** Shipped templates say they are samples to adapt. */
  sample: boolean;
  sections: Criterion[];
}

const num = z.number().finite();
export const CriterionSchema: z.ZodType<Criterion> = z.lazy(() =>
  z
    .object({
      id: z.string().min(1).max(64),
      number: z.string().max(16),
      text: z.string().max(2000),
      max: num.min(0).nullable(),
      kind: z.enum(CRITERION_KINDS).nullable(),
      weight: num.positive().max(100),
      step: num.positive().max(1000).nullable(),
      unit: num.positive().nullable(),
      note: z.string().max(2000),
      guidance: z.string().max(4000).optional(),
      noPoints: z.boolean().optional(),
      mayBeNotAssessed: z.boolean().optional(),
      children: z.array(CriterionSchema),
    })
    .strict(),
);

export const CriteriaTableSchema = z
  .object({
    title: z.string().max(500),
    scale: num.positive(),
    allowOverScale: z.boolean(),
    decimals: z.number().int().min(0).max(4),
    step: num.positive(),
    bonusCap: num.min(0).nullable(),
    penaltyCap: num.min(0).nullable(),
    legalBasis: z.string().max(4000),
    sample: z.boolean(),
    sections: z.array(CriterionSchema),
  })
  .strict();

/** A scored criterion: no children, and not a section that carries no points. */
export function isLeaf(c: Criterion): boolean {
  return c.children.length === 0 && !c.noPoints;
}

/** A leaf with where it sits: its section (top-level index) and its path of numbers. */
export interface LeafRef {
  leaf: Criterion;
  section: number;
  path: Criterion[];
}

/** Leaves in table order. */
export function leaves(table: CriteriaTable): LeafRef[] {
  const out: LeafRef[] = [];
  const walk = (c: Criterion, section: number, path: Criterion[]) => {
    if (isLeaf(c)) out.push({ leaf: c, section, path });
    else for (const k of c.children) walk(k, section, [...path, c]);
  };
  table.sections.forEach((s, i) => walk(s, i, []));
  return out;
}

/** The factor a leaf's counted points are multiplied by: its weight times every enclosing group's. */
export function effectiveWeight(ref: LeafRef): number {
  return ref.path.reduce((w, g) => w * g.weight, ref.leaf.weight);
}

/** A leaf's effective step. */
export function stepOf(c: Criterion, table: CriteriaTable): number {
  return c.step ?? (c.kind === "perOccurrence" || c.kind === "penalty" ? (c.unit ?? table.step) : table.step);
}

/** Leaves scored all or nothing: yes/no, and a penalty without a per-occurrence unit (a fixed deduction). */
export function isAllOrNothing(c: Criterion): boolean {
  return c.kind === "yesNo" || (c.kind === "penalty" && c.unit === null);
}

/** Content leaves count toward the section subtotals; bonus and penalty leaves do not. */
export function isContent(c: Criterion): boolean {
  return c.kind === "points" || c.kind === "yesNo" || c.kind === "perOccurrence";
}

/** The sum of a node's leaves' max points, by kind group. */
export function maxOf(c: Criterion): number {
  return isLeaf(c) ? (c.max ?? 0) : c.children.reduce((a, k) => a + maxOf(k), 0);
}
