/**
 * Working days (formulas.md §6), shared by TARGETPLAN, ACTUALS and ATTAINMENT: a working day is a Monday–Friday
 * that is not in `holidays`, or any date listed in `workdays` (weekend days that are worked — China's 调休
 * make-up days). A date in both lists is a working day.
 */
import { cellError, valueError } from "./errors";
import { asMatrix, displayText, flatten, isBlank, isOmitted, parseDate, positionName, weekdayMonday0 } from "./coerce";

export interface WorkingDayRule {
  readonly holidays: ReadonlySet<number>;
  readonly workdays: ReadonlySet<number>;
  /** Is serial `day` (a whole serial) a working day? */
  isWorkingDay(day: number): boolean;
  /** Working days in [from, to], both included; 0 when to < from. */
  countWorkingDays(from: number, to: number): number;
}

/**
 * The dates of a `holidays` / `workdays` range. Blank cells (and 0, which Excel passes for some blank cells) are
 * skipped; an error cell or a cell that is not a date is #VALUE! naming it — whatever the period, so that a typo
 * is reported where it is made, not only when a weekly layout happens to read it.
 */
export function readDateList(arg: unknown, name: string, itemName: string): Set<number> {
  const set = new Set<number>();
  if (isOmitted(arg)) return set;
  const m = asMatrix(arg);
  const cells = flatten(m);
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (isBlank(c) || c === 0) continue;
    const err = cellError(c);
    if (err !== undefined) throw valueError(`${name} holds the error ${err.code} at ${positionName(m, i)}`);
    const d = parseDate(c);
    if (d === undefined) throw valueError(`${itemName} "${displayText(c)}" at ${positionName(m, i)} is not a date`);
    set.add(d);
  }
  return set;
}

/** Monday–Friday days in [from, to] (whole serials), by arithmetic. */
export function weekdaysBetween(from: number, to: number): number {
  if (to < from) return 0;
  const days = to - from + 1;
  const weeks = Math.floor(days / 7);
  let count = weeks * 5;
  const start = weekdayMonday0(from);
  for (let k = 0; k < days - weeks * 7; k++) if ((start + k) % 7 < 5) count++;
  return count;
}

export function workingDayRule(holidays: ReadonlySet<number>, workdays: ReadonlySet<number>): WorkingDayRule {
  const isWorkingDay = (day: number): boolean => workdays.has(day) || (weekdayMonday0(day) < 5 && !holidays.has(day));
  // Weekdays by arithmetic, corrected by the (few) listed dates inside the span: a holiday on a weekday that is not
  // also a workday is one less; a workday on a weekend is one more (one on a weekday is already counted).
  const countWorkingDays = (from: number, to: number): number => {
    if (to < from) return 0;
    let count = weekdaysBetween(from, to);
    for (const h of holidays) {
      if (h >= from && h <= to && weekdayMonday0(h) < 5 && !workdays.has(h)) count--;
    }
    for (const w of workdays) {
      if (w >= from && w <= to && weekdayMonday0(w) >= 5) count++;
    }
    return count;
  };
  return { holidays, workdays, isWorkingDay, countWorkingDays };
}

/** The rule of a function's `holidays` and `workdays` arguments (both optional). */
export function readWorkingDayRule(holidaysArg: unknown, workdaysArg: unknown): WorkingDayRule {
  const holidays = readDateList(holidaysArg, "holidays", "Holiday");
  const workdays = readDateList(workdaysArg, "workdays", "Workday");
  return workingDayRule(holidays, workdays);
}
