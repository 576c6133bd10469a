/**
 * Bad inputs of issue #11's "User data lost or altered without asking", through the real paths:
 * a user's own sheet under a name the add-in uses, a document edited by hand, the password box.
 * The data-safety suite (test/dataSafety) checks that the values survive; here, the coded words.
 */
import { saveBloc } from "../../src/app/bloc";
import { insertScoring } from "../../src/app/scoring";
import { writeMinutes } from "../../src/app/voting";
import { sampleDraft } from "../fixtures/bloc";
import { MemoryHost } from "../../src/host";
import { blocHost, MINUTES, scoredHost, type, userSheet, votedHost } from "../dataSafety/fixtures";
import { tried, type BadCase } from "./harness";

const unprotectAll = (host: MemoryHost, password: string) =>
  host.run(async (ctx) => {
    for (const s of host.sheetNames()) if (host.protection(s).protected && s !== "Nhật ký") ctx.workbook.worksheets.getItem(s).protection.unprotect(password);
    await ctx.sync();
  });

export const cases: BadCase[] = [
  {
    id: "safety.password.emptyBox",
    door: "pane.scoring",
    tried: "re-insert with the password box left empty on sheets protected with a password (issue #11 item 4)",
    outcome: "refused",
    code: "scoring.password.required",
    where: { field: "password" },
    run: async () => {
      const host = await scoredHost("bx-2026");
      await unprotectAll(host, "bx-2026");
      return tried(host, async () => (await insertScoring(host, {})).issues);
    },
  },
  {
    id: "safety.password.typedAndRemoved",
    door: "pane.scoring",
    tried: "a password typed and “remove the password” chosen together",
    outcome: "refused",
    code: "scoring.password.conflict",
    where: { field: "password" },
    run: async () => {
      const host = await scoredHost("bx-2026");
      return tried(host, async () => (await insertScoring(host, { password: "khac", removePassword: true })).issues);
    },
  },
  {
    id: "safety.password.removeAsked",
    door: "pane.scoring",
    tried: "“remove the password” chosen, box empty, sheets unprotected with the password first",
    outcome: "accepted",
    why: "the user asked explicitly: the sheets stay protected, without a password, and the marker name goes",
    run: async () => {
      const host = await scoredHost("bx-2026");
      await unprotectAll(host, "bx-2026");
      return { issues: (await insertScoring(host, { removePassword: true })).issues };
    },
  },
  {
    id: "safety.userSummary",
    door: "workbook",
    tried: "a user's own sheet \"Tổng hợp\" when the score sheets are inserted (issue #11 item 1)",
    outcome: "warned",
    code: "excel.sheet.keptAside",
    where: { sheet: "Tổng hợp (cũ)" },
    run: async () => {
      const host = await blocHost();
      await userSheet(host, "Tổng hợp", [{ sheet: "Tổng hợp", cell: "A1", value: "Bảng của văn phòng" }]);
      return { issues: (await insertScoring(host, { template: "departments-100" })).issues };
    },
  },
  {
    id: "safety.userSummaryOtherCase",
    door: "workbook",
    tried: "a user's own sheet \"tổng hợp\" (other case) when the score sheets are inserted",
    outcome: "warned",
    code: "excel.sheet.keptAside",
    where: { sheet: "tổng hợp (cũ)" },
    run: async () => {
      const host = await blocHost();
      await userSheet(host, "tổng hợp", [{ sheet: "tổng hợp", cell: "A1", value: "Bảng của văn phòng" }]);
      return { issues: (await insertScoring(host, { template: "departments-100" })).issues };
    },
  },
  {
    id: "safety.userSettings",
    door: "workbook",
    tried: "a user's own sheet \"Cài đặt\" when the score sheets are inserted (issue #11 item 3)",
    outcome: "warned",
    code: "excel.sheet.keptAside",
    where: { sheet: "Cài đặt (cũ)" },
    run: async () => {
      const host = await blocHost();
      await userSheet(host, "Cài đặt", [{ sheet: "Cài đặt", cell: "A1", value: "Cài đặt máy in" }]);
      return { issues: (await insertScoring(host, { template: "departments-100" })).issues };
    },
  },
  {
    id: "safety.userLog",
    door: "workbook",
    tried: "a user's own sheet \"Nhật ký\" when the bloc is saved (issue #11 item 3)",
    outcome: "warned",
    code: "excel.log.keptAside",
    where: { sheet: "Nhật ký (cũ)" },
    run: async () => {
      const host = new MemoryHost();
      await userSheet(host, "Nhật ký", [{ sheet: "Nhật ký", cell: "A1", value: "Nhật ký công tác" }]);
      return { issues: (await saveBloc(host, sampleDraft(8), { basedOn: null })).issues };
    },
  },
  {
    id: "safety.userMinutes",
    door: "workbook",
    tried: "a user's own sheet \"Biên bản V1\" when the vote's minutes are written (issue #11 item 1)",
    outcome: "warned",
    code: "excel.sheet.keptAside",
    where: { sheet: "Biên bản V1 (cũ)" },
    run: async () => {
      const host = await votedHost((h) => userSheet(h, MINUTES, [{ sheet: MINUTES, cell: "A1", value: "Biên bản viết tay" }]));
      return { issues: (await writeMinutes(host, "V1")).issues };
    },
  },
  {
    id: "safety.editedMinutes",
    door: "workbook",
    tried: "a line of \"Biên bản V1\" edited by hand, then the minutes written again (issue #11 item 2)",
    outcome: "warned",
    code: "excel.sheet.keptEdited",
    where: { sheet: "Biên bản V1", cell: "A5" },
    run: async () => {
      const host = await votedHost();
      await writeMinutes(host, "V1");
      await type(host, [{ sheet: MINUTES, cell: "A5", value: "Dòng sửa tay" }]);
      return { issues: (await writeMinutes(host, "V1")).issues };
    },
  },
  {
    id: "safety.noteBesideSummary",
    door: "workbook",
    tried: "a note beside the table on \"Tổng hợp\", then the sheets inserted again",
    outcome: "accepted",
    why: "the note is outside what the add-in owns there: it stays in place, nothing to say",
    run: async () => {
      const host = await scoredHost();
      await type(host, [{ sheet: "Tổng hợp", cell: "T6", value: "Ghi chú" }]);
      const out = await insertScoring(host, {});
      expect(host.values("Tổng hợp", "T6")).toEqual([["Ghi chú"]]);
      return { issues: out.issues };
    },
  },
];
