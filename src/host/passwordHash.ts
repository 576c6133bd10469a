/**
 * Sheet-protection password hashes as .xlsx stores them (ECMA-376 Part 1, 18.3.1.85 sheetProtection):
 * the agile hash (SHA-512 over salt + UTF-16LE password, then `spinCount` rounds of hash + 4-byte
 * little-endian counter) and the legacy 16-bit hash. Pure JavaScript so it runs in browsers too.
 */
import type { PasswordHash } from "./types";

const K: number[] = [
  0x428a2f98, 0xd728ae22, 0x71374491, 0x23ef65cd, 0xb5c0fbcf, 0xec4d3b2f, 0xe9b5dba5, 0x8189dbbc, 0x3956c25b, 0xf348b538, 0x59f111f1, 0xb605d019,
  0x923f82a4, 0xaf194f9b, 0xab1c5ed5, 0xda6d8118, 0xd807aa98, 0xa3030242, 0x12835b01, 0x45706fbe, 0x243185be, 0x4ee4b28c, 0x550c7dc3, 0xd5ffb4e2,
  0x72be5d74, 0xf27b896f, 0x80deb1fe, 0x3b1696b1, 0x9bdc06a7, 0x25c71235, 0xc19bf174, 0xcf692694, 0xe49b69c1, 0x9ef14ad2, 0xefbe4786, 0x384f25e3,
  0x0fc19dc6, 0x8b8cd5b5, 0x240ca1cc, 0x77ac9c65, 0x2de92c6f, 0x592b0275, 0x4a7484aa, 0x6ea6e483, 0x5cb0a9dc, 0xbd41fbd4, 0x76f988da, 0x831153b5,
  0x983e5152, 0xee66dfab, 0xa831c66d, 0x2db43210, 0xb00327c8, 0x98fb213f, 0xbf597fc7, 0xbeef0ee4, 0xc6e00bf3, 0x3da88fc2, 0xd5a79147, 0x930aa725,
  0x06ca6351, 0xe003826f, 0x14292967, 0x0a0e6e70, 0x27b70a85, 0x46d22ffc, 0x2e1b2138, 0x5c26c926, 0x4d2c6dfc, 0x5ac42aed, 0x53380d13, 0x9d95b3df,
  0x650a7354, 0x8baf63de, 0x766a0abb, 0x3c77b2a8, 0x81c2c92e, 0x47edaee6, 0x92722c85, 0x1482353b, 0xa2bfe8a1, 0x4cf10364, 0xa81a664b, 0xbc423001,
  0xc24b8b70, 0xd0f89791, 0xc76c51a3, 0x0654be30, 0xd192e819, 0xd6ef5218, 0xd6990624, 0x5565a910, 0xf40e3585, 0x5771202a, 0x106aa070, 0x32bbd1b8,
  0x19a4c116, 0xb8d2d0c8, 0x1e376c08, 0x5141ab53, 0x2748774c, 0xdf8eeb99, 0x34b0bcb5, 0xe19b48a8, 0x391c0cb3, 0xc5c95a63, 0x4ed8aa4a, 0xe3418acb,
  0x5b9cca4f, 0x7763e373, 0x682e6ff3, 0xd6b2b8a3, 0x748f82ee, 0x5defb2fc, 0x78a5636f, 0x43172f60, 0x84c87814, 0xa1f0ab72, 0x8cc70208, 0x1a6439ec,
  0x90befffa, 0x23631e28, 0xa4506ceb, 0xde82bde9, 0xbef9a3f7, 0xb2c67915, 0xc67178f2, 0xe372532b, 0xca273ece, 0xea26619c, 0xd186b8c7, 0x21c0c207,
  0xeada7dd6, 0xcde0eb1e, 0xf57d4f7f, 0xee6ed178, 0x06f067aa, 0x72176fba, 0x0a637dc5, 0xa2c898a6, 0x113f9804, 0xbef90dae, 0x1b710b35, 0x131c471b,
  0x28db77f5, 0x23047d84, 0x32caab7b, 0x40c72493, 0x3c9ebe0a, 0x15c9bebc, 0x431d67c4, 0x9c100d4c, 0x4cc5d4be, 0xcb3e42b6, 0x597f299c, 0xfc657e2a,
  0x5fcb6fab, 0x3ad6faec, 0x6c44198c, 0x4a475817,
];

const IV = [
  0x6a09e667, 0xf3bcc908, 0xbb67ae85, 0x84caa73b, 0x3c6ef372, 0xfe94f82b, 0xa54ff53a, 0x5f1d36f1, 0x510e527f, 0xade682d1, 0x9b05688c, 0x2b3e6c1f,
  0x1f83d9ab, 0xfb41bd6b, 0x5be0cd19, 0x137e2179,
];

const W = new Int32Array(160);
const IV32 = Int32Array.from(IV, (x) => x | 0);
const KH = new Int32Array(80);
const KL = new Int32Array(80);
for (let i = 0; i < 80; i++) {
  KH[i] = K[i * 2] | 0;
  KL[i] = K[i * 2 + 1] | 0;
}

/** One 128-byte block (as 32 big-endian int32 words at `m[off..off+32)`) into the state `h` (16 int32). */
function compress(h: Int32Array, m: Int32Array, off: number): void {
  const w = W;
  for (let i = 0; i < 32; i++) w[i] = m[off + i];
  for (let i = 32; i < 160; i += 2) {
    let xh = w[i - 30];
    let xl = w[i - 29];
    const g0h = ((xh >>> 1) | (xl << 31)) ^ ((xh >>> 8) | (xl << 24)) ^ (xh >>> 7);
    const g0l = ((xl >>> 1) | (xh << 31)) ^ ((xl >>> 8) | (xh << 24)) ^ ((xl >>> 7) | (xh << 25));
    xh = w[i - 4];
    xl = w[i - 3];
    const g1h = ((xh >>> 19) | (xl << 13)) ^ ((xl >>> 29) | (xh << 3)) ^ (xh >>> 6);
    const g1l = ((xl >>> 19) | (xh << 13)) ^ ((xh >>> 29) | (xl << 3)) ^ ((xl >>> 6) | (xh << 26));
    const lo = (g0l >>> 0) + (g1l >>> 0) + (w[i - 13] >>> 0) + (w[i - 31] >>> 0);
    w[i] = (g0h + g1h + w[i - 14] + w[i - 32] + ((lo / 0x100000000) | 0)) | 0;
    w[i + 1] = lo | 0;
  }
  let ah = h[0], al = h[1], bh = h[2], bl = h[3], ch = h[4], cl = h[5], dh = h[6], dl = h[7];
  let eh = h[8], el = h[9], fh = h[10], fl = h[11], gh = h[12], gl = h[13], hh = h[14], hl = h[15];
  for (let i = 0; i < 80; i++) {
    const s1h = ((eh >>> 14) | (el << 18)) ^ ((eh >>> 18) | (el << 14)) ^ ((el >>> 9) | (eh << 23));
    const s1l = ((el >>> 14) | (eh << 18)) ^ ((el >>> 18) | (eh << 14)) ^ ((eh >>> 9) | (el << 23));
    const chh = (eh & fh) ^ (~eh & gh);
    const chl = (el & fl) ^ (~el & gl);
    const t1l = (hl >>> 0) + (s1l >>> 0) + (chl >>> 0) + (KL[i] >>> 0) + (w[i * 2 + 1] >>> 0);
    const t1h = (hh + s1h + chh + KH[i] + w[i * 2] + ((t1l / 0x100000000) | 0)) | 0;
    const s0h = ((ah >>> 28) | (al << 4)) ^ ((al >>> 2) | (ah << 30)) ^ ((al >>> 7) | (ah << 25));
    const s0l = ((al >>> 28) | (ah << 4)) ^ ((ah >>> 2) | (al << 30)) ^ ((ah >>> 7) | (al << 25));
    const majh = (ah & bh) ^ (ah & ch) ^ (bh & ch);
    const majl = (al & bl) ^ (al & cl) ^ (bl & cl);
    const t2l = (s0l >>> 0) + (majl >>> 0);
    const t2h = (s0h + majh + ((t2l / 0x100000000) | 0)) | 0;
    hh = gh;
    hl = gl;
    gh = fh;
    gl = fl;
    fh = eh;
    fl = el;
    const el2 = (dl >>> 0) + (t1l >>> 0);
    eh = (dh + t1h + ((el2 / 0x100000000) | 0)) | 0;
    el = el2 | 0;
    dh = ch;
    dl = cl;
    ch = bh;
    cl = bl;
    bh = ah;
    bl = al;
    const al2 = (t1l >>> 0) + (t2l >>> 0);
    ah = (t1h + t2h + ((al2 / 0x100000000) | 0)) | 0;
    al = al2 | 0;
  }
  const add = (i: number, xh: number, xl: number): void => {
    const lo = (h[i + 1] >>> 0) + (xl >>> 0);
    h[i] = (h[i] + xh + ((lo / 0x100000000) | 0)) | 0;
    h[i + 1] = lo | 0;
  };
  add(0, ah, al);
  add(2, bh, bl);
  add(4, ch, cl);
  add(6, dh, dl);
  add(8, eh, el);
  add(10, fh, fl);
  add(12, gh, gl);
  add(14, hh, hl);
}

function padToWords(data: Uint8Array): Int32Array {
  const len = data.length;
  const total = Math.ceil((len + 17) / 128) * 128;
  const words = new Int32Array(total / 4);
  for (let i = 0; i < len; i++) words[i >> 2] |= data[i] << (24 - (i & 3) * 8);
  words[len >> 2] |= 0x80 << (24 - (len & 3) * 8);
  const bits = len * 8;
  words[words.length - 1] = bits | 0;
  words[words.length - 2] = Math.floor(bits / 0x100000000) | 0;
  return words;
}

function stateToBytes(h: Int32Array, out: Uint8Array): Uint8Array {
  for (let i = 0; i < 16; i++) {
    const v = h[i];
    out[i * 4] = v >>> 24;
    out[i * 4 + 1] = (v >>> 16) & 0xff;
    out[i * 4 + 2] = (v >>> 8) & 0xff;
    out[i * 4 + 3] = v & 0xff;
  }
  return out;
}

/** SHA-512 of a byte array. */
export function sha512(data: Uint8Array): Uint8Array {
  const words = padToWords(data);
  const h = Int32Array.from(IV, (x) => x | 0);
  for (let off = 0; off < words.length; off += 32) compress(h, words, off);
  return stateToBytes(h, new Uint8Array(64));
}

export function toBase64(bytes: Uint8Array): string {
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

export function fromBase64(text: string): Uint8Array {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

function utf16le(s: string): Uint8Array {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[i * 2] = c & 0xff;
    out[i * 2 + 1] = c >>> 8;
  }
  return out;
}

/** The agile (SHA-512) hash Excel writes, base64. */
export function agileHash(password: string, saltBase64: string, spinCount: number): string {
  const salt = fromBase64(saltBase64);
  const pw = utf16le(password);
  const first = new Uint8Array(salt.length + pw.length);
  first.set(salt);
  first.set(pw, salt.length);
  const h = IV32.slice();
  const words0 = padToWords(first);
  for (let off = 0; off < words0.length; off += 32) compress(h, words0, off);
  // Each round hashes the 64-byte digest plus a 4-byte little-endian counter: a single padded block.
  const block = new Int32Array(32);
  for (let i = 0; i < spinCount; i++) {
    for (let j = 0; j < 16; j++) block[j] = h[j];
    block[16] = (((i & 0xff) << 24) | (((i >>> 8) & 0xff) << 16) | (((i >>> 16) & 0xff) << 8) | ((i >>> 24) & 0xff) ) | 0;
    block[17] = 0x80000000 | 0;
    for (let j = 18; j < 31; j++) block[j] = 0;
    block[31] = 68 * 8;
    h.set(IV32);
    compress(h, block, 0);
  }
  return toBase64(stateToBytes(h, new Uint8Array(64)));
}

/** The legacy 16-bit password hash (hex, upper case), as in <sheetProtection password="CC1A">. */
export function legacyHash(password: string): string {
  let hash = 0;
  for (let i = password.length - 1; i >= 0; i--) {
    hash = ((hash >> 14) & 0x01) | ((hash << 1) & 0x7fff);
    hash ^= password.charCodeAt(i) & 0xff;
  }
  hash = ((hash >> 14) & 0x01) | ((hash << 1) & 0x7fff);
  hash ^= password.length;
  hash ^= 0xce4b;
  return hash.toString(16).toUpperCase().padStart(4, "0");
}

export function randomSalt(): string {
  const bytes = new Uint8Array(16);
  const c = (globalThis as { crypto?: { getRandomValues?: (a: Uint8Array) => Uint8Array } }).crypto;
  if (c?.getRandomValues) c.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  return toBase64(bytes);
}

/** Whether `password` opens a stored hash. */
export function verifyPassword(hash: PasswordHash, password: string): boolean {
  if ("legacy" in hash) return legacyHash(password) === hash.legacy.toUpperCase();
  if (!/sha-?512/i.test(hash.algorithmName)) return false;
  return agileHash(password, hash.saltValue, hash.spinCount) === hash.hashValue;
}
