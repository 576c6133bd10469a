import { checkPrintCount, defaultPrintCount, MAX_PRINT_BALLOTS } from "../../../src/domain/voting/print";

/** The printed ballots' count (issue #14 item 7): one ballot per unit present (DOMAIN §4), as many as issued when recorded. */
describe("the number of ballots to print", () => {
  const record = (issued: number | null, present: number) => ({ issued, vote: { attendance: { members: 9, present } } }) as Parameters<typeof defaultPrintCount>[0];

  it("defaults to the ballots issued, else one per unit present (DOMAIN §4)", () => {
    expect(defaultPrintCount(record(7, 8))).toBe(7);
    expect(defaultPrintCount(record(null, 8))).toBe(8);
    expect(defaultPrintCount(record(0, 0))).toBe(1);
  });

  it("takes a whole number from 1 to the limit, typed or given", () => {
    expect(checkPrintCount(" 12 ")).toEqual({ ok: true, count: 12 });
    expect(checkPrintCount(MAX_PRINT_BALLOTS)).toEqual({ ok: true, count: MAX_PRINT_BALLOTS });
  });

  it.each([
    ["0", "vote.print.count.zero", /từ 1 trở lên \(đã nhập 0\)/],
    [String(MAX_PRINT_BALLOTS + 1), "vote.print.count.tooMany", /\(1001\) vượt quá 1000 phiếu/],
    ["mười", "vote.print.count.invalid", /“mười” không phải là một số nguyên/],
    ["2,5", "vote.print.count.invalid", /“2,5”/],
    ["-3", "vote.print.count.invalid", /“-3”/],
    ["", "vote.print.count.invalid", /“\(trống\)”/],
  ])("refuses %j with %s, naming what was typed", (typed, code, vi) => {
    const out = checkPrintCount(typed);
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.issues).toHaveLength(1);
    expect(out.issues[0]).toMatchObject({ code, severity: "error", field: "printCount" });
    expect(out.issues[0].message.vi).toMatch(vi);
    expect(out.issues[0].message.en).not.toBe("");
  });
});
