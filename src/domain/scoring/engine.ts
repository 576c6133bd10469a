import { effectiveWeight, isContent, isLeaf, leaves, type CriteriaTable, type Criterion } from "../criteria/model";
import type { ScoringSettings, Stage, TieBreaker } from "./settings";

/**
 * The mark a unit enters for a criterion it is not assessed on, having been given no target
 * ("Không được giao chỉ tiêu thì không đánh giá chấm điểm nội dung này", Hải Phòng QĐ 212/2025).
 * Only criteria with `mayBeNotAssessed` take it. Compared case-insensitively, as Excel's "=" does.
 */
export const NOT_ASSESSED = "KĐG";
export type EntryValue = number | null | typeof NOT_ASSESSED;
export const isNotAssessedMark = (v: unknown): boolean => typeof v === "string" && v.normalize("NFC").trim().toLocaleUpperCase("vi") === NOT_ASSESSED;

/** What a unit entered for one leaf, at each stage; null where the cell is empty. */
export interface Entry {
  self: EntryValue;
  review: EntryValue;
  agreed: EntryValue;
}

export interface UnitScores {
  /** The member's full name. */
  unit: string;
  /** By criterion id. Missing leaves count as empty. */
  entries: Record<string, Entry>;
  /**
   * The unit's sheet holds an invalid input (a value past its max, negative, not a number, off the
   * step, a yes/no value other than 0 or max, bonus over the table's cap): it gets no total, rank,
   * class or leading mark until corrected (issue #11). Set by `validateEntries`.
   */
  invalid?: boolean;
}

/** The class shown instead of a band for a unit whose sheet has an invalid input (issue #11). */
export const NEEDS_CHECK = "Cần kiểm tra";
/** Why, in the summary's words (the same text as its formula). */
export const NEEDS_CHECK_REASON = "Trang chấm điểm của đơn vị có ô điểm không hợp lệ: chưa tính tổng, xếp hạng, xếp loại. Bấm “Kiểm tra điểm” để xem ô nào.";

export interface UnitResult {
  unit: string;
  /** Per top-level section: the sum of its leaves' counted (weighted) points, all kinds. */
  sections: number[];
  content: number;
  /** After the table's bonus cap. */
  bonus: number;
  /** After the table's penalty cap; positive, subtracted from the total. */
  penalty: number;
  /** Null when the unit needs checking (`needsCheck`). */
  total: number | null;
  /** 1 + the number of units ahead of it by the total and the declared tie-breakers; null when the unit needs checking. */
  rank: number | null;
  /** Equal to another unit on the total and every tie-breaker: the meeting decides. */
  tied: boolean;
  band: string;
  /** Why the unit is not in a higher band, or why it is in its band. */
  reason: string;
  leading: boolean;
  /** Its sheet has an invalid input: no total, rank, class or leading mark (issue #11). */
  needsCheck: boolean;
  /** The lowest counted/max ratio over content leaves (1 when there are none), and which leaf. */
  minRatio: number;
  minRatioCriterion: string;
  /** Each criterion's counted points by id (a group: its leaves' sum, as its row on the unit sheet). */
  criteria: Record<string, number>;
}

/** Excel's ROUND: half away from zero, decimal-correct (2.675 → 2.68). */
export function roundExcel(x: number, decimals: number): number {
  if (!Number.isFinite(x)) return x;
  const sign = x < 0 ? -1 : 1;
  const shifted = Number(`${Math.abs(x)}e${decimals}`);
  return sign * Number(`${Math.round(shifted)}e-${decimals}`);
}

/** The entry chosen at a stage (the "review, else self" stage falls back when review is empty). */
export function chosen(e: Entry | undefined, stage: Stage): EntryValue {
  if (!e) return null;
  switch (stage) {
    case "self":
      return e.self;
    case "review":
      return e.review;
    case "agreed":
      return e.agreed;
    case "reviewOrSelf":
      return e.review ?? e.self;
  }
}

/** The points that count at a stage: empty and "not assessed" count 0. */
export function counted(e: Entry | undefined, stage: Stage): number {
  const v = chosen(e, stage);
  return typeof v === "number" ? v : 0;
}

/** How many decimals the intermediate sums keep, as the formulas do (ROUND(…, 6)). */
export const SUM_DECIMALS = 6;

/** One unit's points before ranking. */
export function scoreUnit(table: CriteriaTable, settings: ScoringSettings, u: UnitScores): Omit<UnitResult, "rank" | "tied" | "band" | "reason" | "leading" | "needsCheck" | "total"> & { total: number } {
  const sections = table.sections.map(() => 0);
  let content = 0;
  let bonusRaw = 0;
  let penaltyRaw = 0;
  let minRatio = Infinity;
  let minRatioCriterion = "";
  /** Content max, all of it and only what was assessed (weighted, as the sheet's hidden column). */
  let contentMax = 0;
  let assessedMax = 0;
  let rescale = false;
  const points = new Map<string, number>();
  const r6 = (x: number) => roundExcel(x, SUM_DECIMALS);
  for (const ref of leaves(table)) {
    const { leaf, section } = ref;
    const weight = effectiveWeight(ref);
    // As the sheet does: each leaf's counted points rounded, then summed.
    const pts = r6(counted(u.entries[leaf.id], settings.stage) * weight);
    points.set(leaf.id, pts);
    sections[section] += pts;
    const notAssessed = !!leaf.mayBeNotAssessed && chosen(u.entries[leaf.id], settings.stage) === NOT_ASSESSED;
    if (isContent(leaf)) {
      content += pts;
      const m = r6((leaf.max ?? 0) * weight);
      contentMax += m;
      if (!notAssessed) assessedMax += m;
      if (leaf.mayBeNotAssessed) rescale = true;
      if ((leaf.max ?? 0) > 0 && !notAssessed) {
        const ratio = r6(pts / weight / (leaf.max as number));
        if (ratio < minRatio) {
          minRatio = ratio;
          minRatioCriterion = leaf.id;
        }
      }
    } else if (leaf.kind === "bonus") bonusRaw += pts;
    else if (leaf.kind === "penalty") penaltyRaw += pts;
  }
  const bonus = r6(table.bonusCap === null ? bonusRaw : Math.min(bonusRaw, table.bonusCap));
  const penalty = r6(table.penaltyCap === null ? penaltyRaw : Math.min(penaltyRaw, table.penaltyCap));
  // A criterion not assessed (no target given) leaves its points to the rest: the content assessed
  // is scaled up to the full content max (issue #10 point 11; Hải Phòng QĐ 212/2025 says only "không
  // đánh giá chấm điểm nội dung này": this proportional rule is our reading, printed on the sheet).
  const criteria: Record<string, number> = {};
  const nodeSum = (c: Criterion): number => {
    if (isLeaf(c)) return (criteria[c.id] = points.get(c.id) ?? 0);
    return (criteria[c.id] = r6(c.children.reduce((a, k) => a + nodeSum(k), 0)));
  };
  table.sections.forEach(nodeSum);
  content = rescale ? (assessedMax > 0 ? r6((content * r6(contentMax)) / assessedMax) : 0) : r6(content);
  let total = content + bonus - penalty;
  if (!table.allowOverScale) total = Math.min(total, table.scale);
  total = roundExcel(total, table.decimals);
  return {
    unit: u.unit,
    sections: sections.map(r6),
    content,
    bonus,
    penalty,
    total,
    minRatio: minRatio === Infinity ? 1 : r6(minRatio),
    minRatioCriterion,
    criteria,
  };
}

/** The value a tie-breaker compares, signed so that higher is better. */
function breakerValue(r: Pick<UnitResult, "sections" | "bonus" | "penalty"> & { criteria?: Record<string, number> }, t: TieBreaker): number {
  switch (t.by) {
    case "criterion":
      return r.criteria?.[t.id] ?? 0;
    case "section":
      return r.sections[t.section] ?? 0;
    case "bonus":
      return r.bonus;
    case "penalty":
      return -r.penalty;
  }
}

/** Ranks: by total, then each tie-breaker in order; units equal on all share a rank and are marked tied. */
export function rankUnits<T extends Pick<UnitResult, "sections" | "bonus" | "penalty"> & { total: number; criteria?: Record<string, number> }>(rows: T[], tieBreakers: TieBreaker[]): { rank: number; tied: boolean }[] {
  const keys = rows.map((r) => [r.total, ...tieBreakers.map((t) => breakerValue(r, t))]);
  return keys.map((k) => {
    let ahead = 0;
    let equal = 0;
    for (const other of keys) {
      let cmp = 0;
      for (let i = 0; i < k.length && cmp === 0; i++) cmp = other[i] > k[i] ? 1 : other[i] < k[i] ? -1 : 0;
      if (cmp > 0) ahead++;
      else if (cmp === 0) equal++;
    }
    return { rank: 1 + ahead, tied: equal > 1 };
  });
}

/** Numbers as the formulas print them inside text ("85.5"): plain, no grouping. */
export function numberText(x: number): string {
  return String(x);
}

/**
 * The band and its reason, the same words the summary sheet's formulas write. A unit with enough
 * points for a band but a criterion under that band's floor (or scored 0 where the band allows no
 * 0) falls to the next band it meets; the reason names the band it got and the floor of the band
 * just above it that it missed (issue #10 point 15: never only the top band).
 */
export function classify(total: number, minRatio: number, minRatioCriterion: string, settings: ScoringSettings): { band: string; reason: string } {
  const { band, reason } = classifyFrom(0, total, minRatio, minRatioCriterion, settings);
  return { band, reason };
}

function classifyFrom(from: number, total: number, minRatio: number, minRatioCriterion: string, settings: ScoringSettings): { band: string; reason: string; missed: boolean } {
  for (let i = from; i < settings.bands.length; i++) {
    const b = settings.bands[i];
    if (total < b.min) continue;
    const floorOk = b.floorPercent === null || roundExcel(minRatio * 100, SUM_DECIMALS) >= b.floorPercent;
    const zeroOk = !b.noZero || minRatio > 0;
    if (floorOk && zeroOk) {
      return {
        band: b.label,
        reason: `Tổng điểm ≥ ${numberText(b.min)}${b.floorPercent === null ? "" : `, mọi tiêu chí ≥ ${numberText(b.floorPercent)}% điểm chuẩn`}${b.noZero ? ", không tiêu chí nào 0 điểm" : ""}`,
        missed: false,
      };
    }
    const lower = classifyFrom(i + 1, total, minRatio, minRatioCriterion, settings);
    // The lower band was missed too: its reason names the floor that decided.
    if (lower.missed) return lower;
    const cause = floorOk
      ? // "No content criterion scored 0": the lowest ratio is 0, so that criterion scored 0.
        `tiêu chí ${minRatioCriterion} 0 điểm (mức “${b.label}” không cho tiêu chí nào 0 điểm)`
      : `tiêu chí ${minRatioCriterion} đạt ${numberText(roundExcel(minRatio * 100, 1))}% < ${numberText(b.floorPercent as number)}% (sàn của mức “${b.label}”)`;
    return { band: lower.band, reason: `Xếp loại “${lower.band}”: ${cause}`, missed: true };
  }
  return { band: settings.fallbackBand, reason: `Tổng điểm dưới ${numberText(settings.bands[settings.bands.length - 1]?.min ?? 0)}`, missed: false };
}

/**
 * Every unit's subtotals, total, rank, band and the leading mark. A unit whose sheet has an invalid
 * input gets none of these ("Cần kiểm tra") and the others rank without it (issue #11).
 */
export function computeResults(table: CriteriaTable, settings: ScoringSettings, units: UnitScores[]): UnitResult[] {
  const scored = units.map((u) => scoreUnit(table, settings, u));
  const valid = scored.filter((_, i) => !units[i].invalid);
  const ranks = rankUnits(valid, settings.tieBreakers);
  return scored.map((s, i) => {
    if (units[i].invalid) return { ...s, total: null, rank: null, tied: false, band: NEEDS_CHECK, reason: NEEDS_CHECK_REASON, leading: false, needsCheck: true };
    const { band, reason } = classify(s.total, s.minRatio, s.minRatioCriterion, settings);
    const { rank, tied } = ranks[valid.indexOf(s)];
    return { ...s, rank, tied, band, reason, leading: rank === 1 && !tied, needsCheck: false };
  });
}

/** The tie rule in words, printed under the ranking. */
export function tieRuleText(settings: ScoringSettings, sectionNames: string[]): { vi: string; en: string } {
  const vi = ["Tổng điểm cao hơn xếp trên"];
  const en = ["higher total first"];
  for (const t of settings.tieBreakers) {
    if (t.by === "section") {
      vi.push(`nếu bằng nhau: điểm ${sectionNames[t.section] ?? `Phần ${t.section + 1}`} cao hơn xếp trên`);
      en.push(`then higher ${sectionNames[t.section] ?? `section ${t.section + 1}`}`);
    } else if (t.by === "criterion") {
      vi.push(`nếu bằng nhau: điểm tiêu chí ${t.id} cao hơn xếp trên`);
      en.push(`then higher points on criterion ${t.id}`);
    } else if (t.by === "penalty") {
      vi.push("nếu bằng nhau: điểm trừ ít hơn xếp trên");
      en.push("then fewer penalty points");
    } else {
      vi.push("nếu bằng nhau: điểm thưởng cao hơn xếp trên");
      en.push("then higher bonus");
    }
  }
  vi.push("nếu vẫn bằng nhau: đồng hạng, hội nghị quyết định");
  en.push("if still equal: tied, the meeting decides");
  return { vi: `Quy tắc xếp hạng: ${vi.join("; ")}.`, en: `Ranking rule: ${en.join("; ")}.` };
}
