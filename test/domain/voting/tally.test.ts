import { createHash } from "node:crypto";
import type { Ballot, Vote } from "../../../src/domain/voting/model";
import { ballotStatus, drawLot, lotTicket, revoteRound, runoffRound, tally } from "../../../src/domain/voting/tally";
import { compareEntries } from "../../../src/domain/voting/doubleEntry";
import { ballotsFingerprint } from "../../../src/domain/voting/fingerprint";
import { approve, approveAll, choose, codes, flagVote, UNITS } from "./helpers";

const [A, B, C, D] = UNITS;
const byName = (r: ReturnType<typeof tally>) => Object.fromEntries(r.candidates.map((c) => [c.name, c]));

describe("ballotStatus", () => {
  const vote = flagVote();

  it("over the quota is invalid (overQuota); at the quota is valid", () => {
    expect(ballotStatus(vote, approve(1, [A, B, C]))).toEqual({ valid: false, reason: "overQuota", marked: 3 });
    expect(ballotStatus(vote, approve(1, [A, B], [C, D]))).toEqual({ valid: true, reason: null, marked: 2 });
    expect(ballotStatus(flagVote({ ballot: { kind: "chooseOne" } }), choose(1, [A, B]))).toMatchObject({ valid: false, reason: "overQuota" });
    expect(ballotStatus(flagVote({ ballot: { kind: "chooseUpTo", n: 3 } }), choose(1, [A, B, C]))).toMatchObject({ valid: true });
  });

  it("none marked is valid or invalid as set; rejecting everyone is marked", () => {
    const blank: Ballot = { number: 1, marks: { [A]: "blank" }, manualInvalid: null };
    expect(ballotStatus(vote, blank)).toEqual({ valid: true, reason: null, marked: 0 });
    expect(ballotStatus(flagVote({ invalid: { overQuota: "invalid", noneMarked: "invalid" } }), blank)).toEqual({ valid: false, reason: "noneMarked", marked: 0 });
    expect(ballotStatus(flagVote({ invalid: { overQuota: "invalid", noneMarked: "invalid" } }), choose(1, []))).toMatchObject({ reason: "noneMarked" });
    expect(ballotStatus(flagVote({ invalid: { overQuota: "invalid", noneMarked: "invalid" } }), approve(1, [], UNITS))).toEqual({ valid: true, reason: null, marked: 0 });
  });

  it("a manual reason makes any ballot invalid, before the computed ones", () => {
    for (const reason of ["wrongForm", "addedNames", "allStruckOut", "other"] as const) {
      expect(ballotStatus(vote, approve(1, [A], [], reason))).toEqual({ valid: false, reason, marked: 1 });
    }
    expect(ballotStatus(vote, approve(1, [A, B, C], [], "wrongForm")).reason).toBe("wrongForm");
  });

  it("names match case-, space- and NFC/NFD-insensitively", () => {
    expect(ballotStatus(vote, approve(1, [` ${A.toLowerCase().normalize("NFD")}  `, B]))).toEqual({ valid: true, reason: null, marked: 2 });
  });
});

describe("tally: DOMAIN §3 cases", () => {
  it("≥ 80% of 8 members needs 7 approvals: 7/8 = 87.5% passes, 6/8 = 75% fails", () => {
    // A on 7 ballots, B on 6, C on 2 (a name marked twice counts once).
    const ballots = approveAll([[A, B], [A, B], [A, B], [A, B], [A, B], [A, B], [A, C], [C, C]]);
    const r = tally(flagVote(), { ballots }, { issued: 8 });
    const c = byName(r);
    expect(c[A]).toMatchObject({ votes: 7, percent: 87.5, passes: true, outcome: "elected", settledBy: "votes", rank: 1, against: 0 });
    expect(c[B]).toMatchObject({ votes: 6, percent: 75, passes: false, outcome: "notPassed", settledBy: null, rank: 2 });
    expect(c[C]).toMatchObject({ votes: 2, percent: 25, passes: false, rank: 3 });
    expect(c[D]).toMatchObject({ votes: 0, percent: 0, outcome: "notPassed", rank: 4 });
    expect(r.totals).toEqual({
      issued: 8,
      returned: 8,
      valid: 8,
      invalid: 0,
      invalidReasons: { overQuota: 0, noneMarked: 0, wrongForm: 0, addedNames: 0, allStruckOut: 0, other: 0 },
      written: 0,
      members: 8,
      present: 8,
      presentPercent: 100,
      quorumMet: true,
      denominator: { kind: "members", value: 8 },
    });
    // Only one passes: one flag proposed, not two.
    expect(r.conclusion).toEqual({ concluded: true, final: true, elected: [A], revote: null, meetingDecides: null, runoff: null });
    expect(r.tie).toBeNull();
    expect(r.issues).toEqual([]);
  });

  it("> 50% of valid ballots: invalid ballots leave the denominator; exactly half fails", () => {
    const vote = flagVote({
      purpose: { kind: "leader" },
      title: "Bầu trưởng khối năm 2027",
      ballot: { kind: "chooseOne" },
      rule: { percent: 50, comparison: ">", denominator: "valid", quorum: null },
      toElect: 1,
      tieRule: ["revote"],
    });
    const ballots = [choose(1, [A]), choose(2, [A]), choose(3, [A]), choose(4, [A]), choose(5, [B]), choose(6, [B]), choose(7, [A, B]), choose(8, [C], "addedNames")];
    const r = tally(vote, { ballots }, { issued: 8 });
    expect(r.totals).toMatchObject({ valid: 6, invalid: 2, denominator: { kind: "valid", value: 6 } });
    expect(r.totals.invalidReasons).toMatchObject({ overQuota: 1, addedNames: 1 });
    expect(byName(r)[A]).toMatchObject({ votes: 4, percent: 66.67, passes: true, outcome: "elected", against: null });
    expect(byName(r)[B]).toMatchObject({ votes: 2, percent: 33.33, passes: false });
    expect(r.conclusion.elected).toEqual([A]);
    // 3 of 6: exactly half is not more than half.
    const half = tally(vote, { ballots: [choose(1, [A]), choose(2, [A]), choose(3, [A]), choose(4, [B]), choose(5, [B]), choose(6, [C])] }, { issued: 8 });
    expect(byName(half)[A]).toMatchObject({ percent: 50, passes: false, outcome: "notPassed" });
    expect(half.conclusion.elected).toEqual([]);
  });

  it("≥ 70% of those present, quorum 2/3 of members", () => {
    const vote = flagVote({ rule: { percent: 70, comparison: ">=", denominator: "present", quorum: { percent: 66.67, comparison: ">=", of: "members" } }, attendance: { members: 9, present: 6 }, toElect: 1, ballot: { kind: "approve", quota: 1 } });
    const ballots = approveAll([[A], [A], [A], [A], [A], [B]]);
    const r = tally(vote, { ballots }, { issued: 6 });
    expect(r.totals).toMatchObject({ presentPercent: 66.67, quorumMet: true, denominator: { kind: "present", value: 6 } });
    expect(byName(r)[A]).toMatchObject({ votes: 5, percent: 83.33, passes: true, outcome: "elected" });
    // Five of nine present: no quorum, the count does not conclude.
    const few = tally({ ...vote, attendance: { members: 9, present: 5 } }, { ballots: ballots.slice(0, 5) }, { issued: 5 });
    expect(few.totals.quorumMet).toBe(false);
    expect(codes(few.issues)).toContain("vote.quorum.notMet");
    expect(few.conclusion.concluded).toBe(false);
    expect(few.conclusion.final).toBe(false);
  });

  it("each denominator takes its own number", () => {
    const ballots = [...approveAll([[A], [A], [A], [B]]), approve(5, [A, B, C])];
    const at = (denominator: Vote["rule"]["denominator"]) => {
      const r = tally(flagVote({ rule: { percent: 50, comparison: ">", denominator, quorum: null }, attendance: { members: 8, present: 6 } }), { ballots }, { issued: 6 });
      return [r.totals.denominator.value, byName(r)[A].percent];
    };
    expect(at("members")).toEqual([8, 37.5]);
    expect(at("present")).toEqual([6, 50]);
    expect(at("issued")).toEqual([6, 50]);
    expect(at("returned")).toEqual([5, 60]);
    expect(at("valid")).toEqual([4, 75]);
  });

  it("a hand count tallies like the ballots it counts", () => {
    const ballots = approveAll([[A, B], [A, B], [A, B], [A, B], [A, B], [A, B], [A, C], [C]]);
    const byBallots = tally(flagVote(), { ballots }, { issued: 8 });
    const byHand = tally(flagVote(), { handCount: { issued: 8, returned: 8, valid: 8, invalid: 0, votes: { [A]: 7, [B]: 6, [C]: 2 } } }, { issued: 8 });
    expect(byHand.candidates.map(({ against: _a, ...c }) => c)).toEqual(byBallots.candidates.map(({ against: _a, ...c }) => c));
    expect(byHand.conclusion).toEqual(byBallots.conclusion);
    expect(byHand.totals.invalidReasons).toBeNull();
    const differs = tally(flagVote(), { handCount: { issued: 8, returned: 8, valid: 8, invalid: 0, votes: {} } }, { issued: 9 });
    expect(codes(differs.issues)).toContain("vote.issued.mismatch");
    expect(differs.conclusion.concluded).toBe(false);
  });
});

describe("tally: a tie at the cutoff", () => {
  // Two flags, ≥ 50% of members: A on 6 ballots, B and C on 5 each → A in, B and C tied for one seat.
  const ballots = [...approveAll([[A, B], [A, B], [A, B], [A, C], [A, C], [A, C], [B, C], [B, C]])];
  const vote = (tieRule: Vote["tieRule"]) => flagVote({ rule: { percent: 50, comparison: ">=", denominator: "members", quorum: null }, tieRule });

  it("is settled by the higher total score", () => {
    const r = tally(vote(["higherScore", "revote"]), { ballots }, { issued: 8, scores: { [A]: 90, [B]: 92.5, [C.toUpperCase()]: 95 } });
    const c = byName(r);
    expect(c[A]).toMatchObject({ votes: 6, outcome: "elected", settledBy: "votes", tied: false });
    expect(c[B]).toMatchObject({ votes: 5, percent: 62.5, tied: true, outcome: "notElected", settledBy: "higherScore", score: 92.5 });
    expect(c[C]).toMatchObject({ votes: 5, tied: true, outcome: "elected", settledBy: "higherScore", score: 95 });
    expect(r.tie).toEqual({
      candidates: [B, C],
      votes: 5,
      seats: 1,
      steps: [{ step: "higherScore", applied: true, scores: { [B]: 92.5, [C]: 95 }, elected: [C], out: [B], stillTied: [] }],
    });
    expect(r.conclusion).toEqual({ concluded: true, final: true, elected: [A, C], revote: null, meetingDecides: null, runoff: null });
  });

  it("equal scores go to the next step: a lot, reproducible from its seed", () => {
    const rule = vote(["higherScore", { lot: { seed: "Hội nghị tổng kết 20/12/2026" } }]);
    const r = tally(rule, { ballots }, { issued: 8, scores: { [A]: 90, [B]: 95, [C]: 95 } });
    expect(r.tie?.steps[0]).toEqual({ step: "higherScore", applied: true, scores: { [B]: 95, [C]: 95 }, elected: [], out: [], stillTied: [B, C] });
    const lot = r.tie?.steps[1];
    if (lot?.step !== "lot") throw new Error("no lot");
    expect(lot.seed).toBe("Hội nghị tổng kết 20/12/2026");
    expect(lot.order.map((o) => o.name).sort()).toEqual([B, C].sort());
    expect(lot.elected).toEqual([lot.order[0].name]);
    expect(r.conclusion.elected).toEqual([A, lot.order[0].name]);
    expect(byName(r)[lot.order[1].name]).toMatchObject({ outcome: "notElected", settledBy: "lot" });
    // Same seed, same draw, whatever the order of the ballots; the ticket is SHA-256 of "seed\nname key".
    const again = tally(rule, { ballots: [...ballots].reverse() }, { issued: 8, scores: { [C]: 95, [B]: 95, [A]: 90 } });
    expect(again.tie).toEqual(r.tie);
    expect(lot.order[0].ticket).toBe(createHash("sha256").update(`Hội nghị tổng kết 20/12/2026\n${lot.order[0].name.toLocaleLowerCase("vi")}`, "utf8").digest("hex"));
    expect(lot.order[0].ticket < lot.order[1].ticket).toBe(true);
  });

  it("a lot's order depends on the seed and the names only", () => {
    expect(drawLot("seed-1", [B, C, D])).toEqual(drawLot("seed-1", [D, C, B]));
    expect(lotTicket("seed-1", B)).toBe(lotTicket("seed-1".normalize("NFD"), ` ${B.toUpperCase()} `));
    const orders = new Set(Array.from({ length: 40 }, (_, i) => drawLot(`seed-${i}`, [B, C, D]).map((o) => o.name).join("|")));
    expect(orders.size).toBeGreaterThan(3);
  });

  it("a revote marks the tied for round 2, and round 2 is a new vote among them; round 1 stays", () => {
    const v = vote(["higherScore", "revote"]);
    const before = JSON.parse(JSON.stringify(v));
    const r = tally(v, { ballots }, { issued: 8 });
    expect(codes(r.issues)).toEqual(["vote.tie.noScore"]);
    // A score that is not a number is no score.
    expect(tally(v, { ballots }, { issued: 8, scores: { [B]: Number.NaN, [C]: 95 } }).tie?.steps[0]).toEqual({ step: "higherScore", applied: false, missing: [B] });
    expect(r.tie?.steps).toEqual([
      { step: "higherScore", applied: false, missing: [B, C] },
      { step: "revote", candidates: [B, C], seats: 1 },
    ]);
    expect(r.conclusion).toEqual({ concluded: true, final: false, elected: [A], revote: { candidates: [B, C], seats: 1 }, meetingDecides: null, runoff: null });
    expect(byName(r)[B]).toMatchObject({ outcome: "revote", settledBy: null, tied: true });
    const round2 = revoteRound(v, r.conclusion.revote as { candidates: string[]; seats: number });
    expect(round2).toMatchObject({ round: 2, parent: { round: 1, candidates: UNITS }, candidates: [B, C], toElect: 1, ballot: { kind: "approve", quota: 1 }, title: v.title });
    expect(v).toEqual(before);
    // Round 2: C wins 5–3.
    const r2 = tally(round2, { ballots: approveAll([[C], [C], [C], [C], [C], [B], [B], [B]]) }, { issued: 8 });
    expect(r2.vote.round).toBe(2);
    expect(r2.conclusion).toMatchObject({ final: true, elected: [C] });
  });

  it("with no step left, or the meeting deciding, the seat waits for the meeting; never more elected than seats", () => {
    for (const tieRule of [[], ["meetingDecides"], ["higherScore"]] as Vote["tieRule"][]) {
      const r = tally(vote(tieRule), { ballots }, { issued: 8 });
      expect(r.conclusion.elected).toEqual([A]);
      expect(r.conclusion.meetingDecides).toEqual({ candidates: [B, C], seats: 1 });
      expect(r.conclusion.final).toBe(false);
      expect(r.tie?.steps[r.tie.steps.length - 1]).toEqual({ step: "meetingDecides", candidates: [B, C], seats: 1, byDefault: tieRule[tieRule.length - 1] !== "meetingDecides" });
      expect(byName(r)[C].outcome).toBe("meetingDecides");
    }
  });

  it("higher score settles part of a three-way tie and hands the rest on", () => {
    // Three flags, A, B, C, D each on 4 ballots of 8 (quota 2): four tied for three seats.
    const four = approveAll([[A, B], [A, B], [A, C], [A, D], [B, C], [B, D], [C, D], [C, D]]);
    const v = flagVote({ toElect: 3, ballot: { kind: "approve", quota: 3 }, rule: { percent: 50, comparison: ">=", denominator: "members", quorum: null }, tieRule: ["higherScore", "revote"] });
    const r = tally(v, { ballots: four }, { issued: 8, scores: { [A]: 97, [B]: 95, [C]: 95, [D]: 95 } });
    expect(r.tie?.candidates).toEqual([A, B, C, D]);
    expect(r.tie?.seats).toBe(3);
    expect(r.conclusion.elected).toEqual([A]);
    expect(r.conclusion.revote).toEqual({ candidates: [B, C, D], seats: 2 });
    expect(revoteRound(v, r.conclusion.revote as { candidates: string[]; seats: number })).toMatchObject({ candidates: [B, C, D], toElect: 2, ballot: { quota: 2 } });
  });

  it("candidates who tie but all fit are all elected, without a tie", () => {
    const r = tally(flagVote({ rule: { percent: 50, comparison: ">=", denominator: "members", quorum: null } }), { ballots: approveAll([[A, B], [A, B], [A, B], [A, B], [C], [C], [C], [D]]) }, { issued: 8 });
    expect(r.tie).toBeNull();
    expect(r.conclusion.elected).toEqual([A, B]);
    expect(byName(r)[A].rank).toBe(1);
    expect(byName(r)[B].rank).toBe(1);
  });
});

describe("tally: a run-off when too few reach the rule (leader votes)", () => {
  // DOMAIN §1: the leader is elected at the year-end meeting; with a majority rule and three or more
  // candidates nobody may reach it. The bloc's rule (`runoff`) then calls a new round among the top two
  // (all tied at the second place, or all tied at the top). No rule for blocs was found: like the tie rule (DOMAIN §4), a declared setting of the vote.
  const leader = (over: Partial<Vote> = {}) =>
    flagVote({
      purpose: { kind: "leader" },
      title: "Bầu Trưởng khối năm 2027",
      candidates: [A, B, C, D],
      ballot: { kind: "chooseOne" },
      rule: { percent: 50, comparison: ">", denominator: "valid", quorum: null },
      invalid: { overQuota: "invalid", noneMarked: "invalid" },
      toElect: 1,
      tieRule: ["revote"],
      runoff: true,
      ...over,
    });
  const ballots = (names: string[]) => names.map((n, i) => choose(i + 1, [n]));

  it("nobody has a majority: the two with most votes go to round 2; nothing is final", () => {
    const r = tally(leader(), { ballots: ballots([A, A, A, B, B, C, C, D]) }, { issued: 8 });
    expect(r.candidates.every((c) => !c.passes)).toBe(true);
    expect(r.conclusion).toMatchObject({ concluded: true, final: false, elected: [], revote: null, runoff: { candidates: [A, B, C], seats: 1 } });
    // B and C tie for the second place: both go on.
    expect(r.candidates.map((c) => c.outcome)).toEqual(["runoff", "runoff", "runoff", "notPassed"]);
    const two = tally(leader(), { ballots: ballots([A, A, A, B, B, C, D, D]) }, { issued: 8 });
    expect(two.conclusion.runoff).toEqual({ candidates: [A, B, D], seats: 1 });
    const clear = tally(leader(), { ballots: ballots([A, A, A, B, B, B, C, D]) }, { issued: 8 });
    // Tied at the top: the tied top ones, not a third.
    expect(clear.conclusion.runoff).toEqual({ candidates: [A, B], seats: 1 });
  });

  it("without the rule, or with a winner, there is no run-off", () => {
    const off = tally(leader({ runoff: false }), { ballots: ballots([A, A, A, B, B, C, C, D]) }, { issued: 8 });
    expect(off.conclusion).toMatchObject({ final: true, elected: [], runoff: null });
    const won = tally(leader(), { ballots: ballots([A, A, A, A, A, B, C, D]) }, { issued: 8 });
    expect(won.conclusion).toMatchObject({ final: true, elected: [A], runoff: null });
  });

  it("round 2 is a new vote among the top ones, continuing round 1 as a run-off; round 1 stays", () => {
    const v1 = leader();
    const r = tally(v1, { ballots: ballots([A, A, A, B, B, B, C, D]) }, { issued: 8 });
    const v2 = runoffRound(v1, r.conclusion.runoff!);
    expect(v2).toMatchObject({ round: 2, parent: { round: 1, candidates: [A, B, C, D], kind: "runoff" }, candidates: [A, B], toElect: 1, ballot: { kind: "chooseOne" }, runoff: true });
    expect(v1.candidates).toEqual([A, B, C, D]);
    const r2 = tally(v2, { ballots: ballots([A, A, A, A, A, B, B, B]) }, { issued: 8 });
    expect(r2.conclusion).toMatchObject({ final: true, elected: [A] });
  });
});

describe("tally: written opinions of absent members (Bắc Ninh QĐ 86/2025 Đ8.4, DOMAIN §3)", () => {
  // 8 members, 7 present: 7 ballots issued at the meeting, and the absent member's written opinion.
  const vote = (over: Partial<Vote> = {}) => flagVote({ attendance: { members: 8, present: 7 }, writtenOpinions: true, ...over });
  const at = [approve(1, [A, B]), approve(2, [A, B]), approve(3, [A, B]), approve(4, [A, C]), approve(5, [A, C]), approve(6, [A, B]), approve(7, [B, C])];
  const written: Ballot = { ...approve(8, [A, B]), written: true };

  it("counts a written opinion like a ballot when the vote allows it, and reports it apart", () => {
    const r = tally(vote(), { ballots: [...at, written] }, { issued: 7 });
    expect(codes(r.issues)).toEqual([]);
    expect(r.totals).toMatchObject({ issued: 7, returned: 8, valid: 8, invalid: 0, written: 1 });
    // 7 of 8 members approve A: 87.5% ≥ 80%.
    expect(byName(r)[A]).toMatchObject({ votes: 7, passes: true });
    expect(ballotsFingerprint([...at, written])).not.toBe(ballotsFingerprint([...at, { ...written, written: undefined }]));
  });

  it("refuses a written opinion the vote does not allow, or more written opinions than absent members", () => {
    expect(codes(tally(vote({ writtenOpinions: false }), { ballots: [...at, written] }, { issued: 7 }).issues)).toContain("vote.written.notAllowed");
    const two = tally(vote(), { ballots: [...at, written, { ...approve(9, [A]), written: true }] }, { issued: 7 });
    expect(codes(two.issues)).toContain("vote.written.overAbsent");
    // Ballots issued at the meeting still may not exceed those present.
    expect(codes(tally(vote(), { ballots: [...at, written] }, { issued: 8 }).issues)).toContain("vote.issued.overPresent");
  });

  it("a difference between two entries on whether a ballot is a written opinion is a difference", () => {
    expect(compareEntries(UNITS, [written], [{ ...written, written: undefined }])).toEqual([{ kind: "reason", ballot: 8, first: "ý kiến bằng văn bản", second: "phiếu tại hội nghị" }]);
  });
});
