import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { cleanText } from "../../../src/domain/text";
import {
  checkCandidatesAreMembers,
  checkVoteShape,
  BallotSchema,
  checkRuleChosen,
  checkVote,
  CUSTOM_RULE,
  presetOf,
  RULE_PRESET_KEYS,
  ruleSourceText,
  HandCountSchema,
  parseVote,
  RULE_PRESETS,
  ruleText,
  tieRuleText,
  VoteSchema,
  voteJsonSchema,
  type Vote,
} from "../../../src/domain/voting/model";
import { revoteRound } from "../../../src/domain/voting/tally";
import { approve, choose, codes, flagVote, UNITS } from "./helpers";

const SCHEMA_FILE = resolve(__dirname, "../../../docs/vote.schema.json");

describe("vote model", () => {
  it("the schema takes a vote, its ballots and a hand count, and refuses what is not one", () => {
    expect(VoteSchema.parse(flagVote())).toEqual(flagVote());
    expect(VoteSchema.safeParse({ ...flagVote(), ballot: { kind: "approve", quota: 0 } }).success).toBe(false);
    expect(VoteSchema.safeParse({ ...flagVote(), rule: { ...flagVote().rule, denominator: "delegates" } }).success).toBe(false);
    expect(VoteSchema.safeParse({ ...flagVote(), tieRule: [{ lot: { seed: "" } }] }).success).toBe(false);
    expect(VoteSchema.safeParse({ ...flagVote(), extra: 1 }).success).toBe(false);
    expect(BallotSchema.parse(approve(3, [UNITS[0]], [UNITS[1]]))).toEqual(approve(3, [UNITS[0]], [UNITS[1]]));
    expect(BallotSchema.parse(choose(2, [UNITS[0]], "addedNames"))).toEqual(choose(2, [UNITS[0]], "addedNames"));
    expect(BallotSchema.safeParse({ number: 0, chosen: [], manualInvalid: null }).success).toBe(false);
    expect(BallotSchema.safeParse({ number: 1, marks: { A: "maybe" }, manualInvalid: null }).success).toBe(false);
    expect(HandCountSchema.safeParse({ issued: 8, returned: 8, valid: 7, invalid: 1, votes: { A: 3 }, invalidReasons: { overQuota: 1 } }).success).toBe(true);
    expect(HandCountSchema.safeParse({ issued: 8, returned: 8, valid: 7, invalid: 1, votes: { A: -1 } }).success).toBe(false);
  });

  it("each preset names its source, label first with the source, and none is a default (DOMAIN §3: no general rule in force for a bloc's vote)", () => {
    expect(RULE_PRESETS.blocMembers80.label.vi).toBe("TT 01/2019/TT-VKSTC Đ20 (ngành Kiểm sát): ≥ 80% tổng số thành viên");
    expect(RULE_PRESETS.blocMembers80.source.vi).toBe("TT 01/2019/TT-VKSTC Đ20 (ngành Kiểm sát)");
    expect(RULE_PRESETS.validMajority.label.vi).toBe("Đa số (> 50%) phiếu hợp lệ — tương tự bầu cử");
    expect(RULE_PRESETS.summonedMajority.label.vi).toMatch(/^Quá nửa tổng số thành viên/);
    // The repealed or replaced texts say so.
    expect(RULE_PRESETS.council90.source.vi).toMatch(/NĐ 91\/2017.*hết hiệu lực/);
    expect(RULE_PRESETS.present70Quorum.source.vi).toMatch(/TT 35\/2015.*thay thế/);
    for (const k of RULE_PRESET_KEYS) {
      expect(cleanText(RULE_PRESETS[k].source.vi)).not.toBe("");
      expect(cleanText(RULE_PRESETS[k].source.en)).not.toBe("");
      expect(presetOf(RULE_PRESETS[k].rule, RULE_PRESETS[k].source.vi)).toBe(k);
    }
    // Same numbers, other source: the bloc's own rule, not the preset.
    expect(presetOf(RULE_PRESETS.blocMembers80.rule, CUSTOM_RULE.source.vi)).toBeNull();
    expect(CUSTOM_RULE.label.vi).toBe("Tự đặt");
  });

  it("a vote being created needs a chosen rule and its source (coded refusals)", () => {
    const draft = { ...flagVote(), rule: null };
    expect(codes(checkRuleChosen(draft))).toEqual(["vote.rule.notChosen"]);
    expect(codes(checkRuleChosen({ ...flagVote(), ruleSource: "  " }))).toEqual(["vote.rule.noSource"]);
    expect(checkRuleChosen({ ...flagVote(), ruleSource: RULE_PRESETS.blocMembers80.source.vi })).toEqual([]);
    expect(ruleSourceText({ ruleSource: RULE_PRESETS.blocMembers80.source.vi }).vi).toBe("Căn cứ: TT 01/2019/TT-VKSTC Đ20 (ngành Kiểm sát).");
    expect(ruleSourceText({}).vi).toMatch(/chưa ghi căn cứ/);
  });

  it("the presets are DOMAIN §3's table", () => {
    expect(RULE_PRESETS.council90.rule).toEqual({ percent: 90, comparison: ">=", denominator: "members", quorum: null });
    expect(RULE_PRESETS.blocMembers80.rule).toEqual({ percent: 80, comparison: ">=", denominator: "members", quorum: null });
    expect(RULE_PRESETS.present70Quorum.rule).toEqual({ percent: 70, comparison: ">=", denominator: "present", quorum: { percent: 66.67, comparison: ">=", of: "members" } });
    expect(RULE_PRESETS.validMajority.rule).toEqual({ percent: 50, comparison: ">", denominator: "valid", quorum: null });
    expect(RULE_PRESETS.summonedMajority.rule).toEqual({ percent: 50, comparison: ">", denominator: "members", quorum: null });
    for (const p of Object.values(RULE_PRESETS)) expect(VoteSchema.safeParse(flagVote({ rule: p.rule })).success).toBe(true);
  });

  it("says the rule and the tie rule in words", () => {
    expect(ruleText(flagVote()).vi).toBe("Đơn vị được chọn khi có số phiếu đồng ý đạt từ 80% trở lên so với tổng số thành viên (tỷ lệ làm tròn đến 2 chữ số thập phân).");
    expect(ruleText(flagVote({ ballot: { kind: "chooseOne" }, rule: RULE_PRESETS.validMajority.rule })).en).toBe("A candidate passes with votes of more than 50% of the valid ballots (percentages rounded to 2 decimals).");
    expect(ruleText(flagVote({ rule: RULE_PRESETS.present70Quorum.rule })).vi).toContain("số thành viên có mặt đạt từ 66,67% trở lên tổng số thành viên");
    expect(tieRuleText(flagVote()).vi).toBe(
      "Nếu các đơn vị bằng số phiếu ở vị trí cuối cùng: (1) đơn vị có tổng điểm thi đua cao hơn được chọn; nếu vẫn bằng nhau (2) bỏ phiếu lại (vòng tiếp theo) giữa các đơn vị bằng phiếu.",
    );
    expect(tieRuleText(flagVote({ tieRule: [] })).en).toBe("If candidates tie at the cutoff: (1) the meeting decides.");
    expect(tieRuleText(flagVote({ tieRule: ["higherScore", { lot: { seed: "abc" } }] })).en).toBe("If candidates tie at the cutoff: (1) the higher total score wins; if still tied (2) a drawn lot with seed \"abc\".");
    expect(tieRuleText(flagVote({ tieRule: ["higherScore"] })).en).toBe("If candidates tie at the cutoff: (1) the higher total score wins; if still tied (2) the meeting decides.");
  });

  it("checkVote: duplicate candidates and more present than members are errors; the rest warnings", () => {
    expect(checkVote(flagVote())).toEqual([]);
    const dup = checkVote(flagVote({ candidates: [...UNITS, ` ${UNITS[2].toUpperCase()}`] }));
    expect(codes(dup)).toEqual(["vote.candidate.duplicate"]);
    expect(dup[0]).toMatchObject({ severity: "error", field: "candidates.8" });
    expect(dup[0].message.vi).toBe(`Đơn vị "${UNITS[2].toUpperCase()}" có hai lần trong danh sách (số 3 và 9).`);
    expect(codes(checkVote(flagVote({ attendance: { members: 8, present: 9 } })))).toEqual(["vote.present.overMembers"]);
    expect(codes(checkVote(flagVote({ candidates: UNITS.slice(0, 1), ballot: { kind: "approve", quota: 1 } })))).toEqual(["vote.toElect.overCandidates"]);
    expect(codes(checkVote(flagVote({ ballot: { kind: "chooseOne" } })))).toEqual(["vote.ballot.quotaBelowToElect"]);
    expect(codes(checkVote(flagVote({ tieRule: ["revote", "higherScore"] })))).toEqual(["vote.tieRule.unreachable"]);
    expect(codes(checkVote(flagVote({ committee: { head: "  ", members: [] } })))).toEqual(["vote.committee.noHead"]);
    expect(checkVote(flagVote({ tieRule: ["higherScore", "higherScore", { lot: { seed: "x" } }] }))).toEqual([]);
  });

  it("checkVote: no candidates is an error; a quota above the list a warning (issue #11; Luật Bầu cử 2015 Đ74 by analogy: the quota is the seats)", () => {
    expect(checkVote(flagVote({ candidates: [] })).filter((i) => i.severity === "error").map((i) => [i.code, i.field])).toEqual([["vote.candidates.none", "candidates"]]);
    const over = checkVote(flagVote({ candidates: UNITS.slice(0, 3), ballot: { kind: "approve", quota: 5 } }));
    expect(over.map((i) => [i.severity, i.code, i.field])).toEqual([["warning", "vote.ballot.quotaOverCandidates", "ballot"]]);
    expect(codes(checkVote(flagVote({ candidates: UNITS.slice(0, 2), ballot: { kind: "approve", quota: 2 } })))).toEqual([]);
  });

  it("checkVoteShape and checkCandidatesAreMembers: coded per field; a short name is pointed to the member (DOMAIN §1, §6)", () => {
    expect(checkVoteShape(flagVote({ attendance: { members: 8, present: -1 } })).map((i) => [i.code, i.field])).toEqual([["vote.value.invalid", "attendance.present"]]);
    expect(checkVoteShape(flagVote())).toEqual([]);
    const members = UNITS.map((name, i) => ({ name, shortName: `U${i}` }));
    const out = checkCandidatesAreMembers({ candidates: [UNITS[0].normalize("NFD"), "U1", "Sở Ngoại vụ"] }, members);
    expect(out.map((i) => [i.code, i.field])).toEqual([
      ["vote.candidate.notMember", "candidates.1"],
      ["vote.candidate.notMember", "candidates.2"],
    ]);
    expect(out[0].message.vi).toContain(`"${UNITS[1]}"`);
  });

  // Issue #13: data from a file is "vote.data.schema"; "vote.schema" is a cell of the "Bỏ phiếu" sheet (two places, two templates).
  it("parseVote: schema issues are coded with the path; a vote with errors is refused", () => {
    const bad = parseVote({ ...flagVote(), toElect: 0 });
    expect(bad.vote).toBeNull();
    expect(bad.issues[0]).toMatchObject({ code: "vote.data.schema", severity: "error", field: "toElect" });
    expect(parseVote(flagVote()).vote).toEqual(flagVote());
    expect(parseVote(flagVote({ candidates: [UNITS[0], UNITS[0]] })).vote).toBeNull();
  });

  it("a revote round keeps the parent's candidates and copies, never shares, the parent's settings", () => {
    const v: Vote = flagVote({ tieRule: [{ lot: { seed: "s" } }] });
    const r2 = revoteRound(v, { candidates: [UNITS[3], UNITS[1]], seats: 1 });
    expect(r2.candidates).toEqual([UNITS[1], UNITS[3]]);
    expect(VoteSchema.parse(r2)).toEqual(r2);
    r2.committee.members.push("X");
    (r2.tieRule[0] as { lot: { seed: string } }).lot.seed = "t";
    expect(v.committee.members).toHaveLength(2);
    expect(v.tieRule).toEqual([{ lot: { seed: "s" } }]);
    expect(revoteRound(flagVote({ ballot: { kind: "chooseUpTo", n: 3 }, toElect: 3 }), { candidates: UNITS.slice(0, 4), seats: 2 }).ballot).toEqual({ kind: "chooseUpTo", n: 2 });
  });
});

// ---- The published JSON Schema.

type JsonSchema = Record<string, unknown>;

/** A structural check of the keywords z.toJSONSchema emits for this schema. */
function conforms(value: unknown, schema: JsonSchema, path = "$"): string[] {
  for (const key of ["oneOf", "anyOf"] as const) {
    if (Array.isArray(schema[key])) {
      const n = (schema[key] as JsonSchema[]).filter((s) => conforms(value, s, path).length === 0).length;
      return (key === "oneOf" ? n === 1 : n > 0) ? [] : [`${path}: matches ${n} alternatives`];
    }
  }
  const out: string[] = [];
  if ("const" in schema && value !== schema.const) return [`${path}: not ${String(schema.const)}`];
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) return [`${path}: not in enum`];
  switch (schema.type) {
    case "object": {
      if (typeof value !== "object" || value === null || Array.isArray(value)) return [`${path}: not an object`];
      const obj = value as Record<string, unknown>;
      const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
      for (const r of (schema.required ?? []) as string[]) if (!(r in obj)) out.push(`${path}.${r}: required`);
      for (const [k, v] of Object.entries(obj)) {
        if (props[k]) out.push(...conforms(v, props[k], `${path}.${k}`));
        else if (schema.additionalProperties === false) out.push(`${path}.${k}: not allowed`);
      }
      return out;
    }
    case "array":
      if (!Array.isArray(value)) return [`${path}: not an array`];
      if (typeof schema.minItems === "number" && value.length < schema.minItems) out.push(`${path}: too few`);
      if (typeof schema.maxItems === "number" && value.length > schema.maxItems) out.push(`${path}: too many`);
      value.forEach((v, i) => out.push(...conforms(v, schema.items as JsonSchema, `${path}[${i}]`)));
      return out;
    case "string":
      if (typeof value !== "string") return [`${path}: not a string`];
      if (typeof schema.maxLength === "number" && value.length > schema.maxLength) out.push(`${path}: too long`);
      if (typeof schema.minLength === "number" && value.length < schema.minLength) out.push(`${path}: too short`);
      return out;
    case "number":
    case "integer":
      if (typeof value !== "number" || !Number.isFinite(value)) return [`${path}: not a number`];
      if (schema.type === "integer" && !Number.isInteger(value)) out.push(`${path}: not an integer`);
      if (typeof schema.minimum === "number" && value < schema.minimum) out.push(`${path}: below minimum`);
      if (typeof schema.maximum === "number" && value > schema.maximum) out.push(`${path}: above maximum`);
      return out;
    case "null":
      return value === null ? [] : [`${path}: not null`];
    default:
      return [`${path}: unknown schema type ${String(schema.type)}`];
  }
}

describe("docs/vote.schema.json", () => {
  it("is the schema generated from the model", () => {
    // Regenerate with: UPDATE_VOTE_SCHEMA=1 npx jest test/domain/voting/model.test.ts
    if (process.env.UPDATE_VOTE_SCHEMA) writeFileSync(SCHEMA_FILE, `${JSON.stringify(voteJsonSchema(), null, 2)}\n`);
    const published = JSON.parse(readFileSync(SCHEMA_FILE, "utf8")) as JsonSchema;
    expect(published).toEqual(JSON.parse(JSON.stringify(voteJsonSchema())));
    expect(published.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
  });

  it("votes conform to it, and a broken one does not", () => {
    const published = JSON.parse(readFileSync(SCHEMA_FILE, "utf8")) as JsonSchema;
    const votes = [
      flagVote(),
      flagVote({ purpose: { kind: "leader" }, ballot: { kind: "chooseOne" }, toElect: 1, rule: RULE_PRESETS.validMajority.rule, tieRule: ["revote"] }),
      flagVote({ purpose: { kind: "deputy" }, ballot: { kind: "chooseUpTo", n: 2 }, rule: RULE_PRESETS.present70Quorum.rule, tieRule: ["higherScore", { lot: { seed: "2026" } }] }),
      revoteRound(flagVote(), { candidates: UNITS.slice(1, 3), seats: 1 }),
    ];
    for (const v of votes) expect(conforms(JSON.parse(JSON.stringify(v)), published)).toEqual([]);
    const broken = JSON.parse(JSON.stringify(flagVote())) as Record<string, unknown>;
    broken.round = 0;
    broken.ballot = { kind: "approve" };
    broken.tieRule = ["coin"];
    delete broken.committee;
    broken.extra = true;
    expect(conforms(broken, published).sort()).toEqual(["$.ballot: matches 0 alternatives", "$.committee: required", "$.extra: not allowed", "$.round: below minimum", "$.tieRule[0]: matches 0 alternatives"]);
  });
});
