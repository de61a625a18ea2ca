/**
 * The Commission panel in Chromium over the simulated Excel host (issue 11): on the sample workbook, for all time,
 * the pane's commission per owner equals the sum per owner of the Commission column it writes (SALES.COMMISSION per
 * row, calculated by the simulated host). en-US at 320 px, zh-CN at 500 px in the dark theme; screenshots go to
 * SCREENSHOT_DIR.
 */
import { browserDescribe, openPreview, screenshotPath, selectPanel, STRINGS, type PreviewSession } from "./support";

const describeBrowser = browserDescribe("the Commission browser tests");

type Dump = Record<string, { value: string | number | boolean; formula?: string }>;
const fill = (text: string, values: Record<string, string>) =>
  Object.entries(values).reduce((s, [k, v]) => s.replace(`{${k}}`, v), text);

describeBrowser("the Commission panel equals the column it writes", () => {
  let session: PreviewSession;
  beforeAll(async () => {
    session = await openPreview();
  });
  afterAll(async () => {
    await session?.close();
  });

  test.each([
    ["en-US", 320, "light", "Leads", "Owner"],
    ["zh-CN", 500, "dark", "线索", "负责人"],
  ] as const)(
    "%s at %d px (%s)",
    async (lang, width, theme, sheet, ownerHeader) => {
      const t = STRINGS[lang];
      const page = await session.browser.newPage({ viewport: { width, height: 1000 } });
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await page.goto(
        `${session.baseUrl}/preview.html?lang=${lang}&width=${width}${theme === "dark" ? "&theme=dark" : ""}`,
      );
      await page.evaluate(() => window.__salesSimReady);
      await page.getByRole("button", { name: t["start.insertSample"] }).click();
      await page.waitForFunction(() => window.__salesSim!.model.tables.length >= 5, undefined, { timeout: 60_000 });
      await selectPanel(page, lang, "commission");
      const pane = page.getByTestId("taskpane");
      await pane.getByRole("combobox", { name: t["commission.period"] }).click();
      await page.getByRole("option", { name: t["commission.period.all"], exact: true }).click();
      const table = pane.getByRole("table", { name: t["commission.previewTitle"] });
      await table.waitFor({ timeout: 30_000 });
      const preview: Record<string, number> = await table.evaluate((el) =>
        Object.fromEntries(
          [...el.querySelectorAll("tr[data-owner]")].map((tr) => [
            tr.getAttribute("data-owner"),
            Number(tr.querySelector("[data-commission]")!.getAttribute("data-commission")),
          ]),
        ),
      );
      expect(Object.keys(preview).length).toBeGreaterThan(1);
      await page.screenshot({ path: screenshotPath(`commission-${lang}-${width}-${theme}.png`) });

      const column = t["commission.commission"];
      await pane.getByRole("button", { name: fill(t["commission.addColumn"], { column }) }).click();
      await pane.getByText(fill(t["commission.columnAdded"], { column })).waitFor({ timeout: 60_000 });

      // Sum the written column per owner, as the sheet shows it.
      const dump = (await page.evaluate((name) => window.__salesSim!.model.dump(name), sheet)) as Dump;
      const headerCell = (text: string) =>
        Object.entries(dump)
          .find(([a, c]) => /^[A-Z]+1$/.test(a) && c.value === text)?.[0]
          .replace(/1$/, "");
      const commissionCol = headerCell(column)!;
      const ownerCol = headerCell(ownerHeader)!;
      expect(commissionCol).toBeDefined();
      expect(dump[`${commissionCol}2`].formula).toMatch(/^=IF\(.*SALES\.COMMISSION\(/);
      const sums: Record<string, number> = {};
      for (let row = 2; dump[`${ownerCol}${row}`] !== undefined; row++) {
        const value = dump[`${commissionCol}${row}`]?.value;
        expect(typeof value).toBe("number");
        const owner = String(dump[`${ownerCol}${row}`].value);
        sums[owner] = (sums[owner] ?? 0) + (value as number);
      }
      for (const [owner, amount] of Object.entries(preview)) {
        expect([owner, Math.abs(sums[owner] - amount) <= 1e-6]).toEqual([owner, true]);
      }
      // Owners with no won deal earn nothing in the column either.
      for (const [owner, sum] of Object.entries(sums))
        if (!(owner in preview)) expect([owner, sum]).toEqual([owner, 0]);
      expect(errors).toEqual([]);
      await page.close();
    },
    180_000,
  );
});
