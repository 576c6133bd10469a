/** @jest-environment jsdom */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { runScenario } from "../../src/cli/run";
import { parseScenario } from "../../src/cli/scenario";
import type { MemoryHost } from "../../src/host";
import { App } from "../../src/taskpane/App";
import { NOMINATION_TID as N } from "../../src/taskpane/components/NominationStep";
import { TID } from "../../src/taskpane/testIds";

/**
 * Issue #14 item 3 ("a late score change marks the list and minutes out of date"): the pane marks
 * each generated sheet that no longer matches the workbook and offers one "Tạo lại / Regenerate".
 */

async function demoHost(): Promise<MemoryHost> {
  const parsed = parseScenario(JSON.parse(readFileSync(resolve(__dirname, "../../docs/scenario.sample.json"), "utf8")));
  if (!parsed.ok) throw new Error(parsed.problems.join("\n"));
  const { nomination: _n, ...scenario } = parsed.scenario;
  void _n;
  const report = await runScenario(scenario);
  expect(report.ok).toBe(true);
  return report.host;
}

const text = (id: string) => screen.getByTestId(id).textContent ?? "";
const click = (id: string) => act(async () => fireEvent.click(screen.getByTestId(id)));
const status = (section: "list" | "output") => text(N.status(section));

describe("the nomination step marks out-of-date sheets (issue #14 item 3)", () => {
  it("a score changed after the list was made: “Đã cũ” beside the list and the minutes, naming the change; “Tạo lại” clears it", async () => {
    const host = await demoHost();
    render(<App host={host} />);
    await act(async () => fireEvent.click(await screen.findByTestId(TID.stepNomination)));
    await screen.findByTestId(N.status("list"), {}, { timeout: 20000 });
    await click(N.generate);
    await waitFor(() => expect(status("output")).toMatch(/^Đã ghi các trang: /), { timeout: 20000 });
    // Just made: nothing is marked.
    expect(screen.queryByTestId(N.documents)).toBeNull();

    // A self-score of Sở Công Thương lowered by a point on its sheet, then "Làm mới".
    const column = host.values("SCT", "D8:E60");
    const k = column.findIndex(([self, review]) => typeof self === "number" && self >= 1 && (review === "" || review === null));
    host.userEdit("SCT", `D${8 + k}`, (column[k][0] as number) - 1);
    await click(N.refresh);
    await waitFor(() => expect(screen.getByTestId(N.documents)).toBeTruthy(), { timeout: 20000 });
    expect(text(N.documentMark("list"))).toBe("Đã cũ");
    expect(text(N.documentMark("minutes"))).toBe("Đã cũ");
    expect(text(N.document("list"))).toContain("“Danh sách đề nghị”");
    expect(text(N.document("list"))).toContain("điểm của Sở Công Thương");
    expect(text(N.document("minutes"))).toContain("“Biên bản họp bình xét”");
    expect(text(N.regenerate)).toBe("Tạo lại");

    // In English too.
    await click(TID.lang);
    expect(text(N.documentMark("list"))).toBe("Out of date");
    expect(text(N.document("list"))).toContain("the score of Sở Công Thương");
    expect(text(N.regenerate)).toBe("Regenerate");
    await click(TID.lang);

    await click(N.regenerate);
    await waitFor(() => expect(status("output")).toMatch(/^Đã ghi các trang: /), { timeout: 20000 });
    await waitFor(() => expect(screen.queryByTestId(N.documents)).toBeNull(), { timeout: 20000 });
    // The list's old copy was not kept: nothing of the user's was on it.
    expect(host.sheetNames()).not.toContain("Danh sách đề nghị (cũ)");
  }, 240_000);
});
