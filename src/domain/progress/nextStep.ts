import { fill } from "../codes/fill";
import type { Message } from "../issues";

/**
 * The next thing to do in the bloc's year (issue #14 item 7), from what the workbook holds. The
 * year as DOMAIN §1 gives it: (1) the launch meeting signs the pact (giao ước), agrees the
 * criteria table and takes the units' registrations; (2) units self-score, (3) the leader reviews;
 * (4) the year-end meeting ranks the units, votes by secret ballot for awards and elects next
 * year's leader; (5) the leader sends the nomination file. Pure: the app reads the state.
 */

/** What the workbook holds of the year, as the pane's loader reads it. */
export interface YearState {
  /** A valid bloc record ("Khối"). */
  bloc: boolean;
  /** The bloc's year, when known. */
  year: number | null;
  /** "Giao ước thi đua" and "Đăng ký thi đua" exist. */
  pact: boolean;
  registrations: boolean;
  /** The score sheets are inserted ("Tổng hợp" exists). */
  scoring: boolean;
  /** Units on "Tổng hợp", and those with a score (a total above 0 and a rank). */
  units: number;
  scored: number;
  /** Every vote (each round its own), with whether its count minutes ("Biên bản V…") exist. */
  votes: { id: string; purpose: "award" | "leader" | "deputy"; minutes: boolean }[];
  /** "Trưởng khối các năm" holds the leader of the year after `year`. */
  leaderRecorded: boolean;
  /** "Danh sách đề nghị" exists (the nomination sheets were generated). */
  list: boolean;
}

/** The pane's steps a next step points to. */
export type PaneStep = "bloc" | "start" | "scoring" | "voting" | "nomination";

export type NextStepCode =
  | "next.bloc"
  | "next.pact"
  | "next.registrations"
  | "next.scoring"
  | "next.scores"
  | "next.awardVote"
  | "next.countVote"
  | "next.leader"
  | "next.list"
  | "next.files"
  | "next.newYear";

export interface NextStep {
  code: NextStepCode;
  /** The pane step where it is done. */
  step: PaneStep;
  /** One short line, Vietnamese first. */
  text: Message;
}

type Params = Record<string, string | number>;

/** Each next step's step and words ({name} fills from its parameters). */
export const NEXT_STEPS: Record<NextStepCode, { step: PaneStep; vi: string; en: string }> = {
  "next.bloc": { step: "bloc", vi: "lưu hồ sơ khối (tên, năm, các đơn vị thành viên) ở thẻ “Khối”.", en: "save the bloc record (name, year, member units) in the “Bloc” tab." },
  "next.pact": { step: "start", vi: "lập giao ước thi đua ở thẻ “Đầu năm”.", en: "write the emulation pact in the “Start” tab." },
  "next.registrations": { step: "start", vi: "nhập đăng ký thi đua của các đơn vị ở thẻ “Đầu năm”.", en: "enter the units' registrations in the “Start” tab." },
  "next.scoring": { step: "scoring", vi: "dán bảng tiêu chí và chèn bảng chấm điểm ở thẻ “Chấm điểm”.", en: "paste the criteria table and insert the score sheets in the “Scoring” tab." },
  "next.scores": {
    step: "scoring",
    vi: "nhập điểm (tự chấm, thẩm định) trên trang của từng đơn vị: còn {left}/{units} đơn vị chưa có điểm.",
    en: "enter the scores (self-score, review) on each unit's sheet: {left} of {units} units have none yet.",
  },
  "next.awardVote": { step: "voting", vi: "tạo cuộc bỏ phiếu suy tôn ở thẻ “Bỏ phiếu”.", en: "create the award vote in the “Voting” tab." },
  "next.countVote": { step: "voting", vi: "nhập phiếu, kiểm phiếu và lập biên bản cuộc bỏ phiếu {id}.", en: "enter the ballots, count them and write the minutes of vote {id}." },
  "next.leader": { step: "voting", vi: "chọn trưởng khối năm {year} (mục “Trưởng khối năm sau”).", en: "choose the bloc leader for {year} (“Next year's leader”)." },
  "next.list": { step: "nomination", vi: "lập danh sách đề nghị khen thưởng ở thẻ “Đề nghị”.", en: "generate the nomination list in the “Nomination” tab." },
  "next.files": {
    step: "nomination",
    vi: "tải hồ sơ đề nghị (tờ trình, biên bản, danh sách) gửi Ban Thi đua - Khen thưởng, rồi tạo bảng tính năm sau (mục “Năm sau”).",
    en: "download the nomination file (submission, minutes, list) for the provincial emulation board, then create next year's workbook (“Next year”).",
  },
  // The year is done and next year's workbook made: what is left here, and where the year goes on.
  "next.newYear": {
    step: "nomination",
    vi: "gửi hồ sơ đề nghị năm nay (nếu chưa gửi); năm {year} làm tiếp trong bảng tính vừa tạo, bắt đầu từ giao ước thi đua.",
    en: "send this year's nomination file (if not sent yet); {year} carries on in the workbook just made, starting with the emulation pact.",
  },
};

/** The line's prefix in each language. */
export const NEXT_PREFIX = { vi: "Bước tiếp theo: ", en: "Next: " } as const;


function step(code: NextStepCode, params: Params = {}): NextStep {
  const s = NEXT_STEPS[code];
  return { code, step: s.step, text: { vi: NEXT_PREFIX.vi + fill(s.vi, params, "vi"), en: NEXT_PREFIX.en + fill(s.en, params, "en") } };
}

/** What the pane knows that the workbook does not record. */
export interface Known {
  /** Next year's workbook was just made (making it writes nothing to this workbook). */
  nextYearMade?: boolean;
}

/**
 * The next step: the first of the year's milestones not yet reached, counting a milestone reached
 * when it or any later one is (a bloc that skipped the pact and is already scoring is not sent back
 * to it); a vote still without its minutes comes before what follows the votes. Once every
 * milestone is reached and next year's workbook made, the year goes on there ("next.newYear").
 */
export function nextStep(state: YearState, known: Known = {}): NextStep {
  if (!state.bloc) return step("next.bloc");
  const open = state.votes.find((v) => !v.minutes);
  const awardVote = state.votes.some((v) => v.purpose === "award");
  const scoresIn = state.units > 0 && state.scored >= state.units;
  // In the year's order; each with whether it was done.
  const milestones: [NextStepCode, boolean, Params?][] = [
    ["next.pact", state.pact],
    ["next.registrations", state.registrations],
    ["next.scoring", state.scoring],
    ["next.scores", scoresIn, { left: Math.max(0, state.units - state.scored), units: state.units }],
    ["next.awardVote", awardVote],
    ["next.leader", state.leaderRecorded, { year: (state.year ?? 0) + 1 }],
    ["next.list", state.list],
    ["next.files", false],
  ];
  const afterVotes = milestones.findIndex(([c]) => c === "next.leader");
  for (let i = 0; i < milestones.length; i++) {
    const [code, , params] = milestones[i];
    if (milestones.slice(i).some(([, done]) => done)) continue;
    // The first milestone after the furthest one reached.
    // Once voting has begun, a vote left uncounted (or without its minutes) comes first.
    if (open && i >= afterVotes - 1 && !state.list) return step("next.countVote", { id: open.id });
    return code === "next.files" ? last(state, known) : step(code, params);
  }
  return last(state, known);
}

/** The year's last step: the nomination file, then next year's workbook. */
function last(state: YearState, known: Known): NextStep {
  return known.nextYearMade ? step("next.newYear", { year: (state.year ?? 0) + 1 }) : step("next.files");
}
