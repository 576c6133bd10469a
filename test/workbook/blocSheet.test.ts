import { validateBloc } from "../../src/domain/bloc/bloc";
import { BLOC_SHEET, blocSheetPlan, readBlocSheet } from "../../src/workbook/bloc/blocSheet";
import { sampleDraft } from "../fixtures/bloc";
import { gridOf } from "../fixtures/grid";


const bloc = validateBloc(sampleDraft()).bloc!;

describe("the Khối sheet", () => {
  it("plans the record with names, validation and print setup", () => {
    const p = blocSheetPlan(bloc);
    expect(p.name).toBe(BLOC_SHEET);
    expect(p.names.map((n) => n.name)).toEqual(["BX_Khoi_Ten", "BX_Khoi_Tinh", "BX_Khoi_Nam", "BX_Khoi_Truong", "BX_Khoi_Pho", "BX_Khoi_DonVi"]);
    expect(p.names.find((n) => n.name === "BX_Khoi_DonVi")?.range).toBe("$B$13:$B$20");
    expect(p.validations.map((v) => v.rule.kind)).toEqual(["whole", "list"]);
    expect(p.print).toMatchObject({ paper: "A4", orientation: "Portrait" });
    for (const v of p.validations) {
      expect(v.error.title.length).toBeLessThanOrEqual(32); // Excel's limit
      expect(v.error.message.length).toBeLessThanOrEqual(225);
    }
  });

  it("reads back what it writes", () => {
    const read = readBlocSheet(gridOf(blocSheetPlan(bloc)));
    expect(read.found).toBe(true);
    expect(read.issues).toEqual([]);
    expect(read.unknownCells).toEqual([]);
    expect(validateBloc(read.draft).bloc).toEqual(bloc);
    expect(read.at.name).toEqual({ sheet: "Khối", cell: "B4" });
    expect(read.at.members?.[7].name).toEqual({ sheet: "Khối", cell: "B20" });
  });

  it("reads a sheet whose rows were inserted, sorted, shifted and typed in NFD", () => {
    const g = gridOf(blocSheetPlan(bloc));
    // Two rows inserted above everything, the member rows sorted by name descending, a blank row in the list.
    const header = g.values.findIndex((r) => r[1] === "Tên đơn vị");
    const members = g.values.slice(header + 1).sort((a, b) => String(b[1]).localeCompare(String(a[1])));
    const rows = [["", "", "", ""], ["", "", "", ""], ...g.values.slice(0, header + 1), members[0], ["", "", "", ""], ...members.slice(1)].map((r) =>
      r.map((v) => (typeof v === "string" ? v.normalize("NFD") : v)),
    );
    const read = readBlocSheet({ sheet: "Khối", row: 3, col: 2, values: rows });
    const again = validateBloc(read.draft, read.at);
    expect(again.issues).toEqual([]);
    expect(again.bloc?.members.map((m) => m.name).sort()).toEqual(bloc.members.map((m) => m.name).sort());
    expect(again.bloc?.leader).toBe(bloc.leader);
    // Cells are reported where they now are: used range from C4, two rows inserted, the name on the 4th row → D9.
    expect(read.at.name?.cell).toBe("D9");
  });

  it("points an invalid year at its cell", () => {
    const g = gridOf(blocSheetPlan(bloc));
    const yearRow = g.values.findIndex((r) => r[0] === "Năm thi đua");
    g.values[yearRow][1] = "hai nghìn";
    const read = readBlocSheet(g);
    const { issues } = validateBloc(read.draft, read.at);
    expect(issues).toEqual([expect.objectContaining({ code: "bloc.year.invalid", where: { sheet: "Khối", cell: `B${yearRow + 1}` } })]);
  });

  it("lists cells it does not know, and finds nothing on a foreign sheet", () => {
    const g = gridOf(blocSheetPlan(bloc));
    g.values[5][3] = "ghi chú riêng";
    const read = readBlocSheet(g);
    expect(read.unknownCells).toEqual(["D6"]);
    expect(read.issues.map((i) => i.code)).toEqual(["bloc.sheet.unknownContent"]);
    g.values.push(["", "", "", "", "", "x"]);
    expect(readBlocSheet(g).unknownCells).toEqual(["D6", `F${g.values.length}`]);
  });

  it("says nothing is there on a sheet of other content", () => {
    const read = readBlocSheet({ sheet: "Khối", row: 0, col: 0, values: [["Doanh thu", 100], ["Chi phí", 50]] });
    expect(read.found).toBe(false);
    expect(read.unknownCells).toEqual(["A1", "B1", "A2", "B2"]);
  });
});
