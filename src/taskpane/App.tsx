import { Button, FluentProvider, webLightTheme } from "@fluentui/react-components";
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from "react";
import type { BlocState } from "../app/bloc";
import type { ExcelHost } from "../app/office";
import type { BlocDraft } from "../domain/bloc/bloc";
import type { Issue, Where } from "../domain/issues";
import { BlocForm } from "./components/BlocForm";
import { StepTabs } from "./components/StepTabs";
import { LangProvider } from "./lang";
import { dropFirstScreenCss, usePaneCss } from "./paneCss";
import { STRINGS, type Lang } from "./strings";
import { TID } from "./testIds";
import { NextStep } from "./components/NextStep";

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

/**
 * Runs `f` once the browser has shown a frame with what was just rendered (two animation frames),
 * or after 500 ms if it shows none (a hidden pane): the form paints before the kit's chunk, its
 * rules and number formats, and the read take the main thread (issue #14 "controls painted").
 */
function afterFirstFrame(f: () => void): void {
  let done = false;
  const once = () => {
    if (!done) {
      done = true;
      f();
    }
  };
  setTimeout(once, 500);
  if (typeof requestAnimationFrame === "function") requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(once, 0)));
}

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
  // The first screen's CSS, narrow-pane rules included (paneCss.ts: no run-time style engine up front).
  usePaneCss();
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
  const [full, setFull] = useState(false);

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
    // The pane's first commit has put its own rules in: the page's prerendered copy can go.
    dropFirstScreenCss();
    // Read once when the pane opens (per host); later reads are the user's choice.
    // The form's lower part (members, leader, deputies) joins right after the first frame, before the kit and the read.
    let on = true;
    afterFirstFrame(() => {
      if (!on) return;
      setFull(true);
      void reload();
    });
    return () => {
      on = false;
    };
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
    <p role="status" className="bx-caption1 bx-block bx-subtitle">
      {t.loading}
    </p>
  );

  return (
    <FluentProvider theme={webLightTheme} lang={lang === "vi" ? "vi-VN" : "en-US"}>
      <LangProvider lang={lang}>
      <main className="bx-root">
        <header className="bx-header">
          <div>
            <h1 className="bx-title3">{t.appTitle}</h1>
            <p className="bx-caption1 bx-block bx-subtitle">{t.appSubtitle}</p>
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
              <p role="status" className="bx-caption1 bx-block bx-notice" data-testid={loading ? TID.loadingBloc : TID.status}>
                {loading ? t.loading : shown?.text}
              </p>
            ) : (
              !banner && shown && (
                <kit.MessageBar intent={shown.intent} data-testid={TID.status}>
                  <kit.MessageBarBody>{shown.text}</kit.MessageBarBody>
                </kit.MessageBar>
              )
            )}
            <NextStep host={host} after={banner} />
            <BlocForm draft={draft} onChange={setDraft} issues={fieldIssues} disabled={busy || loading} full={full} />
            {kit && <kit.IssueList issues={listed} onSelect={goTo} />}
            <div className="bx-actions">
              {/* What a save or reload did shows beside its button, where the user is, and is announced (WCAG 4.1.3). */}
              <div role="status" aria-live="polite" className="bx-outcome">
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
