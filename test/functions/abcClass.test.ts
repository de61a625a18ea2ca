import { abcClass } from "../../src/functions/functions";
import { cell, col, expectCleanMatrix, expectErrorCell, expectThrows, row, xlErr } from "./helpers";

describe("ABCCLASS", () => {
  test("before-share rule with defaults 0.8 / 0.95; ties keep input order", () => {
    // Ranked: 50 (before 0) A, 30 (0.5) A, 10 (0.8 — not < 0.8) B, first 5 (0.9) B, second 5 (0.95) C
    const out = abcClass(col(5, 30, 50, 5, 10), null, null);
    expectCleanMatrix(out);
    expect(out).toEqual(col("B", "A", "A", "C", "B"));
  });

  test("the top item is always A when the total is positive", () => {
    expect(abcClass(cell(100), null, null)).toEqual([["A"]]);
    expect(abcClass(col(1000, 1), null, null)).toEqual(col("A", "C"));
  });

  test("custom shares", () => {
    // Ranked 40 (0) 30 (0.4) 20 (0.7) 10 (0.9): a=0.5 → A,A; b=0.8 → B; then C
    expect(abcClass(row(10, 20, 30, 40), 0.5, 0.8)).toEqual(row("C", "B", "A", "A"));
    expect(abcClass(row(10, 20, 30, 40), "50%", "80%")).toEqual(row("C", "B", "A", "A"));
    // b_share = 1 is allowed
    expect(abcClass(row(10, 20, 30, 40), 0.5, 1)).toEqual(row("B", "B", "A", "A"));
  });

  test("values ≤ 0 are C and do not count in the total; blanks are empty", () => {
    // total = 100 (positives only): 60 (0) A, 40 (0.6) A
    expect(abcClass(col(60, -50, 0, null, "", 40), null, null)).toEqual(col("A", "C", "C", "", "", "A"));
  });

  test("total 0 → every non-blank value is C", () => {
    expect(abcClass(col(0, -1, null, 0), null, null)).toEqual(col("C", "C", "", "C"));
  });

  test("numeric text counts as a number", () => {
    expect(abcClass(col("¥8万", "1,000", "1万"), null, null)).toEqual(col("A", "C", "B"));
  });

  test("keeps the shape (2-D)", () => {
    expect(
      abcClass(
        [
          [50, 30],
          [15, 5],
        ],
        null,
        null,
      ),
    ).toEqual([
      ["A", "A"],
      ["B", "C"],
    ]);
  });

  test("share validation: 0 < a < b ≤ 1 else #NUM!", () => {
    expectThrows(() => abcClass(col(1, 2), 0, 0.9), "#NUM!");
    expectThrows(() => abcClass(col(1, 2), 0.9, 0.9), "#NUM!");
    expectThrows(() => abcClass(col(1, 2), 0.9, 0.8), "#NUM!");
    expectThrows(() => abcClass(col(1, 2), 0.5, 1.01), "#NUM!");
    expectThrows(() => abcClass(col(1, 2), -0.1, 0.5), "#NUM!");
    // a_share above the default b_share
    expectThrows(() => abcClass(col(1, 2), 0.96, null), "#NUM!");
  });

  // Reading of the spec: "Values ≤ 0 → C; blank → ""; …; a value that is not a number → #VALUE!" lists
  // per-value results, so a bad value is #VALUE! in its own cell (like LEADGRADE); it takes no part in the
  // ranking or the total, and the other values are still classified. Error values pass through the same way.
  test("a value that is not a number is #VALUE! in its cell", () => {
    const out = abcClass(col(10, "lots", 5, true), null, null);
    expect(out[0][0]).toBe("A");
    expectErrorCell(out[1][0], "#VALUE!");
    expect(out[2][0]).toBe("A"); // before = 10/15 < 0.8: "lots" is not part of the total
    expectErrorCell(out[3][0], "#VALUE!");
  });

  test("an error value in the data is that value's result", () => {
    const out = abcClass(col(10, xlErr("#N/A"), 5), null, null);
    expect(out[0][0]).toBe("A");
    expectErrorCell(out[1][0], "#N/A");
    expect(out[2][0]).toBe("A");
  });
});
