/**
 * Numbers, percents and dates as the product writes them, in one place (issue #13): Vietnamese
 * first (decimal comma, "." groups thousands), English second. Every sheet, document, message and
 * pane string formats through here.
 */
export type Lang = "vi" | "en";

const LOCALE: Record<Lang, string> = { vi: "vi-VN", en: "en-US" };
const cache = new Map<string, Intl.NumberFormat>();
function nf(lang: Lang, o: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang}|${JSON.stringify(o)}`;
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.NumberFormat(LOCALE[lang], o)));
  return f;
}

export interface NumberStyle {
  /** Exactly this many decimals (rounded); otherwise up to 6, trailing zeros dropped. */
  decimals?: number;
  /** Group thousands ("1.234"); off by default: scores and votes are written as typed ("1234,5"). */
  grouping?: boolean;
  /** At most this many decimals (rounded), trailing zeros dropped; 6 by default. */
  maxDecimals?: number;
}

/** A number as written: 2,5 (vi) or 2.5 (en); -0 is 0. */
export function formatNumber(x: number, lang: Lang = "vi", style: NumberStyle = {}): string {
  if (!Number.isFinite(x)) return String(x);
  const o: Intl.NumberFormatOptions = {
    useGrouping: style.grouping ?? false,
    minimumFractionDigits: style.decimals ?? 0,
    maximumFractionDigits: style.decimals ?? style.maxDecimals ?? 6,
  };
  const s = nf(lang, o).format(x === 0 ? 0 : x);
  return s === "-0" ? "0" : s;
}

/** A share in percent units with 2 decimals, no sign: 57,14 (vi) / 57.14 (en). `x` is already ×100. */
export function formatPercent(x: number, lang: Lang = "vi"): string {
  return formatNumber(x, lang, { decimals: 2 });
}

/** "từ 50% trở lên" / "at least 50%" (">="), "trên 50%" / "more than 50%" (">"). */
export function thresholdPhrase(percent: number, comparison: ">=" | ">", lang: Lang = "vi"): string {
  const p = `${formatNumber(percent, lang)}%`;
  if (lang === "vi") return comparison === ">=" ? `từ ${p} trở lên` : `trên ${p}`;
  return comparison === ">=" ? `at least ${p}` : `more than ${p}`;
}

/** "≥ 50%" / "> 50%": the short form for tables and badges. */
export function thresholdSymbol(percent: number, comparison: ">=" | ">", lang: Lang = "vi"): string {
  return `${comparison === ">=" ? "≥" : ">"} ${formatNumber(percent, lang)}%`;
}

export interface DayParts {
  day: number;
  month: number;
  year: number;
}

const pad2 = (n: number) => String(Math.trunc(n)).padStart(2, "0");

const parts = (d: DayParts | Date): DayParts => (d instanceof Date ? { day: d.getDate(), month: d.getMonth() + 1, year: d.getFullYear() } : d);

/** 05/12/2026 (both languages write day first in our documents). */
export function formatDate(d: DayParts | Date): string {
  const p = parts(d);
  return `${pad2(p.day)}/${pad2(p.month)}/${p.year}`;
}

/** "ngày 05 tháng 12 năm 2026" (NĐ 30 place-and-date line) / "5 December 2026". */
export function formatDateLong(d: DayParts | Date, lang: Lang = "vi"): string {
  const p = parts(d);
  if (lang === "vi") return `ngày ${pad2(p.day)} tháng ${pad2(p.month)} năm ${p.year}`;
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(Date.UTC(p.year, p.month - 1, p.day));
}

/** 08:30 (24-hour clock). */
export function formatTime(hour: number, minute: number): string {
  return `${pad2(hour)}:${pad2(minute)}`;
}
