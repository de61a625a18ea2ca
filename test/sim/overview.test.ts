/**
 * The Overview's numbers equal the formulas *Add to Dashboard* writes (issue 10): the sample workbook in the
 * simulated host, mapped as the pane maps it, every card and chart computed by the pane and written as its formula,
 * then compared cell by cell — without a filter, by owner, by region, and by both.
 */
import * as fs from "fs";
import * as path from "path";
import { createExcelWorkbookOps, type ExcelRun } from "../../src/excel";
import type { WorkbookOps } from "../../src/excel/types";
import { insertSampleWorkbook } from "../../src/sample/insert";
import { sampleContent } from "../../src/sample/data";
import { createSimHost, parameterShapes, type SimHost } from "../../src/sim";
import { loadMapping } from "../../src/taskpane/mapping";
import {
  computeOverview,
  filterOptions,
  formulaColumns,
  valueCells,
  loadOverviewSource,
  stringLiteral,
  type OverviewFilter,
  type OverviewSource,
  type PlanSettings,
  type Value,
} from "../../src/taskpane/overview";
import { dashboardExtras } from "../../src/taskpane/dashboardChart";
import { todaySerial, ymdToSerial } from "../../src/engine";

const METADATA = path.join(__dirname, "../../dist/functions.json");

function host(lang: "en" | "zh"): SimHost {
  const parameters = fs.existsSync(METADATA)
    ? parameterShapes(JSON.parse(fs.readFileSync(METADATA, "utf8")))
    : undefined;
  // TODAY() in the sheet and the engine's default as_of must be the same day.
  return createSimHost({
    parameters,
    today: () => todaySerial(),
    displayLanguage: lang === "zh" ? "zh-CN" : "en-US",
  });
}

const shown = (v: unknown): unknown =>
  typeof v === "object" && v !== null && "code" in v
    ? (v as { code: string }).code
    : typeof v === "number"
      ? Number(v.toPrecision(12))
      : v;

describe.each(["en", "zh"] as const)("Overview over the %s sample", (lang) => {
  const asOf = todaySerial();
  let sim: SimHost;
  let ops: WorkbookOps;
  let source: OverviewSource;
  const content = sampleContent(lang, asOf);

  beforeAll(async () => {
    sim = host(lang);
    // The SALES functions read the display language from Office.context, as in Excel.
    (globalThis as { Office?: unknown }).Office = sim.Office;
    ops = createExcelWorkbookOps(sim.run as unknown as ExcelRun);
    await insertSampleWorkbook(ops, lang, { asOf });
    const merge = await loadMapping(ops, await ops.listTables());
    const settings = await ops.getSetting<PlanSettings>("targets");
    source = (await loadOverviewSource(ops, merge.mapping, settings, asOf))!;
  }, 60_000);
  afterAll(() => {
    delete (globalThis as { Office?: unknown }).Office;
  });

  test("the mapping gives the Overview every column it needs", () => {
    expect(source.table).toBe(content.leads.name);
    expect(source.columns).toMatchObject({
      owner: content.columns.owner,
      region: content.columns.region,
      stage: content.columns.stage,
      outcome: content.columns.outcome,
      amount: content.columns.amount,
      date: content.columns.closedDate,
    });
    expect(source.stages?.probability).toBeDefined();
    expect(source.plan?.owners?.values.length).toBe(content.targets.rows.length);
  });

  const owners = () => filterOptions(source.data.columns[source.columns.owner!]);
  const regions = () => filterOptions(source.data.columns[source.columns.region!]);
  const filters: [string, () => OverviewFilter][] = [
    ["no filter", () => ({})],
    ["an owner", () => ({ owner: owners()[1] })],
    ["a region", () => ({ region: regions()[0] })],
    ["an owner and another region", () => ({ owner: owners()[0], region: regions()[2] })],
  ];

  test.each(filters)("every card and chart equals its formula: %s", async (_name, filter) => {
    const { year, month } = { year: Number(new Date().getUTCFullYear()), month: new Date().getUTCMonth() + 1 };
    const result = computeOverview({ ...source, filter: filter(), year, month, lang });
    // The region × stage funnel is among the charts checked below (the sample maps a region).
    expect(result.charts.find((c) => c.id === "funnelBy")?.table?.formula).toMatch(/SALES\.FUNNELBY\(/);
    // The open deals most likely to close: learned from the sample's closed deals, highest first, each kept by the
    // filter (its owner), with its reasons.
    const likely = result.charts.find((c) => c.id === "likely")!;
    expect(likely.missing).toEqual([]);
    expect(likely.table?.formula).toMatch(/SALES\.WINPROB\(.*SALES\.WINFACTORS\(/);
    const deals = (likely.table!.value as Value[][]).slice(1);
    const head = (likely.table!.value as Value[][])[0];
    expect(head.slice(1, 3)).toEqual([content.columns.owner, content.columns.amount]);
    const probabilities = deals.map((r) => r[3] as number);
    expect(probabilities).toEqual([...probabilities].sort((a, b) => b - a));
    expect(probabilities.every((p) => p > 0 && p < 1)).toBe(true);
    if (filter().owner) expect(deals.every((r) => r[1] === filter().owner)).toBe(true);
    if (!filter().owner && !filter().region) expect(deals).toHaveLength(5);
    // The sample's won deals span less than 13 months: the forecast says what it needs instead of guessing.
    expect(result.charts.find((c) => c.id === "forecast")?.missing).toEqual(["history"]);
    const formulas: string[] = [];
    const expected: unknown[] = [];
    for (const card of result.cards) {
      expect(card.missing.filter((m) => m !== "plan")).toEqual([]);
      for (const part of [card.main, card.status]) {
        if (!part) continue;
        formulas.push(part.formula);
        expected.push(shown(part.value));
      }
    }
    const sheet = await ops.addSheet(`Check ${_name}`.slice(0, 30));
    await ops.writeBlock(sheet, { topLeft: "A1", formulas: formulas.map((f) => [f]) });
    let row = formulas.length + 2;
    const spills: { top: number; value: unknown }[] = [];
    for (const chart of result.charts) {
      if (!chart.table) continue;
      await ops.writeBlock(sheet, { topLeft: `A${row}`, formulas: [[chart.table.formula]] });
      spills.push({ top: row, value: chart.table.value });
      row += 40;
    }
    const cells = sim.model.dump(sheet);
    expect(formulas.map((_, i) => shown(cells[`A${i + 1}`]?.value))).toEqual(expected);
    for (const s of spills) {
      const table = s.value as Value[][];
      expect(Array.isArray(table)).toBe(true);
      table.forEach((line, r) =>
        line.forEach((v, c) => {
          const address = `${String.fromCharCode(65 + c)}${s.top + r}`;
          expect([address, shown(cells[address]?.value)]).toEqual([address, shown(v)]);
        }),
      );
    }
  });

  test.each([
    ["no filter", {}],
    ["an owner", { owner: "Ann" }],
  ] as const)("the forecast over 30 months of won deals equals its formula: %s", async (_name, filter) => {
    // One won deal a month for Ann and one for Bob (trend and season), a lost deal every third month, a won deal
    // written "won" in lower case and one without a date (left out by both the pane and the formula).
    const rows: (string | number)[][] = [];
    for (let m = 0; m < 30; m++) {
      const date = ymdToSerial(2023, 1 + m, 10 + (m % 7));
      rows.push([
        "Ann",
        "North",
        "Won",
        1000 + 40 * m + 150 * Math.sin((2 * Math.PI * m) / 12) + ((m * 37) % 11) * 13,
        date,
      ]);
      rows.push(["Bob", "South", m % 5 === 0 ? "won" : "Won", 700 + 25 * m + (m % 12) * 20, date + 3]);
      if (m % 3 === 0) rows.push(["Bob", "North", "Lost", 5000, date + 5]);
    }
    rows.push(["Ann", "North", "Won", 99999, ""]);
    const sheet = await ops.addSheet(`Long ${lang} ${_name}`.slice(0, 30));
    const table = await ops.addTable(sheet, {
      name: `Long${lang}${Object.keys(filter).length}`,
      topLeft: "A1",
      headers: ["Rep", "Area", "Result", "Amount", "Won on"],
      rows,
    });
    const data = await ops.readTable(table);
    const result = computeOverview({
      table,
      columns: { owner: "Rep", region: "Area", outcome: "Result", amount: "Amount", date: "Won on" },
      data,
      filter,
      year: 2025,
      month: 6,
      lang,
    });
    const chart = result.charts.find((c) => c.id === "forecast")!;
    expect(chart.missing).toEqual([]);
    const value = chart.table!.value as Value[][];
    expect([chart.table!.formula, value.length]).toEqual([chart.table!.formula, 13]); // the header and the 12 months after the last won month (2025-06)
    expect(value[1][0]).toBe("2025-07");
    await ops.writeBlock(sheet, { topLeft: "H1", formulas: [[chart.table!.formula]] });
    const cells = sim.model.dump(sheet);
    value.forEach((line, r) =>
      line.forEach((v, c) => {
        const address = `${String.fromCharCode(72 + c)}${1 + r}`;
        expect([address, shown(cells[address]?.value)]).toEqual([address, shown(v)]);
      }),
    );
  });

  test.each([
    ["a filter that keeps no open deal", { owner: "Nobody" }],
    ["a lost deal at an unknown stage (WINPROB's own error)", {}],
    ["no filter", {}],
  ] as const)("the likely deals equal their formula: %s", async (name, filter) => {
    const unknown = name.startsWith("a lost deal");
    const rows: (string | number)[][] = [
      ["d1", "Ann", "New", "Lost", "North", "Web", 100],
      ["d2", "Ann", "Demo", "Won", "North", "Fair", 200],
      ["d3", "Bob", unknown ? "Elsewhere" : "Demo", "Lost", "South", "Web", 300],
      ["d4", "Bob", "Demo", "", "South", "Fair", ""],
      ["d5", "Ann", "New", "", "North", "Web", 500],
      ["", "", "Demo", "", "North", "Fair", 600],
    ];
    const sheet = await ops.addSheet(`Likely ${lang} ${name}`.slice(0, 30));
    const table = await ops.addTable(sheet, {
      name: `Likely${lang}${name.length}`,
      topLeft: "A1",
      headers: ["Deal", "Rep", "Stage", "Outcome", "Area", "Source", "Amount"],
      rows,
    });
    const stages = await ops.addTable(sheet, {
      name: `LikelyStages${lang}${name.length}`,
      topLeft: "K1",
      headers: ["Stage"],
      rows: [["New"], ["Demo"], ["Won"]],
    });
    const data = await ops.readTable(table);
    const result = computeOverview({
      table,
      columns: { owner: "Rep", stage: "Stage", outcome: "Outcome", amount: "Amount" },
      data,
      filter,
      year: 2025,
      month: 6,
      lang,
      win: {
        span: { first: "Deal", last: "Amount", headers: data.headers },
        fields: ["Area", "Source"],
        group: "",
        stageOrder: { table: stages, column: "Stage", values: ["New", "Demo", "Won"] },
        label: "Deal",
      },
    });
    const chart = result.charts.find((c) => c.id === "likely")!;
    const value = chart.table!.value;
    if (unknown) expect(value).toMatchObject({ code: "#VALUE!" });
    else if ("owner" in filter)
      expect(value).toEqual([["Deal", "Rep", "Amount", expect.any(String), expect.any(String)]]);
    else {
      // Three open deals, the one without a name or owner shows blanks (not 0); a blank amount is 0 as in Excel.
      expect((value as Value[][]).length).toBe(4);
      expect((value as Value[][]).map((r) => r.slice(0, 3))).toContainEqual(["", "", 600]);
      expect((value as Value[][]).map((r) => r.slice(0, 3))).toContainEqual(["d4", "Bob", 0]);
    }
    await ops.writeBlock(sheet, { topLeft: "M1", formulas: [[chart.table!.formula]] });
    const cells = sim.model.dump(sheet);
    if (!Array.isArray(value)) {
      expect(shown(cells.M1?.value)).toBe(shown(value));
      return;
    }
    value.forEach((line, r) =>
      line.forEach((v, c) => {
        const address = `${String.fromCharCode(77 + c)}${1 + r}`;
        expect([address, shown(cells[address]?.value)]).toEqual([address, shown(v)]);
      }),
    );
  });

  test("Add to Dashboard's Excel charts read the spill: their categories and values are the pane's", async () => {
    const { year, month } = { year: Number(new Date().getUTCFullYear()), month: new Date().getUTCMonth() + 1 };
    const result = computeOverview({ ...source, filter: {}, year, month, lang });
    const sheet = await ops.addSheet(`Charts ${lang}`);
    const before = sim.model.charts.length;
    const checked: string[] = [];
    let top = 2;
    const expected: Record<string, string> = {
      byOwner: "BarClustered",
      planActual: "ColumnClustered",
      funnel: "Funnel",
    };
    for (const chart of result.charts) {
      if (!chart.table) continue;
      await ops.writeBlock(sheet, { topLeft: `A${top}`, formulas: [[chart.table.formula]] });
      const extras = dashboardExtras(chart, top, { money: "#,##0", legendActual: "Actual", legendPlan: "Plan" })!;
      for (const f of extras.formats) await ops.setNumberFormat(sheet, f.address, f.format);
      for (const h of extras.helpers) await ops.writeBlock(sheet, h);
      if (extras.colorScale) await ops.addColorScale(sheet, extras.colorScale.address, extras.colorScale.midpoint);
      if (extras.chart) await ops.addChart(sheet, { ...extras.chart, title: chart.id });
      const cells = sim.model.dump(sheet);
      const table = chart.table.value as Value[][];
      const drawn = sim.model.charts.slice(before).find((c) => c.title === chart.id);
      if (chart.id in expected) {
        checked.push(chart.id);
        expect([chart.id, drawn?.type]).toEqual([chart.id, expected[chart.id]]);
        // The chart's source: categories in its first column, then the values, as the pane draws them.
        const src = drawn!.source;
        const at = (r: number, c: number) => shown(cells[`${String.fromCharCode(65 + c)}${r + 1}`]?.value);
        const categories = Array.from({ length: src.bottom - src.top }, (_, i) => at(src.top + 1 + i, src.left));
        const values = Array.from({ length: src.bottom - src.top }, (_, i) => at(src.top + 1 + i, src.left + 1));
        if (chart.id === "byOwner") {
          expect(categories).toEqual(table.slice(1, -1).map((r) => r[0]));
          expect(values).toEqual(table.slice(1, -1).map((r) => shown(r[3])));
        } else if (chart.id === "funnel") {
          const stages = table.slice(1).filter((r) => typeof r[2] === "number");
          expect(categories).toEqual(stages.map((r) => r[0]));
          expect(values).toEqual(stages.map((r) => r[2]));
        } else {
          // Twelve months: the actuals' Total column, and the plan's Total column drawn as a line.
          const plan = chart.plan!.value as Value[][];
          expect(categories).toEqual(table.slice(1, 13).map((r) => r[0]));
          expect(values).toEqual(table.slice(1, 13).map((r) => shown(r[r.length - 1])));
          const planned = Array.from({ length: 12 }, (_, i) => at(src.top + 1 + i, src.left + 2));
          expect(planned).toEqual(plan.slice(1, 13).map((r) => shown(r[r.length - 1])));
          expect(drawn!.seriesTypes).toEqual({ 1: "Line" });
        }
      } else expect([chart.id, drawn]).toEqual([chart.id, undefined]);
      top += extras.height + 1;
    }
    expect(checked).toEqual(Object.keys(expected));
    // The region × stage grid gets a colour scale instead of a chart.
    expect(result.charts.find((c) => c.id === "funnelBy")?.table).toBeDefined();
  });

  test("a filter names data text only inside string literals", () => {
    expect(stringLiteral('=HYPERLINK("x")')).toBe('"=HYPERLINK(""x"")"');
    const result = computeOverview({
      ...source,
      filter: { owner: '"),1,("' },
      year: 2025,
      month: 5,
      lang,
    });
    expect(result.rows).toBe(0);
    expect(result.cards.find((c) => c.id === "winRate")?.main?.formula).toContain('="""),1,("""');
  });
});

describe("what a written formula sends in one call", () => {
  const headers = ["Company", "Owner", "A]b", "Stage", "Outcome", "Amount", "Score"];
  test("named columns and [#All] spans, escaped names included", () => {
    expect(formulaColumns("=SALES.WINRATE(Leads[Outcome])", "Leads", headers)).toEqual(["Outcome"]);
    expect(
      formulaColumns(
        "=LET(p,SALES.WINPROB(Leads[[#All],[Company]:[A']b]]),f,SALES.WINFACTORS(Leads[[#All],[Company]:[A']b]]),HSTACK(Leads[Amount]&\"\",p))",
        "Leads",
        headers,
      ),
    ).toEqual(["Company", "Owner", "A]b", "Amount"]);
    expect(formulaColumns("=SALES.FUNNEL(Deals[Stage])", "Leads", headers)).toEqual([]);
  });
  test("values in place of a formula: data text as string literals, never formula syntax", () => {
    expect(
      valueCells([
        ['=HYPERLINK("x")', 3, ""],
        [{ code: "#N/A", message: "" }, 0.5, "Won"],
      ]),
    ).toEqual([
      ['="=HYPERLINK(""x"")"', 3, ""],
      ['="#N/A"', 0.5, '="Won"'],
    ]);
    expect(valueCells(0.25)).toEqual([[0.25]]);
  });
});
