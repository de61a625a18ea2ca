/**
 * SALES.FORECAST in the simulated Excel host (the preview and the e2e tests): a table of deal rows, the formula as a
 * user types it (omitted arguments between commas, a structured reference), and the spilled table read back.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { createSimHost } from "../../src/sim";
import { examples } from "../../src/help/examples/forecast";

test("=SALES.FORECAST over a table spills Example 3's forecast with bounds", async () => {
  const example = examples.find((e) => e.formula.startsWith("=SALES.FORECAST(B2:B27, A2:A27, 3,"));
  if (example === undefined) throw new Error("Example 3 missing from the help examples");
  const host = createSimHost({ today: () => 45_658 });
  await host.run(async (context) => {
    const sheet = context.workbook.worksheets.add("Deals");
    const rows = example.sheet as unknown[][];
    sheet.getRange(`A1:B${rows.length}`).values = rows as any;
    sheet.tables.add(`A1:B${rows.length}`, true).name = "Deals";
    sheet.getRange("D1").formulas = [["=SALES.FORECAST(Deals[Amount], Deals[CloseDate], 3, , , , 0.8)"]];
    await context.sync();
  });
  let values: unknown[][] = [];
  await host.run(async (context) => {
    const r = context.workbook.worksheets.getItem("Deals").getRange("D1:G4").load("values");
    await context.sync();
    values = r.values;
  });
  const expected = example.result as unknown[][];
  expect(values[0]).toEqual(expected[0]);
  for (let i = 1; i < expected.length; i++) {
    expect(values[i][0]).toBe(expected[i][0]);
    for (let j = 1; j < 4; j++)
      expect(Math.abs((values[i][j] as number) - (expected[i][j] as number))).toBeLessThanOrEqual(
        1e-9 * Math.abs(expected[i][j] as number),
      );
  }
});
