import type { CodeTable } from "./types";
import { VOTE_COUNT_CODES } from "./votingCount";

/** Issue codes raised by the vote: domain/voting, workbook/voting (but the minutes), app/voting. Each code lives in one file of this folder. */
const VOTE_DEFINITION_CODES = {
  // ---- The "Bỏ phiếu" sheet (workbook/voting/voteSheetReader.ts). {label} is the row's label in column A its English name.
  "vote.sheet.noHeader": {
    severity: "error",
    applies: "voting",
    vi: 'Trang "{sheet}" thiếu dòng tiêu đề có ô "{header}" và mã các cuộc bỏ phiếu (V1, V2, …).',
    en: 'Sheet "{sheet}" lacks the header row with a "{header}" cell and the vote ids (V1, V2, …).',
  },
  "vote.sheet.duplicateLabel": {
    severity: "warning",
    applies: "voting",
    vi: 'Nhãn "{label}" có hai lần (ô {first} và {second}); chỉ đọc dòng đầu tiên.',
    en: 'The label "{label}" appears twice ({first} and {second}); only the first row is read.',
  },
  "vote.sheet.missingLabel": {
    severity: "error",
    applies: "voting",
    vi: 'Trang "{sheet}" thiếu dòng có nhãn "{label}" ở cột {column}.',
    en: 'Sheet "{sheet}" lacks the row labelled "{label}" in column {column}.',
  },
  "vote.sheet.noCandidatesRow": {
    severity: "error",
    applies: "voting",
    vi: 'Trang "{sheet}" thiếu dòng "{row}" đứng trước danh sách đơn vị.',
    en: 'Sheet "{sheet}" lacks the "{row}" row above the candidates.',
  },
  "vote.sheet.noCandidates": {
    severity: "error",
    applies: "voting",
    vi: 'Cuộc bỏ phiếu {id}: chưa có đơn vị nào dưới dòng "{row}".',
    en: 'Vote {id}: no candidate below the "{row}" row.',
  },
  "vote.sheet.badId": {
    severity: "error",
    applies: "voting",
    vi: "Ô {cell}: mã cuộc bỏ phiếu “{value}” không hợp lệ (dạng V1, V2, V1_2).",
    en: "Cell {cell}: vote id “{value}” is not valid (like V1, V2, V1_2).",
  },
  "vote.sheet.duplicateId": {
    severity: "error",
    applies: "voting",
    vi: "Ô {cell}: mã {id} đã dùng ở ô {first}; cột này không được đọc.",
    en: "Cell {cell}: id {id} is already used at {first}; this column is not read.",
  },
  "vote.sheet.empty": {
    severity: "error",
    applies: "voting",
    vi: "Cuộc bỏ phiếu {id}: ô {cell} (“{label}”) đang trống.",
    en: "Vote {id}: cell {cell} (“{label}”) is empty.",
  },
  "vote.sheet.enum": {
    severity: "error",
    applies: "voting",
    vi: "Cuộc bỏ phiếu {id}: ô {cell} (“{label}”) có giá trị “{value}” không hợp lệ. Chọn một trong: {choices} ({choicesEn}).",
    en: "Vote {id}: cell {cell} (“{label}”) holds “{value}”, which is not allowed. Choose one of: {choicesEn} (on the sheet: {choices}).",
  },
  "vote.sheet.number": {
    severity: "error",
    applies: "voting",
    vi: "Cuộc bỏ phiếu {id}: ô {cell} (“{label}”) có giá trị “{value}”; cần số nguyên từ {min} đến {max}.",
    en: "Vote {id}: cell {cell} (“{label}”) holds “{value}”; a whole number from {min} to {max} is needed.",
  },
  "vote.sheet.percent": {
    severity: "error",
    applies: "voting",
    vi: "Cuộc bỏ phiếu {id}: ô {cell} (“{label}”) có giá trị “{value}”; cần số từ {min} đến {max}.",
    en: "Vote {id}: cell {cell} (“{label}”) holds “{value}”; a number from {min} to {max} is needed.",
  },
  "vote.sheet.noSeed": {
    severity: "error",
    applies: "voting",
    vi: 'Cuộc bỏ phiếu {id}: có bước "{lot}" (ô {step}) nhưng ô {cell} (“{label}”) đang trống; ghi mã bốc thăm để kết quả kiểm tra lại được.',
    en: 'Vote {id}: a drawn-lot step ("{lot}", {step}) needs a seed, but cell {cell} (“{label}”) is empty; record the seed so the draw can be checked.',
  },
  "vote.sheet.decisionIncomplete": {
    severity: "warning",
    applies: "voting",
    vi: "Cuộc bỏ phiếu {id}: quyết định chọn bản nhập chưa đủ, ô {cell} (“{label}”) đang trống; quyết định chưa được ghi nhận.",
    en: "Vote {id}: the entry decision is incomplete, cell {cell} (“{label}”) is empty; no decision is recorded.",
  },
  "vote.sheet.electedUnknown": {
    severity: "error",
    applies: "voting",
    vi: "Cuộc bỏ phiếu {id}: ô {cell} (“{label}”) có đơn vị không thuộc danh sách của cuộc bỏ phiếu: {names}.",
    en: "Vote {id}: cell {cell} (“{label}”) names units that are not candidates of this vote: {names}.",
  },
  "vote.sheet.parent": {
    severity: "error",
    applies: "voting",
    vi: "Cuộc bỏ phiếu {id}: ô {cell} (“{label}”) phải là mã của một cột khác trên trang ({others}), không phải “{value}”.",
    en: "Vote {id}: cell {cell} (“{label}”) must be the id of another column on the sheet ({others}), not “{value}”.",
  },
  "vote.sheet.parentRound": {
    severity: "error",
    applies: "voting",
    vi: "Cuộc bỏ phiếu {id}: cuộc bỏ phiếu {parent} (ô {cell} (“{label}”)) chưa có vòng hợp lệ.",
    en: "Vote {id}: vote {parent} (cell {cell} (“{label}”)) has no valid round.",
  },
  "vote.sheet.roundAfterParent": {
    severity: "warning",
    applies: "voting",
    vi: "Cuộc bỏ phiếu {id}: vòng {round} tiếp theo cuộc bỏ phiếu {parent} ở vòng {parentRound}; thường là vòng {expected}.",
    en: "Vote {id}: round {round} continues vote {parent} of round {parentRound}; it is usually round {expected}.",
  },
  "vote.schema": {
    severity: "error",
    applies: "voting",
    vi: "Cuộc bỏ phiếu {id}: giá trị ở ô {cell} không hợp lệ ({path}: {detail}).",
    en: "Vote {id}: the value at {cell} is not valid ({path}: {detail}).",
  },
  // ---- The vote's use cases (app/voting).
  "vote.sheet.keptOld": {
    severity: "warning",
    applies: "voting",
    vi: 'Trang "{sheet}" có {count} ô ngoài các cuộc bỏ phiếu ({cells}): bản cũ được giữ lại dưới tên "{sheet} (cũ)".',
    en: 'Sheet "{sheet}" has {count} cells outside the votes ({cells}): the old one is kept as "{sheet} (cũ)".',
  },
  "leadership.sheet.keptOld": {
    severity: "warning",
    applies: "voting",
    vi: 'Trang "{sheet}" có {count} ô ngoài bảng trưởng khối các năm ({cells}): bản cũ được giữ lại dưới tên "{sheet} (cũ)".',
    en: 'Sheet "{sheet}" has {count} cells outside the leadership table ({cells}): the old one is kept as "{sheet} (cũ)".',
  },
  "meeting.sheet.keptOld": {
    severity: "warning",
    applies: "nomination",
    vi: 'Trang "{sheet}" có {count} ô ngoài thông tin và quyết định của hội nghị ({cells}): bản cũ được giữ lại dưới tên "{sheet} (cũ)".',
    en: 'Sheet "{sheet}" has {count} cells outside the meeting\'s record and decisions ({cells}): the old one is kept as "{sheet} (cũ)".',
  },
  "vote.entry.missing": {
    severity: "error",
    applies: "voting",
    vi: 'Không tìm thấy trang "{sheet}" của cuộc bỏ phiếu {id}.',
    en: 'Sheet "{sheet}" of vote {id} is missing.',
  },
  "vote.entry.candidatesChanged": {
    severity: "error",
    applies: "voting",
    vi: '{which}: danh sách đơn vị trên trang nhập ({entered}) khác danh sách của cuộc bỏ phiếu trên trang "{sheet}" ({listed}). Danh sách đã sửa sau khi tạo trang nhập: hãy tạo cuộc bỏ phiếu mới với danh sách đúng.',
    en: '{which}: the entry sheet\'s candidates ({entered}) differ from the vote\'s on "{sheet}" ({listed}). The list was edited after the entry sheet was made: create a new vote with the right list.',
  },
  "vote.entry.noNumber": {
    severity: "error",
    applies: "voting",
    vi: "{which}: dòng {row} có đánh dấu nhưng thiếu số phiếu.",
    en: "{which}: row {row} has marks but no ballot number.",
  },
  "vote.entry.markNoCandidate": {
    severity: "error",
    applies: "voting",
    vi: "{which}: ô {cell} có đánh dấu trong cột không có tên đơn vị: đánh dấu cho người ngoài danh sách không được tính là phiếu trống. Xóa dấu hoặc ghi lý do không hợp lệ.",
    en: "{which}: cell {cell} is marked in a column that names no candidate: a mark for someone off the list is not a blank. Clear it or record the invalid reason.",
  },
  "vote.entry.unknownMark": {
    severity: "error",
    applies: "voting",
    vi: '{which}: ô {cell} có dấu không hợp lệ (chỉ "x" hoặc "k").',
    en: '{which}: cell {cell} holds an unknown mark (only "x" or "k").',
  },
  "vote.entry.tooMany": {
    severity: "error",
    applies: "voting",
    vi: "Trang nhập có {rows} dòng, không đủ cho {ballots} phiếu: tạo lại cuộc bỏ phiếu với số phiếu phát ra đúng.",
    en: "The entry sheet has {rows} rows, too few for {ballots} ballots: create the vote again with the right number issued.",
  },
  "vote.entry.replace": {
    severity: "warning",
    applies: "voting",
    vi: 'Trang "{sheet}" đã có {typed} phiếu. Ghi đè?',
    en: 'Sheet "{sheet}" already holds {typed} ballots. Replace them?',
  },
  "vote.notFound": {
    severity: "error",
    applies: "voting",
    vi: 'Không tìm thấy cuộc bỏ phiếu {id} trên trang "{sheet}".',
    en: 'Vote {id} is not on sheet "{sheet}".',
  },
  "vote.issued.missing": {
    severity: "error",
    applies: "voting",
    vi: "Chưa ghi số phiếu phát ra của cuộc bỏ phiếu {id}.",
    en: "Ballots issued are not recorded for vote {id}.",
  },
  "vote.id.changed": {
    severity: "warning",
    applies: "voting",
    vi: "Mã {was} vừa được dùng cho một cuộc bỏ phiếu khác (có người khác cùng làm việc trên tệp): cuộc bỏ phiếu này lấy mã {id}.",
    en: "Id {was} was just taken by another vote (someone else is working on the file): this vote takes id {id}.",
  },
  "vote.id.invalid": {
    severity: "error",
    applies: "voting",
    vi: 'Mã cuộc bỏ phiếu "{id}" không hợp lệ (dạng V1, V2, V1_2).',
    en: 'Vote id "{id}" is invalid (V1, V2, V1_2).',
  },
  "vote.id.taken": {
    severity: "error",
    applies: "voting",
    vi: "Đã có cuộc bỏ phiếu mã {id}.",
    en: "Vote {id} already exists.",
  },
  "vote.sheet.invalid": {
    severity: "error",
    applies: "voting",
    vi: 'Trang "{sheet}" có lỗi: sửa các lỗi dưới đây trước khi thêm cuộc bỏ phiếu mới.',
    en: 'Sheet "{sheet}" has errors: fix them before adding a vote.',
  },
  "vote.sheet.nameTaken": {
    severity: "warning",
    applies: "voting",
    vi: 'Đã có trang "{sheet}": trang cũ được giữ lại dưới tên "{sheet} (cũ)".',
    en: 'Sheet "{sheet}" already exists: it is kept as "{sheet} (cũ)".',
  },
  "vote.minutes.notConcluded": {
    severity: "error",
    applies: "voting",
    vi: "Kiểm phiếu còn lỗi: chưa thể lập biên bản. Sửa các lỗi dưới đây.",
    en: "The count has errors: the minutes cannot be written yet. Fix the issues below.",
  },
  "vote.meeting.notCandidate": {
    severity: "error",
    applies: "voting",
    vi: 'Hội nghị chọn "{name}", không có trong danh sách bỏ phiếu {id}.',
    en: 'The meeting chose "{name}", who is not on the ballot of {id}.',
  },
  "vote.revote.none": {
    severity: "warning",
    applies: "voting",
    vi: "Kết quả không có bằng phiếu cần bỏ phiếu lại.",
    en: "The result has no tie to revote.",
  },
  "vote.runoff.none": {
    severity: "warning",
    applies: "voting",
    vi: "Kết quả không cần bầu lại: đã đủ số đơn vị đạt tỷ lệ, hoặc cuộc bỏ phiếu không quy định bầu lại.",
    en: "The result calls for no run-off: enough reached the rule, or the vote sets no run-off.",
  },
  "leader.noBloc": {
    severity: "error",
    applies: "voting",
    vi: "Chưa có hồ sơ khối hợp lệ.",
    en: "There is no valid bloc record.",
  },
  "vote.issued.overPresent": {
    severity: "error",
    applies: "voting",
    vi: "Số phiếu phát ra ({issued}) nhiều hơn số thành viên có mặt ({present}).",
    en: "Ballots issued ({issued}) exceed the members present ({present}).",
  },
  "vote.count.notCount": {
    severity: "error",
    applies: "voting",
    vi: "{what} ({value}) ph\u1ea3i l\u00e0 s\u1ed1 nguy\u00ean kh\u00f4ng \u00e2m.",
    en: "{what} ({value}) must be a whole number, not negative.",
  },
  // ---- The vote's definition and its checks (domain/voting/model.ts).
  "vote.rule.notChosen": {
    severity: "error",
    applies: "voting",
    vi: "Chưa chọn quy định tỷ lệ để được chọn: chọn một quy định có sẵn (mỗi quy định ghi rõ nguồn) hoặc “Tự đặt”. Không có quy định chung nào áp dụng cho mọi khối, nên khối phải tự chọn.",
    en: "No passing rule is chosen: pick a preset (each names its source) or “Custom”. No general rule applies to every bloc, so the bloc must choose.",
  },
  "vote.rule.noSource": {
    severity: "error",
    applies: "voting",
    vi: "Chưa ghi căn cứ của quy định tỷ lệ (văn bản hoặc quyết định của khối): biên bản in quy định kèm căn cứ.",
    en: "The rule's source (a regulation or the bloc's decision) is not given: the minutes print the rule with its source.",
  },
  "vote.candidates.none": {
    severity: "error",
    applies: "voting",
    vi: "Danh sách đơn vị bỏ phiếu đang trống: thêm ít nhất một đơn vị.",
    en: "The list of candidates is empty: add at least one unit.",
  },
  "vote.candidate.duplicate": {
    severity: "error",
    applies: "voting",
    vi: 'Đơn vị "{name}" có hai lần trong danh sách (số {first} và {second}).',
    en: 'Candidate "{name}" is listed twice ({first} and {second}).',
  },
  "vote.present.overMembers": {
    severity: "error",
    applies: "voting",
    vi: "Số thành viên có mặt ({present}) nhiều hơn tổng số thành viên ({members}).",
    en: "Members present ({present}) exceed all members ({members}).",
  },
  "vote.toElect.overCandidates": {
    severity: "warning",
    applies: "voting",
    vi: "Số đơn vị cần chọn ({toElect}) nhiều hơn số đơn vị trong danh sách ({candidates}).",
    en: "Seats to fill ({toElect}) exceed the candidates ({candidates}).",
  },
  "vote.ballot.quotaOverCandidates": {
    severity: "warning",
    applies: "voting",
    vi: "Mỗi phiếu được chọn tối đa {max} đơn vị, nhiều hơn số đơn vị trong danh sách ({candidates}): giới hạn này không có tác dụng. Kiểm tra lại số lượng tối đa trên một phiếu.",
    en: "A ballot may choose up to {max}, more than the {candidates} candidates: the limit never applies. Check the most a ballot may choose.",
  },
  "vote.ballot.quotaBelowToElect": {
    severity: "warning",
    applies: "voting",
    vi: "Mỗi phiếu chỉ được chọn tối đa {max} đơn vị, ít hơn số cần chọn ({toElect}).",
    en: "A ballot may choose at most {max}, fewer than the seats to fill ({toElect}).",
  },
  "vote.tieRule.unreachable": {
    severity: "warning",
    applies: "voting",
    vi: "Quy tắc xử lý bằng phiếu: các bước sau bước {step} không bao giờ được áp dụng.",
    en: "Tie rule: the steps after step {step} can never apply.",
  },
  "vote.committee.noHead": {
    severity: "warning",
    applies: "voting",
    vi: "Chưa ghi tên Trưởng ban kiểm phiếu.",
    en: "The head of the counting committee is not named.",
  },
  // {value} is ' ("12")' or nothing; {what} names the field (and its line).
  "vote.value.invalid": {
    severity: "error",
    applies: "voting",
    vi: "Gi\u00e1 tr\u1ecb ch\u01b0a h\u1ee3p l\u1ec7{value}: {what}. Nh\u1eadp s\u1ed1 nguy\u00ean trong gi\u1edbi h\u1ea1n cho ph\u00e9p, t\u00ean kh\u00f4ng \u0111\u1ec3 tr\u1ed1ng.",
    en: "Value not valid{value}: {what}. Give a whole number within the limits, a name that is not empty.",
  },
  // {hint}: ' → "<full name>"?' when a member's short name was typed, or nothing.
  "vote.candidate.notMember": {
    severity: "error",
    applies: "voting",
    vi: "\"{name}\" (d\u00f2ng {line}) kh\u00f4ng ph\u1ea3i l\u00e0 \u0111\u01a1n v\u1ecb th\u00e0nh vi\u00ean c\u1ee7a kh\u1ed1i: ch\u1ec9 \u0111\u01a1n v\u1ecb th\u00e0nh vi\u00ean \u0111\u01b0\u1ee3c b\u1ea7u ho\u1eb7c suy t\u00f4n.{hint}",
    en: "\"{name}\" (line {line}) is not a member unit of the bloc: only member units can be elected or proposed.{hint}",
  },
  // ---- The printable ballots (app/voting/print.ts). {max}: MAX_PRINT_BALLOTS.
  "vote.print.count.invalid": {
    severity: "error",
    applies: "voting",
    vi: "Số phiếu cần in “{value}” không phải là một số nguyên. Nhập một số từ 1 đến {max}.",
    en: "The number of ballots to print “{value}” is not a whole number. Give a number from 1 to {max}.",
  },
  "vote.print.count.zero": {
    severity: "error",
    applies: "voting",
    vi: "Số phiếu cần in phải từ 1 trở lên (đã nhập {value}).",
    en: "At least 1 ballot must be printed (given: {value}).",
  },
  "vote.print.count.tooMany": {
    severity: "error",
    applies: "voting",
    vi: "Số phiếu cần in ({value}) vượt quá {max} phiếu một lần in. Nhập số nhỏ hơn hoặc in làm nhiều lần.",
    en: "{value} ballots to print is more than {max} at a time. Give a smaller number or print in several batches.",
  },
  "vote.print.noBloc": {
    severity: "error",
    applies: "voting",
    vi: "Chưa có hồ sơ khối hợp lệ (trang “Khối”): phiếu in cần tên khối và năm. Hãy lưu hồ sơ khối trước.",
    en: "There is no valid bloc record (“Khối” sheet): the ballots need the bloc's name and year. Save the bloc first.",
  },
  "vote.print.edited": {
    severity: "warning",
    applies: "voting",
    vi: "Trang “{sheet}” đã được sửa sau khi lập (ô {cells}). Lập lại sẽ thay nội dung trang; bản cũ được giữ thành trang “{sheet} (cũ)”. Bấm “Lập lại” để tiếp tục.",
    en: "Sheet “{sheet}” was edited after it was laid out ({cells}). Laying it out again replaces it; the old one is kept as “{sheet} (cũ)”. Choose “Lay out again” to go on.",
  },
  "vote.data.schema": {
    severity: "error",
    applies: "voting",
    vi: 'Dữ liệu cuộc bỏ phiếu không đúng tại "{path}": {detail}',
    en: 'Vote data is wrong at "{path}": {detail}',
  },
} as const satisfies CodeTable;

export const VOTING_CODES = { ...VOTE_DEFINITION_CODES, ...VOTE_COUNT_CODES } as const;

/** A vote's own check reported on the sheet of all votes: the vote it is about goes first. */
export const IN_VOTE = { vi: "Cuộc bỏ phiếu {id}: {message}", en: "Vote {id}: {message}" } as const;
