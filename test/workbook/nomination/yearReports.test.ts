import { layoutText, PORTRAIT_PAGE } from "../../../src/workbook/nomination/listSheet";
import { MOTTO, NATIONAL_TITLE } from "../../../src/workbook/voting/minutesSheet";
import {
  ACHIEVEMENT_FORM_LINE,
  ACHIEVEMENT_SECTIONS,
  ACHIEVEMENT_TITLE,
  achievementFacts,
  achievementLayout,
  CONFIRM_TITLE,
  RESULTS_HEADERS,
  UNIT_HEAD_TITLE,
  YEAR_END_SECTIONS,
  yearEndLayout,
} from "../../../src/workbook/nomination/yearReports";
import { A, ACH, B, BLOC, C, FLAG, LDXS, YE } from "./yearReportsFixtures";

describe("the achievement report (báo cáo thành tích, Luật TĐKT 2022 Đ84.1, DOMAIN §5)", () => {
  const layout = achievementLayout(ACH);
  const text = layoutText(layout);

  it("opens with the form line (editable, default from the decree's annex), the NĐ 30 header with the unit, place and date", () => {
    expect(text[0]).toBe(ACHIEVEMENT_FORM_LINE);
    expect(text.slice(1, 5)).toEqual([`${A.toLocaleUpperCase("vi")}\t${NATIONAL_TITLE}`, `————\t${MOTTO}`, "————————", "Bắc Ninh, ngày 10 tháng 12 năm 2026"]);
    expect(layoutText(achievementLayout({ ...ACH, formLine: "Mẫu số 03 (Phụ lục kèm theo Quyết định số 10/2025/QĐ-UBND)" }))[0]).toBe("Mẫu số 03 (Phụ lục kèm theo Quyết định số 10/2025/QĐ-UBND)");
    expect(layoutText(achievementLayout({ ...ACH, formLine: "" }))[0]).toBe(`${A.toLocaleUpperCase("vi")}\t${NATIONAL_TITLE}`);
  });

  it("is titled with the awards the bloc proposes and names the unit", () => {
    const t = text.indexOf(ACHIEVEMENT_TITLE);
    expect(text[t + 1]).toBe(`Đề nghị ${FLAG}; ${LDXS} năm 2026`);
    expect(text).toContain(`Tên tập thể đề nghị: ${A}`);
  });

  it("has every heading of the form, in order, bold; the unit's sections carry a hint, the bloc's figures are filled in", () => {
    const headings = ACHIEVEMENT_SECTIONS.map((s) => s.heading.replace("{year}", "2026"));
    const at = headings.map((h) => text.indexOf(h));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((x, y) => x - y)).toEqual(at);
    for (const h of headings) expect(layout.rows.find((r) => r.pieces[0]?.value === h)?.pieces[0].style.bold).toBe(true);
    // A section to complete is its heading and the hint in italics, nothing else.
    const tasks = text.indexOf("2. Kết quả thực hiện nhiệm vụ chính trị năm 2026");
    expect(text[tasks + 1]).toMatch(/^\(.+\)$/);
    expect(layout.rows.find((r) => r.pieces[0]?.value === text[tasks + 1])?.pieces[0].style.italic).toBe(true);
    const facts = text.indexOf("1. Kết quả chấm điểm, xếp hạng, bình xét thi đua năm 2026 trong Khối");
    expect(text.slice(facts + 1, facts + 7)).toEqual(achievementFacts(ACH));
  });

  it("states the scores by section, total, rank over the units, class, each vote and its outcome, the proposal", () => {
    expect(achievementFacts(ACH)).toEqual([
      "- Điểm theo từng phần: Phần I: 45; Phần II: 50,5; Điểm trừ: 0.",
      "- Tổng điểm: 95,5; xếp hạng: 1/8 (đơn vị dẫn đầu Khối); xếp loại: Hoàn thành xuất sắc nhiệm vụ.",
      `- Đăng ký thi đua năm 2026: ${FLAG}; ${LDXS}.`,
      `- Suy tôn đơn vị đề nghị ${FLAG} năm 2026: 4 phiếu đồng ý, đạt 57,14%; đạt tỷ lệ nhưng không được chọn.`,
      `- Suy tôn đơn vị đề nghị ${FLAG} năm 2026 (lần 2): 6 phiếu đồng ý, đạt 75,00%; được chọn.`,
      `- ${BLOC.name} đề nghị: ${FLAG}; ${LDXS}.`,
    ]);
    const none = achievementFacts({ ...ACH, result: null, votes: [], awards: [], registration: [] });
    expect(none).toEqual([`- Không có kết quả chấm điểm của đơn vị trong bảng tổng hợp của ${BLOC.name}.`, "- Đăng ký thi đua năm 2026: Chưa đăng ký.", `- ${BLOC.name} không đề nghị khen thưởng cho đơn vị.`]);
  });

  it("states the unit's registration of the start of the year (issue #12 point 2; DOMAIN.md §1): the awards, none, or no list in the workbook", () => {
    const line = (registration: string[] | null) => achievementFacts({ ...ACH, registration }).find((l) => l.startsWith("- Đăng ký thi đua"));
    expect(line([LDXS])).toBe(`- Đăng ký thi đua năm 2026: ${LDXS}.`);
    expect(line([])).toBe("- Đăng ký thi đua năm 2026: Chưa đăng ký.");
    expect(line(null)).toBe("- Đăng ký thi đua năm 2026: Không có danh sách đăng ký.");
    expect(layoutText(achievementLayout({ ...ACH, registration: null }))).toContain("- Đăng ký thi đua năm 2026: Không có danh sách đăng ký.");
  });

  it("is signed by the unit's head, confirmed by the level proposing; fits the portrait page", () => {
    const sig = layout.rows.filter((r) => r.kind === "signature").map((r) => r.pieces.map((p) => p.value));
    expect(sig[0]).toEqual([CONFIRM_TITLE, UNIT_HEAD_TITLE]);
    expect(layout.orientation).toBe("Portrait");
    expect(layout.widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(PORTRAIT_PAGE.width);
  });
});

describe("the bloc's year-end report (báo cáo tổng kết, seeds 000, 002, 003)", () => {
  const layout = yearEndLayout(YE);
  const text = layoutText(layout);

  it("has the NĐ 30 header with the bloc over its leader, the number, place and date, the title", () => {
    expect(text.slice(0, 4)).toEqual([`${BLOC.name.toLocaleUpperCase("vi")}\t${NATIONAL_TITLE}`, `SỞ VĂN HÓA\t${MOTTO}`, "————\t————————", "Số: 7/BC-KTĐ\tBắc Ninh, ngày 10 tháng 12 năm 2026"]);
    expect(text[text.indexOf("BÁO CÁO") + 1]).toBe(`Tổng kết công tác thi đua, khen thưởng năm 2026 của ${BLOC.name}`);
    expect(layoutText(yearEndLayout({ ...YE, number: undefined }))[3]).toMatch(/^Số: …+\/BC-KTĐ\t/);
  });

  it("has the sections of the data, in order; narrative ones are left empty with a hint", () => {
    const headings = YEAR_END_SECTIONS.map((s) => s.heading.replace("{year}", "2026").replace("{next}", "2027"));
    const at = headings.map((h) => text.indexOf(h));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((x, y) => x - y)).toEqual(at);
    YEAR_END_SECTIONS.forEach((s, i) => {
      if (!s.fill) expect(text[at[i] + 1]).toMatch(/^\(.+\)$/);
    });
  });

  it("has the results as a bordered table: a row per unit with total, rank, class and the leading mark", () => {
    const t = layout.tables[0];
    expect(layout.table).toBe(t);
    expect(t.rows).toBe(YE.results.length + 1);
    const rows = layout.rows.slice(t.first, t.first + t.rows).map((r) => r.pieces.map((p) => p.value));
    expect(rows).toEqual([[...RESULTS_HEADERS], [1, A, 95.5, 1, "Hoàn thành xuất sắc nhiệm vụ", "Dẫn đầu"], [2, B, 90.25, 2, "Hoàn thành tốt nhiệm vụ", ""], [3, C, "", "", "Cần kiểm tra", ""]]);
  });

  it("states each vote with its figures and outcome, the proposals per award and next year's leadership", () => {
    expect(text).toContain(`1. Suy tôn đơn vị đề nghị ${FLAG} năm 2026: ${A} 6 phiếu (75,00%); ${B} 2 phiếu (25,00%).`);
    expect(text).toContain(`Kết quả: ${A} được chọn.`);
    expect(text).toContain(`- ${FLAG} (1): ${A}.`);
    expect(text).toContain(`- ${LDXS} (2): ${A}, ${B}.`);
    expect(text).toContain(`- Trưởng khối: ${B} (Bầu).`);
    expect(text).toContain(`- Phó Trưởng khối: ${C}.`);
    const bare = layoutText(yearEndLayout({ ...YE, votes: [], proposals: [], nextLeadership: null }));
    expect(bare).toContain("Không có cuộc bỏ phiếu nào.");
    expect(bare).toContain(`${BLOC.name} không đề nghị khen thưởng tập thể nào.`);
    expect(bare).toContain("Chưa có kết quả chọn Trưởng khối, Phó Trưởng khối năm 2027.");
  });

  it("is signed by the bloc leader with the recipients; fits the portrait page", () => {
    const right = layout.rows.filter((r) => r.kind === "signature").flatMap((r) => r.pieces.filter((p) => p.col === layout.right.col).map((p) => p.value));
    expect(right).toEqual(["TRƯỞNG KHỐI", "(Ký, ghi rõ họ tên, đóng dấu)"]);
    expect(layout.widths.reduce((a, b) => a + b, 0)).toBe(PORTRAIT_PAGE.width);
  });
});
