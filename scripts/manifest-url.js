/**
 * The manifest URL swap: manifest.xml is written for the dev server (https://localhost:3000/);
 * the production build copies it with every dev URL replaced by the deployment URL.
 *
 * CommonJS on purpose: webpack.config.js requires it, and the jest tests import it.
 */
"use strict";

/** Every URL in manifest.xml starts with this. */
const DEV_URL = "https://localhost:3000/";
/** The same without the trailing slash (the form an AppDomain takes). */
const DEV_ORIGIN = "https://localhost:3000";
/** Where the add-in is published unless ADDIN_PROD_URL says otherwise. */
const DEFAULT_PROD_URL = "https://binhxet.github.io/addin/";

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "0.0.0.0"]);

/**
 * Checks and normalises a production URL: https only, not a local host, no query or
 * fragment, always ending with "/". Throws an Error naming the problem otherwise.
 * @param {string} url
 * @returns {string}
 */
function normaliseProductionUrl(url) {
  if (typeof url !== "string" || url.trim() === "") {
    throw new Error("The production URL is empty; set ADDIN_PROD_URL to https://host/path/.");
  }
  let parsed;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw new Error(`The production URL "${url}" is not a valid absolute URL.`);
  }
  if (parsed.protocol !== "https:") {
    throw new Error(`The production URL "${url}" must use https (Office loads add-ins over https only).`);
  }
  const host = parsed.hostname.toLowerCase();
  if (LOCAL_HOSTS.has(host) || host.endsWith(".localhost") || host.includes("localhost")) {
    throw new Error(`The production URL "${url}" points at a local host; use the public deployment URL.`);
  }
  if (parsed.search || parsed.hash) {
    throw new Error(`The production URL "${url}" must not carry a query or fragment.`);
  }
  if (parsed.username || parsed.password) {
    throw new Error(`The production URL "${url}" must not carry credentials.`);
  }
  let href = parsed.href;
  if (!href.endsWith("/")) href += "/";
  return href;
}

/**
 * Drops XML comments (the development notes) and says where the file came from instead.
 * @param {string} xml
 */
function stripComments(xml) {
  const body = xml.replace(/[ \t]*<!--[\s\S]*?-->[ \t]*\r?\n?/g, "");
  const note = "<!-- Generated from manifest.xml by the production build (npm run build); edit that file instead. -->\n";
  const decl = /^\s*<\?xml[^>]*\?>\r?\n?/.exec(body);
  return decl ? decl[0] + note + body.slice(decl[0].length) : note + body;
}

/** @param {string} s */
function escapeXml(s) {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

/**
 * Returns the production form of a development manifest: comments are replaced by a one-line
 * "generated" note, each "https://localhost:3000/"
 * becomes `prodUrl` (normalised to end with "/"), and a bare "https://localhost:3000"
 * (an AppDomain) becomes the production origin. Throws if `prodUrl` is not an https,
 * non-local URL, or if any "localhost" would remain.
 * @param {string} xml the development manifest text
 * @param {string} [prodUrl] defaults to DEFAULT_PROD_URL
 * @returns {string}
 */
function toProductionManifest(xml, prodUrl = DEFAULT_PROD_URL) {
  const base = normaliseProductionUrl(prodUrl);
  const origin = new URL(base).origin;
  const out = stripComments(xml)
    .split(DEV_URL)
    .join(escapeXml(base))
    .split(DEV_ORIGIN)
    .join(escapeXml(origin));
  const left = out.search(/localhost|127\.0\.0\.1/i);
  if (left !== -1) {
    const line = out.slice(0, left).split("\n").length;
    throw new Error(
      `manifest.xml still names a local host at line ${line} after the URL swap; ` +
        `write every URL as ${DEV_URL}... so the production build can replace it.`,
    );
  }
  return out;
}

/**
 * The production URL from the environment (ADDIN_PROD_URL), normalised.
 * @param {NodeJS.ProcessEnv} [env]
 */
function productionUrlFromEnv(env = process.env) {
  const value = env.ADDIN_PROD_URL;
  return normaliseProductionUrl(value === undefined || value === "" ? DEFAULT_PROD_URL : value);
}

module.exports = {
  DEV_URL,
  DEV_ORIGIN,
  DEFAULT_PROD_URL,
  normaliseProductionUrl,
  toProductionManifest,
  productionUrlFromEnv,
};
