import type { AwardKind, Proposal, Standing } from "../../../src/domain/nomination/model";
import { writeSheets } from "../../../src/excel/apply";
import { MemoryHost } from "../../../src/host";
import { cellAddress, parseRange, rangeAddress } from "../../../src/workbook/a1";
import { layoutText, PORTRAIT_PAGE } from "../../../src/workbook/nomination/listSheet";
import { CLOSING, meetingLayout, meetingSheetPlan, MEETING_SECTIONS, STANDINGS_HEADERS, VOTE_HEADERS, type MeetingInput } from "../../../src/workbook/nomination/meetingSheet";
import { UNITS } from "../../domain/voting/helpers";

const [A, B, C, D, E, F, G, H] = UNITS;
const SHEET = "Biên bản họp";
const BLOC = { name: "Khối thi đua các cơ quan Văn hóa - Xã hội", province: "Bắc Ninh", year: 2026, leader: A };
const FLAG = "Cờ thi đua của UBND tỉnh";
const LDXS = "Tập thể lao động xuất sắc";
const BK = "Bằng khen của Chủ tịch UBND tỉnh";
const REASON_IN = "Có thành tích đột xuất trong công tác phòng, chống thiên tai";
const REASON_OUT = "Đơn vị đã được đề nghị Cờ thi đua của Chính phủ năm trước";

function proposal(unit: string, awardId: string, award: string, kind: AwardKind, over: Partial<Proposal> = {}): Proposal {
  return { unit, awardId, award, kind, proposed: true, reasons: [], override: null, total: null, rank: null, band: "", votes: null, denominator: null, percent: null, voteId: null, ...over };
}

const BANDS = ["Hoàn thành xuất sắc nhiệm vụ", "Hoàn thành tốt nhiệm vụ"];
/** Given in member order, not by rank; H has no total yet. */
const STANDINGS: Standing[] = UNITS.map((unit, i) => ({
  unit,
  total: i === 7 ? null : [92.5, 95.25, 90, 89.5, 88, 80, 70][i],
  rank: i === 7 ? null : [2, 1, 3, 4, 5, 6, 7][i],
  band: BANDS[i < 4 ? 0 : 1],
  leading: i === 1,
}));

const INPUT: MeetingInput = {
  sheet: SHEET,
  bloc: BLOC,
  place: "Bắc Ninh",
  at: { day: 5, month: 12, year: 2026, hour: 8, minute: 5 },
  venue: "Hội trường Sở Văn hóa",
  chair: "Nguyễn Văn An",
  secretary: "Trần Thị Bình",
  attendance: { members: 8, present: 7, absent: [H] },
  quorumText: "Số đơn vị có mặt đạt từ 2/3 tổng số thành viên trở lên: hội nghị đủ điều kiện tiến hành.",
  standings: STANDINGS,
  votes: [
    {
      title: "Suy tôn đơn vị đề nghị Cờ thi đua của UBND tỉnh",
      round: 1,
      voteId: "V1",
      elected: [B, A],
      candidates: [
        { name: B, votes: 7, percent: 100, passes: true },
        { name: A, votes: 6, percent: 85.71, passes: true },
        { name: C, votes: 1, percent: 14.29, passes: false },
      ],
      ruleText: "Đơn vị được chọn khi có số phiếu đồng ý đạt từ 80% trở lên so với số thành viên có mặt.",
    },
    {
      title: "Bầu Trưởng khối năm 2027",
      round: 2,
      voteId: "V2",
      elected: [C],
      candidates: [
        { name: C, votes: 5, percent: 71.43, passes: true },
        { name: D, votes: 2, percent: 28.57, passes: false },
      ],
      ruleText: "Đơn vị được chọn khi có số phiếu bầu đạt trên 50% so với số phiếu hợp lệ.",
    },
  ],
  proposals: [
    proposal(E, "bk-tinh", BK, "reward", { total: 88, rank: 5, override: { unit: E, award: BK, include: true, reason: REASON_IN } }),
    proposal(B, "co-tinh", FLAG, "title", { total: 95.25, rank: 1, votes: 7, denominator: 7, percent: 100, voteId: "V1" }),
    proposal(A, "co-tinh", FLAG, "title", { total: 92.5, rank: 2, votes: 6, denominator: 7, percent: 85.71, voteId: "V1" }),
    proposal(C, "tt-ldxs", LDXS, "title", { total: 90, rank: 3 }),
    proposal(D, "tt-ldxs", LDXS, "title", { proposed: false, total: 89.5, rank: 4 }),
  ],
  overrides: [
    { unit: E, award: BK, include: true, reason: REASON_IN },
    { unit: D, award: LDXS, include: false, reason: REASON_OUT },
    { unit: F, award: "Giấy khen", include: true, reason: "Đề nghị của hội nghị" },
  ],
  nextLeadership: { year: 2027, leader: C, deputies: [D, G], how: "bỏ phiếu kín" },
};

/** The index of the one line equal to (string) or matching (RegExp) `want`. */
function indexOf(text: string[], want: string | RegExp): number {
  const hits = text.map((l, i) => ((typeof want === "string" ? l === want : want.test(l)) ? i : -1)).filter((i) => i >= 0);
  expect(hits).toHaveLength(1);
  return hits[0];
}

describe("the review meeting minutes", () => {
  const layout = meetingLayout(INPUT);
  const text = layoutText(layout);

  it("has the NĐ 30 header, place and date, the title with the year", () => {
    expect(text[0]).toBe("KHỐI THI ĐUA CÁC CƠ QUAN VĂN HÓA - XÃ HỘI\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(text[1]).toMatch(/^—+\tĐộc lập - Tự do - Hạnh phúc$/);
    expect(text).toContain("Bắc Ninh, ngày 05 tháng 12 năm 2026");
    expect(text).toContain("BIÊN BẢN HỌP BÌNH XÉT THI ĐUA, KHEN THƯỞNG NĂM 2026");
  });

  it("has its sections in order", () => {
    const S = MEETING_SECTIONS;
    const order = [S.one, S.two, S.scores, S.votes, S.proposals, `${S.leadership} năm 2027`, S.three].map((h) => indexOf(text, h));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it("states time, place, chair, secretary, attendance, the absent and the quorum", () => {
    expect(text).toContain("1. Thời gian: bắt đầu hồi 08 giờ 05 phút, ngày 05 tháng 12 năm 2026.");
    expect(text).toContain("2. Địa điểm: Hội trường Sở Văn hóa.");
    expect(text).toContain(`- Chủ trì: Nguyễn Văn An, đại diện ${A} (đơn vị Trưởng khối năm 2026).`);
    expect(text).toContain("- Thư ký: Trần Thị Bình.");
    expect(text).toContain("- Tổng số đơn vị thành viên: 8; có mặt: 7 (87,50%); vắng mặt: 1.");
    expect(text).toContain(`- Đơn vị vắng mặt: ${H}.`);
    expect(text).toContain(`- ${INPUT.quorumText}`);
    const blank = layoutText(meetingLayout({ ...INPUT, chair: "", secretary: " ", venue: undefined, quorumText: null, attendance: { members: 8, present: 8, absent: [] } }));
    expect(blank.find((l) => l.startsWith("- Chủ trì:"))).toMatch(/^- Chủ trì: …+, đại diện/);
    expect(blank.find((l) => l.startsWith("2. Địa điểm:"))).toMatch(/^2\. Địa điểm: …+\.$/);
    expect(blank).toContain("- Đơn vị vắng mặt: không.");
    expect(blank.some((l) => l.includes("2/3"))).toBe(false);
  });

  it("tabulates the standings by rank, unranked last, and names the leading unit", () => {
    const t = layout.table;
    expect(layout.tables[0]).toBe(t);
    const rows = layout.rows.slice(t.first, t.first + t.rows).map((r) => r.pieces.map((p) => p.value));
    expect(rows[0]).toEqual([...STANDINGS_HEADERS]);
    expect(rows.slice(1).map((r) => r[1])).toEqual([B, A, C, D, E, F, G, H]);
    expect(rows[1]).toEqual([1, B, 95.25, 1, BANDS[0]]);
    expect(rows[8]).toEqual([8, H, "", "", BANDS[1]]);
    expect(text).toContain(`Đơn vị dẫn đầu khối: ${B}.`);
  });

  it("gives each vote: title, round, rule, a table of the candidates, the elected", () => {
    const v1 = indexOf(text, "2.1. Suy tôn đơn vị đề nghị Cờ thi đua của UBND tỉnh");
    expect(text.slice(v1 + 1, v1 + 8)).toEqual([
      "- Vòng bỏ phiếu: 1.",
      `- Nguyên tắc xác định kết quả: ${INPUT.votes[0].ruleText}`,
      VOTE_HEADERS.join("\t"),
      `1\t${B}\t7\t100,00\tĐược chọn`,
      `2\t${A}\t6\t85,71\tĐược chọn`,
      `3\t${C}\t1\t14,29\tKhông đạt tỷ lệ`,
      `- Được chọn: ${B}, ${A}.`,
    ]);
    const v2 = indexOf(text, "2.2. Bầu Trưởng khối năm 2027");
    expect(text[v2 + 1]).toBe("- Vòng bỏ phiếu: 2 (bỏ phiếu lại).");
    // Three bordered tables: the standings and one per vote.
    expect(layout.tables.map((t) => layout.rows[t.first].pieces.map((p) => p.value)[2])).toEqual(["Tổng điểm", "Số phiếu", "Số phiếu"]);
    expect(layout.tables.map((t) => t.rows)).toEqual([9, 4, 3]);
    const none = layoutText(meetingLayout({ ...INPUT, votes: [{ ...INPUT.votes[0], elected: [] }] }));
    expect(none).toContain("- Không có đơn vị nào được chọn.");
  });

  it("lists the proposals by kind and award in order, with every decision of the meeting and its reason", () => {
    const from = indexOf(text, MEETING_SECTIONS.proposals);
    const to = indexOf(text, `${MEETING_SECTIONS.leadership} năm 2027`);
    expect(text.slice(from + 1, to)).toEqual([
      "Căn cứ kết quả chấm điểm, xếp hạng và kết quả bỏ phiếu, hội nghị thống nhất đề nghị khen thưởng như sau:",
      "a) Danh hiệu thi đua:",
      `- ${FLAG}: 2 đơn vị`,
      `+ ${B} (95,25 điểm, xếp hạng 1; 7/7 phiếu, 100,00%).`,
      `+ ${A} (92,5 điểm, xếp hạng 2; 6/7 phiếu, 85,71%).`,
      `- ${LDXS}: 1 đơn vị`,
      `+ ${C} (90 điểm, xếp hạng 3).`,
      `+ Không đề nghị ${D}. Hội nghị quyết định: ${REASON_OUT}.`,
      "b) Hình thức khen thưởng:",
      `- ${BK}: 1 đơn vị`,
      `+ ${E} (88 điểm, xếp hạng 5). Hội nghị quyết định: ${REASON_IN}.`,
      "Các quyết định khác của hội nghị:",
      `- Đề nghị ${F} – Giấy khen. Hội nghị quyết định: Đề nghị của hội nghị.`,
    ]);
    expect(text.filter((l) => l.includes(REASON_IN))).toHaveLength(1);
  });

  it("records next year's leader and deputies, concludes, closes, and is signed by the secretary and the chair", () => {
    expect(text).toContain("- Hình thức: bỏ phiếu kín.");
    expect(text).toContain(`- Trưởng khối năm 2027: ${C}.`);
    expect(text).toContain(`- Phó trưởng khối năm 2027: ${D}, ${G}.`);
    const concl = indexOf(text, MEETING_SECTIONS.three);
    expect(text[concl + 1]).toBe(
      "Hội nghị thống nhất đề nghị Hội đồng Thi đua - Khen thưởng tỉnh Bắc Ninh xem xét, khen thưởng năm 2026: " +
        `${FLAG} (2): ${B}, ${A}; ${LDXS} (1): ${C}; ${BK} (1): ${E}. ` +
        `Thống nhất ${C} làm Trưởng khối năm 2027; ${D}, ${G} làm Phó trưởng khối.`,
    );
    expect(text[concl + 2]).toBe(CLOSING);
    expect(CLOSING).toMatch(/^Biên bản được thông qua tại hội nghị, kết thúc hồi …+ giờ …+ phút cùng ngày\.$/);
    expect(text.slice(-3)).toEqual(["THƯ KÝ\tCHỦ TRÌ", "(Ký, ghi rõ họ tên)\t(Ký, ghi rõ họ tên)", "Trần Thị Bình\tNguyễn Văn An"]);
    const sig = layout.rows.filter((r) => r.kind === "signature");
    expect(sig[0].pieces.map((p) => p.col)).toEqual([layout.left.col, layout.right.col]);
    const undecided = layoutText(meetingLayout({ ...INPUT, nextLeadership: null, proposals: [] }));
    expect(undecided).toContain("Hội nghị chưa xác định Trưởng khối, Phó trưởng khối năm 2027.");
    expect(undecided).toContain("Hội nghị không đề nghị đơn vị nào.");
    expect(undecided).toContain("Hội nghị thống nhất không đề nghị khen thưởng năm 2026.");
  });

  it("fits the portrait page", () => {
    expect(layout.orientation).toBe("Portrait");
    const total = layout.widths.reduce((a, b) => a + b, 0);
    expect(total).toBeLessThanOrEqual(595 - PORTRAIT_PAGE.left - PORTRAIT_PAGE.right);
    expect(total).toBeGreaterThanOrEqual(PORTRAIT_PAGE.width - 2);
  });
});

describe("the review meeting minutes sheet", () => {
  it("is values only, A4 portrait, protected, with the tables bordered; writes without issues and reads as the layout", async () => {
    const plan = meetingSheetPlan(INPUT);
    const layout = meetingLayout(INPUT);
    for (const b of plan.blocks) for (const row of b.rows) for (const c of row) expect(typeof c === "object" && c !== null).toBe(false);
    expect(plan.print).toMatchObject({ orientation: "Portrait", paper: "A4", margins: { top: 57, bottom: 57, left: 85, right: 43 } });
    expect(plan.protection).toEqual({});
    for (const t of layout.tables) expect(plan.formats).toContainEqual({ range: rangeAddress(t.first, 0, t.rows, t.cols), format: { borders: "Continuous", vAlign: "Center" } });

    const host = new MemoryHost();
    const w = await writeSheets(host, [plan], { sheets: ["Sheet1"], names: [] });
    expect(w.ok).toBe(true);
    expect(w.issues).toEqual([]);
    const used = parseRange(host.usedRange(SHEET)!);
    const values = host.values(SHEET, rangeAddress(0, 0, used.row + used.rowCount, used.col + used.colCount));
    const lines = values.map((row, r) =>
      row
        .map((v, c) => (typeof v === "number" && host.cell(SHEET, cellAddress(r, c)).format.numberFormat === "0.00" ? v.toFixed(2).replace(".", ",") : String(v ?? "")))
        .filter((v) => v !== "")
        .join("\t"),
    );
    expect(lines.filter(Boolean)).toEqual(layoutText(layout));
    expect(host.protection(SHEET).protected).toBe(true);
    expect(host.pageLayout(SHEET)).toMatchObject({ orientation: "Portrait", paperSize: "A4" });
  });
});
