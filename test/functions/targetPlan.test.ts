/* eslint-disable @typescript-eslint/no-explicit-any */
import { targetPlan } from "../../src/functions/functions";
import { col, expectCleanMatrix, expectThrows, row, serial, withDisplayLanguage } from "./helpers";

const JAN1 = serial(2025, 1, 1);

function labels(t: unknown[][]): unknown[] {
  return t.map((r) => r[0]);
}

/** Rows of a weekly plan as a map label → target. */
function weekMap(t: unknown[][]): Map<string, number> {
  return new Map(t.slice(1, -1).map((r) => [r[0] as string, r[1] as number]));
}

describe("TARGETPLAN by month", () => {
  test("12 months from start_date's month, header row and Total row", () => {
    const out = targetPlan(1200, JAN1, null, null as any, null as any, null as any, null, null as any);
    expectCleanMatrix(out);
    expect(out).toHaveLength(14);
    expect(out[0]).toEqual(["Period", "Target"]);
    expect(out[1]).toEqual(["2025-01", 100]);
    expect(out[12]).toEqual(["2025-12", 100]);
    expect(out[13]).toEqual(["Total", 1200]);
  });

  test("a start date mid-month starts at the first of that month; fiscal years cross calendar years", () => {
    const out = targetPlan(1200, "2025-04-15", "M", null as any, null as any, null as any, null, null as any);
    expect(labels(out)).toEqual([
      "Period",
      "2025-04",
      "2025-05",
      "2025-06",
      "2025-07",
      "2025-08",
      "2025-09",
      "2025-10",
      "2025-11",
      "2025-12",
      "2026-01",
      "2026-02",
      "2026-03",
      "Total",
    ]);
  });

  test("month targets are the largest-remainder split of the total", () => {
    const out = targetPlan(1000, JAN1, "month", null as any, null as any, null as any, null, null as any);
    expect(out.slice(1, 13).map((r) => r[1])).toEqual([84, 84, 84, 84, 83, 83, 83, 83, 83, 83, 83, 83]);
    expect(out[13]).toEqual(["Total", 1000]);
  });

  test("12 seasonality numbers are monthly weights in plan order", () => {
    const w = row(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
    const out = targetPlan(780, serial(2025, 7, 1), "月", w, null as any, null as any, null, null as any);
    expect(out[1]).toEqual(["2025-07", 10]);
    expect(out[12]).toEqual(["2026-06", 120]);
  });

  test("4 seasonality numbers are quarterly weights split equally over their months", () => {
    const out = targetPlan(1200, JAN1, "月度", col(1, 2, 3, 4), null as any, null as any, null, null as any);
    expect(out.slice(1, 13).map((r) => r[1])).toEqual([40, 40, 40, 80, 80, 80, 120, 120, 120, 160, 160, 160]);
  });

  test("all-zero seasonality means equal weights", () => {
    const out = targetPlan(1200, JAN1, "M", col(0, 0, 0, 0), null as any, null as any, null, null as any);
    expect(out.slice(1, 13).map((r) => r[1])).toEqual(new Array(12).fill(100));
  });

  test("a negative total is split as |T| and negated", () => {
    const out = targetPlan(-1000, JAN1, "Q", null as any, null as any, null as any, null, null as any);
    expect(out.slice(1).map((r) => r[1])).toEqual([-252, -250, -249, -249, -1000]);
  });

  test("decimals", () => {
    const out = targetPlan(1000, JAN1, "M", null as any, null as any, null as any, 2, null as any);
    const cents = out.slice(1, 13).map((r) => Math.round((r[1] as number) * 100));
    expect(cents).toEqual([8334, 8334, 8334, 8334, 8333, 8333, 8333, 8333, 8333, 8333, 8333, 8333]);
    expect(Math.round((out[13][1] as number) * 100)).toBe(100000);
  });

  test("text total with units", () => {
    const out = targetPlan("¥120万", "2025年1月1日", null, null as any, null as any, null as any, null, null as any);
    expect(out[1]).toEqual(["2025-01", 100000]);
  });
});

describe("TARGETPLAN by quarter", () => {
  test.each(["Q", "quarter", "季", "季度", " QUARTER "])(
    "period %s: plan quarters Q1..Q4 = sums of their months",
    (p) => {
      const out = targetPlan(1000, JAN1, p, null as any, null as any, null as any, null, null as any);
      expect(out).toEqual([
        ["Period", "Target"],
        ["Q1", 252],
        ["Q2", 250],
        ["Q3", 249],
        ["Q4", 249],
        ["Total", 1000],
      ]);
    },
  );

  test("plan quarters follow the fiscal start", () => {
    const out = targetPlan(1200, serial(2025, 4, 1), "Q", col(1, 2, 3, 4), null as any, null as any, null, null as any);
    expect(out).toEqual([
      ["Period", "Target"],
      ["Q1", 120],
      ["Q2", 240],
      ["Q3", 360],
      ["Q4", 480],
      ["Total", 1200],
    ]);
  });
});

describe("TARGETPLAN by week", () => {
  const weekly = (holidays: any = null) =>
    targetPlan(1200, JAN1, "W", null as any, null as any, null as any, null, holidays);

  test("weeks start on Monday, labelled by the Monday; listed in date order", () => {
    const out = weekly();
    expectCleanMatrix(out);
    expect(out[0]).toEqual(["Period", "Target"]);
    // 2025-01-01 is a Wednesday: its week starts on 2024-12-30; 2025-12-31 is in the week of 2025-12-29.
    expect(out[1][0]).toBe("2024-12-30");
    expect(out[out.length - 2][0]).toBe("2025-12-29");
    expect(out).toHaveLength(53 + 2);
    expect(out[out.length - 1]).toEqual(["Total", 1200]);
    const ls = labels(out.slice(1, -1)) as string[];
    expect([...ls].sort()).toEqual(ls);
    for (const l of ls) expect(new Date(`${l}T00:00:00Z`).getUTCDay()).toBe(1);
  });

  test("each month is split over its weeks by working days; a week sums its parts", () => {
    const m = weekMap(weekly());
    // January: 3, 5, 5, 5, 5 working days → 100 split as 13, 22, 22, 22, 21
    expect(m.get("2024-12-30")).toBe(13);
    expect(m.get("2025-01-06")).toBe(22);
    expect(m.get("2025-01-13")).toBe(22);
    expect(m.get("2025-01-20")).toBe(22);
    // Feb 1–2 are a weekend: the week of Jan 27 gets nothing from February
    expect(m.get("2025-01-27")).toBe(21);
    expect(m.get("2025-02-03")).toBe(25);
    expect(m.get("2025-02-24")).toBe(25);
    // March: 5, 5, 5, 5, 1 → 24, 24, 24, 24, 4; April: 4, 5, 5, 5, 3 → 18, 23, 23, 23, 13
    expect(m.get("2025-03-24")).toBe(24);
    expect(m.get("2025-03-31")).toBe(4 + 18);
    expect(m.get("2025-04-07")).toBe(23);
    // Apr 28–30 and May 1–2 share a week: May is 2, 5, 5, 5, 5 → 9, 23, 23, 23, 22
    expect(m.get("2025-04-28")).toBe(13 + 9);
    // December: 5, 5, 5, 5, 3 → 22, 22, 22, 21, 13
    expect(m.get("2025-12-22")).toBe(21);
    expect(m.get("2025-12-29")).toBe(13);
  });

  test("holidays are not working days", () => {
    const m = weekMap(weekly(col(JAN1, null, "")));
    // January: 2, 5, 5, 5, 5 → 9, 23, 23, 23, 22
    expect(m.get("2024-12-30")).toBe(9);
    expect(m.get("2025-01-06")).toBe(23);
    expect(m.get("2025-01-27")).toBe(22);
    const text = weekMap(weekly(row("2025-01-01")));
    expect(text.get("2024-12-30")).toBe(9);
  });

  test("a month without working days uses calendar days", () => {
    const febWeekdays: number[] = [];
    for (let d = serial(2025, 2, 1); d <= serial(2025, 2, 28); d++) {
      const dow = new Date(Date.UTC(1899, 11, 30) + d * 86400000).getUTCDay();
      if (dow !== 0 && dow !== 6) febWeekdays.push(d);
    }
    expect(febWeekdays).toHaveLength(20);
    const m = weekMap(weekly(col(...febWeekdays)));
    // February calendar days per week: 2, 7, 7, 7, 5 → 7, 25, 25, 25, 18
    expect(m.get("2025-01-27")).toBe(21 + 7);
    expect(m.get("2025-02-03")).toBe(25);
    expect(m.get("2025-02-24")).toBe(18);
  });

  test.each(["week", "周", "w"])("period %s is weekly", (p) => {
    const out = targetPlan(1200, JAN1, p, null as any, null as any, null as any, null, null as any);
    expect(out[1][0]).toBe("2024-12-30");
  });
});

describe("TARGETPLAN with owners", () => {
  test("columns Period | owners | Total, header and Total rows", () => {
    const out = targetPlan(1200, JAN1, "M", null as any, col("Alice", "Bob", "Carol"), col(1, 1, 2), null, null as any);
    expectCleanMatrix(out);
    expect(out[0]).toEqual(["Period", "Alice", "Bob", "Carol", "Total"]);
    expect(out[1]).toEqual(["2025-01", 25, 25, 50, 100]);
    expect(out[13]).toEqual(["Total", 300, 300, 600, 1200]);
  });

  test("default equal owner weights; rows sum to the period target, columns to the owner's target", () => {
    const out = targetPlan(1000, JAN1, "Q", null as any, row("东区", "西区", "南区"), null as any, null, null as any);
    expect(out[0]).toEqual(["Period", "东区", "西区", "南区", "Total"]);
    const periodTargets = [252, 250, 249, 249];
    const ownerTargets = [334, 333, 333];
    for (let i = 0; i < 4; i++) {
      const r = out[1 + i];
      expect(r[0]).toBe(`Q${i + 1}`);
      expect(r[4]).toBe(periodTargets[i]);
      expect((r[1] as number) + (r[2] as number) + (r[3] as number)).toBe(periodTargets[i]);
      for (let k = 0; k < 3; k++) {
        const exact = (periodTargets[i] * ownerTargets[k]) / 1000;
        expect([Math.floor(exact), Math.ceil(exact)]).toContain(r[1 + k]);
      }
    }
    for (let k = 0; k < 3; k++) {
      const sum = out.slice(1, 5).reduce((s, r) => s + (r[1 + k] as number), 0);
      expect(sum).toBe(ownerTargets[k]);
      expect(out[5][1 + k]).toBe(ownerTargets[k]);
    }
    expect(out[5]).toEqual(["Total", 334, 333, 333, 1000]);
  });

  test("blank owner cells are skipped", () => {
    const out = targetPlan(1200, JAN1, "Q", null as any, col("A", "", null, 0, "B"), null as any, null, null as any);
    expect(out[0]).toEqual(["Period", "A", "B", "Total"]);
  });

  test("weekly with owners", () => {
    const out = targetPlan(1200, JAN1, "W", null as any, col("A", "B"), col(1, 3), null, null as any);
    expect(out).toHaveLength(55);
    expect(out[0]).toEqual(["Period", "A", "B", "Total"]);
    expect(out[54]).toEqual(["Total", 300, 900, 1200]);
    expect(out[1][3]).toBe(13);
  });

  test("duplicate owners are #VALUE!", () => {
    expectThrows(
      () => targetPlan(1200, JAN1, "M", null as any, col("Ann", " ann "), null as any, null, null as any),
      "#VALUE!",
      "ann",
    );
  });

  test("owner_weights must have one weight per owner", () => {
    expectThrows(
      () => targetPlan(1200, JAN1, "M", null as any, col("A", "B"), col(1, 2, 3), null, null as any),
      "#VALUE!",
    );
  });

  test("a negative owner weight is #NUM!", () => {
    expectThrows(() => targetPlan(1200, JAN1, "M", null as any, col("A", "B"), col(1, -2), null, null as any), "#NUM!");
  });
});

describe("TARGETPLAN labels and errors", () => {
  test("zh-CN display language: 期间, 目标, 合计", () => {
    const out = withDisplayLanguage("zh-CN", () =>
      targetPlan(1200, JAN1, "季度", null as any, null as any, null as any, null, null as any),
    );
    expect(out[0]).toEqual(["期间", "目标"]);
    expect(out[5]).toEqual(["合计", 1200]);
    const owners = withDisplayLanguage("zh-CN", () =>
      targetPlan(1200, JAN1, "M", null as any, col("张三", "李四"), null as any, null, null as any),
    );
    expect(owners[0]).toEqual(["期间", "张三", "李四", "合计"]);
    expect(owners[13][0]).toBe("合计");
    expect((globalThis as any).Office).toBeUndefined();
  });

  test("an unknown period word is #VALUE! naming it", () => {
    expectThrows(
      () => targetPlan(1200, JAN1, "year", null as any, null as any, null as any, null, null as any),
      "#VALUE!",
      "year",
    );
  });

  test("seasonality of another count than 12 or 4 is #VALUE!", () => {
    expectThrows(
      () => targetPlan(1200, JAN1, "M", col(1, 2, 3, 4, 5), null as any, null as any, null, null as any),
      "#VALUE!",
    );
  });

  test("a negative seasonality weight is #NUM!; a non-number is #VALUE!", () => {
    expectThrows(
      () => targetPlan(1200, JAN1, "M", col(1, 2, 3, -4), null as any, null as any, null, null as any),
      "#NUM!",
    );
    expectThrows(
      () => targetPlan(1200, JAN1, "M", col(1, 2, 3, "peak"), null as any, null as any, null, null as any),
      "#VALUE!",
      "peak",
    );
  });

  test("decimals outside 0–6 are #NUM!", () => {
    expectThrows(() => targetPlan(1200, JAN1, "M", null as any, null as any, null as any, 7, null as any), "#NUM!");
    expectThrows(() => targetPlan(1200, JAN1, "M", null as any, null as any, null as any, -1, null as any), "#NUM!");
  });

  test("a start date that is not a date, and a total that is not a number, are #VALUE!", () => {
    expectThrows(
      () => targetPlan(1200, "next spring", "M", null as any, null as any, null as any, null, null as any),
      "#VALUE!",
    );
    expectThrows(
      () => targetPlan("plenty", JAN1, "M", null as any, null as any, null as any, null, null as any),
      "#VALUE!",
    );
  });
});
