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

describe("the Cài đặt sheet: a tie step on a named criterion and the floor 'no criterion scored 0' (issue #10 point 12)", () => {
  // Cần Thơ KH 157/2025 (../shared/fixtures/real-tables/cantho-157-2025.tsv, section II): ties go to a named
  // indicator, then "bỏ phiếu để thống nhất"; DOMAIN.md §2: a class floor "no criterion scored 0".
  it("writes and reads back both", () => {
    const settings: ScoringSettings = {
      ...defaultSettings(100),
      tieBreakers: [{ by: "criterion", id: "II.5.1.a" }, { by: "penalty" }],
      bands: [{ label: "Hoàn thành xuất sắc nhiệm vụ", min: 90, floorPercent: null, noZero: true }, { label: "Hoàn thành tốt nhiệm vụ", min: 80, floorPercent: 80 }],
    };
    const g = gridOf(settingsSheetPlan(settings, sections));
    expect(g.values.some((r) => r[1] === "Điểm tiêu chí II.5.1.a cao hơn")).toBe(true);
    expect(g.values.find((r) => r[0] === "Hoàn thành xuất sắc nhiệm vụ")?.[3]).toBe("x");
    const read = readSettingsSheet(g, defaultSettings(100), sections, ["I", "II.5.1", "II.5.1.a"]);
    expect(read.issues).toEqual([]);
    expect(read.settings).toEqual(settings);
  });

  it("points at a tie step naming a criterion the table does not have", () => {
    const g = gridOf(settingsSheetPlan({ ...defaultSettings(100), tieBreakers: [{ by: "criterion", id: "IX.9" }] }, sections));
    const read = readSettingsSheet(g, defaultSettings(100), sections, ["I", "I.1"]);
    const r = g.values.findIndex((row) => row[1] === "Điểm tiêu chí IX.9 cao hơn");
    expect(read.issues.map((i) => [i.code, i.where?.cell])).toEqual([["settings.tie.criterion", `B${r + 1}`]]);
  });
});
