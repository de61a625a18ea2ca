/**
 * The criteria of COUNTIF, COUNTIFS, SUMIF and SUMIFS, as Excel reads them.
 *
 * - A number (or a text operand that reads as one: "10", ">=1,000", "<=2026-12-01") matches numbers; `=`
 *   also matches text that reads as the same number (Excel converts both sides, so "10" counts the text "10").
 * - "TRUE"/"FALSE" (or a boolean) match booleans; "#N/A" and other error texts (or an error) match that error.
 * - Other text matches text, case-insensitively, the whole cell, with wildcards `*` and `?` (`~` escapes
 *   them) for `=` and `<>`; `<`, `>`, `<=`, `>=` compare text with text.
 * - "" matches empty cells and empty text; "=" matches empty cells only; "<>" matches every non-empty cell;
 *   `<>x` matches everything that does not match `x`, blanks and errors included.
 * - A criteria argument that is an empty cell is the number 0 (Excel's documented rule).
 */
import { Scalar, XlErr, compareScalars, errorFromText, numberCompare, parseNumberText } from "./values";

export type Matcher = (cell: Scalar) => boolean;

type Op = "=" | "<>" | "<" | ">" | "<=" | ">=";

function wildcardRegExp(pattern: string): RegExp | undefined {
  if (!/[*?~]/.test(pattern)) return undefined;
  let source = "";
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === "~" && i + 1 < pattern.length && "*?~".includes(pattern[i + 1])) {
      source += escapeRegExp(pattern[++i]);
    } else if (ch === "*") source += "[\\s\\S]*";
    else if (ch === "?") source += "[\\s\\S]";
    else source += escapeRegExp(ch);
  }
  return new RegExp(`^${source}$`, "i");
}

function escapeRegExp(ch: string): string {
  return ch.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
}

/** Text equality with Excel's wildcards, case-insensitive; used by criteria and by MATCH/XLOOKUP. */
export function textMatcher(pattern: string, wildcards: boolean): (text: string) => boolean {
  const re = wildcards ? wildcardRegExp(pattern) : undefined;
  if (re) return (text) => re.test(text);
  const lower = pattern.toLowerCase();
  return (text) => text === pattern || text.toLowerCase() === lower;
}

function ordered(op: Op, c: number): boolean {
  switch (op) {
    case "<":
      return c < 0;
    case ">":
      return c > 0;
    case "<=":
      return c <= 0;
    case ">=":
      return c >= 0;
    default:
      return c === 0;
  }
}

function numberMatcher(op: Op, n: number): Matcher {
  if (op === "=") {
    return (cell) => {
      if (typeof cell === "number") return numberCompare(cell, n) === 0;
      if (typeof cell === "string") {
        const v = parseNumberText(cell);
        return v !== undefined && numberCompare(v, n) === 0;
      }
      return false;
    };
  }
  if (op === "<>") {
    const eq = numberMatcher("=", n);
    return (cell) => !eq(cell);
  }
  return (cell) => typeof cell === "number" && ordered(op, numberCompare(cell, n));
}

/** Compiles one criterion. */
export function compileCriterion(criterion: Scalar): Matcher {
  if (criterion === null) return numberMatcher("=", 0);
  if (typeof criterion === "number") return numberMatcher("=", criterion);
  if (typeof criterion === "boolean") return (cell) => cell === criterion;
  if (criterion instanceof XlErr) return (cell) => cell === criterion;
  const m = /^(<=|>=|<>|<|>|=)?([\s\S]*)$/.exec(criterion)!;
  const op = (m[1] ?? "=") as Op;
  const operand = m[2];
  if (operand === "") {
    if (m[1] === undefined) return (cell) => cell === null || cell === "";
    if (op === "=") return (cell) => cell === null;
    if (op === "<>") return (cell) => cell !== null;
    return (cell) => typeof cell === "string" && ordered(op, compareScalars(cell, ""));
  }
  const n = parseNumberText(operand);
  if (n !== undefined) return numberMatcher(op, n);
  const upper = operand.toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") {
    const b = upper === "TRUE";
    if (op === "=") return (cell) => cell === b;
    if (op === "<>") return (cell) => cell !== b;
    return (cell) => typeof cell === "boolean" && ordered(op, compareScalars(cell, b));
  }
  const err = errorFromText(upper);
  if (err) {
    if (op === "=") return (cell) => cell === err;
    if (op === "<>") return (cell) => cell !== err;
    return () => false;
  }
  if (op === "=" || op === "<>") {
    const match = textMatcher(operand, true);
    if (op === "=") return (cell) => typeof cell === "string" && match(cell);
    return (cell) => !(typeof cell === "string" && match(cell));
  }
  return (cell) => typeof cell === "string" && ordered(op, compareScalars(cell, operand));
}
