import { raiseAt } from "../domain/codes";
import type { Issue } from "../domain/issues";
import { type Scenario } from "./scenarioSchema";
import { parseScenario } from "./scenarioShape";

export * from "./scenarioSchema";
export { jsonPath, parseScenario } from "./scenarioShape";

/** The 1-based line and column of a UTF-16 offset in `text`. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split(/\r\n|\r|\n/);
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}

/**
 * Where JSON text first breaks the grammar (RFC 8259), as a UTF-16 offset: the character that
 * cannot come there (a comment, a single quote, a trailing comma's closing bracket), or the end
 * of a text cut short. -1 when the text is valid JSON.
 */
export function jsonErrorOffset(text: string): number {
  return scanJson(text).error;
}

/**
 * Scans JSON text: where it first breaks the grammar (-1 when valid), and the first name repeated
 * within one object (RFC 8259 §4: names SHOULD be unique; JSON.parse silently keeps the last one).
 */
export function scanJson(text: string): { error: number; duplicate: { key: string; at: number } | null } {
  let duplicate: { key: string; at: number } | null = null;
  let i = 0;
  const n = text.length;
  class Stop {
    constructor(readonly at: number) {}
  }
  const fail = (): never => {
    throw new Stop(i);
  };
  const ws = () => {
    while (i < n && (text[i] === " " || text[i] === "\t" || text[i] === "\n" || text[i] === "\r")) i++;
  };
  const word = (w: string) => {
    for (const c of w) if (text[i] === c) i++;
    else fail();
  };
  const str = () => {
    if (text[i] !== '"') fail();
    i++;
    for (;;) {
      if (i >= n) fail();
      const c = text[i];
      if (c === '"') return void i++;
      if (c < " ") fail();
      if (c === "\\") {
        i++;
        if (text[i] === "u") {
          i++;
          for (let k = 0; k < 4; k++) if (/[0-9a-fA-F]/.test(text[i] ?? "")) i++;
          else fail();
        } else if (text[i] !== undefined && '"\\/bfnrt'.includes(text[i])) i++;
        else fail();
      } else i++;
    }
  };
  const digits = () => {
    if (!/[0-9]/.test(text[i] ?? "")) fail();
    while (/[0-9]/.test(text[i] ?? "")) i++;
  };
  const num = () => {
    if (text[i] === "-") i++;
    if (text[i] === "0") i++;
    else digits();
    if (text[i] === ".") {
      i++;
      digits();
    }
    if (text[i] === "e" || text[i] === "E") {
      i++;
      if (text[i] === "+" || text[i] === "-") i++;
      digits();
    }
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === "{") {
      i++;
      ws();
      if (text[i] === "}") return void i++;
      const seen = new Set<string>();
      for (;;) {
        ws();
        const from = i;
        str();
        const key = JSON.parse(text.slice(from, i)) as string;
        if (seen.has(key) && !duplicate) duplicate = { key, at: from };
        seen.add(key);
        ws();
        if (text[i] !== ":") fail();
        i++;
        value();
        ws();
        if (text[i] === ",") i++;
        else if (text[i] === "}") return void i++;
        else fail();
      }
    }
    if (c === "[") {
      i++;
      ws();
      if (text[i] === "]") return void i++;
      for (;;) {
        value();
        ws();
        if (text[i] === ",") i++;
        else if (text[i] === "]") return void i++;
        else fail();
      }
    }
    if (c === '"') return str();
    if (c === "t") return word("true");
    if (c === "f") return word("false");
    if (c === "n") return word("null");
    if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) return num();
    fail();
  };
  try {
    value();
    ws();
    return { error: i < n ? i : -1, duplicate };
  } catch (e) {
    if (e instanceof Stop) return { error: e.at, duplicate };
    throw e;
  }
}

/**
 * A scenario file's text: UTF-8, with or without a byte-order mark (Windows Notepad writes one);
 * UTF-16 with its byte-order mark. Anything else (a legacy code page such as Windows-1258 or TCVN3,
 * UTF-16 without a mark) is refused with scenario.encoding naming the file and the line.
 */
export function decodeScenario(bytes: Uint8Array, file: string): { ok: true; text: string } | { ok: false; issues: Issue[] } {
  let utf16 = false;
  let body = bytes;
  let bad = -1;
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    try {
      return { ok: true, text: new TextDecoder(bytes[0] === 0xff ? "utf-16le" : "utf-16be", { fatal: true, ignoreBOM: true }).decode(bytes.subarray(2)) };
    } catch {
      utf16 = true;
      bad = 0;
    }
  } else {
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) body = bytes.subarray(3);
    bad = body.indexOf(0);
    utf16 = bad >= 0;
    if (bad < 0) {
      try {
        return { ok: true, text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(body) };
      } catch {
        bad = firstInvalidUtf8(body);
      }
    }
  }
  const line = body.subarray(0, bad).filter((x) => x === 0x0a).length + 1;
  return {
    ok: false,
    issues: [
      raiseAt(utf16 ? "scenario.encoding.utf16" : "scenario.encoding", { file, line }, `line ${line}`),
    ],
  };
}

/** The offset of the first byte that is not valid UTF-8. */
function firstInvalidUtf8(b: Uint8Array): number {
  for (let i = 0; i < b.length; ) {
    const x = b[i];
    const n = x < 0x80 ? 0 : x >= 0xc2 && x <= 0xdf ? 1 : x >= 0xe0 && x <= 0xef ? 2 : x >= 0xf0 && x <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (i + k >= b.length || (b[i + k] & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return 0;
}

/**
 * Reads a scenario file's bytes: its encoding (decodeScenario), its JSON (scenario.json, with the
 * line and column; scenario.json.duplicateKey for a key given twice in one object), its shape (scenario.shape, with the JSON path). Every problem is a coded issue
 * in Vietnamese and English naming the file.
 */
export function loadScenario(bytes: Uint8Array, file: string): { ok: true; scenario: Scenario } | { ok: false; issues: Issue[] } {
  const decoded = decodeScenario(bytes, file);
  if (!decoded.ok) return decoded;
  const text = decoded.text;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    void e; // its wording and whether it gives a position differ between engines: the offset is found here
    const { line, column } = lineColumn(text, jsonErrorOffset(text));
    const empty = text.trim() === "";
    return {
      ok: false,
      issues: [
        raiseAt(empty ? "scenario.json.empty" : "scenario.json", { file, line, column }, `line ${line}, column ${column}`),
      ],
    };
  }
  const dup = scanJson(text).duplicate;
  if (dup) {
    const { line, column } = lineColumn(text, dup.at);
    return {
      ok: false,
      issues: [
        raiseAt("scenario.json.duplicateKey", { file, key: dup.key, line, column }, `line ${line}, column ${column}`),
      ],
    };
  }
  const parsed = parseScenario(json);
  return parsed.ok ? parsed : { ok: false, issues: parsed.issues };
}
