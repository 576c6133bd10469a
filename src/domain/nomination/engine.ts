import { raise } from "../codes";
import { formatPercent } from "../format";
import type { Issue, Message } from "../issues";
import { cleanText, foldDiacritics, nameKey } from "../text";
import { DENOMINATOR_WORDS, viNumber } from "../voting/model";
import { REGISTRATION_RULE_EN, RULE_NOTES } from "./catalogue";
import type { Award, AwardVote, Catalogue, Override, Proposal, Standing } from "./model";

/**
 * The nomination engine (DOMAIN §3, §5): from the ranking, the final vote counts and the meeting's
 * decisions, which unit is proposed for which award, and why, in words.
 *
 * Order. Awards are considered by priority (then id, then name); within an award, units by rank
 * (units without a rank last), then by name (`compareNames`: no locale, so the same everywhere).
 * Nothing depends on the order of the input arrays: votes, standings and overrides are looked up
 * by name key, and every choice between duplicates is made on their content.
 *
 * For one award and one unit, the conditions are checked in this order and every one that fails
 * is listed as a reason:
 *  0. registration: the award requires it (`registered`) and the unit did not register for it at
 *     the start of the year (đăng ký thi đua: a provincial rule, DOMAIN §1 setting; the reason
 *     quotes RULE_NOTES.registration). Units match the list by name key, awards by id or name key;
 *     a unit listed twice has the awards of both rows. When the workbook has no registration list
 *     (`registrations` null) the condition cannot be checked: units are considered as before and
 *     one warning (`nomination.registration.none`) says so;
 *  1. rank: the unit's rank is at most `maxRank`;
 *  2. band: the unit's classification is one of `bands` (by name key);
 *  3. leading: the unit is the bloc's leading unit;
 *  4. vote: the award's vote is final and elected the unit (not on the ballot; under the rule;
 *     passed the rule but not elected within the number to elect);
 *  4b. chosen: the award needs the bloc's explicit choice (`chosen`) and the meeting recorded a
 *     decision proposing the unit;
 *  5. exclusion (one achievement, one reward: Luật Thi đua, khen thưởng 2022 Đ5): an award with
 *     `excludesLower` is not proposed to a unit already proposed (after the meeting's decisions)
 *     for a higher-priority award that also has `excludesLower`, title or reward alike. These
 *     awards form one ladder, in the catalogue's declared precedence (priority), and a unit climbs
 *     only one rung: the highest it gets. An award without `excludesLower` neither excludes nor is
 *     excluded (by default Tập thể lao động xuất sắc, Bằng khen of the Party committee and Giấy
 *     khen may come with any other award).
 *  6. percent cap: of the units meeting conditions 0–4 (the award's standard), at most
 *     `percentCap`% (rounded down, at least 1 when the cap is above 0) are proposed;
 *  7. quota: at most `quota` units are proposed.
 * Caps and quotas take the units meeting 0–5 in the order of the final vote's elected list, then
 * rank, then name key; those past the cut get the cap and/or quota reason.
 *
 * The award's `ruleNote` (the rule its conditions follow) ends every reason list of the award.
 *
 * Overrides. A recorded decision of the meeting for a unit and an award (by name key or id) sets
 * `proposed` to its `include`, keeps the computed reasons and adds "Hội nghị quyết định: …" —
 * except a decision to include a unit that did not register for an award requiring registration
 * (condition 0): the province's regulation binds the bloc's meeting, so the unit stays out, the
 * reasons say why, and a warning (`nomination.override.unregistered`) tells the secretary to record
 * the registration on its sheet if the unit did register (late, with the bloc's consent). A
 * unit the meeting takes out does not free a seat for the next unit (the vote elected who it
 * elected; the meeting adds another override if it wants one). Overrides take effect before lower
 * awards are considered, so a unit the meeting takes out of a flag may receive a lower one.
 */

export interface NominationInput {
  catalogue: Catalogue;
  standings: readonly Standing[];
  votes: readonly AwardVote[];
  overrides: readonly Override[];
  /**
   * The registrations of the start of the year (đăng ký thi đua): per unit, the ids of the awards
   * it registered for; null when the workbook has no registration list (nothing is checked then).
   */
  registrations: readonly { unit: string; awards: readonly string[] }[] | null;
}

export interface NominationResult {
  /** Every award × every unit, by award priority, then rank, then name. */
  proposals: Proposal[];
  /** The proposed ones, in the same order: the list attached to the submission. */
  list: Proposal[];
  issues: Issue[];
}

// Reason texts (not issues): a unit's reasons per award, in both languages.
const words = (vi: string, en: string): Message => ({ vi, en });

const cmp = (a: string | number, b: string | number): number => (a < b ? -1 : a > b ? 1 : 0);
/**
 * Name order without the locale (the same on every machine): letters without diacritics first
 * (đ as d), then the name key by code unit. Close to Vietnamese alphabetical order.
 */
export const compareNames = (a: string, b: string): number => cmp(foldDiacritics(a), foldDiacritics(b)) || cmp(nameKey(a), nameKey(b));
const rankKey = (r: number | null): number => (r === null || !Number.isFinite(r) ? Number.POSITIVE_INFINITY : r);

/** "62,50" and "62.50": a percent with 2 decimals, the Vietnamese and the English way. */
export const percentText = (p: number): Message => ({ vi: formatPercent(p, "vi"), en: formatPercent(p, "en") });

/** The catalogue's awards in the order they are considered: priority, then id, then name key. */
export function orderedAwards(catalogue: Catalogue): Award[] {
  return [...catalogue.awards].sort((a, b) => cmp(a.priority, b.priority) || cmp(nameKey(a.id), nameKey(b.id)) || compareNames(a.name, b.name));
}

/** Units in the order the engine lists them: rank (none last), then name key, then the name itself. */
function compareStandings(a: Standing, b: Standing): number {
  return (
    cmp(rankKey(a.rank), rankKey(b.rank)) ||
    compareNames(a.unit, b.unit) ||
    cmp(cleanText(a.unit), cleanText(b.unit)) ||
    cmp(a.unit, b.unit) ||
    cmp(rankKey(a.total === null ? null : -a.total), rankKey(b.total === null ? null : -b.total)) ||
    cmp(a.band, b.band) ||
    Number(b.leading) - Number(a.leading)
  );
}

/** Finds an award by its name key or its id. */
function awardLookup(awards: Award[]): (s: string) => Award | undefined {
  const byName = new Map<string, Award>();
  const byId = new Map<string, Award>();
  for (const a of awards) {
    if (!byName.has(nameKey(a.name))) byName.set(nameKey(a.name), a);
    if (!byId.has(nameKey(a.id))) byId.set(nameKey(a.id), a);
  }
  return (s) => byName.get(nameKey(s)) ?? byId.get(nameKey(s));
}

interface Row {
  standing: Standing;
  key: string;
  /** Conditions 0–4 met (the award's standard, the cap's base). */
  meets: boolean;
  fails: Message[];
  /** Condition 0 failed: the award requires registration and the unit did not register for it. */
  unregistered?: boolean;
}

/** The rule in short, for a reason: "< 80% tổng số thành viên". */
function ruleShort(award: Award, vote: AwardVote, p: Message): Message {
  const r = vote.rule ?? award.voteRule;
  if (!r) return words(`${p.vi}% (${vote.ruleText.vi})`, `${p.en}% (${vote.ruleText.en})`);
  const d = DENOMINATOR_WORDS[r.denominator];
  // Failing "≥ 80%" means under 80%; failing "> 50%" means 50% or under.
  const op = r.comparison === ">=" ? "<" : "≤";
  return words(`${p.vi}% ${op} ${viNumber(r.percent)}% ${d.vi}`, `${p.en}% ${op} ${r.percent}% of ${d.en}`);
}

/**
 * The nomination list (see the module comment for the rules). Issues: a vote for an award not in
 * the catalogue (warning), two results for one award (error), a vote electing a unit outside the
 * bloc (error) or listing one (warning), a unit twice in the ranking (error), a decision naming an
 * unknown unit or award (error), conflicting decisions (error, neither applied), a repeated
 * decision or one without a reason (warning), decisions that take an award past its quota or cap
 * (warning), a unit on two rungs of one ladder (error). Check the catalogue with
 * `validateCatalogue` first: its issues are not repeated here.
 */
export function nominate(input: NominationInput): NominationResult {
  const issues: Issue[] = [];
  const awards = orderedAwards(input.catalogue);
  const findAward = awardLookup(awards);

  // ---- Units: one standing per name key.
  const units: Standing[] = [];
  const unitByKey = new Map<string, Standing>();
  for (const s of [...input.standings].sort(compareStandings)) {
    const k = nameKey(s.unit);
    if (unitByKey.has(k)) {
      issues.push(raise("nomination.standing.duplicate", { unit: cleanText(s.unit) }));
      continue;
    }
    unitByKey.set(k, s);
    units.push(s);
  }
  const unitOrder = new Map(units.map((u, i) => [nameKey(u.unit), i]));

  // ---- Votes: one per award (a final one preferred, then by vote id).
  const voteOf = new Map<Award, AwardVote>();
  const awardIndex = new Map(awards.map((a, i) => [a, i]));
  const at = (v: AwardVote) => {
    const a = findAward(v.award);
    return a ? (awardIndex.get(a) ?? 0) : Number.POSITIVE_INFINITY;
  };
  const votes = [...input.votes].sort(
    (a, b) => cmp(at(a), at(b)) || compareNames(a.award, b.award) || Number(b.final) - Number(a.final) || cmp(a.voteId, b.voteId) || cmp(JSON.stringify(a), JSON.stringify(b)),
  );
  for (const v of votes) {
    const award = findAward(v.award);
    if (!award) {
      issues.push(raise("nomination.vote.unknownAward", { award: cleanText(v.award) }));
      continue;
    }
    const used = voteOf.get(award);
    if (used) {
      issues.push(raise("nomination.vote.duplicate", { award: award.name, voteId: used.voteId, voteId2: v.voteId }));
      continue;
    }
    voteOf.set(award, v);
    const elected = new Set(v.elected.map(nameKey));
    for (const e of v.elected) {
      if (!unitByKey.has(nameKey(e))) {
        issues.push(raise("nomination.vote.unknownUnit", { award: award.name, unit: cleanText(e) }));
      }
    }
    // Candidates by name, not in the order given.
    for (const c of [...v.candidates].sort((a, b) => compareNames(a.name, b.name) || cmp(a.name, b.name))) {
      if (!unitByKey.has(nameKey(c.name)) && !elected.has(nameKey(c.name))) {
        issues.push(raise("nomination.vote.unknownCandidate", { award: award.name, name: cleanText(c.name) }));
      }
    }
  }

  // ---- Overrides: one per unit and award; conflicting decisions are not applied.
  const overrideOf = new Map<string, Override>();
  const conflicted = new Set<string>();
  const pairKey = (unit: string, awardId: string) => `${nameKey(unit)}\u0000${awardId}`;
  const overrides = [...input.overrides].sort(
    (a, b) =>
      compareNames(a.unit, b.unit) ||
      compareNames(a.award, b.award) ||
      Number(b.include) - Number(a.include) ||
      cmp(cleanText(a.reason), cleanText(b.reason)) ||
      cmp(a.unit, b.unit) ||
      cmp(a.award, b.award) ||
      cmp(a.reason, b.reason),
  );
  for (const o of overrides) {
    const award = findAward(o.award);
    const unit = unitByKey.get(nameKey(o.unit));
    if (!unit) {
      issues.push(raise("nomination.override.unknownUnit", { unit: cleanText(o.unit) }));
    }
    if (!award) {
      issues.push(raise("nomination.override.unknownAward", { award: cleanText(o.award) }));
    }
    if (!unit || !award) continue;
    if (!cleanText(o.reason)) {
      issues.push(raise("nomination.override.noReason", { award: award.name, unit: cleanText(unit.unit) }));
    }
    const k = pairKey(unit.unit, award.id);
    const first = overrideOf.get(k);
    if (!first) {
      overrideOf.set(k, o);
      continue;
    }
    if (first.include !== o.include) {
      if (!conflicted.has(k)) {
        conflicted.add(k);
        issues.push(raise("nomination.override.conflict", { award: award.name, unit: cleanText(unit.unit) }));
      }
    } else {
      issues.push(raise("nomination.override.duplicate", { award: award.name, unit: cleanText(unit.unit) }));
    }
  }
  for (const k of conflicted) overrideOf.delete(k);

  // ---- Registrations: per unit key, the awards it registered for (unknown award ids match nothing).
  const registrations = input.registrations ?? null;
  const registeredFor: Map<string, Set<Award>> | null = registrations === null ? null : new Map();
  for (const r of registrations ?? []) {
    const k = nameKey(r.unit);
    const set = registeredFor?.get(k) ?? new Set<Award>();
    for (const id of r.awards) {
      const a = findAward(id);
      if (a) set.add(a);
    }
    registeredFor?.set(k, set);
  }
  const unchecked = registeredFor === null ? awards.filter((a) => a.prerequisites.registered) : [];
  if (unchecked.length > 0) {
    const names = unchecked.map((a) => cleanText(a.name)).join(", ");
    issues.push(raise("nomination.registration.none", { names }));
  }

  // ---- Awards, highest first.
  const proposals: Proposal[] = [];
  /** Per unit key: the awards it is proposed for so far (after overrides). */
  const proposedFor = new Map<string, Award[]>(units.map((u) => [nameKey(u.unit), []]));

  for (const award of awards) {
    const p = award.prerequisites;
    const vote = voteOf.get(award) ?? null;
    const finalVote = vote && vote.final ? vote : null;
    // A name listed twice on the count: the entry with more votes (then the first by content) counts.
    const candidateOf = new Map<string, AwardVote["candidates"][number]>();
    for (const c of [...(vote?.candidates ?? [])].sort((a, b) => cmp(b.votes, a.votes) || cmp(JSON.stringify(a), JSON.stringify(b)))) {
      if (!candidateOf.has(nameKey(c.name))) candidateOf.set(nameKey(c.name), c);
    }
    const electedAt = new Map<string, number>();
    (finalVote?.elected ?? []).forEach((e, i) => {
      if (!electedAt.has(nameKey(e))) electedAt.set(nameKey(e), i);
    });
    const bandKeys = p.bands.map(nameKey).filter((b) => b);

    const rows: Row[] = units.map((s) => {
      const key = nameKey(s.unit);
      const fails: Message[] = [];
      const unregistered = !!(p.registered && registeredFor && !registeredFor.get(key)?.has(award));
      if (unregistered) {
        fails.push(
          award.kind === "title"
            ? words(`Chưa đăng ký thi đua danh hiệu này (${RULE_NOTES.registration})`, `Not registered for this title (${REGISTRATION_RULE_EN})`)
            : words(`Chưa đăng ký hình thức khen thưởng này (${RULE_NOTES.registration})`, `Not registered for this form of reward (${REGISTRATION_RULE_EN})`),
        );
      }
      if (p.maxRank !== null && (s.rank === null || s.rank > p.maxRank)) {
        const need = p.maxRank === 1 ? words("hạng 1", "rank 1") : words(`từ hạng 1 đến hạng ${p.maxRank}`, `rank 1 to ${p.maxRank}`);
        if (s.rank === null) fails.push(words(`Chưa có xếp hạng, yêu cầu ${need.vi}`, `Not ranked, ${need.en} required`));
        else fails.push(words(`Xếp hạng ${s.rank}, yêu cầu ${need.vi}`, `Ranked ${s.rank}, ${need.en} required`));
      }
      if (bandKeys.length > 0 && !bandKeys.includes(nameKey(s.band))) {
        const want = p.bands.map(cleanText).filter((b) => b);
        const has = cleanText(s.band) ? words(`xếp loại: ${cleanText(s.band)}`, `classified: ${cleanText(s.band)}`) : words("chưa có xếp loại", "not classified");
        fails.push(words(`Chưa xếp loại ${want.join(" hoặc ")} (${has.vi})`, `Not classified ${want.join(" or ")} (${has.en})`));
      }
      if (p.leading && !s.leading) fails.push(words("Không phải đơn vị dẫn đầu khối", "Not the bloc's leading unit"));
      if (p.votePassed) {
        const c = candidateOf.get(key);
        if (!finalVote) {
          fails.push(words(`Chưa có kết quả bỏ phiếu cuối cùng cho ${award.name}`, `No final vote result for ${award.name} yet`));
        } else if (!electedAt.has(key)) {
          if (!c) fails.push(words(`Không có tên trong danh sách bỏ phiếu ${award.name}`, `Not on the ballot for ${award.name}`));
          else if (!c.passes) {
            const r = ruleShort(award, finalVote, percentText(c.percent));
            fails.push(words(`Không đạt tỷ lệ phiếu: ${r.vi}`, `Vote share not met: ${r.en}`));
          } else fails.push(words("Không được chọn trong số lượng", "Passed the rule but not elected within the number to elect"));
        }
      }
      if (p.chosen && overrideOf.get(pairKey(s.unit, award.id))?.include !== true) {
        fails.push(words("Chưa được hội nghị chọn đề nghị (danh hiệu do khối chọn, không đề nghị tự động)", "Not chosen by the meeting (an award the bloc chooses, never proposed automatically)"));
      }
      return { standing: s, key, meets: fails.length === 0, fails, unregistered };
    });

    // 5. The ladder rule.
    if (award.excludesLower) {
      for (const r of rows) {
        const higher = (proposedFor.get(r.key) ?? []).find((h) => h.excludesLower);
        if (higher) r.fails.push(words(`Đã được đề nghị ${higher.name} (cao hơn)`, `Already proposed for ${higher.name} (higher)`));
      }
    }

    // 6–7. Cap and quota, in the vote's order, then rank, then name.
    const base = rows.filter((r) => r.meets).length;
    const cap = award.percentCap === null ? Number.POSITIVE_INFINITY : award.percentCap > 0 ? Math.max(1, Math.floor((base * award.percentCap) / 100 + 1e-9)) : 0;
    const quota = award.quota === null ? Number.POSITIVE_INFINITY : award.quota;
    const eligible = rows
      .filter((r) => r.fails.length === 0)
      .sort((a, b) => cmp(rankKey(electedAt.get(a.key) ?? null), rankKey(electedAt.get(b.key) ?? null)) || cmp(unitOrder.get(a.key) ?? 0, unitOrder.get(b.key) ?? 0));
    eligible.forEach((r, i) => {
      if (i >= cap) {
        r.fails.push(
          words(
            `Vượt ${viNumber(award.percentCap ?? 0)}% số đơn vị đạt chuẩn (tối đa ${cap} trong ${base} đơn vị)`,
            `Over ${award.percentCap ?? 0}% of the units meeting the standard (at most ${cap} of ${base})`,
          ),
        );
      }
      if (i >= quota) r.fails.push(words(`Vượt số lượng ${quota} ${award.name}/khối`, `Over the bloc's quota of ${quota} × ${award.name}`));
    });

    // Proposals, and the meeting's decisions.
    const made: Proposal[] = rows.map((r) => {
      const s = r.standing;
      const c = candidateOf.get(r.key);
      const computed = r.fails.length === 0;
      const reasons = computed ? [passReason(award, s, c ? c.percent : null, p.registered && registeredFor !== null)] : [...r.fails];
      const o = overrideOf.get(pairKey(s.unit, award.id)) ?? null;
      if (o) reasons.push(words(`Hội nghị quyết định: ${cleanText(o.reason)}`, `The meeting decided: ${cleanText(o.reason)}`));
      const blocked = !!(o?.include && r.unregistered);
      if (blocked) {
        reasons.push(
          words(
            "Quyết định của hội nghị không thay cho việc đăng ký thi đua: đơn vị chưa đăng ký nên không được đề nghị (nếu đơn vị đã đăng ký, ghi vào trang Đăng ký thi đua)",
            "The meeting's decision does not stand in for registration: the unit did not register, so it is not proposed (if it did register, record it on the registration sheet)",
          ),
        );
        issues.push(raise("nomination.override.unregistered", { unit: cleanText(s.unit), award: award.name }));
      }
      const note = cleanText(award.ruleNote ?? "");
      if (note) reasons.push(words(`Quy định áp dụng: ${note}`, `Rule applied: ${note}`));
      return {
        unit: s.unit,
        awardId: award.id,
        award: award.name,
        kind: award.kind,
        proposed: o ? o.include && !blocked : computed,
        reasons,
        override: o ? { ...o } : null,
        total: s.total,
        rank: s.rank,
        band: s.band,
        votes: c ? c.votes : null,
        denominator: vote ? vote.denominator : null,
        percent: c ? c.percent : null,
        voteId: vote ? vote.voteId : null,
      };
    });

    const inList = made.filter((m) => m.proposed);
    const added = inList.filter((m) => m.override?.include).map((m) => cleanText(m.unit));
    if (added.length > 0 && inList.length > quota) {
      issues.push(raise("nomination.override.overQuota", { award: award.name, inListCount: inList.length, quota, value: added.join(", ") }));
    }
    if (added.length > 0 && inList.length > cap) {
      issues.push(raise("nomination.override.overCap", { award: award.name, inListCount: inList.length, percentCap: award.percentCap ?? 0, cap, value: added.join(", ") }));
    }
    for (const m of inList) proposedFor.get(nameKey(m.unit))?.push(award);
    proposals.push(...made);
  }

  // ---- A unit on two rungs of the ladder (only the meeting's decisions can do this).
  for (const u of units) {
    const ladder = (proposedFor.get(nameKey(u.unit)) ?? []).filter((a) => a.excludesLower);
    if (ladder.length > 1) {
      const names = ladder.map((a) => a.name).join(", ");
      issues.push(raise("nomination.exclusive.twice", { unit: cleanText(u.unit), names }));
    }
  }

  return { proposals, list: proposals.filter((p) => p.proposed), issues };
}

/** "Đạt: hạng 1, Hoàn thành xuất sắc nhiệm vụ, 87,50% phiếu đồng ý". */
function passReason(award: Award, s: Standing, percent: number | null, registered: boolean): Message {
  const vi: string[] = [];
  const en: string[] = [];
  if (s.rank !== null) {
    vi.push(`hạng ${s.rank}`);
    en.push(`rank ${s.rank}`);
  }
  if (award.prerequisites.leading) {
    vi.push("dẫn đầu khối");
    en.push("the bloc's leading unit");
  }
  if (award.prerequisites.chosen) {
    vi.push("hội nghị chọn đề nghị");
    en.push("chosen by the meeting");
  }
  if (registered) {
    vi.push("đã đăng ký thi đua");
    en.push("registered");
  }
  if (cleanText(s.band)) {
    vi.push(cleanText(s.band));
    en.push(cleanText(s.band));
  }
  if (percent !== null) {
    const p = percentText(percent);
    vi.push(`${p.vi}% phiếu đồng ý`);
    en.push(`${p.en}% approval`);
  }
  return vi.length > 0 ? words(`Đạt: ${vi.join(", ")}`, `Meets: ${en.join(", ")}`) : words("Đạt các điều kiện", "Meets every condition");
}
