/**
 * No interaction blocks the pane's UI thread for more than 100 ms at a time (issue 6, item 10), measured with
 * the Long Tasks API in Chromium over a 60,000-row workbook (the preview seeds it with ?rows=60000): opening
 * Lead scoring (whose live preview scores every row), editing a rule, opening the other panels, opening the
 * Overview (every card and chart over all rows) and filtering it by owner.
 * The simulated Excel host runs in the same page here; in Office, Excel answers the requests in its own process.
 * The sim marks each request it answers ("sim:request" measures), and the test subtracts the host's share from
 * each long task: what is left is the pane's own blocking, which must stay under 100 ms. Both figures are logged.
 */
import type { Page } from "playwright-core";
import {
  browserDescribe,
  openPreview,
  selectPanel,
  STRINGS,
  type Lang,
  type PanelId,
  type PreviewSession,
} from "./support";

const describeBrowser = browserDescribe("the responsiveness test");
const ROWS = 60_000;
const LIMIT_MS = 100;

declare global {
  interface Window {
    __longTasks?: Array<{ start: number; duration: number }>;
    __longTaskObserver?: PerformanceObserver;
  }
}

describeBrowser(`no long task over ${LIMIT_MS} ms on a ${ROWS.toLocaleString("en-US")}-row workbook`, () => {
  let session: PreviewSession;
  beforeAll(async () => {
    session = await openPreview();
  });
  afterAll(async () => {
    await session?.close();
  });

  /** The pane's share (ms) of each long task during `action`, and the raw task durations. */
  async function longTasksDuring(page: Page, action: () => Promise<void>): Promise<{ pane: number[]; raw: number[] }> {
    await page.evaluate(() => {
      window.__longTaskObserver?.disconnect();
      performance.clearMeasures("sim:request");
      window.__longTasks = [];
      window.__longTaskObserver = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longTasks!.push({ start: e.startTime, duration: e.duration });
      });
      window.__longTaskObserver.observe({ type: "longtask" });
    });
    await action();
    await page.waitForTimeout(300);
    return page.evaluate(() => {
      const host = performance.getEntriesByName("sim:request").map((m) => [m.startTime, m.startTime + m.duration]);
      const pane = window.__longTasks!.map((task) => {
        const end = task.start + task.duration;
        const simulated = host.reduce(
          (sum, [a, b]) => sum + Math.max(0, Math.min(b, end) - Math.max(a, task.start)),
          0,
        );
        return Math.round(task.duration - simulated);
      });
      return { pane, raw: window.__longTasks!.map((x) => Math.round(x.duration)) };
    });
  }

  test("open Lead scoring, edit a rule, open every panel", async () => {
    const lang: Lang = "en-US";
    const t = STRINGS[lang];
    const page = await session.browser.newPage({ viewport: { width: 500, height: 900 } });
    await page.goto(`${session.baseUrl}/preview.html?lang=${lang}&grid=none&rows=${ROWS}`);
    await page.evaluate(() => window.__salesSimReady);
    await page.getByRole("button", { name: t["start.insertSample"] }).waitFor();
    await page.waitForTimeout(1000);
    const report: Record<string, { pane: number[]; raw: number[] }> = {};

    report["open Lead scoring"] = await longTasksDuring(page, async () => {
      await selectPanel(page, lang, "scoring");
      await page.getByText(/Computed over 60,000 rows/).waitFor({ timeout: 120_000 });
    });
    report["edit a rule's points"] = await longTasksDuring(page, async () => {
      const points = page.getByRole("spinbutton", { name: "Points of rule 3" });
      await points.fill("30");
      await points.press("Enter");
      await page.waitForTimeout(300);
      await page.getByText(/Computed over 60,000 rows/).waitFor({ timeout: 120_000 });
    });
    for (const panel of ["bant", "funnel", "followups", "targets"] as PanelId[]) {
      report[`open ${panel}`] = await longTasksDuring(page, async () => {
        await selectPanel(page, lang, panel);
        await page.waitForTimeout(4000);
      });
    }

    let numbersAfter = 0;
    report["open the Overview"] = await longTasksDuring(page, async () => {
      const started = Date.now();
      await selectPanel(page, lang, "overview");
      // The cards and charts appear together, once every step ran (the win rate is one of them).
      await page.locator('[data-value="winRate"]').filter({ hasText: /%/ }).waitFor({ timeout: 120_000 });
      numbersAfter = Date.now() - started;
      // Over 5,000 rows the likely deals wait to be asked for (learning would be one long task).
      await page.getByRole("button", { name: t["overview.likelyCompute"] }).waitFor({ timeout: 30_000 });
      await page.waitForTimeout(1000);
    });
    // A figure, not a pass/fail timing (npm run bench measures speed): the "within 2 s in the simulator".
    console.log(`[Overview numbers over ${ROWS} rows] ${numbersAfter} ms after opening the tab`);
    report["filter the Overview by owner"] = await longTasksDuring(page, async () => {
      await page.getByRole("combobox", { name: t["overview.owner"] }).click();
      await page.getByRole("option").nth(1).click();
      await page.waitForTimeout(2000);
    });

    console.log(`[long tasks, ms] ${JSON.stringify(report)}`);
    const over = Object.entries(report).flatMap(([what, list]) =>
      list.pane.filter((d) => d > LIMIT_MS).map((d) => `${what}: ${d} ms`),
    );
    expect(over).toEqual([]);
    await page.close();
  });
});
