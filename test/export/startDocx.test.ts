// The start-of-year documents (issue #12 point 1) as Word files, read back as XML (jsdom's DOMParser) as in
// yearReportsDocx.test.ts: the NĐ 30/2020 form (Times New Roman, A4, margins 20/20/30/15 mm, national title and
// motto), the pact's signature table with one block per member unit's head (seed 001_2f19b7e13258856b.txt: "lãnh
// đạo các đơn vị trong khối ký kết giao ước"), the criteria table and the registrations from the inputs.
import { templateById } from "../../src/domain/criteria/templates";
import { HEAD_TITLE, pactCriteriaRows } from "../../src/workbook/start/pactSheet";
import { NOT_REGISTERED, pactLayout, PACT_DOC_TITLE, REGISTRATION_DOC_TITLE, registrationLayout } from "../../src/workbook/start/startDocuments";
import { attr, bold, els, kid, kids, nd30FormTests, openDocx as open, text } from "./nd30Kit";

const members = ["Sở Khoa học và Công nghệ", "Sở Xây dựng", "Sở Công Thương", "Sở Tài chính", "Sở Giao thông vận tải", "Sở Nông nghiệp và Phát triển nông thôn", "Sở Tài nguyên và Môi trường"];
const bloc = { name: "Khối thi đua Kinh tế ngành", province: "Tiền Giang", year: 2017, leader: "Sở Khoa học và Công nghệ" };
const table = templateById("departments-100").table;
const PACT = pactLayout({
  bloc,
  members,
  pact: { theme: "Đoàn kết, sáng tạo, thi đua xây dựng và bảo vệ tổ quốc", place: "Tiền Giang", signedOn: { day: 15, month: 3, year: 2017 }, commitments: ["Thực hiện Chỉ thị 34-CT/TW", "Đẩy mạnh cải cách hành chính"] },
  criteria: table,
  at: { day: 1, month: 1, year: 2017 },
});
const REG = registrationLayout({
  bloc,
  registrations: members.map((unit, i) => ({ unit, awards: i === 0 ? ["Cờ thi đua của UBND tỉnh", "Bằng khen của Chủ tịch UBND tỉnh"] : i === 6 ? [] : ["Tập thể lao động xuất sắc"], targets: i === 0 ? "Thu hút 5 dự án" : "" })),
  at: { day: 15, month: 3, year: 2017 },
  place: "Tiền Giang",
});

describe.each([
  ["the pact", () => PACT, PACT_DOC_TITLE],
  ["the registration list", () => REG, REGISTRATION_DOC_TITLE],
] as const)("%s as a .docx (NĐ 30/2020)", (_, make, title) => {
  nd30FormTests(() => open(make()), { minRuns: 20 });

  it("names the bloc in the header's left half", async () => {
    const { body } = await open(make());
    const left = kids(kids(kids(body, "tbl")[0], "tr")[0], "tc")[0];
    expect(text(left)).toContain(bloc.name.toLocaleUpperCase("vi"));
  });

  it("has its title once, bold and centred, and the place and date", async () => {
    const { body } = await open(make());
    const ps = els(body, "p").filter((p) => text(p) === title);
    expect(ps).toHaveLength(1);
    expect(bold(ps[0])).toBe(true);
    expect(els(body, "p").some((p) => text(p) === "Tiền Giang, ngày 15 tháng 03 năm 2017")).toBe(true);
  });
});

describe("the pact's content", () => {
  let body: Element;
  beforeAll(async () => {
    ({ body } = await open(PACT));
  });

  it("has a signature table with one block per member unit's head, two to a row, borderless", () => {
    const sig = kids(body, "tbl").find((t) => text(t).includes(HEAD_TITLE))!;
    expect(sig).toBeDefined();
    const cells = els(sig, "tc").map(text).filter((t) => t.includes(HEAD_TITLE));
    expect(cells).toHaveLength(members.length);
    for (const m of members) expect(els(sig, "tc").some((c) => text(c).includes(m.toLocaleUpperCase("vi")))).toBe(true);
    const rows = kids(sig, "tr").map((tr) => kids(tr, "tc").filter((c) => text(c) === HEAD_TITLE).length).filter((n) => n > 0);
    expect(rows).toEqual([2, 2, 2, 1]);
    const borders = kid(kid(sig, "tblPr")!, "tblBorders");
    expect(Array.from(borders?.children ?? []).every((b) => ["none", "nil"].includes(attr(b, "val") ?? "none"))).toBe(true);
  });

  it("has the criteria table as agreed: each section and criterion with its max points, and the scale", () => {
    const crit = kids(body, "tbl").find((t) => text(kids(kids(t, "tr")[0], "tc")[0]) === "STT")!;
    const rows = kids(crit, "tr").map((tr) => kids(tr, "tc").map(text));
    const expected = pactCriteriaRows(table).map((r) => [r.number, r.text, typeof r.points === "number" ? String(r.points).replace(".", ",") : r.points]);
    expect(rows.slice(1, -1)).toEqual(expected);
    expect(rows[rows.length - 1]).toEqual(["", "Tổng điểm chuẩn", String(table.scale)]);
  });

  it("numbers the commitments and prints the theme", () => {
    const ps = els(body, "p").map(text);
    expect(ps).toEqual(expect.arrayContaining(["1. Thực hiện Chỉ thị 34-CT/TW", "2. Đẩy mạnh cải cách hành chính", "Chủ đề thi đua: “Đoàn kết, sáng tạo, thi đua xây dựng và bảo vệ tổ quốc”"]));
  });
});

it("the registration list has a row per member with the awards by name, the unregistered said so", async () => {
  const { body } = await open(REG);
  const t = kids(body, "tbl").find((x) => text(kids(kids(x, "tr")[0], "tc")[0]) === "STT")!;
  const rows = kids(t, "tr").map((tr) => kids(tr, "tc").map(text));
  expect(rows).toHaveLength(members.length + 1);
  expect(rows[1]).toEqual(["1", members[0], "Cờ thi đua của UBND tỉnh; Bằng khen của Chủ tịch UBND tỉnh", "Thu hút 5 dự án"]);
  expect(rows[7]).toEqual(["7", members[6], NOT_REGISTERED, ""]);
});
