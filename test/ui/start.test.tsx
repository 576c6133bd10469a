/** @jest-environment jsdom */
/**
 * The start-of-year step (issue #12 point 1: the pact and the registrations) against the contract in
 * src/app/start.ts, whose use cases are faked here: a small "workbook" the fakes read and write, so
 * the pane is seen to show what loadStart returns (never its own memory) after every save.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import type { OutputFile } from "../../src/app/nomination";
import type { PactDraft, RegistrationDraft, RegistrationFilePreview, StartOutcome, StartState } from "../../src/app/start";
import * as start from "../../src/app/start";
import type { Bloc } from "../../src/domain/bloc/bloc";
import type { Issue } from "../../src/domain/issues";
import { defaultCatalogue } from "../../src/domain/nomination/catalogue";
import { MemoryHost } from "../../src/host";
import { App } from "../../src/taskpane/App";
import { NOMINATION_TID as N } from "../../src/taskpane/components/NominationShared";
import { START_TID as S, StartStep } from "../../src/taskpane/components/StartStep";
import { TID } from "../../src/taskpane/testIds";
import { LangProvider } from "../../src/taskpane/lang";

jest.mock("../../src/app/start", () => ({
  ...jest.requireActual("../../src/app/start"),
  loadStart: jest.fn(),
  savePact: jest.fn(),
  saveRegistrations: jest.fn(),
  previewRegistrationFile: jest.fn(),
  applyRegistrationFile: jest.fn(),
  produceStartFiles: jest.fn(),
}));
const fake = start as jest.Mocked<typeof start>;

const SCT = "Sở Công Thương";
const SXD = "Sở Xây dựng";
const LMHTX = "Liên minh Hợp tác xã tỉnh";
const AWARDS = defaultCatalogue().awards;
const BLOC: Bloc = {
  name: "Khối thi đua các sở, ngành Kinh tế - Kỹ thuật",
  province: "Nam Định",
  year: 2026,
  leader: SCT,
  deputies: [SXD],
  members: [
    { name: SCT, shortName: "SCT" },
    { name: SXD, shortName: "SXD" },
    { name: LMHTX, shortName: "LMHTX" },
  ],
} as Bloc;

/** The fakes' workbook: what the sheets hold. */
let book: { pact: PactDraft | null; registrations: RegistrationDraft[]; hasRegistrationSheet: boolean; issues: Issue[] };
const state = (): StartState => ({
  bloc: BLOC,
  awards: AWARDS,
  pact: book.pact && { ...book.pact, commitments: [...book.pact.commitments] },
  registrations: book.registrations.map((r) => ({ ...r, awards: [...r.awards] })),
  hasRegistrationSheet: book.hasRegistrationSheet,
  issues: book.issues,
});
const written = (sheets: string[], issues: Issue[] = []): StartOutcome => ({ kind: "written", sheets, state: state(), issues, syncs: 2 });

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const FILES: OutputFile[] = [
  { name: "Giao-uoc-thi-dua-2026.docx", mime: DOCX, bytes: new Uint8Array(3000), label: { vi: "Giao ước thi đua (.docx)", en: "Emulation pact (.docx)" } },
  { name: "Danh-sach-dang-ky-thi-dua-2026.docx", mime: DOCX, bytes: new Uint8Array(2000), label: { vi: "Danh sách đăng ký thi đua (.docx)", en: "Registration list (.docx)" } },
];

beforeEach(() => {
  jest.clearAllMocks();
  book = {
    pact: null,
    registrations: BLOC.members.map((m) => ({ unit: m.name, awards: [], targets: "" })),
    hasRegistrationSheet: false,
    issues: [],
  };
  fake.loadStart.mockImplementation(async () => ({ ok: true, state: state() }));
  fake.savePact.mockImplementation(async (_h, d) => {
    book.pact = d;
    return written([start.START_SHEETS.pact]);
  });
  fake.saveRegistrations.mockImplementation(async (_h, regs) => {
    book.registrations = regs;
    book.hasRegistrationSheet = true;
    return written([start.START_SHEETS.registrations]);
  });
  fake.produceStartFiles.mockImplementation(async () => ({ ok: true, files: FILES, issues: [] }));
});

function renderStep(lang: "vi" | "en" = "vi") {
  const onSelect = jest.fn();
  render(
    <FluentProvider theme={webLightTheme}>
      <LangProvider lang={lang}>
        <StartStep host={new MemoryHost()} onSelect={onSelect} />
      </LangProvider>
    </FluentProvider>,
  );
  return { onSelect };
}

const text = (id: string) => screen.getByTestId(id).textContent ?? "";
const value = (id: string) => (screen.getByTestId(id) as HTMLInputElement | HTMLTextAreaElement).value;
const type = (id: string, v: string) => fireEvent.change(screen.getByTestId(id), { target: { value: v } });
const click = (id: string) => act(async () => fireEvent.click(screen.getByTestId(id)));
const loaded = () => screen.findByTestId(S.status("load"));

describe("the start-of-year step", () => {
  it("reads the roster and the catalogue from the workbook: one card per member, titles and rewards apart, names as printed", async () => {
    renderStep();
    await loaded();
    expect(fake.loadStart).toHaveBeenCalledTimes(1);
    expect(text(S.status("load"))).toBe("Đã đọc từ bảng tính: 0/3 đơn vị đã đăng ký. Chưa có giao ước thi đua trong bảng tính.");
    expect([0, 1, 2].map((i) => within(screen.getByTestId(S.unit(i))).getByRole("heading").textContent)).toEqual([SCT, SXD, LMHTX]);
    expect(text(S.unitCount(0))).toBe("chưa đăng ký");
    // DOMAIN §3: the catalogue keeps emulation titles and forms of reward apart.
    const card = within(screen.getByTestId(S.unit(0)));
    const titles = card.getByRole("group", { name: "Danh hiệu thi đua" });
    const rewards = card.getByRole("group", { name: "Hình thức khen thưởng" });
    expect(within(titles).getAllByRole("checkbox")).toHaveLength(AWARDS.filter((a) => a.kind === "title").length);
    expect(within(rewards).getAllByRole("checkbox")).toHaveLength(AWARDS.filter((a) => a.kind !== "title").length);
    expect(within(titles).getByText("Cờ thi đua của UBND tỉnh")).toBeTruthy();
    expect(within(rewards).getByText("Bằng khen của Chủ tịch UBND tỉnh")).toBeTruthy();
    // Each box says whose registration it is, for a screen reader.
    expect(screen.getByRole("checkbox", { name: `${SXD} đăng ký Cờ thi đua của UBND tỉnh` })).toBeTruthy();
    // The year-end check is said where the registrations are entered; no sheet yet, no check yet.
    expect(text(S.hint)).toMatch(/đơn vị chưa đăng ký sẽ không được đề nghị danh hiệu/);
    expect(text(S.noRegSheet)).toMatch(/chưa được kiểm tra/);
  });

  it("saves the pact as typed (empty commitments dropped), names the sheet, and shows the workbook's pact read back", async () => {
    renderStep();
    await loaded();
    type(S.pactTheme, "  Đoàn kết, sáng tạo  ");
    type(S.pactPlace, "Hội trường Sở Công Thương");
    type(S.pactDate, "15/3/2026");
    type(S.commitment(0), "Hoàn thành xuất sắc nhiệm vụ chính trị được giao");
    await click(S.commitmentAdd);
    await click(S.commitmentAdd);
    type(S.commitment(2), "Thực hiện tốt công tác cải cách hành chính");
    await click(S.pactSave);
    await waitFor(() => expect(text(S.status("pact"))).toBe("Đã ghi vào trang: “Giao ước thi đua”."));
    expect(fake.savePact).toHaveBeenCalledTimes(1);
    expect(fake.savePact.mock.calls[0][1]).toEqual({
      theme: "Đoàn kết, sáng tạo",
      place: "Hội trường Sở Công Thương",
      signedOn: "15/3/2026",
      commitments: ["Hoàn thành xuất sắc nhiệm vụ chính trị được giao", "Thực hiện tốt công tác cải cách hành chính"],
    });
    // Read back from the workbook after the save: the form holds what the sheet holds.
    expect(fake.loadStart).toHaveBeenCalledTimes(2);
    expect(value(S.commitment(1))).toBe("Thực hiện tốt công tác cải cách hành chính");
    expect(screen.queryByTestId(S.commitment(2))).toBeNull();

    // Removing a commitment, then saving again.
    await click(S.commitmentRemove(0));
    await click(S.pactSave);
    await waitFor(() => expect(fake.savePact).toHaveBeenCalledTimes(2));
    expect(fake.savePact.mock.calls[1][1].commitments).toEqual(["Thực hiện tốt công tác cải cách hành chính"]);
  });

  it("refuses a date not written dd/mm/yyyy in the form, and shows the use case's coded issues by field and in the list", async () => {
    renderStep();
    await loaded();
    type(S.pactDate, "2026-03-15");
    await click(S.pactSave);
    expect(text(S.status("pact"))).toBe("Chưa ghi được: sửa các ô được đánh dấu.");
    expect(screen.getByText("Ghi ngày theo dạng ngày/tháng/năm, VD 15/03/2026.")).toBeTruthy();
    expect(fake.savePact).not.toHaveBeenCalled();
    type(S.pactDate, "31/02/2026");
    await click(S.pactSave);
    expect(fake.savePact).not.toHaveBeenCalled();

    // The use case has the last word: its coded issue is shown under the field and in the issue list.
    const bad: Issue = { code: "start.pact.noCommitments", severity: "error", field: "commitments", message: { vi: "Giao ước cần ít nhất một cam kết.", en: "The pact needs at least one commitment." } };
    fake.savePact.mockResolvedValueOnce({ kind: "invalid", issues: [bad] });
    type(S.pactDate, "15/03/2026");
    await click(S.pactSave);
    await waitFor(() => expect(text(S.status("pact"))).toBe("Chưa ghi được: xem các lỗi bên dưới."));
    expect(text(TID.issue("start.pact.noCommitments"))).toContain("Giao ước cần ít nhất một cam kết.");
    expect(screen.getAllByText("Giao ước cần ít nhất một cam kết.").length).toBe(2);
    // Nothing written: the workbook was not read again.
    expect(fake.loadStart).toHaveBeenCalledTimes(1);
  });

  it("saves each unit's ticked awards (in the catalogue's order) and targets; an unticked unit goes as not registered", async () => {
    renderStep();
    await loaded();
    await click(S.award(0, "bk-tinh"));
    await click(S.award(0, "co-tinh"));
    type(S.targets(0), "Hoàn thành 100% chỉ tiêu kế hoạch năm ");
    await click(S.award(1, "tt-ldxs"));
    expect(text(S.unitCount(0))).toBe("đăng ký 2 danh hiệu / hình thức");
    await click(S.regSave);
    await waitFor(() => expect(text(S.status("registrations"))).toBe("Đã ghi vào trang: “Đăng ký thi đua”."));
    const ids = AWARDS.map((a) => a.id);
    expect(ids.indexOf("co-tinh")).toBeLessThan(ids.indexOf("bk-tinh"));
    expect(fake.saveRegistrations.mock.calls[0][1]).toEqual([
      { unit: SCT, awards: ["co-tinh", "bk-tinh"], targets: "Hoàn thành 100% chỉ tiêu kế hoạch năm" },
      { unit: SXD, awards: ["tt-ldxs"], targets: "" },
      { unit: LMHTX, awards: [], targets: "" },
    ]);
    // Read back: the sheet exists now, and the boxes are as on the sheet.
    expect(fake.loadStart).toHaveBeenCalledTimes(2);
    expect(screen.queryByTestId(S.noRegSheet)).toBeNull();
    expect((screen.getByTestId(S.award(0, "co-tinh")) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByTestId(S.award(2, "co-tinh")) as HTMLInputElement).checked).toBe(false);
  });

  it("shows a save's warnings with their cells, a click away", async () => {
    const w: Issue = { code: "start.reg.unknownAward", severity: "warning", where: { sheet: "Đăng ký thi đua", cell: "C7" }, message: { vi: "Danh hiệu “X” không có trong danh mục.", en: "“X” is not in the catalogue." } };
    fake.saveRegistrations.mockResolvedValueOnce(written([start.START_SHEETS.registrations], [w]));
    const { onSelect } = renderStep();
    await loaded();
    await click(S.regSave);
    await waitFor(() => expect(screen.getByTestId(TID.issue("start.reg.unknownAward"))).toBeTruthy());
    expect(screen.getByTestId(S.status("registrations")).textContent).toBe("Đã ghi vào trang: “Đăng ký thi đua”.");
    fireEvent.click(within(screen.getByTestId(TID.issue("start.reg.unknownAward"))).getByRole("button"));
    expect(onSelect).toHaveBeenCalledWith({ sheet: "Đăng ký thi đua", cell: "C7" });
  });

  it("a unit's file: shows what would change, writes nothing until confirmed, then reads the workbook again", async () => {
    const preview: RegistrationFilePreview = {
      changes: [{ unit: LMHTX, from: { unit: LMHTX, awards: [], targets: "" }, to: { unit: LMHTX, awards: ["tt-ldxs", "giay-khen"], targets: "Kết nạp 20 hợp tác xã mới" } }],
      issues: [],
      basedOn: "fp-1",
    };
    fake.previewRegistrationFile.mockResolvedValue({ kind: "preview", preview });
    fake.applyRegistrationFile.mockImplementation(async (_h, p) => {
      book.registrations = book.registrations.map((r) => p.changes.find((c) => c.unit === r.unit)?.to ?? r);
      book.hasRegistrationSheet = true;
      return written([start.START_SHEETS.registrations]);
    });
    renderStep();
    await loaded();
    const input = screen.getByTestId(S.importFile) as HTMLInputElement;
    expect(input.type).toBe("file");
    expect(input.accept).toBe(".xlsx");
    expect(text(S.importPick)).toBe("Nhận tệp đăng ký của đơn vị (.xlsx)");
    const file = new File([new Uint8Array([0x50, 0x4b, 3, 4])], "LMHTX-dang-ky.xlsx");
    await act(async () => {
      fireEvent.change(input, { target: { files: [file] } });
    });
    await screen.findByTestId(S.importChanges);
    expect(fake.previewRegistrationFile).toHaveBeenCalledTimes(1);
    expect([...new Uint8Array(fake.previewRegistrationFile.mock.calls[0][1] as Uint8Array)]).toEqual([0x50, 0x4b, 3, 4]);
    const change = text(S.importChange(0));
    expect(change).toContain(LMHTX);
    expect(change).toContain("Hiện có(chưa đăng ký) · (không ghi chỉ tiêu)");
    const names = AWARDS.filter((a) => a.id === "tt-ldxs" || a.id === "giay-khen").map((a) => a.name);
    expect(change).toContain(`Trong tệp${names.join("; ")} · Kết nạp 20 hợp tác xã mới`);
    expect(fake.applyRegistrationFile).not.toHaveBeenCalled();

    // Cancel: nothing written.
    await click(S.importCancel);
    expect(screen.queryByTestId(S.importChanges)).toBeNull();
    expect(fake.applyRegistrationFile).not.toHaveBeenCalled();

    // Again, and confirm: the preview goes back as it came; the card shows the workbook's registration.
    await act(async () => {
      fireEvent.change(input, { target: { files: [file] } });
    });
    await screen.findByTestId(S.importChanges);
    await click(S.importApply);
    await waitFor(() => expect(text(S.status("import"))).toBe("Đã ghi vào trang: “Đăng ký thi đua”."));
    expect(fake.applyRegistrationFile).toHaveBeenCalledTimes(1);
    expect(fake.applyRegistrationFile.mock.calls[0][1]).toBe(preview);
    expect(screen.queryByTestId(S.importChanges)).toBeNull();
    expect(value(S.targets(2))).toBe("Kết nạp 20 hợp tác xã mới");
    expect((screen.getByTestId(S.award(2, "tt-ldxs")) as HTMLInputElement).checked).toBe(true);
  });

  it("a file that is refused says why, with its coded issue, and offers nothing to write", async () => {
    fake.previewRegistrationFile.mockResolvedValue({
      kind: "rejected",
      issues: [{ code: "start.file.noSheet", severity: "error", message: { vi: "Tệp không có trang “Đăng ký thi đua”.", en: "The file has no “Đăng ký thi đua” sheet." } }],
    });
    renderStep();
    await loaded();
    await act(async () => {
      fireEvent.change(screen.getByTestId(S.importFile), { target: { files: [new File(["x"], "sai.xlsx")] } });
    });
    await waitFor(() => expect(text(S.status("import"))).toBe("Không nhận được tệp này: xem lý do bên dưới."));
    expect(text(TID.issue("start.file.noSheet"))).toContain("Tệp không có trang “Đăng ký thi đua”.");
    expect(screen.queryByTestId(S.importApply)).toBeNull();
    expect(fake.applyRegistrationFile).not.toHaveBeenCalled();
  });

  it("produces the pact and the registration list and downloads them, saying where each went", async () => {
    const created = jest.fn((_: Blob) => "blob:x");
    URL.createObjectURL = created;
    URL.revokeObjectURL = jest.fn();
    const downloads: string[] = [];
    jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push(this.download);
    });
    renderStep();
    await loaded();
    expect(text(S.produce)).toBe("Tải giao ước và danh sách đăng ký (.docx)");
    await click(S.produce);
    await waitFor(() => expect(text(S.status("output"))).toMatch(/^Đã tạo 2 tệp/));
    expect(text(N.file(0))).toMatch(/^Giao ước thi đua \(\.docx\)Giao-uoc-thi-dua-2026\.docx · 3 KB/);
    expect(text(N.file(1))).toMatch(/Danh-sach-dang-ky-thi-dua-2026\.docx · 2 KB/);
    await click(N.download(0));
    await waitFor(() => expect(text(N.fileMessage(0))).toBe("Đã tải tệp “Giao-uoc-thi-dua-2026.docx” về thư mục Tải về (Downloads) của trình duyệt."));
    expect(downloads).toEqual(["Giao-uoc-thi-dua-2026.docx"]);
    expect(created.mock.calls[0][0].size).toBe(3000);

    // A save makes the files stale: they are dropped, and the pane says so.
    await click(S.regSave);
    await waitFor(() => expect(screen.queryByTestId(N.files)).toBeNull());
    expect(screen.getByText("Bảng tính đã thay đổi: hãy tạo lại tài liệu.")).toBeTruthy();
    jest.restoreAllMocks();
  });

  it("a workbook the step cannot read is said, with its issue", async () => {
    fake.loadStart.mockResolvedValueOnce({ ok: false, issues: [{ code: "start.noBloc", severity: "error", message: { vi: "Chưa có hồ sơ khối.", en: "No bloc record." } }] });
    renderStep();
    await waitFor(() => expect(text(S.status("load"))).toBe("Chưa có hồ sơ khối."));
    expect(screen.getByTestId(TID.issue("start.noBloc"))).toBeTruthy();
  });

  it("is a tab of its own between “Khối” and “Chấm điểm”, and speaks English when switched", async () => {
    render(<App host={new MemoryHost()} />);
    // (Fluent's tab holds its label twice, one copy hidden to reserve the bold width: compare by name.)
    const tabs = () => screen.getAllByRole("tab").map((t) => t.getAttribute("data-testid"));
    expect(tabs().slice(0, 3)).toEqual([TID.stepBloc, TID.stepStart, TID.stepScoring]);
    expect(screen.getByRole("tab", { name: "Đầu năm" }).getAttribute("data-testid")).toBe(TID.stepStart);
    await act(async () => fireEvent.click(screen.getByTestId(TID.stepStart)));
    await screen.findByTestId(S.status("load"), {}, { timeout: 20000 });
    expect(text(S.pactSave)).toBe("Ghi giao ước");
    expect(text(S.regSave)).toBe("Ghi đăng ký");
    await click(TID.lang);
    expect(screen.getByRole("tab", { name: "Start of year" }).getAttribute("data-testid")).toBe(TID.stepStart);
    expect(text(S.pactSave)).toBe("Save the pact");
    expect(text(S.regSave)).toBe("Save the registrations");
    expect(text(S.produce)).toBe("Download the pact and the registration list (.docx)");
    expect(screen.getAllByRole("group", { name: "Emulation titles" })).toHaveLength(3);
    expect(text(S.hint)).toMatch(/^Registration is checked at the year-end review/);
    expect(screen.getByRole("checkbox", { name: `${SCT} registers for Cờ thi đua của UBND tỉnh` })).toBeTruthy();
  }, 30_000);
});
