/* eslint-disable @typescript-eslint/no-explicit-any */
import { actuals, targetPlan } from "../../src/functions/functions";
import { col, expectTable, expectThrows, row, serial, withDisplayLanguage, xlErr } from "./helpers";

const JAN1 = serial(2025, 1, 1);
const N = null as any;

// amount, date, owner, outcome — how each counts is in the expected tables below.
const DEALS: [unknown, unknown, unknown, unknown][] = [
  [1000, serial(2025, 1, 15), "Ann", "won"], // 1: January, Ann (first owner)
  [500, serial(2025, 1, 20) + 0.75, "Bob", "Won"], // 2: January, Bob; the time of day is dropped
  [300, "2025-02-03", " ann", "赢单"], // 3: February, Ann (text equality), text date
  [200, serial(2025, 2, 10), "Bob", "lost"], // 4: lost: not counted
  ["¥1万", serial(2025, 3, 31), "Cy", "成交"], // 5: March, Cy, 10000
  ["", serial(2025, 4, 1), "Bob", "won"], // 6: April, Bob, blank amount = 0
  [700, serial(2024, 12, 31), "Ann", "won"], // 7: before the plan → (outside)
  [400, "", "Bob", "won"], // 8: blank date → (outside)
  [250, serial(2025, 5, 5), "", "won"], // 9: May, blank owner → (blank)
  [999, "not a date", "Ann", "open"], // 10: open: not counted, never read
  ["abc", serial(2025, 6, 1), xlErr("#N/A"), "lost"], // 11: lost: not counted, never read
  [150, serial(2026, 1, 1), "Ann", "won"], // 12: the plan ends on 2025-12-31 → (outside)
  [50, serial(2025, 12, 31), "Bob", "won"], // 13: December, Bob
];
const amounts = col(...DEALS.map((d) => d[0]));
const dates = col(...DEALS.map((d) => d[1]));
const owners = col(...DEALS.map((d) => d[2]));
const outcomes = col(...DEALS.map((d) => d[3]));

const months = [
  "2025-01",
  "2025-02",
  "2025-03",
  "2025-04",
  "2025-05",
  "2025-06",
  "2025-07",
  "2025-08",
  "2025-09",
  "2025-10",
  "2025-11",
  "2025-12",
];

describe("ACTUALS by month with owners", () => {
  test("every cell of every row: owners in order of first appearance, (blank), Total, (outside)", () => {
    const out = actuals(amounts, dates, JAN1, "M", owners, N, outcomes, N, N);
    // Ann, Bob, Cy, (blank), Total
    const byMonth: Record<string, number[]> = {
      "2025-01": [1000, 500, 0, 0],
      "2025-02": [300, 0, 0, 0],
      "2025-03": [0, 0, 10000, 0],
      "2025-04": [0, 0, 0, 0],
      "2025-05": [0, 0, 0, 250],
      "2025-12": [0, 50, 0, 0],
    };
    const expected: unknown[][] = [["Period", "Ann", "Bob", "Cy", "(blank)", "Total"]];
    for (const m of months) {
      const cells = byMonth[m] ?? [0, 0, 0, 0];
      expected.push([m, ...cells, cells.reduce((a, b) => a + b, 0)]);
    }
    expected.push(["Total", 1300, 550, 10000, 250, 12100]);
    expected.push(["(outside)", 850, 400, 0, 0, 1250]);
    expectTable(out, expected);
  });

  test("owner_list sets the columns; owners not in it go to (other), before (blank)", () => {
    const out = actuals(amounts, dates, JAN1, "M", owners, row("Bob", "ANN", "Dee"), outcomes, N, N);
    expect(out[0]).toEqual(["Period", "Bob", "ANN", "Dee", "(other)", "(blank)", "Total"]);
    expect(out[1]).toEqual(["2025-01", 500, 1000, 0, 0, 0, 1500]);
    expect(out[3]).toEqual(["2025-03", 0, 0, 0, 10000, 0, 10000]);
    expect(out[13]).toEqual(["Total", 550, 1300, 0, 10000, 250, 12100]);
    expect(out[14]).toEqual(["(outside)", 400, 850, 0, 0, 0, 1250]);
    expect(out).toHaveLength(15);
  });

  test("(other), (blank) and (outside) appear only when a record falls in them, even when it sums to 0", () => {
    const out = actuals(
      col(0, 5),
      col(serial(2025, 2, 1), serial(2025, 3, 1)),
      JAN1,
      "M",
      col("Zed", "Ann"),
      col("Ann"),
      N,
      N,
      N,
    );
    expect(out[0]).toEqual(["Period", "Ann", "(other)", "Total"]);
    expect(out[2]).toEqual(["2025-02", 0, 0, 0]);
    expect(out).toHaveLength(14); // no (outside) row
    const blankOnly = actuals(col(0), col(0), JAN1, "M", col(""), N, N, N, N);
    expect(blankOnly[0]).toEqual(["Period", "(blank)", "Total"]);
    expect(blankOnly[14]).toEqual(["(outside)", 0, 0]);
  });

  test("with owners but no counted record: Period | Total", () => {
    const out = actuals(col(100), col(JAN1), JAN1, "M", col("Ann"), N, col("lost"), N, N);
    expect(out[0]).toEqual(["Period", "Total"]);
    expect(out[1]).toEqual(["2025-01", 0]);
    expect(out[13]).toEqual(["Total", 0]);
  });

  test("without outcomes every record counts; without owners the columns are Period | Actual", () => {
    const out = actuals(
      col(1, 2, 4, 8),
      col(JAN1, serial(2025, 1, 31), serial(2025, 2, 1), serial(2026, 2, 1)),
      JAN1,
      N,
      N,
      N,
      N,
      N,
      N,
    );
    expect(out[0]).toEqual(["Period", "Actual"]);
    expect(out[1]).toEqual(["2025-01", 3]);
    expect(out[2]).toEqual(["2025-02", 4]);
    expect(out[13]).toEqual(["Total", 7]);
    expect(out[14]).toEqual(["(outside)", 8]);
  });

  test('blanks as null, "" and 0: amount 0, date blank (outside), owner blank', () => {
    const out = actuals(
      col(null, "", 0, 7),
      col(JAN1, JAN1, 0, null),
      JAN1,
      "M",
      col(0, null, "Ann", "  "),
      N,
      N,
      N,
      N,
    );
    expect(out[0]).toEqual(["Period", "Ann", "(blank)", "Total"]);
    expect(out[1]).toEqual(["2025-01", 0, 0, 0]);
    expect(out[14]).toEqual(["(outside)", 0, 7, 7]);
  });

  test("rows and columns: amounts as a row, dates and owners as columns, outcomes as a row", () => {
    const out = actuals(
      row(10, 20, 30),
      col(JAN1, JAN1, serial(2025, 2, 2)),
      JAN1,
      "M",
      col("东区", "西区", "东区 "),
      N,
      row("赢单", "won", "输单"),
      N,
      N,
    );
    expect(out[0]).toEqual(["Period", "东区", "西区", "Total"]);
    expect(out[1]).toEqual(["2025-01", 10, 20, 30]);
    expect(out[2]).toEqual(["2025-02", 0, 0, 0]);
  });
});

describe("ACTUALS follows TARGETPLAN's layout", () => {
  test("by quarter: Q1..Q4 of the plan (fiscal year from April)", () => {
    const out = actuals(
      col(5, 6, 7),
      col(serial(2025, 4, 1), serial(2025, 7, 15), serial(2026, 3, 31)),
      "2025-04-20",
      "季度",
      N,
      N,
      N,
      N,
      N,
    );
    expectTable(out, [
      ["Period", "Actual"],
      ["Q1", 5],
      ["Q2", 6],
      ["Q3", 0],
      ["Q4", 7],
      ["Total", 18],
    ]);
  });

  test("the Period column and header labels equal TARGETPLAN's with the same arguments", () => {
    const holidays = col(
      serial(2025, 1, 27),
      serial(2025, 1, 28),
      serial(2025, 1, 29),
      serial(2025, 1, 30),
      serial(2025, 1, 31),
    );
    const workdays = col(serial(2025, 1, 26));
    for (const period of ["M", "Q", "W"]) {
      const plan = targetPlan(1200, JAN1, period, N, col("Ann", "Bob"), N, N, holidays, workdays);
      const act = actuals(col(1), col(JAN1), JAN1, period, col("Ann"), col("Ann", "Bob"), N, holidays, workdays);
      expect(act.map((r) => r[0])).toEqual(plan.map((r) => r[0]));
      expect(act[0]).toEqual(plan[0]);
    }
  });

  describe("by week, with a Spring Festival week off (Mon 2025-01-27 … Fri 01-31) and a 调休 Sunday (2025-01-26)", () => {
    const holidays = col(
      serial(2025, 1, 27),
      serial(2025, 1, 28),
      serial(2025, 1, 29),
      serial(2025, 1, 30),
      serial(2025, 1, 31),
    );
    const workdays = col(serial(2025, 1, 26));
    const RECORDS: [number, number][] = [
      [10, serial(2024, 12, 31)], // before the plan's first day (the first week row holds only the plan's days) → (outside)
      [20, serial(2025, 1, 1)], // week of Monday 2024-12-30
      [30, serial(2025, 1, 26)], // the 调休 Sunday: week of 2025-01-20
      [40, serial(2025, 1, 29)], // the week without working days → nearest earlier listed week, 2025-01-20
      [50, serial(2025, 2, 2)], // Sunday of that same unlisted week → 2025-01-20
      [60, serial(2025, 2, 3)], // week of 2025-02-03
      [70, serial(2025, 12, 31)], // last week, 2025-12-29
      [80, serial(2026, 1, 1)], // after the plan → (outside)
    ];
    const out = actuals(
      col(...RECORDS.map((r) => r[0])),
      col(...RECORDS.map((r) => r[1])),
      JAN1,
      "W",
      N,
      N,
      N,
      holidays,
      workdays,
    );
    const week = new Map(out.slice(1).map((r) => [r[0], r[1]]));

    test("the week without a working day is not listed, by TARGETPLAN or ACTUALS", () => {
      expect(week.has("2025-01-27")).toBe(false);
      const plan = targetPlan(1200, JAN1, "W", N, N, N, N, holidays, workdays);
      expect(plan.some((r) => r[0] === "2025-01-27")).toBe(false);
      expect(out[1][0]).toBe("2024-12-30");
      expect(out[4][0]).toBe("2025-01-20");
      expect(out[5][0]).toBe("2025-02-03");
    });

    test("each date goes to its week, or to the nearest earlier listed week", () => {
      expect(week.get("2024-12-30")).toBe(20);
      expect(week.get("2025-01-06")).toBe(0);
      expect(week.get("2025-01-13")).toBe(0);
      expect(week.get("2025-01-20")).toBe(120);
      expect(week.get("2025-02-03")).toBe(60);
      expect(week.get("2025-12-29")).toBe(70);
      expect(week.get("Total")).toBe(270);
      expect(out[out.length - 1]).toEqual(["(outside)", 90]);
      expect(out[out.length - 2]).toEqual(["Total", 270]);
      expect(out).toHaveLength(1 + 52 + 2); // 53 Monday weeks of 2025 minus the unlisted one
    });

    test("a date before the first listed week goes to the first listed week", () => {
      // A plan from Saturday 2025-02-01: the week of 01-27 holds no February working day (Feb 1–2 are a weekend).
      const feb = actuals(
        col(5, 6),
        col(serial(2025, 2, 1), serial(2025, 1, 31)),
        serial(2025, 2, 1),
        "W",
        N,
        N,
        N,
        N,
        N,
      );
      expect(feb[1]).toEqual(["2025-02-03", 5]);
      expect(feb[feb.length - 1]).toEqual(["(outside)", 6]);
    });
  });
});

describe("ACTUALS labels and errors", () => {
  test("zh-CN labels: 期间, 实际, 合计, (其他), (空白), (计划期外)", () => {
    const out = withDisplayLanguage("zh-CN", () =>
      actuals(
        col(1, 2, 3, 4),
        col(JAN1, JAN1, JAN1, ""),
        JAN1,
        "月",
        col("张三", "李四", "", "张三"),
        col("张三"),
        N,
        N,
        N,
      ),
    );
    expect(out[0]).toEqual(["期间", "张三", "(其他)", "(空白)", "合计"]);
    expect(out[1]).toEqual(["2025-01", 1, 2, 3, 6]);
    expect(out[13][0]).toBe("合计");
    expect(out[14]).toEqual(["(计划期外)", 4, 0, 0, 4]);
    const team = withDisplayLanguage("zh-CN", () => actuals(col(1), col(JAN1), JAN1, N, N, N, N, N, N));
    expect(team[0]).toEqual(["期间", "实际"]);
  });

  test("a counted record's amount that is not a number is #VALUE! naming the cell", () => {
    expectThrows(() => actuals(col(1, "lots"), col(JAN1, JAN1), JAN1, N, N, N, N, N, N), "#VALUE!", "lots", "cell 2");
    expectThrows(
      () => actuals(col(1, xlErr("#N/A")), col(JAN1, JAN1), JAN1, N, N, N, N, N, N),
      "#VALUE!",
      "#N/A",
      "cell 2",
    );
    expectThrows(() => actuals(col(true), col(JAN1), JAN1, N, N, N, N, N, N), "#VALUE!", "TRUE");
  });

  test("a counted record's date that is not a date is #VALUE! naming the cell", () => {
    expectThrows(() => actuals(col(1, 2), col(JAN1, "soon"), JAN1, N, N, N, N, N, N), "#VALUE!", "soon", "cell 2");
    expectThrows(() => actuals(col(1), col(-5), JAN1, N, N, N, N, N, N), "#VALUE!", "-5");
  });

  test("a record that does not count is never read; outcomes always are", () => {
    const out = actuals(
      col("lots", 5),
      col("soon", JAN1),
      JAN1,
      N,
      col(xlErr("#REF!"), "Ann"),
      N,
      col("lost", "won"),
      N,
      N,
    );
    expect(out[1]).toEqual(["2025-01", 5, 5]);
    expectThrows(
      () => actuals(col(1, 2), col(JAN1, JAN1), JAN1, N, N, N, col("won", "maybe"), N, N),
      "#VALUE!",
      "maybe",
    );
  });

  test("an error in a counted record's owner is #VALUE! naming it", () => {
    expectThrows(
      () => actuals(col(1, 2), col(JAN1, JAN1), JAN1, N, col("Ann", xlErr("#N/A")), N, N, N, N),
      "#VALUE!",
      "#N/A",
      "cell 2",
    );
  });

  test("ranges describing the same records must have as many cells", () => {
    expectThrows(() => actuals(col(1, 2), col(JAN1), JAN1, N, N, N, N, N, N), "#VALUE!", "dates");
    expectThrows(() => actuals(col(1, 2), col(JAN1, JAN1), JAN1, N, col("A"), N, N, N, N), "#VALUE!", "owners");
    expectThrows(() => actuals(col(1, 2), col(JAN1, JAN1), JAN1, N, N, N, col("won"), N, N), "#VALUE!", "outcomes");
  });

  test("owner_list: duplicates are #VALUE!; without owners it is #VALUE!", () => {
    expectThrows(() => actuals(col(1), col(JAN1), JAN1, N, col("Ann"), col("Ann", " ANN"), N, N, N), "#VALUE!", "ANN");
    expectThrows(() => actuals(col(1), col(JAN1), JAN1, N, N, col("Ann"), N, N, N), "#VALUE!", "owner_list");
  });

  test("holidays and workdays: a cell that is not a date is #VALUE! naming it, whatever the period", () => {
    expectThrows(
      () => actuals(col(1), col(JAN1), JAN1, "M", N, N, N, col(JAN1, "Spring Festival"), N),
      "#VALUE!",
      "Spring Festival",
    );
    expectThrows(() => actuals(col(1), col(JAN1), JAN1, "Q", N, N, N, N, col("调休")), "#VALUE!", "调休");
    expectThrows(() => actuals(col(1), col(JAN1), JAN1, "W", N, N, N, N, col(xlErr("#N/A"))), "#VALUE!", "workdays");
  });

  test("start_date and period as in TARGETPLAN", () => {
    expectThrows(() => actuals(col(1), col(JAN1), "someday", N, N, N, N, N, N), "#VALUE!", "start_date");
    expectThrows(() => actuals(col(1), col(JAN1), JAN1, "fortnight", N, N, N, N, N), "#VALUE!", "fortnight");
  });
});
