import type { CodeTable } from "./types";

/** Issue codes raised by the vote: domain/voting, workbook/voting (but the minutes), app/voting. Each code lives in one file of this folder. */
export const VOTING_CODES = {
  // ---- The "Bỏ phiếu" sheet (workbook/voting/voteSheetReader.ts). {label} is the row's label in column A its English name.
  "vote.sheet.noHeader": {
    severity: "error",
    applies: "voting",
    vi: 'Trang "{sheet}" thiếu dòng tiêu đề có ô "{header}" và mã các cuộc bỏ phiếu (V1, V2, …).',
    en: 'Sheet "{sheet}" lacks the header row with a "{header}" cell and the vote ids (V1, V2, …).',
  },
  "vote.sheet.duplicateLabel": {
    severity: "warning",
    applies: "voting",
    vi: 'Nhãn "{label}" có hai lần (ô {first} và {second}); chỉ đọc dòng đầu tiên.',
    en: 'The label "{label}" appears twice ({first} and {second}); only the first row is read.',
  },
  "vote.sheet.missingLabel": {
    severity: "error",
    applies: "voting",
    vi: 'Trang "{sheet}" thiếu dòng có nhãn "{label}" ở cột {column}.',
    en: 'Sheet "{sheet}" lacks the row labelled "{label}" in column {column}.',
  },
  "vote.sheet.noCandidatesRow": {
    severity: "error",
    applies: "voting",
    vi: 'Trang "{sheet}" thiếu dòng "{row}" đứng trước danh sách đơn vị.',
    en: 'Sheet "{sheet}" lacks the "{row}" row above the candidates.',
  },
  "vote.sheet.noCandidates": {
    severity: "error",
    applies: "voting",
    vi: 'Cuộc bỏ phiếu {id}: chưa có đơn vị nào dưới dòng "{row}".',
    en: 'Vote {id}: no candidate below the "{row}" row.',
  },
  "vote.sheet.badId": {
    severity: "error",
    applies: "voting",
    vi: "Ô {cell}: mã cuộc bỏ phiếu “{value}” không hợp lệ (dạng V1, V2, V1_2).",
    en: "Cell {cell}: vote id “{value}” is not valid (like V1, V2, V1_2).",
  },
  "vote.sheet.duplicateId": {
    severity: "error",
    applies: "voting",
    vi: "Ô {cell}: mã {id} đã dùng ở ô {first}; cột này không được đọc.",
    en: "Cell {cell}: id {id} is already used at {first}; this column is not read.",
  },
  "vote.sheet.empty": {
    severity: "error",
    applies: "voting",
    vi: "Cuộc bỏ phiếu {id}: ô {cell} (“{label}”) đang trống.",
    en: "Vote {id}: cell {cell} (“{label}”) is empty.",
  },
  "vote.sheet.enum": {
    severity: "error",
    applies: "voting",
    vi: "Cuộc bỏ phiếu {id}: ô {cell} (“{label}”) có giá trị “{value}” không hợp lệ. Chọn một trong: {choices} ({choicesEn}).",
    en: "Vote {id}: cell {cell} (“{label}”) holds “{value}”, which is not allowed. Choose one of: {choicesEn} (on the sheet: {choices}).",
  },
  "vote.sheet.number": {
    severity: "error",
    applies: "voting",
    vi: "Cuộc bỏ phiếu {id}: ô {cell} (“{label}”) có giá trị “{value}”; cần số nguyên từ {min} đến {max}.",
    en: "Vote {id}: cell {cell} (“{label}”) holds “{value}”; a whole number from {min} to {max} is needed.",
  },
  "vote.sheet.percent": {
    severity: "error",
    applies: "voting",
    vi: "Cuộc bỏ phiếu {id}: ô {cell} (“{label}”) có giá trị “{value}”; cần số từ {min} đến {max}.",
    en: "Vote {id}: cell {cell} (“{label}”) holds “{value}”; a number from {min} to {max} is needed.",
  },
  "vote.sheet.noSeed": {
    severity: "error",
    applies: "voting",
    vi: 'Cuộc bỏ phiếu {id}: có bước "{lot}" (ô {step}) nhưng ô {cell} (“{label}”) đang trống; ghi mã bốc thăm để kết quả kiểm tra lại được.',
    en: 'Vote {id}: a drawn-lot step ("{lot}", {step}) needs a seed, but cell {cell} (“{label}”) is empty; record the seed so the draw can be checked.',
  },
  "vote.sheet.decisionIncomplete": {
    severity: "warning",
    applies: "voting",
    vi: "Cuộc bỏ phiếu {id}: quyết định chọn bản nhập chưa đủ, ô {cell} (“{label}”) đang trống; quyết định chưa được ghi nhận.",
    en: "Vote {id}: the entry decision is incomplete, cell {cell} (“{label}”) is empty; no decision is recorded.",
  },
  "vote.sheet.electedUnknown": {
    severity: "error",
    applies: "voting",
    vi: "Cuộc bỏ phiếu {id}: ô {cell} (“{label}”) có đơn vị không thuộc danh sách của cuộc bỏ phiếu: {names}.",
    en: "Vote {id}: cell {cell} (“{label}”) names units that are not candidates of this vote: {names}.",
  },
  "vote.sheet.parent": {
    severity: "error",
    applies: "voting",
    vi: "Cuộc bỏ phiếu {id}: ô {cell} (“{label}”) phải là mã của một cột khác trên trang ({others}), không phải “{value}”.",
    en: "Vote {id}: cell {cell} (“{label}”) must be the id of another column on the sheet ({others}), not “{value}”.",
  },
  "vote.sheet.parentRound": {
    severity: "error",
    applies: "voting",
    vi: "Cuộc bỏ phiếu {id}: cuộc bỏ phiếu {parent} (ô {cell} (“{label}”)) chưa có vòng hợp lệ.",
    en: "Vote {id}: vote {parent} (cell {cell} (“{label}”)) has no valid round.",
  },
  "vote.sheet.roundAfterParent": {
    severity: "warning",
    applies: "voting",
    vi: "Cuộc bỏ phiếu {id}: vòng {round} tiếp theo cuộc bỏ phiếu {parent} ở vòng {parentRound}; thường là vòng {expected}.",
    en: "Vote {id}: round {round} continues vote {parent} of round {parentRound}; it is usually round {expected}.",
  },
  "vote.schema": {
    severity: "error",
    applies: "voting",
    vi: "Cuộc bỏ phiếu {id}: giá trị ở ô {cell} không hợp lệ ({path}: {detail}).",
    en: "Vote {id}: the value at {cell} is not valid ({path}: {detail}).",
  },
} as const satisfies CodeTable;
