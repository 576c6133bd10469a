import { count2, DocBuilder, LEADER_TITLE, numberLine, SIGN_STAMP_HINT, type DocLayout } from "../../domain/documents";
import type { Proposal } from "../../domain/nomination/model";
import { cleanText, foldDiacritics, nameKey } from "../../domain/text";
import { groupProposals, SUBMISSION_SYMBOL } from "./listSheet";
import { defaultAddressee, recipientLines } from "./meetingRecordSheet";

/**
 * The bloc's submission (tờ trình, Luật TĐKT 2022 Đ84, DOMAIN §5) proposing the year's awards to
 * the provincial council, as a document layout (A4 portrait, NĐ 30 header) for the Word export or
 * `layoutSheetPlan`. The legal bases are the catalogue's editable text, never constants here.
 */

export interface SubmissionInput {
  bloc: { name: string; province: string; year: number; leader: string };
  place: string;
  at: { day: number; month: number; year: number };
  /** "12" or "12/TTr-KTĐ"; dots to fill by hand when absent. */
  number?: string;
  proposals: Proposal[];
  /** The catalogue's legal bases (one or several lines each), printed as "Căn cứ …" lines, duplicates once. */
  catalogueBasis: string[];
  /** Who signs for the bloc leader, printed under the signature. */
  leaderName?: string;
  /** "Kính gửi": the meeting record's setting; the provincial council when absent (DOMAIN §5). */
  addressee?: string;
  /** "Nơi nhận" lines as printed ("- Như trên;" …); the defaults when absent. */
  recipients?: string[];
}

export const SUBMISSION_TITLE = "TỜ TRÌNH";
export const ATTACHED = "(Có danh sách kèm theo)";
/** Portrait: the header's left and right halves (467 points in all). */
export const SUBMISSION_WIDTHS = [195, 272];

/** "Số: 12/TTr-KTĐ" from "12", a full number kept, dots when absent. */
export const submissionNumber = (number?: string): string => numberLine(number, SUBMISSION_SYMBOL);

/** The catalogue's bases as "Căn cứ …;" lines: split on line breaks, cleaned, duplicates (case-, space-insensitive) once, in order. */
export function basisLines(bases: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of bases) {
    for (const part of raw.split(/\r?\n/)) {
      let t = cleanText(part).replace(/[;,.]+$/, "");
      if (!t) continue;
      t = foldDiacritics(t).startsWith("can cu") ? `Căn cứ ${t.slice("căn cứ".length).trim()}` : `Căn cứ ${t}`;
      const key = nameKey(t);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(`${t};`);
    }
  }
  return out;
}

export function submissionLayout(input: SubmissionInput): DocLayout {
  const { bloc } = input;
  const b = new DocBuilder(SUBMISSION_WIDTHS, { col: 0, span: 1 }, { col: 1, span: 1 });
  const council = cleanText(input.addressee ?? "") || defaultAddressee(bloc.province);
  const blocName = cleanText(bloc.name);

  b.header(bloc.name, bloc.leader);
  b.numberAndDate(submissionNumber(input.number), input.place, input.at);
  b.title(SUBMISSION_TITLE, [`Về việc đề nghị khen thưởng năm ${bloc.year}`], { rule: true, after: 6 });
  b.line(`Kính gửi: ${council}.`, { align: "Center" });
  b.space(6);
  for (const l of basisLines(input.catalogueBasis)) b.line(l, { italic: true });

  const awards = groupProposals(input.proposals).flatMap((g) => g.awards);
  const units = new Set(awards.flatMap((a) => a.proposals.map((p) => nameKey(p.unit)))).size;
  const counts = awards.map((a) => `${a.award}: ${count2(a.proposals.length)} tập thể`).join("; ");
  b.line(
    `${blocName} đã tổ chức hội nghị bình xét thi đua, khen thưởng năm ${bloc.year}. ` +
      `Trên cơ sở kết quả chấm điểm, xếp hạng theo bảng tiêu chí thi đua của khối và kết quả bỏ phiếu kín của các đơn vị thành viên, ` +
      `Trưởng khối kính đề nghị ${council} xem xét, ` +
      (awards.length
        ? `trình cấp có thẩm quyền khen thưởng cho ${count2(units)} tập thể có thành tích xuất sắc năm ${bloc.year}, gồm: ${counts}. Cụ thể:`
        : `ghi nhận kết quả bình xét năm ${bloc.year}: khối không đề nghị tập thể nào.`),
  );
  awards.forEach((a, i) => {
    b.line(`${i + 1}. ${a.award} (${count2(a.proposals.length)} tập thể):`, { bold: true });
    a.proposals.forEach((p, k) => b.line(`- ${cleanText(p.unit)}${k === a.proposals.length - 1 ? "." : ";"}`));
  });
  if (awards.length) b.line(ATTACHED, { italic: true });
  b.line(`Kính trình ${council} xem xét, quyết định./.`);
  b.space(12);
  b.signWithRecipients(input.recipients ?? recipientLines({ recipients: [] }), LEADER_TITLE, SIGN_STAMP_HINT, input.leaderName ?? "");
  return b.layout("Portrait");
}
