import {
  Badge,
  Body1,
  Button,
  Radio,
  RadioGroup,
  Field,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useRef } from "react";
import { engineLang, formatCount, formatMoney, formatNumber, formatPercent, moneyFormat } from "../../i18n";
import { FromMapping, useMappedColumns, useMappedTable } from "../mappedColumns";
import type { PanelProps } from "../panelProps";
import { BarList } from "../BarList";
import {
  FieldRow,
  Hint,
  NoticeBar,
  ScrollRegion,
  Section,
  SelectField,
  TableField,
  TaskStatus,
  detectColumn,
  errorSummary,
  headersOf,
  useConfirm,
  validOr,
} from "../components";
import {
  asColumn,
  attempt,
  bottleneck,
  distinctValues,
  funnel,
  normalizeText,
  pipeline,
  winRate,
} from "../engineBridge";
import { wholeColumn } from "../formulaText";
import { useCurrency, useI18n, useTableData, useTask, useWorkbookSettings } from "../hooks";
import { buildReportSheet } from "../reportSheet";
import { useSliced, yieldToBrowser } from "../slices";
import { moveItem, reconcileOrder } from "../stageOrder";
import { structuredRef } from "../../sample/insert";
import { columnLetters } from "../../excel/chunking";
import { offerValuesIfTooBig } from "../payloadPrompt";
import { valueCells, type Matrix } from "../overview";

const useStyles = makeStyles({
  scroll: { overflowX: "auto", maxWidth: "100%" },
  // Seven numeric columns need more than a task pane's width: the table scrolls sideways instead of overlapping.
  table: { width: "max-content", minWidth: "100%", tableLayout: "auto" },
  nowrap: { whiteSpace: "nowrap" },
  order: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, margin: 0, padding: 0 },
  orderItem: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    padding: tokens.spacingVerticalXXS,
    borderRadius: tokens.borderRadiusSmall,
    backgroundColor: tokens.colorNeutralBackground3,
    listStyleType: "none",
  },
  orderName: { flexGrow: 1 },
  bottleneck: { backgroundColor: tokens.colorPaletteRedBackground1 },
  // KPI cards wrap onto as many rows as the pane needs; a long bottleneck name wraps inside its card.
  kpis: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(120px, 1fr))",
    gap: tokens.spacingHorizontalM,
  },
  kpi: { display: "flex", flexDirection: "column", minWidth: 0 },
  kpiLabel: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  kpiValue: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  actions: { display: "flex", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  numeric: { textAlign: "end", fontVariantNumeric: "tabular-nums" },
});

interface FunnelSettings {
  table: string;
  stageColumn: string;
  orderSource: "table" | "values";
  stagesTable: string;
  stagesColumn: string;
  probabilityColumn: string;
  order: string[];
  amountColumn: string;
  outcomeColumn: string;
  reportSheet: string;
}

/** The panel's one percent precision: every rate it shows has one decimal ("73.0%", "72.1%"). */
const PERCENT_DIGITS = 1;

function percentOrDash(language: Parameters<typeof formatPercent>[0], v: unknown): string {
  return typeof v === "number" ? formatPercent(language, v, PERCENT_DIGITS) : "—";
}

export function FunnelPanel({ ops, tables, openPanel }: PanelProps) {
  const i18n = useI18n();
  const { t, language } = i18n;
  const { currency } = useCurrency();
  const styles = useStyles();
  const task = useTask();
  const { confirm, dialog } = useConfirm();
  const names = tables.map((x) => x.name);
  const [settings, update] = useWorkbookSettings<FunnelSettings>(ops, "funnel", {
    table: "",
    stageColumn: "",
    orderSource: "table",
    stagesTable: "",
    stagesColumn: "",
    probabilityColumn: "",
    order: [],
    amountColumn: "",
    outcomeColumn: "",
    reportSheet: "",
  });
  // Map once: the tables and columns the mapping settles are not asked for here (see mappedColumns.tsx).
  const mappedTable = useMappedTable("deals", names);
  const table =
    mappedTable ??
    validOr(settings.table, names, names.find((n) => /lead|线索|deal|opportunit|商机/i.test(n)) ?? names[0] ?? "");
  const headers = headersOf(tables, table);
  const mapped = useMappedColumns(table, headers);
  const stageColumn =
    mapped.column("stage") ??
    validOr(settings.stageColumn, headers, detectColumn(headers, ["Stage", "阶段", "销售阶段"]));
  const amountColumn = mapped.pick(
    "amount",
    settings.amountColumn === "-"
      ? ""
      : validOr(settings.amountColumn, headers, detectColumn(headers, ["Amount", "金额", "Deal size", "Value"])),
  );
  const outcomeColumn = mapped.pick(
    "outcome",
    settings.outcomeColumn === "-"
      ? ""
      : validOr(settings.outcomeColumn, headers, detectColumn(headers, ["Outcome", "结果", "Result", "Status"])),
  );
  const mappedStagesTable = useMappedTable(
    "stages",
    names.filter((n) => n !== table),
  );
  const stagesTable =
    mappedStagesTable ??
    validOr(
      settings.stagesTable,
      names.filter((n) => n !== table),
      names.find((n) => n !== table && /stage|阶段/i.test(n)) ?? "",
    );
  const stageHeaders = headersOf(tables, stagesTable);
  const mappedStages = useMappedColumns(stagesTable, stageHeaders, "stages");
  const stagesColumn =
    mappedStages.column("stage") ?? validOr(settings.stagesColumn, stageHeaders, stageHeaders[0] ?? "");
  const probabilityColumn = mappedStages.pick(
    "probability",
    settings.probabilityColumn === "-"
      ? ""
      : validOr(
          settings.probabilityColumn,
          stageHeaders,
          detectColumn(stageHeaders, ["Probability", "概率", "赢单概率", "Win probability"]),
        ),
  );
  const orderSource = settings.orderSource === "table" && !stagesTable ? "values" : settings.orderSource;

  const columns = useMemo(
    () => [stageColumn, amountColumn, outcomeColumn].filter((c) => c !== ""),
    [stageColumn, amountColumn, outcomeColumn],
  );
  const data = useTableData(ops, table && stageColumn ? table : undefined, columns);
  const stageColumns = useMemo(
    () => [stagesColumn, probabilityColumn].filter((c) => c !== ""),
    [stagesColumn, probabilityColumn],
  );
  const stagesData = useTableData(
    ops,
    orderSource === "table" && stagesTable && stagesColumn ? stagesTable : undefined,
    stageColumns,
  );

  const sourceOrder = useMemo(() => {
    if (orderSource === "table")
      return stagesData.data ? distinctValues(stagesData.data.columns[stagesColumn] ?? []) : [];
    return data.data ? distinctValues(data.data.columns[stageColumn] ?? []) : [];
  }, [orderSource, stagesData.data, stagesColumn, data.data, stageColumn]);
  const order = useMemo(() => reconcileOrder(settings.order, sourceOrder), [settings.order, sourceOrder]);

  const probabilities = useMemo(() => {
    if (orderSource !== "table" || !probabilityColumn || !stagesData.data) return undefined;
    const d = stagesData.data;
    const byStage = new Map<string, unknown>();
    (d.columns[stagesColumn] ?? []).forEach((s, i) => byStage.set(normalizeText(s), d.columns[probabilityColumn]?.[i]));
    return order.map((s) => byStage.get(normalizeText(s)) ?? "");
  }, [orderSource, probabilityColumn, stagesData.data, stagesColumn, order]);

  // Each SALES computation over the table runs in a task of its own (with the browser given the thread back
  // between them), so a 60,000-row table never blocks the pane for long.
  const reads = useRef(0);
  const dataVersion = useMemo(() => (data.data ? ++reads.current : 0), [data.data]);
  const computed = useSliced(
    data.data && order.length > 0
      ? JSON.stringify([dataVersion, order, stageColumn, amountColumn, outcomeColumn, probabilities, language])
      : undefined,
    async () => {
      const table = data.data!;
      const stages = asColumn(table.columns[stageColumn] ?? []);
      const amounts = amountColumn ? asColumn(table.columns[amountColumn] ?? []) : null;
      const outcomes = outcomeColumn ? asColumn(table.columns[outcomeColumn] ?? []) : null;
      const orderRange = asColumn(order);
      await yieldToBrowser();
      const matrix = attempt(() => funnel(stages, orderRange, amounts, outcomes, true, engineLang(language)));
      await yieldToBrowser();
      const weak = attempt(() => bottleneck(stages, orderRange, outcomes, engineLang(language)));
      await yieldToBrowser();
      const rate = outcomes ? attempt(() => winRate(outcomes)) : undefined;
      await yieldToBrowser();
      const weighted =
        amounts && probabilities
          ? attempt(() => pipeline(stages, amounts, orderRange, asColumn(probabilities), outcomes))
          : undefined;
      return { matrix, weak, rate, weighted };
    },
  );
  const result = computed.status === "done" ? computed.value : undefined;

  const rows = result?.matrix.value ?? [];
  const header = rows[0] ?? [];
  const body = rows.slice(1);
  // The amount column is the last one when amounts are given (stage | reached | … | amount).
  const amountIndex = amountColumn ? header.length - 1 : -1;
  const bottleneckTo = typeof result?.weak.value === "string" ? (result.weak.value.split(" → ").pop() ?? "") : "";

  const insertReport = async () => {
    if (!table || !stageColumn || order.length === 0) return;
    const ownOrderTable = orderSource === "values" || order.join("\u0001") !== sourceOrder.join("\u0001");
    // SALES.FUNNEL's one call carries the stage, amount and outcome columns whole: on Excel for the web over 4 MB it
    // would fail (#CALC!), so the pane offers the funnel it shows (the same engine, arguments and order) as values.
    const read = [stageColumn, amountColumn, outcomeColumn].filter((c): c is string => !!c);
    const shown = result?.matrix.value;
    let asValues = false;
    if (data.data && shown && shown.length > 0) {
      const answer = await offerValuesIfTooBig(
        confirm,
        i18n,
        "funnel.payloadWeb",
        data.data.rowCount,
        read.map((c) => data.data!.columns[c] ?? []),
      );
      if (answer === "cancel") return;
      asValues = answer === "values";
    }
    await task.run(
      async (signal, onProgress) => {
        const confirmReplace = async (name: string) =>
          (await confirm({
            title: t("funnel.replaceTitle"),
            message: t("funnel.replaceMessage", { sheet: name }),
            confirmLabel: t("common.replace"),
          })) === "confirm";
        const built = await buildReportSheet(
          ops,
          settings.reportSheet,
          t("funnel.reportSheet"),
          confirmReplace,
          async (sheet) => {
            onProgress({ done: 1, total: 4 });
            let orderRef = structuredRef(stagesTable, stagesColumn);
            if (ownOrderTable) {
              const name = await ops.addTable(
                sheet,
                {
                  name: t("funnel.stagesTableName"),
                  topLeft: "M3",
                  headers: [t("funnel.stageHeader")],
                  rows: order.map((s) => [s]),
                },
                { signal },
              );
              orderRef = structuredRef(name, t("funnel.stageHeader"));
            }
            onProgress({ done: 2, total: 4 });
            const args = [
              wholeColumn(table, stageColumn),
              orderRef,
              amountColumn ? wholeColumn(table, amountColumn) : "",
              outcomeColumn ? wholeColumn(table, outcomeColumn) : "",
            ];
            while (args[args.length - 1] === "") args.pop();
            await ops.writeBlock(sheet, {
              topLeft: "A1",
              formulas: [
                [
                  asValues
                    ? `${t("funnel.reportTitle", { table })} (${t("overview.valuesSuffix")})`
                    : t("funnel.reportTitle", { table }),
                ],
              ],
            });
            await ops.writeBlock(sheet, {
              topLeft: "A3",
              formulas: asValues ? valueCells(shown as Matrix) : [[`=SALES.FUNNEL(${args.join(",")})`]],
            });
            const chartRows = 1 + order.length + (outcomeColumn ? 1 : 0);
            // One spare row for the "(unmatched)" line the funnel adds when some stage is not in the order.
            const lastRow = 3 + chartRows;
            await ops.setNumberFormat(sheet, `D4:E${lastRow}`, "0.0%");
            if (amountColumn) {
              const amountCol = columnLetters(outcomeColumn ? 6 : 5);
              await ops.setNumberFormat(sheet, `${amountCol}4:${amountCol}${lastRow}`, moneyFormat(currency));
            }
            // Stage names and Reached side by side for the chart (INDEX(…,0,k) spills column k of the funnel).
            await ops.writeBlock(sheet, {
              topLeft: "J3",
              formulas: asValues
                ? valueCells((shown as Matrix).slice(0, chartRows).map((r) => [r[0], r[2]]))
                : [["=INDEX(A3#,0,1)", "=INDEX(A3#,0,3)"]],
            });
            onProgress({ done: 3, total: 4 });
            const top = 3 + chartRows + 3;
            const chart = await ops.addChart(sheet, {
              source: `J3:K${3 + chartRows - 1}`,
              title: t("funnel.chartTitle"),
              topLeft: `A${top}`,
              bottomRight: `H${top + 16}`,
            });
            onProgress({ done: 4, total: 4 });
            return chart.type;
          },
        );
        if (built) update({ reportSheet: built.sheet });
        // What the report shows, not what was meant: a formula that evaluates to an error is reported.
        const erred = built ? await ops.findErrorCells(built.sheet, ["A3"]) : [];
        return built ? { ...built, erred } : undefined;
      },
      (r) => {
        // Declined at the confirmation: nothing happened, so nothing is reported (and nothing green).
        if (!r) return undefined;
        const chart = r.result === "Funnel" ? t("start.chartFunnel") : t("start.chartBar");
        if (r.erred.length > 0) {
          const codes: Record<string, number> = {};
          for (const e of r.erred) codes[e.code] = (codes[e.code] ?? 0) + 1;
          return { intent: "warning", text: t("funnel.reportErred", { sheet: r.sheet, codes: errorSummary(codes) }) };
        }
        return t("funnel.reportInserted", { sheet: r.sheet, chart });
      },
      "report",
    );
  };

  return (
    <>
      <Section title={t("funnel.setupTitle")}>
        <FromMapping
          items={[
            [t("common.table"), mappedTable],
            [t("funnel.stageColumn"), mapped.column("stage")],
            [t("funnel.amountColumn"), mapped.get("amount")],
            [t("funnel.outcomeColumn"), mapped.get("outcome")],
            [t("funnel.stagesTable"), orderSource === "table" ? mappedStagesTable : undefined],
            [t("funnel.stagesColumn"), orderSource === "table" ? mappedStages.column("stage") : undefined],
            [t("funnel.probabilityColumn"), orderSource === "table" ? mappedStages.get("probability") : undefined],
          ]}
          openPanel={openPanel}
        />
        <FieldRow>
          {mappedTable ? null : (
            <TableField
              label={t("common.table")}
              tables={tables}
              value={table}
              onChange={(v) => update({ table: v, order: [] })}
            />
          )}
          {mapped.column("stage") ? null : (
            <SelectField
              label={t("funnel.stageColumn")}
              value={stageColumn}
              options={headers}
              onChange={(v) => update({ stageColumn: v })}
            />
          )}
          {mapped.get("amount") !== undefined ? null : (
            <SelectField
              label={t("funnel.amountColumn")}
              value={amountColumn}
              options={headers}
              allowNone
              onChange={(v) => update({ amountColumn: v === "" ? "-" : v })}
            />
          )}
          {mapped.get("outcome") !== undefined ? null : (
            <SelectField
              label={t("funnel.outcomeColumn")}
              value={outcomeColumn}
              options={headers}
              allowNone
              onChange={(v) => update({ outcomeColumn: v === "" ? "-" : v })}
            />
          )}
        </FieldRow>
        <Field label={t("funnel.orderSource")}>
          <RadioGroup
            layout="horizontal"
            value={orderSource}
            onChange={(_, d) => update({ orderSource: d.value as "table" | "values", order: [] })}
          >
            <Radio value="table" label={t("funnel.fromStagesTable")} disabled={!names.some((n) => n !== table)} />
            <Radio value="values" label={t("funnel.fromValues")} />
          </RadioGroup>
        </Field>
        {orderSource === "table" ? (
          <FieldRow>
            {mappedStagesTable ? null : (
              <TableField
                label={t("funnel.stagesTable")}
                tables={tables.filter((x) => x.name !== table)}
                value={stagesTable}
                onChange={(v) => update({ stagesTable: v, order: [] })}
              />
            )}
            {mappedStages.column("stage") ? null : (
              <SelectField
                label={t("funnel.stagesColumn")}
                value={stagesColumn}
                options={stageHeaders}
                onChange={(v) => update({ stagesColumn: v })}
              />
            )}
            {mappedStages.get("probability") !== undefined ? null : (
              <SelectField
                label={t("funnel.probabilityColumn")}
                value={probabilityColumn}
                options={stageHeaders}
                allowNone
                onChange={(v) => update({ probabilityColumn: v === "" ? "-" : v })}
              />
            )}
          </FieldRow>
        ) : null}
        {/* A list is no form control: Field labels it only through the render prop (id, aria-labelledby, hint). */}
        <Field label={t("funnel.order")} hint={t("funnel.orderHint")}>
          {(fieldProps) => (
            <ol className={styles.order} {...fieldProps}>
              {order.map((stage, i) => (
                <li key={stage} className={styles.orderItem}>
                  <Badge appearance="outline">{i + 1}</Badge>
                  <span className={styles.orderName}>{stage}</span>
                  <Button
                    size="small"
                    appearance="subtle"
                    aria-label={t("funnel.moveUp", { stage })}
                    disabled={i === 0}
                    onClick={() => update({ order: moveItem(order, i, -1) })}
                  >
                    ↑
                  </Button>
                  <Button
                    size="small"
                    appearance="subtle"
                    aria-label={t("funnel.moveDown", { stage })}
                    disabled={i === order.length - 1}
                    onClick={() => update({ order: moveItem(order, i, 1) })}
                  >
                    ↓
                  </Button>
                </li>
              ))}
            </ol>
          )}
        </Field>
        <NoticeBar notice={data.error ? { intent: "error", text: data.error } : undefined} />
      </Section>

      <Section title={t("funnel.resultTitle")}>
        {!result ? (
          <Body1>{computed.status === "computing" ? t("funnel.computing") : t("funnel.pickFirst")}</Body1>
        ) : result.matrix.error ? (
          <NoticeBar notice={{ intent: "warning", text: t("funnel.error", { reason: result.matrix.error }) }} />
        ) : (
          <>
            <div className={styles.kpis}>
              <div className={styles.kpi}>
                <span className={styles.kpiLabel}>{t("funnel.winRate")}</span>
                <span className={styles.kpiValue}>{percentOrDash(language, result.rate?.value)}</span>
              </div>
              <div className={styles.kpi}>
                <span className={styles.kpiLabel}>{t("funnel.weighted")}</span>
                <span className={styles.kpiValue}>
                  {result.weighted?.value !== undefined ? formatMoney(language, result.weighted.value, currency) : "—"}
                </span>
              </div>
              <div className={styles.kpi}>
                <span className={styles.kpiLabel}>{t("funnel.bottleneck")}</span>
                <span className={styles.kpiValue}>
                  {typeof result.weak.value === "string" ? result.weak.value : t("funnel.noBottleneck")}
                </span>
              </div>
            </div>
            {result.weighted?.error ? (
              <Hint>{t("funnel.weightedError", { reason: result.weighted.error })}</Hint>
            ) : null}
            <BarList
              centered
              label={t("funnel.chartTitle")}
              bars={body
                .filter((r) => typeof r[2] === "number")
                .map((r) => ({
                  label: String(r[0]),
                  value: r[2] as number,
                  display: formatCount(language, r[2] as number),
                  highlight: String(r[0]) === bottleneckTo,
                }))}
            />
            <ScrollRegion className={styles.scroll} label={t("funnel.resultTitle")}>
              <Table size="small" aria-label={t("funnel.resultTitle")} className={styles.table}>
                <TableHeader>
                  <TableRow>
                    {header.map((h, i) => (
                      <TableHeaderCell key={i} className={mergeClasses(styles.nowrap, i > 0 && styles.numeric)}>
                        {String(h)}
                      </TableHeaderCell>
                    ))}
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {body.map((row, r) => {
                    const isBottleneck = String(row[0]) === bottleneckTo;
                    return (
                      <TableRow key={r} className={isBottleneck ? styles.bottleneck : undefined}>
                        {row.map((cell, c) => (
                          <TableCell key={c} className={mergeClasses(styles.nowrap, c > 0 && styles.numeric)}>
                            {c === 0 ? (
                              <>
                                {String(cell)}{" "}
                                {isBottleneck ? <Badge color="danger">{t("funnel.bottleneckBadge")}</Badge> : null}
                              </>
                            ) : c === 3 || c === 4 ? (
                              cell === "" ? (
                                ""
                              ) : (
                                percentOrDash(language, cell)
                              )
                            ) : typeof cell === "number" ? (
                              c === amountIndex ? (
                                formatMoney(language, cell, currency)
                              ) : (
                                formatNumber(language, cell, 2)
                              )
                            ) : (
                              String(cell)
                            )}
                          </TableCell>
                        ))}
                      </TableRow>
                    );
                  })}
                </TableBody>
              </Table>
            </ScrollRegion>
          </>
        )}
      </Section>

      <Section title={t("funnel.reportTitleSection")}>
        <Body1>{t("funnel.reportHelp")}</Body1>
        <div className={styles.actions}>
          <Button appearance="primary" onClick={insertReport} disabled={!result?.matrix.value || task.running}>
            {t("funnel.insertReport")}
          </Button>
        </div>
        <TaskStatus task={task} origin="report" />
      </Section>
      {dialog}
    </>
  );
}
