/** The documents module's sheet renderer (issue #13 point 4); the layout and its blocks live in domain/documents. */
export { layoutRowHeight, layoutSheetPlan } from "./sheet";
export { textWidth, wrappedLines } from "./textWidth";
