/* eslint-disable @typescript-eslint/no-explicit-any */
import fc from "fast-check";
import { funnel, funnelBy } from "../../src/functions/functions";
import { normalizeText } from "../../src/engine";

const ORDER = ["Lead", "Qualified", "Proposal", "Negotiation"];
const stageArb = fc.constantFrom<unknown>("Lead", "qualified", " Proposal", "NEGOTIATION", "Other", "", null, 0);
const outcomeArb = fc.constantFrom<unknown>("won", "lost", "open", "", null, "赢单", "输单");
const groupArb = fc.constantFrom<unknown>("North", "north ", "South", "华东", "", null, 0, 7);
const MEASURES: Array<[string, number]> = [
  ["cumulative", 4],
  ["step", 3],
  ["reached", 2],
  ["count", 1],
  ["lost", 5],
];
const isBlank = (v: unknown) => v === null || v === 0 || (typeof v === "string" && v.trim() === "");
const key = (v: unknown) => (isBlank(v) ? "" : normalizeText(v));

/** FUNNEL's column for a measure, with the (unmatched) row's count, as FUNNELBY lays it out. */
function funnelColumn(f: unknown[][], column: number): unknown[] {
  return f.map((r) => (r[0] === "(unmatched)" ? r[1] : r[column]));
}

describe("FUNNELBY properties", () => {
  test("Total = FUNNEL's column; each group's column = FUNNEL over that group's records; counts add up to FUNNEL's Count", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(stageArb, outcomeArb, groupArb), { minLength: 1, maxLength: 50 }),
        fc.boolean(),
        fc.constantFrom(...MEASURES),
        (records, withOutcomes, [measure, column]) => {
          if (measure === "lost" && !withOutcomes) return;
          const stages = records.map((r) => [r[0]]);
          const outcomes = withOutcomes ? records.map((r) => [r[1]]) : (null as any);
          const groups = records.map((r) => [r[2]]);
          const order = ORDER.map((s) => [s]);
          const out = funnelBy(stages, order, groups, outcomes, measure, null as any);
          const all = funnel(stages, order, null as any, outcomes, false);
          const width = out[0].length;
          const body = out.slice(1);
          // Rows: the stages, Won with outcomes, (unmatched) when FUNNEL has it
          expect(body.map((r) => r[0])).toEqual(all.map((r) => r[0]));
          // Total = FUNNEL's column
          expect(body.map((r) => r[width - 1])).toEqual(funnelColumn(all, column));
          // Each group's column = FUNNEL over that group's records alone (the blank group as (blank))
          for (let c = 1; c < width - 1; c++) {
            const name = out[0][c] as string;
            const want = name === "(blank)" ? "" : normalizeText(name);
            const mine = records.map((r, i) => i).filter((i) => key(records[i][2]) === want);
            const f = funnel(
              mine.map((i) => stages[i]),
              order,
              null as any,
              withOutcomes ? mine.map((i) => outcomes[i]) : (null as any),
              false,
            );
            const col = funnelColumn(f, column);
            const rowsOf = new Map(f.map((r, j) => [r[0], col[j]]));
            body.forEach((r) => expect(r[c]).toEqual(rowsOf.has(r[0]) ? rowsOf.get(r[0]) : 0));
          }
          // The sum over groups of the count measure is FUNNEL's Count
          const counts = funnelBy(stages, order, groups, outcomes, "count", null as any);
          counts.slice(1).forEach((r, j) => {
            const sum = (r.slice(1, width - 1) as number[]).reduce((a, b) => a + b, 0);
            expect(sum).toBe(all[j][1]);
          });
        },
      ),
      { numRuns: 400 },
    );
  });
});
