"use strict";
/**
 * `npm run screenshots`: retakes the README's screenshots on purpose. Tests write their screenshots to the
 * git-ignored test-results/screenshots; this runs the end-to-end flow with SCREENSHOT_DIR=docs/screenshots
 * (the pane 360 px wide, en-US and zh-CN), so the README's copies only change when someone asks for it.
 */
const path = require("path");
const { spawnSync } = require("child_process");

const ROOT = path.resolve(__dirname, "..");
const result = spawnSync(
  process.execPath,
  [require.resolve("jest/bin/jest"), "--selectProjects", "e2e", "--runTestsByPath", "test/e2e/preview.e2e.test.ts"],
  { cwd: ROOT, stdio: "inherit", env: { ...process.env, SCREENSHOT_DIR: "docs/screenshots", REQUIRE_E2E: "1" } },
);
process.exit(result.status ?? 1);
