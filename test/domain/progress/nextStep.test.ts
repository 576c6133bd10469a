import { nextStep, NEXT_STEPS, type YearState } from "../../../src/domain/progress/nextStep";

/**
 * The year in DOMAIN §1 ("The year"): (1) launch meeting: pact, criteria, registrations; (2)
 * self-scoring, (3) review; (4) year-end meeting: ranking, secret ballots for awards, next year's
 * leader; (5) the nomination file. Each state below is the workbook after one step of that year.
 */
const EMPTY: YearState = { bloc: false, year: null, pact: false, registrations: false, scoring: false, units: 0, scored: 0, votes: [], leaderRecorded: false, list: false };
const bloc = { ...EMPTY, bloc: true, year: 2025 };
const pact = { ...bloc, pact: true };
const registered = { ...pact, registrations: true };
const inserted = { ...registered, scoring: true, units: 8, scored: 0 };
const partly = { ...inserted, scored: 5 };
const scored = { ...inserted, scored: 8 };
const v1 = { id: "V1", purpose: "award" as const, minutes: false };
const voteCreated = { ...scored, votes: [v1] };
const voteCounted = { ...scored, votes: [{ ...v1, minutes: true }] };
const leaderVote = { ...voteCounted, votes: [...voteCounted.votes, { id: "V2", purpose: "leader" as const, minutes: false }] };
const leader = { ...voteCounted, votes: [...voteCounted.votes, { id: "V2", purpose: "leader" as const, minutes: true }], leaderRecorded: true };
const listed = { ...leader, list: true };

describe("the next step of the year (DOMAIN §1)", () => {
  it.each([
    ["an empty workbook", EMPTY, "next.bloc", "bloc", /^Bước tiếp theo: lưu hồ sơ khối/],
    ["(1) the bloc saved", bloc, "next.pact", "start", /giao ước thi đua/],
    ["(1) the pact written", pact, "next.registrations", "start", /đăng ký thi đua/],
    ["(1) the registrations in", registered, "next.scoring", "scoring", /chèn bảng chấm điểm/],
    ["(2) the score sheets inserted", inserted, "next.scores", "scoring", /còn 8\/8 đơn vị chưa có điểm/],
    ["(2–3) some units scored", partly, "next.scores", "scoring", /còn 3\/8 đơn vị/],
    ["(3) every unit scored", scored, "next.awardVote", "voting", /tạo cuộc bỏ phiếu suy tôn/],
    ["(4) the award vote created", voteCreated, "next.countVote", "voting", /kiểm phiếu và lập biên bản cuộc bỏ phiếu V1/],
    ["(4) the award vote counted", voteCounted, "next.leader", "voting", /trưởng khối năm 2026/],
    ["(4) the leader vote created", leaderVote, "next.countVote", "voting", /V2/],
    ["(4) next year's leader recorded", leader, "next.list", "nomination", /danh sách đề nghị/],
    ["(5) the list generated", listed, "next.files", "nomination", /tải hồ sơ đề nghị/],
  ])("%s", (_, state, code, step, vi) => {
    const next = nextStep(state);
    expect(next).toMatchObject({ code, step });
    expect(next.text.vi).toMatch(vi);
    expect(next.text.vi).toMatch(/^Bước tiếp theo: /);
    expect(next.text.en).toMatch(/^Next: /);
  });

  it("does not send a bloc back to a step it skipped (no pact, already scoring)", () => {
    expect(nextStep({ ...bloc, scoring: true, units: 8, scored: 8 }).code).toBe("next.awardVote");
    expect(nextStep({ ...bloc, list: true }).code).toBe("next.files");
  });

  it("before next year's workbook, the last step points to making it; once made, the year goes on there", () => {
    expect(nextStep(listed).text).toEqual({
      vi: "Bước tiếp theo: tải hồ sơ đề nghị (tờ trình, biên bản, danh sách) gửi Ban Thi đua - Khen thưởng, rồi tạo bảng tính năm sau (mục “Năm sau”).",
      en: "Next: download the nomination file (submission, minutes, list) for the provincial emulation board, then create next year's workbook (“Next year”).",
    });
    const made = nextStep(listed, { nextYearMade: true });
    expect(made).toMatchObject({ code: "next.newYear", step: "nomination" });
    expect(made.text).toEqual({
      vi: "Bước tiếp theo: gửi hồ sơ đề nghị năm nay (nếu chưa gửi); năm 2026 làm tiếp trong bảng tính vừa tạo, bắt đầu từ giao ước thi đua.",
      en: "Next: send this year's nomination file (if not sent yet); 2026 carries on in the workbook just made, starting with the emulation pact.",
    });
  });

  it("next year's workbook made early does not skip what is left of this year", () => {
    expect(nextStep(leader, { nextYearMade: true }).code).toBe("next.list");
    expect(nextStep(leaderVote, { nextYearMade: true }).code).toBe("next.countVote");
    expect(nextStep({ ...bloc, list: true }, { nextYearMade: true }).code).toBe("next.newYear");
  });

  it("has both languages for every code, no placeholder left unfilled", () => {
    for (const [code, s] of Object.entries(NEXT_STEPS)) {
      expect([code, s.vi.length > 0, s.en.length > 0]).toEqual([code, true, true]);
      expect(s.vi.match(/\{\w+\}/g) ?? []).toEqual(s.en.match(/\{\w+\}/g) ?? []);
    }
    for (const state of [EMPTY, bloc, partly, voteCreated, voteCounted, listed]) for (const nextYearMade of [false, true]) expect(JSON.stringify(nextStep(state, { nextYearMade }).text)).not.toMatch(/\{\w+\}/);
  });
});
