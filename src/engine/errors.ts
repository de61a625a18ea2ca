/**
 * Engine error values. The engine never depends on Office: it reports Excel errors as `XlError`
 * values (inside result matrices for per-record errors) or throws them for whole-call errors.
 * Only `src/functions/` maps them to `CustomFunctions.Error`.
 */
export type XlErrorCode = "#VALUE!" | "#NUM!" | "#DIV/0!" | "#N/A" | "#NULL!" | "#NAME?" | "#REF!";

export class XlError extends Error {
  readonly code: XlErrorCode;
  constructor(code: XlErrorCode, message = "") {
    super(message);
    this.code = code;
    this.name = "XlError";
  }
}

export const valueError = (message: string): XlError => new XlError("#VALUE!", message);
export const numError = (message: string): XlError => new XlError("#NUM!", message);
export const divError = (message: string): XlError => new XlError("#DIV/0!", message);
export const naError = (message: string): XlError => new XlError("#N/A", message);

export function isXlError(value: unknown): value is XlError {
  return value instanceof XlError;
}

const KNOWN_CODES: ReadonlySet<string> = new Set(["#VALUE!", "#NUM!", "#DIV/0!", "#N/A", "#NULL!", "#NAME?", "#REF!"]);

/**
 * Recognises an error value that Excel put in an input cell. Excel hands input errors to a custom function as
 * `CustomFunctions.Error` objects (`{ code: "#N/A", message? }`); other hosts use `errorCode`. Returns the engine's
 * `XlError` for it, or `undefined` when the value is not an error.
 */
export function cellError(value: unknown): XlError | undefined {
  if (value === null || typeof value !== "object") return undefined;
  if (value instanceof XlError) return value;
  const v = value as { code?: unknown; errorCode?: unknown; message?: unknown };
  const code = typeof v.code === "string" ? v.code : typeof v.errorCode === "string" ? v.errorCode : undefined;
  if (code === undefined) return undefined;
  const normalized = code.startsWith("#") ? code : codeFromName(code);
  if (normalized === undefined) return undefined;
  const message = typeof v.message === "string" ? v.message : "";
  return new XlError(KNOWN_CODES.has(normalized) ? (normalized as XlErrorCode) : "#VALUE!", message);
}

function codeFromName(name: string): string | undefined {
  switch (name) {
    case "invalidValue":
      return "#VALUE!";
    case "notAvailable":
      return "#N/A";
    case "divisionByZero":
      return "#DIV/0!";
    case "invalidNumber":
      return "#NUM!";
    case "nullReference":
      return "#NULL!";
    case "invalidName":
      return "#NAME?";
    case "invalidReference":
      return "#REF!";
    default:
      return undefined;
  }
}
