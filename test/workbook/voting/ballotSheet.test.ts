import { tally } from "../../../src/domain/voting/tally";
import type { Ballot } from "../../../src/domain/voting/model";
import { writeSheets } from "../../../src/excel/apply";
import { MemoryHost } from "../../../src/host";
import { cellAddress, rangeAddress } from "../../../src/workbook/a1";
import {
  ballotEntrySheetPlan,
  CUTOFF,
  HEADERS,
  MANUAL_REASON_TEXT,
  manualReasonOf,
  readBallotSheet,
  readBallotSheetRows,
  STATUS,
} from "../../../src/workbook/voting/ballotSheet";
import { handCountSheetPlan } from "../../../src/workbook/voting/handCountSheet";
import { voteSheetPlan } from "../../../src/workbook/voting/voteSheet";
import { approve, flagVote, UNITS } from "../../domain/voting/helpers";
import { gridOf } from "../../fixtures/grid";

const SHEET = "Nhập phiếu";

describe("the ballot-by-ballot entry sheet", () => {
  it("writes every name NFC whatever form the vote holds (DOMAIN §6: names compare after NFC; a MATCH on the results finds them)", () => {
    const vote = flagVote({ candidates: UNITS.map((u) => u.normalize("NFD")), title: flagVote().title.normalize("NFD") });
    const plans = [
      ballotEntrySheetPlan(vote, { sheet: SHEET, rows: 5 }).plan,
      handCountSheetPlan(vote, { sheet: "Đếm tay" }).plan,
      voteSheetPlan([{ id: "V1", vote, issued: 8, entry: "ballots", doubleEntry: false, decision: null, meeting: null }]).plan,
    ];
    for (const plan of plans) {
      const texts = gridOf(plan).values.flat().filter((v): v is string => typeof v === "string");
      expect([plan.name, texts.filter((t) => t !== t.normalize("NFC"))]).toEqual([plan.name, []]);
      for (const u of UNITS) expect(texts.some((t) => t === u || t.includes(u))).toBe(true);
    }
  });

  it("plans marks, reasons, inputs, protection, names and print", () => {
    const { plan, map } = ballotEntrySheetPlan(flagVote(), { sheet: SHEET, rows: 10 });
    expect(plan.name).toBe(SHEET);
    expect(map).toMatchObject({ first: 6, last: 15, cols: { number: 0, firstCandidate: 1, reason: 9, status: 10 } });
    const header = plan.blocks.find((b) => b.at === "A6")!.rows[0];
    expect(header).toEqual([HEADERS.number, ...UNITS, HEADERS.reason, HEADERS.status]);
    const lists = plan.validations.filter((v) => v.rule.kind === "list");
    expect(lists.map((v) => [v.range, v.rule])).toEqual([
      ["B7:I16", { kind: "list", source: ["x", "k"] }],
      ["J7:J16", { kind: "list", source: Object.values(MANUAL_REASON_TEXT) }],
    ]);
    for (const v of plan.validations) {
      expect(v.error.title.length).toBeLessThanOrEqual(32);
      expect(v.error.message.length).toBeLessThanOrEqual(225);
    }
    expect(plan.unlocked).toEqual(["A7:J16", map.fields.members, map.fields.present, map.fields.issued]);
    expect(plan.protection).toEqual({});
    expect(plan.names.map((n) => n.name)).toEqual(["BX_Phieu_V1_ThanhVien", "BX_Phieu_V1_CoMat", "BX_Phieu_V1_PhatRa", "BX_Phieu_V1_Phieu", "BX_Phieu_V1_KetQua"]);
    expect(plan.print).toMatchObject({ paper: "A4", fitToWidth: true });
    // The rule in words, and the status formula of the first row.
    expect(plan.blocks[0].rows[2][0]).toContain("80%");
    const status = plan.blocks.find((b) => b.at === "A6")!.rows[1][map.cols.status] as { f: string };
    expect(status.f).toContain(`COUNTIF(B7:I7,"x")>${"$O$13"}`);
  });

  it("offers only 'x' for a choose-one ballot, and names by prefix", () => {
    const { plan } = ballotEntrySheetPlan(flagVote({ ballot: { kind: "chooseOne" }, round: 2 }), { sheet: SHEET, rows: 3, namePrefix: "BX_TruongKhoi" });
    expect(plan.validations.find((v) => v.rule.kind === "list")?.rule).toEqual({ kind: "list", source: ["x"] });
    expect(plan.names[0].name).toBe("BX_TruongKhoi_ThanhVien");
  });

  it("computes status and results in the workbook, and reads the typed ballots back", async () => {
    const vote = flagVote({ tieRule: ["meetingDecides"] });
    const [a, b, c, d] = UNITS;
    const ballots: Ballot[] = [
      approve(1, [a, b], [c]),
      approve(2, [a, b]),
      approve(3, [a, c]),
      approve(4, [a, b, c]), // over quota
      approve(5, []), // nothing marked: valid by this vote's rule
      approve(6, [a, d], [], "addedNames"),
      approve(7, [a, b]),
      approve(8, [a, b]),
    ];
    const { plan, map } = ballotEntrySheetPlan(vote, { sheet: SHEET, rows: 10, issued: 8 });
    const host = new MemoryHost();
    const w = await writeSheets(host, [plan], { sheets: ["Sheet1"], names: [] });
    expect(w.ok).toBe(true);
    const typed = ballots.map((x) => [
      x.number,
      ...UNITS.map((u) => ("marks" in x ? ({ approve: "x", reject: "k", blank: null } as const)[x.marks[u] ?? "blank"] : null)),
      x.manualInvalid ? MANUAL_REASON_TEXT[x.manualInvalid] : null,
    ]);
    host.userPaste(SHEET, cellAddress(map.first, 0), typed);
    const statuses = host.values(SHEET, rangeAddress(map.first, map.cols.status, 10, 1)).map((r) => r[0]);
    // The drop-down writes the reason's legal wording (TT 01/2021/TT-BNV Đ11, issue #13's terms); the old short forms still read (oldWorkbook.test.ts).
    expect(statuses).toEqual([STATUS.valid, STATUS.valid, STATUS.valid, STATUS.overQuota, STATUS.valid, STATUS.manualPrefix + "Ghi thêm tên hoặc nội dung khác", STATUS.valid, STATUS.valid, "", ""]);
    const v = (k: keyof typeof map.fields) => host.values(SHEET, map.fields[k])[0][0];
    expect([v("issued"), v("returned"), v("valid"), v("invalid")]).toEqual([8, 8, 6, 2]);
    const res = host.values(SHEET, rangeAddress(map.results.first, map.results.cols.stt, UNITS.length, 7));
    // a: 5 of 8 members = 62.5% (< 80%); b: 4 → 50%. Nobody passes at 80%.
    expect(res.slice(0, 2).map((r) => r.slice(1))).toEqual([
      [a, 5, 62.5, "Không đạt", "", ""],
      [b, 4, 50, "Không đạt", "", ""],
    ]);

    const grid = host.values(SHEET, rangeAddress(0, 0, map.last + 1, map.cols.status + 1));
    const read = readBallotSheet({ sheet: SHEET, row: 0, col: 0, values: grid });
    const strip = (bs: Ballot[]) => bs.map((x) => ({ ...x, marks: Object.fromEntries(Object.entries("marks" in x ? x.marks : {}).filter(([, m]) => m !== "blank")) }));
    expect(read).toEqual(strip(ballots));
    const e = tally(vote, { ballots: read }, { issued: 8 });
    expect([e.totals.valid, e.candidates[0].votes, e.candidates[0].percent]).toEqual([6, 5, 62.5]);

    // Lower the bar to 50% of members: a and b pass, toElect 2 → both within the number.
    const lower = ballotEntrySheetPlan({ ...vote, rule: { ...vote.rule, percent: 50 } }, { sheet: SHEET, rows: 10, issued: 8 });
    const host2 = new MemoryHost();
    await writeSheets(host2, [lower.plan], { sheets: ["Sheet1"], names: [] });
    host2.userPaste(SHEET, cellAddress(map.first, 0), typed);
    const cut = host2.values(SHEET, rangeAddress(map.results.first, map.results.cols.cutoff, 3, 1)).map((r) => r[0]);
    expect(cut).toEqual([CUTOFF.elected, CUTOFF.elected, ""]);
  });

  it("marks written opinions of absent members in their own column, counted and totalled apart, as the engine does (Bắc Ninh QĐ 86/2025 Đ8.4)", async () => {
    const vote = flagVote({ attendance: { members: 8, present: 7 }, writtenOpinions: true });
    const [a, b, c] = UNITS;
    const { plan, map } = ballotEntrySheetPlan(vote, { sheet: SHEET, rows: 10, issued: 7 });
    expect(map.cols).toEqual({ number: 0, firstCandidate: 1, reason: 9, written: 10, status: 11 });
    expect(gridOf(plan).values[map.first - 1][map.cols.written]).toBe(HEADERS.written);
    // Without the setting, the sheet keeps its usual columns.
    expect(ballotEntrySheetPlan(flagVote(), { sheet: SHEET, rows: 10 }).map.cols).toMatchObject({ reason: 9, written: -1, status: 10 });
    const host = new MemoryHost();
    expect((await writeSheets(host, [plan], { sheets: ["Sheet1"], names: [] })).ok).toBe(true);
    const row = (n: number, yes: string[], written: boolean) => [n, ...UNITS.map((u) => (yes.includes(u) ? "x" : null)), null, written ? "x" : null];
    host.userPaste(SHEET, cellAddress(map.first, 0), [row(1, [a, b], false), row(2, [a, b], false), row(3, [a, c], false), row(4, [a, b], true)]);
    const v = (k: keyof typeof map.fields) => host.values(SHEET, map.fields[k])[0][0];
    const grid = host.values(SHEET, rangeAddress(0, 0, map.last + 1, map.cols.status + 1));
    const read = readBallotSheet({ sheet: SHEET, row: 0, col: 0, values: grid });
    expect(read.map((x) => !!x.written)).toEqual([false, false, false, true]);
    const e = tally(vote, { ballots: read }, { issued: 7 });
    expect([v("returned"), v("valid"), v("written")]).toEqual([e.totals.returned, e.totals.valid, e.totals.written]);
    expect(e.totals.written).toBe(1);
  });

  it("flags a tie at the cutoff", async () => {
    const vote = flagVote({ toElect: 1, rule: { percent: 25, comparison: ">=", denominator: "valid", quorum: null } });
    const { plan, map } = ballotEntrySheetPlan(vote, { sheet: SHEET, rows: 4 });
    const host = new MemoryHost();
    await writeSheets(host, [plan], { sheets: ["Sheet1"], names: [] });
    host.userPaste(SHEET, cellAddress(map.first, 0), [
      [1, "x", null],
      [2, null, "x"],
    ]);
    const res = host.values(SHEET, rangeAddress(map.results.first, map.results.cols.rank, 3, 2));
    expect(res).toEqual([
      [1, CUTOFF.tied],
      [1, CUTOFF.tied],
      ["", ""],
    ]);
  });

  it("reads tolerantly: shifted grids, upper-case marks, rows without a number, unknown marks", () => {
    const { plan } = ballotEntrySheetPlan(flagVote(), { sheet: SHEET, rows: 5 });
    const g = gridOf(plan);
    const header = g.values.findIndex((r) => r[0] === HEADERS.number);
    g.values[header + 1].splice(0, 10, 3, "X", "K", "", "", "", "", "", "", "gạch hết");
    g.values[header + 2].splice(0, 3, "", "x", "");
    g.values[header + 3].splice(0, 3, 4, "?", "x");
    const read = readBallotSheetRows({ ...g, row: 2, col: 1 });
    expect(read.found).toBe(true);
    expect(read.rows.map((r) => r.ballot)).toEqual([
      { number: 3, marks: { [UNITS[0]]: "approve", [UNITS[1]]: "reject" }, manualInvalid: "allStruckOut" },
      { number: 4, marks: { [UNITS[1]]: "approve" }, manualInvalid: null },
    ]);
    expect(read.rows.map((r) => r.row)).toEqual([header + 4, header + 6]);
    expect(read.noNumber).toEqual([header + 5]);
    expect(read.unknownMarks).toEqual([`C${header + 6}`]);
    expect(manualReasonOf("Chữ lạ")).toBe("other");
    expect(readBallotSheetRows({ sheet: "x", row: 0, col: 0, values: [["Doanh thu", 1]] }).found).toBe(false);
  });
});

describe("readBallotSheetRows: marks for someone not on the ballot (issue #11)", () => {
  it("lists a mark in a column between the number and the reason whose header names no candidate, and reads the row as typed", () => {
    const grid = { sheet: "Phiếu V1", row: 0, col: 0, values: [["Số phiếu", UNITS[0], "", "Lý do không hợp lệ (nếu có)"], [1, "x", null, null], [2, null, "x", null]] as unknown[][] };
    const read = readBallotSheetRows(grid as never);
    expect(read.candidates).toEqual([UNITS[0]]);
    expect(read.unnamedMarks).toEqual(["C3"]);
    expect(read.rows.map((r) => r.ballot.number)).toEqual([1, 2]);
  });
});
