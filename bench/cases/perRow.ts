/**
 * Per-row calls, as Excel makes them inside a table (issue 7): one call per row, each with fresh argument arrays
 * (the row, the rules table, the header row), 50,000 rows of messy leads. Each case is reported as a ratio to ONE
 * whole-table call over the same rows, measured in the same process (target ≤ 2×, never above 4×, for LEADSCORE and
 * SCOREDETAIL). The fresh arrays are built before the clock starts: what is timed is the functions' own work.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { BenchCase, BenchContext, BenchRow } from "../types";
import { round1 } from "../lib";
import { AS_OF, FIELDS, makeLeads, RULE_TABLE } from "../data";

type Sales = typeof import("../../src/functions/functions");
// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded when a case runs, after the runner installs the CustomFunctions stand-in
const sales = (): Sales => require("../../src/functions/functions") as Sales;

const CALLS = 50000;
const callsFor = (ctx: BenchContext): number => Math.round(CALLS * ctx.scale);
const copy = (m: any[][]): any[][] => m.map((r) => r.slice());

function perRowRow(name: string, calls: number, perRowMs: number, wholeMs: number, maxRatio: number): BenchRow {
  return {
    case: name,
    rows: calls,
    medianMs: round1(perRowMs),
    baselineName: "one whole-table call over the same rows",
    baselineMs: round1(wholeMs),
    ratio: Math.round((perRowMs / wholeMs) * 100) / 100,
    maxRatio,
    note: `${((perRowMs * 1000) / calls).toFixed(2)} µs per call`,
  };
}

/** LEADSCORE or SCOREDETAIL: the pane's `=SALES.LEADSCORE(Leads[@[Company]:[Stage]], ScoringRules, Leads[#Headers])`. */
function scoring(kind: "leadScore" | "scoreDetail", label: string): BenchCase {
  return (ctx) => {
    const n = callsFor(ctx);
    const leads = makeLeads(n, false, 7);
    const fn = sales()[kind];
    const rows = leads.slice(1);
    const args: any[][][][] = rows.map((row) => [[row.slice()], copy(RULE_TABLE), [FIELDS.slice()]]);
    const whole = ctx.time(() => fn(rows, RULE_TABLE, [FIELDS], AS_OF));
    let checked = false;
    const perRow = ctx.time(
      () => {
        const out = new Array(n);
        for (let i = 0; i < n; i++) out[i] = fn(args[i][0], args[i][1], args[i][2], AS_OF)[0][0];
        return out;
      },
      5,
      (out) => {
        if (checked) return;
        checked = true;
        const all = fn(rows, RULE_TABLE, [FIELDS], AS_OF);
        for (let i = 0; i < n; i++) {
          if (JSON.stringify(all[i][0]) !== JSON.stringify(out[i]))
            throw new Error(`${label}: row ${i + 1} differs per row`);
        }
      },
    );
    return [perRowRow(`${label} per row (15 fields × 20 rules)`, n, perRow, whole, 2)];
  };
}

const bantCase: BenchCase = (ctx) => {
  const n = callsFor(ctx);
  const leads = makeLeads(n, false, 8).slice(1);
  const col = (name: string) => leads.map((r) => [r[FIELDS.indexOf(name)]]);
  const budget = col("Budget");
  const authority = col("Title");
  const need = col("Opted in");
  const timeline = col("Last contact");
  const { bant } = sales();
  const whole = ctx.time(() => bant(budget, authority, need, timeline, "1,000", 400, 3, AS_OF));
  const args = budget.map((_, i) => [
    [budget[i].slice()],
    [authority[i].slice()],
    [need[i].slice()],
    [timeline[i].slice()],
  ]);
  const perRow = ctx.time(() => {
    for (let i = 0; i < n; i++) bant(args[i][0], args[i][1], args[i][2], args[i][3], "1,000", 400, 3, AS_OF);
  });
  return [perRowRow("BANT per row", n, perRow, whole, 4)];
};

const GRADE_THRESHOLDS = [[80], [50]];
const GRADE_LABELS = [["A"], ["B"], ["C"]];
const gradeCase: BenchCase = (ctx) => {
  const n = callsFor(ctx);
  const scores = Array.from({ length: n }, (_, i) => [(i * 37) % 101]);
  const { leadGrade } = sales();
  const whole = ctx.time(() => leadGrade(scores, GRADE_THRESHOLDS, GRADE_LABELS));
  const args = scores.map((s) => [[s.slice()], copy(GRADE_THRESHOLDS), copy(GRADE_LABELS)]);
  const perRow = ctx.time(() => {
    for (let i = 0; i < n; i++) leadGrade(args[i][0], args[i][1], args[i][2]);
  });
  return [perRowRow("LEADGRADE per row", n, perRow, whole, 4)];
};

const TIERS = [
  ["Threshold", "Rate"],
  [0, "2%"],
  ["50,000", 0.035],
  [200000, 0.05],
  ["¥100万", 0.08],
];
const commissionCase: BenchCase = (ctx) => {
  const n = callsFor(ctx);
  const amounts = Array.from({ length: n }, (_, i) => [i % 97 === 0 ? "8,000" : ((i * 7919) % 2000000) + 0.5]);
  const { commission } = sales();
  const whole = ctx.time(() => commission(amounts, TIERS, "marginal"));
  const args = amounts.map((a) => [[a.slice()], copy(TIERS)]);
  const perRow = ctx.time(() => {
    for (let i = 0; i < n; i++) commission(args[i][0], args[i][1], "marginal");
  });
  return [perRowRow("COMMISSION per row (marginal, 4 tiers)", n, perRow, whole, 4)];
};

export const cases: Record<string, BenchCase> = {
  "perrow-leadscore": scoring("leadScore", "LEADSCORE"),
  "perrow-scoredetail": scoring("scoreDetail", "SCOREDETAIL"),
  "perrow-bant": bantCase,
  "perrow-leadgrade": gradeCase,
  "perrow-commission": commissionCase,
};
