import type { Vote } from "../../../src/domain/voting/model";
import { writeSheets } from "../../../src/excel/apply";
import { MemoryHost } from "../../../src/host";
import { parseRange } from "../../../src/workbook/a1";
import type { PlanCell, SheetPlan } from "../../../src/workbook/plan";
import { BALLOT_FONT, BALLOT_MARGINS, BALLOT_TEXT, estimateLines, PRINTABLE, printBallotsPlan, type PrintBallotsOptions } from "../../../src/workbook/voting/printSheet";
import { flagVote, UNITS } from "../../domain/voting/helpers";

const SHEET = "In phiếu";
const BLOC = { name: "Khối thi đua các cơ quan Văn hóa – Xã hội", province: "Bắc Ninh", year: 2025 };
const opts = (over: Partial<PrintBallotsOptions> = {}): PrintBallotsOptions => ({ sheet: SHEET, bloc: BLOC, count: 5, ...over });
const units = (n: number) => Array.from({ length: n }, (_, i) => `Đơn vị số ${i + 1}`);

const rowsOf = (plan: SheetPlan): PlanCell[][] => {
  expect(plan.blocks).toHaveLength(1);
  expect(plan.blocks[0].at).toBe("A1");
  return plan.blocks[0].rows;
};
const texts = (row: PlanCell[]) => row.filter((c): c is string => typeof c === "string");
/** The ballot number on each row that carries one ("Số: 007" → 7), with its row. */
const numbered = (plan: SheetPlan) =>
  rowsOf(plan).flatMap((row, r) =>
    texts(row)
      .map((t) => /^Số: (\d+)$/.exec(t))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => ({ row: r, n: Number(m[1]) })),
  );
const rowsWith = (plan: SheetPlan, pred: (t: string) => boolean) =>
  rowsOf(plan)
    .map((row, r) => (texts(row).some(pred) ? r : -1))
    .filter((r) => r >= 0);
const isHeader = (row: PlanCell[]) => row[0] === BALLOT_TEXT.stt && row[1] === BALLOT_TEXT.name;
const isSeparator = (t: string) => t.includes(BALLOT_TEXT.cut);

/** Row heights by 0-based row; every row must have one for the page arithmetic to mean anything. */
function heights(plan: SheetPlan): number[] {
  const n = rowsOf(plan).length;
  const hs = plan.rowHeights ?? [];
  expect(hs.map((h) => h.row).sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
  const out = Array<number>(n).fill(0);
  for (const h of hs) out[h.row - 1] = h.height;
  return out;
}

/** Pages as [first, end) row spans cut by the manual breaks. */
function pages(plan: SheetPlan): { first: number; end: number; height: number }[] {
  const hs = heights(plan);
  const breaks = plan.pageBreaks ?? [];
  expect([...breaks].sort((a, b) => a - b)).toEqual(breaks);
  const starts = [0, ...breaks];
  return starts.map((first, i) => {
    const end = starts[i + 1] ?? hs.length;
    return { first, end, height: hs.slice(first, end).reduce((a, b) => a + b, 0) };
  });
}

function expectPagesFit(plan: SheetPlan) {
  const rows = rowsOf(plan);
  for (const pg of pages(plan)) {
    expect(pg.end).toBeGreaterThan(pg.first);
    expect(pg.height).toBeLessThanOrEqual(PRINTABLE.height);
    // A page starts with a ballot or a continued table, never with a footer or a cut line.
    expect(texts(rows[pg.first]).some((t) => t.startsWith(BALLOT_TEXT.numberPrefix)) || isHeader(rows[pg.first])).toBe(true);
  }
}

/** Does some format covering (row, col) set `key` to `value`? */
function formatted(plan: SheetPlan, row: number, col: number, key: string, value: unknown): boolean {
  return plan.formats.some((f) => {
    const r = parseRange(f.range);
    return row >= r.row && row < r.row + r.rowCount && col >= r.col && col < r.col + r.colCount && (f.format as Record<string, unknown>)[key] === value;
  });
}

describe("the printable paper ballots", () => {
  it("numbers the ballots 1..count once each, two to a page with a cut line, and fits every page", () => {
    const plan = printBallotsPlan(flagVote(), opts({ count: 5 }));
    const nums = numbered(plan);
    expect(nums.map((x) => x.n)).toEqual([1, 2, 3, 4, 5]);
    expect(texts(rowsOf(plan)[nums[0].row])).toEqual([BLOC.name.toLocaleUpperCase("vi"), "Số: 001"]);
    // Pages start exactly at ballots 1, 3, 5; ballots 2 and 4 follow a cut line on the same page.
    expect(plan.pageBreaks).toEqual([nums[2].row, nums[4].row]);
    const seps = rowsWith(plan, isSeparator);
    expect(seps).toEqual([nums[1].row - 1, nums[3].row - 1]);
    expect(texts(rowsOf(plan)[seps[0]])[0]).toMatch(/^- - - .* - - -$/);
    expect(pages(plan)).toHaveLength(3);
    expectPagesFit(plan);
    // Each ballot is at most half a page.
    const hs = heights(plan);
    const page1 = pages(plan)[0];
    expect(hs.slice(page1.first, seps[0]).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(PRINTABLE.height / 2);
  });

  it("prints an award ballot: titles, instruction with the quota, the approve table and the footer", () => {
    const plan = printBallotsPlan(flagVote(), opts({ count: 1 }));
    const all = rowsOf(plan).flatMap(texts);
    expect(all).toContain(BALLOT_TEXT.titleAward);
    expect(all).not.toContain(BALLOT_TEXT.titleElect);
    expect(all).toContain("Suy tôn đơn vị đề nghị Cờ thi đua của UBND tỉnh năm 2025");
    expect(all).toContain(
      'Đánh dấu X vào ô "Đồng ý" hoặc "Không đồng ý" của từng đơn vị; đồng ý tối đa 2 đơn vị. Phiếu đồng ý quá 2 đơn vị là phiếu không hợp lệ.',
    );
    expect(all).toContain(BALLOT_TEXT.footer);
    const rows = rowsOf(plan);
    const h = rows.findIndex(isHeader);
    expect(rows[h]).toEqual(["STT", "Tên đơn vị", "Đồng ý", "Không đồng ý"]);
    expect(rows.slice(h + 1, h + 1 + UNITS.length).map((r) => r.slice(0, 2))).toEqual(UNITS.map((u, i) => [i + 1, u]));
    // The table has borders; the title is bold 14 centred; the instruction italic; all Times New Roman.
    expect(formatted(plan, h + UNITS.length, 3, "borders", "Continuous")).toBe(true);
    const title = rows.findIndex((r) => r[0] === BALLOT_TEXT.titleAward);
    expect(formatted(plan, title, 0, "bold", true) && formatted(plan, title, 0, "fontSize", 14) && formatted(plan, title, 0, "hAlign", "Center")).toBe(true);
    const instr = rows.findIndex((r) => String(r[0]).startsWith("Đánh dấu X"));
    expect(formatted(plan, instr, 0, "italic", true)).toBe(true);
    const last = rows.length - 1;
    expect(formatted(plan, last, 0, "italic", true)).toBe(true);
    for (let r = 0; r <= last; r++) expect(formatted(plan, r, 0, "fontName", BALLOT_FONT)).toBe(true);
    for (const f of plan.formats) if (f.format.fontSize !== undefined) expect(f.format.fontSize).toBeGreaterThanOrEqual(12);
    for (const f of plan.formats) if (f.format.fontSize !== undefined) expect(f.format.fontSize).toBeLessThanOrEqual(14);
    expect(plan.pageBreaks).toEqual([]);
  });

  it("prints choose ballots with a single Chọn column, and the election title", () => {
    const upTo = printBallotsPlan(flagVote({ purpose: { kind: "deputy" }, title: "Bầu đơn vị Phó trưởng khối", ballot: { kind: "chooseUpTo", n: 3 } }), opts({ count: 1 }));
    const rows = rowsOf(upTo);
    expect(rows.find(isHeader)).toEqual(["STT", "Tên đơn vị", "Chọn"]);
    const all = rows.flatMap(texts);
    expect(all).toContain(BALLOT_TEXT.titleElect);
    expect(all).not.toContain(BALLOT_TEXT.titleAward);
    expect(all).toContain('Đánh dấu X vào ô "Chọn" của đơn vị được chọn, tối đa 3 đơn vị. Phiếu chọn quá 3 đơn vị là phiếu không hợp lệ.');
    expect(upTo.columnWidths.map((c) => c.column)).toEqual(["A", "B", "C"]);

    const one = printBallotsPlan(flagVote({ purpose: { kind: "leader" }, title: "", ballot: { kind: "chooseOne" }, invalid: { overQuota: "invalid", noneMarked: "invalid" } }), opts({ count: 1 }));
    const oneText = rowsOf(one).flatMap(texts);
    expect(oneText).toContain("Bầu đơn vị Trưởng khối năm 2025");
    const instr = oneText.find((t) => t.startsWith("Đánh dấu X"));
    expect(instr).toContain('vào ô "Chọn" của đơn vị được chọn; chỉ chọn một đơn vị');
    expect(instr).toContain("Phiếu không đánh dấu ô nào là phiếu không hợp lệ.");
  });

  it("says a revote in the title line", () => {
    const plan = printBallotsPlan(flagVote({ round: 2, candidates: UNITS.slice(0, 2) }), opts({ count: 1 }));
    const line = rowsOf(plan).flatMap(texts).find((t) => t.startsWith("Suy tôn"));
    expect(line).toBe("Suy tôn đơn vị đề nghị Cờ thi đua của UBND tỉnh năm 2025 – Bỏ phiếu lại – vòng 2");
    expect(rowsOf(printBallotsPlan(flagVote(), opts({ count: 1 }))).flatMap(texts).join(" ")).not.toContain("Bỏ phiếu lại");
  });

  it("defaults to two per page up to 10 candidates and one beyond; honours 1, and 2 only when two fit", () => {
    const perPage = (plan: SheetPlan) => {
      const starts = numbered(plan).filter((x) => [0, ...(plan.pageBreaks ?? [])].includes(x.row)).length;
      return numbered(plan).length / starts;
    };
    const ten = printBallotsPlan(flagVote({ candidates: units(10) }), opts({ count: 6 }));
    expect(perPage(ten)).toBe(2);
    expect(rowsWith(ten, isSeparator)).toHaveLength(3);
    expectPagesFit(ten);
    const eleven = printBallotsPlan(flagVote({ candidates: units(11) }), opts({ count: 6 }));
    expect(perPage(eleven)).toBe(1);
    expect(rowsWith(eleven, isSeparator)).toHaveLength(0);
    expectPagesFit(eleven);
    expect(perPage(printBallotsPlan(flagVote(), opts({ count: 4, perPage: 1 })))).toBe(1);
    const twelve = printBallotsPlan(flagVote({ candidates: units(12) }), opts({ count: 4, perPage: 2 }));
    expect(perPage(twelve)).toBe(2);
    expectPagesFit(twelve);
    // Two to a page means whole ballots: every break is at an odd ballot, none inside a table.
    for (const plan of [ten, twelve]) expect(plan.pageBreaks).toEqual(numbered(plan).filter((x) => x.n % 2 === 1 && x.n > 1).map((x) => x.row));
    expect(perPage(printBallotsPlan(flagVote({ candidates: units(40) }), opts({ count: 4, perPage: 2 })))).toBe(1);
    // An odd count leaves the last page with one ballot and no cut line after it.
    const odd = printBallotsPlan(flagVote(), opts({ count: 3 }));
    expect(rowsWith(odd, isSeparator)).toHaveLength(1);
    expect(texts(rowsOf(odd)[rowsOf(odd).length - 1])).toEqual([BALLOT_TEXT.footer]);
  });

  it("gives a 40-candidate vote one ballot per page, wraps a 200-character name, and keeps pages within the page", () => {
    // Forty one-line names: each ballot fills exactly one page.
    const plain = printBallotsPlan(flagVote({ candidates: units(40) }), opts({ count: 3 }));
    expect(plain.pageBreaks).toEqual(numbered(plain).slice(1).map((x) => x.row));
    expectPagesFit(plain);

    const long = "Trung tâm " + "Phát triển văn hóa thể thao và du lịch cộng đồng ".repeat(5);
    const name = long.slice(0, 200).trim().padEnd(200, "x");
    expect(name).toHaveLength(200);
    const candidates = [...units(39), name];
    const plan = printBallotsPlan(flagVote({ candidates, ballot: { kind: "approve", quota: 10 }, toElect: 10 }), opts({ count: 3 }));
    const nums = numbered(plan);
    expect(nums.map((x) => x.n)).toEqual([1, 2, 3]);
    expect(rowsWith(plan, isSeparator)).toHaveLength(0);
    // Every ballot starts a page; any other break continues a ballot's table under a repeated header.
    const breaks = plan.pageBreaks ?? [];
    for (const x of nums.slice(1)) expect(breaks).toContain(x.row);
    const rows = rowsOf(plan);
    for (const b of breaks.filter((b) => !nums.some((x) => x.row === b))) expect(isHeader(rows[b])).toBe(true);
    expectPagesFit(plan);
    // No page holds rows of two ballots.
    for (const pg of pages(plan)) expect(nums.filter((x) => x.row >= pg.first && x.row < pg.end).length).toBeLessThanOrEqual(1);
    // The long name wraps: its cell wraps and its row is taller than a one-line name's.
    const hs = heights(plan);
    const longRow = rows.findIndex((r) => r[1] === name);
    const shortRow = rows.findIndex((r) => r[1] === "Đơn vị số 1");
    expect(formatted(plan, longRow, 1, "wrap", true)).toBe(true);
    expect(hs[longRow]).toBeGreaterThanOrEqual(hs[shortRow] * 2);
    expect(estimateLines(name, plan.columnWidths[1].width, { size: 12 })).toBeGreaterThan(1);
  });

  it("spills a ballot too long for one page onto the next, repeating the table header", () => {
    const plan = printBallotsPlan(flagVote({ candidates: units(60), ballot: { kind: "chooseUpTo", n: 5 } }), opts({ count: 2 }));
    const rows = rowsOf(plan);
    const nums = numbered(plan);
    expect(nums.map((x) => x.n)).toEqual([1, 2]);
    const headers = rows.map((r, i) => (isHeader(r) ? i : -1)).filter((i) => i >= 0);
    expect(headers.length).toBe(4);
    expect(plan.pageBreaks).toEqual([headers[1], nums[1].row, headers[3]]);
    expectPagesFit(plan);
    // Every candidate appears once per ballot.
    const listed = rows.filter((r) => typeof r[0] === "number").map((r) => r[1]);
    expect(listed).toEqual([...units(60), ...units(60)]);
  });

  it("never leaves the footer alone on a page: the last candidate goes with it", () => {
    // Forty names and a three-line instruction: all names fit the first page, the footer would not.
    const vote = flagVote({ candidates: units(40), invalid: { overQuota: "invalid", noneMarked: "invalid" } });
    const plan = printBallotsPlan(vote, opts({ count: 1 }));
    const rows = rowsOf(plan);
    expect(plan.pageBreaks).toHaveLength(1);
    const b = (plan.pageBreaks ?? [])[0];
    expect(isHeader(rows[b])).toBe(true);
    expect(rows[b + 1].slice(0, 2)).toEqual([40, "Đơn vị số 40"]);
    expect(texts(rows[b + 2])).toEqual([BALLOT_TEXT.footer]);
    expectPagesFit(plan);
  });

  it("sets up A4 portrait with NĐ 30 margins and columns that fit the page width", () => {
    for (const ballot of [{ kind: "approve", quota: 2 }, { kind: "chooseOne" }] as Vote["ballot"][]) {
      const plan = printBallotsPlan(flagVote({ ballot }), opts());
      expect(plan.print).toEqual({ orientation: "Portrait", paper: "A4", margins: BALLOT_MARGINS });
      const total = plan.columnWidths.reduce((s, c) => s + c.width, 0);
      expect(total).toBeLessThanOrEqual(PRINTABLE.width);
      expect(total).toBeGreaterThan(PRINTABLE.width - 10);
      expect(plan.protection ?? null).toBeNull();
      expect(plan.validations).toEqual([]);
    }
    expect(PRINTABLE).toEqual({ width: 467, height: 727 });
  });

  it("clamps the count and pads numbers to the count's digits", () => {
    expect(numbered(printBallotsPlan(flagVote(), opts({ count: 0 }))).map((x) => x.n)).toEqual([1]);
    const many = printBallotsPlan(flagVote({ candidates: UNITS.slice(0, 2) }), opts({ count: 1000 }));
    const nums = numbered(many);
    expect(nums).toHaveLength(1000);
    expect(texts(rowsOf(many)[nums[0].row])).toContain("Số: 0001");
    expect(new Set(nums.map((x) => x.n)).size).toBe(1000);
  });

  it("writes through the applier", async () => {
    const plan = printBallotsPlan(flagVote(), opts({ count: 4 }));
    const host = new MemoryHost();
    const w = await writeSheets(host, [plan], { sheets: ["Sheet1"], names: [] });
    expect(w.ok).toBe(true);
    const nums = numbered(plan);
    expect(host.values(SHEET, `A${nums[0].row + 1}:D${nums[0].row + 1}`)).toEqual([[BLOC.name.toLocaleUpperCase("vi"), "", "", "Số: 001"]]);
    const rows = rowsOf(plan);
    const firstName = rows.findIndex((r) => r[1] === UNITS[0]);
    const cell = host.cell(SHEET, `B${firstName + 1}`);
    expect(cell.value).toBe(UNITS[0]);
    expect(cell.format).toMatchObject({ fontName: BALLOT_FONT, fontSize: 12, wrap: true });
    expect(host.cell(SHEET, `D${firstName + 1}`).format.borders).toMatchObject({ top: { style: "Continuous" }, bottom: { style: "Continuous" } });
    const sep = rowsWith(plan, isSeparator)[0];
    expect(String(host.values(SHEET, `A${sep + 1}`)[0][0])).toContain(BALLOT_TEXT.cut);
    const layout = host.pageLayout(SHEET);
    expect(layout).toMatchObject({ orientation: "Portrait", paperSize: "A4" });
    expect(layout.zoom.horizontalFitToPages).toBeUndefined();
    expect(layout.margins).toMatchObject(BALLOT_MARGINS);
    expect(host.pageBreaks(SHEET)).toEqual(plan.pageBreaks);
  });
});
