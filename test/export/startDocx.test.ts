// The start-of-year documents (issue #12 point 1) as Word files, read back as XML (jsdom's DOMParser) as in
// yearReportsDocx.test.ts: the NĐ 30/2020 form (Times New Roman, A4, margins 20/20/30/15 mm, national title and
// motto), the pact's signature table with one block per member unit's head (seed 001_2f19b7e13258856b.txt: "lãnh
// đạo các đơn vị trong khối ký kết giao ước"), the criteria table and the registrations from the inputs.
import { JSDOM } from "jsdom";
import JSZip from "jszip";
import { templateById } from "../../src/domain/criteria/templates";
import { layoutsToDocx } from "../../src/export/docx";
import type { DocLayout } from "../../src/workbook/nomination/listSheet";
import { HEAD_TITLE, pactCriteriaRows } from "../../src/workbook/start/pactSheet";
import { NOT_REGISTERED, pactLayout, PACT_DOC_TITLE, REGISTRATION_DOC_TITLE, registrationLayout } from "../../src/workbook/start/startDocuments";
import { MOTTO, NATIONAL_TITLE } from "../../src/workbook/voting/minutesSheet";

const { DOMParser } = new JSDOM("").window;
const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const TNR = "Times New Roman";

const els = (node: Element | Document, local: string): Element[] => Array.from(node.getElementsByTagNameNS(W, local));
const kids = (node: Element, local: string): Element[] => Array.from(node.children).filter((c) => c.namespaceURI === W && c.localName === local);
const kid = (node: Element, local: string): Element | undefined => kids(node, local)[0];
const attr = (el: Element | undefined, name: string): string | null => el?.getAttributeNS(W, name) ?? null;
const num = (el: Element | undefined, name: string): number => Number(attr(el, name));
const on = (el: Element | undefined): boolean => !!el && !["false", "0", "off"].includes(attr(el, "val") ?? "true");
const text = (p: Element) => els(p, "t").map((t) => t.textContent ?? "").join("");

async function open(layout: DocLayout): Promise<{ body: Element; styles: Document }> {
  const zip = await JSZip.loadAsync(await layoutsToDocx([{ layout }], { title: "x" }));
  const xml = async (name: string) => {
    const d = new DOMParser().parseFromString(await zip.file(name)!.async("string"), "application/xml");
    expect(d.getElementsByTagName("parsererror")).toHaveLength(0);
    return d;
  };
  return { body: els(await xml("word/document.xml"), "body")[0], styles: await xml("word/styles.xml") };
}

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
  let body: Element;
  let styles: Document;
  beforeAll(async () => {
    ({ body, styles } = await open(make()));
  });

  it("is A4 portrait with the NĐ 30 margins (20/20/30/15 mm)", () => {
    const sect = kid(body, "sectPr")!;
    const size = kid(sect, "pgSz");
    expect([num(size, "w"), num(size, "h")]).toEqual([11906, 16838]);
    expect(attr(size, "orient") ?? "portrait").toBe("portrait");
    const m = kid(sect, "pgMar");
    expect([num(m, "top"), num(m, "bottom"), num(m, "left"), num(m, "right")]).toEqual([1134, 1134, 1701, 850]);
  });

  it("is Times New Roman in every run and by default", () => {
    const fonts = els(els(styles, "rPrDefault")[0], "rFonts")[0];
    expect([attr(fonts, "ascii"), attr(fonts, "hAnsi")]).toEqual([TNR, TNR]);
    const runs = els(body, "r");
    expect(runs.length).toBeGreaterThan(20);
    for (const r of runs) expect(attr(kid(kid(r, "rPr")!, "rFonts"), "ascii")).toBe(TNR);
  });

  it("has the national title and the motto, bold and centred, in the header's right half, the bloc on the left", () => {
    const header = kids(body, "tbl")[0];
    const [left, right] = kids(kids(header, "tr")[0], "tc");
    expect(text(left)).toContain(bloc.name.toLocaleUpperCase("vi"));
    const ps = kids(right, "p");
    expect(ps.map(text).slice(0, 2)).toEqual([NATIONAL_TITLE, MOTTO]);
    for (const p of ps.slice(0, 2)) {
      expect(attr(kid(kid(p, "pPr")!, "jc"), "val")).toBe("center");
      expect(on(kid(kid(els(p, "r")[0], "rPr")!, "b"))).toBe(true);
    }
  });

  it("has its title once, bold and centred, and the place and date", () => {
    const ps = els(body, "p").filter((p) => text(p) === title);
    expect(ps).toHaveLength(1);
    expect(on(kid(kid(els(ps[0], "r")[0], "rPr")!, "b"))).toBe(true);
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
