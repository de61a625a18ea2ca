/**
 * The map-once provider: a first detection on a workbook without a saved mapping (seeded with the panels' own
 * older settings), the saved mapping merged on the next start, and confirm() writing it to the workbook.
 */
import { act, render, screen, waitFor } from "@testing-library/react";
import { useEffect } from "react";
import { MAPPING_SETTING_KEY, type SavedMapping } from "../../src/mapping";
import { MappingProvider, useMapping, type MappingValue } from "../../src/taskpane/mapping";
import { fakeWorkbook } from "./fakeOps";

const LEADS = {
  sheet: "Leads",
  headers: ["Company", "Owner", "Region", "Stage", "Outcome", "Amount", "Created", "Next follow-up"],
  rows: [
    ["Acme", "Ann", "East", "Lead", "", 1000, 45658, 45700],
    ["Beta", "Bob", "West", "Proposal", "Won", 2000, 45660, ""],
    ["Cy", "Ann", "East", "Qualified", "Lost", 500, 45661, 45690],
  ],
};

function Probe(props: { onValue: (v: MappingValue) => void }) {
  const value = useMapping();
  useEffect(() => {
    props.onValue(value);
  });
  return (
    <div>
      {value.loaded ? `deals=${value.access.tableFor("deals")} owner=${value.access.columnFor("owner")}` : "loading"}
    </div>
  );
}

async function mount(ops: ReturnType<typeof fakeWorkbook>["ops"]) {
  let latest: MappingValue | undefined;
  const tables = await ops.listTables();
  render(
    <MappingProvider ops={ops} tables={tables}>
      <Probe onValue={(v) => (latest = v)} />
    </MappingProvider>,
  );
  await screen.findByText(/^deals=/);
  return () => latest as MappingValue;
}

test("a workbook without a saved mapping gets a first, unconfirmed detection", async () => {
  const { ops } = fakeWorkbook({ Leads: LEADS });
  const get = await mount(ops);
  expect(screen.getByText("deals=Leads owner=Owner")).toBeInTheDocument();
  expect(get().confirmed).toBe(false);
  expect(get().access.columnFor("nextFollowUp")).toBe("Next follow-up");
  expect(get().access.columnFor("outcome")).toBe("Outcome");
});

test("confirm() saves the mapping; the next start reads it back, user corrections included", async () => {
  const { ops } = fakeWorkbook({ Leads: LEADS });
  const get = await mount(ops);
  const corrected: SavedMapping = {
    ...get().mapping,
    columns: { ...get().mapping.columns, deals: { ...get().mapping.columns.deals, region: null } },
    userSet: [...get().mapping.userSet, "deals.region"],
  };
  await act(() => get().confirm(corrected));
  const saved = (await ops.getSetting<SavedMapping>(MAPPING_SETTING_KEY)) as SavedMapping;
  expect(saved.confirmed).toBe(true);
  expect(saved.columns.deals.region).toBeNull();

  document.body.innerHTML = "";
  const again = await mount(ops);
  await waitFor(() => expect(again().confirmed).toBe(true));
  expect(again().access.columnFor("region")).toBeUndefined();
  expect(again().access.columnFor("owner")).toBe("Owner");
});

test("what a panel saved before map-once becomes the user's choice", async () => {
  const { ops } = fakeWorkbook({
    Leads: { ...LEADS, headers: [...LEADS.headers, "Follow up on"], rows: LEADS.rows.map((r) => [...r, 45699]) },
  });
  await ops.setSetting("followups", { table: "Leads", dateColumn: "Follow up on" });
  const get = await mount(ops);
  expect(get().access.columnFor("nextFollowUp")).toBe("Follow up on");
});
