/**
 * The data-safety suite (issue #11, "User data lost or altered without asking"): each probe does
 * what a careful and clumsy user does to a workbook (their own sheet under a name the add-in uses,
 * a note beside a table, a line added to a document after unprotecting it, the password box left
 * empty…), then runs the add-in's action through its real path on a MemoryHost, and asserts that
 * nothing the user typed is lost without a question: every typed value is still where it was, or
 * on a sheet that a warning names.
 */
import { saveBloc } from "../../src/app/bloc";
import { generateNomination, saveMeeting, NOMINATION_SHEETS } from "../../src/app/nomination";
import { insertScoring } from "../../src/app/scoring";
import { createVote, electLeadership, loadVoting, newVoteRecord, withRule, writeMinutes } from "../../src/app/voting";
import type { Issue } from "../../src/domain/issues";
import { MemoryHost } from "../../src/host";
import { sampleDraft } from "../fixtures/bloc";
import { blocHost, demoHost, lost, MINUTES, scoredHost, type, userSheet, UNITS, votedHost } from "./fixtures";

// Each probe builds a whole workbook through the real use cases: slow on a busy 2-core machine.
jest.setTimeout(120_000);

const issuesOf = (out: { issues: readonly Issue[] }) => out.issues;

describe("data safety: a user's own sheet under a name the add-in uses (issue #11, item 1)", () => {
  test("P1 a user's own \"Tổng hợp\" survives an insert, under a name a warning gives", async () => {
    const host = await blocHost();
    const typed = [{ sheet: "Tổng hợp", cell: "B3", value: "Bảng tổng hợp của văn phòng" }, { sheet: "Tổng hợp", cell: "C7", value: 4242 }];
    await userSheet(host, "Tổng hợp", typed);
    const out = await insertScoring(host, { template: "departments-100" });
    expect(out.kind).toBe("inserted");
    expect(lost(host, typed, issuesOf(out))).toEqual([]);
    expect(issuesOf(out).some((i) => i.code === "excel.sheet.keptAside" && i.message.vi.includes("Tổng hợp (cũ)"))).toBe(true);
  });

  test("P2 a user's own \"Tiêu chí\" the reader does not recognise survives an insert from a template", async () => {
    const host = await blocHost();
    const typed = [{ sheet: "Tiêu chí", cell: "A1", value: "Ghi chép tiêu chí năm trước" }, { sheet: "Tiêu chí", cell: "B5", value: "Tiêu chí riêng 1" }];
    await userSheet(host, "Tiêu chí", typed);
    const out = await insertScoring(host, { template: "departments-100" });
    const final = out.kind === "confirm" ? await insertScoring(host, { template: "departments-100", confirm: true }) : out;
    expect(final.kind).toBe("inserted");
    expect(lost(host, typed, issuesOf(final))).toEqual([]);
  });

  test("P3 a user's own \"Biên bản V1\" survives the vote's minutes being written", async () => {
    const typed = [{ sheet: MINUTES, cell: "A2", value: "Biên bản viết tay, đã ký" }];
    const host = await votedHost((h) => userSheet(h, MINUTES, typed));
    const out = await writeMinutes(host, "V1");
    expect(out.kind).toBe("written");
    expect(lost(host, typed, issuesOf(out))).toEqual([]);
  });

  test("P4 a user's own sheet named \"tổng hợp\" (other case) survives an insert", async () => {
    const host = await blocHost();
    const typed = [{ sheet: "tổng hợp", cell: "D4", value: "Số liệu thư ký tự nhập" }];
    await userSheet(host, "tổng hợp", typed);
    const out = await insertScoring(host, { template: "departments-100" });
    expect(out.kind).toBe("inserted");
    expect(lost(host, typed, issuesOf(out))).toEqual([]);
  });

  test("P5 a hidden user sheet named \"Tổng hợp\" survives an insert", async () => {
    const host = await blocHost();
    const typed = [{ sheet: "Tổng hợp", cell: "A1", value: "Trang ẩn của thư ký" }];
    await userSheet(host, "Tổng hợp", typed, true);
    const out = await insertScoring(host, { template: "departments-100" });
    expect(out.kind).toBe("inserted");
    expect(lost(host, typed, issuesOf(out))).toEqual([]);
  });

  test("P6 a user's own \"Phiếu V1\" survives creating vote V1 (kept as the vote sheets already do)", async () => {
    const host = await blocHost();
    const typed = [{ sheet: "Phiếu V1", cell: "B2", value: "Phiếu nháp của tổ kiểm phiếu" }];
    await userSheet(host, "Phiếu V1", typed);
    const loaded = await loadVoting(host);
    if (!loaded.ok) throw new Error("load");
    const record = withRule(newVoteRecord(loaded.context, "award", "Cờ thi đua của UBND tỉnh", 2), "blocMembers80");
    record.vote = { ...record.vote, candidates: [...UNITS] };
    const out = await createVote(host, record);
    expect(out.kind).toBe("written");
    expect(lost(host, typed, issuesOf(out))).toEqual([]);
  });
});

describe("data safety: cells outside what the add-in owns, lines added to its documents (issue #11, item 2)", () => {
  test("P7 a note beside the table on \"Tổng hợp\" survives a re-insert", async () => {
    const host = await scoredHost();
    const typed = [{ sheet: "Tổng hợp", cell: "T6", value: "Ghi chú: SCT nộp muộn" }];
    await type(host, typed);
    const out = await insertScoring(host, {});
    expect(out.kind).toBe("inserted");
    expect(lost(host, typed, issuesOf(out))).toEqual([]);
  });

  test("P8 a note under the table on \"Tổng hợp\" survives a re-insert", async () => {
    const host = await scoredHost();
    const typed = [{ sheet: "Tổng hợp", cell: "B22", value: "Ghi chú dưới bảng" }];
    await type(host, typed);
    const out = await insertScoring(host, {});
    expect(out.kind).toBe("inserted");
    expect(lost(host, typed, issuesOf(out))).toEqual([]);
  });

  test("P9 a note beside the table on a unit sheet survives a re-insert", async () => {
    const host = await scoredHost();
    const typed = [{ sheet: "SCT", cell: "P8", value: "Hồ sơ minh chứng gửi bản giấy" }];
    await type(host, typed);
    const out = await insertScoring(host, {});
    expect(out.kind).toBe("inserted");
    expect(lost(host, typed, issuesOf(out))).toEqual([]);
  });

  test("P10 a note typed in a blank row inside \"Tổng hợp\"'s table area survives a re-insert", async () => {
    const host = await scoredHost();
    const typed = [{ sheet: "Tổng hợp", cell: "C4", value: "Đã rà soát ngày 5/12" }];
    await type(host, typed);
    const out = await insertScoring(host, {});
    expect(out.kind).toBe("inserted");
    expect(lost(host, typed, issuesOf(out))).toEqual([]);
  });

  test("P10b a note typed over a formula cell of \"Tổng hợp\" (A3) is kept aside before the formula is restored", async () => {
    const host = await scoredHost();
    const typed = [{ sheet: "Tổng hợp", cell: "A3", value: "Đã rà soát ngày 5/12" }];
    await type(host, typed);
    const out = await insertScoring(host, {});
    expect(out.kind).toBe("inserted");
    expect(lost(host, typed, issuesOf(out))).toEqual([]);
    expect(String(host.values("Tổng hợp", "A3")[0][0])).toMatch(/^Điểm được tính theo/);
  });

  test("P11 a line inserted inside \"Biên bản V1\" after unprotecting survives rewriting the minutes", async () => {
    const host = await votedHost();
    expect((await writeMinutes(host, "V1")).kind).toBe("written");
    await host.run(async (ctx) => void ctx.workbook.worksheets.getItem(MINUTES).protection.unprotect());
    host.userInsertRows(MINUTES, 10, 1);
    const typed = [{ sheet: MINUTES, cell: "A10", value: "Ý kiến bổ sung của đại biểu" }];
    await type(host, typed);
    const out = await writeMinutes(host, "V1");
    expect(out.kind).toBe("written");
    expect(lost(host, typed, issuesOf(out))).toEqual([]);
  });

  test("P12 a line typed under \"Biên bản V1\" survives rewriting the minutes", async () => {
    const host = await votedHost();
    expect((await writeMinutes(host, "V1")).kind).toBe("written");
    const typed = [{ sheet: MINUTES, cell: "A80", value: "Chữ ký bổ sung: Lê Văn C" }];
    await type(host, typed);
    const out = await writeMinutes(host, "V1");
    expect(out.kind).toBe("written");
    expect(lost(host, typed, issuesOf(out))).toEqual([]);
  });

  test("P13 an edited line of \"Biên bản V1\" (a cell the add-in wrote) is not overwritten without a word", async () => {
    const host = await votedHost();
    expect((await writeMinutes(host, "V1")).kind).toBe("written");
    const typed = [{ sheet: MINUTES, cell: "A5", value: "Dòng đã sửa tay theo ý kiến hội nghị" }];
    await type(host, typed);
    const out = await writeMinutes(host, "V1");
    expect(out.kind).toBe("written");
    expect(lost(host, typed, issuesOf(out))).toEqual([]);
  });

  describe("on the nomination documents (the sample scenario's workbook)", () => {
    let host: MemoryHost;
    beforeEach(async () => {
      host = await demoHost();
    }, 180_000);

    test("P14 a line added to \"Danh sách đề nghị\" after unprotecting survives generating it again", async () => {
      const sheet = NOMINATION_SHEETS.list;
      if (host.protection(sheet).protected) await host.run(async (ctx) => void ctx.workbook.worksheets.getItem(sheet).protection.unprotect());
      host.userInsertRows(sheet, 8, 1);
      const typed = [{ sheet, cell: "B8", value: "Sở Ngoại vụ (bổ sung theo ý kiến hội nghị)" }];
      await type(host, typed);
      const out = await generateNomination(host, { at: new Date(2026, 11, 5, 16, 0) });
      expect(out.kind).toBe("written");
      expect(lost(host, typed, issuesOf(out))).toEqual([]);
    }, 180_000);

    test("P15 a line added to \"Biên bản họp bình xét\" survives generating it again", async () => {
      const sheet = NOMINATION_SHEETS.minutes;
      const used = host.usedRange(sheet)!;
      const last = Number(/(\d+)$/.exec(used)![1]);
      const typed = [{ sheet, cell: `A${last + 2}`, value: "Ý kiến của đại biểu Sở Tư pháp" }];
      await type(host, typed);
      const out = await generateNomination(host, { at: new Date(2026, 11, 5, 16, 0) });
      expect(out.kind).toBe("written");
      expect(lost(host, typed, issuesOf(out))).toEqual([]);
    }, 180_000);

    test("P16 a note beside \"Hội nghị bình xét\" survives saving the meeting's record", async () => {
      const typed = [{ sheet: "Hội nghị bình xét", cell: "K3", value: "Nhắc: mời Sở Nội vụ dự" }];
      await type(host, typed);
      const out = await saveMeeting(host, { place: "Hội trường UBND tỉnh" });
      expect(out.kind).toBe("written");
      expect(lost(host, typed, issuesOf(out))).toEqual([]);
    }, 180_000);
  });
});

describe("data safety: the settings and the log (issue #11, item 3)", () => {
  test("P17 a user's own \"Cài đặt\": never a success with broken formulas; the user's sheet is kept", async () => {
    const host = await blocHost();
    const typed = [{ sheet: "Cài đặt", cell: "A1", value: "Cài đặt máy in phòng họp" }, { sheet: "Cài đặt", cell: "B2", value: "HP-4F" }];
    await userSheet(host, "Cài đặt", typed);
    const out = await insertScoring(host, { template: "departments-100" });
    expect(lost(host, typed, issuesOf(out))).toEqual([]);
    if (out.kind === "inserted") {
      const used = host.usedRange("Tổng hợp")!;
      const shown = host.values("Tổng hợp", used).flat().filter((v) => typeof v === "string" && v.startsWith("#"));
      expect(shown).toEqual([]);
    } else {
      expect(out.kind).toBe("invalid");
      expect(issuesOf(out).some((i) => i.severity === "error" && i.where?.sheet === "Cài đặt")).toBe(true);
    }
  });

  test("P18 a user's own \"Nhật ký\" gets no log rows and no protection; it is kept and the warning says where", async () => {
    const host = new MemoryHost();
    const typed = [{ sheet: "Nhật ký", cell: "A1", value: "Nhật ký công tác tháng 11" }, { sheet: "Nhật ký", cell: "A2", value: "Họp giao ban" }];
    await userSheet(host, "Nhật ký", typed);
    const out = await saveBloc(host, sampleDraft(8), { basedOn: null });
    expect(out.kind).toBe("saved");
    expect(lost(host, typed, issuesOf(out))).toEqual([]);
    // The user's journal holds only what they typed, and is not locked.
    const kept = host.sheetNames().find((s) => host.usedRange(s) && host.values(s, "A1")[0][0] === "Nhật ký công tác tháng 11")!;
    expect(host.usedRange(kept)).toBe("A1:A2");
    expect(host.protection(kept).protected).toBe(false);
    expect(issuesOf(out).some((i) => i.code === "excel.log.keptAside")).toBe(true);
  });

  test("P19 notes typed into the add-in's log (after unprotecting) survive the next logged action", async () => {
    const host = await blocHost();
    const typed = [{ sheet: "Nhật ký", cell: "F4", value: "Đã báo cáo lãnh đạo" }, { sheet: "Nhật ký", cell: "A6", value: "Ghi tay: họp lại ngày 8/12" }];
    await type(host, typed);
    const out = await insertScoring(host, { template: "departments-100" });
    expect(out.kind).toBe("inserted");
    expect(lost(host, typed, issuesOf(out))).toEqual([]);
  });
});

describe("data safety: passwords (issue #11, item 4)", () => {
  const SHEETS = ["SCT", "SXD", "LMHTX", "Tổng hợp"];
  const unprotectAll = (host: MemoryHost, password: string) =>
    host.run(async (ctx) => {
      for (const s of host.sheetNames()) if (host.protection(s).protected && !["Nhật ký"].includes(s)) ctx.workbook.worksheets.getItem(s).protection.unprotect(password);
      await ctx.sync();
    });

  test("P20 the password box left empty on a re-insert never removes the password: the insert asks for it", async () => {
    const host = await scoredHost("bx-2026");
    for (const s of SHEETS) expect([s, host.protection(s).hasPassword]).toEqual([s, true]);
    // The user had unprotected the sheets in Excel (typing the password there) to widen columns.
    await unprotectAll(host, "bx-2026");
    const before = host.snapshot();
    const out = await insertScoring(host, {});
    if (out.kind === "inserted") {
      for (const s of SHEETS) expect([s, host.protection(s).hasPassword]).toEqual([s, true]);
    } else {
      expect(out.kind).toBe("invalid");
      const asked = out.issues.find((i) => i.code === "scoring.password.required");
      expect(asked?.field).toBe("password");
      expect(asked?.message.vi).not.toBe(asked?.message.en);
      expect(host.snapshot()).toEqual(before);
    }
  });

  test("P21 re-inserting with the password typed again keeps the password on every sheet", async () => {
    const host = await scoredHost("bx-2026");
    const out = await insertScoring(host, { password: "bx-2026" });
    expect(out.kind).toBe("inserted");
    for (const s of SHEETS) expect([s, host.protection(s).protected, host.protection(s).hasPassword]).toEqual([s, true, true]);
  });

  test("P21b only an explicit removePassword protects the sheets without one; the next empty box is then fine", async () => {
    const host = await scoredHost("bx-2026");
    await unprotectAll(host, "bx-2026");
    const both = await insertScoring(host, { password: "x", removePassword: true });
    expect(both.kind === "invalid" && both.issues.map((i) => [i.code, i.field])).toEqual([["scoring.password.conflict", "password"]]);
    const out = await insertScoring(host, { removePassword: true });
    expect(out.kind).toBe("inserted");
    for (const s of SHEETS) expect([s, host.protection(s).protected, host.protection(s).hasPassword]).toEqual([s, true, false]);
    expect((await insertScoring(host, {})).kind).toBe("inserted");
  });
});

describe("data safety: more of what a clumsy user does (issue #11, item 5)", () => {
  test("P22 a renamed \"Tổng hợp\" keeps its notes when the sheets are inserted again", async () => {
    const host = await scoredHost();
    host.userRenameSheet("Tổng hợp", "TH 2026");
    const typed = [{ sheet: "TH 2026", cell: "T2", value: "Bản gửi Ban Thi đua" }];
    await type(host, typed);
    const out = await insertScoring(host, {});
    expect(out.kind).toBe("inserted");
    expect(lost(host, typed, issuesOf(out))).toEqual([]);
  });

  test("P23 a renamed unit sheet keeps a note beside its table when the sheets are inserted again", async () => {
    const host = await scoredHost();
    host.userRenameSheet("SCT", "Sở Công Thương");
    const typed = [{ sheet: "Sở Công Thương", cell: "P3", value: "Đã nhận bản giấy" }];
    await type(host, typed);
    const out = await insertScoring(host, {});
    expect(out.kind).toBe("inserted");
    expect(lost(host, typed, issuesOf(out))).toEqual([]);
    expect(host.sheetNames()).toContain("Sở Công Thương");
  });

  test("P24 a user's own defined name on a unit sheet's note survives a re-insert", async () => {
    const host = await scoredHost();
    const typed = [{ sheet: "SCT", cell: "P2", value: "Mốc nộp hồ sơ" }];
    await type(host, typed);
    await host.run(async (ctx) => void ctx.workbook.names.add("MocNopHoSo", ctx.workbook.worksheets.getItem("SCT").getRange("P2")));
    const out = await insertScoring(host, {});
    expect(out.kind).toBe("inserted");
    expect(lost(host, typed, issuesOf(out))).toEqual([]);
    expect(host.names().some((n) => n.name === "MocNopHoSo")).toBe(true);
  });

  test("P25 a user's own \"Bỏ phiếu\" survives creating the first vote", async () => {
    const host = await blocHost();
    const typed = [{ sheet: "Bỏ phiếu", cell: "A1", value: "Kế hoạch bỏ phiếu của văn phòng" }, { sheet: "Bỏ phiếu", cell: "C3", value: "Mời Ban kiểm phiếu" }];
    await userSheet(host, "Bỏ phiếu", typed);
    const loaded = await loadVoting(host);
    if (!loaded.ok) throw new Error("load");
    const record = withRule(newVoteRecord(loaded.context, "award", "Cờ thi đua của UBND tỉnh", 2), "blocMembers80");
    record.vote = { ...record.vote, candidates: [...UNITS] };
    const out = await createVote(host, record);
    expect(lost(host, typed, issuesOf(out))).toEqual([]);
  });

  test("P26 a note in a blank cell inside a unit sheet's table area survives a re-insert", async () => {
    const host = await scoredHost();
    const typed = [{ sheet: "SXD", cell: "H6", value: "Người chấm phần I: Nguyễn Thị D" }];
    await type(host, typed);
    const out = await insertScoring(host, {});
    expect(out.kind).toBe("inserted");
    expect(lost(host, typed, issuesOf(out))).toEqual([]);
  });

  test("P27 a renamed \"Biên bản V1\" is left as it is when the minutes are written again", async () => {
    const host = await votedHost();
    expect((await writeMinutes(host, "V1")).kind).toBe("written");
    host.userRenameSheet(MINUTES, "Biên bản V1 đã ký");
    const typed = [{ sheet: "Biên bản V1 đã ký", cell: "A90", value: "Đã ký: Nguyễn Văn An" }];
    await type(host, typed);
    const out = await writeMinutes(host, "V1");
    expect(out.kind).toBe("written");
    expect(lost(host, typed, issuesOf(out))).toEqual([]);
    expect(host.sheetNames()).toEqual(expect.arrayContaining([MINUTES, "Biên bản V1 đã ký"]));
  });

  test("P28 a user's own \"Trưởng khối các năm\" survives electing the leadership", async () => {
    const host = await blocHost();
    const typed = [{ sheet: "Trưởng khối các năm", cell: "A1", value: "Danh sách trưởng khối tự lập" }, { sheet: "Trưởng khối các năm", cell: "B4", value: "Sở Tư pháp" }];
    await userSheet(host, "Trưởng khối các năm", typed);
    const out = await electLeadership(host, { mode: "designation", leader: UNITS[2], deputies: [UNITS[3]] });
    expect(lost(host, typed, issuesOf(out))).toEqual([]);
  });

  test("P29 a user's own \"Tiêu chí\" of notes is never taken as the table: the insert from the sheet refuses, nothing changes", async () => {
    const host = await blocHost();
    const typed = [{ sheet: "Tiêu chí", cell: "A1", value: "Ghi chép tiêu chí năm trước" }];
    await userSheet(host, "Tiêu chí", typed);
    const before = host.snapshot();
    const out = await insertScoring(host, {});
    expect(out.kind).toBe("invalid");
    expect(host.snapshot()).toEqual(before);
  });
});
