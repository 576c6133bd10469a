/**
 * Properties of the nomination engine on random rankings, votes, catalogues and decisions: the
 * output does not depend on the order of any input array; quotas hold and a unit climbs one rung
 * of a ladder unless the meeting decides otherwise; every proposal says why, in both languages.
 */
import fc from "fast-check";
import { defaultCatalogue } from "../../../src/domain/nomination/catalogue";
import { nominate, type NominationInput } from "../../../src/domain/nomination/engine";
import type { Award, AwardVote, Override, Standing } from "../../../src/domain/nomination/model";
import { nameKey } from "../../../src/domain/text";

const NAMES = ["Sở Văn hóa", "Sở Giáo dục", "Sở Y tế", "Đài Phát thanh", "Báo tỉnh", "Hội Văn học", "Trường Cao đẳng", "Ban Dân tộc", "Sở Nội vụ", "Sở Tư pháp"];
const BANDS = ["Hoàn thành xuất sắc nhiệm vụ", "Hoàn thành tốt nhiệm vụ", "Hoàn thành nhiệm vụ", ""];
const AWARDS = defaultCatalogue().awards;
const RULE_TEXT = { vi: "Từ 80% trở lên so với tổng số thành viên.", en: "80% or more of all members." };

const standingsArb: fc.Arbitrary<Standing[]> = fc.subarray(NAMES, { minLength: 1 }).chain((names) =>
  fc.tuple(...names.map((unit) =>
    fc.record({
      unit: fc.constantFrom(unit, unit.toUpperCase(), ` ${unit} `),
      total: fc.option(fc.integer({ min: 50, max: 100 }), { nil: null }),
      rank: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null, freq: 6 }),
      band: fc.constantFrom(...BANDS),
      leading: fc.boolean(),
    }),
  )),
);

const awardArb = (a: Award): fc.Arbitrary<Award> =>
  fc.record({
    quota: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }),
    percentCap: fc.option(fc.constantFrom(0, 20, 50), { nil: null, freq: 3 }),
    priority: fc.integer({ min: 1, max: 5 }),
    excludesLower: fc.boolean(),
    maxRank: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null, freq: 3 }),
    votePassed: fc.boolean(),
    registered: fc.boolean(),
  }).map(({ maxRank, votePassed, registered, ...r }) => ({ ...a, ...r, prerequisites: { ...a.prerequisites, maxRank, votePassed, registered } }));

const votesArb: fc.Arbitrary<AwardVote[]> = fc.array(
  fc.record({
    award: fc.constantFrom(...AWARDS.flatMap((a) => [a.name, a.id]), "Huân chương Lao động"),
    final: fc.boolean(),
    cands: fc.subarray([...NAMES, "Sở Ngoại vụ"], { minLength: 1 }).chain((names) => fc.tuple(...names.map((name) => fc.record({ name: fc.constant(name), votes: fc.integer({ min: 0, max: 8 }) })))),
    electedPick: fc.array(fc.nat(), { maxLength: 4 }),
  }),
  { maxLength: 5 },
).map((vs) =>
  vs.map((v, i): AwardVote => {
    const candidates = v.cands.map((c) => ({ name: c.name, votes: c.votes, percent: Math.round((c.votes / 8) * 10000) / 100, passes: c.votes >= 7 }));
    const passing = candidates.filter((c) => c.passes).map((c) => c.name);
    const elected: string[] = [];
    for (const k of v.electedPick) {
      const n = passing[k % Math.max(1, passing.length)];
      if (n && !elected.includes(n)) elected.push(n);
    }
    return { award: v.award, voteId: `v${i}`, final: v.final, elected, candidates, denominator: 8, ruleText: RULE_TEXT };
  }),
);

const overridesArb: fc.Arbitrary<Override[]> = fc.array(
  fc.record({
    unit: fc.constantFrom(...NAMES, "Sở Ngoại vụ"),
    award: fc.constantFrom(...AWARDS.map((a) => a.id), "Huân chương"),
    include: fc.boolean(),
    reason: fc.constantFrom("Thành tích đột xuất", "Đơn vị xin rút", ""),
  }),
  { maxLength: 4 },
);

/** The registration list (DOMAIN §1): none, or units (some spelled differently, some twice) with award ids. */
const registrationsArb: fc.Arbitrary<NominationInput["registrations"]> = fc.option(
  fc.array(
    fc.record({
      unit: fc.constantFrom(...NAMES, NAMES[0].toUpperCase(), "Sở Ngoại vụ"),
      awards: fc.subarray([...AWARDS.map((a) => a.id), "huan-chuong"]),
    }),
    { maxLength: 8 },
  ),
  { nil: null },
);

const inputArb = (withOverrides: boolean): fc.Arbitrary<NominationInput> =>
  fc.record({
    catalogue: fc.tuple(...AWARDS.map(awardArb)).map((awards) => ({ awards })),
    standings: standingsArb,
    votes: votesArb,
    overrides: withOverrides ? overridesArb : fc.constant([]),
    registrations: registrationsArb,
  });

const permutation = <T>(xs: readonly T[]): fc.Arbitrary<T[]> => fc.shuffledSubarray([...xs], { minLength: xs.length, maxLength: xs.length });

/** The same input with every array shuffled (the catalogue's awards, bands, standings, votes and their candidates, overrides). */
const shuffledArb = (input: NominationInput): fc.Arbitrary<NominationInput> =>
  fc.record({
    catalogue: fc
      .tuple(...input.catalogue.awards.map((a) => permutation(a.prerequisites.bands).map((bands) => ({ ...a, prerequisites: { ...a.prerequisites, bands } }))))
      .chain((awards) => permutation(awards))
      .map((awards) => ({ awards })),
    standings: permutation(input.standings),
    votes: fc.tuple(...input.votes.map((v) => permutation(v.candidates).map((candidates) => ({ ...v, candidates })))).chain((vs) => permutation(vs)),
    overrides: permutation(input.overrides),
    registrations:
      input.registrations === null
        ? fc.constant(null)
        : fc.tuple(...input.registrations.map((r) => permutation(r.awards).map((awards) => ({ ...r, awards })))).chain((rs) => permutation(rs)),
  });

describe("nominate: properties", () => {
  it("does not depend on the order of any input array", () => {
    fc.assert(
      fc.property(
        inputArb(true).chain((input) => fc.tuple(fc.constant(input), shuffledArb(input))),
        ([input, shuffled]) => {
          expect(nominate(shuffled)).toEqual(nominate(input));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("without decisions: quotas hold, one rung per ladder, the vote decides, every proposal says why", () => {
    fc.assert(
      fc.property(inputArb(false), (input) => {
        const r = nominate(input);
        const units = new Set(input.standings.map((s) => nameKey(s.unit))).size;
        expect(r.proposals).toHaveLength(input.catalogue.awards.length * units);
        expect(r.list).toEqual(r.proposals.filter((p) => p.proposed));
        expect(r.issues.some((i) => i.code === "nomination.exclusive.twice")).toBe(false);
        for (const a of input.catalogue.awards) {
          const inList = r.list.filter((p) => p.awardId === a.id);
          if (a.quota !== null) expect(inList.length).toBeLessThanOrEqual(a.quota);
          if (a.percentCap === 0) expect(inList).toHaveLength(0);
        }
        for (const p of r.proposals) {
          expect(p.reasons.length).toBeGreaterThan(0);
          for (const m of p.reasons) {
            expect(m.vi).not.toBe(m.en);
            expect(m.en).not.toMatch(/\d,\d\d%/);
          }
          expect(p.reasons.some((m) => m.vi.startsWith("Đạt"))).toBe(p.proposed);
          const award = input.catalogue.awards.find((a) => a.id === p.awardId);
          if (p.proposed && award?.prerequisites.votePassed) {
            expect(p.voteId).not.toBeNull();
            expect(p.percent).not.toBeNull();
          }
        }
        // One rung of the ladder: a unit holds at most one award that excludes lower ones, titles and
        // rewards alike (one achievement, one reward: Luật Thi đua, khen thưởng 2022 Đ5).
        const ladder = new Map<string, number>();
        for (const p of r.list) {
          const award = input.catalogue.awards.find((a) => a.id === p.awardId);
          if (!award?.excludesLower) continue;
          const k = nameKey(p.unit);
          ladder.set(k, (ladder.get(k) ?? 0) + 1);
        }
        for (const n of ladder.values()) expect(n).toBe(1);
      }),
      { numRuns: 300 },
    );
  });

  it("without decisions, a unit proposed for an award requiring registration registered for it (DOMAIN §1 setting); no list: one warning", () => {
    fc.assert(
      fc.property(inputArb(false), (input) => {
        const r = nominate(input);
        const requiring = input.catalogue.awards.filter((a) => a.prerequisites.registered);
        expect(r.issues.filter((i) => i.code === "nomination.registration.none")).toHaveLength(input.registrations === null && requiring.length > 0 ? 1 : 0);
        if (input.registrations === null) return;
        for (const p of r.list) {
          if (!requiring.some((a) => a.id === p.awardId)) continue;
          const rows = input.registrations.filter((x) => nameKey(x.unit) === nameKey(p.unit));
          expect(rows.some((x) => x.awards.includes(p.awardId))).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("an applied decision sets the outcome and is the last reason before the award's rule; one including an unregistered unit is recorded but does not stand", () => {
    fc.assert(
      fc.property(inputArb(true), (input) => {
        const r = nominate(input);
        for (const p of r.proposals) {
          const note = input.catalogue.awards.find((a) => a.id === p.awardId)?.ruleNote.trim();
          if (note) expect(p.reasons[p.reasons.length - 1].vi).toBe(`Quy định áp dụng: ${note}`);
          if (!p.override) continue;
          // A decision does not stand in for registration (the province's regulation binds the meeting; engine.ts, Overrides).
          const blocked = p.reasons.some((x) => x.vi.startsWith("Quyết định của hội nghị không thay cho việc đăng ký thi đua"));
          expect(blocked).toBe(p.override.include && p.reasons[0].vi.startsWith("Chưa đăng ký"));
          expect(p.proposed).toBe(p.override.include && !blocked);
          expect(p.reasons[p.reasons.length - (note ? 2 : 1) - (blocked ? 1 : 0)].vi.startsWith("Hội nghị quyết định: ")).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});
