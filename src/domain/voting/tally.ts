import { hasErrors } from "../issues";
import { roundExcel } from "../scoring/engine";
import { cleanText, nameKey } from "../text";
import { candidateLookup, checkBallots, checkHandCount, meets, percentOf, quorumStatus, readBallot, type CandidateLookup } from "./checks";
import { sha256Hex } from "./fingerprint";
import {
  checkVote,
  INVALID_REASONS,
  maxChoices,
  voteIssue,
  type Ballot,
  type Denominator,
  type HandCount,
  type InvalidReason,
  type TieStep,
  type Vote,
  type VoteIssue,
} from "./model";

/**
 * The tally (DOMAIN §3–4): per candidate votes, percentage over the rule's denominator, passes or
 * not, within the number to elect or not, and the tie at the cutoff settled by the declared rule.
 * Deterministic: nothing depends on the order of the ballots array, and no tie is ever broken by
 * input order.
 */

export interface BallotStatus {
  valid: boolean;
  /** Why the ballot is invalid; null for a valid ballot (a blank counted valid included). */
  reason: InvalidReason | null;
  /** Approvals or choices for candidates on the ballot. */
  marked: number;
}

function statusOf(vote: Vote, find: CandidateLookup, ballot: Ballot): BallotStatus & { chosen: number[]; rejected: number[] } {
  const r = readBallot(find, ballot);
  const marked = r.chosen.length;
  const base = { marked, chosen: r.chosen, rejected: r.rejected };
  if (ballot.manualInvalid) return { ...base, valid: false, reason: ballot.manualInvalid };
  if (marked > maxChoices(vote.ballot)) return { ...base, valid: false, reason: "overQuota" };
  if (!r.marked && vote.invalid.noneMarked === "invalid") return { ...base, valid: false, reason: "noneMarked" };
  return { ...base, valid: true, reason: null };
}

/**
 * A ballot's status, in this order: a manual reason makes it invalid; more approvals or choices
 * than the ballot allows (quota, N, one) make it invalid ("overQuota"); a ballot with nothing
 * marked (no approval, rejection or choice) is valid or invalid ("noneMarked") as the vote sets.
 * A ballot that rejects every candidate is marked, hence valid.
 */
export function ballotStatus(vote: Vote, ballot: Ballot): BallotStatus {
  const { valid, reason, marked } = statusOf(vote, candidateLookup(vote), ballot);
  return { valid, reason, marked };
}

export type TallyInput = { ballots: readonly Ballot[] } | { handCount: HandCount };
export interface TallyContext {
  /** Ballots issued (phiếu phát ra). */
  issued: number;
  /** Candidates' total scores, for the "higherScore" tie step (by name, NFC/case/space-insensitive). */
  scores?: Record<string, number>;
}

/** "runoff": not passed, but among the top candidates of a run-off round (`Vote.runoff`). */
export type Outcome = "elected" | "notElected" | "notPassed" | "revote" | "meetingDecides" | "runoff";

export interface CandidateResult {
  name: string;
  /** 1-based position on the ballot. */
  position: number;
  votes: number;
  /** "Không đồng ý" marks on valid approve ballots; null for choose ballots and hand counts. */
  against: number | null;
  /** Votes over the rule's denominator, in percent, 2 decimals (0 when the denominator is 0). */
  percent: number;
  passes: boolean;
  /** Competition rank by votes among all candidates (equal votes share a rank). */
  rank: number;
  /** The total score used by the "higherScore" step, when given. */
  score: number | null;
  /** Tied with others at the cutoff. */
  tied: boolean;
  /** How its place was decided: by votes, or, tied at the cutoff, by score or lot; null when not decided here (revote, meeting) or not passed. */
  settledBy: "votes" | "higherScore" | "lot" | null;
  outcome: Outcome;
}

/** What one tie step did. */
export type TieStepRecord =
  | { step: "higherScore"; applied: true; scores: Record<string, number>; elected: string[]; out: string[]; stillTied: string[] }
  | { step: "higherScore"; applied: false; missing: string[] }
  | { step: "lot"; seed: string; order: { name: string; ticket: string }[]; elected: string[] }
  | { step: "revote"; candidates: string[]; seats: number }
  | { step: "meetingDecides"; candidates: string[]; seats: number; byDefault: boolean };

export interface Tie {
  /** The candidates tied at the cutoff, in ballot order. */
  candidates: string[];
  votes: number;
  /** Seats left for them. */
  seats: number;
  steps: TieStepRecord[];
}

/** Seats not yet decided: a revote among `candidates` for `seats`, or the meeting's decision. */
export interface Pending {
  candidates: string[];
  seats: number;
}

export interface Totals {
  issued: number;
  returned: number;
  valid: number;
  invalid: number;
  /** Invalid ballots by reason; null for a hand count that does not give them. */
  invalidReasons: Record<InvalidReason, number> | null;
  /** Of the ballots returned, the written opinions of absent members (0 for a hand count). */
  written: number;
  members: number;
  present: number;
  /** Present over members, in percent, 2 decimals. */
  presentPercent: number;
  quorumMet: boolean;
  denominator: { kind: Denominator; value: number };
}

export interface TallyResult {
  vote: Pick<Vote, "purpose" | "round" | "title" | "toElect">;
  candidates: CandidateResult[];
  totals: Totals;
  tie: Tie | null;
  conclusion: {
    /** No errors: the committee may sign this count. */
    concluded: boolean;
    /** Concluded and nothing pending: the result is final. */
    final: boolean;
    /** In order: most votes first, then as the tie was settled, then ballot order. */
    elected: string[];
    revote: Pending | null;
    meetingDecides: Pending | null;
    /** Seats left unfilled because too few reached the rule, when the vote calls a run-off: the round-2 candidates (see `runoffRound`). */
    runoff: Pending | null;
  };
  /** The vote's, the count's and the tie's issues. */
  issues: VoteIssue[];
}

/** The ticket of a candidate in a drawn lot: SHA-256 of the seed (NFC), a line feed, and the name's key. */
export function lotTicket(seed: string, name: string): string {
  return sha256Hex(`${seed.normalize("NFC")}\n${nameKey(name)}`);
}

/** Order of a drawn lot: by ticket, lowest first (then by name key, never by input order). */
export function drawLot(seed: string, names: readonly string[]): { name: string; ticket: string }[] {
  return names
    .map((name) => ({ name, ticket: lotTicket(seed, name), key: nameKey(name) }))
    .sort((a, b) => (a.ticket < b.ticket ? -1 : a.ticket > b.ticket ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ name, ticket }) => ({ name, ticket }));
}

interface Settlement {
  elected: number[];
  out: number[];
  revote: number[] | null;
  meeting: number[] | null;
  pendingSeats: number;
  settledBy: Map<number, "higherScore" | "lot">;
  /** Position in the settled order, for listing the elected. */
  order: Map<number, number>;
  records: TieStepRecord[];
  issues: VoteIssue[];
}

/** Settles `group` (candidate positions, equal votes) for `seats` by the steps in order. */
function settle(vote: Vote, group: number[], seats: number, steps: readonly TieStep[], scores: Map<string, number> | null, s: Settlement): void {
  const names = (xs: number[]) => [...xs].sort((a, b) => a - b).map((i) => vote.candidates[i]);
  if (group.length <= seats) {
    s.elected.push(...group);
    return;
  }
  if (seats <= 0) {
    s.out.push(...group);
    return;
  }
  const [step, ...rest] = steps;
  if (step === undefined || step === "meetingDecides") {
    s.meeting = [...group];
    s.pendingSeats = seats;
    s.records.push({ step: "meetingDecides", candidates: names(group), seats, byDefault: step === undefined });
    return;
  }
  if (step === "revote") {
    s.revote = [...group];
    s.pendingSeats = seats;
    s.records.push({ step: "revote", candidates: names(group), seats });
    return;
  }
  if (step === "higherScore") {
    const scoreOf = (i: number) => {
      const v = scores?.get(nameKey(vote.candidates[i]));
      return v !== undefined && Number.isFinite(v) ? v : undefined;
    };
    const missing = group.filter((i) => scoreOf(i) === undefined);
    if (missing.length) {
      s.records.push({ step: "higherScore", applied: false, missing: names(missing) });
      s.issues.push(
        voteIssue("vote.tie.noScore", { names: names(missing).map((n) => `"${n}"`).join(", ") }, { candidate: names(missing)[0] }),
      );
      settle(vote, group, seats, rest, scores, s);
      return;
    }
    const sc = (i: number) => roundExcel(scoreOf(i) as number, 6);
    const levels = [...new Set(group.map(sc))].sort((a, b) => b - a);
    const record: TieStepRecord = { step: "higherScore", applied: true, scores: {}, elected: [], out: [], stillTied: [] };
    for (const i of [...group].sort((a, b) => a - b)) record.scores[vote.candidates[i]] = sc(i);
    s.records.push(record);
    let left = seats;
    for (const level of levels) {
      const at = group.filter((i) => sc(i) === level);
      if (left <= 0) {
        at.forEach((i) => s.settledBy.set(i, "higherScore"));
        record.out.push(...names(at));
        s.out.push(...at);
      } else if (at.length <= left) {
        at.forEach((i) => {
          s.settledBy.set(i, "higherScore");
          s.order.set(i, s.order.size);
        });
        record.elected.push(...names(at));
        s.elected.push(...at);
        left -= at.length;
      } else {
        record.stillTied.push(...names(at));
        settle(vote, at, left, rest, scores, s);
        left = 0;
      }
    }
    return;
  }
  const order = drawLot(step.lot.seed, names(group));
  const drawn = order.map((o) => vote.candidates.indexOf(o.name));
  s.records.push({ step: "lot", seed: step.lot.seed, order, elected: order.slice(0, seats).map((o) => o.name) });
  drawn.forEach((i, k) => {
    s.settledBy.set(i, "lot");
    if (k < seats) {
      s.order.set(i, s.order.size);
      s.elected.push(i);
    } else s.out.push(i);
  });
}

/**
 * What the passing rule's percentage is taken over (DOMAIN §3), from the count's totals. `blank`:
 * the ballots invalid for nothing marked (phiếu trắng, DOMAIN §4), which "ballots returned
 * excluding blank" leaves out (issue #13); a vote that counts blank ballots as valid has none.
 */
export function denominatorOf(d: Denominator, t: { members: number; present: number; issued: number; returned: number; valid: number; blank: number }): number {
  switch (d) {
    case "returnedNonBlank":
      return t.returned - t.blank;
    default:
      return t[d];
  }
}

/**
 * Tallies a vote from ballots entered one by one or from totals counted by hand.
 * The passers (percent vs the rule) are taken by votes, most first, up to `toElect`; candidates
 * with equal votes across the cutoff are tied and settled by `vote.tieRule` in order (with no
 * step left, the meeting decides). Nobody is elected beyond `toElect`: undecided seats are
 * pending (a revote among the tied, see `revoteRound`, or the meeting's decision).
 */
export function tally(vote: Vote, input: TallyInput, context: TallyContext): TallyResult {
  const find = candidateLookup(vote);
  const n = vote.candidates.length;
  const issues: VoteIssue[] = [...checkVote(vote)];
  const votes = new Array<number>(n).fill(0);
  let against: number[] | null = null;
  let issued: number;
  let returned: number;
  let valid: number;
  let invalid: number;
  let invalidReasons: Record<InvalidReason, number> | null;
  let written = 0;

  if ("ballots" in input) {
    issues.push(...checkBallots(vote, input.ballots, { issued: context.issued }));
    issued = context.issued;
    returned = input.ballots.length;
    valid = 0;
    invalid = 0;
    invalidReasons = Object.fromEntries(INVALID_REASONS.map((r) => [r, 0])) as Record<InvalidReason, number>;
    const approveList = input.ballots.some((b) => "marks" in b);
    const no = new Array<number>(n).fill(0);
    for (const b of input.ballots) {
      if (b.written) written++;
      const st = statusOf(vote, find, b);
      if (!st.valid) {
        invalid++;
        invalidReasons[st.reason as InvalidReason]++;
        continue;
      }
      valid++;
      for (const i of st.chosen) votes[i]++;
      for (const i of st.rejected) no[i]++;
    }
    if (vote.ballot.kind === "approve" && (approveList || input.ballots.length === 0)) against = no;
  } else {
    const c = input.handCount;
    issues.push(...checkHandCount(vote, c));
    if (c.issued !== context.issued) {
      issues.push(
        voteIssue("vote.issued.mismatch", { counted: c.issued, recorded: context.issued }, { total: "issued" }),
      );
    }
    issued = c.issued;
    returned = c.returned;
    valid = c.valid;
    invalid = c.invalid;
    invalidReasons = c.invalidReasons ? (Object.fromEntries(INVALID_REASONS.map((r) => [r, c.invalidReasons?.[r] ?? 0])) as Record<InvalidReason, number>) : null;
    for (const [name, v] of Object.entries(c.votes)) {
      const i = find(name);
      if (i !== undefined && Number.isFinite(v)) votes[i] += v;
    }
  }

  const { members, present } = vote.attendance;
  const quorum = quorumStatus(vote);
  const denominatorValue = denominatorOf(vote.rule.denominator, { members, present, issued, returned, valid, blank: invalidReasons?.noneMarked ?? 0 });
  const percent = votes.map((v) => percentOf(v, denominatorValue));
  const passes = percent.map((p) => denominatorValue > 0 && meets(p, vote.rule.comparison, vote.rule.percent));

  const scores = context.scores ? new Map(Object.entries(context.scores).map(([k, v]) => [nameKey(k), v])) : null;
  const s: Settlement = { elected: [], out: [], revote: null, meeting: null, pendingSeats: 0, settledBy: new Map(), order: new Map(), records: [], issues: [] };
  const passers = [...Array(n).keys()].filter((i) => passes[i]);
  let tie: Tie | null = null;
  let tiedSet = new Set<number>();
  if (passers.length <= vote.toElect) {
    s.elected.push(...passers);
  } else {
    const byVotes = [...passers].sort((a, b) => votes[b] - votes[a]);
    const cutoff = votes[byVotes[vote.toElect - 1]];
    const above = passers.filter((i) => votes[i] > cutoff);
    const group = passers.filter((i) => votes[i] === cutoff);
    const seats = vote.toElect - above.length;
    s.elected.push(...above);
    if (group.length > seats) {
      tiedSet = new Set(group);
      settle(vote, group, seats, vote.tieRule, scores, s);
      tie = { candidates: group.map((i) => vote.candidates[i]), votes: cutoff, seats, steps: s.records };
    } else s.elected.push(...group);
    s.out.push(...passers.filter((i) => votes[i] < cutoff));
  }
  issues.push(...s.issues);

  const elected = new Set(s.elected);
  const revote = new Set(s.revote ?? []);
  const meeting = new Set(s.meeting ?? []);
  // Too few passed to fill the seats, nothing else pending: the bloc's run-off rule takes the top
  // candidates not elected — those with at least the votes of the (seats + 1)-th, so every candidate
  // tied at the last place goes on (two tied at the top make the run-off on their own).
  const left = vote.toElect - elected.size;
  let runoffSet = new Set<number>();
  if (vote.runoff && left > 0 && !s.revote && !s.meeting) {
    const rest = [...Array(n).keys()].filter((i) => !elected.has(i)).sort((a, b) => votes[b] - votes[a]);
    if (rest.length > left) {
      const cutoff = votes[rest[left]];
      const top = votes[rest[0]];
      // All tied at the top already outnumber the seats: they alone go on.
      const keep = rest.filter((i) => votes[i] === top).length > left ? top : cutoff;
      runoffSet = new Set(rest.filter((i) => votes[i] >= keep));
    }
  }
  const candidates: CandidateResult[] = vote.candidates.map((name, i) => {
    const outcome: Outcome = runoffSet.has(i) ? "runoff" : !passes[i] ? "notPassed" : elected.has(i) ? "elected" : revote.has(i) ? "revote" : meeting.has(i) ? "meetingDecides" : "notElected";
    const settledBy = !passes[i] || outcome === "revote" || outcome === "meetingDecides" ? null : (s.settledBy.get(i) ?? "votes");
    const score = scores?.get(nameKey(name));
    return {
      name,
      position: i + 1,
      votes: votes[i],
      against: against ? against[i] : null,
      percent: percent[i],
      passes: passes[i],
      rank: 1 + votes.filter((v) => v > votes[i]).length,
      score: score === undefined ? null : score,
      tied: tiedSet.has(i),
      settledBy,
      outcome,
    };
  });

  const electedOrder = [...elected].sort((a, b) => votes[b] - votes[a] || (s.order.get(a) ?? -1) - (s.order.get(b) ?? -1) || a - b);
  const pending = (set: number[] | null): Pending | null => (set ? { candidates: [...set].sort((a, b) => a - b).map((i) => vote.candidates[i]), seats: s.pendingSeats } : null);
  const concluded = !hasErrors(issues);
  return {
    vote: { purpose: vote.purpose, round: vote.round, title: vote.title, toElect: vote.toElect },
    candidates,
    totals: {
      issued,
      returned,
      valid,
      invalid,
      invalidReasons,
      written,
      members,
      present,
      presentPercent: quorum.percent,
      quorumMet: quorum.met,
      denominator: { kind: vote.rule.denominator, value: denominatorValue },
    },
    tie,
    conclusion: {
      concluded,
      final: concluded && !s.revote && !s.meeting && runoffSet.size === 0,
      elected: electedOrder.map((i) => vote.candidates[i]),
      revote: pending(s.revote),
      meetingDecides: pending(s.meeting),
      runoff: runoffSet.size ? { candidates: [...runoffSet].sort((a, b) => a - b).map((i) => vote.candidates[i]), seats: left } : null,
    },
    issues,
  };
}

/**
 * The next round: a revote among the tied for the seats left, round 1 untouched. The candidates
 * keep their ballot order; a ballot allows no more choices than there are seats; the new round
 * refers to its parent's round and candidates.
 */
export function revoteRound(vote: Vote, tied: Pending): Vote {
  return nextRound(vote, tied, "revote");
}

/**
 * The run-off round: a new round among the top candidates (`TallyResult.conclusion.runoff`) for
 * the seats left, round 1 untouched; like a revote, but recorded as a run-off (`parent.kind`).
 */
export function runoffRound(vote: Vote, top: Pending): Vote {
  return nextRound(vote, top, "runoff");
}

function nextRound(vote: Vote, tied: Pending, kind: "revote" | "runoff"): Vote {
  const keys = new Set(tied.candidates.map(nameKey));
  const candidates = vote.candidates.filter((c) => keys.has(nameKey(c))).map(cleanText);
  const seats = Math.max(1, Math.min(tied.seats, candidates.length));
  const ballot: Vote["ballot"] =
    vote.ballot.kind === "approve"
      ? { kind: "approve", quota: Math.min(vote.ballot.quota, seats) }
      : vote.ballot.kind === "chooseUpTo"
        ? { kind: "chooseUpTo", n: Math.min(vote.ballot.n, seats) }
        : { kind: "chooseOne" };
  return {
    ...vote,
    round: vote.round + 1,
    parent: kind === "runoff" ? { round: vote.round, candidates: [...vote.candidates], kind } : { round: vote.round, candidates: [...vote.candidates] },
    candidates,
    ballot,
    toElect: seats,
    rule: { ...vote.rule, quorum: vote.rule.quorum ? { ...vote.rule.quorum } : null },
    invalid: { ...vote.invalid },
    tieRule: vote.tieRule.map((t) => (typeof t === "string" ? t : { lot: { ...t.lot } })),
    committee: { head: vote.committee.head, members: [...vote.committee.members] },
    attendance: { ...vote.attendance },
    purpose: { ...vote.purpose },
  };
}
