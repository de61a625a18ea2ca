/**
 * Entry point of `npm run bench` (node --expose-gc -r ts-node/register/transpile-only bench/run.ts [--quick]).
 * tsconfig.json compiles to ES modules (for webpack), which Node cannot load through ts-node's require hook;
 * this file therefore has no import/export syntax, re-registers ts-node emitting CommonJS, and loads the bench.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS entry point by design (see above) */
require("ts-node").register({ transpileOnly: true, compilerOptions: { module: "commonjs" } });
require("./bench.ts");
