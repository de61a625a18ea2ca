#!/usr/bin/env node

"use strict";
/**
 * `npm run validate`: offline structural check of a manifest (see scripts/manifest-check.js).
 * Usage: node scripts/validate-manifest.js [manifest.xml] [--dist dist]
 *   npm run validate                                   ./manifest.xml (development URLs) against dist/
 *   npm run validate -- dist/manifest.xml --dist dist  the manifest a deployment build wrote (ADDIN_URL)
 * Every URL must be HTTPS and under the manifest's base URL (the folder of its task pane page). With --dist
 * (default when dist/ exists), every URL must name a file in that folder, and the function metadata there must
 * stay within the CustomFunctionsRuntime level the manifest declares.
 */
const fs = require("fs");
const path = require("path");
const { checkManifest, declaredSets } = require("./manifest-check");
const { metadataUses, requiredLevel, compareVersions } = require("./custom-functions-requirements");

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
  const { problems, root, baseUrl } = checkManifest(fs.readFileSync(manifestPath, "utf8"), { distDir });

  if (root && distDir && fs.existsSync(path.join(distDir, "functions.json"))) {
    const metadata = JSON.parse(fs.readFileSync(path.join(distDir, "functions.json"), "utf8"));
    const { level, unknown } = requiredLevel(metadataUses(metadata).uses);
    const declared = declaredSets(root).CustomFunctionsRuntime;
    if (!declared || compareVersions(declared, level) < 0) {
      problems.push(
        `functions.json needs CustomFunctionsRuntime ${level}; the manifest declares ${declared || "none"}`,
      );
    }
    for (const u of unknown)
      problems.push(`functions.json: ${u.where} sets ${u.property}, whose requirement set is not known here`);
  }

  const where = path.relative(process.cwd(), manifestPath);
  console.log(
    `Checking ${where} offline` +
      (distDir
        ? ` against ${path.relative(process.cwd(), distDir) || "."}/`
        : " (run `npm run build` first to also check the URLs against dist/)") +
      (baseUrl ? `, base URL ${baseUrl}.` : "."),
  );
  console.log(
    "Note: Microsoft's full validation (`npx office-addin-manifest validate manifest.xml`) sends the manifest to an",
  );
  console.log("online Microsoft service; it is not run here. Run it before publishing when you have internet access.");
  if (problems.length === 0) {
    console.log(
      "Manifest OK: structure, resource ids, string lengths, HTTPS URLs under one base, icons, shared runtime wiring and requirement sets.",
    );
    return 0;
  }
  console.error(`Manifest has ${problems.length} problem(s):`);
  for (const p of problems) console.error(`  - ${p}`);
  return 1;
}

process.exitCode = main(process.argv);
