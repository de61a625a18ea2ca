/** Plan versus actual (formulas.md §7): ACTUALS in TARGETPLAN's layout, ATTAINMENT of one period. */
import type { Cell, Lang, Matrix } from "./types";
import { cellError, numError, valueError } from "./errors";
import {
  asMatrix,
  dateArg,
  displayText,
  formatNumber,
  isBlank,
  isOmitted,
  isTextBlank,
  normalizeText,
  numberArg,
  parseNumber,
  positionName,
  scalarOf,
  serialToIso,
  textKey,
  todaySerial,
} from "./coerce";
import { noiseTolerance, periodArg, planLayout } from "./targets";
import { readWorkingDayRule } from "./workdays";
import {
  amountReader,
  BLANK_NAME,
  dateReader,
  nameReader,
  NO_DATE,
  optionalRecords,
  readNameList,
  readOutcomes,
  recordsOf,
  sameCount,
  WON,
} from "./records";

const ACTUALS_LABELS = {
  en: { period: "Period", actual: "Actual", total: "Total", other: "(other)", blank: "(blank)", outside: "(outside)" },
  zh: { period: "期间", actual: "实际", total: "合计", other: "(其他)", blank: "(空白)", outside: "(计划期外)" },
};

const OTHER = -2;
const BLANK = -3;

/**
 * SALES.ACTUALS: counted results summed per TARGETPLAN period (and owner), in TARGETPLAN's exact layout for the same
 * start_date / period / holidays / workdays, plus `(other)` / `(blank)` columns and an `(outside)` row when needed.
 */
export function actuals(
  amountsArg: unknown,
  datesArg: unknown,
  startDateArg: unknown,
  periodArgValue?: unknown,
  ownersArg?: unknown,
  ownerListArg?: unknown,
  outcomesArg?: unknown,
  holidaysArg?: unknown,
  workdaysArg?: unknown,
  lang: Lang = "en",
): Matrix {
  const amounts = recordsOf(amountsArg);
  const n = amounts.n;
  const dates = sameCount(recordsOf(datesArg), "dates", n, "amounts");
  const start = dateArg(startDateArg, "start_date");
  const period = periodArg(periodArgValue);
  const rule = readWorkingDayRule(holidaysArg, workdaysArg);
  const layout = planLayout(start, period, rule);
  const owners = optionalRecords(ownersArg, "owners", n, "amounts");
  const ownerList = isOmitted(ownerListArg) ? undefined : readNameList(ownerListArg, "owner_list", "owner");
  if (ownerList !== undefined && owners === undefined) throw valueError("owner_list is given but owners is not");
  const outcomes = readOutcomes(outcomesArg, n, "amounts");
  const labels = ACTUALS_LABELS[lang];

  const P = layout.labels.length;
  const OUTSIDE = P; // the last slot of every column: records dated blank or outside the plan window
  const { windowStart, windowEnd, periodOfDay } = layout;

  // Columns: the named owners in order, then (other) and (blank) when some record falls in them.
  const names: string[] = [];
  const columns: Float64Array[] = [];
  const columnOf = new Map<string, number>();
  const addColumn = (key: string, name: string): number => {
    columnOf.set(key, names.length);
    names.push(name);
    columns.push(new Float64Array(P + 1));
    return names.length - 1;
  };
  if (ownerList !== undefined) ownerList.keys.forEach((key, j) => addColumn(key, ownerList.names[j]));
  const other = new Float64Array(P + 1);
  const blank = new Float64Array(P + 1);
  const team = new Float64Array(P + 1); // without owners
  let otherCount = 0;
  let blankCount = 0;
  let outsideCount = 0;

  const amountOf = amountReader(amounts, "amounts");
  const dateOf = dateReader(dates, "dates");
  const ownerOf =
    owners === undefined
      ? undefined
      : nameReader(owners, "owners", (key, cell) => {
          if (key === BLANK_NAME) return BLANK;
          const known = columnOf.get(key);
          if (known !== undefined) return known;
          return ownerList !== undefined ? OTHER : addColumn(key, displayText(cell));
        });

  for (let i = 0; i < n; i++) {
    if (outcomes !== undefined && outcomes[i] !== WON) continue;
    const amount = amountOf(i);
    const d = dateOf(i);
    let p = OUTSIDE;
    if (d !== NO_DATE && d >= windowStart && d < windowEnd) p = periodOfDay[d - windowStart];
    else outsideCount++;
    if (ownerOf === undefined) {
      team[p] += amount;
      continue;
    }
    const c = ownerOf(i);
    if (c >= 0) columns[c][p] += amount;
    else if (c === OTHER) {
      other[p] += amount;
      otherCount++;
    } else {
      blank[p] += amount;
      blankCount++;
    }
  }

  const shown: Float64Array[] = owners === undefined ? [team] : columns.slice();
  const header: Cell[] = [labels.period];
  if (owners === undefined) header.push(labels.actual);
  else {
    header.push(...names);
    if (otherCount > 0) {
      shown.push(other);
      header.push(labels.other);
    }
    if (blankCount > 0) {
      shown.push(blank);
      header.push(labels.blank);
    }
    header.push(labels.total);
  }
  const withTotal = owners !== undefined;
  const rowOf = (label: string, slot: number): Cell[] => {
    const row: Cell[] = [label];
    let sum = 0;
    for (const col of shown) {
      row.push(col[slot] + 0);
      sum += col[slot];
    }
    if (withTotal) row.push(sum + 0);
    return row;
  };
  const out: Matrix = [header];
  for (let p = 0; p < P; p++) out.push(rowOf(layout.labels[p], p));
  // Total row: the sum of the period rows, column by column.
  const totalRow: Cell[] = [labels.total];
  for (let c = 1; c < header.length; c++) {
    let sum = 0;
    for (let p = 1; p <= P; p++) sum += out[p][c] as number;
    totalRow.push(sum + 0);
  }
  out.push(totalRow);
  if (outsideCount > 0) out.push(rowOf(labels.outside, OUTSIDE));
  return out;
}

// ---- ATTAINMENT ----

const ATTAINMENT_LABELS = {
  en: {
    headers: ["Owner", "Target", "Actual", "Attainment", "Gap", "Expected", "Pace", "Status", "Projected", "Rank"],
    total: "Total",
    other: "(other)",
    status: {
      achieved: "Achieved",
      onTrack: "On track",
      caution: "Caution",
      offTrack: "Off track",
      notStarted: "Not started",
      noTarget: "No target",
    },
  },
  zh: {
    headers: ["负责人", "目标", "实际", "完成率", "差额", "应完成", "进度", "状态", "预计", "排名"],
    total: "合计",
    other: "(其他)",
    status: {
      achieved: "已达成",
      onTrack: "正常",
      caution: "预警",
      offTrack: "落后",
      notStarted: "未开始",
      noTarget: "未设目标",
    },
  },
};

interface OwnerTarget {
  name: string;
  key: string;
  /** The target as shown: a number, or "" for a blank target cell. */
  shown: number | "";
  value: number;
}

const TOTAL_WORDS = new Set(["total", "合计"]);

/** A target cell: blank → "", a number ≥ 0, else #NUM! / #VALUE! naming it. */
function targetValue(c: Cell, owner: string, where: string): number | "" {
  if (isBlank(c)) return "";
  const err = cellError(c);
  if (err !== undefined) throw valueError(`targets holds the error ${err.code} at ${where}`);
  const v = parseNumber(c);
  if (v === undefined) throw valueError(`Target "${displayText(c)}" of owner "${owner}" at ${where} is not a number`);
  if (v < 0) throw numError(`Target ${formatNumber(v)} of owner "${owner}" at ${where} is negative`);
  return v;
}

/**
 * `targets` with owners: two columns owner | target (a first row whose target is not a number is a header), or two
 * rows — owners above targets, as one period of a TARGETPLAN reads (its Period column and Total column skipped).
 */
function readOwnerTargets(arg: unknown): OwnerTarget[] {
  const m = asMatrix(arg);
  const height = m.length;
  const width = m[0]?.length ?? 0;
  const pairs: Array<{ owner: Cell; target: Cell; where: string }> = [];
  if (width === 2) {
    for (let r = 0; r < height; r++) pairs.push({ owner: m[r][0], target: m[r][1], where: positionName(m, r * 2 + 1) });
    const first = pairs[0];
    if (
      first !== undefined &&
      cellError(first.target) === undefined &&
      (isBlank(first.target) || parseNumber(first.target) === undefined)
    ) {
      pairs.shift(); // header row
    }
  } else if (height === 2) {
    for (let c = 0; c < width; c++) {
      const owner = m[0][c];
      const target = m[1][c];
      if (cellError(owner) === undefined && !isTextBlank(owner) && TOTAL_WORDS.has(normalizeText(owner))) continue;
      // TARGETPLAN's Period column: a label (text that is not a number) under its header.
      if (typeof target === "string" && target.trim() !== "" && parseNumber(target) === undefined) continue;
      pairs.push({ owner, target, where: positionName(m, width + c) });
    }
  } else {
    throw valueError(
      `targets must be two columns (owner | target) or two rows (owners above their targets), not ${height} × ${width}`,
    );
  }
  const out: OwnerTarget[] = [];
  const seen = new Set<string>();
  for (const { owner, target, where } of pairs) {
    const err = cellError(owner);
    if (err !== undefined) throw valueError(`targets holds the error ${err.code} in an owner cell`);
    if (isTextBlank(owner)) continue;
    const key = textKey(owner);
    const name = displayText(owner);
    if (seen.has(key)) throw valueError(`Duplicate owner "${name}" in targets`);
    seen.add(key);
    const shown = targetValue(target, name, where);
    out.push({ name, key, shown, value: shown === "" ? 0 : shown });
  }
  return out;
}

/** a ≥ b, allowing for floating-point noise (an amount that is exactly the target on paper has reached it). */
function atLeast(a: number, b: number): boolean {
  return a >= b - noiseTolerance(b);
}

type StatusKey = keyof (typeof ATTAINMENT_LABELS)["en"]["status"];

/** Where one owner (or the team) stands: the cells Target … Projected, and its attainment for Rank. */
function standing(
  shown: number | "",
  target: number,
  actual: number,
  E: number,
  W: number,
  caution: number,
  status: Record<StatusKey, string>,
): { cells: Cell[]; attainment: number | undefined } {
  if (!(target > 0)) return { cells: [shown, actual + 0, "", "", "", "", status.noTarget, ""], attainment: undefined };
  const attainment = actual / target;
  const expected = (target * E) / W;
  let s: StatusKey;
  if (atLeast(actual, target)) s = "achieved";
  else if (expected === 0) s = "notStarted";
  else if (atLeast(actual, expected)) s = "onTrack";
  else if (atLeast(actual, expected * (1 - caution))) s = "caution";
  else s = "offTrack";
  const pace = expected === 0 ? "" : actual / expected;
  const projected = E === 0 ? "" : (actual * W) / E;
  return {
    cells: [shown, actual + 0, attainment, target - actual + 0, expected, pace, status[s], projected],
    attainment,
  };
}

/**
 * SALES.ATTAINMENT: per owner for one period — Target, Actual, Attainment, Gap, Expected (straight working-day line
 * to as_of), Pace, Status, Projected, Rank — then `(other)` and `Total`.
 */
export function attainment(
  targetsArg: unknown,
  amountsArg: unknown,
  datesArg: unknown,
  periodStartArg: unknown,
  periodEndArg: unknown,
  ownersArg?: unknown,
  outcomesArg?: unknown,
  asOfArg?: unknown,
  holidaysArg?: unknown,
  workdaysArg?: unknown,
  cautionArg?: unknown,
  lang: Lang = "en",
): Matrix {
  const amounts = recordsOf(amountsArg);
  const n = amounts.n;
  const dates = sameCount(recordsOf(datesArg), "dates", n, "amounts");
  const periodStart = dateArg(periodStartArg, "period_start");
  const periodEnd = dateArg(periodEndArg, "period_end");
  if (periodEnd < periodStart) {
    throw valueError(`period_end ${serialToIso(periodEnd)} is before period_start ${serialToIso(periodStart)}`);
  }
  const owners = optionalRecords(ownersArg, "owners", n, "amounts");
  const outcomes = readOutcomes(outcomesArg, n, "amounts");
  const asOf = dateArg(asOfArg, "as_of", () => todaySerial());
  const rule = readWorkingDayRule(holidaysArg, workdaysArg);
  const caution = numberArg(cautionArg, "caution", 0.1);
  if (!(caution >= 0 && caution < 1))
    throw numError(`caution must be at least 0 and below 1, not ${formatNumber(caution)}`);

  let targets: OwnerTarget[] = [];
  let teamShown: number | "" = "";
  if (owners !== undefined) targets = readOwnerTargets(targetsArg);
  else {
    const t = scalarOf(targetsArg, "targets");
    teamShown = targetValue(t, "team", "targets");
  }

  // W: working days of the period; E: those up to as_of. A period without working days counts calendar days.
  const elapsedEnd = Math.min(asOf, periodEnd);
  let W = rule.countWorkingDays(periodStart, periodEnd);
  let E = asOf < periodStart ? 0 : rule.countWorkingDays(periodStart, elapsedEnd);
  if (W === 0) {
    W = periodEnd - periodStart + 1;
    E = asOf < periodStart ? 0 : elapsedEnd - periodStart + 1;
  }

  const rowOf = new Map<string, number>(targets.map((t, j) => [t.key, j] as const));
  const actual = new Float64Array(targets.length);
  let otherActual = 0;
  let otherCount = 0;
  let teamActual = 0;
  const amountOf = amountReader(amounts, "amounts");
  const dateOf = dateReader(dates, "dates");
  const ownerOf =
    owners === undefined
      ? undefined
      : nameReader(owners, "owners", (key) => (key === BLANK_NAME ? OTHER : (rowOf.get(key) ?? OTHER)));
  for (let i = 0; i < n; i++) {
    if (outcomes !== undefined && outcomes[i] !== WON) continue;
    const a = amountOf(i);
    const d = dateOf(i);
    if (d === NO_DATE || d < periodStart || d > periodEnd) continue;
    teamActual += a;
    if (ownerOf === undefined) continue;
    const j = ownerOf(i);
    if (j >= 0) actual[j] += a;
    else {
      otherActual += a;
      otherCount++;
    }
  }

  const labels = ATTAINMENT_LABELS[lang];
  const out: Matrix = [labels.headers.slice()];
  const ranked: Array<{ row: Cell[]; attainment: number }> = [];
  targets.forEach((t, j) => {
    const { cells, attainment: att } = standing(t.shown, t.value, actual[j], E, W, caution, labels.status);
    const row: Cell[] = [t.name, ...cells, ""];
    if (att !== undefined) ranked.push({ row, attainment: att });
    out.push(row);
  });
  // Rank by attainment, highest first; ties share the smaller rank (1, 2, 2, 4).
  ranked.sort((a, b) => b.attainment - a.attainment);
  for (let k = 0; k < ranked.length; k++) {
    const tied = k > 0 && ranked[k].attainment === ranked[k - 1].attainment;
    ranked[k].row[9] = tied ? ranked[k - 1].row[9] : k + 1;
  }
  if (otherCount > 0) out.push([labels.other, "", otherActual + 0, "", "", "", "", "", "", ""]);
  let totalShown: number | "";
  let totalTarget: number;
  if (owners === undefined) {
    totalShown = teamShown;
    totalTarget = teamShown === "" ? 0 : teamShown;
  } else {
    totalTarget = 0;
    for (const t of targets) totalTarget += t.value;
    totalShown = totalTarget;
  }
  out.push([labels.total, ...standing(totalShown, totalTarget, teamActual, E, W, caution, labels.status).cells, ""]);
  return out;
}
