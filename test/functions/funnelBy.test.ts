/* eslint-disable @typescript-eslint/no-explicit-any */
import { funnel, funnelBy } from "../../src/functions/functions";
import { col, expectTable, expectThrows, row, withDisplayLanguage, xlErr } from "./helpers";

const N = null as any;
const ORDER = col("Lead", "Qualified", "Proposal");

// stage, group, outcome — how each counts is worked out in the tables below.
const DEALS: [unknown, unknown, unknown][] = [
  ["Lead", "North", "open"], // 1
  ["Qualified", "North", "lost"], // 2
  ["Proposal", "North", "open"], // 3
  ["Lead", "South", "open"], // 4
  ["", "South", "won"], // 5: won with a blank stage: read, reaches every stage
  ["", "East", "open"], // 6: blank stage, not won: not read, so East does not appear here first
  ["Proposal", "West", "赢单"], // 7: won
  ["Negotiation", "North", "open"], // 8: not in stage_order → (unmatched)
  ["Lead", "East", "lost"], // 9: East's first read record
  ["Qualified", "", "open"], // 10: blank group → (blank)
  ["Qualified", 0, "lost"], // 11: 0 is blank in a text-only field
  ["qualified ", " north", null], // 12: text equality for stage and group; open
];
const stages = col(...DEALS.map((d) => d[0]));
const groups = col(...DEALS.map((d) => d[1]));
const outcomes = col(...DEALS.map((d) => d[2]));
const HEADER = ["Stage", "North", "South", "West", "East", "(blank)", "Total"];
// Reached per group (Lead, Qualified, Proposal, Won): North 4,3,1,0 · South 2,1,1,1 · West 1,1,1,1 · East 1,0,0,0 ·
// (blank) 2,2,0,0 · Total 10,7,3,2.

describe("FUNNELBY: FUNNEL's column per group", () => {
  test("cumulative conversion (default): groups in order of first appearance among read records", () => {
    expectTable(funnelBy(stages, ORDER, groups, outcomes, N, N), [
      HEADER,
      ["Lead", 1, 1, 1, 1, 1, 1],
      ["Qualified", 3 / 4, 1 / 2, 1, 0, 1, 7 / 10],
      ["Proposal", 1 / 4, 1 / 2, 1, 0, 0, 3 / 10],
      ["Won", 0, 1 / 2, 1, 0, 0, 2 / 10],
      ["(unmatched)", 1, 0, 0, 0, 0, 1],
    ]);
  });

  test("step conversion: blank on the first stage and after a stage nobody reached", () => {
    expectTable(funnelBy(stages, ORDER, groups, outcomes, "step", N), [
      HEADER,
      ["Lead", "", "", "", "", "", ""],
      ["Qualified", 3 / 4, 1 / 2, 1, 0, 1, 7 / 10],
      ["Proposal", 1 / 3, 1, 1, "", 0, 3 / 7],
      ["Won", 0, 1, 1, "", "", 2 / 3],
      ["(unmatched)", 1, 0, 0, 0, 0, 1],
    ]);
  });

  test("reached", () => {
    expectTable(funnelBy(stages, ORDER, groups, outcomes, "Reached", N), [
      HEADER,
      ["Lead", 4, 2, 1, 1, 2, 10],
      ["Qualified", 3, 1, 1, 0, 2, 7],
      ["Proposal", 1, 1, 1, 0, 0, 3],
      ["Won", 0, 1, 1, 0, 0, 2],
      ["(unmatched)", 1, 0, 0, 0, 0, 1],
    ]);
  });

  test("count (open records at the stage)", () => {
    expectTable(funnelBy(stages, ORDER, groups, outcomes, "count", N), [
      HEADER,
      ["Lead", 1, 1, 0, 0, 0, 2],
      ["Qualified", 1, 0, 0, 0, 1, 2],
      ["Proposal", 1, 0, 0, 0, 0, 1],
      ["Won", 0, 1, 1, 0, 0, 2],
      ["(unmatched)", 1, 0, 0, 0, 0, 1],
    ]);
  });

  test("lost; the Won row is blank as in FUNNEL", () => {
    expectTable(funnelBy(stages, ORDER, groups, outcomes, "流失数量", N), [
      HEADER,
      ["Lead", 0, 0, 0, 1, 0, 1],
      ["Qualified", 1, 0, 0, 0, 1, 2],
      ["Proposal", 0, 0, 0, 0, 0, 0],
      ["Won", "", "", "", "", "", ""],
      ["(unmatched)", 1, 0, 0, 0, 0, 1],
    ]);
  });

  test.each([
    ["cumulative", 4],
    ["step", 3],
    ["reached", 2],
    ["count", 1],
    ["lost", 5],
  ])("Total of %s is FUNNEL's own column", (measure, column) => {
    const out = funnelBy(stages, ORDER, groups, outcomes, measure, N);
    const f = funnel(stages, ORDER, N, outcomes, false);
    const total = out.slice(1).map((r) => r[r.length - 1]);
    const expected = f.map((r) => (r[0] === "(unmatched)" ? r[1] : r[column]));
    expect(total).toEqual(expected);
  });

  test("group_order: listed groups first (also without records), then (other), then (blank)", () => {
    expectTable(funnelBy(stages, ORDER, groups, outcomes, "reached", col("West", "NORTH", "", "Central")), [
      ["Stage", "West", "NORTH", "Central", "(other)", "(blank)", "Total"],
      // (other) = South + East: Lead 2 + 1, Qualified 1 + 0, Proposal 1 + 0, Won 1 + 0
      ["Lead", 1, 4, 0, 3, 2, 10],
      ["Qualified", 1, 3, 0, 1, 2, 7],
      ["Proposal", 1, 1, 0, 1, 0, 3],
      ["Won", 1, 0, 0, 1, 0, 2],
      ["(unmatched)", 0, 1, 0, 0, 0, 1],
    ]);
    const cumulative = funnelBy(stages, ORDER, groups, outcomes, N, col("West", "North", "Central"));
    expect(cumulative[2][3]).toBe(""); // Central reached nobody: its conversions are blank
    expect(cumulative[2][4]).toBeCloseTo(1 / 3, 12);
  });

  test("without outcomes: no Won row; a blank stage is never read", () => {
    expectTable(
      funnelBy(col("Lead", "Qualified", "", "Lead", "Other"), ORDER, col("A", "B", "C", "B", "A"), N, "count", N),
      [
        ["Stage", "A", "B", "Total"],
        ["Lead", 1, 1, 2],
        ["Qualified", 0, 1, 1],
        ["Proposal", 0, 0, 0],
        ["(unmatched)", 1, 0, 1],
      ],
    );
  });

  test("no (unmatched) row when every stage is known; group names shown as first written", () => {
    const out = funnelBy(col("Lead", "Lead"), ORDER, col(" 华东 ", "华东"), N, "reached", N);
    expectTable(out, [
      ["Stage", "华东", "Total"],
      ["Lead", 2, 2],
      ["Qualified", 0, 0],
      ["Proposal", 0, 0],
    ]);
  });

  test("rows and columns: stages as a row, groups as a column", () => {
    const out = funnelBy(row("Lead", "Qualified"), row("Lead", "Qualified"), col("N", "S"), N, "reached", N);
    expectTable(out, [
      ["Stage", "N", "S", "Total"],
      ["Lead", 1, 1, 2],
      ["Qualified", 0, 1, 1],
    ]);
  });
});

describe("FUNNELBY labels and errors", () => {
  test("zh-CN labels: 阶段, 赢单, (未匹配), (其他), (空白), 合计; Chinese measure words", () => {
    const out = withDisplayLanguage("zh-CN", () =>
      funnelBy(stages, ORDER, groups, outcomes, "阶段转化率", col("North")),
    );
    expect(out[0]).toEqual(["阶段", "North", "(其他)", "(空白)", "合计"]);
    expect(out[4][0]).toBe("赢单");
    expect(out[5][0]).toBe("(未匹配)");
    expect(out[2][1]).toBe(3 / 4);
  });

  test("an unknown measure is #VALUE! naming it; lost without outcomes is #VALUE!", () => {
    expectThrows(() => funnelBy(stages, ORDER, groups, outcomes, "velocity", N), "#VALUE!", "velocity");
    expectThrows(() => funnelBy(stages, ORDER, groups, N, "lost", N), "#VALUE!", "lost", "outcomes");
  });

  test("groups must have one cell per record; duplicate group_order is #VALUE!", () => {
    expectThrows(() => funnelBy(stages, ORDER, col("A"), outcomes, N, N), "#VALUE!", "groups");
    expectThrows(() => funnelBy(stages, ORDER, groups, outcomes, N, col("North", "north ")), "#VALUE!", "north");
  });

  test("an error in a read record's group is #VALUE! naming it; a record FUNNEL ignores is not read", () => {
    expectThrows(
      () => funnelBy(col("Lead", "Lead"), ORDER, col("A", xlErr("#N/A")), N, N, N),
      "#VALUE!",
      "#N/A",
      "cell 2",
    );
    const out = funnelBy(col("Lead", ""), ORDER, col("A", xlErr("#N/A")), N, "reached", N);
    expect(out[0]).toEqual(["Stage", "A", "Total"]);
  });

  test("FUNNEL's own errors: unknown outcome, duplicate stage in stage_order", () => {
    expectThrows(() => funnelBy(stages, ORDER, groups, col(...DEALS.map(() => "maybe")), N, N), "#VALUE!", "maybe");
    expectThrows(() => funnelBy(stages, col("Lead", "lead"), groups, outcomes, N, N), "#VALUE!", "lead");
  });
});
