/**
 * Issue #13 "Done when": a denominator is one term, one tally branch and one formula builder. The
 * proof: "ballots returned excluding blank" (số phiếu thu vào trừ phiếu trắng), beside the five of
 * DOMAIN §3 (members, present, issued, returned, valid). Blank ballots are those invalid for nothing
 * marked (DOMAIN §4: "a blank ballot is invalid" is a setting); the tally, both entry sheets'
 * formulas (computed by the workbook engine on the same data), the vote sheet's reader and the pane
 * all know it.
 */
import { DENOMINATORS, ruleText, type HandCount, type Vote } from "../../../src/domain/voting/model";
import type { VoteRecord } from "../../../src/domain/voting/record";
import { tally } from "../../../src/domain/voting/tally";
import { DENOMINATOR_TERMS } from "../../../src/domain/voting/terms";
import { writeSheets } from "../../../src/excel/apply";
import { MemoryHost } from "../../../src/host";
import { VOTING_STRINGS } from "../../../src/taskpane/votingStrings";
import { cellAddress, rangeAddress } from "../../../src/workbook/a1";
import { ballotEntrySheetPlan, MARK_APPROVE, MARK_REJECT } from "../../../src/workbook/voting/ballotSheet";
import { handCountSheetPlan } from "../../../src/workbook/voting/handCountSheet";
import { readVoteSheet, voteSheetPlan } from "../../../src/workbook/voting/voteSheet";
import { approve, flagVote, UNITS } from "../../domain/voting/helpers";
import { gridOf } from "../../fixtures/grid";

const [A, B, C] = UNITS;
/** Approve list, quota 2, ≥ 50% of the ballots returned excluding blank ones, which are invalid. */
const vote: Vote = flagVote({
  rule: { percent: 50, comparison: ">=", denominator: "returnedNonBlank", quorum: null },
  invalid: { overQuota: "invalid", noneMarked: "invalid" },
  tieRule: ["meetingDecides"],
});
/** 8 returned: 2 blank, 1 over quota, 1 struck out; A has 3 approvals of the 6 non-blank (50%), of the 8 returned only 37.5%. */
const ballots = [
  approve(1, [A, B]),
  approve(2, [A]),
  approve(3, [A, C]),
  approve(4, []),
  approve(5, [], [B]),
  approve(6, []),
  approve(7, [A, B, C]),
  approve(8, [B], [], "allStruckOut"),
];

describe("the denominator “ballots returned excluding blank” (issue #13)", () => {
  it("is one term with its words, and the minutes' rule says it", () => {
    expect(DENOMINATORS).toContain("returnedNonBlank");
    expect(DENOMINATOR_TERMS.returnedNonBlank).toMatchObject({ vi: "số phiếu thu vào trừ phiếu trắng", en: "the ballots returned excluding blank ones" });
    expect(ruleText(vote).vi).toBe("Đơn vị được chọn khi có số phiếu đồng ý đạt từ 50% trở lên so với số phiếu thu vào trừ phiếu trắng (tỷ lệ làm tròn đến 2 chữ số thập phân).");
  });

  it("the tally takes the percentage over the ballots returned less those invalid for nothing marked (DOMAIN §4)", () => {
    const t = tally(vote, { ballots }, { issued: 8 });
    expect(t.totals).toMatchObject({ returned: 8, valid: 4, invalid: 4, denominator: { kind: "returnedNonBlank", value: 6 } });
    expect(t.totals.invalidReasons?.noneMarked).toBe(2);
    const a = t.candidates.find((c) => c.name === A)!;
    expect([a.votes, a.percent, a.passes]).toEqual([3, 50, true]);
    // Over all ballots returned A would not pass: the denominator decides.
    expect(tally({ ...vote, rule: { ...vote.rule, denominator: "returned" } }, { ballots }, { issued: 8 }).candidates[0].passes).toBe(false);
    // A vote counting blank ballots as valid has no blank invalid ballot: the denominator is the ballots returned.
    expect(tally({ ...vote, invalid: { overQuota: "invalid", noneMarked: "valid" } }, { ballots }, { issued: 8 }).totals.denominator.value).toBe(8);
  });

  it("the ballot sheet's formulas compute what the tally computes (engine = formulas)", async () => {
    for (const noneMarked of ["invalid", "valid"] as const) {
      const v = { ...vote, invalid: { overQuota: "invalid" as const, noneMarked } };
      const { plan, map } = ballotEntrySheetPlan(v, { sheet: "Phiếu", rows: 10, issued: 8 });
      const host = new MemoryHost();
      expect((await writeSheets(host, [plan], { sheets: ["Sheet1"], names: [] })).issues).toEqual([]);
      const typed = ballots.map((b) => [b.number, ...UNITS.map((u) => ("marks" in b ? ({ approve: MARK_APPROVE, reject: MARK_REJECT, blank: null } as const)[b.marks[u] ?? "blank"] : null)), b.manualInvalid ? "Gạch tất cả các tên" : null]);
      host.userPaste("Phiếu", cellAddress(map.first, 0), typed);
      const t = tally(v, { ballots }, { issued: 8 });
      expect(host.values("Phiếu", map.fields.denominator)[0][0]).toBe(t.totals.denominator.value);
      const shown = host.values("Phiếu", rangeAddress(map.results.first, map.results.cols.percent, UNITS.length, 2));
      expect(shown).toEqual(t.candidates.map((c) => [c.percent, c.passes ? "Đạt" : "Không đạt"]));
    }
  });

  it("the hand-count sheet's formulas take the blank ballots from the “Không đánh dấu” row", async () => {
    const hc: HandCount = { issued: 8, returned: 8, valid: 4, invalid: 4, votes: { [A]: 3, [B]: 1, [C]: 1 }, invalidReasons: { noneMarked: 2, overQuota: 1, allStruckOut: 1 } };
    const { plan, map } = handCountSheetPlan(vote, { sheet: "Đếm", issued: 8 });
    const host = new MemoryHost();
    expect((await writeSheets(host, [plan], { sheets: ["Sheet1"], names: [] })).issues).toEqual([]);
    host.userEdit("Đếm", map.fields.returned, hc.returned);
    host.userEdit("Đếm", map.fields.valid, hc.valid);
    host.userEdit("Đếm", map.fields.invalid, hc.invalid);
    for (const [r, x] of Object.entries(hc.invalidReasons ?? {})) host.userEdit("Đếm", map.reasons[r as keyof typeof map.reasons], x ?? null);
    vote.candidates.forEach((c, i) => host.userEdit("Đếm", map.candidateCell(i), hc.votes[c] ?? 0));
    const t = tally(vote, { handCount: hc }, { issued: 8 });
    expect(t.totals.denominator.value).toBe(6);
    expect(host.values("Đếm", map.params.denominator)[0][0]).toBe(6);
    const shown = host.values("Đếm", rangeAddress(map.results.first, map.results.cols.percent, UNITS.length, 2));
    expect(shown).toEqual(t.candidates.map((c) => [c.percent, c.passes ? "Đạt" : "Không đạt"]));
  });

  it("the vote sheet writes it and reads it back, also typed as the pane shows it", () => {
    const rec: VoteRecord = { id: "V1", vote, issued: 8, entry: "ballots", doubleEntry: false, decision: null, meeting: null };
    const { plan, map } = voteSheetPlan([rec]);
    const g = gridOf(plan);
    const row = map.rows.denominator;
    expect(g.values[row][1]).toBe("số phiếu thu vào trừ phiếu trắng");
    expect(readVoteSheet(g).records[0].vote.rule.denominator).toBe("returnedNonBlank");
    g.values[row][1] = "So phieu thu vao tru phieu trang";
    expect(readVoteSheet(g).records[0].vote.rule.denominator).toBe("returnedNonBlank");
  });

  it("the pane offers it, in both languages", () => {
    // VotingCreate lists DENOMINATORS with these labels.
    expect(VOTING_STRINGS.vi.denominators.returnedNonBlank).toBe("Số phiếu thu vào trừ phiếu trắng");
    expect(VOTING_STRINGS.en.denominators.returnedNonBlank).toBe("Ballots returned excluding blank");
    for (const d of DENOMINATORS) expect([VOTING_STRINGS.vi.denominators[d], VOTING_STRINGS.en.denominators[d]].every(Boolean)).toBe(true);
  });
});
