/**
 * Dynamic arrays in the simulated host, through the Office.js-shaped API the add-in uses: results spill,
 * blocked spills are #SPILL!, spill references feed every function, formulas see each other's results
 * whatever their order on the sheet, SALES functions take arrays computed by Excel functions, and what the
 * sim does not compute (including circular references) shows the formula text.
 */
import { createSimHost } from "../../src/sim";
import type { SalesFunction, SimHost } from "../../src/sim";

const fakeFunctions: Record<string, SalesFunction> = {
  ECHO: (x: unknown) => x,
  SHAPE: (x: unknown) => (Array.isArray(x) ? `${x.length}x${(x[0] as unknown[]).length}` : typeof x),
  FAIL: () => {
    throw Object.assign(new Error("bad stage"), { code: "#VALUE!" });
  },
};

async function host(
  functions: Record<string, SalesFunction> | "real" = fakeFunctions,
  parameters?: Record<string, Array<{ dimensionality: "scalar" | "matrix" }>>,
): Promise<SimHost> {
  const h = createSimHost(
    functions === "real" ? { today: () => 46_023 } : { functions, parameters, today: () => 46_023 },
  );
  await h.run(async (context) => {
    const sheet = context.workbook.worksheets.add("Data");
    sheet.getRange("A1:D7").values = [
      ["Company", "Region", "Amount", "Stage"],
      ["Acme", "East", 100, "Won"],
      ["Globex", "West", 250, "Lost"],
      ["Initech", "East", 50, "Won"],
      ["Umbrella", "North", 80, "Lead"],
      ["Hooli", "East", 300, "Lost"],
      ["Stark", "West", 120, "Won"],
    ];
    sheet.tables.add("A1:D7", true).name = "Deals";
    await context.sync();
  });
  return h;
}

async function write(h: SimHost, sheet: string, address: string, formulas: unknown[][]): Promise<void> {
  await h.run(async (context) => {
    context.workbook.worksheets.getItem(sheet).getRange(address).formulas = formulas as string[][];
    await context.sync();
  });
}

async function read(h: SimHost, sheet: string, address: string): Promise<unknown[][]> {
  return h.run(async (context) => {
    const r = context.workbook.worksheets.getItem(sheet).getRange(address).load("values");
    await context.sync();
    return r.values;
  });
}

describe("spilling", () => {
  test("FILTER spills, grows and shrinks with its data, and is #SPILL! while blocked", async () => {
    const h = await host();
    await write(h, "Sheet1", "A1", [['=FILTER(Deals[Company],Deals[Region]="East")']]);
    expect(await read(h, "Sheet1", "A1:A4")).toEqual([["Acme"], ["Initech"], ["Hooli"], [""]]);
    await write(h, "Data", "B5", [["East"]]);
    expect(await read(h, "Sheet1", "A1:A5")).toEqual([["Acme"], ["Initech"], ["Umbrella"], ["Hooli"], [""]]);
    await write(h, "Data", "B2", [["South"]]);
    expect(await read(h, "Sheet1", "A1:A4")).toEqual([["Initech"], ["Umbrella"], ["Hooli"], [""]]);
    await write(h, "Sheet1", "A3", [["in the way"]]);
    expect(await read(h, "Sheet1", "A1:A2")).toEqual([["#SPILL!"], [""]]);
    await h.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A3").clear();
      await context.sync();
    });
    expect(await read(h, "Sheet1", "A1:A3")).toEqual([["Initech"], ["Umbrella"], ["Hooli"]]);
  });

  test("a formula written inside a table that returns an array is #SPILL!", async () => {
    const h = await host();
    await h.run(async (context) => {
      context.workbook.tables.getItem("Deals").rows.add(undefined, [["X", "East", "=SEQUENCE(2)", "Won"]]);
      await context.sync();
    });
    expect(await read(h, "Data", "C8")).toEqual([["#SPILL!"]]);
  });

  test("a blank cell in a spilled range shows 0, empty text stays empty", async () => {
    const h = await host();
    await write(h, "Sheet1", "C1:C2", [["x"], ['=""']]);
    await write(h, "Sheet1", "A1", [["=C1:C3"]]);
    await write(h, "Sheet1", "B1", [['=C1:C3&""']]);
    expect(await read(h, "Sheet1", "A1:B3")).toEqual([
      ["x", "x"],
      ["", ""],
      [0, ""],
    ]);
  });
});

describe("spill references and evaluation order", () => {
  test("formulas read spills wherever they sit, in one recalculation", async () => {
    const h = await host();
    // The readers come first in sheet order; the spills they read are computed on demand.
    await write(h, "Sheet1", "A1:C1", [["=ROWS(E5#)", "=SUM(INDEX(E5#,0,3))", '=COUNTIF(E5#,"A*")']]);
    await write(h, "Sheet1", "E5", [["=SORT(FILTER(Deals[[Company]:[Amount]],Deals[Amount]>90))"]]);
    h.resetStats();
    await write(h, "Sheet1", "A2", [["=A1*10"]]);
    expect(h.stats.recalculations).toBe(1);
    expect(await read(h, "Sheet1", "A1:C2")).toEqual([
      [4, 770, 1],
      [40, "", ""],
    ]);
    expect(await read(h, "Sheet1", "E5:G8")).toEqual([
      ["Acme", "East", 100],
      ["Globex", "West", 250],
      ["Hooli", "East", 300],
      ["Stark", "West", 120],
    ]);
    // F5 is inside the spill, not its anchor.
    await write(h, "Sheet1", "B2", [["=SUM(F5#)"]]);
    expect(await read(h, "Sheet1", "B2")).toEqual([["#REF!"]]);
  });

  test("an attainment grid divides two equally shaped spills with labels, blanking errors", async () => {
    const h = await host();
    await write(h, "Sheet1", "B5", [['={"Owner","Jan","Feb";"Ann",100,200;"Bob",0,50}']]);
    await write(h, "Sheet1", "H5", [['={"Owner","Jan","Feb";"Ann",50,250;"Bob",10,25}']]);
    await write(h, "Sheet1", "L5", [['=IFERROR(H5#/B5#,"")']]);
    expect(await read(h, "Sheet1", "L5:N7")).toEqual([
      ["", "", ""],
      ["", 0.5, 1.25],
      ["", "", 0.5],
    ]);
  });

  test("a chain written bottom-up resolves in one recalculation", async () => {
    const h = await host();
    const formulas = Array.from({ length: 12 }, (_, i) => [i === 11 ? "=1" : `=A${i + 2}+1`]);
    await write(h, "Sheet1", "A1:A12", formulas);
    expect((await read(h, "Sheet1", "A1:A12")).map((r) => r[0])).toEqual([12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
  });

  test("per-row table formulas over whole columns, over each other, and over the row above", async () => {
    const h = await host();
    await h.run(async (context) => {
      const table = context.workbook.tables.getItem("Deals");
      // Added right to left, so each column reads one that is computed later in sheet order.
      table.columns.add(null, null, "Share");
      table.columns.add(null, null, "Top");
      table.columns.add(null, null, "Running");
      await context.sync();
      const fill = (name: string, formula: (row: number) => string) =>
        (table.columns.getItem(name).getDataBodyRange().formulas = Array.from({ length: 6 }, (_, i) => [
          formula(i + 2),
        ]));
      fill("Running", (row) => (row === 2 ? "=[@Amount]" : `=G${row - 1}+[@Amount]`));
      fill("Top", () => "=[@Share]=MAX([Share])");
      fill("Share", () => "=ROUND([@Amount]/SUM([Amount]),3)");
      await context.sync();
    });
    expect(await read(h, "Data", "E2:G7")).toEqual([
      [0.111, false, 100],
      [0.278, false, 350],
      [0.056, false, 400],
      [0.089, false, 480],
      [0.333, true, 780],
      [0.133, false, 900],
    ]);
  });

  test("a formula next to a spill it does not feed is computed correctly", async () => {
    const h = await host();
    // B1 could spill into C1:C3 (it does not): A1 must not take it for a circular reference.
    await write(h, "Sheet1", "A1:B1", [["=SUM(C1:C3)", "=A1*2"]]);
    await write(h, "Sheet1", "C2", [[5]]);
    expect(await read(h, "Sheet1", "A1:B1")).toEqual([[5, 10]]);
  });

  test("a circular reference is not evaluated: both formulas show their text", async () => {
    const h = await host();
    await write(h, "Sheet1", "A1:B1", [["=B1+1", "=A1+1"]]);
    await write(h, "Sheet1", "C1", [["=SUM(C1:C2)"]]);
    expect(await read(h, "Sheet1", "A1:C1")).toEqual([["=B1+1", "=A1+1", "=SUM(C1:C2)"]]);
  });

  test("a spill reference to a formula the sim cannot compute is not evaluated either", async () => {
    const h = await host();
    await write(h, "Sheet1", "A1", [['=VLOOKUP("Acme",Data!A2:C7,3,FALSE)']]);
    await write(h, "Sheet1", "B1", [["=ROWS(A1#)"]]);
    expect(await read(h, "Sheet1", "B1")).toEqual([["=ROWS(A1#)"]]);
  });

  test("a spill reference to a cell without a formula is #REF!", async () => {
    const h = await host();
    await write(h, "Sheet1", "A1:B1", [[5, "=SUM(A1#)"]]);
    expect(await read(h, "Sheet1", "B1")).toEqual([["#REF!"]]);
  });
});

describe("SALES functions inside Excel formulas", () => {
  test("arrays computed by FILTER arrive as matrices; results feed Excel operators", async () => {
    const h = await host();
    await write(h, "Sheet1", "A1:D1", [
      [
        '=SALES.SHAPE(FILTER(Deals[[Company]:[Amount]],Deals[Region]="East"))',
        "=SALES.ECHO(Deals[Amount]*2)",
        '=SUM(SALES.ECHO(FILTER(Deals[Amount],Deals[Stage]="Won")))*2',
        '=IFERROR(SALES.FAIL(),"caught")',
      ],
    ]);
    expect(await read(h, "Sheet1", "A1:D3")).toEqual([
      ["3x3", 200, 540, "caught"],
      ["", 500, "", ""],
      ["", 100, "", ""],
    ]);
  });

  test("declared scalar parameters take a one-value array and refuse a larger one (#VALUE!)", async () => {
    const h = await host(fakeFunctions, {
      ECHO: [{ dimensionality: "scalar" }],
      SHAPE: [{ dimensionality: "matrix" }],
    });
    await write(h, "Sheet1", "A1:D1", [
      [
        '=SALES.ECHO(FILTER(Deals[Amount],Deals[Company]="Hooli"))',
        '=SALES.ECHO(FILTER(Deals[Amount],Deals[Region]="East"))',
        "=SALES.SHAPE(5)",
        "=SALES.ECHO(1/0)",
      ],
    ]);
    expect(await read(h, "Sheet1", "A1:D1")).toEqual([[300, "#VALUE!", "1x1", "#DIV/0!"]]);
  });

  test("the real SALES functions over FILTER and LET", async () => {
    const h = await host("real");
    await write(h, "Sheet1", "A1:B1", [
      [
        '=SALES.WINRATE(FILTER(Deals[Stage],Deals[Region]="East"))',
        '=LET(won,FILTER(Deals[Amount],Deals[Stage]="Won"),ROUND(SUM(won)/SALES.WINRATE(FILTER(Deals[Stage],Deals[Stage]<>"Lead")),2))',
      ],
    ]);
    const [[eastRate, ratio]] = await read(h, "Sheet1", "A1:B1");
    // East: Won, Won, Lost → 2/3; without the lead: 3 won, 2 lost → 0.6; won amounts 100+50+120 = 270.
    expect(eastRate).toBeCloseTo(2 / 3, 12);
    expect(ratio).toBe(450);
  });

  test("ROW, and a table column that reads its own row of a spill on another sheet (the Win probability column)", async () => {
    const h = await host();
    await write(h, "Sheet1", "A1:C2", [
      ["=ROW()", "=ROW(Deals[#Headers])", "=ROWS(ROW(Deals[Amount]))"],
      ["=SALES.ECHO(Deals[[#All],[Company]:[Amount]])", null, null],
    ]);
    expect((await read(h, "Sheet1", "A1:C1"))[0]).toEqual([1, 1, 6]);
    // A spill of one value per record, header row included, as SALES.WINPROB's is.
    await write(h, "Sheet1", "E1", [["=SALES.ECHO(Deals[Amount])"]]);
    await h.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      const table = sheet.tables.getItem("Deals");
      table.columns.add(undefined, undefined, "Echo");
      await context.sync();
      sheet.getRange("E2:E7").formulas = Array.from({ length: 6 }, () => [
        "=INDEX(Sheet1!$E$1#,ROW()-ROW(Deals[#Headers]))",
      ]);
      await context.sync();
    });
    expect((await read(h, "Data", "E2:E7")).map((r) => r[0])).toEqual([100, 250, 50, 80, 300, 120]);
  });
});
