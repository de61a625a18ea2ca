/* eslint-disable @typescript-eslint/no-explicit-any */
import { stageTime } from "../../src/functions/functions";
import { col, expectTable, expectThrows, row, serial, withDisplayLanguage, xlErr } from "./helpers";

const N = null as any;
const d = (m: number, day: number) => serial(2025, m, day);
const AS_OF = d(3, 1);
const NAMES = ["Lead", "Qualified", "Proposal", "Won"];
const HEADER = ["Stage", "Reached", "Moved on", "Conversion", "Median days", "Mean days", "Open", "Median age"];

// One row per record: the dates it entered each stage (the won date in its own last column), and its outcome.
const RECORDS: [unknown[], unknown][] = [
  [[d(1, 1), d(1, 11), d(1, 21), d(2, 10)], "won"], // r1
  [[d(1, 5), "", d(1, 25), d(2, 4)], "Won"], // r2: skipped Qualified
  [[d(1, 10), d(1, 20), null, null], "open"], // r3: last dated Qualified
  [[d(1, 2), d(1, 5), d(2, 1), 0], "lost"], // r4: last dated Proposal
  [[d(2, 1), null, null, null], ""], // r5: open, last dated Lead
  [[null, "", 0, "  "], "open"], // r6: no date at all: reaches nothing
  [[null, null, null, null], "赢单"], // r7: won without dates: reaches every stage, not in Cycle
  [["2025-01-15", "2025年1月25日", null, null], "进行中"], // r8: text dates, open, last dated Qualified
  [[d(1, 3), null, null, null], "输单"], // r9: lost at Lead
];
const table = [NAMES, ...RECORDS.map((r) => r[0])];
const outcomes = col(...RECORDS.map((r) => r[1]));

describe("STAGETIME", () => {
  test("every column of every row, and the Cycle row", () => {
    // Won: r1, r2, r7 = 3. Last dated column of the others: Lead r5, r9 · Qualified r3, r8 · Proposal r4.
    // Days to the next dated stage — Lead: r1 10, r2 20, r3 10, r4 3, r8 10 → median 10, mean 10.6;
    // Qualified: r1 10, r4 27 → 18.5; Proposal: r1 20, r2 10 → 15.
    // Open ages at as_of 03-01 — Lead: r5 28; Qualified: r3 40, r8 35 → 37.5.
    // Cycle: r1 40, r2 30 days.
    expectTable(stageTime(table, outcomes, AS_OF, N), [
      HEADER,
      ["Lead", 8, 6, 6 / 8, 10, 10.6, 1, 28],
      ["Qualified", 6, 4, 4 / 6, 18.5, 18.5, 2, 37.5],
      ["Proposal", 4, 3, 3 / 4, 15, 15, 0, ""],
      ["Won", 3, 3, 1, "", "", 0, ""],
      ["Cycle", 2, "", "", 35, 35, "", ""],
    ]);
  });

  test("without outcomes: every record is open, no Cycle row", () => {
    const out = stageTime(table, N, AS_OF, N);
    // Last dated column: Lead r5, r9 · Qualified r3, r8 · Proposal r4 · Won r1, r2. r6 and r7 have no date.
    // Open ages — Lead: r5 28, r9 57 → 42.5; Qualified 37.5; Proposal: r4 28; Won: r1 19, r2 25 → 22.
    expectTable(out, [
      HEADER,
      ["Lead", 7, 5, 5 / 7, 10, 10.6, 2, 42.5],
      ["Qualified", 5, 3, 3 / 5, 18.5, 18.5, 2, 37.5],
      ["Proposal", 3, 2, 2 / 3, 15, 15, 1, 28],
      ["Won", 2, 0, 0, "", "", 2, 22],
    ]);
  });

  test("stage_names: every row of stage_dates is a record; stage names as a row or a column", () => {
    const body = RECORDS.map((r) => r[0]);
    const a = stageTime(body, outcomes, AS_OF, row(...NAMES));
    const b = stageTime(body, row(...RECORDS.map((r) => r[1])), AS_OF, col(...NAMES));
    expect(a).toEqual(stageTime(table, outcomes, AS_OF, N));
    expect(b).toEqual(a);
  });

  test("median as Excel's MEDIAN: odd count the middle value, even count the mean of the two middle values", () => {
    const rows = [
      ["A", "B"],
      [d(1, 1), d(1, 2)],
      [d(1, 1), d(1, 8)],
      [d(1, 1), d(1, 4)],
      [d(1, 1), d(1, 31)],
    ];
    expect(stageTime(rows, N, AS_OF, N)[1].slice(4, 6)).toEqual([(3 + 7) / 2, (1 + 7 + 3 + 30) / 4]);
    expect(stageTime(rows.slice(0, 4), N, AS_OF, N)[1].slice(4, 6)).toEqual([3, 11 / 3]);
  });

  test("stays of more than 4,096 days and ages before as_of (negative) are counted exactly", () => {
    const rows = [
      ["A", "B"],
      [d(1, 1), d(1, 1) + 5000],
      [d(1, 1), d(1, 1) + 2],
      [d(1, 1), d(1, 1) + 6000],
      [AS_OF + 10, null],
    ];
    const out = stageTime(rows, N, AS_OF, N);
    expect(out[1][4]).toBe(5000);
    expect(out[1][7]).toBe(-10);
  });

  test("the same day in two columns is a stay of 0 days; the time of day is dropped", () => {
    const out = stageTime(
      [
        ["A", "B"],
        [d(1, 1) + 0.9, d(1, 1) + 0.1],
      ],
      N,
      AS_OF,
      N,
    );
    expect(out[1].slice(4, 6)).toEqual([0, 0]);
  });

  test("zh-CN labels", () => {
    const out = withDisplayLanguage("zh-CN", () => stageTime(table, outcomes, AS_OF, N));
    expect(out[0]).toEqual([
      "阶段",
      "到达数量",
      "推进数量",
      "推进率",
      "停留天数中位数",
      "停留天数平均值",
      "当前停留数量",
      "当前已停留天数中位数",
    ]);
    expect(out[5][0]).toBe("销售周期");
    const zhStages = withDisplayLanguage("zh-CN", () =>
      stageTime(
        [
          ["线索", "赢单"],
          [d(1, 1), d(1, 9)],
        ],
        col("赢单"),
        AS_OF,
        N,
      ),
    );
    expect(zhStages.map((r) => r[0])).toEqual(["阶段", "线索", "赢单", "销售周期"]);
    expect(zhStages[3].slice(1, 6)).toEqual([1, "", "", 8, 8]);
  });
});

describe("STAGETIME errors", () => {
  test("dates going backwards are #VALUE! naming the row and the two stages", () => {
    const rows = [NAMES, [d(1, 1), d(1, 2), null, null], [d(1, 10), null, d(1, 5), null]];
    expectThrows(() => stageTime(rows, N, AS_OF, N), "#VALUE!", "row 3", '"Proposal"', '"Lead"');
    expectThrows(() => stageTime(rows.slice(1), N, AS_OF, row(...NAMES)), "#VALUE!", "row 2", "Proposal", "Lead");
  });

  test('a cell that is not a date is #VALUE! naming it; blank cells (null, "", 0) are blank', () => {
    expectThrows(
      () => stageTime([NAMES, [d(1, 1), "soon", null, null]], N, AS_OF, N),
      "#VALUE!",
      "soon",
      "row 2",
      "Qualified",
    );
    expectThrows(() => stageTime([NAMES, [d(1, 1), -3, null, null]], N, AS_OF, N), "#VALUE!", "-3");
    expectThrows(() => stageTime([NAMES, [d(1, 1), true, null, null]], N, AS_OF, N), "#VALUE!", "TRUE");
    expectThrows(() => stageTime([NAMES, [xlErr("#N/A"), null, null, null]], N, AS_OF, N), "#VALUE!", "#N/A", "Lead");
  });

  test("stage names: blank, duplicate or an error are #VALUE!; stage_names must match the columns", () => {
    expectThrows(
      () =>
        stageTime(
          [
            ["Lead", ""],
            [d(1, 1), null],
          ],
          N,
          AS_OF,
          N,
        ),
      "#VALUE!",
      "blank",
    );
    expectThrows(
      () =>
        stageTime(
          [
            ["Lead", " lead"],
            [d(1, 1), null],
          ],
          N,
          AS_OF,
          N,
        ),
      "#VALUE!",
      "lead",
    );
    expectThrows(() => stageTime([[d(1, 1), null]], N, AS_OF, row("Lead")), "#VALUE!", "stage_names");
  });

  test("outcomes: one per record, known words only", () => {
    expectThrows(() => stageTime(table, col("won"), AS_OF, N), "#VALUE!", "outcomes");
    expectThrows(() => stageTime([NAMES, [d(1, 1), null, null, null]], col("maybe"), AS_OF, N), "#VALUE!", "maybe");
  });

  test("as_of that is not a date is #VALUE!", () => {
    expectThrows(() => stageTime(table, outcomes, "someday", N), "#VALUE!", "as_of");
  });
});
