import { saveBloc } from "../../src/app/bloc";
import { enterScores, insertScoring } from "../../src/app/scoring";
import { MemoryHost } from "../../src/host";
import { LOG_SHEET } from "../../src/workbook/log/logSheet";
import { sampleDraft } from "../fixtures/bloc";

/** The log's entries: rows from the 4th on, columns A:E. */
const entries = (host: MemoryHost) => {
  const used = host.usedRange(LOG_SHEET);
  return used ? host.values(LOG_SHEET, `A4:E${used.split(":")[1].replace(/\D/g, "")}`).filter((r) => r[0] !== "") : [];
};

describe("the Nhật ký sheet", () => {
  it("gets one row per action, in order, at no extra round trip, and only the add-in writes it", async () => {
    const host = new MemoryHost();
    host.resetStats();
    await saveBloc(host, sampleDraft(), { basedOn: null });
    expect(host.stats.syncs).toBe(2);
    host.resetStats();
    await insertScoring(host, { template: "departments-100" });
    expect(host.stats.syncs).toBe(2);
    await enterScores(host, [{ unit: "SCT", entries: { "I.2": 9.5, "I.3": { self: 10, evidence: "Báo cáo số 12/BC" } } }]);
    const log = entries(host);
    expect(log.map((r) => r[1])).toEqual(["Lưu hồ sơ khối", "Chèn bảng chấm điểm", "Nhập điểm"]);
    expect(log[0][3]).toBe("8 đơn vị, năm 2026");
    expect(log[1][3]).toMatch(/^8 đơn vị × \d+ tiêu chí; giữ 0 ô điểm$/);
    expect(log[2][3]).toBe("3 ô");
    for (const r of log) expect(r[0]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(host.protection(LOG_SHEET).protected).toBe(true);
    expect(() => host.userEdit(LOG_SHEET, "B4", "sửa tay")).toThrow();
  });

  it("records nothing for an action that failed", async () => {
    const host = new MemoryHost();
    await saveBloc(host, sampleDraft(), { basedOn: null });
    host.failAtSync(2);
    const out = await insertScoring(host, { template: "departments-100" });
    expect(out.kind).toBe("failed");
    expect(entries(host).map((r) => r[1])).toEqual(["Lưu hồ sơ khối"]);
  });
});
