import {
  Body1,
  Button,
  Field,
  Input,
  Radio,
  RadioGroup,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textarea,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { columnLetters } from "../../excel/chunking";
import type { CellValue } from "../../excel/types";
import { engineLang, formatCount, formatMoney, formatNumber, formatPercent, moneyFormat } from "../../i18n";
import { structuredRef } from "../../sample/insert";
import { FromMapping, useMappedColumns, useMappedTable } from "../mappedColumns";
import type { PanelProps } from "../panelProps";
import {
  FieldRow,
  Hint,
  NoticeBar,
  NumberField,
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
  activityPlan,
  actuals,
  asColumn,
  attempt,
  distinctValues,
  forecast,
  parseOutcome,
  serialToIso,
  serialToYmd,
  targetPlan,
  todaySerial,
  ymdToSerial,
} from "../engineBridge";
import { useCurrency, useI18n, useTableData, useTask, useWorkbookSettings } from "../hooks";
import { monthlyHistory, ownerHistory, parseHolidays, parseYearMonth, rotateToPlan, splitList } from "../planInputs";
import { buildReportSheet } from "../reportSheet";
import { offerValuesIfTooBig } from "../payloadPrompt";
import { valueCells, type Matrix } from "../overview";

const useStyles = makeStyles({
  weights: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(110px, 1fr))",
    gap: tokens.spacingHorizontalS,
  },
  scroll: { overflowX: "auto", maxHeight: "420px", overflowY: "auto", maxWidth: "100%" },
  // A column per owner needs room: the grid scrolls sideways rather than squeezing the numbers together.
  wideTable: { width: "max-content", minWidth: "100%", tableLayout: "auto" },
  numeric: { textAlign: "end", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  nowrap: { whiteSpace: "nowrap" },
  wrapHeader: { whiteSpace: "normal", textAlign: "end", overflowWrap: "anywhere" },
  total: { fontWeight: tokens.fontWeightSemibold },
  suggestion: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, flexBasis: "100%" },
  // Actual ÷ plan at or above 100 %.
  met: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
  actions: { display: "flex", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

type Period = "M" | "Q" | "W";

interface TargetSettings {
  annualTarget: number;
  startMonth: string;
  period: Period;
  decimals: number;
  seasonality: "equal" | "history" | "typed";
  typedWeights: number[];
  historyTable: string;
  historyDate: string;
  historyAmount: string;
  historyOwner: string;
  ownerSource: "none" | "table" | "typed";
  ownersTable: string;
  ownersColumn: string;
  typedOwners: string;
  ownerWeighting: "equal" | "history";
  holidays: string;
  averageDeal: number;
  conversionsTable: string;
  conversionsColumn: string;
  reportSheet: string;
}

function thisYearStart(): string {
  return `${new Date().getFullYear()}-01`;
}

export function TargetsPanel({ ops, tables, openPanel }: PanelProps) {
  const i18n = useI18n();
  const { t, language } = i18n;
  const { currency } = useCurrency();
  const styles = useStyles();
  const task = useTask();
  const { confirm, dialog } = useConfirm();
  const names = tables.map((x) => x.name);
  const [s, update] = useWorkbookSettings<TargetSettings>(ops, "targets", {
    annualTarget: 1_200_000,
    startMonth: thisYearStart(),
    period: "M",
    decimals: 0,
    seasonality: "equal",
    typedWeights: new Array<number>(12).fill(1),
    historyTable: "",
    historyDate: "",
    historyAmount: "",
    historyOwner: "",
    ownerSource: "none",
    ownersTable: "",
    ownersColumn: "",
    typedOwners: "",
    ownerWeighting: "equal",
    holidays: "",
    averageDeal: 50_000,
    conversionsTable: "",
    conversionsColumn: "",
    reportSheet: "",
  });

  // Map once: what the mapping settles is not asked for here (see mappedColumns.tsx). History dates are the
  // mapped "created" column, as this panel read them before the mapping existed.
  const mappedHistory = useMappedTable("deals", names);
  const historyTable =
    mappedHistory ??
    validOr(s.historyTable, names, names.find((n) => /lead|线索|deal|商机/i.test(n)) ?? names[0] ?? "");
  const historyHeaders = headersOf(tables, historyTable);
  const fromDeals = useMappedColumns(historyTable, historyHeaders);
  const historyDate =
    fromDeals.column("created") ??
    validOr(
      s.historyDate,
      historyHeaders,
      detectColumn(historyHeaders, ["Created", "创建日期", "Date", "日期", "Close date", "成交日期"]),
    );
  const historyAmount =
    fromDeals.column("amount") ??
    validOr(s.historyAmount, historyHeaders, detectColumn(historyHeaders, ["Amount", "金额", "Revenue", "收入"]));
  const historyOwner =
    fromDeals.column("owner") ??
    validOr(s.historyOwner, historyHeaders, detectColumn(historyHeaders, ["Owner", "负责人", "Sales rep", "销售"]));
  // Plan vs actual: won deals of the mapped deals table by the date they were won (or closed, with an outcome
  // column telling won from lost), in exactly the plan's layout (SALES.ACTUALS).
  const actualDate = fromDeals.column("wonDate") ?? fromDeals.column("closeDate");
  const actualOutcome = fromDeals.column("outcome");
  const mappedOwners = useMappedTable("targets", names);
  const ownersTable =
    mappedOwners ?? validOr(s.ownersTable, names, names.find((n) => /target|目标/i.test(n)) ?? historyTable);
  const ownersHeaders = headersOf(tables, ownersTable);
  const fromTargets = useMappedColumns(ownersTable, ownersHeaders, "targets");
  const ownersColumn =
    fromTargets.column("owner") ??
    validOr(s.ownersColumn, ownersHeaders, detectColumn(ownersHeaders, ["Owner", "负责人", "Sales rep", "销售"]));
  const mappedStages = useMappedTable("stages", names);
  const conversionsTable =
    mappedStages ?? validOr(s.conversionsTable, names, names.find((n) => /stage|阶段/i.test(n)) ?? "");
  const conversionHeaders = headersOf(tables, conversionsTable);
  const fromStages = useMappedColumns(conversionsTable, conversionHeaders, "stages");
  const conversionsColumn =
    fromStages.column("conversion") ??
    validOr(
      s.conversionsColumn,
      conversionHeaders,
      detectColumn(conversionHeaders, ["Conversion", "转化率", "Conversion rate"]),
    );

  const needHistory = s.seasonality === "history" || (s.ownerSource !== "none" && s.ownerWeighting === "history");
  const historyColumns = useMemo(
    () => [historyDate, historyAmount, historyOwner].filter((c) => c !== ""),
    [historyDate, historyAmount, historyOwner],
  );
  const history = useTableData(ops, needHistory && historyTable ? historyTable : undefined, historyColumns);
  const ownersData = useTableData(
    ops,
    s.ownerSource === "table" && ownersTable && ownersColumn ? ownersTable : undefined,
    ownersColumn ? [ownersColumn] : undefined,
  );
  const conversionColumns = useMemo(
    () => [conversionHeaders[0], conversionsColumn].filter((c): c is string => !!c),
    [conversionHeaders, conversionsColumn],
  );
  const conversions = useTableData(
    ops,
    conversionsTable && conversionsColumn ? conversionsTable : undefined,
    conversionColumns,
  );

  const start = parseYearMonth(s.startMonth);
  const startSerial = start ? ymdToSerial(start.year, start.month, 1) : undefined;
  const startMonthNumber = start?.month;
  const owners = useMemo(() => {
    if (s.ownerSource === "typed") return splitList(s.typedOwners);
    if (s.ownerSource === "table" && ownersData.data)
      return distinctValues(ownersData.data.columns[ownersColumn] ?? []);
    return [];
  }, [s.ownerSource, s.typedOwners, ownersData.data, ownersColumn]);

  const seasonWeights = useMemo((): number[] | null => {
    if (s.seasonality === "typed") return s.typedWeights.slice(0, 12);
    if (s.seasonality === "history" && history.data && startMonthNumber && historyDate && historyAmount) {
      const calendar = monthlyHistory(
        history.data.columns[historyDate] ?? [],
        history.data.columns[historyAmount] ?? [],
        todaySerial(),
      );
      return rotateToPlan(calendar, startMonthNumber);
    }
    return null;
  }, [s.seasonality, s.typedWeights, history.data, startMonthNumber, historyDate, historyAmount]);

  const ownerWeights = useMemo((): number[] | null => {
    if (owners.length === 0 || s.ownerWeighting !== "history" || !history.data || !historyOwner || !historyAmount)
      return null;
    return ownerHistory(owners, history.data.columns[historyOwner] ?? [], history.data.columns[historyAmount] ?? []);
  }, [owners, s.ownerWeighting, history.data, historyOwner, historyAmount]);

  const holidays = useMemo(() => parseHolidays(s.holidays), [s.holidays]);
  const stageNames = useMemo(
    () =>
      conversions.data && conversionHeaders[0]
        ? (conversions.data.columns[conversionHeaders[0]] ?? []).map(String)
        : [],
    [conversions.data, conversionHeaders],
  );
  const conversionRates = useMemo(
    () => (conversions.data && conversionsColumn ? (conversions.data.columns[conversionsColumn] ?? []) : []),
    [conversions.data, conversionsColumn],
  );

  const plan = useMemo(() => {
    if (startSerial === undefined) return { error: t("targets.badStart") };
    return attempt(() =>
      targetPlan(
        s.annualTarget,
        startSerial,
        s.period,
        seasonWeights ? asColumn(seasonWeights) : null,
        owners.length > 0 ? asColumn(owners) : null,
        ownerWeights ? asColumn(ownerWeights) : null,
        s.decimals,
        holidays.dates.length > 0 ? asColumn(holidays.dates) : null,
        engineLang(language),
      ),
    );
  }, [
    s.annualTarget,
    startSerial,
    s.period,
    seasonWeights,
    owners,
    ownerWeights,
    s.decimals,
    holidays.dates,
    language,
    t,
  ]);

  const activity = useMemo(() => {
    if (conversionRates.length === 0) return undefined;
    return attempt(() =>
      activityPlan(s.annualTarget, s.averageDeal, asColumn(conversionRates), 12, Math.max(1, owners.length)),
    );
  }, [conversionRates, s.annualTarget, s.averageDeal, owners.length]);

  const canActual =
    historyAmount !== "" &&
    actualDate !== undefined &&
    (actualOutcome !== undefined || fromDeals.column("wonDate") !== undefined) &&
    (owners.length === 0 || historyOwner !== "");
  const actualColumns = useMemo(
    () =>
      [historyAmount, actualDate ?? "", owners.length > 0 ? historyOwner : "", actualOutcome ?? ""].filter(
        (c) => c !== "",
      ),
    [historyAmount, actualDate, owners.length, historyOwner, actualOutcome],
  );
  const actualData = useTableData(ops, canActual ? historyTable : undefined, actualColumns);
  const actual = useMemo(() => {
    if (!canActual || !actualData.data || startSerial === undefined) return undefined;
    const col = (name: string | undefined) => (name ? asColumn(actualData.data!.columns[name] ?? []) : null);
    return attempt(() =>
      actuals(
        col(historyAmount),
        col(actualDate),
        startSerial,
        s.period,
        owners.length > 0 ? col(historyOwner) : null,
        owners.length > 0 ? asColumn(owners) : null,
        col(actualOutcome),
        holidays.dates.length > 0 ? asColumn(holidays.dates) : null,
        null,
        engineLang(language),
      ),
    );
  }, [
    canActual,
    actualData.data,
    startSerial,
    historyAmount,
    actualDate,
    s.period,
    owners,
    historyOwner,
    actualOutcome,
    holidays.dates,
    language,
  ]);
  const [view, setView] = useState<"plan" | "actual" | "ratio">("plan");

  // An annual target from history: what was won in the last 12 months, and SALES.FORECAST of the 12 months after
  // the last month with a won deal, over exactly the arrays the formula on the plan sheet passes (won amounts,
  // "" for the other rows, and the won dates).
  const suggestion = useMemo(() => {
    if (!canActual || !actualData.data || !actualDate) return undefined;
    const columns = actualData.data.columns;
    const amounts = columns[historyAmount] ?? [];
    const dates = columns[actualDate] ?? [];
    const outcomes = actualOutcome ? (columns[actualOutcome] ?? []) : undefined;
    const wonWords = outcomes
      ? distinctValues(outcomes.filter((o) => parseOutcome(o) === "won")).map(String)
      : undefined;
    const isWon = (o: CellValue) =>
      wonWords === undefined || wonWords.some((w) => w.toLowerCase() === String(o).toLowerCase());
    const values = amounts.map((a, i) => (dates[i] === "" || !isWon(outcomes?.[i] ?? "") ? "" : a));
    const today = todaySerial();
    const now = serialToYmd(today);
    const yearAgo = ymdToSerial(now.year - 1, now.month, now.day);
    let last12 = 0;
    values.forEach((v, i) => {
      const d = dates[i];
      if (typeof v === "number" && typeof d === "number" && d > yearAgo && d <= today) last12 += v;
    });
    const result = attempt(() =>
      forecast(asColumn(values), asColumn(dates), null, null, null, null, null, null, engineLang(language)),
    );
    const table = result.value;
    const next12 = table ? table.slice(1).reduce((sum, row) => sum + (typeof row[1] === "number" ? row[1] : 0), 0) : 0;
    return {
      last12,
      next12: table ? next12 : undefined,
      firstMonth: table ? String(table[1]?.[0] ?? "") : "",
      error: result.error,
      wonWords,
    };
  }, [canActual, actualData.data, actualDate, historyAmount, actualOutcome, language]);

  const insertPlan = async () => {
    if (startSerial === undefined || !plan.value) return;
    // ACTUALS and the forecast suggestion read the history columns whole, one call each: on Excel for the web over
    // 4 MB they would fail (#CALC!), so the pane offers what it shows (the same engine and arguments) as values.
    let asValues = false;
    const actualShown = actual?.value;
    if (canActual && actualData.data && actualShown) {
      const answer = await offerValuesIfTooBig(
        confirm,
        i18n,
        "targets.payloadWeb",
        actualData.data.rowCount,
        actualColumns.map((c) => actualData.data!.columns[c] ?? []),
      );
      if (answer === "cancel") return;
      asValues = answer === "values";
    }
    const L = {
      parameter: t("targets.paramName"),
      value: t("targets.paramValue"),
      month: t("targets.month"),
      weight: t("targets.weight"),
      owner: t("targets.owner"),
      holiday: t("targets.holiday"),
      stage: t("targets.stage"),
      conversion: t("targets.conversion"),
    };
    await task
      .run(
        async (signal, onProgress) => {
          const confirmReplace = async (sheet: string) =>
            (await confirm({
              title: t("targets.replaceTitle"),
              message: t("targets.replaceMessage", { sheet }),
              confirmLabel: t("common.replace"),
            })) === "confirm";
          const built = await buildReportSheet(
            ops,
            s.reportSheet,
            t("targets.planSheet"),
            confirmReplace,
            async (sheet) => {
              let suggestionCell: string | undefined;
              const total = 6;
              let step = 0;
              const tick = () => onProgress({ done: ++step, total });
              await ops.writeBlock(sheet, { topLeft: "A1", formulas: [[t("targets.planTitle")]] });
              const params: CellValue[][] = [
                [t("targets.annualTarget"), s.annualTarget],
                // ISO text: TARGETPLAN reads text dates, and the cell shows the date the same in every locale.
                [t("targets.startMonth"), serialToIso(startSerial)],
                [t("targets.period"), s.period],
                [t("targets.decimals"), s.decimals],
                [t("targets.averageDeal"), s.averageDeal],
                [t("targets.periodsPerYear"), 12],
              ];
              const P = await ops.addTable(
                sheet,
                { name: t("targets.tableParameters"), topLeft: "A3", headers: [L.parameter, L.value], rows: params },
                { signal },
              );
              tick();
              if (suggestion && suggestion.next12 !== undefined && actualDate) {
                // The suggestion's formula, under the parameters: the pane's figure is this cell's value.
                const D = (column: string) => structuredRef(historyTable, column);
                const won = suggestion.wonWords
                  ? `IF(ISNUMBER(MATCH(${D(actualOutcome!)},{${suggestion.wonWords
                      .map((w) => `"${w.replace(/"/g, '""')}"`)
                      .join(",")}},0)),${D(historyAmount)},"")`
                  : D(historyAmount);
                await ops.writeBlock(sheet, {
                  topLeft: `A${3 + params.length + 2}`,
                  formulas: [
                    [
                      asValues
                        ? `${t("targets.forecastCell")} (${t("overview.valuesSuffix")})`
                        : t("targets.forecastCell"),
                      asValues
                        ? suggestion.next12
                        : `=SUM(CHOOSECOLS(SALES.FORECAST(IF(${D(actualDate)}="","",${won}),${D(actualDate)}),2))`,
                    ],
                  ],
                });
                await ops.setNumberFormat(sheet, `B${3 + params.length + 2}`, moneyFormat(currency, s.decimals));
                suggestionCell = `B${3 + params.length + 2}`;
              }
              const months = Array.from({ length: 12 }, (_, i) =>
                serialToIso(ymdToSerial(start!.year, start!.month + i, 1)).slice(0, 7),
              );
              const weights = seasonWeights ?? new Array<number>(12).fill(1);
              const S = await ops.addTable(
                sheet,
                {
                  name: t("targets.tableSeasonality"),
                  topLeft: "D3",
                  headers: [L.month, L.weight],
                  rows: months.map((m, i) => [m, weights[i] ?? 0]),
                },
                { signal },
              );
              tick();
              let O: string | undefined;
              if (owners.length > 0) {
                O = await ops.addTable(
                  sheet,
                  {
                    name: t("targets.tableOwners"),
                    topLeft: "G3",
                    headers: [L.owner, L.weight],
                    rows: owners.map((o, i) => [o, ownerWeights ? ownerWeights[i] : 1]),
                  },
                  { signal },
                );
              }
              tick();
              let H: string | undefined;
              if (holidays.dates.length > 0) {
                H = await ops.addTable(
                  sheet,
                  {
                    name: t("targets.tableHolidays"),
                    topLeft: "J3",
                    headers: [L.holiday],
                    rows: holidays.dates.map((d) => [serialToIso(d)]),
                  },
                  { signal },
                );
              }
              let C: string | undefined;
              if (conversionRates.length > 0) {
                C = await ops.addTable(
                  sheet,
                  {
                    name: t("targets.tableConversions"),
                    topLeft: "L3",
                    headers: [L.stage, L.conversion],
                    rows: conversionRates.map((r, i) => [stageNames[i] ?? `${i + 1}`, r]),
                    numberFormats: { [L.conversion]: "0%" },
                  },
                  { signal },
                );
              }
              tick();
              const param = (n: number) => `INDEX(${structuredRef(P, L.value)},${n})`;
              const tallest = Math.max(params.length, 12, owners.length, holidays.dates.length, conversionRates.length);
              const planRow = 3 + tallest + 3;
              const args = [
                param(1),
                param(2),
                param(3),
                structuredRef(S, L.weight),
                O ? structuredRef(O, L.owner) : "",
                O ? structuredRef(O, L.weight) : "",
                param(4),
                H ? structuredRef(H, L.holiday) : "",
              ];
              while (args[args.length - 1] === "") args.pop();
              await ops.writeBlock(sheet, { topLeft: `A${planRow - 1}`, formulas: [[t("targets.planHeading")]] });
              await ops.writeBlock(sheet, {
                topLeft: `A${planRow}`,
                formulas: [[`=SALES.TARGETPLAN(${args.join(",")})`]],
              });
              const planRows = plan.value?.length ?? 14;
              const planColumns = owners.length > 0 ? owners.length + 2 : 2;
              await ops.setNumberFormat(
                sheet,
                `B${planRow + 1}:${columnLetters(planColumns - 1)}${planRow + planRows - 1}`,
                moneyFormat(currency, s.decimals),
              );
              tick();
              if (C) {
                const col = columnLetters(Math.max(2, owners.length + 2) + 1);
                const ownersCount = O ? `ROWS(${structuredRef(O, L.owner)})` : "1";
                await ops.writeBlock(sheet, {
                  topLeft: `${col}${planRow - 1}`,
                  formulas: [[t("targets.activityHeading")]],
                });
                await ops.writeBlock(sheet, {
                  topLeft: `${col}${planRow}`,
                  formulas: [
                    [
                      `=${structuredRef(C, L.stage)}`,
                      `=SALES.ACTIVITYPLAN(${param(1)},${param(5)},${structuredRef(C, L.conversion)},${param(6)},${ownersCount})`,
                    ],
                  ],
                });
                await ops.writeBlock(sheet, {
                  topLeft: `${col}${planRow + conversionRates.length}`,
                  formulas: [[t("targets.won")]],
                });
              }
              tick();
              const formulaCells = [`A${planRow}`];
              if (suggestionCell) formulaCells.push(suggestionCell);
              if (C)
                formulaCells.push(
                  `${columnLetters(Math.max(2, owners.length + 2) + 1)}${planRow}`,
                  `${columnLetters(Math.max(2, owners.length + 2) + 2)}${planRow}`,
                );
              if (canActual && actualDate) {
                // ACTUALS beside the plan (right of the activity plan), in exactly the plan's layout, and
                // actual ÷ plan under it: the plan's labels, the ratio where the plan has a number above 0.
                const D = (column: string) => structuredRef(historyTable, column);
                const first = planColumns + 1 + (C ? 3 : 0);
                const col = columnLetters(first);
                const actualArgs = [
                  D(historyAmount),
                  D(actualDate),
                  param(2),
                  param(3),
                  O ? D(historyOwner) : "",
                  O ? structuredRef(O, L.owner) : "",
                  actualOutcome ? D(actualOutcome) : "",
                  H ? structuredRef(H, L.holiday) : "",
                ];
                while (actualArgs[actualArgs.length - 1] === "") actualArgs.pop();
                await ops.writeBlock(sheet, {
                  topLeft: `${col}${planRow - 1}`,
                  formulas: [
                    [
                      asValues
                        ? `${t("targets.actualHeading")} (${t("overview.valuesSuffix")})`
                        : t("targets.actualHeading"),
                    ],
                  ],
                });
                const actualCells = asValues && actualShown ? valueCells(actualShown as Matrix) : undefined;
                await ops.writeBlock(sheet, {
                  topLeft: `${col}${planRow}`,
                  formulas: actualCells ?? [[`=SALES.ACTUALS(${actualArgs.join(",")})`]],
                });
                // The grid reads the actuals' spill, or the block of values.
                const actualRef = actualCells
                  ? `${col}${planRow}:${columnLetters(first + (actualCells[0]?.length ?? 1) - 1)}${planRow + actualCells.length - 1}`
                  : `${col}${planRow}#`;
                const last = columnLetters(first + planColumns + 1);
                await ops.setNumberFormat(
                  sheet,
                  `${columnLetters(first + 1)}${planRow + 1}:${last}${planRow + planRows - 1}`,
                  moneyFormat(currency, s.decimals),
                );
                const gridRow = planRow + planRows + 2;
                await ops.writeBlock(sheet, {
                  topLeft: `${col}${gridRow - 1}`,
                  formulas: [[t("targets.ratioHeading")]],
                });
                await ops.writeBlock(sheet, {
                  topLeft: `${col}${gridRow}`,
                  formulas: [
                    [
                      `=LET(p,A${planRow}#,a,TAKE(${actualRef},ROWS(p),COLUMNS(p)),` +
                        `IF(ISNUMBER(p),IF(p>0,IFERROR(a/p,""),""),p))`,
                    ],
                  ],
                });
                const ratioArea = `${columnLetters(first + 1)}${gridRow + 1}:${columnLetters(first + planColumns - 1)}${gridRow + planRows - 1}`;
                await ops.setNumberFormat(sheet, ratioArea, "0%");
                // Red below plan, yellow at 100 %, green above.
                await ops.addColorScale(sheet, ratioArea, 1);
                formulaCells.push(`${col}${planRow}`, `${col}${gridRow}`);
              }
              return formulaCells;
            },
          );
          // What the plan sheet shows, not what was meant: formulas that evaluate to errors are reported.
          const erred = built ? await ops.findErrorCells(built.sheet, built.result) : [];
          return built ? { sheet: built.sheet, erred } : undefined;
        },
        (r) => {
          // Declined at the confirmation: nothing happened, so nothing is reported (and nothing green).
          if (!r) return undefined;
          if (r.erred.length > 0) {
            const codes: Record<string, number> = {};
            for (const e of r.erred) codes[e.code] = (codes[e.code] ?? 0) + 1;
            return {
              intent: "warning",
              text: t("targets.insertErred", {
                sheet: r.sheet,
                count: formatCount(language, r.erred.length),
                codes: errorSummary(codes),
              }),
            };
          }
          return t("targets.inserted", { sheet: r.sheet });
        },
        "insert",
      )
      .then((r) => {
        if (r) update({ reportSheet: r.sheet });
      });
  };

  const rows = plan.value ?? [];
  // What the preview shows: the plan, the actuals in its layout, or actual ÷ plan (the sheet's grid, cell for cell).
  const actualRows = actual?.value ?? [];
  const shownView = view !== "plan" && canActual && actual?.value ? view : "plan";
  const shownRows: unknown[][] =
    shownView === "actual"
      ? actualRows
      : shownView === "ratio"
        ? rows.map((row, r) =>
            row.map((p, c) => {
              if (typeof p !== "number") return p;
              const a = actualRows[r]?.[c];
              return p > 0 && typeof a === "number" ? a / p : "";
            }),
          )
        : rows;
  const shownTitle =
    shownView === "actual"
      ? t("targets.actualHeading")
      : shownView === "ratio"
        ? t("targets.ratioHeading")
        : t("targets.previewTitle");
  return (
    <>
      <Section title={t("targets.setupTitle")}>
        <FieldRow>
          <NumberField
            label={t("targets.annualTarget")}
            kind="money"
            value={s.annualTarget}
            min={0}
            step={10000}
            onNumber={(v) => update({ annualTarget: v })}
          />
          {suggestion ? (
            <div className={styles.suggestion}>
              <Hint>
                {t("targets.last12", { amount: formatMoney(language, suggestion.last12, currency, s.decimals) })}{" "}
                {suggestion.next12 !== undefined ? (
                  <span data-forecast={suggestion.next12}>
                    {t("targets.next12", {
                      month: suggestion.firstMonth,
                      amount: formatMoney(language, suggestion.next12, currency, s.decimals),
                    })}
                  </span>
                ) : (
                  t("targets.noForecast", { reason: suggestion.error ?? "" })
                )}
              </Hint>
              {suggestion.next12 !== undefined && suggestion.next12 > 0 ? (
                <div>
                  <Button
                    size="small"
                    onClick={() =>
                      update({ annualTarget: Number(suggestion.next12!.toFixed(Math.min(6, Math.max(0, s.decimals)))) })
                    }
                  >
                    {t("targets.useForecast")}
                  </Button>
                </div>
              ) : null}
            </div>
          ) : null}
          <Field
            label={t("targets.startMonth")}
            hint={t("targets.startHint")}
            validationState={start ? "none" : "error"}
            validationMessage={start ? undefined : t("targets.badStart")}
          >
            <Input type="month" value={s.startMonth} onChange={(_, d) => update({ startMonth: d.value })} />
          </Field>
          <SelectField
            label={t("targets.period")}
            value={s.period}
            options={["M", "Q", "W"]}
            labels={(o) => t(o === "M" ? "targets.month" : o === "Q" ? "targets.quarter" : "targets.week")}
            onChange={(v) => update({ period: (v || "M") as Period })}
          />
          <NumberField
            label={t("targets.decimals")}
            kind="integer"
            value={s.decimals}
            min={0}
            max={6}
            onNumber={(v) => update({ decimals: v })}
          />
        </FieldRow>
      </Section>

      <Section title={t("targets.historyTitle")}>
        <Hint>{t("targets.historyHint")}</Hint>
        <FromMapping
          items={[
            [t("common.table"), mappedHistory],
            [t("targets.dateColumn"), fromDeals.column("created")],
            [t("targets.amountColumn"), fromDeals.column("amount")],
            [t("targets.ownerColumn"), fromDeals.column("owner")],
          ]}
          openPanel={openPanel}
        />
        <FieldRow>
          {mappedHistory ? null : (
            <TableField
              label={t("common.table")}
              tables={tables}
              value={historyTable}
              onChange={(v) => update({ historyTable: v })}
            />
          )}
          {fromDeals.column("created") ? null : (
            <SelectField
              label={t("targets.dateColumn")}
              value={historyDate}
              options={historyHeaders}
              onChange={(v) => update({ historyDate: v })}
            />
          )}
          {fromDeals.column("amount") ? null : (
            <SelectField
              label={t("targets.amountColumn")}
              value={historyAmount}
              options={historyHeaders}
              onChange={(v) => update({ historyAmount: v })}
            />
          )}
          {fromDeals.column("owner") ? null : (
            <SelectField
              label={t("targets.ownerColumn")}
              value={historyOwner}
              options={historyHeaders}
              onChange={(v) => update({ historyOwner: v })}
            />
          )}
        </FieldRow>
        <NoticeBar notice={history.error ? { intent: "error", text: history.error } : undefined} />
      </Section>

      <Section title={t("targets.seasonalityTitle")}>
        <Field label={t("targets.seasonality")}>
          <RadioGroup
            value={s.seasonality}
            onChange={(_, d) => update({ seasonality: d.value as TargetSettings["seasonality"] })}
          >
            <Radio value="equal" label={t("targets.equal")} />
            <Radio value="history" label={t("targets.fromHistory")} />
            <Radio value="typed" label={t("targets.typed")} />
          </RadioGroup>
        </Field>
        {s.seasonality === "typed" ? (
          <div className={styles.weights}>
            {Array.from({ length: 12 }, (_, i) => {
              const label = start
                ? serialToIso(ymdToSerial(start.year, start.month + i, 1)).slice(0, 7)
                : String(i + 1);
              return (
                <NumberField
                  key={i}
                  label={label}
                  value={s.typedWeights[i] ?? 1}
                  min={0}
                  step={0.1}
                  onNumber={(v) => {
                    const next = [...s.typedWeights];
                    next[i] = v;
                    update({ typedWeights: next });
                  }}
                />
              );
            })}
          </div>
        ) : null}
        {s.seasonality === "history" && seasonWeights ? (
          <Hint>
            {t("targets.historyWeights", { weights: seasonWeights.map((w) => formatNumber(language, w)).join(" · ") })}
          </Hint>
        ) : null}
      </Section>

      <Section title={t("targets.ownersTitle")}>
        <Field label={t("targets.ownerSource")}>
          <RadioGroup
            value={s.ownerSource}
            onChange={(_, d) => update({ ownerSource: d.value as TargetSettings["ownerSource"] })}
          >
            <Radio value="none" label={t("targets.noOwners")} />
            <Radio value="table" label={t("targets.ownersFromTable")} />
            <Radio value="typed" label={t("targets.ownersTyped")} />
          </RadioGroup>
        </Field>
        {s.ownerSource === "table" ? (
          <>
            <FromMapping
              items={[
                [t("common.table"), mappedOwners],
                [t("targets.ownerColumn"), fromTargets.column("owner")],
              ]}
              openPanel={openPanel}
            />
            <FieldRow>
              {mappedOwners ? null : (
                <TableField
                  label={t("common.table")}
                  tables={tables}
                  value={ownersTable}
                  onChange={(v) => update({ ownersTable: v })}
                />
              )}
              {fromTargets.column("owner") ? null : (
                <SelectField
                  label={t("targets.ownerColumn")}
                  value={ownersColumn}
                  options={ownersHeaders}
                  onChange={(v) => update({ ownersColumn: v })}
                />
              )}
            </FieldRow>
          </>
        ) : null}
        {s.ownerSource === "typed" ? (
          <Field label={t("targets.typedOwners")} hint={t("targets.typedOwnersHint")}>
            <Textarea value={s.typedOwners} onChange={(_, d) => update({ typedOwners: d.value })} />
          </Field>
        ) : null}
        {s.ownerSource !== "none" ? (
          <Field label={t("targets.ownerWeights")}>
            <RadioGroup
              value={s.ownerWeighting}
              onChange={(_, d) => update({ ownerWeighting: d.value as "equal" | "history" })}
            >
              <Radio value="equal" label={t("targets.equal")} />
              <Radio value="history" label={t("targets.byHistory")} />
            </RadioGroup>
          </Field>
        ) : null}
        <Field
          label={t("targets.holidays")}
          hint={t("targets.holidaysHint")}
          validationState={holidays.invalid.length > 0 ? "error" : "none"}
          validationMessage={
            holidays.invalid.length > 0 ? t("targets.badHolidays", { items: holidays.invalid.join(", ") }) : undefined
          }
        >
          <Textarea value={s.holidays} onChange={(_, d) => update({ holidays: d.value })} />
        </Field>
      </Section>

      <Section title={t("targets.previewTitle")}>
        {canActual ? (
          <Field
            label={t("targets.view")}
            hint={t("targets.actualSource", { table: historyTable, date: actualDate ?? "" })}
          >
            <RadioGroup layout="horizontal" value={view} onChange={(_, d) => setView(d.value as typeof view)}>
              <Radio value="plan" label={t("targets.viewPlan")} />
              <Radio value="actual" label={t("targets.viewActual")} />
              <Radio value="ratio" label={t("targets.viewRatio")} />
            </RadioGroup>
          </Field>
        ) : (
          <Hint>{t("targets.noActual")}</Hint>
        )}
        {view !== "plan" && canActual && actual?.error ? (
          <NoticeBar notice={{ intent: "warning", text: t("targets.actualError", { reason: actual.error }) }} />
        ) : null}
        {plan.error ? (
          <NoticeBar notice={{ intent: "warning", text: t("targets.previewError", { reason: plan.error }) }} />
        ) : (
          <ScrollRegion className={styles.scroll} label={shownTitle}>
            <Table size="small" aria-label={shownTitle} className={styles.wideTable} data-view={shownView}>
              <TableHeader>
                <TableRow>
                  {(shownRows[0] ?? []).map((h, i) => (
                    <TableHeaderCell key={i} className={i > 0 ? styles.numeric : styles.nowrap}>
                      {String(h)}
                    </TableHeaderCell>
                  ))}
                </TableRow>
              </TableHeader>
              <TableBody>
                {shownRows.slice(1).map((row, r) => (
                  <TableRow key={r} className={r === rows.length - 2 ? styles.total : undefined}>
                    {row.map((cell, c) => (
                      <TableCell
                        key={c}
                        className={mergeClasses(
                          c > 0 ? styles.numeric : styles.nowrap,
                          shownView === "ratio" && typeof cell === "number" && cell >= 1 ? styles.met : undefined,
                        )}
                      >
                        {typeof cell !== "number"
                          ? String(cell)
                          : shownView === "ratio"
                            ? formatPercent(language, cell, 0)
                            : formatMoney(language, cell, currency, s.decimals)}
                      </TableCell>
                    ))}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </ScrollRegion>
        )}
      </Section>

      <Section title={t("targets.activityTitle")}>
        <Hint>{t("targets.activityHint")}</Hint>
        <FromMapping
          items={[
            [t("targets.stagesTable"), mappedStages],
            [t("targets.conversionColumn"), fromStages.column("conversion")],
          ]}
          openPanel={openPanel}
        />
        <FieldRow>
          <NumberField
            label={t("targets.averageDeal")}
            kind="money"
            value={s.averageDeal}
            min={1}
            step={1000}
            onNumber={(v) => update({ averageDeal: v })}
          />
          {mappedStages ? null : (
            <TableField
              label={t("targets.stagesTable")}
              tables={tables}
              value={conversionsTable}
              onChange={(v) => update({ conversionsTable: v })}
            />
          )}
          {fromStages.column("conversion") ? null : (
            <SelectField
              label={t("targets.conversionColumn")}
              value={conversionsColumn}
              options={conversionHeaders}
              onChange={(v) => update({ conversionsColumn: v })}
            />
          )}
        </FieldRow>
        {activity?.error ? <NoticeBar notice={{ intent: "warning", text: activity.error }} /> : null}
        {activity?.value ? (
          <Table size="small" aria-label={t("targets.activityTitle")}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t("targets.stage")}</TableHeaderCell>
                <TableHeaderCell className={styles.wrapHeader}>{t("targets.perOwnerMonth")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {activity.value.map((row, i) => (
                <TableRow key={i}>
                  <TableCell>{i < stageNames.length ? stageNames[i] : t("targets.won")}</TableCell>
                  <TableCell className={styles.numeric}>
                    {typeof row[0] === "number" ? formatCount(language, row[0]) : String(row[0])}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : !activity ? (
          <Body1>{t("targets.noConversions")}</Body1>
        ) : null}
      </Section>

      <Section title={t("targets.insertTitle")}>
        <Body1>{t("targets.insertHelp")}</Body1>
        <div className={styles.actions}>
          <Button appearance="primary" onClick={insertPlan} disabled={!plan.value || task.running}>
            {t("targets.insert")}
          </Button>
        </div>
        <TaskStatus task={task} origin="insert" />
      </Section>
      {dialog}
    </>
  );
}
