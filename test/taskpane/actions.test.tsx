import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { type UiLanguage } from "../../src/i18n";
import en from "../../src/i18n/ui.en-US.json";
import zh from "../../src/i18n/ui.zh-CN.json";
import { sampleContent, todayExcelSerial } from "../../src/sample/data";
import type { PanelId } from "../../src/taskpane/panelProps";
import { fakeWorkbook, type FakeTable } from "./fakeOps";
import { renderApp } from "./renderApp";

jest.setTimeout(180_000);

/**
 * Under jsdom, tabster's modalizer sometimes marks the open dialog itself aria-hidden (it cannot measure
 * focus the way a browser does), so the dialog is looked up including hidden nodes; e2e covers the browser.
 */
function findDialog(): Promise<HTMLElement> {
  return screen.findByRole("alertdialog", { hidden: true });
}
const TODAY = todayExcelSerial();

function renderPanel(panel: PanelId, tables: Record<string, FakeTable>, language: UiLanguage = "en-US") {
  const wb = fakeWorkbook(tables);
  renderApp(wb.ops, panel, language);
  return wb;
}

describe("lead scoring rules grid", () => {
  function tables(): Record<string, FakeTable> {
    const c = sampleContent("en", TODAY);
    return {
      Leads: { sheet: "Leads", headers: c.leads.headers, rows: c.leads.rows },
      ScoringRules: { sheet: "Rules", headers: c.rules.headers, rows: c.rules.rows },
    };
  }

  test("edits, adds and removes rules, asks with the count, then saves them to the rules table", async () => {
    const user = userEvent.setup();
    const wb = renderPanel("scoring", tables());
    const value3 = await screen.findByRole("textbox", { name: "Value of rule 3" });
    expect(value3).toHaveValue("100000");
    await user.clear(value3);
    await user.type(value3, "150000");
    const group1 = screen.getByRole("textbox", { name: "Group of rule 1" });
    await user.clear(group1);
    await user.type(group1, "Company size");
    await user.click(screen.getByRole("button", { name: "Remove rule 9" }));
    await user.click(screen.getByRole("button", { name: en["scoring.addRule"] }));
    const newValue = screen.getByRole("textbox", { name: "Value of rule 9" });
    await user.type(newValue, "North");
    expect(screen.getByText(en["scoring.unsaved"])).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: en["scoring.save"] }));
    const dialog = await findDialog();
    // Rule 1 group (1), rule 3 value (1), rule 9 replaced by the new rule (field, operator, value, points): 4 + 2 = 6.
    expect(dialog).toHaveTextContent(
      "ScoringRules: 6 existing cells change, 0 rows are added and 0 rows below are blanked.",
    );
    expect(wb.calls.some((c) => c.method === "replaceTableRows")).toBe(false);
    await user.click(within(dialog).getByRole("button", { hidden: true, name: en["scoring.saveConfirm"] }));

    await waitFor(() => expect(wb.calls.some((c) => c.method === "replaceTableRows")).toBe(true));
    const rules = wb.tables.get("ScoringRules")!.rows;
    expect(rules).toHaveLength(9);
    expect(rules[0][4]).toBe("Company size");
    expect(rules[2][2]).toBe(150000);
    expect(rules[8][0]).toBe("Company");
    expect(rules[8][1]).toBe("=");
    expect(rules[8][2]).toBe("North");
    expect(rules[8][3]).toBe(10);
    expect(await screen.findByText("9 rules saved.")).toBeInTheDocument();
  });

  test("cancelling the save dialog writes nothing", async () => {
    const user = userEvent.setup();
    const wb = renderPanel("scoring", tables());
    const value3 = await screen.findByRole("textbox", { name: "Value of rule 3" });
    await user.type(value3, "0");
    await user.click(screen.getByRole("button", { name: en["scoring.save"] }));
    const dialog = await findDialog();
    await user.click(within(dialog).getByRole("button", { hidden: true, name: en["common.cancel"] }));
    await waitFor(() => expect(screen.queryByRole("alertdialog", { hidden: true })).not.toBeInTheDocument());
    expect(wb.calls.filter((c) => c.method === "replaceTableRows")).toEqual([]);
    expect(wb.tables.get("ScoringRules")!.rows[2][2]).toBe(100000);
  });

  test("score columns are added as SALES formulas over the source columns only", async () => {
    const user = userEvent.setup();
    const wb = renderPanel("scoring", tables());
    await screen.findByRole("textbox", { name: "Value of rule 1" });
    await screen.findByText(/Computed over 200 rows/, {}, { timeout: 20_000 });
    await user.click(screen.getByRole("button", { name: en["scoring.addColumns"] }));
    await waitFor(() => expect(wb.calls.some((c) => c.method === "addColumns")).toBe(true));
    const leads = wb.tables.get("Leads")!;
    expect(leads.headers.slice(-3)).toEqual(["Score", "Grade", "Why"]);
    const score = leads.rows[0][leads.headers.indexOf("Score")];
    expect(score).toBe(
      "=SALES.LEADSCORE(Leads[@[Company]:[Date entered Negotiation]],ScoringRules,Leads[[#Headers],[Company]:[Date entered Negotiation]])",
    );
    expect(leads.rows[0][leads.headers.indexOf("Grade")]).toBe("=SALES.LEADGRADE(Leads[@[Score]])");
  });
});

describe("BANT: move qualified leads into the pipeline", () => {
  function tables(): Record<string, FakeTable> {
    return {
      Leads: {
        sheet: "Leads",
        headers: ["Company", "Budget", "Authority", "Need", "Timeline", "Stage"],
        rows: [
          ["Blank qualified", 50000, "CFO", "ERP", TODAY + 10, ""],
          ["Staged qualified", 80000, "CEO", "CRM", TODAY + 20, "Proposal"],
          ["Another blank qualified", 90000, "CFO", "BI", TODAY + 30, "   "],
          ["Not qualified", "", "", "", "", ""],
        ],
      },
      Stages: {
        sheet: "Stages",
        headers: ["Stage", "Probability"],
        rows: [
          ["Lead", 0.1],
          ["Qualified", 0.3],
        ],
      },
    };
  }

  test("asks first with the count, then sets only blank stages", async () => {
    const user = userEvent.setup();
    const wb = renderPanel("bant", tables());
    expect(await screen.findByText("3 of 4 leads qualify.")).toBeInTheDocument();
    const move = screen.getByRole("button", { name: en["bant.move"] });
    await waitFor(() => expect(move).toBeEnabled());
    await user.click(move);
    const dialog = await findDialog();
    expect(dialog).toHaveTextContent(
      '2 qualified leads with a blank Stage will get the stage "Lead". 1 qualified leads already have a stage',
    );
    expect(wb.calls.filter((c) => c.method === "setBlankStages")).toEqual([]);
    await user.click(within(dialog).getByRole("button", { hidden: true, name: en["bant.moveConfirm"] }));
    await waitFor(() => expect(wb.calls.some((c) => c.method === "setBlankStages")).toBe(true));
    const stages = wb.tables.get("Leads")!.rows.map((r) => r[5]);
    expect(stages).toEqual(["Lead", "Proposal", "Lead", ""]);
    expect(await screen.findByText('2 leads moved into "Lead".')).toBeInTheDocument();
  });

  test("declining leaves every stage as it was", async () => {
    const user = userEvent.setup();
    const wb = renderPanel("bant", tables());
    await screen.findByText("3 of 4 leads qualify.");
    const move = screen.getByRole("button", { name: en["bant.move"] });
    await waitFor(() => expect(move).toBeEnabled());
    await user.click(move);
    const dialog = await findDialog();
    await user.click(within(dialog).getByRole("button", { hidden: true, name: en["common.cancel"] }));
    await waitFor(() => expect(screen.queryByRole("alertdialog", { hidden: true })).not.toBeInTheDocument());
    expect(wb.tables.get("Leads")!.rows.map((r) => r[5])).toEqual(["", "Proposal", "   ", ""]);
    expect(wb.calls.filter((c) => c.method === "setBlankStages")).toEqual([]);
  });

  test("the Qualified column is a per-row SALES.BANT formula and re-running does not duplicate it", async () => {
    const user = userEvent.setup();
    const wb = renderPanel("bant", tables(), "zh-CN");
    await screen.findByText(/4 条线索中有 3 条合格/);
    const add = screen.getByRole("button", { name: "添加“合格”列" });
    await user.click(add);
    await waitFor(() => expect(wb.tables.get("Leads")!.headers).toContain("合格"));
    await user.click(add);
    await waitFor(() => expect(wb.calls.filter((c) => c.method === "addColumns")).toHaveLength(2));
    const leads = wb.tables.get("Leads")!;
    expect(leads.headers.filter((h) => h === "合格")).toHaveLength(1);
    expect(leads.rows[0][leads.headers.indexOf("合格")]).toBe(
      "=SALES.BANT(Leads[@[Budget]],Leads[@[Authority]],Leads[@[Need]],Leads[@[Timeline]],,90,4)",
    );
  });
});

describe("funnel report", () => {
  test("re-running replaces the report sheet after asking instead of adding another", async () => {
    const user = userEvent.setup();
    const c = sampleContent("en", TODAY);
    const wb = renderPanel("funnel", {
      Leads: { sheet: "Leads", headers: c.leads.headers, rows: c.leads.rows },
      Stages: { sheet: "Stages", headers: c.stages.headers, rows: c.stages.rows },
    });
    const insert = await screen.findByRole("button", { name: en["funnel.insertReport"] });
    await waitFor(() => expect(insert).toBeEnabled());
    await user.click(insert);
    await screen.findByText(/Report inserted on sheet "Funnel report"/);
    const funnelBlock = wb.blocks.find((b) => String(b.formulas[0][0]).startsWith("=SALES.FUNNEL("));
    expect(funnelBlock?.formulas[0][0]).toBe(
      "=SALES.FUNNEL(Leads[[Stage]],Stages[Stage],Leads[[Amount]],Leads[[Outcome]])",
    );
    await waitFor(() => expect(wb.settings.get("funnel")).toMatchObject({ reportSheet: "Funnel report" }), {
      timeout: 3000,
    });

    await user.click(insert);
    const dialog = await findDialog();
    expect(dialog).toHaveTextContent('"Funnel report"');
    await user.click(within(dialog).getByRole("button", { hidden: true, name: en["common.replace"] }));
    await waitFor(() => expect(wb.calls.some((call) => call.method === "renameSheet")).toBe(true));
    expect(wb.sheets.filter((s) => s.startsWith("Funnel report"))).toEqual(["Funnel report"]);
  });
});

describe("start panel", () => {
  test("inserting the sample adds new sheets and tables only, then lists them", async () => {
    const user = userEvent.setup();
    const wb = renderPanel(
      "start",
      {
        Leads: { sheet: "Leads", headers: ["Mine"], rows: [["keep me"]] },
      },
      "zh-CN",
    );
    await user.click(await screen.findByRole("button", { name: zh["start.insertSample"] }));
    expect(await screen.findByText(/示例工作簿已插入/)).toBeInTheDocument();
    expect(wb.tables.get("Leads")!.rows).toEqual([["keep me"]]);
    // Chinese tables for a Chinese workbook: 线索 beside the user's own Leads table.
    expect(wb.tables.get("线索")!.headers).toContain("预算");
    expect(wb.tables.get("线索")!.rows).toHaveLength(200);
    expect(wb.sheets).toEqual(expect.arrayContaining(["Leads", "线索", "评分规则", "销售阶段", "目标", "仪表板"]));
    const formulas = wb.blocks
      .flatMap((b) => b.formulas.flat())
      .map(String)
      .join("\n");
    for (const name of ["FUNNEL", "PIPELINE", "WINRATE", "BOTTLENECK", "TARGETPLAN", "ACTIVITYPLAN"])
      expect(formulas).toContain(`SALES.${name}(`);
    expect(formulas).toContain("线索[阶段]");
    expect((await screen.findAllByText("评分规则")).length).toBeGreaterThanOrEqual(2);
  });
});

describe("funnel report on Excel for the web", () => {
  afterEach(() => delete (globalThis as { Office?: unknown }).Office);
  test("over 4 MB in one call it offers the funnel shown as values, and writes no SALES formula", async () => {
    (globalThis as { Office?: unknown }).Office = { context: { platform: "OfficeOnline" } };
    const user = userEvent.setup();
    const stages = ["Lead", "Qualified", "Proposal"].map((s) => `${s} ${"·".repeat(400)}`);
    const rows = Array.from({ length: 7000 }, (_, i) => [stages[i % 3], 1000 + i, i % 4 === 0 ? "Won" : ""]);
    const wb = renderPanel("funnel", {
      Leads: { sheet: "Leads", headers: ["Stage", "Amount", "Outcome"], rows },
      Stages: { sheet: "Stages", headers: ["Stage"], rows: stages.map((s) => [s]) },
    });
    const insert = await screen.findByRole("button", { name: en["funnel.insertReport"] });
    await waitFor(() => expect(insert).toBeEnabled());
    // The preview's funnel is what the values will be.
    await screen.findAllByText(new RegExp(stages[0].slice(0, 12)), {}, { timeout: 30_000 });
    await user.click(insert);
    const dialog = await findDialog();
    expect(dialog).toHaveTextContent(/7,000 rows/);
    await user.click(within(dialog).getByRole("button", { hidden: true, name: en["scoring.writeValues"] }));
    await screen.findByText(/Report inserted on sheet "Funnel report"/, {}, { timeout: 30_000 });
    const report = wb.blocks.filter((b) => b.sheet === "Funnel report");
    expect(report.some((b) => b.formulas.flat().some((c) => /SALES\./.test(String(c))))).toBe(false);
    const body = report.find((b) => b.topLeft === "A3")!;
    expect(body.formulas[1][0]).toBe(`="${stages[0]}"`);
    expect(body.formulas[1][2]).toBe(7000); // everyone reached the first stage
    expect(report.find((b) => b.topLeft === "J3")!.formulas[1]).toEqual([`="${stages[0]}"`, 7000]);
  });
});

describe("BANT's Qualified column and the payload of per-row formulas", () => {
  afterEach(() => delete (globalThis as { Office?: unknown }).Office);
  // A Need column of long notes: each row's SALES.BANT call carries about 5 KB, so on the web one edit of a
  // 27,000-row table would send about 140 MB (the budget is 128 MB, about 26,000 rows here).
  const note = `ERP rollout — ${"details ".repeat(625)}`;
  const rows = Array.from({ length: 27_000 }, (_, i) => [
    `Co ${i}`,
    i % 3 === 0 ? "" : 50_000,
    i % 2 === 0 ? "CFO" : "",
    note,
    TODAY + 10,
  ]);
  const workbook = (): Record<string, FakeTable> => ({
    Leads: { sheet: "Leads", headers: ["Company", "Budget", "Authority", "Need", "Timeline"], rows },
  });

  test.each([
    ["OfficeOnline", true],
    ["PC", false],
  ] as const)("on %s: asks for values first: %s", async (platform, asks) => {
    (globalThis as { Office?: unknown }).Office = { context: { platform } };
    const user = userEvent.setup();
    const wb = renderPanel("bant", workbook());
    await screen.findByText(/of 27,000 leads qualify/, {}, { timeout: 60_000 });
    await user.click(screen.getByRole("button", { name: en["bant.addColumn"].replace("{column}", "Qualified") }));
    if (asks) {
      const dialog = await findDialog();
      expect(dialog).toHaveTextContent(/27,000 rows/);
      await user.click(within(dialog).getByRole("button", { hidden: true, name: en["scoring.writeValues"] }));
    }
    await waitFor(() => expect(wb.tables.get("Leads")!.headers).toContain("Qualified"), { timeout: 30_000 });
    const leads = wb.tables.get("Leads")!;
    const column = leads.rows.map((r) => r[leads.headers.indexOf("Qualified")]);
    if (asks) {
      // Today's SALES.BANT per row as values (all four criteria required by default): qualified where budget and
      // authority are both known, rows 2 and 4 of every 6.
      expect(column.slice(0, 12)).toEqual(Array.from({ length: 12 }, (_, i) => i % 6 === 2 || i % 6 === 4));
      expect(column.some((c) => typeof c === "string" && c.startsWith("="))).toBe(false);
    } else expect(String(column[0])).toMatch(/^=SALES\.BANT\(/);
  });
});
