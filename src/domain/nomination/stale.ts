import type { Message } from "../issues";
import { cleanText, nameKey } from "../text";
import { sha256Hex } from "../voting/fingerprint";
import type { Override, Proposal, Standing } from "./model";

/**
 * What a generated nomination document was built from (issue #14 item 3: "a late score change
 * marks the list and minutes out of date"). When the list and the review minutes are generated,
 * a fingerprint of their inputs is recorded with them in the workbook (ARCHITECTURE rule 1); on
 * the next read the same fingerprint is computed from the workbook as it is now, and each part
 * that differs is named: one unit's score, the ranking, the classification, the votes' results,
 * the meeting's decisions, its details, the bloc.
 *
 * One SHA-256 (the ballots' helper, FIPS 180-4) per part, cut to 8 hex digits: enough to tell a
 * change, short enough to keep one per unit. Only what the documents print is taken in, the way
 * they print it (DOMAIN §5: score, rank, classification, votes for / denominator, %, note), so a
 * re-typed name in another Unicode form (DOMAIN §6) or a later clock is not a change.
 */

export const SOURCES_FORMAT = "binh-xet/nomination-sources/v1";

/** A vote's result as the documents print it. */
export interface SourceVote {
  voteId: string;
  title: string;
  round: number;
  elected: readonly string[];
  candidates: readonly { name: string; votes: number; percent: number; passes: boolean }[];
}

/** The inputs of the nomination documents, as the generator reads them. */
export interface NominationSources {
  bloc: { name: string; province: string; year: number; leader: string } | null;
  standings: readonly Standing[];
  proposals: readonly Proposal[];
  votes: readonly SourceVote[];
  decisions: readonly Override[];
  /** The meeting's own record as typed (date, time, place, people, attendance, number, addressee, recipients); no clock. */
  meeting: Readonly<Record<string, unknown>>;
  /** Next year's leadership as the minutes print it; null when none. */
  leadership: unknown;
}

/** The parts a change is named by, in the order they are told. */
export const SOURCE_PARTS = ["ranking", "classification", "proposals", "votes", "decisions", "meeting", "bloc", "leadership"] as const;
export type SourcePart = (typeof SOURCE_PARTS)[number];

export type SourceChange = { part: "score"; unit: string } | { part: "scoresGone" } | { part: SourcePart };

/** Part → short hash; a unit's score under "s:" and a short hash of its name key. */
export type SourcesPrint = Record<string, string>;

/** Plain data in one text: object keys sorted, strings NFC, spaces folded, undefined left out. */
function canonical(x: unknown): string {
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") return cleanText(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === "object") {
      const o = v as Record<string, unknown>;
      return Object.fromEntries(
        Object.keys(o)
          .filter((k) => o[k] !== undefined)
          .sort()
          .map((k) => [k, walk(o[k])]),
      );
    }
    return v ?? null;
  };
  return JSON.stringify(walk(x));
}

const short = (x: unknown): string => sha256Hex(canonical(x)).slice(0, 8);
const unitKey = (unit: string): string => `s:${sha256Hex(nameKey(unit)).slice(0, 6)}`;
const byKey = <T extends { unit: string }>(xs: readonly T[]): T[] => [...xs].sort((a, b) => (nameKey(a.unit) < nameKey(b.unit) ? -1 : nameKey(a.unit) > nameKey(b.unit) ? 1 : 0));

/** The fingerprint of the sources: one short hash per part, and one per unit's score. */
export function sourcesPrint(src: NominationSources): SourcesPrint {
  const standings = byKey(src.standings);
  const out: SourcesPrint = {
    ranking: short(standings.map((s) => [nameKey(s.unit), s.rank])),
    classification: short(standings.map((s) => [nameKey(s.unit), s.band, s.leading])),
    // Who is proposed for what, in list order, with the meeting's reason; the figures are the other parts'.
    proposals: short(src.proposals.filter((p) => p.proposed).map((p) => [nameKey(p.unit), p.awardId, p.kind])),
    votes: short([...src.votes].sort((a, b) => (a.voteId < b.voteId ? -1 : 1)).map((v) => ({ ...v, elected: [...v.elected].map(nameKey).sort(), candidates: byKey(v.candidates.map((c) => ({ ...c, unit: c.name }))) }))),
    decisions: short(byKey(src.decisions).map((o) => [nameKey(o.unit), nameKey(o.award), o.include, o.reason])),
    meeting: short(src.meeting),
    bloc: short(src.bloc),
    leadership: short(src.leadership ?? null),
  };
  for (const s of standings) out[unitKey(s.unit)] = short(s.total);
  return out;
}

/** "binh-xet/nomination-sources/v1 ranking=… classification=… s:1a2b3c=…": the record kept in the workbook. */
export function encodeSources(print: SourcesPrint): string {
  return [SOURCES_FORMAT, ...Object.entries(print).map(([k, v]) => `${k}=${v}`)].join(" ");
}

/** The record read back; null when it is not one (another text, a later format). */
export function decodeSources(text: unknown): SourcesPrint | null {
  if (typeof text !== "string") return null;
  const [head, ...rest] = text.trim().split(/\s+/);
  if (head !== SOURCES_FORMAT) return null;
  const out: SourcesPrint = {};
  for (const pair of rest) {
    const m = /^([a-z]+|s:[0-9a-f]{6})=([0-9a-f]{8})$/.exec(pair);
    if (!m) return null;
    out[m[1]] = m[2];
  }
  return out;
}

/**
 * What changed between the record and the sources now: each unit whose score changed (in the
 * order given), a unit's score that is no longer there, then each part. [] when nothing did.
 */
export function sourceChanges(recorded: SourcesPrint, now: SourcesPrint, units: readonly string[]): SourceChange[] {
  const out: SourceChange[] = [];
  const seen = new Set<string>();
  for (const u of units) {
    const k = unitKey(u);
    if (seen.has(k) || !(k in now)) continue;
    seen.add(k);
    if (recorded[k] !== now[k]) out.push({ part: "score", unit: cleanText(u) });
  }
  if (Object.keys(recorded).some((k) => k.startsWith("s:") && !(k in now))) out.push({ part: "scoresGone" });
  for (const p of SOURCE_PARTS) if (recorded[p] !== now[p]) out.push({ part: p });
  return out;
}

const PART_TEXT: Record<SourcePart | "scoresGone", Message> = {
  scoresGone: { vi: "điểm của đơn vị không còn trong bảng tổng hợp", en: "the score of a unit no longer in the summary" },
  ranking: { vi: "xếp hạng", en: "the ranking" },
  classification: { vi: "xếp loại", en: "the classification" },
  proposals: { vi: "các đơn vị được đề nghị", en: "the units proposed" },
  votes: { vi: "kết quả bỏ phiếu", en: "the vote results" },
  decisions: { vi: "quyết định của hội nghị", en: "the meeting's decisions" },
  meeting: { vi: "thông tin hội nghị (ngày, địa điểm, thành phần, số tờ trình, nơi nhận)", en: "the meeting details (date, place, people, submission number, recipients)" },
  bloc: { vi: "hồ sơ khối (tên, tỉnh, năm, trưởng khối)", en: "the bloc record (name, province, year, leader)" },
  leadership: { vi: "trưởng khối năm sau", en: "next year's leadership" },
};

/** How many units' scores are named before "and N more". */
const NAMED_UNITS = 3;

/** The changes in words, per language: "điểm của Sở Công Thương, xếp hạng". */
export function changesText(changes: readonly SourceChange[]): Message {
  const scores = changes.filter((c): c is { part: "score"; unit: string } => c.part === "score");
  const others = changes.filter((c) => c.part !== "score") as { part: SourcePart | "scoresGone" }[];
  const vi: string[] = [];
  const en: string[] = [];
  if (scores.length) {
    const named = scores.slice(0, NAMED_UNITS).map((c) => c.unit);
    const more = scores.length - named.length;
    vi.push(`điểm của ${named.join(", ")}${more ? ` và ${more} đơn vị khác` : ""}`);
    en.push(`the score of ${named.join(", ")}${more ? ` and ${more} more units` : ""}`);
  }
  for (const c of others) {
    vi.push(PART_TEXT[c.part].vi);
    en.push(PART_TEXT[c.part].en);
  }
  return { vi: vi.join(", "), en: en.join(", ") };
}
