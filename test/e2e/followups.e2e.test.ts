/**
 * Follow-ups you can act on, in Chromium over the simulated Excel host (issue 11): on the sample workbook, select
 * the most overdue follow-up, press Mark done, and require that the pane asks first, that the cells it lists are
 * exactly the cells that change in the sheet (last contact := today, next follow-up := blank), and that the item
 * leaves the overdue list. en-US at 320 px, zh-CN at 500 px in the dark theme; screenshots go to SCREENSHOT_DIR.
 */
import { serialToIso, todaySerial } from "../../src/engine/coerce";
import { browserDescribe, openPreview, screenshotPath, selectPanel, STRINGS, type PreviewSession } from "./support";

const describeBrowser = browserDescribe("the follow-up action browser tests");

type Dump = Record<string, { value: string | number | boolean; formula?: string; numberFormat?: string }>;
const fill = (text: string, values: Record<string, string>) =>
  Object.entries(values).reduce((s, [k, v]) => s.replace(`{${k}}`, v), text);

describeBrowser("marking a follow-up done writes exactly what it showed", () => {
  let session: PreviewSession;
  beforeAll(async () => {
    session = await openPreview();
  });
  afterAll(async () => {
    await session?.close();
  });

  test.each([
    ["en-US", 320, "light", "Leads", "LastContact", "NextFollowUp"],
    ["zh-CN", 500, "dark", "线索", "最近联系", "下次跟进"],
  ] as const)(
    "%s at %d px (%s)",
    async (lang, width, theme, sheet, lastHeader, nextHeader) => {
      const t = STRINGS[lang];
      const page = await session.browser.newPage({ viewport: { width, height: 900 } });
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await page.goto(
        `${session.baseUrl}/preview.html?lang=${lang}&width=${width}${theme === "dark" ? "&theme=dark" : ""}`,
      );
      await page.evaluate(() => window.__salesSimReady);
      await page.getByRole("button", { name: t["start.insertSample"] }).click();
      await page.waitForFunction(() => window.__salesSim!.model.tables.length >= 5, undefined, { timeout: 60_000 });
      await selectPanel(page, lang, "followups");
      const pane = page.getByTestId("taskpane");
      const list = pane.getByRole("listbox", { name: t["followups.listTitle"] });
      await list.waitFor({ timeout: 30_000 });
      const first = list.getByRole("option").first();
      const company = (await first.innerText()).split("\n")[0].replace(/^✓\s*/, "").trim();
      const sameCompany = async () => list.getByRole("option").filter({ hasText: company }).count();
      const before = await sameCompany();
      await first.click();
      const group = pane.getByRole("group", { name: fill(t["followups.actionsTitle"], { company }) });
      await group.waitFor();
      const dump = async () => (await page.evaluate((name) => window.__salesSim!.model.dump(name), sheet)) as Dump;
      const sheetBefore = await dump();

      await group.getByRole("button", { name: t["followups.markDone"] }).click();
      const dialog = page.getByRole("alertdialog");
      await dialog.waitFor();
      const listed = (await dialog.getByRole("listitem").allInnerTexts()).map((x) => x.trim());
      await page.screenshot({ path: screenshotPath(`followups-confirm-${lang}-${width}-${theme}.png`) });
      await dialog.getByRole("button", { name: fill(t["followups.confirmWrite"], { count: "2" }) }).click();
      await pane
        .getByText(fill(t["followups.marked"], { company, changes: "" }).trim(), { exact: false })
        .waitFor({ timeout: 30_000 });

      // Exactly two cells changed, in one row: the ones the dialog listed, to what it listed.
      const sheetAfter = await dump();
      const changed = [...new Set([...Object.keys(sheetBefore), ...Object.keys(sheetAfter)])].filter(
        (key) => JSON.stringify(sheetBefore[key]?.value ?? "") !== JSON.stringify(sheetAfter[key]?.value ?? ""),
      );
      expect(changed).toHaveLength(2);
      const row = changed[0].replace(/^[A-Z]+/, "");
      expect(changed.every((key) => key.replace(/^[A-Z]+/, "") === row)).toBe(true);
      const headerOf = (key: string) => sheetAfter[`${key.replace(/\d+$/, "")}1`]?.value;
      const last = changed.find((key) => headerOf(key) === lastHeader)!;
      const next = changed.find((key) => headerOf(key) === nextHeader)!;
      expect(last).toBeDefined();
      expect(next).toBeDefined();
      expect(sheetAfter[last].value).toBe(todaySerial());
      expect(sheetAfter[next]?.value ?? "").toBe("");
      const iso = (v: unknown) => (typeof v === "number" ? serialToIso(v) : t["followups.blank"]);
      expect(listed).toEqual([
        fill(t["followups.change"], {
          column: lastHeader,
          from: iso(sheetBefore[last]?.value),
          to: iso(todaySerial()),
        }),
        fill(t["followups.change"], {
          column: nextHeader,
          from: iso(sheetBefore[next]?.value),
          to: t["followups.blank"],
        }),
      ]);

      // The list was read again: the done item left it.
      await page.waitForFunction(
        ([name, n]) =>
          [...document.querySelectorAll('[role="option"]')].filter((o) => o.textContent?.includes(name as string))
            .length < (n as number),
        [company, before] as const,
      );
      expect(await sameCompany()).toBe(before - 1);
      // The card now asks for the next item to act on and keeps the result under it.
      const card = pane.getByRole("group", { name: t["followups.selectToAct"] });
      await card.scrollIntoViewIfNeeded();
      await page.screenshot({ path: screenshotPath(`followups-done-${lang}-${width}-${theme}.png`) });
      // Nothing in the action card is wider than the pane.
      const overflow = await card.evaluate((el) => el.scrollWidth - el.clientWidth);
      expect(overflow).toBeLessThanOrEqual(1);
      expect(errors).toEqual([]);
      await page.close();
    },
    180_000,
  );
});
