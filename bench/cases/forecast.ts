/**
 * SALES.FORECAST over a deal table at Excel's row limit: 1,048,576 deals closed over 60 months (dates with a time of
 * day, in no order, a few amounts as numeric text), 12 months ahead with 95% bounds, through the public custom
 * function. Baseline: a bare scan of the same two columns in the same process; the bar is ≤ 5×.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { BenchCase } from "../types";
import { againstScan, bareScan } from "../lib";
import { forecast } from "../../src/functions/functions";

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST_DAY = 44197; // 2021-01-01
const DAYS = 1826; // 60 months

function deals(n: number): { amounts: any[][]; dates: any[][] } {
  const rnd = prng(60);
  const amounts: any[][] = new Array(n);
  const dates: any[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    const day = Math.floor(rnd() * DAYS);
    const season = 1 + 0.3 * Math.sin((2 * Math.PI * day) / 365.25);
    const amount = Math.round(500 + rnd() * 20000 * season * (1 + day / DAYS));
    amounts[i] = [rnd() < 0.01 ? amount.toLocaleString("en-US") : amount];
    dates[i] = [FIRST_DAY + day + Math.floor(rnd() * 86400) / 86400];
  }
  return { amounts, dates };
}

export const cases: Record<string, BenchCase> = {
  forecast: ({ scale, time }) => {
    const n = Math.round(1_048_576 * scale);
    const { amounts, dates } = deals(n);
    const scanMs = time(() => bareScan(amounts, dates));
    let rows = 0;
    const ms = time(
      () => forecast(amounts, dates, 12 as any, null, null, null, 0.95, null),
      5,
      (out) => {
        rows = out.length;
        if (out.length !== 13 || typeof out[12][1] !== "number")
          throw new Error(`unexpected FORECAST result ${JSON.stringify(out)}`);
      },
    );
    return [
      againstScan("FORECAST, 60 months of deals, 12 ahead, bounds", n, ms, scanMs, 5, `${rows - 1} forecast rows`),
    ];
  },
};
