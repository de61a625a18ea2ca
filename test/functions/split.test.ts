import { split } from "../../src/functions/functions";
import { cell, col, expectCleanMatrix, expectThrows, flat, row, xlErr } from "./helpers";

/** Parts in whole units of 10^-decimals, so sums can be checked exactly. */
function units(m: unknown[][], decimals: number): number[] {
  return flat(m).map((v) => Math.round((v as number) * 10 ** decimals));
}

describe("SPLIT", () => {
  test("largest remainder: floors, then the largest remainders get one unit each", () => {
    // exact 16.67, 33.33, 50 → 16, 33, 50 (+1 to the first)
    expect(split(100, col(1, 2, 3), null)).toEqual(col(17, 33, 50));
    expect(split(10, col(1, 2, 3, 4), null)).toEqual(col(1, 2, 3, 4));
    expect(split(7, col(1, 1, 1, 1, 1, 1, 1, 1, 1, 1), null)).toEqual(col(1, 1, 1, 1, 1, 1, 1, 0, 0, 0));
  });

  test("ties: larger weight first, then earlier position", () => {
    // exact 0.5, 1.5 → floors 0, 1; equal remainders → the larger weight gets the unit
    expect(split(2, col(1, 3), null)).toEqual(col(0, 2));
    expect(split(2, col(3, 1), null)).toEqual(col(2, 0));
    // equal weights → earlier position
    expect(split(100, col(1, 1, 1), null)).toEqual(col(34, 33, 33));
    expect(split(1, row(5, 5), null)).toEqual(row(1, 0));
  });

  test("decimals set the unit", () => {
    const out = split(100, col(1, 1, 1), 2);
    expect(units(out, 2)).toEqual([3334, 3333, 3333]);
    expect(out[0][0] as number).toBeCloseTo(33.34, 10);
    const six = split(1, col(1, 1, 1), 6);
    expect(units(six, 6)).toEqual([333334, 333333, 333333]);
  });

  test("the total is first rounded half away from zero to the unit", () => {
    expect(split(2.5, cell(1), null)).toEqual([[3]]);
    expect(split(-2.5, cell(1), null)).toEqual([[-3]]);
    expect(split(10.4, col(1, 1), null)).toEqual(col(5, 5));
    expect(units(split(0.125, cell(1), 2), 2)).toEqual([13]);
  });

  test("a negative total is split as |T| and negated", () => {
    expect(split(-100, col(1, 1, 1), null)).toEqual(col(-34, -33, -33));
    expect(split(-100, col(1, 2, 3), null)).toEqual(col(-17, -33, -50));
  });

  test("blank weights are 0; all-zero weights are equal weights", () => {
    expect(split(10, col(null, "", 1, "  "), null)).toEqual(col(0, 0, 10, 0));
    expect(split(10, col(0, 0, 0, 0), null)).toEqual(col(3, 3, 2, 2));
    expect(split(10, col(null, null), null)).toEqual(col(5, 5));
  });

  test("numeric text in weights and total", () => {
    expect(split("¥3.5万", col("1,000", "3k"), null)).toEqual(col(8750, 26250));
    expect(split(100, col("25%", "75%"), null)).toEqual(col(25, 75));
  });

  test("keeps the shape of weights (2-D, row, single cell)", () => {
    const out = split(
      100,
      [
        [1, 1],
        [1, 1],
      ],
      null,
    );
    expectCleanMatrix(out);
    expect(out).toEqual([
      [25, 25],
      [25, 25],
    ]);
    expect(split(9, row(1, 2), null)).toEqual(row(3, 6));
    expect(split(9, cell(5), null)).toEqual([[9]]);
  });

  test("a zero total gives zeros", () => {
    expect(split(0, col(1, 2), null)).toEqual(col(0, 0));
  });

  test("a negative weight is #NUM!", () => {
    expectThrows(() => split(10, col(1, -1), null), "#NUM!");
  });

  test("a non-number weight is #VALUE! naming it", () => {
    expectThrows(() => split(10, col(1, "heavy"), null), "#VALUE!", "heavy");
    expectThrows(() => split(10, col(1, true), null), "#VALUE!");
  });

  test("a non-number total is #VALUE!", () => {
    expectThrows(() => split("a lot", col(1, 1), null), "#VALUE!", "a lot");
  });

  test("decimals must be an integer 0–6", () => {
    expectThrows(() => split(10, col(1, 1), 7), "#NUM!");
    expectThrows(() => split(10, col(1, 1), -1), "#NUM!");
    expectThrows(() => split(10, col(1, 1), 1.5), "#NUM!");
  });

  test("an error value in the weights is #VALUE! (aggregating)", () => {
    expectThrows(() => split(10, col(1, xlErr("#N/A")), null), "#VALUE!");
  });
});
