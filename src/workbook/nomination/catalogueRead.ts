import { raise, type IssueCode } from "../../domain/codes";
import { hasErrors, type Issue, type Where } from "../../domain/issues";
import { AWARD_LEVELS, type Award, type AwardKind, type AwardLevel, type Catalogue } from "../../domain/nomination/model";
import { cleanText, foldDiacritics, foldLabel } from "../../domain/text";
import { DENOMINATORS, DENOMINATOR_WORDS, type Comparison, type Denominator } from "../../domain/voting/model";
import { cellAddress } from "../a1";
import type { Grid } from "../grid";
import { CATALOGUE_COLUMNS, CATALOGUE_HEADERS, COMPARISON_TEXT, KIND_TEXT, LEVEL_TEXT, NO, YES, type CatalogueColumn } from "./catalogueTerms";

/** Reading the award catalogue sheet back (catalogueSheet.ts writes it): by its header labels, so inserted rows and columns read the same. */
/** A header or enum cell's comparison key: folded, "tỉ lệ" = "tỷ lệ", spaces around "/" and a trailing colon dropped. */
const key = (v: unknown): string =>
  foldLabel(v)
    .replace(/\s*\/\s*/g, "/")
    .replace(/\bti le\b/g, "ty le")
    .trim();
const text = (v: unknown): string => (v === null || v === undefined ? "" : typeof v === "number" ? String(v) : typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : cleanText(String(v)));
/** Multi-line text (the legal basis): NFC, line breaks kept, other white space folded. */
const paragraph = (v: unknown): string =>
  typeof v === "string"
    ? v
        .normalize("NFC")
        .split(/\r\n?|\n/)
        .map((l) => cleanText(l))
        .join("\n")
        .trim()
    : text(v);

/** Accepted header spellings (keys), the sheet's own label first. */
const HEADER_ACCEPT: Record<CatalogueColumn, string[]> = {
  id: ["ma", "ma danh hieu", "id", "code"],
  name: ["ten danh hieu/hinh thuc", "ten danh hieu/hinh thuc khen thuong", "danh hieu/hinh thuc", "ten danh hieu", "ten", "name"],
  kind: ["loai", "phan loai", "kind"],
  level: ["cap", "cap khen", "level"],
  priority: ["thu tu uu tien", "uu tien", "priority"],
  quota: ["so luong toi da/khoi", "so luong toi da", "so luong", "quota"],
  percentCap: ["ty le toi da (%)", "ty le toi da", "percent cap"],
  maxRank: ["hang toi da", "max rank"],
  bands: ["xep loai yeu cau", "xep loai", "bands"],
  leading: ["phai la don vi dan dau", "don vi dan dau", "dan dau", "leading"],
  votePassed: ["phai trung bo phieu", "trung bo phieu", "vote passed"],
  chosen: ["khoi chon de nghi", "khoi chon", "hoi nghi chon", "chosen"],
  registered: ["phai dang ky thi dua", "dang ky thi dua", "phai dang ky", "registered"],
  excludesLower: ["loai tru khen thap hon", "loai tru", "excludes lower"],
  votePercent: ["ty le phieu (%)", "ty le phieu", "vote percent"],
  comparison: ["so sanh", "comparison"],
  denominator: ["mau so", "denominator"],
  ruleNote: ["quy dinh ap dung", "quy dinh", "rule note"],
  legalBasis: ["can cu phap ly", "can cu", "legal basis"],
  custom: ["bo sung", "custom"],
};
for (const k of CATALOGUE_COLUMNS) HEADER_ACCEPT[k].unshift(key(CATALOGUE_HEADERS[k]));

function byKey<T extends string>(entries: [string, T][]): Map<string, T> {
  return new Map(entries.map(([s, v]) => [key(s), v]));
}
const KIND_BY_KEY = byKey<AwardKind>([
  [KIND_TEXT.title, "title"],
  [KIND_TEXT.reward, "reward"],
  ["danh hieu", "title"],
  ["hinh thuc", "reward"],
  ["khen thuong", "reward"],
  ["title", "title"],
  ["reward", "reward"],
]);
const LEVEL_BY_KEY = byKey<AwardLevel>([
  ...AWARD_LEVELS.map((l): [string, AwardLevel] => [LEVEL_TEXT[l], l]),
  ...AWARD_LEVELS.map((l): [string, AwardLevel] => [l, l]),
  ["thu tuong chinh phu", "government"],
  ["ubnd tinh", "province"],
  ["so nganh", "department"],
  ["so/nganh", "department"],
]);
const FLAG_BY_KEY = byKey<"yes" | "no">([
  [YES, "yes"],
  [NO, "no"],
  ["x", "yes"],
  ["yes", "yes"],
  ["true", "yes"],
  ["no", "no"],
  ["false", "no"],
]);
const COMPARISON_BY_KEY = byKey<Comparison>([
  ["≥", ">="],
  [">=", ">="],
  ["=>", ">="],
  [">", ">"],
]);
const DENOMINATOR_BY_KEY = byKey<Denominator>([
  ...DENOMINATORS.map((d): [string, Denominator] => [DENOMINATOR_WORDS[d].vi, d]),
  ...DENOMINATORS.map((d): [string, Denominator] => [DENOMINATOR_WORDS[d].en, d]),
  ...DENOMINATORS.map((d): [string, Denominator] => [d, d]),
]);

/** The cells an award's fields are read from. */
export type CatalogueField =
  | keyof Award
  | "prerequisites.maxRank"
  | "prerequisites.bands"
  | "prerequisites.leading"
  | "prerequisites.votePassed"
  | "prerequisites.chosen"
  | "prerequisites.registered"
  | "voteRule.percent"
  | "voteRule.comparison"
  | "voteRule.denominator";

const FIELD_COLUMN: Record<CatalogueField, CatalogueColumn> = {
  id: "id",
  name: "name",
  kind: "kind",
  level: "level",
  priority: "priority",
  quota: "quota",
  percentCap: "percentCap",
  prerequisites: "maxRank",
  "prerequisites.maxRank": "maxRank",
  "prerequisites.bands": "bands",
  "prerequisites.leading": "leading",
  "prerequisites.votePassed": "votePassed",
  "prerequisites.chosen": "chosen",
  "prerequisites.registered": "registered",
  excludesLower: "excludesLower",
  voteRule: "votePercent",
  "voteRule.percent": "votePercent",
  "voteRule.comparison": "comparison",
  "voteRule.denominator": "denominator",
  ruleNote: "ruleNote",
  legalBasis: "legalBasis",
  custom: "custom",
};

export interface CatalogueRead {
  /** False when no header row (a "Tên danh hiệu / hình thức" cell with "Mã", "Loại" or "Cấp" beside it) is on the sheet. */
  found: boolean;
  /** The awards in sheet order; null when any error was found (or nothing was found). */
  catalogue: Catalogue | null;
  issues: Issue[];
  /**
   * The cell (A1, on the sheet as read) an award's field was read from, for pointing the catalogue
   * check's issues at the sheet; the award's name cell when that column is missing; undefined for
   * an index out of range.
   */
  cellOf: (awardIndex: number, field: CatalogueField) => string | undefined;
}

/** A slug of a name: "Cờ thi đua của UBND tỉnh" → "co-thi-dua-cua-ubnd-tinh" (at most 40 characters). */
export function slugOf(name: string): string {
  const s = foldDiacritics(name)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
  return s || "khen-thuong";
}

type Num = { ok: true; value: number | null } | { ok: false };
/** A number cell: a number, or text typed as a number ("12", "66,67", "20 %"); blank → null. */
function numberOf(v: unknown): Num {
  if (typeof v === "number") return Number.isFinite(v) ? { ok: true, value: v } : { ok: false };
  if (typeof v === "boolean") return { ok: false };
  const s = text(v).replace(/\s/g, "").replace(/%$/, "");
  if (!s) return { ok: true, value: null };
  if (!/^[+-]?(\d+([.,]\d+)?|[.,]\d+)$/.test(s)) return { ok: false };
  return { ok: true, value: Number(s.replace(",", ".")) };
}

/** The codes of a column's bad values: empty where it must be chosen, unknown among its choices, invalid as a number. */
const COLUMN_CODES: Partial<Record<CatalogueColumn, { empty?: IssueCode; unknown?: IssueCode; invalid?: IssueCode }>> = {
  kind: { empty: "catalogue.kind.empty", unknown: "catalogue.kind.unknown" },
  level: { empty: "catalogue.level.empty", unknown: "catalogue.level.unknown" },
  denominator: { empty: "catalogue.denominator.empty", unknown: "catalogue.denominator.unknown" },
  comparison: { unknown: "catalogue.comparison.unknown" },
  leading: { unknown: "catalogue.leading.unknown" },
  votePassed: { unknown: "catalogue.votePassed.unknown" },
  chosen: { unknown: "catalogue.chosen.unknown" },
  registered: { unknown: "catalogue.registered.unknown" },
  excludesLower: { unknown: "catalogue.excludesLower.unknown" },
  custom: { unknown: "catalogue.custom.unknown" },
  priority: { invalid: "catalogue.priority.invalid" },
  quota: { invalid: "catalogue.quota.invalid" },
  percentCap: { invalid: "catalogue.percentCap.invalid" },
  maxRank: { invalid: "catalogue.maxRank.invalid" },
  votePercent: { invalid: "catalogue.votePercent.invalid" },
};

const NUMBER_RULES = {
  priority: { whole: true, min: 1, max: 1000 },
  quota: { whole: true, min: 0, max: 10000 },
  percentCap: { whole: false, min: 0, max: 100 },
  maxRank: { whole: true, min: 1, max: 10000 },
  votePercent: { whole: false, min: 0, max: 100 },
} as const;
type NumberColumn = keyof typeof NUMBER_RULES;

/**
 * Reads the catalogue back, anchored on its header row by folded labels (any case, with or without
 * diacritics, NFC or NFD): rows or columns inserted, a shifted used range and missing optional
 * columns (which take their defaults: no quota, no cap, no prerequisite, "Không", no vote, no
 * legal basis, priority by row order) read the same. Rows with neither Mã nor Tên are skipped; a
 * row with a name but no Mã gets an id derived from the name (a unique slug) and a warning saying
 * so. Errors, each at its cell: a missing required column (Tên, Loại, Cấp), a Mã without a name, an
 * empty or unknown Loại / Cấp / Có-Không / So sánh / Mẫu số (listing the allowed values), a number
 * that is not one or is out of the sheet's range, a vote percent without its denominator.
 * Catalogue-level checks (unique ids, priorities, kinds mixed) are validateCatalogue's.
 */
export function readCatalogueSheet(grid: Grid): CatalogueRead {
  const issues: Issue[] = [];
  const rowsOf: number[] = [];
  let head: { row: number; cols: Partial<Record<CatalogueColumn, number>> } | null = null;
  const where = (r: number, c: number): Where => ({ sheet: grid.sheet, cell: cellAddress(grid.row + r, grid.col + c) });
  const cellOf = (awardIndex: number, field: CatalogueField): string | undefined => {
    const r = rowsOf[awardIndex];
    if (r === undefined || !head) return undefined;
    const c = head.cols[FIELD_COLUMN[field]] ?? head.cols.name!;
    return cellAddress(grid.row + r, grid.col + c);
  };
  const out = (catalogue: Catalogue | null): CatalogueRead => ({ found: head !== null, catalogue, issues, cellOf });

  for (let r = 0; r < grid.values.length && !head; r++) {
    const keys = Array.from(grid.values[r] ?? [], key);
    const cols: Partial<Record<CatalogueColumn, number>> = {};
    for (const k of CATALOGUE_COLUMNS) {
      for (const a of HEADER_ACCEPT[k]) {
        const c = keys.indexOf(a);
        if (c >= 0 && !Object.values(cols).includes(c)) {
          cols[k] = c;
          break;
        }
      }
    }
    if (cols.name !== undefined && (cols.id !== undefined || cols.kind !== undefined || cols.level !== undefined)) head = { row: r, cols };
  }
  if (!head) return out(null);
  const H = head;
  const nameCol = H.cols.name as number;

  const missing = (["name", "kind", "level"] as const).filter((k) => H.cols[k] === undefined);
  if (missing.length > 0) {
    const labels = missing.map((k) => `"${CATALOGUE_HEADERS[k]}"`).join(", ");
    issues.push(raise("catalogue.column.missing", { labels }, where(H.row, nameCol)));
    return out(null);
  }

  // Explicit ids first, so a derived id never takes one typed further down.
  const taken = new Set<string>();
  for (let r = H.row + 1; r < grid.values.length; r++) {
    const id = H.cols.id !== undefined ? text(grid.values[r]?.[H.cols.id]) : "";
    if (id) taken.add(id);
  }

  const awards: Award[] = [];
  for (let r = H.row + 1; r < grid.values.length; r++) {
    const row = grid.values[r] ?? [];
    const raw = (k: CatalogueColumn): unknown => (H.cols[k] === undefined ? undefined : row[H.cols[k]]);
    const cell = (k: CatalogueColumn) => text(raw(k));
    const name = cell("name");
    let id = cell("id");
    if (!id && !name) continue;
    const excelRow = grid.row + r + 1;
    const before = issues.length;
    const push = (issue: Issue, k: CatalogueColumn) => issues.push({ ...issue, where: where(r, H.cols[k] ?? nameCol) });
    const label = name || id;

    if (!name) push(raise("catalogue.name.empty", { row: excelRow, id }), "name");
    if (!id) {
      const base = slugOf(name);
      id = base;
      for (let i = 2; taken.has(id); i++) id = `${base}-${i}`;
      taken.add(id);
      issues.push(raise("catalogue.id.derived", { name, id }, where(r, H.cols.id ?? nameCol)));
    }

    const allowed = (labels: string[]) => labels.map((t) => `"${t}"`).join("; ");
    // The codes of a column are catalogued per column (COLUMN_CODES); their parameters are the same for all.
    const pick = <T>(k: CatalogueColumn, map: Map<string, T>, labels: string[], empty: T | null): T | null => {
      const t = cell(k);
      const p = { label, value: t, allowed: allowed(labels) } as never;
      const codes = COLUMN_CODES[k] ?? {};
      if (!t) {
        if (empty === null && codes.empty) push(raise(codes.empty, p), k);
        return empty;
      }
      const v = map.get(key(t));
      if (v === undefined) {
        if (codes.unknown) push(raise(codes.unknown, p), k);
        return null;
      }
      return v;
    };
    const flag = (k: CatalogueColumn): boolean => {
      const v = raw(k);
      if (typeof v === "boolean") return v;
      return pick(k, FLAG_BY_KEY, [YES, NO], "no") === "yes";
    };
    const num = (k: NumberColumn): number | null => {
      const t = cell(k);
      const n = numberOf(raw(k));
      const rule = NUMBER_RULES[k];
      if (!n.ok || (n.value !== null && ((rule.whole && !Number.isInteger(n.value)) || n.value < rule.min || n.value > rule.max))) {
        const code = COLUMN_CODES[k]?.invalid;
        if (code) push(raise(code, { label, value: t, min: rule.min, max: rule.max } as never), k);
        return null;
      }
      return n.value;
    };

    const kind = pick("kind", KIND_BY_KEY, Object.values(KIND_TEXT), null);
    const level = pick("level", LEVEL_BY_KEY, Object.values(LEVEL_TEXT), null);
    let priority = num("priority");
    if (priority === null && H.cols.priority !== undefined && !cell("priority")) {
      issues.push(raise("catalogue.priority.empty", { label, priority: awards.length + 1 }, where(r, H.cols.priority)));
    }
    priority ??= awards.length + 1;
    const quota = num("quota");
    const percentCap = num("percentCap");
    const maxRank = num("maxRank");
    const bands = cell("bands")
      .split(/[;\n]/)
      .map((b) => cleanText(b))
      .filter(Boolean);
    const leading = flag("leading");
    const votePassed = flag("votePassed");
    const chosen = flag("chosen");
    // A sheet written before this column (2026-12) has none: "Không", as the schema's default.
    const registered = flag("registered");
    const excludesLower = flag("excludesLower");
    const custom = flag("custom");

    const percent = num("votePercent");
    let voteRule: Award["voteRule"] = null;
    if (percent !== null) {
      const comparison = pick("comparison", COMPARISON_BY_KEY, Object.values(COMPARISON_TEXT), ">=");
      const denominatorLabels = DENOMINATORS.map((d) => DENOMINATOR_WORDS[d].vi);
      const denominator =
        H.cols.denominator === undefined ? "members" : pick("denominator", DENOMINATOR_BY_KEY, denominatorLabels, null);
      if (comparison && denominator) voteRule = { percent, comparison, denominator, quorum: null };
    } else if (!cell("votePercent") && (cell("comparison") || cell("denominator"))) {
      issues.push(raise("catalogue.voteRule.noPercent", { label }, where(r, H.cols.votePercent ?? nameCol)));
    }

    if (hasErrors(issues.slice(before)) || !kind || !level) continue;
    rowsOf.push(r);
    awards.push({
      id,
      name,
      kind,
      level,
      priority,
      quota,
      percentCap,
      prerequisites: { maxRank, bands, leading, votePassed, chosen, registered },
      excludesLower,
      voteRule,
      ruleNote: paragraph(raw("ruleNote")),
      legalBasis: paragraph(raw("legalBasis")),
      custom,
    });
  }
  return out(hasErrors(issues) ? null : { awards });
}
