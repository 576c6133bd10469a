import { Button, Caption1, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { ExcelHost } from "../../app/office";
import { ballotsDocx, layOutBallots, voteSheets } from "../../app/voting";
import type { Issue, Where } from "../../domain/issues";
import { defaultPrintCount } from "../../domain/voting/print";
import type { VoteRecord } from "../../domain/voting/record";
import { VOTING_STRINGS } from "../votingStrings";
import { useLang } from "../lang";
import { ConfirmBar } from "./ConfirmBar";
import { SectionStatus, useSectionActions, type PaneReport } from "./actions";
import { deliverOne } from "./NominationFiles";
import { VOTING_TID } from "./VotingShared";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "6px" },
  actions: { display: "flex", gap: "8px", flexWrap: "wrap", alignItems: "flex-end" },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface VotingPrintProps {
  host: ExcelHost;
  record: VoteRecord;
  disabled: boolean;
  onBusy?: (busy: boolean) => void;
  /** The print sheet was laid out again (for the next-step hint). */
  onDone?: (report: PaneReport<"print">) => void;
  onSelect?: (where: Where) => void;
}

/**
 * "In phiếu" of the selected vote (issue #14 item 7): the number of ballots (by default those
 * issued, else those present), lay the print sheet out again (an edited sheet is replaced only on
 * confirm), or download the same ballots as a .docx; and how to print the sheet from Excel.
 */
export function VotingPrint({ host, record, disabled, onBusy, onDone, onSelect }: VotingPrintProps) {
  const { lang } = useLang();
  const s = useStyles();
  const vs = VOTING_STRINGS[lang];
  const sheet = voteSheets(record.id).print.sheet;
  const { busy, report, run } = useSectionActions<"layout" | "docx", "print">();
  const [count, setCount] = useState("");
  const [confirm, setConfirm] = useState<Issue[] | null>(null);
  const off = disabled || busy !== null;
  const refused = (issues: Issue[]): PaneReport<"print"> => ({ section: "print", intent: "error", text: vs.printRefused, issues });

  const layOut = (replace: boolean) => {
    onBusy?.(true);
    return run("layout", "print", async () => {
      try {
        const out = await layOutBallots(host, record.id, { count, confirm: replace });
        setConfirm(out.kind === "confirm" ? out.issues : null);
        if (out.kind === "confirm") return null;
        if (out.kind !== "written") return refused(out.issues);
        const r: PaneReport<"print"> = { section: "print", intent: "success", text: vs.printLaidOut(Number(count.trim() || defaultPrintCount(record)), sheet), issues: out.issues };
        onDone?.(r);
        return r;
      } finally {
        onBusy?.(false);
      }
    });
  };

  const download = () =>
    run("docx", "print", async () => {
      const out = await ballotsDocx(host, record.id, { count });
      if (!out.ok) return refused(out.issues);
      const r = await deliverOne(out.file);
      return { section: "print", intent: r.ok ? "success" : "error", text: r.ok ? vs.printDownloaded(out.file.name) : r.message[lang], issues: [] };
    });

  return (
    <section className={s.root} aria-label={vs.printTitle}>
      <Caption1>
        <strong>{vs.printTitle}</strong>
      </Caption1>
      <div className={s.actions}>
        <Field label={vs.printCount} hint={vs.printCountHint(defaultPrintCount(record))}>
          <Input value={count} inputMode="numeric" placeholder={String(defaultPrintCount(record))} disabled={off} onChange={(_, d) => setCount(d.value)} data-testid={VOTING_TID.printCount} />
        </Field>
      </div>
      {confirm ? (
        <ConfirmBar
          message={confirm[0]?.message[lang]}
          confirmLabel={vs.printAgain}
          busyLabel={vs.printing}
          cancelLabel={vs.cancel}
          onConfirm={() => void layOut(true)}
          onCancel={() => setConfirm(null)}
          busy={busy === "layout"}
          disabled={off}
          testIds={{ message: VOTING_TID.printAsk, confirm: VOTING_TID.printConfirm, cancel: VOTING_TID.printCancel }}
        />
      ) : (
        <div className={s.actions}>
          <Button disabled={off} onClick={() => void layOut(false)} data-testid={VOTING_TID.printLayout}>
            {busy === "layout" ? vs.printing : vs.printLayout}
          </Button>
          <Button disabled={off} onClick={() => void download()} data-testid={VOTING_TID.printDocx}>
            {vs.printDocx}
          </Button>
        </div>
      )}
      <SectionStatus report={report} section="print" testId={VOTING_TID.printStatus} onSelect={onSelect} />
      <Caption1 className={s.muted} data-testid={VOTING_TID.printHint}>
        {vs.printHint(sheet)}
      </Caption1>
    </section>
  );
}
