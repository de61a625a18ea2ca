/* eslint-disable @typescript-eslint/no-explicit-any */
import fc from "fast-check";
import { funnel } from "../../src/functions/functions";

const ORDER = ["Lead", "Qualified", "Proposal", "Negotiation", "Contract"];
const stageArb = fc.constantFrom<unknown>(
  "Lead",
  "qualified",
  " Proposal",
  "NEGOTIATION",
  "Contract",
  "Other",
  "",
  null,
  0,
);
const outcomeArb = fc.constantFrom<unknown>("won", "lost", "open", "", null, "赢单", "输单", "进行中");
const amountArb = fc.oneof(fc.integer({ min: 0, max: 100000 }), fc.constant(null));

describe("FUNNEL properties", () => {
  test("Reached never increases down the stages and equals the counts below it", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(stageArb, outcomeArb, amountArb), { minLength: 1, maxLength: 60 }),
        fc.boolean(),
        (records, withOutcomes) => {
          const stages = records.map((r) => [r[0]]);
          const outcomes = withOutcomes ? records.map((r) => [r[1]]) : (null as any);
          const amounts = records.map((r) => [r[2]]);
          const out = funnel(
            stages,
            ORDER.map((s) => [s]),
            amounts,
            outcomes,
            false,
          );
          const stageRows = out.slice(0, ORDER.length);
          const reached = stageRows.map((r) => r[2] as number);
          for (let i = 1; i < reached.length; i++) expect(reached[i]).toBeLessThanOrEqual(reached[i - 1]);
          const won = withOutcomes ? (out[ORDER.length][1] as number) : 0;
          if (withOutcomes) {
            expect(out[ORDER.length][0]).toBe("Won");
            expect(won).toBeLessThanOrEqual(reached[reached.length - 1]);
          }
          // Reached(i) = Σ_{j ≥ i} (Count_j + Lost_j) + won
          for (let i = 0; i < ORDER.length; i++) {
            let expected = won;
            for (let j = i; j < ORDER.length; j++) {
              expected += stageRows[j][1] as number;
              if (withOutcomes) expected += stageRows[j][5] as number;
            }
            expect(reached[i]).toBe(expected);
          }
          for (const r of out) for (const v of r) expect(v === null || v === undefined).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });
});
