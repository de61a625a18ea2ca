/** Targets (formulas.md §5): SPLIT, TARGETPLAN, ACTIVITYPLAN. All splits work in whole units of 10^-decimals. */
import type { Cell, Lang, Matrix } from "./types";
import { cellError, numError, valueError } from "./errors";
import {
  asMatrix,
  dateArg,
  displayText,
  flatten,
  formatNumber,
  intArg,
  isBlank,
  isOmitted,
  isTextBlank,
  normalizeText,
  numberArg,
  parseNumber,
  positionName,
  scalarOf,
  serialToIso,
  serialToYearMonth,
  serialToYmd,
  textKey,
  weekdayMonday0,
  ymdToSerial,
  reshape,
  columnOf,
} from "./coerce";
import { readWorkingDayRule, type WorkingDayRule } from "./workdays";

/** Rounds half away from zero, treating values within floating noise of .5 as exactly .5. */
export function roundHalfAway(x: number): number {
  const a = Math.abs(x);
  const f = Math.floor(a);
  const frac = a - f;
  const r = frac >= 0.5 - 1e-9 ? f + 1 : f;
  return x < 0 ? -r : r;
}

/** How far from an integer a computed share may be and still count as that integer (floating-point noise only). */
export function noiseTolerance(x: number): number {
  return Math.max(1e-9, Math.abs(x) * 1e-13);
}

/** Total in whole units: |T| rounded half away from zero to 10^-decimals. */
export function toUnits(total: number, decimals: number): number {
  // Scale through decimal text: 1.005 × 100 is 100.49999… in binary but 100.5 in the user's decimal world.
  const scaled = Number((Math.abs(total) * 10 ** decimals).toPrecision(15));
  return roundHalfAway(scaled);
}

/** Whole units back to a value. Integer ÷ an exact power of ten is correctly rounded: the nearest double. */
export function fromUnits(units: number, decimals: number): number {
  return decimals === 0 ? units : units / POW10[decimals];
}

const POW10 = [1, 10, 100, 1000, 10000, 100000, 1000000];

const SAFE = Number.MAX_SAFE_INTEGER;

/**
 * The weights as exact integers on a common decimal scale (0.2 and 0.3 → 2 and 3), so that shares and
 * remainders can be computed exactly and two equal remainders compare equal. Returns undefined when that is
 * not possible in safe doubles (the caller then uses BigInt).
 */
function integerWeights(weights: ArrayLike<number>): Float64Array | undefined {
  const n = weights.length;
  let scale = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i];
    if (Number.isInteger(w)) {
      if (w > SAFE) return undefined;
      continue;
    }
    const decimals = decimalsOf(w);
    if (decimals === undefined) return undefined;
    if (decimals > scale) scale = decimals;
  }
  if (scale === 0) return Float64Array.from(weights as ArrayLike<number>);
  if (scale > 15) return undefined;
  const factor = 10 ** scale;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = Math.round(weights[i] * factor);
    if (v > SAFE) return undefined;
    out[i] = v;
  }
  return out;
}

const POWERS_OF_TEN = Array.from({ length: 16 }, (_, d) => 10 ** d);

/**
 * How many decimals a non-integer weight has as written (its shortest round-trip text, as String() gives it):
 * the fewest d for which the d-decimal number nearest to w reads back as w. Below 2^51 units that number is
 * Math.round(w·10^d) (the product's error is under half a unit) and m / 10^d is exactly how a decimal text is read,
 * so the test is exact without forming text. Undefined past 15 decimals or 2^51 units (the caller uses BigInt).
 */
export function decimalsOf(w: number): number | undefined {
  for (let d = 1; d <= 15; d++) {
    const p = POWERS_OF_TEN[d];
    const m = Math.round(w * p);
    if (Math.abs(m) >= 2 ** 51) return undefined;
    if (m / p === w) return d;
  }
  return undefined;
}

/** A weight's exact decimal value as mantissa × 10^-scale (from its shortest round-trip text). */
function decimalParts(w: number): { mantissa: bigint; scale: number } {
  const [coef, expText] = String(w).split("e");
  const exp = expText === undefined ? 0 : Number(expText);
  const dot = coef.indexOf(".");
  const digits = dot < 0 ? coef : coef.slice(0, dot) + coef.slice(dot + 1);
  const fraction = dot < 0 ? 0 : coef.length - dot - 1;
  return { mantissa: BigInt(digits), scale: fraction - exp };
}

/**
 * Largest-remainder split of `units` whole units over `weights` (all ≥ 0): floor of each exact share, then one unit
 * each to the largest fractional remainders (ties: larger weight, then earlier position). All-zero weights → equal.
 * Shares and remainders are computed exactly (integers on a common scale), so ties are real ties.
 * Returns integer parts summing exactly to `units`.
 */
export function splitUnits(units: number, weights: ArrayLike<number>): Float64Array {
  const n = weights.length;
  const parts = new Float64Array(n);
  if (n === 0 || units === 0) return parts;
  let anyPositive = false;
  for (let i = 0; i < n; i++) if (weights[i] > 0) anyPositive = true;
  const source: ArrayLike<number> = anyPositive ? weights : new Float64Array(n).fill(1);
  const W = integerWeights(source);
  if (W !== undefined) {
    let S = 0;
    let maxW = 0;
    for (let i = 0; i < n; i++) {
      S += W[i];
      if (W[i] > maxW) maxW = W[i];
    }
    if (S <= SAFE && S * maxW <= SAFE && units <= SAFE) return splitExactDouble(units, W, S, parts);
  }
  return splitExactBig(units, source, parts);
}

function splitExactDouble(units: number, W: Float64Array, S: number, parts: Float64Array): Float64Array {
  const n = W.length;
  // units·W/S = a·W + b·W/S with units = a·S + b: every product stays below 2^53, so all of it is exact.
  let a = Math.floor(units / S);
  let b = units - a * S;
  if (b < 0) {
    a--;
    b += S;
  } else if (b >= S) {
    a++;
    b -= S;
  }
  const rem = new Float64Array(n);
  let assigned = 0;
  for (let i = 0; i < n; i++) {
    const t = b * W[i];
    let f = Math.floor(t / S);
    let r = t - f * S;
    if (r < 0) {
      f--;
      r += S;
    } else if (r >= S) {
      f++;
      r -= S;
    }
    parts[i] = a * W[i] + f;
    rem[i] = r;
    assigned += parts[i];
  }
  let missing = units - assigned;
  if (missing <= 0) return parts;
  // The `missing` largest remainders each get a unit. A histogram finds the cut in linear time; only the
  // remainders in the bucket at the cut are sorted (remainder, then larger weight, then earlier position).
  const BUCKETS = 65536;
  const bucketOf = new Uint16Array(n);
  const counts = new Uint32Array(BUCKETS);
  for (let i = 0; i < n; i++) {
    const bucket = Math.min(BUCKETS - 1, Math.floor((rem[i] / S) * BUCKETS));
    bucketOf[i] = bucket;
    counts[bucket]++;
  }
  let cutBucket = BUCKETS - 1;
  let above = 0;
  while (cutBucket > 0 && above + counts[cutBucket] < missing) above += counts[cutBucket--];
  const candidates: number[] = [];
  for (let i = 0; i < n; i++) {
    if (rem[i] <= 0) continue;
    if (bucketOf[i] > cutBucket) {
      parts[i] += 1;
      missing--;
    } else if (bucketOf[i] === cutBucket) {
      candidates.push(i);
    }
  }
  if (missing > 0) {
    candidates.sort((x, y) => rem[y] - rem[x] || W[y] - W[x] || x - y);
    for (let j = 0; j < missing && j < candidates.length; j++) parts[candidates[j]] += 1;
  }
  return parts;
}

/** The same split in BigInt, for weights or totals too large or too finely divided for exact doubles. */
function splitExactBig(units: number, weights: ArrayLike<number>, parts: Float64Array): Float64Array {
  const n = weights.length;
  const decimals = Array.from({ length: n }, (_, i) => decimalParts(weights[i]));
  const scale = decimals.reduce((m, d) => Math.max(m, d.scale), 0);
  const W = decimals.map((d) => d.mantissa * 10n ** BigInt(scale - d.scale));
  const S = W.reduce((sum, w) => sum + w, 0n);
  const U = BigInt(units);
  const rem: bigint[] = new Array(n);
  let assigned = 0n;
  for (let i = 0; i < n; i++) {
    const p = U * W[i];
    const q = p / S;
    rem[i] = p - q * S;
    parts[i] = Number(q);
    assigned += q;
  }
  const missing = Number(U - assigned);
  if (missing <= 0) return parts;
  const order = Array.from({ length: n }, (_, i) => i).filter((i) => rem[i] > 0n);
  const cmp = (x: bigint, y: bigint): number => (x > y ? 1 : x < y ? -1 : 0);
  order.sort((x, y) => cmp(rem[y], rem[x]) || cmp(W[y], W[x]) || x - y);
  for (let j = 0; j < missing && j < order.length; j++) parts[order[j]] += 1;
  return parts;
}

/** Non-negative weights of an input range: blank = 0; negative → #NUM!; non-number → #VALUE!. */
function weightsOf(arg: unknown, name: string): { values: Float64Array; m: Matrix; cells: Cell[] } {
  const m = asMatrix(arg);
  const cells = flatten(m);
  const values = new Float64Array(cells.length);
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (typeof c === "number" && Number.isFinite(c)) {
      if (c < 0) throw numError(`${name} has a negative weight ${formatNumber(c)} at ${positionName(m, i)}`);
      values[i] = c;
      continue;
    }
    if (isBlank(c)) continue;
    const err = cellError(c);
    if (err !== undefined) throw valueError(`${name} holds the error ${err.code} at ${positionName(m, i)}`);
    const n = parseNumber(c);
    if (n === undefined) throw valueError(`${name} "${displayText(c)}" at ${positionName(m, i)} is not a number`);
    if (n < 0) throw numError(`${name} has a negative weight ${formatNumber(n)} at ${positionName(m, i)}`);
    values[i] = n;
  }
  return { values, m, cells };
}

function decimalsArg(arg: unknown): number {
  return intArg(arg, "decimals", 0, 0, 6);
}

function signedUnits(total: number, decimals: number): { units: number; sign: number } {
  return { units: toUnits(total, decimals), sign: total < 0 ? -1 : 1 };
}

export function split(totalArg: unknown, weightsArg: unknown, decimalsArgValue?: unknown): Matrix {
  const total = numberArg(totalArg, "total", 0);
  const decimals = decimalsArg(decimalsArgValue);
  const { values, m } = weightsOf(weightsArg, "weights");
  const { units, sign } = signedUnits(total, decimals);
  const parts = splitUnits(units, values);
  // A column (the usual shape): rows are keyed by their whole units, so equal parts share a row without hashing
  // amounts (coerce.ts columnOf).
  if (m.length > 1 && m[0].length === 1)
    return columnOf(parts, parts.length, (u) => fromUnits(sign * (u as number), decimals) + 0);
  const flat: Cell[] = new Array(parts.length);
  for (let i = 0; i < parts.length; i++) flat[i] = fromUnits(sign * parts[i], decimals) + 0;
  return reshape(flat, m);
}

// ---- TARGETPLAN ----

export type Period = "M" | "Q" | "W";
const PERIOD_WORDS: Record<string, Period> = {
  m: "M",
  month: "M",
  月: "M",
  月度: "M",
  monthly: "M",
  q: "Q",
  quarter: "Q",
  季: "Q",
  季度: "Q",
  quarterly: "Q",
  w: "W",
  week: "W",
  周: "W",
  weekly: "W",
};

export function periodArg(arg: unknown): Period {
  const v = scalarOf(arg, "period");
  if (isTextBlank(v)) return "M";
  const p = PERIOD_WORDS[normalizeText(v)];
  if (p === undefined) throw valueError(`Unknown period "${displayText(v)}" (use M, Q or W)`);
  return p;
}

function monthlyWeights(arg: unknown): Float64Array {
  if (isOmitted(arg)) return new Float64Array(12).fill(1);
  const { values } = weightsOf(arg, "seasonality");
  if (values.length === 12) return values;
  if (values.length === 4) {
    const out = new Float64Array(12);
    // Equal thirds of a quarter: the same weight on each of its months keeps the shares exact.
    for (let q = 0; q < 4; q++) for (let j = 0; j < 3; j++) out[q * 3 + j] = values[q];
    return out;
  }
  if (values.length === 1 && isBlank(flatten(arg)[0])) return new Float64Array(12).fill(1);
  throw valueError(`seasonality needs 12 monthly or 4 quarterly weights, not ${values.length}`);
}

/** The 12 plan months: first-day serials and their next-month first days. */
function planMonths(start: number): Array<{ first: number; next: number }> {
  const { year, month } = serialToYmd(start);
  const out: Array<{ first: number; next: number }> = [];
  for (let i = 0; i < 12; i++) {
    const y = year + Math.floor((month - 1 + i) / 12);
    const m = ((month - 1 + i) % 12) + 1;
    const ny = year + Math.floor((month + i) / 12);
    const nm = ((month + i) % 12) + 1;
    out.push({ first: ymdToSerial(y, m, 1), next: ymdToSerial(ny, nm, 1) });
  }
  return out;
}

/**
 * The periods of a plan — TARGETPLAN's rows — and which of them each day of the plan window belongs to. TARGETPLAN
 * spreads its targets over these periods; ACTUALS sums results into the same ones, so the two line up cell for cell.
 */
export interface PlanLayout {
  period: Period;
  /** Row labels in order: `YYYY-MM`, `Q1`…`Q4`, or each week's Monday as `YYYY-MM-DD`. */
  labels: string[];
  /** The plan window: its 12 months, [windowStart, windowEnd) as serials. */
  windowStart: number;
  windowEnd: number;
  /** For each day of the window (index day − windowStart), the index of the period holding it. */
  periodOfDay: Int32Array;
  months: Array<{ first: number; next: number }>;
  /**
   * Weekly layouts: for each plan month, the Monday-based weeks it touches with the month's working days in each
   * (calendar days when the month has no working day) and the period index of each week (−1 when it holds none).
   */
  monthWeeks?: Array<{ weights: number[]; periods: number[] }>;
}

/** TARGETPLAN's periods for `start` (any day of the first month), `period` and the working-day rule. */
export function planLayout(start: number, period: Period, rule: WorkingDayRule): PlanLayout {
  const months = planMonths(start);
  const windowStart = months[0].first;
  const windowEnd = months[11].next;
  const periodOfDay = new Int32Array(windowEnd - windowStart);
  if (period === "M" || period === "Q") {
    for (let i = 0; i < 12; i++) {
      const p = period === "M" ? i : Math.floor(i / 3);
      periodOfDay.fill(p, months[i].first - windowStart, months[i].next - windowStart);
    }
    const labels = period === "M" ? months.map((mo) => serialToYearMonth(mo.first)) : ["Q1", "Q2", "Q3", "Q4"];
    return { period, labels, windowStart, windowEnd, periodOfDay, months };
  }
  // Weeks start on Monday; a week is listed when it holds working days of some month (calendar days of a month
  // that has no working day at all).
  const perMonth: Array<{ mondays: number[]; weights: number[] }> = [];
  const listed = new Set<number>();
  for (let i = 0; i < 12; i++) {
    const { first, next } = months[i];
    const mondays: number[] = [];
    const working: number[] = [];
    const calendar: number[] = [];
    for (let d = first; d < next; d++) {
      const monday = d - weekdayMonday0(d);
      if (mondays.length === 0 || mondays[mondays.length - 1] !== monday) {
        mondays.push(monday);
        working.push(0);
        calendar.push(0);
      }
      const k = mondays.length - 1;
      calendar[k]++;
      if (rule.isWorkingDay(d)) working[k]++;
    }
    const weights = working.some((x) => x > 0) ? working : calendar;
    for (let k = 0; k < mondays.length; k++) if (weights[k] > 0) listed.add(mondays[k]);
    perMonth.push({ mondays, weights });
  }
  const mondays = Array.from(listed).sort((a, b) => a - b);
  const indexOfMonday = new Map(mondays.map((m, p) => [m, p] as const));
  const monthWeeks = perMonth.map(({ mondays: ms, weights }) => ({
    weights,
    periods: ms.map((m, k) => (weights[k] > 0 ? (indexOfMonday.get(m) as number) : -1)),
  }));
  // A day whose week is not listed (no working day in it) belongs to the nearest earlier listed week, or to the
  // first listed week when none is earlier.
  let p = 0;
  for (let d = windowStart; d < windowEnd; d++) {
    const monday = d - weekdayMonday0(d);
    while (p + 1 < mondays.length && mondays[p + 1] <= monday) p++;
    periodOfDay[d - windowStart] = p;
  }
  return { period, labels: mondays.map(serialToIso), windowStart, windowEnd, periodOfDay, months, monthWeeks };
}

/** Whole units of each period of `layout`, from the 12 monthly targets. */
function periodUnits(monthUnits: Float64Array, layout: PlanLayout): number[] {
  if (layout.period === "M") return Array.from(monthUnits);
  if (layout.period === "Q") {
    const units = [0, 0, 0, 0];
    for (let i = 0; i < 12; i++) units[Math.floor(i / 3)] += monthUnits[i];
    return units;
  }
  // Each month's target is spread over the weeks holding its working days, by their number; a week sums its parts.
  const units = new Array<number>(layout.labels.length).fill(0);
  const monthWeeks = layout.monthWeeks as NonNullable<PlanLayout["monthWeeks"]>;
  for (let i = 0; i < 12; i++) {
    const { weights, periods } = monthWeeks[i];
    const parts = splitUnits(monthUnits[i], weights);
    for (let k = 0; k < weights.length; k++) {
      if (weights[k] === 0) continue; // a week with none of the month's working days holds none of its target
      units[periods[k]] += parts[k];
    }
  }
  return units;
}

function ownersOf(ownersArg: unknown, weightsArg: unknown): { names: string[]; weights: Float64Array } | undefined {
  if (isOmitted(ownersArg)) return undefined;
  const m = asMatrix(ownersArg);
  const cells = flatten(m);
  const names: string[] = [];
  const keys = new Set<string>();
  const cellIndex: number[] = [];
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    const err = cellError(c);
    if (err !== undefined) throw valueError(`owners holds the error ${err.code} at ${positionName(m, i)}`);
    if (isTextBlank(c)) continue;
    const key = textKey(c);
    if (keys.has(key)) throw valueError(`Duplicate owner "${displayText(c)}" in owners`);
    keys.add(key);
    names.push(displayText(c));
    cellIndex.push(i);
  }
  if (names.length === 0) return undefined;
  if (isOmitted(weightsArg)) return { names, weights: new Float64Array(names.length).fill(1) };
  const { values } = weightsOf(weightsArg, "owner_weights");
  let weights: Float64Array;
  if (values.length === cells.length) weights = Float64Array.from(cellIndex, (i) => values[i]);
  else if (values.length === names.length) weights = values;
  else throw valueError(`owner_weights has ${values.length} cells but there are ${names.length} owners`);
  return { names, weights };
}

/** floor(x·y/d) and (x·y) mod d for non-negative integers, exactly (BigInt when x·y passes 2^53). */
function mulDivFloor(x: number, y: number, d: number): [number, number] {
  const p = x * y;
  if (p <= SAFE) {
    let q = Math.floor(p / d);
    let r = p - q * d;
    if (r < 0) {
      q--;
      r += d;
    } else if (r >= d) {
      q++;
      r -= d;
    }
    return [q, r];
  }
  const P = BigInt(x) * BigInt(y);
  const D = BigInt(d);
  const q = P / D;
  return [Number(q), Number(P - q * D)];
}

/**
 * Rounds the matrix of exact shares period × owner (P_p × A_o ÷ U) to whole units so that every row sums to its
 * period target and every column to its owner target, each cell the floor or the ceiling of its share. Such a
 * rounding always exists (the cells' fractional parts form a transportation polytope with integral vertices);
 * it is found by a greedy pass on the largest fractional parts and completed by augmenting paths.
 */
export function roundMatrix(rowUnits: number[], colUnits: ArrayLike<number>, totalUnits: number): number[][] {
  const P = rowUnits.length;
  const O = colUnits.length;
  const cells: number[][] = [];
  const frac: Float64Array[] = [];
  const rowNeed = new Array<number>(P).fill(0);
  const colNeed = new Array<number>(O).fill(0);
  for (let o = 0; o < O; o++) colNeed[o] = colUnits[o];
  for (let p = 0; p < P; p++) {
    const row = new Array<number>(O).fill(0);
    const fr = new Float64Array(O);
    let sum = 0;
    for (let o = 0; o < O; o++) {
      if (totalUnits === 0) continue;
      // Exact floor and remainder of P·A/U (the remainder's numerator, over the common denominator U).
      const [f, r] = mulDivFloor(rowUnits[p], colUnits[o], totalUnits);
      row[o] = f;
      fr[o] = r;
      sum += f;
      colNeed[o] -= f;
    }
    rowNeed[p] = rowUnits[p] - sum;
    cells.push(row);
    frac.push(fr);
  }
  // up[p][o] = 1 when cell (p, o) is rounded up; only cells with a fractional part may be.
  const up: Uint8Array[] = cells.map(() => new Uint8Array(O));
  const colOrder = Array.from({ length: O }, (_, o) => o);
  for (let p = 0; p < P; p++) {
    if (rowNeed[p] <= 0) continue;
    const fr = frac[p];
    const candidates = colOrder.filter((o) => fr[o] > 0).sort((a, b) => fr[b] - fr[a] || a - b);
    for (const o of candidates) {
      if (rowNeed[p] === 0) break;
      if (colNeed[o] > 0) {
        up[p][o] = 1;
        rowNeed[p]--;
        colNeed[o]--;
      }
    }
  }
  // Augmenting paths: row p (needs a unit) → column o (unused candidate) → … → a column that still needs one.
  for (let p0 = 0; p0 < P; p0++) {
    while (rowNeed[p0] > 0) {
      const prevCol = new Int32Array(O).fill(-2); // row that reached this column
      const prevRow = new Int32Array(P).fill(-2); // column that reached this row
      prevRow[p0] = -1;
      const queue: number[] = [p0];
      let end = -1;
      search: for (let qi = 0; qi < queue.length; qi++) {
        const p = queue[qi];
        for (let o = 0; o < O; o++) {
          if (prevCol[o] !== -2 || up[p][o] === 1 || !(frac[p][o] > 0)) continue;
          prevCol[o] = p;
          if (colNeed[o] > 0) {
            end = o;
            break search;
          }
          for (let p2 = 0; p2 < P; p2++) {
            if (up[p2][o] === 1 && prevRow[p2] === -2) {
              prevRow[p2] = o;
              queue.push(p2);
            }
          }
        }
      }
      if (end < 0) throw new Error("target matrix rounding found no augmenting path");
      colNeed[end]--;
      rowNeed[p0]--;
      let o = end;
      for (;;) {
        const p = prevCol[o];
        up[p][o] = 1;
        const back = prevRow[p];
        if (back === -1) break;
        up[p][back] = 0;
        o = back;
      }
    }
  }
  for (let p = 0; p < P; p++) for (let o = 0; o < O; o++) cells[p][o] += up[p][o];
  return cells;
}

export const PLAN_LABELS = {
  en: { period: "Period", target: "Target", total: "Total" },
  zh: { period: "期间", target: "目标", total: "合计" },
};

export function targetPlan(
  totalArg: unknown,
  startDateArg: unknown,
  periodArgValue?: unknown,
  seasonalityArg?: unknown,
  ownersArg?: unknown,
  ownerWeightsArg?: unknown,
  decimalsArgValue?: unknown,
  holidaysArg?: unknown,
  lang: Lang = "en",
  workdaysArg?: unknown,
): Matrix {
  const total = numberArg(totalArg, "total", 0);
  const start = dateArg(startDateArg, "start_date");
  const period = periodArg(periodArgValue);
  const weights = monthlyWeights(seasonalityArg);
  const owners = ownersOf(ownersArg, ownerWeightsArg);
  const decimals = decimalsArg(decimalsArgValue);
  const rule = readWorkingDayRule(holidaysArg, workdaysArg);
  const { units, sign } = signedUnits(total, decimals);
  const layout = planLayout(start, period, rule);
  const monthUnits = splitUnits(units, weights);
  const periods = { labels: layout.labels, units: periodUnits(monthUnits, layout) };
  const labels = PLAN_LABELS[lang];
  const value = (u: number): number => fromUnits(sign * u, decimals) + 0;
  const rows: Matrix = [];
  if (owners === undefined) {
    rows.push([labels.period, labels.target]);
    periods.labels.forEach((label, p) => rows.push([label, value(periods.units[p])]));
    rows.push([labels.total, value(units)]);
    return rows;
  }
  const ownerUnits = splitUnits(units, owners.weights);
  const grid = roundMatrix(periods.units, ownerUnits, units);
  rows.push([labels.period, ...owners.names, labels.total]);
  periods.labels.forEach((label, p) => rows.push([label, ...grid[p].map(value), value(periods.units[p])]));
  rows.push([labels.total, ...Array.from(ownerUnits, value), value(units)]);
  return rows;
}

// ---- ACTIVITYPLAN ----

/** Ceiling that ignores floating-point noise: 20 ÷ 0.4 is exactly 50. */
export function ceilClean(x: number): number {
  const r = Math.round(x);
  if (Math.abs(x - r) <= noiseTolerance(x)) return r;
  return Math.ceil(x);
}

export function activityPlan(
  revenueArg: unknown,
  dealSizeArg: unknown,
  conversionsArg: unknown,
  periodsArg?: unknown,
  ownersArg?: unknown,
): Matrix {
  const revenue = numberArg(revenueArg, "revenue_target", 0);
  if (revenue < 0) throw numError(`revenue_target ${formatNumber(revenue)} is negative`);
  const dealSize = numberArg(dealSizeArg, "avg_deal_size", 0);
  if (!(dealSize > 0)) throw numError(`avg_deal_size must be above 0, not ${formatNumber(dealSize)}`);
  const m = asMatrix(conversionsArg);
  const cells = flatten(m);
  const rates: number[] = [];
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    const err = cellError(c);
    if (err !== undefined) throw valueError(`conversions holds the error ${err.code} at ${positionName(m, i)}`);
    const r = isBlank(c) ? 0 : parseNumber(c);
    if (r === undefined) throw valueError(`Conversion "${displayText(c)}" at ${positionName(m, i)} is not a number`);
    if (!(r > 0 && r <= 1)) throw numError(`Conversion ${formatNumber(r)} at ${positionName(m, i)} is not in (0, 1]`);
    rates.push(r);
  }
  const periods = intArg(periodsArg, "periods", 1, 1, Number.MAX_SAFE_INTEGER);
  const owners = intArg(ownersArg, "owners", 1, 1, Number.MAX_SAFE_INTEGER);
  const needs = new Array<number>(rates.length + 1);
  needs[rates.length] = ceilClean(revenue / dealSize);
  for (let i = rates.length - 1; i >= 0; i--) needs[i] = ceilClean(needs[i + 1] / rates[i]);
  const per = periods * owners;
  return needs.map((x) => [per === 1 ? x : ceilClean(x / per)]);
}
