/**
 * The first screen's CSS as one static sheet (issue #14 "Lighter and faster"). It was makeStyles /
 * makeStaticStyles in App, BlocForm and StepTabs, which pull Griffel's run-time style engine (stylis,
 * rtl-css-js, ~8 KB gzip) into the initial chunk and compile every rule on the first render; Fluent's
 * own components ship pre-compiled styles and need none of it. The rules are the same declarations;
 * theme values are Fluent's CSS variables (FluentProvider sets them, as `tokens.x` = `var(--x)`).
 * Lazy steps keep their makeStyles (webpack.config.js refuses stylis in the initial chunks only).
 * `.bx-later` is the box of the bloc form's lower part (BlocForm `full`), empty in the first frame:
 * its min-height is that part's own height with one empty member row (members, leader, two deputies:
 * 298 px measured in Chromium at 320 and 400 px, vi and en), so nothing moves when it fills.
 */

/** Fluent's Text root (react-text useTextStyles) beside a typography preset (Caption1, Subtitle2, Title3). */
const TEXT = "font-family:var(--fontFamilyBase);text-align:start;display:inline;white-space:normal;overflow:visible;text-overflow:clip;";

export const PANE_CSS = `
.fui-Dropdown,.fui-Combobox,.fui-Input,.fui-Select,.fui-Textarea{min-width:0;max-width:100%}
main .fui-MessageBar{white-space:normal}
main .fui-MessageBarBody{overflow-wrap:anywhere}
main .fui-Badge{height:auto;min-height:16px;padding-top:1px;padding-bottom:1px;white-space:normal;text-align:center}
main .fui-Table{table-layout:auto}
main .fui-Field:has(> .fui-Field__label){grid-template-rows:1fr;grid-auto-rows:auto}
main .fui-Field > .fui-Field__label{align-self:end}
main .fui-TableCell,main .fui-TableHeaderCell{overflow-wrap:break-word}
.bx-caption1{${TEXT}font-size:var(--fontSizeBase200);font-weight:var(--fontWeightRegular);line-height:var(--lineHeightBase200)}
.bx-subtitle2{${TEXT}font-size:var(--fontSizeBase400);font-weight:var(--fontWeightSemibold);line-height:var(--lineHeightBase400)}
.bx-title3{${TEXT}font-size:var(--fontSizeBase600);font-weight:var(--fontWeightSemibold);line-height:var(--lineHeightBase600)}
.bx-block{display:block}
.bx-next{color:var(--colorBrandForeground1)}
.bx-root{display:flex;flex-direction:column;gap:12px;padding:12px;min-height:100vh;box-sizing:border-box;max-width:100%;overflow-x:hidden}
.bx-header{display:flex;justify-content:space-between;align-items:flex-start;gap:8px}
.bx-subtitle{color:var(--colorNeutralForeground3)}
.bx-notice{color:var(--colorNeutralForeground3);margin:0;min-height:36px;display:flex;align-items:center}
.bx-actions{display:flex;gap:8px;flex-wrap:wrap;position:sticky;bottom:0;padding:8px 0;background-color:var(--colorNeutralBackground1)}
.bx-outcome{flex-basis:100%}
.bx-outcome:empty{display:none}
.bx-form,.bx-later{display:flex;flex-direction:column;gap:10px}
.bx-later{min-height:298px}
.bx-row2{display:grid;grid-template-columns:minmax(0, 1fr) 96px;gap:8px}
.bx-members{display:flex;flex-direction:column;gap:4px}
.bx-member-head{display:flex;align-items:baseline;justify-content:space-between;gap:8px}
.bx-member-row{display:grid;grid-template-columns:20px minmax(0, 1fr) 84px 32px;gap:4px;align-items:start}
.bx-stt{text-align:right;padding-top:6px;color:var(--colorNeutralForeground3)}
.bx-tools{display:flex;gap:6px;flex-wrap:wrap}
.bx-error{color:var(--colorPaletteRedForeground1);font-size:var(--fontSizeBase200)}
.bx-fill{width:100%;min-width:0}
.bx-fill input{min-width:0}
.bx-tabs{display:flex;flex-wrap:wrap;column-gap:2px;row-gap:2px;border-bottom:1px solid var(--colorNeutralStroke2)}
.bx-tab{position:relative;border:none;background:none;cursor:pointer;padding:6px 8px;font-family:var(--fontFamilyBase);font-size:var(--fontSizeBase300);line-height:var(--lineHeightBase300);color:var(--colorNeutralForeground2);border-radius:var(--borderRadiusMedium);white-space:nowrap}
.bx-tab:hover{background-color:var(--colorSubtleBackgroundHover);color:var(--colorNeutralForeground1)}
.bx-tab:focus-visible{outline:2px solid var(--colorStrokeFocus2);outline-offset:-2px}
.bx-tab-on{color:var(--colorNeutralForeground1);font-weight:var(--fontWeightSemibold)}
.bx-tab-on::after{content:"";position:absolute;left:8px;right:8px;bottom:0;height:3px;border-radius:var(--borderRadiusCircular);background-color:var(--colorCompoundBrandStroke)}
`;

/** The sheet's element id (the production page carries the sheet from the start: firstScreen.tsx). */
export const PANE_CSS_ID = "bx-pane-css";

/**
 * Puts the sheet in the document once, before Griffel's own sheets: Fluent's one-class rules win a
 * tie with it, as they did when these rules were the first ones in Griffel's default bucket (the
 * `.fui-Dropdown` min-width stays Fluent's 250 px). Called from the pane's render, so the sheet is
 * there before the first paint.
 */
export function usePaneCss(): void {
  if (typeof document === "undefined" || document.getElementById(PANE_CSS_ID)) return;
  const el = document.createElement("style");
  el.id = PANE_CSS_ID;
  el.textContent = PANE_CSS;
  document.head.insertBefore(el, document.head.querySelector("style[data-make-styles-bucket]"));
}

/**
 * Takes out the production page's copy of Griffel's rules for the first screen (firstScreen.tsx: style
 * elements marked `data-make-styles-rehydration`), once the pane's own render has inserted its rules:
 * called after React's first commit. The page's copy is not handed to Griffel's renderer (that would
 * take RendererProvider, whose module brings the run-time style engine into the first chunk), so left
 * in place it would hold every first-screen rule twice.
 */
export function dropFirstScreenCss(): void {
  if (typeof document === "undefined") return;
  for (const el of document.head.querySelectorAll("style[data-make-styles-rehydration]")) el.remove();
}
