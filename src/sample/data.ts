/**
 * The sample workbook's content: about 200 generated leads that look real (company, owner, BANT fields,
 * stage, outcome, dates) in the display language. Deterministic for a given `asOf` date so screenshots and
 * tests are stable, while dates stay relative to "today" so follow-ups are due.
 */
import type { CellValue } from "../excel/types";

export type SampleLang = "en" | "zh";

export interface SampleTable {
  name: string;
  headers: string[];
  rows: CellValue[][];
  numberFormats?: Record<string, string>;
}

export interface SampleContent {
  leads: SampleTable;
  /** Monthly sales totals of the last 30 months (one month without deals): SALES.FORECAST's history. */
  history: SampleTable;
  historyColumns: { month: string; amount: string };
  /** Headers of the Leads columns holding the date each record entered each stage, in stage order. */
  stageEntryColumns: string[];
  rules: SampleTable;
  stages: SampleTable;
  targets: SampleTable;
  /** Annual target, plan start (Excel serial) and average deal size, shown above the Targets table. */
  targetParameters: { annualTarget: number; planStart: number; averageDeal: number };
  /** Header names by role, in the content's language. */
  columns: LeadColumns;
  stageColumns: { stage: string; order: string; probability: string; conversion: string };
  targetColumns: { owner: string; weight: string };
  labels: SampleLabels;
}

export interface LeadColumns {
  company: string;
  industry: string;
  region: string;
  owner: string;
  source: string;
  employees: string;
  budget: string;
  authority: string;
  need: string;
  timeline: string;
  stage: string;
  outcome: string;
  amount: string;
  created: string;
  lastContact: string;
  nextFollowUp: string;
  /** When a closed (won or lost) deal closed; blank while open. */
  closedDate: string;
}

export interface SampleLabels {
  leadsSheet: string;
  rulesSheet: string;
  stagesSheet: string;
  targetsSheet: string;
  dashboardSheet: string;
  dashboardTitle: string;
  winRate: string;
  pipeline: string;
  bottleneck: string;
  funnel: string;
  funnelChart: string;
  targetPlan: string;
  activityPlan: string;
  won: string;
  annualTarget: string;
  planStart: string;
  averageDeal: string;
  historySheet: string;
  attainmentMonth: string;
  actuals: string;
  attainmentGrid: string;
  funnelByRegion: string;
  stageTime: string;
  forecast: string;
  forecastChart: string;
  chartMonth: string;
  chartHistory: string;
  chartForecast: string;
  topDeals: string;
}

const COLUMNS: Record<SampleLang, LeadColumns> = {
  en: {
    company: "Company",
    industry: "Industry",
    region: "Region",
    owner: "Owner",
    source: "Source",
    employees: "Employees",
    budget: "Budget",
    authority: "Authority",
    need: "Need",
    timeline: "Timeline",
    stage: "Stage",
    outcome: "Outcome",
    amount: "Amount",
    created: "Created",
    lastContact: "LastContact",
    nextFollowUp: "NextFollowUp",
    closedDate: "ClosedDate",
  },
  zh: {
    company: "公司",
    industry: "行业",
    region: "地区",
    owner: "负责人",
    source: "来源",
    employees: "员工数",
    budget: "预算",
    authority: "决策人",
    need: "需求",
    timeline: "采购时间",
    stage: "阶段",
    outcome: "结果",
    amount: "金额",
    created: "创建日期",
    lastContact: "最近联系",
    nextFollowUp: "下次跟进",
    closedDate: "成交日期",
  },
};

const LABELS: Record<SampleLang, SampleLabels> = {
  en: {
    leadsSheet: "Leads",
    rulesSheet: "Scoring Rules",
    stagesSheet: "Stages",
    targetsSheet: "Targets",
    dashboardSheet: "Dashboard",
    dashboardTitle: "Sales dashboard",
    winRate: "Win rate",
    pipeline: "Weighted pipeline",
    bottleneck: "Bottleneck",
    funnel: "Funnel",
    funnelChart: "Sales funnel (reached)",
    targetPlan: "Target plan by owner",
    activityPlan: "Activities needed per owner per month",
    won: "Won",
    annualTarget: "Annual target",
    planStart: "Plan start",
    averageDeal: "Average deal size",
    historySheet: "History",
    attainmentMonth: "This month: attainment by owner",
    actuals: "Actual by owner (won deals, by closed date)",
    attainmentGrid: "Attainment: actual ÷ plan",
    funnelByRegion: "Funnel by region (reached)",
    stageTime: "Time in stage (days) and the sales cycle",
    forecast: "Sales forecast: next 12 months (95% bounds)",
    forecastChart: "Monthly sales: history and forecast",
    chartMonth: "Month",
    chartHistory: "Sales",
    chartForecast: "Forecast",
    topDeals: "Open deals most likely to close (win probability and why)",
  },
  zh: {
    leadsSheet: "线索",
    rulesSheet: "评分规则",
    stagesSheet: "销售阶段",
    targetsSheet: "目标",
    dashboardSheet: "仪表板",
    dashboardTitle: "销售仪表板",
    winRate: "赢单率",
    pipeline: "加权管道金额",
    bottleneck: "瓶颈环节",
    funnel: "销售漏斗",
    funnelChart: "销售漏斗（到达数量）",
    targetPlan: "按负责人的目标计划",
    activityPlan: "每位负责人每月所需活动量",
    won: "赢单",
    annualTarget: "年度目标",
    planStart: "计划开始",
    averageDeal: "平均成交额",
    historySheet: "历史销售",
    attainmentMonth: "本月：各负责人完成率",
    actuals: "各负责人实际业绩（赢单，按成交日期）",
    attainmentGrid: "完成率：实际 ÷ 计划",
    funnelByRegion: "分地区销售漏斗（到达数量）",
    stageTime: "各阶段停留天数与销售周期",
    forecast: "销售预测：未来 12 个月（95% 区间）",
    forecastChart: "月度销售额：历史与预测",
    chartMonth: "月份",
    chartHistory: "销售额",
    chartForecast: "预测",
    topDeals: "最可能成交的进行中商机（赢单概率及原因）",
  },
};

/**
 * The sample's table names in each language. Chinese names are valid Excel table names (letters, no spaces,
 * not a cell reference); formulas refer to whatever name the table finally got.
 */
export const TABLE_NAMES: Record<SampleLang, { leads: string; rules: string; stages: string; targets: string }> = {
  en: { leads: "Leads", rules: "ScoringRules", stages: "Stages", targets: "Targets" },
  zh: { leads: "线索", rules: "评分规则", stages: "阶段", targets: "目标" },
};

const STAGES: Record<SampleLang, string[]> = {
  en: ["Lead", "Qualified", "Demo", "Proposal", "Negotiation"],
  zh: ["线索", "已验证", "产品演示", "方案报价", "谈判签约"],
};
const PROBABILITIES = [0.1, 0.25, 0.4, 0.6, 0.8];
const CONVERSIONS = [0.5, 0.6, 0.6, 0.7, 0.6];

const OWNERS: Record<SampleLang, string[]> = {
  en: ["Alice Chen", "Bob Miller", "Carlos Diaz", "Dana Kim", "Evan Patel"],
  zh: ["张伟", "李娜", "王芳", "刘洋", "陈静"],
};
const OWNER_WEIGHTS = [3, 2, 2, 2, 1];
/** Each owner's territory (index into REGIONS): every owner has one region. */
const OWNER_REGION = [2, 0, 1, 3, 4];

const INDUSTRIES: Record<SampleLang, string[]> = {
  en: ["Manufacturing", "Retail", "Healthcare", "Finance", "Logistics", "Education", "Software"],
  zh: ["制造业", "零售", "医疗", "金融", "物流", "教育", "软件"],
};
const REGIONS: Record<SampleLang, string[]> = {
  en: ["North", "South", "East", "West", "Central"],
  zh: ["华北", "华南", "华东", "西部", "华中"],
};
const SOURCES: Record<SampleLang, string[]> = {
  en: ["Website", "Referral", "Trade show", "Cold call", "Partner", "Webinar"],
  zh: ["官网", "转介绍", "展会", "电话拜访", "合作伙伴", "线上研讨会"],
};
const AUTHORITIES: Record<SampleLang, string[]> = {
  en: ["CFO", "CEO", "IT Director", "Procurement manager", "Unknown", ""],
  zh: ["财务总监", "总经理", "IT总监", "采购经理", "未知", ""],
};
const NEEDS: Record<SampleLang, string[]> = {
  en: ["ERP upgrade", "CRM rollout", "Data warehouse", "Replace spreadsheets", "TBD", ""],
  zh: ["需要升级ERP", "上线CRM", "建设数据仓库", "替换手工表格", "待定", ""],
};
const COMPANY_FIRST: Record<SampleLang, string[]> = {
  en: ["North", "Blue", "Summit", "River", "Bright", "Oak", "Silver", "Harbor", "Pioneer", "Granite", "Maple", "Crest"],
  zh: ["杭州", "深圳", "上海", "北京", "成都", "苏州", "南京", "武汉", "广州", "西安", "天津", "厦门"],
};
const COMPANY_SECOND: Record<SampleLang, string[]> = {
  en: ["wind", "stone", "field", "bridge", "point", "line", "gate", "works", "peak", "light"],
  zh: ["云帆", "华信", "恒通", "星河", "博远", "天成", "新锐", "瑞丰", "联创", "汇智"],
};
const COMPANY_KIND: Record<SampleLang, string[]> = {
  en: ["Logistics", "Foods", "Systems", "Health", "Capital", "Retail", "Labs", "Industries"],
  zh: ["科技", "物流", "食品", "医疗器械", "投资", "商贸", "软件", "制造"],
};
const COMPANY_SUFFIX: Record<SampleLang, string[]> = {
  en: ["Inc.", "Ltd.", "Co.", "LLC"],
  zh: ["有限公司", "股份有限公司"],
};

/** Small, fast, seedable PRNG (mulberry32): the same seed always gives the same sample. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Today's date as an Excel serial (1900 system), local time. */
export function todayExcelSerial(now: Date = new Date()): number {
  const utc = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  return Math.round(utc / 86400000) + 25569;
}

export const SAMPLE_LEAD_COUNT = 200;

export function sampleContent(
  lang: SampleLang,
  asOf: number = todayExcelSerial(),
  count = SAMPLE_LEAD_COUNT,
): SampleContent {
  const random = seededRandom(20240601);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const int = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
  const cols = COLUMNS[lang];
  const stages = STAGES[lang];
  const wonWord = lang === "zh" ? "赢单" : "Won";
  const lostWord = lang === "zh" ? "输单" : "Lost";
  const usedCompanies = new Set<string>();

  const companyName = (): string => {
    for (;;) {
      const name =
        lang === "zh"
          ? `${pick(COMPANY_FIRST.zh)}${pick(COMPANY_SECOND.zh)}${pick(COMPANY_KIND.zh)}${pick(COMPANY_SUFFIX.zh)}`
          : `${pick(COMPANY_FIRST.en)}${pick(COMPANY_SECOND.en)} ${pick(COMPANY_KIND.en)} ${pick(COMPANY_SUFFIX.en)}`;
      if (!usedCompanies.has(name)) {
        usedCompanies.add(name);
        return name;
      }
    }
  };

  const rows: CellValue[][] = [];
  // Stage-entry and closed dates come from their own generator, so the other columns stay as they were.
  const dates = seededRandom(20240602);
  const days = (min: number, max: number): number => min + Math.floor(dates() * (max - min + 1));
  for (let i = 0; i < count; i++) {
    const employees = pick([12, 25, 40, 80, 120, 250, 400, 650, 1200, 3000]) + int(0, 9);
    const created = asOf - int(5, 360);
    const lastContact = Math.min(asOf, created + int(0, 120));
    // Later stages are rarer, as in any real funnel.
    const stageRoll = random();
    const stageIndex = stageRoll < 0.34 ? 0 : stageRoll < 0.58 ? 1 : stageRoll < 0.76 ? 2 : stageRoll < 0.9 ? 3 : 4;
    const outcomeRoll = random();
    let outcome = "";
    if (stageIndex >= 2 && outcomeRoll < 0.22 + stageIndex * 0.05) outcome = wonWord;
    else if (outcomeRoll > 0.82) outcome = lostWord;
    const blankStage = stageIndex === 0 && random() < 0.35 && outcome === "";
    const amount = Math.round((employees * int(80, 260)) / 1000) * 1000 + 5000;
    const budgetRoll = random();
    const budget: CellValue =
      budgetRoll < 0.12
        ? ""
        : budgetRoll < 0.2
          ? lang === "zh"
            ? "待定"
            : "TBD"
          : Math.round((amount * (0.6 + random() * 0.8)) / 1000) * 1000;
    const timelineRoll = random();
    const timeline: CellValue =
      timelineRoll < 0.15 ? "" : timelineRoll < 0.22 ? (lang === "zh" ? "未知" : "Unknown") : asOf + int(-30, 200);
    const open = outcome === "";
    const nextFollowUp: CellValue = open ? asOf + int(-21, 30) : "";
    const company = companyName();
    const industry = pick(INDUSTRIES[lang]);
    pick(REGIONS[lang]); // the region follows the owner (below); the draw keeps the sequence of the other columns
    const owner = pick(OWNERS[lang]);
    const region = REGIONS[lang][OWNER_REGION[OWNERS[lang].indexOf(owner)]];
    // The date the record entered each stage it reached: a won deal reached every stage, an open or lost one its
    // stage and those before (a blank stage is the first). Dates never go backwards and never pass today.
    const reached = outcome === wonWord ? stages.length - 1 : stageIndex;
    const entries: CellValue[] = stages.map(() => "");
    let day = created;
    for (let k = 0; k <= reached; k++) {
      if (k > 0) day = Math.min(asOf, day + days(4, 28));
      entries[k] = day;
    }
    const closedDate: CellValue = open ? "" : Math.min(asOf, day + days(3, 30));
    rows.push([
      company,
      industry,
      region,
      owner,
      pick(SOURCES[lang]),
      employees,
      budget,
      pick(AUTHORITIES[lang]),
      pick(NEEDS[lang]),
      timeline,
      blankStage ? "" : stages[stageIndex],
      outcome,
      amount,
      created,
      lastContact,
      nextFollowUp,
      closedDate,
      ...entries,
    ]);
  }
  const stageEntryColumns = stages.map((stage) => (lang === "zh" ? `进入${stage}日期` : `Date entered ${stage}`));

  const dateFormat = "yyyy-mm-dd";
  const leads: SampleTable = {
    name: TABLE_NAMES[lang].leads,
    headers: [
      cols.company,
      cols.industry,
      cols.region,
      cols.owner,
      cols.source,
      cols.employees,
      cols.budget,
      cols.authority,
      cols.need,
      cols.timeline,
      cols.stage,
      cols.outcome,
      cols.amount,
      cols.created,
      cols.lastContact,
      cols.nextFollowUp,
      cols.closedDate,
      ...stageEntryColumns,
    ],
    rows,
    numberFormats: {
      [cols.timeline]: dateFormat,
      [cols.created]: dateFormat,
      [cols.lastContact]: dateFormat,
      [cols.nextFollowUp]: dateFormat,
      [cols.closedDate]: dateFormat,
      ...Object.fromEntries(stageEntryColumns.map((h) => [h, dateFormat])),
      [cols.amount]: "#,##0",
      [cols.budget]: "#,##0",
      [cols.employees]: "#,##0",
    },
  };

  const ruleHeaders =
    lang === "zh"
      ? ["字段", "运算符", "值", "分数", "分组", "上限"]
      : ["Field", "Operator", "Value", "Points", "Group", "Cap"];
  const ruleRows: CellValue[][] =
    lang === "zh"
      ? [
          [cols.employees, "大于等于", 500, 20, "规模", 25],
          [cols.employees, "介于", "100..499", 10, "规模", ""],
          [cols.budget, "大于等于", 100000, 25, "", ""],
          [cols.authority, "属于", "财务总监, 总经理", 15, "", ""],
          [cols.need, "不为空", "", 10, "", ""],
          [cols.source, "属于", "转介绍, 合作伙伴", 15, "", ""],
          [cols.industry, "属于", "制造业, 零售", 5, "", ""],
          [cols.lastContact, "天内", 30, 10, "", ""],
          [cols.lastContact, "超过天数", 90, -15, "", ""],
        ]
      : [
          [cols.employees, ">=", 500, 20, "Size", 25],
          [cols.employees, "between", "100..499", 10, "Size", ""],
          [cols.budget, ">=", 100000, 25, "", ""],
          [cols.authority, "in", "CFO, CEO", 15, "", ""],
          [cols.need, "not blank", "", 10, "", ""],
          [cols.source, "in", "Referral, Partner", 15, "", ""],
          [cols.industry, "in", "Manufacturing, Retail", 5, "", ""],
          [cols.lastContact, "within days", 30, 10, "", ""],
          [cols.lastContact, "older than days", 90, -15, "", ""],
        ];

  const stageColumns =
    lang === "zh"
      ? { stage: "阶段", order: "顺序", probability: "赢单概率", conversion: "转化率" }
      : { stage: "Stage", order: "Order", probability: "Probability", conversion: "Conversion" };
  const stagesTable: SampleTable = {
    name: TABLE_NAMES[lang].stages,
    headers: [stageColumns.stage, stageColumns.order, stageColumns.probability, stageColumns.conversion],
    rows: stages.map((s, i) => [s, i + 1, PROBABILITIES[i], CONVERSIONS[i]]),
    numberFormats: { [stageColumns.probability]: "0%", [stageColumns.conversion]: "0%" },
  };

  const targetColumns = lang === "zh" ? { owner: "负责人", weight: "权重" } : { owner: "Owner", weight: "Weight" };
  const targets: SampleTable = {
    name: TABLE_NAMES[lang].targets,
    headers: [targetColumns.owner, targetColumns.weight],
    rows: OWNERS[lang].map((o, i) => [o, OWNER_WEIGHTS[i]]),
  };

  const historyColumns = lang === "zh" ? { month: "月份", amount: "销售额" } : { month: "Month", amount: "Sales" };
  const history: SampleTable = {
    name: HISTORY_TABLE[lang],
    headers: [historyColumns.month, historyColumns.amount],
    rows: salesHistory(asOf, lang === "zh" ? 5 : 1),
    numberFormats: { [historyColumns.month]: "yyyy-mm", [historyColumns.amount]: "#,##0" },
  };

  return {
    leads,
    history,
    historyColumns,
    stageEntryColumns,
    rules: { name: TABLE_NAMES[lang].rules, headers: ruleHeaders, rows: ruleRows },
    stages: stagesTable,
    targets,
    targetParameters: {
      annualTarget: lang === "zh" ? 12_000_000 : 2_400_000,
      planStart: firstOfYear(asOf),
      averageDeal: lang === "zh" ? 150_000 : 40_000,
    },
    columns: cols,
    stageColumns,
    targetColumns,
    labels: LABELS[lang],
  };
}

/** The sample's monthly history table (not one of the tables `findSample` looks for). */
export const HISTORY_TABLE: Record<SampleLang, string> = { en: "SalesHistory", zh: "销售历史" };
export const HISTORY_MONTHS = 30;

/**
 * 30 months of sales before the current month: a trend (+1.2 % a month), a yearly season (strong Q4 and June, a
 * quiet February), some noise, and one month without deals (blank: SALES.FORECAST completes it).
 */
function salesHistory(asOf: number, scale: number): CellValue[][] {
  const random = seededRandom(20240603);
  const today = new Date((asOf - 25569) * 86400000);
  const season = [0.8, 0.7, 0.95, 1.0, 1.05, 1.2, 0.95, 0.9, 1.05, 1.1, 1.2, 1.4];
  const rows: CellValue[][] = [];
  for (let k = HISTORY_MONTHS; k >= 1; k--) {
    const first = Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - k, 1);
    const month = new Date(first).getUTCMonth();
    const serial = Math.round(first / 86400000) + 25569;
    const trend = 160_000 * Math.pow(1.012, HISTORY_MONTHS - k);
    const value = Math.round((trend * season[month] * (0.94 + random() * 0.12) * scale) / 100) * 100;
    rows.push([serial, k === 17 ? "" : value]);
  }
  return rows;
}

/** First day of the year containing the serial (the plan starts in January). */
function firstOfYear(serial: number): number {
  const date = new Date((serial - 25569) * 86400000);
  return Math.round(Date.UTC(date.getUTCFullYear(), 0, 1) / 86400000) + 25569;
}
