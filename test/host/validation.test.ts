import { MemoryHost } from "../../src/host";
import { caught } from "./helpers";

async function setup(host: MemoryHost): Promise<void> {
  await host.run(async (ctx) => {
    const s = ctx.workbook.worksheets.getItem("Sheet1");
    s.getRange("A1:A3").values = [["Xuất sắc"], ["Tốt"], ["Khá"]];
    s.getRange("B2:B10").dataValidation.rule = { list: { inCellDropDown: true, source: "Đạt,Không đạt" } };
    s.getRange("C2:C10").dataValidation.rule = { list: { inCellDropDown: true, source: "=$A$1:$A$3" } };
    s.getRange("D2:D10").dataValidation.rule = { wholeNumber: { formula1: 0, formula2: 100, operator: "Between" } };
    s.getRange("E2:E10").dataValidation.rule = { decimal: { formula1: "0", formula2: "10", operator: "Between" } };
    s.getRange("F2:F10").dataValidation.rule = { textLength: { formula1: 5, operator: "LessThanOrEqualTo" } };
    s.getRange("G2:G10").dataValidation.rule = { custom: { formula: "=G2>D2" } };
  });
}

describe("data validation", () => {
  test("rules are stored and read back in Excel's shape (formulas as strings)", async () => {
    const host = new MemoryHost();
    await setup(host);
    await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      const list = s.getRange("B2:B10").dataValidation.load("rule, type, ignoreBlanks");
      const whole = s.getRange("D5").dataValidation.load("rule, type");
      const mixed = s.getRange("B2:C2").dataValidation.load("type, rule");
      const none = s.getRange("Z1").dataValidation.load("type");
      await ctx.sync();
      expect(list.type).toBe("List");
      expect(list.rule).toEqual({ list: { inCellDropDown: true, source: "Đạt,Không đạt" } });
      expect(list.ignoreBlanks).toBe(true);
      expect(whole.type).toBe("WholeNumber");
      expect(whole.rule).toEqual({ wholeNumber: { formula1: "=0", formula2: "=100", operator: "Between" } });
      expect(mixed.type).toBe("Inconsistent");
      expect(mixed.rule).toBeNull();
      expect(none.type).toBe("None");
    });
    expect(host.validation("Sheet1", "C4")).toMatchObject({ range: "C2:C10", type: "List", rule: { list: { source: "=$A$1:$A$3" } } });
    expect(host.validation("Sheet1", "Z9")).toBeNull();
  });

  test("list source from a Range object", async () => {
    const host = new MemoryHost();
    await host.run(async (ctx) => {
      const src = ctx.workbook.worksheets.add("DanhMuc");
      src.getRange("A1:A2").values = [["Có"], ["Không"]];
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:A5").dataValidation.rule = { list: { inCellDropDown: true, source: src.getRange("A1:A2") } };
    });
    expect(host.validation("Sheet1", "A1")?.rule).toEqual({ list: { inCellDropDown: true, source: "=DanhMuc!$A$1:$A$2" } });
  });

  test("errorAlert and prompt; defaults", async () => {
    const host = new MemoryHost();
    await setup(host);
    await host.run(async (ctx) => {
      const dv = ctx.workbook.worksheets.getItem("Sheet1").getRange("D2:D10").dataValidation;
      const before = ctx.workbook.worksheets.getItem("Sheet1").getRange("D2:D10").dataValidation.load("errorAlert, prompt");
      await ctx.sync();
      expect(before.errorAlert).toEqual({ message: "", showAlert: true, style: "Stop", title: "" });
      expect(before.prompt).toEqual({ message: "", showPrompt: false, title: "" });
      dv.errorAlert = { message: "Điểm từ 0 đến 100", showAlert: true, style: "Stop", title: "Sai điểm" };
      dv.prompt = { message: "Nhập điểm", showPrompt: true, title: "Điểm" };
      dv.load("errorAlert, prompt");
      await ctx.sync();
      expect(dv.errorAlert.title).toBe("Sai điểm");
      expect(dv.prompt.showPrompt).toBe(true);
    });
    expect(host.validation("Sheet1", "D3")?.errorAlert.message).toBe("Điểm từ 0 đến 100");
  });

  test("invalid cells: list membership is case-insensitive, numbers are checked against bounds, whole vs decimal, text length, custom", async () => {
    const host = new MemoryHost();
    await setup(host);
    await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      s.getRange("B2:G3").values = [
        ["đạt", "tốt", 50, 9.5, "ngắn", 60],
        ["Sai", "Trung bình", 50.5, 11, "quá dài", 10],
      ];
      s.getRange("D4").values = [[101]];
      s.getRange("E4").values = [["chữ"]];
    });
    expect(host.invalidCells("Sheet1")).toEqual(["B3", "C3", "D3", "E3", "F3", "G3", "D4", "E4"]);
  });

  test("getInvalidCellsOrNullObject and valid", async () => {
    const host = new MemoryHost();
    await setup(host);
    await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      const none = s.getRange("D2:D10").dataValidation.getInvalidCellsOrNullObject();
      const allValid = s.getRange("D2:D10").dataValidation.load("valid");
      await ctx.sync();
      expect(none.isNullObject).toBe(true);
      expect(allValid.valid).toBe(true);
      s.getRange("D2:D5").values = [[1], [200], [300], [4]];
      const bad = s.getRange("D2:D10").dataValidation.getInvalidCellsOrNullObject().load("address, areaCount, cellCount");
      const areas = bad.areas.load("items/address");
      const mixed = s.getRange("D2:D5").dataValidation.load("valid");
      const allBad = s.getRange("D3:D4").dataValidation.load("valid");
      await ctx.sync();
      expect(bad.isNullObject).toBe(false);
      expect(bad.address).toBe("Sheet1!D3:D4");
      expect(bad.cellCount).toBe(2);
      expect(areas.items.map((a) => a.address)).toEqual(["Sheet1!D3:D4"]);
      expect(mixed.valid).toBeNull();
      expect(allBad.valid).toBe(false);
    });
  });

  test("clear removes the rule from the range only", async () => {
    const host = new MemoryHost();
    await setup(host);
    await host.run(async (ctx) => ctx.workbook.worksheets.getItem("Sheet1").getRange("B2:B5").dataValidation.clear());
    expect(host.validation("Sheet1", "B3")).toBeNull();
    expect(host.validation("Sheet1", "B6")?.range).toBe("B6:B10");
  });

  test("a rule must have exactly one criteria and a valid operator", async () => {
    const host = new MemoryHost();
    const e = await caught(() =>
      host.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").dataValidation.rule = { wholeNumber: { formula1: 1, operator: "Between" } };
      }),
    );
    expect(e.code).toBe("InvalidArgument");
    const e2 = await caught(() =>
      host.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").dataValidation.rule = {
          wholeNumber: { formula1: 1, operator: "GreaterThan" },
          decimal: { formula1: 1, operator: "GreaterThan" },
        };
      }),
    );
    expect(e2.code).toBe("InvalidArgument");
  });

  test("rules follow inserted and deleted rows, and their formulas are adjusted", async () => {
    const host = new MemoryHost();
    await setup(host);
    host.userInsertRows("Sheet1", 1, 2);
    expect(host.validation("Sheet1", "C4")).toMatchObject({ range: "C4:C12", rule: { list: { source: "=$A$3:$A$5" } } });
    expect(host.validation("Sheet1", "G4")?.rule).toEqual({ custom: { formula: "=G4>D4" } });
    host.userDeleteRows("Sheet1", 4, 1);
    expect(host.validation("Sheet1", "G4")).toMatchObject({ range: "G4:G11", rule: { custom: { formula: "=G4>D4" } } });
    host.userInsertRows("Sheet1", 6, 1); // inside the ranges: they grow
    expect(host.validation("Sheet1", "B4")?.range).toBe("B4:B12");
  });

  test("userEdit honours a Stop alert; pasting does not", async () => {
    const host = new MemoryHost();
    await setup(host);
    const e = await caught(() => host.userEdit("Sheet1", "D2", 500));
    expect(e.code).toBe("InvalidArgument");
    expect(host.values("Sheet1", "D2")).toEqual([[""]]);
    host.userEdit("Sheet1", "D2", 50);
    expect(host.values("Sheet1", "D2")).toEqual([[50]]);
    host.userPaste("Sheet1", "D3", [[500]]);
    expect(host.invalidCells("Sheet1")).toEqual(["D3"]);
  });

  test("requires ExcelApi 1.8", async () => {
    const host = new MemoryHost({ apiSets: { ExcelApi: "1.7" } });
    const e = await caught(() => host.run(async (ctx) => void ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").dataValidation));
    expect(e.code).toBe("ApiNotFound");
  });
});
