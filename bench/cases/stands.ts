/**
 * Bench cases for "where the team stands" (issue 8): ACTUALS weekly × 500 owners and ATTAINMENT over 1,048,576
 * records, FUNNELBY 1,048,576 rows × 30 groups, STAGETIME 1,048,576 rows × 8 stage columns. Each is called through
 * the public custom function (adapter included) and reported as a ratio to a bare scan of the same cells, measured
 * just before it in the same process (target ≤ 3×).
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { BenchCase, BenchContext, BenchRow } from "../types";
import { againstScan, bareScan } from "../lib";
import { seededRandom } from "../../src/sample/data";

type Sales = typeof import("../../src/functions/functions");
// Loaded when a case runs: the runner installs the CustomFunctions stand-in first.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded when a case runs, after the runner installs the CustomFunctions stand-in
const sales = (): Sales => require("../../src/functions/functions") as Sales;

const MAX_RATIO = 3;
const PLAN_START = 45658; // 2025-01-01
// 2025 weekday public holidays in China and the make-up weekend days (调休).
const HOLIDAYS = [
  45658, 45685, 45686, 45687, 45688, 45691, 45752, 45778, 45779, 45782, 45931, 45932, 45933, 45936, 45937, 45938,
].map((d) => [d]);
const WORKDAYS = [45683, 45696, 45773, 45926, 45941].map((d) => [d]);
const OUTCOME_WORDS = ["won", "won", "lost", "open", "", "赢单"];

const rowsFor = (ctx: BenchContext): number => Math.round(1048576 * ctx.scale);

/** Deals: amount (cents, some numeric text), won date (serial, some text, some blank), owner, outcome. */
function makeDeals(n: number, ownerCount: number, seed: number) {
  const rnd = seededRandom(seed);
  const owners = Array.from({ length: ownerCount }, (_, i) => `Rep ${String(i + 1).padStart(3, "0")}`);
  const amounts: any[][] = new Array(n);
  const dates: any[][] = new Array(n);
  const ownerCells: any[][] = new Array(n);
  const outcomes: any[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    const x = rnd();
    amounts[i] = [x < 0.01 ? "¥3.5万" : x < 0.02 ? "" : Math.round(rnd() * 10000000) / 100];
    const y = rnd();
    dates[i] = [y < 0.01 ? "" : y < 0.02 ? "2025-06-30" : PLAN_START - 20 + Math.floor(rnd() * 400)];
    ownerCells[i] = [owners[Math.floor(rnd() * ownerCount)]];
    outcomes[i] = [OUTCOME_WORDS[Math.floor(rnd() * OUTCOME_WORDS.length)]];
  }
  return { amounts, dates, owners: ownerCells, outcomes, ownerList: owners.map((o) => [o]) };
}

const actualsCase: BenchCase = (ctx): BenchRow[] => {
  const n = rowsFor(ctx);
  const d = makeDeals(n, 500, 81);
  const { actuals } = sales();
  let width = 0;
  const scan = ctx.time(() => bareScan(d.amounts, d.dates, d.owners));
  const ms = ctx.time(
    () => actuals(d.amounts, d.dates, PLAN_START, "W", d.owners, null as any, null as any, HOLIDAYS, WORKDAYS),
    5,
    (out) => (width = out[0].length),
  );
  const scan2 = ctx.time(() => bareScan(d.amounts, d.dates, d.owners, d.outcomes));
  const ms2 = ctx.time(() =>
    actuals(d.amounts, d.dates, PLAN_START, "W", d.owners, d.ownerList, d.outcomes, HOLIDAYS, WORKDAYS),
  );
  return [
    againstScan("ACTUALS weekly × 500 owners, every record counted", n, ms, scan, MAX_RATIO, `${width} columns`),
    againstScan("ACTUALS weekly × 500 owners, owner_list + outcomes", n, ms2, scan2, MAX_RATIO),
  ];
};

const attainmentCase: BenchCase = (ctx): BenchRow[] => {
  const n = rowsFor(ctx);
  const d = makeDeals(n, 500, 82);
  const targets = [["Owner", "Target"], ...d.ownerList.map((o, i) => [o[0], 100000 + 1000 * (i % 37)])];
  const { attainment } = sales();
  const scan = ctx.time(() => bareScan(d.amounts, d.dates, d.owners, d.outcomes));
  const ms = ctx.time(() =>
    attainment(targets, d.amounts, d.dates, 45748, 45838, d.owners, d.outcomes, 45800, HOLIDAYS, WORKDAYS, null),
  );
  return [againstScan("ATTAINMENT one quarter × 500 owners, outcomes", n, ms, scan, MAX_RATIO)];
};

const STAGES8 = ["Lead", "Contacted", "Qualified", "Demo", "Proposal", "Negotiation", "Contract", "Onboarding"];

const funnelByCase: BenchCase = (ctx): BenchRow[] => {
  const n = rowsFor(ctx);
  const rnd = seededRandom(83);
  const groupNames = Array.from({ length: 30 }, (_, i) => (i % 2 === 0 ? `Region ${i + 1}` : `区域 ${i + 1}`));
  const stages: any[][] = new Array(n);
  const groups: any[][] = new Array(n);
  const outcomes: any[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    const x = rnd();
    stages[i] = [x < 0.02 ? "Other" : x < 0.03 ? "" : STAGES8[Math.floor(rnd() * 8)]];
    groups[i] = [rnd() < 0.01 ? "" : groupNames[Math.floor(rnd() * 30)]];
    outcomes[i] = [OUTCOME_WORDS[Math.floor(rnd() * OUTCOME_WORDS.length)]];
  }
  const order = STAGES8.map((s) => [s]);
  const { funnelBy } = sales();
  const scan = ctx.time(() => bareScan(stages, groups, outcomes));
  const ms = ctx.time(() => funnelBy(stages, order, groups, outcomes, "cumulative", null as any));
  return [againstScan("FUNNELBY 8 stages × 30 groups, outcomes", n, ms, scan, MAX_RATIO)];
};

const stageTimeCase: BenchCase = (ctx): BenchRow[] => {
  const n = rowsFor(ctx);
  const rnd = seededRandom(84);
  const table: any[][] = new Array(n + 1);
  table[0] = STAGES8.slice();
  const outcomes: any[][] = new Array(n);
  for (let i = 1; i <= n; i++) {
    // Each record went some way down the funnel, sometimes skipping a stage, a stay of 0–30 days in each.
    const reach = 1 + Math.floor(rnd() * 8);
    const row: any[] = new Array(8);
    let d = PLAN_START + Math.floor(rnd() * 300);
    for (let c = 0; c < 8; c++) {
      if (c >= reach) row[c] = rnd() < 0.5 ? null : "";
      else if (c > 0 && rnd() < 0.1) row[c] = null;
      else {
        d += Math.floor(rnd() * 31);
        row[c] = d;
      }
    }
    table[i] = row;
    outcomes[i - 1] = [reach === 8 && rnd() < 0.6 ? "won" : rnd() < 0.3 ? "lost" : "open"];
  }
  const { stageTime } = sales();
  const scan = ctx.time(() => bareScan(table, outcomes));
  const ms = ctx.time(() => stageTime(table, outcomes, PLAN_START + 400, null as any));
  return [againstScan("STAGETIME 8 stage columns, outcomes", n, ms, scan, MAX_RATIO)];
};

export const cases: Record<string, BenchCase> = {
  "stands-actuals": actualsCase,
  "stands-attainment": attainmentCase,
  "stands-funnelby": funnelByCase,
  "stands-stagetime": stageTimeCase,
};
