import JSZip from "jszip";
import { saveBloc } from "../../src/app/bloc";
import { ballotsDocx, createVote, layOutBallots, loadVoting, newVoteRecord, voteSheets, withRule } from "../../src/app/voting";
import { MemoryHost } from "../../src/host";
import { MAX_PRINT_BALLOTS } from "../../src/domain/voting/print";
import { sampleDraft } from "../fixtures/bloc";

/** "In phiếu" (issue #14 item 7): lay the printable ballots out again with a chosen count, or download them as a .docx. */
const SHEET = voteSheets("V1").print.sheet;

async function withVote(issued: number | null) {
  const host = new MemoryHost();
  await saveBloc(host, sampleDraft(8), { basedOn: null });
  const loaded = await loadVoting(host);
  if (!loaded.ok) throw new Error("load");
  const record = withRule(newVoteRecord(loaded.context, "award"), "validMajority");
  record.issued = issued;
  record.vote.attendance = { members: 8, present: 7 };
  expect(await createVote(host, record)).toMatchObject({ kind: "written" });
  return host;
}
const numbersOn = (host: MemoryHost, sheet = SHEET) =>
  host
    .values(sheet, host.usedRange(sheet)!)
    .flat()
    .filter((v) => /^Số: \d+$/.test(String(v)));

describe("laying out the printable ballots again", () => {
  it("defaults to the ballots issued, else one per unit present (DOMAIN §4), and takes a chosen count", async () => {
    const host = await withVote(null);
    expect(numbersOn(host)).toHaveLength(7);
    const out = await layOutBallots(host, "V1", { count: "10" });
    expect(out).toMatchObject({ kind: "written", sheets: [SHEET] });
    expect(numbersOn(host)).toEqual(Array.from({ length: 10 }, (_, i) => `Số: ${String(i + 1).padStart(3, "0")}`));
    expect(await layOutBallots(host, "V1")).toMatchObject({ kind: "written" });
    expect(numbersOn(host)).toHaveLength(7);
    const issued = await withVote(6);
    expect(await layOutBallots(issued, "V1", { count: "" })).toMatchObject({ kind: "written" });
    expect(numbersOn(issued)).toHaveLength(6);
  });

  it.each([
    ["0", "vote.print.count.zero"],
    [String(MAX_PRINT_BALLOTS + 1), "vote.print.count.tooMany"],
    ["abc", "vote.print.count.invalid"],
  ])("refuses the count %j with %s and writes nothing", async (count, code) => {
    const host = await withVote(null);
    const before = numbersOn(host);
    const out = await layOutBallots(host, "V1", { count });
    expect(out.kind).toBe("invalid");
    expect(out.issues[0].code).toBe(code);
    expect(numbersOn(host)).toEqual(before);
  });

  it("refuses a vote that does not exist", async () => {
    const host = await withVote(null);
    expect((await layOutBallots(host, "V9")).issues[0].code).toBe("vote.notFound");
  });

  it("asks before replacing a print sheet the user edited, then keeps the old one as “(cũ)”", async () => {
    const host = await withVote(null);
    host.userEdit(SHEET, "B9", "Ghi chú: in trên giấy màu");
    const asked = await layOutBallots(host, "V1", { count: 4 });
    expect(asked.kind).toBe("confirm");
    expect(asked.issues[0]).toMatchObject({ code: "vote.print.edited", where: { sheet: SHEET, cell: "B9" } });
    expect(numbersOn(host)).toHaveLength(7);
    const done = await layOutBallots(host, "V1", { count: 4, confirm: true });
    expect(done.kind).toBe("written");
    expect(numbersOn(host)).toHaveLength(4);
    expect(host.sheetNames()).toContain(`${SHEET} (cũ)`);
    expect(host.values(`${SHEET} (cũ)`, host.usedRange(`${SHEET} (cũ)`)!).flat()).toContain("Ghi chú: in trên giấy màu");
    // Untouched since: laid out again without asking.
    expect((await layOutBallots(host, "V1", { count: 5 })).kind).toBe("written");
  });
});

describe("the printable ballots as a .docx", () => {
  it("holds the chosen number of ballots, two to a page, the vote's candidates, and writes nothing", async () => {
    const host = await withVote(null);
    const sheets = host.sheetNames();
    const out = await ballotsDocx(host, "V1", { count: "3" });
    if (!out.ok) throw new Error(out.issues[0].message.en);
    expect(out.file.name).toBe("Phieu-bau-V1.docx");
    const xml = await (await JSZip.loadAsync(out.file.bytes)).file("word/document.xml")!.async("string");
    expect(xml.match(/Số: 00\d/g)).toEqual(["Số: 001", "Số: 002", "Số: 003"]);
    expect(xml.match(/<w:sectPr\b/g)).toHaveLength(2);
    for (const m of sampleDraft(8).members) expect(xml).toContain(m.name.replace(/&/g, "&amp;"));
    expect(host.sheetNames()).toEqual(sheets);
    const bad = await ballotsDocx(host, "V1", { count: "0" });
    expect(bad.ok ? null : bad.issues[0].code).toBe("vote.print.count.zero");
  });
});
