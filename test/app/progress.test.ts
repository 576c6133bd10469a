import { saveBloc } from "../../src/app/bloc";
import { insertScoring } from "../../src/app/scoring";
import { createVote, loadVoting, newVoteRecord, withRule } from "../../src/app/voting";
import { loadNextStep, loadYearState } from "../../src/app/voting/progress";
import { leaves, stepOf } from "../../src/domain/criteria/model";
import { templateById } from "../../src/domain/criteria/templates";
import { MemoryHost } from "../../src/host";
import { cellAddress } from "../../src/workbook/a1";
import { COL, unitSheetMap } from "../../src/workbook/scoring/unitSheet";
import { sampleDraft } from "../fixtures/bloc";

/** The next-step hint reads the year's state from the workbook (issue #14 item 7; DOMAIN §1's year). */
const table = templateById("departments-100")!.table;

/** A unit's self-scores at 80% of each maximum, pasted as a user does. */
function fill(host: MemoryHost, sheet: string) {
  const map = unitSheetMap(table, sheet);
  for (const l of leaves(table).map((x) => x.leaf)) {
    const v = l.kind === "bonus" || l.kind === "penalty" ? 0 : l.kind === "yesNo" ? l.max : Math.floor(((l.max ?? 0) * 0.8) / stepOf(l, table)) * stepOf(l, table);
    host.userPaste(sheet, cellAddress(map.rows.get(l.id)!, COL.self), [[v]]);
  }
}

describe("the year's state as the workbook holds it", () => {
  it("follows the bloc through scoring to its first vote", async () => {
    const host = new MemoryHost();
    expect((await loadNextStep(host)).code).toBe("next.bloc");
    await saveBloc(host, sampleDraft(8), { basedOn: null });
    expect(await loadYearState(host)).toMatchObject({ bloc: true, year: sampleDraft(8).year, pact: false, scoring: false, votes: [] });
    expect((await loadNextStep(host)).code).toBe("next.pact");

    await insertScoring(host, { template: "departments-100" });
    // Sheets inserted, nothing typed: every unit totals 0, none counts as scored.
    expect(await loadYearState(host)).toMatchObject({ scoring: true, units: 8, scored: 0 });
    const units = sampleDraft(8).members.map((m) => m.shortName ?? m.name);
    const sheets = host.sheetNames().filter((s) => units.includes(s));
    expect(sheets).toHaveLength(8);
    fill(host, sheets[0]);
    expect(await loadNextStep(host)).toMatchObject({ code: "next.scores", text: { vi: expect.stringMatching(/còn 7\/8 đơn vị/) } });
    for (const s of sheets.slice(1)) fill(host, s);
    expect((await loadNextStep(host)).code).toBe("next.awardVote");

    const loaded = await loadVoting(host);
    if (!loaded.ok) throw new Error("load");
    await createVote(host, withRule(newVoteRecord(loaded.context, "award"), "validMajority"));
    expect((await loadYearState(host)).votes).toEqual([{ id: "V1", purpose: "award", minutes: false }]);
    expect((await loadNextStep(host)).text.vi).toMatch(/^Bước tiếp theo: nhập phiếu, kiểm phiếu và lập biên bản cuộc bỏ phiếu V1/);
  }, 60_000);
});
