import { checkHandCount } from "../../../src/domain/voting/checks";
import type { HandCount, Vote } from "../../../src/domain/voting/model";
import { INVALID_REASON_LABELS, INVALID_REASONS } from "../../../src/domain/voting/model";
import { tally } from "../../../src/domain/voting/tally";
import { writeSheets } from "../../../src/excel/apply";
import { MemoryHost } from "../../../src/host";
import { parseRange, rangeAddress } from "../../../src/workbook/a1";
import type { Grid } from "../../../src/workbook/grid";
import { emptyPlan, type SheetPlan } from "../../../src/workbook/plan";
import { CUTOFF, FIELD_LABELS, PASS } from "../../../src/workbook/voting/ballotSheet";
import {
  CHECK,
  HAND_CHECKS,
  HAND_HEADERS,
  HAND_TEXT,
  handCountSheetPlan,
  placeHandCountIssues,
  readHandCountSheet,
  TOTALS,
  type HandCheck,
  type HandCountSheetMap,
  type HandCountSheetOptions,
} from "../../../src/workbook/voting/handCountSheet";
import { flagVote, UNITS } from "../../domain/voting/helpers";
import { gridOf } from "../../fixtures/grid";

const SHEET = "Kiểm đếm";
const [A, B, C, D] = UNITS;

/** Votes for every unit: the ones given, 0 for the rest (as a committee types them). */
const votesOf = (v: Record<string, number>): Record<string, number> => Object.fromEntries(UNITS.map((u) => [u, v[u] ?? 0]));

const count = (c: Omit<HandCount, "votes"> & { votes: Record<string, number> }): HandCount => ({ ...c, votes: votesOf(c.votes) });

/** Writes the sheet (plus any other plans, written first) and types the count into it. */
async function typed(vote: Vote, hc: HandCount | null, opts: Partial<HandCountSheetOptions> = {}, others: SheetPlan[] = [], protect = true) {
  const { plan, map } = handCountSheetPlan(vote, { sheet: SHEET, ...(opts.refs ? {} : { issued: hc?.issued }), ...opts });
  const host = new MemoryHost();
  const w = await writeSheets(host, [...others, protect ? plan : { ...plan, protection: null }], { sheets: ["Sheet1"], names: [] });
  expect(w.issues).toEqual([]);
  expect(w.ok).toBe(true);
  if (hc) {
    host.userEdit(SHEET, map.fields.returned, hc.returned);
    host.userEdit(SHEET, map.fields.valid, hc.valid);
    host.userEdit(SHEET, map.fields.invalid, hc.invalid);
    for (const [r, x] of Object.entries(hc.invalidReasons ?? {})) host.userEdit(SHEET, map.reasons[r as keyof typeof map.reasons], x ?? null);
    vote.candidates.forEach((c, i) => host.userEdit(SHEET, map.candidateCell(i), hc.votes[c] ?? null));
  }
  return { host, map, plan };
}

const value = (host: MemoryHost, cell: string) => host.values(SHEET, cell)[0][0];

function gridOfHost(host: MemoryHost): Grid {
  const used = parseRange(host.usedRange(SHEET) as string);
  return { sheet: SHEET, row: used.row, col: used.col, values: host.values(SHEET, rangeAddress(used.row, used.col, used.rowCount, used.colCount)) };
}

/** The candidate table as the domain's tally says it must show. */
function expectedRows(vote: Vote, hc: HandCount) {
  const t = tally(vote, { handCount: hc }, { issued: hc.issued });
  return t.candidates.map((c) => [
    c.position,
    c.name,
    c.votes,
    c.percent,
    c.passes ? PASS.yes : PASS.no,
    c.passes ? c.rank : "",
    !c.passes ? "" : c.tied ? CUTOFF.tied : c.outcome === "elected" ? CUTOFF.elected : CUTOFF.out,
  ]);
}

function shownRows(host: MemoryHost, map: HandCountSheetMap, n: number) {
  return host.values(SHEET, rangeAddress(map.results.first, map.results.cols.stt, n, 7));
}

describe("the hand-count entry sheet", () => {
  it("plans the title, rule, inputs, candidate table, checks, validation, protection, names and print", () => {
    const vote = flagVote();
    const { plan, map } = handCountSheetPlan(vote, { sheet: SHEET, issued: 8 });
    expect(plan.name).toBe(SHEET);
    const head = plan.blocks[0].rows.map((r) => r[0]);
    expect(head[0]).toBe(`KIỂM ĐẾM PHIẾU BẰNG TAY: ${vote.title}`);
    expect(head[1]).toBe("Vòng bỏ phiếu: 1");
    expect(head[2]).toContain("từ 80% trở lên so với tổng số thành viên");

    const g = gridOf(plan);
    const labelRow = (label: string) => g.values.findIndex((r) => r[1] === label);
    const labels = TOTALS.map((k) => FIELD_LABELS[k]);
    expect(labels).toEqual(["Số thành viên", "Số có mặt", "Số phiếu phát ra", "Số phiếu thu vào", "Số phiếu hợp lệ", "Số phiếu không hợp lệ"]);
    // Label | value, in order, the value right of its label.
    TOTALS.forEach((k, i) => {
      expect(labelRow(labels[i])).toBe(parseRange(map.fields[k]).row);
      expect(parseRange(map.fields[k]).col).toBe(2);
    });
    expect([g.values[parseRange(map.fields.members).row][2], g.values[parseRange(map.fields.present).row][2], g.values[parseRange(map.fields.issued).row][2]]).toEqual([8, 8, 8]);
    for (const r of INVALID_REASONS) expect(labelRow(`- ${INVALID_REASON_LABELS[r].vi}`)).toBe(parseRange(map.reasons[r]).row);
    const header = [HAND_HEADERS.stt, HAND_HEADERS.name, "Số phiếu đồng ý", "Tỷ lệ (%)", "Đạt tỷ lệ", "Thứ tự (trong số đạt)", "Kết quả"];
    expect(g.values[map.results.header].slice(0, 7)).toEqual(header);
    expect(g.values.slice(map.votes.first, map.votes.last + 1).map((r) => r[1])).toEqual(UNITS);
    expect(map.candidateCell(0)).toBe(`C${map.votes.first + 1}`);
    // No quorum rule: no quorum check.
    expect(Object.keys(map.checks)).toEqual(["issuedPresent", "returnedIssued", "validInvalid", "candidateValid", "sumQuota", "reasons"]);
    expect(Object.keys(handCountSheetPlan(flagVote({ rule: { ...vote.rule, quorum: { percent: 66.67, comparison: ">=", of: "members" } } }), { sheet: SHEET }).map.checks)).toContain("quorum");

    // The percent formula is the ballot sheet's.
    const res = plan.blocks.find((b) => parseRange(b.at).row < map.results.first && parseRange(b.at).row + b.rows.length > map.results.first)!;
    const first = res.rows[map.results.first - parseRange(res.at).row];
    expect(first[3]).toEqual({ f: `=IF($C$7=0,0,ROUND(C${map.votes.first + 1}/$C$7*100,2))` });

    // Every typed cell: whole numbers 0–10000, unlocked, yellow.
    const reasons = `C${parseRange(map.reasons.overQuota).row + 1}:C${parseRange(map.reasons.other).row + 1}`;
    const votes = `C${map.votes.first + 1}:C${map.votes.last + 1}`;
    const inputs = [map.fields.members, map.fields.present, map.fields.issued, map.fields.returned, map.fields.valid, map.fields.invalid, reasons, votes];
    expect(plan.unlocked).toEqual(inputs);
    expect(plan.validations.map((v) => v.range)).toEqual(inputs);
    for (const v of plan.validations) {
      expect(v.rule).toEqual({ kind: "whole", min: 0, max: 10000 });
      expect(v.error.title.length).toBeLessThanOrEqual(32);
      expect(v.error.message.length).toBeLessThanOrEqual(225);
    }
    for (const range of inputs) expect(plan.formats.some((f) => f.range === range && f.format.fill === "#FFFFE0")).toBe(true);
    expect(plan.protection).toEqual({});
    expect(plan.names.map((x) => x.name)).toEqual([
      "BX_Dem_1_ThanhVien",
      "BX_Dem_1_CoMat",
      "BX_Dem_1_PhatRa",
      "BX_Dem_1_ThuVao",
      "BX_Dem_1_HopLe",
      "BX_Dem_1_KhongHopLe",
      "BX_Dem_1_SoPhieu",
      "BX_Dem_1_KetQua",
      "BX_Dem_1_KiemTra",
    ]);
    expect(plan.names.find((x) => x.name.endsWith("_KetQua"))!.range).toBe(rangeAddress(map.results.first, 0, UNITS.length, 7, true));
    expect(plan.print).toEqual({ orientation: "Portrait", paper: "A4", fitToWidth: true });
    // The check cells turn red unless "Đúng" (or the reasons check not applying).
    const red = plan.conditionalFormats.find((c) => c.format.fontColor === "#C00000")!;
    expect(red.range.startsWith(map.checks.issuedPresent!)).toBe(true);
    expect(red.formula).toBe(`=AND(${map.checks.issuedPresent}<>"${CHECK.ok}",${map.checks.issuedPresent}<>"${CHECK.skipped}")`);

    const other = handCountSheetPlan(flagVote({ ballot: { kind: "chooseOne" }, round: 2 }), { sheet: SHEET, namePrefix: "BX_TruongKhoi" });
    expect(other.plan.names[0].name).toBe("BX_TruongKhoi_ThanhVien");
    expect(gridOf(other.plan).values[other.map.results.header][2]).toBe("Số phiếu bầu");
    expect(handCountSheetPlan(flagVote({ round: 3 }), { sheet: SHEET }).plan.names[0].name).toBe("BX_Dem_3_ThanhVien");
  });

  describe("computes what the domain's tally computes", () => {
    const twenty = (over: Partial<Vote>) => flagVote({ attendance: { members: 20, present: 20 }, ballot: { kind: "approve", quota: 4 }, ...over });
    const cases: { name: string; vote: Vote; hc: HandCount; check: (rows: unknown[][]) => void }[] = [
      {
        name: "≥ 80% of members: two elected, a third passes but is out",
        vote: twenty({ toElect: 2 }),
        hc: count({ issued: 20, returned: 20, valid: 19, invalid: 1, votes: { [A]: 19, [B]: 17, [C]: 16, [D]: 15 } }),
        check: (rows) => expect(rows.slice(0, 4).map((r) => [r[3], r[6]])).toEqual([
          [95, CUTOFF.elected],
          [85, CUTOFF.elected],
          [80, CUTOFF.out],
          [75, ""],
        ]),
      },
      {
        name: "a tie at the cutoff",
        vote: twenty({ toElect: 2, tieRule: ["revote"] }),
        hc: count({ issued: 20, returned: 20, valid: 19, invalid: 1, votes: { [A]: 19, [B]: 17, [C]: 17, [D]: 15 } }),
        check: (rows) => expect(rows.slice(0, 4).map((r) => [r[5], r[6]])).toEqual([
          [1, CUTOFF.elected],
          [2, CUTOFF.tied],
          [2, CUTOFF.tied],
          ["", ""],
        ]),
      },
      {
        name: "> 50% of the valid ballots: exactly half does not pass",
        vote: flagVote({ ballot: { kind: "chooseUpTo", n: 2 }, toElect: 1, rule: { percent: 50, comparison: ">", denominator: "valid", quorum: null } }),
        hc: count({ issued: 8, returned: 8, valid: 8, invalid: 0, votes: { [A]: 4, [B]: 5, [C]: 7 } }),
        check: (rows) => expect(rows.slice(0, 3).map((r) => [r[3], r[4], r[6]])).toEqual([
          [50, PASS.no, ""],
          [62.5, PASS.yes, CUTOFF.out],
          [87.5, PASS.yes, CUTOFF.elected],
        ]),
      },
      {
        name: "≥ 70% of those present, with a quorum",
        vote: twenty({
          attendance: { members: 20, present: 15 },
          toElect: 1,
          rule: { percent: 70, comparison: ">=", denominator: "present", quorum: { percent: 66.67, comparison: ">=", of: "members" } },
        }),
        hc: count({ issued: 15, returned: 15, valid: 14, invalid: 1, votes: { [A]: 11, [B]: 10, [C]: 12 }, invalidReasons: { wrongForm: 1 } }),
        check: (rows) => expect(rows.slice(0, 3).map((r) => [r[3], r[4], r[6]])).toEqual([
          [73.33, PASS.yes, CUTOFF.out],
          [66.67, PASS.no, ""],
          [80, PASS.yes, CUTOFF.elected],
        ]),
      },
      {
        name: "over the ballots returned, nobody passing",
        vote: flagVote({ rule: { percent: 90, comparison: ">=", denominator: "returned", quorum: null } }),
        hc: count({ issued: 8, returned: 6, valid: 6, invalid: 0, votes: { [A]: 5, [B]: 4 } }),
        check: (rows) => expect(rows.slice(0, 2).map((r) => [r[3], r[4]])).toEqual([
          [83.33, PASS.no],
          [66.67, PASS.no],
        ]),
      },
    ];
    it.each(cases)("$name", async ({ vote, hc, check }) => {
      const { host, map } = await typed(vote, hc);
      const rows = shownRows(host, map, vote.candidates.length);
      expect(rows).toEqual(expectedRows(vote, hc));
      check(rows);
    });
  });

  describe("checks live what checkHandCount checks", () => {
    const vote = flagVote({ attendance: { members: 10, present: 10 }, rule: { percent: 80, comparison: ">=", denominator: "members", quorum: { percent: 66.67, comparison: ">=", of: "members" } } });
    const at = (present: number) => ({ ...vote, attendance: { members: 10, present } });
    const cases: { name: string; vote: Vote; hc: HandCount }[] = [
      { name: "all correct, with reasons", vote, hc: count({ issued: 10, returned: 10, valid: 9, invalid: 1, votes: { [A]: 9, [B]: 8, [C]: 1 }, invalidReasons: { wrongForm: 1 } }) },
      { name: "all correct, without reasons", vote, hc: count({ issued: 10, returned: 9, valid: 9, invalid: 0, votes: { [A]: 9, [B]: 9 } }) },
      { name: "returned over issued", vote, hc: count({ issued: 9, returned: 10, valid: 9, invalid: 1, votes: { [A]: 9 } }) },
      { name: "valid + invalid < returned", vote, hc: count({ issued: 10, returned: 10, valid: 8, invalid: 1, votes: { [A]: 8 } }) },
      { name: "valid + invalid > returned", vote, hc: count({ issued: 10, returned: 9, valid: 9, invalid: 1, votes: { [A]: 8 } }) },
      { name: "a candidate over the valid ballots", vote, hc: count({ issued: 10, returned: 10, valid: 9, invalid: 1, votes: { [A]: 10, [B]: 1 } }) },
      { name: "more votes than valid × quota", vote, hc: count({ issued: 10, returned: 10, valid: 9, invalid: 1, votes: { [A]: 9, [B]: 9, [C]: 1 } }) },
      { name: "reasons short of the invalid count", vote, hc: count({ issued: 10, returned: 10, valid: 8, invalid: 2, votes: { [A]: 8 }, invalidReasons: { overQuota: 1 } }) },
      { name: "reasons over the invalid count", vote, hc: count({ issued: 10, returned: 10, valid: 9, invalid: 1, votes: { [A]: 9 }, invalidReasons: { overQuota: 1, other: 1 } }) },
      { name: "more issued than present", vote: at(8), hc: count({ issued: 9, returned: 9, valid: 9, invalid: 0, votes: { [A]: 9 } }) },
      { name: "no quorum", vote: at(6), hc: count({ issued: 6, returned: 6, valid: 6, invalid: 0, votes: { [A]: 6 } }) },
      {
        name: "several at once",
        vote,
        hc: count({ issued: 8, returned: 9, valid: 7, invalid: 1, votes: { [A]: 8, [B]: 7, [C]: 7 }, invalidReasons: { noneMarked: 2 } }),
      },
    ];
    const seen = { wrong: new Set<HandCheck>(), right: new Set<HandCheck>() };
    it.each(cases)("$name", async ({ vote: v, hc }) => {
      const { host, map } = await typed(v, hc);
      const codes = checkHandCount(v, hc)
        .filter((i) => i.severity === "error")
        .map((i) => i.code);
      const keys = Object.keys(HAND_CHECKS) as HandCheck[];
      expect(Object.keys(map.checks)).toEqual(keys);
      for (const k of keys) {
        const shown = value(host, map.checks[k]!);
        const wrong = shown !== CHECK.ok && shown !== CHECK.skipped;
        expect({ check: k, shown, wrong }).toEqual({ check: k, shown, wrong: codes.includes(HAND_CHECKS[k].code) });
        expect(shown).not.toBe(CHECK.pending);
        if (k === "reasons") expect(shown === CHECK.skipped).toBe(hc.invalidReasons === undefined);
        (wrong ? seen.wrong : seen.right).add(k);
      }
    });
    it("every check was seen both right and wrong above", () => {
      expect([...seen.wrong].sort()).toEqual(Object.keys(HAND_CHECKS).sort());
      expect([...seen.right].sort()).toEqual(Object.keys(HAND_CHECKS).sort());
    });

    it("says what is wrong, in Vietnamese", async () => {
      const hc = count({ issued: 8, returned: 9, valid: 7, invalid: 1, votes: { [A]: 8, [B]: 7, [C]: 7 }, invalidReasons: { noneMarked: 2 } });
      const { host, map } = await typed(at(7), hc);
      const shown = (k: HandCheck) => value(host, map.checks[k]!);
      expect(shown("issuedPresent")).toBe("Số phiếu phát ra (8) nhiều hơn số thành viên có mặt (7).");
      expect(shown("returnedIssued")).toBe("Số phiếu thu vào (9) nhiều hơn số phiếu phát ra (8).");
      expect(shown("validInvalid")).toBe("Số phiếu hợp lệ (7) cộng số phiếu không hợp lệ (1) bằng 8, khác số phiếu thu vào (9).");
      expect(shown("candidateValid")).toBe("1 đơn vị có số phiếu đồng ý nhiều hơn số phiếu hợp lệ (7).");
      expect(shown("sumQuota")).toBe("Tổng số phiếu đồng ý (22) vượt quá số phiếu hợp lệ nhân số lựa chọn tối đa trên một phiếu (7 × 2 = 14).");
      expect(shown("reasons")).toBe("Số phiếu không hợp lệ theo từng lý do cộng lại bằng 2, khác số phiếu không hợp lệ (1).");
      expect(shown("quorum")).toBe(CHECK.ok);
      const { host: h2, map: m2 } = await typed(at(6), hc);
      expect(value(h2, m2.checks.quorum!)).toBe("Không đủ số thành viên tham dự: có mặt 6/10, quy định từ 66,67% trở lên. Kết quả bỏ phiếu không có giá trị.");
    });

    it("waits for the inputs it needs", async () => {
      const { host, map } = await typed(vote, null);
      const shown = (Object.keys(HAND_CHECKS) as HandCheck[]).map((k) => value(host, map.checks[k]!));
      expect(shown).toEqual([CHECK.pending, CHECK.pending, CHECK.pending, CHECK.pending, CHECK.pending, CHECK.skipped, CHECK.ok]);
      host.userEdit(SHEET, map.fields.valid, 5);
      host.userEdit(SHEET, map.candidateCell(0), 3);
      // Valid typed, but six candidates still empty.
      expect(value(host, map.checks.candidateValid!)).toBe(CHECK.pending);
      host.userEdit(SHEET, map.candidateCell(1), 6);
      expect(value(host, map.checks.candidateValid!)).toBe("1 đơn vị có số phiếu đồng ý nhiều hơn số phiếu hợp lệ (5).");
    });
  });

  describe("reading back", () => {
    const vote = flagVote({ tieRule: ["meetingDecides"] });
    const hc = count({ issued: 8, returned: 8, valid: 7, invalid: 1, votes: { [A]: 7, [B]: 6, [C]: 1 }, invalidReasons: { addedNames: 1 } });

    it("reads the typed count and the cell of every total and candidate, and places the domain's issues", async () => {
      const { host, map } = await typed(vote, hc);
      const read = readHandCountSheet(gridOfHost(host));
      expect(read.found).toBe(true);
      expect(read.issues).toEqual([]);
      expect(read.count).toEqual(hc);
      expect(read.attendance).toEqual({ members: 8, present: 8 });
      expect(read.cells.total).toEqual({ ...map.fields, invalidReasons: `${map.reasons.overQuota}:${map.reasons.other}` });
      expect(read.cells.candidate).toEqual(Object.fromEntries(UNITS.map((u, i) => [u, map.candidateCell(i)])));

      // Without a reason typed, the count carries no reasons.
      host.userEdit(SHEET, map.reasons.addedNames, null);
      const { invalidReasons: _dropped, ...noReasons } = hc;
      void _dropped;
      expect(readHandCountSheet(gridOfHost(host)).count).toEqual(noReasons);

      // The domain's issues land on their cells.
      const wrong = { ...hc, returned: 9, votes: { ...hc.votes, [B]: 8 }, invalidReasons: { addedNames: 3 } };
      const placed = placeHandCountIssues(SHEET, read.cells, checkHandCount(vote, wrong));
      const byCode = Object.fromEntries(placed.map((i) => [i.code, i.where]));
      expect(byCode["vote.returned.overIssued"]).toEqual({ sheet: SHEET, cell: map.fields.returned });
      expect(byCode["vote.candidate.overValid"]).toEqual({ sheet: SHEET, cell: map.candidateCell(1) });
      expect(byCode["vote.count.reasonsMismatch"]).toEqual({ sheet: SHEET, cell: read.cells.total.invalidReasons });
      expect(byCode["vote.count.mismatch"]).toEqual({ sheet: SHEET, cell: map.fields.valid });
    });

    it("survives inserted rows", async () => {
      const { host, map } = await typed(vote, hc, {}, [], false);
      const before = shownRows(host, map, UNITS.length);
      const validRow = parseRange(map.fields.valid).row + 1;
      host.userInsertRows(SHEET, map.votes.first + 3, 1); // inside the candidate table
      host.userInsertRows(SHEET, validRow, 2); // above "Số phiếu hợp lệ"
      const read = readHandCountSheet(gridOfHost(host));
      expect(read.issues).toEqual([]);
      expect(read.count).toEqual(hc);
      const down = (cell: string, k: number) => rangeAddress(parseRange(cell).row + k, parseRange(cell).col);
      expect(read.cells.total.returned).toBe(map.fields.returned);
      expect(read.cells.total.valid).toBe(down(map.fields.valid, 2));
      expect(read.cells.candidate[A]).toBe(down(map.candidateCell(0), 2));
      expect(read.cells.candidate[D]).toBe(down(map.candidateCell(3), 3));
      // The formulas moved with their cells and still compute the same.
      const after = host.values(SHEET, rangeAddress(map.results.first + 2, 0, UNITS.length + 1, 7)).filter((r) => r[1] !== "");
      expect(after).toEqual(before);
      // A blank row inside the table leaves no check waiting for input.
      const checks = (Object.keys(HAND_CHECKS) as HandCheck[]).filter((k) => map.checks[k]).map((k) => value(host, down(map.checks[k]!, 3)));
      expect(checks).toEqual([CHECK.ok, CHECK.ok, CHECK.ok, CHECK.ok, CHECK.ok, CHECK.ok]);
    });

    it("reads shifted grids and labels typed without diacritics; reports empty and non-numeric inputs at their cells", () => {
      const { plan, map } = handCountSheetPlan(vote, { sheet: SHEET });
      const g = gridOf(plan);
      const rowOf = (cell: string) => parseRange(cell).row;
      g.values[rowOf(map.fields.returned)][1] = "so phieu thu vao:";
      g.values[rowOf(map.fields.returned)][2] = " 8 ";
      g.values[rowOf(map.fields.valid)][2] = 7;
      g.values[rowOf(map.fields.invalid)][2] = "một";
      g.values[rowOf(map.reasons.other)][2] = 1;
      UNITS.forEach((_, i) => (g.values[map.votes.first + i][2] = i === 2 ? "" : i));
      // The sheet's used range starts at B3: everything is one row down and one column right.
      const read = readHandCountSheet({ ...g, row: 2, col: 1 });
      expect(read.found).toBe(true);
      expect(read.count).toBeNull();
      const at = (cell: string) => rangeAddress(parseRange(cell).row + 2, parseRange(cell).col + 1);
      expect(read.cells.total.returned).toBe(at(map.fields.returned));
      expect(read.issues.map((i) => [i.code, i.where?.cell])).toEqual([
        ["vote.handCount.empty", at(map.fields.issued)],
        ["vote.handCount.notNumber", at(map.fields.invalid)],
        ["vote.handCount.empty", at(map.candidateCell(2))],
      ]);
      const [empty, notNumber, emptyVotes] = read.issues;
      // Issue #13: both languages fill one template; the English names the sheet's Vietnamese label.
      expect(empty.severity).toBe("error");
      expect(empty.message).toEqual({ vi: "Chưa nhập số phiếu phát ra.", en: "“số phiếu phát ra”: not entered." });
      expect(notNumber.message).toEqual({ vi: 'Số phiếu không hợp lệ: "một" không phải là số.', en: '“Số phiếu không hợp lệ”: "một" is not a number.' });
      expect(emptyVotes.message.vi).toBe(`Chưa nhập số phiếu của "${C}".`);

      // Filled in: a count, with the reasons given.
      g.values[rowOf(map.fields.issued)][2] = 8;
      g.values[rowOf(map.fields.invalid)][2] = 1;
      g.values[map.votes.first + 2][2] = 2;
      const ok = readHandCountSheet(g);
      expect(ok.issues).toEqual([]);
      expect(ok.count).toEqual({ issued: 8, returned: 8, valid: 7, invalid: 1, votes: Object.fromEntries(UNITS.map((u, i) => [u, i])), invalidReasons: { other: 1 } });
    });

    it("reports a missing row, a duplicate name, votes without a name; finds nothing on another sheet", () => {
      const { plan, map } = handCountSheetPlan(vote, { sheet: SHEET, issued: 8 });
      const g = gridOf(plan);
      const fill = (r: number, v: unknown) => (g.values[r][2] = v);
      [map.fields.returned, map.fields.valid, map.fields.invalid].forEach((c) => fill(parseRange(c).row, 0));
      UNITS.forEach((_, i) => fill(map.votes.first + i, 0));
      g.values[parseRange(map.fields.present).row][1] = "Có mặt";
      g.values[map.votes.first + 1][1] = A.toUpperCase();
      g.values[map.votes.first + 2][1] = "";
      g.values[map.votes.first + 2][2] = 3;
      const read = readHandCountSheet(g);
      expect(read.count).toBeNull();
      expect(read.issues.map((i) => [i.code, i.where])).toEqual([
        ["vote.handCount.missingRow", { sheet: SHEET }],
        ["vote.handCount.duplicateName", { sheet: SHEET, cell: `B${map.votes.first + 2}` }],
        ["vote.handCount.noName", { sheet: SHEET, cell: `C${map.votes.first + 3}` }],
      ]);
      expect(readHandCountSheet({ sheet: "x", row: 0, col: 0, values: [["Doanh thu", 1]] })).toMatchObject({ found: false, count: null, issues: [] });
      // The reader stops at the check block: its labels are no candidates.
      expect(Object.keys(readHandCountSheet(gridOf(plan)).cells.candidate)).toEqual(UNITS);
      expect(gridOf(plan).values.some((r) => r[0] === HAND_TEXT.checks)).toBe(true);
    });
  });

  it("takes members, present and issued from the vote definition's names", async () => {
    const def = emptyPlan("Định nghĩa");
    def.blocks.push({ at: "A1", rows: [[10], [9], [9]] });
    def.names.push({ name: "BX_V1_ThanhVien", range: "$A$1" }, { name: "BX_V1_CoMat", range: "$A$2" }, { name: "BX_V1_PhatRa", range: "$A$3" });
    const refs = { members: "BX_V1_ThanhVien", present: "BX_V1_CoMat", issued: "BX_V1_PhatRa" };
    const vote = flagVote({ attendance: { members: 10, present: 9 } });
    const hc = count({ issued: 9, returned: 9, valid: 9, invalid: 0, votes: { [A]: 8, [B]: 7 } });
    const { host, map, plan } = await typed(vote, hc, { refs }, [def]);
    expect(host.formulas(SHEET, rangeAddress(parseRange(map.fields.members).row, 2, 3, 1))).toEqual([["=BX_V1_ThanhVien"], ["=BX_V1_CoMat"], ["=BX_V1_PhatRa"]]);
    expect([value(host, map.fields.members), value(host, map.fields.present), value(host, map.fields.issued)]).toEqual([10, 9, 9]);
    for (const k of ["members", "present", "issued"] as const) {
      expect(host.cell(SHEET, map.fields[k]).locked).toBe(true);
      expect(plan.unlocked).not.toContain(map.fields[k]);
      expect(plan.validations.map((v) => v.range)).not.toContain(map.fields[k]);
    }
    expect(host.cell(SHEET, map.fields.returned).locked).toBe(false);
    expect(shownRows(host, map, UNITS.length)).toEqual(expectedRows(vote, hc));
    // A change on the definition sheet flows through: 8 of 9 → 8 of 10.
    expect(value(host, rangeAddress(map.votes.first, 3))).toBe(80);
    expect(value(host, map.checks.issuedPresent!)).toBe(CHECK.ok);
    host.userEdit("Định nghĩa", "A2", 8);
    expect(value(host, map.checks.issuedPresent!)).toBe("Số phiếu phát ra (9) nhiều hơn số thành viên có mặt (8).");
    expect(readHandCountSheet(gridOfHost(host)).count).toEqual(hc);
  });
});
