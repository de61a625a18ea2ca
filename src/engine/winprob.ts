/**
 * Predictive win probability (winprob.md §9): SALES.WINPROB and SALES.WINFACTORS. Naive Bayes over the table's own
 * closed rows, one frequency table per group plus the pooled table, 0.1 (smoothing) added to every count — Odoo's
 * predictive lead scoring written as a formula.
 *
 * Shape of the work (rule 10): one row-major pass reads every cell the model may use into typed arrays (one Int32
 * code per cell, each distinct text analysed once through a per-column memo); each factor column is then settled
 * (numeric bins from an O(n) selection of its closed numbers, or categorical values), counted over its closed rows
 * and scored over its open rows on those arrays. Scores are sums of logarithms, so hundreds of factors neither
 * underflow nor overflow.
 */
import type { Cell, Lang, Matrix } from "./types";
import { cellError, naError, numError, valueError, XlError } from "./errors";
import {
  asMatrix,
  columnOf,
  displayText,
  flatten,
  formatNumber,
  isBlank,
  isOmitted,
  intArg,
  isTextBlank,
  normalizeText,
  numberArg,
  outcomeText,
  parseNumberText,
  positionName,
  scalarOf,
  textKey,
  yesNoText,
} from "./coerce";

// ---------------------------------------------------------------------------------------------------------------
// Names the contract fixes

/** Outcome column: the first of these that is a header (text equality). */
export const OUTCOME_NAMES: readonly string[] = [
  "outcome",
  "result",
  "won/lost",
  "win/loss",
  "结果",
  "输赢",
  "成交结果",
];
/** Stage column: the first of these that is a header. */
export const STAGE_NAMES: readonly string[] = ["stage", "deal stage", "pipeline stage", "阶段", "销售阶段", "商机阶段"];

export const DEFAULT_SMOOTHING = 0.1;
export const MIN_P = 0.0001;
export const MAX_P = 0.9999;
/** A factor is neutral when |ln E| is below this. */
const NEUTRAL_LOG = 1e-12;
/** Default fields: a categorical column with more distinct values than this is dropped. */
const MAX_DEFAULT_VALUES = 50;

const LABELS = {
  en: {
    header: ["Factor", "Value", "Won share", "Lost share", "Effect"],
    base: "(base rate)",
    all: "(all)",
    probability: "(win probability)",
  },
  zh: {
    header: ["因素", "取值", "赢单占比", "输单占比", "影响倍数"],
    base: "(基准)",
    all: "(全部)",
    probability: "(赢单概率)",
  },
} as const;

// ---------------------------------------------------------------------------------------------------------------
// Cell codes

const OPEN = 0;
const WON = 1;
const LOST = 2;

/** Factor and stage codes of a cell (values and positions are ≥ 0). */
const NONE = -1; // blank or unknown word: no value
const NUM = -2; // a number cell; its value is in the column's `nums`
const ERR = -3; // an error value
const NONNUM = -4; // not a number, in a numeric column (open rows only)
const UNKNOWN_STAGE = -5;

/** The pooled table, in a record's table index. */
const POOLED = -1;

/** Category keys of the yes and no values (TRUE and yes words are one value). No normalized text starts with \u0000. */
const YES_KEY = "\u0000yes";
const NO_KEY = "\u0000no";

// ---------------------------------------------------------------------------------------------------------------
// The table

interface RecordTable {
  rows: Matrix;
  /** Index of the first record in rows (1 when the first row holds the headers). */
  first: number;
  count: number;
  width: number;
  /** Header cells as written (labels), and their text-equality keys ("" for a blank header). */
  shown: Cell[];
  keys: string[];
  /** Key → leftmost column with that header. */
  index: Map<string, number>;
}

function recordCount(recordsArg: unknown, headersArg: unknown): number {
  const rows = asMatrix(recordsArg);
  return isOmitted(headersArg) ? Math.max(0, rows.length - 1) : rows.length;
}

function readTable(recordsArg: unknown, headersArg: unknown): RecordTable {
  const rows = asMatrix(recordsArg);
  const width = rows[0]?.length ?? 0;
  let headerCells: Cell[];
  let first: number;
  if (isOmitted(headersArg)) {
    headerCells = rows[0] ?? [];
    first = 1;
  } else {
    const headers = asMatrix(headersArg);
    if (headers.length !== 1 || headers[0].length !== width) {
      throw valueError(
        `headers must be one row as wide as records (${width} columns), not ${headers.length}×${headers[0]?.length ?? 0}`,
      );
    }
    headerCells = headers[0];
    first = 0;
  }
  const keys: string[] = [];
  const shown: Cell[] = [];
  const index = new Map<string, number>();
  for (let c = 0; c < width; c++) {
    const h = headerCells[c];
    const err = cellError(h);
    if (err !== undefined) throw valueError(`Header ${c + 1} is the error ${err.code}`);
    const key = isTextBlank(h) ? "" : textKey(h);
    keys.push(key);
    shown.push(h);
    if (key !== "" && !index.has(key)) index.set(key, c);
  }
  return { rows, first, count: Math.max(0, rows.length - first), width, shown, keys, index };
}

function findNamed(table: RecordTable, names: readonly string[]): number {
  for (const name of names) {
    const col = table.index.get(textKey(name));
    if (col !== undefined) return col;
  }
  return -1;
}

const headerText = (table: RecordTable, col: number): string => displayText(table.shown[col]);

// ---------------------------------------------------------------------------------------------------------------
// Arguments

function smoothingArg(value: unknown): number {
  const s = numberArg(value, "smoothing", DEFAULT_SMOOTHING);
  if (!(s > 0)) throw numError(`smoothing must be a number greater than 0, not ${formatNumber(s)}`);
  return s;
}

interface WinStageOrder {
  /** Stage names as written in stage_order (for labels). */
  cells: Cell[];
  index: Map<string, number>;
}

/** stage_order as in FUNNEL (blank cells skipped, duplicates → #VALUE!), won and lost words skipped. */
function readWinStageOrder(arg: unknown): WinStageOrder {
  const m = asMatrix(arg);
  const cells = flatten(m);
  const written: Cell[] = [];
  const index = new Map<string, number>();
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    const err = cellError(c);
    if (err !== undefined) throw valueError(`stage_order holds the error ${err.code} at ${positionName(m, i)}`);
    if (isTextBlank(c)) continue;
    const outcome = outcomeText(normalizeText(c));
    if (outcome === "won" || outcome === "lost") continue;
    const key = textKey(c);
    if (index.has(key)) throw valueError(`Duplicate stage "${displayText(c)}" in stage_order`);
    index.set(key, written.length);
    written.push(typeof c === "string" ? c.trim() : c);
  }
  if (written.length === 0) throw valueError("stage_order has no stage names (won and lost words are skipped)");
  return { cells: written, index };
}

function readGroupField(arg: unknown, table: RecordTable, outcomeCol: number, stageCol: number): number {
  if (isOmitted(arg)) return -1;
  const v = scalarOf(arg, "group_field");
  const err = cellError(v);
  if (err !== undefined) throw valueError(`group_field is the error ${err.code}`);
  if (isTextBlank(v)) return -1;
  const col = table.index.get(textKey(v));
  if (col === undefined) throw valueError(`Unknown group_field "${displayText(v)}": no such header`);
  if (col === outcomeCol) throw valueError(`group_field "${displayText(v)}" is the Outcome column`);
  if (col === stageCol) throw valueError(`group_field "${displayText(v)}" is the Stage column`);
  return col;
}

/** The explicit factor columns in `fields` order, or undefined for the default fields. */
function readFields(
  arg: unknown,
  table: RecordTable,
  outcomeCol: number,
  groupCol: number,
  stageCol: number,
): number[] | undefined {
  if (isOmitted(arg)) return undefined;
  const m = asMatrix(arg);
  const cells = flatten(m);
  const cols: number[] = [];
  const seen = new Set<number>();
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    const err = cellError(c);
    if (err !== undefined) throw valueError(`fields holds the error ${err.code} at ${positionName(m, i)}`);
    if (isTextBlank(c)) continue;
    const name = displayText(c);
    const col = table.index.get(textKey(c));
    if (col === undefined) throw valueError(`Unknown field "${name}" in fields: no such header`);
    if (seen.has(col)) throw valueError(`Duplicate field "${name}" in fields`);
    if (col === outcomeCol) throw valueError(`Field "${name}" is the Outcome column`);
    if (col === groupCol) throw valueError(`Field "${name}" is the group_field column`);
    if (col === stageCol)
      throw valueError(`Field "${name}" is the Stage column: with stage_order the stage is already a factor`);
    seen.add(col);
    cols.push(col);
  }
  return cols.length === 0 ? undefined : cols;
}

/** Columns the default fields may take: non-blank, leftmost of their header, not Outcome / a Stage name / group. */
function defaultCandidates(table: RecordTable, outcomeCol: number, groupCol: number): number[] {
  const stageKeys = new Set(STAGE_NAMES.map((s) => textKey(s)));
  const cols: number[] = [];
  for (let c = 0; c < table.width; c++) {
    const key = table.keys[c];
    if (key === "" || table.index.get(key) !== c) continue;
    if (c === outcomeCol || c === groupCol || stageKeys.has(key)) continue;
    cols.push(c);
  }
  return cols;
}

// ---------------------------------------------------------------------------------------------------------------
// Categories (rule 2 with yes/no unification)

/** Category key of a text cell: undefined when it has no value (blank or an unknown word). */
function textCategory(raw: string): string | undefined {
  const norm = normalizeText(raw);
  if (norm === "") return undefined;
  const yn = yesNoText(norm);
  if (yn === "unknown") return undefined;
  if (yn === "yes") return YES_KEY;
  if (yn === "no") return NO_KEY;
  return textKey(raw);
}

/** A cell shown back to the user as first written: text trimmed, numbers and booleans as they are. */
const asWritten = (c: Cell): Cell => (typeof c === "string" ? c.trim() : c);

// ---------------------------------------------------------------------------------------------------------------
// One factor column, read cell by cell in the row pass

interface TextEntry {
  /** Category key id; the column's keys hold the written form of each. */
  key: number;
  /** The number the text parses as (rule 3), NaN when it is not a number. */
  num: number;
}

class FactorColumn {
  readonly col: number;
  /** True for a default-fields candidate, which the default rule may drop. */
  readonly candidate: boolean;
  codes: Int32Array;
  nums: Float64Array | undefined;
  private readonly memo = new Map<string, number>();
  private readonly entries: TextEntry[] = [];
  /** Category keys: text → id, and per id the form first written (top to bottom) and its record. */
  private readonly keyIndex = new Map<string, number>();
  keyShown: Cell[] = [];
  private keyFirst: number[] = [];
  private keyClosed: Uint8Array = new Uint8Array(16);
  private closedKeys = 0;
  private trueEntry = -1;
  private falseEntry = -1;
  /** A closed row holds a valued cell that is not a number. */
  hasText = false;
  dead = false;
  readonly errors = new Map<number, XlError>();
  readonly n: number;

  // Settled by finish():
  numeric = false;
  edges: number[] = [];
  valueCount = 0;
  /** Per value: the label shown after `header = ` (categorical), or the whole bin label (numeric). */
  valueText: string[] = [];
  /** Per value: the Value cell of the WINFACTORS table. */
  valueCell: Cell[] = [];
  /** Records holding a non-number in a numeric column: record → text. */
  readonly nonNumbers = new Map<number, string>();

  constructor(col: number, n: number, candidate: boolean) {
    this.col = col;
    this.n = n;
    this.candidate = candidate;
    this.codes = new Int32Array(n).fill(NONE);
  }

  read(cell: Cell, i: number, closed: boolean): void {
    let e: number;
    if (typeof cell === "string") {
      const memo = this.memo.get(cell);
      e = memo === undefined ? this.addText(cell, i) : memo;
    } else if (typeof cell === "number") {
      if (cell !== cell || cell === Infinity || cell === -Infinity) return; // not a value Excel can hand over
      if (this.nums === undefined) this.nums = new Float64Array(this.n);
      this.nums[i] = cell;
      this.codes[i] = NUM;
      return;
    } else if (typeof cell === "boolean") {
      e = this.booleanEntry(cell, i);
    } else if (cell === null || cell === undefined) {
      return;
    } else {
      const err = cellError(cell);
      if (err !== undefined) {
        this.codes[i] = ERR;
        this.errors.set(i, err);
      }
      return;
    }
    if (e < 0) return;
    this.codes[i] = e;
    if (closed) this.closedEntry(e);
  }

  private addText(raw: string, i: number): number {
    const key = textCategory(raw);
    let e = NONE;
    if (key !== undefined) {
      e = this.entries.length;
      const num = key === YES_KEY || key === NO_KEY ? undefined : parseNumberText(raw);
      this.entries.push({ key: this.internKey(key, raw.trim(), i), num: num === undefined ? NaN : num });
    }
    this.memo.set(raw, e);
    return e;
  }

  private booleanEntry(b: boolean, i: number): number {
    if (b && this.trueEntry >= 0) return this.trueEntry;
    if (!b && this.falseEntry >= 0) return this.falseEntry;
    const e = this.entries.length;
    this.entries.push({ key: this.internKey(b ? YES_KEY : NO_KEY, b, i), num: NaN });
    if (b) this.trueEntry = e;
    else this.falseEntry = e;
    return e;
  }

  private internKey(key: string, written: Cell, i: number): number {
    let k = this.keyIndex.get(key);
    if (k === undefined) {
      k = this.keyShown.length;
      this.keyIndex.set(key, k);
      this.keyShown.push(written);
      this.keyFirst.push(i);
    } else if (i < this.keyFirst[k]) {
      this.keyShown[k] = written;
      this.keyFirst[k] = i;
    }
    return k;
  }

  private closedEntry(e: number): void {
    const entry = this.entries[e];
    if (entry.num !== entry.num) this.hasText = true;
    const k = entry.key;
    if (k >= this.keyClosed.length) {
      const grown = new Uint8Array(Math.max(k + 1, this.keyClosed.length * 2));
      grown.set(this.keyClosed);
      this.keyClosed = grown;
    }
    if (this.keyClosed[k] === 0) {
      this.keyClosed[k] = 1;
      this.closedKeys++;
    }
    // A text column with more than 50 values in its closed rows is no default field: stop reading it.
    if (this.candidate && this.hasText && this.closedKeys > MAX_DEFAULT_VALUES) this.drop();
  }

  private drop(): void {
    this.dead = true;
    this.codes = new Int32Array(0);
    this.nums = undefined;
    this.memo.clear();
  }

  /**
   * Settles the column once every cell is read: numeric (quintile bins of its closed numbers) or categorical, and
   * replaces each cell's code by its value (≥ 0), NONE, ERR or NONNUM. Returns false when the default-fields rule
   * drops the column.
   */
  finish(out: Uint8Array, header: string): boolean {
    if (this.dead) return false;
    if (!this.hasText && this.settleNumeric(out, header)) {
      return !this.candidate || this.valueCount >= 2;
    }
    this.settleCategorical();
    if (!this.candidate) return true;
    // Default fields: 2 to 50 distinct values among the closed rows, at most half as many as valued cells.
    const seen = new Uint8Array(this.valueCount);
    let distinct = 0;
    let valued = 0;
    const codes = this.codes;
    for (let i = 0; i < this.n; i++) {
      const v = codes[i];
      if (v < 0 || out[i] === OPEN) continue;
      valued++;
      if (seen[v] === 0) {
        seen[v] = 1;
        distinct++;
      }
    }
    return distinct >= 2 && distinct <= MAX_DEFAULT_VALUES && 2 * distinct <= valued;
  }

  private numberAt(i: number): number {
    const c = this.codes[i];
    if (c === NUM) return (this.nums as Float64Array)[i];
    return c >= 0 ? this.entries[c].num : NaN;
  }

  private settleNumeric(out: Uint8Array, header: string): boolean {
    const n = this.n;
    const codes = this.codes;
    let count = 0;
    for (let i = 0; i < n; i++) if (codes[i] !== NONE && codes[i] !== ERR && out[i] !== OPEN) count++;
    const xs = new Float64Array(count);
    for (let i = 0, m = 0; i < n; i++) {
      const c = codes[i];
      if (c !== NONE && c !== ERR && out[i] !== OPEN) xs[m++] = this.numberAt(i);
    }
    if (!moreDistinctThan(xs, 5)) return false;
    const edges = quintileEdges(xs);
    this.numeric = true;
    this.edges = edges;
    this.valueCount = edges.length + 1;
    this.valueText = binLabels(header, edges);
    this.valueCell = this.valueText;
    const nums = this.nums;
    for (let i = 0; i < n; i++) {
      const c = codes[i];
      if (c === NUM) codes[i] = binOf((nums as Float64Array)[i], edges);
      else if (c >= 0) {
        const x = this.entries[c].num;
        if (x === x) codes[i] = binOf(x, edges);
        else {
          codes[i] = NONNUM;
          this.nonNumbers.set(i, displayText(this.keyShown[this.entries[c].key]));
        }
      }
    }
    this.nums = undefined;
    return true;
  }

  private settleCategorical(): void {
    const n = this.n;
    const codes = this.codes;
    const nums = this.nums;
    // In a column whose closed rows hold text, the number 0 is a blank cell passed as 0 (rule 1).
    const zeroIsBlank = this.hasText;
    const numberKeys = new Map<number, number>();
    const entryKeys = this.entries.map((e) => e.key);
    for (let i = 0; i < n; i++) {
      const c = codes[i];
      if (c >= 0) codes[i] = entryKeys[c];
      else if (c === NUM) {
        const x = (nums as Float64Array)[i];
        if (x === 0 && zeroIsBlank) {
          codes[i] = NONE;
          continue;
        }
        let k = numberKeys.get(x);
        if (k === undefined) {
          k = this.internKey(formatNumber(x), x, i);
          numberKeys.set(x, k);
        } else if (i < this.keyFirst[k]) {
          this.keyShown[k] = x;
          this.keyFirst[k] = i;
        }
        codes[i] = k;
      }
    }
    this.nums = undefined;
    this.valueCount = this.keyShown.length;
    this.valueText = this.keyShown.map((c) => displayText(c));
    this.valueCell = this.keyShown.map(asWritten);
  }
}

/** True when xs holds more than `limit` distinct numbers. */
function moreDistinctThan(xs: Float64Array, limit: number): boolean {
  const seen: number[] = [];
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    if (seen.indexOf(x) >= 0) continue;
    seen.push(x);
    if (seen.length > limit) return true;
  }
  return false;
}

/**
 * Bin edges of a numeric column (winprob.md "Numeric columns"): with x₁ ≤ … ≤ xₙ the closed numbers, the
 * candidates are x at rank ⌈j·n/5⌉ (j = 1…4, ranks computed in integers); candidates equal to xₙ and duplicates
 * are dropped. Found by selection, not sorting: O(n). `xs` is reordered.
 */
export function quintileEdges(xs: Float64Array): number[] {
  const n = xs.length;
  if (n === 0) return [];
  let max = xs[0];
  for (let i = 1; i < n; i++) if (xs[i] > max) max = xs[i];
  const edges: number[] = [];
  let lo = 0;
  let seed = 0x9e3779b9 ^ n;
  const rnd = (): number => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 4294967296;
  };
  for (let j = 1; j <= 4; j++) {
    const rank = Math.floor((j * n + 4) / 5); // ⌈j·n/5⌉, exact in integers
    const k = rank - 1;
    selectKth(xs, lo, n, k, rnd);
    lo = k;
    const x = xs[k];
    if (x !== max && edges.indexOf(x) < 0) edges.push(x);
  }
  return edges;
}

/** Rearranges a[lo, hi) so that a[k] is the value of rank k, smaller ones before it and larger ones after. */
function selectKth(a: Float64Array, lo: number, hi: number, k: number, rnd: () => number): void {
  while (hi - lo > 1) {
    const pivot = a[lo + Math.floor(rnd() * (hi - lo))];
    // Three-way partition: [lo, lt) < pivot, [lt, gt) = pivot, [gt, hi) > pivot (runs of equal amounts stay linear).
    let lt = lo;
    let i = lo;
    let gt = hi;
    while (i < gt) {
      const x = a[i];
      if (x < pivot) {
        a[i] = a[lt];
        a[lt] = x;
        lt++;
        i++;
      } else if (x > pivot) {
        gt--;
        a[i] = a[gt];
        a[gt] = x;
      } else i++;
    }
    if (k < lt) hi = lt;
    else if (k >= gt) lo = gt;
    else return;
  }
}

/** Bin of x: 0 for x ≤ c₁, i for cᵢ < x ≤ cᵢ₊₁, m for x > cₘ. */
function binOf(x: number, edges: number[]): number {
  let b = 0;
  while (b < edges.length && x > edges[b]) b++;
  return b;
}

function binLabels(header: string, edges: number[]): string[] {
  const m = edges.length;
  if (m === 0) return [`${header} (all)`];
  const labels: string[] = [`${header} ≤ ${String(edges[0])}`];
  for (let i = 1; i < m; i++) labels.push(`${String(edges[i - 1])} < ${header} ≤ ${String(edges[i])}`);
  labels.push(`${header} > ${String(edges[m - 1])}`);
  return labels;
}

// ---------------------------------------------------------------------------------------------------------------
// Counts of one factor column: per (partition, value) and pooled per value

/** Maps (partition, value) to a slot: a dense array when small, a hash map otherwise. */
class PairSlots {
  private readonly dense: Int32Array | undefined;
  private readonly sparse: Map<number, number> | undefined;
  private readonly width: number;
  size = 0;

  constructor(partitions: number, values: number) {
    this.width = values;
    if (partitions * values <= 1 << 22) this.dense = new Int32Array(partitions * values).fill(-1);
    else this.sparse = new Map<number, number>();
  }

  get(p: number, v: number): number {
    const at = p * this.width + v;
    if (this.dense !== undefined) return this.dense[at];
    const s = (this.sparse as Map<number, number>).get(at);
    return s === undefined ? -1 : s;
  }

  add(p: number, v: number): number {
    const at = p * this.width + v;
    if (this.dense !== undefined) {
      let s = this.dense[at];
      if (s < 0) s = this.dense[at] = this.size++;
      return s;
    }
    const map = this.sparse as Map<number, number>;
    let s = map.get(at);
    if (s === undefined) {
      s = this.size++;
      map.set(at, s);
    }
    return s;
  }
}

/** A factor's entry in one table: counts, shares and effect. */
export interface FactorShare {
  won: number;
  lost: number;
  wonShare: number;
  lostShare: number;
  effect: number;
  logEffect: number;
}

class FactorCounts {
  readonly slots: PairSlots;
  slotWon: Int32Array;
  slotLost: Int32Array;
  /** The partition of each slot. */
  slotPart: Int32Array;
  /** Per partition: values with counts (K), won and lost rows with a value. */
  readonly partValues: Int32Array;
  readonly partWon: Float64Array;
  readonly partLost: Float64Array;
  /** Pooled, per value: won and lost rows, and how many partitions have it. */
  readonly valueWon: Float64Array;
  readonly valueLost: Float64Array;
  readonly valueParts: Int32Array;
  pooledWon = 0;
  pooledLost = 0;
  pooledValues = 0;
  /** ln E per slot and per value (pooled); NaN where there are no counts. */
  slotLog: Float64Array = new Float64Array(0);
  valueLog: Float64Array;

  constructor(
    readonly column: FactorColumn,
    readonly s: number,
    partitions: number,
    out: Uint8Array,
    part: Int32Array,
  ) {
    const V = column.valueCount;
    const vals = column.codes;
    const n = vals.length;
    this.slots = new PairSlots(partitions, V);
    let cap = 16;
    this.slotWon = new Int32Array(cap);
    this.slotLost = new Int32Array(cap);
    this.slotPart = new Int32Array(cap);
    this.partValues = new Int32Array(partitions);
    this.partWon = new Float64Array(partitions);
    this.partLost = new Float64Array(partitions);
    this.valueWon = new Float64Array(V);
    this.valueLost = new Float64Array(V);
    this.valueParts = new Int32Array(V);
    for (let i = 0; i < n; i++) {
      const o = out[i];
      if (o === OPEN) continue;
      const v = vals[i];
      if (v < 0) continue;
      const p = part[i];
      const before = this.slots.size;
      const slot = this.slots.add(p, v);
      if (slot === before) {
        if (slot >= cap) {
          cap *= 2;
          this.slotWon = grow(this.slotWon, cap);
          this.slotLost = grow(this.slotLost, cap);
          this.slotPart = grow(this.slotPart, cap);
        }
        this.slotPart[slot] = p;
        this.partValues[p]++;
        this.valueParts[v]++;
        this.pooledValues++;
      }
      if (o === WON) {
        this.slotWon[slot]++;
        this.partWon[p]++;
        this.valueWon[v]++;
        this.pooledWon++;
      } else {
        this.slotLost[slot]++;
        this.partLost[p]++;
        this.valueLost[v]++;
        this.pooledLost++;
      }
    }
    this.valueLog = new Float64Array(V).fill(NaN);
    for (let v = 0; v < V; v++) {
      const sh = this.pooledShare(v);
      if (sh !== undefined) this.valueLog[v] = sh.logEffect;
    }
    this.slotLog = new Float64Array(this.slots.size);
    for (let slot = 0; slot < this.slots.size; slot++) this.slotLog[slot] = this.slotShare(slot).logEffect;
  }

  private slotShare(slot: number): FactorShare {
    const p = this.slotPart[slot];
    const k = this.partValues[p] * this.s;
    return share(this.slotWon[slot] + this.s, this.slotLost[slot] + this.s, this.partWon[p] + k, this.partLost[p] + k);
  }

  partitionShare(p: number, v: number): FactorShare | undefined {
    const slot = this.slots.get(p, v);
    return slot < 0 ? undefined : this.slotShare(slot);
  }

  pooledShare(v: number): FactorShare | undefined {
    const parts = this.valueParts[v];
    if (parts === 0) return undefined;
    const k = this.pooledValues * this.s;
    return share(
      this.valueWon[v] + parts * this.s,
      this.valueLost[v] + parts * this.s,
      this.pooledWon + k,
      this.pooledLost + k,
    );
  }
}

function grow(a: Int32Array, size: number): Int32Array {
  const b = new Int32Array(size);
  b.set(a);
  return b;
}

function share(won: number, lost: number, wonTotal: number, lostTotal: number): FactorShare {
  const wonShare = won / wonTotal;
  const lostShare = lost / lostTotal;
  const effect = wonShare / lostShare;
  return { won, lost, wonShare, lostShare, effect, logEffect: Math.log(wonShare) - Math.log(lostShare) };
}

// ---------------------------------------------------------------------------------------------------------------
// The model

/** Why a record's result is an error: the first problem among the cells the model reads for it, left to right. */
interface Problem {
  col: number;
  kind: "error" | "stage" | "nonnumber";
  err?: XlError;
  text?: string;
}

interface Partition {
  /** Group id, or -1 for the no-group partition. */
  group: number;
  won: number;
  lost: number;
}

interface StageModel {
  col: number;
  order: WinStageOrder;
  /** Per record: position (≥ 0), or NONE for won rows (not read), UNKNOWN_STAGE or ERR. */
  pos: Int32Array;
  /** Per partition: furthest lost position (-1 when none), and its lost rows' positions ascending (CSR). */
  maxLost: Int32Array;
  lostStart: Int32Array;
  lostPos: Int32Array;
  /** Pooled: lost rows at position ≥ k, and partitions that have counts at k. */
  pooledLostFrom: Float64Array;
  pooledParts: Float64Array;
}

export interface WinModel {
  count: number;
  smoothing: number;
  table: RecordTable;
  out: Uint8Array;
  /** Log-odds of every open record (meaningless where the record has a problem). */
  logOdds: Float64Array;
  problems: Map<number, Problem>;
  /** Per record: its partition for scoring, or POOLED. */
  scoring: Int32Array;
  partitions: Partition[];
  groupShown: Cell[];
  /** Won and lost rows of the whole table, and the pooled base counts Σ(W + s), Σ(L + s). */
  wonRows: number;
  lostRows: number;
  pooledWon: number;
  pooledLost: number;
  stage: StageModel | undefined;
  factors: FactorCounts[];
}

export interface WinModelOptions {
  /** Keep each factor column's per-record values (WINFACTORS needs them; WINPROB frees them as it goes). */
  keepValues: boolean;
}

/** Reads the table, learns the frequency tables and scores every open record (the errors of winprob.md, in order). */
export function fitWinModel(
  recordsArg: unknown,
  fieldsArg: unknown,
  headersArg: unknown,
  stageOrderArg: unknown,
  groupFieldArg: unknown,
  s: number,
  options: WinModelOptions,
): WinModel {
  const table = readTable(recordsArg, headersArg);
  const outcomeCol = findNamed(table, OUTCOME_NAMES);
  if (outcomeCol < 0) {
    throw valueError(`No Outcome column: name one header ${OUTCOME_NAMES.join(", ")}`);
  }
  const order = isOmitted(stageOrderArg) ? undefined : readWinStageOrder(stageOrderArg);
  const stageNamed = findNamed(table, STAGE_NAMES);
  if (order !== undefined && stageNamed < 0) {
    throw valueError(`No Stage column (stage_order is given): name one header ${STAGE_NAMES.join(", ")}`);
  }
  const stageCol = order === undefined ? -1 : stageNamed;
  const groupCol = readGroupField(groupFieldArg, table, outcomeCol, stageNamed);
  const explicit = readFields(fieldsArg, table, outcomeCol, groupCol, stageCol);
  const factorCols = explicit ?? defaultCandidates(table, outcomeCol, groupCol);

  const n = table.count;
  const columns = factorCols.map((c) => new FactorColumn(c, n, explicit === undefined));
  // The row pass reads columns left to right; fields order is restored after.
  const readOrder = [...columns].sort((a, b) => a.col - b.col);
  const out = new Uint8Array(n);
  const groups = new GroupReader(groupCol, n);
  const stagePos = order === undefined ? undefined : new Int32Array(n).fill(NONE);
  const problems = new Map<number, Problem>();
  const setProblem = (i: number, p: Problem): void => {
    const had = problems.get(i);
    if (had === undefined || p.col < had.col) problems.set(i, p);
  };

  const outcomeMemo = new Map<string, number>();
  const stageMemo = new Map<string, number>();
  const { rows, first } = table;
  let live = readOrder.length;
  for (let i = 0; i < n; i++) {
    const row = rows[first + i];
    const o = outcomeCode(row[outcomeCol], i, outcomeMemo);
    out[i] = o;
    const closed = o !== OPEN;
    if (stagePos !== undefined && o !== WON) {
      const code = stageCode(row[stageCol], order as WinStageOrder, stageMemo);
      stagePos[i] = code;
      if (code === ERR) setProblem(i, { col: stageCol, kind: "error", err: cellError(row[stageCol]) });
      else if (code === UNKNOWN_STAGE)
        setProblem(i, { col: stageCol, kind: "stage", text: displayText(row[stageCol]) });
    }
    if (groupCol >= 0) {
      const err = groups.read(row[groupCol], i);
      if (err !== undefined) setProblem(i, { col: groupCol, kind: "error", err });
    }
    if (live > 0) {
      for (let f = 0; f < readOrder.length; f++) {
        const column = readOrder[f];
        if (column.dead) continue;
        column.read(row[column.col], i, closed);
        if (column.dead) live--;
      }
    }
  }

  // Settle the factor columns (the default-fields rule drops some), and collect their cell problems.
  const kept: FactorColumn[] = [];
  for (const column of columns) {
    const keep = column.finish(out, headerText(table, column.col));
    if (!keep) continue;
    kept.push(column);
    for (const [i, err] of column.errors) setProblem(i, { col: column.col, kind: "error", err });
    for (const [i, text] of column.nonNumbers) setProblem(i, { col: column.col, kind: "nonnumber", text });
  }

  // Whole-result: the first cell of a closed row the model reads that is an error value or an unknown stage.
  let firstClosed = -1;
  for (const i of problems.keys()) if (out[i] !== OPEN && (firstClosed < 0 || i < firstClosed)) firstClosed = i;
  if (firstClosed >= 0) {
    const p = problems.get(firstClosed) as Problem;
    if (p.kind === "stage") throw valueError(`Unknown stage "${p.text}" in record ${firstClosed + 1}`);
    throw valueError(
      `Record ${firstClosed + 1} holds the error ${(p.err as XlError).code} in column "${headerText(table, p.col)}"`,
    );
  }

  let wonRows = 0;
  let lostRows = 0;
  for (let i = 0; i < n; i++) {
    if (out[i] === WON) wonRows++;
    else if (out[i] === LOST) lostRows++;
  }
  if (wonRows === 0) throw naError("No won rows to learn from");
  if (lostRows === 0) throw naError("No lost rows to learn from");

  // Partitions: every group with a closed row, then the no-group rows when one of them is closed.
  const partitions: Partition[] = [];
  const groupPartition = new Int32Array(groups.shown.length).fill(-1);
  let noGroupPartition = -1;
  const part = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    if (out[i] === OPEN) continue;
    const g = groups.ids[i];
    let p: number;
    if (g >= 0) {
      p = groupPartition[g];
      if (p < 0) {
        p = groupPartition[g] = partitions.length;
        partitions.push({ group: g, won: 0, lost: 0 });
      }
    } else {
      p = noGroupPartition;
      if (p < 0) {
        p = noGroupPartition = partitions.length;
        partitions.push({ group: -1, won: 0, lost: 0 });
      }
    }
    part[i] = p;
    if (out[i] === WON) partitions[p].won++;
    else partitions[p].lost++;
  }
  const P = partitions.length;
  const scoring = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const g = groups.ids[i];
    scoring[i] = g >= 0 && groupPartition[g] >= 0 ? groupPartition[g] : POOLED;
  }

  // Base odds.
  const logOdds = new Float64Array(n);
  const pooledWon = wonRows + P * s;
  const pooledLost = lostRows + P * s;
  const partLogBase = new Float64Array(P);
  for (let p = 0; p < P; p++) partLogBase[p] = Math.log((partitions[p].won + s) / (partitions[p].lost + s));
  const pooledLogBase = Math.log(pooledWon / pooledLost);
  for (let i = 0; i < n; i++) {
    if (out[i] !== OPEN) continue;
    const t = scoring[i];
    logOdds[i] = t >= 0 ? partLogBase[t] : pooledLogBase;
  }

  const model: WinModel = {
    count: n,
    smoothing: s,
    table,
    out,
    logOdds,
    problems,
    scoring,
    partitions,
    groupShown: groups.shown,
    wonRows,
    lostRows,
    pooledWon,
    pooledLost,
    stage: undefined,
    factors: [],
  };

  if (order !== undefined) {
    model.stage = learnStages(stageCol, order, stagePos as Int32Array, out, part, partitions);
    scoreStages(model);
  }

  for (const column of kept) {
    const counts = new FactorCounts(column, s, P, out, part);
    scoreFactor(model, counts);
    if (!options.keepValues) column.codes = new Int32Array(0);
    model.factors.push(counts);
  }
  return model;
}

function outcomeCode(cell: Cell, i: number, memo: Map<string, number>): number {
  if (typeof cell === "string") {
    const known = memo.get(cell);
    if (known !== undefined) return known;
  }
  if (isTextBlank(cell)) return OPEN;
  const err = cellError(cell);
  if (err !== undefined) throw valueError(`The outcome of record ${i + 1} is the error ${err.code}`);
  const o = outcomeText(normalizeText(cell));
  if (o === undefined) throw valueError(`Unknown outcome "${displayText(cell)}" in record ${i + 1}`);
  const code = o === "won" ? WON : o === "lost" ? LOST : OPEN;
  if (typeof cell === "string") memo.set(cell, code);
  return code;
}

/** A row's stage position: blank or a won/lost word is position 1 (index 0). */
function stageCode(cell: Cell, order: WinStageOrder, memo: Map<string, number>): number {
  if (typeof cell === "string") {
    let code = memo.get(cell);
    if (code === undefined) {
      code = stageOfText(cell, order);
      memo.set(cell, code);
    }
    return code;
  }
  if (isTextBlank(cell)) return 0;
  if (cellError(cell) !== undefined) return ERR;
  return stageOfText(cell, order);
}

function stageOfText(cell: Cell, order: WinStageOrder): number {
  if (isTextBlank(cell)) return 0;
  const o = outcomeText(normalizeText(cell));
  if (o === "won" || o === "lost") return 0;
  return order.index.get(textKey(cell)) ?? UNKNOWN_STAGE;
}

/** Group cells: categories (rule 2, yes/no unified); blank, the number 0 and unknown words are no group. */
class GroupReader {
  readonly ids: Int32Array;
  readonly shown: Cell[] = [];
  private readonly keys = new Map<string, number>();
  private readonly memo = new Map<string, number>();

  constructor(
    readonly col: number,
    n: number,
  ) {
    this.ids = new Int32Array(n).fill(NONE);
  }

  read(cell: Cell, i: number): XlError | undefined {
    if (typeof cell === "string") {
      let id = this.memo.get(cell);
      if (id === undefined) {
        const key = textCategory(cell);
        id = key === undefined ? NONE : this.intern(key, cell.trim());
        this.memo.set(cell, id);
      }
      this.ids[i] = id;
      return undefined;
    }
    if (isTextBlank(cell)) return undefined;
    if (typeof cell === "number") {
      if (Number.isFinite(cell)) this.ids[i] = this.intern(formatNumber(cell), cell);
      return undefined;
    }
    if (typeof cell === "boolean") {
      this.ids[i] = this.intern(cell ? YES_KEY : NO_KEY, cell);
      return undefined;
    }
    return cellError(cell);
  }

  private intern(key: string, written: Cell): number {
    let id = this.keys.get(key);
    if (id === undefined) {
      id = this.shown.length;
      this.keys.set(key, id);
      this.shown.push(written);
    }
    return id;
  }
}

function learnStages(
  col: number,
  order: WinStageOrder,
  pos: Int32Array,
  out: Uint8Array,
  part: Int32Array,
  partitions: Partition[],
): StageModel {
  const P = partitions.length;
  const K = order.cells.length;
  const n = pos.length;
  const maxLost = new Int32Array(P).fill(-1);
  // Lost rows by partition, positions ascending (counting sort by position, then distributed by partition).
  const lostStart = new Int32Array(P + 1);
  const byPosition = new Int32Array(K + 1);
  for (let i = 0; i < n; i++) {
    if (out[i] !== LOST) continue;
    const p = part[i];
    const k = pos[i];
    lostStart[p + 1]++;
    byPosition[k + 1]++;
    if (k > maxLost[p]) maxLost[p] = k;
  }
  for (let p = 0; p < P; p++) lostStart[p + 1] += lostStart[p];
  for (let k = 0; k < K; k++) byPosition[k + 1] += byPosition[k];
  const sortedRows = new Int32Array(byPosition[K]);
  const fillPos = byPosition.slice(0, K);
  for (let i = 0; i < n; i++) if (out[i] === LOST) sortedRows[fillPos[pos[i]]++] = i;
  const lostPos = new Int32Array(lostStart[P]);
  const fillPart = lostStart.slice(0, P);
  for (let j = 0; j < sortedRows.length; j++) {
    const i = sortedRows[j];
    lostPos[fillPart[part[i]]++] = pos[i];
  }
  // Pooled: lost rows at position ≥ k (each lies in a partition that has k), partitions with counts at k.
  const lostAt = new Float64Array(K);
  for (let j = 0; j < sortedRows.length; j++) lostAt[pos[sortedRows[j]]]++;
  const pooledLostFrom = new Float64Array(K);
  for (let k = K - 1, acc = 0; k >= 0; k--) pooledLostFrom[k] = acc += lostAt[k];
  const pooledParts = new Float64Array(K);
  for (let p = 0; p < P; p++) {
    const reach = partitions[p].won > 0 ? K - 1 : maxLost[p];
    for (let k = 0; k <= reach; k++) pooledParts[k]++;
  }
  return { col, order, pos, maxLost, lostStart, lostPos, pooledLostFrom, pooledParts };
}

/** Lost rows of partition p at position ≥ k. */
function lostFrom(stage: StageModel, p: number, k: number): number {
  let lo = stage.lostStart[p];
  const end = stage.lostStart[p + 1];
  let hi = end;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (stage.lostPos[mid] < k) lo = mid + 1;
    else hi = mid;
  }
  return end - lo;
}

/** The stage factor of an open record at position k, in table t; undefined when k has no counts there. */
function stageShare(model: WinModel, t: number, k: number): FactorShare | undefined {
  const stage = model.stage as StageModel;
  const s = model.smoothing;
  if (t >= 0) {
    const part = model.partitions[t];
    if (part.won === 0 && stage.maxLost[t] < k) return undefined;
    return share(part.won + s, lostFrom(stage, t, k) + s, part.won + s, part.lost + s);
  }
  const parts = stage.pooledParts[k];
  if (parts === 0) return undefined;
  return share(model.wonRows + parts * s, stage.pooledLostFrom[k] + parts * s, model.pooledWon, model.pooledLost);
}

function scoreStages(model: WinModel): void {
  const stage = model.stage as StageModel;
  const { out, logOdds, scoring } = model;
  const pos = stage.pos;
  for (let i = 0; i < model.count; i++) {
    if (out[i] !== OPEN) continue;
    const k = pos[i];
    if (k < 0) continue;
    const sh = stageShare(model, scoring[i], k);
    if (sh !== undefined) logOdds[i] += sh.logEffect;
  }
}

function scoreFactor(model: WinModel, counts: FactorCounts): void {
  const { out, logOdds, scoring } = model;
  const vals = counts.column.codes;
  const slots = counts.slots;
  const slotLog = counts.slotLog;
  const valueLog = counts.valueLog;
  for (let i = 0; i < model.count; i++) {
    if (out[i] !== OPEN) continue;
    const v = vals[i];
    if (v < 0) continue;
    const t = scoring[i];
    if (t >= 0) {
      const slot = slots.get(t, v);
      if (slot >= 0) logOdds[i] += slotLog[slot];
    } else {
      const l = valueLog[v];
      if (l === l) logOdds[i] += l;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Results

function problemError(model: WinModel, i: number, p: Problem): XlError {
  const header = headerText(model.table, p.col);
  if (p.kind === "error") {
    const err = p.err as XlError;
    return new XlError(
      err.code,
      err.message !== "" ? err.message : `Record ${i + 1}: "${header}" is the error ${err.code}`,
    );
  }
  if (p.kind === "stage") return valueError(`Unknown stage "${p.text}" in record ${i + 1}`);
  return valueError(`"${p.text}" in record ${i + 1} is not a number, and "${header}" is a numeric column`);
}

/** p = odds ÷ (1 + odds) from the log-odds, clamped to [0.0001, 0.9999]. */
function probabilityOf(logOdds: number): number {
  const p = logOdds >= 0 ? 1 / (1 + Math.exp(-logOdds)) : Math.exp(logOdds) / (1 + Math.exp(logOdds));
  return p < MIN_P ? MIN_P : p > MAX_P ? MAX_P : p;
}

/** The result of an open record: its probability, or its error. */
/** Whether record i (0-based) is open: neither won nor lost. */
export function isOpenRecord(model: WinModel, i: number): boolean {
  return model.out[i] === OPEN;
}

export function recordProbability(model: WinModel, i: number): number | XlError {
  const p = model.problems.get(i);
  if (p !== undefined) return problemError(model, i, p);
  const z = model.logOdds[i];
  if (z !== z) return numError(`The counts of record ${i + 1} overflow: smoothing is too large`);
  return probabilityOf(z);
}

const column = (values: unknown[]): Matrix => (values.length === 0 ? [[""]] : columnOf(values));

/** SALES.WINPROB: one probability per record (a column); "" for won and lost records. */
export function winProb(
  records: unknown,
  fields: unknown,
  headers: unknown,
  stageOrder: unknown,
  groupField: unknown,
  smoothing: unknown,
): Matrix {
  const s = smoothingArg(smoothing);
  const model = fitWinModel(records, fields, headers, stageOrder, groupField, s, { keepValues: false });
  const probs: Cell[] = new Array(model.count);
  for (let i = 0; i < model.count; i++) probs[i] = model.out[i] === OPEN ? recordProbability(model, i) : "";
  return probs.length === 0 ? [[""]] : columnOf(probs);
}

/** One factor that entered a record's odds. */
export interface RecordFactor {
  /** Place in factor order: the stage first, then the fields. */
  order: number;
  header: string;
  /** `<header> = <value>`, or a bin's label. */
  label: string;
  /** The Value cell of the WINFACTORS table. */
  value: Cell;
  share: FactorShare;
}

/** The factors of an open record without a problem, in factor order. */
export function recordFactors(model: WinModel, i: number): RecordFactor[] {
  const factors: RecordFactor[] = [];
  const t = model.scoring[i];
  const stage = model.stage;
  if (stage !== undefined) {
    const k = stage.pos[i];
    if (k >= 0) {
      const sh = stageShare(model, t, k);
      if (sh !== undefined) {
        const header = headerText(model.table, stage.col);
        const value = stage.order.cells[k];
        factors.push({ order: 0, header, label: `${header} = ${displayText(value)}`, value, share: sh });
      }
    }
  }
  model.factors.forEach((counts, f) => {
    const column = counts.column;
    const v = column.codes[i];
    if (v < 0) return;
    const sh = t >= 0 ? counts.partitionShare(t, v) : counts.pooledShare(v);
    if (sh === undefined) return;
    const header = headerText(model.table, column.col);
    const label = column.numeric ? column.valueText[v] : `${header} = ${column.valueText[v]}`;
    factors.push({ order: f + 1, header, label, value: column.valueCell[v], share: sh });
  });
  return factors;
}

const isNeutral = (f: RecordFactor): boolean => Math.abs(f.share.logEffect) < NEUTRAL_LOG;

/** Effect order: larger E first (descending), ties (|Δ ln E| below the neutral threshold) in factor order. */
function byEffectDescending(a: RecordFactor, b: RecordFactor): number {
  const d = b.share.logEffect - a.share.logEffect;
  if (Math.abs(d) >= NEUTRAL_LOG) return d;
  return a.order - b.order;
}

function byEffectAscending(a: RecordFactor, b: RecordFactor): number {
  const d = a.share.logEffect - b.share.logEffect;
  if (Math.abs(d) >= NEUTRAL_LOG) return d;
  return a.order - b.order;
}

/** E rounded to 3 significant digits in shortest form: 19.46 → "19.5", 21 → "21". */
export function formatEffect(effect: number): string {
  return String(Number(effect.toPrecision(3)));
}

/** The text form: raising factors (at most `top`, largest first), then lowering ones (smallest first). */
export function factorText(factors: RecordFactor[], top: number): string {
  const raising = factors.filter((f) => !isNeutral(f) && f.share.logEffect > 0).sort(byEffectDescending);
  const lowering = factors.filter((f) => !isNeutral(f) && f.share.logEffect < 0).sort(byEffectAscending);
  const parts = [
    ...raising.slice(0, top).map((f) => `↑ ${f.label} (×${formatEffect(f.share.effect)})`),
    ...lowering.slice(0, top).map((f) => `↓ ${f.label} (×${formatEffect(f.share.effect)})`),
  ];
  return parts.join("; ");
}

/** SALES.WINFACTORS: the text per record, or with `record` the table for that record. */
export function winFactors(
  records: unknown,
  fields: unknown,
  headers: unknown,
  stageOrder: unknown,
  groupField: unknown,
  smoothing: unknown,
  topArg: unknown,
  recordArg: unknown,
  lang: Lang = "en",
): Matrix {
  const s = smoothingArg(smoothing);
  const top = intArg(topArg, "top", 3, 1, 20);
  const recordNumber = recordArgOf(recordArg, recordCount(records, headers));
  const model = fitWinModel(records, fields, headers, stageOrder, groupField, s, { keepValues: true });
  if (recordNumber === undefined) {
    const texts: unknown[] = new Array(model.count);
    for (let i = 0; i < model.count; i++) {
      if (model.out[i] !== OPEN) texts[i] = "";
      else {
        const p = recordProbability(model, i);
        texts[i] = p instanceof XlError ? p : factorText(recordFactors(model, i), top);
      }
    }
    return column(texts);
  }
  return factorTable(model, recordNumber - 1, lang);
}

/** `record`: omitted or blank → the text form; else an integer from 1 to the number of records. */
function recordArgOf(value: unknown, count: number): number | undefined {
  if (isOmitted(value)) return undefined;
  const scalar = scalarOf(value, "record");
  if (isBlank(scalar)) return undefined;
  const n = numberArg(scalar, "record");
  if (!Number.isInteger(n) || n < 1 || n > count) {
    throw numError(
      count === 0
        ? `record ${formatNumber(n)}: the table has no records`
        : `record must be a whole number from 1 to ${count} (the number of records), not ${formatNumber(n)}`,
    );
  }
  return n;
}

function factorTable(model: WinModel, i: number, lang: Lang): Matrix {
  if (model.out[i] !== OPEN) throw naError(`Record ${i + 1} is closed`);
  const p = recordProbability(model, i);
  if (p instanceof XlError) throw p;
  const labels = LABELS[lang];
  const t = model.scoring[i];
  const s = model.smoothing;
  const bw = t >= 0 ? model.partitions[t].won + s : model.pooledWon;
  const bl = t >= 0 ? model.partitions[t].lost + s : model.pooledLost;
  const group = t >= 0 ? model.partitions[t].group : -1;
  const baseValue = group >= 0 ? asWritten(model.groupShown[group]) : labels.all;
  const rows: Matrix = [[...labels.header], [labels.base, baseValue, bw / (bw + bl), bl / (bw + bl), bw / bl]];
  const factors = recordFactors(model, i).sort(byEffectDescending);
  for (const f of factors) rows.push([f.header, f.value, f.share.wonShare, f.share.lostShare, f.share.effect]);
  rows.push([labels.probability, "", p, 1 - p, p / (1 - p)]);
  return rows;
}
