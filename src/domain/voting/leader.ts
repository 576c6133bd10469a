import type { Member } from "../bloc/bloc";
import { MAX_DEPUTIES } from "../bloc/bloc";
import { raise, raiseAt } from "../codes";
import { hasErrors, type Issue } from "../issues";
import { cleanText, nameKey } from "../text";
import type { TallyResult } from "./tally";

/**
 * Next year's bloc leader (trưởng khối) and deputies (phó trưởng khối), by the bloc's mode
 * (DOMAIN §1: "bầu luân phiên"; some provinces designate them):
 * - rotation: the next members in roster order, after this year's leader and wrapping to the top,
 *   who have not led in any recorded year; when everyone has, rotation starts over from the top
 *   (without this year's leader);
 * - election: the winner of a final "choose one" tally for leader (and the elected of a deputy tally);
 * - designation: the names given.
 */

export interface LeadershipRecord {
  year: number;
  leader: string;
  deputies: string[];
}

export type LeaderMode =
  | { mode: "rotation"; deputies: 1 | 2 }
  | { mode: "election"; leader: TallyResult; deputies: TallyResult | null }
  | { mode: "designation"; leader: string; deputies: string[] };

export interface LeadershipInput {
  /** Member units in roster order (full names, or members whose full or short name may be used). */
  roster: readonly (Member | string)[];
  /** Recorded years; only years before `year` count. */
  history: readonly LeadershipRecord[];
  /** The year being led. */
  year: number;
  mode: LeaderMode;
}

export interface Leadership {
  year: number;
  /** Null when errors stop the choice. */
  leader: string | null;
  deputies: string[];
  issues: Issue[];
}

const quoted = (names: string[]) => names.map((n) => `"${n}"`).join(", ");

export function nextLeadership(input: LeadershipInput): Leadership {
  const issues: Issue[] = [];
  const members = input.roster.map((m) => (typeof m === "string" ? { name: cleanText(m), shortName: "" } : { name: cleanText(m.name), shortName: cleanText(m.shortName ?? "") }));
  const names = members.map((m) => m.name);
  const none = (): Leadership => ({ year: input.year, leader: null, deputies: [], issues });
  if (members.length === 0) {
    issues.push(raise("leader.roster.empty", {}));
    return none();
  }
  /** A typed name (full or short) to the roster's full name. */
  const resolve = (typed: string): string | null => {
    const k = nameKey(typed);
    const hit = members.find((m) => nameKey(m.name) === k) ?? members.find((m) => m.shortName && nameKey(m.shortName) === k);
    return hit ? hit.name : null;
  };

  const { mode } = input;
  if (mode.mode === "rotation") return rotation(input, names, resolve, issues);

  let leader: string | null = null;
  let deputies: string[] = [];
  if (mode.mode === "designation") {
    leader = cleanText(mode.leader);
    deputies = mode.deputies.map(cleanText).filter(Boolean);
  } else {
    leader = electedOf(mode.leader, "leader", issues)?.[0] ?? null;
    if (mode.deputies) deputies = electedOf(mode.deputies, "deputy", issues) ?? [];
  }

  let leaderName: string | null = null;
  if (!leader) {
    if (mode.mode === "designation") issues.push(raiseAt("leader.leader.empty", {}, "leader"));
  } else {
    leaderName = resolve(leader);
    if (!leaderName) issues.push(raiseAt("leader.notMember", { name: leader }, "leader"));
  }
  const chosen: string[] = [];
  deputies.forEach((d, i) => {
    const r = resolve(d);
    const field = `deputies.${i}`;
    if (!r) issues.push(raiseAt("leader.notMember", { name: d }, field));
    else if (r === leaderName) issues.push(raiseAt("leader.deputy.isLeader", { name: r }, field));
    else if (chosen.includes(r)) issues.push(raiseAt("leader.deputy.duplicate", { name: r }, field));
    else chosen.push(r);
  });
  if (chosen.length > MAX_DEPUTIES) {
    issues.push(raiseAt("leader.deputies.tooMany", { max: MAX_DEPUTIES }, "deputies"));
  }
  if (mode.mode === "designation" && deputies.length === 0) {
    issues.push(raiseAt("leader.deputies.none", {}, "deputies"));
  }
  if (hasErrors(issues)) return none();
  return { year: input.year, leader: leaderName, deputies: chosen, issues };
}

/** The elected of a final tally for `purpose`, or null with an error. */
function electedOf(t: TallyResult, purpose: "leader" | "deputy", issues: Issue[]): string[] | null {
  const what = { what: purpose === "leader" ? "trưởng khối" : "phó trưởng khối" };
  if (t.vote.purpose.kind !== purpose) {
    issues.push(raise("leader.election.wrongVote", what));
    return null;
  }
  if (!t.conclusion.final || t.conclusion.elected.length === 0) {
    issues.push(
      raise("leader.election.undecided", {
        ...what,
        round: t.vote.round,
      }),
    );
    return null;
  }
  if (purpose === "leader" && t.conclusion.elected.length > 1) {
    issues.push(raise("leader.election.several", { count: t.conclusion.elected.length }));
    return null;
  }
  return t.conclusion.elected;
}

function rotation(input: LeadershipInput, names: string[], resolve: (s: string) => string | null, issues: Issue[]): Leadership {
  const want = input.mode.mode === "rotation" ? input.mode.deputies : 1;
  const past = input.history.filter((h) => h.year < input.year).sort((a, b) => a.year - b.year);
  const gone = new Set<string>();
  const led = new Set<string>();
  for (const h of past) {
    const r = resolve(h.leader);
    if (r) led.add(r);
    else if (cleanText(h.leader)) gone.add(cleanText(h.leader));
  }
  if (gone.size) {
    issues.push(
      raise("leader.history.notMember", { names: quoted([...gone]) }),
    );
  }
  const lastRecord = past[past.length - 1];
  const last = lastRecord ? resolve(lastRecord.leader) : null;
  const start = last ? names.indexOf(last) + 1 : 0;
  const turn = [...names.slice(start), ...names.slice(0, start)];
  let order = turn.filter((n) => !led.has(n));
  if (order.length === 0) {
    issues.push(
      raise("leader.rotation.restart", {}),
    );
    order = names.filter((n) => n !== last || names.length === 1);
  }
  const leader = order[0];
  const deputies = order.slice(1, 1 + want);
  if (deputies.length < want) {
    // Deputies from the next round of the rotation: the top of the roster, then (a tiny bloc) whoever is left.
    const more = [...names.filter((n) => n !== last), ...(last ? [last] : [])].filter((n) => n !== leader && !deputies.includes(n));
    const added = more.slice(0, want - deputies.length);
    if (added.length) {
      issues.push(
        raise("leader.rotation.deputyRestart", { names: quoted(added) }),
      );
    }
    deputies.push(...added);
    if (deputies.length < want) {
      issues.push(raise("leader.rotation.tooFew", { members: names.length, want }));
    }
  }
  return { year: input.year, leader, deputies, issues };
}
