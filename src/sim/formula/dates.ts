/**
 * Excel's 1900 date system: serial 1 is 1900-01-01, serial 60 is the 29 February 1900 that never was
 * (Excel keeps Lotus's leap-year bug), serial 61 is 1900-03-01; the last valid date is 9999-12-31
 * (serial 2,958,465). Weekdays follow the serials, so serial 1 is a Sunday as in Excel.
 */
const MS_PER_DAY = 86_400_000;
/** Serial of 1970-01-01. */
const UNIX_EPOCH = 25_569;
export const MAX_SERIAL = 2_958_465;

export interface Ymd {
  year: number;
  month: number;
  day: number;
}

function jsSerial(year: number, month: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return Math.round(d.getTime() / MS_PER_DAY) + UNIX_EPOCH;
}

/** Serial of the first day of a month (month 1–12) in Excel's calendar. */
function firstOfMonth(year: number, month: number): number {
  if (year === 1900 && month === 1) return 1;
  if (year === 1900 && month === 2) return 32;
  return jsSerial(year, month, 1);
}

/**
 * DATE(year, month, day) with Excel's overflow rules (month 13 is next January, day 0 the last day of the
 * previous month); `year` is already adjusted (0–1899 → +1900 is the caller's DATE rule). May be < 0.
 */
export function serialFromParts(year: number, month: number, day: number): number {
  const m0 = month - 1;
  const y = year + Math.floor(m0 / 12);
  const m = (((m0 % 12) + 12) % 12) + 1;
  return firstOfMonth(y, m) + (day - 1);
}

/** Calendar date of a serial (0 is Excel's "1900-01-00"). The caller checks the range. */
export function partsFromSerial(serial: number): Ymd {
  const s = Math.floor(serial);
  if (s === 0) return { year: 1900, month: 1, day: 0 };
  if (s === 60) return { year: 1900, month: 2, day: 29 };
  const d = new Date((s - UNIX_EPOCH + (s < 60 ? 1 : 0)) * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function daysInMonth(year: number, month: number): number {
  if (year === 1900 && month === 2) return 29;
  return serialFromParts(year, month + 1, 1) - serialFromParts(year, month, 1);
}

/** 0 = Monday … 6 = Sunday, in Excel's calendar. */
export function weekdayMonday0(serial: number): number {
  return (((Math.floor(serial) + 5) % 7) + 7) % 7;
}
