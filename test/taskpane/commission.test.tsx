/**
 * The Commission panel (issue 11): commission per owner from the mapped deals table with tiers edited in the pane,
 * marginal or flat, by period; tiers SALES.COMMISSION would refuse block the action and say why; Add Commission
 * column writes one SALES.COMMISSION formula per row. Figures worked out by hand; in English and Chinese.
 */
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import en from "../../src/i18n/ui.en-US.json";
import zh from "../../src/i18n/ui.zh-CN.json";
import { defaultCurrency, formatMoney } from "../../src/i18n";
import { ymdToSerial } from "../../src/engine/coerce";
import { MAPPING_SETTING_KEY, type SavedMapping } from "../../src/mapping";
import { fakeWorkbook } from "./fakeOps";
import { renderApp } from "./renderApp";

jest.setTimeout(120_000);

const YEAR = new Date().getFullYear();
const HEADERS = ["Company", "Rep", "Value", "Result", "Won on"];
const DEALS = {
  sheet: "Deals",
  headers: HEADERS,
  rows: [
    ["A", "Ann", 50_000, "Won", ymdToSerial(YEAR, 1, 1)],
    ["B", "Ann", 150_000, "won", ymdToSerial(YEAR, 1, 1)],
    ["C", "Bob", 80_000, "Won", ymdToSerial(YEAR - 1, 6, 1)],
    ["D", "Bob", 20_000, "Lost", ymdToSerial(YEAR, 1, 1)],
    ["E", "Bob", 30_000, "", ""],
  ],
};

const SAVED: SavedMapping = {
  version: 1,
  tables: { deals: "Deals" },
  columns: {
    deals: { company: "Company", owner: "Rep", amount: "Value", outcome: "Result", wonDate: "Won on" },
    stages: {},
    targets: {},
  },
  stageEntries: [],
  userSet: ["tables.deals", "deals.owner", "deals.amount", "deals.outcome", "deals.wonDate"],
  confirmed: true,
  headers: { deals: HEADERS },
};

function renderCommission(language: "en-US" | "zh-CN") {
  const wb = fakeWorkbook({ Deals: DEALS });
  wb.settings.set(MAPPING_SETTING_KEY, SAVED);
  renderApp(wb.ops, "commission", language);
  return wb;
}

const fill = (text: string, values: Record<string, string>) =>
  Object.entries(values).reduce((s, [k, v]) => s.replace(`{${k}}`, v), text);

describe.each([
  ["en-US", en],
  ["zh-CN", zh],
] as const)("Commission panel, %s", (language, strings) => {
  const money = (v: number) => formatMoney(language, v, defaultCurrency(language), 2);
  const row = (table: HTMLElement, owner: string) =>
    within(table)
      .getAllByRole("row")
      .find((r) => within(r).queryAllByRole("cell")[0]?.textContent === owner);

  test("commission per owner: marginal, flat, by period; the column formula", async () => {
    const user = userEvent.setup();
    const wb = renderCommission(language);
    let table = await screen.findByRole("table", { name: strings["commission.previewTitle"] });
    // This year, marginal 5 % from 0 and 8 % from 100,000: Ann 50,000 → 2,500; 150,000 → 5,000 + 4,000.
    // "won" in lower case is won; Bob's lost deal earns nothing and his won deal was last year.
    expect(row(table, "Ann")).toHaveTextContent(money(11_500));
    expect(row(table, "Bob")).toBeUndefined();

    await user.click(screen.getByRole("combobox", { name: strings["commission.period"] }));
    await user.click(screen.getByRole("option", { name: strings["commission.period.all"] }));
    table = await screen.findByRole("table", { name: strings["commission.previewTitle"] });
    await waitFor(() => expect(row(table, "Bob")).toHaveTextContent(money(4_000)));

    await user.click(screen.getByRole("radio", { name: strings["commission.flat"] }));
    // Flat: the whole 150,000 at 8 %.
    await waitFor(() => expect(row(table, "Ann")).toHaveTextContent(money(2_500 + 12_000)));
    await user.click(screen.getByRole("radio", { name: strings["commission.marginal"] }));

    await user.click(
      screen.getByRole("button", {
        name: fill(strings["commission.addColumn"], { column: strings["commission.commission"] }),
      }),
    );
    await screen.findByText(fill(strings["commission.columnAdded"], { column: strings["commission.commission"] }));
    const deals = wb.tables.get("Deals")!;
    const column = deals.headers.indexOf(strings["commission.commission"]);
    expect(column).toBeGreaterThan(0);
    expect(deals.rows[0][column]).toBe(
      `=IF(ISNUMBER(MATCH(Deals[@[Result]],{"Won"},0)),SALES.COMMISSION(Deals[@[Value]],{0,0.05;100000,0.08},"marginal"),0)`,
    );
  });

  test("tiers SALES.COMMISSION would refuse show the error and block the column", async () => {
    const user = userEvent.setup();
    renderCommission(language);
    await screen.findByRole("table", { name: strings["commission.previewTitle"] });
    const second = screen.getByRole("spinbutton", { name: fill(strings["commission.threshold"], { n: "2" }) });
    await user.clear(second);
    await user.type(second, "0{Enter}");
    expect(
      await screen.findByText(strings["commission.badTiers"].split("{")[0].trim(), { exact: false }),
    ).toBeInTheDocument();
    const add = screen.getByRole("button", {
      name: fill(strings["commission.addColumn"], { column: strings["commission.commission"] }),
    });
    expect(add).toBeDisabled();
    expect(screen.getAllByText(strings["commission.fixTiers"]).length).toBeGreaterThan(0);
    expect(screen.queryByRole("table", { name: strings["commission.previewTitle"] })).toBeNull();
  });
});
