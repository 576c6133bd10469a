/**
 * A member list pasted into the pane ("Dán danh sách"): text copied from an Excel range, a Word
 * table or typed lines. Excel puts a tab between cells and quotes a cell that holds a line break
 * (Alt+Enter) or a quote, doubling its quotes; Word tables copy the same way without quotes.
 */
import { raise } from "../codes";
import type { Issue } from "../issues";
import { cleanText, foldDiacritics } from "../text";

export interface PastedMember {
  name: string;
  shortName: string;
  note?: string;
}

export interface PasteResult {
  members: PastedMember[];
  /** Lines that are not members (a bare number or ordinal, a row without a name): errors naming the line. */
  issues: Issue[];
}

/** One pasted row: its cells (quotes removed) and the line of the text it starts on (1-based). */
interface Row {
  cells: string[];
  line: number;
}

/**
 * Splits tab-separated text into rows. A cell that begins with a quote and whose closing quote is
 * followed by a tab or the end of a line is a quoted cell: line breaks inside belong to it and a
 * doubled quote is one quote. Any other quote is kept as typed.
 */
export function splitTsv(text: string): Row[] {
  const rows: Row[] = [];
  const n = text.length;
  const endsCell = (k: number) => k >= n || text[k] === "\t" || text[k] === "\n" || text[k] === "\r";
  /** The closing quote of a quoted cell opened at `i`, or -1. */
  const closing = (i: number) => {
    for (let k = i + 1; k < n; k++) {
      if (text[k] !== '"') continue;
      if (text[k + 1] === '"') k++;
      else return k;
    }
    return -1;
  };
  let cells: string[] = [];
  let line = 1;
  let start = 1;
  let i = 0;
  for (;;) {
    const q = text[i] === '"' ? closing(i) : -1;
    if (q >= 0 && endsCell(q + 1)) {
      const body = text.slice(i + 1, q);
      cells.push(body.replace(/""/g, '"'));
      line += (body.match(/\r\n|\r|\n/g) ?? []).length;
      i = q + 1;
    } else {
      let k = i;
      while (!endsCell(k)) k++;
      cells.push(text.slice(i, k));
      i = k;
    }
    if (i < n && text[i] === "\t") {
      i++;
      continue;
    }
    rows.push({ cells, line: start });
    cells = [];
    if (i >= n) break;
    i += text[i] === "\r" && text[i + 1] === "\n" ? 2 : 1;
    line++;
    start = line;
    if (i >= n) break;
  }
  return rows;
}

type Column = "stt" | "name" | "shortName" | "note";

/** Header labels, folded (no accents, lower case), Vietnamese and English. */
const LABELS: Record<Column, string[]> = {
  stt: ["stt", "tt", "so tt", "so thu tu", "thu tu", "#", "no", "no.", "number"],
  name: ["ten don vi", "don vi", "ten co quan", "co quan", "co quan, don vi", "ten co quan, don vi", "ten co quan don vi", "don vi thanh vien", "ten", "ten day du", "ten don vi thanh vien", "unit", "units", "unit name", "name", "full name", "member", "members", "member unit", "member name", "organization", "organisation"],
  shortName: ["viet tat", "ten viet tat", "ten goi tat", "ten tat", "ky hieu", "short name", "short", "abbreviation", "abbr", "abbr.", "acronym"],
  note: ["ghi chu", "note", "notes", "remark", "remarks"],
};

const labelOf = (cell: string): Column | null => {
  const k = foldDiacritics(cell).replace(/[:.]+$/, "").trim();
  if (!k) return null;
  for (const c of Object.keys(LABELS) as Column[]) if (LABELS[c].includes(k) || LABELS[c].includes(`${k}.`)) return c;
  return null;
};

/** A header row: every filled cell is a column label ("TT | Đơn vị | Viết tắt", "STT", "Unit name | Short name"). */
function headerOf(cells: string[]): Partial<Record<Column, number>> | null {
  const filled = cells.map((c, i) => ({ c, i })).filter((x) => x.c);
  if (filled.length === 0) return null;
  const cols: Partial<Record<Column, number>> = {};
  for (const { c, i } of filled) {
    const l = labelOf(c);
    if (!l) return null;
    if (cols[l] === undefined) cols[l] = i;
  }
  return cols;
}

/** A Roman numeral up to XXXIX ("CDC" is a unit, not a number). */
const ROMAN = "(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3})";
/** A number (5, 2.5) or an ordinal alone (1., 2), IV, a)): a numbering column, never a unit's name. */
const NUMBER_ONLY = new RegExp(`^(?:\\d+(?:[.,]\\d+)*|${ROMAN}|[a-zđ])[.)]?$`, "iu");
/** An ordinal or a bullet in front of a name typed as one line: "1. Sở Y tế", "a) …", "- …", "• …". */
const LEAD = new RegExp(`^(?:(?:\\d+|${ROMAN}|[a-zđ])[.)]|[-–•*+])\\s+`, "iu");

/**
 * Pasted text → members, in order. A header row (Vietnamese with or without accents, or English)
 * is skipped and, when it names the columns, says where the name, the short name and the note are;
 * without one the columns are name, short name, note, after a leading numbering column if any. A
 * cell broken over lines (Alt+Enter) is one name, its lines joined by a space. Blank rows are
 * skipped; a row that is only a number or an ordinal, or has cells but no name, is an error naming
 * its line (paste.members.numberOnly, paste.members.noName) and gives no member.
 */
export function parsePastedMembers(text: string): PasteResult {
  const members: PastedMember[] = [];
  const issues: Issue[] = [];
  let cols: Partial<Record<Column, number>> | null = null;
  for (const row of splitTsv(text)) {
    let cells = row.cells.map((c) => cleanText(c));
    if (cells.every((c) => !c)) continue;
    const header = headerOf(cells);
    if (header) {
      if (!cols && header.name !== undefined) cols = header;
      continue;
    }
    let name: string;
    let shortName: string;
    let note: string;
    // A header's columns hold for rows as wide as its name column; a shorter row is a typed line.
    if (cols?.name !== undefined && cells.length > cols.name) {
      name = cells[cols.name] ?? "";
      shortName = cols.shortName !== undefined ? (cells[cols.shortName] ?? "") : "";
      note = cols.note !== undefined ? (cells[cols.note] ?? "") : "";
    } else {
      if (cells.length > 1 && NUMBER_ONLY.test(cells[0])) cells = cells.slice(1);
      [name = "", shortName = "", note = ""] = cells;
    }
    name = name.replace(LEAD, "");
    const field = `paste.line.${row.line}`;
    const filled = cells.filter(Boolean);
    if (!name && filled.every((c) => NUMBER_ONLY.test(c))) name = filled[filled.length - 1];
    if (!name) {
      issues.push({
        ...raise("paste.members.noName", { line: row.line, value: filled.join(" | ") }),
        field,
      });
      continue;
    }
    if (NUMBER_ONLY.test(name)) {
      issues.push({
        ...raise("paste.members.numberOnly", { line: row.line, name }),
        field,
      });
      continue;
    }
    members.push(note ? { name, shortName, note } : { name, shortName });
  }
  return { members, issues };
}
