#!/usr/bin/env node

"use strict";
/**
 * `npm start`.
 *  - Windows / macOS (desktop Excel available): Microsoft's office-addin-debugging starts the dev server and
 *    sideloads manifest.xml into desktop Excel, as the official templates do. `npm stop` undoes it.
 *  - Linux, or `npm start -- --web`: there is no desktop Excel, so build, serve dist/ over HTTPS on
 *    https://localhost:3000 (webpack-dev-server, writing dist/ to disk too), check that the add-in's files
 *    answer, and print how to sideload manifest.xml into Excel on the web.
 */
const https = require("https");
const path = require("path");
const { spawn } = require("child_process");

const ROOT = path.resolve(__dirname, "..");
const BASE_URL = "https://localhost:3000/";
const ADDIN_FILES = ["manifest.xml", "taskpane.html", "functions.js", "functions.json", "functions.zh-cn.json"];
const READY_TIMEOUT_MS = 10 * 60 * 1000;

function webpackCli() {
  return require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
}

function run(command, args, options = {}) {
  const child = spawn(command, args, { cwd: ROOT, stdio: "inherit", ...options });
  const forward = (signal) => {
    if (child.exitCode === null) child.kill(signal);
  };
  process.on("SIGINT", () => forward("SIGINT"));
  process.on("SIGTERM", () => forward("SIGTERM"));
  return child;
}

function statusOf(url) {
  return new Promise((resolve) => {
    // The dev certificate may be untrusted on this machine (see scripts/dev-certs.js); this is a liveness probe.
    const req = https.get(url, { rejectUnauthorized: false, timeout: 5000 }, (res) => {
      res.resume();
      resolve(res.statusCode || 0);
    });
    req.on("timeout", () => req.destroy());
    req.on("error", () => resolve(0));
  });
}

async function waitForServer(child) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the dev server exited with code ${child.exitCode}`);
    const statuses = await Promise.all(ADDIN_FILES.map((f) => statusOf(BASE_URL + f)));
    if (statuses.every((s) => s === 200)) return;
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`the dev server did not serve ${ADDIN_FILES.join(", ")} within ${READY_TIMEOUT_MS / 60000} minutes`);
}

function printSideloadSteps() {
  const manifest = path.join(ROOT, "manifest.xml");
  console.log(`
────────────────────────────────────────────────────────────────────────────────────────
 Sales Toolkit is served on ${BASE_URL}
   ${ADDIN_FILES.map((f) => BASE_URL + f).join("\n   ")}

 Sideload it into Excel on the web (this machine has no desktop Excel):
   1. If the certificate is not trusted (see [certs] above), open ${BASE_URL}taskpane.html
      in the same browser first and accept the certificate warning.
   2. Open https://excel.cloud.microsoft (or office.com → Excel) and create or open a workbook.
   3. Home → Add-ins → More Add-ins (or Insert → Add-ins) → My Add-ins → Upload My Add-in.
   4. Browse to ${manifest} and choose Upload.
   5. The "Sales Toolkit" button appears on the Home tab; type =SALES. in a cell for the functions.
   The browser must run on this machine (the add-in is on localhost). Stop the server with Ctrl+C.
────────────────────────────────────────────────────────────────────────────────────────
`);
}

async function startForWeb() {
  console.log("Building and serving the add-in (webpack-dev-server, HTTPS, port 3000)…");
  const server = run(process.execPath, [webpackCli(), "serve", "--mode", "development"]);
  server.on("exit", (code, signal) => {
    process.exitCode = code === null ? (signal === "SIGINT" || signal === "SIGTERM" ? 0 : 1) : code;
  });
  try {
    await waitForServer(server);
  } catch (err) {
    console.error(`npm start: ${err.message}`);
    if (server.exitCode === null) server.kill("SIGTERM");
    process.exitCode = 1;
    return;
  }
  printSideloadSteps();
}

function startForDesktop() {
  const cli = require.resolve("office-addin-debugging/cli.js", { paths: [ROOT] });
  const args = [
    cli,
    "start",
    "manifest.xml",
    "desktop",
    "--app",
    "excel",
    "--dev-server",
    "npm run dev-server",
    "--dev-server-port",
    "3000",
  ];
  const child = run(process.execPath, args);
  child.on("exit", (code) => {
    process.exitCode = code === null ? 1 : code;
  });
}

const wantsWeb = process.argv.includes("--web") || !["win32", "darwin"].includes(process.platform);
if (wantsWeb) {
  startForWeb();
} else {
  startForDesktop();
}
