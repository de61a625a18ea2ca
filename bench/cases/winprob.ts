/**
 * WINPROB over 1,048,576 records × 8 factors (issue 9): one whole-table call (the pane writes it once over the
 * table — it learns from every row — never once per row), as a ratio to a bare scan of the same cells (target ≤ 5×).
 * A third of the rows are closed (won or lost, in English and Chinese), the rest open; factors are categories,
 * numbers that get binned, and blanks as null, "" and 0.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { BenchCase } from "../types";
import { againstScan, bareScan } from "../lib";
import { seededRandom } from "../../src/sample/data";

type Sales = typeof import("../../src/functions/functions");
// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded when a case runs, after the runner installs the CustomFunctions stand-in
const sales = (): Sales => require("../../src/functions/functions") as Sales;

const HEADERS = ["Region", "Source", "Industry", "Owner", "Size", "Amount", "Visits", "Stage", "Outcome"];
const STAGES = ["Lead", "Qualified", "Proposal", "Negotiation"];

function records(n: number, seed: number): any[][] {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)];
  const rows: any[][] = new Array(n + 1);
  rows[0] = HEADERS;
  for (let i = 1; i <= n; i++) {
    const closed = rnd() < 0.35;
    const outcome = closed ? pick(["won", "lost", "lost", "赢单", "输单"]) : pick(["", null, 0, "open"]);
    rows[i] = [
      pick(["North", "South", "华东", "华北", " West ", ""]),
      pick(["Referral", "Web", "Event", "展会", null]),
      pick(["Retail", "Finance", "Energy", "制造业", 0]),
      `Rep ${1 + Math.floor(rnd() * 40)}`,
      pick(["S", "M", "L", "XL"]),
      Math.round(rnd() * 5000000) / 100,
      Math.floor(rnd() * 30),
      pick(STAGES),
      outcome,
    ];
  }
  return rows;
}

const winprobCase: BenchCase = (ctx) => {
  const n = Math.round(1048576 * ctx.scale);
  const table = records(n, 91);
  const fields = [HEADERS.slice(0, 7)];
  const order = STAGES.map((s) => [s]);
  const { winProb } = sales();
  const scan = ctx.time(() => bareScan(table));
  let open = 0;
  const ms = ctx.time(
    () => winProb(table, fields, null as any, order, null, null),
    5,
    (out) => (open = out.filter((r) => typeof r[0] === "number").length),
  );
  // What Excel's calling convention alone costs: one result array per record (the probabilities are mostly
  // distinct here, so columnOf cannot share rows as it does for scores).
  const output = ctx.time(() => {
    const res = new Array(n);
    for (let i = 0; i < n; i++) res[i] = [i % 3 === 0 ? "" : i / n];
    return res;
  });
  return [
    againstScan(
      "WINPROB 8 factors (7 fields + stage), 35% closed",
      n,
      ms,
      scan,
      5,
      `${open} open records scored; building the ${n}-row result alone (a fresh array per row): ${output.toFixed(0)} ms = ${(output / scan).toFixed(1)}× the scan`,
    ),
  ];
};

export const cases: Record<string, BenchCase> = { winprob: winprobCase };
