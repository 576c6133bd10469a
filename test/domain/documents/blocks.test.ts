/**
 * The shared blocks of the documents module (issue #13 point 4; NĐ 30/2020/NĐ-CP form, DOMAIN §5):
 * the heading, number and date, signatures and recipients, and numbers per a cell's format.
 */
import { clockText, count2, DocBuilder, formatByNumberFormat, layoutText, MOTTO, NATIONAL_TITLE, numberedDate, numberLine, provinceName, symbolNumber } from "../../../src/domain/documents";

describe("the heading's words", () => {
  it("writes a number with its symbol, keeps a full one, leaves dots to fill in (NĐ 30 'Số: …/…')", () => {
    expect(numberLine("12", "TTr-KTĐ")).toBe("Số: 12/TTr-KTĐ");
    expect(numberLine(" 05/TTr-KVX ", "TTr-KTĐ")).toBe("Số: 05/TTr-KVX");
    expect(symbolNumber("", "BC-KTĐ")).toBe("……/BC-KTĐ");
    expect(numberedDate("12", { day: 5, month: 1, year: 2026 })).toBe("05/01/2026");
    expect(numberedDate(undefined, { day: 5, month: 1, year: 2026 })).toBe("……");
  });

  it("writes the province, counts under ten and the clock as documents do", () => {
    expect(provinceName("Bắc Ninh")).toBe("tỉnh Bắc Ninh");
    expect(provinceName("thành phố Hà Nội")).toBe("thành phố Hà Nội");
    expect([count2(2), count2(12)]).toEqual(["02", "12"]);
    expect(clockText(8, 5)).toBe("08 giờ 05 phút");
  });
});

describe("numbers per a cell's format (the .docx and text renderers)", () => {
  it("rounds to the format's decimals with a decimal comma, groups with '.', unsigned zero", () => {
    expect(formatByNumberFormat(57.142857, "0.00")).toBe("57,14");
    expect(formatByNumberFormat(4.6, "0")).toBe("5");
    expect(formatByNumberFormat(1234567.891, "#,##0.00")).toBe("1.234.567,89");
    expect(formatByNumberFormat(0.5714, "0.0%")).toBe("57,1%");
    expect(formatByNumberFormat(-0.001, "0.00")).toBe("0,00");
    expect(formatByNumberFormat(92.5)).toBe("92,5");
  });
});

describe("the builder's blocks", () => {
  const b = new DocBuilder([100, 100, 100], { col: 0, span: 1 }, { col: 1, span: 2 });
  b.header("Khối thi đua", "Sở Y tế");
  b.numberAndDate("Số: 1/BC", "Bắc Ninh", { day: 5, month: 12, year: 2026 });
  b.title("BÁO CÁO", ["Về việc"], { rule: true, after: 6 });
  const titleEnd = b.rows.length;
  b.signatures({ title: "THƯ KÝ", hint: "(Ký)", name: "An" }, { title: ["CHỦ TRÌ", "SỞ Y TẾ"], hint: "(Ký)", name: "" }, 64);
  const text = layoutText(b.layout("Portrait"));

  it("stacks the body above, the issuing body and its rule left; the national title, motto and rule right", () => {
    expect(text.slice(0, 4)).toEqual([`KHỐI THI ĐUA\t${NATIONAL_TITLE}`, `SỞ Y TẾ\t${MOTTO}`, "————\t————————", "Số: 1/BC\tBắc Ninh, ngày 05 tháng 12 năm 2026"]);
    expect(b.rows[0].pieces[0].style.bold).toBeFalsy();
    expect(b.rows[1].pieces[0].style.bold).toBe(true);
    expect(b.rows[3].pieces[1].style.italic).toBe(true);
  });

  it("puts the title in bold title size, its sub-line, the rule and the space after", () => {
    expect(text.slice(4, 7)).toEqual(["BÁO CÁO", "Về việc", "————"]);
    expect(b.rows[titleEnd - 1]).toEqual({ kind: "space", pieces: [], height: 6 });
  });

  it("lines up the two signers' titles, hints, the signing space and the names", () => {
    expect(text.slice(7)).toEqual(["THƯ KÝ\tCHỦ TRÌ", "SỞ Y TẾ", "(Ký)\t(Ký)", "An"]);
    expect(b.rows.find((r) => r.kind === "space" && r.height === 64)).toBeDefined();
  });

  it("prints 'Nơi nhận' beside the signer, the hint on the first recipient's line, the name after the space", () => {
    const s = new DocBuilder([100, 100], { col: 0, span: 1 }, { col: 1, span: 1 });
    s.signWithRecipients(["- Như trên;", "- Lưu: VT."], "TRƯỞNG KHỐI", "(Ký, đóng dấu)", " An ");
    expect(layoutText(s.layout("Portrait"))).toEqual(["Nơi nhận:\tTRƯỞNG KHỐI", "- Như trên;\t(Ký, đóng dấu)", "- Lưu: VT.", "An"]);
  });
});
