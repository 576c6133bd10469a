import { saveBloc } from "../../src/app/bloc";
import { createVote, loadVoting, newVoteRecord, withRule } from "../../src/app/voting";
import { MemoryHost } from "../../src/host";
import { sampleDraft } from "../fixtures/bloc";

/**
 * Issue #14 item 7: the counting committee (Ban kiểm phiếu, TT 01/2021/TT-BNV Đ11 by analogy; DOMAIN §4)
 * is chosen once at the year-end meeting and counts every vote of it: the next vote's form starts
 * from the previous vote's committee, read from "Bỏ phiếu" (the workbook holds the state).
 */
describe("the counting committee carried to the next vote", () => {
  async function context(host: MemoryHost) {
    const loaded = await loadVoting(host);
    if (!loaded.ok) throw new Error("load");
    return loaded.context;
  }

  it("prefills the next vote from the last vote's committee, as read back from the workbook", async () => {
    const host = new MemoryHost();
    await saveBloc(host, sampleDraft(8), { basedOn: null });
    const first = newVoteRecord(await context(host), "award");
    expect(first.vote.committee).toEqual({ head: "", members: [] });
    const v1 = withRule(first, "validMajority");
    v1.vote.committee = { head: "Nguyễn Văn An", members: ["Trần Thị Bình", "Lê Văn Cường"] };
    expect(await createVote(host, v1)).toMatchObject({ kind: "written" });

    // A fresh read, as after a reload or on another machine: V2 (of any purpose) starts with V1's committee.
    const ctx = await context(host);
    for (const kind of ["award", "leader", "deputy"] as const) {
      const next = newVoteRecord(ctx, kind);
      expect(next.id).toBe("V2");
      expect(next.vote.committee).toEqual({ head: "Nguyễn Văn An", members: ["Trần Thị Bình", "Lê Văn Cường"] });
    }
  });

  it("takes the latest vote that names a committee, and a copy (editing the draft leaves the read record alone)", async () => {
    const host = new MemoryHost();
    await saveBloc(host, sampleDraft(8), { basedOn: null });
    const v1 = withRule(newVoteRecord(await context(host), "award"), "validMajority");
    v1.vote.committee = { head: "Nguyễn Văn An", members: [] };
    await createVote(host, v1);
    const v2 = withRule(newVoteRecord(await context(host), "leader"), "validMajority");
    v2.vote.committee = { head: "Phạm Thị Dung", members: ["Hoàng Văn Em"] };
    await createVote(host, v2);
    const ctx = await context(host);
    const v3 = newVoteRecord(ctx, "deputy");
    expect(v3.vote.committee).toEqual({ head: "Phạm Thị Dung", members: ["Hoàng Văn Em"] });
    v3.vote.committee.members.push("X");
    expect(ctx.records[1].vote.committee.members).toEqual(["Hoàng Văn Em"]);
  });
});
