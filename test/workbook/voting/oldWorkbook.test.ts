/**
 * Old workbooks keep reading (issue #13 Deliver 1): `fixtures/oldWorkbook.json` holds the sheets the
 * code wrote before the vote's terms existed (commit 65b4cc4: the "Bỏ phiếu" sheet with five votes,
 * one per denominator of DOMAIN §3; two ballot-by-ballot sheets with the old manual reasons
 * "Gạch hết", "Không đúng mẫu", "Ghi thêm tên / nội dung" typed from their drop-down and a free
 * reason; a hand-count sheet with reasons counted), as Excel shows their values, and what that code
 * read from them. Today's readers must read the same.
 */
import { readFileSync } from "fs";
import { join } from "path";
import type { Grid } from "../../../src/workbook/grid";
import { readBallotSheetRows } from "../../../src/workbook/voting/ballotSheet";
import { readHandCountSheet } from "../../../src/workbook/voting/handCountSheet";
import { readVoteSheet } from "../../../src/workbook/voting/voteSheet";

interface Fixture {
  sheets: Grid[];
  read: { vote: { records: unknown[]; issues: unknown[]; found: boolean }; ballots1: unknown; ballots4: unknown; hand: { count: unknown; issues: unknown[]; found: boolean } };
}
const old = JSON.parse(readFileSync(join(__dirname, "fixtures", "oldWorkbook.json"), "utf8")) as Fixture;
/** JSON's view of a result (functions dropped, undefined gone), as the fixture stored it. */
const json = (x: unknown) => JSON.parse(JSON.stringify(x)) as unknown;

describe("workbooks written before the vote's terms (fixtures/oldWorkbook.json)", () => {
  it("the vote sheet reads the same five votes, one per denominator", () => {
    const got = readVoteSheet(old.sheets[0]);
    expect(json(got)).toEqual(old.read.vote);
    expect(got.records.map((r) => r.vote.rule.denominator)).toEqual(["members", "present", "issued", "returned", "valid"]);
  });

  it("the ballot sheets read the same ballots, the old manual reasons included (“Gạch hết” → allStruckOut)", () => {
    const one = readBallotSheetRows(old.sheets[1]);
    expect(json(one)).toEqual(old.read.ballots1);
    expect(one.rows.map((r) => r.ballot.manualInvalid)).toEqual([null, null, null, null, "allStruckOut", "wrongForm", "addedNames", "other"]);
    expect(json(readBallotSheetRows(old.sheets[2]))).toEqual(old.read.ballots4);
  });

  it("the hand-count sheet reads the same count and reasons", () => {
    const got = readHandCountSheet(old.sheets[3]);
    expect(json(got)).toEqual(old.read.hand);
    expect(got.count?.invalidReasons).toEqual({ noneMarked: 1, allStruckOut: 1 });
  });
});
