/**
 * Two real 2025 criteria tables, pasted as a bloc secretary pastes them (../shared/fixtures/real-tables,
 * README there: Word tables pasted into Excel, one Word paragraph per row, TSV with CRLF and Excel
 * quoting), read through the path a paste takes: the "Tiêu chí" sheet's values → readCriteriaSheet
 * → parseCriteriaRows. Expectations are written by hand from the source texts:
 * - cantho-157-2025.tsv: UBND TP Cần Thơ, KH 157/KH-UBND 18/11/2025, phụ lục "Thang điểm thi đua…";
 * - haiphong-212-2025.tsv: UBND TP Hải Phòng, QĐ 212/2025/QĐ-UBND 18/11/2025, phụ lục "Phiếu đánh giá, xếp loại…".
 * Issue #10 points 8, 9, 10 and 11; DOMAIN.md §2 ("Real 2025 tables … show what a paste must survive").
 */
import { readFileSync } from "fs";
import { join } from "path";
import { gridOf } from "../fixtures/grid";
import type { CriteriaTable, Criterion } from "../../src/domain/criteria/model";
import { templateById } from "../../src/domain/criteria/templates";
import { criteriaSheetPlan, readCriteriaSheet } from "../../src/workbook/criteria/criteriaSheet";
import { outline, parseTsv } from "./criteriaRows";

const FIXTURES = join(__dirname, "../../../shared/fixtures/real-tables");
const paste = (file: string) => parseTsv(readFileSync(join(FIXTURES, file), "utf8"));
const codes = (issues: { code: string; where?: { cell?: string } }[]) => issues.map((i) => `${i.code}@${i.where?.cell ?? "-"}`);

/** The paste alone on a blank sheet, from A1. */
const alone = (file: string) => readCriteriaSheet({ sheet: "Tiêu chí", row: 0, col: 0, values: paste(file) });

/** The paste put under the header of the add-in's own (blank sample) "Tiêu chí" sheet, over its sample rows. */
function underAddInHeader(file: string) {
  const g = gridOf(criteriaSheetPlan(templateById("blank")!.table));
  const header = g.values.findIndex((r) => r[0] === "STT");
  const width = g.values[header].length;
  const rows = paste(file).map((r) => [...r, ...Array(Math.max(0, width - r.length)).fill("")]);
  return readCriteriaSheet({ ...g, values: [...g.values.slice(0, header + 1), ...rows] });
}

const byId = (t: CriteriaTable, id: string): Criterion => {
  let found: Criterion | undefined;
  const walk = (c: Criterion) => (c.id === id ? (found = c) : c.children.forEach(walk));
  t.sections.forEach(walk);
  if (!found) throw new Error(`no ${id}`);
  return found;
};

describe("Cần Thơ KH 157/2025 (cantho-157-2025.tsv)", () => {
  const read = alone("cantho-157-2025.tsv");
  const t = read.table!;

  it("parses section I as items 1–4 (20/40/20/20) and '5. Điểm cộng' 5.1–5.3 as bonus (15), total 115", () => {
    expect(outline(t)).toEqual([
      "I [I] 115 group",
      "  I.1 [1] 20 points",
      "  I.2 [2] 40 points",
      "  I.3 [3] 20 points",
      "  I.4 [4] 20 points",
      "  I.5 [5] 15 group",
      "    I.5.1 [5.1] 5 bonus",
      "    I.5.2 [5.2] 5 bonus",
      "    I.5.3 [5.3] 5 bonus",
      "II [II] - group",
    ]);
    expect(t.sections[0].text).toBe("NHÓM XÃ, PHƯỜNG");
    expect(byId(t, "I.5").text).toBe("Điểm cộng");
  });

  it("accepts section II, which ranks but carries no points, as a non-scoring section (point 8)", () => {
    const ii = t.sections[1];
    expect(ii).toMatchObject({ number: "II", text: "NHÓM TỔ CHỨC CUNG CẤP DỊCH VỤ CHI TRẢ", max: null, kind: null, noPoints: true, children: [] });
    // Its ranking rule, the row under it: text to its note, the guidance column to its guidance.
    expect(ii.note).toMatch(/^Căn cứ vào số lượng người hưởng trợ cấp xã hội/);
    expect(ii.guidance).toMatch(/bỏ phiếu để thống nhất$/);
  });

  it("keeps the 'HƯỚNG DẪN CHẤM ĐIỂM' column as each criterion's guidance, its paragraphs joined (point 8)", () => {
    expect(byId(t, "I.1").guidance!.split("\n")).toEqual([
      expect.stringMatching(/^- Cách thức ghi nhận để chấm điểm: Điều kiện để chấm điểm là phải có xây dựng kế hoạch tuyên truyền/),
      expect.stringMatching(/^- Sở Y tế \(Chi cục Dân số - Xã hội\) sẽ kiểm tra thực tế, ngẫu nhiên 50 người/),
    ]);
    expect(byId(t, "I.2").guidance!.split("\n")).toHaveLength(5);
    expect(byId(t, "I.2").guidance!.split("\n").slice(1)).toEqual([
      "- a = Tổng số người hưởng trợ cấp xã hội, hưu trí xã hội;",
      expect.stringMatching(/^- b = Tổng số người hưởng trợ cấp xã hội/),
      "- Tỷ lệ = b/a * 100%;",
      "- Điểm = Tỷ lệ * điểm chuẩn.",
    ]);
    expect(byId(t, "I.5.2").guidance).toBe("Từ 88 - 90% cộng 02 điểm; từ 90-95% cộng 03 điểm; từ 95- dưới 100% cộng 04 điểm; đạt 100% cộng 05 điểm.");
    expect(byId(t, "I.5").guidance).toBeUndefined();
  });

  it("says what it did: the run-on row, the non-scoring section, and that the bonus lets 115 pass the scale of 100 (point 10)", () => {
    expect(codes(read.issues)).toEqual(["criteria.row.continuation@B25", "criteria.section.noPoints@C24", "criteria.bonus.overScale@-"]);
  });

  it("reads the same when pasted under the add-in's own header, its own header row included", () => {
    const under = underAddInHeader("cantho-157-2025.tsv");
    expect(under.table).not.toBeNull();
    expect(outline(under.table!)).toEqual(outline(t));
    expect(byId(under.table!, "I.1").guidance).toBe(byId(t, "I.1").guidance);
    expect(codes(under.issues).map((c) => c.split("@")[0])).toEqual(["criteria.row.continuation", "criteria.section.noPoints", "criteria.bonus.overScale"]);
  });
});

describe("Hải Phòng QĐ 212/2025 (haiphong-212-2025.tsv)", () => {
  const read = alone("haiphong-212-2025.tsv");
  const t = read.table!;

  it("parses two sections (20 / 80), nested 5 → 5.1 / 5.2 → a)…g) without đ, decimal commas, past the two-row header and the (1)…(6) row", () => {
    expect(t).not.toBeNull();
    const o = outline(t);
    expect(o.filter((l) => !l.startsWith("    "))).toEqual([
      "I [I] 20 group",
      "  I.1 [1] 5 group",
      "  I.2 [2] 5 group",
      "  I.3 [3] 5 group",
      "  I.4 [4] 5 group",
      "II [II] 80 group",
      "  II.1 [1] 5 group",
      "  II.2 [2] 5 group",
      "  II.3 [3] 20 group",
      "  II.4 [4] 30 group",
      "  II.5 [5] 20 group",
    ]);
    expect(o.filter((l) => /^ {4}I\.\d\./.test(l))).toEqual(["I.1", "I.2", "I.3", "I.4"].flatMap((g) => ["a", "b", "c", "d"].map((x) => `    ${g}.${x} [${x}] 1.25 points`)));
    expect(o.filter((l) => /^ {4}II\.[34]\./.test(l))).toEqual([
      "    II.3.a [a] 5 points",
      "    II.3.b [b] 10 points",
      "    II.3.c [c] 5 points",
      "    II.4.a [a] 10 points",
      "    II.4.b [b] 10 points",
      "    II.4.c [c] 10 points",
    ]);
  });

  it("reads '207' (max 20 + footnote 7) as 20, with a warning at the cell (point 11)", () => {
    expect(byId(t, "II.5")).toMatchObject({ text: "Tiêu chí khác", max: 20 });
    const w = read.issues.find((i) => i.code === "criteria.max.footnote")!;
    expect(w).toMatchObject({ severity: "warning", where: { sheet: "Tiêu chí", cell: "C46" } });
    expect(w.message.vi).toContain("207");
    expect(w.message.en).toContain("footnote");
  });

  it("reads the '…: 2,5 / …: 0' rows as yes/no criteria and 'Không được giao chỉ tiêu thì không đánh giá…' as may-be-not-assessed (point 11)", () => {
    expect(outline(t).filter((l) => l.includes("II.5."))).toEqual([
      "    II.5.1 [5.1] 5 group",
      "      II.5.1.a [a] 2 yesNo",
      "      II.5.1.b [b] 2 points",
      "      II.5.1.c [c] 1 yesNo",
      "    II.5.2 [5.2] 15 group",
      ...["a", "b", "c", "d", "e", "g"].map((x) => `      II.5.2.${x} [${x}] 2.5 yesNo`),
    ]);
    const flagged: string[] = [];
    const walk = (c: Criterion) => (c.mayBeNotAssessed ? flagged.push(c.id) : c.children.forEach(walk));
    t.sections.forEach(walk);
    expect(flagged).toEqual(["II.5.1.c", ...["a", "b", "c", "d", "e", "g"].map((x) => `II.5.2.${x}`)]);
    expect(byId(t, "II.5.2.a").guidance).toBe("Tỷ lệ đạt từ 95% trở lên: 2,5\nTỷ lệ đạt dưới 95%: 0\nKhông được giao chỉ tiêu thì không đánh giá chấm điểm nội dung này");
    expect(byId(t, "II.5.2.a").note).toBe("");
  });

  it("warns where the source's own options disagree with the max (5.1 b: max 2, options 1 / 0), and at the footnote digits glued to text", () => {
    expect(codes(read.issues)).toEqual([
      ...["B39", "B40", "B41", "B43", "B44", "B45"].map((c) => `criteria.text.footnote@${c}`),
      "criteria.options.mismatch@C51",
      "criteria.max.footnote@C46",
    ]);
    expect(read.issues.every((i) => i.severity === "warning")).toBe(true);
  });

  it("reads the same when pasted under the add-in's own header", () => {
    const under = underAddInHeader("haiphong-212-2025.tsv");
    expect(outline(under.table!)).toEqual(outline(t));
  });
});
