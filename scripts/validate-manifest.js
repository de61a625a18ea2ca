#!/usr/bin/env node
/* eslint-disable no-console */
"use strict";
/**
 * `npm run validate`: offline structural check of manifest.xml (see scripts/manifest-check.js).
 * Usage: node scripts/validate-manifest.js [manifest.xml] [--dist dist]
 * With --dist (default when dist/ exists), every https://localhost:3000/ URL must name a file in that folder.
 */
const fs = require("fs");
const path = require("path");
const { checkManifest } = require("./manifest-check");

function main(argv) {
  const args = argv.slice(2);
  const distFlag = args.indexOf("--dist");
  let distDir;
  if (distFlag >= 0) {
    distDir = path.resolve(args[distFlag + 1] || "dist");
    args.splice(distFlag, 2);
  } else if (fs.existsSync(path.resolve("dist", "functions.json"))) {
    distDir = path.resolve("dist");
  }
  const manifestPath = path.resolve(args[0] || "manifest.xml");
  const { problems } = checkManifest(fs.readFileSync(manifestPath, "utf8"), { distDir });

  console.log(`Checking ${path.relative(process.cwd(), manifestPath)} offline` + (distDir ? ` against ${path.relative(process.cwd(), distDir)}/` : " (run `npm run build` first to also check the URLs against dist/)") + ".");
  console.log(
    "Note: Microsoft's full validation (`npx office-addin-manifest validate manifest.xml`) sends the manifest to an",
  );
  console.log("online Microsoft service; it is not run here. Run it before publishing when you have internet access.");
  if (problems.length === 0) {
    console.log("Manifest OK: structure, resource ids, string lengths, HTTPS URLs, icons and shared runtime wiring.");
    return 0;
  }
  console.error(`Manifest has ${problems.length} problem(s):`);
  for (const p of problems) console.error(`  - ${p}`);
  return 1;
}

process.exitCode = main(process.argv);
