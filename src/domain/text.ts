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

/** Text that a spreadsheet would read as a formula or that CSV importers treat as one. */
export function looksLikeFormula(s: string): boolean {
  return /^[=+\-@]/.test(cleanText(s)) && !/^[+-]?\d/.test(cleanText(s));
}
