"use strict";
/**
 * Three projects, one `npm test`:
 *  - unit: node, engine + functions + host/metadata/manifest checks (needs dist/, see globalSetup)
 *  - dom:  jsdom, the React task pane
 *  - e2e:  node driving Chromium through playwright-core
 * TypeScript is transpiled per file (tsconfig "isolatedModules": true → ts-jest transpileModule): type
 * errors are `npm run lint`'s job, which keeps the test run fast on a 2-core machine.
 */
const fs = require("fs");
const path = require("path");

const tsTransform = { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "<rootDir>/tsconfig.json" }] };
const ignored = ["/node_modules/", "<rootDir>/dist/"];
const optional = (file) => (fs.existsSync(path.join(__dirname, file)) ? [`<rootDir>/${file}`] : []);

module.exports = {
  projects: [
    {
      displayName: "unit",
      rootDir: __dirname,
      testEnvironment: "node",
      transform: tsTransform,
      testMatch: ["<rootDir>/test/**/*.test.ts"],
      testPathIgnorePatterns: [...ignored, "<rootDir>/test/e2e/", "<rootDir>/test/taskpane/"],
      setupFiles: ["<rootDir>/test/support/setupCustomFunctions.ts", "<rootDir>/test/support/fastCheck.ts"],
      // Builds dist/ when it is missing or older than its sources (host, manifest and metadata tests read it).
      globalSetup: "<rootDir>/scripts/jest-ensure-build.js",
    },
    {
      displayName: "dom",
      rootDir: __dirname,
      testEnvironment: "jsdom",
      transform: tsTransform,
      testMatch: [
        "<rootDir>/test/taskpane/**/*.test.ts",
        "<rootDir>/test/taskpane/**/*.test.tsx",
        "<rootDir>/test/**/*.test.tsx",
      ],
      testPathIgnorePatterns: [...ignored, "<rootDir>/test/e2e/"],
      setupFilesAfterEnv: ["@testing-library/jest-dom", ...optional("test/taskpane/setup.ts")],
      moduleNameMapper: {
        "\\.(css|svg|png|jpg)$": "<rootDir>/scripts/jest-file-stub.js",
        "^@fluentui/react-charts$": "<rootDir>/scripts/jest-charts-stub.js",
      },
    },
    {
      displayName: "e2e",
      rootDir: __dirname,
      testEnvironment: "node",
      transform: tsTransform,
      testMatch: ["<rootDir>/test/e2e/**/*.test.ts"],
      testPathIgnorePatterns: ignored,
      setupFilesAfterEnv: ["<rootDir>/scripts/jest-e2e-timeout.js"],
      globalSetup: "<rootDir>/scripts/jest-ensure-build.js",
    },
  ],
};
