import { formatNumber } from "../../domain/format";
import { DocBuilder, DOTS, LEADER_TITLE, numberedDate, SIGN_STAMP_HINT, symbolNumber, type DocLayout, type DocPiece, type PieceStyle } from "../../domain/documents";
import type { AwardKind, Proposal } from "../../domain/nomination/model";
import { cleanText, nameKey } from "../../domain/text";
import { cellAddress } from "../a1";
import { layoutSheetPlan } from "../documents";
import type { SheetPlan } from "../plan";

// The documents machinery moved to domain/documents and workbook/documents (issue #13); re-exported for callers of this path.
export { LANDSCAPE_PAGE, layoutText, PORTRAIT_PAGE, provinceName, type DocLayout } from "../../domain/documents";
export { layoutSheetPlan } from "../documents";
/** A number as written (decimal comma, no grouping). */
export const viNum = (x: number): string => formatNumber(x);
/** The symbol of the bloc's submissions: "Số: 12/TTr-KTĐ". */
export const SUBMISSION_SYMBOL = "TTr-KTĐ";

/**
 * The nomination list (danh sách đề nghị khen thưởng, DOMAIN §5) attached to the bloc's
 * submission: the proposed units grouped by kind (danh hiệu thi đua / hình thức khen thưởng) and
 * award, with the evidence (total score, rank, votes for over the denominator, percent) and the
 * meeting's reason where it overrode the engine. A4 landscape (NĐ 30/2020 allows it for tables).
 *
 * The document is one layout (domain/documents) that the sheet, Word and text renderers share. With `links`, the evidence cells are live formulas over
 * the summary ("Tổng hợp") and the votes' results blocks, so a changed score or ballot updates
 * the list (rule 2); the layout keeps the values of the moment as each formula's fallback.
 */

/** The proposed units grouped by kind (titles first) and award (in order of first appearance), each in the given order. */
export interface AwardGroup {
  awardId: string;
  award: string;
  kind: AwardKind;
  proposals: Proposal[];
}

export const KIND_HEADINGS: Record<AwardKind, string> = { title: "DANH HIỆU THI ĐUA", reward: "HÌNH THỨC KHEN THƯỞNG" };
const ROMAN = ["I", "II", "III", "IV", "V"];
export const roman = (i: number): string => ROMAN[i] ?? String(i + 1);

export function groupProposals(proposals: readonly Proposal[]): { kind: AwardKind; awards: AwardGroup[] }[] {
  const out: { kind: AwardKind; awards: AwardGroup[] }[] = [];
  for (const kind of ["title", "reward"] as const) {
    const awards: AwardGroup[] = [];
    const byKey = new Map<string, AwardGroup>();
    for (const p of proposals) {
      if (!p.proposed || p.kind !== kind) continue;
      const key = cleanText(p.awardId) || nameKey(p.award);
      let g = byKey.get(key);
      if (!g) {
        g = { awardId: p.awardId, award: cleanText(p.award), kind, proposals: [] };
        byKey.set(key, g);
        awards.push(g);
      }
      g.proposals.push(p);
    }
    if (awards.length) out.push({ kind, awards });
  }
  return out;
}

// ---- The list.

/**
 * Where the list's evidence comes from. Each range is a workbook name over a results table, with
 * 1-based columns inside it. MATCH looks the unit up in INDEX(<name>,0,<keyCol>) (Excel's whole-column
 * form); `keyRange`, when given, is that key column as a qualified range ("'Tổng hợp'!$B$6:$B$13") and
 * is used instead: HyperFormula (the in-memory host) cannot evaluate INDEX with a row of 0.
 */
export interface ListLinks {
  /** The summary's results range (e.g. "BX_TongHop") and the 1-based columns of the unit, total and rank within it. */
  summary: { name: string; unitCol: number; totalCol: number; rankCol: number; keyRange?: string };
  /** Per vote id: its results range (e.g. "BX_Phieu_V1_KetQua") and the 1-based columns of the name, votes and percent within it. */
  votes: Record<string, { name: string; nameCol: number; votesCol: number; percentCol: number; keyRange?: string }>;
}

export interface ListInput {
  sheet: string;
  bloc: { name: string; province: string; year: number; leader: string };
  place: string;
  at: { day: number; month: number; year: number };
  /** The proposed list in order (entries not `proposed` are left out). */
  proposals: Proposal[];
  links?: ListLinks;
  /** "Nơi nhận" lines as printed; LIST_RECIPIENTS when absent. */
  recipients?: string[];
  /** The bloc leader's signer, printed under the signature; empty leaves the space. */
  leaderName?: string;
  /** The submission's number ("12/TTr-KTĐ" or "12"), dated `at`; empty leaves dots to fill in. */
  submissionNumber?: string;
}

export const LIST_TITLE = "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG";
export const LIST_HEADERS = [
  "STT",
  "Tên đơn vị",
  "Danh hiệu / Hình thức khen thưởng",
  "Tổng điểm",
  "Xếp hạng",
  "Phiếu đồng ý / mẫu số",
  "Tỷ lệ (%)",
  "Ghi chú",
] as const;
/** The list's columns (0-based). */
export const LIST_COLS = { stt: 0, unit: 1, award: 2, total: 3, rank: 4, votes: 5, percent: 6, note: 7 } as const;
/** Widths (points) filling the landscape printable width (714). */
export const LIST_WIDTHS = [32, 190, 150, 58, 50, 70, 52, 112];
/** The list's default "Nơi nhận" (no body named that a province may not have, DOMAIN §5). */
export const LIST_RECIPIENTS = ["- Các đơn vị trong khối;", "- Lưu: VT."];
export const MEETING_DECIDED = "Hội nghị quyết định";
export const EMPTY_LIST = "Không có đơn vị nào được đề nghị khen thưởng.";

/** "Hội nghị quyết định: <reason>" for an overridden proposal, "" otherwise. */
export const overrideNote = (p: Pick<Proposal, "override">): string => (p.override ? `${MEETING_DECIDED}: ${cleanText(p.override.reason) || DOTS}` : "");

/** INDEX(range,MATCH(key,INDEX(range,0,keyCol),0),col): the value in `col` on the row whose `keyCol` holds `key` (MATCH in `keyRange` when given). */
export const lookupFormula = (range: string, keyCol: number, key: string, col: number, keyRange?: string): string =>
  `INDEX(${range},MATCH(${key},${keyRange ?? `INDEX(${range},0,${keyCol})`},0),${col})`;

/** "5/8", "5" without a denominator, "" without votes. */
const votesText = (p: Proposal): string => (p.votes === null ? "" : p.denominator === null ? String(p.votes) : `${p.votes}/${p.denominator}`);

export function listLayout(input: ListInput): DocLayout {
  const { bloc, links } = input;
  const C = LIST_COLS;
  const b = new DocBuilder(LIST_WIDTHS, { col: 0, span: 3 }, { col: 3, span: 5 });
  const cell = (col: number, value: string | number, style: PieceStyle = {}, formula?: string): DocPiece =>
    formula ? { col, span: 1, value, style, formula } : { col, span: 1, value, style };

  b.header(bloc.name, bloc.leader);
  b.numberAndDate("", input.place, input.at);
  const kem = `(Kèm theo Tờ trình số ${symbolNumber(input.submissionNumber, SUBMISSION_SYMBOL)} ngày ${numberedDate(input.submissionNumber, input.at)} của Trưởng ${cleanText(bloc.name)})`;
  b.title(`${LIST_TITLE} NĂM ${bloc.year}`, [{ text: kem, style: { italic: true, align: "Center" } }], { before: 10, after: 10 });

  const first = b.tableHeader(LIST_HEADERS);
  const groups = groupProposals(input.proposals);
  let n = 0;
  groups.forEach((g, k) => {
    b.line(`${roman(k)}. ${KIND_HEADINGS[g.kind]}`, { bold: true }, "tableRow");
    for (const a of g.awards) {
      b.line(a.award, { bold: true, italic: true }, "tableRow");
      for (const p of a.proposals) {
        const r = b.rows.length;
        const unitRef = cellAddress(r, C.unit);
        const s = links?.summary;
        const v = p.voteId ? links?.votes[p.voteId] : undefined;
        const num = (x: number | null) => (x === null ? "" : x);
        const votesFormula = v ? `=${lookupFormula(v.name, v.nameCol, unitRef, v.votesCol, v.keyRange)}${p.denominator === null ? "" : `&"/"&${p.denominator}`}` : undefined;
        b.push({
          kind: "tableRow",
          pieces: [
            cell(C.stt, ++n, { align: "Center", numberFormat: "0" }),
            cell(C.unit, cleanText(p.unit)),
            cell(C.award, cleanText(p.award)),
            cell(C.total, num(p.total), { align: "Center", numberFormat: "0.00" }, s ? `=${lookupFormula(s.name, s.unitCol, unitRef, s.totalCol, s.keyRange)}` : undefined),
            cell(C.rank, num(p.rank), { align: "Center", numberFormat: "0" }, s ? `=${lookupFormula(s.name, s.unitCol, unitRef, s.rankCol, s.keyRange)}` : undefined),
            cell(C.votes, votesText(p), { align: "Center" }, votesFormula),
            cell(C.percent, num(p.percent), { align: "Center", numberFormat: "0.00" }, v ? `=${lookupFormula(v.name, v.nameCol, unitRef, v.percentCol, v.keyRange)}` : undefined),
            cell(C.note, overrideNote(p)),
          ],
        });
      }
    }
  });
  if (n === 0) b.line(EMPTY_LIST, { italic: true, align: "Center" }, "tableRow");
  const table = b.table(first, C.percent);
  b.space(12);
  b.signWithRecipients(input.recipients ?? LIST_RECIPIENTS, LEADER_TITLE, SIGN_STAMP_HINT, input.leaderName ?? "");
  return b.layout("Landscape", table, { first, count: 1 });
}

export function listSheetPlan(input: ListInput): SheetPlan {
  return layoutSheetPlan(listLayout(input), input.sheet, "#00B050");
}
