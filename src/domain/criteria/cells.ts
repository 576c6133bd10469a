/**
 * The cells of a pasted criteria row as the parser reads them (parse.ts): values, numbering
 * ("I", "1", "1.2", "a)"), and what a row's words say about its kind ("Điểm thưởng", "Trừ điểm").
 */
import { cleanText, foldDiacritics, nameKey } from "../text";
import { CRITERION_KINDS, KIND_LABELS, type CriterionKind } from "./model";

// ---------------------------------------------------------------- values

/** A cell as text: numbers as JavaScript prints them, everything NFC with spaces folded. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return cleanText(String(v));
}

/** Multi-line text (notes, legal basis): each line cleaned, empty lines dropped. */
export function cellLines(v: unknown): string {
  if (typeof v !== "string") return cellText(v);
  return v
    .split(/\r\n|\r|\n/)
    .map(cleanText)
    .filter(Boolean)
    .join("\n");
}

/**
 * A number as a Vietnamese user types it: 10,5 → 10.5; 1.000 → 1000 (a dot followed by groups of
 * exactly three digits is a thousands separator); 1.500,5 → 1500.5; 0.25 → 0.25; "10 điểm" → 10.
 * Returns null for an empty cell and "invalid" for anything else.
 */
export function parseNumber(v: unknown): number | null | "invalid" {
  if (typeof v === "number") return Number.isFinite(v) ? v : "invalid";
  const s0 = cellText(v);
  if (!s0) return null;
  const s = s0
    .replace(/\s*(điểm|đ|diem|d|points?|pts?)\.?$/i, "")
    .replace(/\s+/g, "")
    .replace(/^\((.*)\)$/, "$1")
    .replace(/^[−–]/, "-");
  let m: RegExpExecArray | null;
  if (/^[+-]?\d+$/.test(s)) return Number(s);
  if ((m = /^([+-]?)([1-9]\d{0,2}(?:\.\d{3})+)(?:,(\d+))?$/.exec(s))) return Number(`${m[1]}${m[2].replace(/\./g, "")}${m[3] ? `.${m[3]}` : ""}`);
  if (/^[+-]?\d*,\d+$/.test(s)) return Number(s.replace(",", "."));
  if (/^[+-]?\d*\.\d+$/.test(s)) return Number(s);
  return "invalid";
}

const KIND_WORDS: Record<CriterionKind, string[]> = {
  points: ["diem", "points", "point", "diem so", "cham diem", "thang diem"],
  yesNo: ["dat/khong dat", "dat / khong dat", "dat - khong dat", "dat-khong dat", "dat, khong dat", "dat hoac khong dat", "yes/no", "yes / no", "yesno", "co/khong", "co / khong"],
  perOccurrence: ["theo lan", "moi lan", "lan", "diem/lan", "per occurrence", "peroccurrence", "per-occurrence"],
  bonus: ["thuong", "diem thuong", "cong", "diem cong", "cong diem", "bonus"],
  penalty: ["tru", "diem tru", "tru diem", "penalty", "phat"],
};

/** A kind as typed in the Loại column: the Vietnamese or English label, with or without accents. */
export function parseKind(v: unknown): CriterionKind | null | "invalid" {
  const s = cellText(v);
  if (!s) return null;
  const f = foldDiacritics(s).replace(/\s+/g, " ").replace(/[.:]+$/, "");
  for (const k of CRITERION_KINDS) {
    if (k.toLowerCase() === f.replace(/\s/g, "") || foldDiacritics(KIND_LABELS[k].vi) === f || KIND_LABELS[k].en.toLowerCase() === f) return k;
    if (KIND_WORDS[k].includes(f)) return k;
  }
  return "invalid";
}

// ---------------------------------------------------------------- numbering

const ROMAN = /^(?=[IVXLC])(C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/;

export type Numbering =
  | { kind: "section"; number: string }
  | { kind: "number"; number: string; parts: string[] }
  | { kind: "letter"; number: string }
  | { kind: "bullet"; number: string }
  | { kind: "none" }
  | { kind: "unknown"; shown: string };

/**
 * What an STT cell says: a section ("I", "II.", "Phần I", "PHẦN II"), a criterion ("1", "1.",
 * "2)", "1.1", "1.2.3"), a letter ("a", "a)", "b.", "(c)", "đ"), a bullet ("-", "+", "•") or
 * nothing. Roman numerals are upper case (or follow "Phần"); a lone lower-case "i", "v" or "x"
 * is a letter.
 */
export function parseNumbering(v: unknown): Numbering {
  const raw = cellText(v);
  if (!raw) return { kind: "none" };
  if (/^[-+•–—*·∙◦▪]+$/.test(raw)) return { kind: "bullet", number: raw[0] };
  let s = raw.replace(/^\((.+)\)$/, "$1").replace(/[.):]+$/, "").trim();
  const part = /^(?:phần|phan|part|mục|muc|chương|chuong)\s+(.+)$/i.exec(s);
  if (part) {
    const r = part[1].replace(/[.):]+$/, "").toUpperCase();
    if (ROMAN.test(r)) return { kind: "section", number: r };
    if (/^\d+$/.test(r)) return { kind: "section", number: `Phần ${Number(r)}` };
    return { kind: "unknown", shown: raw };
  }
  if (ROMAN.test(s)) return { kind: "section", number: s };
  if (/^\d+(\.\d+)*$/.test(s)) {
    const parts = s.split(".").map((p) => String(Number(p)));
    return { kind: "number", number: parts.join("."), parts };
  }
  s = s.normalize("NFC");
  if (/^[a-zđ]$/.test(s)) return { kind: "letter", number: s };
  return { kind: "unknown", shown: raw };
}

/** "1. Hoàn thành…", "I. THỰC HIỆN…", "a) Báo cáo…": a number typed at the start of the text. */
export function splitLeadingNumber(text: string): { number: string; text: string } | null {
  const m =
    /^((?:[Pp]hần|PHẦN|[Pp]han|PHAN)\s+[IVXLC]+|[IVXLC]+|\d+(?:\.\d+)*|[a-zđ])\s*[.):]\s+(\S.*)$/u.exec(text) ?? /^(\d+(?:\.\d+)+)\s+(\S.*)$/u.exec(text);
  return m ? { number: m[1], text: m[2] } : null;
}

// ---------------------------------------------------------------- kinds from text

// JavaScript's \b is ASCII-only, so word ends are written out: end, space, or punctuation.
const END = "(?=$|[\\s,;:.(])";
const BONUS_TEXT = new RegExp(`(điểm\\s+thưởng|điểm\\s+cộng|cộng\\s+điểm|thưởng\\s+điểm|được\\s+cộng|^(phần\\s+)?(thưởng|cộng)\\s*$)`, "u");
const PENALTY_TEXT = new RegExp(`(điểm\\s+trừ${END}|trừ\\s+điểm|^(phần\\s+)?trừ\\s*$)`, "u");
const BONUS_FOLDED = /(^|\s)(diem thuong|diem cong|cong diem)($|\s|[,;:.])/;
const PENALTY_FOLDED = /(^|\s)(diem tru|tru diem)($|\s|[,;:.])/;

/** What a row's words say about its kind: bonus, penalty, or both (a combined heading "ĐIỂM THƯỞNG, ĐIỂM TRỪ"). */
export type TextKind = "bonus" | "penalty" | "both";

/** Text as the kind patterns read it: NFC lower case, brackets left out, spaces folded. */
const kindKey = (text: string) =>
  nameKey(text)
    .replace(/\([^)]*\)/g, " ")
    .replace(/\s+/g, " ")
    .trim();

/**
 * Does a group's text say its leaves are bonus or penalty points? ("V. ĐIỂM THƯỞNG", "Điểm trừ",
 * "Các trường hợp bị trừ điểm"). Text in brackets is left out: "(không đạt trừ điểm)" explains a
 * content section, it does not make it a penalty section. A heading that names both ("ĐIỂM
 * THƯỞNG, ĐIỂM TRỪ") is "both": its rows must say which they are.
 */
export function kindOfGroupText(text: string): TextKind | null {
  const t = kindKey(text);
  // Text typed without accents ("DIEM THUONG") is also read folded.
  const plain = t === foldDiacritics(t);
  const penalty = PENALTY_TEXT.test(t) || (plain && PENALTY_FOLDED.test(t));
  const bonus = BONUS_TEXT.test(t) || (plain && BONUS_FOLDED.test(t));
  return penalty && bonus ? "both" : penalty ? "penalty" : bonus ? "bonus" : null;
}

const LEAF_BONUS = new RegExp(`^(điểm\\s+thưởng|điểm\\s+cộng|cộng\\s+điểm|thưởng\\s+điểm)${END}|^(thưởng|cộng)$`, "u");
const LEAF_PENALTY = new RegExp(`^(điểm\\s+trừ|trừ\\s+điểm)${END}|^trừ$`, "u");
const LEAF_BONUS_FOLDED = /^(diem thuong|diem cong|cong diem|thuong diem)($|[\s,;:.(])|^(thuong|cong)$/;
const LEAF_PENALTY_FOLDED = /^(diem tru|tru diem)($|[\s,;:.(])|^tru$/;

/**
 * Does a leaf's own text say it is a bonus or a penalty row? Only when the text begins with the
 * words ("Điểm thưởng: tối đa 03", "Điểm trừ: tối đa 03", "Cộng điểm", "Trừ điểm", "Điểm thưởng
 * (tối đa 5 điểm)"): a content criterion may mention points further on ("…được cộng vào…").
 * A leaf that begins with one kind and names the other too is "both".
 */
export function kindOfLeafText(text: string): TextKind | null {
  const t = kindKey(text);
  // Leading words typed without accents ("Diem tru: …") are read folded.
  const lead = t.split(/[\s,;:.(]+/).slice(0, 2).join(" ");
  const plain = lead === foldDiacritics(lead);
  const penalty = LEAF_PENALTY.test(t) || (plain && LEAF_PENALTY_FOLDED.test(foldDiacritics(t)));
  const bonus = LEAF_BONUS.test(t) || (plain && LEAF_BONUS_FOLDED.test(foldDiacritics(t)));
  if (!penalty && !bonus) return null;
  return kindOfGroupText(text) === "both" ? "both" : penalty ? "penalty" : "bonus";
}

/** "Tỷ lệ đạt từ 95% trở lên: 2,5", "…: 0", "…: 1 điểm": one scoring option of the row above. */
export const OPTION_LINE = /:\s*(\d+(?:[.,]\d+)?)\s*(?:điểm|đ)?\.?\s*$/u;
/** "Không được giao chỉ tiêu (Kinh tế - xã hội) thì không đánh giá chấm điểm nội dung này" (Hải Phòng QĐ 212/2025). */
const NOT_ASSESSED_FOLDED = /khong (duoc )?giao chi tieu.*khong (danh gia|cham diem)|khong danh gia,? (cham diem )?noi dung nay/;
export const isNotAssessedLine = (line: string) => NOT_ASSESSED_FOLDED.test(foldDiacritics(line));
/** A word of two or more lower-case letters, or a closing bracket, with 1–2 digits glued on: "giao2", "…việc)1". */
export const FOOTNOTE_TEXT = /(\p{Ll}{2,}|\))(\d{1,2})$/u;

export const YES_NO_TEXT = /(^|[^a-z])dat\s*(\/|-|–|hoac|,)\s*khong\s+dat/;

/** Rows that close a table: "Tổng cộng", "TỔNG SỐ ĐIỂM (I+II+III)", "Cộng", "Tổng điểm tối đa:". */
const TOTAL_TEXT = /^(tổng cộng|tổng số điểm|tổng điểm|tổng số|tổng|cộng)( chuẩn| tối đa)?\s*(\(.*\))?\s*:?$/u;
const TOTAL_FOLDED = /^(tong cong|tong so diem|tong diem|tong so|tong|cong)( chuan| toi da)?\s*(\(.*\))?\s*:?$/;
/** Folded matching only for text typed without accents: folded, "Công" would read as "Cộng". */
export const isTotalText = (text: string) => TOTAL_TEXT.test(nameKey(text)) || (nameKey(text) === foldDiacritics(text) && TOTAL_FOLDED.test(nameKey(text)));
