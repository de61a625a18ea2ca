/**
 * Formula evaluation in the simulated host: structured references, spills, per-row table formulas, and
 * the real SALES functions computing cells.
 */
import { createSimHost, resolveStructuredReference } from "../../src/sim";
import type { SalesFunction, SimHost } from "../../src/sim";
import { rectAddress } from "../../src/sim/address";

/** ECHO returns its argument as Excel passed it, so a test sees exactly what a reference resolved to. */
const fakeFunctions: Record<string, SalesFunction> = {
  ECHO: (x: unknown) => x,
  SHAPE: (x: unknown) => (Array.isArray(x) ? `${x.length}x${(x[0] as unknown[]).length}` : typeof x),
  FAIL: () => {
    throw Object.assign(new Error("bad stage"), { code: "#VALUE!" });
  },
  ROWSUM: (x: unknown) => (x as unknown[][]).flat().reduce((s: number, v) => s + (typeof v === "number" ? v : 0), 0),
};

/** `"real"` uses the host's default: the SALES functions of src/functions/functions.ts. */
async function leadsHost(functions: Record<string, SalesFunction> | "real" = fakeFunctions): Promise<SimHost> {
  const host = createSimHost(functions === "real" ? { today: () => 45_658 } : { functions, today: () => 45_658 });
  await host.run(async (context) => {
    const sheet = context.workbook.worksheets.add("Data");
    sheet.getRange("B2:E5").values = [
      ["Company", "Stage", "Amount", "Last contact"],
      ["Acme", "Lead", 100, 45_600],
      ["Globex", "Won", 250, 45_610],
      ["Initech", "Lost", 50, 45_620],
    ];
    sheet.tables.add("B2:E5", true).name = "Leads";
    await context.sync();
  });
  return host;
}

async function setFormula(host: SimHost, sheet: string, address: string, formula: string): Promise<void> {
  await host.run(async (context) => {
    context.workbook.worksheets.getItem(sheet).getRange(address).formulas = [[formula]];
    await context.sync();
  });
}

async function read(host: SimHost, sheet: string, address: string): Promise<unknown[][]> {
  return host.run(async (context) => {
    const r = context.workbook.worksheets.getItem(sheet).getRange(address).load("values");
    await context.sync();
    return r.values;
  });
}

describe("structured references resolve like Excel's", () => {
  const cases: Array<[string, string, { row: number; column: number } | undefined]> = [
    ["[Company]", "B3:B5", undefined],
    ["[#All]", "B2:E5", undefined],
    ["[#Data]", "B3:E5", undefined],
    ["", "B3:E5", undefined],
    ["[#Headers]", "B2:E2", undefined],
    ["[[#Headers],[Company]:[Amount]]", "B2:D2", undefined],
    ["[[#All],[Stage]]", "C2:C5", undefined],
    ["[[Stage]:[Amount]]", "C3:D5", undefined],
    ["[[#Headers],[#Data],[Amount]]", "D2:D5", undefined],
    ["[@Amount]", "D4", { row: 3, column: 6 }],
    ["[@[Last contact]]", "E4", { row: 3, column: 6 }],
    ["[@[Company]:[Amount]]", "B4:D4", { row: 3, column: 6 }],
    ["[[#This Row],[Stage]:[Amount]]", "C5:D5", { row: 4, column: 6 }],
    ["[amount]", "D3:D5", undefined],
  ];
  test.each(cases)("Leads%s → %s", async (spec, expected, site) => {
    const host = await leadsHost();
    const table = host.model.table("Leads")!;
    const inner = spec.startsWith("[") && spec.endsWith("]") ? spec.slice(1, -1) : spec;
    const rect = resolveStructuredReference(host.model, table, inner, site && { sheet: table.sheet, ...site });
    expect(rectAddress(rect)).toBe(expected);
  });

  test("an unknown column is #REF!", async () => {
    const host = await leadsHost();
    await setFormula(host, "Data", "H2", "=SALES.ECHO(Leads[Nope])");
    expect(await read(host, "Data", "H2")).toEqual([["#REF!"]]);
  });

  test("a this-row reference outside the table's rows is #VALUE!", async () => {
    const host = await leadsHost();
    await setFormula(host, "Data", "H20", "=SALES.ECHO(Leads[@Amount])");
    expect(await read(host, "Data", "H20")).toEqual([["#VALUE!"]]);
  });

  test("escaped special characters in column names", async () => {
    const host = createSimHost({ functions: fakeFunctions });
    await host.run(async (context) => {
      const s = context.workbook.worksheets.getItem("Sheet1");
      s.getRange("A1:B2").values = [
        ["Price [USD]", "#Deals"],
        [5, 6],
      ];
      s.tables.add("A1:B2", true).name = "T";
      await context.sync();
    });
    await setFormula(host, "Sheet1", "D1", "=SALES.ECHO(T['#Deals])");
    await setFormula(host, "Sheet1", "E1", "=SALES.ECHO(T[Price '[USD']])");
    expect(await read(host, "Sheet1", "D1:E1")).toEqual([[6, 5]]);
  });
});

describe("evaluation and spilling", () => {
  test("a SALES formula spills its matrix into the grid", async () => {
    const host = await leadsHost();
    await setFormula(host, "Data", "H2", "=SALES.ECHO(Leads[[#All],[Company]:[Stage]])");
    expect(await read(host, "Data", "H2:I5")).toEqual([
      ["Company", "Stage"],
      ["Acme", "Lead"],
      ["Globex", "Won"],
      ["Initech", "Lost"],
    ]);
    const formulas = await host.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Data").getRange("H2:H3").load("formulas");
      await context.sync();
      return r.formulas;
    });
    expect(formulas).toEqual([["=SALES.ECHO(Leads[[#All],[Company]:[Stage]])"], ["Acme"]]);
  });

  test("a blocked spill is #SPILL! and clears when the blocker goes", async () => {
    const host = await leadsHost();
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Data").getRange("H4").values = [["in the way"]];
      await context.sync();
    });
    await setFormula(host, "Data", "H2", "=SALES.ECHO(Leads[Company])");
    expect(await read(host, "Data", "H2")).toEqual([["#SPILL!"]]);
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Data").getRange("H4").clear();
      await context.sync();
    });
    expect(await read(host, "Data", "H2:H4")).toEqual([["Acme"], ["Globex"], ["Initech"]]);
  });

  test("overwriting a spilling formula removes its spill", async () => {
    const host = await leadsHost();
    await setFormula(host, "Data", "H2", "=SALES.ECHO(Leads[Company])");
    await setFormula(host, "Data", "H2", "plain");
    expect(await read(host, "Data", "H2:H4")).toEqual([["plain"], [""], [""]]);
  });

  test("per-row table formulas see their own row; a later formula can use an earlier one's result", async () => {
    const host = await leadsHost();
    await host.run(async (context) => {
      const table = context.workbook.tables.getItem("Leads");
      table.columns.add(null, null, "Total");
      table.columns.add(null, null, "Echo");
      await context.sync();
      // The dependent column is filled first, so evaluation order alone cannot get it right.
      table.columns.getItem("Echo").getDataBodyRange().formulas = [
        ["=SALES.ECHO([@Total])"],
        ["=SALES.ECHO([@Total])"],
        ["=SALES.ECHO([@Total])"],
      ];
      table.columns.getItem("Total").getDataBodyRange().formulas = [
        ["=SALES.ROWSUM(Leads[@[Amount]:[Last contact]])"],
        ["=SALES.ROWSUM(Leads[@[Amount]:[Last contact]])"],
        ["=SALES.ROWSUM(Leads[@[Amount]:[Last contact]])"],
      ];
      await context.sync();
    });
    expect(await read(host, "Data", "F3:G5")).toEqual([
      [45_700, 45_700],
      [45_860, 45_860],
      [45_670, 45_670],
    ]);
  });

  test("arguments: A1 and sheet-qualified ranges, spill references, literals, arrays, omitted, TODAY, DATE", async () => {
    const host = await leadsHost();
    await setFormula(host, "Data", "H2", "=SALES.ECHO(Leads[Company])");
    await setFormula(host, "Sheet1", "A1", "=SALES.SHAPE(Data!H2#)");
    await setFormula(host, "Sheet1", "A2", "=SALES.SHAPE('Data'!B2:E5)");
    await setFormula(host, "Sheet1", "A3", "=SALES.ECHO({1,2;3,4})");
    await setFormula(host, "Sheet1", "A5", '=SALES.ECHO("a ""quoted"" text")');
    await setFormula(host, "Sheet1", "A6", "=SALES.ECHO(TODAY())");
    await setFormula(host, "Sheet1", "A7", "=SALES.ECHO(DATE(2025,1,1))");
    await setFormula(host, "Sheet1", "A8", "=SALES.SHAPE(,1)");
    await setFormula(host, "Sheet1", "A9", "=SALES.ECHO(-15%)");
    expect(await read(host, "Sheet1", "A1:B9")).toEqual([
      ["3x1", ""],
      ["4x4", ""],
      [1, 2],
      [3, 4],
      ['a "quoted" text', ""],
      [45_658, ""],
      [45_658, ""],
      ["object", ""],
      [-0.15, ""],
    ]);
  });

  test("bare references spill; a bare table name is its data body; INDEX, ROWS and COLUMNS work", async () => {
    const host = await leadsHost();
    await setFormula(host, "Data", "H2", "=Leads[Company]");
    await setFormula(host, "Data", "I2", "=INDEX(Leads[#All],0,2)");
    await setFormula(host, "Data", "J2", "=ROWS(H2#)");
    await setFormula(host, "Data", "K2", "=COLUMNS(Leads[#All])");
    await setFormula(host, "Data", "L2", "=INDEX(Leads[Amount],2)");
    await setFormula(host, "Data", "M2", "=SALES.SHAPE(Leads)");
    expect(await read(host, "Data", "H2:M6")).toEqual([
      ["Acme", "Stage", 3, 4, 250, "3x4"],
      ["Globex", "Lead", "", "", "", ""],
      ["Initech", "Won", "", "", "", ""],
      ["", "Lost", "", "", "", ""],
      ["", "", "", "", "", ""],
    ]);
  });

  test("a thrown error shows as its Excel error; an unknown SALES function is #NAME?", async () => {
    const host = await leadsHost();
    await setFormula(host, "Data", "H2", "=SALES.FAIL()");
    await setFormula(host, "Data", "H3", "=SALES.NOPE(1)");
    expect(await read(host, "Data", "H2:H3")).toEqual([["#VALUE!"], ["#NAME?"]]);
  });

  test("formulas the sim does not evaluate keep their text as the value", async () => {
    const host = await leadsHost();
    await setFormula(host, "Data", "H2", '=VLOOKUP("Acme",B3:D5,3,FALSE)');
    await setFormula(host, "Data", "H3", "=SALES.ECHO(1)+MyName");
    await setFormula(host, "Data", "H4", "=SUM((D3,D5))");
    // A formula that reads an unevaluated one is not evaluated either (its value would be the other's text).
    await setFormula(host, "Data", "H5", "=LEN(H2)");
    await setFormula(host, "Data", "H6", "=H2");
    expect(await read(host, "Data", "H2:H6")).toEqual([
      ['=VLOOKUP("Acme",B3:D5,3,FALSE)'],
      ["=SALES.ECHO(1)+MyName"],
      ["=SUM((D3,D5))"],
      ["=LEN(H2)"],
      ["=H2"],
    ]);
  });

  test("suspendApiCalculationUntilNextSync skips calculation for that request only", async () => {
    const host = await leadsHost();
    host.resetStats();
    await host.run(async (context) => {
      context.application.suspendApiCalculationUntilNextSync();
      context.workbook.worksheets.getItem("Data").getRange("H2").formulas = [["=SALES.ECHO(7)"]];
      const r = context.workbook.worksheets.getItem("Data").getRange("H2").load("values");
      await context.sync();
      expect(r.values).toEqual([[0]]);
      expect(host.stats.recalculations).toBe(0);
      expect(host.stats.requests[0].calculationSuspended).toBe(true);
      const again = context.workbook.worksheets.getItem("Data").getRange("H2").load("values");
      await context.sync();
      expect(again.values).toEqual([[7]]);
      expect(host.stats.recalculations).toBe(1);
    });
  });

  test("manual calculation mode waits for application.calculate()", async () => {
    const host = await leadsHost();
    await host.run(async (context) => {
      context.workbook.application.calculationMode = "Manual";
      context.workbook.worksheets.getItem("Data").getRange("H2").formulas = [["=SALES.ECHO(7)"]];
      const before = context.workbook.worksheets.getItem("Data").getRange("H2").load("values");
      await context.sync();
      expect(before.values).toEqual([[0]]);
      context.workbook.application.calculate("Full");
      const after = context.workbook.worksheets.getItem("Data").getRange("H2").load("values");
      await context.sync();
      expect(after.values).toEqual([[7]]);
    });
  });
});

describe("with the real SALES functions", () => {
  test("WINRATE, FUNNEL and LEADGRADE compute the cells", async () => {
    const host = await leadsHost("real");
    await setFormula(host, "Data", "H1", "=SALES.LEADGRADE(90)");
    await setFormula(host, "Data", "H2", '=SALES.WINRATE({"Won","Lost","Won",""})');
    await setFormula(host, "Data", "H4", '=SALES.FUNNEL(Leads[Stage],{"Lead","Won"})');
    const [[grade], [winRate]] = await read(host, "Data", "H1:H2");
    expect(grade).toBe("A");
    expect(winRate).toBeCloseTo(2 / 3);
    const funnel = await read(host, "Data", "H4:H6");
    expect(funnel.map((row) => row[0])).toEqual(["Stage", "Lead", "Won"]);
  });

  test("an engine error surfaces as the cell's error value", async () => {
    const host = await leadsHost("real");
    // "Lead" is not an outcome word, and a stage order may not repeat a stage.
    await setFormula(host, "Data", "H2", "=SALES.WINRATE(Leads[Stage])");
    await setFormula(host, "Data", "H3", '=SALES.FUNNEL(Leads[Stage],{"Lead","Lead"})');
    expect(await read(host, "Data", "H2:H3")).toEqual([["#VALUE!"], ["#VALUE!"]]);
  });
});
