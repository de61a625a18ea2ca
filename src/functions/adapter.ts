/**
 * The only place where engine results meet Excel's custom-function runtime: XlError → CustomFunctions.Error,
 * and result values made safe for a cell (no null, no NaN/Infinity).
 */
import { XlError, isXlError, type Lang } from "../engine";

type ErrorCodeName = "invalidValue" | "invalidNumber" | "divisionByZero" | "notAvailable" | "nullReference";

const CODE_NAMES: Record<string, ErrorCodeName> = {
  "#VALUE!": "invalidValue",
  "#NUM!": "invalidNumber",
  "#DIV/0!": "divisionByZero",
  "#N/A": "notAvailable",
  "#NULL!": "nullReference",
};

function makeError(error: XlError): CustomFunctions.Error {
  // #NAME? and #REF! cannot be returned by a custom function (documented): they surface as #VALUE!.
  const name = CODE_NAMES[error.code] ?? "invalidValue";
  const message = CODE_NAMES[error.code] === undefined ? `${error.code} ${error.message}`.trim() : error.message;
  const code = CustomFunctions.ErrorCode[name];
  return message === "" ? new CustomFunctions.Error(code) : new CustomFunctions.Error(code, message);
}

/** Maps anything thrown by the engine to the error Excel shows; an unexpected bug becomes #VALUE!, never a crash. */
export function toExcelError(e: unknown): CustomFunctions.Error {
  if (isXlError(e)) return makeError(e);
  if (e instanceof RangeError) return makeError(new XlError("#NUM!", e.message));
  const message = e instanceof Error ? e.message : String(e);
  return makeError(new XlError("#VALUE!", `Unexpected error: ${message}`));
}

function toCell(value: unknown): unknown {
  if (value === null || value === undefined) return "";
  if (typeof value === "number")
    return Number.isFinite(value) ? value : makeError(new XlError("#NUM!", "Result out of range"));
  if (isXlError(value)) return makeError(value);
  return value;
}

/** Makes an engine result matrix safe for Excel, in place: the engine hands over arrays it no longer uses. */
export function toExcelMatrix(m: unknown[][]): unknown[][] {
  if (m.length === 0) return [[""]];
  for (let r = 0; r < m.length; r++) {
    const row = m[r];
    if (row.length === 0) m[r] = [""];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v === "string" || typeof v === "boolean" || (typeof v === "number" && Number.isFinite(v))) continue;
      row[c] = toCell(v);
    }
  }
  return m;
}

export function toExcelScalar(value: unknown): unknown {
  const cell = toCell(value);
  if (cell instanceof CustomFunctions.Error) throw cell;
  return cell;
}

/** Office's display language at calculation time; Chinese labels for zh-*, English otherwise or without Office. */
export function displayLang(): Lang {
  const office = (globalThis as { Office?: { context?: { displayLanguage?: unknown } } }).Office;
  let language: unknown;
  try {
    language = office?.context?.displayLanguage;
  } catch {
    language = undefined;
  }
  return typeof language === "string" && language.toLowerCase().startsWith("zh") ? "zh" : "en";
}
