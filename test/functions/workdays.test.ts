/* eslint-disable @typescript-eslint/no-explicit-any */
import { targetPlan } from "../../src/functions/functions";
import { readWorkingDayRule, weekdaysBetween } from "../../src/engine";
import { col, expectThrows, row, serial, xlErr } from "./helpers";

const JAN1 = serial(2025, 1, 1);
const N = null as any;

/** Rows of a weekly plan as a map label → target. */
function weekMap(t: unknown[][]): Map<string, number> {
  return new Map(t.slice(1, -1).map((r) => [r[0] as string, r[1] as number]));
}

// Mon 2025-01-27 … Fri 01-31 off (Spring Festival), Sunday 2025-01-26 worked (调休).
const FESTIVAL = col(
  serial(2025, 1, 27),
  serial(2025, 1, 28),
  serial(2025, 1, 29),
  serial(2025, 1, 30),
  serial(2025, 1, 31),
);
const MAKEUP_SUNDAY = col(serial(2025, 1, 26));

describe("TARGETPLAN workdays (§6)", () => {
  test("without workdays, January's weekly split is unchanged: working days 3, 5, 5, 5, 0 → 16, 28, 28, 28", () => {
    const m = weekMap(targetPlan(1200, JAN1, "W", N, N, N, N, FESTIVAL));
    // 100 over 3/18, 5/18, 5/18, 5/18: floors 16, 27, 27, 27; the three remainders .78 beat .67
    expect(m.get("2024-12-30")).toBe(16);
    expect(m.get("2025-01-20")).toBe(28);
    expect(m.has("2025-01-27")).toBe(false);
  });

  test("a 调休 Sunday is a working day: week of 2025-01-20 has 6 of January's 19 → 16, 26, 26, 32", () => {
    const m = weekMap(targetPlan(1200, JAN1, "W", N, N, N, N, FESTIVAL, MAKEUP_SUNDAY));
    // 100 over 3, 5, 5, 6 (of 19): shares 15.79, 26.32, 26.32, 31.58 → floors 15, 26, 26, 31; +1 to .79 and .58
    expect(m.get("2024-12-30")).toBe(16);
    expect(m.get("2025-01-06")).toBe(26);
    expect(m.get("2025-01-13")).toBe(26);
    expect(m.get("2025-01-20")).toBe(32);
    expect(m.has("2025-01-27")).toBe(false);
  });

  test("a date in both lists is a working day: the festival week is listed again", () => {
    const m = weekMap(targetPlan(1200, JAN1, "W", N, N, N, N, FESTIVAL, col(serial(2025, 1, 27))));
    // January working days per week 3, 5, 5, 5, 1 (of 19): shares 15.79, 26.32 ×3, 5.26 → floors 15, 26, 26, 26, 5;
    // the 2 missing units go to .79 and to the earliest of the three tied .32 → 16, 27, 26, 26, 5
    expect(m.has("2025-01-27")).toBe(true);
    const january = ["2024-12-30", "2025-01-06", "2025-01-13", "2025-01-20"].map((w) => m.get(w) as number);
    // The week of 01-27 also holds none of February's working days (Feb 1–2 are a weekend), so it is January's part alone.
    expect(january.reduce((a, b) => a + b, 0) + (m.get("2025-01-27") as number)).toBe(100);
    expect(january).toEqual([16, 27, 26, 26]);
    expect(m.get("2025-01-27")).toBe(5);
  });

  test("monthly and quarterly plans do not change with workdays", () => {
    expect(targetPlan(1200, JAN1, "M", N, N, N, N, FESTIVAL, MAKEUP_SUNDAY)).toEqual(
      targetPlan(1200, JAN1, "M", N, N, N, N, N),
    );
    expect(targetPlan(1200, JAN1, "Q", N, N, N, N, N, MAKEUP_SUNDAY)).toEqual(
      targetPlan(1200, JAN1, "Q", N, N, N, N, N),
    );
  });

  test('blank cells are skipped (null, "", 0); text dates are read', () => {
    const a = targetPlan(1200, JAN1, "W", N, N, N, N, FESTIVAL, col(null, "", 0, "2025-01-26"));
    expect(a).toEqual(targetPlan(1200, JAN1, "W", N, N, N, N, FESTIVAL, MAKEUP_SUNDAY));
    expect(targetPlan(1200, JAN1, "W", N, N, N, N, FESTIVAL, row("2025年1月26日"))).toEqual(a);
  });

  test.each(["M", "Q", "W"])("a workday or holiday that is not a date is #VALUE! naming it (period %s)", (p) => {
    expectThrows(
      () => targetPlan(1200, JAN1, p, N, N, N, N, N, col(serial(2025, 9, 28), "next Sunday")),
      "#VALUE!",
      "next Sunday",
      "cell 2",
    );
    expectThrows(() => targetPlan(1200, JAN1, p, N, N, N, N, col("国庆"), N), "#VALUE!", "国庆");
    expectThrows(() => targetPlan(1200, JAN1, p, N, N, N, N, N, col(true)), "#VALUE!", "TRUE");
    expectThrows(() => targetPlan(1200, JAN1, p, N, N, N, N, N, col(xlErr("#N/A"))), "#VALUE!", "workdays", "#N/A");
  });
});

describe("the working-day rule", () => {
  const naive = (from: number, to: number, hol: Set<number>, work: Set<number>): number => {
    let n = 0;
    for (let d = from; d <= to; d++) {
      const dow = new Date(Date.UTC(1899, 11, 30) + d * 86400000).getUTCDay(); // 0 = Sunday
      if (work.has(d) || (dow >= 1 && dow <= 5 && !hol.has(d))) n++;
    }
    return n;
  };

  test("weekdaysBetween counts Monday–Friday days, both ends included", () => {
    expect(weekdaysBetween(serial(2025, 3, 1), serial(2025, 3, 31))).toBe(21);
    expect(weekdaysBetween(serial(2025, 3, 8), serial(2025, 3, 9))).toBe(0); // a weekend
    expect(weekdaysBetween(serial(2025, 3, 10), serial(2025, 3, 10))).toBe(1);
    expect(weekdaysBetween(serial(2025, 3, 10), serial(2025, 3, 9))).toBe(0);
  });

  test("China's 2025 National Day: Oct 1–8 off, Sunday Sep 28 and Saturday Oct 11 worked", () => {
    const hol = col(...[1, 2, 3, 6, 7, 8].map((d) => serial(2025, 10, d)));
    const work = col(serial(2025, 9, 28), serial(2025, 10, 11));
    const rule = readWorkingDayRule(hol, work);
    // September 2025: 22 weekdays + Sunday 28 = 23; October: 23 weekdays − 6 holidays + Saturday 11 = 18
    expect(rule.countWorkingDays(serial(2025, 9, 1), serial(2025, 9, 30))).toBe(23);
    expect(rule.countWorkingDays(serial(2025, 10, 1), serial(2025, 10, 31))).toBe(18);
    expect(rule.isWorkingDay(serial(2025, 9, 28))).toBe(true);
    expect(rule.isWorkingDay(serial(2025, 10, 1))).toBe(false);
    expect(rule.isWorkingDay(serial(2025, 10, 4))).toBe(false); // a Saturday, not listed
  });

  test("countWorkingDays equals a day-by-day count on many spans", () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let t = 0; t < 300; t++) {
      const base = serial(2024, 1, 1) + Math.floor(rnd() * 700);
      const hol = new Set<number>(Array.from({ length: Math.floor(rnd() * 20) }, () => base + Math.floor(rnd() * 90)));
      const work = new Set<number>(Array.from({ length: Math.floor(rnd() * 10) }, () => base + Math.floor(rnd() * 90)));
      const rule = readWorkingDayRule(col(...hol), col(...work));
      const from = base + Math.floor(rnd() * 60);
      const to = from + Math.floor(rnd() * 60) - 5;
      expect(rule.countWorkingDays(from, to)).toBe(naive(from, to, hol, work));
    }
  });
});
