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
