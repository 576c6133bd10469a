import { createRoot } from "react-dom/client";
import { officeHost } from "../app/officeHost";
import { App } from "./App";
import { isOutsideExcel, showOutsideExcel } from "./outside";

/** The preview sits beside the pane in development only (webpack serve); the production folder holds what the add-in loads. */
const PREVIEW_URL = process.env.NODE_ENV === "production" ? null : "preview.html";

/** The add-in's entry: wait for Office, then show the pane against the real Excel; outside Excel, say what this page is. */
const root = document.getElementById("root");
if (root && typeof Office === "undefined") showOutsideExcel(root, PREVIEW_URL);
else if (root)
  void Office.onReady((info) => {
    if (isOutsideExcel({ officeLoaded: true, host: info?.host })) {
      showOutsideExcel(root, PREVIEW_URL);
      return;
    }
    const lang = (Office.context?.displayLanguage ?? "vi-VN").toLowerCase().startsWith("vi") ? "vi" : "en";
    createRoot(root).render(<App host={officeHost()} initialLang={lang} />);
  });
