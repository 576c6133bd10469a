/**
 * The printable ballots' .docx as a real word processor lays it out (issue #14 item 7; "prefer the
 * real thing": LibreOffice Writer, not our page model). printDoc.ts puts one or two ballots on each A4
 * page (NĐ 30/2020 margins), as the sheet "In phiếu" does; a ballot that is taller than our model says
 * would run onto another page and every ballot after it would be cut. Writer converts each .docx to
 * PDF and the pages are counted: exactly ceil(count / ballots per page), for the cases at the edges of
 * the model (the longest list still two to a page, the bloc's largest list of 17 units, both ballot
 * kinds). Skipped, with a line saying so, where LibreOffice is not installed (.ci/run installs it).
 * Before each line took the sheet's room exactly (printDoc.ts, ballotRooms), two ballots of ten
 * candidates took 2 pages in Writer, not 1: the sheet's model fills the half page to the point, and
 * the document added 6 pt after each paragraph, cell padding, and a wider cut band.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { layoutsToDocx } from "../../src/export/docx";
import type { Vote } from "../../src/domain/voting/model";
import { ballotPages } from "../../src/workbook/voting/printDoc";
import { ballotsPerPage, HALF_PAGE_CANDIDATES, type PrintBallotsOptions } from "../../src/workbook/voting/printSheet";
import { flagVote } from "../domain/voting/helpers";

const SOFFICE = ["/usr/bin/soffice", "/usr/local/bin/soffice", "/opt/libreoffice/program/soffice"].find((p) => existsSync(p));
const BLOC = { name: "Khối thi đua các cơ quan Đảng, Mặt trận Tổ quốc và các đoàn thể chính trị – xã hội tỉnh", province: "Bắc Ninh", year: 2025 };
/** n unit names; long ones wrap in the name column (the model then gives the ballot more lines). */
const units = (n: number, long = false) => Array.from({ length: n }, (_, i) => (long ? `Sở Nông nghiệp và Môi trường số ${i + 1} (đơn vị có tên dài, xuống dòng)` : `Sở Nông nghiệp và Môi trường ${i + 1}`));

interface Case {
  name: string;
  vote: Vote;
  count: number;
  perPage: 1 | 2;
}

const CASES: Case[] = [
  { name: "flag-8-units", vote: flagVote(), count: 5, perPage: 2 },
  { name: "approve-longest-two-a-page", vote: flagVote({ candidates: units(HALF_PAGE_CANDIDATES), ballot: { kind: "approve", quota: 3 } }), count: 4, perPage: 2 },
  { name: "approve-17-units", vote: flagVote({ candidates: units(17, true), ballot: { kind: "approve", quota: 2 } }), count: 3, perPage: 1 },
  { name: "leader-17-units", vote: flagVote({ purpose: { kind: "leader" }, title: "Bầu Trưởng khối năm 2026", candidates: units(17), ballot: { kind: "chooseOne" }, toElect: 1 }), count: 3, perPage: 1 },
  { name: "leader-longest-two-a-page", vote: flagVote({ purpose: { kind: "leader" }, title: "Bầu Trưởng khối năm 2026", candidates: units(HALF_PAGE_CANDIDATES), ballot: { kind: "chooseOne" }, toElect: 1 }), count: 3, perPage: 2 },
];

/** Pages of a PDF as LibreOffice writes it (page objects: "/Type /Page", not "/Pages"). */
const pdfPages = (pdf: Buffer) => [...pdf.toString("latin1").matchAll(/\/Type\s*\/Page(?![a-z])/g)].length;

const run = SOFFICE ? test : test.skip;
if (!SOFFICE) console.log("LibreOffice (soffice) is not installed: the ballots' Writer layout check was skipped.");

run("LibreOffice Writer lays the ballots out on exactly ceil(count / per page) A4 pages: no ballot runs over its page", async () => {
  const work = mkdtempSync(join(tmpdir(), "binhxet-ballots-"));
  try {
    const docs: string[] = [];
    for (const c of CASES) {
      const opts: PrintBallotsOptions = { sheet: "In phiếu V1", bloc: BLOC, count: c.count };
      expect({ name: c.name, perPage: ballotsPerPage(c.vote, opts) }).toEqual({ name: c.name, perPage: c.perPage });
      const bytes = await layoutsToDocx(ballotPages(c.vote, opts).map((layout) => ({ layout, orientation: "portrait" as const })));
      const file = join(work, `${c.name}.docx`);
      writeFileSync(file, bytes);
      docs.push(file);
    }
    execFileSync(SOFFICE!, [`-env:UserInstallation=${pathToFileURL(join(work, "profile")).href}`, "--headless", "--convert-to", "pdf", "--outdir", work, ...docs], { stdio: "ignore", timeout: 180_000 });
    const pages = CASES.map((c) => ({ name: c.name, pages: pdfPages(readFileSync(join(work, `${c.name}.pdf`))) }));
    expect(pages).toEqual(CASES.map((c) => ({ name: c.name, pages: Math.ceil(c.count / c.perPage) })));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}, 240_000);
