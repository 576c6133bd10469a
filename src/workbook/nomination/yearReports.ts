import { DocBuilder, DOC_FONT, DOTS, LEADER_TITLE, numberLine, SIGN_STAMP_HINT, type DocLayout } from "../../domain/documents";
import { formatNumber, formatPercent } from "../../domain/format";
import { cleanText, nameKey } from "../../domain/text";
import { LIST_RECIPIENTS } from "./listSheet";
import { standingPieces, type MeetingVote } from "./meetingSheet";
import { SUBMISSION_WIDTHS } from "./submission";
import type { SummaryLine } from "../scoring/summarySheet";

/**
 * The two year-end documents drafted from the workbook (issue #12 points 2 and 3), as document
 * layouts (A4 portrait, NĐ 30/2020 header, Times New Roman) for the Word export:
 *
 * - the **báo cáo thành tích** (achievement report) each proposed unit sends with the file
 *   (Luật Thi đua, khen thưởng 2022 Đ84.1, DOMAIN §5): the form's headings, the year's facts from
 *   the workbook (scores by section, total, rank, class, its registration of the start of the year,
 *   the votes that concern the unit and their outcome, the award proposed) filled in, the narrative sections left for the unit with a hint.
 *   The form's number and name (NĐ 152/2025's annex numbers them, DOMAIN §5) is editable text.
 * - the bloc's **báo cáo tổng kết** (year-end report, seeds 000, 002, 003): its sections are data
 *   (`YEAR_END_SECTIONS`); the results table, the votes and next year's leadership are filled in,
 *   the narrative sections left empty with a hint.
 *
 * Every figure comes in through the inputs, which the app builds from the workbook as read.
 */

/** One unit's line of the summary ("Tổng hợp"), as the workbook computed it (`readSummary`), without its row. */
export type UnitYearResult = Omit<SummaryLine, "row">;

export interface BlocHead {
  name: string;
  province: string;
  year: number;
  leader: string;
}

/** "Tỷ lệ" as printed: 62,50%. */
const pct = (x: number) => `${formatPercent(x)}%`;
const score = (x: number | null) => (x === null ? DOTS : formatNumber(x));
const HINT = { italic: true } as const;

// ------------------------------------------------------------------ achievement report

/**
 * The default form line, printed above the title. NĐ 152/2025's annex numbers its forms (DOMAIN §5:
 * never hard-code them): the bloc edits the line when the province prescribes another.
 */
export const ACHIEVEMENT_FORM_LINE = "Mẫu báo cáo thành tích đề nghị khen thưởng tập thể (theo Phụ lục Nghị định số 152/2025/NĐ-CP)";
export const ACHIEVEMENT_TITLE = "BÁO CÁO THÀNH TÍCH";
export const UNIT_HEAD_TITLE = "THỦ TRƯỞNG ĐƠN VỊ";
export const CONFIRM_TITLE = "XÁC NHẬN CỦA CẤP TRÌNH KHEN THƯỞNG";

/** Where the workbook's facts go in the achievement report. */
export type AchievementFill = "facts" | "awards";

export interface ReportSection<F extends string> {
  heading: string;
  /** What the writer puts here (printed in italics under an empty heading). */
  hint?: string;
  /** Filled from the workbook instead of left empty. */
  fill?: F;
}

/**
 * The achievement report's headings for a collective, in the order of the form (Luật TĐKT 2022
 * Đ84.1; the collective form of the decree's annex): I. the unit's situation, II. its achievements
 * (the bloc's figures first), III. the awards it already received. `{year}` reads the bloc's year.
 */
export const ACHIEVEMENT_SECTIONS: readonly ReportSection<AchievementFill>[] = [
  { heading: "I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH" },
  { heading: "1. Đặc điểm, tình hình", hint: "(Địa điểm trụ sở, điện thoại, địa chỉ trang tin điện tử; quá trình thành lập và phát triển; tổ chức bộ máy, số cán bộ, công chức, viên chức, người lao động; tổ chức đảng, đoàn thể)" },
  { heading: "2. Chức năng, nhiệm vụ", hint: "(Chức năng, nhiệm vụ được giao)" },
  { heading: "II. THÀNH TÍCH ĐẠT ĐƯỢC" },
  { heading: "1. Kết quả chấm điểm, xếp hạng, bình xét thi đua năm {year} trong Khối", fill: "facts" },
  { heading: "2. Kết quả thực hiện nhiệm vụ chính trị năm {year}", hint: "(Các chỉ tiêu, nhiệm vụ cụ thể đã đạt được, so với kế hoạch và với năm trước)" },
  { heading: "3. Biện pháp, nguyên nhân đạt được thành tích; các phong trào thi đua đã áp dụng", hint: "(Những đổi mới, sáng kiến, giải pháp; việc tổ chức các phong trào thi đua)" },
  { heading: "4. Việc thực hiện chủ trương, chính sách của Đảng, pháp luật của Nhà nước; hoạt động của tổ chức đảng, đoàn thể", hint: "(Kết quả xếp loại tổ chức đảng, đoàn thể năm {year})" },
  { heading: "III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG" },
  { heading: "1. Danh hiệu thi đua", hint: "(Năm; danh hiệu thi đua; số, ngày, tháng, năm của quyết định; cơ quan ban hành quyết định)" },
  { heading: "2. Hình thức khen thưởng", hint: "(Năm; hình thức khen thưởng; số, ngày, tháng, năm của quyết định; cơ quan ban hành quyết định)" },
];

/** A vote that concerns the unit: its figures in the round it last stood in, and whether it was chosen. */
export interface UnitVote {
  title: string;
  voteId: string;
  round: number;
  votes: number;
  percent: number;
  passes: boolean;
  elected: boolean;
}

export interface AchievementInput {
  bloc: BlocHead;
  unit: string;
  place: string;
  at: { day: number; month: number; year: number };
  /** The form's number and name; ACHIEVEMENT_FORM_LINE when absent, nothing when "". */
  formLine?: string;
  /** The unit's line of the summary; null when the summary has none for it. */
  result: UnitYearResult | null;
  /** Units ranked (the denominator of "hạng 2/8"). */
  units: number;
  votes: UnitVote[];
  /** The awards the bloc proposes for the unit, in list order. */
  awards: string[];
  /**
   * The awards the unit registered for at the start of the year (đăng ký thi đua, issue #12), by
   * name, in the catalogue's order; [] = it did not register; null = the workbook has no registration list.
   */
  registration: string[] | null;
}

const fillYear = (s: string, year: number) => s.replace(/\{year\}/g, String(year)).replace(/\{next\}/g, String(year + 1));

/** The registration line when the workbook has no registration list, and when the unit registered for nothing. */
export const NO_REGISTRATION_LIST = "Không có danh sách đăng ký";
export const NOT_REGISTERED = "Chưa đăng ký";

/** The bloc's figures for one unit, as sentences ("- Tổng điểm: 95,5; …"). */
export function achievementFacts(input: AchievementInput): string[] {
  const r = input.result;
  const out: string[] = [];
  const blocName = cleanText(input.bloc.name);
  if (!r) out.push(`- Không có kết quả chấm điểm của đơn vị trong bảng tổng hợp của ${blocName}.`);
  else {
    out.push(`- Điểm theo từng phần: ${r.parts.length ? r.parts.map((p) => `${p.label}: ${score(p.score)}`).join("; ") : DOTS}.`);
    out.push(`- Tổng điểm: ${score(r.total)}; xếp hạng: ${r.rank === null ? DOTS : `${r.rank}/${input.units}`}${r.leading ? " (đơn vị dẫn đầu Khối)" : ""}; xếp loại: ${cleanText(r.band) || DOTS}.`);
  }
  const reg = input.registration;
  out.push(`- Đăng ký thi đua năm ${input.bloc.year}: ${reg === null ? NO_REGISTRATION_LIST : reg.length ? reg.map(cleanText).join("; ") : NOT_REGISTERED}.`);
  for (const v of input.votes) {
    const round = v.round > 1 ? ` (lần ${v.round})` : "";
    out.push(`- ${cleanText(v.title)}${round}: ${v.votes} phiếu đồng ý, đạt ${pct(v.percent)}; ${v.elected ? "được chọn" : v.passes ? "đạt tỷ lệ nhưng không được chọn" : "không đạt tỷ lệ"}.`);
  }
  out.push(input.awards.length ? `- ${blocName} đề nghị: ${input.awards.map(cleanText).join("; ")}.` : `- ${blocName} không đề nghị khen thưởng cho đơn vị.`);
  return out;
}

export function achievementLayout(input: AchievementInput): DocLayout {
  const { bloc } = input;
  const year = bloc.year;
  const b = new DocBuilder(SUBMISSION_WIDTHS, { col: 0, span: 1 }, { col: 1, span: 1 });
  const form = input.formLine === undefined ? ACHIEVEMENT_FORM_LINE : cleanText(input.formLine);
  if (form) b.line(form, { italic: true, size: DOC_FONT.header, align: "Right" });
  b.header(null, input.unit);
  b.numberAndDate("", input.place, input.at);
  const awards = input.awards.map(cleanText);
  b.title(ACHIEVEMENT_TITLE, [`Đề nghị ${awards.length ? awards.join("; ") : DOTS} năm ${year}`], { rule: true, after: 6 });
  b.line(`Tên tập thể đề nghị: ${cleanText(input.unit)}`, { bold: true });
  b.line(`(Đơn vị thành viên ${cleanText(bloc.name)}, ${cleanText(bloc.province)})`, HINT);
  for (const s of ACHIEVEMENT_SECTIONS) {
    b.line(fillYear(s.heading, year), { bold: true });
    if (s.fill === "facts") for (const l of achievementFacts(input)) b.line(l);
    else if (s.hint) b.line(fillYear(s.hint, year), HINT);
  }
  b.space(12);
  b.signatures({ title: CONFIRM_TITLE, hint: SIGN_STAMP_HINT }, { title: UNIT_HEAD_TITLE, hint: SIGN_STAMP_HINT }, 56);
  return b.layout("Portrait");
}

// ------------------------------------------------------------------ the bloc's year-end report

export type YearEndFill = "results" | "votes" | "proposals" | "leadership";

/**
 * The year-end report's sections, in order (the headings the seeds' year-end reports share:
 * situation, the movements, the results, assessment, next year). `{year}`, `{next}` read the
 * bloc's year and the next. A section with `fill` is drawn from the workbook.
 */
export const YEAR_END_SECTIONS: readonly ReportSection<YearEndFill>[] = [
  { heading: "I. ĐẶC ĐIỂM, TÌNH HÌNH", hint: "(Số đơn vị thành viên; thuận lợi, khó khăn trong năm {year})" },
  { heading: "II. KẾT QUẢ TỔ CHỨC CÁC PHONG TRÀO THI ĐUA NĂM {year}", hint: "(Việc ký giao ước, đăng ký thi đua; các phong trào đã phát động; hoạt động của Khối; kết quả nổi bật của các đơn vị)" },
  { heading: "III. KẾT QUẢ CHẤM ĐIỂM, XẾP HẠNG, XẾP LOẠI", fill: "results" },
  { heading: "IV. KẾT QUẢ BÌNH XÉT, BỎ PHIẾU", fill: "votes" },
  { heading: "V. ĐỀ NGHỊ KHEN THƯỞNG", fill: "proposals" },
  { heading: "VI. ĐÁNH GIÁ CHUNG", hint: "(Ưu điểm; hạn chế, nguyên nhân; bài học kinh nghiệm)" },
  { heading: "VII. TRƯỞNG KHỐI, PHÓ TRƯỞNG KHỐI NĂM {next}", fill: "leadership" },
  { heading: "VIII. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM {next}", hint: "(Nhiệm vụ, giải pháp trọng tâm; kế hoạch hoạt động của Khối năm {next})" },
  { heading: "IX. KIẾN NGHỊ, ĐỀ XUẤT", hint: "(Kiến nghị với Hội đồng Thi đua - Khen thưởng và các cơ quan cấp trên)" },
];

export const YEAR_END_TITLE = "BÁO CÁO";
export const YEAR_END_SYMBOL = "BC-KTĐ";
export const RESULTS_HEADERS = ["STT", "Đơn vị", "Tổng điểm", "Xếp hạng", "Xếp loại", "Ghi chú"] as const;
/** Portrait printable width (467 points). */
export const RESULTS_WIDTHS = [32, 185, 62, 55, 73, 60];
export const LEADING_NOTE = "Dẫn đầu";

export interface YearEndInput {
  bloc: BlocHead;
  place: string;
  at: { day: number; month: number; year: number };
  /** "5" or "5/BC-KTĐ"; dots when absent. */
  number?: string;
  results: UnitYearResult[];
  votes: MeetingVote[];
  /** The proposed units and their awards, in list order. */
  proposals: { unit: string; award: string }[];
  nextLeadership: { year: number; leader: string; deputies: string[]; how: string } | null;
  recipients?: string[];
  leaderName?: string;
}

/** The default "Nơi nhận" (no body named that a province may not have, DOMAIN §5); the app passes the meeting record's. */
export const YEAR_END_RECIPIENTS = LIST_RECIPIENTS;

export function yearEndLayout(input: YearEndInput): DocLayout {
  const { bloc } = input;
  const year = bloc.year;
  const blocName = cleanText(bloc.name);
  const b = new DocBuilder(RESULTS_WIDTHS, { col: 0, span: 2 }, { col: 2, span: 4 });
  b.header(bloc.name, bloc.leader);
  b.numberAndDate(numberLine(input.number, YEAR_END_SYMBOL), input.place, input.at);
  b.title(YEAR_END_TITLE, [`Tổng kết công tác thi đua, khen thưởng năm ${year} của ${blocName}`], { rule: true, after: 6 });
  for (const s of YEAR_END_SECTIONS) {
    b.line(fillYear(s.heading, year), { bold: true });
    switch (s.fill) {
      case "results": {
        const first = b.tableHeader(RESULTS_HEADERS);
        input.results.forEach((r, i) =>
          b.push({
            kind: "tableRow",
            pieces: [...standingPieces(i, r), b.cell(5, r.leading ? LEADING_NOTE : "", { align: "Center" })],
          }),
        );
        b.table(first);
        break;
      }
      case "votes":
        if (input.votes.length === 0) b.line("Không có cuộc bỏ phiếu nào.", HINT);
        input.votes.forEach((v, i) => {
          const round = v.round > 1 ? ` (lần ${v.round})` : "";
          b.line(`${i + 1}. ${cleanText(v.title)}${round}: ${v.candidates.map((c) => `${cleanText(c.name)} ${c.votes} phiếu (${pct(c.percent)})`).join("; ")}.`);
          b.line(`Kết quả: ${v.elected.length ? `${v.elected.map(cleanText).join(", ")} được chọn` : "không có đơn vị nào được chọn"}.`);
        });
        break;
      case "proposals": {
        if (input.proposals.length === 0) b.line(`${blocName} không đề nghị khen thưởng tập thể nào.`);
        const awards: string[] = [];
        for (const p of input.proposals) if (!awards.some((a) => nameKey(a) === nameKey(p.award))) awards.push(p.award);
        awards.forEach((a) => {
          const units = input.proposals.filter((p) => nameKey(p.award) === nameKey(a)).map((p) => cleanText(p.unit));
          b.line(`- ${cleanText(a)} (${units.length}): ${units.join(", ")}.`);
        });
        break;
      }
      case "leadership": {
        const l = input.nextLeadership;
        if (!l) b.line(`Chưa có kết quả chọn Trưởng khối, Phó Trưởng khối năm ${year + 1}.`, HINT);
        else {
          b.line(`- Trưởng khối: ${cleanText(l.leader) || DOTS} (${cleanText(l.how)}).`);
          b.line(`- Phó Trưởng khối: ${l.deputies.length ? l.deputies.map(cleanText).join(", ") : DOTS}.`);
        }
        break;
      }
      default:
        if (s.hint) b.line(fillYear(s.hint, year), HINT);
    }
  }
  b.space(12);
  b.signWithRecipients(input.recipients ?? YEAR_END_RECIPIENTS, LEADER_TITLE, SIGN_STAMP_HINT, input.leaderName ?? "");
  return b.layout("Portrait", b.tables[0]);
}
