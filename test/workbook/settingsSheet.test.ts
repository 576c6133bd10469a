import { defaultSettings, type ScoringSettings } from "../../src/domain/scoring/settings";
import { readSettingsSheet, settingsSheetPlan } from "../../src/workbook/scoring/settingsSheet";
import { gridOf } from "../fixtures/grid";

const sections = ["Phần I", "Phần II", "Phần III", "Phần IV", "Phần V", "Phần VI"];

describe("the Cài đặt sheet", () => {
  it("reads back what it writes, every section told apart (Phần II is not Phần I)", () => {
    const settings: ScoringSettings = {
      ...defaultSettings(100),
      stage: "agreed",
      tieBreakers: [{ by: "section", section: 1 }, { by: "section", section: 5 }, { by: "penalty" }, { by: "section", section: 3 }, { by: "bonus" }],
    };
    const read = readSettingsSheet(gridOf(settingsSheetPlan(settings, sections)), defaultSettings(100), sections);
    expect(read.issues).toEqual([]);
    expect(read.settings).toEqual(settings);
  });

  it("points at a band whose minimum is not a number", () => {
    const g = gridOf(settingsSheetPlan(defaultSettings(100), sections));
    const r = g.values.findIndex((row) => row[0] === "Hoàn thành tốt nhiệm vụ");
    g.values[r][1] = "tám mươi";
    const read = readSettingsSheet(g, defaultSettings(100), sections);
    expect(read.issues.map((i) => [i.code, i.where?.cell])).toEqual([["settings.band.min", `B${r + 1}`]]);
  });
});
