/** @jest-environment jsdom */
/**
 * The pane's step tabs (issue #14 item 4, "320 px"): axe-core reported 2 serious `aria-hidden-focus`
 * (WCAG 4.1.2) on Fluent's TabList, whose arrow-key mover (Tabster) puts focusable `aria-hidden`
 * placeholders around the tabs (microsoft/fluentui#27517). The browser check at 320 px is
 * test/e2e/narrow.test.ts; these are the cheap guards.
 */
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { App } from "../../src/taskpane/App";
import { TID } from "../../src/taskpane/testIds";
import { MemoryHost } from "../../src/host";

const PANE = resolve(__dirname, "../../src/taskpane");
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? sources(join(dir, d.name)) : /\.tsx?$/.test(d.name) ? [join(dir, d.name)] : []));

test("no pane file uses Fluent's TabList or Overflow, whose placeholders are aria-hidden yet focusable (axe aria-hidden-focus)", () => {
  const users = sources(PANE).filter((f) => /<TabList\b|<Overflow\b|\buseOverflow\w*\(/.test(readFileSync(f, "utf8")));
  expect(users.map((f) => f.slice(PANE.length + 1))).toEqual([]);
});

describe("the step tabs", () => {
  const steps = [TID.stepBloc, TID.stepStart, TID.stepScoring, TID.stepVoting, TID.stepNomination];

  it("have no focusable aria-hidden element in the tab list, and one tab in the Tab order (WAI-ARIA tabs pattern)", async () => {
    render(<App host={new MemoryHost()} />);
    await waitFor(() => expect((screen.getByTestId(TID.blocName) as HTMLInputElement).disabled).toBe(false));
    const list = screen.getByRole("tablist");
    const hiddenFocusable = [...list.querySelectorAll('[aria-hidden="true"]')].filter((el) => el.matches("[tabindex]:not([tabindex='-1']), button, input, a[href]"));
    expect(hiddenFocusable.map((el) => el.outerHTML)).toEqual([]);
    const tabs = screen.getAllByRole("tab");
    expect(tabs.map((t) => t.getAttribute("data-testid"))).toEqual(steps);
    expect(tabs.map((t) => t.getAttribute("aria-selected"))).toEqual(["true", "false", "false", "false", "false"]);
    expect(tabs.map((t) => t.tabIndex)).toEqual([0, -1, -1, -1, -1]);
  });

  it("move with the arrow keys, Home and End, selecting as they go", async () => {
    render(<App host={new MemoryHost()} />);
    await waitFor(() => expect((screen.getByTestId(TID.blocName) as HTMLInputElement).disabled).toBe(false));
    const tab = (i: number) => screen.getByTestId(steps[i]);
    await act(async () => fireEvent.keyDown(tab(0), { key: "ArrowLeft" }));
    expect(document.activeElement).toBe(tab(4));
    expect(tab(4).getAttribute("aria-selected")).toBe("true");
    await act(async () => fireEvent.keyDown(tab(4), { key: "ArrowRight" }));
    expect(document.activeElement).toBe(tab(0));
    await act(async () => fireEvent.keyDown(tab(0), { key: "End" }));
    expect(tab(4).tabIndex).toBe(0);
    await act(async () => fireEvent.keyDown(tab(4), { key: "Home" }));
    expect(document.activeElement).toBe(tab(0));
    expect(tab(0).getAttribute("aria-selected")).toBe("true");
  });
});
