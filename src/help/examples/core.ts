/**
 * One worked example per function of the first release (LEADSCORE … RUNRATE). The numbers were worked out by
 * hand from formulas.md; test/help/examples.test.ts runs each formula through src/functions/functions.ts and
 * requires exactly these results. ACTIVITYPLAN is the spec's own example.
 */
import type { HelpExample } from "./types";

/** Leads in A1:D4, a scoring rule table in F1:I4. */
const LEADS_SHEET: unknown[][] = [
  ["Company", "Budget", "Region", "Email", null, "Field", "Operator", "Value", "Points"],
  ["Acme", 50000, "East", "buyer@acme.com", null, "Budget", ">=", 10000, 30],
  ["Beta", 5000, "West", null, null, "Region", "=", "East", 20],
  ["Cyan", 8000, "East", "info@cyan.cn", null, "Email", "not blank", null, 10],
];
const LEADS = LEADS_SHEET.map((row) => row.slice(0, 4));
const RULES = LEADS_SHEET.map((row) => row.slice(5, 9));

/** Deals in A1:D11 (stage = furthest stage reached), the stage order and probabilities in F1:G5. */
const DEALS_SHEET: unknown[][] = [
  ["Deal", "Stage", "Amount", "Outcome", null, "Stage order", "Probability"],
  ["D-01", "Lead", 1000, "open", null, "Lead", 0.1],
  ["D-02", "Lead", 2000, "lost", null, "Qualified", 0.25],
  ["D-03", "Qualified", 3000, "open", null, "Proposal", 0.5],
  ["D-04", "Qualified", 4000, "lost", null, "Negotiation", 0.8],
  ["D-05", "Qualified", 5000, "open"],
  ["D-06", "Qualified", 6000, "lost"],
  ["D-07", "Negotiation", 7000, "open"],
  ["D-08", "Negotiation", 8000, "won"],
  ["D-09", "Negotiation", 9000, "won"],
  ["D-10", "Negotiation", 10000, "won"],
];
const column = (sheet: unknown[][], index: number, from: number, to: number): unknown[][] =>
  sheet.slice(from - 1, to).map((row) => [row[index] ?? null]);
const STAGES = column(DEALS_SHEET, 1, 2, 11);
const AMOUNTS = column(DEALS_SHEET, 2, 2, 11);
const OUTCOMES = column(DEALS_SHEET, 3, 2, 11);
const STAGE_ORDER = column(DEALS_SHEET, 5, 2, 5);
const PROBABILITIES = column(DEALS_SHEET, 6, 2, 5);

/** Four leads' BANT answers in A1:E4, in both languages' words. */
const BANT_SHEET: unknown[][] = [
  ["Lead", "Budget", "Authority", "Need", "Timeline"],
  ["Acme", 50000, "CFO", "ERP upgrade", "2025-02-15"],
  ["Beta", 8000, "yes", null, "2025-06-30"],
  ["青山贸易", "¥3.5万", "决策人", "需要升级ERP", "是"],
];
const BANT_ARGS = [1, 2, 3, 4].map((c) => column(BANT_SHEET, c, 2, 4));

export const examples: HelpExample[] = [
  {
    id: "LEADSCORE",
    title: { en: "Score three leads with three rules", zh: "用三条规则给三条线索评分" },
    sheet: LEADS_SHEET,
    formula: "=SALES.LEADSCORE(A1:D4, F1:I4)",
    args: [LEADS, RULES, null, null],
    // Acme 30 + 20 + 10; Beta matches nothing (5000 < 10000, West, no email); Cyan 20 + 10.
    result: [[60], [0], [30]],
  },
  {
    id: "SCOREDETAIL",
    title: { en: "Why each lead scored what it did", zh: "查看每条线索的得分依据" },
    sheet: LEADS_SHEET,
    formula: "=SALES.SCOREDETAIL(A1:D4, F1:I4)",
    args: [LEADS, RULES, null, null],
    result: [
      ["Budget >= 10000 (+30); Region = East (+20); Email not blank (+10)"],
      [""],
      ["Region = East (+20); Email not blank (+10)"],
    ],
  },
  {
    id: "LEADGRADE",
    title: { en: "Grade scores with your own thresholds and labels", zh: "用自定义阈值和标签给分数分级" },
    sheet: [["Score"], [92], [75], [60], [15]],
    formula: '=SALES.LEADGRADE(A2:A5, {90,60}, {"Hot","Warm","Cold"})',
    args: [[[92], [75], [60], [15]], [[90, 60]], [["Hot", "Warm", "Cold"]]],
    // 92 ≥ 90 → Hot; 75 and 60 reach 60 → Warm; 15 reaches neither → the last label.
    result: [["Hot"], ["Warm"], ["Warm"], ["Cold"]],
  },
  {
    id: "ABCCLASS",
    title: { en: "Pareto classes for five customers", zh: "五个客户的 ABC 分类" },
    sheet: [
      ["Customer", "Revenue"],
      ["North", 100],
      ["East", 500],
      ["South", 40],
      ["West", 300],
      ["Central", 60],
    ],
    formula: "=SALES.ABCCLASS(B2:B6)",
    args: [[[100], [500], [40], [300], [60]], null, null],
    // Total 1000. Ranked: East (share before it 0) A, West (0.5) A, North (0.8) B, Central (0.9) B, South (0.96) C.
    result: [["B"], ["A"], ["C"], ["A"], ["B"]],
  },
  {
    id: "BANT",
    title: { en: "Qualified when at least 3 of 4 criteria are met", zh: "满足 4 项中至少 3 项即为合格" },
    sheet: BANT_SHEET,
    formula: '=SALES.BANT(B2:B4, C2:C4, D2:D4, E2:E4, 10000, 90, 3, "2025-01-01")',
    args: [...BANT_ARGS, 10000, 90, 3, "2025-01-01"],
    // Acme meets all 4 (45 days out); Beta only Authority (8000 < 10000, no need, 180 days out); 青山贸易 all 4.
    result: [[true], [false], [true]],
  },
  {
    id: "BANTSCORE",
    title: { en: "How many criteria each lead meets", zh: "每条线索满足几项标准" },
    sheet: BANT_SHEET,
    formula: '=SALES.BANTSCORE(B2:B4, C2:C4, D2:D4, E2:E4, 10000, 90, , "2025-01-01")',
    args: [...BANT_ARGS, 10000, 90, null, "2025-01-01"],
    result: [[4], [1], [4]],
  },
  {
    id: "BANTMISSING",
    title: { en: "Which criteria are missing", zh: "缺少哪几项标准" },
    sheet: BANT_SHEET,
    formula: '=SALES.BANTMISSING(B2:B4, C2:C4, D2:D4, E2:E4, 10000, 90, , "2025-01-01")',
    args: [...BANT_ARGS, 10000, 90, null, "2025-01-01"],
    result: [[""], ["B,N,T"], [""]],
  },
  {
    id: "FUNNEL",
    title: { en: "A funnel report with outcomes and amounts", zh: "含结果和金额的漏斗报表" },
    sheet: DEALS_SHEET,
    formula: "=SALES.FUNNEL(B2:B11, F2:F5, C2:C11, D2:D11)",
    args: [STAGES, STAGE_ORDER, AMOUNTS, OUTCOMES, null],
    // Won deals reach every stage: Reached = 10, 8, 4, 4 and 3 won.
    result: [
      ["Stage", "Count", "Reached", "Step conversion", "Cumulative conversion", "Lost", "Amount"],
      ["Lead", 1, 10, "", 1, 1, 1000],
      ["Qualified", 2, 8, 0.8, 0.8, 2, 8000],
      ["Proposal", 0, 4, 0.5, 0.4, 0, 0],
      ["Negotiation", 1, 4, 1, 0.4, 0, 7000],
      ["Won", 3, 3, 0.75, 0.3, "", 27000],
    ],
  },
  {
    id: "CONVERSION",
    title: { en: "From Qualified to Won", zh: "从“Qualified”到赢单的转化率" },
    sheet: DEALS_SHEET,
    formula: '=SALES.CONVERSION(B2:B11, F2:F5, "Qualified", "Won", D2:D11)',
    args: [STAGES, STAGE_ORDER, "Qualified", "Won", OUTCOMES],
    // 3 won of the 8 deals that reached Qualified.
    result: 0.375,
  },
  {
    id: "BOTTLENECK",
    title: { en: "The weakest step of the funnel", zh: "漏斗中最薄弱的一步" },
    sheet: DEALS_SHEET,
    formula: "=SALES.BOTTLENECK(B2:B11, F2:F5, D2:D11)",
    args: [STAGES, STAGE_ORDER, OUTCOMES],
    // Step conversions 0.8, 0.5, 1, 0.75: the lowest is Qualified → Proposal.
    result: "Qualified → Proposal",
  },
  {
    id: "WINRATE",
    title: { en: "Win rate of the closed deals", zh: "已关闭商机的赢单率" },
    sheet: DEALS_SHEET,
    formula: "=SALES.WINRATE(D2:D11)",
    args: [OUTCOMES],
    // 3 won, 3 lost, 4 open (ignored).
    result: 0.5,
  },
  {
    id: "PIPELINE",
    title: { en: "Weighted pipeline of the open deals", zh: "未关闭商机的加权管道金额" },
    sheet: DEALS_SHEET,
    formula: "=SALES.PIPELINE(B2:B11, C2:C11, F2:F5, G2:G5, D2:D11)",
    args: [STAGES, AMOUNTS, STAGE_ORDER, PROBABILITIES, OUTCOMES],
    // Open deals: 1000 × 0.1 + 3000 × 0.25 + 5000 × 0.25 + 7000 × 0.8.
    result: 7700,
  },
  {
    id: "SPLIT",
    title: { en: "Split 1,000 over weights 3 : 2 : 2 exactly", zh: "按 3:2:2 精确拆分 1000" },
    sheet: [
      ["Rep", "Weight"],
      ["Ann", 3],
      ["Bo", 2],
      ["Cy", 2],
    ],
    formula: "=SALES.SPLIT(1000, B2:B4)",
    args: [1000, [[3], [2], [2]], null],
    // Shares 428.57, 285.71, 285.71: floors sum to 998; the two largest remainders get one unit each.
    result: [[428], [286], [286]],
  },
  {
    id: "TARGETPLAN",
    title: {
      en: "Quarterly targets for two reps, heavier fourth quarter",
      zh: "两名销售的季度目标（第四季度权重加倍）",
    },
    sheet: [
      ["Owner", "Weight"],
      ["Ann", 3],
      ["Bo", 1],
    ],
    formula: '=SALES.TARGETPLAN(1200000, "2025-01-01", "Q", {1,1,1,1,1,1,1,1,1,2,2,2}, A2:A3, B2:B3)',
    args: [
      1200000,
      "2025-01-01",
      "Q",
      [[1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2]],
      [["Ann"], ["Bo"]],
      [[3], [1]],
      null,
      null,
      null,
    ],
    // Month weights sum to 15: 80,000 a month, 160,000 in Oct–Dec; Ann gets 3/4 of every quarter.
    result: [
      ["Period", "Ann", "Bo", "Total"],
      ["Q1", 180000, 60000, 240000],
      ["Q2", 180000, 60000, 240000],
      ["Q3", 180000, 60000, 240000],
      ["Q4", 360000, 120000, 480000],
      ["Total", 900000, 300000, 1200000],
    ],
  },
  {
    id: "ACTIVITYPLAN",
    title: { en: "Records needed per stage for a 1.2 M target", zh: "完成 120 万目标每个阶段需要多少记录" },
    formula: "=SALES.ACTIVITYPLAN(1200000, 50000, {0.5;0.4;0.6})",
    args: [1200000, 50000, [[0.5], [0.4], [0.6]], null, null],
    // 24 won deals; 24 ÷ 0.6 = 40; 40 ÷ 0.4 = 100; 100 ÷ 0.5 = 200 (formulas.md's own example).
    result: [[200], [100], [40], [24]],
  },
  {
    id: "COMMISSION",
    title: { en: "Marginal commission on three sales and a refund", zh: "三笔销售和一笔退款的累进提成" },
    sheet: [
      ["Amount", null, "Threshold", "Rate"],
      [8000, null, 0, 0.05],
      [30000, null, 10000, 0.08],
      [60000, null, 50000, 0.12],
      [-5000],
    ],
    formula: "=SALES.COMMISSION(A2:A5, C1:D4)",
    args: [
      [[8000], [30000], [60000], [-5000]],
      [
        ["Threshold", "Rate"],
        [0, 0.05],
        [10000, 0.08],
        [50000, 0.12],
      ],
      null,
    ],
    // 30000: 10000 × 5% + 20000 × 8%; 60000: 500 + 40000 × 8% + 10000 × 12%; a refund earns the negative.
    result: [[400], [2100], [4900], [-250]],
  },
  {
    id: "RUNRATE",
    title: { en: "Where January ends at the pace of its first 10 days", zh: "按 1 月前 10 天的进度推算全月" },
    formula: '=SALES.RUNRATE(45000, "2025-01-01", "2025-01-31", "2025-01-10")',
    args: [45000, "2025-01-01", "2025-01-31", "2025-01-10"],
    // 45000 × 31 days ÷ 10 elapsed days.
    result: 139500,
  },
];
