import { Badge, Button, Caption1, Checkbox, Field, Input, makeStyles, Radio, RadioGroup, Select, Textarea, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { Override, Proposal } from "../../domain/nomination/model";
import type { MeetingRecord } from "../../workbook/nomination/meetingRecordSheet";
import { NOMINATION_STRINGS, type NominationStrings } from "../nominationStrings";
import { NOMINATION_TID } from "./NominationShared";
import { useLang } from "../lang";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: "8px" },
  row: { display: "flex", gap: "8px", flexWrap: "wrap", alignItems: "flex-end" },
  grow: { flexGrow: 1, flexBasis: "130px", minWidth: 0 },
  list: { margin: 0, padding: 0, listStyle: "none", display: "flex", flexDirection: "column", gap: "4px" },
  item: {
    display: "grid",
    gridTemplateColumns: "1fr auto",
    gap: "4px",
    alignItems: "start",
    padding: "4px 6px",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    overflowWrap: "anywhere",
  },
  muted: { color: tokens.colorNeutralForeground3 },
  absent: { display: "flex", flexDirection: "column" },
  summary: { cursor: "pointer" },
});

// ------------------------------------------------------------------------------------ overrides

export interface OverrideDraft {
  unit: string;
  award: string;
  include: boolean;
  reason: string;
}

export const emptyOverride = (): OverrideDraft => ({ unit: "", award: "", include: true, reason: "" });

/** What the form lacks before a decision can be recorded, by field. */
export function overrideProblems(d: OverrideDraft, ns: NominationStrings): Partial<Record<"unit" | "award" | "reason", string>> {
  const out: Partial<Record<"unit" | "award" | "reason", string>> = {};
  if (!d.unit) out.unit = ns.needUnit;
  if (!d.award) out.award = ns.needAward;
  if (!d.reason.trim()) out.reason = ns.needReason;
  return out;
}

export interface OverrideFormProps {
  draft: OverrideDraft;
  onChange: (d: OverrideDraft) => void;
  units: string[];
  awards: string[];
  proposals: Proposal[];
  disabled: boolean;
  recording: boolean;
  showErrors: boolean;
  onRecord: () => void;
}

/** A meeting decision: a unit, an award, propose or not, and the reason (required). */
export function OverrideForm({ draft, onChange, units, awards, proposals, disabled, recording, showErrors, onRecord }: OverrideFormProps) {
  const { lang } = useLang();
  const s = useStyles();
  const ns = NOMINATION_STRINGS[lang];
  const problems = showErrors ? overrideProblems(draft, ns) : {};
  const current = proposals.find((p) => p.unit === draft.unit && p.award === draft.award);
  /** Choosing a unit and award proposes the opposite of what the list says now. */
  const pick = (patch: Partial<OverrideDraft>) => {
    const next = { ...draft, ...patch };
    const now = proposals.find((p) => p.unit === next.unit && p.award === next.award);
    onChange(now ? { ...next, include: !now.proposed } : next);
  };
  return (
    <div className={s.form}>
      <div className={s.row}>
        <Field label={ns.unit} className={s.grow} validationMessage={problems.unit}>
          <Select value={draft.unit} onChange={(_, d) => pick({ unit: d.value })} disabled={disabled} data-testid={NOMINATION_TID.ovUnit}>
            <option value="">{ns.pick}</option>
            {units.map((u) => (
              <option key={u} value={u}>
                {u}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={ns.award} className={s.grow} validationMessage={problems.award}>
          <Select value={draft.award} onChange={(_, d) => pick({ award: d.value })} disabled={disabled} data-testid={NOMINATION_TID.ovAward}>
            <option value="">{ns.pick}</option>
            {awards.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {current && (
        <Caption1 className={s.muted} data-testid={NOMINATION_TID.ovCurrent}>
          {ns.currently(current.proposed)}
        </Caption1>
      )}
      <Field label={ns.decision}>
        <RadioGroup layout="horizontal" value={draft.include ? "include" : "exclude"} onChange={(_, d) => onChange({ ...draft, include: d.value === "include" })} disabled={disabled}>
          <Radio value="include" label={ns.include} data-testid={NOMINATION_TID.ovInclude("include")} />
          <Radio value="exclude" label={ns.exclude} data-testid={NOMINATION_TID.ovInclude("exclude")} />
        </RadioGroup>
      </Field>
      <Field label={ns.reason} required validationMessage={problems.reason}>
        <Textarea value={draft.reason} onChange={(_, d) => onChange({ ...draft, reason: d.value })} rows={2} resize="vertical" disabled={disabled} data-testid={NOMINATION_TID.ovReason} />
      </Field>
      <div className={s.row}>
        <Button appearance="primary" disabled={disabled} onClick={onRecord} data-testid={NOMINATION_TID.ovRecord}>
          {recording ? ns.recording : ns.record}
        </Button>
      </div>
    </div>
  );
}

/** The decisions on record, each removable. */
export function OverridesList({ overrides, disabled, onRemove }: { overrides: Override[]; disabled: boolean; onRemove: (o: Override) => void }) {
  const { lang } = useLang();
  const s = useStyles();
  const ns = NOMINATION_STRINGS[lang];
  if (overrides.length === 0) return <Caption1 className={s.muted}>{ns.noOverrides}</Caption1>;
  return (
    <ul className={s.list} data-testid={NOMINATION_TID.overrides}>
      {overrides.map((o, i) => (
        <li key={`${o.unit}|${o.award}`} className={s.item} data-testid={NOMINATION_TID.override(i)}>
          <div>
            <div>
              <Badge appearance="tint" size="small" color={o.include ? "success" : "danger"}>
                {o.include ? ns.include : ns.exclude}
              </Badge>{" "}
              {o.unit} — {o.award}
            </div>
            <Caption1 className={s.muted}>{o.reason}</Caption1>
          </div>
          <Button size="small" disabled={disabled} onClick={() => onRemove(o)} title={ns.removeTitle(o.unit, o.award)} data-testid={NOMINATION_TID.overrideRemove(i)}>
            {ns.remove}
          </Button>
        </li>
      ))}
    </ul>
  );
}

// ------------------------------------------------------------------------------------ the meeting

interface MeetingDraft {
  date: string;
  time: string;
  place: string;
  chair: string;
  secretary: string;
  present: string;
  absent: string[];
  submissionNumber: string;
  addressee: string;
  /** One recipient per line. */
  recipients: string;
}

type MeetingPatch = Partial<Omit<MeetingRecord, "overrides">>;

const pad = (n: number) => String(n).padStart(2, "0");

function draftOf(m: MeetingRecord): MeetingDraft {
  return {
    date: m.date ? `${pad(m.date.day)}/${pad(m.date.month)}/${m.date.year}` : "",
    time: m.time ? `${pad(m.time.hour)}:${pad(m.time.minute)}` : "",
    place: m.place,
    chair: m.chair,
    secretary: m.secretary,
    present: m.present === null ? "" : String(m.present),
    absent: m.absent,
    submissionNumber: m.submissionNumber,
    addressee: m.addressee,
    recipients: m.recipients.join("\n"),
  };
}

/** "05/12/2026" → the date; "" → null; anything else (or a day that does not exist) → undefined. */
export function parseDate(text: string): MeetingRecord["date"] | undefined {
  const t = text.trim();
  if (!t) return null;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (!m) return undefined;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(year, month - 1, day);
  return d.getFullYear() === year && d.getMonth() === month - 1 && d.getDate() === day ? { day, month, year } : undefined;
}

/** "14:00" (or "14h00") → the time; "" → null; anything else → undefined. */
export function parseTime(text: string): MeetingRecord["time"] | undefined {
  const t = text.trim();
  if (!t) return null;
  const m = /^(\d{1,2})[:hH](\d{2})$/.exec(t);
  if (!m) return undefined;
  const [hour, minute] = [Number(m[1]), Number(m[2])];
  return hour < 24 && minute < 60 ? { hour, minute } : undefined;
}

function check(d: MeetingDraft, members: number, ns: NominationStrings): { patch: MeetingPatch | null; problems: Partial<Record<"date" | "time" | "present", string>> } {
  const problems: Partial<Record<"date" | "time" | "present", string>> = {};
  const date = parseDate(d.date);
  const time = parseTime(d.time);
  const p = d.present.trim();
  const present = p === "" ? null : /^\d+$/.test(p) && Number(p) <= members ? Number(p) : undefined;
  if (date === undefined) problems.date = ns.badDate;
  if (time === undefined) problems.time = ns.badTime;
  if (present === undefined) problems.present = ns.badPresent(members);
  if (date === undefined || time === undefined || present === undefined) return { patch: null, problems };
  return {
    patch: { date, time, place: d.place.trim(), chair: d.chair.trim(), secretary: d.secretary.trim(), present, absent: d.absent,
      submissionNumber: d.submissionNumber.trim(),
      addressee: d.addressee.trim(),
      recipients: d.recipients
        .split(/[;\n]/)
        .map((r) => r.trim())
        .filter(Boolean),
    },
    problems,
  };
}

export interface MeetingFormProps {
  meeting: MeetingRecord;
  units: string[];
  disabled: boolean;
  saving: boolean;
  onSave: (patch: MeetingPatch) => void;
  onInvalid: () => void;
}

/** The review meeting's own record: when, where, who chaired, who took the minutes, who came, the submission number. */
export function MeetingForm({ meeting, units, disabled, saving, onSave, onInvalid }: MeetingFormProps) {
  const { lang } = useLang();
  const s = useStyles();
  const ns = NOMINATION_STRINGS[lang];
  const [d, setD] = useState<MeetingDraft>(() => draftOf(meeting));
  const [tried, setTried] = useState(false);
  const set = (patch: Partial<MeetingDraft>) => setD({ ...d, ...patch });
  const { problems } = check(d, units.length, ns);
  const shown = tried ? problems : {};
  const save = () => {
    const out = check(d, units.length, ns);
    setTried(true);
    if (out.patch) onSave(out.patch);
    else onInvalid();
  };
  const text = (key: "place" | "chair" | "secretary" | "submissionNumber" | "addressee", label: string, testId: string, placeholder?: string) => (
    <Field label={label} className={s.grow}>
      <Input value={d[key]} placeholder={placeholder} onChange={(_, v) => set({ [key]: v.value })} disabled={disabled} data-testid={testId} />
    </Field>
  );
  return (
    <div className={s.form}>
      <div className={s.row}>
        <Field label={ns.date} className={s.grow} validationMessage={shown.date}>
          <Input value={d.date} placeholder="05/12/2026" onChange={(_, v) => set({ date: v.value })} disabled={disabled} data-testid={NOMINATION_TID.mDate} />
        </Field>
        <Field label={ns.time} className={s.grow} validationMessage={shown.time}>
          <Input value={d.time} placeholder="14:00" onChange={(_, v) => set({ time: v.value })} disabled={disabled} data-testid={NOMINATION_TID.mTime} />
        </Field>
      </div>
      <div className={s.row}>{text("place", ns.place, NOMINATION_TID.mPlace)}</div>
      <div className={s.row}>
        {text("chair", ns.chair, NOMINATION_TID.mChair)}
        {text("secretary", ns.secretary, NOMINATION_TID.mSecretary)}
      </div>
      <div className={s.row}>
        <Field label={ns.present} className={s.grow} validationMessage={shown.present} hint={shown.present ? undefined : ns.presentHint(units.length)}>
          <Input value={d.present} inputMode="numeric" onChange={(_, v) => set({ present: v.value })} disabled={disabled} data-testid={NOMINATION_TID.mPresent} />
        </Field>
        {text("submissionNumber", ns.number, NOMINATION_TID.mNumber, ns.numberPlaceholder)}
      </div>
      <div className={s.row}>{text("addressee", ns.addressee, NOMINATION_TID.mAddressee, ns.addresseePlaceholder)}</div>
      <div className={s.row}>
        <Field label={ns.recipients} hint={ns.recipientsHint} className={s.grow}>
          <Textarea value={d.recipients} rows={3} onChange={(_, v) => set({ recipients: v.value })} disabled={disabled} data-testid={NOMINATION_TID.mRecipients} />
        </Field>
      </div>
      <details>
        <summary className={s.summary}>{ns.absent(d.absent.length)}</summary>
        <div className={s.absent}>
          {units.map((u, i) => (
            <Checkbox
              key={u}
              label={u}
              checked={d.absent.includes(u)}
              disabled={disabled}
              onChange={(_, v) => set({ absent: v.checked === true ? [...units.filter((x) => x === u || d.absent.includes(x)), ...d.absent.filter((x) => !units.includes(x))] : d.absent.filter((x) => x !== u) })}
              data-testid={NOMINATION_TID.mAbsent(i)}
            />
          ))}
        </div>
      </details>
      <div className={s.row}>
        <Button disabled={disabled} onClick={save} data-testid={NOMINATION_TID.mSave}>
          {saving ? ns.savingMeeting : ns.saveMeeting}
        </Button>
      </div>
    </div>
  );
}
