import { Badge, Body1Strong, Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { Proposal } from "../../domain/nomination/model";
import { NOMINATION_STRINGS, type NominationStrings } from "../nominationStrings";
import type { Lang } from "../strings";
import { NOMINATION_TID, num } from "./NominationShared";
import { useLang } from "../lang";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "8px" },
  award: { display: "flex", flexDirection: "column", gap: "4px", padding: "6px 8px", borderRadius: tokens.borderRadiusMedium, border: `1px solid ${tokens.colorNeutralStroke2}` },
  head: { display: "flex", flexWrap: "wrap", gap: "4px 6px", alignItems: "center" },
  list: { margin: 0, paddingLeft: "20px", display: "flex", flexDirection: "column", gap: "2px" },
  item: { overflowWrap: "anywhere" },
  reasons: { margin: 0, padding: 0, listStyle: "none", display: "flex", flexDirection: "column", gap: "4px" },
  reasonItem: { padding: "4px 6px", borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground2, overflowWrap: "anywhere" },
  why: { margin: "2px 0 0", paddingLeft: "18px" },
  muted: { color: tokens.colorNeutralForeground3 },
  summary: { cursor: "pointer", color: tokens.colorBrandForeground1 },
  adjust: { minWidth: 0, padding: "0 4px", height: "auto" },
});

/** The proposals of one award, in the engine's order. */
interface AwardGroup {
  awardId: string;
  award: string;
  kind: Proposal["kind"];
  all: Proposal[];
}

export function groupByAward(proposals: Proposal[]): AwardGroup[] {
  const groups: AwardGroup[] = [];
  for (const p of proposals) {
    let g = groups.find((x) => x.awardId === p.awardId);
    if (!g) {
      g = { awardId: p.awardId, award: p.award, kind: p.kind, all: [] };
      groups.push(g);
    }
    g.all.push(p);
  }
  return groups;
}

/** "98,25 điểm · hạng 1 · 8/8 phiếu (100%)": what stands behind a proposal. */
export function figures(p: Proposal, ns: NominationStrings, lang: Lang): string {
  const parts: string[] = [];
  if (p.total !== null) parts.push(ns.points(num(p.total, lang)));
  if (p.rank !== null) parts.push(ns.rank(p.rank));
  if (p.votes !== null && p.denominator !== null) parts.push(ns.votes(p.votes, p.denominator, num(p.percent ?? 0, lang)));
  return parts.join(" · ");
}

export interface NominationListProps {
  proposals: Proposal[];
  disabled: boolean;
  /** Fills the override form for this unit and award. */
  onAdjust: (p: Proposal) => void;
}

/** The proposed list by award, and behind a disclosure every unit's reasons, in or out. */
export function NominationList({ proposals, disabled, onAdjust }: NominationListProps) {
  const { lang } = useLang();
  const s = useStyles();
  const ns = NOMINATION_STRINGS[lang];
  return (
    <div className={s.root}>
      {groupByAward(proposals).map((g) => {
        const inList = g.all.filter((p) => p.proposed);
        return (
          <section key={g.awardId} className={s.award} aria-label={g.award} data-testid={NOMINATION_TID.award(g.awardId)}>
            <div className={s.head}>
              <Body1Strong>{g.award}</Body1Strong>
              <Badge appearance="outline" size="small" color="informative">
                {g.kind === "title" ? ns.kindTitle : ns.kindReward}
              </Badge>
              <Badge appearance="tint" size="small" color={inList.length ? "success" : "subtle"}>
                {ns.proposedCount(inList.length)}
              </Badge>
            </div>
            {inList.length === 0 ? (
              <Caption1 className={s.muted}>{ns.noneProposed}</Caption1>
            ) : (
              <ol className={s.list} data-testid={NOMINATION_TID.proposed(g.awardId)}>
                {inList.map((p) => (
                  <li key={p.unit} className={s.item}>
                    <span>{p.unit}</span>{" "}
                    {p.override && (
                      <Badge appearance="tint" size="small" color="warning">
                        {ns.byMeeting}
                      </Badge>
                    )}
                    <div>
                      <Caption1 className={s.muted}>{figures(p, ns, lang)}</Caption1>
                    </div>
                  </li>
                ))}
              </ol>
            )}
            <details data-testid={NOMINATION_TID.reasons(g.awardId)}>
              <summary className={s.summary}>
                <Caption1>{ns.reasons(g.all.length)}</Caption1>
              </summary>
              <ul className={s.reasons}>
                {g.all.map((p, i) => (
                  <li key={p.unit} className={s.reasonItem} data-testid={NOMINATION_TID.reasonOf(g.awardId, i)}>
                    <div className={s.head}>
                      <span>{p.unit}</span>
                      <Badge appearance="tint" size="small" color={p.proposed ? "success" : "subtle"}>
                        {p.proposed ? ns.inList : ns.notInList}
                      </Badge>
                      <Button
                        className={s.adjust}
                        size="small"
                        appearance="transparent"
                        disabled={disabled}
                        onClick={() => onAdjust(p)}
                        title={ns.adjustTitle(p.unit, p.award)}
                        data-testid={NOMINATION_TID.adjust(g.awardId, i)}
                      >
                        {ns.adjust}
                      </Button>
                    </div>
                    {figures(p, ns, lang) && <Caption1 className={s.muted}>{figures(p, ns, lang)}</Caption1>}
                    <ul className={s.why}>
                      {p.reasons.map((r, k) => (
                        <li key={k}>
                          <Caption1>{r[lang]}</Caption1>
                        </li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ul>
            </details>
          </section>
        );
      })}
    </div>
  );
}
