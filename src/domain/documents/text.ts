import { formatNumber } from "../format";
import type { BaseLayout, DocPiece } from "./layout";

/**
 * A number per an Excel-style format: "0", "0.00", "#,##0", "#,##0.00", "0%", "0.00%" (rounded
 * to the format's decimals, a rounded zero unsigned); any other format (or none) writes the number
 * as it is. Vietnamese: decimal comma, "." between thousands.
 */
export function formatByNumberFormat(x: number, numberFormat?: string): string {
  const m = numberFormat ? /^(#,##)?0(?:\.(0+))?(%)?$/.exec(numberFormat) : null;
  if (!m) return formatNumber(x, "vi");
  const decimals = m[2]?.length ?? 0;
  const rounded = Number((m[3] ? x * 100 : x).toFixed(decimals));
  return `${formatNumber(rounded === 0 ? 0 : rounded, "vi", { decimals, grouping: m[1] !== undefined })}${m[3] ? "%" : ""}`;
}

/** A piece as printed: a number per its format. */
export const pieceText = (p: Pick<DocPiece, "value" | "style">): string => (typeof p.value === "number" ? formatByNumberFormat(p.value, p.style.numberFormat) : p.value);

/** The plain-text renderer: one line per non-empty row, its pieces joined by a tab (empty pieces dropped). */
export function layoutText(layout: Pick<BaseLayout, "rows">): string[] {
  return layout.rows
    .map((r) => r.pieces.map(pieceText).filter((t) => t !== ""))
    .filter((cells) => cells.length > 0)
    .map((cells) => cells.join("\t"));
}
