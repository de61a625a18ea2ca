/**
 * The Overview's numbers and the formulas behind them, built from one description so they cannot drift apart.
 *
 * Each card or chart is a SALES call over the mapped table. The pane runs the engine on exactly the arrays the
 * formula hands to SALES.* in Excel: with a filter, the formula wraps each column in FILTER(column, keep, "") inside
 * a LET, and the pane keeps the same rows with the same comparison (Excel's `=` on text: case-insensitive, a
 * number never equals text; no rows → the single "" FILTER returns). So *Add to Dashboard* writes a formula whose
 * value is the number on the card.
 *
 * The plan is SALES.TARGETPLAN of the Targets settings (annual target, first month, seasonality) over the mapped
 * targets table's owners and weights; the month and quarter are the plan's own (a plan starting in April has
 * April–June as its first quarter). A region has no target of its own: under a region filter the attainment
 * cards show "No target" and the actuals still count.
 */
import type { CellValue, TableColumns, WorkbookOps } from "../excel/types";
import { columnFor, tableFor, type DealRole, type SavedMapping } from "../mapping";
import { monthlyHistory, rotateToPlan } from "./planInputs";
import { structuredRef } from "../sample/insert";
import {
  actuals,
  attainment,
  bottleneck,
  distinctValues,
  forecast,
  funnel,
  funnelBy,
  isErrorValue,
  parseDate,
  parseOutcome,
  pipeline,
  serialToYmd,
  targetPlan,
  todaySerial,
  winRate,
  ymdToSerial,
} from "./engineBridge";
import { factorText, fitWinModel, isOpenRecord, recordFactors, recordProbability } from "../engine";
import {
  AUTO_LEARN_ROWS,
  chosenFactors,
  closedRows,
  factorCandidates,
  outcomeAndStage,
  outcomeCounts,
  suggestFactors,
  winArguments,
  type WinSettings,
} from "./winModel";
import { sourceSpan } from "./formulaText";

export type Lang = "en" | "zh";
/** What a formula cell would show: a number, text or an Excel error. */
export type Value = number | string | { code: string; message: string };
export type Matrix = Value[][];

export interface OverviewColumns {
  owner?: string;
  region?: string;
  stage?: string;
  outcome?: string;
  amount?: string;
  /** The date a deal was won (or closed): what ACTUALS and ATTAINMENT count by. */
  date?: string;
  /** The expected close date of open deals: the pipeline card keeps the quarter's when it is mapped. */
  closeDate?: string;
  /** Next follow-up: the follow-ups card counts the open deals due today or earlier. */
  nextFollowUp?: string;
}

export interface ColumnRef {
  table: string;
  column: string;
  values: readonly CellValue[];
}

export interface OverviewPlan {
  /** The annual target as a number, and as the formula writes it (a number or SUM(Targets[Target])). */
  annual: number;
  annualFormula: string;
  startYear: number;
  startMonth: number;
  /** 12 monthly weights in plan order, or null for equal months. */
  seasonality: readonly number[] | null;
  owners?: ColumnRef;
  weights?: ColumnRef;
}

export interface OverviewStages {
  stage: ColumnRef;
  probability?: ColumnRef;
}

/**
 * The open deals most likely to close: SALES.WINPROB over the deals table's source columns, with the Lead scoring
 * panel's factors and group (its saved choice, else the same suggestion), and SALES.WINFACTORS as the reason.
 */
export interface OverviewWin {
  /** The source columns first..last as SALES.WINPROB reads them (output columns after them left out). */
  span: { first: string; last: string; headers: string[] };
  fields: string[];
  group: string;
  /** The stage order: the mapped stages table's stage column, when the span has a Stage column. */
  stageOrder?: ColumnRef;
  /** The column naming a deal: the mapped name or company, else the first column. */
  label: string;
}

export interface OverviewFilter {
  owner?: string;
  region?: string;
}

export interface OverviewInput {
  table: string;
  columns: OverviewColumns;
  data: TableColumns;
  stages?: OverviewStages;
  plan?: OverviewPlan;
  filter: OverviewFilter;
  /** The month the Overview looks at ("this month"). */
  year: number;
  month: number;
  lang: Lang;
  /** Today (the follow-ups card); the SALES functions' own default as_of is today too. */
  today?: number;
  win?: OverviewWin;
  /** Learn the win model over more than AUTO_LEARN_ROWS rows (the user asked: it takes a moment). */
  learnWin?: boolean;
  /** Headers of the likely-deals list's probability and reason columns (the display language's). */
  winHeaders?: { probability: string; factors: string };
}

/** Why a card cannot be computed: the roles or tables it still needs. */
export type Missing =
  | "amount"
  | "date"
  | "stage"
  | "outcome"
  | "stages"
  | "probability"
  | "plan"
  | "owner"
  | "region"
  | "history"
  /** The likely deals: no column SALES.WINPROB reads as Outcome (by its header). */
  | "outcomeName"
  /** The likely deals: no won or no lost rows to learn from, or no open deal. */
  | "closed"
  | "open"
  /** The likely deals over a big table: computed when the user asks. */
  | "ask";

export type CardId = "attainMonth" | "attainQuarter" | "wonMonth" | "pipeline" | "winRate" | "bottleneck";
export type ChartId = "byOwner" | "planActual" | "funnel" | "funnelBy" | "forecast" | "likely";

/** How many open deals the likely-to-close list shows. */
export const LIKELY_COUNT = 5;

export interface Computed<T> {
  /** The value as the formula's cell shows it (an error object when it errs). */
  value: T | { code: string; message: string };
  /** The formula, with the leading "=". */
  formula: string;
}

export interface Card {
  id: CardId;
  kind: "percent" | "money" | "text";
  /** Undefined when the card cannot be computed; `missing` says what it needs. */
  main?: Computed<Value>;
  status?: Computed<Value>;
  missing: Missing[];
  /** The attainment cards: the plan has no row for this period (the plan year is another one). */
  outsidePlan?: boolean;
}

export interface Chart {
  id: ChartId;
  table?: Computed<Matrix>;
  /** For plan vs actual: the plan's Total column in the same months. */
  plan?: Computed<Matrix>;
  missing: Missing[];
}

export interface OverviewResult {
  cards: Card[];
  charts: Chart[];
  /** Rows the filter keeps (all rows without a filter). */
  rows: number;
  /** Open deals (not won or lost) whose next follow-up is today or earlier, and those before today. */
  followUps?: { due: number; overdue: number };
  /** The plan's first month and the index of the reference month in it (outside 0–11: not in the plan year). */
  planMonthIndex?: number;
}

// ---- Formula text ----

/** A text as an Excel string literal: quotes doubled, so data text never becomes formula syntax. */
export function stringLiteral(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

function numberLiteral(value: number): string {
  return Number.isFinite(value) ? String(value) : "0";
}

function dateLiteral(year: number, month: number): string {
  return `DATE(${year},${month},1)`;
}

/** Excel's `=` between a cell and a text: case-insensitive; a number, boolean or blank never equals a non-empty text. */
export function excelTextEquals(cell: CellValue | null | undefined, text: string): boolean {
  return typeof cell === "string" && cell.toLowerCase() === text.toLowerCase();
}

function addMonths(year: number, month: number, add: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + add;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

function lastDay(year: number, month: number, monthsAhead: number): number {
  const next = addMonths(year, month, monthsAhead + 1);
  return ymdToSerial(next.year, next.month, 1) - 1;
}

/** Which rows a formula keeps, and how it writes them. */
interface Scope {
  /** The LET name `k` holds the keep mask; undefined: every row. */
  keepExpr?: string;
  keep?: boolean[];
}

function scopeOf(input: OverviewInput, extra?: { expr: string; test: (row: number) => boolean }): Scope {
  const { columns, data, filter, table } = input;
  const parts: string[] = [];
  const tests: ((row: number) => boolean)[] = [];
  const add = (column: string | undefined, text: string | undefined) => {
    if (!column || text === undefined || text === "") return;
    const values = data.columns[column] ?? [];
    parts.push(`(${structuredRef(table, column)}=${stringLiteral(text)})`);
    tests.push((row) => excelTextEquals(values[row], text));
  };
  add(columns.owner, filter.owner);
  add(columns.region, filter.region);
  if (extra) {
    parts.push(extra.expr);
    tests.push(extra.test);
  }
  if (parts.length === 0) return {};
  const keep = Array.from({ length: data.rowCount }, (_, row) => tests.every((t) => t(row)));
  return { keepExpr: parts.join("*"), keep };
}

/** The column as the formula passes it (FILTER(…, k, "") under a filter) and as the pane passes it to the engine. */
/** Column arguments already built for a scope (several cards read the same column: built once per Overview run). */
const columnArgs = new WeakMap<Scope, Map<string, { ref: string; arg: unknown[][] }>>();

function columnArg(input: OverviewInput, scope: Scope, column: string): { ref: string; arg: unknown[][] } {
  let built = columnArgs.get(scope);
  if (!built) columnArgs.set(scope, (built = new Map()));
  const hit = built.get(column);
  if (hit) return hit;
  const made = buildColumnArg(input, scope, column);
  built.set(column, made);
  return made;
}

function buildColumnArg(input: OverviewInput, scope: Scope, column: string): { ref: string; arg: unknown[][] } {
  const ref = structuredRef(input.table, column);
  const values = input.data.columns[column] ?? [];
  if (!scope.keep) return { ref, arg: values.map((v) => [v]) };
  const kept: unknown[][] = [];
  scope.keep.forEach((k, row) => {
    if (k) kept.push([values[row] ?? ""]);
  });
  return { ref: `FILTER(${ref},k,"")`, arg: kept.length > 0 ? kept : [[""]] };
}

function withScope(scope: Scope, body: string, names = ""): string {
  if (scope.keepExpr === undefined) return names === "" ? `=${body}` : `=LET(${names},${body})`;
  return `=LET(k,${scope.keepExpr},${names === "" ? "" : `${names},`}${body})`;
}

function run<T>(work: () => T): T | { code: string; message: string } {
  try {
    return work();
  } catch (error) {
    if (isErrorValue(error)) return { code: error.code, message: error.message };
    return { code: "#VALUE!", message: error instanceof Error ? error.message : String(error) };
  }
}

function cell(matrix: unknown, row: number, col: number): Value {
  if (isErrorValue(matrix)) return { code: matrix.code, message: matrix.message };
  const m = matrix as Value[][];
  const v = m[row]?.[col];
  if (v === undefined) return { code: "#REF!", message: "" };
  return isErrorValue(v) ? { code: v.code, message: v.message } : v;
}

function matrixOf(result: unknown): Matrix | { code: string; message: string } {
  if (isErrorValue(result)) return { code: result.code, message: result.message };
  return (result as unknown[][]).map((row) =>
    row.map((v) => (isErrorValue(v) ? { code: v.code, message: v.message } : (v as Value))),
  );
}

// ---- The plan ----

interface PlanCall {
  formula: string;
  compute(period: "M" | "Q"): Matrix | { code: string; message: string };
  text(period: "M" | "Q"): string;
}

function planCall(input: OverviewInput): PlanCall | undefined {
  const plan = input.plan;
  if (!plan) return undefined;
  const season = plan.seasonality ? `{${plan.seasonality.map(numberLiteral).join(",")}}` : "";
  const owners = plan.owners ? structuredRef(plan.owners.table, plan.owners.column) : "";
  const weights = plan.weights ? structuredRef(plan.weights.table, plan.weights.column) : "";
  const start = dateLiteral(plan.startYear, plan.startMonth);
  const text = (period: "M" | "Q") => {
    const args = [plan.annualFormula, start, `"${period}"`, season];
    if (owners) args.push(owners, weights);
    while (args.length > 3 && args[args.length - 1] === "") args.pop();
    return `SALES.TARGETPLAN(${args.join(",")})`;
  };
  const compute = (period: "M" | "Q") =>
    matrixOf(
      run(() =>
        targetPlan(
          plan.annual,
          ymdToSerial(plan.startYear, plan.startMonth, 1),
          period,
          plan.seasonality ? [plan.seasonality.slice()] : null,
          plan.owners ? plan.owners.values.map((v) => [v]) : null,
          plan.weights ? plan.weights.values.map((v) => [v]) : null,
          null,
          null,
          input.lang,
        ),
      ),
    );
  return { formula: text("M"), compute, text };
}

// ---- Cards and charts ----

/** Every card and chart at once (tests, small tables). */
export function computeOverview(input: OverviewInput): OverviewResult {
  const { steps, result } = overviewSteps(input);
  for (const step of steps) step();
  return result;
}

/**
 * The Overview as steps of one card or chart each (a scan or two of the table): the pane runs them one per task
 * so that a large table never blocks its UI thread for long; `result` is complete once every step ran.
 */
export function overviewSteps(input: OverviewInput): { steps: Array<() => void>; result: OverviewResult } {
  const steps: Array<() => void> = [];
  const { columns, lang } = input;
  const all = scopeOf(input);
  const rows = all.keep ? all.keep.filter(Boolean).length : input.data.rowCount;
  const plan = planCall(input);
  const planIndex = input.plan
    ? 12 * (input.year - input.plan.startYear) + (input.month - input.plan.startMonth)
    : undefined;
  const inPlan = planIndex !== undefined && planIndex >= 0 && planIndex <= 11;

  const cards: Card[] = [];
  const charts: Chart[] = [];

  // Attainment and won, this month and this quarter (the plan's quarter when there is a plan, else the calendar's).
  const attainmentNeeds: Missing[] = [];
  if (!columns.amount) attainmentNeeds.push("amount");
  if (!columns.date) attainmentNeeds.push("date");

  const periodOf = (period: "M" | "Q") => {
    if (period === "M") return { ...{ year: input.year, month: input.month }, months: 1, row: (planIndex ?? 0) + 2 };
    const base = input.plan
      ? addMonths(input.plan.startYear, input.plan.startMonth, 3 * Math.floor((planIndex ?? 0) / 3))
      : { year: input.year, month: input.month - ((input.month - 1) % 3) };
    return { ...base, months: 3, row: Math.floor((planIndex ?? 0) / 3) + 2 };
  };

  const attainmentTable = (period: "M" | "Q") => {
    const p = periodOf(period);
    const start = dateLiteral(p.year, p.month);
    const startSerial = ymdToSerial(p.year, p.month, 1);
    const endSerial = lastDay(p.year, p.month, p.months - 1);
    const amount = columnArg(input, all, columns.amount!);
    const date = columnArg(input, all, columns.date!);
    const outcome = columns.outcome ? columnArg(input, all, columns.outcome) : undefined;
    // The target: the owner's (filtered by owner), the team's (no filter), none (a region, or outside the plan).
    let targetText = '""';
    let target: Value = "";
    let names = "";
    if (plan && inPlan && !input.filter.region) {
      const table = plan.compute(period);
      names = `p,${plan.text(period)}`;
      if (input.filter.owner && input.plan?.owners) {
        targetText = `IFERROR(INDEX(p,${p.row},MATCH(${stringLiteral(input.filter.owner)},INDEX(p,1,0),0)),"")`;
        if (!isErrorValue(table)) {
          const col = (table as Matrix)[0].findIndex(
            (h) => typeof h === "string" && excelTextEquals(h, input.filter.owner!),
          );
          target = col > 0 ? cell(table, p.row - 1, col) : "";
          if (isErrorValue(target)) target = "";
        } else target = "";
      } else if (!input.filter.owner) {
        targetText = `INDEX(p,${p.row},COLUMNS(p))`;
        target = isErrorValue(table) ? table : cell(table, p.row - 1, (table as Matrix)[0].length - 1);
      }
    }
    const args = [targetText, amount.ref, date.ref, start, `EOMONTH(${start},${p.months - 1})`, "", outcome?.ref ?? ""];
    while (args[args.length - 1] === "") args.pop();
    const call = `SALES.ATTAINMENT(${args.join(",")})`;
    const value = isErrorValue(target)
      ? target
      : run(() =>
          attainment(
            target,
            amount.arg,
            date.arg,
            startSerial,
            endSerial,
            null,
            outcome ? outcome.arg : null,
            null,
            null,
            null,
            null,
            lang,
          ),
        );
    return { call, names, value };
  };

  steps.push(() => {
    for (const [id, period] of [
      ["attainMonth", "M"],
      ["attainQuarter", "Q"],
    ] as const) {
      const missing = [...attainmentNeeds];
      if (!input.plan) missing.push("plan");
      const card: Card = { id, kind: "percent", missing, outsidePlan: input.plan !== undefined && !inPlan };
      if (attainmentNeeds.length === 0) {
        const t = attainmentTable(period);
        card.main = { value: cell(t.value, 1, 3), formula: withScope(all, `INDEX(${t.call},2,4)`, t.names) };
        card.status = { value: cell(t.value, 1, 7), formula: withScope(all, `INDEX(${t.call},2,8)`, t.names) };
      }
      cards.push(card);
    }
  });
  steps.push(() => {
    const card: Card = { id: "wonMonth", kind: "money", missing: [...attainmentNeeds] };
    if (attainmentNeeds.length === 0) {
      const t = attainmentTable("M");
      card.main = { value: cell(t.value, 1, 2), formula: withScope(all, `INDEX(${t.call},2,3)`, t.names) };
    }
    cards.push(card);
  });

  // Weighted pipeline: the quarter's expected closes when a close date is mapped, else every open deal.
  steps.push(() => {
    const missing: Missing[] = [];
    if (!columns.stage) missing.push("stage");
    if (!columns.amount) missing.push("amount");
    if (!input.stages) missing.push("stages");
    else if (!input.stages.probability) missing.push("probability");
    const card: Card = { id: "pipeline", kind: "money", missing };
    if (missing.length === 0) {
      let scope = all;
      if (columns.closeDate) {
        const q = periodOf("Q");
        const from = ymdToSerial(q.year, q.month, 1);
        const to = lastDay(q.year, q.month, 2);
        const ref = structuredRef(input.table, columns.closeDate);
        const values = input.data.columns[columns.closeDate] ?? [];
        const start = dateLiteral(q.year, q.month);
        scope = scopeOf(input, {
          expr: `(${ref}>=${start})*(${ref}<=EOMONTH(${start},2))`,
          // Excel: a text cell is greater than any number, a blank one is 0.
          test: (row) => {
            const v = values[row];
            if (typeof v === "string") return v === "" ? from <= 0 && to >= 0 : false;
            const n = typeof v === "boolean" ? NaN : Number(v ?? 0);
            return n >= from && n <= to;
          },
        });
      }
      const stage = columnArg(input, scope, columns.stage!);
      const amount = columnArg(input, scope, columns.amount!);
      const outcome = columns.outcome ? columnArg(input, scope, columns.outcome) : undefined;
      const st = input.stages!;
      const order = structuredRef(st.stage.table, st.stage.column);
      const prob = structuredRef(st.probability!.table, st.probability!.column);
      const args = [stage.ref, amount.ref, order, prob];
      if (outcome) args.push(outcome.ref);
      card.main = {
        value: run(() =>
          pipeline(
            stage.arg,
            amount.arg,
            st.stage.values.map((v) => [v]),
            st.probability!.values.map((v) => [v]),
            outcome ? outcome.arg : null,
          ),
        ),
        formula: withScope(scope, `SALES.PIPELINE(${args.join(",")})`),
      };
    }
    cards.push(card);
  });

  steps.push(() => {
    const card: Card = { id: "winRate", kind: "percent", missing: columns.outcome ? [] : ["outcome"] };
    if (columns.outcome) {
      const outcome = columnArg(input, all, columns.outcome);
      card.main = { value: run(() => winRate(outcome.arg)), formula: withScope(all, `SALES.WINRATE(${outcome.ref})`) };
    }
    cards.push(card);
  });

  const stageMissing: Missing[] = [];
  if (!columns.stage) stageMissing.push("stage");
  if (!input.stages) stageMissing.push("stages");
  steps.push(() => {
    const card: Card = { id: "bottleneck", kind: "text", missing: [...stageMissing] };
    if (stageMissing.length === 0) {
      const stage = columnArg(input, all, columns.stage!);
      const outcome = columns.outcome ? columnArg(input, all, columns.outcome) : undefined;
      const st = input.stages!;
      const order = structuredRef(st.stage.table, st.stage.column);
      const args = [stage.ref, order];
      if (outcome) args.push(outcome.ref);
      card.main = {
        value: run(() =>
          bottleneck(
            stage.arg,
            st.stage.values.map((v) => [v]),
            outcome ? outcome.arg : null,
            lang,
          ),
        ),
        formula: withScope(all, `SALES.BOTTLENECK(${args.join(",")})`),
      };
    }
    cards.push(card);
  });

  // Charts: attainment by owner this month, plan vs actual by month, the funnel.
  steps.push(() => {
    const missing = [...attainmentNeeds];
    if (!columns.owner) missing.push("owner");
    if (!input.plan?.owners) missing.push("plan");
    const chart: Chart = { id: "byOwner", missing };
    if (missing.length === 0 && plan && inPlan) {
      const p = periodOf("M");
      const start = dateLiteral(p.year, p.month);
      const amount = columnArg(input, all, columns.amount!);
      const date = columnArg(input, all, columns.date!);
      const owner = columnArg(input, all, columns.owner!);
      const outcome = columns.outcome ? columnArg(input, all, columns.outcome) : undefined;
      const table = plan.compute("M");
      const targets = isErrorValue(table) ? table : [(table as Matrix)[0], (table as Matrix)[p.row - 1]];
      const args = [
        `CHOOSEROWS(${plan.text("M")},1,${p.row})`,
        amount.ref,
        date.ref,
        start,
        `EOMONTH(${start},0)`,
        owner.ref,
      ];
      if (outcome) args.push(outcome.ref);
      chart.table = {
        value: isErrorValue(targets)
          ? targets
          : matrixOf(
              run(() =>
                attainment(
                  targets,
                  amount.arg,
                  date.arg,
                  ymdToSerial(p.year, p.month, 1),
                  lastDay(p.year, p.month, 0),
                  owner.arg,
                  outcome ? outcome.arg : null,
                  null,
                  null,
                  null,
                  null,
                  lang,
                ),
              ),
            ),
        formula: withScope(all, `SALES.ATTAINMENT(${args.join(",")})`),
      };
    } else if (missing.length === 0 && !inPlan) chart.missing = ["plan"];
    charts.push(chart);
  });
  steps.push(() => {
    const missing = [...attainmentNeeds];
    if (!input.plan) missing.push("plan");
    const chart: Chart = { id: "planActual", missing };
    if (missing.length === 0 && plan && input.plan) {
      const amount = columnArg(input, all, columns.amount!);
      const date = columnArg(input, all, columns.date!);
      const outcome = columns.outcome ? columnArg(input, all, columns.outcome) : undefined;
      const start = dateLiteral(input.plan.startYear, input.plan.startMonth);
      const args = [amount.ref, date.ref, start, '"M"'];
      if (outcome) args.push("", "", outcome.ref);
      chart.table = {
        value: matrixOf(
          run(() =>
            actuals(
              amount.arg,
              date.arg,
              ymdToSerial(input.plan!.startYear, input.plan!.startMonth, 1),
              "M",
              null,
              null,
              outcome ? outcome.arg : null,
              null,
              null,
              lang,
            ),
          ),
        ),
        formula: withScope(all, `SALES.ACTUALS(${args.join(",")})`),
      };
      chart.plan = { value: plan.compute("M"), formula: `=${plan.text("M")}` };
    }
    charts.push(chart);
  });
  steps.push(() => {
    const chart: Chart = { id: "funnel", missing: [...stageMissing] };
    if (stageMissing.length === 0) {
      const stage = columnArg(input, all, columns.stage!);
      const amount = columns.amount ? columnArg(input, all, columns.amount) : undefined;
      const outcome = columns.outcome ? columnArg(input, all, columns.outcome) : undefined;
      const st = input.stages!;
      const order = structuredRef(st.stage.table, st.stage.column);
      const args = [stage.ref, order, amount?.ref ?? "", outcome?.ref ?? ""];
      while (args[args.length - 1] === "") args.pop();
      chart.table = {
        value: matrixOf(
          run(() =>
            funnel(
              stage.arg,
              st.stage.values.map((v) => [v]),
              amount ? amount.arg : null,
              outcome ? outcome.arg : null,
              null,
              lang,
            ),
          ),
        ),
        formula: withScope(all, `SALES.FUNNEL(${args.join(",")})`),
      };
    }
    charts.push(chart);
  });

  steps.push(() => {
    // Where deals stall, region by region: SALES.FUNNELBY's cumulative conversion per region and in total.
    const missing: Missing[] = [...stageMissing];
    if (!columns.region) missing.push("region");
    const chart: Chart = { id: "funnelBy", missing };
    if (missing.length === 0) {
      const stage = columnArg(input, all, columns.stage!);
      const region = columnArg(input, all, columns.region!);
      const outcome = columns.outcome ? columnArg(input, all, columns.outcome) : undefined;
      const st = input.stages!;
      const order = structuredRef(st.stage.table, st.stage.column);
      const args = [stage.ref, order, region.ref, outcome?.ref ?? ""];
      while (args[args.length - 1] === "") args.pop();
      chart.table = {
        value: matrixOf(
          run(() =>
            funnelBy(
              stage.arg,
              st.stage.values.map((v) => [v]),
              region.arg,
              outcome ? outcome.arg : null,
              null,
              null,
              lang,
            ),
          ),
        ),
        formula: withScope(all, `SALES.FUNNELBY(${args.join(",")})`),
      };
    }
    charts.push(chart);
  });

  steps.push(() => {
    // What the next 12 months may bring: SALES.FORECAST over the won amounts by won date (the kept rows), shown once
    // the won deals cover at least 13 months (a year and one more month to see a trend).
    const missing: Missing[] = [...attainmentNeeds];
    const chart: Chart = { id: "forecast", missing };
    if (missing.length === 0) {
      const amount = columnArg(input, all, columns.amount!);
      const date = columnArg(input, all, columns.date!);
      const outcome = columns.outcome ? columnArg(input, all, columns.outcome) : undefined;
      // The won words as this table writes them, in the formula: a row counts when its outcome is one of them.
      const wonWords = outcome
        ? distinctValues(outcome.arg.map((r) => r[0]).filter((o) => parseOutcome(o) === "won")).map(String)
        : undefined;
      const isWon = (o: unknown) =>
        wonWords === undefined || wonWords.some((w) => w.toLowerCase() === String(o).toLowerCase());
      const values = amount.arg.map((r, i) =>
        date.arg[i]?.[0] === "" || !isWon(outcome?.arg[i]?.[0] ?? "") ? "" : r[0],
      );
      const months = new Set<number>();
      values.forEach((v, i) => {
        const d = parseDate(date.arg[i]?.[0]);
        if (typeof v === "number" && d !== undefined) {
          const { year, month } = serialToYmd(Math.floor(d));
          months.add(year * 12 + month);
        }
      });
      if (months.size < 13) missing.push("history");
      else {
        const kept = wonWords
          ? `IF(ISNUMBER(MATCH(${outcome!.ref},{${wonWords.map(stringLiteral).join(",")}},0)),${amount.ref},"")`
          : amount.ref;
        chart.table = {
          value: matrixOf(
            run(() =>
              forecast(
                values.map((v) => [v]),
                date.arg,
                null,
                null,
                null,
                null,
                null,
                null,
                lang,
              ),
            ),
          ),
          formula: withScope(all, `SALES.FORECAST(IF(${date.ref}="","",${kept}),${date.ref})`),
        };
      }
    }
    charts.push(chart);
  });

  steps.push(() => {
    // The open deals most likely to close: SALES.WINPROB learns from every closed row (the filter chooses which
    // open deals are listed, not what the model learns), the highest probabilities first (ties in table order,
    // as SORTBY keeps them), with SALES.WINFACTORS' two strongest reasons each way.
    const win = input.win;
    const chart: Chart = { id: "likely", missing: [] };
    charts.push(chart);
    if (!win) {
      chart.missing.push("outcomeName");
      return;
    }
    const { outcome, stage } = outcomeAndStage(win.span.headers);
    if (!outcome) {
      chart.missing.push("outcomeName");
      return;
    }
    const { won, lost } = outcomeCounts(input.data.columns[outcome] ?? []);
    if (won === 0 || lost === 0) {
      chart.missing.push("closed");
      return;
    }
    if (won + lost === input.data.rowCount) {
      chart.missing.push("open");
      return;
    }
    if (input.data.rowCount > AUTO_LEARN_ROWS && !input.learnWin) {
      chart.missing.push("ask");
      return;
    }
    const { span, fields, group } = win;
    const stageOrder = stage ? win.stageOrder : undefined;
    const shownColumns = [win.label, columns.owner, columns.amount].filter(
      (c, i, all): c is string => typeof c === "string" && c !== "" && all.indexOf(c) === i,
    );
    const headers = [
      ...shownColumns,
      input.winHeaders?.probability ?? (lang === "zh" ? "赢单概率" : "Win probability"),
      input.winHeaders?.factors ?? (lang === "zh" ? "赢单因素" : "Win factors"),
    ];
    const base = {
      table: input.table,
      first: span.first,
      last: span.last,
      fields,
      stageOrder: stageOrder ? structuredRef(stageOrder.table, stageOrder.column) : undefined,
      group,
    };
    const refs = shownColumns.map((c) => {
      const ref = structuredRef(input.table, c);
      // Names and owners as text (a blank cell shows blank, not 0); the amount as it is.
      return c === columns.amount && c !== win.label && c !== columns.owner ? ref : `${ref}&""`;
    });
    const k = all.keepExpr === undefined ? "1" : "k";
    // No open deal kept: the header row alone, or WINPROB's own error when it cannot learn.
    const names =
      `p,SALES.WINPROB(${winArguments(base)}),f,SALES.WINFACTORS(${winArguments(base, 5)},,2),` +
      `o,ISNUMBER(p)*${k},h,{${headers.map(stringLiteral).join(",")}}`;
    const body =
      `IF(SUM(o)=0,IF(ISERROR(ROWS(p)),p,h),VSTACK(h,TAKE(SORTBY(FILTER(HSTACK(${refs.join(",")},p,f),o),FILTER(p,o),-1),` +
      `${LIKELY_COUNT})))`;
    const value = run((): Matrix => {
      const records: CellValue[][] = [span.headers.slice()];
      for (let r = 0; r < input.data.rowCount; r++) {
        records.push(span.headers.map((h) => input.data.columns[h]?.[r] ?? ""));
      }
      const model = fitWinModel(
        records,
        fields.length > 0 ? [fields.slice()] : null,
        null,
        stageOrder ? stageOrder.values.map((v) => [v]) : null,
        group || null,
        0.1,
        { keepValues: true },
      );
      const open: { row: number; p: number }[] = [];
      for (let r = 0; r < input.data.rowCount; r++) {
        if (!isOpenRecord(model, r) || (all.keep && !all.keep[r])) continue;
        const p = recordProbability(model, r);
        if (typeof p === "number") open.push({ row: r, p });
      }
      open.sort((a, b) => b.p - a.p || a.row - b.row);
      const rows: Matrix = [headers];
      for (const { row, p } of open.slice(0, LIKELY_COUNT)) {
        const cells = shownColumns.map((c, i): Value => {
          const v = input.data.columns[c]?.[row];
          const blank = v === "" || v === null || v === undefined;
          // Excel's text of a cell: TRUE/FALSE in capitals, numbers in their shortest form.
          if (refs[i].endsWith('&""')) return blank ? "" : typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v);
          return blank ? 0 : (v as Value);
        });
        rows.push([...cells, p, factorText(recordFactors(model, row), 2)]);
      }
      return rows;
    });
    chart.table = { value, formula: withScope(all, body, names) };
  });

  let followUps: OverviewResult["followUps"];
  steps.push(() => {
    if (columns.nextFollowUp) {
      const dates = input.data.columns[columns.nextFollowUp] ?? [];
      const outcomes = columns.outcome ? (input.data.columns[columns.outcome] ?? []) : [];
      const today = input.today ?? todaySerial();
      followUps = { due: 0, overdue: 0 };
      for (let row = 0; row < input.data.rowCount; row++) {
        if (all.keep && !all.keep[row]) continue;
        const d = parseDate(dates[row]);
        if (d === undefined || Math.floor(d) > today) continue;
        const outcome = columns.outcome ? parseOutcome(outcomes[row]) : "open";
        if (outcome === "won" || outcome === "lost") continue;
        followUps.due++;
        if (Math.floor(d) < today) followUps.overdue++;
      }
    }
  });

  const result: OverviewResult = { cards, charts, rows, planMonthIndex: planIndex };
  steps.push(() => {
    result.followUps = followUps;
  });
  return { steps, result };
}

/**
 * The deals table's columns a written formula sends to the add-in in one SALES call, at most: each
 * column it names (`Leads[Amount]`) and every column of a `Leads[[#All],[First]:[Last]]` span (SALES.WINPROB's
 * records). An upper bound for the largest call, which is what Excel on the web caps.
 */
export function formulaColumns(formula: string, table: string, headers: readonly string[]): string[] {
  const read = new Set<string>();
  for (const h of headers) if (formula.includes(structuredRef(table, h))) read.add(h);
  const marker = `${table}[[#All],[`;
  let at = formula.indexOf(marker);
  while (at >= 0) {
    let i = at + marker.length;
    // A column name up to its closing bracket; ' escapes the next character (escapeColumn).
    const name = () => {
      let out = "";
      while (i < formula.length && formula[i] !== "]") {
        if (formula[i] === "'") i++;
        out += formula[i] ?? "";
        i++;
      }
      i++;
      return out;
    };
    const first = name();
    const last = formula.startsWith(":[", i) ? ((i += 2), name()) : first;
    const a = headers.indexOf(first);
    const b = headers.indexOf(last);
    if (a >= 0 && b >= a) for (let c = a; c <= b; c++) read.add(headers[c]);
    at = formula.indexOf(marker, i);
  }
  return headers.filter((h) => read.has(h));
}

/**
 * A computed value as cells *Add to Dashboard* can write in place of its formula (Excel on the web refuses a
 * custom-function call over 5 MB): numbers as they are, text as a formula of a string literal (data text never
 * becomes formula syntax), an error as its code in text.
 */
export function valueCells(value: Value | Matrix): (string | number)[][] {
  const one = (v: Value): string | number => {
    if (typeof v === "number") return v;
    if (typeof v === "string") return v === "" ? "" : `=${stringLiteral(v)}`;
    if (typeof v === "boolean") return v ? "=TRUE" : "=FALSE";
    return `=${stringLiteral(v.code)}`;
  };
  return Array.isArray(value) ? value.map((row) => row.map(one)) : [[one(value)]];
}

/** The reference month of a serial (today by default). */
export function monthOf(serial: number): { year: number; month: number } {
  const { year, month } = serialToYmd(serial);
  return { year, month };
}

/** Distinct non-blank texts of a column in first-seen order, case-insensitively (as Excel's `=` compares). */
export function filterOptions(values: readonly CellValue[] | undefined): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const v of values ?? []) {
    if (typeof v !== "string" || v.trim() === "") continue;
    const key = v.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(v);
  }
  return out;
}

// ---- Where the Overview's inputs come from: the mapping, the Targets settings, the workbook ----

/** The Targets panel's settings the plan is made of (its saved `targets` setting). */
export interface PlanSettings {
  annualTarget?: number;
  startMonth?: string;
  seasonality?: string;
  typedWeights?: number[];
  historyTable?: string;
  historyDate?: string;
  historyAmount?: string;
}

export type OverviewSource = Pick<OverviewInput, "table" | "columns" | "data" | "stages" | "plan" | "win">;

async function readColumns(ops: WorkbookOps, table: string, columns: string[]): Promise<TableColumns> {
  return ops.readTable(table, { columns: [...new Set(columns)] });
}

/**
 * Reads what the Overview needs: the mapped deals table's mapped columns, the stages table, and the plan (the
 * Targets settings over the mapped targets table). Undefined when no deals table is mapped.
 */
export async function loadOverviewSource(
  ops: WorkbookOps,
  mapping: SavedMapping,
  settings: PlanSettings | undefined,
  asOf: number,
): Promise<OverviewSource | undefined> {
  const table = tableFor(mapping, "deals");
  if (!table) return undefined;
  const role = (r: DealRole) => columnFor(mapping, r) ?? undefined;
  const won = role("wonDate");
  const close = role("closeDate");
  const columns: OverviewColumns = {
    owner: role("owner"),
    region: role("region"),
    stage: role("stage"),
    outcome: role("outcome"),
    amount: role("amount"),
    date: won ?? close,
    closeDate: won && close && close !== won ? close : undefined,
    nextFollowUp: role("nextFollowUp"),
  };
  const wanted = Object.values(columns).filter((c): c is string => typeof c === "string" && c !== "");
  // SALES.WINPROB reads the source columns (first to the last before the pane's output columns).
  const info = (await ops.listTables()).find((x) => x.name === table);
  const span = info ? sourceSpan(info.headers) : undefined;
  const outcomeColumn = span ? outcomeAndStage(span.headers).outcome : undefined;
  const data = await readColumns(ops, table, outcomeColumn && span ? [...wanted, ...span.headers] : wanted);

  let stages: OverviewStages | undefined;
  const stagesTable = tableFor(mapping, "stages");
  const stageColumn = stagesTable ? columnFor(mapping, "stage", "stages") : undefined;
  if (stagesTable && stageColumn) {
    const probability = columnFor(mapping, "probability", "stages") ?? undefined;
    const read = await readColumns(ops, stagesTable, probability ? [stageColumn, probability] : [stageColumn]);
    stages = {
      stage: { table: stagesTable, column: stageColumn, values: read.columns[stageColumn] ?? [] },
      probability: probability
        ? { table: stagesTable, column: probability, values: read.columns[probability] ?? [] }
        : undefined,
    };
  }

  let plan: OverviewPlan | undefined;
  const start = /^(\d{4})-(\d{1,2})$/.exec(settings?.startMonth ?? "");
  const targetsTable = tableFor(mapping, "targets");
  const ownerColumn = targetsTable ? (columnFor(mapping, "owner", "targets") ?? undefined) : undefined;
  const weightColumn = targetsTable ? (columnFor(mapping, "weight", "targets") ?? undefined) : undefined;
  const targetColumn = targetsTable ? (columnFor(mapping, "target", "targets") ?? undefined) : undefined;
  let owners: ColumnRef | undefined;
  let weights: ColumnRef | undefined;
  let annualFromTable: number | undefined;
  if (targetsTable && ownerColumn) {
    const cols = [ownerColumn, weightColumn, targetColumn].filter((c): c is string => !!c);
    const read = await readColumns(ops, targetsTable, cols);
    owners = { table: targetsTable, column: ownerColumn, values: read.columns[ownerColumn] ?? [] };
    // Per-owner targets are the owners' weights, and their sum the annual target.
    const w = targetColumn ?? weightColumn;
    if (w) weights = { table: targetsTable, column: w, values: read.columns[w] ?? [] };
    if (targetColumn) {
      annualFromTable = 0;
      for (const v of read.columns[targetColumn] ?? []) if (typeof v === "number") annualFromTable += v;
    }
  }
  const annual = annualFromTable ?? settings?.annualTarget;
  if (start && typeof annual === "number" && annual > 0 && Number(start[2]) >= 1 && Number(start[2]) <= 12) {
    const startYear = Number(start[1]);
    const startMonth = Number(start[2]);
    let seasonality: number[] | null = null;
    if (settings?.seasonality === "typed" && Array.isArray(settings.typedWeights)) {
      seasonality = settings.typedWeights.slice(0, 12);
    } else if (
      settings?.seasonality === "history" &&
      settings.historyTable &&
      settings.historyDate &&
      settings.historyAmount
    ) {
      const history = await readColumns(ops, settings.historyTable, [settings.historyDate, settings.historyAmount]);
      const calendar = monthlyHistory(
        history.columns[settings.historyDate] ?? [],
        history.columns[settings.historyAmount] ?? [],
        asOf,
      );
      seasonality = rotateToPlan(calendar, startMonth);
    }
    plan = {
      annual,
      annualFormula:
        annualFromTable !== undefined && targetsTable && targetColumn
          ? `SUM(${structuredRef(targetsTable, targetColumn)})`
          : numberLiteral(annual),
      startYear,
      startMonth,
      seasonality,
      owners,
      weights: owners ? weights : undefined,
    };
  }
  let win: OverviewWin | undefined;
  if (span && outcomeColumn) {
    // The Lead scoring panel's choice of factors and group (else its suggestion): one model in both places.
    const saved = await ops.getSetting<WinSettings>("winprob").catch(() => undefined);
    const candidates = factorCandidates(
      span.headers,
      (r) => role(r as DealRole),
      mapping.stageEntries.map((e) => e.column),
    );
    const suggested = saved?.fields
      ? []
      : suggestFactors(data, candidates, closedRows(data.columns[outcomeColumn] ?? []));
    const { fields, group } = chosenFactors(saved, span.headers, candidates, suggested);
    win = {
      span,
      fields,
      group,
      stageOrder: stages?.stage,
      label: [role("name"), role("company"), span.first].find(
        (c): c is string => typeof c === "string" && span.headers.includes(c),
      )!,
    };
  }
  return { table, columns, data, stages, plan, win };
}

export type StatusKind = "achieved" | "onTrack" | "caution" | "offTrack" | "notStarted" | "noTarget";

const STATUS_WORDS: Record<StatusKind, readonly string[]> = {
  achieved: ["Achieved", "已达成"],
  onTrack: ["On track", "正常"],
  caution: ["Caution", "预警"],
  offTrack: ["Off track", "落后"],
  notStarted: ["Not started", "未开始"],
  noTarget: ["No target", "未设目标"],
};

/** Which of ATTAINMENT's statuses a Status cell shows (in either language). */
export function statusKind(value: unknown): StatusKind | undefined {
  if (typeof value !== "string") return undefined;
  for (const [kind, words] of Object.entries(STATUS_WORDS) as [StatusKind, readonly string[]][]) {
    if (words.includes(value)) return kind;
  }
  return undefined;
}
