/** @jest-environment jsdom */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { saveBloc } from "../../src/app/bloc";
import { createVote, loadVoting, newVoteRecord, withRule } from "../../src/app/voting";
import type { VoteRecord } from "../../src/domain/voting/record";
import { writeSheets } from "../../src/excel/apply";
import { MemoryHost } from "../../src/host";
import { IMPORT_TID } from "../../src/taskpane/components/VotingImport";
import { VOTING_TID, VotingStep } from "../../src/taskpane/components/VotingStep";
import { TID } from "../../src/taskpane/testIds";
import { ballotEntrySheetPlan, readBallotSheet } from "../../src/workbook/voting/ballotSheet";
import { sampleDraft } from "../fixtures/bloc";
import { LangProvider } from "../../src/taskpane/lang";

const UNITS = sampleDraft(8).members.map((m) => m.name);
const SECOND = "Phiếu V1 (lần 2)";

/** A workbook with the bloc and vote V1 (award, approve list, double entry), shown in the ballots step. */
async function setup() {
  const host = new MemoryHost();
  expect((await saveBloc(host, sampleDraft(8), { basedOn: null })).kind).toBe("saved");
  const loaded = await loadVoting(host);
  if (!loaded.ok) throw new Error("load");
  const record = withRule(newVoteRecord(loaded.context, "award", "Cờ thi đua của UBND tỉnh", 2), "blocMembers80");
  expect(record.id).toBe("V1");
  expect(await createVote(host, record)).toMatchObject({ kind: "written" });
  render(
    <FluentProvider theme={webLightTheme}>
      <LangProvider lang="vi">
        <VotingStep host={host} onSelect={jest.fn()} />
      </LangProvider>
    </FluentProvider>,
  );
  await screen.findByTestId(IMPORT_TID.pick, {}, { timeout: 10000 });
  return { host, record };
}

/** Ballot rows as typed: number, then "x" under each approved unit. */
const rows = (ballots: number[][], candidates = UNITS) => ballots.map((marks, i) => [i + 1, ...candidates.map((_, k) => (marks.includes(k) ? "x" : null))]);

/** The file the second typist sends back: an entry sheet for `vote`, with `ballots` typed on it. */
async function ballotFile(record: VoteRecord, ballots: number[][], candidates = record.vote.candidates) {
  const other = new MemoryHost();
  const { plan, map } = ballotEntrySheetPlan({ ...record.vote, candidates }, { sheet: SECOND, rows: 13, subtitle: "Nhập lần 2 (độc lập với lần 1)" });
  expect((await writeSheets(other, [plan], { sheets: ["Sheet1"], names: [] })).ok).toBe(true);
  other.userPaste(SECOND, `A${map.first + 1}`, rows(ballots, candidates));
  return other.toXlsx();
}

/** Picks a file through the hidden input and waits until it is read. */
async function pick(bytes: Uint8Array, name = "phieu-lan-2.xlsx") {
  const input = screen.getByTestId(IMPORT_TID.file) as HTMLInputElement;
  const file = new File([new Uint8Array(bytes)], name);
  // jsdom's File may lack arrayBuffer(): read the bytes we gave it.
  if (typeof file.arrayBuffer !== "function") Object.defineProperty(file, "arrayBuffer", { value: async () => bytes.slice().buffer });
  await act(async () => {
    fireEvent.change(input, { target: { files: [file] } });
  });
  await waitFor(() => expect(screen.queryByTestId(IMPORT_TID.sheets) ?? screen.queryByTestId(IMPORT_TID.status)).not.toBeNull(), { timeout: 10000 });
}

const click = (id: string) => act(async () => fireEvent.click(screen.getByTestId(id)));
const status = () => screen.getByTestId(IMPORT_TID.status).textContent ?? "";
const secondEntry = (host: MemoryHost) => readBallotSheet({ sheet: SECOND, row: 0, col: 0, values: host.values(SECOND, "A1:K19") });
const button = (id: string) => screen.getByTestId(id) as HTMLButtonElement;

const BALLOTS = [[0, 1], [0, 1], [0, 1], [0, 2], [0, 2], [0, 2], [1, 2], [1, 2]];

describe("importing ballots from a file", () => {
  it("imports a typist's sheet into entry 2, and asks before replacing what is there", async () => {
    const { host, record } = await setup();
    expect(secondEntry(host)).toEqual([]);
    await pick(await ballotFile(record, BALLOTS));
    expect(screen.getByTestId(IMPORT_TID.sheet(0)).closest(".fui-Radio")?.textContent).toMatch(/“Phiếu V1 \(lần 2\)”: 8 phiếu/);
    // The sheet named as the second entry goes to entry 2 by default.
    expect((screen.getByTestId(IMPORT_TID.target(2)) as HTMLInputElement).checked).toBe(true);
    expect(screen.queryByTestId(IMPORT_TID.problems)).toBeNull();
    expect(secondEntry(host)).toEqual([]); // nothing written before the user says so
    await click(IMPORT_TID.go);
    await waitFor(() => expect(status()).toBe("Đã nhập 8 phiếu từ trang “Phiếu V1 (lần 2)” của tệp vào trang “Phiếu V1 (lần 2)”."));
    const typed = secondEntry(host);
    expect(typed.map((b) => b.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(typed[6]).toEqual({ number: 7, marks: { [UNITS[1]]: "approve", [UNITS[2]]: "approve" }, manualInvalid: null });
    expect(host.values("Phiếu V1", "A7:B7")).toEqual([["", ""]]); // entry 1 untouched

    // A corrected file (ballot 8 dropped, ballot 7 changed): the target holds ballots, so ask first.
    await pick(await ballotFile(record, [...BALLOTS.slice(0, 6), [3]]));
    await click(IMPORT_TID.go);
    await waitFor(() => expect(status()).toBe("Trang \"Phiếu V1 (lần 2)\" đã có 8 phiếu. Ghi đè?"));
    expect(secondEntry(host)).toEqual(typed);
    // Cancel keeps the sheet; asking again and replacing writes the new ballots and clears the old row.
    await click(IMPORT_TID.cancel);
    expect(screen.queryByTestId(IMPORT_TID.replace)).toBeNull();
    await click(IMPORT_TID.go);
    await click(IMPORT_TID.replace);
    await waitFor(() => expect(status()).toMatch(/^Đã nhập 7 phiếu/));
    const replaced = secondEntry(host);
    expect(replaced.map((b) => b.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(replaced[6]).toEqual({ number: 7, marks: { [UNITS[3]]: "approve" }, manualInvalid: null });
  });

  it("recounts a vote whose count is shown once ballots are imported", async () => {
    const { host, record } = await setup();
    host.userPaste("Phiếu V1", "A7", rows(BALLOTS));
    await click(VOTING_TID.count);
    // Entry 2 is still empty: the two entries differ.
    await waitFor(() => expect(screen.getByTestId(VOTING_TID.status("votes")).textContent).toMatch(/Đã kiểm phiếu: [1-9]\d* lỗi/));
    expect(screen.queryByTestId(VOTING_TID.results)).toBeNull();
    await pick(await ballotFile(record, BALLOTS));
    await click(IMPORT_TID.go);
    await waitFor(() => expect(status()).toMatch(/^Đã nhập 8 phiếu/));
    // Both entries agree now, and the step counted again on its own.
    await screen.findByTestId(VOTING_TID.results, {}, { timeout: 10000 });
    expect(screen.getByTestId(VOTING_TID.status("votes")).textContent).toMatch(/^Đã kiểm phiếu: (không có lỗi|0 lỗi)/);
  });

  it("refuses a file made for another list of units", async () => {
    const { host, record } = await setup();
    const other = [...UNITS.slice(0, 7), "Sở Mới"];
    await pick(await ballotFile(record, BALLOTS, other));
    expect(screen.getByTestId(IMPORT_TID.sheet(0)).closest(".fui-Radio")?.textContent).toMatch(/Khác danh sách đơn vị/);
    const problems = screen.getByTestId(IMPORT_TID.problems).textContent ?? "";
    expect(problems).toMatch(/thiếu: Liên minh Hợp tác xã tỉnh; thừa: Sở Mới/);
    expect(problems).toMatch(/không nhập được/);
    expect(button(IMPORT_TID.go).disabled).toBe(true);
    await click(IMPORT_TID.go);
    expect(secondEntry(host)).toEqual([]);
  });

  it("says why a file that is not an .xlsx cannot be used", async () => {
    await setup();
    await pick(new Uint8Array([1, 2, 3, 4, 5]), "phieu.csv");
    expect(status()).toBe("Không dùng được tệp này: xem lý do bên dưới.");
    expect(screen.getByTestId(TID.issue("vote.import.unreadable")).textContent).toMatch(/không phải tệp Excel \.xlsx/);
    expect(screen.queryByTestId(IMPORT_TID.go)).toBeNull();
  });
});
