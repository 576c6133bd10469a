import { readFailed } from "../failures";
import { raise } from "../../domain/codes";
import { hasErrors, type Issue } from "../../domain/issues";
import { cleanText, nameKey } from "../../domain/text";
import { checkBallotEntries } from "../../domain/voting/checks";
import { type Ballot, type HandCount, voteWord } from "../../domain/voting/model";
import { writeCells, type CellWrite } from "../../excel/cells";
import type { ExcelHost } from "../../excel/host";
import { readWorkbook, type WorkbookRead } from "../../excel/read";
import { cellAddress } from "../../workbook/a1";
import { MANUAL_REASON_TEXT } from "../../workbook/voting/ballotSheet";
import { readHandCountSheet } from "../../workbook/voting/handCountSheet";
import { anchor, BASE_READ, contextOf, readOrNull, voteSheets } from "./shared";
import { ENTRY_READ } from "./count";

/** Entering ballots or a hand count from the pane into a vote's entry sheets. */

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
    return { kind: "invalid", issues: [raise("vote.entry.missing", { sheet: which === 2 ? voteSheets(id).second.sheet : voteSheets(id).first.sheet, id })] };
  }
  const { vote } = record;
  const sheet = region.sheet ?? "";
  const [row0, col0] = [region.row ?? 0, region.col ?? 0];
  const width = vote.candidates.length + 2 + (vote.writtenOpinions ? 1 : 0); // number, marks, reason (, written opinion)
  if (ballots.length > region.values.length) {
    return {
      kind: "invalid",
      issues: [raise("vote.entry.tooMany", { rows: region.values.length, ballots: ballots.length })],
    };
  }
  // Nothing is typed that the sheet could not hold as given: a mark for someone without a column,
  // a unit approved and rejected, a bad or repeated number (each at the row it would take).
  const bad = checkBallotEntries(vote, ballots);
  if (bad.length) return { kind: "invalid", issues: bad.map(({ index, issue: { ref: _ref, ...i } }) => ({ ...i, where: { sheet, cell: cellAddress(row0 + index, col0) } })) };
  const typed = region.values.filter((row) => row.slice(0, width).some((v) => v !== "" && v !== null)).length;
  if (typed && !opts.replace) {
    return { kind: "confirm", issues: [raise("vote.entry.replace", { sheet, typed })] };
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
  if (!g) return { kind: "invalid", issues: [raise("vote.entry.missing", { sheet: voteSheets(id).hand.sheet, id })] };
  const vote = contextOf(read).records.find((r) => r.id === id)?.vote;
  const word = vote ? voteWord(vote) : { vi: "phiếu", en: "votes" };
  const hc = readHandCountSheet(g);
  const writes: CellWrite[] = [];
  const put = (cell: string | undefined, value: number) => cell && writes.push({ sheet: g.sheet, address: cell, value });
  put(hc.cells.total.returned, count.returned);
  put(hc.cells.total.valid, count.valid);
  put(hc.cells.total.invalid, count.invalid);
  const issues: Issue[] = [];
  // Counts are whole numbers, not negative (DOMAIN §4): refused before anything is typed, at the cell it would fill.
  const whole = (what: { what: { vi: string; en: string } }, v: number | undefined, cell: string | undefined) => {
    if (v === undefined || (Number.isInteger(v) && v >= 0)) return;
    issues.push(raise("vote.count.notCount", { ...what, value: v }, { sheet: g.sheet, ...(cell ? { cell } : {}) }));
  };
  whole({ what: { vi: "Số phiếu thu vào", en: "Ballots returned" } }, count.returned, hc.cells.total.returned);
  whole({ what: { vi: "Số phiếu hợp lệ", en: "Valid ballots" } }, count.valid, hc.cells.total.valid);
  whole({ what: { vi: "Số phiếu không hợp lệ", en: "Invalid ballots" } }, count.invalid, hc.cells.total.invalid);
  for (const [name, v] of Object.entries(count.votes)) {
    const cell = Object.entries(hc.cells.candidate).find(([k]) => nameKey(k) === nameKey(name))?.[1];
    if (!cell) issues.push(raise("vote.candidate.unknownCount", { what: word.vi, name: cleanText(name) }, { sheet: g.sheet }));
    else {
      whole({ what: { vi: `Số phiếu của "${cleanText(name)}"`, en: `Votes for "${cleanText(name)}"` } }, v, cell);
      put(cell, v);
    }
  }
  for (const [reason, n] of Object.entries(count.invalidReasons ?? {})) whole({ what: { vi: `Số phiếu không hợp lệ (${reason})`, en: `Invalid ballots (${reason})` } }, n, hc.cells.reasons[reason as keyof typeof hc.cells.reasons]);
  if (hasErrors(issues)) return { kind: "invalid", issues };
  if (count.invalidReasons) {
    for (const [reason, n] of Object.entries(count.invalidReasons)) put(hc.cells.reasons[reason as keyof typeof hc.cells.reasons], n ?? 0);
  }
  const w = await writeCells(host, writes, { log: { entry: { action: "Nhập kết quả kiểm đếm tay", object: id, counts: `${count.returned} phiếu thu vào` }, state: read } });
  return w.ok ? { kind: "entered", cells: writes.length, syncs: 1 + w.syncs, issues: w.issues } : { kind: "failed", issues: w.issues };
}

