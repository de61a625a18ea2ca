/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * The SALES custom functions: thin adapters from Excel's arguments to the engine.
 * Arguments that accept numeric text, yes/no words or text dates are declared `any` so that Excel does not
 * coerce them (it would answer #VALUE! for "¥3.5万" before we run). Excel passes omitted optional arguments
 * as `null`, so no TypeScript default parameter value is used here; the engine applies the defaults.
 */
import * as engine from "../engine";
import { toExcelError, toExcelMatrix, toExcelScalar, displayLang } from "./adapter";

/**
 * Scores each lead by a rule table (sum of the points of the matched rules; grouped rules capped).
 * Without headers, the first row of records holds the field names. Blank cells match only the "blank" operator.
 * An error in a field that a rule reads makes that lead's score the same error; fields no rule reads are not checked.
 * "between" takes its bounds as written (low..high). Messages number rules by data row of the rules table.
 * @customfunction LEADSCORE
 * @param records The leads: a header row then one row per lead, or only the lead rows when headers is given.
 * @param rules Rule table: field | operator | value | points | [group] | [cap]. A first row without a number in points is a header.
 * @param [headers] A one-row range of field names as wide as records (then every row of records is a lead).
 * @param [as_of] Reference date for "within days" / "older than days" rules. Default: today. Pass TODAY() to recalculate daily.
 * @returns One score per lead, in lead order.
 */
export function leadScore(records: any[][], rules: any[][], headers?: any[][], as_of?: any): any[][] {
  try {
    return toExcelMatrix(engine.leadScore(records, rules, headers, as_of));
  } catch (e) {
    throw toExcelError(e);
  }
}

/**
 * Explains each lead's score: the matched rules as "field operator value (+points)" joined by "; ", and any group cap cut.
 * @customfunction SCOREDETAIL
 * @param records The leads: a header row then one row per lead, or only the lead rows when headers is given.
 * @param rules Rule table: field | operator | value | points | [group] | [cap].
 * @param [headers] A one-row range of field names as wide as records.
 * @param [as_of] Reference date for day-window rules. Default: today.
 * @returns One explanation per lead ("" when no rule matched).
 */
export function scoreDetail(records: any[][], rules: any[][], headers?: any[][], as_of?: any): any[][] {
  try {
    return toExcelMatrix(engine.scoreDetail(records, rules, headers, as_of));
  } catch (e) {
    throw toExcelError(e);
  }
}

/**
 * Grades scores: the label of the first threshold the score reaches (>=), else the last label.
 * @customfunction LEADGRADE
 * @param scores Scores to grade (a cell or a range).
 * @param [thresholds] Strictly descending thresholds. Default {80,50}.
 * @param [labels] One more label than thresholds. Default {"A","B","C"}.
 * @returns One grade per score ("" for a blank score).
 */
export function leadGrade(scores: any[][], thresholds?: any[][], labels?: any[][]): any[][] {
  try {
    return toExcelMatrix(engine.leadGrade(scores, thresholds, labels));
  } catch (e) {
    throw toExcelError(e);
  }
}

/**
 * Pareto (ABC) classification by value: A while the share of total held by the items ranked above is below a_share, then B below b_share, else C.
 * A value that is not a number is #VALUE! in its own cell and left out of the total.
 * @customfunction ABCCLASS
 * @param values Customer values (a cell or a range).
 * @param [a_share] Cumulative share for class A, 0 < a_share < b_share. Default 0.8.
 * @param [b_share] Cumulative share for class B, at most 1. Default 0.95.
 * @returns "A", "B" or "C" per value ("" for a blank value).
 */
export function abcClass(values: any[][], a_share?: any, b_share?: any): any[][] {
  try {
    return toExcelMatrix(engine.abcClass(values, a_share, b_share));
  } catch (e) {
    throw toExcelError(e);
  }
}

/**
 * BANT qualification: TRUE when at least `required` of Budget, Authority, Need and Timeline are met.
 * @customfunction BANT
 * @param budget Budget: a number (>= min_budget, or > 0), TRUE or a yes word.
 * @param authority Authority: TRUE, a yes word, a non-zero number or a name/title.
 * @param need Need: TRUE, a yes word, a non-zero number or a description.
 * @param timeline Timeline: a date within within_days from as_of, TRUE or a yes word.
 * @param [min_budget] Minimum budget (>= 0). Default: any positive amount.
 * @param [within_days] Timeline window in days (>= 0). Default 90.
 * @param [required] How many criteria must be met, 1-4. Default 4.
 * @param [as_of] Reference date. Default: today.
 * @returns TRUE or FALSE per lead.
 */
export function bant(
  budget: any[][],
  authority: any[][],
  need: any[][],
  timeline: any[][],
  min_budget?: any,
  within_days?: any,
  required?: any,
  as_of?: any,
): any[][] {
  try {
    return toExcelMatrix(engine.bant(budget, authority, need, timeline, min_budget, within_days, required, as_of));
  } catch (e) {
    throw toExcelError(e);
  }
}

/**
 * BANT score: how many of Budget, Authority, Need and Timeline are met (0-4).
 * @customfunction BANTSCORE
 * @param budget Budget: a number (>= min_budget, or > 0), TRUE or a yes word.
 * @param authority Authority: TRUE, a yes word, a non-zero number or a name/title.
 * @param need Need: TRUE, a yes word, a non-zero number or a description.
 * @param timeline Timeline: a date within within_days from as_of, TRUE or a yes word.
 * @param [min_budget] Minimum budget (>= 0). Default: any positive amount.
 * @param [within_days] Timeline window in days (>= 0). Default 90.
 * @param [required] How many criteria must be met, 1-4. Default 4 (validated, not used in the count).
 * @param [as_of] Reference date. Default: today.
 * @returns The number of criteria met per lead.
 */
export function bantScore(
  budget: any[][],
  authority: any[][],
  need: any[][],
  timeline: any[][],
  min_budget?: any,
  within_days?: any,
  required?: any,
  as_of?: any,
): any[][] {
  try {
    return toExcelMatrix(engine.bantScore(budget, authority, need, timeline, min_budget, within_days, required, as_of));
  } catch (e) {
    throw toExcelError(e);
  }
}

/**
 * BANT gaps: the letters of the unmet criteria in B,A,N,T order joined by "," ("" when all four are met).
 * @customfunction BANTMISSING
 * @param budget Budget: a number (>= min_budget, or > 0), TRUE or a yes word.
 * @param authority Authority: TRUE, a yes word, a non-zero number or a name/title.
 * @param need Need: TRUE, a yes word, a non-zero number or a description.
 * @param timeline Timeline: a date within within_days from as_of, TRUE or a yes word.
 * @param [min_budget] Minimum budget (>= 0). Default: any positive amount.
 * @param [within_days] Timeline window in days (>= 0). Default 90.
 * @param [required] How many criteria must be met, 1-4. Default 4 (validated only).
 * @param [as_of] Reference date. Default: today.
 * @returns The unmet letters per lead, e.g. "A,T".
 */
export function bantMissing(
  budget: any[][],
  authority: any[][],
  need: any[][],
  timeline: any[][],
  min_budget?: any,
  within_days?: any,
  required?: any,
  as_of?: any,
): any[][] {
  try {
    return toExcelMatrix(engine.bantMissing(budget, authority, need, timeline, min_budget, within_days, required, as_of));
  } catch (e) {
    throw toExcelError(e);
  }
}

/**
 * Funnel report: per stage the open count, how many reached it, step and cumulative conversion, lost and amount.
 * @customfunction FUNNEL
 * @param stages Each record's furthest stage.
 * @param stage_order The stage names in funnel order.
 * @param [amounts] Each record's amount (adds an Amount column).
 * @param [outcomes] Each record's outcome: won / lost / open (adds Lost and a Won row).
 * @param [show_headers] TRUE (default) adds a header row.
 * @returns A table: Stage | Count | Reached | Step conversion | Cumulative conversion | [Lost] | [Amount].
 */
export function funnel(
  stages: any[][],
  stage_order: any[][],
  amounts?: any[][],
  outcomes?: any[][],
  show_headers?: any,
): any[][] {
  try {
    return toExcelMatrix(engine.funnel(stages, stage_order, amounts, outcomes, show_headers, displayLang()));
  } catch (e) {
    throw toExcelError(e);
  }
}

/**
 * Conversion between two stages: Reached(to_stage) / Reached(from_stage).
 * @customfunction CONVERSION
 * @param stages Each record's furthest stage.
 * @param stage_order The stage names in funnel order.
 * @param from_stage The stage to convert from.
 * @param to_stage The stage to convert to (a won word such as "Won" when outcomes is given).
 * @param [outcomes] Each record's outcome: won / lost / open.
 * @returns The conversion rate as a fraction.
 */
export function conversion(stages: any[][], stage_order: any[][], from_stage: any, to_stage: any, outcomes?: any[][]): any {
  try {
    return toExcelScalar(engine.conversion(stages, stage_order, from_stage, to_stage, outcomes));
  } catch (e) {
    throw toExcelError(e);
  }
}

/**
 * The funnel step with the lowest step conversion, as "previous stage → stage" (ties: the earliest).
 * @customfunction BOTTLENECK
 * @param stages Each record's furthest stage.
 * @param stage_order The stage names in funnel order.
 * @param [outcomes] Each record's outcome (includes the step into Won).
 * @returns The weakest step; #N/A when no step has a defined conversion.
 */
export function bottleneck(stages: any[][], stage_order: any[][], outcomes?: any[][]): any {
  try {
    return toExcelScalar(engine.bottleneck(stages, stage_order, outcomes, displayLang()));
  } catch (e) {
    throw toExcelError(e);
  }
}

/**
 * Win rate: won / (won + lost); open records are ignored.
 * @customfunction WINRATE
 * @param outcomes Each record's outcome: won / lost / open.
 * @returns The win rate as a fraction; #DIV/0! when no record is closed.
 */
export function winRate(outcomes: any[][]): any {
  try {
    return toExcelScalar(engine.winRate(outcomes));
  } catch (e) {
    throw toExcelError(e);
  }
}

/**
 * Weighted pipeline: the sum over open records of amount × the probability of the record's stage.
 * probabilities line up cell by cell with stage_order (or one per non-blank stage). Every amount must be a number or blank.
 * @customfunction PIPELINE
 * @param stages Each record's stage.
 * @param amounts Each record's amount.
 * @param stage_order The stage names in funnel order.
 * @param probabilities One probability per stage of stage_order, each in [0, 1] (percent text allowed).
 * @param [outcomes] Each record's outcome; won and lost records are excluded.
 * @returns The weighted pipeline amount.
 */
export function pipeline(
  stages: any[][],
  amounts: any[][],
  stage_order: any[][],
  probabilities: any[][],
  outcomes?: any[][],
): any {
  try {
    return toExcelScalar(engine.pipeline(stages, amounts, stage_order, probabilities, outcomes));
  } catch (e) {
    throw toExcelError(e);
  }
}

/**
 * Splits a total over weights by the largest-remainder rule: the parts sum exactly to the total and each is within one unit of its share.
 * @customfunction SPLIT
 * @param total The amount to split.
 * @param weights The weights (any shape; blank = 0; all zero = equal).
 * @param [decimals] Decimals of the unit, 0-6. Default 0.
 * @returns The parts, in the shape of weights.
 */
export function split(total: any, weights: any[][], decimals?: any): any[][] {
  try {
    return toExcelMatrix(engine.split(total, weights, decimals));
  } catch (e) {
    throw toExcelError(e);
  }
}

/**
 * Decomposes an annual target over 12 months from start_date's month, by month, quarter or week, and optionally over owners.
 * Weekly plans list the Monday-based weeks that hold working days; owner_weights line up with the owners' cells.
 * @customfunction TARGETPLAN
 * @param total The annual target.
 * @param start_date Any date in the plan's first month.
 * @param [period] M (default) / Q / W, or month / quarter / week, 月 / 季 / 周.
 * @param [seasonality] 12 monthly weights or 4 quarterly weights. Default: equal.
 * @param [owners] Owner names (reps, teams, regions).
 * @param [owner_weights] One weight per owner. Default: equal.
 * @param [decimals] Decimals of the unit, 0-6. Default 0.
 * @param [holidays] Dates that are not working days (for weekly plans).
 * @returns A table: Period | Target, or Period | owner 1 … owner k | Total, with a header row and a Total row.
 */
export function targetPlan(
  total: any,
  start_date: any,
  period?: any,
  seasonality?: any[][],
  owners?: any[][],
  owner_weights?: any[][],
  decimals?: any,
  holidays?: any[][],
): any[][] {
  try {
    return toExcelMatrix(
      engine.targetPlan(total, start_date, period, seasonality, owners, owner_weights, decimals, holidays, displayLang()),
    );
  } catch (e) {
    throw toExcelError(e);
  }
}

/**
 * Reverse funnel: how many records each stage needs to reach the revenue target (per owner per period when given).
 * A blank conversion counts as 0 and is #NUM!.
 * @customfunction ACTIVITYPLAN
 * @param revenue_target Revenue to win (>= 0).
 * @param avg_deal_size Average won deal size (> 0).
 * @param conversions Stage-to-next-stage rates, 0 < r <= 1; the last one converts into Won.
 * @param [periods] Number of periods (positive integer). Default 1.
 * @param [owners] Number of owners (positive integer). Default 1.
 * @returns A column: records needed per stage, top stage first, Won last.
 */
export function activityPlan(revenue_target: any, avg_deal_size: any, conversions: any[][], periods?: any, owners?: any): any[][] {
  try {
    return toExcelMatrix(engine.activityPlan(revenue_target, avg_deal_size, conversions, periods, owners));
  } catch (e) {
    throw toExcelError(e);
  }
}

/**
 * Commission per amount from a tier table, marginal (each slice earns its tier's rate) or flat (the whole amount earns the reached tier's rate).
 * Thresholds not strictly ascending → #VALUE!; a negative threshold or rate → #NUM!; blank tier rows are skipped.
 * @customfunction COMMISSION
 * @param amounts Sale amounts (negative = refund).
 * @param tiers Two columns: threshold | rate (ascending thresholds).
 * @param [method] marginal (default) or flat.
 * @returns One commission per amount.
 */
export function commission(amounts: any[][], tiers: any[][], method?: any): any[][] {
  try {
    return toExcelMatrix(engine.commission(amounts, tiers, method));
  } catch (e) {
    throw toExcelError(e);
  }
}

/**
 * Straight-line projection of a period's result: actual × total days / elapsed days.
 * @customfunction RUNRATE
 * @param actual The result so far.
 * @param start_date First day of the period.
 * @param end_date Last day of the period.
 * @param [as_of] Reference date. Default: today.
 * @returns The projected result for the whole period.
 */
export function runRate(actual: any, start_date: any, end_date: any, as_of?: any): any {
  try {
    return toExcelScalar(engine.runRate(actual, start_date, end_date, as_of));
  } catch (e) {
    throw toExcelError(e);
  }
}

/**
 * Win probability of each open record, learned from the same table's closed rows (naive Bayes as Odoo's predictive lead scoring: per group, smoothing added to every count).
 * Outcome column: the first header named outcome, result, won/lost, win/loss, 结果, 输赢 or 成交结果 (blank = open). Stage column (with stage_order): stage, deal stage, pipeline stage, 阶段, 销售阶段 or 商机阶段.
 * Numeric factor columns (more than 5 distinct numbers in the closed rows) are cut into quintile bins; other columns are categories. Blank cells and unknown words (n/a, 待定) are not evidence.
 * Choices: unknown words in the group column mean no group; group_field may not name the Stage column even without stage_order; the default fields skip a column whose header repeats an earlier one; an open record's result is the first problem among the cells read for it, left to right.
 * Write it once over the whole table (it learns from every row), not once per row.
 * @customfunction WINPROB
 * @param records The table: a header row then one row per record, or only the record rows when headers is given.
 * @param [fields] Header names of the factor columns (any shape). Default: every column whose closed rows hold 2 or more values (categories: at most 50, at most half as many as filled cells), except Outcome, Stage-named and group columns.
 * @param [headers] A one-row range of header names as wide as records (then every row of records is a record).
 * @param [stage_order] Stage names in funnel order, as in FUNNEL (won/lost words skipped). Adds the stage as a factor: a won record reached every stage, a lost one its stage and those before.
 * @param [group_field] Header of a column (team, region, owner) whose groups learn separately; records whose group has no closed row use the pooled table.
 * @param [smoothing] Count added to every frequency, a number > 0. Default 0.1.
 * @returns One value per record: the probability (a fraction) for an open record, "" for a won or lost one.
 */
export function winProb(
  records: any[][],
  fields?: any[][],
  headers?: any[][],
  stage_order?: any[][],
  group_field?: any,
  smoothing?: any,
): any[][] {
  try {
    return toExcelMatrix(engine.winProb(records, fields, headers, stage_order, group_field, smoothing));
  } catch (e) {
    throw toExcelError(e);
  }
}

/**
 * Why WINPROB says what it says: per open record the factors that raise and lower its odds, as "↑ label (×effect)" joined by "; ", or with record the whole table for one record.
 * The first six arguments, the model and the errors are WINPROB's. An effect is the factor's won share ÷ lost share (the number the odds were multiplied by), shown to 3 significant digits; factors with an effect of 1 are left out of the text.
 * Choices: top is checked even when record is given; effects within 1e-12 (in ln) are ties and keep factor order (stage first, then fields); in the table, values are shown as first written (numbers stay numbers).
 * @customfunction WINFACTORS
 * @param records The table: a header row then one row per record, or only the record rows when headers is given.
 * @param [fields] Header names of the factor columns (any shape). Default: as in WINPROB.
 * @param [headers] A one-row range of header names as wide as records.
 * @param [stage_order] Stage names in funnel order (adds the stage as a factor).
 * @param [group_field] Header of the column whose groups learn separately.
 * @param [smoothing] Count added to every frequency, a number > 0. Default 0.1.
 * @param [top] How many raising and how many lowering factors to list, 1-20. Default 3.
 * @param [record] A record number (1 = first record): returns its table Factor | Value | Won share | Lost share | Effect with a base row and the win probability row.
 * @returns One text per record ("" for closed records), or the table for record.
 */
export function winFactors(
  records: any[][],
  fields?: any[][],
  headers?: any[][],
  stage_order?: any[][],
  group_field?: any,
  smoothing?: any,
  top?: any,
  record?: any,
): any[][] {
  try {
    return toExcelMatrix(
      engine.winFactors(records, fields, headers, stage_order, group_field, smoothing, top, record, displayLang()),
    );
  } catch (e) {
    throw toExcelError(e);
  }
}
