/**
 * Benchmark of the SALES custom functions, called through src/functions/functions.ts exactly as Excel calls them
 * (data already in memory as any[][]), so the adapter's cost is included. Prints a table and writes
 * bench/results.json (bench/results.quick.json with `--quick`, which runs every case at 1/10 size; `--no-hf` skips the
 * HyperFormula comparison). Each SALES case runs in its own child process (`--case=<name>` runs one case).
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawnSync } from "child_process";
import { HyperFormula } from "hyperformula";
import { installCustomFunctionsStub } from "../test/support/customFunctionsStub";
import { seededRandom as prng } from "../src/sample/data";
import { caseModules } from "./cases";
import type { BenchRow } from "./types";
import { time as timeLib } from "./lib";
import { AS_OF, ENGAGEMENT, FIELDS, makeLeads, RULES, RULE_TABLE } from "./data";

installCustomFunctionsStub();
// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded after the CustomFunctions stand-in is installed
const sales = require("../src/functions/functions") as typeof import("../src/functions/functions");

const quick = process.argv.includes("--quick");
// --no-hf skips the (slow) HyperFormula comparison, for iterating on the engine.
const withHf = !process.argv.includes("--no-hf");
const scale = quick ? 0.1 : 1;
const RUNS = 5;
const gc: () => void = (globalThis as any).gc ?? (() => undefined);

interface CaseResult {
  case: string;
  rows: number;
  medianMs: number;
  rowsPerSec: number;
  targetMs: number | null;
  pass: boolean | null;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Median wall time of `runs` calls after one warm-up call; `after` sees each run's result. */
function time<T>(fn: () => T, runs = RUNS, after?: (result: T) => void): number {
  after?.(fn());
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    gc();
    const t0 = process.hrtime.bigint();
    const result = fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    after?.(result);
  }
  return median(times);
}

function nativeScoreFormula(r: number): string {
  const ungrouped = RULES.filter((x) => x[4] === "").map((x) => x[6](r));
  const grouped = `MIN(${ENGAGEMENT.map(([x]) => x[6](r)).join("+")},20)`;
  return `=${[...ungrouped, grouped].join("+")}`.replace(/\b([A-O])(\d+)\b/g, "Data!$1$2");
}

// ---------------------------------------------------------------------------------------------------------------
const STAGES8 = ["Lead", "Contacted", "Qualified", "Demo", "Proposal", "Negotiation", "Contract", "Onboarding"];

function makeDeals(n: number, seed: number, plain = false): { stages: any[][]; amounts: any[][]; outcomes: any[][] } {
  const rnd = prng(seed);
  const stages: any[][] = new Array(n);
  const amounts: any[][] = new Array(n);
  const outcomes: any[][] = new Array(n);
  // Blank outcomes (open) only in the SALES-only case: HyperFormula's COUNTIFS does not match "" cells with "=".
  const words = plain ? ["open", "open", "open", "won", "lost"] : ["open", "open", "open", "won", "lost", ""];
  for (let i = 0; i < n; i++) {
    stages[i] = [rnd() < 0.02 ? "Other" : STAGES8[Math.floor(rnd() * 8)].toLowerCase()];
    amounts[i] = [Math.round(rnd() * 10000000) / 100];
    outcomes[i] = [words[Math.floor(rnd() * words.length)]];
  }
  return { stages, amounts, outcomes };
}

const TIERS = [
  [0, 0.02],
  [50000, 0.035],
  [200000, 0.05],
  [1000000, 0.08],
];

// ---------------------------------------------------------------------------------------------------------------
const results: CaseResult[] = [];
const comparisons: any[] = [];
const record = (name: string, rows: number, ms: number, target: number | null) => {
  const targetMs = target === null ? null : target * (quick ? 0.1 : 1);
  results.push({
    case: name,
    rows,
    medianMs: Math.round(ms * 10) / 10,
    rowsPerSec: Math.round(rows / (ms / 1000)),
    targetMs,
    pass: targetMs === null ? null : ms <= targetMs,
  });
};

function mb(bytes: number): number {
  return Math.round(bytes / 1048576);
}

function benchLeadScore(): Record<string, unknown> {
  const leadCount = Math.round(1048576 * scale);
  const leads = makeLeads(leadCount, false, 1);
  gc();
  const before = process.memoryUsage();
  let heapAfterMax = 0;
  const leadMs = time(
    () => sales.leadScore(leads, RULE_TABLE, null as any, AS_OF),
    RUNS,
    (out) => {
      if (out.length !== leadCount) throw new Error(`LEADSCORE returned ${out.length} rows`);
      heapAfterMax = Math.max(heapAfterMax, process.memoryUsage().heapUsed);
    },
  );
  record(`LEADSCORE ${FIELDS.length} fields × ${RULES.length} rules`, leadCount, leadMs, 1500);
  return {
    rssBeforeMB: mb(before.rss),
    heapBeforeMB: mb(before.heapUsed),
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    heapAfterRunMaxMB: mb(heapAfterMax),
    note:
      "measured in the LEADSCORE process: rss/heap before = after generating the leads in memory; peak RSS = process " +
      "maximum after the LEADSCORE runs; heap after run = largest heapUsed right after a run (result and garbage included)",
  };
}

const HF_ROWS = Math.round(100000 * scale);

const CASES: Record<string, () => Record<string, unknown> | void> = {
  leadscore: benchLeadScore,
  funnel: benchFunnel,
  split: benchSplit,
  targetplan: () => benchTargetPlan(),
  // SALES side of the HyperFormula comparisons, on exactly the data the comparison builds (same seeds)
  "compare-leadscore": () => {
    const leads = makeLeads(HF_ROWS, true, 11);
    return { ms: time(() => sales.leadScore(leads, RULE_TABLE, null as any, AS_OF)) };
  },
  "compare-funnel": () => {
    const deals = makeDeals(HF_ROWS, 12, true);
    const order = STAGES8.map((s) => [s]);
    return { ms: time(() => sales.funnel(deals.stages, order, deals.amounts, deals.outcomes, false)) };
  },
  "compare-commission": () => {
    const amounts = commissionAmounts(HF_ROWS);
    return { ms: time(() => sales.commission(amounts, TIERS, null)) };
  },
};

function commissionAmounts(n: number): number[][] {
  const rnd = prng(13);
  return Array.from({ length: n }, () => [Math.round(rnd() * 200000000) / 100]);
}

/**
 * Each SALES case runs in a fresh child process with only its own data in memory: a heap still holding the
 * millions of small arrays of an earlier case makes every major GC slower and would bill that to later cases.
 */
function runCaseInChild(name: string): Record<string, unknown> {
  const args = [...process.execArgv, path.join(__dirname, "run.ts"), `--case=${name}`, ...(quick ? ["--quick"] : [])];
  const child = spawnSync(process.execPath, args, { encoding: "utf8", maxBuffer: 1 << 24 });
  const line = (child.stdout ?? "").split("\n").find((l) => l.startsWith("RESULT "));
  if (child.status !== 0 || line === undefined) {
    throw new Error(`bench case ${name} failed (exit ${child.status}):\n${child.stdout}\n${child.stderr}`);
  }
  const payload = JSON.parse(line.slice("RESULT ".length)) as { results: CaseResult[]; extra: Record<string, unknown> };
  for (const r of payload.results) {
    results.push(r);
    console.error(`  ${r.case}: ${r.rows} rows, median ${r.medianMs} ms`);
  }
  return payload.extra ?? {};
}

// Cases from bench/cases/: each returns rows with their own baseline (bare scan or whole-table call).
const moduleRows: BenchRow[] = [];
const MODULE_CASES: Record<string, () => Record<string, unknown>> = {};
for (const mod of caseModules) {
  for (const [name, fn] of Object.entries(mod)) {
    if (name in CASES || name in MODULE_CASES) throw new Error(`duplicate bench case ${name}`);
    MODULE_CASES[name] = () => ({ rows: fn({ scale, time: timeLib }) });
  }
}

function runModuleCase(name: string): void {
  const extra = runCaseInChild(name) as { rows?: BenchRow[] };
  for (const row of extra.rows ?? []) {
    moduleRows.push(row);
    console.error(
      `  ${row.case}: median ${row.medianMs} ms${row.ratio !== undefined ? `, ${row.ratio}× ${row.baselineName}` : ""}`,
    );
  }
}

function main(): void {
  const only = process.argv.find((a) => a.startsWith("--case="))?.slice("--case=".length);
  if (only !== undefined) {
    const fn = CASES[only] ?? MODULE_CASES[only];
    if (fn === undefined) throw new Error(`unknown case ${only}`);
    const extra = fn() ?? {};
    console.log(`RESULT ${JSON.stringify({ results, extra })}`);
    return;
  }
  const memory = runCaseInChild("leadscore");
  runCaseInChild("funnel");
  runCaseInChild("split");
  const plan = runCaseInChild("targetplan") as { rows: number; columns: number };
  for (const name of Object.keys(MODULE_CASES)) runModuleCase(name);

  // ---- the same work as native formulas in HyperFormula, at 100,000 rows (1/10 with --quick) ----
  const hfRows = HF_ROWS;
  if (withHf) {
    compareLeadScore(hfRows);
    compareFunnel(hfRows);
    compareCommission(hfRows);
  }

  // ---- report ----
  const pad = (s: string, n: number) => (s.length >= n ? s : s + " ".repeat(n - s.length));
  const lpad = (s: string, n: number) => (s.length >= n ? s : " ".repeat(n - s.length) + s);
  console.log(
    `\nSALES benchmark${quick ? " (--quick: 1/10 size, targets scaled by 1/10 — indicative only)" : ""} — median of ${RUNS} runs after a warm-up, ` +
      `each case in its own process, node ${process.version}, ${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(1)}\n`,
  );
  console.log(
    `${pad("case", 44)} ${lpad("rows", 9)} ${lpad("median ms", 10)} ${lpad("rows/s", 12)} ${lpad("target", 8)}  result`,
  );
  for (const r of results) {
    console.log(
      `${pad(r.case, 44)} ${lpad(String(r.rows), 9)} ${lpad(r.medianMs.toFixed(1), 10)} ${lpad(r.rowsPerSec.toLocaleString("en-US"), 12)} ${lpad(r.targetMs === null ? "-" : `≤${r.targetMs}`, 8)}  ${r.pass === null ? "-" : r.pass ? "pass" : "FAIL"}`,
    );
  }
  if (moduleRows.length > 0) {
    console.log(
      `\n${pad("case", 44)} ${lpad("rows", 9)} ${lpad("median ms", 10)} ${lpad("base ms", 9)} ${lpad("ratio", 7)} ${lpad("max", 6)}  result`,
    );
    for (const r of moduleRows) {
      const ok =
        r.ratio !== undefined && r.maxRatio !== undefined
          ? r.ratio <= r.maxRatio
            ? "pass"
            : "FAIL"
          : r.targetMs !== undefined
            ? r.medianMs <= r.targetMs
              ? "pass"
              : "FAIL"
            : "-";
      console.log(
        `${pad(r.case, 44)} ${lpad(String(r.rows), 9)} ${lpad(r.medianMs.toFixed(1), 10)} ${lpad(r.baselineMs === undefined ? "-" : r.baselineMs.toFixed(1), 9)} ${lpad(r.ratio === undefined ? "-" : `${r.ratio}×`, 7)} ${lpad(r.maxRatio !== undefined ? `≤${r.maxRatio}` : r.targetMs ? `≤${r.targetMs}ms` : "-", 6)}  ${ok}${r.note ? `  ${r.note}` : ""}`,
      );
    }
  }
  console.log(`\nTARGETPLAN weekly table: ${plan.rows} rows × ${plan.columns} columns`);
  console.log(`\nHyperFormula (native formulas) vs SALES at ${hfRows} rows`);
  console.log(
    `${pad("case", 44)} ${lpad("SALES ms", 10)} ${lpad("HF ms", 10)} ${lpad("HF runs", 8)} ${lpad("HF/SALES", 9)}  same result`,
  );
  for (const c of comparisons) {
    console.log(
      `${pad(c.case, 44)} ${lpad(c.oursMs.toFixed(1), 10)} ${lpad(c.hfMs.toFixed(1), 10)} ${lpad(String(c.hfRuns), 8)} ${lpad(c.ratio.toFixed(1) + "×", 9)}  ${c.agree ? "yes" : "NO"}`,
    );
  }
  console.log(
    `\nLEADSCORE memory: RSS before ${memory.rssBeforeMB} MB, peak RSS ${memory.peakRssMB} MB, heap before ${memory.heapBeforeMB} MB, heap after run ≤ ${memory.heapAfterRunMaxMB} MB`,
  );

  const out = {
    date: new Date().toISOString(),
    node: process.version,
    quick,
    runs: RUNS,
    loadAverageAtEnd: os.loadavg(),
    cases: results,
    ratioCases: moduleRows,
    hyperformula: comparisons,
    leadScoreMemory: memory,
  };
  // A --quick run must not overwrite the full-size results.
  const file = path.join(__dirname, quick ? "results.quick.json" : "results.json");
  fs.writeFileSync(file, JSON.stringify(out, null, 2) + "\n");
  console.log(`\nwrote ${file}`);
  if (comparisons.some((c) => !c.agree)) process.exitCode = 1;
}

// One HyperFormula LEADSCORE run at 100,000 rows takes ~15 s and >1 GB, so that case is timed once.
const HF_LEADSCORE_RUNS = 1;
// HyperFormula's default sheet limit is 40,000 rows.
const HF_CONFIG = { licenseKey: "gpl-v3", useArrayArithmetic: true, maxRows: 1048576 };

function benchFunnel(): void {
  const dealCount = Math.round(1048576 * scale);
  const deals = makeDeals(dealCount, 2);
  const order = STAGES8.map((s) => [s]);
  record(
    "FUNNEL 8 stages + amounts + outcomes",
    dealCount,
    time(() => sales.funnel(deals.stages, order, deals.amounts, deals.outcomes, true)),
    150,
  );
}

function benchSplit(): void {
  const weightCount = Math.round(1000000 * scale);
  const rnd = prng(3);
  const weights = Array.from({ length: weightCount }, () => [Math.round(rnd() * 100000) / 100]);
  record(
    "SPLIT",
    weightCount,
    time(() => sales.split(123456789.12, weights, 2)),
    300,
  );
}

function benchTargetPlan(): { rows: number; columns: number } {
  const rnd = prng(4);
  const ownerCount = Math.round(500 * scale);
  const owners = Array.from({ length: ownerCount }, (_, i) => [`Rep ${i + 1}`]);
  const ownerWeights = owners.map(() => [1 + Math.floor(rnd() * 10)]);
  // 2025 weekday public holidays in China (New Year, Spring Festival, Qingming, Labour Day, National Day)
  const holidays = [
    45658, 45685, 45686, 45687, 45688, 45691, 45752, 45778, 45779, 45782, 45931, 45932, 45933, 45936, 45937, 45938,
  ].map((d) => [d]);
  let shape = { rows: 0, columns: 0 };
  record(
    `TARGETPLAN weekly × ${ownerCount} owners`,
    ownerCount,
    time(
      () => sales.targetPlan(50000000, 45658, "W", null as any, owners, ownerWeights, 0, holidays),
      RUNS,
      (out) => (shape = { rows: out.length, columns: out[0].length }),
    ),
    200,
  );
  return shape;
}

/**
 * Times writing `formulas` into a new sheet of a fresh HyperFormula workbook holding `sheets` (parse + evaluation).
 * A fresh workbook per run keeps memory bounded (one 100,000-row LEADSCORE run needs over 1 GB). With more than
 * one run, the first is a warm-up and the median of the rest is reported.
 */
function timeHf(
  sheets: Record<string, unknown[][]>,
  formulas: unknown[][],
  runs: number,
  read: (hf: HyperFormula, sheet: number) => void,
): number {
  const times: number[] = [];
  for (let i = 0; i < (runs > 1 ? runs + 1 : 1); i++) {
    const hf = HyperFormula.buildFromSheets(sheets as any, HF_CONFIG);
    const sheet = hf.getSheetId(hf.addSheet("Calc"))!;
    gc();
    const t0 = process.hrtime.bigint();
    hf.setCellContents({ sheet, col: 0, row: 0 }, formulas as any);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    read(hf, sheet);
    hf.destroy();
    gc();
    if (runs === 1 || i > 0) times.push(ms);
  }
  return median(times);
}

function compareLeadScore(n: number): void {
  const leads = makeLeads(n, true, 11);
  const ours = runCaseInChild("compare-leadscore").ms as number;
  const scores = sales.leadScore(leads, RULE_TABLE, null as any, AS_OF);
  const formulas = Array.from({ length: n }, (_, i) => [nativeScoreFormula(i + 1)]);
  let agree = true;
  const hfMs = timeHf({ Data: leads.slice(1) }, formulas, HF_LEADSCORE_RUNS, (hf, sheet) => {
    for (let i = 0; i < n; i++) {
      if (hf.getCellValue({ sheet, col: 0, row: i }) !== scores[i][0]) {
        agree = false;
        break;
      }
    }
  });
  console.error(`  HF LEADSCORE: ${hfMs.toFixed(0)} ms vs ${ours.toFixed(1)} ms`);
  comparisons.push({
    case: "LEADSCORE (20 rules, per-lead formulas)",
    rows: n,
    oursMs: ours,
    hfMs,
    hfRuns: HF_LEADSCORE_RUNS,
    ratio: hfMs / ours,
    agree,
  });
}

function compareFunnel(n: number): void {
  const deals = makeDeals(n, 12, true);
  const order = STAGES8.map((s) => [s]);
  const ours = runCaseInChild("compare-funnel").ms as number;
  const table = sales.funnel(deals.stages, order, deals.amounts, deals.outcomes, false);
  const data = deals.stages.map((s, i) => [s[0], deals.amounts[i][0], deals.outcomes[i][0]]);
  const A = `Data!$A$1:$A$${n}`;
  const B = `Data!$B$1:$B$${n}`;
  const C = `Data!$C$1:$C$${n}`;
  const formulas: unknown[][] = STAGES8.map((s, i) => [
    `=COUNTIFS(${A},"${s}",${C},"open")`,
    `=COUNTIFS(${A},"${s}",${C},"lost")`,
    `=SUMIFS(${B},${A},"${s}",${C},"open")`,
    `=SUM(A${i + 1}:B${STAGES8.length})+$A$${STAGES8.length + 1}`,
  ]);
  formulas.push([`=COUNTIFS(${C},"won")`, `=SUMIFS(${B},${C},"won")`, "", ""]);
  let agree = true;
  const hfMs = timeHf({ Data: data }, formulas, 3, (hf, sheet) => {
    STAGES8.forEach((_, i) => {
      const v = (c: number) => hf.getCellValue({ sheet, col: c, row: i }) as number;
      if (table[i][1] !== v(0) || table[i][5] !== v(1) || table[i][2] !== v(3)) agree = false;
      if (Math.abs((table[i][6] as number) - v(2)) > 1e-9 * Math.max(1, v(2))) agree = false;
    });
  });
  comparisons.push({
    case: "FUNNEL (COUNTIFS/SUMIFS)",
    rows: n,
    oursMs: ours,
    hfMs,
    hfRuns: 3,
    ratio: hfMs / ours,
    agree,
  });
}

function compareCommission(n: number): void {
  const amounts = commissionAmounts(n);
  const ours = runCaseInChild("compare-commission").ms as number;
  const values = sales.commission(amounts, TIERS, null);
  const deltas = TIERS.map(([t, r], i) => [t, r, r - (i === 0 ? 0 : TIERS[i - 1][1])]);
  const formulas = Array.from({ length: n }, (_, i) => [
    `=SUMPRODUCT(--(Data!A${i + 1}>Tiers!$A$1:$A$4),Data!A${i + 1}-Tiers!$A$1:$A$4,Tiers!$C$1:$C$4)`,
  ]);
  let agree = true;
  const hfMs = timeHf({ Data: amounts, Tiers: deltas }, formulas, 3, (hf, sheet) => {
    for (let i = 0; i < n; i++) {
      const v = hf.getCellValue({ sheet, col: 0, row: i }) as number;
      if (Math.abs((values[i][0] as number) - v) > 1e-9 * Math.max(1, Math.abs(v))) {
        agree = false;
        break;
      }
    }
  });
  comparisons.push({
    case: "COMMISSION marginal (tier SUMPRODUCT)",
    rows: n,
    oursMs: ours,
    hfMs,
    hfRuns: 3,
    ratio: hfMs / ours,
    agree,
  });
}

main();
