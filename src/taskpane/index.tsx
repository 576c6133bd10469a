import { createRoot } from "react-dom/client";
import { officeHost } from "../app/office";
import { App } from "./App";

/** The add-in's entry: wait for Office, then show the pane against the real Excel. */
Office.onReady(() => {
  const root = document.getElementById("root");
  if (!root) return;
  const lang = (Office.context?.displayLanguage ?? "vi-VN").toLowerCase().startsWith("vi") ? "vi" : "en";
  createRoot(root).render(<App host={officeHost()} initialLang={lang} />);
});
