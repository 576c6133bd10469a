import type { CodeTable } from "./types";

/** Issue codes raised by the use cases, files in and out, Excel, the CLI and the pane. Each code lives in one file of this folder. */
export const APP_CODES = {
  // ---- nomination (src/app/nomination*.ts)
  "nomination.noBloc": { severity: "error", applies: "nomination", vi: "Chưa có hồ sơ khối hợp lệ.", en: "There is no valid bloc record." },
  "nomination.noSummary": {
    severity: "error",
    applies: "nomination",
    vi: 'Chưa có trang "{sheet}": hãy chèn bảng chấm điểm và kiểm tra điểm trước.',
    en: 'No "{sheet}" sheet: insert the score sheets and check the scores first.',
  },
  "nomination.vote.notFinal": {
    severity: "error",
    applies: "nomination",
    vi: "Cuộc bỏ phiếu {vote} ({award}) chưa có kết quả cuối cùng: kiểm phiếu, xử lý bằng phiếu hoặc bỏ phiếu lại trước.",
    en: "Vote {vote} ({award}) has no final result yet: count, settle the tie or revote first.",
  },
  "nomination.sheet.keptOld": {
    severity: "warning",
    applies: "nomination",
    vi: 'Đã có trang "{sheet}" không do add-in lập: trang cũ được giữ lại dưới tên "{sheet} (cũ)".',
    en: 'A sheet "{sheet}" not made by the add-in exists: it is kept as "{sheet} (cũ)".',
  },
  "meeting.override.reason": { severity: "error", applies: "nomination", vi: "Quyết định của hội nghị phải ghi lý do.", en: "A meeting decision needs a reason." },
  "meeting.override.unknownUnit": {
    severity: "error",
    applies: "nomination",
    vi: '"{unit}" không phải là đơn vị thành viên của khối: quyết định của hội nghị chỉ áp dụng cho đơn vị thành viên.',
    en: '"{unit}" is not a member unit of the bloc: a meeting decision applies to member units only.',
  },
  "meeting.override.unknownAward": {
    severity: "error",
    applies: "nomination",
    vi: '"{award}" không có trong danh mục khen thưởng: chọn một danh hiệu/hình thức trong danh mục.',
    en: '"{award}" is not in the award catalogue: pick an award from the catalogue.',
  },
  "meeting.date.invalid": { severity: "error", applies: "nomination", vi: "Ngày họp {date} không có thật.", en: "The meeting date {date} does not exist." },
  "meeting.time.invalid": { severity: "error", applies: "nomination", vi: "Giờ họp {time} không hợp lệ (0–23 giờ, 0–59 phút).", en: "The meeting time {time} is not valid (hours 0–23, minutes 0–59)." },
  "meeting.present.invalid": {
    severity: "error",
    applies: "nomination",
    vi: "Số đơn vị có mặt ({present}) phải là số nguyên từ 0 đến {members} (số đơn vị thành viên).",
    en: "Units present ({present}) must be a whole number from 0 to {members} (the members).",
  },
  "meeting.present.overMembers": {
    severity: "error",
    applies: "nomination",
    vi: "Có mặt {present} và vắng mặt {absent} đơn vị, nhiều hơn số đơn vị thành viên ({members}).",
    en: "{present} present and {absent} absent exceed the {members} members.",
  },
  "meeting.absent.unknown": { severity: "error", applies: "nomination", vi: 'Đơn vị vắng mặt "{unit}" không phải là đơn vị thành viên của khối.', en: 'Absent unit "{unit}" is not a member unit of the bloc.' },
} as const satisfies CodeTable;
