/**
 * Invariants of the count (DOMAIN §4) on random votes and ballots: valid + invalid = returned;
 * every candidate's votes ≤ valid; the sum of approvals ≤ valid × quota; 0 ≤ % ≤ 100; the tally
 * does not depend on the order of the ballots; never more elected than seats, and undecided seats
 * are marked, not filled.
 */
import fc from "fast-check";
import { ballotsFingerprint } from "../../../src/domain/voting/fingerprint";
import { maxChoices, type Ballot, type Mark, type TieStep, type Vote } from "../../../src/domain/voting/model";
import { tally } from "../../../src/domain/voting/tally";
import { UNITS } from "./helpers";

const NAMES = [...UNITS, "Sở Nội vụ", "Sở Tư pháp"];

const tieStepArb: fc.Arbitrary<TieStep> = fc.oneof(
  fc.constantFrom<TieStep>("higherScore", "revote", "meetingDecides"),
  fc.string({ minLength: 1, maxLength: 8 }).map((seed): TieStep => ({ lot: { seed } })),
);

interface Case {
  vote: Vote;
  ballots: Ballot[];
  issued: number;
  scores: Record<string, number> | undefined;
  order: number[];
}

const caseArb: fc.Arbitrary<Case> = fc
  .record({
    k: fc.integer({ min: 1, max: NAMES.length }),
    members: fc.integer({ min: 1, max: 14 }),
    kind: fc.constantFrom("approve", "chooseUpTo", "chooseOne"),
    quotaFrac: fc.double({ min: 0, max: 1, noNaN: true }),
    electFrac: fc.double({ min: 0, max: 1, noNaN: true }),
    percent: fc.constantFrom(0, 10, 20, 25, 34, 50, 50, 66.67, 80, 100),
    comparison: fc.constantFrom<">=" | ">">(">=", ">"),
    denominator: fc.constantFrom<Vote["rule"]["denominator"]>("members", "present", "issued", "returned", "valid"),
    quorum: fc.option(fc.record({ percent: fc.constantFrom(50, 66.67), comparison: fc.constantFrom<">=" | ">">(">=", ">"), of: fc.constant<"members">("members") }), { nil: null, freq: 3 }),
    noneMarked: fc.constantFrom<"valid" | "invalid">("valid", "invalid"),
    tieRule: fc.array(tieStepArb, { maxLength: 3 }),
    withScores: fc.boolean(),
  })
  .chain((p) => {
    const candidates = NAMES.slice(0, p.k);
    const quota = 1 + Math.floor(p.quotaFrac * (p.k - 1));
    const vote: Vote = {
      purpose: { kind: "award", award: "Cờ thi đua của UBND tỉnh" },
      round: 1,
      parent: null,
      title: "Suy tôn",
      candidates,
      ballot: p.kind === "approve" ? { kind: "approve", quota } : p.kind === "chooseUpTo" ? { kind: "chooseUpTo", n: quota } : { kind: "chooseOne" },
      rule: { percent: p.percent, comparison: p.comparison, denominator: p.denominator, quorum: p.quorum },
      invalid: { overQuota: "invalid", noneMarked: p.noneMarked },
      toElect: 1 + Math.floor(p.electFrac * (p.k - 1)),
      tieRule: p.tieRule,
      committee: { head: "Trưởng ban", members: [] },
      attendance: { members: p.members, present: p.members },
    };
    const max = maxChoices(vote.ballot);
    // Choices concentrate on the first few names (so that some pass and some tie), sometimes over the limit.
    const pickArb = fc.oneof(
      { weight: 4, arbitrary: fc.subarray(candidates.slice(0, max + 1), { maxLength: max }) },
      { weight: 2, arbitrary: fc.subarray(candidates, { maxLength: max }) },
      { weight: 1, arbitrary: fc.subarray(candidates) },
    );
    const otherArb = fc.tuple(...candidates.map(() => fc.constantFrom<Mark>("reject", "blank", "blank")));
    const manualArb = fc.oneof(
      { weight: 8, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.constantFrom<"wrongForm" | "addedNames" | "allStruckOut" | "other">("wrongForm", "addedNames", "allStruckOut", "other") },
    );
    const ballotArb: fc.Arbitrary<Omit<Ballot, "number">> =
      p.kind === "approve"
        ? fc.record({
            marks: fc.tuple(pickArb, otherArb).map(([yes, other]) => Object.fromEntries(candidates.map((c, i) => [c, yes.includes(c) ? "approve" : other[i]]))),
            manualInvalid: manualArb,
          })
        : fc.record({ chosen: pickArb, manualInvalid: manualArb });
    return fc
      .record({
        present: fc.oneof(fc.constant(p.members), fc.integer({ min: 0, max: p.members })),
        issuedFrac: fc.oneof(fc.constant(1), fc.double({ min: 0, max: 1, noNaN: true })),
        bodies: fc.array(ballotArb, { minLength: Math.floor(p.members / 2), maxLength: p.members }),
        scores: fc.tuple(...candidates.map(() => fc.constantFrom(90, 92.5, 95))),
        seed: fc.nat(),
      })
      .map(({ present, issuedFrac, bodies, scores, seed }) => {
        const issued = Math.max(Math.min(bodies.length, present), Math.round(issuedFrac * present));
        const returned = bodies.slice(0, issued);
        const ballots = returned.map((b, i) => ({ ...b, number: i + 1 }) as Ballot);
        // A permutation of the ballots, from the seed.
        const order = ballots.map((_, i) => i).sort((a, b) => ((a * 7919 + seed) % 101) - ((b * 7919 + seed) % 101) || a - b);
        return {
          vote: { ...vote, attendance: { members: p.members, present: Math.max(present, issued) } },
          ballots,
          issued,
          scores: p.withScores ? Object.fromEntries(candidates.map((c, i) => [c, scores[i]])) : undefined,
          order,
        };
      });
  });

describe("tally invariants (fast-check)", () => {
  it("hold on random votes and ballots", () => {
    fc.assert(
      fc.property(caseArb, ({ vote, ballots, issued, scores }) => {
        const r = tally(vote, { ballots }, { issued, scores });
        const t = r.totals;
        expect(t.valid + t.invalid).toBe(t.returned);
        expect(t.returned).toBe(ballots.length);
        expect(Object.values(t.invalidReasons ?? {}).reduce((a, b) => a + b, 0)).toBe(t.invalid);
        let sum = 0;
        for (const c of r.candidates) {
          expect(c.votes).toBeLessThanOrEqual(t.valid);
          expect(c.percent).toBeGreaterThanOrEqual(0);
          expect(c.percent).toBeLessThanOrEqual(100);
          sum += c.votes;
        }
        expect(sum).toBeLessThanOrEqual(t.valid * maxChoices(vote.ballot));
        // Consistent data: the only possible error is a missed quorum.
        expect(r.issues.filter((i) => i.severity === "error" && i.code !== "vote.quorum.notMet")).toEqual([]);
        expect(r.conclusion.concluded).toBe(t.quorumMet);

        // Seats: never more elected than toElect; undecided seats are pending, never silently filled.
        const { elected, revote, meetingDecides } = r.conclusion;
        const pending = revote ?? meetingDecides;
        const passers = r.candidates.filter((c) => c.passes);
        expect(elected.length).toBeLessThanOrEqual(vote.toElect);
        expect(revote && meetingDecides).toBeNull();
        if (passers.length <= vote.toElect) expect([...elected].sort()).toEqual(passers.map((c) => c.name).sort());
        else expect(elected.length + (pending?.seats ?? 0)).toBe(vote.toElect);
        if (pending) {
          expect(pending.candidates.length).toBeGreaterThan(pending.seats);
          expect(r.tie?.candidates).toEqual(expect.arrayContaining(pending.candidates));
        }
        for (const c of r.candidates) {
          expect(c.outcome === "elected").toBe(elected.includes(c.name));
          if (c.outcome === "elected") expect(c.passes).toBe(true);
          // Whoever is elected has at least the votes of anyone passing and not elected.
          if (c.outcome === "elected") for (const o of passers) if (!elected.includes(o.name)) expect(c.votes).toBeGreaterThanOrEqual(o.votes);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("do not depend on the order of the ballots array (tally and fingerprint)", () => {
    fc.assert(
      fc.property(caseArb, ({ vote, ballots, issued, scores, order }) => {
        const shuffled = order.map((i) => ballots[i]);
        expect(tally(vote, { ballots: shuffled }, { issued, scores })).toEqual(tally(vote, { ballots }, { issued, scores }));
        expect(ballotsFingerprint(shuffled)).toBe(ballotsFingerprint(ballots));
      }),
      { numRuns: 200 },
    );
  });

  it("a hand count of the same totals gives the same votes, percentages and outcomes", () => {
    fc.assert(
      fc.property(caseArb, ({ vote, ballots, issued, scores }) => {
        const r = tally(vote, { ballots }, { issued, scores });
        const votes = Object.fromEntries(r.candidates.map((c) => [c.name, c.votes]));
        const h = tally(vote, { handCount: { issued, returned: r.totals.returned, valid: r.totals.valid, invalid: r.totals.invalid, votes } }, { issued, scores });
        expect(h.candidates.map(({ against: _a, ...c }) => c)).toEqual(r.candidates.map(({ against: _a, ...c }) => c));
        expect(h.conclusion).toEqual(r.conclusion);
        expect(h.tie).toEqual(r.tie);
        expect(h.issues.filter((i) => i.severity === "error")).toEqual(r.issues.filter((i) => i.severity === "error"));
      }),
      { numRuns: 200 },
    );
  });
});
