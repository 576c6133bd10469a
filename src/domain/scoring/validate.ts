import { raise } from "../codes";
import type { Member } from "../bloc/bloc";
import { effectiveWeight, isAllOrNothing, isContent, leaves, stepOf, type CriteriaTable, type Criterion } from "../criteria/model";
import { hasErrors, type Issue, type Where } from "../issues";
import { cleanText, nameKey } from "../text";
import { counted, isNotAssessedMark, NOT_ASSESSED, roundExcel, SUM_DECIMALS, type Entry, type EntryValue, type UnitScores } from "./engine";
import type { ScoringSettings } from "./settings";

/** One leaf row as found on a unit's sheet: raw cell values and where each input sits. */
export interface EntryRow {
  id: string;
  self: unknown;
  review: unknown;
  agreed: unknown;
  evidence: unknown;
  at: { self: Where; review: Where; agreed: Where; evidence: Where; row: Where };
}

export interface UnitEntries {
  sheet: string;
  /** The unit named on the sheet. */
  unit: string;
  rows: EntryRow[];
}

const STAGE_FIELD = { self: "self", review: "review", agreed: "agreed", reviewOrSelf: "self" } as const;
const STAGE_VI = { self: "Tự chấm", review: "Khối thẩm định", agreed: "Điểm thống nhất" } as const;

/** "8,5" → 8.5 when it is a number written the Vietnamese way, else null. */
function vietnameseNumber(s: string): number | null {
  const t = s.replace(/\s/g, "");
  if (/^-?\d+,\d+$/.test(t)) return Number(t.replace(",", "."));
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  return null;
}

/**
 * Checks what the units entered. Errors block ranking; warnings inform. Pasted values that bypass
 * Excel's validation are caught here. Returns the entries as numbers for the engine (a bad cell
 * counts as empty).
 */
export function validateEntries(table: CriteriaTable, settings: ScoringSettings, members: Member[], units: UnitEntries[]): { issues: Issue[]; scores: UnitScores[] } {
  const issues: Issue[] = [];
  const byId = new Map(leaves(table).map((l) => [l.leaf.id, l.leaf]));
  const weightOf = new Map(leaves(table).map((l) => [l.leaf.id, effectiveWeight(l)]));
  const memberOf = new Map(members.map((m) => [nameKey(m.name), m]));
  const scores: UnitScores[] = [];
  const required = STAGE_FIELD[settings.stage];

  for (const u of units) {
    const member = memberOf.get(nameKey(u.unit));
    if (!member) {
      issues.push(raise("scoring.unit.unknown", { sheet: u.sheet, unit: u.unit }, { sheet: u.sheet, cell: "A2" }));
      continue;
    }
    const entries: Record<string, Entry> = {};
    const anyEntry = u.rows.some((r) => [r.self, r.review, r.agreed].some((v) => v !== "" && v !== null && v !== undefined));
    if (!anyEntry) {
      issues.push(raise("scoring.unit.empty", { member: member.name }, { sheet: u.sheet, cell: u.rows[0]?.at.self.cell ?? "A1" }));
    }
    let bonusSum = 0;
    let bonusAt: Where | undefined;
    /** Issues before this unit's cells are checked: any error added by a cell makes the unit invalid. */
    const cellIssues: Issue[] = [];
    for (const r of u.rows) {
      const leaf = byId.get(r.id);
      if (!leaf) {
        issues.push(raise("scoring.criterion.unknown", { id: r.id }, r.at.row));
        continue;
      }
      const e: Entry = { self: null, review: null, agreed: null };
      for (const stage of ["self", "review", "agreed"] as const) e[stage] = checkCell(r[stage], r.at[stage], leaf, table, member.name, cellIssues);
      entries[r.id] = e;
      // Content criteria need a score; an empty bonus or penalty row means none.
      if (anyEntry && isContent(leaf) && e[required] === null && isBlank(r[required])) {
        issues.push(raise("scoring.entry.missing", { stage: STAGE_VI[required], member: member.name, id: leaf.id }, r.at[required]));
      }
      if (typeof e.self === "number" && typeof e.review === "number" && e.review !== e.self) {
        if (!cleanText(String(r.evidence ?? ""))) {
          issues.push(raise("scoring.review.unexplained", { member: member.name, id: leaf.id, review: e.review, self: e.self }, r.at.evidence));
        }
        if (Math.abs(e.review - e.self) > settings.largeGap) {
          issues.push(raise("scoring.review.largeGap", { member: member.name, id: leaf.id, gap: Math.abs(e.review - e.self) }, r.at.review));
        }
      }
      if (leaf.kind === "bonus") {
        // As the sheet sums them: each row's counted points rounded, then the sum (ROUND(…, 6)).
        bonusSum += roundExcel(counted(e, settings.stage) * (weightOf.get(leaf.id) ?? 1), SUM_DECIMALS);
        bonusAt ??= r.at[required];
      }
    }
    bonusSum = roundExcel(bonusSum, SUM_DECIMALS);
    if (table.bonusCap !== null && bonusSum > table.bonusCap) {
      cellIssues.push(raise("scoring.bonus.overCap", { member: member.name, bonusSum, bonusCap: table.bonusCap }, bonusAt));
    }
    issues.push(...cellIssues);
    // An invalid cell never ranks: the summary shows "Cần kiểm tra" until it is corrected (issue #11).
    scores.push(hasErrors(cellIssues) ? { unit: member.name, entries, invalid: true } : { unit: member.name, entries });
  }
  for (const m of members) {
    if (!units.some((u) => nameKey(u.unit) === nameKey(m.name))) {
      issues.push(raise("scoring.unit.noSheet", { unit: m.name }));
    }
  }
  return { issues, scores };
}

const isBlank = (v: unknown) => v === "" || v === null || v === undefined;

/** One input cell: a number in range, on the step; anything else is an issue and counts as empty. */
function checkCell(v: unknown, at: Where, leaf: Criterion, table: CriteriaTable, unit: string, issues: Issue[]): EntryValue {
  if (isBlank(v)) return null;
  if (isNotAssessedMark(v)) {
    if (leaf.mayBeNotAssessed) return NOT_ASSESSED;
    issues.push(raise("scoring.entry.notAssessed", { unit, criterion: leaf.id, NOT_ASSESSED }, at));
    return null;
  }
  let n: number;
  if (typeof v === "number") n = v;
  else if (typeof v === "string") {
    const vn = vietnameseNumber(cleanText(v));
    if (vn !== null) {
      issues.push(raise("scoring.entry.textNumber", { unit, criterion: leaf.id, value: v }, at));
    } else {
      issues.push(raise("scoring.entry.notNumber", { unit, criterion: leaf.id, value: v }, at));
    }
    return null;
  } else {
    issues.push(raise("scoring.entry.notNumber", { unit, criterion: leaf.id, value: String(v) }, at));
    return null;
  }
  const max = leaf.max ?? 0;
  if (n < 0) {
    issues.push(raise("scoring.entry.negative", { unit, criterion: leaf.id, n }, at));
    return null;
  }
  if (n > max) {
    issues.push(raise("scoring.entry.overMax", { unit, criterion: leaf.id, n, max }, at));
    return null;
  }
  if (isAllOrNothing(leaf) && n !== 0 && n !== max) {
    issues.push(raise("scoring.entry.yesNo", { unit, criterion: leaf.id, max }, at));
    return null;
  }
  const step = stepOf(leaf, table);
  // As the sheet's checks: ROUND(x/step, 9) must be whole.
  const q = roundExcel(n / step, 9);
  if (!isAllOrNothing(leaf) && q !== Math.trunc(q)) {
    issues.push(raise("scoring.entry.offStep", { unit, criterion: leaf.id, n, step }, at));
    return null;
  }
  return n;
}
