import { Button, Field, Input, Select } from "@fluentui/react-components";
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from "react";
import type { BlocDraft } from "../../domain/bloc/bloc";
import type { Issue } from "../../domain/issues";
import { TID } from "../testIds";
import { useLang } from "../lang";

/** The paste dialog loads on the first click (issue #14: the first screen carries no dialog code). */
const PasteDialog = lazy(() => import("./PasteDialog").then((m) => ({ default: m.PasteDialog })));

// Styles: the bx-* classes of src/taskpane/paneCss.ts (the first screen carries no makeStyles).

export interface BlocFormProps {
  draft: BlocDraft;
  onChange: (draft: BlocDraft) => void;
  /** Issues to show beside their fields (already filtered by the caller to when they should show). */
  issues: Issue[];
  disabled?: boolean;
  /**
   * Whether the member list and the leader/deputy choices show (default true). The App leaves them
   * out of its first render, in a box of the same height (the `bx-later` class: no layout shift), and
   * shows them right after the first frame (issue #14 "controls painted": the first frame carries the
   * name, province and year, like the minimal pane; the rest is empty and read-only until the read).
   */
  full?: boolean;
}

/** The bloc's year record: name, province, year, leader, deputies and the member list. */
export function BlocForm({ draft, onChange, issues, disabled, full = true }: BlocFormProps) {
  const { lang, t } = useLang();
  const byField = useMemo(() => {
    const m = new Map<string, string>();
    for (const i of issues) if (i.field && !m.has(i.field)) m.set(i.field, i.message[lang]);
    return m;
  }, [issues, lang]);
  const err = (field: string) => byField.get(field);
  const set = (patch: Partial<BlocDraft>) => onChange({ ...draft, ...patch });
  const [pasting, setPasting] = useState(false);
  const pasteButton = useRef<HTMLButtonElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  // Where focus goes after a row is added or removed (issue #14: never to the page body).
  const [focusAfter, setFocusAfter] = useState<{ row: number } | { add: true } | null>(null);
  useEffect(() => {
    if (!focusAfter) return;
    if ("row" in focusAfter) (document.querySelector(`[data-testid="${TID.memberName(focusAfter.row)}"]`) as HTMLInputElement | null)?.focus();
    else addButton.current?.focus();
    setFocusAfter(null);
  }, [focusAfter]);
  const closePaste = () => {
    setPasting(false);
    // Esc or Cancel: focus back on the button that opened the dialog.
    setTimeout(() => pasteButton.current?.focus(), 0);
  };
  const setMember = (i: number, patch: Partial<BlocDraft["members"][number]>) =>
    set({ members: draft.members.map((m, k) => (k === i ? { ...m, ...patch } : m)) });
  const names = draft.members.map((m) => m.name.trim()).filter(Boolean);
  const deputies = [draft.deputies[0] ?? "", draft.deputies[1] ?? ""];

  const unitSelect = (value: string, onPick: (v: string) => void, testId: string, emptyLabel: string) => (
    <Select className="bx-fill" value={names.includes(value) ? value : value ? `?${value}` : ""} onChange={(_, d) => onPick(d.value)} data-testid={testId} disabled={disabled}>
      <option value="">{emptyLabel}</option>
      {value && !names.includes(value) && <option value={`?${value}`}>{value}</option>}
      {names.map((n, k) => (
        <option key={`${n}-${k}`} value={n}>
          {n}
        </option>
      ))}
    </Select>
  );

  return (
    <div className="bx-form">
      <Field label={t.blocName} required validationMessage={err("name")}>
        <Input className="bx-fill" value={draft.name} onChange={(_, d) => set({ name: d.value })} placeholder={t.blocNamePlaceholder} data-testid={TID.blocName} disabled={disabled} />
      </Field>
      <div className="bx-row2">
        <Field label={t.province} required validationMessage={err("province")}>
          <Input className="bx-fill" value={draft.province} onChange={(_, d) => set({ province: d.value })} data-testid={TID.province} disabled={disabled} />
        </Field>
        <Field label={t.year} required validationMessage={err("year")}>
          <Input className="bx-fill" value={String(draft.year ?? "")} inputMode="numeric" onChange={(_, d) => set({ year: d.value })} data-testid={TID.year} disabled={disabled} />
        </Field>
      </div>

      {full ? (
        <div className="bx-later">
          <div className="bx-members">
            <div className="bx-member-head">
              <span className="bx-subtitle2">{t.members}</span>
              <span className="bx-caption1">{t.membersCount(draft.members.filter((m) => m.name.trim()).length)}</span>
            </div>
            {err("members") && <div className="bx-error">{err("members")}</div>}
            {draft.members.map((m, i) => (
              <div key={i} className="bx-member-row">
                <span className="bx-stt">{i + 1}</span>
                <Field validationMessage={err(`members.${i}.name`)}>
                  <Input className="bx-fill" aria-label={`${t.memberName} ${i + 1}`} value={m.name} onChange={(_, d) => setMember(i, { name: d.value })} data-testid={TID.memberName(i)} disabled={disabled} />
                </Field>
                <Field validationMessage={err(`members.${i}.shortName`)}>
                  <Input className="bx-fill" aria-label={`${t.memberShort} ${i + 1}`} value={m.shortName ?? ""} onChange={(_, d) => setMember(i, { shortName: d.value })} data-testid={TID.memberShort(i)} disabled={disabled} />
                </Field>
                <Button
                  appearance="subtle"
                  icon={<span aria-hidden>✕</span>}
                  aria-label={t.removeMember(m.name)}
                  title={t.removeMember(m.name)}
                  onClick={() => {
                    const rest = draft.members.filter((_, k) => k !== i);
                    set({ members: rest });
                    // Focus the row that took its place, or the one above, or "add" when none is left.
                    setFocusAfter(rest.length ? { row: Math.min(i, rest.length - 1) } : { add: true });
                  }}
                  data-testid={TID.memberRemove(i)}
                  disabled={disabled}
                />
              </div>
            ))}
            <div className="bx-tools">
              <Button
                ref={addButton}
                onClick={() => {
                  set({ members: [...draft.members, { name: "", shortName: "" }] });
                  // Focus the new row's name, ready to type.
                  setFocusAfter({ row: draft.members.length });
                }}
                data-testid={TID.addMember}
                disabled={disabled}
              >
                {t.addMember}
              </Button>
              <Button ref={pasteButton} appearance="secondary" onClick={() => setPasting(true)} data-testid={TID.paste} disabled={disabled}>
                {t.paste}
              </Button>
              {pasting && (
                <Suspense fallback={null}>
                  <PasteDialog
                    onClose={closePaste}
                    onApply={(list, mode) => set({ members: mode === "replace" ? list : [...draft.members.filter((m) => m.name.trim()), ...list] })}
                  />
                </Suspense>
              )}
            </div>
          </div>

          <Field label={t.leader} required validationMessage={err("leader")}>
            {unitSelect(draft.leader, (v) => set({ leader: v.replace(/^\?/, "") }), TID.leader, t.choose)}
          </Field>
          {[0, 1].map((k) => (
            <Field key={k} label={`${t.deputy(k + 1)}${k === 1 ? ` ${t.optional}` : ""}`} required={k === 0} validationMessage={err(`deputies.${k}`)}>
              {unitSelect(
                deputies[k],
                (v) => {
                  const next = [...deputies];
                  next[k] = v.replace(/^\?/, "");
                  set({ deputies: next });
                },
                TID.deputy(k),
                k === 0 ? t.choose : t.none,
              )}
            </Field>
          ))}
        </div>
      ) : (
        <div className="bx-later" aria-hidden="true" />
      )}
    </div>
  );
}
