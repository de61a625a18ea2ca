/**
 * Formula evaluation for the simulated host. Only what the add-in writes is evaluated: a formula made of
 * SALES.* calls whose arguments are references (A1, sheet-qualified, spill `A1#`, table structured
 * references), literals, array constants, TODAY(), DATE(), ROWS(), COLUMNS() and INDEX() — and a bare
 * reference such as `=Stages[Stage]`, which spills like Excel's. Anything else (operators, other Excel
 * functions, defined names) stays unevaluated and shows its formula text, so a reader of the preview sees
 * plainly what the sim did not compute. Results spill like dynamic arrays; a blocked spill is #SPILL!.
 */
import { MAX_COLUMNS, Rect, parseLocalAddress, rectColumns, rectRows } from "./address";
import { SheetModel, SimCell, SimCellValue, TableModel, WorkbookModel, cellKey, isEmptyCell, keyColumn, keyRow } from "./model";

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
}

class Unsupported extends Error {}

interface RefValue {
  kind: "ref";
  sheet: SheetModel;
  rect: Rect;
}
type Value = SimCellValue | null | unknown[][] | RefValue;

const ERROR_CODES = new Set(["#VALUE!", "#NUM!", "#DIV/0!", "#N/A", "#NAME?", "#REF!", "#NULL!", "#SPILL!", "#CALC!", "#BUSY!"]);

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

// ---------------------------------------------------------------------------------------------------
// Parsing

/** Where the formula lives: needed for [@Column] and [#This Row]. */
interface Site {
  sheet: SheetModel;
  row: number;
  column: number;
}

type Node =
  | { t: "lit"; v: SimCellValue | null }
  | { t: "array"; rows: SimCellValue[][] }
  | { t: "call"; name: string; args: Node[] }
  | { t: "a1"; sheet?: string; local: string; spill: boolean }
  | { t: "struct"; table?: string; spec: string }
  /** A bare name: a table name means its data body (=SUM(Leads) style); defined names are not supported. */
  | { t: "name"; name: string };

class Parser {
  private i = 0;
  constructor(private readonly s: string) {}

  parseFormula(): Node {
    if (this.s[0] !== "=") throw new Unsupported();
    this.i = 1;
    const node = this.expr();
    this.ws();
    if (this.i !== this.s.length) throw new Unsupported();
    return node;
  }

  private ws(): void {
    while (this.i < this.s.length && /\s/.test(this.s[this.i])) this.i++;
  }

  private peek(): string {
    return this.s[this.i] ?? "";
  }

  private expr(): Node {
    this.ws();
    const node = this.unary();
    this.ws();
    const next = this.peek();
    if (next !== "" && next !== "," && next !== ")" && next !== ";" && next !== "}") throw new Unsupported();
    return node;
  }

  private unary(): Node {
    const ch = this.peek();
    if (ch === "-" || ch === "+") {
      this.i++;
      const inner = this.unary();
      if (inner.t !== "lit" || typeof inner.v !== "number") throw new Unsupported();
      return { t: "lit", v: ch === "-" ? -inner.v : inner.v };
    }
    return this.primary();
  }

  private bracket(): string {
    // Returns the text inside a balanced [...] (the outer brackets excluded); ' escapes the next character.
    const start = this.i;
    let depth = 0;
    for (; this.i < this.s.length; this.i++) {
      const ch = this.s[this.i];
      if (ch === "'") {
        this.i++;
        continue;
      }
      if (ch === "[") depth++;
      else if (ch === "]") {
        depth--;
        if (depth === 0) {
          this.i++;
          return this.s.slice(start + 1, this.i - 1);
        }
      }
    }
    throw new Unsupported();
  }

  private primary(): Node {
    this.ws();
    const ch = this.peek();
    if (ch === "(") {
      this.i++;
      const inner = this.expr();
      if (this.peek() !== ")") throw new Unsupported();
      this.i++;
      return inner;
    }
    if (ch === '"') return { t: "lit", v: this.stringLiteral() };
    if (ch === "{") return this.arrayConstant();
    if (ch === "[") return { t: "struct", spec: this.bracket() };
    if (ch === "'") {
      const m = /^'((?:[^']|'')+)'!/.exec(this.s.slice(this.i));
      if (!m) throw new Unsupported();
      this.i += m[0].length;
      return this.a1(m[1].replace(/''/g, "'"));
    }
    const num = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?%?/.exec(this.s.slice(this.i));
    if (num && !/^\d+:/.test(this.s.slice(this.i))) {
      this.i += num[0].length;
      const text = num[0];
      return { t: "lit", v: text.endsWith("%") ? Number(text.slice(0, -1)) / 100 : Number(text) };
    }
    const name = /^[\p{L}_\\][\p{L}\p{N}_.\\]*/u.exec(this.s.slice(this.i));
    if (!name) throw new Unsupported();
    const id = name[0];
    this.i += id.length;
    const after = this.peek();
    if (after === "(") {
      this.i++;
      const args: Node[] = [];
      this.ws();
      if (this.peek() === ")") {
        this.i++;
        return { t: "call", name: id.toUpperCase(), args };
      }
      for (;;) {
        this.ws();
        if (this.peek() === "," || this.peek() === ")") args.push({ t: "lit", v: null });
        else args.push(this.expr());
        const sep = this.peek();
        this.i++;
        if (sep === ")") break;
        if (sep !== ",") throw new Unsupported();
      }
      return { t: "call", name: id.toUpperCase(), args };
    }
    if (after === "!") {
      this.i++;
      return this.a1(id);
    }
    if (after === "[") return { t: "struct", table: id, spec: this.bracket() };
    if (/^(TRUE|FALSE)$/i.test(id)) return { t: "lit", v: id.toUpperCase() === "TRUE" };
    const cell = /^\$?[A-Za-z]{1,3}\$?\d+$|^\$?[A-Za-z]{1,3}$/.test(id) || after === ":" || after === "$";
    if (!cell) return { t: "name", name: id };
    this.i -= id.length;
    return this.a1(undefined);
  }

  private a1(sheet: string | undefined): Node {
    const m = /^\$?[A-Za-z]{1,3}\$?\d+(:\$?[A-Za-z]{1,3}\$?\d+)?|^\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|^\$?\d+:\$?\d+/.exec(this.s.slice(this.i));
    if (!m) throw new Unsupported();
    this.i += m[0].length;
    let spill = false;
    if (this.peek() === "#") {
      spill = true;
      this.i++;
    }
    return { t: "a1", sheet, local: m[0], spill };
  }

  private stringLiteral(): string {
    let out = "";
    this.i++;
    for (;;) {
      if (this.i >= this.s.length) throw new Unsupported();
      const ch = this.s[this.i++];
      if (ch === '"') {
        if (this.peek() === '"') {
          out += '"';
          this.i++;
        } else return out;
      } else out += ch;
    }
  }

  private arrayConstant(): Node {
    this.i++;
    const rows: SimCellValue[][] = [[]];
    for (;;) {
      this.ws();
      const node = this.unary();
      if (node.t !== "lit" || node.v === null) throw new Unsupported();
      rows[rows.length - 1].push(node.v);
      this.ws();
      const sep = this.s[this.i++];
      if (sep === "}") break;
      if (sep === ";") rows.push([]);
      else if (sep !== ",") throw new Unsupported();
    }
    if (rows.some((r) => r.length !== rows[0].length)) throw new Unsupported();
    return { t: "array", rows };
  }
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
      if (!site || site.sheet !== table.sheet || site.row <= table.rect.top || site.row > table.rect.bottom) throw new ValueError();
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

// ---------------------------------------------------------------------------------------------------
// Evaluation

export class Calculator {
  private readonly functions = new Map<string, SalesFunction>();

  constructor(
    private readonly model: WorkbookModel,
    private readonly options: CalcOptions,
  ) {
    for (const [id, fn] of Object.entries(options.functions)) this.functions.set(id.toUpperCase(), fn);
  }

  /** Evaluates every SALES formula until results stop changing (dependencies between them are few). */
  recalculate(): void {
    const anchors: Array<{ sheet: SheetModel; key: number; cell: SimCell }> = [];
    for (const sheet of this.model.sheets) {
      const keys = [...sheet.cells.keys()].filter((k) => sheet.cells.get(k)!.formula !== undefined).sort((a, b) => a - b);
      for (const key of keys) anchors.push({ sheet, key, cell: sheet.cells.get(key)! });
    }
    const parsed = new Map<string, Node | null>();
    const previous = new Map<SimCell, string>();
    for (let pass = 0; pass < 5; pass++) {
      let changed = false;
      for (const a of anchors) {
        const formula = a.cell.formula!;
        let node = parsed.get(formula);
        if (node === undefined) {
          try {
            node = new Parser(formula).parseFormula();
          } catch {
            node = null;
          }
          parsed.set(formula, node);
        }
        const result = node === null ? Unsupported : this.evaluate(node, { sheet: a.sheet, row: keyRow(a.key), column: keyColumn(a.key) });
        if (result === Unsupported) {
          this.model.clearSpill(a.sheet, a.key);
          a.cell.value = formula;
          a.cell.unevaluated = true;
        } else {
          this.place(a.sheet, a.key, a.cell, result as unknown[][] | SimCellValue);
        }
        const after = JSON.stringify(a.cell.value) + JSON.stringify(a.cell.spill) + this.spillSignature(a.sheet, a.cell);
        if (previous.get(a.cell) !== after) changed = true;
        previous.set(a.cell, after);
      }
      if (!changed) break;
    }
    this.model.dirty = false;
  }

  private spillSignature(sheet: SheetModel, cell: SimCell): string {
    if (!cell.spill) return "";
    const parts: unknown[] = [];
    for (let r = cell.spill.top; r <= cell.spill.bottom; r++) {
      for (let c = cell.spill.left; c <= cell.spill.right; c++) parts.push(this.model.getCell(sheet, r, c)?.value ?? "");
    }
    return JSON.stringify(parts);
  }

  /** Evaluates a formula text at a site (for tests and the preview's hover). */
  evaluateFormula(formula: string, sheet: SheetModel, row: number, column: number): unknown[][] | SimCellValue {
    const node = new Parser(formula).parseFormula();
    const v = this.evaluate(node, { sheet, row, column });
    if (v === Unsupported) return formula;
    return Array.isArray(v) ? v : (v as SimCellValue);
  }

  private place(sheet: SheetModel, key: number, cell: SimCell, result: unknown[][] | SimCellValue): void {
    this.model.clearSpill(sheet, key);
    cell.unevaluated = undefined;
    const matrix = Array.isArray(result) ? (result as unknown[][]) : [[result]];
    const rows = matrix.length;
    const cols = rows > 0 ? matrix[0].length : 0;
    if (rows === 0 || cols === 0) {
      cell.value = "#CALC!";
      return;
    }
    const toCell = (v: unknown): SimCellValue => {
      if (v === null || v === undefined) return 0;
      if (typeof v === "number") return Number.isFinite(v) ? v : "#NUM!";
      if (typeof v === "string" || typeof v === "boolean") return v;
      if (v instanceof Date) return Math.round(v.getTime() / 86_400_000) + 25_569;
      return errorCode(v) ?? "#VALUE!";
    };
    if (rows === 1 && cols === 1) {
      cell.value = toCell(matrix[0][0]);
      return;
    }
    const row0 = keyRow(key);
    const col0 = keyColumn(key);
    const area: Rect = { top: row0, left: col0, bottom: row0 + rows - 1, right: col0 + cols - 1 };
    const inTable = this.model.tables.some(
      (t) => t.sheet === sheet && row0 >= t.rect.top && row0 <= t.rect.bottom && col0 >= t.rect.left && col0 <= t.rect.right,
    );
    let blocked = inTable || area.right >= MAX_COLUMNS;
    for (let r = area.top; r <= area.bottom && !blocked; r++) {
      for (let c = area.left; c <= area.right && !blocked; c++) {
        if (r === row0 && c === col0) continue;
        const other = sheet.cells.get(cellKey(r, c));
        if (other && (!isEmptyCell(other) || other.spilledFrom !== undefined)) blocked = true;
        if (this.model.tables.some((t) => t.sheet === sheet && r >= t.rect.top && r <= t.rect.bottom && c >= t.rect.left && c <= t.rect.right)) {
          blocked = true;
        }
      }
    }
    if (blocked) {
      cell.value = "#SPILL!";
      return;
    }
    cell.spill = area;
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const value = toCell(matrix[r][c]);
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

  /** Returns the `Unsupported` class itself when the formula uses something the sim does not compute. */
  private evaluate(node: Node, site: Site): unknown[][] | SimCellValue | typeof Unsupported {
    try {
      const v = this.value(node, site);
      if (v !== null && typeof v === "object" && !Array.isArray(v)) return this.readRef(v as RefValue, false);
      return v === null ? 0 : (v as unknown[][] | SimCellValue);
    } catch (e) {
      if (e instanceof Unsupported) return Unsupported;
      if (e instanceof RefError) return "#REF!";
      if (e instanceof ValueError) return "#VALUE!";
      if (e instanceof NameError) return "#NAME?";
      return errorCode(e) ?? "#VALUE!";
    }
  }

  private readRef(ref: RefValue, forFunction: boolean): unknown[][] {
    let rect = ref.rect;
    // Whole columns/rows: only the used part can hold values; the rest would be blank anyway.
    if (rectRows(rect) * rectColumns(rect) > 1_000_000) {
      const used = this.model.usedRect(ref.sheet, false);
      if (!used) return [[""]];
      rect = { top: rect.top, left: rect.left, bottom: Math.min(rect.bottom, used.bottom), right: Math.min(rect.right, used.right) };
    }
    const out: unknown[][] = [];
    for (let r = rect.top; r <= rect.bottom; r++) {
      const row: unknown[] = [];
      for (let c = rect.left; c <= rect.right; c++) {
        const v = this.model.getCell(ref.sheet, r, c)?.value ?? "";
        row.push(forFunction && isErrorText(v) && this.options.makeError ? this.options.makeError(v) : v);
      }
      out.push(row);
    }
    return out;
  }

  private value(node: Node, site: Site): Value {
    switch (node.t) {
      case "lit":
        return node.v;
      case "array":
        return node.rows;
      case "a1": {
        const sheet = node.sheet === undefined ? site.sheet : this.model.sheet(node.sheet);
        if (!sheet) throw new RefError();
        const rect = parseLocalAddress(node.local);
        if (!rect) throw new RefError();
        if (node.spill) {
          const anchor = this.model.getCell(sheet, rect.top, rect.left);
          if (!anchor || anchor.formula === undefined) throw new RefError();
          return { kind: "ref", sheet, rect: anchor.spill ?? rect };
        }
        return { kind: "ref", sheet, rect };
      }
      case "struct": {
        let table: TableModel | undefined;
        if (node.table !== undefined) table = this.model.table(node.table);
        else {
          table = this.model.tables.find(
            (t) =>
              t.sheet === site.sheet && site.row >= t.rect.top && site.row <= t.rect.bottom && site.column >= t.rect.left && site.column <= t.rect.right,
          );
        }
        if (!table) throw new RefError();
        return { kind: "ref", sheet: table.sheet, rect: resolveStructuredReference(this.model, table, node.spec, site) };
      }
      case "name": {
        const table = this.model.table(node.name);
        if (!table) throw new Unsupported();
        return { kind: "ref", sheet: table.sheet, rect: resolveStructuredReference(this.model, table, "", site) };
      }
      case "call":
        return this.call(node.name, node.args, site);
    }
  }

  private call(name: string, args: Node[], site: Site): Value {
    if (name === "TODAY" && args.length === 0) return (this.options.today ?? localTodaySerial)();
    if (name === "DATE" && args.length === 3) {
      const [y, m, d] = args.map((a) => this.scalar(this.value(a, site)));
      if (typeof y !== "number" || typeof m !== "number" || typeof d !== "number") throw new ValueError();
      return Math.round(Date.UTC(y, m - 1, d) / 86_400_000) + 25_569;
    }
    if ((name === "ROWS" || name === "COLUMNS") && args.length === 1) {
      const v = this.value(args[0], site);
      const m = this.asMatrix(v);
      return name === "ROWS" ? m.length : (m[0]?.length ?? 0);
    }
    if (name === "INDEX" && (args.length === 2 || args.length === 3)) return this.index(args, site);
    if (!name.startsWith("SALES.")) throw new Unsupported();
    const id = name.slice(6);
    const fn = this.functions.get(id);
    if (!fn) throw new NameError();
    const shapes = this.options.parameters?.[id];
    const values = args.map((a, i) => {
      const v = this.value(a, site);
      const shape = shapes?.[i]?.dimensionality;
      if (v === null) return null;
      let arg: unknown = v;
      if (typeof v === "object" && !Array.isArray(v)) arg = this.readRef(v as RefValue, true);
      if (shape === "scalar") return this.scalar(arg as Value);
      if (shape === "matrix" || Array.isArray(arg)) return Array.isArray(arg) ? arg : [[arg]];
      return arg;
    });
    const arity = shapes?.length ?? fn.length;
    while (values.length < arity) values.push(null);
    const result = fn(...values);
    if (result && typeof result === "object" && typeof (result as { then?: unknown }).then === "function") return "#BUSY!";
    if (Array.isArray(result)) return result as unknown[][];
    if (result === null || result === undefined) return 0;
    if (typeof result === "object") return errorCode(result) ?? "#VALUE!";
    return result as SimCellValue;
  }

  private asMatrix(v: Value): unknown[][] {
    if (v !== null && typeof v === "object" && !Array.isArray(v)) return this.readRef(v as RefValue, false);
    return Array.isArray(v) ? v : [[v]];
  }

  /** INDEX(array, row, [column]): 0 (or an omitted column of a one-column array) selects the whole row/column. */
  private index(args: Node[], site: Site): Value {
    const source = this.value(args[0], site);
    const row = this.scalar(this.value(args[1], site)) ?? 0;
    const col = args.length === 3 ? (this.scalar(this.value(args[2], site)) ?? 0) : 0;
    if (typeof row !== "number" || typeof col !== "number" || row < 0 || col < 0) throw new ValueError();
    const isRef = source !== null && typeof source === "object" && !Array.isArray(source);
    const rows = isRef ? rectRows((source as RefValue).rect) : this.asMatrix(source).length;
    const cols = isRef ? rectColumns((source as RefValue).rect) : (this.asMatrix(source)[0]?.length ?? 0);
    if (row > rows || col > cols) throw new RefError();
    const r0 = row === 0 ? 0 : row - 1;
    const r1 = row === 0 ? rows - 1 : row - 1;
    const c0 = col === 0 ? 0 : col - 1;
    const c1 = col === 0 ? cols - 1 : col - 1;
    if (isRef) {
      const ref = source as RefValue;
      return { kind: "ref", sheet: ref.sheet, rect: { top: ref.rect.top + r0, bottom: ref.rect.top + r1, left: ref.rect.left + c0, right: ref.rect.left + c1 } };
    }
    return this.asMatrix(source)
      .slice(r0, r1 + 1)
      .map((r) => r.slice(c0, c1 + 1));
  }

  /** A scalar parameter given a range: a single cell is its value; Excel answers #VALUE! for larger ranges here. */
  private scalar(v: Value | unknown): unknown {
    if (v !== null && typeof v === "object" && !Array.isArray(v)) v = this.readRef(v as RefValue, true);
    if (Array.isArray(v)) {
      if (v.length === 1 && Array.isArray(v[0]) && v[0].length === 1) return v[0][0];
      throw new ValueError();
    }
    return v;
  }
}

class NameError extends Error {}
