/**
 * The SALES formulas the pane writes. Tables reject spilled formulas, so columns inside a table get one
 * formula per row with `[@…]` (this-row) structured references.
 */
import { escapeColumn } from "../sample/insert";

/** Columns the pane adds to a leads table; never part of the records a rule looks at. */
export const SCORE_COLUMNS = { score: "Score", grade: "Grade", why: "Why" } as const;
export const QUALIFIED_COLUMN = "Qualified";
export const OUTPUT_COLUMNS: readonly string[] = [SCORE_COLUMNS.score, SCORE_COLUMNS.grade, SCORE_COLUMNS.why, QUALIFIED_COLUMN];

/** The contiguous span of source columns: from the first header to the last one that is not an output column. */
export function sourceSpan(headers: readonly string[]): { first: string; last: string; headers: string[] } | undefined {
  let lastIndex = -1;
  headers.forEach((h, i) => {
    if (!OUTPUT_COLUMNS.includes(h)) lastIndex = i;
  });
  if (lastIndex < 0) return undefined;
  return { first: headers[0], last: headers[lastIndex], headers: headers.slice(0, lastIndex + 1) };
}

export function thisRow(table: string, column: string): string {
  return `${table}[@[${escapeColumn(column)}]]`;
}

export function wholeColumn(table: string, column: string): string {
  return `${table}[[${escapeColumn(column)}]]`;
}

export function scoreFormulas(leads: string, rules: string, headers: readonly string[]) {
  const span = sourceSpan(headers);
  if (!span) throw new Error("The leads table has no columns");
  const first = escapeColumn(span.first);
  const last = escapeColumn(span.last);
  const record = `${leads}[@[${first}]:[${last}]]`;
  const names = `${leads}[[#Headers],[${first}]:[${last}]]`;
  return {
    score: `=SALES.LEADSCORE(${record},${rules},${names})`,
    grade: `=SALES.LEADGRADE(${thisRow(leads, SCORE_COLUMNS.score)})`,
    why: `=SALES.SCOREDETAIL(${record},${rules},${names})`,
  };
}

export interface BantParameters {
  budget: string;
  authority: string;
  need: string;
  timeline: string;
  minBudget?: number;
  withinDays: number;
  required: number;
}

/** Optional arguments left out (empty) are what the function's defaults make of them. */
export function bantFormula(table: string, p: BantParameters): string {
  const args = [
    thisRow(table, p.budget),
    thisRow(table, p.authority),
    thisRow(table, p.need),
    thisRow(table, p.timeline),
    p.minBudget === undefined ? "" : String(p.minBudget),
    String(p.withinDays),
    String(p.required),
  ];
  return `=SALES.BANT(${args.join(",")})`;
}

/** A text literal inside a formula. */
export function textLiteral(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}
