/**
 * Rule-based lead scoring (formulas.md §2): LEADSCORE and SCOREDETAIL share one evaluator.
 *
 * Performance shape: rules are compiled once; each referenced column is scanned once, and every distinct text in
 * it is analysed once (memoised to a bit mask of the rules on that column it satisfies), so a 1,048,576-row table
 * costs at most one Map lookup per referenced text cell (usually one comparison in the column's hot slots) rather
 * than one normalisation per rule and cell. Number cells meet each rule as an inline range test; equal scores share
 * one result row (coerce.ts columnOf).
 */
import type { Cell, Matrix } from "./types";
import { cellError, numError, valueError, XlError } from "./errors";
import { SetupCache } from "./setupCache";
import {
  asMatrix,
  columnOf,
  dateArg,
  HOT_SLOTS,
  textSlot,
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
    throw valueError(
      `rules must have 4 to 6 columns (field | operator | value | points | [group] | [cap]), not ${width}`,
    );
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
  /** Per column plan p and lead i, bits[p * count + i]: bit j set when the plan's rule j matched. */
  bits: Uint32Array;
  /** The column plans `bits` refers to. */
  columns: ColumnPlan[];
  /** The scores, when evaluated for scores only (then `bits` is empty). */
  scores?: Float64Array;
  /** Per lead: the first error among the referenced cells, if any. */
  errors: ReadonlyMap<number, XlError>;
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
  blankResults: number;
  trueResults: number;
  falseResults: number;
  /** Text → which of the column's rules it satisfies (bit j = rule j); dropped when most lookups miss. */
  memo: Map<string, number> | undefined;
  lookups: number;
  misses: number;
  /** The last texts seen by slot (coerce.ts textSlot) with their words, checked before the memo. */
  hotTexts: Array<string | undefined>;
  hotWords: Int32Array;
  /** How each rule judges a finite number (NUM_*), with its bounds. */
  numKind: Uint8Array;
  numLow: Float64Array;
  numHigh: Float64Array;
  /** Some NUM_GENERAL rule of the plan reads a number's text. */
  needsNumberText: boolean;
  /** Per rule of this plan: its points, and its group (-1 = ungrouped). */
  points: Float64Array;
  groupOf: Int32Array;
  /** For a plan of at most 8 ungrouped rules: the points of each word (LEADSCORE adds them by lookup). */
  wordPoints: Float64Array | undefined;
}

// How a rule judges a finite number cell (its view: num = n, date = floor(n) when n ≥ 0, no yes/no, text unused).
/** Through `matches` (rules that need the number's text, or a list of several values). */
const NUM_GENERAL = 0;
/** low ≤ n ≤ high, with either bound open per NUM_*_OPEN flags; NUM_OUTSIDE negates. */
const NUM_INSIDE = 1;
const NUM_OUTSIDE = 2;
/** "within days" (0 ≤ as_of − floor(n) ≤ high) and "older than days" (as_of − floor(n) > high), for n ≥ 0. */
const NUM_WITHIN = 3;
const NUM_OLDER = 4;
const NUM_ALWAYS = 5;
const NUM_NEVER = 6;
/** Added to NUM_INSIDE / NUM_OUTSIDE: the low bound is open (n > low), the high bound is open (n < high). */
const NUM_LOW_OPEN = 8;
const NUM_HIGH_OPEN = 16;

/** A rule's NUM_* kind and bounds for finite numbers, decided from its operator and operand alone. */
function numericTest(rule: CompiledRule, textNeeded: boolean): { kind: number; low: number; high: number } {
  const general = { kind: NUM_GENERAL, low: NaN, high: NaN };
  if (textNeeded) return general;
  const v = rule.operand.num;
  switch (rule.op) {
    case "blank":
      return { kind: NUM_NEVER, low: NaN, high: NaN };
    case "not blank":
      return { kind: NUM_ALWAYS, low: NaN, high: NaN };
    case "=":
      return { kind: NUM_INSIDE, low: v, high: v };
    case "<>":
      return { kind: NUM_OUTSIDE, low: v, high: v };
    case ">":
      return { kind: NUM_INSIDE | NUM_LOW_OPEN, low: v, high: Infinity };
    case ">=":
      return { kind: NUM_INSIDE, low: v, high: Infinity };
    case "<":
      return { kind: NUM_INSIDE | NUM_HIGH_OPEN, low: -Infinity, high: v };
    case "<=":
      return { kind: NUM_INSIDE, low: -Infinity, high: v };
    case "between":
      return { kind: NUM_INSIDE, low: (rule.low as Operand).num, high: (rule.high as Operand).num };
    case "in":
    case "not in": {
      const list = rule.list as Operand[];
      if (list.length !== 1) return general;
      const one = list[0].num;
      return { kind: rule.op === "in" ? NUM_INSIDE : NUM_OUTSIDE, low: one, high: one };
    }
    case "within days":
      return { kind: NUM_WITHIN, low: NaN, high: rule.days };
    case "older than days":
      return { kind: NUM_OLDER, low: NaN, high: rule.days };
    default:
      return general;
  }
}

/** Which of a plan's rules a finite number satisfies, as bits: the numeric kinds inline, others via `matches`. */
function numberWord(col: ColumnPlan, n: number, asOf: number, scratch: CellView): number {
  const kinds = col.numKind;
  const low = col.numLow;
  const high = col.numHigh;
  let word = 0;
  let viewReady = false;
  for (let j = 0; j < kinds.length; j++) {
    const kind = kinds[j];
    let hit: boolean;
    switch (kind & 7) {
      case NUM_INSIDE:
      case NUM_OUTSIDE: {
        const aboveLow = kind & NUM_LOW_OPEN ? n > low[j] : n >= low[j];
        const belowHigh = kind & NUM_HIGH_OPEN ? n < high[j] : n <= high[j];
        hit = (aboveLow && belowHigh) === ((kind & 7) === NUM_INSIDE);
        break;
      }
      case NUM_WITHIN: {
        if (n < 0) {
          hit = false;
          break;
        }
        const age = asOf - Math.floor(n);
        hit = age >= 0 && age <= high[j];
        break;
      }
      case NUM_OLDER:
        hit = n >= 0 && asOf - Math.floor(n) > high[j];
        break;
      case NUM_ALWAYS:
        hit = true;
        break;
      case NUM_NEVER:
        hit = false;
        break;
      default:
        if (!viewReady) {
          scratch.num = n;
          scratch.date = n >= 0 ? Math.floor(n) : NaN;
          scratch.norm = col.needsNumberText ? formatNumber(n) : "";
          viewReady = true;
        }
        hit = matches(col.colRules[j], scratch, asOf);
    }
    if (hit) word |= 1 << j;
  }
  return word >>> 0;
}

/** A compiled rules table against a header row, and its column plans for the last as_of used. */
interface ScoringPlan {
  ruleSet: RuleSet;
  asOf: number;
  columns: ColumnPlan[] | undefined;
  /** Group caps, and a scratch row of group sums (calls never overlap: JavaScript is single-threaded). */
  caps: Float64Array;
  groupSums: Float64Array;
  /** SCOREDETAIL's label per rule, and where each rule's bit is, made on first use (reset with the columns). */
  labels?: string[];
  where?: { planOf: Int32Array; bitOf: Uint32Array };
  /** A number cell's view for rules that need it (one call at a time: JavaScript is single-threaded). */
  scratch: CellView;
}

/** Shared by results without errors or bit words (read only). */
const NO_ERRORS: ReadonlyMap<number, XlError> = new Map();
const NO_BITS = new Uint32Array(0);

/** Largest number of distinct texts a column's memo keeps across calls before it starts afresh. */
const MEMO_LIMIT = 65536;

/**
 * Compiled rule tables by content (rules cells + header cells): per-row calls from a table reuse the work of the
 * first row. Bounded to a few tables; a changed cell is a different entry.
 */
export const scoringPlans = new SetupCache<ScoringPlan>(8);

/** Which of a column's rules (at most 32) a cell satisfies, as bits. */
function resultsFor(colRules: CompiledRule[], view: CellView, asOf: number): number {
  let bits = 0;
  for (let j = 0; j < colRules.length; j++) if (matches(colRules[j], view, asOf)) bits |= 1 << j;
  return bits >>> 0;
}

/** Rules per column plan: one 32-bit word per cell. */
const RULES_PER_PLAN = 32;

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
  for (const [column, allIdx] of byColumn)
    for (let from = 0; from < allIdx.length; from += RULES_PER_PLAN) {
      const ruleIdx = allIdx.slice(from, from + RULES_PER_PLAN);
      const colRules = ruleIdx.map((k) => rules[k]);
      const textNeeded = colRules.map(needsText);
      const tests = colRules.map((r, j) => numericTest(r, textNeeded[j]));
      const ungrouped = colRules.every((r) => r.group < 0);
      plans.push({
        column,
        ruleIdx,
        colRules,
        needs: needsOf(colRules),
        hotTexts: new Array<string | undefined>(HOT_SLOTS).fill(undefined),
        hotWords: new Int32Array(HOT_SLOTS),
        numKind: Uint8Array.from(tests, (t) => t.kind),
        numLow: Float64Array.from(tests, (t) => t.low),
        numHigh: Float64Array.from(tests, (t) => t.high),
        needsNumberText: textNeeded.some(Boolean),
        wordPoints: ungrouped && colRules.length <= 8 ? pointsByWord(colRules) : undefined,
        blankResults: resultsFor(colRules, BLANK_VIEW, asOf),
        trueResults: resultsFor(colRules, TRUE_VIEW, asOf),
        falseResults: resultsFor(colRules, FALSE_VIEW, asOf),
        memo: new Map<string, number>(),
        lookups: 0,
        misses: 0,
        points: Float64Array.from(colRules, (r) => r.points),
        groupOf: Int32Array.from(colRules, (r) => r.group),
      });
    }
  return plans;
}

/** The points of every combination of up to 8 ungrouped rules, indexed by their bits. */
function pointsByWord(colRules: CompiledRule[]): Float64Array {
  const table = new Float64Array(1 << colRules.length);
  for (let w = 1; w < table.length; w++) {
    const j = 31 - Math.clz32(w & -w);
    table[w] = table[w & (w - 1)] + colRules[j].points;
  }
  return table;
}

function planFor(headerCells: Cell[], rulesArg: unknown): ScoringPlan {
  const rulesTable = asMatrix(rulesArg);
  return scoringPlans.get([[headerCells], rulesTable], () => ({
    ...withGroups(compileRules(rulesTable, headerNames(headerCells))),
    asOf: NaN,
    columns: undefined,
    scratch: { blank: false, num: 0, date: 0, yn: YN_NONE, norm: "" },
  }));
}

function withGroups(ruleSet: RuleSet): { ruleSet: RuleSet; caps: Float64Array; groupSums: Float64Array } {
  return {
    ruleSet,
    caps: Float64Array.from(ruleSet.groups, (g) => g.cap),
    groupSums: new Float64Array(ruleSet.groups.length),
  };
}

/**
 * Evaluates every rule on every lead. With `scoresOnly` (LEADSCORE) the points are summed as the columns are
 * scanned and no per-rule bits are kept: on a million rows the bit words would be tens of megabytes, and large
 * allocations make V8 collect garbage across the (much larger) input the call holds.
 */
export function evaluateRules(
  recordsArg: unknown,
  rulesArg: unknown,
  headersArg: unknown,
  asOfArg: unknown,
  scoresOnly = false,
): ScoreResult {
  const { headerCells, rows, first } = leadTable(recordsArg, headersArg);
  const plan = planFor(headerCells, rulesArg);
  const asOf = dateArg(asOfArg, "as_of", todaySerial);
  if (plan.columns === undefined || !Object.is(plan.asOf, asOf)) {
    plan.columns = columnPlans(plan.ruleSet, asOf);
    plan.asOf = asOf;
    plan.where = undefined;
  }
  const count = Math.max(0, rows.length - first);
  const columns = plan.columns;
  const { groups } = plan.ruleSet;
  const nPlans = columns.length;
  // A per-row call allocates as little as it can: no bit words for scores, the error map only when there are errors.
  const bits = scoresOnly ? NO_BITS : new Uint32Array(nPlans * count);
  const scores = scoresOnly ? new Float64Array(count) : undefined;
  let errors: Map<number, XlError> | undefined;
  const scratch = plan.scratch;
  const caps = plan.caps;
  const groupSums = plan.groupSums;

  // Row by row (the input is an array of rows: one pass over memory), each row through every column plan.
  for (let i = 0; i < count; i++) {
    const row = rows[first + i];
    let score = 0;
    if (scoresOnly) for (let g = 0; g < groupSums.length; g++) groupSums[g] = 0;
    for (let p = 0; p < nPlans; p++) {
      const col = columns[p];
      const cell = row[col.column];
      let word: number;
      if (typeof cell === "string") {
        const slot = textSlot(cell);
        const memo = col.memo;
        if (col.hotTexts[slot] === cell) {
          word = col.hotWords[slot];
        } else if (memo !== undefined) {
          let res = memo.get(cell);
          col.lookups++;
          if (res === undefined) {
            col.misses++;
            res = resultsFor(col.colRules, viewOfText(cell, col.needs), asOf);
            if (memo.size >= MEMO_LIMIT) memo.clear();
            memo.set(cell, res);
            // Memoising pays off on low-cardinality columns (industry, region); on a column of unique texts
            // (company, e-mail) it only costs, so it is switched off once most lookups miss.
            if (col.lookups >= 4096 && col.misses * 2 > col.lookups) col.memo = undefined;
          }
          word = res;
          col.hotTexts[slot] = cell;
          col.hotWords[slot] = word;
        } else {
          word = resultsFor(col.colRules, viewOfText(cell, col.needs), asOf);
          col.hotTexts[slot] = cell;
          col.hotWords[slot] = word;
        }
      } else if (typeof cell === "number" && Number.isFinite(cell)) {
        // Numbers: evaluated directly (high cardinality), with text formed only if a rule needs it.
        word = numberWord(col, cell, asOf, scratch);
      } else if (typeof cell === "boolean") {
        word = cell ? col.trueResults : col.falseResults;
      } else if (cell === null || cell === undefined) {
        word = col.blankResults;
      } else {
        const err = cellError(cell);
        if (err !== undefined) {
          errors ??= new Map<number, XlError>();
          if (!errors.has(i)) errors.set(i, err);
          continue;
        }
        word = resultsFor(col.colRules, viewOf(cell), asOf);
      }
      if (!scoresOnly) {
        bits[p * count + i] = word;
        continue;
      }
      if (word === 0) continue;
      const table = col.wordPoints;
      if (table !== undefined) {
        score += table[word];
        continue;
      }
      const pts = col.points;
      const grp = col.groupOf;
      let w = word;
      while (w !== 0) {
        const j = 31 - Math.clz32(w & -w);
        const g = grp[j];
        if (g < 0) score += pts[j];
        else groupSums[g] += pts[j];
        w &= w - 1;
      }
    }
    if (scores !== undefined) {
      for (let g = 0; g < groups.length; g++) score += groupSums[g] < caps[g] ? groupSums[g] : caps[g];
      scores[i] = score;
    }
  }
  return { count, ruleSet: plan.ruleSet, plan, bits, columns, errors: errors ?? NO_ERRORS, scores };
}

function needsOf(rules: CompiledRule[]): Needs {
  const needs: Needs = { num: false, date: false, yn: false };
  const operands = (rule: CompiledRule): Operand[] =>
    rule.op === "between" ? [rule.low as Operand, rule.high as Operand] : (rule.list ?? [rule.operand]);
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
      return (
        (rule.low as Operand).num !== (rule.low as Operand).num ||
        (rule.high as Operand).num !== (rule.high as Operand).num
      );
    case "in":
    case "not in":
      return (rule.list as Operand[]).some((v) => v.num !== v.num);
    default:
      return false;
  }
}

/** Scores from evaluated rules: ungrouped points + per group min(sum, cap). */
export function scoreValues(result: ScoreResult): Float64Array {
  if (result.scores !== undefined) return result.scores;
  const { count, ruleSet, bits, columns } = result;
  const { groups } = ruleSet;
  const scores = new Float64Array(count);
  const groupSums = groups.map(() => new Float64Array(count));
  for (let p = 0; p < columns.length; p++) {
    const colRules = columns[p].colRules;
    const points = colRules.map((r) => r.points);
    const targets = colRules.map((r) => (r.group >= 0 ? groupSums[r.group] : scores));
    const base = p * count;
    for (let i = 0; i < count; i++) {
      let b = bits[base + i];
      while (b !== 0) {
        const j = 31 - Math.clz32(b & -b);
        targets[j][i] += points[j];
        b &= b - 1;
      }
    }
  }
  for (let g = 0; g < groups.length; g++) {
    const cap = groups[g].cap;
    const sums = groupSums[g];
    for (let i = 0; i < count; i++) scores[i] += sums[i] < cap ? sums[i] : cap;
  }
  return scores;
}

/** LEADSCORE's column: one score per lead, or its error. */
export function scoreColumn(result: ScoreResult): Matrix {
  const out = columnOf(scoreValues(result), result.count);
  for (const [i, err] of result.errors) out[i] = [err];
  return out;
}

function ruleWhere(ruleCount: number, columns: ColumnPlan[]): { planOf: Int32Array; bitOf: Uint32Array } {
  const planOf = new Int32Array(ruleCount);
  const bitOf = new Uint32Array(ruleCount);
  columns.forEach((col, p) =>
    col.ruleIdx.forEach((k, j) => {
      planOf[k] = p;
      bitOf[k] = (1 << j) >>> 0;
    }),
  );
  return { planOf, bitOf };
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
  const { count, ruleSet, bits, columns, errors, plan } = result;
  const { rules, groups } = ruleSet;
  // Where each rule's bit lives: its column plan and bit (kept with the plan for per-row calls).
  const where = plan?.where ?? ruleWhere(rules.length, columns);
  if (plan !== undefined) plan.where = where;
  const { planOf, bitOf } = where;
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
      if ((bits[planOf[k] * count + i] & bitOf[k]) === 0) continue;
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
