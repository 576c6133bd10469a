/**
 * The bloc's door (issue #11): the pane's bloc form and the scenario's "bloc" both go through
 * saveBloc. Each refused case is tried on a workbook that already holds a saved bloc, so "nothing
 * written" means the old record is intact. Name rules: docs/huong-dan.md §3 and §6 (Đơn vị thành
 * viên), DOMAIN.md §2 (a bloc's members, leader, deputies); sheet names: Excel's 31-character limit.
 */
import { loadBloc, saveBloc } from "../../src/app/bloc";
import { insertScoring } from "../../src/app/scoring";
import type { BlocDraft } from "../../src/domain/bloc/bloc";
import { MemoryHost } from "../../src/host";
import { sampleDraft } from "../fixtures/bloc";
import { tried, type BadCase, type Seen } from "./harness";

const door = "pane.bloc";

/** A workbook holding the sample bloc; `edit` makes the draft the user then tries to save over it. */
function trySave(edit: (d: BlocDraft) => void, after?: (host: MemoryHost) => Promise<void>): () => Promise<Seen> {
  return async () => {
    const host = new MemoryHost();
    const first = await saveBloc(host, sampleDraft(), { basedOn: null });
    if (first.kind !== "saved") throw new Error("the sample bloc must save");
    const draft = sampleDraft();
    edit(draft);
    const seen = await tried(host, async () => (await saveBloc(host, draft, { basedOn: first.fingerprint })).issues);
    if (after) await after(host);
    return seen;
  };
}

const add = (...ms: { name: string; shortName?: string }[]) => (d: BlocDraft) => void d.members.push(...ms.map((m) => ({ shortName: "", ...m })));
const member = (i: number, m: { name?: string; shortName?: string }) => (d: BlocDraft) => void Object.assign(d.members[i], m);
/** The value the Khối sheet holds for member `i` (row 13 on). */
const written = (host: MemoryHost, i: number) => host.values("Khối", `B${13 + i}:C${13 + i}`)[0];
const expectWritten = (i: number, name: string, shortName = "") => async (host: MemoryHost) => void expect(written(host, i)).toEqual([name, shortName]);

/** Saves a bloc whose 9th member is `m`, inserts the score sheets; `check` sees the sheet names. */
function trySheets(m: { name: string; shortName?: string }, check: (names: string[]) => void): () => Promise<Seen> {
  return async () => {
    const host = new MemoryHost();
    const d = sampleDraft();
    d.members.push({ shortName: "", ...m });
    const issues = [...(await saveBloc(host, d, { basedOn: null })).issues];
    issues.push(...(await insertScoring(host, { template: "departments-100" })).issues);
    check(host.sheetNames());
    return { issues };
  };
}
const segments = (s: string) => Array.from(new Intl.Segmenter("vi", { granularity: "grapheme" }).segment(s), (x) => x.segment);
/** The unit sheet made for a name: a whole-grapheme start of it, at most 28 UTF-16 units. */
const cutWhole = (name: string) => (names: string[]) => {
  const sheet = names.find((n) => n.length > 10 && name.startsWith(n.slice(0, 10)));
  expect(sheet).toBeDefined();
  expect(sheet!.length).toBeLessThanOrEqual(28);
  const whole = segments(name);
  expect(segments(sheet!).every((g, i) => g === whole[i])).toBe(true);
  expect(sheet).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
};

const ROW9 = 8; // index of a ninth member added to the 8 of the sample

export const cases: BadCase[] = [
  // — 1. A name that another member goes by (issue #11: "Sở Tư pháp's sheet named Sở Xây dựng").
  { id: "bloc.shortIsOthersName", door, tried: 'Sở Tư pháp with the short name "Sở Xây dựng" while Sở Xây dựng is a member', outcome: "refused", code: "bloc.member.nameClash", where: { field: `members.${ROW9}.shortName` }, run: trySave(add({ name: "Sở Tư pháp", shortName: "Sở Xây dựng" })) },
  { id: "bloc.shortIsOthersNameCase", door, tried: 'short name "SỞ XÂY DỰNG" typed in capitals and NFD', outcome: "refused", code: "bloc.member.nameClash", where: { field: `members.${ROW9}.shortName` }, run: trySave(add({ name: "Sở Tư pháp", shortName: "SỞ XÂY DỰNG".normalize("NFD") })) },
  { id: "bloc.shortIsLaterName", door, tried: 'row 1 short name "Sở Xây dựng", Sở Xây dựng listed later', outcome: "refused", code: "bloc.member.nameClash", where: { field: "members.1.name" }, run: trySave(member(0, { shortName: "Sở Xây dựng" })) },
  { id: "bloc.nameIsOthersShort", door, tried: 'a member named "SCT" while Sở Công Thương\'s short name is SCT', outcome: "refused", code: "bloc.member.nameClash", where: { field: `members.${ROW9}.name` }, run: trySave(add({ name: "SCT" })) },
  { id: "bloc.sheetIsOthersName", door, tried: "a long name whose 28-character sheet name is another member's name", outcome: "refused", code: "bloc.member.nameClash", where: { field: `members.${ROW9}.name` }, run: trySave((d) => { d.members[6].shortName = ""; d.members.push({ name: "Ban Quản lý Dự án Đầu tư Xây", shortName: "" });}) },
  { id: "bloc.sheetsEqual", door, tried: "two long names without short names that cut to the same sheet name", outcome: "refused", code: "bloc.member.nameClash", where: { field: `members.${ROW9}.name` }, run: trySave((d) => { d.members[6].shortName = ""; d.members.push({ name: "Ban Quản lý Dự án Đầu tư Xây dựng các công trình giao thông", shortName: "" }); }) },
  { id: "bloc.sheetAfterIllegalChars", door, tried: 'short names "KCN/KKT" and "KCN KKT" (a slash is not allowed in a sheet name)', outcome: "refused", code: "bloc.member.nameClash", where: { field: `members.${ROW9}.shortName` }, run: trySave((d) => { d.members[5].shortName = "KCN/KKT"; d.members.push({ name: "Ban Quản lý Khu kinh tế", shortName: "KCN KKT" }); }) },
  { id: "bloc.shortIsOthersSheet", door, tried: "a short name equal to another member's sheet name (its cut full name)", outcome: "refused", code: "bloc.member.nameClash", where: { field: `members.${ROW9}.shortName` }, run: trySave((d) => { d.members[6].shortName = ""; d.members.push({ name: "Ban Dự án", shortName: "Ban Quản lý Dự án Đầu tư Xây" }); }) },
  { id: "bloc.sameName", door, tried: "two members with the same name, one in NFD with extra spaces", outcome: "refused", code: "bloc.member.duplicate", where: { field: `members.${ROW9}.name` }, run: trySave(add({ name: "  Sở  Xây dựng ".normalize("NFD"), shortName: "SXD2" })) },
  { id: "bloc.sameShort", door, tried: 'two members with short name "sct" / "SCT"', outcome: "refused", code: "bloc.member.shortDuplicate", where: { field: `members.${ROW9}.shortName` }, run: trySave(add({ name: "Sở Tư pháp", shortName: "sct" })) },

  // — 3. Formula-like names: refused at the door (docs/huong-dan.md §3), neutralised in exports anyway.
  { id: "bloc.nameMinusNumber", door, tried: 'a member named "-1+1"', outcome: "refused", code: "bloc.member.name.formula", where: { field: `members.${ROW9}.name` }, run: trySave(add({ name: "-1+1" })) },
  { id: "bloc.namePlusCmd", door, tried: "a member named \"+1+cmd|' /C calc'!A0\" (CSV injection)", outcome: "refused", code: "bloc.member.name.formula", where: { field: `members.${ROW9}.name` }, run: trySave(add({ name: "+1+cmd|' /C calc'!A0" })) },
  { id: "bloc.nameEquals", door, tried: 'a member named "=HYPERLINK(…)"', outcome: "refused", code: "bloc.member.name.formula", where: { field: `members.${ROW9}.name` }, run: trySave(add({ name: '=HYPERLINK("http://x","Sở")' })) },
  { id: "bloc.shortAt", door, tried: 'a short name "@SUM(A1)"', outcome: "refused", code: "bloc.member.shortName.formula", where: { field: "members.0.shortName" }, run: trySave(member(0, { shortName: "@SUM(A1)" })) },
  { id: "bloc.nameAfterTab", door, tried: 'a name "\\t=1+1" (a tab before the =)', outcome: "refused", code: "bloc.member.name.formula", where: { field: `members.${ROW9}.name` }, run: trySave(add({ name: "\t=1+1" })) },
  { id: "bloc.nameAfterZeroWidth", door, tried: "a name with a zero-width space before =", outcome: "refused", code: "bloc.member.name.formula", where: { field: `members.${ROW9}.name` }, run: trySave(add({ name: "\u200b=1+1" })) },
  { id: "bloc.blocNameMinus", door, tried: 'the bloc name "-Khối 1"', outcome: "refused", code: "bloc.name.formula", where: { field: "name" }, run: trySave((d) => void (d.name = "-Khối 1")) },
  { id: "bloc.provincePlus", door, tried: 'the province "+84"', outcome: "refused", code: "bloc.province.formula", where: { field: "province" }, run: trySave((d) => void (d.province = "+84")) },

  // — Other refusals at the same door.
  { id: "bloc.nameOnlySpaces", door, tried: "a member whose name is only non-breaking spaces", outcome: "refused", code: "bloc.member.name.empty", where: { field: `members.${ROW9}.name` }, run: trySave(add({ name: "\u00a0 \u00a0", shortName: "X" })) },
  { id: "bloc.nameTooLong", door, tried: "a member name of 256 characters", outcome: "refused", code: "bloc.member.name.tooLong", where: { field: `members.${ROW9}.name` }, run: trySave(add({ name: "Sở ".padEnd(256, "x") })) },
  { id: "bloc.yearLetterO", door, tried: 'the year "2O26" (letter O)', outcome: "refused", code: "bloc.year.invalid", where: { field: "year" }, run: trySave((d) => void (d.year = "2O26")) },
  { id: "bloc.yearTooEarly", door, tried: "the year 1999", outcome: "refused", code: "bloc.year.invalid", where: { field: "year" }, run: trySave((d) => void (d.year = 1999)) },
  { id: "bloc.leaderNotMember", door, tried: "a leader who is not a member", outcome: "refused", code: "bloc.leader.notMember", where: { field: "leader" }, run: trySave((d) => void (d.leader = "Sở Ngoại vụ")) },
  { id: "bloc.deputyIsLeader", door, tried: "the leader also chosen as deputy (by short name)", outcome: "refused", code: "bloc.deputy.isLeader", where: { field: "deputies.0" }, run: trySave((d) => void (d.deputies = ["SCT"])) },
  { id: "bloc.noMembers", door, tried: "no members at all", outcome: "refused", code: "bloc.members.none", where: { field: "members" }, run: trySave((d) => void (d.members = [])) },
  { id: "bloc.tooManyMembers", door, tried: "201 members", outcome: "refused", code: "bloc.members.tooMany", where: { field: "members" }, run: trySave((d) => void (d.members = sampleDraft(201).members)) },

  // — Rightly accepted.
  { id: "bloc.nfdName", door, tried: "a name typed in NFD (decomposed accents)", outcome: "accepted", why: "the same letters: stored in NFC, compared NFC-insensitively (huong-dan §3)", run: trySave(add({ name: "Sở Tư pháp".normalize("NFD"), shortName: "STP" }), expectWritten(ROW9, "Sở Tư pháp", "STP")) },
  { id: "bloc.apostrophe", door, tried: "a name with an apostrophe", outcome: "accepted", why: "an apostrophe is ordinary text (only the sheet name drops it)", run: trySave(add({ name: "Hội Liên hiệp Phụ nữ tỉnh (Women's Union)", shortName: "HLHPN" }), expectWritten(ROW9, "Hội Liên hiệp Phụ nữ tỉnh (Women's Union)", "HLHPN")) },
  { id: "bloc.unicodeMinus", door, tried: 'a name beginning with "−" (U+2212, not a hyphen)', outcome: "accepted", why: "Excel reads only = + - @ as a formula start", run: trySave(add({ name: "−Đơn vị thử", shortName: "DVT" })) },
  { id: "bloc.hyphenInside", door, tried: 'a name with " - " inside ("Sở Lao động - Thương binh và Xã hội")', outcome: "accepted", why: "only the first character can start a formula", run: trySave(add({ name: "Sở Lao động - Thương binh và Xã hội", shortName: "SLĐTBXH" })) },
  { id: "bloc.shortIsOwnName", door, tried: "a member whose short name is its own name", outcome: "accepted", why: "the same unit: nothing to mix up", run: trySave(add({ name: "Sở Y tế", shortName: "Sở Y tế" })) },
  { id: "bloc.nbspInside", door, tried: "a name with non-breaking spaces between words", outcome: "accepted", why: "spaces are folded (huong-dan §3)", run: trySave(add({ name: "Sở\u00a0Tư\u00a0pháp", shortName: "STP" }), expectWritten(ROW9, "Sở Tư pháp", "STP")) },
  { id: "bloc.name255", door, tried: "a name of exactly 255 characters", outcome: "accepted", why: "the limit is 255", run: trySave(add({ name: "Sở ".padEnd(255, "x"), shortName: "X" })) },
  { id: "bloc.emojiCut", door, tried: "a long name with an emoji across the 28th character", outcome: "accepted", why: "the sheet name is cut before the emoji, never through it", run: trySheets({ name: "Trung tâm Phát triển quỹ đấ😀t tỉnh Nam" }, cutWhole("Trung tâm Phát triển quỹ đấ😀t tỉnh Nam")) },
  { id: "bloc.zwjCut", door, tried: "a long name with a family emoji (ZWJ sequence) across the 28th character", outcome: "accepted", why: "the whole ZWJ sequence is one character: kept whole or dropped whole", run: trySheets({ name: "Hội Bảo trợ gia đình 👨‍👩‍👧‍👦 và trẻ em" }, cutWhole("Hội Bảo trợ gia đình 👨‍👩‍👧‍👦 và trẻ em")) },
  { id: "bloc.markCut", door, tried: "a long name with a combining mark (no precomposed form) on the 28th character", outcome: "accepted", why: "the letter and its mark stay together", run: trySheets({ name: "Ban Quản lý rừng phòng hộ Yx\u0301 Sơn" }, cutWhole("Ban Quản lý rừng phòng hộ Yx\u0301 Sơn")) },
];

/** The "Khối" sheet edited by hand, then read by the pane (loadBloc): issues point at the cell. */
function tryEdit(edit: (host: MemoryHost) => void): () => Promise<Seen> {
  return async () => {
    const host = new MemoryHost();
    const first = await saveBloc(host, sampleDraft(), { basedOn: null });
    if (first.kind !== "saved") throw new Error("the sample bloc must save");
    edit(host);
    return tried(host, async () => (await loadBloc(host)).issues);
  };
}
const sheet = "pane.bloc (sheet Khối)";

cases.push(
  { id: "bloc.sheet.shortIsOthersName", door: sheet, tried: 'on the sheet, SCT\'s short name changed to "Sở Xây dựng"', outcome: "refused", code: "bloc.member.nameClash", where: { sheet: "Khối", cell: "B14" }, run: tryEdit((h) => h.userEdit("Khối", "C13", "Sở Xây dựng")) },
  { id: "bloc.sheet.cutClash", door: sheet, tried: "on the sheet, a name equal to another's 28-character sheet name", outcome: "refused", code: "bloc.member.nameClash", where: { sheet: "Khối", cell: "B20" }, run: tryEdit((h) => { h.userEdit("Khối", "C19", null); h.userEdit("Khối", "B20", "Ban Quản lý Dự án Đầu tư Xây"); }) },
  { id: "bloc.sheet.typedFormula", door: sheet, tried: 'on the sheet, "-1+1" typed into a name cell (Excel makes it =-1+1, shown as 0)', outcome: "refused", code: "bloc.member.name.number", where: { sheet: "Khối", cell: "B20" }, run: tryEdit((h) => h.userEdit("Khối", "B20", "=-1+1")) },
  { id: "bloc.sheet.typedText", door: sheet, tried: "on the sheet, \"'-1+1\" typed as text into a name cell", outcome: "refused", code: "bloc.member.name.formula", where: { sheet: "Khối", cell: "B20" }, run: tryEdit((h) => h.userEdit("Khối", "B20", "'-1+1")) },
  { id: "bloc.sheet.numberName", door: sheet, tried: "on the sheet, a member name that is the number 5", outcome: "refused", code: "bloc.member.name.number", where: { sheet: "Khối", cell: "B18" }, run: tryEdit((h) => h.userEdit("Khối", "B18", 5)) },
  { id: "bloc.numberName", door, tried: 'in the pane, a member named "12"', outcome: "refused", code: "bloc.member.name.number", where: { field: `members.${ROW9}.name` }, run: trySave(add({ name: "12", shortName: "X12" })) },
);

// — Text typed in an old 8-bit encoding and pasted as Unicode (DOMAIN.md §6): kept, but the user is told.
cases.push(
  { id: "bloc.tcvn3Name", door, tried: 'a name typed in TCVN3 (.VnTime): "Së T\u00ad ph¸p"', outcome: "warned", code: "bloc.member.name.legacyEncoding", where: { field: `members.${ROW9}.name` }, run: trySave(add({ name: "Së T\u00ad ph¸p", shortName: "STP" })) },
  { id: "bloc.vniName", door, tried: 'a name typed in VNI: "Sôû Noäi vuï"', outcome: "warned", code: "bloc.member.name.legacyEncoding", where: { field: `members.${ROW9}.name` }, run: trySave(add({ name: "Sôû Noäi vuï", shortName: "SNV" })) },
  { id: "bloc.tcvn3Province", door, tried: 'the province in TCVN3: "Nam §Þnh"', outcome: "warned", code: "bloc.province.legacyEncoding", where: { field: "province" }, run: trySave((d) => void (d.province = "Nam §Þnh")) },
  { id: "bloc.allVietnamese", door, tried: "names using every Vietnamese letter (ă â đ ê ô ơ ư, all tones)", outcome: "accepted", why: "no Vietnamese letter is taken for an old encoding", run: trySave(add({ name: "Ấp Ằng Ẳng Ẵng Ặng Đèo Ềnh Ểnh Ễnh Ệnh Ỉ Ị Ọ Ỏ Ố Ồ Ổ Ỗ Ộ Ớ Ờ Ở Ỡ Ợ Ụ Ủ Ứ Ừ Ử Ữ Ự Ỳ Ỵ Ỷ Ỹ ý à á â ã è é ê ì í ò ó ô õ ù ú", shortName: "VN" })) },
);
