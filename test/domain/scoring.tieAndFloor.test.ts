/**
 * Rules of real 2025 texts made expressible (issue #10 point 12): ties broken on a named criterion,
 * then by the meeting's vote (Cần Thơ KH 157/2025, ../shared/fixtures/real-tables/cantho-157-2025.tsv,
 * section II: "…thì đơn vị nào có số lượng phát hành thẻ ATM cao hơn thì xếp hạng cao hơn… áp dụng
 * hình thức bỏ phiếu để thống nhất"), and a class floor "no criterion scored 0" (DOMAIN.md §2).
 * The workbook's formulas compute the same (test/formula/scoring.property.test.ts).
 */
import { leaf, tableOf } from "../fixtures/criteria";
import { computeResults, tieRuleText, type UnitScores } from "../../src/domain/scoring/engine";
import { defaultSettings, type ScoringSettings } from "../../src/domain/scoring/settings";

const table = tableOf([{ ...leaf("I", 100), kind: null, children: [leaf("I.1", 50), leaf("I.2", 30), leaf("I.3", 20)] }]);
const unit = (name: string, a: number, b: number, c: number): UnitScores => ({
  unit: name,
  entries: { "I.1": { self: a, review: null, agreed: null }, "I.2": { self: b, review: null, agreed: null }, "I.3": { self: c, review: null, agreed: null } },
});
const base: ScoringSettings = { ...defaultSettings(100), stage: "self" };

describe("a tie step on a named criterion", () => {
  it("puts the unit with more points on that criterion first; without it the two stay tied for the meeting", () => {
    const units = [unit("A", 45, 30, 15), unit("B", 50, 25, 15)];
    const tied = computeResults(table, { ...base, tieBreakers: [] }, units);
    expect(tied.map((r) => [r.total, r.rank, r.tied])).toEqual([[90, 1, true], [90, 1, true]]);
    const byI2 = computeResults(table, { ...base, tieBreakers: [{ by: "criterion", id: "I.2" }] }, units);
    expect(byI2.map((r) => [r.rank, r.tied, r.leading])).toEqual([[1, false, true], [2, false, false]]);
    expect(tieRuleText({ ...base, tieBreakers: [{ by: "criterion", id: "I.2" }] }, ["Phần I"]).vi).toBe(
      "Quy tắc xếp hạng: Tổng điểm cao hơn xếp trên; nếu bằng nhau: điểm tiêu chí I.2 cao hơn xếp trên; nếu vẫn bằng nhau: đồng hạng, hội nghị quyết định.",
    );
  });
});

describe("the class floor 'no content criterion scored 0'", () => {
  const settings: ScoringSettings = { ...base, bands: [{ label: "Xuất sắc", min: 70, floorPercent: null, noZero: true }, { label: "Hoàn thành", min: 50, floorPercent: null }] };
  it("keeps a unit with a criterion at 0 out of the band, and says which criterion", () => {
    const [r] = computeResults(table, settings, [unit("A", 50, 30, 0)]);
    expect([r.total, r.band, r.reason]).toEqual([80, "Hoàn thành", "Xếp loại “Hoàn thành”: tiêu chí I.3 0 điểm (mức “Xuất sắc” không cho tiêu chí nào 0 điểm)"]);
  });
  it("lets in a unit whose lowest criterion is above 0", () => {
    const [r] = computeResults(table, settings, [unit("A", 50, 30, 0.25)]);
    expect([r.band, r.reason]).toEqual(["Xuất sắc", "Tổng điểm ≥ 70, không tiêu chí nào 0 điểm"]);
  });
});

// Issue #10 point 15: a failed floor's reason cites the band the unit got, and the floor that decided
// it (the band just above), not the top band (DOMAIN §2: a band plus a floor per criterion, Nghệ An 2025).
describe("the reason of a unit that misses floors", () => {
  it("names the band it got and the floor of the band just above it", () => {
    // 95 points, but I.3 at 75% of its max: under 85% (excellent) and 80% (good), over 70% (completed).
    const [r] = computeResults(table, base, [unit("A", 50, 30, 15)]);
    expect([r.total, r.band, r.reason]).toEqual([95, "Hoàn thành nhiệm vụ", "Xếp loại “Hoàn thành nhiệm vụ”: tiêu chí I.3 đạt 75% < 80% (sàn của mức “Hoàn thành tốt nhiệm vụ”)"]);
    // One band missed: that band's floor.
    const [g] = computeResults(table, base, [unit("B", 50, 30, 16.5)]);
    expect([g.band, g.reason]).toEqual(["Hoàn thành tốt nhiệm vụ", "Xếp loại “Hoàn thành tốt nhiệm vụ”: tiêu chí I.3 đạt 82.5% < 85% (sàn của mức “Hoàn thành xuất sắc nhiệm vụ”)"]);
  });
});
