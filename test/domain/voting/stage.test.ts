// The vote's stage from its count (issue #14 item 1: derived from the workbook, the same after any reload).
import { error, warning } from "../../../src/domain/issues";
import { voteStage } from "../../../src/domain/voting/stage";

const count = (over: Partial<Parameters<typeof voteStage>[0] & object> = {}) => ({ ballots: 8, issues: [], conclusion: { revote: null, runoff: null }, final: true, ...over });

describe("voteStage", () => {
  it("nothing entered is a created vote, whatever the count says", () => {
    expect(voteStage(null)).toBe("created");
    expect(voteStage(count({ ballots: 0, issues: [error("vote.entry.missing", { vi: "x", en: "x" })] }))).toBe("created");
  });
  it("errors block a result; a meeting's own pending choice does not", () => {
    expect(voteStage(count({ issues: [error("vote.double.mark", { vi: "x", en: "x" })] }))).toBe("errors");
    expect(voteStage(count({ issues: [error("vote.meeting.pending", { vi: "x", en: "x" })], final: false }))).toBe("meeting");
    expect(voteStage(count({ issues: [warning("vote.x", { vi: "x", en: "x" })] }))).toBe("final");
  });
  it("a pending revote or run-off comes before the meeting; a final count is final", () => {
    expect(voteStage(count({ conclusion: { revote: { among: ["A"] }, runoff: null }, final: false }))).toBe("revote");
    expect(voteStage(count({ conclusion: { revote: null, runoff: { among: ["A", "B"] } }, final: false }))).toBe("runoff");
    expect(voteStage(count({ final: false }))).toBe("meeting");
    expect(voteStage(count())).toBe("final");
  });
});
