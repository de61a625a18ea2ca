import fc from "fast-check";
import { split } from "../../src/functions/functions";
import { flat } from "../functions/helpers";
import { decimalsOf } from "../../src/engine/targets";

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

describe("a weight's decimals without forming text (SPLIT's exact scale)", () => {
  // The definition: the decimals of the shortest round-trip text, as String() writes it in fixed notation.
  const byText = (w: number): number | undefined => {
    const text = String(w);
    if (text.includes("e")) return undefined;
    const dot = text.indexOf(".");
    return dot < 0 ? 0 : text.length - dot - 1;
  };

  test("equals the decimals of String(w) for weights typed with 1 to 12 decimals", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 10 ** 9 }), (d, units) => {
        const w = units / 10 ** d;
        if (Number.isInteger(w)) return;
        const found = decimalsOf(w);
        const text = byText(w);
        if (text !== undefined) expect(found).toBe(text);
        // String() writes numbers below 1e-6 with an exponent; the scale found must then still be exact.
        else expect(Math.round(w * 10 ** found!) / 10 ** found!).toBe(w);
      }),
      { numRuns: 3000 },
    );
  });

  test("equals String(w)'s decimals for arbitrary doubles in fixed notation, or gives up (then BigInt is used)", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1e15, noNaN: true }), (w) => {
        if (Number.isInteger(w)) return;
        const text = byText(w);
        const found = decimalsOf(w);
        if (found !== undefined) expect(found).toBe(text);
        else expect(text === undefined || text > 15 || Math.abs(w) * 10 ** text >= 2 ** 51).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  test("weights such as 0.1 + 0.2 keep all their digits", () => {
    expect(decimalsOf(0.1 + 0.2)).toBeUndefined(); // 0.30000000000000004: 17 decimals, so BigInt does it
    expect(decimalsOf(1.005)).toBe(3);
    expect(decimalsOf(123456.78)).toBe(2);
    expect(decimalsOf(1e-7)).toBe(7); // String gives "1e-7"; seven decimals is exact all the same
  });
});
