import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import en from "../../src/i18n/ui.en-US.json";
import zh from "../../src/i18n/ui.zh-CN.json";
import { sampleContent, todayExcelSerial, type SampleLang } from "../../src/sample/data";
import { TaskpaneRoot } from "../../src/taskpane/Root";
import type { PanelId } from "../../src/taskpane/panelProps";
import { fakeWorkbook, type FakeTable } from "./fakeOps";
import { renderApp } from "./renderApp";

const TODAY = todayExcelSerial();
// Fluent renders a lot of DOM and role queries walk all of it; the machine is shared with builds.
jest.setTimeout(180_000);

function sampleTables(lang: SampleLang): Record<string, FakeTable> {
  const c = sampleContent(lang, TODAY);
  return {
    Leads: { sheet: c.labels.leadsSheet, headers: c.leads.headers, rows: c.leads.rows },
    ScoringRules: { sheet: c.labels.rulesSheet, headers: c.rules.headers, rows: c.rules.rows },
    Stages: { sheet: c.labels.stagesSheet, headers: c.stages.headers, rows: c.stages.rows },
    Targets: { sheet: c.labels.targetsSheet, headers: c.targets.headers, rows: c.targets.rows },
  };
}

function renderPanel(panel: PanelId, language: "en-US" | "zh-CN", tables: Record<string, FakeTable>) {
  const wb = fakeWorkbook(tables);
  const view = renderApp(wb.ops, panel, language);
  return { wb, view };
}

/** A raw key such as "funnel.winRate" on screen means a string is missing. */
function expectNoRawKeys(container: HTMLElement) {
  const keys = Object.keys(en);
  const text = container.textContent ?? "";
  for (const key of keys) expect([key, text.includes(key)]).toEqual([key, false]);
}

const PANELS: Array<[PanelId, keyof typeof en]> = [
  ["overview", "overview.title"],
  ["start", "start.tablesTitle"],
  ["scoring", "scoring.rulesTitle"],
  ["bant", "bant.previewTitle"],
  ["funnel", "funnel.resultTitle"],
  ["targets", "targets.previewTitle"],
  ["followups", "followups.listTitle"],
  ["commission", "commission.previewTitle"],
];

describe.each([
  ["en-US", en, "en"],
  ["zh-CN", zh, "zh"],
] as const)("every panel renders in %s", (language, strings, sampleLang) => {
  test.each(PANELS)("%s", async (panel, titleKey) => {
    const { view } = renderPanel(panel, language, sampleTables(sampleLang));
    const heading = await screen.findByText(strings[titleKey], { selector: "h2" });
    expect(heading).toBeInTheDocument();
    const tabs = view.container.querySelectorAll('[role="tab"]');
    // A Fluent tab repeats its label in a hidden bold copy (to reserve width): compare by inclusion.
    const labels = (
      [
        "tab.overview",
        "tab.start",
        "tab.scoring",
        "tab.bant",
        "tab.funnel",
        "tab.targets",
        "tab.followups",
        "tab.commission",
      ] as const
    ).map((k) => strings[k]);
    expect(tabs).toHaveLength(8);
    [...tabs].forEach((tab, i) => expect(tab.textContent).toContain(labels[i]));
    // Let the table reads and previews settle before checking the text.
    await act(async () => {
      await new Promise((r) => setTimeout(r, 50));
    });
    expectNoRawKeys(view.container);
  });
});

test("the root picks Chinese for zh-TW and shows the Chinese tabs", async () => {
  const wb = fakeWorkbook(sampleTables("zh"));
  render(<TaskpaneRoot ops={wb.ops} displayLanguage="zh-TW" dark />);
  expect(await screen.findByRole("tab", { name: zh["tab.funnel"] })).toBeInTheDocument();
});

test("the funnel panel shows counts from the engine and highlights the bottleneck", async () => {
  renderPanel("funnel", "en-US", sampleTables("en"));
  const table = await screen.findByRole("table", { name: en["funnel.resultTitle"] });
  const rows = within(table).getAllByRole("row");
  // header + 5 stages + Won (+ maybe unmatched)
  expect(rows.length).toBeGreaterThanOrEqual(7);
  expect(within(table).getByText("Negotiation")).toBeInTheDocument();
  expect(within(table).getByText(en["funnel.bottleneckBadge"])).toBeInTheDocument();
});

test("the BANT panel auto-detects Chinese headers", async () => {
  renderPanel("bant", "zh-CN", sampleTables("zh"));
  expect(await screen.findByText(/条线索中有/)).toBeInTheDocument();
  // The detected mapping settles the four columns, so the panel names them instead of asking (map once).
  const line = document.querySelector("[data-from-mapping]");
  expect(line).toHaveTextContent(`${zh["bant.budget"]} = 预算`);
  expect(line).toHaveTextContent(`${zh["bant.timeline"]} = 采购时间`);
  expect(screen.queryByRole("combobox", { name: zh["bant.budget"] })).toBeNull();
});

test("the follow-ups list is most overdue first, then due soon, and selecting one selects its row", async () => {
  const user = userEvent.setup();
  const tables: Record<string, FakeTable> = {
    Leads: {
      sheet: "Leads",
      headers: ["Company", "Owner", "Stage", "Outcome", "NextFollowUp"],
      rows: [
        ["Later Inc.", "Ann", "Lead", "", TODAY + 3],
        ["Today Ltd.", "Bob", "Demo", "", TODAY],
        ["Old Co.", "Ann", "Proposal", "", TODAY - 9],
        ["Closed Co.", "Ann", "Proposal", "Won", TODAY - 20],
        ["Week Co.", "Bob", "Lead", "", TODAY - 7],
      ],
    },
  };
  const { wb } = renderPanel("followups", "en-US", tables);
  const list = await screen.findByRole("listbox", { name: en["followups.listTitle"] });
  const options = within(list).getAllByRole("option");
  // Overdue first (most overdue first), then what is due in the next 7 days; closed leads are left out.
  expect(options.map((o) => o.textContent?.split(/\d+ days overdue|Due today|Due in/)[0])).toEqual([
    "Old Co.",
    "Week Co.",
    "Today Ltd.",
    "Later Inc.",
  ]);
  expect(options[0]).toHaveTextContent("9 days overdue");
  await user.click(options[1]);
  await waitFor(() => expect(wb.selected).toEqual([{ table: "Leads", row: 4 }]));
  expect(options[1]).toHaveAttribute("aria-selected", "true");
});
