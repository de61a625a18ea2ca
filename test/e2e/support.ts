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
export const PANELS = ["start", "scoring", "bant", "funnel", "targets", "followups"] as const;
export type PanelId = (typeof PANELS)[number];
export type Strings = typeof en;
export type Lang = "en-US" | "zh-CN";
export const STRINGS: Record<Lang, Strings> = { "en-US": en, "zh-CN": zh as Strings };

// eslint-disable-next-line @typescript-eslint/no-var-requires
const preview = require("../../scripts/preview.js") as {
  startStaticServer(root: string, port: number): Promise<{ server: Server; port: number; url: string }>;
  buildIfNeeded(): void;
  DIST: string;
};

export const haveChromium = fs.existsSync(CHROMIUM);

/** `describe` when Chromium is there (or REQUIRE_E2E demands it); otherwise `describe.skip` with a warning. */
export function browserDescribe(what: string): jest.Describe {
  if (!haveChromium && !process.env.REQUIRE_E2E) {
    // eslint-disable-next-line no-console
    console.warn(`[e2e] ${CHROMIUM} not found: ${what} are skipped (apt-get install -y chromium; REQUIRE_E2E=1 makes this a failure).`);
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
  if (!haveChromium) throw new Error(`REQUIRE_E2E is set but ${CHROMIUM} is missing: install it with apt-get install -y chromium`);
  if (!fs.existsSync(path.join(preview.DIST, "preview.html"))) preview.buildIfNeeded();
  const { server, url } = await preview.startStaticServer(preview.DIST, 0);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
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
