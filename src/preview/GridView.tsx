/**
 * A read-only view of the simulated workbook beside the task pane, so a visitor sees what the pane changed:
 * sheet tabs, cells as Excel would display them, formulas on hover, tables, spills, the selection, charts.
 */
import { Caption1, Subtitle2, Tab, TabList, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useEffect, useMemo, useState, useSyncExternalStore } from "react";
import { Rect, cellName, columnLetters, qualifiedAddress, rectAddress } from "../sim/address";
import { formatCell } from "../sim/format";
import { cellKey, keyColumn, keyRow, type ChartModel, type SheetModel, type WorkbookModel } from "../sim/model";
import type { SimStats } from "../sim";
import { fill, type PreviewStrings } from "./strings";

const MAX_VIEW_ROWS = 400;
const MAX_VIEW_COLUMNS = 40;

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    minWidth: 0,
    height: "100vh",
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1,
  },
  heading: { display: "flex", alignItems: "baseline", columnGap: tokens.spacingHorizontalM },
  scroller: {
    flexGrow: 1,
    overflow: "auto",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  grid: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200, fontFamily: tokens.fontFamilyBase },
  headerCell: {
    position: "sticky",
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground4,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
    minWidth: "72px",
  },
  rowHeader: {
    position: "sticky",
    left: 0,
    backgroundColor: tokens.colorNeutralBackground4,
    color: tokens.colorNeutralForeground2,
    textAlign: "right",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
  },
  cell: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
    whiteSpace: "nowrap",
    maxWidth: "220px",
    overflow: "hidden",
    textOverflow: "ellipsis",
    height: "20px",
  },
  number: { textAlign: "right" },
  tableHeader: {
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    fontWeight: tokens.fontWeightSemibold,
  },
  tableBody: { backgroundColor: tokens.colorBrandBackground2 },
  formula: { boxShadow: `inset 3px 0 0 ${tokens.colorPaletteGreenBorder2}` },
  spilled: { backgroundColor: tokens.colorPaletteGreenBackground1 },
  error: { color: tokens.colorPaletteRedForeground1 },
  unevaluated: { color: tokens.colorNeutralForeground3, fontStyle: "italic" },
  selected: {
    outline: `${tokens.strokeWidthThick} solid ${tokens.colorPaletteGreenBorderActive}`,
    outlineOffset: "-2px",
  },
  charts: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS },
  chart: {
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: "260px",
  },
  bar: { fill: tokens.colorBrandBackground },
  barLabel: { fill: tokens.colorNeutralForeground1, fontSize: tokens.fontSizeBase100 },
});

function useModelVersion(model: WorkbookModel, stats: SimStats): string {
  return useSyncExternalStore(
    (listener) => model.subscribe(listener),
    () => `${model.changes}:${stats.requests.length}`,
  );
}

function isErrorValue(v: unknown): boolean {
  return typeof v === "string" && /^#(VALUE!|NUM!|DIV\/0!|N\/A|NAME\?|REF!|NULL!|SPILL!|CALC!|BUSY!)$/.test(v);
}

function ChartCard(props: { model: WorkbookModel; chart: ChartModel; strings: PreviewStrings }) {
  const styles = useStyles();
  const { chart, model } = props;
  const bars: Array<{ label: string; value: number }> = [];
  for (let r = chart.source.top; r <= chart.source.bottom; r++) {
    const label = model.getCell(chart.sourceSheet, r, chart.source.left)?.value;
    const value = model.getCell(chart.sourceSheet, r, chart.source.right)?.value;
    if (typeof value === "number") bars.push({ label: String(label ?? ""), value });
  }
  const max = Math.max(1, ...bars.map((b) => b.value));
  const width = 240;
  const rowHeight = 18;
  return (
    <figure className={styles.chart} data-chart-type={chart.type} aria-label={chart.title || chart.name}>
      <Subtitle2 as="h3">{chart.title || chart.name}</Subtitle2>
      <br />
      <Caption1>
        {fill(props.strings.chart, { type: chart.type })} ·{" "}
        {fill(props.strings.chartSource, { source: qualifiedAddress(chart.sourceSheet.name, chart.source) })}
      </Caption1>
      <svg width={width + 160} height={bars.length * rowHeight + 4} role="img" aria-label={chart.title || chart.name}>
        {bars.map((b, i) => {
          // A funnel chart centres its bars; a bar chart starts them at the axis.
          const w = Math.max(2, (b.value / max) * width);
          const x = 100 + (chart.type === "Funnel" ? (width - w) / 2 : 0);
          return (
            <g key={i}>
              <text x={0} y={i * rowHeight + 13} className={styles.barLabel}>
                {b.label.slice(0, 14)}
              </text>
              <rect x={x} y={i * rowHeight + 2} width={w} height={rowHeight - 4} className={styles.bar} />
              <text x={x + w + 4} y={i * rowHeight + 13} className={styles.barLabel}>
                {b.value}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

function SheetGrid(props: { model: WorkbookModel; sheet: SheetModel; strings: PreviewStrings }) {
  const styles = useStyles();
  const { model, sheet, strings } = props;
  const used = model.usedRect(sheet, false);
  if (!used) return <Text>{strings.noCells}</Text>;
  const view: Rect = {
    top: 0,
    left: 0,
    bottom: Math.min(used.bottom + 1, MAX_VIEW_ROWS - 1),
    right: Math.min(used.right + 1, MAX_VIEW_COLUMNS - 1),
  };
  const tables = model.tables.filter((t) => t.sheet === sheet);
  const selection = model.selection?.sheet === sheet ? model.selection.rect : undefined;
  const rows = [];
  for (let r = view.top; r <= view.bottom; r++) {
    const cells = [];
    for (let c = view.left; c <= view.right; c++) {
      const cell = sheet.cells.get(cellKey(r, c));
      const table = tables.find((t) => r >= t.rect.top && r <= t.rect.bottom && c >= t.rect.left && c <= t.rect.right);
      const address = cellName(r, c);
      const value = cell?.value ?? "";
      const shown = cell ? formatCell(value, cell.numberFormat ?? "General") : "";
      let title: string | undefined;
      if (cell?.formula !== undefined) title = `${address}: ${cell.formula}`;
      else if (cell?.spilledFrom !== undefined)
        title = fill(strings.spilledFrom, { address: cellName(keyRow(cell.spilledFrom), keyColumn(cell.spilledFrom)) });
      const className = mergeClasses(
        styles.cell,
        typeof value === "number" && styles.number,
        table && (r === table.rect.top ? styles.tableHeader : styles.tableBody),
        cell?.spilledFrom !== undefined && styles.spilled,
        cell?.formula !== undefined && styles.formula,
        isErrorValue(value) && styles.error,
        cell?.unevaluated && styles.unevaluated,
        selection &&
          r >= selection.top &&
          r <= selection.bottom &&
          c >= selection.left &&
          c <= selection.right &&
          styles.selected,
      );
      cells.push(
        <td key={c} className={className} title={title} data-address={address} data-formula={cell?.formula}>
          {shown}
        </td>,
      );
    }
    rows.push(
      <tr key={r}>
        <th scope="row" className={styles.rowHeader}>
          {r + 1}
        </th>
        {cells}
      </tr>,
    );
  }
  const truncated = used.bottom + 1 > MAX_VIEW_ROWS || used.right + 1 > MAX_VIEW_COLUMNS;
  return (
    <>
      {truncated && <Caption1>{fill(strings.truncated, { rows: MAX_VIEW_ROWS, columns: MAX_VIEW_COLUMNS })}</Caption1>}
      <div className={styles.scroller}>
        <table className={styles.grid} aria-label={`${sheet.name} ${rectAddress(view)}`} data-sheet={sheet.name}>
          <thead>
            <tr>
              <th className={styles.headerCell} aria-hidden="true" />
              {Array.from({ length: view.right - view.left + 1 }, (_, i) => (
                <th key={i} scope="col" className={styles.headerCell}>
                  {columnLetters(view.left + i)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{rows}</tbody>
        </table>
      </div>
    </>
  );
}

export function GridView(props: { model: WorkbookModel; stats: SimStats; strings: PreviewStrings }) {
  const styles = useStyles();
  const { model, strings } = props;
  const version = useModelVersion(model, props.stats);
  const [viewed, setViewed] = useState<string | undefined>(model.activeSheet?.id);
  // Follow the sheet the task pane activates (Excel shows the active sheet).
  const activeId = model.activeSheet?.id;
  useEffect(() => setViewed(activeId), [activeId]);
  // `version` changes when the workbook does (the model object stays the same): it is the recompute trigger.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const sheet = useMemo(() => model.sheets.find((s) => s.id === viewed) ?? model.sheets[0], [model, viewed, version]);
  const charts = model.charts.filter((c) => c.sheet === sheet);
  return (
    <section className={styles.root} aria-label={strings.workbook} data-version={version}>
      <div className={styles.heading}>
        <Subtitle2 as="h2">{strings.workbook}</Subtitle2>
        <Caption1>{fill(strings.requests, { count: props.stats.requests.length })}</Caption1>
      </div>
      <TabList
        aria-label={strings.sheets}
        size="small"
        selectedValue={sheet?.id}
        onTabSelect={(_, data) => setViewed(String(data.value))}
      >
        {model.sheets.map((s) => (
          <Tab key={s.id} value={s.id}>
            {s.name}
          </Tab>
        ))}
      </TabList>
      {charts.length > 0 && (
        <div className={styles.charts}>
          {charts.map((c) => (
            <ChartCard key={c.id} model={model} chart={c} strings={strings} />
          ))}
        </div>
      )}
      {sheet && <SheetGrid model={model} sheet={sheet} strings={strings} />}
    </section>
  );
}
