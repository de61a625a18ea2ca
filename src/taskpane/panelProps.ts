/**
 * What every panel gets from the App. A module of its own so that panels and the App do not import each
 * other (the App imports the panels; the panels import only this).
 */
import type { TableInfo, WorkbookOps } from "../excel/types";

export type PanelId = "overview" | "start" | "scoring" | "bant" | "funnel" | "targets" | "followups" | "commission";

/** What every panel gets: the Excel operations and the workbook's tables. */
export interface PanelProps {
  ops: WorkbookOps;
  tables: TableInfo[];
  /** Re-lists the tables (after an action added columns or tables). */
  refreshTables: () => Promise<void>;
  /** True while the panel is the one shown (panels stay mounted once opened, so nothing typed is lost). */
  active?: boolean;
  /** Opens another panel (e.g. "go to the sample" from Start). */
  openPanel?: (panel: PanelId) => void;
}
