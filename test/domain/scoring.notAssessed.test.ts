/**
 * A criterion "not assessed when no target was assigned" (Hải Phòng QĐ 212/2025, 5.1 c and 5.2 a–g:
 * "Không được giao chỉ tiêu thì không đánh giá chấm điểm nội dung này", ../shared/fixtures/real-tables/
 * haiphong-212-2025.tsv; issue #10 point 11). The text says only that the content is not scored; the
 * rule applied is the proportional one: content = points of the content assessed × content max / max
 * of the content assessed. The sheet's formulas compute the same (test/formula/scoring.property.test.ts).
 */
import { leaf, tableOf } from "../fixtures/criteria";
import { computeResults, NOT_ASSESSED } from "../../src/domain/scoring/engine";
import { defaultSettings } from "../../src/domain/scoring/settings";
import { validateEntries } from "../../src/domain/scoring/validate";

const table = tableOf([{ ...leaf("I", 0), max: 100, kind: null, children: [leaf("I.1", 97.5), leaf("I.2", 2.5, { kind: "yesNo", mayBeNotAssessed: true })] }]);
const settings = { ...defaultSettings(100), stage: "self" as const };

describe("a criterion not assessed (no target given)", () => {
  it("leaves its points to the rest: 90 of the 97,5 assessed counts 90 × 100 / 97,5", () => {
    const [r] = computeResults(table, settings, [{ unit: "A", entries: { "I.1": { self: 90, review: null, agreed: null }, "I.2": { self: NOT_ASSESSED, review: null, agreed: null } } }]);
    expect(r.content).toBeCloseTo((90 * 100) / 97.5, 6);
    expect(r.total).toBe(92.31);
    // It is no criterion scored low for the class floors either.
    expect(r.minRatioCriterion).toBe("I.1");
  });

  it("counts as usual when assessed (0 is a score, not 'not assessed')", () => {
    const [r] = computeResults(table, settings, [{ unit: "A", entries: { "I.1": { self: 90, review: null, agreed: null }, "I.2": { self: 0, review: null, agreed: null } } }]);
    expect(r.total).toBe(90);
  });

  it("takes the mark KĐG (any case) only on such a criterion; elsewhere it is an error at the cell", () => {
    const at = (c: string) => ({ sheet: "A", cell: c });
    const row = (id: string, self: unknown, c: string) => ({ id, self, review: "", agreed: "", evidence: "", at: { self: at(c), review: at(c), agreed: at(c), evidence: at(c), row: at(c) } });
    const members = [{ name: "A", shortName: "" }];
    const ok = validateEntries(table, settings, members, [{ sheet: "A", unit: "A", rows: [row("I.1", 90, "D7"), row("I.2", "kđg", "D8")] }]);
    expect(ok.issues).toEqual([]);
    expect(ok.scores[0].entries["I.2"].self).toBe(NOT_ASSESSED);
    const bad = validateEntries(table, settings, members, [{ sheet: "A", unit: "A", rows: [row("I.1", "KĐG", "D7"), row("I.2", 2.5, "D8")] }]);
    expect(bad.issues.map((i) => `${i.code}@${i.where?.cell}`)).toEqual(["scoring.entry.notAssessed@D7"]);
  });
});
