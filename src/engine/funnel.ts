/** Funnel and pipeline (formulas.md §4): FUNNEL, CONVERSION, BOTTLENECK, WINRATE, PIPELINE. */
import type { Cell, Lang, Matrix } from "./types";
import { cellError, divError, naError, numError, valueError } from "./errors";
import {
  asMatrix,
  boolArg,
  displayText,
  flatten,
  formatNumber,
  isBlank,
  isOmitted,
  isTextBlank,
  normalizeText,
  outcomeText,
  parseNumber,
  positionName,
  scalarOf,
  textKey,
} from "./coerce";

export interface StageOrder {
  names: string[]; // as text, for messages and BOTTLENECK
  /** The stage_order cells themselves: FUNNEL shows stage names as written (a number stays a number). */
  cells: Cell[];
  index: Map<string, number>; // normalized → position
  /** Position in the stage_order range of each stage (for aligning probabilities). */
  cellIndex: number[];
  cellCount: number;
}

export function readStageOrder(arg: unknown): StageOrder {
  const m = asMatrix(arg);
  const cells = flatten(m);
  const names: string[] = [];
  const written: Cell[] = [];
  const index = new Map<string, number>();
  const cellIndex: number[] = [];
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    const err = cellError(c);
    if (err !== undefined) throw valueError(`stage_order holds the error ${err.code} at ${positionName(m, i)}`);
    if (isTextBlank(c)) continue;
    const key = textKey(c);
    if (index.has(key)) throw valueError(`Duplicate stage "${displayText(c)}" in stage_order`);
    index.set(key, names.length);
    names.push(displayText(c));
    written.push(c);
    cellIndex.push(i);
  }
  if (names.length === 0) throw valueError("stage_order has no stage names");
  return { names, cells: written, index, cellIndex, cellCount: cells.length };
}

/** The furthest-stage position of every record: ≥ 0 a stage, -1 blank, -2 not in stage_order. */
export interface FunnelCounts {
  order: StageOrder;
  /** Open (or, without outcomes, all) records per stage. */
  count: Float64Array;
  /** Lost records per stage. */
  lost: Float64Array;
  /** Records whose furthest stage is this one (open + lost), before adding won. */
  atStage: Float64Array;
  reached: Float64Array;
  won: number;
  wonAmount: number;
  amount: Float64Array;
  unmatched: number;
  unmatchedAmount: number;
  hasOutcomes: boolean;
  hasAmounts: boolean;
}

const BLANK_STAGE = -1;
const UNKNOWN_STAGE = -2;

/** Cells of a (rectangular) range: count and width, read in reading order without copying the range. */
function rangeShape(m: Matrix): { n: number; width: number } {
  const width = m[0]?.length ?? 0;
  return { n: m.length * width, width };
}

// The per-record readers below walk the range row by row instead of flattening it first: copying a
// 1,048,576-row column costs about as much as classifying it (FUNNEL reads three such columns).
function stageCodes(stagesArg: unknown, order: StageOrder): { codes: Int32Array; m: Matrix } {
  const m = asMatrix(stagesArg);
  const { n, width } = rangeShape(m);
  const codes = new Int32Array(n);
  const memo = new Map<string, number>();
  for (let r = 0, i = 0; r < m.length; r++) {
    const row = m[r];
    for (let col = 0; col < width; col++, i++) {
      const c = row[col];
      if (typeof c === "string") {
        let code = memo.get(c);
        if (code === undefined) {
          if (c.trim() === "") code = BLANK_STAGE;
          else code = order.index.get(textKey(c)) ?? UNKNOWN_STAGE;
          memo.set(c, code);
        }
        codes[i] = code;
      } else if (isTextBlank(c)) {
        codes[i] = BLANK_STAGE;
      } else {
        const err = cellError(c);
        if (err !== undefined) throw valueError(`stages holds the error ${err.code} at ${positionName(m, i)}`);
        codes[i] = order.index.get(textKey(c)) ?? UNKNOWN_STAGE;
      }
    }
  }
  return { codes, m };
}

const OUT_OPEN = 0;
const OUT_WON = 1;
const OUT_LOST = 2;

function outcomeCodes(arg: unknown, n: number, stagesName = "stages"): Uint8Array | undefined {
  if (isOmitted(arg)) return undefined;
  const m = asMatrix(arg);
  const cellCount = rangeShape(m).n;
  if (cellCount !== n) throw valueError(`outcomes has ${cellCount} cells but ${stagesName} has ${n}`);
  return outcomeCodesOf(m);
}

function outcomeCodesOf(m: Matrix): Uint8Array {
  const { n, width } = rangeShape(m);
  const codes = new Uint8Array(n);
  const memo = new Map<string, number>();
  for (let r = 0, i = 0; r < m.length; r++) {
    const row = m[r];
    for (let col = 0; col < width; col++, i++) {
      const c = row[col];
      let code = typeof c === "string" ? memo.get(c) : undefined;
      if (code === undefined) {
        if (isTextBlank(c)) continue; // open
        const err = cellError(c);
        if (err !== undefined) throw valueError(`outcomes holds the error ${err.code} at ${positionName(m, i)}`);
        const o = outcomeText(normalizeText(c));
        if (o === undefined) throw valueError(`Unknown outcome "${displayText(c)}" at ${positionName(m, i)}`);
        code = o === "won" ? OUT_WON : o === "lost" ? OUT_LOST : OUT_OPEN;
        if (typeof c === "string") memo.set(c, code);
      }
      codes[i] = code;
    }
  }
  return codes;
}

function amountValues(arg: unknown, n: number): Float64Array | undefined {
  if (isOmitted(arg)) return undefined;
  const m = asMatrix(arg);
  const cellCount = rangeShape(m).n;
  if (cellCount !== n) throw valueError(`amounts has ${cellCount} cells but stages has ${n}`);
  return numbersOf(m, "amounts");
}

/** Numbers of an aggregated input: blank = 0; a non-number or an error → #VALUE! naming the first position. */
export function numbersOf(m: Matrix, name: string): Float64Array {
  const { n, width } = rangeShape(m);
  const out = new Float64Array(n);
  for (let r = 0, i = 0; r < m.length; r++) {
    const row = m[r];
    for (let col = 0; col < width; col++, i++) {
      const c = row[col];
      if (typeof c === "number" && Number.isFinite(c)) {
        out[i] = c;
        continue;
      }
      if (isBlank(c)) continue;
      const err = cellError(c);
      if (err !== undefined) throw valueError(`${name} holds the error ${err.code} at ${positionName(m, i)}`);
      const v = parseNumber(c);
      if (v === undefined) throw valueError(`${name} "${displayText(c)}" at ${positionName(m, i)} is not a number`);
      out[i] = v;
    }
  }
  return out;
}

export function funnelCounts(
  stagesArg: unknown,
  stageOrderArg: unknown,
  amountsArg?: unknown,
  outcomesArg?: unknown,
): FunnelCounts {
  const order = readStageOrder(stageOrderArg);
  const { codes } = stageCodes(stagesArg, order);
  const n = codes.length;
  const outcomes = outcomeCodes(outcomesArg, n);
  const amounts = amountValues(amountsArg, n);
  const k = order.names.length;
  const count = new Float64Array(k);
  const lost = new Float64Array(k);
  const atStage = new Float64Array(k);
  const amount = new Float64Array(k);
  let won = 0;
  let wonAmount = 0;
  let unmatched = 0;
  let unmatchedAmount = 0;
  for (let i = 0; i < n; i++) {
    const out = outcomes === undefined ? OUT_OPEN : outcomes[i];
    const a = amounts === undefined ? 0 : amounts[i];
    if (out === OUT_WON) {
      won++;
      wonAmount += a;
      continue;
    }
    const code = codes[i];
    if (code === BLANK_STAGE) continue;
    if (code === UNKNOWN_STAGE) {
      unmatched++;
      unmatchedAmount += a;
      continue;
    }
    atStage[code]++;
    if (out === OUT_LOST) lost[code]++;
    else {
      count[code]++;
      amount[code] += a;
    }
  }
  const reached = new Float64Array(k);
  let running = won;
  for (let s = k - 1; s >= 0; s--) {
    running += atStage[s];
    reached[s] = running;
  }
  return {
    order,
    count,
    lost,
    atStage,
    reached,
    won,
    wonAmount,
    amount,
    unmatched,
    unmatchedAmount,
    hasOutcomes: outcomes !== undefined,
    hasAmounts: amounts !== undefined,
  };
}

const LABELS = {
  en: {
    headers: ["Stage", "Count", "Reached", "Step conversion", "Cumulative conversion", "Lost", "Amount"],
    won: "Won",
    unmatched: "(unmatched)",
  },
  zh: {
    headers: ["阶段", "当前数量", "到达数量", "阶段转化率", "累计转化率", "流失数量", "金额"],
    won: "赢单",
    unmatched: "(未匹配)",
  },
};

export function wonLabel(lang: Lang): string {
  return LABELS[lang].won;
}

const ratio = (num: number, den: number): Cell => (den === 0 ? "" : num / den);

export function funnel(
  stagesArg: unknown,
  stageOrderArg: unknown,
  amountsArg?: unknown,
  outcomesArg?: unknown,
  showHeadersArg?: unknown,
  lang: Lang = "en",
): Matrix {
  const showHeaders = boolArg(showHeadersArg, "show_headers", true);
  const f = funnelCounts(stagesArg, stageOrderArg, amountsArg, outcomesArg);
  const labels = LABELS[lang];
  const rows: Matrix = [];
  if (showHeaders) {
    const h = labels.headers;
    const header: Cell[] = [h[0], h[1], h[2], h[3], h[4]];
    if (f.hasOutcomes) header.push(h[5]);
    if (f.hasAmounts) header.push(h[6]);
    rows.push(header);
  }
  const k = f.order.names.length;
  const first = f.reached[0];
  for (let s = 0; s < k; s++) {
    const row: Cell[] = [
      f.order.cells[s],
      f.count[s],
      f.reached[s],
      s === 0 ? "" : ratio(f.reached[s], f.reached[s - 1]),
      ratio(f.reached[s], first),
    ];
    if (f.hasOutcomes) row.push(f.lost[s]);
    if (f.hasAmounts) row.push(f.amount[s]);
    rows.push(row);
  }
  if (f.hasOutcomes) {
    const row: Cell[] = [labels.won, f.won, f.won, ratio(f.won, f.reached[k - 1]), ratio(f.won, first), ""];
    if (f.hasAmounts) row.push(f.wonAmount);
    rows.push(row);
  }
  if (f.unmatched > 0) {
    const row: Cell[] = [labels.unmatched, f.unmatched, "", "", ""];
    if (f.hasOutcomes) row.push("");
    if (f.hasAmounts) row.push(f.unmatchedAmount);
    rows.push(row);
  }
  return rows;
}

function isWonWord(value: Cell): boolean {
  return !isTextBlank(value) && outcomeText(normalizeText(value)) === "won";
}

export function conversion(
  stagesArg: unknown,
  stageOrderArg: unknown,
  fromArg: unknown,
  toArg: unknown,
  outcomesArg?: unknown,
): number {
  const f = funnelCounts(stagesArg, stageOrderArg, undefined, outcomesArg);
  const k = f.order.names.length;
  // Only to_stage may be a won word (the Won step); from_stage must be a stage of stage_order.
  const position = (arg: unknown, name: string, allowWon: boolean): number => {
    const v = scalarOf(arg, name);
    const err = cellError(v);
    if (err !== undefined) throw valueError(`${name} is the error ${err.code}`);
    if (isTextBlank(v)) throw valueError(`${name} is blank`);
    const p = f.order.index.get(textKey(v));
    if (p !== undefined) return p;
    if (allowWon && f.hasOutcomes && isWonWord(v)) return k; // the Won step after the last stage
    throw valueError(`Unknown stage "${displayText(v)}" in ${name}`);
  };
  const from = position(fromArg, "from_stage", false);
  const to = position(toArg, "to_stage", true);
  if (from > to) {
    throw valueError(
      `from_stage "${displayText(scalarOf(fromArg, "from_stage"))}" comes after to_stage "${displayText(scalarOf(toArg, "to_stage"))}"`,
    );
  }
  const reachedAt = (p: number): number => (p === k ? f.won : f.reached[p]);
  const den = reachedAt(from);
  if (den === 0) throw divError(`No record reached "${from === k ? "Won" : f.order.names[from]}"`);
  return reachedAt(to) / den;
}

export function bottleneck(
  stagesArg: unknown,
  stageOrderArg: unknown,
  outcomesArg?: unknown,
  lang: Lang = "en",
): string {
  const f = funnelCounts(stagesArg, stageOrderArg, undefined, outcomesArg);
  const names = f.order.names.slice();
  const reached = Array.from(f.reached);
  if (f.hasOutcomes) {
    names.push(LABELS[lang].won);
    reached.push(f.won);
  }
  let best = -1;
  let bestRate = Infinity;
  for (let s = 1; s < names.length; s++) {
    if (reached[s - 1] === 0) continue;
    const rate = reached[s] / reached[s - 1];
    if (rate < bestRate) {
      bestRate = rate;
      best = s;
    }
  }
  if (best < 0) throw naError("No funnel step has a defined conversion");
  return `${names[best - 1]} → ${names[best]}`;
}

export function winRate(outcomesArg: unknown): number {
  const codes = outcomeCodesOf(asMatrix(outcomesArg));
  let won = 0;
  let lost = 0;
  for (let i = 0; i < codes.length; i++) {
    if (codes[i] === OUT_WON) won++;
    else if (codes[i] === OUT_LOST) lost++;
  }
  if (won + lost === 0) throw divError("No closed (won or lost) record");
  return won / (won + lost);
}

export function pipeline(
  stagesArg: unknown,
  amountsArg: unknown,
  stageOrderArg: unknown,
  probabilitiesArg: unknown,
  outcomesArg?: unknown,
): number {
  const order = readStageOrder(stageOrderArg);
  const probs = readProbabilities(probabilitiesArg, order);
  const { codes } = stageCodes(stagesArg, order);
  const n = codes.length;
  const am = asMatrix(amountsArg);
  const amountCount = rangeShape(am).n;
  if (amountCount !== n) throw valueError(`amounts has ${amountCount} cells but stages has ${n}`);
  const amounts = numbersOf(am, "amounts");
  const outcomes = outcomeCodes(outcomesArg, n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const code = codes[i];
    if (code < 0) continue;
    if (outcomes !== undefined && outcomes[i] !== OUT_OPEN) continue;
    sum += amounts[i] * probs[code];
  }
  return sum;
}

/** One probability per stage: aligned cell by cell with stage_order, or one per listed stage. */
function readProbabilities(arg: unknown, order: StageOrder): Float64Array {
  const m = asMatrix(arg);
  const cells = flatten(m);
  const k = order.names.length;
  let pick: (s: number) => Cell;
  if (cells.length === order.cellCount) pick = (s) => cells[order.cellIndex[s]];
  else if (cells.length === k) pick = (s) => cells[s];
  else throw valueError(`probabilities has ${cells.length} cells but stage_order has ${k} stages`);
  const out = new Float64Array(k);
  for (let s = 0; s < k; s++) {
    const c = pick(s);
    const stage = order.names[s];
    const err = cellError(c);
    if (err !== undefined) throw valueError(`The probability of stage "${stage}" is the error ${err.code}`);
    if (isBlank(c)) throw valueError(`The probability of stage "${stage}" is blank`);
    const p = parseNumber(c);
    if (p === undefined) throw valueError(`The probability "${displayText(c)}" of stage "${stage}" is not a number`);
    if (p < 0 || p > 1) throw numError(`The probability ${formatNumber(p)} of stage "${stage}" is outside 0–1`);
    out[s] = p;
  }
  return out;
}

// SALES.FUNNELBY (src/engine/funnelBy.ts) classifies records exactly as FUNNEL does, with FUNNEL's own reader.
export { stageCodes, BLANK_STAGE, UNKNOWN_STAGE };
