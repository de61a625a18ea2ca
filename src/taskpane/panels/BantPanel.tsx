import { Badge, Body1, Button, Combobox, Field, Option, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo, useRef, useState } from "react";
import { formatCount } from "../../i18n";
import { FromMapping, useMappedColumns, useMappedTable } from "../mappedColumns";
import type { PanelProps } from "../panelProps";
import { BarList } from "../BarList";
import {
  FieldRow,
  Hint,
  NoticeBar,
  NumberField,
  ProgressLine,
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
import { asColumn, bant, bantMissing, distinctValues, isErrorValue, todaySerial } from "../engineBridge";
import { averageCellBytes, currentPlatform, decideRowFormulas } from "../../excel/payload";
import { askValuesInstead } from "../payloadPrompt";
import type { CellValue, ColumnSpec } from "../../excel/types";
import { inSlices, useSliced } from "../slices";
import { bantFormula, outputColumn } from "../formulaText";
import { useI18n, useTableData, useTask, useWorkbookSettings } from "../hooks";

const useStyles = makeStyles({
  summary: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  actions: { display: "flex", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  combobox: { minWidth: 0, width: "100%" },
});

export const BANT_CANDIDATES = {
  budget: ["Budget", "预算", "预算金额", "Budget amount"],
  authority: ["Authority", "决策人", "决策者", "Decision maker", "DecisionMaker", "权限"],
  need: ["Need", "需求", "Needs", "痛点", "Pain"],
  timeline: ["Timeline", "采购时间", "预计采购时间", "Timing", "Time frame", "时间线", "Purchase date"],
  stage: ["Stage", "阶段", "销售阶段", "Pipeline stage"],
} as const;

interface BantSettings {
  table: string;
  budget: string;
  authority: string;
  need: string;
  timeline: string;
  minBudget: number | null;
  withinDays: number;
  required: number;
  stageColumn: string;
  firstStage: string;
  /** Name of the Qualified column written last time, so a re-run refreshes it. */
  qualifiedColumn?: string;
}

export function BantPanel({ ops, tables, refreshTables, openPanel }: PanelProps) {
  const i18n = useI18n();
  const { t, language } = i18n;
  const chinese = language === "zh-CN";
  const styles = useStyles();
  const task = useTask();
  const { confirm, dialog } = useConfirm();
  const names = tables.map((x) => x.name);
  const [settings, update] = useWorkbookSettings<BantSettings>(ops, "bant", {
    table: "",
    budget: "",
    authority: "",
    need: "",
    timeline: "",
    minBudget: null,
    withinDays: 90,
    required: 4,
    stageColumn: "",
    firstStage: "",
  });
  // Map once: what the mapping settles is not asked for here (see mappedColumns.tsx).
  const mappedTable = useMappedTable("deals", names);
  const table =
    mappedTable ??
    validOr(
      settings.table,
      names,
      tables.find((x) => detectColumn(x.headers, BANT_CANDIDATES.budget) !== "")?.name ?? names[0] ?? "",
    );
  const headers = headersOf(tables, table);
  const fromMapping = useMappedColumns(table, headers);
  const pick = (saved: string, role: keyof typeof BANT_CANDIDATES) =>
    fromMapping.column(role) ?? validOr(saved, headers, detectColumn(headers, BANT_CANDIDATES[role]));
  const budget = pick(settings.budget, "budget");
  const authority = pick(settings.authority, "authority");
  const need = pick(settings.need, "need");
  const timeline = pick(settings.timeline, "timeline");
  const stageColumn = pick(settings.stageColumn, "stage");
  const mapped = budget !== "" && authority !== "" && need !== "" && timeline !== "";

  const [version, setVersion] = useState(0);
  const columns = useMemo(
    () => [...new Set([budget, authority, need, timeline, stageColumn].filter((c) => c !== ""))],
    [budget, authority, need, timeline, stageColumn],
  );
  const data = useTableData(ops, table && columns.length > 0 ? table : undefined, columns, version);

  const stagesTable = tables.find((x) => x.name !== table && /stage|阶段/i.test(x.name));
  const stagesData = useTableData(ops, stagesTable?.name, stagesTable ? [stagesTable.headers[0]] : undefined);
  const stageOptions = useMemo(() => {
    const fromTable =
      stagesTable && stagesData.data ? distinctValues(stagesData.data.columns[stagesTable.headers[0]] ?? []) : [];
    const fromData = stageColumn && data.data ? distinctValues(data.data.columns[stageColumn] ?? []) : [];
    return [...new Set([...fromTable, ...fromData])];
  }, [stagesTable, stagesData.data, stageColumn, data.data]);
  const firstStage = settings.firstStage !== "" ? settings.firstStage : (stageOptions[0] ?? "");

  // Computed in slices: a 60,000-row table must not freeze the pane (each slice is a few milliseconds).
  const reads = useRef(0);
  const dataVersion = useMemo(() => (data.data ? ++reads.current : 0), [data.data]);
  const previewKey =
    mapped && data.data
      ? JSON.stringify([
          dataVersion,
          budget,
          authority,
          need,
          timeline,
          settings.minBudget,
          settings.withinDays,
          settings.required,
        ])
      : undefined;
  // SALES.BANT's arguments as the formula passes them, over the columns `col` gives (the preview's slices, or all rows).
  const bantArgs = (col: (name: string) => unknown[][], asOf: number) =>
    [
      col(budget),
      col(authority),
      col(need),
      col(timeline),
      settings.minBudget,
      settings.withinDays,
      settings.required,
      asOf,
    ] as const;
  const sliced = useSliced(previewKey, async (signal, onProgress) => {
    const table = data.data!;
    const n = table.rowCount;
    const qualified = new Array<boolean>(n);
    const unmet = { B: 0, A: 0, N: 0, T: 0 };
    const asOf = todaySerial();
    await inSlices(
      n,
      (start, end) => {
        const col = (name: string) => asColumn((table.columns[name] ?? []).slice(start, end));
        const args = bantArgs(col, asOf);
        bant(...args).forEach((r, i) => (qualified[start + i] = r[0] === true));
        for (const r of bantMissing(...args)) {
          for (const letter of String(r[0]).split(",")) if (letter in unmet) unmet[letter as keyof typeof unmet]++;
        }
      },
      { signal, onProgress, size: 1000 },
    );
    return { qualified, unmet, total: n };
  });
  const result =
    sliced.status === "done"
      ? { value: sliced.value }
      : sliced.status === "error"
        ? { error: sliced.error, value: undefined }
        : undefined;

  const qualifiedRows = useMemo(
    () => (sliced.status === "done" ? sliced.value.qualified.flatMap((q, i) => (q ? [i] : [])) : []),
    [sliced],
  );

  const qualifiedColumn = outputColumn("qualified", headers, chinese, settings.qualifiedColumn);

  const addQualifiedColumn = async () => {
    if (!mapped) return;
    const formula = bantFormula(table, {
      budget,
      authority,
      need,
      timeline,
      minBudget: settings.minBudget ?? undefined,
      withinDays: settings.withinDays,
      required: settings.required,
    });
    const column = qualifiedColumn;
    // Every edit of the table recalculates each row's SALES.BANT, each call carrying its four cells: when one edit
    // would send more than the platform's budget (src/excel/payload.ts), offer computed values instead.
    const rows = data.data?.rowCount ?? 0;
    const cells = [budget, authority, need, timeline];
    const payload = decideRowFormulas({
      platform: currentPlatform(),
      rows,
      rowCells: 4,
      bytesPerCell: averageCellBytes(cells.map((c) => data.data?.columns[c] ?? [])),
      sharedBytes: 48,
      callsPerRow: 1,
    });
    let asValues = false;
    if (payload.mode === "values" && data.data) {
      const message = payload.web ? "bant.payloadWeb" : "bant.payloadDesktop";
      const answer = await askValuesInstead(confirm, i18n, message, payload, rows, "scoring.writeFormulas");
      if (answer === "cancel") return;
      asValues = answer === "values";
    }
    let specs: ColumnSpec[] = [{ name: column, formula: () => formula }];
    if (asValues && data.data) {
      // What each row's formula would show today: TRUE/FALSE, or the error's code as text.
      const col = (name: string) => asColumn(data.data!.columns[name] ?? []);
      const computed = bant(...bantArgs(col, todaySerial())).map((r): CellValue =>
        isErrorValue(r[0]) ? r[0].code : (r[0] as CellValue),
      );
      specs = [{ name: column, values: computed }];
    }
    const plan = await task.run(() => ops.planColumns(table, specs), undefined, "qualified");
    if (!plan) return;
    if (plan.cellsToChange > 0) {
      const answer = await confirm({
        title: t("bant.replaceTitle"),
        message: t("bant.replaceMessage", { cells: formatCount(language, plan.cellsToChange), column }),
        confirmLabel: t("common.replace"),
      });
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
              text: t("bant.columnErred", {
                column,
                rows: formatCount(language, erred.rows),
                errors: formatCount(language, erred.errorRows),
                codes: errorSummary(erred.codes),
              }),
            }
          : t(asValues ? "bant.valuesWritten" : "bant.columnAdded", { column }),
      "qualified",
    );
    update({ qualifiedColumn: column });
    await refreshTables();
  };

  const moveIntoPipeline = async () => {
    if (!stageColumn || firstStage.trim() === "") return;
    const plan = await task.run(() => ops.planStages(table, stageColumn, qualifiedRows), undefined, "move");
    if (!plan) return;
    if (plan.rowsToSet.length === 0) {
      task.setNotice(
        { intent: "info", text: t("bant.nothingToMove", { kept: formatCount(language, plan.rowsKept.length) }) },
        "move",
      );
      return;
    }
    const answer = await confirm({
      title: t("bant.moveTitle"),
      message: t("bant.moveMessage", {
        rows: formatCount(language, plan.rowsToSet.length),
        stage: firstStage,
        kept: formatCount(language, plan.rowsKept.length),
        column: stageColumn,
      }),
      confirmLabel: t("bant.moveConfirm"),
    });
    if (answer !== "confirm") return;
    await task.run(
      (signal, onProgress) =>
        ops.setBlankStages(table, stageColumn, plan.rowsToSet, firstStage.trim(), { signal, onProgress }),
      (count) => t("bant.moved", { rows: formatCount(language, count), stage: firstStage }),
      "move",
    );
    setVersion((v) => v + 1);
  };

  const unmet = result?.value?.unmet;
  const total = result?.value?.total ?? 0;
  const criteria: Array<[string, keyof NonNullable<typeof unmet>]> = [
    [t("bant.budget"), "B"],
    [t("bant.authority"), "A"],
    [t("bant.need"), "N"],
    [t("bant.timeline"), "T"],
  ];

  return (
    <>
      <Section title={t("bant.mappingTitle")}>
        <FromMapping
          items={[
            [t("common.table"), mappedTable],
            [t("bant.budget"), fromMapping.column("budget")],
            [t("bant.authority"), fromMapping.column("authority")],
            [t("bant.need"), fromMapping.column("need")],
            [t("bant.timeline"), fromMapping.column("timeline")],
          ]}
          openPanel={openPanel}
        />
        {mappedTable ? null : (
          <FieldRow>
            <TableField
              label={t("common.table")}
              tables={tables}
              value={table}
              onChange={(v) => update({ table: v })}
            />
          </FieldRow>
        )}
        <FieldRow>
          {fromMapping.column("budget") ? null : (
            <SelectField
              label={t("bant.budget")}
              value={budget}
              options={headers}
              onChange={(v) => update({ budget: v })}
            />
          )}
          {fromMapping.column("authority") ? null : (
            <SelectField
              label={t("bant.authority")}
              value={authority}
              options={headers}
              onChange={(v) => update({ authority: v })}
            />
          )}
          {fromMapping.column("need") ? null : (
            <SelectField label={t("bant.need")} value={need} options={headers} onChange={(v) => update({ need: v })} />
          )}
          {fromMapping.column("timeline") ? null : (
            <SelectField
              label={t("bant.timeline")}
              value={timeline}
              options={headers}
              onChange={(v) => update({ timeline: v })}
            />
          )}
        </FieldRow>
        <FieldRow>
          <NumberField
            label={t("bant.minBudget")}
            hint={t("bant.minBudgetHint")}
            kind="money"
            allowBlank
            min={0}
            value={settings.minBudget}
            onNumber={(v) => update({ minBudget: v })}
            onBlank={() => update({ minBudget: null })}
          />
          <NumberField
            label={t("bant.window")}
            hint={t("bant.windowHint")}
            kind="integer"
            value={settings.withinDays}
            min={0}
            max={3650}
            onNumber={(v) => update({ withinDays: v })}
          />
          <NumberField
            label={t("bant.required")}
            hint={t("bant.requiredHint")}
            kind="integer"
            value={settings.required}
            min={1}
            max={4}
            onNumber={(v) => update({ required: v })}
          />
        </FieldRow>
        <NoticeBar notice={data.error ? { intent: "error", text: data.error } : undefined} />
      </Section>

      <Section title={t("bant.previewTitle")}>
        {!mapped ? (
          <Body1>{t("bant.mapFirst")}</Body1>
        ) : result?.error ? (
          <NoticeBar notice={{ intent: "warning", text: t("bant.previewError", { reason: result.error }) }} />
        ) : sliced.status !== "done" ? (
          <ProgressLine
            label={t("bant.computing")}
            done={sliced.status === "computing" ? sliced.done : 0}
            total={sliced.status === "computing" ? sliced.total : (data.data?.rowCount ?? 0)}
          />
        ) : (
          <>
            <div className={styles.summary} role="status">
              <Badge appearance="filled" color="success" size="large">
                {formatCount(language, qualifiedRows.length)}
              </Badge>
              <Body1>
                {t("bant.qualifiedCount", {
                  qualified: formatCount(language, qualifiedRows.length),
                  total: formatCount(language, total),
                })}
              </Body1>
            </div>
            {unmet ? (
              <BarList
                label={t("bant.criteriaMet")}
                bars={criteria.map(([label, letter]) => ({
                  label,
                  value: total - unmet[letter],
                  display: t("bant.metOf", {
                    met: formatCount(language, total - unmet[letter]),
                    total: formatCount(language, total),
                  }),
                }))}
              />
            ) : null}
          </>
        )}
        <div className={styles.actions}>
          <Button appearance="primary" onClick={addQualifiedColumn} disabled={!mapped || task.running}>
            {t("bant.addColumn", { column: qualifiedColumn })}
          </Button>
        </div>
        <TaskStatus task={task} origin="qualified" />
      </Section>

      <Section title={t("bant.pipelineTitle")}>
        <Body1>{t("bant.pipelineHelp")}</Body1>
        <FromMapping items={[[t("bant.stageColumn"), fromMapping.column("stage")]]} openPanel={openPanel} />
        <FieldRow>
          {fromMapping.column("stage") ? null : (
            <SelectField
              label={t("bant.stageColumn")}
              value={stageColumn}
              options={headers}
              onChange={(v) => update({ stageColumn: v })}
            />
          )}
          <Field label={t("bant.firstStage")} hint={t("bant.firstStageHint")}>
            <Combobox
              className={styles.combobox}
              freeform
              // Fluent's default name for the arrow button is the English word "Open".
              expandIcon={{ "aria-label": t("common.showChoices", { label: t("bant.firstStage") }) }}
              value={firstStage}
              selectedOptions={firstStage ? [firstStage] : []}
              onOptionSelect={(_, d) => update({ firstStage: d.optionValue ?? "" })}
              onChange={(e) => update({ firstStage: (e.target as HTMLInputElement).value })}
            >
              {stageOptions.map((s) => (
                <Option key={s} value={s}>
                  {s}
                </Option>
              ))}
            </Combobox>
          </Field>
        </FieldRow>
        <Hint>{t("bant.neverOverwrite")}</Hint>
        <div className={styles.actions}>
          <Button
            appearance="primary"
            onClick={moveIntoPipeline}
            disabled={!mapped || !stageColumn || firstStage.trim() === "" || qualifiedRows.length === 0 || task.running}
          >
            {t("bant.move")}
          </Button>
        </div>
        <TaskStatus task={task} origin="move" />
      </Section>
      {dialog}
    </>
  );
}
