/** @jest-environment jsdom */
/**
 * The first screen's static sheet (src/taskpane/paneCss.ts; issue #14 "Lighter and faster": no
 * run-time makeStyles up front). A class named in a first-screen file but missing from the sheet, or
 * a misspelt Fluent variable, would silently drop a rule; these catch both. The layout itself at
 * 320 px is test/e2e/narrow.test.ts.
 */
import { tokens } from "@fluentui/react-components";
import { act, render, screen, waitFor } from "@testing-library/react";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { App } from "../../src/taskpane/App";
import { PANE_CSS } from "../../src/taskpane/paneCss";
import { TID } from "../../src/taskpane/testIds";
import { MemoryHost } from "../../src/host";

const FIRST_SCREEN = ["App.tsx", "components/BlocForm.tsx", "components/StepTabs.tsx", "components/NextStep.tsx"].map((f) => resolve(__dirname, "../../src/taskpane", f));

test("every bx-* class the first screen uses is defined in the sheet, and no first-screen file calls makeStyles", () => {
  const defined = new Set([...PANE_CSS.matchAll(/\.(bx-[\w-]+)/g)].map((m) => m[1]));
  for (const file of FIRST_SCREEN) {
    const text = readFileSync(file, "utf8");
    const used = [...text.matchAll(/\bbx-[\w-]+/g)].map((m) => m[0]).filter((c) => c !== "bx-pane-css");
    expect({ file, missing: used.filter((c) => !defined.has(c)) }).toEqual({ file, missing: [] });
    expect({ file, runtime: /\bmake(Static)?Styles\(|\bmergeClasses\(/.test(text) }).toEqual({ file, runtime: false });
  }
});

test("every CSS variable in the sheet is one FluentProvider sets (a Fluent token)", () => {
  const known = new Set(Object.values(tokens));
  const vars = [...PANE_CSS.matchAll(/var\(--[\w]+\)/g)].map((m) => m[0]);
  expect(vars.length).toBeGreaterThan(10);
  expect(vars.filter((v) => !known.has(v))).toEqual([]);
});

test("the pane puts the sheet in the document once, before Griffel's sheets", async () => {
  const { unmount } = render(<App host={new MemoryHost()} />);
  await waitFor(() => expect((screen.getByTestId(TID.blocName) as HTMLInputElement).disabled).toBe(false));
  unmount();
  render(<App host={new MemoryHost()} />);
  const styles = [...document.head.querySelectorAll("style")];
  const ours = styles.filter((s) => s.id === "bx-pane-css");
  expect(ours).toHaveLength(1);
  expect(ours[0].textContent).toBe(PANE_CSS);
  const firstGriffel = styles.findIndex((s) => s.hasAttribute("data-make-styles-bucket"));
  expect(firstGriffel === -1 || styles.indexOf(ours[0]) < firstGriffel).toBe(true);
  expect(screen.getByTestId(TID.stepBloc).className).toBe("bx-tab bx-tab-on");
  await waitFor(() => expect((screen.getByTestId(TID.blocName) as HTMLInputElement).disabled).toBe(false));
});

// Issue #14 "Controls painted": the form's first frame comes before the bloc kit's work (its chunk,
// the issue catalogue, Intl number formats) and the workbook read, which start after that frame.
test("the workbook read starts only after the first frame with the form, then fills it", async () => {
  const host = new MemoryHost();
  const run = jest.spyOn(host, "run");
  render(<App host={host} />);
  await act(async () => {
    await Promise.resolve();
  });
  expect(screen.getByTestId(TID.blocName)).toBeTruthy();
  expect(run).not.toHaveBeenCalled();
  await waitFor(() => expect(run).toHaveBeenCalled());
  await waitFor(() => expect((screen.getByTestId(TID.blocName) as HTMLInputElement).disabled).toBe(false));
});

// Issue #14 "Controls painted": the first frame carries the form's top (name, province, year) and its
// buttons, as the minimal pane does; the member list and the leader/deputy choices (empty and
// read-only until the read anyway) join right after it, in the box that held their place.
test("the member list and leader/deputy choices join after the first frame, in a box of the same reserved height (no layout shift)", async () => {
  const host = new MemoryHost();
  const run = jest.spyOn(host, "run");
  render(<App host={host} />);
  const later = () => document.querySelectorAll(".bx-form > .bx-later");
  expect(later()).toHaveLength(1);
  expect(later()[0].childElementCount).toBe(0);
  expect(later()[0].getAttribute("aria-hidden")).toBe("true");
  expect(screen.getByTestId(TID.blocName)).toBeTruthy();
  expect(screen.getByTestId(TID.save)).toBeTruthy();
  expect(screen.queryByTestId(TID.memberName(0))).toBeNull();
  expect(screen.queryByTestId(TID.leader)).toBeNull();
  await waitFor(() => expect(screen.getByTestId(TID.leader)).toBeTruthy());
  // The same box, now holding the real block: the placeholder and the block share the reserved height.
  expect(later()).toHaveLength(1);
  expect(later()[0].hasAttribute("aria-hidden")).toBe(false);
  for (const id of [TID.memberName(0), TID.memberShort(0), TID.addMember, TID.paste, TID.leader, TID.deputy(0), TID.deputy(1)]) expect(later()[0].contains(screen.getByTestId(id))).toBe(true);
  await waitFor(() => expect(run).toHaveBeenCalled());
  await waitFor(() => expect((screen.getByTestId(TID.blocName) as HTMLInputElement).disabled).toBe(false));
  // The reserved height is the block's own at 320 px with one empty member row (measured in Chromium, see paneCss.ts).
  const min = PANE_CSS.match(/\.bx-later\{min-height:(\d+)px\}/);
  expect(Number(min?.[1])).toBeGreaterThan(200);
});
