import { Button, Caption1, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from "@fluentui/react-components";
import type { OutputFile } from "../../app/nomination";
import { officePlatform, workbookOpener } from "../../app/office";
import { deliverAll, deliverFile, type DeliverEnv, type DeliverResult } from "../download";
import { NOMINATION_STRINGS } from "../nominationStrings";
import type { Lang } from "../strings";
import { NOMINATION_TID } from "./NominationShared";
import { useLang } from "../lang";

/** Where files go: Office's platform and its new-workbook route when in Office; a plain download in the preview. */
export const deliverEnv = (): DeliverEnv => ({ platform: officePlatform(), openWorkbook: workbookOpener() });

/** Delivers one file from a step's list. */
export const deliverOne = (f: OutputFile): Promise<DeliverResult> => deliverFile(f, deliverEnv());

/** "Tải tất cả" of a step: one .zip "<base>-<year>.zip" where the view downloads, else each file its own way (Mac, iPad); what to say, and each file's outcome. */
export async function deliverEvery(files: readonly OutputFile[], base: string, year: number | undefined, lang: Lang): Promise<{ intent: "success" | "warning" | "error"; text: string; results: Record<string, DeliverResult> }> {
  const ns = NOMINATION_STRINGS[lang];
  const out = await deliverAll(files, year ? `${base}-${year}.zip` : `${base}.zip`, deliverEnv());
  if (out.kind === "zip") return { intent: out.result.ok ? "success" : "error", text: ns.zipped(out.count, out.result.message[lang]), results: {} };
  const ok = Object.values(out.results).filter((r) => r.ok).length;
  return { intent: ok === files.length ? "success" : "warning", text: ns.deliveredAll(ok, files.length), results: out.results };
}

const useStyles = makeStyles({
  list: { margin: 0, padding: 0, listStyle: "none", display: "flex", flexDirection: "column", gap: "6px" },
  item: { display: "flex", flexDirection: "column", gap: "4px", padding: "6px 8px", borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground2 },
  line: { display: "grid", gridTemplateColumns: "1fr auto", gap: "6px", alignItems: "center" },
  name: { overflowWrap: "anywhere" },
  muted: { color: tokens.colorNeutralForeground3 },
  actions: { display: "flex", gap: "8px", flexWrap: "wrap", marginTop: "8px" },
  notes: { display: "flex", flexDirection: "column", gap: "2px", marginTop: "4px" },
});

export interface NominationFilesProps {
  files: OutputFile[];
  /** The last delivery's outcome, by file name. */
  results: Record<string, DeliverResult>;
  disabled: boolean;
  delivering: boolean;
  onDeliver: (file: OutputFile) => void;
  onDeliverAll: () => void;
}

/** The documents and exports produced, each with its notes (what to know before sending it), its download and what became of it. */
export function NominationFiles({ files, results, disabled, delivering, onDeliver, onDeliverAll }: NominationFilesProps) {
  const { lang } = useLang();
  const s = useStyles();
  const ns = NOMINATION_STRINGS[lang];
  return (
    <section aria-label={ns.filesTitle} data-testid={NOMINATION_TID.files}>
      <ul className={s.list}>
        {files.map((f, i) => {
          const r = results[f.name];
          return (
            <li key={f.name} className={s.item} data-testid={NOMINATION_TID.file(i)}>
              <div className={s.line}>
                <div className={s.name}>
                  <div>{f.label[lang]}</div>
                  <Caption1 className={s.muted}>
                    {f.name} · {ns.size(Math.max(1, Math.round(f.bytes.length / 1024)))}
                  </Caption1>
                </div>
                <Button size="small" disabled={disabled} onClick={() => onDeliver(f)} data-testid={NOMINATION_TID.download(i)}>
                  {ns.download}
                </Button>
              </div>
              {f.notes && f.notes.length > 0 && (
                <MessageBar intent={f.notes.some((n) => n.severity === "error") ? "error" : "warning"} layout="multiline" data-testid={NOMINATION_TID.fileNotes(i)}>
                  <MessageBarBody>
                    <MessageBarTitle>{ns.fileNotes}</MessageBarTitle>
                    {/* Not list items: the files are the list. */}
                    <div className={s.notes}>
                      {f.notes.map((n, k) => (
                        <div key={k}>• {n.message[lang]}</div>
                      ))}
                    </div>
                  </MessageBarBody>
                </MessageBar>
              )}
              {r && (
                <MessageBar intent={r.ok ? "success" : "error"} data-testid={NOMINATION_TID.fileMessage(i)}>
                  <MessageBarBody>{r.message[lang]}</MessageBarBody>
                </MessageBar>
              )}
            </li>
          );
        })}
      </ul>
      <div className={s.actions}>
        <Button appearance="primary" disabled={disabled} onClick={onDeliverAll} data-testid={NOMINATION_TID.downloadAll}>
          {delivering ? ns.delivering : ns.downloadAll}
        </Button>
      </div>
    </section>
  );
}
