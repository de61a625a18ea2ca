"use strict";
/**
 * Where the add-in is served from, and the manifest version, for `npm run build`.
 *
 * Development: https://localhost:3000/ (webpack-dev-server, `npm start`).
 * Deployment:  `ADDIN_URL=https://sales.example.com/addin/ npm run build` builds dist/ for that base URL: every
 *              URL in dist/manifest.xml and in the function metadata points there, and dist/ holds only what
 *              Excel loads (see webpack.config.js).
 */

const DEV_BASE_URL = "https://localhost:3000/";

/**
 * Validates an ADDIN_URL value and returns it normalised (`new URL(...).href`), with its origin.
 * Throws an Error whose message says what is wrong and what a valid value looks like.
 * @param {string} raw
 * @returns {{ base: string, origin: string }}
 */
function parseAddinUrl(raw) {
  const example = "ADDIN_URL=https://sales.example.com/addin/";
  const fail = (why) => {
    throw new Error(
      `ADDIN_URL "${raw}" ${why}. Give the absolute HTTPS URL of the folder that serves dist/, ending with "/", e.g. ${example}`,
    );
  };
  const text = String(raw).trim();
  if (text === "") fail("is empty");
  let url;
  try {
    url = new URL(text);
  } catch {
    fail("is not an absolute URL");
  }
  if (url.protocol !== "https:")
    fail(`uses ${url.protocol.replace(/:$/, "")}, but Office loads add-ins only over HTTPS`);
  if (url.username || url.password) fail("must not contain a user name or password");
  if (url.search || url.hash || text.includes("?") || text.includes("#"))
    fail("must not contain a query (?) or fragment (#)");
  if (!url.pathname.endsWith("/")) fail('must end with "/" (it names a folder; the manifest appends file names to it)');
  return { base: url.href, origin: url.origin };
}

/**
 * The manifest <Version> for a package.json version: Office wants one to four dot-separated integers
 * (at most five digits each); the admin center only accepts an update whose Version is greater.
 * "0.1.0" → "0.1.0.0". Pre-release or build suffixes ("1.0.0-beta.1") have no manifest equivalent: error.
 * @param {string} packageVersion
 * @returns {string}
 */
function manifestVersion(packageVersion) {
  const parts = String(packageVersion).split(".");
  if (parts.length < 1 || parts.length > 4 || parts.some((p) => !/^(0|[1-9]\d{0,4})$/.test(p))) {
    throw new Error(
      `package.json version "${packageVersion}" cannot be an Office manifest <Version> (one to four dot-separated integers, up to five digits each, no pre-release suffix)`,
    );
  }
  while (parts.length < 4) parts.push("0");
  return parts.join(".");
}

module.exports = { DEV_BASE_URL, parseAddinUrl, manifestVersion };
