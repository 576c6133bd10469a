import { z } from "zod";
import { error, type Issue, type Message } from "../domain/issues";
import { CriteriaTableSchema } from "../domain/criteria/model";
import { CatalogueSchema } from "../domain/nomination/catalogue";
import { ScoringSettingsSchema } from "../domain/scoring/settings";
import { MANUAL_REASONS, RULE_PRESETS, RuleSchema, TieStepSchema, INVALID_REASONS } from "../domain/voting/model";

/**
 * A scenario: what a bloc does in its year, as a file the headless runner plays through the same
 * use cases as the pane. The shape is checked here; the rules (duplicates, years, leaders) are
 * the domain's and come back as coded issues. Each later feature adds its part.
 */
const text = z.string().max(1000);

export const MemberSchema = z
  .object({
    name: text.describe("Tên đơn vị / full name of the member unit"),
    shortName: text.optional().describe("Tên viết tắt / short name"),
    note: text.optional().describe("Ghi chú / note"),
  })
  .strict();

export const BlocSchema = z
  .object({
    name: text.describe("Tên khối thi đua / bloc name"),
    province: text.describe("Tỉnh/thành phố / province"),
    year: z.union([z.number().int(), text]).describe("Năm thi đua / the year (2000–2100)"),
    leader: text.describe("Trưởng khối: a member's full or short name / the bloc leader"),
    deputies: z.array(text).max(4).describe("Phó trưởng khối: one or two members / one or two deputies"),
    members: z.array(MemberSchema).max(500).describe("Đơn vị thành viên / member units, in roster order"),
  })
  .strict();

const EntrySchema = z.union([
  z.number().describe("The self-score"),
  z
    .object({
      self: z.number().nullable().optional(),
      review: z.number().nullable().optional(),
      agreed: z.number().nullable().optional(),
      evidence: text.optional(),
      note: text.optional(),
    })
    .strict(),
]);

export const ScoringSchema = z
  .object({
    template: z.enum(["departments-100", "hue-1000", "blank"]).optional().describe("A shipped criteria template (a sample to adapt)"),
    criteria: CriteriaTableSchema.optional().describe("The bloc's own criteria table (see criteria.schema.json); used when no template is named"),
    password: z.string().max(255).optional().describe("Sheet protection password"),
    settings: ScoringSettingsSchema.optional().describe(
      "Cài đặt: which entry counts (stage), tie-breakers, classification bands {label, min, floorPercent} highest first, the fallback band, the large-gap warning; default: Nghệ An 2025 draft bands for the scale",
    ),
    scores: z
      .array(
        z
          .object({
            unit: text.describe("A member's full or short name"),
            ratio: z.number().min(0).max(1).optional().describe("Fill every content criterion's self-score at this share of its max (on the step) before the entries below"),
            entries: z.record(z.string(), EntrySchema).optional().describe("By criterion id (the Mã column): a self-score, or the stages"),
          })
          .strict(),
      )
      .optional(),
  })
  .strict();

const BallotInputSchema = z.union([
  z.array(text).max(200).describe("The units approved (approve list) or chosen: full or short names"),
  z
    .object({
      approve: z.array(text).max(200).optional().describe("Đồng ý / approved (or chosen)"),
      reject: z.array(text).max(200).optional().describe("Không đồng ý / rejected"),
      invalid: z.enum(MANUAL_REASONS).optional().describe("A reason the committee records by hand: wrongForm, addedNames, allStruckOut, other"),
    })
    .strict(),
]);

export const VoteInputSchema = z
  .object({
    purpose: z.enum(["award", "leader", "deputy"]).describe("An award (suy tôn), next year's bloc leader, or a deputy"),
    award: text.optional().describe("The award's name, for purpose award (default Cờ thi đua của UBND tỉnh)"),
    title: text.optional().describe("Nội dung / the vote's title (default from the purpose)"),
    seats: z.number().int().min(1).max(200).optional().describe("Số lượng được chọn / how many win (default 1); also the ballot's quota unless `quota` is given"),
    quota: z.number().int().min(1).max(200).optional().describe("Most approvals (or choices) a ballot may mark"),
    candidates: z.array(text).max(200).optional().describe("Full or short names, in ballot order (default: for an award the units in the top band of Tổng hợp; otherwise all members)"),
    rule: z.union([z.enum(Object.keys(RULE_PRESETS) as [keyof typeof RULE_PRESETS]), RuleSchema]).optional().describe("A preset name or a rule {percent, comparison, denominator, quorum}"),
    tieRule: z.array(TieStepSchema).max(8).optional().describe("Steps in order: higherScore, revote, meetingDecides, {lot:{seed}}"),
    blankBallot: z.enum(["valid", "invalid"]).optional().describe("Whether a ballot with nothing marked is valid"),
    committee: z.object({ head: text, members: z.array(text).max(20) }).strict().optional().describe("Ban kiểm phiếu"),
    present: z.number().int().min(0).optional().describe("Số có mặt (default: all members)"),
    issued: z.number().int().min(0).optional().describe("Số phiếu phát ra (default: those present)"),
    ballots: z.array(BallotInputSchema).max(10000).optional().describe("The paper ballots, numbered 1, 2, … in order, typed into entry 1"),
    secondEntry: z
      .array(z.object({ number: z.number().int().min(1), ballot: BallotInputSchema }).strict())
      .max(10000)
      .optional()
      .describe("Double entry: entry 2 equals entry 1 except these ballots (a typing difference); omit for a single entry"),
    decision: z.object({ accept: z.enum(["first", "second"]), by: text }).strict().optional().describe("Which entry the committee accepts when the two differ, and who decided"),
    handCount: z
      .object({
        returned: z.number().int().min(0),
        valid: z.number().int().min(0),
        invalid: z.number().int().min(0),
        votes: z.record(z.string(), z.number().int().min(0)),
        invalidReasons: z.partialRecord(z.enum(INVALID_REASONS), z.number().int().min(0)).optional(),
      })
      .strict()
      .optional()
      .describe("Totals counted by hand instead of ballots"),
    meeting: z.object({ elected: z.array(text), note: text }).strict().optional().describe("The meeting's choice on a tie left to it"),
    revote: z
      .object({
        ballots: z.array(BallotInputSchema).max(10000),
        present: z.number().int().min(0).optional().describe("Số có mặt ở vòng 2 (default: as round 1)"),
        issued: z.number().int().min(0).optional().describe("Số phiếu phát ra ở vòng 2 (default: those present)"),
      })
      .strict()
      .optional()
      .describe("Round 2 ballots, when the count ends in a revote among the tied or a run-off among the top candidates"),
    minutes: z.object({ place: text.optional(), at: z.iso.datetime({ local: true }).optional() }).strict().optional().describe("Write the vote-count minutes: place (default the province) and local date-time"),
  })
  .strict();

export const LeadershipInputSchema = z.union([
  z.object({ mode: z.literal("rotation"), deputies: z.union([z.literal(1), z.literal(2)]) }).strict(),
  z.object({ mode: z.literal("election") }).strict().describe("From the scenario's leader vote (and deputy vote, if any)"),
  z.object({ mode: z.literal("designation"), leader: text, deputies: z.array(text).max(2) }).strict(),
]);

export const NominationInputSchema = z
  .object({
    meeting: z
      .object({
        date: z.string().regex(/^\d{1,2}\/\d{1,2}\/\d{4}$/).optional().describe("Ngày họp, dd/mm/yyyy"),
        time: z.string().regex(/^\d{1,2}:\d{2}$/).optional().describe("Giờ bắt đầu, hh:mm"),
        place: text.optional().describe("Địa điểm"),
        chair: text.optional().describe("Chủ trì"),
        secretary: text.optional().describe("Thư ký"),
        present: z.number().int().min(0).optional().describe("Số đơn vị có mặt"),
        absent: z.array(text).max(200).optional().describe("Đơn vị vắng mặt (full or short names)"),
        submissionNumber: text.optional().describe("Số tờ trình, e.g. 05/TTr-KTĐ"),
        addressee: text.optional().describe("Kính gửi: where the file goes (default: Hội đồng Thi đua - Khen thưởng of the province)"),
        recipients: z.array(text).max(20).optional().describe("Nơi nhận lines (default: Như trên; Các đơn vị trong khối; Lưu: VT)"),
      })
      .strict()
      .optional()
      .describe("The review meeting's record"),
    catalogue: CatalogueSchema.optional().describe("The bloc's award catalogue (sheet Khen thưởng); default: the catalogue of the law in force"),
    overrides: z
      .array(z.object({ unit: text, award: text, include: z.boolean(), reason: text.min(1) }).strict())
      .max(200)
      .optional()
      .describe("The meeting's decisions overriding the proposed list, each with its reason"),
    files: z.boolean().optional().describe("Also produce the documents and exports (default true): written beside the workbook"),
  })
  .strict();

export const StartInputSchema = z
  .object({
    pact: z
      .object({
        theme: text.optional().describe("Chủ đề, khẩu hiệu thi đua / the year's theme"),
        place: text.optional().describe("Địa điểm ký / where it is signed"),
        signedOn: text.optional().describe("Ngày ký, dd/mm/yyyy / the signing date"),
        commitments: z.array(text).max(100).optional().describe("Nội dung giao ước / the units' common commitments, in order"),
      })
      .strict()
      .optional()
      .describe("Giao ước thi đua: the emulation pact signed at the launch meeting (sheet Giao ước thi đua)"),
    registrations: z
      .array(
        z
          .object({
            unit: text.describe("A member's full or short name"),
            awards: z.array(text).max(50).describe("Award ids or names of the catalogue the unit registers for"),
            targets: text.optional().describe("Chỉ tiêu đăng ký / the unit's own targets"),
          })
          .strict(),
      )
      .max(500)
      .optional()
      .describe("Đăng ký thi đua: each unit's registration (sheet Đăng ký thi đua); members left out are not registered"),
    files: z.boolean().optional().describe("Also produce the pact and the registration list as .docx (default true)"),
  })
  .strict();

export const ScenarioSchema = z
  .object({
    $schema: z.string().optional(),
    description: z.string().optional().describe("What this scenario shows"),
    output: z.string().optional().describe("Where to write the workbook (.xlsx), relative to the scenario file"),
    bloc: BlocSchema,
    history: z
      .array(z.object({ year: z.number().int().min(2000).max(2100), leader: text, deputies: z.array(text).max(2).optional(), basis: text.optional() }).strict())
      .max(50)
      .optional()
      .describe("Earlier years' leaders and deputies (sheet Trưởng khối các năm), which rotation reads: full or short names"),
    start: StartInputSchema.optional().describe("The start of the year: the pact and the registrations, played after the criteria are set and before the scores"),
    scoring: ScoringSchema.optional().describe("Criteria, score sheets and the units' scores"),
    votes: z.array(VoteInputSchema).max(50).optional().describe("Secret-ballot votes: awards, next year's leader and deputies"),
    leadership: LeadershipInputSchema.optional().describe("Write next year's bloc leader and deputies"),
    nomination: NominationInputSchema.optional().describe("The nomination list, the review-meeting minutes, the submission and the exports"),
  })
  .strict();

export type Scenario = z.infer<typeof ScenarioSchema>;

/** The JSON Schema of a scenario file, as published in docs/scenario.schema.json. */
export function scenarioJsonSchema(): object {
  return {
    ...z.toJSONSchema(ScenarioSchema, { target: "draft-2020-12" }),
    $id: "https://binhxet.github.io/schemas/scenario.schema.json",
    title: "Bình xét scenario",
    description: "A bloc's year for the headless runner (npm run demo). / Kịch bản một năm của khối cho trình chạy không giao diện.",
  };
}

/** A JSON path as a user reads it: votes[2].ballots[5], scoring.scores[0].entries["I.1.a"]. */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const k of path) {
    if (typeof k === "number") out += `[${k}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(String(k))) out += `${out ? "." : ""}${String(k)}`;
    else out += `[${JSON.stringify(String(k))}]`;
  }
  return out;
}

const say = (vi: string, en: string): Message => ({ vi, en });

/** A JSON value's kind, in both languages. */
function kindOf(v: unknown): Message {
  if (v === undefined) return say("trống", "missing");
  if (v === null) return say("null", "null");
  if (Array.isArray(v)) return say("một mảng", "an array");
  if (typeof v === "string") return say(`chuỗi ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`, `the string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`);
  if (typeof v === "number") return say(`số ${v}`, `the number ${v}`);
  if (typeof v === "boolean") return say(`${v}`, `${v}`);
  return say("một đối tượng", "an object");
}
const EXPECTED: Record<string, Message> = {
  string: say("một chuỗi", "a string"),
  number: say("một số", "a number"),
  int: say("một số nguyên", "a whole number"),
  boolean: say("true hoặc false", "true or false"),
  array: say("một mảng […]", "an array […]"),
  object: say("một đối tượng {…}", "an object {…}"),
};
const expected = (t: string): Message => EXPECTED[t] ?? say(t, t);

/** The value at `path` in `json` (undefined when absent). */
function at(json: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = json;
  for (const k of path) v = v !== null && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v;
}

type ZIssue = z.core.$ZodIssue;

/** A union's branch that went furthest: not a wrong kind at its root, fewest issues, deepest path. */
function bestBranch(branches: ZIssue[][]): ZIssue[] {
  const wrongKind = (b: ZIssue[]) => b.every((i) => i.path.length === 0 && (i.code === "invalid_type" || i.code === "invalid_value"));
  const depth = (b: ZIssue[]) => Math.max(0, ...b.map((i) => i.path.length));
  return [...branches].sort((a, b) => Number(wrongKind(a)) - Number(wrongKind(b)) || a.length - b.length || depth(b) - depth(a))[0] ?? [];
}

/** One zod issue → coded issues (scenario.shape) in both languages, each with its JSON path as `field`. */
function shapeIssues(i: ZIssue, base: readonly PropertyKey[], json: unknown): Issue[] {
  const path = [...base, ...i.path];
  const p = jsonPath(path) || "(root)";
  const got = at(json, path);
  const out = (m: Message, field = p): Issue => ({ ...error("scenario.shape", m), field });
  switch (i.code) {
    case "invalid_type":
      if (got === undefined) return [out(say(`Thiếu trường bắt buộc "${p}".`, `The required field "${p}" is missing.`))];
      return [out(say(`"${p}" phải là ${expected(i.expected).vi}, không phải ${kindOf(got).vi}.`, `"${p}" must be ${expected(i.expected).en}, not ${kindOf(got).en}.`))];
    case "unrecognized_keys":
      return i.keys.map((k) => {
        const f = jsonPath([...path, k]);
        return out(say(`"${f}": khoá lạ "${k}" (sai chính tả hoặc không dùng ở đây; xem scenario.schema.json).`, `"${f}": unknown key "${k}" (misspelt or not used here; see scenario.schema.json).`), f);
      });
    case "too_big":
    case "too_small": {
      const big = i.code === "too_big";
      const n = String(big ? i.maximum : i.minimum);
      const strict = !i.inclusive;
      if (i.origin === "array" || i.origin === "set")
        return [out(big ? say(`"${p}" có quá ${n} phần tử.`, `"${p}" has more than ${n} items.`) : say(`"${p}" cần ít nhất ${n} phần tử.`, `"${p}" needs at least ${n} items.`))];
      if (i.origin === "string")
        return [out(big ? say(`"${p}" dài quá ${n} ký tự.`, `"${p}" is longer than ${n} characters.`) : say(`"${p}" cần ít nhất ${n} ký tự.`, `"${p}" needs at least ${n} characters.`))];
      const rel = big ? (strict ? ["nhỏ hơn", "less than"] : ["không lớn hơn", "at most"]) : strict ? ["lớn hơn", "greater than"] : ["không nhỏ hơn", "at least"];
      return [out(say(`"${p}" phải ${rel[0]} ${n} (đang là ${kindOf(got).vi}).`, `"${p}" must be ${rel[1]} ${n} (it is ${kindOf(got).en}).`))];
    }
    case "invalid_value": {
      const vs = i.values.map((v) => JSON.stringify(v)).join(", ");
      return [out(say(`"${p}" phải là một trong: ${vs} (đang là ${kindOf(got).vi}).`, `"${p}" must be one of: ${vs} (it is ${kindOf(got).en}).`))];
    }
    case "invalid_format": {
      const how = i.format === "datetime" ? say("ngày giờ dạng 2026-12-20T08:30", "a date-time like 2026-12-20T08:30") : i.format === "regex" && i.pattern ? say(`dạng ${i.pattern}`, `the form ${i.pattern}`) : say(i.format, i.format);
      return [out(say(`"${p}" phải là ${how.vi} (đang là ${kindOf(got).vi}).`, `"${p}" must be ${how.en} (it is ${kindOf(got).en}).`))];
    }
    case "invalid_union": {
      const branches = i.errors;
      const root = branches.flat().filter((x) => x.path.length === 0);
      // Every branch refused the value's kind: say which kinds are allowed.
      if (root.length === branches.flat().length && root.every((x) => x.code === "invalid_type" || x.code === "invalid_value")) {
        const kinds = root.flatMap((x) => (x.code === "invalid_type" ? [expected(x.expected)] : x.code === "invalid_value" ? x.values.map((v) => say(JSON.stringify(v), JSON.stringify(v))) : []));
        const uniq = (xs: string[]) => [...new Set(xs)].join(" hoặc ");
        const uniqEn = (xs: string[]) => [...new Set(xs)].join(" or ");
        return [out(say(`"${p}" phải là ${uniq(kinds.map((k) => k.vi))}, không phải ${kindOf(got).vi}.`, `"${p}" must be ${uniqEn(kinds.map((k) => k.en))}, not ${kindOf(got).en}.`))];
      }
      return bestBranch(branches).flatMap((x) => shapeIssues(x, path, json));
    }
    case "not_multiple_of":
      return [out(say(`"${p}" phải là bội số của ${String(i.divisor)}.`, `"${p}" must be a multiple of ${String(i.divisor)}.`))];
    default:
      return [out(say(`"${p}" không hợp lệ.`, `"${p}" is not valid.`))];
  }
}

/**
 * Checks a scenario's shape. Its problems are coded issues (scenario.shape) in Vietnamese and
 * English, each with the JSON path as `field` ("votes[2].ballots[5]"), and the same as lines
 * "path: vi / en".
 */
export function parseScenario(json: unknown): { ok: true; scenario: Scenario } | { ok: false; problems: string[]; issues: Issue[] } {
  const r = ScenarioSchema.safeParse(json);
  if (r.success) return { ok: true, scenario: r.data };
  const issues = r.error.issues.flatMap((i) => shapeIssues(i, [], json));
  return { ok: false, issues, problems: issues.map((i) => `${i.field}: ${i.message.vi} / ${i.message.en}`) };
}

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
      {
        ...error(
          "scenario.encoding",
          say(
            `Tệp kịch bản ${file} không phải văn bản UTF-8 (dòng ${line}${utf16 ? ", có vẻ là UTF-16" : ", có vẻ là bảng mã cũ như Windows-1258 hay TCVN3"}). Hãy lưu lại tệp với bảng mã UTF-8 (Notepad: File → Save As → Encoding: UTF-8).`,
            `The scenario file ${file} is not UTF-8 text (line ${line}${utf16 ? ", apparently UTF-16" : ", apparently a legacy code page such as Windows-1258 or TCVN3"}). Save it again as UTF-8 (Notepad: File → Save As → Encoding: UTF-8).`,
          ),
        ),
        field: `line ${line}`,
      },
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
        {
          ...error(
            "scenario.json",
            empty
              ? say(`Tệp kịch bản ${file} trống.`, `The scenario file ${file} is empty.`)
              : say(
                  `Tệp kịch bản ${file} không phải JSON hợp lệ ở dòng ${line}, cột ${column}: kiểm tra dấu phẩy, ngoặc và dấu nháy kép quanh chuỗi ngay trước chỗ đó.`,
                  `The scenario file ${file} is not valid JSON at line ${line}, column ${column}: check the commas, brackets and double quotes just before it.`,
                ),
          ),
          field: `line ${line}, column ${column}`,
        },
      ],
    };
  }
  const dup = scanJson(text).duplicate;
  if (dup) {
    const { line, column } = lineColumn(text, dup.at);
    return {
      ok: false,
      issues: [
        {
          ...error(
            "scenario.json.duplicateKey",
            say(
              `Tệp kịch bản ${file}: khoá "${dup.key}" được ghi hai lần trong cùng một đối tượng (dòng ${line}, cột ${column}); chỉ lần sau được dùng, lần trước bị bỏ qua. Hãy gộp lại hoặc xoá một lần.`,
              `The scenario file ${file}: the key "${dup.key}" appears twice in one object (line ${line}, column ${column}); only the later one would be used, the earlier silently dropped. Merge them or delete one.`,
            ),
          ),
          field: `line ${line}, column ${column}`,
        },
      ],
    };
  }
  const parsed = parseScenario(json);
  return parsed.ok ? parsed : { ok: false, issues: parsed.issues };
}
