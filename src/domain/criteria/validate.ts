import { z } from "zod";
import { error, warning, type Issue, type Message, type Where } from "../issues";
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

const say = (vi: string, en: string): Message => ({ vi, en });
const EPS = 1e-9;
const same = (a: number, b: number) => Math.abs(a - b) <= EPS * Math.max(1, Math.abs(a), Math.abs(b));
const isMultiple = (x: number, unit: number) => {
  const r = x / unit;
  return Math.abs(r - Math.round(r)) <= 1e-7;
};
const round = (x: number) => Math.round(x * 1e6) / 1e6;
/** A number as Vietnamese write it: decimal comma, no thousands grouping (100; 2,5). */
export const viNumber = (x: number): string => String(round(x)).replace(".", ",");
const enNumber = (x: number): string => String(round(x));

/** "tiêu chí 1.2 "Hoàn thành…"" for messages. */
function labelOf(c: Criterion): Message {
  const t = c.text.length > 60 ? `${c.text.slice(0, 57)}…` : c.text;
  const num = c.number ? `${c.number} ` : "";
  const quoted = t ? `"${t}"` : "";
  return say(`Tiêu chí ${num}${quoted}`.trim(), `Criterion ${num}${quoted}`.trim());
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
    issues.push(
      error(
        "criteria.text.formula",
        say(
          `Tên bảng tiêu chí bắt đầu bằng "=": bảng tính sẽ hiểu nhầm là công thức. Hãy bỏ ký tự này.`,
          `The table title begins with "=": a spreadsheet would read it as a formula. Remove that character.`,
        ),
        tableAt.title,
      ),
    );
  }
  if (table.title.length > LIMITS.title) {
    issues.push(error("criteria.text.tooLong", say(`Tên bảng tiêu chí dài quá ${LIMITS.title} ký tự.`, `The table title is longer than ${LIMITS.title} characters.`), tableAt.title));
  }
  if (table.legalBasis.length > LIMITS.legalBasis) {
    issues.push(error("criteria.text.tooLong", say(`Căn cứ pháp lý dài quá ${LIMITS.legalBasis} ký tự.`, `The legal basis is longer than ${LIMITS.legalBasis} characters.`)));
  }
  if (!Number.isFinite(table.scale) || table.scale <= 0) {
    issues.push(error("criteria.scale.invalid", say("Thang điểm phải là một số lớn hơn 0 (ví dụ 100 hoặc 1000).", "The scale must be a number above 0 (e.g. 100 or 1000)."), tableAt.scale));
  } else if (table.scale > LIMITS.scale) {
    // Real scales are 100 or 1,000 (DOMAIN §2); 10,000 leaves room and keeps every sum exact.
    issues.push(
      error(
        "criteria.scale.tooLarge",
        say(
          `Thang điểm ${viNumber(table.scale)} quá lớn: tối đa ${viNumber(LIMITS.scale)} điểm (các bảng thực tế dùng 100 hoặc 1000).`,
          `The scale ${enNumber(table.scale)} is too large: at most ${enNumber(LIMITS.scale)} points (real tables use 100 or 1000).`,
        ),
        tableAt.scale,
      ),
    );
  }
  /** The largest number of points anything in the table may carry: the scale when it is sane. */
  const ceiling = Number.isFinite(table.scale) && table.scale > 0 && table.scale <= LIMITS.scale ? table.scale : LIMITS.scale;
  if (!Number.isInteger(table.decimals) || table.decimals < 0 || table.decimals > LIMITS.decimals) {
    issues.push(
      error(
        "criteria.decimals.invalid",
        say(`Số chữ số thập phân khi làm tròn tổng phải là số nguyên từ 0 đến ${LIMITS.decimals}.`, `Decimals for rounding totals must be a whole number from 0 to ${LIMITS.decimals}.`),
        tableAt.decimals,
      ),
    );
  }
  if (!Number.isFinite(table.step) || table.step <= 0 || table.step > ceiling) {
    issues.push(
      error(
        "criteria.step.invalid",
        say(`Bước điểm phải là một số lớn hơn 0 và không quá ${viNumber(ceiling)} (ví dụ 0,25 hoặc 0,5).`, `The points step must be a number above 0 and at most ${enNumber(ceiling)} (e.g. 0.25 or 0.5).`),
        tableAt.step,
      ),
    );
  }
  for (const [key, vi, en] of [
    ["bonusCap", "Tối đa điểm thưởng", "The bonus cap"],
    ["penaltyCap", "Tối đa điểm trừ", "The penalty cap"],
  ] as const) {
    const v = table[key];
    if (v !== null && (!Number.isFinite(v) || v < 0 || v > ceiling)) {
      issues.push(
        error(
          "criteria.cap.invalid",
          say(`${vi} phải là một số từ 0 đến ${viNumber(ceiling)} (thang điểm), hoặc để trống nếu không giới hạn.`, `${en} must be a number from 0 to ${enNumber(ceiling)} (the scale), or blank for none.`),
          tableAt[key],
        ),
      );
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
        issues.push(
          error(
            "criteria.number.duplicate",
            say(`Số thứ tự "${c.number}" bị lặp lại trong cùng một cấp (${labelOf(first).vi}).`, `Number "${c.number}" is repeated among siblings (${labelOf(first).en}).`),
            whereOf(c, "stt"),
          ),
        );
      } else seen.set(key, c);
    }
  };

  /** `stated`: an enclosing group states its max (the sum of its rows: a stated bonus total). */
  const walk = (c: Criterion, weight: number, stated = false) => {
    const label = labelOf(c);
    if (!c.id || c.id.length > LIMITS.id) {
      issues.push(error("criteria.id.invalid", say(`${label.vi}: mã phải có từ 1 đến ${LIMITS.id} ký tự.`, `${label.en}: the id must have 1 to ${LIMITS.id} characters.`), whereOf(c, "id")));
    } else if (ids.has(c.id)) {
      issues.push(
        error(
          "criteria.id.duplicate",
          say(`${label.vi}: mã "${c.id}" trùng với một tiêu chí khác. Mỗi tiêu chí cần một mã riêng (có thể xoá ô Mã để tạo lại).`, `${label.en}: id "${c.id}" is used by another criterion. Each needs its own id (clear the id cell to make a new one).`),
          whereOf(c, "id"),
        ),
      );
    } else ids.add(c.id);
    if (c.number.length > LIMITS.number) {
      issues.push(error("criteria.number.tooLong", say(`${label.vi}: số thứ tự dài quá ${LIMITS.number} ký tự.`, `${label.en}: the number is longer than ${LIMITS.number} characters.`), whereOf(c, "stt")));
    }
    if (startsLikeFormula(c.text)) {
      issues.push(
        error(
          "criteria.text.formula",
          say(`${label.vi}: nội dung bắt đầu bằng "=", bảng tính sẽ hiểu nhầm là công thức. Hãy bỏ ký tự này.`, `${label.en}: the text begins with "=", which a spreadsheet would read as a formula. Remove that character.`),
          whereOf(c, "text"),
        ),
      );
    }
    if (c.text.length > LIMITS.text || c.note.length > LIMITS.text) {
      issues.push(
        error(
          "criteria.text.tooLong",
          say(`${label.vi}: nội dung hoặc ghi chú dài quá ${LIMITS.text} ký tự.`, `${label.en}: the text or note is longer than ${LIMITS.text} characters.`),
          whereOf(c, c.text.length > LIMITS.text ? "text" : "note"),
        ),
      );
    }
    if ((c.guidance ?? "").length > LIMITS.guidance) {
      issues.push(
        error("criteria.text.tooLong", say(`${label.vi}: hướng dẫn chấm điểm dài quá ${LIMITS.guidance} ký tự.`, `${label.en}: the scoring guidance is longer than ${LIMITS.guidance} characters.`), whereOf(c, "guidance")),
      );
    }
    if (c.noPoints && (c.children.length > 0 || c.max !== null || c.kind !== null || !table.sections.includes(c))) {
      issues.push(
        error(
          "criteria.noPoints.invalid",
          say(
            `${label.vi}: chỉ một phần (cấp cao nhất) không có điểm chuẩn, không có loại và không có tiêu chí con mới là phần không chấm điểm.`,
            `${label.en}: only a top-level section with no max, no kind and no sub-criteria can carry no points.`,
          ),
          whereOf(c, "row"),
        ),
      );
    }
    if (c.max !== null && (!Number.isFinite(c.max) || c.max < 0)) {
      issues.push(
        error(
          "criteria.max.negative",
          say(
            `${label.vi}: điểm chuẩn ${viNumber(c.max)} không được âm. Điểm trừ ghi số dương (ví dụ 8) và đặt loại "Trừ".`,
            `${label.en}: max ${enNumber(c.max)} must not be negative. Penalties are entered as positive points (e.g. 8) with kind "Trừ".`,
          ),
          whereOf(c, "max"),
        ),
      );
    }
    if (!Number.isFinite(c.weight) || c.weight <= 0 || c.weight > LIMITS.weight) {
      issues.push(error("criteria.weight.invalid", say(`${label.vi}: trọng số phải lớn hơn 0 và không quá ${LIMITS.weight}.`, `${label.en}: the weight must be above 0 and at most ${LIMITS.weight}.`), whereOf(c, "weight")));
    } else if (c.weight !== 1) {
      issues.push(
        warning(
          "criteria.weight.used",
          say(`${label.vi} có trọng số ${viNumber(c.weight)}: điểm của tiêu chí được nhân với trọng số khi cộng tổng.`, `${label.en} has weight ${enNumber(c.weight)}: its points are multiplied by the weight in the totals.`),
          whereOf(c, "weight"),
        ),
      );
    }
    if (c.step !== null && (!Number.isFinite(c.step) || c.step <= 0 || c.step > LIMITS.step)) {
      issues.push(error("criteria.step.invalid", say(`${label.vi}: bước điểm phải lớn hơn 0 và không quá ${LIMITS.step}.`, `${label.en}: the step must be above 0 and at most ${LIMITS.step}.`), whereOf(c, "step")));
    }
    if (c.unit !== null && (!Number.isFinite(c.unit) || c.unit <= 0)) {
      issues.push(error("criteria.unit.invalid", say(`${label.vi}: điểm mỗi lần phải lớn hơn 0.`, `${label.en}: points per occurrence must be above 0.`), whereOf(c, "unit")));
    }
    const w = weight * (Number.isFinite(c.weight) && c.weight > 0 ? c.weight : 1);

    if (isLeaf(c)) {
      if (!c.text.trim()) {
        issues.push(error("criteria.text.empty", say(`${label.vi}: chưa có nội dung tiêu chí.`, `${label.en}: the criterion has no text.`), whereOf(c, "text")));
      }
      if (c.max === null) {
        issues.push(error("criteria.max.missing", say(`${label.vi}: chưa có điểm chuẩn.`, `${label.en}: no max points.`), whereOf(c, "max")));
      }
      if (c.kind === null) {
        issues.push(
          error(
            "criteria.kind.missing",
            say(`${label.vi}: chưa có loại (Điểm, Đạt/Không đạt, Theo lần, Thưởng hoặc Trừ).`, `${label.en}: no kind (points, yes/no, per occurrence, bonus or penalty).`),
            whereOf(c, "kind"),
          ),
        );
      }
      if ((c.kind === "perOccurrence" || c.kind === "penalty") && c.unit !== null && c.unit > 0 && c.max !== null && c.max >= 0 && !isMultiple(c.max, c.unit)) {
        issues.push(
          error(
            "criteria.unit.notMultiple",
            say(
              `${label.vi}: điểm chuẩn ${viNumber(c.max)} không phải bội số của điểm mỗi lần ${viNumber(c.unit)}.`,
              `${label.en}: max ${enNumber(c.max)} is not a multiple of the points per occurrence ${enNumber(c.unit)}.`,
            ),
            whereOf(c, "unit"),
          ),
        );
      }
      const unitChecked = (c.kind === "perOccurrence" || c.kind === "penalty") && c.unit !== null && c.step === null;
      const step = stepOf(c, table);
      if (c.kind !== null && !isAllOrNothing(c) && !unitChecked && c.max !== null && c.max > 0 && Number.isFinite(c.max) && Number.isFinite(step) && step > 0 && !isMultiple(c.max, step)) {
        // Max 1 with step 0.3: entries go 0, 0.3, 0.6, 0.9 and full points can never be entered (issue #11).
        issues.push(
          error(
            "criteria.max.offStep",
            say(
              `${label.vi}: điểm chuẩn ${viNumber(c.max)} không chia hết cho bước điểm ${viNumber(step)}, nên không thể chấm đủ điểm. Hãy sửa điểm chuẩn hoặc bước điểm.`,
              `${label.en}: max ${enNumber(c.max)} is not a multiple of the step ${enNumber(step)}, so full points can never be entered. Correct the max or the step.`,
            ),
            c.step !== null ? whereOf(c, "step") : whereOf(c, "max"),
          ),
        );
      }
      if (c.max !== null && Number.isFinite(c.max) && c.max * w > ceiling * (1 + EPS)) {
        // 1e300, or a penalty of 500 on a 100-point scale (totals would reach −400) (issue #11).
        const weighted = w === 1 ? "" : ` (× trọng số ${viNumber(w)} = ${viNumber(c.max * w)})`;
        const weightedEn = w === 1 ? "" : ` (× weight ${enNumber(w)} = ${enNumber(c.max * w)})`;
        issues.push(
          error(
            "criteria.max.overScale",
            c.kind === "penalty"
              ? say(
                  `${label.vi}: điểm trừ tối đa ${viNumber(c.max)}${weighted} lớn hơn thang điểm ${viNumber(ceiling)}: tổng điểm có thể âm. Hãy sửa điểm chuẩn của dòng này.`,
                  `${label.en}: a penalty of up to ${enNumber(c.max)}${weightedEn} is larger than the scale of ${enNumber(ceiling)}: totals could fall below zero. Correct this row's max.`,
                )
              : say(
                  `${label.vi}: điểm chuẩn ${viNumber(c.max)}${weighted} lớn hơn thang điểm ${viNumber(ceiling)}.`,
                  `${label.en}: max ${enNumber(c.max)}${weightedEn} is larger than the scale of ${enNumber(ceiling)}.`,
                ),
            whereOf(c, "max"),
          ),
        );
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
      issues.push(
        error(
          "criteria.kind.onGroup",
          say(
            `${label.vi} có tiêu chí con nên không có loại; hãy xoá ô Loại của dòng này (loại ghi ở từng tiêu chí con).`,
            `${label.en} has sub-criteria, so it has no kind; clear its kind cell (kinds belong to the sub-criteria).`,
          ),
          whereOf(c, "kind"),
        ),
      );
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
        const scored = content === 0 && allKinds(c, (x) => x === "bonus" || x === "penalty");
        issues.push(
          error(
            "criteria.sum.mismatch",
            say(
              `${label.vi}: điểm chuẩn ghi ${viNumber(c.max)} nhưng tổng các tiêu chí con là ${viNumber(sum)}.` +
                (scored ? ` Nếu ${viNumber(c.max)} là mức tối đa của cả phần, hãy ghi vào ô "Tối đa điểm thưởng" hoặc "Tối đa điểm trừ" và để trống điểm chuẩn của dòng này.` : ""),
              `${label.en}: its max is ${enNumber(c.max)} but its sub-criteria add up to ${enNumber(sum)}.` +
                (scored ? ` If ${enNumber(c.max)} caps the whole part, enter it as the bonus or penalty cap and leave this row's max blank.` : ""),
            ),
            whereOf(c, "max"),
          ),
        );
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
    issues.push(
      error(
        "criteria.bonusCap.missing",
        say(
          `Bảng có ${bonusLeaves.length} tiêu chí điểm thưởng (${names}), cộng lại tối đa ${viNumber(most)} điểm, nhưng chưa ghi "Tối đa điểm thưởng". Hãy ghi mức tối đa theo quy định của khối (ghi ${viNumber(most)} nếu được cộng hết).`,
          `The table has ${bonusLeaves.length} bonus criteria (${names}), adding up to ${enNumber(most)} points, but no bonus cap ("Tối đa điểm thưởng"). Enter the cap the bloc's rules set (${enNumber(most)} if all may count).`,
        ),
        tableAt.bonusCap ?? whereOf(bonusLeaves[0], "row"),
      ),
    );
  }
  const penaltyMost = table.penaltyCap !== null && Number.isFinite(table.penaltyCap) ? Math.min(table.penaltyCap, penaltyTotal) : penaltyTotal;
  if (penaltyMost > ceiling * (1 + EPS) && !issues.some((i) => i.code === "criteria.max.overScale")) {
    issues.push(
      warning(
        "criteria.penalty.overScale",
        say(
          `Các điểm trừ cộng lại tối đa ${viNumber(penaltyMost)}, lớn hơn thang điểm ${viNumber(ceiling)}: tổng điểm có thể âm. Hãy ghi "Tối đa điểm trừ" nếu quy định của khối có mức tối đa.`,
          `Penalties add up to ${enNumber(penaltyMost)}, more than the scale of ${enNumber(ceiling)}: totals could fall below zero. Enter a penalty cap if the bloc's rules set one.`,
        ),
        tableAt.penaltyCap ?? tableAt.scale,
      ),
    );
  }
  if (!anyContent) {
    issues.push(
      error(
        "criteria.empty",
        say("Bảng tiêu chí chưa có tiêu chí chấm điểm nào (loại Điểm, Đạt/Không đạt hoặc Theo lần).", "The table has no scored criterion (kind points, yes/no or per occurrence)."),
        tableAt.title,
      ),
    );
  } else if (Number.isFinite(table.scale) && table.scale > 0 && !incomplete) {
    const bonus = table.bonusCap !== null && Number.isFinite(table.bonusCap) ? Math.min(table.bonusCap, bonusTotal) : bonusTotal;
    if (!same(contentTotal, table.scale) && !same(contentTotal + bonus, table.scale)) {
      const withBonus = bonus > 0;
      issues.push(
        warning(
          "criteria.scale.mismatch",
          say(
            `Tổng điểm chuẩn các tiêu chí là ${viNumber(contentTotal)}${withBonus ? ` (cộng điểm thưởng tối đa: ${viNumber(contentTotal + bonus)})` : ""}, khác thang điểm ${viNumber(table.scale)}.`,
            `The criteria's max points add up to ${enNumber(contentTotal)}${withBonus ? ` (with the most bonus: ${enNumber(contentTotal + bonus)})` : ""}, not the scale of ${enNumber(table.scale)}.`,
          ),
          tableAt.scale,
        ),
      );
    }
  }
  // A bonus that can pass the scale, with totals cut at the scale, makes ties among the best units
  // (Cần Thơ KH 157/2025: content 100 + bonus 15 = 115): the bloc must choose (DOMAIN §2 "allow or cap").
  if (anyContent && !incomplete && Number.isFinite(table.scale) && table.scale > 0 && !table.allowOverScale) {
    const bonus = table.bonusCap !== null && Number.isFinite(table.bonusCap) ? Math.min(table.bonusCap, bonusTotal) : bonusTotal;
    if (bonus > 0 && contentTotal + bonus > table.scale + EPS * Math.max(1, table.scale)) {
      const most = contentTotal + bonus;
      issues.push(
        warning(
          "criteria.bonus.overScale",
          say(
            `Điểm thưởng có thể đưa tổng điểm lên ${viNumber(most)}, vượt thang điểm ${viNumber(table.scale)}. Cài đặt "Được vượt thang điểm (Có/Không)" đang là "Không": tổng bị cắt ở ${viNumber(table.scale)}, nên các đơn vị dẫn đầu có thể bằng điểm nhau dù điểm thưởng khác nhau. Khối hãy chọn: ghi "Có" để tính cả phần vượt, hoặc giữ "Không" nếu quy định của khối cắt ở thang điểm.`,
            `Bonus points can bring the total to ${enNumber(most)}, past the scale of ${enNumber(table.scale)}. The setting "Được vượt thang điểm (Có/Không)" (allow over scale, allowOverScale) is "Không" (No): totals are cut at ${enNumber(table.scale)}, so the best units can tie although their bonuses differ. The bloc must choose: "Có" (Yes) to count points past the scale, or keep "Không" if its rules cut at the scale.`,
          ),
          tableAt.allowOverScale ?? tableAt.scale,
        ),
      );
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

function allKinds(c: Criterion, ok: (k: Criterion["kind"]) => boolean): boolean {
  return isLeaf(c) ? ok(c.kind) : c.children.every((k) => allKinds(k, ok));
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
