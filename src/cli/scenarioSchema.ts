import { z } from "zod";
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
