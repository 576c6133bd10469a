import { formatNumber } from "../../domain/format";
import type {  Where } from "../../domain/issues";
import type { Lang } from "../strings";
import { SectionStatus, type PaneReport } from "./actions";

/** Test ids of the nomination step (re-exported by NominationStep). */
export const NOMINATION_TID = {
  refresh: "nomination-refresh",
  status: (section: NominationSection) => `nomination-status-${section}`,
  catalogueNote: "nomination-catalogue-note",
  award: (awardId: string) => `nomination-award-${awardId}`,
  proposed: (awardId: string) => `nomination-proposed-${awardId}`,
  reasons: (awardId: string) => `nomination-reasons-${awardId}`,
  reasonOf: (awardId: string, i: number) => `nomination-reason-${awardId}-${i}`,
  adjust: (awardId: string, i: number) => `nomination-adjust-${awardId}-${i}`,
  overrides: "nomination-overrides",
  override: (i: number) => `nomination-override-${i}`,
  overrideRemove: (i: number) => `nomination-override-remove-${i}`,
  ovUnit: "nomination-ov-unit",
  ovAward: "nomination-ov-award",
  ovInclude: (v: "include" | "exclude") => `nomination-ov-${v}`,
  ovReason: "nomination-ov-reason",
  ovCurrent: "nomination-ov-current",
  ovRecord: "nomination-ov-record",
  meeting: "nomination-meeting",
  mDate: "nomination-m-date",
  mTime: "nomination-m-time",
  mPlace: "nomination-m-place",
  mChair: "nomination-m-chair",
  mSecretary: "nomination-m-secretary",
  mPresent: "nomination-m-present",
  mAbsent: (i: number) => `nomination-m-absent-${i}`,
  mNumber: "nomination-m-number",
  mAddressee: "nomination-m-addressee",
  mRecipients: "nomination-m-recipients",
  mSave: "nomination-m-save",
  generate: "nomination-generate",
  produce: "nomination-produce",
  files: "nomination-files",
  file: (i: number) => `nomination-file-${i}`,
  download: (i: number) => `nomination-download-${i}`,
  fileMessage: (i: number) => `nomination-file-message-${i}`,
  fileNotes: (i: number) => `nomination-file-notes-${i}`,
  downloadAll: "nomination-download-all",
  documents: "nomination-documents",
  document: (kind: string) => `nomination-document-${kind}`,
  documentMark: (kind: string) => `nomination-document-mark-${kind}`,
  regenerate: "nomination-regenerate",
} as const;

/** Where a report is shown: under the section whose action produced it. */
export type NominationSection = "list" | "override" | "meeting" | "output";

export type NominationReport = PaneReport<NominationSection>;

/** The outcome of an action under its section (the pane's one status block). */
export const NominationStatus = ({ report, section, onSelect }: { report: NominationReport | null; section: NominationSection; onSelect?: (w: Where) => void }) => (
  <SectionStatus report={report} section={section} testId={NOMINATION_TID.status(section)} onSelect={onSelect} />
);

/** A number as the language writes it: 98,25 / 98.25 (at most two decimals). */
export const num = (x: number, lang: Lang) => formatNumber(x, lang, { maxDecimals: 2 });
