import fc from "fast-check";
import { compareEntries, reconcile } from "../../../src/domain/voting/doubleEntry";
import type { Ballot } from "../../../src/domain/voting/model";

const C = ["Sở Công Thương", "Sở Xây dựng", "Sở Y tế"];
const ballot = (number: number, marks: Record<string, "approve" | "reject" | "blank">, manualInvalid: Ballot["manualInvalid"] = null): Ballot => ({ number, marks, manualInvalid });

describe("double entry", () => {
  const typed = [ballot(1, { "Sở Công Thương": "approve", "Sở Xây dựng": "reject" }), ballot(2, { "Sở Y tế": "approve" }), ballot(3, {}, "wrongForm")];

  it("concludes when both entries agree, whatever the spelling of names", () => {
    const again = [ballot(1, { " SỞ CÔNG THƯƠNG ": "approve", "sở xây dựng": "reject" }), ballot(2, { "Sở Y tế": "approve", "Sở Xây dựng": "blank" }), ballot(3, {}, "wrongForm")];
    const out = reconcile(C, typed, again, null);
    expect(out.differences).toEqual([]);
    expect(out.ballots).toBe(typed);
    expect(out.statement.vi).toBe("Hai lần nhập 3 phiếu độc lập khớp nhau hoàn toàn.");
  });

  it("lists every difference by ballot and candidate, and refuses to conclude", () => {
    const again = [ballot(1, { "Sở Công Thương": "approve", "Sở Xây dựng": "blank" }), ballot(3, {}, "addedNames"), ballot(4, { "Sở Y tế": "approve" })];
    const out = reconcile(C, typed, again, null);
    expect(out.ballots).toBeNull();
    expect(out.differences).toEqual([
      { kind: "mark", ballot: 1, candidate: "Sở Xây dựng", first: "Không đồng ý (k)", second: "trống" },
      { kind: "onlyInFirst", ballot: 2 },
      { kind: "reason", ballot: 3, first: "Không đúng mẫu quy định hoặc không có dấu", second: expect.any(String) },
      { kind: "onlyInSecond", ballot: 4 },
    ]);
    expect(out.issues.map((i) => [i.code, i.severity, i.ref])).toEqual([
      ["vote.double.mark", "error", { ballot: 1, candidate: "Sở Xây dựng" }],
      ["vote.double.onlyInFirst", "error", { ballot: 2, candidate: undefined }],
      ["vote.double.reason", "error", { ballot: 3, candidate: undefined }],
      ["vote.double.onlyInSecond", "error", { ballot: 4, candidate: undefined }],
    ]);
    expect(out.issues[0].message.vi).toBe("Phiếu số 1, Sở Xây dựng: lần nhập 1 là “Không đồng ý (k)”, lần nhập 2 là “trống”.");
    expect(out.statement.vi).toMatch(/khác nhau ở 4 chỗ: chưa thể kết luận/);
  });

  it("uses the side the committee accepted, and says so for the minutes", () => {
    const again = [ballot(1, { "Sở Công Thương": "approve" }), ballot(2, { "Sở Y tế": "approve" }), ballot(3, {}, "wrongForm")];
    const out = reconcile(C, typed, again, { accept: "second", by: "Ban kiểm phiếu" });
    expect(out.ballots).toBe(again);
    expect(out.issues).toEqual([]);
    expect(out.statement.vi).toBe("Hai lần nhập khác nhau ở 1 chỗ; Ban kiểm phiếu quyết định lấy kết quả lần nhập 2 sau khi đối chiếu phiếu giấy.");
  });

  it("is symmetric, and an entry always agrees with itself", () => {
    const mark = fc.constantFrom("approve" as const, "reject" as const, "blank" as const);
    const ballots = fc.uniqueArray(fc.record({ number: fc.integer({ min: 1, max: 12 }), marks: fc.tuple(mark, mark, mark), reason: fc.constantFrom(null, "wrongForm" as const) }), {
      selector: (b) => b.number,
      maxLength: 10,
    });
    const toBallots = (list: { number: number; marks: ("approve" | "reject" | "blank")[]; reason: Ballot["manualInvalid"] }[]) =>
      list.map((b) => ballot(b.number, Object.fromEntries(C.map((c, i) => [c, b.marks[i]])), b.reason));
    fc.assert(
      fc.property(ballots, ballots, (x, y) => {
        const a = toBallots(x);
        const b = toBallots(y);
        expect(compareEntries(C, a, a)).toEqual([]);
        const ab = compareEntries(C, a, b);
        const ba = compareEntries(C, b, a);
        expect(ba.length).toBe(ab.length);
        const swap = { onlyInFirst: "onlyInSecond", onlyInSecond: "onlyInFirst", mark: "mark", reason: "reason" } as const;
        expect(ba.map((d) => ({ ...d, kind: swap[d.kind], first: d.second, second: d.first }))).toEqual(ab.map((d) => ({ ...d, first: d.first, second: d.second })));
      }),
    );
  });
});
