import fc from "fast-check";
import { split } from "../../src/functions/functions";
import { flat } from "../functions/helpers";

// Totals are generated as whole units k / 10^d so that "T rounded to the unit" is k without ambiguity.
const decimalsArb = fc.integer({ min: 0, max: 6 });
const weightArb = fc.oneof(
  fc.constant(0),
  fc.integer({ min: 0, max: 1000 }),
  // Excel stores no subnormal numbers (its smallest positive value is 2.2251E-308), so none are drawn.
  fc
    .double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true })
    .filter((w) => w === 0 || w >= 2.2250738585072014e-308),
);

function toUnits(v: unknown, decimals: number): number {
  expect(typeof v).toBe("number");
  return Math.round((v as number) * 10 ** decimals);
}

describe("SPLIT properties", () => {
  test("parts sum exactly to the total and each is within one unit of its exact share", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e9, max: 1e9 }),
        decimalsArb,
        fc.array(weightArb, { minLength: 1, maxLength: 40 }),
        fc.boolean(),
        (k, d, weights, asRow) => {
          const total = k / 10 ** d;
          const range = asRow ? [weights] : weights.map((w) => [w]);
          const out = split(total, range, d);
          expect(out.length).toBe(range.length);
          const parts = flat(out).map((v) => toUnits(v, d));
          expect(parts.reduce((a, b) => a + b, 0)).toBe(k);
          const sumW = weights.reduce((a, b) => a + b, 0);
          const shares = sumW > 0 ? weights.map((w) => (w / sumW) * k) : weights.map(() => k / weights.length);
          parts.forEach((p, i) => {
            // within one unit, with room for the float error of computing the share here
            expect(Math.abs(p - shares[i])).toBeLessThan(1 + 1e-6);
            // parts never have the opposite sign of the total
            if (k >= 0) expect(p).toBeGreaterThanOrEqual(0);
            else expect(p).toBeLessThanOrEqual(0);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  test("negating the total negates every part", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e7 }),
        fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 20 }),
        (k, weights) => {
          const range = weights.map((w) => [w]);
          const pos = flat(split(k, range, 0)) as number[];
          const neg = flat(split(-k, range, 0)) as number[];
          expect(neg.map((v) => (v === 0 ? 0 : -v))).toEqual(pos.map((v) => (v === 0 ? 0 : v)));
        },
      ),
      { numRuns: 200 },
    );
  });
});
