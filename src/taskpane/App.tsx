import {
  Link,
  Menu,
  MenuButton,
  MenuItemRadio,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Overflow,
  OverflowItem,
  Tab,
  TabList,
  makeStyles,
  mergeClasses,
  tokens,
  useId,
  useIsOverflowItemVisible,
  useOverflowMenu,
} from "@fluentui/react-components";
import {
  memo,
  startTransition,
  useCallback,
  useEffect,
  useMemo,
  useState,
  type ComponentType,
  type ReactNode,
} from "react";
import type { TableInfo, WorkbookOps } from "../excel/types";
import { CURRENCIES, defaultCurrency, type Currency, type StringKey } from "../i18n";
import { NoticeBar } from "./components";
import { MappingProvider, tablesSignature, useMapping } from "./mapping";
import { CurrencyContext, errorText, useI18n, useWorkbookSettings, type Notice } from "./hooks";
import type { PanelId, PanelProps } from "./panelProps";
import { BantPanel } from "./panels/BantPanel";
import { CommissionPanel } from "./panels/CommissionPanel";
import { FollowUpsPanel } from "./panels/FollowUpsPanel";
import { FunnelPanel } from "./panels/FunnelPanel";
import { OverviewPanel } from "./panels/OverviewPanel";
import { ScoringPanel } from "./panels/ScoringPanel";
import { StartPanel } from "./panels/StartPanel";
import { TargetsPanel } from "./panels/TargetsPanel";

/**
 * Panels stay mounted once opened; memo keeps the hidden ones from re-rendering when another panel is shown
 * (their props do not change), so switching panels costs only the panel being shown.
 */
const PANEL_VIEWS: Record<PanelId, ComponentType<PanelProps>> = {
  overview: memo(OverviewPanel),
  start: memo(StartPanel),
  scoring: memo(ScoringPanel),
  bant: memo(BantPanel),
  funnel: memo(FunnelPanel),
  targets: memo(TargetsPanel),
  followups: memo(FollowUpsPanel),
  commission: memo(CommissionPanel),
};

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    minHeight: "100vh",
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
  header: {
    paddingTop: tokens.spacingVerticalXS,
    paddingLeft: tokens.spacingHorizontalS,
    paddingRight: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    // The tab bar is one row whatever the width: what does not fit goes into the "More" menu.
    minWidth: 0,
  },
  // Tabs take the row; the Help link keeps its width at the end of it.
  bar: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS, minWidth: 0 },
  // flex-basis 0: the tab list's width is the row minus the Help link, never its own content's width — otherwise
  // hiding a tab shrinks the list, the overflow manager sees room again and shows it (zh-CN at 320 px never settled).
  tabs: { flexWrap: "nowrap", minWidth: 0, overflow: "hidden", flexGrow: 1, flexShrink: 1, flexBasis: 0 },
  help: { flexShrink: 0, whiteSpace: "nowrap" },
  // Fluent buttons are at least 96 px wide: the "More" menu takes only what its word needs, so that at 320 px the
  // selected panel's tab and one more fit beside it.
  more: { minWidth: 0 },
  // Office shows the add-in's name above the pane; the page keeps a heading for screen readers only.
  srOnly: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    padding: 0,
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
    border: 0,
  },
  content: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalM,
    minWidth: 0,
  },
  panel: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalL, minWidth: 0 },
  hidden: { display: "none" },
});

export const PANELS: ReadonlyArray<{ id: PanelId; label: StringKey }> = [
  { id: "overview", label: "tab.overview" },
  { id: "start", label: "tab.start" },
  { id: "scoring", label: "tab.scoring" },
  { id: "bant", label: "tab.bant" },
  { id: "funnel", label: "tab.funnel" },
  { id: "targets", label: "tab.targets" },
  { id: "followups", label: "tab.followups" },
  { id: "commission", label: "tab.commission" },
];

function MoreMenuItem(props: { id: PanelId; label: string; onSelect: (id: PanelId) => void }) {
  const visible = useIsOverflowItemVisible(props.id);
  if (visible) return null;
  return (
    <MenuItemRadio name="panel" value={props.id} onClick={() => props.onSelect(props.id)}>
      {props.label}
    </MenuItemRadio>
  );
}

/** The "More" menu of the tab bar: the panels that do not fit in one row. */
function MoreMenu(props: { selected: PanelId; onSelect: (id: PanelId) => void }) {
  const { t } = useI18n();
  const styles = useStyles();
  const { ref, isOverflowing, overflowCount } = useOverflowMenu<HTMLButtonElement>();
  if (!isOverflowing) return null;
  return (
    <Menu checkedValues={{ panel: [props.selected] }}>
      <MenuTrigger disableButtonEnhancement>
        <MenuButton
          ref={ref}
          className={styles.more}
          appearance="transparent"
          role="tab"
          aria-selected={false}
          aria-label={t("app.morePanels", { count: overflowCount })}
        >
          {t("app.more")}
        </MenuButton>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {PANELS.map((p) => (
            <MoreMenuItem key={p.id} id={p.id} label={t(p.label)} onSelect={props.onSelect} />
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

/**
 * Opens on results: once the mapping is read, a workbook with a deals table opens on the Overview (Start before
 * that, and for a workbook without one). Only while the user has not chosen a panel.
 */
function OpenOnResults(props: { untouched: boolean; tables: TableInfo[] | undefined; open: (id: PanelId) => void }) {
  const { loaded, access, mergedFor } = useMapping();
  const { untouched, open, tables } = props;
  const [decided, setDecided] = useState(false);
  // Decided once, on the mapping merged with the workbook's tables as first listed.
  const ready = loaded && tables !== undefined && mergedFor === tablesSignature(tables);
  useEffect(() => {
    if (decided || !ready) return;
    setDecided(true);
    if (untouched && access.tableFor("deals")) open("overview");
  }, [decided, ready, untouched, access, open]);
  return null;
}

interface DisplaySettings {
  currency: Currency | "";
}

export function App(props: { ops: WorkbookOps; initialPanel?: PanelId }) {
  const styles = useStyles();
  const { t, language } = useI18n();
  const { ops } = props;
  // The selected tab changes at once; the panel it shows renders as a transition, in slices React can interrupt,
  // so opening a large panel never blocks the pane for long.
  const [tab, setTab] = useState<PanelId>(props.initialPanel ?? "start");
  const [panel, setPanel] = useState<PanelId>(props.initialPanel ?? "start");
  // Panels stay mounted once opened (hidden when not shown): switching panels never loses what was typed.
  const [opened, setOpened] = useState<ReadonlySet<PanelId>>(() => new Set([props.initialPanel ?? "start"]));
  const [tables, setTables] = useState<TableInfo[]>([]);
  // The tables as first listed when the pane opened (undefined until then).
  const [firstTables, setFirstTables] = useState<TableInfo[] | undefined>();
  const [notice, setNotice] = useState<Notice | undefined>();
  const [display, updateDisplay] = useWorkbookSettings<DisplaySettings>(ops, "display", { currency: "" });
  const currency = useMemo(
    () => ({
      currency:
        display.currency && CURRENCIES.includes(display.currency) ? display.currency : defaultCurrency(language),
      setCurrency: (c: Currency) => updateDisplay({ currency: c }),
    }),
    [display.currency, language, updateDisplay],
  );
  // Ties each tab to the panel it shows (aria-controls / aria-labelledby); unique if two panes share a page.
  const ids = useId("taskpane-");
  const tabId = (id: PanelId) => `${ids}tab-${id}`;
  const panelId = (id: PanelId) => `${ids}panel-${id}`;

  // The user has not picked a panel yet (the pane may still open on the Overview for them).
  const [untouched, setUntouched] = useState(props.initialPanel === undefined);
  const openPanel = useCallback((id: PanelId) => {
    setUntouched(false);
    setTab(id);
    startTransition(() => {
      setPanel(id);
      setOpened((previous) => (previous.has(id) ? previous : new Set([...previous, id])));
    });
  }, []);

  const refreshTables = useCallback(async () => {
    try {
      const list = await ops.listTables();
      setTables(list);
      setFirstTables((first) => first ?? list);
    } catch (error) {
      setNotice({ intent: "error", text: t("common.failed", { reason: errorText(error) }) });
    }
  }, [ops, t]);

  useEffect(() => {
    void refreshTables();
  }, [refreshTables]);

  const render = (id: PanelId, active: boolean): ReactNode => {
    const View = PANEL_VIEWS[id];
    return <View ops={ops} tables={tables} refreshTables={refreshTables} active={active} openPanel={openPanel} />;
  };

  return (
    <CurrencyContext.Provider value={currency}>
      <MappingProvider ops={ops} tables={tables}>
        <OpenOnResults untouched={untouched} tables={firstTables} open={openPanel} />
        <div className={styles.root}>
          <header className={styles.header}>
            <h1 className={styles.srOnly}>{t("app.title")}</h1>
            <div className={styles.bar}>
              <Overflow minimumVisible={2} padding={8}>
                {/* Arrow keys select as they move (automatic activation): panels open without a round trip to Excel. */}
                <TabList
                  className={styles.tabs}
                  selectedValue={tab}
                  selectTabOnFocus
                  size="small"
                  onTabSelect={(_, data) => openPanel(data.value as PanelId)}
                  aria-label={t("app.navigation")}
                >
                  {PANELS.map((p) => (
                    <OverflowItem key={p.id} id={p.id} priority={p.id === tab ? 2 : 1}>
                      <Tab value={p.id} id={tabId(p.id)} aria-controls={opened.has(p.id) ? panelId(p.id) : undefined}>
                        {t(p.label)}
                      </Tab>
                    </OverflowItem>
                  ))}
                  <MoreMenu selected={tab} onSelect={openPanel} />
                </TabList>
              </Overflow>
              {/* The help site is served beside taskpane.html (dist/help/), in the pane's language. */}
              <Link
                className={styles.help}
                href={`help/${language}/index.html`}
                target="_blank"
                rel="noopener noreferrer"
                aria-label={t("app.helpLabel")}
              >
                {t("app.help")}
              </Link>
            </div>
          </header>
          <main className={styles.content}>
            <NoticeBar notice={notice} onDismiss={() => setNotice(undefined)} />
            {PANELS.filter((p) => opened.has(p.id)).map((p) => (
              <div
                key={p.id}
                className={mergeClasses(styles.panel, p.id !== panel && styles.hidden)}
                role="tabpanel"
                id={panelId(p.id)}
                aria-labelledby={tabId(p.id)}
                hidden={p.id !== panel}
              >
                {render(p.id, p.id === panel)}
              </div>
            ))}
          </main>
        </div>
      </MappingProvider>
    </CurrencyContext.Provider>
  );
}
