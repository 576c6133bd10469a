import { checkBallotEntries, checkBallots, checkHandCount, numberList, percentOf, quorumStatus } from "../../../src/domain/voting/checks";
import type { HandCount } from "../../../src/domain/voting/model";
import { approve, approveAll, choose, codes, flagVote, UNITS } from "./helpers";

const [A, B, C] = UNITS;
const count = (over: Partial<HandCount> = {}): HandCount => ({ issued: 8, returned: 8, valid: 8, invalid: 0, votes: { [A]: 7, [B]: 6 }, ...over });

describe("checkBallots", () => {
  const eight = approveAll([[A, B], [A], [A, C], [A, B], [B], [A, B], [A], [C]]);

  it("has nothing to say about eight good ballots for eight issued", () => {
    expect(checkBallots(flagVote(), eight, { issued: 8 })).toEqual([]);
  });

  it("returned > issued is an error, in the committee's words", () => {
    const issues = checkBallots(flagVote({ attendance: { members: 9, present: 9 } }), [...eight, approve(9, [A])], { issued: 8 });
    expect(codes(issues)).toEqual(["vote.returned.overIssued"]);
    expect(issues[0]).toMatchObject({ severity: "error", ref: { total: "returned" } });
    expect(issues[0].message.vi).toBe("Số phiếu thu vào (9) nhiều hơn số phiếu phát ra (8).");
    expect(issues[0].message.en).toBe("Ballots returned (9) exceed ballots issued (8).");
    expect(issues[0].where).toBeUndefined();
  });

  it("returned < issued is a warning; a number missing from the sequence is a gap with the numbers", () => {
    const issues = checkBallots(flagVote(), eight.filter((b) => b.number !== 3 && b.number !== 5), { issued: 8 });
    expect(codes(issues)).toEqual(["vote.returned.underIssued", "vote.ballot.gap"]);
    expect(issues.every((i) => i.severity === "warning")).toBe(true);
    expect(issues[0].message.vi).toBe("Số phiếu thu vào (6) ít hơn số phiếu phát ra (8): 2 phiếu không thu về.");
    expect(issues[1].ref.missing).toEqual([3, 5]);
    // Issue #13: one template for the gap, with the count (the cut list says how many too).
    expect(issues[1].message.vi).toBe("Thiếu 2 phiếu, gồm các phiếu số 3, 5 trong dãy số phiếu từ 1 đến 8.");
  });

  it("duplicate ballot numbers are an error per number, pointing at the ballot", () => {
    const issues = checkBallots(flagVote(), [...eight.slice(0, 7), approve(4, [C])], { issued: 8 });
    expect(codes(issues)).toEqual(["vote.ballot.duplicate", "vote.ballot.gap"]);
    expect(issues[0]).toMatchObject({ severity: "error", ref: { ballot: 4 } });
    expect(issues[0].message.vi).toBe("Phiếu số 4 được nhập 2 lần.");
  });

  it("a mark for someone not on the ballot is an error with the ballot and the name; a name chosen twice too", () => {
    const vote = flagVote({ ballot: { kind: "chooseUpTo", n: 2 } });
    const ballots = [choose(1, [A, "Sở Nội vụ"]), choose(2, [B, ` ${B.toUpperCase()} `]), choose(3, [A.normalize("NFD")])];
    const issues = checkBallots(vote, ballots, { issued: 3 });
    expect(codes(issues)).toEqual(["vote.candidate.unknown", "vote.ballot.chosenTwice"]);
    expect(issues[0]).toMatchObject({ severity: "error", ref: { ballot: 1, candidate: "Sở Nội vụ" } });
    expect(issues[1]).toMatchObject({ ref: { ballot: 2 } });
    // Approve lists too; a blank mark for an unknown name says nothing.
    const marks = checkBallots(flagVote(), [{ number: 1, marks: { [A]: "approve", "Sở X": "reject", "Sở Y": "blank" }, manualInvalid: null }], { issued: 1 });
    expect(codes(marks)).toEqual(["vote.candidate.unknown"]);
    expect(marks[0].ref.candidate).toBe("Sở X");
  });

  it("a ballot approving and rejecting one unit is an error, never an approval (Luật Trưng cầu ý dân 2015 Đ41.1c by analogy; issue #11)", () => {
    const b = [...approveAll(Array.from({ length: 7 }, () => [UNITS[0]])), { number: 8, marks: { [UNITS[1]]: "approve" as const, [` ${UNITS[1].toUpperCase()}`]: "reject" as const }, manualInvalid: null }];
    const out = checkBallots(flagVote(), b, { issued: 8 });
    expect(out.map((i) => [i.code, i.ref])).toEqual([["vote.ballot.approveAndReject", { ballot: 8, candidate: UNITS[1] }]]);
  });

  it("checkBallotEntries: what an entry sheet could not hold, each with its position (issue #11; Luật Bầu cử 2015 Đ74 by analogy)", () => {
    const out = checkBallotEntries(flagVote(), [approve(1, [UNITS[0]]), approve(1, ["Sở Ngoại vụ"]), approve(0, []), { number: 4, marks: { [UNITS[2]]: "approve", [UNITS[2].normalize("NFD")]: "reject" }, manualInvalid: null }]);
    expect(out.map((x) => [x.index, x.issue.code])).toEqual([
      [1, "vote.ballot.duplicate"],
      [1, "vote.candidate.unknown"],
      [2, "vote.ballot.badNumber"],
      [3, "vote.ballot.approveAndReject"],
    ]);
    expect(checkBallotEntries(flagVote(), approveAll([[UNITS[0]], [], [UNITS[1].normalize("NFD")]]))).toEqual([]);
  });

  it("a ballot over the quota is not an error (it is an invalid ballot)", () => {
    expect(checkBallots(flagVote(), [approve(1, [A, B, C])], { issued: 1 })).toEqual([]);
  });

  it("quorum not met and more ballots issued than present are errors", () => {
    const vote = flagVote({
      rule: { percent: 70, comparison: ">=", denominator: "present", quorum: { percent: 66.67, comparison: ">=", of: "members" } },
      attendance: { members: 8, present: 5 },
    });
    const issues = checkBallots(vote, eight.slice(0, 6), { issued: 6 });
    expect(codes(issues)).toEqual(["vote.issued.overPresent", "vote.quorum.notMet"]);
    expect(issues[1].message.vi).toBe("Không đủ số thành viên tham dự: có mặt 5/8 (62,5%), quy định từ 66,67% trở lên. Kết quả bỏ phiếu không có giá trị.");
    expect(issues[1].ref).toEqual({ total: "present" });
  });

  it("an issued count that is not a whole number is an error", () => {
    expect(codes(checkBallots(flagVote(), eight, { issued: 7.5 }))).toEqual(["vote.count.notCount"]);
    expect(codes(checkBallots(flagVote(), eight, { issued: -1 }))).toEqual(["vote.count.notCount"]);
  });
});

describe("checkHandCount", () => {
  it("has nothing to say about a consistent count", () => {
    expect(checkHandCount(flagVote(), count())).toEqual([]);
    expect(checkHandCount(flagVote(), count({ returned: 8, valid: 7, invalid: 1, invalidReasons: { overQuota: 1 } }))).toEqual([]);
  });

  it("returned > issued; returned < issued", () => {
    expect(codes(checkHandCount(flagVote(), count({ issued: 7 })))).toEqual(["vote.returned.overIssued"]);
    expect(codes(checkHandCount(flagVote(), count({ returned: 7, valid: 7 })))).toEqual(["vote.returned.underIssued"]);
  });

  it("valid + invalid ≠ returned", () => {
    const issues = checkHandCount(flagVote(), count({ valid: 7, invalid: 2 }));
    expect(codes(issues)).toEqual(["vote.count.mismatch"]);
    expect(issues[0].message.vi).toBe("Số phiếu hợp lệ (7) cộng số phiếu không hợp lệ (2) bằng 9, khác số phiếu thu vào (8).");
  });

  it("a candidate's votes > valid points at the candidate", () => {
    const issues = checkHandCount(flagVote(), count({ valid: 6, invalid: 2, votes: { [A]: 7, [B]: 5 } }));
    expect(codes(issues)).toEqual(["vote.candidate.overValid"]);
    expect(issues[0].ref).toEqual({ candidate: A });
    expect(issues[0].message.vi).toBe(`Số phiếu đồng ý của "${A}" (7) nhiều hơn số phiếu hợp lệ (6).`);
  });

  it("the sum of approvals over valid × quota", () => {
    const issues = checkHandCount(flagVote(), count({ votes: { [A]: 8, [B]: 8, [C]: 1 } }));
    expect(codes(issues)).toEqual(["vote.count.overQuota"]);
    expect(issues[0].message.vi).toContain("(8 × 2 = 16)");
  });

  it("votes for an unknown name; numbers that are not counts; reasons that do not add up", () => {
    expect(codes(checkHandCount(flagVote(), count({ votes: { "Sở Nội vụ": 1 } })))).toEqual(["vote.candidate.unknownCount"]);
    expect(codes(checkHandCount(flagVote(), count({ votes: { [A]: 1.5 } })))).toEqual(["vote.count.notCount"]);
    const bad = checkHandCount(flagVote(), count({ valid: -1 }));
    expect(codes(bad)).toEqual(["vote.count.notCount"]);
    expect(bad[0].ref).toEqual({ total: "valid" });
    expect(codes(checkHandCount(flagVote(), count({ valid: 7, invalid: 1, invalidReasons: { noneMarked: 1, other: 1 } })))).toEqual(["vote.count.reasonsMismatch"]);
  });

  it("quorum, counted by hand too", () => {
    const vote = flagVote({ rule: { percent: 50, comparison: ">", denominator: "valid", quorum: { percent: 50, comparison: ">", of: "members" } }, attendance: { members: 8, present: 4 } });
    expect(codes(checkHandCount(vote, count({ issued: 4, returned: 4, valid: 4, votes: {} })))).toEqual(["vote.quorum.notMet"]);
  });
});

describe("helpers", () => {
  it("percentOf rounds like Excel's ROUND to 2 decimals and gives 0 over 0", () => {
    expect(percentOf(6, 8)).toBe(75);
    expect(percentOf(1, 3)).toBe(33.33);
    expect(percentOf(2, 3)).toBe(66.67);
    expect(percentOf(1, 32)).toBe(3.13);
    expect(percentOf(3, 0)).toBe(0);
  });

  it("a quorum of two thirds is written 66.67 and met by 6 of 9 on the printed percentage", () => {
    const vote = flagVote({ rule: { percent: 70, comparison: ">=", denominator: "present", quorum: { percent: 66.67, comparison: ">=", of: "members" } } });
    expect(quorumStatus({ ...vote, attendance: { members: 9, present: 6 } })).toEqual({ percent: 66.67, met: true });
    expect(quorumStatus({ ...vote, attendance: { members: 9, present: 5 } })).toEqual({ percent: 55.56, met: false });
    expect(quorumStatus(flagVote())).toEqual({ percent: 100, met: true });
  });

  it("numberList folds runs", () => {
    expect(numberList([3, 7, 9, 10, 11, 12])).toBe("3, 7, 9–12");
    expect(numberList([1, 2])).toBe("1, 2");
  });
});

describe("checkBallots on mistyped numbers", () => {
  it("a huge number costs nothing: the gap lists the first numbers and says how many", () => {
    const ballots = [approve(1, [A]), approve(2, [A]), approve(1_000_000_000, [A])];
    const issues = checkBallots(flagVote(), ballots, { issued: 3 });
    const gap = issues.find((i) => i.code === "vote.ballot.gap");
    expect(gap?.ref.missing).toHaveLength(200);
    expect(gap?.ref.missing?.[0]).toBe(3);
    expect(gap?.message.vi).toBe("Thiếu 999999997 phiếu, gồm các phiếu số 3–202, … trong dãy số phiếu từ 1 đến 1000000000.");
  });

  it("a number that is not a positive whole number is an error", () => {
    const issues = checkBallots(flagVote(), [approve(1, [A]), approve(0, [A]), approve(2.5, [A])], { issued: 3 });
    expect(codes(issues)).toEqual(["vote.ballot.badNumber", "vote.ballot.badNumber", "vote.ballot.gap"]);
    expect(issues[0].ref).toEqual({ ballot: 0 });
  });
});
