import { readFailed } from "../failures";
import { raise } from "../../domain/codes";
import type { Issue } from "../../domain/issues";
import { checkPrintCount, defaultPrintCount } from "../../domain/voting/print";
import type { VoteRecord } from "../../domain/voting/record";
import type { ExcelHost } from "../../excel/host";
import { readWorkbook, type WorkbookRead } from "../../excel/read";
import { ballotsPerPage, printBallotsPlan, printSheetEdits, type PrintBallotsOptions } from "../../workbook/voting/printSheet";
import { ballotPages } from "../../workbook/voting/printDoc";
import { VOTE_SHEET } from "../../workbook/voting/voteSheet";
import type { OutputFile } from "../nominationFiles";
import { BASE_READ, contextOf, gridOf, voteSheets, write, type WriteOutcome } from "./shared";

/**
 * The printable ballots of a vote (issue #14 item 7): laid out again on "In phiếu V<n>" with a
 * chosen number of ballots, or downloaded as a .docx of the same ballots. The count defaults to the
 * ballots issued, else those present; a sheet edited since it was laid out is replaced only when
 * the user confirms (its old values are kept as "In phiếu V<n> (cũ)").
 */

export interface PrintOptions {
  /** Ballots to lay out, as typed ("" or absent: the default). */
  count?: string | number;
  /** The user agreed to replace an edited print sheet. */
  confirm?: boolean;
}

export type PrintOutcome = WriteOutcome | { kind: "confirm"; issues: Issue[] };

type Prepared = { ok: true; read: WorkbookRead; record: VoteRecord; opts: PrintBallotsOptions } | { ok: false; kind: "invalid" | "failed"; issues: Issue[] };

async function prepare(host: ExcelHost, id: string, given: PrintOptions["count"]): Promise<Prepared> {
  let read: WorkbookRead;
  try {
    read = await readWorkbook(host, { ...BASE_READ, sheets: [...BASE_READ.sheets, voteSheets(id).print.sheet] });
  } catch (e) {
    return { ok: false, kind: "failed", issues: [readFailed(e)] };
  }
  const ctx = contextOf(read);
  const record = ctx.records.find((r) => r.id === id);
  if (!record) return { ok: false, kind: "invalid", issues: [raise("vote.notFound", { id, sheet: ctx.voteSheet ?? VOTE_SHEET })] };
  if (!ctx.bloc) return { ok: false, kind: "invalid", issues: [raise("vote.print.noBloc", {}), ...ctx.blocIssues] };
  const typed = given === undefined || String(given).trim() === "" ? defaultPrintCount(record) : given;
  const checked = checkPrintCount(typed);
  if (!checked.ok) return { ok: false, kind: "invalid", issues: checked.issues };
  const { name, province, year } = ctx.bloc;
  return { ok: true, read, record, opts: { sheet: voteSheets(id).print.sheet, bloc: { name, province, year }, count: checked.count } };
}

/** Lays out the printable ballots of vote `id` again, with `count` ballots. One read, one write. */
export async function layOutBallots(host: ExcelHost, id: string, options: PrintOptions = {}): Promise<PrintOutcome> {
  const p = await prepare(host, id, options.count);
  if (!p.ok) return { kind: p.kind, issues: p.issues };
  const { read, record, opts } = p;
  const old = read.byName[opts.sheet];
  const edits = old?.exists ? printSheetEdits(record.vote, opts, gridOf(old)) : [];
  if (edits.length && !options.confirm) {
    return { kind: "confirm", issues: [raise("vote.print.edited", { sheet: old.name, cells: edits.join(", ") }, { sheet: old.name, cell: edits[0] })] };
  }
  const plan = printBallotsPlan(record.vote, opts);
  return write(host, read, [plan], {
    activate: plan.name,
    keep: { existing: old?.exists ? { [plan.name]: edits.length ? "keepOld" : "replace" } : undefined, issues: [] },
    log: { action: "Lập phiếu in", object: `${id}: ${record.vote.title}`, counts: `${opts.count} phiếu, ${ballotsPerPage(record.vote, opts)} phiếu/trang` },
  });
}

/** The printable ballots of vote `id` as a .docx (A4, NĐ 30 margins), from the workbook as read; nothing is written. */
export async function ballotsDocx(host: ExcelHost, id: string, options: Pick<PrintOptions, "count"> = {}): Promise<{ ok: true; file: OutputFile } | { ok: false; issues: Issue[] }> {
  const p = await prepare(host, id, options.count);
  if (!p.ok) return { ok: false, issues: p.issues };
  const { layoutsToDocx, DOCX_MIME } = await import("../../export/docx");
  const pages = ballotPages(p.record.vote, p.opts);
  const bytes = await layoutsToDocx(
    pages.map((layout) => ({ layout, orientation: "portrait" as const })),
    { title: `Phiếu bầu ${id}: ${p.record.vote.title}` },
  );
  return { ok: true, file: { name: `Phieu-bau-${id}.docx`, mime: DOCX_MIME, bytes, label: { vi: `Phiếu in sẵn ${id} (${p.opts.count} phiếu, .docx)`, en: `Printable ballots ${id} (${p.opts.count}, .docx)` } } };
}
