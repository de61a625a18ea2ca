/**
 * Win probability in the Lead scoring panel (issue 11): SALES.WINPROB learns from the table's own won and lost
 * rows; the pane shows what it learned from, how the rule grades and the learned probability agree, and adds a
 * `Win probability` column (with `Win factors`, SALES.WINFACTORS, as its explanation) to the leads table.
 *
 * How the column is written, and why. SALES.WINPROB needs the whole table in one call. A per-row formula would
 * send the whole table once per row on every recalculation (n² cells; over Excel on the web's 5 MB per call from a
 * few hundred rows), and a table cannot hold a spilled formula. So the two SALES formulas live once, on a sheet of
 * their own ("Win model"), spilling one value per record, and each table row reads its own row of the spill with
 * Excel's INDEX: `=INDEX('Win model'!$A$2#,ROW()-ROW(Leads[#Headers]))`. One custom-function call per
 * recalculation, the table's size once; new rows, sorting and edits flow through. The records the model reads stop
 * before the output columns, so the column never feeds itself (no circular reference).
 * Where even the one call is too big for Excel on the web (over 4 MB), the pane offers computed values instead.
 */
import {
  Body1,
  Button,
  Dropdown,
  Field,
  Option,
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
import type { CellValue, TableColumns, TableInfo, WorkbookOps } from "../../excel/types";
import { askValuesInstead, wholeColumnDecision } from "../payloadPrompt";
import { formatCount, formatPercent, type StringKey } from "../../i18n";
import { Hint, Section, SelectField, TaskStatus, errorSummary, useConfirm } from "../components";
import { attempt, isErrorValue, leadGrade, leadScore, todaySerial } from "../engineBridge";
import { winFactors, winProb, OUTCOME_NAMES, STAGE_NAMES } from "../../engine";
import { outputColumn, sourceSpan } from "../formulaText";
import { escapeColumn } from "../../sample/insert";
import { useI18n, useTableData, useTask, useWorkbookSettings } from "../hooks";
import { useMapping } from "../mapping";
import { useMappedColumns, useMappedTable } from "../mappedColumns";
import {
  AUTO_LEARN_ROWS,
  chosenFactors,
  closedRows,
  factorCandidates,
  namedColumn,
  outcomeCounts,
  suggestFactors,
  winArguments,
  type WinSettings,
} from "../winModel";

export { AUTO_LEARN_ROWS, suggestFactors, winArguments };

const useStyles = makeStyles({
  actions: { display: "flex", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  why: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  numeric: { textAlign: "end", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  // Three columns share a 320 px pane: long headers wrap instead of running out of it.
  wrapHeader: { whiteSpace: "normal", textAlign: "end", overflowWrap: "anywhere" },
  fields: { minWidth: 0, maxWidth: "100%" },
});

/** Spearman's rank correlation of two equally long lists (average ranks for ties); undefined below 3 pairs. */
export function rankCorrelation(xs: readonly number[], ys: readonly number[]): number | undefined {
  const n = xs.length;
  if (n < 3) return undefined;
  const ranks = (v: readonly number[]) => {
    const order = v.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0]);
    const r = new Array<number>(n);
    for (let i = 0; i < n;) {
      let j = i;
      while (j + 1 < n && order[j + 1][0] === order[i][0]) j++;
      const avg = (i + j) / 2 + 1;
      for (let k = i; k <= j; k++) r[order[k][1]] = avg;
      i = j + 1;
    }
    return r;
  };
  const a = ranks(xs);
  const b = ranks(ys);
  const mean = (n + 1) / 2;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i] - mean) * (b[i] - mean);
    saa += (a[i] - mean) ** 2;
    sbb += (b[i] - mean) ** 2;
  }
  if (saa === 0 || sbb === 0) return undefined;
  return sab / Math.sqrt(saa * sbb);
}

/** A sheet name inside a formula: 'Win model'!. */
export function sheetPrefix(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'!`;
}

export function WinProbabilitySection(props: {
  ops: WorkbookOps;
  tables: TableInfo[];
  leadsTable: string;
  data: TableColumns | undefined;
  /** The rule table as SALES.LEADSCORE reads it ([] while the rules have errors). */
  rules: CellValue[][];
  rulesBroken: boolean;
  refreshTables: () => Promise<void>;
  onWritten: () => void;
}) {
  const { ops, tables, leadsTable, data } = props;
  const i18n = useI18n();
  const { t, language } = i18n;
  const chinese = language === "zh-CN";
  const styles = useStyles();
  const task = useTask();
  const { confirm, dialog } = useConfirm();
  const { mapping } = useMapping();
  const [s, update] = useWorkbookSettings<WinSettings>(ops, "winprob", { fields: null, group: "", sheet: "" });

  const headers = useMemo(() => data?.headers ?? [], [data]);
  const span = useMemo(() => sourceSpan(headers), [headers]);
  const spanHeaders = span?.headers ?? [];
  const mapped = useMappedColumns(leadsTable, headers);
  const outcome = namedColumn(spanHeaders, OUTCOME_NAMES);
  const stage = namedColumn(spanHeaders, STAGE_NAMES);

  // The stage order: the mapped stages table's stage column, as a live reference in the formula.
  const names = tables.map((x) => x.name);
  const stagesTable = useMappedTable("stages", names) ?? "";
  const stageHeaders = tables.find((x) => x.name === stagesTable)?.headers ?? [];
  const stagesColumn = useMappedColumns(stagesTable, stageHeaders, "stages").column("stage");
  const stagesData = useTableData(
    ops,
    stage && stagesTable && stagesColumn ? stagesTable : undefined,
    stagesColumn ? [stagesColumn] : undefined,
  );
  const stageOrder =
    stage && stagesColumn && stagesData.data ? (stagesData.data.columns[stagesColumn] ?? []) : undefined;

  const closed = useMemo(() => closedRows(outcome && data ? (data.columns[outcome] ?? []) : []), [data, outcome]);

  const candidates = useMemo(
    () =>
      factorCandidates(
        spanHeaders,
        (role) => mapped.column(role) ?? undefined,
        mapped.applies ? mapping.stageEntries.map((e) => e.column) : [],
      ),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- mapped is rebuilt each render; its inputs are listed
    [spanHeaders, mapping, leadsTable],
  );
  const suggested = useMemo(() => (data ? suggestFactors(data, candidates, closed) : []), [data, candidates, closed]);
  const { fields, group } = chosenFactors(s, spanHeaders, candidates, suggested);

  const columnNames = {
    prob: outputColumn("winprob", headers, chinese),
    factors: outputColumn("winfactors", headers, chinese),
  };

  // Won, lost and open rows: one scan, whatever the table's size.
  const counts = useMemo(() => {
    if (!data || !outcome) return undefined;
    const { won, lost } = outcomeCounts(data.columns[outcome] ?? []);
    return { won, lost, open: data.rowCount - won - lost };
  }, [data, outcome]);
  const [wanted, setWanted] = useState(false);
  const auto = (data?.rowCount ?? 0) <= AUTO_LEARN_ROWS;

  // What the formulas will compute, computed here by the same engine on the same cells.
  const learn = () => {
    if (!data || !span || !outcome) return undefined;
    const records: CellValue[][] = [span.headers.slice()];
    for (let r = 0; r < data.rowCount; r++) records.push(span.headers.map((h) => data.columns[h]?.[r] ?? ""));
    const stageArg = stageOrder ? stageOrder.map((v) => [v]) : null;
    const fieldArg = fields.length > 0 ? [fields.slice()] : null;
    const groupArg = group || null;
    const probs = attempt(() => winProb(records, fieldArg, null, stageArg, groupArg, null));
    if (probs.error !== undefined) return { error: probs.error, records, probs: [], texts: [], won: 0, lost: 0 };
    const texts = attempt(() =>
      winFactors(records, fieldArg, null, stageArg, groupArg, null, null, null, chinese ? "zh" : "en"),
    );
    if (texts.error !== undefined) return { error: texts.error, records, probs: [], texts: [], won: 0, lost: 0 };
    const { won, lost } = outcomeCounts(data.columns[outcome] ?? []);
    return {
      error: undefined as string | undefined,
      records,
      probs: probs.value.map((r) => r[0]),
      texts: texts.value.map((r) => r[0]),
      won,
      lost,
    };
  };
  const model = useMemo(
    () => (auto || wanted ? learn() : undefined),
    [auto, wanted, data, span, outcome, stageOrder, fields.join("\u0001"), group, chinese], // eslint-disable-line react-hooks/exhaustive-deps
  );

  // How the rule grades and the learned probability agree, over the open rows.
  const agreement = useMemo(() => {
    if (!model || model.error !== undefined || !span || props.rulesBroken || props.rules.length === 0) return undefined;
    const scored = attempt(() => {
      const scores = leadScore(model.records.slice(1), props.rules, [span.headers], todaySerial());
      return { scores, grades: leadGrade(scores) };
    });
    if (scored.error !== undefined) return undefined;
    const byGrade = new Map<string, { n: number; sum: number }>();
    const xs: number[] = [];
    const ys: number[] = [];
    model.probs.forEach((p, i) => {
      const score = scored.value.scores[i]?.[0];
      const grade = scored.value.grades[i]?.[0];
      if (typeof p !== "number" || typeof score !== "number" || typeof grade !== "string") return;
      const g = byGrade.get(grade) ?? { n: 0, sum: 0 };
      g.n++;
      g.sum += p;
      byGrade.set(grade, g);
      xs.push(score);
      ys.push(p);
    });
    const rows = [...byGrade.entries()]
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(([grade, g]) => ({ grade, n: g.n, mean: g.sum / g.n }));
    return { rows, rho: rankCorrelation(xs, ys), open: xs.length };
  }, [model, span, props.rules, props.rulesBroken]);

  const openCount =
    model && model.error === undefined ? model.probs.filter((p) => typeof p === "number").length : (counts?.open ?? 0);
  const blocked = !data
    ? t("scoring.pickTables")
    : !outcome
      ? t("winprob.noOutcome", { names: OUTCOME_NAMES.join(", ") })
      : model && model.error !== undefined
        ? model.error
        : openCount === 0
          ? t("winprob.noOpen")
          : undefined;

  const rho = agreement?.rho;
  const agreementWord: StringKey | undefined =
    rho === undefined
      ? undefined
      : rho >= 0.5
        ? "winprob.agreeStrong"
        : rho >= 0.3
          ? "winprob.agreeModerate"
          : rho >= 0.1
            ? "winprob.agreeWeak"
            : rho > -0.1
              ? "winprob.agreeNone"
              : "winprob.agreeOpposite";

  const add = async () => {
    if (blocked || !data || !span) return;
    const prob = columnNames.prob;
    const why = columnNames.factors;
    // What the one SALES.WINPROB call carries: the source columns and their header row.
    // What the one SALES.WINPROB call carries: the source columns whole (and their header row).
    const decision = wholeColumnDecision(
      data.rowCount + 1,
      span.headers.map((h) => data.columns[h] ?? []),
    );
    let mode: "formulas" | "values" = "formulas";
    if (decision.mode === "values" && decision.web) {
      const answer = await askValuesInstead(
        confirm,
        i18n,
        "winprob.payloadWeb",
        decision,
        data.rowCount,
        "scoring.writeFormulas",
      );
      if (answer === "cancel") return;
      mode = answer;
    }
    const stageRef =
      stageOrder && stagesTable && stagesColumn ? `${stagesTable}[${escapeColumn(stagesColumn)}]` : undefined;
    const args = winArguments({
      table: leadsTable,
      first: span.first,
      last: span.last,
      fields,
      stageOrder: stageRef,
      group,
    });
    // Values are the pane's own computation (learned now on a big table).
    const m = mode === "values" ? (model ?? learn()) : undefined;
    if (mode === "values" && (!m || m.error !== undefined)) {
      task.setNotice({ intent: "error", text: t("common.failed", { reason: m?.error ?? "" }) }, "winprob");
      return;
    }
    const sheetName = mode === "formulas" ? s.sheet : "";
    const specsFor = (sheet: string) =>
      mode === "formulas"
        ? [
            {
              name: prob,
              formula: () => `=INDEX(${sheetPrefix(sheet)}$A$2#,ROW()-ROW(${leadsTable}[#Headers]))`,
              numberFormat: "0.0%",
            },
            { name: why, formula: () => `=INDEX(${sheetPrefix(sheet)}$B$2#,ROW()-ROW(${leadsTable}[#Headers]))` },
          ]
        : [
            {
              name: prob,
              values: m!.probs.map((p) => (isErrorValue(p) ? p.code : (p as CellValue))),
              numberFormat: "0.0%",
            },
            { name: why, values: m!.texts.map((x) => (isErrorValue(x) ? x.code : (x as CellValue))) },
          ];
    const plan = await task.run(() => ops.planColumns(leadsTable, specsFor(sheetName || "x")), undefined, "winprob");
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
        let sheet = "";
        if (mode === "formulas") {
          const sheets = await ops.listSheets();
          sheet = s.sheet && sheets.includes(s.sheet) ? s.sheet : await ops.addSheet(t("winprob.sheet"));
          await ops.writeBlock(sheet, {
            topLeft: "A1",
            formulas: [[prob, why, "", t("winprob.sheetNote", { table: leadsTable })]],
          });
          await ops.writeBlock(sheet, {
            topLeft: "A2",
            formulas: [[`=SALES.WINPROB(${args})`, `=SALES.WINFACTORS(${args})`]],
          });
          update({ sheet });
        }
        await ops.addColumns(leadsTable, specsFor(sheet), { signal, onProgress });
        const erred = await ops.countErrorRows(leadsTable, [prob, why]);
        return { sheet, erred };
      },
      ({ sheet, erred }) => {
        const open = formatCount(language, openCount);
        if (erred.errorRows > 0)
          return {
            intent: "warning",
            text: t("winprob.erred", {
              errors: formatCount(language, erred.errorRows),
              codes: errorSummary(erred.codes),
              why,
            }),
          };
        return mode === "formulas"
          ? t("winprob.added", { column: prob, open, sheet })
          : t("winprob.valuesWritten", { column: prob, open });
      },
      "winprob",
    );
    if (written) props.onWritten();
    await props.refreshTables();
  };

  const reasonId = "winprob-reason";
  const fieldsLabel = t("winprob.fields");
  return (
    <Section title={t("winprob.title")}>
      <Body1>{t("winprob.help", { prob: columnNames.prob, factors: columnNames.factors })}</Body1>
      {counts && (!model || model.error === undefined) ? (
        <div data-winprob-learned="">
          <Hint>
            {t("winprob.learned", {
              closed: formatCount(language, counts.won + counts.lost),
              won: formatCount(language, counts.won),
              lost: formatCount(language, counts.lost),
              open: formatCount(language, openCount),
            })}
          </Hint>
        </div>
      ) : null}
      {/* The choices exist once there is something to learn from: a table with an outcome column. */}
      {outcome && candidates.length > 0 ? (
        <>
          <Field label={fieldsLabel} hint={s.fields === null ? t("winprob.fieldsAuto") : undefined}>
            <Dropdown
              className={styles.fields}
              multiselect
              aria-label={fieldsLabel}
              placeholder={t("winprob.fieldsNone")}
              value={fields.join(chinese ? "、" : ", ")}
              selectedOptions={fields}
              onOptionSelect={(_, d) => update({ fields: d.selectedOptions.filter((f) => candidates.includes(f)) })}
            >
              {candidates.map((h) => (
                <Option key={h} value={h}>
                  {h}
                </Option>
              ))}
            </Dropdown>
          </Field>
          <SelectField
            label={t("winprob.group")}
            hint={t("winprob.groupHint")}
            value={group}
            options={candidates}
            allowNone
            noneLabel={t("winprob.groupNone")}
            onChange={(v) => update({ group: v })}
          />
        </>
      ) : null}
      {stage ? (
        <Hint>
          {stageOrder ? t("winprob.stagesFrom", { stage, table: stagesTable }) : t("winprob.stagesNone", { stage })}
        </Hint>
      ) : null}
      {agreement && agreement.rows.length > 0 ? (
        <>
          <Table size="small" aria-label={t("winprob.agreementTitle")}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t("winprob.colGrade")}</TableHeaderCell>
                <TableHeaderCell className={styles.wrapHeader}>{t("winprob.colOpen")}</TableHeaderCell>
                <TableHeaderCell className={styles.wrapHeader}>{t("winprob.colMean")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {agreement.rows.map((r) => (
                <TableRow key={r.grade}>
                  <TableCell>{r.grade}</TableCell>
                  <TableCell className={styles.numeric}>{formatCount(language, r.n)}</TableCell>
                  <TableCell className={styles.numeric}>{formatPercent(language, r.mean, 1)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {agreementWord && rho !== undefined ? (
            <Hint>
              {t(agreementWord, {
                rho: rho.toLocaleString(language, { maximumFractionDigits: 2, minimumFractionDigits: 2 }),
              })}
            </Hint>
          ) : null}
        </>
      ) : props.rulesBroken ? (
        <Hint>{t("winprob.agreementNeedsRules")}</Hint>
      ) : !model && counts && !blocked ? (
        <div className={styles.actions}>
          <Hint>{t("winprob.bigHint", { rows: formatCount(language, data?.rowCount ?? 0) })}</Hint>
          <Button onClick={() => setWanted(true)}>{t("winprob.compare")}</Button>
        </div>
      ) : null}
      <div className={styles.actions}>
        <Button
          appearance="primary"
          onClick={() => void add()}
          disabledFocusable={Boolean(blocked) || task.running}
          aria-describedby={blocked ? reasonId : undefined}
        >
          {t("winprob.add")}
        </Button>
      </div>
      {blocked ? (
        <span id={reasonId} className={styles.why}>
          {blocked}
        </span>
      ) : null}
      <TaskStatus task={task} origin="winprob" />
      {dialog}
    </Section>
  );
}
