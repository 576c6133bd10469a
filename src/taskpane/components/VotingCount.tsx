import {
  Badge,
  Button,
  Caption1,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import type { CountResult } from "../../app/voting";
import type { VoteRecord } from "../../domain/voting/record";
import { blockingIssues } from "../../domain/voting/stage";
import type { CandidateResult, TieStepRecord } from "../../domain/voting/tally";
import type { Lang } from "../strings";
import { VOTING_STRINGS, type VotingStrings } from "../votingStrings";
import { pct, VOTING_TID } from "./VotingShared";
import { useLang } from "../lang";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "8px" },
  totals: { display: "grid", gridTemplateColumns: "repeat(4, 1fr)", gap: "4px", textAlign: "center" },
  total: { display: "flex", flexDirection: "column", padding: "4px", borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground2 },
  big: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  box: { display: "flex", flexDirection: "column", gap: "4px", padding: "6px 8px", borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground2 },
  actions: { display: "flex", gap: "8px", flexWrap: "wrap" },
  num: { textAlign: "right" },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** A count may be shown once it has no errors but the meeting's own (a choice not yet valid). */
export const blocking = blockingIssues;

export type DecisionPatch = Partial<Pick<VoteRecord, "decision" | "meeting">>;

export interface VotingCountProps {
  count: CountResult;
  disabled: boolean;
  onDecide: (patch: DecisionPatch) => void;
}

function outcomeOf(c: CandidateResult, count: CountResult, vs: VotingStrings): { text: string; color: "success" | "warning" | "informative" | "subtle" } {
  if (c.outcome === "meetingDecides") {
    if (count.elected.includes(c.name)) return { text: vs.byMeeting, color: "success" };
    return count.final ? { text: vs.outcomes.notElected, color: "subtle" } : { text: vs.outcomes.meetingDecides, color: "warning" };
  }
  if (c.outcome === "elected") return { text: vs.outcomes.elected + (c.settledBy ? vs.bySettled[c.settledBy] : ""), color: "success" };
  if (c.outcome === "revote" || c.outcome === "runoff") return { text: vs.outcomes[c.outcome], color: "warning" };
  return { text: vs.outcomes[c.outcome], color: c.outcome === "notElected" ? "informative" : "subtle" };
}

function stepText(st: TieStepRecord, vs: VotingStrings, lang: Lang): string {
  switch (st.step) {
    case "higherScore":
      return st.applied
        ? vs.tieScores(
            Object.entries(st.scores)
              .map(([n, v]) => `${n} ${pct(v, lang)}`)
              .join(", "),
            st.elected,
          )
        : vs.tieNoScores(st.missing);
    case "lot":
      return vs.tieLotLine(st.seed, st.elected);
    case "revote":
      return vs.tieRevoteLine(st.candidates, st.seats);
    case "meetingDecides":
      return vs.tieMeetingLine(st.candidates, st.seats);
  }
}

/** A count: the ballot totals, the results, the tie and how it was settled, and the decisions it still needs. */
export function VotingCount({ count, disabled, onDecide }: VotingCountProps) {
  const { lang } = useLang();
  const s = useStyles();
  const vs = VOTING_STRINGS[lang];
  const { result, record } = count;
  const { totals } = result;
  const [accepting, setAccepting] = useState<1 | 2 | null>(null);
  const [by, setBy] = useState(record.vote.committee.head);
  const [tried, setTried] = useState(false);
  const [picked, setPicked] = useState<string[]>([]);
  const [note, setNote] = useState("");
  const shown = blocking(count.issues).length === 0;
  const undecided = count.differences.length > 0 && !record.decision;
  const meeting = !count.final && shown ? result.conclusion.meetingDecides : null;

  const accept = () => {
    setTried(true);
    if (!by.trim() || !accepting) return;
    onDecide({ decision: { accept: accepting === 1 ? "first" : "second", by: by.trim() } });
    setAccepting(null);
  };

  return (
    <div className={s.root}>
      <section aria-label={vs.totals} data-testid={VOTING_TID.totals}>
        <div className={s.totals}>
          {(
            [
              [vs.totalIssued, totals.issued],
              [vs.totalReturned, totals.returned],
              [vs.totalValid, totals.valid],
              [vs.totalInvalid, totals.invalid],
            ] as const
          ).map(([label, n]) => (
            <div key={label} className={s.total}>
              <span className={s.big}>{n}</span>
              <Caption1>{label}</Caption1>
            </div>
          ))}
        </div>
        <Caption1 className={s.muted}>{vs.attendance(totals.present, totals.members, totals.presentPercent, totals.quorumMet)}</Caption1>
        {totals.written > 0 && (
          <Caption1 block data-testid={VOTING_TID.written}>
            {vs.writtenCount(totals.written)}
          </Caption1>
        )}
      </section>
      {count.entryStatement && <Caption1>{count.entryStatement[lang]}</Caption1>}
      <Caption1 data-testid={VOTING_TID.fingerprint} title={count.fingerprint}>
        {VOTING_STRINGS[lang].fingerprint}
        <code>{count.fingerprint.slice(0, 16)}…</code>
      </Caption1>
      {undecided && (
        <div className={s.box}>
          <Caption1>{vs.entriesDiffer(count.differences.length)}</Caption1>
          <div className={s.actions}>
            {([1, 2] as const).map((k) => (
              <Button
                key={k}
                size="small"
                disabled={disabled}
                onClick={() => {
                  setTried(false);
                  setAccepting(k);
                }}
                data-testid={VOTING_TID.accept(k)}
              >
                {vs.accept(k)}
              </Button>
            ))}
          </div>
        </div>
      )}
      {shown ? (
        <section aria-label={vs.resultsTitle} data-testid={VOTING_TID.results}>
          <Subtitle2>{vs.resultsTitle}</Subtitle2>
          <Table size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{vs.unit}</TableHeaderCell>
                <TableHeaderCell className={s.num}>{vs.votes}</TableHeaderCell>
                <TableHeaderCell className={s.num}>{vs.pct}</TableHeaderCell>
                <TableHeaderCell>{vs.outcome}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {result.candidates.map((c) => {
                const o = outcomeOf(c, count, vs);
                return (
                  <TableRow key={c.name}>
                    <TableCell>{c.name}</TableCell>
                    <TableCell className={s.num}>{c.votes}</TableCell>
                    <TableCell className={s.num}>{pct(c.percent, lang)}</TableCell>
                    <TableCell>
                      <Badge appearance="tint" color={o.color} size="small">
                        {o.text}
                      </Badge>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
          <Caption1 block data-testid={VOTING_TID.electedLine}>
            {vs.electedLine(count.elected, count.final)}
          </Caption1>
        </section>
      ) : (
        <Caption1 className={s.muted}>{vs.notConcluded}</Caption1>
      )}
      {shown && result.tie && (
        <section className={s.box} aria-label={vs.tieTitle} data-testid={VOTING_TID.tieBox}>
          <Subtitle2>{vs.tieTitle}</Subtitle2>
          <Caption1>{vs.tieLine(result.tie.candidates, result.tie.votes, result.tie.seats)}</Caption1>
          {result.tie.steps.map((st, k) => (
            <Caption1 key={k} block>
              {`(${k + 1}) ${stepText(st, vs, lang)}`}
            </Caption1>
          ))}
          {meeting && (
            <Field label={vs.meetingTitle(meeting.seats)} validationState={picked.length === meeting.seats ? "none" : "warning"} validationMessage={vs.meetingPick(meeting.seats, picked.length)}>
              <div className={s.root}>
                {meeting.candidates.map((c, i) => (
                  <Checkbox
                    key={c}
                    label={c}
                    checked={picked.includes(c)}
                    onChange={(_, d) => setPicked(d.checked ? [...picked, c] : picked.filter((x) => x !== c))}
                    data-testid={VOTING_TID.meetingPick(i)}
                  />
                ))}
                <Input aria-label={vs.meetingNote} placeholder={vs.meetingNote} value={note} onChange={(_, d) => setNote(d.value)} data-testid={VOTING_TID.meetingNote} />
                <div>
                  <Button
                    size="small"
                    appearance="primary"
                    disabled={disabled || picked.length !== meeting.seats}
                    onClick={() => onDecide({ meeting: { elected: meeting.candidates.filter((c) => picked.includes(c)), note: note.trim() } })}
                    data-testid={VOTING_TID.meetingSave}
                  >
                    {vs.meetingSave}
                  </Button>
                </div>
              </div>
            </Field>
          )}
        </section>
      )}
      <Dialog open={accepting !== null} onOpenChange={(_, d) => !d.open && setAccepting(null)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{accepting ? vs.acceptTitle(accepting) : ""}</DialogTitle>
            <DialogContent>
              <Caption1 block>{vs.acceptHelp}</Caption1>
              <Field label={vs.decidedBy} required validationState={tried && !by.trim() ? "error" : "none"} validationMessage={tried && !by.trim() ? vs.needName : undefined}>
                <Input value={by} onChange={(_, d) => setBy(d.value)} data-testid={VOTING_TID.decidedBy} />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button onClick={() => setAccepting(null)}>{vs.cancel}</Button>
              <Button appearance="primary" onClick={accept} data-testid={VOTING_TID.decisionGo}>
                {vs.confirm}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
