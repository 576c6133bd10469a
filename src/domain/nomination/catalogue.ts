import { raise } from "../codes";
import { z } from "zod";
import { parseChecked, type Issue } from "../issues";
import { cleanText, foldDiacritics, nameKey } from "../text";
import { RuleSchema, type Rule } from "../voting/model";
import { AWARD_LEVELS, type Award, type Catalogue, type Prerequisites } from "./model";

/**
 * The default award catalogue (DOMAIN §3): the forms seen in bloc results, emulation titles and
 * forms of reward kept apart. Every number in it (quotas, the 20% cap, the vote rule) and the
 * legal basis are starting points the bloc edits; nothing here is read as law by the engine.
 */

/** The band most prerequisites name (DOMAIN §2); a setting, as the bands are. */
export const EXCELLENT_BAND = "Hoàn thành xuất sắc nhiệm vụ";

/** Editable text printed on the documents; never used in logic (DOMAIN §3: the legal basis moves). */
export const DEFAULT_LEGAL_BASIS = "Luật Thi đua, khen thưởng năm 2022; Nghị định số 152/2025/NĐ-CP";
const PARTY_LEGAL_BASIS = "Quy định về công tác khen thưởng của Ban Thường vụ Tỉnh ủy";

/** ≥ 80% of the bloc's members (the prosecution sector's rule for flags, DOMAIN §3): a setting. */
const flagRule = (): Rule => ({ percent: 80, comparison: ">=", denominator: "members", quorum: null });

const prereq = (p: Partial<Prerequisites>): Prerequisites => ({ maxRank: null, leading: false, votePassed: false, chosen: false, registered: false, ...p, bands: [...(p.bands ?? [])] });

/**
 * The rules in force the default conditions follow (DOMAIN §3, checked 2026-12), printed in the
 * reasons; a province whose rule differs edits the conditions and this text on "Khen thưởng".
 */
export const RULE_NOTES = {
  governmentFlag:
    "Luật Thi đua, khen thưởng 2022, Điều 25.1: xét trong số các tập thể dẫn đầu các cụm, khối thi đua; tỷ lệ 20% do tỉnh xét trên tổng số tập thể dẫn đầu các cụm, khối (Công văn 5007/BNV-TĐKT năm 2023), không tính trong từng khối",
  provinceFlag: "Luật Thi đua, khen thưởng 2022, Điều 26: tặng tập thể dẫn đầu phong trào thi đua của cụm, khối thi đua",
  excellentCollective:
    "Điều kiện nội bộ của đơn vị (tỷ lệ cán bộ hoàn thành nhiệm vụ, Lao động tiên tiến, Chiến sĩ thi đua cơ sở) khối không kiểm tra được: chỉ đề nghị khi hội nghị chọn",
  /**
   * Registration (DOMAIN §1, setting). Luật Thi đua, khen thưởng 2003 Đ10.1.b made "đăng ký tham gia
   * thi đua" a ground for titles; the 2022 law does not require it (Bộ Nội vụ, answer of 09/04/2024),
   * provinces' regulations still do (e.g. Ninh Thuận QĐ 02/QĐ-UBND 2015 Đ5.1). Printed in the reason.
   */
  registration:
    "Quy chế thi đua, khen thưởng của tỉnh, khối: tập thể không đăng ký thi đua thì không được xét tặng danh hiệu thi đua (Luật Thi đua, khen thưởng 2022 không bắt buộc; bỏ điều kiện “Phải đăng ký thi đua” nếu quy chế không yêu cầu)",
} as const;

/** The registration rule in English, for the English reasons. */
export const REGISTRATION_RULE_EN =
  "the province's or bloc's emulation regulation: a collective that did not register is not considered for an emulation title (not required by the 2022 Law on Emulation and Commendation; turn the condition off if the regulation does not ask for it)";

function award(a: Omit<Award, "custom" | "percentCap" | "voteRule" | "legalBasis" | "ruleNote"> & Partial<Pick<Award, "percentCap" | "legalBasis" | "ruleNote">>): Award {
  return {
    percentCap: null,
    legalBasis: DEFAULT_LEGAL_BASIS,
    ruleNote: "",
    ...a,
    voteRule: a.prerequisites.votePassed ? flagRule() : null,
    custom: false,
  };
}

/**
 * A fresh copy of the default catalogue (mutating it touches nothing shared). The emulation titles
 * require registration (DOMAIN §1, setting: RULE_NOTES.registration); the forms of reward do not.
 */
export function defaultCatalogue(): Catalogue {
  return {
    awards: [
      award({
        id: "co-cp",
        name: "Cờ thi đua của Chính phủ",
        kind: "title",
        level: "government",
        priority: 1,
        quota: 1,
        prerequisites: prereq({ leading: true, votePassed: true, registered: true }),
        excludesLower: true,
        ruleNote: RULE_NOTES.governmentFlag,
      }),
      award({
        id: "co-tinh",
        name: "Cờ thi đua của UBND tỉnh",
        kind: "title",
        level: "province",
        priority: 2,
        quota: 1,
        prerequisites: prereq({ bands: [EXCELLENT_BAND], leading: true, votePassed: true, registered: true }),
        excludesLower: true,
        ruleNote: RULE_NOTES.provinceFlag,
      }),
      award({
        id: "tt-ldxs",
        name: "Tập thể lao động xuất sắc",
        kind: "title",
        level: "province",
        priority: 3,
        quota: null,
        prerequisites: prereq({ bands: [EXCELLENT_BAND], chosen: true, registered: true }),
        excludesLower: false,
        ruleNote: RULE_NOTES.excellentCollective,
      }),
      award({
        id: "bk-ttg",
        name: "Bằng khen của Thủ tướng Chính phủ",
        kind: "reward",
        level: "government",
        priority: 4,
        quota: 1,
        prerequisites: prereq({ votePassed: true }),
        excludesLower: true,
      }),
      award({
        id: "bk-tinh",
        name: "Bằng khen của Chủ tịch UBND tỉnh",
        kind: "reward",
        level: "province",
        priority: 5,
        quota: 2,
        prerequisites: prereq({ votePassed: true }),
        excludesLower: true,
      }),
      award({
        id: "bk-tu",
        name: "Bằng khen của Ban Thường vụ Tỉnh ủy",
        kind: "reward",
        level: "party",
        priority: 6,
        quota: null,
        // Proposed only when the bloc votes for it (with the band as a floor): a party committee's
        // certificate is not a by-product of the classification.
        prerequisites: prereq({ bands: [EXCELLENT_BAND], votePassed: true }),
        excludesLower: false,
        legalBasis: PARTY_LEGAL_BASIS,
      }),
      award({
        id: "giay-khen",
        name: "Giấy khen",
        kind: "reward",
        level: "department",
        priority: 7,
        quota: null,
        // Proposed only when the bloc votes for it: with no condition, every unit would be.
        prerequisites: prereq({ votePassed: true }),
        excludesLower: false,
      }),
    ],
  };
}

function deepFreeze<T>(x: T): T {
  if (x && typeof x === "object") {
    for (const v of Object.values(x)) deepFreeze(v);
    Object.freeze(x);
  }
  return x;
}

/** The default catalogue, frozen: read it, or call `defaultCatalogue()` for a copy to edit. */
export const DEFAULT_CATALOGUE: Catalogue = deepFreeze(defaultCatalogue());

// ---- Schema. Shapes only: the values a user can get wrong (quota, cap, priority) are checked by
// `validateCatalogue`, which says what is wrong in words and where.

export const MAX_AWARDS = 50;

export const PrerequisitesSchema = z
  .object({
    maxRank: z.number().nullable(),
    bands: z.array(z.string().max(100)).max(20),
    leading: z.boolean(),
    votePassed: z.boolean(),
    // Added 2026-12: older scenario files and workbooks omit it.
    chosen: z.boolean().default(false),
    // Added 2026-12 (issue #12): older files and workbooks omit it and keep their behaviour.
    registered: z.boolean().default(false),
  })
  .strict();

export const AwardSchema = z
  .object({
    id: z.string().max(100),
    name: z.string().max(500),
    kind: z.enum(["title", "reward"]),
    level: z.enum(AWARD_LEVELS),
    priority: z.number(),
    quota: z.number().nullable(),
    percentCap: z.number().nullable(),
    prerequisites: PrerequisitesSchema,
    excludesLower: z.boolean(),
    voteRule: RuleSchema.nullable(),
    ruleNote: z.string().max(2000).default(""),
    legalBasis: z.string().max(2000),
    custom: z.boolean(),
  })
  .strict();

export const CatalogueSchema = z.object({ awards: z.array(AwardSchema).max(MAX_AWARDS) }).strict();

// Types and schemas must not drift apart.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _awardMatches: Same<z.infer<typeof AwardSchema>, Award> = true;
const _catalogueMatches: Same<z.infer<typeof CatalogueSchema>, Catalogue> = true;
void [_awardMatches, _catalogueMatches];

// ---- Checks.

const at = (i: Issue, field: string): Issue => ({ ...i, field });

/** Reward wording ("Bằng khen…", "Giấy khen…"), compared without diacritics or case. */
const looksLikeReward = (name: string): boolean => /^(bang khen|giay khen)\b/.test(foldDiacritics(name));
/** Title wording ("Cờ thi đua…", "… lao động xuất sắc"). */
const looksLikeTitle = (name: string): boolean => {
  const f = foldDiacritics(name);
  return /^co\b/.test(f) || /lao dong xuat sac/.test(f) || /chien si thi dua/.test(f);
};

/**
 * Checks a catalogue. Errors: an empty id or name; two awards with the same id or the same name
 * (case-, space- and NFC/NFD-insensitive); a quota that is not a whole number ≥ 0; a percent cap
 * outside 0–100; a priority that is not a positive whole number; a rank condition that is not a
 * whole number ≥ 1. Warnings: two awards with the same priority (ordered by id then); a title
 * worded like a reward or a reward worded like a title (DOMAIN §3: users mixed them up); an award
 * that needs a vote but has no vote rule. Each issue names its field ("awards.3.quota").
 */
export function validateCatalogue(c: Catalogue): Issue[] {
  const out: Issue[] = [];
  const ids = new Map<string, number>();
  const names = new Map<string, number>();
  const priorities = new Map<number, number>();
  c.awards.forEach((a, i) => {
    const add = (issue: Issue, field: string) => out.push(at(issue, `awards.${i}.${field}`));
    const label = cleanText(a.name) || `#${i + 1}`;
    const id = cleanText(a.id);
    if (!id) add(raise("nomination.catalogue.id.empty", { number: i + 1 }), "id");
    else {
      const first = ids.get(nameKey(id));
      if (first !== undefined) add(raise("nomination.catalogue.id.duplicate", { id, first: first + 1, number: i + 1 }), "id");
      else ids.set(nameKey(id), i);
    }
    const name = cleanText(a.name);
    if (!name) add(raise("nomination.catalogue.name.empty", { number: i + 1 }), "name");
    else {
      const first = names.get(nameKey(name));
      if (first !== undefined) {
        add(raise("nomination.catalogue.name.duplicate", { name, first: first + 1, number: i + 1 }), "name");
      } else names.set(nameKey(name), i);
    }
    if (a.quota !== null && !(Number.isInteger(a.quota) && a.quota >= 0)) {
      add(raise("nomination.catalogue.quota.invalid", { label, quota: a.quota }), "quota");
    }
    if (a.percentCap !== null && !(Number.isFinite(a.percentCap) && a.percentCap >= 0 && a.percentCap <= 100)) {
      add(raise("nomination.catalogue.percentCap.range", { label, percentCap: a.percentCap }), "percentCap");
    }
    if (!(Number.isInteger(a.priority) && a.priority >= 1)) {
      add(raise("nomination.catalogue.priority.invalid", { label, priority: a.priority }), "priority");
    } else {
      const first = priorities.get(a.priority);
      if (first !== undefined) {
        const other = cleanText(c.awards[first].name);
        add(raise("nomination.catalogue.priority.duplicate", { label, priority: a.priority, other }), "priority");
      } else priorities.set(a.priority, i);
    }
    const maxRank = a.prerequisites.maxRank;
    if (maxRank !== null && !(Number.isInteger(maxRank) && maxRank >= 1)) {
      add(raise("nomination.catalogue.maxRank.invalid", { label, maxRank }), "prerequisites.maxRank");
    }
    if (name && a.kind === "title" && looksLikeReward(name)) {
      add(raise("nomination.catalogue.kind.mismatch", { name }), "kind");
    } else if (name && a.kind === "reward" && looksLikeTitle(name)) {
      add(raise("nomination.catalogue.kind.mismatch", { name }), "kind");
    }
    // The law in force against an older or edited catalogue (DOMAIN §3): warnings, as provinces differ.
    const folded = foldDiacritics(name);
    if (name && a.kind === "title" && a.level === "province" && /^co\b/.test(folded) && !a.prerequisites.leading) {
      add(raise("nomination.catalogue.leading.law", { label }), "prerequisites.leading");
    }
    if (a.percentCap !== null && a.percentCap > 0 && a.percentCap <= 100 && a.prerequisites.leading) {
      add(raise("nomination.catalogue.percentCap.provincial", { label, percentCap: a.percentCap }), "percentCap");
    }
    if (name && a.kind === "title" && /lao dong xuat sac/.test(folded) && !a.prerequisites.chosen && !a.prerequisites.votePassed) {
      add(raise("nomination.catalogue.chosen.law", { label }), "prerequisites.chosen");
    }
    if (a.prerequisites.votePassed && a.voteRule === null) {
      add(raise("nomination.catalogue.voteRule.missing", { label }), "voteRule");
    }
  });
  return out;
}

/** A catalogue from untrusted data (a settings sheet, a scenario file): the schema, then `validateCatalogue`; null when either finds an error. */
export function parseCatalogue(raw: unknown): { catalogue: Catalogue | null; issues: Issue[] } {
  const { value, issues } = parseChecked(CatalogueSchema, raw, (path, message) => at(raise("nomination.catalogue.schema", { path, message }), path), validateCatalogue);
  return { catalogue: value, issues };
}
