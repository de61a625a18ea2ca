/**
 * The one question every panel that writes SALES formulas asks when Excel could not carry them (src/excel/payload.ts):
 * "write computed values instead?". Panels differ only in the message; the buttons and answers are the same.
 */
import type { CellValue } from "../excel/types";
import { averageCellBytes, currentPlatform, decideWholeColumn, type PayloadDecision } from "../excel/payload";
import { formatCount, type StringKey } from "../i18n";
import type { ConfirmAnswer, ConfirmRequest } from "./components";
import type { I18nValue } from "./hooks";

/** One formula reading these columns whole (FUNNEL, the Overview's cards): its single call against the web's cap. */
export function wholeColumnDecision(rows: number, columns: ReadonlyArray<ReadonlyArray<CellValue>>): PayloadDecision {
  return decideWholeColumn({
    platform: currentPlatform(),
    rows,
    columns: columns.length,
    bytesPerCell: averageCellBytes(columns),
  });
}

/**
 * Asks whether to write values; "values", "formulas" (the formula anyway) or "cancel". The message names the rows and
 * the megabytes; `alternate` labels the formula button ("Write formulas" per row, "Write the formula anyway" once).
 */
export async function askValuesInstead(
  confirm: (request: ConfirmRequest) => Promise<ConfirmAnswer>,
  { t, language }: I18nValue,
  message: StringKey,
  decision: PayloadDecision,
  rows: number,
  alternate: "scoring.writeFormulas" | "overview.writeFormula",
): Promise<"values" | "formulas" | "cancel"> {
  const count = (n: number) => formatCount(language, n);
  // What one edit sends in all (for one formula over whole columns: its one call).
  const bytes = decision.perRecalcBytes;
  const answer = await confirm({
    title: t("scoring.bigTitle"),
    message: t(message, {
      rows: count(rows),
      max: count(decision.maxRows),
      size: count(Math.max(1, Math.round(bytes / 1048576))),
    }),
    confirmLabel: t("scoring.writeValues"),
    alternateLabel: t(alternate),
  });
  return answer === "cancel" ? "cancel" : answer === "confirm" ? "values" : "formulas";
}

/**
 * For one formula reading `columns` whole over `rows`: "formulas" when its call fits, else the user's answer to
 * `message` ("values", "formulas" anyway, or "cancel").
 */
export async function offerValuesIfTooBig(
  confirm: (request: ConfirmRequest) => Promise<ConfirmAnswer>,
  i18n: I18nValue,
  message: StringKey,
  rows: number,
  columns: ReadonlyArray<ReadonlyArray<CellValue>>,
): Promise<"values" | "formulas" | "cancel"> {
  const decision = wholeColumnDecision(rows, columns);
  if (decision.mode === "formulas") return "formulas";
  return askValuesInstead(confirm, i18n, message, decision, rows, "overview.writeFormula");
}
