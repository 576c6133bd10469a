/**
 * The pane's member paste (issue #11): text copied from Excel or Word into "Dán danh sách", through
 * the parse function the paste dialog uses. Excel's clipboard text: cells separated by tabs, rows by
 * CRLF, a cell holding a line break (Alt+Enter) or a quote written in quotes with its quotes doubled
 * (the same as its "Text (Tab delimited)" save). Rules: docs/huong-dan.md §3 (Dán danh sách đơn vị).
 */
import { parsePastedMembers, type PastedMember } from "../../src/taskpane/components/PasteDialog";
import type { BadCase, Seen } from "./harness";

const door = "pane.members";

/** Pastes `text`; when `members` is given, the members made must be exactly those. */
const paste =
  (text: string, members?: PastedMember[]) =>
  async (): Promise<Seen> => {
    const r = parsePastedMembers(text);
    if (members) expect(r.members).toEqual(members);
    return { issues: r.issues };
  };
const m = (name: string, shortName = "", note?: string): PastedMember => (note ? { name, shortName, note } : { name, shortName });

export const cases: BadCase[] = [
  // — Lines that are not members: an error naming the line, no member made from it.
  { id: "paste.numberLine", door, tried: 'a line "5" between members', outcome: "refused", code: "paste.members.numberOnly", where: { field: "paste.line.2" }, run: paste("Sở Y tế\tSYT\n5\nSở Tư pháp\tSTP", [m("Sở Y tế", "SYT"), m("Sở Tư pháp", "STP")]) },
  { id: "paste.ordinalDot", door, tried: 'a line "3." alone', outcome: "refused", code: "paste.members.numberOnly", where: { field: "paste.line.1" }, run: paste("3.\nSở Y tế", [m("Sở Y tế")]) },
  { id: "paste.romanOrdinal", door, tried: 'a line "IV" alone (a section number)', outcome: "refused", code: "paste.members.numberOnly", where: { field: "paste.line.3" }, run: paste("Sở Y tế\nSở Tư pháp\nIV\n", [m("Sở Y tế"), m("Sở Tư pháp")]) },
  { id: "paste.letterOrdinal", door, tried: 'a line "a)" alone', outcome: "refused", code: "paste.members.numberOnly", where: { field: "paste.line.1" }, run: paste("a)\nSở Y tế") },
  { id: "paste.sttThenNumber", door, tried: 'a row "1 [Tab] 5" (the name column holds a number)', outcome: "refused", code: "paste.members.numberOnly", where: { field: "paste.line.1" }, run: paste("1\t5\n2\tSở Y tế", [m("Sở Y tế")]) },
  { id: "paste.decimal", door, tried: 'a line "2.5" (a score pasted by mistake)', outcome: "refused", code: "paste.members.numberOnly", where: { field: "paste.line.2" }, run: paste("Sở Y tế\n2.5") },
  { id: "paste.numberAfterAltEnter", door, tried: "a line \"5\" after a cell broken over two lines: the line number counts both", outcome: "refused", code: "paste.members.numberOnly", where: { field: "paste.line.3" }, run: paste('"Sở Tài chính\ntỉnh Nam Định"\tSTC\r\n5\r\n', [m("Sở Tài chính tỉnh Nam Định", "STC")]) },
  { id: "paste.headerNoName", door, tried: "under a header, a row with a short name but no name", outcome: "refused", code: "paste.members.noName", where: { field: "paste.line.3" }, run: paste("TT\tĐơn vị\tViết tắt\n1\tSở Y tế\tSYT\n2\t\tSCT", [m("Sở Y tế", "SYT")]) },
  { id: "paste.emptyFirstCell", door, tried: "a row whose first cell is empty (short name only)", outcome: "refused", code: "paste.members.noName", where: { field: "paste.line.1" }, run: paste("\tSCT\nSở Y tế\tSYT", [m("Sở Y tế", "SYT")]) },

  // — Alt+Enter cells: one member, lines joined by a space (issue #11).
  { id: "paste.altEnter", door, tried: 'an Alt+Enter cell "Sở Tài chính⏎tỉnh Nam Định" (quoted by Excel)', outcome: "accepted", why: "one cell is one member; its lines joined by a space", run: paste('"Sở Tài chính\ntỉnh Nam Định"\tSTC\nSở Y tế\tSYT', [m("Sở Tài chính tỉnh Nam Định", "STC"), m("Sở Y tế", "SYT")]) },
  { id: "paste.altEnterCrlf", door, tried: "an Alt+Enter cell in Windows clipboard text (rows end in CRLF)", outcome: "accepted", why: "Excel for Windows ends rows with CRLF and keeps LF inside the cell", run: paste('1\t"Sở Tài chính\ntỉnh Nam Định"\tSTC\r\n2\tSở Y tế\tSYT\r\n', [m("Sở Tài chính tỉnh Nam Định", "STC"), m("Sở Y tế", "SYT")]) },
  { id: "paste.altEnterShort", door, tried: "an Alt+Enter cell in the short-name column", outcome: "accepted", why: "the short name is joined the same way", run: paste('Sở Tài chính\t"STC\nNĐ"', [m("Sở Tài chính", "STC NĐ")]) },
  { id: "paste.doubledQuotes", door, tried: 'a quoted cell with doubled quotes and a line break', outcome: "accepted", why: 'Excel doubles a quote inside a quoted cell: "" is one quote', run: paste('"Công ty ""Xổ số"" kiến thiết\ntỉnh"\tXSKT', [m('Công ty "Xổ số" kiến thiết tỉnh', "XSKT")]) },
  { id: "paste.quoteInside", door, tried: 'an unquoted cell with a quote inside (Word): Công ty "ABC"', outcome: "accepted", why: "a quote that does not open a cell is kept as typed", run: paste('Công ty "ABC"\tABC', [m('Công ty "ABC"', "ABC")]) },

  // — Header rows: recognised, skipped, the columns taken from them.
  { id: "paste.headerTT", door, tried: 'header "TT | Đơn vị | Viết tắt"', outcome: "accepted", why: "a header is not a member", run: paste("TT\tĐơn vị\tViết tắt\n1\tSở Công Thương\tSCT", [m("Sở Công Thương", "SCT")]) },
  { id: "paste.headerNoAccents", door, tried: 'header without accents "STT | Ten don vi | Ten viet tat"', outcome: "accepted", why: "typed without accents, the same header", run: paste("STT\tTen don vi\tTen viet tat\n1\tSở Công Thương\tSCT", [m("Sở Công Thương", "SCT")]) },
  { id: "paste.headerEnglish", door, tried: 'English header "No. | Unit name | Short name | Note"', outcome: "accepted", why: "the English header names the same columns", run: paste("No.\tUnit name\tShort name\tNote\n1\tSở Công Thương\tSCT\tTrưởng khối 2025", [m("Sở Công Thương", "SCT", "Trưởng khối 2025")]) },
  { id: "paste.headerCaps", door, tried: 'header in capitals "STT | TÊN ĐƠN VỊ | GHI CHÚ" (no short name column)', outcome: "accepted", why: "the third column is the note, as the header says", run: paste("STT\tTÊN ĐƠN VỊ\tGHI CHÚ\n1\tSở Công Thương\tmới", [m("Sở Công Thương", "", "mới")]) },
  { id: "paste.headerReordered", door, tried: 'header "Viết tắt | Tên đơn vị" (short name first)', outcome: "accepted", why: "the columns are taken from the header", run: paste("Viết tắt\tTên đơn vị\nSCT\tSở Công Thương", [m("Sở Công Thương", "SCT")]) },
  { id: "paste.headerCoQuan", door, tried: 'header "STT | Tên cơ quan, đơn vị | Ký hiệu"', outcome: "accepted", why: "the forms' wording for the unit column", run: paste("STT\tTên cơ quan, đơn vị\tKý hiệu\n1\tSở Công Thương\tSCT", [m("Sở Công Thương", "SCT")]) },
  { id: "paste.headerRepeated", door, tried: "a Word table split over pages, its header repeated", outcome: "accepted", why: "every header row is skipped", run: paste("STT\tTên đơn vị\n1\tSở Y tế\nSTT\tTên đơn vị\n2\tSở Tư pháp", [m("Sở Y tế"), m("Sở Tư pháp")]) },
  { id: "paste.headerPunct", door, tried: 'header with colons "STT: | Tên đơn vị:"', outcome: "accepted", why: "trailing punctuation does not change a label", run: paste("STT:\tTên đơn vị:\n1\tSở Y tế", [m("Sở Y tế")]) },

  // — Other rightly accepted pastes.
  { id: "paste.numberedLines", door, tried: 'typed lines "1. Sở Y tế", "2) Sở Tư pháp"', outcome: "accepted", why: "a number in front of a name is numbering", run: paste("1. Sở Y tế\n2) Sở Tư pháp", [m("Sở Y tế"), m("Sở Tư pháp")]) },
  { id: "paste.bullets", door, tried: 'bulleted lines "- Sở Y tế", "• Sở Tư pháp", "+ Sở Nội vụ"', outcome: "accepted", why: "a bullet then a space is list formatting, not the name", run: paste("- Sở Y tế\n• Sở Tư pháp\n+ Sở Nội vụ", [m("Sở Y tế"), m("Sở Tư pháp"), m("Sở Nội vụ")]) },
  { id: "paste.numberInName", door, tried: 'a name with a number inside "Trường THPT số 1"', outcome: "accepted", why: "only a line that is nothing but a number is refused", run: paste("Trường THPT số 1\tTHPT1", [m("Trường THPT số 1", "THPT1")]) },
  { id: "paste.nfd", door, tried: "a name pasted in NFD", outcome: "accepted", why: "normalised to NFC", run: paste("Sở Tư pháp".normalize("NFD"), [m("Sở Tư pháp")]) },
  { id: "paste.headerThenNumber", door, tried: 'under a header, a row "7 [Tab]" (a number, no name)', outcome: "refused", code: "paste.members.numberOnly", where: { field: "paste.line.3" }, run: paste("STT\tTên đơn vị\n1\tSở Y tế\n7\t", [m("Sở Y tế")]) },
  { id: "paste.headerThenTypedLine", door, tried: 'under a header, a typed line "3) Sở Tư pháp"', outcome: "accepted", why: "a row narrower than the header is a typed line: its numbering is dropped", run: paste("STT\tTên đơn vị\n1\tSở Y tế\n3) Sở Tư pháp", [m("Sở Y tế"), m("Sở Tư pháp")]) },
  { id: "paste.tabInQuotedCell", door, tried: "a quoted cell holding a tab", outcome: "accepted", why: "the tab belongs to the cell; spaces are folded", run: paste('"Sở\tY tế"\tSYT', [m("Sở Y tế", "SYT")]) },
  { id: "paste.loneCr", door, tried: "rows ended by a lone CR (old Mac text)", outcome: "accepted", why: "CR, LF and CRLF all end a row", run: paste("Sở Y tế\tSYT\rSở Tư pháp\tSTP\r", [m("Sở Y tế", "SYT"), m("Sở Tư pháp", "STP")]) },
  { id: "paste.headerOnly", door, tried: "only a header row", outcome: "accepted", why: "nothing to add: no member is made and the dialog's buttons stay off", run: paste("STT\tTên đơn vị\tViết tắt\n", []) },
  { id: "paste.blankAndTabs", door, tried: "blank lines, lines of tabs and trailing tabs", outcome: "accepted", why: "empty rows are nothing to add", run: paste("Sở Y tế\t\t\n\n\t\t\n  \nSở Tư pháp\t", [m("Sở Y tế"), m("Sở Tư pháp")]) },
];
