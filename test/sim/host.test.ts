/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read, office-addins/call-sync-after-load --
   these tests read properties before load/sync on purpose: the simulated host must throw there as Office.js does. */
/**
 * The simulated host's contract: the parts of Office.js's documented behaviour the access layer relies on.
 */
import { createSimHost, formatCell, SimError } from "../../src/sim";
import type { RequestContext } from "../../src/sim";

const noFunctions = { functions: {} };

async function expectSyncError(promise: Promise<unknown>, code: string): Promise<SimError> {
  try {
    await promise;
  } catch (e) {
    expect(e).toBeInstanceOf(SimError);
    expect((e as SimError).code).toBe(code);
    return e as SimError;
  }
  throw new Error(`expected the sync to fail with ${code}`);
}

describe("load and sync", () => {
  test("reading a property that was not loaded throws PropertyNotLoaded", async () => {
    const host = createSimHost(noFunctions);
    await host.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      range.load("address");
      expect(() => range.address).toThrow(/not available/);
      await context.sync();
      expect(range.address).toBe("Sheet1!A1:B2");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  test("load with no argument loads the scalar properties", async () => {
    const host = createSimHost(noFunctions);
    await host.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("B2:C3").load();
      await context.sync();
      expect(range.rowIndex).toBe(1);
      expect(range.columnCount).toBe(2);
      expect(range.values).toEqual([
        ["", ""],
        ["", ""],
      ]);
    });
  });

  test("nothing is written before sync", async () => {
    const host = createSimHost(noFunctions);
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:B1").values = [["a", 1]];
      context.workbook.worksheets.add("Second");
      expect(host.model.dump("Sheet1")).toEqual({});
      expect(host.model.sheet("Second")).toBeUndefined();
      expect(host.stats.requests).toHaveLength(0);
      await context.sync();
      expect(host.model.dump("Sheet1")).toEqual({ A1: { value: "a" }, B1: { value: 1 } });
      expect(host.model.sheet("Second")).toBeDefined();
    });
  });

  test("a value set on a proxy is readable at once (Office.js keeps it) but is not in the workbook yet", async () => {
    const host = createSimHost(noFunctions);
    await host.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      range.values = [["x"]];
      expect(range.values).toEqual([["x"]]);
      expect(host.model.dump("Sheet1")).toEqual({});
    });
    expect(host.model.dump("Sheet1")).toEqual({ A1: { value: "x" } });
  });

  test("Excel.run sends what the batch queued after its last sync", async () => {
    const host = createSimHost(noFunctions);
    await host.Excel.run(async (context: RequestContext) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("C3").values = [[3]];
    });
    expect(host.model.dump("Sheet1")).toEqual({ C3: { value: 3 } });
    expect(host.stats.requests).toHaveLength(1);
  });

  test("a failing action rejects the sync; earlier actions stay applied, loads are not delivered", async () => {
    const host = createSimHost(noFunctions);
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1").values = [["kept"]];
      const loaded = sheet.getRange("A1").load("values");
      context.workbook.worksheets.getItem("Missing").getRange("A1").values = [["never"]];
      const error = await expectSyncError(context.sync(), "ItemNotFound");
      expect(error.debugInfo.errorLocation).toBe("Range.values");
      expect(() => loaded.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
    expect(host.model.dump("Sheet1")).toEqual({ A1: { value: "kept" } });
  });

  test("loads see the workbook as it is at their place in the batch", async () => {
    const host = createSimHost(noFunctions);
    await host.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      range.values = [[1]];
      const before = context.workbook.worksheets.getItem("Sheet1").getRange("A1").load("values");
      range.values = [[2]];
      const after = context.workbook.worksheets.getItem("Sheet1").getRange("A1").load("values");
      await context.sync();
      expect(before.values).toEqual([[1]]);
      expect(after.values).toEqual([[2]]);
    });
  });

  test("a values matrix of the wrong size is rejected", async () => {
    const host = createSimHost(noFunctions);
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2").values = [["only one row", 1]];
      await expectSyncError(context.sync(), "InvalidArgument");
    });
  });
});

describe("null objects", () => {
  test("getItemOrNullObject reports isNullObject after sync; getItem fails the sync", async () => {
    const host = createSimHost(noFunctions);
    await host.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Nope");
      const present = context.workbook.worksheets.getItemOrNullObject("sheet1");
      expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      present.load("name");
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
      expect(present.name).toBe("Sheet1");
      context.workbook.worksheets.getItem("Nope").load("name");
      await expectSyncError(context.sync(), "ItemNotFound");
    });
  });

  test("a null object's *OrNullObject child is a null object; using a null object fails the sync", async () => {
    const host = createSimHost(noFunctions);
    await host.run(async (context) => {
      const table = context.workbook.tables.getItemOrNullObject("Nope");
      const column = table.columns.getItemOrNullObject("Stage");
      await context.sync();
      expect([table.isNullObject, column.isNullObject]).toEqual([true, true]);
      table.getRange().load("address");
      await expectSyncError(context.sync(), "InvalidOperation");
      context.workbook.worksheets.getItem("Missing").tables.getItemOrNullObject("x");
      await expectSyncError(context.sync(), "ItemNotFound");
    });
  });

  test("tables, columns and settings have null objects too", async () => {
    const host = createSimHost(noFunctions);
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:B2").values = [
        ["Name", "Amount"],
        ["a", 1],
      ];
      const table = sheet.tables.add("A1:B2", true);
      table.name = "Deals";
      await context.sync();
      const found = context.workbook.tables.getItemOrNullObject("deals");
      const absent = context.workbook.tables.getItemOrNullObject("Leads");
      const column = found.columns.getItemOrNullObject("Amount");
      const noColumn = found.columns.getItemOrNullObject("Score");
      const setting = context.workbook.settings.getItemOrNullObject("x");
      column.load("name,index");
      await context.sync();
      expect([
        found.isNullObject,
        absent.isNullObject,
        column.isNullObject,
        noColumn.isNullObject,
        setting.isNullObject,
      ]).toEqual([false, true, false, true, true]);
      expect(column.index).toBe(1);
    });
  });
});

describe("payload instrumentation and limits", () => {
  test("counts requests, JSON bytes and cells per sync", async () => {
    const host = createSimHost(noFunctions);
    const rows = [
      ["客户", 1],
      ["b", 2],
    ];
    await host.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2");
      range.values = rows;
      await context.sync();
      range.load("values");
      await context.sync();
    });
    const [write, read] = host.stats.requests;
    expect(host.stats.requests).toHaveLength(2);
    expect(write.requestBytes).toBe(Buffer.byteLength(JSON.stringify(rows), "utf8"));
    expect(write.cellsWritten).toBe(4);
    expect(read.cellsRead).toBe(4);
    expect(read.responseBytes).toBe(Buffer.byteLength(JSON.stringify(rows), "utf8"));
    expect(read.cells).toBe(4);
  });

  test("rejects a request above the byte limit before applying anything", async () => {
    const host = createSimHost({ ...noFunctions, limits: { maxRequestBytes: 1000 } });
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1").values = [["small"]];
      sheet.getRange("A2:A101").values = Array.from({ length: 100 }, () => ["0123456789"]);
      await expectSyncError(context.sync(), "RequestPayloadSizeLimitExceeded");
    });
    expect(host.model.dump("Sheet1")).toEqual({});
    expect(host.stats.requests[0].failed).toBe(true);
  });

  test("rejects a request above the cell limit", async () => {
    const host = createSimHost({ ...noFunctions, limits: { maxCells: 50 } });
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:A51").values = Array.from({ length: 51 }, () => [1]);
      await expectSyncError(context.sync(), "RequestPayloadSizeLimitExceeded");
    });
  });

  test("a read above the cell limit fails like Excel's response limit", async () => {
    const host = createSimHost({ ...noFunctions, limits: { maxCells: 50 } });
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:A51").load("values");
      await expectSyncError(context.sync(), "ResponsePayloadSizeLimitExceeded");
    });
  });

  test("by default a request above 5 MB is rejected", async () => {
    const host = createSimHost(noFunctions);
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["x".repeat(5 * 1024 * 1024)]];
      await expectSyncError(context.sync(), "RequestPayloadSizeLimitExceeded");
    });
    expect(host.model.dump("Sheet1")).toEqual({});
  });

  test("by default a request above 5,000,000 cells is rejected", async () => {
    const host = createSimHost({ ...noFunctions, limits: { maxRequestBytes: Infinity } });
    const row = new Array<number>(1000).fill(0);
    const rows = Array.from({ length: 5001 }, () => row);
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRangeByIndexes(0, 0, 5001, 1000).values = rows;
      const error = await expectSyncError(context.sync(), "RequestPayloadSizeLimitExceeded");
      expect(error.message).toMatch(/5001000 cells/);
    });
  });
});

describe("formulas versus literal text", () => {
  async function write(
    host: ReturnType<typeof createSimHost>,
    body: (range: ReturnType<RequestContext["workbook"]["worksheets"]["getItem"]>) => void,
  ) {
    await host.run(async (context) => {
      body(context.workbook.worksheets.getItem("Sheet1"));
      await context.sync();
    });
  }

  test("a string starting with = written through values becomes a formula, as in Excel", async () => {
    const host = createSimHost(noFunctions);
    await write(host, (s) => {
      s.getRange("A1").values = [['=HYPERLINK("http://x")']];
      s.getRange("A2").formulas = [["=SUM(1,2)"]];
    });
    const dump = host.model.dump("Sheet1");
    expect(dump.A1.formula).toBe('=HYPERLINK("http://x")');
    expect(dump.A2.formula).toBe("=SUM(1,2)");
  });

  test("+, - and @ prefixed text becomes a formula; numeric and boolean text become numbers and booleans", async () => {
    const host = createSimHost(noFunctions);
    await write(host, (s) => {
      s.getRange("A1:E1").values = [["+A2", "-cmd", "@SUM(A2)", "-12.5", "true"]];
    });
    const dump = host.model.dump("Sheet1");
    expect(dump.A1.formula).toBe("=+A2");
    expect(dump.B1.formula).toBe("=-cmd");
    expect(dump.C1.formula).toBe("=@SUM(A2)");
    expect(dump.D1).toEqual({ value: -12.5 });
    expect(dump.E1).toEqual({ value: true });
  });

  test("text Excel reads as a number or date does not stay text in a General cell", async () => {
    const host = createSimHost(noFunctions);
    await write(host, (s) => {
      s.getRange("A1:G1").values = [["00123", "1,200", "$3,500.50", "15%", "2025-01-02", "1/2/2025", "1-2-x"]];
    });
    expect(host.model.dump("Sheet1")).toEqual({
      A1: { value: 123 },
      B1: { value: 1200, numberFormat: "#,##0" },
      C1: { value: 3500.5, numberFormat: "$#,##0.00" },
      D1: { value: 0.15, numberFormat: "0%" },
      E1: { value: 45659, numberFormat: "yyyy-mm-dd" },
      F1: { value: 45659, numberFormat: "m/d/yyyy" },
      G1: { value: "1-2-x" },
    });
  });

  test("an existing number format is kept when Excel recognises a date", async () => {
    const host = createSimHost(noFunctions);
    await write(host, (s) => {
      s.getRange("A1").numberFormat = [["yyyy/mm/dd"]];
      s.getRange("A1").values = [["2025-01-02"]];
      s.getRange("A2").numberFormat = [["@"]];
      s.getRange("A2").values = [["2025-01-02"]];
    });
    expect(host.model.dump("Sheet1")).toEqual({
      A1: { value: 45659, numberFormat: "yyyy/mm/dd" },
      A2: { value: "2025-01-02", numberFormat: "@" },
    });
  });

  test("a Text-formatted cell keeps the string verbatim when the format is set before the value", async () => {
    const host = createSimHost(noFunctions);
    await write(host, (s) => {
      const cell = s.getRange("A1");
      cell.numberFormat = [["@"]];
      cell.values = [['=HYPERLINK("http://evil")']];
      s.getRange("A2").numberFormat = [["@"]];
      s.getRange("A2").values = [["00123"]];
    });
    expect(host.model.dump("Sheet1")).toEqual({
      A1: { value: '=HYPERLINK("http://evil")', numberFormat: "@" },
      A2: { value: "00123", numberFormat: "@" },
    });
  });

  test("the Text format set after the value does not undo the formula", async () => {
    const host = createSimHost(noFunctions);
    await write(host, (s) => {
      const cell = s.getRange("A1");
      cell.values = [["=1+1"]];
      cell.numberFormat = [["@"]];
    });
    expect(host.model.dump("Sheet1").A1.formula).toBe("=1+1");
  });

  test("an apostrophe prefix keeps text: values read without it, formulas with it", async () => {
    const host = createSimHost(noFunctions);
    await write(host, (s) => {
      s.getRange("A1").values = [["'=cmd|' /C calc'!A0"]];
    });
    await host.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1").load("values,formulas,valueTypes");
      await context.sync();
      expect(range.values).toEqual([["=cmd|' /C calc'!A0"]]);
      expect(range.formulas).toEqual([["'=cmd|' /C calc'!A0"]]);
      expect(range.valueTypes).toEqual([["String"]]);
    });
  });

  test("null in a values matrix leaves the cell unchanged", async () => {
    const host = createSimHost(noFunctions);
    await write(host, (s) => {
      s.getRange("A1:B1").values = [["a", "b"]];
    });
    await write(host, (s) => {
      s.getRange("A1:B1").values = [[null as unknown as string, "c"]];
    });
    expect(host.model.dump("Sheet1")).toEqual({ A1: { value: "a" }, B1: { value: "c" } });
  });

  test("General shows at most 11 characters, like a standard-width Excel column", () => {
    expect(formatCell(0.73295454545454, "General")).toBe("0.732954545");
    expect(formatCell(-12.5, "General")).toBe("-12.5");
    expect(formatCell(4062650, "General")).toBe("4062650");
    expect(formatCell(123456789012, "General")).toBe("1.23457E+11");
    expect(formatCell(1 / 3, "@")).toBe("0.333333333");
  });

  test("text shows the number format", async () => {
    const host = createSimHost(noFunctions);
    await host.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Sheet1").getRange("A1:D1");
      r.values = [[0.256, 1234567.891, 45658, 7]];
      r.numberFormat = [["0.0%", "#,##0.00", "yyyy-mm-dd", "General"]];
      r.load("text");
      await context.sync();
      expect(r.text).toEqual([["25.6%", "1,234,567.89", "2025-01-01", "7"]]);
    });
  });
});

describe("worksheets, tables, charts, settings, selection", () => {
  async function withLeads(host: ReturnType<typeof createSimHost>): Promise<void> {
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.add("Data");
      sheet.getRange("A1:C3").values = [
        ["Company", "Stage", "Amount"],
        ["Acme", "Lead", 100],
        ["Globex", "Won", 250],
      ];
      const table = sheet.tables.add("Data!A1:C3", true);
      table.name = "Leads";
      await context.sync();
    });
  }

  test("adding a sheet whose name is taken fails with ItemAlreadyExists (case-insensitive)", async () => {
    const host = createSimHost(noFunctions);
    await host.run(async (context) => {
      context.workbook.worksheets.add("SHEET1");
      await expectSyncError(context.sync(), "ItemAlreadyExists");
    });
  });

  test("collections load their items' properties", async () => {
    const host = createSimHost(noFunctions);
    await withLeads(host);
    await host.run(async (context) => {
      const sheets = context.workbook.worksheets.load("items/name");
      const tables = context.workbook.tables.load("items/name");
      const columns = context.workbook.tables.getItem("Leads").columns.load("items/name");
      await context.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(["Sheet1", "Data"]);
      expect(tables.items.map((t) => t.name)).toEqual(["Leads"]);
      expect(columns.items.map((c) => c.name)).toEqual(["Company", "Stage", "Amount"]);
      expect(() => sheets.items[0].position).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  test("table ranges: header row, data body, whole table, column data body", async () => {
    const host = createSimHost(noFunctions);
    await withLeads(host);
    await host.run(async (context) => {
      const table = context.workbook.tables.getItem("Leads");
      const header = table.getHeaderRowRange().load("address,values");
      const body = table.getDataBodyRange().load("address");
      const all = table.getRange().load("address");
      const amount = table.columns.getItem("Amount").getDataBodyRange().load("values,address");
      const sheet = table.worksheet.load("name");
      await context.sync();
      expect(header.address).toBe("Data!A1:C1");
      expect(header.values).toEqual([["Company", "Stage", "Amount"]]);
      expect(body.address).toBe("Data!A2:C3");
      expect(all.address).toBe("Data!A1:C3");
      expect(amount.values).toEqual([[100], [250]]);
      expect(sheet.name).toBe("Data");
    });
  });

  test("columns.add appends a column with a blank data body, moving cells right of the table in its rows", async () => {
    const host = createSimHost(noFunctions);
    await withLeads(host);
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      sheet.getRange("D2").values = [["beside"]];
      sheet.getRange("D5").values = [["below"]];
      const column = context.workbook.tables.getItem("Leads").columns.add(null, null, "Score");
      column.load("name,index");
      await context.sync();
      expect([column.name, column.index]).toEqual(["Score", 3]);
    });
    const dump = host.model.dump("Data");
    expect(dump.D1).toEqual({ value: "Score" });
    expect(dump.D2).toBeUndefined();
    expect(dump.E2).toEqual({ value: "beside" });
    expect(dump.D5).toEqual({ value: "below" });
    expect(host.model.table("Leads")!.rect).toEqual({ top: 0, left: 0, bottom: 2, right: 3 });
  });

  test("duplicate and blank headers become unique like Excel's", async () => {
    const host = createSimHost(noFunctions);
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:C1").values = [["Name", "", "name"]];
      sheet.tables.add("A1:C1", true);
      await context.sync();
      const header = context.workbook.tables.getItem("Table1").getHeaderRowRange().load("values");
      const body = context.workbook.tables.getItem("Table1").getDataBodyRange().load("rowCount");
      context.workbook.tables.getItem("Table1").columns.add(null, null, "Name");
      await context.sync();
      expect(header.values).toEqual([["Name", "Column2", "name2"]]);
      expect(body.rowCount).toBe(1);
    });
    expect(host.model.headers(host.model.table("Table1")!)).toEqual(["Name", "Column2", "name2", "Name3"]);
  });

  test("rows.add appends data rows and moves cells below the table down", async () => {
    const host = createSimHost(noFunctions);
    await withLeads(host);
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Data").getRange("A5").values = [["note"]];
      context.workbook.tables.getItem("Leads").rows.add(null, [["Initech", "Lead", 10]]);
      await context.sync();
    });
    const dump = host.model.dump("Data");
    expect(dump.A4).toEqual({ value: "Initech" });
    expect(dump.A6).toEqual({ value: "note" });
  });

  test("table names are unique workbook-wide and must be valid names", async () => {
    const host = createSimHost(noFunctions);
    await withLeads(host);
    await host.run(async (context) => {
      const t = context.workbook.worksheets.getItem("Sheet1").tables.add("A1:B2", true);
      t.name = "leads";
      await expectSyncError(context.sync(), "ItemAlreadyExists");
      context.workbook.tables.getItem("Table1").name = "has space";
      await expectSyncError(context.sync(), "InvalidArgument");
    });
  });

  test("charts.add records the chart; a host may refuse a type", async () => {
    const host = createSimHost({ ...noFunctions, refusedChartTypes: ["Funnel"] });
    await withLeads(host);
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      sheet.charts.add("Funnel", sheet.getRange("A1:C3"), "Auto");
      await expectSyncError(context.sync(), "InvalidArgument");
      const chart = sheet.charts.add("BarClustered", sheet.getRange("A1:C3"), "Columns");
      chart.title.text = "Pipeline";
      chart.setPosition("E2", "L20");
      chart.load("name,chartType");
      await context.sync();
      expect(chart.chartType).toBe("BarClustered");
    });
    expect(host.model.charts).toHaveLength(1);
    expect(host.model.charts[0]).toMatchObject({
      type: "BarClustered",
      title: "Pipeline",
      position: { start: "E2", end: "L20" },
    });
  });

  test("settings round-trip as JSON values", async () => {
    const host = createSimHost(noFunctions);
    await host.run(async (context) => {
      context.workbook.settings.add("mapping", JSON.stringify({ budget: "预算" }));
      await context.sync();
      const s = context.workbook.settings.getItemOrNullObject("mapping").load("value");
      await context.sync();
      expect(JSON.parse(s.value as string)).toEqual({ budget: "预算" });
    });
  });

  test("range.select makes the sheet active and records the selection", async () => {
    const host = createSimHost(noFunctions);
    await withLeads(host);
    await host.run(async (context) => {
      context.workbook.tables.getItem("Leads").getDataBodyRange().getRow(1).select();
      const selected = context.workbook.getSelectedRange().load("address");
      await context.sync();
      expect(selected.address).toBe("Data!A3:C3");
    });
    expect(host.model.activeSheet?.name).toBe("Data");
  });

  test("getRangeByIndexes, getCell and the grid limits", async () => {
    const host = createSimHost(noFunctions);
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      const r = sheet.getRangeByIndexes(2, 1, 3, 2).load("address");
      const c = r.getCell(1, 1).load("address");
      await context.sync();
      expect(r.address).toBe("Sheet1!B3:C5");
      expect(c.address).toBe("Sheet1!C4");
      sheet.getRangeByIndexes(1_048_575, 0, 2, 1).load("address");
      await expectSyncError(context.sync(), "InvalidArgument");
    });
  });

  test("Office globals follow the options", () => {
    const host = createSimHost({ ...noFunctions, displayLanguage: "zh-CN", theme: "dark" });
    expect(host.Office.context.displayLanguage).toBe("zh-CN");
    expect(host.Office.context.officeTheme.isDarkTheme).toBe(true);
    expect(host.Office.context.requirements.isSetSupported("ExcelApi", "1.8")).toBe(true);
    expect(host.Office.context.requirements.isSetSupported("ExcelApi", "1.99")).toBe(false);
  });
});

describe("the 5 MB cap on a custom function's arguments (Excel for the web)", () => {
  // A whole-column argument of about 6 MB: 300,000 cells of 20 characters.
  const big = Array.from({ length: 300000 }, (_, i) => [`lead-${String(i).padStart(15, "0")}`]);
  const echo = { COUNTCELLS: (m: unknown) => (m as unknown[][]).length };
  const run = async (platform: string) => {
    const host = createSimHost({ functions: echo, platform, calculate: true });
    // Written in requests under Office.js's own 5 MB request limit.
    for (let start = 0; start < big.length; start += 100000) {
      await host.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange(`A${start + 1}:A${start + 100000}`).values = big.slice(
          start,
          start + 100000,
        );
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one request per chunk, each under the request limit
        await context.sync();
      });
    }
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("C1").formulas = [[`=SALES.COUNTCELLS(A1:A${big.length})`]];
      sheet.getRange("C2").formulas = [["=SALES.COUNTCELLS(A1:A1000)"]];
      await context.sync();
    });
    return [host.model.dump("Sheet1").C1, host.model.dump("Sheet1").C2];
  };

  test("on OfficeOnline a call over 5 MB answers #CALC!, a small one works", async () => {
    const [c1, c2] = await run("OfficeOnline");
    expect(c1).toMatchObject({ value: "#CALC!" });
    expect(c2).toMatchObject({ value: 1000 });
  });

  test("on PC the same call works", async () => {
    const [c1] = await run("PC");
    expect(c1).toMatchObject({ value: 300000 });
  });
});
