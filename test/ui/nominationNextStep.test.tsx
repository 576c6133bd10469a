/** @jest-environment jsdom */
// The "Bước tiếp theo" line (issue #14 item 7) after the nomination step's meeting record is saved
// and after next year's workbook is made; none after a failure, and one line at a time.
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { loadNextStep } from "../../src/app/voting/progress";
import { validateBloc } from "../../src/domain/bloc/bloc";
import { writeSheets } from "../../src/excel/apply";
import { readWorkbook } from "../../src/excel/read";
import { MemoryHost } from "../../src/host";
import { App } from "../../src/taskpane/App";
import { sampleYearBeforeNomination } from "../fixtures/sampleYear";
import { NEXT_STEP_TID } from "../../src/taskpane/components/NextStep";
import { NEXT_YEAR_TID, NextYearPanel } from "../../src/taskpane/components/NextYearPanel";
import { NOMINATION_TID as N } from "../../src/taskpane/components/NominationStep";
import { LangProvider } from "../../src/taskpane/lang";
import { TID } from "../../src/taskpane/testIds";
import { blocSheetPlan } from "../../src/workbook/bloc/blocSheet";
import { leadershipSheetPlan, type LeadershipRow } from "../../src/workbook/bloc/leadershipSheet";
import { sampleDraft } from "../fixtures/bloc";

const demoHost = sampleYearBeforeNomination;

const bloc = validateBloc(sampleDraft()).bloc!;
const members = bloc.members.map((m) => m.name);

/** The 2026 bloc record; when `chosen`, the 2027 leadership row; when `listed`, a nomination list sheet (the year's last milestone). */
async function yearHost({ chosen, listed }: { chosen: boolean; listed: boolean }): Promise<MemoryHost> {
  const host = new MemoryHost();
  const rows: LeadershipRow[] = [{ year: 2026, leader: bloc.leader, deputies: bloc.deputies, how: "recorded", basis: "Hồ sơ khối" }];
  if (chosen) rows.push({ year: 2027, leader: members[2], deputies: [members[3]], how: "election", basis: "Kết quả bỏ phiếu V4, V5" });
  const w = await writeSheets(host, [blocSheetPlan(bloc), leadershipSheetPlan(rows, { members })], await readWorkbook(host, {}));
  if (!w.ok) throw new Error("setup");
  if (listed) {
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.add("Danh sách đề nghị");
      await ctx.sync();
    });
  }
  return host;
}

const lines = () => screen.queryAllByTestId(NEXT_STEP_TID);
const click = (id: string) => act(async () => fireEvent.click(screen.getByTestId(id)));
const change = (id: string, value: string) => fireEvent.change(screen.getByTestId(id), { target: { value } });
/** Lets a line that would load settle: the same read, started after it, has ended. */
const settle = (host: MemoryHost) => act(async () => void (await loadNextStep(host)));

const LIST = "Bước tiếp theo: lập danh sách đề nghị khen thưởng ở thẻ “Đề nghị”.";
const NEW_YEAR = "Bước tiếp theo: gửi hồ sơ đề nghị năm nay (nếu chưa gửi); năm 2027 làm tiếp trong bảng tính vừa tạo, bắt đầu từ giao ước thi đua.";

let downloads: string[];
const urlApi = URL as unknown as Record<string, unknown>;
beforeEach(() => {
  downloads = [];
  urlApi.createObjectURL = () => "blob:https://localhost/1";
  urlApi.revokeObjectURL = () => undefined;
  // jsdom cannot navigate to a blob: URL; record what the pane asked the browser to download.
  jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push(this.download);
  });
});
afterEach(() => {
  jest.restoreAllMocks();
  delete urlApi.createObjectURL;
  delete urlApi.revokeObjectURL;
});

describe("the next step after the meeting record is saved", () => {
  it("none after a refused save; after a saved one, one line under the meeting section, pointing to the list", async () => {
    const host = await demoHost();
    render(<App host={host} />);
    await act(async () => fireEvent.click(await screen.findByTestId(TID.stepNomination)));
    await screen.findByTestId(N.status("list"), {}, { timeout: 20000 });
    const meeting = screen.getByTestId(N.meeting);

    change(N.mDate, "5/12/2026");
    change(N.mTime, "25:00");
    change(N.mPlace, "Hội trường Sở Công Thương");
    await click(N.mSave);
    await waitFor(() => expect(screen.getByTestId(N.status("meeting")).textContent).toBe("Chưa ghi được: sửa các ô được đánh dấu."));
    await settle(host);
    expect(lines()).toEqual([]);

    change(N.mTime, "14:00");
    await click(N.mSave);
    await waitFor(() => expect(within(meeting).getByTestId(NEXT_STEP_TID).textContent).toBe(LIST), { timeout: 10000 });
    expect(screen.getByTestId(N.status("meeting")).textContent).toBe("Đã ghi thông tin hội nghị vào trang “Hội nghị bình xét”.");
    expect(lines()).toHaveLength(1);
  }, 60_000);
});

describe("the next step after next year's workbook is made", () => {
  const panel = (host: MemoryHost) =>
    render(
      <LangProvider lang="vi">
        <NextYearPanel host={host} year={2026} env={() => ({})} />
      </LangProvider>,
    );

  it("with this year's list generated: the year goes on in the new workbook", async () => {
    panel(await yearHost({ chosen: true, listed: true }));
    expect(lines()).toEqual([]);
    await click(NEXT_YEAR_TID.create);
    await waitFor(() => expect(screen.getByTestId(NEXT_STEP_TID).textContent).toBe(NEW_YEAR), { timeout: 20000 });
    expect(downloads).toEqual(["Khoi-thi-dua-2027.xlsx"]);
    expect(screen.getByTestId(NEXT_STEP_TID).dataset.code).toBe("next.newYear");
  }, 30_000);

  it("made before the list: this year's list is still the next step", async () => {
    panel(await yearHost({ chosen: true, listed: false }));
    await click(NEXT_YEAR_TID.create);
    await waitFor(() => expect(screen.getByTestId(NEXT_STEP_TID).textContent).toBe(LIST), { timeout: 20000 });
  }, 30_000);

  it("none when it was refused (no leader chosen for next year)", async () => {
    const host = await yearHost({ chosen: false, listed: true });
    panel(host);
    await click(NEXT_YEAR_TID.create);
    await waitFor(() => expect(screen.getByTestId(NEXT_YEAR_TID.status).textContent).toMatch(/^Chưa tạo được bảng tính năm sau/), { timeout: 20000 });
    await settle(host);
    expect(lines()).toEqual([]);
  }, 30_000);

  it("in the nomination step, one line at a time: the panel's after making it, the step's again after the step's next action", async () => {
    const host = await demoHost();
    render(<App host={host} />);
    await act(async () => fireEvent.click(await screen.findByTestId(TID.stepNomination)));
    await screen.findByTestId(N.status("list"), {}, { timeout: 20000 });
    const section = screen.getByTestId(NEXT_YEAR_TID.create).closest("section")!;
    const meeting = screen.getByTestId(N.meeting);
    // Read on opening: the list's line.
    await waitFor(() => expect(lines().map((l) => l.textContent)).toEqual([LIST]), { timeout: 10000 });
    expect(within(section).queryByTestId(NEXT_STEP_TID)).toBeNull();

    // Next year's workbook made: the panel's line only (this year's list is still to do).
    await click(NEXT_YEAR_TID.create);
    await waitFor(() => expect(within(section).queryByTestId(NEXT_STEP_TID)?.textContent).toBe(LIST), { timeout: 20000 });
    expect(lines()).toHaveLength(1);

    // The step acts again (the meeting saved): its line only.
    change(N.mDate, "5/12/2026");
    change(N.mTime, "14:00");
    change(N.mPlace, "Hội trường Sở Công Thương");
    await click(N.mSave);
    await waitFor(() => expect(within(meeting).queryByTestId(NEXT_STEP_TID)?.textContent).toBe(LIST), { timeout: 20000 });
    expect(lines()).toHaveLength(1);
    expect(within(section).queryByTestId(NEXT_STEP_TID)).toBeNull();

    // The list generated: the year is done, and next year's workbook was made in this session, so the
    // step's line says to go on there (not to make it, as "next.files" would).
    await click(N.generate);
    await waitFor(() => expect(lines().map((l) => l.textContent)).toEqual([NEW_YEAR]), { timeout: 20000 });
    expect(within(section).queryByTestId(NEXT_STEP_TID)).toBeNull();
  }, 60_000);
});
