/**
 * SALES.FORECAST (/work/shared/spec/forecast.md): additive Holt-Winters on monthly or quarterly history, agreeing
 * with LibreOffice Calc 7.4's FORECAST.ETS.ADD / FORECAST.ETS.STAT.ADD on month numbers to the last bit where the
 * spec's Appendix A says so.
 *
 * Everything numeric below follows Appendix A one IEEE-754 operation at a time: the parameter search compares MSEs,
 * and a last-bit difference can change which α, β, γ it picks. So: no reassociation, compensated sums exactly where
 * the spec has Σ̃, plain left-to-right sums everywhere else.
 */
import type { Cell, Lang, Matrix } from "./types";
import { divError, numError, valueError, cellError, XlError } from "./errors";
import {
  asMatrix,
  boolArg,
  displayText,
  formatNumber,
  isBlank,
  normalizeText,
  parseDateText,
  parseNumber,
  scalarOf,
  yesNo,
} from "./coerce";

// ---------------------------------------------------------------------------------------------------------------
// §A.2 Compensated sum Σ̃ and rtl::math::approxEqual
// ---------------------------------------------------------------------------------------------------------------

const E48 = 1 / (16777216 * 16777216); // 2^-48
const E44 = E48 * 16; // 2^-44
const MAX_SAFE = 9007199254740991; // 2^53 - 1

function isWholeUpTo53(x: number): boolean {
  return x <= MAX_SAFE && Math.trunc(x) === x;
}

/** rtl::math::approxEqual as §A.2 states it. */
export function approxEqual(a: number, b: number): boolean {
  if (a === b) return true;
  if (a === 0 || b === 0) return false;
  const d = Math.abs(a - b);
  if (!Number.isFinite(d)) return false;
  const absA = Math.abs(a);
  const absB = Math.abs(b);
  if (d > absA * E44 || d > absB * E44) return false;
  if (isWholeUpTo53(d) && isWholeUpTo53(absA) && isWholeUpTo53(absB)) return false;
  return d < absA * E48 && d < absB * E48;
}

/**
 * The compensated sum of §A.2: a Neumaier sum that keeps the most recent non-zero addend aside (p) and adds it
 * last, returning 0 when it cancels the rest within approxEqual. State (s, c, p).
 */
export class CompensatedSum {
  private s: number;
  private c = 0;
  private p = 0;

  constructor(start = 0) {
    this.s = start;
  }

  add(x: number): void {
    // NaN !== 0, so a NaN is queued like any other addend (as in C++, where NaN converts to true).
    if (x === 0) return;
    if (this.p === 0) {
      this.p = x;
      return;
    }
    this.neumaier(this.p);
    this.p = x;
  }

  private neumaier(x: number): void {
    const t = this.s + x;
    if (Math.abs(this.s) >= Math.abs(x)) this.c += this.s - t + x;
    else this.c += x - t + this.s;
    this.s = t;
  }

  value(): number {
    const total = this.s + this.c;
    if (this.p === 0) return total;
    const p = this.p;
    if (((p < 0 && total > 0) || (total < 0 && p > 0)) && approxEqual(p, -total)) return 0;
    this.neumaier(p);
    this.p = 0;
    return this.s + this.c;
  }

  /** "divide by q" of §A.2: the state becomes (value ÷ q, 0, 0). */
  divideBy(q: number): void {
    if (this.p !== 0) this.s = this.value() / q;
    else this.s = (this.s + this.c) / q;
    this.c = 0;
    this.p = 0;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Months
// ---------------------------------------------------------------------------------------------------------------

/** Excel's last date, 9999-12-31. */
const MAX_SERIAL = 2958465;

/**
 * Month number k = 12·YEAR + MONTH − 1 of a whole serial ≥ 1, by integer calendar arithmetic (days → civil date,
 * proleptic Gregorian), with Excel's 1900 quirk as coerce.ts reads it: before serial 61 a serial counts from
 * 1899-12-31. No Date objects: readRows calls it once per distinct day.
 */
export function monthOfSerial(whole: number): number {
  let z = whole >= 61 ? whole - 25569 : whole - 25568; // days since 1970-01-01
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return 12 * year + month - 1;
}

/** "YYYY-MM" of a month number. */
export function monthLabel(k: number): string {
  const year = Math.floor(k / 12);
  const month = k - 12 * year + 1;
  return `${year}-${month < 10 ? "0" : ""}${month}`;
}

// ---------------------------------------------------------------------------------------------------------------
// §A.1 Preparing the series
// ---------------------------------------------------------------------------------------------------------------

/** Excel's aggregation codes: 1 average, 2 count, 3 counta, 4 max, 5 median, 6 min, 7 sum. */
export type AggregationCode = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** The history after aggregation and completion: y₀ … y₍ₙ₋₁₎ at months k₀ + i·step. */
export interface PreparedSeries {
  k0: number;
  step: number;
  y: Float64Array;
  /** Months that had data (after aggregation), before completion. */
  monthsWithData: number;
  /** Periods inserted by completion. */
  completed: number;
}

/**
 * §A.1 steps 2–6 on rows already mapped to month numbers. `months` and `values` are the kept rows in row order.
 * Grouping by month in row order is the stable sort of step 2 followed by step 3.
 */
export function prepareSeries(
  months: ArrayLike<number>,
  values: ArrayLike<number>,
  count: number,
  aggregation: AggregationCode,
  completeWithAverage: boolean,
): PreparedSeries {
  if (count === 0) throw valueError("no data row: values has no number with a date");
  let kMin = Infinity;
  let kMax = -Infinity;
  for (let i = 0; i < count; i++) {
    const k = months[i];
    if (k < kMin) kMin = k;
    if (k > kMax) kMax = k;
  }
  const span = kMax - kMin + 1;
  const rowsIn = new Float64Array(span);
  const acc = new Float64Array(span);
  const needsMedian = aggregation === 5;
  for (let i = 0; i < count; i++) {
    const slot = months[i] - kMin;
    const v = values[i];
    const seen = rowsIn[slot]++;
    switch (aggregation) {
      case 1:
      case 7:
        acc[slot] = seen === 0 ? v : acc[slot] + v;
        break;
      case 4:
        if (seen === 0 || v > acc[slot]) acc[slot] = v;
        break;
      case 6:
        if (seen === 0 || v < acc[slot]) acc[slot] = v;
        break;
      default:
        break;
    }
  }
  let distinct = 0;
  for (let s = 0; s < span; s++) if (rowsIn[s] > 0) distinct++;
  const ks = new Float64Array(distinct);
  const ys = new Float64Array(distinct);
  let medianStart: Float64Array | undefined;
  let medianValues: Float64Array | undefined;
  if (needsMedian) {
    // Values of each month side by side (counting sort by month, row order kept), then each month sorted.
    medianStart = new Float64Array(span + 1);
    for (let s = 0; s < span; s++) medianStart[s + 1] = medianStart[s] + rowsIn[s];
    const fill = medianStart.slice(0, span);
    medianValues = new Float64Array(count);
    for (let i = 0; i < count; i++) medianValues[fill[months[i] - kMin]++] = values[i];
  }
  let d = 0;
  for (let s = 0; s < span; s++) {
    const c = rowsIn[s];
    if (c === 0) continue;
    ks[d] = kMin + s;
    switch (aggregation) {
      case 1:
        ys[d] = acc[s] / c;
        break;
      case 2:
      case 3:
        ys[d] = c;
        break;
      case 5: {
        const from = (medianStart as Float64Array)[s];
        const group = (medianValues as Float64Array).subarray(from, from + c).sort();
        const h = Math.floor(c / 2);
        ys[d] = c % 2 === 1 ? group[h] : (group[h] + group[h - 1]) / 2;
        break;
      }
      default:
        ys[d] = acc[s];
    }
    d++;
  }
  if (distinct < 2) throw valueError(`fewer than 2 periods: the history has only ${monthLabel(ks[0])}`);

  // Step 4: the smallest spacing; every spacing a multiple of it.
  let step = Infinity;
  for (let i = 1; i < distinct; i++) step = Math.min(step, ks[i] - ks[i - 1]);
  let inserted = 0;
  for (let i = 1; i < distinct; i++) {
    const gap = ks[i] - ks[i - 1];
    if (gap % step !== 0) {
      throw valueError(
        `the periods are not evenly spaced (step ${step}, gap of ${gap} after ${monthLabel(ks[i - 1])})`,
      );
    }
    inserted += gap / step - 1;
  }
  // Step 6 (checked before filling, as the count is known): LibreOffice's test, inserted ÷ months with data > 0.3.
  if (inserted / distinct > 0.3) {
    throw valueError(
      `${inserted} of ${distinct + inserted} periods are missing: more than 30% of the ${distinct} periods with data`,
    );
  }
  // Step 5: completion.
  const n = distinct + inserted;
  const y = new Float64Array(n);
  let j = 0;
  y[j++] = ys[0];
  for (let i = 1; i < distinct; i++) {
    const g = (ks[i] - ks[i - 1]) / step;
    if (g > 1) {
      const fill = completeWithAverage ? (ys[i] + ys[i - 1]) / 2 : 0;
      for (let q = 1; q < g; q++) y[j++] = fill;
    }
    y[j++] = ys[i];
  }
  return { k0: ks[0], step, y, monthsWithData: distinct, completed: inserted };
}

// ---------------------------------------------------------------------------------------------------------------
// §A.5 Season detection
// ---------------------------------------------------------------------------------------------------------------

/** LibreOffice's CalcPeriodLen (§A.5): the season length with the smallest mean error; 1 = none. */
export function detectSeasonLength(y: ArrayLike<number>): number {
  const n = y.length;
  let best = Number.MAX_VALUE;
  let result = n;
  for (let L = Math.floor(n / 2); L >= 1; L--) {
    const P = Math.floor(n / L);
    const sum = new CompensatedSum();
    for (let i = n - P * L + 1; i < n - L; i++) {
      sum.add(Math.abs(y[i] - y[i - 1] - (y[i + L] - y[i + L - 1])));
    }
    const e = sum.value() / ((P - 1) * L - 1);
    if (e <= best || e === 0) {
      result = L;
      best = e;
    }
  }
  return result;
}

// ---------------------------------------------------------------------------------------------------------------
// §A.3 – §A.8 The model
// ---------------------------------------------------------------------------------------------------------------

export interface EtsFit {
  /** Season length in the filter: 0 = none (Holt). */
  L: number;
  alpha: number;
  /** Trend smoothing. */
  beta: number;
  /** Season smoothing (0 without a season). */
  gamma: number;
  level: Float64Array;
  trend: Float64Array;
  season: Float64Array;
  /** One-step forecasts ŷ (ŷ₀ = y₀). */
  yhat: Float64Array;
  mae: number;
  mse: number;
  rmse: number;
  smape: number;
  mase: number;
}

/** Thrown by fitEts when season p (0-based) averages exactly 0 (§A.4); the caller names it. */
export class ZeroSeasonError extends Error {
  constructor(readonly season: number) {
    super(`season ${season + 1} averages 0`);
  }
}

/**
 * Fits the additive model to y with a season of L ≥ 2 periods, or none (L = 0): initial state (§A.3/§A.4), the
 * nested bracket search (§A.8) over the filter (§A.6), and the statistics of the last pass (§A.7).
 */
export function fitEts(yIn: ArrayLike<number>, L: number): EtsFit {
  const y = Float64Array.from(yIn);
  const n = y.length;
  const level = new Float64Array(n);
  const trend = new Float64Array(n);
  const season = new Float64Array(L >= 2 ? n : 0);
  const yhat = new Float64Array(n);
  yhat[0] = y[0];
  const seasonal = L >= 2;

  if (!seasonal) {
    level[0] = y[0];
    trend[0] = (y[n - 1] - y[0]) / (n - 1);
  } else {
    const b = new CompensatedSum();
    for (let i = 0; i < L; i++) {
      b.add(y[i + L]);
      b.add(-y[i]);
    }
    trend[0] = b.value() / (L * L);
    const P = Math.floor(n / L);
    const averages = new Float64Array(P);
    for (let p = 0; p < P; p++) {
      const a = new CompensatedSum();
      for (let j = 0; j < L; j++) a.add(y[p * L + j]);
      a.divideBy(L);
      averages[p] = a.value();
      if (averages[p] === 0) throw new ZeroSeasonError(p);
    }
    for (let j = 0; j < L; j++) {
      const s = new CompensatedSum();
      for (let p = 0; p < P; p++) s.add(y[p * L + j] - (averages[p] + (j - 0.5 * (L - 1)) * trend[0]));
      season[j] = s.value() / P;
    }
    if (L < n) season[L] = 0;
    level[0] = y[0] / season[0];
  }

  let alpha = 0;
  let beta = 0;
  let gamma = 0;
  const m = n - 1;

  /** One filter pass (§A.6) with the MSE of §A.7 folded in (same order of addition). Returns the MSE. */
  const pass = (): number => {
    const a1 = 1 - alpha;
    const b1 = 1 - beta;
    // Σ̃(e·e), inlined: state (s, c, p).
    let s = 0;
    let c = 0;
    let p = 0;
    if (!seasonal) {
      for (let i = 1; i < n; i++) {
        const lPrev = level[i - 1];
        const bPrev = trend[i - 1];
        const l = alpha * y[i] + a1 * (lPrev + bPrev);
        level[i] = l;
        trend[i] = beta * (l - lPrev) + b1 * bPrev;
        const f = lPrev + bPrev;
        yhat[i] = f;
        const e = f - y[i];
        const x = e * e;
        if (x !== 0) {
          if (p === 0) p = x;
          else {
            const t = s + p;
            if (Math.abs(s) >= Math.abs(p)) c += s - t + p;
            else c += p - t + s;
            s = t;
            p = x;
          }
        }
      }
    } else {
      const g1 = 1 - gamma;
      for (let i = 1; i < n; i++) {
        const r = i > L ? i - L : i;
        const lPrev = level[i - 1];
        const bPrev = trend[i - 1];
        const l = alpha * (y[i] - season[r]) + a1 * (lPrev + bPrev);
        level[i] = l;
        season[i] = gamma * (y[i] - l) + g1 * season[r];
        trend[i] = beta * (l - lPrev) + b1 * bPrev;
        const f = lPrev + bPrev + season[r];
        yhat[i] = f;
        const e = f - y[i];
        const x = e * e;
        if (x !== 0) {
          if (p === 0) p = x;
          else {
            const t = s + p;
            if (Math.abs(s) >= Math.abs(p)) c += s - t + p;
            else c += p - t + s;
            s = t;
            p = x;
          }
        }
      }
    }
    let total = s + c;
    if (p !== 0) {
      if (((p < 0 && total > 0) || (total < 0 && p > 0)) && approxEqual(p, -total)) total = 0;
      else {
        const t = s + p;
        if (Math.abs(s) >= Math.abs(p)) c += s - t + p;
        else c += p - t + s;
        s = t;
        total = s + c;
      }
    }
    return total / m;
  };

  /** minimise(set, inner) of §A.8: eval(v) = set(v), inner(), one pass → MSE. */
  const minimise = (set: (v: number) => void, inner: () => void): void => {
    const evaluate = (v: number): number => {
      set(v);
      inner();
      return pass();
    };
    let lo = 0;
    let hi = 1;
    let mid = 0.5;
    let eLo = evaluate(lo);
    let eHi = evaluate(hi);
    let eMid = evaluate(mid);
    if (eLo === eMid && eMid === eHi) {
      evaluate(0);
      return;
    }
    while (hi - mid > 0.001) {
      if (eHi > eLo) {
        hi = mid;
        eHi = eMid;
        mid = (lo + mid) / 2;
      } else {
        lo = mid;
        eLo = eMid;
        mid = (mid + hi) / 2;
      }
      eMid = evaluate(mid);
    }
    if (eHi > eLo) {
      if (eLo < eMid) evaluate(lo);
    } else if (eHi < eMid) {
      evaluate(hi);
    }
  };

  const setAlpha = (v: number): void => {
    alpha = v;
  };
  const setBeta = (v: number): void => {
    beta = v;
  };
  const setGamma = (v: number): void => {
    gamma = v;
  };
  const betaSearch = (): void => minimise(setBeta, () => undefined);
  if (seasonal) minimise(setAlpha, () => minimise(setGamma, betaSearch));
  else minimise(setAlpha, betaSearch);

  // §A.7 on the state of the last pass.
  const absErr = new CompensatedSum();
  const sqErr = new CompensatedSum();
  const pctErr = new CompensatedSum();
  const divisor = new CompensatedSum();
  for (let i = 1; i < n; i++) {
    const e = yhat[i] - y[i];
    absErr.add(Math.abs(e));
    sqErr.add(e * e);
    pctErr.add(Math.abs(e) / (Math.abs(yhat[i]) + Math.abs(y[i])));
  }
  for (let i = 2; i < n; i++) divisor.add(Math.abs(y[i] - y[i - 1]));
  const sumAbs = absErr.value();
  const mse = sqErr.value() / m;
  return {
    L: seasonal ? L : 0,
    alpha,
    beta,
    gamma,
    level,
    trend,
    season,
    yhat,
    mae: sumAbs / m,
    mse,
    rmse: Math.sqrt(mse),
    smape: (pctErr.value() * 2) / m,
    mase: sumAbs / ((m * divisor.value()) / (m - 1)),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// §A.9 / §A.10 Forecasts and bounds
// ---------------------------------------------------------------------------------------------------------------

/** G(q) of §A.10: the model q whole steps after the last period. */
function ahead(fit: EtsFit, q: number): number {
  const last = fit.level.length - 1;
  const base = fit.level[last] + q * fit.trend[last];
  if (fit.L < 2) return base;
  return base + fit.season[last - fit.L + (q % fit.L)];
}

/** §A.10: the forecast for month number t (t ≥ k₀). */
export function forecastAt(series: PreparedSeries, fit: EtsFit, t: number): number {
  const { k0, step, y } = series;
  const n = y.length;
  const kLast = k0 + (n - 1) * step;
  if (t <= kLast) {
    const j = Math.trunc((t - k0) / step);
    const f = (t - k0) % step;
    let F = y[j];
    if (f >= 0.001) F = F + (f / step) * (fit.yhat[j + 1] - F);
    return F;
  }
  const j = Math.trunc((t - kLast) / step);
  const f = (t - kLast) % step;
  let F = ahead(fit, j);
  if (f >= 0.001) F = F + (f / step) * (ahead(fit, j + 1) - F);
  return F;
}

/** w(j) of §A.9 for whole steps j ≥ 0 (w(0) = 0: the last history period). */
function halfWidthSteps(fit: EtsFit, z: number, j: number): number {
  if (j === 0) return 0;
  let V = 1;
  for (let q = 1; q < j; q++) {
    const cq = fit.alpha * (1 + fit.beta * q) + (fit.L >= 2 && q % fit.L === 0 ? fit.gamma * (1 - fit.alpha) : 0);
    V = V + cq * cq;
  }
  return z * fit.rmse * Math.sqrt(V);
}

/** §A.9: the half-width of the bounds for month t after the history, interpolated between steps like the forecast. */
export function halfWidthAt(series: PreparedSeries, fit: EtsFit, z: number, t: number): number {
  const kLast = series.k0 + (series.y.length - 1) * series.step;
  const j = Math.trunc((t - kLast) / series.step);
  const f = (t - kLast) % series.step;
  let w = halfWidthSteps(fit, z, j);
  if (f >= 0.001) w = w + (f / series.step) * (halfWidthSteps(fit, z, j + 1) - w);
  return w;
}

// ---------------------------------------------------------------------------------------------------------------
// NORM.S.INV: Wichura's AS 241 (PPND16), accurate to about 1e-16 relative.
// ---------------------------------------------------------------------------------------------------------------

function rational(x: number, num: readonly number[], den: readonly number[]): number {
  let a = 0;
  for (let i = num.length - 1; i >= 0; i--) a = a * x + num[i];
  let b = 0;
  for (let i = den.length - 1; i >= 0; i--) b = b * x + den[i];
  return a / b;
}

/* eslint-disable no-loss-of-precision -- AS 241's coefficients digit for digit as published (Wichura 1988), so they
   can be checked against the paper; each literal rounds to the nearest double, which is what the algorithm uses. */
const AS241_A = [
  3.387132872796366608, 133.14166789178437745, 1971.5909503065514427, 13731.693765509461125, 45921.953931549871457,
  67265.770927008700853, 33430.575583588128105, 2509.0809287301226727,
];
const AS241_B = [
  1, 42.313330701600911252, 687.1870074920579083, 5394.1960214247511077, 21213.794301586595867, 39307.89580009271061,
  28729.085735721942674, 5226.495278852545925,
];
const AS241_C = [
  1.42343711074968357734, 4.6303378461565452959, 5.7694972214606914055, 3.64784832476320460504, 1.27045825245236838258,
  0.24178072517745061177, 0.0227238449892691845833, 7.7454501427834140764e-4,
];
const AS241_D = [
  1, 2.05319162663775882187, 1.6763848301838038494, 0.68976733498510000455, 0.14810397642748007459,
  0.0151986665636164571966, 5.475938084995344946e-4, 1.05075007164441684324e-9,
];
const AS241_E = [
  6.6579046435011037772, 5.4637849111641143699, 1.7848265399172913358, 0.29656057182850489123, 0.026532189526576123093,
  0.0012426609473880784386, 2.71155556874348757815e-5, 2.01033439929228813265e-7,
];
const AS241_F = [
  1, 0.59983220655588793769, 0.13692988092273580531, 0.0148753612908506148525, 7.868691311456132591e-4,
  1.8463183175100546818e-5, 1.4215117583164458887e-7, 2.04426310338993978564e-15,
];
/* eslint-enable no-loss-of-precision */

function as241(p: number): number {
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return q * rational(r, AS241_A, AS241_B);
  }
  let r = q < 0 ? p : 1 - p;
  r = Math.sqrt(-Math.log(r));
  const x = r <= 5 ? rational(r - 1.6, AS241_C, AS241_D) : rational(r - 5, AS241_E, AS241_F);
  return q < 0 ? -x : x;
}

// Double-double arithmetic (value = hi + lo, |lo| ≤ ½ ulp(hi)) for the refinement step. No FMA: Dekker's split.
type DD = [number, number];

function twoSum(a: number, b: number): DD {
  const s = a + b;
  const bb = s - a;
  return [s, a - (s - bb) + (b - bb)];
}

function quickTwoSum(a: number, b: number): DD {
  const s = a + b;
  return [s, b - (s - a)];
}

function twoProd(a: number, b: number): DD {
  const p = a * b;
  const SPLIT = 134217729; // 2^27 + 1
  let t = SPLIT * a;
  const aHi = t - (t - a);
  const aLo = a - aHi;
  t = SPLIT * b;
  const bHi = t - (t - b);
  const bLo = b - bHi;
  return [p, aHi * bHi - p + aHi * bLo + aLo * bHi + aLo * bLo];
}

function ddAdd(a: DD, b: DD): DD {
  const [s, e] = twoSum(a[0], b[0]);
  const [t, f] = twoSum(a[1], b[1]);
  let [hi, lo] = quickTwoSum(s, e + t);
  [hi, lo] = quickTwoSum(hi, lo + f);
  return [hi, lo];
}

function ddMul(a: DD, b: DD): DD {
  const [p, e] = twoProd(a[0], b[0]);
  return quickTwoSum(p, e + (a[0] * b[1] + a[1] * b[0]));
}

function ddDivNumber(a: DD, d: number): DD {
  const q1 = a[0] / d;
  const [p, e] = twoProd(q1, d);
  const q2 = (a[0] - p - e + a[1]) / d;
  return quickTwoSum(q1, q2);
}

const INV_SQRT2: DD = [0.7071067811865476, -4.833646656726457e-17];
const TWO_OVER_SQRT_PI: DD = [1.1283791670955126, 1.533545961316588e-17];

/** erf(u) in double-double by its Maclaurin series; |u| ≤ 4 keeps the cancellation within ~7 of 32 digits. */
function erfDD(u: DD): DD {
  const minusU2 = ddMul(u, u);
  minusU2[0] = -minusU2[0];
  minusU2[1] = -minusU2[1];
  let power: DD = [u[0], u[1]]; // (−1)^k u^(2k+1) / k!
  let sum: DD = [u[0], u[1]];
  for (let k = 1; k < 200; k++) {
    power = ddDivNumber(ddMul(power, minusU2), k);
    const term = ddDivNumber(power, 2 * k + 1);
    sum = ddAdd(sum, term);
    if (Math.abs(term[0]) < 1e-34 * Math.abs(sum[0])) break;
  }
  return ddMul(sum, TWO_OVER_SQRT_PI);
}

/**
 * The standard normal quantile Φ⁻¹(p) for 0 < p < 1 (NORM.S.INV): Wichura's AS 241 (a few ulp), then one Newton
 * step on Φ(x) − p computed in double-double, which brings it to the correctly rounded value or next to it.
 * Beyond |x| = 5.5 (p outside about (2e-8, 1 − 2e-8)) AS 241 alone is kept.
 */
export function normSInv(p: number): number {
  if (!(p > 0 && p < 1)) return NaN;
  const x = as241(p);
  if (Math.abs(x) > 5.5) return x;
  const erf = erfDD(ddMul([x, 0], INV_SQRT2));
  // Φ(x) − p = ½·(erf + (1 − 2p)); 2p is exact.
  const residual = ddAdd(erf, twoSum(1, -2 * p));
  const r = (residual[0] + residual[1]) / 2;
  const density = Math.exp(-(x * x) / 2) / Math.sqrt(2 * Math.PI);
  return x - r / density;
}

// ---------------------------------------------------------------------------------------------------------------
// Arguments
// ---------------------------------------------------------------------------------------------------------------

/** `seasonality` as written: yearly (the default), none, auto, or a length. */
export type SeasonalityOption =
  { kind: "yearly" } | { kind: "none" } | { kind: "auto" } | { kind: "length"; L: number };

const YEARLY_WORDS = new Set(["yearly", "年"]);
const NONE_WORDS = new Set(["none", "无"]);
const AUTO_WORDS = new Set(["auto", "自动"]);

export function parseSeasonality(value: Cell): SeasonalityOption {
  const v = scalarOf(value, "seasonality");
  if (isBlank(v)) return { kind: "yearly" };
  throwIfError(v, "seasonality");
  const n = typeof v === "boolean" ? undefined : parseNumber(v);
  if (n !== undefined) {
    if (!Number.isInteger(n) || n < 0) {
      throw numError(
        `seasonality must be a whole number of periods ≥ 0 (or yearly, none, auto), not ${formatNumber(n)}`,
      );
    }
    if (n === 0) return { kind: "none" };
    if (n === 1) return { kind: "auto" };
    return { kind: "length", L: n };
  }
  const word = normalizeText(v);
  if (YEARLY_WORDS.has(word)) return { kind: "yearly" };
  if (NONE_WORDS.has(word)) return { kind: "none" };
  if (AUTO_WORDS.has(word)) return { kind: "auto" };
  throw valueError(`seasonality "${displayText(v)}" is not yearly, none, auto or a number of periods`);
}

/** `data_completion`: true = average of the neighbours (default), false = 0. */
export function parseCompletion(value: Cell): boolean {
  const v = scalarOf(value, "data_completion");
  if (isBlank(v)) return true;
  throwIfError(v, "data_completion");
  if (typeof v === "boolean") return v;
  const n = parseNumber(v);
  if (n !== undefined) {
    if (n === 1) return true;
    if (n === 0) return false;
    throw numError(`data_completion must be 1 (average) or 0 (zero), not ${formatNumber(n)}`);
  }
  const word = normalizeText(v);
  if (word === "average" || word === "avg" || word === "平均") return true;
  if (word === "zero" || word === "零") return false;
  const yn = yesNo(v);
  if (yn === "yes") return true;
  if (yn === "no") return false;
  throw valueError(`data_completion "${displayText(v)}" is not average, zero, TRUE or FALSE`);
}

const AGGREGATION_WORDS: Record<string, AggregationCode> = {
  average: 1,
  avg: 1,
  mean: 1,
  平均: 1,
  count: 2,
  计数: 2,
  counta: 3,
  max: 4,
  最大: 4,
  median: 5,
  中位数: 5,
  min: 6,
  最小: 6,
  sum: 7,
  求和: 7,
  合计: 7,
};

export function parseAggregation(value: Cell): AggregationCode {
  const v = scalarOf(value, "aggregation");
  if (isBlank(v)) return 7;
  throwIfError(v, "aggregation");
  const n = typeof v === "boolean" ? undefined : parseNumber(v);
  if (n !== undefined) {
    if (!Number.isInteger(n) || n < 1 || n > 7) {
      throw numError(`aggregation must be a code from 1 to 7 (1 average … 7 sum), not ${formatNumber(n)}`);
    }
    return n as AggregationCode;
  }
  const code = AGGREGATION_WORDS[normalizeText(v)];
  if (code === undefined) {
    throw valueError(`aggregation "${displayText(v)}" is not one of average, count, counta, max, median, min, sum`);
  }
  return code;
}

/** `confidence`: undefined = no bounds; else a level strictly between 0 and 1. */
export function parseConfidence(value: Cell): number | undefined {
  const v = scalarOf(value, "confidence");
  if (isBlank(v)) return undefined;
  throwIfError(v, "confidence");
  const n = typeof v === "boolean" ? undefined : parseNumber(v);
  if (n === undefined) throw valueError(`confidence "${displayText(v)}" is not a number`);
  if (!(n > 0 && n < 1)) {
    throw numError(`confidence must be strictly between 0 and 1 (for example 0.95 or "95%"), not ${formatNumber(n)}`);
  }
  return n;
}

/** `horizon`: a count of periods after the history, or target months (in order). */
export type Horizon = { kind: "default" } | { kind: "count"; count: number } | { kind: "targets"; months: number[] };

export function parseHorizon(value: Cell): Horizon {
  if (value === null || value === undefined) return { kind: "default" };
  const m = asMatrix(value);
  const cells: Cell[] = [];
  for (const row of m) for (const c of row) cells.push(c);
  if (cells.length === 1) {
    const v = cells[0];
    if (isBlank(v)) return { kind: "default" };
    const err = cellError(v);
    if (err !== undefined) throw valueError(`horizon holds the error ${err.code}`);
    const n = typeof v === "number" ? v : typeof v === "string" ? parseNumber(v) : undefined;
    if (n !== undefined && n < 601) {
      if (!Number.isInteger(n) || n < 1) {
        throw numError(
          `horizon must be a whole number of periods from 1 to 600, or target dates, not ${formatNumber(n)}`,
        );
      }
      return { kind: "count", count: n };
    }
  }
  const months: number[] = [];
  cells.forEach((v, i) => {
    if (isBlank(v)) return;
    const where = cells.length === 1 ? "horizon" : `horizon cell ${i + 1}`;
    const err = cellError(v);
    if (err !== undefined) throw valueError(`${where} holds the error ${err.code}`);
    const serial = targetSerial(v);
    if (serial === undefined) {
      if (typeof v === "number" || (typeof v === "string" && parseNumber(v) !== undefined)) {
        throw valueError(`${where}: ${displayText(v)} is neither a date nor, in a list of targets, a period count`);
      }
      throw valueError(`${where} "${displayText(v)}" is not a date`);
    }
    months.push(monthOfSerial(serial));
  });
  if (months.length === 0) return { kind: "default" };
  return { kind: "targets", months };
}

/** A target date: a serial ≥ 601 (time of day dropped; numeric text too) or a text date. */
function targetSerial(v: Cell): number | undefined {
  let n: number | undefined;
  if (typeof v === "number") n = v;
  else if (typeof v === "string") {
    const d = parseDateText(v);
    if (d !== undefined) return d;
    n = parseNumber(v);
  }
  if (n === undefined || !Number.isFinite(n) || n < 601 || n >= MAX_SERIAL + 1) return undefined;
  return Math.floor(n);
}

function throwIfError(v: Cell, name: string): void {
  const err = cellError(v);
  if (err !== undefined) throw new XlError(err.code, `${name} is the error ${err.code}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Rows
// ---------------------------------------------------------------------------------------------------------------

/** Reads cell i of a 1-D (or 2-D, row by row) range without copying it. */
function cellReader(m: Matrix): { count: number; at: (i: number) => Cell; column?: Matrix } {
  const rows = m.length;
  const width = rows === 0 ? 0 : m[0].length;
  if (width === 1) return { count: rows, at: (i) => m[i][0], column: m };
  if (rows === 1) return { count: width, at: (i) => m[0][i] };
  return { count: rows * width, at: (i) => m[Math.floor(i / width)][i % width] };
}

/** A date cell holding exactly 0 is blank: Excel hands some blank cells to custom functions as 0. */
function isBlankDate(v: Cell): boolean {
  return v === 0 || isBlank(v);
}

/**
 * The kept rows (§ "Rows"): month numbers and values in row order. Rows blank in both are skipped, rows with a date
 * and no value are ignored, everything else must be a number with a date.
 */
export function readRows(values: unknown, dates: unknown): { months: Int32Array; values: Float64Array; count: number } {
  const vr = cellReader(asMatrix(values));
  const dr = cellReader(asMatrix(dates));
  if (vr.count !== dr.count) {
    throw valueError(`values has ${vr.count} cells but dates has ${dr.count}: they must be the same size`);
  }
  const n = vr.count;
  const months = new Int32Array(n);
  const out = new Float64Array(n);
  // Month numbers of the ±45 years around the first date, each computed once (a deal table repeats its days).
  const table = new Int32Array(CACHE_DAYS);
  let base = NaN;
  let count = 0;
  const vm = vr.column;
  const dm = dr.column;
  const simple = vm !== undefined && dm !== undefined;
  for (let i = 0; i < n; i++) {
    let v: Cell;
    let d: Cell;
    if (simple) {
      v = vm[i][0];
      d = dm[i][0];
    } else {
      v = vr.at(i);
      d = dr.at(i);
    }
    let whole: number;
    let value: number;
    // The common case (a number and a serial) inline; anything else by the rules in readRow.
    if (typeof v === "number" && typeof d === "number" && d >= 1 && d < MAX_SERIAL + 1) {
      whole = Math.floor(d);
      value = v;
    } else if (readRow(i, v, d)) {
      whole = rowWhole;
      value = rowValue;
    } else continue;
    if (base !== base) base = whole - CACHE_DAYS / 2;
    const slot = whole - base;
    let k = slot >= 0 && slot < CACHE_DAYS ? table[slot] : 0;
    if (k === 0) {
      k = monthOfSerial(whole);
      if (slot >= 0 && slot < CACHE_DAYS) table[slot] = k;
    }
    months[count] = k;
    out[count++] = value;
  }
  return { months, values: out, count };
}

const CACHE_DAYS = 1 << 15;

// readRow's results (module scope: no allocation per row).
let rowValue = 0;
let rowWhole = 0;

/**
 * One row by the rules of § "Rows": true when it is kept (rowValue, rowWhole set), false when it is skipped or
 * ignored; throws #VALUE! naming the row otherwise.
 */
function readRow(i: number, v: Cell, d: Cell): boolean {
  let value: number | undefined;
  if (typeof v === "number") value = v;
  else if (isBlank(v)) value = undefined;
  else {
    const err = cellError(v);
    if (err !== undefined) throw rowError(i, `values holds the error ${err.code}`);
    value = typeof v === "string" ? parseNumber(v) : undefined;
    if (value === undefined) throw rowError(i, `value "${displayText(v)}" is not a number`);
  }
  let whole: number;
  if (typeof d === "number" && d >= 1 && d < MAX_SERIAL + 1) whole = Math.floor(d);
  else if (isBlankDate(d)) {
    if (value === undefined || (value === 0 && typeof v === "number")) return false;
    throw rowError(i, "has a value but no date", true);
  } else {
    const err = cellError(d);
    if (err !== undefined) throw rowError(i, `dates holds the error ${err.code}`);
    const serial = typeof d === "string" ? parseDateText(d) : undefined;
    if (serial === undefined) throw rowError(i, `date "${displayText(d)}" is not a date`);
    whole = serial;
  }
  if (value === undefined) return false;
  rowValue = value;
  rowWhole = whole;
  return true;
}

function rowError(i: number, what: string, bare = false): XlError {
  return valueError(bare ? `row ${i + 1} ${what}` : `row ${i + 1}: ${what}`);
}

// ---------------------------------------------------------------------------------------------------------------
// SALES.FORECAST
// ---------------------------------------------------------------------------------------------------------------

const LABELS = {
  en: {
    period: "Period",
    forecast: "Forecast",
    lower: "Lower",
    upper: "Upper",
    statistic: "Statistic",
    value: "Value",
    stats: [
      "Alpha (level)",
      "Beta (trend)",
      "Gamma (season)",
      "MASE",
      "SMAPE",
      "MAE",
      "RMSE",
      "Step (months)",
      "Seasonality (periods)",
      "Periods used",
      "Periods completed",
    ],
  },
  zh: {
    period: "期间",
    forecast: "预测",
    lower: "下限",
    upper: "上限",
    statistic: "统计量",
    value: "值",
    stats: [
      "Alpha（水平）",
      "Beta（趋势）",
      "Gamma（季节）",
      "MASE",
      "SMAPE",
      "MAE",
      "RMSE",
      "步长（月）",
      "季节长度（期）",
      "使用期数",
      "补齐期数",
    ],
  },
} as const;

/** Everything SALES.FORECAST computes before it lays out a table (also what the LibreOffice cross-check reads). */
export interface ForecastModel {
  series: PreparedSeries;
  fit: EtsFit;
  /** FORECAST.ETS.STAT type 9: L used, 0 = none, 1 = auto found none. */
  seasonalityStat: number;
}

/** auto's search is quadratic in n: 12,000 periods (1,000 years of months) keeps it under a second. */
const MAX_AUTO_PERIODS = 12000;

/** Resolves the season length and fits the model (the errors of the spec's Errors section). */
export function buildModel(series: PreparedSeries, option: SeasonalityOption): ForecastModel {
  const n = series.y.length;
  let L = 0;
  let stat = 0;
  switch (option.kind) {
    case "none":
      break;
    case "yearly": {
      if (12 % series.step === 0) {
        const year = 12 / series.step;
        if (year >= 2 && n >= 2 * year) L = year;
      }
      stat = L;
      break;
    }
    case "auto": {
      if (n > MAX_AUTO_PERIODS) {
        throw numError(
          `seasonality auto looks at most ${MAX_AUTO_PERIODS} periods; the history has ${n}: give the season length`,
        );
      }
      const detected = detectSeasonLength(series.y);
      stat = detected;
      L = detected === 1 ? 0 : detected;
      break;
    }
    case "length":
      L = option.L;
      stat = L;
      break;
  }
  if (L >= 2 && n < 2 * L) {
    throw valueError(`a season of ${L} periods needs at least ${2 * L} periods; the history has ${n}`);
  }
  let fit: EtsFit;
  try {
    fit = fitEts(series.y, L);
  } catch (e) {
    if (e instanceof ZeroSeasonError) {
      const from = series.k0 + e.season * L * series.step;
      const to = from + (L - 1) * series.step;
      throw divError(
        `season ${e.season + 1} (${monthLabel(from)} to ${monthLabel(to)}) averages 0: start the history at the first sale, or use seasonality 0`,
      );
    }
    throw e;
  }
  if (!Number.isFinite(fit.rmse)) {
    throw numError(
      "the fitted model is not finite: the history has no seasonal pattern for this season length (for example a flat history or a straight line); use seasonality 0",
    );
  }
  return { series, fit, seasonalityStat: stat };
}

/**
 * SALES.FORECAST(values, dates, [horizon], [seasonality], [data_completion], [aggregation], [confidence], [show_stats]).
 */
export function forecast(
  values: unknown,
  dates: unknown,
  horizon?: unknown,
  seasonality?: unknown,
  dataCompletion?: unknown,
  aggregation?: unknown,
  confidence?: unknown,
  showStats?: unknown,
  lang: Lang = "en",
): Matrix {
  const horizonArg = parseHorizon(horizon);
  const season = parseSeasonality(seasonality as Cell);
  const completion = parseCompletion(dataCompletion as Cell);
  const agg = parseAggregation(aggregation as Cell);
  const level = parseConfidence(confidence as Cell);
  const stats = boolArg(showStats as Cell, "show_stats", false);

  const rows = readRows(values, dates);
  const series = prepareSeries(rows.months, rows.values, rows.count, agg, completion);
  const model = buildModel(series, season);
  const { fit } = model;
  const labels = LABELS[lang];

  if (stats) {
    const n = series.y.length;
    const numbers = [
      fit.alpha,
      fit.beta,
      fit.gamma,
      fit.mase,
      fit.smape,
      fit.mae,
      fit.rmse,
      series.step,
      model.seasonalityStat,
      n,
      series.completed,
    ];
    const out: Matrix = [[labels.statistic, labels.value]];
    numbers.forEach((x, i) => out.push([labels.stats[i], Number.isFinite(x) ? x : ""]));
    return out;
  }

  const kLast = series.k0 + (series.y.length - 1) * series.step;
  let targets: number[];
  if (horizonArg.kind === "targets") {
    targets = horizonArg.months;
    for (const t of targets) {
      if (t < series.k0) {
        throw numError(`target ${monthLabel(t)} is before the history, which starts in ${monthLabel(series.k0)}`);
      }
    }
  } else {
    const count = horizonArg.kind === "count" ? horizonArg.count : Math.ceil(12 / series.step);
    targets = [];
    for (let i = 1; i <= count; i++) targets.push(kLast + i * series.step);
  }

  const z = level === undefined ? NaN : normSInv((1 + level) / 2);
  const out: Matrix = [
    level === undefined
      ? [labels.period, labels.forecast]
      : [labels.period, labels.forecast, labels.lower, labels.upper],
  ];
  for (const t of targets) {
    const F = forecastAt(series, fit, t);
    if (!Number.isFinite(F)) throw numError(`the forecast for ${monthLabel(t)} is not a finite number`);
    if (level === undefined) {
      out.push([monthLabel(t), F]);
    } else if (t <= kLast) {
      out.push([monthLabel(t), F, "", ""]);
    } else {
      const w = halfWidthAt(series, fit, z, t);
      const lower = F - w;
      const upper = F + w;
      if (!Number.isFinite(lower) || !Number.isFinite(upper)) {
        throw numError(`the bounds for ${monthLabel(t)} are not finite numbers`);
      }
      out.push([monthLabel(t), F, lower, upper]);
    }
  }
  return out;
}
