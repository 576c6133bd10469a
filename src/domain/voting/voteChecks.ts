/**
 * A vote's own checks, before any ballot: its definition (checkVote), its shape, its candidates
 * against the members, and parsing a vote from data. Split from model.ts (issue #13 line budget).
 */
import { parseChecked, type Message } from "../issues";
import { cleanText, nameKey } from "../text";
import { type BallotKind, type Vote, type VoteIssue, voteIssue, VoteSchema } from "./model";

/** How many a ballot of this kind may mark: the quota, N, or one. */
export function maxChoices(kind: BallotKind): number {
  return kind.kind === "approve" ? kind.quota : kind.kind === "chooseUpTo" ? kind.n : 1;
}

/**
 * Checks a vote's definition (the schema holds its shape).
 * Errors: a candidate listed twice (case-, space- and NFC/NFD-insensitive); more present than
 * members. Warnings: more to elect than candidates; fewer choices allowed than seats; tie steps
 * after one that always settles (revote, meeting, lot) can never apply; no head of the counting
 * committee.
 */
export function checkVote(vote: Vote): VoteIssue[] {
  const out: VoteIssue[] = [];
  if (vote.candidates.length === 0) {
    out.push(
      voteIssue("vote.candidates.none", {}, {}, "candidates"
      ),
    );
  }
  const seen = new Map<string, number>();
  vote.candidates.forEach((c, i) => {
    const k = nameKey(c);
    const first = seen.get(k);
    if (first !== undefined) {
      out.push(
        voteIssue("vote.candidate.duplicate", { name: cleanText(c), first: first + 1, second: i + 1 }, { candidate: c }, `candidates.${i}`
        ),
      );
    } else seen.set(k, i);
  });
  if (vote.attendance.present > vote.attendance.members) {
    out.push(
      voteIssue("vote.present.overMembers", { present: vote.attendance.present, members: vote.attendance.members }, { total: "present" }, "attendance.present"
      ),
    );
  }
  if (vote.toElect > vote.candidates.length) {
    out.push(
      voteIssue("vote.toElect.overCandidates", { toElect: vote.toElect, candidates: vote.candidates.length }, {}, "toElect"
      ),
    );
  }
  const max = maxChoices(vote.ballot);
  // A ballot may mark at most the seats (Luật Bầu cử ĐBQH và HĐND 2015 Đ74, by analogy: more is
  // invalid), so a quota above the list is lawful when the list is shorter than the seats, but it
  // never binds and is usually a typo (20 for 2): warned, not refused.
  if (vote.ballot.kind !== "chooseOne" && vote.candidates.length > 0 && max > vote.candidates.length) {
    out.push(
      voteIssue("vote.ballot.quotaOverCandidates", { max, candidates: vote.candidates.length }, {}, "ballot"
      ),
    );
  }
  if (max < Math.min(vote.toElect, vote.candidates.length)) {
    out.push(
      voteIssue("vote.ballot.quotaBelowToElect", { max, toElect: vote.toElect }, {}, "ballot"
      ),
    );
  }
  const final = vote.tieRule.findIndex((s) => s !== "higherScore");
  if (final >= 0 && final < vote.tieRule.length - 1) {
    out.push(
      voteIssue("vote.tieRule.unreachable", { step: final + 1 }, {}, "tieRule"
      ),
    );
  }
  if (!cleanText(vote.committee.head)) {
    out.push(voteIssue("vote.committee.noHead", {}, {}, "committee.head"));
  }
  return out;
}

/** The words of a vote's fields, for messages about a value that is not valid. */
const FIELD_WORDS: [string, Message][] = [
  ["candidates", { vi: "Đơn vị trong phiếu", en: "Units on the ballot" }],
  ["ballot", { vi: "Số đơn vị được chọn tối đa trên một phiếu", en: "Most choices a ballot allows" }],
  ["toElect", { vi: "Số lượng được chọn", en: "Seats to fill" }],
  ["rule.quorum", { vi: "Tỷ lệ có mặt tối thiểu (%)", en: "Quorum (%)" }],
  ["rule", { vi: "Tỷ lệ yêu cầu (%)", en: "Passing percentage" }],
  ["attendance.members", { vi: "Tổng số thành viên", en: "Members summoned" }],
  ["attendance.present", { vi: "Số thành viên có mặt", en: "Members present" }],
  ["round", { vi: "Vòng bỏ phiếu", en: "Round" }],
  ["title", { vi: "Nội dung bỏ phiếu", en: "The vote's title" }],
  ["purpose", { vi: "Hình thức khen thưởng", en: "Award" }],
  ["committee", { vi: "Ban kiểm phiếu", en: "Counting committee" }],
  ["tieRule", { vi: "Quy tắc xử lý bằng phiếu", en: "Tie rule" }],
];

/**
 * The shape of a vote (its schema) as coded issues a user can act on: `vote.value.invalid` with
 * the field (`candidates.2`, `ballot.quota`, `attendance.present`…) and its name in words; an
 * empty list of candidates is `checkVote`'s `vote.candidates.none`.
 */
export function checkVoteShape(vote: Vote): VoteIssue[] {
  const parsed = VoteSchema.safeParse(vote);
  if (parsed.success) return [];
  const out: VoteIssue[] = [];
  const seen = new Set<string>();
  for (const e of parsed.error.issues) {
    const path = e.path.map(String).join(".");
    if (path === "candidates" && vote.candidates.length === 0) continue;
    if (seen.has(path)) continue;
    seen.add(path);
    const words = FIELD_WORDS.find(([p]) => path === p || path.startsWith(`${p}.`))?.[1] ?? { vi: path, en: path };
    const item = /^candidates\.(\d+)$/.exec(path);
    const what: Message = item ? { vi: `${words.vi}, dòng ${Number(item[1]) + 1}`, en: `${words.en}, line ${Number(item[1]) + 1}` } : words;
    const shown = (() => {
      const v = e.path.reduce<unknown>((o, k) => (o && typeof o === "object" ? (o as Record<PropertyKey, unknown>)[k as PropertyKey] : undefined), vote);
      return typeof v === "number" || typeof v === "string" ? ` ("${String(v)}")` : "";
    })();
    out.push(
      voteIssue("vote.value.invalid", { value: shown, what }, {}, path
      ),
    );
  }
  return out;
}

/**
 * Candidates must be member units of the bloc (DOMAIN §1: leaders and deputies are elected among
 * the members, guidance 1122/BTĐKT-VI and 2746/HD-BTĐKT; awards go to member units): a name that
 * is no member's (after NFC, case and spaces, DOMAIN §6) is `vote.candidate.notMember`, and a
 * member's short name is pointed to its full name.
 */
export function checkCandidatesAreMembers(vote: Pick<Vote, "candidates">, members: readonly { name: string; shortName?: string }[]): VoteIssue[] {
  const names = new Set(members.map((m) => nameKey(m.name)));
  const out: VoteIssue[] = [];
  vote.candidates.forEach((c, i) => {
    if (!cleanText(c) || names.has(nameKey(c))) return;
    const short = members.find((m) => m.shortName && nameKey(m.shortName) === nameKey(c));
    out.push(
      voteIssue("vote.candidate.notMember", { name: cleanText(c), line: i + 1, hint: short ? ` → "${short.name}"?` : "" }, { candidate: cleanText(c) }, `candidates.${i}`
      ),
    );
  });
  return out;
}

/** A vote from untrusted data (a scenario file, a sheet): the schema, then `checkVote`. */
export function parseVote(raw: unknown): { vote: Vote | null; issues: VoteIssue[] } {
  const { value, issues } = parseChecked(VoteSchema, raw, (path, detail) => voteIssue("vote.data.schema", { path, detail }, {}, path), checkVote);
  return { vote: value, issues };
}
