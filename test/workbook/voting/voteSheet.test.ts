import { writeSheets } from "../../../src/excel/apply";
import { MemoryHost } from "../../../src/host";
import type { Issue } from "../../../src/domain/issues";
import type { VoteRecord } from "../../../src/domain/voting/record";
import { cellAddress, parseRange } from "../../../src/workbook/a1";
import type { Grid } from "../../../src/workbook/grid";
import { readVoteSheet, VOTE_FIELDS, VOTE_LABELS, VOTE_SHEET, VOTE_SHEET_TEXT, voteNames, voteSheetPlan, type VoteField } from "../../../src/workbook/voting/voteSheet";
import { flagVote, UNITS } from "../../domain/voting/helpers";
import { gridOf } from "../../fixtures/grid";

/** Four votes covering every field: an award vote, a leader vote, its deputy vote, a revote round. */
function sampleRecords(): VoteRecord[] {
  const flag: VoteRecord = {
    id: "V1",
    // The rule's source (DOMAIN §3: the bloc's explicit choice, printed with the rule) goes on the sheet and back.
    vote: flagVote({ tieRule: ["higherScore", "revote"], ruleSource: "TT 01/2019/TT-VKSTC Đ20 (ngành Kiểm sát)" }),
    issued: 8,
    entry: "ballots",
    doubleEntry: true,
    decision: { accept: "second", by: "Nguyễn Văn An" },
    meeting: null,
  };
  const leader: VoteRecord = {
    id: "V2",
    vote: flagVote({
      purpose: { kind: "leader" },
      title: "Bầu Trưởng khối năm 2026",
      candidates: UNITS.slice(0, 3),
      ballot: { kind: "chooseOne" },
      rule: { percent: 50, comparison: ">", denominator: "present", quorum: { percent: 66.67, comparison: ">=", of: "members" } },
      invalid: { overQuota: "invalid", noneMarked: "invalid" },
      toElect: 1,
      tieRule: ["higherScore", { lot: { seed: "0726" } }],
      // The bloc's run-off rule (issue #10 point 16) goes on the sheet and back.
      runoff: true,
      // Written opinions of absent members counted (issue #10 point 7): on the sheet and back.
      writtenOpinions: true,
      committee: { head: "Lê Thị Hoa", members: ["A", "B", "C", "D"] },
      attendance: { members: 8, present: 7 },
    }),
    issued: null,
    entry: "handCount",
    doubleEntry: false,
    decision: null,
    meeting: { elected: [UNITS[2]], note: "Hội nghị biểu quyết giơ tay" },
  };
  const deputy: VoteRecord = {
    id: "V3",
    vote: flagVote({
      purpose: { kind: "deputy" },
      title: "Bầu Phó trưởng khối",
      candidates: UNITS.slice(3, 8),
      ballot: { kind: "chooseUpTo", n: 2 },
      rule: { percent: 50, comparison: ">", denominator: "valid", quorum: null },
      toElect: 2,
      tieRule: ["meetingDecides"],
      // More members than the four rows: the plan adds rows.
      committee: { head: "", members: ["M1", "M2", "M3", "M4", "M5", "M6"] },
      attendance: { members: 8, present: 8 },
    }),
    issued: 8,
    entry: "ballots",
    doubleEntry: false,
    decision: null,
    meeting: null,
  };
  const revote: VoteRecord = {
    id: "V1_2",
    vote: flagVote({ round: 2, parent: { round: 1, candidates: [...UNITS] }, candidates: [UNITS[1], UNITS[2]], toElect: 1, tieRule: ["meetingDecides"] }),
    issued: 8,
    entry: "ballots",
    doubleEntry: true,
    decision: null,
    meeting: { elected: [UNITS[1]], note: "" },
  };
  return [flag, leader, deputy, revote];
}

const errors = (issues: Issue[]) => issues.filter((i) => i.severity === "error");
const codes = (issues: Issue[]) => issues.map((i) => i.code);

/** A grid with a value replaced at a plan address (A1 in the plan's own coordinates). */
function edit(g: Grid, address: string, value: unknown): Grid {
  const { row, col } = parseRange(address);
  const values = g.values.map((r) => [...r]);
  values[row][col] = value;
  return { ...g, values };
}

describe("the vote definition sheet", () => {
  it("plans one column per vote with labels, ids, candidates, validation, names and freeze", () => {
    const records = sampleRecords();
    const { plan, map } = voteSheetPlan(records);
    expect(plan.name).toBe(VOTE_SHEET);
    const g = gridOf(plan);
    expect(g.values[0][0]).toBe("CÁC CUỘC BỎ PHIẾU KÍN");
    expect(g.values[map.header]).toEqual(["Mục", "V1", "V2", "V3", "V1_2"]);
    expect(map.columns).toEqual({ V1: 1, V2: 2, V3: 3, V1_2: 4 });
    // Every field has its own row, labelled in column A.
    for (const f of VOTE_FIELDS) expect(g.values[map.rows[f]][0]).toBe(VOTE_LABELS[f]);
    expect(new Set(VOTE_FIELDS.map((f) => map.rows[f])).size).toBe(VOTE_FIELDS.length);
    expect(g.values[map.candidatesFirst - 1][0]).toBe(VOTE_SHEET_TEXT.candidates);
    // Candidates go down; STT labels; columns of different lengths.
    expect(g.values[map.candidatesFirst].slice(0, 5)).toEqual([1, UNITS[0], UNITS[0], UNITS[3], UNITS[1]]);
    expect(g.values[map.candidatesFirst + 2].slice(0, 5)).toEqual([3, UNITS[2], UNITS[2], UNITS[5], ""]);
    expect(g.values[map.candidatesFirst + 7].slice(0, 5)).toEqual([8, UNITS[7], "", "", ""]);
    const at = (id: string, f: VoteField) => {
      const { row, col } = parseRange(map.cell(id, f));
      return g.values[row][col];
    };
    expect([at("V1", "purpose"), at("V1", "award"), at("V1", "ballot"), at("V1", "choices"), at("V1", "tie1"), at("V1", "tie2"), at("V1", "tie3")]).toEqual([
      "Khen thưởng",
      "Cờ thi đua của UBND tỉnh",
      "Đồng ý / Không đồng ý",
      2,
      "Điểm thi đua cao hơn",
      "Bỏ phiếu lại",
      "",
    ]);
    expect([at("V2", "purpose"), at("V2", "ballot"), at("V2", "choices"), at("V2", "quorum"), at("V2", "comparison"), at("V2", "denominator"), at("V2", "seed"), at("V2", "issued")]).toEqual([
      "Trưởng khối",
      "Chọn một",
      1,
      66.67,
      "Trên (>)",
      "số thành viên có mặt",
      "0726",
      "",
    ]);
    expect([at("V1_2", "parent"), at("V1_2", "round"), at("V1", "parent"), at("V1", "accepted"), at("V1", "decidedBy"), at("V2", "elected")]).toEqual([
      "V1",
      2,
      "",
      "Lần nhập 2",
      "Nguyễn Văn An",
      UNITS[2],
    ]);
    // The six-member committee got two extra rows, right after the four.
    expect(g.values[map.rows.member4 + 2][0]).toBe(VOTE_LABELS.member1);
    expect(g.values[map.rows.member4 + 2][map.columns.V3]).toBe("M6");
    expect(map.candidateCell("V3", 4)).toBe(cellAddress(map.candidatesFirst + 4, 3));

    // Drop-downs on the enumerated rows, numbers on counts and percents; short titles and messages.
    const rule = (f: VoteField) => plan.validations.find((v) => parseRange(v.range).row === map.rows[f])?.rule;
    expect(rule("purpose")).toEqual({ kind: "list", source: ["Khen thưởng", "Trưởng khối", "Phó trưởng khối"] });
    // The denominators of DOMAIN §3, and "returned excluding blank" (issue #13's proof of one term per denominator).
    expect(rule("denominator")).toEqual({
      kind: "list",
      source: ["tổng số thành viên", "số thành viên có mặt", "số phiếu phát ra", "số phiếu thu vào", "số phiếu thu vào trừ phiếu trắng", "số phiếu hợp lệ"],
    });
    expect(rule("tie1")).toEqual({ kind: "list", source: ["Điểm thi đua cao hơn", "Bỏ phiếu lại", "Hội nghị quyết định", "Bốc thăm"] });
    expect(parseRange(plan.validations.find((v) => parseRange(v.range).row === map.rows.tie1)!.range).rowCount).toBe(4);
    expect(rule("percent")).toEqual({ kind: "decimal", min: 0, max: 100 });
    expect(rule("quorum")).toEqual({ kind: "decimal", min: 0, max: 100 });
    expect(rule("present")).toMatchObject({ kind: "whole" });
    expect(rule("issued")).toMatchObject({ kind: "whole" });
    for (const f of ["ballot", "comparison", "quorumComparison", "noneMarked", "entry", "doubleEntry", "accepted"] as const) expect(rule(f)).toMatchObject({ kind: "list" });
    for (const v of plan.validations) {
      expect(v.error.title.length).toBeLessThanOrEqual(32);
      expect(v.error.message.length).toBeLessThanOrEqual(225);
      for (const item of v.rule.kind === "list" && Array.isArray(v.rule.source) ? v.rule.source : []) expect(item).not.toContain(",");
    }
    expect(plan.protection ?? null).toBeNull();
    expect(plan.freeze).toEqual({ rows: map.header + 1, columns: 1 });
    expect(plan.columnWidths[0]).toMatchObject({ column: "A" });
    expect(plan.columnWidths.slice(1).map((w) => w.width)).toEqual([160, 160, 160, 160]);
    expect(plan.formats.some((f) => f.format.fill === "#FFFFE0" && f.range === `B${map.rows.title + 1}:E${map.rows.note + 1}`)).toBe(true);
    expect(voteNames("V1_2")).toEqual({ members: "BX_BP_V1_2_ThanhVien", present: "BX_BP_V1_2_CoMat", issued: "BX_BP_V1_2_PhatRa" });
    const names = Object.fromEntries(plan.names.map((n) => [n.name, n.range]));
    expect(names["BX_BP_V2_CoMat"]).toBe(`$C$${map.rows.present + 1}`);
    expect(names["BX_BP_V1_2_PhatRa"]).toBe(`$E$${map.rows.issued + 1}`);
    expect(names["BX_BoPhieu"]).toBe(`$A$${map.header + 1}:$E$${map.candidatesFirst + 8}`);
  });

  it("reads its own plan back exactly (round trip)", () => {
    const records = sampleRecords();
    const read = readVoteSheet(gridOf(voteSheetPlan(records).plan));
    expect(read.found).toBe(true);
    expect(errors(read.issues)).toEqual([]);
    expect(read.records).toEqual(records);
    // Warnings are the vote's own: V3 has no committee head.
    expect(codes(read.issues)).toEqual(["vote.committee.noHead"]);
    expect(read.issues[0].where).toEqual({ sheet: VOTE_SHEET, cell: voteSheetPlan(records).map.cell("V3", "head") });
  });

  it("round-trips through the in-memory Excel host, and names point at the input cells", async () => {
    const records = sampleRecords();
    const { plan, map } = voteSheetPlan(records);
    const host = new MemoryHost();
    const w = await writeSheets(host, [plan], { sheets: ["Sheet1"], names: [] });
    expect(w.ok).toBe(true);
    // Every written value satisfies the sheet's own validation (lists match the words written).
    expect(host.invalidCells(VOTE_SHEET)).toEqual([]);
    expect(host.freeze(VOTE_SHEET)).toEqual({ rows: map.header + 1, columns: 1 });
    expect(host.validation(VOTE_SHEET, map.cell("V2", "ballot"))?.type).toBe("List");
    expect(host.protection(VOTE_SHEET).protected).toBe(false);
    const names = new Map(host.names().map((n) => [n.name, n.formula]));
    expect(names.get("BX_BP_V1_ThanhVien")).toContain(`$B$${map.rows.members + 1}`);
    expect(names.get("BX_BP_V2_CoMat")).toContain(`$C$${map.rows.present + 1}`);

    const readHost = () => {
      const used = host.usedRange(VOTE_SHEET)!;
      const r = parseRange(used);
      return readVoteSheet({ sheet: VOTE_SHEET, row: r.row, col: r.col, values: host.values(VOTE_SHEET, used) });
    };
    const read = readHost();
    expect(errors(read.issues)).toEqual([]);
    expect(read.records).toEqual(records);
    // A number pasted as text with a decimal comma reads as a number.
    host.userPaste(VOTE_SHEET, map.cell("V1", "percent"), [["66,67"]]);
    expect(host.values(VOTE_SHEET, map.cell("V1", "percent"))[0][0]).toBe("66,67");
    const edited = readHost();
    expect(edited.records[0].vote.rule.percent).toBe(66.67);
    host.userEdit(VOTE_SHEET, map.cell("V1", "percent"), 80);

    // The user inserts rows above the table and inside it: everything still reads, issues point at the moved cells.
    host.userInsertRows(VOTE_SHEET, 2, 3);
    host.userInsertRows(VOTE_SHEET, map.rows.seed + 1 + 3, 1);
    expect(readHost().records).toEqual(records);
    const moved = parseRange(map.cell("V2", "purpose"));
    host.userPaste(VOTE_SHEET, cellAddress(moved.row + 3, moved.col), [["Chủ tịch"]]);
    const bad = readHost();
    expect(bad.records.map((r) => r.id)).toEqual(["V1", "V3", "V1_2"]);
    expect(errors(bad.issues).map((i) => [i.code, i.where?.cell])).toEqual([["vote.sheet.enum", cellAddress(moved.row + 3, moved.col)]]);
    expect(bad.cells["V2"].field("purpose")).toBe(cellAddress(moved.row + 3, moved.col));
    expect(bad.cells["V2"].field("head")).toBe(cellAddress(map.rows.head + 4, 2));
    expect(bad.cells["V3"].candidate(0)).toBe(cellAddress(map.candidatesFirst + 4, 3));
    // Names follow the inserted rows.
    expect(new Map(host.names().map((n) => [n.name, n.formula])).get("BX_BP_V1_ThanhVien")).toContain(`$B$${map.rows.members + 1 + 4}`);
  });

  it("reads a grid that starts elsewhere, with inserted rows, NFD text, folded labels and text numbers", () => {
    const records = sampleRecords();
    const { plan, map } = voteSheetPlan(records);
    const g = gridOf(plan);
    // NFD everywhere, labels upper-cased without diacritics or with a colon, numbers typed as text.
    let values = g.values.map((row) => row.map((v) => (typeof v === "string" ? v.normalize("NFD") : v)));
    values[map.rows.toElect][0] = "SO LUONG DUOC CHON:";
    values[map.rows.percent][0] = "Tỷ lệ yêu cầu";
    values[map.rows.tie2][0] = "Xu ly bang phieu - buoc 2";
    values[map.rows.percent][1] = "80";
    values[map.rows.quorum][2] = "66,67";
    values[map.rows.members][2] = " 8 ";
    // A blank row inside the table, a note row under the title, and two empty columns on the left.
    values.splice(map.rows.seed, 0, values[0].map(() => ""));
    values.splice(1, 0, ["Ghi chú của khối", "", "", "", ""]);
    values = values.map((row) => ["", "", ...row]);
    const read = readVoteSheet({ sheet: "Bỏ phiếu (2)", row: 4, col: 2, values });
    expect(errors(read.issues)).toEqual([]);
    expect(read.records).toEqual(records);
    // Cells are reported in the sheet's real position: grid offset (4, 2) + 2 columns + 1 row above.
    expect(read.cells["V2"].column).toBe(2 + 2 + 2);
    expect(read.cells["V2"].field("round")).toBe(cellAddress(4 + 1 + map.rows.round, 6));
    expect(read.cells["V2"].field("head")).toBe(cellAddress(4 + 2 + map.rows.head, 6));
    expect(read.cells["V1"].candidate(0)).toBe(cellAddress(4 + 2 + map.candidatesFirst, 5));
    expect(read.cells["V1"].candidate(8)).toBeUndefined();
  });

  it("reports a bad enum at its cell, naming the allowed values in both languages", () => {
    const records = sampleRecords();
    const { plan, map } = voteSheetPlan(records);
    const g = { ...gridOf(plan), row: 2, col: 1 };
    const shift = (a: string) => {
      const r = parseRange(a);
      return cellAddress(r.row + 2, r.col + 1);
    };
    const read = readVoteSheet(edit(edit(g, map.cell("V1", "comparison"), "bằng"), map.cell("V2", "tie2"), "Tung đồng xu"));
    expect(read.records.map((r) => r.id)).toEqual(["V3", "V1_2"]);
    const errs = errors(read.issues);
    expect(errs.map((i) => [i.code, i.where])).toEqual([
      ["vote.sheet.enum", { sheet: VOTE_SHEET, cell: shift(map.cell("V1", "comparison")) }],
      ["vote.sheet.enum", { sheet: VOTE_SHEET, cell: shift(map.cell("V2", "tie2")) }],
    ]);
    expect(errs[0].message.vi).toContain("Từ … trở lên (≥) | Trên (>)");
    expect(errs[0].message.vi).toContain(shift(map.cell("V1", "comparison")));
    expect(errs[0].message.en).toContain("At least (≥) | More than (>)");
    expect(errs[1].message.vi).toContain("Bốc thăm");
    expect(errs[1].message.en).toContain("Drawn lot");
  });

  it("accepts other spellings of the values", () => {
    const records = sampleRecords();
    const { plan, map } = voteSheetPlan(records);
    let g = gridOf(plan);
    g = edit(g, map.cell("V1", "comparison"), "≥");
    g = edit(g, map.cell("V3", "ballot"), "chon toi da 2 don vi");
    g = edit(g, map.cell("V1", "doubleEntry"), "co");
    g = edit(g, map.cell("V2", "denominator"), "the members present");
    g = edit(g, map.cell("V1", "accepted"), "LẦN NHẬP 2");
    const read = readVoteSheet(g);
    expect(errors(read.issues)).toEqual([]);
    expect(read.records).toEqual(records);
  });

  it("needs a seed when a tie step is a drawn lot", () => {
    const { plan, map } = voteSheetPlan(sampleRecords());
    const read = readVoteSheet(edit(gridOf(plan), map.cell("V2", "seed"), ""));
    expect(read.records.map((r) => r.id)).not.toContain("V2");
    expect(errors(read.issues).map((i) => [i.code, i.where?.cell])).toEqual([["vote.sheet.noSeed", map.cell("V2", "seed")]]);
    expect(errors(read.issues)[0].message.en).toContain("seed");
  });

  it("checks ids, parents, missing values, duplicates and decisions", () => {
    const records = sampleRecords();
    const { plan, map } = voteSheetPlan(records);
    const g = gridOf(plan);
    const head = (c: number) => cellAddress(map.header, c);

    // A bad id and a duplicated id: errors at the header cells, those columns skipped.
    const ids = readVoteSheet(edit(edit(g, head(2), "Phiếu 2"), head(3), "V1"));
    expect(errors(ids.issues).map((i) => [i.code, i.where?.cell])).toEqual([
      ["vote.sheet.badId", head(2)],
      ["vote.sheet.duplicateId", head(3)],
    ]);
    expect(ids.records.map((r) => r.id)).toEqual(["V1", "V1_2"]);

    // An empty id cell: the column is skipped without a word.
    const skipped = readVoteSheet(edit(g, head(3), ""));
    expect(errors(skipped.issues)).toEqual([]);
    expect(skipped.records.map((r) => r.id)).toEqual(["V1", "V2", "V1_2"]);

    // A parent that names no other column.
    for (const p of ["V9", "V1_2"]) {
      const read = readVoteSheet(edit(g, map.cell("V1_2", "parent"), p));
      expect(errors(read.issues).map((i) => [i.code, i.where?.cell])).toEqual([["vote.sheet.parent", map.cell("V1_2", "parent")]]);
    }
    // The parent's round and candidates come from its column.
    const reparented = readVoteSheet(edit(g, map.cell("V1_2", "parent"), "v2"));
    expect(reparented.records[3].vote.parent).toEqual({ round: 1, candidates: UNITS.slice(0, 3) });

    // A required value left empty, a number that is not one, an award without its name.
    const holes = readVoteSheet(edit(edit(edit(g, map.cell("V1", "toElect"), ""), map.cell("V2", "present"), "bảy"), map.cell("V1_2", "award"), ""));
    expect(errors(holes.issues).map((i) => [i.code, i.where?.cell])).toEqual([
      ["vote.sheet.empty", map.cell("V1", "toElect")],
      ["vote.sheet.number", map.cell("V2", "present")],
      ["vote.sheet.empty", map.cell("V1_2", "award")],
    ]);
    expect(holes.records.map((r) => r.id)).toEqual(["V3"]);

    // A candidate listed twice (NFD, other case): the error sits on the second candidate's cell.
    const dup = readVoteSheet(edit(g, map.candidateCell("V2", 1), UNITS[0].toUpperCase().normalize("NFD")));
    expect(errors(dup.issues).map((i) => [i.code, i.where?.cell])).toEqual([["vote.candidate.duplicate", map.candidateCell("V2", 1)]]);
    // Every problem of a column shows at once: the meeting's unit is gone from the list, and the list has a duplicate.
    const both = readVoteSheet(edit(g, map.candidateCell("V2", 2), UNITS[0]));
    expect(errors(both.issues).map((i) => [i.code, i.where?.cell])).toEqual([
      ["vote.sheet.electedUnknown", map.cell("V2", "elected")],
      ["vote.candidate.duplicate", map.candidateCell("V2", 2)],
    ]);
    // More present than members: the domain's check, at the present cell.
    const over = readVoteSheet(edit(g, map.cell("V3", "present"), 9));
    expect(errors(over.issues).map((i) => [i.code, i.where?.cell])).toEqual([["vote.present.overMembers", map.cell("V3", "present")]]);
    // The meeting names a unit that is not a candidate.
    const stranger = readVoteSheet(edit(g, map.cell("V2", "elected"), `${UNITS[2]}; Sở Tài chính`));
    expect(errors(stranger.issues).map((i) => [i.code, i.where?.cell])).toEqual([["vote.sheet.electedUnknown", map.cell("V2", "elected")]]);

    // A decision needs both the entry and who decided; half of it is a warning and no decision.
    const half = readVoteSheet(edit(g, map.cell("V1", "decidedBy"), ""));
    expect(half.records[0].decision).toBeNull();
    expect(half.issues.filter((i) => i.code === "vote.sheet.decisionIncomplete").map((i) => i.where?.cell)).toEqual([map.cell("V1", "decidedBy")]);
  });

  it("says when the header row or a label row is missing, and ignores other sheets", () => {
    const { plan, map } = voteSheetPlan(sampleRecords());
    const g = gridOf(plan);
    const noHeader = readVoteSheet(edit(g, cellAddress(map.header, 0), ""));
    expect([noHeader.found, codes(noHeader.issues), noHeader.records]).toEqual([true, ["vote.sheet.noHeader"], []]);
    const noLabel = readVoteSheet(edit(g, cellAddress(map.rows.members, 0), "Thành viên"));
    expect(errors(noLabel.issues).map((i) => [i.code, i.where?.cell])).toEqual([
      ["vote.sheet.missingLabel", "A4"],
      ...["B", "C", "D", "E"].map((c) => ["vote.sheet.empty", `${c}4`]),
    ]);
    expect(noLabel.records).toEqual([]);
    expect(readVoteSheet({ sheet: "Khác", row: 0, col: 0, values: [["Doanh thu", 1]] })).toMatchObject({ found: false, records: [], issues: [] });
  });

  it("plans an empty sheet that reads back as no votes", () => {
    const { plan, map } = voteSheetPlan([]);
    expect(map.columns).toEqual({});
    expect(plan.names.map((n) => n.name)).toEqual(["BX_BoPhieu"]);
    const read = readVoteSheet(gridOf(plan));
    expect(read).toMatchObject({ found: true, records: [], issues: [] });
  });
});
