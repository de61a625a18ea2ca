/**
 * Lead scoring's Win probability column in Chromium over the simulated Excel host (issue 11). On the sample
 * workbook the pane adds the column; each row's value equals what an independently written
 * `=SALES.WINPROB(...)` over the same table computes for that record (and the Win factors column equals
 * SALES.WINFACTORS'), closed rows stay blank, and the pane's "learns from" line counts the table's won and lost
 * rows. en-US at 320 px, zh-CN at 500 px in the dark theme; screenshots go to SCREENSHOT_DIR.
 */
import { browserDescribe, openPreview, screenshotPath, selectPanel, STRINGS, type PreviewSession } from "./support";

const describeBrowser = browserDescribe("the Win probability browser tests");

type Dump = Record<string, { value: string | number | boolean; formula?: string }>;
const fill = (text: string, values: Record<string, string>) =>
  Object.entries(values).reduce((s, [k, v]) => s.replace(`{${k}}`, v), text);

/** The factor columns the pane chooses on the sample (dates, names, owner, stage and outcome left out). */
const SAMPLE = {
  "en-US": {
    sheet: "Leads",
    table: "Leads",
    first: "Company",
    outcome: "Outcome",
    stages: "Stages[Stage]",
    fields: ["Industry", "Region", "Source", "Employees", "Authority", "Need", "Amount"],
  },
  "zh-CN": {
    sheet: "线索",
    table: "线索",
    first: "公司",
    outcome: "结果",
    stages: "阶段[阶段]",
    fields: ["行业", "地区", "来源", "员工数", "决策人", "需求", "金额"],
  },
} as const;

describeBrowser("the Win probability column equals SALES.WINPROB", () => {
  let session: PreviewSession;
  beforeAll(async () => {
    session = await openPreview();
  });
  afterAll(async () => {
    await session?.close();
  });

  test.each([
    ["en-US", 320, "light"],
    ["zh-CN", 500, "dark"],
  ] as const)(
    "%s at %d px (%s)",
    async (lang, width, theme) => {
      const t = STRINGS[lang];
      const sample = SAMPLE[lang];
      const page = await session.browser.newPage({ viewport: { width, height: 1000 } });
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await page.goto(
        `${session.baseUrl}/preview.html?lang=${lang}&width=${width}${theme === "dark" ? "&theme=dark" : ""}`,
      );
      await page.evaluate(() => window.__salesSimReady);
      await page.getByRole("button", { name: t["start.insertSample"] }).click();
      await page.waitForFunction(() => window.__salesSim!.model.tables.length >= 5, undefined, { timeout: 60_000 });
      await selectPanel(page, lang, "scoring");
      const pane = page.getByTestId("taskpane");
      const section = pane.getByRole("region", { name: t["winprob.title"], exact: true });
      const learned = section.locator("[data-winprob-learned]");
      await learned.waitFor({ timeout: 60_000 });
      const learnedText = await learned.innerText();
      await section.getByRole("table", { name: t["winprob.agreementTitle"] }).waitFor({ timeout: 30_000 });
      await section.scrollIntoViewIfNeeded();
      await page.screenshot({ path: screenshotPath(`winprob-${lang}-${width}-${theme}.png`) });

      const prob = lang === "zh-CN" ? "赢单概率" : "Win probability";
      const factors = lang === "zh-CN" ? "赢单因素" : "Win factors";
      await section.getByRole("button", { name: t["winprob.add"] }).click();
      await section
        .getByText(fill(t["winprob.added"].split("{open}")[0], { column: prob }), { exact: false })
        .waitFor({ timeout: 60_000 });

      const dump = (await page.evaluate((name) => window.__salesSim!.model.dump(name), sample.sheet)) as Dump;
      const headerCell = (text: string) =>
        Object.entries(dump)
          .find(([a, c]) => /^[A-Z]+1$/.test(a) && c.value === text)?.[0]
          .replace(/1$/, "");
      const probCol = headerCell(prob)!;
      const factorsCol = headerCell(factors)!;
      const outcomeCol = headerCell(sample.outcome)!;
      expect([probCol, factorsCol, outcomeCol].every(Boolean)).toBe(true);
      const modelSheet = t["winprob.sheet"];
      expect(dump[`${probCol}2`].formula).toBe(`=INDEX('${modelSheet}'!$A$2#,ROW()-ROW(${sample.table}[#Headers]))`);

      // The model sheet's formula: the source columns up to the last one before the outputs, the chosen factors,
      // the stage order from the stages table.
      const model = (await page.evaluate((name) => window.__salesSim!.model.dump(name), modelSheet)) as Dump;
      const winprob = String(model.A2.formula);
      const match = /^=SALES\.WINPROB\((.*)\)$/.exec(winprob);
      expect(match).not.toBeNull();
      const fieldList = `{${sample.fields.map((f) => `"${f}"`).join(",")}}`;
      expect(match![1]).toMatch(
        new RegExp(
          `^${sample.table}\\[\\[#All\\],\\[${sample.first}\\]:\\[[^\\]]+\\]\\],${fieldList.replace(/[{}]/g, "\\$&")},,${sample.stages.replace(/[[\]]/g, "\\$&")}$`,
        ),
      );
      expect(String(model.B2.formula)).toBe(`=SALES.WINFACTORS(${match![1]})`);

      // Independently: the same SALES functions written on a fresh sheet over the same table.
      const check = await page.evaluate(
        async ({ args }) => {
          const host = window.__salesSim!;
          await host.run(async (context) => {
            const sheet = context.workbook.worksheets.add("Check");
            sheet.getRange("A1:B1").formulas = [[`=SALES.WINPROB(${args})`, `=SALES.WINFACTORS(${args})`]];
            await context.sync();
          });
          return host.model.dump("Check");
        },
        { args: match![1] },
      );
      const checked = check as Dump;
      let open = 0;
      let won = 0;
      let lost = 0;
      // Every table row holds the column's formula (blank cells are not in the dump).
      for (let row = 2; dump[`${probCol}${row}`]?.formula !== undefined; row++) {
        const expected = checked[`A${row - 1}`]?.value ?? "";
        const value = dump[`${probCol}${row}`]?.value ?? "";
        expect([row, value]).toEqual([row, expected]);
        expect([row, dump[`${factorsCol}${row}`]?.value ?? ""]).toEqual([row, checked[`B${row - 1}`]?.value ?? ""]);
        const outcome = String(dump[`${outcomeCol}${row}`]?.value ?? "");
        if (typeof value === "number") {
          open++;
          expect(value).toBeGreaterThan(0);
          expect(value).toBeLessThan(1);
        } else {
          expect(outcome).not.toBe("");
          if (/won|赢/i.test(outcome)) won++;
          else lost++;
        }
      }
      expect(open + won + lost).toBe(200); // every row of the sample's table
      expect(open).toBeGreaterThan(10);
      expect(won).toBeGreaterThan(0);
      expect(lost).toBeGreaterThan(0);
      // The pane said what it learned from: the table's own counts.
      const fmt = (n: number) => n.toLocaleString(lang);
      expect(learnedText).toBe(
        fill(t["winprob.learned"], { closed: fmt(won + lost), won: fmt(won), lost: fmt(lost), open: fmt(open) }),
      );
      expect(errors).toEqual([]);
      await page.close();
    },
    180_000,
  );
});
