import { wrapLines } from "../textFit";

// ---- Text width, for row heights that keep wrapped text whole when printed.

/** Advance of one character in em, for Times New Roman (an over-estimate, so nothing is cut). */
function charEm(ch: string): number {
  if (ch === " ") return 0.25;
  if (ch === "—") return 1;
  if (/[0-9]/.test(ch)) return 0.5;
  const base = ch.normalize("NFD")[0] ?? ch;
  if (/[iljtfrI.,:;'!|()\-–]/.test(base)) return 0.33;
  if (/[mwMW]/.test(base)) return 0.94;
  if (base !== base.toLowerCase()) return 0.72;
  return 0.5;
}

/** Width in points of a text at a size, bold adding about 8%. */
export function textWidth(text: string, size: number, bold = false): number {
  let em = 0;
  for (const ch of text) em += charEm(ch);
  return em * size * (bold ? 1.08 : 1);
}

/** Lines a text takes when wrapped by words in `width` points. */
export function wrappedLines(text: string, width: number, size: number, bold = false): number {
  return wrapLines(text, Math.max(width - 7, size), (t) => textWidth(t, size, bold));
}
