import * as fs from "fs";
import * as path from "path";
import type { TableInfo } from "../../src/excel/types";
import { chooseTables, detectWorkbook } from "../../src/mapping";
import { sampleContent } from "../../src/sample/data";

const fixtureHeaders = (name: string): string[] =>
  (
    JSON.parse(fs.readFileSync(path.join(__dirname, "..", "fixtures", "crm-headers", `${name}.json`), "utf8")) as {
      headers: string[];
    }
  ).headers;

const table = (name: string, headers: string[], sheet = name, rowCount = 10): TableInfo => ({
  name,
  sheet,
  headers,
  rowCount,
});

/** The tables Insert sample workbook creates (src/sample/insert.ts), with their sheet names. */
function sampleTables(lang: "en" | "zh"): TableInfo[] {
  const c = sampleContent(lang, 46000, 20);
  return [
    table(c.leads.name, c.leads.headers, c.labels.leadsSheet, 20),
    table(c.rules.name, c.rules.headers, c.labels.rulesSheet, 9),
    table(c.stages.name, c.stages.headers, c.labels.stagesSheet, 5),
    table(c.targets.name, c.targets.headers, c.labels.targetsSheet, 5),
    // The monthly history SALES.FORECAST reads: never taken for the deals table.
    table(c.history.name, c.history.headers, c.labels.historySheet, 30),
  ];
}

const chosenNames = (tables: TableInfo[]) =>
  Object.fromEntries(Object.entries(chooseTables(tables).chosen).map(([k, c]) => [k, c!.table]));

describe("the table chooser", () => {
  test.each([
    ["en", { deals: "Leads", rules: "ScoringRules", stages: "Stages", targets: "Targets" }],
    // The Chinese sample writes Chinese table names.
    ["zh", { deals: "线索", rules: "评分规则", stages: "阶段", targets: "目标" }],
  ] as const)("the sample workbook (%s)", (lang, expected) => {
    const tables = sampleTables(lang);
    const d = chooseTables(tables);
    expect(chosenNames(tables)).toEqual(expected);
    expect(d.ambiguities).toEqual([]);
    expect(d.dealsFlavor).toBe("leads");
  });

  test("the sample's tables are found by their headers when renamed to nothing telling", () => {
    const tables = sampleTables("zh").map((t, i) => ({ ...t, name: `Table${i + 1}`, sheet: `Sheet${i + 1}` }));
    expect(chosenNames(tables)).toEqual({ deals: "Table1", rules: "Table2", stages: "Table3", targets: "Table4" });
    expect(chooseTables(tables).ambiguities).toEqual([]);
  });

  test("a Zoho workbook: the deals export is the deals table, the leads export an alternative", () => {
    const tables = [
      table("Leads", fixtureHeaders("zoho-leads")),
      table("Deals", fixtureHeaders("zoho-deals")),
      table("Quota", ["Deal Owner", "Quota"]),
      table("StageOrder", ["Stage", "Probability (%)"]),
    ];
    const d = chooseTables(tables);
    expect(chosenNames(tables)).toEqual({ deals: "Deals", targets: "Quota", stages: "StageOrder" });
    expect(d.candidates.deals!.map((c) => c.table)).toEqual(["Deals", "Leads"]);
    expect(d.dealsFlavor).toBe("deals");
  });

  test("a Fxiaoke workbook named in Chinese", () => {
    const tables = [
      table("线索", fixtureHeaders("fxiaoke-leads"), "销售线索"),
      table("商机", fixtureHeaders("fxiaoke-opportunities"), "商机"),
      table("阶段表", ["销售阶段", "顺序", "赢率"]),
      table("销售目标", ["负责人", "目标金额"]),
      table("评分规则", ["字段", "运算符", "值", "分数"]),
    ];
    expect(chosenNames(tables)).toEqual({ deals: "商机", stages: "阶段表", targets: "销售目标", rules: "评分规则" });
  });

  test("a HubSpot deals table with stage and probability columns is not a stages table", () => {
    const tables = [table("hubspot_deals", fixtureHeaders("hubspot-deals"))];
    const d = chooseTables(tables);
    expect(chosenNames(tables)).toEqual({ deals: "hubspot_deals" });
    expect(d.candidates.stages).toBeUndefined();
    expect(d.dealsFlavor).toBe("deals");
  });

  test("a name alone does not make a table", () => {
    const tables = [table("Targets", ["Notes"]), table("Stages", ["Comment"]), table("Leads", ["Email"])];
    expect(chooseTables(tables).chosen).toEqual({});
  });

  test("two equally good deals tables are reported, not chosen", () => {
    const headers = fixtureHeaders("salesforce-report-opportunities");
    const tables = [table("Deals 2024", headers), table("Deals 2025", headers), table("Targets", ["Owner", "Target"])];
    const d = chooseTables(tables);
    expect(d.chosen.deals).toBeUndefined();
    expect(d.chosen.targets!.table).toBe("Targets");
    expect(d.ambiguities).toEqual([
      { kind: "tie", tableKind: "deals", tables: ["Deals 2024", "Deals 2025"], score: d.candidates.deals![0].score },
    ]);
  });
});

describe("the whole workbook", () => {
  test("stage names from the stages table order the stage-entry columns", () => {
    const tables = [
      table("Deals", [
        "Deal Name",
        "Deal Stage",
        "Amount",
        "Deal owner",
        'Date entered "Won (P)"',
        'Date entered "Demo (P)"',
        'Date entered "Lead (P)"',
      ]),
      table("Stages", ["Stage", "Order"]),
    ];
    const d = detectWorkbook(tables, { Stages: { Stage: ["Lead", "Demo", "Won"], Order: [1, 2, 3] } });
    expect(d.deals!.stageEntries.map((e) => e.stage)).toEqual(["Lead", "Demo", "Won"]);
    expect(d.stages!.roles.order!.column).toBe("Order");
  });

  test("without a stages table, the deal stage values name the stages (column order kept)", () => {
    const tables = [table("Deals", ["Stage", "Amount", "Owner", "Demo date", "Proposal date"])];
    const d = detectWorkbook(tables, {
      Deals: { Stage: ["Demo", "Proposal", "Demo", "Won"], Amount: [1, 2, 3, 4], Owner: ["A", "B", "C", "D"] },
    });
    expect(d.deals!.stageEntries.map((e) => [e.stage, e.column])).toEqual([
      ["Demo", "Demo date"],
      ["Proposal", "Proposal date"],
    ]);
  });
});
