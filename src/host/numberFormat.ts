/**
 * A simple rendering of values through Excel number formats, for `Range.text` and the preview grid.
 * Supports General, "@", digit placeholders (0 # , .), percent, literal text, up to four sections,
 * and the common date/time codes (d dd m mm mmm yyyy yy h hh mm ss). Not a full implementation.
 */

export type CellScalar = string | number | boolean;

function formatGeneral(v: number): string {
  if (Number.isInteger(v) && Math.abs(v) < 1e11) return String(v);
  const abs = Math.abs(v);
  if (abs !== 0 && (abs >= 1e11 || abs < 1e-9)) {
    const s = v.toExponential(5).replace(/\.?0+e/, "E").replace("e", "E");
    return s.replace(/E([+-])(\d)$/, "E$10$2");
  }
  const s = Number(v.toPrecision(10)).toString();
  return s;
}

function splitSections(fmt: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i];
    if (ch === '"') quoted = !quoted;
    if (ch === "\\" && i + 1 < fmt.length) {
      cur += ch + fmt[i + 1];
      i++;
      continue;
    }
    if (ch === ";" && !quoted) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function isDateFormat(section: string): boolean {
  const stripped = section.replace(/"[^"]*"/g, "").replace(/\\./g, "").replace(/\[[^\]]*\]/g, "");
  return /[dyhs]/i.test(stripped) || /m/i.test(stripped.replace(/[#0?.,%]/g, "")) && !/[#0?]/.test(stripped);
}

function serialToParts(serial: number): { y: number; m: number; d: number; hh: number; mi: number; ss: number } {
  const days = Math.floor(serial);
  const ms = Math.round((serial - days) * 86400000);
  // Excel's 1900 system: serial 1 = 1900-01-01, with the phantom 1900-02-29 (serial 60).
  const base = Date.UTC(1899, 11, 30);
  const adj = days < 60 ? days + 1 : days;
  const date = new Date(base + adj * 86400000 + ms);
  return {
    y: date.getUTCFullYear(),
    m: date.getUTCMonth() + 1,
    d: date.getUTCDate(),
    hh: date.getUTCHours(),
    mi: date.getUTCMinutes(),
    ss: date.getUTCSeconds(),
  };
}

function formatDate(v: number, section: string): string {
  const p = serialToParts(v);
  const pad = (n: number, w = 2): string => String(n).padStart(w, "0");
  let out = "";
  let i = 0;
  let lastWasHour = false;
  while (i < section.length) {
    const ch = section[i];
    if (ch === '"') {
      const j = section.indexOf('"', i + 1);
      out += section.slice(i + 1, j < 0 ? undefined : j);
      i = j < 0 ? section.length : j + 1;
      continue;
    }
    if (ch === "\\") {
      out += section[i + 1] ?? "";
      i += 2;
      continue;
    }
    if (ch === "[") {
      const j = section.indexOf("]", i);
      i = j < 0 ? section.length : j + 1;
      continue;
    }
    const run = /^(y+|m+|d+|h+|s+)/i.exec(section.slice(i));
    if (run) {
      const tok = run[1].toLowerCase();
      const c = tok[0];
      if (c === "y") out += tok.length <= 2 ? pad(p.y % 100) : String(p.y);
      else if (c === "d") out += tok.length === 1 ? String(p.d) : pad(p.d);
      else if (c === "h") out += tok.length === 1 ? String(p.hh) : pad(p.hh);
      else if (c === "s") out += tok.length === 1 ? String(p.ss) : pad(p.ss);
      else if (c === "m") {
        const rest = section.slice(i + tok.length);
        const minute = lastWasHour || /^[^a-z]*s/i.test(rest);
        if (minute) out += tok.length === 1 ? String(p.mi) : pad(p.mi);
        else if (tok.length === 1) out += String(p.m);
        else if (tok.length === 2) out += pad(p.m);
        else out += MONTHS[p.m - 1];
      }
      lastWasHour = c === "h";
      i += tok.length;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

function formatNumberSection(v: number, section: string, negativeSection: boolean): string {
  let s = section;
  const percent = (s.match(/%/g) ?? []).length;
  let x = Math.abs(v) * Math.pow(100, percent);
  // literal parts and placeholders
  const core = /[0#?][0#?,.]*|\.[0#?]+/.exec(s.replace(/"[^"]*"/g, (m) => " ".repeat(m.length)));
  if (!core) return s.replace(/"([^"]*)"/g, "$1").replace(/\\(.)/g, "$1");
  const pattern = core[0];
  let intPart = pattern;
  let fracPart = "";
  const dot = pattern.indexOf(".");
  if (dot >= 0) {
    intPart = pattern.slice(0, dot);
    fracPart = pattern.slice(dot + 1);
  }
  let scale = 0;
  while (intPart.endsWith(",")) {
    intPart = intPart.slice(0, -1);
    scale++;
  }
  x = x / Math.pow(1000, scale);
  const decimals = fracPart.replace(/[^0#?]/g, "").length;
  const minDecimals = fracPart.replace(/[^0]/g, "").length;
  let text = x.toFixed(decimals);
  let [ip, fp = ""] = text.split(".");
  while (fp.length > minDecimals && fp.endsWith("0")) fp = fp.slice(0, -1);
  const minInt = intPart.replace(/[^0]/g, "").length;
  if (ip === "0" && minInt === 0) ip = "";
  ip = ip.padStart(minInt, "0");
  if (intPart.includes(",")) ip = ip.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  text = ip + (dot >= 0 ? "." + fp : "");
  s = s.slice(0, core.index) + "\u0000" + s.slice(core.index + pattern.length);
  let out = s.replace(/"([^"]*)"/g, "$1").replace(/\\(.)/g, "$1").replace(/_./g, " ").replace(/\*./g, "");
  out = out.replace("\u0000", text);
  if (v < 0 && !negativeSection) out = "-" + out;
  return out;
}

/** Renders a cell value with a number format, roughly as Excel displays it. */
export function formatValue(value: CellScalar | null, format: string): string {
  if (value === null || value === "") return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  const fmt = format || "General";
  const sections = splitSections(fmt);
  if (typeof value === "string") {
    if (value.startsWith("#")) return value;
    const textSection = sections.length >= 4 ? sections[3] : sections.find((s) => s.includes("@"));
    if (textSection && textSection.includes("@")) return textSection.replace(/"([^"]*)"/g, "$1").replace("@", value);
    return value;
  }
  if (!Number.isFinite(value)) return "#NUM!";
  if (fmt === "General" || fmt === "@") return formatGeneral(value);
  let section = sections[0];
  let negativeSection = false;
  if (value < 0 && sections.length >= 2 && sections[1] !== "") {
    section = sections[1];
    negativeSection = true;
  } else if (value === 0 && sections.length >= 3) section = sections[2];
  if (/^general$/i.test(section.trim())) return (negativeSection ? "" : "") + formatGeneral(negativeSection ? Math.abs(value) : value);
  const cleaned = section.replace(/\[[^\]]*\]/g, "");
  // "General" beside literal text ('"0 hoặc "General'): the number as General shows it, within the text.
  const general = /general/i.exec(cleaned.replace(/"[^"]*"/g, (m) => " ".repeat(m.length)));
  if (general) {
    const lit = (x: string) => x.replace(/"([^"]*)"/g, "$1").replace(/\\(.)/g, "$1");
    return (value < 0 && !negativeSection ? "-" : "") + lit(cleaned.slice(0, general.index)) + formatGeneral(Math.abs(value)) + lit(cleaned.slice(general.index + 7));
  }
  if (isDateFormat(cleaned)) return formatDate(value, cleaned);
  return formatNumberSection(value, cleaned, negativeSection);
}
