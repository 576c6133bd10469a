import { cleanText } from "../text";
import type { Ballot, HandCount } from "./model";

/**
 * A SHA-256 fingerprint of the entered ballots, printed on the vote-count minutes so that any
 * later change to a ballot shows. SHA-256 (FIPS 180-4) is written out here: the domain stays pure
 * and synchronous (no node:crypto, no WebCrypto).
 */

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));

/** SHA-256 of bytes. */
export function sha256(bytes: Uint8Array): Uint8Array {
  const H = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
  const len = bytes.length;
  // Message, the 0x80 byte, zeros, then the length in bits as 64-bit big-endian: a multiple of 64 bytes.
  const total = Math.ceil((len + 9) / 64) * 64;
  const buf = new Uint8Array(total);
  buf.set(bytes);
  buf[len] = 0x80;
  const view = new DataView(buf.buffer);
  view.setUint32(total - 8, Math.floor(len / 0x20000000));
  view.setUint32(total - 4, (len * 8) >>> 0);
  const W = new Uint32Array(64);
  for (let off = 0; off < total; off += 64) {
    for (let t = 0; t < 16; t++) W[t] = view.getUint32(off + 4 * t);
    for (let t = 16; t < 64; t++) {
      const s0 = rotr(W[t - 15], 7) ^ rotr(W[t - 15], 18) ^ (W[t - 15] >>> 3);
      const s1 = rotr(W[t - 2], 17) ^ rotr(W[t - 2], 19) ^ (W[t - 2] >>> 10);
      W[t] = W[t - 16] + s0 + W[t - 7] + s1;
    }
    let [a, b, c, d, e, f, g, h] = H;
    for (let t = 0; t < 64; t++) {
      const t1 = (h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[t] + W[t]) | 0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      h = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    H[0] += a;
    H[1] += b;
    H[2] += c;
    H[3] += d;
    H[4] += e;
    H[5] += f;
    H[6] += g;
    H[7] += h;
  }
  const out = new Uint8Array(32);
  const outView = new DataView(out.buffer);
  H.forEach((x, i) => outView.setUint32(4 * i, x));
  return out;
}

/** UTF-8 bytes of a string (a lone surrogate becomes U+FFFD, as TextEncoder does). */
export function utf8(s: string): Uint8Array {
  const out = new Uint8Array(s.length * 3);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    let cp = s.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdfff) {
      const next = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (cp <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (next - 0xdc00);
        i++;
      } else cp = 0xfffd;
    }
    if (cp < 0x80) out[n++] = cp;
    else if (cp < 0x800) {
      out[n++] = 0xc0 | (cp >> 6);
      out[n++] = 0x80 | (cp & 63);
    } else if (cp < 0x10000) {
      out[n++] = 0xe0 | (cp >> 12);
      out[n++] = 0x80 | ((cp >> 6) & 63);
      out[n++] = 0x80 | (cp & 63);
    } else {
      out[n++] = 0xf0 | (cp >> 18);
      out[n++] = 0x80 | ((cp >> 12) & 63);
      out[n++] = 0x80 | ((cp >> 6) & 63);
      out[n++] = 0x80 | (cp & 63);
    }
  }
  return out.subarray(0, n);
}

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");

/** SHA-256 of a string's UTF-8 bytes, in lower-case hex. */
export function sha256Hex(text: string): string {
  return hex(sha256(utf8(text)));
}

export const BALLOTS_FORMAT = "binh-xet/ballots/v1";
export const HAND_COUNT_FORMAT = "binh-xet/hand-count/v1";

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The canonical text of the entered ballots: the line `binh-xet/ballots/v1`, then one JSON line
 * per ballot, sorted by ballot number (then by the line itself), each
 * `[number, manualInvalid, "marks", [[name, mark], …]]` with blank marks left out and pairs
 * sorted, or `[number, manualInvalid, "chosen", [name, …]]` with names sorted. Names are cleaned
 * (NFC, trimmed, inner spaces folded). What a ballot means, not how it was typed, decides the text:
 * the order of the array, of marks, of chosen names, NFC or NFD, and blank marks change nothing.
 */
export function canonicalBallots(ballots: readonly Ballot[]): string {
  const cleaned = new Map<string, string>();
  /** cleanText, remembered: thousands of ballots repeat the same few names. */
  const clean = (name: string): string => {
    let c = cleaned.get(name);
    if (c === undefined) cleaned.set(name, (c = cleanText(name)));
    return c;
  };
  const lines = ballots.map((b) => {
    const body =
      "marks" in b
        ? [
            "marks",
            Object.entries(b.marks)
              .filter(([, m]) => m !== "blank")
              .map(([n, m]) => [clean(n), m])
              .sort((x, y) => byText(x[0], y[0]) || byText(x[1], y[1])),
          ]
        : ["chosen", b.chosen.map(clean).filter(Boolean).sort(byText)];
    // A written opinion of an absent member says so (only then: older fingerprints stay the same).
    return { n: b.number, line: JSON.stringify([b.number, b.manualInvalid, ...body, ...(b.written ? ["written"] : [])]) };
  });
  lines.sort((x, y) => x.n - y.n || byText(x.line, y.line));
  return [BALLOTS_FORMAT, ...lines.map((l) => l.line)].join("\n");
}

/** The fingerprint printed on the minutes: SHA-256 of `canonicalBallots`, lower-case hex. */
export function ballotsFingerprint(ballots: readonly Ballot[]): string {
  return sha256Hex(canonicalBallots(ballots));
}

/**
 * The same for a count by hand: the line `binh-xet/hand-count/v1`, then
 * `[issued, returned, valid, invalid, [[name, votes], …], [[reason, n], …] | null]` with names
 * cleaned and pairs sorted.
 */
export function handCountFingerprint(count: HandCount): string {
  const pairs = (r: Record<string, number | undefined>, clean: (s: string) => string) =>
    Object.entries(r)
      .filter((e): e is [string, number] => e[1] !== undefined)
      .map(([k, v]) => [clean(k), v] as const)
      .sort((x, y) => byText(x[0], y[0]) || x[1] - y[1]);
  const body = [count.issued, count.returned, count.valid, count.invalid, pairs(count.votes, cleanText), count.invalidReasons ? pairs(count.invalidReasons, (s) => s) : null];
  return sha256Hex(`${HAND_COUNT_FORMAT}\n${JSON.stringify(body)}`);
}
