import { raise, type IssueCode } from "../codes";
import { cleanText, cutGraphemes, legacyEncodingMark, looksLikeFormula, nameKey } from "../text";
import type { Issue, Where } from "../issues";

/** A member unit of the bloc. */
export interface Member {
  /** Full name, e.g. "Sở Công Thương". */
  name: string;
  /** Short name for tables and ballots, e.g. "SCT". May be empty. */
  shortName: string;
  note?: string;
}

/** The bloc's record for one year, as kept on the "Khối" sheet. */
export interface Bloc {
  name: string;
  province: string;
  year: number;
  /** Full name of the member unit that leads the bloc this year. */
  leader: string;
  /** One or two deputies (member unit full names). */
  deputies: string[];
  members: Member[];
}

/** What a form or a sheet gives before checking: every field as typed. */
export interface BlocDraft {
  name: string;
  province: string;
  year: string | number;
  leader: string;
  deputies: string[];
  members: { name: string; shortName?: string; note?: string }[];
}

/** Where each field of a draft sits on a sheet, so issues can point at cells. */
export interface BlocLocator {
  name?: Where;
  province?: Where;
  year?: Where;
  leader?: Where;
  deputies?: (Where | undefined)[];
  members?: { name?: Where; shortName?: Where }[];
  membersTable?: Where;
}

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;
export const MAX_MEMBERS = 200;
export const MAX_DEPUTIES = 2;
export const MAX_TEXT_LENGTH = 255;

/** Excel allows 31 characters in a sheet name; a unit's sheet keeps 3 for a " 2" suffix. */
export const SHEET_NAME_CUT = 28;

/**
 * The name a member's score sheet is given (before making it unique): its short name, or its full
 * name, without the characters Excel refuses in sheet names ([ ] : * ? / \ '), cut to 28 UTF-16
 * units at a character boundary (never half an emoji or a letter without its mark).
 */
export function memberSheetBase(m: { name: string; shortName?: string }): string {
  const legal = (cleanText(m.shortName ?? "") || cleanText(m.name)).replace(/[[\]:*?/\\']/g, " ").replace(/\s+/g, " ").trim();
  return cutGraphemes(legal, SHEET_NAME_CUT).trim() || "Đơn vị";
}

/** What a member is called by: its name, short name and sheet name, each a way to pick it. */
type Called = "name" | "shortName" | "sheet";

/**
 * Two members one of whose names (full, short, or the score sheet's) is another's: tables, ballots
 * and sheets would mix them up (Sở Tư pháp with the short name "Sở Xây dựng" while "Sở Xây dựng" is
 * a member). Same full names and same short names have their own codes. The later row is blamed.
 */
function nameClashes(members: Member[], at: BlocLocator, push: (field: string, issue: Issue, where?: Where) => void): void {
  const keys = members.map((m) => ({
    name: m.name ? nameKey(m.name) : "",
    shortName: m.shortName ? nameKey(m.shortName) : "",
    sheet: m.name ? nameKey(memberSheetBase(m)) : "",
  }));
  const shown = (m: Member, c: Called) => (c === "name" ? m.name : c === "shortName" ? m.shortName : memberSheetBase(m));
  // The sheet name is the short name when there is one: blame what the user typed.
  const typed = (m: Member, c: Called): "name" | "shortName" => (c === "name" ? "name" : c === "shortName" || m.shortName ? "shortName" : "name");
  members.forEach((mj, j) => {
    if (!mj.name) return;
    for (let i = 0; i < j; i++) {
      const mi = members[i];
      if (!mi.name || keys[i].name === keys[j].name || (keys[i].shortName && keys[i].shortName === keys[j].shortName)) continue;
      const pairs: [Called, Called][] = [
        ["shortName", "name"],
        ["name", "shortName"],
        ["sheet", "name"],
        ["sheet", "shortName"],
        ["name", "sheet"],
        ["shortName", "sheet"],
        ["sheet", "sheet"],
      ];
      const hit = pairs.find(([cj, ci]) => keys[j][cj] && keys[j][cj] === keys[i][ci]);
      if (!hit) continue;
      const [cj] = hit;
      const field = typed(mj, cj);
      push(
        `members.${j}.${field}`,
        raise("bloc.member.nameClash", { row: j + 1, name: mj.name, value: shown(mj, cj), otherRow: i + 1, otherName: mi.name }),
        at.members?.[j]?.[field],
      );
      return;
    }
  });
}

/** The codes of a checked text field: empty (when required), formula-like, in an old encoding, too long. */
interface TextCodes {
  empty?: IssueCode;
  formula: IssueCode;
  legacyEncoding: IssueCode;
  tooLong: IssueCode;
}
const TEXT_CODES = {
  name: { empty: "bloc.name.empty", formula: "bloc.name.formula", legacyEncoding: "bloc.name.legacyEncoding", tooLong: "bloc.name.tooLong" },
  province: { empty: "bloc.province.empty", formula: "bloc.province.formula", legacyEncoding: "bloc.province.legacyEncoding", tooLong: "bloc.province.tooLong" },
  memberName: { empty: "bloc.member.name.empty", formula: "bloc.member.name.formula", legacyEncoding: "bloc.member.name.legacyEncoding", tooLong: "bloc.member.name.tooLong" },
  memberShortName: { formula: "bloc.member.shortName.formula", legacyEncoding: "bloc.member.shortName.legacyEncoding", tooLong: "bloc.member.shortName.tooLong" },
  leader: { empty: "bloc.leader.empty", formula: "bloc.leader.formula", legacyEncoding: "bloc.leader.legacyEncoding", tooLong: "bloc.leader.tooLong" },
  deputy: { empty: "bloc.deputy.empty", formula: "bloc.deputy.formula", legacyEncoding: "bloc.deputy.legacyEncoding", tooLong: "bloc.deputy.tooLong" },
} as const satisfies Record<string, TextCodes>;

export function parseYear(raw: string | number): number | null {
  const s = typeof raw === "number" ? String(raw) : cleanText(raw ?? "");
  if (!/^\d{4}$/.test(s)) return null;
  const y = Number(s);
  return y >= MIN_YEAR && y <= MAX_YEAR ? y : null;
}

/**
 * Checks a draft; returns the bloc with every text cleaned (NFC, spaces folded) or the issues.
 * Errors: empty bloc name, province or leader; a year that is not a year; no members; a member
 * without a name; two members with the same name (case-, space- and NFC/NFD-insensitive) or the
 * same short name; a short name (or score sheet name) that is another member's name, short name or
 * sheet name (bloc.member.nameClash); a member name that is only a number; text beginning with = + - or @ (numbers included); a leader or deputy who is not a member; the
 * leader also a deputy; no deputy, more than two, or one listed twice.
 */
export function validateBloc(draft: BlocDraft, at: BlocLocator = {}): { bloc: Bloc | null; issues: Issue[] } {
  const issues: Issue[] = [];
  const push = (field: string, issue: Issue, where?: Where) => issues.push(where ? { ...issue, where, field } : { ...issue, field });

  /** Cleans one text field and reports it empty (when required), formula-like, in an old encoding or too long. */
  const text = (field: string, codes: TextCodes, row: number, value: string, where: Where | undefined): string => {
    const v = cleanText(value ?? "");
    const p = { row, value: v, char: v[0] ?? "", max: MAX_TEXT_LENGTH };
    if (!v) {
      if (codes.empty) push(field, raise(codes.empty, p as never), where);
      return v;
    }
    if (looksLikeFormula(v)) push(field, raise(codes.formula, p as never), where);
    const odd = legacyEncodingMark(v);
    if (odd) push(field, raise(codes.legacyEncoding, { ...p, char: odd } as never), where);
    if (v.length > MAX_TEXT_LENGTH) push(field, raise(codes.tooLong, p as never), where);
    return v;
  };

  const name = text("name", TEXT_CODES.name, 0, draft.name, at.name);
  const province = text("province", TEXT_CODES.province, 0, draft.province, at.province);

  const year = parseYear(draft.year);
  if (year === null) {
    const shown = cleanText(String(draft.year ?? ""));
    push("year", shown ? raise("bloc.year.invalid", { value: shown, min: MIN_YEAR, max: MAX_YEAR }) : raise("bloc.year.empty", {}), at.year);
  }

  const members: Member[] = [];
  const byName = new Map<string, number>();
  const byShort = new Map<string, number>();
  draft.members.forEach((m, i) => {
    const rowAt = at.members?.[i];
    const row = i + 1;
    const mName = text(`members.${i}.name`, TEXT_CODES.memberName, row, m.name, rowAt?.name);
    const shortName = text(`members.${i}.shortName`, TEXT_CODES.memberShortName, row, m.shortName ?? "", rowAt?.shortName);
    // A bare number is a numbering or a formula's result (Excel turns a typed "-1+1" into =-1+1, shown as 0), never a unit.
    if (/^\d+(?:[.,]\d+)*$/.test(mName)) {
      push(
        `members.${i}.name`,
        raise("bloc.member.name.number", { row, name: mName }),
        rowAt?.name,
      );
    }
    if (mName) {
      const first = byName.get(nameKey(mName));
      if (first !== undefined) {
        push(
          `members.${i}.name`,
          raise("bloc.member.duplicate", { name: mName, row, first: first + 1 }),
          rowAt?.name,
        );
      } else byName.set(nameKey(mName), i);
    }
    if (shortName) {
      const first = byShort.get(nameKey(shortName));
      if (first !== undefined) {
        push(
          `members.${i}.shortName`,
          raise("bloc.member.shortDuplicate", { shortName, row, first: first + 1 }),
          rowAt?.shortName,
        );
      } else byShort.set(nameKey(shortName), i);
    }
    const note = m.note ? cleanText(m.note) : "";
    members.push(note ? { name: mName, shortName, note } : { name: mName, shortName });
  });

  nameClashes(members, at, push);

  if (members.length === 0) {
    push("members", raise("bloc.members.none", {}), at.membersTable);
  } else if (members.length > MAX_MEMBERS) {
    push("members", raise("bloc.members.tooMany", { max: MAX_MEMBERS }), at.membersTable);
  }

  /** A typed unit name (full or short) resolved to the member's full name. */
  const resolve = (typed: string): string | null => {
    const k = nameKey(typed);
    const hit = members.find((m) => m.name && nameKey(m.name) === k) ?? members.find((m) => m.shortName && nameKey(m.shortName) === k);
    return hit ? hit.name : null;
  };

  let leader = "";
  const leaderTyped = text("leader", TEXT_CODES.leader, 0, draft.leader, at.leader);
  if (leaderTyped) {
    const r = resolve(leaderTyped);
    if (r) leader = r;
    else push("leader", raise("bloc.leader.notMember", { leader: leaderTyped }), at.leader);
  }

  const deputies: string[] = [];
  const filled = draft.deputies.map((d, i) => ({ d: cleanText(d ?? ""), i })).filter((x) => x.d);
  if (filled.length === 0) {
    push("deputies.0", raise("bloc.deputies.none", {}), at.deputies?.[0]);
  }
  filled.forEach(({ d, i }, n) => {
    const field = `deputies.${i}`;
    const where = at.deputies?.[i];
    if (n >= MAX_DEPUTIES) {
      push(field, raise("bloc.deputies.tooMany", { max: MAX_DEPUTIES }), where);
      return;
    }
    const typed = text(field, TEXT_CODES.deputy, 0, d, where);
    const r = resolve(typed);
    if (!r) push(field, raise("bloc.deputy.notMember", { deputy: d }), where);
    else if (r === leader) push(field, raise("bloc.deputy.isLeader", { deputy: d }), where);
    else if (deputies.includes(r)) push(field, raise("bloc.deputy.duplicate", { deputy: d }), where);
    else deputies.push(r);
  });

  if (issues.some((i) => i.severity === "error")) return { bloc: null, issues };
  return { bloc: { name, province, year: year as number, leader, deputies, members }, issues };
}

/** The draft a bloc was made from: for forms that edit an existing bloc. */
export function blocToDraft(bloc: Bloc): BlocDraft {
  return {
    name: bloc.name,
    province: bloc.province,
    year: bloc.year,
    leader: bloc.leader,
    deputies: [...bloc.deputies],
    members: bloc.members.map((m) => ({ ...m })),
  };
}
