// The start of the year's rules (issue #12; seed 001_2f19b7e13258856b.txt: the pact signed on 15/3/2017 at the
// launch meeting, each unit's registration announced; DOMAIN §2 "The year" (1), §3 the catalogue, §6 names).
import { defaultCatalogue } from "../../../src/domain/nomination/catalogue";
import { findAward, isRealDate, MAX_COMMITMENTS, MAX_LINE, MAX_TARGETS, PactSchema, parseDayDate, perMember, RegistrationSchema, validatePact, validateRegistrations } from "../../../src/domain/start/model";

const members = [
  { name: "Sở Khoa học và Công nghệ", shortName: "SKHCN" },
  { name: "Sở Xây dựng", shortName: "SXD" },
  { name: "Sở Công Thương", shortName: "SCT" },
];
const awards = defaultCatalogue().awards;
const pact = { theme: "Đoàn kết, sáng tạo, thi đua xây dựng và bảo vệ tổ quốc", place: "Tiền Giang", signedOn: "15/3/2017", commitments: ["Thực hiện Chỉ thị 34-CT/TW", "  ", "Phấn đấu 100% đơn vị hoàn thành xuất sắc nhiệm vụ"] };

describe("the pact (seed 001: signed 15/3/2017 for the year 2017)", () => {
  it("takes the seed's pact: date parsed, blank commitments dropped, no issue", () => {
    const r = validatePact(pact, 2017);
    expect(r.issues).toEqual([]);
    expect(r.pact).toEqual({ theme: pact.theme, place: "Tiền Giang", signedOn: { day: 15, month: 3, year: 2017 }, commitments: [pact.commitments[0], pact.commitments[2]] });
    expect(PactSchema.safeParse(r.pact).success).toBe(true);
  });

  it.each(["31/02/2017", "29/02/2017", "15/13/2017", "15-3", "mười lăm tháng ba"])("refuses the impossible date %s with start.pact.date on signedOn", (d) => {
    const r = validatePact({ ...pact, signedOn: d }, 2017);
    expect(r.pact).toBeNull();
    expect(r.issues.map((i) => [i.code, i.field, i.severity])).toEqual([["start.pact.date", "signedOn", "error"]]);
    expect(r.issues[0].message.vi).toContain(d);
  });

  it("accepts 29/02 in a leap year and an empty date", () => {
    expect(isRealDate(parseDayDate("29/02/2028")!)).toBe(true);
    expect(validatePact({ ...pact, signedOn: "" }, 2028).pact?.signedOn).toBeNull();
  });

  it("warns when signed in another year than the bloc's (start.pact.dateYear)", () => {
    const r = validatePact({ ...pact, signedOn: "20/12/2016" }, 2017);
    expect(r.pact).not.toBeNull();
    expect(r.issues.map((i) => [i.code, i.severity])).toEqual([["start.pact.dateYear", "warning"]]);
  });

  it("refuses a text too long (start.pact.tooLong, on its field) and too many commitments (start.pact.tooMany)", () => {
    const long = validatePact({ ...pact, commitments: ["a", "x".repeat(MAX_LINE + 1)] }, 2017);
    expect(long.issues.map((i) => [i.code, i.field])).toEqual([["start.pact.tooLong", "commitments.1"]]);
    const many = validatePact({ ...pact, commitments: Array.from({ length: MAX_COMMITMENTS + 1 }, (_, i) => `Cam kết ${i}`) }, 2017);
    expect(many.issues.map((i) => i.code)).toEqual(["start.pact.tooMany"]);
  });
});

describe("registrations (awards from the catalogue, DOMAIN §3)", () => {
  it("accepts a title and a reward together, names by short name, in catalogue order", () => {
    const r = validateRegistrations([{ unit: "sxd", awards: ["bk-tinh", "co-tinh"], targets: " Hoàn thành 10 nhiệm vụ trọng tâm " }], members, awards);
    expect(r.issues).toEqual([]);
    expect(r.registrations).toEqual([{ unit: "Sở Xây dựng", awards: ["co-tinh", "bk-tinh"], targets: "Hoàn thành 10 nhiệm vụ trọng tâm" }]);
    expect(RegistrationSchema.safeParse(r.registrations![0]).success).toBe(true);
  });

  it("refuses a unit outside the bloc (start.registration.notMember, DOMAIN §1)", () => {
    const r = validateRegistrations([{ unit: "Sở Ngoại vụ", awards: [], targets: "" }], members, awards);
    expect(r.registrations).toBeNull();
    expect(r.issues.map((i) => [i.code, i.field])).toEqual([["start.registration.notMember", "registrations.0.unit"]]);
  });

  it("refuses a unit registered twice, even spelt differently (start.registration.duplicate, DOMAIN §6)", () => {
    const r = validateRegistrations([{ unit: "Sở Xây dựng", awards: [], targets: "" }, { unit: "SỞ XÂY  DỰNG", awards: ["co-tinh"], targets: "" }], members, awards);
    expect(r.issues.map((i) => [i.code, i.field])).toEqual([["start.registration.duplicate", "registrations.1.unit"]]);
  });

  it("refuses an award id not in the catalogue (start.registration.unknownAward), pointing at it", () => {
    const r = validateRegistrations([{ unit: "SCT", awards: ["co-tinh", "huan-chuong"], targets: "" }], members, awards);
    expect(r.issues.map((i) => [i.code, i.field])).toEqual([["start.registration.unknownAward", "registrations.0.awards.1"]]);
  });

  it("warns on an award named twice and keeps it once", () => {
    const r = validateRegistrations([{ unit: "SCT", awards: ["co-tinh", "co-tinh"], targets: "" }], members, awards);
    expect(r.issues.map((i) => [i.code, i.severity])).toEqual([["start.registration.duplicateAward", "warning"]]);
    expect(r.registrations![0].awards).toEqual(["co-tinh"]);
  });

  it("refuses targets over the limit (start.registration.tooLong)", () => {
    const r = validateRegistrations([{ unit: "SCT", awards: [], targets: "x".repeat(MAX_TARGETS + 1) }], members, awards);
    expect(r.issues.map((i) => [i.code, i.field])).toEqual([["start.registration.tooLong", "registrations.0.targets"]]);
  });

  it("perMember gives one registration per member in roster order, empty where none", () => {
    expect(perMember([{ unit: "Sở Công Thương", awards: ["co-tinh"], targets: "" }], members).map((r) => [r.unit, r.awards])).toEqual([
      ["Sở Khoa học và Công nghệ", []],
      ["Sở Xây dựng", []],
      ["Sở Công Thương", ["co-tinh"]],
    ]);
  });

  it("findAward takes an id or a name, any case or spacing", () => {
    expect(findAward(awards, "CỜ THI ĐUA CỦA  UBND TỈNH")?.id).toBe("co-tinh");
    expect(findAward(awards, "bk-tinh")?.id).toBe("bk-tinh");
    expect(findAward(awards, "Huân chương")).toBeUndefined();
  });
});
