import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import ExcelJS from "exceljs";
import { parseScenario, scenarioJsonSchema } from "../../src/cli/scenario";
import { runScenario } from "../../src/cli/run";

const DOCS = resolve(__dirname, "../../docs");
const sample = JSON.parse(readFileSync(resolve(DOCS, "scenario.sample.json"), "utf8"));

describe("scenario files", () => {
  it("the published JSON Schema is the one the code checks with", () => {
    // Regenerate with: npm run -s demo -- --schema > docs/scenario.schema.json
    expect(JSON.parse(readFileSync(resolve(DOCS, "scenario.schema.json"), "utf8"))).toEqual(JSON.parse(JSON.stringify(scenarioJsonSchema())));
  });

  it("accepts the sample and says what is wrong with a bad file, by path", () => {
    expect(parseScenario(sample).ok).toBe(true);
    const bad = parseScenario({ bloc: { ...sample.bloc, members: [{ name: 5 }], extra: true } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.problems.some((p) => p.startsWith("bloc.members.0.name"))).toBe(true);
      expect(bad.problems.some((p) => p.includes("extra"))).toBe(true);
    }
  });

  it("plays the sample into a workbook that ExcelJS (and so LibreOffice) opens with the bloc on Khối", async () => {
    const parsed = parseScenario(sample);
    if (!parsed.ok) throw new Error(parsed.problems.join("\n"));
    const report = await runScenario(parsed.scenario);
    expect(report.ok).toBe(true);
    expect(report.steps.slice(0, 4).map((s) => [s.step, s.ok, s.syncs])).toEqual([
      ["bloc", true, 2],
      ["scoring: insert", true, 2],
      ["scoring: enter scores", true, 2],
      ["scoring: validate", true, 1],
    ]);
    // Every count costs one round trip; minutes a read and a write.
    for (const s of report.steps) if (/: (round 2 )?count$/.test(s.step)) expect(s.syncs).toBe(1);
    for (const s of report.steps) if (/^vote .*minutes$/.test(s.step)) expect(s.syncs).toBe(2);
    // The year ends with the list (two reads, one write), the documents and the exports.
    expect(report.steps.find((s) => s.step === "nomination: list and minutes")?.syncs).toBe(3);
    expect(report.nomination?.list.map((p) => [p.award, p.unit])).toEqual(
      expect.arrayContaining([
        ["Cờ thi đua của UBND tỉnh", "Sở Công Thương"],
        ["Bằng khen của Thủ tướng Chính phủ", "Ban Quản lý các Khu công nghiệp tỉnh"],
        ["Bằng khen của Chủ tịch UBND tỉnh", "Sở Xây dựng"],
      ]),
    );
    expect(report.nomination?.files.map((f) => f.name.replace(/-\d{4}/, ""))).toEqual(
      expect.arrayContaining(["To-trinh-de-nghi-khen-thuong.docx", "Bien-ban-hop-binh-xet.docx", "Danh-sach-de-nghi.xlsx", "Danh-sach-de-nghi.csv"]),
    );
    // The votes: a flag by double entry with a typing difference the committee settled; an award with
    // an invalid ballot and a tie (equal votes, equal scores) sent to a revote; next year's leaders.
    const [flag, merit, merit2, leader, deputy] = report.votes;
    expect(flag.differences).toHaveLength(2);
    expect(flag.entryStatement?.vi).toMatch(/lần nhập 1/);
    expect(flag.elected).toEqual(["Sở Công Thương", "Ban Quản lý các Khu công nghiệp tỉnh"]);
    expect(merit.result.totals).toMatchObject({ returned: 8, valid: 7, invalid: 1 });
    expect(merit.result.tie?.candidates).toEqual(["Sở Xây dựng", "Sở Giao thông vận tải"]);
    expect(merit.result.tie?.steps.map((t) => t.step)).toEqual(["higherScore", "revote"]);
    expect(merit.result.tie?.steps[0]).toMatchObject({ applied: true, stillTied: ["Sở Xây dựng", "Sở Giao thông vận tải"] });
    expect(merit2.result.vote.round).toBe(2);
    expect(merit2.elected).toEqual(["Sở Xây dựng"]);
    expect([leader.elected, deputy.elected]).toEqual([["Ban Quản lý các Khu công nghiệp tỉnh"], ["Sở Xây dựng"]]);
    expect(report.leadership).toEqual({ year: 2027, leader: "Ban Quản lý các Khu công nghiệp tỉnh", deputies: ["Sở Xây dựng"] });
    // The sample shows a leading unit and a declared tie.
    expect(report.results.filter((r) => r.leading)).toHaveLength(1);
    expect(report.results.filter((r) => r.tied).length).toBeGreaterThanOrEqual(2);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await report.host.toXlsx()) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Khối");
    expect(ws).toBeDefined();
    expect(ws!.getCell("B4").value).toBe(sample.bloc.name);
    expect(ws!.getCell("B13").value).toBe("Sở Công Thương");
    expect(ws!.getCell("B20").value).toBe("Liên minh Hợp tác xã tỉnh");
    for (const name of ["Tiêu chí", "Cài đặt", "Tổng hợp", "SCT", "LMHTX"]) expect(wb.getWorksheet(name)).toBeDefined();
  });

  it("stops on a bloc with errors and reports them", async () => {
    const parsed = parseScenario({ bloc: { ...sample.bloc, year: "hai nghìn" } });
    if (!parsed.ok) throw new Error("shape");
    const report = await runScenario(parsed.scenario);
    expect(report.ok).toBe(false);
    expect(report.steps[0].issues.map((i) => i.code)).toEqual(["bloc.year.invalid"]);
  });
});
