import { Link, Tab, TabList, Title3, makeStyles, tokens, useId } from "@fluentui/react-components";
import { useCallback, useEffect, useState } from "react";
import type { TableInfo, WorkbookOps } from "../excel/types";
import type { StringKey } from "../i18n";
import { NoticeBar } from "./components";
import { errorText, useI18n, type Notice } from "./hooks";
import { BantPanel } from "./panels/BantPanel";
import { FollowUpsPanel } from "./panels/FollowUpsPanel";
import { FunnelPanel } from "./panels/FunnelPanel";
import { ScoringPanel } from "./panels/ScoringPanel";
import { StartPanel } from "./panels/StartPanel";
import { TargetsPanel } from "./panels/TargetsPanel";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    minHeight: "100vh",
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
  header: {
    paddingTop: tokens.spacingVerticalM,
    paddingLeft: tokens.spacingHorizontalL,
    paddingRight: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  titleRow: { display: "flex", flexWrap: "wrap", alignItems: "baseline", justifyContent: "space-between", columnGap: tokens.spacingHorizontalM },
  tabs: { flexWrap: "wrap" },
  content: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalL,
  },
});

export type PanelId = "start" | "scoring" | "bant" | "funnel" | "targets" | "followups";
const PANELS: Array<{ id: PanelId; label: StringKey }> = [
  { id: "start", label: "tab.start" },
  { id: "scoring", label: "tab.scoring" },
  { id: "bant", label: "tab.bant" },
  { id: "funnel", label: "tab.funnel" },
  { id: "targets", label: "tab.targets" },
  { id: "followups", label: "tab.followups" },
];

/** What every panel gets: the Excel operations and the workbook's tables. */
export interface PanelProps {
  ops: WorkbookOps;
  tables: TableInfo[];
  /** Re-lists the tables (after an action added columns or tables). */
  refreshTables: () => Promise<void>;
}

export function App(props: { ops: WorkbookOps; initialPanel?: PanelId }) {
  const styles = useStyles();
  const { t, language } = useI18n();
  const { ops } = props;
  const [panel, setPanel] = useState<PanelId>(props.initialPanel ?? "start");
  const [tables, setTables] = useState<TableInfo[]>([]);
  const [notice, setNotice] = useState<Notice | undefined>();
  // Ties each tab to the panel it shows (aria-controls / aria-labelledby); unique if two panes share a page.
  const ids = useId("taskpane-");
  const tabId = (id: PanelId) => `${ids}tab-${id}`;
  const panelId = `${ids}panel`;

  const refreshTables = useCallback(async () => {
    try {
      setTables(await ops.listTables());
    } catch (error) {
      setNotice({ intent: "error", text: t("common.failed", { reason: errorText(error) }) });
    }
  }, [ops, t]);

  useEffect(() => {
    void refreshTables();
  }, [refreshTables]);

  const panelProps: PanelProps = { ops, tables, refreshTables };
  return (
    <div className={styles.root}>
      <header className={styles.header}>
        <div className={styles.titleRow}>
          <Title3 as="h1">{t("app.title")}</Title3>
          {/* The help site is served beside taskpane.html (dist/help/), in the pane's language. */}
          <Link href={`help/${language}/index.html`} target="_blank" rel="noopener noreferrer" aria-label={t("app.helpLabel")}>
            {t("app.help")}
          </Link>
        </div>
        {/* Arrow keys select as they move (automatic activation): panels open without a round trip to Excel. */}
        <TabList
          className={styles.tabs}
          selectedValue={panel}
          selectTabOnFocus
          onTabSelect={(_, data) => setPanel(data.value as PanelId)}
          aria-label={t("app.navigation")}
        >
          {PANELS.map((p) => (
            <Tab key={p.id} value={p.id} id={tabId(p.id)} aria-controls={p.id === panel ? panelId : undefined}>
              {t(p.label)}
            </Tab>
          ))}
        </TabList>
      </header>
      <main className={styles.content} role="tabpanel" id={panelId} aria-labelledby={tabId(panel)}>
        <NoticeBar notice={notice} onDismiss={() => setNotice(undefined)} />
        {panel === "start" ? <StartPanel {...panelProps} /> : null}
        {panel === "scoring" ? <ScoringPanel {...panelProps} /> : null}
        {panel === "bant" ? <BantPanel {...panelProps} /> : null}
        {panel === "funnel" ? <FunnelPanel {...panelProps} /> : null}
        {panel === "targets" ? <TargetsPanel {...panelProps} /> : null}
        {panel === "followups" ? <FollowUpsPanel {...panelProps} /> : null}
      </main>
    </div>
  );
}
