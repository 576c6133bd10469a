import { nextLeadership } from "../../src/domain/voting/leader";
import { writeSheets } from "../../src/excel/apply";
import { MemoryHost } from "../../src/host";
import { parseRange } from "../../src/workbook/a1";
import {
  HOW_TEXT,
  howOf,
  LEADERSHIP_HEADERS,
  LEADERSHIP_LAYOUT,
  LEADERSHIP_SHEET,
  LEADERSHIP_TITLE,
  leadershipSheetPlan,
  readLeadershipSheet,
  SPARE_ROWS,
  upsertLeadership,
  type LeadershipRow,
} from "../../src/workbook/bloc/leadershipSheet";
import type { Grid } from "../../src/workbook/grid";
import { gridOf } from "../fixtures/grid";

const UNITS = ["Sở Công Thương", "Sở Xây dựng", "Sở Văn hóa, Thể thao và Du lịch", "Sở Tài chính", "Sở Nội vụ"];
const [A, B, C, D, E] = UNITS;

const ROWS: LeadershipRow[] = [
  { year: 2025, leader: B, deputies: [C], how: "rotation", basis: "Biên bản hội nghị tổng kết 2024" },
  { year: 2024, leader: A, deputies: [B, D], how: "recorded", basis: "" },
  { year: 2026, leader: C, deputies: [D, E], how: "election", basis: "Biên bản kiểm phiếu V3, 05/12/2025" },
];
const SORTED = [...ROWS].sort((a, b) => a.year - b.year);

async function written(rows: LeadershipRow[], members?: string[]) {
  const host = new MemoryHost();
  const w = await writeSheets(host, [leadershipSheetPlan(rows, { members })], { sheets: ["Sheet1"], names: [] });
  expect(w.ok).toBe(true);
  return host;
}

/** The sheet's used range as a reader gets it. */
function gridFrom(host: MemoryHost, sheet = LEADERSHIP_SHEET): Grid {
  const used = host.usedRange(sheet)!;
  const r = parseRange(used);
  return { sheet, row: r.row, col: r.col, values: host.values(sheet, used) };
}

describe("the leadership-across-years sheet", () => {
  it("plans the title, the table by year with spare rows, drop-downs, the name and print", () => {
    const p = leadershipSheetPlan(ROWS, { members: UNITS });
    expect(p.name).toBe(LEADERSHIP_SHEET);
    const g = gridOf(p);
    expect(g.values[0][0]).toBe(LEADERSHIP_TITLE);
    expect(g.values[LEADERSHIP_LAYOUT.header].slice(0, 6)).toEqual([...LEADERSHIP_HEADERS]);
    expect(g.values[LEADERSHIP_LAYOUT.first].slice(0, 6)).toEqual([2024, A, B, D, "Ghi nhận", ""]);
    expect(g.values[LEADERSHIP_LAYOUT.first + 2].slice(0, 6)).toEqual([2026, C, D, E, "Bầu", "Biên bản kiểm phiếu V3, 05/12/2025"]);
    // 3 records + 20 empty rows below the header (row 4): rows 5–27.
    const last = 4 + ROWS.length + SPARE_ROWS;
    expect(p.names).toEqual([expect.objectContaining({ name: "BX_TruongKhoi_Bang", range: `$A$4:$F$${last}` })]);
    expect(p.validations.map((v) => [v.range, v.rule.kind])).toEqual([
      [`A5:A${last}`, "whole"],
      [`E5:E${last}`, "list"],
      [`B5:D${last}`, "list"],
    ]);
    expect(p.validations[0].rule).toEqual({ kind: "whole", min: 2000, max: 2100 });
    expect(p.validations[1].rule).toEqual({ kind: "list", source: ["Luân phiên", "Bầu", "Chỉ định", "Ghi nhận"] });
    // The unit list sits in a hidden column, so a name with a comma stays one item.
    expect(p.validations[2].rule).toEqual({ kind: "list", source: { range: "$H$5:$H$9" } });
    expect(p.hiddenColumns).toEqual(["H"]);
    for (const v of p.validations) {
      expect(v.error.title.length).toBeLessThanOrEqual(32);
      expect(v.error.message.length).toBeLessThanOrEqual(225);
    }
    expect(p.protection ?? null).toBeNull();
    expect(p.unlocked).toEqual([]);
    expect(p.formats).toContainEqual({ range: `A5:F${last}`, format: expect.objectContaining({ fill: "#FFFFE0" }) });
    expect(p.formats).toContainEqual({ range: "A2:F2", format: expect.objectContaining({ italic: true }) });
    expect(p.print).toMatchObject({ orientation: "Landscape", paper: "A4", titleRows: "$4:$4" });
  });

  it("offers no unit drop-down without members, and lists recorded former members with them", () => {
    const bare = leadershipSheetPlan(ROWS);
    expect(bare.validations.map((v) => v.rule.kind)).toEqual(["whole", "list"]);
    expect(bare.hiddenColumns).toBeUndefined();
    const former = "Sở Khoa học và Công nghệ";
    const p = leadershipSheetPlan([...ROWS, { year: 2020, leader: former, deputies: [], how: "recorded", basis: "" }], { members: UNITS });
    const list = p.blocks.find((b) => b.at === "H4")!.rows.map((r) => r[0]);
    expect(list.slice(1)).toEqual([...UNITS, former]);
  });

  it("round-trips through the workbook, and its drop-downs accept members and refuse others", async () => {
    const host = await written(ROWS, UNITS);
    const read = readLeadershipSheet(gridFrom(host));
    expect(read.found).toBe(true);
    expect(read.issues).toEqual([]);
    expect(read.rows).toEqual(SORTED);

    const spare = 5 + ROWS.length; // first empty row (1-based)
    host.userEdit(LEADERSHIP_SHEET, `A${spare}`, 2023);
    host.userEdit(LEADERSHIP_SHEET, `B${spare}`, C); // the comma in the name is fine
    host.userEdit(LEADERSHIP_SHEET, `E${spare}`, HOW_TEXT.designation);
    expect(() => host.userEdit(LEADERSHIP_SHEET, `C${spare}`, "Công an tỉnh")).toThrow();
    expect(() => host.userEdit(LEADERSHIP_SHEET, `A${spare + 1}`, 1999)).toThrow();
    expect(() => host.userEdit(LEADERSHIP_SHEET, `E${spare + 1}`, "Bốc thăm")).toThrow();
    expect(host.invalidCells(LEADERSHIP_SHEET)).toEqual([]);
    const again = readLeadershipSheet(gridFrom(host));
    expect(again.rows.map((r) => [r.year, r.leader, r.how])).toEqual([[2023, C, "designation"], ...SORTED.map((r) => [r.year, r.leader, r.how])]);

    // Rows inserted above the header: the same record, errors at the cells where they now are.
    host.userInsertRows(LEADERSHIP_SHEET, 3, 2);
    host.userPaste(LEADERSHIP_SHEET, `C${spare + 2}`, [[C]]); // deputy = leader on the 2023 row, now two rows lower
    const moved = readLeadershipSheet(gridFrom(host));
    expect(moved.rows.map((r) => r.year)).toEqual([2023, 2024, 2025, 2026]);
    expect(moved.issues).toEqual([expect.objectContaining({ code: "leadership.deputy.isLeader", where: { sheet: LEADERSHIP_SHEET, cell: `C${spare + 2}` } })]);
  });

  it("reports errors in English and Vietnamese at the right cells", () => {
    const g = gridOf(leadershipSheetPlan(ROWS));
    const f = LEADERSHIP_LAYOUT.first; // 0-based row of 2024 → Excel row f + 1
    g.values[f][0] = "hai nghìn"; // not a year
    g.values[f + 1][3] = B.toUpperCase(); // deputy 2 = the leader (any case)
    g.values[f + 3].splice(0, 3, 2026, "", A); // 2026 again, and no leader
    g.values[f + 4].splice(0, 2, 2030, ""); // a year without a leader
    g.values[f + 5].splice(0, 2, "", D); // a leader without a year
    g.values[f + 6].splice(2, 4, E, "", "", "ghi chú lạc"); // no year, no leader: skipped
    const read = readLeadershipSheet(g);
    const at = (code: string) => read.issues.filter((i) => i.code === code).map((i) => i.where?.cell);
    expect(at("leadership.year.invalid")).toEqual([`A${f + 1}`]);
    expect(at("leadership.deputy.isLeader")).toEqual([`D${f + 2}`]);
    expect(at("leadership.year.duplicate")).toEqual([`A${f + 4}`]);
    expect(at("leadership.leader.empty")).toEqual([`B${f + 4}`, `B${f + 5}`]);
    expect(at("leadership.year.empty")).toEqual([`A${f + 6}`]);
    expect(read.issues).toHaveLength(6);
    for (const i of read.issues) {
      expect(i.severity).toBe("error");
      expect(i.where?.sheet).toBe(LEADERSHIP_SHEET);
      expect(i.message.vi).not.toBe(i.message.en);
      expect(i.message.vi.length * i.message.en.length).toBeGreaterThan(0);
    }
    expect(read.issues.find((i) => i.code === "leadership.year.duplicate")?.message.vi).toContain(`dòng ${f + 3}`);
    // The 2025 row stays, without the deputy that is the leader; the first 2026 row is kept.
    expect(read.rows).toEqual([
      { ...ROWS[0], deputies: [C] },
      { ...ROWS[2], how: "election" },
    ]);
  });

  it("reads NFD, unaccented labels, a shifted used range, extra columns and unknown ways of choosing", () => {
    const g = gridOf(leadershipSheetPlan(ROWS));
    const header = g.values.findIndex((r) => r[0] === "Năm");
    // A column inserted before "Cách chọn", unaccented and NFD labels, two rows inserted above the header.
    const rows = g.values.map((r, i) => {
      const row = r.map((v) => (typeof v === "string" ? v.normalize("NFD") : v));
      row.splice(4, 0, i === header ? "Ghi chú" : i === header + 1 ? "xem hồ sơ" : "");
      return row;
    });
    rows[header].splice(0, 4, "nam", "TRUONG KHOI", "Pho truong khoi 1", "pho truong khoi (2)");
    rows[header + 2][5] = "Bốc thăm";
    rows[header + 3][5] = "bau cu";
    const blank = rows[0].map(() => "");
    const shifted = [...rows.slice(0, header), blank, blank, ...rows.slice(header)];
    const read = readLeadershipSheet({ sheet: "Đổi tên", row: 2, col: 1, values: shifted });
    expect(read.issues).toEqual([]);
    expect(read.rows).toEqual([SORTED[0], { ...SORTED[1], how: "recorded" }, SORTED[2]]);
    expect(read.rows[1].leader).toBe(B.normalize("NFC"));
    // An error is placed through the shift: used range from B3, header now two rows lower.
    shifted[header + 2 + 1][0] = 1990;
    expect(readLeadershipSheet({ sheet: "Đổi tên", row: 2, col: 1, values: shifted }).issues[0].where).toEqual({ sheet: "Đổi tên", cell: `B${header + 2 + 1 + 3}` });
    expect(howOf("")).toBe("recorded");
    expect(howOf("LUAN PHIEN")).toBe("rotation");
    expect(readLeadershipSheet({ sheet: "x", row: 0, col: 0, values: [["Năm", "Doanh thu"]] })).toEqual({ found: false, rows: [], issues: [] });
  });

  it("upserts one row per year, replacing the same year and keeping the order", () => {
    const next: LeadershipRow = { year: 2025, leader: D, deputies: [E], how: "designation", basis: "Quyết định số 12" };
    const { rows, replaced } = upsertLeadership(ROWS, next);
    expect(replaced).toEqual(ROWS[0]);
    expect(rows.map((r) => [r.year, r.leader])).toEqual([
      [2024, A],
      [2025, D],
      [2026, C],
    ]);
    expect(ROWS[0].leader).toBe(B); // the input is not changed
    const added = upsertLeadership(rows, { ...next, year: 2027 });
    expect(added.replaced).toBeNull();
    expect(added.rows.map((r) => r.year)).toEqual([2024, 2025, 2026, 2027]);
    expect(upsertLeadership([], next)).toEqual({ rows: [next], replaced: null });
  });

  it("feeds the rotation: the rows read back decide next year's leader", async () => {
    const host = await written(ROWS, UNITS);
    const { rows } = readLeadershipSheet(gridFrom(host));
    // A, B, C have led (2024–2026); after C comes D, then E as deputy.
    const next = nextLeadership({ roster: UNITS, history: rows, year: 2027, mode: { mode: "rotation", deputies: 1 } });
    expect(next).toMatchObject({ year: 2027, leader: D, deputies: [E] });

    // Written back and read again, 2027 counts too: E leads 2028, then the rotation starts over (A, B).
    const upd = upsertLeadership(rows, { year: 2027, leader: next.leader!, deputies: next.deputies, how: "rotation", basis: "Luân phiên theo danh sách" });
    const host2 = await written(upd.rows, UNITS);
    const history = readLeadershipSheet(gridFrom(host2)).rows;
    expect(history.map((r) => r.leader)).toEqual([A, B, C, D]);
    const after = nextLeadership({ roster: UNITS, history, year: 2028, mode: { mode: "rotation", deputies: 2 } });
    expect(after).toMatchObject({ leader: E, deputies: [A, B] });
  });
});
