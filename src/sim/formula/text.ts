/**
 * TEXT(value, format) for the formats a sales workbook writes: dates built from y/m/d tokens ("yyyy-mm",
 * "yyyy-mm-dd", "mmm yyyy", "d mmmm"), numbers with 0 # , . and % ("0", "0.0", "#,##0", "0%", "0.0%",
 * "$#,##0"), "General" and "@". Anything else (times, several sections, colours, conditions, fractions,
 * scientific) is not simulated: `formatText` throws Unsupported and the formula shows its text.
 */
import { partsFromSerial, weekdayMonday0, MAX_SERIAL } from "./dates";
import { roundDecimal } from "./round";
import { NUM, Unsupported, XlErr, numberToText } from "./values";

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/** Splits a format into literal and token parts: quoted text and backslash escapes are literal. */
function tokens(format: string): Array<{ literal: boolean; text: string }> {
  const out: Array<{ literal: boolean; text: string }> = [];
  let i = 0;
  while (i < format.length) {
    const ch = format[i];
    if (ch === '"') {
      const end = format.indexOf('"', i + 1);
      if (end < 0) throw new Unsupported("format");
      out.push({ literal: true, text: format.slice(i + 1, end) });
      i = end + 1;
    } else if (ch === "\\") {
      out.push({ literal: true, text: format[i + 1] ?? "" });
      i += 2;
    } else {
      out.push({ literal: false, text: ch });
      i++;
    }
  }
  return out;
}

function formatDate(serial: number, parts: Array<{ literal: boolean; text: string }>): string | XlErr {
  if (serial < 0 || serial > MAX_SERIAL) return NUM;
  const { year, month, day } = partsFromSerial(serial);
  const weekday = weekdayMonday0(serial);
  let out = "";
  let i = 0;
  while (i < parts.length) {
    const p = parts[i];
    if (p.literal) {
      out += p.text;
      i++;
      continue;
    }
    const ch = p.text.toLowerCase();
    let run = 1;
    while (i + run < parts.length && !parts[i + run].literal && parts[i + run].text.toLowerCase() === ch) run++;
    i += run;
    if (ch === "y") out += run <= 2 ? String(year % 100).padStart(2, "0") : String(year);
    else if (ch === "m")
      out +=
        run === 1
          ? String(month)
          : run === 2
            ? String(month).padStart(2, "0")
            : run === 3
              ? MONTHS[month - 1].slice(0, 3)
              : run === 5
                ? MONTHS[month - 1][0]
                : MONTHS[month - 1];
    else if (ch === "d")
      out +=
        run === 1
          ? String(day)
          : run === 2
            ? String(day).padStart(2, "0")
            : run === 3
              ? DAYS[weekday].slice(0, 3)
              : DAYS[weekday];
    else if (/[-/., :]/.test(ch) || ch === " ") out += p.text.repeat(run);
    else throw new Unsupported("date format");
  }
  return out;
}

function groupThousands(integer: string): string {
  return integer.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

function formatNumber(value: number, parts: Array<{ literal: boolean; text: string }>): string {
  // The numeric core is the run of 0 # , . characters; literals and $ ( ) - + space around it are kept.
  const plain = parts.map((p) => (p.literal ? "" : p.text)).join("");
  const percent = (plain.match(/%/g) ?? []).length;
  const first = parts.findIndex((p) => !p.literal && /[0#]/.test(p.text));
  let last = first;
  for (let i = first; i < parts.length && !parts[i].literal && /[0#,.]/.test(parts[i].text); i++) last = i;
  const core = parts
    .slice(first, last + 1)
    .map((p) => p.text)
    .join("");
  const outside = [...parts.slice(0, first), ...parts.slice(last + 1)];
  for (const p of outside) if (!p.literal && !/[$%()\-+ ]/.test(p.text)) throw new Unsupported("number format");
  const m = /^([#0,]*)(?:\.([0#]*))?$/.exec(core);
  if (!m) throw new Unsupported("number format");
  let intPattern = m[1];
  const fracPattern = m[2] ?? "";
  // Trailing commas scale by thousands ("#,##0," shows thousands).
  let scale = 0;
  while (intPattern.endsWith(",")) {
    scale++;
    intPattern = intPattern.slice(0, -1);
  }
  const grouped = intPattern.includes(",");
  const scaled = (value * 100 ** percent) / 1000 ** scale;
  const decimals = fracPattern.length;
  const rounded = roundDecimal(Math.abs(scaled), decimals, "near");
  let [intPart, fracPart = ""] = rounded.toFixed(decimals).split(".");
  const minInt = (intPattern.match(/0/g) ?? []).length;
  if (intPart === "0" && minInt === 0) intPart = "";
  intPart = intPart.padStart(minInt, "0");
  // Optional decimals (#) drop their trailing zeros.
  const required = (fracPattern.match(/0/g) ?? []).length;
  while (fracPart.length > required && fracPart.endsWith("0")) fracPart = fracPart.slice(0, -1);
  const body =
    (grouped ? groupThousands(intPart) : intPart) +
    (fracPattern !== "" && (fracPart !== "" || m[2] !== undefined) ? `.${fracPart}` : "");
  const render = (ps: typeof parts) => ps.map((p) => p.text).join("");
  const negative = scaled < 0 && Number(rounded) !== 0;
  return `${negative ? "-" : ""}${render(parts.slice(0, first))}${body}${render(parts.slice(last + 1))}`;
}

/** TEXT(value, format) for a number. */
export function formatText(value: number, format: string): string | XlErr {
  if (format === "") return "";
  if (/^general$/i.test(format)) return numberToText(value);
  if (format === "@") return numberToText(value);
  if (format.includes(";") || /\[/.test(format)) throw new Unsupported("format sections");
  const parts = tokens(format);
  const code = parts
    .filter((p) => !p.literal)
    .map((p) => p.text)
    .join("")
    .toLowerCase();
  if (/[hs]|am\/pm|a\/p/.test(code)) throw new Unsupported("time format");
  const isDate = /[ymd]/.test(code);
  const isNumber = /[0#]/.test(code);
  if (isDate && isNumber) throw new Unsupported("format");
  if (isDate) return formatDate(value, parts);
  if (!isNumber || /[e?/]/.test(code)) throw new Unsupported("number format");
  return formatNumber(value, parts);
}
