/** COMMISSION and RUNRATE (formulas.md §5). */
import type { Cell, Matrix } from "./types";
import { cellError, naError, numError, valueError } from "./errors";
import {
  asMatrix,
  dateArg,
  displayText,
  formatNumber,
  isBlank,
  isTextBlank,
  normalizeText,
  numberArg,
  parseNumber,
  scalarOf,
  todaySerial,
} from "./coerce";
import { SetupCache } from "./setupCache";

export interface Tier {
  threshold: number;
  rate: number;
}

export function readTiers(arg: unknown): Tier[] {
  const m = asMatrix(arg);
  const width = m[0]?.length ?? 0;
  if (width !== 2) throw valueError(`tiers must have two columns (threshold | rate), not ${width}`);
  const tiers: Tier[] = [];
  for (let r = 0; r < m.length; r++) {
    const [t, rate] = m[r];
    for (const c of [t, rate]) {
      const err = cellError(c);
      if (err !== undefined) throw valueError(`tiers row ${r + 1} holds the error ${err.code}`);
    }
    const threshold = parseNumber(t);
    if (threshold === undefined) {
      if (r === 0) continue; // a header row
      if (isBlank(t) && isBlank(rate)) continue;
      throw valueError(`Threshold "${displayText(t)}" in tiers row ${r + 1} is not a number`);
    }
    const rt = parseNumber(rate);
    if (rt === undefined) throw valueError(`Rate "${displayText(rate)}" in tiers row ${r + 1} is not a number`);
    if (threshold < 0) throw numError(`Threshold ${formatNumber(threshold)} in tiers row ${r + 1} is negative`);
    if (rt < 0) throw numError(`Rate ${formatNumber(rt)} in tiers row ${r + 1} is negative`);
    const prev = tiers[tiers.length - 1];
    if (prev !== undefined && !(threshold > prev.threshold)) {
      throw valueError(
        `Thresholds must be strictly ascending: ${formatNumber(threshold)} follows ${formatNumber(prev.threshold)}`,
      );
    }
    tiers.push({ threshold, rate: rt });
  }
  if (tiers.length === 0) throw valueError("tiers has no threshold | rate rows");
  return tiers;
}

export type CommissionMethod = "marginal" | "flat";
const METHODS: Record<string, CommissionMethod> = {
  marginal: "marginal",
  progressive: "marginal",
  累进: "marginal",
  flat: "flat",
  全额: "flat",
};

function methodArg(arg: unknown): CommissionMethod {
  const v = scalarOf(arg, "method");
  if (isTextBlank(v)) return "marginal";
  const m = METHODS[normalizeText(v)];
  if (m === undefined) throw valueError(`Unknown method "${displayText(v)}" (use marginal or flat)`);
  return m;
}

export function commissionOf(amount: number, tiers: Tier[], method: CommissionMethod): number {
  const a = Math.abs(amount);
  let earned = 0;
  if (method === "flat") {
    for (let i = tiers.length - 1; i >= 0; i--) {
      if (a >= tiers[i].threshold) {
        earned = a * tiers[i].rate;
        break;
      }
    }
  } else {
    for (let i = 0; i < tiers.length; i++) {
      const lo = tiers[i].threshold;
      if (a <= lo) break;
      const hi = i + 1 < tiers.length ? Math.min(a, tiers[i + 1].threshold) : a;
      earned += (hi - lo) * tiers[i].rate;
    }
  }
  return amount < 0 ? -earned : earned + 0;
}

/** Parsed tier tables by content: per-row COMMISSION calls (one per table row) parse the tiers once. */
export const tierTables = new SetupCache<Tier[]>(8);
const methodCache = new Map<string, CommissionMethod>();

export function commission(amountsArg: unknown, tiersArg: unknown, methodArgValue?: unknown): Matrix {
  const tierCells = asMatrix(tiersArg);
  const tiers = tierTables.get([tierCells], () => readTiers(tierCells));
  let method: CommissionMethod;
  if (typeof methodArgValue === "string" && methodCache.has(methodArgValue)) method = methodCache.get(methodArgValue)!;
  else {
    method = methodArg(methodArgValue);
    if (typeof methodArgValue === "string" && methodCache.size < 64) methodCache.set(methodArgValue, method);
  }
  return asMatrix(amountsArg).map((row) =>
    row.map((cell): Cell => {
      if (isBlank(cell)) return 0;
      const err = cellError(cell);
      if (err !== undefined) return err;
      const n = parseNumber(cell);
      if (n === undefined) return valueError(`Amount "${displayText(cell)}" is not a number`);
      return commissionOf(n, tiers, method);
    }),
  );
}

export function runRate(actualArg: unknown, startArg: unknown, endArg: unknown, asOfArg?: unknown): number {
  const actual = numberArg(actualArg, "actual", 0);
  const start = dateArg(startArg, "start_date");
  const end = dateArg(endArg, "end_date");
  const asOf = dateArg(asOfArg, "as_of", todaySerial);
  if (end < start) throw valueError("end_date is before start_date");
  if (asOf < start) throw naError("as_of is before start_date: nothing has elapsed yet");
  const total = end - start + 1;
  const elapsed = Math.min(asOf, end) - start + 1;
  return (actual * total) / elapsed;
}
