/**
 * Vietnamese text as users type it: NFC or NFD, odd spacing, any case.
 * Names are compared by their key: NFC, trimmed, inner white space folded, lower-cased (vi locale).
 */

/** NFC, trimmed, runs of white space (including non-breaking spaces) folded to one space. */
export function cleanText(s: string): string {
  return s.normalize("NFC").replace(/[\s\u00a0\u200b]+/g, " ").trim();
}

/** The comparison key of a name: two names with the same key are the same unit. */
export function nameKey(s: string): string {
  return cleanText(s).toLocaleLowerCase("vi");
}

/** Folds Vietnamese diacritics away (đ → d), for matching labels typed without accents. */
export function foldDiacritics(s: string): string {
  return nameKey(s)
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .normalize("NFC");
}

/**
 * The one folding of a label a reader compares (issue #13): any value, diacritics away, case and
 * spacing folded, a trailing colon or required-mark star dropped. "Số phiếu hợp lệ:" and "so phieu  hop le" fold alike.
 * Every sheet reader matches labels (and the aliases terms accept) through this function.
 */
export function foldLabel(v: unknown): string {
  if (v === null || v === undefined) return "";
  return foldDiacritics(String(v)).replace(/\s*[:：*]+\s*$/, "").trim();
}

/**
 * Text that a spreadsheet would read as a formula or that CSV importers treat as one: anything
 * beginning with = + - or @, numbers included ("-1+1" is a formula in Excel, "+1+cmd|' /C calc'!A0"
 * a CSV injection). A unit's name never needs to begin with one of them.
 */
export function looksLikeFormula(s: string): boolean {
  return /^[=+\-@]/.test(cleanText(s));
}

/** A fallback for webviews without Intl.Segmenter: a base and its marks, ZWJ links, modifiers, flag pairs. */
const CLUSTER = /\p{Regional_Indicator}{2}|.\p{M}*(?:\p{Emoji_Modifier}|\uFE0E|\uFE0F|[\u{E0020}-\u{E007F}]|\u200D.\p{M}*)*/gsu;

/** The user-perceived characters of `s` (grapheme clusters): an emoji, a ZWJ sequence, a letter with its marks. */
export function graphemes(s: string): string[] {
  const Seg = (Intl as { Segmenter?: typeof Intl.Segmenter }).Segmenter;
  if (Seg) return Array.from(new Seg("vi", { granularity: "grapheme" }).segment(s), (x) => x.segment);
  return s.match(CLUSTER) ?? [];
}

/**
 * The longest start of `s` that fits in `max` UTF-16 code units (Excel's measure of a sheet name)
 * without splitting a character: never half an emoji, a ZWJ sequence or a letter without its mark.
 */
export function cutGraphemes(s: string, max: number): string {
  let out = "";
  for (const g of graphemes(s)) {
    if (out.length + g.length > max) break;
    out += g;
  }
  return out;
}

/**
 * Latin-1 characters that Vietnamese never uses (symbols, ö ü ë ï ä å ç ñ ø þ ß…): the mark of text
 * typed in an old 8-bit font encoding, TCVN3 (.VnTime: "Së C«ng Th\u00ad¬ng") or VNI ("Sôû Coâng Thöông"),
 * and pasted as if it were Unicode (DOMAIN.md §6). Returns the first such character, or null.
 */
export function legacyEncodingMark(s: string): string | null {
  const m = /[\u00a1-\u00bf\u00c4-\u00c7\u00cb\u00ce\u00cf\u00d0\u00d1\u00d6-\u00d8\u00db\u00dc\u00de\u00df\u00e4-\u00e7\u00eb\u00ee\u00ef\u00f0\u00f1\u00f6-\u00f8\u00fb\u00fc\u00fe\u00ff]/.exec(s.normalize("NFC"));
  return m ? m[0] : null;
}
