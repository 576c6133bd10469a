/**
 * The pane's first screen, rendered when the add-in is built (issue #14 "controls painted"): the
 * production taskpane.html carries, inside #root, the markup of the pane's own first frame (App with
 * the workbook read still pending: the bloc form, read-only) and, in its head, the CSS that frame
 * uses (the pane's static sheet, then Griffel's rules as Fluent's SSR writes them). The browser paints
 * the form as soon as it has parsed the page, before the bundle has loaded; index.tsx then renders
 * the same first frame with React, which replaces this markup in one commit; the pane then takes the
 * page's copy of Griffel's rules out (paneCss.ts dropFirstScreenCss), its own being in.
 * Nothing here can be typed into: the form's fields and buttons are disabled until the read returns,
 * as in the live pane.
 *
 * Built by webpack.config.js (`npx tsx src/taskpane/firstScreen.tsx` prints { head, body } as JSON);
 * never imported by the pane's bundle (react-dom/server stays out of it).
 */
import { createDOMRenderer, renderToStyleElements, RendererProvider } from "@fluentui/react-components";
import { renderToStaticMarkup, renderToString } from "react-dom/server";
import type { ExcelHost } from "../app/office";
import { App } from "./App";
import { PANE_CSS, PANE_CSS_ID } from "./paneCss";
import type { Lang } from "./strings";

export interface FirstScreen {
  /** Style elements for the page's head: the pane's static sheet first, then Griffel's buckets. */
  head: string;
  /** The first frame's markup, for inside #root. */
  body: string;
}

/** A host nothing may reach at build time: the first frame reads the workbook only after it has painted. */
const NO_HOST = new Proxy({} as ExcelHost, {
  get(_, key) {
    throw new Error(`the first screen is rendered without Excel (host.${String(key)})`);
  },
});

/** The pane's first frame as HTML, in the given language (the page's lang is Vietnamese). */
export function renderFirstScreen(lang: Lang = "vi"): FirstScreen {
  const renderer = createDOMRenderer(undefined);
  const body = renderToString(
    <RendererProvider renderer={renderer}>
      <App host={NO_HOST} initialLang={lang} />
    </RendererProvider>,
  );
  const griffel = renderToStaticMarkup(<>{renderToStyleElements(renderer)}</>);
  return { head: `<style id="${PANE_CSS_ID}">${PANE_CSS}</style>${griffel}`, body };
}

if (require.main === module) process.stdout.write(JSON.stringify(renderFirstScreen("vi")));
