import type { CriteriaTable } from "../../domain/criteria/model";
import type { Pact, Registration } from "../../domain/start/model";
import { DocBuilder, DOTS, LEADER_TITLE, SIGN_STAMP_HINT, upper, type DocLayout } from "../../domain/documents";
import { cleanText } from "../../domain/text";
import { LIST_RECIPIENTS } from "../nomination/listSheet";
import { HEAD_TITLE, pactCriteriaRows, signaturePairs } from "./pactSheet";

/**
 * The start-of-year documents (issue #12 point 1) as document layouts (A4 portrait, NĐ 30/2020
 * header, Times New Roman) for the Word export, like the year-end documents:
 *
 * - the **giao ước thi đua** (emulation pact, seed 001): the bloc's header, place and date, the
 *   year's theme, the numbered commitments, the criteria table as agreed (sections and criteria with
 *   their max points) and a table of signatures, one block per member unit's head, two to a row;
 * - the **danh sách đăng ký thi đua** (registration list): one row per member, the awards it
 *   registers for and its targets, signed by the bloc leader.
 *
 * Every name and figure comes in through the inputs, which the app reads from the workbook.
 */

export interface StartBlocHead {
  name: string;
  province: string;
  year: number;
  leader: string;
}

export interface PactDocInput {
  bloc: StartBlocHead;
  members: string[];
  pact: Pact;
  criteria: CriteriaTable | null;
  /** The date printed when the pact has none (the day the file is made). */
  at: { day: number; month: number; year: number };
}

export const PACT_DOC_TITLE = "GIAO ƯỚC THI ĐUA";
export const LAW_BASIS = "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;";
export const SIGNERS_HEADING = "ĐẠI DIỆN CÁC ĐƠN VỊ THÀNH VIÊN KÝ GIAO ƯỚC";
/** Portrait printable width (467 points): STT, the text (two columns), the points; the halves are columns 0–1 and 2–3. */
export const PACT_WIDTHS = [32, 201, 134, 100];

const HINT = { italic: true } as const;

export function pactLayout(input: PactDocInput): DocLayout {
  const { bloc, pact } = input;
  const year = bloc.year;
  const blocName = cleanText(bloc.name);
  const b = new DocBuilder(PACT_WIDTHS, { col: 0, span: 2 }, { col: 2, span: 2 });
  const cell = b.cell.bind(b);
  b.header(null, blocName);
  b.numberAndDate("", cleanText(pact.place) || cleanText(bloc.province), pact.signedOn ?? input.at);
  const theme = cleanText(pact.theme) ? [{ text: `Chủ đề thi đua: “${cleanText(pact.theme)}”`, style: { bold: true, italic: true, align: "Center" } as const }] : [];
  b.title(PACT_DOC_TITLE, [`Năm ${year}`, ...theme], { rule: true, after: 6 });
  b.line(LAW_BASIS, HINT);
  if (input.criteria && cleanText(input.criteria.legalBasis)) b.line(`Căn cứ ${cleanText(input.criteria.legalBasis).replace(/^căn cứ\s+/i, "").replace(/[;.]+$/, "")};`, HINT);
  b.line(`Các đơn vị thành viên ${blocName} thống nhất ký kết giao ước thi đua năm ${year} với các nội dung sau:`);
  b.line("I. NỘI DUNG GIAO ƯỚC", { bold: true });
  if (pact.commitments.length === 0) b.line(DOTS, HINT);
  pact.commitments.forEach((c, i) => b.line(`${i + 1}. ${cleanText(c)}`));
  b.line("II. BẢNG TIÊU CHÍ CHẤM ĐIỂM THI ĐUA", { bold: true });
  if (!input.criteria) b.line("(Bảng tiêu chí kèm theo.)", HINT);
  else {
    const first = b.push({ kind: "tableHeader", pieces: [cell(0, "STT", { bold: true, align: "Center" }), cell(1, "Nội dung tiêu chí", { bold: true, align: "Center" }, 2), cell(3, "Điểm chuẩn", { bold: true, align: "Center" })] });
    for (const r of pactCriteriaRows(input.criteria)) {
      const s = r.section ? { bold: true } : {};
      b.push({ kind: "tableRow", pieces: [cell(0, r.number, { ...s, align: "Center" }), cell(1, r.text, s, 2), cell(3, r.points, { ...s, align: "Center" })] });
    }
    b.push({ kind: "tableRow", pieces: [cell(1, "Tổng điểm chuẩn", { bold: true }, 2), cell(3, input.criteria.scale, { bold: true, align: "Center" })] });
    b.table(first);
  }
  b.line("III. TỔ CHỨC THỰC HIỆN", { bold: true });
  b.line(`Các đơn vị đăng ký thi đua với ${blocName} (danh sách kèm theo); chấm điểm, bình xét cuối năm theo bảng tiêu chí trên. Giao ước có hiệu lực từ ngày ký.`);
  b.space(12);
  b.line(SIGNERS_HEADING, { bold: true, align: "Center" });
  b.space(6);
  // The table of signatures: one block per member unit's head, two to a row (as pacts are signed).
  const head = (unit: string) => ({ title: [HEAD_TITLE, upper(unit)], hint: SIGN_STAMP_HINT });
  for (const [l, r] of signaturePairs(input.members.map(cleanText))) b.signatures(head(l), r ? head(r) : null, 56);
  return b.layout("Portrait", b.tables[0]);
}

export interface RegistrationDocInput {
  bloc: StartBlocHead;
  /** One per member, in roster order; awards as names. */
  registrations: { unit: string; awards: string[]; targets: string }[];
  at: { day: number; month: number; year: number };
  place: string;
}

export const REGISTRATION_DOC_TITLE = "DANH SÁCH ĐĂNG KÝ THI ĐUA";
export const REGISTRATION_DOC_HEADERS = ["STT", "Đơn vị", "Danh hiệu thi đua, hình thức khen thưởng đăng ký", "Chỉ tiêu đăng ký"] as const;
export const NOT_REGISTERED = "Chưa đăng ký";
export const REGISTRATION_WIDTHS = [32, 140, 140, 155];

export function registrationLayout(input: RegistrationDocInput): DocLayout {
  const { bloc } = input;
  const b = new DocBuilder(REGISTRATION_WIDTHS, { col: 0, span: 2 }, { col: 2, span: 2 });
  const cell = b.cell.bind(b);
  b.header(null, cleanText(bloc.name));
  b.numberAndDate("", cleanText(input.place) || cleanText(bloc.province), input.at);
  b.title(REGISTRATION_DOC_TITLE, [`Năm ${bloc.year}`], { rule: true, after: 6 });
  const first = b.tableHeader(REGISTRATION_DOC_HEADERS);
  input.registrations.forEach((r, i) =>
    b.push({
      kind: "tableRow",
      pieces: [
        cell(0, i + 1, { align: "Center", numberFormat: "0" }),
        cell(1, cleanText(r.unit)),
        cell(2, r.awards.length ? r.awards.map(cleanText).join("; ") : NOT_REGISTERED, r.awards.length ? {} : HINT),
        cell(3, r.targets.trim()),
      ],
    }),
  );
  const table = b.table(first);
  b.space(12);
  // Signed by the bloc leader (the unit on "Khối" leads; its head signs, name left to fill in).
  b.signWithRecipients(LIST_RECIPIENTS, `${LEADER_TITLE}\n${upper(bloc.leader)}`, SIGN_STAMP_HINT, "");
  return b.layout("Portrait", table, { first, count: 1 });
}

/** Registrations with award ids → names (ids the catalogue does not have stay as they are). */
export function withAwardNames(registrations: readonly Registration[], awards: readonly { id: string; name: string }[]): RegistrationDocInput["registrations"] {
  return registrations.map((r) => ({ unit: r.unit, awards: r.awards.map((id) => awards.find((a) => a.id === id)?.name ?? id), targets: r.targets }));
}
