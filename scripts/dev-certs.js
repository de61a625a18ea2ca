"use strict";
/**
 * HTTPS options for the dev server on https://localhost:3000.
 *
 * Office only loads add-ins over HTTPS, and Excel on the web / desktop refuse certificates they do not trust.
 * Microsoft's office-addin-dev-certs creates a local CA + localhost certificate and installs the CA into the
 * OS trust store. That install needs `sudo` (Linux) or an interactive prompt (Windows/macOS), which a fresh
 * container or CI machine does not have; there we fall back to webpack-dev-server's own self-signed
 * certificate (the browser must then be told once to trust https://localhost:3000).
 */
const fs = require("fs");
const os = require("os");
const path = require("path");

const CERT_DIR = path.join(os.homedir(), ".office-addin-dev-certs");
const CA_PATH = path.join(CERT_DIR, "ca.crt");
const CERT_PATH = path.join(CERT_DIR, "localhost.crt");
const KEY_PATH = path.join(CERT_DIR, "localhost.key");
const INSTALL_TIMEOUT_MS = 30000;

function readInstalledDevCerts() {
  if (![CA_PATH, CERT_PATH, KEY_PATH].every((p) => fs.existsSync(p))) return undefined;
  return { ca: fs.readFileSync(CA_PATH), cert: fs.readFileSync(CERT_PATH), key: fs.readFileSync(KEY_PATH) };
}

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000}s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function isTrustedCaInstalled() {
  try {
    const { isCaCertificateInstalled } = require("office-addin-dev-certs/lib/verify");
    return Boolean(isCaCertificateInstalled());
  } catch {
    return false;
  }
}

/**
 * Resolves the `server` option for webpack-dev-server: `{ type: "https", options }`.
 * Never throws: any failure of the trusted-certificate path degrades to a self-signed certificate.
 */
async function getDevServerHttps({ log = console.log } = {}) {
  if (process.env.SALES_ADDIN_SELF_SIGNED === "1") {
    log("[certs] SALES_ADDIN_SELF_SIGNED=1: using webpack-dev-server's self-signed certificate.");
    return { type: "https", trusted: false };
  }
  // Already installed and trusted (a developer ran `npx office-addin-dev-certs install` once).
  const existing = readInstalledDevCerts();
  if (existing && isTrustedCaInstalled()) {
    return { type: "https", options: existing, trusted: true };
  }
  try {
    const devCerts = require("office-addin-dev-certs");
    const options = await withTimeout(devCerts.getHttpsServerOptions(), INSTALL_TIMEOUT_MS, "office-addin-dev-certs");
    log("[certs] Using the trusted localhost certificate from office-addin-dev-certs.");
    return { type: "https", options, trusted: true };
  } catch (err) {
    log(`[certs] office-addin-dev-certs could not install its CA into the trust store here (${firstLine(err)}).`);
  }
  // The generate step usually succeeded even though the install failed: serve that certificate anyway, so a
  // developer can trust ~/.office-addin-dev-certs/ca.crt by hand in their browser instead of clicking through.
  const generated = readInstalledDevCerts();
  log(
    "[certs] Falling back to an untrusted certificate. Before sideloading, open https://localhost:3000/taskpane.html",
  );
  log(
    "[certs] once in the browser you use for Excel on the web and accept the warning" +
      (generated ? `, or import ${CA_PATH} as a trusted CA.` : "."),
  );
  if (generated) return { type: "https", options: generated, trusted: false };
  return { type: "https", trusted: false };
}

function firstLine(err) {
  return String((err && err.message) || err).split("\n")[0];
}

module.exports = { getDevServerHttps };
