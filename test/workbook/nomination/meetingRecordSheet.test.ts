import { writeSheets } from "../../../src/excel/apply";
import { readWorkbook } from "../../../src/excel/read";
import { MemoryHost } from "../../../src/host";
import { emptyMeeting, MEETING_SHEET, meetingRecordPlan, readMeetingRecord, type MeetingRecord } from "../../../src/workbook/nomination/meetingRecordSheet";

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
    overrides: [{ unit: "Sở Xây dựng", award: "Cờ thi đua của UBND tỉnh", include: false, reason: "Đơn vị xin rút vì đã được đề nghị ở cụm khác" }],
  };

  it("reads back what it wrote, and an empty record as empty", async () => {
    expect(await roundTrip(full)).toEqual({ found: true, meeting: full, issues: [] });
    expect(await roundTrip(emptyMeeting())).toEqual({ found: true, meeting: emptyMeeting(), issues: [] });
  });

  it("survives an inserted row and reports a decision without a reason at its cell", async () => {
    const r = await roundTrip(full, (host) => {
      host.userInsertRows(MEETING_SHEET, 4, 1);
      host.userPaste(MEETING_SHEET, "A17", [["Sở Công Thương", "Cờ thi đua của UBND tỉnh", "Đề nghị", null]]);
      host.userEdit(MEETING_SHEET, "B5", "5/13/2026");
    });
    expect(r.meeting.place).toBe(full.place);
    expect(r.meeting.overrides).toEqual(full.overrides);
    expect(r.issues.map((i) => [i.code, i.where?.cell])).toEqual([
      ["meeting.date.invalid", "B5"],
      ["meeting.override.reason", "D17"],
    ]);
  });
});
