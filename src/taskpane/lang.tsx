import { createContext, useContext, useMemo, type ReactNode } from "react";
import { STRINGS, type Lang, type Strings } from "./strings";

/** The pane's language and its common strings, given once by the App (issue #13: no `lang`/`t` props). */
export interface PaneLang {
  lang: Lang;
  t: Strings;
}

const LangContext = createContext<PaneLang>({ lang: "vi", t: STRINGS.vi });

/** Gives `lang` and its strings to every component below. */
export function LangProvider({ lang, children }: { lang: Lang; children: ReactNode }) {
  const value = useMemo(() => ({ lang, t: STRINGS[lang] }), [lang]);
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}

/** The pane's language and strings (Vietnamese outside a provider). */
export const useLang = (): PaneLang => useContext(LangContext);
