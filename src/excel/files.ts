/**
 * Getting files out of the pane where a download cannot work (Excel on Mac and iPad: WKWebView
 * ignores downloads from a task pane). The pane asks here, never calls Office itself.
 */

/** Where the add-in runs: "OfficeOnline", "PC", "Mac", "iOS", "Android"; undefined outside Office (the preview). */
export function officePlatform(): string | undefined {
  try {
    return typeof Office !== "undefined" && Office.context?.diagnostics ? String(Office.context.diagnostics.platform) : undefined;
  } catch {
    return undefined;
  }
}

/** Opens an .xlsx (base64) as a new Excel workbook (ExcelApi 1.8), for the user to save; undefined outside Office. */
export function workbookOpener(): ((base64: string) => Promise<void>) | undefined {
  if (typeof Excel === "undefined" || typeof Excel.createWorkbook !== "function") return undefined;
  return async (base64: string) => {
    await Excel.createWorkbook(base64);
  };
}
