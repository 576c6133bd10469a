/** @jest-environment jsdom */
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { saveBloc } from "../../src/app/bloc";
import { MemoryHost } from "../../src/host";
import { App } from "../../src/taskpane/App";
import { SCORING_TID } from "../../src/taskpane/components/ScoringStep";
import { TID } from "../../src/taskpane/testIds";
import { sampleDraft } from "../fixtures/bloc";

describe("the scoring step", () => {
  it("inserts the score sheets from a template, then checks them and shows the ranking", async () => {
    const host = new MemoryHost();
    await saveBloc(host, sampleDraft(4), { basedOn: null });
    render(<App host={host} />);
    await act(async () => fireEvent.click(await screen.findByTestId(TID.stepScoring)));
    await screen.findByTestId(SCORING_TID.insert, {}, { timeout: 5000 });
    fireEvent.click(screen.getByTestId(SCORING_TID.source("departments-100")));
    await act(async () => fireEvent.click(screen.getByTestId(SCORING_TID.insert)));
    await waitFor(() => expect(screen.getByTestId(SCORING_TID.status).textContent).toMatch(/Đã chèn 4 bảng chấm/));
    expect(host.sheetNames()).toEqual(expect.arrayContaining(["Tổng hợp", "SCT", "SXD", "SGTVT", "STNMT"]));
    host.userPaste("SXD", "D8", [[12]]);
    host.userPaste("SCT", "D8", [["8,5"]]);
    host.userPaste("SGTVT", "D8", [[8.5]]);
    await act(async () => fireEvent.click(screen.getByTestId(SCORING_TID.validate)));
    await waitFor(() => expect(screen.getByTestId(SCORING_TID.results)).toBeTruthy());
    expect(screen.getByTestId("issue-scoring.entry.textNumber").textContent).toMatch(/SCT!D8/);
    // Issues are grouped by unit sheet; a sheet with errors opens by itself.
    const sct = screen.getByTestId("issues-sheet-SCT") as HTMLDetailsElement;
    expect(sct.open).toBe(true);
    expect(sct.querySelector("summary")?.textContent).toMatch(/^SCT — \d+ lỗi/);
    const rows = screen.getByTestId(SCORING_TID.results).querySelectorAll("tbody tr");
    expect(rows[0].textContent).toMatch(/^1Sở Xây dựng/);
    expect(rows[0].textContent).toMatch(/Dẫn đầu/);
    // Totals are written the Vietnamese way, with a decimal comma (issue #14; #13 "formatting in one place").
    const totals = [...rows].map((r) => r.lastElementChild?.textContent ?? "");
    expect(totals.some((x) => /^\d+,\d+$/.test(x))).toBe(true);
    expect(totals.every((x) => !x.includes("."))).toBe(true);
  });

  it("asks before replacing a criteria table with a template", async () => {
    const host = new MemoryHost();
    await saveBloc(host, sampleDraft(3), { basedOn: null });
    render(<App host={host} />);
    await act(async () => fireEvent.click(await screen.findByTestId(TID.stepScoring)));
    await screen.findByTestId(SCORING_TID.insert, {}, { timeout: 5000 });
    await act(async () => fireEvent.click(screen.getByTestId(SCORING_TID.insert)));
    await waitFor(() => expect(screen.getByTestId(SCORING_TID.status).textContent).toMatch(/Đã chèn/));
    await act(async () => fireEvent.click(screen.getByTestId(SCORING_TID.insert)));
    await screen.findByTestId(SCORING_TID.confirm);
    await act(async () => fireEvent.click(screen.getByTestId(SCORING_TID.confirm)));
    await waitFor(() => expect(host.sheetNames()).toContain("Tiêu chí (cũ)"));
  });
});
