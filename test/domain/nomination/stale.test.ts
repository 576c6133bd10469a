import { changesText, decodeSources, encodeSources, sourceChanges, sourcesPrint, type NominationSources } from "../../../src/domain/nomination/stale";
import type { Proposal } from "../../../src/domain/nomination/model";

/** Issue #14 item 3: the fingerprint of what the nomination documents were built from (DOMAIN §5: score, rank, classification, votes, note). */

const proposal = (unit: string, awardId: string): Proposal => ({ unit, awardId, award: awardId, kind: "title", proposed: true, reasons: [], override: null, total: 98, rank: 1, band: "Xuất sắc", votes: 5, denominator: 8, percent: 62.5, voteId: "V1" });

const base = (): NominationSources => ({
  bloc: { name: "Khối Kinh tế", province: "Bắc Ninh", year: 2026, leader: "Sở Công Thương" },
  standings: [
    { unit: "Sở Công Thương", total: 98.25, rank: 1, band: "Xuất sắc", leading: true },
    { unit: "Sở Xây dựng", total: 95, rank: 2, band: "Xuất sắc", leading: false },
  ],
  proposals: [proposal("Sở Công Thương", "co-tinh")],
  votes: [{ voteId: "V1", title: "Cờ thi đua", round: 1, elected: ["Sở Công Thương"], candidates: [{ name: "Sở Công Thương", votes: 5, percent: 62.5, passes: true }] }],
  decisions: [],
  meeting: { date: { day: 10, month: 12, year: 2026 }, place: "Hội trường" },
  leadership: null,
});

describe("the nomination documents' sources (issue #14 item 3)", () => {
  it("round-trips its record and finds nothing changed on the same sources", () => {
    const p = sourcesPrint(base());
    const back = decodeSources(encodeSources(p));
    expect(back).toEqual(p);
    expect(sourceChanges(back!, sourcesPrint(base()), ["Sở Công Thương", "Sở Xây dựng"])).toEqual([]);
  });

  it("names the unit whose score changed, and the ranking when it moved", () => {
    const was = sourcesPrint(base());
    const now = base();
    now.standings = [
      { unit: "Sở Công Thương", total: 94, rank: 2, band: "Xuất sắc", leading: false },
      { unit: "Sở Xây dựng", total: 95, rank: 1, band: "Xuất sắc", leading: true },
    ];
    const changes = sourceChanges(was, sourcesPrint(now), ["Sở Công Thương", "Sở Xây dựng"]);
    expect(changes).toEqual([{ part: "score", unit: "Sở Công Thương" }, { part: "ranking" }, { part: "classification" }]);
    expect(changesText(changes)).toEqual({ vi: "điểm của Sở Công Thương, xếp hạng, xếp loại", en: "the score of Sở Công Thương, the ranking, the classification" });
  });

  it("is not moved by NFD text or spacing (DOMAIN §6), nor by the order units come in", () => {
    const was = sourcesPrint(base());
    const now = base();
    now.standings = [...now.standings].reverse().map((s) => ({ ...s, unit: ` ${s.unit.normalize("NFD")}  ` }));
    expect(sourceChanges(was, sourcesPrint(now), ["Sở Công Thương"])).toEqual([]);
  });

  it("names the meeting's decisions, its details and the votes", () => {
    const was = sourcesPrint(base());
    const now = base();
    now.decisions = [{ unit: "Sở Xây dựng", award: "Cờ thi đua", include: true, reason: "Hội nghị thống nhất" }];
    now.meeting = { ...now.meeting, place: "Phòng họp số 2" };
    now.votes = [{ ...now.votes[0], candidates: [{ name: "Sở Công Thương", votes: 6, percent: 75, passes: true }] }];
    expect(sourceChanges(was, sourcesPrint(now), []).map((c) => c.part)).toEqual(["votes", "decisions", "meeting"]);
  });

  it("says a unit's score is gone, and shortens a long list of units", () => {
    const was = sourcesPrint(base());
    const now = base();
    now.standings = [now.standings[0]];
    expect(sourceChanges(was, sourcesPrint(now), ["Sở Công Thương"])).toEqual([{ part: "scoresGone" }, { part: "ranking" }, { part: "classification" }]);
    const many = ["A", "B", "C", "D", "E"].map((unit) => ({ part: "score" as const, unit }));
    expect(changesText(many).vi).toBe("điểm của A, B, C và 2 đơn vị khác");
  });

  it("reads no record from another text or a later format (old workbooks: unknown, never a false alarm)", () => {
    expect(decodeSources("Ghi chú")).toBeNull();
    expect(decodeSources(42)).toBeNull();
    expect(decodeSources("binh-xet/nomination-sources/v2 ranking=00000000")).toBeNull();
  });
});
