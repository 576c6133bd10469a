import { Badge, Button, Caption1, Field, makeStyles, MessageBar, MessageBarBody, Radio, RadioGroup, Spinner, Subtitle2, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { ExcelHost } from "../../app/office";
import { enterBallots, voteSheets } from "../../app/voting";
import type { Issue, Where } from "../../domain/issues";
import type { VoteRecord } from "../../domain/voting/record";
import { readBallotsFromFile, type BallotFileRead, type BallotFileSheet } from "../../app/voting";
import { VOTING_STRINGS } from "../votingStrings";
import { IssueList } from "./IssueList";
import { useLang } from "../lang";
import { useAction } from "./actions";
import { ConfirmBar } from "./ConfirmBar";
import { FilePick } from "./FilePick";

/** Test ids of the import panel (kept here: the shared test ids are not this panel's to edit). */
export const IMPORT_TID = {
  pick: "voting-import-pick",
  file: "voting-import-file",
  sheets: "voting-import-sheets",
  sheet: (i: number) => `voting-import-sheet-${i}`,
  problems: "voting-import-problems",
  target: (k: 1 | 2) => `voting-import-target-${k}`,
  go: "voting-import-go",
  replace: "voting-import-replace",
  cancel: "voting-import-cancel",
  status: "voting-import-status",
} as const;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "8px", paddingTop: "4px", borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
  help: { color: tokens.colorNeutralForeground3 },
  actions: { display: "flex", gap: "8px", flexWrap: "wrap", alignItems: "center" },
  label: { display: "inline-flex", flexWrap: "wrap", gap: "4px", alignItems: "center" },
});

type Banner = { intent: "success" | "warning" | "error"; text: string } | null;

export interface VotingImportProps {
  host: ExcelHost;
  /** The vote to import into (its entry sheets). */
  record: VoteRecord;
  /** Another action of the step is running. */
  disabled: boolean;
  /** The import is writing (the step disables its other actions meanwhile). */
  onBusy?: (busy: boolean) => void;
  /** Ballots were written into entry `which` (the step recounts what it showed). */
  onImported?: (which: 1 | 2) => void;
  onSelect?: (where: Where) => void;
}

/** At most `n` items, then "…". */
const some = (items: (string | number)[], n = 8) => items.slice(0, n).join(", ") + (items.length > n ? ", …" : "");

/** The sheet to offer first: a matching one with ballots, else a matching one, else the first. */
function firstChoice(sheets: BallotFileSheet[]): number {
  const full = sheets.findIndex((s) => s.candidatesMatch && s.ballots > 0);
  if (full >= 0) return full;
  return Math.max(0, sheets.findIndex((s) => s.candidatesMatch));
}

/**
 * Imports ballots typed elsewhere (a copy of the workbook the second typist mailed back) into
 * entry 1 or 2 of the selected vote: pick the file, see its entry sheets and their problems, pick
 * a sheet and the target, import; a target that already holds ballots is replaced only on confirm.
 */
export function VotingImport({ host, record, disabled, onBusy, onImported, onSelect }: VotingImportProps) {
  const { lang } = useLang();
  const s = useStyles();
  const vs = VOTING_STRINGS[lang];
  const names = voteSheets(record.id);
  const { busy, run } = useAction<"reading" | "importing">();
  const [fileName, setFileName] = useState("");
  const [read, setRead] = useState<BallotFileRead | null>(null);
  const [pick, setPick] = useState(0);
  const [target, setTarget] = useState<1 | 2>(1);
  const [confirm, setConfirm] = useState<Issue[] | null>(null);
  const [banner, setBanner] = useState<Banner>(null);
  const [issues, setIssues] = useState<Issue[]>([]);

  const entries: (1 | 2)[] = record.doubleEntry ? [1, 2] : [1];
  const entrySheet = (k: 1 | 2) => (k === 1 ? names.first.sheet : names.second.sheet);

  const failed = (problem: Issue) => setBanner({ intent: "error", text: problem.message[lang] });

  /** A file was picked: what the last one showed goes. */
  const picked = (name: string) => {
    setFileName(name);
    setRead(null);
    setConfirm(null);
    setBanner(null);
    setIssues([]);
  };

  const readFile = (bytes: Uint8Array) =>
    run(
      "reading",
      async () => {
        const out = await readBallotsFromFile(bytes, { voteId: record.id, candidates: record.vote.candidates, title: record.vote.title });
        setRead(out);
        // With sheets found, each sheet's own problems are shown beside it; the file's issues only when there is none.
        if (out.sheets.length === 0) setIssues(out.issues);
        const at = firstChoice(out.sheets);
        setPick(at);
        // A sheet named like this vote's second entry goes to entry 2; anything else to entry 1.
        setTarget(record.doubleEntry && out.sheets[at]?.name === names.second.sheet ? 2 : 1);
        if (out.sheets.length === 0) setBanner({ intent: "error", text: vs.importRejected });
      },
      failed,
    );

  const sheet = read?.sheets[pick] ?? null;
  // A sheet whose marks would be typed wrong or dropped, or another vote's, is refused with its first reason (issue #11).
  const sheetError = sheet?.issues.find((i) => i.severity === "error");
  const refusal = !sheet ? null : !sheet.candidatesMatch ? vs.importMismatch(sheet.missing, sheet.extra) : sheetError ? sheetError.message[lang] : sheet.ballots === 0 ? vs.importNoBallots : null;

  const doImport = async (replace: boolean) => {
    if (!sheet || refusal) return;
    const which = target;
    onBusy?.(true);
    let entered = false;
    await run(
      "importing",
      async () => {
        const out = await enterBallots(host, record.id, which, sheet.rows.map((r) => r.ballot), { replace });
        if (out.kind === "confirm") {
          setConfirm(out.issues);
          setBanner(null);
          setIssues([]);
        } else if (out.kind === "entered") {
          entered = true;
          setConfirm(null);
          setBanner({ intent: "success", text: vs.importDone(sheet.ballots, sheet.name, entrySheet(which)) });
          setIssues(out.issues);
        } else {
          setConfirm(null);
          setBanner({ intent: "error", text: vs.importRefused });
          setIssues(out.issues);
        }
      },
      (problem) => {
        setConfirm(null);
        failed(problem);
      },
    );
    onBusy?.(false);
    // After the step is free again: it may start a count of its own.
    if (entered) onImported?.(which);
  };

  const off = disabled || busy !== null;

  return (
    <section className={s.root} aria-label={vs.importTitle}>
      <Subtitle2>{vs.importTitle}</Subtitle2>
      <Caption1 className={s.help}>{vs.importHelp}</Caption1>
      <div className={s.actions}>
        <FilePick label={vs.importPick} disabled={off} pickId={IMPORT_TID.pick} fileId={IMPORT_TID.file} onName={picked} onFile={readFile} onUnreadable={failed} />
        {fileName && busy !== "reading" && <Caption1 className={s.help}>{vs.importFile(fileName)}</Caption1>}
      </div>
      {busy === "reading" && <Spinner size="tiny" label={vs.importReading(fileName)} />}

      {read && read.sheets.length > 0 && (
        <>
          <RadioGroup
            value={String(pick)}
            onChange={(_, d) => {
              setPick(Number(d.value));
              setConfirm(null);
            }}
            aria-label={vs.importSheets}
            data-testid={IMPORT_TID.sheets}
          >
            {read.sheets.map((sh, i) => (
              <Radio
                key={sh.name}
                value={String(i)}
                disabled={off}
                data-testid={IMPORT_TID.sheet(i)}
                label={
                  <span className={s.label}>
                    {vs.importSheet(sh.name, sh.ballots)}
                    {!sh.candidatesMatch && (
                      <Badge appearance="tint" size="small" color="danger">
                        {vs.importMismatchBadge}
                      </Badge>
                    )}
                    {sh.candidatesMatch && (sh.noNumber.length > 0 || sh.unknownMarks.length > 0) && (
                      <Badge appearance="tint" size="small" color="warning">
                        {vs.importWarnBadge}
                      </Badge>
                    )}
                  </span>
                }
              />
            ))}
          </RadioGroup>
          {sheet && (refusal || sheet.noNumber.length > 0 || sheet.unknownMarks.length > 0) && (
            <div data-testid={IMPORT_TID.problems}>
              {refusal && (
                <MessageBar intent="error">
                  <MessageBarBody>{refusal}</MessageBarBody>
                </MessageBar>
              )}
              {sheet.noNumber.length > 0 && (
                <MessageBar intent="warning">
                  <MessageBarBody>{vs.importNoNumber(some(sheet.noNumber))}</MessageBarBody>
                </MessageBar>
              )}
              {sheet.unknownMarks.length > 0 && (
                <MessageBar intent="warning">
                  <MessageBarBody>{vs.importUnknownMarks(some(sheet.unknownMarks))}</MessageBarBody>
                </MessageBar>
              )}
            </div>
          )}
          <Field label={vs.importTarget}>
            <RadioGroup
              layout="horizontal"
              value={String(target)}
              onChange={(_, d) => {
                setTarget(d.value === "2" ? 2 : 1);
                setConfirm(null);
              }}
            >
              {entries.map((k) => (
                <Radio key={k} value={String(k)} label={vs.importEntry(k, entrySheet(k))} disabled={off} data-testid={IMPORT_TID.target(k)} />
              ))}
            </RadioGroup>
          </Field>
          {confirm ? (
            <ConfirmBar
              message={confirm[0]?.message[lang] ?? vs.importReplace}
              confirmLabel={vs.importReplace}
              busyLabel={vs.importing}
              cancelLabel={vs.cancel}
              onConfirm={() => void doImport(true)}
              onCancel={() => setConfirm(null)}
              busy={busy === "importing"}
              disabled={off}
              testIds={{ message: IMPORT_TID.status, confirm: IMPORT_TID.replace, cancel: IMPORT_TID.cancel }}
            />
          ) : (
            <div className={s.actions}>
              <Button appearance="primary" disabled={off || refusal !== null} onClick={() => void doImport(false)} data-testid={IMPORT_TID.go}>
                {busy === "importing" ? vs.importing : vs.importGo}
              </Button>
            </div>
          )}
        </>
      )}
      {banner && (
        <MessageBar intent={banner.intent} data-testid={IMPORT_TID.status}>
          <MessageBarBody>{banner.text}</MessageBarBody>
        </MessageBar>
      )}
      <IssueList issues={issues} onSelect={onSelect} />
    </section>
  );
}
