import { raise } from "../codes";
import { formatDate } from "../format";
import { z } from "zod";
import type { Issue } from "../issues";
import type { Award } from "../nomination/model";
import { cleanText, nameKey } from "../text";

/**
 * The start of the year (issue #12, DOMAIN §2 "The year" (1), seed 001): at its launch meeting
 * (hội nghị phát động) the bloc signs the **giao ước thi đua** (emulation pact: the year's theme,
 * the units' common commitments, the criteria table as agreed) and each unit announces its
 * **đăng ký thi đua** (registration: the titles and rewards it aims for, from the bloc's award
 * catalogue, and its own targets). Pure: no Excel, no I/O.
 */

export interface DayDate {
  day: number;
  month: number;
  year: number;
}

/** The pact as kept on its sheet. */
export interface Pact {
  theme: string;
  place: string;
  signedOn: DayDate | null;
  commitments: string[];
}

/** One unit's registration. */
export interface Registration {
  unit: string;
  /** Award ids of the catalogue. */
  awards: string[];
  targets: string;
}

/** A theme, a place, one commitment: a line of a document (a cell holds 32 767 characters; a line this long is a mistake). */
export const MAX_LINE = 1000;
/** A unit's targets: a paragraph or two. */
export const MAX_TARGETS = 4000;
export const MAX_COMMITMENTS = 50;

export const DayDateSchema = z.object({ day: z.number().int(), month: z.number().int(), year: z.number().int() }).strict();
export const PactSchema = z
  .object({
    theme: z.string().max(MAX_LINE),
    place: z.string().max(MAX_LINE),
    signedOn: DayDateSchema.nullable(),
    commitments: z.array(z.string().max(MAX_LINE)).max(MAX_COMMITMENTS),
  })
  .strict();
export const RegistrationSchema = z.object({ unit: z.string().max(MAX_LINE), awards: z.array(z.string().max(200)).max(100), targets: z.string().max(MAX_TARGETS) }).strict();

// Types and schemas must not drift apart.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _pactMatches: Same<z.infer<typeof PactSchema>, Pact> = true;
const _registrationMatches: Same<z.infer<typeof RegistrationSchema>, Registration> = true;
void [_pactMatches, _registrationMatches];

const withField = (i: Issue, field: string): Issue => ({ ...i, field });

/** A real calendar date (31/02 is not one) within 1900–9999. */
export function isRealDate(d: DayDate): boolean {
  if (![d.day, d.month, d.year].every(Number.isInteger) || d.year < 1900 || d.year > 9999) return false;
  const real = new Date(d.year, d.month - 1, d.day);
  return real.getFullYear() === d.year && real.getMonth() === d.month - 1 && real.getDate() === d.day;
}

/** "15/3/2017" or "15/03/2017" (also "15-3-2017", "15.3.2017") → its parts; null when not of that form (not checked as a date). */
export function parseDayDate(s: string): DayDate | null {
  const m = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(cleanText(s));
  return m ? { day: Number(m[1]), month: Number(m[2]), year: Number(m[3]) } : null;
}

/** "15/03/2017". */
export const dayDateText = (d: DayDate): string => formatDate(d);

/** Text fields as typed: the pact's texts cleaned; commitments blank lines dropped. */
export interface PactInput {
  theme: string;
  place: string;
  signedOn: string;
  commitments: string[];
}

/**
 * Checks the pact as typed (form fields `theme`, `place`, `signedOn`, `commitments.<i>`):
 * - start.pact.date: the date is not dd/mm/yyyy or not a real day (31/02);
 * - start.pact.dateYear (warning): signed in another year than the bloc's (a pact is signed at the year's start, seed 001: 15/3/2017 for 2017);
 * - start.pact.tooLong: a text over MAX_LINE characters;
 * - start.pact.tooMany: more than MAX_COMMITMENTS commitments.
 * Blank commitments are dropped (an empty line is not a commitment).
 */
export function validatePact(input: PactInput, blocYear?: number): { pact: Pact | null; issues: Issue[] } {
  const issues: Issue[] = [];
  /** A text over MAX_LINE characters, named by its start (the issue's field says which input). */
  const long = (field: string, s: string) => {
    const t = cleanText(s);
    if (t.length > MAX_LINE) issues.push(withField(raise("start.pact.tooLong", { start: t.slice(0, 40), length: t.length, max: MAX_LINE }), field));
  };
  long("theme", input.theme);
  long("place", input.place);
  const commitments: string[] = [];
  input.commitments.forEach((c, i) => {
    long(`commitments.${i}`, c);
    if (cleanText(c)) commitments.push(cleanText(c));
  });
  if (commitments.length > MAX_COMMITMENTS)
    issues.push(withField(raise("start.pact.tooMany", { commitmentsCount: commitments.length, max: MAX_COMMITMENTS }), "commitments"));
  let signedOn: DayDate | null = null;
  const raw = cleanText(input.signedOn);
  if (raw) {
    const d = parseDayDate(raw);
    if (!d || !isRealDate(d)) {
      issues.push(withField(raise("start.pact.date", { value: raw, example: formatDate({ day: 15, month: 3, year: blocYear ?? 2026 }) }), "signedOn"));
    } else {
      signedOn = d;
      if (blocYear !== undefined && d.year !== blocYear)
        issues.push(withField(raise("start.pact.dateYear", { date: dayDateText(d), year: blocYear }), "signedOn"));
    }
  }
  const ok = !issues.some((i) => i.severity === "error");
  return { pact: ok ? { theme: cleanText(input.theme), place: cleanText(input.place), signedOn, commitments } : null, issues };
}

/** The catalogue award an id or a name (any case, spacing, NFC/NFD) names; undefined when none. */
export function findAward(awards: readonly Award[], idOrName: string): Award | undefined {
  const k = nameKey(idOrName);
  return awards.find((a) => nameKey(a.id) === k) ?? awards.find((a) => nameKey(a.name) === k);
}

/**
 * Checks the registrations as typed against the bloc's members and the award catalogue (form fields
 * `registrations.<i>.unit`, `registrations.<i>.awards.<j>`, `registrations.<i>.targets`):
 * - start.registration.notMember: a unit that is not a member (DOMAIN §1; names compared as DOMAIN §6);
 * - start.registration.duplicate: a unit registered twice (which one would count?);
 * - start.registration.unknownAward: an award id not in the catalogue (DOMAIN §3);
 * - start.registration.duplicateAward (warning): the same award twice in one registration (kept once);
 * - start.registration.tooLong: targets over MAX_TARGETS characters.
 * A unit may register for a title and a reward together (Luật TĐKT 2022 Đ5 limits what is awarded
 * for one achievement, not what a unit aims for). Unit names come back as on the roster.
 */
export function validateRegistrations(input: readonly Registration[], members: readonly { name: string; shortName?: string }[], awards: readonly Award[]): { registrations: Registration[] | null; issues: Issue[] } {
  const issues: Issue[] = [];
  const out: Registration[] = [];
  const seen = new Map<string, number>();
  input.forEach((r, i) => {
    const f = `registrations.${i}`;
    const name = cleanText(r.unit);
    const member = members.find((m) => nameKey(m.name) === nameKey(name)) ?? members.find((m) => m.shortName && nameKey(m.shortName) === nameKey(name));
    if (!member) {
      issues.push(withField(raise("start.registration.notMember", { name }), `${f}.unit`));
    } else if (seen.has(nameKey(member.name))) {
      issues.push(withField(raise("start.registration.duplicate", { member: member.name, first: seen.get(nameKey(member.name))! + 1, second: i + 1 }), `${f}.unit`));
    } else seen.set(nameKey(member.name), i);
    const ids: string[] = [];
    r.awards.forEach((a, j) => {
      const award = awards.find((x) => nameKey(x.id) === nameKey(a));
      if (!award) {
        issues.push(withField(raise("start.registration.unknownAward", { award: cleanText(a) }), `${f}.awards.${j}`));
      } else if (ids.includes(award.id)) {
        issues.push(withField(raise("start.registration.duplicateAward", { award: award.name, name }), `${f}.awards.${j}`));
      } else ids.push(award.id);
    });
    if (r.targets.length > MAX_TARGETS)
      issues.push(withField(raise("start.registration.tooLong", { name, targetsCount: r.targets.length, max: MAX_TARGETS }), `${f}.targets`));
    // In catalogue order, as the sheet's columns.
    const ordered = awards.filter((x) => ids.includes(x.id)).map((x) => x.id);
    out.push({ unit: member?.name ?? name, awards: ordered, targets: r.targets.replace(/\r\n?/g, "\n").trim() });
  });
  const ok = !issues.some((i) => i.severity === "error");
  return { registrations: ok ? out : null, issues };
}

/** One registration per member in roster order: the given ones, and empty ones for members without. */
export function perMember(registrations: readonly Registration[], members: readonly { name: string }[]): Registration[] {
  return members.map((m) => registrations.find((r) => nameKey(r.unit) === nameKey(m.name)) ?? { unit: m.name, awards: [], targets: "" });
}
