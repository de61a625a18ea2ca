/**
 * Worked examples of the SALES functions. The help site (dist/help/) shows them, and a test calls each one
 * through src/functions/functions.ts exactly as Excel would and requires `result`, so the help never shows a
 * number the code does not produce.
 */
export interface HelpExample {
  /** Function id, e.g. "FUNNEL". */
  id: string;
  /** What the example shows, in both languages. */
  title: { en: string; zh: string };
  /** A small sheet starting at A1 that the formula refers to (first row = headers), when it needs one. */
  sheet?: unknown[][];
  /** The formula as typed in Excel (English separators), e.g. `=SALES.ACTIVITYPLAN(1200000, 50000, {0.5;0.4;0.6})`. */
  formula: string;
  /** The values Excel hands the function for that formula: ranges as rows of cells, omitted arguments as null. */
  args: unknown[];
  /** Expected result: a matrix for spilled results, a single value otherwise. Numbers compare to 1e-9 relative. */
  result: unknown;
  /** Display language the labels in `result` are in (default "en"). */
  lang?: "en" | "zh";
}
