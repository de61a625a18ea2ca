/**
 * What every browser test shares: the Chromium it drives, the UI strings, and the built preview (the real task
 * pane over the simulated Excel host) served on a free localhost port.
 */
import * as fs from "fs";
import * as path from "path";
import type { Server } from "http";
import { chromium, type Browser } from "playwright-core";
import en from "../../src/i18n/ui.en-US.json";
import zh from "../../src/i18n/ui.zh-CN.json";
import type { SimHost } from "../../src/sim";

declare global {
  interface Window {
    __salesSim?: SimHost;
    __salesSimReady?: Promise<void>;
  }
}

/** E2E_CHROMIUM overrides the browser path (e.g. to check the missing-browser behaviour). */
export const CHROMIUM = process.env.E2E_CHROMIUM ?? "/usr/bin/chromium";
export const PANELS = ["overview", "start", "scoring", "bant", "funnel", "targets", "followups", "commission"] as const;
export type PanelId = (typeof PANELS)[number];
export type Strings = typeof en;
export type Lang = "en-US" | "zh-CN";
export const STRINGS: Record<Lang, Strings> = { "en-US": en, "zh-CN": zh as Strings };
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS script of this repo, typed by the cast
const preview = require("../../scripts/preview.js") as {
  startStaticServer(root: string, port: number): Promise<{ server: Server; port: number; url: string }>;
  buildIfNeeded(): void;
  DIST: string;
};

export const haveChromium = fs.existsSync(CHROMIUM);

const ROOT = path.resolve(__dirname, "../..");
/**
 * Where tests write screenshots: test-results/screenshots (git-ignored), so a test run never dirties a clone.
 * `npm run screenshots` points SCREENSHOT_DIR at the README's folder on purpose.
 */
export const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR
  ? path.resolve(ROOT, process.env.SCREENSHOT_DIR)
  : path.join(ROOT, "test-results/screenshots");

/** A screenshot file path in SCREENSHOT_DIR (created on first use). */
export function screenshotPath(name: string): string {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return path.join(SCREENSHOT_DIR, name);
}

/** `describe` when Chromium is there (or REQUIRE_E2E demands it); otherwise `describe.skip` with a warning. */
export function browserDescribe(what: string): jest.Describe {
  if (!haveChromium && !process.env.REQUIRE_E2E) {
    console.warn(
      `[e2e] ${CHROMIUM} not found: ${what} are skipped (apt-get install -y chromium; REQUIRE_E2E=1 makes this a failure).`,
    );
  }
  return haveChromium || process.env.REQUIRE_E2E ? describe : describe.skip;
}

export interface PreviewSession {
  browser: Browser;
  server: Server;
  baseUrl: string;
  close(): Promise<void>;
}

/** Builds the preview if needed, serves dist/ on a free port and launches Chromium with this machine's flags. */
export async function openPreview(): Promise<PreviewSession> {
  if (!haveChromium)
    throw new Error(`REQUIRE_E2E is set but ${CHROMIUM} is missing: install it with apt-get install -y chromium`);
  if (!fs.existsSync(path.join(preview.DIST, "preview.html"))) preview.buildIfNeeded();
  const { server, url } = await preview.startStaticServer(preview.DIST, 0);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
    ],
  });
  return {
    browser,
    server,
    baseUrl: url,
    async close() {
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * Opens a panel the way a user does: its tab when the tab bar shows it, else the "More" menu's entry (a narrow
 * pane keeps the tab bar on one row and moves what does not fit into that menu).
 */
export async function selectPanel(page: import("playwright-core").Page, lang: Lang, panel: PanelId): Promise<void> {
  const pane = page.getByTestId("taskpane");
  const name = STRINGS[lang][`tab.${panel}` as keyof Strings];
  const tab = pane.getByRole("tablist").getByRole("tab", { name, exact: true });
  if (await tab.isVisible()) {
    await tab.click();
    return;
  }
  await pane
    .getByRole("tab", {
      name: new RegExp(`^${STRINGS[lang]["app.morePanels"].replace(/[()（）]/g, ".").replace("{count}", "\\d+")}$`),
    })
    .click();
  await page.getByRole("menuitemradio", { name, exact: true }).click();
}
