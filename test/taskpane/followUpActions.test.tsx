/**
 * Follow-ups you can act on (issue 11): Mark done writes today's date to the last-contact column and clears (or
 * moves) the next follow-up, Reschedule moves it to a picked date. Each shows the exact cells first, writes only
 * those, refuses a row that changed since the list was read, and the done item leaves the overdue list. In English
 * and Chinese.
 */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import en from "../../src/i18n/ui.en-US.json";
import zh from "../../src/i18n/ui.zh-CN.json";
import { serialToIso, todaySerial } from "../../src/engine/coerce";
import { fakeWorkbook, type FakeTable } from "./fakeOps";
import { openDialog } from "./dialog";
import { renderApp } from "./renderApp";

jest.setTimeout(120_000);

const TODAY = todaySerial();

function leads(): FakeTable {
  return {
    sheet: "Leads",
    headers: ["Company", "Owner", "Stage", "Outcome", "LastContact", "NextFollowUp"],
    rows: [
      ["Old Co.", "Ann", "Proposal", "", TODAY - 30, TODAY - 9],
      ["Today Ltd.", "Bob", "Demo", "", "", TODAY],
      ["Later Inc.", "Ann", "Lead", "", TODAY - 2, TODAY + 3],
    ],
  };
}

function renderFollowUps(language: "en-US" | "zh-CN", table: FakeTable = leads()) {
  const wb = fakeWorkbook({ Leads: table });
  renderApp(wb.ops, "followups", language);
  return wb;
}

type Strings = typeof en;
const fill = (text: string, values: Record<string, string>) =>
  Object.entries(values).reduce((s, [k, v]) => s.replace(`{${k}}`, v), text);

describe.each([
  ["en-US", en],
  ["zh-CN", zh],
] as const)("follow-up actions, %s", (language, strings: Strings) => {
  test("Mark done shows the two cells, writes exactly them, and the item leaves the overdue list", async () => {
    const user = userEvent.setup();
    const wb = renderFollowUps(language);
    const list = await screen.findByRole("listbox", { name: strings["followups.listTitle"] });
    // Nothing selected yet: the pane says what to do.
    expect(screen.getByText(strings["followups.selectToAct"])).toBeInTheDocument();
    await user.click(within(list).getByText("Old Co."));
    const group = screen.getByRole("group", { name: fill(strings["followups.actionsTitle"], { company: "Old Co." }) });
    const before = JSON.stringify(wb.tables.get("Leads")!.rows);

    // Cancelling the confirmation changes nothing and reports nothing.
    await user.click(within(group).getByRole("button", { name: strings["followups.markDone"] }));
    let dialog = await openDialog();
    await user.click(within(dialog).getByRole("button", { name: strings["common.cancel"], hidden: true }));
    await waitFor(() => expect(screen.queryByRole("alertdialog", { hidden: true })).toBeNull());
    expect(JSON.stringify(wb.tables.get("Leads")!.rows)).toBe(before);
    expect(wb.calls.some((c) => c.method === "updateRowCells")).toBe(false);
    expect(within(group).queryByText(/Old Co\.\s*[.。]/)).toBeNull();

    await user.click(within(group).getByRole("button", { name: strings["followups.markDone"] }));
    dialog = await openDialog();
    expect(dialog).toHaveTextContent(fill(strings["followups.confirmDoneTitle"], { company: "Old Co." }));
    const items = within(dialog)
      .getAllByRole("listitem", { hidden: true })
      .map((li) => li.textContent);
    expect(items).toEqual([
      fill(strings["followups.change"], {
        column: "LastContact",
        from: serialToIso(TODAY - 30),
        to: serialToIso(TODAY),
      }),
      fill(strings["followups.change"], {
        column: "NextFollowUp",
        from: serialToIso(TODAY - 9),
        to: strings["followups.blank"],
      }),
    ]);
    await user.click(
      within(dialog).getByRole("button", {
        name: fill(strings["followups.confirmWrite"], { count: "2" }),
        hidden: true,
      }),
    );

    // Exactly the two cells shown, nothing else.
    await waitFor(() => expect(wb.tables.get("Leads")!.rows[0]).toEqual(["Old Co.", "Ann", "Proposal", "", TODAY, ""]));
    expect(JSON.stringify(wb.tables.get("Leads")!.rows.slice(1))).toBe(JSON.stringify(leads().rows.slice(1)));
    expect(
      await screen.findByText(fill(strings["followups.marked"], { company: "Old Co.", changes: "" }), {
        exact: false,
      }),
    ).toBeInTheDocument();
    // Read again: the done item is gone from the list.
    await waitFor(() =>
      expect(
        within(screen.getByRole("listbox", { name: strings["followups.listTitle"] })).queryByText("Old Co."),
      ).toBeNull(),
    );
  });

  test("Reschedule needs a date, then moves only the next follow-up", async () => {
    const user = userEvent.setup();
    const wb = renderFollowUps(language);
    const list = await screen.findByRole("listbox", { name: strings["followups.listTitle"] });
    await user.click(within(list).getByText("Today Ltd."));
    const group = screen.getByRole("group", {
      name: fill(strings["followups.actionsTitle"], { company: "Today Ltd." }),
    });
    const reschedule = within(group).getByRole("button", { name: strings["followups.reschedule"] });
    expect(reschedule).toBeDisabled();
    expect(within(group).getByText(strings["followups.rescheduleNeedsDate"])).toBeInTheDocument();
    fireEvent.change(within(group).getByLabelText(strings["followups.nextDate"]), {
      target: { value: serialToIso(TODAY + 20) },
    });
    expect(reschedule).toBeEnabled();
    await user.click(reschedule);
    const dialog = await openDialog();
    expect(
      within(dialog)
        .getAllByRole("listitem", { hidden: true })
        .map((li) => li.textContent),
    ).toEqual([
      fill(strings["followups.change"], {
        column: "NextFollowUp",
        from: serialToIso(TODAY),
        to: serialToIso(TODAY + 20),
      }),
    ]);
    await user.click(
      within(dialog).getByRole("button", {
        name: fill(strings["followups.confirmWrite"], { count: "1" }),
        hidden: true,
      }),
    );
    await waitFor(() =>
      expect(wb.tables.get("Leads")!.rows[1]).toEqual(["Today Ltd.", "Bob", "Demo", "", "", TODAY + 20]),
    );
    // Twenty days out is past the list's horizon: the item leaves it.
    await waitFor(() =>
      expect(
        within(screen.getByRole("listbox", { name: strings["followups.listTitle"] })).queryByText("Today Ltd."),
      ).toBeNull(),
    );
  });

  test("a row edited in the sheet since the list was read is not overwritten", async () => {
    const user = userEvent.setup();
    const wb = renderFollowUps(language);
    const list = await screen.findByRole("listbox", { name: strings["followups.listTitle"] });
    await user.click(within(list).getByText("Old Co."));
    // Someone moves the follow-up in the sheet meanwhile.
    wb.tables.get("Leads")!.rows[0][5] = TODAY - 1;
    const group = screen.getByRole("group", { name: fill(strings["followups.actionsTitle"], { company: "Old Co." }) });
    await user.click(within(group).getByRole("button", { name: strings["followups.markDone"] }));
    const dialog = await openDialog();
    await user.click(
      within(dialog).getByRole("button", {
        name: fill(strings["followups.confirmWrite"], { count: "2" }),
        hidden: true,
      }),
    );
    expect(
      await screen.findByText(fill(strings["followups.rowChanged"], { company: "Old Co.", columns: "NextFollowUp" })),
    ).toBeInTheDocument();
    expect(wb.tables.get("Leads")!.rows[0]).toEqual(["Old Co.", "Ann", "Proposal", "", TODAY - 30, TODAY - 1]);
  });
});
