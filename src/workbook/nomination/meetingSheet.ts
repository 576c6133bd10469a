import { clockText, DocBuilder, DOTS, NAME_DOTS, SIGN_HINT, type DocLayout, type DocPiece, type PieceStyle } from "../../domain/documents";
import { formatDateLong, formatNumber, formatPercent } from "../../domain/format";
import type { Override, Proposal, Standing } from "../../domain/nomination/model";
import { cleanText, nameKey } from "../../domain/text";
import { layoutSheetPlan } from "../documents";
import type { SheetPlan } from "../plan";
import { defaultAddressee } from "./meetingRecordSheet";
import { groupProposals, KIND_HEADINGS, MEETING_DECIDED, type AwardGroup } from "./listSheet";

/**
 * The review meeting's minutes (biên bản họp bình xét thi đua, khen thưởng; Luật TĐKT 2022 Đ84,
 * DOMAIN §5): time, place and who attended; the scores and ranks; each vote's result; the list the
 * meeting proposes, with every decision that overrode the engine and its reason; next year's
 * leader and deputies; the conclusion and the signatures. A4 portrait, NĐ 30 header as the
 * vote-count minutes. Values only: the minutes record the meeting at its moment.
 */

/** A unit's line of a results table (STT, unit, total, rank, class), as the minutes and the year-end report print it. */
export function standingPieces(i: number, s: Pick<Standing, "unit" | "total" | "rank" | "band">): DocPiece[] {
  const cell = (col: number, value: string | number, style: PieceStyle = {}): DocPiece => ({ col, span: 1, value, style });
  return [
    cell(0, i + 1, { align: "Center", numberFormat: "0" }),
    cell(1, cleanText(s.unit)),
    cell(2, s.total ?? "", { align: "Center", numberFormat: "0.00" }),
    cell(3, s.rank ?? "", { align: "Center", numberFormat: "0" }),
    cell(4, cleanText(s.band), { align: "Center" }),
  ];
}

export interface MeetingVote {
  title: string;
  round: number;
  voteId: string;
  elected: string[];
  candidates: { name: string; votes: number; percent: number; passes: boolean }[];
  ruleText: string;
}

export interface MeetingInput {
  sheet: string;
  bloc: { name: string; province: string; year: number; leader: string };
  /** The place written before the date, e.g. "Bắc Ninh". */
  place: string;
  at: { day: number; month: number; year: number; hour: number; minute: number };
  /** Where the meeting was held (hall, office); dots to fill by hand when empty. */
  venue?: string;
  /** Who chaired (the leader unit's representative, as typed); dots when empty. */
  chair: string;
  secretary: string;
  attendance: { members: number; present: number; absent: string[] };
  /** Where the file goes (the meeting record's "Kính gửi"); the provincial council when absent. */
  addressee?: string;
  /** How the quorum stands, in words; null = not stated. */
  quorumText: string | null;
  standings: Standing[];
  votes: MeetingVote[];
  /** The proposed list (entries not `proposed` are left out of it). */
  proposals: Proposal[];
  overrides: Override[];
  nextLeadership: { year: number; leader: string; deputies: string[]; how: string } | null;
}

export const MEETING_TITLE = "BIÊN BẢN HỌP BÌNH XÉT THI ĐUA, KHEN THƯỞNG";
export const MEETING_SECTIONS = {
  one: "I. THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN",
  two: "II. NỘI DUNG",
  scores: "1. Kết quả chấm điểm, xếp hạng",
  votes: "2. Kết quả bỏ phiếu",
  proposals: "3. Đề nghị khen thưởng",
  /** Followed by " năm <year>". */
  leadership: "4. Trưởng khối, phó trưởng khối",
  three: "III. KẾT LUẬN",
} as const;
export const STANDINGS_HEADERS = ["STT", "Đơn vị", "Tổng điểm", "Xếp hạng", "Xếp loại"] as const;
export const VOTE_HEADERS = ["STT", "Đơn vị", "Số phiếu", "Tỷ lệ (%)", "Kết quả"] as const;
export const VOTE_OUTCOME = { elected: "Được chọn", passes: "Đạt tỷ lệ", fails: "Không đạt tỷ lệ" } as const;
export const CLOSING = `Biên bản được thông qua tại hội nghị, kết thúc hồi ${DOTS} giờ ${DOTS} phút cùng ngày.`;

/** Portrait widths (points) summing to the printable 467. */
export const MEETING_WIDTHS = [30, 165, 70, 62, 140];

const names = (xs: readonly string[]) => xs.map(cleanText).filter(Boolean).join(", ");
const orDots = (s: string) => cleanText(s) || NAME_DOTS;

/** Standings by rank (unranked last), stable. */
function byRank(standings: readonly Standing[]): Standing[] {
  return standings
    .map((s, i) => ({ s, i }))
    .sort((a, b) => (a.s.rank ?? Infinity) - (b.s.rank ?? Infinity) || a.i - b.i)
    .map((x) => x.s);
}

/** "95,25 điểm, xếp hạng 1; 8/8 phiếu, 100,00%": the evidence of a proposal, what is known of it. */
function evidence(p: Proposal): string {
  const parts: string[] = [];
  if (p.total !== null) parts.push(`${formatNumber(p.total)} điểm`);
  if (p.rank !== null) parts.push(`xếp hạng ${p.rank}`);
  const head = parts.join(", ");
  const vote = p.votes === null ? "" : `${p.votes}${p.denominator === null ? "" : `/${p.denominator}`} phiếu${p.percent === null ? "" : `, ${formatPercent(p.percent)}%`}`;
  return [head, vote].filter(Boolean).join("; ");
}

const sameAward = (o: Override, g: Pick<AwardGroup, "awardId" | "award">) => nameKey(o.award) === nameKey(g.award) || (cleanText(g.awardId) !== "" && nameKey(o.award) === nameKey(g.awardId));
const overrideKey = (unit: string, award: string) => `${nameKey(unit)}|${nameKey(award)}`;
const decided = (reason: string) => `${MEETING_DECIDED}: ${cleanText(reason) || DOTS}`;

export function meetingLayout(input: MeetingInput): DocLayout {
  const { bloc, at, attendance: att } = input;
  const b = new DocBuilder(MEETING_WIDTHS, { col: 0, span: 2 }, { col: 2, span: 3 });
  const bold = { bold: true } as const;
  const heading = (t: string) => b.line(t, bold);
  const cell = (col: number, value: string | number, style: PieceStyle = {}): DocPiece => b.cell(col, value, style);
  const nextYear = input.nextLeadership?.year ?? bloc.year + 1;

  // ---- Header, title.
  const clock = clockText(at.hour, at.minute);
  b.header(null, bloc.name);
  b.dateLine(input.place, at);
  b.title(`${MEETING_TITLE} NĂM ${bloc.year}`);
  b.line(`Hôm nay, hồi ${clock}, ${formatDateLong(at)}, ${cleanText(bloc.name)} tổ chức hội nghị bình xét thi đua, khen thưởng năm ${bloc.year}.`);

  // ---- I. Time, place, attendance.
  heading(MEETING_SECTIONS.one);
  b.line(`1. Thời gian: bắt đầu hồi ${clock}, ${formatDateLong(at)}.`);
  b.line(`2. Địa điểm: ${orDots(input.venue ?? "")}.`);
  b.line("3. Thành phần:");
  b.line(`- Chủ trì: ${orDots(input.chair)}, đại diện ${cleanText(bloc.leader)} (đơn vị Trưởng khối năm ${bloc.year}).`);
  b.line(`- Thư ký: ${orDots(input.secretary)}.`);
  const presentPct = att.members > 0 ? ` (${formatPercent(Math.round((att.present / att.members) * 10000) / 100)}%)` : "";
  b.line(`- Tổng số đơn vị thành viên: ${att.members}; có mặt: ${att.present}${presentPct}; vắng mặt: ${Math.max(0, att.members - att.present)}.`);
  const absent = att.absent.map(cleanText).filter(Boolean);
  b.line(absent.length ? `- Đơn vị vắng mặt: ${absent.join(", ")}.` : "- Đơn vị vắng mặt: không.");
  if (input.quorumText && cleanText(input.quorumText)) b.line(`- ${cleanText(input.quorumText)}`);

  // ---- II.1 Scores and ranks.
  heading(MEETING_SECTIONS.two);
  heading(MEETING_SECTIONS.scores);
  b.line(`Hội nghị đã thông qua kết quả chấm điểm, xếp hạng thi đua năm ${bloc.year} của các đơn vị trong khối:`);
  const standingsFirst = b.tableHeader(STANDINGS_HEADERS);
  byRank(input.standings).forEach((s, i) => {
    b.push({
      kind: "tableRow",
      pieces: standingPieces(i, s),
    });
  });
  const standings = b.table(standingsFirst);
  const leading = input.standings.filter((s) => s.leading).map((s) => s.unit);
  if (leading.length) b.line(`Đơn vị dẫn đầu khối: ${names(leading)}.`);

  // ---- II.2 Votes.
  heading(MEETING_SECTIONS.votes);
  if (input.votes.length === 0) b.line("Hội nghị không tiến hành bỏ phiếu.");
  else b.line("Hội nghị tiến hành bỏ phiếu kín; Ban kiểm phiếu kiểm phiếu và lập biên bản kiểm phiếu (kèm theo). Kết quả:");
  input.votes.forEach((v, i) => {
    b.line(`2.${i + 1}. ${cleanText(v.title)}`, { bold: true, italic: true });
    b.line(`- Vòng bỏ phiếu: ${v.round}${v.round > 1 ? " (bỏ phiếu lại)" : ""}.`);
    if (cleanText(v.ruleText)) b.line(`- Nguyên tắc xác định kết quả: ${cleanText(v.ruleText)}`);
    const elected = new Set(v.elected.map(nameKey));
    const first = b.tableHeader(VOTE_HEADERS);
    v.candidates.forEach((c, k) => {
      const isElected = elected.has(nameKey(c.name));
      b.push({
        kind: "tableRow",
        pieces: [
          cell(0, k + 1, { align: "Center", numberFormat: "0" }),
          cell(1, cleanText(c.name)),
          cell(2, c.votes, { align: "Center", numberFormat: "0" }),
          cell(3, c.percent, { align: "Center", numberFormat: "0.00" }),
          cell(4, isElected ? VOTE_OUTCOME.elected : c.passes ? VOTE_OUTCOME.passes : VOTE_OUTCOME.fails, { align: "Center", bold: isElected }),
        ],
      });
    });
    b.table(first, 3);
    b.line(v.elected.length ? `- Được chọn: ${names(v.elected)}.` : "- Không có đơn vị nào được chọn.");
  });

  // ---- II.3 The proposals, with the meeting's decisions.
  heading(MEETING_SECTIONS.proposals);
  const groups = groupProposals(input.proposals);
  const overrides = input.overrides.filter((o) => cleanText(o.unit) && cleanText(o.award));
  const printed = new Set<string>();
  const overrideOf = (p: Proposal): Override | null =>
    p.override ?? overrides.find((o) => o.include && nameKey(o.unit) === nameKey(p.unit) && (nameKey(o.award) === nameKey(p.award) || nameKey(o.award) === nameKey(p.awardId))) ?? null;
  if (groups.length === 0) b.line("Hội nghị không đề nghị đơn vị nào.");
  else b.line("Căn cứ kết quả chấm điểm, xếp hạng và kết quả bỏ phiếu, hội nghị thống nhất đề nghị khen thưởng như sau:");
  groups.forEach((g, k) => {
    b.line(`${String.fromCharCode(97 + k)}) ${KIND_HEADINGS[g.kind].charAt(0)}${KIND_HEADINGS[g.kind].slice(1).toLocaleLowerCase("vi")}:`, { italic: true, bold: true });
    for (const a of g.awards) {
      b.line(`- ${a.award}: ${a.proposals.length} đơn vị`);
      for (const p of a.proposals) {
        const o = overrideOf(p);
        const ev = evidence(p);
        if (o) printed.add(overrideKey(o.unit, o.award));
        b.line(`+ ${cleanText(p.unit)}${ev ? ` (${ev})` : ""}${o ? `. ${decided(o.reason)}` : ""}.`);
      }
      for (const o of overrides) {
        if (o.include || !sameAward(o, a) || printed.has(overrideKey(o.unit, o.award))) continue;
        printed.add(overrideKey(o.unit, o.award));
        b.line(`+ Không đề nghị ${cleanText(o.unit)}. ${decided(o.reason)}.`);
      }
    }
  });
  const rest = overrides.filter((o) => !printed.has(overrideKey(o.unit, o.award)));
  if (rest.length) {
    b.line("Các quyết định khác của hội nghị:", { italic: true });
    for (const o of rest) {
      printed.add(overrideKey(o.unit, o.award));
      b.line(`- ${o.include ? "Đề nghị" : "Không đề nghị"} ${cleanText(o.unit)} – ${cleanText(o.award)}. ${decided(o.reason)}.`);
    }
  }

  // ---- II.4 Next year's leaders.
  heading(`${MEETING_SECTIONS.leadership} năm ${nextYear}`);
  const next = input.nextLeadership;
  if (next && cleanText(next.leader)) {
    if (cleanText(next.how)) b.line(`- Hình thức: ${cleanText(next.how)}.`);
    b.line(`- Trưởng khối năm ${nextYear}: ${cleanText(next.leader)}.`);
    const deputies = next.deputies.map(cleanText).filter(Boolean);
    b.line(`- Phó trưởng khối năm ${nextYear}: ${deputies.length ? deputies.join(", ") : "chưa xác định"}.`);
  } else {
    b.line(`Hội nghị chưa xác định Trưởng khối, Phó trưởng khối năm ${nextYear}.`);
  }

  // ---- III. Conclusion, closing, signatures.
  heading(MEETING_SECTIONS.three);
  const awards = groups.flatMap((g) => g.awards);
  const perAward = awards.map((a) => `${a.award} (${a.proposals.length}): ${names(a.proposals.map((p) => p.unit))}`).join("; ");
  let conclusion = awards.length
    ? `Hội nghị thống nhất đề nghị ${cleanText(input.addressee ?? "") || defaultAddressee(bloc.province)} xem xét, khen thưởng năm ${bloc.year}: ${perAward}.`
    : `Hội nghị thống nhất không đề nghị khen thưởng năm ${bloc.year}.`;
  if (next && cleanText(next.leader)) {
    const deputies = next.deputies.map(cleanText).filter(Boolean);
    conclusion += ` Thống nhất ${cleanText(next.leader)} làm Trưởng khối năm ${nextYear}${deputies.length ? `; ${deputies.join(", ")} làm Phó trưởng khối` : ""}.`;
  }
  b.line(conclusion);
  b.line(CLOSING);
  b.space(12);
  b.signatures({ title: "THƯ KÝ", hint: SIGN_HINT, name: input.secretary }, { title: "CHỦ TRÌ", hint: SIGN_HINT, name: input.chair }, 64);
  return b.layout("Portrait", standings);
}

export function meetingSheetPlan(input: MeetingInput): SheetPlan {
  return layoutSheetPlan(meetingLayout(input), input.sheet);
}
