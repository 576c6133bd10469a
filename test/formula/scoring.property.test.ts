/**
 * Engine = formulas: on random criteria tables, settings and entries, HyperFormula computing the
 * workbook's own formulas (through the in-memory host) gives the same subtotals, totals, ranks,
 * ties, bands, reasons and leading mark as the TypeScript engine. Now and then a cell holds a value
 * pasted past Excel's checks: both then show the unit as "Cần kiểm tra", unranked (issue #11).
 */
import fc from "fast-check";
import type { Member } from "../../src/domain/bloc/bloc";
import { leaves, type CriteriaTable, type Criterion, type CriterionKind } from "../../src/domain/criteria/model";
import { computeResults, NOT_ASSESSED, type EntryValue, type UnitScores } from "../../src/domain/scoring/engine";
import type { ScoringSettings, TieBreaker } from "../../src/domain/scoring/settings";
import { validateEntries, type UnitEntries } from "../../src/domain/scoring/validate";
import { writeSheets } from "../../src/excel/apply";
import { MemoryHost } from "../../src/host";
import { cellAddress } from "../../src/workbook/a1";
import { settingsSheetPlan } from "../../src/workbook/scoring/settingsSheet";
import { sectionName, summarySheetPlan } from "../../src/workbook/scoring/summarySheet";
import { COL, unitSheetNames, unitSheetPlan } from "../../src/workbook/scoring/unitSheet";

const leafArb = (kind: CriterionKind): fc.Arbitrary<Omit<Criterion, "id" | "number">> =>
  fc.record({
    text: fc.constant("Tiêu chí"),
    max: fc.integer({ min: 1, max: 12 }).map((n) => n * 0.5),
    kind: fc.constant(kind),
    weight: fc.constantFrom(1, 1, 1, 2, 1.5),
    step: fc.constant(0.25),
    unit: fc.constant(null),
    note: fc.constant(""),
    // Content that may be not assessed (no target given: Hải Phòng QĐ 212/2025; issue #10 point 11).
    mayBeNotAssessed: kind === "points" ? fc.constantFrom(undefined, undefined, true) : fc.constant(undefined),
    children: fc.constant([]),
  });

const nodeArb = (kind: CriterionKind) =>
  fc.oneof(
    leafArb(kind),
    fc
      .tuple(fc.array(leafArb(kind), { minLength: 1, maxLength: 3 }), fc.constantFrom(1, 1, 2, 0.5))
      .map(([kids, weight]) => ({ text: "Nhóm", max: null, kind: null, weight, step: null, unit: null, note: "", children: kids as Criterion[] })),
  );

const sectionArb = (kind: CriterionKind) => fc.array(nodeArb(kind), { minLength: 1, maxLength: 3 });

function number(c: Omit<Criterion, "id" | "number">, path: string[], i: number, depth: number): Criterion {
  const num = depth === 0 ? ["I", "II", "III", "IV", "V", "VI"][i] : depth === 1 ? String(i + 1) : String.fromCharCode(97 + i);
  const p = [...path, num];
  return { ...c, id: p.join("."), number: num, children: c.children.map((k, j) => number(k, p, j, depth + 1)) } as Criterion;
}

const tableArb: fc.Arbitrary<CriteriaTable> = fc
  .record({
    content: fc.array(sectionArb("points"), { minLength: 1, maxLength: 3 }),
    yesNo: fc.boolean(),
    bonus: fc.option(sectionArb("bonus"), { nil: null }),
    penalty: fc.option(sectionArb("penalty"), { nil: null }),
    bonusCap: fc.option(fc.integer({ min: 1, max: 6 }), { nil: null }),
    penaltyCap: fc.option(fc.integer({ min: 1, max: 6 }), { nil: null }),
    allowOverScale: fc.boolean(),
    decimals: fc.integer({ min: 0, max: 2 }),
  })
  .map((r) => {
    const raw = [...r.content, ...(r.bonus ? [r.bonus] : []), ...(r.penalty ? [r.penalty] : [])];
    const sections = raw.map((kids, i) => number({ text: `Phần ${i + 1}`, max: null, kind: null, weight: 1, step: null, unit: null, note: "", children: kids as Criterion[] }, [], i, 0));
    if (r.yesNo) {
      const first = leaves({ sections } as CriteriaTable)[0].leaf;
      first.kind = "yesNo";
    }
    return { title: "T", scale: 20, allowOverScale: r.allowOverScale, decimals: r.decimals, step: 0.25, bonusCap: r.bonusCap, penaltyCap: r.penaltyCap, legalBasis: "", sample: false, sections };
  });

function settingsArb(table: CriteriaTable): fc.Arbitrary<ScoringSettings> {
  // Tie steps on a named criterion (a leaf or a group: Cần Thơ KH 157/2025 breaks ties on a named indicator; issue #10 point 12).
  const ids: string[] = [];
  const walk = (c: Criterion) => (ids.push(c.id), c.children.forEach(walk));
  table.sections.forEach(walk);
  const breakers: TieBreaker[] = [
    ...table.sections.map((_, s) => ({ by: "section" as const, section: s })),
    { by: "penalty" },
    { by: "bonus" },
    ...ids.slice(0, 4).map((id) => ({ by: "criterion" as const, id })),
    ...ids.slice(-2).map((id) => ({ by: "criterion" as const, id })),
  ];
  return fc.record({
    stage: fc.constantFrom("self", "review", "agreed", "reviewOrSelf"),
    tieBreakers: fc.uniqueArray(fc.constantFrom(...breakers), { maxLength: 3, selector: (t) => JSON.stringify(t) }),
    bands: fc
      .uniqueArray(fc.integer({ min: 0, max: 25 }), { minLength: 1, maxLength: 3 })
      .chain((mins) => fc.tuple(...[...mins].sort((a, b) => b - a).map((min, i) => fc.record({ label: fc.constant(`Mức ${i + 1}`), min: fc.constant(min), floorPercent: fc.option(fc.constantFrom(50, 70, 85, 100), { nil: null }), noZero: fc.constantFrom(undefined, true) })))),
    fallbackBand: fc.constant("Còn lại"),
    largeGap: fc.constant(5),
  }) as fc.Arbitrary<ScoringSettings>;
}

/** What a user can paste past Excel's checks (issue #11): each must make its unit "Cần kiểm tra". */
const badArb = (c: Criterion): fc.Arbitrary<unknown> =>
  fc.constantFrom<unknown>((c.max as number) + 0.25, 999, -0.25, "mười", "8,5", (c.max as number) / 2 + 0.1, c.kind === "yesNo" ? 0.25 : 0.3, c.mayBeNotAssessed ? "KĐ" : NOT_ASSESSED, true);

function entriesArb(table: CriteriaTable, n: number): fc.Arbitrary<UnitScores[]> {
  const ls = leaves(table).map((l) => l.leaf);
  const points = (c: Criterion): fc.Arbitrary<EntryValue> =>
    c.kind === "yesNo" ? fc.constantFrom(0, c.max as number) : fc.integer({ min: 0, max: Math.round((c.max as number) * 4) }).map((q) => q / 4);
  const good = (c: Criterion) => fc.option(c.mayBeNotAssessed ? fc.oneof(points(c), fc.constant(NOT_ASSESSED as EntryValue)) : points(c), { nil: null, freq: 4 });
  // Now and then a bad value pasted into a cell (issue #11).
  const value = (c: Criterion) => fc.oneof({ arbitrary: good(c), weight: 100 }, { arbitrary: badArb(c) as fc.Arbitrary<EntryValue>, weight: 1 });
  // Few distinct values make equal totals, and so the tie rules, likely.
  const unit = fc.tuple(...ls.map((c) => fc.record({ self: value(c), review: value(c), agreed: value(c) })));
  return fc.array(unit, { minLength: n, maxLength: n }).map((us) => us.map((es, i) => ({ unit: `Đơn vị ${i + 1}`, entries: Object.fromEntries(ls.map((c, j) => [c.id, es[j]])) })));
}

async function workbookResults(table: CriteriaTable, settings: ScoringSettings, scores: UnitScores[]) {
  const members: Member[] = scores.map((s) => ({ name: s.unit, shortName: "" }));
  const names = unitSheetNames(members, ["Khối", "Tiêu chí", "Cài đặt", "Tổng hợp"]);
  const units = members.map((member, i) => unitSheetPlan({ table, member, sheet: names[i], blocName: "Khối", year: 2026 }));
  const summary = summarySheetPlan({ table, settings, members, maps: units.map((u) => u.map), blocName: "Khối", year: 2026 });
  const settingsPlan = settingsSheetPlan(settings, table.sections.map((_, i) => sectionName(table, i)));
  const host = new MemoryHost();
  const w = await writeSheets(host, [settingsPlan, summary.plan, ...units.map((u) => u.plan)], { sheets: ["Sheet1"], names: [] });
  if (!w.ok) throw new Error(JSON.stringify(w.issues));
  // Enter the scores as a user pastes them.
  units.forEach(({ map }, i) => {
    for (const [id, e] of Object.entries(scores[i].entries)) {
      const r = map.rows.get(id)!;
      host.userPaste(map.sheet, cellAddress(r, COL.self), [[e.self, e.review, e.agreed]]);
    }
  });
  const C = summary.map.cols;
  const rows = host.values("Tổng hợp", `A${summary.map.first + 1}:${cellAddress(summary.map.last, C.width - 1)}`);
  return rows.map((r) => ({
    sections: table.sections.map((_, s) => r[C.firstSection + s]),
    bonus: r[C.bonus],
    penalty: r[C.penalty],
    total: r[C.total],
    rank: r[C.rank],
    tied: r[C.tie] !== "",
    band: r[C.band],
    reason: r[C.reason],
    leading: r[C.leading] === "Dẫn đầu",
  }));
}

describe("scoring: engine = workbook formulas", () => {
  it("agrees on random blocs, tables, settings and entries", async () => {
    await fc.assert(
      fc.asyncProperty(
        tableArb.chain((t) => fc.tuple(fc.constant(t), settingsArb(t), fc.integer({ min: 2, max: 6 }).chain((n) => entriesArb(t, n)))),
        async ([table, settings, scores]) => {
          // The engine gets what the pane reads: the raw cells, checked by validateEntries (a bad cell
          // makes its unit invalid: no total, rank or class, issue #11).
          const members: Member[] = scores.map((u) => ({ name: u.unit, shortName: "" }));
          const at = { sheet: "S", cell: "A1" };
          const units: UnitEntries[] = scores.map((u) => ({
            sheet: u.unit,
            unit: u.unit,
            rows: Object.entries(u.entries).map(([id, e]) => ({ id, self: e.self, review: e.review, agreed: e.agreed, evidence: "x", at: { self: at, review: at, agreed: at, evidence: at, row: at } })),
          }));
          const engine = computeResults(table, settings, validateEntries(table, settings, members, units).scores);
          const sheet = await workbookResults(table, settings, scores);
          sheet.forEach((s, i) => {
            const e = engine[i];
            if (e.needsCheck) {
              // Nothing that could rank it: no subtotals, no total (issue #11).
              expect([...s.sections, s.bonus, s.penalty, s.total]).toEqual([...s.sections.map(() => ""), "", "", ""]);
            } else {
              s.sections.forEach((v, k) => expect(v).toBeCloseTo(e.sections[k], 9));
              expect(s.bonus).toBeCloseTo(e.bonus, 9);
              expect(s.penalty).toBeCloseTo(e.penalty, 9);
              expect(s.total).toBeCloseTo(e.total as number, 9);
            }
            expect({ unit: e.unit, rank: s.rank === "" ? null : s.rank, tied: s.tied, band: s.band, reason: s.reason, leading: s.leading }).toEqual({
              unit: e.unit,
              rank: e.rank,
              tied: e.tied,
              band: e.band,
              reason: e.reason,
              leading: e.leading,
            });
          });
        },
      ),
      { numRuns: Number(process.env.FC_RUNS ?? 30) },
    );
  }, 120_000);
});
