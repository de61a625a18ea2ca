/* eslint-disable @typescript-eslint/no-explicit-any */
import { leadGrade } from "../../src/functions/functions";
import { cell, col, expectCleanMatrix, expectErrorCell, expectThrows, row, xlErr } from "./helpers";

describe("LEADGRADE", () => {
  test("defaults {80,50} and {A,B,C}; a score that reaches a threshold (>=) gets its label", () => {
    const out = leadGrade(col(100, 80, 79.99, 50, 49.5, 0, -20), null as any, null as any);
    expectCleanMatrix(out);
    expect(out).toEqual(col("A", "A", "B", "B", "C", "C", "C"));
  });

  test("a single score gives a single grade", () => {
    expect(leadGrade(cell(85), null as any, null as any)).toEqual([["A"]]);
  });

  test("keeps the shape of scores (row, 2-D)", () => {
    expect(leadGrade(row(90, 60, 10), null as any, null as any)).toEqual(row("A", "B", "C"));
    expect(
      leadGrade(
        [
          [90, 60],
          [10, 80],
        ],
        null as any,
        null as any,
      ),
    ).toEqual([
      ["A", "B"],
      ["C", "A"],
    ]);
  });

  test("custom thresholds and labels, as a row or a column", () => {
    const labels = row("Hot", "Warm", "Cool", "Cold");
    expect(leadGrade(col(95, 90, 70, 40, 39), row(90, 70, 40), labels)).toEqual(
      col("Hot", "Hot", "Warm", "Cool", "Cold"),
    );
    expect(leadGrade(col(95, 39), col(90, 70, 40), col("热", "温", "凉", "冷"))).toEqual(col("热", "冷"));
  });

  test("only labels given uses the default thresholds", () => {
    expect(leadGrade(col(80, 50, 10), null as any, row("优", "良", "差"))).toEqual(col("优", "良", "差"));
  });

  test("only thresholds given uses the default labels", () => {
    expect(leadGrade(col(70, 30, 5), row(60, 20), null as any)).toEqual(col("A", "B", "C"));
  });

  test('blank label cells (null, "", whitespace, and 0 — labels are a text-only field) are skipped', () => {
    expect(leadGrade(col(90, 10), row(80), row("Hot", "", null, "  ", 0, "Cold"))).toEqual(col("Hot", "Cold"));
  });

  test("blank scores give empty text", () => {
    expect(leadGrade(col(null, "", "   ", 90), null as any, null as any)).toEqual(col("", "", "", "A"));
  });

  test("numeric text is a number", () => {
    expect(leadGrade(col("85", "1,000", "50.0"), null as any, null as any)).toEqual(col("A", "A", "B"));
  });

  test("a non-number score is #VALUE! in its cell; other cells still grade", () => {
    const out = leadGrade(col(90, "high", true, 10), null as any, null as any);
    expect(out[0][0]).toBe("A");
    expectErrorCell(out[1][0], "#VALUE!");
    expectErrorCell(out[2][0], "#VALUE!");
    expect(out[3][0]).toBe("C");
  });

  test("an error value in a score passes through in its cell", () => {
    const out = leadGrade(col(xlErr("#N/A"), 60), null as any, null as any);
    expectErrorCell(out[0][0], "#N/A");
    expect(out[1][0]).toBe("B");
  });

  test("thresholds must be strictly descending", () => {
    expectThrows(() => leadGrade(col(1), row(50, 80), null as any), "#VALUE!");
    expectThrows(() => leadGrade(col(1), row(80, 80), null as any), "#VALUE!");
  });

  test("labels must be one more than thresholds", () => {
    expectThrows(() => leadGrade(col(1), row(80, 50), row("A", "B")), "#VALUE!");
    expectThrows(() => leadGrade(col(1), row(80, 50), row("A", "B", "C", "D")), "#VALUE!");
    expectThrows(() => leadGrade(col(1), null as any, row("A", "B")), "#VALUE!");
  });
});
