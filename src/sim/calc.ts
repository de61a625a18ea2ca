/**
 * Formula evaluation for the simulated host, as Excel 365 computes it: operators with Excel's precedence,
 * conversions and dynamic-array broadcasting, the worksheet functions in ./formula/functions.ts, LET, the
 * SALES.* custom functions (called with Excel's argument contract), references (A1, sheet-qualified,
 * whole rows/columns, spill `A1#`, structured table references) — and results that spill; a blocked spill
 * is #SPILL!. Anything the simulator does not compute (an unknown function, a defined name, the union or
 * intersection operator, a formula that depends on such a cell) stays unevaluated and shows its formula
 * text, so a reader of the preview sees plainly what the sim did not compute instead of a wrong value.
 *
 * Recalculation evaluates every formula once per pass in sheet and row order, computing first (on demand)
 * the formulas whose cells — or possible spills — a reference covers; another pass runs only when a
 * circular dependency was met.
 */
import { cellBytes, matrixBytes } from "../excel/payload";
import { MAX_COLUMNS, Rect, parseLocalAddress, rectColumns, rectRows } from "./address";
import { Env, deref, isKnownFunction, lookupFunction } from "./formula/functions";
import { BinaryOp, Node, parseFormula } from "./formula/parser";
import {
  Arr,
  BUSY,
  CALC,
  DIV0,
  NUM,
  REF,
  Ref,
  Scalar,
  Unsupported,
  VALUE,
  Value,
  XlErr,
  compareScalars,
  errorFromText,
  map2,
  num,
  textEquals,
  toNumber,
  toText,
  NAME,
} from "./formula/values";
import {
  SheetModel,
  SimCell,
  SimCellValue,
  TableModel,
  WorkbookModel,
  cellKey,
  isEmptyCell,
  keyColumn,
  keyRow,
} from "./model";

/** A SALES function as the runtime calls it: Excel's argument values in, a value or matrix out (or a throw). */
export type SalesFunction = (...args: unknown[]) => unknown;

/** How the custom-functions metadata (functions.json) declares a parameter. */
export interface ParameterShape {
  dimensionality: "scalar" | "matrix";
}

export interface CalcOptions {
  /** Function implementations by id, case-insensitive (LEADSCORE → leadScore). */
  functions: Record<string, SalesFunction>;
  /** Parameter shapes by id from functions.json; without it, references are passed as matrices. */
  parameters?: Record<string, ParameterShape[]>;
  /** Date serial for TODAY(); default the machine's local date. */
  today?: () => number;
  /** Builds the error object Excel hands a function for an error cell (CustomFunctions.Error in Excel). */
  makeError?: (code: string) => unknown;
  /** Largest JSON payload of one custom-function call's arguments (Excel for the web: about 5 MB); above it #CALC!. */
  payloadLimit?: number;
}

const ERROR_CODES = new Set([
  "#VALUE!",
  "#NUM!",
  "#DIV/0!",
  "#N/A",
  "#NAME?",
  "#REF!",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
  "#BUSY!",
]);

export function isErrorText(value: unknown): value is string {
  return typeof value === "string" && ERROR_CODES.has(value);
}

function localTodaySerial(): number {
  const now = new Date();
  return Math.round(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) / 86_400_000) + 25_569;
}

/** Excel error text for whatever a function threw or returned as an error. */
function errorCode(e: unknown): string | undefined {
  if (e && typeof e === "object" && "code" in e) {
    const code = String((e as { code: unknown }).code);
    if (ERROR_CODES.has(code)) return code;
    const named: Record<string, string> = {
      invalidValue: "#VALUE!",
      notAvailable: "#N/A",
      divisionByZero: "#DIV/0!",
      invalidNumber: "#NUM!",
      nullReference: "#NULL!",
      invalidName: "#NAME?",
      invalidReference: "#REF!",
    };
    if (named[code]) return named[code];
  }
  return undefined;
}

/** The error value for whatever a SALES function threw or returned as an error (#VALUE! when unknown). */
function errorValue(e: unknown): XlErr {
  if (e instanceof XlErr) return e;
  if (e instanceof RefError) return REF;
  if (e instanceof NameError) return NAME;
  return errorFromText(errorCode(e) ?? "#VALUE!") ?? VALUE;
}

/** A value a SALES function returned, as a formula value. */
function fromFunctionValue(v: unknown): Scalar {
  if (v === null || v === undefined) return 0;
  if (typeof v === "number") return Number.isFinite(v) ? v : NUM;
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return Math.round(v.getTime() / 86_400_000) + 25_569;
  return errorValue(v);
}

function fromFunctionMatrix(m: unknown[][]): Scalar | Arr {
  const rows = m.length;
  const cols = rows > 0 && Array.isArray(m[0]) ? m[0].length : 0;
  if (rows === 0 || cols === 0) return CALC;
  const data = new Array<Scalar>(rows * cols);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) data[r * cols + c] = fromFunctionValue(m[r]?.[c]);
  return rows === 1 && cols === 1 ? data[0] : new Arr(rows, cols, data);
}

/** What a cell shows for a value: blank is 0, errors are their text, overflow is #NUM!. */
function toCell(v: Scalar): SimCellValue {
  if (v === null) return 0;
  if (typeof v === "number") return Number.isFinite(v) ? v : "#NUM!";
  if (v instanceof XlErr) return v.code;
  return v;
}

// ---------------------------------------------------------------------------------------------------
// Sites and names

/** Where the formula lives: needed for [@Column], [#This Row] and implicit intersection; LET names in scope. */
interface Site {
  sheet: SheetModel;
  row: number;
  column: number;
  scope?: Map<string, Value>;
}

// ---------------------------------------------------------------------------------------------------
// Structured references

function unescapeName(text: string): string {
  return text.replace(/'(.)/g, "$1").trim();
}

/** Splits "[#Headers],[A]:[B]" at top-level commas. */
function topLevelParts(spec: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < spec.length; i++) {
    const ch = spec[i];
    if (ch === "'") {
      i++;
      continue;
    }
    if (ch === "[") depth++;
    else if (ch === "]") depth--;
    else if (ch === "," && depth === 0) {
      parts.push(spec.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(spec.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p !== "");
}

function stripBrackets(part: string): string {
  const p = part.trim();
  return p.startsWith("[") && p.endsWith("]") ? p.slice(1, -1) : p;
}

/** Resolves a structured reference to a rectangle, as Excel does. Throws "#REF!" for a bad reference. */
export function resolveStructuredReference(model: WorkbookModel, table: TableModel, spec: string, site?: Site): Rect {
  const headers = model.headers(table);
  const columnOf = (name: string): number => {
    const wanted = unescapeName(name).toLowerCase();
    const idx = headers.findIndex((h) => h.toLowerCase() === wanted);
    if (idx < 0) throw new RefError();
    return table.rect.left + idx;
  };
  let rowsItem = "#Data";
  let columns: [number, number] = [table.rect.left, table.rect.right];
  const trimmed = spec.trim();
  const setColumns = (part: string) => {
    const range = /^(\[(?:[^\]']|'.)*\]):(\[(?:[^\]']|'.)*\])$/.exec(part.trim());
    if (range) {
      const a = columnOf(stripBrackets(range[1]));
      const b = columnOf(stripBrackets(range[2]));
      columns = [Math.min(a, b), Math.max(a, b)];
    } else {
      const c = columnOf(stripBrackets(part));
      columns = [c, c];
    }
  };
  const specials = new Set<string>();
  if (trimmed === "") {
    // Table[] is the data body.
  } else if (trimmed.startsWith("@")) {
    rowsItem = "#This Row";
    const rest = trimmed.slice(1).trim();
    if (rest !== "") setColumns(rest.startsWith("[") ? rest : `[${rest}]`);
  } else if (!trimmed.includes("[")) {
    if (trimmed.startsWith("#")) specials.add(trimmed.toLowerCase());
    else setColumns(`[${trimmed}]`);
  } else {
    for (const part of topLevelParts(trimmed)) {
      const inner = stripBrackets(part);
      if (/^#/.test(inner) && !part.includes(":")) specials.add(inner.toLowerCase());
      else if (inner.startsWith("@")) {
        specials.add("#this row");
        if (inner.length > 1) setColumns(`[${inner.slice(1)}]`);
      } else setColumns(part);
    }
  }
  if (specials.size > 0) {
    if (specials.has("#all")) rowsItem = "#All";
    else if (specials.has("#headers") && specials.has("#data")) rowsItem = "#All";
    else if (specials.has("#headers")) rowsItem = "#Headers";
    else if (specials.has("#this row")) rowsItem = "#This Row";
    else if (specials.has("#totals")) throw new RefError();
    else rowsItem = "#Data";
  }
  let top: number;
  let bottom: number;
  switch (rowsItem) {
    case "#All":
      top = table.rect.top;
      bottom = table.rect.bottom;
      break;
    case "#Headers":
      top = bottom = table.rect.top;
      break;
    case "#This Row":
      if (!site || site.sheet !== table.sheet || site.row <= table.rect.top || site.row > table.rect.bottom)
        throw new ValueError();
      top = bottom = site.row;
      break;
    default:
      top = table.rect.top + 1;
      bottom = table.rect.bottom;
  }
  return { top, bottom, left: columns[0], right: columns[1] };
}

class RefError extends Error {}
class ValueError extends Error {}
class NameError extends Error {}

// ---------------------------------------------------------------------------------------------------
// Operators

function arithmetic(op: BinaryOp, x: Scalar, y: Scalar): Scalar {
  const a = toNumber(x);
  if (a instanceof XlErr) return a;
  const b = toNumber(y);
  if (b instanceof XlErr) return b;
  switch (op) {
    case "+":
      return num(a + b);
    case "-":
      return num(a - b);
    case "*":
      return num(a * b);
    case "/":
      return b === 0 ? DIV0 : num(a / b);
    default:
      return power(a, b);
  }
}

function power(a: number, b: number): Scalar {
  if (a === 0 && b === 0) return NUM;
  if (a === 0 && b < 0) return DIV0;
  if (a < 0 && !Number.isInteger(b)) return NUM;
  return num(a ** b);
}

function concat(x: Scalar, y: Scalar): Scalar {
  const a = toText(x);
  if (a instanceof XlErr) return a;
  const b = toText(y);
  if (b instanceof XlErr) return b;
  return a.length + b.length > 32_767 ? VALUE : a + b;
}

function equals(x: number | string | boolean | null, y: number | string | boolean | null): boolean {
  if (typeof x === "string" && typeof y === "string") return textEquals(x, y);
  if (typeof x === typeof y && x !== null) return x === y || compareScalars(x, y) === 0;
  return compareScalars(x, y) === 0;
}

function comparison(op: BinaryOp, x: Scalar, y: Scalar): Scalar {
  if (x instanceof XlErr) return x;
  if (y instanceof XlErr) return y;
  switch (op) {
    case "=":
      return equals(x, y);
    case "<>":
      return !equals(x, y);
    case "<":
      return compareScalars(x, y) < 0;
    case ">":
      return compareScalars(x, y) > 0;
    case "<=":
      return compareScalars(x, y) <= 0;
    default:
      return compareScalars(x, y) >= 0;
  }
}

function binary(op: BinaryOp, a: Scalar | Arr, b: Scalar | Arr): Scalar | Arr {
  switch (op) {
    case "&":
      return map2(a, b, concat);
    case "=":
    case "<>":
    case "<":
    case ">":
    case "<=":
    case ">=":
      return map2(a, b, (x, y) => comparison(op, x, y));
    default:
      return map2(a, b, (x, y) => arithmetic(op, x, y));
  }
}

function negate(x: Scalar): Scalar {
  const n = toNumber(x);
  return n instanceof XlErr ? n : n === 0 ? 0 : -n;
}

function percent(x: Scalar): Scalar {
  const n = toNumber(x);
  return n instanceof XlErr ? n : n / 100;
}

function mapValue(v: Scalar | Arr, f: (x: Scalar) => Scalar): Scalar | Arr {
  if (!(v instanceof Arr)) return f(v);
  const out = new Array<Scalar>(v.data.length);
  for (let i = 0; i < out.length; i++) out[i] = f(v.data[i]);
  return new Arr(v.rows, v.cols, out);
}

// ---------------------------------------------------------------------------------------------------
// Recalculation state

const PENDING = 0;
const RUNNING = 1;
const DONE = 2;

interface Anchor {
  sheet: SheetModel;
  key: number;
  cell: SimCell;
  row: number;
  column: number;
  /** Formulas in a table cannot spill, so they only matter to references that cover their own cell. */
  inTable: boolean;
  state: number;
}

/** The formula cells of one column of a sheet, top to bottom. */
interface ColumnAnchors {
  column: number;
  items: Anchor[];
  /** Index of the first anchor that may not be done yet. */
  cursor: number;
  /** All in tables: they cannot spill, so they never reach a range to their right. */
  allInTable: boolean;
}

interface SheetAnchors {
  /** Columns that hold formulas, left to right. */
  columns: ColumnAnchors[];
}

interface Run {
  bySheet: Map<SheetModel, SheetAnchors>;
  byCell: Map<SimCell, Anchor>;
  parsed: Map<string, Node | null>;
  /** Another pass is needed: a value was read before it could be computed (see `ensure`). */
  cycle: boolean;
  depth: number;
  /** > 0 while computing a formula only because its spill might reach a range being read. */
  speculative: number;
  /** The formulas being computed, outermost first. */
  stack: Anchor[];
}

/** Deeper chains of on-demand evaluation are finished by another pass instead (keeps the stack small). */
const MAX_DEPTH = 200;
/** References of at least this many cells are cached during a recalculation. */
const CACHE_MIN_CELLS = 256;

// ---------------------------------------------------------------------------------------------------
// Evaluation

export class Calculator {
  private readonly functions = new Map<string, SalesFunction>();
  private readonly env: Env;
  private run: Run | undefined;
  /** Values of large references read during this recalculation, by sheet and rectangle. */
  private readonly cache = new Map<SheetModel, Map<string, { rect: Rect; arr: Arr }>>();

  constructor(
    private readonly model: WorkbookModel,
    private readonly options: CalcOptions,
  ) {
    for (const [id, fn] of Object.entries(options.functions)) this.functions.set(id.toUpperCase(), fn);
    this.env = {
      read: (ref) => this.read(ref),
      today: () => (this.options.today ?? localTodaySerial)(),
    };
  }

  /** Evaluates every formula of the workbook (see the module comment for the order). */
  recalculate(): void {
    const all: Anchor[] = [];
    const bySheet = new Map<SheetModel, SheetAnchors>();
    const byCell = new Map<SimCell, Anchor>();
    for (const sheet of this.model.sheets) {
      const tables = this.model.tables.filter((t) => t.sheet === sheet).map((t) => t.rect);
      const keys = [...sheet.cells.keys()]
        .filter((k) => sheet.cells.get(k)!.formula !== undefined)
        .sort((a, b) => a - b);
      const items: Anchor[] = [];
      for (const key of keys) {
        const row = keyRow(key);
        const column = keyColumn(key);
        const inTable = tables.some((t) => row >= t.top && row <= t.bottom && column >= t.left && column <= t.right);
        const anchor: Anchor = { sheet, key, cell: sheet.cells.get(key)!, row, column, inTable, state: PENDING };
        items.push(anchor);
        byCell.set(anchor.cell, anchor);
      }
      const byColumn = new Map<number, ColumnAnchors>();
      for (const a of items) {
        let col = byColumn.get(a.column);
        if (!col) byColumn.set(a.column, (col = { column: a.column, items: [], cursor: 0, allInTable: true }));
        col.items.push(a);
        col.allInTable &&= a.inTable;
      }
      for (const col of byColumn.values()) col.items.sort((x, y) => x.row - y.row);
      bySheet.set(sheet, { columns: [...byColumn.values()].sort((x, y) => x.column - y.column) });
      all.push(...items);
    }
    const parsed = new Map<string, Node | null>();
    let previous: string[] | undefined;
    try {
      for (let pass = 0; pass < 6; pass++) {
        for (const a of all) a.state = PENDING;
        for (const list of bySheet.values()) for (const col of list.columns) col.cursor = 0;
        this.cache.clear();
        this.run = { bySheet, byCell, parsed, cycle: false, depth: 0, speculative: 0, stack: [] };
        for (const a of all) this.ensure(a);
        if (!this.run.cycle) break;
        const signature = all.map((a) => this.signature(a));
        if (previous && signature.every((s, i) => s === previous![i])) break;
        previous = signature;
      }
    } finally {
      this.run = undefined;
      this.cache.clear();
    }
    this.model.dirty = false;
  }

  private signature(a: Anchor): string {
    const cell = a.cell;
    const parts: unknown[] = [cell.value, cell.spill];
    if (cell.spill) {
      for (let r = cell.spill.top; r <= cell.spill.bottom; r++) {
        for (let c = cell.spill.left; c <= cell.spill.right; c++)
          parts.push(this.model.getCell(a.sheet, r, c)?.value ?? "");
      }
    }
    return JSON.stringify(parts);
  }

  /**
   * Computes a formula cell now unless it is done. A formula that needs one still being computed is in a
   * circular reference: it is not evaluated (Excel warns and shows 0; the sim shows the formula) — unless
   * the chain that led here was only speculative (a spill that might have reached the range), in which
   * case the last value stands and another pass settles it. Very deep chains also finish in another pass.
   */
  private ensure(a: Anchor): void {
    const run = this.run!;
    if (a.state === DONE) return;
    if (a.state === RUNNING) this.circular(run);
    if (a.state === RUNNING || run.depth >= MAX_DEPTH) {
      run.cycle = true;
      return;
    }
    a.state = RUNNING;
    run.depth++;
    run.stack.push(a);
    try {
      this.compute(a, run);
    } finally {
      run.stack.pop();
      run.depth--;
      a.state = DONE;
    }
  }

  private compute(a: Anchor, run: Run): void {
    const formula = a.cell.formula!;
    let node = run.parsed.get(formula);
    if (node === undefined) {
      try {
        node = parseFormula(formula, isKnownFunction);
      } catch {
        node = null;
      }
      run.parsed.set(formula, node);
    }
    const before = a.cell.spill;
    const result = node === null ? Unsupported : this.evaluate(node, { sheet: a.sheet, row: a.row, column: a.column });
    if (result === Unsupported) {
      this.model.clearSpill(a.sheet, a.key);
      a.cell.value = formula;
      a.cell.unevaluated = true;
    } else {
      this.place(a.sheet, a.key, a.cell, result as Scalar | Arr);
    }
    this.invalidate(a.sheet, before ?? { top: a.row, bottom: a.row, left: a.column, right: a.column });
    if (a.cell.spill) this.invalidate(a.sheet, a.cell.spill);
  }

  /** Forgets cached reads that overlap cells a formula just wrote. */
  private invalidate(sheet: SheetModel, rect: Rect): void {
    const entries = this.cache.get(sheet);
    if (!entries) return;
    for (const [key, e] of entries) {
      if (
        e.rect.left <= rect.right &&
        rect.left <= e.rect.right &&
        e.rect.top <= rect.bottom &&
        rect.top <= e.rect.bottom
      )
        entries.delete(key);
    }
  }

  /** Before `rect` is read: computes the pending formulas whose cell, or possible spill, lies in it. */
  private ensureRange(sheet: SheetModel, rect: Rect): void {
    const run = this.run;
    const list = run?.bySheet.get(sheet);
    if (!run || !list) return;
    for (const col of list.columns) {
      if (col.column > rect.right) break;
      if (col.column < rect.left && col.allInTable) continue;
      const items = col.items;
      let i = col.cursor;
      while (i < items.length && items[i].state === DONE) i++;
      col.cursor = i;
      for (; i < items.length; i++) {
        const a = items[i];
        if (a.row > rect.bottom) break;
        if (a.state !== PENDING || !this.mayReach(a, rect)) continue;
        const own = a.row >= rect.top && a.column >= rect.left;
        if (!own) run.speculative++;
        try {
          this.ensure(a);
        } finally {
          if (!own) run.speculative--;
        }
      }
    }
    for (const a of run.stack) {
      if (a.sheet === sheet && this.holdsIn(a, rect)) {
        this.circular(run);
        run.cycle = true;
      }
    }
  }

  private circular(run: Run): void {
    if (run.speculative === 0) throw new Unsupported("circular reference");
  }

  /** Whether the anchor's cell or its current spill lies in `rect`. */
  private holdsIn(a: Anchor, rect: Rect): boolean {
    const area = a.cell.spill ?? { top: a.row, bottom: a.row, left: a.column, right: a.column };
    return area.left <= rect.right && rect.left <= area.right && area.top <= rect.bottom && rect.top <= area.bottom;
  }

  /**
   * Whether the anchor's result could land in `rect`: its own cell is there, or its spill could reach it —
   * every spill that reaches `rect` covers rect's cell nearest the anchor, so that cell must be free.
   */
  private mayReach(a: Anchor, rect: Rect): boolean {
    if (a.row > rect.bottom || a.column > rect.right) return false;
    if (a.row >= rect.top && a.column >= rect.left) return true;
    if (a.inTable) return false;
    const corner = a.sheet.cells.get(cellKey(Math.max(a.row, rect.top), Math.max(a.column, rect.left)));
    if (!corner || corner === a.cell) return true;
    return corner.formula === undefined && (corner.spilledFrom !== undefined || isEmptyCell(corner));
  }

  /** Evaluates a formula text at a site (for tests and the preview's hover). */
  evaluateFormula(formula: string, sheet: SheetModel, row: number, column: number): unknown[][] | SimCellValue {
    let node: Node;
    try {
      node = parseFormula(formula, isKnownFunction);
    } catch {
      return formula;
    }
    const v = this.evaluate(node, { sheet, row, column });
    if (v === Unsupported) return formula;
    if (v instanceof Arr) return v.toRows().map((r) => r.map(toCell));
    return toCell(v as Scalar);
  }

  private place(sheet: SheetModel, key: number, cell: SimCell, result: Scalar | Arr): void {
    if (result instanceof Arr && cell.spill && this.replaceSpill(sheet, key, cell, result)) return;
    this.model.clearSpill(sheet, key);
    cell.unevaluated = undefined;
    if (!(result instanceof Arr) || (result.rows === 1 && result.cols === 1)) {
      cell.value = toCell(result instanceof Arr ? result.data[0] : result);
      return;
    }
    const { rows, cols } = result;
    const row0 = keyRow(key);
    const col0 = keyColumn(key);
    const area: Rect = { top: row0, left: col0, bottom: row0 + rows - 1, right: col0 + cols - 1 };
    const tables = this.model.tables.filter((t) => t.sheet === sheet).map((t) => t.rect);
    const overlaps = (t: Rect) =>
      t.left <= area.right && area.left <= t.right && t.top <= area.bottom && area.top <= t.bottom;
    let blocked = tables.some(overlaps) || area.right >= MAX_COLUMNS || area.bottom >= 1_048_576;
    for (let r = area.top; r <= area.bottom && !blocked; r++) {
      for (let c = area.left; c <= area.right && !blocked; c++) {
        if (r === row0 && c === col0) continue;
        const other = sheet.cells.get(cellKey(r, c));
        if (other && (!isEmptyCell(other) || other.spilledFrom !== undefined)) blocked = true;
      }
    }
    if (blocked) {
      cell.value = "#SPILL!";
      return;
    }
    cell.spill = area;
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const value = toCell(result.data[r * cols + c]);
        if (r === 0 && c === 0) {
          cell.value = value;
          continue;
        }
        const k = cellKey(row0 + r, col0 + c);
        const existing = sheet.cells.get(k);
        if (existing) {
          existing.value = value;
          existing.spilledFrom = key;
        } else sheet.cells.set(k, { value, spilledFrom: key });
      }
    }
  }

  /** A result the same shape as the spill already in place overwrites it (the usual case on recalculation). */
  private replaceSpill(sheet: SheetModel, key: number, cell: SimCell, result: Arr): boolean {
    const area = cell.spill!;
    if (rectRows(area) !== result.rows || rectColumns(area) !== result.cols) return false;
    if (
      this.model.tables.some(
        (t) =>
          t.sheet === sheet &&
          t.rect.left <= area.right &&
          area.left <= t.rect.right &&
          t.rect.top <= area.bottom &&
          area.top <= t.rect.bottom,
      )
    ) {
      return false;
    }
    const targets: Array<SimCell | undefined> = new Array(result.data.length);
    let i = 0;
    for (let r = area.top; r <= area.bottom; r++) {
      for (let c = area.left; c <= area.right; c++, i++) {
        const k = cellKey(r, c);
        if (k === key) continue;
        const other = sheet.cells.get(k);
        if (other && other.spilledFrom !== key && (!isEmptyCell(other) || other.spilledFrom !== undefined))
          return false;
        targets[i] = other;
      }
    }
    cell.unevaluated = undefined;
    cell.value = toCell(result.data[0]);
    i = 0;
    for (let r = area.top; r <= area.bottom; r++) {
      for (let c = area.left; c <= area.right; c++, i++) {
        if (i === 0) continue;
        const value = toCell(result.data[i]);
        const target = targets[i];
        if (target) {
          target.value = value;
          target.spilledFrom = key;
        } else sheet.cells.set(cellKey(r, c), { value, spilledFrom: key });
      }
    }
    return true;
  }

  /** Returns the `Unsupported` class itself when the formula uses something the sim does not compute. */
  private evaluate(node: Node, site: Site): Scalar | Arr | typeof Unsupported {
    try {
      const v = this.value(node, site);
      return v instanceof Ref ? deref(v, this.env) : v;
    } catch (e) {
      if (e instanceof RefError) return REF;
      if (e instanceof ValueError) return VALUE;
      if (e instanceof NameError) return NAME;
      // Unsupported, or a fault of the simulator itself: show the formula rather than a wrong value.
      return Unsupported;
    }
  }

  /** Values of a reference, after computing the formulas it covers; whole rows/columns stop at the used range. */
  private read(ref: Ref): Arr {
    let rect = ref.rect;
    if (rectRows(rect) * rectColumns(rect) > 1_000_000) {
      const used = this.model.usedRect(ref.sheet, false);
      rect = used
        ? {
            top: rect.top,
            left: rect.left,
            bottom: Math.max(rect.top, Math.min(rect.bottom, used.bottom)),
            right: Math.max(rect.left, Math.min(rect.right, used.right)),
          }
        : { top: rect.top, left: rect.left, bottom: rect.top, right: Math.min(rect.right, rect.left + 255) };
    }
    const rows = rectRows(rect);
    const cols = rectColumns(rect);
    const cacheable = rows * cols >= CACHE_MIN_CELLS && this.run !== undefined;
    const cacheKey = `${rect.top},${rect.left},${rect.bottom},${rect.right}`;
    if (cacheable) {
      const hit = this.cache.get(ref.sheet)?.get(cacheKey);
      if (hit) return hit.arr;
    }
    this.ensureRange(ref.sheet, rect);
    const cells = ref.sheet.cells;
    const data = new Array<Scalar>(rows * cols);
    let i = 0;
    for (let r = rect.top; r <= rect.bottom; r++) {
      const base = r * MAX_COLUMNS;
      for (let c = rect.left; c <= rect.right; c++) {
        const cell = cells.get(base + c);
        data[i++] = cell === undefined ? null : cellValue(cell);
      }
    }
    const arr = new Arr(rows, cols, data);
    if (cacheable) {
      let sheetCache = this.cache.get(ref.sheet);
      if (!sheetCache) this.cache.set(ref.sheet, (sheetCache = new Map()));
      sheetCache.set(cacheKey, { rect, arr });
    }
    return arr;
  }

  /** A reference as Excel hands it to a custom function: blanks as "", error cells as error objects. */
  private readRef(ref: Ref, forFunction: boolean): unknown[][] {
    return this.toFunctionMatrix(this.read(ref), forFunction);
  }

  private toFunctionMatrix(arr: Arr, forFunction: boolean): unknown[][] {
    const out: unknown[][] = [];
    for (let r = 0; r < arr.rows; r++) {
      const row: unknown[] = [];
      for (let c = 0; c < arr.cols; c++) row.push(this.toFunctionValue(arr.data[r * arr.cols + c], forFunction));
      out.push(row);
    }
    return out;
  }

  private toFunctionValue(v: Scalar, forFunction: boolean): unknown {
    if (v === null) return "";
    if (v instanceof XlErr) return forFunction && this.options.makeError ? this.options.makeError(v.code) : v.code;
    return v;
  }

  private value(node: Node, site: Site): Value {
    switch (node.t) {
      case "lit":
        return node.v;
      case "missing":
        return null;
      case "array":
        return new Arr(node.rows, node.cols, node.data);
      case "a1":
        return this.a1(node, site);
      case "struct": {
        let table: TableModel | undefined;
        if (node.table !== undefined) table = this.model.table(node.table);
        else {
          table = this.model.tables.find(
            (t) =>
              t.sheet === site.sheet &&
              site.row >= t.rect.top &&
              site.row <= t.rect.bottom &&
              site.column >= t.rect.left &&
              site.column <= t.rect.right,
          );
        }
        if (!table) throw new RefError();
        return new Ref(table.sheet, resolveStructuredReference(this.model, table, node.spec, site));
      }
      case "name": {
        const bound = site.scope?.get(node.name.toUpperCase());
        if (bound !== undefined) return bound;
        const table = this.model.table(node.name);
        if (!table) throw new Unsupported(`name ${node.name}`);
        return new Ref(table.sheet, resolveStructuredReference(this.model, table, "", site));
      }
      case "call":
        if (node.name.startsWith("SALES.")) {
          try {
            return this.call(node.name, node.args, site);
          } catch (e) {
            if (e instanceof Unsupported) throw e;
            return errorValue(e);
          }
        }
        return this.call(node.name, node.args, site);
      case "unary": {
        const v = this.value(node.arg, site);
        if (node.op === "@") return this.intersect(v, site);
        const d = deref(v, this.env);
        return node.op === "-" ? mapValue(d, negate) : d;
      }
      case "percent":
        return mapValue(deref(this.value(node.arg, site), this.env), percent);
      case "binary": {
        const left = deref(this.value(node.left, site), this.env);
        const right = deref(this.value(node.right, site), this.env);
        return binary(node.op, left, right);
      }
      case "range": {
        const a = this.value(node.left, site);
        const b = this.value(node.right, site);
        if (!(a instanceof Ref) || !(b instanceof Ref) || a.sheet !== b.sheet) return VALUE;
        return new Ref(a.sheet, {
          top: Math.min(a.rect.top, b.rect.top),
          left: Math.min(a.rect.left, b.rect.left),
          bottom: Math.max(a.rect.bottom, b.rect.bottom),
          right: Math.max(a.rect.right, b.rect.right),
        });
      }
    }
  }

  private a1(node: Extract<Node, { t: "a1" }>, site: Site): Value {
    const sheet = node.sheet === undefined ? site.sheet : this.model.sheet(node.sheet);
    if (!sheet) throw new RefError();
    const rect = parseLocalAddress(node.local);
    if (!rect) throw new RefError();
    if (!node.spill) return new Ref(sheet, rect);
    const anchorCell = this.model.getCell(sheet, rect.top, rect.left);
    if (!anchorCell || anchorCell.formula === undefined) throw new RefError();
    const anchor = this.run?.byCell.get(anchorCell);
    if (anchor) this.ensure(anchor);
    if (anchorCell.unevaluated) throw new Unsupported("spill of an unevaluated formula");
    return new Ref(sheet, anchorCell.spill ?? { top: rect.top, left: rect.left, bottom: rect.top, right: rect.left });
  }

  /** `@`: Excel's implicit intersection — the cell of a range in the formula's row or column. */
  private intersect(v: Value, site: Site): Value {
    if (v instanceof Arr) return v.data[0];
    if (!(v instanceof Ref)) return v;
    const { rect } = v;
    if (rect.top === rect.bottom && rect.left === rect.right) return v;
    if (rect.left === rect.right && site.row >= rect.top && site.row <= rect.bottom && v.sheet === site.sheet) {
      return new Ref(v.sheet, { top: site.row, bottom: site.row, left: rect.left, right: rect.left });
    }
    if (rect.top === rect.bottom && site.column >= rect.left && site.column <= rect.right && v.sheet === site.sheet) {
      return new Ref(v.sheet, { top: rect.top, bottom: rect.top, left: site.column, right: site.column });
    }
    return VALUE;
  }

  /** LET(name1, value1, [name2, value2, …], calculation). */
  private let(args: Node[], site: Site): Value {
    if (args.length < 3 || args.length % 2 === 0) throw new Unsupported("LET needs name/value pairs and a calculation");
    const scope = new Map(site.scope ?? []);
    const inner: Site = { ...site, scope };
    for (let i = 0; i < args.length - 1; i += 2) {
      const name = args[i];
      if (name.t !== "name") throw new Unsupported("LET name");
      scope.set(name.name.toUpperCase(), this.value(args[i + 1], inner));
    }
    return this.value(args[args.length - 1], inner);
  }

  /** An Excel worksheet function (./formula/functions.ts) or LET. */
  private callExcel(name: string, args: Node[], site: Site): Value {
    if (name === "LET") return this.let(args, site);
    const def = lookupFunction(name);
    if (!def) throw new Unsupported(`function ${name}`);
    // Excel refuses to enter a formula with the wrong number of arguments.
    if (args.length < def.min || args.length > def.max) throw new Unsupported(`${name} argument count`);
    const env: Env = name === "ROW" ? { ...this.env, row: () => site.row } : this.env;
    if (def.lazy)
      return def.fn(
        args.map((a) => () => this.value(a, site)),
        env,
      );
    return def.fn(
      args.map((a) => this.value(a, site)),
      env,
    );
  }

  private call(name: string, args: Node[], site: Site): Value {
    if (!name.startsWith("SALES.")) return this.callExcel(name, args, site);
    const id = name.slice(6);
    const fn = this.functions.get(id);
    if (!fn) throw new NameError();
    const shapes = this.options.parameters?.[id];
    const values = args.map((a, i) => {
      const v = this.value(a, site);
      const shape = shapes?.[i]?.dimensionality;
      if (v === null) return null;
      let arg: unknown = v;
      if (v instanceof Ref) arg = this.readRef(v, true);
      else if (v instanceof Arr) arg = this.toFunctionMatrix(v, true);
      else if (v instanceof XlErr) arg = this.toFunctionValue(v, true);
      if (shape === "scalar") return this.scalar(arg);
      if (shape === "matrix" || Array.isArray(arg)) return Array.isArray(arg) ? arg : [[arg]];
      return arg;
    });
    const arity = shapes?.length ?? fn.length;
    while (values.length < arity) values.push(null);
    const limit = this.options.payloadLimit;
    if (limit !== undefined) {
      let bytes = 0;
      for (const v of values) bytes += Array.isArray(v) ? matrixBytes(v as unknown[][]) : cellBytes(v);
      if (bytes > limit) return CALC;
    }
    const result = fn(...values);
    if (result && typeof result === "object" && typeof (result as { then?: unknown }).then === "function") return BUSY;
    if (Array.isArray(result)) return fromFunctionMatrix(result as unknown[][]);
    if (result === null || result === undefined) return 0;
    if (typeof result === "object") return errorValue(result);
    return fromFunctionValue(result);
  }

  /** A scalar parameter given a range: a single cell is its value; Excel answers #VALUE! for larger ranges here. */
  private scalar(v: unknown): unknown {
    if (Array.isArray(v)) {
      if (v.length === 1 && Array.isArray(v[0]) && v[0].length === 1) return v[0][0];
      throw new ValueError();
    }
    return v;
  }
}

/** A cell's value as a formula sees it: empty cells are blank, error texts are errors (unless typed as text). */
function cellValue(cell: SimCell): Scalar {
  if (cell.formula !== undefined && cell.unevaluated) throw new Unsupported("depends on an unevaluated formula");
  const v = cell.value;
  if (typeof v !== "string") return v;
  if (v === "") return cell.formula === undefined && cell.spilledFrom === undefined ? null : "";
  if (v.charCodeAt(0) === 35 /* # */ && !cell.quotePrefix) return errorFromText(v) ?? v;
  return v;
}
