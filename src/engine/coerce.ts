/**
 * Cell coercion shared by every function (formulas.md §1): blanks, text equality, numbers, yes/no words,
 * dates and outcome words. Each helper takes a raw cell as Excel passes it.
 */
import type { Cell, Matrix } from "./types";
import { cellError, valueError, XlError } from "./errors";

/** Rule 1: null, undefined, "" and whitespace-only text are blank. */
export function isBlank(value: Cell): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === "string") return value.trim() === "";
  return false;
}

/** Rule 1, text-only fields (stage, outcome, owner, field names, labels, operators): the number 0 is blank too. */
export function isTextBlank(value: Cell): boolean {
  return value === 0 || isBlank(value);
}

const WHITESPACE_RUN = /\s+/g;

/** Rule 2: NFKC, trim, collapse white space, lower-case. Numbers and booleans become their text. */
export function normalizeText(value: Cell): string {
  if (value === null || value === undefined) return "";
  let text: string;
  if (typeof value === "string") text = value;
  else if (typeof value === "number") text = formatNumber(value);
  else if (typeof value === "boolean") text = value ? "true" : "false";
  else text = String(value);
  // Most cells are plain ASCII words with single spaces: NFKC leaves those unchanged, so skip the costly path.
  if (SIMPLE_ASCII.test(text)) return text.toLowerCase();
  return text.normalize("NFKC").trim().replace(WHITESPACE_RUN, " ").toLowerCase();
}

const SIMPLE_ASCII = /^[\x21-\x7e]+(?: [\x21-\x7e]+)*$/;

/**
 * Identity of a name cell (stage, owner, field) under rule 2: normalized text, except that a text that parses as a
 * number is the same name as that number ("1,000" = 1000).
 */
export function textKey(value: Cell): string {
  if (typeof value === "number") return formatNumber(value);
  const norm = normalizeText(value);
  if (typeof value === "string") {
    const n = parseNumberText(value);
    if (n !== undefined) return formatNumber(n);
  }
  return norm;
}

/** Text of a cell as written (trimmed), for labels shown back to the user. */
export function displayText(value: Cell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return formatNumber(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value).trim();
}

/** A number as Excel's General format would show it in a message (no exponent noise for ordinary values). */
export function formatNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return String(Number(n.toPrecision(15)));
}

const NUMBER_PATTERN =
  /^([+-])?\s*([¥$€£])?\s*([+-])?\s*((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)\s*(%|k|K|M|万|亿)?$/;

const SUFFIX_FACTOR: Record<string, number> = { "%": 0.01, k: 1e3, K: 1e3, M: 1e6, 万: 1e4, 亿: 1e8 };

/**
 * Rule 3: a finite number, or text that parses as one (sign, currency ¥ ￥ $ € £, thousands separators , or ，,
 * decimals, one suffix % k K M 万 亿). Booleans are not numbers. Returns undefined when the cell is not a number.
 */
export function parseNumber(value: Cell): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value !== "string") return undefined;
  return parseNumberText(value);
}

export function parseNumberText(raw: string): number | undefined {
  // NFKC maps full-width digits, "，" and "￥" to their ASCII forms; it leaves 万 and 亿 alone.
  const text = raw.normalize("NFKC").trim();
  if (text === "") return undefined;
  const m = NUMBER_PATTERN.exec(text);
  if (m === null) return undefined;
  if (m[1] !== undefined && m[3] !== undefined) return undefined; // two signs
  const sign = (m[1] ?? m[3]) === "-" ? -1 : 1;
  const digits = m[4].replace(/,/g, "");
  let n = Number(digits);
  if (!Number.isFinite(n)) return undefined;
  const suffix = m[5];
  if (suffix !== undefined) n = scaleBySuffix(n, suffix);
  return sign * n;
}

function scaleBySuffix(n: number, suffix: string): number {
  const factor = SUFFIX_FACTOR[suffix];
  // Dividing by 100 (not multiplying by 0.01) keeps "15%" exactly 0.15.
  if (suffix === "%") return n / 100;
  // Scale through the decimal text so that "3.3万" is exactly 33000 and not 32999.999999999996.
  const scaled = n * factor;
  const rounded = Number(scaled.toPrecision(15));
  return rounded;
}

export type YesNo = "yes" | "no" | "unknown";

const YES_WORDS = new Set(["yes", "y", "true", "是", "有", "对", "已确认", "✓", "✔", "√"]);
const NO_WORDS = new Set(["no", "n", "false", "否", "无", "没有", "未确认", "✗", "✘", "×"]);
const UNKNOWN_WORDS = new Set(["unknown", "tbd", "n/a", "na", "?", "待定", "未知", "不确定"]);

/** Rule 4: yes / no / unknown words (and TRUE/FALSE). Undefined for anything else. */
export function yesNo(value: Cell): YesNo | undefined {
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value !== "string") return undefined;
  return yesNoText(normalizeText(value));
}

export function yesNoText(normalized: string): YesNo | undefined {
  if (YES_WORDS.has(normalized)) return "yes";
  if (NO_WORDS.has(normalized)) return "no";
  if (UNKNOWN_WORDS.has(normalized)) return "unknown";
  return undefined;
}

export type Outcome = "won" | "lost" | "open";

const WON_WORDS = new Set(["won", "win", "closed won", "赢单", "赢", "成交", "已成交"]);
const LOST_WORDS = new Set(["lost", "lose", "closed lost", "输单", "输", "丢单", "失败"]);
const OPEN_WORDS = new Set(["open", "进行中", "跟进中"]);

/** Rule 6 on normalized text: won / lost / open, or undefined for any other text. */
export function outcomeText(normalized: string): Outcome | undefined {
  if (normalized === "" || OPEN_WORDS.has(normalized)) return "open";
  if (WON_WORDS.has(normalized)) return "won";
  if (LOST_WORDS.has(normalized)) return "lost";
  return undefined;
}

/** Rule 6 on a cell: blank (0 included: outcome is a text-only field) is open. */
export function parseOutcome(value: Cell): Outcome | undefined {
  if (isTextBlank(value)) return "open";
  return outcomeText(normalizeText(value));
}

// ---- Dates (rule 5): Excel 1900 serials ----

const MS_PER_DAY = 86_400_000;
const EPOCH_1899_12_30 = Date.UTC(1899, 11, 30);
const EPOCH_1899_12_31 = Date.UTC(1899, 11, 31);
const FIRST_REAL_SERIAL = 61; // 1900-03-01: before it, Excel counts a 1900-02-29 that never was.

/** Serial of a calendar date (month 1–12). */
export function ymdToSerial(year: number, month: number, day: number): number {
  const ms = Date.UTC(year, month - 1, day);
  const serial = Math.round((ms - EPOCH_1899_12_30) / MS_PER_DAY);
  if (serial >= FIRST_REAL_SERIAL) return serial;
  return Math.round((ms - EPOCH_1899_12_31) / MS_PER_DAY);
}

/** Calendar date of a (whole) serial. */
export function serialToYmd(serial: number): { year: number; month: number; day: number } {
  const whole = Math.floor(serial);
  const ms = whole >= FIRST_REAL_SERIAL ? EPOCH_1899_12_30 + whole * MS_PER_DAY : EPOCH_1899_12_31 + whole * MS_PER_DAY;
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Day of the week of a serial: 0 = Monday … 6 = Sunday. */
export function weekdayMonday0(serial: number): number {
  // Serial 2 (1900-01-02) … Excel's serials ≥ 61 line up with the real calendar; 45658 (2025-01-01) is a Wednesday.
  return (((Math.floor(serial) - 45656) % 7) + 7) % 7;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

export function serialToIso(serial: number): string {
  const { year, month, day } = serialToYmd(serial);
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

export function serialToYearMonth(serial: number): string {
  const { year, month } = serialToYmd(serial);
  return `${year}-${pad2(month)}`;
}

/** The machine's local date today, as a serial (rule 5: omitted as_of). */
export function todaySerial(now: Date = new Date()): number {
  return ymdToSerial(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

const DATE_DASHED = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/;
const DATE_CHINESE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;

/** Text dates YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD, YYYY年M月D日 → serial; undefined when not a real date. */
export function parseDateText(raw: string): number | undefined {
  const text = raw.normalize("NFKC").trim();
  let m = DATE_DASHED.exec(text);
  let y: number, mo: number, d: number;
  if (m !== null) {
    y = Number(m[1]);
    mo = Number(m[3]);
    d = Number(m[4]);
  } else {
    m = DATE_CHINESE.exec(text);
    if (m === null) return undefined;
    y = Number(m[1]);
    mo = Number(m[2]);
    d = Number(m[3]);
  }
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return undefined;
  return ymdToSerial(y, mo, d);
}

/** Rule 5: a serial (its time of day dropped) or a text date. Negative numbers are not dates. */
export function parseDate(value: Cell): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) && value >= 0 ? Math.floor(value) : undefined;
  if (typeof value === "string") return parseDateText(value);
  return undefined;
}

// ---- Shapes (rule 7) ----

/** Excel passes a range as rows of cells; tolerate a bare value or a single row from other callers. */
export function asMatrix(value: unknown): Matrix {
  if (Array.isArray(value)) {
    if (value.length === 0) return [[]];
    return Array.isArray(value[0]) ? (value as Matrix) : [value as Cell[]];
  }
  return [[value]];
}

/** True when an optional argument was omitted (Excel passes `null`). */
export function isOmitted(value: unknown): boolean {
  return value === null || value === undefined;
}

/** Cells of a range in reading order (row by row). */
export function flatten(value: unknown): Cell[] {
  const m = asMatrix(value);
  if (m.length === 1) return m[0];
  const width = m[0].length;
  const out: Cell[] = new Array(m.length * width);
  let k = 0;
  if (width === 1) {
    for (let r = 0; r < m.length; r++) out[k++] = m[r][0];
    return out;
  }
  for (let r = 0; r < m.length; r++) {
    const row = m[r];
    for (let c = 0; c < width; c++) out[k++] = row[c];
  }
  return out;
}

export function cellCount(m: Matrix): number {
  let n = 0;
  for (const row of m) n += row.length;
  return n;
}

/** "cell 3" in a 1-D input, "row 2, column 3" in a 2-D one: how messages name a position. */
export function positionName(m: Matrix, index: number): string {
  const width = m[0]?.length ?? 1;
  if (m.length === 1 || width === 1) return `cell ${index + 1}`;
  return `row ${Math.floor(index / width) + 1}, column ${(index % width) + 1}`;
}

/**
 * Hot slots: a column's last texts by a cheap hash of each (length, first and last characters), so that a category
 * column's few values are found with one comparison before any Map lookup (which hashes the whole text).
 */
export const HOT_SLOTS = 64;
export const textSlot = (text: string): number =>
  (text.length * 37 + text.charCodeAt(0) * 7 + text.charCodeAt(text.length - 1)) & (HOT_SLOTS - 1);

/** Below this many rows a column result is built plainly (a per-row call returns one row). */
const SHARE_ROWS_FROM = 256;
const SMALL_INT = 4096;

const asCell = (v: unknown): Cell => v as Cell;

/** Hashed lookups after which columnOf estimates how many distinct values the whole column holds. */
const SHARE_SAMPLE = 8192;

/**
 * A one-column result `[[v0], [v1], …]` for `count` values, where rows holding the same number, text or logical
 * share one row array.
 *
 * Why: Excel copies a custom function's result out (it is serialised), so shared rows are invisible to it, while a
 * million fresh one-element arrays all survive V8's young-generation collections and cost it more than computing the
 * values did (bench: building a 1,048,576-row result that way took ~5× a bare scan of the input). Scores, grades and
 * shares take few distinct values. When sharing would not pay — the repeats among the first SHARE_SAMPLE hashed
 * values say the column holds more than one distinct value per eight rows (k draws from D values repeat about
 * k²/2D times), or the values seen pass that bound — the rest of the rows are built plainly. Errors, blanks and
 * non-finite numbers always get a row of their own (the adapter replaces them in place). `cellOf` makes a row's cell
 * from its value when the values are keys of the cells (SPLIT: whole units → the amount).
 */
export function columnOf(
  values: ArrayLike<unknown>,
  count = values.length,
  cellOf: (value: unknown) => Cell = asCell,
): Matrix {
  const out: Matrix = new Array(count);
  let i = 0;
  if (count >= SHARE_ROWS_FROM) {
    const shared = new Map<unknown, Cell[]>();
    // Whole numbers near zero (scores, counts) are found by index, and "" has its own row, without hashing.
    const small: Array<Cell[] | undefined> = new Array(2 * SMALL_INT);
    const limit = count >> 3;
    let lookups = 0;
    let emptyRow: Cell[] | undefined;
    for (; i < count; i++) {
      const v = values[i];
      if (typeof v === "number" && v > -SMALL_INT && v < SMALL_INT && (v | 0) === v) {
        const k = v + SMALL_INT;
        let row = small[k];
        if (row === undefined) small[k] = row = [cellOf(v)];
        out[i] = row;
      } else if (v === "") {
        out[i] = emptyRow ??= [cellOf(v)];
      } else if (typeof v === "string" || typeof v === "boolean" || (typeof v === "number" && Number.isFinite(v))) {
        if (++lookups === SHARE_SAMPLE && 2 * limit * (lookups - shared.size) < lookups * lookups) break;
        let row = shared.get(v);
        if (row === undefined) {
          if (shared.size >= limit) break;
          row = [cellOf(v)];
          shared.set(v, row);
        }
        out[i] = row;
      } else out[i] = [cellOf(v)];
    }
  }
  for (; i < count; i++) out[i] = [cellOf(values[i])];
  return out;
}

/** Lays flat results back out in the shape of `like`. */
export function reshape(flat: Cell[], like: Matrix): Matrix {
  const width = like[0]?.length ?? 0;
  if (like.length === 1) return [flat];
  if (width === 1) return columnOf(flat, like.length);
  const out: Matrix = new Array(like.length);
  for (let r = 0; r < like.length; r++) out[r] = flat.slice(r * width, r * width + width);
  return out;
}

// ---- Scalar arguments ----

/** A required or optional numeric argument: numbers and numeric text; blank → `fallback`. */
export function numberArg(value: Cell, name: string, fallback?: number): number {
  const scalar = scalarOf(value, name);
  if (isBlank(scalar)) {
    if (fallback !== undefined) return fallback;
    throw valueError(`${name} is blank`);
  }
  const err = cellError(scalar);
  if (err !== undefined) throw new XlError(err.code, `${name} is the error ${err.code}`);
  const n = parseNumber(scalar);
  if (n === undefined) throw valueError(`${name} "${displayText(scalar)}" is not a number`);
  return n;
}

/** A date argument: serial or text date; blank → `fallback` (today for as_of). */
export function dateArg(value: Cell, name: string, fallback?: () => number): number {
  const scalar = scalarOf(value, name);
  if (isBlank(scalar)) {
    if (fallback !== undefined) return fallback();
    throw valueError(`${name} is blank`);
  }
  const err = cellError(scalar);
  if (err !== undefined) throw new XlError(err.code, `${name} is the error ${err.code}`);
  const d = parseDate(scalar);
  if (d === undefined) throw valueError(`${name} "${displayText(scalar)}" is not a date`);
  return d;
}

/** A single-cell argument; a one-cell range is accepted, a larger range is #VALUE!. */
export function scalarOf(value: Cell, name: string): Cell {
  if (!Array.isArray(value)) return value;
  const cells = flatten(value);
  if (cells.length === 1) return cells[0];
  if (cells.length === 0) return null;
  throw valueError(`${name} must be a single value, not a range of ${cells.length} cells`);
}

/** An integer argument within [min, max]; outside → #NUM!. */
export function intArg(value: Cell, name: string, fallback: number, min: number, max: number): number {
  const n = numberArg(value, name, fallback);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new XlError("#NUM!", `${name} must be a whole number from ${min} to ${max}, not ${formatNumber(n)}`);
  }
  return n;
}

/** A boolean argument: TRUE/FALSE, yes/no words, numbers (0 = FALSE); blank → fallback. */
export function boolArg(value: Cell, name: string, fallback: boolean): boolean {
  const scalar = scalarOf(value, name);
  if (isBlank(scalar)) return fallback;
  if (typeof scalar === "number") return scalar !== 0;
  const yn = yesNo(scalar);
  if (yn === "yes") return true;
  if (yn === "no") return false;
  const n = parseNumber(scalar);
  if (n !== undefined) return n !== 0;
  throw valueError(`${name} "${displayText(scalar)}" is not TRUE or FALSE`);
}
