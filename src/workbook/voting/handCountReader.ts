import { raise } from "../../domain/codes";
import { type Issue, type Message } from "../../domain/issues";
import { cleanText, foldLabel, nameKey } from "../../domain/text";
import { INVALID_REASONS, type HandCount, type InvalidReason, type TotalField, type VoteIssue } from "../../domain/voting/model";
import { INVALID_REASON_TERMS, spellingsOf } from "../../domain/voting/terms";
import { cellAddress, rangeAddress } from "../a1";
import type { Grid } from "../grid";
import { FIELD_LABELS } from "./ballotSheet";
import { HAND_HEADERS, HAND_TEXT, TOTALS, type Total } from "./handCountSheet";

/** Reading the hand-count sheet (`handCountSheet.ts`) back. */

// ---- Reading back.

/** The one folding of labels (`foldLabel`), without list dashes in front or a star behind. */
const fold = (v: unknown): string => foldLabel(String(v ?? "").replace(/^[-–—•+*\s]+/, "").replace(/[*\s]+$/, ""));
const text = (v: unknown): string => (v === null || v === undefined ? "" : cleanText(String(v)));

type Cell = { kind: "empty" } | { kind: "number"; n: number } | { kind: "other"; text: string };

/** A typed count: a number, digits typed as text, nothing, or something else. */
function cellValue(v: unknown): Cell {
  if (typeof v === "number") return Number.isFinite(v) ? { kind: "number", n: v } : { kind: "other", text: String(v) };
  const t = text(v);
  if (!t) return { kind: "empty" };
  const s = t.replace(/\s/g, "");
  if (/^[+-]?\d+$/.test(s)) return { kind: "number", n: Number(s) };
  return { kind: "other", text: t };
}

export interface HandCountCells {
  /** The cell (A1, on the sheet) of each total found; `invalidReasons` is the range of the reason counts. */
  total: Partial<Record<TotalField, string>>;
  /** The votes cell (A1) of each candidate row, by the name as typed on the sheet. */
  candidate: Record<string, string>;
  /** The cell (A1) of each invalid reason's count. */
  reasons: Partial<Record<InvalidReason, string>>;
}

export interface HandCountSheetRead {
  /** The candidate table's header was found. */
  found: boolean;
  /** The count typed; null when not found or when any input is missing or not a number (see `issues`). */
  count: HandCount | null;
  cells: HandCountCells;
  /** The sheet's own problems (empty or non-numeric inputs, missing rows), each at its cell. */
  issues: Issue[];
  /** Members and present as the sheet shows them (null when not read). */
  attendance: { members: number | null; present: number | null };
}

const TOTAL_WORDS: Record<Total, Message> = {
  members: { vi: FIELD_LABELS.members, en: "Members" },
  present: { vi: FIELD_LABELS.present, en: "Members present" },
  issued: { vi: FIELD_LABELS.issued, en: "Ballots issued" },
  returned: { vi: FIELD_LABELS.returned, en: "Ballots returned" },
  valid: { vi: FIELD_LABELS.valid, en: "Valid ballots" },
  invalid: { vi: FIELD_LABELS.invalid, en: "Invalid ballots" },
};

/**
 * Reads a hand-count sheet back. Totals and reasons are found by their labels anywhere on the
 * sheet (diacritics, case, dashes and colons ignored; the value is the cell to the label's right),
 * so inserted rows and a moved block do no harm. The candidates are the rows under the table
 * header ("Đơn vị" followed by "Số phiếu …"), up to the check block's title; empty rows are
 * skipped. Empty required inputs (every total, every candidate's votes) and non-numbers are
 * errors at their cell; a fraction or a negative number is read as it is, for `checkHandCount`
 * to report. `invalidReasons` is given only when any reason cell is filled.
 */
export function readHandCountSheet(grid: Grid): HandCountSheetRead {
  const out: HandCountSheetRead = { found: false, count: null, cells: { total: {}, candidate: {}, reasons: {} }, issues: [], attendance: { members: null, present: null } };
  const vals = grid.values;
  const at = (r: number, c: number) => cellAddress(grid.row + r, grid.col + c);
  const where = (r: number, c: number) => ({ sheet: grid.sheet, cell: at(r, c) });

  // The candidate table's header.
  let head: { row: number; name: number; votes: number } | null = null;
  for (let r = 0; r < vals.length && !head; r++) {
    const row = vals[r] ?? [];
    for (let c = 0; c + 1 < row.length; c++) {
      if (fold(row[c]) === fold(HAND_HEADERS.name) && fold(row[c + 1]).startsWith("so phieu")) {
        head = { row: r, name: c, votes: c + 1 };
        break;
      }
    }
  }
  if (!head) return out;
  out.found = true;

  // Labels → the first cell holding them (row by row), above the candidate table.
  const labelAt = new Map<string, { r: number; c: number }>();
  for (let r = 0; r < head.row; r++) {
    (vals[r] ?? []).forEach((v, c) => {
      const k = fold(v);
      if (k && !labelAt.has(k)) labelAt.set(k, { r, c });
    });
  }

  let ok = true;
  const readNumber = (r: number, c: number, what: Message, required: boolean): number | null => {
    const v = cellValue(vals[r]?.[c]);
    if (v.kind === "number") return v.n;
    if (v.kind === "empty") {
      if (required) {
        ok = false;
        out.issues.push(raise("vote.handCount.empty", { what: lower(what.vi) }, where(r, c)));
      }
      return null;
    }
    ok = false;
    out.issues.push(raise("vote.handCount.notNumber", { what: what.vi, value: v.text }, where(r, c)));
    return null;
  };

  const totals: Partial<Record<Total, number>> = {};
  for (const k of TOTALS) {
    const pos = labelAt.get(fold(FIELD_LABELS[k]));
    if (!pos) {
      ok = false;
      out.issues.push(
        raise("vote.handCount.missingRow", { row: FIELD_LABELS[k] }, { sheet: grid.sheet }),
      );
      continue;
    }
    out.cells.total[k] = at(pos.r, pos.c + 1);
    const x = readNumber(pos.r, pos.c + 1, TOTAL_WORDS[k], true);
    if (x !== null) totals[k] = x;
  }
  out.attendance = { members: totals.members ?? null, present: totals.present ?? null };

  const invalidReasons: Partial<Record<InvalidReason, number>> = {};
  let anyReason = false;
  const reasonCells: { r: number; c: number }[] = [];
  for (const reason of INVALID_REASONS) {
    // By the reason's term: its sheet words or any alias (never the domain's display text).
    const pos = spellingsOf(INVALID_REASON_TERMS[reason])
      .map((s) => labelAt.get(fold(s)))
      .find((x) => x !== undefined);
    if (!pos) continue;
    reasonCells.push({ r: pos.r, c: pos.c + 1 });
    out.cells.reasons[reason] = at(pos.r, pos.c + 1);
    const x = readNumber(pos.r, pos.c + 1, { vi: `Số phiếu không hợp lệ do "${INVALID_REASON_TERMS[reason].vi}"`, en: `Invalid ballots for "${INVALID_REASON_TERMS[reason].en}"` }, false);
    if (x !== null) {
      invalidReasons[reason] = x;
      anyReason = true;
    }
  }
  if (reasonCells.length) {
    const rows = reasonCells.map((x) => x.r);
    const top = Math.min(...rows);
    const cols = reasonCells.map((x) => x.c);
    out.cells.total.invalidReasons =
      new Set(cols).size === 1 ? rangeAddress(grid.row + top, grid.col + cols[0], Math.max(...rows) - top + 1, 1) : at(reasonCells[0].r, reasonCells[0].c);
  }

  // Candidates: the rows under the header, to the check block's title.
  const votes: Record<string, number> = {};
  const seen = new Map<string, string>();
  for (let r = head.row + 1; r < vals.length; r++) {
    const row = vals[r] ?? [];
    if (row.some((v) => fold(v) === fold(HAND_TEXT.checks))) break;
    const name = text(row[head.name]);
    const typed = cellValue(row[head.votes]);
    if (!name) {
      if (typed.kind !== "empty") {
        ok = false;
        out.issues.push(raise("vote.handCount.noName", {}, where(r, head.votes)));
      }
      continue;
    }
    const prev = seen.get(nameKey(name));
    if (prev !== undefined) {
      ok = false;
      const here = grid.row + r + 1;
      out.issues.push(raise("vote.handCount.duplicateName", { name, first: prev, second: here }, where(r, head.name)));
      continue;
    }
    seen.set(nameKey(name), String(grid.row + r + 1));
    out.cells.candidate[name] = at(r, head.votes);
    const x = readNumber(r, head.votes, { vi: `Số phiếu của "${name}"`, en: `The votes for "${name}"` }, true);
    if (x !== null) votes[name] = x;
  }
  if (seen.size === 0) {
    ok = false;
    out.issues.push(raise("vote.handCount.noCandidates", {}, where(head.row, head.name)));
  }

  if (ok) {
    const t = totals as Record<Total, number>;
    out.count = { issued: t.issued, returned: t.returned, valid: t.valid, invalid: t.invalid, votes, ...(anyReason ? { invalidReasons } : {}) };
  }
  return out;
}

const lower = (s: string) => s.charAt(0).toLocaleLowerCase("vi") + s.slice(1);

/**
 * Places the domain's issues (`checkHandCount`, `tally`) on the sheet: a candidate's issue at its
 * votes cell (names matched NFC/case/space-insensitively), a total's at its cell; others at the sheet.
 */
export function placeHandCountIssues(sheet: string, cells: HandCountCells, issues: readonly VoteIssue[]): VoteIssue[] {
  const byKey = new Map(Object.entries(cells.candidate).map(([name, cell]) => [nameKey(name), cell]));
  return issues.map((i) => {
    const cell = i.ref.candidate !== undefined ? byKey.get(nameKey(i.ref.candidate)) : i.ref.total !== undefined ? cells.total[i.ref.total] : undefined;
    return { ...i, where: cell ? { sheet, cell } : { sheet } };
  });
}
