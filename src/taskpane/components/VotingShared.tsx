import { formatNumber } from "../../domain/format";
import { Input, type InputProps } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type {  Where } from "../../domain/issues";
import type { Lang } from "../strings";
import { SectionStatus, type PaneReport } from "./actions";

/** Test ids of the voting step (re-exported by VotingStep). */
export const VOTING_TID = {
  refresh: "voting-refresh",
  fingerprint: "voting-fingerprint",
  vote: (id: string) => `voting-vote-${id}`,
  newVote: "voting-new",
  form: "voting-form",
  purpose: (kind: string) => `voting-purpose-${kind}`,
  award: "voting-award",
  title: "voting-title",
  candidate: (i: number) => `voting-candidate-${i}`,
  ballotKind: "voting-ballot-kind",
  quota: "voting-quota",
  toElect: "voting-to-elect",
  preset: "voting-preset",
  percent: "voting-percent",
  comparison: "voting-comparison",
  denominator: "voting-denominator",
  quorum: "voting-quorum",
  quorumPercent: "voting-quorum-percent",
  blank: "voting-blank",
  tie: (k: number) => `voting-tie-${k}`,
  seed: "voting-seed",
  head: "voting-head",
  member: (k: number) => `voting-member-${k}`,
  members: "voting-members",
  present: "voting-present",
  issued: "voting-issued",
  entry: (kind: string) => `voting-entry-${kind}`,
  doubleEntry: "voting-double",
  ruleText: "voting-rule-text",
  ruleSource: "voting-rule-source",
  create: "voting-create",
  status: (section: Section) => `voting-status-${section}`,
  selected: "voting-selected",
  count: "voting-count",
  totals: "voting-totals",
  results: "voting-results",
  electedLine: "voting-elected",
  tieBox: "voting-tie",
  accept: (k: 1 | 2) => `voting-accept-${k}`,
  decidedBy: "voting-decided-by",
  decisionGo: "voting-decision-go",
  meetingPick: (i: number) => `voting-meeting-pick-${i}`,
  meetingNote: "voting-meeting-note",
  meetingSave: "voting-meeting-save",
  revote: "voting-revote",
  runoff: "voting-runoff",
  nextPresent: "voting-next-present",
  runoffRule: "voting-runoff-rule",
  writtenRule: "voting-written-rule",
  written: "voting-written",
  place: "voting-place",
  minutes: "voting-minutes",
  printCount: "voting-print-count",
  printLayout: "voting-print-layout",
  printDocx: "voting-print-docx",
  printConfirm: "voting-print-confirm",
  printCancel: "voting-print-cancel",
  printAsk: "voting-print-ask",
  printStatus: "voting-print-status",
  printHint: "voting-print-hint",
  leaderMode: (mode: string) => `voting-leader-mode-${mode}`,
  deputiesCount: "voting-deputies-count",
  leaderVote: "voting-leader-vote",
  deputyVote: "voting-deputy-vote",
  leaderPick: "voting-leader-pick",
  deputyPick: (k: number) => `voting-deputy-pick-${k}`,
  elect: "voting-elect",
  history: "voting-history",
} as const;

/** Where a report is shown: under the section whose action produced it. */
export type Section = "votes" | "create" | "leader";

export type Report = PaneReport<Section>;

/** The outcome of an action under its section (the pane's one status block). */
export const VotingStatus = ({ report, section, onSelect }: { report: Report | null; section: Section; onSelect?: (w: Where) => void }) => (
  <SectionStatus report={report} section={section} testId={VOTING_TID.status(section)} onSelect={onSelect} />
);

/** "66,67" or "66.67" → 66.67; "" → null; anything else → NaN (the form's check names the field). */
export function parseNumber(text: string): number | null {
  const s = text.trim().replace(",", ".");
  if (s === "") return null;
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : NaN;
}

const same = (a: number | null, b: number | null) => a === b || (a !== null && b !== null && Number.isNaN(a) && Number.isNaN(b));

/** A number input that keeps what is typed ("66,", "") while reporting the parsed value. */
export function NumberInput({ value, onValue, ...rest }: { value: number | null; onValue: (n: number | null) => void } & Omit<InputProps, "value" | "onChange">) {
  const [text, setText] = useState(value === null || Number.isNaN(value) ? "" : String(value));
  useEffect(() => {
    if (!same(parseNumber(text), value)) setText(value === null || Number.isNaN(value) ? "" : String(value));
    // Only an outside change (a new preset, a reseeded form) rewrites the text.
  }, [value]);
  return (
    <Input
      {...rest}
      inputMode="decimal"
      value={text}
      onChange={(_, d) => {
        setText(d.value);
        onValue(parseNumber(d.value));
      }}
    />
  );
}

/** A percentage as the language writes it: 62,5 / 62.5. */
export const pct = (x: number, lang: Lang) => formatNumber(x, lang);
