/**
 * The pane's previews run the same engine the SALES functions run, on the same arrays a formula gets,
 * so what the pane shows is what the cells will show.
 */
import type { CellValue, TableColumns } from "../excel/types";
import { isBlank, normalizeText } from "../engine";

export {
  activityPlan,
  actuals,
  attainment,
  bant,
  bantMissing,
  bottleneck,
  commission,
  compileRules,
  forecast,
  funnel,
  funnelBy,
  leadGrade,
  leadScore,
  normalizeText,
  parseDate,
  parseNumber,
  parseOperator,
  parseOutcome,
  pipeline,
  scoreDetail,
  serialToIso,
  serialToYmd,
  targetPlan,
  todaySerial,
  winRate,
  ymdToSerial,
} from "../engine";

/** A column as the n×1 range a formula would pass. */
export function asColumn(values: readonly unknown[]): unknown[][] {
  return values.map((v) => [v]);
}

/** Records (row-major) of the given headers. */
export function recordsOf(table: TableColumns, headers: readonly string[]): CellValue[][] {
  const rows: CellValue[][] = [];
  for (let r = 0; r < table.rowCount; r++) rows.push(headers.map((h) => table.columns[h]?.[r] ?? ""));
  return rows;
}

/** Excel's error object or an engine XlError: what a cell would show. */
export function isErrorValue(value: unknown): value is { code: string; message: string } {
  return typeof value === "object" && value !== null && "code" in value;
}

/** Runs an engine call; returns its result or the message of the error it throws. */
export function attempt<T>(work: () => T): { value: T; error?: undefined } | { value?: undefined; error: string } {
  try {
    return { value: work() };
  } catch (error) {
    const code = isErrorValue(error) ? `${error.code} ` : "";
    const message = error instanceof Error ? error.message : String(error);
    return { error: `${code}${message}`.trim() };
  }
}

/** Distinct non-blank values in first-seen order (as displayed text). */
export function distinctValues(values: readonly unknown[]): string[] {
  const seen = new Map<string, string>();
  for (const v of values) {
    if (isBlank(v)) continue;
    const text = String(v).trim();
    const key = normalizeText(text);
    if (!seen.has(key)) seen.set(key, text);
  }
  return [...seen.values()];
}
