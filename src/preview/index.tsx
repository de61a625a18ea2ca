/**
 * `npm run preview`: the real task pane in an ordinary browser, over the simulated Excel host, with a
 * read-only view of the simulated workbook beside it. ?lang=zh-CN and ?theme=dark pick what
 * Office.context would report. window.__salesSim exposes the host to the e2e tests.
 */
import "./installCustomFunctions";
import { FluentProvider, makeStyles, tokens, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { createExcelWorkbookOps } from "../excel";
import { createSimHost, parameterShapes, type ParameterShape, type SimHost } from "../sim";
import { TaskpaneRoot, isDarkColor } from "../taskpane/Root";
import { GridView } from "./GridView";
import { seedLargeWorkbook, seedWorkbook } from "./seed";
import { previewStrings } from "./strings";

declare global {
  interface Window {
    __salesSim?: SimHost;
    __salesSimReady?: Promise<void>;
  }
}

const useStyles = makeStyles({
  page: { display: "flex", height: "100vh", overflow: "hidden" },
  pane: {
    // Excel's task pane is about 350 px wide by default (set with ?width=).
    flexShrink: 0,
    overflowY: "auto",
    borderRight: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
  },
  grid: { flexGrow: 1, minWidth: 0 },
});

/**
 * `?width=320` sets the pane's width (Office panes run from about 320 to 500+ px); `?grid=none` leaves the
 * workbook view out so the pane fills the window (what Office gives an add-in: dialogs and menus then open
 * inside the pane's width, as they do in Excel).
 */
function Preview(props: { host: SimHost; displayLanguage: string; dark: boolean; width?: number; grid: boolean }) {
  const styles = useStyles();
  const width = props.grid ? `${props.width ?? 380}px` : "100%";
  // Without the grid the page itself scrolls (as an add-in's page does), so a full-page screenshot shows the whole pane.
  const alone = props.grid ? undefined : { height: "auto", overflow: "visible" };
  return (
    <div className={styles.page} style={alone}>
      <div
        className={styles.pane}
        style={{ width, ...(props.grid ? {} : { overflowY: "visible", borderRight: "none" }) }}
        data-testid="taskpane"
      >
        {/* Booted as src/taskpane/index.tsx does: the access layer over the global Excel.run. */}
        <TaskpaneRoot ops={createExcelWorkbookOps()} displayLanguage={props.displayLanguage} dark={props.dark} />
      </div>
      {props.grid ? (
        <div className={styles.grid}>
          <GridView model={props.host.model} stats={props.host.stats} strings={previewStrings(props.displayLanguage)} />
        </div>
      ) : null}
    </div>
  );
}

/** functions.json tells Excel which parameters take ranges; the sim passes arguments the same way. */
async function loadParameterShapes(): Promise<Record<string, ParameterShape[]> | undefined> {
  try {
    const response = await fetch("functions.json");
    return response.ok ? parameterShapes(await response.json()) : undefined;
  } catch {
    return undefined;
  }
}

async function boot(): Promise<void> {
  const params = new URLSearchParams(window.location.search);
  const displayLanguage = params.get("lang") ?? "en-US";
  const theme = params.get("theme") === "dark" ? "dark" : "light";
  // ?platform=PC simulates Excel on Windows (no 5 MB cap on a custom function's arguments); default the web.
  const platform = params.get("platform") ?? undefined;
  const host = createSimHost({ displayLanguage, theme, platform, parameters: await loadParameterShapes() });
  host.install(window as unknown as Record<string, unknown>);
  window.__salesSim = host;
  await seedWorkbook(host, displayLanguage);
  // ?rows=60000: a large leads workbook (sample-like leads, rules and stages) for responsiveness checks.
  const rows = Number(params.get("rows") ?? "0");
  if (rows > 0) await seedLargeWorkbook(host, displayLanguage, rows);
  const width = Number(params.get("width") ?? "") || undefined;
  const grid = params.get("grid") !== "none";
  document.documentElement.lang = displayLanguage;
  await Office.onReady();
  const officeTheme = Office.context.officeTheme as Office.OfficeTheme | undefined;
  const dark = isDarkColor(officeTheme?.bodyBackgroundColor);
  document.body.style.margin = "0";
  const root = document.getElementById("root");
  if (!root) throw new Error("preview.html has no #root element");
  createRoot(root).render(
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme}>
      <Preview host={host} displayLanguage={Office.context.displayLanguage} dark={dark} width={width} grid={grid} />
    </FluentProvider>,
  );
}

window.__salesSimReady = boot();
