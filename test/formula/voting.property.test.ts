/**
 * Engine = formulas for the ballot-by-ballot entry sheet: on random votes and random typed
 * ballots, HyperFormula computing the sheet's own formulas (through the in-memory host) gives the
 * same totals, per-candidate votes, percentages, passes and cutoff marks as the domain's tally.
 * The tie rule is "the meeting decides", so tally settles nothing and its outcomes are the
 * pre-settlement cutoff: elected / tied at the cutoff / out.
 */
import fc from "fast-check";
import { tally } from "../../src/domain/voting/tally";
import { COMPARISONS, DENOMINATORS, MANUAL_REASONS, type Ballot, type Mark, type Vote } from "../../src/domain/voting/model";
import { writeSheets } from "../../src/excel/apply";
import { MemoryHost } from "../../src/host";
import { cellAddress, rangeAddress } from "../../src/workbook/a1";
import { ballotEntrySheetPlan, CUTOFF, MANUAL_REASON_TEXT, MARK_APPROVE, MARK_REJECT, PASS, readBallotSheet } from "../../src/workbook/voting/ballotSheet";

const SHEET = "Nhập phiếu";

const voteArb: fc.Arbitrary<Vote> = fc
  .record({
    n: fc.integer({ min: 3, max: 8 }),
    ballot: fc.oneof(
      fc.integer({ min: 1, max: 3 }).map((quota) => ({ kind: "approve" as const, quota })),
      fc.constant({ kind: "chooseOne" as const }),
    ),
    percent: fc.constantFrom(0, 20, 33.33, 50, 66.67, 80, 100),
    comparison: fc.constantFrom(...COMPARISONS),
    denominator: fc.constantFrom(...DENOMINATORS),
    noneMarked: fc.constantFrom("valid" as const, "invalid" as const),
    toElect: fc.integer({ min: 1, max: 3 }),
    members: fc.integer({ min: 1, max: 12 }),
    presentShare: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map((r) => ({
    purpose: { kind: "award", award: "Cờ thi đua" },
    round: 1,
    parent: null,
    title: "Suy tôn",
    candidates: Array.from({ length: r.n }, (_, i) => `Đơn vị ${i + 1}`),
    ballot: r.ballot,
    rule: { percent: r.percent, comparison: r.comparison, denominator: r.denominator, quorum: null },
    invalid: { overQuota: "invalid", noneMarked: r.noneMarked },
    toElect: r.toElect,
    tieRule: ["meetingDecides"],
    committee: { head: "A", members: [] },
    attendance: { members: r.members, present: Math.floor(r.presentShare * r.members) },
  }));

function ballotsArb(vote: Vote): fc.Arbitrary<Ballot[]> {
  const approve = vote.ballot.kind === "approve";
  // Weighted so that over-quota, blank and valid ballots, and equal votes, all come up.
  const mark: fc.Arbitrary<Mark> = approve ? fc.constantFrom<Mark>("approve", "reject", "blank", "blank", "blank") : fc.constantFrom<Mark>("approve", "blank", "blank", "blank");
  const one = fc.record({
    marks: fc.array(mark, { minLength: vote.candidates.length, maxLength: vote.candidates.length }),
    blank: fc.oneof({ arbitrary: fc.constant(false), weight: 5 }, { arbitrary: fc.constant(true), weight: 1 }),
    manual: fc.oneof({ arbitrary: fc.constant(null), weight: 8 }, { arbitrary: fc.constantFrom(...MANUAL_REASONS), weight: 1 }),
  });
  return fc.array(one, { maxLength: 14, size: "max" }).map((bs) =>
    bs.map((b, i) => {
      const marks: Record<string, Mark> = {};
      vote.candidates.forEach((c, k) => (marks[c] = b.blank ? "blank" : b.marks[k]));
      return { number: i + 1, marks, manualInvalid: b.manual };
    }),
  );
}

const typed = (m: Mark | undefined) => (m === "approve" ? MARK_APPROVE : m === "reject" ? MARK_REJECT : null);

async function sheetResults(vote: Vote, ballots: Ballot[], issued: number) {
  const { plan, map } = ballotEntrySheetPlan(vote, { sheet: SHEET, rows: Math.max(ballots.length, 1) + 2 });
  const host = new MemoryHost();
  const w = await writeSheets(host, [plan], { sheets: ["Sheet1"], names: [] });
  if (!w.ok) throw new Error(JSON.stringify(w.issues));
  host.userPaste(SHEET, map.fields.issued, [[issued]]);
  if (ballots.length) {
    const rows = ballots.map((b) => [b.number, ...vote.candidates.map((c) => typed("marks" in b ? b.marks[c] : undefined)), b.manualInvalid ? MANUAL_REASON_TEXT[b.manualInvalid] : null]);
    host.userPaste(SHEET, cellAddress(map.first, 0), rows);
  }
  const v = (a: string) => host.values(SHEET, a)[0][0];
  const C = map.results.cols;
  const res = host.values(SHEET, rangeAddress(map.results.first, C.stt, vote.candidates.length, 7));
  const grid = host.values(SHEET, rangeAddress(0, 0, map.last + 1, map.cols.status + 1));
  return {
    totals: { returned: v(map.fields.returned), valid: v(map.fields.valid), invalid: v(map.fields.invalid) },
    candidates: res.map((r) => ({ votes: r[2], percent: r[3], passes: r[4], rank: r[5], cutoff: r[6] })),
    read: readBallotSheet({ sheet: SHEET, row: 0, col: 0, values: grid }),
  };
}

// A run-off candidate has not passed: the sheet leaves its cutoff mark empty.
const CUTOFF_OF = { elected: CUTOFF.elected, meetingDecides: CUTOFF.tied, notElected: CUTOFF.out, notPassed: "", revote: "?", runoff: "" } as const;

describe("voting: engine = ballot sheet formulas", () => {
  it("agrees on random votes and typed ballots", async () => {
    await fc.assert(
      fc.asyncProperty(
        voteArb.chain((v) => fc.tuple(fc.constant(v), ballotsArb(v), fc.integer({ min: 0, max: 3 }))),
        async ([vote, ballots, extra]) => {
          const issued = ballots.length + extra;
          const engine = tally(vote, { ballots }, { issued });
          const sheet = await sheetResults(vote, ballots, issued);
          expect(sheet.totals).toEqual({ returned: engine.totals.returned, valid: engine.totals.valid, invalid: engine.totals.invalid });
          const passers = engine.candidates.filter((c) => c.passes);
          sheet.candidates.forEach((s, i) => {
            const e = engine.candidates[i];
            expect(s.percent).toBeCloseTo(e.percent, 9);
            expect({ name: e.name, votes: s.votes, passes: s.passes, rank: s.rank, cutoff: s.cutoff }).toEqual({
              name: e.name,
              votes: e.votes,
              passes: e.passes ? PASS.yes : PASS.no,
              rank: e.passes ? 1 + passers.filter((p) => p.votes > e.votes).length : "",
              cutoff: CUTOFF_OF[e.outcome],
            });
          });
          // Invariants.
          expect(engine.totals.valid + engine.totals.invalid).toBe(engine.totals.returned);
          for (const c of sheet.candidates) {
            expect(c.votes as number).toBeLessThanOrEqual(engine.totals.valid);
            expect(c.percent as number).toBeGreaterThanOrEqual(0);
          }
          // What was typed reads back as the same ballots (blank marks omitted).
          const strip = (bs: Ballot[]) =>
            bs.map((b) => ({ ...b, marks: Object.fromEntries(Object.entries("marks" in b ? b.marks : {}).filter(([, m]) => m !== "blank")) }));
          expect(sheet.read).toEqual(strip(ballots));
        },
      ),
      { numRuns: Number(process.env.FC_RUNS ?? 25) },
    );
  }, 120_000);
});
