import { nextLeadership, type LeadershipRecord } from "../../../src/domain/voting/leader";
import { tally } from "../../../src/domain/voting/tally";
import { choose, codes, flagVote, UNITS } from "./helpers";

const [A, B, C, D, E, F, G, H] = UNITS;
const rec = (year: number, leader: string, ...deputies: string[]): LeadershipRecord => ({ year, leader, deputies });

describe("rotation", () => {
  it("takes the next members in roster order who have not led, skipping recent leaders", () => {
    const history = [rec(2023, A, B), rec(2024, B, C), rec(2025, D, E)];
    const r = nextLeadership({ roster: UNITS, history, year: 2026, mode: { mode: "rotation", deputies: 1 } });
    // After this year's leader D: E (has not led), then F.
    expect(r).toEqual({ year: 2026, leader: E, deputies: [F], issues: [] });
    // C never led but comes before D in the roster: its turn comes when the rotation wraps.
    const later = nextLeadership({ roster: UNITS, history: [...history, rec(2026, E), rec(2027, F), rec(2028, G), rec(2029, H)], year: 2030, mode: { mode: "rotation", deputies: 2 } });
    // Nobody else is left who has not led: the deputies open the next round, from the top.
    expect(later).toMatchObject({ leader: C, deputies: [A, B], issues: [{ code: "leader.rotation.deputyRestart", severity: "warning" }] });
  });

  it("starts at the top with no history; two deputies; names matched NFC/case/space-insensitively", () => {
    expect(nextLeadership({ roster: UNITS, history: [], year: 2026, mode: { mode: "rotation", deputies: 2 } })).toEqual({ year: 2026, leader: A, deputies: [B, C], issues: [] });
    const r = nextLeadership({ roster: UNITS, history: [rec(2025, ` ${A.toUpperCase().normalize("NFD")} `)], year: 2026, mode: { mode: "rotation", deputies: 1 } });
    expect(r).toMatchObject({ leader: B, deputies: [C] });
  });

  it("only years before the one being led count, in year order whatever the input order", () => {
    const r = nextLeadership({ roster: UNITS, history: [rec(2025, B), rec(2026, C), rec(2024, A)], year: 2026, mode: { mode: "rotation", deputies: 1 } });
    expect(r).toMatchObject({ leader: C, deputies: [D] });
  });

  it("everyone has led: starts over from the top of the roster, without this year's leader, with a warning", () => {
    const history = UNITS.map((u, i) => rec(2018 + i, u));
    const r = nextLeadership({ roster: UNITS, history, year: 2026, mode: { mode: "rotation", deputies: 1 } });
    expect(r.leader).toBe(A);
    expect(r.deputies).toEqual([B]);
    expect(codes(r.issues)).toEqual(["leader.rotation.restart"]);
    expect(r.issues[0].severity).toBe("warning");
    const endedAtTop = nextLeadership({ roster: UNITS, history: [...history.slice(1), rec(2026, A)], year: 2027, mode: { mode: "rotation", deputies: 1 } });
    expect(endedAtTop).toMatchObject({ leader: B, deputies: [C] });
  });

  it("a recorded leader who left the bloc is not counted, with a warning; the last deputies come from the next round", () => {
    const r = nextLeadership({ roster: [A, B, C], history: [rec(2024, "Sở Cũ"), rec(2025, A)], year: 2026, mode: { mode: "rotation", deputies: 2 } });
    // A tiny bloc: this year's leader comes last, but comes.
    expect(r).toMatchObject({ leader: B, deputies: [C, A] });
    expect(codes(r.issues)).toEqual(["leader.history.notMember", "leader.rotation.deputyRestart"]);
    const one = nextLeadership({ roster: [A], history: [], year: 2026, mode: { mode: "rotation", deputies: 1 } });
    expect(one).toMatchObject({ leader: A, deputies: [] });
    expect(codes(one.issues)).toEqual(["leader.rotation.tooFew"]);
    const two = nextLeadership({ roster: [A, B], history: [rec(2025, A)], year: 2026, mode: { mode: "rotation", deputies: 1 } });
    expect(two).toMatchObject({ leader: B, deputies: [A] });
    expect(codes(two.issues)).toEqual(["leader.rotation.deputyRestart"]);
  });

  it("takes members with short names, and an empty roster is an error", () => {
    const roster = [
      { name: "Sở Công Thương", shortName: "SCT" },
      { name: "Sở Tài chính", shortName: "STC" },
      { name: "Sở Xây dựng", shortName: "SXD" },
    ];
    expect(nextLeadership({ roster, history: [rec(2025, "SCT")], year: 2026, mode: { mode: "rotation", deputies: 1 } })).toMatchObject({ leader: "Sở Tài chính", deputies: ["Sở Xây dựng"] });
    expect(codes(nextLeadership({ roster: [], history: [], year: 2026, mode: { mode: "rotation", deputies: 1 } }).issues)).toEqual(["leader.roster.empty"]);
  });
});

describe("election", () => {
  const leaderVote = flagVote({ purpose: { kind: "leader" }, ballot: { kind: "chooseOne" }, toElect: 1, rule: { percent: 50, comparison: ">", denominator: "valid", quorum: null }, tieRule: ["revote"] });
  const deputyVote = { ...leaderVote, purpose: { kind: "deputy" as const } };
  const ballots = (names: string[]) => names.map((n, i) => choose(i + 1, [n]));

  it("the winners of the leader and deputy votes", () => {
    const lead = tally(leaderVote, { ballots: ballots([C, C, C, C, C, D, D, E]) }, { issued: 8 });
    const dep = tally(deputyVote, { ballots: ballots([D, D, D, D, D, D, E, E]) }, { issued: 8 });
    expect(nextLeadership({ roster: UNITS, history: [], year: 2026, mode: { mode: "election", leader: lead, deputies: dep } })).toEqual({ year: 2026, leader: C, deputies: [D], issues: [] });
  });

  it("a vote without a final result, a vote for something else, or the leader elected deputy too are errors", () => {
    const tied = tally(leaderVote, { ballots: ballots([C, C, C, C, D, D, D, D]) }, { issued: 8 });
    expect(tied.conclusion.revote).toBeNull(); // 50% is not more than half: nobody passes.
    const none = nextLeadership({ roster: UNITS, history: [], year: 2026, mode: { mode: "election", leader: tied, deputies: null } });
    expect(none).toMatchObject({ leader: null, deputies: [] });
    expect(codes(none.issues)).toEqual(["leader.election.undecided"]);
    const twoSeats = tally({ ...leaderVote, toElect: 2, rule: { ...leaderVote.rule, percent: 20 } }, { ballots: ballots([C, C, C, C, D, D, D, D]) }, { issued: 8 });
    expect(codes(nextLeadership({ roster: UNITS, history: [], year: 2026, mode: { mode: "election", leader: twoSeats, deputies: null } }).issues)).toEqual(["leader.election.several"]);
    const lead = tally(leaderVote, { ballots: ballots([C, C, C, C, C, D, D, E]) }, { issued: 8 });
    expect(codes(nextLeadership({ roster: UNITS, history: [], year: 2026, mode: { mode: "election", leader: lead, deputies: lead } }).issues)).toEqual(["leader.election.wrongVote"]);
    const dep = tally(deputyVote, { ballots: ballots([C, C, C, C, C, D, D, E]) }, { issued: 8 });
    expect(codes(nextLeadership({ roster: UNITS, history: [], year: 2026, mode: { mode: "election", leader: lead, deputies: dep } }).issues)).toEqual(["leader.deputy.isLeader"]);
  });
});

describe("designation", () => {
  it("the names given, resolved to the roster's", () => {
    expect(nextLeadership({ roster: UNITS, history: [], year: 2026, mode: { mode: "designation", leader: ` ${G.toLowerCase()}`, deputies: [H, A] } })).toEqual({ year: 2026, leader: G, deputies: [H, A], issues: [] });
  });

  it("errors: not a member, deputy also leader, listed twice, none, too many", () => {
    const run = (leader: string, deputies: string[]) => codes(nextLeadership({ roster: UNITS, history: [], year: 2026, mode: { mode: "designation", leader, deputies } }).issues);
    expect(run("Sở Nội vụ", [A])).toEqual(["leader.notMember"]);
    expect(run(A, [A])).toEqual(["leader.deputy.isLeader"]);
    expect(run(A, [B, B])).toEqual(["leader.deputy.duplicate"]);
    expect(run(A, [])).toEqual(["leader.deputies.none"]);
    expect(run(A, [B, C, D])).toEqual(["leader.deputies.tooMany"]);
    expect(run("", [B])).toEqual(["leader.leader.empty"]);
  });
});
