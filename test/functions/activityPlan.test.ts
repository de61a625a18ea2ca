import { activityPlan } from "../../src/functions/functions";
import { cell, col, expectCleanMatrix, expectThrows, row } from "./helpers";

describe("ACTIVITYPLAN", () => {
  test("the spec example: {200;100;40;24}", () => {
    const out = activityPlan(1200000, 50000, col(0.5, 0.4, 0.6), null, null);
    expectCleanMatrix(out);
    expect(out).toEqual(col(200, 100, 40, 24));
  });

  test("per owner per period: 12 periods and 5 owners → {4;2;1;1}", () => {
    expect(activityPlan(1200000, 50000, col(0.5, 0.4, 0.6), 12, 5)).toEqual(col(4, 2, 1, 1));
  });

  test("periods alone or owners alone (the other defaults to 1)", () => {
    expect(activityPlan(1200000, 50000, col(0.5, 0.4, 0.6), 12, null)).toEqual(col(17, 9, 4, 2));
    expect(activityPlan(1200000, 50000, col(0.5, 0.4, 0.6), null, 5)).toEqual(col(40, 20, 8, 5));
  });

  test("won needed is ceil(target ÷ deal size)", () => {
    expect(activityPlan(1000001, 50000, cell(1), null, null)).toEqual(col(21, 21));
    expect(activityPlan(0, 50000, col(0.5, 0.5), null, null)).toEqual(col(0, 0, 0));
  });

  test("ceilings ignore floating-point noise", () => {
    // 21 ÷ 0.7 is 30.000000000000004 in binary floating point; 2.1 ÷ 0.7 is 3.0000000000000004
    expect(activityPlan(2100000, 100000, cell(0.7), null, null)).toEqual(col(30, 21));
    expect(activityPlan(2.1, 0.7, cell(0.5), null, null)).toEqual(col(6, 3));
    expect(activityPlan(20, 1, cell(0.4), null, null)).toEqual(col(50, 20));
  });

  test("conversions as a row or percent text; result is always a column", () => {
    expect(activityPlan("¥120万", "5万", row("50%", "40%", "60%"), null, null)).toEqual(col(200, 100, 40, 24));
  });

  test("a rate of 0, above 1 or negative is #NUM!; 1 is fine", () => {
    expectThrows(() => activityPlan(100, 10, col(0.5, 0), null, null), "#NUM!");
    expectThrows(() => activityPlan(100, 10, col(0.5, 1.5), null, null), "#NUM!");
    expectThrows(() => activityPlan(100, 10, col(0.5, "150%"), null, null), "#NUM!");
    expectThrows(() => activityPlan(100, 10, col(-0.5), null, null), "#NUM!");
    expect(activityPlan(100, 10, col(1, 1), null, null)).toEqual(col(10, 10, 10));
  });

  test("revenue_target < 0 or avg_deal_size ≤ 0 is #NUM!", () => {
    expectThrows(() => activityPlan(-1, 10, col(0.5), null, null), "#NUM!");
    expectThrows(() => activityPlan(100, 0, col(0.5), null, null), "#NUM!");
    expectThrows(() => activityPlan(100, -10, col(0.5), null, null), "#NUM!");
  });

  // Reading of the spec: "positive integers" for periods/owners; anything else is a number outside its range (#NUM!).
  test("periods and owners must be positive integers", () => {
    expectThrows(() => activityPlan(100, 10, col(0.5), 0, null), "#NUM!");
    expectThrows(() => activityPlan(100, 10, col(0.5), null, 2.5), "#NUM!");
    expectThrows(() => activityPlan(100, 10, col(0.5), -3, null), "#NUM!");
  });

  test("a non-number is #VALUE!", () => {
    expectThrows(() => activityPlan(100, 10, col(0.5, "high"), null, null), "#VALUE!", "high");
    expectThrows(() => activityPlan("lots", 10, col(0.5), null, null), "#VALUE!");
  });
});
