/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * The tables of winprob.md's examples, written as Excel hands them to the functions (rows of cells, header row first).
 */

/** Odoo's test_predictive_lead_scoring as a sheet, A1:I15. */
export const ODOO_HEADER = ["Lead", "Team", "Stage", "Outcome", "Country", "State", "Email", "Phone", "Source"];
export const ODOO_ROWS: any[][] = [
  ["lead_0", "Team 1", "New", "Lost", "Country 0", "State 0", "None", "None", "Source 0"],
  ["lead_1", "Team 1", "Qualified", "Lost", "Country 1", "State 1", "None", "None", "Source 1"],
  ["lead_2", "Team 1", "Won", "Won", "Country 2", "State 2", "None", "None", "Source 2"],
  ["lead_3", "Team 1", "Qualified", "", "Country 0", "State 1", "None", "None", "Source 2"],
  ["lead_4", "Team 1", "New", "", "Country 1", "State 1", "None", "None", "Source 1"],
  ["lead_5", "Team 2", "Proposition", "Lost", "Country 0", "State 1", "None", "None", "Source 1"],
  ["lead_6", "Team 2", "Qualified", "Lost", "Country 0", "State 1", "None", "None", "Source 2"],
  ["lead_7", "Team 2", "Won", "Won", "Country 0", "State 2", "None", "None", "Source 2"],
  ["lead_8", "Team 2", "Qualified", "", "Country 0", "State 1", "None", "None", "Source 2"],
  ["lead_9", "Team 2", "Qualified", "", "Country 1", "State 0", "None", "None", "Source 1"],
  ["lead_10", "Team 3", "Won", "Won", "Country 1", "State 1", "None", "None", "Source 1"],
  ["lead_11", "Team 3", "New", "Lost", "Country 0", "State 1", "None", "None", "Source 0"],
  ["lead_12", "Team 3", "New", "Lost", "Country 1", "State 2", "None", "None", "Source 2"],
  ["lead_13", "Team 3", "Qualified", "", "Country 0", "State 1", "None", "None", "Source 2"],
];
/** A fresh copy of A1:I15 (tests may change cells). */
export const odooTable = (): any[][] => [ODOO_HEADER.slice(), ...ODOO_ROWS.map((r) => r.slice())];
export const ODOO_FIELDS = [["Country", "State", "Email", "Phone", "Source"]];
export const ODOO_STAGES = [["New"], ["Qualified"], ["Proposition"], ["Won"]];
/** Records (1-based, header row not counted) of the open leads lead_3, lead_4, lead_8, lead_9, lead_13. */
export const ODOO_OPEN = [4, 5, 9, 10, 14];

/** Odoo's test_pls_tooltip_data: one team. */
export const TOOLTIP_TABLE: any[][] = [
  ["Stage", "Outcome", "Country", "State", "Email", "Phone", "Source"],
  ["Won", "won", "c0", "st0", "correct", "correct", "src1"],
  ["Won", "won", "c1", "st0", "correct", "correct", ""],
  ["s0", "lost", "", "", "correct", "incorrect", "src0"],
  ["s0", "lost", "c0", "", "correct", "incorrect", "src0"],
  ["s2", "lost", "", "st1", "correct", "correct", ""],
  ["s1", "", "c0", "st0", "correct", "correct", "src0"],
];
export const TOOLTIP_FIELDS = [["Country", "State", "Email", "Phone", "Source"]];
export const TOOLTIP_STAGES = [["s0", "s1", "s2"]];

/** The Odoo table in Chinese: Chinese headers (团队, 阶段, 结果 …), outcome words and stage names. */
const ZH_STAGE: Record<string, string> = { New: "新建", Qualified: "已确认需求", Proposition: "方案报价", Won: "赢单" };
const ZH_OUTCOME: Record<string, string> = { Lost: "输单", Won: "赢单", "": "" };
export const ODOO_ZH_HEADER = ["线索", "团队", "阶段", "结果", "国家", "省份", "邮箱", "电话", "来源"];
export const odooTableZh = (): any[][] => [
  ODOO_ZH_HEADER.slice(),
  ...ODOO_ROWS.map((r) => [
    r[0],
    r[1].replace("Team", "团队"),
    ZH_STAGE[r[2]],
    ZH_OUTCOME[r[3]],
    r[4].replace("Country", "国家"),
    r[5].replace("State", "省份"),
    "无记录",
    "无记录",
    r[8].replace("Source", "来源"),
  ]),
];
export const ODOO_ZH_FIELDS = [["国家", "省份", "邮箱", "电话", "来源"]];
export const ODOO_ZH_STAGES = [["新建"], ["已确认需求"], ["方案报价"], ["赢单"]];
