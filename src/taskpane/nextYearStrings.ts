import type { Lang } from "./strings";

/** The next-year action's words, Vietnamese first (issue #12 point 4). */
const vi = {
  title: "Năm sau",
  help: "Sau hội nghị tổng kết: tạo bảng tính của năm sau với danh sách đơn vị, bảng tiêu chí, cài đặt, danh mục khen thưởng và bảng trưởng khối các năm; trưởng khối, phó trưởng khối năm sau lấy theo kết quả đã chọn ở bước Bỏ phiếu. Điểm, phiếu và biên bản năm nay không chuyển sang.",
  create: (year: number | null) => (year ? `Tạo bảng tính năm ${year}` : "Tạo bảng tính năm sau"),
  creating: "Đang tạo…",
  refused: "Chưa tạo được bảng tính năm sau:",
  opened: (name: string, year: number) =>
    `Đã mở bảng tính năm ${year} thành một sổ làm việc mới trong Excel. Để lưu: trong sổ làm việc mới chọn File › Save As (Tệp › Lưu thành) và đặt tên “${name}”.`,
  leader: (year: number, leader: string, deputies: string[]) => `Năm ${year}: trưởng khối ${leader}; phó trưởng khối ${deputies.join(", ")}.`,
};

const en: typeof vi = {
  title: "Next year",
  help: "After the year-end meeting: create next year's workbook with the member list, the criteria table, the settings, the award catalogue and the leadership record; next year's leader and deputies are those chosen in the Voting step. This year's scores, ballots and minutes are not carried.",
  create: (year) => (year ? `Create the ${year} workbook` : "Create next year's workbook"),
  creating: "Creating…",
  refused: "Next year's workbook was not created:",
  opened: (name, year) => `The ${year} workbook was opened as a new workbook in Excel. To keep it: in the new workbook choose File › Save As and name it “${name}”.`,
  leader: (year, leader, deputies) => `${year}: leader ${leader}; deputies ${deputies.join(", ")}.`,
};

export const NEXT_YEAR_STRINGS: Record<Lang, typeof vi> = { vi, en };
