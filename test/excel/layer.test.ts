/**
 * The Excel access layer (src/excel) against the simulated host (src/sim): request limits, literal text,
 * re-runs that never duplicate, stage moves that never overwrite, unique names, rollback on cancel.
 */
import {
  CancelledError,
  MAX_REQUEST_BYTES,
  MAX_REQUEST_CELLS,
  createExcelWorkbookOps,
  type ExcelRun,
} from "../../src/excel";
import { insertSampleWorkbook } from "../../src/sample/insert";
import { createSimHost, type SimHost, type SimHostOptions } from "../../src/sim";

function setup(options: SimHostOptions = {}) {
  // Formulas are not evaluated here: these tests are about what the layer sends, not what SALES computes.
  const sim: SimHost = createSimHost({ calculate: false, today: () => 45_800, ...options });
  const ops = createExcelWorkbookOps(sim.run as unknown as ExcelRun);
  return { sim, ops };
}

async function leadsTable(ops: ReturnType<typeof setup>["ops"], rows: number, name = "Leads") {
  return ops.addTable("Sheet1", {
    name,
    topLeft: "A1",
    headers: ["Company", "Stage", "Amount"],
    rows: Array.from({ length: rows }, (_, i) => [`Company ${i}`, i % 3 === 0 ? "" : "Lead", i * 10]),
  });
}

describe("chunked writes", () => {
  async function scoreColumnRequests(rows: number) {
    const { sim, ops } = setup();
    await leadsTable(ops, rows);
    sim.resetStats();
    const formula = "=SALES.LEADSCORE(Leads[@[Company]:[Amount]],ScoringRules,Leads[[#Headers],[Company]:[Amount]])";
    const result = await ops.addColumns("Leads", [
      { name: "Score", formula: () => formula },
      { name: "Why", formula: () => formula.replace("LEADSCORE", "SCOREDETAIL") },
    ]);
    const writes = sim.stats.requests.filter((r) => r.cellsWritten > 0);
    return { sim, result, writes };
  }

  test("a 100,000-row formula column stays under 4 MB and 5,000,000 cells per request", async () => {
    const { sim, result, writes } = await scoreColumnRequests(100_000);
    expect(writes.length).toBeGreaterThan(1);
    for (const r of sim.stats.requests) {
      expect(r.failed).toBe(false);
      expect(r.requestBytes).toBeLessThanOrEqual(MAX_REQUEST_BYTES);
      expect(r.cells).toBeLessThanOrEqual(MAX_REQUEST_CELLS);
    }
    expect(result.cellsWritten).toBe(200_000);
    expect(result.requests).toBe(writes.length);
    const dump = sim.model.dump("Sheet1");
    expect(dump.D100001.formula).toContain("SALES.LEADSCORE");
  }, 120_000);

  test("the number of requests grows linearly with the rows", async () => {
    const small = await scoreColumnRequests(25_000);
    const large = await scoreColumnRequests(100_000);
    const ratio = large.writes.length / small.writes.length;
    expect(ratio).toBeGreaterThanOrEqual(3);
    expect(ratio).toBeLessThanOrEqual(5);
  }, 120_000);

  test("reading a 100,000-row table is chunked under the response limits", async () => {
    const { sim, ops } = setup();
    await leadsTable(ops, 100_000);
    sim.resetStats();
    const read = await ops.readTable("Leads");
    expect(read.rowCount).toBe(100_000);
    expect(read.columns.Company[99_999]).toBe("Company 99999");
    expect(sim.stats.requests.length).toBeGreaterThan(2);
    for (const r of sim.stats.requests) {
      expect(r.failed).toBe(false);
      expect(r.responseBytes).toBeLessThanOrEqual(MAX_REQUEST_BYTES);
      expect(r.cells).toBeLessThanOrEqual(MAX_REQUEST_CELLS);
    }
  }, 120_000);

  test("calculation is suspended during every bulk-write request", async () => {
    const { writes } = await scoreColumnRequests(20_000);
    expect(writes.length).toBeGreaterThan(0);
    for (const r of writes) expect(r.calculationSuspended).toBe(true);
  }, 60_000);

  test("progress is reported per chunk and reaches the total", async () => {
    const { ops } = setup();
    await leadsTable(ops, 5_000);
    const seen: number[] = [];
    await ops.addColumns("Leads", [{ name: "N", values: Array.from({ length: 5_000 }, (_, i) => i) }], {
      onProgress: (p) => seen.push(p.done),
    });
    expect(seen[seen.length - 1]).toBe(5_000);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });

  test("a cancelled write stops between chunks and removes the column it created", async () => {
    const sim = createSimHost({ calculate: false });
    // A tiny request budget makes many chunks out of a small table.
    const ops = createExcelWorkbookOps(sim.run as unknown as ExcelRun, { byteBudget: 2_000 });
    await leadsTable(ops, 2_000);
    const controller = new AbortController();
    const attempt = ops.addColumns("Leads", [{ name: "Score", values: Array.from({ length: 2_000 }, () => 1) }], {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.done > 0) controller.abort();
      },
    });
    await expect(attempt).rejects.toBeInstanceOf(CancelledError);
    const tables = await ops.listTables();
    expect(tables[0].headers).toEqual(["Company", "Stage", "Amount"]);
  });
});

describe("formula injection", () => {
  const hostile = ['=HYPERLINK("http://evil.example","click")', "+SUM(1,2)", "-2+3", "@SUM(A1)", "  =1+1"];

  test("text that looks like a formula stays literal text in new tables", async () => {
    const { sim, ops } = setup();
    await ops.addTable("Sheet1", { name: "T", topLeft: "A1", headers: ["Company"], rows: hostile.map((h) => [h]) });
    const dump = sim.model.dump("Sheet1");
    hostile.forEach((text, i) => {
      const cell = dump[`A${i + 2}`];
      expect(cell.formula).toBeUndefined();
      expect(cell.value).toBe(text);
    });
    const back = await ops.readTable("T");
    expect(back.columns.Company).toEqual(hostile);
  });

  test("values written into columns, rows and stages stay literal", async () => {
    const { sim, ops } = setup();
    await leadsTable(ops, hostile.length);
    await ops.addColumns("Leads", [{ name: "Note", values: hostile }]);
    await ops.replaceTableRows(
      "Leads",
      hostile.map((h) => [h, "", 1]),
    );
    await ops.setBlankStages("Leads", "Stage", [0, 1, 2, 3, 4], "=cmd|' /C calc'!A0");
    const dump = sim.model.dump("Sheet1");
    for (let r = 2; r < 2 + hostile.length; r++) {
      for (const col of ["A", "B", "D"]) expect(dump[`${col}${r}`].formula).toBeUndefined();
    }
    expect(dump.D2.value).toBe(hostile[0]);
    expect(dump.A3.value).toBe(hostile[1]);
    expect(dump.B2.value).toBe("=cmd|' /C calc'!A0");
  });
});

describe("re-running never duplicates", () => {
  test("adding the same columns twice refreshes them in place", async () => {
    const { ops } = setup();
    await leadsTable(ops, 10);
    const specs = [
      { name: "Score", formula: (r: number) => `=SALES.LEADGRADE(${r})` },
      { name: "Grade", formula: () => "=SALES.LEADGRADE(Leads[@[Score]])" },
    ];
    await ops.addColumns("Leads", specs);
    const plan = await ops.planColumns("Leads", specs);
    expect(plan).toEqual({ cellsToChange: 0, newColumns: [], existingColumns: ["Score", "Grade"] });
    await ops.addColumns("Leads", specs);
    const [table] = await ops.listTables();
    expect(table.headers).toEqual(["Company", "Stage", "Amount", "Score", "Grade"]);
  });

  test("the plan counts existing cells that will change", async () => {
    const { ops } = setup();
    await leadsTable(ops, 10);
    await ops.addColumns("Leads", [{ name: "Score", values: Array.from({ length: 10 }, () => 1) }]);
    const plan = await ops.planColumns("Leads", [
      { name: "Score", values: Array.from({ length: 10 }, (_, i) => (i < 4 ? 2 : 1)) },
      { name: "Fresh", values: Array.from({ length: 10 }, () => 0) },
    ]);
    expect(plan).toEqual({ cellsToChange: 4, newColumns: ["Fresh"], existingColumns: ["Score"] });
  });

  test("sheet and table names in use get a suffix", async () => {
    const { ops } = setup();
    expect(await ops.addSheet("Report")).toBe("Report");
    expect(await ops.addSheet("Report")).toBe("Report (2)");
    expect(await ops.addSheet("report")).toBe("report (3)");
    await leadsTable(ops, 2);
    expect(await ops.uniqueTableName("Leads")).toBe("Leads_2");
    const second = await ops.addTable("Report", { name: "Leads", topLeft: "A1", headers: ["X"], rows: [[1]] });
    expect(second).toBe("Leads_2");
  });

  test("inserting the sample twice touches nothing the first insert made", async () => {
    const { sim, ops } = setup();
    const first = await insertSampleWorkbook(ops, "en", { asOf: 45_800 });
    const before = JSON.stringify(first.sheets.map((s) => sim.model.dump(s)));
    const second = await insertSampleWorkbook(ops, "en", { asOf: 45_800 });
    expect(JSON.stringify(first.sheets.map((s) => sim.model.dump(s)))).toBe(before);
    expect(second.tables.leads).toBe("Leads_2");
    expect(second.sheets.every((s) => !first.sheets.includes(s))).toBe(true);
    // A Chinese sample gets Chinese table names (线索 …), beside the English ones.
    const third = await insertSampleWorkbook(ops, "zh", { asOf: 45_800 });
    expect(third.tables.leads).toBe("线索");
    const tables = await ops.listTables();
    expect(tables.find((t) => t.name === "线索")?.headers).toContain("预算");
    expect(tables.find((t) => t.name === "Leads")?.rowCount).toBe(200);
  });

  test("the sample points the Targets panel at its own targets, once, and never over a user's settings", async () => {
    const { ops } = setup();
    await insertSampleWorkbook(ops, "en", { asOf: 45_800 });
    const settings = await ops.getSetting<Record<string, unknown>>("targets");
    expect(settings).toMatchObject({
      annualTarget: 2_400_000,
      startMonth: "2025-01",
      ownerSource: "table",
      ownersTable: "Targets",
    });
    await ops.setSetting("targets", { annualTarget: 5 });
    await insertSampleWorkbook(ops, "zh", { asOf: 45_800 });
    expect(await ops.getSetting("targets")).toEqual({ annualTarget: 5 });
  });
});

describe("stage moves", () => {
  test("only blank stages are set, and a stage filled after the plan is not overwritten", async () => {
    const { sim, ops } = setup();
    await ops.addTable("Sheet1", {
      name: "Leads",
      topLeft: "A1",
      headers: ["Company", "Stage"],
      rows: [
        ["A", ""],
        ["B", "Proposal"],
        ["C", "   "],
        ["D", ""],
        ["E", "Won"],
        ["F", ""],
      ],
    });
    const plan = await ops.planStages("Leads", "Stage", [0, 1, 2, 3, 4]);
    expect(plan).toEqual({ rowsToSet: [0, 2, 3], rowsKept: [1, 4] });
    // The user types a stage into row D while the dialog is open.
    await sim.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("B5").values = [["Demo"]];
      await context.sync();
    });
    const set = await ops.setBlankStages("Leads", "Stage", plan.rowsToSet, "Lead");
    expect(set).toBe(2);
    const back = await ops.readTable("Leads");
    expect(back.columns.Stage).toEqual(["Lead", "Proposal", "Lead", "Demo", "Won", ""]);
  });

  test("many scattered rows go out in bounded requests", async () => {
    const sim = createSimHost({ calculate: false });
    const ops = createExcelWorkbookOps(sim.run as unknown as ExcelRun, { byteBudget: 4_000 });
    await leadsTable(ops, 3_000);
    const rows = Array.from({ length: 3_000 }, (_, i) => i);
    sim.resetStats();
    const set = await ops.setBlankStages("Leads", "Stage", rows, "Lead");
    expect(set).toBe(1_000);
    for (const r of sim.stats.requests) expect(r.requestBytes).toBeLessThanOrEqual(4_000 + 4_000);
    const back = await ops.readTable("Leads", { columns: ["Stage"] });
    expect(back.columns.Stage.every((s) => s === "Lead")).toBe(true);
  });
});

describe("tables, sheets, charts, settings", () => {
  test("replaceTableRows grows the table, blanks rows it no longer needs, and its plan counts the change", async () => {
    const { ops } = setup();
    await ops.addTable("Sheet1", {
      name: "Rules",
      topLeft: "A1",
      headers: ["Field", "Points"],
      rows: [
        ["A", 1],
        ["B", 2],
      ],
    });
    expect(
      await ops.planTableRows("Rules", [
        ["A", 1],
        ["B", 3],
        ["C", 4],
      ]),
    ).toEqual({ cellsToChange: 1, rowsAdded: 1, rowsCleared: 0 });
    await ops.replaceTableRows("Rules", [
      ["A", 1],
      ["B", 3],
      ["C", 4],
    ]);
    expect((await ops.readTable("Rules")).columns.Field).toEqual(["A", "B", "C"]);
    expect(await ops.planTableRows("Rules", [["A", 1]])).toEqual({ cellsToChange: 4, rowsAdded: 0, rowsCleared: 2 });
    await ops.replaceTableRows("Rules", [["A", 1]]);
    const back = await ops.readTable("Rules");
    expect(back.columns.Field).toEqual(["A", "", ""]);
    expect(back.columns.Points).toEqual([1, "", ""]);
  });

  test("a host without funnel charts gets a bar chart", async () => {
    const { sim, ops } = setup({ refusedChartTypes: ["Funnel"] });
    await ops.writeBlock("Sheet1", {
      topLeft: "A1",
      formulas: [
        ["Stage", "N"],
        ["Lead", 10],
        ["Won", 2],
      ],
    });
    const chart = await ops.addChart("Sheet1", { source: "A1:B3", title: "Funnel", topLeft: "D2" });
    expect(chart.type).toBe("BarClustered");
    expect(sim.model.charts).toHaveLength(1);
  });

  test("a host with funnel charts gets a funnel chart", async () => {
    const { sim, ops } = setup();
    await ops.writeBlock("Sheet1", {
      topLeft: "A1",
      formulas: [
        ["Stage", "N"],
        ["Lead", 10],
        ["Won", 2],
      ],
    });
    expect((await ops.addChart("Sheet1", { source: "A1:B3", title: "Funnel", topLeft: "D2" })).type).toBe("Funnel");
    expect(sim.model.charts).toHaveLength(1);
  });

  test("settings round-trip through the workbook", async () => {
    const { ops } = setup();
    expect(await ops.getSetting("bant")).toBeUndefined();
    await ops.setSetting("bant", { table: "Leads", required: 3, columns: ["预算", "决策人"] });
    expect(await ops.getSetting("bant")).toEqual({ table: "Leads", required: 3, columns: ["预算", "决策人"] });
  });

  test("selecting a table row selects that row of the data body", async () => {
    const { sim, ops } = setup();
    await leadsTable(ops, 5);
    await ops.selectTableRow("Leads", 3);
    const selected = await sim.run(async (context) => {
      const range = context.workbook.getSelectedRange();
      range.load("address");
      await context.sync();
      return range.address;
    });
    expect(selected).toMatch(/A5:C5$/);
  });

  describe("editing one row's cells (follow-ups: mark done, reschedule)", () => {
    async function followUps(ops: ReturnType<typeof setup>["ops"]) {
      await ops.addTable("Sheet1", {
        name: "Leads",
        topLeft: "A1",
        headers: ["Company", "LastContact", "NextFollowUp"],
        rows: [
          ["Acme", "", 45_790],
          ["Beta", 45_700, 45_795],
        ],
      });
    }

    test("writes exactly the cells asked, dates formatted where the cell was General", async () => {
      const { sim, ops } = setup();
      await followUps(ops);
      const before = sim.model.dump("Sheet1");
      await ops.updateRowCells("Leads", {
        row: 0,
        expect: { Company: "Acme", LastContact: "", NextFollowUp: 45_790 },
        set: { LastContact: 45_800, NextFollowUp: "" },
        dateFormat: "yyyy-mm-dd",
      });
      const after = sim.model.dump("Sheet1");
      expect(after.B2).toMatchObject({ value: 45_800, numberFormat: "yyyy-mm-dd" });
      expect(after.C2?.value ?? "").toBe("");
      // Nothing else moved.
      for (const key of Object.keys(before)) {
        if (key === "B2" || key === "C2") continue;
        expect(after[key]).toEqual(before[key]);
      }
    });

    test("refuses, writing nothing, when the row changed since it was shown or a cell holds a formula", async () => {
      const { sim, ops } = setup({ calculate: true });
      await followUps(ops);
      const before = JSON.stringify(sim.model.dump("Sheet1"));
      await expect(
        ops.updateRowCells("Leads", {
          row: 1,
          expect: { Company: "Acme", NextFollowUp: 45_795 },
          set: { NextFollowUp: 45_810 },
        }),
      ).rejects.toMatchObject({ name: "RowChangedError", reason: "changed", columns: ["Company"] });
      await ops.writeBlock("Sheet1", { topLeft: "C3", formulas: [["=45795+0"]] });
      const withFormula = JSON.stringify(sim.model.dump("Sheet1"));
      await expect(
        ops.updateRowCells("Leads", {
          row: 1,
          expect: { Company: "Beta", NextFollowUp: 45_795 },
          set: { NextFollowUp: 45_810 },
        }),
      ).rejects.toMatchObject({ reason: "formula", columns: ["NextFollowUp"] });
      expect(JSON.stringify(sim.model.dump("Sheet1"))).toBe(withFormula);
      await expect(
        ops.updateRowCells("Leads", { row: 0, expect: { Gone: 1 }, set: { Gone: 2 } }),
      ).rejects.toMatchObject({ reason: "missing", columns: ["Gone"] });
      expect(before).not.toBe(withFormula);
    });

    test("text that looks like a formula goes in as literal text", async () => {
      const { sim, ops } = setup();
      await followUps(ops);
      await ops.updateRowCells("Leads", { row: 0, expect: { LastContact: "" }, set: { LastContact: "=1+1" } });
      const cell = sim.model.dump("Sheet1").B2;
      expect(cell.formula).toBeUndefined();
      expect(cell.value).toBe("=1+1");
    });
  });

  test("renaming and deleting sheets", async () => {
    const { ops } = setup();
    await ops.addSheet("Tmp");
    await ops.renameSheet("Tmp", "Plan");
    expect(await ops.listSheets()).toEqual(["Sheet1", "Plan"]);
    await ops.deleteSheet("Plan");
    expect(await ops.listSheets()).toEqual(["Sheet1"]);
  });
});

describe("charts of other types", () => {
  test("a clustered column chart with the plan series drawn as a line (combo)", async () => {
    const { ops, sim } = setup();
    await ops.writeBlock("Sheet1", {
      topLeft: "A1",
      formulas: [
        ["Month", "Actual", "Plan"],
        ["2025-01", 10, 12],
        ["2025-02", 14, 12],
      ],
    });
    const chart = await ops.addChart("Sheet1", {
      source: "A1:C3",
      title: "Plan vs actual",
      topLeft: "E2",
      type: "ColumnClustered",
      lineSeries: [1],
    });
    expect(chart.type).toBe("ColumnClustered");
    const model = sim.model.charts[0];
    expect(model.type).toBe("ColumnClustered");
    expect(model.seriesTypes).toEqual({ 1: "Line" });
  });

  test("a line series that does not exist is refused, and nothing is half made", async () => {
    const { ops, sim } = setup();
    await ops.writeBlock("Sheet1", {
      topLeft: "A1",
      formulas: [
        ["Month", "Actual"],
        ["2025-01", 10],
      ],
    });
    await expect(
      ops.addChart("Sheet1", { source: "A1:B2", title: "x", topLeft: "E2", type: "Line", lineSeries: [3] }),
    ).rejects.toThrow();
    expect(sim.model.charts.filter((c) => c.seriesTypes[3] !== undefined)).toHaveLength(0);
  });
});
