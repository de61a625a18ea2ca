/**
 * Per-row calls (issue 7): Excel calls LEADSCORE / SCOREDETAIL / COMMISSION once per table row with fresh argument
 * arrays. The compiled rules and parsed tiers are reused by content — and a changed cell must take effect on the
 * very next call (no stale cache), including a cell that only changes type ("10" vs 10 reads the same, "" vs 0 may not).
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { commission, leadScore, scoreDetail } from "../../src/functions/functions";
import { contentKey, SetupCache } from "../../src/engine/setupCache";
import { scoringPlans } from "../../src/engine/scoring";
import { tierTables } from "../../src/engine/money";
import { serial, xlErr } from "./helpers";

const AS_OF = serial(2025, 3, 1);
const HEADERS = ["Company", "Industry", "Employees", "Last contact"];
const RULES = [
  ["Field", "Operator", "Value", "Points", "Group", "Cap"],
  ["Industry", "=", "Retail", 10, "", ""],
  ["Employees", ">=", 100, 5, "size", 8],
  ["Employees", ">=", 1000, 5, "size", ""],
  ["Last contact", "within days", 30, 7, "", ""],
];
const ROWS = [
  ["Acme", "Retail", 1500, serial(2025, 2, 20)],
  ["Beta", "零售", 20, "2025-01-01"],
  ["Gamma", " retail ", "1,200", null],
];

const fresh = (m: any[][]): any[][] => m.map((r) => r.slice());
/** One call per row, each with fresh arrays, as Excel makes them in a table. */
const perRow = (rules: any[][], asOf: unknown = AS_OF, fn = leadScore): unknown[] =>
  ROWS.map((row) => fn([row.slice()], fresh(rules), [HEADERS.slice()], asOf)[0][0]);
const whole = (rules: any[][], asOf: unknown = AS_OF, fn = leadScore): unknown[] =>
  fn(fresh(ROWS), fresh(rules), [HEADERS.slice()], asOf).map((r) => r[0]);

describe("per-row LEADSCORE / SCOREDETAIL reuse the compiled rules by content", () => {
  beforeEach(() => scoringPlans.clear());

  test("per-row results equal the whole-table call; the rules compile once for all rows", () => {
    const before = scoringPlans.builds;
    expect(perRow(RULES)).toEqual(whole(RULES));
    expect(perRow(RULES)).toEqual([25, 0, 18]);
    expect(scoringPlans.builds - before).toBe(1);
    expect(perRow(RULES, AS_OF, scoreDetail)).toEqual(whole(RULES, AS_OF, scoreDetail));
  });

  test("a changed points cell changes the next per-row result, and changing it back restores it", () => {
    expect(perRow(RULES)).toEqual([25, 0, 18]);
    const edited = fresh(RULES);
    edited[1][3] = 25;
    expect(perRow(edited)).toEqual([40, 0, 33]);
    expect(perRow(edited, AS_OF, scoreDetail)[0]).toContain("Industry = Retail (+25)");
    expect(perRow(RULES)).toEqual([25, 0, 18]);
  });

  test("a changed operator, value, cap or header takes effect at once", () => {
    const op = fresh(RULES);
    op[1][1] = "<>";
    expect(perRow(op)).toEqual([15, 10, 8]);
    const cap = fresh(RULES);
    cap[2][5] = 100;
    expect(perRow(cap)).toEqual([27, 0, 20]);
    const value = fresh(RULES);
    value[4][2] = "400";
    expect(perRow(value)).toEqual([25, 7, 18]);
    // A renamed header: the rule's field is unknown now.
    const renamed = ROWS.map((row) => {
      try {
        return leadScore([row.slice()], fresh(RULES), [["Company", "Sector", "Employees", "Last contact"]], AS_OF);
      } catch (e) {
        return e;
      }
    });
    for (const r of renamed) expect(r).toEqual(xlErr("#VALUE!", 'Unknown field "Industry" in rule 1'));
    expect(perRow(RULES)).toEqual([25, 0, 18]);
  });

  test("a rules table that is wrong fails on every row with its own message, and works again once fixed", () => {
    const bad = fresh(RULES);
    bad[3][3] = "ten";
    for (let i = 0; i < 3; i++) {
      expect(() => leadScore([ROWS[0].slice()], fresh(bad), [HEADERS.slice()], AS_OF)).toThrow(
        /Points "ten" in rule 3 is not a number/,
      );
    }
    expect(perRow(RULES)).toEqual([25, 0, 18]);
  });

  test("a different as_of re-decides date rules (the memo of text dates is per as_of)", () => {
    expect(perRow(RULES, AS_OF)).toEqual([25, 0, 18]);
    // 2025-01-01 (Beta's text date) is within 30 days of 2025-01-20; Acme's 2025-02-20 is in the future then.
    expect(perRow(RULES, serial(2025, 1, 20))).toEqual([18, 7, 18]);
    expect(perRow(RULES, AS_OF)).toEqual([25, 0, 18]);
  });

  test("the cache is bounded: 50 different rule tables leave at most 8 entries", () => {
    for (let p = 1; p <= 50; p++) {
      const r = fresh(RULES);
      r[1][3] = p;
      expect(perRow(r)[0]).toBe(p + 15);
    }
    expect(scoringPlans.size).toBeLessThanOrEqual(8);
  });
});

describe("per-row COMMISSION reuses parsed tiers by content", () => {
  const TIERS = [
    ["Threshold", "Rate"],
    [0, "2%"],
    ["50,000", 0.05],
  ];
  beforeEach(() => tierTables.clear());

  test("a changed rate or threshold cell changes the next call", () => {
    const one = (tiers: any[][]) => commission([[100000]], fresh(tiers), null)[0][0];
    expect(one(TIERS)).toBeCloseTo(1000 + 2500, 9);
    const rate = fresh(TIERS);
    rate[2][1] = "10%";
    expect(one(rate)).toBeCloseTo(1000 + 5000, 9);
    const threshold = fresh(TIERS);
    threshold[2][0] = 80000;
    expect(one(threshold)).toBeCloseTo(1600 + 1000, 9);
    expect(one(TIERS)).toBeCloseTo(3500, 9);
    expect(tierTables.builds).toBe(3);
  });

  test("bad tiers fail on every call until fixed", () => {
    const bad = fresh(TIERS);
    bad[2][1] = -0.1;
    for (let i = 0; i < 2; i++)
      expect(() => commission([[1]], fresh(bad), null)).toThrow(/Rate -0.1 in tiers row 3 is negative/);
    expect(commission([[100]], fresh(TIERS), null)[0][0]).toBeCloseTo(2, 9);
  });
});

describe("contentKey / SetupCache", () => {
  test("cells of different type or position give different keys", () => {
    const keys = [
      [[[1]]],
      [[["1"]]],
      [[[true]]],
      [[["TRUE"]]],
      [[[null]]],
      [[[""]]],
      [[[1, 2]]],
      [[[1], [2]]],
      [[[1]], [[2]]],
      [[['a",("b']]],
      [[['a"', '("b']]],
    ].map((p) => contentKey(p as any));
    expect(new Set(keys).size).toBe(keys.length);
  });

  test("an entry is rebuilt after it falls out; the least recently used goes first", () => {
    const cache = new SetupCache<number>(2);
    let builds = 0;
    const get = (n: number) => cache.get([[[n]]], () => (builds++, n * 10));
    expect([get(1), get(2), get(1), get(3)]).toEqual([10, 20, 10, 30]);
    expect(builds).toBe(3);
    get(1); // still there (used more recently than 2)
    expect(builds).toBe(3);
    get(2); // fell out
    expect(builds).toBe(4);
  });
});
