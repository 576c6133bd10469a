import { Badge, Button, Caption1, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import type { Issue, Where } from "../../domain/issues";
import { TID } from "../testIds";
import { useLang } from "../lang";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "6px" },
  group: { display: "flex", flexDirection: "column", gap: "4px", margin: 0, padding: 0, listStyle: "none" },
  item: {
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    gap: "6px",
    alignItems: "start",
    padding: "6px 8px",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  error: { borderLeft: `3px solid ${tokens.colorPaletteRedBorder2}` },
  warning: { borderLeft: `3px solid ${tokens.colorPaletteYellowBorder2}` },
  where: { paddingLeft: 0, minWidth: 0, height: "auto" },
});

export interface IssueListProps {
  issues: Issue[];
  onSelect?: (where: Where) => void;
  /** "sheet": one collapsible group per sheet (a unit's score sheet), errors first inside each. */
  groupBy?: "severity" | "sheet";
}

/** Errors first, then warnings; each with its cell, a click away. */
export function IssueList({ issues, onSelect, groupBy = "severity" }: IssueListProps) {
  const { lang, t } = useLang();
  const s = useStyles();
  const errors = issues.filter((i) => i.severity === "error");
  const warnings = issues.filter((i) => i.severity === "warning");
  if (issues.length === 0) return null;
  const group = (title: string, list: Issue[], kind: "error" | "warning") =>
    list.length > 0 && (
      <section aria-label={title}>
        <Caption1>{title}</Caption1>
        <ul className={s.group}>
          {list.map((i, k) => (
            <li key={`${i.code}-${k}`} className={`${s.item} ${kind === "error" ? s.error : s.warning}`} data-testid={TID.issue(i.code)}>
              <Badge appearance="tint" color={kind === "error" ? "danger" : "warning"} size="small">
                {i.where?.cell ? `${i.where.cell}` : kind === "error" ? "!" : "i"}
              </Badge>
              <div>
                <div>{i.message[lang]}</div>
                {i.where && onSelect && (
                  <Button className={s.where} appearance="transparent" size="small" onClick={() => onSelect(i.where!)} title={t.goToCell}>
                    {t.goToCell} {i.where.sheet}!{i.where.cell ?? "A1"}
                  </Button>
                )}
              </div>
            </li>
          ))}
        </ul>
      </section>
    );
  if (groupBy === "sheet") {
    const sheets = [...new Set(issues.map((i) => i.where?.sheet ?? ""))];
    return (
      <div className={s.root} data-testid={TID.issues} role="region" aria-live="polite">
        <Subtitle2>{t.issuesTitle(errors.length, warnings.length)}</Subtitle2>
        {sheets.map((sheet) => {
          const mine = issues.filter((i) => (i.where?.sheet ?? "") === sheet);
          const e = mine.filter((i) => i.severity === "error");
          const w = mine.filter((i) => i.severity === "warning");
          return (
            <details key={sheet || "-"} open={e.length > 0} data-testid={`issues-sheet-${sheet}`}>
              <summary>
                <strong>{sheet || t.general}</strong> — {t.issuesTitle(e.length, w.length)}
              </summary>
              {group(t.errors, e, "error")}
              {group(t.warnings, w, "warning")}
            </details>
          );
        })}
      </div>
    );
  }
  return (
    <div className={s.root} data-testid={TID.issues} role="region" aria-live="polite">
      <Subtitle2>{t.issuesTitle(errors.length, warnings.length)}</Subtitle2>
      {group(t.errors, errors, "error")}
      {group(t.warnings, warnings, "warning")}
    </div>
  );
}
