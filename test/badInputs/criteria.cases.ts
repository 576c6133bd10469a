/**
 * Bad criteria tables (issue #11 "Nothing silently wrong"), through the two real doors: the
 * "Tiêu chí" sheet read by "Chèn bảng chấm điểm" (`insertScoring` on a workbook; a refusal writes
 * nothing) and a table pasted as rows (`parseCriteriaRows`, what the sheet reader and a paste use).
 * Rules: DOMAIN.md §2 (scales of 100 or 1,000; steps 0.25 or 0.5; bonus capped, e.g. 50/1000 in Huế;
 * totals = content + bonus − penalty); the scale's bound of 10,000 is ours (src/domain/criteria/validate.ts LIMITS).
 */
import { saveBloc } from "../../src/app/bloc";
import { insertScoring, prepareCriteriaSheet } from "../../src/app/scoring";
import { parseCriteriaRows, type CriteriaBase } from "../../src/domain/criteria/parse";
import { MemoryHost } from "../../src/host";
import { BASE, rowsOf, SHEET as PASTE, type Col } from "../domain/criteriaRows";
import { sampleDraft } from "../fixtures/bloc";
import { tried, type BadCase, type Seen } from "./harness";

const S = "Tiêu chí";
/** The prepared sheet's cells: settings values in C (scale C5, decimals C7, step C8, bonus cap C9, penalty cap C10); the table's first row is 14 (A STT, B text, C max, D kind, E weight, F step, G unit). */
const CELL = { scale: "C5", decimals: "C7", step: "C8", bonusCap: "C9", penaltyCap: "C10" } as const;
const FIRST = 14;
type Row = (string | number | null)[];

let shared: Promise<MemoryHost> | null = null;
/** One workbook with a bloc and an empty prepared "Tiêu chí" sheet; each case restores what it pasted. */
export function workbook(): Promise<MemoryHost> {
  shared ??= (async () => {
    const host = new MemoryHost();
    const saved = await saveBloc(host, sampleDraft(3), { basedOn: null });
    if (saved.kind !== "saved") throw new Error(JSON.stringify(saved.issues));
    if ((await prepareCriteriaSheet(host)).kind !== "created") throw new Error("no criteria sheet");
    return host;
  })();
  return shared;
}

/** A valid content part: I (100) = 1 (60) + 2 (40). */
const CONTENT: Row[] = [
  ["I", "Thực hiện nhiệm vụ chuyên môn", 100, null],
  ["1", "Hoàn thành kế hoạch năm", 60, "Điểm"],
  ["2", "Chất lượng tham mưu", 40, "Điểm"],
];

/** Types `rows` under the header and `settings` in their cells, runs the insert, then restores the cells. */
async function onSheet(rows: Row[], settings: Partial<Record<keyof typeof CELL, string | number | null>> = {}): Promise<Seen> {
  const host = await workbook();
  const width = Math.max(...rows.map((r) => r.length));
  const grid = rows.map((r) => Array.from({ length: width }, (_, k) => r[k] ?? null));
  // The previous case's cells are put back first (after its "nothing written" check).
  undo?.();
  const old = Object.fromEntries(Object.keys(settings).map((k) => [k, host.values(S, CELL[k as keyof typeof CELL])[0][0]]));
  undo = () => {
    host.userPaste(S, `A${FIRST}`, grid.map((r) => r.map(() => null)));
    for (const [k, v] of Object.entries(old)) host.userPaste(S, CELL[k as keyof typeof CELL], [[v === "" ? null : (v as string | number)]]);
  };
  // Pasted: the settings cells' own validation refuses these when typed; a paste gets past it.
  for (const [k, v] of Object.entries(settings)) host.userPaste(S, CELL[k as keyof typeof CELL], [[v ?? null]]);
  host.userPaste(S, `A${FIRST}`, grid);
  return tried(host, async () => (await insertScoring(host, {})).issues);
}
let undo: (() => void) | null = null;

const sheetCase = (name: string, tried: string, outcome: "refused" | "accepted", codeOrWhy: string, cell: string | null, rows: Row[], settings: Parameters<typeof onSheet>[1] = {}): BadCase => ({
  id: `criteria.sheet.${name}`,
  door: "criteria sheet",
  tried,
  outcome,
  ...(outcome === "refused" ? { code: codeOrWhy, where: { sheet: S, ...(cell ? { cell } : {}) } } : { why: codeOrWhy }),
  run: () => onSheet(rows, settings),
});

/** A pasted table through the parser; issues point at the paste's cells (sheet "Dán", rows from 5). */
const pasteCase = (name: string, tried: string, outcome: "refused" | "warned" | "accepted", codeOrWhy: string, cell: string | null, data: unknown[][], cols?: Col[], base: Partial<CriteriaBase> = {}): BadCase => ({
  id: `criteria.paste.${name}`,
  door: "criteria paste",
  tried,
  outcome,
  ...(outcome === "accepted" ? { why: codeOrWhy } : { code: codeOrWhy, where: { sheet: PASTE, ...(cell ? { cell } : {}) } }),
  run: async () => ({ issues: parseCriteriaRows(rowsOf(data, cols), { ...BASE, ...base }, { scale: { sheet: PASTE, cell: "B2" }, bonusCap: { sheet: PASTE, cell: "B3" }, penaltyCap: { sheet: PASTE, cell: "B4" } }).issues }),
});

const KINDS: Col[] = ["stt", "text", "max", "kind", "step"];

export const cases: BadCase[] = [
  // --- The issue's cases, on the criteria sheet.
  sheetCase("scale.1e300", "scale 1e300", "refused", "criteria.scale.tooLarge", CELL.scale, CONTENT, { scale: 1e300 }),
  sheetCase("scale.20000", "scale 20,000 (over the 10,000 bound)", "refused", "criteria.scale.tooLarge", CELL.scale, CONTENT, { scale: 20000 }),
  sheetCase("max.1e300", "a criterion's max 1e300", "refused", "criteria.max.overScale", `C${FIRST + 1}`, [["I", "Nội dung", null, null], ["1", "Hoàn thành kế hoạch năm", 1e300, "Điểm"]]),
  sheetCase("penalty.500", "a penalty of 500 on a 100 scale (totals reach −400)", "refused", "criteria.max.overScale", `C${FIRST + 4}`, [...CONTENT, ["II", "Điểm trừ", null, null], ["1", "Vi phạm kỷ luật", 500, "Trừ"]]),
  sheetCase("max.offStep.row", "max 1 with the row's step 0.3", "refused", "criteria.max.offStep", `F${FIRST + 2}`, [["I", "Nội dung", 100, null], ["1", "A", 99, "Điểm"], ["2", "B", 1, "Điểm", null, 0.3]]),
  sheetCase("max.offStep.table", "max 1 with the table's step 0.3", "refused", "criteria.max.offStep", `C${FIRST + 2}`, [["I", "Nội dung", 100, null], ["1", "A", 99.9, "Điểm"], ["2", "B", 0.1, "Điểm"]], { step: 0.3 }),
  sheetCase("bonus.noCap", "two bonus rows and no bonus cap", "refused", "criteria.bonusCap.missing", CELL.bonusCap, [...CONTENT, ["II", "Điểm thưởng", null, null], ["1", "Khen thưởng đột xuất", 3, "Thưởng"], ["2", "Sáng kiến", 2, "Thưởng"]]),
  sheetCase("bonusCap.1e300", "bonus cap 1e300", "refused", "criteria.cap.invalid", CELL.bonusCap, [...CONTENT, ["II", "Điểm thưởng", null, null], ["1", "Khen thưởng đột xuất", 3, "Thưởng"]], { bonusCap: 1e300 }),
  sheetCase("penaltyCap.negative", "penalty cap −5", "refused", "criteria.cap.invalid", CELL.penaltyCap, CONTENT, { penaltyCap: -5 }),
  // --- Other bad tables on the sheet.
  sheetCase("scale.zero", "scale 0", "refused", "criteria.scale.invalid", CELL.scale, CONTENT, { scale: 0 }),
  sheetCase("step.zero", "step 0", "refused", "criteria.tableStep.invalid", CELL.step, CONTENT, { step: 0 }),
  sheetCase("decimals.nine", "rounding to 9 decimals", "refused", "criteria.decimals.invalid", CELL.decimals, CONTENT, { decimals: 9 }),
  sheetCase("max.negative", "a max of −5", "refused", "criteria.max.negative", `C${FIRST + 2}`, [["I", "Nội dung", null, null], ["1", "A", 100, "Điểm"], ["2", "B", -5, "Điểm"]]),
  sheetCase("max.missing", "a criterion with no max", "refused", "criteria.max.missing", `C${FIRST + 2}`, [["I", "Nội dung", null, null], ["1", "A", 100, "Điểm"], ["2", "B", null, "Điểm"]]),
  sheetCase("sum.mismatch", "a section of 100 whose rows add up to 90", "refused", "criteria.sum.mismatch", `C${FIRST}`, [["I", "Nội dung", 100, null], ["1", "A", 60, "Điểm"], ["2", "B", 30, "Điểm"]]),
  sheetCase("text.formula", "a criterion text beginning with \"=\"", "refused", "criteria.text.formula", `B${FIRST + 1}`, [["I", "Nội dung", 100, null], ["1", "'=HYPERLINK(\"http://x\")", 100, "Điểm"]]),
  sheetCase("number.duplicate", "two rows numbered 1 in one section", "refused", "criteria.number.duplicate", `A${FIRST + 2}`, [["I", "Nội dung", 100, null], ["1", "A", 60, "Điểm"], ["1", "B", 40, "Điểm"]]),
  sheetCase("weight.huge", "a weight of 1000", "refused", "criteria.weight.invalid", `E${FIRST + 1}`, [["I", "Nội dung", 100, null], ["1", "A", 100, "Điểm", 1000]]),
  sheetCase("unit.notMultiple", "a per-occurrence max of 3 at 2 points each", "refused", "criteria.unit.notMultiple", `G${FIRST + 4}`, [...CONTENT, ["II", "Theo lần", null, null], ["1", "Mỗi sáng kiến", 3, "Theo lần", null, null, 2]]),
  sheetCase("valid", "a valid 100-point table", "accepted", "the control: a sane table inserts", null, CONTENT),
  // --- Pasted tables.
  pasteCase("penalty.500", "a pasted \"Điểm trừ\" row of 500 on 100", "refused", "criteria.max.overScale", "C8", [["I", "Nội dung", 100, ""], ["1", "A", 100, ""], ["II", "Điểm trừ", "", ""], ["1", "Vi phạm kỷ luật", 500, ""]]),
  pasteCase("max.1e300", "a pasted max of 1e300", "refused", "criteria.max.overScale", "C6", [["I", "Nội dung", "", ""], ["1", "A", 1e300, ""]]),
  pasteCase("max.offStep", "a pasted max of 1 with step 0.3", "refused", "criteria.max.offStep", "E7", [["I", "Nội dung", 100, "", ""], ["1", "A", 99, "Điểm", ""], ["2", "B", 1, "Điểm", 0.3]], KINDS),
  pasteCase("bonus.noCap", "three pasted bonus rows, no cap", "refused", "criteria.bonusCap.missing", "B3", [["I", "Nội dung", 100, ""], ["1", "A", 100, ""], ["II", "Điểm thưởng", "", ""], ["1", "Sáng kiến", 2, ""], ["2", "Đột xuất", 2, ""], ["3", "Khen thưởng", 1, ""]]),
  pasteCase("scale.huge", "a pasted table with scale 1e300", "refused", "criteria.scale.tooLarge", "B2", [["I", "Nội dung", 100, ""], ["1", "A", 100, ""]], undefined, { scale: 1e300 }),
  pasteCase("penalties.overScale", "penalty rows of 60 + 60 on a 100 scale, no cap", "warned", "criteria.penalty.overScale", "B4", [["I", "Nội dung", 100, ""], ["1", "A", 100, ""], ["II", "Điểm trừ", "", ""], ["1", "Vi phạm A", 60, ""], ["2", "Vi phạm B", 60, ""]]),
  pasteCase("commaDecimal", "maxima pasted as \"15,5\" and \"84,5\"", "accepted", "a Vietnamese decimal comma is a number (DOMAIN §6)", null, [["I", "Nội dung", 100, ""], ["1", "A", "15,5", ""], ["2", "B", "84,5", ""]]),
  pasteCase("max.onStep", "a max of 2,5 with step 0.5", "accepted", "2.5 is 5 steps of 0.5: full points can be entered", null, [["I", "Nội dung", 100, "", ""], ["1", "A", 97.5, "Điểm", ""], ["2", "B", "2,5", "Điểm", 0.5]], KINDS),
  pasteCase("bonus.oneRow", "one bonus row \"Điểm thưởng: tối đa 03\", no table cap", "accepted", "one bonus row is capped by its own max (Cần Thơ/Hải Phòng 2025 tables, DOMAIN §2)", null, [["I", "Nội dung", 100, ""], ["1", "A", 97, ""], ["2", "Điểm thưởng: tối đa 03", 3, ""]]),
  pasteCase("bonus.statedGroup", "bonus rows under a \"Điểm cộng\" row stating 15", "accepted", "the group's max states the bonus total (Cần Thơ KH 157/2025: 5. Điểm cộng 15 = 5.1–5.3)", null, [["I", "Nội dung", 100, ""], ["1", "A", 100, ""], ["II", "Điểm cộng", 15, ""], ["1", "Sáng kiến", 5, ""], ["2", "Đột xuất", 10, ""]], undefined, { allowOverScale: true }),
  pasteCase("scale.10000", "a 10,000-point table", "accepted", "the bound itself is allowed", null, [["I", "Nội dung", 10000, ""], ["1", "A", 10000, ""]], undefined, { scale: 10000 }),
  pasteCase("penalty.atScale", "a penalty as large as the scale (100 on 100)", "accepted", "a penalty may wipe out the content, not go below it", null, [["I", "Nội dung", 100, ""], ["1", "A", 100, ""], ["II", "Điểm trừ", "", ""], ["1", "Vi phạm nghiêm trọng", 100, ""]]),
];
