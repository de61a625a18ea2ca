"use strict";
/**
 * `npm run preview`: builds dist/ when it is missing or older than the sources, then serves it over plain
 * http on localhost (port 3001, or the next free one) so that /preview.html shows the real task pane over
 * the simulated Excel host. No Office, no certificates, no sideloading. SKIP_BUILD=1 serves dist/ as it is
 * (when it has a preview.html). PORT=n picks another first port to try.
 *
 * Also a module: the e2e tests start the same static server (`startStaticServer`).
 */
const fs = require("fs");
const http = require("http");
const path = require("path");
const { execFileSync } = require("child_process");

const ROOT = path.resolve(__dirname, "..");
/** PREVIEW_DIST serves another build output (e.g. a build made elsewhere); default dist/. */
const DIST = process.env.PREVIEW_DIST ? path.resolve(process.env.PREVIEW_DIST) : path.join(ROOT, "dist");
const DEFAULT_PORT = 3001;

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".xml": "application/xml; charset=utf-8",
};

/** Why dist/ needs a build, or undefined when it is current (shared rule with the jest global setup). */
function buildReason() {
  if (process.env.PREVIEW_DIST) return undefined;
  if (!fs.existsSync(path.join(DIST, "preview.html"))) return "dist/preview.html is missing";
  if (process.env.SKIP_BUILD === "1") return undefined;
  try {
    return require("./jest-ensure-build").isBuildStale();
  } catch {
    return undefined;
  }
}

function buildIfNeeded() {
  const reason = buildReason();
  if (!reason) return;
  console.log(`[preview] ${reason}: building (webpack --mode production)…`);
  execFileSync(
    process.execPath,
    [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production", "--stats", "errors-warnings"],
    {
      cwd: ROOT,
      // Always the development build (fixed names, preview page), even when the shell has ADDIN_URL set.
      env: { ...process.env, ADDIN_URL: "" },
      stdio: ["ignore", "inherit", "inherit"],
    },
  );
}

function handler(root) {
  const base = path.resolve(root);
  return (request, response) => {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(request.url || "/", "http://localhost").pathname);
    } catch {
      response.writeHead(400).end("Bad request");
      return;
    }
    if (pathname === "/") pathname = "/preview.html";
    const file = path.resolve(base, `.${pathname}`);
    // Never serve anything outside dist/ (../ in the URL).
    if (file !== base && !file.startsWith(base + path.sep)) {
      response.writeHead(403).end("Forbidden");
      return;
    }
    fs.readFile(file, (error, body) => {
      if (error) {
        response.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end(`Not found: ${pathname}`);
        return;
      }
      response.writeHead(200, {
        "Content-Type": TYPES[path.extname(file)] || "application/octet-stream",
        "Cache-Control": "no-store",
      });
      response.end(body);
    });
  };
}

/**
 * Serves `root` on 127.0.0.1 at `port`, or the next free port above it when taken (port 0: any free port).
 * Resolves to { server, port, url }.
 */
function startStaticServer(root = DIST, port = DEFAULT_PORT, attempts = 20) {
  return new Promise((resolve, reject) => {
    const server = http.createServer(handler(root));
    server.once("error", (error) => {
      if (error.code === "EADDRINUSE" && port !== 0 && attempts > 1) {
        resolve(startStaticServer(root, port + 1, attempts - 1));
      } else reject(error);
    });
    server.listen(port, "127.0.0.1", () => {
      const actual = server.address().port;
      resolve({ server, port: actual, url: `http://localhost:${actual}` });
    });
  });
}

async function main() {
  buildIfNeeded();
  const requested = Number(process.env.PORT) || DEFAULT_PORT;
  const { url } = await startStaticServer(DIST, requested);
  console.log(`[preview] Serving dist/ at ${url}`);
  console.log(`[preview]   ${url}/preview.html                 English, light theme`);
  console.log(`[preview]   ${url}/preview.html?lang=zh-CN       中文`);
  console.log(`[preview]   ${url}/preview.html?theme=dark       dark theme`);
  console.log("[preview] Press Ctrl+C to stop.");
}

if (require.main === module) {
  main().catch((error) => {
    console.error(`[preview] ${error.message}`);
    process.exit(1);
  });
}

module.exports = { startStaticServer, buildIfNeeded, DIST };
