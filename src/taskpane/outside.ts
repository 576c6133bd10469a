/**
 * What taskpane.html says when it is opened outside Excel (a browser tab, a newcomer accepting the
 * certificate): office.js did not load (`Office` undefined), or `Office.onReady` resolved with no
 * host — it does so outside an Office client ("If the add-in isn't loaded in an Office
 * application, host and platform are null": learn.microsoft.com/office/dev/add-ins/develop/initialize-add-in).
 * Plain DOM, no React: nothing of the pane loads for it (issue #14 item 6).
 */
export interface OutsideInfo {
  /** `Office` is defined on the page. */
  officeLoaded: boolean;
  /** `info.host` from Office.onReady, when it resolved. */
  host?: unknown;
}

/** True when the page is not in Excel: no office.js, or onReady's host is not Excel. */
export function isOutsideExcel(info: OutsideInfo): boolean {
  return !info.officeLoaded || info.host === null || info.host === undefined || String(info.host) !== "Excel";
}

const TEXT = {
  vi: {
    title: "Đây là ngăn tác vụ của add-in Bình xét thi đua",
    body: "Trang này chỉ chạy bên trong Excel (Microsoft 365, Excel 2021 trở lên hoặc Excel trên web), sau khi nạp add-in bằng tệp manifest.xml. Mở trực tiếp trong trình duyệt thì không có bảng tính nào để làm việc.",
    preview: "Muốn dùng thử không cần Excel: mở bản xem trước",
    guide: "Cách nạp add-in vào Excel: xem docs/huong-dan.md.",
  },
  en: {
    title: "This is the task pane of the Bình xét add-in",
    body: "This page runs only inside Excel (Microsoft 365, Excel 2021 or later, or Excel on the web), once the add-in is loaded from manifest.xml. Opened directly in a browser, it has no workbook to work on.",
    preview: "To try it without Excel, open the preview",
    guide: "How to load the add-in into Excel: see docs/huong-dan.md.",
  },
} as const;

/** Replaces `root`'s content with the explanation, Vietnamese first; `previewUrl` null when the preview is not served beside the pane. */
export function showOutsideExcel(root: HTMLElement, previewUrl: string | null): void {
  const doc = root.ownerDocument;
  root.replaceChildren();
  const box = doc.createElement("div");
  box.id = "outside-excel";
  box.setAttribute("role", "note");
  box.style.cssText = "padding:16px;font-size:14px;line-height:1.45;color:#242424;max-width:36em";
  for (const lang of ["vi", "en"] as const) {
    const t = TEXT[lang];
    const section = doc.createElement("section");
    section.lang = lang;
    const h = doc.createElement("h1");
    h.style.cssText = "font-size:16px;font-weight:600;margin:0 0 8px";
    h.textContent = t.title;
    const p = doc.createElement("p");
    p.textContent = t.body;
    section.append(h, p);
    if (previewUrl) {
      const q = doc.createElement("p");
      const a = doc.createElement("a");
      a.href = previewUrl;
      a.textContent = `${t.preview} (${previewUrl})`;
      q.append(a);
      section.append(q);
    }
    const g = doc.createElement("p");
    g.textContent = t.guide;
    section.append(g);
    box.append(section);
    if (lang === "vi") box.append(doc.createElement("hr"));
  }
  root.append(box);
}
