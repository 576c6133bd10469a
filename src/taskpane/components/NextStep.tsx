import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { ExcelHost } from "../../app/office";
import type { NextStep as Next } from "../../domain/progress/nextStep";
import { useLang } from "../lang";

export const NEXT_STEP_TID = "next-step";

const useStyles = makeStyles({
  line: { color: tokens.colorBrandForeground1, display: "block" },
});

/**
 * One short line, "Bước tiếp theo: …", shown after an action succeeds (`after`: its report; shown
 * again after each new one), from the workbook as it then stands (domain/progress/nextStep.ts).
 * The reader loads only when first needed.
 */
export function NextStep({ host, after }: { host: ExcelHost; after: { intent: string } | null | undefined }) {
  const { lang } = useLang();
  const s = useStyles();
  const [next, setNext] = useState<Next | null>(null);
  const show = !!after && (after.intent === "success" || after.intent === "info");
  useEffect(() => {
    if (!show) {
      setNext(null);
      return;
    }
    let live = true;
    void import("../../app/voting/progress")
      .then((m) => m.loadNextStep(host))
      .then((n) => live && setNext(n))
      // The hint is a help, not an outcome: a failed read shows none.
      .catch(() => live && setNext(null));
    return () => {
      live = false;
    };
  }, [after, host]);
  if (!show || !next) return null;
  return (
    <Caption1 className={s.line} role="status" data-testid={NEXT_STEP_TID} data-code={next.code}>
      {next.text[lang]}
    </Caption1>
  );
}
