import { clockText, DocBuilder, layoutText, NAME_DOTS, SIGN_HINT, type BaseLayout, type DocLayout, type DocPiece, type DocRow, type PieceStyle } from "../../domain/documents";
import { formatDateLong, formatNumber, formatPercent, thresholdPhrase } from "../../domain/format";
import type { Message } from "../../domain/issues";
import { cleanText, nameKey } from "../../domain/text";
import { DENOMINATOR_WORDS, INVALID_REASON_LABELS, INVALID_REASONS, maxChoices, ruleSourceText, ruleText, tieRuleText, voteWord, type Vote } from "../../domain/voting/model";
import { applyMeeting, type VoteRecord } from "../../domain/voting/record";
import type { TallyResult, TieStepRecord } from "../../domain/voting/tally";
import { layoutSheetPlan } from "../documents";
import type { SheetPlan } from "../plan";

// The documents machinery moved to domain/documents and workbook/documents (issue #13); these names stay for callers of this path.
export { MOTTO, NATIONAL_TITLE } from "../../domain/documents";
export type MinutesRow = DocRow;
export type MinutesLayout = BaseLayout;

/**
 * The vote-count minutes (biên bản kiểm phiếu, DOMAIN §4) as a print-ready sheet: header, the
 * counting committee, attendance, ballots, the result per candidate, the rule, the tie and how it
 * was settled, the conclusion, the fingerprint of the entered ballots and the signatures.
 * Everything is a value: the minutes record a count at a moment, they do not follow later edits.
 * The document format follows NĐ 30/2020/NĐ-CP (DOMAIN §5): Times New Roman, A4 portrait,
 * margins 20/20/30/15 mm, the agency name left and the national title right.
 *
 * One layout (`minutesLayout`, domain/documents) feeds the sheet, Word and plain-text renderers, so they never differ.
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

import { MINUTES_OUTCOME_WORDS } from "../../domain/voting/terms";

export { MINUTES_OUTCOME_WORDS as OUTCOME_TEXT };

export const MINUTES_TITLE = "BIÊN BẢN KIỂM PHIẾU";
export const FINGERPRINT_LABEL = "Mã kiểm tra (SHA-256) của dữ liệu phiếu:";

const share = (percent: number, comparison: ">=" | ">") => thresholdPhrase(percent, comparison);
const list = (names: readonly string[]) => names.map(cleanText).join(", ");
const MAX_REASONS = 10;

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
        .map(([n, s]) => `${cleanText(n)} ${formatNumber(s)} điểm`)
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
export function minutesLayout(input: MinutesInput): DocLayout {
  const { record, result, bloc, at } = input;
  const vote = record.vote;
  const t = result.totals;
  const concluded = result.conclusion.concluded;
  const withAgainst = result.candidates.some((c) => c.against !== null);
  const widths = widthsFor(withAgainst);
  const cols = widths.length;
  const b = new DocBuilder(widths, { col: 0, span: 2 }, { col: 2, span: cols - 2 });
  const line = (value: string, style: PieceStyle = {}) => b.line(value, style);
  const heading = (value: string) => line(value, { bold: true });

  // ---- Heading (NĐ 30/2020): the bloc left, the national title and motto right; the place and date; the title.
  b.header(null, bloc.name);
  b.dateLine(input.place, at);
  const runoffRound = vote.parent?.kind === "runoff";
  const subs: (string | { text: string; style: PieceStyle })[] = cleanText(vote.title) ? [cleanText(vote.title)] : [];
  if (vote.round > 1) {
    const what = runoffRound ? "bầu lại giữa các đơn vị có số phiếu cao nhất" : "bỏ phiếu lại";
    subs.push({ text: vote.parent ? `Vòng ${vote.round} (${what}, tiếp theo vòng ${vote.parent.round})` : `Vòng ${vote.round} (${what})`, style: { italic: true, align: "Center" } });
  }
  b.title(MINUTES_TITLE, subs);

  // ---- Time and place.
  line(
    `Hồi ${clockText(at.hour, at.minute)}, ${formatDateLong(at)}, tại hội nghị bình xét thi đua năm ${bloc.year} của ${cleanText(bloc.name)}, ` +
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
  line(`1. ${head || NAME_DOTS} – Trưởng ban`);
  members.forEach((m, i) => line(`${i + 2}. ${m} – Thành viên`));

  // ---- II. Attendance and ballots.
  heading("II. TÌNH HÌNH BỎ PHIẾU");
  line("- Hình thức: bỏ phiếu kín.");
  line(`- Tổng số thành viên được triệu tập: ${t.members}.`);
  line(`- Số thành viên có mặt: ${t.present}, bằng ${formatPercent(t.presentPercent)}% tổng số thành viên.`);
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
  const cell = (col: number, value: string | number, style: PieceStyle = {}): DocPiece => b.cell(col, value, style);
  const head2 = [cell(0, "STT"), cell(1, "Đơn vị"), cell(2, vote.ballot.kind === "approve" ? "Số phiếu đồng ý" : "Số phiếu bầu")];
  if (withAgainst) head2.push(cell(3, "Không đồng ý"));
  head2.push(cell(cols - 2, "Tỷ lệ (%)"), cell(cols - 1, "Kết quả"));
  head2.forEach((p) => (p.style = { bold: true, align: "Center" }));
  const tableFirst = b.push({ kind: "tableHeader", pieces: head2 });
  const award = vote.purpose.kind === "award";
  // The meeting's recorded choice on a tie left to it: the tied units' results say who was chosen.
  const decided = applyMeeting(result.conclusion.meetingDecides, result.conclusion.elected, record.meeting);
  const chosenByMeeting = new Set(decided.decided && result.conclusion.meetingDecides ? decided.elected.map(nameKey) : []);
  const outcomeOf = (c: TallyResult["candidates"][number]): string => {
    if (!concluded) return MINUTES_OUTCOME_WORDS.unconcluded;
    if (c.outcome === "meetingDecides" && decided.decided) {
      const chosen = chosenByMeeting.has(nameKey(c.name));
      return (chosen ? (award ? MINUTES_OUTCOME_WORDS.electedAward : MINUTES_OUTCOME_WORDS.elected) : award ? MINUTES_OUTCOME_WORDS.notElected : MINUTES_OUTCOME_WORDS.notElectedLeader) + MINUTES_OUTCOME_WORDS.byMeeting;
    }
    return c.outcome === "elected" && award ? MINUTES_OUTCOME_WORDS.electedAward : MINUTES_OUTCOME_WORDS[c.outcome];
  };
  for (const c of result.candidates) {
    const outcome = outcomeOf(c);
    const pieces = [cell(0, c.position, { align: "Center", numberFormat: "0" }), cell(1, cleanText(c.name), { align: "Left" }), cell(2, c.votes, { align: "Center", numberFormat: "0" })];
    if (withAgainst) pieces.push(cell(3, c.against ?? 0, { align: "Center", numberFormat: "0" }));
    pieces.push(cell(cols - 2, c.percent, { align: "Center", numberFormat: "0.00" }), cell(cols - 1, outcome, { align: "Center", bold: concluded && (c.outcome === "elected" || chosenByMeeting.has(nameKey(c.name))) }));
    b.push({ kind: "tableRow", pieces });
  }
  const table = b.table(tableFirst, cols - 2);
  b.space(6);
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
        line(`${i + 1}. ${cleanText(name)}${c ? `: ${c.votes} ${voteWord(vote).vi} (${formatPercent(c.percent)}%)` : ""}.`);
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
  b.space();
  line(`${FINGERPRINT_LABEL} ${input.fingerprint.toLowerCase()}`);
  line("Mọi thay đổi về sau đối với dữ liệu phiếu đã nhập đều làm thay đổi mã kiểm tra này; đối chiếu mã để biết dữ liệu còn nguyên như lúc kiểm phiếu.", { italic: true });
  line("Biên bản kết thúc hồi ……… giờ ……… phút cùng ngày, đã được đọc trước hội nghị và các thành viên Ban kiểm phiếu cùng ký tên.");
  b.space(12);
  b.signatures({ title: "THƯ KÝ", hint: SIGN_HINT, name: "" }, { title: "TRƯỞNG BAN KIỂM PHIẾU", hint: SIGN_HINT, name: head }, 64);
  if (members.length) {
    b.space(18);
    b.line("CÁC THÀNH VIÊN BAN KIỂM PHIẾU", { bold: true, align: "Center" }, "signature");
    b.line(SIGN_HINT, { italic: true, align: "Center" }, "signature");
    for (let i = 0; i < members.length; i += 2) {
      b.space(64);
      b.halves("signature", members[i], members[i + 1] ?? "", { bold: true, align: "Center" });
    }
  }
  return b.layout("Portrait", table);
}

// ---- The renderers (shared with every document).

/** The minutes' lines as plain text: one line per row, the cells of a row (header halves, table cells) joined by a tab. */
export function minutesText(input: MinutesInput): string[] {
  return layoutText(minutesLayout(input));
}

export function minutesSheetPlan(input: MinutesInput): SheetPlan {
  return layoutSheetPlan(minutesLayout(input), input.sheet);
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
