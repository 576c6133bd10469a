import type { CriteriaTable, Criterion, CriterionKind } from "./model";
import { CRITERIA_DEFAULTS } from "./parse";

/**
 * Shipped criteria tables: starting points, each labelled a sample to adapt (DOMAIN §2: real
 * tables differ by province and change yearly; a bloc usually pastes its own). Texts are modelled
 * on the sections that provincial blocs' tables share; the points are examples, not rules.
 */
export type TemplateId = "departments-100" | "hue-1000" | "blank";

export interface CriteriaTemplate {
  id: TemplateId;
  label: { vi: string; en: string };
  description: { vi: string; en: string };
  table: CriteriaTable;
}

/** Written into every sample's title, and how the sheet recognises a sample. */
export const SAMPLE_MARK = "(mẫu tham khảo)";

/** Placeholder legal basis: editable text, never article numbers stated as fact (DOMAIN §3). */
const LEGAL_BASIS = [
  "Luật Thi đua, khen thưởng năm 2022;",
  "Nghị định của Chính phủ quy định chi tiết thi hành Luật Thi đua, khen thưởng và Thông tư hướng dẫn của Bộ Nội vụ (ghi số, ngày theo văn bản hiện hành);",
  "Quy chế (hướng dẫn) công tác thi đua, khen thưởng của UBND tỉnh (ghi số, ngày ban hành);",
  "Giao ước thi đua năm của Khối (cập nhật theo văn bản hiện hành).",
].join("\n");

interface Opts {
  max?: number | null;
  kind?: CriterionKind | null;
  unit?: number;
  step?: number;
  weight?: number;
  note?: string;
}
type Spec = [number: string, text: string, opts: Opts, children?: Spec[]];

/** Builds a node and its children; ids are numbering paths ("I", "I.1", "I.1.a", "II.3.1"). */
function build(spec: Spec, parentId: string | null, sectionId: string): Criterion {
  const [number, text, o, kids = []] = spec;
  const id = parentId === null ? number : /^\d+(\.\d+)*$/.test(number) ? `${sectionId}.${number}` : `${parentId}.${number}`;
  return {
    id,
    number,
    text,
    max: o.max ?? null,
    kind: kids.length > 0 ? null : (o.kind ?? "points"),
    weight: o.weight ?? 1,
    step: o.step ?? null,
    unit: o.unit ?? null,
    note: o.note ?? "",
    children: kids.map((k) => build(k, id, parentId === null ? number : sectionId)),
  };
}
const sections = (specs: Spec[]): Criterion[] => specs.map((s) => build(s, null, s[0]));

/** A bloc of provincial departments (sở, ban, ngành), 100 points. */
function departments100(): CriteriaTable {
  return {
    title: `Bảng tiêu chí chấm điểm thi đua Khối các sở, ban, ngành ${SAMPLE_MARK}`,
    scale: 100,
    allowOverScale: true,
    decimals: 2,
    step: 0.25,
    bonusCap: 5,
    penaltyCap: 10,
    legalBasis: LEGAL_BASIS,
    sample: true,
    sections: sections([
      [
        "I",
        "Thực hiện nhiệm vụ chính trị, chuyên môn được giao",
        { max: 50 },
        [
          [
            "1",
            "Hoàn thành các chỉ tiêu, nhiệm vụ chuyên môn theo chương trình, kế hoạch công tác năm được UBND tỉnh giao",
            { max: 20 },
            [
              ["a", "Hoàn thành 100% chỉ tiêu, nhiệm vụ kế hoạch năm", { max: 12, note: "Hoàn thành dưới 100%: trừ theo tỷ lệ chỉ tiêu chưa đạt" }],
              ["b", "Chất lượng tham mưu văn bản quy phạm pháp luật, đề án, chương trình trình UBND tỉnh", { max: 8 }],
            ],
          ],
          [
            "2",
            "Thực hiện các nhiệm vụ UBND tỉnh, Chủ tịch UBND tỉnh giao đúng thời hạn, có chất lượng",
            { max: 10, note: "Căn cứ số liệu theo dõi trên hệ thống quản lý văn bản và điều hành của tỉnh" },
          ],
          ["3", "Thực hiện các nhiệm vụ trọng tâm, đột phá của ngành, lĩnh vực", { max: 10 }],
          ["4", "Công tác thanh tra, kiểm tra, giải quyết khiếu nại, tố cáo thuộc lĩnh vực quản lý", { max: 5 }],
          ["5", "Công tác phòng, chống tham nhũng, lãng phí, tiêu cực; thực hành tiết kiệm", { max: 5 }],
        ],
      ],
      [
        "II",
        "Cải cách hành chính, chuyển đổi số, kỷ luật, kỷ cương hành chính",
        { max: 20 },
        [
          ["1", "Chỉ số cải cách hành chính (PAR Index) của đơn vị", { max: 6, note: "Nhóm 1/3 đầu: 6 điểm; nhóm giữa: 4 điểm; nhóm cuối: 2 điểm" }],
          ["2", "Giải quyết thủ tục hành chính đúng hạn; tỷ lệ hồ sơ trực tuyến toàn trình", { max: 5 }],
          [
            "3",
            "Chuyển đổi số trong hoạt động của cơ quan",
            { max: 5 },
            [
              ["3.1", "Sử dụng hệ thống quản lý văn bản, chữ ký số trong xử lý công việc", { max: 3 }],
              ["3.2", "Cập nhật, cung cấp dữ liệu lên cơ sở dữ liệu dùng chung của tỉnh đúng quy định", { max: 2, kind: "yesNo", note: "Đạt: 2 điểm; không đạt: 0 điểm" }],
            ],
          ],
          ["4", "Chấp hành kỷ luật, kỷ cương hành chính, văn hóa công sở", { max: 4 }],
        ],
      ],
      [
        "III",
        "Công tác xây dựng Đảng, đoàn thể",
        { max: 15 },
        [
          ["1", "Tổ chức cơ sở đảng được xếp loại chất lượng", { max: 5, note: "Hoàn thành xuất sắc nhiệm vụ: 5 điểm; hoàn thành tốt: 4 điểm; hoàn thành: 2 điểm" }],
          ["2", "Công đoàn, Đoàn Thanh niên, Hội Cựu chiến binh (nếu có) được xếp loại vững mạnh", { max: 4 }],
          ["3", "Thực hiện Chỉ thị 05-CT/TW về học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", { max: 3 }],
          ["4", "Không có cán bộ, công chức, viên chức bị kỷ luật từ khiển trách trở lên", { max: 3, kind: "yesNo", note: "Đạt: 3 điểm; không đạt: 0 điểm" }],
        ],
      ],
      [
        "IV",
        "Công tác thi đua, khen thưởng và hoạt động của Khối",
        { max: 15 },
        [
          ["1", "Ban hành kế hoạch thi đua năm đúng thời hạn", { max: 2, kind: "yesNo", note: "Đạt/Không đạt" }],
          ["2", "Tổ chức phát động, ký giao ước thi đua; đăng ký thi đua với Khối đúng thời hạn", { max: 3 }],
          ["3", "Tham gia đầy đủ các hội nghị, hoạt động do Khối tổ chức", { max: 3 }],
          [
            "4",
            "Có sáng kiến, mô hình hay, điển hình tiên tiến được cấp có thẩm quyền công nhận, nhân rộng",
            { max: 3, kind: "perOccurrence", unit: 1, note: "Mỗi sáng kiến, mô hình được công nhận: 1 điểm, tối đa 3 điểm" },
          ],
          [
            "5",
            "Báo cáo công tác thi đua, khen thưởng đầy đủ, đúng hạn",
            { max: 4 },
            [
              ["a", "Báo cáo sơ kết 6 tháng", { max: 2 }],
              ["b", "Báo cáo tổng kết năm", { max: 2 }],
            ],
          ],
        ],
      ],
      [
        "V",
        "Điểm thưởng",
        {},
        [
          ["1", "Được Thủ tướng Chính phủ, bộ, ngành Trung ương khen thưởng về thành tích trong năm", { max: 3, kind: "bonus" }],
          ["2", "Được UBND tỉnh khen thưởng chuyên đề, đột xuất", { max: 2, kind: "bonus" }],
          ["3", "Có đề xuất, sáng kiến được UBND tỉnh đánh giá cao, áp dụng trong toàn tỉnh", { max: 2, kind: "bonus" }],
        ],
      ],
      [
        "VI",
        "Điểm trừ",
        {},
        [
          ["1", "Không tổ chức phát động phong trào thi đua", { max: 5, kind: "penalty" }],
          ["2", "Mỗi văn bản báo cáo chậm so với quy định", { max: 2, kind: "penalty", unit: 0.5, note: "Mỗi văn bản chậm: trừ 0,5 điểm" }],
          ["3", "Vắng mặt không có lý do tại hội nghị, hoạt động của Khối", { max: 2, kind: "penalty", unit: 1, note: "Mỗi lần vắng mặt: trừ 1 điểm" }],
          ["4", "Để xảy ra khiếu nại, tố cáo vượt cấp, kéo dài thuộc trách nhiệm giải quyết của đơn vị", { max: 2, kind: "penalty" }],
        ],
      ],
    ]),
  };
}

/** A 1,000-point table: 950 content + 50 bonus, in the structure Thừa Thiên Huế uses (DOMAIN §2). */
function hue1000(): CriteriaTable {
  return {
    title: `Bảng tiêu chí chấm điểm thi đua thang 1.000 điểm ${SAMPLE_MARK}`,
    scale: 1000,
    allowOverScale: false,
    decimals: 1,
    step: 1,
    bonusCap: 50,
    penaltyCap: null,
    legalBasis: LEGAL_BASIS,
    sample: true,
    sections: sections([
      [
        "I",
        "Thực hiện nhiệm vụ chính trị, chuyên môn được giao",
        { max: 500 },
        [
          [
            "1",
            "Kết quả thực hiện các chỉ tiêu, nhiệm vụ kế hoạch năm được giao",
            { max: 250 },
            [
              ["1.1", "Hoàn thành các chỉ tiêu kinh tế - xã hội thuộc ngành, lĩnh vực phụ trách", { max: 150 }],
              ["1.2", "Thực hiện chương trình công tác năm của UBND tỉnh", { max: 100 }],
            ],
          ],
          ["2", "Chất lượng tham mưu cho Tỉnh ủy, HĐND, UBND tỉnh", { max: 150 }],
          ["3", "Thực hiện nhiệm vụ đột xuất, nhiệm vụ được giao bổ sung", { max: 100 }],
        ],
      ],
      [
        "II",
        "Cải cách hành chính, chuyển đổi số",
        { max: 150 },
        [
          ["1", "Cải cách thủ tục hành chính", { max: 60 }],
          ["2", "Ứng dụng công nghệ thông tin, chuyển đổi số", { max: 50 }],
          ["3", "Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính (SIPAS)", { max: 40 }],
        ],
      ],
      [
        "III",
        "Công tác xây dựng Đảng, đoàn thể; kỷ luật, kỷ cương hành chính",
        { max: 150 },
        [
          ["1", "Xây dựng tổ chức đảng trong sạch, vững mạnh", { max: 60 }],
          ["2", "Hoạt động của Công đoàn, Đoàn Thanh niên và các đoàn thể", { max: 40 }],
          ["3", "Chấp hành kỷ luật, kỷ cương hành chính; phòng, chống tham nhũng, lãng phí", { max: 50 }],
        ],
      ],
      [
        "IV",
        "Công tác thi đua, khen thưởng",
        { max: 150 },
        [
          [
            "1",
            "Ban hành kế hoạch, tổ chức phát động thi đua",
            { max: 40 },
            [
              ["a", "Ban hành kế hoạch thi đua năm đúng thời hạn", { max: 20, kind: "yesNo", note: "Đạt/Không đạt" }],
              ["b", "Tổ chức phát động thi đua theo chuyên đề, theo đợt", { max: 20 }],
            ],
          ],
          ["2", "Tham gia hoạt động của Khối", { max: 50 }],
          ["3", "Phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến", { max: 30, kind: "perOccurrence", unit: 10, note: "Mỗi điển hình được công nhận: 10 điểm, tối đa 30 điểm" }],
          ["4", "Báo cáo công tác thi đua, khen thưởng đầy đủ, đúng hạn", { max: 30 }],
        ],
      ],
      [
        "V",
        "Điểm thưởng",
        { max: 50 },
        [
          ["1", "Có thành tích xuất sắc đột xuất được cấp có thẩm quyền khen thưởng", { max: 20, kind: "bonus" }],
          ["2", "Có sáng kiến, giải pháp được áp dụng hiệu quả", { max: 15, kind: "bonus" }],
          ["3", "Hoàn thành vượt mức chỉ tiêu kế hoạch năm", { max: 15, kind: "bonus" }],
        ],
      ],
      [
        "VI",
        "Điểm trừ",
        {},
        [
          ["1", "Không tổ chức phát động phong trào thi đua", { max: 8, kind: "penalty" }],
          ["2", "Mỗi văn bản, báo cáo gửi chậm so với quy định", { max: 10, kind: "penalty", unit: 2, note: "Mỗi văn bản chậm: trừ 2 điểm" }],
        ],
      ],
    ]),
  };
}

/** One section with one criterion, for a bloc that types its own table. */
function blank(): CriteriaTable {
  return {
    ...CRITERIA_DEFAULTS,
    title: `Bảng tiêu chí chấm điểm thi đua ${SAMPLE_MARK}`,
    legalBasis: LEGAL_BASIS,
    sample: true,
    sections: sections([["I", "Nội dung thi đua", {}, [["1", "Tiêu chí 1", { max: 100 }]]]]),
  };
}

export const TEMPLATES: readonly CriteriaTemplate[] = [
  {
    id: "departments-100",
    label: { vi: "Khối các sở, ban, ngành (thang 100 điểm)", en: "Provincial departments (100 points)" },
    description: {
      vi: "Mẫu tham khảo thang 100 điểm: nhiệm vụ chuyên môn (50), cải cách hành chính và chuyển đổi số (20), xây dựng Đảng, đoàn thể (15), thi đua, khen thưởng và hoạt động Khối (15); điểm thưởng tối đa 5, điểm trừ tối đa 10; tổng được vượt 100 khi có điểm thưởng. Hãy sửa cho đúng bảng tiêu chí khối đã thống nhất.",
      en: "A 100-point sample: core duties (50), administrative reform and digital transformation (20), Party and mass organisations (15), emulation work and the bloc's activities (15); bonus up to 5, penalties up to 10; totals may exceed 100 with bonus. Adapt it to the table the bloc agreed.",
    },
    table: departments100(),
  },
  {
    id: "hue-1000",
    label: { vi: "Thang 1.000 điểm (950 nội dung + 50 thưởng)", en: "1,000 points (950 content + 50 bonus)" },
    description: {
      vi: "Mẫu tham khảo theo cấu trúc thang 1.000 điểm như Thừa Thiên Huế: 950 điểm nội dung và 50 điểm thưởng; trừ 8 điểm nếu không tổ chức phát động phong trào thi đua. Nội dung tiêu chí chỉ là ví dụ, cần thay bằng bảng của khối.",
      en: "A sample in the 1,000-point structure used in Thừa Thiên Huế: 950 content points and 50 bonus; minus 8 for not launching the emulation movement. The criteria texts are examples to replace with the bloc's own.",
    },
    table: hue1000(),
  },
  {
    id: "blank",
    label: { vi: "Bảng trống", en: "Blank table" },
    description: {
      vi: "Một phần, một tiêu chí 100 điểm: để tự nhập hoặc dán bảng tiêu chí của khối.",
      en: "One section with one 100-point criterion: for typing or pasting the bloc's own table.",
    },
    table: blank(),
  },
];

/** A template by id; a fresh copy, so callers may edit it. */
export function templateById(id: TemplateId): CriteriaTemplate;
export function templateById(id: string): CriteriaTemplate | undefined;
export function templateById(id: string): CriteriaTemplate | undefined {
  const t = TEMPLATES.find((x) => x.id === id);
  return t ? JSON.parse(JSON.stringify(t)) : undefined;
}
