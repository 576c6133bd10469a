import { loadBloc, saveBloc } from "../../src/app/bloc";
import { MemoryHost } from "../../src/host";
import { sampleDraft } from "../fixtures/bloc";

async function saved(n = 8) {
  const host = new MemoryHost();
  const out = await saveBloc(host, sampleDraft(n), { basedOn: null });
  if (out.kind !== "saved") throw new Error(JSON.stringify(out));
  return { host, out };
}

/** Every cell of every sheet: to prove nothing changed. */
function everything(host: MemoryHost) {
  return host.sheetNames().map((s) => [s, host.usedRange(s) ? host.formulas(s, host.usedRange(s)!) : []]);
}

describe("bloc setup", () => {
  it("writes the Khối sheet in at most 2 round trips and reads it back in 1", async () => {
    const host = new MemoryHost();
    host.resetStats();
    const out = await saveBloc(host, sampleDraft(), { basedOn: null });
    expect(out.kind).toBe("saved");
    expect(host.stats.syncs).toBeLessThanOrEqual(2);
    expect(host.sheetNames()).toContain("Khối");
    host.resetStats();
    const st = await loadBloc(host);
    expect(host.stats.syncs).toBe(1);
    expect(st.status).toBe("ok");
    expect(st.bloc?.members).toHaveLength(8);
    expect(st.bloc?.leader).toBe("Sở Công Thương");
    expect(st.fingerprint).toBe(out.kind === "saved" ? out.fingerprint : "");
  });

  it("costs the same 2 round trips for 60 members", async () => {
    const host = new MemoryHost();
    host.resetStats();
    await saveBloc(host, sampleDraft(60), { basedOn: null });
    expect(host.stats.syncs).toBe(2);
    expect((await loadBloc(host)).bloc?.members).toHaveLength(60);
  });

  it("reads the same bloc after the workbook is saved and reopened", async () => {
    const { host } = await saved();
    const reopened = await MemoryHost.fromXlsx(await host.toXlsx());
    const st = await loadBloc(reopened);
    expect(st.status).toBe("ok");
    expect(st.bloc).toEqual((await loadBloc(host)).bloc);
  });

  it("reads what a user edits, inserts and sorts on the sheet", async () => {
    const { host } = await saved();
    host.userEdit("Khối", "B4", "Khối thi đua Kinh tế ngành");
    // A member added by inserting a row inside the list, and the list sorted by name.
    host.userInsertRows("Khối", 15, 1);
    host.userEdit("Khối", "A15", 9);
    host.userEdit("Khối", "B15", "Sở Khoa học và Công nghệ");
    host.userEdit("Khối", "C15", "SKHCN");
    host.userSortRows("Khối", "A13:D21", 1, true);
    // Two rows inserted above everything.
    host.userInsertRows("Khối", 1, 2);
    const st = await loadBloc(host);
    expect(st.issues).toEqual([]);
    expect(st.bloc?.name).toBe("Khối thi đua Kinh tế ngành");
    expect(st.bloc?.members.map((m) => m.name)).toContain("Sở Khoa học và Công nghệ");
    expect(st.bloc?.members).toHaveLength(9);
    const names = st.bloc!.members.map((m) => m.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "vi")));
  });

  it("finds the bloc on a renamed sheet", async () => {
    const { host } = await saved();
    host.userRenameSheet("Khối", "Khối 2026");
    host.resetStats();
    const st = await loadBloc(host);
    expect(host.stats.syncs).toBe(1);
    expect(st).toMatchObject({ status: "ok", sheet: "Khối 2026" });
  });

  it("points at the cell of a duplicate typed on the sheet", async () => {
    const { host } = await saved();
    host.userEdit("Khối", "B16", "  sở công thương ");
    const st = await loadBloc(host);
    expect(st.status).toBe("invalid");
    expect(st.issues).toEqual([expect.objectContaining({ code: "bloc.member.duplicate", where: { sheet: "Khối", cell: "B16" } })]);
  });

  it.each([
    ["an empty name", (d: ReturnType<typeof sampleDraft>) => void (d.name = ""), "bloc.name.empty"],
    ["a duplicate member", (d: ReturnType<typeof sampleDraft>) => void d.members.push({ name: "SỞ XÂY DỰNG", shortName: "" }), "bloc.member.duplicate"],
    ["a name beginning with =", (d: ReturnType<typeof sampleDraft>) => void (d.members[0].name = "=cmd|' /C calc'!A0"), "bloc.member.name.formula"],
    ["a year that is not a year", (d: ReturnType<typeof sampleDraft>) => void (d.year = "năm nay"), "bloc.year.invalid"],
    ["no members", (d: ReturnType<typeof sampleDraft>) => void ((d.members = []), (d.leader = "x"), (d.deputies = ["y"])), "bloc.members.none"],
  ])("refuses %s, says so in both languages and touches nothing", async (_, spoil, code) => {
    const { host } = await saved();
    const before = everything(host);
    const draft = sampleDraft();
    spoil(draft);
    host.resetStats();
    const out = await saveBloc(host, draft, { basedOn: null });
    expect(out.kind).toBe("invalid");
    const hit = out.issues.find((i) => i.code === code);
    expect(hit).toBeDefined();
    expect(hit!.message.vi.length).toBeGreaterThan(5);
    expect(hit!.message.en.length).toBeGreaterThan(5);
    expect(host.stats.syncs).toBe(0);
    expect(everything(host)).toEqual(before);
  });

  it("asks before overwriting a sheet edited since it was read, and then keeps the old one", async () => {
    const { host, out } = await saved();
    host.userEdit("Khối", "B5", "Ninh Bình");
    const draft = sampleDraft();
    draft.name = "Tên mới";
    const first = await saveBloc(host, draft, { basedOn: out.kind === "saved" ? out.fingerprint : null });
    expect(first).toMatchObject({ kind: "confirm", reason: "changed" });
    expect(host.values("Khối", "B5")).toEqual([["Ninh Bình"]]);
    const second = await saveBloc(host, draft, { basedOn: out.kind === "saved" ? out.fingerprint : null, confirm: true });
    expect(second.kind).toBe("saved");
    expect(host.values("Khối (cũ)", "B5")).toEqual([["Ninh Bình"]]);
    expect((await loadBloc(host)).bloc?.name).toBe("Tên mới");
  });

  it("renames a foreign sheet called Khối instead of overwriting it", async () => {
    const host = new MemoryHost();
    await host.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.add("Khối");
      ws.getRange("A1:B2").values = [
        ["Doanh thu", 100],
        ["Chi phí", 40],
      ];
      await ctx.sync();
    });
    const st = await loadBloc(host);
    expect(st.status).toBe("foreign");
    const first = await saveBloc(host, sampleDraft(), { basedOn: st.fingerprint });
    expect(first).toMatchObject({ kind: "confirm", reason: "foreign" });
    const second = await saveBloc(host, sampleDraft(), { basedOn: st.fingerprint, confirm: true });
    expect(second).toMatchObject({ kind: "saved", keptOld: [{ from: "Khối", to: "Khối (cũ)" }] });
    expect(host.values("Khối (cũ)", "A1:B2")).toEqual([
      ["Doanh thu", 100],
      ["Chi phí", 40],
    ]);
  });

  it("reports a failed write and leaves the workbook as it was", async () => {
    const { host, out } = await saved();
    const before = everything(host);
    const draft = sampleDraft();
    draft.province = "Hà Nam";
    host.failAtSync(2);
    const res = await saveBloc(host, draft, { basedOn: out.kind === "saved" ? out.fingerprint : null });
    expect(res.kind).toBe("failed");
    expect(res.issues.map((i) => i.message.vi).join(" ")).toMatch(/Không ghi được/);
    expect(everything(host)).toEqual(before);
  });
});

describe("the leadership record and next year's bloc", () => {
  it("warns, at the year's cell, when 'Trưởng khối các năm' names another leader for the bloc's year", async () => {
    const { electLeadership } = await import("../../src/app/voting");
    const host = new MemoryHost();
    const draft = sampleDraft(8);
    await saveBloc(host, draft, { basedOn: null });
    await electLeadership(host, { mode: "rotation", deputies: 1 });
    expect((await loadBloc(host)).issues.map((i) => i.code)).not.toContain("bloc.leadership.differs");
    // The next year, with last year's leader still on "Khối".
    const st = await loadBloc(host);
    await saveBloc(host, { ...draft, year: 2027 }, { basedOn: st.fingerprint });
    const next = await loadBloc(host);
    const w = next.issues.find((i) => i.code === "bloc.leadership.differs");
    expect(w?.message.vi).toContain(`năm 2027 trưởng khối là ${draft.members[1].name}`);
    expect(w?.where).toEqual({ sheet: "Trưởng khối các năm", cell: "A6" });
    // Once the record and "Khối" agree, no warning.
    await saveBloc(host, { ...draft, year: 2027, leader: draft.members[1].name, deputies: [draft.members[2].name] }, { basedOn: next.fingerprint });
    expect((await loadBloc(host)).issues.map((i) => i.code)).not.toContain("bloc.leadership.differs");
  });
});
