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
  const steps = 8;
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

    const historySheet = await addSheet(labels.historySheet);
    const history = await ops.addTable(
      historySheet,
      {
        ...content.history,
        topLeft: "A1",
        numberFormats: { ...content.history.numberFormats, [content.historyColumns.amount]: money },
      },
      { signal: options.signal },
    );
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
    progress();
    const more = await writeStandings(ops, dashboard, content, {
      leads,
      stages,
      targets,
      history,
      planAnchor: `A${planTop + 1}`,
      planTop,
      firstFreeRow: activityTop + content.stages.rows.length + 4,
      start,
      money,
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
      formulaCells: ["B3", "B4", "B5", "A8", `A${planTop + 1}`, `B${activityTop + 1}`, ...more],
    };
  } catch (error) {
    for (const sheet of added.reverse()) await ops.deleteSheet(sheet).catch(() => undefined);
    throw error;
  }
}

/**
 * The Dashboard's "where the team stands, where it is heading" sections (issues 8 and 9), all live formulas:
 * ACTUALS beside TARGETPLAN with an attainment grid, this month's ATTAINMENT by owner, FUNNELBY by region,
 * STAGETIME, FORECAST of the next 12 months with a line chart of history + forecast, and the open deals with the
 * highest WINPROB with their WINFACTORS. Spilled results sit in plain ranges (tables refuse spills).
 * Returns the cells holding SALES formulas.
 */
async function writeStandings(
  ops: WorkbookOps,
  dashboard: string,
  content: ReturnType<typeof sampleContent>,
  at: {
    leads: string;
    stages: string;
    targets: string;
    history: string;
    planAnchor: string;
    planTop: number;
    firstFreeRow: number;
    start: string;
    money: string;
  },
): Promise<string[]> {
  const { labels, columns: c, stageColumns: sc, targetColumns: tc } = content;
  const L = (col: string) => structuredRef(at.leads, col);
  const S = (col: string) => structuredRef(at.stages, col);
  const T = (col: string) => structuredRef(at.targets, col);
  const H = (col: string) => structuredRef(at.history, col);
  const owners = content.targets.rows.length;
  const stageCount = content.stages.rows.length;
  const plan = `${at.planAnchor}#`;
  const cells: string[] = [];
  const write = async (address: string, formula: string, numberFormat?: string) => {
    await ops.writeBlock(dashboard, {
      topLeft: address,
      formulas: [[formula]],
      ...(numberFormat ? { numberFormat } : {}),
    });
    if (formula.includes("SALES.")) cells.push(address);
  };

  // ACTUALS beside the plan, in exactly its layout (won deals by closed date), and actual ÷ plan under it.
  const actualsTop = at.planTop;
  await write(`I${actualsTop}`, labels.actuals);
  await write(
    `I${actualsTop + 1}`,
    `=SALES.ACTUALS(${L(c.amount)},${L(c.closedDate)},${at.start},"M",${L(c.owner)},${T(tc.owner)},${L(c.outcome)})`,
  );
  await ops.setNumberFormat(
    dashboard,
    `J${actualsTop + 2}:${columnLetters(9 + owners + 2)}${actualsTop + 16}`,
    at.money,
  );
  const gridTop = actualsTop + 18;
  await write(`I${gridTop}`, labels.attainmentGrid);
  await write(`J${gridTop + 1}`, `=TAKE(DROP(TAKE(${plan},1),0,1),1,ROWS(${T(tc.owner)}))`);
  await write(`I${gridTop + 2}`, `=TAKE(DROP(${plan},1),12,1)`);
  await write(
    `J${gridTop + 2}`,
    `=IFERROR(TAKE(DROP(I${actualsTop + 1}#,1,1),12,ROWS(${T(tc.owner)}))/TAKE(DROP(${plan},1,1),12,ROWS(${T(tc.owner)})),"")`,
    "0%",
  );
  await ops.setNumberFormat(dashboard, `J${gridTop + 2}:${columnLetters(9 + owners)}${gridTop + 13}`, "0%");
  // Red below plan, yellow at 100 %, green above.
  await ops.addColorScale(dashboard, `J${gridTop + 2}:${columnLetters(9 + owners)}${gridTop + 13}`, 1);

  let row = Math.max(at.firstFreeRow, gridTop + 15);
  // This month's standing per owner: the plan's row for this month (two rows: owners above targets). Outside the
  // plan year the nearest month of the plan is shown (January before it, December after it).
  await write(`A${row}`, labels.attainmentMonth);
  const s = at.start;
  await write(
    `A${row + 1}`,
    `=LET(k,MIN(MAX(12*(YEAR(TODAY())-YEAR(${s}))+MONTH(TODAY())-MONTH(${s}),0),11),` +
      `SALES.ATTAINMENT(CHOOSEROWS(${plan},1,k+2),${L(c.amount)},${L(c.closedDate)},EDATE(${s},k),EOMONTH(${s},k),${L(c.owner)},${L(c.outcome)}))`,
  );
  await ops.setNumberFormat(dashboard, `B${row + 2}:C${row + 9}`, at.money);
  await ops.setNumberFormat(dashboard, `D${row + 2}:D${row + 9}`, "0%");
  await ops.setNumberFormat(dashboard, `E${row + 2}:F${row + 9}`, at.money);
  await ops.setNumberFormat(dashboard, `G${row + 2}:G${row + 9}`, "0%");
  await ops.setNumberFormat(dashboard, `I${row + 2}:I${row + 9}`, at.money);
  row += owners + 5;

  // The funnel per region, side by side.
  await write(`A${row}`, labels.funnelByRegion);
  await write(`A${row + 1}`, `=SALES.FUNNELBY(${L(c.stage)},${S(sc.stage)},${L(c.region)},${L(c.outcome)})`);
  row += stageCount + 5;

  // Time in stage from the stage-entry dates, and the cycle of won deals.
  await write(`A${row}`, labels.stageTime);
  const entries = content.stageEntryColumns;
  await write(
    `A${row + 1}`,
    `=SALES.STAGETIME(${at.leads}[[${escapeColumn(entries[0])}]:[${escapeColumn(entries[entries.length - 1])}]],${L(c.outcome)},,${S(sc.stage)})`,
  );
  row += stageCount + 5;

  // The next 12 months from the monthly history, with 95% bounds, and a line chart of history + forecast.
  const months = content.history.rows.length;
  await write(`A${row}`, labels.forecast);
  const forecastAt = `A${row + 1}`;
  await write(
    forecastAt,
    `=SALES.FORECAST(${H(content.historyColumns.amount)},${H(content.historyColumns.month)},12,,,,0.95)`,
  );
  await ops.setNumberFormat(dashboard, `B${row + 2}:D${row + 13}`, at.money);
  const chartTop = row + 1;
  const F = `${forecastAt}#`;
  await ops.writeBlock(dashboard, {
    topLeft: `F${chartTop}`,
    formulas: [[labels.chartMonth, labels.chartHistory, labels.chartForecast]],
  });
  await write(
    `F${chartTop + 1}`,
    `=VSTACK(TEXT(${H(content.historyColumns.month)},"yyyy-mm"),DROP(INDEX(${F},0,1),1))`,
  );
  await write(`G${chartTop + 1}`, `=VSTACK(${H(content.historyColumns.amount)},IF(DROP(INDEX(${F},0,2),1)<>"",NA()))`);
  await write(
    `H${chartTop + 1}`,
    `=VSTACK(IF(ISNUMBER(${H(content.historyColumns.month)}),NA()),DROP(INDEX(${F},0,2),1))`,
  );
  await ops.setNumberFormat(dashboard, `G${chartTop + 1}:H${chartTop + months + 12}`, at.money);
  await ops.addChart(dashboard, {
    source: `F${chartTop}:H${chartTop + months + 12}`,
    title: labels.forecastChart,
    topLeft: `J${chartTop}`,
    bottomRight: `Q${chartTop + 18}`,
    type: "Line",
    seriesBy: "Columns",
  });
  row = chartTop + months + 14;

  // The open deals most likely to close: company, owner, win probability (learned from the closed rows) and why.
  await write(`A${row}`, labels.topDeals);
  const fields = `{"${[c.industry, c.source, c.employees, c.budget, c.authority].join('","')}"}`;
  await write(
    `A${row + 1}`,
    `=LET(p,SALES.WINPROB(${at.leads}[#All],${fields},,${S(sc.stage)}),f,SALES.WINFACTORS(${at.leads}[#All],${fields},,${S(sc.stage)}),` +
      `k,FILTER(HSTACK(${L(c.company)},${L(c.owner)},p,f),p<>""),TAKE(SORTBY(k,INDEX(k,0,3),-1),5))`,
  );
  await ops.setNumberFormat(dashboard, `C${row + 1}:C${row + 5}`, "0.0%");
  return cells;
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
