/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * SALES.FORECAST against /work/shared/spec/forecast.md: its three worked examples (numbers from LibreOffice 7.4.7.2,
 * to the digits the spec shows), every error row, the argument forms, and the building blocks with expectations
 * derived by hand (aggregations and completion read back through targets inside the history, which return the
 * history's values).
 */
import { forecast } from "../../src/functions/functions";
import { CompensatedSum, approxEqual, detectSeasonLength, monthOfSerial, normSInv } from "../../src/engine/forecast";
import { serialToYmd } from "../../src/engine/coerce";
import { examples } from "../../src/help/examples/forecast";
import { col, expectCleanMatrix, expectThrows, row, serial, withDisplayLanguage } from "./helpers";

type Args = [any, any, any?, any?, any?, any?, any?, any?];
/** Calls SALES.FORECAST as Excel does: omitted optional arguments are null. */
function fc(...args: Args): any[][] {
  const full = [...args];
  while (full.length < 8) full.push(null);
  return (forecast as any)(...full);
}

/** |actual − expected| within half a unit of the last digit shown (the spec's rounded figures). */
function expectShown(actual: unknown, shown: number, decimals: number): void {
  expect(typeof actual).toBe("number");
  expect(Math.abs((actual as number) - shown)).toBeLessThanOrEqual(0.5 * Math.pow(10, -decimals) + 1e-9);
}

// ---- The spec's worked examples -------------------------------------------------------------------------------

const EX1_VALUES = [
  1416786, 1581566, 1494895, 1796250, 1482084, 1646990, 1540511, 1894579, 1625772, 1783666, 1749173, 1932380, 1743967,
  1953989, 1928717, 2168378,
];
const EX1_DATES = EX1_VALUES.map((_, i) => serial(2021 + Math.floor(i / 4), 1 + 3 * (i % 4), 1));

const EX2_VALUES = [
  2907827.74, 2970074.53, 3252363.52, 3390183.93, 3301810.15, 3191349.7, 3635934.37, 3697047.81, 4372991.69, 5607239.93,
  2717712.58, 2890684.54, 3540791.11, 3504164.79, 3750302.96, 3844854.1, 3928131.89, 3751285.99, 4090172.86, 4312802.1,
  5036291.65, 6331889.03, 3284739.86, 3545369.76, 4026439.84, 4049774.9, 4302973.85, 4553389.92, 4428782.04, 4269215.78,
];
const EX2_DATES = EX2_VALUES.map((_, i) => serial(2023 + Math.floor((i + 2) / 12), ((i + 2) % 12) + 1, 1));

/** Example 3's 26 deals: the rows the spec lists, the other months' sums split into deals on various days. */
const EX3_DEALS: Array<[string, number]> = [
  ["2024-01-15", 8330],
  ["2024-02-19", 10360],
  ["2024-02-28", 11500],
  ["2024-02-26", 13610],
  ["2024-03-04", 12030],
  ["2024-03-29", 10000],
  ["2024-04-02", 20000],
  ["2024-04-18", 18880],
  ["2024-05-09", 15140],
  ["2024-05-31", 23000],
  ["2024-06-12", 30880],
  ["2024-08-07", 6290],
  ["2024-08-22", 7000],
  ["2024-09-03", 9050],
  ["2024-09-27", 9000],
  ["2024-10-01", 14090],
  ["2024-10-15", 12000],
  ["2024-10-30", 8000],
  ["2024-11-11", 28950],
  ["2024-11-20", 20000],
  ["2024-12-05", 16300],
  ["2024-12-19", 15000],
  ["2025-01-08", 12210],
  ["2025-01-24", 10000],
  ["2025-01-30", 10000],
  ["2025-02-28", 20610],
];
// Unsorted on purpose: the table lists deals as they were entered.
const EX3 = [...EX3_DEALS.slice(13), ...EX3_DEALS.slice(0, 13)];
const EX3_AMOUNTS = col(...EX3.map((d) => d[1]));
const EX3_CLOSE = col(...EX3.map((d) => d[0]));

describe("worked examples (forecast.md)", () => {
  test("Example 1: quarterly history, default seasonality, 95% bounds", () => {
    const out = fc(col(...EX1_VALUES), col(...EX1_DATES), 4, null, null, null, 0.95);
    expectCleanMatrix(out);
    expect(out[0]).toEqual(["Period", "Forecast", "Lower", "Upper"]);
    const expected = [
      ["2025-01", 1903426.06, 1804455.93, 2002396.18],
      ["2025-04", 2093710.54, 1977000.26, 2210420.83],
      ["2025-07", 2029175.28, 1890860.33, 2167490.23],
      ["2025-10", 2352666.01, 2189477.82, 2515854.21],
    ];
    expected.forEach((e, i) => {
      expect(out[1 + i][0]).toBe(e[0]);
      for (let c = 1; c <= 3; c++) expectShown(out[1 + i][c], e[c] as number, 2);
    });
    // LibreOffice's full value for 2025-01.
    expect(Math.abs(out[1][1] - 1903426.05688713)).toBeLessThanOrEqual(1e-9 * 1903426.05688713);
    // The half-width for 2025-04 (2 steps): z·RMSE·√(1 + (α(1+β))²) = 116,710.28.
    expectShown(out[2][3] - out[2][1], 116710.28, 2);
    expectShown(out[2][1] - out[2][2], 116710.28, 2);
    // One step ahead the half-width is z·RMSE = 1.95996 × 50,495.89.
    expect((out[1][3] - out[1][1]) / 50495.89).toBeCloseTo(1.95996, 4);
  });

  test("Example 1 statistics: α = 0.5, β = 0.25, γ = 0, RMSE = 50,495.89, step 3, season 4", () => {
    const out = fc(col(...EX1_VALUES), col(...EX1_DATES), 4, null, null, null, 0.95, true);
    expect(out[1]).toEqual(["Alpha (level)", 0.5]);
    expect(out[2]).toEqual(["Beta (trend)", 0.25]);
    expect(out[3]).toEqual(["Gamma (season)", 0]);
    expectShown(out[7][1], 50495.89, 2);
    expect(out[8]).toEqual(["Step (months)", 3]);
    expect(out[9]).toEqual(["Seasonality (periods)", 4]);
    expect(out[10]).toEqual(["Periods used", 16]);
    expect(out[11]).toEqual(["Periods completed", 0]);
  });

  test("Example 2: 30 months, the default yearly season", () => {
    const out = fc(col(...EX2_VALUES), col(...EX2_DATES), 6);
    expectCleanMatrix(out);
    expect(out[0]).toEqual(["Period", "Forecast"]);
    const expected: Array<[string, number]> = [
      ["2025-09", 4738726.3],
      ["2025-10", 4860824.19],
      ["2025-11", 5554015.84],
      ["2025-12", 6810439.5],
      ["2026-01", 3859682.04],
      ["2026-02", 4064828.97],
    ];
    expect(out).toHaveLength(7);
    expected.forEach(([p, v], i) => {
      expect(out[1 + i][0]).toBe(p);
      expectShown(out[1 + i][1], v, 2);
    });
  });

  test("Example 2: the statistics table", () => {
    const out = fc(col(...EX2_VALUES), col(...EX2_DATES), null, null, null, null, null, true);
    expectCleanMatrix(out);
    expect(out).toHaveLength(12);
    expect(out[0]).toEqual(["Statistic", "Value"]);
    expect(out[1]).toEqual(["Alpha (level)", 0.0078125]);
    expect(out[2]).toEqual(["Beta (trend)", 0.5888671875]);
    expect(out[3]).toEqual(["Gamma (season)", 0.3818359375]);
    expect(out[4][0]).toBe("MASE");
    expectShown(out[4][1], 0.0796952655, 10);
    expect(out[5][0]).toBe("SMAPE");
    expectShown(out[5][1], 0.0097178384, 10);
    expect(out[6][0]).toBe("MAE");
    expectShown(out[6][1], 41457.0658, 4);
    expect(out[7][0]).toBe("RMSE");
    expectShown(out[7][1], 61093.317, 4);
    expect(out.slice(8)).toEqual([
      ["Step (months)", 1],
      ["Seasonality (periods)", 12],
      ["Periods used", 30],
      ["Periods completed", 0],
    ]);
  });

  test("Example 3: deal rows, monthly sums, a month without deals, 80% bounds", () => {
    const out = fc(EX3_AMOUNTS, EX3_CLOSE, 3, null, null, null, 0.8);
    expectCleanMatrix(out);
    const expected = [
      ["2025-03", 24914.22, 8078.19, 41750.24],
      ["2025-04", 25858.83, 4813.8, 46903.87],
      ["2025-05", 26803.45, 2260.93, 51345.96],
    ];
    expected.forEach((e, i) => {
      expect(out[1 + i][0]).toBe(e[0]);
      for (let c = 1; c <= 3; c++) expectShown(out[1 + i][c], e[c] as number, 2);
    });
  });

  test("Example 3: α = 0.75, β = 0 (the trend stays (20,610 − 8,330) ÷ 13 a month), RMSE, 14 periods, 1 completed", () => {
    const stats = fc(EX3_AMOUNTS, EX3_CLOSE, 3, null, null, null, 0.8, true);
    expect(stats[1][1]).toBe(0.75);
    expect(stats[2][1]).toBe(0);
    expect(stats[3][1]).toBe(0); // 14 months < two years: no season
    expectShown(stats[7][1], 13137.22, 2);
    expect(stats[9][1]).toBe(0);
    expect(stats[10]).toEqual(["Periods used", 14]);
    expect(stats[11]).toEqual(["Periods completed", 1]);
    // With β = 0 consecutive forecasts differ by the initial trend.
    const out = fc(EX3_AMOUNTS, EX3_CLOSE, 3);
    expect(out[2][1] - out[1][1]).toBeCloseTo((20610 - 8330) / 13, 6);
    expect(out[3][1] - out[2][1]).toBeCloseTo(944.62, 2);
  });

  test("Example 3: target dates — inside the history the completed value, 13 months ahead the model", () => {
    const out = fc(EX3_AMOUNTS, EX3_CLOSE, col("2024-07-20", "2026-03-19"));
    expect(out[0]).toEqual(["Period", "Forecast"]);
    expect(out[1]).toEqual(["2024-07", 22085]); // (30,880 + 13,290) ÷ 2
    expect(out[2][0]).toBe("2026-03");
    expectShown(out[2][1], 36249.6, 2);
  });
});

// ---- Rows, blanks, shapes ---------------------------------------------------------------------------------------

describe("rows and shapes", () => {
  const base = (): any[][] => fc(EX3_AMOUNTS, EX3_CLOSE, 3, null, null, null, 0.8);

  test("rows vs columns: a row range gives the same table", () => {
    const out = fc(row(...EX3.map((d) => d[1])), row(...EX3.map((d) => d[0])), 3, null, null, null, 0.8);
    expect(out).toEqual(base());
  });

  test.each([
    ["null", null],
    ['""', ""],
    ["0 (how some Excel builds pass blank cells)", 0],
    ["whitespace", "  "],
  ])("trailing empty rows passed as %s are skipped", (_, blank) => {
    const amounts = [...EX3_AMOUNTS, [blank], [blank], [blank]];
    const dates = [...EX3_CLOSE, [blank], [blank], [blank]];
    expect(fc(amounts, dates, 3, null, null, null, 0.8)).toEqual(base());
  });

  test.each([
    ["null", null],
    ['""', ""],
  ])("a date with a blank value (%s) is ignored: July stays missing and is completed", (_, blank) => {
    const amounts = [...EX3_AMOUNTS, [blank]];
    const dates = [...EX3_CLOSE, ["2024-07-10"]];
    expect(fc(amounts, dates, 3, null, null, null, 0.8)).toEqual(base());
    expect(fc(amounts, dates, null, null, null, null, null, true)[11]).toEqual(["Periods completed", 1]);
  });

  test("a 0 value with a date is a month of 0, not a missing month", () => {
    const out = fc(col(...EX3.map((d) => d[1]), 0), col(...EX3.map((d) => d[0]), "2024-07-10"), col("2024-07-01"));
    expect(out[1]).toEqual(["2024-07", 0]);
  });

  test("dates as serials with a time of day, month-end dates and text dates all read as their month", () => {
    const dates = EX3.map((d, i) => {
      const [y, m, day] = d[0].split("-").map(Number);
      if (i % 3 === 0) return serial(y, m, day) + 0.6; // 14:24
      if (i % 3 === 1) return `${y}年${m}月${day}日`;
      return d[0].replace(/-/g, "/");
    });
    expect(fc(EX3_AMOUNTS, col(...dates), 3, null, null, null, 0.8)).toEqual(base());
  });

  test("dates far apart: 1950-01 and 2025-01 are two periods 900 months apart", () => {
    const out = fc(col(1, 2), col("1950-01-15", "2025-01-15"), col("2025-01-01", "1950-01-31", "2100-01-01"));
    expect(out.slice(1)).toEqual([
      ["2025-01", 2],
      ["1950-01", 1],
      ["2100-01", 3], // Holt on two points: the level 2 plus one step of the trend (2 − 1) ÷ 1
    ]);
    expect(fc(col(1, 2), col("1950-01-15", "2025-01-15"), null, null, null, null, null, true)[8]).toEqual([
      "Step (months)",
      900,
    ]);
  });

  test("numeric text values (rule 3)", () => {
    const out = fc(
      col("1,000", "¥1.2万", "$1.5k", 1800, "2k"),
      col("2025-01-05", "2025-02-05", "2025-03-05", "2025-04-05", "2025-05-05"),
      col("2025-02-01", "2025-03-01"),
      0,
    );
    expect(out.slice(1)).toEqual([
      ["2025-02", 12000],
      ["2025-03", 1500],
    ]);
  });

  test("negative values (returns) are allowed", () => {
    const out = fc(
      col(500, -200, 700, 300),
      col("2025-01-03", "2025-01-20", "2025-02-03", "2025-03-03"),
      col("2025-01-01"),
      0,
    );
    expect(out[1]).toEqual(["2025-01", 300]);
  });

  test("the spilled table never holds null or non-finite numbers", () => {
    expectCleanMatrix(fc(col(...EX2_VALUES), col(...EX2_DATES), null, null, null, null, 0.9));
    expectCleanMatrix(fc(col(...EX2_VALUES), col(...EX2_DATES), null, null, null, null, null, true));
  });
});

// ---- Aggregation and completion (read back through targets inside the history) -------------------------------

describe("aggregation", () => {
  // January: 10, 30, 20, 40 · February: 5, 7 · March: 1 · April: 9, 3, 3
  const amounts = col(10, 5, 30, 1, 20, 7, 9, 40, 3, 3);
  const dates = col(
    "2025-01-02",
    "2025-02-10",
    "2025-01-15",
    "2025-03-31",
    "2025-01-31",
    "2025-02-11",
    "2025-04-01",
    "2025-01-09",
    "2025-04-20",
    "2025-04-30",
  );
  const months = col("2025-01-01", "2025-02-01", "2025-03-01", "2025-04-01");
  const read = (aggregation: unknown): unknown[] =>
    fc(amounts, dates, months, 0, null, aggregation)
      .slice(1)
      .map((r) => r[1]);

  test.each([
    [null, [100, 12, 1, 15]],
    [7, [100, 12, 1, 15]],
    ["sum", [100, 12, 1, 15]],
    ["求和", [100, 12, 1, 15]],
    ["合计", [100, 12, 1, 15]],
    [1, [25, 6, 1, 5]],
    ["average", [25, 6, 1, 5]],
    ["AVG", [25, 6, 1, 5]],
    ["mean", [25, 6, 1, 5]],
    ["平均", [25, 6, 1, 5]],
    [2, [4, 2, 1, 3]],
    [3, [4, 2, 1, 3]],
    ["count", [4, 2, 1, 3]],
    ["counta", [4, 2, 1, 3]],
    ["计数", [4, 2, 1, 3]],
    [4, [40, 7, 1, 9]],
    ["max", [40, 7, 1, 9]],
    ["最大", [40, 7, 1, 9]],
    [5, [25, 6, 1, 3]],
    ["median", [25, 6, 1, 3]],
    ["中位数", [25, 6, 1, 3]],
    [6, [10, 5, 1, 3]],
    ["min", [10, 5, 1, 3]],
    ["最小", [10, 5, 1, 3]],
    ["7", [100, 12, 1, 15]],
  ])("aggregation %p", (aggregation, expected) => {
    expect(read(aggregation)).toEqual(expected);
  });

  test("the mean is the true mean (sum in row order ÷ count), not one row of the month", () => {
    const out = fc(
      col(1, 2, 4, 8),
      col("2025-01-01", "2025-01-02", "2025-02-01", "2025-02-02"),
      col("2025-01-01", "2025-02-01"),
      0,
      null,
      1,
    );
    expect(out.slice(1).map((r) => r[1])).toEqual([1.5, 6]);
  });
});

describe("completion", () => {
  // 2025-01 100 · (02, 03 missing) · 04 400 · 05 500 · … a 9-month history with 2 missing (2 ÷ 7 ≤ 30 %)
  const amounts = col(100, 400, 500, 600, 700, 800, 900);
  const dates = col("2025-01-31", "2025-04-30", "2025-05-31", "2025-06-30", "2025-07-31", "2025-08-31", "2025-09-30");
  const gap = col("2025-02-15", "2025-03-15");

  test.each([[null], [true], [1], ["average"], ["yes"], ["是"], ["平均"]])(
    "%p fills each missing month with the neighbours' average",
    (c) => {
      expect(fc(amounts, dates, gap, 0, c).slice(1)).toEqual([
        ["2025-02", 250],
        ["2025-03", 250],
      ]);
    },
  );

  test.each([[false], [0], ["zero"], ["no"], ["否"], ["零"]])("%p fills them with 0", (c) => {
    expect(fc(amounts, dates, gap, 0, c).slice(1)).toEqual([
      ["2025-02", 0],
      ["2025-03", 0],
    ]);
  });

  test("completed periods are counted in the statistics", () => {
    const stats = fc(amounts, dates, null, 0, null, null, null, true);
    expect(stats[10]).toEqual(["Periods used", 9]);
    expect(stats[11]).toEqual(["Periods completed", 2]);
  });

  test("exactly 30% missing is allowed (3 of 10 months with data)", () => {
    const a = col(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    const d = col(...[0, 1, 2, 3, 5, 6, 8, 9, 11, 12].map((m) => serial(2024, 1 + m, 1)));
    expect(fc(a, d, null, 0, null, null, null, true)[11]).toEqual(["Periods completed", 3]);
  });
});

// ---- Seasonality --------------------------------------------------------------------------------------------------

describe("seasonality", () => {
  const stat = (seasonality: unknown, values = EX2_VALUES, dates = EX2_DATES): unknown =>
    fc(col(...values), col(...dates), null, seasonality, null, null, null, true)[9][1];

  test.each([
    [null, 12],
    ["yearly", 12],
    ["年", 12],
    [0, 0],
    ["none", 0],
    ["无", 0],
    ["0", 0],
    [6, 6],
    ["6", 6],
  ])("%p resolves to %p periods", (arg, L) => {
    expect(stat(arg)).toBe(L);
  });

  test.each([[1], ["auto"], ["自动"]])("%p detects the length as FORECAST.ETS's 1 does", (arg) => {
    const months = [...EX2_VALUES];
    expect(stat(arg)).toBe(detectSeasonLength(months));
  });

  test("yearly on quarterly history is 4 periods; fewer than two years after completion is no season", () => {
    expect(stat(null, EX1_VALUES, EX1_DATES)).toBe(4);
    expect(stat(null, EX1_VALUES.slice(0, 7), EX1_DATES.slice(0, 7))).toBe(0);
    expect(stat(null, EX2_VALUES.slice(0, 23), EX2_DATES.slice(0, 23))).toBe(0);
    expect(stat(null, EX2_VALUES.slice(0, 24), EX2_DATES.slice(0, 24))).toBe(12);
  });

  test("yearly with a step that does not divide 12 (every 5 months) is no season", () => {
    const values = Array.from({ length: 12 }, (_, i) => 100 + 7 * i + (i % 3) * 5);
    const dates = values.map((_, i) => {
      const k = 2020 * 12 + 5 * i;
      return serial(Math.floor(k / 12), (k % 12) + 1, 1);
    });
    const out = fc(col(...values), col(...dates), null, null, null, null, null, true);
    expect(out[8]).toEqual(["Step (months)", 5]);
    expect(out[9]).toEqual(["Seasonality (periods)", 0]);
  });

  test("auto that finds no season reports 1 and fits the trend-only model", () => {
    // A straight line: every length has mean error 0, and ties go to the shorter length, down to 1.
    const values = Array.from({ length: 13 }, (_, i) => 100 + 7 * i);
    const dates = values.map((_, i) => serial(2024, 1 + i, 1));
    expect(detectSeasonLength(values)).toBe(1);
    const auto = fc(col(...values), col(...dates), null, "auto", null, null, null, true);
    const none = fc(col(...values), col(...dates), null, 0, null, null, null, true);
    expect(auto[9][1]).toBe(1);
    expect(auto.slice(1, 8)).toEqual(none.slice(1, 8));
  });
});

describe("§A.5 season detection and §A.2 compensated sums", () => {
  test("a clean 4-period pattern is detected as 4 (ties go to the shorter length)", () => {
    const y = Array.from({ length: 24 }, (_, i) => [10, 30, 20, 50][i % 4] + i);
    expect(detectSeasonLength(y)).toBe(4);
  });

  test("Σ̃ returns exactly 0 for 0.1 + 0.2 − 0.3 (the approxEqual cancellation)", () => {
    const s = new CompensatedSum();
    s.add(0.1);
    s.add(0.2);
    s.add(-0.3);
    expect(s.value()).toBe(0);
    expect(0.1 + 0.2 - 0.3).not.toBe(0);
  });

  test("Σ̃ compensates: 1 + ten times 1e-16 is 1 + 1e-15 (a plain sum stays 1)", () => {
    const s = new CompensatedSum();
    let plain = 1;
    s.add(1);
    for (let i = 0; i < 10; i++) {
      s.add(1e-16);
      plain += 1e-16;
    }
    expect(s.value()).toBe(1 + 1e-15);
    expect(plain).toBe(1);
  });

  test("Σ̃ cancels to 0 when the last addend is approximately the negated rest (1e16 + 1 + 1 − 1e16)", () => {
    const s = new CompensatedSum();
    for (const x of [1e16, 1, 1, -1e16]) s.add(x);
    expect(s.value()).toBe(0);
  });

  test("divide by q", () => {
    const s = new CompensatedSum();
    for (const x of [3, 4, 5]) s.add(x);
    s.divideBy(4);
    expect(s.value()).toBe(3);
  });

  test("approxEqual: equal, zero, whole numbers, 2^-48 relative", () => {
    expect(approxEqual(1, 1)).toBe(true);
    expect(approxEqual(0, 1e-300)).toBe(false);
    expect(approxEqual(1e15, 1e15 + 1)).toBe(false); // all whole: never approximately equal
    expect(approxEqual(1, 1 + Math.pow(2, -50))).toBe(true);
    expect(approxEqual(1, 1 + Math.pow(2, -47))).toBe(false);
    expect(approxEqual(0.30000000000000004, 0.3)).toBe(true);
  });
});

// ---- Horizon and confidence ---------------------------------------------------------------------------------------

describe("horizon", () => {
  test("blank: the next 12 months for monthly history, 4 quarters for quarterly", () => {
    const monthly = fc(col(...EX2_VALUES), col(...EX2_DATES));
    expect(monthly).toHaveLength(13);
    expect(monthly[1][0]).toBe("2025-09");
    expect(monthly[12][0]).toBe("2026-08");
    const quarterly = fc(col(...EX1_VALUES), col(...EX1_DATES));
    expect(quarterly.map((r) => r[0])).toEqual(["Period", "2025-01", "2025-04", "2025-07", "2025-10"]);
    expect(fc(col(...EX2_VALUES), col(...EX2_DATES), [[null]])).toEqual(monthly);
    expect(fc(col(...EX2_VALUES), col(...EX2_DATES), [[""]])).toEqual(monthly);
  });

  test("a count: numbers and numeric text, up to 600", () => {
    const six = fc(col(...EX2_VALUES), col(...EX2_DATES), 6);
    expect(fc(col(...EX2_VALUES), col(...EX2_DATES), "6")).toEqual(six);
    expect(fc(col(...EX2_VALUES), col(...EX2_DATES), [[6]])).toEqual(six);
    const long = fc(col(...EX2_VALUES), col(...EX2_DATES), 600);
    expect(long).toHaveLength(601);
    expect(long[600][0]).toBe("2075-08");
  });

  test("target dates: one row each, in the order given, blank cells skipped", () => {
    const targets = col("2026-02-14", null, serial(2025, 10, 31) + 0.75, "", "2025-09-01");
    const out = fc(col(...EX2_VALUES), col(...EX2_DATES), targets);
    const six = fc(col(...EX2_VALUES), col(...EX2_DATES), 6);
    expect(out).toEqual([["Period", "Forecast"], six[6], six[2], six[1]]);
  });

  test("one date cell (a serial ≥ 601) is one target", () => {
    const out = fc(col(...EX2_VALUES), col(...EX2_DATES), serial(2025, 12, 24));
    expect(out).toHaveLength(2);
    expect(out[1][0]).toBe("2025-12");
  });

  test("a month inside the history returns its value; with bounds its bounds are blank", () => {
    const out = fc(
      col(...EX2_VALUES),
      col(...EX2_DATES),
      col("2023-03-09", "2024-12-31", "2025-08-01"),
      null,
      null,
      null,
      0.9,
    );
    expect(out.slice(1)).toEqual([
      ["2023-03", 2907827.74, "", ""],
      ["2024-12", 6331889.03, "", ""],
      ["2025-08", 4269215.78, "", ""],
    ]);
  });

  test("quarterly history: a month between two quarters is interpolated linearly (forecast and bounds)", () => {
    const q = fc(
      col(...EX1_VALUES),
      col(...EX1_DATES),
      col("2025-01-01", "2025-02-15", "2025-03-01", "2025-04-01"),
      null,
      null,
      null,
      0.95,
    );
    const [jan, feb, mar, apr] = q.slice(1);
    expect(feb[1]).toBeCloseTo(jan[1] + (apr[1] - jan[1]) / 3, 6);
    expect(mar[1]).toBeCloseTo(jan[1] + (2 * (apr[1] - jan[1])) / 3, 6);
    const w = (r: any[]): number => r[3] - r[1];
    expect(w(feb)).toBeCloseTo(w(jan) + (w(apr) - w(jan)) / 3, 6);
    expect(feb[1] - feb[2]).toBeCloseTo(w(feb), 6);
  });

  test("quarterly history: a month inside the first step after the history starts from w = 0 at the last period", () => {
    // 2024-11 is one month after the last period (2024-10): w = (1/3)·w(1).
    const q = fc(col(...EX1_VALUES), col(...EX1_DATES), col("2024-11-01", "2025-01-01"), null, null, null, 0.95);
    expect(q[1][3] - q[1][1]).toBeCloseTo((q[2][3] - q[2][1]) / 3, 6);
  });
});

describe("confidence", () => {
  test.each([[0.95], ["95%"], ["0.95"]])("%p gives the 95%% bounds", (c) => {
    const out = fc(col(...EX1_VALUES), col(...EX1_DATES), 1, null, null, null, c);
    expectShown(out[1][2], 1804455.93, 2);
  });

  test("a higher level widens the bounds by the ratio of the normal quantiles", () => {
    const w = (c: number): number => {
      const out = fc(col(...EX1_VALUES), col(...EX1_DATES), 1, null, null, null, c);
      return out[1][3] - out[1][1];
    };
    expect(w(0.99) / w(0.8)).toBeCloseTo(2.5758293035489004 / 1.2815515655446006, 12);
  });
});

describe("NORM.S.INV", () => {
  // Reference quantiles of the double inputs, computed with mpmath at 300 bits (sqrt(2)·erfinv(2p − 1)).
  test.each([
    [0.975, 1.9599639845400538],
    [0.95, 1.6448536269514722],
    [0.9, 1.2815515655446006],
    [0.995, 2.5758293035489004],
    [0.025, -1.9599639845400543],
    [0.0001, -3.7190164854556804],
    [0.6, 0.2533471031357997],
  ])("Φ⁻¹(%p) = %p to the last bit", (p, z) => {
    expect(normSInv(p)).toBe(z);
  });

  test("symmetry and range", () => {
    expect(normSInv(0.5)).toBe(0);
    expect(normSInv(0.25)).toBe(-normSInv(0.75));
    expect(normSInv(0)).toBeNaN();
    expect(normSInv(1)).toBeNaN();
  });
});

describe("months", () => {
  test("month numbers agree with the calendar for serials from 1900 to 9999", () => {
    for (let s = 1; s <= 2958465; s += 997) {
      const { year, month } = serialToYmd(s);
      expect(monthOfSerial(s)).toBe(12 * year + month - 1);
    }
    for (const s of [59, 60, 61, 366, 367, 45658, 2958465]) {
      const { year, month } = serialToYmd(s);
      expect(monthOfSerial(s)).toBe(12 * year + month - 1);
    }
  });
});

// ---- Statistics table and labels ----------------------------------------------------------------------------------

describe("statistics table and labels", () => {
  test('a statistic that is not finite shows as "" (MASE of a flat history: 0 ÷ 0)', () => {
    const flat = Array.from({ length: 14 }, () => 5000);
    const out = fc(col(...flat), col(...flat.map((_, i) => serial(2024, 1 + i, 1))), null, 0, null, null, null, true);
    expect(out[4]).toEqual(["MASE", ""]);
    expect(out[6]).toEqual(["MAE", 0]);
    expect(out[7]).toEqual(["RMSE", 0]);
    expect(fc(col(...flat), col(...flat.map((_, i) => serial(2024, 1 + i, 1))), 2, 0).slice(1)).toEqual([
      ["2025-03", 5000],
      ["2025-04", 5000],
    ]);
  });

  test.each([[true], ["yes"], ["是"], [1], ["TRUE"]])("show_stats %p", (s) => {
    expect(fc(col(...EX1_VALUES), col(...EX1_DATES), null, null, null, null, null, s)[0]).toEqual([
      "Statistic",
      "Value",
    ]);
  });

  test.each([[false], ["no"], ["否"], [0]])("show_stats %p is the forecast table", (s) => {
    expect(fc(col(...EX1_VALUES), col(...EX1_DATES), null, null, null, null, null, s)[0]).toEqual([
      "Period",
      "Forecast",
    ]);
  });

  test("Chinese display language: Chinese headers and statistic labels, same numbers", () => {
    const en = fc(col(...EX1_VALUES), col(...EX1_DATES), 4, null, null, null, 0.95);
    const zh = withDisplayLanguage("zh-CN", () => fc(col(...EX1_VALUES), col(...EX1_DATES), 4, null, null, null, 0.95));
    expect(zh[0]).toEqual(["期间", "预测", "下限", "上限"]);
    expect(zh.slice(1)).toEqual(en.slice(1));
    const stats = withDisplayLanguage("zh-CN", () =>
      fc(col(...EX1_VALUES), col(...EX1_DATES), null, "年", "平均", "求和", null, "是"),
    );
    expect(stats.map((r) => r[0])).toEqual([
      "统计量",
      "Alpha（水平）",
      "Beta（趋势）",
      "Gamma（季节）",
      "MASE",
      "SMAPE",
      "MAE",
      "RMSE",
      "步长（月）",
      "季节长度（期）",
      "使用期数",
      "补齐期数",
    ]);
    expect(stats[9][1]).toBe(4);
  });

  test("English labels in full", () => {
    const stats = fc(col(...EX1_VALUES), col(...EX1_DATES), null, null, null, null, null, true);
    expect(stats.map((r) => r[0])).toEqual([
      "Statistic",
      "Alpha (level)",
      "Beta (trend)",
      "Gamma (season)",
      "MASE",
      "SMAPE",
      "MAE",
      "RMSE",
      "Step (months)",
      "Seasonality (periods)",
      "Periods used",
      "Periods completed",
    ]);
  });
});

// ---- Errors -------------------------------------------------------------------------------------------------------

describe("errors", () => {
  const V = col(...EX2_VALUES);
  const D = col(...EX2_DATES);

  test("values and dates of different sizes → #VALUE!", () => {
    expectThrows(() => fc(col(1, 2, 3), col("2025-01-01", "2025-02-01")), "#VALUE!", "3", "2", "same size");
  });

  test("no data row → #VALUE!", () => {
    expectThrows(() => fc(col(null, null), col(null, null)), "#VALUE!", "no data");
    expectThrows(() => fc(col(null, ""), col("2025-01-01", "2025-02-01")), "#VALUE!", "no data");
  });

  test("fewer than 2 periods → #VALUE!", () => {
    expectThrows(() => fc(col(5, 6), col("2025-03-01", "2025-03-20")), "#VALUE!", "fewer than 2 periods", "2025-03");
  });

  test("a season of L periods with fewer than 2·L periods → #VALUE! giving both numbers", () => {
    expectThrows(() => fc(V, D, null, 16), "#VALUE!", "16 periods", "32", "30");
  });

  test("months 1, 3, 6 → the periods are not evenly spaced", () => {
    const err = expectThrows(() => fc(col(1, 2, 3), col("2024-01-10", "2024-03-10", "2024-06-10")), "#VALUE!");
    expect(err.message).toBe("the periods are not evenly spaced (step 2, gap of 3 after 2024-03)");
  });

  test("more than 30% of the periods missing → #VALUE!", () => {
    // 10 months with data, 4 missing
    const d = col(...[0, 1, 2, 3, 5, 6, 8, 9, 11, 13, 14, 15].slice(0, 10).map((m) => serial(2024, 1 + m, 1)));
    expectThrows(() => fc(col(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), d), "#VALUE!", "30%");
  });

  test("a season averaging exactly 0 → #DIV/0! naming it and suggesting a fix", () => {
    const values = [...Array.from({ length: 12 }, () => 0), ...Array.from({ length: 12 }, (_, i) => 100 + 10 * i)];
    const dates = values.map((_, i) => serial(2023, 1 + i, 1));
    const err = expectThrows(
      () => fc(col(...values), col(...dates)),
      "#DIV/0!",
      "season 1",
      "2023-01",
      "2023-12",
      "first sale",
      "seasonality 0",
    );
    expect(err.message).toContain("averages 0");
    // seasonality 0 works
    expect(fc(col(...values), col(...dates), 1, 0)).toHaveLength(2);
  });

  test("a model that is not finite → #NUM! for the whole call (flat history with a season), suggesting seasonality 0", () => {
    const flat = Array.from({ length: 24 }, () => 1000);
    const dates = flat.map((_, i) => serial(2023, 1 + i, 1));
    expectThrows(() => fc(col(...flat), col(...dates)), "#NUM!", "seasonality 0");
    expectThrows(() => fc(col(...flat), col(...dates), col("2023-05-01")), "#NUM!");
    expectThrows(() => fc(col(...flat), col(...dates), null, null, null, null, null, true), "#NUM!");
    expect(fc(col(...flat), col(...dates), 1, 0)[1]).toEqual(["2025-01", 1000]);
  });

  test("an exact straight line with a season → #NUM!", () => {
    const line = Array.from({ length: 24 }, (_, i) => 1000 + 250 * i);
    expectThrows(() => fc(col(...line), col(...line.map((_, i) => serial(2023, 1 + i, 1)))), "#NUM!");
  });

  test("values so large the model overflows → #NUM!, not a crash", () => {
    const huge = [1e308, -1e308, 1e308, -1e308, 1e308];
    expectThrows(() => fc(col(...huge), col(...huge.map((_, i) => serial(2024, 1 + i, 1)))), "#NUM!");
  });

  test("a value with a blank date → #VALUE! naming the row", () => {
    const err = expectThrows(
      () =>
        fc(
          col(1, 2, 3, 4, 5, 6, 7),
          col("2025-01-01", "2025-02-01", "2025-03-01", "2025-04-01", "2025-05-01", "2025-06-01", null),
        ),
      "#VALUE!",
    );
    expect(err.message).toBe("row 7 has a value but no date");
    expectThrows(
      () => fc(col(1, 2, 3), col("2025-01-01", "", "2025-03-01")),
      "#VALUE!",
      "row 2 has a value but no date",
    );
  });

  test("a value that is not a number → #VALUE! naming it; TRUE and FALSE are not numbers", () => {
    expectThrows(
      () => fc(col(1, "abc", 3), col("2025-01-01", "2025-02-01", "2025-03-01")),
      "#VALUE!",
      "row 2",
      '"abc"',
    );
    expectThrows(() => fc(col(1, true, 3), col("2025-01-01", "2025-02-01", "2025-03-01")), "#VALUE!", "row 2", "TRUE");
    expectThrows(
      () => fc(col(1, 2, false), col("2025-01-01", "2025-02-01", "2025-03-01")),
      "#VALUE!",
      "row 3",
      "FALSE",
    );
  });

  test("a date that is not a date → #VALUE! naming it", () => {
    expectThrows(
      () => fc(col(1, 2, 3), col("2025-01-01", "2025-02-30", "2025-03-01")),
      "#VALUE!",
      "row 2",
      "2025-02-30",
    );
    expectThrows(
      () => fc(col(1, 2, 3), col("2025-01-01", "next month", "2025-03-01")),
      "#VALUE!",
      "row 2",
      "next month",
    );
    expectThrows(() => fc(col(1, 2, 3), col("2025-01-01", true, "2025-03-01")), "#VALUE!", "row 2");
    expectThrows(() => fc(col(1, 2, 3), col("2025-01-01", -5, "2025-03-01")), "#VALUE!", "row 2");
  });

  test("an error value in either range → #VALUE! naming the row", () => {
    const E = { code: "#N/A" };
    expectThrows(() => fc(col(1, E, 3), col("2025-01-01", "2025-02-01", "2025-03-01")), "#VALUE!", "row 2", "#N/A");
    expectThrows(
      () => fc(col(1, 2, 3), col("2025-01-01", "2025-02-01", { code: "#REF!" })),
      "#VALUE!",
      "row 3",
      "#REF!",
    );
  });

  test.each([[0], [-1], [2.5], [600.5], ["0"]])("horizon %p → #NUM!", (h) => {
    expectThrows(() => fc(V, D, h), "#NUM!", "horizon");
  });

  test("a small number in a list of targets → #VALUE!; a target that is not a date → #VALUE!", () => {
    expectThrows(() => fc(V, D, col("2026-01-01", 3)), "#VALUE!", "horizon cell 2");
    expectThrows(() => fc(V, D, col("2026-01-01", "soon")), "#VALUE!", "soon");
    expectThrows(() => fc(V, D, "soon"), "#VALUE!", "soon");
    expectThrows(() => fc(V, D, true), "#VALUE!", "horizon");
  });

  test("a target month before the first history month → #NUM!", () => {
    expectThrows(() => fc(V, D, col("2023-02-28")), "#NUM!", "2023-02", "2023-03");
  });

  test.each([[1.5], [-1], ["-2"]])("seasonality %p → #NUM!", (s) => {
    expectThrows(() => fc(V, D, null, s), "#NUM!", "seasonality");
  });

  test.each([["weekly"], [true]])("seasonality %p → #VALUE!", (s) => {
    expectThrows(() => fc(V, D, null, s), "#VALUE!", "seasonality");
  });

  test("data_completion: other numbers → #NUM!, other text → #VALUE!", () => {
    expectThrows(() => fc(V, D, null, null, 2), "#NUM!", "data_completion");
    expectThrows(() => fc(V, D, null, null, "maybe"), "#VALUE!", "data_completion", "maybe");
  });

  test.each([[0], [8], [2.5], ["9"]])("aggregation %p → #NUM!", (a) => {
    expectThrows(() => fc(V, D, null, null, null, a), "#NUM!", "aggregation");
  });

  test("an unknown aggregation word → #VALUE!", () => {
    expectThrows(() => fc(V, D, null, null, null, "total"), "#VALUE!", "aggregation", "total");
  });

  test.each([[0], [1], [1.5], [95], ["-5%"]])("confidence %p → #NUM!", (c) => {
    expectThrows(() => fc(V, D, null, null, null, null, c), "#NUM!", "confidence");
  });

  test("confidence that is not a number → #VALUE!", () => {
    expectThrows(() => fc(V, D, null, null, null, null, "high"), "#VALUE!", "confidence", "high");
  });

  test("show_stats that is not yes/no → #VALUE!", () => {
    expectThrows(() => fc(V, D, null, null, null, null, null, "maybe"), "#VALUE!", "show_stats");
  });
});

// ---- The help site's worked examples (LibreOffice's numbers) ------------------------------------------------------

describe("worked examples of the help site (src/help/examples/forecast.ts)", () => {
  test.each(examples.map((e) => [e.title.en, e] as const))("%s", (_, example) => {
    const run = (): any[][] => (forecast as any)(...example.args);
    const out = example.lang === "zh" ? withDisplayLanguage("zh-CN", run) : run();
    const expected = example.result as unknown[][];
    expect(out).toHaveLength(expected.length);
    expected.forEach((er, i) => {
      expect(out[i]).toHaveLength(er.length);
      er.forEach((ev, j) => {
        if (typeof ev === "number") {
          const tol = ev === 0 ? 1e-9 : 1e-9 * Math.abs(ev);
          expect(Math.abs((out[i][j] as number) - ev)).toBeLessThanOrEqual(tol);
        } else expect(out[i][j]).toBe(ev);
      });
    });
  });
});
