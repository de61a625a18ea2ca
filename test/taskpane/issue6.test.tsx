/**
 * Issue 6: the task pane never says "Done" over broken results, never loses an edit, puts each result next to
 * its action, asks before a second sample, shows numbers the display language's way, lists follow-ups first and
 * writes Chinese into a Chinese workbook. Each test failed before the change it covers (see notes/pane.md).
 */
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import * as fs from "fs";
import * as path from "path";
import { createTranslator, formatPercent, formatRange, type UiLanguage } from "../../src/i18n";
import en from "../../src/i18n/ui.en-US.json";
import zh from "../../src/i18n/ui.zh-CN.json";
import { sampleContent, todayExcelSerial } from "../../src/sample/data";
import { dueFollowUps } from "../../src/taskpane/followUps";
import { outputColumn, sourceSpan } from "../../src/taskpane/formulaText";
import type { PanelId } from "../../src/taskpane/panelProps";
import { checkRules, rulesFromTable } from "../../src/taskpane/rules";
import { fakeWorkbook, type FakeOptions, type FakeTable } from "./fakeOps";
import { appView } from "./renderApp";

jest.setTimeout(300_000);
const TODAY = todayExcelSerial();

function findDialog(): Promise<HTMLElement> {
  return screen.findByRole("alertdialog", { hidden: true });
}

function view(language: UiLanguage, ops: ReturnType<typeof fakeWorkbook>["ops"], panel: PanelId) {
  return appView(ops, panel, language);
}

function renderPanel(
  panel: PanelId,
  tables: Record<string, FakeTable>,
  language: UiLanguage = "en-US",
  options: FakeOptions = {},
) {
  const wb = fakeWorkbook(tables, options);
  const result = render(view(language, wb.ops, panel));
  return { wb, ...result };
}

function sampleTables(lang: "en" | "zh" = "en"): Record<string, FakeTable> {
  const c = sampleContent(lang, TODAY);
  return {
    [c.leads.name]: { sheet: c.labels.leadsSheet, headers: c.leads.headers, rows: c.leads.rows },
    [c.rules.name]: { sheet: c.labels.rulesSheet, headers: c.rules.headers, rows: c.rules.rows },
    [c.stages.name]: { sheet: c.labels.stagesSheet, headers: c.stages.headers, rows: c.stages.rows },
  };
}

/** Types into a spin button the way a user does: text, then leaving the box. */
function typeNumber(input: HTMLElement, text: string) {
  fireEvent.input(input, { target: { value: text } });
  fireEvent.blur(input);
}

describe("item 1: no Done over errors", () => {
  test("a cap of -5 is marked at rule 1's cap; Save and Add score columns are disabled and say why", async () => {
    renderPanel("scoring", sampleTables());
    const cap = await screen.findByRole("spinbutton", { name: "Cap of rule 1" });
    typeNumber(cap, "-5");
    const rule1 = screen.getByRole("listitem", { name: "Rule 1" });
    expect(await within(rule1).findByText(`${en["scoring.colCap"]}: ${en["rules.capNegative"]}`)).toBeInTheDocument();
    expect(cap).toHaveAttribute("aria-invalid", "true");
    const save = screen.getByRole("button", { name: en["scoring.save"] });
    const add = screen.getByRole("button", { name: en["scoring.addColumns"] });
    expect(save).toHaveAttribute("aria-disabled", "true");
    expect(add).toHaveAttribute("aria-disabled", "true");
    const reason = en["scoring.fixRulesFirst"].replace("{rules}", "1");
    expect(save).toHaveAccessibleDescription(reason);
    expect(add).toHaveAccessibleDescription(reason);
  });

  test.each([
    ["points", "Points of rule 2", "abc", "Points “abc” is not a number."],
    ["value", "Value of rule 2", "100-499", en["rules.notRange"]],
  ])("a bad %s is marked at that cell", async (_cell, name, text, message) => {
    renderPanel("scoring", sampleTables());
    const box = await screen.findByRole(name.startsWith("Points") ? "spinbutton" : "textbox", { name });
    if (name.startsWith("Points")) typeNumber(box, text);
    else {
      fireEvent.change(box, { target: { value: text } });
    }
    const rule = screen.getByRole("listitem", { name: "Rule 2" });
    expect(
      await within(rule).findByText(new RegExp(message.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))),
    ).toBeInTheDocument();
    expect(screen.getByRole("button", { name: en["scoring.save"] })).toHaveAttribute("aria-disabled", "true");
  });

  test("rules checked cell by cell: unknown field, unknown operator, cap without a group", () => {
    const t = createTranslator("en-US");
    const rules = rulesFromTable([
      ["Nope", ">=", 1, 5, "", ""],
      ["Budget", "sort of", 1, 5, "", ""],
      ["Budget", ">=", 1, 5, "", 10],
    ]);
    const issues = checkRules(rules, ["Company", "Budget"], t).map((x) => [x.rule, x.cell, x.severity]);
    expect(issues).toEqual([
      [0, "field", "error"],
      [1, "operator", "error"],
      [2, "group", "warning"],
    ]);
  });

  test("written formulas that evaluate to errors are a warning with the count, not Done", async () => {
    const user = userEvent.setup();
    const { wb } = renderPanel("scoring", sampleTables(), "en-US", {
      evaluate: (f) => (f.includes("LEADGRADE") ? "#NUM!" : 1),
    });
    const add = await screen.findByRole("button", { name: en["scoring.addColumns"] });
    await waitFor(() => expect(add).not.toHaveAttribute("aria-disabled", "true"));
    await user.click(add);
    await waitFor(() => expect(wb.calls.some((c) => c.method === "addColumns")).toBe(true));
    const status = await screen.findByText(/but 200 rows show errors: #NUM! \(200\)/);
    expect(status.closest("[data-origin]")).toHaveAttribute("data-origin", "columns");
    expect(screen.queryByText(en["common.doneTitle"])).not.toBeInTheDocument();
    expect(screen.getByText(en["common.warningTitle"])).toBeInTheDocument();
  });

  test("declining the replace confirmation of the funnel report shows nothing green", async () => {
    const user = userEvent.setup();
    const wb = fakeWorkbook(sampleTables());
    await wb.ops.setSetting("funnel", { reportSheet: "Funnel report" });
    await wb.ops.addSheet("Funnel report");
    render(view("en-US", wb.ops, "funnel"));
    const insert = await screen.findByRole("button", { name: en["funnel.insertReport"] });
    await waitFor(() => expect(insert).toBeEnabled());
    await user.click(insert);
    const dialog = await findDialog();
    await user.click(within(dialog).getByRole("button", { hidden: true, name: en["common.cancel"] }));
    await waitFor(() => expect(screen.queryByRole("alertdialog", { hidden: true })).not.toBeInTheDocument());
    await new Promise((r) => setTimeout(r, 500));
    expect(screen.queryByText(en["common.doneTitle"])).not.toBeInTheDocument();
    expect(screen.queryByText(en["common.nothingChanged"])).not.toBeInTheDocument();
  });
});

describe("item 2: no lost edits", () => {
  test("edited points and an added rule survive switching to Funnel and back", async () => {
    const user = userEvent.setup();
    renderPanel("scoring", sampleTables());
    const points = await screen.findByRole("spinbutton", { name: "Points of rule 3" });
    typeNumber(points, "40");
    await user.click(screen.getByRole("button", { name: en["scoring.addRule"] }));
    expect(screen.getByText(en["scoring.unsaved"])).toBeInTheDocument();
    // jsdom measures no widths, so Fluent's Overflow may report tabs as overflowing: click them as found.
    const tabFor = (value: string) =>
      screen.getAllByRole("tab", { hidden: true }).find((x) => x.getAttribute("value") === value)!;
    fireEvent.click(tabFor("funnel"));
    await screen.findByRole("heading", { name: en["funnel.setupTitle"] });
    fireEvent.click(tabFor("scoring"));
    expect(await screen.findByRole("spinbutton", { name: "Points of rule 3" }, { timeout: 90_000 })).toHaveValue("40");
    expect(screen.getByRole("listitem", { name: "Rule 10" })).toBeInTheDocument();
    expect(screen.getByText(en["scoring.unsaved"])).toBeInTheDocument();
  });

  test("closing the pane keeps a draft in the workbook that the next opening offers back; reloading asks first", async () => {
    const user = userEvent.setup();
    const wb = fakeWorkbook(sampleTables());
    const first = render(view("en-US", wb.ops, "scoring"));
    const points = await screen.findByRole("spinbutton", { name: "Points of rule 3" });
    typeNumber(points, "40");
    const unload = new Event("beforeunload", { cancelable: true });
    window.dispatchEvent(unload);
    expect(unload.defaultPrevented).toBe(true);
    await waitFor(() => expect(wb.settings.get("scoringDraft")).toMatchObject({ rulesTable: "ScoringRules" }));
    first.unmount();

    render(view("en-US", wb.ops, "scoring"));
    const restore = await screen.findByRole("button", { name: en["scoring.draftRestore"] }, { timeout: 90_000 });
    expect(screen.getByRole("spinbutton", { name: "Points of rule 3" })).toHaveValue("25");
    await user.click(restore);
    expect(screen.getByRole("spinbutton", { name: "Points of rule 3" })).toHaveValue("40");
    expect(screen.getByText(en["scoring.unsaved"])).toBeInTheDocument();
  });
});

describe("item 3: each result next to its action, announced", () => {
  test("Save rules reports in the live region right below the Save button", async () => {
    const user = userEvent.setup();
    renderPanel("scoring", sampleTables());
    const points = await screen.findByRole("spinbutton", { name: "Points of rule 3" });
    typeNumber(points, "30");
    const save = screen.getByRole("button", { name: en["scoring.save"] });
    await user.click(save);
    const dialog = await findDialog();
    await user.click(within(dialog).getByRole("button", { hidden: true, name: en["scoring.saveConfirm"] }));
    const message = await screen.findByText("9 rules saved.");
    const region = message.closest('[role="status"]') as HTMLElement;
    expect(region).toHaveAttribute("aria-live", "polite");
    // The status follows the Save button within the same section, before anything of the next section.
    const section = save.closest("section") as HTMLElement;
    expect(section.contains(region)).toBe(true);
    expect(region.closest("[data-origin]")).toHaveAttribute("data-origin", "save");
    expect(save.compareDocumentPosition(region) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });
});

describe("item 4: inserting the sample twice asks first", () => {
  test("cancel adds nothing; Go to it shows the dashboard; Add a second copy adds one", async () => {
    const user = userEvent.setup();
    const { wb } = renderPanel("start", {});
    await user.click(await screen.findByRole("button", { name: en["start.insertSample"] }));
    await screen.findByText(/Sample workbook inserted/);
    const sheets = [...wb.sheets];

    await user.click(screen.getByRole("button", { name: en["start.insertSample"] }));
    let dialog = await findDialog();
    expect(dialog).toHaveTextContent(en["start.sampleThereTitle"]);
    await user.click(within(dialog).getByRole("button", { hidden: true, name: en["common.cancel"] }));
    await waitFor(() => expect(screen.queryByRole("alertdialog", { hidden: true })).not.toBeInTheDocument());
    expect(wb.sheets).toEqual(sheets);

    await user.click(screen.getByRole("button", { name: en["start.insertSample"] }));
    dialog = await findDialog();
    await user.click(within(dialog).getByRole("button", { hidden: true, name: en["start.sampleGoTo"] }));
    await screen.findByText('The sample\'s dashboard, sheet "Dashboard", is shown.');
    expect(wb.sheets).toEqual(sheets);

    await user.click(screen.getByRole("button", { name: en["start.insertSample"] }));
    dialog = await findDialog();
    await user.click(within(dialog).getByRole("button", { hidden: true, name: en["start.sampleAddCopy"] }));
    await waitFor(() => expect(wb.sheets).toContain("Dashboard (2)"));
  });
});

describe("item 6: numbers the display language's way", () => {
  test("percentages have one precision, negative ranges read −15 to −2", () => {
    expect(formatPercent("en-US", 0.73)).toBe("73.0%");
    expect(formatPercent("en-US", 0.721)).toBe("72.1%");
    expect(formatRange("en-US", -15, -2)).toBe("−15 to −2");
    expect(formatRange("zh-CN", -15, -2)).toBe("−15 至 −2");
  });

  test("the currency setting defaults from the language, is saved in the workbook and formats money written", async () => {
    const user = userEvent.setup();
    const { wb } = renderPanel("start", {}, "zh-CN");
    const currency = await screen.findByRole("combobox", { name: zh["start.currency"] });
    expect(currency).toHaveTextContent("¥ CNY");
    await user.click(currency);
    await user.click(await screen.findByRole("option", { name: "€ EUR" }));
    await waitFor(() => expect(wb.settings.get("display")).toEqual({ currency: "EUR" }));
    await user.click(screen.getByRole("button", { name: zh["start.insertSample"] }));
    await screen.findByText(/示例工作簿已插入/);
    const dashboard = wb.blocks.find((b) => b.topLeft === "B4");
    expect(dashboard).toBeDefined();
    expect(wb.calls.filter((c) => c.method === "setNumberFormat").map((c) => c.args[2])).toContain('"€"#,##0');
  });
});

describe("item 8: follow-ups", () => {
  test("lists what is due in the next 7 days after what is overdue", () => {
    const columns = { Due: [TODAY - 21, TODAY + 3, TODAY, TODAY + 9, TODAY + 7], Company: ["A", "B", "C", "D", "E"] };
    const list = dueFollowUps(
      columns,
      { date: "Due", company: "Company", owner: "", stage: "", outcome: "" },
      TODAY,
      7,
    );
    expect(list.map((f) => [f.company, f.overdueDays])).toEqual([
      ["A", 21],
      ["C", 0],
      ["B", -3],
      ["E", -7],
    ]);
  });

  test("opens on the list (columns behind a disclosure), one Tab stop, arrow keys, clear selection, 21 days overdue", async () => {
    const user = userEvent.setup();
    const { wb } = renderPanel(
      "followups",
      {
        Leads: {
          sheet: "Leads",
          headers: ["Company", "Owner", "NextFollowUp"],
          rows: [
            ["Late Ltd", "Ann", TODAY - 21],
            ["Soon Inc", "Bob", TODAY + 3],
            ["Today Co", "Ann", TODAY],
          ],
        },
      },
      "zh-CN",
    );
    const list = await screen.findByRole("listbox", { name: zh["followups.listTitle"] });
    expect(screen.queryByRole("combobox", { name: zh["followups.dateColumn"] })).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: zh["followups.changeColumns"] })).toHaveAttribute(
      "aria-expanded",
      "false",
    );
    const options = within(list).getAllByRole("option");
    expect(options.map((o) => o.textContent)).toEqual([
      expect.stringContaining("逾期 21 天"),
      expect.stringContaining("今天到期"),
      expect.stringContaining("3 天后到期"),
    ]);
    // One Tab stop: the list itself; its options are reached with the arrow keys.
    expect(list).toHaveAttribute("tabindex", "0");
    for (const o of options) expect(o).not.toHaveAttribute("tabindex");
    list.focus();
    await user.keyboard("{ArrowDown}");
    expect(list).toHaveAttribute("aria-activedescendant", options[1].id);
    await user.keyboard("{Enter}");
    await waitFor(() => expect(wb.selected).toEqual([{ table: "Leads", row: 2 }]));
    expect(options[1]).toHaveAttribute("aria-selected", "true");
    expect(options[0]).toHaveAttribute("aria-selected", "false");
  });
});

describe("item 9: Chinese workbooks", () => {
  test("Score columns are 分数, 等级, 原因 and the grade formula refers to 分数", async () => {
    const user = userEvent.setup();
    const { wb } = renderPanel("scoring", sampleTables("zh"), "zh-CN");
    const add = await screen.findByRole("button", { name: zh["scoring.addColumns"] });
    await waitFor(() => expect(add).not.toHaveAttribute("aria-disabled", "true"));
    await user.click(add);
    await waitFor(() => expect(wb.calls.some((c) => c.method === "addColumns")).toBe(true));
    const leads = wb.tables.get("线索")!;
    expect(leads.headers.slice(-3)).toEqual(["分数", "等级", "原因"]);
    expect(leads.rows[0][leads.headers.indexOf("等级")]).toBe("=SALES.LEADGRADE(线索[@[分数]])");
  });

  test("a re-run finds the columns it wrote in either language; they are never read as lead fields", () => {
    expect(outputColumn("score", ["Company", "Score"], true)).toBe("Score");
    expect(outputColumn("qualified", ["公司", "合格"], false)).toBe("合格");
    expect(outputColumn("grade", ["公司"], true)).toBe("等级");
    expect(sourceSpan(["公司", "预算", "分数", "等级", "原因", "合格"])?.last).toBe("预算");
  });

  test("the BANT column is 合格 and the button says 添加“合格”列", async () => {
    const user = userEvent.setup();
    const { wb } = renderPanel(
      "bant",
      {
        Leads: {
          sheet: "Leads",
          headers: ["公司", "预算", "决策人", "需求", "采购时间"],
          rows: [["甲", 50000, "总经理", "ERP", TODAY + 10]],
        },
      },
      "zh-CN",
    );
    const add = await screen.findByRole("button", { name: "添加“合格”列" });
    await waitFor(() => expect(add).toBeEnabled());
    await user.click(add);
    await waitFor(() => expect(wb.tables.get("Leads")!.headers).toContain("合格"));
  });

  test("the sample's tables have Chinese names", () => {
    const c = sampleContent("zh", TODAY);
    expect([c.leads.name, c.rules.name, c.stages.name, c.targets.name]).toEqual(["线索", "评分规则", "阶段", "目标"]);
    // Valid Excel table names: no spaces, not a cell reference, start with a letter.
    for (const name of [c.leads.name, c.rules.name, c.stages.name, c.targets.name])
      expect(name).toMatch(/^[\p{L}_][\p{L}\p{N}_.]*$/u);
  });

  test("no Fluent default English names reach the Chinese pane", async () => {
    const { container } = renderPanel("bant", sampleTables("zh"), "zh-CN");
    await screen.findByText(/条线索中有/);
    const english = [...container.querySelectorAll("[aria-label]")]
      .map((el) => el.getAttribute("aria-label") ?? "")
      .filter((label) => /[A-Za-z]{3}/.test(label) && !/[\u3400-\u9fff]/.test(label));
    expect(english).toEqual([]);
  });
});

describe("item 11: habits", () => {
  test("panels import their props from a module of their own, not from App.tsx", () => {
    const dir = path.join(__dirname, "../../src/taskpane/panels");
    for (const file of fs.readdirSync(dir)) {
      const text = fs.readFileSync(path.join(dir, file), "utf8");
      expect([file, /from "\.\.\/App"/.test(text)]).toEqual([file, false]);
    }
    expect(fs.readFileSync(path.join(__dirname, "../../src/taskpane/App.tsx"), "utf8")).not.toMatch(
      /export interface PanelProps/,
    );
  });

  test("tests write screenshots to a git-ignored folder, never to docs/screenshots", () => {
    const e2e = path.join(__dirname, "../e2e");
    for (const file of fs.readdirSync(e2e).filter((f) => f.endsWith(".ts"))) {
      const text = fs.readFileSync(path.join(e2e, file), "utf8");
      expect([file, /docs\/screenshots/.test(text)]).toEqual([file, false]);
    }
    const support = fs.readFileSync(path.join(e2e, "support.ts"), "utf8");
    expect(support).toMatch(/test-results\/screenshots/);
    expect(fs.readFileSync(path.join(__dirname, "../../.gitignore"), "utf8")).toMatch(/^test-results\/$/m);
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, "../../package.json"), "utf8")) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts.screenshots).toBeDefined();
  });
});
