/**
 * Parser for Excel formulas (en-US syntax, as Office.js `Range.formulas` reads and writes them) into a small
 * tree. Operators follow Excel's precedence, highest first: `:` (range), unary `-`/`+`/`@`, `%`, `^`,
 * `*` `/`, `+` `-`, `&`, comparisons; all binary operators associate to the left (`2^3^2` is 64, and
 * `-2^2` is 4). What the simulator does not evaluate — the intersection (space) and union (`,` inside
 * parentheses) operators, functions it does not know, R1C1 references — makes the parse fail with
 * `Unsupported`, so the cell keeps showing its formula text.
 */
import { ErrorCode, Scalar, Unsupported, XlErr, errorFromText } from "./values";

export type BinaryOp = "+" | "-" | "*" | "/" | "^" | "&" | "=" | "<>" | "<" | ">" | "<=" | ">=";

export type Node =
  | { t: "lit"; v: Scalar }
  /** An omitted argument: `IF(A1,,2)`, `SALES.X(,1)`. */
  | { t: "missing" }
  | { t: "array"; rows: number; cols: number; data: Scalar[] }
  | { t: "a1"; sheet?: string; local: string; spill: boolean }
  | { t: "struct"; table?: string; spec: string }
  /** A bare name: a LET variable or a table's name (its data body). */
  | { t: "name"; name: string }
  | { t: "call"; name: string; args: Node[] }
  | { t: "unary"; op: "-" | "+" | "@"; arg: Node }
  | { t: "percent"; arg: Node }
  | { t: "binary"; op: BinaryOp; left: Node; right: Node }
  | { t: "range"; left: Node; right: Node };

/** Which function names the evaluator knows (upper case, without Excel's `_xlfn.` prefix). */
export type KnownFunction = (name: string) => boolean;

const ERROR_LITERAL = /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|SPILL!|CALC!|BUSY!)/i;
const NUMBER = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/;
const ROW_RANGE = /^\$?\d+:\$?\d+/;
const A1_REF = /^\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?|^\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|^\$?\d+:\$?\d+/;
const CELL = /^\$?[A-Za-z]{1,3}\$?\d+$/;
const IDENT = /^[\p{L}_\\][\p{L}\p{N}_.\\]*/u;

export function parseFormula(text: string, known: KnownFunction): Node {
  return new Parser(text, known).formula();
}

class Parser {
  private i = 0;
  constructor(
    private readonly s: string,
    private readonly known: KnownFunction,
  ) {}

  formula(): Node {
    if (this.s[0] !== "=") throw new Unsupported("not a formula");
    this.i = 1;
    const node = this.comparison();
    this.ws();
    if (this.i !== this.s.length) throw new Unsupported(`unexpected "${this.s.slice(this.i, this.i + 10)}"`);
    return node;
  }

  private ws(): void {
    while (this.i < this.s.length && /\s/.test(this.s[this.i])) this.i++;
  }

  private peek(n = 1): string {
    return this.s.slice(this.i, this.i + n);
  }

  private rest(): string {
    return this.s.slice(this.i);
  }

  private comparison(): Node {
    let left = this.concat();
    for (;;) {
      this.ws();
      const two = this.peek(2);
      const one = this.peek();
      const op =
        two === "<>" || two === "<=" || two === ">=" ? two : one === "=" || one === "<" || one === ">" ? one : "";
      if (op === "") return left;
      this.i += op.length;
      left = { t: "binary", op: op as BinaryOp, left, right: this.concat() };
    }
  }

  private concat(): Node {
    let left = this.additive();
    for (;;) {
      this.ws();
      if (this.peek() !== "&") return left;
      this.i++;
      left = { t: "binary", op: "&", left, right: this.additive() };
    }
  }

  private additive(): Node {
    let left = this.multiplicative();
    for (;;) {
      this.ws();
      const op = this.peek();
      if (op !== "+" && op !== "-") return left;
      this.i++;
      left = { t: "binary", op, left, right: this.multiplicative() };
    }
  }

  private multiplicative(): Node {
    let left = this.power();
    for (;;) {
      this.ws();
      const op = this.peek();
      if (op !== "*" && op !== "/") return left;
      this.i++;
      left = { t: "binary", op, left, right: this.power() };
    }
  }

  private power(): Node {
    let left = this.postfix();
    for (;;) {
      this.ws();
      if (this.peek() !== "^") return left;
      this.i++;
      left = { t: "binary", op: "^", left, right: this.postfix() };
    }
  }

  private postfix(): Node {
    let node = this.unary();
    for (;;) {
      this.ws();
      if (this.peek() !== "%") return node;
      this.i++;
      node = { t: "percent", arg: node };
    }
  }

  private unary(): Node {
    this.ws();
    const ch = this.peek();
    if (ch === "-" || ch === "+" || ch === "@") {
      this.i++;
      const arg = this.unary();
      // A negative number literal stays a literal (array constants and SALES arguments rely on it).
      if (ch === "-" && arg.t === "lit" && typeof arg.v === "number") return { t: "lit", v: -arg.v };
      return { t: "unary", op: ch, arg };
    }
    return this.range();
  }

  private range(): Node {
    let left = this.primary();
    while (this.peek() === ":") {
      this.i++;
      left = { t: "range", left, right: this.primary() };
    }
    return left;
  }

  private primary(): Node {
    this.ws();
    const ch = this.peek();
    if (ch === "(") {
      this.i++;
      const inner = this.comparison();
      this.ws();
      if (this.peek() !== ")") throw new Unsupported("union or unbalanced parenthesis");
      this.i++;
      return inner;
    }
    if (ch === '"') return { t: "lit", v: this.stringLiteral() };
    if (ch === "{") return this.arrayConstant();
    if (ch === "#") {
      const m = ERROR_LITERAL.exec(this.rest());
      if (!m) throw new Unsupported("unknown error literal");
      this.i += m[0].length;
      return { t: "lit", v: errorFromText(m[0].toUpperCase()) as XlErr };
    }
    if (ch === "[") return { t: "struct", spec: this.bracket() };
    if (ch === "'") {
      const m = /^'((?:[^']|'')+)'!/.exec(this.rest());
      if (!m) throw new Unsupported("bad sheet name");
      this.i += m[0].length;
      return this.a1(m[1].replace(/''/g, "'"));
    }
    if (ch === "$") return this.a1(undefined);
    if (ROW_RANGE.test(this.rest())) return this.a1(undefined);
    const num = NUMBER.exec(this.rest());
    if (num) {
      this.i += num[0].length;
      return { t: "lit", v: Number(num[0]) };
    }
    const ident = IDENT.exec(this.rest());
    if (!ident) throw new Unsupported(`unexpected "${ch}"`);
    const id = ident[0];
    this.i += id.length;
    const after = this.peek();
    if (after === "(") return this.call(id);
    if (after === "!") {
      this.i++;
      return this.a1(id);
    }
    if (after === "[") return { t: "struct", table: id, spec: this.bracket() };
    if (/^(TRUE|FALSE)$/i.test(id)) return { t: "lit", v: id.toUpperCase() === "TRUE" };
    if (CELL.test(id) || (/^[A-Za-z]{1,3}$/.test(id) && (after === ":" || after === "$"))) {
      this.i -= id.length;
      return this.a1(undefined);
    }
    return { t: "name", name: id };
  }

  private call(id: string): Node {
    this.i++; // (
    const name = id
      .toUpperCase()
      .replace(/^_XLFN\./, "")
      .replace(/^_XLWS\./, "");
    if (!name.startsWith("SALES.") && !this.known(name)) throw new Unsupported(`function ${name}`);
    const args: Node[] = [];
    this.ws();
    if (this.peek() === ")") {
      this.i++;
      return { t: "call", name, args };
    }
    for (;;) {
      this.ws();
      if (this.peek() === "," || this.peek() === ")") args.push({ t: "missing" });
      else args.push(this.comparison());
      this.ws();
      const sep = this.peek();
      this.i++;
      if (sep === ")") break;
      if (sep !== ",") throw new Unsupported("bad argument list");
    }
    return { t: "call", name, args };
  }

  private a1(sheet: string | undefined): Node {
    const m = A1_REF.exec(this.rest());
    if (!m) throw new Unsupported("bad reference");
    this.i += m[0].length;
    let spill = false;
    if (this.peek() === "#") {
      spill = true;
      this.i++;
    }
    return { t: "a1", sheet, local: m[0], spill };
  }

  /** The text inside a balanced [...] (outer brackets excluded); ' escapes the next character. */
  private bracket(): string {
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
    throw new Unsupported("unbalanced bracket");
  }

  private stringLiteral(): string {
    let out = "";
    this.i++;
    for (;;) {
      if (this.i >= this.s.length) throw new Unsupported("unterminated text");
      const ch = this.s[this.i++];
      if (ch === '"') {
        if (this.peek() === '"') {
          out += '"';
          this.i++;
        } else return out;
      } else out += ch;
    }
  }

  /** {1,2;3,4}: numbers (with a sign), text, TRUE/FALSE and error literals. */
  private arrayConstant(): Node {
    this.i++;
    const rows: Scalar[][] = [[]];
    for (;;) {
      this.ws();
      rows[rows.length - 1].push(this.arrayItem());
      this.ws();
      const sep = this.s[this.i++];
      if (sep === "}") break;
      if (sep === ";") rows.push([]);
      else if (sep !== ",") throw new Unsupported("bad array constant");
    }
    const cols = rows[0].length;
    if (rows.some((r) => r.length !== cols)) throw new Unsupported("ragged array constant");
    return { t: "array", rows: rows.length, cols, data: rows.flat() };
  }

  private arrayItem(): Scalar {
    const ch = this.peek();
    if (ch === '"') return this.stringLiteral();
    if (ch === "#") {
      const m = ERROR_LITERAL.exec(this.rest());
      if (!m) throw new Unsupported("bad array constant");
      this.i += m[0].length;
      return errorFromText(m[0].toUpperCase() as ErrorCode) as XlErr;
    }
    const m = /^([+-]?)((?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)/.exec(this.rest());
    if (m) {
      this.i += m[0].length;
      return m[1] === "-" ? -Number(m[2]) : Number(m[2]);
    }
    const b = /^(TRUE|FALSE)(?![\p{L}\p{N}_.])/iu.exec(this.rest());
    if (b) {
      this.i += b[0].length;
      return b[1].toUpperCase() === "TRUE";
    }
    throw new Unsupported("bad array constant");
  }
}
