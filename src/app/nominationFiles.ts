import { raise } from "../domain/codes";
import { hasErrors, type Issue, type Message } from "../domain/issues";
import { foldDiacritics } from "../domain/text";
import type { ExcelHost } from "../excel/host";
import { listLayout } from "../workbook/nomination/listSheet";
import { addresseeOf, recipientLines } from "../workbook/nomination/meetingRecordSheet";
import { meetingLayout } from "../workbook/nomination/meetingSheet";
import { submissionLayout } from "../workbook/nomination/submission";
import { achievementLayout, yearEndLayout } from "../workbook/nomination/yearReports";
import { minutesLayout, readMinutesWhen } from "../workbook/voting/minutesSheet";
import { minutesInput, voteSheets } from "./voting";
import { loadNomination } from "./nominationState";
import { achievementInputs, dateOf, listInput, meetingInput, yearEndInput } from "./nominationInputs";

/** An ASCII file-name part: "Sở Văn hóa" → "so-van-hoa". */
export const asciiSlug = (s: string): string =>
  foldDiacritics(s)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");


export interface OutputFile {
  name: string;
  mime: string;
  bytes: Uint8Array;
  /** What it is, for the pane. */
  label: Message;
  /** What the user should know about this file before sending it (e.g. names a provincial system's list lacks). */
  notes?: Issue[];
}

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * Produces the documents and exports from the workbook as it is now: the submission with the list
 * attached, the review-meeting minutes and each vote's count minutes (.docx, NĐ 30/2020 form), the
 * list as .xlsx (with its evidence sheet) and .csv, and the list in each provincial system's import
 * template (src/export/formats/, e.g. LIFESOFT's MauTDKT.xlsx) with its notes: award names renamed to
 * the system's own, names its lists lack, columns left to its import dialog; the drafts of each
 * proposed unit's achievement report and of the bloc's year-end report (issue #12). The export modules load only here.
 */
export async function produceFiles(host: ExcelHost, opts: { at?: Date; achievementFormLine?: string } = {}): Promise<{ ok: true; files: OutputFile[]; issues: Issue[] } | { ok: false; issues: Issue[] }> {
  const loaded = await loadNomination(host);
  if (!loaded.ok) return loaded;
  const { state } = loaded;
  if (!state.bloc) return { ok: false, issues: [raise("nomination.noBloc", {})] };
  if (hasErrors(state.issues)) return { ok: false, issues: state.issues };
  const at = opts.at ?? new Date();
  const [{ layoutsToDocx }, { listXlsx, listCsv }, formats] = await Promise.all([import("../export/docx"), import("../export/listExports"), import("../export/importFormat")]);
  const year = state.bloc.year;
  const d = dateOf(state.meeting, at);
  const bases = [...new Set(state.list.map((p) => state.catalogue.awards.find((a) => a.id === p.awardId)?.legalBasis ?? "").filter(Boolean))];
  const files: OutputFile[] = [];
  const submission = submissionLayout({
    bloc: { name: state.bloc.name, province: state.bloc.province, year, leader: state.bloc.leader },
    place: state.bloc.province,
    at: d,
    number: state.meeting.submissionNumber || undefined,
    proposals: state.list,
    addressee: addresseeOf(state.meeting, state.bloc.province),
    recipients: recipientLines(state.meeting),
    catalogueBasis: bases,
  });
  files.push({
    name: `To-trinh-de-nghi-khen-thuong-${year}.docx`,
    mime: DOCX,
    bytes: await layoutsToDocx([{ layout: submission, orientation: "portrait" }, { layout: listLayout(listInput(state, at)), orientation: "landscape" }], { title: `Tờ trình đề nghị khen thưởng năm ${year}` }),
    label: { vi: "Tờ trình kèm danh sách đề nghị (.docx)", en: "Submission with the list (.docx)" },
  });
  files.push({
    name: `Bien-ban-hop-binh-xet-${year}.docx`,
    mime: DOCX,
    bytes: await layoutsToDocx([{ layout: meetingLayout(meetingInput(state, at)), orientation: "portrait" }], { title: `Biên bản họp bình xét năm ${year}` }),
    label: { vi: "Biên bản họp bình xét (.docx)", en: "Review meeting minutes (.docx)" },
  });
  for (const c of Object.values(state.counts)) {
    if (!c.final && !c.result.conclusion.revote) continue;
    // One date for one count (issue #14 item 2): the minutes sheet's own date, time and place when it
    // exists (the .docx prints the sheet); else as the meeting (when recorded), the day the votes were counted.
    const ms = state.read.byName[voteSheets(c.record.id).minutes.sheet];
    const onSheet = ms?.exists ? readMinutesWhen(ms) : null;
    const when = state.meeting.date ? new Date(state.meeting.date.year, state.meeting.date.month - 1, state.meeting.date.day, state.meeting.time?.hour ?? at.getHours(), state.meeting.time?.minute ?? at.getMinutes()) : at;
    const input = minutesInput(c, state.bloc, { at: when });
    const layout = minutesLayout(onSheet ? { ...input, at: onSheet.at, place: onSheet.place || input.place } : input);
    files.push({
      name: `Bien-ban-kiem-phieu-${c.record.id}.docx`,
      mime: DOCX,
      bytes: await layoutsToDocx([{ layout, orientation: "portrait" }], { title: `Biên bản kiểm phiếu ${c.record.id}` }),
      label: { vi: `Biên bản kiểm phiếu ${c.record.id}: ${c.record.vote.title} (.docx)`, en: `Vote-count minutes ${c.record.id} (.docx)` },
    });
  }
  const slugs = new Set<string>();
  for (const input of achievementInputs(state, at, opts.achievementFormLine)) {
    let slug = asciiSlug(input.unit) || "don-vi";
    for (let k = 2; slugs.has(slug); k++) slug = `${asciiSlug(input.unit) || "don-vi"}-${k}`;
    slugs.add(slug);
    files.push({
      name: `Bao-cao-thanh-tich-${slug}-${year}.docx`,
      mime: DOCX,
      bytes: await layoutsToDocx([{ layout: achievementLayout(input), orientation: "portrait" }], { title: `Báo cáo thành tích năm ${year}: ${input.unit}` }),
      label: { vi: `Báo cáo thành tích (dự thảo): ${input.unit} (.docx)`, en: `Achievement report (draft): ${input.unit} (.docx)` },
    });
  }
  files.push({
    name: `Bao-cao-tong-ket-${year}.docx`,
    mime: DOCX,
    bytes: await layoutsToDocx([{ layout: yearEndLayout(yearEndInput(state, at)), orientation: "portrait" }], { title: `Báo cáo tổng kết năm ${year}` }),
    label: { vi: "Báo cáo tổng kết năm của khối (dự thảo, .docx)", en: "The bloc's year-end report (draft, .docx)" },
  });
  files.push({ name: `Danh-sach-de-nghi-${year}.xlsx`, mime: XLSX, bytes: await listXlsx(state.list, {}), label: { vi: "Danh sách kèm trang Chi tiết (.xlsx)", en: "List with its evidence sheet (.xlsx)" } });
  files.push({ name: `Danh-sach-de-nghi-${year}.csv`, mime: "text/csv", bytes: listCsv(state.list, {}), label: { vi: "Danh sách (.csv, UTF-8)", en: "List (.csv, UTF-8)" } });
  // A format file that does not check out is reported, and the other files are still offered.
  const broken: Issue[] = [];
  for (const raw of formats.FORMAT_FILES) {
    const parsed = formats.parseFormat(raw);
    const out = parsed.format ? await formats.formatXlsx(parsed.format, state.list, {}) : { bytes: null, issues: parsed.issues };
    if (!parsed.format || !out.bytes) broken.push(...out.issues);
    else files.push({ name: formats.formatFileName(parsed.format, year), mime: XLSX, bytes: out.bytes, label: parsed.format.label, notes: out.issues });
  }
  return { ok: true, files, issues: [...state.issues, ...broken] };
}
