import { bantMissing } from "../../src/functions/functions";
import { cell, col, expectCleanMatrix, expectErrorCell, expectThrows, row, serial, xlErr } from "./helpers";

const AS_OF = serial(2025, 1, 1);

describe("BANTMISSING", () => {
  test("letters of the unmet criteria in B,A,N,T order joined by ','", () => {
    const out = bantMissing(
      col(100000, 0, "否", "¥2万", null, 1),
      col("CFO", "决策人", "", "unknown", null, "×"),
      col("需要升级ERP", true, "no", "✔", null, "有"),
      col(AS_OF + 30, "2025-02-01", AS_OF - 1, "待定", null, "TBD"),
      null,
      null,
      null,
      AS_OF,
    );
    expectCleanMatrix(out);
    expect(out).toEqual(col("", "B", "B,A,N,T", "A,T", "B,A,N,T", "A,T"));
  });

  test("all four met gives an empty string (never null)", () => {
    expect(bantMissing(cell(true), cell(true), cell(true), cell(true), null, null, null, AS_OF)).toEqual([[""]]);
  });

  test("parameters apply: min_budget, within_days", () => {
    expect(bantMissing(cell(100), cell("x"), cell("y"), cell(AS_OF + 100), 1000, 120, null, AS_OF)).toEqual([["B"]]);
  });

  test("broadcast single cells against a row", () => {
    expect(bantMissing(row(0, 5), cell("x"), cell("y"), cell(true), null, null, null, AS_OF)).toEqual(row("B", ""));
  });

  test("an error value makes that record's result the error", () => {
    const out = bantMissing(col(xlErr("#N/A"), 1), cell("x"), cell("y"), cell(true), null, null, null, AS_OF);
    expectErrorCell(out[0][0], "#N/A");
    expect(out[1][0]).toBe("");
  });

  test("validation", () => {
    expectThrows(() => bantMissing(cell(1), cell(1), cell(1), cell(1), null, null, 4.5, AS_OF), "#NUM!");
    expectThrows(() => bantMissing(row(1, 2), cell(1), col(1, 2, 3), cell(1), null, null, null, AS_OF), "#VALUE!");
  });
});
