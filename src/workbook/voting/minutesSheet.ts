import type { Message } from "../../domain/issues";
import { wrapLines } from "../textFit";
import { cleanText, nameKey } from "../../domain/text";
import { DENOMINATOR_WORDS, INVALID_REASON_LABELS, INVALID_REASONS, maxChoices, ruleSourceText, ruleText, tieRuleText, voteWord, type Comparison, type Vote } from "../../domain/voting/model";
import { applyMeeting, type VoteRecord } from "../../domain/voting/record";
import type { Outcome, TallyResult, TieStepRecord } from "../../domain/voting/tally";
import { columnLetter, rangeAddress } from "../a1";
import { emptyPlan, type HAlign, type PlanCell, type SheetPlan } from "../plan";

/**
 * The vote-count minutes (biên bản kiểm phiếu, DOMAIN §4) as a print-ready sheet: header, the
 * counting committee, attendance, ballots, the result per candidate, the rule, the tie and how it
 * was settled, the conclusion, the fingerprint of the entered ballots and the signatures.
 * Everything is a value: the minutes record a count at a moment, they do not follow later edits.
 * The document format follows NĐ 30/2020/NĐ-CP (DOMAIN §5): Times New Roman, A4 portrait,
 * margins 20/20/30/15 mm, the agency name left and the national title right.
 *
 * One layout (`minutesLayout`) feeds both the sheet plan and the plain text, so they never differ.
 */

export interface MinutesInput {
  sheet: string;
  bloc: { name: string; province: string; year: number };
  record: VoteRecord;
  result: TallyResult;
  /** SHA-256 hex of the entered ballots (or of the hand count). */
  fingerprint: string;
  /** From `reconcile()`: how two entries were reconciled; null for a single entry. */
  entryStatement: Message | null;
  /** The place written before the date, e.g. "Bắc Ninh". */
  place: string;
  at: { day: number; month: number; year: number; hour: number; minute: number };
}

/** What the "Kết quả" column says for each outcome. */
export const OUTCOME_TEXT: Record<Outcome, string> & { electedAward: string; notElectedLeader: string; byMeeting: string; unconcluded: string } = {
  elected: "Trúng cử",
  electedAward: "Được chọn",
  notElected: "Không được chọn",
  notElectedLeader: "Không trúng cử",
  /** Appended to the result of a unit tied at the cutoff once the meeting has chosen. */
  byMeeting: " (hội nghị quyết định)",
  notPassed: "Không đạt tỷ lệ",
  revote: "Bỏ phiếu lại",
  meetingDecides: "Hội nghị quyết định",
  runoff: "Vào vòng bầu lại",
  unconcluded: "Chưa kết luận",
};

export const MINUTES_TITLE = "BIÊN BẢN KIỂM PHIẾU";
export const NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
export const MOTTO = "Độc lập - Tự do - Hạnh phúc";
export const FINGERPRINT_LABEL = "Mã kiểm tra (SHA-256) của dữ liệu phiếu:";

/** Page setup (points): A4 portrait, margins top/bottom 20 mm, left 30 mm, right 15 mm. */
export const MINUTES_PAGE = { top: 57, bottom: 57, left: 85, right: 43, width: 467 } as const;
export const MINUTES_FONT = { name: "Times New Roman", body: 13, title: 14, header: 12 } as const;

// ---- The layout: rows of pieces, each piece a cell (merged over `span` columns).

export interface PieceStyle {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  align?: HAlign;
  /** "0.00" for percentages, "0" for counts. */
  numberFormat?: string;
}

export interface MinutesPiece {
  col: number;
  span: number;
  value: string | number;
  style: PieceStyle;
}

export interface MinutesRow {
  kind: "header" | "text" | "tableHeader" | "tableRow" | "signature" | "space";
  pieces: MinutesPiece[];
  /** A fixed height (points), for spacing and signing rows; otherwise estimated from the text. */
  height?: number;
}

export interface MinutesLayout {
  /** Column widths in points, summing to the printable width. */
  widths: number[];
  /** Columns of the left and right header halves (and of the signature block). */
  left: { col: number; span: number };
  right: { col: number; span: number };
  rows: MinutesRow[];
  /** Rows (0-based) of the results table, header included. */
  table: { first: number; rows: number; cols: number; percentCol: number };
}

const pad2 = (n: number) => String(Math.trunc(n)).padStart(2, "0");
/** 2 decimals, Vietnamese decimal comma: 57,14. */
export const viPercent = (x: number): string => x.toFixed(2).replace(".", ",");
/** A number as written (decimal comma, no grouping). */
const viNum = (x: number): string => String(x).replace(".", ",");
const share = (percent: number, comparison: Comparison) => (comparison === ">=" ? `từ ${viNum(percent)}% trở lên` : `trên ${viNum(percent)}%`);
const list = (names: readonly string[]) => names.map(cleanText).join(", ");
const MAX_REASONS = 10;

/** "ngày 05 tháng 12 năm 2026" */
export function viDate(d: { day: number; month: number; year: number }): string {
  return `ngày ${pad2(d.day)} tháng ${pad2(d.month)} năm ${d.year}`;
}

/** Words for what is chosen: "Trúng cử Trưởng khối", "được chọn"… */
function electedHeading(vote: Vote): string {
  switch (vote.purpose.kind) {
    case "leader":
      return "Đơn vị trúng cử Trưởng khối";
    case "deputy":
      return "Đơn vị trúng cử Phó trưởng khối";
    case "award":
      return `Các đơn vị được chọn đề nghị ${cleanText(vote.purpose.award)}`;
  }
}

function tieStepText(step: TieStepRecord, k: number, round: number): string {
  const head = `+ Bước ${k + 1}`;
  switch (step.step) {
    case "higherScore": {
      if (!step.applied) return `${head} – so sánh tổng điểm thi đua: không áp dụng được vì thiếu tổng điểm của ${list(step.missing)}.`;
      const scores = Object.entries(step.scores)
        .map(([n, s]) => `${cleanText(n)} ${viNum(s)} điểm`)
        .join("; ");
      let t = `${head} – so sánh tổng điểm thi đua: ${scores}.`;
      if (step.elected.length) t += ` Được chọn: ${list(step.elected)}.`;
      if (step.out.length) t += ` Không được chọn: ${list(step.out)}.`;
      if (step.stillTied.length) t += ` Vẫn bằng nhau: ${list(step.stillTied)}.`;
      return t;
    }
    case "lot": {
      const tickets = step.order.map((o) => `${cleanText(o.name)} (mã thăm ${o.ticket.slice(0, 12)})`).join("; ");
      return `${head} – bốc thăm theo mã “${step.seed}”, thứ tự theo mã thăm từ nhỏ đến lớn: ${tickets}. Được chọn: ${list(step.elected)}.`;
    }
    case "revote":
      return `${head} – bỏ phiếu lại (vòng ${round + 1}) giữa các đơn vị: ${list(step.candidates)}, để chọn ${step.seats} đơn vị.`;
    case "meetingDecides":
      return `${head} – hội nghị quyết định giữa các đơn vị: ${list(step.candidates)}, để chọn ${step.seats} đơn vị${step.byDefault ? " (quy tắc không còn bước nào khác)" : ""}.`;
  }
}

/** Column widths: with a "Không đồng ý" column (approve lists counted ballot by ballot) or without. */
function widthsFor(withAgainst: boolean): number[] {
  return withAgainst ? [30, 140, 62, 62, 55, 118] : [30, 165, 70, 62, 140];
}

/** The minutes as rows of cells; the sheet plan and the text are both built from it. */
export function minutesLayout(input: MinutesInput): MinutesLayout {
  const { record, result, bloc, at } = input;
  const vote = record.vote;
  const t = result.totals;
  const concluded = result.conclusion.concluded;
  const withAgainst = result.candidates.some((c) => c.against !== null);
  const widths = widthsFor(withAgainst);
  const cols = widths.length;
  const left = { col: 0, span: 2 };
  const right = { col: 2, span: cols - 2 };
  const rows: MinutesRow[] = [];
  const B = MINUTES_FONT.body;

  const full = (value: string, style: PieceStyle = {}): MinutesPiece => ({ col: 0, span: cols, value, style });
  const line = (value: string, style: PieceStyle = {}) => rows.push({ kind: "text", pieces: [full(value, style)] });
  const space = (height = 8) => rows.push({ kind: "space", pieces: [], height });
  const heading = (value: string) => line(value, { bold: true });
  const halves = (kind: MinutesRow["kind"], l: string, r: string, style: PieceStyle, height?: number) => {
    const pieces: MinutesPiece[] = [];
    if (l) pieces.push({ ...left, value: l, style });
    if (r) pieces.push({ ...right, value: r, style });
    rows.push(height === undefined ? { kind, pieces } : { kind, pieces, height });
  };

  // ---- Header (NĐ 30/2020): the bloc left, the national title and motto right.
  const H = MINUTES_FONT.header;
  rows.push({
    kind: "header",
    pieces: [
      { ...left, value: cleanText(bloc.name).toLocaleUpperCase("vi"), style: { bold: true, size: H, align: "Center" } },
      { ...right, value: NATIONAL_TITLE, style: { bold: true, size: H, align: "Center" } },
    ],
  });
  rows.push({
    kind: "header",
    pieces: [
      { ...left, value: "————", style: { bold: true, size: H, align: "Center" } },
      { ...right, value: MOTTO, style: { bold: true, size: B, align: "Center" } },
    ],
  });
  rows.push({ kind: "header", pieces: [{ ...right, value: "————————", style: { bold: true, size: H, align: "Center" } }] });
  space();
  line(`${cleanText(input.place)}, ${viDate(at)}`, { italic: true, align: "Right" });
  space(12);

  // ---- Title.
  line(MINUTES_TITLE, { bold: true, size: MINUTES_FONT.title, align: "Center" });
  if (cleanText(vote.title)) line(cleanText(vote.title), { bold: true, align: "Center" });
  const runoffRound = vote.parent?.kind === "runoff";
  if (vote.round > 1) {
    const what = runoffRound ? "bầu lại giữa các đơn vị có số phiếu cao nhất" : "bỏ phiếu lại";
    line(vote.parent ? `Vòng ${vote.round} (${what}, tiếp theo vòng ${vote.parent.round})` : `Vòng ${vote.round} (${what})`, { italic: true, align: "Center" });
  }
  space(12);

  // ---- Time and place.
  line(
    `Hồi ${pad2(at.hour)} giờ ${pad2(at.minute)} phút, ${viDate(at)}, tại hội nghị bình xét thi đua năm ${bloc.year} của ${cleanText(bloc.name)}, ` +
      `Ban kiểm phiếu đã tiến hành kiểm phiếu${cleanText(vote.title) ? ` “${cleanText(vote.title)}”` : ""}.`,
  );
  if (vote.round > 1) {
    const from = vote.parent ? ` ở vòng ${vote.parent.round}` : "";
    line(
      runoffRound
        ? `Đây là vòng bầu lại giữa các đơn vị có số phiếu cao nhất${from}, vì chưa đủ đơn vị đạt tỷ lệ quy định: ${list(vote.candidates)}.`
        : `Đây là vòng bỏ phiếu lại giữa các đơn vị bằng số phiếu${from}: ${list(vote.candidates)}.`,
    );
  }

  // ---- I. The counting committee.
  heading("I. BAN KIỂM PHIẾU");
  const head = cleanText(vote.committee.head);
  const members = vote.committee.members.map(cleanText).filter(Boolean);
  line(`1. ${head || "…………………………"} – Trưởng ban`);
  members.forEach((m, i) => line(`${i + 2}. ${m} – Thành viên`));

  // ---- II. Attendance and ballots.
  heading("II. TÌNH HÌNH BỎ PHIẾU");
  line("- Hình thức: bỏ phiếu kín.");
  line(`- Tổng số thành viên được triệu tập: ${t.members}.`);
  line(`- Số thành viên có mặt: ${t.present}, bằng ${viPercent(t.presentPercent)}% tổng số thành viên.`);
  const q = vote.rule.quorum;
  if (q) {
    line(
      t.quorumMet
        ? `- Số thành viên có mặt đạt ${share(q.percent, q.comparison)} tổng số thành viên theo quy định: đủ điều kiện tiến hành bỏ phiếu.`
        : `- Số thành viên có mặt không đạt ${share(q.percent, q.comparison)} tổng số thành viên theo quy định: không đủ điều kiện, kết quả bỏ phiếu không có giá trị.`,
    );
  }
  line(`- Số thành viên tham gia bỏ phiếu: ${t.returned}.`);
  const max = maxChoices(vote.ballot);
  const perBallot =
    vote.ballot.kind === "approve"
      ? `mỗi phiếu được đồng ý tối đa ${max} đơn vị`
      : vote.ballot.kind === "chooseUpTo"
        ? `mỗi phiếu được chọn tối đa ${max} đơn vị`
        : "mỗi phiếu chọn 1 đơn vị";
  line(`- Số lượng cần chọn: ${vote.toElect} (danh sách gồm ${vote.candidates.length} đơn vị; ${perBallot}).`);
  line(`- Số phiếu phát ra: ${t.issued}.`);
  line(`- Số phiếu thu vào: ${t.returned}${t.written > 0 ? `; trong đó ${t.written} ý kiến bằng văn bản của thành viên vắng mặt` : ""}.`);
  line(`- Số phiếu hợp lệ: ${t.valid}.`);
  const reasons = t.invalidReasons
    ? INVALID_REASONS.filter((r) => (t.invalidReasons?.[r] ?? 0) > 0).map((r) => `${INVALID_REASON_LABELS[r].vi}: ${t.invalidReasons?.[r] ?? 0}`)
    : [];
  line(`- Số phiếu không hợp lệ: ${t.invalid}${t.invalid > 0 && reasons.length ? `; trong đó: ${reasons.join("; ")}` : ""}.`);
  const entry =
    record.entry === "handCount"
      ? "kiểm đếm bằng tay, nhập số tổng hợp"
      : `nhập từng phiếu vào bảng tính (${t.returned} phiếu)${record.doubleEntry ? ", hai lần nhập độc lập" : ""}`;
  line(`- Cách nhập kết quả: ${entry}.`);
  if (input.entryStatement) line(`- Đối chiếu hai lần nhập: ${cleanText(input.entryStatement.vi)}`);

  // ---- III. Results.
  heading("III. KẾT QUẢ KIỂM PHIẾU");
  line(`Tỷ lệ (%) tính trên ${DENOMINATOR_WORDS[t.denominator.kind].vi} (${t.denominator.value}), làm tròn đến 2 chữ số thập phân.`, { italic: true });
  const tableFirst = rows.length;
  const cell = (col: number, value: string | number, style: PieceStyle = {}): MinutesPiece => ({ col, span: 1, value, style });
  const head2 = [cell(0, "STT"), cell(1, "Đơn vị"), cell(2, vote.ballot.kind === "approve" ? "Số phiếu đồng ý" : "Số phiếu bầu")];
  if (withAgainst) head2.push(cell(3, "Không đồng ý"));
  head2.push(cell(cols - 2, "Tỷ lệ (%)"), cell(cols - 1, "Kết quả"));
  head2.forEach((p) => (p.style = { bold: true, align: "Center" }));
  rows.push({ kind: "tableHeader", pieces: head2 });
  const award = vote.purpose.kind === "award";
  // The meeting's recorded choice on a tie left to it: the tied units' results say who was chosen.
  const decided = applyMeeting(result.conclusion.meetingDecides, result.conclusion.elected, record.meeting);
  const chosenByMeeting = new Set(decided.decided && result.conclusion.meetingDecides ? decided.elected.map(nameKey) : []);
  const outcomeOf = (c: TallyResult["candidates"][number]): string => {
    if (!concluded) return OUTCOME_TEXT.unconcluded;
    if (c.outcome === "meetingDecides" && decided.decided) {
      const chosen = chosenByMeeting.has(nameKey(c.name));
      return (chosen ? (award ? OUTCOME_TEXT.electedAward : OUTCOME_TEXT.elected) : award ? OUTCOME_TEXT.notElected : OUTCOME_TEXT.notElectedLeader) + OUTCOME_TEXT.byMeeting;
    }
    return c.outcome === "elected" && award ? OUTCOME_TEXT.electedAward : OUTCOME_TEXT[c.outcome];
  };
  for (const c of result.candidates) {
    const outcome = outcomeOf(c);
    const pieces = [cell(0, c.position, { align: "Center", numberFormat: "0" }), cell(1, cleanText(c.name), { align: "Left" }), cell(2, c.votes, { align: "Center", numberFormat: "0" })];
    if (withAgainst) pieces.push(cell(3, c.against ?? 0, { align: "Center", numberFormat: "0" }));
    pieces.push(cell(cols - 2, c.percent, { align: "Center", numberFormat: "0.00" }), cell(cols - 1, outcome, { align: "Center", bold: concluded && (c.outcome === "elected" || chosenByMeeting.has(nameKey(c.name))) }));
    rows.push({ kind: "tableRow", pieces });
  }
  const table = { first: tableFirst, rows: rows.length - tableFirst, cols, percentCol: cols - 2 };
  space(6);
  line(`- Nguyên tắc xác định kết quả: ${ruleText(vote).vi} ${ruleSourceText(vote).vi}`);
  line(`- Xử lý trường hợp bằng phiếu: ${tieRuleText(vote).vi}`);
  if (vote.writtenOpinions) line("- Ý kiến bằng văn bản của thành viên vắng mặt được tính như phiếu bầu (theo quy định của khối).");
  if (result.tie) {
    const tie = result.tie;
    line(`- Bằng số phiếu ở vị trí cuối cùng: ${list(tie.candidates)} (cùng ${tie.votes} ${voteWord(vote).vi}; còn ${tie.seats} vị trí).`);
    tie.steps.forEach((s, k) => line(tieStepText(s, k, vote.round)));
  }
  if (record.meeting) {
    const note = cleanText(record.meeting.note);
    line(`- Hội nghị đã quyết định chọn: ${record.meeting.elected.length ? list(record.meeting.elected) : "không chọn đơn vị nào"}.${note ? ` Ghi chú: ${note}.` : ""}`);
  }

  // ---- IV. Conclusion.
  heading("IV. KẾT LUẬN");
  if (!concluded) {
    line("Chưa kết luận được kết quả kiểm phiếu, vì:");
    const errors = result.issues.filter((i) => i.severity === "error");
    errors.slice(0, MAX_REASONS).forEach((e) => line(`- ${cleanText(e.message.vi)}`));
    if (errors.length > MAX_REASONS) line(`- và ${errors.length - MAX_REASONS} lỗi khác (xem danh sách lỗi của bảng nhập phiếu).`);
    if (errors.length === 0) line("- Kết quả kiểm phiếu chưa đủ điều kiện để kết luận.");
  } else {
    const byName = new Map(result.candidates.map((c) => [c.name, c]));
    const pendingMeeting = result.conclusion.meetingDecides;
    const fromMeeting = pendingMeeting && record.meeting ? record.meeting.elected.map(cleanText).filter(Boolean) : [];
    const elected = result.conclusion.elected;
    if (elected.length + fromMeeting.length === 0) {
      const runoff = result.conclusion.runoff;
      line(
        runoff
          ? `Chưa có đơn vị nào đạt tỷ lệ quy định: bầu lại (vòng ${vote.round + 1}) giữa các đơn vị có số phiếu cao nhất: ${list(runoff.candidates)}.`
          : result.conclusion.revote || pendingMeeting
            ? "Chưa có đơn vị nào được chọn."
            : "Không có đơn vị nào đạt tỷ lệ quy định.",
      );
    } else {
      line(`${electedHeading(vote)}:`, { bold: true });
      elected.forEach((name, i) => {
        const c = byName.get(name);
        line(`${i + 1}. ${cleanText(name)}${c ? `: ${c.votes} ${voteWord(vote).vi} (${viPercent(c.percent)}%)` : ""}.`);
      });
      fromMeeting.forEach((name, i) => line(`${elected.length + i + 1}. ${name}: theo quyết định của hội nghị.`));
    }
    const chosen = elected.length + fromMeeting.length;
    if (result.conclusion.revote) {
      const r = result.conclusion.revote;
      line(`Chưa xác định ${r.seats} vị trí: bỏ phiếu lại (vòng ${vote.round + 1}) giữa các đơn vị: ${list(r.candidates)}.`);
    } else if (pendingMeeting && !record.meeting) {
      line(`Chưa xác định ${pendingMeeting.seats} vị trí: hội nghị quyết định giữa các đơn vị: ${list(pendingMeeting.candidates)}.`);
    } else if (result.conclusion.runoff && chosen > 0) {
      const r = result.conclusion.runoff;
      line(`Chưa xác định ${r.seats} vị trí: bầu lại (vòng ${vote.round + 1}) giữa các đơn vị có số phiếu cao nhất: ${list(r.candidates)}.`);
    } else if (chosen < vote.toElect && chosen > 0) {
      line(`Số đơn vị được chọn (${chosen}) ít hơn số lượng cần chọn (${vote.toElect}): các đơn vị còn lại không đạt tỷ lệ quy định.`);
    }
  }

  // ---- Fingerprint, closing, signatures.
  space();
  line(`${FINGERPRINT_LABEL} ${input.fingerprint.toLowerCase()}`);
  line("Mọi thay đổi về sau đối với dữ liệu phiếu đã nhập đều làm thay đổi mã kiểm tra này; đối chiếu mã để biết dữ liệu còn nguyên như lúc kiểm phiếu.", { italic: true });
  line("Biên bản kết thúc hồi ……… giờ ……… phút cùng ngày, đã được đọc trước hội nghị và các thành viên Ban kiểm phiếu cùng ký tên.");
  space(12);
  halves("signature", "THƯ KÝ", "TRƯỞNG BAN KIỂM PHIẾU", { bold: true, align: "Center" });
  halves("signature", "(Ký, ghi rõ họ tên)", "(Ký, ghi rõ họ tên)", { italic: true, align: "Center" });
  space(64);
  halves("signature", "", head, { bold: true, align: "Center" });
  if (members.length) {
    space(18);
    rows.push({ kind: "signature", pieces: [full("CÁC THÀNH VIÊN BAN KIỂM PHIẾU", { bold: true, align: "Center" })] });
    rows.push({ kind: "signature", pieces: [full("(Ký, ghi rõ họ tên)", { italic: true, align: "Center" })] });
    for (let i = 0; i < members.length; i += 2) {
      space(64);
      halves("signature", members[i], members[i + 1] ?? "", { bold: true, align: "Center" });
    }
  }
  return { widths, left, right, rows, table };
}

// ---- Text width, for row heights that keep wrapped text whole when printed.

/** Advance of one character in em, for Times New Roman (an over-estimate, so nothing is cut). */
function charEm(ch: string): number {
  if (ch === " ") return 0.25;
  if (ch === "—") return 1;
  if (/[0-9]/.test(ch)) return 0.5;
  const base = ch.normalize("NFD")[0] ?? ch;
  if (/[iljtfrI.,:;'!|()\-–]/.test(base)) return 0.33;
  if (/[mwMW]/.test(base)) return 0.94;
  if (base !== base.toLowerCase()) return 0.72;
  return 0.5;
}

/** Width in points of a text at a size, bold adding about 8%. */
export function textWidth(text: string, size: number, bold = false): number {
  let em = 0;
  for (const ch of text) em += charEm(ch);
  return em * size * (bold ? 1.08 : 1);
}

/** Lines a text takes when wrapped by words in `width` points. */
export function wrappedLines(text: string, width: number, size: number, bold = false): number {
  return wrapLines(text, Math.max(width - 7, size), (t) => textWidth(t, size, bold));
}

const lineHeight = (size: number) => Math.ceil(size * 1.3);

function rowHeight(row: MinutesRow, widths: number[]): number {
  if (row.height !== undefined) return row.height;
  let h = lineHeight(MINUTES_FONT.body);
  for (const p of row.pieces) {
    const size = p.style.size ?? MINUTES_FONT.body;
    const width = widths.slice(p.col, p.col + p.span).reduce((a, b) => a + b, 0);
    const text = typeof p.value === "number" ? String(p.value) : p.value;
    h = Math.max(h, wrappedLines(text, width, size, p.style.bold) * lineHeight(size));
  }
  return Math.min(409, h + 4);
}

// ---- The plan and the text.

/** A piece as the minutes' text shows it: percentages with 2 decimals and a decimal comma. */
function pieceText(p: MinutesPiece): string {
  if (typeof p.value === "string") return p.value;
  return p.style.numberFormat === "0.00" ? viPercent(p.value) : viNum(p.value);
}

/** The minutes' lines as plain text: one line per row, the cells of a row (header halves, table cells) joined by a tab. */
export function minutesText(input: MinutesInput): string[] {
  return minutesLayout(input)
    .rows.filter((r) => r.pieces.length > 0)
    .map((r) => r.pieces.map(pieceText).join("\t"));
}

export function minutesSheetPlan(input: MinutesInput): SheetPlan {
  const layout = minutesLayout(input);
  const { widths, rows, table } = layout;
  const cols = widths.length;
  const p = emptyPlan(input.sheet);
  p.tabColor = "#7030A0";

  const grid: PlanCell[][] = rows.map(() => Array<PlanCell>(cols).fill(null));
  rows.forEach((row, r) => row.pieces.forEach((piece) => (grid[r][piece.col] = piece.value)));
  p.blocks.push({ at: "A1", rows: grid });

  p.formats.push({
    range: rangeAddress(0, 0, rows.length, cols),
    format: { fontName: MINUTES_FONT.name, fontSize: MINUTES_FONT.body, fontColor: "#000000", vAlign: "Top", wrap: true, hAlign: "Left" },
  });
  rows.forEach((row, r) => {
    for (const piece of row.pieces) {
      const range = rangeAddress(r, piece.col, 1, piece.span);
      if (piece.span > 1) p.merges.push(range);
      const s = piece.style;
      const format = {
        ...(s.bold ? { bold: true } : {}),
        ...(s.italic ? { italic: true } : {}),
        ...(s.size && s.size !== MINUTES_FONT.body ? { fontSize: s.size } : {}),
        ...(s.align && s.align !== "Left" ? { hAlign: s.align } : {}),
        ...(s.numberFormat ? { numberFormat: s.numberFormat } : {}),
      };
      if (Object.keys(format).length) p.formats.push({ range, format });
    }
  });
  p.formats.push(
    { range: rangeAddress(table.first, 0, table.rows, cols), format: { borders: "Continuous", vAlign: "Center" } },
    { range: rangeAddress(table.first, 0, 1, cols), format: { hAlign: "Center" } },
  );

  p.columnWidths = widths.map((width, i) => ({ column: columnLetter(i), width }));
  p.rowHeights = rows.map((row, r) => ({ row: r + 1, height: rowHeight(row, widths) }));
  p.protection = {};
  p.print = { orientation: "Portrait", paper: "A4", fitToWidth: true, margins: { top: MINUTES_PAGE.top, bottom: MINUTES_PAGE.bottom, left: MINUTES_PAGE.left, right: MINUTES_PAGE.right } };
  return p;
}

/**
 * When and where a count's minutes sheet says the count took place: its "Hồi hh giờ mm phút, ngày dd
 * tháng mm năm yyyy" line and the "<place>, ngày …" line above the title. The .docx of that count
 * prints these, so the sheet and the file never give two dates for one count (issue #14 item 2).
 * Null when the lines are not found (an older or hand-edited sheet: the caller falls back).
 */
export function readMinutesWhen(grid: { values: unknown[][] }): { at: MinutesInput["at"]; place: string } | null {
  const texts = grid.values.flat().filter((v): v is string => typeof v === "string").map((v) => v.normalize("NFC").trim());
  let at: MinutesInput["at"] | null = null;
  let place: string | null = null;
  for (const t of texts) {
    const m = /^Hồi (\d{1,2}) giờ (\d{1,2}) phút, ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})\b/.exec(t);
    if (m && !at) at = { hour: Number(m[1]), minute: Number(m[2]), day: Number(m[3]), month: Number(m[4]), year: Number(m[5]) };
    const p = /^(.+), ngày \d{1,2} tháng \d{1,2} năm \d{4}$/.exec(t);
    if (p && place === null) place = p[1];
  }
  return at ? { at, place: place ?? "" } : null;
}
