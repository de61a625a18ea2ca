#!/usr/bin/env node

"use strict";
/**
 * `npm run serve:dist`: a plain static HTTPS server for a deployment build, to try the hosting steps of the README
 * ("Deploying for a team") on one machine, and the server the production e2e test uses. Any HTTPS static host
 * does the same job; this one shows the settings that matter for an Office add-in:
 *  - every file under one base path (the path of ADDIN_URL, e.g. /addin/), directories answer their index.html;
 *  - JSON served as application/json and every file with `Access-Control-Allow-Origin: *`: Excel on the web reads
 *    functions.json from its own origin (Microsoft's publishing guide asks for CORS and the JSON MIME type);
 *  - caching: content-hashed scripts for a year (`immutable`), everything else (taskpane.html, functions.json,
 *    manifest.xml, help pages, icons) revalidated on every load (`no-cache` + Last-Modified), so a new release is
 *    picked up at once and never mixes an old bundle with a new page.
 *
 * Usage: node scripts/serve-https.js [dir=dist] [--port 8443] [--base /addin/] [--host 127.0.0.1]
 *                                    [--cert file --key file] [--domain name]...
 * Without --cert/--key it creates a throwaway certificate for localhost and the --domain names with Microsoft's
 * office-addin-dev-certs (not trusted by anyone: accept it in the browser, or pass your own certificate).
 */
const fs = require("fs");
const https = require("https");
const os = require("os");
const path = require("path");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};
const HASHED = /\.[0-9a-f]{8,}\.js$/;

/** Cache-Control for a served file (see the header comment). */
function cacheControl(file) {
  return HASHED.test(file) ? "public, max-age=31536000, immutable" : "no-cache";
}

function handler(root, base) {
  const dir = path.resolve(root);
  return (request, response) => {
    const common = { "Access-Control-Allow-Origin": "*", "X-Content-Type-Options": "nosniff" };
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { ...common, Allow: "GET, HEAD" }).end();
      return;
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(request.url || "/", "https://localhost").pathname);
    } catch {
      response.writeHead(400, common).end("Bad request");
      return;
    }
    if (!pathname.startsWith(base)) {
      response
        .writeHead(404, { ...common, "Content-Type": "text/plain; charset=utf-8" })
        .end(`Not found: ${pathname} (the add-in is under ${base})`);
      return;
    }
    let file = path.resolve(dir, `./${pathname.slice(base.length)}`);
    if (file !== dir && !file.startsWith(dir + path.sep)) {
      response.writeHead(403, common).end("Forbidden");
      return;
    }
    fs.stat(file, (error, stat) => {
      if (!error && stat.isDirectory()) {
        file = path.join(file, "index.html");
        try {
          stat = fs.statSync(file);
        } catch (e) {
          error = e;
        }
      }
      if (error || !stat.isFile()) {
        response
          .writeHead(404, { ...common, "Content-Type": "text/plain; charset=utf-8" })
          .end(`Not found: ${pathname}`);
        return;
      }
      const lastModified = new Date(Math.floor(stat.mtimeMs / 1000) * 1000);
      const headers = {
        ...common,
        "Content-Type": TYPES[path.extname(file).toLowerCase()] || "application/octet-stream",
        "Cache-Control": cacheControl(file),
        "Last-Modified": lastModified.toUTCString(),
      };
      const since = Date.parse(request.headers["if-modified-since"] || "");
      if (!Number.isNaN(since) && lastModified.getTime() <= since) {
        response.writeHead(304, headers).end();
        return;
      }
      response.writeHead(200, { ...headers, "Content-Length": stat.size });
      if (request.method === "HEAD") response.end();
      else fs.createReadStream(file).pipe(response);
    });
  };
}

/** A throwaway CA + server certificate for `domains`, from office-addin-dev-certs. */
async function throwawayCertificate(domains) {
  const { generateCertificates } = require("office-addin-dev-certs/lib/generate");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sales-addin-cert-"));
  const files = { ca: path.join(dir, "ca.crt"), cert: path.join(dir, "server.crt"), key: path.join(dir, "server.key") };
  await generateCertificates(files.ca, files.cert, files.key, 30, domains);
  const out = { ca: fs.readFileSync(files.ca), cert: fs.readFileSync(files.cert), key: fs.readFileSync(files.key) };
  fs.rmSync(dir, { recursive: true, force: true });
  return out;
}

/**
 * Serves `root` under `base` over HTTPS. Resolves to { server, port, url } (url = https://host:port + base).
 * @param {{ root: string, base?: string, port?: number, host?: string, cert?: Buffer, key?: Buffer, domains?: string[] }} options
 */
async function startHttpsServer(options) {
  const base = normaliseBase(options.base || "/");
  const host = options.host || "127.0.0.1";
  const tls =
    options.cert && options.key
      ? { cert: options.cert, key: options.key }
      : await throwawayCertificate(["localhost", ...(options.domains || [])]);
  const server = https.createServer({ cert: tls.cert, key: tls.key }, handler(options.root, base));
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port === undefined ? 0 : options.port, host, resolve);
  });
  const port = server.address().port;
  return { server, port, url: `https://${host === "127.0.0.1" ? "localhost" : host}:${port}${base}`, ca: tls.ca };
}

function normaliseBase(base) {
  let b = base.startsWith("/") ? base : `/${base}`;
  if (!b.endsWith("/")) b += "/";
  return b;
}

function parseArgs(argv) {
  const options = { root: "dist", base: "/", port: 8443, host: "127.0.0.1", domains: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === "--port") options.port = Number(value());
    else if (a === "--base") options.base = value();
    else if (a === "--host") options.host = value();
    else if (a === "--cert") options.certFile = value();
    else if (a === "--key") options.keyFile = value();
    else if (a === "--domain") options.domains.push(value());
    else if (a.startsWith("--")) throw new Error(`unknown option ${a}`);
    else options.root = a;
  }
  return options;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(path.join(options.root, "manifest.xml"))) {
    throw new Error(
      `${options.root}/manifest.xml not found: build first (ADDIN_URL=https://host:port${normaliseBase(options.base)} npm run build)`,
    );
  }
  if (options.certFile) options.cert = fs.readFileSync(options.certFile);
  if (options.keyFile) options.key = fs.readFileSync(options.keyFile);
  const { url } = await startHttpsServer(options);
  const manifest = fs.readFileSync(path.join(options.root, "manifest.xml"), "utf8");
  const built = (/<SourceLocation DefaultValue="([^"]+)taskpane\.html"/.exec(manifest) || [])[1];
  console.log(`[serve] ${path.resolve(options.root)} on ${url}`);
  console.log(`[serve]   ${url}taskpane.html   ${url}help/   ${url}manifest.xml`);
  if (built && built !== url)
    console.log(`[serve] Note: this dist/ was built for ${built}; its manifest points there, not here.`);
  if (!options.cert)
    console.log(
      "[serve] The certificate is a throwaway one: browsers and Office will not trust it (use --cert/--key for a real one).",
    );
  console.log("[serve] Ctrl+C stops it.");
}

if (require.main === module) {
  main().catch((error) => {
    console.error(`[serve] ${error.message}`);
    process.exit(1);
  });
}

module.exports = { startHttpsServer, cacheControl };
