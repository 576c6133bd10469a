import type { Issue, Where } from "../../domain/issues";
import type { Lang } from "../strings";
import { SectionStatus, type PaneReport } from "./actions";

/** Test ids of the start-of-year step (the shared testIds.ts holds only its tab). */
export const START_TID = {
  refresh: "start-refresh",
  status: (section: StartSection) => `start-status-${section}`,
  noBloc: "start-no-bloc",
  hint: "start-hint",
  noRegSheet: "start-no-reg-sheet",
  // The pact.
  pactTheme: "start-pact-theme",
  pactPlace: "start-pact-place",
  pactDate: "start-pact-date",
  commitment: (i: number) => `start-pact-commitment-${i}`,
  commitmentRemove: (i: number) => `start-pact-commitment-remove-${i}`,
  commitmentAdd: "start-pact-commitment-add",
  pactSave: "start-pact-save",
  // The registrations.
  unit: (i: number) => `start-reg-unit-${i}`,
  unitCount: (i: number) => `start-reg-count-${i}`,
  award: (i: number, awardId: string) => `start-reg-award-${i}-${awardId}`,
  targets: (i: number) => `start-reg-targets-${i}`,
  regSave: "start-reg-save",
  // A unit's returned file.
  importPick: "start-import-pick",
  importFile: "start-import-file",
  importChanges: "start-import-changes",
  importChange: (i: number) => `start-import-change-${i}`,
  importApply: "start-import-apply",
  importCancel: "start-import-cancel",
  // Documents (the file list itself is NominationFiles, with its own ids).
  produce: "start-produce",
} as const;

/** Where a report is shown: under the section whose action produced it. */
export type StartSection = "load" | "pact" | "registrations" | "import" | "output";

export type StartReport = PaneReport<StartSection>;

/** The outcome of an action under its section (the pane's one status block). */
export const StartStatus = ({ report, section, onSelect }: { report: StartReport | null; section: StartSection; onSelect?: (w: Where) => void }) => (
  <SectionStatus report={report} section={section} testId={START_TID.status(section)} onSelect={onSelect} />
);

/** The form-field issues of an outcome for one field ("signedOn", "commitments.2", "registrations.3.targets"…), in the pane's language. */
export const fieldMessage = (issues: Issue[], lang: Lang, field: string, exact = false): string | undefined => {
  const hit = issues.filter((i) => i.field === field || (!exact && i.field?.startsWith(`${field}.`)));
  return hit.length ? hit.map((i) => i.message[lang]).join(" ") : undefined;
};
