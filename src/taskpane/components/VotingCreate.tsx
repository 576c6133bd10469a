import { Button, Caption1, Checkbox, Field, Input, makeStyles, Radio, RadioGroup, Select, Subtitle2, tokens } from "@fluentui/react-components";
import { useEffect, useMemo, useState } from "react";
import { newVoteRecord, type VotePurposeKind, type VotingContext } from "../../app/voting";
import { raiseAt } from "../../domain/codes";
import type { Issue } from "../../domain/issues";
import { cleanText } from "../../domain/text";
import {
  checkRuleChosen,
  CUSTOM_RULE,
  DENOMINATORS,
  maxChoices,
  RULE_PRESET_KEYS,
  RULE_PRESETS,
  ruleSourceText,
  ruleText,
  tieRuleText,
  VoteSchema,
  type BallotKind,
  type Comparison,
  type Denominator,
  type Rule,
  type RulePresetKey,
  type TieStep,
  type VoteDraft,
} from "../../domain/voting/model";
import { nextVoteId, type VoteRecordDraft } from "../../domain/voting/record";
import { VOTING_STRINGS, type VotingStrings } from "../votingStrings";
import { NumberInput, VOTING_TID } from "./VotingShared";
import { useLang } from "../lang";
import type { Lang } from "../strings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "8px" },
  row: { display: "grid", gridTemplateColumns: "1fr 1fr", gap: "8px" },
  three: { display: "grid", gridTemplateColumns: "1fr 1fr 1fr", gap: "6px" },
  list: {
    display: "flex",
    flexDirection: "column",
    maxHeight: "220px",
    overflowY: "auto",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: "2px 4px",
  },
  words: { padding: "6px 8px", borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground2 },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** The rule picked in the form: a preset, the bloc's own, or nothing yet (no rule is preselected: DOMAIN §3). */
type RuleChoice = RulePresetKey | "custom" | "";
type TieCode = "higherScore" | "revote" | "meetingDecides" | "lot";
const TIE_CODES: TieCode[] = ["higherScore", "revote", "meetingDecides", "lot"];
/** The vote sheet holds four tie steps and four committee members. */
const MAX_TIE = 4;
const MAX_COMMITTEE = 4;

const codeOf = (s: TieStep): TieCode => (typeof s === "string" ? s : "lot");
const cloneRule = (r: Rule): Rule => ({ ...r, quorum: r.quorum ? { ...r.quorum } : null });

/** Which part of the vote a schema path is about, in the form's words. */
function fieldLabel(path: string, vs: VotingStrings): string {
  const table: [string, string][] = [
    ["purpose", vs.award],
    ["title", vs.title],
    ["candidates", vs.candidates],
    ["ballot", vs.quota],
    ["rule.quorum", vs.quorumPercent],
    ["rule.percent", vs.percent],
    ["ruleSource", vs.ruleSource],
    ["rule", vs.rulePreset],
    ["toElect", vs.toElect],
    ["tieRule", vs.seed],
    ["committee", vs.committeeHead],
    ["attendance.members", vs.members],
    ["attendance.present", vs.present],
  ];
  return table.find(([p]) => path.startsWith(p))?.[1] ?? path;
}

/**
 * The form's own checks (a rule chosen, the shape of the data); the rest is createVote's. A field is
 * named by its label in the pane's language `lang` (the message's parameter).
 */
export function formIssues(record: VoteRecordDraft, lang: Lang = "vi"): Issue[] {
  const chosen = checkRuleChosen(record.vote);
  if (chosen.length) return chosen.map(({ ref: _ref, ...i }) => i);
  const out: Issue[] = [];
  const parsed = VoteSchema.safeParse(record.vote);
  if (!parsed.success) {
    const seen = new Set<string>();
    for (const e of parsed.error.issues) {
      const path = e.path.join(".");
      const label = fieldLabel(path, VOTING_STRINGS[lang]);
      if (seen.has(label)) continue;
      seen.add(label);
      out.push(raiseAt("vote.form.value", { field: label }, path));
    }
  }
  if (record.issued !== null && !(Number.isInteger(record.issued) && record.issued >= 0)) {
    out.push(raiseAt("vote.form.value", { field: VOTING_STRINGS[lang].issued }, "issued"));
  }
  return out;
}

export interface VotingCreateProps {
  context: VotingContext;
  disabled: boolean;
  /** The create action is the one running. */
  creating: boolean;
  onCreate: (record: VoteRecordDraft) => void;
}

/** The new-vote form, seeded by the app's defaults for the purpose; every field editable, the rule shown in words as it changes. */
export function VotingCreate({ context, disabled, creating, onCreate }: VotingCreateProps) {
  const { lang } = useLang();
  const s = useStyles();
  const vs = VOTING_STRINGS[lang];
  const members = context.bloc?.members.map((m) => m.name) ?? [];
  const [kind, setKind] = useState<VotePurposeKind>("award");
  const [award, setAward] = useState("Cờ thi đua của UBND tỉnh");
  const [record, setRecord] = useState<VoteRecordDraft>(() => newVoteRecord(context, "award", "Cờ thi đua của UBND tỉnh"));
  const [choice, setChoice] = useState<RuleChoice>("");
  const [titleEdited, setTitleEdited] = useState(false);
  const [seed, setSeed] = useState("");
  // The members as the previous vote named them (newVoteRecord carries its committee), then blanks.
  const [committee, setCommittee] = useState<string[]>(() => Array.from({ length: MAX_COMMITTEE }, (_, k) => record.vote.committee.members[k] ?? ""));
  const vote = record.vote;

  // A refreshed workbook may have taken the id: keep it the next free one.
  const ids = context.records.map((r) => r.id).join(",");
  useEffect(() => setRecord((r) => ({ ...r, id: nextVoteId(context.records.map((x) => x.id)) })), [ids]);

  const reseed = (k: VotePurposeKind, a: string) => {
    const fresh = newVoteRecord(context, k, cleanText(a) || "Cờ thi đua của UBND tỉnh");
    // Another purpose keeps the committee as typed.
    setRecord((r) => ({ ...fresh, vote: { ...fresh.vote, committee: r.vote.committee } }));
    setChoice("");
    setTitleEdited(false);
  };
  const setVote = (patch: Partial<VoteDraft>) => setRecord((r) => ({ ...r, vote: { ...r.vote, ...patch } }));
  /** Picks a preset (its rule and source) or the bloc's own rule (from the current numbers, the percentage left to type). */
  const pickRule = (c: RuleChoice) => {
    setChoice(c);
    if (c === "") setVote({ rule: null, ruleSource: "" });
    else if (c === "custom") setVote({ rule: vote.rule ? cloneRule(vote.rule) : { percent: NaN, comparison: ">=", denominator: "members", quorum: null }, ruleSource: CUSTOM_RULE.source.vi });
    else setVote({ rule: cloneRule(RULE_PRESETS[c].rule), ruleSource: RULE_PRESETS[c].source.vi });
  };
  /** Editing a preset's numbers makes it the bloc's own rule: its source is no longer the preset's. */
  const setRule = (patch: Partial<Rule>) => {
    if (!vote.rule) return;
    const custom = choice !== "custom";
    if (custom) setChoice("custom");
    setRecord((r) => ({ ...r, vote: { ...r.vote, rule: r.vote.rule && { ...r.vote.rule, ...patch }, ...(custom ? { ruleSource: CUSTOM_RULE.source.vi } : {}) } }));
  };

  const codes = vote.tieRule.map(codeOf);
  const setTie = (k: number, code: TieCode | "") => {
    const next = code === "" ? codes.slice(0, k) : [...codes.slice(0, k), code, ...codes.slice(k + 1)];
    setVote({ tieRule: next.map((c) => (c === "lot" ? { lot: { seed } } : c)) });
  };
  const max = maxChoices(vote.ballot);
  const setBallot = (k: BallotKind["kind"], n = max) => setVote({ ballot: k === "approve" ? { kind: "approve", quota: n } : k === "chooseUpTo" ? { kind: "chooseUpTo", n } : { kind: "chooseOne" } });

  /** The record as it will be written: the committee and seed folded in. */
  const final = useMemo<VoteRecordDraft>(() => {
    const tieRule = vote.tieRule.map((st) => (typeof st === "string" ? st : { lot: { seed: cleanText(seed) } }));
    const purpose = vote.purpose.kind === "award" ? { kind: "award" as const, award: cleanText(award) } : vote.purpose;
    return {
      ...record,
      vote: {
        ...vote,
        purpose,
        title: cleanText(vote.title),
        ruleSource: cleanText(vote.ruleSource ?? ""),
        tieRule,
        committee: { head: cleanText(vote.committee.head), members: committee.map(cleanText).filter(Boolean) },
      },
    };
  }, [record, seed, committee, award]);
  const words = useMemo(() => {
    const rule = final.vote.rule;
    try {
      return {
        rule: rule ? `${ruleText({ ...final.vote, rule })[lang]} ${ruleSourceText(final.vote)[lang]}` : vs.ruleNotChosen,
        tie: tieRuleText(final.vote)[lang],
      };
    } catch {
      return { rule: "", tie: "" };
    }
  }, [final, lang]);

  const toggle = (name: string, on: boolean) => setVote({ candidates: on ? [...vote.candidates, name] : vote.candidates.filter((c) => c !== name) });
  const tieRows = Math.min(MAX_TIE, codes.length + 1);

  return (
    <section className={s.root} data-testid={VOTING_TID.form} aria-label={vs.newVote}>
      <Caption1 className={s.muted}>{vs.voteId(record.id)}</Caption1>
      <Field label={vs.purpose}>
        <RadioGroup
          value={kind}
          onChange={(_, d) => {
            const k = d.value as VotePurposeKind;
            setKind(k);
            reseed(k, award);
          }}
        >
          <Radio value="award" label={vs.purposeAward} data-testid={VOTING_TID.purpose("award")} />
          <Radio value="leader" label={vs.purposeLeader} data-testid={VOTING_TID.purpose("leader")} />
          <Radio value="deputy" label={vs.purposeDeputy} data-testid={VOTING_TID.purpose("deputy")} />
        </RadioGroup>
      </Field>
      {kind === "award" && (
        <Field label={vs.award}>
          <Input
            value={award}
            data-testid={VOTING_TID.award}
            onChange={(_, d) => {
              setAward(d.value);
              if (!titleEdited) setVote({ title: newVoteRecord(context, "award", cleanText(d.value) || "…").vote.title });
            }}
          />
        </Field>
      )}
      <Field label={vs.title}>
        <Input
          value={vote.title}
          data-testid={VOTING_TID.title}
          onChange={(_, d) => {
            setTitleEdited(true);
            setVote({ title: d.value });
          }}
        />
      </Field>

      <Field label={`${vs.candidates} (${vs.candidatesCount(vote.candidates.length, members.length)})`}>
        <div className={s.list}>
          {members.map((m, i) => (
            <Checkbox key={m} label={m} checked={vote.candidates.includes(m)} onChange={(_, d) => toggle(m, d.checked === true)} data-testid={VOTING_TID.candidate(i)} />
          ))}
        </div>
      </Field>

      <div className={s.row}>
        <Field label={vs.ballotKind}>
          <Select value={vote.ballot.kind} onChange={(_, d) => setBallot(d.value as BallotKind["kind"])} data-testid={VOTING_TID.ballotKind}>
            <option value="approve">{vs.ballotApprove}</option>
            <option value="chooseUpTo">{vs.ballotChooseUpTo}</option>
            <option value="chooseOne">{vs.ballotChooseOne}</option>
          </Select>
        </Field>
        <Field label={vs.quota}>
          <NumberInput value={max} disabled={vote.ballot.kind === "chooseOne"} onValue={(n) => setBallot(vote.ballot.kind, n ?? NaN)} data-testid={VOTING_TID.quota} />
        </Field>
      </div>
      <div className={s.row}>
        <Field label={vs.toElect}>
          <NumberInput value={vote.toElect} onValue={(n) => setVote({ toElect: n ?? NaN })} data-testid={VOTING_TID.toElect} />
        </Field>
        <Field label={vs.blank}>
          <Select value={vote.invalid.noneMarked} onChange={(_, d) => setVote({ invalid: { overQuota: "invalid", noneMarked: d.value as "valid" | "invalid" } })} data-testid={VOTING_TID.blank}>
            <option value="valid">{vs.blankValid}</option>
            <option value="invalid">{vs.blankInvalid}</option>
          </Select>
        </Field>
      </div>

      <Subtitle2>{vs.ruleInWords}</Subtitle2>
      <Field label={vs.rulePreset} required>
        <Select value={choice} onChange={(_, d) => pickRule(d.value as RuleChoice)} data-testid={VOTING_TID.preset}>
          <option value="">{vs.rulePick}</option>
          {RULE_PRESET_KEYS.map((k) => (
            <option key={k} value={k}>
              {RULE_PRESETS[k].label[lang]}
            </option>
          ))}
          <option value="custom">{CUSTOM_RULE.label[lang]}</option>
        </Select>
      </Field>
      {vote.rule && (
        <>
          <div className={s.three}>
            <Field label={vs.percent}>
              <NumberInput value={vote.rule.percent} onValue={(n) => setRule({ percent: n ?? NaN })} data-testid={VOTING_TID.percent} />
            </Field>
            <Field label={vs.comparison}>
              <Select value={vote.rule.comparison} onChange={(_, d) => setRule({ comparison: d.value as Comparison })} data-testid={VOTING_TID.comparison}>
                <option value=">=">{vs.atLeast}</option>
                <option value=">">{vs.moreThan}</option>
              </Select>
            </Field>
            <Field label={vs.denominator}>
              <Select value={vote.rule.denominator} onChange={(_, d) => setRule({ denominator: d.value as Denominator })} data-testid={VOTING_TID.denominator}>
                {DENOMINATORS.map((d) => (
                  <option key={d} value={d}>
                    {vs.denominators[d]}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
          <Checkbox
            label={vs.quorum}
            checked={vote.rule.quorum !== null}
            onChange={(_, d) => setRule({ quorum: d.checked ? { percent: 66.67, comparison: ">=", of: "members" } : null })}
            data-testid={VOTING_TID.quorum}
          />
          {vote.rule.quorum && (
            <div className={s.row}>
              <Field label={vs.quorumPercent}>
                <NumberInput value={vote.rule.quorum.percent} onValue={(n) => vote.rule?.quorum && setRule({ quorum: { ...vote.rule.quorum, percent: n ?? NaN } })} data-testid={VOTING_TID.quorumPercent} />
              </Field>
              <Field label={vs.comparison}>
                <Select value={vote.rule.quorum.comparison} onChange={(_, d) => vote.rule?.quorum && setRule({ quorum: { ...vote.rule.quorum, comparison: d.value as Comparison } })}>
                  <option value=">=">{vs.atLeast}</option>
                  <option value=">">{vs.moreThan}</option>
                </Select>
              </Field>
            </div>
          )}
          <Field label={vs.ruleSource} hint={vs.ruleSourceHint}>
            <Input value={vote.ruleSource ?? ""} onChange={(_, d) => setVote({ ruleSource: d.value })} data-testid={VOTING_TID.ruleSource} />
          </Field>
        </>
      )}

      <Field label={vs.tieSteps}>
        <div className={s.root}>
          {Array.from({ length: tieRows }, (_, k) => (
            <Select key={k} aria-label={vs.tieStep(k + 1)} value={codes[k] ?? ""} onChange={(_, d) => setTie(k, d.value as TieCode | "")} data-testid={VOTING_TID.tie(k)}>
              <option value="">{`${vs.tieStep(k + 1)}: ${vs.tieNone}`}</option>
              {TIE_CODES.map((c) => (
                <option key={c} value={c}>
                  {`${vs.tieStep(k + 1)}: ${{ higherScore: vs.tieHigherScore, revote: vs.tieRevote, meetingDecides: vs.tieMeeting, lot: vs.tieLot }[c]}`}
                </option>
              ))}
            </Select>
          ))}
        </div>
      </Field>
      <Checkbox label={vs.writtenRule} checked={vote.writtenOpinions === true} onChange={(_, d) => setVote({ writtenOpinions: d.checked === true })} data-testid={VOTING_TID.writtenRule} />
      <Checkbox label={vs.runoffRule} checked={vote.runoff === true} onChange={(_, d) => setVote({ runoff: d.checked === true })} data-testid={VOTING_TID.runoffRule} />
      {codes.includes("lot") && (
        <Field label={vs.seed} required>
          <Input value={seed} onChange={(_, d) => setSeed(d.value)} data-testid={VOTING_TID.seed} />
        </Field>
      )}
      <div className={s.words} data-testid={VOTING_TID.ruleText} aria-live="polite">
        <Caption1 block>{words.rule}</Caption1>
        <Caption1 block>{words.tie}</Caption1>
      </div>

      <Field label={vs.committeeHead}>
        <Input value={vote.committee.head} onChange={(_, d) => setVote({ committee: { ...vote.committee, head: d.value } })} data-testid={VOTING_TID.head} />
      </Field>
      <div className={s.row}>
        {committee.map((m, k) => (
          <Input
            key={k}
            aria-label={vs.committeeMember(k + 1)}
            placeholder={vs.committeeMember(k + 1)}
            value={m}
            onChange={(_, d) => setCommittee(committee.map((x, j) => (j === k ? d.value : x)))}
            data-testid={VOTING_TID.member(k)}
          />
        ))}
      </div>
      <div className={s.three}>
        <Field label={vs.members}>
          <NumberInput value={vote.attendance.members} onValue={(n) => setVote({ attendance: { ...vote.attendance, members: n ?? NaN } })} data-testid={VOTING_TID.members} />
        </Field>
        <Field label={vs.present}>
          <NumberInput value={vote.attendance.present} onValue={(n) => setVote({ attendance: { ...vote.attendance, present: n ?? NaN } })} data-testid={VOTING_TID.present} />
        </Field>
        <Field label={vs.issued}>
          <NumberInput value={record.issued} onValue={(n) => setRecord((r) => ({ ...r, issued: n }))} data-testid={VOTING_TID.issued} />
        </Field>
      </div>
      <Field label={vs.entry}>
        <RadioGroup value={record.entry} onChange={(_, d) => setRecord((r) => ({ ...r, entry: d.value as VoteRecordDraft["entry"] }))}>
          <Radio value="ballots" label={vs.entryBallots} data-testid={VOTING_TID.entry("ballots")} />
          <Radio value="handCount" label={vs.entryHand} data-testid={VOTING_TID.entry("handCount")} />
        </RadioGroup>
      </Field>
      <Checkbox
        label={vs.doubleEntry}
        checked={record.entry === "ballots" && record.doubleEntry}
        disabled={record.entry !== "ballots"}
        onChange={(_, d) => setRecord((r) => ({ ...r, doubleEntry: d.checked === true }))}
        data-testid={VOTING_TID.doubleEntry}
      />
      <div>
        <Button appearance="primary" disabled={disabled} onClick={() => onCreate({ ...final, doubleEntry: final.entry === "ballots" && final.doubleEntry })} data-testid={VOTING_TID.create}>
          {creating ? vs.creating : vs.create}
        </Button>
      </div>
    </section>
  );
}
