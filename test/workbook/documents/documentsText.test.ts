/**
 * The plain-text renderer of the documents module (issue #13 point 4), one case per document kind
 * on the fixtures of ./fixtures.ts: the NĐ 30/2020/NĐ-CP heading (issuing body, national title and
 * motto, number and symbol, place and date; DOMAIN §5), the title, the figures written the
 * Vietnamese way (decimal comma, percents with 2 decimals) and the signature block.
 */
import { layoutText, MOTTO, NATIONAL_TITLE, type DocLayout } from "../../../src/domain/documents";
import { listLayout } from "../../../src/workbook/nomination/listSheet";
import { meetingLayout } from "../../../src/workbook/nomination/meetingSheet";
import { submissionLayout } from "../../../src/workbook/nomination/submission";
import { achievementLayout, yearEndLayout } from "../../../src/workbook/nomination/yearReports";
import { pactLayout, registrationLayout } from "../../../src/workbook/start/startDocuments";
import { minutesLayout } from "../../../src/workbook/voting/minutesSheet";
import * as F from "./fixtures";

interface Case {
  layout: () => DocLayout;
  /** The heading's left half, top to bottom (the body above, the issuing body). */
  agency: string[];
  /** The number line's left half, "" when the document has none. */
  number: string;
  /** The place-and-date text. */
  date: string;
  title: string[];
  figures: string[];
  /** Signature lines, in order, each as "left\tright" or a single half. */
  signatures: string[];
}

const BLOC = F.BLOC.name.toLocaleUpperCase("vi");
const LEADER = F.A.toLocaleUpperCase("vi");
const DEC5 = "Bắc Ninh, ngày 05 tháng 12 năm 2026";

const CASES: [string, Case][] = [
  [
    "the nomination list (danh sách đề nghị)",
    {
      layout: () => listLayout(F.LIST),
      agency: [BLOC, LEADER],
      number: "",
      date: DEC5,
      title: ["DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM 2026", `(Kèm theo Tờ trình số 12/TTr-KTĐ ngày 05/12/2026 của Trưởng ${F.BLOC.name})`],
      figures: [`1\t${F.A}\t${F.FLAG}\t95,25\t1\t7/8\t87,50`, `2\t${F.B}\t${F.LDXS}\t92,50\t2`],
      signatures: ["Nơi nhận:\tTRƯỞNG KHỐI", "- Các đơn vị trong khối;\t(Ký, ghi rõ họ tên, đóng dấu)", "- Lưu: VT.", "Nguyễn Văn An"],
    },
  ],
  [
    "the meeting minutes (biên bản họp bình xét)",
    {
      layout: () => meetingLayout(F.MEETING),
      agency: [BLOC],
      number: "",
      date: DEC5,
      title: ["BIÊN BẢN HỌP BÌNH XÉT THI ĐUA, KHEN THƯỞNG NĂM 2026"],
      figures: ["- Tổng số đơn vị thành viên: 8; có mặt: 7 (87,50%); vắng mặt: 1.", `+ ${F.A} (95,25 điểm, xếp hạng 1; 7/8 phiếu, 87,50%).`, `+ ${F.B} (92,5 điểm, xếp hạng 2).`],
      signatures: ["THƯ KÝ\tCHỦ TRÌ", "(Ký, ghi rõ họ tên)\t(Ký, ghi rõ họ tên)", "Trần Thị Bình\tNguyễn Văn An"],
    },
  ],
  [
    "the vote-count minutes (biên bản kiểm phiếu)",
    {
      layout: () => minutesLayout(F.MINUTES),
      agency: [BLOC],
      number: "",
      date: DEC5,
      title: ["BIÊN BẢN KIỂM PHIẾU", `Suy tôn đơn vị đề nghị ${F.FLAG}`],
      figures: ["- Số thành viên có mặt: 7, bằng 87,50% tổng số thành viên.", `1\t${F.A}\t6\t0\t75,00\tKhông đạt tỷ lệ`, "Hồi 14 giờ 30 phút, ngày 05 tháng 12 năm 2026, tại"],
      signatures: ["THƯ KÝ\tTRƯỞNG BAN KIỂM PHIẾU", "(Ký, ghi rõ họ tên)\t(Ký, ghi rõ họ tên)", "Nguyễn Văn An", "CÁC THÀNH VIÊN BAN KIỂM PHIẾU", "(Ký, ghi rõ họ tên)", "Trần Thị Bình\tLê Văn Cường"],
    },
  ],
  [
    "the submission (tờ trình)",
    {
      layout: () => submissionLayout(F.SUBMISSION),
      agency: [BLOC, LEADER],
      number: "Số: 12/TTr-KTĐ",
      date: DEC5,
      title: ["TỜ TRÌNH", "Về việc đề nghị khen thưởng năm 2026", "————"],
      figures: ["khen thưởng cho 02 tập thể", `1. ${F.FLAG} (01 tập thể):`],
      signatures: ["Nơi nhận:\tTRƯỞNG KHỐI", "- Như trên;\t(Ký, ghi rõ họ tên, đóng dấu)", "- Các đơn vị trong khối;", "- Lưu: VT.", "Nguyễn Văn An"],
    },
  ],
  [
    "the pact (giao ước thi đua)",
    {
      layout: () => pactLayout(F.PACT),
      agency: [BLOC],
      number: "",
      date: "Bắc Ninh, ngày 15 tháng 03 năm 2026",
      title: ["GIAO ƯỚC THI ĐUA", "Năm 2026", "Chủ đề thi đua: “Đoàn kết, sáng tạo”", "————"],
      figures: ["Tổng điểm chuẩn\t100", "1. Đẩy mạnh cải cách hành chính"],
      signatures: [
        "THỦ TRƯỞNG ĐƠN VỊ\tTHỦ TRƯỞNG ĐƠN VỊ",
        `${LEADER}\t${F.B.toLocaleUpperCase("vi")}`,
        "(Ký, ghi rõ họ tên, đóng dấu)\t(Ký, ghi rõ họ tên, đóng dấu)",
        "THỦ TRƯỞNG ĐƠN VỊ",
        F.C.toLocaleUpperCase("vi"),
        "(Ký, ghi rõ họ tên, đóng dấu)",
      ],
    },
  ],
  [
    "the registration list (danh sách đăng ký thi đua)",
    {
      layout: () => registrationLayout(F.REGISTRATION),
      agency: [BLOC],
      number: "",
      date: "Bắc Ninh, ngày 15 tháng 03 năm 2026",
      title: ["DANH SÁCH ĐĂNG KÝ THI ĐUA", "Năm 2026", "————"],
      figures: [`1\t${F.A}\t${F.FLAG}\tThu hút 5 dự án`, `2\t${F.B}\tChưa đăng ký`],
      signatures: ["Nơi nhận:\tTRƯỞNG KHỐI\nSỞ VĂN HÓA", "- Các đơn vị trong khối;\t(Ký, ghi rõ họ tên, đóng dấu)", "- Lưu: VT."],
    },
  ],
  [
    "the achievement report (báo cáo thành tích)",
    {
      layout: () => achievementLayout(F.ACHIEVEMENT),
      agency: [LEADER],
      number: "",
      date: "Bắc Ninh, ngày 10 tháng 12 năm 2026",
      title: ["BÁO CÁO THÀNH TÍCH", `Đề nghị ${F.FLAG}; ${F.LDXS} năm 2026`, "————"],
      figures: ["- Điểm theo từng phần: Phần I: 45; Phần II: 50,5; Điểm trừ: 0.", `- Suy tôn đơn vị đề nghị ${F.FLAG} năm 2026: 4 phiếu đồng ý, đạt 57,14%; đạt tỷ lệ nhưng không được chọn.`],
      signatures: ["XÁC NHẬN CỦA CẤP TRÌNH KHEN THƯỞNG\tTHỦ TRƯỞNG ĐƠN VỊ", "(Ký, ghi rõ họ tên, đóng dấu)\t(Ký, ghi rõ họ tên, đóng dấu)"],
    },
  ],
  [
    "the year-end report (báo cáo tổng kết)",
    {
      layout: () => yearEndLayout(F.YEAR_END),
      agency: [BLOC, LEADER],
      number: "Số: 7/BC-KTĐ",
      date: "Bắc Ninh, ngày 10 tháng 12 năm 2026",
      title: ["BÁO CÁO", `Tổng kết công tác thi đua, khen thưởng năm 2026 của ${F.BLOC.name}`, "————"],
      figures: [`1\t${F.A}\t95,50\t1\tHoàn thành xuất sắc nhiệm vụ\tDẫn đầu`, `1. Suy tôn đơn vị đề nghị ${F.FLAG} năm 2026: ${F.A} 6 phiếu (75,00%); ${F.B} 2 phiếu (25,00%).`],
      signatures: ["Nơi nhận:\tTRƯỞNG KHỐI", "- Các đơn vị trong khối;\t(Ký, ghi rõ họ tên, đóng dấu)", "- Lưu: VT."],
    },
  ],
];

describe.each(CASES)("%s as plain text", (_, c) => {
  const text = layoutText(c.layout());
  const at = (line: string) => text.indexOf(line);
  const heading = text.slice(0, 5);

  it("opens with the NĐ 30 heading: the issuing body in capitals beside the national title, then the motto", () => {
    const first = text.findIndex((l) => l.endsWith(`\t${NATIONAL_TITLE}`));
    expect(first).toBeGreaterThanOrEqual(0);
    expect(first).toBeLessThanOrEqual(1); // the achievement report's form line may come first
    expect(text.slice(first, first + c.agency.length).map((l) => l.split("\t")[0])).toEqual(c.agency);
    expect(heading.some((l) => l.split("\t").includes(MOTTO))).toBe(true);
  });

  it("gives the number and symbol beside the place and date, or the place and date alone", () => {
    const line = c.number ? `${c.number}\t${c.date}` : c.date;
    expect(text.slice(0, 7)).toContain(line);
  });

  it("has its title (and sub-lines) in order, after the heading", () => {
    const i = at(c.title[0]);
    expect(i).toBeGreaterThan(at(c.number ? `${c.number}\t${c.date}` : c.date));
    expect(text.slice(i, i + c.title.length)).toEqual(c.title);
  });

  it("writes its figures the Vietnamese way (decimal comma, percents with 2 decimals)", () => {
    for (const f of c.figures) expect(text.some((l) => l.includes(f))).toBe(true);
  });

  it("ends with its signature block", () => {
    const i = at(c.signatures[0]);
    expect(i).toBeGreaterThan(at(c.title[0]));
    expect(text.slice(i, i + c.signatures.length)).toEqual(c.signatures);
    expect(i + c.signatures.length).toBe(text.length);
  });
});
