/* eslint-disable @typescript-eslint/no-explicit-any */
import fc from "fast-check";
import { split, targetPlan } from "../../src/functions/functions";
import { flat, serial } from "../functions/helpers";

const weightArb = fc.oneof(
  fc.integer({ min: 0, max: 100 }),
  // Excel stores no subnormal numbers (its smallest positive value is 2.2251E-308), so none are drawn.
  fc
    .double({ min: 0, max: 100, noNaN: true, noDefaultInfinity: true })
    .filter((w) => w === 0 || w >= 2.2250738585072014e-308),
);
const periodArb = fc.constantFrom("M", "Q", "W", "月", "季度", "week");
const startArb = fc.integer({ min: serial(2020, 1, 1), max: serial(2030, 12, 31) });

const units = (v: unknown, d: number): number => {
  expect(typeof v).toBe("number");
  return Math.round((v as number) * 10 ** d);
};

describe("TARGETPLAN properties", () => {
  test("rows and columns sum exactly; cells are floor/ceil of their share; owner totals follow SPLIT", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e8, max: 1e9 }),
        fc.integer({ min: 0, max: 6 }),
        startArb,
        periodArb,
        fc.oneof(
          fc.constant(null),
          fc.array(weightArb, { minLength: 12, maxLength: 12 }),
          fc.array(weightArb, { minLength: 4, maxLength: 4 }),
        ),
        fc.integer({ min: 0, max: 6 }),
        fc.boolean(),
        fc.array(fc.integer({ min: 0, max: 400 }), { maxLength: 40 }),
        fc.array(weightArb, { minLength: 6, maxLength: 6 }),
        (k, d, start, period, seasonality, ownerCount, weighted, holidayOffsets, ownerWeightPool) => {
          const total = k / 10 ** d;
          const owners = ownerCount === 0 ? null : Array.from({ length: ownerCount }, (_, i) => [`Rep ${i + 1}`]);
          const ownerWeights = owners && weighted ? ownerWeightPool.slice(0, ownerCount).map((w) => [w]) : null;
          const holidays = holidayOffsets.length ? holidayOffsets.map((o) => [start + o]) : null;
          const seas = seasonality ? seasonality.map((w) => [w]) : null;
          const out = targetPlan(
            total,
            start,
            period,
            seas as any,
            owners as any,
            ownerWeights as any,
            d,
            holidays as any,
          );

          const body = out.slice(1, -1);
          const totalRow = out[out.length - 1];
          const width = owners ? ownerCount + 2 : 2;
          for (const r of out) {
            expect(r).toHaveLength(width);
            for (const v of r) expect(v === null || v === undefined).toBe(false);
          }
          const periodTargets = body.map((r) => units(r[width - 1], d));
          // The periods sum exactly to the total, and so does the Total row.
          expect(periodTargets.reduce((a, b) => a + b, 0)).toBe(k);
          expect(units(totalRow[width - 1], d)).toBe(k);
          if (period === "Q" || period === "季度") expect(body.map((r) => r[0])).toEqual(["Q1", "Q2", "Q3", "Q4"]);
          if (period === "M" || period === "月") expect(body).toHaveLength(12);

          if (owners) {
            const ownerTargets = flat(split(total, ownerWeights ?? owners.map(() => [1]), d)).map((v) => units(v, d));
            for (let c = 0; c < ownerCount; c++) {
              const column = body.map((r) => units(r[1 + c], d));
              expect(column.reduce((a, b) => a + b, 0)).toBe(ownerTargets[c]);
              expect(units(totalRow[1 + c], d)).toBe(ownerTargets[c]);
            }
            body.forEach((r, i) => {
              const cells = r.slice(1, 1 + ownerCount).map((v) => units(v, d));
              expect(cells.reduce((a, b) => a + b, 0)).toBe(periodTargets[i]);
              cells.forEach((cellUnits, c) => {
                const exact = k === 0 ? 0 : (periodTargets[i] * ownerTargets[c]) / k;
                // floor or ceiling of the exact share ⇔ less than one unit away from it
                expect(Math.abs(cellUnits - exact)).toBeLessThan(1 + 1e-6);
              });
            });
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  test("monthly targets are SPLIT of the total over the monthly weights", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e7 }),
        startArb,
        fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 12, maxLength: 12 }),
        (k, start, w) => {
          const out = targetPlan(
            k,
            start,
            "M",
            w.map((x) => [x]),
            null as any,
            null as any,
            0,
            null as any,
          );
          const months = out.slice(1, 13).map((r) => r[1]);
          expect(months).toEqual(
            flat(
              split(
                k,
                w.map((x) => [x]),
                0,
              ),
            ),
          );
        },
      ),
      { numRuns: 100 },
    );
  });
});
