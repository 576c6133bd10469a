/**
 * Co-authoring races: another person's edit lands between an action's read and its write (Microsoft
 * 365 co-authoring syncs workbook content, not the add-in's memory: "Coauthoring in Excel add-ins",
 * docs/excel/co-authoring-in-excel-add-ins.md). `host.beforeSync(n, act)` plays the other person
 * just before the action's n-th request. Each race asserts that nothing anyone typed is lost.
 */
import { saveBloc } from "../../src/app/bloc";
import { enterScores, insertScoring } from "../../src/app/scoring";
import { createVote, enterBallots, loadVoting, newVoteRecord, voteSheets, withRule } from "../../src/app/voting";
import { leaves } from "../../src/domain/criteria/model";
import { templateById } from "../../src/domain/criteria/templates";
import type { Ballot } from "../../src/domain/voting/model";
import { MemoryHost } from "../../src/host";
import { cellAddress } from "../../src/workbook/a1";
import { COL, unitSheetMap } from "../../src/workbook/scoring/unitSheet";
import { sampleDraft } from "../fixtures/bloc";

const UNITS = sampleDraft(8).members.map((m) => m.name);
const table = templateById("departments-100")!.table;
const firstLeaf = leaves(table).map((l) => l.leaf).find((l) => l.kind === "points")!;

async function blocWorkbook() {
  const host = new MemoryHost();
  const out = await saveBloc(host, sampleDraft(8), { basedOn: null });
  if (out.kind !== "saved") throw new Error(JSON.stringify(out.issues));
  return host;
}

async function scoredWorkbook() {
  const host = await blocWorkbook();
  const out = await insertScoring(host, { template: "departments-100" });
  if (out.kind !== "inserted") throw new Error(JSON.stringify(out.issues));
  return host;
}

async function newVote(host: MemoryHost, title: string) {
  const loaded = await loadVoting(host);
  if (!loaded.ok) throw new Error("load");
  const record = withRule(newVoteRecord(loaded.context, "award", title, 2), "blocMembers80");
  record.vote = { ...record.vote, candidates: [...UNITS], committee: { head: "Nguyễn Văn An", members: ["Trần Thị Bình"] } };
  return record;
}

const logRows = (host: MemoryHost) => host.values("Nhật ký", "B4:B60").map((r) => r[0]).filter((v) => v !== "");

describe("co-authoring races: nothing anyone typed is lost", () => {
  it("two people create a vote at once: each gets its own id; the second takes the next one", async () => {
    const host = await blocWorkbook();
    const mine = await newVote(host, "Cờ thi đua của UBND tỉnh");
    const theirs = await newVote(host, "Bằng khen của Chủ tịch UBND tỉnh");
    expect(mine.id).toBe(theirs.id);
    // Their whole create lands between my read and my write.
    host.beforeSync(2, async () => {
      const out = await createVote(host, theirs);
      expect(out).toMatchObject({ kind: "written", id: "V1" });
    });
    const out = await createVote(host, mine);
    expect(out).toMatchObject({ kind: "written", id: "V2" });
    expect(host.sheetNames()).toEqual(expect.arrayContaining([voteSheets("V1").first.sheet, voteSheets("V2").first.sheet]));
    const after = await loadVoting(host);
    if (!after.ok) throw new Error("load");
    expect(after.context.records.map((r) => [r.id, r.vote.title])).toEqual([
      ["V1", expect.stringContaining("Bằng khen của Chủ tịch UBND tỉnh")],
      ["V2", expect.stringContaining("Cờ thi đua của UBND tỉnh")],
    ]);
  });

  it("a vote created from a pane opened before someone else's: it is renumbered, with a word", async () => {
    const host = await blocWorkbook();
    const mine = await newVote(host, "Cờ thi đua của UBND tỉnh");
    expect(await createVote(host, await newVote(host, "Khác"))).toMatchObject({ kind: "written" });
    const out = await createVote(host, mine);
    expect(out).toMatchObject({ kind: "written", id: "V2" });
    expect(out.issues.map((i) => i.code)).toContain("vote.id.changed");
  });

  it("the log: an entry written by another person between my read and my write is not overwritten", async () => {
    const host = await scoredWorkbook();
    const before = logRows(host).length;
    host.beforeSync(2, async () => {
      const out = await enterScores(host, [{ unit: "SCT", entries: { [firstLeaf.id]: 1 } }]);
      expect(out.ok).toBe(true);
    });
    expect((await enterScores(host, [{ unit: "SXD", entries: { [firstLeaf.id]: 2 } }])).ok).toBe(true);
    expect(logRows(host).slice(before)).toEqual(["Nhập điểm", "Nhập điểm"]);
  });

  it("a score typed on a unit sheet during a re-insert is carried into the rewritten sheet", async () => {
    const host = await scoredWorkbook();
    const map = unitSheetMap(table, "SCT");
    const cell = cellAddress(map.rows.get(firstLeaf.id)!, COL.self);
    host.beforeSync(2, () => host.userEdit("SCT", cell, 2.5));
    const out = await insertScoring(host, {});
    expect(out.kind).toBe("inserted");
    expect(host.values("SCT", cell)).toEqual([[2.5]]);
    if (out.kind === "inserted") expect(out.issues.map((i) => i.code)).toContain("scoring.reinsert.typedMeanwhile");
  });

  it("a unit sheet renamed during a re-insert is named back: no orphan sheet, and its score still reaches Tổng hợp", async () => {
    const host = await scoredWorkbook();
    const map = unitSheetMap(table, "SCT");
    host.userEdit("SCT", cellAddress(map.rows.get(firstLeaf.id)!, COL.self), 3);
    const sheets = host.sheetNames();
    host.beforeSync(2, () => host.userRenameSheet("SCT", "Sở Công Thương (của tôi)"));
    const out = await insertScoring(host, {});
    expect(out.kind).toBe("inserted");
    expect(host.sheetNames()).toEqual(sheets);
    expect(host.values("SCT", cellAddress(map.rows.get(firstLeaf.id)!, COL.self))).toEqual([[3]]);
    const summary = host.values("Tổng hợp", "A1:Z20").flat();
    expect(summary.some((v) => typeof v === "string" && v.startsWith("#REF"))).toBe(false);
    if (out.kind === "inserted") expect(out.issues.map((i) => i.code)).toContain("excel.sheet.renamedBack");
  });

  it("a score typed in the cell that entered scores write: what they typed stays, and the user is told", async () => {
    const host = await scoredWorkbook();
    const map = unitSheetMap(table, "SCT");
    const cell = cellAddress(map.rows.get(firstLeaf.id)!, COL.self);
    host.beforeSync(2, () => host.userEdit("SCT", cell, 4));
    const out = await enterScores(host, [{ unit: "SCT", entries: { [firstLeaf.id]: 1 } }]);
    expect(out.ok).toBe(true);
    expect(host.values("SCT", cell)).toEqual([[4]]);
    expect(out.issues.map((i) => i.code)).toContain("excel.cells.concurrentEdit");
  });

  it("a ballot typed on the entry sheet while ballots are imported is kept", async () => {
    const host = await blocWorkbook();
    const record = await newVote(host, "Cờ thi đua của UBND tỉnh");
    expect(await createVote(host, record)).toMatchObject({ kind: "written" });
    const ballots: Ballot[] = Array.from({ length: 3 }, (_, i) => ({ number: i + 1, marks: { [UNITS[0]]: "approve", [UNITS[1]]: "approve" }, manualInvalid: null }));
    const sheet = voteSheets(record.id).first.sheet;
    const at = host.names().find((n) => n.name === `${voteSheets(record.id).first.prefix}_Phieu`)?.formula ?? "";
    const [, addr] = at.replace(/^=/, "").split("!");
    const first = /\$?([A-Z]+)\$?(\d+)/.exec(addr)!;
    // Ballot 2's third candidate: a cell the import writes (empty, since ballot 2 marks only the first two).
    const typedCell = `${String.fromCharCode(first[1].charCodeAt(0) + 3)}${Number(first[2]) + 1}`;
    host.beforeSync(2, () => host.userEdit(sheet, typedCell, "x"));
    const out = await enterBallots(host, record.id, 1, ballots);
    expect(out.kind).toBe("entered");
    expect(host.values(sheet, typedCell)).toEqual([["x"]]);
  });

  it("a member typed on Khối while the bloc is saved is kept on a copy, and the user is told", async () => {
    const host = await blocWorkbook();
    const draft = sampleDraft(8);
    const loaded = await (await import("../../src/app/bloc")).loadBloc(host);
    // The third member's name, retyped by someone else on the sheet itself.
    const grid = host.values("Khối", "A1:D40");
    const row = grid.findIndex((r) => r.includes(draft.members[2].name));
    const col = grid[row].indexOf(draft.members[2].name);
    host.beforeSync(2, () => host.userEdit("Khối", cellAddress(row, col), "Sở Ngoại vụ (sửa bởi người khác)"));
    const out = await saveBloc(host, { ...draft, name: `${draft.name} (sửa)` }, { basedOn: loaded.fingerprint });
    expect(out.kind).toBe("saved");
    if (out.kind !== "saved") return;
    const copy = host.sheetNames().find((s) => s.includes("sửa cùng lúc"));
    expect(copy).toBeTruthy();
    expect(host.values(copy as string, "A1:H60").flat()).toContain("Sở Ngoại vụ (sửa bởi người khác)");
    expect(out.issues.map((i) => i.code)).toContain("excel.sheet.editedMeanwhile");
  });
});
