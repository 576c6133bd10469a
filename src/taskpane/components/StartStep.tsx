import { Button, Caption1, Divider, makeStyles, MessageBar, MessageBarBody, Spinner, Subtitle2, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { ExcelHost } from "../../app/office";
import {
  applyRegistrationFile,
  loadStart,
  previewRegistrationFile,
  produceStartFiles,
  savePact,
  saveRegistrations,
  type PactDraft,
  type RegistrationDraft,
  type RegistrationFilePreview,
  type StartOutcome,
  type StartState,
} from "../../app/start";
import type {  Where } from "../../domain/issues";
import { START_STRINGS } from "../startStrings";
import { IssueList } from "./IssueList";
import { NominationFiles } from "./NominationFiles";
import { useOutputFiles } from "./outputFiles";
import { StartImport } from "./StartImport";
import { StartPact } from "./StartPact";
import { StartRegistrations } from "./StartRegistrations";
import { START_TID, StartStatus, type StartReport, type StartSection } from "./StartShared";
import { useLang } from "../lang";
import { useSectionActions } from "./actions";
import { NextStep } from "./NextStep";

export { START_TID } from "./StartShared";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "10px", minWidth: 0 },
  head: { display: "flex", justifyContent: "space-between", alignItems: "center", flexWrap: "wrap", gap: "8px" },
  actions: { display: "flex", gap: "8px", flexWrap: "wrap", alignItems: "flex-end" },
  muted: { color: tokens.colorNeutralForeground3 },
});

type Busy = "load" | "pact" | "registrations" | "reading" | "applying" | "produce" | "deliver" | null;


export interface StartStepProps {
  host: ExcelHost;
  onSelect: (where: Where) => void;
}

/**
 * The start of the year (issue #12): the emulation pact and each unit's registration. What the
 * pane shows is always read from the workbook (loadStart) when the step opens and after every save.
 */
export function StartStep({ host, onSelect }: StartStepProps) {
  const { lang, t } = useLang();
  const s = useStyles();
  const ss = START_STRINGS[lang];
  const [state, setState] = useState<StartState | null>(null);
  const { busy, report, setReport, run, refused } = useSectionActions<Exclude<Busy, null>, StartSection>("load");
  const output = useOutputFiles({ zipBase: "Dau-nam", year: state?.bloc?.year, make: () => produceStartFiles(host), texts: ss, run });
  const { files, results, stale, produce, deliver, deliverAll } = output;
  /** Bumped when a form should take the workbook's values again (a read the user asked for, its own save). */
  const [pactSeed, setPactSeed] = useState(0);
  const [regSeed, setRegSeed] = useState(0);
  const [preview, setPreview] = useState<RegistrationFilePreview | null>(null);


  /** Reads the workbook again; a refusal is returned as the step's report. */
  const reload = async (): Promise<{ state: StartState } | { report: StartReport }> => {
    const out = await loadStart(host);
    if (!out.ok) return { report: refused("load", out.issues[0]?.message[lang] ?? t.unexpected, out.issues) };
    setState(out.state);
    return { state: out.state };
  };

  const refresh = () =>
    run("load", "load", async () => {
      const r = await reload();
      if ("report" in r) return r.report;
      output.drop();
      setPreview(null);
      setPactSeed((n) => n + 1);
      setRegSeed((n) => n + 1);
      const st = r.state;
      const registered = st.registrations.filter((x) => x.awards.length > 0).length;
      const text = [ss.loaded(registered, st.registrations.length), ...(st.pact ? [] : [ss.loadedNoPact])].join(" ");
      return { section: "load", intent: st.issues.some((i) => i.severity === "error") ? "warning" : "info", text, issues: [] };
    });

  useEffect(() => {
    void refresh();
    // Read once when the step opens; later reads are the user's choice (Read again) and every save.
  }, [host]);

  /** A save's outcome: on "written", the workbook is read again and the section's form takes its values. */
  const afterSave = async (section: StartSection, out: StartOutcome, reseed: () => void): Promise<StartReport> => {
    if (out.kind !== "written") return refused(section, ss.notSaved, out.issues);
    output.drop();
    const r = await reload();
    if ("report" in r) return r.report;
    reseed();
    return { section, intent: out.issues.some((i) => i.severity === "warning") ? "warning" : "success", text: ss.saved(out.sheets), issues: out.issues };
  };

  const savePactDraft = (d: PactDraft) => run("pact", "pact", async () => afterSave("pact", await savePact(host, d), () => setPactSeed((n) => n + 1)));

  const saveRegs = (regs: RegistrationDraft[]) =>
    run("registrations", "registrations", async () => afterSave("registrations", await saveRegistrations(host, regs), () => setRegSeed((n) => n + 1)));

  const readFile = (bytes: Uint8Array) =>
    run("reading", "import", async () => {
      setPreview(null);
      setReport(null);
      const r = await previewRegistrationFile(host, bytes);
      if (r.kind === "rejected") return refused("import", ss.rejected, r.issues);
      if (r.preview.changes.length === 0) return { section: "import", intent: "info", text: ss.nothing, issues: r.preview.issues };
      setPreview(r.preview);
      const warn = r.preview.issues.length > 0;
      return warn ? { section: "import", intent: "warning", text: ss.changes(r.preview.changes.length), issues: r.preview.issues } : null;
    });

  const applyFile = (p: RegistrationFilePreview) =>
    run("applying", "import", async () => {
      const out = await applyRegistrationFile(host, p);
      setPreview(null);
      return afterSave("import", out, () => setRegSeed((n) => n + 1));
    });

  if (!state) {
    return busy === "load" ? <Spinner label={t.loading} /> : <StartStatus report={report} section="load" onSelect={onSelect} />;
  }

  const off = busy !== null;
  const status = (section: StartSection) => (
    <>
      <StartStatus report={report} section={section} onSelect={onSelect} />
      <NextStep host={host} after={report?.section === section ? report : null} />
    </>
  );
  const issuesOf = (section: StartSection) => (report?.section === section ? report.issues : []);

  return (
    <div className={s.root}>
      <Caption1 className={s.muted}>{ss.help}</Caption1>
      {!state.bloc && (
        <MessageBar intent="warning" data-testid={START_TID.noBloc}>
          <MessageBarBody>{ss.noBloc}</MessageBarBody>
        </MessageBar>
      )}
      <div className={s.head}>
        <Subtitle2 as="h2">{ss.pactTitle}</Subtitle2>
        <Button size="small" disabled={off} onClick={() => void refresh()} data-testid={START_TID.refresh}>
          {busy === "load" ? ss.refreshing : ss.refresh}
        </Button>
      </div>
      {status("load")}
      <IssueList issues={state.issues} onSelect={onSelect} groupBy={state.issues.some((i) => i.where) ? "sheet" : "severity"} />

      <section aria-label={ss.pactTitle} className={s.root}>
        <StartPact
          key={pactSeed}
          pact={state.pact}
          disabled={off}
          saving={busy === "pact"}
          issues={issuesOf("pact")}
          onSave={(d) => void savePactDraft(d)}
          onInvalid={() => setReport({ section: "pact", intent: "error", text: ss.fixFields, issues: [] })}
        />
        {status("pact")}
      </section>

      <Divider />
      <section aria-label={ss.regTitle} className={s.root}>
        <Subtitle2 as="h2">{ss.regTitle}</Subtitle2>
        <MessageBar intent="info" data-testid={START_TID.hint}>
          <MessageBarBody>{ss.regHint}</MessageBarBody>
        </MessageBar>
        {!state.hasRegistrationSheet && (
          <Caption1 className={s.muted} data-testid={START_TID.noRegSheet}>
            {ss.noRegSheet}
          </Caption1>
        )}
        <StartRegistrations
          key={regSeed}
          registrations={state.registrations}
          awards={state.awards}
          disabled={off}
          saving={busy === "registrations"}
          issues={issuesOf("registrations")}
          onSave={(regs) => void saveRegs(regs)}
        />
        {status("registrations")}
        <StartImport
          preview={preview}
          awards={state.awards}
          disabled={off}
          reading={busy === "reading"}
          applying={busy === "applying"}
          onFile={(bytes) => void readFile(bytes)}
          onUnreadable={(problem) => setReport({ section: "import", intent: "error", text: problem.message[lang], issues: [] })}
          onApply={(p) => void applyFile(p)}
          onCancel={() => {
            setPreview(null);
            setReport(null);
          }}
        />
        {status("import")}
      </section>

      <Divider />
      <section aria-label={ss.outputTitle} className={s.root}>
        <Subtitle2 as="h2">{ss.outputTitle}</Subtitle2>
        <div className={s.actions}>
          <Button appearance="primary" disabled={off} onClick={() => void produce()} data-testid={START_TID.produce}>
            {busy === "produce" ? ss.producing : ss.produce}
          </Button>
        </div>
        {status("output")}
        {stale && !files && <Caption1 className={s.muted}>{ss.stale}</Caption1>}
        {files && files.length > 0 && (
          <NominationFiles files={files} results={results} disabled={off} delivering={busy === "deliver"} onDeliver={(f) => void deliver(f)} onDeliverAll={() => void deliverAll()} />
        )}
      </section>
    </div>
  );
}
