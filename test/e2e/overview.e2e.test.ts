/**
 * The Overview in Chromium over the simulated Excel host (issue 10): insert the sample, open the Overview, and
 * under two filters (an owner; a region) read every card in the pane, press its *Add to Dashboard*, and require the
 * formula it wrote to show the same value in the sheet, formatted as the pane formats it. The charts draw as SVG
 * with accessible names at 320 px and 500 px, in en-US, zh-CN and the dark theme; screenshots go to SCREENSHOT_DIR.
 */
import type { Page } from "playwright-core";
import { defaultCurrency, formatMoney, formatPercent } from "../../src/i18n";
import {
  browserDescribe,
  openPreview,
  screenshotPath,
  selectPanel,
  STRINGS,
  type Lang,
  type PreviewSession,
} from "./support";

const describeBrowser = browserDescribe("the Overview browser tests");

type Dump = Record<string, { value: string | number | boolean; formula?: string }>;
const CARDS = [
  ["attainMonth", "percent"],
  ["attainQuarter", "percent"],
  ["wonMonth", "money"],
  ["pipeline", "money"],
  ["winRate", "percent"],
  ["bottleneck", "text"],
] as const;

describeBrowser("the Overview equals the formulas it writes", () => {
  let session: PreviewSession;
  beforeAll(async () => {
    session = await openPreview();
  });
  afterAll(async () => {
    await session?.close();
  });

  async function open(lang: Lang, width: number, theme: "light" | "dark" = "light"): Promise<Page> {
    const page = await session.browser.newPage({ viewport: { width: Math.max(width + 40, 1100), height: 1000 } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(
      `${session.baseUrl}/preview.html?lang=${lang}&width=${width}${theme === "dark" ? "&theme=dark" : ""}`,
    );
    await page.evaluate(() => window.__salesSimReady);
    const t = STRINGS[lang];
    await page.getByRole("button", { name: t["start.insertSample"] }).click();
    await page.waitForFunction(() => window.__salesSim!.model.tables.length >= 5, undefined, { timeout: 60_000 });
    await page
      .getByTestId("taskpane")
      .getByText(new RegExp(t["start.sampleInserted"].split("{")[0].trim().slice(0, 10)))
      .first()
      .waitFor({ timeout: 60_000 });
    await selectPanel(page, lang, "overview");
    await page.locator('[data-value="winRate"]').filter({ hasText: /%/ }).waitFor({ timeout: 30_000 });
    expect(errors).toEqual([]);
    return page;
  }

  async function choose(page: Page, label: string, option: string): Promise<void> {
    await page.getByTestId("taskpane").getByRole("combobox", { name: label }).click();
    await page.getByRole("option", { name: option, exact: true }).click();
  }

  /** The pane's text for each card (value, and status when the card has one), once it stops changing. */
  async function readCards(page: Page): Promise<Record<string, { value: string; status?: string }>> {
    let last = "";
    for (let i = 0; i < 30; i++) {
      await page.waitForTimeout(200);
      const now = await page.locator("[data-value]").allInnerTexts();
      if (now.join("|") === last) break;
      last = now.join("|");
    }
    const out: Record<string, { value: string; status?: string }> = {};
    for (const [id] of CARDS) {
      const value = (await page.locator(`[data-value="${id}"]`).innerText()).trim();
      const status = page.locator(`[data-status="${id}"]`);
      out[id] = (await status.count()) > 0 ? { value, status: (await status.innerText()).trim() } : { value };
    }
    return out;
  }

  function shown(lang: Lang, kind: string, v: unknown): string {
    if (v === "" || v === undefined) return "—";
    if (typeof v === "number" && kind === "percent") return formatPercent(lang, v, 1);
    if (typeof v === "number" && kind === "money") return formatMoney(lang, v, defaultCurrency(lang));
    return String(v);
  }

  test.each(["en-US", "zh-CN"] as const)(
    "%s: under an owner filter and a region filter, every card equals the formula Add to Dashboard writes",
    async (lang) => {
      const t = STRINGS[lang];
      const page = await open(lang, 360);
      const pane = page.getByTestId("taskpane");
      const dashboard = t["overview.dashboardSheet"];
      const comboText = async (name: string) => (await pane.getByRole("combobox", { name }).innerText()).trim();
      // The owners and regions the filters offer (the first option is "All …").
      const offered = async (name: string) => {
        await pane.getByRole("combobox", { name }).click();
        const options = (await page.getByRole("option").allInnerTexts()).map((x) => x.trim()).slice(1);
        await page.keyboard.press("Escape");
        return options;
      };
      const owners = await offered(t["overview.owner"]);
      const regions = await offered(t["overview.region"]);
      expect(owners.length).toBeGreaterThan(1);
      expect(regions.length).toBeGreaterThan(1);

      const filters: Array<{ owner?: string; region?: string }> = [{ owner: owners[1] }, { region: regions[1] }];
      for (const filter of filters) {
        await choose(page, t["overview.owner"], filter.owner ?? t["overview.allOwners"]);
        await choose(page, t["overview.region"], filter.region ?? t["overview.allRegions"]);
        expect(await comboText(t["overview.owner"])).toBe(filter.owner ?? t["overview.allOwners"]);
        const cards = await readCards(page);
        const suffix = [filter.owner, filter.region].filter(Boolean).join(" · ");
        for (const [id, kind] of CARDS) {
          const label = (await pane.locator(`#overview-${id}`).innerText()).trim();
          await pane.getByRole("button", { name: t["overview.addLabel"].replace("{name}", label) }).click();
          await pane
            .locator(`[data-card="${id}"]`)
            .getByText(new RegExp(t["overview.added"].split("{")[0].trim()))
            .waitFor({ timeout: 30_000 });
          const d = (await page.evaluate((name) => window.__salesSim!.model.dump(name), dashboard)) as Dump;
          const title = `${label} — ${suffix}`;
          const labelCell = Object.entries(d).find(([a, c]) => /^A\d+$/.test(a) && c.value === title);
          expect([id, labelCell?.[0]]).toEqual([id, expect.stringMatching(/^A\d+$/)]);
          const row = labelCell![0].slice(1);
          expect(d[`B${row}`].formula).toMatch(/SALES\./);
          expect([id, shown(lang, kind, d[`B${row}`].value)]).toEqual([id, cards[id].value]);
          if (cards[id].status !== undefined) expect([id, String(d[`C${row}`].value)]).toEqual([id, cards[id].status]);
        }
        // The open deals most likely to close: names and probabilities in the pane = the spill Add to Dashboard writes.
        const likely = pane.locator('[data-chart="likely"]');
        const items = likely.getByRole("listitem");
        await items.first().waitFor({ timeout: 30_000 });
        const listed = await items.evaluateAll((els) =>
          els.map((li) => [li.firstElementChild!.textContent, li.querySelector("[data-probability]")!.textContent]),
        );
        const likelyTitle = t["overview.chart.likely"];
        await pane.getByRole("button", { name: t["overview.addLabel"].replace("{name}", likelyTitle) }).click();
        await pane
          .getByText(new RegExp(t["overview.added"].split("{")[0].trim()))
          .last()
          .waitFor({ timeout: 30_000 });
        const d = (await page.evaluate((name) => window.__salesSim!.model.dump(name), dashboard)) as Dump;
        const at = Object.entries(d).find(([a, c]) => /^A\d+$/.test(a) && c.value === `${likelyTitle} — ${suffix}`);
        expect(at).toBeDefined();
        const top = Number(at![0].slice(1)) + 1;
        expect(d[`A${top}`].formula).toMatch(/SALES\.WINPROB\(/);
        const written = listed.map((_, i) => [
          String(d[`A${top + 1 + i}`]?.value),
          formatPercent(lang, d[`D${top + 1 + i}`]?.value as number, 1),
        ]);
        expect(written).toEqual(listed);
        expect(d[`A${top + 1 + listed.length}`]).toBeUndefined();
      }
      await page.screenshot({ path: screenshotPath(`overview-${lang}-360.png`), fullPage: true });
      await page.close();
    },
  );

  test.each([
    ["en-US", 320, "light"],
    ["en-US", 500, "dark"],
    ["zh-CN", 320, "dark"],
    ["zh-CN", 500, "light"],
  ] as const)("%s at %i px (%s): the charts draw with accessible names", async (lang, width, theme) => {
    const t = STRINGS[lang];
    const page = await open(lang, width, theme);
    const figures = page.getByTestId("taskpane").getByRole("figure");
    await page.waitForTimeout(800);
    const names = await figures.evaluateAll((els) => els.map((e) => e.getAttribute("aria-label")));
    expect(names).toEqual([
      expect.stringContaining(t["overview.chart.byOwnerLabel"].split("{")[1]?.split("}")[1]?.trim() ?? ""),
      t["overview.chart.planActualLabel"],
      t["overview.chart.funnelLabel"],
      t["overview.chart.funnelByLabel"],
      t["overview.chart.forecastLabel"],
      t["overview.chart.likelyLabel"],
    ]);
    // The sample's won deals span less than 13 months: the forecast says what it needs (test/sim/overview.test.ts
    // checks the forecast itself over 30 months of deals).
    await expect(figures.nth(4).innerText()).resolves.toContain(t["overview.needsHistory"]);
    for (const box of (await figures.all()).slice(0, 4)) {
      const size = await box.evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect);
      expect(size.width).toBeGreaterThan(150);
      expect(size.height).toBeGreaterThan(100);
      // Inside the pane: no drawing wider than the chart's own box.
      const widest = await box
        .locator("svg")
        .evaluateAll((els) => Math.max(...els.map((e) => e.getBoundingClientRect().width)));
      expect(widest).toBeLessThanOrEqual(size.width + 1);
      // Bars, funnel segments, the heat map's tinted cells: something is drawn.
      expect(await box.locator("svg path, svg rect, [data-heatmap] [data-cell]").count()).toBeGreaterThan(3);
      // Screen readers get the numbers as a table, in the pane's language.
      expect(await box.getByRole("table").count()).toBe(1);
    }
    await page.screenshot({
      path: screenshotPath(`overview-${lang}-${width}${theme === "dark" ? "-dark" : ""}.png`),
      fullPage: true,
    });
    // The open deals most likely to close: five, each inside the pane (long names and reasons wrap).
    const likely = figures.nth(5);
    await expect(likely.getByRole("listitem").count()).resolves.toBe(5);
    const overflow = await likely.evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await likely.scrollIntoViewIfNeeded();
    await page.screenshot({
      path: screenshotPath(`overview-likely-${lang}-${width}${theme === "dark" ? "-dark" : ""}.png`),
    });
    // The region × stage heat map.
    await figures.nth(3).scrollIntoViewIfNeeded();
    await page.screenshot({
      path: screenshotPath(`overview-funnelby-${lang}-${width}${theme === "dark" ? "-dark" : ""}.png`),
    });
    await page.close();
  });
});
