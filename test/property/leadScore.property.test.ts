/* eslint-disable @typescript-eslint/no-explicit-any */
import fc from "fast-check";
import { leadScore, scoreDetail } from "../../src/functions/functions";
import { serial } from "../functions/helpers";

const AS_OF = serial(2025, 6, 30);
const HEADERS = ["Industry", "Employees", "Budget", "Opted in", "Last contact", "Region"];

const leadArb = fc.tuple(
  fc.constantFrom<unknown>("Retail", "retail ", "Finance", "制造业", "", null),
  fc.oneof(fc.integer({ min: 0, max: 2000 }), fc.constant(null), fc.constant("1,200")),
  fc.oneof(fc.integer({ min: 0, max: 200000 }), fc.constantFrom<unknown>("¥3.5万", "50k", "")),
  fc.constantFrom<unknown>(true, false, "是", "no", null),
  fc.oneof(fc.integer({ min: AS_OF - 400, max: AS_OF + 10 }), fc.constantFrom<unknown>("2025-05-01", "")),
  fc.constantFrom<unknown>("North", "South", "华东", "", null),
);

// Valid (field, operator, value) triples only: an invalid one (e.g. "between 100") is a whole-call #VALUE!.
const ruleArb = fc.constantFrom<[string, string, unknown]>(
  ["Industry", "=", "Retail"],
  ["Industry", "<>", "retail"],
  ["Industry", "in", "retail,finance"],
  ["Industry", "contains", "制造"],
  ["Industry", "blank", ""],
  ["Industry", "not blank", ""],
  ["Employees", ">", 100],
  ["Employees", ">=", "500"],
  ["Employees", "<", 100],
  ["Employees", "<=", "1,200"],
  ["Employees", "between", "50..1500"],
  ["Employees", "=", 1200],
  ["Budget", ">", 30000],
  ["Budget", "<=", "5万"],
  ["Budget", "not blank", ""],
  ["Opted in", "=", "是"],
  ["Opted in", "<>", true],
  ["Opted in", "=", "no"],
  ["Last contact", "within days", 30],
  ["Last contact", "older than days", 90],
  ["Region", "not in", "North|华东"],
  ["Region", "starts with", "S"],
  ["Region", "blank", ""],
);

// Caps are drawn per group and written either on every rule of the group or left blank on some of them:
// "the first non-blank cap" then does not depend on rule order, so the score must not either.
const rulesArb = fc
  .tuple(
    fc.array(fc.tuple(ruleArb, fc.integer({ min: -20, max: 40 }), fc.constantFrom("", "g1", "g2"), fc.boolean()), {
      minLength: 1,
      maxLength: 12,
    }),
    fc.integer({ min: 0, max: 50 }),
    fc.option(fc.integer({ min: 0, max: 30 })),
  )
  .map(([rules, cap1, cap2]) =>
    rules.map(([[field, op, value], points, group, showCap]) => {
      const cap = group === "g1" ? cap1 : group === "g2" ? cap2 : null;
      return [field, op, value, points, group, showCap && cap !== null ? cap : ""];
    }),
  );

function permutationArb(n: number): fc.Arbitrary<number[]> {
  return fc.array(fc.nat(), { minLength: n, maxLength: n }).map((keys) =>
    keys
      .map((k, i) => [k, i] as const)
      .sort((a, b) => a[0] - b[0] || a[1] - b[1])
      .map(([, i]) => i),
  );
}

describe("LEADSCORE properties", () => {
  test("permuting leads permutes the scores (and the explanations)", () => {
    fc.assert(
      fc.property(
        fc
          .array(leadArb, { minLength: 1, maxLength: 30 })
          .chain((leads) => fc.tuple(fc.constant(leads), permutationArb(leads.length), rulesArb)),
        ([leads, perm, rules]) => {
          const base = leadScore([HEADERS, ...leads], rules, null as any, AS_OF);
          const permuted = leadScore([HEADERS, ...perm.map((i) => leads[i])], rules, null as any, AS_OF);
          expect(permuted).toEqual(perm.map((i) => base[i]));
          const detail = scoreDetail(leads as any[][], rules, [HEADERS], AS_OF);
          const detailPermuted = scoreDetail(perm.map((i) => leads[i]) as any[][], rules, [HEADERS], AS_OF);
          expect(detailPermuted).toEqual(perm.map((i) => detail[i]));
        },
      ),
      { numRuns: 200 },
    );
  });

  test("the score does not depend on the order of the rule rows", () => {
    fc.assert(
      fc.property(
        fc.array(leadArb, { minLength: 1, maxLength: 20 }),
        rulesArb.chain((rules) => fc.tuple(fc.constant(rules), permutationArb(rules.length))),
        (leads, [rules, perm]) => {
          const header = ["Field", "Operator", "Value", "Points", "Group", "Cap"];
          const a = leadScore([HEADERS, ...leads], [header, ...rules], null as any, AS_OF);
          const b = leadScore([HEADERS, ...leads], [header, ...perm.map((i) => rules[i])], null as any, AS_OF);
          expect(b).toEqual(a);
          for (const r of a) expect(typeof r[0]).toBe("number");
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("LEADSCORE on number cells: every numeric operator as formulas.md §2 defines it", () => {
  // A number cell compares as a number (dates as their day: the serial without its time, when not negative).
  type Check = (n: number) => boolean;
  const numericRules: Array<[string, unknown, Check]> = [
    ["=", 12.5, (n) => n === 12.5],
    ["<>", -3, (n) => n !== -3],
    [">", 0.1, (n) => n > 0.1],
    [">=", "-7.25", (n) => n >= -7.25],
    ["<", 1e-9, (n) => n < 1e-9],
    ["<=", 0, (n) => n <= 0],
    ["between", "-10..10.5", (n) => n >= -10 && n <= 10.5],
    ["between", "10..-10", () => false],
    ["in", "12.5", (n) => n === 12.5],
    ["in", "1, 2.5, -3", (n) => n === 1 || n === 2.5 || n === -3],
    ["not in", "-3", (n) => n !== -3],
    ["within days", 30, (n) => n >= 0 && AS_OF - Math.floor(n) >= 0 && AS_OF - Math.floor(n) <= 30],
    ["within days", 0.5, (n) => n >= 0 && AS_OF - Math.floor(n) >= 0 && AS_OF - Math.floor(n) <= 0.5],
    ["older than days", 90, (n) => n >= 0 && AS_OF - Math.floor(n) > 90],
    ["older than days", 2.5, (n) => n >= 0 && AS_OF - Math.floor(n) > 2.5],
    ["blank", "", () => false],
    ["not blank", "", () => true],
  ];
  const numberArb = fc.oneof(
    fc.double({ min: -1000, max: 1000, noNaN: true, noDefaultInfinity: true }),
    fc.integer({ min: -20, max: 20 }),
    fc.constantFrom(12.5, -3, 0.1, -7.25, 1e-9, 0, -0, -10, 10.5, 1, 2.5, AS_OF, AS_OF + 0.75, AS_OF - 30, AS_OF - 31),
    fc.double({ min: AS_OF - 120, max: AS_OF + 5, noNaN: true }),
  );

  test("each rule alone, and all of them together, score as the definition says", () => {
    fc.assert(
      fc.property(fc.array(numberArb, { minLength: 1, maxLength: 30 }), (values) => {
        const records = [["Value"], ...values.map((v) => [v])];
        let total = values.map(() => 0);
        numericRules.forEach(([op, value, check], k) => {
          const points = 2 ** k;
          const scores = leadScore(records, [["Value", op, value, points]], null as any, AS_OF).map((r) => r[0]);
          expect(scores).toEqual(values.map((n) => (check(n) ? points : 0)));
          total = total.map((t, i) => t + (check(values[i]) ? points : 0));
        });
        const all = numericRules.map(([op, value], k) => ["Value", op, value, 2 ** k]);
        expect(leadScore(records, all, null as any, AS_OF).map((r) => r[0])).toEqual(total);
      }),
      { numRuns: 300 },
    );
  });
});
