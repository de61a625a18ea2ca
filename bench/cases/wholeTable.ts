/**
 * Whole-table calls against the physical floor (issue 7.2): each case is reported as a ratio to a bare scan of the
 * same cells (bench/lib.ts), measured just before it in the same process, on clean data and on data as messy as
 * real sheets (numeric text such as "¥3.5万" / "8,000", padded and full-width text, blanks as null, "" and 0,
 * Chinese stage and outcome words).
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { BenchCase, BenchContext } from "../types";
import { againstScan, bareScan } from "../lib";
import { AS_OF, makeLeads, RULE_TABLE } from "../data";
import { seededRandom } from "../../src/sample/data";

type Sales = typeof import("../../src/functions/functions");
// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded when a case runs, after the runner installs the CustomFunctions stand-in
const sales = (): Sales => require("../../src/functions/functions") as Sales;

const rowsFor = (ctx: BenchContext, n = 1048576): number => Math.round(n * ctx.scale);
const FULL_WIDTH = (s: string) => s.replace(/[A-Za-z0-9]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
const TEXT_COLUMNS = [1, 2, 3, 11, 13, 14]; // Industry, Region, Source, Title, Country, Stage

/** makeLeads' messy leads, messier: padded and full-width words, blanks as null, "" and 0 in text columns. */
function messyLeads(n: number, seed: number): any[][] {
  const rows = makeLeads(n, false, seed);
  const rnd = seededRandom(seed + 100);
  for (let i = 1; i < rows.length; i++) {
    const row = rows[i];
    for (const c of TEXT_COLUMNS) {
      const x = rnd();
      if (typeof row[c] !== "string") continue;
      if (x < 0.02) row[c] = ` ${row[c]}  `;
      else if (x < 0.03) row[c] = FULL_WIDTH(row[c]);
      else if (x < 0.04) row[c] = [null, "", 0][Math.floor(rnd() * 3)];
    }
    if (rnd() < 0.02) row[6] = String(row[6]);
  }
  return rows;
}

const leadScoreCase =
  (messy: boolean): BenchCase =>
  (ctx) => {
    const n = rowsFor(ctx);
    const leads = messy ? messyLeads(n, 21) : makeLeads(n, true, 22);
    const { leadScore } = sales();
    const scan = ctx.time(() => bareScan(leads, RULE_TABLE));
    const ms = ctx.time(() => leadScore(leads, RULE_TABLE, null as any, AS_OF));
    // What Excel's calling convention would cost built plainly: one fresh array per row ([[score], [score], …]).
    // LEADSCORE shares one row between equal scores (engine/coerce.ts columnOf), which is how it stays under 10×.
    const scores = new Float64Array(n).map((_, i) => i % 100);
    const output = ctx.time(() => {
      const out = new Array(n);
      for (let i = 0; i < n; i++) out[i] = [scores[i]];
      return out;
    });
    return [
      againstScan(
        `LEADSCORE 15 fields × 20 rules, ${messy ? "messy" : "clean"}`,
        n,
        ms,
        scan,
        10,
        `a fresh array per result row alone would take ${output.toFixed(0)} ms = ${(output / scan).toFixed(1)}× the scan (equal scores share one)`,
      ),
    ];
  };

const STAGES = ["Lead", "Contacted", "Qualified", "Demo", "Proposal", "Negotiation", "Contract", "Onboarding"];
const STAGES_ZH = ["线索", "初步接触", "需求确认", "方案演示", "报价", "谈判签约", "合同", "交付"];

function deals(n: number, messy: boolean, seed: number) {
  const rnd = seededRandom(seed);
  const stages: any[][] = new Array(n);
  const amounts: any[][] = new Array(n);
  const outcomes: any[][] = new Array(n);
  const outcomeWords = messy
    ? ["", null, 0, "open", "won", "lost", "赢单", "输单", " Won ", "进行中"]
    : ["open", "open", "won", "lost"];
  for (let i = 0; i < n; i++) {
    const k = Math.floor(rnd() * 8);
    let stage: any = STAGES[k];
    let amount: any = Math.round(rnd() * 10000000) / 100;
    if (messy) {
      const x = rnd();
      if (x < 0.3) stage = STAGES_ZH[k];
      else if (x < 0.32) stage = ` ${stage.toUpperCase()} `;
      else if (x < 0.33) stage = FULL_WIDTH(stage);
      else if (x < 0.34) stage = [null, "", 0][Math.floor(rnd() * 3)];
      const y = rnd();
      if (y < 0.02) amount = "¥3.5万";
      else if (y < 0.04) amount = "8,000";
      else if (y < 0.05) amount = [null, ""][Math.floor(rnd() * 2)];
    }
    stages[i] = [stage];
    amounts[i] = [amount];
    outcomes[i] = [outcomeWords[Math.floor(rnd() * outcomeWords.length)]];
  }
  return { stages, amounts, outcomes };
}

const funnelCase =
  (messy: boolean): BenchCase =>
  (ctx) => {
    const n = rowsFor(ctx);
    const d = deals(n, messy, messy ? 31 : 32);
    // The messy table's stage order lists both languages' names as the workbook would (a stages table in Chinese
    // with the English aliases is not a thing): the Chinese names are the order, English rows are (unmatched) then.
    const order = (messy ? STAGES_ZH : STAGES).map((s) => [s]);
    const { funnel } = sales();
    const scan = ctx.time(() => bareScan(d.stages, d.amounts, d.outcomes));
    const ms = ctx.time(() => funnel(d.stages, order, d.amounts, d.outcomes, true));
    return [againstScan(`FUNNEL 8 stages + amounts + outcomes, ${messy ? "messy" : "clean"}`, n, ms, scan, 4)];
  };

export const cases: Record<string, BenchCase> = {
  "whole-leadscore-clean": leadScoreCase(false),
  "whole-leadscore-messy": leadScoreCase(true),
  "whole-funnel-clean": funnelCase(false),
  "whole-funnel-messy": funnelCase(true),
};
