/**
 * Worked examples for "where the team stands" (formulas.md §6–§8): ACTUALS beside a plan, ATTAINMENT of a month with
 * China's National Day holidays and a make-up Saturday, FUNNELBY by region, STAGETIME with the Cycle row.
 * Every number in `result` is worked out in the comment above it.
 */
import type { HelpExample } from "./types";

/** Cells `first`…`last` (1-based rows) of sheet column `letter`, as the n×1 range Excel hands over. */
function range(sheet: unknown[][], letter: string, first: number, last: number): unknown[][] {
  const c = letter.charCodeAt(0) - 65;
  const out: unknown[][] = [];
  for (let r = first; r <= last; r++) out.push([sheet[r - 1][c] ?? null]);
  return out;
}

// ---- ACTUALS: the results of a year, by quarter and owner, in TARGETPLAN's layout ----
const DEALS = [
  ["Deal", "Amount", "Won date", "Owner", "Outcome"],
  ["D-1", 12000, "2025-01-20", "Ann", "Won"],
  ["D-2", 8000, "2025-02-14", "Bob", "Won"],
  ["D-3", 5000, "2025-03-03", "Ann", "Lost"],
  ["D-4", 15000, "2025-05-09", "Bob", "Won"],
  ["D-5", 7000, "2025-08-30", "Cy", "Won"],
  ["D-6", 3000, "2024-12-28", "Ann", "Won"],
];

// ---- ATTAINMENT: October 2025 in China — Oct 1–8 off (National Day), Saturday Oct 11 worked ----
// Columns A–E the deals, G–H the targets, J the holidays, K the make-up day.
const OCTOBER = [
  ["交易", "金额", "日期", "负责人", "结果", null, "负责人", "目标", null, "节假日", "调休"],
  ["S-1", 30000, "2025-10-09", "张三", "赢单", null, "张三", 90000, null, "2025-10-01", "2025-10-11"],
  ["S-2", 12000, "2025-10-16", "张三", "赢单", null, "李四", 45000, null, "2025-10-02", null],
  ["S-3", 9000, "2025-10-14", "张三", "输单", null, "王五", null, null, "2025-10-03", null],
  ["S-4", 18500, "2025-10-10", "李四", "赢单", null, null, null, null, "2025-10-06", null],
  ["S-5", 5000, "2025-10-13", "王五", "赢单", null, null, null, null, "2025-10-07", null],
  ["S-6", 2000, "2025-10-15", "赵六", "赢单", null, null, null, null, "2025-10-08", null],
  ["S-7", 7000, "2025-09-30", "李四", "赢单", null, null, null, null, null, null],
];

// ---- FUNNELBY: the funnel of each region side by side ----
const REGIONS = [
  ["Stage", "Region", "Outcome"],
  ["Lead", "East", "Open"],
  ["Qualified", "East", "Open"],
  ["Proposal", "East", "Lost"],
  ["Lead", "West", "Open"],
  ["Proposal", "West", "Won"],
  ["Qualified", "West", "Open"],
  ["Lead", "East", "Lost"],
  [null, "West", "Won"],
];

// ---- STAGETIME: days in each stage from "date entered" columns, the won date in its own column ----
const STAGE_DATES = [
  ["Lead", "Qualified", "Proposal", "Won", "Outcome"],
  ["2025-03-01", "2025-03-11", "2025-03-25", "2025-04-14", "Won"],
  ["2025-03-05", "2025-03-20", null, null, "Lost"],
  ["2025-04-01", "2025-04-08", "2025-04-29", null, "Open"],
  ["2025-05-02", null, null, null, "Open"],
  ["2025-03-10", "2025-03-16", "2025-04-06", "2025-05-06", "Won"],
];

export const examples: HelpExample[] = [
  {
    id: "ACTUALS",
    title: {
      en: "Won results by quarter and owner, laid out like TARGETPLAN (Cy is not in the owner list; D-6 is before the plan)",
      zh: "按季度和负责人汇总赢单业绩，版式与 TARGETPLAN 一致（Cy 不在负责人列表中；D-6 早于计划期）",
    },
    sheet: DEALS,
    formula: '=SALES.ACTUALS(B2:B7, C2:C7, "2025-01-01", "Q", D2:D7, {"Ann","Bob"}, E2:E7)',
    args: [
      range(DEALS, "B", 2, 7),
      range(DEALS, "C", 2, 7),
      "2025-01-01",
      "Q",
      range(DEALS, "D", 2, 7),
      [["Ann", "Bob"]],
      range(DEALS, "E", 2, 7),
      null,
      null,
    ],
    // Q1: D-1 Ann 12000, D-2 Bob 8000 (D-3 is lost); Q2: D-4 Bob 15000; Q3: D-5 Cy 7000 → (other).
    // D-6 (2024-12-28) is outside the plan year → (outside).
    result: [
      ["Period", "Ann", "Bob", "(other)", "Total"],
      ["Q1", 12000, 8000, 0, 20000],
      ["Q2", 0, 15000, 0, 15000],
      ["Q3", 0, 0, 7000, 7000],
      ["Q4", 0, 0, 0, 0],
      ["Total", 12000, 23000, 7000, 42000],
      ["(outside)", 3000, 0, 0, 3000],
    ],
  },
  {
    id: "ATTAINMENT",
    title: {
      en: "October 2025 in China, as of Friday Oct 17: National Day holidays and the make-up Saturday set the straight line",
      zh: "2025 年 10 月、截至 10 月 17 日（星期五）的目标完成情况：国庆假期和调休补班的星期六决定了应完成进度",
    },
    lang: "zh",
    sheet: OCTOBER,
    formula:
      '=SALES.ATTAINMENT(G2:H4, B2:B8, C2:C8, "2025-10-01", "2025-10-31", D2:D8, E2:E8, "2025-10-17", J2:J7, K2)',
    args: [
      [
        ["张三", 90000],
        ["李四", 45000],
        ["王五", null],
      ],
      range(OCTOBER, "B", 2, 8),
      range(OCTOBER, "C", 2, 8),
      "2025-10-01",
      "2025-10-31",
      range(OCTOBER, "D", 2, 8),
      range(OCTOBER, "E", 2, 8),
      "2025-10-17",
      range(OCTOBER, "J", 2, 7),
      [["2025-10-11"]],
      null,
    ],
    // W = 23 weekdays − 6 holidays + Saturday Oct 11 = 18; E (Oct 1–17) = 13 − 6 + 1 = 8.
    // 张三: 30000 + 12000 (S-3 is lost) = 42000; Expected 90000 × 8 ÷ 18 = 40000 → 正常; Projected 42000 × 18 ÷ 8 = 94500.
    // 李四: 18500 (S-7 is in September); Expected 20000; 18500 ≥ 20000 × 0.9 → 预警; Projected 41625.
    // 王五 has no target; 赵六 is not in the targets → (其他). Total: 135000 and 67500.
    result: [
      ["负责人", "目标", "实际", "完成率", "差额", "应完成", "进度", "状态", "预计", "排名"],
      ["张三", 90000, 42000, 42000 / 90000, 48000, 40000, 1.05, "正常", 94500, 1],
      ["李四", 45000, 18500, 18500 / 45000, 26500, 20000, 0.925, "预警", 41625, 2],
      ["王五", "", 5000, "", "", "", "", "未设目标", "", ""],
      ["(其他)", "", 2000, "", "", "", "", "", "", ""],
      ["合计", 135000, 67500, 0.5, 67500, 60000, 1.125, "正常", 151875, ""],
    ],
  },
  {
    id: "FUNNELBY",
    title: {
      en: "Cumulative conversion by region; Total is SALES.FUNNEL's own column",
      zh: "按区域的累计转化率；合计列等于 SALES.FUNNEL 的该列",
    },
    sheet: REGIONS,
    formula: '=SALES.FUNNELBY(A2:A9, {"Lead";"Qualified";"Proposal"}, B2:B9, C2:C9)',
    args: [
      range(REGIONS, "A", 2, 9),
      [["Lead"], ["Qualified"], ["Proposal"]],
      range(REGIONS, "B", 2, 9),
      range(REGIONS, "C", 2, 9),
      null,
      null,
    ],
    // East reached Lead 4, Qualified 2, Proposal 1, Won 0. West: two won (one with a blank stage) reach every stage:
    // Lead 4, Qualified 3, Proposal 2, Won 2. Total: 8, 5, 3, 2.
    result: [
      ["Stage", "East", "West", "Total"],
      ["Lead", 1, 1, 1],
      ["Qualified", 0.5, 0.75, 0.625],
      ["Proposal", 0.25, 0.5, 0.375],
      ["Won", 0, 0.5, 0.25],
    ],
  },
  {
    id: "STAGETIME",
    title: {
      en: "Days in each stage and the sales cycle of won deals, as of 2025-06-30",
      zh: "截至 2025-06-30 各阶段的停留天数和赢单的销售周期",
    },
    sheet: STAGE_DATES,
    formula: '=SALES.STAGETIME(A1:D6, E2:E6, "2025-06-30")',
    args: [STAGE_DATES.map((r) => r.slice(0, 4)), range(STAGE_DATES, "E", 2, 6), "2025-06-30", null],
    // Lead → next dated stage: 10, 15, 7, 6 days → median 8.5, mean 9.5. Qualified: 14, 21, 21. Proposal: 20, 30.
    // Open: the 4th deal at Lead since May 2 (59 days), the 3rd at Proposal since Apr 29 (62 days).
    // Cycle of the two won deals: 44 and 57 days.
    result: [
      ["Stage", "Reached", "Moved on", "Conversion", "Median days", "Mean days", "Open", "Median age"],
      ["Lead", 5, 4, 0.8, 8.5, 9.5, 1, 59],
      ["Qualified", 4, 3, 0.75, 21, 56 / 3, 0, ""],
      ["Proposal", 3, 2, 2 / 3, 25, 25, 1, 62],
      ["Won", 2, 2, 1, "", "", 0, ""],
      ["Cycle", 2, "", "", 50.5, 50.5, "", ""],
    ],
  },
];
