import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import ExcelJS from "exceljs";
import { loadScenario, parseScenario, scenarioJsonSchema } from "../../src/cli/scenario";
import { runScenario } from "../../src/cli/run";
import { defaultCatalogue } from "../../src/domain/nomination/catalogue";
import type { MemoryHost } from "../../src/host";
import { readCatalogueSheet } from "../../src/workbook/nomination/catalogueSheet";

/** A sheet's used range as the readers take it. */
function gridOfSheet(h: MemoryHost, sheet: string) {
  const used = h.usedRange(sheet)!;
  return { sheet, row: 0, col: 0, values: h.values(sheet, `A1:${used.split(":").pop()}`) };
}

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
      expect(bad.problems.some((p) => p.startsWith("bloc.members[0].name"))).toBe(true);
      expect(bad.problems.some((p) => p.includes("extra"))).toBe(true);
      // Coded, in both languages, with the JSON path (issue #11): not zod's English text.
      expect(bad.issues.map((i) => [i.code, i.field])).toEqual(expect.arrayContaining([["scenario.shape.string", "bloc.members[0].name"], ["scenario.shape.unknownKey", "bloc.extra"]]));
      for (const i of bad.issues) expect(i.message.vi).not.toMatch(/Invalid input|Unrecognized/);
    }
  });

  it("reads the file's bytes: a UTF-8 byte-order mark is fine, another encoding or broken JSON is named (issue #11, RFC 8259 §8.1)", () => {
    const text = readFileSync(resolve(DOCS, "scenario.sample.json"), "utf8");
    expect(loadScenario(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), "a.json").ok).toBe(true);
    const latin = loadScenario(Buffer.from('{"bloc": "Nam \u00d0inh"}', "latin1"), "b.json");
    expect(latin.ok ? [] : latin.issues.map((i) => i.code)).toEqual(["scenario.encoding"]);
    const broken = loadScenario(Buffer.from('{\n  "bloc": {,\n}'), "c.json");
    expect(broken.ok ? [] : broken.issues.map((i) => [i.code, i.field])).toEqual([["scenario.json", "line 2, column 12"]]);
  });

  it("plays the sample into a workbook that ExcelJS (and so LibreOffice) opens with the bloc on Khối", async () => {
    // (120 s: the whole year through office.js takes ~40 s on a loaded 2-core machine.)
    const parsed = parseScenario(sample);
    if (!parsed.ok) throw new Error(parsed.problems.join("\n"));
    const report = await runScenario(parsed.scenario);
    expect(report.ok).toBe(true);
    expect(report.steps.slice(0, 7).map((s) => [s.step, s.ok, s.syncs])).toEqual([
      ["bloc", true, 2],
      ["leadership history", true, 2],
      ["scoring: insert", true, 2],
      // The start of the year (issue #12): the pact and the registrations, once the criteria are set, before the scores.
      ["start: pact", true, 2],
      ["start: registrations", true, 3],
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
        // Chosen by the meeting, never by the band alone (DOMAIN §3).
        ["Tập thể lao động xuất sắc", "Sở Công Thương"],
      ]),
    );
    // The meeting also chose SNN&PTNT, which did not register (the sample's start): a decision does not
    // stand in for registration (issue #12; the province's regulation, DOMAIN §1 setting).
    expect(report.nomination?.list.filter((p) => p.awardId === "tt-ldxs").map((p) => p.unit)).toEqual(["Sở Công Thương"]);
    // Luật Thi đua, khen thưởng 2022 Đ26: the provincial flag goes to the leading unit alone, though the vote elected two.
    expect(report.nomination?.list.filter((p) => p.awardId === "co-tinh").map((p) => p.unit)).toEqual(["Sở Công Thương"]);
    // Earlier years' leaders are on the record rotation reads.
    expect(report.host.values("Trưởng khối các năm", "A5:B6")).toEqual([
      [2024, "Sở Xây dựng"],
      [2025, "Sở Giao thông vận tải"],
    ]);
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
    // Round 2 has its own attendance: one member left before it (issue #10 point 17).
    expect(merit2.record.vote.attendance.present).toBe(7);
    expect(merit2.result.totals).toMatchObject({ issued: 7, returned: 7 });
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
  }, 120_000);

  // Issue #10 point 17: a whole real year can be written as a scenario — the bands and floors of
  // "Cài đặt", the award catalogue, earlier years' leaders, and where the file goes (DOMAIN §2, §3, §5).
  it("writes the bands and floors, the award catalogue, earlier years' leaders and the addressee it is given", async () => {
    const catalogue = defaultCatalogue();
    const coTinh = catalogue.awards.find((a) => a.id === "co-tinh")!;
    coTinh.prerequisites.leading = false;
    coTinh.ruleNote = "Quy định của tỉnh: khối suy tôn tối đa 2 đơn vị";
    coTinh.quota = 2;
    const bands = [
      { label: "Hoàn thành xuất sắc nhiệm vụ", min: 95, floorPercent: 90 },
      { label: "Hoàn thành tốt nhiệm vụ", min: 85, floorPercent: null },
    ];
    const parsed = parseScenario({
      ...sample,
      history: [
        { year: 2024, leader: "SXD", deputies: ["SGTVT"] },
        { year: 2025, leader: "Sở Giao thông vận tải", deputies: ["STNMT"], basis: "Biên bản hội nghị tổng kết năm 2024" },
      ],
      scoring: { ...sample.scoring, settings: { stage: "reviewOrSelf", tieBreakers: [{ by: "penalty" }], bands, fallbackBand: "Hoàn thành nhiệm vụ", largeGap: 3 } },
      votes: undefined,
      leadership: undefined,
      nomination: {
        catalogue,
        meeting: { date: "10/12/2026", addressee: "Sở Nội vụ tỉnh Nam Định (Phòng Thi đua, khen thưởng)", recipients: ["Như trên", "Lưu: VT"] },
        files: false,
      },
    });
    if (!parsed.ok) throw new Error(parsed.problems.join("\n"));
    const report = await runScenario(parsed.scenario);
    expect(report.steps.filter((x) => !x.ok)).toEqual([]);
    const h = report.host;
    // Earlier years, short names resolved, on the sheet rotation reads.
    const years = h.values("Trưởng khối các năm", "A5:D6");
    expect(years).toEqual([
      [2024, "Sở Xây dựng", "Sở Giao thông vận tải", ""],
      [2025, "Sở Giao thông vận tải", "Sở Tài nguyên và Môi trường", ""],
    ]);
    // The bands the scenario set, not the defaults: a 94-point unit is not excellent.
    expect(h.values("Cài đặt", "A7:C8")).toEqual([
      ["Hoàn thành xuất sắc nhiệm vụ", 95, 90],
      ["Hoàn thành tốt nhiệm vụ", 85, ""],
    ]);
    for (const r of report.results) if (r.total !== null && r.total < 95) expect(r.band).not.toBe("Hoàn thành xuất sắc nhiệm vụ");
    // The catalogue as given, and the meeting record's addressee and recipients.
    const cat = readCatalogueSheet(gridOfSheet(h, "Khen thưởng"));
    expect(cat.catalogue?.awards.find((a) => a.id === "co-tinh")).toMatchObject({ quota: 2, prerequisites: { leading: false }, ruleNote: coTinh.ruleNote });
    expect(h.values("Hội nghị bình xét", "B12:B13").flat()).toEqual(["Sở Nội vụ tỉnh Nam Định (Phòng Thi đua, khen thưởng)", "Như trên; Lưu: VT"]);
  }, 120_000);

  it("stops on a bloc with errors and reports them", async () => {
    const parsed = parseScenario({ bloc: { ...sample.bloc, year: "hai nghìn" } });
    if (!parsed.ok) throw new Error("shape");
    const report = await runScenario(parsed.scenario);
    expect(report.ok).toBe(false);
    expect(report.steps[0].issues.map((i) => i.code)).toEqual(["bloc.year.invalid"]);
  });
});
