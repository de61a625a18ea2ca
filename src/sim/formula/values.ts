/**
 * Values of the simulator's formula language, as Excel 365 has them: numbers, text, booleans, errors and
 * "blank" (an empty cell read through a reference or an omitted argument), grids of those (dynamic arrays),
 * and references. Grids are flat row-major arrays of primitives so a 60,000-row column costs one array,
 * not 60,000 objects; errors are interned singletons for the same reason.
 */
import type { Rect } from "../address";
import type { SheetModel } from "../model";
import { interpretInput } from "../model";

export type ErrorCode =
  "#NULL!" | "#DIV/0!" | "#VALUE!" | "#REF!" | "#NAME?" | "#NUM!" | "#N/A" | "#SPILL!" | "#CALC!" | "#BUSY!";

export const ERROR_CODES: readonly ErrorCode[] = [
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#SPILL!",
  "#CALC!",
  "#BUSY!",
];

/** An Excel error value. One instance per code: compare with `===` or by `code`. */
export class XlErr {
  private static readonly interned = new Map<string, XlErr>();
  private constructor(readonly code: ErrorCode) {}
  static of(code: ErrorCode): XlErr {
    let e = XlErr.interned.get(code);
    if (!e) {
      e = new XlErr(code);
      XlErr.interned.set(code, e);
    }
    return e;
  }
  toString(): string {
    return this.code;
  }
}

export const NULL_ERR = XlErr.of("#NULL!");
export const DIV0 = XlErr.of("#DIV/0!");
export const VALUE = XlErr.of("#VALUE!");
export const REF = XlErr.of("#REF!");
export const NAME = XlErr.of("#NAME?");
export const NUM = XlErr.of("#NUM!");
export const NA = XlErr.of("#N/A");
export const SPILL = XlErr.of("#SPILL!");
export const CALC = XlErr.of("#CALC!");
export const BUSY = XlErr.of("#BUSY!");

const CODE_SET = new Set<string>(ERROR_CODES);

/** The error a code text names (as a cell stores it), or undefined. */
export function errorFromText(text: string): XlErr | undefined {
  return CODE_SET.has(text) ? XlErr.of(text as ErrorCode) : undefined;
}

/** `null` is Excel's blank: an empty cell seen through a reference, or an omitted argument. */
export type Scalar = number | string | boolean | XlErr | null;

/** A dynamic array: `rows` × `cols` values, row-major. Never empty (Excel has no empty arrays). */
export class Arr {
  constructor(
    readonly rows: number,
    readonly cols: number,
    readonly data: Scalar[],
  ) {}
  at(r: number, c: number): Scalar {
    return this.data[r * this.cols + c];
  }
  static of(rows: Scalar[][]): Arr {
    const cols = rows[0].length;
    const data: Scalar[] = [];
    for (const row of rows) for (let c = 0; c < cols; c++) data.push(row[c]);
    return new Arr(rows.length, cols, data);
  }
  toRows(): Scalar[][] {
    const out: Scalar[][] = [];
    for (let r = 0; r < this.rows; r++) out.push(this.data.slice(r * this.cols, (r + 1) * this.cols));
    return out;
  }
}

/** A reference to a rectangle of cells; functions such as COUNTIF, ROWS and INDEX need the reference itself. */
export class Ref {
  constructor(
    readonly sheet: SheetModel,
    readonly rect: Rect,
  ) {}
  get rows(): number {
    return this.rect.bottom - this.rect.top + 1;
  }
  get cols(): number {
    return this.rect.right - this.rect.left + 1;
  }
}

export type Value = Scalar | Arr | Ref;

/** Thrown for anything the simulator does not compute: the formula then shows its text. */
export class Unsupported extends Error {
  constructor(what = "unsupported") {
    super(what);
  }
}

export function isErr(v: unknown): v is XlErr {
  return v instanceof XlErr;
}

// ---------------------------------------------------------------------------------------------------
// Conversions (what Excel does to an operand of + - * / ^ &, a condition, a comparison)

/** Text → number as Excel's arithmetic reads it (en-US): "12", " 1,200 ", "$5", "50%", "2026-01-05", "1/5/2026". */
export function parseNumberText(text: string): number | undefined {
  const t = text.trim();
  if (t === "" || t.startsWith("=") || t.startsWith("'")) return undefined;
  const parsed = interpretInput(t);
  return typeof parsed.value === "number" && parsed.formula === undefined ? parsed.value : undefined;
}

export function toNumber(v: Scalar): number | XlErr {
  if (typeof v === "number") return v;
  if (v === null) return 0;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "string") {
    const n = parseNumberText(v);
    return n === undefined ? VALUE : n;
  }
  return v;
}

export function toBool(v: Scalar): boolean | XlErr {
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  if (v === null) return false;
  if (typeof v === "string") {
    const u = v.toUpperCase();
    if (u === "TRUE") return true;
    if (u === "FALSE") return false;
    return VALUE;
  }
  return v;
}

export function toText(v: Scalar): string | XlErr {
  if (typeof v === "string") return v;
  if (typeof v === "number") return numberToText(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v === null) return "";
  return v;
}

/**
 * A number as text the way `&` and text functions write it: up to 15 significant digits, no trailing
 * zeros, scientific notation (1E+15, 1.5E-11) for very large or very small magnitudes.
 */
export function numberToText(n: number): string {
  if (n === 0) return "0";
  const abs = Math.abs(n);
  if (Number.isInteger(n) && abs < 1e15) return String(n);
  const rounded = Number(n.toPrecision(15));
  const rabs = Math.abs(rounded);
  if (rabs >= 1e15 || rabs < 1e-9) {
    const [mantissa, exponent] = rounded.toExponential().split("e");
    const e = Number(exponent);
    return `${mantissa.toUpperCase()}E${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
  }
  const magnitude = Math.floor(Math.log10(rabs));
  const decimals = Math.min(20, Math.max(0, 14 - magnitude));
  let text = rounded.toFixed(decimals);
  if (text.includes(".")) text = text.replace(/0+$/, "").replace(/\.$/, "");
  return text;
}

/** Non-finite results (overflow) are #NUM! in Excel. */
export function num(n: number): number | XlErr {
  return Number.isFinite(n) ? n : NUM;
}

// ---------------------------------------------------------------------------------------------------
// Comparison

const collator = new Intl.Collator("en-US", { sensitivity: "accent", numeric: false });

/** Case-insensitive text equality, as Excel's `=` and lookups compare text. */
export function textEquals(a: string, b: string): boolean {
  if (a === b) return true;
  // ASCII case folding without allocating; other text goes through toLowerCase.
  const n = a.length;
  if (n !== b.length) return !isAscii(a) || !isAscii(b) ? a.toLowerCase() === b.toLowerCase() : false;
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 128 || y >= 128) return a.toLowerCase() === b.toLowerCase();
    if (x >= 65 && x <= 90) x += 32;
    if (y >= 65 && y <= 90) y += 32;
    if (x !== y) return false;
  }
  return true;
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 128) return false;
  return true;
}

export function textCompare(a: string, b: string): number {
  if (textEquals(a, b)) return 0;
  const c = collator.compare(a, b);
  return c < 0 ? -1 : c > 0 ? 1 : a.toLowerCase() < b.toLowerCase() ? -1 : 1;
}

/** Two numbers Excel shows alike at 15 significant digits compare equal (0.1+0.2 = 0.3 is TRUE). */
export function numberCompare(a: number, b: number): number {
  if (a === b) return 0;
  const scale = Math.max(Math.abs(a), Math.abs(b));
  if (Math.abs(a - b) <= scale * 1e-15) return 0;
  return a < b ? -1 : 1;
}

function typeRank(v: number | string | boolean): number {
  return typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2;
}

/**
 * Excel's ordering for `= <> < > <= >=`: numbers < text < FALSE < TRUE; text case-insensitive; a blank is
 * 0 against a number, "" against text, FALSE against a boolean. Errors are handled by the caller.
 */
export function compareScalars(a: number | string | boolean | null, b: number | string | boolean | null): number {
  if (a === null && b === null) return 0;
  if (a === null) a = typeof b === "number" ? 0 : typeof b === "string" ? "" : false;
  if (b === null) b = typeof a === "number" ? 0 : typeof a === "string" ? "" : false;
  const ra = typeRank(a);
  const rb = typeRank(b);
  if (ra !== rb) return ra < rb ? -1 : 1;
  if (ra === 0) return numberCompare(a as number, b as number);
  if (ra === 1) return textCompare(a as string, b as string);
  return a === b ? 0 : a ? 1 : -1;
}

// ---------------------------------------------------------------------------------------------------
// Broadcasting

/**
 * The shape Excel gives an element-wise operation over these operands: each dimension is the largest
 * one; an operand of size 1 in a dimension repeats along it; beyond an operand's size the cell is #N/A.
 */
export function broadcastShape(values: Array<Scalar | Arr>): { rows: number; cols: number } | undefined {
  let rows = 1;
  let cols = 1;
  let any = false;
  for (const v of values) {
    if (v instanceof Arr) {
      any = true;
      if (v.rows > rows) rows = v.rows;
      if (v.cols > cols) cols = v.cols;
    }
  }
  return any ? { rows, cols } : undefined;
}

/** The element of `v` at (r, c) of a broadcast, or #N/A where `v` does not reach. */
export function elementAt(v: Scalar | Arr, r: number, c: number): Scalar {
  if (!(v instanceof Arr)) return v;
  const rr = v.rows === 1 ? 0 : r;
  const cc = v.cols === 1 ? 0 : c;
  if (rr >= v.rows || cc >= v.cols) return NA;
  return v.data[rr * v.cols + cc];
}

/** Applies a binary scalar operation element-wise with Excel's broadcasting. */
export function map2(a: Scalar | Arr, b: Scalar | Arr, f: (x: Scalar, y: Scalar) => Scalar): Scalar | Arr {
  const aArr = a instanceof Arr;
  const bArr = b instanceof Arr;
  if (!aArr && !bArr) return f(a as Scalar, b as Scalar);
  if (aArr && !bArr) {
    const src = (a as Arr).data;
    const out = new Array<Scalar>(src.length);
    for (let i = 0; i < src.length; i++) out[i] = f(src[i], b as Scalar);
    return new Arr((a as Arr).rows, (a as Arr).cols, out);
  }
  if (!aArr && bArr) {
    const src = (b as Arr).data;
    const out = new Array<Scalar>(src.length);
    for (let i = 0; i < src.length; i++) out[i] = f(a as Scalar, src[i]);
    return new Arr((b as Arr).rows, (b as Arr).cols, out);
  }
  const x = a as Arr;
  const y = b as Arr;
  if (x.rows === y.rows && x.cols === y.cols) {
    const out = new Array<Scalar>(x.data.length);
    for (let i = 0; i < out.length; i++) out[i] = f(x.data[i], y.data[i]);
    return new Arr(x.rows, x.cols, out);
  }
  const rows = Math.max(x.rows, y.rows);
  const cols = Math.max(x.cols, y.cols);
  const out = new Array<Scalar>(rows * cols);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      out[r * cols + c] = inside(x, r, c) && inside(y, r, c) ? f(elementAt(x, r, c), elementAt(y, r, c)) : NA;
    }
  }
  return new Arr(rows, cols, out);
}

function inside(v: Arr, r: number, c: number): boolean {
  return (v.rows === 1 || r < v.rows) && (v.cols === 1 || c < v.cols);
}

/** Applies an n-ary scalar function element-wise (Excel's "lifting" of a function over arrays). */
export function mapN(values: Array<Scalar | Arr>, f: (xs: Scalar[]) => Scalar): Scalar | Arr {
  const shape = broadcastShape(values);
  const xs = new Array<Scalar>(values.length);
  if (!shape) {
    for (let i = 0; i < values.length; i++) xs[i] = values[i] as Scalar;
    return f(xs);
  }
  const out = new Array<Scalar>(shape.rows * shape.cols);
  for (let r = 0; r < shape.rows; r++) {
    for (let c = 0; c < shape.cols; c++) {
      let outside = false;
      for (let i = 0; i < values.length; i++) {
        const v = values[i];
        if (v instanceof Arr && !inside(v, r, c)) outside = true;
        xs[i] = elementAt(v, r, c);
      }
      out[r * shape.cols + c] = outside ? NA : f(xs);
    }
  }
  return new Arr(shape.rows, shape.cols, out);
}

/** A 1×1 array is its element. */
export function simplify(v: Scalar | Arr): Scalar | Arr {
  return v instanceof Arr && v.rows === 1 && v.cols === 1 ? v.data[0] : v;
}
