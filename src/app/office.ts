/** The pane's way to reach Excel, without importing the door itself. */
export { officeHost } from "../excel/host";
export type { ExcelHost } from "../excel/host";
export { selectCell } from "../excel/select";
export { officePlatform, workbookOpener } from "../excel/files";
