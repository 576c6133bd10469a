import type { CriteriaTable, Criterion } from "../../src/domain/criteria/model";
import { templateById } from "../../src/domain/criteria/templates";
import { validateCriteria, whereKey } from "../../src/domain/criteria/validate";
import type { Where } from "../../src/domain/issues";

const S = "Tiêu chí";
const node = (id: string, number: string, text: string, max: number | null, children: Criterion[] = [], more: Partial<Criterion> = {}): Criterion => ({
  id,
  number,
  text,
  max,
  kind: children.length ? null : "points",
  weight: 1,
  step: null,
  unit: null,
  note: "",
  children,
  ...more,
});

/** I (60) = 1 (40: a 25, b 15) + 2 (20); II (40) = 1 (40); III bonus; IV penalty. */
function table(): CriteriaTable {
  return {
    title: "Bảng thử",
    scale: 100,
    allowOverScale: true, // chosen: with "Không" the bonus passing 100 is warned of (issue #10 point 10)
    decimals: 2,
    step: 0.5,
    bonusCap: null,
    penaltyCap: null,
    legalBasis: "",
    sample: false,
    sections: [
      node("I", "I", "Nhiệm vụ chuyên môn", 60, [
        node("I.1", "1", "Kế hoạch năm", 40, [node("I.1.a", "a", "Chỉ tiêu", 25), node("I.1.b", "b", "Tham mưu", 15)]),
        node("I.2", "2", "Nhiệm vụ đột xuất", 20),
      ]),
      node("II", "II", "Cải cách hành chính", 40, [node("II.1", "1", "Thủ tục hành chính", 40)]),
      node("III", "III", "Điểm thưởng", null, [node("III.1", "1", "Khen thưởng đột xuất", 5, [], { kind: "bonus" })]),
      node("IV", "IV", "Điểm trừ", null, [node("IV.1", "1", "Mỗi báo cáo chậm", 2, [], { kind: "penalty", unit: 0.5 })]),
    ],
  };
}

/** Rows from 13 down, in table order; the cells by field: A STT, B text, C max, D kind, E weight, G unit, I id. */
function locate(t: CriteriaTable): Map<string, Where> {
  const at = new Map<string, Where>();
  let row = 13;
  const cols = { stt: "A", text: "B", max: "C", kind: "D", weight: "E", unit: "G", id: "I" } as const;
  const walk = (c: Criterion) => {
    at.set(c.id, { sheet: S, cell: `A${row}:I${row}` });
    for (const [f, col] of Object.entries(cols)) at.set(whereKey(c.id, f as keyof typeof cols), { sheet: S, cell: `${col}${row}` });
    row++;
    c.children.forEach(walk);
  };
  t.sections.forEach(walk);
  return at;
}

const find = (t: CriteriaTable, id: string): Criterion => {
  let hit: Criterion | undefined;
  const walk = (c: Criterion) => {
    if (c.id === id) hit = c;
    c.children.forEach(walk);
  };
  t.sections.forEach(walk);
  if (!hit) throw new Error(id);
  return hit;
};

const TABLE_AT = {
  title: { sheet: S, cell: "C4" },
  scale: { sheet: S, cell: "C5" },
  decimals: { sheet: S, cell: "C7" },
  step: { sheet: S, cell: "C8" },
  bonusCap: { sheet: S, cell: "C9" },
  penaltyCap: { sheet: S, cell: "C10" },
};

/** Validates after a change, and gives the issues as "code@cell". */
function check(change: (t: CriteriaTable) => void): string[] {
  const t = table();
  const at = locate(t);
  change(t);
  return validateCriteria(t, at, TABLE_AT).map((i) => `${i.code}@${i.where?.cell ?? "-"}`);
}

describe("validateCriteria", () => {
  it("accepts a good table (rows: I 13, I.1 14, I.1.a 15, I.1.b 16, I.2 17, II 18, II.1 19, III 20, III.1 21, IV 22, IV.1 23)", () => {
    expect(check(() => {})).toEqual([]);
    expect(validateCriteria(table())).toEqual([]);
  });

  it("a leaf without max, without kind, without text, or with text starting with =", () => {
    // Only the leaf is reported: its groups' sums and the scale are not checked while a max is missing.
    expect(check((t) => (find(t, "I.1.a").max = null))).toEqual(["criteria.max.missing@C15"]);
    expect(check((t) => (find(t, "I.2").kind = null))).toEqual(["criteria.kind.missing@D17"]);
    expect(check((t) => ((find(t, "I.2").kind = null), (find(t, "I.2").max = null)))).toEqual(["criteria.max.missing@C17", "criteria.kind.missing@D17"]);
    expect(check((t) => (find(t, "I.2").text = "  "))).toEqual(["criteria.text.empty@B17"]);
    expect(check((t) => (find(t, "I.2").text = "=HYPERLINK(\"x\")"))).toEqual(["criteria.text.formula@B17"]);
    // A group may have no text; a leaf may start with a dash.
    expect(check((t) => ((find(t, "I").text = ""), (find(t, "I.2").text = "- Nhiệm vụ đột xuất")))).toEqual([]);
  });

  it("a group with a kind, and a group whose max is not its children's sum (with both numbers)", () => {
    expect(check((t) => (find(t, "I.1").kind = "points"))).toEqual(["criteria.kind.onGroup@D14"]);
    const t = table();
    find(t, "I.1").max = 45;
    const issues = validateCriteria(t, locate(table()));
    expect(issues.map((i) => `${i.code}@${i.where?.cell}`)).toEqual(["criteria.sum.mismatch@C14"]);
    expect(issues[0].message.vi).toContain("45");
    expect(issues[0].message.vi).toContain("40");
    expect(issues[0].message.en).toMatch(/45.*40/);
    // A section max of 60 that is checked against sub-criteria 40 + 20 passes; a blank one is not checked.
    expect(check((t) => (find(t, "I").max = null))).toEqual([]);
  });

  it("a content section may carry a penalty row whose points are outside its max", () => {
    expect(check((t) => find(t, "I").children.push(node("I.3", "3", "Báo cáo chậm", 2, [], { kind: "penalty" })))).toEqual([]);
    // ...but a bonus section's given max must match its leaves, with a hint about the caps.
    const t = table();
    find(t, "III").max = 3;
    const [i] = validateCriteria(t, locate(table()));
    expect(i).toMatchObject({ code: "criteria.sum.mismatch", where: { cell: "C20" } });
    expect(i.message.vi).toContain("Tối đa điểm thưởng");
  });

  it("numbers repeated among siblings, ids repeated anywhere", () => {
    expect(check((t) => (find(t, "I.1.b").number = "a"))).toEqual(["criteria.number.duplicate@A16"]);
    expect(check((t) => (find(t, "II").number = "I."))).toEqual(["criteria.number.duplicate@A18"]);
    // The same number under different parents is fine; bullets repeat freely.
    expect(check((t) => ((find(t, "II.1").number = "1"), (find(t, "I.1.a").number = "-"), (find(t, "I.1.b").number = "-")))).toEqual([]);
    const t = table();
    const at = locate(t);
    at.set(whereKey("II.1", "id"), { sheet: S, cell: "I19" });
    find(t, "II.1").id = "I.2";
    at.set(whereKey("I.2", "id"), { sheet: S, cell: "I19" }); // the duplicate's own cell
    expect(validateCriteria(t, at).map((i) => `${i.code}@${i.where?.cell}`)).toEqual(["criteria.id.duplicate@I19"]);
  });

  it("a per-occurrence or penalty leaf whose max is not a multiple of its unit", () => {
    expect(check((t) => (find(t, "IV.1").unit = 0.75))).toEqual(["criteria.unit.notMultiple@G23"]);
    expect(check((t) => Object.assign(find(t, "I.2"), { kind: "perOccurrence", unit: 3 }))).toEqual(["criteria.unit.notMultiple@G17"]);
    expect(check((t) => Object.assign(find(t, "I.2"), { kind: "perOccurrence", unit: 5 }))).toEqual([]);
    // Points leaves ignore a unit; float units that divide exactly are multiples.
    expect(check((t) => Object.assign(find(t, "I.2"), { unit: 3 }))).toEqual([]);
    expect(check((t) => Object.assign(find(t, "IV.1"), { max: 0.3, unit: 0.1 }))).toEqual([]);
  });

  it("a negative max, a weight, step or unit out of range", () => {
    expect(check((t) => (find(t, "IV.1").max = -2))).toEqual(["criteria.max.negative@C23"]);
    expect(check((t) => (find(t, "I.2").weight = 0))).toEqual(["criteria.weight.invalid@E17"]);
    // No step cell in this map: the issue falls back to the row.
    expect(check((t) => (find(t, "I.2").step = -1))).toEqual(["criteria.step.invalid@A17:I17"]);
    expect(check((t) => (find(t, "IV.1").unit = 0))).toEqual(["criteria.unit.invalid@G23"]);
  });

  it("warns about weights, once per weighted criterion, at its weight cell", () => {
    const issues = (() => {
      const t = table();
      find(t, "I.1.a").weight = 2;
      // Group sums are of the printed max (25 + 5 = 30); the scale check weighs them (25 × 2 + 5 = 55).
      find(t, "I.1.b").max = 5;
      find(t, "I.1").max = 30;
      find(t, "I").max = 50;
      find(t, "II").max = 30;
      find(t, "II.1").max = 30;
      return validateCriteria(t, locate(table()), TABLE_AT);
    })();
    // Weighted content: 50 + 5 + 20 + 30 = 105 → not the scale.
    expect(issues.map((i) => `${i.code}@${i.where?.cell}/${i.severity}`)).toEqual(["criteria.weight.used@E15/warning", "criteria.scale.mismatch@C5/warning"]);
    expect(issues[1].message.vi).toContain("105");
  });

  it("warns when content differs from the scale and content + bonus does too", () => {
    // 95 content + 5 bonus = 100: fine (the Huế pattern).
    expect(check((t) => ((find(t, "II.1").max = 35), (find(t, "II").max = 35)))).toEqual([]);
    // 95 content + 3 bonus: warned, at the scale.
    expect(check((t) => ((find(t, "II.1").max = 35), (find(t, "II").max = 35), (find(t, "III.1").max = 3)))).toEqual(["criteria.scale.mismatch@C5"]);
    // The bonus cap limits what bonus can add: 90 + min(cap 5, leaves 5) ≠ 100.
    expect(check((t) => ((find(t, "II.1").max = 30), (find(t, "II").max = 30)))).toEqual(["criteria.scale.mismatch@C5"]);
    expect(check((t) => ((find(t, "II.1").max = 35), (find(t, "II").max = 35), (t.bonusCap = 2)))).toEqual(["criteria.scale.mismatch@C5"]);
    const t = templateById("hue-1000").table;
    expect(validateCriteria(t)).toEqual([]);
  });

  it("the table's settings: scale, decimals, step, caps, and a table with no content", () => {
    expect(check((t) => (t.scale = 0))).toEqual(["criteria.scale.invalid@C5"]);
    expect(check((t) => (t.scale = Number.NaN))).toEqual(["criteria.scale.invalid@C5"]);
    expect(check((t) => (t.decimals = 5))).toEqual(["criteria.decimals.invalid@C7"]);
    expect(check((t) => (t.decimals = 1.5))).toEqual(["criteria.decimals.invalid@C7"]);
    expect(check((t) => (t.step = 0))).toEqual(["criteria.tableStep.invalid@C8"]); // the table's step has its own code (issue #13: one code, one meaning)
    expect(check((t) => ((t.bonusCap = -1), (t.penaltyCap = Number.NaN)))).toEqual(["criteria.cap.invalid@C9", "criteria.cap.invalid@C10"]);
    expect(check((t) => (t.title = "=1+1"))).toEqual(["criteria.title.formula@C4"]);
    expect(check((t) => (t.sections = t.sections.slice(2)))).toEqual(["criteria.empty@C4"]);
    expect(check((t) => (t.sections = []))).toEqual(["criteria.empty@C4"]);
  });

  it("texts, ids and numbers beyond the schema's lengths", () => {
    expect(check((t) => (find(t, "I.2").note = "x".repeat(2001)))).toEqual(["criteria.text.tooLong@A17:I17"]);
    expect(check((t) => (find(t, "I.2").id = "x".repeat(65)))).toEqual(["criteria.id.invalid@-"]);
    expect(check((t) => (find(t, "I.2").number = "1".repeat(17)))).toEqual(["criteria.number.tooLong@A17"]);
  });

  it("speaks Vietnamese first, English second, and names the criterion", () => {
    const t = table();
    find(t, "I.2").max = null;
    const [i] = validateCriteria(t).filter((x) => x.code === "criteria.max.missing");
    expect(i.message.vi).toBe('Tiêu chí 2 "Nhiệm vụ đột xuất": chưa có điểm chuẩn.');
    expect(i.message.en).toBe('Criterion 2 "Nhiệm vụ đột xuất": no max points.');
    expect(i.where).toBeUndefined();
  });
});
