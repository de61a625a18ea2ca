/**
 * How much Excel sends to the add-in when its formulas recalculate, and whether the pane should write formulas or
 * computed values (issue 7.3).
 *
 * Excel hands every custom-function call its arguments as JSON. Excel on the web caps one call's payload at about
 * 5 MB (the same limit as an Office.js request; larger calls fail with #CALC!). Inside a table the pane writes one
 * formula per row, and editing any cell of the table recalculates every one of them, each call carrying its row,
 * the whole rules table and the header row. So two budgets decide:
 *  - per call: ≤ 4 MB (a margin under the web's 5 MB) — whole-column formulas over big tables break this one;
 *  - per recalculation: what all calls of one edit carry together. On the web every byte crosses the network
 *    between Excel's calculation service and the browser running the add-in: 128 MB. On Windows and Mac it stays
 *    in the machine: 1 GB.
 * The estimates are JSON sizes (UTF-8) of the cells, measured on the table's own data.
 */
import type { CellValue } from "./types";

export const WEB_CALL_LIMIT = 5 * 1024 * 1024;
export const CALL_BUDGET = 4 * 1024 * 1024;
export const RECALC_BUDGET_WEB = 128 * 1024 * 1024;
export const RECALC_BUDGET_DESKTOP = 1024 * 1024 * 1024;

/** Office.context.platform values; anything but the web counts as a desktop (its calls stay in the machine). */
export type OfficePlatform = "PC" | "Mac" | "OfficeOnline" | "iOS" | "Android" | "Universal" | string | undefined;

export const isWeb = (platform: OfficePlatform): boolean => platform === "OfficeOnline";

/** Where the pane runs: Office.context.platform (the simulated host reports one too). */
export function currentPlatform(): OfficePlatform {
  try {
    const office = (globalThis as { Office?: { context?: { platform?: unknown } } }).Office;
    const p = office?.context?.platform;
    return typeof p === "string" ? p : undefined;
  } catch {
    return undefined;
  }
}

/** JSON size in UTF-8 bytes of one cell as Excel sends it, with its separator. */
export function cellBytes(v: unknown): number {
  if (v === null || v === undefined) return 5; // null,
  if (typeof v === "number") return String(v).length + 1;
  if (typeof v === "boolean") return v ? 5 : 6;
  if (typeof v === "string") {
    let n = 3; // quotes and separator
    for (let i = 0; i < v.length; i++) {
      const c = v.charCodeAt(i);
      if (c < 0x80) n += c === 34 || c === 92 ? 2 : 1;
      else if (c < 0x800) n += 2;
      else if (c >= 0xd800 && c < 0xdc00) {
        n += 4; // a surrogate pair is one 4-byte character
        i++;
      } else n += 3;
    }
    return n;
  }
  return 32; // an error value or another object
}

/** JSON size of a matrix argument (rows of cells). */
export function matrixBytes(m: ReadonlyArray<ReadonlyArray<unknown>>): number {
  let n = 2;
  for (const row of m) {
    n += 2;
    for (const c of row) n += cellBytes(c);
  }
  return n;
}

/** Average JSON size of a cell in these columns (at most `sample` rows read), at least 4 bytes. */
export function averageCellBytes(columns: ReadonlyArray<ReadonlyArray<CellValue>>, sample = 5000): number {
  let bytes = 0;
  let cells = 0;
  for (const col of columns) {
    const step = Math.max(1, Math.floor(col.length / sample));
    for (let i = 0; i < col.length; i += step) {
      bytes += cellBytes(col[i]);
      cells++;
    }
  }
  return cells === 0 ? 4 : Math.max(4, bytes / cells);
}

export interface RowFormulaInput {
  platform: OfficePlatform;
  /** Rows of the table. */
  rows: number;
  /** Cells of its own row each per-row call reads. */
  rowCells: number;
  /** Average JSON bytes of those cells. */
  bytesPerCell: number;
  /** Bytes every call carries whatever the row: the rules table, the header row. */
  sharedBytes: number;
  /** Per-row custom-function calls per row (LEADSCORE and SCOREDETAIL: 2). */
  callsPerRow: number;
}

export interface PayloadDecision {
  mode: "formulas" | "values";
  /** Why values: one call too large, or one recalculation. */
  reason?: "call" | "recalc";
  perCallBytes: number;
  perRecalcBytes: number;
  /** Most rows the formulas fit, on this platform. */
  maxRows: number;
  web: boolean;
}

/** Per-row formulas (Score/Grade/Why, Qualified): formulas while every edit's recalculation fits the budget. */
export function decideRowFormulas(input: RowFormulaInput): PayloadDecision {
  const web = isWeb(input.platform);
  const perCall = input.rowCells * input.bytesPerCell + input.sharedBytes + 64;
  const perRow = perCall * input.callsPerRow;
  const budget = web ? RECALC_BUDGET_WEB : RECALC_BUDGET_DESKTOP;
  const maxRows = perCall > CALL_BUDGET ? 0 : Math.floor(budget / perRow);
  const perRecalc = perRow * input.rows;
  if (perCall > CALL_BUDGET)
    return { mode: "values", reason: "call", perCallBytes: perCall, perRecalcBytes: perRecalc, maxRows, web };
  if (input.rows > maxRows)
    return { mode: "values", reason: "recalc", perCallBytes: perCall, perRecalcBytes: perRecalc, maxRows, web };
  return { mode: "formulas", perCallBytes: perCall, perRecalcBytes: perRecalc, maxRows, web };
}

export interface WholeColumnInput {
  platform: OfficePlatform;
  rows: number;
  /** Columns the one formula reads in full. */
  columns: number;
  bytesPerCell: number;
}

/** One formula over whole columns (FUNNEL, ACTUALS, FUNNELBY): its single call must stay under the call budget. */
export function decideWholeColumn(input: WholeColumnInput): PayloadDecision {
  const web = isWeb(input.platform);
  const perRowBytes = input.columns * input.bytesPerCell + 2;
  const perCall = input.rows * perRowBytes + 64;
  // Only the web caps a call; on Windows and Mac the same budget as a recalculation applies.
  const cap = web ? CALL_BUDGET : RECALC_BUDGET_DESKTOP;
  const maxRows = Math.floor((cap - 64) / perRowBytes);
  if (perCall > cap)
    return { mode: "values", reason: "call", perCallBytes: perCall, perRecalcBytes: perCall, maxRows, web };
  return { mode: "formulas", perCallBytes: perCall, perRecalcBytes: perCall, maxRows, web };
}
