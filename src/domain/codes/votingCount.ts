import type { CodeTable } from "./types";

/** Issue codes of the ballots and counts (domain/voting/checks.ts, tally.ts, record.ts, doubleEntry.ts, the entry readers and app/voting): part of VOTING_CODES (voting.ts). */
export const VOTE_COUNT_CODES = {
  // ---- Ballots and counts (domain/voting/checks.ts, tally.ts, record.ts, doubleEntry.ts).
  "vote.quorum.notMet": {
    severity: "error",
    applies: "voting",
    vi: "Kh\u00f4ng \u0111\u1ee7 s\u1ed1 th\u00e0nh vi\u00ean tham d\u1ef1: c\u00f3 m\u1eb7t {present}/{members} ({percent}%), quy \u0111\u1ecbnh {need}. K\u1ebft qu\u1ea3 b\u1ecf phi\u1ebfu kh\u00f4ng c\u00f3 gi\u00e1 tr\u1ecb.",
    en: "No quorum: {present} of {members} present ({percent}%), the rule needs \u201c{need}\u201d. The vote does not stand.",
  },
  "vote.returned.overIssued": {
    severity: "error",
    applies: "voting",
    vi: "Số phiếu thu vào ({returned}) nhiều hơn số phiếu phát ra ({issued}).",
    en: "Ballots returned ({returned}) exceed ballots issued ({issued}).",
  },
  "vote.returned.underIssued": {
    severity: "warning",
    applies: "voting",
    vi: "Số phiếu thu vào ({returned}) ít hơn số phiếu phát ra ({issued}): {missing} phiếu không thu về.",
    en: "Ballots returned ({returned}) are fewer than issued ({issued}): {missing} not returned.",
  },
  "vote.written.notAllowed": {
    severity: "error",
    applies: "voting",
    vi: "Có {count} phiếu ghi là ý kiến bằng văn bản của thành viên vắng mặt (phiếu số {numbers}), nhưng cuộc bỏ phiếu không quy định tính ý kiến bằng văn bản.",
    en: "{count} ballots are marked as written opinions of absent members ({numbers}), but the vote does not count written opinions.",
  },
  "vote.written.overAbsent": {
    severity: "error",
    applies: "voting",
    vi: "Có {count} ý kiến bằng văn bản, nhiều hơn số thành viên vắng mặt ({absent}).",
    en: "{count} written opinions, more than the absent members ({absent}).",
  },
  "vote.ballot.badNumber": {
    severity: "error",
    applies: "voting",
    vi: 'Số phiếu "{number}" không phải là số nguyên dương.',
    en: 'Ballot number "{number}" is not a positive whole number.',
  },
  "vote.ballot.duplicate": {
    severity: "error",
    applies: "voting",
    vi: "Phiếu số {ballot} được nhập {times} lần.",
    en: "Ballot {ballot} is entered {times} times.",
  },
  // {list}: the missing numbers, cut with ", …" after 200.
  "vote.ballot.gap": {
    severity: "warning",
    applies: "voting",
    vi: "Thi\u1ebfu {count} phi\u1ebfu, g\u1ed3m c\u00e1c phi\u1ebfu s\u1ed1 {list} trong d\u00e3y s\u1ed1 phi\u1ebfu t\u1eeb 1 \u0111\u1ebfn {max}.",
    en: "Ballot numbers {list} missing from 1 to {max} ({count} in all).",
  },
  "vote.candidate.unknown": {
    severity: "error",
    applies: "voting",
    vi: 'Phiếu số {ballot} có đánh dấu cho "{name}", không có trong danh sách bỏ phiếu: trang nhập không có cột cho đơn vị này. Phiếu ghi thêm tên ngoài danh sách là phiếu không hợp lệ (vận dụng Luật Bầu cử 2015, Điều 74): nhập phiếu với lý do "Ghi thêm tên / nội dung", hoặc sửa tên.',
    en: 'Ballot {ballot} marks "{name}", who is not on the ballot: the entry sheet has no column for it. A ballot naming someone off the list is invalid (by analogy with the Election Law 2015, art. 74): enter it with the reason "Ghi thêm tên / nội dung", or correct the name.',
  },
  // {what}: the vote's word for a vote ("phiếu đồng ý", "phiếu bầu").
  "vote.candidate.unknownCount": {
    severity: "error",
    applies: "voting",
    vi: "C\u00f3 s\u1ed1 {what} cho \"{name}\", kh\u00f4ng c\u00f3 trong danh s\u00e1ch b\u1ecf phi\u1ebfu.",
    en: "There are votes (\u201c{what}\u201d) for \"{name}\", who is not on the ballot.",
  },
  "vote.ballot.chosenTwice": {
    severity: "error",
    applies: "voting",
    vi: 'Phiếu số {ballot} ghi "{name}" hai lần.',
    en: 'Ballot {ballot} lists "{name}" twice.',
  },
  "vote.ballot.approveAndReject": {
    severity: "error",
    applies: "voting",
    vi: 'Phiếu số {ballot} vừa "Đồng ý" vừa "Không đồng ý" với "{name}": phiếu không rõ ý kiến là phiếu không hợp lệ (vận dụng Luật Trưng cầu ý dân 2015, Điều 41 khoản 1 điểm c). Kiểm tra lại tờ phiếu; nếu đúng như vậy, nhập phiếu với lý do không hợp lệ "Khác".',
    en: 'Ballot {ballot} both approves and rejects "{name}": an unclear ballot is invalid (by analogy with the Law on Referendums 2015, art. 41.1c). Check the paper ballot; if so, enter it with the invalid reason "Khác" (other).',
  },
  "vote.candidate.overValid": {
    severity: "error",
    applies: "voting",
    vi: "S\u1ed1 {what} c\u1ee7a \"{name}\" ({votes}) nhi\u1ec1u h\u01a1n s\u1ed1 phi\u1ebfu h\u1ee3p l\u1ec7 ({valid}).",
    en: "The votes (\u201c{what}\u201d) for \"{name}\" ({votes}) exceed the valid ballots ({valid}).",
  },
  "vote.count.mismatch": {
    severity: "error",
    applies: "voting",
    vi: "Số phiếu hợp lệ ({valid}) cộng số phiếu không hợp lệ ({invalid}) bằng {sum}, khác số phiếu thu vào ({returned}).",
    en: "Valid ({valid}) plus invalid ({invalid}) ballots make {sum}, not the {returned} returned.",
  },
  "vote.count.overQuota": {
    severity: "error",
    applies: "voting",
    vi: "T\u1ed5ng s\u1ed1 {what} ({sum}) v\u01b0\u1ee3t qu\u00e1 s\u1ed1 phi\u1ebfu h\u1ee3p l\u1ec7 nh\u00e2n s\u1ed1 \u0111\u01a1n v\u1ecb \u0111\u01b0\u1ee3c ch\u1ecdn t\u1ed1i \u0111a tr\u00ean m\u1ed7i phi\u1ebfu ({valid} \u00d7 {max} = {limit}).",
    en: "The votes (\u201c{what}\u201d) add up to {sum}, more than valid ballots times the choices a ballot allows ({valid} \u00d7 {max} = {limit}).",
  },
  "vote.count.reasonsMismatch": {
    severity: "error",
    applies: "voting",
    vi: "Số phiếu không hợp lệ theo từng lý do cộng lại bằng {reasons}, khác số phiếu không hợp lệ ({invalid}).",
    en: "Invalid ballots by reason add up to {reasons}, not {invalid}.",
  },
  "vote.tie.noScore": {
    severity: "warning",
    applies: "voting",
    vi: 'Không có tổng điểm thi đua của {names}: bỏ qua bước "điểm cao hơn" khi xử lý bằng phiếu.',
    en: 'No total score for {names}: the "higher score" tie step is skipped.',
  },
  "vote.issued.mismatch": {
    severity: "error",
    applies: "voting",
    vi: "Số phiếu phát ra trong bảng kiểm phiếu ({counted}) khác số đã ghi ({recorded}).",
    en: "Ballots issued in the hand count ({counted}) differ from the number recorded ({recorded}).",
  },
  "vote.meeting.noTie": {
    severity: "warning",
    applies: "voting",
    vi: "Đã ghi hội nghị chọn {names}, nhưng kết quả kiểm phiếu không có bằng phiếu để hội nghị quyết định: lựa chọn này không được áp dụng.",
    en: "The meeting's choice of {names} is recorded, but the count leaves no tie to the meeting: it does not apply.",
  },
  "vote.meeting.notTied": {
    severity: "error",
    applies: "voting",
    vi: 'Hội nghị chọn "{name}" nhưng đơn vị này không nằm trong số bằng phiếu ({tied}).',
    en: 'The meeting chose "{name}", who is not among the tied ({tied}).',
  },
  "vote.meeting.seats": {
    severity: "error",
    applies: "voting",
    vi: "Hội nghị cần chọn đúng {seats} đơn vị trong số bằng phiếu, đã ghi {chosen}.",
    en: "The meeting must choose exactly {seats} of the tied; {chosen} recorded.",
  },
  // {first}, {second}: the marks or reasons as entered (Vietnamese words of the entry sheet).
  "vote.double.onlyInFirst": {
    severity: "error",
    applies: "voting",
    vi: "Phiếu số {ballot} chỉ có ở lần nhập 1.",
    en: "Ballot {ballot} is only in entry 1.",
  },
  "vote.double.onlyInSecond": {
    severity: "error",
    applies: "voting",
    vi: "Phiếu số {ballot} chỉ có ở lần nhập 2.",
    en: "Ballot {ballot} is only in entry 2.",
  },
  "vote.double.reason": {
    severity: "error",
    applies: "voting",
    vi: "Phiếu số {ballot}, lý do không hợp lệ: lần nhập 1 là “{first}”, lần nhập 2 là “{second}”.",
    en: "Ballot {ballot}, invalid reason: entry 1 “{first}”, entry 2 “{second}”.",
  },
  "vote.double.mark": {
    severity: "error",
    applies: "voting",
    vi: "Phiếu số {ballot}, {name}: lần nhập 1 là “{first}”, lần nhập 2 là “{second}”.",
    en: "Ballot {ballot}, {name}: entry 1 “{first}”, entry 2 “{second}”.",
  },
  // ---- Next year's leadership (domain/voting/leader.ts). {what}: "trưởng khối" or "phó trưởng khối".
  "leader.roster.empty": {
    severity: "error",
    applies: "voting",
    vi: "Khối chưa có đơn vị thành viên nào.",
    en: "The bloc has no member units.",
  },
  "leader.leader.empty": {
    severity: "error",
    applies: "voting",
    vi: "Chưa chọn trưởng khối.",
    en: "No leader is chosen.",
  },
  "leader.notMember": {
    severity: "error",
    applies: "voting",
    vi: '"{name}" không phải là đơn vị thành viên của khối.',
    en: '"{name}" is not a member of the bloc.',
  },
  "leader.deputy.isLeader": {
    severity: "error",
    applies: "voting",
    vi: '"{name}" vừa là trưởng khối vừa là phó trưởng khối.',
    en: '"{name}" is both the leader and a deputy.',
  },
  "leader.deputy.duplicate": {
    severity: "error",
    applies: "voting",
    vi: 'Phó trưởng khối "{name}" được ghi hai lần.',
    en: 'Deputy "{name}" is listed twice.',
  },
  "leader.deputies.tooMany": {
    severity: "error",
    applies: "voting",
    vi: "Khối có tối đa {max} phó trưởng khối.",
    en: "A bloc has at most {max} deputies.",
  },
  "leader.deputies.none": {
    severity: "error",
    applies: "voting",
    vi: "Cần ít nhất một phó trưởng khối.",
    en: "At least one deputy is needed.",
  },
  "leader.election.wrongVote": {
    severity: "error",
    applies: "voting",
    vi: "K\u1ebft qu\u1ea3 d\u00f9ng \u0111\u1ec3 b\u1ea7u {what} kh\u00f4ng ph\u1ea3i c\u1ee7a cu\u1ed9c b\u1ecf phi\u1ebfu b\u1ea7u {what}.",
    en: "The result used for \u201c{what}\u201d is not of a \u201c{what}\u201d vote.",
  },
  "leader.election.undecided": {
    severity: "error",
    applies: "voting",
    vi: "Cu\u1ed9c b\u1ecf phi\u1ebfu b\u1ea7u {what} (v\u00f2ng {round}) ch\u01b0a c\u00f3 k\u1ebft qu\u1ea3 cu\u1ed1i c\u00f9ng.",
    en: "The \u201c{what}\u201d vote (round {round}) has no final result.",
  },
  "leader.election.several": {
    severity: "error",
    applies: "voting",
    vi: "Cuộc bầu trưởng khối có {count} đơn vị trúng: chỉ được một.",
    en: "The leader vote elected {count}: only one may lead.",
  },
  "leader.history.notMember": {
    severity: "warning",
    applies: "voting",
    vi: "{names} đã làm trưởng khối nhưng không còn trong danh sách đơn vị: không tính.",
    en: "{names} led the bloc but are no longer members: not counted.",
  },
  "leader.rotation.restart": {
    severity: "warning",
    applies: "voting",
    vi: "Tất cả đơn vị đã làm trưởng khối trong các năm đã ghi: luân phiên bắt đầu lại từ đầu danh sách.",
    en: "Every member has led in the recorded years: rotation starts over from the top of the roster.",
  },
  "leader.rotation.deputyRestart": {
    severity: "warning",
    applies: "voting",
    vi: "Không còn đủ đơn vị chưa làm trưởng khối để làm phó: {names} được chọn theo vòng luân phiên mới.",
    en: "Not enough members left who have not led: {names} taken from the next round of the rotation.",
  },
  "leader.rotation.tooFew": {
    severity: "warning",
    applies: "voting",
    vi: "Khối chỉ có {members} đơn vị: không đủ {want} phó trưởng khối.",
    en: "The bloc has only {members} members: not enough for {want} deputies.",
  },
  // ---- The hand-count sheet (workbook/voting/handCountReader.ts). {what} names the number ("số phiếu hợp lệ").
  "vote.handCount.empty": {
    severity: "error",
    applies: "voting",
    vi: "Ch\u01b0a nh\u1eadp {what}.",
    en: "\u201c{what}\u201d: not entered.",
  },
  "vote.handCount.notNumber": {
    severity: "error",
    applies: "voting",
    vi: "{what}: \"{value}\" kh\u00f4ng ph\u1ea3i l\u00e0 s\u1ed1.",
    en: "\u201c{what}\u201d: \"{value}\" is not a number.",
  },
  "vote.handCount.missingRow": {
    severity: "error",
    applies: "voting",
    vi: "Kh\u00f4ng t\u00ecm th\u1ea5y d\u00f2ng \"{row}\" tr\u00ean trang ki\u1ec3m \u0111\u1ebfm.",
    en: "The row \"{row}\" is missing from the hand-count sheet.",
  },
  "vote.handCount.noName": {
    severity: "error",
    applies: "voting",
    vi: "Có số phiếu nhưng không có tên đơn vị.",
    en: "Votes are typed on a row without a candidate's name.",
  },
  "vote.handCount.duplicateName": {
    severity: "error",
    applies: "voting",
    vi: 'Đơn vị "{name}" có hai dòng (dòng {first} và {second}).',
    en: '"{name}" has two rows ({first} and {second}).',
  },
  "vote.handCount.noCandidates": {
    severity: "error",
    applies: "voting",
    vi: "Bảng kiểm đếm không có đơn vị nào.",
    en: "The hand-count table lists no candidate.",
  },
  // ---- A ballot file to import (export/ballotFile.ts).
  // {detail}: " (the reader's words)" or nothing.
  "vote.import.unreadable": {
    severity: "error",
    applies: "files",
    vi: "Không đọc được tệp: đây không phải tệp Excel .xlsx hoặc tệp đã hỏng{detail}. Tệp .xls cũ hoặc .csv: hãy mở bằng Excel và lưu lại dạng .xlsx.",
    en: "The file could not be read: it is not an Excel .xlsx file, or it is damaged{detail}. An old .xls or a .csv: open it in Excel and save it as .xlsx.",
  },
  "vote.import.noSheet": {
    severity: "error",
    applies: "files",
    vi: "T\u1ec7p kh\u00f4ng c\u00f3 trang nh\u1eadp phi\u1ebfu (trang c\u00f3 d\u00f2ng ti\u00eau \u0111\u1ec1 \u201cS\u1ed1 phi\u1ebfu\u201d \u2026 \u201cL\u00fd do kh\u00f4ng h\u1ee3p l\u1ec7\u201d). C\u00e1c trang trong t\u1ec7p: {names}.",
    en: "The file has no ballot entry sheet (a sheet with the \u201cS\u1ed1 phi\u1ebfu\u201d \u2026 \u201cL\u00fd do kh\u00f4ng h\u1ee3p l\u1ec7\u201d header row). Sheets in the file: {names}.",
  },
  // {missing}, {extra}: the units, or "—".
  "vote.import.candidates": {
    severity: "error",
    applies: "files",
    vi: "\u0110\u01a1n v\u1ecb trong trang \u201c{sheet}\u201d c\u1ee7a t\u1ec7p kh\u00e1c danh s\u00e1ch c\u1ee7a {id} (thi\u1ebfu: {missing}; th\u1eeba: {extra}): t\u1ec7p l\u00e0 c\u1ee7a cu\u1ed9c b\u1ecf phi\u1ebfu kh\u00e1c, ho\u1eb7c danh s\u00e1ch \u0111\u00e3 thay \u0111\u1ed5i. Kh\u00f4ng nh\u1eadp \u0111\u01b0\u1ee3c.",
    en: "The units on sheet \u201c{sheet}\u201d of the file differ from {id}'s list (missing: {missing}; extra: {extra}): the file is for another vote, or the list changed. It cannot be imported.",
  },
  "vote.import.otherVote": {
    severity: "error",
    applies: "files",
    vi: "Trang “{sheet}” là trang nhập phiếu của cuộc bỏ phiếu {other}, không phải {id}: không nhập vào {id}.",
    en: "Sheet “{sheet}” is the entry sheet of vote {other}, not {id}: it is not imported into {id}.",
  },
  "vote.import.otherTitle": {
    severity: "error",
    applies: "files",
    vi: "Trang “{sheet}” ghi nội dung bỏ phiếu “{title}”, khác cuộc bỏ phiếu {id} (“{want}”): tệp của cuộc bỏ phiếu khác hoặc của năm trước. Không nhập được.",
    en: "Sheet “{sheet}” is titled “{title}”, not vote {id}'s “{want}”: the file is another vote's or last year's. It cannot be imported.",
  },
  "vote.import.markNoCandidate": {
    severity: "error",
    applies: "files",
    vi: "Trang “{sheet}”, ô {cell}: có đánh dấu trong cột không ghi tên đơn vị (đánh dấu cho người ngoài danh sách, không phải phiếu trống). Sửa tệp rồi nhập lại.",
    en: "Sheet “{sheet}”, cell {cell}: marked in a column that names no candidate (a mark for someone off the list, not a blank). Fix the file and import it again.",
  },
  "vote.import.unknownMark": {
    severity: "error",
    applies: "files",
    vi: 'Trang “{sheet}”, ô {cell}: dấu không hợp lệ (chỉ "x" hoặc "k"); nếu nhập, dấu này sẽ bị bỏ qua như không đánh dấu. Sửa tệp rồi nhập lại.',
    en: 'Sheet “{sheet}”, cell {cell}: an unknown mark (only "x" or "k"); imported, it would be dropped as not marked. Fix the file and import it again.',
  },
  "vote.import.noNumber": {
    severity: "error",
    applies: "files",
    vi: "Trang “{sheet}”, dòng {row}: có đánh dấu nhưng thiếu số phiếu (hoặc số phiếu không phải số nguyên dương); nếu nhập, phiếu này sẽ bị bỏ sót. Sửa tệp rồi nhập lại.",
    en: "Sheet “{sheet}”, row {row}: marks without a usable ballot number; imported, the ballot would be lost. Fix the file and import it again.",
  },
  "vote.import.duplicate": {
    severity: "error",
    applies: "files",
    vi: "Trang “{sheet}”, dòng {row}: phiếu số {ballot} có hai lần. Sửa tệp rồi nhập lại.",
    en: "Sheet “{sheet}”, row {row}: ballot {ballot} is given twice. Fix the file and import it again.",
  },
} as const satisfies CodeTable;
