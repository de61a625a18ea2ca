"use strict";
/**
 * Jest globalSetup: makes sure dist/ holds a production build of the current sources before tests that read
 * it (host, manifest, metadata, e2e) run. Rebuilds only when an output is missing or older than an input, so
 * a fresh clone works after `npm install` alone, and a CI run that already built does not build twice.
 * Set SKIP_BUILD=1 to use dist/ as it is.
 */
const fs = require("fs");
const path = require("path");
const { execFileSync } = require("child_process");

const ROOT = path.resolve(__dirname, "..");
const OUTPUTS = [
  "functions.js",
  "functions.json",
  "functions.zh-cn.json",
  "taskpane.html",
  "taskpane.js",
  "preview.html",
  "manifest.xml",
];
const INPUTS = ["src", "assets", "manifest.xml", "webpack.config.js", "package.json", "tsconfig.json", "scripts"];

function newestMtime(target) {
  let stat;
  try {
    stat = fs.statSync(target);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a deleted file shows up as a newer directory mtime
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

function isBuildStale() {
  const outputTimes = OUTPUTS.map((f) => newestMtime(path.join(ROOT, "dist", f)));
  if (outputTimes.some((t) => t === 0)) return "dist/ is incomplete";
  // `npm start` writes a development build to dist/ (readable, unminified); tests must check what ships.
  const functionsJs = fs.readFileSync(path.join(ROOT, "dist", "functions.js"), "utf8");
  if (functionsJs.includes("webpackBootstrap")) return "dist/ holds a development build";
  const oldestOutput = Math.min(...outputTimes);
  const newestInput = Math.max(...INPUTS.map((f) => newestMtime(path.join(ROOT, f))));
  return newestInput > oldestOutput ? "sources changed since the last build" : undefined;
}

module.exports = async function ensureBuild() {
  if (process.env.SKIP_BUILD === "1") return;
  const reason = isBuildStale();
  if (!reason) return;
  console.log(`\n[jest] ${reason}: running the production build (npm run build)…`);
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
};
module.exports.isBuildStale = isBuildStale;
