import type { AchievementInput, YearEndInput } from "../../../src/workbook/nomination/yearReports";
import { UNITS } from "../../domain/voting/helpers";

/** Inputs of the year-end documents (issue #12), shared by the layout and the Word tests. */
export const [A, B, C] = UNITS;
export const BLOC = { name: "Khối thi đua các cơ quan Văn hóa - Xã hội", province: "Bắc Ninh", year: 2026, leader: "Sở Văn hóa" };
export const FLAG = "Cờ thi đua của UBND tỉnh";
export const LDXS = "Tập thể lao động xuất sắc";

export const ACH: AchievementInput = {
  bloc: BLOC,
  unit: A,
  place: "Bắc Ninh",
  at: { day: 10, month: 12, year: 2026 },
  result: { unit: A, total: 95.5, rank: 1, band: "Hoàn thành xuất sắc nhiệm vụ", leading: true, parts: [{ label: "Phần I", score: 45 }, { label: "Phần II", score: 50.5 }, { label: "Điểm trừ", score: 0 }] },
  units: 8,
  votes: [
    { title: `Suy tôn đơn vị đề nghị ${FLAG} năm 2026`, voteId: "V1", round: 1, votes: 4, percent: 57.142857, passes: true, elected: false },
    { title: `Suy tôn đơn vị đề nghị ${FLAG} năm 2026`, voteId: "V1_2", round: 2, votes: 6, percent: 75, passes: true, elected: true },
  ],
  awards: [FLAG, LDXS],
  registration: [FLAG, LDXS],
};

export const YE: YearEndInput = {
  bloc: BLOC,
  place: "Bắc Ninh",
  at: { day: 10, month: 12, year: 2026 },
  number: "7",
  results: [
    { unit: A, total: 95.5, rank: 1, band: "Hoàn thành xuất sắc nhiệm vụ", leading: true, parts: [] },
    { unit: B, total: 90.25, rank: 2, band: "Hoàn thành tốt nhiệm vụ", leading: false, parts: [] },
    { unit: C, total: null, rank: null, band: "Cần kiểm tra", leading: false, parts: [] },
  ],
  votes: [{ title: `Suy tôn đơn vị đề nghị ${FLAG} năm 2026`, round: 1, voteId: "V1", elected: [A], candidates: [{ name: A, votes: 6, percent: 75, passes: true }, { name: B, votes: 2, percent: 25, passes: false }], ruleText: "" }],
  proposals: [{ unit: A, award: FLAG }, { unit: A, award: LDXS }, { unit: B, award: LDXS }],
  nextLeadership: { year: 2027, leader: B, deputies: [C], how: "Bầu" },
};

