/* eslint-disable @typescript-eslint/no-explicit-any */
import fc from "fast-check";
import { stageTime } from "../../src/functions/functions";

const AS_OF = 45900;

// Records as non-decreasing stage-entry dates with gaps (blank cells): offsets are cumulative stays.
const recordArb = (k: number) =>
  fc.tuple(
    fc.array(fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }), { minLength: k, maxLength: k }),
    fc.constantFrom<unknown>("won", "lost", "open", "", null),
    fc.constantFrom<unknown>(null, "", 0),
  );

describe("STAGETIME properties", () => {
  test("Reached never increases down the stages; Moved on ≤ Reached; Open and Cycle count records", () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 6 })
          .chain((k) => fc.tuple(fc.constant(k), fc.array(recordArb(k), { minLength: 1, maxLength: 40 }))),
        fc.boolean(),
        ([k, records], withOutcomes) => {
          const names = Array.from({ length: k }, (_, i) => `S${i + 1}`);
          const rows = records.map(([stays, , blank]) => {
            let d = 45600;
            return stays.map((s) => (s === null ? blank : (d += s)));
          });
          const outcomes = withOutcomes ? records.map((r) => [r[1]]) : (null as any);
          const out = stageTime([names, ...rows], outcomes, AS_OF, null as any);
          const stageRows = out.slice(1, 1 + k);
          for (let i = 1; i < k; i++) expect(stageRows[i][1]).toBeLessThanOrEqual(stageRows[i - 1][1] as number);
          for (const r of stageRows) {
            expect(r[2]).toBeLessThanOrEqual(r[1] as number);
            if (r[1] === 0) expect(r[3]).toBe("");
          }
          const dated = rows.map((r) => r.filter((v) => typeof v === "number" && v > 0).length);
          const won = withOutcomes ? records.map((r) => r[1] === "won") : records.map(() => false);
          const lost = withOutcomes ? records.map((r) => r[1] === "lost") : records.map(() => false);
          // Reached of the first stage: every won record and every other record with a date
          expect(stageRows[0][1]).toBe(records.filter((_, i) => won[i] || dated[i] > 0).length);
          // Open adds up to the records that are neither won nor lost and have a date
          const open = stageRows.reduce((a, r) => a + (r[6] as number), 0);
          expect(open).toBe(records.filter((_, i) => !won[i] && !lost[i] && dated[i] > 0).length);
          if (withOutcomes) {
            const cycle = out[out.length - 1];
            expect(cycle[0]).toBe("Cycle");
            expect(cycle[1]).toBe(records.filter((_, i) => won[i] && dated[i] >= 2).length);
          } else expect(out).toHaveLength(k + 1);
        },
      ),
      { numRuns: 300 },
    );
  });
});
