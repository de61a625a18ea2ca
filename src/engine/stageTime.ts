/**
 * SALES.STAGETIME (formulas.md §8): how long records stay in each stage and how many move on, from a table of
 * stage-entry dates (one column per stage in funnel order), plus the sales-cycle length of won records.
 */
import type { Cell, Lang, Matrix } from "./types";
import { cellError, valueError } from "./errors";
import {
  asMatrix,
  dateArg,
  displayText,
  flatten,
  isOmitted,
  isTextBlank,
  parseDate,
  serialToIso,
  textKey,
  todaySerial,
} from "./coerce";
import { readOutcomes, LOST, WON } from "./records";

/**
 * Whole-day values (durations, ages) for a median and a mean without storing every value: a histogram of 0 … SPAN−1
 * days and a list of the rare values outside it (negative ages, stays of more than 11 years).
 */
class DayStats {
  private static readonly SPAN = 4096;
  private hist: Int32Array | undefined;
  private outside: number[] = [];
  count = 0;
  sum = 0;

  add(days: number): void {
    this.count++;
    this.sum += days;
    if (days >= 0 && days < DayStats.SPAN) {
      if (this.hist === undefined) this.hist = new Int32Array(DayStats.SPAN);
      this.hist[days]++;
    } else this.outside.push(days);
  }

  mean(): Cell {
    return this.count === 0 ? "" : this.sum / this.count;
  }

  /** Excel's MEDIAN: the middle value, or the mean of the two middle values of an even count. */
  median(): Cell {
    if (this.count === 0) return "";
    this.outside.sort((a, b) => a - b);
    const half = this.count >> 1;
    if (this.count % 2 === 1) return this.kth(half);
    return (this.kth(half - 1) + this.kth(half)) / 2;
  }

  /** The k-th smallest value (0-based). */
  private kth(k: number): number {
    const below = this.outside.findIndex((v) => v >= 0);
    const negatives = below < 0 ? this.outside.length : below;
    if (k < negatives) return this.outside[k];
    k -= negatives;
    if (this.hist !== undefined) {
      for (let v = 0; v < DayStats.SPAN; v++) {
        if (k < this.hist[v]) return v;
        k -= this.hist[v];
      }
    }
    return this.outside[negatives + k];
  }
}

const LABELS = {
  en: {
    headers: ["Stage", "Reached", "Moved on", "Conversion", "Median days", "Mean days", "Open", "Median age"],
    cycle: "Cycle",
  },
  zh: {
    headers: [
      "阶段",
      "到达数量",
      "推进数量",
      "推进率",
      "停留天数中位数",
      "停留天数平均值",
      "当前停留数量",
      "当前已停留天数中位数",
    ],
    cycle: "销售周期",
  },
};

/** The stage names (shown as written), from stage_names or from the first row of stage_dates. */
function readStageNames(cells: Cell[], fromHeader: boolean): Cell[] {
  const seen = new Set<string>();
  const where = (c: number): string =>
    fromHeader ? `column ${c + 1} of the first row of stage_dates` : `cell ${c + 1} of stage_names`;
  cells.forEach((cell, c) => {
    const err = cellError(cell);
    if (err !== undefined) throw valueError(`The stage name in ${where(c)} is the error ${err.code}`);
    if (isTextBlank(cell)) throw valueError(`The stage name in ${where(c)} is blank`);
    const key = textKey(cell);
    if (seen.has(key))
      throw valueError(`Duplicate stage "${displayText(cell)}" in ${fromHeader ? "stage_dates" : "stage_names"}`);
    seen.add(key);
  });
  return cells;
}

const NO_DATE = -1;

export function stageTime(
  stageDatesArg: unknown,
  outcomesArg?: unknown,
  asOfArg?: unknown,
  stageNamesArg?: unknown,
  lang: Lang = "en",
): Matrix {
  const m = asMatrix(stageDatesArg);
  const k = m[0]?.length ?? 0;
  if (k === 0) throw valueError("stage_dates has no stage column");
  const fromHeader = isOmitted(stageNamesArg);
  let names: Cell[];
  if (fromHeader) names = readStageNames(m[0].slice(), true);
  else {
    const given = flatten(asMatrix(stageNamesArg));
    if (given.length !== k) throw valueError(`stage_names has ${given.length} cells but stage_dates has ${k} columns`);
    names = readStageNames(given, false);
  }
  const first = fromHeader ? 1 : 0;
  const n = m.length - first;
  const outcomes = readOutcomes(outcomesArg, n, "stage_dates");
  const asOf = dateArg(asOfArg, "as_of", () => todaySerial());

  const stays = Array.from({ length: k }, () => new DayStats());
  const ages = Array.from({ length: k }, () => new DayStats());
  const cycle = new DayStats();
  const lastAt = new Float64Array(k); // records not won whose last dated column is i
  const openAt = new Float64Array(k);
  let won = 0;
  const memo = new Map<string, number>();
  const stageName = (c: number): string => displayText(names[c]);
  const badCell = (r: number, c: number, cell: Cell): never => {
    const where = `row ${r + 1}, column ${c + 1} ("${stageName(c)}")`;
    const err = cellError(cell);
    if (err !== undefined) throw valueError(`stage_dates holds the error ${err.code} at ${where}`);
    throw valueError(`stage_dates "${displayText(cell)}" at ${where} is not a date`);
  };

  for (let r = first; r < m.length; r++) {
    const row = m[r];
    let firstDate = NO_DATE;
    let prevDate = NO_DATE;
    let prevCol = -1;
    let dated = 0;
    for (let c = 0; c < k; c++) {
      const cell = row[c];
      let d: number;
      if (typeof cell === "number") {
        if (cell === 0) continue; // Excel passes some blank cells as 0
        if (!(cell > 0 && cell < Infinity)) badCell(r, c, cell);
        d = Math.floor(cell);
      } else if (typeof cell === "string") {
        let known = memo.get(cell);
        if (known === undefined) {
          known = cell.trim() === "" ? NO_DATE : (parseDate(cell) ?? badCell(r, c, cell));
          memo.set(cell, known);
        }
        if (known === NO_DATE) continue;
        d = known;
      } else if (cell === null || cell === undefined) {
        continue;
      } else {
        return badCell(r, c, cell);
      }
      if (prevCol < 0) firstDate = d;
      else {
        if (d < prevDate) {
          throw valueError(
            `stage_dates row ${r + 1}: "${stageName(c)}" (${serialToIso(d)}) is before "${stageName(prevCol)}" (${serialToIso(prevDate)})`,
          );
        }
        stays[prevCol].add(d - prevDate);
      }
      prevCol = c;
      prevDate = d;
      dated++;
    }
    const outcome = outcomes === undefined ? 0 : outcomes[r - first];
    if (outcome === WON) {
      won++;
      if (dated >= 2) cycle.add(prevDate - firstDate);
      continue;
    }
    if (prevCol < 0) continue;
    lastAt[prevCol]++;
    if (outcome !== LOST) {
      openAt[prevCol]++;
      ages[prevCol].add(asOf - prevDate);
    }
  }

  const labels = LABELS[lang];
  const out: Matrix = [labels.headers.slice()];
  // Reached(i) = won + non-won records whose last date is in column i or later; Moved on(i) = won + those after i.
  let later = 0;
  const rows: Matrix = new Array(k);
  for (let i = k - 1; i >= 0; i--) {
    const movedOn = won + later;
    later += lastAt[i];
    const reached = won + later;
    rows[i] = [
      names[i],
      reached,
      movedOn,
      reached === 0 ? "" : movedOn / reached,
      stays[i].median(),
      stays[i].mean(),
      openAt[i],
      ages[i].median(),
    ];
  }
  out.push(...rows);
  if (outcomes !== undefined) out.push([labels.cycle, cycle.count, "", "", cycle.median(), cycle.mean(), "", ""]);
  return out;
}
