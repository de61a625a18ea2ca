/**
 * The Lead scoring panel's live preview: scores and grades of every lead under the rules being edited,
 * computed with the engine the SALES formulas use, in slices so a 60,000-row table never freezes the pane.
 */
import { useEffect, useState } from "react";
import type { CellValue, TableColumns } from "../excel/types";
import { asColumn, attempt, isErrorValue, leadGrade, leadScore, recordsOf, todaySerial } from "./engineBridge";
import { SliceCancelled, inSlices } from "./slices";

export interface ScoringPreview {
  scores: CellValue[];
  grades: string[];
}

export type PreviewState =
  | { status: "idle" }
  | { status: "computing"; done: number; total: number }
  | { status: "done"; value: ScoringPreview }
  | { status: "error"; error: string };

/** Rows per slice: LEADSCORE handles about a million rows a second here, so a slice is a few milliseconds. */
export const PREVIEW_SLICE_ROWS = 1000;

/** Scores a whole table, slice by slice; throws the engine's error (as text) when the rules are rejected. */
export async function computeScoringPreview(
  table: TableColumns,
  headers: readonly string[],
  ruleMatrix: CellValue[][],
  options: { signal?: AbortSignal; onProgress?: (done: number, total: number) => void; asOf?: number } = {},
): Promise<ScoringPreview> {
  const asOf = options.asOf ?? todaySerial();
  const scores: CellValue[] = new Array(table.rowCount);
  const grades: string[] = new Array(table.rowCount);
  const cell = (v: unknown): CellValue => (isErrorValue(v) ? v.code : (v as CellValue));
  let failure: string | undefined;
  await inSlices(
    table.rowCount,
    (start, end) => {
      if (failure !== undefined) return;
      const slice: TableColumns = {
        ...table,
        rowCount: end - start,
        columns: sliceColumns(table, headers, start, end),
      };
      const result = attempt(() => {
        const s = leadScore(recordsOf(slice, headers), ruleMatrix, [headers], asOf).map((r) => r[0]);
        const g = leadGrade(asColumn(s)).map((r) => r[0]);
        return { s, g };
      });
      if (result.error !== undefined) {
        failure = result.error;
        return;
      }
      for (let i = 0; i < result.value.s.length; i++) {
        scores[start + i] = cell(result.value.s[i]);
        const grade = result.value.g[i];
        grades[start + i] = isErrorValue(grade) ? grade.code : String(grade ?? "");
      }
    },
    { size: PREVIEW_SLICE_ROWS, signal: options.signal, onProgress: options.onProgress },
  );
  if (failure !== undefined) throw new Error(failure);
  // An empty table still runs the rules once, so a rejected rule table is reported there too.
  if (table.rowCount === 0) {
    const check = attempt(() => leadScore([headers.map(() => "")], ruleMatrix, [headers], asOf));
    if (check.error !== undefined) throw new Error(check.error);
  }
  return { scores, grades };
}

function sliceColumns(
  table: TableColumns,
  headers: readonly string[],
  start: number,
  end: number,
): Record<string, CellValue[]> {
  const out: Record<string, CellValue[]> = {};
  for (const h of headers) out[h] = (table.columns[h] ?? []).slice(start, end);
  return out;
}

/**
 * Recomputes the preview when the table or the rules change (after `delay` ms of quiet, so typing a value does
 * not restart it on every key); a newer change cancels the computation under way.
 */
export function useScoringPreview(
  table: TableColumns | undefined,
  headers: readonly string[] | undefined,
  ruleMatrix: CellValue[][],
  delay = 150,
): PreviewState {
  const [state, setState] = useState<PreviewState>({ status: "idle" });
  const rulesKey = JSON.stringify(ruleMatrix);
  const headersKey = headers ? JSON.stringify(headers) : "";
  useEffect(() => {
    if (!table || !headersKey) {
      setState({ status: "idle" });
      return;
    }
    const abort = new AbortController();
    const cols = JSON.parse(headersKey) as string[];
    const rules = JSON.parse(rulesKey) as CellValue[][];
    const timer = setTimeout(() => {
      setState({ status: "computing", done: 0, total: table.rowCount });
      computeScoringPreview(table, cols, rules, {
        signal: abort.signal,
        onProgress: (done, total) => !abort.signal.aborted && setState({ status: "computing", done, total }),
      })
        .then((value) => !abort.signal.aborted && setState({ status: "done", value }))
        .catch((error: unknown) => {
          if (error instanceof SliceCancelled || abort.signal.aborted) return;
          setState({ status: "error", error: error instanceof Error ? error.message : String(error) });
        });
    }, delay);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [table, headersKey, rulesKey, delay]);
  return state;
}

export interface Bucket {
  low: number;
  high: number;
  count: number;
}

/** Score distribution in up to `buckets` equal integer ranges (trailing empty ranges dropped). */
export function scoreBuckets(scores: readonly CellValue[], buckets = 8): Bucket[] {
  let min = Infinity;
  let max = -Infinity;
  for (const s of scores) {
    if (typeof s !== "number") continue;
    if (s < min) min = s;
    if (s > max) max = s;
  }
  if (min === Infinity) return [];
  const width = Math.max(1, Math.ceil((max - min + 1) / buckets));
  const counts = new Array<number>(buckets).fill(0);
  for (const s of scores) if (typeof s === "number") counts[Math.min(buckets - 1, Math.floor((s - min) / width))]++;
  let last = counts.length - 1;
  while (last > 0 && counts[last] === 0) last--;
  return counts
    .slice(0, last + 1)
    .map((count, i) => ({ low: min + i * width, high: min + (i + 1) * width - 1, count }));
}

/** Grade → count, grades sorted (errors by their code). */
export function gradeCounts(grades: readonly string[]): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const g of grades) {
    if (g === "" || g === undefined) continue;
    counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => a[0].localeCompare(b[0]));
}
