/**
 * One-column results (issue 7): rows holding the same value share one row array, which Excel cannot see (it
 * serialises the result) but which spares V8 a million surviving allocations. What users rely on: the values Excel
 * receives are exactly those of a plainly built column, errors and blanks still become the right cells, and a
 * per-row call still gets a fresh row.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import fc from "fast-check";
import { columnOf } from "../../src/engine/coerce";
import { XlError } from "../../src/engine";
import { toExcelMatrix } from "../../src/functions/adapter";
import { leadGrade, leadScore, split } from "../../src/functions/functions";
import { isCfError } from "./helpers";

const plain = (values: unknown[]): unknown[][] => values.map((v) => [v]);

describe("columnOf", () => {
  test("holds exactly the values of a plain column, for few or many distinct values of every kind", () => {
    const valueArb = fc.oneof(
      fc.integer({ min: -5000, max: 5000 }),
      fc.constantFrom(0, -0, 0.5, 2.25, 1e300, "", "A", "B", true, false, null, NaN, Infinity),
      fc.double({ noNaN: true }),
      fc.string(),
      fc.constant(new XlError("#N/A", "no value")),
    );
    fc.assert(
      fc.property(fc.array(valueArb, { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 3000 }), (pool, n) => {
        const values = Array.from({ length: n }, (_, i) => pool[(i * 7919) % pool.length]);
        const out = columnOf(values);
        expect(out.length).toBe(n);
        out.forEach((row, i) => {
          expect(row.length).toBe(1);
          expect(Object.is(row[0], values[i]) || (row[0] === 0 && values[i] === 0)).toBe(true);
        });
        expect(JSON.stringify(out)).toBe(JSON.stringify(plain(values)));
      }),
      { numRuns: 150 },
    );
  });

  test("equal scores share a row over a big table; a per-row call's row is its own", () => {
    const scores = Array.from({ length: 5000 }, (_, i) => i % 7);
    const out = columnOf(scores);
    expect(out[0]).toBe(out[7]);
    expect(new Set(out).size).toBe(7);
    const one = columnOf([5]);
    expect(one).toEqual([[5]]);
    expect(columnOf([5])[0]).not.toBe(one[0]);
  });

  test("mostly distinct values are not shared (sharing would only cost)", () => {
    const values = Array.from({ length: 100000 }, (_, i) => i / 7);
    const out = columnOf(values);
    expect(new Set(out).size).toBe(values.length);
    expect(out[99999]).toEqual([99999 / 7]);
  });

  test("errors, blanks and non-finite numbers become the right cells, each row its own", () => {
    const values: unknown[] = Array.from({ length: 600 }, (_, i) =>
      i % 3 === 0 ? NaN : i % 3 === 1 ? new XlError("#VALUE!", `bad ${i}`) : 4,
    );
    const out = toExcelMatrix(columnOf(values));
    out.forEach((row, i) => {
      if (i % 3 === 2) expect(row).toEqual([4]);
      else {
        expect(isCfError(row[0])).toBe(true);
        expect((row[0] as any).code).toBe(i % 3 === 0 ? "#NUM!" : "#VALUE!");
      }
    });
    expect((out[1][0] as any).message).toBe("bad 1");
    expect((out[4][0] as any).message).toBe("bad 4");
  });
});

describe("whole-table results built with shared rows", () => {
  const n = 3000;
  const records = [
    ["Region", "Employees"],
    ...Array.from({ length: n }, (_, i) => [["North", "South", "", null][i % 4], i % 2 ? 800 : 20]),
  ];
  const rules = [
    ["Region", "=", "north", 10],
    ["Employees", ">=", 500, 5],
  ];

  test("LEADSCORE: every row's score, with a lead's own error where its field is an error", () => {
    const withError = records.map((r, i) => (i === 5 ? ["North", new XlError("#N/A")] : r));
    const out = leadScore(withError, rules, null as any, 45000);
    expect(out.length).toBe(n);
    out.forEach((row, i) => {
      const rec = withError[i + 1];
      if (i === 4) return expect(isCfError(row[0])).toBe(true);
      expect(row).toEqual([(rec[0] === "North" ? 10 : 0) + (rec[1] === 800 ? 5 : 0)]);
    });
  });

  test("LEADGRADE and SPLIT: the same cells as built one by one", () => {
    const scores = Array.from({ length: n }, (_, i) => [(i * 37) % 101]);
    expect(leadGrade(scores, null as any, null as any)).toEqual(
      scores.map(([s]) => [s >= 80 ? "A" : s >= 50 ? "B" : "C"]),
    );
    const weights = Array.from({ length: n }, (_, i) => [1 + (i % 3)]);
    const parts = split(6000 * 2, weights, 0);
    expect(parts).toEqual(weights.map(([w]) => [2 * w]));
  });
});
