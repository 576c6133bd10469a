import { Button, Caption1, Checkbox, Field, makeStyles, Subtitle2, Textarea, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { RegistrationDraft } from "../../app/start";
import type { Issue } from "../../domain/issues";
import type { Award } from "../../domain/nomination/model";
import { START_STRINGS, type StartStrings } from "../startStrings";
import { fieldMessage, START_TID } from "./StartShared";
import { useLang } from "../lang";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: "8px" },
  list: { margin: 0, padding: 0, listStyle: "none", display: "flex", flexDirection: "column", gap: "8px" },
  unit: {
    display: "flex",
    flexDirection: "column",
    gap: "4px",
    padding: "6px 8px",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    minWidth: 0,
  },
  head: { display: "flex", flexWrap: "wrap", justifyContent: "space-between", columnGap: "8px", alignItems: "baseline" },
  name: { overflowWrap: "anywhere", fontWeight: tokens.fontWeightSemibold },
  group: { display: "flex", flexDirection: "column", border: "0", padding: "0", margin: "0", minWidth: "0" },
  legend: { color: tokens.colorNeutralForeground3, padding: "0" },
  checks: { display: "flex", flexWrap: "wrap", columnGap: "4px" },
  check: { minWidth: 0, maxWidth: "100%", overflowWrap: "anywhere" },
  muted: { color: tokens.colorNeutralForeground3 },
  actions: { display: "flex", gap: "8px", flexWrap: "wrap" },
});

/** The catalogue's awards in its order, titles and rewards apart. */
export function awardGroups(awards: Award[], ss: StartStrings): { label: string; awards: Award[] }[] {
  return [
    { label: ss.titles, awards: awards.filter((a) => a.kind === "title") },
    { label: ss.rewards, awards: awards.filter((a) => a.kind !== "title") },
  ].filter((g) => g.awards.length > 0);
}

/** A registration's awards by name, as printed (the catalogue's order). */
export const awardNames = (ids: string[], awards: Award[]): string[] => awards.filter((a) => ids.includes(a.id)).map((a) => a.name);

export interface StartRegistrationsProps {
  /** One per member, in roster order, as on the sheet; the form starts from them (remount it to take the workbook's again). */
  registrations: RegistrationDraft[];
  awards: Award[];
  disabled: boolean;
  saving: boolean;
  issues: Issue[];
  onSave: (registrations: RegistrationDraft[]) => void;
}

/** Each member's registration: the awards it aims for (ticked from the catalogue) and its own targets. */
export function StartRegistrations({ registrations, awards, disabled, saving, issues, onSave }: StartRegistrationsProps) {
  const { lang } = useLang();
  const s = useStyles();
  const ss = START_STRINGS[lang];
  const [regs, setRegs] = useState<RegistrationDraft[]>(() => registrations.map((r) => ({ ...r, awards: [...r.awards] })));
  const groups = awardGroups(awards, ss);
  const patch = (i: number, p: Partial<RegistrationDraft>) => setRegs((rs) => rs.map((r, k) => (k === i ? { ...r, ...p } : r)));
  /** Ticking keeps the catalogue's order, so the sheet lists them as the catalogue does. */
  const toggle = (i: number, id: string, on: boolean) => {
    const now = new Set(regs[i].awards);
    if (on) now.add(id);
    else now.delete(id);
    patch(i, { awards: [...awards.map((a) => a.id).filter((x) => now.has(x)), ...[...now].filter((x) => !awards.some((a) => a.id === x))] });
  };

  if (regs.length === 0) return <Caption1 className={s.muted}>{ss.noMembers}</Caption1>;

  return (
    <div className={s.form}>
      <ul className={s.list}>
        {regs.map((r, i) => (
          <li key={r.unit} className={s.unit} data-testid={START_TID.unit(i)}>
            <div className={s.head}>
              <Subtitle2 as="h4" className={s.name}>
                {r.unit}
              </Subtitle2>
              <Caption1 className={s.muted} data-testid={START_TID.unitCount(i)}>
                {ss.registeredCount(r.awards.length)}
              </Caption1>
            </div>
            {groups.map((g) => (
              <fieldset key={g.label} className={s.group}>
                <legend className={s.legend}>
                  <Caption1>{g.label}</Caption1>
                </legend>
                <div className={s.checks}>
                  {g.awards.map((a) => (
                    <Checkbox
                      key={a.id}
                      className={s.check}
                      label={a.name}
                      checked={r.awards.includes(a.id)}
                      onChange={(_, d) => toggle(i, a.id, !!d.checked)}
                      disabled={disabled}
                      aria-label={ss.register(r.unit, a.name)}
                      data-testid={START_TID.award(i, a.id)}
                    />
                  ))}
                </div>
              </fieldset>
            ))}
            <Field label={ss.targets} validationMessage={fieldMessage(issues, lang, `registrations.${i}`)}>
              <Textarea
                value={r.targets}
                placeholder={ss.targetsPlaceholder}
                resize="vertical"
                aria-label={ss.targetsOf(r.unit)}
                onChange={(_, d) => patch(i, { targets: d.value })}
                disabled={disabled}
                data-testid={START_TID.targets(i)}
              />
            </Field>
          </li>
        ))}
      </ul>
      <div className={s.actions}>
        <Button appearance="primary" onClick={() => onSave(regs.map((r) => ({ ...r, targets: r.targets.trim() })))} disabled={disabled} data-testid={START_TID.regSave}>
          {saving ? ss.savingRegs : ss.saveRegs}
        </Button>
      </div>
    </div>
  );
}
