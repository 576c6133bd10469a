import { thresholdPhrase } from "../format";
import { roundExcel } from "../scoring/engine";
import { cleanText, nameKey } from "../text";
import { maxChoices, voteIssue, voteWord, type Ballot, type Comparison, type HandCount, type Vote, type VoteIssue } from "./model";

/**
 * The counting committee's checks (DOMAIN §4), on ballots entered one by one or on totals counted
 * by hand. Issues carry a `ref` (ballot number, candidate, total) and no `where`: the sheet layer
 * knows the cells.
 */

/** `x` compared to `threshold` the way the rule says. */
export const meets = (x: number, comparison: Comparison, threshold: number): boolean => (comparison === ">=" ? x >= threshold : x > threshold);

/** A share in percent, 2 decimals, as the sheet computes it: IF(d=0, 0, ROUND(n/d*100, 2)). */
export const percentOf = (n: number, d: number): number => (d === 0 ? 0 : roundExcel((n / d) * 100, 2));

/** The quorum: those present as a percentage of all members, and whether the rule's quorum is met (always, without one). */
export function quorumStatus(vote: Vote): { percent: number; met: boolean } {
  const percent = percentOf(vote.attendance.present, vote.attendance.members);
  const q = vote.rule.quorum;
  return { percent, met: q === null || meets(percent, q.comparison, q.percent) };
}

/** Finds a name's ballot position (NFC, case- and space-insensitive; the first of equal names); undefined for a stranger. */
export type CandidateLookup = (name: string) => number | undefined;

/** A lookup that remembers the names it has seen: thousands of ballots repeat the same few names. */
export function candidateLookup(vote: Vote): CandidateLookup {
  const byKey = new Map<string, number>();
  vote.candidates.forEach((c, i) => {
    if (!byKey.has(nameKey(c))) byKey.set(nameKey(c), i);
  });
  const seen = new Map<string, number | undefined>();
  return (name) => {
    if (seen.has(name)) return seen.get(name);
    const i = byKey.get(nameKey(name));
    seen.set(name, i);
    return i;
  };
}

/** What one ballot says, read against the candidates. */
export interface BallotReading {
  /** Candidate positions approved or chosen (each once). */
  chosen: number[];
  /** Candidate positions marked "Không đồng ý" (approve lists only). */
  rejected: number[];
  /** Anything marked at all (an approval, a rejection or a choice, known or not). */
  marked: boolean;
  /** Names marked that are not candidates, as typed (cleaned). */
  unknown: string[];
  /** Candidates chosen more than once on a choose list. */
  twice: string[];
  /** Candidate positions both approved and rejected (marks under names differing only in case, spacing or Unicode form): an unclear ballot. */
  conflict: number[];
}

export function readBallot(find: CandidateLookup, ballot: Ballot): BallotReading {
  const chosen = new Set<number>();
  const rejected = new Set<number>();
  const unknown: string[] = [];
  const twice: string[] = [];
  let marked = false;
  if ("marks" in ballot) {
    for (const [name, mark] of Object.entries(ballot.marks)) {
      if (mark === "blank") continue;
      marked = true;
      const i = find(name);
      if (i === undefined) unknown.push(cleanText(name));
      else (mark === "approve" ? chosen : rejected).add(i);
    }
  } else {
    for (const name of ballot.chosen) {
      if (!cleanText(name)) continue;
      marked = true;
      const i = find(name);
      if (i === undefined) unknown.push(cleanText(name));
      else if (chosen.has(i)) twice.push(cleanText(name));
      else chosen.add(i);
    }
  }
  // A candidate both approved and rejected (two keys differing only in case or spacing) counts as
  // neither, and is reported: checkBallots refuses such a ballot (`vote.ballot.approveAndReject`).
  const conflict: number[] = [];
  for (const i of [...chosen].sort((a, b) => a - b)) {
    if (rejected.has(i)) {
      chosen.delete(i);
      rejected.delete(i);
      conflict.push(i);
    }
  }
  const asc = (s: Set<number>) => [...s].sort((a, b) => a - b);
  return { chosen: asc(chosen), rejected: asc(rejected), marked, unknown, twice, conflict };
}

/** At most this many missing ballot numbers are listed. */
export const MAX_LISTED = 200;

const isCount = (x: number) => Number.isInteger(x) && x >= 0;

/** Errors on attendance that both ways of counting share: more ballots issued than present; quorum not met. */
function checkAttendance(vote: Vote, issued: number): VoteIssue[] {
  // `issued`: the ballots issued at the meeting; written opinions of absent members are not among them.
  const out: VoteIssue[] = [];
  const { members, present } = vote.attendance;
  if (isCount(issued) && issued > present) {
    out.push(
      voteIssue("vote.issued.overPresent", { issued, present }, { total: "issued" }),
    );
  }
  const q = vote.rule.quorum;
  const status = quorumStatus(vote);
  if (q && !status.met) {
    const need = thresholdPhrase(q.percent, q.comparison, "vi");
    out.push(
      voteIssue("vote.quorum.notMet", { present, members, percent: status.percent, need }, { total: "present" }),
    );
  }
  return out;
}

function checkReturned(issued: number, returned: number): VoteIssue[] {
  if (returned > issued) {
    return [
      voteIssue("vote.returned.overIssued", { returned, issued }, { total: "returned" }),
    ];
  }
  if (returned < issued) {
    const n = issued - returned;
    return [
      voteIssue("vote.returned.underIssued", { returned, issued, missing: n }, { total: "returned" }),
    ];
  }
  return [];
}

function notCount(vi: string, en: string, value: number, ref: VoteIssue["ref"]): VoteIssue {
  return voteIssue("vote.count.notCount", { what: { vi, en }, value }, ref);
}

/** Lists numbers compactly: "3, 7, 9–12". */
export function numberList(ns: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < ns.length; ) {
    let j = i;
    while (j + 1 < ns.length && ns[j + 1] === ns[j] + 1) j++;
    parts.push(j - i >= 2 ? `${ns[i]}–${ns[j]}` : ns.slice(i, j + 1).join(", "));
    i = j + 1;
  }
  return parts.join(", ");
}

/**
 * Checks ballots entered one by one (returned = the ballots entered).
 * Errors: ballots returned > issued (`vote.returned.overIssued`); a ballot number entered twice
 * (`vote.ballot.duplicate`); a ballot number that is not a positive whole number
 * (`vote.ballot.badNumber`); a mark or a name for someone not on the ballot
 * (`vote.candidate.unknown`); a name chosen twice on one ballot (`vote.ballot.chosenTwice`);
 * issued > present (`vote.issued.overPresent`); quorum not met (`vote.quorum.notMet`); an issued
 * count that is not a whole number (`vote.count.notCount`).
 * Warnings: returned < issued (`vote.returned.underIssued`); numbers missing from 1 to the highest
 * number entered or the number of ballots entered, whichever is more (`vote.ballot.gap`, the
 * first `MAX_LISTED` numbers in `ref.missing`).
 * A ballot over the quota is not an error: it is an invalid ballot (see `ballotStatus`).
 */
export function checkBallots(vote: Vote, ballots: readonly Ballot[], context: { issued: number }): VoteIssue[] {
  const out: VoteIssue[] = [];
  const { issued } = context;
  // Written opinions of absent members (Bắc Ninh QĐ 86/2025 Đ8.4): only when the vote allows them,
  // at most one per absent member, and not among the ballots issued at the meeting.
  const written = ballots.filter((b) => b.written);
  if (written.length && !vote.writtenOpinions) {
    out.push(
      voteIssue("vote.written.notAllowed", { count: written.length, numbers: numberList(written.map((b) => b.number).sort((a, b) => a - b)) }, { ballot: written[0].number }),
    );
  }
  const absent = vote.attendance.members - vote.attendance.present;
  if (written.length > Math.max(0, absent)) {
    out.push(
      voteIssue("vote.written.overAbsent", { count: written.length, absent: Math.max(0, absent) }, { total: "present" }),
    );
  }
  if (!isCount(issued)) out.push(notCount("Số phiếu phát ra", "Ballots issued", issued, { total: "issued" }));
  else out.push(...checkReturned(issued, ballots.length - written.length));
  out.push(...checkAttendance(vote, issued));

  const times = new Map<number, number>();
  for (const b of ballots) {
    if (Number.isInteger(b.number) && b.number >= 1) times.set(b.number, (times.get(b.number) ?? 0) + 1);
    else {
      out.push(
        voteIssue("vote.ballot.badNumber", { number: String(b.number) }, { ballot: b.number }),
      );
    }
  }
  const numbers = [...times.keys()].sort((a, b) => a - b);
  for (const n of numbers) {
    const k = times.get(n) as number;
    if (k > 1) out.push(voteIssue("vote.ballot.duplicate", { ballot: n, times: k }, { ballot: n }));
  }
  // Up to the highest number entered, and at least to the count entered: n ballots numbered 1..n have no gap.
  const max = Math.max(numbers.length ? numbers[numbers.length - 1] : 0, ballots.length);
  const missingCount = max - numbers.length;
  if (missingCount > 0) {
    // Walk the gaps between the numbers entered (a mistyped 100000 costs no more than a 9), listing at most MAX_LISTED.
    const missing: number[] = [];
    let prev = 0;
    for (const n of [...numbers, max + 1]) {
      for (let m = prev + 1; m < n && missing.length < MAX_LISTED; m++) missing.push(m);
      prev = n;
    }
    const list = numberList(missing) + (missingCount > missing.length ? ", …" : "");
    out.push(
      voteIssue(
        "vote.ballot.gap",
        { count: missingCount, list, max },
        { missing },
      ),
    );
  }

  const find = candidateLookup(vote);
  const sorted = [...ballots].sort((a, b) => a.number - b.number);
  for (const b of sorted) {
    const r = readBallot(find, b);
    for (const name of r.unknown) {
      out.push(
        voteIssue("vote.candidate.unknown", { ballot: b.number, name }, { ballot: b.number, candidate: name }),
      );
    }
    for (const name of r.twice) {
      out.push(voteIssue("vote.ballot.chosenTwice", { ballot: b.number, name }, { ballot: b.number, candidate: name }));
    }
    for (const i of r.conflict) out.push(approveAndReject(b.number, vote.candidates[i]));
  }
  return out;
}

/**
 * A ballot marking both "Đồng ý" and "Không đồng ý" for one unit is unclear: never counted as an
 * approval. Luật Trưng cầu ý dân 2015 Đ41.1c, by analogy, makes a ballot marking more than one
 * option for a question invalid; the committee decides (and records the reason by hand).
 */
export function approveAndReject(number: number, candidate: string): VoteIssue {
  return voteIssue("vote.ballot.approveAndReject", { ballot: number, name: candidate }, { ballot: number, candidate });
}

/**
 * Ballots about to be typed into an entry sheet (the scenario runner, a returned file), each with
 * its position in the list: a number that is not a positive whole number (`vote.ballot.badNumber`),
 * a number already given (`vote.ballot.duplicate`, at the later one), a mark for someone not on
 * the ballot (`vote.candidate.unknown`: the entry sheet has no column for it, so it would be typed
 * as not marked — a ballot naming someone off the list is invalid, Luật Bầu cử ĐBQH và HĐND 2015
 * Đ74 by analogy, DOMAIN §4), a unit approved and rejected (`vote.ballot.approveAndReject`).
 */
export function checkBallotEntries(vote: Vote, ballots: readonly Ballot[]): { index: number; issue: VoteIssue }[] {
  const out: { index: number; issue: VoteIssue }[] = [];
  const find = candidateLookup(vote);
  const first = new Map<number, number>();
  ballots.forEach((b, index) => {
    const at = (issue: VoteIssue) => out.push({ index, issue });
    if (!(Number.isInteger(b.number) && b.number >= 1)) {
      at(voteIssue("vote.ballot.badNumber", { number: String(b.number) }, { ballot: b.number }));
    } else if (first.has(b.number)) {
      at(voteIssue("vote.ballot.duplicate", { ballot: b.number, times: 2 }, { ballot: b.number }));
    } else first.set(b.number, index);
    const r = readBallot(find, b);
    for (const name of r.unknown) {
      at(
        voteIssue("vote.candidate.unknown", { ballot: b.number, name }, { ballot: b.number, candidate: name }),
      );
    }
    for (const name of r.twice) at(voteIssue("vote.ballot.chosenTwice", { ballot: b.number, name }, { ballot: b.number, candidate: name }));
    for (const i of r.conflict) at(approveAndReject(b.number, vote.candidates[i]));
  });
  return out;
}

/**
 * Checks totals counted by hand.
 * Errors: a total or a candidate's votes that is not a whole number (`vote.count.notCount`);
 * returned > issued (`vote.returned.overIssued`); valid + invalid ≠ returned
 * (`vote.count.mismatch`); a candidate's votes > valid (`vote.candidate.overValid`); the sum of
 * votes > valid × the choices a ballot allows (`vote.count.overQuota`); votes for someone not on
 * the ballot (`vote.candidate.unknown`); invalid ballots by reason not adding up to the invalid
 * count (`vote.count.reasonsMismatch`); issued > present; quorum not met.
 * Warnings: returned < issued.
 */
export function checkHandCount(vote: Vote, count: HandCount): VoteIssue[] {
  const out: VoteIssue[] = [];
  const totals = [
    ["issued", "Số phiếu phát ra", "Ballots issued"],
    ["returned", "Số phiếu thu vào", "Ballots returned"],
    ["valid", "Số phiếu hợp lệ", "Valid ballots"],
    ["invalid", "Số phiếu không hợp lệ", "Invalid ballots"],
  ] as const;
  let whole = true;
  for (const [key, vi, en] of totals) {
    if (!isCount(count[key])) {
      whole = false;
      out.push(notCount(vi, en, count[key], { total: key }));
    }
  }
  const find = candidateLookup(vote);
  const w = voteWord(vote);
  let sum = 0;
  for (const [name, n] of Object.entries(count.votes)) {
    const i = find(name);
    if (i === undefined) {
      out.push(
        voteIssue("vote.candidate.unknownCount", { what: w.vi, name: cleanText(name) }, { candidate: cleanText(name) }),
      );
      continue;
    }
    const cand = vote.candidates[i];
    if (!isCount(n)) {
      whole = false;
      out.push(notCount(`Số ${w.vi} của "${cand}"`, `The ${w.en} for "${cand}"`, n, { candidate: cand }));
      continue;
    }
    sum += n;
    if (isCount(count.valid) && n > count.valid) {
      out.push(
        voteIssue("vote.candidate.overValid", { what: w.vi, name: cand, votes: n, valid: count.valid }, { candidate: cand }),
      );
    }
  }
  if (isCount(count.issued)) out.push(...checkAttendance(vote, count.issued));
  if (!whole) return out;

  out.push(...checkReturned(count.issued, count.returned));
  if (count.valid + count.invalid !== count.returned) {
    out.push(
      voteIssue("vote.count.mismatch", { valid: count.valid, invalid: count.invalid, sum: count.valid + count.invalid, returned: count.returned }, { total: "valid" }),
    );
  }
  const max = maxChoices(vote.ballot);
  if (sum > count.valid * max) {
    out.push(
      voteIssue("vote.count.overQuota", { what: w.vi, sum, valid: count.valid, max, limit: count.valid * max }, { total: "valid" }),
    );
  }
  if (count.invalidReasons) {
    const reasons = Object.values(count.invalidReasons).reduce<number>((a, n) => a + (n ?? 0), 0);
    if (reasons !== count.invalid) {
      out.push(
        voteIssue("vote.count.reasonsMismatch", { reasons, invalid: count.invalid }, { total: "invalidReasons" }),
      );
    }
  }
  return out;
}
