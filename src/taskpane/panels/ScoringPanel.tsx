import {
  Badge,
  Body1,
  Button,
  Dropdown,
  Field,
  Input,
  Option,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useMemo, useState } from "react";
import type { CellValue, ColumnSpec } from "../../excel/types";
import { formatNumber } from "../../i18n";
import type { PanelProps } from "../panelProps";
import { BarList, type Bar } from "../BarList";
import { FieldRow, Hint, LocalizedSpinButton, NoticeBar, Section, TableField, TaskStatus, headersOf, useConfirm, validOr } from "../components";
import { asColumn, attempt, isErrorValue, leadGrade, leadScore, recordsOf, scoreDetail, todaySerial } from "../engineBridge";
import { SCORE_COLUMNS, scoreFormulas, sourceSpan } from "../formulaText";
import { useI18n, useTableData, useTask, useWorkbookSettings } from "../hooks";
import { OPERATORS, findOperator, operatorWord } from "../operators";
import { rulesFromTable, rulesToRows, type Rule } from "../rules";

const useStyles = makeStyles({
  rules: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, margin: 0, padding: 0 },
  rule: {
    listStyleType: "none",
    display: "grid",
    gridTemplateColumns: "auto minmax(0, 1fr) minmax(0, 1fr)",
    gridTemplateAreas: '"num field op" ". value points" ". group tail"',
    gap: tokens.spacingHorizontalXS,
    alignItems: "center",
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  ruleNumber: { gridArea: "num" },
  field: { gridArea: "field" },
  operator: { gridArea: "op" },
  value: { gridArea: "value" },
  points: { gridArea: "points" },
  group: { gridArea: "group" },
  tail: { gridArea: "tail", display: "flex", columnGap: tokens.spacingHorizontalXS, minWidth: 0 },
  cap: { flexGrow: 1 },
  remove: { minWidth: 0, flexShrink: 0 },
  badges: { display: "flex", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  actions: { display: "flex", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  control: { minWidth: 0, width: "100%" },
});

interface ScoringSettings {
  leadsTable: string;
  rulesTable: string;
  rowLimit: number;
}

export const DEFAULT_ROW_LIMIT = 50_000;

export function ScoringPanel({ ops, tables, refreshTables }: PanelProps) {
  const { t, language } = useI18n();
  const chinese = language === "zh-CN";
  const styles = useStyles();
  const task = useTask();
  const { confirm, dialog } = useConfirm();
  const names = tables.map((x) => x.name);
  const [settings, update] = useWorkbookSettings<ScoringSettings>(ops, "scoring", {
    leadsTable: "",
    rulesTable: "",
    rowLimit: DEFAULT_ROW_LIMIT,
  });
  const leadsTable = validOr(settings.leadsTable, names, names.find((n) => /lead|线索/i.test(n)) ?? "");
  const rulesTable = validOr(settings.rulesTable, names, names.find((n) => /rule|规则/i.test(n)) ?? "");
  const leadHeaders = headersOf(tables, leadsTable);
  const [version, setVersion] = useState(0);
  const leads = useTableData(ops, leadsTable || undefined, undefined, version);
  const rulesData = useTableData(ops, rulesTable || undefined, undefined, version);
  const [rules, setRules] = useState<Rule[]>([]);
  const [dirty, setDirty] = useState(false);

  useEffect(() => {
    if (!rulesData.data) {
      setRules([]);
      return;
    }
    const d = rulesData.data;
    const rows: CellValue[][] = [];
    for (let r = 0; r < d.rowCount; r++) rows.push(d.headers.map((h) => d.columns[h][r]));
    setRules(rulesFromTable(rows));
    setDirty(false);
  }, [rulesData.data]);

  const edit = (index: number, patch: Partial<Rule>) => {
    setRules((list) => list.map((r, i) => (i === index ? { ...r, ...patch } : r)));
    setDirty(true);
  };
  const addRule = () => {
    setRules((list) => [
      ...list,
      { field: leadHeaders[0] ?? "", operator: operatorWord(OPERATORS[0], chinese), value: "", points: 10, group: "", cap: null },
    ]);
    setDirty(true);
  };
  const removeRule = (index: number) => {
    setRules((list) => list.filter((_, i) => i !== index));
    setDirty(true);
  };

  const span = useMemo(() => sourceSpan(leads.data?.headers ?? []), [leads.data]);
  const preview = useMemo(() => {
    if (!leads.data || !span) return undefined;
    const records = recordsOf(leads.data, span.headers);
    const ruleMatrix = rulesToRows(rules);
    return attempt(() => {
      const scores = leadScore(records, ruleMatrix, [span.headers], todaySerial()).map((r) => r[0]);
      const grades = leadGrade(asColumn(scores)).map((r) => r[0]);
      return { scores, grades };
    });
  }, [leads.data, span, rules]);

  const distribution = useMemo((): Bar[] => {
    const numbers = (preview?.value?.scores ?? []).filter((s): s is number => typeof s === "number");
    if (numbers.length === 0) return [];
    const min = Math.min(...numbers);
    const max = Math.max(...numbers);
    const buckets = 8;
    const width = Math.max(1, Math.ceil((max - min + 1) / buckets));
    const counts = new Array<number>(buckets).fill(0);
    for (const s of numbers) counts[Math.min(buckets - 1, Math.floor((s - min) / width))]++;
    return counts
      .map((count, i) => ({ label: `${min + i * width}–${min + (i + 1) * width - 1}`, value: count }))
      .filter((b, i, all) => b.value > 0 || all.slice(i).some((x) => x.value > 0));
  }, [preview]);

  const gradeCounts = useMemo(() => {
    const counts = new Map<string, number>();
    for (const g of preview?.value?.grades ?? []) {
      const key = isErrorValue(g) ? "#VALUE!" : String(g);
      if (key === "") continue;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return [...counts.entries()].sort((a, b) => a[0].localeCompare(b[0]));
  }, [preview]);

  const saveRules = async () => {
    if (!rulesTable) return;
    const rows = rulesToRows(rules);
    const plan = await task.run(() => ops.planTableRows(rulesTable, rows));
    if (!plan) return;
    const answer = await confirm({
      title: t("scoring.saveTitle"),
      message: t("scoring.saveMessage", {
        table: rulesTable,
        cells: plan.cellsToChange,
        added: plan.rowsAdded,
        removed: plan.rowsCleared,
      }),
      confirmLabel: t("scoring.saveConfirm"),
    });
    if (answer !== "confirm") return;
    await task.run(
      (signal, onProgress) => ops.replaceTableRows(rulesTable, rows, { signal, onProgress }),
      () => t("scoring.saved", { count: rules.length }),
    );
    setDirty(false);
    setVersion((v) => v + 1);
    await refreshTables();
  };

  const addScoreColumns = async () => {
    if (!leadsTable || !rulesTable || !leads.data || !span) return;
    const rowCount = leads.data.rowCount;
    let mode: "formulas" | "values" = "formulas";
    if (rowCount > settings.rowLimit) {
      const answer = await confirm({
        title: t("scoring.bigTitle"),
        message: t("scoring.bigMessage", {
          rows: formatNumber(language, rowCount),
          limit: formatNumber(language, settings.rowLimit),
        }),
        confirmLabel: t("scoring.writeValues"),
        alternateLabel: t("scoring.writeFormulas"),
      });
      if (answer === "cancel") return;
      mode = answer === "confirm" ? "values" : "formulas";
    }
    let specs: ColumnSpec[];
    if (mode === "formulas") {
      const f = scoreFormulas(leadsTable, rulesTable, leads.data.headers);
      specs = [
        { name: SCORE_COLUMNS.score, formula: () => f.score },
        { name: SCORE_COLUMNS.grade, formula: () => f.grade },
        { name: SCORE_COLUMNS.why, formula: () => f.why },
      ];
    } else {
      const records = recordsOf(leads.data, span.headers);
      const ruleMatrix = rulesToRows(rules);
      const computed = attempt(() => {
        const asOf = todaySerial();
        const scores = leadScore(records, ruleMatrix, [span.headers], asOf);
        const grades = leadGrade(scores);
        const details = scoreDetail(records, ruleMatrix, [span.headers], asOf);
        const cell = (v: unknown): CellValue => (isErrorValue(v) ? v.code : (v as CellValue));
        return {
          scores: scores.map((r) => cell(r[0])),
          grades: grades.map((r) => cell(r[0])),
          details: details.map((r) => cell(r[0])),
        };
      });
      if (computed.error !== undefined) {
        task.setNotice({ intent: "error", text: t("common.failed", { reason: computed.error }) });
        return;
      }
      specs = [
        { name: SCORE_COLUMNS.score, values: computed.value.scores },
        { name: SCORE_COLUMNS.grade, values: computed.value.grades },
        { name: SCORE_COLUMNS.why, values: computed.value.details },
      ];
    }
    const plan = await task.run(() => ops.planColumns(leadsTable, specs));
    if (!plan) return;
    if (plan.cellsToChange > 0) {
      const answer = await confirm({
        title: t("scoring.replaceTitle"),
        message: t("scoring.replaceMessage", {
          cells: formatNumber(language, plan.cellsToChange),
          columns: plan.existingColumns.join(", "),
        }),
        confirmLabel: t("common.replace"),
      });
      if (answer !== "confirm") return;
    }
    await task.run(
      (signal, onProgress) => ops.addColumns(leadsTable, specs, { signal, onProgress }),
      () =>
        mode === "formulas"
          ? t("scoring.columnsAdded", { rows: formatNumber(language, rowCount) })
          : t("scoring.valuesWritten", { rows: formatNumber(language, rowCount) }),
    );
    await refreshTables();
    setVersion((v) => v + 1);
  };

  const operatorOptions = OPERATORS.map((op) => operatorWord(op, chinese));
  const fieldMissing = (field: string) => field !== "" && leadHeaders.length > 0 && !leadHeaders.includes(field);

  return (
    <>
      <Section title={t("scoring.tablesTitle")}>
        <FieldRow>
          <TableField label={t("scoring.leadsTable")} tables={tables} value={leadsTable} onChange={(v) => update({ leadsTable: v })} />
          <TableField label={t("scoring.rulesTable")} tables={tables} value={rulesTable} onChange={(v) => update({ rulesTable: v })} />
        </FieldRow>
        <NoticeBar notice={leads.error ? { intent: "error", text: leads.error } : undefined} />
        <NoticeBar notice={rulesData.error ? { intent: "error", text: rulesData.error } : undefined} />
      </Section>

      <Section
        title={t("scoring.rulesTitle")}
        actions={dirty ? <Badge appearance="tint" color="warning">{t("scoring.unsaved")}</Badge> : undefined}
      >
        {/* One card per rule: a task pane is ~350 px wide, too narrow for six columns side by side. */}
        <ol className={styles.rules} aria-label={t("scoring.rulesTitle")}>
          {rules.map((rule, i) => {
            const n = i + 1;
            const op = findOperator(rule.operator);
            const opShown = op ? operatorWord(op, chinese) : rule.operator;
            return (
              <li key={i} className={styles.rule} aria-label={t("scoring.ruleN", { n })}>
                <Badge appearance="outline" className={styles.ruleNumber}>
                  {n}
                </Badge>
                <Dropdown
                  className={mergeClasses(styles.control, styles.field)}
                  aria-label={t("scoring.fieldOf", { n })}
                  value={rule.field}
                  selectedOptions={[rule.field]}
                  onOptionSelect={(_, d) => edit(i, { field: d.optionValue ?? "" })}
                >
                  {(leadHeaders.includes(rule.field) || rule.field === "" ? leadHeaders : [rule.field, ...leadHeaders]).map((h) => (
                    <Option key={h} value={h}>
                      {h}
                    </Option>
                  ))}
                </Dropdown>
                <Dropdown
                  className={mergeClasses(styles.control, styles.operator)}
                  aria-label={t("scoring.operatorOf", { n })}
                  value={opShown}
                  selectedOptions={[opShown]}
                  onOptionSelect={(_, d) => edit(i, { operator: d.optionValue ?? "" })}
                >
                  {(op ? operatorOptions : [rule.operator, ...operatorOptions]).map((o) => (
                    <Option key={o} value={o}>
                      {o}
                    </Option>
                  ))}
                </Dropdown>
                <Input
                  className={mergeClasses(styles.control, styles.value)}
                  aria-label={t("scoring.valueOf", { n })}
                  placeholder={t("scoring.colValue")}
                  value={rule.value}
                  disabled={op?.noValue}
                  onChange={(_, d) => edit(i, { value: d.value })}
                />
                <LocalizedSpinButton
                  className={mergeClasses(styles.control, styles.points)}
                  aria-label={t("scoring.pointsOf", { n })}
                  value={rule.points}
                  onNumber={(v) => edit(i, { points: v })}
                />
                <Input
                  className={mergeClasses(styles.control, styles.group)}
                  aria-label={t("scoring.groupOf", { n })}
                  placeholder={t("scoring.colGroup")}
                  value={rule.group}
                  onChange={(_, d) => edit(i, { group: d.value })}
                />
                <div className={styles.tail}>
                  <Input
                    className={mergeClasses(styles.control, styles.cap)}
                    aria-label={t("scoring.capOf", { n })}
                    placeholder={t("scoring.colCap")}
                    value={rule.cap === null ? "" : String(rule.cap)}
                    type="number"
                    min={0}
                    onChange={(_, d) => edit(i, { cap: d.value.trim() === "" ? null : Number(d.value) })}
                  />
                  <Button
                    appearance="subtle"
                    className={styles.remove}
                    aria-label={t("scoring.removeOf", { n })}
                    title={t("scoring.removeOf", { n })}
                    onClick={() => removeRule(i)}
                  >
                    ✕
                  </Button>
                </div>
              </li>
            );
          })}
        </ol>
        <Hint>{t("scoring.gridHint")}</Hint>
        {rules.some((r) => fieldMissing(r.field)) ? (
          <NoticeBar notice={{ intent: "warning", text: t("scoring.unknownField") }} />
        ) : null}
        <div className={styles.actions}>
          <Button onClick={addRule} disabled={!rulesTable}>
            {t("scoring.addRule")}
          </Button>
          <Button appearance="primary" onClick={saveRules} disabled={!rulesTable || task.running}>
            {t("scoring.save")}
          </Button>
        </div>
      </Section>

      <Section title={t("scoring.previewTitle")}>
        {!leads.data ? (
          <Body1>{t("scoring.pickTables")}</Body1>
        ) : preview?.error ? (
          <NoticeBar notice={{ intent: "warning", text: t("scoring.previewError", { reason: preview.error }) }} />
        ) : (
          <>
            <div className={styles.badges} aria-label={t("scoring.grades")}>
              <Body1>{t("scoring.grades")}</Body1>
              {gradeCounts.map(([grade, count]) => (
                <Badge key={grade} appearance="filled" color={grade === "A" ? "success" : grade === "B" ? "brand" : "informative"}>
                  {t("scoring.gradeCount", { grade, count })}
                </Badge>
              ))}
            </div>
            <BarList bars={distribution} label={t("scoring.distribution")} />
            <Hint>{t("scoring.previewHint", { rows: formatNumber(language, leads.data.rowCount) })}</Hint>
          </>
        )}
      </Section>

      <Section title={t("scoring.columnsTitle")}>
        <Body1>{t("scoring.columnsHelp")}</Body1>
        <FieldRow>
          <Field label={t("scoring.rowLimit")} hint={t("scoring.rowLimitHint")}>
            <LocalizedSpinButton
              value={settings.rowLimit}
              min={1}
              step={1000}
              onNumber={(v) => update({ rowLimit: Math.floor(v) })}
            />
          </Field>
        </FieldRow>
        {dirty ? <NoticeBar notice={{ intent: "warning", text: t("scoring.saveFirst") }} /> : null}
        <div className={styles.actions}>
          <Button appearance="primary" onClick={addScoreColumns} disabled={!leadsTable || !rulesTable || !leads.data || task.running}>
            {t("scoring.addColumns")}
          </Button>
        </div>
        <TaskStatus task={task} />
      </Section>
      {dialog}
    </>
  );
}

