import { Button, Caption1, makeStyles, MessageBar, MessageBarBody, Subtitle2, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { createNextYear } from "../../app/nextYear";
import type { OutputFile } from "../../app/nomination";
import { officePlatform, workbookOpener, type ExcelHost } from "../../app/office";
import type { Issue, Message, Where } from "../../domain/issues";
import { deliverFile, toBase64, type DeliverEnv, type DeliverResult } from "../download";
import { NEXT_YEAR_STRINGS } from "../nextYearStrings";
import { IssueList } from "./IssueList";
import { useLang } from "../lang";
import { NEXT_YEAR_MADE, NextStep } from "./NextStep";

export const NEXT_YEAR_TID = {
  create: "nextyear-create",
  status: "nextyear-status",
} as const;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "8px" },
  muted: { color: tokens.colorNeutralForeground3 },
});

/**
 * Gets next year's workbook to the user: in Excel, opened as a new workbook (Excel.createWorkbook,
 * ExcelApi 1.8, which the manifest requires) for the user to save; where that is not available
 * (the preview) or fails, downloaded (src/taskpane/download.ts says where the file went).
 */
export async function openNextYear(file: OutputFile, year: number, env: DeliverEnv): Promise<DeliverResult> {
  if (env.openWorkbook) {
    try {
      await env.openWorkbook(toBase64(file.bytes));
      const m: Message = { vi: NEXT_YEAR_STRINGS.vi.opened(file.name, year), en: NEXT_YEAR_STRINGS.en.opened(file.name, year) };
      return { ok: true, how: "workbook", message: m };
    } catch {
      // Falls back to a download (or, where the pane cannot download, to what the platform allows).
    }
  }
  return deliverFile(file, { platform: env.platform });
}

export interface NextYearPanelProps {
  host: ExcelHost;
  /** This year (from the bloc record), for the button's label; null when unknown. */
  year: number | null;
  onSelect?: (where: Where) => void;
  /** Where the file goes (tests); by default Office's platform and its new-workbook route, a download in the preview. */
  env?: () => DeliverEnv;
  /** Whether the "Bước tiếp theo" line may show after a success (the host step hides it once one of its own actions speaks again); shown by default. */
  showNext?: boolean;
  /** Told when next year's workbook was made. */
  onCreated?: () => void;
}

type Report = { intent: "success" | "error" | "warning"; text: string; issues: Issue[] };

const officeEnv = (): DeliverEnv => ({ platform: officePlatform(), openWorkbook: workbookOpener() });

/** "Create next year's workbook": one button, its state, and what came of it. */
export function NextYearPanel({ host, year, onSelect, env = officeEnv, showNext = true, onCreated }: NextYearPanelProps) {
  const { lang, t } = useLang();
  const s = useStyles();
  const ns = NEXT_YEAR_STRINGS[lang];
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<Report | null>(null);

  const create = async () => {
    setBusy(true);
    setReport(null);
    try {
      const out = await createNextYear(host);
      if (!out.ok) {
        setReport({ intent: "error", text: `${ns.refused} ${out.issues[0]?.message[lang] ?? ""}`.trim(), issues: out.issues });
        return;
      }
      const r = await openNextYear(out.file, out.year, env());
      setReport({ intent: r.ok ? "success" : "error", text: `${r.message[lang]} ${ns.leader(out.year, out.leader, out.deputies)}`, issues: out.issues });
      if (r.ok) onCreated?.();
    } catch (e) {
      setReport({ intent: "error", text: `${t.unexpected}: ${String(e)}`, issues: [] });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-label={ns.title} className={s.root}>
      <Subtitle2>{ns.title}</Subtitle2>
      <Caption1 className={s.muted}>{ns.help}</Caption1>
      <div>
        <Button disabled={busy} onClick={() => void create()} data-testid={NEXT_YEAR_TID.create}>
          {busy ? ns.creating : ns.create(year === null ? null : year + 1)}
        </Button>
      </div>
      {report && (
        <MessageBar intent={report.intent} data-testid={NEXT_YEAR_TID.status}>
          <MessageBarBody>{report.text}</MessageBarBody>
        </MessageBar>
      )}
      {report && report.issues.length > 0 && <IssueList issues={report.issues} onSelect={onSelect} />}
      <NextStep host={host} after={showNext && report?.intent === "success" ? report : null} known={NEXT_YEAR_MADE} />
    </section>
  );
}
