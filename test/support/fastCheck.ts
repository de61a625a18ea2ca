import fc from "fast-check";

/**
 * Property tests run on a fixed seed under CI, so a submission's result does not depend on the draw; elsewhere each
 * run draws a fresh seed (fast-check prints it with any counterexample) and FC_SEED=<n> replays one.
 */
const fixed = process.env.FC_SEED ?? (process.env.CI ? "20261203" : undefined);
if (fixed !== undefined) fc.configureGlobal({ seed: Number(fixed) });
