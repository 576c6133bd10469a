import { Badge, Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { DocumentFreshness } from "../../app/nomination";
import { changesText } from "../../domain/nomination/stale";
import { NOMINATION_STRINGS } from "../nominationStrings";
import { NOMINATION_TID } from "./NominationShared";
import { useLang } from "../lang";

const useStyles = makeStyles({
  list: { margin: 0, padding: 0, listStyle: "none", display: "flex", flexDirection: "column", gap: "6px" },
  item: { display: "flex", flexDirection: "column", gap: "2px", padding: "6px 8px", borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground2 },
  head: { display: "flex", flexWrap: "wrap", gap: "4px 6px", alignItems: "center" },
  name: { overflowWrap: "anywhere" },
  muted: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  actions: { display: "flex", gap: "8px", flexWrap: "wrap", marginTop: "8px" },
});

export interface NominationDocumentsProps {
  documents: DocumentFreshness[];
  disabled: boolean;
  regenerating: boolean;
  /** Generates the list and the minutes again (the step's own generate: nothing of the user's is overwritten). */
  onRegenerate: () => void;
}

/**
 * The generated sheets that no longer match the workbook (issue #14 item 3): each with an
 * "Out of date" mark and what changed, or "Unknown" when an older version wrote it without a
 * record; one "Regenerate" for all. Nothing shows while every sheet is up to date.
 */
export function NominationDocuments({ documents, disabled, regenerating, onRegenerate }: NominationDocumentsProps) {
  const { lang } = useLang();
  const s = useStyles();
  const ns = NOMINATION_STRINGS[lang];
  const shown = documents.filter((d) => d.status !== "fresh");
  if (!shown.length) return null;
  return (
    <section aria-label={ns.documentsTitle} data-testid={NOMINATION_TID.documents}>
      <ul className={s.list}>
        {shown.map((d) => (
          <li key={d.kind} className={s.item} data-testid={NOMINATION_TID.document(d.kind)}>
            <div className={s.head}>
              <span className={s.name}>“{d.sheet}”</span>
              <Badge appearance="tint" size="small" color={d.status === "stale" ? "warning" : "informative"} data-testid={NOMINATION_TID.documentMark(d.kind)}>
                {d.status === "stale" ? ns.markStale : ns.markUnknown}
              </Badge>
            </div>
            <Caption1 className={s.muted}>{d.status === "stale" ? ns.staleWhat(changesText(d.changes)[lang]) : ns.unknownWhat}</Caption1>
          </li>
        ))}
      </ul>
      <div className={s.actions}>
        <Button appearance="primary" disabled={disabled} onClick={onRegenerate} data-testid={NOMINATION_TID.regenerate}>
          {regenerating ? ns.generating : ns.regenerate}
        </Button>
      </div>
    </section>
  );
}
