/** @jest-environment jsdom */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import type { CollectPreview, PreviewResult } from "../../src/app/collect";
import type { Issue } from "../../src/domain/issues";
import { COLLECT_TID, CollectPanel, type CollectPanelProps } from "../../src/taskpane/components/CollectPanel";
import { TID } from "../../src/taskpane/testIds";
import { LangProvider } from "../../src/taskpane/lang";

const PREVIEW: CollectPreview = {
  kind: "preview",
  unit: "Sở Xây dựng",
  sheet: "SXD",
  region: "BX_DV_2",
  fileSheet: "SXD",
  changes: [
    { criterion: "I.1.a", number: "I.1.a", text: "Hoàn thành 100% chỉ tiêu", field: "self", from: null, to: 10.5, cell: "D8" },
    { criterion: "I.2", number: "I.2", text: "Tiêu chí I.2", field: "evidence", from: "cũ", to: "Báo cáo 05/BC-SXD", cell: "G10" },
    { criterion: "I.2", number: "I.2", text: "Tiêu chí I.2", field: "review", from: 8, to: 9, cell: "E10" },
  ],
  issues: [{ code: "collect.blocColumns", severity: "warning", where: { sheet: "SXD", cell: "E10" }, message: { vi: "Cột của khối khác.", en: "The bloc's columns differ." } }],
  basedOn: "[]",
  syncs: 1,
};

function setup({ lang = "vi", ...over }: Partial<CollectPanelProps> & { lang?: "vi" | "en" } = {}) {
  const onPreview = jest.fn<Promise<PreviewResult>, [Uint8Array]>(async () => PREVIEW);
  const onApply = jest.fn<Promise<{ ok: boolean; issues: Issue[] }>, [CollectPreview]>(async () => ({ ok: true, issues: [] }));
  const onSelect = jest.fn();
  const props: CollectPanelProps = { onPreview, onApply, onSelect, ...over };
  const view = render(
    <FluentProvider theme={webLightTheme}>
      <LangProvider lang={lang}>
        <CollectPanel {...props} />
      </LangProvider>
    </FluentProvider>,
  );
  return { onPreview, onApply, onSelect, view, props };
}

/** Picks a file through the hidden input, as the browser does after the button opens the dialog. */
async function pick(bytes = new Uint8Array([0x50, 0x4b, 3, 4]), name = "SXD-2026.xlsx") {
  const input = screen.getByTestId(COLLECT_TID.file) as HTMLInputElement;
  const file = new File([bytes], name, { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
  await act(async () => {
    fireEvent.change(input, { target: { files: [file] } });
  });
  // Reading a File is asynchronous: wait for the preview (or the reason there is none).
  await waitFor(() => expect(screen.queryByTestId(COLLECT_TID.unit) ?? screen.queryByTestId(COLLECT_TID.status)).not.toBeNull());
}

describe("the collect panel", () => {
  it("opens a hidden .xlsx file input from its button", () => {
    setup();
    const input = screen.getByTestId(COLLECT_TID.file) as HTMLInputElement;
    expect(input.type).toBe("file");
    expect(input.accept).toBe(".xlsx");
    expect(input.hidden).toBe(true);
    const click = jest.spyOn(input, "click");
    fireEvent.click(screen.getByTestId(COLLECT_TID.pick));
    expect(click).toHaveBeenCalled();
    expect(screen.getByTestId(COLLECT_TID.pick).textContent).toBe("Nhận bảng điểm của đơn vị (.xlsx)");
  });

  it("shows the preview of a picked file and writes the member's columns on confirm", async () => {
    const { onPreview, onApply } = setup();
    await pick(new Uint8Array([0x50, 0x4b, 9, 9]));
    expect(onPreview).toHaveBeenCalledTimes(1);
    expect([...onPreview.mock.calls[0][0]]).toEqual([0x50, 0x4b, 9, 9]);
    expect(screen.getByTestId(COLLECT_TID.unit).textContent).toBe("Sở Xây dựng");
    expect(screen.getByTestId(COLLECT_TID.sheet).textContent).toBe("SXD");
    const rows = [0, 1, 2].map((i) => screen.getByTestId(COLLECT_TID.change(i)));
    expect(rows[0].textContent).toMatch(/I\.1\.a.*Tự chấm.*\(trống\) → 10,5/);
    expect(rows[1].textContent).toMatch(/I\.2.*Minh chứng.*cũ → Báo cáo 05\/BC-SXD/);
    expect(rows[2].textContent).toMatch(/Khối thẩm định.*8 → 9/);
    // The bloc's review column is listed but not ticked: the secretary decides.
    expect((within(rows[2]).getByRole("checkbox") as HTMLInputElement).checked).toBe(false);
    expect((within(rows[0]).getByRole("checkbox") as HTMLInputElement).checked).toBe(true);
    expect(screen.getByTestId(TID.issue("collect.blocColumns")).textContent).toMatch(/Cột của khối khác/);
    expect(onApply).not.toHaveBeenCalled();

    await act(async () => fireEvent.click(screen.getByTestId(COLLECT_TID.apply)));
    expect(onApply).toHaveBeenCalledTimes(1);
    const sent = onApply.mock.calls[0][0];
    expect(sent).toMatchObject({ unit: "Sở Xây dựng", sheet: "SXD", basedOn: "[]" });
    expect(sent.changes.map((c) => c.cell)).toEqual(["D8", "G10"]);
    await waitFor(() => expect(screen.getByTestId(COLLECT_TID.status).textContent).toBe("Đã ghi 2 ô vào trang “SXD”."));
    expect(screen.queryByTestId(COLLECT_TID.changes)).toBeNull();
  });

  it("writes the bloc's columns too when ticked, and nothing after Cancel", async () => {
    const { onApply } = setup({ lang: "en" });
    await pick();
    fireEvent.click(screen.getByTestId(COLLECT_TID.changePick(2)));
    fireEvent.click(screen.getByTestId(COLLECT_TID.changePick(0)));
    expect(screen.getByTestId(COLLECT_TID.picked).textContent).toBe("2 of 3 cells selected to write.");
    await act(async () => fireEvent.click(screen.getByTestId(COLLECT_TID.apply)));
    expect(onApply.mock.calls[0][0].changes.map((c) => c.field)).toEqual(["evidence", "review"]);

    await pick();
    await screen.findByTestId(COLLECT_TID.changes);
    expect(screen.queryByTestId(COLLECT_TID.status)).toBeNull();
    expect(screen.getByTestId(COLLECT_TID.apply).textContent).toBe("Write to workbook");
    fireEvent.click(screen.getByTestId(COLLECT_TID.cancel));
    expect(screen.queryByTestId(COLLECT_TID.changes)).toBeNull();
    expect(onApply).toHaveBeenCalledTimes(1);
  });

  it("shows why a file is rejected, in the chosen language, with nothing to confirm", async () => {
    const rejected: PreviewResult = {
      kind: "rejected",
      syncs: 1,
      issues: [{ code: "collect.unit.unknown", severity: "error", message: { vi: "Đơn vị không phải thành viên.", en: "The unit is not a member." } }],
    };
    const { onApply } = setup({ lang: "en", onPreview: async () => rejected });
    await pick();
    expect(screen.getByTestId(COLLECT_TID.status).textContent).toMatch(/not taken/);
    expect(screen.getByTestId(TID.issue("collect.unit.unknown")).textContent).toMatch(/The unit is not a member/);
    expect(screen.queryByTestId(COLLECT_TID.apply)).toBeNull();
    expect(onApply).not.toHaveBeenCalled();
  });

  it("keeps the preview and offers to read the file again when the workbook changed meanwhile", async () => {
    const changed: Issue = { code: "collect.changedSince", severity: "error", where: { sheet: "SXD", cell: "D8" }, message: { vi: "Ô D8 đã được sửa.", en: "D8 was edited." } };
    const onApply = jest.fn(async () => ({ ok: false, issues: [changed] }));
    const { onPreview, onSelect } = setup({ onApply });
    await pick();
    await act(async () => fireEvent.click(screen.getByTestId(COLLECT_TID.apply)));
    expect(screen.getByTestId(COLLECT_TID.status).textContent).toMatch(/Chưa ghi gì/);
    expect(screen.getByTestId(COLLECT_TID.changes)).toBeTruthy();
    fireEvent.click(within(screen.getByTestId(TID.issue("collect.changedSince"))).getByRole("button"));
    expect(onSelect).toHaveBeenCalledWith({ sheet: "SXD", cell: "D8" });
    await act(async () => fireEvent.click(screen.getByTestId(COLLECT_TID.reread)));
    expect(onPreview).toHaveBeenCalledTimes(2);
  });

  it("says there is nothing to write, with the button off", async () => {
    setup({ onPreview: async () => ({ ...PREVIEW, changes: [], issues: [] }) });
    await pick();
    expect(screen.getByTestId(COLLECT_TID.status).textContent).toBe("Không có gì để ghi.");
    expect((screen.getByTestId(COLLECT_TID.apply) as HTMLButtonElement).disabled).toBe(true);
  });
});
