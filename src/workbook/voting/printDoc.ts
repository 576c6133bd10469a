import { DocBuilder, type BaseLayout, type PieceStyle } from "../../domain/documents";
import { cleanText } from "../../domain/text";
import { normalizeVoteNames, type Vote } from "../../domain/voting/model";
import {
  BALLOT_SEPARATOR_HEIGHT,
  BALLOT_TEXT,
  ballotColumns,
  ballotInstruction,
  ballotNumberText,
  ballotsPerPage,
  ballotRooms,
  type BallotRoom,
  ballotTitleLine,
  MAX_PRINT_BALLOTS,
  type PrintBallotsOptions,
} from "./printSheet";

/**
 * The printable ballots as documents (issue #14 item 7): the same ballots as the sheet "In phiếu
 * V<n>" (printSheet.ts: its words, numbers, columns and ballots per page), as one layout per A4
 * page for the .docx renderer (export/docx.ts: A4, NĐ 30 margins, Times New Roman). Each page is
 * its own section, so a page break always falls between pages, and two ballots share a page,
 * parted by the "cut here" line, exactly when the sheet puts two on a page.
 */

const BODY = 12;

/**
 * One ballot's rows on `b`: the bloc and the number, the titles, the instruction, the table, the
 * footer. The table's rows take the sheet's heights, exactly (ballotTableHeights): a word processor's
 * own row height (a line of text and the cell's padding) is taller than the sheet's, and two ballots
 * of ten candidates ran over their A4 page in LibreOffice Writer (test/export/ballotsLibreOffice.test.ts).
 */
function ballotRows(b: DocBuilder, vote: Vote, opts: PrintBallotsOptions, number: number, count: number, perPage: 1 | 2): void {
  const cols = ballotColumns(vote);
  const room = ballotRooms(vote, opts, perPage, number);
  const text = (value: string, style: PieceStyle, r: BallotRoom) => b.push({ kind: "text", pieces: [b.full(value, style)], height: r.height, lines: r.lines });
  const small: PieceStyle = { size: BODY };
  b.push({
    kind: "header",
    pieces: [
      { ...b.left, value: cleanText(opts.bloc.name).toLocaleUpperCase("vi"), style: { ...small, bold: true, align: "Left" } },
      { ...b.right, value: ballotNumberText(number, count), style: { ...small, align: "Right" } },
    ],
  });
  text(vote.purpose.kind === "award" ? BALLOT_TEXT.titleAward : BALLOT_TEXT.titleElect, { bold: true, size: 14, align: "Center" }, room.title);
  text(ballotTitleLine(vote, opts.bloc.year), { bold: true, size: 13, align: "Center" }, room.voteTitle);
  text(ballotInstruction(vote), { ...small, italic: true, align: "Left" }, room.instruction);
  b.push({ kind: "tableHeader", pieces: cols.headers.map((h, i) => b.cell(i, h, { ...small, bold: true, align: "Center" })), height: room.header.height });
  vote.candidates.forEach((name, i) =>
    b.push({
      kind: "tableRow",
      pieces: [b.cell(0, i + 1, { ...small, align: "Center" }), b.cell(cols.name, cleanText(name), { ...small, align: "Left" })],
      height: room.candidates[i].height,
    }),
  );
  text(BALLOT_TEXT.footer, { ...small, italic: true, align: "Left" }, room.footer);
}

/** The ballots 1…count as pages (one or two ballots each), ready for `layoutsToDocx`. */
export function ballotPages(given: Vote, opts: PrintBallotsOptions): BaseLayout[] {
  const vote = normalizeVoteNames(given);
  const count = Math.min(MAX_PRINT_BALLOTS, Math.max(1, Math.floor(opts.count)));
  const perPage = ballotsPerPage(vote, { ...opts, count });
  const widths = [...ballotColumns(vote).widths];
  const last = widths.length - 1;
  const pages: BaseLayout[] = [];
  const dashes = Array<string>(16).fill("-").join(" ");
  for (let n = 1; n <= count; n += perPage) {
    const b = new DocBuilder(widths, { col: 0, span: last }, { col: last, span: 1 });
    ballotRows(b, vote, opts, n, count, perPage);
    if (perPage === 2 && n + 1 <= count) {
      // The sheet's band between the two ballots: the cut line (a 12 pt line) with the rest above and below.
      const room = Math.max(0, (BALLOT_SEPARATOR_HEIGHT - BODY * 1.15) / 2);
      b.space(room);
      b.line(`${dashes} ${BALLOT_TEXT.cut} ${dashes}`, { italic: true, size: BODY, align: "Center" });
      b.space(room);
      ballotRows(b, vote, opts, n + 1, count, perPage);
    }
    const first = b.rows.findIndex((r) => r.kind === "tableHeader");
    pages.push({ widths, left: b.left, right: b.right, rows: b.rows, table: { first, rows: vote.candidates.length + 1, cols: widths.length, percentCol: -1 } });
  }
  return pages;
}
