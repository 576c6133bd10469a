import { z } from "zod";
import { CriteriaTableSchema } from "../domain/criteria/model";

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

export const ScenarioSchema = z
  .object({
    $schema: z.string().optional(),
    description: z.string().optional().describe("What this scenario shows"),
    output: z.string().optional().describe("Where to write the workbook (.xlsx), relative to the scenario file"),
    bloc: BlocSchema,
    scoring: ScoringSchema.optional().describe("Criteria, score sheets and the units' scores"),
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

/** Parses a scenario, or returns its problems as lines "path: message". */
export function parseScenario(json: unknown): { ok: true; scenario: Scenario } | { ok: false; problems: string[] } {
  const r = ScenarioSchema.safeParse(json);
  if (r.success) return { ok: true, scenario: r.data };
  return { ok: false, problems: r.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`) };
}
