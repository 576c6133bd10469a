/** @jest-environment jsdom */
import JSZip from "jszip";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import type { MemoryHost } from "../../src/host";
import { App } from "../../src/taskpane/App";
import { sampleYearBeforeNomination } from "../fixtures/sampleYear";
import { NOMINATION_TID as N } from "../../src/taskpane/components/NominationStep";
import { TID } from "../../src/taskpane/testIds";

const demoHost = sampleYearBeforeNomination;

async function openNomination(host: MemoryHost) {
  render(<App host={host} />);
  await act(async () => fireEvent.click(await screen.findByTestId(TID.stepNomination)));
  // The step is lazy and reads the workbook (two round trips) first.
  await screen.findByTestId(N.status("list"), {}, { timeout: 20000 });
}

const text = (id: string) => screen.getByTestId(id).textContent ?? "";
const change = (id: string, value: string) => fireEvent.change(screen.getByTestId(id), { target: { value } });
const click = (id: string) => act(async () => fireEvent.click(screen.getByTestId(id)));
const status = (section: "list" | "override" | "meeting" | "output") => text(N.status(section));

const SCT = "Sở Công Thương";
const BQL = "Ban Quản lý các Khu công nghiệp tỉnh";
const CO_TINH = "Cờ thi đua của UBND tỉnh";
const MEETING = "Hội nghị bình xét";

describe("the nomination step", () => {
  it("shows the proposed list by award, with every unit's reasons, in or out, in either language", async () => {
    const host = await demoHost();
    await openNomination(host);
    expect(status("list")).toMatch(/^Đã đọc: \d+ đề nghị cho 7 danh hiệu \/ hình thức\.$/);
    expect(screen.getByTestId(N.catalogueNote)).toBeTruthy();

    // Cờ thi đua của UBND tỉnh: one flag per bloc, to the leading unit with all 8 votes.
    const coTinh = within(screen.getByTestId(N.award("co-tinh")));
    expect(coTinh.getByText(CO_TINH)).toBeTruthy();
    const flag = text(N.proposed("co-tinh"));
    expect(flag).toContain(SCT);
    expect(flag).toContain("98,25 điểm · hạng 1 · 8/8 phiếu (100%)");
    expect(flag).not.toContain(BQL);
    // Bằng khen của Chủ tịch UBND tỉnh: the revote's winner.
    const bk = text(N.proposed("bk-tinh"));
    expect(bk).toContain("Sở Xây dựng");
    expect(bk).toContain("71,43%");
    expect(bk).not.toContain("Sở Giao thông vận tải");

    // The reasons name every unit, those left out too: the runner-up is out by the quota.
    const reasons = screen.getByTestId(N.reasons("co-tinh"));
    expect(reasons.querySelector("summary")?.textContent).toBe("Xem lý do (8 đơn vị)");
    const bql = [...reasons.querySelectorAll("li[data-testid]")].find((li) => li.textContent?.startsWith(BQL))!;
    expect(bql.textContent).toContain("Không đề nghị");
    // Luật Thi đua, khen thưởng 2022 Đ26: the provincial flag is the leading unit's; the reason cites the rule.
    expect(bql.textContent).toContain("Không phải đơn vị dẫn đầu khối");
    expect(bql.textContent).toContain("Quy định áp dụng: Luật Thi đua, khen thưởng 2022, Điều 26");
    const lhtx = [...reasons.querySelectorAll("li[data-testid]")].find((li) => li.textContent?.startsWith("Liên minh Hợp tác xã tỉnh"))!;
    expect(lhtx.textContent).toMatch(/Chưa xếp loại Hoàn thành xuất sắc nhiệm vụ/);

    // In English, the same reasons in English.
    await click(TID.lang);
    expect(screen.getByTestId(N.reasons("co-tinh")).querySelector("summary")?.textContent).toBe("Reasons (8 units)");
    expect(text(N.proposed("co-tinh"))).toContain("98.25 points · rank 1 · 8/8 votes (100%)");
    expect(screen.getByTestId(N.reasons("co-tinh")).textContent).not.toContain("Vượt số lượng");
  }, 60_000);

  it("refuses a meeting decision without a reason; with one it is recorded and the unit leaves the list", async () => {
    const host = await demoHost();
    await openNomination(host);
    expect(host.sheetNames()).not.toContain(MEETING);

    // "Override…" on the proposed unit fills the form with the opposite decision.
    await click(N.adjust("co-tinh", 0));
    expect((screen.getByTestId(N.ovUnit) as HTMLSelectElement).value).toBe(SCT);
    expect((screen.getByTestId(N.ovAward) as HTMLSelectElement).value).toBe(CO_TINH);
    expect((screen.getByTestId(N.ovInclude("exclude")) as HTMLInputElement).checked).toBe(true);
    expect(text(N.ovCurrent)).toBe("Hiện tại: được đề nghị.");

    // No reason: refused in the pane, nothing written.
    change(N.ovReason, "   ");
    await click(N.ovRecord);
    await waitFor(() => expect(status("override")).toBe("Quyết định của hội nghị phải ghi lý do."));
    expect(host.sheetNames()).not.toContain(MEETING);
    expect(text(N.proposed("co-tinh"))).toContain(SCT);

    // With a reason: recorded on the meeting sheet; the list and the reasons follow.
    change(N.ovReason, "Đơn vị xin rút để nhường đơn vị khác");
    await click(N.ovRecord);
    await waitFor(() => expect(status("override")).toBe(`Đã ghi quyết định: không đề nghị ${SCT} — ${CO_TINH}.`), { timeout: 10000 });
    expect(host.sheetNames()).toContain(MEETING);
    expect(host.values(MEETING, host.usedRange(MEETING)!).flat()).toContain("Đơn vị xin rút để nhường đơn vị khác");
    expect(screen.queryByTestId(N.proposed("co-tinh"))?.textContent ?? "").not.toContain(SCT);
    expect(text(N.override(0))).toMatch(/Không đề nghị.*Sở Công Thương — Cờ thi đua của UBND tỉnh.*Đơn vị xin rút/);
    const sct = [...screen.getByTestId(N.reasons("co-tinh")).querySelectorAll("li[data-testid]")].find((li) => li.textContent?.startsWith(SCT))!;
    expect(sct.textContent).toContain("Đơn vị xin rút để nhường đơn vị khác");
    // The form is cleared for the next decision.
    expect((screen.getByTestId(N.ovReason) as HTMLTextAreaElement).value).toBe("");

    // Removing the decision puts the unit back.
    await click(N.overrideRemove(0));
    await waitFor(() => expect(status("override")).toMatch(/^Đã bỏ quyết định về Sở Công Thương/), { timeout: 10000 });
    expect(text(N.proposed("co-tinh"))).toContain(SCT);
    expect(screen.queryByTestId(N.override(0))).toBeNull();
  }, 60_000);

  it("saves the meeting, generates the sheets, produces the files and delivers them, saying what happened", async () => {
    const host = await demoHost();
    await openNomination(host);
    const created = jest.fn((_: Blob) => "blob:x");
    URL.createObjectURL = created;
    URL.revokeObjectURL = jest.fn();
    // jsdom cannot navigate to a blob: URL; record what the pane asked the browser to download.
    const downloads: string[] = [];
    jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push(this.download);
    });

    // The meeting record: a bad time is refused in the form.
    change(N.mDate, "5/12/2026");
    change(N.mTime, "25:00");
    change(N.mPlace, "Hội trường Sở Công Thương");
    change(N.mNumber, "12/TTr-KTĐ");
    // Where the file goes is the bloc's setting (DOMAIN §5: Sở Nội vụ in several provinces since 2025).
    change(N.mAddressee, "Sở Nội vụ tỉnh Nam Định (Phòng Thi đua, khen thưởng)");
    change(N.mRecipients, "Như trên\nCác đơn vị trong khối\nLưu: VT");
    await click(N.mSave);
    expect(status("meeting")).toBe("Chưa ghi được: sửa các ô được đánh dấu.");
    expect(screen.getByText("Ghi giờ theo dạng giờ:phút, VD 14:00.")).toBeTruthy();
    expect(host.sheetNames()).not.toContain(MEETING);
    change(N.mTime, "14:00");
    await click(N.mSave);
    await waitFor(() => expect(status("meeting")).toBe(`Đã ghi thông tin hội nghị vào trang “${MEETING}”.`), { timeout: 10000 });
    expect(host.values(MEETING, "B4:B6").flat()).toEqual(["05/12/2026", "14:00", "Hội trường Sở Công Thương"]);
    expect(host.values(MEETING, "B12:B13").flat()).toEqual(["Sở Nội vụ tỉnh Nam Định (Phòng Thi đua, khen thưởng)", "Như trên; Các đơn vị trong khối; Lưu: VT"]);
    expect((screen.getByTestId(N.mDate) as HTMLInputElement).value).toBe("05/12/2026");

    // Generate: the list and the minutes (and the catalogue) are sheets now.
    expect(host.sheetNames()).not.toContain("Danh sách đề nghị");
    await click(N.generate);
    await waitFor(() => expect(status("output")).toMatch(/^Đã ghi các trang: /), { timeout: 10000 });
    expect(status("output")).toContain("“Danh sách đề nghị”");
    expect(status("output")).toContain("“Biên bản họp bình xét”");
    expect(host.sheetNames()).toEqual(expect.arrayContaining(["Khen thưởng", "Danh sách đề nghị", "Biên bản họp bình xét"]));
    expect(host.values("Danh sách đề nghị", host.usedRange("Danh sách đề nghị")!).flat()).toContain(SCT);
    // The catalogue is in the workbook now.
    expect(screen.queryByTestId(N.catalogueNote)).toBeNull();

    // Produce: the files are listed.
    await click(N.produce);
    await waitFor(() => expect(status("output")).toMatch(/^Đã tạo \d+ tệp/), { timeout: 20000 });
    const files = within(screen.getByTestId(N.files));
    for (const name of ["To-trinh-de-nghi-khen-thuong-2026.docx", "Bien-ban-hop-binh-xet-2026.docx", "Danh-sach-de-nghi-2026.xlsx", "Danh-sach-de-nghi-2026.csv"]) {
      expect(files.getByText(new RegExp(name.replace(/\./g, "\\.")))).toBeTruthy();
    }
    expect(text(N.file(0))).toMatch(/^Tờ trình kèm danh sách đề nghị \(\.docx\)To-trinh-de-nghi-khen-thuong-2026\.docx · \d+ KB/);
    // The list in LIFESOFT's import template comes with what to know before importing it (issue #10 item 13).
    const names = [...screen.getByTestId(N.files).querySelectorAll("li")].map((li) => li.textContent ?? "");
    const ls = names.findIndex((t) => t.includes("Danh-sach-LIFESOFT-2026.xlsx"));
    expect(ls).toBeGreaterThanOrEqual(0);
    expect(text(N.fileNotes(ls))).toContain("Lưu ý trước khi gửi hoặc nhận tệp này:");
    expect(text(N.fileNotes(ls))).toContain("“Bằng khen của Chủ tịch UBND tỉnh” được ghi là “Bằng khen cấp bộ, ban, ngành, tỉnh, đoàn thể trung ương”");
    expect(screen.queryByTestId(N.fileNotes(0))).toBeNull();

    // Download one: handed to the browser, and the pane says where it went.
    await click(N.download(0));
    await waitFor(() => expect(text(N.fileMessage(0))).toBe("Đã tải tệp “To-trinh-de-nghi-khen-thuong-2026.docx” về thư mục Tải về (Downloads) của trình duyệt."));
    expect(created).toHaveBeenCalledTimes(1);
    expect(created.mock.calls[0][0].size).toBeGreaterThan(1000);
    expect(downloads).toEqual(["To-trinh-de-nghi-khen-thuong-2026.docx"]);

    // A download the view refuses is said, not swallowed.
    URL.createObjectURL = jest.fn(() => {
      throw new Error("blocked by the view");
    });
    await click(N.download(1));
    await waitFor(() => expect(text(N.fileMessage(1))).toMatch(/^Không tải được tệp “Bien-ban-hop-binh-xet-2026\.docx” \(blocked by the view\)/));

    // Download all: one .zip from the click, not a download per file from timers, which browsers ask
    // about or drop (issue #14 item 7; Chrome's "automatic downloads" permission asks from the second one).
    URL.createObjectURL = created;
    const inZip = [...screen.getByTestId(N.files).querySelectorAll("li")].map((li) => /[A-Za-z0-9_-]+\.(docx|xlsx|csv)\b/.exec(li.textContent ?? "")?.[0]);
    const n = inZip.length;
    await click(N.downloadAll);
    await waitFor(() => expect(status("output")).toBe(`Gộp ${n} tệp vào một tệp nén (.zip). Đã tải tệp “Ho-so-de-nghi-khen-thuong-2026.zip” về thư mục Tải về (Downloads) của trình duyệt.`), { timeout: 15000 });
    expect(created).toHaveBeenCalledTimes(2);
    expect(downloads).toEqual(["To-trinh-de-nghi-khen-thuong-2026.docx", "Ho-so-de-nghi-khen-thuong-2026.zip"]);
    // jsdom's Blob has no arrayBuffer(): read it as a browser without it would.
    const blob = created.mock.calls[1][0];
    const buffer = await new Promise<ArrayBuffer>((ok, ko) => {
      const r = new FileReader();
      r.onload = () => ok(r.result as ArrayBuffer);
      r.onerror = () => ko(r.error);
      r.readAsArrayBuffer(blob);
    });
    const zipped = await JSZip.loadAsync(buffer);
    expect(Object.keys(zipped.files).sort()).toEqual([...inZip].sort());
  }, 90_000);
});

/**
 * Issue #14 item 3 ("a late score change marks the list and minutes out of date"): the pane marks
 * each generated sheet that no longer matches the workbook and offers one "Tạo lại / Regenerate".
 */
describe("the nomination step marks out-of-date sheets (issue #14 item 3)", () => {
  it("a score changed after the list was made: “Đã cũ” beside the list and the minutes, naming the change; “Tạo lại” clears it", async () => {
    const host = await demoHost();
    await openNomination(host);
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
