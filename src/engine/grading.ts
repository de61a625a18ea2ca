/** LEADGRADE and ABCCLASS (formulas.md §2). */
import type { Cell, Matrix } from "./types";
import { cellError, numError, valueError } from "./errors";
import {
  asMatrix,
  displayText,
  flatten,
  formatNumber,
  isBlank,
  isOmitted,
  isTextBlank,
  numberArg,
  parseNumber,
  reshape,
} from "./coerce";

const DEFAULT_THRESHOLDS = [80, 50];
const DEFAULT_LABELS: Cell[] = ["A", "B", "C"];

/** Grade = the label of the first threshold the score reaches (≥), else the last label. */
export function leadGrade(scoresArg: unknown, thresholdsArg?: unknown, labelsArg?: unknown): Matrix {
  const thresholds = isOmitted(thresholdsArg) ? DEFAULT_THRESHOLDS : readThresholds(thresholdsArg);
  // Labels are a text-only field: a 0 is a blank cell as Excel on Windows passes it (formulas.md §1 rule 1).
  const labels = isOmitted(labelsArg) ? DEFAULT_LABELS : flatten(labelsArg).filter((c) => !isTextBlank(c));
  for (const label of labels) {
    const err = cellError(label);
    if (err !== undefined) throw valueError(`labels hold the error ${err.code}`);
  }
  if (labels.length !== thresholds.length + 1) {
    throw valueError(
      `labels must have one more entry than thresholds (${thresholds.length + 1}), not ${labels.length}`,
    );
  }
  const scores = asMatrix(scoresArg);
  return scores.map((row) =>
    row.map((cell): Cell => {
      if (isBlank(cell)) return "";
      const err = cellError(cell);
      if (err !== undefined) return err;
      const score = parseNumber(cell);
      if (score === undefined) return valueError(`Score "${displayText(cell)}" is not a number`);
      for (let t = 0; t < thresholds.length; t++) if (score >= thresholds[t]) return labels[t];
      return labels[labels.length - 1];
    }),
  );
}

function readThresholds(arg: unknown): number[] {
  const cells = flatten(arg).filter((c) => !isBlank(c));
  const out: number[] = [];
  for (const c of cells) {
    const err = cellError(c);
    if (err !== undefined) throw valueError(`thresholds hold the error ${err.code}`);
    const n = parseNumber(c);
    if (n === undefined) throw valueError(`Threshold "${displayText(c)}" is not a number`);
    if (out.length > 0 && !(n < out[out.length - 1])) {
      throw valueError(
        `thresholds must be strictly descending: ${formatNumber(n)} follows ${formatNumber(out[out.length - 1])}`,
      );
    }
    out.push(n);
  }
  if (out.length === 0) throw valueError("thresholds is empty");
  return out;
}

/** Pareto classification: A while the share held by the items ranked above is below a_share, B below b_share. */
export function abcClass(valuesArg: unknown, aShareArg?: unknown, bShareArg?: unknown): Matrix {
  const aShare = numberArg(aShareArg, "a_share", 0.8);
  const bShare = numberArg(bShareArg, "b_share", 0.95);
  if (!(aShare > 0 && aShare < bShare && bShare <= 1)) {
    throw numError(
      `Need 0 < a_share < b_share ≤ 1, not a_share ${formatNumber(aShare)} and b_share ${formatNumber(bShare)}`,
    );
  }
  const values = asMatrix(valuesArg);
  const cells = flatten(values);
  const result: Cell[] = new Array(cells.length);
  const positives: number[] = [];
  const nums = new Float64Array(cells.length);
  let total = 0;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (isBlank(cell)) {
      result[i] = "";
      continue;
    }
    const err = cellError(cell);
    if (err !== undefined) {
      result[i] = err;
      continue;
    }
    const n = parseNumber(cell);
    if (n === undefined) {
      result[i] = valueError(`Value "${displayText(cell)}" is not a number`);
      continue;
    }
    nums[i] = n;
    if (n > 0) {
      positives.push(i);
      total += n;
    } else {
      result[i] = "C";
    }
  }
  // Descending by value; Array.prototype.sort is stable, so ties keep input order.
  positives.sort((x, y) => nums[y] - nums[x]);
  // Comparing cumulative sums against share × total with a relative tolerance keeps a share that is exactly at a
  // boundary (80 of 100 → 0.8) on the boundary despite floating-point noise.
  const eps = total * 1e-12;
  let before = 0;
  for (const i of positives) {
    if (before < aShare * total - eps) result[i] = "A";
    else if (before < bShare * total - eps) result[i] = "B";
    else result[i] = "C";
    before += nums[i];
  }
  return reshape(result, values);
}
