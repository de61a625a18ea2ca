/**
 * Map once, in Start (issue 10): the tables and column roles detected from a HubSpot-style export are shown for
 * confirmation; a correction made there is what the Overview uses at once, survives switching panels, is saved in
 * the workbook settings by "Save mapping" (and only then), can be discarded after a confirmation; changes since
 * the last save are listed. In English and Chinese.
 */
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import en from "../../src/i18n/ui.en-US.json";
import zh from "../../src/i18n/ui.zh-CN.json";
import { MAPPING_SETTING_KEY, type SavedMapping } from "../../src/mapping";
import { TaskpaneRoot } from "../../src/taskpane/Root";
import { fakeWorkbook } from "./fakeOps";
import { openDialog } from "./dialog";

jest.setTimeout(240_000);

// Header row of a HubSpot deals export, plus a second people column the user prefers as the owner.
const DEALS = {
  sheet: "Deals",
  headers: ["Deal Name", "Deal Stage", "Amount", "Close Date", "Deal owner", "Create Date", "Sales rep"],
  rows: [
    ["Acme", "Closed Won", 1000, 46000, "Ann", 45900, "Lee"],
    ["Beta", "Closed Lost", 2000, 46010, "Bob", 45910, "Kim"],
    ["Cy", "Appointment Scheduled", 500, 46020, "Ann", 45920, "Lee"],
  ],
};

type Strings = typeof en;

function section(strings: Strings): HTMLElement {
  return screen.getByRole("region", { name: strings["map.title"] });
}

async function openStart(strings: Strings) {
  const user = userEvent.setup();
  await waitFor(() =>
    expect(screen.getByRole("tab", { name: strings["tab.overview"] })).toHaveAttribute("aria-selected", "true"),
  );
  await user.click(screen.getByRole("tab", { name: strings["tab.start"] }));
  await waitFor(() => expect(section(strings)).toBeInTheDocument());
  return user;
}

const combo = (strings: Strings, key: keyof Strings) =>
  within(section(strings)).getByRole("combobox", { name: strings[key] });

describe.each([
  ["en-US", en],
  ["zh-CN", zh],
] as const)("the mapping in Start, %s", (language, strings) => {
  test("shows what was found, applies a correction everywhere at once, and saves it only when asked", async () => {
    const wb = fakeWorkbook({ Deals: DEALS });
    render(<TaskpaneRoot ops={wb.ops} displayLanguage={language} />);
    const user = await openStart(strings);
    const box = section(strings);
    expect(within(box).getByText(strings["map.notSaved"])).toBeInTheDocument();
    expect(combo(strings, "map.table.deals")).toHaveTextContent("Deals");
    // Two people columns match "owner" equally: none is chosen, and the hint names both.
    expect(combo(strings, "map.r.deals.owner")).toHaveTextContent(strings["map.none"]);
    expect(
      within(box).getByText(
        `${strings["map.origin.missing"]} ${strings["map.tied"].replace("{columns}", "Deal owner, Sales rep")}`,
      ),
    ).toBeInTheDocument();
    expect(combo(strings, "map.r.deals.stage")).toHaveTextContent("Deal Stage");
    expect(combo(strings, "map.r.deals.closeDate")).toHaveTextContent("Close Date");
    expect(combo(strings, "map.r.deals.amount")).toHaveTextContent("Amount");
    // Nothing is written before the user saves.
    expect(wb.settings.has(MAPPING_SETTING_KEY)).toBe(false);

    // The user's owner column: "Sales rep".
    await user.click(combo(strings, "map.r.deals.owner"));
    await user.click(screen.getByRole("option", { name: "Sales rep" }));
    expect(combo(strings, "map.r.deals.owner")).toHaveTextContent("Sales rep");
    expect(within(box).getByText(strings["map.origin.user"])).toBeInTheDocument();
    expect(wb.settings.has(MAPPING_SETTING_KEY)).toBe(false);

    // The Overview uses it at once: its owner filter lists the Sales rep names.
    await user.click(screen.getByRole("tab", { name: strings["tab.overview"] }));
    await user.click(await screen.findByRole("combobox", { name: strings["overview.owner"] }));
    expect(screen.getByRole("option", { name: "Lee" })).toBeInTheDocument();
    expect(screen.queryByRole("option", { name: "Ann" })).toBeNull();
    await user.keyboard("{Escape}");

    // Back in Start, the edit is still there (nothing typed is lost) and can be saved.
    await user.click(screen.getByRole("tab", { name: strings["tab.start"] }));
    expect(combo(strings, "map.r.deals.owner")).toHaveTextContent("Sales rep");
    await user.click(within(section(strings)).getByRole("button", { name: strings["map.save"] }));
    await waitFor(() => expect(wb.settings.has(MAPPING_SETTING_KEY)).toBe(true));
    const saved = wb.settings.get(MAPPING_SETTING_KEY) as SavedMapping;
    expect(saved.confirmed).toBe(true);
    expect(saved.tables.deals).toBe("Deals");
    expect(saved.columns.deals.owner).toBe("Sales rep");
    expect(saved.userSet).toContain("deals.owner");
    // The result shows next to the button, and the badge says Saved.
    expect(within(section(strings)).getByRole("status")).toHaveTextContent(strings["map.savedMessage"]);
    expect(within(section(strings)).getByText(strings["map.saved"])).toBeInTheDocument();
    expect(within(section(strings)).getByRole("button", { name: strings["map.save"] })).toBeDisabled();
  });

  test("discarding asks first, then brings the saved mapping back", async () => {
    const wb = fakeWorkbook({ Deals: DEALS });
    render(<TaskpaneRoot ops={wb.ops} displayLanguage={language} />);
    const user = await openStart(strings);
    expect(within(section(strings)).getByRole("button", { name: strings["map.discard"] })).toBeDisabled();
    await user.click(combo(strings, "map.r.deals.owner"));
    await user.click(screen.getByRole("option", { name: "Sales rep" }));

    // Cancel keeps the edit.
    await user.click(within(section(strings)).getByRole("button", { name: strings["map.discard"] }));
    const dialog = await openDialog();
    expect(dialog).toHaveTextContent(strings["map.discardMessage"]);
    await user.click(within(dialog).getByRole("button", { name: strings["common.cancel"], hidden: true }));
    expect(combo(strings, "map.r.deals.owner")).toHaveTextContent("Sales rep");
    await waitFor(() => expect(screen.queryByRole("alertdialog", { hidden: true })).toBeNull());

    // Confirm drops it.
    await user.click(within(section(strings)).getByRole("button", { name: strings["map.discard"] }));
    await user.click(within(await openDialog()).getByRole("button", { name: strings["map.discard"], hidden: true }));
    await waitFor(() => expect(combo(strings, "map.r.deals.owner")).toHaveTextContent(strings["map.none"]));
    expect(within(section(strings)).getByRole("status")).toHaveTextContent(strings["map.discarded"]);
    expect(wb.settings.has(MAPPING_SETTING_KEY)).toBe(false);
  });

  test("a saved mapping whose column is gone lists the change and asks to be saved again", async () => {
    const wb = fakeWorkbook({ Deals: DEALS });
    const saved: SavedMapping = {
      version: 1,
      tables: { deals: "Deals" },
      columns: { deals: { owner: "Account manager" }, stages: {}, targets: {} },
      stageEntries: [],
      userSet: ["tables.deals", "deals.owner"],
      confirmed: true,
      headers: { deals: [...DEALS.headers.slice(0, 6), "Account manager"] },
    };
    wb.settings.set(MAPPING_SETTING_KEY, saved);
    render(<TaskpaneRoot ops={wb.ops} displayLanguage={language} />);
    await openStart(strings);
    const box = section(strings);
    const line = strings["map.changeDropped"]
      .replace("{column}", "Account manager")
      .replace("{role}", strings["map.r.deals.owner"]);
    expect(within(box).getByText(line)).toBeInTheDocument();
    expect(within(box).getByText(strings["map.notSaved"])).toBeInTheDocument();
    expect(within(box).getByRole("button", { name: strings["map.save"] })).toBeEnabled();
  });
});
