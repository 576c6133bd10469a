import { Button, Caption1, Divider, makeStyles, MessageBar, MessageBarBody, Spinner, Subtitle2, tokens } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import { generateNomination, loadNomination, produceFiles, recordOverride, saveMeeting, type NominationState } from "../../app/nomination";
import type { ExcelHost } from "../../app/office";
import type {  Where } from "../../domain/issues";
import type { Override, Proposal } from "../../domain/nomination/model";
import { NOMINATION_STRINGS } from "../nominationStrings";
import { IssueList } from "./IssueList";
import { NominationDocuments } from "./NominationDocuments";
import { NominationFiles } from "./NominationFiles";
import { useOutputFiles } from "./outputFiles";
import { NextYearPanel } from "./NextYearPanel";
import { emptyOverride, MeetingForm, OverrideForm, overrideProblems, OverridesList, type OverrideDraft } from "./NominationForms";
import { groupByAward, NominationList } from "./NominationList";
import { NOMINATION_TID, NominationStatus, type NominationReport, type NominationSection } from "./NominationShared";
import { useLang } from "../lang";
import { useSectionActions } from "./actions";
import { NEXT_YEAR_MADE, NextStep } from "./NextStep";

export { NOMINATION_TID } from "./NominationShared";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "10px" },
  head: { display: "flex", justifyContent: "space-between", alignItems: "center", gap: "8px" },
  actions: { display: "flex", gap: "8px", flexWrap: "wrap", alignItems: "flex-end" },
  muted: { color: tokens.colorNeutralForeground3 },
});

type Busy = "load" | "override" | "meeting" | "generate" | "produce" | "deliver" | null;

export interface NominationStepProps {
  host: ExcelHost;
  onSelect: (where: Where) => void;
}


/** The nomination step: the proposed list with every unit's reasons, the meeting's decisions and record, the sheets and the documents. */
export function NominationStep({ host, onSelect }: NominationStepProps) {
  const { lang, t } = useLang();
  const s = useStyles();
  const ns = NOMINATION_STRINGS[lang];
  const [state, setState] = useState<NominationState | null>(null);
  const { busy, report, setReport, run, refused } = useSectionActions<Exclude<Busy, null>, NominationSection>("load");
  const output = useOutputFiles({ zipBase: "Ho-so-de-nghi-khen-thuong", year: state?.bloc?.year, make: () => produceFiles(host), texts: ns, run });
  const { files, results, stale, produce, deliver, deliverAll } = output;
  const [ov, setOv] = useState<OverrideDraft>(emptyOverride);
  const [ovTried, setOvTried] = useState(false);
  /** Bumped when the meeting form should take the workbook's values again (a read the user asked for, a save). */
  const [meetingSeed, setMeetingSeed] = useState(0);
  const overrideRef = useRef<HTMLElement>(null);
  /** Whose "Bước tiếp theo" line shows: the step's last report's, or, after next year's workbook was made, the next-year panel's (one line at a time). */
  const [nextLine, setNextLine] = useState<"step" | "nextYear">("step");
  // Next year's workbook made in this session: the step's own lines know it too (the workbook cannot tell).
  const [yearMade, setYearMade] = useState(false);
  const known = yearMade ? NEXT_YEAR_MADE : undefined;
  useEffect(() => setNextLine("step"), [report]);
  const stepReport = (section: NominationSection) => (nextLine === "step" && report?.section === section ? report : null);


  /** Reads the workbook again; a refusal is returned as the list's report. */
  const reload = async (): Promise<{ state: NominationState } | { report: NominationReport }> => {
    const out = await loadNomination(host);
    if (!out.ok) return { report: { section: "list", intent: "error", text: out.issues[0]?.message[lang] ?? t.unexpected, issues: out.issues } };
    setState(out.state);
    return { state: out.state };
  };

  const loadedReport = (st: NominationState): NominationReport => {
    const e = st.issues.filter((i) => i.severity === "error").length;
    return e ? { section: "list", intent: "warning", text: ns.loadedWithErrors(e), issues: [] } : { section: "list", intent: "info", text: ns.loaded(st.list.length, groupByAward(st.proposals).length), issues: [] };
  };

  const refresh = () =>
    run("load", "list", async () => {
      const r = await reload();
      if ("report" in r) return r.report;
      output.drop();
      setMeetingSeed((n) => n + 1);
      return loadedReport(r.state);
    });

  useEffect(() => {
    void refresh();
    // Read once when the step opens; later reads are the user's choice (Refresh).
  }, [host]);

  const recordOv = () =>
    run("override", "override", async () => {
      setOvTried(true);
      const problems = Object.values(overrideProblems(ov, ns));
      if (problems.length) return { section: "override", intent: "error", text: problems.join(" "), issues: [] };
      const o: Override = { unit: ov.unit, award: ov.award, include: ov.include, reason: ov.reason.trim() };
      const out = await recordOverride(host, o);
      if (out.kind !== "written") return refused("override", ns.refused, out.issues);
      output.drop();
      const r = await reload();
      if ("report" in r) return r.report;
      setOv(emptyOverride());
      setOvTried(false);
      return { section: "override", intent: "success", text: ns.recorded(o.unit, o.award, o.include), issues: out.issues };
    });

  const removeOv = (o: Override) =>
    run("override", "override", async () => {
      const out = await recordOverride(host, o, { remove: true });
      if (out.kind !== "written") return refused("override", ns.refused, out.issues);
      output.drop();
      const r = await reload();
      if ("report" in r) return r.report;
      return { section: "override", intent: "success", text: ns.removed(o.unit, o.award), issues: out.issues };
    });

  const adjust = (p: Proposal) => {
    setOv({ unit: p.unit, award: p.award, include: !p.proposed, reason: "" });
    setOvTried(false);
    overrideRef.current?.scrollIntoView?.({ behavior: "smooth", block: "start" });
  };

  const saveMeet = (patch: Parameters<typeof saveMeeting>[1]) =>
    run("meeting", "meeting", async () => {
      const out = await saveMeeting(host, patch);
      if (out.kind !== "written") return refused("meeting", ns.refused, out.issues);
      output.drop();
      const r = await reload();
      if ("report" in r) return r.report;
      setMeetingSeed((n) => n + 1);
      return { section: "meeting", intent: "success", text: ns.meetingSaved(out.sheets[0] ?? ""), issues: out.issues };
    });

  const generate = () =>
    run("generate", "output", async () => {
      const out = await generateNomination(host);
      if (out.kind !== "written") return refused("output", ns.notGenerated, out.issues);
      // The catalogue and the meeting record may be new sheets now.
      const r = await reload();
      if ("report" in r) return r.report;
      const w = out.issues.some((i) => i.severity === "warning");
      return { section: "output", intent: w ? "warning" : "success", text: ns.generated(out.sheets), issues: out.issues };
    });

  if (!state) {
    return busy === "load" ? <Spinner label={t.loading} /> : <NominationStatus report={report} section="list" onSelect={onSelect} />;
  }

  const off = busy !== null;
  const units = state.bloc?.members.map((m) => m.name) ?? [];
  const awards = state.catalogue.awards.map((a) => a.name);

  return (
    <div className={s.root}>
      <Caption1 className={s.muted}>{ns.help}</Caption1>
      {!state.bloc && (
        <MessageBar intent="warning">
          <MessageBarBody>{ns.noBloc}</MessageBarBody>
        </MessageBar>
      )}

      <div className={s.head}>
        <Subtitle2>{ns.listTitle}</Subtitle2>
        <Button size="small" disabled={off} onClick={() => void refresh()} data-testid={NOMINATION_TID.refresh}>
          {busy === "load" ? ns.refreshing : ns.refresh}
        </Button>
      </div>
      <NominationStatus report={report} section="list" onSelect={onSelect} />
      <NextStep host={host} after={stepReport("list")} known={known} />
      <IssueList issues={state.issues} onSelect={onSelect} groupBy={state.issues.some((i) => i.where) ? "sheet" : "severity"} />
      {!state.catalogueInWorkbook && (
        <Caption1 className={s.muted} data-testid={NOMINATION_TID.catalogueNote}>
          {ns.defaultCatalogue}
        </Caption1>
      )}
      <NominationList proposals={state.proposals} disabled={off} onAdjust={adjust} />

      <Divider />
      <section ref={overrideRef} aria-label={ns.overridesTitle} className={s.root}>
        <Subtitle2>{ns.overridesTitle}</Subtitle2>
        <Caption1 className={s.muted}>{ns.overridesHelp}</Caption1>
        <OverridesList overrides={state.meeting.overrides} disabled={off} onRemove={(o) => void removeOv(o)} />
        <OverrideForm
          draft={ov}
          onChange={setOv}
          units={units}
          awards={awards}
          proposals={state.proposals}
          disabled={off}
          recording={busy === "override"}
          showErrors={ovTried}
          onRecord={() => void recordOv()}
        />
        <NominationStatus report={report} section="override" onSelect={onSelect} />
      </section>

      <Divider />
      <section aria-label={ns.meetingTitle} className={s.root} data-testid={NOMINATION_TID.meeting}>
        <Subtitle2>{ns.meetingTitle}</Subtitle2>
        <MeetingForm
          key={meetingSeed}
          meeting={state.meeting}
          units={units}
          disabled={off}
          saving={busy === "meeting"}
          onSave={(p) => void saveMeet(p)}
          onInvalid={() => setReport({ section: "meeting", intent: "error", text: ns.fixFields, issues: [] })}
        />
        <NominationStatus report={report} section="meeting" onSelect={onSelect} />
        <NextStep host={host} after={stepReport("meeting")} known={known} />
      </section>

      <Divider />
      <section aria-label={ns.outputTitle} className={s.root}>
        <Subtitle2>{ns.outputTitle}</Subtitle2>
        <div className={s.actions}>
          <Button appearance="primary" disabled={off} onClick={() => void generate()} data-testid={NOMINATION_TID.generate}>
            {busy === "generate" ? ns.generating : ns.generate}
          </Button>
          <Button disabled={off} onClick={() => void produce()} data-testid={NOMINATION_TID.produce}>
            {busy === "produce" ? ns.producing : ns.produce}
          </Button>
        </div>
        <NominationDocuments documents={state.documents} disabled={off} regenerating={busy === "generate"} onRegenerate={() => void generate()} />
        <NominationStatus report={report} section="output" onSelect={onSelect} />
        <NextStep host={host} after={stepReport("output")} known={known} />
        {stale && !files && <Caption1 className={s.muted}>{ns.stale}</Caption1>}
        {files && files.length > 0 && (
          <NominationFiles files={files} results={results} disabled={off} delivering={busy === "deliver"} onDeliver={(f) => void deliver(f)} onDeliverAll={() => void deliverAll()} />
        )}
      </section>
      <NextYearPanel
        host={host}
        year={state.bloc?.year ?? null}
        onSelect={onSelect}
        showNext={nextLine === "nextYear"}
        onCreated={() => {
          setNextLine("nextYear");
          setYearMade(true);
        }}
      />
    </div>
  );
}
