import type { AwardKind, Proposal } from "../../../src/domain/nomination/model";
import { writeSheets } from "../../../src/excel/apply";
import { MemoryHost } from "../../../src/host";
import { layoutSheetPlan, layoutText, PORTRAIT_PAGE } from "../../../src/workbook/nomination/listSheet";
import { ATTACHED, basisLines, submissionLayout, submissionNumber, type SubmissionInput } from "../../../src/workbook/nomination/submission";
import { UNITS } from "../../domain/voting/helpers";

const [A, B, C, D, E] = UNITS;
const FLAG = "Cờ thi đua của UBND tỉnh";
const LDXS = "Tập thể lao động xuất sắc";
const BK = "Bằng khen của Chủ tịch UBND tỉnh";
const LAW = "Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022";
const DECREE = "Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định chi tiết một số điều của Luật Thi đua, khen thưởng";

function proposal(unit: string, awardId: string, award: string, kind: AwardKind, over: Partial<Proposal> = {}): Proposal {
  return { unit, awardId, award, kind, proposed: true, reasons: [], override: null, total: null, rank: null, band: "", votes: null, denominator: null, percent: null, voteId: null, ...over };
}

const INPUT: SubmissionInput = {
  bloc: { name: "Khối thi đua các cơ quan Văn hóa - Xã hội", province: "Bắc Ninh", year: 2026, leader: "Sở Văn hóa" },
  place: "Bắc Ninh",
  at: { day: 10, month: 12, year: 2026 },
  number: "15",
  proposals: [
    proposal(E, "bk-tinh", BK, "reward"),
    proposal(A, "co-tinh", FLAG, "title"),
    proposal(B, "co-tinh", FLAG, "title"),
    proposal(D, "co-cp", "Cờ thi đua của Chính phủ", "title", { proposed: false }),
    proposal(C, "tt-ldxs", LDXS, "title"),
  ],
  // The same bases as several awards give them: repeated, differently spaced or cased, two in one entry.
  catalogueBasis: [`Căn cứ ${LAW};`, `${LAW}\n${DECREE}`, `  căn cứ  ${LAW.toLocaleLowerCase("vi")} `, DECREE, ""],
  leaderName: "Nguyễn Văn An",
};

describe("the submission (tờ trình)", () => {
  const layout = submissionLayout(INPUT);
  const text = layoutText(layout);

  it("has the NĐ 30 header with the bloc over the leader unit, the number, place and date", () => {
    expect(text.slice(0, 4)).toEqual([
      "KHỐI THI ĐUA CÁC CƠ QUAN VĂN HÓA - XÃ HỘI\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "SỞ VĂN HÓA\tĐộc lập - Tự do - Hạnh phúc",
      "————\t————————",
      "Số: 15/TTr-KTĐ\tBắc Ninh, ngày 10 tháng 12 năm 2026",
    ]);
    expect(layout.rows[3].pieces[1].style.italic).toBe(true);
    expect(submissionNumber()).toMatch(/^Số: …+\/TTr-KTĐ$/);
    expect(submissionNumber("15/TTr-KTVHXH")).toBe("Số: 15/TTr-KTVHXH");
  });

  it("has the title, the subject and the addressee", () => {
    const t = text.indexOf("TỜ TRÌNH");
    expect(t).toBeGreaterThan(3);
    expect(text[t + 1]).toBe("Về việc đề nghị khen thưởng năm 2026");
    expect(text).toContain("Kính gửi: Hội đồng Thi đua - Khen thưởng tỉnh Bắc Ninh.");
    const hanoi = layoutText(submissionLayout({ ...INPUT, bloc: { ...INPUT.bloc, province: "thành phố Hà Nội" } }));
    expect(hanoi).toContain("Kính gửi: Hội đồng Thi đua - Khen thưởng thành phố Hà Nội.");
  });

  it("cites each legal basis once, in order, as “Căn cứ …;” lines", () => {
    expect(text.filter((l) => l.startsWith("Căn cứ"))).toEqual([`Căn cứ ${LAW};`, `Căn cứ ${DECREE};`]);
    expect(basisLines([])).toEqual([]);
    expect(basisLines(["căn cứ  Quyết định số 10/2025/QĐ-UBND.", "Can cu Quyet dinh so 10/2025/QĐ-UBND"])).toEqual([
      "Căn cứ Quyết định số 10/2025/QĐ-UBND;",
      "Căn cứ Quyet dinh so 10/2025/QĐ-UBND;",
    ]);
  });

  it("says what the bloc did and proposes, counts per award, lists the units per award, attaches the list", () => {
    const body = text.find((l) => l.startsWith("Khối thi đua các cơ quan Văn hóa - Xã hội đã tổ chức hội nghị bình xét"))!;
    expect(body).toContain("bỏ phiếu kín");
    expect(body).toContain("chấm điểm");
    expect(body).toContain(`cho 04 tập thể có thành tích xuất sắc năm 2026, gồm: ${FLAG}: 02 tập thể; ${LDXS}: 01 tập thể; ${BK}: 01 tập thể. Cụ thể:`);
    const from = text.indexOf(body);
    expect(text.slice(from + 1, from + 10)).toEqual([
      `1. ${FLAG} (02 tập thể):`,
      `- ${A};`,
      `- ${B}.`,
      `2. ${LDXS} (01 tập thể):`,
      `- ${C}.`,
      `3. ${BK} (01 tập thể):`,
      `- ${E}.`,
      ATTACHED,
      "Kính trình Hội đồng Thi đua - Khen thưởng tỉnh Bắc Ninh xem xét, quyết định./.",
    ]);
    expect(text.some((l) => l.includes(D))).toBe(false);
    const none = layoutText(submissionLayout({ ...INPUT, proposals: [] }));
    expect(none.some((l) => l.includes("khối không đề nghị tập thể nào"))).toBe(true);
    expect(none).not.toContain(ATTACHED);
  });

  it("is signed by the bloc leader on the right, the recipients on the left", () => {
    const sig = layout.rows.filter((r) => r.kind === "signature");
    const right = sig.flatMap((r) => r.pieces.filter((p) => p.col === layout.right.col).map((p) => p.value));
    const left = sig.flatMap((r) => r.pieces.filter((p) => p.col === layout.left.col).map((p) => p.value));
    expect(right).toEqual(["TRƯỞNG KHỐI", "(Ký, ghi rõ họ tên, đóng dấu)", "Nguyễn Văn An"]);
    // DOMAIN §5: no default names a body a province may not have since 2025 (the Ban Thi đua - Khen thưởng).
    expect(left).toEqual(["Nơi nhận:", "- Như trên;", "- Các đơn vị trong khối;", "- Lưu: VT."]);
  });

  it("sends the file where the bloc's setting says (DOMAIN §5: Sở Nội vụ in several provinces since 2025), with the recipients as typed", () => {
    const to = "Sở Nội vụ tỉnh Bắc Ninh (Phòng Thi đua, khen thưởng)";
    const l = submissionLayout({ ...INPUT, addressee: to, recipients: ["- Như trên;", "- Hội đồng Thi đua - Khen thưởng tỉnh;", "- Lưu: VT."] });
    const t = layoutText(l);
    expect(t).toContain(`Kính gửi: ${to}.`);
    expect(t).toContain(`Kính trình ${to} xem xét, quyết định./.`);
    expect(t.some((x) => x.includes(`Trưởng khối kính đề nghị ${to} xem xét`))).toBe(true);
    const left = l.rows.filter((r) => r.kind === "signature").flatMap((r) => r.pieces.filter((p) => p.col === l.left.col).map((p) => p.value));
    expect(left).toEqual(["Nơi nhận:", "- Như trên;", "- Hội đồng Thi đua - Khen thưởng tỉnh;", "- Lưu: VT."]);
  });

  it("fits the portrait page, and renders to a sheet without issues", async () => {
    expect(layout.orientation).toBe("Portrait");
    const total = layout.widths.reduce((a, b) => a + b, 0);
    expect(total).toBeLessThanOrEqual(595 - PORTRAIT_PAGE.left - PORTRAIT_PAGE.right);
    expect(layout.table.rows).toBe(0);
    const host = new MemoryHost();
    const w = await writeSheets(host, [layoutSheetPlan(layout, "Tờ trình")], { sheets: ["Sheet1"], names: [] });
    expect(w.ok).toBe(true);
    expect(w.issues).toEqual([]);
    expect(host.values("Tờ trình", "A4:B4")).toEqual([["Số: 15/TTr-KTĐ", "Bắc Ninh, ngày 10 tháng 12 năm 2026"]]);
  });
});
