/**
 * The README's deployment steps, followed on one machine as far as they go without Microsoft 365: the deployment
 * build for https://sales.example.com/addin/ (test/support/productionBuild.ts), served from a plain static HTTPS
 * server (scripts/serve-https.js, a throwaway certificate), opened in Chromium with sales.example.com resolved to
 * that server. What Excel would load — taskpane.html, its hashed bundles, office.js — and the help site must load
 * from the deployment address only: no request to localhost:3000 or any other host.
 *
 * office.js cannot come from Microsoft's CDN here (no internet, and no Excel behind it): the request is answered
 * with a stand-in that records `CustomFunctions.associate` calls and gives the pane an empty workbook. Everything
 * else is the real production output. Screenshots of the help pages at 320 and 800 px go to
 * test-results/help-screenshots/.
 */
import * as fs from "fs";
import * as path from "path";
import type { Server } from "https";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { browserDescribe, CHROMIUM, STRINGS, type Lang } from "./support";
import { productionBuild, PRODUCTION_URL, type ProductionBuild } from "../support/productionBuild";
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS script of this repo, typed by the cast
const { startHttpsServer } = require("../../scripts/serve-https.js") as {
  startHttpsServer(options: {
    root: string;
    base: string;
    domains: string[];
  }): Promise<{ server: Server; port: number }>;
};

const ROOT = path.resolve(__dirname, "../..");
const SCREENSHOTS = path.join(ROOT, "test-results", "help-screenshots");
const HOST = new URL(PRODUCTION_URL).host;
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/** What office.js provides, reduced to what the pane and the functions touch on start-up. */
const OFFICE_STAND_IN = `(() => {
  window.__registered = [];
  window.CustomFunctions = {
    associate(id, fn) { if (typeof id === "string") window.__registered.push(id); else window.__registered.push(...Object.keys(id)); },
    Error: class { constructor(code, message) { this.code = code; this.message = message; } },
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!", nullReference: "#NULL!", invalidName: "#NAME?", invalidReference: "#REF!" },
  };
  const context = { displayLanguage: window.__officeLanguage || "en-US", requirements: { isSetSupported: () => true } };
  window.Office = { context, onReady(callback) { const info = { host: "Excel", platform: "OfficeOnline" }; setTimeout(() => callback && callback(info), 0); return Promise.resolve(info); } };
  const workbook = { tables: { items: [], load() {} }, settings: { get: () => null, set() {}, remove() {}, load() {} } };
  window.Excel = { run: (batch) => batch({ workbook, sync: () => Promise.resolve() }) };
})();`;

interface Traffic {
  requests: string[];
  failed: string[];
  notOk: string[];
  errors: string[];
}

const describeBrowser = browserDescribe("the production deployment tests");

describeBrowser("a deployment build on a plain HTTPS static server, in Chromium", () => {
  let build: ProductionBuild;
  let server: Server;
  let browser: Browser;
  let functionIds: string[];

  beforeAll(
    async () => {
      build = productionBuild();
      functionIds = (
        JSON.parse(fs.readFileSync(path.join(build.dist, "functions.json"), "utf8")) as {
          functions: Array<{ id: string }>;
        }
      ).functions.map((f) => f.id);
      const served = await startHttpsServer({
        root: build.dist,
        base: new URL(PRODUCTION_URL).pathname,
        domains: [HOST],
      });
      server = served.server;
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: [
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-background-networking",
          "--disable-component-update",
          // The deployment's host name resolves to the local server (as an /etc/hosts line would).
          `--host-resolver-rules=MAP ${HOST} 127.0.0.1:${served.port}`,
        ],
      });
      fs.mkdirSync(SCREENSHOTS, { recursive: true });
    },
    15 * 60 * 1000,
  );

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  /** A context that records every request and answers office.js with the stand-in; other hosts are refused. */
  async function newContext(lang: Lang, width = 400): Promise<{ context: BrowserContext; traffic: Traffic }> {
    const context = await browser.newContext({
      ignoreHTTPSErrors: true,
      viewport: { width, height: 800 },
      locale: lang,
    });
    const traffic: Traffic = { requests: [], failed: [], notOk: [], errors: [] };
    await context.addInitScript((language: string) => {
      (window as unknown as { __officeLanguage: string }).__officeLanguage = language;
    }, lang);
    await context.route("**/*", async (route) => {
      const url = route.request().url();
      if (url === OFFICE_JS)
        await route.fulfill({ status: 200, contentType: "text/javascript", body: OFFICE_STAND_IN });
      else if (new URL(url).host === HOST) await route.continue();
      else await route.abort("blockedbyclient");
    });
    context.on("request", (r) => traffic.requests.push(r.url()));
    context.on("requestfailed", (r) => traffic.failed.push(`${r.url()} ${r.failure()?.errorText ?? ""}`));
    context.on("response", (r) => {
      if (r.status() >= 400) traffic.notOk.push(`${r.status()} ${r.url()}`);
    });
    context.on("page", (page) => {
      page.on("pageerror", (e) => traffic.errors.push(`${page.url()}: ${e.message}`));
      page.on("console", (m) => {
        if (m.type() === "error") traffic.errors.push(`${page.url()}: ${m.text()}`);
      });
    });
    return { context, traffic };
  }

  /** Every request went to the deployment address, or was office.js; nothing to localhost. */
  function expectOnlyDeploymentTraffic(traffic: Traffic): void {
    expect(traffic.requests.length).toBeGreaterThan(0);
    expect(traffic.requests.filter((u) => /localhost|:3000\b/.test(u))).toEqual([]);
    expect(traffic.requests.filter((u) => u !== OFFICE_JS && !u.startsWith(PRODUCTION_URL))).toEqual([]);
    expect(traffic.failed).toEqual([]);
    expect(traffic.notOk).toEqual([]);
    expect(traffic.errors).toEqual([]);
  }

  test.each(["en-US", "zh-CN"] as Lang[])(
    "%s: taskpane.html loads office.js, then the hashed bundles, registers every function, and its Help link opens the help site",
    async (lang) => {
      const t = STRINGS[lang];
      const { context, traffic } = await newContext(lang);
      const page = await context.newPage();
      const response = await page.goto(`${PRODUCTION_URL}taskpane.html`);
      expect(response?.status()).toBe(200);
      await page.getByRole("heading", { level: 1, name: t["app.title"] }).waitFor();
      await page.getByRole("tab", { name: t["tab.start"] }).waitFor();

      // The functions bundle ran in the page and registered every id of functions.json, once.
      const registered = await page.evaluate(() => (window as unknown as { __registered: string[] }).__registered);
      expect([...registered].sort()).toEqual([...functionIds].sort());
      const scripts = traffic.requests.filter((u) => u.endsWith(".js"));
      expect(scripts[0]).toBe(OFFICE_JS);
      expect(scripts.slice(1).map((u) => u.slice(PRODUCTION_URL.length))).toEqual([
        expect.stringMatching(/^functions\.[0-9a-f]{10}\.js$/),
        expect.stringMatching(/^taskpane\.[0-9a-f]{10}\.js$/),
      ]);

      const link = page.getByRole("link", { name: t["app.helpLabel"] });
      const [help] = await Promise.all([context.waitForEvent("page"), link.click()]);
      await help.waitForLoadState("load");
      expect(help.url()).toBe(`${PRODUCTION_URL}help/${lang}/index.html`);
      await help.getByRole("heading", { level: 1 }).waitFor();
      expect(await help.evaluate(() => document.documentElement.lang)).toBe(lang);
      expectOnlyDeploymentTraffic(traffic);
      await context.close();
    },
  );

  /** The page's own width overflow (a table wider than the screen would make the whole page scroll sideways). */
  const overflow = (page: Page) =>
    page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

  test.each([
    ["en-US", 320],
    ["en-US", 800],
    ["zh-CN", 320],
    ["zh-CN", 800],
  ] as Array<[Lang, number]>)(
    "%s help at %d px: readable without sideways scrolling, every internal link lands, nothing from elsewhere",
    async (lang, width) => {
      const { context, traffic } = await newContext(lang, width);
      const page = await context.newPage();
      for (const name of ["index", "functions"]) {
        const url = `${PRODUCTION_URL}help/${lang}/${name}.html`;
        expect((await page.goto(url))?.status()).toBe(200);
        expect(await overflow(page)).toBeLessThanOrEqual(0);
        // Body text stays at a readable size on a phone-width screen.
        expect(await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize))).toBeGreaterThanOrEqual(
          16,
        );
        // Every link inside the site names a page that answers and, with a #fragment, an element that exists.
        const links = await page.evaluate(() =>
          [...document.querySelectorAll("a[href]")].map((a) => (a as HTMLAnchorElement).href),
        );
        expect(links.filter((href) => !href.startsWith(PRODUCTION_URL))).toEqual([]);
        const fragments = new Map<string, Set<string>>();
        for (const href of links) {
          const [target, fragment] = href.split("#");
          if (!fragments.has(target)) fragments.set(target, new Set());
          if (fragment) fragments.get(target)!.add(fragment);
        }
        const check = await context.newPage();
        for (const [target, ids] of fragments) {
          expect([target, (await check.goto(target))?.status()]).toEqual([target, 200]);
          const missing = await check.evaluate(
            (list) => list.filter((id) => document.querySelectorAll(`[id="${id}"]`).length !== 1),
            [...ids],
          );
          expect([target, missing]).toEqual([target, []]);
        }
        await check.close();
        await page.screenshot({
          path: path.join(SCREENSHOTS, `${lang}-${name}-${width}.png`),
          fullPage: name === "index",
        });
        if (name === "functions") {
          // A spilled result table in view: wide tables scroll inside their own box, not the page.
          await page.locator("#fn-FUNNEL").scrollIntoViewIfNeeded();
          await page.evaluate(() => document.getElementById("fn-FUNNEL")?.scrollIntoView());
          await page.screenshot({ path: path.join(SCREENSHOTS, `${lang}-functions-funnel-${width}.png`) });
          expect(await overflow(page)).toBeLessThanOrEqual(0);
        }
      }
      // The landing page offers both languages.
      expect((await page.goto(`${PRODUCTION_URL}help/`))?.status()).toBe(200);
      expect(await page.getByRole("link", { name: /English/ }).count()).toBeGreaterThan(0);
      expect(await page.getByRole("link", { name: /中文/ }).count()).toBeGreaterThan(0);
      expectOnlyDeploymentTraffic(traffic);
      await context.close();
    },
  );

  test("the served manifest, metadata and scripts come with the headers a host needs (CORS, JSON type, caching)", async () => {
    const { context } = await newContext("en-US");
    const page = await context.newPage();
    const headersOf = async (file: string) => {
      const response = await page.goto(`${PRODUCTION_URL}${file}`);
      expect(response?.status()).toBe(200);
      return response!.headers();
    };
    const json = await headersOf("functions.json");
    expect(json["content-type"]).toMatch(/^application\/json/);
    expect(json["access-control-allow-origin"]).toBe("*");
    expect(json["cache-control"]).toBe("no-cache");
    expect((await headersOf("taskpane.html"))["cache-control"]).toBe("no-cache");
    const bundle = fs.readdirSync(build.dist).find((f) => /^taskpane\.[0-9a-f]{10}\.js$/.test(f))!;
    expect((await headersOf(bundle))["cache-control"]).toMatch(/immutable/);
    expect((await headersOf("manifest.xml"))["content-type"]).toMatch(/xml/);
    await context.close();
  });
});
