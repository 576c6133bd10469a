import { writeSheets } from "../../../src/excel/apply";
import { readWorkbook } from "../../../src/excel/read";
import { MemoryHost } from "../../../src/host";
import { emptyMeeting, MEETING_SHEET, meetingRecordPlan, readMeetingRecord, type MeetingRecord } from "../../../src/workbook/nomination/meetingRecordSheet";
import { BLOC_NAMES } from "../../../src/workbook/bloc/blocSheet";
import { CATALOGUE_AWARD_NAMES } from "../../../src/workbook/nomination/catalogueSheet";

async function roundTrip(m: MeetingRecord, edit?: (host: MemoryHost) => void) {
  const host = new MemoryHost();
  await writeSheets(host, [meetingRecordPlan(m, { units: ["Sở Công Thương", "Sở Xây dựng"], awards: ["Cờ thi đua của UBND tỉnh"] })], await readWorkbook(host, {}));
  edit?.(host);
  const r = (await readWorkbook(host, { sheets: [MEETING_SHEET] })).byName[MEETING_SHEET];
  return readMeetingRecord({ sheet: r.name, row: r.row, col: r.col, values: r.values });
}

describe("the review meeting's record", () => {
  const full: MeetingRecord = {
    date: { day: 5, month: 12, year: 2026 },
    time: { hour: 14, minute: 0 },
    place: "Hội trường Sở Công Thương",
    chair: "Nguyễn Văn An",
    secretary: "Trần Thị Bình",
    present: 7,
    absent: ["Liên minh Hợp tác xã tỉnh"],
    submissionNumber: "05/TTr-KTĐ",
    addressee: "Sở Nội vụ tỉnh Bắc Ninh (Phòng Thi đua, khen thưởng)",
    recipients: ["Như trên", "Hội đồng Thi đua - Khen thưởng tỉnh", "Lưu: VT"],
    overrides: [{ unit: "Sở Xây dựng", award: "Cờ thi đua của UBND tỉnh", include: false, reason: "Đơn vị xin rút vì đã được đề nghị ở cụm khác" }],
  };

  it("reads back what it wrote; an empty record shows where the file goes by default, to edit there", async () => {
    expect(await roundTrip(full)).toEqual({ found: true, meeting: full, issues: [] });
    // DOMAIN §5: where the file goes is a setting (Sở Nội vụ in several provinces since 2025); the
    // default names the council every province has, and the recipients name no body that may not exist.
    expect(await roundTrip(emptyMeeting())).toEqual({
      found: true,
      meeting: { ...emptyMeeting(), addressee: "Hội đồng Thi đua - Khen thưởng tỉnh", recipients: ["Như trên", "Các đơn vị trong khối", "Lưu: VT"] },
      issues: [],
    });
  });

  it("survives an inserted row and reports a decision without a reason at its cell", async () => {
    const r = await roundTrip(full, (host) => {
      host.userInsertRows(MEETING_SHEET, 4, 1);
      host.userPaste(MEETING_SHEET, "A19", [["Sở Công Thương", "Cờ thi đua của UBND tỉnh", "Đề nghị", null]]);
      host.userEdit(MEETING_SHEET, "B5", "5/13/2026");
    });
    expect(r.meeting.place).toBe(full.place);
    expect(r.meeting.overrides).toEqual(full.overrides);
    expect(r.issues.map((i) => [i.code, i.where?.cell])).toEqual([
      ["meeting.date.invalid", "B5"],
      ["meeting.override.reason", "D19"],
    ]);
  });

  // Excel refuses a list typed in the Source box past 255 characters (test/host/conformance.test.ts):
  // the unit and award drop-downs take their items from the ranges where they are kept, by name.
  it("takes its unit and award drop-downs from the member and catalogue ranges, so a bloc of 17 long names fits", () => {
    const units = Array.from({ length: 17 }, (_, i) => `Sở Văn hóa, Thể thao và Du lịch tỉnh số ${i + 1}`);
    const p = meetingRecordPlan(emptyMeeting(), { units, awards: ["Cờ thi đua của UBND tỉnh", "Bằng khen của Chủ tịch UBND tỉnh"] });
    expect(units.join(",").length).toBeGreaterThan(255);
    const lists = p.validations.filter((v) => v.rule.kind === "list").map((v) => (v.rule as { source: unknown }).source);
    expect(lists).toEqual(expect.arrayContaining([{ range: BLOC_NAMES.members }, { range: CATALOGUE_AWARD_NAMES }]));
    expect(lists.filter(Array.isArray).every((l) => (l as string[]).join(",").length <= 255)).toBe(true);
  });
});
