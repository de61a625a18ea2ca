/**
 * Rule-based lead scoring (formulas.md §2): LEADSCORE and SCOREDETAIL share one evaluator.
 *
 * Performance shape: rules are compiled once; each referenced column is scanned once, and every distinct text in
 * it is analysed once (memoised to a bit mask of the rules on that column it satisfies), so a 1,048,576-row table
 * costs one Map lookup per referenced text cell rather than one normalisation per rule and cell.
 */
import type { Cell } from "./types";
import { cellError, numError, valueError, XlError } from "./errors";
import { SetupCache } from "./setupCache";
import {
  asMatrix,
  dateArg,
  displayText,
  formatNumber,
  isBlank,
  isOmitted,
  isTextBlank,
  normalizeText,
  parseDateText,
  parseNumber,
  parseNumberText,
  textKey,
  todaySerial,
  yesNoText,
} from "./coerce";

export type Operator =
  | "="
  | "<>"
  | ">"
  | ">="
  | "<"
  | "<="
  | "between"
  | "contains"
  | "not contains"
  | "starts with"
  | "ends with"
  | "in"
  | "not in"
  | "blank"
  | "not blank"
  | "within days"
  | "older than days";

const OPERATOR_ALIASES: ReadonlyArray<[Operator, string[]]> = [
  ["=", ["=", "==", "is", "equals", "等于", "是"]],
  ["<>", ["<>", "!=", "is not", "不等于", "不是"]],
  [">", [">", "大于"]],
  [">=", [">=", "≥", "大于等于", "不少于"]],
  ["<", ["<", "小于"]],
  ["<=", ["<=", "≤", "小于等于", "不超过"]],
  ["between", ["between", "介于"]],
  ["contains", ["contains", "包含"]],
  ["not contains", ["not contains", "不包含"]],
  ["starts with", ["starts with", "开头是"]],
  ["ends with", ["ends with", "结尾是"]],
  ["in", ["in", "属于"]],
  ["not in", ["not in", "不属于"]],
  ["blank", ["blank", "is blank", "为空"]],
  ["not blank", ["not blank", "is not blank", "不为空", "非空"]],
  ["within days", ["within days", "天内"]],
  ["older than days", ["older than days", "超过天数"]],
];

const OPERATORS = new Map<string, Operator>();
for (const [op, aliases] of OPERATOR_ALIASES) for (const a of aliases) OPERATORS.set(normalizeText(a), op);

/** The canonical operator for a written one (any alias, any case/width), or undefined. */
export function parseOperator(written: Cell): Operator | undefined {
  return OPERATORS.get(normalizeText(written));
}

/** Every operator with its aliases, for the task pane's operator list. */
export const OPERATOR_LIST: ReadonlyArray<[Operator, string[]]> = OPERATOR_ALIASES;

const YN_NONE = 0;
const YN_YES = 1;
const YN_NO = 2;

/** Everything a rule may ask of one cell, computed once per distinct value. */
interface CellView {
  blank: boolean;
  /** Numeric value (rule 3), NaN when the cell is not a number. */
  num: number;
  /** Date serial (rule 5), NaN when the cell is not a date. */
  date: number;
  /** Yes/no value for boolean comparison (unknown words are not yes/no). */
  yn: number;
  /** Normalized text (rule 2). */
  norm: string;
}

/** Which readings of a text cell the rules on a column can use; the others are not computed. */
interface Needs {
  num: boolean;
  date: boolean;
  yn: boolean;
}
const ALL_NEEDS: Needs = { num: true, date: true, yn: true };

function viewOfText(raw: string, needs: Needs = ALL_NEEDS): CellView {
  const norm = normalizeText(raw);
  if (norm === "") return { blank: true, num: NaN, date: NaN, yn: YN_NONE, norm };
  const num = needs.num ? parseNumberText(raw) : undefined;
  const date = needs.date ? parseDateText(raw) : undefined;
  const yn = needs.yn ? yesNoText(norm) : undefined;
  return {
    blank: false,
    num: num === undefined ? NaN : num,
    date: date === undefined ? NaN : date,
    yn: yn === "yes" ? YN_YES : yn === "no" ? YN_NO : YN_NONE,
    norm,
  };
}

const BLANK_VIEW: CellView = { blank: true, num: NaN, date: NaN, yn: YN_NONE, norm: "" };
const TRUE_VIEW: CellView = { blank: false, num: NaN, date: NaN, yn: YN_YES, norm: "true" };
const FALSE_VIEW: CellView = { blank: false, num: NaN, date: NaN, yn: YN_NO, norm: "false" };

function viewOfNumber(n: number): CellView {
  return { blank: false, num: n, date: n >= 0 ? Math.floor(n) : NaN, yn: YN_NONE, norm: formatNumber(n) };
}

function viewOf(cell: Cell): CellView {
  if (typeof cell === "number") return Number.isFinite(cell) ? viewOfNumber(cell) : BLANK_VIEW;
  if (typeof cell === "string") return viewOfText(cell);
  if (typeof cell === "boolean") return cell ? TRUE_VIEW : FALSE_VIEW;
  return BLANK_VIEW;
}

/** A comparison operand from a rule's value cell. */
interface Operand {
  norm: string;
  num: number;
  /** Only a TEXT date in the rule compares as a date (formulas.md §2). */
  textDate: number;
  yn: number;
}

function operandOf(cell: Cell): Operand {
  if (typeof cell === "string") {
    const v = viewOfText(cell);
    return { norm: v.norm, num: v.num, textDate: v.date, yn: v.yn };
  }
  const v = viewOf(cell);
  return { norm: v.norm, num: v.num, textDate: NaN, yn: v.yn };
}

function equals(c: CellView, v: Operand): boolean {
  if (v.yn !== YN_NONE && c.yn !== YN_NONE) return c.yn === v.yn;
  if (v.num === v.num && c.num === c.num) return c.num === v.num;
  if (v.textDate === v.textDate && c.date === c.date) return c.date === v.textDate;
  return c.norm === v.norm;
}

/** Code-point order of two strings (JS `<` compares UTF-16 units, which differs above U+FFFF). */
function compareText(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) {
      if ((x >= 0xd800 && x <= 0xdfff) || (y >= 0xd800 && y <= 0xdfff)) {
        return (a.codePointAt(i) ?? 0) - (b.codePointAt(i) ?? 0);
      }
      return x - y;
    }
  }
  return a.length - b.length;
}

/** Sign of (cell − operand) for ordering operators. */
function order(c: CellView, v: Operand): number {
  if (v.num === v.num && c.num === c.num) return c.num - v.num;
  if (v.textDate === v.textDate && c.date === c.date) return c.date - v.textDate;
  return compareText(c.norm, v.norm);
}

export interface CompiledRule {
  /** 1-based position among the rules table's data rows (for messages). */
  number: number;
  column: number;
  op: Operator;
  points: number;
  group: number; // -1 = ungrouped
  fieldText: string;
  opText: string;
  valueText: string;
  operand: Operand;
  low?: Operand;
  high?: Operand;
  list?: Operand[];
  days: number;
}

export interface RuleGroup {
  text: string;
  cap: number; // Infinity = no cap
}

const LIST_SEPARATORS = /[,，;；、|]/;

function splitBetween(text: string): [string, string] | undefined {
  const t = text.normalize("NFKC").trim();
  let parts = t.split("..");
  if (parts.length !== 2) parts = t.split("~");
  if (parts.length !== 2) return undefined;
  const a = parts[0].trim();
  const b = parts[1].trim();
  if (a === "" || b === "") return undefined;
  return [a, b];
}

function matches(rule: CompiledRule, c: CellView, asOf: number): boolean {
  if (c.blank) return rule.op === "blank";
  switch (rule.op) {
    case "blank":
      return false;
    case "not blank":
      return true;
    case "=":
      return equals(c, rule.operand);
    case "<>":
      return !equals(c, rule.operand);
    case ">":
      return order(c, rule.operand) > 0;
    case ">=":
      return order(c, rule.operand) >= 0;
    case "<":
      return order(c, rule.operand) < 0;
    case "<=":
      return order(c, rule.operand) <= 0;
    case "between": {
      const low = rule.low as Operand;
      const high = rule.high as Operand;
      if (low.num === low.num && high.num === high.num && c.num === c.num) return c.num >= low.num && c.num <= high.num;
      if (low.textDate === low.textDate && high.textDate === high.textDate && c.date === c.date) {
        return c.date >= low.textDate && c.date <= high.textDate;
      }
      return compareText(c.norm, low.norm) >= 0 && compareText(c.norm, high.norm) <= 0;
    }
    case "contains":
      return c.norm.includes(rule.operand.norm);
    case "not contains":
      return !c.norm.includes(rule.operand.norm);
    case "starts with":
      return c.norm.startsWith(rule.operand.norm);
    case "ends with":
      return c.norm.endsWith(rule.operand.norm);
    case "in":
      return (rule.list as Operand[]).some((v) => equals(c, v));
    case "not in":
      return !(rule.list as Operand[]).some((v) => equals(c, v));
    case "within days": {
      if (c.date !== c.date) return false;
      const age = asOf - c.date;
      return age >= 0 && age <= rule.days;
    }
    case "older than days": {
      if (c.date !== c.date) return false;
      return asOf - c.date > rule.days;
    }
  }
}

export interface RuleSet {
  rules: CompiledRule[];
  groups: RuleGroup[];
}

/** Reads the field names of a header row. */
function headerNames(cells: Cell[]): string[] {
  return cells.map((c, i) => {
    const err = cellError(c);
    if (err !== undefined) throw valueError(`Header ${i + 1} is the error ${err.code}`);
    return isTextBlank(c) ? "" : textKey(c);
  });
}

/** Compiles a rules table against the field names (formulas.md §2). Throws XlError for a bad table. */
export function compileRules(rulesArg: unknown, fieldNames: string[]): RuleSet {
  const table = asMatrix(rulesArg);
  const width = table[0]?.length ?? 0;
  if (width < 4 || width > 6) {
    throw valueError(`rules must have 4 to 6 columns (field | operator | value | points | [group] | [cap]), not ${width}`);
  }
  const rules: CompiledRule[] = [];
  const groups: RuleGroup[] = [];
  const groupIndex = new Map<string, number>();
  const fieldIndex = new Map<string, number>();
  fieldNames.forEach((name, i) => {
    if (name !== "" && !fieldIndex.has(name)) fieldIndex.set(name, i);
  });
  let start = 0;
  if (table.length > 0) {
    const firstPoints = table[0][3];
    if (cellError(firstPoints) === undefined && parseNumber(firstPoints) === undefined) start = 1;
  }
  for (let r = start; r < table.length; r++) {
    const row = table[r];
    const number = r - start + 1;
    const [field, opCell, value, pointsCell] = row;
    const groupCell = width > 4 ? row[4] : null;
    const capCell = width > 5 ? row[5] : null;
    if (isTextBlank(field)) continue;
    for (let k = 0; k < width; k++) {
      const err = cellError(row[k]);
      if (err !== undefined) throw valueError(`Rule ${number} holds the error ${err.code}`);
    }
    const points = parseNumber(pointsCell);
    if (points === undefined) throw valueError(`Points "${displayText(pointsCell)}" in rule ${number} is not a number`);
    const column = fieldIndex.get(textKey(field));
    if (column === undefined) throw valueError(`Unknown field "${displayText(field)}" in rule ${number}`);
    const op = isTextBlank(opCell) ? undefined : parseOperator(opCell);
    if (op === undefined) throw valueError(`Unknown operator "${displayText(opCell)}" in rule ${number}`);

    let group = -1;
    if (!isTextBlank(groupCell)) {
      const key = normalizeText(groupCell);
      let g = groupIndex.get(key);
      if (g === undefined) {
        g = groups.length;
        groupIndex.set(key, g);
        groups.push({ text: displayText(groupCell), cap: Infinity });
      }
      group = g;
    }
    if (!isBlank(capCell)) {
      const cap = parseNumber(capCell);
      if (cap === undefined) throw valueError(`Cap "${displayText(capCell)}" in rule ${number} is not a number`);
      if (cap < 0) throw numError(`Cap ${formatNumber(cap)} in rule ${number} is negative`);
      if (group >= 0 && groups[group].cap === Infinity) groups[group].cap = cap;
    }

    const rule: CompiledRule = {
      number,
      column,
      op,
      points,
      group,
      fieldText: displayText(field),
      opText: displayText(opCell),
      valueText: displayText(value),
      operand: operandOf(value),
      days: 0,
    };
    if (op === "between") {
      const bounds = typeof value === "string" ? splitBetween(value) : undefined;
      if (bounds === undefined) {
        throw valueError(`Value "${displayText(value)}" of rule ${number} is not a range such as 10..20`);
      }
      rule.low = operandOf(bounds[0]);
      rule.high = operandOf(bounds[1]);
    } else if (op === "in" || op === "not in") {
      const text = typeof value === "string" ? value.normalize("NFKC") : displayText(value);
      rule.list = text
        .split(LIST_SEPARATORS)
        .map((s) => s.trim())
        .filter((s) => s !== "")
        .map((s) => (typeof value === "string" ? operandOf(s) : operandOf(value)));
    } else if (op === "within days" || op === "older than days") {
      const days = parseNumber(value);
      if (days === undefined) throw valueError(`Days "${displayText(value)}" in rule ${number} is not a number`);
      if (days < 0) throw numError(`Days ${formatNumber(days)} in rule ${number} is negative`);
      rule.days = days;
    }
    rules.push(rule);
  }
  return { rules, groups };
}

export interface ScoreResult {
  /** Number of leads. */
  count: number;
  ruleSet: RuleSet;
  /** The compiled table the result came from (its labels are cached there). */
  plan?: ScoringPlan;
  /** One bit per (rule, lead): matched. masks[k * count + i]. */
  masks: Uint8Array;
  /** Per lead: the first error among the referenced cells, if any. */
  errors: Map<number, XlError>;
}

interface LeadTable {
  headerCells: Cell[];
  rows: Cell[][];
  first: number; // index of the first lead row in rows
}

function leadTable(recordsArg: unknown, headersArg: unknown): LeadTable {
  const records = asMatrix(recordsArg);
  if (isOmitted(headersArg)) {
    return { headerCells: records[0] ?? [], rows: records, first: 1 };
  }
  const headers = asMatrix(headersArg);
  const width = records[0]?.length ?? 0;
  if (headers.length !== 1 || headers[0].length !== width) {
    throw valueError(
      `headers must be one row as wide as records (${width} columns), not ${headers.length}×${headers[0]?.length ?? 0}`,
    );
  }
  return { headerCells: headers[0], rows: records, first: 0 };
}

/** The rules that read one column, with what can be decided once per rule table and as_of. */
interface ColumnPlan {
  column: number;
  ruleIdx: number[];
  colRules: CompiledRule[];
  needs: Needs;
  textNeeded: boolean[];
  blankResults: Uint8Array;
  trueResults: Uint8Array;
  falseResults: Uint8Array;
  /** Text → which of the column's rules it satisfies; dropped when most lookups miss (unique texts). */
  memo: Map<string, Uint8Array> | undefined;
  lookups: number;
  misses: number;
}

/** A compiled rules table against a header row, and its column plans for the last as_of used. */
interface ScoringPlan {
  ruleSet: RuleSet;
  asOf: number;
  columns: ColumnPlan[] | undefined;
  /** SCOREDETAIL's label per rule, made on first use. */
  labels?: string[];
}

/** Largest number of distinct texts a column's memo keeps across calls before it starts afresh. */
const MEMO_LIMIT = 65536;

/**
 * Compiled rule tables by content (rules cells + header cells): per-row calls from a table reuse the work of the
 * first row. Bounded to a few tables; a changed cell is a different entry.
 */
export const scoringPlans = new SetupCache<ScoringPlan>(8);

function resultsFor(colRules: CompiledRule[], view: CellView, asOf: number): Uint8Array {
  const out = new Uint8Array(colRules.length);
  for (let j = 0; j < colRules.length; j++) out[j] = matches(colRules[j], view, asOf) ? 1 : 0;
  return out;
}

function columnPlans(ruleSet: RuleSet, asOf: number): ColumnPlan[] {
  const { rules } = ruleSet;
  // Rules grouped by the column they read, so each column is scanned once.
  const byColumn = new Map<number, number[]>();
  rules.forEach((rule, k) => {
    const list = byColumn.get(rule.column);
    if (list === undefined) byColumn.set(rule.column, [k]);
    else list.push(k);
  });
  const plans: ColumnPlan[] = [];
  for (const [column, ruleIdx] of byColumn) {
    const colRules = ruleIdx.map((k) => rules[k]);
    plans.push({
      column,
      ruleIdx,
      colRules,
      needs: needsOf(colRules),
      textNeeded: colRules.map(needsText),
      blankResults: resultsFor(colRules, BLANK_VIEW, asOf),
      trueResults: resultsFor(colRules, TRUE_VIEW, asOf),
      falseResults: resultsFor(colRules, FALSE_VIEW, asOf),
      memo: new Map<string, Uint8Array>(),
      lookups: 0,
      misses: 0,
    });
  }
  return plans;
}

function planFor(headerCells: Cell[], rulesArg: unknown): ScoringPlan {
  const rulesTable = asMatrix(rulesArg);
  return scoringPlans.get([[headerCells], rulesTable], () => ({
    ruleSet: compileRules(rulesTable, headerNames(headerCells)),
    asOf: NaN,
    columns: undefined,
  }));
}

/** Evaluates every rule on every lead. */
export function evaluateRules(recordsArg: unknown, rulesArg: unknown, headersArg: unknown, asOfArg: unknown): ScoreResult {
  const { headerCells, rows, first } = leadTable(recordsArg, headersArg);
  const plan = planFor(headerCells, rulesArg);
  const asOf = dateArg(asOfArg, "as_of", todaySerial);
  if (plan.columns === undefined || !Object.is(plan.asOf, asOf)) {
    plan.columns = columnPlans(plan.ruleSet, asOf);
    plan.asOf = asOf;
  }
  const count = Math.max(0, rows.length - first);
  const { rules } = plan.ruleSet;
  // One bit per (rule, lead): masks[k * count + i].
  const masks = new Uint8Array(rules.length * count);
  const errors = new Map<number, XlError>();
  const scratch: CellView = { blank: false, num: 0, date: 0, yn: YN_NONE, norm: "" };

  for (const col of plan.columns) {
    const { column, colRules, needs, textNeeded, ruleIdx } = col;
    const nRules = colRules.length;
    for (let i = 0; i < count; i++) {
      const cell = rows[first + i][column];
      let res: Uint8Array | undefined;
      if (typeof cell === "string") {
        const memo = col.memo;
        if (memo !== undefined) {
          res = memo.get(cell);
          col.lookups++;
          if (res === undefined) {
            col.misses++;
            res = resultsFor(colRules, viewOfText(cell, needs), asOf);
            if (memo.size >= MEMO_LIMIT) memo.clear();
            memo.set(cell, res);
            // Memoising pays off on low-cardinality columns (industry, region); on a column of unique texts
            // (company, e-mail) it only costs, so it is switched off once most lookups miss.
            if (col.lookups >= 4096 && col.misses * 2 > col.lookups) col.memo = undefined;
          }
        } else {
          res = resultsFor(colRules, viewOfText(cell, needs), asOf);
        }
      } else if (typeof cell === "number" && Number.isFinite(cell)) {
        // Numbers: evaluated directly (high cardinality), with text formed only if a text rule needs it.
        scratch.num = cell;
        scratch.date = cell >= 0 ? Math.floor(cell) : NaN;
        scratch.norm = "";
        let normReady = false;
        for (let j = 0; j < nRules; j++) {
          if (!normReady && textNeeded[j]) {
            scratch.norm = formatNumber(cell);
            normReady = true;
          }
          if (matches(colRules[j], scratch, asOf)) masks[ruleIdx[j] * count + i] = 1;
        }
        continue;
      } else if (typeof cell === "boolean") {
        res = cell ? col.trueResults : col.falseResults;
      } else if (cell === null || cell === undefined) {
        res = col.blankResults;
      } else {
        const err = cellError(cell);
        if (err !== undefined) {
          if (!errors.has(i)) errors.set(i, err);
          continue;
        }
        res = resultsFor(colRules, viewOf(cell), asOf);
      }
      for (let j = 0; j < nRules; j++) if (res[j] === 1) masks[ruleIdx[j] * count + i] = 1;
    }
  }
  return { count, ruleSet: plan.ruleSet, plan, masks, errors };
}

function needsOf(rules: CompiledRule[]): Needs {
  const needs: Needs = { num: false, date: false, yn: false };
  const operands = (rule: CompiledRule): Operand[] =>
    rule.op === "between" ? [rule.low as Operand, rule.high as Operand] : rule.list ?? [rule.operand];
  for (const rule of rules) {
    switch (rule.op) {
      case "within days":
      case "older than days":
        needs.date = true;
        break;
      case "=":
      case "<>":
      case "in":
      case "not in":
      case ">":
      case ">=":
      case "<":
      case "<=":
      case "between":
        for (const v of operands(rule)) {
          if (v.num === v.num) needs.num = true;
          if (v.textDate === v.textDate) needs.date = true;
          // Only equality (=, <>, in, not in) compares yes/no values as booleans.
          if (v.yn !== YN_NONE && (rule.op === "=" || rule.op === "<>" || rule.op === "in" || rule.op === "not in")) {
            needs.yn = true;
          }
        }
        break;
      default:
        break;
    }
  }
  return needs;
}

function needsText(rule: CompiledRule): boolean {
  switch (rule.op) {
    case "contains":
    case "not contains":
    case "starts with":
    case "ends with":
      return true;
    case "=":
    case "<>":
    case ">":
    case ">=":
    case "<":
    case "<=":
      return rule.operand.num !== rule.operand.num;
    case "between":
      return (rule.low as Operand).num !== (rule.low as Operand).num || (rule.high as Operand).num !== (rule.high as Operand).num;
    case "in":
    case "not in":
      return (rule.list as Operand[]).some((v) => v.num !== v.num);
    default:
      return false;
  }
}

/** Scores from evaluated rules: ungrouped points + per group min(sum, cap). */
export function scoresOf(result: ScoreResult): Array<number | XlError> {
  const { count, ruleSet, masks, errors } = result;
  const { rules, groups } = ruleSet;
  const scores = new Float64Array(count);
  const groupSums = groups.map(() => new Float64Array(count));
  for (let k = 0; k < rules.length; k++) {
    const rule = rules[k];
    const base = k * count;
    const target = rule.group >= 0 ? groupSums[rule.group] : scores;
    const pts = rule.points;
    for (let i = 0; i < count; i++) if (masks[base + i] === 1) target[i] += pts;
  }
  for (let g = 0; g < groups.length; g++) {
    const cap = groups[g].cap;
    const sums = groupSums[g];
    for (let i = 0; i < count; i++) scores[i] += sums[i] < cap ? sums[i] : cap;
  }
  const out: Array<number | XlError> = new Array(count);
  for (let i = 0; i < count; i++) out[i] = scores[i];
  for (const [i, err] of errors) out[i] = err;
  return out;
}

/** SCOREDETAIL's text per rule: "field operator value (+points)". */
function ruleLabels(rules: CompiledRule[]): string[] {
  return rules.map((rule) => {
    const sign = rule.points < 0 ? "-" : "+";
    // "blank" / "not blank" take no value: whatever sits in the value cell is not part of the rule.
    const valueless = rule.op === "blank" || rule.op === "not blank";
    const value = valueless || rule.valueText === "" ? "" : ` ${rule.valueText}`;
    return `${rule.fieldText} ${rule.opText}${value} (${sign}${formatNumber(Math.abs(rule.points))})`;
  });
}

/** Explanations: "field operator value (+points)" per matched rule, "; cap group (-cut)" per cut group. */
export function detailsOf(result: ScoreResult): Array<string | XlError> {
  const { count, ruleSet, masks, errors, plan } = result;
  const { rules, groups } = ruleSet;
  const labels = plan?.labels ?? ruleLabels(rules);
  if (plan !== undefined) plan.labels = labels;
  const out: Array<string | XlError> = new Array(count);
  const groupSums = new Float64Array(groups.length);
  for (let i = 0; i < count; i++) {
    const err = errors.get(i);
    if (err !== undefined) {
      out[i] = err;
      continue;
    }
    const parts: string[] = [];
    groupSums.fill(0);
    for (let k = 0; k < rules.length; k++) {
      if (masks[k * count + i] !== 1) continue;
      parts.push(labels[k]);
      if (rules[k].group >= 0) groupSums[rules[k].group] += rules[k].points;
    }
    for (let g = 0; g < groups.length; g++) {
      const cut = groupSums[g] - groups[g].cap;
      if (cut > 0) parts.push(`cap ${groups[g].text} (-${formatNumber(cut)})`);
    }
    out[i] = parts.join("; ");
  }
  return out;
}
