/**
 * The scenario file's door (issue #11): the bytes of a file as `npm run demo` reads them, through
 * loadScenario (encoding, JSON, shape), and the bloc rules through the runner. Sources: RFC 8259
 * (JSON text, UTF-8 — a byte-order mark tolerated, §8.1), the shape of docs/scenario.schema.json,
 * the bloc rules of docs/scenario.md ("Giới hạn… quy tắc của khối") and docs/huong-dan.md §6.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { loadScenario, type Scenario } from "../../src/cli/scenario";
import { runScenario } from "../../src/cli/run";
import { MemoryHost } from "../../src/host";
import { tried, type BadCase, type Seen } from "./harness";

const door = "scenario";
const FILE = "kich-ban.json";
const SAMPLE_TEXT = readFileSync(resolve(__dirname, "../../docs/scenario.sample.json"), "utf8");
const sample = () => JSON.parse(SAMPLE_TEXT) as Record<string, unknown> & { bloc: Scenario["bloc"]; votes: Record<string, unknown>[] };

const utf8 = (s: string) => new TextEncoder().encode(s);
const utf16le = (s: string) => Uint8Array.from(Buffer.from(s, "utf16le"));
/** Loads the bytes as the runner does; `ok` when given says whether a scenario must come out. */
const load =
  (bytes: Uint8Array, check?: (s: Scenario) => void) =>
  async (): Promise<Seen> => {
    const r = loadScenario(bytes, FILE);
    if (check) {
      if (!r.ok) throw new Error(JSON.stringify(r.issues));
      check(r.scenario);
    }
    return { issues: r.ok ? [] : r.issues };
  };
/** The sample, edited, as a file. */
const edited = (edit: (j: ReturnType<typeof sample>) => void) => {
  const j = sample();
  edit(j);
  return utf8(JSON.stringify(j, null, 2));
};

/** A scenario with only a bloc, played by the runner into a workbook: a refusal writes nothing. */
const bloc = (edit: (b: Scenario["bloc"]) => void, check?: (host: MemoryHost) => void) => async (): Promise<Seen> => {
  const b = sample().bloc;
  edit(b);
  const host = new MemoryHost();
  const seen = await tried(host, async () => (await runScenario({ bloc: b }, host)).steps.flatMap((s) => s.issues));
  check?.(host);
  return seen;
};

/** A small file typed in a Windows-1258 editor: "Sở Công Thương" as the code page's bytes, on line 9. */
const cp1258 = (() => {
  const head = '{\n  "bloc": {\n    "name": "Khoi 1",\n    "province": "Nam Dinh",\n    "year": 2026,\n    "leader": "SCT",\n    "deputies": ["SXD"],\n    "members": [\n      { "name": "';
  const tail = '", "shortName": "SCT" },\n      { "name": "So Xay dung", "shortName": "SXD" }\n    ]\n  }\n}\n';
  // S, ơ (0xF5) + hook above (0xD2), " C", ô (0xF4), "ng Th", ư (0xFD), ơ (0xF5), "ng".
  return Uint8Array.from([...utf8(head), 0x53, 0xf5, 0xd2, 0x20, 0x43, 0xf4, 0x6e, 0x67, 0x20, 0x54, 0x68, 0xfd, 0xf5, 0x6e, 0x67, ...utf8(tail)]);
})();

export const cases: BadCase[] = [
  // — Encoding: a BOM is accepted; anything not UTF-8 is named, with the file.
  { id: "scenario.utf8Bom", door, tried: "the sample saved with a UTF-8 byte-order mark (Windows Notepad)", outcome: "accepted", why: "RFC 8259 §8.1: a parser may ignore a BOM; Notepad writes one", run: load(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(SAMPLE_TEXT)]), (s) => expect(s.bloc.members[0].name).toBe("Sở Công Thương")) },
  { id: "scenario.utf16Bom", door, tried: "the sample saved as UTF-16 with its byte-order mark (Notepad's \"Unicode\")", outcome: "accepted", why: "the mark says the encoding: no guess involved", run: load(Uint8Array.from([0xff, 0xfe, ...utf16le(SAMPLE_TEXT)]), (s) => expect(s.bloc.name).toBe(sample().bloc.name)) },
  { id: "scenario.crlf", door, tried: "the sample with Windows line ends (CRLF)", outcome: "accepted", why: "white space in JSON", run: load(utf8(SAMPLE_TEXT.replace(/\n/g, "\r\n"))) },
  { id: "scenario.utf16NoBom", door, tried: "the sample saved as UTF-16 without a byte-order mark", outcome: "refused", code: "scenario.encoding.utf16", where: { field: "line 1" }, run: load(utf16le(SAMPLE_TEXT)) },
  { id: "scenario.windows1258", door, tried: "a file typed in Windows-1258 (a Vietnamese name in the code page's bytes on line 9)", outcome: "refused", code: "scenario.encoding", where: { field: "line 9" }, run: load(cp1258) },
  { id: "scenario.latin1Later", door, tried: "a UTF-8 file with one Latin-1 byte (é as 0xE9) on line 3", outcome: "refused", code: "scenario.encoding", where: { field: "line 3" }, run: load(Uint8Array.from([...utf8('{\n  "description": "Sở ok",\n  "x": "caf'), 0xe9, ...utf8('"\n}')])) },

  // — JSON syntax: the line and column where it breaks (RFC 8259 grammar).
  { id: "scenario.trailingComma", door, tried: "a trailing comma before } on line 3", outcome: "refused", code: "scenario.json", where: { field: "line 3, column 1" }, run: load(utf8('{\n  "description": "x",\n}')) },
  { id: "scenario.comment", door, tried: "a // comment on line 2", outcome: "refused", code: "scenario.json", where: { field: "line 2, column 3" }, run: load(utf8('{\n  // kịch bản thử\n  "bloc": {}\n}')) },
  { id: "scenario.singleQuotes", door, tried: "single quotes around a key", outcome: "refused", code: "scenario.json", where: { field: "line 1, column 2" }, run: load(utf8("{'bloc': {}}")) },
  { id: "scenario.smartQuotes", door, tried: "curly quotes from Word around a key on line 2", outcome: "refused", code: "scenario.json", where: { field: "line 2, column 3" }, run: load(utf8("{\n  \u201cbloc\u201d: {}\n}")) },
  { id: "scenario.truncated", door, tried: "a file cut short (the last 40 characters lost)", outcome: "refused", code: "scenario.json", where: { field: `line ${SAMPLE_TEXT.slice(0, -40).split("\n").length}, column ${SAMPLE_TEXT.slice(0, -40).split("\n").pop()!.length + 1}` }, run: load(utf8(SAMPLE_TEXT.slice(0, -40))) },
  { id: "scenario.empty", door, tried: "an empty file", outcome: "refused", code: "scenario.json.empty", where: { field: "line 1, column 1" }, run: load(new Uint8Array()) },
  { id: "scenario.twoObjects", door, tried: "two objects one after the other (a paste twice)", outcome: "refused", code: "scenario.json", where: { field: "line 2, column 1" }, run: load(utf8('{"bloc": {}}\n{"bloc": {}}')) },
  { id: "scenario.unquotedKey", door, tried: "a key without quotes on line 2, column 3", outcome: "refused", code: "scenario.json", where: { field: "line 2, column 3" }, run: load(utf8("{\n  bloc: {}\n}")) },

  { id: "scenario.duplicateKey", door, tried: 'the key "members" written twice in bloc (JSON.parse would keep only the second list)', outcome: "refused", code: "scenario.json.duplicateKey", where: { field: "line 3, column 43" }, run: load(utf8('{\n  "bloc": { "name": "K", "members": [{ "name": "Sở A" }],\n    "province": "Nam Định", "year": 2026, "members": [{ "name": "Sở B" }], "leader": "Sở B", "deputies": [] }\n}')) },
  { id: "scenario.sameKeyTwoObjects", door, tried: 'the same key "name" in two different members', outcome: "accepted", why: "names need only be unique within one object (RFC 8259 §4)", run: load(utf8(JSON.stringify({ bloc: { name: "K", province: "P", year: 2026, leader: "A", deputies: ["B"], members: [{ name: "A" }, { name: "B" }] } }))) },
  { id: "scenario.yearAsText", door, tried: 'the year written as text "2026"', outcome: "accepted", why: "the form takes the year as typed; the bloc rules check it (2000–2100)", run: load(edited((j) => void ((j.bloc as { year: unknown }).year = "2026"))) },
  { id: "scenario.yearFraction", door, tried: "the year 2026.5", outcome: "refused", code: "scenario.shape.kinds", where: { field: "bloc.year" }, run: load(edited((j) => void ((j.bloc as { year: unknown }).year = 2026.5))) },

  // — Shape: coded, in both languages, with the JSON path.
  { id: "scenario.ballotNumber", door, tried: "a ballot that is a number (votes[2].ballots[5] = 5)", outcome: "refused", code: "scenario.shape.kinds", where: { field: "votes[2].ballots[5]" }, run: load(edited((j) => void ((j.votes[2].ballots as unknown[])[5] = 5))) },
  { id: "scenario.ballotReason", door, tried: 'a ballot with an unknown invalid reason "nope"', outcome: "refused", code: "scenario.shape.choice", where: { field: "votes[0].ballots[1].invalid" }, run: load(edited((j) => void ((j.votes[0].ballots as unknown[])[1] = { invalid: "nope" }))) },
  { id: "scenario.ballotUnknownKey", door, tried: 'a ballot with a misspelt key "aprove"', outcome: "refused", code: "scenario.shape.unknownKey", where: { field: "votes[1].ballots[0].aprove" }, run: load(edited((j) => void ((j.votes[1].ballots as unknown[])[0] = { aprove: ["SCT"] }))) },
  { id: "scenario.unknownBlocKey", door, tried: 'an unknown key "extra" in bloc', outcome: "refused", code: "scenario.shape.unknownKey", where: { field: "bloc.extra" }, run: load(edited((j) => void ((j.bloc as Record<string, unknown>).extra = true))) },
  { id: "scenario.missingProvince", door, tried: "bloc without its province", outcome: "refused", code: "scenario.shape.missing", where: { field: "bloc.province" }, run: load(edited((j) => void delete (j.bloc as Partial<Scenario["bloc"]>).province)) },
  { id: "scenario.memberNameNumber", door, tried: "a member whose name is the number 5", outcome: "refused", code: "scenario.shape.string", where: { field: "bloc.members[0].name" }, run: load(edited((j) => void ((j.bloc.members[0] as { name: unknown }).name = 5))) },
  { id: "scenario.purpose", door, tried: 'a vote purpose "giải thưởng" (not award/leader/deputy)', outcome: "refused", code: "scenario.shape.choice", where: { field: "votes[0].purpose" }, run: load(edited((j) => void (j.votes[0].purpose = "giải thưởng"))) },
  { id: "scenario.minutesDate", door, tried: 'minutes at "20/12/2026" (not ISO)', outcome: "refused", code: "scenario.shape.datetime", where: { field: "votes[0].minutes.at" }, run: load(edited((j) => void (j.votes[0].minutes = { at: "20/12/2026" }))) },
  { id: "scenario.rotationDeputies", door, tried: "leadership rotation with 3 deputies", outcome: "refused", code: "scenario.shape.kinds", where: { field: "leadership.deputies" }, run: load(edited((j) => void (j.leadership = { mode: "rotation", deputies: 3 }))) },
  { id: "scenario.entryString", door, tried: 'a score typed as a string "9" for criterion I.1.a', outcome: "refused", code: "scenario.shape.kinds", where: { field: 'scoring.scores[0].entries["I.1.a"]' }, run: load(edited((j) => void (((j.scoring as { scores: { entries: Record<string, unknown> }[] }).scores[0].entries)["I.1.a"] = "9"))) },
  { id: "scenario.tooManyDeputies", door, tried: "five deputies", outcome: "refused", code: "scenario.shape.tooMany", where: { field: "bloc.deputies" }, run: load(edited((j) => void (j.bloc.deputies = ["a", "b", "c", "d", "e"]))) },
  { id: "scenario.seatsZero", door, tried: "a vote with 0 seats", outcome: "refused", code: "scenario.shape.range", where: { field: "votes[0].seats" }, run: load(edited((j) => void (j.votes[0].seats = 0))) },
  { id: "scenario.rootArray", door, tried: "a file holding an array instead of an object", outcome: "refused", code: "scenario.shape.object", where: { field: "(root)" }, run: load(utf8("[]")) },

  // — The bloc rules, through the runner: the path in the file, nothing written.
  { id: "scenario.formulaName", door, tried: 'a member named "-1+1" in the file', outcome: "refused", code: "bloc.member.name.formula", where: { field: "bloc.members[3].name" }, run: bloc((b) => void (b.members[3].name = "-1+1")) },
  { id: "scenario.cmdName", door, tried: "a short name \"+1+cmd|' /C calc'!A0\" in the file", outcome: "refused", code: "bloc.member.shortName.formula", where: { field: "bloc.members[0].shortName" }, run: bloc((b) => void (b.members[0].shortName = "+1+cmd|' /C calc'!A0")) },
  { id: "scenario.nameClash", door, tried: 'Sở Tư pháp short-named "Sở Xây dựng" in the file', outcome: "refused", code: "bloc.member.nameClash", where: { field: "bloc.members[8].shortName" }, run: bloc((b) => void b.members.push({ name: "Sở Tư pháp", shortName: "Sở Xây dựng" })) },
  { id: "scenario.deputyMissing", door, tried: "a deputy who is not a member", outcome: "refused", code: "bloc.deputy.notMember", where: { field: "bloc.deputies[0]" }, run: bloc((b) => void (b.deputies = ["Sở Ngoại vụ"])) },
  { id: "scenario.nfdNames", door, tried: "member names written in NFD", outcome: "accepted", why: "the same letters: stored in NFC", run: bloc((b) => b.members.forEach((m) => (m.name = m.name.normalize("NFD"))), (host) => expect(host.values("Khối", "B13")[0][0]).toBe("Sở Công Thương")) },
];
