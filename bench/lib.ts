/** Helpers shared by the bench runner and its case modules. */
import type { BenchRow } from "./types";

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const gc: () => void = (globalThis as any).gc ?? (() => undefined);

/** Median wall time in ms of `runs` calls after one warm-up call; `after` sees each run's result. */
export function time<T>(fn: () => T, runs = 5, after?: (result: T) => void): number {
  after?.(fn());
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    gc();
    const t0 = process.hrtime.bigint();
    const result = fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    after?.(result);
  }
  return median(times);
}

let sink = 0;
/**
 * The physical floor for a function over these ranges: visit every cell once and look at its type (what any
 * function must at least do). Returns a checksum so the JIT cannot drop the loop.
 */
export function bareScan(...ranges: unknown[][][]): number {
  let acc = 0;
  for (const m of ranges) {
    for (let r = 0; r < m.length; r++) {
      const row = m[r];
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        if (typeof v === "number") acc += v > 0 ? 1 : 0;
        else if (typeof v === "string") acc += v.length;
        else if (v === true) acc += 2;
      }
    }
  }
  sink ^= acc;
  return acc;
}

/** A row comparing `ms` with a bare scan of the same cells measured just before it, in the same process. */
export function againstScan(
  name: string,
  rows: number,
  ms: number,
  scanMs: number,
  maxRatio: number,
  note?: string,
): BenchRow {
  return {
    case: name,
    rows,
    medianMs: round1(ms),
    baselineName: "bare scan of the same cells",
    baselineMs: round1(scanMs),
    ratio: Math.round((ms / scanMs) * 100) / 100,
    maxRatio,
    ...(note ? { note } : {}),
  };
}

export const round1 = (x: number): number => Math.round(x * 10) / 10;

/** Keeps `sink` observable. */
export function scanSink(): number {
  return sink;
}
