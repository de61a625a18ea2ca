/**
 * Readers for the per-record inputs of the plan-versus-actual and group functions (formulas.md §7–§8): a 1-D range
 * read in place (no copy of a 1,048,576-row column), and per-cell readers that parse each distinct text once.
 */
import type { Cell, Matrix } from "./types";
import { cellError, valueError } from "./errors";
import {
  asMatrix,
  displayText,
  flatten,
  isOmitted,
  isTextBlank,
  normalizeText,
  outcomeText,
  parseDate,
  parseNumberText,
  positionName,
  textKey,
} from "./coerce";

/** A range describing records, one cell per record in reading order (rule 7: a column, a row, or any rectangle). */
export interface Records {
  m: Matrix;
  n: number;
  /** Set for an n×1 column: cell i is rows[i][0] (read in place). */
  rows: Cell[][] | undefined;
  /** Set otherwise: the cells in reading order (a 1×n row is used in place). */
  cells: Cell[] | undefined;
}

export function recordsOf(arg: unknown): Records {
  const m = asMatrix(arg);
  const width = m[0]?.length ?? 0;
  if (width === 1) return { m, n: m.length, rows: m, cells: undefined };
  if (m.length === 1) return { m, n: width, rows: undefined, cells: m[0] };
  const cells = flatten(m);
  return { m, n: cells.length, rows: undefined, cells };
}

/** An optional per-record range: undefined when omitted; #VALUE! when its cell count differs from `n` (rule 7). */
export function optionalRecords(arg: unknown, name: string, n: number, firstName: string): Records | undefined {
  if (isOmitted(arg)) return undefined;
  return sameCount(recordsOf(arg), name, n, firstName);
}

export function sameCount(r: Records, name: string, n: number, firstName: string): Records {
  if (r.n !== n) throw valueError(`${name} has ${r.n} cells but ${firstName} has ${n}`);
  return r;
}

export function cellAt(r: Records, i: number): Cell {
  return r.rows !== undefined ? r.rows[i][0] : (r.cells as Cell[])[i];
}

/**
 * Amounts (§7): a number, numeric text (rule 3) or blank (= 0); anything else → #VALUE! naming the cell.
 * Each distinct text is parsed once.
 */
export function amountReader(r: Records, name: string): (i: number) => number {
  const memo = new Map<string, number>();
  return (i: number): number => {
    const c = cellAt(r, i);
    if (typeof c === "number") {
      if (Number.isFinite(c)) return c;
    } else if (typeof c === "string") {
      const known = memo.get(c);
      if (known !== undefined) return known;
      const v = c.trim() === "" ? 0 : parseNumberText(c);
      if (v !== undefined) {
        memo.set(c, v);
        return v;
      }
    } else if (c === null || c === undefined) {
      return 0;
    } else {
      const err = cellError(c);
      if (err !== undefined) throw valueError(`${name} holds the error ${err.code} at ${positionName(r.m, i)}`);
    }
    throw valueError(`${name} "${displayText(c)}" at ${positionName(r.m, i)} is not a number`);
  };
}

/** What a date reader returns for a blank date (blank, whitespace or 0). */
export const NO_DATE = -1;

/**
 * Dates (§7, rule 5): a serial (time of day dropped), a text date, or blank — `null`, `""`, white space or 0 (Excel
 * passes some blank cells as 0) → NO_DATE. Anything else → #VALUE! naming the cell. Each distinct text is parsed once.
 */
export function dateReader(r: Records, name: string, describe?: (i: number) => string): (i: number) => number {
  const memo = new Map<string, number>();
  const where = describe ?? ((i: number) => positionName(r.m, i));
  return (i: number): number => {
    const c = cellAt(r, i);
    if (typeof c === "number") {
      if (c === 0) return NO_DATE;
      if (c > 0 && Number.isFinite(c)) return Math.floor(c);
    } else if (typeof c === "string") {
      const known = memo.get(c);
      if (known !== undefined) return known;
      const d = c.trim() === "" ? NO_DATE : parseDate(c);
      if (d !== undefined) {
        memo.set(c, d);
        return d;
      }
    } else if (c === null || c === undefined) {
      return NO_DATE;
    } else {
      const err = cellError(c);
      if (err !== undefined) throw valueError(`${name} holds the error ${err.code} at ${where(i)}`);
    }
    throw valueError(`${name} "${displayText(c)}" at ${where(i)} is not a date`);
  };
}

/** What a name reader's `resolve` is given for a blank name (blank, white space or 0: a text-only field). */
export const BLANK_NAME = null;

/**
 * Names (owners, groups) mapped to codes: `resolve` is called once per distinct text (and per non-text cell) with
 * the name's identity (rule 2 text equality, a numeric text = that number) and the cell as written, or with
 * BLANK_NAME for a blank; its answer is remembered for every later cell with the same text. An error cell →
 * #VALUE! naming its position.
 */
export function nameReader(
  r: Records,
  name: string,
  resolve: (key: string | null, cell: Cell) => number,
): (i: number) => number {
  const memo = new Map<string, number>();
  return (i: number): number => {
    const c = cellAt(r, i);
    if (typeof c === "string") {
      let code = memo.get(c);
      if (code === undefined) {
        code = c.trim() === "" ? resolve(BLANK_NAME, c) : resolve(textKey(c), c);
        memo.set(c, code);
      }
      return code;
    }
    if (isTextBlank(c)) return resolve(BLANK_NAME, c);
    const err = cellError(c);
    if (err !== undefined) throw valueError(`${name} holds the error ${err.code} at ${positionName(r.m, i)}`);
    return resolve(textKey(c), c);
  };
}

/**
 * A list of names (owner_list, group_order): blank cells skipped, duplicates (text equality) → #VALUE!, error cells →
 * #VALUE!. Returns the names as written (trimmed text) and their identities in order.
 */
export function readNameList(arg: unknown, name: string, itemName: string): { names: string[]; keys: string[] } {
  const m = asMatrix(arg);
  const cells = flatten(m);
  const names: string[] = [];
  const keys: string[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    const err = cellError(c);
    if (err !== undefined) throw valueError(`${name} holds the error ${err.code} at ${positionName(m, i)}`);
    if (isTextBlank(c)) continue;
    const key = textKey(c);
    if (seen.has(key)) throw valueError(`Duplicate ${itemName} "${displayText(c)}" in ${name}`);
    seen.add(key);
    names.push(displayText(c));
    keys.push(key);
  }
  return { names, keys };
}

export const OPEN = 0;
export const WON = 1;
export const LOST = 2;

/**
 * Outcomes (rule 6), one per record: OPEN (blank included), WON or LOST. Always read in full: an unknown outcome
 * word or an error cell → #VALUE! naming it, whether or not the record would count. Each distinct text is read once.
 */
export function readOutcomes(arg: unknown, n: number, firstName: string): Uint8Array | undefined {
  const r = optionalRecords(arg, "outcomes", n, firstName);
  if (r === undefined) return undefined;
  const codes = new Uint8Array(n);
  const memo = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const c = cellAt(r, i);
    if (typeof c === "string") {
      const known = memo.get(c);
      if (known !== undefined) {
        codes[i] = known;
        continue;
      }
    }
    if (isTextBlank(c)) continue;
    const err = cellError(c);
    if (err !== undefined) throw valueError(`outcomes holds the error ${err.code} at ${positionName(r.m, i)}`);
    const o = outcomeText(normalizeText(c));
    if (o === undefined) throw valueError(`Unknown outcome "${displayText(c)}" at ${positionName(r.m, i)}`);
    const code = o === "won" ? WON : o === "lost" ? LOST : OPEN;
    if (typeof c === "string") memo.set(c, code);
    codes[i] = code;
  }
  return codes;
}
