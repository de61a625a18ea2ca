/**
 * Commission (issue 11): tiers edited in the pane (threshold, rate, marginal or flat), the commission per owner of
 * the deals won in a period, and a Commission column in the deals table as a SALES.COMMISSION formula per row. The
 * preview runs the same engine over the same amounts, so the column's sum per owner is the preview's figure.
 */
import {
  Body1,
  Button,
  Field,
  Link,
  Radio,
  RadioGroup,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { formatCount, formatMoney, type StringKey } from "../../i18n";
import { formatRate } from "../numberText";
import {
  FieldRow,
  Hint,
  NoticeBar,
  NumberField,
  Section,
  SelectField,
  TaskStatus,
  errorSummary,
  headersOf,
  useConfirm,
} from "../components";
import { asColumn, attempt, commission, distinctValues, parseOutcome, serialToYmd, todaySerial } from "../engineBridge";
import { outputColumn, textLiteral, thisRow } from "../formulaText";
import { useCurrency, useI18n, useTableData, useTask, useWorkbookSettings } from "../hooks";
import { FromMapping, useMappedColumns, useMappedTable } from "../mappedColumns";
import type { PanelProps } from "../panelProps";

const useStyles = makeStyles({
  tiers: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  tier: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr) auto",
    columnGap: tokens.spacingHorizontalS,
    alignItems: "end",
  },
  // Two number boxes and a remove button share a 320 px pane's row.
  tierField: { minWidth: 0, maxWidth: "none" },
  remove: { minWidth: "32px", paddingLeft: tokens.spacingHorizontalS, paddingRight: tokens.spacingHorizontalS },
  numeric: { textAlign: "end", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  wrapHeader: { whiteSpace: "normal", textAlign: "end", overflowWrap: "anywhere" },
  total: { fontWeight: tokens.fontWeightSemibold },
  actions: { display: "flex", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

export interface Tier {
  threshold: number;
  rate: number;
}

type Method = "marginal" | "flat";
type Period = "all" | "year" | "quarter" | "month";

interface CommissionSettings {
  tiers: Tier[];
  method: Method;
  period: Period;
  column: string;
}

/** The tiers as the array constant the formula carries: {0,0.05;100000,0.08}. */
export function tiersConstant(tiers: readonly Tier[]): string {
  return `{${tiers.map((x) => `${x.threshold},${x.rate}`).join(";")}}`;
}

/** The first day of the period holding `today` (undefined for all time). */
function periodStart(period: Period, today: number): { year: number; month: number } | undefined {
  const { year, month } = serialToYmd(today);
  if (period === "year") return { year, month: 1 };
  if (period === "quarter") return { year, month: month - ((month - 1) % 3) };
  if (period === "month") return { year, month };
  return undefined;
}

export function CommissionPanel({ ops, tables, openPanel, refreshTables }: PanelProps) {
  const { t, language } = useI18n();
  const { currency } = useCurrency();
  const styles = useStyles();
  const task = useTask();
  const { confirm, dialog } = useConfirm();
  const names = tables.map((x) => x.name);
  const [s, update] = useWorkbookSettings<CommissionSettings>(ops, "commission", {
    tiers: [
      { threshold: 0, rate: 0.05 },
      { threshold: 100_000, rate: 0.08 },
    ],
    method: "marginal",
    period: "year",
    column: "",
  });

  // Map once: the deals table and its columns come from Start.
  const table = useMappedTable("deals", names) ?? "";
  const headers = headersOf(tables, table);
  const mapped = useMappedColumns(table, headers);
  const amount = mapped.column("amount");
  const owner = mapped.column("owner");
  const outcome = mapped.column("outcome");
  const wonDate = mapped.column("wonDate") ?? (outcome ? mapped.column("closeDate") : undefined);
  const ready = table !== "" && amount !== undefined && (outcome !== undefined || wonDate !== undefined);
  const [version, setVersion] = useState(0);
  const columns = useMemo(
    () => [amount, owner, outcome, wonDate].filter((c): c is string => c !== undefined),
    [amount, owner, outcome, wonDate],
  );
  const data = useTableData(ops, ready ? table : undefined, columns, version);

  // The tiers as SALES.COMMISSION reads them: an error here is the error every formula would show.
  const tierCheck = useMemo(
    () =>
      attempt(() =>
        commission(
          [[1]],
          s.tiers.map((x) => [x.threshold, x.rate]),
          s.method,
        ),
      ),
    [s.tiers, s.method],
  );
  const tierError = s.tiers.length === 0 ? t("commission.noTiers") : tierCheck.error;

  const won = useMemo(() => {
    const rows = data.data;
    if (!rows || !amount) return undefined;
    const outcomes = outcome ? (rows.columns[outcome] ?? []) : undefined;
    const wonWords = outcomes ? distinctValues(outcomes.filter((o) => parseOutcome(o) === "won")).map(String) : [];
    const dates = wonDate ? (rows.columns[wonDate] ?? []) : undefined;
    const isWon = (i: number) =>
      outcomes
        ? wonWords.some((w) => w.toLowerCase() === String(outcomes[i]).toLowerCase())
        : dates !== undefined && dates[i] !== "";
    return { wonWords, isWon, dates };
  }, [data.data, amount, outcome, wonDate]);

  const preview = useMemo(() => {
    const rows = data.data;
    if (!rows || !amount || !won || tierError) return undefined;
    const start = periodStart(s.period, todaySerial());
    const inPeriod = (i: number) => {
      if (!start) return true;
      const d = won.dates?.[i];
      if (typeof d !== "number") return false;
      const { year, month } = serialToYmd(d);
      return year * 12 + month >= start.year * 12 + start.month;
    };
    const counted: number[] = [];
    for (let i = 0; i < rows.rowCount; i++) if (won.isWon(i) && inPeriod(i)) counted.push(i);
    const amounts = rows.columns[amount] ?? [];
    const result = attempt(() =>
      commission(
        asColumn(counted.map((i) => amounts[i])),
        s.tiers.map((x) => [x.threshold, x.rate]),
        s.method,
      ),
    );
    if (!result.value) return { error: result.error };
    const byOwner = new Map<string, { amount: number; commission: number; deals: number }>();
    let erred = 0;
    counted.forEach((i, k) => {
      const value = result.value[k]?.[0];
      if (typeof value !== "number") {
        erred++;
        return;
      }
      const name = owner
        ? String(rows.columns[owner]?.[i] ?? "").trim() || t("commission.noOwner")
        : t("commission.all");
      const entry = byOwner.get(name) ?? { amount: 0, commission: 0, deals: 0 };
      const a = amounts[i];
      entry.amount += typeof a === "number" ? a : 0;
      entry.commission += value;
      entry.deals++;
      byOwner.set(name, entry);
    });
    const list = [...byOwner.entries()].sort((a, b) => b[1].commission - a[1].commission);
    return { list, erred };
  }, [data.data, amount, owner, won, tierError, s.period, s.tiers, s.method, t]);

  const chinese = language === "zh-CN";
  const column = outputColumn("commission", headers, chinese, s.column);

  const formula = (): string => {
    const commissionOf = `SALES.COMMISSION(${thisRow(table, amount!)},${tiersConstant(s.tiers)},${textLiteral(s.method)})`;
    const condition = outcome
      ? `ISNUMBER(MATCH(${thisRow(table, outcome)},{${(won?.wonWords ?? []).map(textLiteral).join(",") || '""'}},0))`
      : `${thisRow(table, wonDate!)}<>""`;
    return `=IF(${condition},${commissionOf},0)`;
  };

  const addColumn = async () => {
    if (!ready || tierError || !amount) return;
    const text = formula();
    const specs = [{ name: column, formula: () => text }];
    const plan = await task.run(() => ops.planColumns(table, specs), undefined, "column");
    if (!plan) return;
    if (plan.cellsToChange > 0) {
      const answer = await confirm({
        title: t("bant.replaceTitle"),
        message: t("bant.replaceMessage", { cells: formatCount(language, plan.cellsToChange), column }),
        confirmLabel: t("common.replace"),
      });
      // Declined: nothing was written, so nothing is reported.
      if (answer !== "confirm") return;
    }
    await task.run(
      async (signal, onProgress) => {
        await ops.addColumns(table, specs, { signal, onProgress });
        return ops.countErrorRows(table, [column]);
      },
      (erred) =>
        erred.errorRows > 0
          ? {
              intent: "warning",
              text: t("commission.columnErred", {
                column,
                rows: formatCount(language, erred.rows),
                errors: formatCount(language, erred.errorRows),
                codes: errorSummary(erred.codes),
              }),
            }
          : t("commission.columnAdded", { column }),
      "column",
    );
    update({ column });
    setVersion((v) => v + 1);
    await refreshTables();
  };

  const setTier = (index: number, patch: Partial<Tier>) =>
    update({ tiers: s.tiers.map((x, i) => (i === index ? { ...x, ...patch } : x)) });

  const money = (v: number) => formatMoney(language, v, currency, 2);
  const totals = preview?.list?.reduce((sum, [, e]) => sum + e.commission, 0) ?? 0;

  return (
    <>
      <Section title={t("commission.previewTitle")}>
        {!ready ? (
          <>
            <Body1>{t("commission.needMapping")}</Body1>
            {openPanel ? (
              <div>
                <Link as="button" onClick={() => openPanel("start")}>
                  {t("map.changeInStart")}
                </Link>
              </div>
            ) : null}
          </>
        ) : (
          <>
            <FromMapping
              items={[
                [t("common.table"), table],
                [t("commission.amountColumn"), amount],
                [t("commission.ownerColumn"), owner],
                [t("commission.outcomeColumn"), outcome],
                [t("commission.dateColumn"), wonDate],
              ]}
              openPanel={openPanel}
            />
            <FieldRow>
              <SelectField
                label={t("commission.period")}
                value={s.period}
                options={wonDate ? ["year", "quarter", "month", "all"] : ["all"]}
                labels={(o) => t(`commission.period.${o}` as StringKey)}
                onChange={(v) => update({ period: (v || "all") as Period })}
              />
            </FieldRow>
            {tierError ? (
              <NoticeBar notice={{ intent: "warning", text: t("commission.fixTiers") }} />
            ) : preview?.error ? (
              <NoticeBar notice={{ intent: "warning", text: preview.error }} />
            ) : preview?.list ? (
              preview.list.length === 0 ? (
                <Body1>{t("commission.noneWon")}</Body1>
              ) : (
                <Table size="small" aria-label={t("commission.previewTitle")}>
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell>{t("commission.owner")}</TableHeaderCell>
                      <TableHeaderCell className={styles.wrapHeader}>{t("commission.wonAmount")}</TableHeaderCell>
                      <TableHeaderCell className={styles.wrapHeader}>{t("commission.commission")}</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {preview.list.map(([name, e]) => (
                      <TableRow key={name} data-owner={name}>
                        <TableCell>{name}</TableCell>
                        <TableCell className={styles.numeric}>{money(e.amount)}</TableCell>
                        <TableCell className={styles.numeric} data-commission={e.commission}>
                          {money(e.commission)}
                        </TableCell>
                      </TableRow>
                    ))}
                    <TableRow className={styles.total}>
                      <TableCell>{t("commission.total")}</TableCell>
                      <TableCell className={styles.numeric}>
                        {money(preview.list.reduce((sum, [, e]) => sum + e.amount, 0))}
                      </TableCell>
                      <TableCell className={styles.numeric}>{money(totals)}</TableCell>
                    </TableRow>
                  </TableBody>
                </Table>
              )
            ) : null}
            {preview?.erred ? (
              <NoticeBar
                notice={{
                  intent: "warning",
                  text: t("commission.rowsErred", { count: formatCount(language, preview.erred) }),
                }}
              />
            ) : null}
            <NoticeBar notice={data.error ? { intent: "error", text: data.error } : undefined} />
          </>
        )}
      </Section>

      <Section title={t("commission.tiersTitle")}>
        <Hint>{t("commission.tiersHint")}</Hint>
        <div className={styles.tiers}>
          {s.tiers.map((tier, i) => (
            <div key={i} className={styles.tier}>
              <NumberField
                className={styles.tierField}
                label={t("commission.threshold", { n: i + 1 })}
                kind="money"
                value={tier.threshold}
                min={0}
                step={10_000}
                onNumber={(v) => setTier(i, { threshold: v })}
              />
              <NumberField
                className={styles.tierField}
                label={t("commission.rate", { n: i + 1 })}
                kind="rate"
                value={tier.rate}
                min={0}
                step={0.01}
                onNumber={(v) => setTier(i, { rate: v })}
              />
              <Button
                className={styles.remove}
                aria-label={t("commission.removeTier", { n: i + 1 })}
                disabled={s.tiers.length <= 1}
                onClick={() => update({ tiers: s.tiers.filter((_, k) => k !== i) })}
              >
                ×
              </Button>
            </div>
          ))}
        </div>
        <div className={styles.actions}>
          <Button
            onClick={() => {
              const last = s.tiers[s.tiers.length - 1];
              update({
                tiers: [
                  ...s.tiers,
                  { threshold: last ? last.threshold * 2 || 100_000 : 0, rate: last ? last.rate : 0.05 },
                ],
              });
            }}
          >
            {t("commission.addTier")}
          </Button>
        </div>
        {tierError ? (
          <NoticeBar notice={{ intent: "error", text: t("commission.badTiers", { reason: tierError }) }} />
        ) : (
          <Hint>
            {s.tiers
              .map((x) => t("commission.tierLine", { from: money(x.threshold), rate: formatRate(language, x.rate) }))
              .join(" · ")}
          </Hint>
        )}
        <Field label={t("commission.method")}>
          <RadioGroup value={s.method} onChange={(_, d) => update({ method: d.value as Method })}>
            <Radio value="marginal" label={t("commission.marginal")} />
            <Radio value="flat" label={t("commission.flat")} />
          </RadioGroup>
        </Field>
      </Section>

      <Section title={t("commission.columnTitle")}>
        <Body1>{t("commission.columnHelp", { column })}</Body1>
        <div className={styles.actions}>
          <Button
            appearance="primary"
            disabled={!ready || !!tierError || task.running}
            aria-describedby={!ready || tierError ? "commission-why-disabled" : undefined}
            onClick={() => void addColumn()}
          >
            {t("commission.addColumn", { column })}
          </Button>
        </div>
        {!ready || tierError ? (
          <Hint>
            <span id="commission-why-disabled">{!ready ? t("commission.needMapping") : t("commission.fixTiers")}</span>
          </Hint>
        ) : null}
        <TaskStatus task={task} origin="column" />
      </Section>
      {dialog}
    </>
  );
}
