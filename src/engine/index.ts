/**
 * The SALES formula engine: pure TypeScript, no Office or DOM. Each catalog function takes the raw values Excel
 * passes (ranges as rows of cells; omitted optional arguments as null) and returns plain values. Whole-call errors
 * are thrown as XlError; per-record errors are XlError values inside the returned matrix.
 */
import type { Matrix } from "./types";
import { evaluateRules, scoreColumn, detailsOf } from "./scoring";
import { columnOf } from "./coerce";

export * from "./types";
export * from "./errors";
export {
  isBlank,
  isTextBlank,
  normalizeText,
  displayText,
  formatNumber,
  parseNumber,
  parseDate,
  yesNo,
  parseOutcome,
  todaySerial,
  serialToYmd,
  ymdToSerial,
  serialToIso,
  serialToYearMonth,
  weekdayMonday0,
} from "./coerce";
export { OPERATOR_LIST, parseOperator, compileRules, evaluateRules } from "./scoring";
export type { Operator } from "./scoring";
export { leadGrade, abcClass } from "./grading";
export { bant, bantScore, bantMissing, budgetMet, presenceMet, timelineMet } from "./bant";
export { funnel, funnelCounts, conversion, bottleneck, winRate, pipeline, readStageOrder } from "./funnel";
export { split, splitUnits, targetPlan, activityPlan, roundMatrix } from "./targets";
export { commission, runRate } from "./money";

const column = (values: unknown[]): Matrix => (values.length === 0 ? [[""]] : columnOf(values));

/** LEADSCORE: one score per lead (a column). */
export function leadScore(records: unknown, rules: unknown, headers?: unknown, asOf?: unknown): Matrix {
  const out = scoreColumn(evaluateRules(records, rules, headers, asOf, true));
  return out.length === 0 ? [[""]] : out;
}

/** SCOREDETAIL: one explanation per lead (a column). */
export function scoreDetail(records: unknown, rules: unknown, headers?: unknown, asOf?: unknown): Matrix {
  return column(detailsOf(evaluateRules(records, rules, headers, asOf)));
}

// Where the team stands (formulas.md §6–§8).
export { readWorkingDayRule, workingDayRule, weekdaysBetween } from "./workdays";
export type { WorkingDayRule } from "./workdays";
export { planLayout } from "./targets";
export type { PlanLayout } from "./targets";
export { actuals, attainment } from "./actuals";
export { funnelBy } from "./funnelBy";
export { stageTime } from "./stageTime";
export { forecast, normSInv, monthOfSerial, monthLabel } from "./forecast";
export {
  winProb,
  winFactors,
  fitWinModel,
  recordProbability,
  isOpenRecord,
  recordFactors,
  factorText,
  quintileEdges,
  OUTCOME_NAMES,
  STAGE_NAMES,
} from "./winprob";
