import { MINUTES_OUTCOME_WORDS, OUTCOME_TERMS, paneOf } from "../../../src/domain/voting/terms";

/**
 * Issue #13 ("one vocabulary"): a candidate's outcome is one term carrying both the pane's words
 * and the count minutes' words (NĐ 30/2020 document wording, which tells a leader "trúng cử" from
 * an award "được chọn"; DOMAIN.md §3, §5), not a second list beside it.
 */
describe("outcome terms (issue #13, DOMAIN §3/§5)", () => {
  it("each outcome carries its minutes wording for a leader and for an award", () => {
    expect(OUTCOME_TERMS.elected.minutes).toEqual({ leader: "Trúng cử", award: "Được chọn" });
    expect(OUTCOME_TERMS.notElected.minutes).toEqual({ leader: "Không trúng cử", award: "Không được chọn" });
    expect(OUTCOME_TERMS.notPassed.minutes).toEqual({ leader: "Không đạt tỷ lệ", award: "Không đạt tỷ lệ" });
    for (const t of Object.values(OUTCOME_TERMS)) expect(t.minutes.leader && t.minutes.award).toBeTruthy();
  });

  it("the minutes' words, as read by the minutes sheet, are the old list to the byte", () => {
    expect(MINUTES_OUTCOME_WORDS).toEqual({
      elected: "Trúng cử",
      electedAward: "Được chọn",
      notElected: "Không được chọn",
      notElectedLeader: "Không trúng cử",
      byMeeting: " (hội nghị quyết định)",
      notPassed: "Không đạt tỷ lệ",
      revote: "Bỏ phiếu lại",
      meetingDecides: "Hội nghị quyết định",
      runoff: "Vào vòng bầu lại",
      unconcluded: "Chưa kết luận",
    });
  });

  it("the pane keeps its words", () => {
    expect(paneOf(OUTCOME_TERMS, "vi")).toEqual({ elected: "Được chọn", notElected: "Ngoài số lượng", notPassed: "Không đạt", revote: "Bỏ phiếu lại", meetingDecides: "Hội nghị quyết định", runoff: "Vào vòng bầu lại" });
    expect(paneOf(OUTCOME_TERMS, "en").runoff).toBe("Goes to the run-off");
  });
});
