import { Button, Caption1, makeStyles, Spinner, Subtitle2, tokens } from "@fluentui/react-components";
import { useRef, useState, type ChangeEvent } from "react";
import type { RegistrationDraft, RegistrationFilePreview } from "../../app/start";
import type { Award } from "../../domain/nomination/model";
import { START_STRINGS, type StartStrings } from "../startStrings";
import type { Lang } from "../strings";
import { START_TID } from "./StartShared";
import { awardNames } from "./StartRegistrations";

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

/** The bytes of a picked file (FileReader where Blob.arrayBuffer is missing), as CollectPanel reads them. */
function fileBytes(file: File): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === "function") return file.arrayBuffer().then((b) => new Uint8Array(b));
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(new Uint8Array(r.result as ArrayBuffer));
    r.onerror = () => reject(r.error);
    r.readAsArrayBuffer(file);
  });
}

const describe = (r: RegistrationDraft, awards: Award[], ss: StartStrings) => {
  const names = awardNames(r.awards, awards);
  return { awards: names.length ? names.join("; ") : ss.none, targets: r.targets.trim() || ss.noTargets };
};

export interface StartImportProps {
  /** The preview being confirmed (the parent holds it, so a refusal or a save clears it). */
  preview: RegistrationFilePreview | null;
  awards: Award[];
  lang: Lang;
  disabled: boolean;
  reading: boolean;
  applying: boolean;
  /** Reads the picked file against the workbook (the parent wires `previewRegistrationFile`); writes nothing. */
  onFile: (bytes: Uint8Array, name: string) => void;
  onUnreadable: (problem: string) => void;
  /** Writes the preview (the parent wires `applyRegistrationFile`): only on the confirm button. */
  onApply: (preview: RegistrationFilePreview) => void;
  onCancel: () => void;
}

/** A unit's returned registration file: pick, see what would change, confirm, write (the score-file import's pattern). */
export function StartImport({ preview, awards, lang, disabled, reading, applying, onFile, onUnreadable, onApply, onCancel }: StartImportProps) {
  const s = useStyles();
  const ss = START_STRINGS[lang];
  const input = useRef<HTMLInputElement>(null);
  const [fileName, setFileName] = useState("");

  const picked = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    // Clear the input so picking the same file again (after fixing it) fires a change.
    e.target.value = "";
    if (!file) return;
    setFileName(file.name);
    try {
      onFile(await fileBytes(file), file.name);
    } catch (err) {
      onUnreadable(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <section className={s.root} aria-label={ss.importTitle}>
      <Subtitle2 as="h4">{ss.importTitle}</Subtitle2>
      <Caption1 className={s.help}>{ss.importHelp}</Caption1>
      <div className={s.actions}>
        <Button onClick={() => input.current?.click()} disabled={disabled} data-testid={START_TID.importPick}>
          {ss.importPick}
        </Button>
        <input ref={input} type="file" accept=".xlsx" hidden aria-label={ss.importPick} onChange={(e) => void picked(e)} data-testid={START_TID.importFile} />
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
