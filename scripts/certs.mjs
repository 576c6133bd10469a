#!/usr/bin/env node
/**
 * Development HTTPS certificates for https://localhost:3000 (npm start).
 *
 * Generated with office-addin-dev-certs' generate API into <project>/.certs/ (gitignored):
 *   ca.crt          a throw-away CA (its private key is never written to disk)
 *   localhost.crt   the server certificate for localhost and 127.0.0.1, signed by that CA
 *   localhost.key   the server's private key
 * They are regenerated when a file is missing, unreadable, mismatched or about to expire.
 * This script never installs anything into a trust store and never asks for sudo: trusting the
 * CA (needed by desktop Excel, optional for a browser) is the user's own step; run
 * `npm run certs` to see how.
 *
 * webpack.config.js loads this with `await import()` and calls ensureCertificates().
 */
import { X509Certificate, createPrivateKey } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { generateCertificates } from "office-addin-dev-certs/lib/generate.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export const CERT_DIR = path.join(root, ".certs");
export const CA_PATH = path.join(CERT_DIR, "ca.crt");
export const CERT_PATH = path.join(CERT_DIR, "localhost.crt");
export const KEY_PATH = path.join(CERT_DIR, "localhost.key");
/** Validity of a fresh pair, in days. */
export const DAYS_VALID = 365;
/** Regenerate when fewer than this many days remain. */
export const RENEW_DAYS_BEFORE = 2;
export const DOMAINS = ["127.0.0.1", "localhost"];

/**
 * Why the files on disk cannot be used, or null if they can.
 * @param {Date} [now]
 * @returns {string | null}
 */
export function certificateProblem(now = new Date()) {
  for (const file of [CA_PATH, CERT_PATH, KEY_PATH]) {
    if (!existsSync(file)) return `${path.basename(file)} is missing`;
  }
  try {
    const ca = new X509Certificate(readFileSync(CA_PATH));
    const cert = new X509Certificate(readFileSync(CERT_PATH));
    const key = createPrivateKey(readFileSync(KEY_PATH));
    const renewBy = now.getTime() + RENEW_DAYS_BEFORE * 24 * 3600 * 1000;
    if (new Date(cert.validTo).getTime() < renewBy) return "localhost.crt has expired or expires soon";
    if (new Date(ca.validTo).getTime() < renewBy) return "ca.crt has expired or expires soon";
    if (new Date(cert.validFrom).getTime() > now.getTime()) return "localhost.crt is not valid yet";
    if (!cert.checkPrivateKey(key)) return "localhost.key does not match localhost.crt";
    if (!cert.verify(ca.publicKey)) return "localhost.crt was not signed by ca.crt";
    if (!cert.checkHost("localhost")) return "localhost.crt does not cover localhost";
  } catch (err) {
    return `the files cannot be read (${err instanceof Error ? err.message : String(err)})`;
  }
  return null;
}

/**
 * Makes sure usable certificates exist in .certs/ and returns them for an https server.
 * @returns {Promise<{ key: Buffer, cert: Buffer, ca: Buffer, regenerated: boolean, reason: string | null }>}
 */
export async function ensureCertificates() {
  const reason = certificateProblem();
  if (reason !== null) {
    mkdirSync(CERT_DIR, { recursive: true });
    // generateCertificates() writes nothing when ca.crt already exists, so clear the old set.
    for (const file of [CA_PATH, CERT_PATH, KEY_PATH]) rmSync(file, { force: true });
    await generateCertificates(CA_PATH, CERT_PATH, KEY_PATH, DAYS_VALID, DOMAINS);
    if (process.platform !== "win32") chmodSync(KEY_PATH, 0o600);
    const still = certificateProblem();
    if (still !== null) throw new Error(`Could not create development certificates in ${CERT_DIR}: ${still}`);
  }
  return {
    key: readFileSync(KEY_PATH),
    cert: readFileSync(CERT_PATH),
    ca: readFileSync(CA_PATH),
    regenerated: reason !== null,
    reason,
  };
}

async function main() {
  const { regenerated, reason, cert } = await ensureCertificates();
  const x509 = new X509Certificate(cert);
  console.log(
    regenerated
      ? `Development certificates created in ${CERT_DIR} (${reason}).`
      : `Development certificates are in ${CERT_DIR}.`,
  );
  console.log(`  CA:          ${CA_PATH}`);
  console.log(`  certificate: ${CERT_PATH} (localhost, 127.0.0.1; valid until ${x509.validTo})`);
  console.log(`  key:         ${KEY_PATH}`);
  console.log("Nothing was installed. For desktop Excel to load https://localhost:3000, trust the CA yourself:");
  console.log(`  Windows: certutil -user -addstore Root "${CA_PATH}"`);
  console.log(
    `  macOS:   security add-trusted-cert -r trustRoot -k ~/Library/Keychains/login.keychain-db "${CA_PATH}"`,
  );
  console.log("A regenerated CA must be trusted again (the old one can then be removed from the store).");
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  });
}
