/**
 * Map once, in the panels (issue 10): a panel does not ask for a table or column the mapping settles. With a saved
 * mapping whose stage column has an unusual header ("Phase", which the Funnel's own detection would not find) the
 * Funnel shows no table or column pickers for them, names them in one line with a way back to Start, and counts the
 * stages of that column; BANT does the same. In English and Chinese.
 */
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import en from "../../src/i18n/ui.en-US.json";
import zh from "../../src/i18n/ui.zh-CN.json";
import { MAPPING_SETTING_KEY, type SavedMapping } from "../../src/mapping";
import { TaskpaneRoot } from "../../src/taskpane/Root";
import { fakeWorkbook } from "./fakeOps";

jest.setTimeout(240_000);

const HEADERS = ["Account", "Phase", "Value", "Cash", "Signer", "Pain", "When"];
const DEALS = {
  sheet: "Deals",
  headers: HEADERS,
  rows: [
    ["Acme", "Lead", 1000, "yes", "yes", "CRM", "yes"],
    ["Beta", "Demo", 2000, "no", "yes", "", "no"],
    ["Cy", "Demo", 500, "yes", "no", "ERP", "yes"],
    ["Dee", "Won", 800, "yes", "yes", "BI", "yes"],
  ],
};

const SAVED: SavedMapping = {
  version: 1,
  tables: { deals: "Deals" },
  columns: {
    deals: {
      company: "Account",
      stage: "Phase",
      amount: "Value",
      outcome: null,
      budget: "Cash",
      authority: "Signer",
      need: "Pain",
      timeline: "When",
    },
    stages: {},
    targets: {},
  },
  stageEntries: [],
  userSet: ["tables.deals", "deals.stage", "deals.amount", "deals.outcome", "deals.budget", "deals.authority"],
  confirmed: true,
  headers: { deals: HEADERS },
};

type Strings = typeof en;
const fromData = (strings: Strings, items: Array<[keyof Strings, string]>, sep: string) =>
  strings["map.fromData"].replace("{list}", items.map(([k, v]) => `${strings[k]} = ${v}`).join(sep));

describe.each([
  ["en-US", en, "; "],
  ["zh-CN", zh, "；"],
] as const)("panels read the mapping, %s", (language, strings, sep) => {
  test("the Funnel asks for nothing the mapping settles and counts the mapped stage column", async () => {
    const wb = fakeWorkbook({ Deals: DEALS });
    wb.settings.set(MAPPING_SETTING_KEY, SAVED);
    render(<TaskpaneRoot ops={wb.ops} displayLanguage={language} />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole("tab", { name: strings["tab.funnel"] }));
    const setup = await screen.findByRole("region", { name: strings["funnel.setupTitle"] });
    await waitFor(() =>
      expect(
        within(setup).getByText(
          fromData(
            strings,
            [
              ["common.table", "Deals"],
              ["funnel.stageColumn", "Phase"],
              ["funnel.amountColumn", "Value"],
              ["funnel.outcomeColumn", strings["map.none"]],
            ],
            sep,
          ),
          { exact: false },
        ),
      ).toBeInTheDocument(),
    );
    for (const key of ["common.table", "funnel.stageColumn", "funnel.amountColumn", "funnel.outcomeColumn"] as const) {
      expect(within(setup).queryByRole("combobox", { name: strings[key] })).toBeNull();
    }
    // The order comes from the values of the mapped column.
    await waitFor(() => expect(within(setup).getByText("Demo")).toBeInTheDocument());
    expect(within(setup).getByText("Lead")).toBeInTheDocument();

    // The way back to where the mapping is corrected.
    await user.click(within(setup).getByRole("button", { name: strings["map.changeInStart"] }));
    await waitFor(() =>
      expect(screen.getByRole("tab", { name: strings["tab.start"] })).toHaveAttribute("aria-selected", "true"),
    );
    expect(screen.getByRole("region", { name: strings["map.title"] })).toBeInTheDocument();
  });

  test("BANT takes its four columns from the mapping", async () => {
    const wb = fakeWorkbook({ Deals: DEALS });
    wb.settings.set(MAPPING_SETTING_KEY, SAVED);
    render(<TaskpaneRoot ops={wb.ops} displayLanguage={language} />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole("tab", { name: strings["tab.bant"] }));
    const setup = await screen.findByRole("region", { name: strings["bant.mappingTitle"] });
    await waitFor(() =>
      expect(
        within(setup).getByText(
          fromData(
            strings,
            [
              ["common.table", "Deals"],
              ["bant.budget", "Cash"],
              ["bant.authority", "Signer"],
              ["bant.need", "Pain"],
              ["bant.timeline", "When"],
            ],
            sep,
          ),
          { exact: false },
        ),
      ).toBeInTheDocument(),
    );
    for (const key of ["bant.budget", "bant.authority", "bant.need", "bant.timeline"] as const) {
      expect(within(setup).queryByRole("combobox", { name: strings[key] })).toBeNull();
    }
  });
});
