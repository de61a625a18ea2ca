/* eslint-disable @typescript-eslint/no-explicit-any */
import { attainment, targetPlan } from "../../src/functions/functions";
import { col, expectTable, expectThrows, row, serial, withDisplayLanguage, xlErr } from "./helpers";

const N = null as any;
const MAR1 = serial(2025, 3, 1);
const MAR31 = serial(2025, 3, 31);
const AS_OF = serial(2025, 3, 14); // a Friday
// March 2025 has 21 weekdays. Holidays Wed 03-05 and Mon 03-31, make-up Sunday 03-09: W = 21 − 2 + 1 = 20.
// Up to as_of: 03-03, 04, 06, 07, Sunday 09, 10 … 14 → E = 10. So Expected = Target × 10 ÷ 20 = Target ÷ 2.
const HOLIDAYS = col(serial(2025, 3, 5), MAR31);
const WORKDAYS = col(serial(2025, 3, 9));

const TARGETS = [
  ["Owner", "Target"],
  ["Ann", 1000],
  ["Bob", 2000],
  ["Cy", 1000],
  ["Dee", "1,000"],
  ["Eve", ""],
  ["Fay", 0],
  ["Gus", 1000],
  ["Hal", 2400],
];

// amount, date, owner, outcome
const DEALS: [unknown, unknown, unknown, unknown][] = [
  [700, serial(2025, 3, 3), "Ann", "won"],
  [500, "2025年3月14日", "ann", "赢单"],
  [9999, serial(2025, 3, 20), "Ann", "lost"], // not counted
  [800, serial(2025, 2, 28), "Ann", "won"], // before the period
  [100, serial(2025, 4, 1), "Ann", "won"], // after the period
  [1000, serial(2025, 3, 10), "Bob", "won"], // Bob: exactly Expected
  [450, MAR31, "Cy", "won"], // Cy: exactly Expected × (1 − 0.1); period_end is included
  [449, MAR1, "Dee", "won"], // Dee: just below; period_start (a Saturday) is included
  [300, serial(2025, 3, 12), "Eve", "won"], // Eve has no target
  ["¥1,000", serial(2025, 3, 13), "GUS", "won"], // Gus: exactly Target
  [1200, serial(2025, 3, 15), "Hal", "won"], // after as_of but in the period: counts in Actual
  [250, serial(2025, 3, 20), "Zed", "won"], // not in targets → (other)
  [50, serial(2025, 3, 21), "", "won"], // blank owner → (other)
  [77, serial(2025, 3, 21), "Bob", "open"], // open: not counted
];
const amounts = col(...DEALS.map((d) => d[0]));
const dates = col(...DEALS.map((d) => d[1]));
const owners = col(...DEALS.map((d) => d[2]));
const outcomes = col(...DEALS.map((d) => d[3]));
const HEADER = ["Owner", "Target", "Actual", "Attainment", "Gap", "Expected", "Pace", "Status", "Projected", "Rank"];

const run = (asOf: unknown, extra: { caution?: unknown; targets?: unknown } = {}) =>
  attainment(
    (extra.targets ?? TARGETS) as any,
    amounts,
    dates,
    MAR1,
    MAR31,
    owners,
    outcomes,
    asOf,
    HOLIDAYS,
    WORKDAYS,
    extra.caution ?? N,
  );

describe("ATTAINMENT per owner, as_of inside the period", () => {
  test("every column of every row, with the status ladder at each boundary and ties in Rank", () => {
    expectTable(run(AS_OF), [
      HEADER,
      // Actual 1200 ≥ Target: Achieved. Projected = Actual × W ÷ E = 1200 × 20 ÷ 10.
      ["Ann", 1000, 1200, 1.2, -200, 500, 2.4, "Achieved", 2400, 1],
      // Actual = Expected exactly: On track.
      ["Bob", 2000, 1000, 0.5, 1000, 1000, 1, "On track", 2000, 3],
      // Actual = Expected × 0.9 exactly: Caution.
      ["Cy", 1000, 450, 0.45, 550, 500, 0.9, "Caution", 900, 5],
      // One below the Caution line: Off track.
      ["Dee", 1000, 449, 0.449, 551, 500, 0.898, "Off track", 898, 6],
      // A blank target: no target, Target shows "", only Actual is computed.
      ["Eve", "", 300, "", "", "", "", "No target", "", ""],
      // A target of 0: no target, Target shows 0.
      ["Fay", 0, 0, "", "", "", "", "No target", "", ""],
      // Actual = Target exactly: Achieved.
      ["Gus", 1000, 1000, 1, 0, 500, 2, "Achieved", 2000, 2],
      // Attainment 0.5 ties with Bob: both rank 3, the next is 5.
      ["Hal", 2400, 1200, 0.5, 1200, 1200, 1, "On track", 2400, 3],
      ["(other)", "", 300, "", "", "", "", "", "", ""],
      // Total: Target = 8400, Actual = every counted record in the period = 5899.
      ["Total", 8400, 5899, 5899 / 8400, 2501, 4200, 5899 / 4200, "On track", 11798, ""],
    ]);
  });

  test("caution 20 % (percent text) moves the Caution line to Expected × 0.8", () => {
    const out = run(AS_OF, { caution: "20%" });
    expect(out[4][7]).toBe("Caution"); // Dee: 449 ≥ 400
    expect(out[3][7]).toBe("Caution");
    const zero = run(AS_OF, { caution: 0 });
    expect(zero[3][7]).toBe("Off track"); // Cy: 450 < 500 with no band
  });
});

test("an Actual equal to the Target on paper is Achieved despite floating-point noise (0.1 + 0.2 vs 0.3)", () => {
  const out = attainment(
    [["Ann", 0.3]],
    col(0.1, 0.2),
    col(MAR1, MAR1),
    MAR1,
    MAR31,
    col("Ann", "Ann"),
    N,
    MAR1,
    N,
    N,
    N,
  );
  expect(out[1][7]).toBe("Achieved");
});

describe("ATTAINMENT and as_of", () => {
  test("as_of before the period: E = 0, Expected 0, Not started (unless Achieved); Pace and Projected blank", () => {
    const out = run(serial(2025, 2, 20));
    expectTable(out.slice(1, 3), [
      ["Ann", 1000, 1200, 1.2, -200, 0, "", "Achieved", "", 1],
      ["Bob", 2000, 1000, 0.5, 1000, 0, "", "Not started", "", 3],
    ]);
    expect(out[10].slice(5, 9)).toEqual([0, "", "Not started", ""]);
  });

  test("as_of after the period: E = W, Expected = Target, Projected = Actual", () => {
    const out = run(serial(2025, 4, 10));
    expectTable(out.slice(1, 4), [
      ["Ann", 1000, 1200, 1.2, -200, 1000, 1.2, "Achieved", 1200, 1],
      ["Bob", 2000, 1000, 0.5, 1000, 2000, 0.5, "Off track", 1000, 3],
      ["Cy", 1000, 450, 0.45, 550, 1000, 0.45, "Off track", 450, 5],
    ]);
  });

  test("as_of on a 调休 Sunday counts it: E = 5 (03-03, 04, 06, 07, 09)", () => {
    const out = run(serial(2025, 3, 9));
    expect(out[2][5]).toBe(500); // Bob: 2000 × 5 ÷ 20
    expect(out[2][8]).toBe(4000); // 1000 × 20 ÷ 5
  });

  test("W = 0 (a weekend period without make-up days): calendar days instead", () => {
    const sat = serial(2025, 3, 8);
    const out = attainment([["Ann", 100]], col(30), col(sat), sat, sat + 1, col("Ann"), N, sat, N, N, N);
    // W = 2 calendar days, E = 1: Expected 50, Projected 60
    expectTable(out, [
      HEADER,
      ["Ann", 100, 30, 0.3, 70, 50, 0.6, "Off track", 60, 1],
      ["Total", 100, 30, 0.3, 70, 50, 0.6, "Off track", 60, ""],
    ]);
    // With the Sunday as a make-up day, W = 1 working day; as_of Saturday → E = 0
    const made = attainment([["Ann", 100]], col(30), col(sat), sat, sat + 1, col("Ann"), N, sat, N, col(sat + 1), N);
    expect(made[1]).toEqual(["Ann", 100, 30, 0.3, 70, 0, "", "Not started", "", 1]);
  });

  test("omitted as_of is today", () => {
    const today = new Date();
    const t = serial(today.getFullYear(), today.getMonth() + 1, today.getDate());
    const out = attainment([[100]], col(10), col(t), t - 400, t - 300, N, N, N, N, N, N);
    expect(out[1][5]).toBe(100); // the whole period has passed: Expected = Target
  });
});

describe("ATTAINMENT targets layouts", () => {
  test("two rows as one period of a TARGETPLAN reads: Period and Total columns skipped", () => {
    const plan = targetPlan(12000, serial(2025, 1, 1), "M", N, col("Ann", "Bob"), col(1, 2), N, N);
    expect(plan[0]).toEqual(["Period", "Ann", "Bob", "Total"]);
    const [ann, bob] = [plan[3][1] as number, plan[3][2] as number];
    expect(plan[3][0]).toBe("2025-03");
    expect(ann + bob).toBe(1000);
    const out = attainment(
      [plan[0], plan[3]],
      amounts,
      dates,
      MAR1,
      MAR31,
      owners,
      outcomes,
      AS_OF,
      HOLIDAYS,
      WORKDAYS,
      N,
    );
    expect(out.map((r) => r[0])).toEqual(["Owner", "Ann", "Bob", "(other)", "Total"]);
    expect(out[1].slice(0, 3)).toEqual(["Ann", ann, 1200]);
    expect(out[2].slice(0, 3)).toEqual(["Bob", bob, 1000]);
    // Cy, Dee, Eve, Gus, Hal, Zed and the blank owner are not in this plan: (other) = 450 + 449 + 300 + 1000 + 1200 + 300
    expect(out[3].slice(0, 3)).toEqual(["(other)", "", 3699]);
    expect(out[4].slice(0, 3)).toEqual(["Total", 1000, 5899]);
  });

  test("two rows in Chinese (期间 / 合计), a blank second cell is an owner with no target", () => {
    const out = attainment(
      [
        ["期间", "张三", "李四", "王五", "合计"],
        ["2025-03", 500, "", "1,000", 1500],
      ],
      col(100, 200),
      col(MAR1, MAR1),
      MAR1,
      MAR31,
      col("张三", "李四"),
      N,
      AS_OF,
      N,
      N,
      N,
    );
    expect(out.map((r) => r[0])).toEqual(["Owner", "张三", "李四", "王五", "Total"]);
    expect(out[2].slice(0, 3)).toEqual(["李四", "", 200]);
    expect(out[2][7]).toBe("No target");
    expect(out[3].slice(0, 3)).toEqual(["王五", 1000, 0]);
    expect(out[4].slice(0, 3)).toEqual(["Total", 1500, 300]);
  });

  test("a 2 × 2 range is read as two columns owner | target (its first row is data when its target is a number)", () => {
    const out = attainment(
      [
        ["Ann", 100],
        ["Bob", 200],
      ],
      col(50),
      col(MAR1),
      MAR1,
      MAR31,
      col("Bob"),
      N,
      MAR31,
      N,
      N,
      N,
    );
    expect(out.map((r) => r.slice(0, 3))).toEqual([
      HEADER.slice(0, 3),
      ["Ann", 100, 0],
      ["Bob", 200, 50],
      ["Total", 300, 50],
    ]);
  });

  test("owner cells: blank owners skipped, text equality, shown as written in targets", () => {
    const out = attainment(
      [
        ["Owner", "Target"],
        ["", 5],
        [" Ann ", 100],
        [0, 7],
      ],
      col(10),
      col(MAR1),
      MAR1,
      MAR31,
      col("ANN"),
      N,
      MAR31,
      N,
      N,
      N,
    );
    expect(out.map((r) => r.slice(0, 3))).toEqual([HEADER.slice(0, 3), ["Ann", 100, 10], ["Total", 100, 10]]);
  });

  test("without owners: targets is the team's target; header and one Total row", () => {
    const out = attainment([[8400]], amounts, dates, MAR1, MAR31, N, outcomes, AS_OF, HOLIDAYS, WORKDAYS, N);
    expectTable(out, [HEADER, ["Total", 8400, 5899, 5899 / 8400, 2501, 4200, 5899 / 4200, "On track", 11798, ""]]);
    const blank = attainment([[""]], col(10), col(MAR1), MAR1, MAR31, N, N, AS_OF, N, N, N);
    expect(blank[1]).toEqual(["Total", "", 10, "", "", "", "", "No target", "", ""]);
  });

  test('no outcomes: every record counts; blanks as null / "" / 0', () => {
    const out = attainment(
      [["Ann", 100]],
      col(null, "", 0, 40),
      col(MAR1, 0, MAR1, MAR31),
      MAR1,
      MAR31,
      col("Ann", "Ann", 0, null),
      N,
      MAR31,
      N,
      N,
      N,
    );
    // record 2 has a blank date (0): not in the period; records 3 and 4 have blank owners → (other) 40
    expect(out.map((r) => r.slice(0, 3))).toEqual([
      HEADER.slice(0, 3),
      ["Ann", 100, 0],
      ["(other)", "", 40],
      ["Total", 100, 40],
    ]);
  });

  test("rows and columns: records as rows", () => {
    const out = attainment(
      [["Ann", 100]],
      row(60, 70),
      row(MAR1, MAR1),
      MAR1,
      MAR31,
      row("Ann", "Ann"),
      row("won", "lost"),
      MAR31,
      N,
      N,
      N,
    );
    expect(out[1].slice(0, 4)).toEqual(["Ann", 100, 60, 0.6]);
  });
});

describe("ATTAINMENT labels and errors", () => {
  test("zh-CN labels and statuses", () => {
    const out = withDisplayLanguage("zh-CN", () => run(AS_OF));
    expect(out[0]).toEqual(["负责人", "目标", "实际", "完成率", "差额", "应完成", "进度", "状态", "预计", "排名"]);
    expect(out.slice(1, 7).map((r) => r[7])).toEqual(["已达成", "正常", "预警", "落后", "未设目标", "未设目标"]);
    expect(out[9][0]).toBe("(其他)");
    expect(out[10][0]).toBe("合计");
    const early = withDisplayLanguage("zh-CN", () => run(serial(2025, 2, 1)));
    expect(early[2][7]).toBe("未开始");
  });

  test("targets: duplicate owner #VALUE!, negative #NUM!, not a number #VALUE! naming it, wrong shape #VALUE!", () => {
    expectThrows(
      () =>
        run(AS_OF, {
          targets: [
            ["Ann", 1],
            [" ann", 2],
          ],
        }),
      "#VALUE!",
      "ann",
    );
    expectThrows(
      () =>
        run(AS_OF, {
          targets: [
            ["Owner", "Target"],
            ["Ann", -1],
          ],
        }),
      "#NUM!",
      "Ann",
    );
    expectThrows(
      () =>
        run(AS_OF, {
          targets: [
            ["Owner", "Target"],
            ["Ann", "lots"],
          ],
        }),
      "#VALUE!",
      "lots",
    );
    expectThrows(
      () =>
        run(AS_OF, {
          targets: [
            ["Owner", "Target"],
            ["Ann", xlErr("#N/A")],
          ],
        }),
      "#VALUE!",
      "#N/A",
    );
    expectThrows(
      () =>
        run(AS_OF, {
          targets: [
            ["Period", "Ann", "Bob"],
            ["2025-03", -5, 1],
          ],
        }),
      "#NUM!",
      "Ann",
    );
    expectThrows(
      () =>
        run(AS_OF, {
          targets: [
            ["a", 1, 2],
            ["b", 1, 2],
            ["c", 1, 2],
          ],
        }),
      "#VALUE!",
      "targets",
    );
    expectThrows(() => attainment([[-5]], col(1), col(MAR1), MAR1, MAR31, N, N, AS_OF, N, N, N), "#NUM!");
  });

  test("period_end before period_start is #VALUE!", () => {
    expectThrows(
      () => attainment([[100]], col(1), col(MAR1), MAR31, MAR1, N, N, AS_OF, N, N, N),
      "#VALUE!",
      "period_end",
    );
  });

  test("caution outside [0, 1) is #NUM!", () => {
    expectThrows(() => run(AS_OF, { caution: 1 }), "#NUM!", "caution");
    expectThrows(() => run(AS_OF, { caution: -0.1 }), "#NUM!", "caution");
    expectThrows(() => run(AS_OF, { caution: "wide" }), "#VALUE!", "caution");
  });

  test("counted records: a bad amount or date is #VALUE! naming the cell, even outside the period; others are not read", () => {
    expectThrows(
      () => attainment([[100]], col(1, "lots"), col(MAR1, serial(2024, 1, 1)), MAR1, MAR31, N, N, AS_OF, N, N, N),
      "#VALUE!",
      "lots",
      "cell 2",
    );
    expectThrows(
      () => attainment([[100]], col(1, 2), col(MAR1, "soon"), MAR1, MAR31, N, N, AS_OF, N, N, N),
      "#VALUE!",
      "soon",
      "cell 2",
    );
    const out = attainment(
      [[100]],
      col(1, "lots"),
      col(MAR1, "soon"),
      MAR1,
      MAR31,
      N,
      col("won", "lost"),
      AS_OF,
      N,
      N,
      N,
    );
    expect(out[1][2]).toBe(1);
    expectThrows(
      () => attainment([[100]], col(1), col(MAR1), MAR1, MAR31, N, col("maybe"), AS_OF, N, N, N),
      "#VALUE!",
      "maybe",
    );
  });

  test("holidays / workdays that are not dates are #VALUE! naming them", () => {
    expectThrows(
      () => attainment([[100]], col(1), col(MAR1), MAR1, MAR31, N, N, AS_OF, col("妇女节"), N, N),
      "#VALUE!",
      "妇女节",
    );
    expectThrows(
      () => attainment([[100]], col(1), col(MAR1), MAR1, MAR31, N, N, AS_OF, N, col("Sunday"), N),
      "#VALUE!",
      "Sunday",
    );
  });

  test("ranges describing the same records must have as many cells", () => {
    expectThrows(
      () => attainment([[100]], col(1, 2), col(MAR1), MAR1, MAR31, N, N, AS_OF, N, N, N),
      "#VALUE!",
      "dates",
    );
    expectThrows(
      () => attainment([["Ann", 1]], col(1, 2), col(MAR1, MAR1), MAR1, MAR31, col("Ann"), N, AS_OF, N, N, N),
      "#VALUE!",
      "owners",
    );
  });
});
