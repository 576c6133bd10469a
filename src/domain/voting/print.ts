import { raiseAt } from "../codes";
import type { Issue } from "../issues";
import type { VoteRecord } from "./record";

/** The printable paper ballots' count: its default and its checks (issue #14 item 7). */

/** More ballots than this are not laid out at once. */
export const MAX_PRINT_BALLOTS = 1000;

/** Ballots to print by default: those issued when recorded, else one per unit present (DOMAIN §4: one ballot per unit present), at least 1. */
export function defaultPrintCount(record: Pick<VoteRecord, "issued" | "vote">): number {
  const n = record.issued ?? record.vote.attendance.present;
  return Number.isInteger(n) && n > 0 ? Math.min(MAX_PRINT_BALLOTS, n) : 1;
}

/**
 * The count as typed in the pane (or given by a caller): a whole number from 1 to MAX_PRINT_BALLOTS;
 * otherwise a coded refusal naming what was typed (field "printCount").
 */
export function checkPrintCount(given: string | number): { ok: true; count: number } | { ok: false; issues: Issue[] } {
  const text = String(given).trim();
  const value = text === "" ? "(trống)" : text;
  // "12", "12.0" not; Vietnamese thousands ("1.000") are not a count of ballots either: digits only.
  if (typeof given === "number" ? !Number.isInteger(given) : !/^\d+$/.test(text)) {
    return { ok: false, issues: [raiseAt("vote.print.count.invalid", { value, max: MAX_PRINT_BALLOTS }, "printCount")] };
  }
  const n = Number(text);
  if (n < 1) return { ok: false, issues: [raiseAt("vote.print.count.zero", { value: n }, "printCount")] };
  if (n > MAX_PRINT_BALLOTS) return { ok: false, issues: [raiseAt("vote.print.count.tooMany", { value: n, max: MAX_PRINT_BALLOTS }, "printCount")] };
  return { ok: true, count: n };
}
