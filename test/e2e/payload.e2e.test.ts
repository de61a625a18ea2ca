/**
 * The switch between formulas and values in Chromium (issue 7.3), over a 40,000-row leads table (?rows=40000).
 * The simulated host enforces Excel for the web's cap on one custom function's arguments (about 5 MB → #CALC!);
 * `?platform=PC` simulates Windows, where no such cap applies.
 *
 * The Overview's "Most likely to close" writes one SALES.WINPROB formula that reads the whole table (22 columns ×
 * 40,000 rows, about 6.5 MB as JSON):
 *  - on the web the pane asks first; "Write values" writes the deals it shows as values (labelled as such, no SALES
 *    formula), and "Write the formula anyway" shows what the question prevented: the formula answers #CALC! and the
 *    pane says so next to the button;
 *  - on Windows it writes the formula without asking, and the spill equals the pane's list.
 */
import type { Page } from "playwright-core";
import { formatPercent } from "../../src/i18n";
import { browserDescribe, openPreview, selectPanel, screenshotPath, STRINGS, type PreviewSession } from "./support";

const describeBrowser = browserDescribe("the payload-switch browser tests");

type Dump = Record<string, { value: string | number | boolean; formula?: string }>;
const ROWS = 40_000;
const lang = "en-US" as const;
const t = STRINGS[lang];
const likelyTitle = t["overview.chart.likely"];
const addName = t["overview.addLabel"].replace("{name}", likelyTitle);

describeBrowser("formulas or values, as the platform can carry them", () => {
  let session: PreviewSession;
  beforeAll(async () => {
    session = await openPreview();
  });
  afterAll(async () => {
    await session?.close();
  });

  /** Opens the Overview over the big table and lists the likeliest deals: [name, probability as shown]. */
  async function likelyDeals(page: Page, platform: string): Promise<string[][]> {
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(
      `${session.baseUrl}/preview.html?lang=${lang}&grid=none&rows=${ROWS}${platform === "PC" ? "&platform=PC" : ""}`,
    );
    await page.evaluate(() => window.__salesSimReady);
    expect(await page.evaluate(() => window.Office.context.platform)).toBe(platform);
    await selectPanel(page, lang, "overview");
    const pane = page.getByTestId("taskpane");
    await pane.getByRole("button", { name: t["overview.likelyCompute"] }).click({ timeout: 120_000 });
    const items = pane.locator('[data-chart="likely"]').getByRole("listitem");
    await items.first().waitFor({ timeout: 60_000 });
    expect(errors).toEqual([]);
    return items.evaluateAll((els) =>
      els.map((li) => [li.firstElementChild!.textContent ?? "", li.querySelector("[data-probability]")!.textContent!]),
    );
  }

  const dashboard = (page: Page) =>
    page.evaluate((name) => window.__salesSim!.model.dump(name), t["overview.dashboardSheet"]) as Promise<Dump>;

  /** The row of the Dashboard's cell whose text is `title`. */
  const rowOf = (d: Dump, title: string): number => {
    const at = Object.entries(d).find(([a, c]) => /^A\d+$/.test(a) && c.value === title);
    expect([title, at?.[0]]).toEqual([title, expect.stringMatching(/^A\d+$/)]);
    return Number(at![0].slice(1));
  };

  test(`Excel for the web: asks, writes values on request, and the formula anyway answers #CALC!`, async () => {
    const page = await session.browser.newPage({ viewport: { width: 360, height: 900 } });
    const listed = await likelyDeals(page, "OfficeOnline");
    expect(listed).toHaveLength(5);
    const pane = page.getByTestId("taskpane");

    await pane.getByRole("button", { name: addName }).click();
    const dialog = page.getByRole("alertdialog", { name: t["scoring.bigTitle"] });
    await dialog.waitFor({ timeout: 30_000 });
    // Why it asks: the rows, the megabytes of the one call, and that values do not update.
    await expect(dialog.innerText()).resolves.toMatch(/40,000 rows.*about [67] MB.*5 MB/s);
    await page.waitForTimeout(500); // the dialog's fade-in
    await page.screenshot({ path: screenshotPath("payload-ask-en-US-360.png") });
    await dialog.getByRole("button", { name: t["scoring.writeValues"] }).click();
    await pane.getByText(/as values \(they do not update/).waitFor({ timeout: 30_000 });

    let d = await dashboard(page);
    const top = rowOf(d, `${likelyTitle} (${t["overview.valuesSuffix"]})`);
    const written = listed.map((_, i) => [
      String(d[`A${top + 2 + i}`]?.value),
      formatPercent(lang, d[`D${top + 2 + i}`]?.value as number, 1),
    ]);
    expect(written).toEqual(listed);
    expect(Object.values(d).some((c) => /SALES\./.test(String(c.formula ?? "")))).toBe(false);
    // Text arrives as string literals: a company name never becomes formula syntax.
    expect(String(d[`A${top + 2}`].formula)).toMatch(/^="/);

    // The formula anyway: the host refuses the call as Excel for the web would, and the pane says so.
    await pane.getByRole("button", { name: addName }).click();
    await dialog.waitFor({ timeout: 30_000 });
    await dialog.getByRole("button", { name: t["overview.writeFormula"] }).click();
    await pane.getByText(/but the formula shows .*#CALC!/).waitFor({ timeout: 60_000 });
    d = await dashboard(page);
    const second = rowOf(d, likelyTitle);
    expect(String(d[`A${second + 1}`].formula)).toMatch(/SALES\.WINPROB\(/);
    expect(d[`A${second + 1}`].value).toBe("#CALC!");
    await page.close();
  }, 300_000);

  test("Excel on Windows: writes the formula without asking, and its spill equals the pane", async () => {
    const page = await session.browser.newPage({ viewport: { width: 360, height: 900 } });
    const listed = await likelyDeals(page, "PC");
    const pane = page.getByTestId("taskpane");
    await pane.getByRole("button", { name: addName }).click();
    await pane.getByText(/as a live SALES\.WINPROB/).waitFor({ timeout: 60_000 });
    expect(await page.getByRole("alertdialog").count()).toBe(0);
    const d = await dashboard(page);
    const top = rowOf(d, likelyTitle) + 1;
    expect(String(d[`A${top}`].formula)).toMatch(/SALES\.WINPROB\(/);
    const written = listed.map((_, i) => [
      String(d[`A${top + 1 + i}`]?.value),
      formatPercent(lang, d[`D${top + 1 + i}`]?.value as number, 1),
    ]);
    expect(written).toEqual(listed);
    await page.close();
  }, 300_000);
});
