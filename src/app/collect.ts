import { raise } from "../domain/codes";
/**
 * Collect member files: a member unit fills its own score sheet (a copy of the bloc's workbook, or
 * just its sheet) and mails it; the secretary picks the file, sees what would change in this
 * workbook, and writes only after confirming.
 *
 * Preview: the file is parsed off-line (no round trip), this workbook is read once
 * (`readScoringContext`), nothing is written. Apply: one round trip re-reads the target unit's sheet
 * to check every target cell still holds the value the preview showed (so nothing typed meanwhile
 * is overwritten), one round trip writes the input cells.
 */
import { readFailed } from "./failures";
import { leaves, type CriteriaTable } from "../domain/criteria/model";
import { type Issue } from "../domain/issues";
import { defaultSettings } from "../domain/scoring/settings";
import { validateEntries, type UnitEntries } from "../domain/scoring/validate";
import { cleanText, nameKey } from "../domain/text";
import { writeCells, type CellWrite } from "../excel/cells";
import type { ExcelHost } from "../excel/host";
import { readWorkbook, type WorkbookRead } from "../excel/read";
import { readMemberWorkbook, type MemberSheet } from "../export/memberFile";
import { cellAddress } from "../workbook/a1";
import { readUnitSheet, type ReadRow, type UnitSheetRead } from "../workbook/scoring/unitSheet";
import { readScoringContext, type ScoringContext } from "./scoring";

export type CollectField = "self" | "review" | "agreed" | "evidence" | "note";
/** What a member fills: brought in whenever it differs (and is not empty in the file). */
export const MEMBER_FIELDS: readonly CollectField[] = ["self", "evidence", "note"];
/** The bloc's own columns: listed only when the file has them filled and different; the secretary decides. */
export const BLOC_FIELDS: readonly CollectField[] = ["review", "agreed"];
const FIELD_ORDER: readonly CollectField[] = ["self", "review", "agreed", "evidence", "note"];

export interface CollectChange {
  /** The criterion id ("I.1.a"). */
  criterion: string;
  /** Its numbering path as shown to people ("I.1.a"). */
  number: string;
  /** Its text, for a tooltip. */
  text: string;
  field: CollectField;
  /** The value in this workbook now ("" or null when empty). */
  from: unknown;
  /** The value in the member's file. */
  to: unknown;
  /** The target cell on `sheet` ("D8"). */
  cell: string;
}

export interface CollectPreview {
  kind: "preview";
  /** The member's name as the bloc lists it. */
  unit: string;
  /** The target sheet in this workbook. */
  sheet: string;
  /** The workbook name of the target unit's region (BX_DV_k), to find it again on apply. */
  region: string;
  /** The sheet of the member's file the values come from. */
  fileSheet: string;
  changes: CollectChange[];
  issues: Issue[];
  /** What the preview saw in each target cell: pass it back to `applyMemberFile` as `basedOn`. */
  basedOn: string;
  syncs: number;
}

export type CollectRejected = { kind: "rejected"; issues: Issue[]; syncs: number };
export type PreviewResult = CollectPreview | CollectRejected;

export interface ApplyResult {
  ok: boolean;
  issues: Issue[];
  /** Cells written. */
  written: number;
  syncs: number;
}

const list = (xs: string[], n = 8) => `${xs.slice(0, n).join(", ")}${xs.length > n ? ", …" : ""}`;

const isBlank = (v: unknown) => v === null || v === undefined || (typeof v === "string" && cleanText(v) === "");

/** Two cell values that a person would call the same (empty = empty; text compared as NFC, trimmed). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (isBlank(a) && isBlank(b)) return true;
  if (isBlank(a) || isBlank(b)) return false;
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) < 1e-9;
  if (typeof a === "string" && typeof b === "string") return a.normalize("NFC").trim() === b.normalize("NFC").trim();
  return typeof a === typeof b && String(a) === String(b);
}

/** A value from the file as a cell write takes it. */
function writable(v: unknown): string | number | null {
  if (isBlank(v)) return null;
  if (typeof v === "number" || typeof v === "string") return v;
  return String(v).toUpperCase();
}

/** The token of what the target cells held: cell → value, in a stable order. */
function basedOnToken(changes: { cell: string; from: unknown }[]): string {
  const pairs = [...new Map(changes.map((c) => [c.cell, isBlank(c.from) ? "" : c.from])).entries()].sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify(pairs);
}

function parseBasedOn(token: string | undefined): Map<string, unknown> | null {
  if (!token) return null;
  try {
    const pairs = JSON.parse(token) as unknown;
    if (!Array.isArray(pairs)) return null;
    return new Map(pairs.filter((p): p is [string, unknown] => Array.isArray(p) && typeof p[0] === "string").map(([k, v]) => [k, v]));
  } catch {
    return null;
  }
}

type TargetUnit = ScoringContext["units"][number];

interface Candidate {
  file: MemberSheet;
  member: string;
  target: TargetUnit;
  changes: CollectChange[];
  unknownIds: string[];
  notOnSheet: string[];
  maxDiffers: string[];
  hasEntries: boolean;
}

const hasInput = (r: ReadRow) => FIELD_ORDER.some((f) => !isBlank(r[f]));

/** The changes one file sheet would make to its unit's sheet in this workbook. */
function diff(file: MemberSheet, target: TargetUnit, table: CriteriaTable): Omit<Candidate, "file" | "member" | "target"> {
  const leafOf = new Map(leaves(table).map((l) => [l.leaf.id, { leaf: l.leaf, number: [...l.path.map((p) => p.number), l.leaf.number].filter(Boolean).join(".") }]));
  const targetRow = new Map(target.rows.map((r) => [r.id, r]));
  const changes: CollectChange[] = [];
  const unknownIds: string[] = [];
  const notOnSheet: string[] = [];
  const maxDiffers: string[] = [];
  for (const row of file.rows) {
    const known = leafOf.get(row.id);
    if (!known) {
      if (!unknownIds.includes(row.id)) unknownIds.push(row.id);
      continue;
    }
    const t = targetRow.get(row.id);
    if (!t) {
      if (hasInput(row)) notOnSheet.push(row.id);
      continue;
    }
    if (typeof row.max === "number" && typeof t.max === "number" && Math.abs(row.max - t.max) > 1e-9) maxDiffers.push(row.id);
    for (const field of FIELD_ORDER) {
      const to = row[field];
      // An empty cell in the file never erases what this workbook has.
      if (isBlank(to) || sameValue(t[field], to)) continue;
      const col = target.cols[field];
      if (col === undefined || col < 0) continue;
      changes.push({ criterion: row.id, number: known.number || row.id, text: known.leaf.text, field, from: isBlank(t[field]) ? null : t[field], to, cell: cellAddress(t.row, target.col0 + col) });
    }
  }
  const rowOf = new Map(target.rows.map((r) => [r.id, r.row]));
  changes.sort((a, b) => (rowOf.get(a.criterion) ?? 0) - (rowOf.get(b.criterion) ?? 0) || FIELD_ORDER.indexOf(a.field) - FIELD_ORDER.indexOf(b.field));
  return { changes, unknownIds, notOnSheet, maxDiffers, hasEntries: file.rows.some(hasInput) };
}

/** Scores the changes would put in: the pasted-value checks, as warnings on the cells they concern. */
function valueWarnings(ctx: ScoringContext, c: Candidate, table: CriteriaTable): Issue[] {
  if (c.changes.length === 0 || !ctx.bloc) return [];
  const member = ctx.bloc.members.find((m) => nameKey(m.name) === nameKey(c.member));
  if (!member) return [];
  const after = new Map(c.changes.map((ch) => [`${ch.criterion}|${ch.field}`, ch.to]));
  const t = c.target;
  const at = (row: number, col: number) => ({ sheet: t.sheet, cell: cellAddress(row, t.col0 + col) });
  const unit: UnitEntries = {
    sheet: t.sheet,
    unit: t.unit,
    rows: t.rows.map((r) => {
      const v = (f: CollectField) => (after.has(`${r.id}|${f}`) ? after.get(`${r.id}|${f}`) : r[f]);
      return {
        id: r.id,
        self: v("self"),
        review: v("review"),
        agreed: v("agreed"),
        evidence: v("evidence"),
        at: { self: at(r.row, t.cols.self), review: at(r.row, t.cols.review), agreed: at(r.row, t.cols.agreed), evidence: at(r.row, t.cols.evidence), row: at(r.row, t.cols.id) },
      };
    }),
  };
  const cells = new Set(c.changes.map((ch) => ch.cell));
  const { issues } = validateEntries(table, ctx.settings ?? defaultSettings(table.scale), [member], [unit]);
  // Only what the incoming values cause; they are facts of the member's file, to be fixed after, so warnings.
  return issues.filter((i) => i.where?.sheet === t.sheet && i.where.cell && cells.has(i.where.cell)).map((i) => ({ ...i, severity: "warning" as const }));
}

/**
 * Reads a member's filled file and shows what would change in this workbook. One round trip (the
 * file itself is parsed without Excel); writes nothing.
 */
export async function previewMemberFile(host: ExcelHost, bytes: Uint8Array | ArrayBuffer): Promise<PreviewResult> {
  const file = await readMemberWorkbook(bytes);
  if (!file.ok) return { kind: "rejected", issues: [file.issue], syncs: 0 };

  let ctx: ScoringContext;
  try {
    ctx = await readScoringContext(host);
  } catch (e) {
    return { kind: "rejected", issues: [readFailed(e)], syncs: 1 };
  }
  const rejected = (issues: Issue[]): CollectRejected => ({ kind: "rejected", issues, syncs: 1 });
  if (!ctx.bloc) {
    return rejected(ctx.blocIssues.length ? ctx.blocIssues : [raise("collect.noBloc", {})]);
  }
  const table = ctx.criteria?.table ?? null;
  if (!table) return rejected([raise("collect.noCriteria", {})]);
  if (ctx.units.length === 0) {
    return rejected([raise("collect.noSheets", {})]);
  }

  const members = new Map(ctx.bloc.members.map((m) => [nameKey(m.name), m.name]));
  const targets = new Map(ctx.units.map((u) => [nameKey(u.unit), u]));
  /** This workbook's unit sheets by their sheet name: a returned copy keeps them. */
  const bySheet = new Map(ctx.units.map((u) => [nameKey(u.sheet), u]));
  const candidates: Candidate[] = [];
  const unknown: MemberSheet[] = [];
  const noSheet: string[] = [];
  const mismatched: Issue[] = [];
  for (const s of file.sheets) {
    const member = members.get(nameKey(s.unit));
    if (!member) {
      unknown.push(s);
      continue;
    }
    // The sheet is this workbook's sheet of one unit, but its "Đơn vị:" line names another: its
    // scores would go into the other unit's sheet (issue #11). Refused: which is right is not ours to guess.
    const owner = bySheet.get(nameKey(s.sheet));
    if (owner && owner.unit && nameKey(owner.unit) !== nameKey(member) && s.rows.some(hasInput)) {
      mismatched.push(
        raise("collect.unit.mismatch", { sheet: s.sheet, unit: owner.unit, member }, { sheet: s.sheet, cell: s.unitCell ?? "A2" }),
      );
      continue;
    }
    const target = targets.get(nameKey(member));
    if (!target) {
      if (!noSheet.includes(member)) noSheet.push(member);
      continue;
    }
    candidates.push({ file: s, member, target, ...diff(s, target, table) });
  }
  const unknownIssue = (severity: "error" | "warning", sheets: MemberSheet[]) => {
    const what = sheets.map((s) => (s.unit ? `"${s.unit}" (${s.sheet})` : `(${s.sheet})`));
    return raise(severity === "error" ? "collect.unit.unknown" : "collect.unit.unknownSkipped", { units: list(what) });
  };

  if (mismatched.length) return rejected(mismatched);
  if (candidates.length === 0) {
    const issues: Issue[] = [];
    if (unknown.length) issues.push(unknownIssue("error", unknown));
    if (noSheet.length) {
      issues.push(
        raise("collect.unit.noSheet", { units: list(noSheet) }),
      );
    }
    return rejected(issues);
  }

  // A copy of the whole bloc workbook holds every unit's sheet: the member's is the one that changes something.
  const changing = candidates.filter((c) => c.changes.length > 0);
  if (changing.length > 1) {
    const units = changing.map((c) => `${c.member} (${c.file.sheet})`);
    return rejected([
      raise("collect.file.manyUnits", { units: list(units) }),
    ]);
  }
  const chosen = changing[0] ?? candidates.find((c) => c.hasEntries) ?? candidates[0];
  const refusal = fileRefusals(chosen.file, ctx.bloc);
  if (refusal.length) return rejected(refusal);

  const issues: Issue[] = [];
  const where = { sheet: chosen.target.sheet, cell: cellAddress(chosen.target.rows[0]?.row ?? 0, chosen.target.col0 + Math.max(0, chosen.target.cols.id)) };
  const unknownWithEntries = unknown.filter((s) => s.rows.some(hasInput));
  if (unknownWithEntries.length) issues.push(unknownIssue("warning", unknownWithEntries));
  if (chosen.unknownIds.length) {
    issues.push(
      raise("collect.criterion.unknown", { count: chosen.unknownIds.length, ids: list(chosen.unknownIds) }, where),
    );
  }
  if (chosen.notOnSheet.length) {
    issues.push(
      raise("collect.criterion.notOnSheet", { ids: list(chosen.notOnSheet), sheet: chosen.target.sheet }, where),
    );
  }
  if (chosen.maxDiffers.length) {
    issues.push(
      raise("collect.criterion.maxDiffers", { ids: list(chosen.maxDiffers) }, where),
    );
  }
  const bloc = chosen.changes.filter((c) => BLOC_FIELDS.includes(c.field));
  if (bloc.length) {
    issues.push(
      raise("collect.blocColumns", { count: bloc.length }, where),
    );
  }
  issues.push(...valueWarnings(ctx, chosen, table));
  if (chosen.changes.length === 0) {
    issues.push(
      raise("collect.nothing", { member: chosen.member, sheet: chosen.target.sheet }),
    );
  }
  return {
    kind: "preview",
    unit: chosen.member,
    sheet: chosen.target.sheet,
    region: chosen.target.name,
    fileSheet: chosen.file.sheet,
    changes: chosen.changes,
    issues,
    basedOn: basedOnToken(chosen.changes),
    syncs: 1,
  };
}

/**
 * Why a member's sheet must not be taken (issue #11): it is another bloc's or another year's (the
 * "Khối:" line and the title's year, when the file has them), or an input cell holds a formula whose
 * result was never saved (its value is unknown; the member opens the file in Excel and saves it again).
 */
function fileRefusals(file: MemberSheet, bloc: { name: string; year: number }): Issue[] {
  const out: Issue[] = [];
  if (file.bloc && nameKey(file.bloc.name) !== nameKey(bloc.name)) {
    out.push(
      raise("collect.file.otherBloc", { fileBloc: file.bloc.name, bloc: bloc.name }, { sheet: file.sheet, cell: file.bloc.cell }),
    );
  }
  if (file.year && file.year.value !== bloc.year) {
    out.push(
      raise("collect.file.otherYear", { fileYear: file.year.value, year: bloc.year }, { sheet: file.sheet, cell: file.year.cell }),
    );
  }
  for (const f of file.formulaNoResult) {
    out.push(
      raise("collect.cell.formulaNoResult", { cell: f.cell, id: f.id, sheet: file.sheet, formula: f.formula }, { sheet: file.sheet, cell: f.cell }),
    );
  }
  return out;
}

/** The preview's target unit sheet, read again (one round trip). */
async function readTarget(host: ExcelHost, region: string): Promise<{ read: UnitSheetRead; col0: number; state: WorkbookRead } | null> {
  const wb = await readWorkbook(host, { regions: [region] });
  const r = wb.regions[region];
  if (!r?.exists) return null;
  return { read: readUnitSheet({ sheet: r.sheet ?? "", row: r.row ?? 0, col: r.col ?? 0, values: r.values }), col0: r.col ?? 0, state: wb };
}

/**
 * Writes a preview's changes (all of them, or the subset the secretary kept). First re-reads the
 * target sheet (one round trip): when a target cell no longer holds what the preview showed (typed
 * meanwhile, rows moved, sheets re-inserted), nothing is written (`collect.changedSince`). Then one
 * round trip writes the input cells.
 */
export async function applyMemberFile(host: ExcelHost, preview: CollectPreview, options: { basedOn?: string } = {}): Promise<ApplyResult> {
  if (preview.changes.length === 0) {
    return { ok: false, written: 0, syncs: 0, issues: [raise("collect.nothing.selected", {})] };
  }
  const seen = parseBasedOn(options.basedOn ?? preview.basedOn);
  let target: Awaited<ReturnType<typeof readTarget>>;
  try {
    target = await readTarget(host, preview.region);
  } catch (e) {
    return { ok: false, written: 0, syncs: 1, issues: [readFailed(e)] };
  }
  const changedSince = (issue: Issue): ApplyResult => ({ ok: false, written: 0, syncs: 1, issues: [issue] });
  if (!target || !target.read.found || target.read.sheet !== preview.sheet || nameKey(target.read.unit) !== nameKey(preview.unit)) {
    return changedSince(raise("collect.changedSince.sheet", { unit: preview.unit }));
  }
  const { read, col0 } = target;
  const rows = new Map(read.rows.map((r) => [r.id, r]));
  const moved: string[] = [];
  const edited: string[] = [];
  for (const ch of preview.changes) {
    const r = rows.get(ch.criterion);
    const col = read.cols[ch.field];
    if (!r || col === undefined || col < 0 || cellAddress(r.row, col0 + col) !== ch.cell) {
      moved.push(ch.cell);
      continue;
    }
    const expected = seen?.has(ch.cell) ? seen.get(ch.cell) : ch.from;
    if (!sameValue(r[ch.field], expected)) edited.push(ch.cell);
  }
  if (moved.length) {
    return changedSince(raise("collect.changedSince.rows", { sheet: preview.sheet, cells: list(moved) }, { sheet: preview.sheet, cell: moved[0] }));
  }
  if (edited.length) {
    return changedSince(raise("collect.changedSince", { sheet: preview.sheet, cells: list(edited) }, { sheet: preview.sheet, cell: edited[0] }));
  }
  // `expected`: what this read saw; an entry typed in the one round trip before the write is kept.
  const writes: CellWrite[] = preview.changes.map((ch) => ({ sheet: preview.sheet, address: ch.cell, value: writable(ch.to), expected: (rows.get(ch.criterion)?.[ch.field] ?? null) as string | number | boolean | null }));
  const log = { action: "Nhận bảng điểm của đơn vị", object: `${preview.unit} (trang "${preview.sheet}")`, counts: `${writes.length} ô` };
  const w = await writeCells(host, writes, { log: { entry: log, state: target.state } });
  return { ok: w.ok, written: w.ok ? writes.length : 0, syncs: 1 + w.syncs, issues: w.issues };
}
