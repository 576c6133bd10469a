/**
 * One fixture input per document kind (issue #13 point 4): the list, the meeting minutes, the
 * vote-count minutes, the submission, the pact, the registration list, the achievement report and
 * the year-end report. Shared by the plain-text tests and the sheet-plan tests of the documents module.
 */
import { templateById } from "../../../src/domain/criteria/templates";
import type { AwardKind, Proposal } from "../../../src/domain/nomination/model";
import { ballotsFingerprint } from "../../../src/domain/voting/fingerprint";
import type { Ballot } from "../../../src/domain/voting/model";
import { tally } from "../../../src/domain/voting/tally";
import type { ListInput } from "../../../src/workbook/nomination/listSheet";
import type { MeetingInput } from "../../../src/workbook/nomination/meetingSheet";
import type { SubmissionInput } from "../../../src/workbook/nomination/submission";
import type { PactDocInput, RegistrationDocInput } from "../../../src/workbook/start/startDocuments";
import type { MinutesInput } from "../../../src/workbook/voting/minutesSheet";
import { approve, flagVote, UNITS } from "../../domain/voting/helpers";
import { ACH, YE } from "../nomination/yearReportsFixtures";

export const [A, B, C, D] = UNITS;
export const BLOC = { name: "Khối thi đua các cơ quan Văn hóa - Xã hội", province: "Bắc Ninh", year: 2026, leader: A };
export const FLAG = "Cờ thi đua của UBND tỉnh";
export const LDXS = "Tập thể lao động xuất sắc";
const AT = { day: 5, month: 12, year: 2026 };

export function proposal(unit: string, awardId: string, award: string, kind: AwardKind, over: Partial<Proposal> = {}): Proposal {
  return { unit, awardId, award, kind, proposed: true, reasons: [], override: null, total: null, rank: null, band: "", votes: null, denominator: null, percent: null, voteId: null, ...over };
}

/** A 95,25 points, 7/8 votes (87,5%) for the flag; B 92,5 for the title. */
export const PROPOSALS: Proposal[] = [
  proposal(A, "co-tinh", FLAG, "title", { total: 95.25, rank: 1, votes: 7, denominator: 8, percent: 87.5, voteId: "V1" }),
  proposal(B, "tt-ldxs", LDXS, "title", { total: 92.5, rank: 2 }),
];

export const LIST: ListInput = { sheet: "Danh sách đề nghị", bloc: BLOC, place: "Bắc Ninh", at: AT, proposals: PROPOSALS, leaderName: "Nguyễn Văn An", submissionNumber: "12" };

export const MEETING: MeetingInput = {
  sheet: "Biên bản họp",
  bloc: BLOC,
  place: "Bắc Ninh",
  at: { ...AT, hour: 8, minute: 5 },
  venue: "Hội trường Sở Văn hóa",
  chair: "Nguyễn Văn An",
  secretary: "Trần Thị Bình",
  attendance: { members: 8, present: 7, absent: [D] },
  quorumText: null,
  standings: [
    { unit: A, total: 95.25, rank: 1, band: "Hoàn thành xuất sắc nhiệm vụ", leading: true },
    { unit: B, total: 92.5, rank: 2, band: "Hoàn thành tốt nhiệm vụ", leading: false },
  ],
  votes: [{ title: `Suy tôn đơn vị đề nghị ${FLAG}`, round: 1, voteId: "V1", elected: [A], candidates: [{ name: A, votes: 7, percent: 87.5, passes: true }, { name: B, votes: 3, percent: 37.5, passes: false }], ruleText: "" }],
  proposals: PROPOSALS,
  overrides: [],
  nextLeadership: { year: 2027, leader: B, deputies: [C], how: "Bầu" },
};

/** 7 ballots, quota 2, 80% of the 8 members: A 6 (75%) fails, as does everyone. */
const BALLOTS: Ballot[] = [approve(1, [A, B]), approve(2, [A, B]), approve(3, [A, C]), approve(4, [A, C]), approve(5, [A, D]), approve(6, [A, B]), approve(7, [B, C])];
const VOTE = flagVote({ attendance: { members: 8, present: 7 } });
export const MINUTES: MinutesInput = {
  sheet: "Biên bản kiểm phiếu",
  bloc: { name: BLOC.name, province: BLOC.province, year: BLOC.year },
  record: { id: "V1", vote: VOTE, issued: 7, entry: "ballots", doubleEntry: false, decision: null, meeting: null },
  result: tally(VOTE, { ballots: BALLOTS }, { issued: 7 }),
  fingerprint: ballotsFingerprint(BALLOTS),
  entryStatement: null,
  place: "Bắc Ninh",
  at: { ...AT, hour: 14, minute: 30 },
};

export const SUBMISSION: SubmissionInput = {
  bloc: BLOC,
  place: "Bắc Ninh",
  at: AT,
  number: "12",
  proposals: PROPOSALS,
  catalogueBasis: ["Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022"],
  leaderName: "Nguyễn Văn An",
};

export const PACT: PactDocInput = {
  bloc: BLOC,
  members: [A, B, C],
  pact: { theme: "Đoàn kết, sáng tạo", place: "Bắc Ninh", signedOn: { day: 15, month: 3, year: 2026 }, commitments: ["Đẩy mạnh cải cách hành chính"] },
  criteria: templateById("departments-100").table,
  at: AT,
};

export const REGISTRATION: RegistrationDocInput = {
  bloc: BLOC,
  registrations: [
    { unit: A, awards: [FLAG], targets: "Thu hút 5 dự án" },
    { unit: B, awards: [], targets: "" },
  ],
  at: { day: 15, month: 3, year: 2026 },
  place: "Bắc Ninh",
};

export { ACH as ACHIEVEMENT, YE as YEAR_END };
