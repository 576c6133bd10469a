import { Button, Caption1, Field, Text, Input, makeStyles, Textarea, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { PactDraft } from "../../app/start";
import type { Issue } from "../../domain/issues";
import { START_STRINGS } from "../startStrings";
import { fieldMessage, START_TID } from "./StartShared";
import { useLang } from "../lang";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: "8px" },
  row: { display: "flex", gap: "8px", flexWrap: "wrap", alignItems: "flex-end" },
  grow: { flexGrow: 1, flexBasis: "130px", minWidth: 0 },
  list: { margin: 0, padding: 0, listStyle: "none", display: "flex", flexDirection: "column", gap: "6px" },
  item: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) auto", gap: "4px", alignItems: "start" },
  muted: { color: tokens.colorNeutralForeground3 },
  problem: { color: tokens.colorPaletteRedForeground1 },
  actions: { display: "flex", gap: "8px", flexWrap: "wrap" },
  fieldset: { display: "flex", flexDirection: "column", gap: "8px", border: "0", padding: "0", margin: "0", minWidth: "0" },
});

export const emptyPact = (): PactDraft => ({ theme: "", place: "", signedOn: "", commitments: [""] });

/** "" or a real day written dd/mm/yyyy (d/m/yyyy accepted; savePact has the last word). */
export function pactDateOk(text: string): boolean {
  const t = text.trim();
  if (!t) return true;
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (!m) return false;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const at = new Date(Date.UTC(y, mo - 1, d));
  return at.getUTCFullYear() === y && at.getUTCMonth() === mo - 1 && at.getUTCDate() === d;
}

/** The draft as it is sent: trimmed, empty commitments dropped. */
export const cleanPact = (d: PactDraft): PactDraft => ({
  theme: d.theme.trim(),
  place: d.place.trim(),
  signedOn: d.signedOn.trim(),
  commitments: d.commitments.map((c) => c.trim()).filter(Boolean),
});

export interface StartPactProps {
  /** The pact as on its sheet (null: none yet); the form starts from it (remount it to take the workbook's again). */
  pact: PactDraft | null;
  disabled: boolean;
  saving: boolean;
  /** The last save's issues: those naming a field are shown under it. */
  issues: Issue[];
  onSave: (draft: PactDraft) => void;
  onInvalid: () => void;
}

/** The emulation pact: the year's theme, where and when it is signed, and the units' common commitments. */
export function StartPact({ pact, disabled, saving, issues, onSave, onInvalid }: StartPactProps) {
  const { lang } = useLang();
  const s = useStyles();
  const ss = START_STRINGS[lang];
  const [d, setD] = useState<PactDraft>(() => (pact ? { ...pact, commitments: pact.commitments.length ? [...pact.commitments] : [""] } : emptyPact()));
  const [tried, setTried] = useState(false);
  const listProblem = fieldMessage(issues, lang, "commitments", true);
  const dateProblem = tried && !pactDateOk(d.signedOn) ? ss.badDate : undefined;
  const setCommitment = (i: number, v: string) => setD({ ...d, commitments: d.commitments.map((c, k) => (k === i ? v : c)) });

  const save = () => {
    setTried(true);
    if (!pactDateOk(d.signedOn)) return onInvalid();
    onSave(cleanPact(d));
  };

  return (
    <div className={s.form}>
      <Field label={ss.theme} validationMessage={fieldMessage(issues, lang, "theme")}>
        <Textarea value={d.theme} placeholder={ss.themePlaceholder} resize="vertical" onChange={(_, v) => setD({ ...d, theme: v.value })} disabled={disabled} data-testid={START_TID.pactTheme} />
      </Field>
      <div className={s.row}>
        <Field label={ss.place} className={s.grow} validationMessage={fieldMessage(issues, lang, "place")}>
          <Input value={d.place} placeholder={ss.placePlaceholder} onChange={(_, v) => setD({ ...d, place: v.value })} disabled={disabled} data-testid={START_TID.pactPlace} />
        </Field>
        <Field label={ss.signedOn} className={s.grow} validationMessage={dateProblem ?? fieldMessage(issues, lang, "signedOn")}>
          <Input value={d.signedOn} placeholder="15/03/2026" inputMode="numeric" onChange={(_, v) => setD({ ...d, signedOn: v.value })} disabled={disabled} data-testid={START_TID.pactDate} />
        </Field>
      </div>
      <fieldset className={s.fieldset}>
        <legend>{ss.commitments}</legend>
        {listProblem && (
          <Text role="alert" className={s.problem}>
            {listProblem}
          </Text>
        )}
        {d.commitments.length === 0 && <Caption1 className={s.muted}>{ss.noCommitments}</Caption1>}
        <ol className={s.list}>
          {d.commitments.map((c, i) => (
            <li key={i} className={s.item}>
              <Field label={ss.commitment(i + 1)} validationMessage={fieldMessage(issues, lang, `commitments.${i}`)}>
                <Textarea value={c} resize="vertical" onChange={(_, v) => setCommitment(i, v.value)} disabled={disabled} data-testid={START_TID.commitment(i)} />
              </Field>
              <Button
                size="small"
                appearance="subtle"
                aria-label={ss.removeCommitment(i + 1)}
                title={ss.removeCommitment(i + 1)}
                onClick={() => setD({ ...d, commitments: d.commitments.filter((_, k) => k !== i) })}
                disabled={disabled}
                data-testid={START_TID.commitmentRemove(i)}
              >
                ✕
              </Button>
            </li>
          ))}
        </ol>
        <div className={s.actions}>
          <Button size="small" onClick={() => setD({ ...d, commitments: [...d.commitments, ""] })} disabled={disabled} data-testid={START_TID.commitmentAdd}>
            {ss.addCommitment}
          </Button>
        </div>
      </fieldset>
      <div className={s.actions}>
        <Button appearance="primary" onClick={save} disabled={disabled} data-testid={START_TID.pactSave}>
          {saving ? ss.savingPact : ss.savePact}
        </Button>
      </div>
    </div>
  );
}
