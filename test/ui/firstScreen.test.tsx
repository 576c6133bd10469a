/** @jest-environment jsdom */
/**
 * The production page's prerendered first screen (src/taskpane/firstScreen.tsx; issue #14 "controls
 * painted": the form paints as soon as taskpane.html is parsed, before the bundle loads). What holds it:
 * - the markup is the pane's own first frame: what React renders on the client before the workbook
 *   read, the same elements, classes, texts and disabled states (so React's first commit replaces it
 *   with no visible change and no layout shift; test/ui/oldWebview.test.ts checks that the built
 *   page carries it in #root);
 * - the head's CSS covers every Griffel class the markup uses, and the pane's static sheet comes first
 *   (paneCss.ts: Fluent's one-class rules win a tie with it);
 * - nothing in it can be typed into before the pane is live;
 * - once the pane has rendered, the page's copy of Griffel's rules is taken out.
 */
import { act, render } from "@testing-library/react";
import { execFileSync } from "node:child_process";
import { resolve } from "node:path";
import type { FirstScreen } from "../../src/taskpane/firstScreen";
import { App } from "../../src/taskpane/App";
import { dropFirstScreenCss, PANE_CSS } from "../../src/taskpane/paneCss";
import type { ExcelHost } from "../../src/app/office";

/** A host whose reads never return: the pane stays in its first frame's state. */
const PENDING = { run: () => new Promise<never>(() => {}) } as unknown as ExcelHost;

/**
 * Markup as a canonical tree (tags, attributes in name order, texts), with what legitimately differs
 * between a server and a client render taken out: React's ids (`_R_…_` on the server, `_r_…_` on the
 * client, used by Fluent for label/input links and the provider's class) and the provider's theme
 * <style> (in the markup on the server, in the head on the client). Attribute order and `<input/>`
 * against `<input>` are serialisation, not content.
 */
function canonical(html: string): string {
  const box = document.createElement("div");
  box.innerHTML = html;
  const walk = (n: Node): string => {
    if (n.nodeType === Node.TEXT_NODE) return n.textContent ?? "";
    if (!(n instanceof Element) || n.tagName === "STYLE") return "";
    const attrs = [...n.attributes].map((a) => `${a.name}=${JSON.stringify(a.value)}`).sort();
    return `<${n.tagName.toLowerCase()} ${attrs.join(" ")}>${[...n.childNodes].map(walk).join("")}</>`;
  };
  return [...box.childNodes].map(walk).join("").replace(/_[Rr]_[0-9a-z]+_/g, "ID");
}

/**
 * Rendered as the build renders it (webpack.config.js runs the module with tsx, in Node): under jsdom,
 * Griffel would leave its rules to insertion effects, which a server render does not run.
 */
const screenOnce = JSON.parse(
  execFileSync(process.execPath, [require.resolve("tsx/cli"), resolve(__dirname, "../../src/taskpane/firstScreen.tsx")], { encoding: "utf8", maxBuffer: 16 << 20 }),
) as FirstScreen;

test("the prerendered markup is the pane's own first frame (same elements, classes, texts, states)", async () => {
  const { container } = render(<App host={PENDING} initialLang="vi" />);
  // The first commit only: the lower part of the form joins after a frame the test does not give.
  const client = canonical(container.innerHTML);
  expect(client).toContain('data-testid="bloc-name"');
  expect(client).toContain("disabled");
  expect(canonical(screenOnce.body)).toBe(client);
  await act(async () => {});
});

test("in it, the fields and the save and reload buttons are disabled, and the read is announced as under way", () => {
  const doc = new DOMParser().parseFromString(`<div id="root">${screenOnce.body}</div>`, "text/html");
  const inputs = [...doc.querySelectorAll("input")];
  expect(inputs.length).toBe(3);
  expect(inputs.every((i) => i.disabled)).toBe(true);
  const labels = [...doc.querySelectorAll("label")].map((l) => l.textContent);
  expect(labels.join(" | ")).toMatch(/Tên khối thi đua.*Tỉnh\/thành phố.*Năm thi đua/);
  for (const id of ["bloc-save", "bloc-reload"]) expect((doc.querySelector(`[data-testid="${id}"]`) as HTMLButtonElement | null)?.disabled).toBe(true);
  expect(doc.querySelector('[role="status"]')?.textContent).toBe("Đang đọc bảng tính…");
  expect(doc.querySelectorAll("script")).toHaveLength(0);
});

test("the head carries the pane's static sheet first, then CSS for every Griffel class in the markup", () => {
  const doc = new DOMParser().parseFromString(`<html><head>${screenOnce.head}</head><body>${screenOnce.body}</body></html>`, "text/html");
  const styles = [...doc.head.querySelectorAll("style")];
  expect(styles[0].id).toBe("bx-pane-css");
  expect(styles[0].textContent).toBe(PANE_CSS);
  const buckets = styles.slice(1);
  expect(buckets.length).toBeGreaterThan(2);
  expect(buckets.every((s) => s.hasAttribute("data-make-styles-bucket") && s.getAttribute("data-make-styles-rehydration") === "true")).toBe(true);
  const css = buckets.map((s) => s.textContent).join("\n");
  // Griffel's atomic classes (f + 6-7 hash characters) and reset classes (r + hash) in the markup.
  const used = new Set([...doc.body.querySelectorAll("[class]")].flatMap((e) => [...e.classList]).filter((c) => /^[fr][0-9a-z]{6,8}$/.test(c)));
  expect(used.size).toBeGreaterThan(20);
  expect([...used].filter((c) => !css.includes(`.${c}`))).toEqual([]);
});

test("after the pane's first commit, the page's copy of Griffel's rules is taken out, and nothing else", async () => {
  // The production page's head, as the browser has it when the bundle runs.
  document.head.replaceChildren();
  document.head.insertAdjacentHTML("beforeend", screenOnce.head);
  const other = document.createElement("style");
  other.setAttribute("data-make-styles-bucket", "d");
  document.head.append(other);
  expect(document.head.querySelectorAll("style[data-make-styles-rehydration]").length).toBeGreaterThan(2);
  render(<App host={PENDING} initialLang="vi" />);
  await act(async () => {});
  expect(document.head.querySelectorAll("style[data-make-styles-rehydration]")).toHaveLength(0);
  expect(document.head.contains(other)).toBe(true);
  expect(document.head.querySelectorAll("#bx-pane-css")).toHaveLength(1);
  dropFirstScreenCss();
  expect(document.head.contains(other)).toBe(true);
});
