import { raise } from "../domain/codes";
import { saveBloc } from "../app/bloc";
import { enterScores, insertScoring, validateScores, type ScoreInput } from "../app/scoring";
import { isContent, leaves, stepOf, type CriteriaTable } from "../domain/criteria/model";
import { templateById } from "../domain/criteria/templates";
import { type Issue } from "../domain/issues";
import type { UnitResult } from "../domain/scoring/engine";
import { writeSheets } from "../excel/apply";
import { officeErrorToIssue } from "../excel/errors";
import { readWorkbook } from "../excel/read";
import { MemoryHost } from "../host";
import { criteriaSheetPlan } from "../workbook/criteria/criteriaSheet";
import { countVote, createVote, electLeadership, enterBallots, enterHandCount, loadVoting, newVoteRecord, recordDecision, startRevote, startRunoff, withRule, writeMinutes, type CountResult } from "../app/voting";
import type { Ballot, Mark } from "../domain/voting/model";
import type { VoteRecord, VoteRecordDraft } from "../domain/voting/record";
import { nameKey } from "../domain/text";
import { generateNomination, produceFiles, recordOverride, saveMeeting, type OutputFile } from "../app/nomination";
import type { Proposal } from "../domain/nomination/model";
import type { Scenario } from "./scenario";
import { leadershipSheetPlan, type LeadershipRow } from "../workbook/bloc/leadershipSheet";
import { settingsSheetPlan } from "../workbook/scoring/settingsSheet";
import { sectionName } from "../workbook/scoring/summarySheet";
import { catalogueSheetPlan } from "../workbook/nomination/catalogueSheet";
import { loadStart, produceStartFiles, saveRegistrations, savePact } from "../app/start";
import { findAward } from "../domain/start/model";

export interface RunReport {
  ok: boolean;
  host: MemoryHost;
  /** Each step: what it did, its issues and the round trips it cost. */
  steps: { step: string; ok: boolean; syncs: number; issues: Issue[] }[];
  results: UnitResult[];
  /** Each vote's count, in scenario order (a revote's round 2 right after its round 1). */
  votes: CountResult[];
  leadership: { year: number; leader: string; deputies: string[] } | null;
  /** The proposed list, and the documents and exports produced (the start-of-year documents first, when produced). */
  nomination: { list: Proposal[]; files: OutputFile[] } | null;
  /** The start of the year's documents (the pact, the registration list). */
  start: { files: OutputFile[] } | null;
}

type BallotInput = NonNullable<NonNullable<Scenario["votes"]>[number]["ballots"]>[number];

/** A unit's self-scores at `ratio` of every content leaf's max, on the step. */
function filled(table: CriteriaTable, ratio: number): ScoreInput["entries"] {
  const out: ScoreInput["entries"] = {};
  for (const { leaf } of leaves(table)) {
    if (!isContent(leaf)) continue;
    const max = leaf.max ?? 0;
    const step = stepOf(leaf, table);
    out[leaf.id] = leaf.kind === "yesNo" ? (ratio >= 0.5 ? max : 0) : Math.min(max, Math.round((max * ratio) / step) * step);
  }
  return out;
}

/** Plays a scenario into a fresh in-memory workbook through the pane's use cases. */
export async function runScenario(scenario: Scenario, host: MemoryHost = new MemoryHost()): Promise<RunReport> {
  const steps: RunReport["steps"] = [];
  let results: UnitResult[] = [];
  const step = async (name: string, fn: () => Promise<{ ok: boolean; issues: Issue[] }>) => {
    const before = host.stats.syncs;
    let r: { ok: boolean; issues: Issue[] };
    try {
      r = await fn();
    } catch (e) {
      // A use case that throws is reported as the step's coded issue, never as a crash.
      r = { ok: false, issues: [officeErrorToIssue(e)] };
    }
    steps.push({ step: name, ok: r.ok, syncs: host.stats.syncs - before, issues: r.issues });
    return r.ok;
  };

  const blocOk = await step("bloc", async () => {
    const out = await saveBloc(host, { ...scenario.bloc, members: scenario.bloc.members.map((m) => ({ ...m, shortName: m.shortName ?? "" })) }, { basedOn: null });
    // The form's fields ("members.3.name") as the scenario's paths ("bloc.members[3].name").
    return { ok: out.kind === "saved", issues: out.issues.map((i) => (i.field ? { ...i, field: `bloc.${i.field.replace(/\.(\d+)(?=\.|$)/g, "[$1]")}` } : i)) };
  });
  const fullName = (n: string) => scenario.bloc.members.find((m) => nameKey(m.name) === nameKey(n) || (m.shortName && nameKey(m.shortName) === nameKey(n)))?.name ?? n;
  if (blocOk && scenario.history?.length) {
    await step("leadership history", async () => {
      const rows: LeadershipRow[] = scenario.history!.map((h) => ({ year: h.year, leader: fullName(h.leader), deputies: (h.deputies ?? []).map(fullName), how: "recorded", basis: h.basis ?? "" }));
      const w = await writeSheets(host, [leadershipSheetPlan(rows, { members: scenario.bloc.members.map((m) => m.name) })], await readWorkbook(host, {}));
      return { ok: w.ok, issues: w.issues };
    });
  }
  // The start of the year (issue #12): the pact and the registrations, after the criteria are set (the pact copies them) and before the scores.
  const st = scenario.start;
  let catalogueWritten = false;
  const playStart = async () => {
    if (!blocOk || !st) return;
    const cat = scenario.nomination?.catalogue;
    if (cat && st.registrations) {
      catalogueWritten = await step("nomination: award catalogue", async () => {
        const w = await writeSheets(host, [catalogueSheetPlan(cat)], await readWorkbook(host, {}));
        return { ok: w.ok, issues: w.issues };
      });
    }
    if (st.pact) {
      const p = st.pact;
      await step("start: pact", async () => {
        const out = await savePact(host, { theme: p.theme ?? "", place: p.place ?? "", signedOn: p.signedOn ?? "", commitments: p.commitments ?? [] });
        return { ok: out.kind === "written", issues: out.issues.map((i) => (i.field ? { ...i, field: `start.pact.${i.field.replace(/\.(\d+)(?=\.|$)/g, "[$1]")}` } : i)) };
      });
    }
    if (st.registrations) {
      const regs = st.registrations;
      await step("start: registrations", async () => {
        const loaded = await loadStart(host);
        if (!loaded.ok) return { ok: false, issues: loaded.issues };
        // Award names as the scenario may give them → the catalogue's ids (an unknown one is passed on and refused).
        const drafts = regs.map((r) => ({ unit: fullName(r.unit), awards: r.awards.map((a) => findAward(loaded.state.awards, a)?.id ?? a), targets: r.targets ?? "" }));
        const out = await saveRegistrations(host, drafts);
        return { ok: out.kind === "written", issues: out.issues.map((i) => (i.field ? { ...i, field: `start.${i.field.replace(/\.(\d+)(?=\.|$)/g, "[$1]")}` } : i)) };
      });
    }
  };
  const sc = scenario.scoring;
  if (!sc) await playStart();
  if (blocOk && sc) {
    const table = sc.template ? templateById(sc.template)?.table : sc.criteria;
    const inserted = await step("scoring: insert", async () => {
      if (!table) return { ok: false, issues: [raise("scenario.scoring.noCriteria", {})] };
      // The criteria table and the settings are the user's sheets: written before the insert reads them.
      const own = [...(sc.template ? [] : [criteriaSheetPlan(table)]), ...(sc.settings ? [settingsSheetPlan(sc.settings, table.sections.map((_, i) => sectionName(table, i)))] : [])];
      if (own.length > 0) {
        const w = await writeSheets(host, own, await readWorkbook(host, {}));
        if (!w.ok) return { ok: false, issues: w.issues };
      }
      const out = await insertScoring(host, { template: sc.template, password: sc.password });
      return { ok: out.kind === "inserted", issues: out.issues };
    });
    await playStart();
    if (inserted && table && sc.scores?.length) {
      await step("scoring: enter scores", async () => {
        const inputs = sc.scores!.map((u) => ({ unit: u.unit, entries: { ...(u.ratio !== undefined ? filled(table, u.ratio) : {}), ...(u.entries ?? {}) } }));
        const out = await enterScores(host, inputs);
        return { ok: out.ok, issues: out.issues };
      });
    }
    if (inserted) {
      await step("scoring: validate", async () => {
        const out = await validateScores(host);
        results = out.results;
        return { ok: !out.issues.some((i) => i.severity === "error"), issues: out.issues };
      });
    }
  }
  const votes: CountResult[] = [];
  const ids: Record<string, string[]> = { leader: [], deputy: [] };
  let leadership: RunReport["leadership"] = null;
  if (blocOk && scenario.votes?.length) {
    const members = scenario.bloc.members;
    const full = (n: string) => members.find((m) => nameKey(m.name) === nameKey(n) || (m.shortName && nameKey(m.shortName) === nameKey(n)))?.name ?? n;
    const ballotOf = (b: BallotInput, number: number): Ballot => {
      const o = Array.isArray(b) ? { approve: b } : b;
      const marks: Record<string, Mark> = {};
      for (const n of o.reject ?? []) marks[full(n)] = "reject";
      // A unit both approved and rejected keeps both marks (the second under its name with a trailing
      // space, the same unit by name key), so entering the ballot refuses it (vote.ballot.approveAndReject)
      // instead of counting an approval (issue #11).
      for (const n of o.approve ?? []) marks[marks[full(n)] === "reject" ? `${full(n)} ` : full(n)] = "approve";
      return { number, marks, manualInvalid: Array.isArray(b) ? null : (b.invalid ?? null) };
    };
    for (const [k, v] of scenario.votes.entries()) {
      const label = `vote ${k + 1} (${v.purpose})`;
      let record: VoteRecord | null = null;
      const created = await step(`${label}: create`, async () => {
        const loaded = await loadVoting(host);
        if (!loaded.ok) return { ok: false, issues: loaded.issues };
        const seats = v.seats ?? 1;
        // The rule is the scenario's explicit choice (a preset with its source, or its own rule): none given, creating refuses (vote.rule.notChosen).
        const draft = newVoteRecord(loaded.context, v.purpose, v.award, seats);
        const r: VoteRecordDraft = v.rule ? withRule(draft, typeof v.rule === "string" ? v.rule : { rule: v.rule }) : draft;
        const present = v.present ?? r.vote.attendance.members;
        r.vote = {
          ...r.vote,
          title: v.title ?? r.vote.title,
          candidates: v.candidates ? v.candidates.map(full) : r.vote.candidates,
          ballot: v.quota ? (r.vote.ballot.kind === "approve" ? { kind: "approve", quota: v.quota } : { kind: "chooseUpTo", n: v.quota }) : r.vote.ballot,
          tieRule: v.tieRule ?? r.vote.tieRule,
          invalid: { overQuota: "invalid", noneMarked: v.blankBallot ?? r.vote.invalid.noneMarked },
          committee: v.committee ?? r.vote.committee,
          attendance: { members: r.vote.attendance.members, present },
        };
        r.issued = v.issued ?? present;
        r.entry = v.handCount ? "handCount" : "ballots";
        r.doubleEntry = !v.handCount && !!v.secondEntry;
        const out = await createVote(host, r, { rows: Math.max(r.issued, v.ballots?.length ?? 0) + 5 });
        if (out.kind === "written" && r.vote.rule) record = { ...r, vote: { ...r.vote, rule: r.vote.rule } };
        return { ok: out.kind === "written", issues: out.issues };
      });
      if (!created || !record) continue;
      const rec: VoteRecord = record;
      if (rec.vote.purpose.kind !== "award") ids[rec.vote.purpose.kind].push(rec.id);
      if (v.handCount) {
        await step(`${label}: enter hand count`, async () => {
          const out = await enterHandCount(host, rec.id, { ...v.handCount!, votes: Object.fromEntries(Object.entries(v.handCount!.votes).map(([n, x]) => [full(n), x])) });
          return { ok: out.kind === "entered", issues: out.issues };
        });
      } else if (v.ballots) {
        const first = v.ballots.map((b, i) => ballotOf(b, i + 1));
        await step(`${label}: enter ballots`, async () => {
          const out = await enterBallots(host, rec.id, 1, first);
          return { ok: out.kind === "entered", issues: out.issues };
        });
        if (v.secondEntry) {
          const second = first.map((b) => {
            const d = v.secondEntry!.find((x) => x.number === b.number);
            return d ? ballotOf(d.ballot, b.number) : b;
          });
          await step(`${label}: enter ballots again (entry 2)`, async () => {
            const out = await enterBallots(host, rec.id, 2, second);
            return { ok: out.kind === "entered", issues: out.issues };
          });
        }
      }
      if (v.decision || v.meeting) {
        await step(`${label}: record the decision`, async () => {
          const out = await recordDecision(host, rec.id, { ...(v.decision ? { decision: v.decision } : {}), ...(v.meeting ? { meeting: { elected: v.meeting.elected.map(full), note: v.meeting.note } } : {}) });
          return { ok: out.kind === "written", issues: out.issues };
        });
      }
      const at = v.minutes?.at ? new Date(v.minutes.at) : undefined;
      let count: CountResult | null = null;
      const counted = await step(`${label}: count`, async () => {
        const c = await countVote(host, rec.id);
        if (c.kind !== "counted") return { ok: false, issues: c.issues };
        count = c.count;
        return { ok: !c.count.issues.some((i) => i.severity === "error"), issues: c.count.issues };
      });
      if (counted && v.minutes) {
        await step(`${label}: minutes`, async () => {
          const out = await writeMinutes(host, rec.id, { place: v.minutes!.place, at });
          return { ok: out.kind === "written", issues: out.issues };
        });
      }
      const c1 = count as CountResult | null;
      if (c1) votes.push(c1);
      count = null;
      const runoff = !c1?.result.conclusion.revote && !!c1?.result.conclusion.runoff;
      if (counted && (c1?.result.conclusion.revote || runoff) && v.revote) {
        let rid = "";
        const revoted = await step(`${label}: ${runoff ? "run-off" : "revote"} (round 2)`, async () => {
          const round = { present: v.revote!.present, issued: v.revote!.issued };
          const out = runoff ? await startRunoff(host, rec.id, { round }) : await startRevote(host, rec.id, { round });
          rid = out.kind === "written" ? (out.id ?? "") : "";
          return { ok: out.kind === "written", issues: out.issues };
        });
        if (revoted) {
          const loaded = await loadVoting(host);
          const r2 = loaded.ok ? loaded.context.records.find((r) => r.id === rid) : undefined;
          await step(`${label}: round 2 ballots`, async () => {
            const b2 = v.revote!.ballots.map((b, i) => ballotOf(b, i + 1));
            const a = await enterBallots(host, rid, 1, b2);
            if (a.kind !== "entered") return { ok: false, issues: a.issues };
            if (r2?.doubleEntry) {
              const b = await enterBallots(host, rid, 2, b2);
              if (b.kind !== "entered") return { ok: false, issues: b.issues };
            }
            return { ok: true, issues: [] };
          });
          await step(`${label}: round 2 count`, async () => {
            const c = await countVote(host, rid);
            if (c.kind !== "counted") return { ok: false, issues: c.issues };
            count = c.count;
            return { ok: !c.count.issues.some((i) => i.severity === "error"), issues: c.count.issues };
          });
          if (v.minutes) {
            await step(`${label}: round 2 minutes`, async () => {
              const out = await writeMinutes(host, rid, { place: v.minutes!.place, at });
              return { ok: out.kind === "written", issues: out.issues };
            });
          }
        }
      }
      const c2 = count as CountResult | null;
      if (c2) votes.push(c2);
    }
  }
  if (blocOk && scenario.leadership) {
    const l = scenario.leadership;
    await step(`leadership (${l.mode})`, async () => {
      const choice =
        l.mode === "election"
          ? { mode: "election" as const, leaderVote: ids.leader[ids.leader.length - 1] ?? "", deputyVote: ids.deputy[ids.deputy.length - 1] ?? null }
          : l.mode === "designation"
            ? { mode: "designation" as const, leader: l.leader, deputies: l.deputies }
            : l;
      const out = await electLeadership(host, choice);
      if (out.kind === "written" && out.leader && out.year) leadership = { year: out.year, leader: out.leader, deputies: out.deputies ?? [] };
      return { ok: out.kind === "written", issues: out.issues };
    });
  }
  let nomination: RunReport["nomination"] = null;
  const nom = scenario.nomination;
  if (blocOk && nom) {
    const full = (n: string) => scenario.bloc.members.find((m) => nameKey(m.name) === nameKey(n) || (m.shortName && nameKey(m.shortName) === nameKey(n)))?.name ?? n;
    const at = (() => {
      const d = nom.meeting?.date?.split("/").map(Number);
      const t = nom.meeting?.time?.split(":").map(Number);
      return d ? new Date(d[2], d[1] - 1, d[0], t?.[0] ?? 8, t?.[1] ?? 0) : undefined;
    })();
    if (nom.catalogue && !catalogueWritten) {
      await step("nomination: award catalogue", async () => {
        const w = await writeSheets(host, [catalogueSheetPlan(nom.catalogue!)], await readWorkbook(host, {}));
        return { ok: w.ok, issues: w.issues };
      });
    }
    if (nom.meeting) {
      const m = nom.meeting;
      await step("nomination: meeting record", async () => {
        const out = await saveMeeting(host, {
          ...(at ? { date: { day: at.getDate(), month: at.getMonth() + 1, year: at.getFullYear() } } : {}),
          ...(m.time && at ? { time: { hour: at.getHours(), minute: at.getMinutes() } } : {}),
          place: m.place ?? "",
          chair: m.chair ?? "",
          secretary: m.secretary ?? "",
          present: m.present ?? null,
          absent: (m.absent ?? []).map(full),
          submissionNumber: m.submissionNumber ?? "",
          addressee: m.addressee ?? "",
          recipients: m.recipients ?? [],
        });
        return { ok: out.kind === "written", issues: out.issues };
      });
    }
    for (const o of nom.overrides ?? []) {
      await step(`nomination: override (${o.unit}, ${o.award})`, async () => {
        const out = await recordOverride(host, { ...o, unit: full(o.unit) });
        return { ok: out.kind === "written", issues: out.issues };
      });
    }
    let list: Proposal[] = [];
    const generated = await step("nomination: list and minutes", async () => {
      const out = await generateNomination(host, { at });
      if (out.kind === "written") list = out.state.list;
      return { ok: out.kind === "written", issues: out.issues };
    });
    let files: OutputFile[] = [];
    if (generated && nom.files !== false) {
      await step("nomination: documents and exports", async () => {
        const out = await produceFiles(host, { at });
        if (out.ok) files = out.files;
        return { ok: out.ok, issues: out.issues };
      });
    }
    nomination = { list, files };
  }
  let start: RunReport["start"] = null;
  if (blocOk && st && st.files !== false && (st.pact || st.registrations)) {
    await step("start: documents", async () => {
      const out = await produceStartFiles(host);
      if (out.ok) start = { files: out.files };
      return { ok: out.ok, issues: out.issues };
    });
    // Written beside the other documents (the start of the year's first).
    const s0 = start as RunReport["start"];
    if (s0 && nomination) nomination = { ...nomination, files: [...s0.files, ...nomination.files] };
  }
  return { ok: steps.every((s) => s.ok), host, steps, results, votes, leadership, nomination, start };
}
