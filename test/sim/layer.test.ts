/**
 * The real access layer (src/excel) and sample workbook (src/sample) over the simulated host: the same code
 * the task pane runs in Excel, checked against the sim's Office.js contract and limits.
 */
import * as fs from "fs";
import * as path from "path";
import { createExcelWorkbookOps, type ExcelRun } from "../../src/excel";
import { insertSampleWorkbook } from "../../src/sample/insert";
import { sampleContent } from "../../src/sample/data";
import { forecast, winProb } from "../../src/functions/functions";
import { createSimHost, parameterShapes } from "../../src/sim";
import type { SimHost } from "../../src/sim";

const METADATA = path.join(__dirname, "../../dist/functions.json");

function host(): SimHost {
  // Excel passes arguments by the shapes functions.json declares; without a build, references stay matrices.
  const parameters = fs.existsSync(METADATA)
    ? parameterShapes(JSON.parse(fs.readFileSync(METADATA, "utf8")))
    : undefined;
  return createSimHost({ parameters, today: () => 45_800 });
}

function ops(sim: SimHost) {
  return createExcelWorkbookOps(sim.run as unknown as ExcelRun);
}

test("a table whose text looks like formulas is written as literal text", async () => {
  const sim = host();
  const layer = ops(sim);
  const name = await layer.addTable("Sheet1", {
    name: "Accounts",
    topLeft: "A1",
    headers: ["Company", "Note"],
    rows: [
      ['=HYPERLINK("http://evil","x")', "+1 call back"],
      ["Acme", "-"],
    ],
  });
  const dump = sim.model.dump("Sheet1");
  expect(name).toBe("Accounts");
  expect(dump.A2.formula).toBeUndefined();
  expect(dump.A2.value).toBe('=HYPERLINK("http://evil","x")');
  expect(dump.B2.value).toBe("+1 call back");
  const read = await layer.readTable("Accounts");
  expect(read.columns.Company).toEqual(['=HYPERLINK("http://evil","x")', "Acme"]);
});

test("every request of a large write stays under Excel's limits", async () => {
  const sim = host();
  const layer = ops(sim);
  const rows = Array.from({ length: 30_000 }, (_, i) => [`Company ${i} ${"x".repeat(120)}`, i]);
  await layer.addTable("Sheet1", { name: "Big", topLeft: "A1", headers: ["Company", "N"], rows });
  expect(sim.stats.requests.length).toBeGreaterThan(1);
  for (const r of sim.stats.requests) {
    expect(r.failed).toBe(false);
    expect(r.requestBytes).toBeLessThanOrEqual(5 * 1024 * 1024);
    expect(r.cells).toBeLessThanOrEqual(5_000_000);
  }
  expect(sim.model.dump("Sheet1").A30001.value).toBe(`Company 29999 ${"x".repeat(120)}`);
});

test("the sample workbook inserts and its dashboard formulas compute without errors", async () => {
  const sim = host();
  const inserted = await insertSampleWorkbook(ops(sim), "en", { asOf: 45_800 });
  const dashboard = sim.model.dump(inserted.dashboardSheet);
  const formulas = Object.entries(dashboard).filter(([, c]) => c.formula !== undefined);
  expect(formulas.length).toBeGreaterThanOrEqual(6);
  for (const name of ["FUNNEL", "PIPELINE", "WINRATE", "BOTTLENECK", "TARGETPLAN", "ACTIVITYPLAN"]) {
    expect(formulas.some(([, c]) => c.formula!.toUpperCase().includes(`SALES.${name}(`))).toBe(true);
  }
  for (const [address, cell] of formulas) {
    expect([address, cell.value]).not.toEqual([
      address,
      expect.stringMatching(/^#(VALUE!|NAME\?|REF!|SPILL!|NUM!|DIV\/0!|CALC!)$/),
    ]);
    expect([address, cell.value]).not.toEqual([address, cell.formula]);
  }
  expect(sim.model.charts.some((c) => c.sheet.name === inserted.dashboardSheet)).toBe(true);
  expect(sim.model.table(inserted.tables.leads)).toBeDefined();
});

describe("the sample's Dashboard: where the team stands and where it is heading (issues 8 and 9)", () => {
  const AS_OF = 45_800; // 2025-05-21, also the simulated TODAY()
  const content = sampleContent("en", AS_OF);
  const c = content.columns;
  const col = (name: string) => content.leads.headers.indexOf(name);
  const leads = content.leads.rows;
  let sim: SimHost;
  let cells: Record<string, { value?: unknown; formula?: string }>;
  /** The spill of the formula whose text contains `fn`, as rows of values. */
  const spill = (fn: string): unknown[][] => {
    const entry = Object.entries(cells).find(([, cell]) => cell.formula?.includes(fn));
    if (!entry) throw new Error(`no formula with ${fn}`);
    const { row, column } = parseAddress(entry[0]);
    const out: unknown[][] = [];
    for (let r = row; cells[address(r, column)] !== undefined && cells[address(r, column)].value !== ""; r++) {
      const line: unknown[] = [];
      for (let k = column; cells[address(r, k)] !== undefined; k++) line.push(cells[address(r, k)].value);
      out.push(line);
    }
    return out;
  };

  beforeAll(async () => {
    sim = host();
    const inserted = await insertSampleWorkbook(ops(sim), "en", { asOf: AS_OF });
    cells = sim.model.dump(inserted.dashboardSheet);
  });

  test("ACTUALS lines up with TARGETPLAN, and its total is the won amounts closed in the plan year", () => {
    const plan = spill("SALES.TARGETPLAN(");
    const actual = spill("SALES.ACTUALS(");
    expect(actual[0]).toEqual(plan[0]);
    // Period rows and the Total row line up with the plan's; deals closed outside the plan year follow as (outside).
    expect(actual.slice(0, plan.length).map((r) => r[0])).toEqual(plan.map((r) => r[0]));
    expect(actual.slice(plan.length).map((r) => r[0])).toEqual(["(outside)"]);
    const start = content.targetParameters.planStart;
    const won = leads.filter(
      (r) =>
        r[col(c.outcome)] === "Won" &&
        (r[col(c.closedDate)] as number) >= start &&
        (r[col(c.closedDate)] as number) < start + 365,
    );
    expect(won.length).toBeGreaterThan(5);
    const total = won.reduce((s, r) => s + (r[col(c.amount)] as number), 0);
    expect(actual[plan.length - 1][actual[0].length - 1]).toBe(total);
  });

  test("the attainment grid has a red-yellow-green colour scale with yellow at 100 %", () => {
    const sheet = sim.model.sheets.find((x) => x.name === "Dashboard")!;
    const scales = [...sheet.formats.entries()].filter(([k]) => k.endsWith("|colorScale"));
    expect(scales).toHaveLength(1);
    const criteria = scales[0][1] as {
      minimum: { color: string };
      midpoint: { formula: string };
      maximum: { color: string };
    };
    expect(criteria.midpoint.formula).toBe("1");
    expect([criteria.minimum.color, criteria.maximum.color]).toEqual(["#F8696B", "#63BE7B"]);
    // Over exactly the grid's 12 months × owners.
    const grid = Object.entries(cells).find(([, cell]) => cell.formula?.includes("IFERROR(TAKE(DROP("))![0];
    expect(scales[0][0].startsWith(grid)).toBe(true);
  });

  test("the attainment grid is actual ÷ plan cell by cell", () => {
    const plan = spill("SALES.TARGETPLAN(");
    const actual = spill("SALES.ACTUALS(");
    const grid = spill("IFERROR(TAKE(DROP(");
    expect(grid).toHaveLength(12);
    for (let m = 0; m < 12; m++) {
      for (let o = 0; o < content.targets.rows.length; o++) {
        expect(grid[m][o]).toBeCloseTo((actual[m + 1][o + 1] as number) / (plan[m + 1][o + 1] as number), 12);
      }
    }
  });

  test("this month's ATTAINMENT: May's target per owner, the won deals closed in May", () => {
    const att = spill("SALES.ATTAINMENT(");
    const plan = spill("SALES.TARGETPLAN(");
    const may = plan[5];
    expect(att[0].slice(0, 3)).toEqual(["Owner", "Target", "Actual"]);
    for (let o = 0; o < content.targets.rows.length; o++) {
      const owner = att[o + 1][0];
      expect(att[o + 1][1]).toBe(may[plan[0].indexOf(owner)]);
      const actual = leads
        .filter(
          (r) =>
            r[col(c.owner)] === owner &&
            r[col(c.outcome)] === "Won" &&
            (r[col(c.closedDate)] as number) >= 45_778 &&
            (r[col(c.closedDate)] as number) <= 45_808,
        )
        .reduce((s, r) => s + (r[col(c.amount)] as number), 0);
      expect(att[o + 1][2]).toBe(actual);
    }
  });

  test("FUNNELBY has a column per region (every owner's territory) and STAGETIME counts every record and the won cycle", () => {
    const byRegion = spill("SALES.FUNNELBY(");
    const regions = new Set(leads.map((r) => r[col(c.region)]));
    expect(new Set(byRegion[0].slice(1, -1))).toEqual(regions);
    const stageTime = spill("SALES.STAGETIME(");
    expect(stageTime[1][1]).toBe(leads.length);
    expect(stageTime[stageTime.length - 1][1]).toBe(leads.filter((r) => r[col(c.outcome)] === "Won").length);
  });

  test("FORECAST gives the next 12 months from the 30-month history, with bounds, and feeds a line chart", () => {
    const f = spill("SALES.FORECAST(");
    expect(f[0]).toEqual(["Period", "Forecast", "Lower", "Upper"]);
    expect(f).toHaveLength(13);
    expect(f[1][0]).toBe("2025-05");
    const expected = forecast(
      content.history.rows.map((r) => [r[1]]),
      content.history.rows.map((r) => [r[0]]),
      [[12]],
      null,
      null,
      null,
      0.95,
      null,
    );
    expect(f.slice(1)).toEqual(expected.slice(1));
    for (const r of f.slice(1))
      expect((r[2] as number) < (r[1] as number) && (r[1] as number) < (r[3] as number)).toBe(true);
    expect(sim.model.charts.some((ch) => ch.type === "Line")).toBe(true);
  });

  test("the open deals most likely to close: the highest WINPROB first, with WINFACTORS' reasons", () => {
    const top = spill("SALES.WINPROB(");
    expect(top).toHaveLength(5);
    const fields = [[c.industry, c.source, c.employees, c.budget, c.authority]];
    const order = content.stages.rows.map((r) => [r[0]]);
    const p = winProb([content.leads.headers, ...leads], fields, null as never, order, null, null).map((r) => r[0]);
    const best = Math.max(...p.filter((x): x is number => typeof x === "number"));
    expect(top[0][2]).toBeCloseTo(best, 12);
    for (let i = 1; i < 5; i++) expect(top[i][2] as number).toBeLessThanOrEqual(top[i - 1][2] as number);
    for (const r of top) expect(String(r[3])).toMatch(/[↑↓]/);
  });
});

function parseAddress(a: string): { row: number; column: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(a)!;
  let column = 0;
  for (const ch of m[1]) column = column * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]), column };
}

function address(row: number, column: number): string {
  let s = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return `${s}${row}`;
}
