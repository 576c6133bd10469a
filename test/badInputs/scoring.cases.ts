/**
 * Bad inputs through a unit's score sheet (issue #11 "Nothing silently wrong"): values pasted past
 * Excel's checks into the yellow input cells, found by the pane's check (`validateScores`, the real
 * path) at their cell, and shown on "Tổng hợp" by its formulas as "Cần kiểm tra": no total, no rank,
 * no class, no "Dẫn đầu", while the other units rank without it. Rules: DOMAIN.md §2 (scoring kinds,
 * steps, bonus cap); the table is the shipped "departments-100" sample (bonus cap 5).
 */
import { saveBloc } from "../../src/app/bloc";
import { insertScoring, validateScores } from "../../src/app/scoring";
import { leaves, stepOf } from "../../src/domain/criteria/model";
import { templateById } from "../../src/domain/criteria/templates";
import { NEEDS_CHECK } from "../../src/domain/scoring/engine";
import { MemoryHost } from "../../src/host";
import { cellAddress } from "../../src/workbook/a1";
import { COL, unitSheetMap } from "../../src/workbook/scoring/unitSheet";
import { sampleDraft } from "../fixtures/bloc";
import { tried, type BadCase, type Seen } from "./harness";

const table = templateById("departments-100")!.table;
const SHEET = "SCT";
const map = unitSheetMap(table, SHEET);
const cellOf = (id: string, col: number = COL.self) => cellAddress(map.rows.get(id)!, col);

let shared: Promise<MemoryHost> | null = null;
/** One workbook for all cases (3 members; SXD and SGTVT filled validly, SCT at full marks): each case restores what it pasted. */
export function workbook(): Promise<MemoryHost> {
  shared ??= (async () => {
    const host = new MemoryHost();
    const saved = await saveBloc(host, sampleDraft(3), { basedOn: null });
    if (saved.kind !== "saved") throw new Error(JSON.stringify(saved.issues));
    const ins = await insertScoring(host, { template: "departments-100" });
    if (ins.kind !== "inserted") throw new Error(JSON.stringify(ins.issues));
    for (const [sheet, ratio] of [["SCT", 1], ["SXD", 0.8], ["SGTVT", 0.6]] as const) {
      const m = unitSheetMap(table, sheet);
      for (const { leaf: l } of leaves(table)) {
        const step = stepOf(l, table);
        const v = l.kind === "bonus" || l.kind === "penalty" ? 0 : l.kind === "yesNo" ? l.max : Math.floor(((l.max ?? 0) * ratio) / step) * step;
        host.userPaste(sheet, cellAddress(m.rows.get(l.id)!, COL.self), [[v]]);
      }
    }
    return host;
  })();
  return shared;
}

/** SCT's line on "Tổng hợp" as its formulas compute it. */
function summaryOf(host: MemoryHost, unit: string) {
  const header = host.values("Tổng hợp", "A5:AZ5")[0];
  const row = host.values("Tổng hợp", "A6:AZ8").find((r) => r[1] === unit)!;
  const col = (label: string) => row[header.indexOf(label)];
  return { total: col("Tổng điểm"), rank: col("Xếp hạng"), band: col("Xếp loại"), leading: col("Đơn vị dẫn đầu") };
}

/**
 * Pastes `cells` ([criterion, column, value]) on SCT, runs the pane's check, checks "Tổng hợp"
 * (refused → SCT "Cần kiểm tra" and SXD ranked 1st; accepted → SCT ranked), then restores the cells.
 */
let undo: (() => void) | null = null;
async function pasted(cells: [string, number, string | number | boolean | null][], refused: boolean): Promise<Seen> {
  const host = await workbook();
  // The previous case's cells are put back first (after its "nothing written" check).
  undo?.();
  const old = cells.map(([id, col]) => host.values(SHEET, cellOf(id, col))[0][0] as string | number | boolean | null);
  undo = () => cells.forEach(([id, col], i) => host.userPaste(SHEET, cellOf(id, col), [[old[i] === "" ? null : old[i]]]));
  for (const [id, col, v] of cells) host.userPaste(SHEET, cellOf(id, col), [[v]]);
  const seen = await tried(host, async () => (await validateScores(host)).issues);
  const sct = summaryOf(host, "Sở Công Thương");
  if (refused) {
    expect(sct).toEqual({ total: "", rank: "", band: NEEDS_CHECK, leading: "" });
    expect(summaryOf(host, "Sở Xây dựng")).toMatchObject({ rank: 1, leading: "Dẫn đầu" });
  } else {
    expect(sct.band).not.toBe(NEEDS_CHECK);
    expect(typeof sct.rank).toBe("number");
  }
  return seen;
}

const refuse = (name: string, tried: string, code: string, cells: [string, number, string | number | boolean | null][], at: [string, number] = [cells[0][0], cells[0][1]]): BadCase => ({
  id: `scoring.${name}`,
  door: "unit sheet",
  tried,
  outcome: "refused",
  code,
  where: { sheet: SHEET, cell: cellOf(at[0], at[1]) },
  run: () => pasted(cells, true),
});
const accept = (name: string, tried: string, why: string, cells: [string, number, string | number | boolean | null][]): BadCase => ({
  id: `scoring.${name}`,
  door: "unit sheet",
  tried,
  outcome: "accepted",
  why,
  run: () => pasted(cells, false),
});

export const cases: BadCase[] = [
  // The issue's own case: 999 in a 12-point cell made SCT 1069.25, first, "Dẫn đầu".
  refuse("overMax.999", "999 pasted in a 12-point cell (I.1.a)", "scoring.entry.overMax", [["I.1.a", COL.self, 999]]),
  refuse("overMax.quarter", "12.25 in a 12-point cell", "scoring.entry.overMax", [["I.1.a", COL.self, 12.25]]),
  refuse("overMax.huge", "1e300 in a self-score cell", "scoring.entry.overMax", [["I.2", COL.self, 1e300]]),
  refuse("overMax.review", "11 in the review of a 10-point cell", "scoring.entry.overMax", [["I.2", COL.review, 11]]),
  refuse("overMax.agreed", "6 in the agreed score of a 5-point cell", "scoring.entry.overMax", [["I.4", COL.agreed, 6]]),
  refuse("overMax.bonusLeaf", "4 in a 3-point bonus cell", "scoring.entry.overMax", [["V.1", COL.self, 4]]),
  refuse("overMax.penaltyLeaf", "3 in a 2-point penalty cell", "scoring.entry.overMax", [["VI.2", COL.self, 3]]),
  refuse("overMax.perOccurrence", "4 occurrences' points in a 3-point per-occurrence cell", "scoring.entry.overMax", [["IV.4", COL.self, 4]]),
  refuse("negative", "−1 in a self-score cell", "scoring.entry.negative", [["I.1.b", COL.self, -1]]),
  refuse("negative.penalty", "a penalty typed as −2", "scoring.entry.negative", [["VI.3", COL.self, -2]]),
  refuse("negative.tiny", "−0.25 in a review cell", "scoring.entry.negative", [["I.3", COL.review, -0.25]]),
  refuse("text.word", "\"mười\" (a number in words)", "scoring.entry.notNumber", [["I.1.a", COL.self, "mười"]]),
  refuse("text.space", "a lone space pasted in a cell", "scoring.entry.notNumber", [["I.5", COL.self, " "]]),
  refuse("text.fullwidth", "full-width digits \"１０\"", "scoring.entry.notNumber", [["I.2", COL.self, "１０"]]),
  refuse("text.boolean", "TRUE pasted in a score cell", "scoring.entry.notNumber", [["I.3", COL.self, true]]),
  refuse("text.commaDecimal", "\"8,5\" kept as text", "scoring.entry.textNumber", [["I.1.b", COL.self, "8,5"]]),
  accept("text.dotDecimal", "\"7.5\" pasted as text", "a paste of a number written as text becomes the number, as Excel reads it", [["I.1.b", COL.review, "7.5"]]),
  refuse("offStep.tenth", "3.3 on a 0.25 step", "scoring.entry.offStep", [["I.3", COL.self, 3.3]]),
  refuse("offStep.third", "1/3 on a 0.25 step", "scoring.entry.offStep", [["II.1", COL.self, 1 / 3]]),
  refuse("offStep.perOccurrence", "1.5 where each occurrence is 1 point", "scoring.entry.offStep", [["IV.4", COL.self, 1.5]]),
  refuse("offStep.penaltyUnit", "0.25 where each penalty is 0.5", "scoring.entry.offStep", [["VI.2", COL.self, 0.25]]),
  refuse("yesNo.half", "1 in a yes/no cell worth 2", "scoring.entry.yesNo", [["II.3.2", COL.self, 1]]),
  refuse("yesNo.review", "0.25 in the review of a yes/no cell", "scoring.entry.yesNo", [["III.4", COL.review, 0.25]]),
  refuse("fixedPenalty.partial", "2 in a fixed 5-point penalty", "scoring.entry.yesNo", [["VI.1", COL.self, 2]]),
  refuse("notAssessed.notAllowed", "\"KĐG\" where the table does not allow not assessed", "scoring.entry.notAssessed", [["I.4", COL.self, "KĐG"]]),
  refuse("bonus.overCap", "bonuses 3 + 2 + 2 = 7 over the table's cap of 5", "scoring.bonus.overCap", [["V.1", COL.self, 3], ["V.2", COL.self, 2], ["V.3", COL.self, 2]]),
  accept("atMax", "12 in a 12-point cell", "exactly the max is a full score (DOMAIN §2: điểm chuẩn is the most a criterion gives)", [["I.1.a", COL.self, 12]]),
  accept("zero", "0 in a points cell", "0 is a score the unit may give itself", [["I.1.b", COL.self, 0]]),
  accept("empty.review", "an empty review cell", "empty means not entered: with the stage \"review, else self\" the self-score counts", [["I.2", COL.review, null]]),
  accept("yesNo.full", "2 in a yes/no cell worth 2", "yes/no takes 0 or its max", [["II.3.2", COL.self, 2]]),
  accept("perOccurrence.multiple", "2 occurrences in a per-occurrence cell", "a multiple of the points per occurrence, within the max", [["IV.4", COL.self, 2]]),
  accept("bonus.atCap", "bonuses 3 + 2 = 5, exactly the cap", "the cap itself is allowed", [["V.1", COL.self, 3], ["V.2", COL.self, 2]]),
  accept("penalty.fixedFull", "5 in a fixed 5-point penalty", "a fixed penalty is all or nothing", [["VI.1", COL.self, 5]]),
  accept("review.differs", "a review lower than the self-score, explained", "the review counts; an explanation is given", [["I.5", COL.review, 4], ["I.5", COL.evidence, "Thiếu minh chứng"]]),
];
