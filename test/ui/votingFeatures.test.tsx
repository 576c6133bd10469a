/** @jest-environment jsdom */
import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { saveBloc } from "../../src/app/bloc";
import { MemoryHost } from "../../src/host";
import { App } from "../../src/taskpane/App";
import { VOTING_TID } from "../../src/taskpane/components/VotingStep";
import { NEXT_STEP_TID } from "../../src/taskpane/components/NextStep";
import { TID } from "../../src/taskpane/testIds";
import { sampleDraft } from "../fixtures/bloc";

async function openVoting(host: MemoryHost) {
  render(<App host={host} />);
  await act(async () => fireEvent.click(await screen.findByTestId(TID.stepVoting)));
  await screen.findByTestId(VOTING_TID.newVote, {}, { timeout: 10000 });
}
const change = (id: string, value: string) => fireEvent.change(screen.getByTestId(id), { target: { value } });
const click = (id: string) => act(async () => fireEvent.click(screen.getByTestId(id)));
const valueOf = (id: string) => (screen.getByTestId(id) as HTMLInputElement).value;

/** V1 created from the pane with a counting committee. */
async function createV1(host: MemoryHost) {
  await saveBloc(host, sampleDraft(8), { basedOn: null });
  await openVoting(host);
  await screen.findByTestId(VOTING_TID.create);
  change(VOTING_TID.preset, "validMajority");
  change(VOTING_TID.head, "Nguyễn Văn An");
  change(VOTING_TID.member(0), "Trần Thị Bình");
  change(VOTING_TID.member(1), "Lê Văn Cường");
  await click(VOTING_TID.create);
  await waitFor(() => expect(screen.getByTestId(VOTING_TID.status("votes")).textContent).toMatch(/Đã tạo cuộc bỏ phiếu V1/));
}

afterEach(cleanup);

const numbersOn = (host: MemoryHost, sheet: string) =>
  host
    .values(sheet, host.usedRange(sheet)!)
    .flat()
    .filter((v) => /^Số: \d+$/.test(String(v)));
const text = (id: string) => screen.getByTestId(id).textContent ?? "";

describe("the ballots step, issue #14 item 7", () => {
  it("prefills the next vote's counting committee from V1's, and still after a reload (read from the workbook)", async () => {
    const host = new MemoryHost();
    await createV1(host);
    await click(VOTING_TID.newVote);
    expect(valueOf(VOTING_TID.head)).toBe("Nguyễn Văn An");
    expect([0, 1, 2].map((k) => valueOf(VOTING_TID.member(k)))).toEqual(["Trần Thị Bình", "Lê Văn Cường", ""]);
    // Editable: another purpose keeps what is typed.
    change(VOTING_TID.head, "Phạm Thị Dung");
    fireEvent.click(screen.getByTestId(VOTING_TID.purpose("leader")));
    await waitFor(() => expect(valueOf(VOTING_TID.head)).toBe("Phạm Thị Dung"));

    // The pane opened anew on the same workbook: nothing kept in memory, the committee is V1's.
    cleanup();
    await openVoting(host);
    await click(VOTING_TID.newVote);
    expect(valueOf(VOTING_TID.head)).toBe("Nguyễn Văn An");
    expect(valueOf(VOTING_TID.member(1))).toBe("Lê Văn Cường");
  });

  it("lays out the printable ballots again with a chosen count, refuses a bad one, asks before replacing an edit, downloads a .docx", async () => {
    const urlApi = URL as unknown as Record<string, unknown>;
    const downloads: string[] = [];
    urlApi.createObjectURL = () => "blob:https://localhost/1";
    urlApi.revokeObjectURL = () => undefined;
    jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push(this.download);
    });
    try {
      const host = new MemoryHost();
      await createV1(host);
      // The default is one ballot per unit present (8), shown; the hint says how to print from Excel.
      expect((screen.getByTestId(VOTING_TID.printCount) as HTMLInputElement).placeholder).toBe("8");
      expect(text(VOTING_TID.printHint)).toMatch(/In từ Excel: mở trang “In phiếu V1”.*A4/);
      change(VOTING_TID.printCount, "0");
      await click(VOTING_TID.printLayout);
      await waitFor(() => expect(text(VOTING_TID.printStatus)).toMatch(/Chưa lập được phiếu in/));
      expect(screen.getByTestId("issue-vote.print.count.zero")).toBeTruthy();
      change(VOTING_TID.printCount, "3");
      await click(VOTING_TID.printLayout);
      await waitFor(() => expect(text(VOTING_TID.printStatus)).toMatch(/Đã lập 3 phiếu ở trang “In phiếu V1”/));
      expect(numbersOn(host, "In phiếu V1")).toEqual(["Số: 001", "Số: 002", "Số: 003"]);

      // Someone edits the sheet: laying it out again asks first; cancel changes nothing, confirm keeps the old copy.
      host.userEdit("In phiếu V1", "B9", "Sở Văn hóa (sửa tay)");
      change(VOTING_TID.printCount, "4");
      await click(VOTING_TID.printLayout);
      await waitFor(() => expect(text(VOTING_TID.printAsk)).toMatch(/đã được sửa sau khi lập \(ô B9\)/));
      await click(VOTING_TID.printCancel);
      expect(screen.queryByTestId(VOTING_TID.printAsk)).toBeNull();
      expect(numbersOn(host, "In phiếu V1")).toHaveLength(3);
      await click(VOTING_TID.printLayout);
      await waitFor(() => expect(screen.getByTestId(VOTING_TID.printConfirm)).toBeTruthy());
      await click(VOTING_TID.printConfirm);
      await waitFor(() => expect(text(VOTING_TID.printStatus)).toMatch(/Đã lập 4 phiếu/));
      expect(host.sheetNames()).toContain("In phiếu V1 (cũ)");

      await click(VOTING_TID.printDocx);
      await waitFor(() => expect(text(VOTING_TID.printStatus)).toMatch(/Đã tạo tệp “Phieu-bau-V1.docx”/), { timeout: 10000 });
      expect(downloads).toEqual(["Phieu-bau-V1.docx"]);
    } finally {
      jest.restoreAllMocks();
      delete urlApi.createObjectURL;
      delete urlApi.revokeObjectURL;
    }
  }, 60_000);

  it("shows one line of the next step after a save and after creating a vote, from the workbook (DOMAIN §1's year)", async () => {
    const host = new MemoryHost();
    await saveBloc(host, sampleDraft(8), { basedOn: null });
    render(<App host={host} />);
    await waitFor(() => expect((screen.getByTestId(TID.save) as HTMLButtonElement).disabled).toBe(false), { timeout: 10000 });
    expect(screen.queryByTestId(NEXT_STEP_TID)).toBeNull();
    await click(TID.save);
    await waitFor(() => expect(screen.getByTestId(NEXT_STEP_TID).textContent).toBe("Bước tiếp theo: lập giao ước thi đua ở thẻ “Đầu năm”."), { timeout: 10000 });
    cleanup();

    await createV1(host);
    await waitFor(() => expect(screen.getAllByTestId(NEXT_STEP_TID).map((e) => e.textContent)).toEqual(["Bước tiếp theo: nhập phiếu, kiểm phiếu và lập biên bản cuộc bỏ phiếu V1."]));
  }, 60_000);
});
