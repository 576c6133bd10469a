import type { Ballot, Mark, ManualReason, Vote } from "../../../src/domain/voting/model";

/** Eight member units, as in Bắc Ninh's culture-society bloc (DOMAIN §1). */
export const UNITS = ["Sở Văn hóa", "Sở Giáo dục", "Sở Y tế", "Sở Lao động", "Đài Phát thanh", "Báo tỉnh", "Hội Văn học", "Trường Cao đẳng"];

/** A vote for the provincial flag: approve list, quota 2, ≥ 80% of the 8 members, all present. */
export function flagVote(over: Partial<Vote> = {}): Vote {
  return {
    purpose: { kind: "award", award: "Cờ thi đua của UBND tỉnh" },
    round: 1,
    parent: null,
    title: "Suy tôn đơn vị đề nghị Cờ thi đua của UBND tỉnh",
    candidates: [...UNITS],
    ballot: { kind: "approve", quota: 2 },
    rule: { percent: 80, comparison: ">=", denominator: "members", quorum: null },
    invalid: { overQuota: "invalid", noneMarked: "valid" },
    toElect: 2,
    tieRule: ["higherScore", "revote"],
    committee: { head: "Nguyễn Văn An", members: ["Trần Thị Bình", "Lê Văn Cường"] },
    attendance: { members: 8, present: 8 },
    ...over,
  };
}

/** An approve ballot approving `yes`, rejecting `no`, the rest blank. */
export function approve(number: number, yes: string[], no: string[] = [], manualInvalid: ManualReason | null = null): Ballot {
  const marks: Record<string, Mark> = {};
  for (const n of no) marks[n] = "reject";
  for (const y of yes) marks[y] = "approve";
  return { number, marks, manualInvalid };
}

export function choose(number: number, chosen: string[], manualInvalid: ManualReason | null = null): Ballot {
  return { number, chosen, manualInvalid };
}

/** Ballots numbered from 1, one per list of approvals. */
export function approveAll(lists: string[][]): Ballot[] {
  return lists.map((yes, i) => approve(i + 1, yes));
}

export const codes = (issues: { code: string }[]) => issues.map((i) => i.code);
