/**
 * The contract between `bench/bench.ts` (the runner) and the case modules in `bench/cases/`.
 * A case module exports `cases: Record<string, BenchCase>`; `bench/cases/index.ts` lists the modules.
 * The runner runs each case in its own child process (`npm run bench -- --case=<name>`), so a case only ever has
 * its own data in memory.
 */
export interface BenchContext {
  /** 1 for the full run, 0.1 with --quick: multiply row counts by it. */
  scale: number;
  /** Median wall time in ms of `runs` (default 5) calls after one warm-up call; `after` sees each result. */
  time<T>(fn: () => T, runs?: number, after?: (result: T) => void): number;
}

export interface BenchRow {
  /** What is measured, e.g. "ACTUALS weekly × 500 owners". */
  case: string;
  /** Input size (rows, records or calls). */
  rows: number;
  medianMs: number;
  /**
   * The baseline measured in the same process on the same input: a bare scan of the same cells
   * (`bareScan` in bench/lib.ts) or, for per-row calls, one whole-table call over the same rows.
   */
  baselineName?: string;
  baselineMs?: number;
  /** medianMs ÷ baselineMs, and the most it may be (the target). */
  ratio?: number;
  maxRatio?: number;
  /** An absolute target in ms at full size, when one is stated. */
  targetMs?: number;
  /** Anything worth printing beside the row (µs per call, …). */
  note?: string;
}

export type BenchCase = (ctx: BenchContext) => BenchRow[];
