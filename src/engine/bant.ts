/** BANT qualification (formulas.md §3). */
import type { Cell, Matrix } from "./types";
import { cellError, numError, valueError, XlError } from "./errors";
import {
  asMatrix,
  cellCount,
  dateArg,
  formatNumber,
  intArg,
  isBlank,
  numberArg,
  parseDate,
  parseNumber,
  todaySerial,
  yesNo,
  reshape,
} from "./coerce";

export interface BantOptions {
  minBudget?: number;
  withinDays: number;
  required: number;
  asOf: number;
}

/** Per-lead result: a bit per criterion met (B=8, A=4, N=2, T=1), or the record's error. */
type BantBits = number | XlError;

export function budgetMet(cell: Cell, minBudget: number | undefined): boolean {
  if (typeof cell === "boolean") return cell;
  const n = parseNumber(cell);
  if (n !== undefined) return minBudget === undefined ? n > 0 : n >= minBudget;
  return yesNo(cell) === "yes";
}

/** Authority and Need: TRUE, a yes word, a non-zero number, or any other non-blank text not a no/unknown word. */
export function presenceMet(cell: Cell): boolean {
  if (isBlank(cell)) return false;
  if (typeof cell === "boolean") return cell;
  if (typeof cell === "number") return cell !== 0;
  const yn = yesNo(cell);
  if (yn !== undefined) return yn === "yes";
  const n = parseNumber(cell);
  if (n !== undefined) return n !== 0;
  return typeof cell === "string";
}

export function timelineMet(cell: Cell, asOf: number, withinDays: number): boolean {
  if (typeof cell === "boolean") return cell;
  const d = parseDate(cell);
  if (d !== undefined) return d >= asOf && d <= asOf + withinDays;
  return yesNo(cell) === "yes";
}

function options(minBudgetArg: unknown, withinDaysArg: unknown, requiredArg: unknown, asOfArg: unknown): BantOptions {
  const minBudget = isBlank(minBudgetArg) ? undefined : numberArg(minBudgetArg, "min_budget");
  if (minBudget !== undefined && minBudget < 0) throw numError(`min_budget ${formatNumber(minBudget)} is negative`);
  const withinDays = numberArg(withinDaysArg, "within_days", 90);
  if (withinDays < 0) throw numError(`within_days ${formatNumber(withinDays)} is negative`);
  const required = intArg(requiredArg, "required", 4, 1, 4);
  const asOf = dateArg(asOfArg, "as_of", todaySerial);
  return { minBudget, withinDays, required, asOf };
}

const NAMES = ["budget", "authority", "need", "timeline"];

function evaluate(args: unknown[], opts: BantOptions): { bits: BantBits[]; shape: Matrix } {
  const ranges = args.map((a) => asMatrix(a));
  const counts = ranges.map(cellCount);
  let n = 1;
  let shape: Matrix = ranges[0];
  let shapeFound = false;
  for (let k = 0; k < 4; k++) {
    if (counts[k] === 1) continue;
    if (!shapeFound) {
      n = counts[k];
      shape = ranges[k];
      shapeFound = true;
    } else if (counts[k] !== n) {
      throw valueError(`${NAMES[k]} has ${counts[k]} cells but ${NAMES[ranges.indexOf(shape)]} has ${n}`);
    }
  }
  const flats = ranges.map((m) => (m.length === 1 ? m[0] : m.flat()));
  const bits: BantBits[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const cells = flats.map((f) => (f.length === 1 ? f[0] : f[i]));
    let err: XlError | undefined;
    for (const c of cells) {
      if (c !== null && typeof c === "object") {
        err = cellError(c);
        if (err !== undefined) break;
      }
    }
    if (err !== undefined) {
      bits[i] = err;
      continue;
    }
    bits[i] =
      (budgetMet(cells[0], opts.minBudget) ? 8 : 0) |
      (presenceMet(cells[1]) ? 4 : 0) |
      (presenceMet(cells[2]) ? 2 : 0) |
      (timelineMet(cells[3], opts.asOf, opts.withinDays) ? 1 : 0);
  }
  return { bits, shape };
}

const POPCOUNT = [0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4];

function run(args: unknown[], rest: unknown[], cell: (bits: number, opts: BantOptions) => Cell): Matrix {
  const opts = options(rest[0], rest[1], rest[2], rest[3]);
  const { bits, shape } = evaluate(args, opts);
  const flat = bits.map((b): Cell => (typeof b === "number" ? cell(b, opts) : b));
  return reshape(flat, shape);
}

export function bant(
  budget: unknown,
  authority: unknown,
  need: unknown,
  timeline: unknown,
  minBudget?: unknown,
  withinDays?: unknown,
  required?: unknown,
  asOf?: unknown,
): Matrix {
  return run(
    [budget, authority, need, timeline],
    [minBudget, withinDays, required, asOf],
    (b, o) => POPCOUNT[b] >= o.required,
  );
}

export function bantScore(
  budget: unknown,
  authority: unknown,
  need: unknown,
  timeline: unknown,
  minBudget?: unknown,
  withinDays?: unknown,
  required?: unknown,
  asOf?: unknown,
): Matrix {
  return run([budget, authority, need, timeline], [minBudget, withinDays, required, asOf], (b) => POPCOUNT[b]);
}

export function bantMissing(
  budget: unknown,
  authority: unknown,
  need: unknown,
  timeline: unknown,
  minBudget?: unknown,
  withinDays?: unknown,
  required?: unknown,
  asOf?: unknown,
): Matrix {
  return run([budget, authority, need, timeline], [minBudget, withinDays, required, asOf], (b) => {
    const missing: string[] = [];
    if ((b & 8) === 0) missing.push("B");
    if ((b & 4) === 0) missing.push("A");
    if ((b & 2) === 0) missing.push("N");
    if ((b & 1) === 0) missing.push("T");
    return missing.join(",");
  });
}
