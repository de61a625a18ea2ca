/**
 * The SALES formulas the pane writes. Tables reject spilled formulas, so columns inside a table get one
 * formula per row with `[@…]` (this-row) structured references.
 */
import { escapeColumn } from "../sample/insert";

/** The columns the pane adds to a leads table, by role. */
export type OutputRole = "score" | "grade" | "why" | "qualified" | "commission" | "winprob" | "winfactors";

/**
 * Their names in each language: a Chinese workbook gets Chinese columns. A re-run finds a column it wrote in
 * either language (a workbook made in English and opened in Chinese keeps its Score column).
 */
export const OUTPUT_NAMES: Record<OutputRole, { en: string; zh: string }> = {
  score: { en: "Score", zh: "分数" },
  grade: { en: "Grade", zh: "等级" },
  why: { en: "Why", zh: "原因" },
  qualified: { en: "Qualified", zh: "合格" },
  commission: { en: "Commission", zh: "佣金" },
  winprob: { en: "Win probability", zh: "赢单概率" },
  winfactors: { en: "Win factors", zh: "赢单因素" },
};

/** English names, kept for code that names the English columns. */
export const SCORE_COLUMNS = { score: "Score", grade: "Grade", why: "Why" } as const;
export const QUALIFIED_COLUMN = "Qualified";

/** Every name an output column may have: never part of the records a rule looks at. */
export const OUTPUT_COLUMNS: readonly string[] = Object.values(OUTPUT_NAMES).flatMap((n) => [n.en, n.zh]);

const fold = (s: string) => s.normalize("NFKC").trim().toLowerCase();

/**
 * The column name to write for `role` in a table with `headers`: the one a previous run wrote (in either
 * language, or the name remembered in the workbook settings), else the display language's.
 */
export function outputColumn(
  role: OutputRole,
  headers: readonly string[],
  chinese: boolean,
  remembered?: string,
): string {
  if (remembered && headers.includes(remembered)) return remembered;
  const names = OUTPUT_NAMES[role];
  const existing = headers.find((h) => fold(h) === fold(names.en) || fold(h) === fold(names.zh));
  return existing ?? (chinese ? names.zh : names.en);
}

/** The contiguous span of source columns: from the first header to the last one that is not an output column. */
export function sourceSpan(headers: readonly string[]): { first: string; last: string; headers: string[] } | undefined {
  const outputs = new Set(OUTPUT_COLUMNS.map(fold));
  let lastIndex = -1;
  headers.forEach((h, i) => {
    if (!outputs.has(fold(h))) lastIndex = i;
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

/** The three score formulas; `scoreColumn` is the name the score column has (the grade formula refers to it). */
export function scoreFormulas(
  leads: string,
  rules: string,
  headers: readonly string[],
  scoreColumn: string = SCORE_COLUMNS.score,
) {
  const span = sourceSpan(headers);
  if (!span) throw new Error("The leads table has no columns");
  const first = escapeColumn(span.first);
  const last = escapeColumn(span.last);
  const record = `${leads}[@[${first}]:[${last}]]`;
  const names = `${leads}[[#Headers],[${first}]:[${last}]]`;
  return {
    score: `=SALES.LEADSCORE(${record},${rules},${names})`,
    grade: `=SALES.LEADGRADE(${thisRow(leads, scoreColumn)})`,
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
