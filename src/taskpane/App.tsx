import {
  Button,
  Caption1,
  FluentProvider,
  makeStaticStyles,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Tab,
  TabList,
  Title3,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from "react";
import { blocToDraft, loadBloc, saveBloc, type BlocState } from "../app/bloc";
import { selectCell, type ExcelHost } from "../app/office";
import { validateBloc, type BlocDraft } from "../domain/bloc/bloc";
import type { Issue, Where } from "../domain/issues";
import { BlocForm } from "./components/BlocForm";
import { IssueList } from "./components/IssueList";
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
});

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "12px", padding: "12px", minHeight: "100vh", boxSizing: "border-box", maxWidth: "100%", overflowX: "hidden" },
  header: { display: "flex", justifyContent: "space-between", alignItems: "flex-start", gap: "8px" },
  subtitle: { color: tokens.colorNeutralForeground3 },
  // Five steps do not fit one line at 320 px: the tabs wrap.
  tabs: { flexWrap: "wrap" },
  actions: { display: "flex", gap: "8px", flexWrap: "wrap", position: "sticky", bottom: 0, padding: "8px 0", backgroundColor: tokens.colorNeutralBackground1 },
});

/** The scoring step loads when first opened, so the pane starts with the bloc step's code only. */
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

  const live = useMemo(() => validateBloc(draft).issues, [draft]);

  const reload = useCallback(async () => {
    setLoading(true);
    try {
      const st = await loadBloc(host);
      setState(st);
      setBasedOn(st.fingerprint);
      setSheetIssues(st.issues);
      if (st.draft) setDraft(st.bloc ? blocToDraft(st.bloc) : st.draft);
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
    if (live.some((i) => i.severity === "error")) {
      setBanner({ intent: "error", text: t.fixErrorsFirst });
      return;
    }
    setBusy(true);
    setPending(null);
    try {
      const out = await saveBloc(host, draft, { basedOn, confirm });
      switch (out.kind) {
        case "saved":
          setBasedOn(out.fingerprint);
          setDraft(blocToDraft(out.bloc));
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
    const problem = await selectCell(host, where);
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

        <TabList className={s.tabs} selectedValue={step} onTabSelect={(_, d) => setStep(d.value as Step)} size="small">
          <Tab value="bloc" data-testid={TID.stepBloc}>
            {t.tabs.bloc}
          </Tab>
          <Tab value="start" data-testid={TID.stepStart}>
            {t.tabs.start}
          </Tab>
          <Tab value="scoring" data-testid={TID.stepScoring}>
            {t.tabs.scoring}
          </Tab>
          <Tab value="voting" data-testid={TID.stepVoting}>
            {t.tabs.voting}
          </Tab>
          <Tab value="nomination" data-testid={TID.stepNomination}>
            {t.tabs.nomination}
          </Tab>
        </TabList>

        {step === "start" ? (
          <Suspense fallback={<Spinner label={t.loading} />}>
            <StartStep host={host} onSelect={(w) => void goTo(w)} />
          </Suspense>
        ) : step === "scoring" ? (
          <Suspense fallback={<Spinner label={t.loading} />}>
            <ScoringStep host={host} onSelect={(w) => void goTo(w)} />
          </Suspense>
        ) : step === "voting" ? (
          <Suspense fallback={<Spinner label={t.loading} />}>
            <VotingStep host={host} onSelect={(w) => void goTo(w)} />
          </Suspense>
        ) : step === "nomination" ? (
          <Suspense fallback={<Spinner label={t.loading} />}>
            <NominationStep host={host} onSelect={(w) => void goTo(w)} />
          </Suspense>
        ) : (
          // The form shows at once (issue #14: controls painted before the workbook read returns) and
          // is filled when the read returns; until then it is read-only, so nothing typed is overwritten.
          <>
            {loading ? (
              <MessageBar intent="info" data-testid={TID.loadingBloc}>
                <MessageBarBody>{t.loading}</MessageBarBody>
              </MessageBar>
            ) : shown && (
              <MessageBar intent={shown.intent} data-testid={TID.status}>
                <MessageBarBody>{shown.text}</MessageBarBody>
              </MessageBar>
            )}
            <NextStep host={host} after={banner} />
            <BlocForm draft={draft} onChange={setDraft} issues={fieldIssues} disabled={busy || loading} />
            <IssueList issues={listed} onSelect={goTo} />
            <div className={s.actions}>
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
