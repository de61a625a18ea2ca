import {
  Badge,
  Body1,
  Button,
  Combobox,
  Field,
  Input,
  Option,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { formatNumber } from "../../i18n";
import type { PanelProps } from "../panelProps";
import { BarList } from "../BarList";
import {
  FieldRow,
  Hint,
  LocalizedSpinButton,
  NoticeBar,
  Section,
  SelectField,
  TableField,
  TaskStatus,
  detectColumn,
  headersOf,
  useConfirm,
  validOr,
} from "../components";
import { asColumn, attempt, bant, bantMissing, distinctValues, todaySerial } from "../engineBridge";
import { QUALIFIED_COLUMN, bantFormula } from "../formulaText";
import { useI18n, useTableData, useTask, useWorkbookSettings } from "../hooks";

const useStyles = makeStyles({
  summary: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  actions: { display: "flex", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  number: { maxWidth: "160px" },
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
}

export function BantPanel({ ops, tables, refreshTables }: PanelProps) {
  const { t, language } = useI18n();
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
  const table = validOr(
    settings.table,
    names,
    tables.find((x) => detectColumn(x.headers, BANT_CANDIDATES.budget) !== "")?.name ?? names[0] ?? "",
  );
  const headers = headersOf(tables, table);
  const pick = (saved: string, role: keyof typeof BANT_CANDIDATES) => validOr(saved, headers, detectColumn(headers, BANT_CANDIDATES[role]));
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
    const fromTable = stagesTable && stagesData.data ? distinctValues(stagesData.data.columns[stagesTable.headers[0]] ?? []) : [];
    const fromData = stageColumn && data.data ? distinctValues(data.data.columns[stageColumn] ?? []) : [];
    return [...new Set([...fromTable, ...fromData])];
  }, [stagesTable, stagesData.data, stageColumn, data.data]);
  const firstStage = settings.firstStage !== "" ? settings.firstStage : stageOptions[0] ?? "";

  const result = useMemo(() => {
    if (!mapped || !data.data) return undefined;
    const col = (name: string) => asColumn(data.data?.columns[name] ?? []);
    const args = [col(budget), col(authority), col(need), col(timeline), settings.minBudget, settings.withinDays, settings.required, todaySerial()] as const;
    return attempt(() => {
      const qualified = bant(...args).map((r) => r[0] === true);
      const missing = bantMissing(...args).map((r) => String(r[0]));
      const unmet = { B: 0, A: 0, N: 0, T: 0 };
      for (const m of missing) for (const letter of m.split(",")) if (letter in unmet) unmet[letter as keyof typeof unmet]++;
      return { qualified, unmet, total: qualified.length };
    });
  }, [mapped, data.data, budget, authority, need, timeline, settings.minBudget, settings.withinDays, settings.required]);

  const qualifiedRows = useMemo(
    () => (result?.value ? result.value.qualified.flatMap((q, i) => (q ? [i] : [])) : []),
    [result],
  );

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
    const specs = [{ name: QUALIFIED_COLUMN, formula: () => formula }];
    const plan = await task.run(() => ops.planColumns(table, specs));
    if (!plan) return;
    if (plan.cellsToChange > 0) {
      const answer = await confirm({
        title: t("bant.replaceTitle"),
        message: t("bant.replaceMessage", { cells: formatNumber(language, plan.cellsToChange), column: QUALIFIED_COLUMN }),
        confirmLabel: t("common.replace"),
      });
      if (answer !== "confirm") return;
    }
    await task.run(
      (signal, onProgress) => ops.addColumns(table, specs, { signal, onProgress }),
      () => t("bant.columnAdded", { column: QUALIFIED_COLUMN }),
    );
    await refreshTables();
  };

  const moveIntoPipeline = async () => {
    if (!stageColumn || firstStage.trim() === "") return;
    const plan = await task.run(() => ops.planStages(table, stageColumn, qualifiedRows));
    if (!plan) return;
    if (plan.rowsToSet.length === 0) {
      task.setNotice({ intent: "info", text: t("bant.nothingToMove", { kept: plan.rowsKept.length }) });
      return;
    }
    const answer = await confirm({
      title: t("bant.moveTitle"),
      message: t("bant.moveMessage", { rows: plan.rowsToSet.length, stage: firstStage, kept: plan.rowsKept.length, column: stageColumn }),
      confirmLabel: t("bant.moveConfirm"),
    });
    if (answer !== "confirm") return;
    await task.run(
      (signal, onProgress) => ops.setBlankStages(table, stageColumn, plan.rowsToSet, firstStage.trim(), { signal, onProgress }),
      (count) => t("bant.moved", { rows: count, stage: firstStage }),
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
        <FieldRow>
          <TableField label={t("common.table")} tables={tables} value={table} onChange={(v) => update({ table: v })} />
        </FieldRow>
        <FieldRow>
          <SelectField label={t("bant.budget")} value={budget} options={headers} onChange={(v) => update({ budget: v })} />
          <SelectField label={t("bant.authority")} value={authority} options={headers} onChange={(v) => update({ authority: v })} />
          <SelectField label={t("bant.need")} value={need} options={headers} onChange={(v) => update({ need: v })} />
          <SelectField label={t("bant.timeline")} value={timeline} options={headers} onChange={(v) => update({ timeline: v })} />
        </FieldRow>
        <FieldRow>
          <Field label={t("bant.minBudget")} hint={t("bant.minBudgetHint")} className={styles.number}>
            <Input
              type="number"
              min={0}
              value={settings.minBudget === null ? "" : String(settings.minBudget)}
              onChange={(_, d) => update({ minBudget: d.value.trim() === "" ? null : Math.max(0, Number(d.value)) })}
            />
          </Field>
          <Field label={t("bant.window")} hint={t("bant.windowHint")} className={styles.number}>
            <LocalizedSpinButton
              value={settings.withinDays}
              min={0}
              max={3650}
              onNumber={(v) => update({ withinDays: Math.floor(v) })}
            />
          </Field>
          <Field label={t("bant.required")} hint={t("bant.requiredHint")} className={styles.number}>
            <LocalizedSpinButton
              value={settings.required}
              min={1}
              max={4}
              onNumber={(v) => update({ required: Math.floor(v) })}
            />
          </Field>
        </FieldRow>
        <NoticeBar notice={data.error ? { intent: "error", text: data.error } : undefined} />
      </Section>

      <Section title={t("bant.previewTitle")}>
        {!mapped ? (
          <Body1>{t("bant.mapFirst")}</Body1>
        ) : result?.error ? (
          <NoticeBar notice={{ intent: "warning", text: t("bant.previewError", { reason: result.error }) }} />
        ) : (
          <>
            <div className={styles.summary} role="status">
              <Badge appearance="filled" color="success" size="large">
                {formatNumber(language, qualifiedRows.length)}
              </Badge>
              <Body1>{t("bant.qualifiedCount", { qualified: qualifiedRows.length, total })}</Body1>
            </div>
            {unmet ? (
              <BarList
                label={t("bant.criteriaMet")}
                bars={criteria.map(([label, letter]) => ({
                  label,
                  value: total - unmet[letter],
                  display: t("bant.metOf", { met: total - unmet[letter], total }),
                }))}
              />
            ) : null}
          </>
        )}
        <div className={styles.actions}>
          <Button appearance="primary" onClick={addQualifiedColumn} disabled={!mapped || task.running}>
            {t("bant.addColumn")}
          </Button>
        </div>
      </Section>

      <Section title={t("bant.pipelineTitle")}>
        <Body1>{t("bant.pipelineHelp")}</Body1>
        <FieldRow>
          <SelectField label={t("bant.stageColumn")} value={stageColumn} options={headers} onChange={(v) => update({ stageColumn: v })} />
          <Field label={t("bant.firstStage")} hint={t("bant.firstStageHint")}>
            <Combobox
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
        <TaskStatus task={task} />
      </Section>
      {dialog}
    </>
  );
}
