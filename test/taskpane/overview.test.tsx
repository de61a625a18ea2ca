/**
 * The Overview in jsdom (charts are stubbed here, see scripts/jest-charts-stub.js; Chromium draws the real ones):
 * the pane opens on it once a deals table is mapped and on Start otherwise; its cards show the engine's numbers in
 * the display language; a filter changes them; Add to Dashboard writes the card's formula next to a label that is a
 * string literal; an error in the written formula is a warning, not a success.
 */
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import en from "../../src/i18n/ui.en-US.json";
import zh from "../../src/i18n/ui.zh-CN.json";
import { formatPercent } from "../../src/i18n";
import { winRate } from "../../src/engine";
import { sampleContent, todayExcelSerial, type SampleLang } from "../../src/sample/data";
import { TaskpaneRoot } from "../../src/taskpane/Root";
import { fakeWorkbook, type FakeTable } from "./fakeOps";

jest.setTimeout(120_000);
const TODAY = todayExcelSerial();

function sampleTables(lang: SampleLang): Record<string, FakeTable> {
  const c = sampleContent(lang, TODAY);
  return {
    [c.leads.name]: { sheet: c.labels.leadsSheet, headers: c.leads.headers, rows: c.leads.rows },
    [c.stages.name]: { sheet: c.labels.stagesSheet, headers: c.stages.headers, rows: c.stages.rows },
    [c.targets.name]: { sheet: c.labels.targetsSheet, headers: c.targets.headers, rows: c.targets.rows },
  };
}

const card = (id: string) => document.querySelector(`[data-card="${id}"]`) as HTMLElement;
const valueOf = (id: string) => document.querySelector(`[data-value="${id}"]`)?.textContent;

describe.each([
  ["en-US", en, "en"],
  ["zh-CN", zh, "zh"],
] as const)("Overview in %s", (language, strings, lang) => {
  const content = sampleContent(lang, TODAY);
  const outcomes = content.leads.rows.map((r) => [r[content.leads.headers.indexOf(content.columns.outcome)]]);

  test("opens on results: the win rate is the engine's, a filter narrows it", async () => {
    const wb = fakeWorkbook(sampleTables(lang));
    render(<TaskpaneRoot ops={wb.ops} displayLanguage={language} />);
    await waitFor(() =>
      expect(screen.getByRole("tab", { name: strings["tab.overview"] })).toHaveAttribute("aria-selected", "true"),
    );
    await waitFor(() => expect(valueOf("winRate")).toBe(formatPercent(language, winRate(outcomes), 1)));
    expect(
      within(card("winRate")).getByText(strings["overview.formula"].replace("{name}", "SALES.WINRATE")),
    ).toBeTruthy();
    // The charts are named for screen readers.
    expect(screen.getByRole("figure", { name: strings["overview.chart.funnelLabel"] })).toBeInTheDocument();
    expect(screen.getByRole("figure", { name: strings["overview.chart.funnelByLabel"] })).toBeInTheDocument();

    const user = userEvent.setup();
    await user.click(screen.getByRole("combobox", { name: strings["overview.owner"] }));
    const owner = content.targets.rows[0][0] as string;
    await user.click(screen.getByRole("option", { name: owner }));
    const ownerCol = content.leads.headers.indexOf(content.columns.owner);
    const mine = content.leads.rows.filter((r) => r[ownerCol] === owner);
    const expected = formatPercent(
      language,
      winRate(mine.map((r) => [r[content.leads.headers.indexOf(content.columns.outcome)]])),
      1,
    );
    await waitFor(() => expect(valueOf("winRate")).toBe(expected));
    expect(screen.getByText(strings["overview.rows"].replace("{count}", String(mine.length)))).toBeInTheDocument();
  });

  test("Add to Dashboard writes the card's formula under a string-literal label", async () => {
    const wb = fakeWorkbook(sampleTables(lang));
    render(<TaskpaneRoot ops={wb.ops} displayLanguage={language} />);
    await waitFor(() => expect(valueOf("winRate")).toMatch(/%/));
    const user = userEvent.setup();
    const label = strings["overview.card.winRate"];
    await user.click(screen.getByRole("button", { name: strings["overview.addLabel"].replace("{name}", label) }));
    const sheet = strings["overview.dashboardSheet"];
    await waitFor(() => expect(wb.blocks.some((b) => b.sheet === sheet)).toBe(true));
    const block = wb.blocks.find((b) => b.sheet === sheet)!;
    expect(block.topLeft).toBe("A1");
    expect(block.formulas).toEqual([
      [`="${label}"`, `=SALES.WINRATE(${content.leads.name}[${content.columns.outcome}])`],
    ]);
    expect(await within(card("winRate")).findByText(/SALES\.WINRATE/, { selector: "[role=status] *" })).toBeTruthy();
  });
});

test("a written formula that errs is a warning next to its card, not a success", async () => {
  const wb = fakeWorkbook(sampleTables("en"), { evaluate: (f) => (f.includes("WINRATE") ? "#DIV/0!" : 0) });
  render(<TaskpaneRoot ops={wb.ops} displayLanguage="en-US" />);
  await waitFor(() => expect(valueOf("winRate")).toMatch(/%/));
  const user = userEvent.setup();
  await user.click(
    screen.getByRole("button", { name: en["overview.addLabel"].replace("{name}", en["overview.card.winRate"]) }),
  );
  expect(await within(card("winRate")).findByText(/#DIV\/0!/)).toBeInTheDocument();
  expect(within(card("winRate")).queryByText(/as a live/)).toBeNull();
});

test("a workbook without a deals table opens on Start, and the Overview points there", async () => {
  const wb = fakeWorkbook({});
  render(<TaskpaneRoot ops={wb.ops} displayLanguage="en-US" />);
  await waitFor(() =>
    expect(screen.getByRole("tab", { name: en["tab.start"] })).toHaveAttribute("aria-selected", "true"),
  );
  const user = userEvent.setup();
  await user.click(screen.getByRole("tab", { name: en["tab.overview"] }));
  expect(await screen.findByText(en["overview.noData"])).toBeInTheDocument();
  await user.click(screen.getByRole("button", { name: en["overview.goStart"] }));
  await waitFor(() =>
    expect(screen.getByRole("tab", { name: en["tab.start"] })).toHaveAttribute("aria-selected", "true"),
  );
});

describe("the Overview's forecast", () => {
  test("over 30 months of won deals: 12 months of bars, and the same months in the table for screen readers", async () => {
    const rows: (string | number)[][] = [];
    for (let m = 0; m < 30; m++) {
      const serial = TODAY - 30 * (30 - m);
      rows.push(["Ann", "North", "Won", "Won", 1000 + 40 * m + ((m * 37) % 11) * 13, serial]);
      rows.push(["Bob", "South", "Lost", "Lost", 500, serial]);
    }
    const wb = fakeWorkbook({
      Deals: { sheet: "Deals", headers: ["Owner", "Region", "Stage", "Outcome", "Amount", "ClosedDate"], rows },
    });
    render(<TaskpaneRoot ops={wb.ops} displayLanguage="en-US" />);
    const figure = await screen.findByRole("figure", { name: en["overview.chart.forecastLabel"] }, { timeout: 30_000 });
    await waitFor(() => expect(figure.querySelector("[data-stub-chart]")).not.toBeNull());
    expect(figure.querySelector("[data-stub-chart]")).toHaveAttribute("data-points", "12");
    expect(within(figure).getAllByRole("row", { hidden: true })).toHaveLength(13);
    expect(figure).not.toHaveTextContent(en["overview.needsHistory"]);
  });
});
