import { Badge, Button, Caption1, Divider, Field, Input, makeStyles, MessageBar, MessageBarBody, Radio, RadioGroup, Spinner, Subtitle2, ToggleButton, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { ExcelHost } from "../../app/office";
import {
  countVote,
  countVotes,
  createVote,
  electLeadership,
  loadVoting,
  recordDecision,
  startRevote,
  startRunoff,
  voteSheets,
  writeMinutes,
  type CountResult,
  type LeadershipChoice,
  type VotingContext,
} from "../../app/voting";
import type { Issue, Where } from "../../domain/issues";
import { voteLife, type VoteStatus } from "../../domain/voting/lifecycle";
import type { VoteRecordDraft } from "../../domain/voting/record";
import { VOTING_STRINGS, type VotingStrings } from "../votingStrings";
import { formIssues, VotingCreate } from "./VotingCreate";
import { VotingCount, type DecisionPatch } from "./VotingCount";
import { VotingImport } from "./VotingImport";
import { VotingLeader } from "./VotingLeader";
import { VotingPrint } from "./VotingPrint";
import { VOTING_TID, VotingStatus, type Report, type Section } from "./VotingShared";
import { useLang } from "../lang";
import { useSectionActions } from "./actions";
import { NextStep } from "./NextStep";

export { VOTING_TID } from "./VotingShared";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "10px" },
  head: { display: "flex", justifyContent: "space-between", alignItems: "center", gap: "8px" },
  actions: { display: "flex", gap: "8px", flexWrap: "wrap", alignItems: "flex-end" },
  selected: { display: "flex", flexDirection: "column", gap: "8px", padding: "8px", borderRadius: tokens.borderRadiusMedium, border: `1px solid ${tokens.colorNeutralStroke2}` },
  voteLabel: { display: "inline-flex", flexWrap: "wrap", gap: "4px", alignItems: "center" },
  muted: { color: tokens.colorNeutralForeground3 },
  grow: { flexGrow: 1, minWidth: "120px" },
});

type Busy = "load" | "create" | "count" | "decide" | "revote" | "minutes" | "elect" | "import" | "print" | null;

export interface VotingStepProps {
  host: ExcelHost;
  onSelect: (where: Where) => void;
}

/** How the list shows each status the domain gives (domain/voting/lifecycle.ts): the pane displays it, never works it out. */
const STATUS_LOOK: Record<VoteStatus, { key: keyof VotingStrings; color: "success" | "warning" | "danger" | "informative" }> = {
  new: { key: "statusNew", color: "informative" },
  decided: { key: "statusDecided", color: "informative" },
  errors: { key: "statusErrors", color: "danger" },
  revote: { key: "statusRevote", color: "warning" },
  runoff: { key: "statusRunoff", color: "warning" },
  meeting: { key: "statusMeeting", color: "warning" },
  final: { key: "statusFinal", color: "success" },
};

const tally = (issues: Issue[]) => {
  const e = issues.filter((i) => i.severity === "error").length;
  return { e, w: issues.length - e };
};

/** The ballots step: create a vote, count it, settle what the count leaves open, write the minutes, choose next year's leader. */
export function VotingStep({ host, onSelect }: VotingStepProps) {
  const { lang, t } = useLang();
  const s = useStyles();
  const vs = VOTING_STRINGS[lang];
  const [ctx, setCtx] = useState<VotingContext | null>(null);
  const { busy, setBusy, report, setReport, run, refused: said } = useSectionActions<Exclude<Busy, null>, Section>("load");
  const [selected, setSelected] = useState<string | null>(null);
  const [counts, setCounts] = useState<Record<string, CountResult>>({});
  const [formOpen, setFormOpen] = useState(false);
  const [place, setPlace] = useState<string | null>(null);
  /** The next round's attendance as typed (members may leave between rounds); "" = as this round. */
  const [nextPresent, setNextPresent] = useState("");

  const refused = (section: Section, issues: Issue[]): Report => said(section, issues[0]?.message[lang] ?? t.unexpected, issues);


  /** Reads the votes again; keeps the selection when it still exists. */
  const reload = async (select?: string): Promise<VotingContext | null> => {
    const out = await loadVoting(host);
    if (!out.ok) {
      setReport(refused("votes", out.issues));
      return null;
    }
    const c = out.context;
    setCtx(c);
    const ids = c.records.map((r) => r.id);
    setSelected((cur) => (select && ids.includes(select) ? select : cur && ids.includes(cur) ? cur : (ids[ids.length - 1] ?? null)));
    // Every vote's count, from its entry sheets (one more read): the list's stages and results are the
    // workbook's, the same after a reload, a language switch or on another machine (issue #14 item 1).
    if (ids.length) {
      const all = await countVotes(host, ids);
      if (all.ok) setCounts(Object.fromEntries(all.counts.flatMap((o) => (o.kind === "counted" && o.count.ballots > 0 ? [[o.count.record.id, o.count] as const] : []))));
    } else setCounts({});
    return c;
  };

  useEffect(() => {
    void run("load", "votes", async () => {
      const c = await reload();
      if (c && c.records.length === 0) setFormOpen(true);
      return c && c.recordIssues.length ? { section: "votes", intent: "warning", text: c.recordIssues[0].message[lang], issues: c.recordIssues } : null;
    });
    // Read once when the step opens; later reads are the user's choice (Refresh).
  }, [host]);

  const refresh = () =>
    run("load", "votes", async () => {
      const c = await reload();
      if (!c) return null;
      return { section: "votes", intent: c.recordIssues.length ? "warning" : "info", text: vs.loaded(c.records.length), issues: c.recordIssues };
    });

  const create = (record: VoteRecordDraft) =>
    run("create", "create", async () => {
      const local = formIssues(record, lang);
      if (local.length) return { section: "create", intent: "error", text: vs.refused, issues: local };
      const out = await createVote(host, record);
      if (out.kind !== "written") return { section: "create", intent: "error", text: vs.refused, issues: out.issues };
      const id = out.id ?? record.id;
      await reload(id);
      setFormOpen(false);
      return { section: "votes", intent: "success", text: vs.created(id, out.sheets), issues: out.issues };
    });

  /** Counts `id` and keeps the count for the list and the results. */
  const doCount = async (id: string, prefix = ""): Promise<Report> => {
    const out = await countVote(host, id);
    if (out.kind !== "counted") return refused("votes", out.issues);
    setCounts((c) => ({ ...c, [id]: out.count }));
    setCtx(out.context);
    const { e, w } = tally(out.count.issues);
    return { section: "votes", intent: e ? "error" : w ? "warning" : "success", text: `${prefix}${vs.counted(e, w)}`, issues: out.count.issues };
  };

  const decide = (id: string, patch: DecisionPatch) =>
    run("decide", "votes", async () => {
      const out = await recordDecision(host, id, patch);
      if (out.kind !== "written") return refused("votes", out.issues);
      return doCount(id, `${vs.decisionSaved} `);
    });

  /** The next round's own attendance, when typed: those present, and as many ballots issued. */
  const nextRound = () => (/^\d+$/.test(nextPresent.trim()) ? { round: { present: Number(nextPresent.trim()) } } : {});

  const revote = (id: string) =>
    run("revote", "votes", async () => {
      const out = await startRevote(host, id, nextRound());
      if (out.kind !== "written") return refused("votes", out.issues);
      await reload(out.id);
      return { section: "votes", intent: "success", text: vs.revoted(out.id ?? ""), issues: out.issues };
    });

  const runoff = (id: string) =>
    run("revote", "votes", async () => {
      const out = await startRunoff(host, id, nextRound());
      if (out.kind !== "written") return refused("votes", out.issues);
      await reload(out.id);
      return { section: "votes", intent: "success", text: vs.runoffCreated(out.id ?? ""), issues: out.issues };
    });

  const minutes = (id: string) =>
    run("minutes", "votes", async () => {
      const out = await writeMinutes(host, id, { place: (place ?? ctx?.bloc?.province ?? "").trim() || undefined });
      if (out.kind !== "written") return refused("votes", out.issues);
      if (out.count) setCounts((c) => ({ ...c, [id]: out.count as CountResult }));
      return { section: "votes", intent: "success", text: vs.minutesWritten(voteSheets(id).minutes.sheet), issues: out.issues };
    });

  const elect = (choice: LeadershipChoice) =>
    run("elect", "leader", async () => {
      const out = await electLeadership(host, choice);
      if (out.kind !== "written") return refused("leader", out.issues);
      await reload();
      return { section: "leader", intent: "success", text: vs.elected(out.year ?? 0, out.leader ?? "", out.deputies ?? []), issues: out.issues };
    });

  /** Ballots were imported into `id`: a count shown for it is stale, so count again. */
  const imported = (id: string) => {
    if (counts[id]) void run("count", "votes", () => doCount(id));
  };

  if (!ctx) {
    return busy === "load" ? <Spinner label={t.loading} /> : <VotingStatus report={report} section="votes" onSelect={onSelect} />;
  }

  const record = ctx.records.find((r) => r.id === selected) ?? null;
  const count = record ? counts[record.id] : undefined;
  const next = record ? voteLife(record, count ?? null).next : [];
  const pendingRevote = next.includes("revote") ? count?.result.conclusion.revote : null;
  const pendingRunoff = next.includes("runoff") ? count?.result.conclusion.runoff : null;
  const off = busy !== null;

  return (
    <div className={s.root}>
      <Caption1 className={s.muted}>{vs.help}</Caption1>
      {!ctx.bloc && (
        <MessageBar intent="warning">
          <MessageBarBody>{vs.noBloc}</MessageBarBody>
        </MessageBar>
      )}

      <div className={s.head}>
        <Subtitle2>{vs.votesTitle}</Subtitle2>
        <Button size="small" disabled={off} onClick={() => void refresh()} data-testid={VOTING_TID.refresh}>
          {busy === "load" ? vs.refreshing : vs.refresh}
        </Button>
      </div>
      {ctx.records.length === 0 ? (
        <Caption1>{vs.noVotes}</Caption1>
      ) : (
        <RadioGroup value={selected ?? ""} onChange={(_, d) => setSelected(d.value)} aria-label={vs.votesTitle}>
          {ctx.records.map((r) => {
            const look = STATUS_LOOK[voteLife(r, counts[r.id] ?? null).status];
            return (
              <Radio
                key={r.id}
                value={r.id}
                data-testid={VOTING_TID.vote(r.id)}
                label={
                  <span className={s.voteLabel}>
                    <strong>{r.id}</strong> {r.vote.title} <Caption1 className={s.muted}>({vs.round(r.vote.round)})</Caption1>
                    <Badge appearance="tint" size="small" color={look.color}>
                      {String(vs[look.key])}
                    </Badge>
                  </span>
                }
              />
            );
          })}
        </RadioGroup>
      )}

      {record && (
        <section className={s.selected} aria-label={vs.selected(record.id, record.vote.title)} data-testid={VOTING_TID.selected}>
          <Subtitle2>{vs.selected(record.id, record.vote.title)}</Subtitle2>
          <div className={s.actions}>
            <Button appearance="primary" disabled={off} onClick={() => void run("count", "votes", () => doCount(record.id))} data-testid={VOTING_TID.count}>
              {busy === "count" ? vs.counting : vs.count}
            </Button>
            {pendingRevote && (
              <Button disabled={off} onClick={() => void revote(record.id)} data-testid={VOTING_TID.revote}>
                {vs.revote(record.vote.round + 1)}
              </Button>
            )}
            {pendingRunoff && (
              <Button disabled={off} onClick={() => void runoff(record.id)} data-testid={VOTING_TID.runoff}>
                {vs.runoff(record.vote.round + 1, pendingRunoff.candidates)}
              </Button>
            )}
          </div>
          {(pendingRevote || pendingRunoff) && (
            <Field label={vs.nextPresent(record.vote.round + 1)} hint={vs.nextPresentHint(record.vote.attendance.present)}>
              <Input
                value={nextPresent}
                inputMode="numeric"
                placeholder={String(record.vote.attendance.present)}
                disabled={off}
                onChange={(_, d) => setNextPresent(d.value)}
                data-testid={VOTING_TID.nextPresent}
              />
            </Field>
          )}
          <VotingStatus report={report} section="votes" onSelect={onSelect} />
          <NextStep host={host} after={report?.section === "votes" ? report : null} />
          {count && <VotingCount key={record.id} count={count} disabled={off} onDecide={(p) => void decide(record.id, p)} />}
          {record.entry === "ballots" && (
            <VotingImport
              key={`import-${record.id}`}
              host={host}
              record={record}
              disabled={off}
              onBusy={(b) => setBusy(b ? "import" : null)}
              onImported={() => imported(record.id)}
              onSelect={onSelect}
            />
          )}
          <VotingPrint key={`print-${record.id}`} host={host} record={record} disabled={off} onBusy={(b) => setBusy(b ? "print" : null)} onSelect={onSelect} />
          <div className={s.actions}>
            <Field label={vs.place} className={s.grow}>
              <Input value={place ?? ctx.bloc?.province ?? ""} onChange={(_, d) => setPlace(d.value)} data-testid={VOTING_TID.place} />
            </Field>
            <Button disabled={off} onClick={() => void minutes(record.id)} data-testid={VOTING_TID.minutes}>
              {vs.minutes}
            </Button>
          </div>
        </section>
      )}
      {!record && <VotingStatus report={report} section="votes" onSelect={onSelect} />}

      <div>
        <ToggleButton size="small" checked={formOpen} onClick={() => setFormOpen(!formOpen)} data-testid={VOTING_TID.newVote}>
          {formOpen ? vs.closeForm : vs.newVote}
        </ToggleButton>
      </div>
      {formOpen && <VotingCreate context={ctx} disabled={off} creating={busy === "create"} onCreate={(r) => void create(r)} />}
      <VotingStatus report={report} section="create" onSelect={onSelect} />

      <Divider />
      <Subtitle2>{vs.leaderTitle}</Subtitle2>
      <VotingLeader context={ctx} disabled={off} electing={busy === "elect"} onElect={(c) => void elect(c)} />
      <VotingStatus report={report} section="leader" onSelect={onSelect} />
      <NextStep host={host} after={report?.section === "leader" ? report : null} />
    </div>
  );
}
