import { saveBloc } from "../../src/app/bloc";
import { countVote, createVote, enterBallots, electLeadership, loadVoting, newVoteRecord, recordDecision, startRevote, startRunoff, voteSheets, withRule, writeMinutes } from "../../src/app/voting";
import type { Vote } from "../../src/domain/voting/model";
import { tally } from "../../src/domain/voting/tally";
import { MemoryHost } from "../../src/host";
import { handCountSheetPlan } from "../../src/workbook/voting/handCountSheet";
import { voteNames, voteSheetPlan } from "../../src/workbook/voting/voteSheet";
import { ballotEntrySheetPlan } from "../../src/workbook/voting/ballotSheet";
import { columnLetter } from "../../src/workbook/a1";
import { sampleDraft } from "../fixtures/bloc";

const UNITS = sampleDraft(8).members.map((m) => m.name);

async function blocHost() {
  const host = new MemoryHost();
  const saved = await saveBloc(host, sampleDraft(8), { basedOn: null });
  expect(saved.kind).toBe("saved");
  return host;
}

/** Ballot rows as typed on an entry sheet: number, a mark per candidate ("x" approve, "k" reject). */
function rows(lists: string[][], n = 8): (string | number | null)[][] {
  return lists.map((yes, i) => [i + 1, ...Array.from({ length: n }, (_, k) => (yes.includes(UNITS[k]) ? "x" : null))]);
}

// 8 ballots, quota 2, ≥ 80% of 8 members: SCT and SXD 7 each (87.5%); ballot 8 is over the quota (invalid).
const [A, B, C, D] = UNITS;
const BALLOTS = [[A, B], [A, B], [A, B], [A, B], [A, B], [A, B], [A, B], [A, B, D]];
const HALF = { percent: 50, comparison: ">=" as const, denominator: "valid" as const, quorum: null };

async function flagVote(host: MemoryHost, over: Partial<Vote> = {}, issued?: number) {
  const loaded = await loadVoting(host);
  if (!loaded.ok) throw new Error("load");
  // The bloc chooses its rule (DOMAIN §3: no general rule in force); here the prosecution sector's preset.
  const record = withRule(newVoteRecord(loaded.context, "award", "Cờ thi đua của UBND tỉnh", 2), "blocMembers80");
  record.vote = { ...record.vote, candidates: [...UNITS], ...over };
  record.vote.committee = { head: "Nguyễn Văn An", members: ["Trần Thị Bình"] };
  if (issued !== undefined) record.issued = issued;
  const out = await createVote(host, record);
  expect(out).toMatchObject({ kind: "written" });
  return record;
}

describe("secret-ballot use cases", () => {
  it("refuses a vote whose passing rule the bloc has not chosen: no default (DOMAIN §3, no general rule in force for a bloc's vote)", async () => {
    const host = await blocHost();
    const loaded = await loadVoting(host);
    if (!loaded.ok) throw new Error("load");
    for (const kind of ["award", "leader", "deputy"] as const) {
      const draft = newVoteRecord(loaded.context, kind);
      expect(draft.vote.rule).toBeNull();
      const out = await createVote(host, draft);
      expect(out.kind).toBe("invalid");
      expect(out.issues.map((i) => i.code)).toEqual(["vote.rule.notChosen"]);
      expect(out.issues[0].message.vi).toMatch(/Chưa chọn quy định tỷ lệ/);
    }
    // A rule without its source is refused too: the minutes print where the rule comes from.
    const bare = newVoteRecord(loaded.context, "award");
    bare.vote = { ...bare.vote, rule: HALF };
    expect((await createVote(host, bare)).issues.map((i) => i.code)).toEqual(["vote.rule.noSource"]);
    expect(host.sheetNames()).not.toContain("Bỏ phiếu");
    // A chosen preset records its source; a custom rule the bloc's own.
    const chosen = withRule(newVoteRecord(loaded.context, "award"), "blocMembers80");
    expect(chosen.vote.rule).toEqual({ percent: 80, comparison: ">=", denominator: "members", quorum: null });
    expect(chosen.vote.ruleSource).toBe("TT 01/2019/TT-VKSTC Đ20 (ngành Kiểm sát)");
    expect(withRule(newVoteRecord(loaded.context, "award"), { rule: HALF }).vote.ruleSource).toBe("Do khối thống nhất quy định");
    expect(withRule(newVoteRecord(loaded.context, "award"), { rule: HALF, source: "Quy chế hoạt động của Khối, Điều 5" }).vote.ruleSource).toBe("Quy chế hoạt động của Khối, Điều 5");
  });

  it("stores names typed in another Unicode form (NFD) as NFC at every vote door, so lookups by name find them after recalculation (DOMAIN §6)", async () => {
    const host = await blocHost();
    const loaded = await loadVoting(host);
    if (!loaded.ok) throw new Error("load");
    const nfd = (x: string) => x.normalize("NFD");
    expect(nfd(UNITS[2])).not.toBe(UNITS[2]);
    const record = withRule(newVoteRecord(loaded.context, "award", nfd("Cờ thi đua của UBND tỉnh"), 2), "blocMembers80");
    record.vote = { ...record.vote, title: nfd(record.vote.title), candidates: UNITS.map(nfd), committee: { head: nfd("Nguyễn Văn An"), members: [nfd("Trần Thị Bình")] } };
    expect((await createVote(host, record)).kind).toBe("written");
    const s = voteSheets(record.id);
    const isNfc = (v: unknown) => typeof v !== "string" || v === v.normalize("NFC");
    // "Bỏ phiếu", both entry sheets (header and results) and the printable ballots hold NFC only.
    for (const sheet of ["Bỏ phiếu", s.first.sheet, s.second.sheet, s.print.sheet]) {
      const used = host.usedRange(sheet, true)!;
      const bad = host.values(sheet, used).flat().filter((v) => !isNfc(v));
      expect([sheet, bad]).toEqual([sheet, []]);
    }
    // A lookup by the NFC name (as "Danh sách đề nghị" does) finds the unit in the results block, computed by the workbook.
    const { map } = ballotEntrySheetPlan({ ...record.vote, candidates: UNITS }, { sheet: s.first.sheet, rows: 13, namePrefix: s.first.prefix, refs: voteNames(record.id) });
    const names = `'${s.first.sheet}'!$${columnLetter(map.results.cols.name)}$${map.results.first + 1}:$${columnLetter(map.results.cols.name)}$${map.results.last + 1}`;
    host.userEdit("Bỏ phiếu", "Z1", `=MATCH("${UNITS[2]}",${names},0)`);
    expect(host.values("Bỏ phiếu", "Z1")).toEqual([[3]]);
    // The meeting's decision typed in NFD is written NFC.
    expect((await recordDecision(host, record.id, { decision: { accept: "first", by: nfd("Nguyễn Văn An") }, meeting: { elected: [nfd(UNITS[2])], note: nfd("Biểu quyết") } })).kind).toBe("written");
    const used = host.usedRange("Bỏ phiếu", true)!;
    expect(host.values("Bỏ phiếu", used).flat().filter((v) => !isNfc(v))).toEqual([]);
  });

  it("creates a vote: its definition, two entry sheets and printable ballots, in 2 round trips", async () => {
    const host = await blocHost();
    const before = host.stats.syncs;
    const record = await flagVote(host);
    expect(host.stats.syncs - before).toBe(1 + 2); // load (1) + create (read + write)
    const s = voteSheets(record.id);
    expect(host.sheetNames()).toEqual(expect.arrayContaining(["Bỏ phiếu", s.first.sheet, s.second.sheet, s.print.sheet, "Nhật ký"]));
    const loaded = await loadVoting(host);
    expect(loaded.ok && loaded.context.records.map((r) => r.id)).toEqual(["V1"]);
    expect(loaded.ok && loaded.context.records[0].vote).toEqual(record.vote);
    // A second vote under the first's id (a pane opened before it was created, co-authoring) takes the next id and keeps the first.
    const again = await createVote(host, { ...record, id: "V1" });
    expect(again).toMatchObject({ kind: "written", id: "V2" });
    expect(again.issues.map((i) => i.code)).toContain("vote.id.changed");
  });

  it("counts typed ballots twice: a difference blocks the count until a side is accepted; then minutes", async () => {
    const host = await blocHost();
    const record = await flagVote(host);
    const s = voteSheets(record.id);
    host.userPaste(s.first.sheet, "A7", rows(BALLOTS));
    const typo = BALLOTS.map((b, i) => (i === 6 ? [A, C] : b));
    host.userPaste(s.second.sheet, "A7", rows(typo));
    const before = host.stats.syncs;
    const c1 = await countVote(host, record.id);
    expect(host.stats.syncs - before).toBe(1);
    if (c1.kind !== "counted") throw new Error(c1.kind);
    expect(c1.count.differences.length).toBe(2);
    const diff = c1.count.issues.filter((i) => i.code.startsWith("vote.double."));
    expect(diff.length).toBe(2);
    expect(diff.every((i) => i.where?.sheet === s.second.sheet && /^[A-I]13$/.test(i.where.cell ?? ""))).toBe(true);
    const refused = await writeMinutes(host, record.id);
    expect(refused.kind).toBe("invalid");
    expect(host.sheetNames()).not.toContain(s.minutes.sheet);

    expect((await recordDecision(host, record.id, { decision: { accept: "first", by: "Nguyễn Văn An" } })).kind).toBe("written");
    const c2 = await countVote(host, record.id);
    if (c2.kind !== "counted") throw new Error(c2.kind);
    expect(c2.count.issues.filter((i) => i.severity === "error")).toEqual([]);
    const t = c2.count.result.totals;
    expect([t.issued, t.returned, t.valid, t.invalid]).toEqual([8, 8, 7, 1]);
    expect(c2.count.elected).toEqual([A, B]);
    // The engine on the same ballots agrees; the sheet's own formulas agree too.
    const engine = tally(record.vote, { ballots: BALLOTS.slice(0).map((b, i) => ({ number: i + 1, marks: Object.fromEntries(b.map((n) => [n, "approve" as const])), manualInvalid: null })) }, { issued: 8 });
    expect(c2.count.result.candidates.map((c) => c.votes)).toEqual(engine.candidates.map((c) => c.votes));
    const results = host.names().find((n) => n.name === `${s.first.prefix}_KetQua`)!.formula.split("!")[1].replace(/\$/g, "");
    const table = host.values(s.first.sheet, results);
    expect(table.map((r) => [r[1], r[2], r[3]])).toEqual(c2.count.result.candidates.map((c) => [c.name, c.votes, c.percent]));

    const m = await writeMinutes(host, record.id, { place: "Nam Định", at: new Date(2026, 11, 5, 14, 30) });
    expect(m.kind).toBe("written");
    expect(m.kind === "written" && m.syncs).toBe(2);
    const text = host.values(s.minutes.sheet, host.usedRange(s.minutes.sheet)!).flat().join("\n");
    expect(text).toContain("BIÊN BẢN KIỂM PHIẾU");
    expect(text).toContain(c2.count.fingerprint);
    expect(text).toMatch(/lần nhập 1/);
  });

  it("types ballots into both entries through the use case, and asks before replacing typed ballots", async () => {
    const host = await blocHost();
    const record = await flagVote(host);
    const ballots = BALLOTS.map((yes, i) => ({ number: i + 1, marks: Object.fromEntries(yes.map((n) => [n, "approve" as const])), manualInvalid: i === 0 ? ("wrongForm" as const) : null }));
    const before = host.stats.syncs;
    expect(await enterBallots(host, record.id, 1, ballots)).toMatchObject({ kind: "entered", syncs: 2 });
    expect(host.stats.syncs - before).toBe(2);
    expect((await enterBallots(host, record.id, 2, ballots)).kind).toBe("entered");
    expect((await enterBallots(host, record.id, 2, ballots.slice(1))).kind).toBe("confirm");
    const c = await countVote(host, record.id);
    if (c.kind !== "counted") throw new Error(c.kind);
    expect(c.count.differences).toEqual([]);
    expect(c.count.result.totals).toMatchObject({ returned: 8, valid: 6, invalid: 2, invalidReasons: { wrongForm: 1, overQuota: 1 } });
    // Replacing with fewer ballots clears the rows left over.
    expect((await enterBallots(host, record.id, 2, ballots.slice(1), { replace: true })).kind).toBe("entered");
    const again = await countVote(host, record.id);
    expect(again.kind === "counted" && again.count.differences.map((d) => d.kind)).toEqual(["onlyInFirst"]);
  });

  it("keeps the old 'Bỏ phiếu' sheet when it holds notes its rewrite would not carry", async () => {
    const host = await blocHost();
    const record = await flagVote(host);
    const quiet = await recordDecision(host, record.id, { issued: 8 });
    expect(quiet.kind === "written" && quiet.issues.map((i) => i.code)).toEqual([]);
    host.userEdit("Bỏ phiếu", "F3", "Ghi chú: phiếu số 3 bị rách, đã thay");
    const out = await recordDecision(host, record.id, { issued: 9 });
    expect(out.kind === "written" && out.issues.map((i) => [i.code, i.where?.cell])).toEqual([["vote.sheet.keptOld", "F3"]]);
    expect(host.sheetNames()).toContain("Bỏ phiếu (cũ)");
    expect(host.values("Bỏ phiếu (cũ)", "F3")).toEqual([["Ghi chú: phiếu số 3 bị rách, đã thay"]]);
    const loaded = await loadVoting(host);
    expect(loaded.ok && loaded.context.records[0].issued).toBe(9);
  });

  it("refuses to count when the candidates on 'Bỏ phiếu' were edited after the entry sheets were made", async () => {
    const host = await blocHost();
    const record = await flagVote(host);
    const loaded = await loadVoting(host);
    if (!loaded.ok) throw new Error("load");
    const { map } = voteSheetPlan(loaded.context.records);
    host.userEdit("Bỏ phiếu", map.candidateCell(record.id, 7), null);
    const c = await countVote(host, record.id);
    if (c.kind !== "counted") throw new Error(c.kind);
    expect(c.count.issues.filter((i) => i.code === "vote.entry.candidatesChanged").map((i) => i.where?.sheet)).toEqual([voteSheets(record.id).first.sheet, voteSheets(record.id).second.sheet]);
  });

  it("keeps a sheet already under a new vote's sheet name, with what it holds", async () => {
    const host = await blocHost();
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.add("Phiếu V1").getRange("A1").values = [["phiếu cũ"]];
      await ctx.sync();
    });
    const loaded = await loadVoting(host);
    if (!loaded.ok) throw new Error("load");
    const out = await createVote(host, withRule(newVoteRecord(loaded.context, "leader"), "validMajority"));
    // The definition's warnings come with it (issue #11: nothing silent), then the sheet kept aside.
    expect(out.kind === "written" && out.issues.map((i) => [i.code, i.where?.sheet])).toEqual([
      ["vote.committee.noHead", undefined],
      ["vote.sheet.nameTaken", "Phiếu V1"],
    ]);
    expect(host.values("Phiếu V1 (cũ)", "A1")).toEqual([["phiếu cũ"]]);
  });

  it("leaves a tie to a revote: round 2 among the tied keeps round 1", async () => {
    const host = await blocHost();
    const record = await flagVote(host, { tieRule: ["revote"], rule: HALF });
    const s = voteSheets(record.id);
    const tied = [[A, B], [A, C], [A, B], [A, C], [A, B], [A, C], [A, B], [A, C]];
    host.userPaste(s.first.sheet, "A7", rows(tied));
    host.userPaste(s.second.sheet, "A7", rows(tied));
    const c = await countVote(host, record.id);
    if (c.kind !== "counted") throw new Error(c.kind);
    expect(c.count.result.conclusion.revote).toEqual({ candidates: [B, C], seats: 1 });
    expect(c.count.final).toBe(false);
    host.resetStats();
    const r = await startRevote(host, record.id);
    expect(r).toMatchObject({ kind: "written", id: "V1_2", syncs: 2 });
    expect(host.stats.syncs).toBe(2);
    const loaded = await loadVoting(host);
    if (!loaded.ok) throw new Error("load");
    const round2 = loaded.context.records.find((x) => x.id === "V1_2")!;
    expect(round2.vote).toMatchObject({ round: 2, candidates: [B, C], toElect: 1, parent: { round: 1 } });
    expect(loaded.context.records.find((x) => x.id === "V1")?.vote.candidates).toEqual(UNITS);
  });

  it("calls a run-off when nobody has a majority for leader: round 2 among the top two, one action, then the leader (DOMAIN §1; issue #10 point 16)", async () => {
    const host = await blocHost();
    const loaded = await loadVoting(host);
    if (!loaded.ok) throw new Error("load");
    const draft = newVoteRecord(loaded.context, "leader");
    // A leader vote calls a run-off by default (the bloc's rule, editable).
    expect(draft.vote.runoff).toBe(true);
    const record = withRule(draft, "validMajority");
    record.doubleEntry = false;
    record.vote.committee.head = "Nguyễn Văn An";
    expect((await createVote(host, record)).kind).toBe("written");
    // 3, 3, 1, 1 of 8 valid ballots: nobody has more than half.
    const picks = [0, 0, 0, 1, 1, 1, 2, 3];
    host.userPaste(voteSheets(record.id).first.sheet, "A7", picks.map((k, i) => [i + 1, ...UNITS.map((_, j) => (j === k ? "x" : null))]));
    const c = await countVote(host, record.id);
    if (c.kind !== "counted") throw new Error(c.kind);
    expect(c.count.result.conclusion.runoff).toEqual({ candidates: [A, B], seats: 1 });
    expect(c.count.final).toBe(false);
    // The leadership cannot be written from an undecided vote.
    expect((await electLeadership(host, { mode: "election", leaderVote: record.id, deputyVote: null })).kind).toBe("invalid");
    // Round 1's minutes say a run-off follows, with its round number.
    const m1 = await writeMinutes(host, record.id);
    expect(m1.kind).toBe("written");
    const words = host.values(voteSheets(record.id).minutes.sheet, host.usedRange(voteSheets(record.id).minutes.sheet, true)!).flat().join("\n");
    expect(words).toContain(`Chưa có đơn vị nào đạt tỷ lệ quy định: bầu lại (vòng 2) giữa các đơn vị có số phiếu cao nhất: ${A}, ${B}.`);
    host.resetStats();
    const r = await startRunoff(host, record.id);
    expect(r).toMatchObject({ kind: "written", id: "V1_2" });
    expect(host.stats.syncs).toBe(2);
    const again = await loadVoting(host);
    if (!again.ok) throw new Error("load");
    const round2 = again.context.records.find((x) => x.id === "V1_2")!;
    expect(round2.vote).toMatchObject({ round: 2, candidates: [A, B], toElect: 1, parent: { round: 1, kind: "runoff" } });
    host.userPaste(voteSheets("V1_2").first.sheet, "A7", [0, 0, 0, 0, 0, 1, 1, 1].map((k, i) => [i + 1, k === 0 ? "x" : null, k === 1 ? "x" : null]));
    const m2 = await writeMinutes(host, "V1_2");
    expect(m2.kind).toBe("written");
    const words2 = host.values(voteSheets("V1_2").minutes.sheet, host.usedRange(voteSheets("V1_2").minutes.sheet, true)!).flat().join("\n");
    expect(words2).toContain("Vòng 2 (bầu lại giữa các đơn vị có số phiếu cao nhất, tiếp theo vòng 1)");
    const el = await electLeadership(host, { mode: "election", leaderVote: "V1_2", deputyVote: null });
    expect(el).toMatchObject({ kind: "written", leader: A });
  });

  it("counts an absent member's written opinion when the vote allows it, typed through the use case, and reports it on the minutes (Bắc Ninh QĐ 86/2025 Đ8.4; issue #10 point 7)", async () => {
    const host = await blocHost();
    // Ballots issued at the meeting are at most those present (issue #11: 8 issued to 7 present is refused at creation).
    const record = await flagVote(host, { attendance: { members: 8, present: 7 }, writtenOpinions: true }, 7);
    const ballots = BALLOTS.slice(0, 7).map((yes, i) => ({ number: i + 1, chosen: yes, manualInvalid: null }));
    const all = [...ballots, { number: 8, chosen: [A, B], manualInvalid: null, written: true }];
    expect((await enterBallots(host, record.id, 1, all)).kind).toBe("entered");
    expect((await enterBallots(host, record.id, 2, all)).kind).toBe("entered");
    const c = await countVote(host, record.id);
    if (c.kind !== "counted") throw new Error(c.kind);
    expect(c.count.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(c.count.result.totals).toMatchObject({ issued: 7, returned: 8, written: 1 });
    // 8 of 8 members approve A and B with the written opinion: 100%.
    expect(c.count.elected).toEqual([A, B]);
    expect((await writeMinutes(host, record.id)).kind).toBe("written");
    const sheet = voteSheets(record.id).minutes.sheet;
    expect(host.values(sheet, host.usedRange(sheet, true)!).flat()).toContain("- Số phiếu thu vào: 8; trong đó 1 ý kiến bằng văn bản của thành viên vắng mặt.");
  });

  it("records the meeting's choice on a tie left to it", async () => {
    const host = await blocHost();
    const record = await flagVote(host, { tieRule: ["meetingDecides"], rule: HALF });
    const s = voteSheets(record.id);
    const tied = [[A, B], [A, C], [A, B], [A, C], [A, B], [A, C], [A, B], [A, C]];
    host.userPaste(s.first.sheet, "A7", rows(tied));
    host.userPaste(s.second.sheet, "A7", rows(tied));
    await recordDecision(host, record.id, { meeting: { elected: [C], note: "Biểu quyết giơ tay 6/8" } });
    const c = await countVote(host, record.id);
    if (c.kind !== "counted") throw new Error(c.kind);
    expect(c.count.elected).toEqual([A, C]);
    expect(c.count.final).toBe(true);
  });

  it("counts totals counted by hand, with the checks placed on their cells", async () => {
    const host = await blocHost();
    const loaded = await loadVoting(host);
    if (!loaded.ok) throw new Error("load");
    const record = withRule(newVoteRecord(loaded.context, "award", "Bằng khen của Chủ tịch UBND tỉnh", 2), "blocMembers80");
    record.entry = "handCount";
    record.doubleEntry = false;
    record.vote = { ...record.vote, candidates: [...UNITS], committee: { head: "Nguyễn Văn An", members: [] } };
    expect((await createVote(host, record)).kind).toBe("written");
    const s = voteSheets(record.id);
    const { map } = handCountSheetPlan(record.vote, { sheet: s.hand.sheet, refs: voteNames(record.id), namePrefix: s.hand.prefix });
    host.userEdit(s.hand.sheet, map.fields.returned, 8);
    host.userEdit(s.hand.sheet, map.fields.valid, 6);
    host.userEdit(s.hand.sheet, map.fields.invalid, 1); // 6 + 1 ≠ 8
    UNITS.forEach((_, i) => host.userEdit(s.hand.sheet, map.candidateCell(i), i === 0 ? 7 : i === 1 ? 6 : 0)); // 7 > 6 valid
    const c = await countVote(host, record.id);
    if (c.kind !== "counted") throw new Error(c.kind);
    const errs = c.count.issues.filter((i) => i.severity === "error");
    expect(errs.map((i) => [i.code, i.where?.cell])).toEqual(
      expect.arrayContaining([
        ["vote.count.mismatch", map.fields.valid],
        ["vote.candidate.overValid", map.candidateCell(0)],
      ]),
    );
    host.userEdit(s.hand.sheet, map.fields.invalid, 2);
    host.userEdit(s.hand.sheet, map.candidateCell(0), 6);
    const ok = await countVote(host, record.id);
    if (ok.kind !== "counted") throw new Error(ok.kind);
    expect(ok.count.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(ok.count.elected).toEqual([]); // 6 of 8 members = 75% < 80%
    expect(ok.count.result.candidates[0]).toMatchObject({ votes: 6, percent: 75, passes: false });
  });

  it("writes next year's leader by rotation, then by election", async () => {
    const host = await blocHost();
    const out = await electLeadership(host, { mode: "rotation", deputies: 1 });
    expect(out).toMatchObject({ kind: "written", year: 2027, leader: UNITS[1] });
    const loaded = await loadVoting(host);
    expect(loaded.ok && loaded.context.leadership.map((r) => [r.year, r.leader])).toEqual([
      [2026, UNITS[0]],
      [2027, UNITS[1]],
    ]);
    // Election: a choose-one vote for leader.
    const ctx = loaded.ok ? loaded.context : null;
    const leaderVote = withRule(newVoteRecord(ctx!, "leader"), "validMajority");
    leaderVote.vote.committee.head = "Nguyễn Văn An";
    leaderVote.doubleEntry = false;
    expect((await createVote(host, leaderVote)).kind).toBe("written");
    const sheet = voteSheets(leaderVote.id).first.sheet;
    const picks = [3, 3, 3, 3, 3, 2, 2, 1];
    host.userPaste(sheet, "A7", picks.map((k, i) => [i + 1, ...UNITS.map((_, j) => (j === k ? "x" : null))]));
    // A deputy vote too: both are counted in the same read, then one write.
    const deputyVote = withRule(newVoteRecord({ ...ctx!, records: [leaderVote] }, "deputy"), "validMajority");
    deputyVote.doubleEntry = false;
    expect((await createVote(host, deputyVote)).kind).toBe("written");
    host.userPaste(voteSheets(deputyVote.id).first.sheet, "A7", [5, 5, 5, 5, 5, 1, 1, 0].map((k, i) => [i + 1, ...UNITS.map((_, j) => (j === k ? "x" : null))]));
    host.resetStats();
    const el = await electLeadership(host, { mode: "election", leaderVote: leaderVote.id, deputyVote: deputyVote.id });
    expect(host.stats.syncs).toBe(2);
    expect(el).toMatchObject({ deputies: [UNITS[5]] });
    expect(el).toMatchObject({ kind: "written", year: 2027, leader: UNITS[3] });
    expect(el.kind === "written" && el.issues.map((i) => i.code)).not.toContain("leadership.sheet.keptOld");
  });
});
