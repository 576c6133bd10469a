import { useEffect, useState } from "react";
import type { ExcelHost } from "../../app/office";
import type { Known, NextStep as Next } from "../../domain/progress/nextStep";
import { useLang } from "../lang";

export const NEXT_STEP_TID = "next-step";

/** What the workbook cannot tell the line: next year's workbook was made (that writes nothing to this one). One object, so the line's read runs once per report. */
export const NEXT_YEAR_MADE: Known = { nextYearMade: true };

/**
 * One short line, "Bước tiếp theo: …", shown after an action succeeds (`after`: its report; shown
 * again after each new one), from the workbook as it then stands (domain/progress/nextStep.ts).
 * The reader loads only when first needed. `known`: what the workbook cannot say (next year's
 * workbook made: that writes nothing to this one).
 */
export function NextStep({ host, after, known }: { host: ExcelHost; after: { intent: string } | null | undefined; known?: Known }) {
  const { lang } = useLang();
  const [next, setNext] = useState<Next | null>(null);
  const show = !!after && (after.intent === "success" || after.intent === "info");
  useEffect(() => {
    if (!show) {
      setNext(null);
      return;
    }
    let live = true;
    void import("../../app/voting/progress")
      .then((m) => m.loadNextStep(host, known))
      .then((n) => live && setNext(n))
      // The hint is a help, not an outcome: a failed read shows none.
      .catch(() => live && setNext(null));
    return () => {
      live = false;
    };
  }, [after, host, known]);
  if (!show || !next) return null;
  return (
    // Styled by the pane's static sheet (paneCss.ts): the bloc step shows this line on the first screen.
    <span className="bx-caption1 bx-block bx-next" role="status" data-testid={NEXT_STEP_TID} data-code={next.code}>
      {next.text[lang]}
    </span>
  );
}
