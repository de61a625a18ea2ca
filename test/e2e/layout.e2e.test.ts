/**
 * The pane fits Office's narrowest and a wide pane (issue 6, items 3 and 7): at 320 px and 500 px, in en-US,
 * zh-CN and the dark theme, no panel has content wider than its box (other than scroll regions), no text runs
 * into other text, the tab bar stays one row (a "More" menu takes what does not fit), Office's pane title is
 * not repeated, and dialogs fit too. Screenshots of every state checked go to SCREENSHOT_DIR for a human look.
 */
import type { Page } from "playwright-core";
import { checkLayout, tabBarRows } from "./layout";
import {
  browserDescribe,
  openPreview,
  PANELS,
  screenshotPath,
  selectPanel,
  STRINGS,
  type Lang,
  type PreviewSession,
} from "./support";

const describeBrowser = browserDescribe("the layout tests");

describeBrowser("the task pane fits 320 px and 500 px", () => {
  let session: PreviewSession;
  beforeAll(async () => {
    session = await openPreview();
  });
  afterAll(async () => {
    await session?.close();
  });

  async function open(lang: Lang, width: number, theme: "light" | "dark" = "light"): Promise<Page> {
    const page = await session.browser.newPage({ viewport: { width, height: 900 } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${session.baseUrl}/preview.html?lang=${lang}&grid=none${theme === "dark" ? "&theme=dark" : ""}`);
    await page.evaluate(() => window.__salesSimReady);
    await page.getByRole("button", { name: STRINGS[lang]["start.insertSample"] }).waitFor();
    expect(errors).toEqual([]);
    return page;
  }

  async function settle(page: Page): Promise<void> {
    let last = "";
    for (let stable = 0, i = 0; stable < 2 && i < 50; i++) {
      await page.waitForTimeout(200);
      const now = await page.getByTestId("taskpane").innerHTML();
      stable = now === last ? stable + 1 : 0;
      last = now;
    }
  }

  async function walk(lang: Lang, width: number, theme: "light" | "dark" = "light"): Promise<void> {
    const t = STRINGS[lang];
    const page = await open(lang, width, theme);
    const problems: string[] = [];
    const where = (what: string) => `${lang}/${width}px${theme === "dark" ? "/dark" : ""} ${what}`;
    const look = async (what: string) => {
      await settle(page);
      problems.push(...(await checkLayout(page, where(what))));
      await page.screenshot({
        path: screenshotPath(
          `layout-${lang}-${width}${theme === "dark" ? "-dark" : ""}-${what.replace(/\W+/g, "-")}.png`,
        ),
        fullPage: true,
      });
    };
    // Office shows the add-in's name above the pane: the pane does not repeat it.
    const title = page.getByTestId("taskpane").getByText(t["app.title"], { exact: true });
    expect(await title.evaluateAll((els) => els.filter((e) => e.getBoundingClientRect().width > 1).length)).toBe(0);

    await look("start-empty");
    await page.getByRole("button", { name: t["start.insertSample"] }).click();
    await page.waitForFunction(() => window.__salesSim!.model.tables.length >= 5, undefined, { timeout: 60_000 });
    for (const panel of PANELS) {
      await selectPanel(page, lang, panel);
      await look(panel);
    }
    // States that show more: typed weights and owners (Targets), stage order from the values (Funnel).
    await selectPanel(page, lang, "targets");
    await page.getByRole("radio", { name: t["targets.typed"], exact: true }).check();
    await page.getByRole("radio", { name: t["targets.ownersTyped"], exact: true }).check();
    await page
      .getByRole("textbox", { name: t["targets.typedOwners"], exact: true })
      .fill("Alice Chen\nBob Miller\nCarlos Diaz\nDana Kim\nEvan Patel\n张伟");
    await look("targets-typed");
    await selectPanel(page, lang, "funnel");
    await page.getByRole("radio", { name: t["funnel.fromValues"], exact: true }).check();
    await look("funnel-values");
    // A dialog: the sample is already here (three choices).
    await selectPanel(page, lang, "start");
    await page.getByRole("button", { name: t["start.insertSample"] }).click();
    await page.getByRole("alertdialog").waitFor();
    await look("dialog-sample-there");
    await page.getByRole("alertdialog").getByRole("button", { name: t["common.cancel"] }).click();
    expect(await tabBarRows(page)).toBe(1);
    expect(problems).toEqual([]);
    await page.close();
  }

  for (const width of [320, 500]) {
    for (const lang of ["en-US", "zh-CN"] as const) {
      test(`${lang} at ${width} px`, async () => walk(lang, width));
    }
  }
  test("dark theme at 320 px", async () => walk("en-US", 320, "dark"));

  test("each result shows next to the button that caused it, in view", async () => {
    const lang: Lang = "en-US";
    const t = STRINGS[lang];
    const page = await open(lang, 500);
    await page.setViewportSize({ width: 500, height: 800 });
    await page.getByRole("button", { name: t["start.insertSample"] }).click();
    await page.waitForFunction(() => window.__salesSim!.model.tables.length >= 5, undefined, { timeout: 60_000 });
    await selectPanel(page, lang, "scoring");
    const points = page.getByRole("spinbutton", { name: "Points of rule 3" });
    await points.fill("30");
    await points.press("Enter");
    const save = page.getByRole("button", { name: t["scoring.save"] });
    await save.click();
    await page.getByRole("alertdialog").getByRole("button", { name: t["scoring.saveConfirm"] }).click();
    const message = page.getByTestId("taskpane").getByText(/9 rules saved\./);
    await message.waitFor();
    await page.waitForTimeout(500);
    const [button, note] = [await save.boundingBox(), await message.boundingBox()];
    expect(button && note).toBeTruthy();
    // Below the button, within 200 px, and inside the 800 px window.
    expect(note!.y).toBeGreaterThan(button!.y);
    expect(note!.y - (button!.y + button!.height)).toBeLessThan(200);
    expect(note!.y + note!.height).toBeLessThanOrEqual(800);
    await page.close();
  });
});
