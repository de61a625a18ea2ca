/**
 * The real access layer (src/excel) and sample workbook (src/sample) over the simulated host: the same code
 * the task pane runs in Excel, checked against the sim's Office.js contract and limits.
 */
import * as fs from "fs";
import * as path from "path";
import { createExcelWorkbookOps, type ExcelRun } from "../../src/excel";
import { insertSampleWorkbook } from "../../src/sample/insert";
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
