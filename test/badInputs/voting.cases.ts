/**
 * Bad inputs at the vote-creation door (issue #11): the definition a user gives in the pane's
 * "new vote" form or a scenario file, through `createVote` on a workbook holding the bloc.
 * Sources: DOMAIN §1 (candidates are member units: the leader and deputies are elected among the
 * members, guidance 1122/BTĐKT-VI, 2746/HD-BTĐKT), §3–4 (quota, seats, attendance, ballots issued),
 * §6 (names compared after NFC, case- and space-insensitively).
 */
import { saveBloc } from "../../src/app/bloc";
import { countVote, createVote, electLeadership, enterBallots, loadVoting, newVoteRecord, recordDecision, withRule, type VotePurposeKind } from "../../src/app/voting";
import type { Vote } from "../../src/domain/voting/model";
import type { VoteRecordDraft } from "../../src/domain/voting/record";
import { MemoryHost } from "../../src/host";
import { sampleDraft } from "../fixtures/bloc";
import { tried, type BadCase, type Seen } from "./harness";

export const MEMBERS = sampleDraft(8).members.map((m) => m.name);
const [A, B, C] = MEMBERS;
const STRANGER = "Sở Ngoại vụ";

export async function blocHost(): Promise<MemoryHost> {
  const host = new MemoryHost();
  const saved = await saveBloc(host, sampleDraft(8), { basedOn: null });
  if (saved.kind !== "saved") throw new Error("bloc not saved");
  return host;
}

/** A vote draft as the pane seeds it, the bloc's rule chosen (a preset), then the user's edits. */
export async function draftOn(host: MemoryHost, kind: VotePurposeKind, edit: (v: Vote) => Partial<Vote> = () => ({}), record: Partial<VoteRecordDraft> = {}): Promise<VoteRecordDraft> {
  const loaded = await loadVoting(host);
  if (!loaded.ok) throw new Error("load");
  const seats = kind === "award" ? 2 : 1;
  const d = withRule(newVoteRecord(loaded.context, kind, "Cờ thi đua của UBND tỉnh", seats), "validMajority");
  d.vote = { ...d.vote, committee: { head: "Nguyễn Văn An", members: [] } };
  d.vote = { ...d.vote, ...edit(d.vote as Vote) };
  return { ...d, ...record };
}

/** Creates the vote the user gave, on a bloc's workbook; the snapshot before is kept. */
function create(kind: VotePurposeKind, edit: (v: Vote) => Partial<Vote>, record: Partial<VoteRecordDraft> = {}): () => Promise<Seen> {
  return async () => {
    const host = await blocHost();
    const draft = await draftOn(host, kind, edit, record);
    return tried(host, async () => (await createVote(host, draft)).issues);
  };
}

const door = "vote";
export const cases: BadCase[] = [
  // ---- 1. Candidates must be member units (DOMAIN §1).
  {
    id: "voting.award.candidateNotMember",
    door,
    tried: "a unit outside the bloc among an award vote's candidates",
    outcome: "refused",
    code: "vote.candidate.notMember",
    where: { field: "candidates.3" },
    run: create("award", () => ({ candidates: [A, B, C, STRANGER] })),
  },
  {
    id: "voting.leader.candidateNotMember",
    door,
    tried: "electing next year's leader among names including one that is not a member",
    outcome: "refused",
    code: "vote.candidate.notMember",
    where: { field: "candidates.0" },
    run: create("leader", () => ({ candidates: [STRANGER, A, B] })),
  },
  {
    id: "voting.deputy.candidateNotMember",
    door,
    tried: "a deputy vote whose only candidate is not a member",
    outcome: "refused",
    code: "vote.candidate.notMember",
    where: { field: "candidates.0" },
    run: create("deputy", () => ({ candidates: ["Ủy ban nhân dân tỉnh"] })),
  },
  {
    id: "voting.leader.shortNameCandidate",
    door,
    tried: "a candidate typed as a member's short name (SCT) instead of its name",
    outcome: "refused",
    code: "vote.candidate.notMember",
    where: { field: "candidates.1" },
    run: create("leader", () => ({ candidates: [B, "SCT"] })),
  },
  {
    id: "voting.leader.candidateNfd",
    door,
    tried: "a member's name typed in NFD (another machine's Unicode form)",
    outcome: "accepted",
    why: "DOMAIN §6: a name differing only in Unicode form is the same unit; it is stored NFC",
    run: create("leader", () => ({ candidates: [A.normalize("NFD"), B] })),
  },
  {
    id: "voting.leader.candidateSpaces",
    door,
    tried: "a member's name with doubled and trailing spaces, another case",
    outcome: "accepted",
    why: "DOMAIN §6: names compare case- and space-insensitively; it is stored cleaned",
    run: create("leader", () => ({ candidates: [`  ${B.replace(" ", "   ")} `, C] })),
  },
  {
    id: "voting.leader.allMembers",
    door,
    tried: "the default leader vote: every member a candidate",
    outcome: "accepted",
    why: "guidance 1122/BTĐKT-VI: the leader is elected among the members",
    run: create("leader", () => ({})),
  },
  // ---- 5. No candidates: refused before any write (it leaked excel.InvalidArgument "A5:D0").
  {
    id: "voting.noCandidates",
    door,
    tried: "a vote with no candidates",
    outcome: "refused",
    code: "vote.candidates.none",
    where: { field: "candidates" },
    run: create("award", () => ({ candidates: [] })),
  },
  {
    id: "voting.emptyCandidateName",
    door,
    tried: "a candidate line left empty",
    outcome: "refused",
    code: "vote.value.invalid",
    where: { field: "candidates.1" },
    run: create("leader", () => ({ candidates: [A, "  ", B] })),
  },
  // ---- 6. Duplicated candidates, also by Unicode form, case or spaces (DOMAIN §6).
  {
    id: "voting.duplicateCandidate",
    door,
    tried: "the same member twice on the list",
    outcome: "refused",
    code: "vote.candidate.duplicate",
    where: { field: "candidates.2" },
    run: create("award", () => ({ candidates: [A, B, A] })),
  },
  {
    id: "voting.duplicateCandidateNfd",
    door,
    tried: "a member twice, once NFC and once NFD",
    outcome: "refused",
    code: "vote.candidate.duplicate",
    where: { field: "candidates.1" },
    run: create("award", () => ({ candidates: [C, C.normalize("NFD"), A] })),
  },
  {
    id: "voting.duplicateCandidateCaseSpaces",
    door,
    tried: "a member twice, once in capitals with extra spaces",
    outcome: "refused",
    code: "vote.candidate.duplicate",
    where: { field: "candidates.1" },
    run: create("award", () => ({ candidates: [A, `  ${A.toUpperCase()}  `, B] })),
  },
  // ---- 4. Quota and seats against the candidates (DOMAIN §4).
  {
    id: "voting.quotaOverCandidates",
    door,
    tried: "a ballot allowing 5 approvals on a list of 3",
    outcome: "warned",
    code: "vote.ballot.quotaOverCandidates",
    where: { field: "ballot" },
    run: create("award", () => ({ candidates: [A, B, C], ballot: { kind: "approve", quota: 5 } })),
  },
  {
    id: "voting.chooseUpToOverCandidates",
    door,
    tried: "choose up to 4 among 2 deputies' candidates",
    outcome: "warned",
    code: "vote.ballot.quotaOverCandidates",
    where: { field: "ballot" },
    run: create("deputy", () => ({ candidates: [A, B], ballot: { kind: "chooseUpTo", n: 4 }, toElect: 1 })),
  },
  {
    id: "voting.toElectOverCandidates",
    door,
    tried: "2 flags to award with a single unit in the top band",
    outcome: "warned",
    code: "vote.toElect.overCandidates",
    where: { field: "toElect" },
    run: create("award", () => ({ candidates: [A], ballot: { kind: "approve", quota: 1 } })),
  },
  {
    id: "voting.quotaZero",
    door,
    tried: "a quota of 0 approvals",
    outcome: "refused",
    code: "vote.value.invalid",
    where: { field: "ballot.quota" },
    run: create("award", () => ({ ballot: { kind: "approve", quota: 0 } })),
  },
  {
    id: "voting.quotaEmpty",
    door,
    tried: "the quota box left empty (NaN)",
    outcome: "refused",
    code: "vote.value.invalid",
    where: { field: "ballot.quota" },
    run: create("award", () => ({ ballot: { kind: "approve", quota: NaN } })),
  },
  {
    id: "voting.quotaFraction",
    door,
    tried: "a quota of 1.5",
    outcome: "refused",
    code: "vote.value.invalid",
    where: { field: "ballot.quota" },
    run: create("award", () => ({ ballot: { kind: "approve", quota: 1.5 } })),
  },
  {
    id: "voting.toElectZero",
    door,
    tried: "0 seats to fill",
    outcome: "refused",
    code: "vote.value.invalid",
    where: { field: "toElect" },
    run: create("award", () => ({ toElect: 0 })),
  },
  {
    id: "voting.rulePercentOver100",
    door,
    tried: "a passing rule of 150%",
    outcome: "refused",
    code: "vote.value.invalid",
    where: { field: "rule.percent" },
    run: create("award", (v) => ({ rule: { ...v.rule, percent: 150 } })),
  },
  // ---- 6. Attendance and ballots issued (DOMAIN §4: returned ≤ issued; issued ≤ present).
  {
    id: "voting.presentOverMembers",
    door,
    tried: "9 present of 8 members",
    outcome: "refused",
    code: "vote.present.overMembers",
    where: { field: "attendance.present" },
    run: create("award", () => ({ attendance: { members: 8, present: 9 } })),
  },
  {
    id: "voting.presentNegative",
    door,
    tried: "−1 present",
    outcome: "refused",
    code: "vote.value.invalid",
    where: { field: "attendance.present" },
    run: create("award", () => ({ attendance: { members: 8, present: -1 } })),
  },
  {
    id: "voting.presentFraction",
    door,
    tried: "7.5 present",
    outcome: "refused",
    code: "vote.value.invalid",
    where: { field: "attendance.present" },
    run: create("award", () => ({ attendance: { members: 8, present: 7.5 } })),
  },
  {
    id: "voting.membersZero",
    door,
    tried: "0 members summoned",
    outcome: "refused",
    code: "vote.value.invalid",
    where: { field: "attendance.members" },
    run: create("award", () => ({ attendance: { members: 0, present: 0 } })),
  },
  {
    id: "voting.issuedOverPresent",
    door,
    tried: "10 ballots issued to 8 present",
    outcome: "refused",
    code: "vote.issued.overPresent",
    where: { field: "issued" },
    run: create("award", () => ({}), { issued: 10 }),
  },
  {
    id: "voting.issuedNegative",
    door,
    tried: "−2 ballots issued",
    outcome: "refused",
    code: "vote.value.invalid",
    where: { field: "issued" },
    run: create("award", () => ({}), { issued: -2 }),
  },
  {
    id: "voting.issuedFraction",
    door,
    tried: "6.5 ballots issued",
    outcome: "refused",
    code: "vote.value.invalid",
    where: { field: "issued" },
    run: create("award", () => ({}), { issued: 6.5 }),
  },
  {
    id: "voting.issuedUnderPresent",
    door,
    tried: "6 ballots issued with 8 present",
    outcome: "accepted",
    why: "DOMAIN §4: a member present may take no ballot; the count warns when fewer come back than were issued, not here",
    run: create("award", () => ({}), { issued: 6 }),
  },
  {
    id: "voting.presentUnderMembers",
    door,
    tried: "6 of 8 members present, with no quorum rule",
    outcome: "accepted",
    why: "DOMAIN §3: the quorum is the rule's; without one, a vote of those present stands",
    run: create("award", () => ({ attendance: { members: 8, present: 6 } }), { issued: 6 }),
  },
  {
    id: "voting.ruleNotChosen",
    door,
    tried: "a vote whose passing rule is not chosen",
    outcome: "refused",
    code: "vote.rule.notChosen",
    where: { field: "rule" },
    run: create("award", () => ({ rule: null as unknown as Vote["rule"] })),
  },
];

/**
 * A flag vote of 3 candidates for 1 seat, 8 ballots: A and B 4 approvals each, a tie left to the
 * meeting (≥ 25% of valid ballots; tie rule "meetingDecides", DOMAIN §4: no rule found for blocs, the meeting decides) — or,
 * with `tie` false, A elected outright.
 */
async function tiedVote(tie = true): Promise<MemoryHost> {
  const host = await blocHost();
  const draft = await draftOn(host, "award", (v) => ({ candidates: [A, B, C], ballot: { kind: "approve", quota: 1 }, toElect: 1, tieRule: ["meetingDecides"], rule: { ...v.rule, percent: 25, comparison: ">=" } }), { doubleEntry: false, issued: 8 });
  if ((await createVote(host, draft)).kind !== "written") throw new Error("create");
  const ballots = Array.from({ length: 8 }, (_, i) => ({ number: i + 1, chosen: [tie ? (i % 2 ? A : B) : i < 6 ? A : B], manualInvalid: null }));
  if ((await enterBallots(host, "V1", 1, ballots)).kind !== "entered") throw new Error("enter");
  return host;
}

cases.push(
  {
    id: "voting.decision.notCandidate",
    door: "meeting decision (vote)",
    tried: "the meeting's choice on a tie naming a unit not on the ballot",
    outcome: "refused",
    code: "vote.meeting.notCandidate",
    where: { sheet: "Bỏ phiếu", field: "meeting.elected" },
    run: async () => {
      const host = await tiedVote();
      return tried(host, async () => (await recordDecision(host, "V1", { meeting: { elected: [STRANGER], note: "Biểu quyết" } })).issues);
    },
  },
  {
    id: "voting.decision.notTied",
    door: "meeting decision (vote)",
    tried: "the meeting choosing a candidate who is not among the tied",
    outcome: "refused",
    code: "vote.meeting.notTied",
    where: { sheet: "Bỏ phiếu" },
    run: async () => {
      const host = await tiedVote();
      await recordDecision(host, "V1", { meeting: { elected: [C], note: "Biểu quyết" } });
      return tried(host, async () => {
        const c = await countVote(host, "V1");
        return c.kind === "counted" ? c.count.issues : c.issues;
      });
    },
  },
  {
    id: "voting.decision.tooMany",
    door: "meeting decision (vote)",
    tried: "the meeting choosing both tied units for one seat",
    outcome: "refused",
    code: "vote.meeting.seats",
    where: { sheet: "Bỏ phiếu" },
    run: async () => {
      const host = await tiedVote();
      await recordDecision(host, "V1", { meeting: { elected: [A, B], note: "Biểu quyết" } });
      return tried(host, async () => {
        const c = await countVote(host, "V1");
        return c.kind === "counted" ? c.count.issues : c.issues;
      });
    },
  },
  {
    id: "voting.decision.noTie",
    door: "meeting decision (vote)",
    tried: "a meeting's choice recorded on a vote with no tie (it was ignored without a word)",
    outcome: "warned",
    code: "vote.meeting.noTie",
    run: async () => {
      const host = await tiedVote(false);
      await recordDecision(host, "V1", { meeting: { elected: [B], note: "Biểu quyết" } });
      return tried(host, async () => {
        const c = await countVote(host, "V1");
        return c.kind === "counted" ? c.count.issues : c.issues;
      });
    },
  },
  {
    id: "voting.decision.good",
    door: "meeting decision (vote)",
    tried: "the meeting choosing one of the two tied for one seat",
    outcome: "accepted",
    why: "DOMAIN §4: a tie at the cutoff left to the meeting is settled by its recorded choice",
    run: async () => {
      const host = await tiedVote();
      await recordDecision(host, "V1", { meeting: { elected: [B.normalize("NFD")], note: "Biểu quyết" } });
      return tried(host, async () => {
        const c = await countVote(host, "V1");
        return c.kind === "counted" ? c.count.issues : c.issues;
      });
    },
  },
  {
    id: "voting.leadership.designateNotMember",
    door: "leadership",
    tried: "designating a leader who is not a member",
    outcome: "refused",
    code: "leader.notMember",
    where: { field: "leader" },
    run: async () => {
      const host = await blocHost();
      return tried(host, async () => (await electLeadership(host, { mode: "designation", leader: STRANGER, deputies: [B] })).issues);
    },
  },
  {
    id: "voting.leadership.deputyIsLeader",
    door: "leadership",
    tried: "designating the leader as its own deputy",
    outcome: "refused",
    code: "leader.deputy.isLeader",
    run: async () => {
      const host = await blocHost();
      return tried(host, async () => (await electLeadership(host, { mode: "designation", leader: A, deputies: [A.toUpperCase()] })).issues);
    },
  },
  {
    id: "voting.leadership.designateGood",
    door: "leadership",
    tried: "designating a member leader and another deputy",
    outcome: "accepted",
    why: "DOMAIN §1: some provinces designate the leader and deputies among the members",
    run: async () => {
      const host = await blocHost();
      return tried(host, async () => (await electLeadership(host, { mode: "designation", leader: B, deputies: [C] })).issues);
    },
  },
);
