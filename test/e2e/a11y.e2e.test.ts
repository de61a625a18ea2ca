/**
 * Accessibility of the task pane in a real browser (spec/taskpane.md, "Accessible": every control has a label,
 * everything works from the keyboard). The built preview runs in Chromium; names and roles are read from
 * Chromium's own accessibility tree over the DevTools protocol, i.e. what a screen reader would be given, not
 * what the JSX seems to say. Only the task pane region is audited: the preview's workbook grid is scaffolding.
 *
 * Per panel, in en-US and zh-CN (and en-US in the dark theme):
 *  - every control (button, textbox, combobox, spinbutton, radio, checkbox, tab, option, …) has a name;
 *  - every element a keyboard user can Tab to is such a control, with a name;
 *  - in zh-CN no control name is English-only (library defaults such as "Increment value" leak through);
 *  - no duplicate ids in the page, and every id an aria-*by / aria-controls / label[for] points at exists;
 *  - Tab walks the whole panel in document order, reaches every control group and leaves the pane (no trap);
 *  - each dropdown opens with Alt+ArrowDown, its options have names, Escape closes it;
 *  - text contrast meets WCAG AA (4.5:1, 3:1 for large text), disabled controls excepted.
 * axe-core is not a dependency of this project, so these checks are the project's own.
 *
 * Without /usr/bin/chromium the suite is skipped with a warning, or fails when REQUIRE_E2E is set.
 */
import type { CDPSession, Page } from "playwright-core";
import {
  browserDescribe,
  openPreview,
  PANELS,
  STRINGS,
  type Lang,
  type PanelId,
  type PreviewSession,
  type Strings,
} from "./support";

const describeBrowser = browserDescribe("the accessibility tests");

/** Roles that must carry an accessible name wherever they appear in the pane. */
const NAMED_ROLES = new Set([
  "button",
  "textbox",
  "combobox",
  "spinbutton",
  "radio",
  "checkbox",
  "tab",
  "option",
  "switch",
  "slider",
  "searchbox",
  "link",
  "menuitem",
  "listbox",
  "radiogroup",
  "tablist",
  "tabpanel",
  "DateTime",
  "dialog",
  "alertdialog",
  "table",
]);
/** Roles a Tab stop may have: something a user can operate. */
const WIDGET_ROLES = new Set([
  "button",
  "textbox",
  "combobox",
  "spinbutton",
  "radio",
  "checkbox",
  "tab",
  "option",
  "switch",
  "slider",
  "searchbox",
  "link",
  "menuitem",
  "DateTime",
  "listbox",
]);
/** Roles whose members share one Tab stop (roving focus): reaching one member reaches the group. */
const GROUP_ROLES: Record<string, string> = { radio: "radiogroup", tab: "tablist" };

interface AxNode {
  nodeId: string;
  ignored: boolean;
  role?: { value?: string };
  name?: { value?: string };
  parentId?: string;
  backendDOMNodeId?: number;
}

/** One Tab stop of the pane as the page and Chromium's accessibility tree see it. */
interface Stop {
  index: number;
  html: string;
  role: string;
  name: string;
  /** Index of the radiogroup / tablist the stop belongs to, when it shares a roving Tab stop. */
  group: number;
}

/** Counts for the final summary line: what was actually looked at. */
const totals = { audits: 0, named: 0, stops: 0, dropdowns: 0, options: 0, contrastTexts: 0 };

/**
 * Page-side: the pane's keyboard-focusable elements, in DOM order, stored on window for the CDP side to
 * fetch one by one. Tabster's aria-hidden "dummy" inputs only bounce focus and are not stops.
 */
const COLLECT_FOCUSABLES = `(() => {
  const pane = document.querySelector('[data-testid="taskpane"]');
  const selector = 'a[href], button, input, select, textarea, [tabindex], [contenteditable="true"]';
  const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const focusable = (el) =>
    el.tabIndex >= 0 && !el.disabled && !el.hasAttribute('data-tabster-dummy') && !el.closest('[aria-hidden="true"], [inert]') && shown(el);
  // Chromium also stops on a scrolling box that holds nothing focusable, tabindex or not.
  const scroller = (el) => {
    const style = getComputedStyle(el);
    const scrolls = (o) => o === 'auto' || o === 'scroll';
    return ((scrolls(style.overflowX) && el.scrollWidth > el.clientWidth) || (scrolls(style.overflowY) && el.scrollHeight > el.clientHeight)) &&
      shown(el) && ![...el.querySelectorAll(selector)].some(focusable);
  };
  const list = [...pane.querySelectorAll('*')].filter((el) => (el.matches(selector) && focusable(el)) || (!el.matches(selector) && scroller(el)));
  const groupOf = (el) => {
    const g = el.closest('[role="radiogroup"], [role="tablist"]');
    return g ? [...pane.querySelectorAll('[role="radiogroup"], [role="tablist"]')].indexOf(g) : -1;
  };
  window.__a11yStops = list;
  return list.map((el) => ({ html: el.outerHTML.replace(/\\sclass="[^"]*"/g, '').slice(0, 160), group: groupOf(el) }));
})()`;

describeBrowser("task pane accessibility in Chromium (labels, keyboard, contrast)", () => {
  let session: PreviewSession;

  beforeAll(async () => {
    session = await openPreview();
  });

  afterAll(async () => {
    await session?.close();

    console.log(`[a11y] ${JSON.stringify(totals)}`);
  });

  async function open(
    lang: Lang,
    theme: "light" | "dark" = "light",
  ): Promise<{ page: Page; cdp: CDPSession; errors: string[] }> {
    const page = await session.browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    // 900 px: every panel's tab fits, so arrow keys walk all eight (narrower panes put some in the "More" menu).
    await page.goto(`${session.baseUrl}/preview.html?lang=${lang}&width=900${theme === "dark" ? "&theme=dark" : ""}`);
    await page.waitForFunction(() => Boolean(window.__salesSim));
    await page.evaluate(() => window.__salesSimReady);
    await page.getByRole("button", { name: STRINGS[lang]["start.insertSample"] }).waitFor();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Accessibility.enable");
    return { page, cdp, errors };
  }

  /** Panels load table data after mounting: wait until the pane's markup stops changing. */
  async function settle(page: Page): Promise<void> {
    let last = "";
    for (let stable = 0, i = 0; stable < 2 && i < 40; i++) {
      await page.waitForTimeout(200);
      const now = await page.getByTestId("taskpane").innerHTML();
      stable = now === last ? stable + 1 : 0;
      last = now;
    }
  }

  async function selectPanel(page: Page, lang: Lang, panel: PanelId): Promise<void> {
    await page
      .getByTestId("taskpane")
      .getByRole("tab", { name: STRINGS[lang][`tab.${panel}` as keyof Strings], exact: true })
      .click();
    await settle(page);
  }

  async function paneObjectId(cdp: CDPSession): Promise<string> {
    const { result } = await cdp.send("Runtime.evaluate", {
      expression: `document.querySelector('[data-testid="taskpane"]')`,
    });
    if (!result.objectId) throw new Error("no task pane element in the page");
    return result.objectId;
  }

  /** Every accessibility node under the task pane, as Chromium computes it. */
  async function paneAxNodes(cdp: CDPSession, withIgnored = false): Promise<AxNode[]> {
    const { nodes } = (await cdp.send("Accessibility.queryAXTree", { objectId: await paneObjectId(cdp) })) as {
      nodes: AxNode[];
    };
    return withIgnored ? nodes : nodes.filter((n) => !n.ignored);
  }

  /** The pane's Tab stops with their computed roles and names. */
  async function tabStops(cdp: CDPSession): Promise<Stop[]> {
    const { result: described } = await cdp.send("Runtime.evaluate", {
      expression: COLLECT_FOCUSABLES,
      returnByValue: true,
    });
    const info = described.value as Array<{ html: string; group: number }>;
    const { result: list } = await cdp.send("Runtime.evaluate", { expression: "window.__a11yStops" });
    const { result: props } = await cdp.send("Runtime.getProperties", {
      objectId: list.objectId!,
      ownProperties: true,
    });
    const stops: Stop[] = [];
    for (const prop of props) {
      if (!/^\d+$/.test(prop.name) || !prop.value?.objectId) continue;
      const index = Number(prop.name);
      const { nodes } = (await cdp.send("Accessibility.getPartialAXTree", {
        objectId: prop.value.objectId,
        fetchRelatives: false,
      })) as {
        nodes: AxNode[];
      };
      const node = nodes[0];
      stops.push({
        index,
        html: info[index].html,
        role: node && !node.ignored ? String(node.role?.value ?? "") : "(ignored)",
        name: String(node?.name?.value ?? "").trim(),
        group: info[index].group,
      });
    }
    return stops.sort((a, b) => a.index - b.index);
  }

  /** Problems in the current state of the pane; `where` prefixes each message. */
  async function audit(
    page: Page,
    cdp: CDPSession,
    lang: Lang,
    where: string,
    checkContrast: boolean,
  ): Promise<string[]> {
    totals.audits++;
    const problems: string[] = [];
    const all = await paneAxNodes(cdp, true);
    const nodes = all.filter((n) => !n.ignored);
    // Ignored nodes stay in the parent chain: a date input's sub-fields sit under an ignored wrapper.
    const byId = new Map(all.map((n) => [n.nodeId, n]));
    // Sub-fields of a native <input type="month"> are named by the browser in its own UI language.
    const insideNativeDate = (n: AxNode): boolean => {
      for (
        let p = n.parentId ? byId.get(n.parentId) : undefined;
        p;
        p = p.parentId ? byId.get(p.parentId) : undefined
      ) {
        if (p.role?.value === "DateTime") return true;
      }
      return false;
    };
    for (const n of nodes) {
      const role = String(n.role?.value ?? "");
      if (!NAMED_ROLES.has(role)) continue;
      totals.named++;
      const name = String(n.name?.value ?? "").trim();
      if (name === "") problems.push(`${where}: a ${role} has no accessible name`);
      else if (
        lang === "zh-CN" &&
        role !== "option" &&
        /[A-Za-z]{2}/.test(name) &&
        !/[\u3400-\u9fff]/.test(name) &&
        !insideNativeDate(n)
      ) {
        problems.push(`${where}: the ${role} "${name}" is named in English in the Chinese pane`);
      }
    }

    for (const stop of await tabStops(cdp)) {
      totals.stops++;
      // A named region is the accepted Tab stop for a box that only scrolls.
      if (!WIDGET_ROLES.has(stop.role) && !(stop.role === "region" && stop.name !== ""))
        problems.push(`${where}: Tab stops on something that is no control (role ${stop.role}): ${stop.html}`);
      else if (stop.name === "") problems.push(`${where}: the ${stop.role} Tab stop has no name: ${stop.html}`);
    }

    const ids = await page.evaluate(() => {
      const counts = new Map<string, number>();
      for (const el of document.querySelectorAll("[id]")) counts.set(el.id, (counts.get(el.id) ?? 0) + 1);
      const duplicates = [...counts].filter(([, c]) => c > 1).map(([id]) => id);
      const pane = document.querySelector('[data-testid="taskpane"]')!;
      const dangling: string[] = [];
      for (const attr of [
        "aria-labelledby",
        "aria-describedby",
        "aria-controls",
        "aria-owns",
        "aria-activedescendant",
        "for",
      ]) {
        for (const el of pane.querySelectorAll(`[${attr}]`)) {
          for (const id of (el.getAttribute(attr) ?? "").split(/\s+/).filter(Boolean)) {
            if (!document.getElementById(id)) dangling.push(`${attr}="${id}" on <${el.tagName.toLowerCase()}>`);
          }
        }
      }
      return { duplicates, dangling };
    });
    for (const id of ids.duplicates) problems.push(`${where}: duplicate id "${id}"`);
    for (const ref of ids.dangling) problems.push(`${where}: ${ref} points at no element`);

    if (checkContrast) {
      const low = await page.evaluate(() => {
        type Rgba = [number, number, number, number];
        const parse = (c: string): Rgba => {
          const m = c.match(/[\d.]+/g)?.map(Number) ?? [0, 0, 0, 0];
          return [m[0], m[1], m[2], m.length > 3 ? m[3] : 1];
        };
        const over = (top: Rgba, below: Rgba): Rgba => {
          const a = top[3] + below[3] * (1 - top[3]);
          if (a === 0) return [0, 0, 0, 0];
          const mix = (i: number) => (top[i] * top[3] + below[i] * below[3] * (1 - top[3])) / a;
          return [mix(0), mix(1), mix(2), a];
        };
        const luminance = (c: Rgba) => {
          const ch = (v: number) => {
            const s = v / 255;
            return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
          };
          return 0.2126 * ch(c[0]) + 0.7152 * ch(c[1]) + 0.0722 * ch(c[2]);
        };
        /** The colour behind an element: its own and its ancestors' backgrounds, composited. */
        const backdrop = (el: Element | null): Rgba | undefined => {
          const layers: Rgba[] = [];
          for (let e = el; e; e = e.parentElement) {
            const style = getComputedStyle(e);
            if (style.backgroundImage !== "none") return undefined; // gradients and pictures: not judged
            const bg = parse(style.backgroundColor);
            if (bg[3] > 0) layers.push(bg);
            if (bg[3] >= 1) break;
          }
          let colour: Rgba = [255, 255, 255, 1];
          for (const layer of layers.reverse()) colour = over(layer, colour);
          return colour;
        };
        const pane = document.querySelector('[data-testid="taskpane"]')!;
        const found: string[] = [];
        let checked = 0;
        const walker = document.createTreeWalker(pane, NodeFilter.SHOW_TEXT);
        const seen = new Set<Element>();
        for (let t = walker.nextNode(); t; t = walker.nextNode()) {
          const el = t.parentElement;
          if (!el || seen.has(el) || (t.textContent ?? "").trim() === "") continue;
          seen.add(el);
          if (el.closest('[aria-hidden="true"], :disabled, [aria-disabled="true"]') || el.getClientRects().length === 0)
            continue;
          const style = getComputedStyle(el);
          if (style.visibility === "hidden" || Number(style.opacity) === 0) continue;
          const bg = backdrop(el);
          if (!bg) continue;
          const fg = over(parse(style.color), bg);
          const [hi, lo] = [luminance(fg), luminance(bg)].sort((a, b) => b - a);
          const ratio = (hi + 0.05) / (lo + 0.05);
          const size = parseFloat(style.fontSize);
          const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
          checked++;
          if (ratio < (large ? 3 : 4.5)) {
            found.push(
              `"${(t.textContent ?? "").trim().slice(0, 40)}" ${style.color} on rgb(${bg.slice(0, 3).map(Math.round).join(", ")}) = ${ratio.toFixed(2)}:1`,
            );
          }
        }
        return { found, checked };
      });
      totals.contrastTexts += low.checked;
      for (const f of low.found) problems.push(`${where}: low contrast ${f}`);
    }
    return problems;
  }

  /**
   * Tabs from the selected panel tab to the end of the pane; the focus must move forward in document order,
   * reach every Tab stop (one per radio group / tab list) and finally leave the pane.
   */
  async function walkPanel(page: Page, cdp: CDPSession, lang: Lang, panel: PanelId, where: string): Promise<string[]> {
    const problems: string[] = [];
    const stops = await tabStops(cdp);
    await page
      .getByTestId("taskpane")
      .getByRole("tab", { name: STRINGS[lang][`tab.${panel}` as keyof Strings], exact: true })
      .focus();
    const visited: number[] = [];
    let left = false;
    for (let i = 0; i < stops.length * 2 + 10 && !left; i++) {
      await page.keyboard.press("Tab");
      const at = await page.evaluate(() => {
        const stops = (window as unknown as { __a11yStops: Element[] }).__a11yStops;
        const active = document.activeElement;
        const pane = document.querySelector('[data-testid="taskpane"]')!;
        return {
          index: active ? stops.indexOf(active) : -1,
          inPane: Boolean(active && pane.contains(active)),
          html: active?.outerHTML.slice(0, 120) ?? "",
        };
      });
      left = !at.inPane;
      if (left) break;
      if (at.index < 0) {
        problems.push(`${where}: Tab focused an element that is no Tab stop: ${at.html}`);
        continue;
      }
      // Tab also moves between the sub-fields (month, year) of a native date input: same element, go on.
      if (visited.length > 0 && at.index === visited[visited.length - 1]) continue;
      if (visited.length > 0 && at.index < visited[visited.length - 1]) {
        problems.push(`${where}: focus went backwards or looped at ${stops[at.index].html}`);
        left = true; // reported; the walk is over
        break;
      }
      visited.push(at.index);
    }
    if (!left) problems.push(`${where}: Tab never leaves the pane (keyboard trap)`);
    const keyOf = (stop: Stop) => (stop.group >= 0 && GROUP_ROLES[stop.role] ? `g${stop.group}` : `s${stop.index}`);
    // The walk starts on the selected panel tab: the tab list is where it stands, not where it must get to.
    const start = stops.find((x) => x.role === "tab" && x.html.includes('aria-selected="true"'));
    const reached = new Set(visited.map((i) => keyOf(stops[i])));
    for (const stop of stops) {
      if (start && (stop.index <= start.index || keyOf(stop) === keyOf(start))) continue;
      if (!reached.has(keyOf(stop))) problems.push(`${where}: Tab never reaches ${stop.role} "${stop.name}"`);
    }
    return problems;
  }

  /** Opens every enabled dropdown of the panel from the keyboard and checks its options. */
  async function dropdowns(page: Page, cdp: CDPSession, where: string): Promise<string[]> {
    const problems: string[] = [];
    const boxes = page.getByTestId("taskpane").getByRole("combobox");
    const count = await boxes.count();
    for (let i = 0; i < count; i++) {
      const box = boxes.nth(i);
      if (!(await box.isEnabled()) || !(await box.isVisible())) continue;
      const name = await box.evaluate((el, n) => {
        const by = el.getAttribute("aria-labelledby");
        const text = by
          ? by
              .split(/\s+/)
              .map((id) => document.getElementById(id)?.textContent ?? "")
              .join(" ")
          : el.getAttribute("aria-label");
        return `"${(text ?? "").trim() || `combobox #${n}`}"`;
      }, i + 1);
      await box.focus();
      await page.keyboard.press("Alt+ArrowDown");
      if ((await box.getAttribute("aria-expanded")) !== "true") {
        problems.push(`${where}: Alt+ArrowDown does not open the dropdown ${name}`);
        continue;
      }
      totals.dropdowns++;
      // The listbox is portalled outside the pane: find it through the control's aria-controls.
      const listId = (await box.getAttribute("aria-controls")) ?? "";
      const { result } = await cdp.send("Runtime.evaluate", {
        expression: `document.getElementById(${JSON.stringify(listId)})`,
      });
      if (!listId || !result.objectId) {
        problems.push(`${where}: the open dropdown ${name} does not point at its listbox (aria-controls)`);
      } else {
        // A multi-select dropdown's list is a menu of checkable items (Fluent: role menuitemcheckbox).
        let { nodes } = (await cdp.send("Accessibility.queryAXTree", {
          objectId: result.objectId,
          role: "option",
        })) as { nodes: AxNode[] };
        if (nodes.length === 0)
          ({ nodes } = (await cdp.send("Accessibility.queryAXTree", {
            objectId: result.objectId,
            role: "menuitemcheckbox",
          })) as { nodes: AxNode[] });
        if (nodes.length === 0) problems.push(`${where}: the dropdown ${name} opens with no options`);
        for (const option of nodes) {
          totals.options++;
          if (String(option.name?.value ?? "").trim() === "")
            problems.push(`${where}: an option of ${name} has no name`);
        }
      }
      await page.keyboard.press("Escape");
      if ((await box.getAttribute("aria-expanded")) === "true")
        problems.push(`${where}: Escape does not close the dropdown ${name}`);
    }
    return problems;
  }

  /** Extra states that reveal controls a panel hides by default. */
  async function variants(
    page: Page,
    lang: Lang,
    panel: PanelId,
  ): Promise<Array<{ label: string; apply: () => Promise<void> }>> {
    const t = STRINGS[lang];
    const pane = page.getByTestId("taskpane");
    const radio = (name: string) => async () => {
      await pane.getByRole("radio", { name, exact: true }).check();
      await settle(page);
    };
    if (panel === "targets") {
      return [
        {
          label: "typed weights and typed owners",
          apply: async () => {
            await radio(t["targets.typed"])();
            await radio(t["targets.ownersTyped"])();
          },
        },
        { label: "owners from a table", apply: radio(t["targets.ownersFromTable"]) },
      ];
    }
    if (panel === "funnel") return [{ label: "stage order from the values", apply: radio(t["funnel.fromValues"]) }];
    return [];
  }

  async function auditAllPanels(lang: Lang, theme: "light" | "dark"): Promise<void> {
    const { page, cdp, errors } = await open(lang, theme);
    const t = STRINGS[lang];
    const problems: string[] = [];
    const contrast = true;
    problems.push(...(await audit(page, cdp, lang, `${lang}/${theme} start (empty workbook)`, contrast)));

    await page.getByRole("button", { name: t["start.insertSample"] }).click();
    await page.waitForFunction(() =>
      window.__salesSim!.model.tables.some((x) => x.name === "Leads" || x.name === "线索"),
    );
    await settle(page);

    for (const panel of PANELS) {
      const where = `${lang}/${theme} ${panel}`;
      await selectPanel(page, lang, panel);
      problems.push(...(await audit(page, cdp, lang, where, contrast)));
      problems.push(...(await walkPanel(page, cdp, lang, panel, where)));
      problems.push(...(await dropdowns(page, cdp, where)));
      for (const variant of await variants(page, lang, panel)) {
        await variant.apply();
        problems.push(...(await audit(page, cdp, lang, `${where} (${variant.label})`, contrast)));
        problems.push(...(await walkPanel(page, cdp, lang, panel, `${where} (${variant.label})`)));
      }
    }
    expect(errors).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  }

  test("en-US: every panel's controls are named, reachable by Tab in order, and legible", async () => {
    await auditAllPanels("en-US", "light");
  });

  test("zh-CN: every panel's controls are named in Chinese, reachable by Tab in order, and legible", async () => {
    await auditAllPanels("zh-CN", "light");
  });

  test("dark theme (en-US): the same checks, contrast included", async () => {
    await auditAllPanels("en-US", "dark");
  });

  test("keyboard only: Tab to the panel tabs, arrows switch panels, Tab + Enter inserts the sample", async () => {
    const lang: Lang = "en-US";
    const t = STRINGS[lang];
    const { page, cdp, errors } = await open(lang);
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        const pane = document.querySelector('[data-testid="taskpane"]')!;
        return {
          role: el?.getAttribute("role") ?? el?.tagName.toLowerCase() ?? "",
          text: (el?.getAttribute("aria-label") ?? el?.innerText ?? "").trim(),
          selected: el?.getAttribute("aria-selected") ?? "",
          inPane: Boolean(el && pane.contains(el)),
        };
      });
    /** Name of the tab panel as assistive technology gets it (aria-labelledby → the selected tab). */
    const panelName = async () => {
      const nodes = await paneAxNodes(cdp);
      return nodes.filter((n) => n.role?.value === "tabpanel").map((n) => String(n.name?.value ?? ""));
    };

    // From the top of the page, nothing focused: the first Tab lands on the selected panel tab, the next on the
    // Help link at the end of the tab bar.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press("Tab");
    expect(await focused()).toEqual({ role: "tab", text: t["tab.start"], selected: "true", inPane: true });
    await page.keyboard.press("Tab");
    expect(await focused()).toEqual({ role: "a", text: t["app.helpLabel"], selected: "", inPane: true });
    await page.keyboard.press("Shift+Tab");
    expect(await focused()).toEqual({ role: "tab", text: t["tab.start"], selected: "true", inPane: true });
    expect(await panelName()).toEqual([t["tab.start"]]);

    // Arrow keys move along the tabs and switch the panel (automatic activation), wrapping at both ends.
    // An empty workbook opens on Start, the second tab (the Overview comes first once data is mapped).
    const order = PANELS.map((p) => t[`tab.${p}` as keyof Strings]);
    const start = PANELS.indexOf("start");
    for (let i = 1; i <= PANELS.length; i++) {
      await page.keyboard.press("ArrowRight");
      const expected = order[(start + i) % PANELS.length];
      expect(await focused()).toEqual({ role: "tab", text: expected, selected: "true", inPane: true });
      await settle(page);
      expect(await panelName()).toEqual([expected]);
    }
    await page.keyboard.press("ArrowLeft");
    const before = order[(start + PANELS.length - 1) % PANELS.length];
    expect((await focused()).text).toBe(before);
    await settle(page);
    expect(await panelName()).toEqual([before]);
    await page.keyboard.press("End");
    expect((await focused()).text).toBe(order[PANELS.length - 1]);
    await page.keyboard.press("Home");
    expect(await focused()).toEqual({ role: "tab", text: order[0], selected: "true", inPane: true });
    await page.keyboard.press("ArrowRight");
    expect(await focused()).toEqual({ role: "tab", text: t["tab.start"], selected: "true", inPane: true });
    await settle(page);
    expect(await panelName()).toEqual([t["tab.start"]]);

    // Tab out of the tab list: the Help link at the end of the tab bar, then the Start panel's main action.
    await page.keyboard.press("Tab");
    expect(await focused()).toEqual({ role: "a", text: t["app.helpLabel"], selected: "", inPane: true });
    await page.keyboard.press("Tab");
    expect(await focused()).toEqual({ role: "button", text: t["start.insertSample"], selected: "", inPane: true });
    const tablesBefore = await page.evaluate(() => window.__salesSim!.model.tables.map((x) => x.name));
    expect(tablesBefore).not.toContain("Leads");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => window.__salesSim!.model.tables.some((x) => x.name === "Leads"), undefined, {
      timeout: 60_000,
    });
    const tables = await page.evaluate(() => window.__salesSim!.model.tables.map((x) => x.name));
    expect(tables).toEqual(expect.arrayContaining(["Accounts", "Leads", "ScoringRules", "Stages", "Targets"]));
    // The outcome is announced through a live region, not only painted.
    await page.getByTestId("taskpane").getByRole("status").filter({ hasText: t["common.doneTitle"] }).waitFor();

    // Shift+Tab walks back to the tab list: no trap in the panel.
    await page.getByRole("button", { name: t["start.insertSample"] }).focus();
    await page.keyboard.press("Shift+Tab");
    expect(await focused()).toEqual({ role: "a", text: t["app.helpLabel"], selected: "", inPane: true });
    await page.keyboard.press("Shift+Tab");
    expect(await focused()).toEqual({ role: "tab", text: t["tab.start"], selected: "true", inPane: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});
