/**
 * The preview (`npm start` → /preview.html): the add-in's own pane beside the in-memory Excel host
 * drawn as a workbook. Not part of the add-in's bundle. `window.binhXet.host` is there for the
 * browser test and for poking around in the console.
 */
import { FluentProvider, makeStyles, webLightTheme } from "@fluentui/react-components";
import { useState } from "react";
import { createRoot } from "react-dom/client";
import { App } from "../../taskpane/App";
import { MemoryHost } from "../memoryHost";
import { PageGuide } from "./PageGuide";
import { WorkbookView } from "./WorkbookView";

declare global {
  /** True in the published page's build (`npm run build:page`), set by webpack's DefinePlugin. */
  const __BX_PUBLISHED_PAGE__: boolean | undefined;
  interface Window {
    binhXet: { host: MemoryHost };
  }
}

const PUBLISHED = typeof __BX_PUBLISHED_PAGE__ !== "undefined" && __BX_PUBLISHED_PAGE__;

const useStyles = makeStyles({
  // On a narrow screen (a phone, or the e2e test at 320 px) the pane takes the whole width, as in
  // Excel's narrowest task pane, and the workbook follows below it.
  shell: { display: "grid", gridTemplateColumns: "380px minmax(0, 1fr)", height: "100vh", "@media (max-width: 600px)": { gridTemplateColumns: "minmax(0, 1fr)", height: "auto" } },
  pane: { borderRight: "1px solid #d1d1d1", overflowY: "auto", height: "100vh", "@media (max-width: 600px)": { borderRight: "none" } },
  book: { height: "100vh", minWidth: 0, display: "flex", flexDirection: "column", "@media (max-width: 600px)": { overflowX: "auto" } },
  grid: { flex: "1 1 auto", minHeight: 0 },
});

/** ExcelApi sets the preview's host claims; `?api=1.8` shows how the pane copes with an older Excel. */
function hostOptions() {
  const api = new URLSearchParams(location.search).get("api");
  return api ? { apiSets: { ExcelApi: api } } : undefined;
}

function Preview() {
  const s = useStyles();
  const [book, setBook] = useState(() => ({ host: new MemoryHost(hostOptions()), generation: 0 }));
  const { host } = book;
  window.binhXet = { host };
  const replace = (h: MemoryHost) => setBook((b) => ({ host: h, generation: b.generation + 1 }));
  const download = async () => {
    const bytes = await host.toXlsx();
    const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = PUBLISHED ? "binh-xet-thi-dua.xlsx" : "binh-xet-xem-truoc.xlsx";
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  const open = async (file: File) => {
    try {
      replace(await MemoryHost.fromXlsx(new Uint8Array(await file.arrayBuffer()), hostOptions()));
    } catch (e) {
      alert(`Không mở được tệp / Cannot open the file: ${(e as Error).message}`);
    }
  };
  return (
    <FluentProvider theme={webLightTheme}>
      <div className={s.shell}>
        <aside className={s.pane} aria-label="Task pane">
          {/* A new host remounts the pane, as reopening a workbook would. */}
          <App key={book.generation} host={host} />
        </aside>
        <section className={s.book}>
          {PUBLISHED && <PageGuide />}
          <div className={s.grid}>
            <WorkbookView host={host} onNew={() => replace(new MemoryHost(hostOptions()))} onOpenFile={(f) => void open(f)} onSave={() => void download()} />
          </div>
        </section>
      </div>
    </FluentProvider>
  );
}

const root = document.getElementById("root");
if (root) createRoot(root).render(<Preview />);
