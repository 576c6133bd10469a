import { raise } from "../domain/codes";
/**
 * The proposed list in a provincial system's own import template (issue #10 item 13, DOMAIN §5).
 *
 * A template is data, an {@link ImportFormat} (one JSON file per template under ./formats/): its
 * sheet, header and data rows, its columns (what each holds: the row number, the unit, the award, a
 * constant, or the code of another column's name in one of the template's lists), its lists of
 * names and codes, and a map from our award names to its own. One generic exporter writes any of
 * them: the template's sheet first (importers read the first sheet), our evidence (score, rank,
 * votes, %, note) on a second sheet in the same order.
 *
 * Codes are written as literal values (no formulas), so an importer reads the same thing whether or
 * not it recalculates. A name that the template's list lacks is written as it is with its code cell
 * left empty (the importer's dialog default then applies), and a coded warning (vi + en) says so.
 */
import { z } from "zod";
import type { Issue, Message } from "../domain/issues";
import type { Proposal } from "../domain/nomination/model";
import { cleanText, nameKey } from "../domain/text";
import { columnIndex } from "../workbook/a1";
import { DETAIL_COLUMNS, detailRows, fillSheet, listed, loadExcelJs, SHEET_FONT, SHEET_BORDER, toBytes } from "./listExports";
import lifesoftKhanhHoa from "./formats/lifesoft-khanh-hoa.json";

/** What a column holds on each data row. */
export type ColumnValue =
  /** `stt`: 1, 2, …; `unit`: the unit's name; `award`: the award's name (mapped by `awardNames`); `objectClass`, `field`: from the options. */
  | { from: "stt" | "unit" | "award" | "objectClass" | "field" }
  /** The same text on every row. */
  | { text: string }
  /** The code, in its list, of the name written in another column (by letter). */
  | { codeOf: string };

export interface FormatColumn {
  /** Column letter, e.g. "R". */
  col: string;
  header: string;
  width?: number;
  /** Absent: the column stays empty (e.g. an individual's title on a list of collectives). */
  value?: ColumnValue;
  /** The list (a key of {@link ImportFormat.lists}) the names of this column come from. */
  list?: string;
  /** A code the importer needs to keep the row at all: the row is lost when it is empty. */
  required?: boolean;
  /** What the importer uses when this code cell is empty ("the default chosen in the import dialog"). */
  whenEmpty?: Message;
}

/** A list of the template: names and codes as its lookup sheet holds them (a code keeps its type: "0013" stays text). */
export interface CodeList {
  sheet: string;
  range: string;
  entries: [string, string | number][];
}

export interface ImportFormat {
  id: string;
  /** The system's name, for messages ("LIFESOFT"). */
  system: string;
  label: Message;
  /** Where the template and its importer come from. */
  source: string;
  /** The file's name; "{year}" is replaced by the bloc's year. */
  fileName: string;
  /** The sheet the importer reads; written first. */
  sheet: string;
  headerRow: number;
  /** A row numbering the columns "(1)", "(2)", … under the header, its code cells empty. */
  numbersRow?: number;
  firstRow: number;
  /** The last sheet row the importer reads by default. */
  lastRow?: number;
  columns: FormatColumn[];
  lists: Record<string, CodeList>;
  /** Our award names (compared by their key) → the name in the template's award list. */
  awardNames?: Record<string, string>;
  /** The sheet with our evidence columns. */
  detailSheet: string;
}

export interface FormatOptions {
  /** The class of every unit on the list (e.g. "Cơ quan Hành chính"), when known. */
  objectClass?: string;
  /** The bloc's field of activity, when known. */
  field?: string;
}

const MessageSchema = z.object({ vi: z.string().min(1), en: z.string().min(1) });

/** The shape of a format file (keys beginning with "$" are comments and are dropped). */
const FormatSchema = z.object({
  id: z.string().min(1),
  system: z.string().min(1),
  label: MessageSchema,
  source: z.string(),
  fileName: z.string().regex(/^[^\\/:*?"<>|]+\.xlsx$/),
  sheet: z.string().min(1).max(31),
  headerRow: z.number().int().min(1),
  numbersRow: z.number().int().min(1).optional(),
  firstRow: z.number().int().min(2),
  lastRow: z.number().int().min(2).optional(),
  columns: z
    .array(
      z.object({
        col: z.string(),
        header: z.string(),
        width: z.number().positive().optional(),
        value: z.union([z.object({ from: z.enum(["stt", "unit", "award", "objectClass", "field"]) }).strict(), z.object({ text: z.string() }).strict(), z.object({ codeOf: z.string() }).strict()]).optional(),
        list: z.string().optional(),
        required: z.boolean().optional(),
        whenEmpty: MessageSchema.optional(),
      }),
    )
    .min(1),
  lists: z.record(z.string(), z.object({ sheet: z.string(), range: z.string(), entries: z.array(z.tuple([z.string(), z.union([z.string(), z.number()])])) })),
  awardNames: z.record(z.string(), z.string()).optional(),
  detailSheet: z.string().min(1).max(31),
});

/** A format file's data checked: its shape, then {@link checkFormat}. */
export function parseFormat(raw: unknown): { format: ImportFormat; issues: Issue[] } | { format: null; issues: Issue[] } {
  const parsed = FormatSchema.safeParse(raw);
  const id = raw && typeof raw === "object" && "id" in raw ? String((raw as { id: unknown }).id) : "?";
  if (!parsed.success) {
    const what = parsed.error.issues.map((e) => `${e.path.join(".")}: ${e.message}`).join("; ");
    return { format: null, issues: [raise("export.format.invalid", { id, what })] };
  }
  const format = parsed.data as ImportFormat;
  const issues = checkFormat(format);
  return issues.length ? { format: null, issues } : { format, issues: [] };
}

/** The format files shipped with the add-in (./formats/*.json), as data: the pane offers one file for each. */
export const FORMAT_FILES: readonly unknown[] = Object.freeze([lifesoftKhanhHoa]);

/** ExcelJS's 1-based column number of a letter. */
const colNo = (letters: string) => columnIndex(letters) + 1;
const rowsText = (rows: readonly number[]) => rows.join(", ");

/**
 * Checks a format's data: every column letter valid and used once, the rows in order, every list a
 * column names exists, every constant in its column's list, every code column pointing at a listed
 * column, every mapped award name in the award list. Errors only: a bad format is a bug in its file.
 */
export function checkFormat(f: ImportFormat): Issue[] {
  const out: Issue[] = [];
  const bad = (what: string) => out.push(raise("export.format.invalid", { id: f.id, what }));
  const byCol = new Map<string, FormatColumn>();
  for (const c of f.columns) {
    if (!/^[A-Z]{1,3}$/.test(c.col)) bad(`column “${c.col}”`);
    else if (byCol.has(c.col)) bad(`column ${c.col} twice`);
    byCol.set(c.col, c);
  }
  if (!(f.headerRow >= 1 && f.firstRow > f.headerRow)) bad("header row must come before the first data row");
  if (f.numbersRow !== undefined && !(f.numbersRow > f.headerRow && f.numbersRow < f.firstRow)) bad("the numbers row must lie between the header and the data");
  if (f.lastRow !== undefined && f.lastRow < f.firstRow) bad("the last row comes before the first");
  if (!f.sheet || !f.detailSheet || nameKey(f.sheet) === nameKey(f.detailSheet)) bad("two distinct sheet names are needed");
  for (const c of f.columns) {
    if (c.list && !f.lists[c.list]) bad(`column ${c.col} names a missing list “${c.list}”`);
    const v = c.value;
    if (v && "text" in v && c.list && f.lists[c.list] && !f.lists[c.list].entries.some(([n]) => n === v.text)) bad(`column ${c.col}: “${v.text}” is not in list “${c.list}”`);
    if (v && "codeOf" in v) {
      const src = byCol.get(v.codeOf);
      if (!src?.list) bad(`column ${c.col} codes column ${v.codeOf}, which has no list`);
      if (c.required && !(src?.value && "text" in src.value)) bad(`column ${c.col} is required, so column ${v.codeOf} must hold a constant`);
    }
  }
  const awards = f.columns.find((c) => c.value && "from" in c.value && c.value.from === "award")?.list;
  for (const [ours, theirs] of Object.entries(f.awardNames ?? {})) {
    if (!awards || !f.lists[awards]?.entries.some(([n]) => n === theirs)) bad(`award “${ours}” maps to “${theirs}”, which is not in the award list`);
  }
  return out;
}

export type Cell = string | number | null;

export interface FormatRows {
  /** Data rows, each by column letter, in list order (the first at `firstRow`). */
  rows: Record<string, Cell>[];
  issues: Issue[];
}

/** A list's entry for a name, by key (the list's own spelling wins). */
function lookup(list: CodeList | undefined, name: string): [string, string | number] | undefined {
  if (!list || !name) return undefined;
  const k = nameKey(name);
  return list.entries.find(([n]) => nameKey(n) === k);
}

/**
 * The template's data rows for the proposed list (one per proposed unit and award, titles first, as
 * the generic list), and the warnings: awards renamed to the template's names, names its lists lack
 * (their code cells empty, so the importer's dialog default applies), columns left empty, a list
 * longer than the importer reads by default. An error when a row would lose a required code.
 */
export function formatRows(f: ImportFormat, proposals: Proposal[], opts: FormatOptions = {}): FormatRows {
  const issues: Issue[] = [];
  const byCol = new Map(f.columns.map((c) => [c.col, c]));
  const awardMap = new Map(Object.entries(f.awardNames ?? {}).map(([a, b]) => [nameKey(a), b]));
  const renamed = new Map<string, { from: string; to: string; rows: number[] }>();
  const missing = new Map<string, { col: FormatColumn; name: string; rows: number[] }>();
  const empty = new Map<string, number[]>();
  const lost: number[] = [];
  const list = listed(proposals);

  const rows = list.map((p, i) => {
    const sheetRow = f.firstRow + i;
    const row: Record<string, Cell> = {};
    /** Names first (codes look them up). */
    for (const c of f.columns) {
      const v = c.value;
      if (!v || "codeOf" in v) continue;
      if ("text" in v) {
        row[c.col] = v.text;
        continue;
      }
      if (v.from === "stt") {
        row[c.col] = i + 1;
        continue;
      }
      const raw = cleanText(v.from === "unit" ? p.unit : v.from === "award" ? p.award : v.from === "objectClass" ? (opts.objectClass ?? "") : (opts.field ?? ""));
      if (!raw) {
        row[c.col] = null;
        if (c.list) empty.set(c.col, [...(empty.get(c.col) ?? []), sheetRow]);
        continue;
      }
      if (!c.list) {
        row[c.col] = raw;
        continue;
      }
      let hit = lookup(f.lists[c.list], raw);
      const mapped = v.from === "award" && !hit ? awardMap.get(nameKey(raw)) : undefined;
      if (mapped) {
        hit = lookup(f.lists[c.list], mapped);
        if (hit) {
          const r = renamed.get(nameKey(raw)) ?? { from: raw, to: hit[0], rows: [] };
          r.rows.push(sheetRow);
          renamed.set(nameKey(raw), r);
        }
      }
      if (hit) row[c.col] = hit[0];
      else {
        row[c.col] = raw;
        const key = `${c.col}\u0000${nameKey(raw)}`;
        const m = missing.get(key) ?? { col: c, name: raw, rows: [] };
        m.rows.push(sheetRow);
        missing.set(key, m);
      }
    }
    for (const c of f.columns) {
      const v = c.value;
      if (!v || !("codeOf" in v)) continue;
      const src = byCol.get(v.codeOf);
      const name = row[v.codeOf];
      const hit = typeof name === "string" ? lookup(src?.list ? f.lists[src.list] : undefined, name) : undefined;
      row[c.col] = hit ? hit[1] : null;
      if (!hit && c.required) lost.push(sheetRow);
    }
    return row;
  });

  const codeColOf = (col: string) => f.columns.find((c) => c.value && "codeOf" in c.value && c.value.codeOf === col);
  // The two warnings below name the format file's own bilingual default (whenEmpty), a text the
  // catalogue's language-neutral parameters cannot carry: they stay worded here until format files
  // name catalogued defaults.
  const fallback = (col: string): Message => codeColOf(col)?.whenEmpty ?? { vi: "giá trị mặc định khi nhận", en: "its import default" };
  for (const r of renamed.values()) {
    issues.push(
      raise("export.format.award.renamed", { system: f.system, from: r.from, to: r.to, rows: rowsText(r.rows), sheet: f.sheet }),
    );
  }
  for (const m of missing.values()) {
    const code = codeColOf(m.col.col);
    const fb = fallback(m.col.col);
    issues.push(
      raise("export.format.notInList", { list: m.col.header, system: f.system, name: m.name, rows: rowsText(m.rows), sheet: f.sheet, col: code?.col ?? "", fallback: fb }),
    );
  }
  for (const [col, at] of empty) {
    const c = byCol.get(col)!;
    const all = at.length === rows.length;
    const fb = fallback(col);
    issues.push(
      raise("export.format.emptyColumn", {
        system: f.system,
        col,
        header: c.header,
        rows: all ? { vi: "ở mọi dòng", en: "on every row" } : { vi: `ở dòng ${rowsText(at)}`, en: `on row ${rowsText(at)}` },
        fallback: fb,
      }),
    );
  }
  if (lost.length) {
    issues.push(
      raise("export.format.requiredCode", { system: f.system, rows: rowsText(lost), sheet: f.sheet }),
    );
  }
  const last = f.firstRow + rows.length - 1;
  if (f.lastRow !== undefined && rows.length && last > f.lastRow) {
    issues.push(
      raise("export.format.tooManyRows", { last, sheet: f.sheet, lastRow: f.lastRow, system: f.system }),
    );
  }
  return { rows, issues };
}

/** The file name for a year. */
export const formatFileName = (f: ImportFormat, year: number): string => f.fileName.replace(/\{year\}/g, String(year));

export interface FormatFile {
  /** Null when the format's data is invalid (see the issues). */
  bytes: Uint8Array | null;
  issues: Issue[];
}

/**
 * The list as the template's .xlsx: sheet `f.sheet` first (header, the numbers row, the data from
 * `firstRow`; codes as literal values; text cells formatted as text, so "0013" or "=…" stay text),
 * then `f.detailSheet` with the evidence in the same order.
 */
export async function formatXlsx(f: ImportFormat, proposals: Proposal[], opts: FormatOptions = {}): Promise<FormatFile> {
  const invalid = checkFormat(f);
  if (invalid.length) return { bytes: null, issues: invalid };
  const { rows, issues } = formatRows(f, proposals, opts);
  const lib = await loadExcelJs();
  const wb = new lib.Workbook();
  wb.creator = "Bình xét thi đua";
  const ws = wb.addWorksheet(f.sheet);
  const style = (cell: { font: unknown; border: unknown; alignment: unknown }, header: boolean) => {
    cell.font = header ? { ...SHEET_FONT, bold: true } : { ...SHEET_FONT };
    cell.border = SHEET_BORDER;
    cell.alignment = { vertical: "middle", wrapText: true, horizontal: header ? "center" : undefined };
  };
  const put = (r: number, col: string, v: Cell, header = false) => {
    const cell = ws.getCell(r, colNo(col));
    if (v !== null && v !== "") cell.value = v;
    style(cell as unknown as { font: unknown; border: unknown; alignment: unknown }, header);
    if (typeof v === "string" && !header) cell.numFmt = "@";
  };
  for (const c of f.columns) {
    put(f.headerRow, c.col, c.header, true);
    ws.getColumn(colNo(c.col)).width = c.width ?? 14;
  }
  if (f.numbersRow !== undefined) {
    let k = 0;
    for (const c of f.columns) put(f.numbersRow, c.col, c.value && "codeOf" in c.value ? null : `(${++k})`, true);
  }
  rows.forEach((row, i) => {
    for (const c of f.columns) put(f.firstRow + i, c.col, row[c.col] ?? null);
  });
  ws.views = [{ state: "frozen", ySplit: f.numbersRow ?? f.headerRow }];
  fillSheet(wb.addWorksheet(f.detailSheet), DETAIL_COLUMNS, detailRows(proposals), [6, 40, 40, 11, 10, 12, 10, 10, 60], { 4: "0.00", 5: "0", 6: "0", 7: "0", 8: "0.00" });
  return { bytes: await toBytes(wb), issues };
}
