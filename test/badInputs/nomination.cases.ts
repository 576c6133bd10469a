/**
 * Bad inputs at the nomination doors (issue #11): the meeting's decisions overriding the proposed
 * list (`recordOverride`), the meeting's own record (`saveMeeting`), and the award catalogue as the
 * bloc edits it on "Khen thưởng" (read by `generateNomination`). Sources: DOMAIN §1 (member units),
 * §3 (the catalogue: quotas, caps, one award per achievement, Luật TĐKT 2022 Đ5), §5 (the file), §6 (names).
 */
import { generateNomination, loadNomination, recordOverride, saveMeeting } from "../../src/app/nomination";
import { defaultCatalogue } from "../../src/domain/nomination/catalogue";
import type { Award, Override } from "../../src/domain/nomination/model";
import { writeSheets } from "../../src/excel/apply";
import { readWorkbook } from "../../src/excel/read";
import type { MeetingRecord } from "../../src/workbook/nomination/meetingRecordSheet";
import { catalogueSheetPlan, CATALOGUE_HEADERS, CATALOGUE_LAYOUT, CATALOGUE_SHEET } from "../../src/workbook/nomination/catalogueSheet";
import { cellAddress } from "../../src/workbook/a1";
import { tried, type BadCase, type Seen } from "./harness";
import { blocHost, MEMBERS } from "./voting.cases";

const [A, B] = MEMBERS;
const FLAG = defaultCatalogue().awards[0].name;

function override(o: Partial<Override>): () => Promise<Seen> {
  return async () => {
    const host = await blocHost();
    return tried(host, async () => (await recordOverride(host, { unit: A, award: FLAG, include: true, reason: "Hội nghị thống nhất", ...o })).issues);
  };
}
function meeting(patch: Partial<Omit<MeetingRecord, "overrides">>): () => Promise<Seen> {
  return async () => {
    const host = await blocHost();
    return tried(host, async () => (await saveMeeting(host, patch)).issues);
  };
}
/** The catalogue sheet with the first award edited as a user would, then the list generated from it. */
function catalogue(edit: (a: Award, all: Award[]) => void): () => Promise<Seen> {
  return async () => {
    const host = await blocHost();
    const c = defaultCatalogue();
    edit(c.awards[0], c.awards);
    const w = await writeSheets(host, [catalogueSheetPlan(c)], await readWorkbook(host, {}));
    if (!w.ok) throw new Error("catalogue");
    return tried(host, async () => (await generateNomination(host)).issues);
  };
}

/** The "Phải đăng ký thi đua" column of the catalogue sheet, and its cell for the first award. */
const REG_COL = Object.keys(CATALOGUE_HEADERS).indexOf("registered");
const REG_CELL = cellAddress(CATALOGUE_LAYOUT.first, REG_COL);
/** The default catalogue sheet, then `user` acting on it, then the list generated from it. */
function catalogueSheet(user: (host: Awaited<ReturnType<typeof blocHost>>) => void): () => Promise<Seen> {
  return async () => {
    const host = await blocHost();
    const w = await writeSheets(host, [catalogueSheetPlan(defaultCatalogue())], await readWorkbook(host, {}));
    if (!w.ok) throw new Error("catalogue");
    user(host);
    return tried(host, async () => (await generateNomination(host)).issues);
  };
}

export const cases: BadCase[] = [
  // ---- The meeting's decisions (recordOverride).
  {
    id: "nomination.override.unknownUnit",
    door: "meeting decision",
    tried: "a decision for a unit that is not a member",
    outcome: "refused",
    code: "meeting.override.unknownUnit",
    where: { field: "unit" },
    run: override({ unit: "Sở Ngoại vụ" }),
  },
  {
    id: "nomination.override.shortName",
    door: "meeting decision",
    tried: "a decision naming a member by its short name only",
    outcome: "refused",
    code: "meeting.override.unknownUnit",
    where: { field: "unit" },
    run: override({ unit: "SCT" }),
  },
  {
    id: "nomination.override.unknownAward",
    door: "meeting decision",
    tried: "a decision for an award not in the catalogue",
    outcome: "refused",
    code: "meeting.override.unknownAward",
    where: { field: "award" },
    run: override({ award: "Huân chương Lao động hạng Ba" }),
  },
  {
    id: "nomination.override.noReason",
    door: "meeting decision",
    tried: "a decision without a reason",
    outcome: "refused",
    code: "meeting.override.reason",
    where: { field: "reason" },
    run: override({ reason: "   " }),
  },
  {
    id: "nomination.override.nfd",
    door: "meeting decision",
    tried: "a decision naming the unit and award in NFD",
    outcome: "accepted",
    why: "DOMAIN §6: the same unit and award in another Unicode form",
    run: override({ unit: A.normalize("NFD"), award: FLAG.normalize("NFD") }),
  },
  // ---- The meeting's record (saveMeeting).
  {
    id: "nomination.meeting.dateNotReal",
    door: "meeting record",
    tried: "a meeting dated 31/02/2026",
    outcome: "refused",
    code: "meeting.date.invalid",
    where: { field: "date" },
    run: meeting({ date: { day: 31, month: 2, year: 2026 } }),
  },
  {
    id: "nomination.meeting.dateMonth13",
    door: "meeting record",
    tried: "a meeting dated 10/13/2026",
    outcome: "refused",
    code: "meeting.date.invalid",
    where: { field: "date" },
    run: meeting({ date: { day: 10, month: 13, year: 2026 } }),
  },
  {
    id: "nomination.meeting.leapDay",
    door: "meeting record",
    tried: "a meeting dated 29/02/2028 (a leap year)",
    outcome: "accepted",
    why: "2028 is a leap year: the date exists",
    run: meeting({ date: { day: 29, month: 2, year: 2028 } }),
  },
  {
    id: "nomination.meeting.time25",
    door: "meeting record",
    tried: "a meeting at 25:00",
    outcome: "refused",
    code: "meeting.time.invalid",
    where: { field: "time" },
    run: meeting({ time: { hour: 25, minute: 0 } }),
  },
  {
    id: "nomination.meeting.presentOverMembers",
    door: "meeting record",
    tried: "9 units present in a bloc of 8",
    outcome: "refused",
    code: "meeting.present.invalid",
    where: { field: "present" },
    run: meeting({ present: 9 }),
  },
  {
    id: "nomination.meeting.presentNegative",
    door: "meeting record",
    tried: "−1 units present",
    outcome: "refused",
    code: "meeting.present.invalid",
    where: { field: "present" },
    run: meeting({ present: -1 }),
  },
  {
    id: "nomination.meeting.presentFraction",
    door: "meeting record",
    tried: "7.5 units present",
    outcome: "refused",
    code: "meeting.present.invalid",
    where: { field: "present" },
    run: meeting({ present: 7.5 }),
  },
  {
    id: "nomination.meeting.absentNotMember",
    door: "meeting record",
    tried: "an absent unit that is not a member",
    outcome: "refused",
    code: "meeting.absent.unknown",
    where: { field: "absent.0" },
    run: meeting({ absent: ["Sở Ngoại vụ"] }),
  },
  {
    id: "nomination.meeting.presentPlusAbsent",
    door: "meeting record",
    tried: "8 present and 2 absent in a bloc of 8",
    outcome: "refused",
    code: "meeting.present.overMembers",
    where: { field: "present" },
    run: meeting({ present: 8, absent: [A, B] }),
  },
  {
    id: "nomination.meeting.good",
    door: "meeting record",
    tried: "7 present, one member absent, a real date and time",
    outcome: "accepted",
    why: "DOMAIN §4–5: the minutes record those present and absent",
    run: meeting({ date: { day: 10, month: 12, year: 2026 }, time: { hour: 8, minute: 30 }, present: 7, absent: [B] }),
  },
  // ---- The award catalogue as edited on its sheet (read when the list is generated).
  {
    id: "nomination.catalogue.quotaNegative",
    door: "catalogue sheet",
    tried: "a quota of −1 for the provincial flag",
    outcome: "refused",
    code: "catalogue.quota.invalid",
    where: { sheet: CATALOGUE_SHEET },
    run: catalogue((a) => (a.quota = -1)),
  },
  {
    id: "nomination.catalogue.quotaFraction",
    door: "catalogue sheet",
    tried: "a quota of 1.5",
    outcome: "refused",
    code: "catalogue.quota.invalid",
    where: { sheet: CATALOGUE_SHEET },
    run: catalogue((a) => (a.quota = 1.5)),
  },
  {
    id: "nomination.catalogue.percentCap",
    door: "catalogue sheet",
    tried: "a percent cap of 150%",
    outcome: "refused",
    code: "catalogue.percentCap.invalid",
    where: { sheet: CATALOGUE_SHEET },
    run: catalogue((a) => (a.percentCap = 150)),
  },
  {
    id: "nomination.catalogue.duplicateName",
    door: "catalogue sheet",
    tried: "the same award twice (NFD and NFC)",
    outcome: "refused",
    code: "nomination.catalogue.name.duplicate",
    where: { sheet: CATALOGUE_SHEET },
    run: catalogue((a, all) => (all[1].name = a.name.normalize("NFD"))),
  },
  {
    id: "nomination.catalogue.priorityZero",
    door: "catalogue sheet",
    tried: "a priority of 0",
    outcome: "refused",
    code: "catalogue.priority.invalid",
    where: { sheet: CATALOGUE_SHEET },
    run: catalogue((a) => (a.priority = 0)),
  },
  // ---- Registration as a prerequisite (issue #12; DOMAIN §1, setting).
  {
    id: "nomination.catalogue.registeredPasted",
    door: "catalogue sheet",
    tried: "'bắt buộc' pasted into “Phải đăng ký thi đua” (past the drop-down)",
    outcome: "refused",
    code: "catalogue.registered.unknown",
    where: { sheet: CATALOGUE_SHEET, cell: REG_CELL },
    run: catalogueSheet((host) => host.userPaste(CATALOGUE_SHEET, REG_CELL, [["bắt buộc"]])),
  },
  {
    id: "nomination.catalogue.registeredColumnDeleted",
    door: "catalogue sheet",
    tried: "the “Phải đăng ký thi đua” column deleted (as on a sheet written before it)",
    outcome: "accepted",
    why: "DOMAIN §1 (setting): an older sheet reads as not requiring registration, as before the column existed",
    // The bloc here has no scores yet ("Tổng hợp" missing is its own error): only the catalogue's reading is judged.
    run: async () => {
      const host = await blocHost();
      const w = await writeSheets(host, [catalogueSheetPlan(defaultCatalogue())], await readWorkbook(host, {}));
      if (!w.ok) throw new Error("catalogue");
      host.userDeleteColumns(CATALOGUE_SHEET, REG_COL + 1, 1);
      return tried(host, async () => {
        const loaded = await loadNomination(host);
        if (!loaded.ok) return loaded.issues;
        if (!loaded.state.catalogueInWorkbook || loaded.state.catalogue.awards.some((a) => a.prerequisites.registered)) throw new Error("the sheet was not read as not requiring registration");
        return loaded.state.issues.filter((i) => i.where?.sheet === CATALOGUE_SHEET || i.code.includes("catalogue"));
      });
    },
  },
  {
    id: "nomination.registration.none",
    door: "catalogue sheet",
    tried: "titles requiring registration in a workbook without a registration list",
    outcome: "warned",
    code: "nomination.registration.none",
    run: catalogueSheet(() => undefined),
  },
];
