/**
 * What a paste of a real 2025 table must survive (DOMAIN.md §2; issue #10 points 10 and 11), on small
 * tables written after the fixtures in ../shared/fixtures/real-tables.
 */
import { parseCriteriaRows } from "../../src/domain/criteria/parse";
import { BASE, codes, outline, rowsOf } from "./criteriaRows";

describe("a bonus that can pass the scale (Cần Thơ KH 157/2025: 100 + 15 = 115; DOMAIN §2 'allow or cap')", () => {
  const rows = rowsOf([
    ["I", "NỘI DUNG", 100, ""],
    ["1", "Hoàn thành kế hoạch năm", 100, ""],
    ["II", "ĐIỂM CỘNG", 15, ""],
    ["1", "Đạt tỷ lệ 100%", 15, ""],
  ]);

  it("is warned of when totals are cut at the scale, naming the setting in Vietnamese and English", () => {
    const r = parseCriteriaRows(rows, { ...BASE, allowOverScale: false }, { allowOverScale: { sheet: "Tiêu chí", cell: "C6" } });
    expect(codes(r)).toEqual(["criteria.bonus.overScale@C6"]);
    const w = r.issues[0];
    expect(w.severity).toBe("warning");
    expect(w.message.vi).toContain("115");
    expect(w.message.vi).toContain("Được vượt thang điểm (Có/Không)");
    expect(w.message.en).toContain("allowOverScale");
    expect(w.message.en).toContain("tie");
    expect(r.table).not.toBeNull();
  });

  it("is not warned of when the bloc allows totals past the scale, or when the bonus cap keeps them within it", () => {
    expect(codes(parseCriteriaRows(rows, { ...BASE, allowOverScale: true }))).toEqual([]);
    expect(codes(parseCriteriaRows(rows, { ...BASE, allowOverScale: false, scale: 115 }))).toEqual([]);
    const capped = rowsOf([
      ["I", "NỘI DUNG", 95, ""],
      ["1", "Hoàn thành kế hoạch năm", 95, ""],
      ["II", "ĐIỂM CỘNG", "", ""],
      ["1", "Sáng kiến", 10, ""],
    ]);
    expect(codes(parseCriteriaRows(capped, { ...BASE, allowOverScale: false, bonusCap: 5 }))).toEqual([]);
  });
});

describe("Word footnote marks pasted as digits (Hải Phòng QĐ 212/2025: '20' + footnote '7' → '207')", () => {
  it("reads a group max as its criteria's sum when dropping its last digit fits, with a warning at the cell", () => {
    const r = parseCriteriaRows(
      rowsOf([
        ["I", "NỘI DUNG", 100, ""],
        ["1", "Chính trị tư tưởng", 80, ""],
        ["2", "Tiêu chí khác", 207, ""],
        ["a", "Chỉ số cải cách hành chính", 10, ""],
        ["b", "Chỉ số DDCI", 10, ""],
      ]),
      BASE,
    );
    expect(outline(r.table!)).toEqual(["I [I] 100 group", "  I.1 [1] 80 points", "  I.2 [2] 20 group", "    I.2.a [a] 10 points", "    I.2.b [b] 10 points"]);
    expect(codes(r)).toEqual(["criteria.max.footnote@C7"]);
  });

  it("reads a leaf max likewise when it alone breaks its group's sum, and leaves a sum no digit explains as an error", () => {
    const r = parseCriteriaRows(
      rowsOf([
        ["I", "NỘI DUNG", 100, ""],
        ["1", "Kết quả", 100, ""],
        ["a", "Số lượng công việc", 503, ""],
        ["b", "Chất lượng công việc", 50, ""],
      ]),
      BASE,
    );
    expect(r.table!.sections[0].children[0].children.map((c) => c.max)).toEqual([50, 50]);
    expect(codes(r)).toEqual(["criteria.max.footnote@C7"]);
    const bad = parseCriteriaRows(rowsOf([["I", "NỘI DUNG", 100, ""], ["1", "Kết quả", 100, ""], ["a", "Số lượng", 45, ""], ["b", "Chất lượng", 45, ""]]), BASE);
    expect(codes(bad)).toEqual(["criteria.sum.mismatch@C6", "criteria.sum.mismatch@C5", "criteria.scale.mismatch@-"]);
  });

  it("warns at a word with a digit glued on ('giao2', '…việc)1'), not at 'năm 2025' or 'ISO 9001'", () => {
    const r = parseCriteriaRows(
      rowsOf([
        ["I", "NỘI DUNG", 100, ""],
        ["1", "Chất lượng công việc được giao2", 40, ""],
        ["2", "Số lượng công việc (cụ thể hóa bằng các đầu công việc)1", 40, ""],
        ["3", "Kế hoạch năm 2025", 10, ""],
        ["4", "Đạt chuẩn ISO 9001", 10, ""],
      ]),
      BASE,
    );
    expect(codes(r)).toEqual(["criteria.text.footnote@B6", "criteria.text.footnote@B7"]);
    expect(r.issues[0].message.vi).toContain('"2"');
  });
});

describe("options written under a row (Hải Phòng QĐ 212/2025, 5.2)", () => {
  it("'…: 2,5 / …: 0' makes a yes/no criterion; the lines become its guidance with no run-on warning", () => {
    const r = parseCriteriaRows(
      rowsOf([
        ["I", "NỘI DUNG", 100, ""],
        ["1", "Hoàn thành kế hoạch", 97.5, ""],
        ["2", "Tiêu chí đánh giá về công tác giải phóng mặt bằng", "2,5", ""],
        ["", "Tỷ lệ đạt từ 95% trở lên: 2,5", "", ""],
        ["", "Tỷ lệ đạt dưới 95%: 0", "", ""],
      ]),
      BASE,
    );
    const c = r.table!.sections[0].children[1];
    expect(c).toMatchObject({ kind: "yesNo", max: 2.5, note: "", guidance: "Tỷ lệ đạt từ 95% trở lên: 2,5\nTỷ lệ đạt dưới 95%: 0" });
    expect(c.mayBeNotAssessed).toBeUndefined();
    expect(codes(r)).toEqual([]);
  });

  it("'Không được giao chỉ tiêu thì không đánh giá chấm điểm nội dung này' marks the criterion may-be-not-assessed; options of several levels stay points", () => {
    const r = parseCriteriaRows(
      rowsOf([
        ["I", "NỘI DUNG", 100, ""],
        ["1", "Hoàn thành kế hoạch", 96, ""],
        ["2", "Thu nội địa", 4, ""],
        ["", "Đạt và vượt chỉ tiêu: 4", "", ""],
        ["", "Đạt từ 90% đến dưới 100%: 2", "", ""],
        ["", "Dưới 90%: 0", "", ""],
        ["", "Không được giao chỉ tiêu thì không đánh giá chấm điểm nội dung này", "", ""],
      ]),
      BASE,
    );
    expect(r.table!.sections[0].children[1]).toMatchObject({ kind: "points", mayBeNotAssessed: true });
    expect(codes(r)).toEqual([]);
  });
});
