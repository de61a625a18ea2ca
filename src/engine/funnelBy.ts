/**
 * SALES.FUNNELBY (formulas.md §8): FUNNEL's column for one measure, computed per group of records (region, owner,
 * source) side by side, and over all records in `Total`. Records are classified by FUNNEL's own stage reader; each
 * group's counts follow FUNNEL's rules (won records reach every stage; lost ones their stage and those before it;
 * a non-won record with a blank stage is not read; an unknown stage is `(unmatched)`), in one pass over the records.
 */
import type { Cell, Lang, Matrix } from "./types";
import { valueError } from "./errors";
import { displayText, isOmitted, isTextBlank, normalizeText, scalarOf } from "./coerce";
import { BLANK_STAGE, readStageOrder, stageCodes, UNKNOWN_STAGE, wonLabel } from "./funnel";
import { BLANK_NAME, nameReader, readNameList, readOutcomes, recordsOf, sameCount, LOST, OPEN, WON } from "./records";

export type FunnelMeasure = "cumulative" | "step" | "reached" | "count" | "lost";

const MEASURE_WORDS: Record<string, FunnelMeasure> = {
  cumulative: "cumulative",
  "cumulative conversion": "cumulative",
  累计转化率: "cumulative",
  step: "step",
  "step conversion": "step",
  阶段转化率: "step",
  reached: "reached",
  到达数量: "reached",
  count: "count",
  当前数量: "count",
  lost: "lost",
  流失数量: "lost",
};

function measureArg(arg: unknown): FunnelMeasure {
  const v = scalarOf(arg, "measure");
  if (isTextBlank(v)) return "cumulative";
  const m = MEASURE_WORDS[normalizeText(v)];
  if (m === undefined) {
    throw valueError(`Unknown measure "${displayText(v)}" (use cumulative, step, reached, count or lost)`);
  }
  return m;
}

/** FUNNEL's counts over one group's records. */
interface GroupCounts {
  count: Float64Array;
  lost: Float64Array;
  atStage: Float64Array;
  won: number;
  unmatched: number;
}

const newCounts = (k: number): GroupCounts => ({
  count: new Float64Array(k),
  lost: new Float64Array(k),
  atStage: new Float64Array(k),
  won: 0,
  unmatched: 0,
});

const ratio = (num: number, den: number): Cell => (den === 0 ? "" : num / den);

/**
 * FUNNEL's column for `measure` from a group's counts: one cell per stage, then the Won row (with outcomes), then
 * the (unmatched) row's count (when the table has that row).
 */
function measureColumn(
  g: GroupCounts,
  k: number,
  measure: FunnelMeasure,
  withWon: boolean,
  withUnmatched: boolean,
): Cell[] {
  const reached = new Float64Array(k);
  let running = g.won;
  for (let s = k - 1; s >= 0; s--) {
    running += g.atStage[s];
    reached[s] = running;
  }
  const out: Cell[] = [];
  for (let s = 0; s < k; s++) {
    switch (measure) {
      case "count":
        out.push(g.count[s]);
        break;
      case "reached":
        out.push(reached[s]);
        break;
      case "step":
        out.push(s === 0 ? "" : ratio(reached[s], reached[s - 1]));
        break;
      case "cumulative":
        out.push(ratio(reached[s], reached[0]));
        break;
      case "lost":
        out.push(g.lost[s]);
        break;
    }
  }
  if (withWon) {
    if (measure === "count" || measure === "reached") out.push(g.won);
    else if (measure === "step") out.push(ratio(g.won, reached[k - 1]));
    else if (measure === "cumulative") out.push(ratio(g.won, reached[0]));
    else out.push(""); // FUNNEL's Won row has no Lost
  }
  if (withUnmatched) out.push(g.unmatched);
  return out;
}

const LABELS = {
  en: { stage: "Stage", other: "(other)", blank: "(blank)", total: "Total", unmatched: "(unmatched)" },
  zh: { stage: "阶段", other: "(其他)", blank: "(空白)", total: "合计", unmatched: "(未匹配)" },
};

const OTHER = -2;
const BLANK = -3;

export function funnelBy(
  stagesArg: unknown,
  stageOrderArg: unknown,
  groupsArg: unknown,
  outcomesArg?: unknown,
  measureArgValue?: unknown,
  groupOrderArg?: unknown,
  lang: Lang = "en",
): Matrix {
  const measure = measureArg(measureArgValue);
  const order = readStageOrder(stageOrderArg);
  const { codes } = stageCodes(stagesArg, order);
  const n = codes.length;
  const outcomes = readOutcomes(outcomesArg, n, "stages");
  if (measure === "lost" && outcomes === undefined) throw valueError('measure "lost" needs outcomes');
  const groups = sameCount(recordsOf(groupsArg), "groups", n, "stages");
  const groupOrder = isOmitted(groupOrderArg) ? undefined : readNameList(groupOrderArg, "group_order", "group");
  const k = order.names.length;

  const names: string[] = [];
  const counts: GroupCounts[] = [];
  const indexOf = new Map<string, number>();
  const addGroup = (key: string, name: string): number => {
    indexOf.set(key, names.length);
    names.push(name);
    counts.push(newCounts(k));
    return names.length - 1;
  };
  if (groupOrder !== undefined) groupOrder.keys.forEach((key, j) => addGroup(key, groupOrder.names[j]));
  const other = newCounts(k);
  const blank = newCounts(k);
  let otherUsed = false;
  let blankUsed = false;
  const groupOf = nameReader(groups, "groups", (key, cell) => {
    if (key === BLANK_NAME) return BLANK;
    const known = indexOf.get(key);
    if (known !== undefined) return known;
    return groupOrder !== undefined ? OTHER : addGroup(key, displayText(cell));
  });

  for (let i = 0; i < n; i++) {
    const outcome = outcomes === undefined ? OPEN : outcomes[i];
    const code = codes[i];
    if (outcome !== WON && code === BLANK_STAGE) continue; // FUNNEL does not read it: it makes no group
    const gi = groupOf(i);
    let g: GroupCounts;
    if (gi >= 0) g = counts[gi];
    else if (gi === OTHER) {
      g = other;
      otherUsed = true;
    } else {
      g = blank;
      blankUsed = true;
    }
    if (outcome === WON) g.won++;
    else if (code === UNKNOWN_STAGE) g.unmatched++;
    else {
      g.atStage[code]++;
      if (outcome === LOST) g.lost[code]++;
      else g.count[code]++;
    }
  }

  const shown = counts.slice();
  const labels = LABELS[lang];
  const header: Cell[] = [labels.stage, ...names];
  if (otherUsed) {
    shown.push(other);
    header.push(labels.other);
  }
  if (blankUsed) {
    shown.push(blank);
    header.push(labels.blank);
  }
  header.push(labels.total);
  // Total: FUNNEL over every record read = the sum of the groups' counts.
  const total = newCounts(k);
  for (const g of shown) {
    for (let s = 0; s < k; s++) {
      total.count[s] += g.count[s];
      total.lost[s] += g.lost[s];
      total.atStage[s] += g.atStage[s];
    }
    total.won += g.won;
    total.unmatched += g.unmatched;
  }
  shown.push(total);
  const withWon = outcomes !== undefined;
  const withUnmatched = total.unmatched > 0;
  const columns = shown.map((g) => measureColumn(g, k, measure, withWon, withUnmatched));
  const rowLabels: Cell[] = order.cells.slice();
  if (withWon) rowLabels.push(wonLabel(lang));
  if (withUnmatched) rowLabels.push(labels.unmatched);
  const out: Matrix = [header];
  rowLabels.forEach((label, r) => out.push([label, ...columns.map((c) => c[r])]));
  return out;
}
