/** @jest-environment jsdom */
import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { saveBloc } from "../../src/app/bloc";
import { MemoryHost } from "../../src/host";
import { App } from "../../src/taskpane/App";
import { VOTING_TID } from "../../src/taskpane/components/VotingStep";
import { TID } from "../../src/taskpane/testIds";
import { sampleDraft } from "../fixtures/bloc";

async function openVoting(host: MemoryHost) {
  render(<App host={host} />);
  await act(async () => fireEvent.click(await screen.findByTestId(TID.stepVoting)));
  await screen.findByTestId(VOTING_TID.newVote, {}, { timeout: 10000 });
}
const change = (id: string, value: string) => fireEvent.change(screen.getByTestId(id), { target: { value } });
const click = (id: string) => act(async () => fireEvent.click(screen.getByTestId(id)));
const valueOf = (id: string) => (screen.getByTestId(id) as HTMLInputElement).value;

/** V1 created from the pane with a counting committee. */
async function createV1(host: MemoryHost) {
  await saveBloc(host, sampleDraft(8), { basedOn: null });
  await openVoting(host);
  await screen.findByTestId(VOTING_TID.create);
  change(VOTING_TID.preset, "validMajority");
  change(VOTING_TID.head, "Nguyễn Văn An");
  change(VOTING_TID.member(0), "Trần Thị Bình");
  change(VOTING_TID.member(1), "Lê Văn Cường");
  await click(VOTING_TID.create);
  await waitFor(() => expect(screen.getByTestId(VOTING_TID.status("votes")).textContent).toMatch(/Đã tạo cuộc bỏ phiếu V1/));
}

afterEach(cleanup);

describe("the ballots step, issue #14 item 7", () => {
  it("prefills the next vote's counting committee from V1's, and still after a reload (read from the workbook)", async () => {
    const host = new MemoryHost();
    await createV1(host);
    await click(VOTING_TID.newVote);
    expect(valueOf(VOTING_TID.head)).toBe("Nguyễn Văn An");
    expect([0, 1, 2].map((k) => valueOf(VOTING_TID.member(k)))).toEqual(["Trần Thị Bình", "Lê Văn Cường", ""]);
    // Editable: another purpose keeps what is typed.
    change(VOTING_TID.head, "Phạm Thị Dung");
    fireEvent.click(screen.getByTestId(VOTING_TID.purpose("leader")));
    await waitFor(() => expect(valueOf(VOTING_TID.head)).toBe("Phạm Thị Dung"));

    // The pane opened anew on the same workbook: nothing kept in memory, the committee is V1's.
    cleanup();
    await openVoting(host);
    await click(VOTING_TID.newVote);
    expect(valueOf(VOTING_TID.head)).toBe("Nguyễn Văn An");
    expect(valueOf(VOTING_TID.member(1))).toBe("Lê Văn Cường");
  });
});
