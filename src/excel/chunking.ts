import type { CellValue } from "./types";

/**
 * Excel Online rejects a request above roughly 5 MB of payload, and any request above 5,000,000 cells.
 * We keep a margin under both so the JSON envelope of the batch (addresses, ids) still fits.
 */
export const MAX_REQUEST_BYTES = 4 * 1024 * 1024;
export const MAX_REQUEST_CELLS = 5_000_000;
/** Budget we actually fill per request: the rest is left for the request's envelope. */
export const REQUEST_BYTE_BUDGET = Math.floor(MAX_REQUEST_BYTES * 0.9);
/** Rows per read request are bounded by cells too: a read's response has the same limits. */
export const READ_CELLS_PER_REQUEST = 20_000;

/** UTF-8 length of a string without allocating (Chinese text is 3 bytes a character). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Bytes a row adds to a request: the UTF-8 length of its JSON. */
export function rowPayloadBytes(row: readonly unknown[]): number {
  return utf8Length(JSON.stringify(row)) + 1;
}

export interface RowChunk {
  start: number;
  /** Exclusive. */
  end: number;
  bytes: number;
}

/**
 * Splits `rowCount` rows into consecutive chunks whose estimated JSON payload stays under `byteBudget`
 * and whose cell count stays under `cellBudget`. `rowAt(i)` returns the row as it will be sent, with
 * `extraBytes(i)` for anything else sent for that row (number formats of literal-text cells).
 */
export function planRowChunks(
  rowCount: number,
  rowAt: (i: number) => readonly unknown[],
  options: { byteBudget?: number; cellBudget?: number; extraBytes?: (i: number) => number } = {},
): RowChunk[] {
  const byteBudget = options.byteBudget ?? REQUEST_BYTE_BUDGET;
  const cellBudget = options.cellBudget ?? MAX_REQUEST_CELLS;
  const chunks: RowChunk[] = [];
  let start = 0;
  let bytes = 2;
  let cells = 0;
  for (let i = 0; i < rowCount; i++) {
    const row = rowAt(i);
    const rowBytes = rowPayloadBytes(row) + (options.extraBytes ? options.extraBytes(i) : 0);
    const rowCells = Math.max(1, row.length);
    if (rowBytes + 2 > byteBudget) {
      throw new Error(`Row ${i + 1} alone is larger than one request can carry (${rowBytes} bytes)`);
    }
    if (i > start && (bytes + rowBytes > byteBudget || cells + rowCells > cellBudget)) {
      chunks.push({ start, end: i, bytes });
      start = i;
      bytes = 2;
      cells = 0;
    }
    bytes += rowBytes;
    cells += rowCells;
  }
  if (rowCount > start) chunks.push({ start, end: rowCount, bytes });
  return chunks;
}

/**
 * True when Excel would not keep the string as written in a General cell:
 * - it would read it as a formula (`=`, `+`, `-`, or `@` for implicit intersection; leading spaces included,
 *   because a CSV-style `" =cmd"` is what injection payloads look like);
 * - it would turn it into a number, date, time, boolean or error: `"00123"` → 123, `"1,200"` → 1200,
 *   `"1-2"` → 2 January, `"15%"`, `"$3.5"`, `"12:30"`, `"TRUE"`, `"#N/A"`;
 * - it would swallow a leading apostrophe.
 * Such cells get the Text format before their value, so what the user typed is what the cell holds.
 */
export function needsLiteralText(value: unknown): value is string {
  if (typeof value !== "string" || value.trim().length === 0) return false;
  return (
    FORMULA_START.test(value) ||
    NUMBER_OR_DATE_LIKE.test(value) ||
    EXCEL_LITERAL.test(value.trim()) ||
    value.startsWith("'")
  );
}

const FORMULA_START = /^\s*[=+\-@]/;
/** Digits with only the punctuation of numbers, currencies, percentages, dates and times. */
const NUMBER_OR_DATE_LIKE = /^[\s\d.,:/%$¥￥€£()eE年月日+-]*\d[\s\d.,:/%$¥￥€£()eE年月日+-]*(?:\s*[ap]m)?$/i;
const EXCEL_LITERAL =
  /^(?:true|false|#n\/a|#value!|#ref!|#div\/0!|#num!|#name\?|#null!|#spill!|#calc!|#getting_data)$/i;

/** The text format that keeps a string exactly as written. */
export const TEXT_FORMAT = "@";

/** Bytes the per-cell `numberFormat` commands for literal-text cells of a row add to a request. */
export function literalFormatBytes(row: readonly unknown[]): number {
  let n = 0;
  for (const v of row) if (needsLiteralText(v)) n += 64;
  return n;
}

/** Converts a value for `Range.values` (never `null`, which would leave the cell unchanged). */
export function toCellValue(value: unknown): CellValue {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? value : "";
  if (typeof value === "boolean" || typeof value === "string") return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

/** Groups sorted row indexes into runs of consecutive rows. */
export function consecutiveRuns(rows: readonly number[]): Array<{ start: number; count: number }> {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const runs: Array<{ start: number; count: number }> = [];
  for (const r of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.start + last.count === r) last.count++;
    else runs.push({ start: r, count: 1 });
  }
  return runs;
}

/** `name`, else `name (2)`, `name (3)` … : Excel's own convention for copies of a sheet. */
export function uniqueSheetName(wished: string, taken: readonly string[]): string {
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  const base = sanitizeSheetName(wished);
  if (!lower.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const candidate = base.slice(0, 31 - suffix.length) + suffix;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}

/** Sheet names: at most 31 characters, none of : \ / ? * [ ]. */
export function sanitizeSheetName(name: string): string {
  const cleaned = name
    .replace(/[:\\/?*[\]]/g, " ")
    .trim()
    .slice(0, 31);
  return cleaned.length > 0 ? cleaned : "Sheet";
}

/**
 * Table names cannot hold spaces or parentheses, so the suffix is `_2`, `_3` …. Table names share
 * one namespace with defined names, case-insensitively.
 */
export function uniqueTableName(wished: string, taken: readonly string[]): string {
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  let base = wished.replace(/[^\p{L}\p{N}_.]/gu, "_");
  if (!/^[\p{L}_]/u.test(base)) base = `_${base}`;
  if (!lower.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const candidate = `${base}_${i}`;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}

/** 0-based column index → letters (0 → A, 27 → AB). */
export function columnLetters(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** "B3" → { row: 2, column: 1 }. */
export function parseCellAddress(address: string): { row: number; column: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) throw new Error(`Not a cell address: ${address}`);
  let column = 0;
  for (const ch of m[1].toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, column: column - 1 };
}

/** Sheet-qualified reference usable in a formula: 'My Sheet'!A1. */
export function sheetRef(sheet: string, address: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${address}`;
}

/** A1 address of a block given its top-left and size. */
export function blockAddress(topLeft: string, rows: number, columns: number): string {
  const { row, column } = parseCellAddress(topLeft);
  const start = `${columnLetters(column)}${row + 1}`;
  if (rows <= 1 && columns <= 1) return start;
  return `${start}:${columnLetters(column + columns - 1)}${row + rows}`;
}
