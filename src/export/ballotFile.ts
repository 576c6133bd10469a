/**
 * Ballots typed elsewhere: an .xlsx (usually a copy of the bloc's workbook the second typist
 * filled on another computer and mailed back) read for its ballot entry sheets.
 *
 * Pure of Office: ExcelJS parses the bytes (a dynamic import, fetched only when a file is read).
 * Each worksheet becomes a grid of values as Excel's `range.values` gives them (see memberFile.ts)
 * and the entry sheet reader finds the "Số phiếu" … "Lý do không hợp lệ" header wherever it sits.
 * The sheets found are checked against the vote's candidates, so ballots of another vote (or of a
 * list that changed since the copy was made) are never typed into this one.
 */
import { raise } from "../domain/codes";
import { type Issue } from "../domain/issues";
import { cleanText, foldDiacritics, nameKey } from "../domain/text";
import { cellAddress } from "../workbook/a1";
import { HEADERS, readBallotSheetRows, type BallotRow } from "../workbook/voting/ballotSheet";
import { openXlsx, worksheetGrid } from "./memberFile";

export interface BallotFileSheet {
  /** The worksheet's name in the file. */
  name: string;
  /** Ballots read (rows with a ballot number). */
  ballots: number;
  rows: BallotRow[];
  /** Rows (1-based) with marks or a reason but no usable ballot number (the sheet is refused: `issues`). */
  noNumber: number[];
  /** Cells (A1) holding something other than "x"/"k" (the sheet is refused: `issues`). */
  unknownMarks: string[];
  /** The sheet's candidates are the vote's (by name key, any order). */
  candidatesMatch: boolean;
  /** The vote's candidates the sheet lacks, and the sheet's candidates the vote does not have. */
  missing: string[];
  extra: string[];
  /**
   * Why this sheet cannot be imported as it is, each at its cell: a mark in a column naming no
   * candidate, a mark other than "x"/"k", marks on a row without a ballot number, a ballot number
   * twice (each would be typed wrong or dropped), or the sheet of another vote (its name or title).
   */
  issues: Issue[];
}

export interface BallotFileRead {
  /** Entry sheets found, this vote's entry sheets first ("Phiếu <id>", then "Phiếu <id> (lần 2)"). */
  sheets: BallotFileSheet[];
  issues: Issue[];
}

/** An entry sheet is at most a few hundred rows; these bounds keep a stray huge sheet from eating the pane's memory. */
export const BALLOT_GRID_LIMITS = { rows: 5000, cols: 128 } as const;



const unreadable = (detail: string) =>
  raise("vote.import.unreadable", { detail: detail ? ` (${detail})` : "" });

const list = (names: string[]) => names.map((n) => `“${n}”`).join(", ");

/** Where a sheet goes in the list: this vote's first entry sheet, its second, then the others. */
function rankOf(name: string, voteId: string): number {
  const k = nameKey(name);
  if (k === nameKey(`Phiếu ${voteId}`)) return 0;
  if (k === nameKey(`Phiếu ${voteId} (lần 2)`)) return 1;
  return 2;
}

/**
 * Reads an .xlsx for ballot entry sheets and checks each against the vote's candidates. Never
 * throws: a file that is not an .xlsx gives `vote.import.unreadable`, one without an entry sheet
 * `vote.import.noSheet`, one whose entry sheets all list other candidates `vote.import.candidates`.
 */
export async function readBallotFile(bytes: Uint8Array, opts: { voteId: string; candidates: string[]; title?: string }): Promise<BallotFileRead> {
  const opened = await openXlsx(bytes);
  if (!opened.ok) return { sheets: [], issues: [unreadable(opened.detail)] };
  const { wb } = opened;
  const date1904 = !!(wb.properties as { date1904?: boolean } | undefined)?.date1904;
  // The vote's names NFC (DOMAIN §6), as the sheet's are read.
  const want = new Map(opts.candidates.map((c) => [nameKey(c), cleanText(c)]));
  const found: { sheet: BallotFileSheet; rank: number; index: number }[] = [];
  try {
    wb.worksheets.forEach((ws, index) => {
      const grid = { sheet: ws.name, row: 0, col: 0, values: worksheetGrid(ws, date1904, BALLOT_GRID_LIMITS) };
      const read = readBallotSheetRows(grid);
      if (!read.found) return;
      const names = headerNames(grid.values);
      const have = new Map(names.map((n) => [nameKey(n), n]));
      const missing = [...want].filter(([k]) => !have.has(k)).map(([, n]) => n);
      // A unit twice on the header is as wrong as a unit too many: its marks could not be told apart.
      const twice = names.filter((n, i) => names.findIndex((m) => nameKey(m) === nameKey(n)) !== i);
      const extra = [...[...have].filter(([k]) => !want.has(k)).map(([, n]) => n), ...twice];
      const sheet: BallotFileSheet = {
        name: ws.name,
        ballots: read.rows.length,
        rows: read.rows,
        noNumber: read.noNumber,
        unknownMarks: read.unknownMarks,
        candidatesMatch: missing.length === 0 && extra.length === 0,
        missing,
        extra,
        issues: sheetIssues(ws.name, grid.values, read, opts),
      };
      found.push({ sheet, rank: rankOf(ws.name, opts.voteId), index });
    });
  } catch (e) {
    return { sheets: [], issues: [unreadable(e instanceof Error ? e.message.slice(0, 120) : "")] };
  }
  found.sort((a, b) => a.rank - b.rank || a.index - b.index);
  const sheets: BallotFileSheet[] = found.map((f) => f.sheet);
  const issues: Issue[] = [];
  if (sheets.length === 0) {
    const names = wb.worksheets.map((w) => `“${w.name}”`).join(", ");
    issues.push(
      raise("vote.import.noSheet", { names: names || "—" }),
    );
  } else if (sheets.some((s) => s.candidatesMatch) && !sheets.some((s) => s.candidatesMatch && s.issues.length === 0)) {
    // Only sheets this vote could take, and each has something that would be typed wrong: the first one's reasons.
    issues.push(...(sheets.find((s) => s.candidatesMatch) as BallotFileSheet).issues);
  } else if (!sheets.some((s) => s.candidatesMatch)) {
    // Sheets of other votes in a copy of the whole workbook are no concern while one matches.
    const s = sheets[0];
    issues.push(
      raise("vote.import.candidates", { sheet: s.name, id: opts.voteId, missing: list(s.missing) || "—", extra: list(s.extra) || "—" }),
    );
  }
  return { sheets, issues };
}

const VOTE_SHEET_NAME = /^phiếu (v\d+(?:_\d+)?)(?: \(lần 2\))?$/;
const TITLE_PREFIX = "nhap phieu bau:";

/** What keeps one entry sheet of the file from being imported as it is, each at its cell. */
function sheetIssues(sheet: string, values: unknown[][], read: ReturnType<typeof readBallotSheetRows>, opts: { voteId: string; title?: string }): Issue[] {
  const out: Issue[] = [];
  const at = (cell?: string) => ({ sheet, ...(cell ? { cell } : {}) });
  // Another vote's sheet: named for another vote id, or titled for another vote (last year's copy of the same id).
  const id = VOTE_SHEET_NAME.exec(nameKey(sheet))?.[1];
  if (id && id !== nameKey(opts.voteId)) {
    out.push(
      raise("vote.import.otherVote", { sheet, other: id.toUpperCase(), id: opts.voteId }, at()),
    );
  } else if (opts.title) {
    const found = titleCell(values);
    if (found && nameKey(found.title) !== nameKey(opts.title)) {
      out.push(
        raise("vote.import.otherTitle", { sheet, title: found.title, id: opts.voteId, want: cleanText(opts.title) }, at(found.cell)),
      );
    }
  }
  for (const cell of read.unnamedMarks) {
    out.push(
      raise("vote.import.markNoCandidate", { sheet, cell }, at(cell)),
    );
  }
  for (const cell of read.unknownMarks) {
    out.push(
      raise("vote.import.unknownMark", { sheet, cell }, at(cell)),
    );
  }
  for (const row of read.noNumber) {
    out.push(
      raise("vote.import.noNumber", { sheet, row }, at(`A${row}`)),
    );
  }
  const seen = new Set<number>();
  for (const r of read.rows) {
    if (seen.has(r.ballot.number)) {
      out.push(raise("vote.import.duplicate", { sheet, row: r.row, ballot: r.ballot.number }, at(`A${r.row}`)));
    }
    seen.add(r.ballot.number);
  }
  return out;
}

/** The entry sheet's title ("NHẬP PHIẾU BẦU: <title>") and its cell, above the table. */
function titleCell(values: unknown[][]): { title: string; cell: string } | null {
  for (let r = 0; r < Math.min(values.length, 6); r++) {
    const row = values[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v !== "string") continue;
      if (foldDiacritics(v).startsWith(TITLE_PREFIX)) return { title: cleanText(v.slice(v.indexOf(":") + 1)), cell: cellAddress(r, c) };
    }
  }
  return null;
}

/** The candidates of an entry sheet: the header cells between "Số phiếu" and "Lý do không hợp lệ", found as the reader finds them. */
function headerNames(values: unknown[][]): string[] {
  const fold = (v: unknown) =>
    foldDiacritics(String(v ?? ""))
      .replace(/[:：*]+$/, "")
      .trim();
  for (const row of values) {
    const number = row.findIndex((v) => fold(v) === fold(HEADERS.number));
    const reason = row.findIndex((v) => fold(v).startsWith("ly do khong hop le"));
    if (number >= 0 && reason > number) return row.slice(number + 1, reason).map((v) => cleanText(String(v ?? ""))).filter(Boolean);
  }
  return [];
}
