/**
 * Shared bench data: 15-field leads (clean or as messy as real sheets) and the 20-rule scoring table, with each
 * rule's equivalent native formula term for the HyperFormula comparison.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { seededRandom as prng } from "../src/sample/data";

export const AS_OF = 45838; // 2025-07-01

// Lead data: 15 fields. `plain` keeps values that a native Excel formula compares the same way (lower-case ASCII,
// no blanks, no numeric text); otherwise the data is as messy as real sheets (Chinese words, "¥3.5万", blanks).
export const FIELDS = [
  "Company",
  "Industry",
  "Region",
  "Source",
  "Employees",
  "Budget",
  "Visits",
  "Downloads",
  "Opted in",
  "Last contact",
  "Created",
  "Title",
  "Fit",
  "Country",
  "Stage",
];

export function makeLeads(n: number, plain: boolean, seed: number): any[][] {
  const rnd = prng(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)];
  const industries = plain
    ? ["retail", "finance", "energy", "manufacturing", "health"]
    : ["Retail", "Finance", "Energy", "制造业", "零售", " Health "];
  const regions = plain ? ["north", "south", "east", "west"] : ["North", "South", "华东", "华北", "West"];
  const sources = plain
    ? ["referral", "ads", "cold call", "event", "web"]
    : ["Referral", "Ads", "Cold call", "展会", "Web"];
  const opted = plain ? ["yes", "no"] : [true, false, "是", "否", "yes", ""];
  const titles = plain
    ? ["cfo", "vp sales", "manager", "engineer", "cto"]
    : ["CFO", "VP Sales", "Manager", "Engineer", "CTO", "总经理"];
  const countries = plain ? ["china", "usa", "germany", "japan"] : ["China", "USA", "中国", "Germany"];
  const stages = plain
    ? ["lead", "qualified", "proposal", "negotiation"]
    : ["Lead", "Qualified", "Proposal", "谈判签约"];
  const rows: any[][] = new Array(n + 1);
  rows[0] = FIELDS;
  for (let i = 1; i <= n; i++) {
    const employees = 1 + Math.floor(rnd() * 3000);
    const budget = Math.round(rnd() * 120000);
    rows[i] = [
      `co${i}`,
      pick(industries),
      pick(regions),
      pick(sources),
      !plain && rnd() < 0.05 ? employees.toLocaleString("en-US") : employees,
      plain ? budget : rnd() < 0.05 ? pick(["¥3.5万", "50k", "", "1,200"]) : budget,
      Math.floor(rnd() * 12),
      Math.floor(rnd() * 5),
      pick(opted as any[]),
      AS_OF - Math.floor(rnd() * 400),
      AS_OF - Math.floor(rnd() * 900),
      pick(titles),
      Math.round(rnd() * 100),
      pick(countries),
      pick(stages),
    ];
  }
  return rows;
}

// 20 rules. Each carries the equivalent native formula term for row r (columns A..O of the Data sheet).
export type Rule = [string, string, unknown, number, string, unknown, (r: number) => string];
export const RULES: Rule[] = [
  ["Industry", "=", "retail", 10, "", "", (r) => `(B${r}="retail")*10`],
  ["Industry", "in", "finance, energy", 6, "", "", (r) => `((B${r}="finance")+(B${r}="energy")>0)*6`],
  ["Region", "<>", "north", 3, "", "", (r) => `(C${r}<>"north")*3`],
  ["Source", "=", "referral", 12, "", "", (r) => `(D${r}="referral")*12`],
  ["Source", "not in", "ads|cold call", 2, "", "", (r) => `(1-((D${r}="ads")+(D${r}="cold call")>0))*2`],
  ["Employees", ">=", 500, 15, "", "", (r) => `(E${r}>=500)*15`],
  ["Employees", "between", "50..499", 8, "", "", (r) => `(E${r}>=50)*(E${r}<=499)*8`],
  ["Budget", ">", 50000, 20, "", "", (r) => `(F${r}>50000)*20`],
  ["Budget", "<=", 5000, -10, "", "", (r) => `(F${r}<=5000)*(-10)`],
  ["Visits", ">", 5, 5, "engagement", 20, (r) => `(G${r}>5)*5`],
  ["Downloads", ">=", 2, 8, "engagement", "", (r) => `(H${r}>=2)*8`],
  ["Opted in", "=", "yes", 4, "engagement", "", (r) => `(I${r}="yes")*4`],
  ["Last contact", "within days", 30, 10, "", "", (r) => `(${AS_OF}-J${r}>=0)*(${AS_OF}-J${r}<=30)*10`],
  ["Last contact", "older than days", 180, -15, "", "", (r) => `(${AS_OF}-J${r}>180)*(-15)`],
  ["Title", "contains", "vp", 10, "", "", (r) => `ISNUMBER(SEARCH("vp",L${r}))*10`],
  ["Title", "starts with", "c", 12, "", "", (r) => `(LEFT(L${r},1)="c")*12`],
  ["Fit", "<", 20, -5, "", "", (r) => `(M${r}<20)*(-5)`],
  ["Country", "=", "china", 3, "", "", (r) => `(N${r}="china")*3`],
  ["Stage", "<>", "lead", 5, "", "", (r) => `(O${r}<>"lead")*5`],
  ["Created", "older than days", 365, 2, "", "", (r) => `(${AS_OF}-K${r}>365)*2`],
];
export const RULE_TABLE = [
  ["Field", "Operator", "Value", "Points", "Group", "Cap"],
  ...RULES.map((r) => r.slice(0, 6)),
];
export const ENGAGEMENT = RULES.map((r, i) => [r, i] as const).filter(([r]) => r[4] === "engagement");
