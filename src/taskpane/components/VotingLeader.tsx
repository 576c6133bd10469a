import { Button, Caption1, Field, makeStyles, Radio, RadioGroup, Select, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { LeadershipChoice, VotingContext } from "../../app/voting";
import { VOTING_STRINGS } from "../votingStrings";
import { VOTING_TID } from "./VotingShared";
import { useLang } from "../lang";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "8px" },
  row: { display: "grid", gridTemplateColumns: "1fr 1fr", gap: "8px" },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface VotingLeaderProps {
  context: VotingContext;
  disabled: boolean;
  electing: boolean;
  onElect: (choice: LeadershipChoice) => void;
}

type Mode = LeadershipChoice["mode"];

/** Next year's leader and deputies: by rotation, from a vote, or designated. */
export function VotingLeader({ context, disabled, electing, onElect }: VotingLeaderProps) {
  const { lang } = useLang();
  const s = useStyles();
  const vs = VOTING_STRINGS[lang];
  const members = context.bloc?.members.map((m) => m.name) ?? [];
  const leaderVotes = context.records.filter((r) => r.vote.purpose.kind === "leader");
  const deputyVotes = context.records.filter((r) => r.vote.purpose.kind === "deputy");
  const [mode, setMode] = useState<Mode>("rotation");
  const [deputies, setDeputies] = useState<1 | 2>(Math.min(2, Math.max(1, context.bloc?.deputies.length ?? 1)) as 1 | 2);
  const [leaderVote, setLeaderVote] = useState("");
  const [deputyVote, setDeputyVote] = useState("");
  const [leader, setLeader] = useState("");
  const [named, setNamed] = useState<string[]>(["", ""]);
  const lv = leaderVote || leaderVotes[leaderVotes.length - 1]?.id || "";
  const year = (context.bloc?.year ?? new Date().getFullYear()) + 1;

  const choice = (): LeadershipChoice | null => {
    if (mode === "rotation") return { mode, deputies };
    if (mode === "election") return lv ? { mode, leaderVote: lv, deputyVote: deputyVote || null } : null;
    return leader ? { mode, leader, deputies: named.filter(Boolean) } : null;
  };
  const ready = choice() !== null && context.bloc !== null;
  const history = [...context.leadership].sort((a, b) => a.year - b.year).slice(-3);

  return (
    <section className={s.root} aria-label={vs.leaderTitle}>
      <Caption1 className={s.muted}>{vs.leaderHelp(year)}</Caption1>
      <Field label={vs.mode}>
        <RadioGroup value={mode} onChange={(_, d) => setMode(d.value as Mode)}>
          <Radio value="rotation" label={vs.modeRotation} data-testid={VOTING_TID.leaderMode("rotation")} />
          <Radio value="election" label={vs.modeElection} data-testid={VOTING_TID.leaderMode("election")} />
          <Radio value="designation" label={vs.modeDesignation} data-testid={VOTING_TID.leaderMode("designation")} />
        </RadioGroup>
      </Field>
      {mode === "rotation" && (
        <Field label={vs.deputiesCount}>
          <Select value={String(deputies)} onChange={(_, d) => setDeputies(d.value === "2" ? 2 : 1)} data-testid={VOTING_TID.deputiesCount}>
            <option value="1">1</option>
            <option value="2">2</option>
          </Select>
        </Field>
      )}
      {mode === "election" &&
        (leaderVotes.length === 0 ? (
          <Caption1>{vs.noLeaderVote}</Caption1>
        ) : (
          <>
            <Field label={vs.leaderVote}>
              <Select value={lv} onChange={(_, d) => setLeaderVote(d.value)} data-testid={VOTING_TID.leaderVote}>
                {leaderVotes.map((r) => (
                  <option key={r.id} value={r.id}>{`${r.id}: ${r.vote.title}`}</option>
                ))}
              </Select>
            </Field>
            <Field label={vs.deputyVote}>
              <Select value={deputyVote} onChange={(_, d) => setDeputyVote(d.value)} data-testid={VOTING_TID.deputyVote}>
                <option value="">{vs.noneOption}</option>
                {deputyVotes.map((r) => (
                  <option key={r.id} value={r.id}>{`${r.id}: ${r.vote.title}`}</option>
                ))}
              </Select>
            </Field>
          </>
        ))}
      {mode === "designation" && (
        <>
          <Field label={vs.leader} required>
            <Select value={leader} onChange={(_, d) => setLeader(d.value)} data-testid={VOTING_TID.leaderPick}>
              <option value="">{vs.pick}</option>
              {members.map((m) => (
                <option key={m} value={m}>
                  {m}
                </option>
              ))}
            </Select>
          </Field>
          <div className={s.row}>
            {[0, 1].map((k) => (
              <Field key={k} label={vs.deputy(k + 1)}>
                <Select value={named[k]} onChange={(_, d) => setNamed(named.map((x, j) => (j === k ? d.value : x)))} data-testid={VOTING_TID.deputyPick(k)}>
                  <option value="">{vs.noneOption}</option>
                  {members
                    .filter((m) => m !== leader)
                    .map((m) => (
                      <option key={m} value={m}>
                        {m}
                      </option>
                    ))}
                </Select>
              </Field>
            ))}
          </div>
        </>
      )}
      <div>
        <Button
          appearance="primary"
          disabled={disabled || !ready}
          onClick={() => {
            const c = choice();
            if (c) onElect(c);
          }}
          data-testid={VOTING_TID.elect}
        >
          {electing ? vs.electing : vs.elect}
        </Button>
      </div>
      {history.length > 0 && (
        <div data-testid={VOTING_TID.history}>
          <Caption1 block>{vs.history}</Caption1>
          {history.map((h) => (
            <Caption1 key={h.year} block className={s.muted}>
              {vs.historyLine(h.year, h.leader, h.deputies)}
            </Caption1>
          ))}
        </div>
      )}
    </section>
  );
}
