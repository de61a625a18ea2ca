/**
 * Reads a help example's formula the way Excel would hand it to a custom function: references become the cells of
 * the example's sheet (blank cells → null), literals become values, array constants become rows of values, omitted
 * arguments become null. Covers what worked examples need (A1 references, numbers, "text", TRUE/FALSE, {…} arrays,
 * empty arguments); anything else (a nested function such as TODAY()) is reported as not understood.
 */

export type FormulaArg =
  | { kind: "ref"; text: string; top: number; left: number; bottom: number; right: number }
  | { kind: "value"; value: unknown }
  | { kind: "array"; rows: unknown[][] }
  | { kind: "omitted" }
  | { kind: "unparsed"; text: string };

export interface ParsedFormula {
  namespace: string;
  name: string;
  args: FormulaArg[];
}

/** Splits at commas (or `separator`) that are outside quotes, braces and parentheses. */
function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inString = false;
  let current = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      current += ch;
      if (ch === '"') {
        if (text[i + 1] === '"') current += text[++i];
        else inString = false;
      }
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === "(" || ch === "{") depth++;
    else if (ch === ")" || ch === "}") depth--;
    else if (ch === separator && depth === 0) {
      parts.push(current);
      current = "";
      continue;
    }
    current += ch;
  }
  parts.push(current);
  return parts;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const NOT_A_LITERAL = Symbol("not a literal");

function literal(text: string): unknown {
  const t = text.trim();
  if (/^"(?:[^"]|"")*"$/.test(t)) return t.slice(1, -1).replace(/""/g, '"');
  if (/^true$/i.test(t)) return true;
  if (/^false$/i.test(t)) return false;
  if (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return Number(t);
  return NOT_A_LITERAL;
}

function parseArg(text: string): FormulaArg {
  const t = text.trim();
  if (t === "") return { kind: "omitted" };
  const ref = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(t);
  if (ref) {
    const top = Number(ref[2]) - 1;
    const left = columnIndex(ref[1]);
    const bottom = ref[4] !== undefined ? Number(ref[4]) - 1 : top;
    const right = ref[3] !== undefined ? columnIndex(ref[3]) : left;
    return {
      kind: "ref",
      text: t,
      top: Math.min(top, bottom),
      left: Math.min(left, right),
      bottom: Math.max(top, bottom),
      right: Math.max(left, right),
    };
  }
  if (t.startsWith("{") && t.endsWith("}")) {
    const rows = splitTopLevel(t.slice(1, -1), ";").map((row) => splitTopLevel(row, ",").map(literal));
    if (rows.some((row) => row.some((v) => v === NOT_A_LITERAL))) return { kind: "unparsed", text: t };
    return { kind: "array", rows };
  }
  const value = literal(t);
  return value === NOT_A_LITERAL ? { kind: "unparsed", text: t } : { kind: "value", value };
}

/** `=NS.NAME(arg, …)` → its namespace, name and arguments; throws on anything else. */
export function parseFormula(formula: string): ParsedFormula {
  const m = /^=\s*([A-Za-z_][\w]*)\.([A-Za-z_][\w.]*)\s*\(([\s\S]*)\)\s*$/.exec(formula.trim());
  if (!m) throw new Error(`not a single custom-function call: ${formula}`);
  const inner = m[3];
  const args = inner.trim() === "" ? [] : splitTopLevel(inner, ",").map(parseArg);
  return { namespace: m[1], name: m[2], args };
}

/**
 * The value Excel passes for one argument: a matrix for a matrix parameter (a single value becomes [[value]]),
 * the cell's value for a scalar parameter given one cell, null for an omitted argument.
 * Returns `undefined` when the argument is not understood (then the caller cannot check it).
 */
export function argumentValue(
  arg: FormulaArg,
  sheet: unknown[][] | undefined,
  dimensionality: "matrix" | "scalar",
): unknown {
  const cell = (r: number, c: number): unknown => {
    const v = sheet?.[r]?.[c];
    return v === undefined ? null : v;
  };
  switch (arg.kind) {
    case "omitted":
      return null;
    case "unparsed":
      return undefined;
    case "value":
      return dimensionality === "matrix" ? [[arg.value]] : arg.value;
    case "array":
      return dimensionality === "matrix"
        ? arg.rows
        : arg.rows.length === 1 && arg.rows[0].length === 1
          ? arg.rows[0][0]
          : undefined;
    case "ref": {
      const rows: unknown[][] = [];
      for (let r = arg.top; r <= arg.bottom; r++) {
        const row: unknown[] = [];
        for (let c = arg.left; c <= arg.right; c++) row.push(cell(r, c));
        rows.push(row);
      }
      if (dimensionality === "matrix") return rows;
      return rows.length === 1 && rows[0].length === 1 ? rows[0][0] : undefined;
    }
  }
}
