import {
  Badge,
  Body1,
  Button,
  Caption1,
  Spinner,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
  type BadgeProps,
} from "@fluentui/react-components";
import {
  DataVizPalette,
  FunnelChart,
  getColorFromToken,
  HorizontalBarChart,
  VerticalBarChart,
} from "@fluentui/react-charts";
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { engineLang, formatCount, formatMoney, formatPercent, moneyFormat, type StringKey } from "../../i18n";
import { errorSummary, Hint, Section, SelectField, TaskStatus, useConfirm } from "../components";
import { offerValuesIfTooBig } from "../payloadPrompt";
import { todaySerial } from "../engineBridge";
import { OUTCOME_NAMES } from "../../engine";
import { outputColumn } from "../formulaText";
import { dashboardExtras } from "../dashboardChart";
import { errorText, useCurrency, useI18n, useTask } from "../hooks";
import { useMapping } from "../mapping";
import {
  filterOptions,
  formulaColumns,
  loadOverviewSource,
  monthOf,
  overviewSteps,
  statusKind,
  stringLiteral,
  valueCells,
  type Card,
  type Chart,
  type Missing,
  type OverviewResult,
  type OverviewSource,
  type PlanSettings,
  type StatusKind,
  type Matrix,
  type Value,
} from "../overview";
import type { PanelProps } from "../panelProps";
import { isDarkColor } from "../theme";

const useStyles = makeStyles({
  filters: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(108px, 1fr))",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
  filter: { minWidth: 0 },
  meta: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalS,
  },
  cards: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(112px, 1fr))",
    gap: tokens.spacingHorizontalS,
    margin: 0,
    padding: 0,
    listStyleType: "none",
  },
  card: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
    minWidth: 0,
  },
  label: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
  value: {
    fontSize: tokens.fontSizeBase500,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightBase500,
    fontVariantNumeric: "tabular-nums",
    overflowWrap: "anywhere",
  },
  textValue: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  formula: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase100,
    color: tokens.colorNeutralForeground3,
    overflowWrap: "anywhere",
  },
  spacer: { flexGrow: 1 },
  badge: { alignSelf: "flex-start", maxWidth: "100%" },
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
  add: { alignSelf: "flex-start", minWidth: 0, paddingLeft: 0, paddingRight: 0, height: "auto" },
  chart: { minWidth: 0, overflow: "hidden" },
  // The likely deals: name and probability on a line, owner · amount and the reasons below.
  likely: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  likelyItem: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) auto",
    columnGap: tokens.spacingHorizontalS,
    paddingBottom: tokens.spacingVerticalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  likelyName: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere", minWidth: 0 },
  likelyValue: { fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  likelyWide: { gridColumn: "1 / -1", overflowWrap: "anywhere", minWidth: 0 },
  // The region × stage heat map: a grid of tinted cells, the stage names in a first column.
  heat: {
    display: "grid",
    columnGap: "2px",
    rowGap: "2px",
    fontSize: tokens.fontSizeBase100,
    lineHeight: tokens.lineHeightBase100,
    fontVariantNumeric: "tabular-nums",
  },
  heatHead: { textAlign: "center", overflowWrap: "anywhere", color: tokens.colorNeutralForeground2, minWidth: 0 },
  heatLabel: { overflowWrap: "anywhere", minWidth: 0, alignSelf: "center" },
  heatCell: {
    textAlign: "center",
    paddingTop: "6px",
    paddingBottom: "6px",
    borderRadius: tokens.borderRadiusSmall,
    color: tokens.colorNeutralForeground1,
    minWidth: 0,
  },
});

type Intent = NonNullable<BadgeProps["color"]>;
const STATUS_COLOR: Record<StatusKind, Intent> = {
  achieved: "success",
  onTrack: "brand",
  caution: "warning",
  offTrack: "danger",
  notStarted: "informative",
  noTarget: "subtle",
};
/** Bar colours by status, from the charts' data-visualisation palette (light and dark themes alike). */
const STATUS_BAR: Record<StatusKind, string> = {
  achieved: DataVizPalette.success,
  onTrack: DataVizPalette.color1,
  caution: DataVizPalette.warning,
  offTrack: DataVizPalette.error,
  notStarted: DataVizPalette.disabled,
  noTarget: DataVizPalette.disabled,
};

const FUNNEL_COLORS = [
  DataVizPalette.color1,
  DataVizPalette.color2,
  DataVizPalette.color3,
  DataVizPalette.color4,
  DataVizPalette.color5,
  DataVizPalette.color6,
  DataVizPalette.color7,
];

const ROLE_LABEL: Record<Missing, StringKey> = {
  amount: "role.amount",
  date: "role.date",
  stage: "role.stage",
  outcome: "role.outcome",
  owner: "role.owner",
  stages: "role.stages",
  probability: "role.probability",
  plan: "role.plan",
  region: "role.region",
  history: "role.history",
  outcomeName: "role.outcome",
  closed: "role.outcome",
  open: "role.outcome",
  ask: "role.outcome",
};

const FORMULA_NAME = /SALES\.[A-Z]+/g;
/** Workbook setting: the first row below the last chart Add to Dashboard wrote (charts are not in the used range). */
const DASHBOARD_NEXT = "overviewDashboardNext";

/** The SALES functions a formula calls, e.g. "SALES.ATTAINMENT". */
function formulaNames(formula: string): string {
  const names = [...new Set(formula.match(FORMULA_NAME) ?? [])].filter((n) => n !== "SALES.TARGETPLAN");
  return (names.length > 0 ? names : (formula.match(FORMULA_NAME) ?? [])).join(" · ");
}

function isError(v: unknown): v is { code: string; message: string } {
  return typeof v === "object" && v !== null && "code" in v;
}

/**
 * The pane's width for charts (the container's, followed as the pane is resized), and whether the theme around it
 * is dark (the charts' palette has a light and a dark variant of each colour).
 */
function useChartFrame(): [React.RefObject<HTMLDivElement>, number, boolean] {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(280);
  const [dark, setDark] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    setDark(isDarkColor(getComputedStyle(el).getPropertyValue("--colorNeutralBackground1")));
    setWidth(Math.max(200, Math.floor(el.clientWidth || 280)));
    if (typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver((entries) => {
      const w = entries[0]?.contentRect.width;
      if (w) setWidth(Math.max(200, Math.floor(w)));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width, dark];
}

export function OverviewPanel({ ops, tables, active, openPanel }: PanelProps) {
  const i18n = useI18n();
  const { t, language } = i18n;
  const { currency } = useCurrency();
  const styles = useStyles();
  const task = useTask();
  const { confirm, dialog } = useConfirm();
  const { mapping, loaded } = useMapping();
  const lang = engineLang(language);
  const today = todaySerial();
  const [source, setSource] = useState<OverviewSource | undefined>();
  const [loading, setLoading] = useState(false);
  const [loadError, setLoadError] = useState<string | undefined>();
  const [version, setVersion] = useState(0);
  const [owner, setOwner] = useState("");
  const [region, setRegion] = useState("");
  const [monthText, setMonthText] = useState("");
  // Over AUTO_LEARN_ROWS rows the likely deals are learned when asked (per table load).
  const [learnWin, setLearnWin] = useState(false);

  const tableSignature = tables.map((x) => `${x.name}:${x.rowCount}:${x.headers.join("|")}`).join(";");
  useEffect(() => {
    if (!loaded || !active) return;
    let alive = true;
    setLoading(true);
    void (async () => {
      try {
        const settings = await ops.getSetting<PlanSettings>("targets").catch(() => undefined);
        const next = await loadOverviewSource(ops, mapping, settings, today);
        if (alive) {
          setSource(next);
          setLearnWin(false);
          setLoadError(undefined);
        }
      } catch (error) {
        if (alive) setLoadError(errorText(error));
      } finally {
        if (alive) setLoading(false);
      }
    })();
    return () => {
      alive = false;
    };
    // today changes once a day; the mapping, the tables and Refresh re-read.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ops, mapping, loaded, active, tableSignature, version]);

  // Months offered: the plan's 12, else the last 12; "this month" by default.
  const months = useMemo(() => {
    const base = source?.plan
      ? { year: source.plan.startYear, month: source.plan.startMonth }
      : (() => {
          const now = monthOf(today);
          const index = now.year * 12 + now.month - 1 - 11;
          return { year: Math.floor(index / 12), month: (index % 12) + 1 };
        })();
    return Array.from({ length: 12 }, (_, i) => {
      const index = base.year * 12 + base.month - 1 + i;
      const year = Math.floor(index / 12);
      const month = (index % 12) + 1;
      return `${year}-${String(month).padStart(2, "0")}`;
    });
  }, [source?.plan, today]);
  const current = monthOf(today);
  const currentText = `${current.year}-${String(current.month).padStart(2, "0")}`;
  const chosen = /^(\d{4})-(\d{2})$/.exec(monthText || currentText)!;
  const year = Number(chosen[1]);
  const month = Number(chosen[2]);
  const monthLabel = (text: string) => {
    const m = /^(\d{4})-(\d{2})$/.exec(text)!;
    const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
    return new Intl.DateTimeFormat(language, { year: "numeric", month: "short", timeZone: "UTC" }).format(d);
  };

  const ownerOptions = useMemo(
    () => filterOptions(source?.columns.owner ? source.data.columns[source.columns.owner] : undefined),
    [source],
  );
  const regionOptions = useMemo(
    () => filterOptions(source?.columns.region ? source.data.columns[source.columns.region] : undefined),
    [source],
  );

  // The cards and charts, one per task (a 60,000-row table takes several scans): the pane stays responsive and
  // shows the previous numbers until the new ones are complete.
  const [result, setResult] = useState<OverviewResult | undefined>();
  useEffect(() => {
    if (!source) {
      setResult(undefined);
      return;
    }
    let alive = true;
    const { steps, result: next } = overviewSteps({
      ...source,
      filter: { owner: owner || undefined, region: region || undefined },
      year,
      month,
      lang,
      today,
      learnWin,
      winHeaders: source.win
        ? {
            probability: outputColumn("winprob", [], language === "zh-CN"),
            factors: outputColumn("winfactors", [], language === "zh-CN"),
          }
        : undefined,
    });
    void (async () => {
      for (const step of steps) {
        if (!alive) return;
        step();
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      if (alive) setResult(next);
    })();
    return () => {
      alive = false;
    };
  }, [source, owner, region, year, month, lang, today, learnWin, language]);

  const show = useCallback(
    (value: Value | undefined, kind: Card["kind"]): string => {
      if (value === undefined) return "—";
      if (isError(value)) return value.code;
      if (value === "") return "—";
      if (typeof value === "number") {
        if (kind === "percent") return formatPercent(language, value, 1);
        if (kind === "money") return formatMoney(language, value, currency);
      }
      return String(value);
    },
    [language, currency],
  );

  const filterText = [owner, region].filter((x) => x !== "").join(" · ");
  const addToDashboard = async (
    id: string,
    label: string,
    formulas: string[],
    kind: Card["kind"] | "table",
    chart?: Chart,
    values?: Array<Value | Matrix>,
  ) => {
    // One SALES call carries every column it names over the whole table: on Excel for the web over 4 MB it would
    // fail (#CALC!), so the pane offers the numbers it shows as values instead (src/excel/payload.ts).
    let asValues = false;
    if (source && values && values.every((v) => !isError(v))) {
      const read = formulaColumns(formulas.join(" "), source.table, source.data.headers);
      const answer = await offerValuesIfTooBig(
        confirm,
        i18n,
        "overview.payloadWeb",
        source.data.rowCount,
        read.map((h) => source.data.columns[h] ?? []),
      );
      if (answer === "cancel") return;
      asValues = answer === "values";
    }
    return task.run(
      async () => {
        const wished = t("overview.dashboardSheet");
        const sheets = await ops.listSheets();
        const existed = sheets.includes(wished);
        const sheet = existed ? wished : await ops.addSheet(wished);
        const top = await ops.nextFreeRow(sheet);
        // Charts take rows the used range does not count: the next block goes below the last chart written here.
        const below = existed
          ? await ops.getSetting<{ sheet: string; next: number }>(DASHBOARD_NEXT).catch(() => undefined)
          : undefined;
        const row = Math.max(top === 1 ? 1 : top + 1, below?.sheet === sheet ? below.next : 1);
        const named = filterText ? `${label} — ${filterText}` : label;
        const title = asValues ? `${named} (${t("overview.valuesSuffix")})` : named;
        // The label is a formula of a string literal: a filter's data text never becomes formula syntax.
        if (asValues && values) {
          if (kind === "table") {
            const cells = valueCells(values[0]);
            await ops.writeBlock(sheet, { topLeft: `A${row}`, formulas: [[`=${stringLiteral(title)}`]] });
            await ops.writeBlock(sheet, { topLeft: `A${row + 1}`, formulas: cells });
            await ops.setSetting(DASHBOARD_NEXT, { sheet, next: row + cells.length + 2 });
            return { sheet, cell: `A${row + 1}`, erred: [], values: true };
          }
          await ops.writeBlock(sheet, {
            topLeft: `A${row}`,
            formulas: [[`=${stringLiteral(title)}`, ...values.map((v) => valueCells(v)[0][0])]],
          });
          if (kind === "percent") await ops.setNumberFormat(sheet, `B${row}`, "0.0%");
          if (kind === "money") await ops.setNumberFormat(sheet, `B${row}`, moneyFormat(currency));
          return { sheet, cell: `B${row}`, erred: [], values: true };
        }
        if (kind === "table") {
          await ops.writeBlock(sheet, { topLeft: `A${row}`, formulas: [[`=${stringLiteral(title)}`]] });
          await ops.writeBlock(sheet, { topLeft: `A${row + 1}`, formulas: [[formulas[0]]] });
          const erred = await ops.findErrorCells(sheet, [`A${row + 1}`]);
          const extras =
            chart && erred.length === 0
              ? dashboardExtras(chart, row + 1, {
                  money: moneyFormat(currency),
                  legendActual: t("overview.legend.actual"),
                  legendPlan: t("overview.legend.plan"),
                })
              : undefined;
          if (extras) {
            for (const f of extras.formats) await ops.setNumberFormat(sheet, f.address, f.format);
            for (const h of extras.helpers) await ops.writeBlock(sheet, h);
            if (extras.colorScale)
              await ops.addColorScale(sheet, extras.colorScale.address, extras.colorScale.midpoint);
            if (extras.chart) await ops.addChart(sheet, { ...extras.chart, title });
            await ops.setSetting(DASHBOARD_NEXT, { sheet, next: row + extras.height + 1 });
          }
          return { sheet, cell: `A${row + 1}`, erred, values: false };
        }
        await ops.writeBlock(sheet, {
          topLeft: `A${row}`,
          formulas: [[`=${stringLiteral(title)}`, ...formulas]],
        });
        if (kind === "percent") await ops.setNumberFormat(sheet, `B${row}`, "0.0%");
        if (kind === "money") await ops.setNumberFormat(sheet, `B${row}`, moneyFormat(currency));
        const cells = formulas.map((_, i) => `${String.fromCharCode(66 + i)}${row}`);
        const erred = await ops.findErrorCells(sheet, cells);
        return { sheet, cell: `B${row}`, erred, values: false };
      },
      ({ sheet, cell, erred, values: written }) => {
        if (written) return t("overview.addedValues", { sheet, cell });
        const name = formulaNames(formulas[0]);
        if (erred.length > 0) {
          const codes: Record<string, number> = {};
          for (const e of erred) codes[e.code] = (codes[e.code] ?? 0) + 1;
          return { intent: "warning", text: t("overview.addedErred", { sheet, cell, codes: errorSummary(codes) }) };
        }
        return t("overview.added", { sheet, cell, name });
      },
      id,
    );
  };

  const needsText = (missing: Missing[]): ReactNode => {
    const roles = missing.filter((m) => m !== "plan");
    if (roles.length === 1 && roles[0] === "history") return t("overview.needsHistory");
    if (roles.length === 1 && roles[0] === "outcomeName")
      return t("overview.needsOutcomeName", { names: OUTCOME_NAMES.join(", ") });
    if (roles.length === 1 && roles[0] === "closed") return t("overview.needsClosed");
    if (roles.length === 1 && roles[0] === "open") return t("overview.noOpenDeals");
    if (roles.length === 1 && roles[0] === "ask")
      return t("overview.likelyAsk", { rows: formatCount(language, source?.data.rowCount ?? 0) });
    if (roles.length > 0) {
      return t("overview.needs", {
        roles: roles.map((m) => t(ROLE_LABEL[m])).join(language === "zh-CN" ? "、" : ", "),
      });
    }
    return t("overview.needsPlan");
  };

  if (!loaded || (loading && !source)) {
    return (
      <Section title={t("overview.title")}>
        <Spinner size="small" label={t("overview.loading")} />
      </Section>
    );
  }
  if (!source) {
    return (
      <Section title={t("overview.title")}>
        <Body1>{t("overview.noData")}</Body1>
        {loadError ? <Hint>{loadError}</Hint> : null}
        <div>
          <Button appearance="primary" onClick={() => openPanel?.("start")}>
            {t("overview.goStart")}
          </Button>
        </div>
      </Section>
    );
  }

  const cardLabel = (card: Card): string => {
    if (card.id === "pipeline" && source.columns.closeDate) return t("overview.card.pipelineQuarter");
    return t(`overview.card.${card.id}` as StringKey);
  };

  const renderCard = (card: Card) => {
    const label = cardLabel(card);
    const kind = statusKind(card.status?.value);
    const value = card.main?.value;
    const note =
      card.main === undefined
        ? needsText(card.missing)
        : card.outsidePlan && (card.id === "attainMonth" || card.id === "attainQuarter")
          ? t("overview.outsidePlan", { from: monthLabel(months[0]), to: monthLabel(months[11]) })
          : region && (card.id === "attainMonth" || card.id === "attainQuarter")
            ? t("overview.noTargetRegion")
            : isError(value)
              ? t("overview.error", { code: value.code, message: value.message })
              : undefined;
    return (
      <li key={card.id} className={styles.card} data-card={card.id}>
        <span className={styles.label} id={`overview-${card.id}`}>
          {label}
        </span>
        <span
          className={card.kind === "text" ? styles.textValue : styles.value}
          data-value={card.id}
          aria-labelledby={`overview-${card.id}`}
        >
          {show(value, card.kind)}
        </span>
        {kind ? (
          <Badge appearance="tint" color={STATUS_COLOR[kind]} data-status={card.id} className={styles.badge}>
            {String(card.status!.value)}
          </Badge>
        ) : null}
        {note ? <Caption1>{note}</Caption1> : null}
        <span className={styles.spacer} />
        {card.main ? (
          <>
            <span className={styles.formula}>{t("overview.formula", { name: formulaNames(card.main.formula) })}</span>
            <Button
              size="small"
              appearance="transparent"
              className={styles.add}
              disabled={task.running}
              aria-label={t("overview.addLabel", { name: label })}
              onClick={() =>
                void addToDashboard(
                  card.id,
                  label,
                  card.status ? [card.main!.formula, card.status.formula] : [card.main!.formula],
                  card.kind,
                  undefined,
                  card.status ? [card.main!.value, card.status.value] : [card.main!.value],
                )
              }
            >
              {t("overview.add")}
            </Button>
            <TaskStatus task={task} origin={card.id} />
          </>
        ) : null}
      </li>
    );
  };

  const followUps = result?.followUps;
  return (
    <>
      <Section
        title={t("overview.title")}
        actions={
          <Button size="small" onClick={() => setVersion((v) => v + 1)} disabled={loading}>
            {t("overview.refresh")}
          </Button>
        }
      >
        <div className={styles.filters} role="group" aria-label={t("overview.filters")}>
          {source.columns.owner ? (
            <SelectField
              label={t("overview.owner")}
              value={owner}
              options={ownerOptions}
              onChange={setOwner}
              allowNone
              noneLabel={t("overview.allOwners")}
              className={styles.filter}
            />
          ) : null}
          {source.columns.region ? (
            <SelectField
              label={t("overview.region")}
              value={region}
              options={regionOptions}
              onChange={setRegion}
              allowNone
              noneLabel={t("overview.allRegions")}
              className={styles.filter}
            />
          ) : null}
          <SelectField
            label={t("overview.month")}
            value={monthText || currentText}
            options={months.includes(currentText) ? months : [...months, currentText]}
            onChange={setMonthText}
            labels={monthLabel}
            className={styles.filter}
          />
        </div>
        <div className={styles.meta}>
          {result ? <Hint>{t("overview.rows", { count: formatCount(language, result.rows) })}</Hint> : <span />}
          {loading || !result ? <Spinner size="extra-tiny" aria-label={t("overview.loading")} /> : null}
        </div>
        <ul className={styles.cards}>
          {result?.cards.map(renderCard)}
          {followUps ? (
            <li className={styles.card} data-card="followUps">
              <span className={styles.label} id="overview-followUps">
                {t("overview.card.followUps")}
              </span>
              <span className={styles.value} data-value="followUps" aria-labelledby="overview-followUps">
                {formatCount(language, followUps.due)}
              </span>
              <Caption1>
                {t("overview.followUpsDetail", { overdue: formatCount(language, followUps.overdue) })}
              </Caption1>
              <span className={styles.spacer} />
              <Button
                size="small"
                appearance="transparent"
                className={styles.add}
                onClick={() => openPanel?.("followups")}
              >
                {t("overview.openFollowUps")}
              </Button>
            </li>
          ) : null}
        </ul>
      </Section>
      {/* Charts only while the Overview is shown: the chart library's keyboard handling (tabster) holds on to
          its hidden data points and would stop Tab at the Help link on every other panel. */}
      {dialog}
      {result?.charts.map((chart) => (
        <ChartSection
          shown={active !== false}
          key={chart.id}
          chart={chart}
          monthLabel={monthLabel(monthText || currentText)}
          needs={needsText(chart.missing)}
          onAdd={(label) =>
            void addToDashboard(chart.id, label, [chart.table!.formula], "table", chart, [chart.table!.value])
          }
          busy={task.running}
          status={<TaskStatus task={task} origin={chart.id} />}
          onAsk={chart.missing.includes("ask") ? () => setLearnWin(true) : undefined}
        />
      ))}
    </>
  );
}

/** A chart is a picture; screen readers get the same numbers as a table (the library's own labels are English). */
interface ChartData {
  picture: ReactNode;
  head: string[];
  rows: string[][];
}

function ChartSection(props: {
  shown: boolean;
  chart: Chart;
  monthLabel: string;
  needs: ReactNode;
  onAdd: (label: string) => void;
  busy: boolean;
  status: ReactNode;
  /** The likely deals over a big table: learn now. */
  onAsk?: () => void;
}) {
  const { t, language } = useI18n();
  const { currency } = useCurrency();
  const styles = useStyles();
  const [ref, width, dark] = useChartFrame();
  const color = (token: string) => getColorFromToken(token, dark);
  const { chart } = props;
  const title = t(`overview.chart.${chart.id}` as StringKey, { month: props.monthLabel });
  const ariaLabel = t(`overview.chart.${chart.id}Label` as StringKey, { month: props.monthLabel });
  const table = chart.table?.value;
  const money = (v: number) => formatMoney(language, v, currency);
  const shortMonth = (text: string) => {
    const m = /^(\d{4})-(\d{2})$/.exec(text);
    if (!m) return text;
    const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
    return new Intl.DateTimeFormat(language, { month: "short", timeZone: "UTC" }).format(d);
  };
  // Axis amounts in the display language's short form: 1.2M, 120万.
  const compact = new Intl.NumberFormat(language, { notation: "compact", maximumFractionDigits: 1 });
  let data: ChartData | undefined;
  let note: ReactNode;
  if (!chart.table)
    note = (
      <>
        <Hint>{props.needs}</Hint>
        {props.onAsk ? (
          <div>
            <Button size="small" onClick={props.onAsk}>
              {t("overview.likelyCompute")}
            </Button>
          </div>
        ) : null}
      </>
    );
  else if (isError(table)) note = <Hint>{t("overview.error", { code: table.code, message: table.message })}</Hint>;
  else {
    const rows = table as Value[][];
    const head = rows[0].map(String);
    if (chart.id === "byOwner") {
      // Owners (not "(other)" or Total), sorted by attainment, coloured by status.
      const owners = rows
        .slice(1, -1)
        .filter((r) => typeof r[3] === "number")
        .sort((a, b) => (b[3] as number) - (a[3] as number));
      const top = Math.max(1, ...owners.map((r) => r[3] as number));
      data = {
        head: [head[0], head[3], head[7]],
        rows: owners.map((r) => [String(r[0]), formatPercent(language, r[3] as number, 1), String(r[7])]),
        picture:
          owners.length === 0 ? null : (
            <HorizontalBarChart
              data={owners.map((r) => ({
                chartTitle: `${String(r[0])} · ${formatPercent(language, r[3] as number, 0)} · ${String(r[7])}`,
                chartData: [
                  {
                    legend: String(r[7]),
                    horizontalBarChartdata: { x: r[3] as number, total: top },
                    color: color(STATUS_BAR[statusKind(r[7]) ?? "noTarget"]),
                  },
                ],
              }))}
              width={width}
              chartDataMode="hidden"
              hideTooltip
              culture={language}
            />
          ),
      };
    } else if (chart.id === "planActual") {
      const plan = chart.plan?.value;
      const planRows = Array.isArray(plan) ? (plan as Value[][]) : [];
      const last = planRows[0] ? planRows[0].length - 1 : 0;
      const months = rows.slice(1, 13);
      const points = months.map((r, i) => {
        const planned = planRows[i + 1]?.[last];
        const actual = typeof r[1] === "number" ? r[1] : 0;
        return {
          x: shortMonth(String(r[0])),
          y: actual,
          legend: t("overview.legend.actual"),
          color: color(DataVizPalette.color1),
          lineData:
            typeof planned === "number"
              ? { y: planned, legend: t("overview.legend.plan"), color: color(DataVizPalette.color5) }
              : undefined,
        };
      });
      // Every month's name fits from about 420 px; narrower, every third month is named.
      const ticks = width < 420 ? points.filter((_, i) => i % 3 === 0).map((p) => p.x) : undefined;
      data = {
        head: [head[0], t("overview.legend.actual"), t("overview.legend.plan")],
        rows: months.map((r, i) => {
          const planned = planRows[i + 1]?.[last];
          return [
            String(r[0]),
            money(typeof r[1] === "number" ? r[1] : 0),
            typeof planned === "number" ? money(planned) : "—",
          ];
        }),
        picture: (
          <VerticalBarChart
            data={points}
            width={width}
            height={220}
            culture={language}
            lineLegendText={t("overview.legend.plan")}
            lineLegendColor={color(DataVizPalette.color5)}
            hideLabels
            hideTooltip
            tickValues={ticks}
            margins={{ left: 56 }}
            yAxisTickFormat={(v: number) => compact.format(v)}
          />
        ),
      };
    } else if (chart.id === "forecast") {
      // Period | Forecast: bars per month, the amounts in the display language's short form on the axis.
      const months = rows.slice(1).filter((r) => typeof r[1] === "number");
      const ticks = width < 420 ? months.filter((_, i) => i % 3 === 0).map((r) => shortMonth(String(r[0]))) : undefined;
      data = {
        head: [head[0], head[1]],
        rows: months.map((r) => [String(r[0]), money(r[1] as number)]),
        picture:
          months.length === 0 ? null : (
            <VerticalBarChart
              data={months.map((r) => ({
                x: shortMonth(String(r[0])),
                y: r[1] as number,
                legend: t("overview.legend.forecast"),
                color: color(DataVizPalette.color3),
              }))}
              width={width}
              height={220}
              culture={language}
              hideLegend
              hideLabels
              hideTooltip
              tickValues={ticks}
              margins={{ left: 56 }}
              yAxisTickFormat={(v: number) => compact.format(v)}
            />
          ),
      };
    } else if (chart.id === "likely") {
      // Name | (Owner) | (Amount) | Win probability | Win factors: a list people read, not a picture.
      const deals = rows.slice(1);
      note = (
        <>
          {deals.length === 0 ? <Hint>{t("overview.likelyNone")}</Hint> : null}
          <ol className={styles.likely} data-likely="">
            {deals.map((r, i) => {
              const p = r[head.length - 2];
              const why = String(r[head.length - 1] ?? "");
              const probability = typeof p === "number" ? formatPercent(language, p, 1) : String(p);
              const details = r
                .slice(1, head.length - 2)
                .map((v) => (typeof v === "number" ? money(v) : String(v)))
                .filter((x) => x !== "");
              return (
                <li key={i} className={styles.likelyItem}>
                  <span className={styles.likelyName}>{String(r[0]) || "—"}</span>
                  <span className={styles.likelyValue} data-probability="">
                    {probability}
                  </span>
                  {details.length > 0 ? <Caption1 className={styles.likelyWide}>{details.join(" · ")}</Caption1> : null}
                  {why ? <Caption1 className={mergeClasses(styles.likelyWide, styles.formula)}>{why}</Caption1> : null}
                </li>
              );
            })}
          </ol>
          <Hint>{t("overview.likelyFrom")}</Hint>
        </>
      );
    } else if (chart.id === "funnelBy") {
      // Stage | region… | Total, cumulative conversion (the share of each region's deals reaching the stage); the
      // (unmatched) row holds counts, not shares, and stays in the table only.
      const unmatched = new Set(["(unmatched)", "(未匹配)"]);
      const stages = rows.slice(1).filter((r) => !unmatched.has(String(r[0])));
      const cellText = (v: Value) => (typeof v === "number" ? formatPercent(language, v, 0) : "");
      // Tint grows with the share; text keeps the theme's foreground (at most 55 % of the brand colour under it).
      const tint = (v: number) =>
        `color-mix(in srgb, ${tokens.colorBrandBackground} ${Math.round(Math.max(0, Math.min(1, v)) * 55)}%, transparent)`;
      data = {
        head,
        rows: rows.slice(1).map((r) => {
          const counts = unmatched.has(String(r[0]));
          return [
            String(r[0]),
            ...r.slice(1).map((v) => (counts && typeof v === "number" ? formatCount(language, v) : cellText(v))),
          ];
        }),
        picture: (
          <div
            className={styles.heat}
            style={{ gridTemplateColumns: `minmax(56px, 1.4fr) repeat(${head.length - 1}, minmax(0, 1fr))` }}
            data-heatmap=""
          >
            <span />
            {head.slice(1).map((h) => (
              <span key={h} className={styles.heatHead}>
                {h}
              </span>
            ))}
            {stages.map((r) => [
              <span key={`${String(r[0])}-label`} className={styles.heatLabel}>
                {String(r[0])}
              </span>,
              ...r.slice(1).map((v, c) => (
                <span
                  key={`${String(r[0])}-${c}`}
                  className={styles.heatCell}
                  style={typeof v === "number" ? { backgroundColor: tint(v) } : undefined}
                  data-cell=""
                >
                  {cellText(v)}
                </span>
              )),
            ])}
          </div>
        ),
      };
    } else {
      // Stage | Count | Reached | …: the funnel of stages reached, the last row being Won when outcomes are mapped.
      const stages = rows.slice(1).filter((r) => typeof r[2] === "number");
      data = {
        head: [head[0], head[2]],
        rows: stages.map((r) => [String(r[0]), formatCount(language, r[2] as number)]),
        picture: (
          <FunnelChart
            data={stages.map((r, i) => ({
              stage: String(r[0]),
              value: r[2] as number,
              color: color(FUNNEL_COLORS[i % FUNNEL_COLORS.length]),
            }))}
            width={width}
            height={240}
            culture={language}
            hideLegend
          />
        ),
      };
    }
  }
  // inert + aria-hidden: the chart library's parts (English labels, focusable data points) stay out of the
  // keyboard order and the accessibility tree; the table below carries the numbers in the pane's language.
  const inert = { inert: "" } as Record<string, string>;
  return (
    <Section title={title}>
      <div ref={ref} className={styles.chart} role="figure" aria-label={ariaLabel} data-chart={chart.id}>
        {note}
        {data ? (
          <>
            <div aria-hidden="true" {...inert}>
              {props.shown ? data.picture : null}
            </div>
            {/* A table ignores its own width: the box that hides it is a div. */}
            <div className={styles.srOnly}>
              <table>
                <caption>{ariaLabel}</caption>
                <thead>
                  <tr>
                    {data.head.map((h) => (
                      <th key={h} scope="col">
                        {h}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {data.rows.map((r, i) => (
                    <tr key={i}>
                      {r.map((c, i) =>
                        i === 0 ? (
                          <th key={i} scope="row">
                            {c}
                          </th>
                        ) : (
                          <td key={i}>{c}</td>
                        ),
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        ) : null}
      </div>
      {chart.table ? (
        <>
          <Text size={100} className={styles.formula}>
            {t("overview.formula", { name: formulaNames(chart.table.formula) })}
          </Text>
          <Button
            size="small"
            appearance="transparent"
            className={styles.add}
            disabled={props.busy}
            aria-label={t("overview.addLabel", { name: title })}
            onClick={() => props.onAdd(title)}
          >
            {t("overview.add")}
          </Button>
          {props.status}
        </>
      ) : null}
    </Section>
  );
}
