import { createHash } from "node:crypto";
import fc from "fast-check";
import { ballotsFingerprint, canonicalBallots, handCountFingerprint, sha256Hex, utf8 } from "../../../src/domain/voting/fingerprint";
import type { Ballot } from "../../../src/domain/voting/model";
import { approve, choose, UNITS } from "./helpers";

const node = (s: string) => createHash("sha256").update(s, "utf8").digest("hex");

describe("sha256", () => {
  it("gives the FIPS 180-2 test vectors", () => {
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")).toBe("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    expect(sha256Hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu")).toBe(
      "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1",
    );
    expect(sha256Hex("a".repeat(1_000_000))).toBe("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  });

  it("agrees with node:crypto at every padding length and on any Unicode text", () => {
    for (let n = 0; n <= 130; n++) expect(sha256Hex("x".repeat(n))).toBe(node("x".repeat(n)));
    fc.assert(fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), (s) => sha256Hex(s) === node(s)));
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 50 }), (s) => sha256Hex(s) === node(s)));
  });

  it("encodes UTF-8 as TextEncoder does (lone surrogates as U+FFFD)", () => {
    for (const s of ["Sở Công Thương", "Đ", "😀", "\ud800x", "x\udfff"]) expect(Array.from(utf8(s))).toEqual(Array.from(new TextEncoder().encode(s)));
  });
});

describe("ballots fingerprint", () => {
  const [A, B, C] = UNITS;
  const ballots: Ballot[] = [approve(2, [A], [B]), approve(1, [B, C]), choose(3, [C, A], "addedNames")];

  it("is SHA-256 of a documented canonical text", () => {
    expect(canonicalBallots(ballots)).toBe(
      [
        "binh-xet/ballots/v1",
        '[1,null,"marks",[["Sở Giáo dục","approve"],["Sở Y tế","approve"]]]',
        '[2,null,"marks",[["Sở Giáo dục","reject"],["Sở Văn hóa","approve"]]]',
        '[3,"addedNames","chosen",["Sở Văn hóa","Sở Y tế"]]',
      ].join("\n"),
    );
    expect(ballotsFingerprint(ballots)).toBe(node(canonicalBallots(ballots)));
    expect(ballotsFingerprint(ballots)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("ignores how the ballots were typed: order, NFD, spacing, blank marks, order of names", () => {
    const same: Ballot[] = [
      choose(3, [` ${A.normalize("NFD")}`, C], "addedNames"),
      { number: 1, marks: { [C]: "approve", [UNITS[5]]: "blank", [B]: "approve" }, manualInvalid: null },
      approve(2, [A], [B]),
    ];
    expect(ballotsFingerprint(same)).toBe(ballotsFingerprint(ballots));
  });

  it("changes with any change of meaning", () => {
    const base = ballotsFingerprint(ballots);
    expect(ballotsFingerprint([approve(2, [A], [C]), ballots[1], ballots[2]])).not.toBe(base);
    expect(ballotsFingerprint([approve(4, [A], [B]), ballots[1], ballots[2]])).not.toBe(base);
    expect(ballotsFingerprint([ballots[0], ballots[1], choose(3, [C, A], null)])).not.toBe(base);
    expect(ballotsFingerprint(ballots.slice(1))).not.toBe(base);
    expect(ballotsFingerprint([...ballots, approve(2, [A], [B])])).not.toBe(base);
  });

  it("a hand count has its own fingerprint, independent of key order", () => {
    const a = handCountFingerprint({ issued: 8, returned: 8, valid: 7, invalid: 1, votes: { [A]: 7, [B]: 6 }, invalidReasons: { overQuota: 1 } });
    expect(handCountFingerprint({ issued: 8, returned: 8, valid: 7, invalid: 1, votes: { [B]: 6, [A.normalize("NFD")]: 7 }, invalidReasons: { overQuota: 1 } })).toBe(a);
    expect(handCountFingerprint({ issued: 8, returned: 8, valid: 7, invalid: 1, votes: { [A]: 7, [B]: 5 }, invalidReasons: { overQuota: 1 } })).not.toBe(a);
  });
});
