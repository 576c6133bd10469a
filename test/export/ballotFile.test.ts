import ExcelJS from "exceljs";
import { writeSheets } from "../../src/excel/apply";
import { readBallotFile } from "../../src/export/ballotFile";
import { MemoryHost } from "../../src/host";
import { cellAddress } from "../../src/workbook/a1";
import { ballotEntrySheetPlan, readBallotSheetRows } from "../../src/workbook/voting/ballotSheet";
import { flagVote, UNITS } from "../domain/voting/helpers";

const [A, B, C, D] = UNITS;

/** Ballots as typed: number, a mark per unit ("x" approve, "k" reject), the manual reason (last column, after `n` units). */
const typed = (n: number): (string | number | null)[][] =>
  [
    [1, ["x", "x"], null],
    [2, ["x", "k", "x"], null],
    [3, [null, null, null, "X", "x"], "Gạch hết"],
    [null, ["x"], null], // no ballot number
    [5, ["?", "x"], null], // an unknown mark
  ].map(([num, marks, reason]) => [num as number | null, ...Array.from({ length: n }, (_, k) => (marks as (string | null)[])[k] ?? null), reason as string | null]);

/** A workbook holding entry sheets of `sheets` (each with its own vote), ballots typed on `typedOn`, saved as .xlsx. */
async function fileWith(sheets: { name: string; candidates?: string[] }[], typedOn: string) {
  const host = new MemoryHost();
  const plans = sheets.map((s, i) => ballotEntrySheetPlan(flagVote(s.candidates ? { candidates: s.candidates } : {}), { sheet: s.name, rows: 10, namePrefix: `BX_Test${i}` }));
  const w = await writeSheets(host, plans.map((p) => p.plan), { sheets: ["Sheet1"], names: [] });
  expect(w.ok).toBe(true);
  const map = plans[sheets.findIndex((s) => s.name === typedOn)].map;
  host.userPaste(typedOn, cellAddress(map.first, 0), typed(sheets.find((s) => s.name === typedOn)?.candidates?.length ?? UNITS.length));
  return { host, bytes: await host.toXlsx() };
}

const OPTS = { voteId: "V1", candidates: [...UNITS] };

describe("readBallotFile", () => {
  it("reads unit names typed in another Unicode form (NFD) as NFC, and says what differs in NFC (DOMAIN §6)", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Phiếu V1");
    ws.addRow(["Số phiếu", ...UNITS.slice(0, 7).map((u) => u.normalize("NFD")), "Lý do không hợp lệ (nếu có)"]);
    ws.addRow([1, "x", null, "x"]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const out = await readBallotFile(bytes, { voteId: "V1", candidates: UNITS.map((u) => u.normalize("NFD")) });
    const [sheet] = out.sheets;
    expect(sheet.rows.map((r) => r.ballot)).toEqual([{ number: 1, marks: { [A]: "approve", [C]: "approve" }, manualInvalid: null }]);
    // The vote's eighth unit is missing from the file: named NFC, as everywhere else.
    expect(sheet.missing).toEqual([UNITS[7]]);
    expect(out.issues[0].message.vi).toContain(`“${UNITS[7]}”`);
  });

  it("finds the second entry sheet of a copy and reads the ballots the host's sheet holds", async () => {
    const sheet = "Phiếu V1 (lần 2)";
    const { host, bytes } = await fileWith([{ name: sheet }], sheet);
    const out = await readBallotFile(bytes, OPTS);
    // A row without a number and an unknown mark would be dropped on import: refused at their cells (issue #11: nothing silently wrong).
    expect(out.issues.map((i) => [i.code, i.where?.sheet, i.where?.cell])).toEqual([
      ["vote.import.unknownMark", sheet, "B11"],
      ["vote.import.noNumber", sheet, "A10"],
    ]);
    expect(out.sheets.map((s) => s.name)).toEqual([sheet]);
    const [s] = out.sheets;
    // The same ballots as the reader gives on the workbook itself.
    const used = host.usedRange(sheet)!;
    expect(used.startsWith("A1:")).toBe(true);
    const onHost = readBallotSheetRows({ sheet, row: 0, col: 0, values: host.values(sheet, used) });
    expect(s.rows).toEqual(onHost.rows);
    expect(s.rows.map((r) => r.ballot)).toEqual([
      { number: 1, marks: { [A]: "approve", [B]: "approve" }, manualInvalid: null },
      { number: 2, marks: { [A]: "approve", [B]: "reject", [C]: "approve" }, manualInvalid: null },
      { number: 3, marks: { [D]: "approve", [UNITS[4]]: "approve" }, manualInvalid: "allStruckOut" },
      { number: 5, marks: { [B]: "approve" }, manualInvalid: null },
    ]);
    expect(s.rows.map((r) => r.row)).toEqual([7, 8, 9, 11]);
    expect(s).toMatchObject({ ballots: 4, noNumber: [10], unknownMarks: ["B11"], candidatesMatch: true, missing: [], extra: [] });
    expect(onHost.noNumber).toEqual(s.noNumber);
    expect(onHost.unknownMarks).toEqual(s.unknownMarks);
  });

  it("lists this vote's entry sheets first, then the others, in file order", async () => {
    const { bytes } = await fileWith([{ name: "Nhập thử" }, { name: "Phiếu V1 (lần 2)" }, { name: "Phiếu V2" }, { name: "Phiếu V1" }], "Phiếu V1 (lần 2)");
    const out = await readBallotFile(bytes, OPTS);
    expect(out.sheets.map((s) => [s.name, s.ballots])).toEqual([
      ["Phiếu V1", 0],
      ["Phiếu V1 (lần 2)", 4],
      ["Nhập thử", 0],
      ["Phiếu V2", 0],
    ]);
    // Another vote's id does not put its sheets first.
    const v2 = await readBallotFile(bytes, { ...OPTS, voteId: "V2" });
    expect(v2.sheets.map((s) => s.name)).toEqual(["Phiếu V2", "Nhập thử", "Phiếu V1 (lần 2)", "Phiếu V1"]);
  });

  it("flags a file whose units are not the vote's: missing, extra, doubled", async () => {
    const other = [...UNITS.slice(0, 6), "Sở Mới"];
    const { bytes } = await fileWith([{ name: "Phiếu V1", candidates: other }], "Phiếu V1");
    const out = await readBallotFile(bytes, OPTS);
    expect(out.sheets[0]).toMatchObject({ name: "Phiếu V1", ballots: 4, candidatesMatch: false, missing: UNITS.slice(6), extra: ["Sở Mới"] });
    expect(out.issues.map((i) => [i.code, i.severity])).toEqual([["vote.import.candidates", "error"]]);
    expect(out.issues[0].message.vi).toContain("Sở Mới");
    expect(out.issues[0].message.en).toContain(UNITS[7]);

    // The same units in another order, case and spacing match.
    const shuffled = [...UNITS].reverse().map((u, i) => (i % 2 ? u.toUpperCase() : `  ${u} `));
    expect((await readBallotFile(bytes, { ...OPTS, candidates: [...UNITS.slice(0, 6), "sở  mới"] })).sheets[0].candidatesMatch).toBe(true);
    const same = await fileWith([{ name: "Phiếu V1", candidates: UNITS }], "Phiếu V1");
    expect((await readBallotFile(same.bytes, { ...OPTS, candidates: shuffled })).sheets[0].candidatesMatch).toBe(true);

    // A unit twice on the header.
    const doubled = await fileWith([{ name: "Phiếu V1", candidates: [...UNITS.slice(0, 7), UNITS[0]] }], "Phiếu V1");
    const d = await readBallotFile(doubled.bytes, OPTS);
    expect(d.sheets[0]).toMatchObject({ candidatesMatch: false, missing: [UNITS[7]], extra: [UNITS[0]] });
  });

  it("does not flag another vote's sheets while one sheet matches", async () => {
    const { bytes } = await fileWith([{ name: "Phiếu V1" }, { name: "Phiếu V2", candidates: UNITS.slice(0, 3) }], "Phiếu V1");
    const out = await readBallotFile(bytes, OPTS);
    expect(out.sheets.map((s) => [s.name, s.candidatesMatch])).toEqual([
      ["Phiếu V1", true],
      ["Phiếu V2", false],
    ]);
    // The matching sheet's own marks that would be dropped are its reasons (issue #11); the other vote's sheet is no concern.
    expect(out.issues.map((i) => [i.code, i.where?.sheet])).toEqual([
      ["vote.import.unknownMark", "Phiếu V1"],
      ["vote.import.noNumber", "Phiếu V1"],
    ]);
    expect(out.sheets[1].issues.map((i) => i.code)).toEqual(["vote.import.otherVote"]);
  });

  it("reads a sheet made elsewhere: header moved, rich text, formulas by their cached result", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Phiếu bầu");
    ws.getCell("B2").value = "Phiếu nhập trên máy khác";
    ws.getRow(4).values = [null, "Số phiếu", { richText: [{ text: "Sở " }, { text: "Văn hóa", font: { bold: true } }] }, "Sở Giáo dục", "Lý do không hợp lệ (nếu có)"];
    ws.getRow(5).values = [null, { formula: "0+1", result: 1 }, "x", "K", null];
    ws.getRow(6).values = [null, "2", null, { formula: "\"x\"", result: "x" }, "Khác"];
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const out = await readBallotFile(bytes, { voteId: "V1", candidates: [A, B] });
    expect(out.issues).toEqual([]);
    expect(out.sheets[0].name).toBe("Phiếu bầu");
    expect(out.sheets[0].rows).toEqual([
      { ballot: { number: 1, marks: { [A]: "approve", [B]: "reject" }, manualInvalid: null }, row: 5 },
      { ballot: { number: 2, marks: { [B]: "approve" }, manualInvalid: "other" }, row: 6 },
    ]);
  });

  it("never throws: garbage, an old .xls, a damaged zip, a workbook without an entry sheet", async () => {
    const garbage = await readBallotFile(new Uint8Array([1, 2, 3, 4, 5, 6]), OPTS);
    expect(garbage).toEqual({ sheets: [], issues: [expect.objectContaining({ code: "vote.import.unreadable", severity: "error" })] });
    const xls = await readBallotFile(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]), OPTS);
    expect(xls.issues[0].message.vi).toContain(".xls");
    const zip = await readBallotFile(new Uint8Array([0x50, 0x4b, 3, 4, 9, 9, 9, 9, 9, 9]), OPTS);
    expect(zip.issues.map((i) => i.code)).toEqual(["vote.import.unreadable"]);
    expect(await readBallotFile(new Uint8Array(0), OPTS)).toMatchObject({ sheets: [], issues: [{ code: "vote.import.unreadable" }] });

    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Bảng điểm").getCell("A1").value = "Số phiếu";
    const none = await readBallotFile(new Uint8Array(await wb.xlsx.writeBuffer()), OPTS);
    expect(none.sheets).toEqual([]);
    expect(none.issues.map((i) => [i.code, i.severity])).toEqual([["vote.import.noSheet", "error"]]);
    expect(none.issues[0].message.vi).toContain("“Bảng điểm”");
  });
});
