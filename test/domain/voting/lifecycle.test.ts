// The vote's life as a state machine (issue #13 Deliver 5), derived from the workbook (issue #14 item 1).
import { error, type Issue } from "../../../src/domain/issues";
import { canMove, TRANSITIONS, voteLife, type LifeCount, type LifeRecord, type VoteState } from "../../../src/domain/voting/lifecycle";

const rec = (over: Partial<LifeRecord> = {}): LifeRecord => ({ doubleEntry: false, decision: null, meeting: null, ...over });
const cnt = (over: Partial<Omit<LifeCount, "result">> & { tie?: unknown; revote?: unknown; runoff?: unknown } = {}): LifeCount => {
  const { tie = null, revote = null, runoff = null, ...rest } = over;
  return { ballots: 8, issues: [], differences: [], final: true, result: { tie, conclusion: { revote, runoff } }, ...rest };
};
const err = (code: string): Issue => error(code, { vi: "x", en: "x" });

/** Every derived path starts at `created` and takes only allowed moves. */
function expectLegal(path: VoteState[]) {
  expect(path[0]).toBe("created");
  for (let k = 1; k < path.length; k++) expect([path[k - 1], path[k], canMove(path[k - 1], path[k])]).toEqual([path[k - 1], path[k], true]);
}

describe("voteLife", () => {
  it("a vote with nothing entered is created: enter ballots next; a record's kept decision reads as decided", () => {
    expect(voteLife(rec(), null)).toMatchObject({ state: "created", status: "new", path: ["created"] });
    expect(voteLife(rec(), null).next).toContain("enter");
    expect(voteLife(rec(), cnt({ ballots: 0, issues: [err("vote.entry.missing")] })).state).toBe("created");
    expect(voteLife(rec({ meeting: { elected: ["A"], note: "" } }), null).status).toBe("decided");
  });

  it("an entry error keeps the vote entered; the user fixes the entries (DOMAIN.md §4 counting checks)", () => {
    const life = voteLife(rec(), cnt({ issues: [err("vote.count.returnedOverIssued")] }));
    expect(life).toMatchObject({ state: "entered", status: "errors", path: ["created", "entered"] });
    expect(life.next).toContain("fix");
    expect(life.next).not.toContain("decideEntry");
  });

  it("double entry: differing entries stay entered until the committee chooses one; then they are compared (DOMAIN.md §4: two typists, a coordinator resolves)", () => {
    const differing = voteLife(rec({ doubleEntry: true }), cnt({ differences: [{ ballot: 3 }], issues: [err("vote.double.differ")] }));
    expect(differing).toMatchObject({ state: "entered", status: "errors" });
    expect(differing.next).toContain("decideEntry");
    const blocked = voteLife(rec({ doubleEntry: true }), cnt({ issues: [err("vote.count.returnedOverIssued")] }));
    expect(blocked).toMatchObject({ state: "compared", status: "errors", path: ["created", "entered", "compared"] });
    const chosen = voteLife(rec({ doubleEntry: true, decision: { accept: "first", by: "Trưởng ban" } }), cnt({ differences: [{ ballot: 3 }] }));
    expect(chosen).toMatchObject({ state: "final", path: ["created", "entered", "compared", "counted", "final"] });
    expectLegal(chosen.path);
  });

  it("a tie at the cutoff calls a revote among the tied (DOMAIN.md §4 ties): the next action starts the round", () => {
    const life = voteLife(rec(), cnt({ final: false, tie: { among: ["A", "B"] }, revote: { among: ["A", "B"] } }));
    expect(life).toMatchObject({ state: "revote", status: "revote", path: ["created", "entered", "counted", "revote"] });
    expect(life.next[0]).toBe("revote");
    expectLegal(life.path);
    const runoff = voteLife(rec(), cnt({ final: false, runoff: { among: ["A", "B"] } }));
    expect(runoff).toMatchObject({ state: "revote", status: "runoff" });
    expect(runoff.next[0]).toBe("runoff");
  });

  it("no new round is offered while the count still has an error, even the meeting's own", () => {
    const life = voteLife(rec(), cnt({ final: false, revote: { among: ["A"] }, issues: [err("vote.meeting.pending")] }));
    expect(life.state).toBe("revote");
    expect(life.next).not.toContain("revote");
  });

  it("a tie left to the meeting is counted, waiting for its choice; once recorded the vote is settled, then final (DOMAIN.md §4: the meeting's decision, a declared setting)", () => {
    const waiting = voteLife(rec(), cnt({ final: false, tie: { among: ["A", "B"] }, issues: [err("vote.meeting.pending")] }));
    expect(waiting).toMatchObject({ state: "counted", status: "meeting" });
    expect(waiting.next[0]).toBe("decideMeeting");
    const decided = voteLife(rec({ meeting: { elected: ["A"], note: "" } }), cnt({ tie: { among: ["A", "B"] } }));
    expect(decided).toMatchObject({ state: "final", status: "final", path: ["created", "entered", "counted", "settled", "final"] });
    expectLegal(decided.path);
  });

  it("a clean count is final: the minutes are next", () => {
    const life = voteLife(rec(), cnt());
    expect(life).toMatchObject({ state: "final", status: "final", path: ["created", "entered", "counted", "final"] });
    expect(life.next).toContain("minutes");
    expectLegal(life.path);
  });

  it("declares every state's moves, and a changed entry can always reopen a started vote", () => {
    const states = Object.keys(TRANSITIONS) as VoteState[];
    expect(states.sort()).toEqual(["compared", "counted", "created", "entered", "final", "revote", "settled"]);
    for (const s of states) if (s !== "created" && s !== "entered") expect([s, canMove(s, "entered")]).toEqual([s, true]);
    expect(canMove("created", "final")).toBe(false);
    expect(canMove("revote", "final")).toBe(false);
  });
});
