/**
 * A small subset of Excel number formats, enough for `Range.text` and the preview grid to show what a
 * user would see: General, Text (@), fixed decimals, thousands separators, percentages and y/m/d dates.
 * Anything else falls back to General, which is what a reader of the preview needs to notice formats
 * the sim does not know.
 */
import type { SimCellValue } from "./model";

const MS_PER_DAY = 86_400_000;
/** Excel serial 25569 is 1970-01-01 in the 1900 date system. */
const UNIX_EPOCH_SERIAL = 25_569;

export function serialToDate(serial: number): Date {
  return new Date(Math.round((Math.floor(serial) - UNIX_EPOCH_SERIAL) * MS_PER_DAY));
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

function formatDate(serial: number, format: string): string {
  const d = serialToDate(serial);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  return format
    .replace(/\\(.)/g, "$1")
    .replace(/"([^"]*)"/g, "$1")
    .replace(/yyyy/gi, String(y))
    .replace(/yy/gi, pad(y % 100))
    .replace(/mm/gi, pad(m))
    .replace(/(^|[^a-z])m(?![a-z])/gi, `$1${m}`)
    .replace(/dd/gi, pad(day))
    .replace(/(^|[^a-z])d(?![a-z])/gi, `$1${day}`);
}

function groupThousands(integer: string): string {
  return integer.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** Excel's General format in a standard-width column: at most 11 characters, then scientific notation. */
function formatGeneral(value: number): string {
  const sign = value < 0 ? "-" : "";
  const abs = Math.abs(value);
  if (abs !== 0 && (abs >= 1e11 || abs < 1e-9)) {
    const [mantissa, exponent] = abs.toExponential(5).split("e");
    const m = mantissa.replace(/\.?0+$/, "");
    const e = Number(exponent);
    return `${sign}${m}E${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
  }
  if (Number.isInteger(abs)) return `${sign}${abs}`;
  const intDigits = String(Math.floor(abs)).length;
  const decimals = Math.max(0, 11 - sign.length - intDigits - 1);
  const fixed = abs.toFixed(decimals).replace(/\.?0+$/, "");
  return `${sign}${fixed}`;
}

function formatNumberPattern(value: number, pattern: string): string | undefined {
  const percent = pattern.includes("%");
  const core = /([#0,]*0|#)(\.(0+|#+))?/.exec(pattern);
  if (!core) return undefined;
  const decimals = core[3] ? core[3].length : 0;
  const grouped = core[1].includes(",");
  const scaled = percent ? value * 100 : value;
  const fixed = Math.abs(scaled).toFixed(decimals);
  const [intPart, fracPart] = fixed.split(".");
  const body = (grouped ? groupThousands(intPart) : intPart) + (fracPart ? `.${fracPart}` : "");
  const prefix = pattern.slice(0, core.index).replace(/["\\]/g, "");
  const suffix = pattern.slice(core.index + core[0].length).replace(/["\\]/g, "");
  return `${scaled < 0 && Number(fixed) !== 0 ? "-" : ""}${prefix}${body}${suffix}`;
}

/** The text Excel would display for `value` under `numberFormat`. */
export function formatCell(value: SimCellValue, numberFormat: string): string {
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  if (!Number.isFinite(value)) return "#NUM!";
  const format = (numberFormat || "General").split(";")[0];
  if (format === "General" || format === "@") return formatGeneral(value);
  if (/[yd]/i.test(format) || /^m+([/.-]|$)/i.test(format)) return formatDate(value, format);
  return formatNumberPattern(value, format) ?? formatGeneral(value);
}
