import { formatNumber, type Lang } from "../format";
import type { Message } from "../issues";

/** A template's parameter: text, a number (written per language), or words per language. */
export type Param = string | number | Message;

/** Fills a template; a number is written the language's way. A missing parameter stays visible as {name}. */
export function fill(template: string, params: Readonly<Record<string, Param>>, lang: Lang): string {
  return template.replace(/\{(\w+)\}/g, (all, name: string) => {
    const v = params[name];
    if (v === undefined) return all;
    return typeof v === "number" ? formatNumber(v, lang) : typeof v === "string" ? v : v[lang];
  });
}
