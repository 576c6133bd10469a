import { raise } from "../codes";
import { type Issue, type Message } from "../issues";
import { cleanText, nameKey } from "../text";
import type { Ballot, ManualReason } from "./model";
import { INVALID_REASON_LABELS } from "./model";

/**
 * Double entry: two people type the same paper ballots independently; the count concludes only
 * when both entries agree, or when the counting committee accepts one side (and the minutes say
 * which). Differences are listed by ballot and candidate, so each can be checked on paper.
 */
export type DifferenceKind = "onlyInFirst" | "onlyInSecond" | "mark" | "reason";

export interface EntryDifference {
  kind: DifferenceKind;
  ballot: number;
  /** For a mark: the candidate as named on the vote. */
  candidate?: string;
  first?: string;
  second?: string;
}

type Cell = "approve" | "reject" | "blank";
const CELL_VI: Record<Cell, string> = { approve: "Đồng ý (x)", reject: "Không đồng ý (k)", blank: "trống" };

/** A ballot as candidate key → mark; a "chosen" ballot reads as approvals. */
function cells(b: Ballot): Map<string, Cell> {
  const m = new Map<string, Cell>();
  if ("marks" in b) for (const [name, mark] of Object.entries(b.marks)) m.set(nameKey(name), mark);
  else for (const name of b.chosen) if (cleanText(name)) m.set(nameKey(name), "approve");
  return m;
}

const reasonText = (r: ManualReason | null) => (r ? INVALID_REASON_LABELS[r].vi : "không có");

/** Every place where the two entries differ, in ballot-number order. */
export function compareEntries(candidates: string[], first: Ballot[], second: Ballot[]): EntryDifference[] {
  const byNumber = (list: Ballot[]) => new Map(list.map((b) => [b.number, b]));
  const a = byNumber(first);
  const b = byNumber(second);
  const numbers = [...new Set([...a.keys(), ...b.keys()])].sort((x, y) => x - y);
  const out: EntryDifference[] = [];
  for (const n of numbers) {
    const x = a.get(n);
    const y = b.get(n);
    if (!x || !y) {
      out.push({ kind: x ? "onlyInFirst" : "onlyInSecond", ballot: n });
      continue;
    }
    if ((x.manualInvalid ?? null) !== (y.manualInvalid ?? null)) {
      out.push({ kind: "reason", ballot: n, first: reasonText(x.manualInvalid), second: reasonText(y.manualInvalid) });
    }
    if (!!x.written !== !!y.written) {
      const kindText = (w: boolean | undefined) => (w ? "ý kiến bằng văn bản" : "phiếu tại hội nghị");
      out.push({ kind: "reason", ballot: n, first: kindText(x.written), second: kindText(y.written) });
    }
    const cx = cells(x);
    const cy = cells(y);
    const names = [...candidates];
    for (const k of new Set([...cx.keys(), ...cy.keys()])) if (!candidates.some((c) => nameKey(c) === k)) names.push(k);
    for (const name of names) {
      const k = nameKey(name);
      const mx = cx.get(k) ?? "blank";
      const my = cy.get(k) ?? "blank";
      if (mx !== my) out.push({ kind: "mark", ballot: n, candidate: name, first: CELL_VI[mx], second: CELL_VI[my] });
    }
  }
  return out;
}

/** One difference as a catalogued issue. */
function raiseDifference(d: EntryDifference): Issue {
  switch (d.kind) {
    case "onlyInFirst":
      return raise("vote.double.onlyInFirst", { ballot: d.ballot });
    case "onlyInSecond":
      return raise("vote.double.onlyInSecond", { ballot: d.ballot });
    case "reason":
      return raise("vote.double.reason", { ballot: d.ballot, first: d.first ?? "", second: d.second ?? "" });
    case "mark":
      return raise("vote.double.mark", { ballot: d.ballot, name: d.candidate ?? "", first: d.first ?? "", second: d.second ?? "" });
  }
}

/** One difference in the committee's words. */
export function differenceMessage(d: EntryDifference): Message {
  return raiseDifference(d).message;
}

export type Decision = { accept: "first" | "second"; by: string } | null;

export interface DoubleEntryOutcome {
  /** The ballots to count, or null while the entries differ and nobody decided. */
  ballots: Ballot[] | null;
  differences: EntryDifference[];
  /** Errors while undecided (the count must not conclude); empty once agreed or decided. */
  issues: (Issue & { ref: { ballot: number; candidate?: string } })[];
  /** For the minutes: how the two entries were reconciled. */
  statement: Message;
}

/**
 * The ballots the count may use: the entries when they agree; one side when the committee accepted
 * it (recorded with who decided); otherwise none, with every difference as an error.
 */
export function reconcile(candidates: string[], first: Ballot[], second: Ballot[], decision: Decision): DoubleEntryOutcome {
  const differences = compareEntries(candidates, first, second);
  if (differences.length === 0) {
    return { ballots: first, differences, issues: [], statement: { vi: `Hai lần nhập ${first.length} phiếu độc lập khớp nhau hoàn toàn.`, en: `Two independent entries of ${first.length} ballots agree completely.` } };
  }
  if (decision) {
    const side = decision.accept === "first" ? 1 : 2;
    return {
      ballots: decision.accept === "first" ? first : second,
      differences,
      issues: [],
      statement: {
        vi: `Hai lần nhập khác nhau ở ${differences.length} chỗ; ${decision.by} quyết định lấy kết quả lần nhập ${side} sau khi đối chiếu phiếu giấy.`,
        en: `The two entries differ in ${differences.length} places; ${decision.by} decided to use entry ${side} after checking the paper ballots.`,
      },
    };
  }
  return {
    ballots: null,
    differences,
    issues: differences.map((d) => ({ ...raiseDifference(d), ref: { ballot: d.ballot, candidate: d.candidate } })),
    statement: {
      vi: `Hai lần nhập khác nhau ở ${differences.length} chỗ: chưa thể kết luận kiểm phiếu.`,
      en: `The two entries differ in ${differences.length} places: the count cannot conclude yet.`,
    },
  };
}
