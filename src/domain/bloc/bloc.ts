import { cleanText, cutGraphemes, legacyEncodingMark, looksLikeFormula, nameKey } from "../text";
import { error, warning, type Issue, type Message, type Where } from "../issues";

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

const say = (vi: string, en: string): Message => ({ vi, en });

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
const CALLED: Record<Called, Message> = {
  name: say("tên đơn vị", "name"),
  shortName: say("tên viết tắt", "short name"),
  sheet: say("tên trang chấm điểm", "score sheet name"),
};

/**
 * Two members one of whose names (full, short, or the score sheet's) is another's: tables, ballots
 * and sheets would mix them up (Sở Tư pháp with the short name "Sở Xây dựng" while "Sở Xây dựng" is
 * a member). Same full names and same short names have their own codes. The later row is blamed.
 */
function nameClashes(members: Member[], at: BlocLocator, push: (field: string, code: string, message: Message, where?: Where) => void): void {
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
      const [cj, ci] = hit;
      const field = typed(mj, cj);
      push(
        `members.${j}.${field}`,
        "bloc.member.nameClash",
        say(
          `Dòng ${j + 1} (${mj.name}) có ${CALLED[cj].vi} "${shown(mj, cj)}" trùng với ${CALLED[ci].vi} của dòng ${i + 1} (${mi.name}): bảng tính và phiếu bầu sẽ lẫn hai đơn vị. Hãy đặt tên viết tắt khác.`,
          `Row ${j + 1} (${mj.name}) has the ${CALLED[cj].en} "${shown(mj, cj)}", the same as the ${CALLED[ci].en} of row ${i + 1} (${mi.name}): sheets and ballots would mix the two units up. Give it another short name.`,
        ),
        at.members?.[j]?.[field],
      );
      return;
    }
  });
}

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
  const push = (field: string, code: string, message: Message, where?: Where) => issues.push({ ...error(code, message, where), field });

  /** Cleans one text field and reports it empty (when required), formula-like or too long. */
  const text = (field: string, code: string, label: Message, value: string, where: Where | undefined, required: boolean): string => {
    const v = cleanText(value ?? "");
    if (!v) {
      if (required) push(field, `${code}.empty`, say(`${label.vi} không được để trống.`, `${label.en} must not be empty.`), where);
      return v;
    }
    if (looksLikeFormula(v)) {
      push(
        field,
        `${code}.formula`,
        say(
          `${label.vi} "${v}" bắt đầu bằng "${v[0]}": bảng tính sẽ hiểu nhầm là công thức. Hãy bỏ ký tự này.`,
          `${label.en} "${v}" begins with "${v[0]}": a spreadsheet would read it as a formula. Remove that character.`,
        ),
        where,
      );
    }
    const odd = legacyEncodingMark(v);
    if (odd) {
      issues.push({
        ...warning(
          `${code}.legacyEncoding`,
          say(
            `${label.vi} "${v}" có ký tự "${odd}" không có trong tiếng Việt: có thể được gõ bằng bảng mã cũ (TCVN3 .VnTime, VNI). Hãy gõ lại bằng Unicode.`,
            `${label.en} "${v}" holds "${odd}", which Vietnamese does not use: it may have been typed in an old encoding (TCVN3 .VnTime, VNI). Type it again in Unicode.`,
          ),
          where,
        ),
        field,
      });
    }
    if (v.length > MAX_TEXT_LENGTH) {
      push(field, `${code}.tooLong`, say(`${label.vi} dài quá ${MAX_TEXT_LENGTH} ký tự.`, `${label.en} is longer than ${MAX_TEXT_LENGTH} characters.`), where);
    }
    return v;
  };

  const name = text("name", "bloc.name", say("Tên khối", "The bloc name"), draft.name, at.name, true);
  const province = text("province", "bloc.province", say("Tỉnh/thành phố", "The province"), draft.province, at.province, true);

  const year = parseYear(draft.year);
  if (year === null) {
    const shown = cleanText(String(draft.year ?? ""));
    push(
      "year",
      shown ? "bloc.year.invalid" : "bloc.year.empty",
      shown
        ? say(`Năm "${shown}" không phải là một năm (${MIN_YEAR}–${MAX_YEAR}).`, `Year "${shown}" is not a year (${MIN_YEAR}–${MAX_YEAR}).`)
        : say("Năm thi đua không được để trống.", "The year must not be empty."),
      at.year,
    );
  }

  const members: Member[] = [];
  const byName = new Map<string, number>();
  const byShort = new Map<string, number>();
  draft.members.forEach((m, i) => {
    const rowAt = at.members?.[i];
    const row = i + 1;
    const mName = text(`members.${i}.name`, "bloc.member.name", say(`Tên đơn vị (dòng ${row})`, `Member name (row ${row})`), m.name, rowAt?.name, true);
    const shortName = text(
      `members.${i}.shortName`,
      "bloc.member.shortName",
      say(`Tên viết tắt (dòng ${row})`, `Short name (row ${row})`),
      m.shortName ?? "",
      rowAt?.shortName,
      false,
    );
    // A bare number is a numbering or a formula's result (Excel turns a typed "-1+1" into =-1+1, shown as 0), never a unit.
    if (/^\d+(?:[.,]\d+)*$/.test(mName)) {
      push(
        `members.${i}.name`,
        "bloc.member.name.number",
        say(`Tên đơn vị (dòng ${row}) là số "${mName}", không phải tên một đơn vị.`, `Member name (row ${row}) is the number "${mName}", not a unit's name.`),
        rowAt?.name,
      );
    }
    if (mName) {
      const first = byName.get(nameKey(mName));
      if (first !== undefined) {
        push(
          `members.${i}.name`,
          "bloc.member.duplicate",
          say(`Đơn vị "${mName}" (dòng ${row}) trùng với dòng ${first + 1}.`, `Member "${mName}" (row ${row}) duplicates row ${first + 1}.`),
          rowAt?.name,
        );
      } else byName.set(nameKey(mName), i);
    }
    if (shortName) {
      const first = byShort.get(nameKey(shortName));
      if (first !== undefined) {
        push(
          `members.${i}.shortName`,
          "bloc.member.shortDuplicate",
          say(`Tên viết tắt "${shortName}" (dòng ${row}) trùng với dòng ${first + 1}.`, `Short name "${shortName}" (row ${row}) duplicates row ${first + 1}.`),
          rowAt?.shortName,
        );
      } else byShort.set(nameKey(shortName), i);
    }
    const note = m.note ? cleanText(m.note) : "";
    members.push(note ? { name: mName, shortName, note } : { name: mName, shortName });
  });

  nameClashes(members, at, push);

  if (members.length === 0) {
    push("members", "bloc.members.none", say("Khối chưa có đơn vị thành viên nào.", "The bloc has no member units."), at.membersTable);
  } else if (members.length > MAX_MEMBERS) {
    push("members", "bloc.members.tooMany", say(`Khối có quá ${MAX_MEMBERS} đơn vị.`, `The bloc has more than ${MAX_MEMBERS} members.`), at.membersTable);
  }

  /** A typed unit name (full or short) resolved to the member's full name. */
  const resolve = (typed: string): string | null => {
    const k = nameKey(typed);
    const hit = members.find((m) => m.name && nameKey(m.name) === k) ?? members.find((m) => m.shortName && nameKey(m.shortName) === k);
    return hit ? hit.name : null;
  };

  let leader = "";
  const leaderTyped = text("leader", "bloc.leader", say("Trưởng khối", "The bloc leader"), draft.leader, at.leader, true);
  if (leaderTyped) {
    const r = resolve(leaderTyped);
    if (r) leader = r;
    else push("leader", "bloc.leader.notMember", say(`Trưởng khối "${leaderTyped}" không có trong danh sách đơn vị.`, `Leader "${leaderTyped}" is not in the member list.`), at.leader);
  }

  const deputies: string[] = [];
  const filled = draft.deputies.map((d, i) => ({ d: cleanText(d ?? ""), i })).filter((x) => x.d);
  if (filled.length === 0) {
    push("deputies.0", "bloc.deputies.none", say("Cần ít nhất một phó trưởng khối.", "At least one deputy is needed."), at.deputies?.[0]);
  }
  filled.forEach(({ d, i }, n) => {
    const field = `deputies.${i}`;
    const where = at.deputies?.[i];
    if (n >= MAX_DEPUTIES) {
      push(field, "bloc.deputies.tooMany", say(`Khối có tối đa ${MAX_DEPUTIES} phó trưởng khối.`, `A bloc has at most ${MAX_DEPUTIES} deputies.`), where);
      return;
    }
    const typed = text(field, "bloc.deputy", say("Phó trưởng khối", "The deputy"), d, where, true);
    const r = resolve(typed);
    if (!r) push(field, "bloc.deputy.notMember", say(`Phó trưởng khối "${d}" không có trong danh sách đơn vị.`, `Deputy "${d}" is not in the member list.`), where);
    else if (r === leader) push(field, "bloc.deputy.isLeader", say(`"${d}" vừa là trưởng khối vừa là phó trưởng khối.`, `"${d}" is both the leader and a deputy.`), where);
    else if (deputies.includes(r)) push(field, "bloc.deputy.duplicate", say(`Phó trưởng khối "${d}" được ghi hai lần.`, `Deputy "${d}" is listed twice.`), where);
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
