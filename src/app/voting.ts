import { readFailed, unfinishedIssues, writeFailed } from "./failures";
import { validateBloc, type Bloc } from "../domain/bloc/bloc";
import { error, hasErrors, warning, type Issue, type Message, type Where } from "../domain/issues";
import { cleanText, nameKey } from "../domain/text";
import { checkBallotEntries } from "../domain/voting/checks";
import { reconcile, type EntryDifference } from "../domain/voting/doubleEntry";
import { ballotsFingerprint, handCountFingerprint } from "../domain/voting/fingerprint";
import { nextLeadership, type LeaderMode } from "../domain/voting/leader";
import { checkCandidatesAreMembers, checkRuleChosen, checkVote, checkVoteShape, CUSTOM_RULE, normalizeVoteNames, RULE_PRESETS, type Ballot, type HandCount, type Purpose, type Rule, type RulePresetKey, type Vote, type VoteIssue } from "../domain/voting/model";
import { applyMeeting, nextVoteId, revoteId, VOTE_ID, type VoteRecord, type VoteRecordDraft } from "../domain/voting/record";
import { revoteRound, runoffRound, tally, type TallyResult } from "../domain/voting/tally";
import { writeSheets, type ExistingSheet, type WriteReport } from "../excel/apply";
import { guardOf, keepConcurrentEdits } from "./concurrent";
import { writeCells, type CellWrite } from "../excel/cells";
import type { ExcelHost } from "../excel/host";
import { readWorkbook, type SheetRead, type WorkbookRead } from "../excel/read";
import { cellAddress } from "../workbook/a1";
import { BLOC_NAMES, BLOC_SHEET, readBlocSheet } from "../workbook/bloc/blocSheet";
import { LEADERSHIP_SHEET, leadershipSheetPlan, readLeadershipSheet, upsertLeadership, type LeadershipRow } from "../workbook/bloc/leadershipSheet";
import type { Grid } from "../workbook/grid";
import type { SheetPlan } from "../workbook/plan";
import { readSummary, SUMMARY_SHEET, type SummaryLine } from "../workbook/scoring/summarySheet";
import { ballotEntrySheetPlan, FIELD_LABELS as ENTRY_LABELS, MANUAL_REASON_TEXT, readBallotSheetRows, type BallotSheetRead } from "../workbook/voting/ballotSheet";
import { handCountSheetPlan, readHandCountSheet } from "../workbook/voting/handCountSheet";
import { minutesSheetPlan, type MinutesInput } from "../workbook/voting/minutesSheet";
import { printBallotsPlan } from "../workbook/voting/printSheet";
import { readVoteSheet, VOTE_SHEET, voteNames, voteSheetPlan } from "../workbook/voting/voteSheet";

/**
 * The secret-ballot use cases (issue #4): create a vote (its definition on "Bỏ phiếu", its entry
 * sheets and printable ballots), count it (one read: the entries, reconciled, checked, tallied,
 * ties settled by the declared rule), record the meeting's decisions, start a revote round, write
 * the vote-count minutes, and write next year's bloc leadership. Reads cost one round trip, writes
 * one more; nothing is kept outside the workbook.
 */

const say = (vi: string, en: string): Message => ({ vi, en });

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
const anchor = (id: string) => {
  const s = voteSheets(id);
  return { first: `${s.first.prefix}_Phieu`, second: `${s.second.prefix}_Phieu`, hand: `${s.hand.prefix}_KetQua` };
};

const gridOf = (r: SheetRead): Grid => ({ sheet: r.name, row: r.row, col: r.col, values: r.values });
const readOrNull = (r: SheetRead | undefined): Grid | null => (r?.exists ? gridOf(r) : null);

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

/** Reads what the voting step shows: the bloc, the votes, the ranking and the leadership record. One round trip. */
export async function loadVoting(host: ExcelHost): Promise<{ ok: true; context: VotingContext } | { ok: false; issues: Issue[] }> {
  try {
    return { ok: true, context: contextOf(await readWorkbook(host, BASE_READ)) };
  } catch (e) {
    return { ok: false, issues: [readFailed(e)] };
  }
}

// ------------------------------------------------------------------------------------ new votes

export type VotePurposeKind = Purpose["kind"];

/**
 * A new vote with sensible defaults, every field editable in the pane: for an award, the units
 * classified in the top band of "Tổng hợp" (in rank order; all members when there is no ranking),
 * an approve list with the award's quota; for the leader, a choose-one ballot among all members; a
 * deputy likewise. The passing rule is not chosen (null): no general rule in force was found for a
 * bloc's vote (DOMAIN §3), so the bloc picks one (`withRule`) and creating refuses until it does.
 */
export function newVoteRecord(ctx: Pick<VotingContext, "bloc" | "records" | "summary">, kind: VotePurposeKind, award = "Cờ thi đua của UBND tỉnh", seats = 1): VoteRecordDraft {
  const members = ctx.bloc?.members.map((m) => m.name) ?? [];
  const ranked = [...ctx.summary].filter((l) => l.rank !== null).sort((a, b) => (a.rank as number) - (b.rank as number));
  const topBand = ranked[0]?.band ?? "";
  let candidates = kind === "award" && ranked.length ? ranked.filter((l) => topBand && l.band === topBand).map((l) => l.unit) : members;
  if (!candidates.length) candidates = members.length ? members : ["(đơn vị)"];
  const n = members.length || candidates.length;
  const purpose: Purpose = kind === "award" ? { kind: "award", award } : { kind };
  const title =
    kind === "award" ? `Suy tôn đơn vị đề nghị ${award} năm ${ctx.bloc?.year ?? ""}`.trim() : kind === "leader" ? `Bầu Trưởng khối năm ${(ctx.bloc?.year ?? 0) + 1}` : `Bầu Phó trưởng khối năm ${(ctx.bloc?.year ?? 0) + 1}`;
  const vote: VoteRecordDraft["vote"] = {
    purpose,
    round: 1,
    parent: null,
    title,
    candidates,
    ballot: kind === "award" ? { kind: "approve", quota: Math.max(1, seats) } : seats > 1 ? { kind: "chooseUpTo", n: seats } : { kind: "chooseOne" },
    rule: null,
    ruleSource: "",
    invalid: { overQuota: "invalid", noneMarked: kind === "award" ? "valid" : "invalid" },
    toElect: Math.max(1, seats),
    tieRule: kind === "award" ? ["higherScore", "revote"] : ["revote"],
    // Electing the leader or a deputy must end with someone elected: nobody reaching the rule calls a run-off among the top (editable).
    ...(kind === "award" ? {} : { runoff: true }),
    committee: { head: "", members: [] },
    attendance: { members: n, present: n },
  };
  return { id: nextVoteId(ctx.records.map((r) => r.id)), vote, issued: n, entry: "ballots", doubleEntry: true, decision: null, meeting: null };
}

/**
 * The bloc's choice of rule: a preset (its rule and its source, DOMAIN §3) or its own rule, with
 * the source it gives ("Quy chế hoạt động của Khối, Điều 5"), by default "Do khối thống nhất quy định".
 */
export function withRule(record: VoteRecordDraft, choice: RulePresetKey | { rule: Rule; source?: string }): VoteRecord {
  const { rule, source } =
    typeof choice === "string" ? { rule: RULE_PRESETS[choice].rule, source: RULE_PRESETS[choice].source.vi } : { rule: choice.rule, source: cleanText(choice.source ?? "") || CUSTOM_RULE.source.vi };
  return { ...record, vote: { ...record.vote, rule: { ...rule, quorum: rule.quorum ? { ...rule.quorum } : null }, ruleSource: source } };
}

export interface CreateOptions {
  /** Also lay out the printable ballots (default true). */
  print?: boolean;
  /**
   * A later round's own attendance (members may leave between rounds): those present and the
   * ballots issued; by default the previous round's. Revotes and run-offs only.
   */
  round?: { present?: number; issued?: number };
  /** Ballot rows on the entry sheets (default: ballots issued, at least the members, plus 5 spare). */
  rows?: number;
  at?: Date;
}

export type WriteOutcome =
  /** `id`: the vote's id as written (a new vote takes the next free one if a co-author took its id meanwhile). */
  | { kind: "written"; sheets: string[]; syncs: number; issues: Issue[]; id?: string }
  | { kind: "invalid"; issues: Issue[] }
  | { kind: "failed"; issues: Issue[] };

function entryPlans(bloc: Bloc | null, record: VoteRecord, opts: CreateOptions): SheetPlan[] {
  const { id, vote } = record;
  const s = voteSheets(id);
  const refs = voteNames(id);
  const rows = opts.rows ?? Math.max(record.issued ?? 0, vote.attendance.members) + 5;
  const plans: SheetPlan[] = [];
  if (record.entry === "ballots") {
    plans.push(ballotEntrySheetPlan(vote, { sheet: s.first.sheet, rows, namePrefix: s.first.prefix, refs, subtitle: record.doubleEntry ? "Nhập lần 1" : undefined }).plan);
    if (record.doubleEntry) plans.push(ballotEntrySheetPlan(vote, { sheet: s.second.sheet, rows, namePrefix: s.second.prefix, refs, subtitle: "Nhập lần 2 (độc lập với lần 1)" }).plan);
  } else {
    plans.push(handCountSheetPlan(vote, { sheet: s.hand.sheet, refs, namePrefix: s.hand.prefix }).plan);
  }
  if (opts.print !== false && bloc) {
    plans.push(printBallotsPlan(vote, { sheet: s.print.sheet, bloc: { name: bloc.name, province: bloc.province, year: bloc.year }, count: Math.max(1, record.issued ?? vote.attendance.present) }));
  }
  return plans;
}

/**
 * Creates a vote: adds its column to "Bỏ phiếu" (keeping every other vote as read) and writes its
 * entry sheet(s) and printable ballots. Refuses a definition with errors, an id already used, or a
 * "Bỏ phiếu" sheet that does not read cleanly (it would be rewritten). One read, one write.
 */
export async function createVote(host: ExcelHost, draft: VoteRecordDraft, opts: CreateOptions = {}): Promise<WriteOutcome> {
  // The rule is the bloc's explicit choice, with its source: refused before anything is read.
  const unchosen = checkRuleChosen(draft.vote);
  if (unchosen.length) return { kind: "invalid", issues: unchosen.map(({ ref: _ref, ...i }) => i) };
  // Every name in one Unicode form (DOMAIN §6): a candidate typed or pasted in NFD is written NFC.
  const record: VoteRecord = { ...draft, vote: normalizeVoteNames({ ...draft.vote, rule: draft.vote.rule as Rule, ruleSource: draft.vote.ruleSource ?? "" }) };
  // A new vote's id is the next number, which two people creating votes at once would both take.
  // Its entry sheet's name is the lock: adding it fails, before anything changes, when the id was
  // taken since the read; then the vote is created once more, from a fresh read, under the next id.
  let current = record;
  const issues: Issue[] = [];
  for (let attempt = 0; ; attempt++) {
    let read: WorkbookRead;
    try {
      read = await readWorkbook(host, BASE_READ);
    } catch (e) {
      return { kind: "failed", issues: [readFailed(e)] };
    }
    const taken = contextOf(read).records.map((r) => r.id);
    if (current.vote.round === 1 && taken.includes(current.id)) {
      const id = nextVoteId(taken);
      issues.push(warning("vote.id.changed", say(`Mã ${current.id} vừa được dùng cho một cuộc bỏ phiếu khác (có người khác cùng làm việc trên tệp): cuộc bỏ phiếu này lấy mã ${id}.`, `Id ${current.id} was just taken by another vote (someone else is working on the file): this vote takes id ${id}.`)));
      current = { ...current, id };
    }
    const out = await createFromRead(host, read, current, opts);
    const lost = out.kind === "failed" && out.issues.some((i) => i.code === "excel.ItemAlreadyExists");
    if (lost && attempt === 0 && current.vote.round === 1) continue;
    if (out.kind === "written") return { ...out, id: current.id, issues: [...issues, ...out.issues], syncs: out.syncs + attempt * 2 };
    return out;
  }
}

/** Creates a vote from what was read (a revote reuses its count's read). One write. */
async function createFromRead(host: ExcelHost, read: WorkbookRead, record: VoteRecord, opts: CreateOptions): Promise<WriteOutcome> {
  const ctx = contextOf(read);
  const issues: Issue[] = [];
  if (!VOTE_ID.test(record.id)) issues.push(error("vote.id.invalid", say(`Mã cuộc bỏ phiếu "${record.id}" không hợp lệ (dạng V1, V2, V1_2).`, `Vote id "${record.id}" is invalid (V1, V2, V1_2).`)));
  if (ctx.records.some((r) => r.id === record.id)) issues.push(error("vote.id.taken", say(`Đã có cuộc bỏ phiếu mã ${record.id}.`, `Vote ${record.id} already exists.`)));
  if (hasErrors(ctx.recordIssues)) {
    issues.push(
      error("vote.sheet.invalid", say(`Trang "${VOTE_SHEET}" có lỗi: sửa các lỗi dưới đây trước khi thêm cuộc bỏ phiếu mới.`, `Sheet "${VOTE_SHEET}" has errors: fix them before adding a vote.`)),
      ...ctx.recordIssues,
    );
  }
  // The definition's shape first (a number typed wrong, an empty name): the other checks assume it.
  const shape = checkVoteShape(record.vote);
  const own = shape.length ? shape : checkVote(record.vote);
  issues.push(...own.filter((i) => i.severity === "error"));
  // Candidates are member units (DOMAIN §1), when the bloc is known.
  if (ctx.bloc) issues.push(...checkCandidatesAreMembers(record.vote, ctx.bloc.members));
  issues.push(...checkIssued(record));
  if (hasErrors(issues)) return { kind: "invalid", issues };
  const warned = own.filter((i) => i.severity !== "error");
  const records = [...ctx.records, record];
  const defPlan = voteSheetPlan(records).plan;
  if (ctx.voteSheet) defPlan.name = ctx.voteSheet;
  const plans = [defPlan, ...entryPlans(ctx.bloc, record, opts)];
  // A new vote's sheets are new: a sheet already under one of their names (left from a vote whose
  // column was deleted, or the bloc's own) is kept under another name, with its ballots.
  const keep = keepOldVoteSheet(read, ctx);
  const taken = new Set(read.sheets.map(nameKey));
  for (const p of plans.slice(1)) {
    if (!taken.has(nameKey(p.name))) continue;
    // Not this vote's (a sheet left from a vote whose column was deleted, or the bloc's own): moved aside whole.
    keep.existing = { ...(keep.existing ?? {}), [p.name]: "renameAside" };
    keep.issues.push(warning("vote.sheet.nameTaken", say(`Đã có trang "${p.name}": trang cũ được giữ lại dưới tên "${p.name} (cũ)".`, `Sheet "${p.name}" already exists: it is kept as "${p.name} (cũ)".`), { sheet: p.name }));
  }
  keep.issues.unshift(...warned);
  return write(host, read, plans, {
    keep,
    activate: plans[1]?.name,
    log: { action: "Tạo cuộc bỏ phiếu", object: `${record.id}: ${record.vote.title}`, counts: `${record.vote.candidates.length} đơn vị, chọn ${record.vote.toElect}` },
  });
}

/**
 * The ballots issued, when recorded: a whole number, not negative, at most those present (the
 * ballots are handed out at the meeting; DOMAIN §4). `vote.value.invalid`, `vote.issued.overPresent`.
 */
function checkIssued(record: VoteRecord): Issue[] {
  const n = record.issued;
  if (n === null) return [];
  if (!Number.isInteger(n) || n < 0) {
    return [{ ...error("vote.value.invalid", say(`Giá trị chưa hợp lệ ("${String(n)}"): Số phiếu phát ra. Nhập số nguyên không âm.`, `Value not valid ("${String(n)}"): Ballots issued. Give a whole number, not negative.`)), field: "issued" }];
  }
  const present = record.vote.attendance.present;
  if (Number.isInteger(present) && n > present) {
    return [{ ...error("vote.issued.overPresent", say(`Số phiếu phát ra (${n}) nhiều hơn số thành viên có mặt (${present}).`, `Ballots issued (${n}) exceed the members present (${present}).`)), field: "issued" }];
  }
  return [];
}

/**
 * Text on the read "Bỏ phiếu" sheet that its rewrite would not carry (a note typed beside the
 * table, a column the reader does not know): the rewrite then keeps the old sheet as
 * "Bỏ phiếu (cũ)" and says so, so nothing the bloc typed is lost.
 */
function keepOldVoteSheet(read: WorkbookRead, ctx: VotingContext): { existing?: Record<string, ExistingSheet>; issues: Issue[] } {
  const sheet = ctx.voteSheet;
  const grid = sheet ? (read.byName[VOTE_SHEET]?.exists ? read.byName[VOTE_SHEET] : read.byDefinedName["BX_BoPhieu"]) : undefined;
  return keepIfExtra(grid, voteSheetPlan(ctx.records).plan, "vote.sheet.keptOld", { vi: "các cuộc bỏ phiếu", en: "the votes" });
}

/**
 * A sheet the add-in rewrites from what it read: when it holds text that `read` (the plan of what
 * the reader understood, before the change) does not explain, keep the old one as "<name> (cũ)"
 * and say so.
 */
export function keepIfExtra(grid: SheetRead | undefined, plan: SheetPlan, code: string, what: Message): { existing?: Record<string, ExistingSheet>; issues: Issue[] } {
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
      warning(
        code,
        say(
          `Trang "${sheet}" có ${extra.length} ô ngoài ${what.vi} (${extra.slice(0, 3).join(", ")}${extra.length > 3 ? "…" : ""}): bản cũ được giữ lại dưới tên "${sheet} (cũ)".`,
          `Sheet "${sheet}" has ${extra.length} cells outside ${what.en} (${extra.slice(0, 3).join(", ")}${extra.length > 3 ? "…" : ""}): the old one is kept as "${sheet} (cũ)".`,
        ),
        { sheet, cell: extra[0] },
      ),
    ],
  };
}

async function write(
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

// ---------------------------------------------------------------------------------------- count

export interface CountResult {
  record: VoteRecord;
  result: TallyResult;
  /** After the meeting's decision, when one was recorded for a tie left to it. */
  elected: string[];
  final: boolean;
  differences: EntryDifference[];
  entryStatement: Message | null;
  fingerprint: string;
  /** Every issue, placed on its sheet and cell. */
  issues: Issue[];
  ballots: number;
}

export type CountOutcome = { kind: "counted"; count: CountResult; context: VotingContext; read: WorkbookRead } | { kind: "invalid"; issues: Issue[] } | { kind: "failed"; issues: Issue[] };

/** Where a vote issue goes: its ballot's row, its candidate's column, or the total's cell. */
function placer(record: VoteRecord, ctx: VotingContext, first: BallotSheetRead | null, firstGrid: Grid | null, hand: ReturnType<typeof readHandCountSheet> | null, handGrid: Grid | null) {
  const rowOf = new Map<number, number>();
  for (const r of first?.rows ?? []) if (!rowOf.has(r.ballot.number)) rowOf.set(r.ballot.number, r.row);
  const defField: Record<string, string> = { members: "members", present: "present", issued: "issued" };
  return (i: VoteIssue): Issue => {
    const { ref, ...rest } = i;
    let where: Where | undefined = i.where;
    if (ref.total && defField[ref.total]) where = ctx.cellOf(record.id, defField[ref.total]);
    else if (ref.total && hand && handGrid) {
      const c = hand.cells.total[ref.total];
      if (c) where = { sheet: handGrid.sheet, cell: c };
    } else if (ref.total && firstGrid && ref.total in ENTRY_LABELS) {
      // A total of the ballots entered: its cell in the entry sheet's results block (beside its label).
      const label = nameKey(ENTRY_LABELS[ref.total as keyof typeof ENTRY_LABELS]);
      firstGrid.values.forEach((row, r) =>
        row.forEach((v, c) => {
          if (!where && typeof v === "string" && nameKey(v) === label) where = { sheet: firstGrid.sheet, cell: cellAddress(firstGrid.row + r, firstGrid.col + c + 1) };
        }),
      );
    } else if (ref.ballot !== undefined && firstGrid && rowOf.has(ref.ballot)) where = { sheet: firstGrid.sheet, cell: `A${rowOf.get(ref.ballot)}` };
    else if (ref.candidate && hand && handGrid) {
      const c = hand.cells.candidate[ref.candidate] ?? Object.entries(hand.cells.candidate).find(([k]) => nameKey(k) === nameKey(ref.candidate as string))?.[1];
      if (c) where = { sheet: handGrid.sheet, cell: c };
    }
    if (!where && i.field) where = ctx.cellOf(record.id, i.field.split(".")[0]);
    return where ? { ...rest, where } : rest;
  };
}

function entryIssues(read: BallotSheetRead, grid: Grid, which: string, vote?: Vote): Issue[] {
  const out: Issue[] = [];
  if (vote) {
    const want = vote.candidates.map(nameKey);
    const have = read.candidates.map(nameKey);
    if (want.length !== have.length || want.some((k, i) => k !== have[i])) {
      out.push(
        error(
          "vote.entry.candidatesChanged",
          say(
            `${which}: danh sách đơn vị trên trang nhập (${read.candidates.length}) khác danh sách của cuộc bỏ phiếu trên trang "${VOTE_SHEET}" (${vote.candidates.length}). Danh sách đã sửa sau khi tạo trang nhập: hãy tạo cuộc bỏ phiếu mới với danh sách đúng.`,
            `${which}: the entry sheet's candidates (${read.candidates.length}) differ from the vote's on "${VOTE_SHEET}" (${vote.candidates.length}). The list was edited after the entry sheet was made: create a new vote with the right list.`,
          ),
          { sheet: grid.sheet, cell: cellAddress(grid.row, grid.col) },
        ),
      );
    }
  }
  for (const row of read.noNumber) {
    out.push(error("vote.entry.noNumber", say(`${which}: dòng ${row} có đánh dấu nhưng thiếu số phiếu.`, `${which}: row ${row} has marks but no ballot number.`), { sheet: grid.sheet, cell: `A${row}` }));
  }
  for (const cell of read.unnamedMarks) {
    out.push(
      error(
        "vote.entry.markNoCandidate",
        say(`${which}: ô ${cell} có đánh dấu trong cột không có tên đơn vị: đánh dấu cho người ngoài danh sách không được tính là phiếu trống. Xóa dấu hoặc ghi lý do không hợp lệ.`, `${which}: cell ${cell} is marked in a column that names no candidate: a mark for someone off the list is not a blank. Clear it or record the invalid reason.`),
        { sheet: grid.sheet, cell },
      ),
    );
  }
  for (const cell of read.unknownMarks) {
    out.push(error("vote.entry.unknownMark", say(`${which}: ô ${cell} có dấu không hợp lệ (chỉ "x" hoặc "k").`, `${which}: cell ${cell} holds an unknown mark (only "x" or "k").`), { sheet: grid.sheet, cell }));
  }
  return out;
}

/**
 * Counts a vote from the workbook, in one round trip: reads its definition and entry sheets, the
 * ranking (for the "higher score" step), reconciles a double entry, checks, tallies and settles a
 * tie by the declared rule; applies the meeting's recorded decision.
 */
export async function countVote(host: ExcelHost, id: string): Promise<CountOutcome> {
  let read: WorkbookRead;
  try {
    // The minutes sheet too: a line added to it by hand is kept aside before it is written again (issue #11).
    read = await readWorkbook(host, countRequest([id], { sheets: [voteSheets(id).minutes.sheet] }));
  } catch (e) {
    return { kind: "failed", issues: [readFailed(e)] };
  }
  return countFromRead(read, contextOf(read), id);
}

/**
 * A ballot entry sheet: a row per ballot (up to 10,000), a column per candidate (up to 60) and the
 * results block beside; marks "x"/"k" or empty, about 5 bytes a cell in a response.
 */
export const ENTRY_READ = { width: 80, cellBytes: 5 };

/** What a count of these votes reads: the base sheets and every entry sheet of each (one round trip, more only for very long entry sheets). */
export function countRequest(ids: readonly string[], extra: { sheets?: string[]; sheetsOfNames?: string[] } = {}) {
  const anchors = ids.flatMap((id) => Object.values(anchor(id)));
  const entries = ids.flatMap((id) => [anchor(id).first, anchor(id).second]);
  return {
    sheets: [...BASE_READ.sheets, ...(extra.sheets ?? [])],
    sheetsOfNames: [...BASE_READ.sheetsOfNames, ...anchors, ...(extra.sheetsOfNames ?? [])],
    formulasOf: [...BASE_READ.formulasOf, ...(extra.sheets ?? [])],
    heavy: Object.fromEntries(entries.map((n) => [n, ENTRY_READ])),
  };
}

/** Counts several votes from one read (the nomination step counts every award vote at once). */
export async function countVotes(host: ExcelHost, ids: readonly string[], extra: { sheets?: string[]; sheetsOfNames?: string[] } = {}): Promise<{ ok: true; read: WorkbookRead; context: VotingContext; counts: CountOutcome[] } | { ok: false; issues: Issue[] }> {
  let read: WorkbookRead;
  try {
    read = await readWorkbook(host, countRequest(ids, extra));
  } catch (e) {
    return { ok: false, issues: [readFailed(e)] };
  }
  const context = contextOf(read);
  return { ok: true, read, context, counts: ids.map((id) => countFromRead(read, context, id)) };
}

/** Counts one vote from what was read: reconcile, check, tally, settle, apply the meeting's decision. */
export function countFromRead(read: WorkbookRead, ctx: VotingContext, id: string): CountOutcome {
  const a = anchor(id);
  const record = ctx.records.find((r) => r.id === id);
  if (!record) {
    return { kind: "invalid", issues: [error("vote.notFound", say(`Không tìm thấy cuộc bỏ phiếu ${id} trên trang "${VOTE_SHEET}".`, `Vote ${id} is not on sheet "${VOTE_SHEET}".`)), ...ctx.recordIssues] };
  }
  const { vote } = record;
  const issues: Issue[] = [];
  const scores: Record<string, number> = {};
  for (const l of ctx.summary) if (l.total !== null) scores[l.unit] = l.total;
  // A sheet of this vote whose last write stopped part-way is not counted from.
  const own = Object.values(voteSheets(id)).map((x) => nameKey(x.sheet));
  issues.push(...unfinishedIssues(read, (sheet) => own.includes(nameKey(sheet)) || nameKey(sheet) === nameKey(VOTE_SHEET)));
  const issuedCell = ctx.cellOf(id, "issued");
  let issued = record.issued;
  if (issued === null) {
    issues.push(error("vote.issued.missing", say(`Chưa ghi số phiếu phát ra của cuộc bỏ phiếu ${id}.`, `Ballots issued are not recorded for vote ${id}.`), issuedCell));
    issued = 0;
  }

  let result: TallyResult;
  let differences: EntryDifference[] = [];
  let entryStatement: Message | null = null;
  let fingerprint: string;
  let ballots = 0;
  if (record.entry === "ballots") {
    const g1 = readOrNull(read.byDefinedName[a.first]);
    if (!g1) return { kind: "invalid", issues: [error("vote.entry.missing", say(`Không tìm thấy trang nhập phiếu của ${id} ("${voteSheets(id).first.sheet}").`, `The entry sheet of ${id} ("${voteSheets(id).first.sheet}") is missing.`))] };
    const r1 = readBallotSheetRows(g1);
    issues.push(...entryIssues(r1, g1, record.doubleEntry ? "Lần nhập 1" : "Nhập phiếu", vote));
    let use: Ballot[] = r1.rows.map((r) => r.ballot);
    if (record.doubleEntry) {
      const g2 = readOrNull(read.byDefinedName[a.second]);
      if (!g2) return { kind: "invalid", issues: [error("vote.entry.missing", say(`Không tìm thấy trang nhập lần 2 của ${id}.`, `The second entry sheet of ${id} is missing.`))] };
      const r2 = readBallotSheetRows(g2);
      issues.push(...entryIssues(r2, g2, "Lần nhập 2", vote));
      const rec = reconcile(vote.candidates, use, r2.rows.map((r) => r.ballot), record.decision);
      differences = rec.differences;
      entryStatement = rec.statement;
      const row2 = new Map(r2.rows.map((r) => [r.ballot.number, r.row]));
      // A difference points at the second entry's cell (the ballot's number, or its mark for the candidate).
      const col = (cand?: string) => {
        const k = cand ? vote.candidates.findIndex((c) => nameKey(c) === nameKey(cand)) : -1;
        return k >= 0 ? 1 + k : 0;
      };
      for (const d of rec.issues) {
        const r = row2.get(d.ref.ballot) ?? r1.rows.find((x) => x.ballot.number === d.ref.ballot)?.row;
        const { ref, ...rest } = d;
        issues.push(r ? { ...rest, where: { sheet: row2.has(ref.ballot) ? g2.sheet : g1.sheet, cell: cellAddress(r - 1, col(ref.candidate)) } } : rest);
      }
      if (rec.ballots) use = rec.ballots;
    }
    ballots = use.length;
    result = tally(vote, { ballots: use }, { issued, scores });
    fingerprint = ballotsFingerprint(use);
    const place = placer(record, ctx, r1, g1, null, null);
    issues.push(...result.issues.map(place));
  } else {
    const g = readOrNull(read.byDefinedName[a.hand]);
    if (!g) return { kind: "invalid", issues: [error("vote.entry.missing", say(`Không tìm thấy trang kiểm đếm tay của ${id}.`, `The hand-count sheet of ${id} is missing.`))] };
    const hc = readHandCountSheet(g);
    issues.push(...hc.issues);
    const count: HandCount = hc.count ?? { issued, returned: 0, valid: 0, invalid: 0, votes: {} };
    result = tally(vote, { handCount: { ...count, issued } }, { issued, scores });
    fingerprint = handCountFingerprint(count);
    ballots = count.returned;
    const place = placer(record, ctx, null, null, hc, g);
    issues.push(...result.issues.map(place));
  }
  const meeting = applyMeeting(result.conclusion.meetingDecides, result.conclusion.elected, record.meeting);
  issues.push(...meeting.issues.map((i) => ({ ...i, where: ctx.cellOf(id, "elected") })));
  const concluded = !hasErrors(issues);
  const final = concluded && !result.conclusion.revote && !result.conclusion.runoff && meeting.decided;
  return { kind: "counted", count: { record, result, elected: meeting.elected, final, differences, entryStatement, fingerprint, issues, ballots }, context: ctx, read };
}

// ------------------------------------------------------------------------------------ entering

export type EnterOutcome = { kind: "entered"; cells: number; syncs: number; issues: Issue[] } | { kind: "confirm"; issues: Issue[] } | { kind: "invalid"; issues: Issue[] } | { kind: "failed"; issues: Issue[] };

const MARK_TEXT = { approve: "x", reject: "k", blank: null } as const;

/**
 * Types ballots into a vote's entry sheet (entry 1 or 2), as a typist would: one row per ballot,
 * "x"/"k" marks and the manual reason. Used by the headless runner and for importing ballots typed
 * elsewhere. Rows already holding ballots are only replaced with `replace`. Two round trips.
 */
export async function enterBallots(host: ExcelHost, id: string, which: 1 | 2, ballots: Ballot[], opts: { replace?: boolean } = {}): Promise<EnterOutcome> {
  const s = voteSheets(id);
  const name = `${which === 1 ? s.first.prefix : s.second.prefix}_Phieu`;
  let read: WorkbookRead;
  try {
    read = await readWorkbook(host, { ...BASE_READ, regions: [name], heavy: { [name]: ENTRY_READ } });
  } catch (e) {
    return { kind: "failed", issues: [readFailed(e)] };
  }
  const ctx = contextOf(read);
  const record = ctx.records.find((r) => r.id === id);
  const region = read.regions[name];
  if (!record || !region?.exists) {
    return { kind: "invalid", issues: [error("vote.entry.missing", say(`Không tìm thấy trang nhập phiếu ${which === 2 ? "lần 2 " : ""}của ${id}.`, `The ${which === 2 ? "second " : ""}entry sheet of ${id} is missing.`))] };
  }
  const { vote } = record;
  const sheet = region.sheet ?? "";
  const [row0, col0] = [region.row ?? 0, region.col ?? 0];
  const width = vote.candidates.length + 2 + (vote.writtenOpinions ? 1 : 0); // number, marks, reason (, written opinion)
  if (ballots.length > region.values.length) {
    return {
      kind: "invalid",
      issues: [error("vote.entry.tooMany", say(`Trang nhập có ${region.values.length} dòng, không đủ cho ${ballots.length} phiếu: tạo lại cuộc bỏ phiếu với số phiếu phát ra đúng.`, `The entry sheet has ${region.values.length} rows, too few for ${ballots.length} ballots: create the vote again with the right number issued.`))],
    };
  }
  // Nothing is typed that the sheet could not hold as given: a mark for someone without a column,
  // a unit approved and rejected, a bad or repeated number (each at the row it would take).
  const bad = checkBallotEntries(vote, ballots);
  if (bad.length) return { kind: "invalid", issues: bad.map(({ index, issue: { ref: _ref, ...i } }) => ({ ...i, where: { sheet, cell: cellAddress(row0 + index, col0) } })) };
  const typed = region.values.filter((row) => row.slice(0, width).some((v) => v !== "" && v !== null)).length;
  if (typed && !opts.replace) {
    return { kind: "confirm", issues: [warning("vote.entry.replace", say(`Trang "${sheet}" đã có ${typed} phiếu. Ghi đè?`, `Sheet "${sheet}" already holds ${typed} ballots. Replace them?`))] };
  }
  const writes: CellWrite[] = [];
  region.values.forEach((was, i) => {
    const b = ballots[i];
    const r = row0 + i;
    const cells: (string | number | null)[] = b
      ? [
          b.number,
          ...vote.candidates.map((c) => {
            const k = nameKey(c);
            if ("marks" in b) {
              const m = Object.entries(b.marks).find(([n]) => nameKey(n) === k)?.[1] ?? "blank";
              return MARK_TEXT[m];
            }
            return b.chosen.some((n) => nameKey(n) === k) ? "x" : null;
          }),
          b.manualInvalid ? MANUAL_REASON_TEXT[b.manualInvalid] : null,
          ...(vote.writtenOpinions ? [b.written ? "x" : null] : []),
        ]
      : Array<null>(width).fill(null);
    // `expected`: what the read saw there, so a ballot typed meanwhile on another computer is kept.
    cells.forEach((value, c) => {
      if (b || typed) writes.push({ sheet, address: cellAddress(r, col0 + c), value, expected: (was[c] ?? null) as string | number | boolean | null });
    });
  });
  const w = await writeCells(host, writes, { log: { entry: { action: "Nhập phiếu", object: `${id} lần ${which}`, counts: `${ballots.length} phiếu` }, state: read } });
  return w.ok ? { kind: "entered", cells: writes.length, syncs: 1 + w.syncs, issues: w.issues } : { kind: "failed", issues: w.issues };
}

/** Types a hand count (returned, valid, invalid, votes per candidate, reasons) into the vote's hand-count sheet. Two round trips. */
export async function enterHandCount(host: ExcelHost, id: string, count: Omit<HandCount, "issued">): Promise<EnterOutcome> {
  const a = anchor(id);
  let read: WorkbookRead;
  try {
    read = await readWorkbook(host, { ...BASE_READ, sheetsOfNames: [...BASE_READ.sheetsOfNames, a.hand] });
  } catch (e) {
    return { kind: "failed", issues: [readFailed(e)] };
  }
  const g = readOrNull(read.byDefinedName[a.hand]);
  if (!g) return { kind: "invalid", issues: [error("vote.entry.missing", say(`Không tìm thấy trang kiểm đếm tay của ${id}.`, `The hand-count sheet of ${id} is missing.`))] };
  const hc = readHandCountSheet(g);
  const writes: CellWrite[] = [];
  const put = (cell: string | undefined, value: number) => cell && writes.push({ sheet: g.sheet, address: cell, value });
  put(hc.cells.total.returned, count.returned);
  put(hc.cells.total.valid, count.valid);
  put(hc.cells.total.invalid, count.invalid);
  const issues: Issue[] = [];
  // Counts are whole numbers, not negative (DOMAIN §4): refused before anything is typed, at the cell it would fill.
  const whole = (what: Message, v: number | undefined, cell: string | undefined) => {
    if (v === undefined || (Number.isInteger(v) && v >= 0)) return;
    issues.push(error("vote.count.notCount", say(`${what.vi} (${String(v)}) phải là số nguyên không âm.`, `${what.en} (${String(v)}) must be a whole number, not negative.`), { sheet: g.sheet, ...(cell ? { cell } : {}) }));
  };
  whole(say("Số phiếu thu vào", "Ballots returned"), count.returned, hc.cells.total.returned);
  whole(say("Số phiếu hợp lệ", "Valid ballots"), count.valid, hc.cells.total.valid);
  whole(say("Số phiếu không hợp lệ", "Invalid ballots"), count.invalid, hc.cells.total.invalid);
  for (const [name, v] of Object.entries(count.votes)) {
    const cell = Object.entries(hc.cells.candidate).find(([k]) => nameKey(k) === nameKey(name))?.[1];
    if (!cell) issues.push(error("vote.candidate.unknown", say(`"${name}" không có trong danh sách bỏ phiếu ${id}.`, `"${name}" is not on the ballot of ${id}.`), { sheet: g.sheet }));
    else {
      whole(say(`Số phiếu của "${cleanText(name)}"`, `The votes for "${cleanText(name)}"`), v, cell);
      put(cell, v);
    }
  }
  for (const [reason, n] of Object.entries(count.invalidReasons ?? {})) whole(say(`Số phiếu không hợp lệ (${reason})`, `Invalid ballots (${reason})`), n, hc.cells.reasons[reason as keyof typeof hc.cells.reasons]);
  if (hasErrors(issues)) return { kind: "invalid", issues };
  if (count.invalidReasons) {
    for (const [reason, n] of Object.entries(count.invalidReasons)) put(hc.cells.reasons[reason as keyof typeof hc.cells.reasons], n ?? 0);
  }
  const w = await writeCells(host, writes, { log: { entry: { action: "Nhập kết quả kiểm đếm tay", object: id, counts: `${count.returned} phiếu thu vào` }, state: read } });
  return w.ok ? { kind: "entered", cells: writes.length, syncs: 1 + w.syncs, issues: w.issues } : { kind: "failed", issues: w.issues };
}

// ------------------------------------------------------------------------------------- minutes

export interface MinutesOptions {
  place?: string;
  at?: Date;
}

/**
 * Counts the vote and writes its minutes ("Biên bản <id>"): refused while the count has errors
 * (differing entries undecided, totals that do not add up, quorum not met…). Two round trips.
 */
export async function writeMinutes(host: ExcelHost, id: string, opts: MinutesOptions = {}): Promise<WriteOutcome & { count?: CountResult }> {
  const c = await countVote(host, id);
  if (c.kind !== "counted") return c;
  const { count, context, read } = c;
  if (hasErrors(count.issues)) {
    return { kind: "invalid", issues: [error("vote.minutes.notConcluded", say("Kiểm phiếu còn lỗi: chưa thể lập biên bản. Sửa các lỗi dưới đây.", "The count has errors: the minutes cannot be written yet. Fix the issues below.")), ...count.issues] };
  }
  const input = minutesInput(count, context.bloc, opts);
  const out = await write(host, read, [minutesSheetPlan(input)], {
    log: {
      action: "Lập biên bản kiểm phiếu",
      object: `${id}: ${count.record.vote.title}`,
      counts: `${count.result.totals.returned} phiếu thu vào, ${count.result.totals.valid} hợp lệ`,
      note: `SHA-256 ${count.fingerprint.slice(0, 16)}…; được chọn: ${count.elected.join(", ") || "không"}`,
    },
  });
  return out.kind === "written" ? { ...out, count } : out;
}

/** What the vote-count minutes of a count say (the sheet and the .docx are made from it). */
export function minutesInput(count: CountResult, bloc: Bloc | null, opts: MinutesOptions = {}): MinutesInput {
  const at = opts.at ?? new Date();
  return {
    sheet: voteSheets(count.record.id).minutes.sheet,
    bloc: { name: bloc?.name ?? "", province: bloc?.province ?? "", year: bloc?.year ?? at.getFullYear() },
    record: count.record,
    result: count.result,
    fingerprint: count.fingerprint,
    entryStatement: count.entryStatement,
    place: opts.place ?? bloc?.province ?? "",
    at: { day: at.getDate(), month: at.getMonth() + 1, year: at.getFullYear(), hour: at.getHours(), minute: at.getMinutes() },
  };
}

// ----------------------------------------------------------------------------------- decisions

/**
 * Records a decision of the meeting on the vote's column of "Bỏ phiếu": which of two differing
 * entries to use (after checking the paper ballots) and/or the meeting's choice on a tie. Two round trips.
 */
export async function recordDecision(host: ExcelHost, id: string, patch: Partial<Pick<VoteRecord, "decision" | "meeting" | "issued">>): Promise<WriteOutcome> {
  let read: WorkbookRead;
  try {
    read = await readWorkbook(host, BASE_READ);
  } catch (e) {
    return { kind: "failed", issues: [readFailed(e)] };
  }
  const ctx = contextOf(read);
  if (hasErrors(ctx.recordIssues)) return { kind: "invalid", issues: ctx.recordIssues };
  const at = ctx.records.findIndex((r) => r.id === id);
  if (at < 0) return { kind: "invalid", issues: [error("vote.notFound", say(`Không tìm thấy cuộc bỏ phiếu ${id}.`, `Vote ${id} not found.`))] };
  // Names as typed in the pane or a scenario, in one Unicode form (DOMAIN §6).
  const clean: typeof patch = {
    ...patch,
    ...(patch.decision ? { decision: { accept: patch.decision.accept, by: cleanText(patch.decision.by) } } : {}),
    ...(patch.meeting ? { meeting: { elected: patch.meeting.elected.map(cleanText), note: cleanText(patch.meeting.note) } } : {}),
  };
  // The meeting chooses among the vote's candidates (the tie itself is checked when counting): a name off the list is refused here.
  const cands = new Set(ctx.records[at].vote.candidates.map(nameKey));
  const off = (clean.meeting?.elected ?? []).filter((n) => !cands.has(nameKey(n)));
  if (off.length) {
    const where = ctx.cellOf(id, "elected");
    return {
      kind: "invalid",
      issues: off.map((n) => ({
        ...error("vote.meeting.notCandidate", say(`Hội nghị chọn "${n}", không có trong danh sách bỏ phiếu ${id}.`, `The meeting chose "${n}", who is not on the ballot of ${id}.`), where),
        field: "meeting.elected",
      })),
    };
  }
  const records = ctx.records.map((r, i) => (i === at ? { ...r, ...clean } : r));
  const plan = voteSheetPlan(records).plan;
  if (ctx.voteSheet) plan.name = ctx.voteSheet;
  const what = [clean.decision ? `chấp nhận lần nhập ${clean.decision.accept === "first" ? 1 : 2} (${clean.decision.by})` : "", clean.meeting ? `hội nghị chọn ${clean.meeting.elected.join(", ")}` : "", patch.issued !== undefined ? `phát ra ${patch.issued}` : ""]
    .filter(Boolean)
    .join("; ");
  return write(host, read, [plan], { keep: keepOldVoteSheet(read, ctx), activate: plan.name, log: { action: "Ghi quyết định", object: id, counts: what || "—" } });
}

/**
 * Starts a revote among the tied: round n + 1 as a new vote (id V1_2…), keeping round n as it is,
 * with its own entry sheets and ballots. One read (the count's), one write.
 */
export async function startRevote(host: ExcelHost, id: string, opts: CreateOptions = {}): Promise<WriteOutcome & { id?: string }> {
  const c = await countVote(host, id);
  if (c.kind !== "counted") return c;
  const pending = c.count.result.conclusion.revote;
  if (!pending) return { kind: "invalid", issues: [warning("vote.revote.none", say("Kết quả không có bằng phiếu cần bỏ phiếu lại.", "The result has no tie to revote."))] };
  if (hasErrors(c.count.issues)) return { kind: "invalid", issues: c.count.issues };
  const prev = c.count.record;
  const vote = revoteRound(prev.vote, pending);
  const rid = revoteId(prev.id, vote.round);
  const record: VoteRecord = withRoundAttendance({ ...prev, id: rid, vote, decision: null, meeting: null }, opts);
  // The count's read holds everything creating needs: one read, one write in all.
  const out = await createFromRead(host, c.read, record, opts);
  return out.kind === "written" ? { ...out, id: rid } : out;
}

/**
 * Starts the run-off the count calls for (`Vote.runoff`: too few reached the rule): round n + 1
 * among the top candidates as a new vote (id V1_2…), round n kept as it is, with its own entry
 * sheets and ballots; the round is recorded as a run-off. One read (the count's), one write.
 */
export async function startRunoff(host: ExcelHost, id: string, opts: CreateOptions = {}): Promise<WriteOutcome & { id?: string }> {
  const c = await countVote(host, id);
  if (c.kind !== "counted") return c;
  const pending = c.count.result.conclusion.runoff;
  if (!pending) return { kind: "invalid", issues: [warning("vote.runoff.none", say("Kết quả không cần bầu lại: đã đủ số đơn vị đạt tỷ lệ, hoặc cuộc bỏ phiếu không quy định bầu lại.", "The result calls for no run-off: enough reached the rule, or the vote sets no run-off."))] };
  if (hasErrors(c.count.issues)) return { kind: "invalid", issues: c.count.issues };
  const prev = c.count.record;
  const vote = runoffRound(prev.vote, pending);
  const rid = revoteId(prev.id, vote.round);
  const out = await createFromRead(host, c.read, withRoundAttendance({ ...prev, id: rid, vote, decision: null, meeting: null }, opts), opts);
  return out.kind === "written" ? { ...out, id: rid } : out;
}

/** A later round with its own attendance (present, ballots issued), when given; checked as any vote is on creation. */
function withRoundAttendance(r: VoteRecord, opts: CreateOptions): VoteRecord {
  const a = opts.round;
  if (!a) return r;
  const present = a.present ?? r.vote.attendance.present;
  return { ...r, vote: { ...r.vote, attendance: { ...r.vote.attendance, present } }, issued: a.issued ?? (a.present !== undefined ? present : r.issued) };
}

// ----------------------------------------------------------------------------------- leadership

export type LeadershipChoice = { mode: "rotation"; deputies: 1 | 2 } | { mode: "election"; leaderVote: string; deputyVote: string | null } | { mode: "designation"; leader: string; deputies: string[] };

/**
 * Writes next year's bloc leader and deputies to the leadership record ("Trưởng khối các năm"):
 * by rotation (from the recorded years), from final election counts, or as designated.
 */
export async function electLeadership(host: ExcelHost, choice: LeadershipChoice, opts: { at?: Date } = {}): Promise<WriteOutcome & { leader?: string; deputies?: string[]; year?: number }> {
  let read: WorkbookRead;
  let mode: LeaderMode;
  let basis = "";
  if (choice.mode === "election") {
    // Both votes are counted from one read.
    const counted = await countVotes(host, choice.deputyVote ? [choice.leaderVote, choice.deputyVote] : [choice.leaderVote]);
    if (!counted.ok) return { kind: "failed", issues: counted.issues };
    const [lc, dc] = counted.counts;
    if (lc.kind !== "counted") return lc;
    if (hasErrors(lc.count.issues)) return { kind: "invalid", issues: lc.count.issues };
    let deputies: TallyResult | null = null;
    if (dc) {
      if (dc.kind !== "counted") return dc;
      if (hasErrors(dc.count.issues)) return { kind: "invalid", issues: dc.count.issues };
      deputies = withElected(dc.count.result, dc.count.elected, dc.count.final);
    }
    mode = { mode: "election", leader: withElected(lc.count.result, lc.count.elected, lc.count.final), deputies };
    basis = `Kết quả bỏ phiếu ${choice.leaderVote}${choice.deputyVote ? `, ${choice.deputyVote}` : ""}`;
    read = counted.read;
  } else {
    try {
      read = await readWorkbook(host, BASE_READ);
    } catch (e) {
      return { kind: "failed", issues: [readFailed(e)] };
    }
    mode = choice.mode === "rotation" ? { mode: "rotation", deputies: choice.deputies } : { mode: "designation", leader: choice.leader, deputies: choice.deputies };
    basis = choice.mode === "rotation" ? "Luân phiên theo thứ tự danh sách đơn vị" : "Chỉ định";
  }
  const ctx = contextOf(read);
  if (!ctx.bloc) return { kind: "invalid", issues: ctx.blocIssues.length ? ctx.blocIssues : [error("leader.noBloc", say("Chưa có hồ sơ khối hợp lệ.", "There is no valid bloc record."))] };
  if (hasErrors(ctx.leadershipIssues)) return { kind: "invalid", issues: ctx.leadershipIssues };
  const bloc = ctx.bloc;
  const history = [...ctx.leadership.filter((r) => r.year !== bloc.year), { year: bloc.year, leader: bloc.leader, deputies: bloc.deputies, how: "recorded" as const, basis: "Hồ sơ khối" }];
  const year = bloc.year + 1;
  const next = nextLeadership({ roster: bloc.members, history, year, mode });
  if (!next.leader || hasErrors(next.issues)) return { kind: "invalid", issues: next.issues };
  const how = choice.mode === "election" ? "election" : choice.mode;
  let rows = ctx.leadership;
  if (!rows.some((r) => r.year === bloc.year)) rows = upsertLeadership(rows, history[history.length - 1]).rows;
  rows = upsertLeadership(rows, { year, leader: next.leader, deputies: next.deputies, how, basis }).rows;
  const plan = leadershipSheetPlan(rows, { members: bloc.members.map((m) => m.name) });
  const existing = read.byName[LEADERSHIP_SHEET]?.exists ? read.byName[LEADERSHIP_SHEET].name : read.byDefinedName["BX_TruongKhoi_Bang"]?.exists ? read.byDefinedName["BX_TruongKhoi_Bang"].name : null;
  if (existing) plan.name = existing;
  const leadRead = read.byName[LEADERSHIP_SHEET]?.exists ? read.byName[LEADERSHIP_SHEET] : read.byDefinedName["BX_TruongKhoi_Bang"];
  const out = await write(host, read, [plan], {
    keep: keepIfExtra(leadRead, leadershipSheetPlan(ctx.leadership, { members: bloc.members.map((m) => m.name) }), "leadership.sheet.keptOld", { vi: "bảng trưởng khối các năm", en: "the leadership table" }),
    activate: plan.name,
    log: { action: "Ghi trưởng khối năm sau", object: `Năm ${year}`, counts: `Trưởng khối: ${next.leader}; phó: ${next.deputies.join(", ") || "—"}`, note: basis },
  });
  void opts;
  return out.kind === "written" ? { ...out, leader: next.leader, deputies: next.deputies, year, issues: [...out.issues, ...next.issues] } : out;
}

/** A tally whose conclusion carries the meeting's choice, for the leadership step. */
function withElected(r: TallyResult, elected: string[], final: boolean): TallyResult {
  return { ...r, conclusion: { ...r.conclusion, elected, final, meetingDecides: final ? null : r.conclusion.meetingDecides } };
}

// ---------------------------------------------------------------------------------------- import

/** Reads ballots typed in another copy of the workbook (.xlsx), for importing into an entry; the reader loads only when used. */
export async function readBallotsFromFile(bytes: Uint8Array, opts: { voteId: string; candidates: string[]; title?: string }) {
  const { readBallotFile } = await import("../export/ballotFile");
  return readBallotFile(bytes, opts);
}
export type { BallotFileRead, BallotFileSheet } from "../export/ballotFile";
