/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Synthetic deals drawn from a known naive-Bayes funnel (winprob.md, "Quality on synthetic data"), with the exact
 * P(won | factors, stage) of every scored row, and the measures the quality bars use (mean absolute error, AUC).
 *
 * The model: prior π; 6 categorical factors of 3–6 levels whose won distribution is the lost one mixed half-and-half
 * with another random distribution; Amount log-normal per class; lost deals lost at stage J ~ (0.35, 0.25, 0.2,
 * 0.12, 0.08) of 5 stages, won deals reach every stage; 5 % of factor cells blank. A scored (open) deal is drawn at a
 * uniform stage s and kept only when it reached s, so p_true = π·L_won / (π·L_won + (1 − π)·L_lost·P(J ≥ s)), over
 * the factors that are not blank (a blank is independent of the class).
 */
import { seededRandom } from "../../src/sample/data";

export const STAGES = ["Lead", "Qualified", "Demo", "Proposal", "Negotiation"];
export const STAGE_LOSS = [0.35, 0.25, 0.2, 0.12, 0.08];
export const FACTORS = ["Industry", "Region", "Source", "Size", "Channel", "Product"];
export const LEVELS = [3, 4, 5, 6, 4, 3];
export const BLANK_RATE = 0.05;

export interface ClassModel {
  prior: number;
  /** Per factor: P(level | lost) and P(level | won). */
  lost: number[][];
  won: number[][];
  /** ln Amount ~ N(mu, sigma) per class. */
  muLost: number;
  muWon: number;
  sigma: number;
}

export interface Synthetic {
  table: any[][];
  fields: string[];
  /** Per scored row: its record number (1-based), true class and exact P(won | cells). */
  scored: { record: number; won: boolean; pTrue: number; group: number }[];
}

export type Rnd = () => number;

function distribution(rnd: Rnd, k: number): number[] {
  const xs = Array.from({ length: k }, () => -Math.log(1 - rnd()));
  const sum = xs.reduce((a, b) => a + b, 0);
  return xs.map((x) => x / sum);
}

/** A random model with the given prior (shared stage losses). */
export function randomModel(rnd: Rnd, prior: number, amountShift: number, sigma = 1): ClassModel {
  const lost = LEVELS.map((k) => distribution(rnd, k));
  const won = lost.map((q, f) => {
    const other = distribution(rnd, LEVELS[f]);
    return q.map((x, i) => 0.5 * x + 0.5 * other[i]);
  });
  const muLost = Math.log(20000);
  return { prior, lost, won, muLost, muWon: muLost + amountShift, sigma };
}

function pick(rnd: Rnd, probs: number[]): number {
  let u = rnd();
  for (let i = 0; i < probs.length - 1; i++) {
    u -= probs[i];
    if (u < 0) return i;
  }
  return probs.length - 1;
}

function gaussian(rnd: Rnd): number {
  // Box–Muller; 1 − u keeps the logarithm finite
  const u = 1 - rnd();
  const v = rnd();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

const normalPdf = (x: number, mu: number, sigma: number): number =>
  Math.exp(-0.5 * ((x - mu) / sigma) ** 2) / (sigma * Math.sqrt(2 * Math.PI));

interface Deal {
  won: boolean;
  levels: number[]; // -1 = blank
  amount: number | null;
  lostAt: number; // 0-based stage where a lost deal was lost
}

function drawDeal(rnd: Rnd, m: ClassModel): Deal {
  const won = rnd() < m.prior;
  const dists = won ? m.won : m.lost;
  const levels = dists.map((d) => (rnd() < BLANK_RATE ? -1 : pick(rnd, d)));
  let amount: number | null = null;
  if (rnd() >= BLANK_RATE) {
    // rounded to 100 as sales amounts are typed: equal amounts occur
    amount = Math.round(Math.exp((won ? m.muWon : m.muLost) + m.sigma * gaussian(rnd)) / 100) * 100;
    if (amount === 0) amount = 100;
  }
  return { won, levels, amount, lostAt: won ? -1 : pick(rnd, STAGE_LOSS) };
}

/** P(won | the deal's non-blank cells, reached stage s) under m. */
export function trueProbability(m: ClassModel, d: Deal, s: number): number {
  let lw = Math.log(m.prior);
  let ll = Math.log(1 - m.prior);
  d.levels.forEach((v, f) => {
    if (v < 0) return;
    lw += Math.log(m.won[f][v]);
    ll += Math.log(m.lost[f][v]);
  });
  if (d.amount !== null) {
    // the amount is rounded to 100: integrate each class's density over the rounding interval
    const lo = Math.log(Math.max(d.amount - 50, 1e-9));
    const hi = Math.log(d.amount + 50);
    lw += Math.log(intervalMass(lo, hi, m.muWon, m.sigma));
    ll += Math.log(intervalMass(lo, hi, m.muLost, m.sigma));
  }
  let reached = 0;
  for (let j = s; j < STAGES.length; j++) reached += STAGE_LOSS[j];
  ll += Math.log(reached);
  return 1 / (1 + Math.exp(ll - lw));
}

/** ∫ N(x; mu, sigma) dx over [lo, hi] (Simpson's rule: the interval is narrow). */
function intervalMass(lo: number, hi: number, mu: number, sigma: number): number {
  const steps = 8;
  const h = (hi - lo) / steps;
  let sum = normalPdf(lo, mu, sigma) + normalPdf(hi, mu, sigma);
  for (let i = 1; i < steps; i++) sum += (i % 2 ? 4 : 2) * normalPdf(lo + i * h, mu, sigma);
  return (sum * h) / 3;
}

export interface SyntheticOptions {
  seed: number;
  closed: number;
  scored: number;
  /** One model per group (Team column); a single model means no group. */
  models: ClassModel[];
}

/** The sheet: Team | Stage | Outcome | 6 factors | Amount, closed rows then scored rows, shuffled together. */
export function synthesize(opts: SyntheticOptions): Synthetic {
  const rnd = seededRandom(opts.seed);
  const rows: { cells: any[]; scored?: { won: boolean; pTrue: number; group: number } }[] = [];
  const teamOf = (g: number) => (opts.models.length > 1 ? `Team ${g + 1}` : "");
  const cellsOf = (d: Deal, stage: string, outcome: string, g: number): any[] => [
    teamOf(g),
    stage,
    outcome,
    ...d.levels.map((v, f) => (v < 0 ? "" : `${FACTORS[f]} ${v + 1}`)),
    d.amount === null ? "" : d.amount,
  ];
  for (let g = 0; g < opts.models.length; g++) {
    for (let i = 0; i < opts.closed; i++) {
      const d = drawDeal(rnd, opts.models[g]);
      rows.push({ cells: cellsOf(d, d.won ? "Won" : STAGES[d.lostAt], d.won ? "Won" : "Lost", g) });
    }
  }
  let made = 0;
  while (made < opts.scored) {
    const g = Math.floor(rnd() * opts.models.length);
    const d = drawDeal(rnd, opts.models[g]);
    const s = Math.floor(rnd() * STAGES.length);
    if (!d.won && d.lostAt < s) continue; // not reached: rejected
    rows.push({
      cells: cellsOf(d, STAGES[s], "", g),
      scored: { won: d.won, pTrue: trueProbability(opts.models[g], d, s), group: g },
    });
    made++;
  }
  // shuffle (Fisher–Yates) so that record order carries nothing
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [rows[i], rows[j]] = [rows[j], rows[i]];
  }
  const table = [["Team", "Stage", "Outcome", ...FACTORS, "Amount"], ...rows.map((r) => r.cells)];
  const scored: Synthetic["scored"] = [];
  rows.forEach((r, i) => {
    if (r.scored) scored.push({ record: i + 1, ...r.scored });
  });
  return { table, fields: [...FACTORS, "Amount"], scored };
}

/** Area under the ROC curve of scores against labels (Mann–Whitney, ties count one half). */
export function auc(scores: number[], labels: boolean[]): number {
  const idx = scores.map((_, i) => i).sort((a, b) => scores[a] - scores[b]);
  let rankSumPositive = 0;
  let positives = 0;
  for (let i = 0; i < idx.length;) {
    let j = i;
    while (j + 1 < idx.length && scores[idx[j + 1]] === scores[idx[i]]) j++;
    const avgRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) {
      if (labels[idx[k]]) {
        rankSumPositive += avgRank;
        positives++;
      }
    }
    i = j + 1;
  }
  const negatives = labels.length - positives;
  return (rankSumPositive - (positives * (positives + 1)) / 2) / (positives * negatives);
}

export interface Quality {
  mae: number;
  auc: number;
  trueAuc: number;
  aucRatio: number;
}

/** Q1 and Q2 of a WINPROB result (one value per record) on synthetic data. */
export function quality(result: unknown[][], data: Synthetic): Quality {
  const p = data.scored.map((s) => {
    const v = result[s.record - 1][0];
    if (typeof v !== "number") throw new Error(`record ${s.record}: expected a probability, got ${JSON.stringify(v)}`);
    return v;
  });
  const labels = data.scored.map((s) => s.won);
  const truth = data.scored.map((s) => s.pTrue);
  const mae = p.reduce((acc, x, i) => acc + Math.abs(x - truth[i]), 0) / p.length;
  const a = auc(p, labels);
  const t = auc(truth, labels);
  return { mae, auc: a, trueAuc: t, aucRatio: a / t };
}
