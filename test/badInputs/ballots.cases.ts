/**
 * Bad inputs at the ballot doors (issue #11): ballots entered through the use case (the scenario
 * runner and the file import both type them with `enterBallots`), marks typed or pasted on the entry
 * sheet and counted, totals typed on the hand-count sheet, and the returned ballot file (.xlsx).
 * Sources: DOMAIN §4 (counting checks: returned ≤ issued, valid + invalid = returned, votes ≤ valid,
 * approvals ≤ valid × quota); Luật Bầu cử ĐBQH và HĐND 2015 Đ74, by analogy as DOMAIN §4 (TT 01/2021/
 * TT-BNV Đ11): a ballot naming someone off the list is invalid ("ghi thêm tên người ngoài danh sách");
 * Luật Trưng cầu ý dân 2015 Đ41.1c, by analogy: a ballot marking more than one option for a
 * question (Đồng ý and Không đồng ý for one unit) is invalid — an unclear ballot is never counted.
 */
import ExcelJS from "exceljs";
import { parseScenario } from "../../src/cli/scenario";
import { runScenario } from "../../src/cli/run";
import { countVote, createVote, enterBallots, enterHandCount, readBallotsFromFile, voteSheets } from "../../src/app/voting";
import type { Ballot, Mark } from "../../src/domain/voting/model";
import type { VoteRecordDraft } from "../../src/domain/voting/record";
import type { MemoryHost } from "../../src/host";
import { writeSheets } from "../../src/excel/apply";
import { MemoryHost as Host } from "../../src/host";
import { ballotEntrySheetPlan } from "../../src/workbook/voting/ballotSheet";
import { handCountSheetPlan } from "../../src/workbook/voting/handCountSheet";
import { voteNames } from "../../src/workbook/voting/voteSheet";
import { sampleDraft } from "../fixtures/bloc";
import { tried, type BadCase, type Seen } from "./harness";
import { blocHost, draftOn, MEMBERS } from "./voting.cases";

const [A, B, C] = MEMBERS;
const STRANGER = "Sở Ngoại vụ";
const ENTRY = voteSheets("V1").first.sheet;
const HAND = voteSheets("V1").hand.sheet;

/** A bloc's workbook with vote V1 (the flag, approve list, quota 2, all 8 members, 8 issued), entered once or counted by hand. */
async function withVote(entry: "ballots" | "handCount" = "ballots", patch: Partial<VoteRecordDraft> = {}): Promise<{ host: MemoryHost; draft: VoteRecordDraft }> {
  const host = await blocHost();
  const draft = await draftOn(host, "award", () => ({ candidates: [...MEMBERS] }), { entry, doubleEntry: false, issued: 8, ...patch });
  const out = await createVote(host, draft);
  if (out.kind !== "written") throw new Error(JSON.stringify(out.issues));
  return { host, draft };
}

const marks = (yes: string[], no: string[] = []): Record<string, Mark> => Object.fromEntries([...no.map((n) => [n, "reject"]), ...yes.map((y) => [y, "approve"])]);
const ballot = (number: number, yes: string[], no: string[] = []): Ballot => ({ number, marks: marks(yes, no), manualInvalid: null });
/** Seven ordinary ballots, then `last`. */
const seven = (last: Ballot): Ballot[] => [...Array.from({ length: 7 }, (_, i) => ballot(i + 1, [A, B])), last];

function enter(ballots: Ballot[]): () => Promise<Seen> {
  return async () => {
    const { host } = await withVote();
    return tried(host, async () => (await enterBallots(host, "V1", 1, ballots)).issues);
  };
}

/** Rows as typed on the entry sheet from A7: number, a mark per unit (8), the reason. */
type Row = (string | number | null)[];
const row = (n: number | string | null, yes: string[], no: string[] = [], reason: string | null = null): Row => [n, ...MEMBERS.map((u) => (yes.includes(u) ? "x" : no.includes(u) ? "k" : null)), reason];
const eight = (edit: (rows: Row[]) => void = () => {}): Row[] => {
  const rows = Array.from({ length: 8 }, (_, i) => row(i + 1, [A, B]));
  edit(rows);
  return rows;
};

function typed(rows: Row[], patch: Partial<VoteRecordDraft> = {}): () => Promise<Seen> {
  return async () => {
    const { host } = await withVote("ballots", patch);
    host.userPaste(ENTRY, "A7", rows);
    return tried(host, async () => {
      const c = await countVote(host, "V1");
      return c.kind === "counted" ? c.count.issues : c.issues;
    });
  };
}

/** Totals typed on the hand-count sheet (returned, valid, invalid, votes per candidate), then counted. */
function handTyped(t: { returned: unknown; valid: unknown; invalid: unknown; votes: unknown[]; stray?: { row: number; value: unknown } }): () => Promise<Seen> {
  return async () => {
    const { host, draft } = await withVote("handCount");
    const { map } = handCountSheetPlan({ ...draft.vote, rule: draft.vote.rule! }, { sheet: HAND, refs: voteNames("V1"), namePrefix: voteSheets("V1").hand.prefix });
    const put = (cell: string, v: unknown) => host.userPaste(HAND, cell, [[v as string | number | null]]);
    put(map.fields.returned, t.returned);
    put(map.fields.valid, t.valid);
    put(map.fields.invalid, t.invalid);
    t.votes.forEach((v, i) => put(map.candidateCell(i), v));
    return tried(host, async () => {
      const c = await countVote(host, "V1");
      return c.kind === "counted" ? c.count.issues : c.issues;
    });
  };
}

/** An .xlsx holding an entry sheet named `sheet` with these header names and rows (as a copy typed on another computer). */
async function ballotFile(sheet: string, header: (string | null)[], rows: Row[], title?: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  if (title !== undefined) ws.addRow([title]);
  ws.addRow(["Số phiếu", ...header, "Lý do không hợp lệ (nếu có)", "Tình trạng"]);
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
/** A copy of this bloc's own entry sheet, laid out by the add-in, as the second typist sends it back. */
async function copyFile(sheet: string, rows: Row[], voteTitle?: string): Promise<Uint8Array> {
  const host = new Host();
  const b = await blocHost();
  const draft = await draftOn(b, "award", () => ({ candidates: [...MEMBERS] }));
  const vote = { ...draft.vote, rule: draft.vote.rule!, ...(voteTitle ? { title: voteTitle } : {}) };
  const { plan } = ballotEntrySheetPlan(vote, { sheet, rows: 13, namePrefix: "BX_Test" });
  const w = await writeSheets(host, [plan], { sheets: ["Sheet1"], names: [] });
  if (!w.ok) throw new Error("plan");
  host.userPaste(sheet, "A7", rows);
  return host.toXlsx();
}
async function fileIssues(bytes: Uint8Array | Promise<Uint8Array>, title?: string): Promise<Seen> {
  const b = await blocHost();
  const draft = await draftOn(b, "award", () => ({ candidates: [...MEMBERS] }));
  const out = await readBallotsFromFile(await bytes, { voteId: "V1", candidates: [...MEMBERS], title: title ?? draft.vote.title });
  return { issues: out.issues };
}

const fileRows = (edit: (rows: Row[]) => void = () => {}) => eight(edit).map((r) => r.slice(0, 9).concat([r[9]]));

export const cases: BadCase[] = [
  // ---- enterBallots: what the scenario runner and the file import type.
  {
    id: "ballots.enter.markNotOnBallot",
    door: "ballot entry",
    tried: "a ballot approving a unit that is not on the ballot",
    outcome: "refused",
    code: "vote.candidate.unknown",
    where: { sheet: ENTRY, cell: "A14" },
    run: enter(seven(ballot(8, [A, STRANGER]))),
  },
  {
    id: "ballots.enter.rejectNotOnBallot",
    door: "ballot entry",
    tried: "a ballot rejecting only a unit not on the ballot (it would be typed as a blank)",
    outcome: "refused",
    code: "vote.candidate.unknown",
    where: { sheet: ENTRY, cell: "A14" },
    run: enter(seven(ballot(8, [], [STRANGER]))),
  },
  {
    id: "ballots.enter.chosenNotOnBallot",
    door: "ballot entry",
    tried: "a choose ballot naming someone off the list",
    outcome: "refused",
    code: "vote.candidate.unknown",
    where: { sheet: ENTRY, cell: "A8" },
    run: enter([ballot(1, [A]), { number: 2, chosen: [STRANGER], manualInvalid: null }]),
  },
  {
    id: "ballots.enter.approveAndReject",
    door: "ballot entry",
    tried: "a ballot approving and rejecting the same unit (names differing in case)",
    outcome: "refused",
    code: "vote.ballot.approveAndReject",
    where: { sheet: ENTRY, cell: "A14" },
    run: enter(seven({ number: 8, marks: { [A]: "approve", [A.toUpperCase()]: "reject" }, manualInvalid: null })),
  },
  {
    id: "ballots.enter.duplicateNumber",
    door: "ballot entry",
    tried: "two ballots numbered 3",
    outcome: "refused",
    code: "vote.ballot.duplicate",
    where: { sheet: ENTRY, cell: "A10" },
    run: enter([ballot(1, [A]), ballot(2, [B]), ballot(3, [A]), ballot(3, [C])]),
  },
  {
    id: "ballots.enter.numberZero",
    door: "ballot entry",
    tried: "a ballot numbered 0",
    outcome: "refused",
    code: "vote.ballot.badNumber",
    where: { sheet: ENTRY, cell: "A7" },
    run: enter([ballot(0, [A]), ballot(2, [B])]),
  },
  {
    id: "ballots.enter.numberFraction",
    door: "ballot entry",
    tried: "a ballot numbered 2.5",
    outcome: "refused",
    code: "vote.ballot.badNumber",
    where: { sheet: ENTRY, cell: "A8" },
    run: enter([ballot(1, [A]), ballot(2.5, [B])]),
  },
  {
    id: "ballots.enter.tooMany",
    door: "ballot entry",
    tried: "more ballots than the entry sheet has rows",
    outcome: "refused",
    code: "vote.entry.tooMany",
    run: enter(Array.from({ length: 20 }, (_, i) => ballot(i + 1, [A]))),
  },
  {
    id: "ballots.enter.nfdName",
    door: "ballot entry",
    tried: "a ballot naming a candidate in NFD",
    outcome: "accepted",
    why: "DOMAIN §6: the same unit in another Unicode form",
    run: enter(seven(ballot(8, [C.normalize("NFD")]))),
  },
  {
    id: "ballots.enter.blank",
    door: "ballot entry",
    tried: "a ballot with nothing marked",
    outcome: "accepted",
    why: "DOMAIN §4: a blank ballot is valid or invalid as the vote sets (noneMarked); it is typed as it is",
    run: enter(seven(ballot(8, []))),
  },
  {
    id: "ballots.enter.overQuota",
    door: "ballot entry",
    tried: "a ballot approving 3 with a quota of 2",
    outcome: "accepted",
    why: "Luật Bầu cử 2015 Đ74 by analogy (DOMAIN §4): a ballot over the quota is an invalid ballot, counted as such, not a typing error",
    run: enter(seven(ballot(8, [A, B, C]))),
  },
  // ---- The entry sheet: typed or pasted marks, then counted.
  {
    id: "ballots.sheet.unknownMark",
    door: "entry sheet",
    tried: "a mark “v” pasted in a candidate's cell",
    outcome: "refused",
    code: "vote.entry.unknownMark",
    where: { sheet: ENTRY, cell: "D9" },
    run: typed(eight((r) => (r[2][3] = "v"))),
  },
  {
    id: "ballots.sheet.bothMarks",
    door: "entry sheet",
    tried: "“xk” in one cell (approve and reject the same unit)",
    outcome: "refused",
    code: "vote.entry.unknownMark",
    where: { sheet: ENTRY, cell: "B10" },
    run: typed(eight((r) => (r[3][1] = "xk"))),
  },
  {
    id: "ballots.sheet.noNumber",
    door: "entry sheet",
    tried: "marks on a row without a ballot number",
    outcome: "refused",
    code: "vote.entry.noNumber",
    where: { sheet: ENTRY, cell: "A11" },
    run: typed(eight((r) => (r[4][0] = null))),
  },
  {
    id: "ballots.sheet.negativeNumber",
    door: "entry sheet",
    tried: "a ballot numbered −5 (pasted)",
    outcome: "refused",
    code: "vote.entry.noNumber",
    where: { sheet: ENTRY, cell: "A8" },
    run: typed(eight((r) => (r[1][0] = -5))),
  },
  {
    id: "ballots.sheet.fractionNumber",
    door: "entry sheet",
    tried: "a ballot numbered 2.5 (pasted)",
    outcome: "refused",
    code: "vote.entry.noNumber",
    where: { sheet: ENTRY, cell: "A8" },
    run: typed(eight((r) => (r[1][0] = 2.5))),
  },
  {
    id: "ballots.sheet.duplicateNumber",
    door: "entry sheet",
    tried: "two rows with ballot number 2",
    outcome: "refused",
    code: "vote.ballot.duplicate",
    where: { sheet: ENTRY, cell: "A8" },
    run: typed(eight((r) => (r[2][0] = 2))),
  },
  {
    id: "ballots.sheet.returnedOverIssued",
    door: "entry sheet",
    tried: "9 ballots typed when 8 were issued",
    outcome: "refused",
    code: "vote.returned.overIssued",
    where: { sheet: ENTRY },
    run: typed([...eight(), row(9, [A])]),
  },
  {
    id: "ballots.sheet.markInInsertedColumn",
    door: "entry sheet",
    tried: "a column inserted between two candidates and a mark typed in it",
    outcome: "refused",
    code: "vote.entry.markNoCandidate",
    where: { sheet: ENTRY, cell: "C9" },
    run: async () => {
      const { host } = await withVote("ballots");
      host.userPaste(ENTRY, "A7", eight());
      // The secretary unprotects the sheet (it has no password) and inserts a column.
      await host.run(async (context) => {
        context.workbook.worksheets.getItem(ENTRY).protection.unprotect();
      });
      host.userInsertColumns(ENTRY, 3, 1);
      host.userPaste(ENTRY, "C9", [["x"]]);
      return tried(host, async () => {
        const c = await countVote(host, "V1");
        return c.kind === "counted" ? c.count.issues : c.issues;
      });
    },
  },
  {
    id: "ballots.sheet.upperCase",
    door: "entry sheet",
    tried: "marks typed “X” and “K” in capitals",
    outcome: "accepted",
    why: "the sheet's COUNTIF and the reader ignore case: the same marks",
    run: typed(eight((r) => ((r[0][1] = "X"), (r[0][3] = "K")))),
  },
  {
    id: "ballots.sheet.freeReason",
    door: "entry sheet",
    tried: "a free-text reason “rách” pasted in the reason column",
    outcome: "accepted",
    why: "a reason the committee writes by hand: the ballot is invalid for “other” (TT 01/2021/TT-BNV Đ11 by analogy, DOMAIN §4)",
    run: typed(eight((r) => (r[7][9] = "rách"))),
  },
  {
    id: "ballots.sheet.fewerReturned",
    door: "entry sheet",
    tried: "7 ballots typed when 8 were issued",
    outcome: "warned",
    code: "vote.returned.underIssued",
    run: typed(eight().slice(0, 7)),
  },
  // ---- The hand-count sheet: totals typed, then counted.
  {
    id: "ballots.hand.good",
    door: "hand-count sheet",
    tried: "totals that add up",
    outcome: "accepted",
    why: "DOMAIN §4: returned ≤ issued, valid + invalid = returned, votes ≤ valid, approvals ≤ valid × quota",
    run: handTyped({ returned: 8, valid: 7, invalid: 1, votes: [7, 6, 1, 0, 0, 0, 0, 0] }),
  },
  {
    id: "ballots.hand.returnedOverIssued",
    door: "hand-count sheet",
    tried: "9 returned of 8 issued",
    outcome: "refused",
    code: "vote.returned.overIssued",
    where: { sheet: HAND },
    run: handTyped({ returned: 9, valid: 9, invalid: 0, votes: [7, 6, 1, 0, 0, 0, 0, 0] }),
  },
  {
    id: "ballots.hand.negative",
    door: "hand-count sheet",
    tried: "−1 invalid ballots",
    outcome: "refused",
    code: "vote.count.notCount",
    where: { sheet: HAND },
    run: handTyped({ returned: 8, valid: 9, invalid: -1, votes: [7, 6, 1, 0, 0, 0, 0, 0] }),
  },
  {
    id: "ballots.hand.fraction",
    door: "hand-count sheet",
    tried: "6.5 votes for a unit",
    outcome: "refused",
    code: "vote.count.notCount",
    where: { sheet: HAND },
    run: handTyped({ returned: 8, valid: 8, invalid: 0, votes: [7, 6.5, 1, 0, 0, 0, 0, 0] }),
  },
  {
    id: "ballots.hand.text",
    door: "hand-count sheet",
    tried: "“bảy” typed instead of 7",
    outcome: "refused",
    code: "vote.handCount.notNumber",
    where: { sheet: HAND },
    run: handTyped({ returned: 8, valid: "bảy", invalid: 1, votes: [7, 6, 1, 0, 0, 0, 0, 0] }),
  },
  {
    id: "ballots.hand.mismatch",
    door: "hand-count sheet",
    tried: "valid 6 + invalid 1 ≠ returned 8",
    outcome: "refused",
    code: "vote.count.mismatch",
    where: { sheet: HAND },
    run: handTyped({ returned: 8, valid: 6, invalid: 1, votes: [6, 5, 1, 0, 0, 0, 0, 0] }),
  },
  {
    id: "ballots.hand.overValid",
    door: "hand-count sheet",
    tried: "9 votes for a unit with 8 valid ballots",
    outcome: "refused",
    code: "vote.candidate.overValid",
    where: { sheet: HAND },
    run: handTyped({ returned: 8, valid: 8, invalid: 0, votes: [9, 6, 1, 0, 0, 0, 0, 0] }),
  },
  {
    id: "ballots.hand.overQuota",
    door: "hand-count sheet",
    tried: "approvals adding to 20 with 8 valid ballots of quota 2",
    outcome: "refused",
    code: "vote.count.overQuota",
    where: { sheet: HAND },
    run: handTyped({ returned: 8, valid: 8, invalid: 0, votes: [8, 8, 4, 0, 0, 0, 0, 0] }),
  },
  {
    id: "ballots.hand.empty",
    door: "hand-count sheet",
    tried: "the valid count left empty",
    outcome: "refused",
    code: "vote.handCount.empty",
    where: { sheet: HAND },
    run: handTyped({ returned: 8, valid: null, invalid: 0, votes: [8, 8, 0, 0, 0, 0, 0, 0] }),
  },
  {
    id: "ballots.hand.enterUnknown",
    door: "hand count (use case)",
    tried: "hand-count votes for a unit not on the ballot",
    outcome: "refused",
    code: "vote.candidate.unknownCount",
    where: { sheet: HAND },
    run: async () => {
      const { host } = await withVote("handCount");
      return tried(host, async () => (await enterHandCount(host, "V1", { returned: 8, valid: 8, invalid: 0, votes: { [A]: 8, [STRANGER]: 3 } })).issues);
    },
  },
  {
    id: "ballots.hand.enterNegative",
    door: "hand count (use case)",
    tried: "hand-count totals with −1 returned",
    outcome: "refused",
    code: "vote.count.notCount",
    where: { sheet: HAND },
    run: async () => {
      const { host } = await withVote("handCount");
      return tried(host, async () => (await enterHandCount(host, "V1", { returned: -1, valid: 0, invalid: 0, votes: { [A]: 0 } })).issues);
    },
  },
  // ---- The returned ballot file (.xlsx).
  {
    id: "ballots.file.good",
    door: "ballot file",
    tried: "the second typist's copy of this vote's entry sheet",
    outcome: "accepted",
    why: "the same vote's sheet, its candidates and marks as the add-in laid them out",
    run: () => fileIssues(copyFile("Phiếu V1 (lần 2)", eight())),
  },
  {
    id: "ballots.file.markNoCandidate",
    door: "ballot file",
    tried: "a mark in a column of the file whose header names no candidate",
    outcome: "refused",
    code: "vote.import.markNoCandidate",
    where: { sheet: "Phiếu V1", cell: "J3" },
    run: () => fileIssues(ballotFile("Phiếu V1", [...MEMBERS, null], [[1, "x", "x", null, null, null, null, null, null, null], [2, "x", null, null, null, null, null, null, null, "x"]])),
  },
  {
    id: "ballots.file.unknownMark",
    door: "ballot file",
    tried: "a mark “✓” in the file (read as not marked until now)",
    outcome: "refused",
    code: "vote.import.unknownMark",
    where: { sheet: "Phiếu V1 (lần 2)", cell: "C8" },
    run: () => fileIssues(copyFile("Phiếu V1 (lần 2)", fileRows((r) => (r[1][2] = "✓")))),
  },
  {
    id: "ballots.file.noNumber",
    door: "ballot file",
    tried: "marks on a row of the file without a ballot number (dropped until now)",
    outcome: "refused",
    code: "vote.import.noNumber",
    where: { sheet: "Phiếu V1 (lần 2)", cell: "A10" },
    run: () => fileIssues(copyFile("Phiếu V1 (lần 2)", fileRows((r) => (r[3][0] = null)))),
  },
  {
    id: "ballots.file.duplicateNumber",
    door: "ballot file",
    tried: "two ballots numbered 1 in the file",
    outcome: "refused",
    code: "vote.import.duplicate",
    where: { sheet: "Phiếu V1 (lần 2)", cell: "A8" },
    run: () => fileIssues(copyFile("Phiếu V1 (lần 2)", fileRows((r) => (r[1][0] = 1)))),
  },
  {
    id: "ballots.file.otherVoteSheet",
    door: "ballot file",
    tried: "vote V2's entry sheet (same candidates) offered for V1",
    outcome: "refused",
    code: "vote.import.otherVote",
    where: { sheet: "Phiếu V2" },
    run: () => fileIssues(copyFile("Phiếu V2", eight())),
  },
  {
    id: "ballots.file.lastYear",
    door: "ballot file",
    tried: "last year's entry sheet of the same vote (same id, another title)",
    outcome: "refused",
    code: "vote.import.otherTitle",
    where: { sheet: "Phiếu V1 (lần 2)", cell: "A1" },
    run: () => fileIssues(copyFile("Phiếu V1 (lần 2)", eight(), "Suy tôn đơn vị đề nghị Cờ thi đua của UBND tỉnh năm 2025")),
  },
  {
    id: "ballots.file.extraCandidate",
    door: "ballot file",
    tried: "a file whose sheet lists a unit the vote does not have",
    outcome: "refused",
    code: "vote.import.candidates",
    run: () => fileIssues(ballotFile("Phiếu V1", [...MEMBERS, STRANGER], [[1, "x"]])),
  },
  {
    id: "ballots.file.notXlsx",
    door: "ballot file",
    tried: "a CSV renamed .xlsx",
    outcome: "refused",
    code: "vote.import.unreadable",
    run: () => fileIssues(new TextEncoder().encode("Số phiếu;Sở Công Thương\n1;x\n")),
  },
  {
    id: "ballots.file.noEntrySheet",
    door: "ballot file",
    tried: "an .xlsx with no entry sheet",
    outcome: "refused",
    code: "vote.import.noSheet",
    run: async () => {
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet("Sheet1").addRow(["Danh sách"]);
      return fileIssues(new Uint8Array(await wb.xlsx.writeBuffer()));
    },
  },
  {
    id: "ballots.file.nfdHeader",
    door: "ballot file",
    tried: "a file whose unit names are NFD",
    outcome: "accepted",
    why: "DOMAIN §6: the same units in another Unicode form",
    run: () => fileIssues(ballotFile("Phiếu V1", MEMBERS.map((m) => m.normalize("NFD")), [[1, "x", "x"]])),
  },
];

// ---- The scenario file's ballots (the headless runner types them with the same use case).

function scenarioBallots(ballots: unknown[]): () => Promise<Seen> {
  return async () => {
    const parsed = parseScenario({ bloc: sampleDraft(8), votes: [{ purpose: "award", seats: 2, candidates: ["SCT", "SXD", "SGTVT"], rule: "validMajority", issued: 3, ballots }] });
    if (!parsed.ok) throw new Error(parsed.problems.join("\n"));
    const report = await runScenario(parsed.scenario);
    return { issues: report.steps.flatMap((s) => s.issues) };
  };
}

cases.push(
  {
    id: "ballots.scenario.approveAndReject",
    door: "scenario",
    tried: "a scenario ballot listing a unit under both approve and reject",
    outcome: "refused",
    code: "vote.ballot.approveAndReject",
    where: { sheet: ENTRY, cell: "A9" },
    run: scenarioBallots([["SCT"], ["SXD"], { approve: ["SCT", "SXD"], reject: ["Sở Công Thương"] }]),
  },
  {
    id: "ballots.scenario.notOnBallot",
    door: "scenario",
    tried: "a scenario ballot approving a member who is not a candidate of this vote",
    outcome: "refused",
    code: "vote.candidate.unknown",
    where: { sheet: ENTRY, cell: "A7" },
    run: scenarioBallots([["SCT", "LMHTX"], ["SXD"], ["SCT"]]),
  },
  {
    id: "ballots.scenario.good",
    door: "scenario",
    tried: "approve lists by short names",
    outcome: "accepted",
    why: "short names resolve to the members' names before typing",
    run: scenarioBallots([["SCT"], ["SXD", "SCT"], { approve: ["SGTVT"], reject: ["SCT"] }]),
  },
);
