import {
  Badge,
  Button,
  Caption1,
  Checkbox,
  Dialog,
  Divider,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
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
import { insertScoring, prepareCriteriaSheet, validateScores, type InsertOutcome } from "../../app/scoring";
import type { ExcelHost } from "../../app/office";
import { TEMPLATES } from "../../domain/criteria/templates";
import type { Issue, Where } from "../../domain/issues";
import type { UnitResult } from "../../domain/scoring/engine";
import { SCORING_STRINGS } from "../scoringStrings";
import { applyMemberFile, previewMemberFile } from "../../app/collect";
import { CollectPanel } from "./CollectPanel";
import { IssueList } from "./IssueList";
import { formatNumber } from "../../domain/format";
import { useLang } from "../lang";
import { useAction } from "./actions";
import { NextStep } from "./NextStep";

export const SCORING_TID = {
  source: (id: string) => `scoring-source-${id}`,
  password: "scoring-password",
  removePassword: "scoring-remove-password",
  insert: "scoring-insert",
  validate: "scoring-validate",
  status: "scoring-status",
  results: "scoring-results",
  confirm: "scoring-confirm",
  prepare: "scoring-prepare",
} as const;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "10px" },
  actions: { display: "flex", gap: "8px", flexWrap: "wrap" },
  muted: { color: tokens.colorNeutralForeground3 },
  num: { textAlign: "right" },
  // At 320 px the rank and total columns take only what they show; the unit's name and class get the rest (issue #14 item 4).
  tight: { width: "1%", paddingLeft: "4px", paddingRight: "4px" },
  block: { display: "block" },
});

type Banner = { intent: "info" | "success" | "warning" | "error"; text: string } | null;

export interface ScoringStepProps {
  host: ExcelHost;
  onSelect: (where: Where) => void;
}

/** Insert the score sheets from a template or the bloc's own table, check the entries, read the results. */
export function ScoringStep({ host, onSelect }: ScoringStepProps) {
  const { lang, t } = useLang();
  const s = useStyles();
  const st = SCORING_STRINGS[lang];
  const [source, setSource] = useState<string>(TEMPLATES[0].id);
  const [password, setPassword] = useState("");
  const [removePassword, setRemovePassword] = useState(false);
  const { busy, run } = useAction<"insert" | "validate">();
  const [banner, setBanner] = useState<Banner>(null);
  const [issues, setIssues] = useState<Issue[]>([]);
  const [results, setResults] = useState<UnitResult[]>([]);
  const [pending, setPending] = useState<Issue[] | null>(null);

  const failed = (problem: Issue) => setBanner({ intent: "error", text: problem.message[lang] });

  const insert = (confirm: boolean) =>
    run(
      "insert",
      async () => {
        setPending(null);
        const out: InsertOutcome = await insertScoring(host, { template: source === "sheet" ? undefined : source, password: password || undefined, removePassword: removePassword || undefined, confirm });
        if (out.kind === "inserted") {
          const r = out.report;
          const parts = [st.inserted(r.units, r.criteria, r.keptEntries)];
          const added = [...r.addedUnits, ...r.addedCriteria];
          const removed = [...r.removedUnits, ...r.removedCriteria];
          if (added.length) parts.push(st.added(added.join(", ")));
          if (removed.length) parts.push(st.removed(removed.join(", ")));
          setBanner({ intent: "success", text: parts.join(" ") });
          setIssues(out.issues);
        } else if (out.kind === "confirm") {
          setPending(out.issues);
        } else {
          setBanner({ intent: "error", text: out.issues[0]?.message[lang] ?? t.unexpected });
          setIssues(out.issues);
        }
      },
      failed,
    );

  const check = () =>
    run(
      "validate",
      async () => {
        const out = await validateScores(host);
        const e = out.issues.filter((i) => i.severity === "error").length;
        setIssues(out.issues);
        setResults(out.results);
        setBanner({ intent: e ? "error" : out.issues.length ? "warning" : "success", text: st.validated(e, out.issues.length - e) });
      },
      failed,
    );

  // A unit that needs checking has no rank (issue #11): listed last, its class says why.
  const sorted = [...results].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
  return (
    <div className={s.root}>
      <Caption1 className={s.muted}>{st.help}</Caption1>
      <Subtitle2>{st.criteriaTitle}</Subtitle2>
      <Field label={st.source} hint={source === "sheet" ? undefined : st.sampleNote}>
        <RadioGroup value={source} onChange={(_, d) => setSource(d.value)}>
          {TEMPLATES.map((tpl) => (
            <Radio key={tpl.id} value={tpl.id} label={tpl.label[lang]} data-testid={SCORING_TID.source(tpl.id)} />
          ))}
          <Radio value="sheet" label={st.fromSheet} data-testid={SCORING_TID.source("sheet")} />
        </RadioGroup>
      </Field>
      {source === "sheet" && (
        <div className={s.actions}>
          <Button
            size="small"
            disabled={busy !== null}
            data-testid={SCORING_TID.prepare}
            onClick={() =>
              void (async () => {
                const out = await prepareCriteriaSheet(host);
                setIssues(out.issues);
                setBanner(out.kind === "created" ? { intent: "success", text: st.prepared } : out.kind === "exists" ? { intent: "info", text: out.issues[0].message[lang] } : { intent: "error", text: out.issues[0]?.message[lang] ?? t.unexpected });
              })()
            }
          >
            {st.prepare}
          </Button>
        </div>
      )}
      <Field label={st.password}>
        <Input type="password" value={password} onChange={(_, d) => setPassword(d.value)} data-testid={SCORING_TID.password} />
      </Field>
      <Checkbox checked={removePassword} onChange={(_, d) => setRemovePassword(d.checked === true)} label={st.removePassword} data-testid={SCORING_TID.removePassword} />
      <div className={s.actions}>
        <Button appearance="primary" disabled={busy !== null} onClick={() => void insert(false)} data-testid={SCORING_TID.insert}>
          {busy === "insert" ? st.inserting : st.insert}
        </Button>
        <Button disabled={busy !== null} onClick={() => void check()} data-testid={SCORING_TID.validate}>
          {busy === "validate" ? st.validating : st.validate}
        </Button>
      </div>
      {banner && (
        <MessageBar intent={banner.intent} data-testid={SCORING_TID.status}>
          <MessageBarBody>{banner.text}</MessageBarBody>
        </MessageBar>
      )}
      <NextStep host={host} after={banner} />
      <IssueList issues={issues} onSelect={onSelect} groupBy="sheet" />
      {sorted.length > 0 && (
        <section aria-label={st.resultsTitle} data-testid={SCORING_TID.results}>
          <Subtitle2>{st.resultsTitle}</Subtitle2>
          <Table size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell className={s.tight}>{st.rank}</TableHeaderCell>
                <TableHeaderCell>{`${st.unit} / ${st.band}`}</TableHeaderCell>
                <TableHeaderCell className={s.tight}>{st.total}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {sorted.map((r) => (
                <TableRow key={r.unit}>
                  <TableCell className={s.tight}>
                    {r.rank ?? "—"}
                    {r.tied && <Caption1 className={mergeClasses(s.muted, s.block)}> ({st.tied})</Caption1>}
                  </TableCell>
                  <TableCell>
                    {r.unit}{" "}
                    {r.leading && (
                      <Badge appearance="filled" color="important" size="small">
                        {st.leading}
                      </Badge>
                    )}
                    {/* The class under the name, not a fourth column: at 320 px four columns made rows ~100 px tall. */}
                    <Caption1 className={mergeClasses(s.muted, s.block)} title={r.reason}>
                      {r.band}
                    </Caption1>
                  </TableCell>
                  <TableCell className={mergeClasses(s.num, s.tight)}>{r.total === null ? "—" : formatNumber(r.total, lang)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </section>
      )}
      <Divider />
      <CollectPanel onPreview={(bytes) => previewMemberFile(host, bytes)} onApply={(p) => applyMemberFile(host, p, { basedOn: p.basedOn })} onSelect={onSelect} />
      <Dialog open={pending !== null} onOpenChange={(_, d) => !d.open && setPending(null)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{st.confirmTitle}</DialogTitle>
            <DialogContent>
              {pending?.map((i) => (
                <p key={i.code}>{i.message[lang]}</p>
              ))}
            </DialogContent>
            <DialogActions>
              <Button onClick={() => setPending(null)}>{st.cancel}</Button>
              <Button appearance="primary" onClick={() => void insert(true)} data-testid={SCORING_TID.confirm}>
                {st.confirmGo}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
