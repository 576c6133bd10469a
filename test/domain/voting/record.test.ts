import { applyMeeting, nextVoteId, revoteId, VOTE_ID } from "../../../src/domain/voting/record";

describe("vote records", () => {
  it("gives new ids after the highest and revote ids per round", () => {
    expect(nextVoteId([])).toBe("V1");
    expect(nextVoteId(["V1", "V3_2", "V2"])).toBe("V4");
    expect(revoteId("V3", 2)).toBe("V3_2");
    expect(revoteId("V3_2", 3)).toBe("V3_3");
    expect(["V1", "V12_3"].every((id) => VOTE_ID.test(id))).toBe(true);
    expect(["v1", "V0", "V1-2", "X1", "V1_0"].some((id) => VOTE_ID.test(id))).toBe(false);
  });

  it("adds the meeting's choice to the elected only when it fills the pending seats from the tied", () => {
    const pending = { candidates: ["Sở Y tế", "Báo tỉnh", "Sở Giáo dục"], seats: 1 };
    expect(applyMeeting(null, ["A"], null)).toEqual({ elected: ["A"], decided: true, issues: [] });
    expect(applyMeeting(pending, ["A"], null)).toMatchObject({ elected: ["A"], decided: false, issues: [] });
    // Case, spacing and NFD do not matter; the roster spelling is kept.
    expect(applyMeeting(pending, ["A"], { elected: ["  báo TỈNH ".normalize("NFD")], note: "" })).toEqual({ elected: ["A", "Báo tỉnh"], decided: true, issues: [] });
    expect(applyMeeting(pending, ["A"], { elected: ["Sở Lao động"], note: "" }).issues.map((i) => i.code)).toEqual(["vote.meeting.notTied"]);
    const two = applyMeeting(pending, ["A"], { elected: ["Sở Y tế", "Báo tỉnh"], note: "" });
    expect(two).toMatchObject({ elected: ["A"], decided: false });
    expect(two.issues.map((i) => i.code)).toEqual(["vote.meeting.seats"]);
  });
});
