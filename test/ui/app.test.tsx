/** @jest-environment jsdom */
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { parsePastedMembers } from "../../src/taskpane/components/PasteDialog";
import { TID } from "../../src/taskpane/testIds";
import { saveBloc } from "../../src/app/bloc";
import { MemoryHost } from "../../src/host";
import { sampleDraft } from "../fixtures/bloc";

const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });

async function fillBloc(n: number) {
  const d = sampleDraft(n);
  type(TID.blocName, d.name);
  type(TID.province, d.province);
  type(TID.year, String(d.year));
  fireEvent.click(screen.getByTestId(TID.paste));
  await screen.findByTestId(TID.pasteText); // the dialog's code loads on the click (issue #14)
  type(TID.pasteText, d.members.map((m, i) => `${i + 1}\t${m.name}\t${m.shortName}`).join("\n"));
  fireEvent.click(screen.getByTestId(TID.pasteReplace));
  await waitFor(() => expect(screen.getByTestId(TID.memberName(n - 1))).toBeTruthy());
  fireEvent.change(screen.getByTestId(TID.leader), { target: { value: d.leader } });
  fireEvent.change(screen.getByTestId(TID.deputy(0)), { target: { value: d.deputies[0] } });
  return d;
}

/** The form shows at once, read-only until the workbook read returns (issue #14); then it takes input. */
async function formReady() {
  await waitFor(() => expect((screen.getByTestId(TID.blocName) as HTMLInputElement).disabled).toBe(false));
}

describe("the pane", () => {
  it("shows the bloc form at once, read-only, while the workbook read is in flight (issue #14: controls painted before the read)", async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((ok) => (release = ok));
    const real = new MemoryHost();
    const slow = { run: async <T,>(batch: (c: Excel.RequestContext) => Promise<T>) => { await gate; return real.run(batch); }, isSetSupported: (n: string, v: string) => real.isSetSupported(n, v) };
    render(<App host={slow} />);
    const name = screen.getByTestId(TID.blocName) as HTMLInputElement;
    expect(name.disabled).toBe(true);
    expect((screen.getByTestId(TID.save) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId(TID.loadingBloc).textContent).toMatch(/Đang đọc bảng tính/);
    await act(async () => release());
    await formReady();
    expect(screen.queryByTestId(TID.loadingBloc)).toBeNull();
    expect(screen.getByTestId(TID.status).textContent).toMatch(/chưa có hồ sơ khối/);
  });

  it("keeps focus where the user works: on the new row after 'add', on the next row after a delete, on the paste button after Esc (issue #14 item 4)", async () => {
    render(<App host={new MemoryHost()} />);
    await formReady();
    fireEvent.click(screen.getByTestId(TID.addMember));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId(TID.memberName(1))));
    fireEvent.click(screen.getByTestId(TID.addMember));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId(TID.memberName(2))));
    fireEvent.click(screen.getByTestId(TID.memberRemove(1)));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId(TID.memberName(1))));
    fireEvent.click(screen.getByTestId(TID.memberRemove(1)));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId(TID.memberName(0))));
    fireEvent.click(screen.getByTestId(TID.paste));
    const text = await screen.findByTestId(TID.pasteText);
    fireEvent.keyDown(text, { key: "Escape" });
    await waitFor(() => expect(screen.queryByTestId(TID.pasteText)).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId(TID.paste)));
  });

  it("creates a bloc from an empty workbook", async () => {
    const host = new MemoryHost();
    render(<App host={host} />);
    await formReady();
    expect(screen.getByTestId(TID.status).textContent).toMatch(/chưa có hồ sơ khối/);
    const d = await fillBloc(8);
    await act(async () => fireEvent.click(screen.getByTestId(TID.save)));
    await waitFor(() => expect(screen.getByTestId(TID.status).textContent).toMatch(/Đã ghi hồ sơ khối/));
    expect(host.sheetNames()).toContain("Khối");
    expect(host.values("Khối", "B4")).toEqual([[d.name]]);
    expect(host.values("Khối", "B13:B20").flat()).toEqual(d.members.map((m) => m.name));
  });

  it("shows the bloc already in the workbook, and speaks English on request", async () => {
    const host = new MemoryHost();
    await saveBloc(host, sampleDraft(), { basedOn: null });
    render(<App host={host} />);
    await waitFor(() => expect((screen.getByTestId(TID.blocName) as HTMLInputElement).value).toBe(sampleDraft().name));
    expect((screen.getByTestId(TID.memberName(7)) as HTMLInputElement).value).toBe("Liên minh Hợp tác xã tỉnh");
    fireEvent.click(screen.getByTestId(TID.lang));
    expect(screen.getByTestId(TID.save).textContent).toBe("Save to workbook");
    expect(screen.getByTestId(TID.status).textContent).toMatch(/Read the bloc record/);
  });

  it("refuses to save a duplicate member and shows where", async () => {
    const host = new MemoryHost();
    render(<App host={host} />);
    await formReady();
    await fillBloc(3);
    type(TID.memberName(2), "SỞ CÔNG THƯƠNG");
    await act(async () => fireEvent.click(screen.getByTestId(TID.save)));
    expect(screen.getByTestId(TID.status).textContent).toMatch(/sửa các lỗi/);
    expect(screen.getAllByText(/trùng với dòng 1/).length).toBeGreaterThan(0);
    expect(host.sheetNames()).not.toContain("Khối");
  });

  it("lists a sheet's errors and selects the cell when one is clicked", async () => {
    const host = new MemoryHost();
    await saveBloc(host, sampleDraft(), { basedOn: null });
    // Pasted, as a user would: a paste bypasses Excel's data validation, typing would not.
    host.userPaste("Khối", "B6", [["hai nghìn"]]);
    render(<App host={host} />);
    const item = await screen.findByTestId(TID.issue("bloc.year.invalid"));
    await act(async () => fireEvent.click(item.querySelector("button")!));
    expect(host.selection()).toEqual({ sheet: "Khối", address: expect.stringMatching(/B6$/) });
  });

  it("asks before overwriting a sheet edited after the pane read it", async () => {
    const host = new MemoryHost();
    await saveBloc(host, sampleDraft(), { basedOn: null });
    render(<App host={host} />);
    await waitFor(() => expect((screen.getByTestId(TID.blocName) as HTMLInputElement).value).toBe(sampleDraft().name));
    host.userEdit("Khối", "B5", "Ninh Bình");
    type(TID.blocName, "Khối mới");
    await act(async () => fireEvent.click(screen.getByTestId(TID.save)));
    await screen.findByTestId(TID.confirm);
    expect(host.values("Khối", "B4")).toEqual([[sampleDraft().name]]);
    await act(async () => fireEvent.click(screen.getByTestId(TID.confirm)));
    await waitFor(() => expect(host.values("Khối", "B4")).toEqual([["Khối mới"]]));
    expect(host.sheetNames()).toContain("Khối (cũ)");
  });
});

describe("pasting a member list", () => {
  it("takes tab-separated rows, skipping numbers and a header", () => {
    expect(parsePastedMembers("STT\tTên đơn vị\tViết tắt\n1\tSở Công Thương\tSCT\n2.\tSở Xây dựng\n\n3) Sở Y tế")).toEqual({
      members: [
        { name: "Sở Công Thương", shortName: "SCT" },
        { name: "Sở Xây dựng", shortName: "" },
        { name: "Sở Y tế", shortName: "" },
      ],
      issues: [],
    });
  });

  it("shows a line that is not a member and applies nothing until it is fixed; an Alt+Enter cell is one member (issue #11)", async () => {
    render(<App host={new MemoryHost()} />);
    await formReady();
    fireEvent.click(screen.getByTestId(TID.paste));
    await screen.findByTestId(TID.pasteText);
    type(TID.pasteText, 'TT\tĐơn vị\tViết tắt\n1\t"Sở Tài chính\ntỉnh Nam Định"\tSTC\n5\n2\tSở Y tế\tSYT');
    expect(screen.getByTestId(TID.pasteIssues).textContent).toMatch(/Dòng 4 chỉ có "5"/);
    expect((screen.getByTestId(TID.pasteReplace) as HTMLButtonElement).disabled).toBe(true);
    type(TID.pasteText, 'TT\tĐơn vị\tViết tắt\n1\t"Sở Tài chính\ntỉnh Nam Định"\tSTC\n2\tSở Y tế\tSYT');
    expect(screen.queryByTestId(TID.pasteIssues)).toBeNull();
    fireEvent.click(screen.getByTestId(TID.pasteReplace));
    await waitFor(() => expect(screen.getByTestId(TID.memberName(1))).toBeTruthy());
    expect((screen.getByTestId(TID.memberName(0)) as HTMLInputElement).value).toBe("Sở Tài chính tỉnh Nam Định");
    expect(screen.queryByTestId(TID.memberName(2))).toBeNull();
  });
});
