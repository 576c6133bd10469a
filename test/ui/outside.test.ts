/** @jest-environment jsdom */
/**
 * taskpane.html opened outside Excel (issue #14 item 6): it used to say "the workbook has no bloc"
 * then "Excel is not defined" (dev), or stay blank with "Office is not defined" (production).
 * Outside an Office client, Office.onReady resolves with host null ("If the add-in isn't loaded in
 * an Office application, host and platform are null": learn.microsoft.com/office/dev/add-ins/develop/initialize-add-in).
 */
import { isOutsideExcel, showOutsideExcel } from "../../src/taskpane/outside";

type G = { Office?: unknown };

function loadEntry(): void {
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the entry runs on import, once per test
    require("../../src/taskpane/index");
  });
}

afterEach(() => {
  delete (globalThis as G).Office;
  document.body.innerHTML = "";
});

test("no office.js on the page: the page says what it is and links the preview, in Vietnamese then English", () => {
  document.body.innerHTML = '<div id="root"></div>';
  loadEntry();
  const box = document.getElementById("outside-excel");
  expect(box).not.toBeNull();
  const sections = [...box!.querySelectorAll("section")];
  expect(sections.map((s) => s.lang)).toEqual(["vi", "en"]);
  expect(sections[0].textContent).toContain("chỉ chạy bên trong Excel");
  expect(sections[1].textContent).toContain("runs only inside Excel");
  expect(box!.querySelector("a")?.getAttribute("href")).toBe("preview.html");
});

test("office.js loaded in a plain browser tab (onReady host null): the same explanation, no pane", async () => {
  document.body.innerHTML = '<div id="root"></div>';
  let ready: ((info: { host: null; platform: null }) => void) | undefined;
  (globalThis as G).Office = { onReady: (cb: typeof ready) => new Promise<void>((r) => (ready = (i) => (cb?.(i), r()))) };
  loadEntry();
  expect(document.getElementById("outside-excel")).toBeNull();
  ready!({ host: null, platform: null });
  await Promise.resolve();
  expect(document.getElementById("outside-excel")?.textContent).toContain("This page runs only inside Excel");
});

test("in Excel the pane is not replaced", () => {
  expect(isOutsideExcel({ officeLoaded: true, host: "Excel" })).toBe(false);
  expect(isOutsideExcel({ officeLoaded: true, host: "Word" })).toBe(true);
  expect(isOutsideExcel({ officeLoaded: false })).toBe(true);
});

test("without a preview beside it (production folder) the page names no link", () => {
  const root = document.createElement("div");
  showOutsideExcel(root, null);
  expect(root.querySelector("a")).toBeNull();
  expect(root.textContent).toContain("docs/huong-dan.md");
});
