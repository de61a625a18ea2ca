/**
 * Plan vs actual in the Targets panel, in Chromium over the simulated Excel host (issue 11): on the sample workbook,
 * split the plan by the Targets table's owners, read the pane's Actual and Actual ÷ plan views, press Insert plan,
 * and require the SALES.ACTUALS spill beside the plan and the attainment grid under it to show, cell for cell, what
 * the pane showed. en-US at 360 px, zh-CN at 500 px; screenshots go to SCREENSHOT_DIR.
 */
import type { Page } from "playwright-core";
import { defaultCurrency, formatMoney, formatPercent } from "../../src/i18n";
import { browserDescribe, openPreview, screenshotPath, selectPanel, STRINGS, type PreviewSession } from "./support";

const describeBrowser = browserDescribe("the Targets plan-vs-actual browser tests");

type Dump = Record<string, { value: string | number | boolean; formula?: string }>;

/** "AA" → 27 (1-based). */
function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}
function columnName(n: number): string {
  let s = "";
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

async function tableTexts(page: Page, name: string): Promise<string[][]> {
  const table = page.getByTestId("taskpane").getByRole("table", { name, exact: true });
  await table.waitFor({ timeout: 30_000 });
  return table.evaluate((el) =>
    [...el.querySelectorAll("tr")].map((tr) =>
      [...tr.querySelectorAll("th,td")].map((c) => (c.textContent ?? "").trim()),
    ),
  );
}

describeBrowser("the Targets panel's actuals equal the formulas it writes", () => {
  let session: PreviewSession;
  beforeAll(async () => {
    session = await openPreview();
  });
  afterAll(async () => {
    await session?.close();
  });

  test.each([
    ["en-US", 360],
    ["zh-CN", 500],
  ] as const)(
    "%s at %d px",
    async (lang, width) => {
      const t = STRINGS[lang];
      const page = await session.browser.newPage({ viewport: { width, height: 1000 } });
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await page.goto(`${session.baseUrl}/preview.html?lang=${lang}&width=${width}`);
      await page.evaluate(() => window.__salesSimReady);
      await page.getByRole("button", { name: t["start.insertSample"] }).click();
      await page.waitForFunction(() => window.__salesSim!.model.tables.length >= 5, undefined, { timeout: 60_000 });
      await selectPanel(page, lang, "targets");
      const pane = page.getByTestId("taskpane");
      await pane.getByRole("radio", { name: t["targets.ownersFromTable"], exact: true }).check();
      await pane.getByRole("radio", { name: t["targets.viewActual"], exact: true }).check();
      // The owners' columns appear once the owners are read.
      await page.waitForFunction(
        (name) => (document.querySelector(`table[aria-label="${name}"] tr`)?.children.length ?? 0) > 3,
        t["targets.actualHeading"],
      );
      const actual = await tableTexts(page, t["targets.actualHeading"]);
      await pane.getByRole("radio", { name: t["targets.viewRatio"], exact: true }).check();
      const ratio = await tableTexts(page, t["targets.ratioHeading"]);
      await page.screenshot({ path: screenshotPath(`targets-ratio-${lang}-${width}.png`), fullPage: true });
      // Something was won this year in the sample: the total row is not all zero.
      const money0 = formatMoney(lang, 0, defaultCurrency(lang), 0);
      expect(actual[actual.length - 1].slice(1).some((x) => x !== money0)).toBe(true);

      // The annual-target suggestion: the forecast of the next 12 months, as the pane shows it.
      const forecastSpan = pane.locator("[data-forecast]");
      const paneForecast = Number(await forecastSpan.getAttribute("data-forecast"));
      const paneForecastText = await forecastSpan.innerText();

      await pane.getByRole("button", { name: t["targets.insert"], exact: true }).click();
      const sheet = t["targets.planSheet"];
      await pane
        .getByText(t["targets.inserted"].replace("{sheet}", sheet), { exact: false })
        .waitFor({ timeout: 60_000 });
      const dump = (await page.evaluate((name) => window.__salesSim!.model.dump(name), sheet)) as Dump;
      const find = (prefix: string) => Object.entries(dump).find(([, c]) => c.formula?.startsWith(prefix))?.[0];
      const actualCell = find("=SALES.ACTUALS(");
      const gridCell = find("=LET(p,");
      expect(actualCell).toBeDefined();
      expect(gridCell).toBeDefined();
      const read = (topLeft: string, rows: number, cols: number) => {
        const col = columnNumber(topLeft.replace(/\d+$/, ""));
        const row = Number(topLeft.replace(/^[A-Z]+/, ""));
        return Array.from({ length: rows }, (_, r) =>
          Array.from({ length: cols }, (_, c) => dump[`${columnName(col + c)}${row + r}`]?.value ?? ""),
        );
      };
      const money = (v: unknown) =>
        typeof v === "number" ? formatMoney(lang, v, defaultCurrency(lang), 0) : String(v);
      const percent = (v: unknown) => (typeof v === "number" ? formatPercent(lang, v, 0) : String(v));
      expect(read(actualCell!, actual.length, actual[0].length).map((row) => row.map(money))).toEqual(actual);
      expect(read(gridCell!, ratio.length, ratio[0].length).map((row) => row.map(percent))).toEqual(ratio);
      // The suggestion's formula on the plan sheet shows the pane's figure.
      const forecastCell = find("=SUM(CHOOSECOLS(SALES.FORECAST(");
      expect(forecastCell).toBeDefined();
      const sheetForecast = dump[forecastCell!].value as number;
      expect(Math.abs(sheetForecast - paneForecast)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(paneForecast)));
      expect(paneForecastText).toContain(money(sheetForecast));
      expect(errors).toEqual([]);
      await page.close();
    },
    180_000,
  );
});
