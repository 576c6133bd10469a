import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import { useState } from "react";
import { raise } from "../../domain/codes";
import type { Issue, Where } from "../../domain/issues";
import { useLang } from "../lang";
import { IssueList } from "./IssueList";

/** An action's outcome, shown under the section of the step whose action produced it. */
export interface PaneReport<S extends string> {
  section: S;
  intent: "info" | "success" | "warning" | "error";
  text: string;
  issues: Issue[];
}

/** The outcome of an action as a message bar and its issues (each a click away from its cell). */
export function SectionStatus<S extends string>({ report, section, testId, onSelect }: { report: PaneReport<S> | null; section: S; testId: string; onSelect?: (w: Where) => void }) {
  if (!report || report.section !== section) return null;
  return (
    <>
      <MessageBar intent={report.intent} data-testid={testId}>
        <MessageBarBody>{report.text}</MessageBarBody>
      </MessageBar>
      <IssueList issues={report.issues} onSelect={onSelect} groupBy={report.issues.some((i) => i.where) ? "sheet" : "severity"} />
    </>
  );
}

/** Something threw where the pane did not expect it: a catalogued issue naming what. */
export const unexpected = (e: unknown): Issue => raise("pane.unexpected", { detail: e instanceof Error ? e.message : String(e) });

/**
 * One action at a time: `busy` names the running one (buttons disable meanwhile), `run` clears it
 * whatever happens, and a throw reaches `failed` as an issue (the pane's one busy/try/finally).
 */
export function useAction<B extends string>(initial: B | null = null) {
  const [busy, setBusy] = useState<B | null>(initial);
  const run = async (what: B, action: () => Promise<void>, failed: (problem: Issue) => void): Promise<void> => {
    setBusy(what);
    try {
      await action();
    } catch (e) {
      failed(unexpected(e));
    } finally {
      setBusy(null);
    }
  };
  return { busy, setBusy, run };
}

/** A step's actions, each reporting under its section: the report an action returns, or its failure. */
export function useSectionActions<B extends string, S extends string>(initial: B | null = null) {
  const { lang } = useLang();
  const { busy, setBusy, run: go } = useAction<B>(initial);
  const [report, setReport] = useState<PaneReport<S> | null>(null);
  const run = (what: B, section: S, action: () => Promise<PaneReport<S> | null>) =>
    go(
      what,
      async () => {
        const r = await action();
        if (r) setReport(r);
      },
      (problem) => setReport({ section, intent: "error", text: problem.message[lang], issues: [] }),
    );
  /** A refusal: its text and the issues that say why. */
  const refused = (section: S, text: string, issues: Issue[]): PaneReport<S> => ({ section, intent: "error", text, issues });
  return { busy, setBusy, report, setReport, run, refused };
}
