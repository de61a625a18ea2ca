/** Pure helpers of the Targets panel: seasonality and owner weights from history, typed lists. */
import { normalizeText, parseDate, parseNumber, serialToIso } from "./engineBridge";

/** Monthly sums of past amounts by calendar month (index 0 = January); rows after `asOf` are future, skipped. */
export function monthlyHistory(dates: readonly unknown[], amounts: readonly unknown[], asOf: number): number[] {
  const sums = new Array<number>(12).fill(0);
  const n = Math.min(dates.length, amounts.length);
  for (let i = 0; i < n; i++) {
    const d = parseDate(dates[i]);
    const a = parseNumber(amounts[i]);
    if (d === undefined || a === undefined || d > asOf || a <= 0) continue;
    const month = Number(serialToIso(Math.floor(d)).slice(5, 7)) - 1;
    sums[month] += a;
  }
  return sums;
}

/** Calendar-month weights (Jan…Dec) rotated into plan order for a plan starting in `startMonth` (1–12). */
export function rotateToPlan(calendarWeights: readonly number[], startMonth: number): number[] {
  return Array.from({ length: 12 }, (_, i) => calendarWeights[(startMonth - 1 + i) % 12] ?? 0);
}

/** Sum of past positive amounts per owner, in `owners` order (owners matched as the engine matches text). */
export function ownerHistory(
  owners: readonly string[],
  ownerCells: readonly unknown[],
  amounts: readonly unknown[],
): number[] {
  const index = new Map(owners.map((o, i) => [normalizeText(o), i]));
  const sums = new Array<number>(owners.length).fill(0);
  const n = Math.min(ownerCells.length, amounts.length);
  for (let i = 0; i < n; i++) {
    const k = index.get(normalizeText(ownerCells[i]));
    const a = parseNumber(amounts[i]);
    if (k === undefined || a === undefined || a <= 0) continue;
    sums[k] += a;
  }
  return sums;
}

/** Splits typed text on new lines, commas (, ，), semicolons (; ；) and 、 ; blanks dropped, duplicates kept once. */
export function splitList(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of text.split(/[\n\r,，;；、]+/)) {
    const item = part.trim();
    if (item === "" || seen.has(normalizeText(item))) continue;
    seen.add(normalizeText(item));
    out.push(item);
  }
  return out;
}

/** Holiday lines → serials, plus the lines that are not dates. */
export function parseHolidays(text: string): { dates: number[]; invalid: string[] } {
  const dates: number[] = [];
  const invalid: string[] = [];
  for (const line of text.split(/[\n\r,，;；]+/)) {
    const item = line.trim();
    if (item === "") continue;
    const d = parseDate(item);
    if (d === undefined) invalid.push(item);
    else dates.push(Math.floor(d));
  }
  return { dates, invalid };
}

/** "2025-04" → { year: 2025, month: 4 }, or undefined. */
export function parseYearMonth(text: string): { year: number; month: number } | undefined {
  const m = /^(\d{4})-(\d{1,2})$/.exec(text.trim());
  if (!m) return undefined;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return undefined;
  return { year: Number(m[1]), month };
}
