/** @jest-environment jsdom */
// The next-year button (issue #12 point 4): in Excel it opens next year's workbook as a new workbook
// (Excel.createWorkbook(base64), ExcelApi 1.8: https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-workbooks,
// "Create a workbook"); in the preview it downloads the .xlsx; a refusal shows its coded issues.
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { validateBloc } from "../../src/domain/bloc/bloc";
import { writeSheets } from "../../src/excel/apply";
import { readWorkbook } from "../../src/excel/read";
import { MemoryHost } from "../../src/host";
import { App } from "../../src/taskpane/App";
import { NEXT_YEAR_TID, NextYearPanel } from "../../src/taskpane/components/NextYearPanel";
import { TID } from "../../src/taskpane/testIds";
import { blocSheetPlan } from "../../src/workbook/bloc/blocSheet";
import { leadershipSheetPlan, type LeadershipRow } from "../../src/workbook/bloc/leadershipSheet";
import { sampleDraft } from "../fixtures/bloc";
import { LangProvider } from "../../src/taskpane/lang";

const bloc = validateBloc(sampleDraft()).bloc!;
const members = bloc.members.map((m) => m.name);
const elected: LeadershipRow = { year: 2027, leader: members[2], deputies: [members[3]], how: "election", basis: "Kết quả bỏ phiếu V4, V5" };

/** A workbook with this year's bloc record and, when `chosen`, next year's leadership row (as the voting step writes it). */
async function workbook(chosen: boolean): Promise<MemoryHost> {
  const host = new MemoryHost();
  const rows: LeadershipRow[] = [{ year: 2026, leader: bloc.leader, deputies: bloc.deputies, how: "recorded", basis: "Hồ sơ khối" }, ...(chosen ? [elected] : [])];
  const w = await writeSheets(host, [blocSheetPlan(bloc), leadershipSheetPlan(rows, { members })], await readWorkbook(host, {}));
  if (!w.ok) throw new Error("setup");
  return host;
}

let clicks: { download: string }[];
const urlApi = URL as unknown as Record<string, unknown>;
beforeEach(() => {
  clicks = [];
  urlApi.createObjectURL = () => "blob:https://localhost/1";
  urlApi.revokeObjectURL = () => undefined;
  jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
    clicks.push({ download: this.download });
  });
});
afterEach(() => {
  jest.restoreAllMocks();
  delete urlApi.createObjectURL;
  delete urlApi.revokeObjectURL;
});

const status = () => screen.getByTestId(NEXT_YEAR_TID.status).textContent ?? "";

describe("the next-year button", () => {
  it("names next year, and in the preview downloads Khoi-thi-dua-2027.xlsx, saying who leads", async () => {
    const host = await workbook(true);
    render(
      <LangProvider lang="vi">
        <NextYearPanel host={host} year={2026} env={() => ({})} />
      </LangProvider>,
    );
    const button = screen.getByTestId(NEXT_YEAR_TID.create);
    expect(button.textContent).toBe("Tạo bảng tính năm 2027");
    await act(async () => fireEvent.click(button));
    await waitFor(() => expect(screen.getByTestId(NEXT_YEAR_TID.status)).toBeTruthy(), { timeout: 20000 });
    expect(clicks).toEqual([{ download: "Khoi-thi-dua-2027.xlsx" }]);
    expect(status()).toContain("Đã tải tệp “Khoi-thi-dua-2027.xlsx”");
    expect(status()).toContain(`Năm 2027: trưởng khối ${members[2]}; phó trưởng khối ${members[3]}.`);
    expect(screen.getByTestId(NEXT_YEAR_TID.create).textContent).toBe("Tạo bảng tính năm 2027");
  }, 30_000);

  it("in Excel opens it as a new workbook (base64 of the .xlsx) and downloads nothing", async () => {
    const host = await workbook(true);
    const opened: string[] = [];
    render(
      <LangProvider lang="en">
        <NextYearPanel host={host} year={2026} env={() => ({ platform: "PC", openWorkbook: async (b) => void opened.push(b) })} />
      </LangProvider>,
    );
    expect(screen.getByTestId(NEXT_YEAR_TID.create).textContent).toBe("Create the 2027 workbook");
    await act(async () => fireEvent.click(screen.getByTestId(NEXT_YEAR_TID.create)));
    await waitFor(() => expect(screen.getByTestId(NEXT_YEAR_TID.status)).toBeTruthy(), { timeout: 20000 });
    expect(opened).toHaveLength(1);
    // The file opened is next year's workbook: loaded back, its "Khối" names 2027 and the elected leader.
    const next = await MemoryHost.fromXlsx(Uint8Array.from(atob(opened[0]), (c) => c.charCodeAt(0)));
    const values = next.values("Khối", next.usedRange("Khối")!);
    expect(values.find((r) => r[0] === "Năm thi đua")?.[1]).toBe(2027);
    expect(values.find((r) => r[0] === "Trưởng khối")?.[1]).toBe(members[2]);
    expect(clicks).toEqual([]);
    expect(status()).toContain("was opened as a new workbook in Excel");
  }, 30_000);

  it("falls back to a download when Excel cannot open it", async () => {
    const host = await workbook(true);
    render(
      <LangProvider lang="vi">
        <NextYearPanel host={host} year={2026} env={() => ({ platform: "PC", openWorkbook: async () => Promise.reject(new Error("ApiNotFound")) })} />
      </LangProvider>,
    );
    await act(async () => fireEvent.click(screen.getByTestId(NEXT_YEAR_TID.create)));
    await waitFor(() => expect(screen.getByTestId(NEXT_YEAR_TID.status)).toBeTruthy(), { timeout: 20000 });
    expect(clicks).toEqual([{ download: "Khoi-thi-dua-2027.xlsx" }]);
  }, 30_000);

  it("refuses before the year-end meeting has chosen next year's leader, with the coded issue in the issue list", async () => {
    const host = await workbook(false);
    render(
      <LangProvider lang="vi">
        <NextYearPanel host={host} year={2026} env={() => ({})} />
      </LangProvider>,
    );
    await act(async () => fireEvent.click(screen.getByTestId(NEXT_YEAR_TID.create)));
    await waitFor(() => expect(screen.getByTestId(NEXT_YEAR_TID.status)).toBeTruthy(), { timeout: 20000 });
    expect(status()).toMatch(/^Chưa tạo được bảng tính năm sau: Chưa có trưởng khối năm 2027/);
    expect(screen.getAllByText(/Chưa có trưởng khối năm 2027/).length).toBeGreaterThan(1);
    expect(clicks).toEqual([]);
  }, 30_000);

  it("is at the end of the nomination step", async () => {
    const host = await workbook(true);
    render(<App host={host} />);
    await act(async () => fireEvent.click(await screen.findByTestId(TID.stepNomination)));
    const button = await screen.findByTestId(NEXT_YEAR_TID.create, {}, { timeout: 20000 });
    await waitFor(() => expect(button.textContent).toBe("Tạo bảng tính năm 2027"), { timeout: 20000 });
    expect(within(button.closest("section")!).getByText("Năm sau")).toBeTruthy();
  }, 40_000);
});
