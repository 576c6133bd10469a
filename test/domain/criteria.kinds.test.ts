/**
 * Bonus and penalty rows are recognised at every level (issue #10 point 9; DOMAIN.md §2: real 2025
 * tables write bonus and penalty on leaf rows — "Điểm thưởng: tối đa 03", "Điểm trừ: tối đa 03" —
 * or under a combined heading "ĐIỂM THƯỞNG, ĐIỂM TRỪ").
 */
import { parseCriteriaRows } from "../../src/domain/criteria/parse";
import { BASE, codes, outline, rowsOf } from "./criteriaRows";

describe("parseCriteriaRows: bonus and penalty on leaf rows (DOMAIN §2)", () => {
  it("reads 'Điểm thưởng: tối đa 03' and 'Điểm trừ: tối đa 03' inside a content section as bonus and penalty, not as points", () => {
    const r = parseCriteriaRows(
      rowsOf([
        ["I", "KẾT QUẢ THỰC HIỆN NHIỆM VỤ", 100, ""],
        ["1", "Hoàn thành kế hoạch năm", 60, ""],
        ["2", "Chất lượng tham mưu", 40, ""],
        ["3", "Điểm thưởng: tối đa 03", 3, ""],
        ["4", "Điểm trừ: tối đa 03", 3, ""],
      ]),
      BASE,
    );
    expect(outline(r.table!)).toEqual(["I [I] 100 group", "  I.1 [1] 60 points", "  I.2 [2] 40 points", "  I.3 [3] 3 bonus", "  I.4 [4] 3 penalty"]);
    expect(codes(r)).toEqual([]);
  });

  it("reads 'Cộng điểm', 'Trừ điểm', 'Điểm thưởng (tối đa 5 điểm)' and unaccented 'Diem tru' rows by their own words", () => {
    const r = parseCriteriaRows(
      rowsOf([
        ["I", "NỘI DUNG", 100, ""],
        ["1", "Hoàn thành kế hoạch năm", 100, ""],
        ["II", "CÁC NỘI DUNG KHÁC", "", ""],
        ["1", "Cộng điểm", 2, ""],
        ["2", "Trừ điểm", 2, ""],
        ["3", "Điểm thưởng (tối đa 5 điểm)", 5, ""],
        ["4", "Diem tru: chậm báo cáo", 1, ""],
      ]),
      { ...BASE, bonusCap: 5 }, // two bonus rows need a stated cap on them together (issue #11: criteria.bonusCap.missing)
    );
    expect(r.table!.sections[1].children.map((c) => c.kind)).toEqual(["bonus", "penalty", "bonus", "penalty"]);
  });

  it("a row's own words win over its heading's, and a content row that mentions points later stays content", () => {
    const r = parseCriteriaRows(
      rowsOf([
        ["I", "NỘI DUNG", 100, ""],
        ["1", "Kết quả được cộng vào điểm thi đua của khối", 100, ""],
        ["II", "ĐIỂM THƯỞNG", "", ""],
        ["1", "Có sáng kiến cấp tỉnh", 2, ""],
        ["2", "Điểm trừ: chậm nộp hồ sơ", 1, ""],
      ]),
      BASE,
    );
    expect(outline(r.table!)).toEqual(["I [I] 100 group", "  I.1 [1] 100 points", "II [II] - group", "  II.1 [1] 2 bonus", "  II.2 [2] 1 penalty"]);
  });
});

describe("parseCriteriaRows: a combined heading 'ĐIỂM THƯỞNG, ĐIỂM TRỪ' (DOMAIN §2)", () => {
  it("keeps its bonus row a bonus and its penalty row a penalty (a bonus row was read as a penalty)", () => {
    const r = parseCriteriaRows(
      rowsOf([
        ["I", "NỘI DUNG", 100, ""],
        ["1", "Hoàn thành kế hoạch năm", 100, ""],
        ["II", "ĐIỂM THƯỞNG, ĐIỂM TRỪ", "", ""],
        ["1", "Điểm thưởng: tối đa 03", 3, ""],
        ["2", "Điểm trừ: tối đa 03", 3, ""],
      ]),
      BASE,
    );
    expect(r.table!.sections[1].children.map((c) => c.kind)).toEqual(["bonus", "penalty"]);
    expect(codes(r)).toEqual([]);
  });

  it("groups under it pass their own kind to their rows", () => {
    const r = parseCriteriaRows(
      rowsOf([
        ["I", "NỘI DUNG", 100, ""],
        ["1", "Hoàn thành kế hoạch năm", 100, ""],
        ["II", "ĐIỂM CỘNG, ĐIỂM TRỪ", "", ""],
        ["1", "Điểm cộng", 5, ""],
        ["a", "Có sáng kiến cấp tỉnh", 5, ""],
        ["2", "Điểm trừ", 4, ""],
        ["a", "Chậm nộp báo cáo", 4, ""],
      ]),
      BASE,
    );
    expect(outline(r.table!).slice(2)).toEqual(["II [II] - group", "  II.1 [1] 5 group", "    II.1.a [a] 5 bonus", "  II.2 [2] 4 group", "    II.2.a [a] 4 penalty"]);
  });

  it("refuses, at the row's kind cell, a row under it that says neither", () => {
    const r = parseCriteriaRows(
      rowsOf(
        [
          ["I", "NỘI DUNG", 100, ""],
          ["1", "Hoàn thành kế hoạch năm", 100, ""],
          ["II", "ĐIỂM THƯỞNG, ĐIỂM TRỪ", "", ""],
          ["1", "Có sáng kiến cấp tỉnh", 3, ""],
          ["2", "Có sáng kiến cấp cơ sở", 2, "Thưởng"],
        ],
        ["stt", "text", "max", "kind"],
      ),
      BASE,
    );
    expect(r.table).toBeNull();
    expect(codes(r)).toEqual(["criteria.kind.ambiguous@D8"]);
    expect(r.issues[0].message.vi).toContain("Thưởng");
    expect(r.issues[0].message.en).toContain("bonus");
  });
});
