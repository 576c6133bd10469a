import type { CriteriaTable, Criterion } from "../../src/domain/criteria/model";
import { parseCriteriaRows, parseKind, parseNumber, parseNumbering, type CriteriaBase, type CriteriaRow, type CriteriaRowCells } from "../../src/domain/criteria/parse";
import { whereKey } from "../../src/domain/criteria/validate";
import { columnLetter } from "../../src/workbook/a1";

const SHEET = "Dán";
const FIRST_ROW = 5;

const BASE: CriteriaBase = {
  title: "Bảng tiêu chí năm 2026",
  scale: 100,
  allowOverScale: true, // chosen: with "Không" the bonus passing 100 is warned of (issue #10 point 10)
  decimals: 2,
  step: 0.25,
  bonusCap: 5,
  penaltyCap: null,
  legalBasis: "",
  sample: false,
};

type Col = keyof CriteriaRowCells;

/** Rows as a sheet would hand them: row i at sheet row FIRST_ROW + i, the columns lettered A, B, C… in `cols` order. */
function rowsOf(data: unknown[][], cols: Col[] = ["stt", "text", "max", "note"]): CriteriaRow[] {
  return data.map((values, i) => {
    const r = FIRST_ROW + i;
    const cells = { stt: undefined, text: undefined, max: undefined } as CriteriaRowCells;
    const where: CriteriaRow["where"] = { row: { sheet: SHEET, cell: `A${r}:${columnLetter(cols.length - 1)}${r}` } };
    cols.forEach((c, k) => {
      cells[c] = values[k] ?? "";
      where[c] = { sheet: SHEET, cell: `${columnLetter(k)}${r}` };
    });
    return { cells, where };
  });
}

/** The tree as lines: "id number max kind" indented by depth. */
function outline(t: CriteriaTable): string[] {
  const out: string[] = [];
  const walk = (c: Criterion, d: number) => {
    out.push(`${"  ".repeat(d)}${c.id} [${c.number}] ${c.max ?? "-"} ${c.kind ?? "group"}`);
    c.children.forEach((k) => walk(k, d + 1));
  };
  t.sections.forEach((s) => walk(s, 0));
  return out;
}

const codes = (r: ReturnType<typeof parseCriteriaRows>) => r.issues.map((i) => `${i.code}@${i.where?.cell ?? "-"}`);

/**
 * A bloc's table as pasted from Word: Roman sections in capitals, "1.", "1.1", "a)" and "-" rows,
 * Vietnamese decimals, a note that runs on to a second row, bonus and penalty sections without a
 * kind column, and a total row.
 */
const PASTED: unknown[][] = [
  ["I", "THỰC HIỆN NHIỆM VỤ CHÍNH TRỊ, CHUYÊN MÔN ĐƯỢC GIAO", 40, ""],
  ["1.", "Hoàn thành kế hoạch công tác năm", 20, ""],
  ["1.1", "Hoàn thành 100% chỉ tiêu được giao", 12, "Căn cứ báo cáo tổng kết năm"],
  ["1.2", "Chất lượng tham mưu văn bản", "8", ""],
  ["a)", "Tham mưu ban hành văn bản đúng hạn", "4,5", ""],
  ["b)", "Văn bản tham mưu bảo đảm chất lượng", "3,5", ""],
  ["2.", "Thực hiện nhiệm vụ đột xuất được giao", 10, ""],
  ["-", "Hoàn thành đúng thời hạn", "2,5", ""],
  ["-", "Bảo đảm chất lượng, hiệu quả", "7,5", ""],
  ["3.", "Công tác phòng, chống tham nhũng, tiêu cực", 10, "Đạt/không đạt"],
  ["", "(căn cứ kết luận thanh tra, kiểm tra)", "", ""],
  ["", "", "", ""],
  ["II", "CẢI CÁCH HÀNH CHÍNH, CHUYỂN ĐỔI SỐ", "30", ""],
  ["1", "Cải cách thủ tục hành chính", 15, ""],
  ["2", "Chuyển đổi số, ứng dụng công nghệ thông tin", 15, ""],
  ["III", "CÔNG TÁC THI ĐUA, KHEN THƯỞNG", 30, ""],
  ["1", "Ban hành kế hoạch thi đua năm đúng thời hạn (đạt/không đạt)", 10, ""],
  ["2", "Tổ chức phát động thi đua; tham gia hoạt động vì cộng đồng", 20, ""],
  ["IV", "ĐIỂM THƯỞNG", 5, ""],
  ["1", "Được khen thưởng đột xuất trong năm", 3, ""],
  ["2", "Có sáng kiến được cấp tỉnh công nhận", 2, ""],
  ["V", "ĐIỂM TRỪ", "", ""],
  ["1", "Không tổ chức phát động phong trào thi đua", 5, ""],
  ["2", "Mỗi báo cáo gửi chậm (trừ 0,5 điểm/lần)", "2", ""],
  ["", "TỔNG CỘNG (I + II + III)", 100, ""],
];

describe("parseCriteriaRows: a realistic pasted table", () => {
  const r = parseCriteriaRows(rowsOf(PASTED), BASE);

  it("builds the tree, with kinds from the section titles and the text", () => {
    expect(r.table).not.toBeNull();
    expect(outline(r.table!)).toEqual([
      "I [I] 40 group",
      "  I.1 [1] 20 group",
      "    I.1.1 [1.1] 12 points",
      "    I.1.2 [1.2] 8 group",
      "      I.1.2.a [a] 4.5 points",
      "      I.1.2.b [b] 3.5 points",
      "  I.2 [2] 10 group",
      "    I.2.-1 [-] 2.5 points",
      "    I.2.-2 [-] 7.5 points",
      "  I.3 [3] 10 yesNo",
      "II [II] 30 group",
      "  II.1 [1] 15 points",
      "  II.2 [2] 15 points",
      "III [III] 30 group",
      "  III.1 [1] 10 yesNo",
      "  III.2 [2] 20 points",
      "IV [IV] 5 group",
      "  IV.1 [1] 3 bonus",
      "  IV.2 [2] 2 bonus",
      "V [V] - group",
      "  V.1 [1] 5 penalty",
      "  V.2 [2] 2 penalty",
    ]);
  });

  it("keeps the table's settings, the texts and notes (the run-on row joins the note, with a warning)", () => {
    const t = r.table!;
    expect(t).toMatchObject({ ...BASE, sections: expect.any(Array) });
    expect(t.sections[0].text).toBe("THỰC HIỆN NHIỆM VỤ CHÍNH TRỊ, CHUYÊN MÔN ĐƯỢC GIAO");
    expect(t.sections[0].children[0].children[0].note).toBe("Căn cứ báo cáo tổng kết năm");
    expect(t.sections[0].children[2].note).toBe("Đạt/không đạt\n(căn cứ kết luận thanh tra, kiểm tra)");
    expect(codes(r)).toEqual(["criteria.row.continuation@B15"]);
    expect(r.issues[0].severity).toBe("warning");
  });

  it("locates every criterion's row and cells", () => {
    expect(r.at.get("I")).toEqual({ sheet: SHEET, cell: "A5:D5" });
    expect(r.at.get(whereKey("I.1.2.a", "max"))).toEqual({ sheet: SHEET, cell: "C9" });
    expect(r.at.get(whereKey("V.2", "text"))).toEqual({ sheet: SHEET, cell: "B28" });
    expect(r.at.get(whereKey("V.2", "kind"))).toBeUndefined();
  });
});

describe("parseCriteriaRows: numbering", () => {
  it("recognises the forms of STT", () => {
    const n = (v: unknown) => {
      const x = parseNumbering(v);
      return x.kind === "none" ? "none" : x.kind === "unknown" ? `unknown` : `${x.kind}:${x.number}`;
    };
    expect(["I", "II.", "Phần I", "PHẦN II", "phần iii:", "XIV", "Phần 2"].map(n)).toEqual([
      "section:I",
      "section:II",
      "section:I",
      "section:II",
      "section:III",
      "section:XIV",
      "section:Phần 2",
    ]);
    expect(["1", 1, "1.", "2)", "1.1", 1.1, "1.2.3", "01.02"].map(n)).toEqual([
      "number:1",
      "number:1",
      "number:1",
      "number:2",
      "number:1.1",
      "number:1.1",
      "number:1.2.3",
      "number:1.2",
    ]);
    expect(["a", "a)", "b.", "(c)", "đ", "i", "v"].map(n)).toEqual(["letter:a", "letter:a", "letter:b", "letter:c", "letter:đ", "letter:i", "letter:v"]);
    expect(["-", "+", "•", "–"].map(n)).toEqual(["bullet:-", "bullet:+", "bullet:•", "bullet:–"]);
    expect(["", null, undefined, "  "].map(n)).toEqual(["none", "none", "none", "none"]);
    expect(["A", "1a", "IIII", "*1", "Phần A"].map(n)).toEqual(["unknown", "unknown", "unknown", "unknown", "unknown"]);
  });

  it("makes an implicit section when criteria come before any Roman numeral", () => {
    const r = parseCriteriaRows(
      rowsOf([
        [1, "Nhiệm vụ chuyên môn", 60],
        [1.1, "Chỉ tiêu kế hoạch", 60],
        ["a", "Chỉ tiêu kinh tế", 30],
        ["b", "Chỉ tiêu xã hội", 30],
        ["2", "Công tác thi đua", 40],
      ]),
      BASE,
    );
    expect(codes(r)).toEqual([]);
    expect(outline(r.table!)).toEqual(["0 [] - group", "  1 [1] 60 group", "    1.1 [1.1] 60 group", "      1.1.a [a] 30 points", "      1.1.b [b] 30 points", "  2 [2] 40 points"]);
  });

  it("reads numbers typed at the start of the text when STT is empty", () => {
    const r = parseCriteriaRows(
      rowsOf([
        ["", "I. Nhiệm vụ chuyên môn", 100],
        ["", "1. Kế hoạch năm", 60],
        ["", "1.1 Chỉ tiêu được giao", 60],
        ["", "2) Nhiệm vụ đột xuất", 40],
        ["", "a) Đúng hạn", 40],
      ]),
      BASE,
    );
    expect(codes(r)).toEqual([]);
    expect(outline(r.table!)).toEqual(["I [I] 100 group", "  I.1 [1] 60 group", "    I.1.1 [1.1] 60 points", "  I.2 [2] 40 group", "    I.2.a [a] 40 points"]);
    expect(r.table!.sections[0].children[1].children[0].text).toBe("Đúng hạn");
  });

  it("puts bullets and unnumbered scored rows under the previous numbered row", () => {
    const r = parseCriteriaRows(
      rowsOf([
        ["I", "Phần I", ""],
        ["1", "Tiêu chí có gạch đầu dòng", ""],
        ["a", "Tiêu chí a", ""],
        ["+", "Ý thứ nhất", 40],
        ["", "- Ý thứ hai", 30],
        ["", "Ý thứ ba, không gạch", 30],
      ]),
      BASE,
    );
    expect(codes(r)).toEqual([]);
    expect(outline(r.table!)).toEqual([
      "I [I] - group",
      "  I.1 [1] - group",
      "    I.1.a [a] - group",
      "      I.1.a.-1 [+] 40 points",
      "      I.1.a.-2 [-] 30 points",
      "      I.1.a.-3 [] 30 points",
    ]);
    expect(r.table!.sections[0].children[0].children[0].children[1].text).toBe("Ý thứ hai");
  });

  it("reports a criterion whose parent number is missing, and a letter with no numbered criterion", () => {
    const r = parseCriteriaRows(
      rowsOf([
        ["I", "Phần I", ""],
        ["1", "Một", 50],
        ["2.1", "Hai chấm một", 50],
        ["II", "Phần II", ""],
        ["a", "Chữ a ngay dưới phần", 0],
      ]),
      BASE,
    );
    expect(r.table).toBeNull();
    expect(codes(r)).toEqual(["criteria.number.orphan@A7", "criteria.number.orphan@A9"]);
    expect(r.issues[0].message.vi).toContain('"2"');
  });

  it("reports STT it cannot read, and repeated numbers", () => {
    const r = parseCriteriaRows(
      rowsOf([
        ["I", "Phần I", ""],
        ["1", "Một", 50],
        ["1", "Một nữa", 25],
        ["A.", "Chữ hoa", 25],
      ]),
      BASE,
    );
    expect(codes(r)).toEqual(["criteria.number.unknown@A8", "criteria.number.duplicate@A7", "criteria.scale.mismatch@-"]);
    // The generated ids stay unique; only the numbering is reported.
    expect(r.at.get("I.1~2")).toEqual({ sheet: SHEET, cell: "A7:D7" });
  });

  it("skips blank rows, a repeated header, the (1) (2) (3) row and total rows", () => {
    const r = parseCriteriaRows(
      rowsOf([
        ["STT", "Nội dung tiêu chí", "Điểm chuẩn", "Ghi chú"],
        ["(1)", "(2)", "(3)", "(4)"],
        ["I", "Phần I", 100],
        [null, undefined, "", "  "],
        ["1", "Một", 100],
        ["", "Cộng", 100],
        ["TT", "Nội dung", "Điểm", ""],
        ["", "Tổng số điểm tối đa:", "95"],
      ]),
      BASE,
    );
    expect(codes(r)).toEqual(["criteria.total.mismatch@C12"]);
    expect(outline(r.table!)).toEqual(["I [I] 100 group", "  I.1 [1] 100 points"]);
  });

  it("a row whose text only looks like a total word is not a total", () => {
    const r = parseCriteriaRows(
      rowsOf([
        ["I", "Phần I", 100],
        ["1", "Một", ""],
        ["", "Tổng kết, đánh giá phong trào", 60],
        ["", "Công tác khác", 40],
        ["", "TONG CONG", 100],
      ]),
      BASE,
    );
    expect(codes(r)).toEqual([]);
    expect(outline(r.table!)).toEqual(["I [I] 100 group", "  I.1 [1] - group", "    I.1.-1 [] 60 points", "    I.1.-2 [] 40 points"]);
  });

  it("text before the first criterion is skipped with a warning", () => {
    const r = parseCriteriaRows(rowsOf([["", "Kèm theo Quy chế của Khối", ""], ["1", "Một", 100]]), BASE);
    expect(codes(r)).toEqual(["criteria.row.ignored@B5"]);
    expect(r.table).not.toBeNull();
  });
});

describe("parseCriteriaRows: kinds", () => {
  it("parses the Loại column in Vietnamese, English, without accents", () => {
    const k = (v: unknown) => parseKind(v);
    expect(["Điểm", "diem", "Points", "points"].map(k)).toEqual(["points", "points", "points", "points"]);
    expect(["Đạt/Không đạt", "dat/khong dat", "Đạt / không đạt", "Yes/No", "yesNo"].map(k)).toEqual(["yesNo", "yesNo", "yesNo", "yesNo", "yesNo"]);
    expect(["Theo lần", "theo lan", "Per occurrence", "perOccurrence"].map(k)).toEqual(["perOccurrence", "perOccurrence", "perOccurrence", "perOccurrence"]);
    expect(["Thưởng", "thuong", "cộng", "Điểm cộng", "điểm thưởng", "Bonus"].map(k)).toEqual(["bonus", "bonus", "bonus", "bonus", "bonus", "bonus"]);
    expect(["Trừ", "tru", "Điểm trừ", "Penalty"].map(k)).toEqual(["penalty", "penalty", "penalty", "penalty"]);
    expect(k("")).toBeNull();
    expect(k("Khác")).toBe("invalid");
  });

  it("takes the kind from the column, infers it when the cell is blank, and reports unknown ones at their cell", () => {
    const cols: Col[] = ["stt", "text", "max", "kind", "unit"];
    const data = [
      ["I", "Nội dung", 100, "", ""],
      ["1", "Tiêu chí điểm", 50, "", ""],
      ["2", "Mỗi sáng kiến được công nhận", 30, "", 10],
      ["3", "Có/không", 20, "Đạt/Không đạt", ""],
      ["II", "Các khoản cộng thêm", "", "", ""],
      ["1", "Khen thưởng đột xuất", 5, "thuong", ""],
      ["2", "Kỷ luật", 2, "tru", 1],
      ["3", "Điểm trừ ghi ở cột loại", 2, "Điểm", ""],
    ];
    const r = parseCriteriaRows(rowsOf(data, cols), BASE);
    expect(codes(r)).toEqual(["criteria.scale.mismatch@-"]); // 100 + 2 points under II
    expect(outline(r.table!)).toEqual([
      "I [I] 100 group",
      "  I.1 [1] 50 points",
      "  I.2 [2] 30 perOccurrence",
      "  I.3 [3] 20 yesNo",
      "II [II] - group",
      "  II.1 [1] 5 bonus",
      "  II.2 [2] 2 penalty",
      "  II.3 [3] 2 points",
    ]);
    expect(r.table!.sections[0].children[1].unit).toBe(10);
    data[7][3] = "Khác";
    const bad = parseCriteriaRows(rowsOf(data, cols), BASE);
    // The unknown kind falls back to the row's own words, "Điểm trừ…" (issue #10 point 9): a penalty, so no scale mismatch.
    expect(codes(bad)).toEqual(["criteria.kind.unknown@D12"]);
    expect(bad.table).toBeNull();
    expect(bad.issues[0].message.vi).toContain("Đạt/Không đạt");
    // A kind on a group row is refused by the validator, at the kind cell.
    data[7][3] = "";
    data[0][3] = "Điểm";
    expect(codes(parseCriteriaRows(rowsOf(data, cols), BASE))).toContain("criteria.kind.onGroup@D5");
  });

  it("infers kinds from section titles without mistaking 'khen thưởng' or 'cộng đồng' for bonus", () => {
    const r = parseCriteriaRows(
      rowsOf([
        ["I", "Công tác thi đua, khen thưởng", 50],
        ["1", "Hoạt động vì cộng đồng", 50],
        ["II", "Cộng đồng và xã hội", 50],
        ["1", "Tham gia hoạt động xã hội", 50],
        ["III", "Điểm cộng", ""],
        ["1", "Sáng kiến", 2],
        ["IV", "CÁC TRƯỜNG HỢP BỊ TRỪ ĐIỂM", ""],
        ["1", "Báo cáo chậm", 2],
        ["V", "Thưởng", ""],
        ["1", "Đột xuất", 1],
        ["VI", "Trừ", ""],
        ["1", "Vắng họp", 1],
        ["VII", "DIEM THUONG", ""],
        ["1", "Khong dau", 1],
        ["VIII", "Xây dựng Đảng (không đạt trừ điểm)", 0],
        ["1", "Chi bộ vững mạnh", 0],
      ]),
      // Three bonus rows need a stated cap on them together (issue #11: criteria.bonusCap.missing).
      { ...BASE, bonusCap: 4 },
    );
    expect(r.table!.sections.map((s) => s.children[0].kind)).toEqual(["points", "points", "bonus", "penalty", "bonus", "penalty", "bonus", "points"]);
  });

  it("reads a negative penalty as positive with a warning, and refuses a negative max elsewhere", () => {
    const r = parseCriteriaRows(
      rowsOf([
        ["I", "Nội dung", 100],
        ["1", "Một", 100],
        ["II", "Điểm trừ", ""],
        ["1", "Không tổ chức phát động phong trào thi đua", "-8"],
        ["2", "Báo cáo chậm", -1],
      ]),
      BASE,
    );
    expect(codes(r)).toEqual(["criteria.penalty.negative@C8", "criteria.penalty.negative@C9"]);
    expect(r.table!.sections[1].children.map((c) => c.max)).toEqual([8, 1]);
    const bad = parseCriteriaRows(rowsOf([["I", "Nội dung", 100], ["1", "Một", "-100"]]), BASE);
    expect(codes(bad)).toEqual(["criteria.max.negative@C6", "criteria.sum.mismatch@C5", "criteria.scale.mismatch@-"]);
  });
});

describe("parseCriteriaRows: numbers", () => {
  it("reads Vietnamese and plain numbers", () => {
    const cases: [unknown, number | null | "invalid"][] = [
      [10, 10],
      ["10", 10],
      ["10,5", 10.5],
      [",5", 0.5],
      ["1.000", 1000],
      ["1.000.000", 1000000],
      ["1.500,5", 1500.5],
      ["0.25", 0.25],
      ["2.5", 2.5],
      ["0.250", 0.25],
      ["12.50", 12.5],
      ["10 điểm", 10],
      ["5đ", 5],
      ["-8", -8],
      ["−8", -8],
      ["(3)", 3],
      ["", null],
      [null, null],
      ["mười", "invalid"],
      ["1,000.5", "invalid"],
      [Number.NaN, "invalid"],
    ];
    for (const [v, want] of cases) expect([v, parseNumber(v)]).toEqual([v, want]);
  });

  it("reports a max that is not a number once, at its cell", () => {
    const r = parseCriteriaRows(rowsOf([["I", "Phần I", ""], ["1", "Một", "mười"], ["2", "Hai", 100]]), BASE);
    expect(codes(r)).toEqual(["criteria.max.notNumber@C6"]);
    expect(r.table).toBeNull();
  });

  it("reports weights, steps and units that are not numbers, and uses weights", () => {
    const cols: Col[] = ["stt", "text", "max", "weight", "step", "unit"];
    const r = parseCriteriaRows(
      rowsOf(
        [
          ["I", "Phần I", "", "", "", ""],
          ["1", "Một", 50, "2", "0,5", ""],
          ["2", "Hai", 50, "x", "y", "z"],
        ],
        cols,
      ),
      BASE,
    );
    expect(codes(r)).toEqual(["criteria.weight.invalid@D7", "criteria.step.invalid@E7", "criteria.unit.invalid@F7", "criteria.weight.used@D6", "criteria.scale.mismatch@-"]);
    const ok = parseCriteriaRows(rowsOf([["I", "Phần I", "", "", "", ""], ["1", "Một", 50, "2", "0,5", ""], ["2", "Hai", 0, "", "", ""]], cols), BASE);
    expect(codes(ok)).toEqual(["criteria.weight.used@D6"]);
    expect(ok.table!.sections[0].children[0]).toMatchObject({ weight: 2, step: 0.5 });
  });
});

describe("parseCriteriaRows: ids", () => {
  const cols: Col[] = ["stt", "text", "max", "id"];

  it("keeps ids from the Mã column, and numbers new rows without taking a kept id", () => {
    const r = parseCriteriaRows(
      rowsOf(
        [
          ["I", "Phần I", 100, "I"],
          ["1", "Tiêu chí mới chèn lên đầu", 30, ""],
          ["2", "Tiêu chí cũ (trước là 1)", 40, "I.1"],
          ["3", "Tiêu chí cũ (trước là 2)", 30, "I.2"],
        ],
        cols,
      ),
      BASE,
    );
    expect(codes(r)).toEqual([]);
    expect(r.table!.sections[0].children.map((c) => c.id)).toEqual(["I.1~2", "I.1", "I.2"]);
    expect(r.at.get(whereKey("I.1", "max"))).toEqual({ sheet: SHEET, cell: "C7" });
  });

  it("reports an id used twice, at the second id cell", () => {
    const r = parseCriteriaRows(
      rowsOf(
        [
          ["I", "Phần I", 100, ""],
          ["1", "Một", 50, "X"],
          ["2", "Hai (chép từ dòng trên)", 50, "X"],
        ],
        cols,
      ),
      BASE,
    );
    expect(codes(r)).toEqual(["criteria.id.duplicate@D7"]);
  });

  it("numbers sections given as 'Phần 1' with their own ids", () => {
    const r = parseCriteriaRows(rowsOf([["Phần 1", "Nội dung", 100], ["1", "Một", 100]]), BASE);
    expect(outline(r.table!)).toEqual(["P1 [Phần 1] 100 group", "  P1.1 [1] 100 points"]);
  });
});

describe("parseCriteriaRows: errors from the validator, at the pasted cells", () => {
  it("a group's max that is not its children's sum, text errors and an empty table", () => {
    const r = parseCriteriaRows(
      rowsOf([
        ["I", "Phần I", 40],
        ["1", "=SUM(C2:C3)", 20],
        ["2", "", 15],
      ]),
      BASE,
    );
    expect(codes(r)).toEqual(["criteria.text.formula@B6", "criteria.text.empty@B7", "criteria.sum.mismatch@C5", "criteria.scale.mismatch@-"]);
    expect(r.issues[2].message.vi).toMatch(/40.*35/);
    expect(codes(parseCriteriaRows([], BASE))).toEqual(["criteria.empty@-"]);
  });

  it("passes the table's cells to the validator", () => {
    const r = parseCriteriaRows(rowsOf([["I", "Phần I", ""], ["1", "Một", 90]]), BASE, { scale: { sheet: SHEET, cell: "C2" } });
    expect(codes(r)).toEqual(["criteria.scale.mismatch@C2"]);
    expect(r.table).not.toBeNull(); // a warning does not stop the table
  });

  it("a section with no criteria under it is itself scored; with no max either, it carries no points (issue #10 point 8, Cần Thơ KH 157/2025 II)", () => {
    const r = parseCriteriaRows(rowsOf([["I", "Phần I", 60], ["II", "Phần II (chấm chung)", 40], ["III", "Phần III", ""]]), BASE);
    expect(codes(r)).toEqual(["criteria.section.noPoints@C7"]);
    expect(r.table!.sections.map((s) => [s.kind, s.noPoints ?? false])).toEqual([["points", false], ["points", false], [null, true]]);
  });
});
