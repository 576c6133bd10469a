/**
 * The vote definition sheet "Bỏ phiếu", in three parts: its rows, labels and words
 * (`voteSheetTerms.ts`, from the vote's terms), its plan (`voteSheetPlan.ts`) and its reader
 * (`voteSheetReader.ts`). `readVoteSheet(gridOf(voteSheetPlan(records)))` gives `records` back.
 */
export { VOTE_FIELDS, VOTE_LABELS, VOTE_SHEET, VOTE_SHEET_TEXT, VOTE_TABLE_NAME, VOTE_WORDS, voteNames, type VoteField } from "./voteSheetTerms";
export { voteSheetPlan, type VoteSheetMap } from "./voteSheetPlan";
export { readVoteSheet, type VoteColumnCells, type VoteSheetRead } from "./voteSheetReader";
