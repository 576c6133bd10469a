import { error, warning, type Issue, type Message } from "../../domain/issues";
import { cleanText, nameKey } from "../../domain/text";
import type { Decision } from "../../domain/voting/doubleEntry";
import { checkVote, VoteSchema, type BallotKind, type Purpose, type TieStep, type Vote } from "../../domain/voting/model";
import { VOTE_ID, type VoteRecord } from "../../domain/voting/record";
import { cellAddress, columnLetter } from "../a1";
import type { Grid } from "../grid";
import {
  ACCEPTED,
  BALLOTS,
  COMPARISON_CHOICES,
  DENOMINATOR_CHOICES,
  ENTRIES,
  FIELD_EN,
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

const quote = (s: string) => `“${s}”`;

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
        error(
          "vote.sheet.noHeader",
          {
            vi: `Trang "${sheet}" thiếu dòng tiêu đề có ô "${VOTE_SHEET_TEXT.header}" và mã các cuộc bỏ phiếu (V1, V2, …).`,
            en: `Sheet "${sheet}" lacks the header row with a "${VOTE_SHEET_TEXT.header}" cell and the vote ids (V1, V2, …).`,
          },
          where(0, best[0]),
        ),
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
          warning(
            "vote.sheet.duplicateLabel",
            {
              vi: `Nhãn "${VOTE_LABELS[f]}" có hai lần (ô ${at(singleRow.get(f)!, L)} và ${at(r, L)}); chỉ đọc dòng đầu tiên.`,
              en: `The label "${VOTE_LABELS[f]}" appears twice (${at(singleRow.get(f)!, L)} and ${at(r, L)}); only the first row is read.`,
            },
            where(r, L),
          ),
        );
      } else singleRow.set(f, r);
    }
  }
  for (const f of REQUIRED) {
    if (singleRow.has(f)) continue;
    out.issues.push(
      error(
        "vote.sheet.missingLabel",
        {
          vi: `Trang "${sheet}" thiếu dòng có nhãn "${VOTE_LABELS[f]}" ở cột ${columnLetter(grid.col + L)}.`,
          en: `Sheet "${sheet}" lacks the row labelled "${VOTE_LABELS[f]}" (${FIELD_EN[f]}) in column ${columnLetter(grid.col + L)}.`,
        },
        where(header.row, L),
      ),
    );
  }
  if (candidatesHeader === null) {
    out.issues.push(
      error(
        "vote.sheet.noCandidates",
        { vi: `Trang "${sheet}" thiếu dòng "${VOTE_SHEET_TEXT.candidates}" đứng trước danh sách đơn vị.`, en: `Sheet "${sheet}" lacks the "${VOTE_SHEET_TEXT.candidates}" row above the candidates.` },
        where(header.row, L),
      ),
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
        error(
          "vote.sheet.badId",
          { vi: `Ô ${at(header.row, c)}: mã cuộc bỏ phiếu ${quote(raw)} không hợp lệ (dạng V1, V2, V1_2).`, en: `Cell ${at(header.row, c)}: vote id ${quote(raw)} is not valid (like V1, V2, V1_2).` },
          where(header.row, c),
        ),
      );
      continue;
    }
    if (seen.has(id)) {
      out.issues.push(
        error(
          "vote.sheet.duplicateId",
          {
            vi: `Ô ${at(header.row, c)}: mã ${id} đã dùng ở ô ${at(header.row, seen.get(id)!)}; cột này không được đọc.`,
            en: `Cell ${at(header.row, c)}: id ${id} is already used at ${at(header.row, seen.get(id)!)}; this column is not read.`,
          },
          where(header.row, c),
        ),
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
    const label = (f: VoteField) => `${cellOf(f).cell} (“${VOTE_LABELS[f]}”)`;
    const labelEn = (f: VoteField) => `${cellOf(f).cell} (“${VOTE_LABELS[f]}”, ${FIELD_EN[f]})`;
    const fail = (code: string, f: VoteField, message: Message, w = cellOf(f)) => {
      bad = true;
      out.issues.push(error(code, message, w));
    };
    const empty = (f: VoteField) => fail("vote.sheet.empty", f, { vi: `Cuộc bỏ phiếu ${id}: ô ${label(f)} đang trống.`, en: `Vote ${id}: cell ${labelEn(f)} is empty.` });

    const enumOf = <T>(f: VoteField, choices: Choices<T>, required: boolean): T | null => {
      const got = pick(choices, raw(f));
      if (got === "empty") {
        if (required) empty(f);
        return null;
      }
      if (got === "unknown") {
        fail("vote.sheet.enum", f, {
          vi: `Cuộc bỏ phiếu ${id}: ô ${label(f)} có giá trị ${quote(text(raw(f)))} không hợp lệ. Chọn một trong: ${listOf(choices, "sheet")}.`,
          en: `Vote ${id}: cell ${labelEn(f)} holds ${quote(text(raw(f)))}, which is not allowed. Choose one of: ${listOf(choices, "en")} (on the sheet: ${listOf(choices, "sheet")}).`,
        });
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
        const kind = whole ? { vi: "số nguyên", en: "a whole number" } : { vi: "số", en: "a number" };
        fail("vote.sheet.number", f, {
          vi: `Cuộc bỏ phiếu ${id}: ô ${label(f)} có giá trị ${quote(text(raw(f)))}; cần ${kind.vi} từ ${min} đến ${max}.`,
          en: `Vote ${id}: cell ${labelEn(f)} holds ${quote(text(raw(f)))}; ${kind.en} from ${min} to ${max} is needed.`,
        });
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
        fail(
          "vote.sheet.enum",
          "tie1",
          {
            vi: `Cuộc bỏ phiếu ${id}: ô ${at(r, c)} (“${tieLabel(k)}”) có giá trị ${quote(text(get(r, c)))} không hợp lệ. Chọn một trong: ${listOf(TIES, "sheet")}, hoặc để trống.`,
            en: `Vote ${id}: cell ${at(r, c)} (tie step ${k}) holds ${quote(text(get(r, c)))}, which is not allowed. Choose one of: ${listOf(TIES, "en")} (on the sheet: ${listOf(TIES, "sheet")}), or leave it empty.`,
          },
          where(r, c),
        );
        continue;
      }
      if (got.value === "lot") {
        if (!seed) {
          fail("vote.sheet.noSeed", "seed", {
            vi: `Cuộc bỏ phiếu ${id}: có bước "${VOTE_WORDS.tie.lot}" (ô ${at(r, c)}) nhưng ô ${label("seed")} đang trống; ghi mã bốc thăm để kết quả kiểm tra lại được.`,
            en: `Vote ${id}: a "drawn lot" step (${at(r, c)}) needs a seed, but cell ${labelEn("seed")} is empty; record the seed so the draw can be checked.`,
          });
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
        warning(
          "vote.sheet.decisionIncomplete",
          {
            vi: `Cuộc bỏ phiếu ${id}: quyết định chọn bản nhập chưa đủ, ô ${label(missing)} đang trống; quyết định chưa được ghi nhận.`,
            en: `Vote ${id}: the entry decision is incomplete, cell ${labelEn(missing)} is empty; no decision is recorded.`,
          },
          cellOf(missing),
        ),
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
      fail("vote.sheet.electedUnknown", "elected", {
        vi: `Cuộc bỏ phiếu ${id}: ô ${label("elected")} có đơn vị không thuộc danh sách của cuộc bỏ phiếu: ${unknownElected.join("; ")}.`,
        en: `Vote ${id}: cell ${labelEn("elected")} names units that are not candidates of this vote: ${unknownElected.join("; ")}.`,
      });
    }

    // The round this one continues.
    let parent: Vote["parent"] = null;
    const parentText = str("parent");
    if (parentText) {
      const pid = parentText.toUpperCase();
      const pc = byId.get(pid);
      if (!pc || pid === id) {
        const others = columns.filter((x) => x.id !== id).map((x) => x.id);
        fail("vote.sheet.parent", "parent", {
          vi: `Cuộc bỏ phiếu ${id}: ô ${label("parent")} phải là mã của một cột khác trên trang (${others.join(", ") || "chưa có"}), không phải ${quote(parentText)}.`,
          en: `Vote ${id}: cell ${labelEn("parent")} must be the id of another column on the sheet (${others.join(", ") || "none yet"}), not ${quote(parentText)}.`,
        });
      } else {
        const pr = fieldRow("round");
        const pRound = pr === undefined ? null : numberOf(get(pr, pc.c), true);
        if (typeof pRound !== "number" || !Number.isInteger(pRound) || pRound < 1 || pRound > 20) {
          fail("vote.sheet.parentRound", "parent", {
            vi: `Cuộc bỏ phiếu ${id}: cuộc bỏ phiếu ${pid} (ô ${label("parent")}) chưa có vòng hợp lệ.`,
            en: `Vote ${id}: vote ${pid} (cell ${labelEn("parent")}) has no valid round.`,
          });
        } else {
          parent = { round: pRound, candidates: pc.candidates.map((x) => x.name), ...(roundKind === "runoff" ? { kind: "runoff" as const } : {}) };
          if (round !== null && round !== pRound + 1) {
            out.issues.push(
              warning(
                "vote.sheet.roundAfterParent",
                {
                  vi: `Cuộc bỏ phiếu ${id}: vòng ${round} tiếp theo cuộc bỏ phiếu ${pid} ở vòng ${pRound}; thường là vòng ${pRound + 1}.`,
                  en: `Vote ${id}: round ${round} continues vote ${pid} of round ${pRound}; it is usually round ${pRound + 1}.`,
                },
                cellOf("round"),
              ),
            );
          }
        }
      }
    }
    if (candidatesHeader !== null && candidates.length === 0) {
      fail(
        "vote.sheet.noCandidates",
        "title",
        { vi: `Cuộc bỏ phiếu ${id}: chưa có đơn vị nào dưới dòng "${VOTE_SHEET_TEXT.candidates}".`, en: `Vote ${id}: no candidate below the "${VOTE_SHEET_TEXT.candidates}" row.` },
        where(candidatesHeader, c),
      );
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
          error(
            "vote.schema",
            {
              vi: `Cuộc bỏ phiếu ${id}: giá trị ở ô ${w.cell} không hợp lệ (${e.path.join(".")}: ${e.message}).`,
              en: `Vote ${id}: the value at ${w.cell} is not valid (${e.path.join(".")}: ${e.message}).`,
            },
            w,
          ),
        );
      }
      return null;
    }
    for (const i of checkVote(parsed.data)) {
      const path = i.field ? i.field.split(".") : [];
      const w = i.ref.candidate !== undefined && path[0] !== "candidates" ? whereOf(["candidates", candidates.indexOf(i.ref.candidate)]) : whereOf(path);
      out.issues.push({ code: i.code, severity: i.severity, where: w, message: { vi: `Cuộc bỏ phiếu ${id}: ${i.message.vi}`, en: `Vote ${id}: ${i.message.en}` } });
      if (i.severity === "error") bad = true;
    }
    if (bad) return null;
    return { id, vote: parsed.data, issued, entry, doubleEntry, decision, meeting };
  }
}
