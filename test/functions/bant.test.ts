import { bant, bantMissing, bantScore } from "../../src/functions/functions";
import {
  cell,
  col,
  expectCleanMatrix,
  expectErrorCell,
  expectThrows,
  row,
  serial,
  todaySerial,
  xlErr,
} from "./helpers";

const AS_OF = serial(2025, 1, 1);
type Fn = typeof bant;

/** Calls a BANT function on single cells with explicit as_of. */
function one(
  fn: Fn,
  b: unknown,
  a: unknown,
  n: unknown,
  t: unknown,
  minBudget: unknown = null,
  withinDays: unknown = null,
  required: unknown = null,
): unknown {
  const out = fn(cell(b), cell(a), cell(n), cell(t), minBudget, withinDays, required, AS_OF);
  expectCleanMatrix(out);
  expect(out).toHaveLength(1);
  expect(out[0]).toHaveLength(1);
  return out[0][0];
}

/** Which single criterion is met: uses BANTMISSING with the other three met. */
function budgetMet(v: unknown, minBudget: unknown = null): boolean {
  return one(bantMissing, v, true, true, true, minBudget) === "";
}
function authorityMet(v: unknown): boolean {
  return one(bantMissing, true, v, true, true) === "";
}
function needMet(v: unknown): boolean {
  return one(bantMissing, true, true, v, true) === "";
}
function timelineMet(v: unknown, withinDays: unknown = null): boolean {
  return one(bantMissing, true, true, true, v, null, withinDays) === "";
}

describe("BANT criteria", () => {
  test("budget: a number > 0 without min_budget", () => {
    expect(budgetMet(1)).toBe(true);
    expect(budgetMet(0.01)).toBe(true);
    expect(budgetMet("¥3.5万")).toBe(true);
    expect(budgetMet("1,200")).toBe(true);
    expect(budgetMet(0)).toBe(false);
    expect(budgetMet(-5)).toBe(false);
  });

  test("budget: a number ≥ min_budget when given", () => {
    expect(budgetMet(50000, 50000)).toBe(true);
    expect(budgetMet(49999, 50000)).toBe(false);
    expect(budgetMet("¥5万", 50000)).toBe(true);
    expect(budgetMet("¥4.9万", "5万")).toBe(false);
    expect(budgetMet(0, 0)).toBe(true);
  });

  test("budget: TRUE and yes words are met; everything else is not", () => {
    for (const v of [true, "yes", "Y", "true", "是", "有", "对", "已确认", "✓", "✔", "√", " YES "])
      expect(budgetMet(v)).toBe(true);
    expect(budgetMet(true, 1e9)).toBe(true);
    for (const v of [
      null,
      "",
      "  ",
      false,
      "no",
      "否",
      "无",
      "没有",
      "未确认",
      "✗",
      "✘",
      "×",
      "unknown",
      "TBD",
      "n/a",
      "na",
      "?",
      "待定",
      "未知",
      "不确定",
      "big",
      "CFO",
    ]) {
      expect(budgetMet(v)).toBe(false);
    }
  });

  test("authority and need: TRUE, yes words, non-zero numbers and other text are met", () => {
    for (const v of [true, "yes", "是", "CFO", "决策人", "需要升级ERP", 1, -3, "0.5"]) {
      expect(authorityMet(v)).toBe(true);
      expect(needMet(v)).toBe(true);
    }
  });

  test("authority and need: blank, FALSE, 0, no and unknown words are not met", () => {
    for (const v of [
      null,
      "",
      "   ",
      false,
      0,
      "no",
      "N",
      "False",
      "否",
      "无",
      "没有",
      "未确认",
      "×",
      "unknown",
      "TBD",
      "N/A",
      "?",
      "待定",
      "未知",
      "不确定",
    ]) {
      expect(authorityMet(v)).toBe(false);
      expect(needMet(v)).toBe(false);
    }
  });

  test("timeline: a date within [as_of, as_of + within_days] (default 90)", () => {
    expect(timelineMet(AS_OF)).toBe(true);
    expect(timelineMet(AS_OF + 90)).toBe(true);
    expect(timelineMet(AS_OF + 90.99)).toBe(true);
    expect(timelineMet(AS_OF + 91)).toBe(false);
    expect(timelineMet(AS_OF - 1)).toBe(false);
    expect(timelineMet("2025-03-01")).toBe(true);
    expect(timelineMet("2025年2月1日")).toBe(true);
    expect(timelineMet("2024/12/31")).toBe(false);
    expect(timelineMet(AS_OF + 10, 10)).toBe(true);
    expect(timelineMet(AS_OF + 11, 10)).toBe(false);
    expect(timelineMet(AS_OF, 0)).toBe(true);
    expect(timelineMet(AS_OF + 1, 0)).toBe(false);
  });

  test("timeline: TRUE and yes words are met; blanks, no/unknown and other text are not", () => {
    for (const v of [true, "yes", "是", "✓"]) expect(timelineMet(v)).toBe(true);
    for (const v of [null, "", false, "no", "否", "待定", "unknown", "next quarter", "Q3"])
      expect(timelineMet(v)).toBe(false);
  });
});

describe("BANT / BANTSCORE / BANTMISSING results", () => {
  test("BANT is TRUE when at least `required` criteria are met (default 4)", () => {
    expect(one(bant, 100, "CFO", "yes", AS_OF + 5)).toBe(true);
    expect(one(bant, 0, "CFO", "yes", AS_OF + 5)).toBe(false);
    expect(one(bant, 0, "CFO", "yes", AS_OF + 5, null, null, 3)).toBe(true);
    expect(one(bant, 0, "", "yes", AS_OF + 5, null, null, 3)).toBe(false);
    expect(one(bant, 0, "", "", AS_OF + 5, null, null, 1)).toBe(true);
  });

  test("BANTSCORE counts met criteria 0–4", () => {
    expect(one(bantScore, 100, "CFO", "yes", AS_OF + 5)).toBe(4);
    expect(one(bantScore, 0, "CFO", "yes", AS_OF + 500)).toBe(2);
    expect(one(bantScore, null, null, null, null)).toBe(0);
  });

  test("BANTMISSING lists unmet letters in B,A,N,T order", () => {
    expect(one(bantMissing, 100, "", "yes", "next year")).toBe("A,T");
    expect(one(bantMissing, null, null, null, null)).toBe("B,A,N,T");
    expect(one(bantMissing, 100, "CFO", "yes", AS_OF)).toBe("");
    expect(one(bantMissing, "否", "有", "是", "是")).toBe("B");
  });

  test("ranges of one size with single cells broadcast; result has the range's shape", () => {
    const budget = col(100, 0, "¥1万");
    const out = bantScore(budget, cell("CFO"), cell(true), cell(AS_OF + 1), null, null, null, AS_OF);
    expectCleanMatrix(out);
    expect(out).toEqual(col(4, 3, 4));
    const missing = bantMissing(cell(1), row("CFO", "", "否"), cell("x"), cell(""), null, null, null, AS_OF);
    expect(missing).toEqual(row("T", "A,T", "A,T"));
    const flags = bant(col(1, 0), col("a", "b"), col("ERP", "ERP"), col(AS_OF, AS_OF), null, null, null, AS_OF);
    expect(flags).toEqual(col(true, false));
  });

  test("ranges of different sizes are #VALUE!", () => {
    expectThrows(() => bant(col(1, 2), col(1, 2, 3), cell(1), cell(1), null, null, null, AS_OF), "#VALUE!");
    expectThrows(() => bantScore(col(1, 2), cell(1), cell(1), row(1, 2, 3), null, null, null, AS_OF), "#VALUE!");
  });

  test("parameter validation: required 1–4 integer, within_days ≥ 0, min_budget ≥ 0 else #NUM!", () => {
    for (const fn of [bant, bantScore, bantMissing]) {
      expectThrows(() => fn(cell(1), cell(1), cell(1), cell(1), null, null, 0, AS_OF), "#NUM!");
      expectThrows(() => fn(cell(1), cell(1), cell(1), cell(1), null, null, 5, AS_OF), "#NUM!");
      expectThrows(() => fn(cell(1), cell(1), cell(1), cell(1), null, null, 2.5, AS_OF), "#NUM!");
      expectThrows(() => fn(cell(1), cell(1), cell(1), cell(1), null, -1, null, AS_OF), "#NUM!");
      expectThrows(() => fn(cell(1), cell(1), cell(1), cell(1), -1, null, null, AS_OF), "#NUM!");
    }
  });

  test("an omitted as_of is today's local date", () => {
    const today = todaySerial();
    expect(bantMissing(cell(1), cell(1), cell(1), col(today + 10, today - 1), null, null, null, null)).toEqual(
      col("", "T"),
    );
  });

  test("as_of accepts a text date", () => {
    const out = bantScore(cell(1), cell(1), cell(1), cell(serial(2025, 6, 1)), null, null, null, "2025-05-01");
    expect(out).toEqual([[4]]);
  });

  test("an error value in a criterion makes that record's result the same error", () => {
    const out = bantScore(col(1, xlErr("#N/A"), 1), cell("CFO"), cell("x"), cell(true), null, null, null, AS_OF);
    expect(out[0][0]).toBe(4);
    expectErrorCell(out[1][0], "#N/A");
    expect(out[2][0]).toBe(4);
    const m = bantMissing(col(1, 1), col("CFO", xlErr("#DIV/0!")), cell("x"), cell(true), null, null, null, AS_OF);
    expect(m[0][0]).toBe("");
    expectErrorCell(m[1][0], "#DIV/0!");
    // A custom function cannot return #REF! (Office documents only #VALUE!, #N/A, #DIV/0!, #NUM!, #NULL!),
    // so an input #REF! surfaces as #VALUE!.
    const ref = bant(cell(xlErr("#REF!")), cell(1), cell(1), cell(true), null, null, null, AS_OF);
    expectErrorCell(ref[0][0], "#VALUE!");
  });
});
