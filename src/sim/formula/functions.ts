/**
 * The Excel worksheet functions the simulator evaluates, with Excel 365's semantics: argument counts,
 * conversions, error propagation, lifting over arrays (a function of single values given a range or an
 * array computes per element and spills) and the dynamic-array functions. Each function receives its
 * arguments already evaluated (`Value`: a single value, an array or a reference); IF, IFERROR and IFNA
 * receive thunks because Excel evaluates only the branch it needs. LET and the SALES functions live in
 * the evaluator (calc.ts), which owns names and the custom-function calling contract.
 */
import { MAX_COLUMNS, MAX_ROWS } from "../address";
import { compileCriterion, Matcher, textMatcher } from "./criteria";
import { MAX_SERIAL, daysInMonth, partsFromSerial, serialFromParts, weekdayMonday0 } from "./dates";
import { roundDecimal, RoundMode } from "./round";
import { formatText } from "./text";
import {
  Arr,
  CALC,
  DIV0,
  NA,
  NUM,
  REF,
  Ref,
  Scalar,
  Unsupported,
  VALUE,
  Value,
  XlErr,
  compareScalars,
  mapN,
  numberCompare,
  simplify,
  textCompare,
  toBool,
  toNumber,
  toText,
} from "./values";

/** What a function may ask of the evaluator. */
export interface Env {
  /** The values of a reference (formulas it covers are computed first; whole columns stop at the used range). */
  read(ref: Ref): Arr;
  /** Date serial of today. */
  today(): number;
  /** The 0-based row of the cell whose formula is being computed (for ROW()). */
  row?(): number;
}

type Eager = { min: number; max: number; lazy?: false; fn: (args: Value[], env: Env) => Value };
type Lazy = { min: number; max: number; lazy: true; fn: (args: Array<() => Value>, env: Env) => Value };
export type FunctionDef = Eager | Lazy;

const FUNCTIONS = new Map<string, FunctionDef>();

export function lookupFunction(name: string): FunctionDef | undefined {
  return FUNCTIONS.get(name);
}

export function isKnownFunction(name: string): boolean {
  return FUNCTIONS.has(name) || name === "LET";
}

function define(name: string, def: FunctionDef): void {
  FUNCTIONS.set(name, def);
}

// ---------------------------------------------------------------------------------------------------
// Argument helpers

/** A reference read as values: one cell is its value (blank stays blank), more cells an array. */
export function deref(v: Value, env: Env): Scalar | Arr {
  if (v instanceof Ref) {
    const arr = env.read(v);
    return v.rows === 1 && v.cols === 1 ? arr.data[0] : arr;
  }
  return v;
}

/** Any value as an array (a single value is 1×1). */
function toArr(v: Value, env: Env): Arr {
  if (v instanceof Ref) return env.read(v);
  if (v instanceof Arr) return v;
  return new Arr(1, 1, [v]);
}

/** A single value where Excel expects one and lifting makes no sense (an index, a mode, a flag). */
function single(v: Value, env: Env): Scalar {
  const d = deref(v, env);
  if (d instanceof Arr) {
    if (d.rows === 1 && d.cols === 1) return d.data[0];
    throw new Unsupported("array where a single value is expected");
  }
  return d;
}

function intArg(v: Value, env: Env, fallback: number): number | XlErr {
  const s = single(v, env);
  if (s === null) return fallback;
  const n = toNumber(s);
  return n instanceof XlErr ? n : Math.trunc(n);
}

/** Defines a function of single values, lifted over arrays and ranges element-wise. */
function lifted(name: string, min: number, max: number, f: (xs: Scalar[]) => Scalar, rangesAreErrors = false): void {
  define(name, {
    min,
    max,
    fn: (args, env) => {
      if (rangesAreErrors && args.some((a) => a instanceof Ref && (a.rows > 1 || a.cols > 1))) return VALUE;
      return simplify(
        mapN(
          args.map((a) => deref(a, env)),
          f,
        ),
      );
    },
  });
}

function numberOf(x: Scalar): number | XlErr {
  return toNumber(x);
}

// ---------------------------------------------------------------------------------------------------
// Logic

define("IF", {
  min: 2,
  max: 3,
  lazy: true,
  fn: (args, env) => {
    const cond = deref(args[0](), env);
    const branch = (i: number): Value => (i < args.length ? args[i]() : i === 2 ? false : null);
    if (!(cond instanceof Arr)) {
      const b = toBool(cond);
      if (b instanceof XlErr) return b;
      return b ? branch(1) : branch(2);
    }
    const t = deref(branch(1), env);
    const f = deref(branch(2), env);
    return mapN([cond, t, f], ([c, x, y]) => {
      const b = toBool(c);
      return b instanceof XlErr ? b : b ? x : y;
    });
  },
});

function errorCatcher(name: string, catches: (e: XlErr) => boolean): void {
  define(name, {
    min: 2,
    max: 2,
    lazy: true,
    fn: (args, env) => {
      const v = deref(args[0](), env);
      if (!(v instanceof Arr)) return v instanceof XlErr && catches(v) ? deref(args[1](), env) : v;
      if (!v.data.some((x) => x instanceof XlErr && catches(x))) return v;
      const alt = deref(args[1](), env);
      return mapN([v, alt], ([x, y]) => (x instanceof XlErr && catches(x) ? y : x));
    },
  });
}
errorCatcher("IFERROR", () => true);
errorCatcher("IFNA", (e) => e === NA);

function logical(name: string, combine: (acc: boolean, b: boolean) => boolean, start: boolean): void {
  define(name, {
    min: 1,
    max: 255,
    fn: (args, env) => {
      let acc = start;
      let seen = false;
      for (const a of args) {
        if (a instanceof Ref || a instanceof Arr) {
          const d = toArr(a, env).data;
          for (const v of d) {
            if (v instanceof XlErr) return v;
            if (typeof v === "boolean" || typeof v === "number") {
              acc = combine(acc, typeof v === "boolean" ? v : v !== 0);
              seen = true;
            }
          }
        } else if (a !== null) {
          const b = toBool(a);
          if (b instanceof XlErr) return b;
          acc = combine(acc, b);
          seen = true;
        }
      }
      return seen ? acc : VALUE;
    },
  });
}
logical("AND", (acc, b) => acc && b, true);
logical("OR", (acc, b) => acc || b, false);

lifted("NOT", 1, 1, ([x]) => {
  const b = toBool(x);
  return b instanceof XlErr ? b : !b;
});

define("NA", { min: 0, max: 0, fn: () => NA });
define("TRUE", { min: 0, max: 0, fn: () => true });
define("FALSE", { min: 0, max: 0, fn: () => false });

lifted("ISBLANK", 1, 1, ([x]) => x === null);
lifted("ISNUMBER", 1, 1, ([x]) => typeof x === "number");
lifted("ISTEXT", 1, 1, ([x]) => typeof x === "string");
lifted("ISLOGICAL", 1, 1, ([x]) => typeof x === "boolean");
lifted("ISERROR", 1, 1, ([x]) => x instanceof XlErr);
lifted("ISNA", 1, 1, ([x]) => x === NA);

// ---------------------------------------------------------------------------------------------------
// Aggregation

/** What the aggregates need of one array or range, computed once per array (arrays are immutable). */
interface Summary {
  sum: number;
  numbers: number;
  min: number | undefined;
  max: number | undefined;
  nonBlank: number;
  error: XlErr | undefined;
}

const summaries = new WeakMap<Arr, Summary>();

/**
 * From references and arrays the aggregates take only numbers (text, booleans and blanks are skipped; the
 * first error, row by row, is the result). Memoized per array, so `[@Amount]/SUM([Amount])` down a table
 * adds the column once per recalculation, not once per row.
 */
function summarize(arr: Arr): Summary {
  let s = summaries.get(arr);
  if (s) return s;
  s = { sum: 0, numbers: 0, min: undefined, max: undefined, nonBlank: 0, error: undefined };
  const d = arr.data;
  for (let i = 0; i < d.length; i++) {
    const v = d[i];
    if (v === null) continue;
    s.nonBlank++;
    if (typeof v === "number") {
      s.sum += v;
      s.numbers++;
      if (s.min === undefined || v < s.min) s.min = v;
      if (s.max === undefined || v > s.max) s.max = v;
    } else if (v instanceof XlErr && !s.error) s.error = v;
  }
  summaries.set(arr, s);
  return s;
}

/**
 * The arguments of SUM, AVERAGE, MIN and MAX as one summary: ranges and arrays as `summarize` reads them;
 * values typed directly count when they are numbers, booleans or numeric text (other text is #VALUE!).
 */
function aggregate(args: Value[], env: Env): Summary | XlErr {
  const total: Summary = { sum: 0, numbers: 0, min: undefined, max: undefined, nonBlank: 0, error: undefined };
  const add = (n: number, count: number, min: number | undefined, max: number | undefined) => {
    total.sum += n;
    total.numbers += count;
    if (min !== undefined && (total.min === undefined || min < total.min)) total.min = min;
    if (max !== undefined && (total.max === undefined || max > total.max)) total.max = max;
  };
  for (const a of args) {
    if (a instanceof Ref || a instanceof Arr) {
      const s = summarize(toArr(a, env));
      if (s.error) return s.error;
      add(s.sum, s.numbers, s.min, s.max);
    } else {
      const n = toNumber(a);
      if (n instanceof XlErr) return n;
      add(n, 1, n, n);
    }
  }
  return total;
}

define("SUM", {
  min: 1,
  max: 255,
  fn: (args, env) => {
    const s = aggregate(args, env);
    return s instanceof XlErr ? s : Number.isFinite(s.sum) ? s.sum : NUM;
  },
});

define("AVERAGE", {
  min: 1,
  max: 255,
  fn: (args, env) => {
    const s = aggregate(args, env);
    if (s instanceof XlErr) return s;
    return s.numbers === 0 ? DIV0 : s.sum / s.numbers;
  },
});

define("MIN", {
  min: 1,
  max: 255,
  fn: (args, env) => {
    const s = aggregate(args, env);
    return s instanceof XlErr ? s : (s.min ?? 0);
  },
});

define("MAX", {
  min: 1,
  max: 255,
  fn: (args, env) => {
    const s = aggregate(args, env);
    return s instanceof XlErr ? s : (s.max ?? 0);
  },
});

define("COUNT", {
  min: 1,
  max: 255,
  fn: (args, env) => {
    let count = 0;
    for (const a of args) {
      if (a instanceof Ref || a instanceof Arr) count += summarize(toArr(a, env)).numbers;
      else if (a !== null && !(toNumber(a) instanceof XlErr)) count++;
    }
    return count;
  },
});

define("COUNTA", {
  min: 1,
  max: 255,
  fn: (args, env) => {
    let count = 0;
    for (const a of args) {
      if (a instanceof Ref || a instanceof Arr) count += summarize(toArr(a, env)).nonBlank;
      else if (a !== null) count++;
    }
    return count;
  },
});

define("SUMPRODUCT", {
  min: 1,
  max: 255,
  fn: (args, env) => {
    const arrays = args.map((a) => toArr(a, env));
    const { rows, cols } = arrays[0];
    if (arrays.some((x) => x.rows !== rows || x.cols !== cols)) return VALUE;
    let total = 0;
    const n = rows * cols;
    for (let i = 0; i < n; i++) {
      let product = 1;
      for (const x of arrays) {
        const v = x.data[i];
        if (v instanceof XlErr) return v;
        product *= typeof v === "number" ? v : 0;
      }
      total += product;
    }
    return Number.isFinite(total) ? total : NUM;
  },
});

// ---------------------------------------------------------------------------------------------------
// Conditional aggregation

/** COUNTIF & co. take ranges, not arrays: Excel refuses such a formula, so the simulator does not evaluate it. */
function rangeArg(v: Value): Ref {
  if (v instanceof Ref) return v;
  throw new Unsupported("an array where Excel requires a range");
}

/**
 * Counts (or sums) the rows where every criterion matches. Ranges must all have one shape (#VALUE!).
 * Whole columns are read to the used range; the blank cells beyond it still count where blanks match.
 */
function conditional(env: Env, ranges: Ref[], criteria: Value[], sumRange: Ref | undefined): Value {
  const rows = (sumRange ?? ranges[0]).rows;
  const cols = (sumRange ?? ranges[0]).cols;
  for (const r of ranges) if (r.rows !== rows || r.cols !== cols) return VALUE;
  const data = ranges.map((r) => env.read(r));
  const sums = sumRange ? env.read(sumRange) : undefined;
  const size = data[0].data.length;
  if (data.some((d) => d.data.length !== size) || (sums && sums.data.length !== size))
    throw new Unsupported("whole columns of different sheets");
  const beyond = rows * cols - size;
  const crit = criteria.map((c) => deref(c, env));
  const compute = (values: Scalar[]): Scalar => {
    const matchers: Matcher[] = values.map((v) => compileCriterion(v));
    let count = 0;
    let total = 0;
    for (let i = 0; i < size; i++) {
      let ok = true;
      for (let k = 0; k < matchers.length && ok; k++) ok = matchers[k](data[k].data[i]);
      if (!ok) continue;
      if (sums) {
        const v = sums.data[i];
        if (typeof v === "number") total += v;
        else if (v instanceof XlErr) return v;
      } else count++;
    }
    if (!sums && beyond > 0 && matchers.every((m) => m(null))) count += beyond;
    return sums ? total : count;
  };
  return simplify(mapN(crit, compute));
}

define("COUNTIF", { min: 2, max: 2, fn: (args, env) => conditional(env, [rangeArg(args[0])], [args[1]], undefined) });

define("COUNTIFS", {
  min: 2,
  max: 254,
  fn: (args, env) => {
    if (args.length % 2 !== 0) throw new Unsupported("COUNTIFS needs range/criteria pairs");
    const ranges: Ref[] = [];
    const criteria: Value[] = [];
    for (let i = 0; i < args.length; i += 2) {
      ranges.push(rangeArg(args[i]));
      criteria.push(args[i + 1]);
    }
    return conditional(env, ranges, criteria, undefined);
  },
});

define("SUMIF", {
  min: 2,
  max: 3,
  fn: (args, env) => {
    const range = rangeArg(args[0]);
    let sum = range;
    if (args.length === 3 && args[2] !== null) {
      // Excel sizes sum_range like range, from sum_range's top-left cell.
      const s = rangeArg(args[2]);
      const rect = {
        top: s.rect.top,
        left: s.rect.left,
        bottom: s.rect.top + range.rows - 1,
        right: s.rect.left + range.cols - 1,
      };
      if (rect.bottom >= MAX_ROWS || rect.right >= MAX_COLUMNS) return REF;
      sum = new Ref(s.sheet, rect);
    }
    return conditional(env, [range], [args[1]], sum);
  },
});

define("SUMIFS", {
  min: 3,
  max: 255,
  fn: (args, env) => {
    if (args.length % 2 !== 1) throw new Unsupported("SUMIFS needs range/criteria pairs");
    const sum = rangeArg(args[0]);
    const ranges: Ref[] = [];
    const criteria: Value[] = [];
    for (let i = 1; i < args.length; i += 2) {
      ranges.push(rangeArg(args[i]));
      criteria.push(args[i + 1]);
    }
    return conditional(env, ranges, criteria, sum);
  },
});

// ---------------------------------------------------------------------------------------------------
// Math

function rounding(name: string, mode: RoundMode): void {
  lifted(name, 2, 2, ([x, d]) => {
    const n = numberOf(x);
    if (n instanceof XlErr) return n;
    const digits = numberOf(d);
    if (digits instanceof XlErr) return digits;
    return roundDecimal(n, Math.trunc(digits), mode);
  });
}
rounding("ROUND", "near");
rounding("ROUNDUP", "up");
rounding("ROUNDDOWN", "down");

lifted("ABS", 1, 1, ([x]) => {
  const n = numberOf(x);
  return n instanceof XlErr ? n : Math.abs(n);
});

// ---------------------------------------------------------------------------------------------------
// Dates

define("TODAY", { min: 0, max: 0, fn: (_args, env) => env.today() });

/** ROW(): the formula's own row; ROW(reference): the row of its first cell, or a column of its rows. */
define("ROW", {
  min: 0,
  max: 1,
  fn: (args, env) => {
    if (args.length === 0) {
      if (!env.row) throw new Unsupported("ROW() outside a cell");
      return env.row() + 1;
    }
    const ref = args[0];
    if (!(ref instanceof Ref)) return VALUE;
    if (ref.rows === 1) return ref.rect.top + 1;
    const out: Scalar[] = [];
    for (let r = ref.rect.top; r <= ref.rect.bottom; r++) out.push(r + 1);
    return new Arr(out.length, 1, out);
  },
});

lifted("DATE", 3, 3, ([y, m, d]) => {
  const parts: number[] = [];
  for (const x of [y, m, d]) {
    const n = numberOf(x);
    if (n instanceof XlErr) return n;
    parts.push(Math.trunc(n));
  }
  let [year] = parts;
  if (year < 0 || year >= 10000) return NUM;
  if (year < 1900) year += 1900;
  const serial = serialFromParts(year, parts[1], parts[2]);
  return serial < 0 || serial > MAX_SERIAL ? NUM : serial;
});

function serialArg(x: Scalar): number | XlErr {
  const n = numberOf(x);
  if (n instanceof XlErr) return n;
  return n < 0 || n > MAX_SERIAL ? NUM : n;
}

lifted("YEAR", 1, 1, ([x]) => {
  const s = serialArg(x);
  return s instanceof XlErr ? s : partsFromSerial(s).year;
});
lifted("MONTH", 1, 1, ([x]) => {
  const s = serialArg(x);
  return s instanceof XlErr ? s : partsFromSerial(s).month;
});
lifted("DAY", 1, 1, ([x]) => {
  const s = serialArg(x);
  return s instanceof XlErr ? s : partsFromSerial(s).day;
});

/** The Analysis ToolPak date functions refuse booleans (#VALUE!) and truncate. */
function toolpakNumber(x: Scalar): number | XlErr {
  if (typeof x === "boolean") return VALUE;
  const n = numberOf(x);
  return n instanceof XlErr ? n : Math.trunc(n);
}

function toolpakDate(x: Scalar): number | XlErr {
  const n = toolpakNumber(x);
  if (n instanceof XlErr) return n;
  return n < 0 || n > MAX_SERIAL ? NUM : n;
}

function monthShift(start: Scalar, months: Scalar, endOfMonth: boolean): Scalar {
  const s = toolpakDate(start);
  if (s instanceof XlErr) return s;
  const k = toolpakNumber(months);
  if (k instanceof XlErr) return k;
  const { year, month, day } = partsFromSerial(s);
  const m0 = month - 1 + k;
  const ty = year + Math.floor(m0 / 12);
  const tm = (((m0 % 12) + 12) % 12) + 1;
  if (ty < 1900 || ty > 9999) return NUM;
  const result = endOfMonth
    ? serialFromParts(ty, tm + 1, 0)
    : serialFromParts(ty, tm, Math.min(day, daysInMonth(ty, tm)));
  return result < 0 || result > MAX_SERIAL ? NUM : result;
}

// EDATE and EOMONTH lift over arrays but, like Excel's other former Analysis ToolPak functions, answer
// #VALUE! for a multi-cell range (EOMONTH(A2:A9,0) is #VALUE!; EOMONTH(+A2:A9,0) spills).
lifted("EDATE", 2, 2, ([s, m]) => monthShift(s, m, false), true);
lifted("EOMONTH", 2, 2, ([s, m]) => monthShift(s, m, true), true);

const WEEKEND_CODES: Record<number, string> = {
  1: "0000011",
  2: "1000001",
  3: "1100000",
  4: "0110000",
  5: "0011000",
  6: "0001100",
  7: "0000110",
  11: "0000001",
  12: "1000000",
  13: "0100000",
  14: "0010000",
  15: "0001000",
  16: "0000100",
  17: "0000010",
};

function weekendMask(v: Scalar): boolean[] | XlErr {
  if (v === null) return [false, false, false, false, false, true, true];
  if (v instanceof XlErr) return v;
  if (typeof v === "string") {
    if (!/^[01]{7}$/.test(v) || v === "1111111") return VALUE;
    return [...v].map((c) => c === "1");
  }
  if (typeof v === "boolean") return VALUE;
  const code = WEEKEND_CODES[Math.trunc(v)];
  return code ? [...code].map((c) => c === "1") : NUM;
}

function workdays(start: number, end: number, weekend: boolean[], holidays: Set<number>): number {
  const sign = start <= end ? 1 : -1;
  const [a, b] = start <= end ? [start, end] : [end, start];
  const perWeek = weekend.filter((w) => !w).length;
  const days = b - a + 1;
  const weeks = Math.floor(days / 7);
  let count = weeks * perWeek;
  for (let d = a + weeks * 7; d <= b; d++) if (!weekend[weekdayMonday0(d)]) count++;
  for (const h of holidays) if (h >= a && h <= b && !weekend[weekdayMonday0(h)]) count--;
  return sign * count;
}

define("NETWORKDAYS.INTL", {
  min: 2,
  max: 4,
  fn: (args, env) => {
    if (args.slice(0, 2).some((a) => a instanceof Ref && (a.rows > 1 || a.cols > 1)))
      throw new Unsupported("NETWORKDAYS.INTL over a range of dates");
    const mask = weekendMask(args.length > 2 ? single(args[2], env) : null);
    if (mask instanceof XlErr) return mask;
    const holidays = new Set<number>();
    if (args.length > 3 && args[3] !== null) {
      for (const h of toArr(args[3], env).data) {
        if (h === null) continue;
        if (h instanceof XlErr) return h;
        const n = toolpakDate(h);
        if (n instanceof XlErr) return n;
        holidays.add(n);
      }
    }
    return simplify(
      mapN([deref(args[0], env), deref(args[1], env)], ([s, e]) => {
        const a = toolpakDate(s);
        if (a instanceof XlErr) return a;
        const b = toolpakDate(e);
        if (b instanceof XlErr) return b;
        return workdays(a, b, mask, holidays);
      }),
    );
  },
});

// ---------------------------------------------------------------------------------------------------
// Text

lifted("TEXT", 2, 2, ([v, f]) => {
  if (v instanceof XlErr) return v;
  const format = toText(f);
  if (format instanceof XlErr) return format;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  let n: number;
  if (typeof v === "string") {
    const parsed = toNumber(v);
    if (parsed instanceof XlErr) return v;
    n = parsed;
  } else n = v ?? 0;
  return formatText(n, format);
});

// ---------------------------------------------------------------------------------------------------
// Shape

define("ROWS", {
  min: 1,
  max: 1,
  fn: ([a]) => (a instanceof Ref || a instanceof Arr ? a.rows : a instanceof XlErr ? a : 1),
});
define("COLUMNS", {
  min: 1,
  max: 1,
  fn: ([a]) => (a instanceof Ref || a instanceof Arr ? a.cols : a instanceof XlErr ? a : 1),
});

define("TRANSPOSE", {
  min: 1,
  max: 1,
  fn: ([a], env) => {
    const x = toArr(a, env);
    const out = new Array<Scalar>(x.data.length);
    for (let r = 0; r < x.rows; r++) for (let c = 0; c < x.cols; c++) out[c * x.rows + r] = x.data[r * x.cols + c];
    return simplify(new Arr(x.cols, x.rows, out));
  },
});

/**
 * INDEX(array, row_num, [column_num]). 0 (or an omitted column of a one-column array) selects a whole
 * row or column; a one-row array takes a lone index as its column. Over a reference the result is a
 * reference (so `A1:INDEX(…)` and ROWS(INDEX(…)) work as in Excel).
 */
define("INDEX", {
  min: 2,
  max: 4,
  fn: (args, env) => {
    if (args.length === 4) {
      const area = intArg(args[3], env, 1);
      if (area instanceof XlErr) return area;
      if (area !== 1) return REF;
    }
    const source = args[0];
    const rows = source instanceof Ref || source instanceof Arr ? source.rows : 1;
    const cols = source instanceof Ref || source instanceof Arr ? source.cols : 1;
    const rowArg = deref(args[1], env);
    const colArg = args.length >= 3 ? deref(args[2], env) : null;
    const pick = (rv: Scalar, cv: Scalar): Value => {
      let row = rv === null ? 0 : toNumber(rv);
      let col = cv === null ? 0 : toNumber(cv);
      if (row instanceof XlErr) return row;
      if (col instanceof XlErr) return col;
      row = Math.trunc(row);
      col = Math.trunc(col);
      if (args.length === 2 && rows === 1 && cols > 1) [row, col] = [1, row === 0 ? 0 : row];
      if (row < 0 || col < 0) return VALUE;
      if (row > rows || col > cols) return REF;
      const r0 = row === 0 ? 0 : row - 1;
      const r1 = row === 0 ? rows - 1 : row - 1;
      const c0 = col === 0 ? 0 : col - 1;
      const c1 = col === 0 ? cols - 1 : col - 1;
      if (source instanceof Ref) {
        const rect = {
          top: source.rect.top + r0,
          bottom: source.rect.top + r1,
          left: source.rect.left + c0,
          right: source.rect.left + c1,
        };
        return new Ref(source.sheet, rect);
      }
      const x = toArr(source, env);
      if (r0 === r1 && c0 === c1) return x.at(r0, c0);
      const out: Scalar[] = [];
      for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) out.push(x.at(r, c));
      return new Arr(r1 - r0 + 1, c1 - c0 + 1, out);
    };
    if (!(rowArg instanceof Arr) && !(colArg instanceof Arr)) return pick(rowArg, colArg);
    return simplify(
      mapN([rowArg, colArg], ([rv, cv]) => {
        const v = deref(pick(rv, cv), env);
        if (v instanceof Arr) throw new Unsupported("INDEX lifted over whole rows or columns");
        return v;
      }),
    );
  },
});

// ---------------------------------------------------------------------------------------------------
// Dynamic arrays

/** A value of FILTER's include argument as a keep/drop decision. */
function includeFlag(v: Scalar): boolean | XlErr {
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  if (v === null) return false;
  if (v instanceof XlErr) return v;
  return VALUE;
}

define("FILTER", {
  min: 2,
  max: 3,
  fn: (args, env) => {
    const a = toArr(args[0], env);
    const include = toArr(args[1], env);
    let byRows: boolean;
    if (include.cols === 1 && include.rows === a.rows) byRows = true;
    else if (include.rows === 1 && include.cols === a.cols) byRows = false;
    else return VALUE;
    const kept: number[] = [];
    const flags = include.data;
    for (let i = 0; i < flags.length; i++) {
      const f = includeFlag(flags[i]);
      if (f instanceof XlErr) return f;
      if (f) kept.push(i);
    }
    if (kept.length === 0) return args.length === 3 ? args[2] : CALC;
    if (byRows) {
      if (a.cols === 1) {
        const out = new Array<Scalar>(kept.length);
        for (let i = 0; i < kept.length; i++) out[i] = a.data[kept[i]];
        return simplify(new Arr(kept.length, 1, out));
      }
      const out: Scalar[] = [];
      for (const r of kept) for (let c = 0; c < a.cols; c++) out.push(a.data[r * a.cols + c]);
      return simplify(new Arr(kept.length, a.cols, out));
    }
    const out: Scalar[] = [];
    for (let r = 0; r < a.rows; r++) for (const c of kept) out.push(a.data[r * a.cols + c]);
    return simplify(new Arr(a.rows, kept.length, out));
  },
});

/** Sort order of SORT/SORTBY: numbers, text, FALSE, TRUE, errors; blanks last whichever the direction. */
function sortCompare(a: Scalar, b: Scalar, order: number): number {
  if (a === null || b === null) return a === null ? (b === null ? 0 : 1) : -1;
  const rank = (v: Scalar) => (typeof v === "number" ? 0 : typeof v === "string" ? 1 : typeof v === "boolean" ? 2 : 3);
  const ra = rank(a);
  const rb = rank(b);
  let c: number;
  if (ra !== rb) c = ra < rb ? -1 : 1;
  else if (ra === 0) c = numberCompare(a as number, b as number);
  else if (ra === 1) c = textCompare(a as string, b as string);
  else if (ra === 2) c = a === b ? 0 : a ? 1 : -1;
  else c = 0;
  return c * order;
}

function sortOrderArg(v: Scalar): number | XlErr {
  if (v === null) return 1;
  const n = toNumber(v);
  if (n instanceof XlErr) return n;
  return n === 1 || n === -1 ? n : VALUE;
}

function numbersOf(v: Value, env: Env): Scalar[] {
  return v instanceof Ref || v instanceof Arr ? toArr(v, env).data : [v];
}

/** Rows (or columns) of `a` reordered by `keys` (one key value per row or column), stably. */
function reorder(a: Arr, byCol: boolean, keys: Array<{ values: Scalar[]; order: number }>): Arr {
  const n = byCol ? a.cols : a.rows;
  const idx = new Array<number>(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  const numeric = keys.every((k) => k.values.every((v) => typeof v === "number"));
  if (numeric) {
    idx.sort((i, j) => {
      for (const k of keys) {
        const x = k.values[i] as number;
        const y = k.values[j] as number;
        if (x !== y) {
          const c = numberCompare(x, y);
          if (c !== 0) return c * k.order;
        }
      }
      return i - j;
    });
  } else {
    idx.sort((i, j) => {
      for (const k of keys) {
        const c = sortCompare(k.values[i], k.values[j], k.order);
        if (c !== 0) return c;
      }
      return i - j;
    });
  }
  const out = new Array<Scalar>(a.data.length);
  if (!byCol) {
    for (let r = 0; r < a.rows; r++) for (let c = 0; c < a.cols; c++) out[r * a.cols + c] = a.data[idx[r] * a.cols + c];
  } else {
    for (let r = 0; r < a.rows; r++) for (let c = 0; c < a.cols; c++) out[r * a.cols + c] = a.data[r * a.cols + idx[c]];
  }
  return new Arr(a.rows, a.cols, out);
}

define("SORT", {
  min: 1,
  max: 4,
  fn: (args, env) => {
    const a = toArr(args[0], env);
    const byColArg = args.length > 3 ? single(args[3], env) : null;
    const byCol = toBool(byColArg);
    if (byCol instanceof XlErr) return byCol;
    const indexes = args.length > 1 && args[1] !== null ? numbersOf(args[1], env) : [1];
    const orders = args.length > 2 && args[2] !== null ? numbersOf(args[2], env) : [1];
    if (orders.length !== 1 && orders.length !== indexes.length) return VALUE;
    const keys: Array<{ values: Scalar[]; order: number }> = [];
    for (let k = 0; k < indexes.length; k++) {
      const n = toNumber(indexes[k]);
      if (n instanceof XlErr) return n;
      const index = Math.trunc(n);
      if (index < 1 || index > (byCol ? a.rows : a.cols)) return VALUE;
      const order = sortOrderArg(orders.length === 1 ? orders[0] : orders[k]);
      if (order instanceof XlErr) return order;
      const values: Scalar[] = [];
      if (byCol) for (let i = 0; i < a.cols; i++) values.push(a.at(index - 1, i));
      else for (let i = 0; i < a.rows; i++) values.push(a.at(i, index - 1));
      keys.push({ values, order });
    }
    return simplify(reorder(a, byCol, keys));
  },
});

define("SORTBY", {
  min: 2,
  max: 255,
  fn: (args, env) => {
    const a = toArr(args[0], env);
    const keys: Array<{ values: Scalar[]; order: number }> = [];
    let byCol: boolean | undefined;
    for (let i = 1; i < args.length; i += 2) {
      const by = toArr(args[i], env);
      let col: boolean;
      if (by.cols === 1 && by.rows === a.rows) col = false;
      else if (by.rows === 1 && by.cols === a.cols) col = true;
      else return VALUE;
      if (a.rows === 1 && a.cols === 1) col = false;
      if (byCol !== undefined && byCol !== col) return VALUE;
      byCol = col;
      const order = sortOrderArg(i + 1 < args.length ? single(args[i + 1], env) : null);
      if (order instanceof XlErr) return order;
      keys.push({ values: by.data, order });
    }
    return simplify(reorder(a, byCol ?? false, keys));
  },
});

function uniqueKey(v: Scalar): string {
  if (typeof v === "number") return `n${v === 0 ? 0 : v}`;
  if (typeof v === "string") return `s${v.toLowerCase()}`;
  if (typeof v === "boolean") return `b${v}`;
  if (v === null) return "z";
  return `e${v.code}`;
}

define("UNIQUE", {
  min: 1,
  max: 3,
  fn: (args, env) => {
    const a = toArr(args[0], env);
    const byCol = toBool(args.length > 1 ? single(args[1], env) : null);
    if (byCol instanceof XlErr) return byCol;
    const once = toBool(args.length > 2 ? single(args[2], env) : null);
    if (once instanceof XlErr) return once;
    const n = byCol ? a.cols : a.rows;
    const width = byCol ? a.rows : a.cols;
    const seen = new Map<string, { first: number; count: number }>();
    for (let i = 0; i < n; i++) {
      let key = "";
      for (let j = 0; j < width; j++) key += `${uniqueKey(byCol ? a.at(j, i) : a.at(i, j))}\u0000`;
      const entry = seen.get(key);
      if (entry) entry.count++;
      else seen.set(key, { first: i, count: 1 });
    }
    const keep = [...seen.values()].filter((e) => !once || e.count === 1).map((e) => e.first);
    if (keep.length === 0) return CALC;
    const out: Scalar[] = [];
    if (!byCol) {
      for (const r of keep) for (let c = 0; c < a.cols; c++) out.push(a.at(r, c));
      return simplify(new Arr(keep.length, a.cols, out));
    }
    for (let r = 0; r < a.rows; r++) for (const c of keep) out.push(a.at(r, c));
    return simplify(new Arr(a.rows, keep.length, out));
  },
});

function slice(a: Arr, r0: number, r1: number, c0: number, c1: number): Arr {
  const out: Scalar[] = [];
  for (let r = r0; r < r1; r++) for (let c = c0; c < c1; c++) out.push(a.data[r * a.cols + c]);
  return new Arr(r1 - r0, c1 - c0, out);
}

function countArg(args: Value[], i: number, env: Env): number | XlErr | undefined {
  if (i >= args.length || args[i] === null) return undefined;
  const s = single(args[i], env);
  if (s === null) return undefined;
  const n = toNumber(s);
  return n instanceof XlErr ? n : Math.trunc(n);
}

define("TAKE", {
  min: 2,
  max: 3,
  fn: (args, env) => {
    const a = toArr(args[0], env);
    const r = countArg(args, 1, env);
    const c = countArg(args, 2, env);
    if (r instanceof XlErr) return r;
    if (c instanceof XlErr) return c;
    if (r === 0 || c === 0) return CALC;
    const [r0, r1] =
      r === undefined ? [0, a.rows] : r > 0 ? [0, Math.min(r, a.rows)] : [Math.max(0, a.rows + r), a.rows];
    const [c0, c1] =
      c === undefined ? [0, a.cols] : c > 0 ? [0, Math.min(c, a.cols)] : [Math.max(0, a.cols + c), a.cols];
    return simplify(slice(a, r0, r1, c0, c1));
  },
});

define("DROP", {
  min: 2,
  max: 3,
  fn: (args, env) => {
    const a = toArr(args[0], env);
    const r = countArg(args, 1, env) ?? 0;
    const c = countArg(args, 2, env) ?? 0;
    if (r instanceof XlErr) return r;
    if (c instanceof XlErr) return c;
    if (Math.abs(r) >= a.rows || Math.abs(c) >= a.cols) return CALC;
    const [r0, r1] = r >= 0 ? [r, a.rows] : [0, a.rows + r];
    const [c0, c1] = c >= 0 ? [c, a.cols] : [0, a.cols + c];
    return simplify(slice(a, r0, r1, c0, c1));
  },
});

function stack(horizontal: boolean): FunctionDef {
  return {
    min: 1,
    max: 254,
    fn: (args, env) => {
      const parts = args.map((v) => toArr(v, env));
      const rows = horizontal ? Math.max(...parts.map((p) => p.rows)) : parts.reduce((s, p) => s + p.rows, 0);
      const cols = horizontal ? parts.reduce((s, p) => s + p.cols, 0) : Math.max(...parts.map((p) => p.cols));
      const out = new Array<Scalar>(rows * cols).fill(NA);
      let offset = 0;
      for (const p of parts) {
        for (let r = 0; r < p.rows; r++) {
          for (let c = 0; c < p.cols; c++) {
            const rr = horizontal ? r : offset + r;
            const cc = horizontal ? offset + c : c;
            out[rr * cols + cc] = p.data[r * p.cols + c];
          }
        }
        offset += horizontal ? p.cols : p.rows;
      }
      return simplify(new Arr(rows, cols, out));
    },
  };
}
define("HSTACK", stack(true));
define("VSTACK", stack(false));

function choose(byRows: boolean): FunctionDef {
  return {
    min: 2,
    max: 255,
    fn: (args, env) => {
      const a = toArr(args[0], env);
      const size = byRows ? a.rows : a.cols;
      const picks: number[] = [];
      for (const arg of args.slice(1)) {
        for (const v of numbersOf(arg, env)) {
          const n = toNumber(v);
          if (n instanceof XlErr) return n;
          const k = Math.trunc(n);
          if (k === 0 || Math.abs(k) > size) return VALUE;
          picks.push(k > 0 ? k - 1 : size + k);
        }
      }
      const out: Scalar[] = [];
      if (byRows) {
        for (const r of picks) for (let c = 0; c < a.cols; c++) out.push(a.at(r, c));
        return simplify(new Arr(picks.length, a.cols, out));
      }
      for (let r = 0; r < a.rows; r++) for (const c of picks) out.push(a.at(r, c));
      return simplify(new Arr(a.rows, picks.length, out));
    },
  };
}
define("CHOOSECOLS", choose(false));
define("CHOOSEROWS", choose(true));

define("SEQUENCE", {
  min: 1,
  max: 4,
  fn: (args, env) => {
    const vals: number[] = [];
    const defaults = [1, 1, 1, 1];
    for (let i = 0; i < 4; i++) {
      const s = i < args.length ? single(args[i], env) : null;
      if (s === null) {
        vals.push(defaults[i]);
        continue;
      }
      const n = toNumber(s);
      if (n instanceof XlErr) return n;
      vals.push(n);
    }
    const rows = Math.trunc(vals[0]);
    const cols = Math.trunc(vals[1]);
    if (rows < 0 || cols < 0) return VALUE;
    if (rows === 0 || cols === 0) return CALC;
    if (rows > MAX_ROWS || cols > MAX_COLUMNS || rows * cols > 10_000_000)
      throw new Unsupported("SEQUENCE larger than the grid");
    const out = new Array<Scalar>(rows * cols);
    for (let i = 0; i < out.length; i++) out[i] = vals[2] + i * vals[3];
    return simplify(new Arr(rows, cols, out));
  },
});

// ---------------------------------------------------------------------------------------------------
// Lookup

/** Equality for lookups: same type, text case-insensitive; blank cells match nothing. */
function lookupEquals(wanted: Scalar, cell: Scalar): boolean {
  if (cell === null || wanted === null) return false;
  if (typeof wanted !== typeof cell) return false;
  if (typeof wanted === "number") return numberCompare(wanted, cell as number) === 0;
  if (typeof wanted === "string") return textCompare(wanted, cell as string) === 0;
  return wanted === cell;
}

/** The vector of a lookup array (one row or one column), or undefined for a 2-D array. */
function vectorOf(a: Arr): Scalar[] | undefined {
  return a.rows === 1 || a.cols === 1 ? a.data : undefined;
}

define("MATCH", {
  min: 2,
  max: 3,
  fn: (args, env) => {
    const vector = vectorOf(toArr(args[1], env));
    const typeArg = args.length > 2 ? single(args[2], env) : 1;
    const t = typeArg === null ? 0 : toNumber(typeArg);
    if (t instanceof XlErr) return t;
    const type = t > 0 ? 1 : t < 0 ? -1 : 0;
    return simplify(
      mapN([deref(args[0], env)], ([wanted]) => {
        if (wanted instanceof XlErr) return wanted;
        if (!vector || wanted === null) return NA;
        if (type === 0) {
          const match = typeof wanted === "string" ? textMatcher(wanted, true) : undefined;
          for (let i = 0; i < vector.length; i++) {
            const v = vector[i];
            if (match ? typeof v === "string" && match(v) : lookupEquals(wanted, v)) return i + 1;
          }
          return NA;
        }
        return approximateMatch(vector, wanted, type);
      }),
    );
  },
});

/**
 * MATCH type 1 / -1: a binary search, as Excel does, over data sorted ascending (1) or descending (-1);
 * values of another type than the one sought are stepped over. On unsorted data Excel's answer is
 * undefined and this one may differ.
 */
function approximateMatch(vector: Scalar[], wanted: Scalar, type: 1 | -1): Scalar {
  const sameType = (v: Scalar) => v !== null && !(v instanceof XlErr) && typeof v === typeof wanted;
  let lo = 0;
  let hi = vector.length - 1;
  let found = -1;
  while (lo <= hi) {
    let mid = (lo + hi) >> 1;
    let probe = mid;
    while (probe <= hi && !sameType(vector[probe])) probe++;
    if (probe > hi) {
      hi = mid - 1;
      continue;
    }
    mid = probe;
    const c = compareScalars(vector[mid] as number | string | boolean, wanted as number | string | boolean);
    if (c === 0 && type === 1) {
      found = mid;
      lo = mid + 1;
    } else if (c === 0) {
      found = mid;
      hi = mid - 1;
    } else if ((type === 1 && c < 0) || (type === -1 && c > 0)) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found < 0 ? NA : found + 1;
}

/**
 * XLOOKUP with match_mode 0 (exact), -1 (exact or next smaller), 1 (exact or next larger), 2 (wildcards)
 * and search_mode 1 (first to last) or -1 (last to first). Binary search modes (±2) are not simulated.
 * Over a reference the result is a reference, as in Excel.
 */
define("XLOOKUP", {
  min: 3,
  max: 6,
  fn: (args, env) => {
    const lookup = toArr(args[1], env);
    const ret = args[2];
    const retRows = ret instanceof Ref || ret instanceof Arr ? ret.rows : 1;
    const retCols = ret instanceof Ref || ret instanceof Arr ? ret.cols : 1;
    let vertical: boolean;
    if (lookup.cols === 1 && retRows === lookup.rows) vertical = true;
    else if (lookup.rows === 1 && retCols === lookup.cols) vertical = false;
    else return VALUE;
    const modeArg = args.length > 4 ? single(args[4], env) : null;
    const searchArg = args.length > 5 ? single(args[5], env) : null;
    const mode = modeArg === null ? 0 : toNumber(modeArg);
    const search = searchArg === null ? 1 : toNumber(searchArg);
    if (mode instanceof XlErr) return mode;
    if (search instanceof XlErr) return search;
    if (![0, -1, 1, 2].includes(Math.trunc(mode)) || ![1, -1, 2, -2].includes(Math.trunc(search))) return VALUE;
    if (Math.abs(Math.trunc(search)) === 2) throw new Unsupported("XLOOKUP binary search");
    const vector = lookup.data;
    const position = (wanted: Scalar): number | XlErr => {
      if (wanted instanceof XlErr) return wanted;
      if (wanted === null) return -1;
      const m = Math.trunc(mode);
      const match = m === 2 && typeof wanted === "string" ? textMatcher(wanted, true) : undefined;
      const forward = Math.trunc(search) === 1;
      let best = -1;
      for (let k = 0; k < vector.length; k++) {
        const i = forward ? k : vector.length - 1 - k;
        const v = vector[i];
        if (match ? typeof v === "string" && match(v) : lookupEquals(wanted, v)) return i;
        if ((m === -1 || m === 1) && v !== null && !(v instanceof XlErr) && typeof v === typeof wanted) {
          const c = compareScalars(v as number | string | boolean, wanted as number | string | boolean);
          if ((m === -1 && c < 0) || (m === 1 && c > 0)) {
            if (best < 0) best = i;
            else {
              const d = compareScalars(v as number | string | boolean, vector[best] as number | string | boolean);
              if ((m === -1 && d > 0) || (m === 1 && d < 0)) best = i;
            }
          }
        }
      }
      return best;
    };
    const notFound = (): Value => (args.length > 3 && args[3] !== null ? args[3] : NA);
    const resultAt = (i: number): Value => {
      if (ret instanceof Ref) {
        const rect = vertical
          ? { top: ret.rect.top + i, bottom: ret.rect.top + i, left: ret.rect.left, right: ret.rect.right }
          : { top: ret.rect.top, bottom: ret.rect.bottom, left: ret.rect.left + i, right: ret.rect.left + i };
        return new Ref(ret.sheet, rect);
      }
      const x = toArr(ret, env);
      return simplify(vertical ? slice(x, i, i + 1, 0, x.cols) : slice(x, 0, x.rows, i, i + 1));
    };
    const wanted = deref(args[0], env);
    if (!(wanted instanceof Arr)) {
      const i = position(wanted);
      if (i instanceof XlErr) return i;
      return i < 0 ? notFound() : resultAt(i);
    }
    if ((vertical ? retCols : retRows) !== 1) throw new Unsupported("XLOOKUP of several values returning rows");
    const fallback = args.length > 3 && args[3] !== null ? deref(args[3], env) : NA;
    return simplify(
      mapN([wanted, fallback], ([w, nf]) => {
        const i = position(w);
        if (i instanceof XlErr) return i;
        if (i < 0) return nf;
        const v = deref(resultAt(i), env);
        return v instanceof Arr ? v.data[0] : v;
      }),
    );
  },
});
