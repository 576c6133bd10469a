// The start-of-year sheets as data and their readers (issue #12; seed 001_2f19b7e13258856b.txt: the pact signed
// at the launch meeting, the units' registrations announced; DOMAIN §2 "The year" (1), §3 the catalogue).
import { templateById } from "../../../src/domain/criteria/templates";
import { defaultCatalogue } from "../../../src/domain/nomination/catalogue";
import type { Pact } from "../../../src/domain/start/model";
import { parseRange } from "../../../src/workbook/a1";
import { HEAD_TITLE, PACT_LABELS, PACT_SHEET, pactCriteriaRows, pactSheetPlan, readPactSheet, serialDate } from "../../../src/workbook/start/pactSheet";
import { ID_LABEL, MARK, readRegistrationGrid, readRegistrationSheet, REGISTRATION_HEADERS, REGISTRATION_SHEET, REGISTRATION_TABLE_NAME, registrationSheetPlan } from "../../../src/workbook/start/registrationSheet";
import { gridOf } from "../../fixtures/grid";

const members = ["Sở Khoa học và Công nghệ", "Sở Xây dựng", "Sở Công Thương", "Sở Tài chính", "Sở Giao thông vận tải"];
const bloc = { name: "Khối thi đua Kinh tế ngành", province: "Tiền Giang", year: 2017 };
const table = templateById("departments-100").table;
const pact: Pact = { theme: "Đoàn kết, sáng tạo, thi đua xây dựng và bảo vệ tổ quốc", place: "Tiền Giang", signedOn: { day: 15, month: 3, year: 2017 }, commitments: ["Thực hiện Chỉ thị 34-CT/TW ngày 07/4/2014", "Nâng cao chất lượng tham mưu, cải cách hành chính"] };
const awards = defaultCatalogue().awards;

/** A grid with a column inserted at `at` (everything right of it moves one column right). */
const withColumn = (values: unknown[][], at: number): unknown[][] => values.map((r) => [...r.slice(0, at), "", ...r.slice(at)]);
/** A grid with `n` rows inserted on top. */
const withRows = (values: unknown[][], n: number): unknown[][] => [...Array.from({ length: n }, () => values[0].map(() => "")), ...values];

describe("the pact sheet", () => {
  const plan = pactSheetPlan({ bloc, members, pact, criteria: table });
  const grid = gridOf(plan);
  const flat = grid.values.flat();

  it("carries the bloc and year, place, date, theme and the numbered commitments (seed 001)", () => {
    expect(plan.name).toBe(PACT_SHEET);
    expect(flat).toContain("GIAO ƯỚC THI ĐUA NĂM 2017");
    expect(flat).toContain("Khối thi đua Kinh tế ngành, Tiền Giang");
    expect(flat).toEqual(expect.arrayContaining([PACT_LABELS.theme, pact.theme, PACT_LABELS.signedOn, "15/03/2017", ...pact.commitments]));
    const first = grid.values.findIndex((r) => r.includes(pact.commitments[0]));
    expect(grid.values[first][0]).toBe(1);
    expect(grid.values[first + 1][0]).toBe(2);
  });

  it("copies the criteria table as agreed: every section and criterion with its max points from the table, and the total (DOMAIN §2)", () => {
    const rows = pactCriteriaRows(table);
    expect(rows.filter((r) => r.section)).toHaveLength(table.sections.length);
    for (const r of rows) {
      const at = grid.values.findIndex((row) => row[1] === r.text && row[0] === r.number);
      expect(at).toBeGreaterThan(0);
      expect(grid.values[at][3]).toBe(r.points);
    }
    const contentMax = table.sections.filter((s) => s.children.every((c) => c.kind !== "bonus" && c.kind !== "penalty")).reduce((a, s) => a + (s.max ?? 0), 0);
    expect(contentMax).toBe(table.scale);
    expect(grid.values.find((r) => r[1] === "Tổng điểm chuẩn")?.[3]).toBe(table.scale);
  });

  it("has one signature block per member unit's head, two to a row", () => {
    expect(flat.filter((v) => v === HEAD_TITLE)).toHaveLength(members.length);
    for (const m of members) expect(flat).toContain(m.toLocaleUpperCase("vi"));
    const heads = grid.values.filter((r) => r.includes(HEAD_TITLE));
    expect(heads.map((r) => r.filter((v) => v === HEAD_TITLE).length)).toEqual([2, 2, 1]);
  });

  it("says so where no criteria table exists yet", () => {
    expect(gridOf(pactSheetPlan({ bloc, members, pact, criteria: null })).values.flat().some((v) => typeof v === "string" && v.startsWith("Chưa có bảng tiêu chí"))).toBe(true);
  });

  it("reads back what it wrote, and the same with rows and columns inserted", () => {
    const expected = { found: true, theme: pact.theme, place: pact.place, signedOn: "15/03/2017", commitments: pact.commitments, issues: [] };
    expect(readPactSheet(grid)).toEqual(expected);
    expect(readPactSheet({ ...grid, values: withRows(withColumn(grid.values, 0), 3) })).toEqual(expected);
  });

  it("reads a date Excel turned into a date cell, and points at a date that is not one (start.pact.date)", () => {
    const at = grid.values.findIndex((r) => r[0] === PACT_LABELS.signedOn);
    const serial = grid.values.map((r, i) => (i === at ? [r[0], r[1], 42809, r[3]] : r));
    expect(serialDate(42809)).toEqual({ day: 15, month: 3, year: 2017 });
    expect(readPactSheet({ ...grid, values: serial }).signedOn).toBe("15/03/2017");
    const bad = grid.values.map((r, i) => (i === at ? [r[0], r[1], "30/02/2017", r[3]] : r));
    const read = readPactSheet({ ...grid, values: bad });
    expect(read.issues.map((i) => [i.code, i.where?.cell])).toEqual([["start.pact.date", `C${at + 1}`]]);
  });

  it("keeps the typed cells inside its named region and leaves the commitments editable (blank rows to add more)", () => {
    const name = plan.names[0];
    const r = parseRange(name.range.replace(/\$/g, ""));
    expect(r.rowCount).toBe(grid.values.length);
    expect(grid.values.filter((row) => typeof row[0] === "number" && row[1] === "").length).toBeGreaterThanOrEqual(5);
  });
});

describe("the registration sheet", () => {
  const regs = members.map((unit, i) => ({ unit, awards: i === 0 ? ["co-tinh", "bk-tinh"] : i === 1 ? ["tt-ldxs"] : [], targets: i === 0 ? "Hoàn thành 10 nhiệm vụ trọng tâm\nThu hút 5 dự án" : "" }));
  const plan = registrationSheetPlan({ bloc, awards, registrations: regs });
  const grid = gridOf(plan);

  it("has one row per member (STT, unit), one column per catalogue award with its id under it, and the targets", () => {
    const head = grid.values.findIndex((r) => r.includes(REGISTRATION_HEADERS.unit));
    expect(grid.values[head]).toEqual([REGISTRATION_HEADERS.stt, REGISTRATION_HEADERS.unit, ...awards.map((a) => a.name), REGISTRATION_HEADERS.targets]);
    expect(grid.values[head + 1]).toEqual(["", ID_LABEL, ...awards.map((a) => a.id), ""]);
    expect(grid.values.slice(head + 2).map((r) => r[1])).toEqual(members);
    expect(grid.values[head + 2][2 + awards.findIndex((a) => a.id === "co-tinh")]).toBe(MARK);
  });

  it("validates the award cells to \"x\" and names its table", () => {
    expect(plan.validations.find((v) => v.rule.kind === "list")?.rule).toEqual({ kind: "list", source: [MARK] });
    expect(plan.names.map((n) => n.name)).toEqual([REGISTRATION_TABLE_NAME]);
  });

  it("reads back the ids, the targets (line breaks kept), the bloc and the year; also with moved columns and rows", () => {
    const expected = regs.map((r) => ({ unit: r.unit, awards: awards.filter((a) => r.awards.includes(a.id)).map((a) => a.id), targets: r.targets }));
    const read = readRegistrationGrid(grid);
    expect(read.issues).toEqual([]);
    expect([read.year, read.bloc]).toEqual([2017, bloc.name]);
    expect(read.rows.map(({ unit, awards: a, targets }) => ({ unit, awards: a, targets }))).toEqual(expected);
    const moved = readRegistrationGrid({ ...grid, values: withRows(withColumn(withColumn(grid.values, 4), 0), 2) });
    expect(moved.rows.map(({ unit, awards: a, targets }) => ({ unit, awards: a, targets }))).toEqual(expected);
    expect(moved.rows[0].row).toBe(read.rows[0].row + 2);
  });

  it("warns on a mark that is not \"x\" (start.registration.mark) at its cell and does not count it; ✓ and 1 count", () => {
    const head = grid.values.findIndex((r) => r.includes(REGISTRATION_HEADERS.unit));
    const v = grid.values.map((r) => [...r]);
    v[head + 4][2] = "?";
    v[head + 4][3] = "✓";
    v[head + 5][3] = 1;
    const read = readRegistrationGrid({ ...grid, values: v });
    expect(read.issues.map((i) => [i.code, i.severity, i.where?.cell])).toEqual([["start.registration.mark", "warning", `C${head + 5}`]]);
    expect(read.rows[2].awards).toEqual([awards[1].id]);
    expect(read.rows[3].awards).toEqual([awards[1].id]);
  });

  it("refuses an award column without its id (start.registration.sheet.noIds)", () => {
    const head = grid.values.findIndex((r) => r.includes(REGISTRATION_HEADERS.unit));
    const v = grid.values.map((r, i) => (i === head + 1 ? r.map((x, k) => (k === 3 ? "" : x)) : r));
    expect(readRegistrationGrid({ ...grid, values: v }).issues.map((i) => [i.code, i.where?.cell])).toEqual([["start.registration.sheet.noIds", `D${head + 1}`]]);
  });

  it("readRegistrationSheet: null without the sheet; found by its table's name when renamed", () => {
    const sheet = { name: REGISTRATION_SHEET, exists: true, row: 0, col: 0, values: grid.values };
    expect(readRegistrationSheet({ byName: {}, byDefinedName: {} } as never)).toBeNull();
    expect(readRegistrationSheet({ byName: { [REGISTRATION_SHEET]: { ...sheet, exists: false, values: [] } }, byDefinedName: {} } as never)).toBeNull();
    const renamed = readRegistrationSheet({ byName: {}, byDefinedName: { [REGISTRATION_TABLE_NAME]: { ...sheet, name: "Đăng ký 2017" } } } as never)!;
    expect(renamed.rows[0]).toEqual({ unit: members[0], awards: ["co-tinh", "bk-tinh"], targets: regs[0].targets, row: 6 });
  });
});
