import { Button, Caption1, makeStyles, Spinner, Subtitle2, tokens } from "@fluentui/react-components";
import {  useState } from "react";
import type { RegistrationDraft, RegistrationFilePreview } from "../../app/start";
import type { Issue } from "../../domain/issues";
import type { Award } from "../../domain/nomination/model";
import { START_STRINGS, type StartStrings } from "../startStrings";
import { FilePick } from "./FilePick";
import { START_TID } from "./StartShared";
import { awardNames } from "./StartRegistrations";
import { useLang } from "../lang";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "8px" },
  help: { color: tokens.colorNeutralForeground3 },
  list: { margin: 0, padding: 0, listStyle: "none", display: "flex", flexDirection: "column", gap: "6px" },
  item: { display: "flex", flexDirection: "column", gap: "2px", padding: "6px 8px", borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground2, overflowWrap: "anywhere" },
  facts: { display: "grid", gridTemplateColumns: "auto minmax(0, 1fr)", columnGap: "8px", rowGap: "2px", margin: 0 },
  term: { color: tokens.colorNeutralForeground3 },
  def: { margin: 0, minWidth: 0, overflowWrap: "anywhere" },
  actions: { display: "flex", gap: "8px", flexWrap: "wrap" },
});

const describe = (r: RegistrationDraft, awards: Award[], ss: StartStrings) => {
  const names = awardNames(r.awards, awards);
  return { awards: names.length ? names.join("; ") : ss.none, targets: r.targets.trim() || ss.noTargets };
};

export interface StartImportProps {
  /** The preview being confirmed (the parent holds it, so a refusal or a save clears it). */
  preview: RegistrationFilePreview | null;
  awards: Award[];
  disabled: boolean;
  reading: boolean;
  applying: boolean;
  /** Reads the picked file against the workbook (the parent wires `previewRegistrationFile`); writes nothing. */
  onFile: (bytes: Uint8Array, name: string) => void;
  onUnreadable: (problem: Issue) => void;
  /** Writes the preview (the parent wires `applyRegistrationFile`): only on the confirm button. */
  onApply: (preview: RegistrationFilePreview) => void;
  onCancel: () => void;
}

/** A unit's returned registration file: pick, see what would change, confirm, write (the score-file import's pattern). */
export function StartImport({ preview, awards, disabled, reading, applying, onFile, onUnreadable, onApply, onCancel }: StartImportProps) {
  const { lang } = useLang();
  const s = useStyles();
  const ss = START_STRINGS[lang];
  const [fileName, setFileName] = useState("");

  return (
    <section className={s.root} aria-label={ss.importTitle}>
      <Subtitle2 as="h4">{ss.importTitle}</Subtitle2>
      <Caption1 className={s.help}>{ss.importHelp}</Caption1>
      <div className={s.actions}>
        <FilePick
          label={ss.importPick}
          inputLabel={ss.importPick}
          disabled={disabled}
          pickId={START_TID.importPick}
          fileId={START_TID.importFile}
          onName={setFileName}
          onFile={onFile}
          onUnreadable={onUnreadable}
        />
      </div>
      {reading && <Spinner size="tiny" label={ss.reading(fileName)} />}
      {preview && preview.changes.length > 0 && (
        <>
          <Caption1>{ss.changes(preview.changes.length)}</Caption1>
          <ul className={s.list} aria-label={ss.changes(preview.changes.length)} data-testid={START_TID.importChanges}>
            {preview.changes.map((c, i) => {
              const from = describe(c.from, awards, ss);
              const to = describe(c.to, awards, ss);
              return (
                <li key={`${c.unit}-${i}`} className={s.item} data-testid={START_TID.importChange(i)}>
                  <strong>{c.unit}</strong>
                  <dl className={s.facts}>
                    <dt className={s.term}>{ss.before}</dt>
                    <dd className={s.def}>
                      {from.awards} · {from.targets}
                    </dd>
                    <dt className={s.term}>{ss.after}</dt>
                    <dd className={s.def}>
                      {to.awards} · {to.targets}
                    </dd>
                  </dl>
                </li>
              );
            })}
          </ul>
          <div className={s.actions}>
            <Button appearance="primary" onClick={() => onApply(preview)} disabled={disabled} data-testid={START_TID.importApply}>
              {applying ? ss.applying : ss.confirmApply}
            </Button>
            <Button onClick={onCancel} disabled={disabled} data-testid={START_TID.importCancel}>
              {ss.cancel}
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
