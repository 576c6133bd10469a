import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { CriteriaTableSchema, isContent, leaves, type CriteriaTable } from "../../src/domain/criteria/model";
import { SAMPLE_MARK, TEMPLATES, templateById } from "../../src/domain/criteria/templates";
import { criteriaJsonSchema, validateCriteria } from "../../src/domain/criteria/validate";

const SCHEMA_FILE = resolve(__dirname, "../../docs/criteria.schema.json");

const contentSum = (t: CriteriaTable) => leaves(t).reduce((a, { leaf }) => a + (isContent(leaf) ? (leaf.max ?? 0) : 0), 0);
const kindSum = (t: CriteriaTable, kind: string) => leaves(t).reduce((a, { leaf }) => a + (leaf.kind === kind ? (leaf.max ?? 0) : 0), 0);
const sectionSum = (t: CriteriaTable, i: number) => leaves(t).reduce((a, r) => a + (r.section === i && isContent(r.leaf) ? (r.leaf.max ?? 0) : 0), 0);

describe("criteria templates", () => {
  it("ships the three templates, each a sample that validates without errors or warnings and passes the schema", () => {
    expect(TEMPLATES.map((t) => t.id)).toEqual(["departments-100", "hue-1000", "blank"]);
    for (const t of TEMPLATES) {
      expect(validateCriteria(t.table)).toEqual([]);
      expect(CriteriaTableSchema.parse(t.table)).toEqual(t.table);
      expect(t.table.sample).toBe(true);
      expect(t.table.title).toContain(SAMPLE_MARK);
      expect(t.label.vi && t.label.en && t.description.vi && t.description.en).toBeTruthy();
    }
  });

  it("departments-100: content sums to exactly 100, in six sections with bonus and penalty", () => {
    const t = templateById("departments-100").table;
    expect(contentSum(t)).toBe(100);
    expect(t.sections.map((s) => s.number)).toEqual(["I", "II", "III", "IV", "V", "VI"]);
    expect([0, 1, 2, 3].map((i) => sectionSum(t, i))).toEqual([50, 20, 15, 15]);
    expect(t.sections.map((s) => s.max)).toEqual([50, 20, 15, 15, null, null]);
    expect(t.sections[4].text).toBe("Điểm thưởng");
    expect(t.sections[5].text).toBe("Điểm trừ");
    expect(t.sections[4].children.every((c) => c.kind === "bonus")).toBe(true);
    expect(t.sections[5].children.every((c) => c.kind === "penalty")).toBe(true);
    expect(t).toMatchObject({ scale: 100, allowOverScale: true, decimals: 2, step: 0.25, bonusCap: 5, penaltyCap: 10 });
    const all = leaves(t).map((r) => r.leaf);
    expect(all.some((c) => c.kind === "yesNo" && c.text === "Ban hành kế hoạch thi đua năm đúng thời hạn")).toBe(true);
    expect(all.some((c) => c.kind === "perOccurrence" && c.unit !== null)).toBe(true);
    expect(all.find((c) => c.text === "Không tổ chức phát động phong trào thi đua")).toMatchObject({ kind: "penalty", unit: null });
    expect(all.find((c) => c.text === "Mỗi văn bản báo cáo chậm so với quy định")).toMatchObject({ kind: "penalty", unit: 0.5 });
    // 3 to 6 leaves per section, some with sub-criteria a, b.
    for (const s of t.sections) expect(leaves({ ...t, sections: [s] }).length).toBeGreaterThanOrEqual(3);
    expect(all.map((c) => c.id)).toEqual(expect.arrayContaining(["I.1.a", "I.1.b", "II.3.1", "II.3.2", "IV.5.a", "VI.2"]));
  });

  it("hue-1000: 950 content + 50 bonus on a 1,000 scale, and the fixed −8 penalty", () => {
    const t = templateById("hue-1000").table;
    expect(contentSum(t)).toBe(950);
    expect(kindSum(t, "bonus")).toBe(50);
    expect(t).toMatchObject({ scale: 1000, allowOverScale: false, bonusCap: 50 });
    expect([0.5, 1]).toContain(t.step);
    expect(leaves(t).find((r) => r.leaf.text === "Không tổ chức phát động phong trào thi đua")?.leaf).toMatchObject({ kind: "penalty", max: 8, unit: null });
  });

  it("blank: one section I with one 100-point criterion", () => {
    const t = templateById("blank").table;
    expect(t.scale).toBe(100);
    expect(t.sections).toHaveLength(1);
    expect(t.sections[0]).toMatchObject({ id: "I", number: "I" });
    expect(t.sections[0].children).toEqual([
      { id: "I.1", number: "1", text: "Tiêu chí 1", max: 100, kind: "points", weight: 1, step: null, unit: null, note: "", children: [] },
    ]);
  });

  it("ids are numbering paths and unique", () => {
    for (const t of TEMPLATES) {
      const ids: string[] = [];
      const walk = (c: CriteriaTable["sections"][number]) => {
        ids.push(c.id);
        c.children.forEach(walk);
      };
      t.table.sections.forEach(walk);
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids) expect(id).toMatch(/^[IVX]+(\.\d+)*(\.[a-z])?$/);
    }
  });

  it("the legal basis is editable placeholder text, without article numbers stated as fact", () => {
    for (const t of TEMPLATES) {
      expect(t.table.legalBasis).toContain("Luật Thi đua, khen thưởng năm 2022");
      expect(t.table.legalBasis).toContain("cập nhật theo văn bản hiện hành");
      expect(t.table.legalBasis).not.toMatch(/Điều \d|\d+\/\d{4}\/NĐ-CP|\d+\/\d{4}\/TT/);
    }
  });

  it("templateById gives a copy, and nothing for an unknown id", () => {
    const a = templateById("blank");
    a.table.sections[0].children[0].max = 1;
    expect(templateById("blank").table.sections[0].children[0].max).toBe(100);
    expect(templateById("nope")).toBeUndefined();
  });
});

// ---- The published JSON Schema.

type JsonSchema = Record<string, unknown>;

/** A structural check of the JSON Schema keywords z.toJSONSchema emits (enough for this schema). */
function conforms(value: unknown, schema: JsonSchema, root: JsonSchema, path = "$"): string[] {
  if (typeof schema.$ref === "string") {
    const name = schema.$ref.replace("#/$defs/", "");
    const target = (root.$defs as Record<string, JsonSchema> | undefined)?.[name];
    return target ? conforms(value, target, root, path) : [`${path}: unresolved ${schema.$ref}`];
  }
  if (Array.isArray(schema.anyOf)) {
    return (schema.anyOf as JsonSchema[]).some((s) => conforms(value, s, root, path).length === 0) ? [] : [`${path}: matches no alternative`];
  }
  const out: string[] = [];
  switch (schema.type) {
    case "object": {
      if (typeof value !== "object" || value === null || Array.isArray(value)) return [`${path}: not an object`];
      const obj = value as Record<string, unknown>;
      const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
      for (const r of (schema.required ?? []) as string[]) if (!(r in obj)) out.push(`${path}.${r}: required`);
      for (const [k, v] of Object.entries(obj)) {
        if (props[k]) out.push(...conforms(v, props[k], root, `${path}.${k}`));
        else if (schema.additionalProperties === false) out.push(`${path}.${k}: not allowed`);
      }
      return out;
    }
    case "array":
      if (!Array.isArray(value)) return [`${path}: not an array`];
      value.forEach((v, i) => out.push(...conforms(v, schema.items as JsonSchema, root, `${path}[${i}]`)));
      return out;
    case "string":
      if (typeof value !== "string") return [`${path}: not a string`];
      if (typeof schema.maxLength === "number" && value.length > schema.maxLength) out.push(`${path}: too long`);
      if (typeof schema.minLength === "number" && value.length < schema.minLength) out.push(`${path}: too short`);
      if (Array.isArray(schema.enum) && !schema.enum.includes(value)) out.push(`${path}: not in enum`);
      return out;
    case "number":
    case "integer":
      if (typeof value !== "number" || !Number.isFinite(value)) return [`${path}: not a number`];
      if (schema.type === "integer" && !Number.isInteger(value)) out.push(`${path}: not an integer`);
      if (typeof schema.minimum === "number" && value < schema.minimum) out.push(`${path}: below minimum`);
      if (typeof schema.maximum === "number" && value > schema.maximum) out.push(`${path}: above maximum`);
      if (typeof schema.exclusiveMinimum === "number" && value <= schema.exclusiveMinimum) out.push(`${path}: not above exclusiveMinimum`);
      return out;
    case "boolean":
      return typeof value === "boolean" ? [] : [`${path}: not a boolean`];
    case "null":
      return value === null ? [] : [`${path}: not null`];
    default:
      return [`${path}: unknown schema type ${String(schema.type)}`];
  }
}

describe("docs/criteria.schema.json", () => {
  const published = JSON.parse(readFileSync(SCHEMA_FILE, "utf8")) as JsonSchema;

  it("is the schema generated from the model", () => {
    // Regenerate with: UPDATE_CRITERIA_SCHEMA=1 npx jest test/domain/criteria.templates.test.ts
    if (process.env.UPDATE_CRITERIA_SCHEMA) writeFileSync(SCHEMA_FILE, `${JSON.stringify(criteriaJsonSchema(), null, 2)}\n`);
    expect(JSON.parse(readFileSync(SCHEMA_FILE, "utf8"))).toEqual(JSON.parse(JSON.stringify(criteriaJsonSchema())));
    expect(published.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    // The recursion of criteria through children is a named definition.
    expect(Object.keys(published.$defs as object)).toEqual(["Criterion"]);
    expect(JSON.stringify(published)).not.toContain("__schema");
  });

  it("every template conforms to it, and a broken table does not", () => {
    for (const t of TEMPLATES) expect(conforms(JSON.parse(JSON.stringify(t.table)), published, published)).toEqual([]);
    const broken = JSON.parse(JSON.stringify(templateById("departments-100").table));
    broken.sections[0].children[0].children[0].kind = "extra";
    broken.sections[1].children[0].weight = 0;
    delete broken.sections[2].children[0].note;
    broken.decimals = 1.5;
    expect(conforms(broken, published, published).sort()).toEqual([
      "$.decimals: not an integer",
      "$.sections[0].children[0].children[0].kind: matches no alternative",
      "$.sections[1].children[0].weight: not above exclusiveMinimum",
      "$.sections[2].children[0].note: required",
    ]);
  });
});
