import type { AwardKind, Proposal } from "../../../src/domain/nomination/model";
import type { Ballot } from "../../../src/domain/voting/model";
import { writeSheets } from "../../../src/excel/apply";
import { MemoryHost } from "../../../src/host";
import { cellAddress, parseRange, qualified, rangeAddress } from "../../../src/workbook/a1";
import {
  groupProposals,
  LANDSCAPE_PAGE,
  layoutSheetPlan,
  layoutText,
  LIST_COLS,
  LIST_HEADERS,
  listLayout,
  listSheetPlan,
  type ListInput,
  type ListLinks,
} from "../../../src/workbook/nomination/listSheet";
import { emptyPlan, type SheetPlan } from "../../../src/workbook/plan";
import { ballotEntrySheetPlan, MANUAL_REASON_TEXT } from "../../../src/workbook/voting/ballotSheet";
import { approve, flagVote, UNITS } from "../../domain/voting/helpers";

const [A, B, C, D, E, F] = UNITS;
const SHEET = "Danh sách đề nghị";
const BLOC = { name: "Khối thi đua các cơ quan Văn hóa - Xã hội", province: "Bắc Ninh", year: 2026, leader: "Sở Văn hóa" };

function proposal(unit: string, awardId: string, award: string, kind: AwardKind, over: Partial<Proposal> = {}): Proposal {
  return { unit, awardId, award, kind, proposed: true, reasons: [], override: null, total: null, rank: null, band: "", votes: null, denominator: null, percent: null, voteId: null, ...over };
}

const FLAG = "Cờ thi đua của UBND tỉnh";
const LDXS = "Tập thể lao động xuất sắc";
const BK = "Bằng khen của Chủ tịch UBND tỉnh";
const OVERRIDE_REASON = "Có thành tích đột xuất trong công tác phòng, chống thiên tai";

/** Given in a mixed order: a reward first, a unit not proposed, an override. */
const PROPOSALS: Proposal[] = [
  proposal(E, "bk-tinh", BK, "reward", { total: 88, rank: 5, override: { unit: E, award: BK, include: true, reason: OVERRIDE_REASON } }),
  proposal(A, "co-tinh", FLAG, "title", { total: 95.25, rank: 1, votes: 8, denominator: 8, percent: 100, voteId: "V1" }),
  proposal(B, "co-tinh", FLAG, "title", { total: 92.5, rank: 2, votes: 7, denominator: 8, percent: 87.5, voteId: "V1" }),
  proposal(F, "co-cp", "Cờ thi đua của Chính phủ", "title", { proposed: false }),
  proposal(C, "tt-ldxs", LDXS, "title", { total: 90, rank: 3 }),
  proposal(D, "tt-ldxs", LDXS, "title", { total: 89.5, rank: 4 }),
];

const INPUT: ListInput = { sheet: SHEET, bloc: BLOC, place: "Bắc Ninh", at: { day: 10, month: 12, year: 2026 }, proposals: PROPOSALS, leaderName: "Nguyễn Văn An" };

describe("the nomination list layout", () => {
  const layout = listLayout(INPUT);
  const text = layoutText(layout);
  const tableRows = layout.rows.slice(layout.table.first, layout.table.first + layout.table.rows);
  const cells = (r: (typeof tableRows)[number]) => r.pieces.map((p) => p.value);

  it("has the NĐ 30 header: the bloc over the leader unit in capitals, the national title and motto, place and date in italics", () => {
    expect(text[0]).toBe("KHỐI THI ĐUA CÁC CƠ QUAN VĂN HÓA - XÃ HỘI\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(text[1]).toBe("SỞ VĂN HÓA\tĐộc lập - Tự do - Hạnh phúc");
    const leader = layout.rows[1].pieces[0];
    expect(leader.style.bold).toBe(true);
    expect(layout.rows[0].pieces[0].style.bold).toBeFalsy();
    const date = layout.rows.flatMap((r) => r.pieces).find((p) => p.value === "Bắc Ninh, ngày 10 tháng 12 năm 2026")!;
    expect(date.style.italic).toBe(true);
    expect(date.col).toBe(layout.right.col);
  });

  it("has the title with the year and the line tying it to the submission", () => {
    const title = text.indexOf("DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM 2026");
    expect(title).toBeGreaterThan(2);
    expect(text[title + 1]).toMatch(/^\(Kèm theo Tờ trình số …+\/TTr-KTĐ ngày …+ của Trưởng Khối thi đua các cơ quan Văn hóa - Xã hội\)$/);
    // With the submission's number recorded, the list names it and its date.
    const numbered = layoutText(listLayout({ ...INPUT, submissionNumber: "12" }));
    expect(numbered).toContain("(Kèm theo Tờ trình số 12/TTr-KTĐ ngày 10/12/2026 của Trưởng Khối thi đua các cơ quan Văn hóa - Xã hội)");
    expect(layoutText(listLayout({ ...INPUT, submissionNumber: "05/TTr-KVX" }))).toContain("(Kèm theo Tờ trình số 05/TTr-KVX ngày 10/12/2026 của Trưởng Khối thi đua các cơ quan Văn hóa - Xã hội)");
  });

  it("tabulates the proposed units grouped by kind (titles first) and award, in the given order, with the evidence and the override's reason", () => {
    expect(cells(tableRows[0])).toEqual([...LIST_HEADERS]);
    expect(tableRows[0].kind).toBe("tableHeader");
    expect(tableRows.slice(1).map((r) => (r.pieces.length === 1 ? `# ${r.pieces[0].value}` : cells(r).join(" | ")))).toEqual([
      "# I. DANH HIỆU THI ĐUA",
      `# ${FLAG}`,
      `1 | ${A} | ${FLAG} | 95.25 | 1 | 8/8 | 100 | `,
      `2 | ${B} | ${FLAG} | 92.5 | 2 | 7/8 | 87.5 | `,
      `# ${LDXS}`,
      `3 | ${C} | ${LDXS} | 90 | 3 |  |  | `,
      `4 | ${D} | ${LDXS} | 89.5 | 4 |  |  | `,
      "# II. HÌNH THỨC KHEN THƯỞNG",
      `# ${BK}`,
      `5 | ${E} | ${BK} | 88 | 5 |  |  | Hội nghị quyết định: ${OVERRIDE_REASON}`,
    ]);
    expect(text.some((l) => l.includes(F))).toBe(false);
    // Group headings are bold and span the table.
    expect(tableRows[1].pieces[0]).toMatchObject({ col: 0, span: LIST_HEADERS.length, style: { bold: true } });
    expect(layout.tables).toEqual([layout.table]);
    expect(layout.table).toMatchObject({ cols: 8, percentCol: LIST_COLS.percent, rows: 11 });
    expect(layout.repeatRows).toEqual({ first: layout.table.first, count: 1 });
    // Without links, nothing is a formula.
    expect(layout.rows.flatMap((r) => r.pieces).some((p) => p.formula !== undefined)).toBe(false);
  });

  it("numbers a rewards-only list from I and says so when nothing is proposed", () => {
    const rewards = listLayout({ ...INPUT, proposals: [PROPOSALS[0]] });
    expect(layoutText(rewards)).toContain("I. HÌNH THỨC KHEN THƯỞNG");
    const none = layoutText(listLayout({ ...INPUT, proposals: [PROPOSALS[3]] }));
    expect(none).toContain("Không có đơn vị nào được đề nghị khen thưởng.");
    expect(groupProposals([PROPOSALS[3]])).toEqual([]);
  });

  it("ends with the leader's signature block on the right and the recipients on the left", () => {
    const sig = layout.rows.filter((r) => r.kind === "signature");
    const right = sig.flatMap((r) => r.pieces.filter((p) => p.col === layout.right.col).map((p) => p.value));
    const left = sig.flatMap((r) => r.pieces.filter((p) => p.col === layout.left.col).map((p) => p.value));
    expect(right).toEqual(["TRƯỞNG KHỐI", "(Ký, ghi rõ họ tên, đóng dấu)", "Nguyễn Văn An"]);
    // DOMAIN §5: the default names no body a province may not have since 2025; the app passes the meeting record's lines.
    expect(left).toEqual(["Nơi nhận:", "- Các đơn vị trong khối;", "- Lưu: VT."]);
    const set = listLayout({ ...INPUT, recipients: ["- Sở Nội vụ;", "- Lưu: VT."] });
    expect(set.rows.filter((r) => r.kind === "signature").flatMap((r) => r.pieces.filter((p) => p.col === set.left.col).map((p) => p.value))).toEqual(["Nơi nhận:", "- Sở Nội vụ;", "- Lưu: VT."]);
    const last = layout.rows.length - 1;
    expect(layout.rows.findIndex((r) => r.kind === "signature")).toBeGreaterThan(layout.table.first + layout.table.rows);
    expect(layout.rows[last].pieces[0].value).toBe("Nguyễn Văn An");
  });

  it("fits the landscape page: widths fill the printable width", () => {
    expect(layout.orientation).toBe("Landscape");
    const total = layout.widths.reduce((a, b) => a + b, 0);
    expect(total).toBeLessThanOrEqual(842 - LANDSCAPE_PAGE.left - LANDSCAPE_PAGE.right);
    expect(total).toBeGreaterThanOrEqual(LANDSCAPE_PAGE.width - 2);
    expect(layout.left.span + layout.right.span).toBe(layout.widths.length);
  });
});

describe("the nomination list sheet", () => {
  it("is A4 landscape with NĐ 30 margins, Times New Roman, protected, the table header repeated; writes without issues", async () => {
    const plan = listSheetPlan(INPUT);
    expect(plan.name).toBe(SHEET);
    expect(plan.print).toMatchObject({ orientation: "Landscape", paper: "A4", margins: { top: 57, bottom: 57, left: 85, right: 43 } });
    const layout = listLayout(INPUT);
    expect(plan.print?.titleRows).toBe(`$${layout.table.first + 1}:$${layout.table.first + 1}`);
    expect(plan.protection).toEqual({});
    expect(plan.unlocked).toEqual([]);
    expect(plan.formats[0].format).toMatchObject({ fontName: "Times New Roman" });
    expect(plan.formats).toContainEqual({ range: rangeAddress(layout.table.first, 0, layout.table.rows, 8), format: { borders: "Continuous", vAlign: "Center" } });

    const host = new MemoryHost();
    const w = await writeSheets(host, [plan], { sheets: ["Sheet1"], names: [] });
    expect(w.ok).toBe(true);
    expect(w.issues).toEqual([]);
    const used = parseRange(host.usedRange(SHEET)!);
    const values = host.values(SHEET, rangeAddress(0, 0, used.row + used.rowCount, used.col + used.colCount));
    const rowA = values.findIndex((r) => r[1] === A);
    expect(values[rowA]).toEqual([1, A, FLAG, 95.25, 1, "8/8", 100, ""]);
    expect(host.cell(SHEET, cellAddress(rowA, LIST_COLS.percent)).format.numberFormat).toBe("0.00");
    expect(host.pageLayout(SHEET)).toMatchObject({ orientation: "Landscape", paperSize: "A4" });
    expect(host.protection(SHEET).protected).toBe(true);
    expect(() => host.userEdit(SHEET, cellAddress(rowA, LIST_COLS.total), 50)).toThrow();
  });

  it("with links, reads totals, ranks and votes from the summary and the ballots, and follows their changes", async () => {
    // A minimal summary: units, totals typed, ranks as formulas; BX_TongHop over its rows.
    const summary: SheetPlan = emptyPlan("Tổng hợp");
    const totals = [95.25, 92.5, 90, 89.5, 88, 80, 70, 60];
    summary.blocks.push({
      at: "A1",
      rows: [["STT", "Đơn vị", "Tổng điểm", "Xếp hạng"], ...UNITS.map((u, i) => [i + 1, u, totals[i], { f: `=1+COUNTIF($C$2:$C$9,">"&C${i + 2})` }])],
    });
    summary.names.push({ name: "BX_TongHop", range: "$A$2:$D$9" });

    // The flag vote, ballot by ballot: A 8, B 7, C 1 of 8 members.
    const vote = flagVote();
    const ballots: Ballot[] = [...[1, 2, 3, 4, 5, 6, 7].map((n) => approve(n, [A, B])), approve(8, [A, C])];
    const { plan: ballotPlan, map } = ballotEntrySheetPlan(vote, { sheet: "Nhập phiếu", rows: 10, issued: 8 });
    const typed = (bs: Ballot[]) => bs.map((x) => [x.number, ...UNITS.map((u) => ("marks" in x && x.marks[u] === "approve" ? "x" : null)), null as string | null]);

    // The names alone: Excel's whole-column INDEX finds the unit (the form HyperFormula cannot evaluate).
    const byName: ListLinks = {
      summary: { name: "BX_TongHop", unitCol: 2, totalCol: 3, rankCol: 4 },
      votes: { V1: { name: map.names.results, nameCol: 2, votesCol: 3, percentCol: 4 } },
    };
    const plain = listLayout({ ...INPUT, links: byName });
    const rowA = plain.rows.findIndex((r) => r.pieces[1]?.value === A);
    const rowB = plain.rows.findIndex((r) => r.pieces[1]?.value === B);
    const rowC = plain.rows.findIndex((r) => r.pieces[1]?.value === C);
    const rowE = plain.rows.findIndex((r) => r.pieces[1]?.value === E);
    const piece = (l: typeof plain, r: number, c: number) => l.rows[r].pieces[c];
    expect(piece(plain, rowA, LIST_COLS.total).formula).toBe(`=INDEX(BX_TongHop,MATCH(B${rowA + 1},INDEX(BX_TongHop,0,2),0),3)`);
    expect(piece(plain, rowA, LIST_COLS.rank).formula).toBe(`=INDEX(BX_TongHop,MATCH(B${rowA + 1},INDEX(BX_TongHop,0,2),0),4)`);
    expect(piece(plain, rowB, LIST_COLS.votes).formula).toBe(`=INDEX(${map.names.results},MATCH(B${rowB + 1},INDEX(${map.names.results},0,2),0),3)&"/"&8`);
    expect(piece(plain, rowB, LIST_COLS.percent).formula).toBe(`=INDEX(${map.names.results},MATCH(B${rowB + 1},INDEX(${map.names.results},0,2),0),4)`);
    // The layout keeps the values for a Word rendering.
    expect(piece(plain, rowA, LIST_COLS.votes).value).toBe("8/8");
    expect(piece(plain, rowA, LIST_COLS.total).value).toBe(95.25);
    // A proposal without a vote has no vote formula, but its score is linked.
    expect(piece(plain, rowC, LIST_COLS.votes).formula).toBeUndefined();
    expect(piece(plain, rowC, LIST_COLS.rank).formula).toBeDefined();
    expect(listSheetPlan({ ...INPUT, links: byName }).blocks[0].rows[rowA][LIST_COLS.total]).toEqual({ f: piece(plain, rowA, LIST_COLS.total).formula });

    // With the key columns as ranges, every engine computes them (the in-memory host included).
    const links: ListLinks = {
      summary: { ...byName.summary, keyRange: "'Tổng hợp'!$B$2:$B$9" },
      votes: { V1: { ...byName.votes.V1, keyRange: qualified("Nhập phiếu", rangeAddress(map.results.first, map.results.cols.name, UNITS.length, 1, true)) } },
    };
    const plan = listSheetPlan({ ...INPUT, links });
    expect(plan.blocks[0].rows[rowA][LIST_COLS.total]).toEqual({ f: `=INDEX(BX_TongHop,MATCH(B${rowA + 1},'Tổng hợp'!$B$2:$B$9,0),3)` });

    const host = new MemoryHost();
    const w = await writeSheets(host, [summary, ballotPlan, plan], { sheets: ["Sheet1"], names: [] });
    expect(w.ok).toBe(true);
    expect(w.issues).toEqual([]);
    host.userPaste("Nhập phiếu", cellAddress(map.first, 0), typed(ballots));
    const row = (r: number) => host.values(SHEET, rangeAddress(r, LIST_COLS.total, 1, 4))[0];
    expect(row(rowA)).toEqual([95.25, 1, "8/8", 100]);
    expect(row(rowB)).toEqual([92.5, 2, "7/8", 87.5]);
    expect(row(rowC)).toEqual([90, 3, "", ""]);
    expect(row(rowE)[0]).toBe(88);

    // Ballot 8 re-entered as approving B and C: A 7, B 8.
    host.userPaste("Nhập phiếu", cellAddress(map.first + 7, 0), typed([approve(8, [B, C])]));
    expect(row(rowA)).toEqual([95.25, 1, "7/8", 87.5]);
    expect(row(rowB)).toEqual([92.5, 2, "8/8", 100]);
    // An invalid ballot counts for nobody.
    host.userPaste("Nhập phiếu", cellAddress(map.first + 7, 1 + UNITS.length), [[MANUAL_REASON_TEXT.addedNames]]);
    expect(row(rowB)).toEqual([92.5, 2, "7/8", 87.5]);

    // B's total raised above A's: B ranks first.
    host.userEdit("Tổng hợp", "C3", 99);
    expect(row(rowB).slice(0, 2)).toEqual([99, 1]);
    expect(row(rowA).slice(0, 2)).toEqual([95.25, 2]);
  });

  it("renders any layout: a piece's formula is written, its value otherwise", () => {
    const layout = listLayout(INPUT);
    layout.rows[0].pieces[0] = { ...layout.rows[0].pieces[0], formula: "=1+1" };
    const plan = layoutSheetPlan(layout, "X");
    expect(plan.blocks[0].rows[0][0]).toEqual({ f: "=1+1" });
    expect(plan.blocks[0].rows[0][layout.right.col]).toBe("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(plan.merges).toContain(rangeAddress(0, layout.left.col, 1, layout.left.span));
    expect(plan.rowHeights).toHaveLength(layout.rows.length);
  });
});
