import { reconcile } from "../../../src/domain/voting/doubleEntry";
import { ballotsFingerprint, handCountFingerprint } from "../../../src/domain/voting/fingerprint";
import { RULE_PRESETS, ruleSourceText, ruleText, tieRuleText, type Ballot, type HandCount, type Vote } from "../../../src/domain/voting/model";
import type { VoteRecord } from "../../../src/domain/voting/record";
import { lotTicket, revoteRound, tally, type TallyInput } from "../../../src/domain/voting/tally";
import { writeSheets } from "../../../src/excel/apply";
import { MemoryHost } from "../../../src/host";
import { cellAddress, parseRange } from "../../../src/workbook/a1";
import { FINGERPRINT_LABEL, minutesSheetPlan, minutesText, type MinutesInput } from "../../../src/workbook/voting/minutesSheet";
import { approve, choose, flagVote, UNITS } from "../../domain/voting/helpers";

const [A, B, C, D] = UNITS;
const SHEET = "Biên bản kiểm phiếu";
const BLOC = { name: "Khối thi đua các cơ quan Văn hóa - Xã hội", province: "Bắc Ninh", year: 2026 };
const AT = { day: 5, month: 12, year: 2026, hour: 14, minute: 30 };

/** 8 ballots, quota 2: A 5, B 4, C 4 (C rejected once), D 1; ballot 8 approves three (invalid). */
const BALLOTS: Ballot[] = [
  approve(1, [A, B], [C]),
  approve(2, [A, B]),
  approve(3, [A, C]),
  approve(4, [A, C]),
  approve(5, [A, D]),
  approve(6, [B, C]),
  approve(7, [B, C]),
  approve(8, [A, B, C]),
];
/** More than half of the valid ballots (7): 4 votes = 57,14% pass, B and C tie for the second seat. */
const OVER_HALF_VALID = { percent: 50, comparison: ">", denominator: "valid", quorum: null } as const;

function record(vote: Vote, over: Partial<VoteRecord> = {}): VoteRecord {
  return { id: "V1", vote, issued: 8, entry: "ballots", doubleEntry: false, decision: null, meeting: null, ...over };
}

function minutes(vote: Vote, input: TallyInput, opts: { issued?: number; scores?: Record<string, number>; rec?: Partial<VoteRecord>; entryStatement?: MinutesInput["entryStatement"] } = {}) {
  const result = tally(vote, input, { issued: opts.issued ?? 8, scores: opts.scores });
  const fingerprint = "ballots" in input ? ballotsFingerprint(input.ballots) : handCountFingerprint(input.handCount);
  const m: MinutesInput = {
    sheet: SHEET,
    bloc: BLOC,
    record: record(vote, { entry: "ballots" in input ? "ballots" : "handCount", issued: opts.issued ?? 8, ...opts.rec }),
    result,
    fingerprint,
    entryStatement: opts.entryStatement ?? null,
    place: "Bắc Ninh",
    at: AT,
  };
  return { m, result, text: minutesText(m) };
}

/** The line that starts with `prefix` (exactly one). */
function lineOf(text: string[], prefix: string): string {
  const hits = text.filter((l) => l.startsWith(prefix));
  expect(hits).toHaveLength(1);
  return hits[0];
}

/** The table row of a candidate, split into cells. */
const rowOf = (text: string[], name: string) => text.find((l) => l.split("\t")[1] === name)?.split("\t");

describe("the vote-count minutes: flag vote, one invalid ballot, a tie settled by the higher score", () => {
  const vote = flagVote({ rule: OVER_HALF_VALID, ruleSource: RULE_PRESETS.validMajority.source.vi, tieRule: ["higherScore", "revote"] });
  const second = BALLOTS.map((b) => ({ ...b }));
  const statement = reconcile(vote.candidates, BALLOTS, second, null).statement;
  const { result, text } = minutes(vote, { ballots: BALLOTS }, { scores: { [B]: 92.5, [C]: 95.25 }, rec: { doubleEntry: true }, entryStatement: statement });

  it("is a real tally of the case", () => {
    expect(result.conclusion).toMatchObject({ concluded: true, final: true, elected: [A, C] });
    expect(result.tie?.steps[0]).toMatchObject({ step: "higherScore", elected: [C], out: [B] });
  });

  it("has the NĐ 30 header, place and date, title and time", () => {
    expect(text[0]).toBe("KHỐI THI ĐUA CÁC CƠ QUAN VĂN HÓA - XÃ HỘI\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(text[1]).toMatch(/^—+\tĐộc lập - Tự do - Hạnh phúc$/);
    expect(text).toContain("Bắc Ninh, ngày 05 tháng 12 năm 2026");
    expect(text).toContain("BIÊN BẢN KIỂM PHIẾU");
    expect(text).toContain(vote.title);
    expect(lineOf(text, "Hồi ")).toMatch(/^Hồi 14 giờ 30 phút, ngày 05 tháng 12 năm 2026, tại hội nghị bình xét thi đua năm 2026 của Khối thi đua các cơ quan Văn hóa - Xã hội/);
    expect(text.some((l) => l.startsWith("Vòng "))).toBe(false);
  });

  it("names the counting committee, numbered, and the secret ballot", () => {
    const i = text.indexOf("1. Nguyễn Văn An – Trưởng ban");
    expect(i).toBeGreaterThan(0);
    expect(text.slice(i + 1, i + 3)).toEqual(["2. Trần Thị Bình – Thành viên", "3. Lê Văn Cường – Thành viên"]);
    expect(text).toContain("- Hình thức: bỏ phiếu kín.");
  });

  it("gives members, present with %, voting, number to elect and the ballots with invalid reasons", () => {
    expect(text).toContain("- Tổng số thành viên được triệu tập: 8.");
    expect(text).toContain("- Số thành viên có mặt: 8, bằng 100,00% tổng số thành viên.");
    expect(text).toContain("- Số thành viên tham gia bỏ phiếu: 8.");
    expect(lineOf(text, "- Số lượng cần chọn:")).toBe("- Số lượng cần chọn: 2 (danh sách gồm 8 đơn vị; mỗi phiếu được đồng ý tối đa 2 đơn vị).");
    expect(text).toContain("- Số phiếu phát ra: 8.");
    expect(text).toContain("- Số phiếu thu vào: 8.");
    expect(text).toContain("- Số phiếu hợp lệ: 7.");
    expect(text).toContain("- Số phiếu không hợp lệ: 1; trong đó: Chọn quá số lượng quy định: 1.");
    // No quorum in this rule: no quorum line.
    expect(text.some((l) => l.includes("đủ điều kiện tiến hành"))).toBe(false);
  });

  it("states the entry method and how the two entries were reconciled", () => {
    expect(text).toContain("- Cách nhập kết quả: nhập từng phiếu vào bảng tính (8 phiếu), hai lần nhập độc lập.");
    expect(text).toContain("- Đối chiếu hai lần nhập: Hai lần nhập 8 phiếu độc lập khớp nhau hoàn toàn.");
  });

  it("tabulates votes, against, percent with 2 decimals and the result", () => {
    expect(text).toContain("STT\tĐơn vị\tSố phiếu đồng ý\tKhông đồng ý\tTỷ lệ (%)\tKết quả");
    expect(lineOf(text, "Tỷ lệ (%) tính trên")).toBe("Tỷ lệ (%) tính trên số phiếu hợp lệ (7), làm tròn đến 2 chữ số thập phân.");
    expect(rowOf(text, A)).toEqual(["1", A, "5", "0", "71,43", "Được chọn"]);
    expect(rowOf(text, B)).toEqual(["2", B, "4", "0", "57,14", "Không được chọn"]);
    expect(rowOf(text, C)).toEqual(["3", C, "4", "1", "57,14", "Được chọn"]);
    expect(rowOf(text, D)).toEqual(["4", D, "1", "0", "14,29", "Không đạt tỷ lệ"]);
    expect(rowOf(text, UNITS[7])).toEqual(["8", UNITS[7], "0", "0", "0,00", "Không đạt tỷ lệ"]);
  });

  it("prints the rule with its source (DOMAIN §3: the rule used is printed on the minutes, a preset names its source), the tie rule and what the higher-score step did", () => {
    expect(text).toContain(`- Nguyên tắc xác định kết quả: ${ruleText(vote).vi} Căn cứ: Vận dụng tương tự bầu cử: quá nửa số phiếu hợp lệ.`);
    // A vote recorded before its source was: the minutes say the source is missing, rather than print nothing.
    const bare = minutes(flagVote({ rule: OVER_HALF_VALID }), { ballots: BALLOTS }).text;
    expect(lineOf(bare, "- Nguyên tắc xác định kết quả:")).toMatch(/Căn cứ: \(chưa ghi căn cứ của quy định tỷ lệ\)\.$/);
    expect(ruleText(vote).vi).toContain("trên 50% so với số phiếu hợp lệ");
    expect(text).toContain(`- Xử lý trường hợp bằng phiếu: ${tieRuleText(vote).vi}`);
    expect(text).toContain(`- Bằng số phiếu ở vị trí cuối cùng: ${B}, ${C} (cùng 4 phiếu đồng ý; còn 1 vị trí).`);
    expect(text).toContain(`+ Bước 1 – so sánh tổng điểm thi đua: ${B} 92,5 điểm; ${C} 95,25 điểm. Được chọn: ${C}. Không được chọn: ${B}.`);
  });

  it("concludes with the elected in order, then the fingerprint, the closing and the signatures, in this order", () => {
    const heading = text.indexOf("Các đơn vị được chọn đề nghị Cờ thi đua của UBND tỉnh:");
    expect(heading).toBeGreaterThan(0);
    expect(text.slice(heading + 1, heading + 3)).toEqual([`1. ${A}: 5 phiếu đồng ý (71,43%).`, `2. ${C}: 4 phiếu đồng ý (57,14%).`]);
    const fp = lineOf(text, FINGERPRINT_LABEL);
    expect(fp).toBe(`Mã kiểm tra (SHA-256) của dữ liệu phiếu: ${ballotsFingerprint(BALLOTS)}`);
    expect(fp).toMatch(/: [0-9a-f]{64}$/);
    expect(text[text.indexOf(fp) + 1]).toMatch(/^Mọi thay đổi về sau đối với dữ liệu phiếu đã nhập đều làm thay đổi mã kiểm tra/);
    expect(lineOf(text, "Biên bản kết thúc hồi")).toContain("giờ");
    const order = [
      "BIÊN BẢN KIỂM PHIẾU",
      "1. Nguyễn Văn An – Trưởng ban",
      "- Hình thức: bỏ phiếu kín.",
      "- Tổng số thành viên được triệu tập: 8.",
      "- Số phiếu phát ra: 8.",
      `1\t${A}\t5\t0\t71,43\tĐược chọn`,
      `- Nguyên tắc xác định kết quả: ${ruleText(vote).vi} ${ruleSourceText(vote).vi}`,
      `1. ${A}: 5 phiếu đồng ý (71,43%).`,
      fp,
      "THƯ KÝ\tTRƯỞNG BAN KIỂM PHIẾU",
      "Nguyễn Văn An",
      "CÁC THÀNH VIÊN BAN KIỂM PHIẾU",
      "Trần Thị Bình\tLê Văn Cường",
    ].map((l) => text.indexOf(l));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text[text.length - 1]).toBe("Trần Thị Bình\tLê Văn Cường");
  });

  it("says which entry the committee accepted when the two entries differ", () => {
    const other = [...BALLOTS.slice(0, 7), approve(8, [A])];
    const decided = reconcile(vote.candidates, BALLOTS, other, { accept: "first", by: "Trưởng ban Nguyễn Văn An" });
    expect(decided.differences).toHaveLength(2);
    const t = minutes(vote, { ballots: BALLOTS }, { scores: { [B]: 92.5, [C]: 95.25 }, rec: { doubleEntry: true }, entryStatement: decided.statement }).text;
    expect(t).toContain(`- Đối chiếu hai lần nhập: Hai lần nhập khác nhau ở 2 chỗ; Trưởng ban Nguyễn Văn An quyết định lấy kết quả lần nhập 1 sau khi đối chiếu phiếu giấy.`);
  });
});

describe("the vote-count minutes: a revote pending, then round 2", () => {
  const vote = flagVote({ rule: OVER_HALF_VALID, tieRule: ["revote"] });
  const round1 = minutes(vote, { ballots: BALLOTS });

  it("marks the tied for a revote and leaves the seat open", () => {
    expect(round1.result.conclusion.revote).toEqual({ candidates: [B, C], seats: 1 });
    expect(rowOf(round1.text, B)?.[5]).toBe("Bỏ phiếu lại");
    expect(rowOf(round1.text, C)?.[5]).toBe("Bỏ phiếu lại");
    expect(rowOf(round1.text, A)?.[5]).toBe("Được chọn");
    expect(round1.text).toContain(`+ Bước 1 – bỏ phiếu lại (vòng 2) giữa các đơn vị: ${B}, ${C}, để chọn 1 đơn vị.`);
    expect(round1.text).toContain(`1. ${A}: 5 phiếu đồng ý (71,43%).`);
    expect(round1.text).toContain(`Chưa xác định 1 vị trí: bỏ phiếu lại (vòng 2) giữa các đơn vị: ${B}, ${C}.`);
  });

  it("words round 2 as a revote continuing round 1, among the tied", () => {
    const v2 = revoteRound(vote, round1.result.conclusion.revote!);
    const ballots = [1, 2, 3, 4, 5].map((n) => approve(n, [C])).concat([6, 7, 8].map((n) => approve(n, [B])));
    const { result, text } = minutes(v2, { ballots }, { rec: { id: "V1_2" } });
    expect(result.conclusion.elected).toEqual([C]);
    expect(text).toContain("Vòng 2 (bỏ phiếu lại, tiếp theo vòng 1)");
    expect(text).toContain(`Đây là vòng bỏ phiếu lại giữa các đơn vị bằng số phiếu ở vòng 1: ${B}, ${C}.`);
    expect(text.indexOf("Vòng 2 (bỏ phiếu lại, tiếp theo vòng 1)")).toBe(text.indexOf(vote.title) + 1);
    expect(rowOf(text, C)).toEqual(["2", C, "5", "0", "62,50", "Được chọn"]);
    expect(lineOf(text, "- Số lượng cần chọn:")).toBe("- Số lượng cần chọn: 1 (danh sách gồm 2 đơn vị; mỗi phiếu được đồng ý tối đa 1 đơn vị).");
  });
});

describe("the vote-count minutes: electing the leader (choose one), with a quorum", () => {
  const leaderVote = (present: number) =>
    flagVote({
      purpose: { kind: "leader" },
      title: "Bầu Trưởng khối năm 2027",
      ballot: { kind: "chooseOne" },
      rule: { percent: 50, comparison: ">", denominator: "present", quorum: { percent: 66.67, comparison: ">=", of: "members" } },
      toElect: 1,
      tieRule: ["meetingDecides"],
      attendance: { members: 9, present },
    });

  it("uses “phiếu bầu”, no against column, “Trúng cử”, and says the quorum is met", () => {
    const vote = leaderVote(7);
    const ballots = [choose(1, [A]), choose(2, [A]), choose(3, [A]), choose(4, [A]), choose(5, [B]), choose(6, [B]), choose(7, [])];
    const { result, text } = minutes(vote, { ballots }, { issued: 7 });
    expect(result.conclusion).toMatchObject({ concluded: true, elected: [A] });
    expect(text).toContain("STT\tĐơn vị\tSố phiếu bầu\tTỷ lệ (%)\tKết quả");
    expect(text.some((l) => l.includes("Không đồng ý"))).toBe(false);
    expect(rowOf(text, A)).toEqual(["1", A, "4", "57,14", "Trúng cử"]);
    expect(rowOf(text, B)).toEqual(["2", B, "2", "28,57", "Không đạt tỷ lệ"]);
    expect(text).toContain("- Số thành viên có mặt: 7, bằng 77,78% tổng số thành viên.");
    expect(text).toContain("- Số thành viên có mặt đạt từ 66,67% trở lên tổng số thành viên theo quy định: đủ điều kiện tiến hành bỏ phiếu.");
    expect(text).toContain("- Số lượng cần chọn: 1 (danh sách gồm 8 đơn vị; mỗi phiếu chọn 1 đơn vị).");
    expect(text).toContain("Đơn vị trúng cử Trưởng khối:");
    expect(text).toContain(`1. ${A}: 4 phiếu bầu (57,14%).`);
    expect(lineOf(text, "Tỷ lệ (%) tính trên")).toContain("số thành viên có mặt (7)");
  });

  it("does not conclude without a quorum, and says why", () => {
    const vote = leaderVote(5);
    const ballots = [choose(1, [A]), choose(2, [A]), choose(3, [A]), choose(4, [B]), choose(5, [B])];
    const { result, text } = minutes(vote, { ballots }, { issued: 5 });
    expect(result.conclusion.concluded).toBe(false);
    expect(text).toContain("- Số thành viên có mặt: 5, bằng 55,56% tổng số thành viên.");
    expect(lineOf(text, "- Số thành viên có mặt không đạt")).toContain("không đủ điều kiện");
    const i = text.indexOf("Chưa kết luận được kết quả kiểm phiếu, vì:");
    expect(i).toBeGreaterThan(0);
    const quorum = result.issues.find((x) => x.code === "vote.quorum.notMet")!;
    expect(text[i + 1]).toBe(`- ${quorum.message.vi}`);
    expect(rowOf(text, A)).toEqual(["1", A, "3", "60,00", "Chưa kết luận"]);
    expect(text.some((l) => l.startsWith("Đơn vị trúng cử"))).toBe(false);
  });
});

describe("the vote-count minutes: a hand count, a tie the meeting decides, a drawn lot", () => {
  const handCount: HandCount = { issued: 8, returned: 8, valid: 6, invalid: 2, votes: { [A]: 4, [B]: 4, [C]: 4 }, invalidReasons: { wrongForm: 1, allStruckOut: 1 } };
  const vote = flagVote({ rule: { percent: 50, comparison: ">=", denominator: "returned", quorum: null }, tieRule: ["meetingDecides"] });

  it("records the hand count, the invalid reasons and the meeting's choice", () => {
    const meeting = { elected: [A, C], note: "Biểu quyết giơ tay 6/8" };
    const { result, text } = minutes(vote, { handCount }, { rec: { meeting } });
    expect(result.conclusion).toMatchObject({ concluded: true, elected: [], meetingDecides: { candidates: [A, B, C], seats: 2 } });
    expect(text).toContain("- Cách nhập kết quả: kiểm đếm bằng tay, nhập số tổng hợp.");
    expect(text).toContain("- Số phiếu hợp lệ: 6.");
    expect(text).toContain("- Số phiếu không hợp lệ: 2; trong đó: Không đúng mẫu quy định hoặc không có dấu: 1; Gạch tất cả các tên: 1.");
    // A hand count has no "Không đồng ý" column.
    expect(text).toContain("STT\tĐơn vị\tSố phiếu đồng ý\tTỷ lệ (%)\tKết quả");
    // Once the meeting has chosen, each tied unit's result says who was chosen (DOMAIN §4: the minutes hold each candidate's result and the conclusion).
    expect(rowOf(text, A)).toEqual(["1", A, "4", "50,00", "Được chọn (hội nghị quyết định)"]);
    expect(rowOf(text, B)).toEqual(["2", B, "4", "50,00", "Không được chọn (hội nghị quyết định)"]);
    expect(rowOf(text, C)).toEqual(["3", C, "4", "50,00", "Được chọn (hội nghị quyết định)"]);
    expect(rowOf(text, D)).toEqual(["4", D, "0", "0,00", "Không đạt tỷ lệ"]);
    expect(text).toContain(`+ Bước 1 – hội nghị quyết định giữa các đơn vị: ${A}, ${B}, ${C}, để chọn 2 đơn vị.`);
    expect(text).toContain(`- Hội nghị đã quyết định chọn: ${A}, ${C}. Ghi chú: Biểu quyết giơ tay 6/8.`);
    expect(text).toContain(`1. ${A}: theo quyết định của hội nghị.`);
    expect(text).toContain(`2. ${C}: theo quyết định của hội nghị.`);
    expect(lineOf(text, FINGERPRINT_LABEL)).toBe(`${FINGERPRINT_LABEL} ${handCountFingerprint(handCount)}`);
  });

  it("says who the meeting chose for a leader vote: elected, by the meeting's decision", () => {
    const leader = flagVote({ purpose: { kind: "leader" }, ballot: { kind: "chooseOne" }, toElect: 1, rule: { percent: 50, comparison: ">=", denominator: "valid", quorum: null }, tieRule: ["meetingDecides"] });
    const tied = [choose(1, [A]), choose(2, [A]), choose(3, [A]), choose(4, [A]), choose(5, [B]), choose(6, [B]), choose(7, [B]), choose(8, [B])];
    const { text } = minutes(leader, { ballots: tied }, { rec: { meeting: { elected: [B], note: "" } } });
    expect(rowOf(text, A)?.[4]).toBe("Không trúng cử (hội nghị quyết định)");
    expect(rowOf(text, B)?.[4]).toBe("Trúng cử (hội nghị quyết định)");
  });

  it("reports the written opinions of absent members apart, and that the vote counts them (Bắc Ninh QĐ 86/2025 Đ8.4)", () => {
    const v = flagVote({ rule: OVER_HALF_VALID, attendance: { members: 8, present: 7 }, writtenOpinions: true });
    const ballots = [...BALLOTS.slice(0, 7), { ...BALLOTS[7], written: true }];
    const { text } = minutes(v, { ballots }, { issued: 7 });
    expect(text).toContain("- Số phiếu thu vào: 8; trong đó 1 ý kiến bằng văn bản của thành viên vắng mặt.");
    expect(text).toContain("- Ý kiến bằng văn bản của thành viên vắng mặt được tính như phiếu bầu (theo quy định của khối).");
  });

  it("leaves the seats to the meeting while it has not decided", () => {
    const { text } = minutes(vote, { handCount });
    expect(rowOf(text, A)?.[4]).toBe("Hội nghị quyết định");
    expect(text.some((l) => l.startsWith("- Hội nghị đã quyết định"))).toBe(false);
    expect(text).toContain("Chưa có đơn vị nào được chọn.");
    expect(text).toContain(`Chưa xác định 2 vị trí: hội nghị quyết định giữa các đơn vị: ${A}, ${B}, ${C}.`);
  });

  it("omits the reasons a hand count does not give", () => {
    const { text } = minutes(vote, { handCount: { ...handCount, invalidReasons: undefined } });
    expect(text).toContain("- Số phiếu không hợp lệ: 2.");
  });

  it("shows the lot's seed and each ticket's first 12 hex characters", () => {
    const seed = "HN-2026";
    const lotVote = flagVote({ rule: OVER_HALF_VALID, tieRule: [{ lot: { seed } }] });
    const { result, text } = minutes(lotVote, { ballots: BALLOTS });
    const step = result.tie!.steps[0];
    if (step.step !== "lot") throw new Error("expected a lot");
    const line = lineOf(text, "+ Bước 1 – bốc thăm");
    expect(line).toContain(`theo mã “${seed}”`);
    for (const name of [B, C]) {
      const ticket = lotTicket(seed, name);
      expect(line).toContain(`${name} (mã thăm ${ticket.slice(0, 12)})`);
      expect(line).not.toContain(ticket.slice(0, 13));
    }
    expect(line).toMatch(new RegExp(`Được chọn: ${step.elected[0]}\\.$`));
    expect(result.conclusion.elected).toEqual([A, step.elected[0]]);
  });
});

describe("the minutes sheet plan", () => {
  const vote = flagVote({ rule: OVER_HALF_VALID, tieRule: ["higherScore", "revote"] });
  const { m, text } = minutes(vote, { ballots: BALLOTS }, { scores: { [B]: 92.5, [C]: 95.25 } });
  const plan = minutesSheetPlan(m);

  it("is values only, A4 portrait with NĐ 30 margins, columns filling the printable width, protected", () => {
    expect(plan.name).toBe(SHEET);
    for (const b of plan.blocks) for (const row of b.rows) for (const c of row) expect(typeof c === "object" && c !== null).toBe(false);
    expect(plan.print).toMatchObject({ orientation: "Portrait", paper: "A4", margins: { top: 57, bottom: 57, left: 85, right: 43 } });
    const total = plan.columnWidths.reduce((a, w) => a + w.width, 0);
    expect(Math.abs(total - 467)).toBeLessThanOrEqual(2);
    expect(plan.protection).toEqual({});
    expect(plan.unlocked).toEqual([]);
    expect(plan.formats[0].format).toMatchObject({ fontName: "Times New Roman", fontSize: 13, wrap: true });
  });

  it("sizes rows from their text: a long paragraph is taller than a short line", () => {
    const rows = plan.blocks[0].rows;
    const heightOf = (prefix: string) => {
      const r = rows.findIndex((row) => typeof row[0] === "string" && row[0].startsWith(prefix));
      expect(r).toBeGreaterThanOrEqual(0);
      return plan.rowHeights!.find((h) => h.row === r + 1)!.height;
    };
    const short = heightOf("- Hình thức");
    expect(short).toBeGreaterThanOrEqual(16);
    // ≈ 145 characters at 13 pt (≈ 5,9 pt each in Times New Roman) over ≈ 460 pt: 2 lines.
    expect(heightOf("Mọi thay đổi về sau")).toBeGreaterThanOrEqual(2 * 16);
    // The fingerprint (≈ 105 characters) takes at least 2 lines.
    expect(heightOf(FINGERPRINT_LABEL)).toBeGreaterThanOrEqual(2 * 16);
    // A long bloc name wraps in the left header half.
    const long = minutesSheetPlan({ ...m, bloc: { ...BLOC, name: "Khối thi đua các cơ quan Đảng, đoàn thể, Mặt trận Tổ quốc và các hội đặc thù cấp tỉnh" } });
    expect(long.rowHeights![0].height).toBeGreaterThanOrEqual(3 * 15);
    expect(plan.rowHeights![0].height).toBeLessThan(long.rowHeights![0].height);
  });

  it("writes into the workbook; the sheet reads as the minutes' text, formatted and read-only", async () => {
    const host = new MemoryHost();
    const w = await writeSheets(host, [plan], { sheets: ["Sheet1"], names: [] });
    expect(w.ok).toBe(true);
    expect(w.issues).toEqual([]);
    const used = parseRange(host.usedRange(SHEET)!);
    const values = host.values(SHEET, `A1:${cellAddress(used.row + used.rowCount - 1, used.col + used.colCount - 1)}`);
    const lines: string[] = [];
    values.forEach((row, r) => {
      const cells: string[] = [];
      row.forEach((v, c) => {
        if (v === null || v === "") return;
        if (typeof v === "number") {
          const nf = host.cell(SHEET, cellAddress(r, c)).format.numberFormat;
          cells.push(nf === "0.00" ? v.toFixed(2).replace(".", ",") : String(v));
        } else cells.push(String(v));
      });
      if (cells.length) lines.push(cells.join("\t"));
    });
    expect(lines).toEqual(text);

    // The title, the header, a percent cell and a long merged line.
    const title = values.findIndex((row) => row[0] === "BIÊN BẢN KIỂM PHIẾU");
    expect(host.cell(SHEET, cellAddress(title, 0)).format).toMatchObject({ bold: true, fontSize: 14, fontName: "Times New Roman", hAlign: "Center" });
    const date = values.findIndex((row) => row[0] === "Bắc Ninh, ngày 05 tháng 12 năm 2026");
    expect(host.cell(SHEET, cellAddress(date, 0)).format).toMatchObject({ italic: true, hAlign: "Right" });
    expect(host.cell(SHEET, "C1").format).toMatchObject({ bold: true, fontName: "Times New Roman" });
    const rowA = values.findIndex((row) => row[1] === A);
    expect(host.cell(SHEET, cellAddress(rowA, 4)).value).toBe(71.43);
    expect(host.cell(SHEET, cellAddress(rowA, 4)).format.numberFormat).toBe("0.00");
    const merges = host.snapshot().sheets.find((s) => s.name === SHEET)!.merges;
    const fp = values.findIndex((row) => typeof row[0] === "string" && row[0].startsWith(FINGERPRINT_LABEL));
    expect(merges).toContain(`A${fp + 1}:F${fp + 1}`);
    expect(merges).toContain("A1:B1");
    expect(merges).toContain("C1:F1");

    expect(host.pageLayout(SHEET)).toMatchObject({ orientation: "Portrait", paperSize: "A4", margins: { top: 57, bottom: 57, left: 85, right: 43 } });
    expect(host.protection(SHEET).protected).toBe(true);
    expect(() => host.userEdit(SHEET, cellAddress(rowA, 2), 9)).toThrow();
  });
});
