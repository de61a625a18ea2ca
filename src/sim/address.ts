/**
 * A1 addresses for the simulated host. Rows and columns are 0-based inside the sim; Excel's grid limits
 * (1,048,576 rows × 16,384 columns) are enforced because a layer that computes an address past them must
 * fail here the way it fails in Excel.
 */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** Inclusive rectangle of cells. */
export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

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

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function cellName(row: number, column: number): string {
  return `${columnLetters(column)}${row + 1}`;
}

export function rectAddress(rect: Rect): string {
  const start = cellName(rect.top, rect.left);
  if (rect.top === rect.bottom && rect.left === rect.right) return start;
  return `${start}:${cellName(rect.bottom, rect.right)}`;
}

/** Excel quotes a sheet name in an address unless it is a plain identifier that cannot be read as a cell. */
export function quoteSheetName(name: string): string {
  const plain =
    /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^(R|C|RC)\d*$/i.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

export function qualifiedAddress(sheetName: string, rect: Rect): string {
  return `${quoteSheetName(sheetName)}!${rectAddress(rect)}`;
}

export function rectRows(rect: Rect): number {
  return rect.bottom - rect.top + 1;
}

export function rectColumns(rect: Rect): number {
  return rect.right - rect.left + 1;
}

export function rectContains(rect: Rect, row: number, column: number): boolean {
  return row >= rect.top && row <= rect.bottom && column >= rect.left && column <= rect.right;
}

export function rectsIntersect(a: Rect, b: Rect): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

/** Splits `Sheet!A1:B2` / `'My sheet'!A1` into the sheet name (unquoted) and the local part. */
export function splitSheet(address: string): { sheet?: string; local: string } {
  const text = address.trim();
  const quoted = /^'((?:[^']|'')+)'!(.*)$/.exec(text);
  if (quoted) return { sheet: quoted[1].replace(/''/g, "'"), local: quoted[2] };
  const bang = text.lastIndexOf("!");
  if (bang > 0) return { sheet: text.slice(0, bang), local: text.slice(bang + 1) };
  return { local: text };
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COLUMN_ONLY = /^\$?([A-Za-z]{1,3})$/;
const ROW_ONLY = /^\$?(\d{1,7})$/;

function parsePart(part: string): { row?: number; column?: number } | undefined {
  const cell = CELL.exec(part);
  if (cell) return { row: Number(cell[2]) - 1, column: columnIndex(cell[1]) };
  const col = COLUMN_ONLY.exec(part);
  if (col) return { column: columnIndex(col[1]) };
  const row = ROW_ONLY.exec(part);
  if (row) return { row: Number(row[1]) - 1 };
  return undefined;
}

/**
 * Parses a local A1 address: `B3`, `A1:C9`, `$A$1`, whole columns `A:C`, whole rows `2:5`.
 * Returns undefined when the text is not an address or leaves the grid.
 */
export function parseLocalAddress(local: string): Rect | undefined {
  const parts = local.trim().split(":");
  if (parts.length < 1 || parts.length > 2) return undefined;
  const a = parsePart(parts[0]);
  const b = parts.length === 2 ? parsePart(parts[1]) : a;
  if (!a || !b) return undefined;
  const aCell = a.row !== undefined && a.column !== undefined;
  const bCell = b.row !== undefined && b.column !== undefined;
  let rect: Rect;
  if (aCell && bCell) {
    rect = {
      top: Math.min(a.row!, b.row!),
      bottom: Math.max(a.row!, b.row!),
      left: Math.min(a.column!, b.column!),
      right: Math.max(a.column!, b.column!),
    };
  } else if (
    parts.length === 2 &&
    a.row === undefined &&
    b.row === undefined &&
    a.column !== undefined &&
    b.column !== undefined
  ) {
    rect = { top: 0, bottom: MAX_ROWS - 1, left: Math.min(a.column, b.column), right: Math.max(a.column, b.column) };
  } else if (
    parts.length === 2 &&
    a.column === undefined &&
    b.column === undefined &&
    a.row !== undefined &&
    b.row !== undefined
  ) {
    rect = { top: Math.min(a.row, b.row), bottom: Math.max(a.row, b.row), left: 0, right: MAX_COLUMNS - 1 };
  } else {
    return undefined;
  }
  if (rect.top < 0 || rect.left < 0 || rect.bottom >= MAX_ROWS || rect.right >= MAX_COLUMNS) return undefined;
  return rect;
}
