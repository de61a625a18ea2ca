import {
  Badge,
  Body1,
  Button,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { CURRENCIES, CURRENCY_SYMBOL, engineLang, formatCount, moneyFormat, type Currency } from "../../i18n";
import { findSample, insertSampleWorkbook } from "../../sample/insert";
import { Hint, ScrollRegion, Section, SelectField, TaskStatus, errorSummary, useConfirm } from "../components";
import { useCurrency, useI18n, useTask } from "../hooks";
import type { PanelProps } from "../panelProps";
import { MappingSection } from "./MappingSection";

const useStyles = makeStyles({
  actions: { display: "flex", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS, flexWrap: "wrap" },
  scroll: { overflowX: "auto", maxWidth: "100%" },
  // Names wrap inside their cells (at any character: table names have no spaces) instead of running into the next.
  table: { tableLayout: "auto", width: "100%" },
  name: { overflowWrap: "anywhere", wordBreak: "break-word", minWidth: "64px" },
  numeric: { textAlign: "end", whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" },
  numericHead: { textAlign: "end", overflowWrap: "anywhere" },
});

export function StartPanel({ ops, tables, refreshTables }: PanelProps) {
  const { t, language } = useI18n();
  const { currency, setCurrency } = useCurrency();
  const styles = useStyles();
  const task = useTask();
  const { confirm, dialog } = useConfirm();

  const insertSample = async () => {
    const existing = await findSample(ops, tables).catch(() => undefined);
    if (existing) {
      const answer = await confirm({
        title: t("start.sampleThereTitle"),
        message: t("start.sampleThereMessage", { sheet: existing.dashboardSheet }),
        confirmLabel: t("start.sampleGoTo"),
        alternateLabel: t("start.sampleAddCopy"),
      });
      if (answer === "cancel") return;
      if (answer === "confirm") {
        await task.run(
          () => ops.activateSheet(existing.dashboardSheet),
          () => ({ intent: "info", text: t("start.sampleShown", { sheet: existing.dashboardSheet }) }),
          "sample",
        );
        return;
      }
    }
    await task.run(
      async (signal, onProgress) => {
        const inserted = await insertSampleWorkbook(ops, engineLang(language), {
          signal,
          onProgress,
          moneyFormat: moneyFormat(currency),
        });
        await refreshTables();
        const erred = await ops.findErrorCells(inserted.dashboardSheet, inserted.formulaCells);
        return { inserted, erred };
      },
      ({ inserted, erred }) => {
        const sheets = inserted.sheets.join(language === "zh-CN" ? "、" : ", ");
        if (erred.length > 0) {
          const codes: Record<string, number> = {};
          for (const e of erred) codes[e.code] = (codes[e.code] ?? 0) + 1;
          return {
            intent: "warning",
            text: t("start.sampleErred", {
              sheets,
              count: formatCount(language, erred.length),
              codes: errorSummary(codes),
            }),
          };
        }
        return t("start.sampleInserted", {
          sheets,
          chart: inserted.chartType === "Funnel" ? t("start.chartFunnel") : t("start.chartBar"),
        });
      },
      "sample",
    );
  };

  const currencyLabel = (c: string) =>
    c === "none" ? t("start.currencyNone") : `${CURRENCY_SYMBOL[c as Currency]} ${c}`;

  return (
    <>
      <Section title={t("start.welcomeTitle")}>
        <Body1>{t("start.welcome")}</Body1>
        <div className={styles.actions}>
          <Button appearance="primary" onClick={insertSample} disabled={task.running}>
            {t("start.insertSample")}
          </Button>
          <Button onClick={() => void refreshTables()} disabled={task.running}>
            {t("start.refresh")}
          </Button>
        </div>
        <Hint>{t("start.sampleHint")}</Hint>
        <TaskStatus task={task} origin="sample" />
      </Section>
      <MappingSection tables={tables} />
      <Section title={t("start.settingsTitle")}>
        <SelectField
          label={t("start.currency")}
          hint={t("start.currencyHint")}
          value={currency}
          options={CURRENCIES}
          labels={currencyLabel}
          onChange={(v) => setCurrency((v || "none") as Currency)}
        />
      </Section>
      <Section
        title={t("start.tablesTitle")}
        actions={<Badge appearance="tint">{formatCount(language, tables.length)}</Badge>}
      >
        {tables.length === 0 ? (
          <Body1>{t("start.noTables")}</Body1>
        ) : (
          <ScrollRegion className={styles.scroll} label={t("start.tablesTitle")}>
            <Table aria-label={t("start.tablesTitle")} size="small" className={styles.table}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell className={styles.name}>{t("start.colTable")}</TableHeaderCell>
                  <TableHeaderCell className={styles.name}>{t("start.colSheet")}</TableHeaderCell>
                  <TableHeaderCell className={styles.numericHead}>{t("start.colColumns")}</TableHeaderCell>
                  <TableHeaderCell className={styles.numericHead}>{t("start.colRows")}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {tables.map((table) => (
                  <TableRow key={table.name}>
                    <TableCell className={styles.name}>{table.name}</TableCell>
                    <TableCell className={styles.name}>{table.sheet}</TableCell>
                    <TableCell className={styles.numeric}>{formatCount(language, table.headers.length)}</TableCell>
                    <TableCell className={styles.numeric}>{formatCount(language, table.rowCount)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </ScrollRegion>
        )}
      </Section>
      {dialog}
    </>
  );
}
