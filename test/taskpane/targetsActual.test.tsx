/**
 * Plan vs actual in the Targets panel (issue 11): with the deals table's amount, won date and outcome mapped, the
 * preview switches between the plan, the actuals in exactly its layout (won deals only, by won date, per owner of
 * the plan) and actual ÷ plan. The figures here are worked out by hand from six deals; in English and Chinese.
 */
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import en from "../../src/i18n/ui.en-US.json";
import zh from "../../src/i18n/ui.zh-CN.json";
import { formatMoney, formatPercent, defaultCurrency } from "../../src/i18n";
import { ymdToSerial } from "../../src/engine/coerce";
import { MAPPING_SETTING_KEY, type SavedMapping } from "../../src/mapping";
import { fakeWorkbook } from "./fakeOps";
import { renderApp } from "./renderApp";

jest.setTimeout(120_000);

const DEAL_HEADERS = ["Company", "Rep", "Value", "Result", "Won on"];
const DEALS = {
  sheet: "Deals",
  headers: DEAL_HEADERS,
  rows: [
    ["A", "Ann", 1000, "Won", ymdToSerial(2026, 1, 15)],
    ["B", "Ann", 500, "Lost", ymdToSerial(2026, 1, 20)],
    ["C", "Bob", 2000, "Won", ymdToSerial(2026, 2, 3)],
    ["D", "Bob", 700, "", ""],
    ["E", "Ann", 300, "Won", ymdToSerial(2025, 12, 30)],
    ["F", "Bob", 2500, "Won", ymdToSerial(2026, 2, 27)],
  ],
};
const TARGETS = { sheet: "Targets", headers: ["Owner"], rows: [["Ann"], ["Bob"]] };

const SAVED: SavedMapping = {
  version: 1,
  tables: { deals: "Deals", targets: "Targets" },
  columns: {
    deals: { company: "Company", owner: "Rep", amount: "Value", outcome: "Result", wonDate: "Won on" },
    stages: {},
    targets: { owner: "Owner" },
  },
  stageEntries: [],
  userSet: ["tables.deals", "tables.targets", "deals.owner", "deals.amount", "deals.outcome", "deals.wonDate"],
  confirmed: true,
  headers: { deals: DEAL_HEADERS, targets: ["Owner"] },
};

/** The mapping above and a plan of 120,000 a year from January 2026 over the Targets table's owners. */
function withPlan(wb: ReturnType<typeof fakeWorkbook>) {
  wb.settings.set(MAPPING_SETTING_KEY, SAVED);
  wb.settings.set("targets", {
    annualTarget: 120_000,
    startMonth: "2026-01",
    period: "M",
    decimals: 0,
    ownerSource: "table",
  });
}

function openTargets(wb: ReturnType<typeof fakeWorkbook>, language: "en-US" | "zh-CN") {
  renderApp(wb.ops, "targets", language);
}

describe.each([
  ["en-US", en],
  ["zh-CN", zh],
] as const)("Targets: plan vs actual, %s", (language, strings) => {
  test("the Actual view shows won deals by month and owner; Actual ÷ plan divides cell by cell", async () => {
    const wb = fakeWorkbook({ Deals: DEALS, Targets: TARGETS });
    withPlan(wb);
    openTargets(wb, language);
    const user = userEvent.setup();
    const money = (v: number) => formatMoney(language, v, defaultCurrency(language), 0);
    await user.click(await screen.findByRole("radio", { name: strings["targets.viewActual"] }));
    const actual = await screen.findByRole("table", { name: strings["targets.actualHeading"] });
    const rows = within(actual)
      .getAllByRole("row")
      .map((r) =>
        within(r)
          .queryAllByRole("cell")
          .map((c) => c.textContent),
      );
    // Header, 12 months, total and the row of what falls outside the plan's year. January: Ann's won 1,000 (the lost 500 is not counted); February: Bob's 2,000 +
    // 2,500; December 2025's 300 is outside the plan's year. The open deal has no date and counts nowhere.
    expect(rows).toHaveLength(15);
    const headers = within(actual)
      .getAllByRole("columnheader")
      .map((h) => h.textContent);
    const ann = headers.indexOf("Ann");
    const bob = headers.indexOf("Bob");
    expect(ann).toBeGreaterThan(0);
    expect(rows[1][ann]).toBe(money(1000));
    expect(rows[1][bob]).toBe(money(0));
    expect(rows[2][bob]).toBe(money(4500));
    expect(rows[13][ann]).toBe(money(1000));
    expect(rows[13][bob]).toBe(money(4500));
    expect(rows[14][ann]).toBe(money(300));

    await user.click(screen.getByRole("radio", { name: strings["targets.viewRatio"] }));
    const ratio = await screen.findByRole("table", { name: strings["targets.ratioHeading"] });
    const ratioRows = within(ratio)
      .getAllByRole("row")
      .map((r) =>
        within(r)
          .queryAllByRole("cell")
          .map((c) => c.textContent),
      );
    // The plan: 120,000 a year, equal months and owners → 5,000 per owner per month, 60,000 per owner a year.
    expect(ratioRows[1][ann]).toBe(formatPercent(language, 0.2, 0));
    expect(ratioRows[2][bob]).toBe(formatPercent(language, 0.9, 0));
    expect(ratioRows[13][bob]).toBe(formatPercent(language, 4500 / 60_000, 0));

    await user.click(screen.getByRole("radio", { name: strings["targets.viewPlan"] }));
    const plan = await screen.findByRole("table", { name: strings["targets.previewTitle"] });
    expect(within(plan).getAllByRole("row")[1]).toHaveTextContent(money(5000));

    // The suggestion from history: won in the 12 months up to today (the fixed dates above are all within them
    // while this test runs before 2026-12-30), and the forecast, which "Use" copies into the annual target.
    const within12 = DEALS.rows
      .filter(
        (r) =>
          r[3] === "Won" &&
          typeof r[4] === "number" &&
          r[4] > ymdToSerial(new Date().getFullYear() - 1, new Date().getMonth() + 1, new Date().getDate()),
      )
      .reduce((sum, r) => sum + (r[2] as number), 0);
    expect(
      screen.getByText(strings["targets.last12"].replace("{amount}", money(within12)), { exact: false }),
    ).toBeInTheDocument();
    const forecastText = document.querySelector("[data-forecast]");
    expect(forecastText).not.toBeNull();
    const next12 = Number(forecastText!.getAttribute("data-forecast"));
    expect(next12).toBeGreaterThan(0);
    expect(forecastText).toHaveTextContent(money(next12));
    await user.click(screen.getByRole("button", { name: strings["targets.useForecast"] }));
    // The plan is now split from that target: its total row adds up to it.
    await waitFor(() =>
      expect(
        within(screen.getByRole("table", { name: strings["targets.previewTitle"] }))
          .getAllByRole("row")
          .at(-1),
      ).toHaveTextContent(money(Math.round(next12))),
    );
  });

  test("without a won date or outcome mapped the pane says what to map instead of showing wrong actuals", async () => {
    const wb = fakeWorkbook({ Deals: DEALS, Targets: TARGETS });
    wb.settings.set(MAPPING_SETTING_KEY, {
      ...SAVED,
      columns: { ...SAVED.columns, deals: { company: "Company", owner: "Rep", amount: "Value" } },
      userSet: ["tables.deals", "deals.owner", "deals.amount"],
    });
    openTargets(wb, language);
    expect(await screen.findByText(strings["targets.noActual"])).toBeInTheDocument();
    expect(screen.queryByRole("radio", { name: strings["targets.viewActual"] })).toBeNull();
  });
});

describe("Targets on Excel for the web: ACTUALS over 4 MB in one call", () => {
  afterEach(() => delete (globalThis as { Office?: unknown }).Office);
  test("offers the actuals and the suggestion shown as values; the plan stays a formula", async () => {
    (globalThis as { Office?: unknown }).Office = { context: { platform: "OfficeOnline" } };
    // Owners with long names: ACTUALS' one call carries about 6 MB of owner cells over 4,000 deals.
    const owners = ["Ann", "Bob"].map((o) => `${o} ${"·".repeat(1500)}`);
    const rows = Array.from({ length: 4000 }, (_, i) => [
      `Co ${i}`,
      owners[i % 2],
      1000 + (i % 7) * 100,
      i % 3 === 0 ? "Lost" : "Won",
      ymdToSerial(2025, 1 + (i % 22), 1 + (i % 27)),
    ]);
    const wb = fakeWorkbook({
      Deals: { sheet: "Deals", headers: DEAL_HEADERS, rows },
      Targets: { sheet: "Targets", headers: ["Owner"], rows: owners.map((o) => [o]) },
    });
    withPlan(wb);
    openTargets(wb, "en-US");
    const user = userEvent.setup();
    await screen.findByRole("radio", { name: en["targets.viewActual"] }, { timeout: 30_000 });
    await waitFor(() => expect(document.querySelector("[data-forecast]")).not.toBeNull(), { timeout: 30_000 });
    await user.click(screen.getByRole("button", { name: en["targets.insert"] }));
    const dialog = await screen.findByRole("alertdialog", { hidden: true }, { timeout: 10_000 });
    expect(dialog).toHaveTextContent(/4,000 rows/);
    await user.click(within(dialog).getByRole("button", { hidden: true, name: en["scoring.writeValues"] }));
    await screen.findByText(/Plan inserted on sheet/, {}, { timeout: 30_000 });
    const written = wb.blocks.flatMap((b) => b.formulas.flat().map(String));
    expect(written.some((f) => f.startsWith("=SALES.TARGETPLAN("))).toBe(true);
    expect(written.some((f) => /SALES\.(ACTUALS|FORECAST)\(/.test(f))).toBe(false);
    expect(written).toContain(`${en["targets.actualHeading"]} (${en["overview.valuesSuffix"]})`);
    // The grid divides by the block of values (a range), not a spill.
    const grid = written.find((f) => f.startsWith("=LET(p,"));
    expect(grid).toMatch(/TAKE\([A-Z]+\d+:[A-Z]+\d+,ROWS\(p\),COLUMNS\(p\)\)/);
  });
});
