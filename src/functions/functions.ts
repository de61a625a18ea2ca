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
    return toExcelMatrix(
      engine.bantMissing(budget, authority, need, timeline, min_budget, within_days, required, as_of),
    );
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
export function conversion(
  stages: any[][],
  stage_order: any[][],
  from_stage: any,
  to_stage: any,
  outcomes?: any[][],
): any {
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
 * @param [holidays] Dates that are not working days (for weekly plans). A cell that is not a date is #VALUE!, whatever the period.
 * @param [workdays] Weekend dates that are worked (make-up days such as Sunday 2025-09-28); a date in both lists is a working day.
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
  workdays?: any[][],
): any[][] {
  try {
    return toExcelMatrix(
      engine.targetPlan(
        total,
        start_date,
        period,
        seasonality,
        owners,
        owner_weights,
        decimals,
        holidays,
        displayLang(),
        workdays,
      ),
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
export function activityPlan(
  revenue_target: any,
  avg_deal_size: any,
  conversions: any[][],
  periods?: any,
  owners?: any,
): any[][] {
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
 * Actual results per period (and owner) in exactly the layout of SALES.TARGETPLAN with the same start_date, period, holidays and workdays, so that actual ÷ plan is one formula.
 * With outcomes only won records count; only counted records are read (amount a number or blank, date a date or blank).
 * A blank date or one outside the plan's 12 months goes to an (outside) row after Total. In a weekly layout a date in a week the plan does not list belongs to the nearest earlier listed week (the first listed week when none is earlier).
 * Owners match by text equality (a numeric text equals that number) and are shown trimmed, as TARGETPLAN shows them; owners outside owner_list go to (other), blank owners to (blank). owner_list without owners is #VALUE!.
 * @customfunction ACTUALS
 * @param amounts Each record's amount (blank = 0).
 * @param dates Each record's date (close or won date).
 * @param start_date Any date in the plan's first month, as given to TARGETPLAN.
 * @param [period] M (default) / Q / W, or month / quarter / week, 月 / 季 / 周.
 * @param [owners] Each record's owner (rep, team, region): adds one column per owner and a Total column.
 * @param [owner_list] The owner columns in order (e.g. TARGETPLAN's owners). Default: the owners in order of first appearance.
 * @param [outcomes] Each record's outcome: only won records count.
 * @param [holidays] Dates that are not working days (they decide which weeks a weekly plan lists).
 * @param [workdays] Weekend dates that are worked (make-up days).
 * @returns A table: Period | Actual, or Period | owners | [(other)] | [(blank)] | Total, with a header row, a Total row and, when needed, an (outside) row.
 */
export function actuals(
  amounts: any[][],
  dates: any[][],
  start_date: any,
  period?: any,
  owners?: any[][],
  owner_list?: any[][],
  outcomes?: any[][],
  holidays?: any[][],
  workdays?: any[][],
): any[][] {
  try {
    return toExcelMatrix(
      engine.actuals(
        amounts,
        dates,
        start_date,
        period,
        owners,
        owner_list,
        outcomes,
        holidays,
        workdays,
        displayLang(),
      ),
    );
  } catch (e) {
    throw toExcelError(e);
  }
}

/**
 * Where each owner stands against the target of one period: Target, Actual, Attainment, Gap, Expected (straight working-day line to as_of), Pace, Status, Projected, Rank, then (other) and Total.
 * targets of exactly two columns are an owner | target table (a first row without a number in target is a header); otherwise two rows are owners above targets, as one period of a TARGETPLAN reads (its Period and Total columns are skipped). A numeric-text target is shown as its number.
 * Status compares amounts allowing for floating-point noise: an Actual equal to Target, to Expected or to Expected × (1 − caution) on paper reaches that step.
 * Owners are read only for counted records dated in the period. Without owners, targets is the team's target and the table has only the Total row.
 * @customfunction ATTAINMENT
 * @param targets With owners: owner | target columns, or owners above targets in two rows. Without owners: the team's target.
 * @param amounts Each record's amount (blank = 0).
 * @param dates Each record's date (close or won date).
 * @param period_start First day of the period.
 * @param period_end Last day of the period (not before period_start).
 * @param [owners] Each record's owner: one row per owner of targets.
 * @param [outcomes] Each record's outcome: only won records count.
 * @param [as_of] The day the standing is measured on. Default: today. Pass TODAY() to recalculate daily.
 * @param [holidays] Dates that are not working days.
 * @param [workdays] Weekend dates that are worked (make-up days).
 * @param [caution] Width of the Caution band below Expected, 0 to below 1. Default 0.1 (10 %).
 * @returns A table: Owner | Target | Actual | Attainment | Gap | Expected | Pace | Status | Projected | Rank.
 */
export function attainment(
  targets: any[][],
  amounts: any[][],
  dates: any[][],
  period_start: any,
  period_end: any,
  owners?: any[][],
  outcomes?: any[][],
  as_of?: any,
  holidays?: any[][],
  workdays?: any[][],
  caution?: any,
): any[][] {
  try {
    return toExcelMatrix(
      engine.attainment(
        targets,
        amounts,
        dates,
        period_start,
        period_end,
        owners,
        outcomes,
        as_of,
        holidays,
        workdays,
        caution,
        displayLang(),
      ),
    );
  } catch (e) {
    throw toExcelError(e);
  }
}

/**
 * One funnel per group side by side: FUNNEL's column for the chosen measure computed over each group's records, and Total over all records (equal to FUNNEL's own column).
 * Only records FUNNEL reads make groups, and only their group cells are read. Group names are shown as first written (trimmed). measure also accepts FUNNEL's column headers (e.g. "Step conversion").
 * @customfunction FUNNELBY
 * @param stages Each record's furthest stage.
 * @param stage_order The stage names in funnel order.
 * @param groups Each record's group (region, owner, source, team).
 * @param [outcomes] Each record's outcome: won / lost / open (adds a Won row).
 * @param [measure] cumulative (default), step, reached, count or lost (lost needs outcomes).
 * @param [group_order] The group columns in order; other groups go to (other). Default: in order of first appearance.
 * @returns A table: Stage | group 1 … group k | [(other)] | [(blank)] | Total, with a header row.
 */
export function funnelBy(
  stages: any[][],
  stage_order: any[][],
  groups: any[][],
  outcomes?: any[][],
  measure?: any,
  group_order?: any[][],
): any[][] {
  try {
    return toExcelMatrix(engine.funnelBy(stages, stage_order, groups, outcomes, measure, group_order, displayLang()));
  } catch (e) {
    throw toExcelError(e);
  }
}

/**
 * Time in stage from stage-entry dates (one column per stage in funnel order): per stage Reached, Moved on, Conversion, median and mean days to the next dated stage, open records and their median age; with outcomes a Cycle row (last date − first date of won records with two dates or more).
 * Stage names must be non-blank and distinct. Dates must not decrease from left to right; the error names the row of stage_dates (its header row counts as row 1) and the two stages. A median age is negative when as_of is before the last date.
 * @customfunction STAGETIME
 * @param stage_dates One row per record, one column per stage: the date the record entered that stage, or blank. Its first row holds the stage names unless stage_names is given.
 * @param [outcomes] Each record's outcome: won records reach and move on from every stage; adds the Cycle row.
 * @param [as_of] The day open records' ages are measured on. Default: today.
 * @param [stage_names] One name per column of stage_dates (then every row of stage_dates is a record).
 * @returns A table: Stage | Reached | Moved on | Conversion | Median days | Mean days | Open | Median age.
 */
export function stageTime(stage_dates: any[][], outcomes?: any[][], as_of?: any, stage_names?: any[][]): any[][] {
  try {
    return toExcelMatrix(engine.stageTime(stage_dates, outcomes, as_of, stage_names, displayLang()));
  } catch (e) {
    throw toExcelError(e);
  }
}

/**
 * Sales forecast from history: months (or quarters) from deal rows or monthly totals, additive trend and season (Holt-Winters), agreeing with LibreOffice Calc's FORECAST.ETS.ADD on month numbers.
 * Each date counts as its calendar month. Rows blank in both columns are skipped; a date with a blank value is ignored (the month may be missing). A missing month is filled (average of its neighbours, or 0); more than 30% missing is #VALUE!.
 * Choices: a date cell holding 0 counts as blank (some Excel builds pass blank cells as 0), so a 0 value without a date is skipped; a row with a date and no value must still hold a real date; messages number rows from the first cell of values; numeric text ≥ 601 in horizon is a date serial; a horizon range with only blank cells is the default; data_completion also accepts 平均 / 零; seasonality auto looks at most 12,000 periods.
 * @customfunction FORECAST
 * @param values The amounts, one per row (a column or a row); negative values and 0 are allowed.
 * @param dates A date for each value (same number of cells); any day of the month counts as that month.
 * @param [horizon] Blank: the next 12 months (4 quarters). A whole number 1-600: that many periods after the history. Otherwise target dates, one result row each (a month inside the history returns its value).
 * @param [seasonality] Blank or yearly / 年: one year when the history has two full years, else none. 0 / none / 无: no season. 1 / auto / 自动: detect it. A whole number L >= 2: L periods.
 * @param [data_completion] How a missing month is filled: TRUE / 1 / average (default) = the average of its two neighbours; FALSE / 0 / zero = 0.
 * @param [aggregation] How rows of one month combine: 1 average, 2 or 3 count, 4 max, 5 median, 6 min, 7 sum (default), or the words average, count, counta, max, median, min, sum.
 * @param [confidence] A level strictly between 0 and 1 (0.95 or "95%") adds Lower and Upper bounds. Default: no bounds.
 * @param [show_stats] TRUE returns the statistics table (alpha, beta, gamma, MASE, SMAPE, MAE, RMSE, step, seasonality, periods used and completed) instead of the forecast.
 * @returns A table: Period | Forecast [| Lower | Upper] with a header row, or Statistic | Value.
 */
export function forecast(
  values: any[][],
  dates: any[][],
  horizon?: any[][],
  seasonality?: any,
  data_completion?: any,
  aggregation?: any,
  confidence?: any,
  show_stats?: any,
): any[][] {
  try {
    return toExcelMatrix(
      engine.forecast(
        values,
        dates,
        horizon,
        seasonality,
        data_completion,
        aggregation,
        confidence,
        show_stats,
        displayLang(),
      ),
    );
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
