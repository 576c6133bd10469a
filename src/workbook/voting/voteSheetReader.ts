import { raise } from "../../domain/codes";
import type { Issue } from "../../domain/issues";
import { cleanText, nameKey } from "../../domain/text";
import type { Decision } from "../../domain/voting/doubleEntry";
import { checkVote, inVote, VoteSchema, type BallotKind, type Purpose, type TieStep, type Vote } from "../../domain/voting/model";
import { VOTE_ID, type VoteRecord } from "../../domain/voting/record";
import { cellAddress, columnLetter } from "../a1";
import type { Grid } from "../grid";
import {
  ACCEPTED,
  BALLOTS,
  COMPARISON_CHOICES,
  DENOMINATOR_CHOICES,
  ENTRIES,
  key,
  listOf,
  MEMBER_FIELDS,
  MEMBER_LABEL,
  NONE_MARKED,
  pick,
  PURPOSES,
  ROUND_KINDS,
  RUNOFF,
  SINGLE_FIELDS,
  TIE_FIELDS,
  tieLabel,
  TIES,
  VOTE_LABELS,
  VOTE_SHEET_TEXT,
  VOTE_WORDS,
  WRITTEN,
  YES_NO,
  type Choices,
  type Single,
  type VoteField,
} from "./voteSheetTerms";

function text(v: unknown): string {
  if (v === null || v === undefined) return "";
  return cleanText(String(v));
}

// ---- Reading back.

export interface VoteColumnCells {
  /** The column in the sheet (0-based). */
  column: number;
  /** A1 of a field's cell; undefined when its label row is missing. */
  field: (f: VoteField) => string | undefined;
  /** A1 of the k-th (0-based) candidate read in this column; undefined past the end. */
  candidate: (k: number) => string | undefined;
}

export interface VoteSheetRead {
  /** False when nothing on the sheet looks like the vote table. */
  found: boolean;
  /** The votes read without errors, in column order. */
  records: VoteRecord[];
  issues: Issue[];
  /** Id → where its cells are, for every column with a valid, unique id (also those with errors). */
  cells: Record<string, VoteColumnCells>;
}

const LABEL_KEYS = new Map<string, Single>(SINGLE_FIELDS.map((f) => [key(VOTE_LABELS[f]), f]));
const TIE_KEY = /^xu ly bang phieu(?: buoc)?(?: [0-9]+)?$/;
const MEMBER_KEY = key(MEMBER_LABEL);
const HEADER_KEY = key(VOTE_SHEET_TEXT.header);
const CANDIDATES_KEY = key(VOTE_SHEET_TEXT.candidates);
/** Label rows without which no vote can be read. */
const REQUIRED: Single[] = ["purpose", "round", "ballot", "choices", "toElect", "percent", "comparison", "denominator", "noneMarked", "members", "present", "entry", "doubleEntry"];

/** A number as typed: a number cell, or text like "80", "66,67", "80%", "1.000" (thousands, for whole numbers). */
function numberOf(v: unknown, whole: boolean): number | null | "bad" {
  if (typeof v === "number") return Number.isFinite(v) ? v : "bad";
  let t = text(v).replace(/\s+/g, "").replace(/%$/, "");
  if (!t) return null;
  if (whole && /^[0-9]{1,3}(\.[0-9]{3})+$/.test(t)) t = t.replace(/\./g, "");
  if (!/^[+-]?[0-9]+([.,][0-9]+)?$/.test(t)) return "bad";
  return Number(t.replace(",", "."));
}


/**
 * Reads the votes from the values of a "Bỏ phiếu" sheet, by the labels of column A (wherever the
 * grid starts): the header row "Mục" gives the label column and the vote ids; each field row is
 * found by its label; the rows below "Danh sách đơn vị" are the candidates. The inverse of
 * `voteSheetPlan`. Every problem is an issue at the offending cell; a column with an error gives
 * no record.
 */
export function readVoteSheet(grid: Grid): VoteSheetRead {
  const { sheet } = grid;
  const vals = grid.values;
  const out: VoteSheetRead = { found: false, records: [], issues: [], cells: {} };
  const at = (r: number, c: number) => cellAddress(grid.row + r, grid.col + c);
  const where = (r: number, c: number) => ({ sheet, cell: at(r, c) });
  const get = (r: number, c: number): unknown => vals[r]?.[c];
  const height = vals.length;
  const widthOf = Array.from(vals, (r) => r?.length ?? 0).reduce((a, b) => Math.max(a, b), 0);

  // The header "Mục": its column holds the labels.
  let header: { row: number; col: number } | null = null;
  for (let r = 0; r < height && !header; r++) {
    const row = vals[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      if (key(row[c]) === HEADER_KEY) {
        header = { row: r, col: c };
        break;
      }
    }
  }
  if (!header) {
    // Labels without the header row: say so, rather than reading nothing silently.
    const counts = new Map<number, number>();
    vals.forEach((row) => (row ?? []).forEach((v, c) => LABEL_KEYS.has(key(v)) && counts.set(c, (counts.get(c) ?? 0) + 1)));
    const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
    if (best && best[1] >= 3) {
      out.found = true;
      out.issues.push(
        raise("vote.sheet.noHeader", { sheet, header: VOTE_SHEET_TEXT.header }, where(0, best[0])),
      );
    }
    return out;
  }
  out.found = true;
  const L = header.col;

  // The field rows, by label.
  let candidatesHeader: number | null = null;
  for (let r = header.row + 1; r < height; r++) {
    if (key(get(r, L)) === CANDIDATES_KEY) {
      candidatesHeader = r;
      break;
    }
  }
  const fieldEnd = candidatesHeader ?? height;
  const singleRow = new Map<Single, number>();
  const tieRows: number[] = [];
  const memberRows: number[] = [];
  for (let r = header.row + 1; r < fieldEnd; r++) {
    const k = key(get(r, L));
    if (!k) continue;
    if (TIE_KEY.test(k)) tieRows.push(r);
    else if (k === MEMBER_KEY) memberRows.push(r);
    else {
      const f = LABEL_KEYS.get(k);
      if (!f) continue;
      if (singleRow.has(f)) {
        out.issues.push(
          raise("vote.sheet.duplicateLabel", { label: VOTE_LABELS[f], first: at(singleRow.get(f)!, L), second: at(r, L) }, where(r, L)),
        );
      } else singleRow.set(f, r);
    }
  }
  for (const f of REQUIRED) {
    if (singleRow.has(f)) continue;
    out.issues.push(
      raise("vote.sheet.missingLabel", { sheet, label: VOTE_LABELS[f], column: columnLetter(grid.col + L) }, where(header.row, L)),
    );
  }
  if (candidatesHeader === null) {
    out.issues.push(
      raise("vote.sheet.noCandidatesRow", { sheet, row: VOTE_SHEET_TEXT.candidates }, where(header.row, L)),
    );
  }
  const fieldRow = (f: VoteField): number | undefined => {
    const t = (TIE_FIELDS as readonly string[]).indexOf(f);
    if (t >= 0) return tieRows[t];
    const m = (MEMBER_FIELDS as readonly string[]).indexOf(f);
    if (m >= 0) return memberRows[m];
    return singleRow.get(f as Single);
  };

  // The vote columns: ids in the header row.
  interface Column {
    c: number;
    id: string;
    candidates: { name: string; r: number }[];
  }
  const columns: Column[] = [];
  const seen = new Map<string, number>();
  for (let c = L + 1; c < widthOf; c++) {
    const raw = text(get(header.row, c));
    if (!raw) continue;
    const id = raw.toUpperCase();
    if (!VOTE_ID.test(id)) {
      out.issues.push(
        raise("vote.sheet.badId", { cell: at(header.row, c), value: raw }, where(header.row, c)),
      );
      continue;
    }
    if (seen.has(id)) {
      out.issues.push(
        raise("vote.sheet.duplicateId", { cell: at(header.row, c), id, first: at(header.row, seen.get(id)!) }, where(header.row, c)),
      );
      continue;
    }
    seen.set(id, c);
    const candidates: { name: string; r: number }[] = [];
    if (candidatesHeader !== null) {
      for (let r = candidatesHeader + 1; r < height; r++) {
        const name = text(get(r, c));
        if (name) candidates.push({ name, r });
      }
    }
    columns.push({ c, id, candidates });
    out.cells[id] = {
      column: grid.col + c,
      field: (f) => {
        const r = fieldRow(f);
        return r === undefined ? undefined : at(r, c);
      },
      candidate: (k) => (candidates[k] ? at(candidates[k].r, c) : undefined),
    };
  }
  const byId = new Map(columns.map((col) => [col.id, col]));

  for (const col of columns) {
    const rec = readColumn(col);
    if (rec) out.records.push(rec);
  }
  return out;

  function readColumn(col: Column): VoteRecord | null {
    const { c, id } = col;
    let bad = false;
    const cellOf = (f: VoteField): { sheet: string; cell: string } => {
      const r = fieldRow(f);
      return r === undefined ? where(header!.row, c) : where(r, c);
    };
    const raw = (f: VoteField): unknown => {
      const r = fieldRow(f);
      return r === undefined ? undefined : get(r, c);
    };
    /** The parameters naming a field's cell: its address, label and English name. */
    const field = (f: VoteField) => ({ id, cell: cellOf(f).cell, label: VOTE_LABELS[f] });
    const fail = (i: Issue) => {
      bad = true;
      out.issues.push(i);
    };
    const empty = (f: VoteField) => fail(raise("vote.sheet.empty", field(f), cellOf(f)));

    const enumOf = <T>(f: VoteField, choices: Choices<T>, required: boolean): T | null => {
      const got = pick(choices, raw(f));
      if (got === "empty") {
        if (required) empty(f);
        return null;
      }
      if (got === "unknown") {
                fail(raise("vote.sheet.enum", { ...field(f), value: text(raw(f)), choices: listOf(choices, "sheet"), choicesEn: listOf(choices, "en") }, cellOf(f)));
        return null;
      }
      return got.value;
    };
    const numOf = (f: VoteField, whole: boolean, min: number, max: number, required: boolean): number | null => {
      const got = numberOf(raw(f), whole);
      if (got === null) {
        if (required) empty(f);
        return null;
      }
      if (got === "bad" || (whole && !Number.isInteger(got)) || got < min || got > max) {
        fail(raise(whole ? "vote.sheet.number" : "vote.sheet.percent", { ...field(f), value: text(raw(f)), min, max }, cellOf(f)));
        return null;
      }
      return got;
    };
    const str = (f: VoteField) => text(raw(f));

    // Definition.
    const purposeKind = enumOf("purpose", PURPOSES, true);
    const award = str("award");
    if (purposeKind === "award" && !award) empty("award");
    const round = numOf("round", true, 1, 20, true);
    const ballotKind = enumOf("ballot", BALLOTS, true);
    const choices = numOf("choices", true, 1, 200, ballotKind !== null && ballotKind !== "chooseOne");
    const toElect = numOf("toElect", true, 1, 200, true);
    const percent = numOf("percent", false, 0, 100, true);
    const comparison = enumOf("comparison", COMPARISON_CHOICES, true);
    const denominator = enumOf("denominator", DENOMINATOR_CHOICES, true);
    const quorumPercent = numOf("quorum", false, 0, 100, false);
    const quorumComparison = enumOf("quorumComparison", COMPARISON_CHOICES, false);
    const noneMarked = enumOf("noneMarked", NONE_MARKED, true);
    const runoff = enumOf("runoff", RUNOFF, false);
    const writtenOpinions = enumOf("writtenOpinions", WRITTEN, false);
    const roundKind = enumOf("roundKind", ROUND_KINDS, false);

    // The tie rule: non-empty step rows, in sheet order; a lot takes the seed.
    const seed = str("seed");
    const tieRule: TieStep[] = [];
    const tieCells: { sheet: string; cell: string }[] = [];
    for (const r of tieRows) {
      const got = pick(TIES, get(r, c));
      if (got === "empty") continue;
      tieCells.push(where(r, c));
      if (got === "unknown") {
        const k = tieRows.indexOf(r) + 1;
                fail(raise("vote.sheet.enum", { id, cell: at(r, c), label: tieLabel(k), value: text(get(r, c)), choices: listOf(TIES, "sheet"), choicesEn: listOf(TIES, "en") }, where(r, c)));
        continue;
      }
      if (got.value === "lot") {
        if (!seed) {
          fail(raise("vote.sheet.noSeed", { ...field("seed"), lot: VOTE_WORDS.tie.lot, step: at(r, c) }, cellOf("seed")));
          continue;
        }
        tieRule.push({ lot: { seed } });
      } else tieRule.push(got.value);
    }

    // The committee and attendance.
    const head = str("head");
    const memberCells: { sheet: string; cell: string }[] = [];
    const committee: string[] = [];
    for (const r of memberRows) {
      const name = text(get(r, c));
      if (!name) continue;
      committee.push(name);
      memberCells.push(where(r, c));
    }
    const members = numOf("members", true, 1, 10000, true);
    const present = numOf("present", true, 0, 10000, true);

    // What the count needs beyond the definition.
    const issued = numOf("issued", true, 0, 10000, false);
    const entry = enumOf("entry", ENTRIES, true);
    const doubleEntry = enumOf("doubleEntry", YES_NO, true);
    const accepted = enumOf("accepted", ACCEPTED, false);
    const decidedBy = str("decidedBy");
    let decision: Decision = null;
    if (accepted && decidedBy) decision = { accept: accepted, by: decidedBy };
    else if (accepted || (decidedBy && !text(raw("accepted")))) {
      const missing: VoteField = accepted ? "decidedBy" : "accepted";
      out.issues.push(
        raise("vote.sheet.decisionIncomplete", field(missing), cellOf(missing)),
      );
    }
    const candidates = col.candidates.map((x) => x.name);
    const electedText = str("elected");
    const note = str("note");
    const elected = electedText
      .split(/[;\n]/)
      .map((s) => cleanText(s))
      .filter(Boolean);
    const meeting = elected.length > 0 || note ? { elected, note } : null;
    const unknownElected = elected.filter((e) => !candidates.some((x) => nameKey(x) === nameKey(e)));
    if (unknownElected.length > 0) {
      fail(raise("vote.sheet.electedUnknown", { ...field("elected"), names: unknownElected.join("; ") }, cellOf("elected")));
    }

    // The round this one continues.
    let parent: Vote["parent"] = null;
    const parentText = str("parent");
    if (parentText) {
      const pid = parentText.toUpperCase();
      const pc = byId.get(pid);
      if (!pc || pid === id) {
        const others = columns.filter((x) => x.id !== id).map((x) => x.id);
        const othersWords = { others: others.join(", ") || "—" };
        fail(raise("vote.sheet.parent", { ...field("parent"), ...othersWords, value: parentText }, cellOf("parent")));
      } else {
        const pr = fieldRow("round");
        const pRound = pr === undefined ? null : numberOf(get(pr, pc.c), true);
        if (typeof pRound !== "number" || !Number.isInteger(pRound) || pRound < 1 || pRound > 20) {
          fail(raise("vote.sheet.parentRound", { ...field("parent"), parent: pid }, cellOf("parent")));
        } else {
          parent = { round: pRound, candidates: pc.candidates.map((x) => x.name), ...(roundKind === "runoff" ? { kind: "runoff" as const } : {}) };
          if (round !== null && round !== pRound + 1) {
            out.issues.push(
              raise("vote.sheet.roundAfterParent", { id, round, parent: pid, parentRound: pRound, expected: pRound + 1 }, cellOf("round")),
            );
          }
        }
      }
    }
    if (candidatesHeader !== null && candidates.length === 0) {
      fail(raise("vote.sheet.noCandidates", { id, row: VOTE_SHEET_TEXT.candidates }, where(candidatesHeader, c)));
    }

    // Values the vote cannot be built without (each already reported); otherwise go on, so that every issue shows at once.
    if (
      purposeKind === null ||
      round === null ||
      ballotKind === null ||
      toElect === null ||
      percent === null ||
      comparison === null ||
      denominator === null ||
      noneMarked === null ||
      members === null ||
      present === null ||
      entry === null ||
      doubleEntry === null
    ) {
      return null;
    }
    const purpose: Purpose = purposeKind === "award" ? { kind: "award", award } : { kind: purposeKind };
    const ballot: BallotKind = ballotKind === "approve" ? { kind: "approve", quota: choices ?? 0 } : ballotKind === "chooseUpTo" ? { kind: "chooseUpTo", n: choices ?? 0 } : { kind: "chooseOne" };
    const vote: Vote = {
      purpose,
      round,
      parent,
      title: str("title"),
      candidates,
      ballot,
      rule: { percent, comparison, denominator, quorum: quorumPercent === null ? null : { percent: quorumPercent, comparison: quorumComparison ?? ">=", of: "members" } },
      ...(str("ruleSource") ? { ruleSource: str("ruleSource") } : {}),
      invalid: { overQuota: "invalid", noneMarked },
      toElect,
      tieRule,
      ...(runoff ? { runoff: true } : {}),
      ...(writtenOpinions ? { writtenOpinions: true } : {}),
      committee: { head, members: committee },
      attendance: { members, present },
    };

    // The schema and the vote's own checks, each problem at its cell.
    const whereOf = (path: readonly PropertyKey[]): { sheet: string; cell: string } => {
      const [a, b, d, e] = path.map(String);
      switch (a) {
        case "purpose":
          return cellOf(b === "award" ? "award" : "purpose");
        case "candidates": {
          const cand = b !== undefined ? col.candidates[Number(b)] : undefined;
          return cand ? where(cand.r, c) : candidatesHeader !== null ? where(candidatesHeader, c) : cellOf("title");
        }
        case "ballot":
          return cellOf(b === "kind" ? "ballot" : "choices");
        case "rule":
          if (b === "quorum") return cellOf(d === "comparison" ? "quorumComparison" : "quorum");
          return cellOf(b === "comparison" ? "comparison" : b === "denominator" ? "denominator" : "percent");
        case "ruleSource":
          return cellOf("ruleSource");
        case "invalid":
          return cellOf("noneMarked");
        case "tieRule":
          if (e === "seed" || d === "lot") return cellOf("seed");
          return b !== undefined && tieCells[Number(b)] ? tieCells[Number(b)] : cellOf("tie1");
        case "committee":
          if (b === "members") return d !== undefined && memberCells[Number(d)] ? memberCells[Number(d)] : cellOf("member1");
          return cellOf("head");
        case "attendance":
          return cellOf(b === "present" ? "present" : "members");
        case "runoff":
        case "writtenOpinions":
          return cellOf(a);
        case "title":
        case "round":
        case "parent":
        case "toElect":
          return cellOf(a);
        default:
          return where(header!.row, c);
      }
    };
    const parsed = VoteSchema.safeParse(vote);
    if (!parsed.success) {
      // A cell already reported (an empty count, say) is not reported again by the schema.
      const reported = new Set(out.issues.filter((i) => i.severity === "error").map((i) => i.where?.cell));
      for (const e of parsed.error.issues) {
        const w = whereOf(e.path);
        if (reported.has(w.cell)) continue;
        reported.add(w.cell);
        out.issues.push(
          raise("vote.schema", { id, cell: w.cell, path: e.path.join("."), detail: e.message }, w),
        );
      }
      return null;
    }
    for (const i of checkVote(parsed.data)) {
      const path = i.field ? i.field.split(".") : [];
      const w = i.ref.candidate !== undefined && path[0] !== "candidates" ? whereOf(["candidates", candidates.indexOf(i.ref.candidate)]) : whereOf(path);
      out.issues.push(inVote(i, id, w));
      if (i.severity === "error") bad = true;
    }
    if (bad) return null;
    return { id, vote: parsed.data, issued, entry, doubleEntry, decision, meeting };
  }
}
