/**
 * The real Excel for the pane's entry, alone: src/app/office.ts also re-exports selectCell, whose
 * error texts bring the whole issue catalogue, which the first screen must not load (issue #14
 * "Lighter and faster"; a development build does not drop unused re-exports).
 */
export { officeHost } from "../excel/host";
