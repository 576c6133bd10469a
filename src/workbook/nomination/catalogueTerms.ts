import type { AwardKind, AwardLevel } from "../../domain/nomination/model";
import type { Comparison } from "../../domain/voting/model";

/** The award catalogue sheet's words (catalogueSheet.ts writes them, catalogueRead.ts reads them). */
export const CATALOGUE_SHEET = "Khen thưởng";
export const CATALOGUE_TITLE = "DANH MỤC DANH HIỆU THI ĐUA VÀ HÌNH THỨC KHEN THƯỞNG CỦA KHỐI";
/** The workbook name over the table (header, awards and empty rows), for finding a renamed sheet. */
export const CATALOGUE_TABLE_NAME = "BX_KhenThuong";
/** The award names column (spare rows included): the drop-down source of sheets that pick an award. */
export const CATALOGUE_AWARD_NAMES = "BX_KhenThuong_Ten";
/** Empty rows below the awards, for custom entries. */
export const CATALOGUE_SPARE_ROWS = 10;
/** Fixed rows of a freshly written sheet (0-based). */
export const CATALOGUE_LAYOUT = { title: 0, note: 1, header: 3, first: 4 } as const;

/** The note under the title. */
export const CATALOGUE_NOTE =
  "Danh hiệu thi đua và hình thức khen thưởng là hai loại khác nhau, không ghi lẫn với nhau; một thành tích chỉ đề nghị một hình thức (các dòng “Loại trừ khen thấp hơn” = Có, Luật Thi đua, khen thưởng 2022 Điều 5). " +
  "Sửa các ô màu vàng; thêm danh hiệu hoặc hình thức khen thưởng của khối vào các dòng trống bên dưới. " +
  "Để trống Số lượng tối đa = không giới hạn; “Phải trúng bỏ phiếu” quyết định có cần bỏ phiếu hay không, Tỷ lệ phiếu chỉ để ghi vào lý do (người đạt do quy tắc của chính cuộc bỏ phiếu quyết định); Xếp loại yêu cầu ghi các mức cách nhau bởi dấu chấm phẩy (;). " +
  "Add-in Bình xét đọc bảng theo tên cột: có thể chèn dòng, chèn cột, nhưng không đổi tên các tiêu đề cột.";

/** "Loại" as the sheet shows it. */
export const KIND_TEXT: Record<AwardKind, string> = { title: "Danh hiệu thi đua", reward: "Hình thức khen thưởng" };
/** "Cấp" as the sheet shows it ("Sở, ngành" holds a comma: its drop-down reads a hidden range). */
export const LEVEL_TEXT: Record<AwardLevel, string> = { government: "Chính phủ", province: "Tỉnh", party: "Tỉnh ủy", department: "Sở, ngành" };
export const YES = "Có";
export const NO = "Không";
export const COMPARISON_TEXT: Record<Comparison, string> = { ">=": "≥", ">": ">" };

/** The table's columns, in sheet order, and their header labels. */
export const CATALOGUE_HEADERS = {
  id: "Mã",
  name: "Tên danh hiệu / hình thức",
  kind: "Loại",
  level: "Cấp",
  priority: "Thứ tự ưu tiên",
  quota: "Số lượng tối đa/khối",
  percentCap: "Tỷ lệ tối đa (%)",
  maxRank: "Hạng tối đa",
  bands: "Xếp loại yêu cầu",
  leading: "Phải là đơn vị dẫn đầu",
  votePassed: "Phải trúng bỏ phiếu",
  chosen: "Khối chọn đề nghị",
  registered: "Phải đăng ký thi đua",
  excludesLower: "Loại trừ khen thấp hơn",
  votePercent: "Tỷ lệ phiếu (%)",
  comparison: "So sánh",
  denominator: "Mẫu số",
  ruleNote: "Quy định áp dụng (ghi vào lý do)",
  legalBasis: "Căn cứ pháp lý",
  custom: "Bổ sung",
} as const;
export type CatalogueColumn = keyof typeof CATALOGUE_HEADERS;
/** The columns in sheet order. */
export const CATALOGUE_COLUMNS = Object.keys(CATALOGUE_HEADERS) as CatalogueColumn[];
