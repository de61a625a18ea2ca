/**
 * Win probability in the Lead scoring panel (issue 11): what SALES.WINPROB learns from the table's closed rows, how
 * the rule grades and the learned probability agree, and the column it adds (a formula per row reading the model
 * sheet's SALES.WINPROB spill). Figures worked out by hand; in English and Chinese.
 */
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import en from "../../src/i18n/ui.en-US.json";
import zh from "../../src/i18n/ui.zh-CN.json";
import { formatPercent } from "../../src/i18n";
import { fakeWorkbook } from "./fakeOps";
import { renderApp } from "./renderApp";

jest.setTimeout(120_000);

// Closed: won Web, Web, Referral; lost Web, Fair, Fair. Smoothing 0.1: base 3.1 ÷ 3.1; Source counts
// Web 2.1 / 1.1, Referral 1.1 / 0.1, Fair 0.1 / 2.1, totals 3.3 / 3.3. So the open leads' odds are
// Web 2.1/1.1 → p = 2.1/3.2 = 0.65625; Referral 11 → 11/12; Fair 0.1/2.1 → 0.1/2.2.
const LEADS = {
  sheet: "Leads",
  headers: ["Lead", "Source", "Stage", "Outcome"],
  rows: [
    ["L1", "Web", "Won", "Won"],
    ["L2", "Web", "Won", "Won"],
    ["L3", "Referral", "Won", "Won"],
    ["L4", "Web", "Proposal", "Lost"],
    ["L5", "Fair", "New", "Lost"],
    ["L6", "Fair", "New", "Lost"],
    ["O1", "Web", "Proposal", ""],
    ["O2", "Referral", "New", ""],
    ["O3", "Fair", "New", ""],
  ],
};
// Rule scores: Referral 80 (grade A), Web 50 (B), Fair 0 (C).
const RULES = {
  sheet: "Rules",
  headers: ["Field", "Operator", "Value", "Points", "Group", "Cap"],
  rows: [
    ["Source", "=", "Referral", 80, "", ""],
    ["Source", "=", "Web", 50, "", ""],
  ],
};

function renderScoring(language: "en-US" | "zh-CN", leads = LEADS) {
  const wb = fakeWorkbook({ Leads: leads, ScoringRules: RULES });
  renderApp(wb.ops, "scoring", language);
  return wb;
}

const fill = (text: string, values: Record<string, string>) =>
  Object.entries(values).reduce((s, [k, v]) => s.replace(`{${k}}`, v), text);

describe.each([
  ["en-US", en, "Win probability", "Win factors"],
  ["zh-CN", zh, "赢单概率", "赢单因素"],
] as const)("Win probability, %s", (language, strings, probColumn, factorsColumn) => {
  const section = () => screen.getByRole("region", { name: strings["winprob.title"] });

  test("learns from the closed rows, compares with the rule grades, and adds the column", async () => {
    const user = userEvent.setup();
    const wb = renderScoring(language);
    await waitFor(() =>
      expect(
        within(section()).getByText(fill(strings["winprob.learned"], { closed: "6", won: "3", lost: "3", open: "3" })),
      ).toBeInTheDocument(),
    );
    // The factors chosen from the data: Source (Lead is one per row; Stage and Outcome are not factors).
    expect(within(section()).getByRole("combobox", { name: strings["winprob.fields"] })).toHaveTextContent("Source");

    const table = await within(section()).findByRole("table", { name: strings["winprob.agreementTitle"] });
    const rows = within(table)
      .getAllByRole("row")
      .slice(1)
      .map((r) =>
        within(r)
          .getAllByRole("cell")
          .map((c) => c.textContent),
      );
    expect(rows).toEqual([
      ["A", "1", formatPercent(language, 11 / 12, 1)],
      ["B", "1", formatPercent(language, 2.1 / 3.2, 1)],
      ["C", "1", formatPercent(language, 0.1 / 2.2, 1)],
    ]);
    expect(section()).toHaveTextContent(
      fill(strings["winprob.agreeStrong"], { rho: (1).toLocaleString(language, { minimumFractionDigits: 2 }) }),
    );

    await user.click(within(section()).getByRole("button", { name: strings["winprob.add"] }));
    const sheet = strings["winprob.sheet"];
    await within(section()).findByText(fill(strings["winprob.added"], { column: probColumn, open: "3", sheet }));
    const leads = wb.tables.get("Leads")!;
    const prob = leads.headers.indexOf(probColumn);
    const factors = leads.headers.indexOf(factorsColumn);
    expect(prob).toBe(4);
    expect(factors).toBe(5);
    for (const row of leads.rows) {
      expect(row[prob]).toBe(`=INDEX('${sheet}'!$A$2#,ROW()-ROW(Leads[#Headers]))`);
      expect(row[factors]).toBe(`=INDEX('${sheet}'!$B$2#,ROW()-ROW(Leads[#Headers]))`);
    }
    // The model: one call over the source columns (it stops before the outputs, so no circular reference).
    const block = wb.blocks.find((b) => b.sheet === sheet && b.topLeft === "A2");
    expect(block?.formulas).toEqual([
      [
        '=SALES.WINPROB(Leads[[#All],[Lead]:[Outcome]],{"Source"})',
        '=SALES.WINFACTORS(Leads[[#All],[Lead]:[Outcome]],{"Source"})',
      ],
    ]);
  });

  test("a table over 5,000 rows learns only when asked; the column does not wait for it", async () => {
    const user = userEvent.setup();
    const rows = Array.from({ length: 5_001 }, (_, i) => {
      const r = LEADS.rows[i % LEADS.rows.length];
      return [`${r[0]}-${i}`, r[1], r[2], r[3]];
    });
    renderScoring(language, { ...LEADS, rows });
    const compare = await within(section()).findByRole("button", { name: strings["winprob.compare"] });
    expect(section()).toHaveTextContent(fill(strings["winprob.bigHint"], { rows: (5_001).toLocaleString(language) }));
    expect(within(section()).queryByRole("table")).toBeNull();
    // The add button is ready without the pane's model (the workbook's formula learns).
    expect(within(section()).getByRole("button", { name: strings["winprob.add"] })).not.toHaveAttribute(
      "aria-disabled",
      "true",
    );
    await user.click(compare);
    const table = await within(section()).findByRole("table", { name: strings["winprob.agreementTitle"] });
    // A header row and grades A, B and C, as in the 9-row table the rows repeat.
    expect(within(table).getAllByRole("row")).toHaveLength(4);
  });

  test("without an outcome column the button says why it cannot learn", async () => {
    renderScoring(language, { ...LEADS, headers: ["Lead", "Source", "Stage", "Status"] });
    const button = await within(section()).findByRole("button", { name: strings["winprob.add"] });
    await waitFor(() => expect(button).toHaveAttribute("aria-disabled", "true"));
    const reason = document.getElementById(button.getAttribute("aria-describedby")!);
    expect(reason?.textContent).toContain(fill(strings["winprob.noOutcome"], { names: "" }).slice(0, 20));
  });
});

describe("Win probability on Excel for the web", () => {
  afterEach(() => delete (globalThis as { Office?: unknown }).Office);
  test("over 4 MB in SALES.WINPROB's one call it offers values, and writes the pane's probabilities", async () => {
    (globalThis as { Office?: unknown }).Office = { context: { platform: "OfficeOnline" } };
    // A column of long notes in the source span: the one call carries about 6 MB over 4,500 rows.
    const notes = "note ".repeat(300);
    const rows = Array.from({ length: 4_500 }, (_, i) => [...LEADS.rows[i % LEADS.rows.length], notes]);
    const wb = renderScoring("en-US", { ...LEADS, headers: [...LEADS.headers, "Notes"], rows });
    const section = () => screen.getByRole("region", { name: en["winprob.title"] });
    const add = await within(section()).findByRole("button", { name: en["winprob.add"] });
    await waitFor(() => expect(add).not.toHaveAttribute("aria-disabled", "true"));
    await userEvent.setup().click(add);
    const dialog = await screen.findByRole("alertdialog", { hidden: true }, { timeout: 10_000 });
    expect(dialog).toHaveTextContent(/\d MB/);
    await userEvent
      .setup()
      .click(within(dialog).getByRole("button", { hidden: true, name: en["scoring.writeValues"] }));
    await waitFor(() => expect(wb.tables.get("Leads")!.headers).toContain("Win probability"), { timeout: 30_000 });
    const leads = wb.tables.get("Leads")!;
    const prob = leads.headers.indexOf("Win probability");
    // Worked out above for the 9-row table; repeated 500 times, the counts scale and the shares stay close.
    expect(leads.rows[6][prob]).toBeGreaterThan(0.5);
    expect(leads.rows[7][prob]).toBeGreaterThan(leads.rows[6][prob] as number);
    expect(leads.rows[0][prob]).toBe("");
    expect(leads.rows.some((r) => String(r[prob]).startsWith("="))).toBe(false);
  });
});
