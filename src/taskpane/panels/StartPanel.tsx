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
import { engineLang } from "../../i18n";
import { insertSampleWorkbook } from "../../sample/insert";
import type { PanelProps } from "../panelProps";
import { Hint, Section, TaskStatus } from "../components";
import { useI18n, useTask } from "../hooks";

const useStyles = makeStyles({
  actions: { display: "flex", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  numeric: { textAlign: "end" },
});

export function StartPanel({ ops, tables, refreshTables }: PanelProps) {
  const { t, language } = useI18n();
  const styles = useStyles();
  const task = useTask();

  const insertSample = async () => {
    await task.run(
      async (signal, onProgress) => {
        const inserted = await insertSampleWorkbook(ops, engineLang(language), { signal, onProgress });
        await refreshTables();
        return inserted;
      },
      (inserted) =>
        t("start.sampleInserted", {
          sheets: inserted.sheets.join(language === "zh-CN" ? "、" : ", "),
          chart: inserted.chartType === "Funnel" ? t("start.chartFunnel") : t("start.chartBar"),
        }),
    );
  };

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
        <TaskStatus task={task} />
      </Section>
      <Section title={t("start.tablesTitle")} actions={<Badge appearance="tint">{tables.length}</Badge>}>
        {tables.length === 0 ? (
          <Body1>{t("start.noTables")}</Body1>
        ) : (
          <Table aria-label={t("start.tablesTitle")} size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t("start.colTable")}</TableHeaderCell>
                <TableHeaderCell>{t("start.colSheet")}</TableHeaderCell>
                <TableHeaderCell className={styles.numeric}>{t("start.colColumns")}</TableHeaderCell>
                <TableHeaderCell className={styles.numeric}>{t("start.colRows")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {tables.map((table) => (
                <TableRow key={table.name}>
                  <TableCell>{table.name}</TableCell>
                  <TableCell>{table.sheet}</TableCell>
                  <TableCell className={styles.numeric}>{table.headers.length}</TableCell>
                  <TableCell className={styles.numeric}>{table.rowCount}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Section>
    </>
  );
}
