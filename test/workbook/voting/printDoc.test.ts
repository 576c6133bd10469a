import JSZip from "jszip";
import { layoutsToDocx, mmToTwip } from "../../../src/export/docx";
import { ballotPages } from "../../../src/workbook/voting/printDoc";
import { ballotsPerPage, printBallotsPlan, printSheetEdits, type PrintBallotsOptions } from "../../../src/workbook/voting/printSheet";
import { pieceText } from "../../../src/domain/documents";
import { flagVote, UNITS } from "../../domain/voting/helpers";

/** The printable ballots as a .docx (issue #14 item 7): the same ballots as the sheet "In phiếu", A4 with the NĐ 30/2020 margins. */
const BLOC = { name: "Khối thi đua các cơ quan Văn hóa – Xã hội", province: "Bắc Ninh", year: 2025 };
const opts = (over: Partial<PrintBallotsOptions> = {}): PrintBallotsOptions => ({ sheet: "In phiếu V1", bloc: BLOC, count: 5, ...over });
const pageTexts = (vote = flagVote(), o = opts()) => ballotPages(vote, o).map((p) => p.rows.flatMap((r) => r.pieces.map(pieceText)));
const numbersOf = (texts: string[]) => texts.filter((t) => /^Số: \d+$/.test(t));

describe("the ballots as pages for the .docx", () => {
  it("puts two ballots on a page when the sheet does (≤ 10 candidates), parted by the cut line, numbered as on the sheet", () => {
    const vote = flagVote();
    expect(ballotsPerPage(vote, opts())).toBe(2);
    const pages = pageTexts(vote);
    expect(pages.map(numbersOf)).toEqual([["Số: 001", "Số: 002"], ["Số: 003", "Số: 004"], ["Số: 005"]]);
    expect(pages[0].filter((t) => t.includes("(cắt theo đường này)"))).toHaveLength(1);
    expect(pages[2].some((t) => t.includes("cắt theo"))).toBe(false);
    // Each ballot lists every candidate under the sheet's headers, and the sheet's words.
    const sheet = printBallotsPlan(vote, opts()).blocks[0].rows.flat().filter((c): c is string => typeof c === "string");
    for (const name of UNITS) expect(pages[0].filter((t) => t === name)).toHaveLength(2);
    for (const words of ["PHIẾU SUY TÔN", "Đồng ý", "Không đồng ý", "Phiếu phải có dấu của Ban kiểm phiếu."]) {
      expect(sheet).toContain(words);
      expect(pages[0].filter((t) => t === words)).toHaveLength(2);
    }
  });

  it("puts one ballot on a page when a ballot does not fit half a page (a long list), or when asked", () => {
    const long = flagVote({ candidates: Array.from({ length: 14 }, (_, i) => `Đơn vị số ${i + 1}`), ballot: { kind: "approve", quota: 2 } });
    expect(pageTexts(long).map(numbersOf)).toEqual([1, 2, 3, 4, 5].map((n) => [`Số: 00${n}`]));
    expect(pageTexts(flagVote(), opts({ perPage: 1, count: 2 })).map(numbersOf)).toEqual([["Số: 001"], ["Số: 002"]]);
  });

  it("renders A4 portrait with the NĐ 30 margins (20/20/30/15 mm), one section per page, in Times New Roman", async () => {
    const pages = ballotPages(flagVote(), opts({ count: 3 }));
    const zip = await JSZip.loadAsync(await layoutsToDocx(pages.map((layout) => ({ layout, orientation: "portrait" as const }))));
    const xml = await zip.file("word/document.xml")!.async("string");
    const sections = xml.match(/<w:sectPr\b[\s\S]*?<\/w:sectPr>/g) ?? [];
    expect(sections).toHaveLength(2);
    for (const s of sections) {
      expect(s).toMatch(new RegExp(`<w:pgSz w:w="${mmToTwip(210)}" w:h="${mmToTwip(297)}"`));
      expect(s).toMatch(new RegExp(`w:top="${mmToTwip(20)}" w:right="${mmToTwip(15)}" w:bottom="${mmToTwip(20)}" w:left="${mmToTwip(30)}"`));
    }
    expect(xml).toContain("Số: 003");
    expect(xml).toContain("Times New Roman");
  });
});

describe("a print sheet edited since it was laid out", () => {
  const grid = (values: unknown[][]) => ({ sheet: "In phiếu V1", row: 0, col: 0, values });
  const laidOut = (count: number, perPage?: 1 | 2) => printBallotsPlan(flagVote(), opts({ count, perPage })).blocks[0].rows.map((r) => r.map((c) => (c === null ? "" : c)));

  it("is not edited when it is exactly as laid out, for any count and either page layout", () => {
    expect(printSheetEdits(flagVote(), opts(), grid(laidOut(7)))).toEqual([]);
    expect(printSheetEdits(flagVote(), opts(), grid(laidOut(3, 1)))).toEqual([]);
  });

  it("names the cells typed over or added", () => {
    const values = laidOut(4);
    values[8][1] = "Sở Văn hóa, Thể thao và Du lịch";
    expect(printSheetEdits(flagVote(), opts(), grid(values))).toEqual(["B9"]);
    const added = laidOut(2);
    added.push(["", "", "", "", "Ghi chú của khối"]);
    expect(printSheetEdits(flagVote(), opts(), grid(added))).toContain(`E${added.length}`);
  });
});
