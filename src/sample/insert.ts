/**
 * Inserts the sample workbook through `WorkbookOps`: new sheets and tables only (names in use get a
 * suffix), so nothing that already exists is touched. On failure the sheets it added are removed again.
 */
import { columnLetters, sheetRef } from "../excel/chunking";
import type { ChartKind, LongWorkOptions, TableInfo, WorkbookOps } from "../excel/types";
import { serialToYearMonth } from "../engine";
import { TABLE_NAMES, sampleContent, todayExcelSerial, type SampleLang } from "./data";

/** Workbook setting that remembers where the sample was put, so a second insert asks first. */
export const SAMPLE_SETTING = "sample";

/** `Table[Column]` with the characters Excel wants escaped in a column specifier (' # [ ]) escaped. */
export function structuredRef(table: string, column: string): string {
  return `${table}[${escapeColumn(column)}]`;
}

export function escapeColumn(column: string): string {
  return column.replace(/['#[\]]/g, (ch) => `'${ch}`);
}

export interface InsertedSample {
  sheets: string[];
  tables: { leads: string; rules: string; stages: string; targets: string };
  dashboardSheet: string;
  chartType: ChartKind;
  /** Dashboard cells holding SALES formulas (to check what they evaluate to). */
  formulaCells: string[];
}

/** Where an inserted sample is: its dashboard sheet (to go to) and its tables. */
export interface SampleLocation {
  dashboardSheet: string;
  tables: string[];
}

/**
 * The sample already in the workbook, if any: the one this pane inserted (remembered in the workbook settings,
 * and its dashboard sheet still there), or else tables with the sample's names in either language beside a
 * dashboard sheet of the sample's name.
 */
export async function findSample(ops: WorkbookOps, tables: readonly TableInfo[]): Promise<SampleLocation | undefined> {
  const sheets = await ops.listSheets();
  const remembered = await ops.getSetting<SampleLocation | null>(SAMPLE_SETTING).catch(() => undefined);
  if (remembered && typeof remembered.dashboardSheet === "string" && sheets.includes(remembered.dashboardSheet))
    return remembered;
  for (const lang of ["en", "zh"] as const) {
    const names = Object.values(TABLE_NAMES[lang]);
    const dashboard = sampleContent(lang, 0, 0).labels.dashboardSheet;
    if (names.every((n) => tables.some((t) => t.name === n)) && sheets.includes(dashboard)) {
      return { dashboardSheet: dashboard, tables: names };
    }
  }
  return undefined;
}

export async function insertSampleWorkbook(
  ops: WorkbookOps,
  lang: SampleLang,
  options: LongWorkOptions & { asOf?: number; moneyFormat?: string } = {},
): Promise<InsertedSample> {
  const content = sampleContent(lang, options.asOf ?? todayExcelSerial());
  const money = options.moneyFormat ?? "#,##0";
  content.leads.numberFormats = {
    ...content.leads.numberFormats,
    [content.columns.amount]: money,
    [content.columns.budget]: money,
  };
  const { labels, columns: c, stageColumns: sc, targetColumns: tc } = content;
  const added: string[] = [];
  const steps = 6;
  let step = 0;
  const progress = () => options.onProgress?.({ done: ++step, total: steps });
  const addSheet = async (name: string): Promise<string> => {
    const actual = await ops.addSheet(name);
    added.push(actual);
    return actual;
  };
  try {
    const leadsSheet = await addSheet(labels.leadsSheet);
    const leads = await ops.addTable(leadsSheet, { ...content.leads, topLeft: "A1" }, { signal: options.signal });
    progress();
    const rulesSheet = await addSheet(labels.rulesSheet);
    const rules = await ops.addTable(rulesSheet, { ...content.rules, topLeft: "A1" }, { signal: options.signal });
    progress();
    const stagesSheet = await addSheet(labels.stagesSheet);
    const stages = await ops.addTable(stagesSheet, { ...content.stages, topLeft: "A1" }, { signal: options.signal });
    progress();

    const targetsSheet = await addSheet(labels.targetsSheet);
    const p = content.targetParameters;
    await ops.writeBlock(targetsSheet, {
      topLeft: "A1",
      formulas: [[labels.annualTarget], [labels.planStart], [labels.averageDeal]],
    });
    await ops.writeBlock(targetsSheet, { topLeft: "B1", formulas: [[p.annualTarget]], numberFormat: money });
    await ops.writeBlock(targetsSheet, { topLeft: "B2", formulas: [[p.planStart]], numberFormat: "yyyy-mm-dd" });
    await ops.writeBlock(targetsSheet, { topLeft: "B3", formulas: [[p.averageDeal]], numberFormat: money });
    const targets = await ops.addTable(targetsSheet, { ...content.targets, topLeft: "A5" }, { signal: options.signal });
    progress();

    const dashboard = await addSheet(labels.dashboardSheet);
    const L = (col: string) => structuredRef(leads, col);
    const S = (col: string) => structuredRef(stages, col);
    const T = (col: string) => structuredRef(targets, col);
    const target = sheetRef(targetsSheet, "$B$1");
    const start = sheetRef(targetsSheet, "$B$2");
    const avgDeal = sheetRef(targetsSheet, "$B$3");
    const funnelRows = content.stages.rows.length + 2; // header + stages + Won
    await ops.writeBlock(dashboard, { topLeft: "A1", formulas: [[labels.dashboardTitle]] });
    await ops.writeBlock(dashboard, {
      topLeft: "A3",
      formulas: [[labels.winRate], [labels.pipeline], [labels.bottleneck]],
    });
    await ops.writeBlock(dashboard, {
      topLeft: "B3",
      formulas: [[`=SALES.WINRATE(${L(c.outcome)})`]],
      numberFormat: "0.0%",
    });
    await ops.writeBlock(dashboard, {
      topLeft: "B4",
      formulas: [[`=SALES.PIPELINE(${L(c.stage)},${L(c.amount)},${S(sc.stage)},${S(sc.probability)},${L(c.outcome)})`]],
      numberFormat: money,
    });
    await ops.writeBlock(dashboard, {
      topLeft: "B5",
      formulas: [[`=SALES.BOTTLENECK(${L(c.stage)},${S(sc.stage)},${L(c.outcome)})`]],
    });
    await ops.writeBlock(dashboard, { topLeft: "A7", formulas: [[labels.funnel]] });
    await ops.writeBlock(dashboard, {
      topLeft: "A8",
      formulas: [[`=SALES.FUNNEL(${L(c.stage)},${S(sc.stage)},${L(c.amount)},${L(c.outcome)})`]],
    });
    // Spilled results keep the format of the cells they land on: rates as percentages, money with separators.
    await ops.setNumberFormat(dashboard, `D9:E${8 + funnelRows + 1}`, "0.0%");
    await ops.setNumberFormat(dashboard, `G9:G${8 + funnelRows + 1}`, money);
    // The chart needs stage names beside the Reached column; INDEX(…,0,k) spills one column of the funnel.
    await ops.writeBlock(dashboard, { topLeft: "J8", formulas: [["=INDEX(A8#,0,1)", "=INDEX(A8#,0,3)"]] });
    const chart = await ops.addChart(dashboard, {
      source: `J8:K${8 + funnelRows - 1}`,
      title: labels.funnelChart,
      topLeft: "M2",
      bottomRight: "T18",
    });
    progress();

    const planTop = 8 + funnelRows + 2;
    await ops.writeBlock(dashboard, { topLeft: `A${planTop}`, formulas: [[labels.targetPlan]] });
    await ops.writeBlock(dashboard, {
      topLeft: `A${planTop + 1}`,
      formulas: [[`=SALES.TARGETPLAN(${target},${start},"M",,${T(tc.owner)},${T(tc.weight)})`]],
    });
    await ops.setNumberFormat(
      dashboard,
      `B${planTop + 2}:${columnLetters(content.targets.rows.length + 1)}${planTop + 14}`,
      money,
    );
    const activityTop = planTop + 1 + 14 + 2; // header + 12 months + Total
    await ops.writeBlock(dashboard, { topLeft: `A${activityTop}`, formulas: [[labels.activityPlan]] });
    await ops.writeBlock(dashboard, {
      topLeft: `A${activityTop + 1}`,
      formulas: [
        [`=${S(sc.stage)}`, `=SALES.ACTIVITYPLAN(${target},${avgDeal},${S(sc.conversion)},12,ROWS(${T(tc.owner)}))`],
      ],
    });
    await ops.writeBlock(dashboard, {
      topLeft: `A${activityTop + 1 + content.stages.rows.length}`,
      formulas: [[labels.won]],
    });
    await ops.activateSheet(dashboard);
    await prefillTargetSettings(ops, content, targets);
    const location: SampleLocation = { dashboardSheet: dashboard, tables: [leads, rules, stages, targets] };
    await ops.setSetting(SAMPLE_SETTING, location).catch(() => undefined);
    progress();
    return {
      sheets: added,
      tables: { leads, rules, stages, targets },
      dashboardSheet: dashboard,
      chartType: chart.type,
      formulaCells: ["B3", "B4", "B5", "A8", `A${planTop + 1}`, `B${activityTop + 1}`],
    };
  } catch (error) {
    for (const sheet of added.reverse()) await ops.deleteSheet(sheet).catch(() => undefined);
    throw error;
  }
}

/**
 * Points the Targets panel at the sample's own targets (annual target, plan start, average deal, owners table) so the
 * pane and the Targets sheet agree. Only when the workbook has no Targets settings yet: a user's choices stay.
 */
async function prefillTargetSettings(
  ops: WorkbookOps,
  content: ReturnType<typeof sampleContent>,
  targetsTable: string,
): Promise<void> {
  const existing = await ops.getSetting<Record<string, unknown>>("targets").catch(() => undefined);
  if (existing && typeof existing === "object" && Object.keys(existing).length > 0) return;
  const p = content.targetParameters;
  await ops
    .setSetting("targets", {
      annualTarget: p.annualTarget,
      startMonth: serialToYearMonth(p.planStart),
      averageDeal: p.averageDeal,
      ownerSource: "table",
      ownersTable: targetsTable,
      ownersColumn: content.targetColumns.owner,
    })
    .catch(() => undefined);
}
