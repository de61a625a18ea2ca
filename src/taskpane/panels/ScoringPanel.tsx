import {
  Badge,
  Body1,
  Button,
  Dropdown,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Option,
  makeStyles,
  mergeClasses,
  tokens,
  useId,
} from "@fluentui/react-components";
import { memo, startTransition, useEffect, useMemo, useRef, useState } from "react";
import type { CellValue, ColumnSpec, TableColumns } from "../../excel/types";
import { askValuesInstead } from "../payloadPrompt";
import { averageCellBytes, currentPlatform, decideRowFormulas, matrixBytes } from "../../excel/payload";
import { formatCount, formatRange } from "../../i18n";
import { BarList, type Bar } from "../BarList";
import {
  FieldRow,
  DropdownValue,
  Hint,
  LocalizedSpinButton,
  NoticeBar,
  NumberField,
  ProgressLine,
  Section,
  TableField,
  TaskStatus,
  errorSummary,
  headersOf,
  useConfirm,
  validOr,
} from "../components";
import { attempt, isErrorValue, leadGrade, leadScore, recordsOf, scoreDetail, todaySerial } from "../engineBridge";
import { outputColumn, scoreFormulas, sourceSpan } from "../formulaText";
import { WinProbabilitySection } from "./WinProbabilitySection";
import { useI18n, useTableData, useTask, useWorkbookSettings } from "../hooks";
import { OPERATORS, findOperator, operatorWord } from "../operators";
import { useMappedTable } from "../mappedColumns";
import type { PanelProps } from "../panelProps";
import { checkRules, rulesFromTable, rulesToRows, type Rule, type RuleCell, type RuleIssue } from "../rules";
import { gradeCounts, scoreBuckets, useScoringPreview } from "../scoringPreview";

const useStyles = makeStyles({
  rules: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, margin: 0, padding: 0 },
  // Six cells per rule do not fit a 320 px pane side by side: two lines per rule, under two lines of headers.
  grid: {
    display: "grid",
    gridTemplateColumns: "28px minmax(0, 4fr) minmax(0, 4fr) minmax(0, 5fr)",
    columnGap: tokens.spacingHorizontalXS,
    rowGap: tokens.spacingVerticalXXS,
    alignItems: "center",
  },
  head: {
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    paddingBottom: tokens.spacingVerticalXXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  headCell: { minWidth: 0, overflowWrap: "anywhere" },
  rule: {
    listStyleType: "none",
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  number: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, textAlign: "center" },
  control: { minWidth: 0, width: "100%", maxWidth: "100%", boxSizing: "border-box" },
  dropdownButton: { minWidth: 0 },
  spinInput: { minWidth: 0, width: "100%" },
  remove: { minWidth: "28px", width: "28px", paddingLeft: 0, paddingRight: 0 },
  issues: { gridColumn: "2 / -1", margin: 0, paddingLeft: 0, listStyleType: "none", fontSize: tokens.fontSizeBase200 },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorNeutralForeground1 },
  badges: {
    display: "flex",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    flexWrap: "wrap",
    alignItems: "center",
  },
  actions: { display: "flex", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS, flexWrap: "wrap" },
  why: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

interface ScoringSettings {
  leadsTable: string;
  rulesTable: string;
  rowLimit: number;
  /** Names of the Score / Grade / Why columns written last time, so a re-run refreshes them. */
  columns?: { score: string; grade: string; why: string };
  /** The columns were last written as computed values (they need Refresh values to update). */
  valuesWritten?: boolean;
}

/** Rule edits not yet saved, kept in the workbook so closing or reloading the pane does not lose them. */
interface RulesDraft {
  rulesTable: string;
  rules: Rule[];
  savedAt: string;
}

export const DEFAULT_ROW_LIMIT = 50_000;
export const DRAFT_SETTING = "scoringDraft";

const sameRules = (a: readonly Rule[], b: readonly Rule[]) => JSON.stringify(a) === JSON.stringify(b);

export function ScoringPanel({ ops, tables, refreshTables }: PanelProps) {
  const i18n = useI18n();
  const { t, language } = i18n;
  const chinese = language === "zh-CN";
  const styles = useStyles();
  const task = useTask();
  const { confirm, dialog } = useConfirm();
  const ids = useId("scoring-");
  const names = tables.map((x) => x.name);
  const [settings, update] = useWorkbookSettings<ScoringSettings>(ops, "scoring", {
    leadsTable: "",
    rulesTable: "",
    rowLimit: DEFAULT_ROW_LIMIT,
  });
  // The mapping's tables are the defaults (a team may score a leads table other than its deals table, so the
  // pickers stay).
  const mappedLeads = useMappedTable("deals", names);
  const mappedRules = useMappedTable("rules", names);
  const leadsTable = validOr(settings.leadsTable, names, mappedLeads ?? names.find((n) => /lead|线索/i.test(n)) ?? "");
  const rulesTable = validOr(settings.rulesTable, names, mappedRules ?? names.find((n) => /rule|规则/i.test(n)) ?? "");
  const leadHeaders = headersOf(tables, leadsTable);
  const [leadsVersion, setLeadsVersion] = useState(0);
  const [rulesVersion, setRulesVersion] = useState(0);
  const leads = useTableData(ops, leadsTable || undefined, undefined, leadsVersion);
  const rulesData = useTableData(ops, rulesTable || undefined, undefined, rulesVersion);
  const [saved, setSaved] = useState<Rule[]>([]);
  const [rules, setRules] = useState<Rule[]>([]);
  const dirty = !sameRules(rules, saved);
  const [draft, setDraft] = useState<RulesDraft | undefined>();
  const draftChecked = useRef(false);

  useEffect(() => {
    if (!rulesData.data) {
      setRules([]);
      setSaved([]);
      return;
    }
    const d = rulesData.data;
    const rows: CellValue[][] = [];
    for (let r = 0; r < d.rowCount; r++) rows.push(d.headers.map((h) => d.columns[h][r]));
    const fromTable = rulesFromTable(rows);
    setSaved(fromTable);
    setRules(fromTable);
    // Edits left unsaved when the pane was closed: offer them back (once per opening).
    if (!draftChecked.current) {
      draftChecked.current = true;
      ops
        .getSetting<RulesDraft | null>(DRAFT_SETTING)
        .then((stored) => {
          if (
            stored &&
            stored.rulesTable === d.name &&
            Array.isArray(stored.rules) &&
            !sameRules(stored.rules, fromTable)
          )
            setDraft(stored);
        })
        .catch(() => undefined);
    }
  }, [rulesData.data, ops]);

  // Keep unsaved edits in the workbook (coalesced), and forget them once saved or discarded.
  const lastStored = useRef<string>("");
  useEffect(() => {
    if (!rulesTable || !rulesData.data || draft) return;
    const next = dirty ? JSON.stringify({ rulesTable, rules }) : "";
    if (next === lastStored.current) return;
    const timer = setTimeout(() => {
      lastStored.current = next;
      const value: RulesDraft | null = dirty ? { rulesTable, rules, savedAt: new Date().toISOString() } : null;
      ops.setSetting(DRAFT_SETTING, value).catch(() => undefined);
    }, 300);
    return () => clearTimeout(timer);
  }, [dirty, rules, rulesTable, rulesData.data, ops, draft]);

  // Closing or reloading the pane with unsaved rules: the browser asks first (the draft above is the fallback).
  useEffect(() => {
    if (!dirty) return;
    const ask = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", ask);
    return () => window.removeEventListener("beforeunload", ask);
  }, [dirty]);

  // Rule edits re-render the whole grid and the preview: as a transition, React renders them in interruptible
  // slices (the box being typed in keeps its own text meanwhile).
  const edit = (index: number, patch: Partial<Rule>) => {
    startTransition(() => setRules((list) => list.map((r, i) => (i === index ? { ...r, ...patch } : r))));
  };
  const addRule = () => {
    setRules((list) => [
      ...list,
      {
        field: leadHeaders[0] ?? "",
        operator: operatorWord(OPERATORS[0], chinese),
        value: "",
        points: 10,
        group: "",
        cap: null,
      },
    ]);
  };
  const removeRule = (index: number) => setRules((list) => list.filter((_, i) => i !== index));

  const span = useMemo(() => sourceSpan(leads.data?.headers ?? []), [leads.data]);
  const issues = useMemo(() => checkRules(rules, span?.headers ?? [], t), [rules, span, t]);
  const errors = issues.filter((x) => x.severity === "error");
  const errorRules = [...new Set(errors.map((x) => x.rule + 1))];
  const issueOf = (rule: number, cell: RuleCell): RuleIssue | undefined =>
    issues.find((x) => x.rule === rule && x.cell === cell);
  const issueId = (rule: number) => `${ids}rule-${rule}-issues`;

  const ruleMatrix = useMemo(() => rulesToRows(rules), [rules]);
  const previewRules = useMemo(() => (errors.length > 0 ? [] : ruleMatrix), [errors.length, ruleMatrix]);

  const columnNames = useMemo(() => {
    const headers = leads.data?.headers ?? leadHeaders;
    return {
      score: outputColumn("score", headers, chinese, settings.columns?.score),
      grade: outputColumn("grade", headers, chinese, settings.columns?.grade),
      why: outputColumn("why", headers, chinese, settings.columns?.why),
    };
  }, [leads.data, leadHeaders, chinese, settings.columns]);

  const rulesList = (numbers: number[]) => numbers.map((n) => formatCount(language, n)).join(chinese ? "、" : ", ");
  const saveBlocked = !rulesTable
    ? t("scoring.pickRulesTable")
    : errors.length > 0
      ? t("scoring.fixRulesFirst", { rules: rulesList(errorRules) })
      : !dirty
        ? undefined
        : undefined;
  const columnsBlocked =
    !leadsTable || !rulesTable || !leads.data
      ? t("scoring.pickTables")
      : errors.length > 0
        ? t("scoring.fixRulesFirst", { rules: rulesList(errorRules) })
        : dirty
          ? t("scoring.saveFirst")
          : undefined;

  const saveRules = async () => {
    if (saveBlocked) return;
    const rows = rulesToRows(rules);
    const plan = await task.run(() => ops.planTableRows(rulesTable, rows), undefined, "save");
    if (!plan) return;
    const answer = await confirm({
      title: t("scoring.saveTitle"),
      message: t("scoring.saveMessage", {
        table: rulesTable,
        cells: formatCount(language, plan.cellsToChange),
        added: formatCount(language, plan.rowsAdded),
        removed: formatCount(language, plan.rowsCleared),
      }),
      confirmLabel: t("scoring.saveConfirm"),
    });
    if (answer !== "confirm") return;
    const written = await task.run(
      (signal, onProgress) => ops.replaceTableRows(rulesTable, rows, { signal, onProgress }),
      () => t("scoring.saved", { count: formatCount(language, rules.length) }),
      "save",
    );
    if (!written) return;
    setSaved(rules);
    lastStored.current = "";
    await ops.setSetting(DRAFT_SETTING, null).catch(() => undefined);
    setRulesVersion((v) => v + 1);
    await refreshTables();
  };

  const addScoreColumns = async (refresh = false) => {
    if (columnsBlocked || !leads.data || !span) return;
    const rowCount = leads.data.rowCount;
    let mode: "formulas" | "values" = refresh ? "values" : "formulas";
    // What one edit of the table makes Excel send: every row's LEADSCORE and SCOREDETAIL call carries its row,
    // the rules table and the header row (src/excel/payload.ts).
    const payload = decideRowFormulas({
      platform: currentPlatform(),
      rows: rowCount,
      rowCells: span.headers.length,
      bytesPerCell: averageCellBytes(span.headers.map((h) => leads.data?.columns[h] ?? [])),
      sharedBytes: matrixBytes(ruleMatrix) + matrixBytes([span.headers]),
      callsPerRow: 2,
    });
    if (refresh) {
      // Refresh values: recompute what was written as values, with the same confirmation of changed cells below.
    } else if (payload.mode === "values") {
      const message = payload.web ? "scoring.payloadWeb" : "scoring.payloadDesktop";
      const answer = await askValuesInstead(confirm, i18n, message, payload, rowCount, "scoring.writeFormulas");
      if (answer === "cancel") return;
      mode = answer;
    } else if (rowCount > settings.rowLimit) {
      const answer = await confirm({
        title: t("scoring.bigTitle"),
        message: t("scoring.bigMessage", {
          rows: formatCount(language, rowCount),
          limit: formatCount(language, settings.rowLimit),
        }),
        confirmLabel: t("scoring.writeValues"),
        alternateLabel: t("scoring.writeFormulas"),
      });
      if (answer === "cancel") return;
      mode = answer === "confirm" ? "values" : "formulas";
    }
    const names = columnNames;
    let specs: ColumnSpec[];
    let computedErrors: { rows: number; codes: Record<string, number> } | undefined;
    if (mode === "formulas") {
      const f = scoreFormulas(leadsTable, rulesTable, leads.data.headers, names.score);
      specs = [
        { name: names.score, formula: () => f.score },
        { name: names.grade, formula: () => f.grade },
        { name: names.why, formula: () => f.why },
      ];
    } else {
      const records = recordsOf(leads.data, span.headers);
      const computed = attempt(() => {
        const asOf = todaySerial();
        const scores = leadScore(records, ruleMatrix, [span.headers], asOf);
        const grades = leadGrade(scores);
        const details = scoreDetail(records, ruleMatrix, [span.headers], asOf);
        const codes: Record<string, number> = {};
        let rows = 0;
        const cell = (v: unknown, row: { erred: boolean }): CellValue => {
          if (!isErrorValue(v)) return v as CellValue;
          codes[v.code] = (codes[v.code] ?? 0) + 1;
          row.erred = true;
          return v.code;
        };
        const out = { scores: [] as CellValue[], grades: [] as CellValue[], details: [] as CellValue[] };
        for (let i = 0; i < scores.length; i++) {
          const row = { erred: false };
          out.scores.push(cell(scores[i][0], row));
          out.grades.push(cell(grades[i][0], row));
          out.details.push(cell(details[i][0], row));
          if (row.erred) rows++;
        }
        return { ...out, errors: { rows, codes } };
      });
      if (computed.error !== undefined) {
        task.setNotice({ intent: "error", text: t("common.failed", { reason: computed.error }) }, "columns");
        return;
      }
      computedErrors = computed.value.errors;
      specs = [
        { name: names.score, values: computed.value.scores },
        { name: names.grade, values: computed.value.grades },
        { name: names.why, values: computed.value.details },
      ];
    }
    const plan = await task.run(() => ops.planColumns(leadsTable, specs), undefined, "columns");
    if (!plan) return;
    if (plan.cellsToChange > 0) {
      const answer = await confirm({
        title: t("scoring.replaceTitle"),
        message: t("scoring.replaceMessage", {
          cells: formatCount(language, plan.cellsToChange),
          columns: plan.existingColumns.join(chinese ? "、" : ", "),
        }),
        confirmLabel: t("common.replace"),
      });
      if (answer !== "confirm") return;
    }
    const written = await task.run(
      async (signal, onProgress) => {
        await ops.addColumns(leadsTable, specs, { signal, onProgress });
        // What the written cells show, not what was meant: formulas that evaluate to errors are reported.
        if (computedErrors) return computedErrors;
        return toErrors(await ops.countErrorRows(leadsTable, [names.score, names.grade, names.why]));
      },
      (erred) => {
        const rows = formatCount(language, rowCount);
        if (erred.rows > 0) {
          return {
            intent: "warning",
            text: t("scoring.columnsErred", {
              rows,
              errors: formatCount(language, erred.rows),
              codes: errorSummary(erred.codes),
              why: names.why,
            }),
          };
        }
        return mode === "formulas" ? t("scoring.columnsAdded", { rows }) : t("scoring.valuesWritten", { rows });
      },
      "columns",
    );
    if (written) update({ columns: names, valuesWritten: mode === "values" });
    await refreshTables();
    setLeadsVersion((v) => v + 1);
  };

  const restoreDraft = () => {
    if (draft) setRules(draft.rules);
    setDraft(undefined);
  };
  const discardDraft = () => {
    setDraft(undefined);
    lastStored.current = "";
    ops.setSetting(DRAFT_SETTING, null).catch(() => undefined);
  };

  const operatorOptions = OPERATORS.map((op) => operatorWord(op, chinese));
  const saveReasonId = `${ids}save-reason`;
  const columnsReasonId = `${ids}columns-reason`;
  const invalidProps = (i: number, cell: RuleCell) => {
    const issue = issueOf(i, cell);
    return issue?.severity === "error"
      ? { "aria-invalid": true as const, "aria-describedby": issueId(i) }
      : issue
        ? { "aria-describedby": issueId(i) }
        : {};
  };

  return (
    <>
      <Section title={t("scoring.tablesTitle")}>
        <FieldRow>
          <TableField
            label={t("scoring.leadsTable")}
            tables={tables}
            value={leadsTable}
            onChange={(v) => update({ leadsTable: v })}
          />
          <TableField
            label={t("scoring.rulesTable")}
            tables={tables}
            value={rulesTable}
            onChange={(v) => update({ rulesTable: v })}
          />
        </FieldRow>
        <NoticeBar notice={leads.error ? { intent: "error", text: leads.error } : undefined} />
        <NoticeBar notice={rulesData.error ? { intent: "error", text: rulesData.error } : undefined} />
      </Section>

      <Section
        title={t("scoring.rulesTitle")}
        actions={
          dirty ? (
            <Badge appearance="tint" color="warning">
              {t("scoring.unsaved")}
            </Badge>
          ) : undefined
        }
      >
        {draft ? (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>
              {t("scoring.draftFound", { table: draft.rulesTable, count: formatCount(language, draft.rules.length) })}
            </MessageBarBody>
            <MessageBarActions>
              <Button size="small" appearance="primary" onClick={restoreDraft}>
                {t("scoring.draftRestore")}
              </Button>
              <Button size="small" onClick={discardDraft}>
                {t("scoring.draftDiscard")}
              </Button>
            </MessageBarActions>
          </MessageBar>
        ) : null}
        {/* Column headers for sighted users; every control also carries its own name ("Points of rule 3"). */}
        <div className={mergeClasses(styles.grid, styles.head)} aria-hidden="true">
          <span className={styles.headCell}>#</span>
          <span className={styles.headCell}>{t("scoring.colField")}</span>
          <span className={styles.headCell}>{t("scoring.colOperator")}</span>
          <span className={styles.headCell}>{t("scoring.colValue")}</span>
          <span />
          <span className={styles.headCell}>{t("scoring.colPoints")}</span>
          <span className={styles.headCell}>{t("scoring.colGroup")}</span>
          <span className={styles.headCell}>{t("scoring.colCap")}</span>
        </div>
        <ol className={styles.rules} aria-label={t("scoring.rulesTitle")}>
          {rules.map((rule, i) => {
            const n = i + 1;
            const op = findOperator(rule.operator);
            const opShown = op ? operatorWord(op, chinese) : rule.operator;
            const ruleIssues = issues.filter((x) => x.rule === i);
            return (
              <li key={i} className={mergeClasses(styles.grid, styles.rule)} aria-label={t("scoring.ruleN", { n })}>
                <span className={styles.number} aria-hidden="true">
                  {n}
                </span>
                <Dropdown
                  className={styles.control}
                  button={{
                    className: styles.dropdownButton,
                    title: rule.field,
                    children: <DropdownValue text={rule.field} />,
                  }}
                  aria-label={t("scoring.fieldOf", { n })}
                  value={rule.field}
                  selectedOptions={[rule.field]}
                  onOptionSelect={(_, d) => edit(i, { field: d.optionValue ?? "" })}
                  clearButton={{ "aria-label": t("common.clearSelection") }}
                  {...invalidProps(i, "field")}
                >
                  {(leadHeaders.includes(rule.field) || rule.field === ""
                    ? leadHeaders
                    : [rule.field, ...leadHeaders]
                  ).map((h) => (
                    <Option key={h} value={h}>
                      {h}
                    </Option>
                  ))}
                </Dropdown>
                <Dropdown
                  className={styles.control}
                  button={{
                    className: styles.dropdownButton,
                    title: opShown,
                    children: <DropdownValue text={opShown} />,
                  }}
                  aria-label={t("scoring.operatorOf", { n })}
                  value={opShown}
                  selectedOptions={[opShown]}
                  onOptionSelect={(_, d) => edit(i, { operator: d.optionValue ?? "" })}
                  clearButton={{ "aria-label": t("common.clearSelection") }}
                  {...invalidProps(i, "operator")}
                >
                  {(op ? operatorOptions : [rule.operator, ...operatorOptions]).map((o) => (
                    <Option key={o} value={o}>
                      {o}
                    </Option>
                  ))}
                </Dropdown>
                <Input
                  className={styles.control}
                  aria-label={t("scoring.valueOf", { n })}
                  value={rule.value}
                  disabled={op?.noValue}
                  onChange={(_, d) => edit(i, { value: d.value })}
                  {...invalidProps(i, "value")}
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
                <LocalizedSpinButton
                  className={styles.control}
                  input={{ className: styles.spinInput }}
                  aria-label={t("scoring.pointsOf", { n })}
                  value={typeof rule.points === "number" ? rule.points : null}
                  text={typeof rule.points === "string" ? rule.points : undefined}
                  onNumber={(v) => edit(i, { points: v })}
                  onProblem={(message, text) => message && edit(i, { points: text })}
                  {...invalidProps(i, "points")}
                />
                <Input
                  className={styles.control}
                  aria-label={t("scoring.groupOf", { n })}
                  value={rule.group}
                  onChange={(_, d) => edit(i, { group: d.value })}
                  {...invalidProps(i, "group")}
                />
                <LocalizedSpinButton
                  className={styles.control}
                  input={{ className: styles.spinInput }}
                  aria-label={t("scoring.capOf", { n })}
                  value={typeof rule.cap === "number" ? rule.cap : null}
                  text={typeof rule.cap === "string" ? rule.cap : undefined}
                  allowBlank
                  onNumber={(v) => edit(i, { cap: v })}
                  onBlank={() => edit(i, { cap: null })}
                  onProblem={(message, text) => message && edit(i, { cap: text })}
                  {...invalidProps(i, "cap")}
                />
                {ruleIssues.length > 0 ? (
                  <ul className={styles.issues} id={issueId(i)}>
                    {ruleIssues.map((x, k) => (
                      <li key={k} className={x.severity === "error" ? styles.error : styles.warning}>
                        {t(x.severity === "error" ? "scoring.issueError" : "scoring.issueWarning", {
                          cell: t(`scoring.col${x.cell[0].toUpperCase()}${x.cell.slice(1)}` as "scoring.colField"),
                          message: x.message,
                        })}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            );
          })}
        </ol>
        <Hint>{t("scoring.gridHint")}</Hint>
        <div className={styles.actions}>
          <Button onClick={addRule} disabled={!rulesTable}>
            {t("scoring.addRule")}
          </Button>
          <Button
            appearance="primary"
            onClick={saveRules}
            disabledFocusable={Boolean(saveBlocked) || task.running}
            aria-describedby={saveBlocked ? saveReasonId : undefined}
          >
            {t("scoring.save")}
          </Button>
        </div>
        {saveBlocked ? (
          <span id={saveReasonId} className={styles.why}>
            {saveBlocked}
          </span>
        ) : null}
        <TaskStatus task={task} origin="save" />
      </Section>

      <PreviewSection
        table={leads.data}
        headers={span?.headers}
        rules={previewRules}
        blocked={errors.length > 0 ? rulesList(errorRules) : undefined}
      />

      <Section title={t("scoring.columnsTitle")}>
        <Body1>
          {t("scoring.columnsHelp", { score: columnNames.score, grade: columnNames.grade, why: columnNames.why })}
        </Body1>
        <FieldRow>
          <NumberField
            label={t("scoring.rowLimit")}
            hint={t("scoring.rowLimitHint")}
            kind="integer"
            value={settings.rowLimit}
            min={1}
            step={1000}
            onNumber={(v) => update({ rowLimit: v })}
          />
        </FieldRow>
        <div className={styles.actions}>
          <Button
            appearance="primary"
            onClick={() => void addScoreColumns()}
            disabledFocusable={Boolean(columnsBlocked) || task.running}
            aria-describedby={columnsBlocked ? columnsReasonId : undefined}
          >
            {t("scoring.addColumns")}
          </Button>
          {settings.valuesWritten ? (
            <Button
              onClick={() => void addScoreColumns(true)}
              disabledFocusable={Boolean(columnsBlocked) || task.running}
              aria-describedby={columnsBlocked ? columnsReasonId : undefined}
            >
              {t("scoring.refreshValues")}
            </Button>
          ) : null}
        </div>
        {columnsBlocked ? (
          <span id={columnsReasonId} className={styles.why}>
            {columnsBlocked}
          </span>
        ) : null}
        <TaskStatus task={task} origin="columns" />
      </Section>

      <WinProbabilitySection
        ops={ops}
        tables={tables}
        leadsTable={leadsTable}
        data={leads.data}
        rules={previewRules}
        rulesBroken={errors.length > 0}
        refreshTables={refreshTables}
        onWritten={() => setLeadsVersion((v) => v + 1)}
      />
      {dialog}
    </>
  );
}

function toErrors(count: { errorRows: number; codes: Record<string, number> }): {
  rows: number;
  codes: Record<string, number>;
} {
  return { rows: count.errorRows, codes: count.codes };
}

/**
 * The live preview in a component of its own: its progress and results re-render only this section, not the
 * rules grid above it (a re-render of the whole panel per progress step would itself block the pane).
 */
const PreviewSection = memo(function PreviewSection(props: {
  table: TableColumns | undefined;
  headers: string[] | undefined;
  rules: CellValue[][];
  blocked: string | undefined;
}) {
  const { t, language } = useI18n();
  const styles = useStyles();
  const preview = useScoringPreview(props.table, props.headers, props.rules);
  const shown = preview.status === "done" ? preview.value : undefined;
  const distribution = useMemo(
    (): Bar[] =>
      shown
        ? scoreBuckets(shown.scores).map((b) => ({
            label: b.low === b.high ? formatCount(language, b.low) : formatRange(language, b.low, b.high),
            value: b.count,
            display: formatCount(language, b.count),
          }))
        : [],
    [shown, language],
  );
  const grades = useMemo(() => (shown ? gradeCounts(shown.grades) : []), [shown]);
  return (
    <Section title={t("scoring.previewTitle")}>
      {!props.table ? (
        <Body1>{t("scoring.pickTables")}</Body1>
      ) : props.blocked !== undefined ? (
        <NoticeBar notice={{ intent: "warning", text: t("scoring.previewBlocked", { rules: props.blocked }) }} />
      ) : preview.status === "error" ? (
        <NoticeBar notice={{ intent: "warning", text: t("scoring.previewError", { reason: preview.error }) }} />
      ) : preview.status === "computing" || !shown ? (
        <ProgressLine
          label={t("scoring.computing")}
          done={preview.status === "computing" ? preview.done : 0}
          total={preview.status === "computing" ? preview.total : props.table.rowCount}
        />
      ) : (
        <>
          <div className={styles.badges} aria-label={t("scoring.grades")} role="group">
            <Body1>{t("scoring.grades")}</Body1>
            {grades.map(([grade, count]) => (
              <Badge
                key={grade}
                appearance="filled"
                color={grade === "A" ? "success" : grade === "B" ? "brand" : "informative"}
              >
                {t("scoring.gradeCount", { grade, count: formatCount(language, count) })}
              </Badge>
            ))}
          </div>
          <BarList bars={distribution} label={t("scoring.distribution")} />
          <Hint>{t("scoring.previewHint", { rows: formatCount(language, props.table.rowCount) })}</Hint>
        </>
      )}
    </Section>
  );
});
