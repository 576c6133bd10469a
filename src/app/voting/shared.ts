import { readFailed, writeFailed } from "../failures";
import { validateBloc, type Bloc } from "../../domain/bloc/bloc";
import { raise, raiseAt } from "../../domain/codes";
import { type Issue, type Where } from "../../domain/issues";
import { nameKey } from "../../domain/text";
import { type VoteRecord } from "../../domain/voting/record";
import { writeSheets, type ExistingSheet, type WriteReport } from "../../excel/apply";
import { guardOf, keepConcurrentEdits } from "../concurrent";
import type { ExcelHost } from "../../excel/host";
import { readWorkbook, type SheetRead, type WorkbookRead } from "../../excel/read";
import { cellAddress } from "../../workbook/a1";
import { BLOC_NAMES, BLOC_SHEET, readBlocSheet } from "../../workbook/bloc/blocSheet";
import { LEADERSHIP_SHEET, readLeadershipSheet, type LeadershipRow } from "../../workbook/bloc/leadershipSheet";
import type { Grid } from "../../workbook/grid";
import type { SheetPlan } from "../../workbook/plan";
import { readSummary, SUMMARY_SHEET, type SummaryLine } from "../../workbook/scoring/summarySheet";
import { readVoteSheet, VOTE_SHEET, voteSheetPlan } from "../../workbook/voting/voteSheet";

/** What the vote use cases share: the vote's sheet names, the voting context read from the workbook, and the writer that keeps what users typed. */

/** Workbook names and sheet names of a vote's sheets. */
export function voteSheets(id: string) {
  return {
    first: { sheet: `Phiếu ${id}`, prefix: `BX_Phieu_${id}` },
    second: { sheet: `Phiếu ${id} (lần 2)`, prefix: `BX_Phieu2_${id}` },
    hand: { sheet: `Đếm tay ${id}`, prefix: `BX_Dem_${id}` },
    print: { sheet: `In phiếu ${id}` },
    minutes: { sheet: `Biên bản ${id}` },
  };
}
/** The name every entry sheet defines over its ballots (ballot sheets) or results (hand count): it finds the sheet wherever it moved. */
export const anchor = (id: string) => {
  const s = voteSheets(id);
  return { first: `${s.first.prefix}_Phieu`, second: `${s.second.prefix}_Phieu`, hand: `${s.hand.prefix}_KetQua` };
};

export const gridOf = (r: SheetRead): Grid => ({ sheet: r.name, row: r.row, col: r.col, values: r.values });
export const readOrNull = (r: SheetRead | undefined): Grid | null => (r?.exists ? gridOf(r) : null);

// ---------------------------------------------------------------------------------------- context

export interface VotingContext {
  bloc: Bloc | null;
  blocIssues: Issue[];
  /** The vote definition sheet's name when it exists. */
  voteSheet: string | null;
  records: VoteRecord[];
  recordIssues: Issue[];
  /** Where each record's fields sit, for issues. */
  cellOf: (id: string, field: string) => Where | undefined;
  summary: SummaryLine[];
  leadership: LeadershipRow[];
  leadershipIssues: Issue[];
}

export const BASE_READ = {
  sheets: [VOTE_SHEET, BLOC_SHEET, SUMMARY_SHEET, LEADERSHIP_SHEET],
  sheetsOfNames: [BLOC_NAMES.name, "BX_BoPhieu", "BX_TongHop", "BX_TruongKhoi_Bang"],
  // Formulas of the vote sheet too: the writer tells its computed cells from cells typed by hand (issue #11).
  formulasOf: [VOTE_SHEET, "BX_BoPhieu"],
};

export function contextOf(read: WorkbookRead): VotingContext {
  const pick = (sheet: string, name: string) => (read.byName[sheet]?.exists ? read.byName[sheet] : read.byDefinedName[name]);
  const blocRead = pick(BLOC_SHEET, BLOC_NAMES.name);
  let bloc: Bloc | null = null;
  let blocIssues: Issue[] = [];
  if (blocRead?.exists) {
    const parsed = readBlocSheet(gridOf(blocRead));
    const v = validateBloc(parsed.draft, parsed.at);
    bloc = parsed.found ? v.bloc : null;
    blocIssues = [...parsed.issues, ...v.issues].filter((i) => i.severity === "error");
  }
  const vr = pick(VOTE_SHEET, "BX_BoPhieu");
  const votes = vr?.exists ? readVoteSheet(gridOf(vr)) : null;
  const sr = pick(SUMMARY_SHEET, "BX_TongHop");
  const summary = sr?.exists ? readSummary(gridOf(sr)).lines : [];
  const lr = pick(LEADERSHIP_SHEET, "BX_TruongKhoi_Bang");
  const lead = lr?.exists ? readLeadershipSheet(gridOf(lr)) : { rows: [], issues: [] };
  const sheet = vr?.exists ? vr.name : null;
  return {
    bloc,
    blocIssues,
    voteSheet: sheet,
    records: votes?.found ? votes.records : [],
    recordIssues: votes?.issues ?? [],
    cellOf: (id, field) => {
      const cell = votes?.cells[id]?.field(field as never);
      return sheet && cell ? { sheet, cell } : undefined;
    },
    summary,
    leadership: lead.rows,
    leadershipIssues: lead.issues,
  };
}

export type WriteOutcome =
  /** `id`: the vote's id as written (a new vote takes the next free one if a co-author took its id meanwhile). */
  | { kind: "written"; sheets: string[]; syncs: number; issues: Issue[]; id?: string }
  | { kind: "invalid"; issues: Issue[] }
  | { kind: "failed"; issues: Issue[] };

/** Reads what the voting step shows: the bloc, the votes, the ranking and the leadership record. One round trip. */
export async function loadVoting(host: ExcelHost): Promise<{ ok: true; context: VotingContext } | { ok: false; issues: Issue[] }> {
  try {
    return { ok: true, context: contextOf(await readWorkbook(host, BASE_READ)) };
  } catch (e) {
    return { ok: false, issues: [readFailed(e)] };
  }
}

export function checkIssued(record: VoteRecord): Issue[] {
  const n = record.issued;
  if (n === null) return [];
  if (!Number.isInteger(n) || n < 0) {
    return [raiseAt("vote.value.invalid", { value: ` ("${String(n)}")`, what: { vi: "Số phiếu phát ra", en: "Ballots issued" } }, "issued")];
  }
  const present = record.vote.attendance.present;
  if (Number.isInteger(present) && n > present) {
    return [raiseAt("vote.issued.overPresent", { issued: n, present }, "issued")];
  }
  return [];
}

/**
 * Text on the read "Bỏ phiếu" sheet that its rewrite would not carry (a note typed beside the
 * table, a column the reader does not know): the rewrite then keeps the old sheet as
 * "Bỏ phiếu (cũ)" and says so, so nothing the bloc typed is lost.
 */
export function keepOldVoteSheet(read: WorkbookRead, ctx: VotingContext): { existing?: Record<string, ExistingSheet>; issues: Issue[] } {
  const sheet = ctx.voteSheet;
  const grid = sheet ? (read.byName[VOTE_SHEET]?.exists ? read.byName[VOTE_SHEET] : read.byDefinedName["BX_BoPhieu"]) : undefined;
  return keepIfExtra(grid, voteSheetPlan(ctx.records).plan, "vote.sheet.keptOld");
}

/**
 * A sheet the add-in rewrites from what it read: when it holds text that `read` (the plan of what
 * the reader understood, before the change) does not explain, keep the old one as "<name> (cũ)"
 * and say so.
 */
/** The codes of a sheet kept as "<name> (cũ)": each names what the sheet holds in its template ({sheet}, {count}, {cells}). */
export type KeptOldCode = "vote.sheet.keptOld" | "leadership.sheet.keptOld" | "meeting.sheet.keptOld";

export function keepIfExtra(grid: SheetRead | undefined, plan: SheetPlan, code: KeptOldCode): { existing?: Record<string, ExistingSheet>; issues: Issue[] } {
  if (!grid?.exists) return { issues: [] };
  const sheet = grid.name;
  const norm = (v: unknown) => (typeof v === "number" ? String(v) : nameKey(String(v ?? "")));
  const planned = new Set<string>();
  for (const b of plan.blocks) for (const row of b.rows) for (const c of row) if (c !== null && typeof c !== "object") planned.add(norm(c));
  const extra: string[] = [];
  grid.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === "" || v === null || v === undefined) return;
      if (!planned.has(norm(v)) && !(typeof v === "boolean")) extra.push(cellAddress(grid.row + r, grid.col + c));
    }),
  );
  if (!extra.length) return { issues: [] };
  return {
    existing: { [sheet]: "keepOld" },
    issues: [
      raise(code, { sheet, count: extra.length, cells: `${extra.slice(0, 3).join(", ")}${extra.length > 3 ? "…" : ""}` }, { sheet, cell: extra[0] }),
    ],
  };
}

export async function write(
  host: ExcelHost,
  read: WorkbookRead,
  plans: SheetPlan[],
  options: { activate?: string; log: { action: string; object: string; counts: string; note?: string }; keep?: { existing?: Record<string, ExistingSheet>; issues: Issue[] } },
): Promise<WriteOutcome> {
  // "Bỏ phiếu" is rewritten from what was read: it is read again in the write's own request, and an
  // edit made in between is kept aside (co-authoring).
  const ctx = contextOf(read);
  const voteGrid = ctx.voteSheet ? (read.byName[VOTE_SHEET]?.exists ? read.byName[VOTE_SHEET] : read.byDefinedName["BX_BoPhieu"]) : undefined;
  const guard = plans.some((p) => nameKey(p.name) === nameKey(voteGrid?.name ?? "")) ? guardOf(voteGrid) : null;
  let report: WriteReport;
  try {
    report = await writeSheets(host, plans, read, { activate: options.activate, log: options.log, existing: options.keep?.existing, guards: guard ? [guard] : [] });
  } catch (e) {
    return { kind: "failed", issues: [writeFailed(e)] };
  }
  if (!report.ok) return { kind: "failed", issues: report.issues };
  const meanwhile = guard ? await keepConcurrentEdits(host, read, [voteGrid], report) : { issues: [], syncs: 0 };
  // Every write follows exactly one read of the same action.
  return { kind: "written", sheets: plans.map((p) => p.name), syncs: report.syncs + 1 + meanwhile.syncs, issues: [...(options.keep?.issues ?? []), ...report.issues, ...meanwhile.issues] };
}

