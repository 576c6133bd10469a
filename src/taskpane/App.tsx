import {
  Button,
  Caption1,
  FluentProvider,
  makeStaticStyles,
  makeStyles,
  Title3,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from "react";
import type { BlocState } from "../app/bloc";
import type { ExcelHost } from "../app/office";
import type { BlocDraft } from "../domain/bloc/bloc";
import type { Issue, Where } from "../domain/issues";
import { BlocForm } from "./components/BlocForm";
import { StepTabs } from "./components/StepTabs";
import { LangProvider } from "./lang";
import { STRINGS, type Lang } from "./strings";
import { TID } from "./testIds";
import { NextStep } from "./components/NextStep";

/**
 * The pane is 320–450 px wide: Fluent's text fields and drop-downs ask for 250 px each, which pushes
 * two of them side by side past the edge. Let them shrink to their column.
 */
const useNarrowControls = makeStaticStyles({
  ".fui-Dropdown, .fui-Combobox, .fui-Input, .fui-Select, .fui-Textarea": { minWidth: "0", maxWidth: "100%" },
  // Issue #14 item 4 (320 px), each one seen by test/e2e/narrow.test.ts; `main` outranks Fluent's own one-class rules.
  // A message bar keeps its text on one line and cuts it: let it wrap.
  "main .fui-MessageBar": { whiteSpace: "normal" },
  "main .fui-MessageBarBody": { overflowWrap: "anywhere" },
  // A badge has a fixed height: wrapped text ("Được chọn", "Không đạt" in a table cell) ran out of its pill.
  "main .fui-Badge": { height: "auto", minHeight: "16px", paddingTop: "1px", paddingBottom: "1px", whiteSpace: "normal", textAlign: "center" },
  // Fluent's tables share the width equally ("Hạng" took a quarter, rows ~100 px tall): size columns to their content.
  "main .fui-Table": { tableLayout: "auto" },
  // Fields side by side stretch to one height: the label's row takes the slack, its text at the bottom,
  // so a label that wraps to two lines no longer pushes its input below its neighbour's.
  "main .fui-Field:has(> .fui-Field__label)": { gridTemplateRows: "1fr", gridAutoRows: "auto" },
  "main .fui-Field > .fui-Field__label": { alignSelf: "end" },
  "main .fui-TableCell, main .fui-TableHeaderCell": { overflowWrap: "break-word" },
});

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "12px", padding: "12px", minHeight: "100vh", boxSizing: "border-box", maxWidth: "100%", overflowX: "hidden" },
  header: { display: "flex", justifyContent: "space-between", alignItems: "flex-start", gap: "8px" },
  subtitle: { color: tokens.colorNeutralForeground3 },
  // The line that stands where the status bar will be: as tall as the bar, so nothing moves when it comes.
  notice: { color: tokens.colorNeutralForeground3, margin: 0, minHeight: "36px", display: "flex", alignItems: "center" },
  actions: { display: "flex", gap: "8px", flexWrap: "wrap", position: "sticky", bottom: 0, padding: "8px 0", backgroundColor: tokens.colorNeutralBackground1 },
  outcome: { flexBasis: "100%", ":empty": { display: "none" } },
});

/**
 * The first screen carries the bloc form only (issue #14 "Lighter and faster"): the other steps load
 * when first opened; the workbook read and save, the bloc's rules, the issue catalogue, the status
 * bar and the issue list (blocKit) right after the first render, before the read starts.
 */
type BlocKit = typeof import("./blocKit");
let kitLoad: Promise<BlocKit> | null = null;
const loadKit = (): Promise<BlocKit> => (kitLoad ??= import("./blocKit"));
const ConfirmDialog = lazy(() => import("./components/ConfirmDialog").then((m) => ({ default: m.ConfirmDialog })));
const StartStep = lazy(() => import("./components/StartStep").then((m) => ({ default: m.StartStep })));
const ScoringStep = lazy(() => import("./components/ScoringStep").then((m) => ({ default: m.ScoringStep })));
const VotingStep = lazy(() => import("./components/VotingStep").then((m) => ({ default: m.VotingStep })));
const NominationStep = lazy(() => import("./components/NominationStep").then((m) => ({ default: m.NominationStep })));

const EMPTY: BlocDraft = { name: "", province: "", year: new Date().getFullYear(), leader: "", deputies: [""], members: [{ name: "", shortName: "" }] };

type Step = "bloc" | "start" | "scoring" | "voting" | "nomination";
type Banner = { intent: "info" | "success" | "warning" | "error"; text: string } | null;
type Pending = { reason: string; message: Issue } | null;

export interface AppProps {
  host: ExcelHost;
  initialLang?: Lang;
}

/** The task pane. Today: the bloc's setup; later steps join it. */
export function App({ host, initialLang = "vi" }: AppProps) {
  useNarrowControls();
  const s = useStyles();
  const [lang, setLang] = useState<Lang>(initialLang);
  const t = STRINGS[lang];
  const [loading, setLoading] = useState(true);
  const [busy, setBusy] = useState(false);
  const [draft, setDraft] = useState<BlocDraft>(EMPTY);
  const [basedOn, setBasedOn] = useState<string | null>(null);
  const [state, setState] = useState<BlocState | null>(null);
  const [sheetIssues, setSheetIssues] = useState<Issue[]>([]);
  const [showFieldErrors, setShowFieldErrors] = useState(false);
  const [banner, setBanner] = useState<Banner>(null);
  const [pending, setPending] = useState<Pending>(null);
  const [step, setStep] = useState<Step>("bloc");
  const [kit, setKit] = useState<BlocKit | null>(null);

  const live = useMemo(() => (kit ? kit.validateBloc(draft).issues : []), [kit, draft]);

  const reload = useCallback(async () => {
    setLoading(true);
    try {
      const k = await loadKit();
      setKit(() => k);
      const st = await k.loadBloc(host);
      setState(st);
      setBasedOn(st.fingerprint);
      setSheetIssues(st.issues);
      if (st.draft) setDraft(st.bloc ? k.blocToDraft(st.bloc) : st.draft);
      setShowFieldErrors(st.status === "invalid");
      setBanner(null);
    } catch (e) {
      setBanner({ intent: "error", text: `${STRINGS[lang].unexpected}: ${String(e)}` });
    } finally {
      setLoading(false);
    }
  }, [host, lang]);

  useEffect(() => {
    void reload();
    // Read once when the pane opens (per host); later reads are the user's choice.
  }, [host]);

  const save = async (confirm = false) => {
    setShowFieldErrors(true);
    // The buttons wait for the read, which loads the kit first: it is here.
    const k = kit ?? (await loadKit());
    if (k.validateBloc(draft).issues.some((i) => i.severity === "error")) {
      setBanner({ intent: "error", text: t.fixErrorsFirst });
      return;
    }
    setBusy(true);
    setPending(null);
    try {
      const out = await k.saveBloc(host, draft, { basedOn, confirm });
      switch (out.kind) {
        case "saved":
          setBasedOn(out.fingerprint);
          setDraft(k.blocToDraft(out.bloc));
          setSheetIssues(out.issues);
          setState((st) => (st ? { ...st, status: "ok", sheet: out.sheet } : st));
          setShowFieldErrors(false);
          setBanner({ intent: "success", text: [t.saved(out.sheet), ...out.keptOld.map((k) => t.keptOld(k.from, k.to))].join(" ") });
          break;
        case "confirm":
          setPending({ reason: out.reason, message: out.issues[0] });
          break;
        case "invalid":
        case "failed":
          setSheetIssues(out.issues);
          setBanner({ intent: "error", text: out.issues[0]?.message[lang] ?? t.unexpected });
          break;
      }
    } catch (e) {
      setBanner({ intent: "error", text: `${t.unexpected}: ${String(e)}` });
    } finally {
      setBusy(false);
    }
  };

  const goTo = async (where: Where) => {
    const problem = await (await loadKit()).selectCell(host, where);
    if (problem) setBanner({ intent: "error", text: problem.message[lang] });
  };

  const statusText = (): Banner => {
    if (!state) return null;
    if (state.status === "none") return { intent: "info", text: t.noBloc };
    if (state.status === "foreign") return { intent: "warning", text: t.foreignSheet(state.sheet ?? "") };
    if (state.status === "invalid") return { intent: "warning", text: t.blocInvalid(state.sheet ?? "") };
    return { intent: "info", text: t.blocLoaded(state.sheet ?? "") };
  };
  const shown = banner ?? statusText();
  const fieldIssues = showFieldErrors ? live : [];
  const listed = [...sheetIssues.filter((i) => i.where), ...(showFieldErrors ? live.filter((i) => !sheetIssues.some((x) => x.code === i.code && x.field === i.field)) : [])];

  // A step's code on its way: one quiet line where the step will show (no spinner code on the first screen).
  const stepLoading = (
    <Caption1 as="p" role="status" className={s.subtitle} block>
      {t.loading}
    </Caption1>
  );

  return (
    <FluentProvider theme={webLightTheme} lang={lang === "vi" ? "vi-VN" : "en-US"}>
      <LangProvider lang={lang}>
      <main className={s.root}>
        <header className={s.header}>
          <div>
            <Title3 as="h1">{t.appTitle}</Title3>
            <Caption1 as="p" className={s.subtitle} block>
              {t.appSubtitle}
            </Caption1>
          </div>
          <Button size="small" appearance="subtle" onClick={() => setLang(lang === "vi" ? "en" : "vi")} title={t.languageHint} data-testid={TID.lang}>
            {t.language}
          </Button>
        </header>

        <StepTabs
          selected={step}
          onSelect={setStep}
          tabs={[
            { value: "bloc", label: t.tabs.bloc, testId: TID.stepBloc },
            { value: "start", label: t.tabs.start, testId: TID.stepStart },
            { value: "scoring", label: t.tabs.scoring, testId: TID.stepScoring },
            { value: "voting", label: t.tabs.voting, testId: TID.stepVoting },
            { value: "nomination", label: t.tabs.nomination, testId: TID.stepNomination },
          ]}
        />

        {step === "start" ? (
          <Suspense fallback={stepLoading}>
            <StartStep host={host} onSelect={(w) => void goTo(w)} />
          </Suspense>
        ) : step === "scoring" ? (
          <Suspense fallback={stepLoading}>
            <ScoringStep host={host} onSelect={(w) => void goTo(w)} />
          </Suspense>
        ) : step === "voting" ? (
          <Suspense fallback={stepLoading}>
            <VotingStep host={host} onSelect={(w) => void goTo(w)} />
          </Suspense>
        ) : step === "nomination" ? (
          <Suspense fallback={stepLoading}>
            <NominationStep host={host} onSelect={(w) => void goTo(w)} />
          </Suspense>
        ) : (
          // The form shows at once (issue #14: controls painted before the workbook read returns) and
          // is filled when the read returns; until then it is read-only, so nothing typed is overwritten.
          <>
            {loading || !kit ? (
              <Caption1 as="p" role="status" className={s.notice} block data-testid={loading ? TID.loadingBloc : TID.status}>
                {loading ? t.loading : shown?.text}
              </Caption1>
            ) : (
              !banner && shown && (
                <kit.MessageBar intent={shown.intent} data-testid={TID.status}>
                  <kit.MessageBarBody>{shown.text}</kit.MessageBarBody>
                </kit.MessageBar>
              )
            )}
            <NextStep host={host} after={banner} />
            <BlocForm draft={draft} onChange={setDraft} issues={fieldIssues} disabled={busy || loading} />
            {kit && <kit.IssueList issues={listed} onSelect={goTo} />}
            <div className={s.actions}>
              {/* What a save or reload did shows beside its button, where the user is, and is announced (WCAG 4.1.3). */}
              <div role="status" aria-live="polite" className={s.outcome}>
                {banner && kit && (
                  <kit.MessageBar intent={banner.intent} data-testid={TID.status}>
                    <kit.MessageBarBody>{banner.text}</kit.MessageBarBody>
                  </kit.MessageBar>
                )}
              </div>
              <Button appearance="primary" onClick={() => void save(false)} disabled={busy || loading} data-testid={TID.save}>
                {busy ? t.saving : t.save}
              </Button>
              <Button appearance="secondary" onClick={() => void reload()} disabled={busy || loading} data-testid={TID.reload}>
                {t.reload}
              </Button>
            </div>
          </>
        )}

        {pending && (
          <Suspense fallback={null}>
            <ConfirmDialog text={pending.message.message[lang]} onCancel={() => setPending(null)} onConfirm={() => void save(true)} />
          </Suspense>
        )}
      </main>
      </LangProvider>
    </FluentProvider>
  );
}
