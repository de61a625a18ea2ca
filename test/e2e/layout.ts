/**
 * Reusable layout assertions for the task pane in a real browser (issue 6, item 7). Each returns a list of
 * problems (empty when the layout is right) so a test can report every one at once:
 *  - `overflowProblems`: no element's content is wider than its box unless the box is a scroll region
 *    (overflow auto/scroll) or shortens its text with an ellipsis and gives the full text in a title;
 *  - `overlapProblems`: no two pieces of visible text overlap;
 *  - `tabBarRows`: how many rows the tab bar's visible tabs take (1 is right);
 *  - `checkLayout`: all of it for the pane (and any open dialog), with the page's own horizontal scroll.
 * Later panels (an Overview, a Commission panel) get the same checks by calling `checkLayout` on them.
 */
import type { Page } from "playwright-core";

export const PANE = '[data-testid="taskpane"]';

/** In the page: elements whose content overflows their box without a way to reach it. */
function findOverflow(rootSelectors: string[]): string[] {
  const problems: string[] = [];
  const describe = (el: Element) => {
    const text = (el.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 40);
    const cls = (el.getAttribute("class") ?? "").split(/\s+/).find((c) => c.startsWith("fui-")) ?? "";
    return `<${el.tagName.toLowerCase()}${cls ? ` ${cls}` : ""}${el.getAttribute("role") ? ` role=${el.getAttribute("role")}` : ""}> "${text}"`;
  };
  const hiddenAway = (el: Element): boolean => {
    for (let e: Element | null = el; e; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (
        s.display === "none" ||
        s.visibility === "hidden" ||
        s.clip === "rect(0px, 0px, 0px, 0px)" ||
        s.clipPath.startsWith("inset(50%")
      )
        return true;
      if (e.getAttribute("aria-hidden") === "true" && e.getBoundingClientRect().width <= 1) return true;
    }
    return false;
  };
  for (const selector of rootSelectors) {
    for (const root of document.querySelectorAll(selector)) {
      for (const el of [root, ...root.querySelectorAll("*")]) {
        if (!(el instanceof HTMLElement) || el.getClientRects().length === 0) continue;
        const excess = el.scrollWidth - el.clientWidth;
        if (excess <= 1) continue;
        const style = getComputedStyle(el);
        if (style.overflowX === "auto" || style.overflowX === "scroll") continue;
        if (style.textOverflow === "ellipsis" && style.overflowX === "hidden" && (el.title || el.closest("[title]")))
          continue;
        // Content without text (an icon's padding) clips nothing a reader needs.
        if ((el.textContent ?? "").trim() === "") continue;
        // Inputs scroll their own text (the caret reaches it); that is how a text box works.
        if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) continue;
        if (hiddenAway(el)) continue;
        problems.push(`${describe(el)} is ${excess}px wider than its box (${el.clientWidth}px)`);
      }
    }
  }
  return problems;
}

/** In the page: pairs of visible text boxes that overlap. */
function findOverlaps(rootSelectors: string[]): string[] {
  const boxes: Array<{ r: DOMRect; text: string; node: Node }> = [];
  const visible = (el: Element | null): boolean => {
    for (let e = el; e; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (s.display === "none" || s.visibility === "hidden" || Number(s.opacity) === 0) return false;
      if (s.clip === "rect(0px, 0px, 0px, 0px)" || s.clipPath.startsWith("inset(50%")) return false;
    }
    return true;
  };
  for (const selector of rootSelectors) {
    for (const root of document.querySelectorAll(selector)) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let t = walker.nextNode(); t; t = walker.nextNode()) {
        const text = (t.textContent ?? "").trim();
        if (text === "" || !visible(t.parentElement)) continue;
        const range = document.createRange();
        range.selectNodeContents(t);
        for (const r of range.getClientRects())
          if (r.width > 1 && r.height > 1) boxes.push({ r, text: text.slice(0, 30), node: t });
      }
    }
  }
  const problems: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i];
      const b = boxes[j];
      if (a.node === b.node) continue;
      const w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
      const h = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
      // A couple of pixels is line-height slack between stacked lines, not text running into text.
      if (w > 2 && h > 3) problems.push(`"${a.text}" overlaps "${b.text}" (${Math.round(w)}×${Math.round(h)}px)`);
    }
  }
  return problems;
}

export async function overflowProblems(page: Page, roots: string[] = [PANE]): Promise<string[]> {
  return page.evaluate(findOverflow, roots);
}

export async function overlapProblems(page: Page, roots: string[] = [PANE]): Promise<string[]> {
  return page.evaluate(findOverlaps, roots);
}

/** Rows taken by the tab bar's visible tabs (distinct tops, 2 px tolerance). */
export async function tabBarRows(page: Page): Promise<number> {
  return page.evaluate((pane) => {
    const tabs = [...document.querySelectorAll(`${pane} [role="tablist"] [role="tab"]`)].filter(
      (t) => t.getClientRects().length > 0 && getComputedStyle(t).visibility !== "hidden",
    );
    const tops: number[] = [];
    for (const t of tabs) {
      const top = t.getBoundingClientRect().top;
      if (!tops.some((x) => Math.abs(x - top) <= 2)) tops.push(top);
    }
    return tops.length;
  }, PANE);
}

/** The page scrolls sideways: something is wider than the viewport. */
export async function pageScrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
}

/** Every layout check on the pane and any open dialog; `where` prefixes each problem. */
export async function checkLayout(page: Page, where: string): Promise<string[]> {
  const overlays = ['[role="dialog"]', '[role="alertdialog"]', '[role="menu"]'];
  // A modal dialog covers the pane: its text is checked against itself, not against the text it covers.
  const dialogOpen = await page.evaluate((s) => s.some((x) => document.querySelector(x)), overlays.slice(0, 2));
  const textRoots = dialogOpen ? overlays : [PANE, ...overlays];
  const problems = [
    ...(await overflowProblems(page, [PANE, ...overlays])),
    ...(await overlapProblems(page, textRoots)),
  ];
  if (await pageScrollsSideways(page)) problems.push("the page scrolls sideways");
  const rows = await tabBarRows(page);
  if (rows !== 1) problems.push(`the tab bar takes ${rows} rows`);
  return problems.map((p) => `${where}: ${p}`);
}
