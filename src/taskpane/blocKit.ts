/**
 * What the bloc step needs beyond its form: the workbook read and save, the bloc's rules (and with
 * them the issue catalogue's texts) and the jump to a cell. The pane loads it with import() right
 * after its first render (issue #14 "Lighter and faster": the first screen's JavaScript carries the
 * form only; the read cannot return before Excel answers anyway).
 */
export { loadBloc, saveBloc } from "../app/bloc";
export { selectCell } from "../app/office";
export { blocToDraft, validateBloc } from "../domain/bloc/bloc";
// The parts of the bloc step shown only once the read returns, so they render at once with it.
export { MessageBar, MessageBarBody } from "@fluentui/react-components";
export { IssueList } from "./components/IssueList";
